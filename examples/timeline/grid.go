package main

import (
	"io"
	"strings"
)

// A grid lays out lines of cells in columns, as text/tabwriter does with
// cells that end in a tab, a padding of 2 spaces and no flags, but
// measures each cell by the columns a terminal gives it: two for a wide
// character, such as a Chinese one, and one for any other. tabwriter
// counts runes, which puts the columns of a Chinese table out of line.
//
// As in tabwriter, a line's last cell is not part of a column, and column
// k is aligned over each run of consecutive lines that have a cell k
// before their last: a line of one cell ends every column.
type grid struct {
	lines [][]string
}

// add adds a line of cells; a line of no cells is an empty line.
func (g *grid) add(cells ...string) {
	g.lines = append(g.lines, cells)
}

// write writes the lines of g to w, each ended by a newline.
func (g *grid) write(w io.Writer) error {
	// pad[i][k] is the width of cell k of line i with its padding.
	pad := make([][]int, len(g.lines))
	for i, cells := range g.lines {
		pad[i] = make([]int, max(len(cells)-1, 0))
	}
	for k := 0; ; k++ {
		more := false
		for i := 0; i < len(g.lines); {
			if len(g.lines[i])-1 <= k {
				i++
				continue
			}
			more = true
			j, widest := i, 0
			for ; j < len(g.lines) && len(g.lines[j])-1 > k; j++ {
				widest = max(widest, width(g.lines[j][k]))
			}
			for ; i < j; i++ {
				pad[i][k] = widest + 2
			}
		}
		if !more {
			break
		}
	}
	var b strings.Builder
	for i, cells := range g.lines {
		for k, c := range cells {
			b.WriteString(c)
			if k < len(pad[i]) {
				b.WriteString(strings.Repeat(" ", pad[i][k]-width(c)))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// width returns the columns a terminal gives s: two for each wide or
// full-width character (East Asian Width W or F in Unicode's UAX #11), one
// for any other.
func width(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

// wide reports whether r is a wide or full-width character: the blocks of
// Chinese, Japanese and Korean characters and of their punctuation and
// full-width forms, which are all the wide characters this program writes.
func wide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115f, // Hangul Jamo initials
		0x2e80 <= r && r <= 0x303e,   // CJK radicals, symbols and punctuation
		0x3041 <= r && r <= 0x33ff,   // kana, Bopomofo, CJK compatibility
		0x3400 <= r && r <= 0x4dbf,   // CJK Unified Ideographs Extension A
		0x4e00 <= r && r <= 0x9fff,   // CJK Unified Ideographs
		0xa000 <= r && r <= 0xa4cf,   // Yi
		0xac00 <= r && r <= 0xd7a3,   // Hangul syllables
		0xf900 <= r && r <= 0xfaff,   // CJK compatibility ideographs
		0xfe30 <= r && r <= 0xfe4f,   // CJK compatibility forms
		0xff00 <= r && r <= 0xff60,   // full-width forms
		0xffe0 <= r && r <= 0xffe6,   // full-width signs
		0x20000 <= r && r <= 0x3fffd: // CJK Extensions B and later
		return true
	}
	return false
}

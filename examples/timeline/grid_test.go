package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/google/go-cmp/cmp"
)

// TestGrid checks that a grid lays out narrow text as text/tabwriter does,
// and wide text by the columns a terminal gives it.
func TestGrid(t *testing.T) {
	narrow := [][]string{
		{"Title (Associate, id)"},
		{"  2026-12-01", "earned"},
		{"  2026-12-01", "(today)"},
		{"  decisions:"},
		{"  2026-12-01 (today)", "Eligible", "On 2026-12-01 you can renew."},
		{"  2027-04-02", "Expired", "On 2027-04-02 you cannot renew."},
		{},
		{"  event", "", "a cell after an empty one"},
		{"  ", "x", "y"},
	}
	var g grid
	var want bytes.Buffer
	tw := tabwriter.NewWriter(&want, 0, 4, 2, ' ', 0)
	for _, cells := range narrow {
		g.add(cells...)
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
	var got bytes.Buffer
	if err := g.write(&got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.String(), got.String()); diff != "" {
		t.Errorf("grid and tabwriter differ (-tabwriter +grid):\n%s", diff)
	}

	g = grid{}
	g.add("  2026年12月1日（今天）", "NotYetOpen", "您在 2026年12月1日 不能更新此认证。")
	g.add("  2026年12月7日", "Eligible", "您可以更新此认证。")
	got.Reset()
	if err := g.write(&got); err != nil {
		t.Fatal(err)
	}
	wide := "  2026年12月1日（今天）  NotYetOpen  您在 2026年12月1日 不能更新此认证。\n" +
		"  2026年12月7日          Eligible    您可以更新此认证。\n"
	if diff := cmp.Diff(wide, got.String()); diff != "" {
		t.Errorf("wide cells mismatch (-want +got):\n%s", diff)
	}
}

// TestWidth checks the columns of a few texts.
func TestWidth(t *testing.T) {
	for s, want := range map[string]int{
		"":               0,
		"2026-12-01":     10,
		"2026年12月1日":     13,
		"（今天）":           8,
		"“azure”":        7, // quotation marks are narrow
		"Microsoft 认证":   14,
		"\u3000":         2, // the ideographic space
		"한국어":            6,
		"\U00020000":     2,
		"e\u0301":        2, // a combining mark counts as a character
		"ＡＢ":             4,
		"ｱ":              1, // half-width katakana
		"第 1 次提醒（12月8日）": 22,
	} {
		if got := width(s); got != want {
			t.Errorf("width(%q) = %d, want %d", s, got, want)
		}
	}
}

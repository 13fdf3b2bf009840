package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/certrenew/certrenew/examples/internal/golden"
	"github.com/google/go-cmp/cmp"
)

// TestSVG checks -svg on 2026-12-01 against its golden files, in English
// and in Chinese, and that each is the same twice, well-formed XML with an
// svg root, one row per title, in the table's order, and one line of
// today. The axis runs over whole years from 2023-01-01, the year the
// fundamentals title was earned (2023-12-01), to 2029-01-01, after the
// last expiry (2028-04-11): 2192 days over the 850 pixels from x 400 to
// 1250, so that today, 1430 days after its start, is at x 954.5.
func TestSVG(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		golden string
	}{
		{[]string{"-today", "2026-12-01", "-svg"}, "timeline-2026-12-01.svg"},
		{[]string{"-today", "2026-12-01", "-svg", "-lang", "zh"}, "timeline-2026-12-01-zh.svg"},
	} {
		var out, again, errs bytes.Buffer
		if code := run(tt.args, now, &out, &errs); code != 0 || errs.Len() != 0 {
			t.Fatalf("run(%q) = %d, %q", tt.args, code, errs.String())
		}
		golden.Check(t, tt.golden, out.Bytes())
		if code := run(tt.args, now.Add(time.Hour), &again, &errs); code != 0 || !bytes.Equal(out.Bytes(), again.Bytes()) {
			t.Errorf("run(%q) twice gives other bytes", tt.args)
		}
		doc := parseSVG(t, out.Bytes())
		want := []string{"azure-fundamentals", "azure-administrator", "azure-security-engineer", "azure-iot-developer", "azure-solutions-architect"}
		if diff := cmp.Diff(want, doc.rows); diff != "" {
			t.Errorf("run(%q): rows mismatch (-want +got):\n%s", tt.args, diff)
		}
		if len(doc.today) != 1 || doc.today[0] != [2]string{"954.5", "954.5"} {
			t.Errorf("run(%q): lines of today at %v, want one at x 954.5", tt.args, doc.today)
		}
	}
}

// TestSVGLanes checks that credentials of a title whose validity overlaps
// are drawn on lanes of their own, the current one first: in
// testdata/events-merge-longer.json the credential earned 2021-07-15,
// valid to 2022-07-15, is replaced on 2021-09-01 by the merged profile's,
// earned 2021-08-20 and valid to 2022-08-20 (P2). It also checks that the
// text given on the command line is escaped: the MCID, in the title.
func TestSVGLanes(t *testing.T) {
	var out, errs bytes.Buffer
	args := []string{"-today", "2022-03-01", "-svg", "-mcid", `<&"'>`, "-events", filepath.Join("testdata", "events-merge-longer.json")}
	if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
	}
	doc := parseSVG(t, out.Bytes())
	if len(doc.rows) != 1 || len(doc.bars) != 2 {
		t.Fatalf("%d rows and %d bars, want 1 and 2", len(doc.rows), len(doc.bars))
	}
	if cur, earlier := doc.bars[1], doc.bars[0]; !(cur.y < earlier.y) || cur.fill != colorBar || earlier.fill != colorEarlier {
		t.Errorf("bars %+v: want the current one, %s, above the earlier one, %s", doc.bars, colorBar, colorEarlier)
	}
	if want := `Renewal timeline of holder <&"'> on 2022-03-01`; doc.title != want {
		t.Errorf("title %q, want %q", doc.title, want)
	}
}

// An svgDoc is what the tests read of an SVG document: the title, the
// titles of the rows in order, the x1 and x2 of the lines of today, and the
// bars.
type svgDoc struct {
	title string
	rows  []string
	today [][2]string
	bars  []struct {
		y    float64
		fill string
	}
}

// parseSVG reads doc with encoding/xml, failing the test if it is not
// well-formed or its root is not an svg element of the SVG namespace.
func parseSVG(t *testing.T, data []byte) svgDoc {
	t.Helper()
	var doc svgDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	var path []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(path) == 0 && (tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg") {
				t.Fatalf("root %v, want svg", tok.Name)
			}
			path = append(path, tok.Name.Local)
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch {
			case tok.Name.Local == "g" && attr["class"] == "row":
				doc.rows = append(doc.rows, attr["data-cert"])
			case tok.Name.Local == "line" && attr["class"] == "today":
				doc.today = append(doc.today, [2]string{attr["x1"], attr["x2"]})
			case tok.Name.Local == "rect" && attr["class"] == "bar":
				var y float64
				if _, err := fmt.Sscan(attr["y"], &y); err != nil {
					t.Fatalf("bar y %q: %v", attr["y"], err)
				}
				doc.bars = append(doc.bars, struct {
					y    float64
					fill string
				}{y, attr["fill"]})
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			if slices.Equal(path, []string{"svg", "title"}) {
				doc.title += string(tok)
			}
		}
	}
	if len(path) != 0 {
		t.Fatalf("elements left open: %v", path)
	}
	return doc
}

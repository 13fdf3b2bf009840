package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/google/go-cmp/cmp"
)

// The policy and the catalog of a workforce of several programs, at the
// repository's root (RULES G8).
var (
	workforcePolicy  = filepath.Join("..", "..", "policies", "workforce.json")
	workforceCatalog = filepath.Join("..", "..", "policies", "catalog.json")
)

// TestCatalogWorkforce replays testdata/workforce.json, one holder's log
// with a Microsoft title and a Google Cloud title, under the workforce
// policy and its catalog, as of 2024-06-01. Each title is decided under
// its own program's policy (RULES G8): the Google Cloud Professional Cloud
// Architect, earned 2022-07-01 and valid 24 months to 2024-07-01, has a
// window of 60 days (G2), [2024-05-02, 2024-07-01), open today after a
// failed attempt on 2024-05-20, with 30 days of grace to 2024-07-31 (G1);
// the Azure Administrator Associate, earned 2023-09-01 and valid 12 months
// (V2), renewed on 2024-04-15 to 2025-09-01 (N1), has Microsoft's window of
// 6 months (E2), [2025-03-01, 2025-09-01), not yet open today. Without
// -catalog the roadmap has no Google title, and the replay refuses the
// log's first event.
func TestCatalogWorkforce(t *testing.T) {
	args := []string{"-today", "2024-06-01", "-json", "-policy", workforcePolicy, "-catalog", workforceCatalog,
		"-events", filepath.Join("testdata", "workforce.json")}
	var out, errs bytes.Buffer
	if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
	}
	var v struct {
		Credentials []struct {
			Cert      string
			Decisions []struct {
				On        string
				Reason    string
				Window    struct{ Opens, Closes string }
				GraceEnds string
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	type today struct{ Reason, Opens, Closes, GraceEnds string }
	got := map[string]today{}
	windows := map[string][2]cert.Date{}
	for _, c := range v.Credentials {
		for _, d := range c.Decisions {
			if d.On == "2024-06-01" {
				got[c.Cert] = today{d.Reason, d.Window.Opens, d.Window.Closes, d.GraceEnds}
				windows[c.Cert] = [2]cert.Date{cert.MustParseDate(d.Window.Opens), cert.MustParseDate(d.Window.Closes)}
			}
		}
	}
	want := map[string]today{
		"google-professional-cloud-architect": {"Eligible", "2024-05-02", "2024-07-01", "2024-07-31"},
		"azure-administrator":                 {"NotYetOpen", "2025-03-01", "2025-09-01", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("decisions on 2024-06-01 mismatch (-want +got):\n%s", diff)
	}
	if w := windows["google-professional-cloud-architect"]; w[1].DaysSince(w[0]) != 60 {
		t.Errorf("the Google title's window %v is %d days, want 60 (RULES G2)", w, w[1].DaysSince(w[0]))
	}
	if w := windows["azure-administrator"]; w[0].AddMonths(6) != w[1] {
		t.Errorf("the Microsoft title's window %v is not 6 months (RULES E2)", w)
	}

	out.Reset()
	errs.Reset()
	args = []string{"-today", "2024-06-01", "-policy", workforcePolicy, "-events", filepath.Join("testdata", "workforce.json")}
	if code := run(args, now, &out, &errs); code != 2 {
		t.Errorf("run(%q) = %d, want 2", args, code)
	}
	checkLine(t, args, errs.String(), "-events", "Event 1 of the log was refused")
	if out.Len() != 0 {
		t.Errorf("run(%q) wrote to stdout: %q", args, out.String())
	}
}

// TestCatalogRefused checks that a catalog file that cannot be read, or
// that is not a valid catalog, and one with a title of a program the
// policy does not list (RULES G8, policy.ErrUnknownProgram), get one line
// on stderr that names -catalog and the file, and exit status 2, with
// nothing on stdout, with -events or not; and so does, without -events, a
// catalog that lacks titles of the sample story.
func TestCatalogRefused(t *testing.T) {
	dir := t.TempDir()
	file := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	aws := file("aws.json", `{"certifications": [
  {"id": "azure-administrator", "name": "Microsoft Certified: Azure Administrator Associate", "level": "Associate", "renewalFrom": "2021-02-01"},
  {"id": "aws-solutions-architect", "name": "AWS Certified Solutions Architect - Associate", "level": "Associate", "program": "aws"}
]}`)
	// The refusals of CheckCatalog, told by explain with the error's own
	// words after the sentence.
	unknown := func(policyFile, catalogFile string) []string {
		p := policy.Microsoft()
		if policyFile != "" {
			data, err := os.ReadFile(policyFile)
			if err != nil {
				t.Fatal(err)
			}
			if p, err = policy.Parse(data); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(catalogFile)
		if err != nil {
			t.Fatal(err)
		}
		cat, err := cert.ParseCatalog(data)
		if err != nil {
			t.Fatal(err)
		}
		err = p.CheckCatalog(cat)
		if !errors.Is(err, policy.ErrUnknownProgram) {
			t.Fatalf("CheckCatalog(%s) under %q = %v, want ErrUnknownProgram", catalogFile, policyFile, err)
		}
		return []string{explain.Error(explain.English, err), strings.TrimPrefix(err.Error(), policy.ErrUnknownProgram.Error()+": ")}
	}
	events := filepath.Join("testdata", "workforce.json")
	for _, tt := range []struct {
		args []string
		file string   // the catalog file
		want []string // in the line on stderr, after "-catalog: FILE: "
	}{
		{nil, filepath.Join(dir, "missing.json"), []string{"no such file"}},
		{nil, file("empty.json", ""), []string{"The catalog of certifications is not valid.", "empty"}},
		{nil, file("null.json", "null\n"), []string{"The catalog of certifications is not valid.", "null"}},
		{nil, file("truncated.json", `{"certifications": [`), []string{"The catalog of certifications is not valid.", "end of the input"}},
		{nil, file("unnamed.json", `{"certifications": [{"id": "x", "level": "Associate"}]}`), []string{"“x”", "(certifications[0].name: no name)"}},
		{nil, file("level.json", `{"certifications": [{"id": "x", "name": "X", "level": "Master"}]}`), []string{"“Master” is not a certification level", "(certifications[0].level)"}},
		{[]string{"-events", events}, file("member.json", `{"certifications": [], "version": 2}`), []string{"The catalog of certifications is not valid.", "version"}},
		{[]string{"-policy", workforcePolicy, "-events", events}, aws, unknown(workforcePolicy, aws)},
		{[]string{"-policy", workforcePolicy}, aws, unknown(workforcePolicy, aws)},
		{[]string{"-events", events}, workforceCatalog, unknown("", workforceCatalog)},
		{nil, workforceCatalog, unknown("", workforceCatalog)},
		{[]string{"-policy", workforcePolicy}, workforceCatalog, []string{"the sample story needs azure-iot-developer, azure-security-engineer, which the catalog lacks"}},
	} {
		for _, form := range [][]string{nil, {"-json"}} {
			args := append(append([]string{"-today", "2024-06-01", "-catalog", tt.file}, tt.args...), form...)
			var out, errs bytes.Buffer
			if code := run(args, now, &out, &errs); code != 2 {
				t.Errorf("run(%q) = %d, want 2", args, code)
			}
			checkLine(t, args, errs.String(), append([]string{"timeline: -catalog: " + tt.file + ": "}, tt.want...)...)
			if out.Len() != 0 {
				t.Errorf("run(%q) wrote to stdout: %q", args, out.String())
			}
		}
	}
}

// TestCatalogRoadmap checks that the sample story told in the roadmap read
// from a file with -catalog is the one told in the roadmap the program
// ships: the story adds its fundamentals title to a catalog that lacks it,
// as it does to the roadmap. A catalog that has that title keeps its own.
func TestCatalogRoadmap(t *testing.T) {
	data, err := json.Marshal(cert.Roadmap())
	if err != nil {
		t.Fatal(err)
	}
	roadmap := filepath.Join(t.TempDir(), "roadmap.json")
	if err := os.WriteFile(roadmap, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, form := range [][]string{nil, {"-json"}, {"-svg"}} {
		var want, got, errs bytes.Buffer
		args := append([]string{"-today", "2026-12-01"}, form...)
		if code := run(args, now, &want, &errs); code != 0 {
			t.Fatalf("run(%q) = %d: %s", args, code, errs.String())
		}
		args = append(args, "-catalog", roadmap)
		if code := run(args, now, &got, &errs); code != 0 || errs.Len() != 0 {
			t.Fatalf("run(%q) = %d: %s", args, code, errs.String())
		}
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("run(%q) differs from the roadmap's story (-want +got):\n%s", args, diff)
		}
	}

	own, err := storyCatalog(catalog())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := idsOf(own), idsOf(catalog()); !cmp.Equal(got, want) {
		t.Errorf("storyCatalog of a catalog with the fundamentals title changed it:\n%s", cmp.Diff(want, got))
	}
}

// idsOf returns the IDs of cat's titles in its order.
func idsOf(cat cert.Catalog) []cert.ID {
	var ids []cert.ID
	for c := range cat.All() {
		ids = append(ids, c.ID)
	}
	return ids
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/certrenew/certrenew/examples/internal/golden"
	"github.com/google/go-cmp/cmp"
)

// now is a fixed instant for the default of -today.
var now = time.Date(2022, time.May, 20, 12, 0, 0, 0, time.UTC)

// TestTable checks the table on 2022-05-20. By the rules: the associate
// earned 2020-11-16 before June 2021 expires 2022-11-16 (V3) and its window
// opens 2022-05-16 (E2), so it is eligible that day; the expert earned
// 2021-08-09 expires 2022-08-09 (V2), was renewed on 2022-03-01 to
// 2023-08-09 (N1), and is not yet open again (N3); the wave-2 title earned
// 2019-03-20 could renew only from 2021-02-15 (E3); the fundamentals title
// never expires (V1).
func TestTable(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-today", "2022-05-20"}, now, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	golden.Check(t, "table.golden", out.Bytes())
	for _, want := range []string{
		"2022-05-20 (today)  Eligible    may renew until 2022-11-15",
		"2022-06-01  renewed: expires 2023-11-16 instead of 2022-11-16",
		"2021-02-14          AssessmentUnavailable  may renew from 2021-02-15",
		"2022-05-20 (today)  NotYetOpen  may renew from 2023-02-09",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %q", want)
		}
	}
}

// TestDefaultToday checks that -today defaults to the day of now.
func TestDefaultToday(t *testing.T) {
	var a, b, errA, errB bytes.Buffer
	if code := run(nil, now, &a, &errA); code != 0 || errA.Len() != 0 {
		t.Fatalf("run() = %d, %q", code, errA.String())
	}
	if code := run([]string{"-today", "2022-05-20"}, now, &b, &errB); code != 0 || errB.Len() != 0 {
		t.Fatalf("run(-today 2022-05-20) = %d, %q", code, errB.String())
	}
	if diff := cmp.Diff(b.String(), a.String()); diff != "" {
		t.Errorf("default -today mismatch (-want +got):\n%s", diff)
	}
}

// TestJSON checks the JSON form: valid JSON, and the same timeline.
func TestJSON(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-today", "2022-05-20", "-json"}, now, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	var v struct {
		Today       string
		Credentials []struct {
			Cert      string
			Decisions []struct {
				Reason       string
				EligibleFrom string
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if v.Today != "2022-05-20" || len(v.Credentials) != 4 {
		t.Errorf("today %q, %d credentials; want 2022-05-20, 4", v.Today, len(v.Credentials))
	}
	golden.Check(t, "timeline.json", out.Bytes())
}

// TestPolicyFile reads a policy with a third term and a 9-month window: the
// associate's window then opens 2022-02-16, nine months before 2022-11-16.
func TestPolicyFile(t *testing.T) {
	var out, errs bytes.Buffer
	args := []string{"-today", "2022-05-20", "-policy", filepath.Join("testdata", "policy-longer-window.json")}
	if code := run(args, now, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if want := "2022-02-16  renewal window opens (expires 2022-11-16)"; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}

// TestBadInput checks that a bad flag or file gets one line on stderr and
// exit status 2.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"terms": [], "windowMonths": 6}`), 0o644); err != nil {
		t.Fatal(err)
	}
	notJSON := filepath.Join(dir, "not.json")
	if err := os.WriteFile(notJSON, []byte("terms:\n  - 24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-bogus"},
		{"-today", "2021-02-30"},
		{"-today", ""},
		{"-policy", filepath.Join(dir, "missing.json")},
		{"-policy", bad},
		{"-policy", notJSON},
		{"extra"},
	} {
		var out, errs bytes.Buffer
		code := run(args, now, &out, &errs)
		if code != 2 {
			t.Errorf("run(%q) = %d, want 2", args, code)
		}
		if lines := strings.Count(errs.String(), "\n"); lines != 1 || !strings.HasPrefix(errs.String(), "timeline: ") {
			t.Errorf("run(%q) stderr = %q, want one line starting \"timeline: \"", args, errs.String())
		}
		if out.Len() != 0 {
			t.Errorf("run(%q) wrote to stdout: %q", args, out.String())
		}
	}
}

// TestHelp checks that -h prints the usage and succeeds.
func TestHelp(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-h"}, now, &out, &errs); code != 0 || !strings.Contains(out.String(), "-today") {
		t.Errorf("run(-h) = %d, %q", code, out.String())
	}
}

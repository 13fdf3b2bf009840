package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/certrenew/certrenew/examples/internal/golden"
	"github.com/google/go-cmp/cmp"
)

// today is a fixed day for the default of -day.
var today = day("2026-12-01")

// TestOutput checks the output for 2000 holders of seed 1 on 2026-12-01
// against its golden file.
func TestOutput(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-n", "2000", "-seed", "1", "-day", "2026-12-01"}, today, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	golden.Check(t, "batch.golden", out.Bytes())
}

// TestDefaultDay checks that -day defaults to today.
func TestDefaultDay(t *testing.T) {
	var a, b, errs bytes.Buffer
	if code := run([]string{"-n", "100"}, today, &a, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if code := run([]string{"-n", "100", "-day", "2026-12-01"}, today, &b, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if diff := cmp.Diff(b.String(), a.String()); diff != "" {
		t.Errorf("default -day mismatch (-want +got):\n%s", diff)
	}
}

// TestBadFlags checks that a bad flag gets one line on stderr, nothing on
// stdout and exit status 2.
func TestBadFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string // in the line on stderr
	}{
		{[]string{"-bogus"}, "not defined"},
		{[]string{"-n", "0"}, "-n"},
		{[]string{"-n", "-5"}, "-n"},
		{[]string{"-n", "many"}, "invalid value"},
		{[]string{"-seed", "-1"}, "invalid value"},
		{[]string{"-day", "2026-02-30"}, "-day"},
		{[]string{"-day", ""}, "-day"},
		{[]string{"-day", "2018-12-31"}, "before 2019-01-01"},
		{[]string{"-day"}, "flag needs an argument"},
		{[]string{"extra"}, "unexpected argument"},
	} {
		var out, errs bytes.Buffer
		if code := run(tt.args, today, &out, &errs); code != 2 {
			t.Errorf("run(%q) = %d, want 2", tt.args, code)
		}
		if lines := strings.Count(errs.String(), "\n"); lines != 1 || !strings.HasPrefix(errs.String(), "batch: ") || !strings.Contains(errs.String(), tt.want) {
			t.Errorf("run(%q) stderr = %q, want one line starting \"batch: \" with %q", tt.args, errs.String(), tt.want)
		}
		if out.Len() != 0 {
			t.Errorf("run(%q) wrote to stdout: %q", tt.args, out.String())
		}
	}
}

// TestHelp checks that -h and -help print the usage, with every flag, on
// stdout and succeed.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		var out, errs bytes.Buffer
		if code := run([]string{arg}, today, &out, &errs); code != 0 || errs.Len() != 0 {
			t.Errorf("run(%s) = %d, stderr %q", arg, code, errs.String())
		}
		for _, flag := range []string{"usage: batch ", "-n number", "-seed seed", "-day day"} {
			if !strings.Contains(out.String(), flag) {
				t.Errorf("run(%s) usage lacks %q: %q", arg, flag, out.String())
			}
		}
	}
}

package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/certrenew/certrenew/examples/internal/golden"
)

// TestRun checks the answers against their golden file, which was read
// against RULES.md by hand, question by question: the window opening
// 2022-01-15 for an expiry of 2022-07-15 (E2), the 24-hour lockout from
// the second attempt (A3), the expert renewed to 2023-09-01 while its
// associate keeps 2022-07-15 (N2, R2), and so on.
func TestRun(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run() = %d, stderr %q", code, errs.String())
	}
	golden.Check(t, "faq.golden", out.Bytes())
}

// TestBadArgs checks that an unknown flag or a stray argument gets one line
// on stderr, nothing on stdout, and exit status 2.
func TestBadArgs(t *testing.T) {
	for _, args := range [][]string{
		{"-bogus"},
		{"-x=1"},
		{"extra"},
		{"-", "x"},
	} {
		var out, errs bytes.Buffer
		if code := run(args, &out, &errs); code != 2 {
			t.Errorf("run(%q) = %d, want 2", args, code)
		}
		if lines := strings.Count(errs.String(), "\n"); lines != 1 || !strings.HasPrefix(errs.String(), "faq: ") {
			t.Errorf("run(%q) stderr = %q, want one line starting \"faq: \"", args, errs.String())
		}
		if out.Len() != 0 {
			t.Errorf("run(%q) wrote to stdout: %q", args, out.String())
		}
	}
}

// TestHelp checks that -h and -help print the usage on stdout and succeed.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		var out, errs bytes.Buffer
		if code := run([]string{arg}, &out, &errs); code != 0 || !strings.HasPrefix(out.String(), "usage: faq") || errs.Len() != 0 {
			t.Errorf("run(%s) = %d, stdout %q, stderr %q; want 0 and the usage on stdout", arg, code, out.String(), errs.String())
		}
	}
}

package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/certrenew/certrenew/examples/internal/golden"
)

// TestRun checks the answers against their golden files, one per language
// mode, which were read against RULES.md by hand, question by question:
// the window opening 2022-01-15 for an expiry of 2022-07-15, its last day
// 2022-07-14 (E2, D2); the new title's assessment offered 2022-05-01, six
// months after its launch, inside a window opening 2022-03-15 (E3); the
// 24-hour lockout from the second attempt, lifting 2022-02-02 09:30 UTC
// (A3); the expert renewed to 2023-09-01 while its associate keeps
// 2022-07-15 (N1, N2, R2), and its next window 2023-03-01..2023-08-31.
func TestRun(t *testing.T) {
	tests := []struct {
		args   []string
		golden string
	}{
		{nil, "faq-both.golden"},
		{[]string{"-lang", "en"}, "faq-en.golden"},
		{[]string{"-lang=zh"}, "faq-zh.golden"},
		// Other tags of each language give the same output.
		{[]string{"-lang", "zh-CN"}, "faq-zh.golden"},
		{[]string{"-lang", "ZH_hans_cn"}, "faq-zh.golden"},
		{[]string{"-lang", "en-GB"}, "faq-en.golden"},
		// Traditional Chinese, unknown tags and the empty tag fall back
		// to English (explain.Lookup).
		{[]string{"-lang", "zh-TW"}, "faq-en.golden"},
		{[]string{"-lang", "fr"}, "faq-en.golden"},
		{[]string{"-lang="}, "faq-en.golden"},
	}
	for _, tt := range tests {
		var out, errs bytes.Buffer
		if code := run(tt.args, &out, &errs); code != 0 || errs.Len() != 0 {
			t.Fatalf("run(%q) = %d, stderr %q", tt.args, code, errs.String())
		}
		golden.Check(t, tt.golden, out.Bytes())
	}
}

// TestBothIsEachLanguage checks that the output in both languages holds
// every line of each language's own, in the same order.
func TestBothIsEachLanguage(t *testing.T) {
	output := func(args ...string) []string {
		var out, errs bytes.Buffer
		if code := run(args, &out, &errs); code != 0 {
			t.Fatalf("run(%q) = %d, stderr %q", args, code, errs.String())
		}
		return strings.Split(out.String(), "\n")
	}
	both := output()
	for _, tag := range []string{"en", "zh"} {
		one := output("-lang", tag)
		i := 0
		for _, line := range both {
			if i < len(one) && line == one[i] {
				i++
			}
		}
		if i != len(one) {
			t.Errorf("-lang %s: line %d, %q, is not in the output in both languages", tag, i+1, one[i])
		}
	}
	if n := strings.Count(strings.Join(both, "\n"), "RULES"); n < 2*numQuestions {
		t.Errorf("%d answers cite RULES, want every answer in both languages", n)
	}
}

// TestBadArgs checks that an unknown flag or a stray argument gets one line
// on stderr, nothing on stdout, and exit status 2.
func TestBadArgs(t *testing.T) {
	for _, args := range [][]string{
		{"-bogus"},
		{"-x=1"},
		{"extra"},
		{"-", "x"},
		{"-lang"},
		{"-lang", "zh", "extra"},
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

package main

import (
	"bytes"
	"testing"

	"github.com/certrenew/certrenew/examples/internal/golden"
)

// TestRun checks the answers against their golden file, which was read
// against RULES.md by hand, question by question: the window opening
// 2022-01-15 for an expiry of 2022-07-15 (E2), the 24-hour lockout from
// the second attempt (A3), the expert renewed to 2023-09-01 while its
// associate keeps 2022-07-15 (N2, R2), and so on.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "faq.golden", out.Bytes())
}

package main

import (
	"bytes"
	"testing"

	"github.com/certrenew/certrenew/examples/internal/golden"
)

// TestRun checks the walk-through against its golden file, which was read
// against RULES A2, A3, D4 and N1 by hand: attempt 2 at once, attempt 3
// refused until 24 elapsed hours after attempt 2 (10:40 EDT, across the
// clock change), the pass renewing 2022-07-15 to 2023-07-15, and the window
// closed the day after.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "retakes.golden", out.Bytes())
}

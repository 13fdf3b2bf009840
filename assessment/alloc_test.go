package assessment_test

import (
	"math"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
)

func TestNoAllocs(t *testing.T) {
	h := spaced(16)
	allowed := h[15].At.Add(25 * time.Hour)
	stored := make([]assessment.Attempt, 15, 16)
	copy(stored, h)
	c := assessment.NewCycle(admin, stored)
	fail := assessment.Attempt{At: stored[14].At.Add(25 * time.Hour)}
	o := assessment.Offering{Languages: []string{"en", "ja"}}
	tests := []struct {
		name string
		f    func()
	}{
		{"Retakes.Check", func() { _ = microsoft.Check(h, allowed) }},
		{"Retakes.Check after a pass", func() { _ = microsoft.Check([]assessment.Attempt{{Passed: true}}, allowed) }},
		{"Retakes.Next", func() { _ = microsoft.Next(h) }},
		{"Retakes.Validate", func() { _ = microsoft.Validate() }},
		{"CheckHistory", func() { _ = assessment.CheckHistory(h) }},
		{"NewCycle", func() { _ = assessment.NewCycle(admin, h) }},
		{"Cycle.Record a fail with capacity", func() { _, _ = c.Record(microsoft, fail) }},
		{"Cycle.Check", func() { _ = c.Check(microsoft, fail.At) }},
		{"Cycle.Next", func() { _ = c.Next(microsoft) }},
		{"Cycle.For", func() { _ = c.For(admin) }},
		{"Offering.Offers", func() { _ = o.Offers("JA") }},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(1000, tt.f); n != 0 {
			t.Errorf("%s: %v allocations, want 0", tt.name, n)
		}
	}
}

// TestExtremes checks the wall-clock comparison at the ends of time.Time's
// range, where t.Unix() wraps around.
func TestExtremes(t *testing.T) {
	first := time.Unix(math.MaxInt64-62135596799, 0) // the earliest second time.Time holds
	if !first.Before(time.Unix(0, 0)) {
		t.Fatalf("%v is not before 1970", first)
	}
	if err := microsoft.Check(fails(time.Unix(0, 0)), first); err == nil {
		t.Errorf("A5 Check(1970, %v) = nil, want ErrOutOfOrder", first)
	}
	if err := microsoft.Check(fails(first), time.Unix(0, 0)); err != nil {
		t.Errorf("A5 Check(%v, 1970) = %v, want nil", first, err)
	}
	long := assessment.Retakes{Wait: math.MaxInt64}
	if err := long.Check(fails(first), time.Unix(0, 0)); err != nil {
		t.Errorf("A3 a wait of 292 years from %v: Check(1970) = %v, want nil", first, err)
	}
	if err := long.Check(fails(time.Unix(0, 0)), time.Unix(0, 0).Add(math.MaxInt64-1)); err == nil {
		t.Error("A3 a wait of 292 years less 1ns: Check = nil, want ErrTooSoon")
	}
}

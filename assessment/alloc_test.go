package assessment_test

import (
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
)

// Sinks keep the compiler from dropping the calls whose allocations
// TestNoAllocs counts.
var (
	sinkTime time.Time
	sinkBool bool
	sinkErr  error
)

// must panics on a refusal, so that TestNoAllocs proves the path that
// succeeds allocates nothing.
func must(err error) error {
	if err != nil {
		panic(err)
	}
	return nil
}

func TestNoAllocs(t *testing.T) {
	h := spaced(16)
	allowed := h[15].At.Add(25 * time.Hour)
	c, err := assessment.NewCycle(admin, h[:15])
	if err != nil {
		t.Fatal(err)
	}
	fail := assessment.Attempt{At: h[14].At.Add(25 * time.Hour)}
	o := assessment.Offering{Languages: []string{"en", "ja"}}
	tests := []struct {
		name string
		f    func()
	}{
		{"Retakes.Check", func() { sinkErr = must(microsoft.Check(h, allowed)) }},
		{"Retakes.Check after a pass", func() { _ = microsoft.Check([]assessment.Attempt{{Passed: true}}, allowed) }},
		{"Retakes.Next", func() { sinkTime, sinkBool = microsoft.Next(h) }},
		{"Retakes.Validate", func() { _ = microsoft.Validate() }},
		{"CheckHistory", func() { _ = assessment.CheckHistory(h) }},
		{"Cycle.Check", func() { sinkErr = must(c.Check(microsoft, fail.At)) }},
		{"Cycle.Next", func() { sinkTime, sinkBool = c.Next(microsoft) }},
		{"Cycle.Len, At and Passed", func() { sinkBool = c.Len() == 15 && !c.At(14).Passed && !c.Passed() }},
		{"Cycle.For", func() { _ = c.For(admin) }},
		{"Offering.Offers", func() { _ = o.Offers("JA") }},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(1000, tt.f); n != 0 {
			t.Errorf("%s: %v allocations, want 0", tt.name, n)
		}
	}
}

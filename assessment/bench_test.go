package assessment_test

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
)

var sizes = []int{1, 2, 3, 16}

func BenchmarkCheck(b *testing.B) {
	for _, n := range sizes {
		h := spaced(n)
		next := h[n-1].At.Add(25 * time.Hour)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := microsoft.Check(h, next); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkNext(b *testing.B) {
	for _, n := range sizes {
		h := spaced(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := microsoft.Next(h); !ok {
					b.Fatal("no Next")
				}
			}
		})
	}
}

func BenchmarkCycleRecord(b *testing.B) {
	cr := cert.Credential{Cert: "azure-administrator", Earned: cert.MustParseDate("2020-03-10"), Expires: cert.MustParseDate("2022-03-10")}
	h := spaced(15)
	c, err := assessment.NewCycle(cr, h)
	if err != nil {
		b.Fatal(err)
	}
	fail := assessment.Attempt{At: h[14].At.Add(25 * time.Hour)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Record(microsoft, fail); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTimeAdd times the one call Next cannot avoid, time.Time.Add,
// for comparison with BenchmarkNext: Next is that call and a few
// comparisons.
func BenchmarkTimeAdd(b *testing.B) {
	h := spaced(16)
	b.ReportAllocs()
	for b.Loop() {
		if h[15].At.Add(microsoft.Wait).IsZero() {
			b.Fatal("zero time")
		}
	}
}

// handNext and handCheck are the retake rule as a developer writes it by
// hand on time.Time for Microsoft's rule (RULES A2, A3): the baseline the
// ratio benchmarks measure Next and Check against. They give the same
// answers on the histories of retakeCases, which TestBaselineAgrees checks.
func handNext(h []assessment.Attempt) (time.Time, bool) {
	if len(h) == 0 {
		return time.Time{}, true
	}
	last := h[len(h)-1]
	if last.Passed {
		return time.Time{}, false
	}
	if len(h) < 2 {
		return last.At, true
	}
	return last.At.Add(24 * time.Hour), true
}

func handCheck(h []assessment.Attempt, at time.Time) bool {
	if len(h) == 0 {
		return true
	}
	last := h[len(h)-1]
	if last.Passed || at.Before(last.At) {
		return false
	}
	return len(h) < 2 || !at.Before(last.At.Add(24*time.Hour))
}

// A retakeCase is a history and an instant to ask about.
type retakeCase struct {
	h  []assessment.Attempt
	at time.Time
}

// retakeCases returns n varied cases: histories of 0 to 5 attempts, some
// ending in a pass, and instants before, at and after the lockout's end.
func retakeCases(n int) []retakeCase {
	cases := make([]retakeCase, n)
	offsets := []time.Duration{-time.Hour, 0, time.Hour, 24*time.Hour - 1, 24 * time.Hour, 30 * time.Hour}
	for i := range cases {
		h := spaced(i % 6)
		if i%7 == 3 && len(h) > 0 {
			h[len(h)-1].Passed = true
		}
		base := at("2021-03-01T09:00:00Z")
		if len(h) > 0 {
			base = h[len(h)-1].At
		}
		cases[i] = retakeCase{h, base.Add(offsets[i%len(offsets)])}
	}
	return cases
}

func TestBaselineAgrees(t *testing.T) {
	for i, tc := range retakeCases(1024) {
		gotAt, gotOK := microsoft.Next(tc.h)
		wantAt, wantOK := handNext(tc.h)
		if !gotAt.Equal(wantAt) || gotOK != wantOK {
			t.Errorf("case %d: Next = %v, %v; by hand %v, %v", i, gotAt, gotOK, wantAt, wantOK)
		}
		if got, want := microsoft.Check(tc.h, tc.at) == nil, handCheck(tc.h, tc.at); got != want {
			t.Errorf("case %d: Check allows = %v; by hand %v", i, got, want)
		}
	}
}

// BenchmarkRetakesRatio measures Next and Check beside the hand-written
// code in alternating rounds of 1024 calls over the same cases, so that
// whatever else the machine does weighs on both alike, and reports the
// ratios of their times as certrenew/hand.
func BenchmarkRetakesRatio(b *testing.B) {
	cases := retakeCases(1024)
	b.Run("Next", func(b *testing.B) {
		var ours, theirs time.Duration
		n := 0
		for b.Loop() {
			start := time.Now()
			for i := range cases {
				if _, ok := microsoft.Next(cases[i].h); ok {
					n++
				}
			}
			mid := time.Now()
			for i := range cases {
				if _, ok := handNext(cases[i].h); ok {
					n++
				}
			}
			ours += mid.Sub(start)
			theirs += time.Since(mid)
		}
		sinkInt = n
		b.ReportMetric(float64(ours)/float64(theirs), "certrenew/hand")
		b.ReportMetric(float64(ours)/float64(b.N*len(cases)), "ns/call")
	})
	// Check's refusals allocate their error, which carries the instant the
	// lockout lifts; the hand-written code says only no. So the ratio of
	// Check is taken on the instants it allows, its allocation-free path.
	allowed := slices.DeleteFunc(slices.Clone(cases), func(tc retakeCase) bool { return !handCheck(tc.h, tc.at) })
	b.Run("Check", func(b *testing.B) {
		cases := allowed
		var ours, theirs time.Duration
		n := 0
		for b.Loop() {
			start := time.Now()
			for i := range cases {
				if microsoft.Check(cases[i].h, cases[i].at) == nil {
					n++
				}
			}
			mid := time.Now()
			for i := range cases {
				if handCheck(cases[i].h, cases[i].at) {
					n++
				}
			}
			ours += mid.Sub(start)
			theirs += time.Since(mid)
		}
		sinkInt = n
		b.ReportMetric(float64(ours)/float64(theirs), "certrenew/hand")
		b.ReportMetric(float64(ours)/float64(b.N*len(cases)), "ns/call")
	})
}

var sinkInt int

package assessment_test

import (
	"slices"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
)

// BenchmarkLadderCheck times Check of the exam ladder after five attempts,
// where both the 14-day wait and the cap of 5 in 365 days apply: an
// allowed sixth attempt, which allocates nothing, and one the cap refuses,
// which allocates its error.
func BenchmarkLadderCheck(b *testing.B) {
	h := examFive(at("2024-01-10T09:00:00Z"))
	b.Run("allowed", func(b *testing.B) {
		allowed := h[0].At.Add(366 * days)
		b.ReportAllocs()
		for b.Loop() {
			if err := examLadder.Check(h, allowed); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("capped", func(b *testing.B) {
		capped := h[4].At.Add(15 * days)
		b.ReportAllocs()
		for b.Loop() {
			if err := examLadder.Check(h, capped); err == nil {
				b.Fatal("allowed")
			}
		}
	})
}

// BenchmarkLadderNext times Next of the exam ladder after five attempts,
// where the cap sets the instant.
func BenchmarkLadderNext(b *testing.B) {
	h := examFive(at("2024-01-10T09:00:00Z"))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := examLadder.Next(h); !ok {
			b.Fatal("no Next")
		}
	}
}

// BenchmarkLadderRatio measures a ladder of Microsoft's renewal rule beside
// that Retakes, on the same cases, in alternating rounds of 1024 calls as
// BenchmarkRetakesRatio does, and reports the ratios of their times as
// ladder/retakes. Check is measured on the instants it allows, its
// allocation-free path.
func BenchmarkLadderRatio(b *testing.B) {
	cases := retakeCases(1024)
	l := renewalLadder
	b.Run("Next", func(b *testing.B) {
		var ours, theirs time.Duration
		n := 0
		b.ReportAllocs()
		for b.Loop() {
			start := time.Now()
			for i := range cases {
				if _, ok := l.Next(cases[i].h); ok {
					n++
				}
			}
			mid := time.Now()
			for i := range cases {
				if _, ok := microsoft.Next(cases[i].h); ok {
					n++
				}
			}
			ours += mid.Sub(start)
			theirs += time.Since(mid)
		}
		sinkInt = n
		b.ReportMetric(float64(ours)/float64(theirs), "ladder/retakes")
		b.ReportMetric(float64(ours)/float64(b.N*len(cases)), "ns/call")
	})
	allowed := slices.DeleteFunc(slices.Clone(cases), func(tc retakeCase) bool { return microsoft.Check(tc.h, tc.at) != nil })
	b.Run("Check", func(b *testing.B) {
		cases := allowed
		var ours, theirs time.Duration
		n := 0
		b.ReportAllocs()
		for b.Loop() {
			start := time.Now()
			for i := range cases {
				if l.Check(cases[i].h, cases[i].at) == nil {
					n++
				}
			}
			mid := time.Now()
			for i := range cases {
				if microsoft.Check(cases[i].h, cases[i].at) == nil {
					n++
				}
			}
			ours += mid.Sub(start)
			theirs += time.Since(mid)
		}
		sinkInt = n
		b.ReportMetric(float64(ours)/float64(theirs), "ladder/retakes")
		b.ReportMetric(float64(ours)/float64(b.N*len(cases)), "ns/call")
	})
}

// examCases returns n cases for the exam ladder: histories of 0 to 7
// attempts each as early as the ladder allows, some ending in a pass, and
// instants around the ends of the waits and of the cap.
func examCases(n int) []retakeCase {
	t0 := at("2024-01-10T09:00:00Z")
	var full []assessment.Attempt
	for range 7 {
		next, _ := examLadder.Next(full)
		if len(full) == 0 {
			next = t0
		}
		full = append(full, assessment.Attempt{At: next})
	}
	offsets := []time.Duration{-time.Hour, 0, time.Hour, 14*days - 1, 14 * days, 300 * days}
	cases := make([]retakeCase, n)
	for i := range cases {
		h := slices.Clone(full[:i%8])
		if i%7 == 3 && len(h) > 0 {
			h[len(h)-1].Passed = true
		}
		base := t0
		if len(h) > 0 {
			base = h[len(h)-1].At
		}
		cases[i] = retakeCase{h, base.Add(offsets[i%len(offsets)])}
	}
	return cases
}

// BenchmarkLadderExam times Next and the allowed Checks of the exam ladder
// over varied histories, per call.
func BenchmarkLadderExam(b *testing.B) {
	cases := examCases(1024)
	b.Run("Next", func(b *testing.B) {
		n := 0
		b.ReportAllocs()
		for b.Loop() {
			for i := range cases {
				if _, ok := examLadder.Next(cases[i].h); ok {
					n++
				}
			}
		}
		sinkInt = n
		b.ReportMetric(float64(b.Elapsed())/float64(b.N*len(cases)), "ns/call")
	})
	allowed := slices.DeleteFunc(slices.Clone(cases), func(tc retakeCase) bool { return examLadder.Check(tc.h, tc.at) != nil })
	b.Run("Check", func(b *testing.B) {
		n := 0
		b.ReportAllocs()
		for b.Loop() {
			for i := range allowed {
				if examLadder.Check(allowed[i].h, allowed[i].at) == nil {
					n++
				}
			}
		}
		sinkInt = n
		b.ReportMetric(float64(b.Elapsed())/float64(b.N*len(allowed)), "ns/call")
	})
}

package assessment_test

import (
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
				if microsoft.Next(h).IsZero() {
					b.Fatal("zero Next")
				}
			}
		})
	}
}

func BenchmarkCycleRecord(b *testing.B) {
	cr := cert.Credential{Cert: "azure-administrator", Earned: cert.MustParseDate("2020-03-10"), Expires: cert.MustParseDate("2022-03-10")}
	h := spaced(15)
	c := assessment.NewCycle(cr, append(h[:15:15], assessment.Attempt{})[:15])
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

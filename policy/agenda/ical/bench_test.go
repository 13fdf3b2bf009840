package ical_test

import (
	"testing"

	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/agenda/ical"
)

// BenchmarkRender renders an agenda of 40 items, as of a holder of eight
// credentials, into a reused buffer.
func BenchmarkRender(b *testing.B) {
	var its []agenda.Item
	for range 8 {
		its = append(its, items()...)
	}
	c := ical.Calendar{MCID: "1000001", Stamp: stamp, Alarm: 0}
	buf := make([]byte, 0, 1<<14)
	b.ReportAllocs()
	for b.Loop() {
		buf = c.Append(buf[:0], its)
	}
	b.SetBytes(int64(len(buf)))
}

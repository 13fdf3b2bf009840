package batch_test

import (
	"testing"

	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

// population returns n synthetic holders.
func population(n int) []history.State {
	states := make([]history.State, n)
	steps := make([]int, 31)
	for i := range states {
		for k := range steps {
			steps[k] = (i*7919 + k*104729 + i*k*31) % (1 << 20)
		}
		states[i] = holder(i, steps)
	}
	return states
}

// BenchmarkDue asks what is due on a day of each holder of a population,
// in turn, and reports credentials checked per second.
func BenchmarkDue(b *testing.B) {
	states := population(4096)
	creds := 0
	for _, st := range states {
		creds += len(st.Profile.Credentials)
	}
	on := day("2021-09-01")
	buf := make([]agenda.Item, 0, 64)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		buf = checker.Due(buf[:0], states[i%len(states)], on)
		i++
	}
	perHolder := float64(creds) / float64(len(states))
	b.ReportMetric(perHolder*float64(b.N)/b.Elapsed().Seconds(), "credentials/s")
}

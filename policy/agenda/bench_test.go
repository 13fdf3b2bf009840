package agenda_test

import (
	"testing"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

// eight returns the state of a holder of eight credentials, earned a month
// apart from 2021-06-01, linked, as of 2022-03-01.
func eight(b testing.TB) history.State {
	ids := []cert.ID{"azure-administrator", "azure-developer", "azure-security-engineer", "azure-data-scientist",
		"azure-ai-engineer", "azure-iot-developer", "azure-solutions-architect", "d365-sales"}
	log := []history.Event{history.Link("a", day("2021-06-01"))}
	for i, id := range ids {
		log = append(log, history.Earn(id, day("2021-06-01").AddMonths(i)))
	}
	st := replay(b, log...)
	if len(st.Profile.Credentials) != 8 {
		b.Fatalf("%d credentials", len(st.Profile.Credentials))
	}
	return st
}

func BenchmarkAgenda(b *testing.B) {
	st := eight(b)
	on := day("2022-03-01")
	buf := make([]agenda.Item, 0, 128)
	b.ReportAllocs()
	for b.Loop() {
		buf = planner.AppendAgenda(buf[:0], st, on)
	}
	if len(buf) == 0 {
		b.Fatal("an empty agenda")
	}
}

// BenchmarkAppendDue asks what is due on each day of a year in turn, for
// the holder of eight credentials.
func BenchmarkAppendDue(b *testing.B) {
	st := eight(b)
	buf := make([]agenda.Item, 0, 72)
	on := day("2022-01-01")
	n, i := 0, 0
	b.ReportAllocs()
	for b.Loop() {
		buf = planner.AppendDue(buf[:0], st, on.AddDays(i%365))
		n += len(buf)
		i++
	}
	if n == 0 {
		b.Fatal("nothing due all year")
	}
}

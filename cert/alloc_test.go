package cert_test

import (
	"testing"
	"time"

	"github.com/certrenew/certrenew/cert"
)

// sink keeps results alive so the compiler cannot drop the calls.
var (
	sinkDate cert.Date
	sinkInt  int
	sinkBool bool
	sinkStr  string
	sinkCert cert.Certification
)

func TestNoAllocs(t *testing.T) {
	d := day("2024-02-29")
	e := day("2021-06-15")
	at := time.Date(2021, 6, 15, 2, 0, 0, 0, time.FixedZone("JST", 9*3600))
	cr := cert.Credential{Cert: "azure-administrator", Earned: e, Expires: e.AddMonths(12)}
	p := profile()
	roadmap := cert.Roadmap()
	big, err := cert.NewCatalog(bigCatalog(1000)...)
	if err != nil {
		t.Fatal(err)
	}
	havana, err := time.LoadLocation("America/Havana")
	if err != nil {
		t.Fatal(err)
	}
	var sinkTime time.Time
	buf := make([]byte, 0, 64)

	tests := []struct {
		name string
		max  float64
		f    func()
	}{
		{"Date.AddMonths", 0, func() { sinkDate = d.AddMonths(12) }},
		{"Date.AddDays", 0, func() { sinkDate = d.AddDays(-90) }},
		{"Date.Compare", 0, func() { sinkInt = d.Compare(e) }},
		{"Date.DaysSince", 0, func() { sinkInt = d.DaysSince(e) }},
		{"ParseDate", 0, func() { sinkDate, _ = cert.ParseDate("2021-06-15") }},
		{"Date.UnmarshalText", 0, func() { _ = sinkDate.UnmarshalText([]byte("2021-06-15")) }},
		{"Date.AppendText", 0, func() { buf, _ = d.AppendText(buf[:0]) }},
		{"Date.AppendTo", 0, func() { buf = d.AppendTo(buf[:0]) }},
		{"Date.String", 1, func() { sinkStr = d.String() }},
		{"NewDate", 0, func() { sinkDate = cert.NewDate(2021, 10, 32) }},
		{"DateOf", 0, func() { sinkDate = cert.DateOf(at) }},
		{"Date.In", 0, func() { sinkTime = d.In(havana) }},
		{"Date.In a skipped midnight", 0, func() { sinkTime = day("2026-03-08").In(havana) }},
		{"Date.Date", 0, func() { sinkInt, _, _ = d.Date() }},
		{"Date.Weekday", 0, func() { sinkInt = int(d.Weekday()) }},
		{"Credential.ActiveOn", 0, func() { sinkBool = cr.ActiveOn(e) }},
		{"Profile.Index", 0, func() { sinkInt = p.Index("azure-developer") }},
		{"Profile.Credential", 0, func() { _, sinkBool = p.Credential("azure-developer") }},
		{"Catalog.Lookup first", 0, func() { sinkCert, _ = roadmap.Lookup("azure-administrator") }},
		{"Catalog.Lookup last", 0, func() { sinkCert, _ = roadmap.Lookup("d365-finance-operations-architect") }},
		{"Catalog.Lookup missing", 0, func() { sinkCert, _ = roadmap.Lookup("azure-fundamentals") }},
		{"Catalog.Lookup in 1000 titles", 0, func() { sinkCert, _ = big.Lookup("title-999") }},
		{"Catalog.Lookup missing in 1000 titles", 0, func() { sinkCert, _ = big.Lookup("title-1000") }},
		{"Level.String", 0, func() { sinkStr = cert.Expert.String() }},
		{"Level.AppendText", 0, func() { buf, _ = cert.Associate.AppendText(buf[:0]) }},
	}
	_ = sinkTime
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := testing.AllocsPerRun(1000, tt.f); n > tt.max {
				t.Errorf("%s: %v allocations per run, want at most %v", tt.name, n, tt.max)
			}
		})
	}
}

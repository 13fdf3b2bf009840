package policy_test

import (
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// generalPolicy is a policy that uses every general field: Microsoft's
// policy of 2020, then from 2024-01-01 Microsoft today's with a grace
// period of 30 days and a renewal ladder with a cap; and the programs
// "google-cloud", itself with a version from 2025-01-01, and "isc2"
// (RULES G1-G8).
func generalPolicy() policy.Policy {
	today := msToday()
	today.GraceDays = 30
	today.RetakesThen = []time.Duration{daysOf(14)}
	today.RetakesCap, today.RetakesSpan = 5, daysOf(365)
	g := google()
	later := google()
	later.GraceDays = 14
	g.Versions = []policy.Version{{From: day("2025-01-01"), Policy: later}}
	p := policy.Microsoft()
	p.Versions = []policy.Version{{From: day("2024-01-01"), Policy: today}}
	p.Programs = []policy.Program{{Name: "google-cloud", Policy: g}, {Name: "isc2", Policy: isc2()}}
	return p
}

// Sinks for the results of the calls measured, so that the compiler keeps
// the work.
var (
	sinkDecision   policy.Decision
	sinkDates      []cert.Date
	sinkCredential cert.Credential
)

// TestNoAllocsGeneral checks that the hot questions allocate nothing under
// a policy of versions, programs, a grace period and a ladder (RULES G1-G8):
// Eligibility for each title and in grace, CheckAttempt of an allowed
// attempt under the ladder, AppendReminders into a buffer with room for
// MaxReminders days across a version's From, and RenewCredential in the
// window and in grace. Each call is checked first, and panics if it stops
// giving that answer, so that the path measured is the one that succeeds.
func TestNoAllocsGeneral(t *testing.T) {
	p := generalPolicy()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	admin := title("azure-administrator")
	straddling := cred(admin.ID, "2023-03-01", "2024-03-01") // reminders of both versions
	pr := linked(msHolder.Credentials[0], gcpHolder.Credentials[0], isc2Holder.Credentials[0])
	m1 := time.Date(2025, time.April, 1, 9, 0, 0, 0, time.UTC)
	g1 := time.Date(2024, time.March, 11, 9, 0, 0, 0, time.UTC)

	eligibility := []struct {
		name    string
		c       cert.Certification
		on      cert.Date
		want    policy.Reason
		inGrace bool
	}{
		{"G7 the version's window", admin, day("2025-03-24"), policy.Eligible, false},
		{"G1 the version's grace period", admin, day("2025-09-25"), policy.Eligible, true},
		{"G1 after the grace period", admin, day("2025-10-20"), policy.Expired, false},
		{"G8 the Google title", gcpArchitect, day("2024-03-11"), policy.Eligible, false},
		{"G8 the Google title before its window", gcpArchitect, day("2024-03-10"), policy.NotYetOpen, false},
		{"G8 the ISC2 title in grace", cert.Certification{ID: cissp.ID, Name: cissp.Name, Level: cissp.Level, Program: "isc2"}, day("2024-04-01"), policy.Eligible, true},
	}
	for _, tt := range eligibility {
		if d := p.Eligibility(pr, tt.c, tt.on); d.Reason != tt.want || d.InGrace != tt.inGrace {
			t.Fatalf("Eligibility %s = %v, want %v (in grace %v)", tt.name, d, tt.want, tt.inGrace)
		}
		if n := testing.AllocsPerRun(1000, func() { sinkDecision = p.Eligibility(pr, tt.c, tt.on) }); n != 0 {
			t.Errorf("Eligibility (%s): %v allocs/op, want 0", tt.name, n)
		}
	}

	attempts := []struct {
		name    string
		c       cert.Certification
		history []assessment.Attempt
		a       assessment.Attempt
	}{
		{"G5 an immediate retake", admin, []assessment.Attempt{failed(m1)}, failed(m1.Add(time.Hour))},
		{"G5 a retake after the wait", admin, []assessment.Attempt{failed(m1), failed(m1.Add(time.Hour))}, failed(m1.Add(25 * time.Hour))},
		{"G5 the Google ladder's first wait", gcpArchitect, []assessment.Attempt{failed(g1)}, failed(g1.Add(daysOf(14)))},
		{"G5 a first attempt", gcpArchitect, nil, failed(g1)},
	}
	for _, tt := range attempts {
		f := func() {
			if err := p.CheckAttempt(pr, tt.c, tt.history, tt.a); err != nil {
				panic(err)
			}
		}
		f()
		if n := testing.AllocsPerRun(1000, f); n != 0 {
			t.Errorf("CheckAttempt (%s): %v allocs/op, want 0", tt.name, n)
		}
	}

	reminders := []struct {
		name string
		c    cert.Certification
		cr   cert.Credential
		want int
	}{
		{"G3 the version's reminders", admin, msHolder.Credentials[0], 4},
		{"G7 reminders of both versions", admin, straddling, 4},
		{"G8 the Google title's reminders", gcpArchitect, gcpHolder.Credentials[0], 2},
	}
	buf := make([]cert.Date, 0, policy.MaxReminders)
	for _, tt := range reminders {
		if got := len(p.AppendReminders(buf[:0], tt.c, tt.cr)); got != tt.want {
			t.Fatalf("AppendReminders (%s) gave %d days, want %d", tt.name, got, tt.want)
		}
		if n := testing.AllocsPerRun(1000, func() { sinkDates = p.AppendReminders(buf[:0], tt.c, tt.cr) }); n != 0 {
			t.Errorf("AppendReminders (%s): %v allocs/op, want 0", tt.name, n)
		}
	}

	renewals := []struct {
		name   string
		c      cert.Certification
		passed cert.Date
	}{
		{"G7 in the version's window", admin, day("2025-03-24")},
		{"G1 in the version's grace period", admin, day("2025-09-25")},
		{"G8 the Google title from the pass", gcpArchitect, day("2024-04-10")},
	}
	for _, tt := range renewals {
		f := func() {
			var err error
			if sinkCredential, err = p.RenewCredential(pr, tt.c, tt.passed); err != nil {
				panic(err)
			}
		}
		f()
		if n := testing.AllocsPerRun(1000, f); n != 0 {
			t.Errorf("RenewCredential (%s): %v allocs/op, want 0", tt.name, n)
		}
	}
}

package policy_test

import (
	"testing"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// TestNoAllocs checks that the hot questions allocate nothing: Expiry,
// Eligibility for every reason, and AppendReminders into a buffer with room
// for MaxReminders days.
func TestNoAllocs(t *testing.T) {
	p := policy.Microsoft()
	admin, ai := title("azure-administrator"), title("azure-ai-engineer")
	pr := linked(
		cred("azure-developer", "2021-01-10", "2023-01-10"),
		cred(fundamentals.ID, "2020-01-10", ""),
		cred(ai.ID, "2019-03-10", "2021-03-10"),
		cred(admin.ID, "2021-11-16", "2022-11-16"),
	)
	eligibility := []struct {
		name string
		pr   cert.Profile
		c    cert.Certification
		on   cert.Date
		want policy.Reason
	}{
		{"not held", pr, title("azure-solutions-architect"), day("2022-06-01"), policy.NotHeld},
		{"never expires", pr, fundamentals, day("2022-06-01"), policy.NeverExpires},
		{"expired", pr, admin, day("2022-11-16"), policy.Expired},
		{"not yet open", pr, admin, day("2022-05-15"), policy.NotYetOpen},
		{"assessment unavailable", pr, ai, day("2021-02-14"), policy.AssessmentUnavailable},
		{"not linked", unlinked(pr.Credentials...), admin, day("2022-05-16"), policy.ProfileNotLinked},
		{"eligible", pr, admin, day("2022-05-16"), policy.Eligible},
	}
	for _, tt := range eligibility {
		if got := p.Eligibility(tt.pr, tt.c, tt.on).Reason; got != tt.want {
			t.Fatalf("Eligibility %s = %v, want %v", tt.name, got, tt.want)
		}
		if n := testing.AllocsPerRun(1000, func() { _ = p.Eligibility(tt.pr, tt.c, tt.on) }); n != 0 {
			t.Errorf("Eligibility (%s): %v allocs, want 0", tt.name, n)
		}
	}
	if n := testing.AllocsPerRun(1000, func() { _ = p.Expiry(admin, day("2021-05-31")) }); n != 0 {
		t.Errorf("Expiry: %v allocs, want 0", n)
	}
	buf := make([]cert.Date, 0, policy.MaxReminders)
	cr := pr.Credentials[3]
	if got := len(p.AppendReminders(buf, admin, cr)); got != 4 {
		t.Fatalf("AppendReminders gave %d days, want 4", got)
	}
	if n := testing.AllocsPerRun(1000, func() { buf = p.AppendReminders(buf[:0], admin, cr) }); n != 0 {
		t.Errorf("AppendReminders: %v allocs, want 0", n)
	}
}

// TestNoAllocsRecordAttempt checks that recording a failed attempt
// allocates once: the new cycle's own attempts, which no other cycle sees.
func TestNoAllocsRecordAttempt(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	cr, _ := attemptHolder.Credential(admin.ID)
	history := make([]assessment.Attempt, 1, 16)
	history[0] = failed(at("2022-03-01 09:00:00"))
	cycle := cycleOf(cr, history)
	a := failed(at("2022-03-01 09:30:00"))
	allocs := testing.AllocsPerRun(1000, func() {
		_, _, err := p.RecordAttempt(attemptHolder, admin, cycle, a)
		if err != nil {
			t.Fatal(err)
		}
	})
	// The new cycle's attempts are its own (assessment.Cycle.Record).
	if allocs != 1 {
		t.Errorf("RecordAttempt of a fail: %v allocs/op, want 1", allocs)
	}
}

// TestNoAllocsCredentialOperations checks that the credential-level
// operations allocate nothing when they succeed.
func TestNoAllocsCredentialOperations(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	history := []assessment.Attempt{failed(at("2022-03-01 09:00:00"))}
	a := failed(at("2022-03-01 09:30:00"))
	expired := linked(cred(admin.ID, "2019-01-10", "2021-01-10"))
	var sink cert.Credential
	for name, f := range map[string]func(){
		"CheckAttempt": func() {
			if err := p.CheckAttempt(attemptHolder, admin, history, a); err != nil {
				panic(err)
			}
		},
		"RenewCredential": func() {
			var err error
			if sink, err = p.RenewCredential(attemptHolder, admin, day("2022-03-01")); err != nil {
				panic(err)
			}
		},
		"EarnCredential": func() {
			var err error
			if sink, err = p.EarnCredential(expired, admin, day("2022-03-01")); err != nil {
				panic(err)
			}
		},
	} {
		if n := testing.AllocsPerRun(1000, f); n != 0 {
			t.Errorf("%s: %v allocs/op, want 0", name, n)
		}
	}
	_ = sink
}

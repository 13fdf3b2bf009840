package policy_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// TestA1A5_RecordAttemptWindow checks RULES A1, A5 and D4 at the edges of
// the window: an attempt may be made on every day of the window, in the
// instant's own location, and on no other day.
func TestA1A5_RecordAttemptWindow(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	tests := []struct {
		name   string
		at     time.Time
		reason policy.Reason // the refusal's reason; Eligible when allowed
	}{
		{"A5 the day before the window opens, a minute before midnight", at("2022-01-14 23:59:00"), policy.NotYetOpen},
		{"A5 the first day of the window, at midnight", at("2022-01-15 00:00:00"), policy.Eligible},
		{"A1 the day after the window opens", at("2022-01-16 12:00:00"), policy.Eligible},
		{"A1 the last day before expiry, a second before midnight", at("2022-07-14 23:59:59"), policy.Eligible},
		{"A5 the expiry day, at midnight", at("2022-07-15 00:00:00"), policy.Expired},
		{"A5 the day after expiry", at("2022-07-16 09:00:00"), policy.Expired},
		{"D4 the day is the instant's own: 03:00 UTC is still 2022-01-14 in New York", time.Date(2022, 1, 15, 3, 0, 0, 0, time.UTC).In(newYork), policy.NotYetOpen},
		{"D4 the same instant in UTC is 2022-01-15", time.Date(2022, 1, 15, 3, 0, 0, 0, time.UTC), policy.Eligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := withSpare(attemptHolder)
			before := snap(pr)
			cycle := p.Cycle(pr, admin)
			got, next, err := p.RecordAttempt(pr, admin, cycle, failed(tt.at))
			if d := before.diff(pr); d != "" {
				t.Errorf("RecordAttempt changed the profile it was given (-want +got):\n%s", d)
			}
			if diff := cmp.Diff(attemptHolder, got); diff != "" {
				t.Errorf("a failed or refused attempt changed the profile (-want +got):\n%s", diff)
			}
			if tt.reason == policy.Eligible {
				if err != nil {
					t.Fatalf("RecordAttempt at %s: %v", tt.at, err)
				}
				if diff := cmp.Diff([]assessment.Attempt{failed(tt.at)}, next.Attempts()); diff != "" {
					t.Errorf("the cycle's attempts mismatch (-want +got):\n%s", diff)
				}
				return
			}
			if msg := refusal(err, tt.reason); msg != "" {
				t.Error(msg)
			}
			if next.Len() != 0 {
				t.Errorf("a refused attempt was recorded: %d attempts", next.Len())
			}
		})
	}
}

// TestA2A3_RecordAttemptRetakes checks RULES A2 and A3 through RecordAttempt:
// the second attempt may start at once, the third not before 24 hours after
// the second, and later ones likewise after a gap of any length.
func TestA2A3_RecordAttemptRetakes(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	first := at("2022-03-01 09:00:00")
	second := first.Add(time.Nanosecond)
	tests := []struct {
		name    string
		history []assessment.Attempt
		at      time.Time
		until   time.Time // when the lockout lifts; zero when allowed
	}{
		{"A2 the second attempt one nanosecond after the first", []assessment.Attempt{failed(first)}, second, time.Time{}},
		{"A2 the second attempt at the same instant as the first", []assessment.Attempt{failed(first)}, first, time.Time{}},
		{"A3 the third attempt 24 hours minus 1 ns after the second", []assessment.Attempt{failed(first), failed(second)}, second.Add(24*time.Hour - 1), second.Add(24 * time.Hour)},
		{"A3 the third attempt exactly 24 hours after the second", []assessment.Attempt{failed(first), failed(second)}, second.Add(24 * time.Hour), time.Time{}},
		{"A3 the fifth attempt after a gap of 40 days", []assessment.Attempt{failed(first), failed(second), failed(second.Add(24 * time.Hour)), failed(second.Add(48 * time.Hour))}, second.Add(40 * 24 * time.Hour), time.Time{}},
		{"A3 the fifth attempt 23 hours after the fourth", []assessment.Attempt{failed(first), failed(second), failed(second.Add(24 * time.Hour)), failed(second.Add(48 * time.Hour))}, second.Add(71 * time.Hour), second.Add(72 * time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr, _ := attemptHolder.Credential(admin.ID)
			history := slices.Clip(slices.Clone(tt.history))
			cycle := cycleOf(cr, history)
			_, next, err := p.RecordAttempt(attemptHolder, admin, cycle, failed(tt.at))
			if diff := cmp.Diff(tt.history, history); diff != "" {
				t.Errorf("RecordAttempt changed the history it was given (-want +got):\n%s", diff)
			}
			if tt.until.IsZero() {
				if err != nil {
					t.Fatalf("RecordAttempt at %s: %v", tt.at, err)
				}
				if next.Len() != len(tt.history)+1 {
					t.Errorf("the cycle holds %d attempts, want %d", next.Len(), len(tt.history)+1)
				}
				return
			}
			var lockout *assessment.LockoutError
			if !errors.Is(err, assessment.ErrTooSoon) || !errors.As(err, &lockout) {
				t.Fatalf("RecordAttempt at %s = %v, want a lockout", tt.at, err)
			}
			if !lockout.Until.Equal(tt.until) {
				t.Errorf("the lockout lifts at %s, want %s", lockout.Until, tt.until)
			}
			if next.Len() != len(tt.history) {
				t.Errorf("a refused attempt was recorded")
			}
		})
	}
}

// TestA4_RecordAttemptCycles checks RULES A4, A5 and N1: a pass renews from
// the current expiry and starts an empty cycle; the ended cycle and the
// cycle of another credential are refused; an attempt out of order is
// refused.
func TestA4_RecordAttemptCycles(t *testing.T) {
	p := policy.Microsoft()
	admin, dev := title("azure-administrator"), title("azure-developer")
	cr, _ := attemptHolder.Credential(admin.ID)

	pass := passed(at("2022-03-01 10:00:00"))
	cycle := cycleOf(cr, []assessment.Attempt{failed(at("2022-03-01 09:00:00"))})
	renewed, next, err := p.RecordAttempt(attemptHolder, admin, cycle, pass)
	if err != nil {
		t.Fatalf("a pass: %v", err)
	}
	want := linked(cred(admin.ID, "2021-07-15", "2023-07-15"), cred(dev.ID, "2021-08-01", "2022-08-01"))
	if diff := cmp.Diff(want, renewed); diff != "" {
		t.Errorf("N1 N2 a pass renews that credential alone, from its expiry (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want.Credentials[0], next.Credential()); diff != "" || next.Len() != 0 {
		t.Errorf("A4 the next cycle is not the renewed credential's empty one: %d attempts (-want +got):\n%s", next.Len(), diff)
	}
	ended, _ := cycle.Record(p.Retakes, pass)
	endedDev, _ := p.Cycle(attemptHolder, dev).Record(p.Retakes, pass)

	tests := []struct {
		name  string
		pr    cert.Profile
		c     cert.Certification
		cycle assessment.Cycle
		a     assessment.Attempt
		want  error
	}{
		{"A4 an attempt after a pass in the cycle", renewed, admin, ended, failed(at("2022-03-02 10:00:00")), assessment.ErrPassed},
		{"A4 the ended cycle, on the profile as it was", attemptHolder, admin, ended, failed(at("2022-03-02 10:00:00")), assessment.ErrPassed},
		{"A4 the cycle of the expiry a pass renewed", renewed, admin, cycle, failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A4 the cycle of an earlier expiry, every attempt inside the current window", renewed, admin,
			cycleOf(cr, []assessment.Attempt{failed(at("2023-02-01 09:00:00"))}), failed(at("2023-02-01 10:00:00")), assessment.ErrStaleCycle},
		{"A4 the history of an earlier cycle wrapped with the current credential", attemptHolder, admin,
			cycleOf(cr, []assessment.Attempt{failed(at("2022-01-14 23:00:00")), failed(at("2022-01-15 09:00:00"))}), failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A4 the cycle of another certification", attemptHolder, admin, p.Cycle(attemptHolder, dev), failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A4 the cycle of another certification, for a title not held", linked(cred(dev.ID, "2021-08-01", "2022-08-01")), admin, p.Cycle(attemptHolder, dev), failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A4 another certification's cycle that ended with a pass: stale before passed", attemptHolder, admin, endedDev, failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A5 after a pass, the next cycle's window is closed", renewed, admin, next, failed(at("2022-03-02 10:00:00")), policy.ErrOutsideWindow},
		{"A5 an attempt before the one before it", attemptHolder, admin, cycle, failed(at("2022-03-01 08:59:59")), assessment.ErrOutOfOrder},
		{"E5 a certification with no level is no title", attemptHolder, cert.Certification{ID: admin.ID}, cycle, failed(at("2022-03-01 10:00:00")), policy.ErrUnknownCertification},
		{"E4 a profile not linked", unlinked(cr), admin, cycle, failed(at("2022-03-01 10:00:00")), policy.ErrNotEligible},
		{"E5 a title not held", linked(), admin, cycleOf(cert.Credential{Cert: admin.ID}, nil), failed(at("2022-03-01 10:00:00")), policy.ErrNotEligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := withSpare(tt.pr)
			before := snap(pr)
			attempts := slices.Clone(tt.cycle.Attempts())
			got, gotCycle, err := p.RecordAttempt(pr, tt.c, tt.cycle, tt.a)
			if !errors.Is(err, tt.want) {
				t.Errorf("RecordAttempt = %v, want an error matching %v", err, tt.want)
			}
			if d := before.diff(pr); d != "" {
				t.Errorf("RecordAttempt changed the profile it was given (-want +got):\n%s", d)
			}
			if diff := cmp.Diff(tt.pr, got, cmpEmpty); diff != "" {
				t.Errorf("a refusal changed the profile (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(attempts, gotCycle.Attempts()); diff != "" {
				t.Errorf("a refusal changed the cycle (-want +got):\n%s", diff)
			}
		})
	}
}

package assessment_test

import (
	"errors"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/google/go-cmp/cmp"
)

var day = cert.MustParseDate

// admin is a credential of the roadmap's Azure Administrator Associate,
// earned before 2021-06-01 and so valid for 24 months (RULES V3).
var admin = cert.Credential{Cert: "azure-administrator", Earned: day("2020-03-10"), Expires: day("2022-03-10")}

func TestCycleRecord(t *testing.T) {
	t0 := at("2021-10-01T09:00:00Z")
	c := assessment.NewCycle(admin, nil)
	steps := []struct {
		name string
		a    assessment.Attempt
		want refusal
	}{
		{"A1 the first attempt fails", assessment.Attempt{At: t0}, refusal{}},
		{"A2 an immediate retry fails", assessment.Attempt{At: t0.Add(time.Hour)}, refusal{}},
		{"A3 a third attempt 23h later is refused", assessment.Attempt{At: t0.Add(24 * time.Hour)},
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: t0.Add(24 * time.Hour), Until: t0.Add(25 * time.Hour)}}},
		{"A5 an attempt before the last is refused", assessment.Attempt{At: t0}, refusal{is: assessment.ErrOutOfOrder}},
		{"A3 a pass 24h later", assessment.Attempt{At: t0.Add(25 * time.Hour), Passed: true}, refusal{}},
		{"A4 nothing after a pass", assessment.Attempt{At: t0.Add(100 * time.Hour)}, refusal{is: assessment.ErrPassed}},
	}
	var want []assessment.Attempt
	for _, s := range steps {
		got, err := c.Record(microsoft, s.a)
		checkRefusal(t, err, s.want)
		if err == nil {
			want = append(want, s.a)
		}
		if diff := cmp.Diff(want, got.Attempts()); diff != "" {
			t.Errorf("%s: attempts mismatch (-want +got):\n%s", s.name, diff)
		}
		if got.Credential() != admin {
			t.Errorf("%s: Credential() = %v, want %v", s.name, got.Credential(), admin)
		}
		c = got
	}
	if !c.Passed() || c.Len() != 3 {
		t.Errorf("after a pass: Passed() = %v, Len() = %d; want true, 3", c.Passed(), c.Len())
	}
	if next := c.Next(microsoft); !next.IsZero() {
		t.Errorf("Next after a pass = %v, want the zero time", next)
	}
}

func TestCycleRefusedHistory(t *testing.T) {
	t0 := at("2021-10-01T09:00:00Z")
	tests := []struct {
		name    string
		history []assessment.Attempt
		want    refusal
	}{
		{"A4 a stored attempt after a pass", []assessment.Attempt{{At: t0, Passed: true}, {At: t0.Add(time.Hour)}}, refusal{is: assessment.ErrPassed}},
		{"A5 a stored history out of order", fails(t0, t0.Add(-time.Nanosecond), t0.Add(time.Hour)),
			refusal{is: assessment.ErrOutOfOrder, order: &assessment.OrderError{Index: 1, At: t0.Add(-time.Nanosecond), Prev: t0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := clone(tt.history)
			c := assessment.NewCycle(admin, tt.history)
			// Retakes.Check alone reads only the last attempt and allows this.
			later := t0.Add(1000 * time.Hour)
			if err := microsoft.Check(tt.history, later); err != nil {
				t.Fatalf("Retakes.Check = %v, want nil (it reads only the last attempt)", err)
			}
			checkRefusal(t, c.Check(microsoft, later), tt.want)
			got, err := c.Record(microsoft, assessment.Attempt{At: later})
			checkRefusal(t, err, tt.want)
			if got.Len() != len(tt.history) {
				t.Errorf("Record on a refused history: Len() = %d, want %d", got.Len(), len(tt.history))
			}
			if next := c.Next(microsoft); !next.IsZero() {
				t.Errorf("Next = %v, want the zero time", next)
			}
			if diff := cmp.Diff(before, tt.history); diff != "" {
				t.Errorf("the history changed (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCycleFor(t *testing.T) {
	renewed := admin
	renewed.Expires = admin.Expires.AddMonths(12) // RULES N1
	other := cert.Credential{Cert: "azure-developer", Earned: admin.Earned, Expires: admin.Expires}
	tests := []struct {
		name string
		cr   cert.Credential
		ok   bool
	}{
		{"A4 the cycle of the current expiry", admin, true},
		{"A4 the cycle of an expiry since renewed", renewed, false},
		{"A4 the cycle of another certification", other, false},
		{"A4 the cycle of an earlier credential of the title", cert.Credential{Cert: admin.Cert, Earned: day("2018-03-10"), Expires: admin.Expires}, false},
		{"A4 the zero credential", cert.Credential{}, false},
	}
	c := assessment.NewCycle(admin, fails(at("2021-10-01T09:00:00Z")))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.For(tt.cr)
			if tt.ok != (err == nil) || err != nil && !errors.Is(err, assessment.ErrStaleCycle) {
				t.Errorf("For(%v) = %v, want ok=%v or ErrStaleCycle", tt.cr, err, tt.ok)
			}
		})
	}
	var zero assessment.Cycle
	if err := zero.For(cert.Credential{}); err != nil {
		t.Errorf("zero Cycle: For(zero Credential) = %v, want nil", err)
	}
	if err := zero.Check(microsoft, time.Time{}); err != nil {
		t.Errorf("zero Cycle: Check = %v, want nil", err)
	}
}

// TestCycleAppends checks that Record appends as append does: into spare
// capacity, leaving the cycle it was called on as it was.
func TestCycleAppends(t *testing.T) {
	h := make([]assessment.Attempt, 2, 4)
	copy(h, spaced(2))
	c := assessment.NewCycle(admin, h)
	a := assessment.Attempt{At: h[1].At.Add(25 * time.Hour)}
	got, err := c.Record(microsoft, a)
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 2 || got.Len() != 3 {
		t.Fatalf("Len() before and after Record = %d, %d; want 2, 3", c.Len(), got.Len())
	}
	if &got.Attempts()[0] != &h[0] {
		t.Error("Record copied a history with spare capacity")
	}
	if diff := cmp.Diff(a, h[:3][2]); diff != "" {
		t.Errorf("spare capacity mismatch (-want +got):\n%s", diff)
	}
}

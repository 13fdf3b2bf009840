package assessment_test

import (
	"errors"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/google/go-cmp/cmp"
)

// refusal describes the error Check is expected to return: nil for none, or
// the sentinel it matches and, for the typed errors, the error itself.
type refusal struct {
	is      error
	lockout *assessment.LockoutError
	order   *assessment.OrderError
}

// checkRefusal reports a mismatch between err and want.
func checkRefusal(t *testing.T, err error, want refusal) {
	t.Helper()
	if want.is == nil {
		if err != nil {
			t.Fatalf("got error %v, want nil", err)
		}
		return
	}
	if !errors.Is(err, want.is) {
		t.Fatalf("got error %v, want one matching %v", err, want.is)
	}
	if want.lockout != nil {
		var got *assessment.LockoutError
		if !errors.As(err, &got) {
			t.Fatalf("got error %v (%T), want a *LockoutError", err, err)
		}
		if diff := cmp.Diff(want.lockout, got); diff != "" {
			t.Errorf("LockoutError mismatch (-want +got):\n%s", diff)
		}
	}
	if want.order != nil {
		var got *assessment.OrderError
		if !errors.As(err, &got) {
			t.Fatalf("got error %v (%T), want an *OrderError", err, err)
		}
		if diff := cmp.Diff(want.order, got); diff != "" {
			t.Errorf("OrderError mismatch (-want +got):\n%s", diff)
		}
	}
	if err.Error() == "" {
		t.Error("empty error message")
	}
}

func TestCheck(t *testing.T) {
	t0 := at("2021-03-01T09:00:00Z")
	t1 := t0.Add(time.Nanosecond)
	t2 := t1.Add(time.Hour)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	// 2021-03-14 is the day New York moves from EST to EDT.
	sat := time.Date(2021, 3, 13, 12, 0, 0, 0, ny)
	sun := time.Date(2021, 3, 14, 12, 0, 0, 0, ny)
	tests := []struct {
		name    string
		r       assessment.Retakes
		history []assessment.Attempt
		at      time.Time
		want    refusal
	}{
		{"A1 the first attempt has no constraint", microsoft, nil, time.Time{}, refusal{}},
		{"A2 the second attempt 1ns after the first", microsoft, fails(t0), t1, refusal{}},
		{"A2 the second attempt at the same instant as the first", microsoft, fails(t0), t0, refusal{}},
		{"A3 the third attempt 24h-1ns after the second", microsoft, fails(t0, t1), t1.Add(24*time.Hour - 1),
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: t1.Add(24*time.Hour - 1), Until: t1.Add(24 * time.Hour)}}},
		{"A3 the third attempt exactly 24h after the second", microsoft, fails(t0, t1), t1.Add(24 * time.Hour), refusal{}},
		{"A3 the third attempt at the second's instant", microsoft, fails(t0, t1), t1,
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: t1, Until: t1.Add(24 * time.Hour)}}},
		{"A3 the fourth waits for the third, not the first", microsoft, fails(t0, t1, t1.Add(24*time.Hour)), t1.Add(47 * time.Hour),
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: t1.Add(47 * time.Hour), Until: t1.Add(48 * time.Hour)}}},
		{"A1 the fifth attempt after a long gap", microsoft, spaced(4), at("2021-09-01T00:00:00Z"), refusal{}},
		{"A1 the seventeenth attempt", microsoft, spaced(16), spaced(17)[16].At, refusal{}},
		{"A4 an attempt after a pass", microsoft, []assessment.Attempt{{At: t0}, {At: t1, Passed: true}}, t2.Add(48 * time.Hour),
			refusal{is: assessment.ErrPassed}},
		{"A4 an attempt after a first-attempt pass", microsoft, []assessment.Attempt{{At: t0, Passed: true}}, t1,
			refusal{is: assessment.ErrPassed}},
		{"A5 a pass is refused before order", microsoft, []assessment.Attempt{{At: t1, Passed: true}}, t0,
			refusal{is: assessment.ErrPassed}},
		{"A5 the second attempt before the first", microsoft, fails(t1), t0,
			refusal{is: assessment.ErrOutOfOrder, order: &assessment.OrderError{Index: 1, At: t0, Prev: t1}}},
		{"A5 the third attempt before the second is out of order, not too soon", microsoft, fails(t0, t2), t1,
			refusal{is: assessment.ErrOutOfOrder, order: &assessment.OrderError{Index: 2, At: t1, Prev: t2}}},
		{"A5 an attempt 1ns before the last", microsoft, fails(t0), t0.Add(-1),
			refusal{is: assessment.ErrOutOfOrder, order: &assessment.OrderError{Index: 1, At: t0.Add(-1), Prev: t0}}},
		{"D4 24h across a DST change are 23h elapsed", microsoft, fails(sat.Add(-time.Hour), sat), sun,
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: sun, Until: sat.Add(24 * time.Hour)}}},
		{"D4 24h elapsed across a DST change end at 13:00 EDT", microsoft, fails(sat.Add(-time.Hour), sat), sun.Add(time.Hour), refusal{}},
		{"D4 instants in different locations compare as instants", microsoft, fails(t0.In(ny), t1.In(time.UTC)), t1.Add(24 * time.Hour).In(ny), refusal{}},
		{"A3 Immediate 0: the second attempt waits", assessment.Retakes{Wait: 24 * time.Hour}, fails(t0), t1,
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: t1, Until: t0.Add(24 * time.Hour)}}},
		{"A3 Immediate 0: the second attempt after the wait", assessment.Retakes{Wait: 24 * time.Hour}, fails(t0), t0.Add(24 * time.Hour), refusal{}},
		{"A3 Immediate 2: the third attempt at once", assessment.Retakes{Immediate: 2, Wait: 24 * time.Hour}, fails(t0, t1), t1, refusal{}},
		{"A3 Immediate 2: the fourth attempt waits", assessment.Retakes{Immediate: 2, Wait: 24 * time.Hour}, fails(t0, t1, t2), t2.Add(time.Hour),
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: t2.Add(time.Hour), Until: t2.Add(24 * time.Hour)}}},
		{"A3 the zero Retakes never waits", assessment.Retakes{}, spaced(5), spaced(5)[4].At, refusal{}},
		{"A3 the zero Retakes keeps order", assessment.Retakes{}, fails(t1), t0,
			refusal{is: assessment.ErrOutOfOrder, order: &assessment.OrderError{Index: 1, At: t0, Prev: t1}}},
		{"A3 a negative Immediate counts as 0", assessment.Retakes{Immediate: -3, Wait: time.Hour}, fails(t0), t1,
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: t1, Until: t0.Add(time.Hour)}}},
		{"A3 a negative Wait counts as 0", assessment.Retakes{Wait: -time.Hour}, fails(t0, t1, t2), t2, refusal{}},
		{"A3 a negative Wait still keeps order", assessment.Retakes{Wait: -time.Hour}, fails(t0, t1, t2), t1,
			refusal{is: assessment.ErrOutOfOrder, order: &assessment.OrderError{Index: 3, At: t1, Prev: t2}}},
		{"A3 a wait of whole seconds and nanoseconds", assessment.Retakes{Wait: 1500 * time.Millisecond}, fails(t0.Add(900 * time.Millisecond)), t0.Add(2400*time.Millisecond - 1),
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: t0.Add(2400*time.Millisecond - 1), Until: t0.Add(2400 * time.Millisecond)}}},
		{"A3 a wait of whole seconds and nanoseconds, over", assessment.Retakes{Wait: 1500 * time.Millisecond}, fails(t0.Add(900 * time.Millisecond)), t0.Add(2400 * time.Millisecond), refusal{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := clone(tt.history)
			checkRefusal(t, tt.r.Check(tt.history, tt.at), tt.want)
			if diff := cmp.Diff(before, tt.history); diff != "" {
				t.Errorf("Check modified its history (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNext(t *testing.T) {
	t0 := at("2021-03-01T09:00:00Z")
	t1 := t0.Add(time.Nanosecond)
	tests := []struct {
		name    string
		r       assessment.Retakes
		history []assessment.Attempt
		want    time.Time
	}{
		{"A1 the first attempt: no constraint", microsoft, nil, time.Time{}},
		{"A2 the second attempt: at once", microsoft, fails(t0), t0},
		{"A3 the third attempt: 24h after the second", microsoft, fails(t0, t1), t1.Add(24 * time.Hour)},
		{"A3 the seventeenth attempt: 24h after the sixteenth", microsoft, spaced(16), spaced(16)[15].At.Add(24 * time.Hour)},
		{"A4 after a pass: none, Check says why", microsoft, []assessment.Attempt{{At: t0, Passed: true}}, time.Time{}},
		{"A3 Immediate 0: the second attempt waits", assessment.Retakes{Wait: time.Hour}, fails(t0), t0.Add(time.Hour)},
		{"A3 Immediate 2: the third at once", assessment.Retakes{Immediate: 2, Wait: time.Hour}, fails(t0, t1), t1},
		{"A3 the zero Retakes: at once", assessment.Retakes{}, spaced(3), spaced(3)[2].At},
		{"A3 a negative Wait counts as 0", assessment.Retakes{Wait: -time.Hour}, spaced(3), spaced(3)[2].At},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.r.Next(tt.history)
			if !got.Equal(tt.want) {
				t.Errorf("Next = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestD4_SameAnswerInEveryLocation checks that the same instants in other
// locations give the same answers: 24 hours are elapsed time (RULES D4).
func TestD4_SameAnswerInEveryLocation(t *testing.T) {
	var locs []*time.Location
	for _, name := range []string{"UTC", "Asia/Tokyo", "America/Los_Angeles", "America/New_York"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		locs = append(locs, loc)
	}
	t0 := at("2021-03-13T17:00:00Z")
	history := fails(t0, t0.Add(time.Minute))
	for _, d := range []time.Duration{0, 24*time.Hour - 1, 24 * time.Hour, -time.Hour} {
		want := microsoft.Check(history, t0.Add(time.Minute+d))
		wantNext := microsoft.Next(history)
		for _, loc := range locs {
			moved := in(history, loc)
			got := microsoft.Check(moved, t0.Add(time.Minute+d).In(loc))
			if !errors.Is(got, assessment.ErrTooSoon) != !errors.Is(want, assessment.ErrTooSoon) ||
				!errors.Is(got, assessment.ErrOutOfOrder) != !errors.Is(want, assessment.ErrOutOfOrder) || (got == nil) != (want == nil) {
				t.Errorf("D4 %s, +%v: Check = %v, want %v", loc, d, got, want)
			}
			if next := microsoft.Next(moved); !next.Equal(wantNext) {
				t.Errorf("D4 %s: Next = %v, want %v", loc, next, wantNext)
			}
		}
	}
}

// TestMonotonic checks that a monotonic clock reading changes no answer.
func TestMonotonic(t *testing.T) {
	now := time.Now() // carries a monotonic reading
	history := fails(now.Add(-time.Hour), now.Add(-time.Minute))
	stripped := fails(now.Add(-time.Hour).Round(0), now.Add(-time.Minute).Round(0))
	for _, d := range []time.Duration{-time.Hour, 0, 24*time.Hour - 1, 24 * time.Hour} {
		at := now.Add(-time.Minute + d)
		a, b := microsoft.Check(history, at), microsoft.Check(stripped, at.Round(0))
		if (a == nil) != (b == nil) || errors.Is(a, assessment.ErrTooSoon) != errors.Is(b, assessment.ErrTooSoon) {
			t.Errorf("D4 +%v: Check = %v with monotonic readings, %v without", d, a, b)
		}
	}
	if a, b := microsoft.Next(history), microsoft.Next(stripped); !a.Equal(b) {
		t.Errorf("Next = %v with monotonic readings, %v without", a, b)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		r    assessment.Retakes
		ok   bool
	}{
		{"A3 Microsoft's rule", microsoft, true},
		{"A3 the zero rule", assessment.Retakes{}, true},
		{"A3 a negative Immediate", assessment.Retakes{Immediate: -1, Wait: time.Hour}, false},
		{"A3 a negative Wait", assessment.Retakes{Immediate: 1, Wait: -1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if tt.ok != (err == nil) || (err != nil && !errors.Is(err, assessment.ErrInvalidRetakes)) {
				t.Errorf("Validate() = %v, want ok=%v or ErrInvalidRetakes", err, tt.ok)
			}
		})
	}
}

func TestCheckHistory(t *testing.T) {
	t0 := at("2021-03-01T09:00:00Z")
	t1 := t0.Add(time.Nanosecond)
	tests := []struct {
		name    string
		history []assessment.Attempt
		want    refusal
	}{
		{"A5 no attempts", nil, refusal{}},
		{"A5 in order, equal instants allowed", fails(t0, t0, t1), refusal{}},
		{"A4 a pass as the last attempt ends the cycle", []assessment.Attempt{{At: t0}, {At: t1, Passed: true}}, refusal{}},
		{"A4 an attempt after a pass", []assessment.Attempt{{At: t0, Passed: true}, {At: t1}}, refusal{is: assessment.ErrPassed}},
		{"A5 a pass is refused before disorder", []assessment.Attempt{{At: t1, Passed: true}, {At: t0}}, refusal{is: assessment.ErrPassed}},
		{"A5 out of order", fails(t0, t1, t0, t1), refusal{is: assessment.ErrOutOfOrder, order: &assessment.OrderError{Index: 2, At: t0, Prev: t1}}},
		// CheckHistory does not check waits: the history may come from another rule.
		{"A3 waits are not checked", fails(t0, t0, t0), refusal{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRefusal(t, assessment.CheckHistory(tt.history), tt.want)
		})
	}
}

func clone(h []assessment.Attempt) []assessment.Attempt {
	if h == nil {
		return nil
	}
	return append([]assessment.Attempt{}, h...)
}

func in(h []assessment.Attempt, loc *time.Location) []assessment.Attempt {
	moved := clone(h)
	for i := range moved {
		moved[i].At = moved[i].At.In(loc)
	}
	return moved
}

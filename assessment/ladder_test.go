package assessment_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
)

const days = 24 * time.Hour

// The three real rules of the Ladder doc.
var (
	// renewalLadder is Microsoft's renewal assessment (RULES A2, A3) as a
	// ladder: the same as microsoft.
	renewalLadder = assessment.Ladder{Retakes: microsoft}

	// examLadder is Microsoft's certification exam retake policy (RULES G5,
	// G6): 24 hours after the first failure, 14 days before each of the
	// third, fourth and fifth attempts, at most 5 attempts in 12 months,
	// read as 365 days.
	examLadder = assessment.Ladder{
		Retakes: assessment.Retakes{Immediate: 0, Wait: 24 * time.Hour},
		Then:    []time.Duration{14 * days},
		Cap:     5,
		Span:    365 * days,
	}

	// googleLadder is Google Cloud's exam retake policy (RULES G5): 14 days,
	// 60 days, then a year.
	googleLadder = assessment.Ladder{
		Retakes: assessment.Retakes{Wait: 14 * days},
		Then:    []time.Duration{60 * days, 365 * days},
	}
)

// examFive returns five failed exam attempts from t0, each as early as
// examLadder allows: t0, then 24 hours, then 14 days three times.
func examFive(t0 time.Time) []assessment.Attempt {
	t1 := t0.Add(24 * time.Hour)
	return fails(t0, t1, t1.Add(14*days), t1.Add(28*days), t1.Add(42*days))
}

func lock(at, until time.Time) refusal {
	return refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: at, Until: until}}
}

func TestLadder(t *testing.T) {
	t0 := at("2024-01-10T09:00:00Z")
	t1 := t0.Add(24 * time.Hour)
	exam := examFive(t0)
	t4 := exam[4].At
	yearOn := t0.Add(365 * days)
	// The fifth attempt 351 days after the first: its 14 days end with the
	// cap's 365 days.
	tie := append(slices.Clone(exam[:4]), assessment.Attempt{At: t0.Add(351 * days)})
	// The fifth attempt 360 days after the first: its 14 days end after
	// the cap's 365 days.
	late := append(slices.Clone(exam[:4]), assessment.Attempt{At: t0.Add(360 * days)})
	// A second attempt 300 days after the first, then each as early as the
	// ladder allows.
	slowSecond := fails(t0, t0.Add(300*days), t0.Add(314*days), t0.Add(328*days), t0.Add(342*days), yearOn)
	capOf := func(l assessment.Ladder, at, until time.Time) *assessment.CapError {
		return &assessment.CapError{At: at, Until: until, Cap: l.Cap, Span: l.Span}
	}
	stepped := assessment.Ladder{Retakes: assessment.Retakes{Immediate: 2, Wait: 30 * time.Minute}, Then: []time.Duration{time.Hour, 2 * time.Hour}}
	once := assessment.Ladder{Cap: 1, Span: time.Hour}
	twice := assessment.Ladder{Retakes: assessment.Retakes{Wait: time.Hour}, Cap: 2, Span: 10 * time.Hour}
	hourly := assessment.Ladder{Retakes: assessment.Retakes{Wait: time.Hour}, Cap: 1, Span: time.Hour}
	longer := assessment.Ladder{Retakes: assessment.Retakes{Wait: time.Hour}, Cap: 1, Span: time.Hour + 1}
	shorter := assessment.Ladder{Retakes: assessment.Retakes{Wait: time.Hour}, Cap: 1, Span: time.Hour - 1}
	twoInAnHour := assessment.Ladder{Cap: 2, Span: time.Hour}
	long := assessment.Ladder{Retakes: assessment.Retakes{Wait: time.Hour}, Then: []time.Duration{2 * time.Hour, 3 * time.Hour, 4 * time.Hour, 5 * time.Hour}}
	tests := []struct {
		name    string
		l       assessment.Ladder
		history []assessment.Attempt
		at      time.Time
		want    refusal
		cap     *assessment.CapError // the CapError behind want, if any
	}{
		// Microsoft's renewal assessment, as the two-step rule.
		{"A2/renewal second attempt at once", renewalLadder, fails(t0), t0, refusal{}, nil},
		{"A3/renewal third attempt 24h minus 1ns after the second", renewalLadder, fails(t0, t0), t0.Add(24*time.Hour - 1), lock(t0.Add(24*time.Hour-1), t0.Add(24*time.Hour)), nil},
		{"A3/renewal third attempt at 24h", renewalLadder, fails(t0, t0), t0.Add(24 * time.Hour), refusal{}, nil},
		{"A3/renewal fourth attempt waits 24h again", renewalLadder, fails(t0, t0, t1), t1.Add(24*time.Hour - 1), lock(t1.Add(24*time.Hour-1), t1.Add(24*time.Hour)), nil},

		// Microsoft's certification exam.
		{"G5/exam first attempt has no constraint", examLadder, nil, time.Time{}, refusal{}, nil},
		{"G5/exam second attempt at 24h minus 1ns", examLadder, exam[:1], t1.Add(-1), lock(t1.Add(-1), t1), nil},
		{"G5/exam second attempt at 24h", examLadder, exam[:1], t1, refusal{}, nil},
		{"G5/exam second attempt at the first's instant", examLadder, exam[:1], t0, lock(t0, t1), nil},
		{"G5/exam third attempt at 14 days minus 1ns", examLadder, exam[:2], t1.Add(14*days - 1), lock(t1.Add(14*days-1), t1.Add(14*days)), nil},
		{"G5/exam third attempt at 14 days", examLadder, exam[:2], t1.Add(14 * days), refusal{}, nil},
		{"G5/exam third attempt at 24h is too soon", examLadder, exam[:2], t1.Add(24 * time.Hour), lock(t1.Add(24*time.Hour), t1.Add(14*days)), nil},
		{"G5/exam fourth attempt at 14 days minus 1ns", examLadder, exam[:3], exam[2].At.Add(14*days - 1), lock(exam[2].At.Add(14*days-1), exam[3].At), nil},
		{"G5/exam fourth attempt at 14 days", examLadder, exam[:3], exam[3].At, refusal{}, nil},
		{"G5/exam fifth attempt at 14 days minus 1ns", examLadder, exam[:4], t4.Add(-1), lock(t4.Add(-1), t4), nil},
		{"G5/exam fifth attempt at 14 days", examLadder, exam[:4], t4, refusal{}, nil},
		{"G6/sixth attempt inside 365 days", examLadder, exam, yearOn.Add(-1), lock(yearOn.Add(-1), yearOn), capOf(examLadder, yearOn.Add(-1), yearOn)},
		{"G6/sixth attempt at 365 days", examLadder, exam, yearOn, refusal{}, nil},
		{"G6/sixth attempt 14 days after the fifth, the cap's end later", examLadder, exam, t4.Add(14 * days), lock(t4.Add(14*days), yearOn), capOf(examLadder, t4.Add(14*days), yearOn)},
		{"G6/sixth attempt during both waits: the cap's end is later", examLadder, exam, t4.Add(time.Hour), lock(t4.Add(time.Hour), yearOn), capOf(examLadder, t4.Add(time.Hour), yearOn)},
		{"G5/sixth attempt during both waits: the 14 days end later", examLadder, late, yearOn, lock(yearOn, late[4].At.Add(14*days)), nil},
		{"G5/sixth attempt 14 days after a late fifth minus 1ns", examLadder, late, late[4].At.Add(14*days - 1), lock(late[4].At.Add(14*days-1), late[4].At.Add(14*days)), nil},
		{"G5/sixth attempt 14 days after a late fifth", examLadder, late, late[4].At.Add(14 * days), refusal{}, nil},
		{"G5/both waits end at one instant: the retake wait's lockout", examLadder, tie, yearOn.Add(-1), lock(yearOn.Add(-1), yearOn), nil},
		{"G6/both waits end at one instant: allowed there", examLadder, tie, yearOn, refusal{}, nil},
		{"G6/seventh attempt counts from the second", examLadder, slowSecond, t0.Add(665*days - 1),
			// slowSecond[1:] are five attempts in the 365 days from the
			// second, whose end is after the 14 days from the sixth.
			lock(t0.Add(665*days-1), t0.Add(665*days)), capOf(examLadder, t0.Add(665*days-1), t0.Add(665*days))},
		{"G6/seventh attempt at 365 days after the second", examLadder, slowSecond, t0.Add(665 * days), refusal{}, nil},
		{"A4/exam after a pass", examLadder, append(fails(t0), assessment.Attempt{At: t1, Passed: true}), yearOn, refusal{is: assessment.ErrPassed}, nil},
		{"A5/exam before the last attempt is out of order, not capped", examLadder, exam, t4.Add(-1),
			refusal{is: assessment.ErrOutOfOrder, order: &assessment.OrderError{Index: 5, At: t4.Add(-1), Prev: t4}}, nil},

		// Google Cloud's exams.
		{"G5/google second attempt at 14 days minus 1ns", googleLadder, fails(t0), t0.Add(14*days - 1), lock(t0.Add(14*days-1), t0.Add(14*days)), nil},
		{"G5/google second attempt at 14 days", googleLadder, fails(t0), t0.Add(14 * days), refusal{}, nil},
		{"G5/google third attempt at 60 days minus 1ns", googleLadder, fails(t0, t1), t1.Add(60*days - 1), lock(t1.Add(60*days-1), t1.Add(60*days)), nil},
		{"G5/google third attempt at 60 days", googleLadder, fails(t0, t1), t1.Add(60 * days), refusal{}, nil},
		{"G5/google fourth attempt at 365 days minus 1ns", googleLadder, fails(t0, t0, t1), t1.Add(365*days - 1), lock(t1.Add(365*days-1), t1.Add(365*days)), nil},
		{"G5/google fourth attempt at 365 days", googleLadder, fails(t0, t0, t1), t1.Add(365 * days), refusal{}, nil},
		{"G5/google fifth attempt: the last step repeats", googleLadder, fails(t0, t0, t0, t1), t1.Add(365*days - 1), lock(t1.Add(365*days-1), t1.Add(365*days)), nil},
		{"G5/google fifth attempt at 365 days", googleLadder, fails(t0, t0, t0, t1), t1.Add(365 * days), refusal{}, nil},

		// Edge cases.
		{"G5/Immediate 2 with Then: the third attempt at once", stepped, fails(t0, t0), t0, refusal{}, nil},
		{"G5/Immediate 2 with Then: the fourth waits Wait", stepped, fails(t0, t0, t0), t0.Add(30*time.Minute - 1), lock(t0.Add(30*time.Minute-1), t0.Add(30*time.Minute)), nil},
		{"G5/Immediate 2 with Then: the fifth waits Then[0]", stepped, fails(t0, t0, t0, t0), t0.Add(time.Hour - 1), lock(t0.Add(time.Hour-1), t0.Add(time.Hour)), nil},
		{"G5/Immediate 2 with Then: the fifth at Then[0]", stepped, fails(t0, t0, t0, t0), t0.Add(time.Hour), refusal{}, nil},
		{"G5/Immediate 2 with Then: the seventh waits the last step", stepped, fails(t0, t0, t0, t0, t0, t0), t0.Add(2*time.Hour - 1), lock(t0.Add(2*time.Hour-1), t0.Add(2*time.Hour)), nil},
		{"G5/Then longer than the history: only its first step counts", long, fails(t0, t1), t1.Add(2 * time.Hour), refusal{}, nil},
		{"G5/Then longer than the history: 1ns before its first step", long, fails(t0, t1), t1.Add(2*time.Hour - 1), lock(t1.Add(2*time.Hour-1), t1.Add(2*time.Hour)), nil},
		{"G6/Cap 1: an attempt at the same instant", once, fails(t0), t0, lock(t0, t0.Add(time.Hour)), capOf(once, t0, t0.Add(time.Hour))},
		{"G6/Cap 1: 1ns before the span ends", once, fails(t0), t0.Add(time.Hour - 1), lock(t0.Add(time.Hour-1), t0.Add(time.Hour)), capOf(once, t0.Add(time.Hour-1), t0.Add(time.Hour))},
		{"G6/Cap 1: at the span's end", once, fails(t0), t0.Add(time.Hour), refusal{}, nil},
		{"G6/Cap 2: the cap refuses after the wait", twice, fails(t0, t0.Add(time.Hour)), t0.Add(5 * time.Hour), lock(t0.Add(5*time.Hour), t0.Add(10*time.Hour)), capOf(twice, t0.Add(5*time.Hour), t0.Add(10*time.Hour))},
		{"G6/Cap 2: at the span's end", twice, fails(t0, t0.Add(time.Hour)), t0.Add(10 * time.Hour), refusal{}, nil},
		{"G6/Cap 2: the second attempt is under the cap", twice, fails(t0), t0.Add(time.Hour), refusal{}, nil},
		{"G6/Cap 1 with a Span equal to the wait: the wait's lockout", hourly, fails(t0), t0.Add(time.Hour - 1), lock(t0.Add(time.Hour-1), t0.Add(time.Hour)), nil},
		{"G6/Cap 1 with a Span longer than the wait: the cap's", longer, fails(t0), t0.Add(time.Hour - 1), lock(t0.Add(time.Hour-1), t0.Add(time.Hour+1)), capOf(longer, t0.Add(time.Hour-1), t0.Add(time.Hour+1))},
		{"G6/Cap 1 with a Span shorter than the wait: the wait's", shorter, fails(t0), t0.Add(time.Hour - 2), lock(t0.Add(time.Hour-2), t0.Add(time.Hour)), nil},
		// Check reads a history in order; one that is not still never
		// slips under the cap.
		{"G6/a stored history out of order: the cap counts from the attempt Cap back", twoInAnHour, fails(t0.Add(2*time.Hour), t0), t0.Add(time.Hour), lock(t0.Add(time.Hour), t0.Add(3*time.Hour)), capOf(twoInAnHour, t0.Add(time.Hour), t0.Add(3*time.Hour))},
		{"G6/a cap larger than the history bounds nothing", assessment.Ladder{Cap: 3, Span: time.Hour}, fails(t0, t0), t0, refusal{}, nil},
		{"G6/a negative Cap is no cap", assessment.Ladder{Cap: -1, Span: time.Hour}, fails(t0, t0), t0, refusal{}, nil},
		{"G6/a Cap without a Span is no cap", assessment.Ladder{Cap: 1}, fails(t0, t0), t0, refusal{}, nil},
		{"G5/negative steps count as 0", assessment.Ladder{Retakes: assessment.Retakes{Immediate: -1, Wait: -time.Hour}, Then: []time.Duration{-time.Hour}}, fails(t0, t0, t0), t0, refusal{}, nil},
		{"G6/the cap reads instants in any location", once, fails(t0.In(tokyo)), t0.Add(time.Hour).In(newYork), refusal{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.history)
			err := tt.l.Check(tt.history, tt.at)
			checkRefusal(t, err, tt.want)
			checkCap(t, err, tt.cap)
			if diff := cmp.Diff(before, tt.history); diff != "" {
				t.Errorf("Check modified the history (-before +after):\n%s", diff)
			}
		})
	}
}

// checkCap reports a mismatch between err and the CapError want, or, for a
// nil want, an err that matches ErrCapReached.
func checkCap(t *testing.T, err error, want *assessment.CapError) {
	t.Helper()
	if want == nil {
		if errors.Is(err, assessment.ErrCapReached) {
			t.Errorf("got error %v, want one that does not match ErrCapReached", err)
		}
		return
	}
	var got *assessment.CapError
	if !errors.As(err, &got) || !errors.Is(err, assessment.ErrCapReached) || !errors.Is(err, assessment.ErrTooSoon) {
		t.Fatalf("got error %v (%T), want a *CapError matching ErrCapReached and ErrTooSoon", err, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CapError mismatch (-want +got):\n%s", diff)
	}
}

var (
	tokyo   = mustLoad("Asia/Tokyo")
	newYork = mustLoad("America/New_York")
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func TestLadderWaitAfter(t *testing.T) {
	stepped := assessment.Ladder{Retakes: assessment.Retakes{Immediate: 2, Wait: 30 * time.Minute}, Then: []time.Duration{time.Hour, 2 * time.Hour}}
	tests := []struct {
		name string
		l    assessment.Ladder
		n    int
		want time.Duration
	}{
		{"G5/no attempt yet", examLadder, 0, 0},
		{"G5/a negative count", examLadder, -1, 0},
		{"G5/exam after the first attempt: Wait", examLadder, 1, 24 * time.Hour},
		{"G5/exam after the second: Then[0]", examLadder, 2, 14 * days},
		{"G5/exam after the fifth: Then[0] repeats", examLadder, 5, 14 * days},
		{"G5/renewal after the first: at once", renewalLadder, 1, 0},
		{"G5/renewal after the second: Wait", renewalLadder, 2, 24 * time.Hour},
		{"G5/renewal after the hundredth: Wait repeats", renewalLadder, 100, 24 * time.Hour},
		{"G5/google after the third: a year", googleLadder, 3, 365 * days},
		{"G5/google after a million: a year", googleLadder, 1e6, 365 * days},
		{"G5/Immediate 2: the second retake at once", stepped, 2, 0},
		{"G5/Immediate 2: the third retake waits Wait", stepped, 3, 30 * time.Minute},
		{"G5/Immediate 2: the fourth waits Then[0]", stepped, 4, time.Hour},
		{"G5/Immediate 2: the fifth waits Then[1]", stepped, 5, 2 * time.Hour},
		{"G5/Immediate 2: the sixth waits Then[1] again", stepped, 6, 2 * time.Hour},
		{"G5/the largest count", stepped, int(^uint(0) >> 1), 2 * time.Hour},
		{"G5/the largest Immediate", assessment.Ladder{Retakes: assessment.Retakes{Immediate: int(^uint(0) >> 1), Wait: time.Hour}}, int(^uint(0) >> 1), 0},
		{"G5/a negative Immediate counts as 0", assessment.Ladder{Retakes: assessment.Retakes{Immediate: -5, Wait: time.Hour}}, 1, time.Hour},
		{"G5/a negative step counts as 0", assessment.Ladder{Retakes: assessment.Retakes{Wait: time.Hour}, Then: []time.Duration{-time.Hour}}, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.l.WaitAfter(tt.n)); diff != "" {
				t.Errorf("WaitAfter(%d) mismatch (-want +got):\n%s", tt.n, diff)
			}
		})
	}
}

func TestLadderNext(t *testing.T) {
	t0 := at("2024-01-10T09:00:00Z")
	t1 := t0.Add(24 * time.Hour)
	exam := examFive(t0)
	late := append(slices.Clone(exam[:4]), assessment.Attempt{At: t0.Add(360 * days)})
	type next struct {
		At time.Time
		OK bool
	}
	tests := []struct {
		name    string
		l       assessment.Ladder
		history []assessment.Attempt
		want    next
	}{
		{"G5/exam first attempt: any instant", examLadder, nil, next{time.Time{}, true}},
		{"G5/exam second attempt: 24h on", examLadder, exam[:1], next{t1, true}},
		{"G5/exam third attempt: 14 days on", examLadder, exam[:2], next{exam[2].At, true}},
		{"G5/exam fifth attempt: 14 days on", examLadder, exam[:4], next{exam[4].At, true}},
		{"G6/exam sixth attempt: 365 days after the first", examLadder, exam, next{t0.Add(365 * days), true}},
		{"G5/exam sixth attempt after a late fifth: 14 days on", examLadder, late, next{late[4].At.Add(14 * days), true}},
		{"A4/exam after a pass: none", examLadder, append(fails(t0), assessment.Attempt{At: t1, Passed: true}), next{}},
		{"A2/renewal second attempt at once", renewalLadder, fails(t0), next{t0, true}},
		{"A3/renewal third attempt 24h on", renewalLadder, fails(t0, t0), next{t1, true}},
		{"G5/google fourth attempt: a year on", googleLadder, fails(t0, t0, t1), next{t1.Add(365 * days), true}},
		{"G6/Cap 1: the span after the last", assessment.Ladder{Cap: 1, Span: time.Hour}, fails(t0), next{t0.Add(time.Hour), true}},
		{"G5/a wait past the end of time.Time: none", examLadder, fails(lastSecond), next{}},
		{"G6/a cap past the end of time.Time: none", assessment.Ladder{Cap: 1, Span: time.Hour}, fails(lastSecond), next{}},
		{"G6/a cap that ends at the last instant", assessment.Ladder{Cap: 1, Span: time.Second - 1}, fails(lastSecond), next{lastSecond.Add(time.Second - 1), true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, ok := tt.l.Next(tt.history)
			if diff := cmp.Diff(tt.want, next{at, ok}); diff != "" {
				t.Errorf("Next mismatch (-want +got):\n%s", diff)
			}
			if !ok || len(tt.history) == 0 {
				return
			}
			if err := tt.l.Check(tt.history, at); err != nil {
				t.Errorf("Check(Next) = %v", err)
			}
			if err := tt.l.Check(tt.history, at.Add(-1)); err == nil {
				t.Errorf("Check(Next - 1ns) = nil")
			}
		})
	}
}

// TestLadderNextLocation checks that Next gives its instant in the last
// attempt's location, also when the cap sets it.
func TestLadderNextLocation(t *testing.T) {
	t0 := at("2024-01-10T09:00:00Z")
	h := fails(t0.In(newYork), t0.Add(time.Hour).In(tokyo))
	for _, l := range []assessment.Ladder{{Retakes: assessment.Retakes{Wait: time.Hour}}, {Cap: 2, Span: 10 * time.Hour}} {
		at, ok := l.Next(h)
		if !ok || at.Location() != tokyo {
			t.Errorf("%+v: Next = %v, %v; want an instant in Asia/Tokyo", l, at, ok)
		}
	}
	var ce *assessment.CapError
	if err := (assessment.Ladder{Cap: 2, Span: 10 * time.Hour}).Check(h, t0.Add(2*time.Hour)); !errors.As(err, &ce) || ce.Until.Location() != tokyo {
		t.Errorf("Check = %v, want a CapError whose Until is in Asia/Tokyo", err)
	}
}

// TestLadderIsRetakes checks that a ladder of its Retakes alone decides as
// that Retakes on the cases of the ratio benchmarks (RULES G5).
func TestLadderIsRetakes(t *testing.T) {
	for i, tc := range retakeCases(1024) {
		gotAt, gotOK := renewalLadder.Next(tc.h)
		wantAt, wantOK := microsoft.Next(tc.h)
		if !gotAt.Equal(wantAt) || gotOK != wantOK {
			t.Errorf("case %d: Ladder.Next = %v, %v; Retakes.Next %v, %v", i, gotAt, gotOK, wantAt, wantOK)
		}
		if got, want := renewalLadder.Check(tc.h, tc.at), microsoft.Check(tc.h, tc.at); !same(got, want) {
			t.Errorf("case %d: Ladder.Check = %v; Retakes.Check %v", i, got, want)
		}
	}
}

func TestLadderValidate(t *testing.T) {
	tests := []struct {
		name string
		l    assessment.Ladder
		ok   bool
	}{
		{"G5/the zero Ladder", assessment.Ladder{}, true},
		{"G5/renewal", renewalLadder, true},
		{"G5 G6/exam", examLadder, true},
		{"G5/google", googleLadder, true},
		{"G5/a negative Immediate", assessment.Ladder{Retakes: assessment.Retakes{Immediate: -1}}, false},
		{"G5/a negative Wait", assessment.Ladder{Retakes: assessment.Retakes{Wait: -1}}, false},
		{"G5/a step equal to Wait", assessment.Ladder{Retakes: assessment.Retakes{Wait: time.Hour}, Then: []time.Duration{time.Hour, time.Hour}}, true},
		{"G5/a step shorter than Wait", assessment.Ladder{Retakes: assessment.Retakes{Wait: time.Hour}, Then: []time.Duration{time.Hour - 1}}, false},
		{"G5/a step shorter than the one before", assessment.Ladder{Then: []time.Duration{2 * time.Hour, time.Hour}}, false},
		{"G5/a negative step", assessment.Ladder{Then: []time.Duration{-1}}, false},
		{"G5/a step of MaxWait", assessment.Ladder{Then: []time.Duration{assessment.MaxWait}}, true},
		{"G5/a step longer than MaxWait", assessment.Ladder{Then: []time.Duration{assessment.MaxWait + 1}}, false},
		{"G6/Cap 1 in an hour", assessment.Ladder{Cap: 1, Span: time.Hour}, true},
		{"G6/a Span of MaxWait", assessment.Ladder{Cap: 1, Span: assessment.MaxWait}, true},
		{"G6/a Span longer than MaxWait", assessment.Ladder{Cap: 1, Span: assessment.MaxWait + 1}, false},
		{"G6/a negative Cap", assessment.Ladder{Cap: -1, Span: time.Hour}, false},
		{"G6/a negative Span", assessment.Ladder{Span: -1}, false},
		{"G6/a Cap without a Span", assessment.Ladder{Cap: 5}, false},
		{"G6/a Span without a Cap", assessment.Ladder{Span: time.Hour}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.l.Validate()
			if (err == nil) != tt.ok || err != nil && !errors.Is(err, assessment.ErrInvalidRetakes) {
				t.Errorf("Validate() = %v, want ok %v and a refusal matching ErrInvalidRetakes", err, tt.ok)
			}
		})
	}
}

// TestLadderNoAllocs counts the allocations of the ladder's hot calls on
// the path that succeeds: there are none.
func TestLadderNoAllocs(t *testing.T) {
	h := examFive(at("2024-01-10T09:00:00Z"))
	allowed := h[0].At.Add(366 * days)
	tests := []struct {
		name string
		f    func()
	}{
		{"Ladder.Check", func() { sinkErr = must(examLadder.Check(h, allowed)) }},
		{"Ladder.Check after a pass", func() { _ = examLadder.Check([]assessment.Attempt{{Passed: true}}, allowed) }},
		{"Ladder.Next", func() { sinkTime, sinkBool = examLadder.Next(h) }},
		{"Ladder.Next by the wait", func() { sinkTime, sinkBool = examLadder.Next(h[:3]) }},
		{"Ladder.WaitAfter", func() { sinkBool = examLadder.WaitAfter(3) == 0 }},
		{"Ladder.Validate", func() { _ = must(examLadder.Validate()) }},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(1000, tt.f); n != 0 {
			t.Errorf("%s: %v allocations, want 0", tt.name, n)
		}
	}
}

// TestLadderJSON checks a ladder's JSON form and its refusals (RULES G5,
// G6).
func TestLadderJSON(t *testing.T) {
	tests := []struct {
		name string
		l    assessment.Ladder
		want string
	}{
		{"G5 G6/exam", examLadder, `{"immediate":0,"wait":"24h0m0s","then":["336h0m0s"],"cap":5,"span":"8760h0m0s"}`},
		{"G5/google", googleLadder, `{"immediate":0,"wait":"336h0m0s","then":["1440h0m0s","8760h0m0s"]}`},
		{"G5/renewal: the form of its Retakes", renewalLadder, `{"immediate":1,"wait":"24h0m0s"}`},
		{"G5/the zero Ladder", assessment.Ladder{}, `{"immediate":0,"wait":"0s"}`},
		{"G6/a cap alone", assessment.Ladder{Cap: 1, Span: 90 * time.Minute}, `{"immediate":0,"wait":"0s","cap":1,"span":"1h30m0s"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(tt.l)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(data)); diff != "" {
				t.Errorf("Marshal mismatch (-want +got):\n%s", diff)
			}
			var back assessment.Ladder
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatalf("Unmarshal(%s) = %v", data, err)
			}
			if diff := cmp.Diff(tt.l, back); diff != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}

	reads := []struct {
		name, data string
		want       assessment.Ladder
	}{
		{"G5/short durations", `{"immediate":0,"wait":"24h","then":["336h"],"cap":5,"span":"8760h"}`, examLadder},
		{"G5/a null then is no Then", `{"immediate":1,"wait":"24h","then":null}`, renewalLadder},
		{"G5/an empty then is no Then", `{"immediate":1,"wait":"24h","then":[]}`, renewalLadder},
		{"G6/a cap of 0 without a span", `{"immediate":1,"wait":"24h","cap":0}`, renewalLadder},
		{"G5/white space", " {\"wait\" : \"24h\", \"immediate\" : 1}\n", renewalLadder},
	}
	for _, tt := range reads {
		t.Run(tt.name, func(t *testing.T) {
			var got assessment.Ladder
			if err := json.Unmarshal([]byte(tt.data), &got); err != nil {
				t.Fatalf("Unmarshal(%s) = %v", tt.data, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Unmarshal(%s) mismatch (-want +got):\n%s", tt.data, diff)
			}
		})
	}

	for _, bad := range []string{
		`{"immediate":0}`,
		`{"wait":"24h"}`,
		`{"immediate":0,"wait":86400000000000}`,
		`{"immediate":0,"wait":"a day"}`,
		`{"immediate":0,"wait":"24h","then":"336h"}`,
		`{"immediate":0,"wait":"24h","then":["336h","two weeks"]}`,
		`{"immediate":0,"wait":"24h","then":[null]}`,
		`{"immediate":0,"wait":"24h","then":["1h"]}`,               // G5: a ladder only climbs
		`{"immediate":0,"wait":"24h","then":["48h","36h"]}`,        // G5: a ladder only climbs
		`{"immediate":0,"wait":"24h","then":["876601h"]}`,          // longer than MaxWait
		`{"immediate":0,"wait":"24h","cap":5}`,                     // G6: a cap without a span
		`{"immediate":0,"wait":"24h","span":"8760h"}`,              // G6: a span without a cap
		`{"immediate":0,"wait":"24h","cap":-1,"span":"8760h"}`,     // G6: a negative cap
		`{"immediate":0,"wait":"24h","cap":5,"span":"-8760h"}`,     // G6: a negative span
		`{"immediate":0,"wait":"24h","cap":5,"span":"876601h"}`,    // G6: longer than MaxWait
		`{"immediate":0,"wait":"24h","cap":5,"span":""}`,           // an empty duration
		`{"immediate":0,"wait":"24h","cap":5,"span":null}`,         // null says nothing
		`{"immediate":0,"wait":"24h","cap":1.5,"span":"1h"}`,       // a fraction of an attempt
		`{"immediate":-1,"wait":"24h"}`,                            // Retakes.Validate
		`{"immediate":0,"wait":"24h","cap":5,"span":"1h","cap":5}`, // a key given twice
		`{"immediate":0,"wait":"24h","Cap":5,"span":"1h"}`,         // a key in another case
		`{"immediate":0,"wait":"24h","limit":5}`,                   // an unknown key
		`{"immediate":0,"wait":"24h"} {}`,                          // data after the value
		`["0","24h"]`,
	} {
		l := examLadder
		// The method itself: encoding/json refuses text that is not one
		// JSON value before calling it.
		err := l.UnmarshalJSON([]byte(bad))
		if !errors.Is(err, assessment.ErrInvalidRetakes) {
			t.Errorf("UnmarshalJSON(%s) = %v, want ErrInvalidRetakes", bad, err)
		}
		if diff := cmp.Diff(examLadder, l); diff != "" {
			t.Errorf("Unmarshal(%s) changed the ladder on a refusal (-want +got):\n%s", bad, diff)
		}
	}

	l := examLadder
	if err := json.Unmarshal([]byte(" null "), &l); err != nil || !slices.Equal(l.Then, examLadder.Then) {
		t.Errorf("Unmarshal(null) = %v, %+v; want no change", err, l)
	}
	if err := l.UnmarshalJSON([]byte(`{"immediate":0,"wait":"1h","then":["2h"]}`)); err != nil || examLadder.Then[0] != 14*days {
		t.Errorf("UnmarshalJSON wrote into the Then it replaced: %v, %v", err, examLadder.Then)
	}
}

// TestLadderCapOfAHistoryOutOfOrder checks how the wait and the cap meet
// when the attempt Cap attempts back started after the last one, as in a
// stored history out of order, which Check does not verify: the later of
// the two ends decides, and on a tie the wait's LockoutError (RULES G5,
// G6).
func TestLadderCapOfAHistoryOutOfOrder(t *testing.T) {
	t0 := time.Date(2024, time.March, 1, 9, 0, 0, 0, time.UTC)
	l := assessment.Ladder{Retakes: assessment.Retakes{Wait: 24 * time.Hour}, Cap: 2, Span: 20 * time.Hour}
	tests := []struct {
		name      string
		capAnchor time.Duration // the start of the attempt Cap back, after t0, the last one's
		want      time.Time     // Next
		capped    bool          // whether Check refuses an instant before want with a CapError
	}{
		{"G6 the cap ends an hour after the wait", 5 * time.Hour, t0.Add(25 * time.Hour), true},
		{"G5 the two end together: the wait", 4 * time.Hour, t0.Add(24 * time.Hour), false},
		{"G5 the wait ends a nanosecond after the cap", 4*time.Hour - 1, t0.Add(24 * time.Hour), false},
		{"G6 the cap ends a nanosecond after the wait", 4*time.Hour + 1, t0.Add(24*time.Hour + 1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := []assessment.Attempt{{At: t0.Add(tt.capAnchor)}, {At: t0}}
			got, ok := l.Next(h)
			if !ok || !got.Equal(tt.want) {
				t.Fatalf("Next = %v, %v, want %v", got, ok, tt.want)
			}
			if err := l.Check(h, tt.want); err != nil {
				t.Errorf("Check(Next) = %v, want nil", err)
			}
			err := l.Check(h, tt.want.Add(-1))
			var ce *assessment.CapError
			if !errors.Is(err, assessment.ErrTooSoon) || errors.As(err, &ce) != tt.capped {
				t.Errorf("Check(Next - 1ns) = %v, want a refusal by the cap: %v", err, tt.capped)
			}
		})
	}
}

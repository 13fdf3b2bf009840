package assessment_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"
	"unsafe"

	"github.com/certrenew/certrenew/assessment"
	"github.com/google/go-cmp/cmp"
)

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
		ok      bool
	}{
		{"A1 the first attempt: no constraint", microsoft, nil, time.Time{}, true},
		{"A2 the second attempt: at once", microsoft, fails(t0), t0, true},
		{"A3 the third attempt: 24h after the second", microsoft, fails(t0, t1), t1.Add(24 * time.Hour), true},
		{"A3 the seventeenth attempt: 24h after the sixteenth", microsoft, spaced(16), spaced(16)[15].At.Add(24 * time.Hour), true},
		{"A4 after a pass: none", microsoft, []assessment.Attempt{{At: t0, Passed: true}}, time.Time{}, false},
		{"A4 after a pass as the first attempt of two: none", microsoft, []assessment.Attempt{{At: t0}, {At: t1, Passed: true}}, time.Time{}, false},
		{"A3 Immediate 0: the second attempt waits", assessment.Retakes{Wait: time.Hour}, fails(t0), t0.Add(time.Hour), true},
		{"A3 Immediate 2: the third at once", assessment.Retakes{Immediate: 2, Wait: time.Hour}, fails(t0, t1), t1, true},
		{"A3 Immediate 2: the fourth waits", assessment.Retakes{Immediate: 2, Wait: time.Hour}, fails(t0, t1, t1), t1.Add(time.Hour), true},
		{"A3 the zero Retakes: at once", assessment.Retakes{}, spaced(3), spaced(3)[2].At, true},
		{"A3 a negative Wait counts as 0", assessment.Retakes{Wait: -time.Hour}, spaced(3), spaced(3)[2].At, true},
		{"A3 a wait that ends on the last instant time.Time holds", assessment.Retakes{Wait: time.Hour},
			fails(lastSecond.Add(999999999-time.Hour), lastSecond.Add(999999999-time.Hour)), lastSecond.Add(999999999), true},
		{"A3 a wait that ends a nanosecond past it: none", assessment.Retakes{Wait: time.Hour},
			fails(lastSecond.Add(1e9-time.Hour), lastSecond.Add(1e9-time.Hour)), time.Time{}, false},
		{"A3 a wait whose nanoseconds carry past the last second: none", assessment.Retakes{Wait: time.Hour + 2},
			fails(lastSecond.Add(999999999-time.Hour-1), lastSecond.Add(999999999-time.Hour-1)), time.Time{}, false},
		{"A3 an unchecked wait of 292 years, 200 years before the end: none", assessment.Retakes{Wait: math.MaxInt64},
			fails(lastSecond.Add(-200*8766*time.Hour), lastSecond.Add(-200*8766*time.Hour)), time.Time{}, false},
		{"A3 the longest wait from the last second: none", assessment.Retakes{Wait: assessment.MaxWait},
			fails(lastSecond, lastSecond), time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.r.Next(tt.history)
			if !got.Equal(tt.want) || ok != tt.ok {
				t.Errorf("Next = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
			if ok {
				if err := tt.r.Check(tt.history, got); err != nil {
					t.Errorf("Check(Next) = %v, want nil", err)
				}
				if len(tt.history) > 0 {
					if err := tt.r.Check(tt.history, got.Add(-1)); err == nil {
						t.Errorf("Check(Next - 1ns) = nil, want a refusal")
					}
				}
			} else if err := tt.r.Check(tt.history, lastSecond.Add(999999999)); err == nil {
				t.Errorf("Next says no attempt may follow, but Check allows the last instant")
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
		wantNext := nextAt(microsoft, history)
		for _, loc := range locs {
			moved := in(history, loc)
			got := microsoft.Check(moved, t0.Add(time.Minute+d).In(loc))
			if !errors.Is(got, assessment.ErrTooSoon) != !errors.Is(want, assessment.ErrTooSoon) ||
				!errors.Is(got, assessment.ErrOutOfOrder) != !errors.Is(want, assessment.ErrOutOfOrder) || (got == nil) != (want == nil) {
				t.Errorf("D4 %s, +%v: Check = %v, want %v", loc, d, got, want)
			}
			if next := nextAt(microsoft, moved); !next.Equal(wantNext) {
				t.Errorf("D4 %s: Next = %v, want %v", loc, next, wantNext)
			}
		}
	}
}

// TestMonotonic checks that the rule reads the wall clock, never the
// monotonic one (RULES D4). An instant from time.Now carries both readings,
// and time.Time.Before compares two such instants by their monotonic
// readings; the two disagree after the wall clock is stepped (by NTP, say)
// between two calls of time.Now. Such instants cannot be made through the
// time package's API, so the test builds them by stepping the monotonic
// reading of one instant (stepMonotonic), and checks that only the wall
// clock decides.
func TestMonotonic(t *testing.T) {
	now := time.Now()
	earlier := now.Add(-time.Hour)
	// later is an hour after earlier on the wall clock, but its monotonic
	// reading is two hours before it: a clock stepped forward by three
	// hours between the two readings.
	later := stepMonotonic(t, now, -3*time.Hour)
	if !later.Before(earlier) {
		t.Fatalf("the monotonic readings do not disagree with the wall clock: %v is not Before %v", later, earlier)
	}
	if err := microsoft.Check(fails(earlier), later); err != nil {
		t.Errorf("D4 Check(an hour later by the wall clock, earlier by the monotonic one) = %v, want nil", err)
	}
	var lockout *assessment.LockoutError
	if err := microsoft.Check(fails(earlier, earlier), later); !errors.As(err, &lockout) || !lockout.Until.Equal(earlier.Add(24*time.Hour)) {
		t.Errorf("D4 Check(an hour after the second attempt by the wall clock) = %v, want too soon until %v", err, earlier.Add(24*time.Hour))
	}
	if err := microsoft.Check(fails(later), earlier); !errors.Is(err, assessment.ErrOutOfOrder) {
		t.Errorf("D4 Check(an hour before by the wall clock, later by the monotonic one) = %v, want ErrOutOfOrder", err)
	}
	next, ok := assessment.Retakes{Wait: time.Hour}.Next(fails(earlier))
	if !ok || !next.Round(0).Equal(now.Round(0)) {
		t.Errorf("D4 Next = %v, %v; want %v by the wall clock", next, ok, now.Round(0))
	}
}

// stepMonotonic returns t with its monotonic reading moved by d and its
// wall clock unchanged. It relies on time.Time's layout (a wall word with a
// has-monotonic bit, then the monotonic reading in nanoseconds), which it
// checks before writing, and skips the test if the layout is not that.
func stepMonotonic(t *testing.T, tm time.Time, d time.Duration) time.Time {
	t.Helper()
	type layout struct {
		wall uint64
		ext  int64
		loc  *time.Location
	}
	if unsafe.Sizeof(tm) != unsafe.Sizeof(layout{}) {
		t.Skip("time.Time has another layout")
	}
	l := (*layout)(unsafe.Pointer(&tm))
	if l.wall&(1<<63) == 0 {
		t.Skip("time.Now gave no monotonic reading")
	}
	before := tm.Round(0)
	l.ext += int64(d)
	if !tm.Round(0).Equal(before) {
		t.Fatal("moving the monotonic reading changed the wall clock")
	}
	return tm
}

// TestStoredInstants checks what a service observes of instants it reads
// back from storage: their text carries no monotonic reading, and the
// answers are those of the instants before storing (RULES D4).
func TestStoredInstants(t *testing.T) {
	now := time.Now()
	h := fails(now.Add(-25*time.Hour), now.Add(-24*time.Hour))
	data, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	var stored []assessment.Attempt
	if err := json.Unmarshal(data, &stored); err != nil {
		t.Fatal(err)
	}
	for i, a := range stored {
		if a.At != a.At.Round(0) {
			t.Errorf("stored attempt %d carries a monotonic reading", i)
		}
	}
	for _, d := range []time.Duration{-1, 0, 1} {
		at := now.Add(d)
		if a, b := microsoft.Check(h, at), microsoft.Check(stored, at.Round(0)); (a == nil) != (b == nil) {
			t.Errorf("D4 %+v: Check = %v before storing, %v after", d, a, b)
		}
	}
	a, _ := microsoft.Next(h)
	b, _ := microsoft.Next(stored)
	if !a.Equal(b) {
		t.Errorf("D4 Next = %v before storing, %v after", a, b)
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
		{"A3 a wait of MaxWait, a hundred years", assessment.Retakes{Immediate: 1, Wait: assessment.MaxWait}, true},
		{"A3 a wait a nanosecond longer than MaxWait", assessment.Retakes{Immediate: 1, Wait: assessment.MaxWait + 1}, false},
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

// TestExtremes checks the wall-clock comparison at the ends of time.Time's
// range, where t.Unix() wraps around.
func TestExtremes(t *testing.T) {
	first := time.Unix(math.MaxInt64-62135596799, 0) // the earliest second time.Time holds
	if !first.Before(time.Unix(0, 0)) {
		t.Fatalf("%v is not before 1970", first)
	}
	if err := microsoft.Check(fails(time.Unix(0, 0)), first); err == nil {
		t.Errorf("A5 Check(1970, %v) = nil, want ErrOutOfOrder", first)
	}
	if err := microsoft.Check(fails(first), time.Unix(0, 0)); err != nil {
		t.Errorf("A5 Check(%v, 1970) = %v, want nil", first, err)
	}
	long := assessment.Retakes{Wait: math.MaxInt64}
	if err := long.Check(fails(first), time.Unix(0, 0)); err != nil {
		t.Errorf("A3 a wait of 292 years from %v: Check(1970) = %v, want nil", first, err)
	}
	if err := long.Check(fails(time.Unix(0, 0)), time.Unix(0, 0).Add(math.MaxInt64-1)); err == nil {
		t.Error("A3 a wait of 292 years less 1ns: Check = nil, want ErrTooSoon")
	}
}

// Package assessment answers when a holder may start an attempt at a
// renewal assessment, the free online assessment on Microsoft Learn that
// renews a credential (RULES Terms), and records the attempts of one
// renewal cycle.
//
// It knows attempts and their timing only. Whether a day lies in the
// renewal window, whether the credential is still active, and the renewal
// that a pass brings are the rules of package policy, which calls this one
// (RULES N7).
//
// # Retakes
//
// The assessment may be retaken as often as needed until the credential
// expires (RULES A1). [Retakes] holds the retake rule: after the first
// attempt, Immediate retakes may start at once, and every later one must
// start at least Wait after the attempt before it. Microsoft's rule is
// Retakes{Immediate: 1, Wait: 24 * time.Hour}: attempt 2 may start at once
// (RULES A2), and attempt k, for k >= 3, no earlier than attempt k-1 plus 24
// hours (RULES A3).
//
// The rule sees only the attempts of the current cycle, oldest first (RULES
// A4, A5). A pass ends the cycle: no attempt follows it in the same cycle.
// An attempt may start at the same instant as the one before it, never
// before it.
//
// # Ladders
//
// Other retake rules climb: a later retake may wait longer than an earlier
// one, and the attempts in a span of time may be capped. A [Ladder] holds
// such a rule (RULES G5, G6): its Retakes are the first steps, Then the
// later waits, the last one repeating, and Cap and Span the cap, at most
// Cap attempts in any Span of elapsed time. Microsoft's certification exams
// wait 24 hours, then 14 days, with at most five attempts in 365 days:
// Ladder{Retakes: Retakes{Wait: 24 * time.Hour}, Then:
// []time.Duration{14 * 24 * time.Hour}, Cap: 5, Span: 365 * 24 *
// time.Hour}. A Ladder of a Retakes alone decides as that Retakes.
// [Ladder.Check] and [Ladder.Next] read the last attempt and the one Cap
// attempts back only. A [Cycle] records under a Ladder with
// [Cycle.RecordLadder], and [Cycle.CheckLadder] and [Cycle.NextLadder]
// answer for it.
//
// # Cycles
//
// A [Cycle] is the history of one credential's renewal cycle: the attempts
// made before its current expiry. It remembers the credential, so that the
// history of an earlier cycle (one that a pass has already renewed) cannot
// be used again by mistake: [Cycle.For] refuses it. A pass renews the
// credential; its next cycle starts empty, with [NewCycle] and the renewed
// credential. A Cycle is a value that never changes: [Cycle.Record] returns
// a new one with storage of its own.
//
// # What is checked, and what it costs
//
// [Retakes.Check] and [Retakes.Next] look at the length of the history and
// at its last attempt only, so their cost does not grow with the history.
// That is the whole rule for every history built by recording only the
// attempts Check allowed, because such a history is in order and can hold a
// pass only as its last attempt. A history from elsewhere (storage, a
// request) may break that; [CheckHistory] verifies all of it, and
// [NewCycle] runs it and refuses a broken history, so that every Cycle's
// history is whole. Use a Cycle, and the whole history is checked exactly.
//
// # Instants, not days
//
// Attempts are instants ([time.Time]), not days (RULES D1). The wait between
// attempts is elapsed time: 24 hours are 24 hours of elapsed time, also
// across a daylight-saving change and between instants given in different
// locations (RULES D4). From 2021-03-13 12:00 in New York (EST) to
// 2021-03-14 12:00 (EDT) only 23 hours elapse, so the second instant is too
// early for a 24-hour wait.
//
// Instants are compared by their wall-clock reading alone, the one that
// [time.Time.Unix] and [time.Time.Nanosecond] give, never with ==. So the
// location an instant is given in changes no answer, and neither does a
// monotonic clock reading: an instant from [time.Now] compares the same as
// that instant read back from storage (as after [time.Time.Round](0)). This
// is where the package differs from [time.Time.Before], which compares two
// instants that both carry a monotonic reading by those readings.
//
// Nothing here reads the clock: every question takes the instant it is
// asked about.
package assessment

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// An Attempt is one attempt at a renewal assessment: the instant it started
// and whether it was passed. The zero Attempt is a failed attempt that
// started at the zero [time.Time].
//
// Its JSON form is {"at": "2022-02-01T09:00:00+08:00", "passed": false}
// (see [Attempt.MarshalJSON]). Read back, an instant is the same instant,
// with its offset, but without its location's name or a monotonic reading,
// neither of which changes an answer here.
type Attempt struct {
	At     time.Time
	Passed bool
}

// Retakes is the retake rule of the renewal assessment (RULES A2, A3): after
// the first attempt of a cycle, retakes 1 to Immediate may start at once;
// each later retake must start no earlier than Wait after the attempt before
// it. Retake r is attempt r+1, so with Microsoft's Retakes{1, 24 * time.Hour}
// attempt 2 may start at once and attempt k >= 3 waits 24 hours after
// attempt k-1.
//
// The zero Retakes has no waits at all: every attempt may start as soon as
// the one before it. A negative Immediate counts as 0 and a negative Wait
// as 0 in [Retakes.Check] and [Retakes.Next]; [Retakes.Validate] reports
// both, and a Wait longer than [MaxWait].
//
// Its JSON form is {"immediate": 1, "wait": "24h0m0s"}, the wait written
// as [time.Duration.String] writes it, alone as inside a policy.
type Retakes struct {
	Immediate int           // retakes that may start without waiting
	Wait      time.Duration // elapsed time from one attempt to the next, after the immediate retakes
}

// The refusals of this package match these with [errors.Is]. [errors.As]
// gives the [*LockoutError] behind ErrTooSoon and the [*OrderError] behind
// ErrOutOfOrder.
var (
	// ErrTooSoon: the attempt starts before the retake wait is over (RULES A3).
	ErrTooSoon = errors.New("assessment: attempt too soon")

	// ErrPassed: the cycle already holds a pass, which ends it (RULES A4, A5).
	ErrPassed = errors.New("assessment: already passed this cycle")

	// ErrOutOfOrder: an attempt starts before the one before it (RULES A5).
	ErrOutOfOrder = errors.New("assessment: attempt out of order")

	// ErrInvalidRetakes: a retake rule with a negative Immediate or Wait.
	ErrInvalidRetakes = errors.New("assessment: invalid retake rule")

	// ErrStaleCycle: a cycle used for a credential it does not belong to,
	// such as the cycle of an expiry that a pass has already renewed
	// (RULES A4).
	ErrStaleCycle = errors.New("assessment: stale cycle")
)

// A LockoutError reports an attempt that starts before the retake wait is
// over (RULES A3). It matches [ErrTooSoon]; Until is the earliest allowed
// start, the instant the lockout lifts.
type LockoutError struct{ At, Until time.Time }

// Error returns the message, with Until in RFC 3339 form.
func (e *LockoutError) Error() string {
	return "assessment: attempt too soon, next from " + e.Until.Format(time.RFC3339Nano)
}

// Unwrap returns [ErrTooSoon].
func (e *LockoutError) Unwrap() error { return ErrTooSoon }

// An OrderError reports an attempt that starts before the attempt before it
// (RULES A5). It matches [ErrOutOfOrder]. Index is the position (from 0) of
// the offending attempt in the history, or the length of the history when it
// is the attempt being checked; At is its start and Prev the start of the
// attempt before it.
type OrderError struct {
	Index    int
	At, Prev time.Time
}

// Error returns the message, with both instants in RFC 3339 form.
func (e *OrderError) Error() string {
	return "assessment: attempt at index " + strconv.Itoa(e.Index) + " (" + e.At.Format(time.RFC3339Nano) +
		") starts before the one before it (" + e.Prev.Format(time.RFC3339Nano) + ")"
}

// Unwrap returns [ErrOutOfOrder].
func (e *OrderError) Unwrap() error { return ErrOutOfOrder }

// MaxWait is the longest retake wait [Retakes.Validate] accepts: 36525
// days, a hundred years, the bound the policy puts on every span. A longer
// wait would bar every retake for the life of any credential.
const MaxWait = 36525 * 24 * time.Hour

// Validate reports whether r makes sense: it returns an error matching
// [ErrInvalidRetakes] when Immediate is negative or Wait is negative or
// longer than [MaxWait], and nil otherwise.
func (r Retakes) Validate() error {
	switch {
	case r.Immediate < 0:
		return fmt.Errorf("%w: negative Immediate %d", ErrInvalidRetakes, r.Immediate)
	case r.Wait < 0:
		return fmt.Errorf("%w: negative Wait %v", ErrInvalidRetakes, r.Wait)
	case r.Wait > MaxWait:
		return fmt.Errorf("%w: Wait %v is longer than %v", ErrInvalidRetakes, r.Wait, MaxWait)
	}
	return nil
}

// waits reports whether the attempt after a history of n attempts must wait
// r.Wait after the last one: it is retake n, which waits when n exceeds
// Immediate.
func (r Retakes) waits(n int) bool { return n > r.Immediate && r.Wait > 0 }

// Check reports whether an attempt may start at the instant at, after the
// attempts of history, the current cycle's attempts oldest first (RULES A5).
// It returns nil when the attempt is allowed, and refuses, in this order:
//   - a history whose last attempt is a pass, with [ErrPassed] (RULES A4,
//     A5);
//   - at before the last attempt's start, with an [*OrderError] whose Index
//     is len(history) (RULES A5); the same instant is allowed;
//   - at before the retake wait is over, with a [*LockoutError] whose Until
//     is the last attempt's start plus Wait (RULES A3).
//
// Check reads only len(history) and its last attempt: that is the whole
// rule for a history built by recording only the attempts Check allowed
// (see the package doc). It does not look for a pass or a disorder among
// the earlier attempts; [CheckHistory] does, and a [Cycle] checks both.
//
// Check does not modify history, and allocates only the error of a refusal.
func (r Retakes) Check(history []Attempt, at time.Time) error {
	n := len(history)
	if n == 0 {
		return nil
	}
	last := &history[n-1]
	if last.Passed {
		return ErrPassed
	}
	a, l := wallOf(at), wallOf(last.At)
	if a.before(l) {
		return &OrderError{Index: n, At: at, Prev: last.At}
	}
	if r.waits(n) && !a.reaches(l, r.Wait) {
		return &LockoutError{At: at, Until: last.At.Add(r.Wait)}
	}
	return nil
}

// Next returns the earliest instant at which the attempt after history may
// start under r (RULES A2, A3), and ok, which is false when no further
// attempt may start:
//   - an empty history gives (time.Time{}, true): there is no constraint,
//     and Check allows every instant;
//   - a history whose last attempt is a pass gives (time.Time{}, false): a
//     pass ends the cycle (RULES A4, A5);
//   - when the next attempt is an immediate retake, the last attempt's
//     start (RULES A2);
//   - otherwise the last attempt's start plus Wait (RULES A3), or
//     (time.Time{}, false) when that instant lies beyond the last one a
//     [time.Time] can hold.
//
// Whenever ok is true, Check(history, at) allows at and refuses every
// earlier instant. Like Check, Next reads only len(history) and the last
// attempt. A wait is added with [time.Time.Add], so the instant returned is
// in the last attempt's location (and keeps its monotonic reading, if it
// has one). Next allocates nothing.
func (r Retakes) Next(history []Attempt) (at time.Time, ok bool) {
	n := len(history)
	if n == 0 {
		return time.Time{}, true
	}
	last := &history[n-1]
	switch {
	case last.Passed:
		return time.Time{}, false
	case !r.waits(n):
		return last.At, true
	case last.At.Unix() > farUnix && !fits(last.At, r.Wait):
		return time.Time{}, false
	}
	return last.At.Add(r.Wait), true
}

// farUnix is the last Unix second from which every wait, up to the longest
// time.Duration, ends at an instant a time.Time can hold. Next checks the
// sum exactly, with fits, only for an attempt after it, some 292 billion
// years from now.
const farUnix = 1<<63 - 1 - internalOffset - (1<<63-1)/int64(time.Second) - 2

// fits reports whether t plus d, for d > 0, is an instant that a time.Time
// can hold: its second count since 0001-01-01 stays within int64. Beyond
// that, time.Time.Add saturates (or, before Go 1.23, wraps) and would give
// an instant that is less than d after t.
func fits(t time.Time, d time.Duration) bool {
	const maxSec = 1<<63 - 1
	sec := t.Unix() + internalOffset
	ds := int64(d / time.Second)
	if int32(t.Nanosecond())+int32(d%time.Second) >= 1e9 {
		ds++
	}
	return sec <= maxSec-ds
}

// CheckHistory reports whether history can be the attempts of one renewal
// cycle, oldest first: no attempt follows a pass (a pass may be the last
// attempt), and no attempt starts before the one before it. It refuses, in
// this order, a pass before the last attempt, with an error matching
// [ErrPassed], and the first attempt out of order, with an [*OrderError].
// It does not check the retake waits between the attempts: a history may
// have been recorded under another rule.
//
// CheckHistory reads every attempt; use it on a history that comes from
// outside, before [Retakes.Check], or use [NewCycle], which runs it.
func CheckHistory(history []Attempt) error {
	for i := 0; i+1 < len(history); i++ {
		if history[i].Passed {
			return &passedError{Index: i + 1}
		}
	}
	for i := 1; i < len(history); i++ {
		if wallOf(history[i].At).before(wallOf(history[i-1].At)) {
			return &OrderError{Index: i, At: history[i].At, Prev: history[i-1].At}
		}
	}
	return nil
}

// A passedError reports an attempt recorded after a pass of the same cycle.
// It matches ErrPassed.
type passedError struct{ Index int }

func (e *passedError) Error() string {
	return "assessment: attempt at index " + strconv.Itoa(e.Index) + " follows a pass in the same cycle"
}

func (e *passedError) Unwrap() error { return ErrPassed }

// internalOffset is the number of seconds from 0001-01-01 to 1970-01-01 UTC,
// the epochs of time.Time's internal count and of Unix time.
const internalOffset = 62135596800

// A wall is an instant's wall-clock reading: seconds since 0001-01-01 UTC
// and nanoseconds within the second. Comparing walls costs two integer
// comparisons, where a call to [time.Time.Before] or [time.Time.Sub] costs
// several nanoseconds.
type wall struct {
	sec  int64
	nsec int32
}

// wallOf returns the wall-clock reading of t, ignoring its location and any
// monotonic reading. The sum wraps exactly when t.Unix() did, so sec is the
// internal second count of t for every time.Time, even at the extremes.
func wallOf(t time.Time) wall {
	return wall{t.Unix() + internalOffset, int32(t.Nanosecond())}
}

// before reports whether w is earlier than v.
func (w wall) before(v wall) bool {
	return w.sec < v.sec || w.sec == v.sec && w.nsec < v.nsec
}

// reaches reports whether w is at least d after from, for w not before from
// and d >= 0. It works on the difference, which cannot overflow, rather than
// on from plus d, which could.
func (w wall) reaches(from wall, d time.Duration) bool {
	ds := uint64(w.sec) - uint64(from.sec) // exact: w is not before from
	dn := w.nsec - from.nsec
	if dn < 0 {
		ds--
		dn += 1e9
	}
	ws, wn := uint64(d/time.Second), int32(d%time.Second)
	return ds > ws || ds == ws && dn >= wn
}

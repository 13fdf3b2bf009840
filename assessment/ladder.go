package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// A Ladder is a retake rule in steps (RULES G5), with a cap on the attempts
// that start in a span of elapsed time (RULES G6). Its first steps are those
// of its [Retakes]: after the first attempt of a cycle, retakes 1 to
// Immediate may start at once, and retake Immediate+1 must start no earlier
// than Wait after the attempt before it. Each later retake waits the next
// duration of Then after the attempt before it, and once Then runs out its
// last duration repeats. With an empty Then, Wait repeats, so
// Ladder{Retakes: r} decides exactly as r does, on every history and
// instant. [Ladder.WaitAfter] gives the wait of each retake.
//
// Cap, when positive, bounds the attempts that start in any Span of elapsed
// time: an attempt at the instant t is allowed only if fewer than Cap
// attempts of the history started in the half-open span (t-Span, t]. So no
// half-open span [s, s+Span) holds more than Cap attempts of a history built
// by recording only the attempts [Ladder.Check] allowed. A Cap of 0 is no
// cap.
//
// Three real rules, as ladders:
//   - Microsoft's renewal assessment (RULES A2, A3): Ladder{Retakes:
//     Retakes{Immediate: 1, Wait: 24 * time.Hour}}, the same as that
//     Retakes.
//   - Microsoft's certification exams: 24 hours after the first failure, 14
//     days before each of the third, fourth and fifth attempts, at most five
//     attempts in 12 months: Ladder{Retakes: Retakes{Wait: 24 * time.Hour},
//     Then: []time.Duration{14 * 24 * time.Hour}, Cap: 5, Span: 365 * 24 *
//     time.Hour}. The 12 months are read as 365 days of elapsed time, in
//     any span, not as calendar months from a given attempt: every wait of
//     this package is elapsed time (RULES D4).
//   - Google Cloud's exams: 14 days, then 60 days, then a year:
//     Ladder{Retakes: Retakes{Wait: 14 * 24 * time.Hour}, Then:
//     []time.Duration{60 * 24 * time.Hour, 365 * 24 * time.Hour}}.
//
// The zero Ladder has no waits and no cap: every attempt may start as soon
// as the one before it. As in [Retakes], a negative Immediate, Wait or
// duration of Then counts as 0, and a negative Cap or a Span that is not
// positive means no cap, in [Ladder.Check], [Ladder.Next] and
// [Ladder.WaitAfter]; [Ladder.Validate] reports them and the other rules
// that make no sense.
//
// A Ladder holds a slice, so it is not comparable with ==. Its methods
// never modify Then; do not modify it while a Ladder that holds it is in
// use.
//
// Its JSON form is {"immediate": 0, "wait": "24h0m0s", "then":
// ["336h0m0s"], "cap": 5, "span": "8760h0m0s"} (see [Ladder.MarshalJSON]).
type Ladder struct {
	Retakes                 // the first steps: retakes 1 to Immediate start at once, the next one waits Wait
	Then    []time.Duration // the waits of the retakes after that one, in turn; the last one repeats
	Cap     int             // at most Cap attempts start in any span of Span elapsed time; 0: no cap
	Span    time.Duration   // the span of elapsed time that Cap counts in
}

// ErrCapReached is the error that a refusal by a [Ladder]'s cap matches
// with [errors.Is] (RULES G6). [errors.As] gives the [*CapError] behind it.
var (
	ErrCapReached = errors.New("assessment: attempt cap reached")
)

// A CapError reports an attempt that a [Ladder]'s cap refuses (RULES G6):
// Cap attempts of the history already started in the Span of elapsed time
// that ends at At. Until is the earliest instant the cap allows, the start
// of the attempt Cap attempts back plus Span, in the location of the last
// attempt. The attempt is too soon, so a CapError matches both
// [ErrCapReached] and [ErrTooSoon], and [errors.As] gives a [*LockoutError]
// with the same At and Until.
type CapError struct {
	At, Until time.Time
	Cap       int
	Span      time.Duration
}

// Error returns the message, with Until in RFC 3339 form.
func (e *CapError) Error() string {
	return "assessment: attempt cap reached, " + strconv.Itoa(e.Cap) + " attempts in " + e.Span.String() +
		", next from " + e.Until.Format(time.RFC3339Nano)
}

// Unwrap returns [ErrCapReached] and a [*LockoutError] with the same At and
// Until, which matches [ErrTooSoon].
func (e *CapError) Unwrap() []error {
	return []error{ErrCapReached, &LockoutError{At: e.At, Until: e.Until}}
}

// WaitAfter returns the wait of the retake that follows n attempts, the
// elapsed time from the last of them to the earliest start of attempt n+1
// (RULES G5): 0 for n < 1 and for n up to Immediate, Wait for n =
// Immediate+1, and for each later n the next duration of Then, its last one
// repeating (Wait again when Then is empty). A negative duration gives 0.
// The cap is not a wait: [Ladder.Next] adds it.
func (l Ladder) WaitAfter(n int) time.Duration { return l.wait(n) }

// wait is WaitAfter, with l by pointer. A Ladder is seven words: called by
// value from check or next, a method copied it to the stack on every call,
// which cost more than the rest of Check. Check, Next and WaitAfter are
// inlined wrappers, so their callers pass the rule by pointer too.
func (l *Ladder) wait(n int) time.Duration {
	imm := max(l.Immediate, 0)
	if n < 1 || n <= imm {
		return 0
	}
	w := l.Wait
	if k := n - imm - 2; k >= 0 && len(l.Then) > 0 { // n > imm >= 0: no overflow
		w = l.Then[min(k, len(l.Then)-1)]
	}
	return max(w, 0)
}

// capped reports whether the cap bounds the attempt after n attempts.
func (l *Ladder) capped(n int) bool { return l.Cap > 0 && l.Span > 0 && n >= l.Cap }

// Validate reports whether l makes sense: it returns an error matching
// [ErrInvalidRetakes] when [Retakes.Validate] refuses l.Retakes, when a
// duration of Then is negative, longer than [MaxWait] or shorter than the
// one before it (the first one than Wait: a ladder only climbs), when Cap or
// Span is negative or Span longer than MaxWait, or when one of Cap and Span
// is positive and the other is not. It returns nil otherwise.
func (l Ladder) Validate() error {
	if err := l.Retakes.Validate(); err != nil {
		return err
	}
	prev := l.Wait
	for i, w := range l.Then {
		switch {
		case w < 0:
			return fmt.Errorf("%w: negative Then[%d] %v", ErrInvalidRetakes, i, w)
		case w > MaxWait:
			return fmt.Errorf("%w: Then[%d] %v is longer than %v", ErrInvalidRetakes, i, w, MaxWait)
		case w < prev:
			return fmt.Errorf("%w: Then[%d] %v is shorter than the wait before it, %v: a ladder only climbs", ErrInvalidRetakes, i, w, prev)
		}
		prev = w
	}
	switch {
	case l.Cap < 0:
		return fmt.Errorf("%w: negative Cap %d", ErrInvalidRetakes, l.Cap)
	case l.Span < 0:
		return fmt.Errorf("%w: negative Span %v", ErrInvalidRetakes, l.Span)
	case l.Span > MaxWait:
		return fmt.Errorf("%w: Span %v is longer than %v", ErrInvalidRetakes, l.Span, MaxWait)
	case l.Cap > 0 && l.Span == 0:
		return fmt.Errorf("%w: Cap %d without a Span", ErrInvalidRetakes, l.Cap)
	case l.Cap == 0 && l.Span > 0:
		return fmt.Errorf("%w: Span %v without a Cap", ErrInvalidRetakes, l.Span)
	}
	return nil
}

// Check reports whether an attempt may start at the instant at, after the
// attempts of history, the current cycle's attempts oldest first (RULES
// A5). It returns nil when the attempt is allowed, and refuses, in this
// order:
//   - a history whose last attempt is a pass, with [ErrPassed] (RULES A4,
//     A5);
//   - at before the last attempt's start, with an [*OrderError] whose Index
//     is len(history) (RULES A5); the same instant is allowed;
//   - at before the wait of [Ladder.WaitAfter](len(history)) is over, with
//     a [*LockoutError] whose Until is the last attempt's start plus that
//     wait (RULES G5), or at before the cap allows it, with a [*CapError]
//     whose Until is the start of the attempt Cap attempts back plus Span
//     (RULES G6). When both refuse, the error is the one whose Until is
//     later, the instant the attempt may really start; when both Untils are
//     the same instant, the LockoutError.
//
// Both refusals match [ErrTooSoon], and errors.As gives a *LockoutError
// for both, with the Until of the refusal.
//
// Check reads only len(history), its last attempt and the attempt Cap
// attempts back, so its cost does not grow with the history: that is the
// whole rule for a history built by recording only the attempts Check
// allowed, which is in order. It does not look for a pass or a disorder
// among the earlier attempts; [CheckHistory] does.
//
// Check does not modify history, and allocates only the error of a refusal.
func (l Ladder) Check(history []Attempt, at time.Time) error {
	return l.check(history, at)
}

// check is Check, with l by pointer as in wait.
func (l *Ladder) check(history []Attempt, at time.Time) error {
	n := len(history)
	if n == 0 {
		return nil
	}
	last := &history[n-1]
	if last.Passed {
		return ErrPassed
	}
	a, lw := wallOf(at), wallOf(last.At)
	if a.before(lw) {
		return &OrderError{Index: n, At: at, Prev: last.At}
	}
	w := l.wait(n)
	waitOK := w == 0 || a.reaches(lw, w)
	if !l.capped(n) {
		if waitOK {
			return nil
		}
		return &LockoutError{At: at, Until: last.At.Add(w)}
	}
	c := &history[n-l.Cap]
	cw := wallOf(c.At)
	capOK := !a.before(cw) && a.reaches(cw, l.Span)
	switch {
	case waitOK && capOK:
		return nil
	case !capOK && (waitOK || laterEnd(cw, l.Span, lw, w)):
		return &CapError{At: at, Until: c.At.Add(l.Span).In(last.At.Location()), Cap: l.Cap, Span: l.Span}
	}
	return &LockoutError{At: at, Until: last.At.Add(w)}
}

// Next returns the earliest instant at which the attempt after history may
// start under l (RULES G5, G6), and ok, which is false when no further
// attempt may start:
//   - an empty history gives (time.Time{}, true): there is no constraint,
//     and Check allows every instant;
//   - a history whose last attempt is a pass gives (time.Time{}, false): a
//     pass ends the cycle (RULES A4, A5);
//   - otherwise the later of the last attempt's start plus
//     [Ladder.WaitAfter](len(history)) and, when the cap bounds the attempt,
//     the start of the attempt Cap attempts back plus Span, or
//     (time.Time{}, false) when that instant lies beyond the last one a
//     [time.Time] can hold.
//
// Whenever ok is true, Check(history, at) allows at and refuses every
// earlier instant. Like Check, Next reads only len(history), the last
// attempt and the attempt Cap attempts back. The instant returned is in the
// last attempt's location; when it is the wait's end it is added with
// [time.Time.Add], as [Retakes.Next] adds it, and keeps the last attempt's
// monotonic reading, if it has one. Next allocates nothing.
func (l Ladder) Next(history []Attempt) (at time.Time, ok bool) {
	return l.next(history)
}

// next is Next, with l by pointer as in wait.
func (l *Ladder) next(history []Attempt) (at time.Time, ok bool) {
	n := len(history)
	if n == 0 {
		return time.Time{}, true
	}
	last := &history[n-1]
	if last.Passed {
		return time.Time{}, false
	}
	from, d := last.At, l.wait(n)
	byCap := false
	if l.capped(n) {
		if c := history[n-l.Cap].At; laterEnd(wallOf(c), l.Span, wallOf(from), d) {
			from, d, byCap = c, l.Span, true
		}
	}
	switch {
	case d == 0:
		return from, true
	case from.Unix() > farUnix && !fits(from, d):
		return time.Time{}, false
	case byCap:
		return from.Add(d).In(last.At.Location()), true
	}
	return from.Add(d), true
}

// laterEnd reports whether a plus da is later than b plus db, for da and db
// >= 0, without computing either sum, which could overflow.
func laterEnd(a wall, da time.Duration, b wall, db time.Duration) bool {
	if !a.before(b) { // a+da > b+db exactly when a-b > db-da
		return da > db || a.exceeds(b, db-da)
	}
	// b-a > 0, so a+da > b+db exactly when da-db > b-a.
	return da > db && !b.reaches(a, da-db)
}

// exceeds reports whether w is more than d after from, for w not before
// from and d >= 0: reaches, with the equal difference excluded.
func (w wall) exceeds(from wall, d time.Duration) bool {
	ds := uint64(w.sec) - uint64(from.sec) // exact: w is not before from
	dn := w.nsec - from.nsec
	if dn < 0 {
		ds--
		dn += 1e9
	}
	ws, wn := uint64(d/time.Second), int32(d%time.Second)
	return ds > ws || ds == ws && dn > wn
}

// ladderJSON is the JSON form of a Ladder, as MarshalJSON writes it.
type ladderJSON struct {
	Immediate int      `json:"immediate"`
	Wait      string   `json:"wait"`           // as time.Duration.String writes it
	Then      []string `json:"then,omitempty"` // likewise
	Cap       int      `json:"cap,omitempty"`
	Span      string   `json:"span,omitempty"` // likewise; "" for 0
}

// MarshalJSON implements [json.Marshaler]: {"immediate":0,"wait":"24h0m0s",
// "then":["336h0m0s"],"cap":5,"span":"8760h0m0s"}, every duration as
// [time.Duration.String] writes it. "then", "cap" and "span" are left out
// when they are empty or 0, so a Ladder of its Retakes alone has the JSON
// form of that Retakes. It writes l as it is, valid or not.
func (l Ladder) MarshalJSON() ([]byte, error) {
	v := ladderJSON{Immediate: l.Immediate, Wait: l.Wait.String(), Cap: l.Cap}
	if len(l.Then) > 0 {
		v.Then = make([]string, len(l.Then))
		for i, w := range l.Then {
			v.Then[i] = w.String()
		}
	}
	if l.Span != 0 {
		v.Span = l.Span.String()
	}
	return json.Marshal(v)
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form MarshalJSON
// writes: "immediate" and "wait" are required, "then", "cap" and "span" may
// be left out (a "then" of null or [] is no Then), and every other key, a
// key given twice and a duration that [time.ParseDuration] does not read
// are refused. It checks the rule with [Ladder.Validate]. Every refusal
// matches [ErrInvalidRetakes]; on a refusal l is unchanged. JSON null
// leaves l unchanged, as is encoding/json's convention. Then is read into
// a new slice, never into the one l holds.
func (l *Ladder) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var v struct {
		Immediate int            `json:"immediate" strictjson:"required"`
		Wait      durationText   `json:"wait" strictjson:"required"`
		Then      []durationText `json:"then"`
		Cap       int            `json:"cap"`
		Span      durationText   `json:"span"`
	}
	if err := decodeStrict(data, &v); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidRetakes, err)
	}
	got := Ladder{
		Retakes: Retakes{Immediate: v.Immediate, Wait: time.Duration(v.Wait)},
		Cap:     v.Cap,
		Span:    time.Duration(v.Span),
	}
	if len(v.Then) > 0 {
		got.Then = make([]time.Duration, len(v.Then))
		for i, w := range v.Then {
			got.Then[i] = time.Duration(w)
		}
	}
	if err := got.Validate(); err != nil {
		return err
	}
	*l = got
	return nil
}

// durationText is a time.Duration that reads its JSON string with
// time.ParseDuration, so that strictjson names the member a malformed
// duration is in.
type durationText time.Duration

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *durationText) UnmarshalText(text []byte) error {
	v, err := time.ParseDuration(string(text))
	if err != nil {
		return err
	}
	*d = durationText(v)
	return nil
}

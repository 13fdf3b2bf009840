package assessment

import (
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/certrenew/certrenew/cert"
)

// A Cycle is the attempts at one credential's renewal assessment in one
// renewal cycle: the window before the credential's current expiry (RULES
// A4, E2). It holds the credential whose current expiry the cycle renews and
// the attempts made for that expiry, oldest first: every attempt since the
// window opened, as no attempt outside the window is recorded (package policy
// refuses it). A pass renews the credential and so ends its cycle.
//
// A Cycle is a value that never changes: [NewCycle] checks the whole history
// once and keeps a copy of it, and [Cycle.Record] returns a new Cycle with
// storage of its own, leaving the one it was called on as it was. So every
// Cycle's history is in order and holds a pass, if at all, only as its last
// attempt, and two Cycles never share storage that either can change: any
// number of them may be recorded onto, in any order, from any goroutines.
// [Cycle.For] refuses a cycle for any credential but its own, so the
// attempts of an expiry that a pass has renewed cannot count towards the
// next one.
//
// The zero Cycle is the empty cycle of the zero [cert.Credential]: it allows
// a first attempt, and For refuses every real credential.
//
// Its JSON form is {"credential": {...}, "attempts": [{"at": ..., "passed":
// ...}, ...]}; reading it back checks the history as NewCycle does.
type Cycle struct {
	cred     cert.Credential
	attempts []Attempt // never written after the Cycle is made; no spare capacity
}

// NewCycle returns the cycle of cr with the attempts already made in it,
// oldest first, as a caller stored them: nil or empty for a cycle that
// starts now, such as the one after a renewal, which is never refused.
//
// NewCycle copies attempts: later changes to the caller's slice do not reach
// the cycle. It refuses, with the error of [CheckHistory], a history in
// which an attempt starts before the one before it ([ErrOutOfOrder]) or
// follows a pass ([ErrPassed]), and then returns the zero Cycle. It does not
// check the retake waits between the stored attempts, which may have been
// recorded under another rule.
func NewCycle(cr cert.Credential, attempts []Attempt) (Cycle, error) {
	if err := CheckHistory(attempts); err != nil {
		return Cycle{}, err
	}
	return Cycle{cred: cr, attempts: own(attempts)}, nil
}

// own returns a copy of a with no spare capacity, or nil when a is empty.
func own(a []Attempt) []Attempt {
	if len(a) == 0 {
		return nil
	}
	return slices.Clip(slices.Clone(a))
}

// Credential returns the credential (Cert, Earned and Expires) whose current
// expiry the cycle renews.
func (c Cycle) Credential() cert.Credential { return c.cred }

// Attempts returns a copy of the cycle's attempts, oldest first, or nil for
// an empty cycle. Changing the copy does not change the cycle. To read
// without copying, use [Cycle.Len], [Cycle.At] and [Cycle.All].
func (c Cycle) Attempts() []Attempt { return own(c.attempts) }

// Len returns the number of attempts in the cycle.
func (c Cycle) Len() int { return len(c.attempts) }

// At returns the cycle's i-th attempt, from 0, the oldest. It panics if i is
// not in [0, Len()), as indexing a slice does.
func (c Cycle) At(i int) Attempt { return c.attempts[i] }

// All returns an iterator over the cycle's attempts, oldest first, with
// their indices.
func (c Cycle) All() iter.Seq2[int, Attempt] {
	return func(yield func(int, Attempt) bool) {
		for i, a := range c.attempts {
			if !yield(i, a) {
				return
			}
		}
	}
}

// Passed reports whether the cycle holds a pass, which ends it (RULES A4). A
// pass can only be the last attempt of a Cycle.
func (c Cycle) Passed() bool {
	n := len(c.attempts)
	return n > 0 && c.attempts[n-1].Passed
}

// For reports whether the cycle belongs to cr, the holder's current
// credential: nil when the cycle's credential has the same Cert, Earned and
// Expires, and otherwise an error matching [ErrStaleCycle]. A cycle of an
// expiry that has since been renewed, or of another credential, is refused
// (RULES A4).
func (c Cycle) For(cr cert.Credential) error {
	if c.cred == cr {
		return nil
	}
	return fmt.Errorf("%w: it is the cycle of %s, not of %s", ErrStaleCycle, describe(c.cred), describe(cr))
}

// describe returns a credential's fields for an error message.
func describe(cr cert.Credential) string {
	return fmt.Sprintf("%q earned %q expiring %q", cr.Cert, cr.Earned.String(), cr.Expires.String())
}

// Check reports whether an attempt may start at the instant at in the cycle
// under the retake rule r, as [Retakes.Check] does on the cycle's attempts;
// for a Cycle, whose history NewCycle checked, that is the whole rule. It
// allocates only the error of a refusal.
func (c Cycle) Check(r Retakes, at time.Time) error {
	return r.Check(c.attempts, at)
}

// Next returns the earliest instant at which the cycle's next attempt may
// start under the retake rule r, and whether one may start at all, as
// [Retakes.Next] does: (time.Time{}, true) for an empty cycle, and ok false
// after a pass.
func (c Cycle) Next(r Retakes) (at time.Time, ok bool) {
	return r.Next(c.attempts)
}

// Record returns a new cycle with a added as its latest attempt, when
// [Cycle.Check] allows an attempt at a.At under r. On a refusal it returns c
// and the refusal. c itself never changes: the new cycle has storage of its
// own, so recording onto the same cycle twice gives two independent cycles.
// A pass is recorded like a fail; it ends the cycle, and the credential's
// next cycle starts empty, with [NewCycle].
//
// Record allocates the new cycle's attempts (one allocation); attempts are
// hours apart, so this is not a hot path. To ask whether an attempt may
// start without recording it, use [Cycle.Check], which allocates nothing.
func (c Cycle) Record(r Retakes, a Attempt) (Cycle, error) {
	if err := c.Check(r, a.At); err != nil {
		return c, err
	}
	return c.with(a), nil
}

// CheckLadder is [Cycle.Check] under a general retake rule, a [Ladder]
// (RULES G5, G6). It allocates only the error of a refusal.
func (c Cycle) CheckLadder(l Ladder, at time.Time) error {
	return l.Check(c.attempts, at)
}

// NextLadder is [Cycle.Next] under a general retake rule, a [Ladder]
// (RULES G5, G6), as [Ladder.Next] answers on the cycle's attempts.
func (c Cycle) NextLadder(l Ladder) (at time.Time, ok bool) {
	return l.Next(c.attempts)
}

// RecordLadder is [Cycle.Record] under a general retake rule, a [Ladder]
// (RULES G5, G6): it returns a new cycle with a added when
// [Ladder.Check] allows it, and c with the refusal otherwise. c itself
// never changes.
func (c Cycle) RecordLadder(l Ladder, a Attempt) (Cycle, error) {
	if err := l.Check(c.attempts, a.At); err != nil {
		return c, err
	}
	return c.with(a), nil
}

// with returns c with a added, in storage of its own.
func (c Cycle) with(a Attempt) Cycle {
	attempts := make([]Attempt, len(c.attempts)+1)
	copy(attempts, c.attempts)
	attempts[len(c.attempts)] = a
	return Cycle{cred: c.cred, attempts: attempts}
}

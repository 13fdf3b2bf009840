package assessment

import (
	"fmt"
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
// A Cycle checks the whole history once, when [NewCycle] makes it, and every
// attempt [Cycle.Record] adds after that: a Cycle whose history is in order
// and holds no pass before its last attempt stays so, and one whose history
// is not refuses every attempt. [Cycle.For] refuses a cycle for any
// credential but its own, so the attempts of an expiry that a pass has
// renewed cannot count towards the next one.
//
// The zero Cycle is the empty cycle of the zero [cert.Credential]: it allows
// a first attempt, and For refuses every real credential.
//
// A Cycle is a value: Record returns a new one. Its attempts share storage
// as slices do, so that recording a fail allocates nothing: like append,
// Record writes into spare capacity beyond the attempts, which another copy
// of the same cycle may then see. Record onto the latest cycle only, never
// twice onto one (see [NewCycle]).
type Cycle struct {
	cred     cert.Credential
	attempts []Attempt
	err      error // why the history given to NewCycle cannot be a cycle's, or nil
}

// NewCycle returns the cycle of cr with the attempts already made in it,
// oldest first, as a caller stored them; nil or empty for a cycle that
// starts now, such as the one after a renewal.
//
// The cycle keeps the slice as given, without copying it. As with append,
// [Cycle.Record] may write into the slice's spare capacity: do not modify
// the slice afterwards, and record onto the latest cycle only, never twice
// onto the same one.
//
// NewCycle checks attempts with [CheckHistory] (one pass over them) and does
// not fail: a cycle whose history is refused keeps the refusal and returns it
// from [Cycle.Check] and [Cycle.Record].
func NewCycle(cr cert.Credential, attempts []Attempt) Cycle {
	return Cycle{cred: cr, attempts: attempts, err: CheckHistory(attempts)}
}

// Credential returns the credential (Cert, Earned and Expires) whose current
// expiry the cycle renews.
func (c Cycle) Credential() cert.Credential { return c.cred }

// Attempts returns the cycle's attempts, oldest first. The slice shares the
// cycle's storage: do not modify it.
func (c Cycle) Attempts() []Attempt { return c.attempts }

// Len returns the number of attempts in the cycle.
func (c Cycle) Len() int { return len(c.attempts) }

// Passed reports whether an attempt of the cycle is a pass, which ends the
// cycle (RULES A4).
func (c Cycle) Passed() bool {
	for i := range c.attempts {
		if c.attempts[i].Passed {
			return true
		}
	}
	return false
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
// under the retake rule r. It refuses a history that [NewCycle] refused with
// that refusal, and otherwise answers as [Retakes.Check] does, which for a
// checked history is the whole rule.
func (c Cycle) Check(r Retakes, at time.Time) error {
	if c.err != nil {
		return c.err
	}
	return r.Check(c.attempts, at)
}

// Next returns the earliest instant at which the cycle's next attempt may
// start under the retake rule r, as [Retakes.Next] does. It returns the zero
// [time.Time] for an empty cycle (no constraint), and also for a cycle that
// allows no further attempt (a pass, or a refused history): [Cycle.Check]
// says why.
func (c Cycle) Next(r Retakes) time.Time {
	if c.err != nil {
		return time.Time{}
	}
	return r.Next(c.attempts)
}

// Record returns the cycle with a added as its latest attempt, when
// [Cycle.Check] allows an attempt at a.At under r. On a refusal it returns c
// unchanged and the refusal.
//
// Record appends as append does: when the attempts have spare capacity it
// writes there and allocates nothing, and the new cycle shares storage with
// c (see [NewCycle]). A pass is recorded like a fail; it ends the cycle, and
// the credential's next cycle starts with [NewCycle].
func (c Cycle) Record(r Retakes, a Attempt) (Cycle, error) {
	if err := c.Check(r, a.At); err != nil {
		return c, err
	}
	c.attempts = append(c.attempts, a)
	return c, nil
}

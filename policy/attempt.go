package policy

import (
	"fmt"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
)

// Cycle returns the empty renewal cycle of pr's credential for c: the cycle
// to record a first attempt on. To rebuild a stored history, call
// [assessment.NewCycle] with the same credential. When pr holds no
// credential for c it returns the cycle of a credential with c's ID alone,
// which [Policy.RecordAttempt] refuses.
func (p Policy) Cycle(pr cert.Profile, c cert.Certification) assessment.Cycle {
	cr, ok := pr.Credential(c.ID)
	if !ok {
		cr = cert.Credential{Cert: c.ID}
	}
	return emptyCycle(cr)
}

// emptyCycle returns the cycle of cr with no attempts, which NewCycle never
// refuses.
func emptyCycle(cr cert.Credential) assessment.Cycle {
	c, _ := assessment.NewCycle(cr, nil)
	return c
}

// RecordAttempt records attempt a at c's renewal assessment by the holder of
// pr, whose attempts so far in the credential's current cycle are cycle
// (RULES A1-A5, N7). A cycle's history is the attempts made since the window
// of the credential's current expiry opened: a pass ends it, and the next
// cycle starts empty. The day of the attempt is its day in the location of
// a.At (RULES D4).
//
// On a pass it renews the credential as [Policy.Renew] does (RULES N1) and
// returns the renewed profile and the next cycle, new and empty, of the
// renewed credential (RULES A4). On a fail it returns pr as given and cycle
// with a added. It refuses, in this order, returning pr and cycle as given:
//   - a c with no ID or no real level, with [ErrUnknownCertification], as
//     [Policy.Earn] does;
//   - a cycle of another certification, with an error matching
//     [assessment.ErrStaleCycle] (RULES A4);
//   - a cycle that holds a pass, with [assessment.ErrPassed]: a pass ends
//     its cycle (RULES A4, A5);
//   - a cycle of an earlier expiry of this credential (one already
//     renewed), or whose first attempt was made before the current window
//     opened (the history of an earlier cycle), with an error matching
//     [assessment.ErrStaleCycle] (RULES A4);
//   - a day on which the holder may not renew (RULES E5), with a
//     [*NotEligibleError] with Op "record an attempt" that carries the
//     [Decision]: it matches [ErrNotEligible], and also the sentinel of
//     its reason, such as [ErrOutsideWindow] before the window opens and
//     [ErrExpired] on or after the expiry, or after the grace period of
//     a policy with one (RULES A1, A5, G1);
//   - an attempt the retake rule refuses, with the refusal of
//     [assessment.Cycle.Record]: [assessment.ErrTooSoon] (with a
//     [*assessment.LockoutError] that says when the lockout lifts),
//     [assessment.ErrOutOfOrder] or [assessment.ErrPassed] (RULES A2, A3,
//     A5); under a ladder with a cap ([Policy.RenewalRetakes]), also a
//     [*assessment.CapError] matching [assessment.ErrCapReached] (RULES
//     G5, G6).
//
// The rules are those of the policy that governs c on the day of the
// attempt, in the location of a.At: c's program's, and the version in
// force that day (RULES G7, G8).
//
// A fail returns a new cycle, with storage of its own; cycle, pr and pr's
// slice are never changed. RecordAttempt allocates the new cycle's
// attempts, and on a pass the renewed profile's slice.
func (p Policy) RecordAttempt(pr cert.Profile, c cert.Certification, cycle assessment.Cycle, a assessment.Attempt) (cert.Profile, assessment.Cycle, error) {
	if err := checkTitle(&c); err != nil {
		return pr, cycle, err
	}
	if cycle.Credential().Cert != c.ID {
		return pr, cycle, fmt.Errorf("%w: a cycle of %q used for %q", assessment.ErrStaleCycle, cycle.Credential().Cert, c.ID)
	}
	if cycle.Passed() {
		return pr, cycle, passedError(c.ID, cycle.Credential())
	}
	if cr, held := pr.Credential(c.ID); held {
		if err := cycle.For(cr); err != nil {
			return pr, cycle, err
		}
	}
	var first time.Time
	if cycle.Len() > 0 {
		first = cycle.At(0).At
	}
	q := p.rules(&c, cert.DateOf(a.At))
	if err := q.checkDay(&pr, &c, cycle.Len() > 0, p.firstSpan(q, &c, first), first, a); err != nil {
		return pr, cycle, err
	}
	var next assessment.Cycle
	var err error
	if q.ladder() {
		next, err = cycle.RecordLadder(q.RenewalRetakes(), a)
	} else {
		next, err = cycle.Record(q.Retakes, a)
	}
	if err != nil {
		return pr, cycle, err
	}
	if !a.Passed {
		return pr, next, nil
	}
	cr, err := q.renewCredential(&pr, &c, cert.DateOf(a.At))
	if err != nil {
		return pr, cycle, err
	}
	return pr.With(cr), emptyCycle(cr), nil
}

// CheckAttempt reports whether attempt a at c's renewal assessment may be
// recorded for the holder of pr, whose attempts so far in the current cycle
// of the credential are attempts, oldest first: nil, or the refusal that
// [Policy.RecordAttempt] gives, in the same order (RULES A1-A5). It is
// RecordAttempt's rule for a caller that keeps the attempts itself, as the
// replay of an event log does, without the checks of a Cycle's credential:
// the caller vouches that attempts are those of pr's current credential.
// It does not check the order of attempts before the last
// ([assessment.CheckHistory] does). A pass renews as [Policy.RenewCredential]
// says.
//
// CheckAttempt allocates nothing unless it refuses.
func (p Policy) CheckAttempt(pr cert.Profile, c cert.Certification, attempts []assessment.Attempt, a assessment.Attempt) error {
	if err := checkTitle(&c); err != nil {
		return err
	}
	n := len(attempts)
	if n > 0 && attempts[n-1].Passed {
		cr, _ := pr.Credential(c.ID)
		return passedError(c.ID, cr)
	}
	var first time.Time
	if n > 0 {
		first = attempts[0].At
	}
	q := p.rules(&c, cert.DateOf(a.At))
	if err := q.checkDay(&pr, &c, n > 0, p.firstSpan(q, &c, first), first, a); err != nil {
		return err
	}
	if q.ladder() {
		return q.RenewalRetakes().Check(attempts, a.At)
	}
	return q.Retakes.Check(attempts, a.At)
}

// ladder reports whether p's renewal retake rule has more steps than
// Retakes' own, or a cap; without, Retakes decides alone, and faster.
func (p *Policy) ladder() bool { return len(p.RetakesThen) > 0 || p.RetakesCap > 0 }

// checkDay holds the checks of an attempt that RecordAttempt and
// CheckAttempt share: a history that began before the current window
// opened is an earlier cycle's (RULES A4), and the day of the attempt must
// be one on which the holder may renew (RULES E5, A1, A5). p is the plain
// policy that governs the attempt, and fs the span of the one that governs
// the first attempt of the history, which is this cycle's when it lies in
// the window of its own day's version (RULES G7).
func (p *Policy) checkDay(pr *cert.Profile, c *cert.Certification, hasFirst bool, fs span, first time.Time, a assessment.Attempt) error {
	on := cert.DateOf(a.At)
	d := p.decision(pr, c, on)
	if cr, held := pr.Credential(c.ID); held && hasFirst {
		// A cycle's attempts are those since its window opened: a
		// history that starts earlier is another cycle's, wrapped
		// with this credential by mistake.
		w := fs.window(cr)
		opens := later(w.Opens, cr.Earned)
		if day := cert.DateOf(first); day.Before(opens) {
			return fmt.Errorf("%w: its first attempt, on %s, is before the window of %q expiring %s opened on %s",
				assessment.ErrStaleCycle, day, c.ID, cr.Expires, opens)
		}
	}
	if !d.Eligible {
		return &NotEligibleError{Op: OpRecordAttempt, Cert: c.ID, On: on, Decision: d}
	}
	return nil
}

// firstSpan returns the span of the policy that governs the first attempt
// of a history, at the instant first, for a question about c that q, the
// plain policy of p for the day asked, governs.
func (p *Policy) firstSpan(q *Policy, c *cert.Certification, first time.Time) span {
	if p.plain() {
		return q.span()
	}
	return p.rules(c, cert.DateOf(first)).span()
}

// passedError is the refusal of an attempt after a pass of the cycle of cr.
func passedError(id cert.ID, cr cert.Credential) error {
	return fmt.Errorf("%w: the cycle of %q expiring %s ended with a pass", assessment.ErrPassed, id, cr.Expires)
}

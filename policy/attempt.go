package policy

import (
	"fmt"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
)

// Cycle returns the empty renewal cycle of pr's credential for c: the cycle
// to record a first attempt on, and the one to rebuild a stored history on
// with [assessment.NewCycle] and the same credential. When pr holds no
// credential for c it returns the cycle of a credential with c's ID alone,
// which [Policy.RecordAttempt] refuses.
func (p Policy) Cycle(pr cert.Profile, c cert.Certification) assessment.Cycle {
	cr, ok := pr.Credential(c.ID)
	if !ok {
		cr = cert.Credential{Cert: c.ID}
	}
	return assessment.NewCycle(cr, nil)
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
//   - a day on which the holder may not renew (RULES E5), with an error
//     that wraps the [Decision]: it matches [ErrNotEligible], and also
//     [ErrOutsideWindow] before the window opens and [ErrExpired] on or
//     after the expiry (RULES A1, A5);
//   - an attempt the retake rule refuses, with the refusal of
//     [assessment.Cycle.Record]: [assessment.ErrTooSoon] (with a
//     [*assessment.LockoutError] that says when the lockout lifts),
//     [assessment.ErrOutOfOrder] or [assessment.ErrPassed] (RULES A2, A3,
//     A5).
//
// Like append, a fail is recorded into the spare capacity of the cycle's
// attempts when there is some, and then allocates nothing; record onto the
// cycle returned, never twice onto the same one (see [assessment.NewCycle]).
// pr and its slice are never changed.
func (p Policy) RecordAttempt(pr cert.Profile, c cert.Certification, cycle assessment.Cycle, a assessment.Attempt) (cert.Profile, assessment.Cycle, error) {
	if err := checkTitle(c); err != nil {
		return pr, cycle, err
	}
	if cycle.Credential().Cert != c.ID {
		return pr, cycle, fmt.Errorf("%w: a cycle of %q used for %q", assessment.ErrStaleCycle, cycle.Credential().Cert, c.ID)
	}
	if cycle.Passed() {
		return pr, cycle, fmt.Errorf("%w: the cycle of %q expiring %s ended with a pass", assessment.ErrPassed, c.ID, cycle.Credential().Expires)
	}
	if cr, held := pr.Credential(c.ID); held {
		if err := cycle.For(cr); err != nil {
			return pr, cycle, err
		}
		// A cycle's attempts are those since its window opened: a
		// history that starts earlier is another cycle's, wrapped
		// with this credential by mistake.
		if atts := cycle.Attempts(); len(atts) > 0 {
			opens := later(window(p.WindowMonths, cr).Opens, cr.Earned)
			if first := cert.DateOf(atts[0].At); first.Before(opens) {
				return pr, cycle, fmt.Errorf("%w: its first attempt, on %s, is before the window of %q expiring %s opened on %s",
					assessment.ErrStaleCycle, first, c.ID, cr.Expires, opens)
			}
		}
	}
	on := cert.DateOf(a.At)
	if d := p.Eligibility(pr, c, on); !d.Eligible {
		return pr, cycle, &refusal{"record an attempt at", c.ID, on, d}
	}
	next, err := cycle.Record(p.Retakes, a)
	if err != nil {
		return pr, cycle, err
	}
	if !a.Passed {
		return pr, next, nil
	}
	renewed, err := p.Renew(pr, c, on)
	if err != nil {
		return pr, cycle, err
	}
	cr, _ := renewed.Credential(c.ID)
	return renewed, assessment.NewCycle(cr, nil), nil
}

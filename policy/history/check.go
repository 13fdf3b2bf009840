package history

import (
	"fmt"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// Check reports every problem of a stored profile pr under policy p and
// catalog cat, in the order of pr's credentials, each naming the
// credential; nil when there is none. It finds:
//   - a title that is not in the catalog ([policy.ErrUnknownCertification]);
//   - a title held twice ([ErrHeldTwice], on the second);
//   - a credential with no earn day ([ErrNoEarnDay]);
//   - a role-based or specialty credential with no expiry ([ErrNoExpiry]),
//     and a fundamentals one with an expiry ([ErrUnexpectedExpiry]) (RULES
//     V1-V3);
//   - an expiry on or before the earn day ([ErrExpiryNotAfterEarned],
//     RULES D2);
//   - an expiry that no sequence of renewals from the earn day gives: not
//     p.Expiry(earned) plus a whole number of extensions, each added to
//     the expiry before it (RULES V4, N1, D3, D5) ([ErrUnreachableExpiry]).
//     Each title is checked under the policy of its program (RULES G8).
//     Where the stored profile cannot tell which expiries renewals give,
//     Check accepts every expiry from p.Expiry(earned) on: under a policy
//     that extends from the day of the pass (RULES G4), whose day the
//     profile does not keep, and under versions whose extensions differ
//     (RULES G7), whose version depends on that day too.
//
// Check does not look at the days against today: an expired credential is
// no problem. Every profile a [Replayer] gives passes it.
func Check(p policy.Policy, cat cert.Catalog, pr cert.Profile) []Problem {
	var problems []Problem
	add := func(i int, cr cert.Credential, err error) {
		problems = append(problems, Problem{Index: i, Cert: cr.Cert, Err: err})
	}
	for i, cr := range pr.Credentials {
		if pr.Index(cr.Cert) != i {
			add(i, cr, fmt.Errorf("%w: %q is also credential %d", ErrHeldTwice, cr.Cert, pr.Index(cr.Cert)))
		}
		c, ok := cat.Lookup(cr.Cert)
		if !ok {
			add(i, cr, fmt.Errorf("%w: %q is not in the catalog", policy.ErrUnknownCertification, cr.Cert))
			continue
		}
		switch {
		case cr.Earned.IsZero():
			add(i, cr, ErrNoEarnDay)
		case c.Level == cert.Fundamentals && !cr.Expires.IsZero():
			add(i, cr, fmt.Errorf("%w: %s", ErrUnexpectedExpiry, cr.Expires))
		case c.Level != cert.Fundamentals && cr.Expires.IsZero():
			add(i, cr, ErrNoExpiry)
		case c.Level == cert.Fundamentals:
		case !cr.Expires.After(cr.Earned):
			add(i, cr, fmt.Errorf("%w: earned %s, expires %s", ErrExpiryNotAfterEarned, cr.Earned, cr.Expires))
		case !reachable(p, c, cr):
			first := p.Expiry(c, cr.Earned)
			if months, ok := extension(p.For(c)); ok {
				add(i, cr, fmt.Errorf("%w: earned %s, expires %s; renewals give %s, then every %d months",
					ErrUnreachableExpiry, cr.Earned, cr.Expires, first, months))
			} else {
				add(i, cr, fmt.Errorf("%w: earned %s, expires %s; renewals give %s or later",
					ErrUnreachableExpiry, cr.Earned, cr.Expires, first))
			}
		}
	}
	return problems
}

// reachable reports whether cr's expiry is the expiry of its earn day under
// p, extended by zero or more renewals, each of the governing policy's
// ExtensionMonths from the expiry before it (RULES N1, G8); or, where
// extension cannot tell the months, whether it is that expiry or later.
func reachable(p policy.Policy, c cert.Certification, cr cert.Credential) bool {
	x := p.Expiry(c, cr.Earned)
	months, exact := extension(p.For(c))
	if !exact {
		return !x.IsZero() && !cr.Expires.Before(x)
	}
	for !x.IsZero() && x.Before(cr.Expires) && months > 0 {
		x = x.AddMonths(months)
	}
	return x == cr.Expires
}

// extension returns the months every renewal under the program's policy p
// adds to the expiry before it, and whether there is one such number: p
// and each of its versions extend from the expiry (RULES G4), by the same
// months (RULES G7).
func extension(p policy.Policy) (months int, ok bool) {
	months = p.ExtensionMonths
	if p.ExtendFrom != policy.FromExpiry {
		return 0, false
	}
	for _, v := range p.Versions {
		if v.Policy.ExtendFrom != policy.FromExpiry || v.Policy.ExtensionMonths != months {
			return 0, false
		}
	}
	return months, true
}

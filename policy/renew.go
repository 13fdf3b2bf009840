package policy

import (
	"fmt"

	"github.com/certrenew/certrenew/cert"
)

// Earn records that the holder of pr passed the exam(s) for c on day on, and
// returns the profile with a new credential for c, valid for the term in
// force that day (RULES V2-V4, N6). The new credential replaces an expired
// one for c; each credential keeps its own lifecycle, so earning never
// changes another credential (RULES R3).
//
// Earn checks, in this order (RULES N6a), and refuses with an error that
// matches:
//   - [ErrUnknownCertification] for a c with no ID or no real level, and
//     [ErrDateOutOfRange] for the zero day;
//   - [ErrStillActive] when pr's credential for c is active on that day:
//     passing the exam again does not renew it (RULES N5), whatever else
//     is wrong with the day;
//   - [ErrBackdated] for a day before the Earned day of pr's credential
//     for c;
//   - [ErrDateOutOfRange] for a day whose expiry would fall after
//     9999-12-31;
//   - [ErrMissingPrerequisite] for a title with prerequisites none of
//     which pr holds active on that day (RULES R1).
//
// A launch day after on is no refusal: beta exams come first (RULES R1b). On
// a refusal Earn returns pr as it was given. pr and its slice are never
// changed.
func (p Policy) Earn(pr cert.Profile, c cert.Certification, on cert.Date) (cert.Profile, error) {
	cr, err := p.earnCredential(&pr, &c, on)
	if err != nil {
		return pr, err
	}
	return pr.With(cr), nil
}

// EarnCredential is [Policy.Earn] without the new profile: it returns the
// credential that earning c on day on gives the holder of pr, or Earn's
// refusal, in the same order (RULES N6a). The caller puts the credential in
// place of pr's for c, as [cert.Profile.With] does. It allocates nothing
// unless it refuses.
func (p Policy) EarnCredential(pr cert.Profile, c cert.Certification, on cert.Date) (cert.Credential, error) {
	return p.earnCredential(&pr, &c, on)
}

// earnCredential is EarnCredential on pointers, so that the rules it calls
// copy no Policy.
func (p *Policy) earnCredential(pr *cert.Profile, c *cert.Certification, on cert.Date) (cert.Credential, error) {
	if err := checkTitle(c); err != nil {
		return cert.Credential{}, err
	}
	if on.IsZero() {
		return cert.Credential{}, fmt.Errorf("%w: no day given to earn %q", ErrDateOutOfRange, c.ID)
	}
	if cur, ok := pr.Credential(c.ID); ok {
		if cur.ActiveOn(on) {
			return cert.Credential{}, fmt.Errorf("%w: %q on %s (expires %s): pass its renewal assessment instead", ErrStillActive, c.ID, on, expiresText(cur.Expires))
		}
		if on.Before(cur.Earned) {
			return cert.Credential{}, fmt.Errorf("%w: %q on %s, before %s", ErrBackdated, c.ID, on, cur.Earned)
		}
	}
	expires := p.expiry(c, on)
	if c.Level != cert.Fundamentals && expires.IsZero() {
		return cert.Credential{}, fmt.Errorf("%w: %q earned on %s would expire after 9999-12-31", ErrDateOutOfRange, c.ID, on)
	}
	if len(c.Prerequisites) > 0 && !holdsAny(*pr, c.Prerequisites, on) {
		return cert.Credential{}, fmt.Errorf("%w: %q on %s needs one of %q", ErrMissingPrerequisite, c.ID, on, c.Prerequisites)
	}
	return cert.Credential{Cert: c.ID, Earned: on, Expires: expires}, nil
}

// checkTitle refuses a certification with no ID or no real level, which is
// no title, with ErrUnknownCertification.
func checkTitle(c *cert.Certification) error {
	if c.ID == "" || !c.Level.IsValid() {
		return fmt.Errorf("%w: id %q, level %v", ErrUnknownCertification, c.ID, c.Level)
	}
	return nil
}

// expiresText is d's text, or "never" for the zero Date.
func expiresText(d cert.Date) string {
	if d.IsZero() {
		return "never"
	}
	return d.String()
}

// holdsAny reports whether pr holds a credential for one of ids that is
// active on day on.
func holdsAny(pr cert.Profile, ids []cert.ID, on cert.Date) bool {
	for _, id := range ids {
		if cr, ok := pr.Credential(id); ok && cr.ActiveOn(on) {
			return true
		}
	}
	return false
}

// Renew records that the holder of pr passed c's renewal assessment on day
// passed, and returns the profile in which that credential expires
// ExtensionMonths after its current expiry, not after the day passed (RULES
// N1), or after the day passed for a policy that extends FromPass (RULES
// G4). The policy that governs is c's program's version in force on the
// day passed (RULES G7, G8). A renewal on a day of the grace period after
// the expiry (RULES G1) renews as one before it. Renewal closes the
// window until it opens again before the new expiry (RULES N3), is free
// and may be repeated each cycle (RULES N4), and renews that credential
// alone: an expert title's prerequisite, or any other credential, is left
// as it was (RULES N2, R2).
//
// Renew does not look at attempts (RULES N7); recording an attempt that
// passes renews through it. It refuses a c with no ID or no real level with
// [ErrUnknownCertification], as [Policy.Earn] does. On a day the holder is
// not eligible, Renew returns pr as it was given and a [*NotEligibleError]
// with Op "renew", which carries the [Decision] and matches
// [ErrNotEligible] and the sentinel of its reason ([Reason.Err]). A
// renewal whose new expiry would fall after 9999-12-31 is refused with
// [ErrDateOutOfRange]. pr and its slice are never changed.
func (p Policy) Renew(pr cert.Profile, c cert.Certification, passed cert.Date) (cert.Profile, error) {
	cr, err := p.renewCredential(&pr, &c, passed)
	if err != nil {
		return pr, err
	}
	return pr.With(cr), nil
}

// RenewCredential is [Policy.Renew] without the new profile: it returns the
// credential that passing c's renewal assessment on day passed gives the
// holder of pr, or Renew's refusal (RULES N1, E5). The caller puts the
// credential in place of pr's for c, as [cert.Profile.With] does. It
// allocates nothing unless it refuses.
func (p Policy) RenewCredential(pr cert.Profile, c cert.Certification, passed cert.Date) (cert.Credential, error) {
	return p.renewCredential(&pr, &c, passed)
}

// renewCredential is RenewCredential on pointers, so that the rules it
// calls copy no Policy.
func (p *Policy) renewCredential(pr *cert.Profile, c *cert.Certification, passed cert.Date) (cert.Credential, error) {
	if err := checkTitle(c); err != nil {
		return cert.Credential{}, err
	}
	p = p.rules(c, passed)
	if d := p.decision(pr, c, passed); !d.Eligible {
		return cert.Credential{}, &NotEligibleError{Op: OpRenew, Cert: c.ID, On: passed, Decision: d}
	}
	renewed, _ := pr.Credential(c.ID)
	base := renewed.Expires
	if p.ExtendFrom == FromPass {
		base = passed
	}
	renewed.Expires = base.AddMonths(p.ExtensionMonths)
	if renewed.Expires.IsZero() {
		return cert.Credential{}, fmt.Errorf("%w: %q renewed on %s would expire after 9999-12-31", ErrDateOutOfRange, c.ID, passed)
	}
	return renewed, nil
}

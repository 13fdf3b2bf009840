package policy_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// day is MustParseDate, for literal days in tests.
var day = cert.MustParseDate

// title returns the roadmap's certification id; it panics on a typo, so that
// a test never runs on a zero Certification by mistake.
func title(id cert.ID) cert.Certification {
	c, ok := cert.Roadmap().Lookup(id)
	if !ok {
		panic("no roadmap title " + string(id))
	}
	return c
}

// Certifications that the roadmap does not hold, for the rules it cannot
// show.
var (
	// fundamentals never expires (RULES V1).
	fundamentals = cert.Certification{ID: "azure-fundamentals", Name: "Microsoft Certified: Azure Fundamentals", Level: cert.Fundamentals}

	// launchedOnly gives its launch day but no first renewal day: its
	// assessment is offered from 2020-08-31 + 6 months = 2021-02-28
	// (RULES E3, D3).
	launchedOnly = cert.Certification{ID: "contoso-launched", Name: "Contoso Certified: Launched Associate", Level: cert.Associate, Launched: day("2020-08-31")}

	// undated gives neither day: its assessment counts as offered (RULES
	// E6).
	undated = cert.Certification{ID: "contoso-undated", Name: "Contoso Certified: Undated Specialty", Level: cert.Specialty}
)

// cred returns a credential; "" stands for the zero Date.
func cred(id cert.ID, earned, expires string) cert.Credential {
	cr := cert.Credential{Cert: id}
	if earned != "" {
		cr.Earned = day(earned)
	}
	if expires != "" {
		cr.Expires = day(expires)
	}
	return cr
}

// linked returns a profile linked to a Learn profile that holds creds.
func linked(creds ...cert.Credential) cert.Profile {
	return cert.Profile{MCID: "990012345", Learn: "learn-holder", Credentials: creds}
}

// unlinked returns a profile linked to no Learn profile that holds creds.
func unlinked(creds ...cert.Credential) cert.Profile {
	return cert.Profile{MCID: "990012345", Credentials: creds}
}

// withSpare returns pr with a slice of its own that has two spare elements
// beyond its length, filled with credentials no operation may write, so that
// a check can see an append into the caller's spare capacity.
func withSpare(pr cert.Profile) cert.Profile {
	n := len(pr.Credentials)
	full := make([]cert.Credential, n+2)
	copy(full, pr.Credentials)
	full[n] = cred("spare-1", "2001-01-01", "2002-01-01")
	full[n+1] = cred("spare-2", "2001-01-02", "")
	pr.Credentials = full[: n : n+2]
	return pr
}

// A snapshot is a deep copy of a profile: its fields, and every element of
// its slice up to the slice's capacity.
type snapshot struct {
	pr  cert.Profile
	all []cert.Credential
}

// snap takes a snapshot of pr.
func snap(pr cert.Profile) snapshot {
	s := snapshot{pr: pr}
	s.pr.Credentials = slices.Clone(pr.Credentials)
	s.all = slices.Clone(pr.Credentials[:cap(pr.Credentials)])
	return s
}

// diff returns how pr differs from the snapshot (-want +got), including the
// slice's spare capacity, or "".
func (s snapshot) diff(pr cert.Profile) string {
	if d := cmp.Diff(s.pr, pr); d != "" {
		return d
	}
	if cap(pr.Credentials) != len(s.all) {
		return "the slice's capacity changed"
	}
	return cmp.Diff(s.all, pr.Credentials[:cap(pr.Credentials)])
}

// clonePolicy returns a deep copy of p.
func clonePolicy(p policy.Policy) policy.Policy {
	p.Terms = slices.Clone(p.Terms)
	p.Schedule.DaysBefore = slices.Clone(p.Schedule.DaysBefore)
	return p
}

// cmpEmpty treats a nil slice and an empty one as equal.
var cmpEmpty = cmpopts.EquateEmpty()

// sentinels lists the errors of package policy that refusals match.
var sentinels = []error{
	policy.ErrNotEligible,
	policy.ErrOutsideWindow,
	policy.ErrExpired,
	policy.ErrStillActive,
	policy.ErrMissingPrerequisite,
	policy.ErrBackdated,
	policy.ErrUnknownCertification,
	policy.ErrDateOutOfRange,
	policy.ErrUnknownReason,
	policy.ErrInvalidPolicy,
}

// checkErr reports an error of t unless err matches want with errors.Is and
// no other sentinel of the package.
func checkErr(t *testing.T, err, want error) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Errorf("error = %v, want nil", err)
		}
		return
	}
	if !isOnly(err, want) {
		t.Errorf("error = %v, want one matching %v and no other sentinel", err, want)
	}
}

// isOnly reports whether err matches every one of want and no other
// sentinel.
func isOnly(err error, want ...error) bool {
	if err == nil {
		return false
	}
	for _, s := range sentinels {
		if errors.Is(err, s) != slices.Contains(want, s) {
			return false
		}
	}
	return true
}

// window returns the renewal window [opens, closes).
func window(opens, closes string) policy.Window {
	return policy.Window{Opens: day(opens), Closes: day(closes)}
}

// refusal returns "" when err is the refusal of Renew for a decision with
// the given reason, else what is wrong: it matches ErrNotEligible, and also
// ErrOutsideWindow before the window and ErrExpired after the expiry, and
// errors.As gives the Decision.
func refusal(err error, reason policy.Reason) string {
	want := []error{policy.ErrNotEligible, reason.Err()}
	if !isOnly(err, want...) {
		return fmt.Sprintf("error %v, want one matching exactly %v", err, want)
	}
	var ne *policy.NotEligibleError
	if !errors.As(err, &ne) {
		return fmt.Sprintf("error %v: errors.As gives no *NotEligibleError", err)
	}
	if d := ne.Decision; d.Reason != reason || d.Eligible {
		return fmt.Sprintf("refused for %v (eligible %v), want %v", d.Reason, d.Eligible, reason)
	}
	return ""
}

// cycleOf returns assessment.NewCycle(cr, attempts), for histories a test
// knows to be valid; it panics on a refusal.
func cycleOf(cr cert.Credential, attempts []assessment.Attempt) assessment.Cycle {
	c, err := assessment.NewCycle(cr, attempts)
	if err != nil {
		panic(err)
	}
	return c
}

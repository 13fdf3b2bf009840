package policy_test

// The tests of every package of certrenew are laid out alike:
//
//	<source>_test.go  table tests of <source>.go, named after its rules:
//	                  attempt_test.go, eligibility_test.go, errors_test.go,
//	                  json_test.go, policy_test.go, reminders_test.go,
//	                  renew_test.go, validity_test.go
//	props_test.go     every property of the package, one TestProp<Rules>_<What>
//	                  each, with the generators only properties use
//	helpers_test.go   helpers that tests of more than one file share, the
//	                  rules restated for the properties and fuzz targets among
//	                  them
//	fuzz_test.go      the fuzz targets
//	bench_test.go     the benchmarks
//	alloc_test.go     TestNoAllocs and the other allocation counts
//	example_test.go   the examples (example_<topic>_test.go only for a topic
//	                  too large for one file)
//
// The properties run through internal/proptest: see its package doc for the
// seed and how to replay a failure.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York on machines without a zone database

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
	p.RetakesThen = slices.Clone(p.RetakesThen)
	p.ExamRetakes.Then = slices.Clone(p.ExamRetakes.Then)
	p.Versions = slices.Clone(p.Versions)
	for i := range p.Versions {
		p.Versions[i].Policy = clonePolicy(p.Versions[i].Policy)
	}
	p.Programs = slices.Clone(p.Programs)
	for i := range p.Programs {
		p.Programs[i].Policy = clonePolicy(p.Programs[i].Policy)
	}
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

// checkFieldError reports an error of t unless err matches ErrInvalidPolicy
// alone and is a *FieldError naming the path.
func checkFieldError(t *testing.T, err error, field string) {
	t.Helper()
	if !isOnly(err, policy.ErrInvalidPolicy) && !isOnly(err, policy.ErrInvalidPolicy, assessment.ErrInvalidRetakes) {
		t.Fatalf("error %v, want one matching ErrInvalidPolicy alone, or with ErrInvalidRetakes", err)
	}
	var pe *policy.FieldError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is no *FieldError", err)
	}
	if pe.Path != field {
		t.Errorf("Field = %q, want %q (%v)", pe.Path, field, err)
	}
	if pe.Problem == "" {
		t.Errorf("no Problem in %v", err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "policy: invalid policy: ") || (field != "" && !strings.Contains(msg, field+": ")) {
		t.Errorf("Error() = %q, want the prefix and the field %q", msg, field)
	}
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

// The whole range of Dates (RULES D5).
var first, last = day("0001-01-01"), day("9999-12-31")

// newYork is where the holder of the attempt tests takes the assessment.
var newYork = func() *time.Location {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at returns the instant of "2006-01-02 15:04:05" in New York.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", s, newYork)
	if err != nil {
		panic(err)
	}
	return t
}

// failed and passed return attempts at the instant t.
func failed(t time.Time) assessment.Attempt { return assessment.Attempt{At: t} }
func passed(t time.Time) assessment.Attempt { return assessment.Attempt{At: t, Passed: true} }

// The attempt tests' holder: the associate earned 2021-07-15 expires
// 2022-07-15 (RULES V2), and its window is [2022-01-15, 2022-07-15) (E2).
var attemptHolder = linked(cred("azure-administrator", "2021-07-15", "2022-07-15"), cred("azure-developer", "2021-08-01", "2022-08-01"))

// The rules restated, one function each, for the properties and the fuzz
// targets to compare the package's answers with.

// termInForce returns the months of p's term in force on day d (RULES V4):
// the last term whose From is not after d.
func termInForce(p policy.Policy, d cert.Date) int {
	months := p.Terms[0].Months
	for _, t := range p.Terms[1:] {
		if !d.Before(t.From) {
			months = t.Months
		}
	}
	return months
}

// offered returns the first day c's assessment is offered under p (RULES
// E3, E6), or the zero Date for every day, and never when it is never
// offered: a launch day plus the market age past 9999-12-31.
func offered(p policy.Policy, c cert.Certification) (from cert.Date, never bool) {
	if c.RenewalFrom.IsZero() && !c.Launched.IsZero() {
		from = c.Launched.AddMonths(p.MarketAgeMonths)
		return from, from.IsZero()
	}
	return c.RenewalFrom, false
}

// wantReason is RULES E5 restated: the first check that fails, in order.
func wantReason(p policy.Policy, pr cert.Profile, c cert.Certification, on cert.Date) policy.Reason {
	cr, ok := pr.Credential(c.ID)
	switch {
	case !c.Level.IsValid() || !ok || on.IsZero() || cr.Earned.IsZero() || on.Before(cr.Earned):
		return policy.NotHeld
	case c.Level == cert.Fundamentals || cr.Expires.IsZero():
		return policy.NeverExpires
	case !on.Before(cr.Expires):
		return policy.Expired
	case on.Before(opens(p, cr)):
		return policy.NotYetOpen
	case isUnavailable(p, c, on):
		return policy.AssessmentUnavailable
	case pr.Learn == "":
		return policy.ProfileNotLinked
	}
	return policy.Eligible
}

// isUnavailable reports whether c's assessment is not offered on day on.
func isUnavailable(p policy.Policy, c cert.Certification, on cert.Date) bool {
	from, never := offered(p, c)
	return never || on.Before(from)
}

// opens returns the day cr's window opens (RULES E2): WindowMonths before
// the expiry, and never before the first Date.
func opens(p policy.Policy, cr cert.Credential) cert.Date {
	if d := cr.Expires.AddMonths(-p.WindowMonths); !d.IsZero() {
		return d
	}
	return first
}

// wantEarnErr is RULES N6a restated: the sentinel of the first check of Earn
// that fails, or nil.
func wantEarnErr(p policy.Policy, pr cert.Profile, c cert.Certification, on cert.Date) error {
	switch {
	case c.ID == "" || !c.Level.IsValid():
		return policy.ErrUnknownCertification
	case on.IsZero():
		return policy.ErrDateOutOfRange
	}
	if cr, ok := pr.Credential(c.ID); ok {
		if cr.ActiveOn(on) {
			return policy.ErrStillActive
		}
		if on.Before(cr.Earned) {
			return policy.ErrBackdated
		}
	}
	if c.Level != cert.Fundamentals && on.AddMonths(termInForce(p, on)).IsZero() {
		return policy.ErrDateOutOfRange
	}
	if len(c.Prerequisites) == 0 {
		return nil
	}
	for _, id := range c.Prerequisites {
		if cr, ok := pr.Credential(id); ok && cr.ActiveOn(on) {
			return nil
		}
	}
	return policy.ErrMissingPrerequisite
}

// wantReminders is RULES M2 restated: the first eligible day, then each day
// before expiry, dropping days outside [first eligible day, expiry) and
// repeats, at most four.
func wantReminders(p policy.Policy, c cert.Certification, cr cert.Credential) []cert.Date {
	x := cr.Expires
	if !c.Level.IsValid() || c.Level == cert.Fundamentals || x.IsZero() || cr.Earned.IsZero() || cr.Cert != c.ID {
		return nil
	}
	from := opens(p, cr)
	offeredFrom, never := offered(p, c)
	if never {
		return nil
	}
	for _, d := range []cert.Date{offeredFrom, cr.Earned} {
		if d.After(from) {
			from = d
		}
	}
	var days []cert.Date
	if p.Schedule.AtFirstEligibleDay && from.Before(x) {
		days = append(days, from)
	}
	for _, k := range p.Schedule.DaysBefore {
		d := x.AddDays(-k)
		if !d.Before(from) && d.Before(x) && !slices.Contains(days, d) {
			days = append(days, d)
		}
	}
	slices.SortFunc(days, cert.Date.Compare)
	if len(days) > policy.MaxReminders {
		days = days[:policy.MaxReminders]
	}
	return days
}

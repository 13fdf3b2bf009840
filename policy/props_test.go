package policy_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
	"github.com/certrenew/certrenew/policy"
)

// The span of days most properties draw from, and the whole range of Dates.
var (
	near0, near1 = day("2015-01-01"), day("2035-12-31")
	first, last  = day("0001-01-01"), day("9999-12-31")
)

// genDay generates the days from lo to hi, inclusive.
func genDay(lo, hi cert.Date) gopter.Gen {
	return gen.IntRange(0, hi.DaysSince(lo)).Map(func(k int) cert.Date { return lo.AddDays(k) })
}

// genNearDay generates days from 2015 to 2035.
func genNearDay() gopter.Gen { return genDay(near0, near1) }

// genAnyDay generates every real day, 0001-01-01 to 9999-12-31.
func genAnyDay() gopter.Gen { return genDay(first, last) }

// titles are the certifications the properties draw from: the roadmap's 27,
// a fundamentals title, one that gives only its launch day, one that gives
// neither day, and one whose assessment comes late.
var titles = func() []cert.Certification {
	var all []cert.Certification
	for c := range cert.Roadmap().All() {
		all = append(all, c)
	}
	late := cert.Certification{ID: "contoso-late", Name: "Contoso Certified: Late Associate", Level: cert.Associate, RenewalFrom: day("2030-01-01")}
	return append(all, fundamentals, launchedOnly, undated, late)
}()

// titleOf returns the title of titles with the given ID.
func titleOf(id cert.ID) cert.Certification {
	for _, c := range titles {
		if c.ID == id {
			return c
		}
	}
	panic("no title " + string(id))
}

// genTitleIndex generates indexes of titles, one time in four that of the
// fundamentals title or of the title whose assessment comes late, so that
// every reason of Eligibility comes up often under any seed.
func genTitleIndex() gopter.Gen {
	index := func(id cert.ID) int {
		return slices.IndexFunc(titles, func(c cert.Certification) bool { return c.ID == id })
	}
	return gen.Weighted([]gen.WeightedGen{
		{Weight: 6, Gen: gen.IntRange(0, len(titles)-1)},
		{Weight: 1, Gen: gen.Const(index(fundamentals.ID))},
		{Weight: 1, Gen: gen.Const(index("contoso-late"))},
	})
}

// genTitle generates one of titles.
func genTitle() gopter.Gen {
	return gen.IntRange(0, len(titles)-1).Map(func(i int) cert.Certification { return titles[i] })
}

// genPolicy generates valid policies: Microsoft's, and random ones of one to
// three terms, a window shorter than every term and than the extension, a
// market age and up to four reminders.
func genPolicy() gopter.Gen {
	custom := gopter.CombineGens(
		gen.IntRange(1, 12),                    // window
		gen.IntRange(1, 3),                     // number of terms
		gen.SliceOfN(3, gen.IntRange(1, 48)),   // term months beyond the window
		gen.SliceOfN(3, genNearDay()),          // term Froms
		gen.IntRange(1, 24),                    // extension beyond the window
		gen.IntRange(0, 12),                    // market age
		gen.Bool(),                             // a reminder on the first eligible day
		gen.SliceOfN(4, gen.IntRange(1, 400)),  // days before expiry
		gen.IntRange(0, 4),                     // how many of them
		gen.IntRange(0, 3),                     // immediate retakes
		gen.Int64Range(0, int64(48*time.Hour)), // retake wait
	).Map(func(v []any) policy.Policy {
		window := v[0].(int)
		n := v[1].(int)
		months := v[2].([]int)
		froms := slices.Clone(v[3].([]cert.Date))
		slices.SortFunc(froms, cert.Date.Compare)
		p := policy.Policy{
			Terms:           []policy.Term{{Months: window + months[0]}},
			WindowMonths:    window,
			ExtensionMonths: window + v[4].(int),
			MarketAgeMonths: v[5].(int),
			Schedule:        policy.Schedule{AtFirstEligibleDay: v[6].(bool)},
			Retakes:         assessment.Retakes{Immediate: v[9].(int), Wait: time.Duration(v[10].(int64))},
		}
		for i := 1; i < n; i++ {
			if froms[i] == p.Terms[len(p.Terms)-1].From {
				continue
			}
			p.Terms = append(p.Terms, policy.Term{From: froms[i], Months: window + months[i]})
		}
		ks := slices.Clone(v[7].([]int)[:v[8].(int)])
		slices.Sort(ks)
		slices.Reverse(ks)
		ks = slices.Compact(ks)
		room := policy.MaxReminders
		if p.Schedule.AtFirstEligibleDay {
			room--
		}
		if len(ks) > room {
			ks = ks[:room]
		}
		if len(ks) > 0 {
			p.Schedule.DaysBefore = ks
		}
		return p
	})
	return gen.Weighted([]gen.WeightedGen{
		{Weight: 1, Gen: gen.Const(policy.Microsoft())},
		{Weight: 3, Gen: custom},
	})
}

// A scenario is the input of a question or an operation: a policy, a
// profile, a certification and a day.
type scenario struct {
	P  policy.Policy
	Pr cert.Profile
	C  cert.Certification
	On cert.Date
}

// String shows a scenario when a property fails.
func (s scenario) String() string {
	return fmt.Sprintf("policy %+v\nprofile %+v\ncert %s (%v, renewal from %q, launched %q)\non %s",
		s.P, s.Pr, s.C.ID, s.C.Level, s.C.RenewalFrom, s.C.Launched, s.On)
}

// genScenario generates scenarios: a valid policy, a profile of 0 to 8
// credentials of distinct titles, earned from 2018 to 2026 under that policy
// and renewed 0 to 3 times, linked three times in four, with spare capacity
// in its slice; mostly a title the profile holds, and a day that is mostly
// near that credential's expiry.
func genScenario() gopter.Gen {
	return gopter.CombineGens(
		genPolicy(),
		gen.IntRange(0, 3),                  // linked unless 0
		gen.IntRange(0, 8),                  // credentials
		gen.SliceOfN(8, genTitleIndex()),    // their titles
		gen.SliceOfN(8, genNearDay()),       // their earn days
		gen.SliceOfN(8, gen.IntRange(0, 3)), // their renewals
		gen.IntRange(0, 9),                  // which title to ask about
		genTitleIndex(),                     // a title maybe not held
		genNearDay(),                        // a day
		gen.IntRange(-500, 40),              // days from the expiry
	).Map(func(v []any) scenario {
		p := v[0].(policy.Policy)
		pr := cert.Profile{MCID: "990012345"}
		if v[1].(int) != 0 {
			pr.Learn = "learn-holder"
		}
		idx, earned, renewals := v[3].([]int), v[4].([]cert.Date), v[5].([]int)
		for i := range v[2].(int) {
			c := fundamentals
			if idx[i] < len(titles) {
				c = titles[idx[i]]
			}
			if pr.Index(c.ID) >= 0 {
				continue
			}
			cr := cert.Credential{Cert: c.ID, Earned: earned[i], Expires: p.Expiry(c, earned[i])}
			for range renewals[i] {
				if !cr.Expires.IsZero() {
					cr.Expires = cr.Expires.AddMonths(p.ExtensionMonths)
				}
			}
			pr.Credentials = append(pr.Credentials, cr)
		}
		s := scenario{P: p, Pr: withSpare(pr), C: titles[v[7].(int)], On: v[8].(cert.Date)}
		if pick := v[6].(int); pick < 10 && len(pr.Credentials) > 0 {
			cr := pr.Credentials[pick%len(pr.Credentials)]
			s.C = titleOf(cr.Cert)
			switch {
			case pick >= 7:
			case cr.Expires.IsZero():
				s.On = cr.Earned.AddDays(v[9].(int) + 450)
			default:
				s.On = cr.Expires.AddDays(v[9].(int))
			}
		}
		return s
	})
}

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

// TestPropGenerators checks that the generators give what the properties
// assume: valid policies, and scenarios that reach every reason.
func TestPropGenerators(t *testing.T) {
	var seen [policy.Eligible + 1]int
	properties := proptest.New(t)
	properties.Property("H1 every generated policy is valid", prop.ForAll(
		func(s scenario) string {
			if err := s.P.Validate(); err != nil {
				return err.Error()
			}
			seen[s.P.Eligibility(s.Pr, s.C, s.On).Reason]++
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
	for r := policy.NotHeld; r <= policy.Eligible; r++ {
		if seen[r] < 20 {
			t.Errorf("only %d scenarios of reason %v: the properties would hardly test it", seen[r], r)
		}
	}
	t.Logf("scenarios by reason: %v", seen[1:])
}

// TestPropV2V4_ValidityIsTheTermInForce states RULES V2-V4: a credential is
// valid for exactly the months of the term in force on the day it is earned.
func TestPropV2V4_ValidityIsTheTermInForce(t *testing.T) {
	properties := proptest.New(t)
	check := func(p policy.Policy, c cert.Certification, earned cert.Date) string {
		want := earned.AddMonths(termInForce(p, earned))
		if c.Level == cert.Fundamentals {
			want = cert.Date{}
		}
		if diff := cmp.Diff(want, p.Expiry(c, earned)); diff != "" {
			return fmt.Sprintf("Expiry(%s, %s) mismatch (-want +got):\n%s", c.ID, earned, diff)
		}
		if c.Level != cert.Fundamentals && want.IsZero() {
			return "" // after 9999-12-31: Earn refuses it, see TestN6a
		}
		// Earn gives the same credential, with a prerequisite if needed.
		pr := linked()
		if len(c.Prerequisites) > 0 {
			pre := titleOf(c.Prerequisites[0])
			pr = linked(cert.Credential{Cert: pre.ID, Earned: earned, Expires: p.Expiry(pre, earned)})
		}
		got, err := p.Earn(pr, c, earned)
		if err != nil {
			return fmt.Sprintf("Earn(%s, %s): %v", c.ID, earned, err)
		}
		cr, _ := got.Credential(c.ID)
		if diff := cmp.Diff(cert.Credential{Cert: c.ID, Earned: earned, Expires: want}, cr); diff != "" {
			return fmt.Sprintf("Earn(%s, %s) mismatch (-want +got):\n%s", c.ID, earned, diff)
		}
		return ""
	}
	properties.Property("V2 V3 V4 expiry is the earn day plus the term in force", prop.ForAll(check, genPolicy(), genTitle(), genNearDay()))
	properties.Property("V2 V3 V4 also over every real day", prop.ForAll(check, genPolicy(), genTitle(), genAnyDay()))
	properties.TestingRun(t)
}

// TestPropE5_DecisionIsConsistent states RULES E5: a decision names the first
// rule that fails; eligible means inside the window, active, linked and on or
// after EligibleFrom; not yet open means before the window.
func TestPropE5_DecisionIsConsistent(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("E5 the decision follows the rules in order", prop.ForAll(
		func(s scenario) string {
			d := s.P.Eligibility(s.Pr, s.C, s.On)
			if want := wantReason(s.P, s.Pr, s.C, s.On); d.Reason != want {
				return fmt.Sprintf("Reason = %v, want %v\n%v", d.Reason, want, s)
			}
			cr, held := s.Pr.Credential(s.C.ID)
			if !held {
				cr = cert.Credential{Cert: s.C.ID}
			}
			x := cr.Expires
			switch {
			case d.Eligible != (d.Reason == policy.Eligible):
				return fmt.Sprintf("Eligible = %v with Reason %v", d.Eligible, d.Reason)
			}
			switch d.Reason {
			case policy.NotHeld, policy.NeverExpires, policy.Expired:
				if !d.Window.IsZero() || !d.EligibleFrom.IsZero() || !d.Window.Last().IsZero() {
					return fmt.Sprintf("%v with a window: %+v", d.Reason, d)
				}
				return ""
			}
			if want := (policy.Window{Opens: x.AddMonths(-s.P.WindowMonths), Closes: x}); d.Window != want {
				return fmt.Sprintf("Window = %s, want %s\n%v", d.Window, want, s)
			}
			if want := x.AddDays(-1); d.Window.Last() != want {
				return fmt.Sprintf("Window.Last = %s, want %s", d.Window.Last(), want)
			}
			if f := d.EligibleFrom; !f.IsZero() && (f.Before(d.Window.Opens) || isUnavailable(s.P, s.C, f) || f.Before(cr.Earned) || !f.Before(x)) {
				return fmt.Sprintf("EligibleFrom %s outside the window %s\n%v", f, d.Window, s)
			}
			switch d.Reason {
			case policy.Eligible:
				if !cr.ActiveOn(s.On) || !d.Window.Contains(s.On) || !s.On.Before(x) || !s.Pr.IsLinked() ||
					d.EligibleFrom.IsZero() || s.On.Before(d.EligibleFrom) {
					return fmt.Sprintf("eligible outside [EligibleFrom, expiry), inactive or unlinked: %+v\n%v", d, s)
				}
			case policy.NotYetOpen:
				if !s.On.Before(d.Window.Opens) || (!d.EligibleFrom.IsZero() && !d.EligibleFrom.After(s.On)) {
					return fmt.Sprintf("not yet open, but the window or EligibleFrom has come: %+v", d)
				}
			case policy.AssessmentUnavailable:
				if !d.EligibleFrom.IsZero() && !d.EligibleFrom.After(s.On) {
					return fmt.Sprintf("assessment unavailable, but EligibleFrom has come: %+v", d)
				}
			}
			// Linking changes nothing but the last check (RULES E4).
			other := s.Pr
			if other.Learn == "" {
				other.Learn = "learn-holder"
			} else {
				other.Learn = ""
			}
			o := s.P.Eligibility(other, s.C, s.On)
			if o.Window != d.Window || o.EligibleFrom != d.EligibleFrom {
				return fmt.Sprintf("linking changed the days: %+v, %+v", d, o)
			}
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
}

// TestPropN1_RenewalExtendsTheCurrentExpiry states RULES N1 and N3: a renewal
// adds exactly ExtensionMonths to the current expiry, never shortens the
// validity, and closes the window; a refusal is the decision.
func TestPropN1_RenewalExtendsTheCurrentExpiry(t *testing.T) {
	renewed := 0
	properties := proptest.New(t)
	properties.Property("N1 renewal adds the extension to the current expiry and closes the window", prop.ForAll(
		func(s scenario) string {
			d := s.P.Eligibility(s.Pr, s.C, s.On)
			got, err := s.P.Renew(s.Pr, s.C, s.On)
			if !d.Eligible {
				if msg := refusal(err, d.Reason); msg != "" {
					return fmt.Sprintf("Renew on a %v day: %s", d.Reason, msg)
				}
				var ne *policy.NotEligibleError
				errors.As(err, &ne)
				if diff := cmp.Diff(d, ne.Decision); diff != "" {
					return "refusal mismatch (-want +got):\n" + diff
				}
				if diff := cmp.Diff(s.Pr, got); diff != "" {
					return "refused Renew changed the profile (-want +got):\n" + diff
				}
				return ""
			}
			renewed++
			if err != nil {
				return fmt.Sprintf("Renew on an eligible day: %v\n%v", err, s)
			}
			old, _ := s.Pr.Credential(s.C.ID)
			cr, _ := got.Credential(s.C.ID)
			want := cert.Credential{Cert: old.Cert, Earned: old.Earned, Expires: old.Expires.AddMonths(s.P.ExtensionMonths)}
			if diff := cmp.Diff(want, cr); diff != "" {
				return fmt.Sprintf("renewed credential mismatch (-want +got):\n%s\n%v", diff, s)
			}
			if !cr.Expires.After(old.Expires) {
				return "renewal shortened the validity"
			}
			if after := s.P.Eligibility(got, s.C, s.On); after.Reason != policy.NotYetOpen || !after.Window.Opens.After(old.Expires.AddDays(-1)) {
				return fmt.Sprintf("N3 the window is still open after renewal: %+v", after)
			}
			for _, r := range s.P.Reminders(s.C, cr) {
				if !r.After(s.On) {
					return fmt.Sprintf("N3 reminder %s of the renewed credential on or before the renewal day %s", r, s.On)
				}
			}
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
	if renewed < 50 {
		t.Errorf("only %d renewals: the property hardly tested N1", renewed)
	}
}

// TestPropM1M2_Reminders states RULES M1-M3: at most four reminders, strictly
// ascending, inside [first eligible day, expiry), the days of the schedule,
// and the same whether the profile is linked or not.
func TestPropM1M2_Reminders(t *testing.T) {
	some := 0
	properties := proptest.New(t)
	properties.Property("M1 M2 reminders are the schedule's days inside the window", prop.ForAll(
		func(s scenario) string {
			cr, ok := s.Pr.Credential(s.C.ID)
			if !ok {
				cr = cert.Credential{Cert: s.C.ID, Earned: s.On, Expires: s.P.Expiry(s.C, s.On)}
			}
			got := s.P.Reminders(s.C, cr)
			if len(got) > 0 {
				some++
			}
			if diff := cmp.Diff(wantReminders(s.P, s.C, cr), got); diff != "" {
				return fmt.Sprintf("Reminders(%+v) mismatch (-want +got):\n%s\n%v", cr, diff, s)
			}
			if len(got) > policy.MaxReminders {
				return fmt.Sprintf("%d reminders", len(got))
			}
			for i := 1; i < len(got); i++ {
				if !got[i].After(got[i-1]) {
					return fmt.Sprintf("not strictly ascending: %v", got)
				}
			}
			// The first eligible day is the Decision's, linked or not.
			for _, learn := range []string{"", "learn-holder"} {
				pr := cert.Profile{Learn: learn, Credentials: []cert.Credential{cr}}
				d := s.P.Eligibility(pr, s.C, cr.Earned)
				if len(got) > 0 && (got[0].Before(d.EligibleFrom) || d.EligibleFrom.IsZero() || !got[len(got)-1].Before(cr.Expires)) {
					return fmt.Sprintf("reminders %v outside [%s, %s), linked %q", got, d.EligibleFrom, cr.Expires, learn)
				}
				if len(got) > 0 && s.P.Schedule.AtFirstEligibleDay && got[0] != d.EligibleFrom {
					return fmt.Sprintf("first reminder %s, EligibleFrom %s, linked %q", got[0], d.EligibleFrom, learn)
				}
			}
			// AppendReminders appends the same days into a buffer of
			// capacity 4 without growing it.
			buf := make([]cert.Date, 0, policy.MaxReminders)
			app := s.P.AppendReminders(buf, s.C, cr)
			if diff := cmp.Diff(got, app, cmpEmpty); diff != "" {
				return "AppendReminders mismatch (-want +got):\n" + diff
			}
			if len(app) > 0 && &app[0] != &buf[:1][0] {
				return "AppendReminders grew a buffer of capacity 4"
			}
			prefix := []cert.Date{day("2000-01-01")}
			if diff := cmp.Diff(append(prefix, got...), s.P.AppendReminders(prefix[:1:1], s.C, cr)); diff != "" {
				return "AppendReminders after a prefix mismatch (-want +got):\n" + diff
			}
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
	if some < 100 {
		t.Errorf("only %d cases with reminders", some)
	}
}

// TestPropN2R2_OtherCredentialsUnchanged states RULES N2, R2 and R3: earning
// or renewing one credential leaves every other credential of the profile
// equal, in its place.
func TestPropN2R2_OtherCredentialsUnchanged(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("N2 R2 an operation on one credential leaves every other equal", prop.ForAll(
		func(s scenario) string {
			earned, earnErr := s.P.Earn(s.Pr, s.C, s.On)
			renewed, renewErr := s.P.Renew(s.Pr, s.C, s.On)
			for _, op := range []struct {
				name string
				got  cert.Profile
				err  error
			}{{"Earn", earned, earnErr}, {"Renew", renewed, renewErr}} {
				if op.err != nil {
					continue
				}
				n := len(s.Pr.Credentials)
				if s.Pr.Index(s.C.ID) < 0 {
					n++
				}
				if len(op.got.Credentials) != n {
					return fmt.Sprintf("%s: %d credentials, want %d", op.name, len(op.got.Credentials), n)
				}
				for i, cr := range s.Pr.Credentials {
					if cr.Cert != s.C.ID && op.got.Credentials[i] != cr {
						return fmt.Sprintf("%s of %s changed credential %d: %+v, want %+v", op.name, s.C.ID, i, op.got.Credentials[i], cr)
					}
				}
				if op.got.MCID != s.Pr.MCID || op.got.Learn != s.Pr.Learn {
					return fmt.Sprintf("%s changed the profile's identity", op.name)
				}
			}
			if earnErr == nil {
				cr, _ := earned.Credential(s.C.ID)
				want := cert.Credential{Cert: s.C.ID, Earned: s.On, Expires: s.P.Expiry(s.C, s.On)}
				if cr != want {
					return fmt.Sprintf("Earn gave %+v, want %+v", cr, want)
				}
			}
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
}

// TestPropN6a_EarnRefusesInOrder states RULES N6a: Earn refuses by the first
// check that fails, and a refusal returns the profile as it was given.
func TestPropN6a_EarnRefusesInOrder(t *testing.T) {
	seen := map[error]int{}
	properties := proptest.New(t)
	properties.Property("N6a Earn's refusal is the first check that fails", prop.ForAll(
		func(s scenario, spoil int) string {
			// One case in eight each: a title with no ID or no real
			// level, the zero day, a day whose expiry would pass
			// 9999-12-31, an expert with no prerequisite held.
			switch spoil {
			case 0:
				s.C.ID = ""
			case 1:
				s.C.Level = cert.Level(spoil * 9)
			case 2:
				s.On = cert.Date{}
			case 3:
				s.On = last.AddDays(-30)
			case 4:
				// An expert title, from a profile that holds none of
				// its prerequisites.
				s.C = titleOf("devops-engineer")
				var keep []cert.Credential
				for _, cr := range s.Pr.Credentials {
					if !slices.Contains(s.C.Prerequisites, cr.Cert) {
						keep = append(keep, cr)
					}
				}
				s.Pr.Credentials = keep
			}
			got, err := s.P.Earn(s.Pr, s.C, s.On)
			want := wantEarnErr(s.P, s.Pr, s.C, s.On)
			seen[want]++
			if want == nil {
				if err != nil {
					return fmt.Sprintf("Earn: %v, want success\n%v", err, s)
				}
				return ""
			}
			if !isOnly(err, want) {
				return fmt.Sprintf("Earn: %v, want %v\n%v", err, want, s)
			}
			if diff := cmp.Diff(s.Pr, got); diff != "" {
				return "refused Earn changed the profile (-want +got):\n" + diff
			}
			return ""
		},
		genScenario(), gen.IntRange(0, 7),
	))
	properties.TestingRun(t)
	for _, err := range []error{nil, policy.ErrUnknownCertification, policy.ErrDateOutOfRange, policy.ErrStillActive, policy.ErrBackdated, policy.ErrMissingPrerequisite} {
		if seen[err] < 20 {
			t.Errorf("N6a only %d cases end in %v", seen[err], err)
		}
	}
}

// TestPropNoOperationChangesItsInputs states the promise of the package doc:
// no question or operation changes the profile it is given, its slice's
// elements or spare capacity, or the policy.
func TestPropNoOperationChangesItsInputs(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("no operation changes the profile or policy it was given", prop.ForAll(
		func(s scenario) string {
			before, p := snap(s.Pr), clonePolicy(s.P)
			_ = s.P.Eligibility(s.Pr, s.C, s.On)
			for _, cr := range s.Pr.Credentials {
				_ = s.P.Reminders(titleOf(cr.Cert), cr)
			}
			earned, earnErr := s.P.Earn(s.Pr, s.C, s.On)
			renewed, renewErr := s.P.Renew(s.Pr, s.C, s.On)
			if diff := before.diff(s.Pr); diff != "" {
				return "the given profile changed (-want +got):\n" + diff
			}
			if diff := cmp.Diff(p, s.P); diff != "" {
				return "the policy changed (-want +got):\n" + diff
			}
			// A new profile has a slice of its own.
			for _, op := range []struct {
				got cert.Profile
				err error
			}{{earned, earnErr}, {renewed, renewErr}} {
				if op.err == nil && len(s.Pr.Credentials) > 0 && &op.got.Credentials[0] == &s.Pr.Credentials[0] {
					return "a new profile shares the given profile's slice"
				}
			}
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
}

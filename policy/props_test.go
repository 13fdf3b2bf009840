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

// The span of days most properties draw from.
var near0, near1 = day("2015-01-01"), day("2035-12-31")

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
// profile, a certification and a day. Aim is the reason the generator aimed
// the scenario at, or 0 for a scenario drawn without an aim.
type scenario struct {
	P   policy.Policy
	Pr  cert.Profile
	C   cert.Certification
	On  cert.Date
	Aim policy.Reason
}

// String shows a scenario when a property fails.
func (s scenario) String() string {
	return fmt.Sprintf("policy %+v\nprofile %+v\ncert %s (%v, renewal from %q, launched %q)\non %s, aimed at %q",
		s.P, s.Pr, s.C.ID, s.C.Level, s.C.RenewalFrom, s.C.Launched, s.On, s.Aim)
}

// genScenario generates scenarios, half of them drawn broadly
// (genBroadScenario) and half aimed, one seventh each, at a reason of
// Eligibility (aim): every reason is the decision of at least one scenario
// in fourteen, whatever the seed, and no property depends on the luck of
// the draw to see it.
func genScenario() gopter.Gen {
	weighted := []gen.WeightedGen{{Weight: 7, Gen: genBroadScenario()}}
	for r := policy.NotHeld; r <= policy.Eligible; r++ {
		weighted = append(weighted, gen.WeightedGen{Weight: 1, Gen: genAimedScenario(r)})
	}
	return gen.Weighted(weighted)
}

// genBroadScenario generates scenarios with no aim: a valid policy, a
// profile of 0 to 8 credentials of distinct titles, earned from 2015 to 2035
// under that policy and renewed 0 to 3 times, linked three times in four,
// with spare capacity in its slice; mostly a title the profile holds, and a
// day that is mostly near that credential's expiry.
func genBroadScenario() gopter.Gen {
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

// genAimedScenario generates scenarios that Eligibility decides for reason
// r: broad scenarios changed by aim.
func genAimedScenario(r policy.Reason) gopter.Gen {
	return gopter.CombineGens(
		genBroadScenario(),
		gen.IntRange(0, 1<<30),           // chooses among what fits
		genDay(near0, day("2023-12-31")), // the earn day of a credential aim adds
	).Map(func(v []any) scenario {
		return aim(v[0].(scenario), r, v[1].(int), v[2].(cert.Date))
	})
}

// aim returns s changed so that Eligibility decides it for reason r: the
// title asked about, the day, whether the profile is linked, and, when the
// profile holds no credential that can have that reason, one more
// credential, earned on e under s's policy. k chooses among the credentials
// and days that fit. A credential earned by 2023-12-31 expires by
// 2028-12-31 under any generated policy (terms of at most 60 months), so the
// whole window of the title whose assessment comes in 2030 lies before it.
func aim(s scenario, r policy.Reason, k int, e cert.Date) scenario {
	p, pr := s.P, s.Pr
	pr.Credentials = slices.Clone(pr.Credentials)
	// hold returns the index of pr's credential of c, adding one earned on
	// e if there is none, or putting one in its place if replace.
	hold := func(c cert.Certification, replace bool) int {
		cr := cert.Credential{Cert: c.ID, Earned: e, Expires: p.Expiry(c, e)}
		i := pr.Index(c.ID)
		switch {
		case i < 0:
			pr.Credentials = append(pr.Credentials, cr)
			return len(pr.Credentials) - 1
		case replace:
			pr.Credentials[i] = cr
		}
		return i
	}
	// find returns the index of the first credential of pr, from the k-th
	// on, for which ok holds, or -1.
	find := func(ok func(cert.Credential) bool) int {
		n := len(pr.Credentials)
		for j := range n {
			if i := (k + j) % n; ok(pr.Credentials[i]) {
				return i
			}
		}
		return -1
	}
	// notHeld returns a title pr does not hold, other than except.
	notHeld := func(except cert.Level) cert.Certification {
		for j := range titles {
			if c := titles[(k+j)%len(titles)]; pr.Index(c.ID) < 0 && c.Level != except {
				return c
			}
		}
		panic("the profile holds every title")
	}
	// pick returns a day from lo to hi, hi excluded; hi is after lo.
	pick := func(lo, hi cert.Date) cert.Date { return lo.AddDays(k % hi.DaysSince(lo)) }
	expires := func(cr cert.Credential) bool { return !cr.Expires.IsZero() }
	// expiring returns the index of a credential of pr that expires.
	expiring := func() int {
		if i := find(expires); i >= 0 {
			return i
		}
		return hold(notHeld(cert.Fundamentals), false)
	}
	switch r {
	case policy.NotHeld:
		if k%2 == 0 && len(pr.Credentials) > 0 {
			// A day before the credential was earned.
			cr := pr.Credentials[k%len(pr.Credentials)]
			s.C, s.On = titleOf(cr.Cert), cr.Earned.AddDays(-1-k%400)
		} else {
			s.C = notHeld(0)
		}
	case policy.NeverExpires:
		cr := pr.Credentials[hold(fundamentals, false)]
		s.C, s.On = fundamentals, cr.Earned.AddDays(k%2000)
	case policy.Expired:
		cr := pr.Credentials[expiring()]
		s.C, s.On = titleOf(cr.Cert), cr.Expires.AddDays(k%400)
	case policy.NotYetOpen:
		cr := pr.Credentials[expiring()]
		s.C, s.On = titleOf(cr.Cert), pick(cr.Earned, opens(p, cr))
	case policy.AssessmentUnavailable:
		// A window that opens before the assessment is offered.
		i := find(func(cr cert.Credential) bool {
			from, never := offered(p, titleOf(cr.Cert))
			return expires(cr) && (never || opens(p, cr).Before(from))
		})
		if i < 0 {
			i = hold(titleOf("contoso-late"), true)
		}
		cr := pr.Credentials[i]
		s.C = titleOf(cr.Cert)
		end := cr.Expires
		if from, never := offered(p, s.C); !never && from.Before(end) {
			end = from
		}
		s.On = pick(opens(p, cr), end)
	case policy.ProfileNotLinked, policy.Eligible:
		// A day of the window on which the assessment is offered.
		start := func(cr cert.Credential) cert.Date {
			from, never := offered(p, titleOf(cr.Cert))
			if never || !expires(cr) {
				return cr.Expires
			}
			return later(opens(p, cr), from)
		}
		i := find(func(cr cert.Credential) bool { return start(cr).Before(cr.Expires) })
		if i < 0 {
			i = hold(undated, true)
		}
		cr := pr.Credentials[i]
		s.C, s.On = titleOf(cr.Cert), pick(start(cr), cr.Expires)
		pr.Learn = ""
		if r == policy.Eligible {
			pr.Learn = "learn-holder"
		}
	}
	s.Pr, s.Aim = withSpare(pr), r
	return s
}

// reached fails t when fewer than min of the cases reached the case named
// what, and logs the count either way. A property that asserts something
// only of some cases counts them, so that a generator that stops reaching
// them fails the test rather than passing it unseen; min is set far below
// the count the generators give every seed.
func reached(t *testing.T, what string, n, min int) {
	t.Helper()
	t.Logf("%s: %d cases (at least %d wanted)", what, n, min)
	if n < min {
		t.Errorf("%s: only %d cases reached it, want at least %d", what, n, min)
	}
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
		reached(t, "E5 scenarios of reason "+r.String(), seen[r], 20)
	}
}

// TestPropGenerators_AimedScenariosHaveTheirReason checks that aim does what
// genScenario counts on: every aimed scenario is decided for the reason it
// aims at, under a valid policy, with a profile of one credential per title
// and spare capacity in its slice.
func TestPropGenerators_AimedScenariosHaveTheirReason(t *testing.T) {
	var aims []gopter.Gen
	for r := policy.NotHeld; r <= policy.Eligible; r++ {
		aims = append(aims, genAimedScenario(r))
	}
	properties := proptest.New(t)
	properties.Property("every aimed scenario is decided for its aim", prop.ForAll(
		func(s scenario) string {
			if err := s.P.Validate(); err != nil {
				return err.Error()
			}
			if got := s.P.Eligibility(s.Pr, s.C, s.On).Reason; got != s.Aim {
				return fmt.Sprintf("decided for %v\n%v", got, s)
			}
			for i, cr := range s.Pr.Credentials {
				if s.Pr.Index(cr.Cert) != i || titleOf(cr.Cert).ID != cr.Cert {
					return fmt.Sprintf("credential %d of %s is not the one of a title\n%v", i, cr.Cert, s)
				}
			}
			if cap(s.Pr.Credentials) == len(s.Pr.Credentials) {
				return "no spare capacity"
			}
			return ""
		},
		gen.OneGenOf(aims...),
	))
	properties.TestingRun(t)
}

// TestPropGenerators_AimedAttemptsHaveTheirOutcome checks that
// genAimedAttemptScenario does what genAttemptScenario counts on: every
// aimed attempt scenario has the outcome it aims at.
func TestPropGenerators_AimedAttemptsHaveTheirOutcome(t *testing.T) {
	var aims []gopter.Gen
	for _, aim := range attemptAims {
		aims = append(aims, genAimedAttemptScenario(aim).Map(func(s attemptScenario) [2]any { return [2]any{aim, s} }))
	}
	properties := proptest.New(t)
	properties.Property("every aimed attempt scenario has its outcome", prop.ForAll(
		func(v [2]any) string {
			aim, s := v[0].(string), v[1].(attemptScenario)
			if got := attemptOutcome(s); got != aim {
				return fmt.Sprintf("aimed at %q, the outcome is %q\nhistory %v\nattempt %v\n%v", aim, got, s.History, s.A, s.scenario)
			}
			return ""
		},
		gen.OneGenOf(aims...),
	))
	properties.TestingRun(t)
}

// checkValidity is RULES V2-V4 for one earn day: Expiry is the day plus the
// months of the term in force that day (the zero Date for a fundamentals
// title, or past 9999-12-31), and Earn gives that credential. It returns
// what is wrong, or "".
func checkValidity(p policy.Policy, c cert.Certification, earned cert.Date) string {
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

// TestPropV2V3V4_ExpiryIsTheEarnDayPlusTheTermInForce states RULES V2, V3 and
// V4: a credential earned from 2015 to 2035 is valid for exactly the months
// of the term in force on the day it is earned.
func TestPropV2V3V4_ExpiryIsTheEarnDayPlusTheTermInForce(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("V2 V3 V4 expiry is the earn day plus the term in force", prop.ForAll(checkValidity, genPolicy(), genTitle(), genNearDay()))
	properties.TestingRun(t)
}

// TestPropV2V3V4_ExpiryOverEveryRealDay states RULES V2, V3 and V4 over
// every real day, 0001-01-01 to 9999-12-31. Half the days are drawn from the
// last 61 months, where an expiry can fall after 9999-12-31 (every term is
// 60 months or less): there Expiry is the zero Date, a case the whole range
// reaches about once in 5000.
func TestPropV2V3V4_ExpiryOverEveryRealDay(t *testing.T) {
	overflow := 0
	properties := proptest.New(t)
	properties.Property("V2 V3 V4 also over every real day", prop.ForAll(
		func(p policy.Policy, c cert.Certification, earned cert.Date) string {
			if c.Level != cert.Fundamentals && earned.AddMonths(termInForce(p, earned)).IsZero() {
				overflow++
			}
			return checkValidity(p, c, earned)
		},
		genPolicy(), genTitle(), gen.OneGenOf(genAnyDay(), genDay(last.AddMonths(-61), last)),
	))
	properties.TestingRun(t)
	reached(t, "V2 V3 V4 expiries after 9999-12-31", overflow, 50)
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

// TestPropN1N3_RenewalExtendsTheCurrentExpiry states RULES N1 and N3: a renewal
// adds exactly ExtensionMonths to the current expiry, never shortens the
// validity, and closes the window; a refusal is the decision.
func TestPropN1N3_RenewalExtendsTheCurrentExpiry(t *testing.T) {
	renewed := 0
	properties := proptest.New(t)
	properties.Property("N1 N3 renewal adds the extension to the current expiry and closes the window", prop.ForAll(
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
	reached(t, "N1 renewals", renewed, 50)
}

// TestPropM1M2M3_RemindersAreTheSchedulesDays states RULES M1, M2 and M3: at most four
// reminders, strictly ascending, inside [first eligible day, expiry), the
// days of the schedule, and the same whether the profile is linked or not.
func TestPropM1M2M3_RemindersAreTheSchedulesDays(t *testing.T) {
	some := 0
	properties := proptest.New(t)
	properties.Property("M1 M2 M3 reminders are the schedule's days inside the window, linked or not", prop.ForAll(
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
	reached(t, "M1 M2 credentials with reminders", some, 100)
}

// TestPropN2R2_OtherCredentialsUnchanged states RULES N2 and R2: earning or
// renewing one credential leaves every other credential of the profile
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
			// One case in ten each: a title with no ID or no real
			// level, the zero day, a day whose expiry would pass
			// 9999-12-31, an expert with no prerequisite held, the day
			// before the title's credential was earned, a title not
			// held that needs no prerequisite; three in ten as drawn.
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
			case 5:
				// A profile's history only goes forward.
				if i := s.Pr.Index(s.C.ID); i >= 0 {
					s.On = s.Pr.Credentials[i].Earned.AddDays(-1)
				} else {
					earned := s.On.AddDays(1)
					cr := cert.Credential{Cert: s.C.ID, Earned: earned, Expires: s.P.Expiry(s.C, earned)}
					s.Pr.Credentials = append(slices.Clip(s.Pr.Credentials), cr)
				}
			case 6:
				// Nothing to refuse.
				from := s.On.DaysSince(first) // a real day: positive
				for j := range titles {
					c := titles[(from+j)%len(titles)]
					if s.Pr.Index(c.ID) < 0 && len(c.Prerequisites) == 0 {
						s.C = c
						break
					}
				}
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
		genScenario(), gen.IntRange(0, 9),
	))
	properties.TestingRun(t)
	for _, err := range []error{nil, policy.ErrUnknownCertification, policy.ErrDateOutOfRange, policy.ErrStillActive, policy.ErrBackdated, policy.ErrMissingPrerequisite} {
		reached(t, fmt.Sprintf("N6a Earn ending in %v", err), seen[err], 20)
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

// TestPropV1_FundamentalsNeverExpire states RULES V1: a fundamentals title
// has no expiry, is never renewable, gets no reminders and is never renewed.
func TestPropV1_FundamentalsNeverExpire(t *testing.T) {
	n := 0
	properties := proptest.New(t)
	properties.Property("V1 fundamentals never expire and are never renewed", prop.ForAll(
		func(p policy.Policy, earned, on cert.Date, learn bool) string {
			pr := cert.Profile{MCID: "1"}
			if learn {
				pr.Learn = "learn-holder"
			}
			if e := p.Expiry(fundamentals, earned); !e.IsZero() {
				return fmt.Sprintf("Expiry = %s, want the zero Date", e)
			}
			got, err := p.Earn(pr, fundamentals, earned)
			if err != nil {
				return fmt.Sprintf("Earn: %v", err)
			}
			cr, _ := got.Credential(fundamentals.ID)
			if r := p.Reminders(fundamentals, cr); len(r) != 0 {
				return fmt.Sprintf("reminders %v", r)
			}
			d := p.Eligibility(got, fundamentals, on)
			want := policy.NeverExpires
			if on.Before(earned) {
				want = policy.NotHeld
			} else {
				n++
			}
			if d.Reason != want || !d.Window.IsZero() {
				return fmt.Sprintf("Eligibility on %s = %+v, want %v with no window", on, d, want)
			}
			if _, err := p.Renew(got, fundamentals, on); !errors.Is(err, policy.ErrNotEligible) {
				return fmt.Sprintf("Renew on %s: %v, want a refusal", on, err)
			}
			return ""
		},
		genPolicy(), genNearDay(), genNearDay(), gen.Bool(),
	))
	properties.TestingRun(t)
	reached(t, "V1", n, 300)
}

// TestPropE1E2E3E4_EachRuleOfEligibility states RULES E1 to E4 one by one,
// for every decision: an eligible day is a day the credential is active (E1),
// inside its window (E2), on or after the assessment's first day (E3), for
// a linked profile (E4); and each refusal names the rule that fails.
func TestPropE1E2E3E4_EachRuleOfEligibility(t *testing.T) {
	count := map[policy.Reason]int{}
	properties := proptest.New(t)
	properties.Property("E1 E2 E3 E4 each rule holds on an eligible day, and a refusal names the one that fails", prop.ForAll(
		func(s scenario) string {
			d := s.P.Eligibility(s.Pr, s.C, s.On)
			count[d.Reason]++
			cr, _ := s.Pr.Credential(s.C.ID)
			switch d.Reason {
			case policy.Eligible:
				switch {
				case !cr.ActiveOn(s.On) || s.C.Level == cert.Fundamentals:
					return "E1 eligible but not an active expiring credential"
				case !d.Window.Contains(s.On) || d.Window.Closes != cr.Expires:
					return fmt.Sprintf("E2 eligible on %s outside the window %s", s.On, d.Window)
				case isUnavailable(s.P, s.C, s.On):
					return fmt.Sprintf("E3 eligible on %s before the assessment is offered", s.On)
				case !s.Pr.IsLinked():
					return "E4 eligible but not linked"
				}
			case policy.Expired:
				if s.On.Before(cr.Expires) {
					return "E1 expired before the expiry"
				}
			case policy.NotYetOpen:
				if want := opens(s.P, cr); !s.On.Before(want) || d.Window.Opens != want {
					return fmt.Sprintf("E2 not yet open on %s, window opening %s, want %s", s.On, d.Window.Opens, want)
				}
			case policy.AssessmentUnavailable:
				if !isUnavailable(s.P, s.C, s.On) {
					from, _ := offered(s.P, s.C)
					return fmt.Sprintf("E3 unavailable on %s, offered from %s", s.On, from)
				}
			case policy.ProfileNotLinked:
				if s.Pr.IsLinked() {
					return "E4 not linked, but linked"
				}
				// Linking is the only thing missing (RULES E4).
				linked := s.Pr
				linked.Learn = "learn-holder"
				if r := s.P.Eligibility(linked, s.C, s.On).Reason; r != policy.Eligible {
					return fmt.Sprintf("E4 linked, the decision is %v, want Eligible", r)
				}
			}
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
	for _, r := range []policy.Reason{policy.Eligible, policy.Expired, policy.NotYetOpen, policy.AssessmentUnavailable, policy.ProfileNotLinked} {
		reached(t, "E1-E4 "+r.String(), count[r], 20)
	}
}

// TestPropE6_UnknownFirstDayIsOffered states RULES E6: a title that gives
// neither its first renewal day nor its launch day is never refused as not
// offered, and decides as it would with the assessment offered since always.
// Half the days are drawn inside the credential's window, where the rule
// decides; the others from a month before the day earned to five years
// after it.
func TestPropE6_UnknownFirstDayIsOffered(t *testing.T) {
	n := 0
	properties := proptest.New(t)
	properties.Property("E6 with no day known, the assessment is offered", prop.ForAll(
		func(p policy.Policy, earned cert.Date, after, inWindow int, linked bool) string {
			on := earned.AddDays(after)
			if inWindow >= 0 {
				x := earned.AddMonths(termInForce(p, earned))
				opens := x.AddMonths(-p.WindowMonths)
				on = opens.AddDays(inWindow % x.DaysSince(opens))
			}
			pr := cert.Profile{MCID: "1"}
			if linked {
				pr.Learn = "learn-holder"
			}
			pr, err := p.Earn(pr, undated, earned)
			if err != nil {
				return fmt.Sprintf("Earn: %v", err)
			}
			d := p.Eligibility(pr, undated, on)
			if d.Reason == policy.AssessmentUnavailable {
				return fmt.Sprintf("E6 unavailable on %s with no day known", on)
			}
			if d.Window.Contains(on) {
				n++
				if d.EligibleFrom != later(d.Window.Opens, earned) {
					return fmt.Sprintf("E6 EligibleFrom %s, want the window's opening %s", d.EligibleFrom, d.Window.Opens)
				}
			}
			return ""
		},
		genPolicy(), genNearDay(), gen.IntRange(-30, 5*365), gen.OneGenOf(gen.Const(-1), gen.IntRange(0, 1<<20)), gen.Bool(),
	))
	properties.TestingRun(t)
	reached(t, "E6 days in the window", n, 200)
}

// later returns the later of two days.
func later(a, b cert.Date) cert.Date {
	if a.After(b) {
		return a
	}
	return b
}

// TestPropN1N3N4_RenewEveryYear states RULES N4, N1 and N3: renewing on the
// first eligible day of each window succeeds every time, without limit
// (N4); each renewal adds the extension to the expiry before it (N1), and
// leaves the window closed until the next one opens, with every reminder in
// the next window (N3).
func TestPropN1N3N4_RenewEveryYear(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("N1 N3 N4 a renewal every cycle, each adding the extension and closing the window", prop.ForAll(
		func(p policy.Policy, earned cert.Date, k int, late int) string {
			c := titles[0] // azure-administrator: offered since 2021-02-01
			pr, err := p.Earn(linked(), c, earned)
			if err != nil {
				return fmt.Sprintf("Earn: %v", err)
			}
			for i := range k {
				cr, _ := pr.Credential(c.ID)
				d := p.Eligibility(pr, c, cr.Expires.AddDays(-1))
				if d.EligibleFrom.IsZero() {
					return "" // the assessment came after this expiry: nothing to renew
				}
				on := d.EligibleFrom.AddDays(late % max(1, d.Window.Closes.DaysSince(d.EligibleFrom)))
				next, err := p.Renew(pr, c, on)
				if err != nil {
					return fmt.Sprintf("N4 renewal %d on %s: %v", i+1, on, err)
				}
				got, _ := next.Credential(c.ID)
				if want := cr.Expires.AddMonths(p.ExtensionMonths); got.Expires != want {
					return fmt.Sprintf("N1 renewal %d: expires %s, want %s", i+1, got.Expires, want)
				}
				if r := p.Eligibility(next, c, on).Reason; r != policy.NotYetOpen {
					return fmt.Sprintf("N3 the day of renewal %d, after it: %v, want NotYetOpen", i+1, r)
				}
				for _, r := range p.Reminders(c, got) {
					if !r.After(cr.Expires.AddDays(-1)) && !r.After(on) {
						return fmt.Sprintf("N3 reminder %s of the renewed credential before the renewal on %s", r, on)
					}
				}
				pr = next
			}
			return ""
		},
		genPolicy(), genDay(day("2021-06-01"), day("2030-12-31")), gen.IntRange(1, 6), gen.IntRange(0, 400),
	))
	properties.TestingRun(t)
}

// TestPropN5N6_EarnAgain states RULES N5 and N6: passing the exam again
// while the credential is active changes nothing (ErrStillActive), and once
// it has expired earns a new credential, with the validity in force that
// day, in place of the old one; renewal of an expired credential is refused.
func TestPropN5N6_EarnAgain(t *testing.T) {
	active, expired := 0, 0
	properties := proptest.New(t)
	properties.Property("N5 N6 the exam again: refused while active, a new credential after expiry", prop.ForAll(
		func(s scenario) string {
			cr, held := s.Pr.Credential(s.C.ID)
			if !held || s.On.Before(cr.Earned) || len(s.C.Prerequisites) > 0 {
				return ""
			}
			got, err := s.P.Earn(s.Pr, s.C, s.On)
			switch {
			case cr.ActiveOn(s.On):
				active++
				if !errors.Is(err, policy.ErrStillActive) {
					return fmt.Sprintf("N5 Earn while active: %v", err)
				}
				if diff := cmp.Diff(s.Pr, got); diff != "" {
					return "N5 a refused Earn changed the profile (-want +got):\n" + diff
				}
			default:
				expired++
				if err != nil {
					return fmt.Sprintf("N6 Earn after expiry: %v", err)
				}
				now, _ := got.Credential(s.C.ID)
				if want := (cert.Credential{Cert: s.C.ID, Earned: s.On, Expires: s.P.Expiry(s.C, s.On)}); now != want {
					return fmt.Sprintf("N6 earned again: %+v, want %+v", now, want)
				}
				if len(got.Credentials) != len(s.Pr.Credentials) || got.Index(s.C.ID) != s.Pr.Index(s.C.ID) {
					return "N6 the new credential does not replace the old one in its place"
				}
				if _, err := s.P.Renew(s.Pr, s.C, s.On); !errors.Is(err, policy.ErrExpired) {
					return fmt.Sprintf("N6 Renew after expiry: %v, want ErrExpired", err)
				}
			}
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
	reached(t, "N5", active, 50)
	reached(t, "N6", expired, 50)
}

// TestPropN7_RenewIgnoresAttempts states RULES N7: Renew does not look at
// attempts, so the retake rule of the policy changes nothing it does.
func TestPropN7_RenewIgnoresAttempts(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("N7 Renew is the same under any retake rule", prop.ForAll(
		func(s scenario, immediate int, wait int64) string {
			q := s.P
			q.Retakes = assessment.Retakes{Immediate: immediate, Wait: time.Duration(wait)}
			a, errA := s.P.Renew(s.Pr, s.C, s.On)
			b, errB := q.Renew(s.Pr, s.C, s.On)
			if (errA == nil) != (errB == nil) {
				return fmt.Sprintf("N7 Renew: %v under one rule, %v under another", errA, errB)
			}
			if diff := cmp.Diff(a, b); diff != "" {
				return "N7 Renew differs under another retake rule (-want +got):\n" + diff
			}
			return ""
		},
		genScenario(), gen.IntRange(0, 5), gen.Int64Range(0, int64(1000*time.Hour)),
	))
	properties.TestingRun(t)
}

// TestPropM3_NoRemindersOutsideTheCycle states RULES M3: a fundamentals
// title gets none; a renewed credential's reminders all come after the
// renewal, in the next window; and linking plays no part.
func TestPropM3_NoRemindersOutsideTheCycle(t *testing.T) {
	n := 0
	properties := proptest.New(t)
	properties.Property("M3 reminders belong to the current cycle only", prop.ForAll(
		func(s scenario) string {
			for _, cr := range s.Pr.Credentials {
				c := titleOf(cr.Cert)
				got := s.P.Reminders(c, cr)
				if c.Level == cert.Fundamentals && len(got) > 0 {
					return fmt.Sprintf("M3 fundamentals reminded on %v", got)
				}
				d := s.P.Eligibility(s.Pr, c, s.On)
				if !d.Eligible {
					continue
				}
				n++
				renewed, err := s.P.Renew(s.Pr, c, s.On)
				if err != nil {
					return fmt.Sprintf("Renew on an eligible day: %v", err)
				}
				now, _ := renewed.Credential(c.ID)
				for _, r := range s.P.Reminders(c, now) {
					if !r.After(s.On) || r.Before(cr.Expires) && r.Before(opens(s.P, now)) {
						return fmt.Sprintf("M3 reminder %s of the renewed cycle, renewed on %s", r, s.On)
					}
				}
			}
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
	reached(t, "M3", n, 30)
}

// TestPropR1R1b_ExpertNeedsAnActivePrerequisite states RULES R1 and R1b: an
// expert title is earned exactly when one of its prerequisites is active
// that day, and a launch day after the day earned refuses nothing.
func TestPropR1R1b_ExpertNeedsAnActivePrerequisite(t *testing.T) {
	with, without := 0, 0
	experts := []cert.Certification{
		title("devops-engineer"), title("azure-solutions-architect"),
		title("m365-enterprise-administrator"), title("d365-finance-operations-architect"),
	}
	properties := proptest.New(t)
	properties.Property("R1 R1b an expert is earned with an active prerequisite, whenever it launched", prop.ForAll(
		func(p policy.Policy, k, pre int, ago int, on cert.Date, hold, beta bool) string {
			c := experts[k]
			preEarned := on.AddDays(-ago)
			pr := linked()
			if hold {
				a := title(c.Prerequisites[pre%len(c.Prerequisites)])
				pr = linked(cert.Credential{Cert: a.ID, Earned: preEarned, Expires: p.Expiry(a, preEarned)})
			}
			if beta {
				c.Launched, c.RenewalFrom = on.AddDays(30), cert.Date{} // earned in beta, before launch (R1b)
			}
			active := false
			for _, id := range c.Prerequisites {
				if cr, ok := pr.Credential(id); ok && cr.ActiveOn(on) {
					active = true
				}
			}
			_, err := p.Earn(pr, c, on)
			if active {
				with++
				if err != nil {
					return fmt.Sprintf("R1 R1b with an active prerequisite: %v", err)
				}
			} else {
				without++
				if !errors.Is(err, policy.ErrMissingPrerequisite) {
					return fmt.Sprintf("R1 with no active prerequisite: %v", err)
				}
			}
			return ""
		},
		genPolicy(), gen.IntRange(0, 3), gen.IntRange(0, 3), gen.IntRange(-60, 1500), genNearDay(), gen.Bool(), gen.Bool(),
	))
	properties.TestingRun(t)
	reached(t, "R1 with", with, 50)
	reached(t, "R1 without", without, 50)
}

// TestPropR3_EachCredentialItsOwnLifecycle states RULES R3: the decision on
// an expert credential does not depend on its associate prerequisite, held,
// expired or gone.
func TestPropR3_EachCredentialItsOwnLifecycle(t *testing.T) {
	architect, admin := title("azure-solutions-architect"), title("azure-administrator")
	properties := proptest.New(t)
	properties.Property("R3 an expert's decision does not depend on its associate", prop.ForAll(
		func(p policy.Policy, adminEarned, on cert.Date, gap int) string {
			pr, err := p.Earn(linked(), admin, adminEarned)
			if err != nil {
				return fmt.Sprintf("Earn the associate: %v", err)
			}
			expertEarned := adminEarned.AddDays(gap)
			pr, err = p.Earn(pr, architect, expertEarned)
			if err != nil {
				return "" // the associate was not active that day (R1)
			}
			expert, _ := pr.Credential(architect.ID)
			alone := linked(expert)
			if a, b := p.Eligibility(pr, architect, on), p.Eligibility(alone, architect, on); a != b {
				return fmt.Sprintf("R3 with the associate %+v, without %+v", a, b)
			}
			return ""
		},
		genPolicy(), genNearDay(), genNearDay(), gen.IntRange(0, 400),
	))
	properties.TestingRun(t)
}

// attemptScenario is the input of the attempt properties: a scenario, a
// history of attempts of the credential's cycle, and the attempt.
type attemptScenario struct {
	scenario
	History []assessment.Attempt
	A       assessment.Attempt
}

// attemptLocations are the zones the attempt scenarios take place in.
var attemptLocations = []*time.Location{time.UTC, newYork, time.FixedZone("UTC+14", 14*3600)}

// genAttemptScenario generates attempt scenarios, half of them drawn
// broadly (genBroadAttemptScenario) and half aimed, one sixth each, at an
// outcome of RecordAttempt (genAimedAttemptScenario): each of those
// outcomes comes up in at least one scenario in twelve whatever the seed.
// The seventh outcome, a day on which the holder may not renew, is most of
// the broad ones.
func genAttemptScenario() gopter.Gen {
	weighted := []gen.WeightedGen{{Weight: len(attemptAims), Gen: genBroadAttemptScenario()}}
	for _, aim := range attemptAims {
		weighted = append(weighted, gen.WeightedGen{Weight: 1, Gen: genAimedAttemptScenario(aim)})
	}
	return gen.Weighted(weighted)
}

// attemptAims are the outcomes of RecordAttempt that genAimedAttemptScenario
// aims at, named as TestPropA1A2A3A4A5N1N2_RecordAttempt counts them.
var attemptAims = []string{"pass recorded", "fail recorded", "too soon", "out of order", "passed", "stale"}

// genAimedAttemptScenario generates attempt scenarios whose outcome is aim,
// one of attemptAims. Each is an attempt on a day the scenario is eligible
// (the scenario aimed at Eligible, its day moved to a week or more after
// the window opened if it was earlier), at a time of day before 23:00 so
// that its day is that day in every zone, in one of attemptLocations. Its
// history holds up to 5 failed attempts, each at least the retake rule's
// wait after the one before it and the last at least that long before the
// attempt, none before the cycle's first day; then, by aim:
//   - "pass recorded" and "fail recorded": the attempt is a pass, a fail;
//   - "too soon": the history is of Immediate+1 attempts, and the attempt
//     starts half the wait after the last;
//   - "out of order": the last attempt starts 1ns to an hour after it;
//   - "passed": the last attempt of the history is a pass;
//   - "stale": the history starts with an attempt on the day before the
//     cycle's first.
func genAimedAttemptScenario(aim string) gopter.Gen {
	return gopter.CombineGens(
		genAimedScenario(policy.Eligible),
		gen.IntRange(0, 5),
		gen.SliceOfN(5, gen.Int64Range(0, int64(30*time.Hour))),
		gen.Int64Range(0, int64(23*time.Hour)-1),
		gen.IntRange(0, len(attemptLocations)-1),
		gen.Int64Range(1, int64(time.Hour)),
	).Map(func(v []any) attemptScenario {
		s := attemptScenario{scenario: v[0].(scenario)}
		cr, _ := s.Pr.Credential(s.C.ID)
		start := windowStart(s.P, cr)
		// The window is at least a month long: a day a week after its
		// opening is still in it, and leaves room for the retakes.
		if week := start.AddDays(8); s.On.Before(week) {
			s.On = week
		}
		loc := attemptLocations[v[4].(int)]
		t := s.On.In(loc).Add(time.Duration(v[3].(int64)))
		wait, gaps, n := s.P.Retakes.Wait, v[2].([]int64), v[1].(int)
		last := t.Add(-max(time.Duration(gaps[0]), wait))
		switch aim {
		case "too soon":
			n, last = s.P.Retakes.Immediate+1, t.Add(-(wait / 2))
		case "out of order":
			n, last = max(n, 1), t.Add(time.Duration(v[5].(int64)))
		case "passed":
			n = max(n, 1)
		}
		for i := range n {
			if i > 0 {
				last = last.Add(-max(time.Duration(gaps[i]), wait))
			}
			if cert.DateOf(last).Before(start) {
				break
			}
			s.History = append(s.History, failed(last))
		}
		slices.Reverse(s.History)
		switch aim {
		case "passed":
			s.History[len(s.History)-1].Passed = true
		case "stale":
			s.History = append([]assessment.Attempt{failed(start.In(loc).Add(-time.Hour))}, s.History...)
		}
		s.A = assessment.Attempt{At: t, Passed: aim == "pass recorded"}
		return s
	})
}

// attemptOutcome returns the outcome of RecordAttempt for s as
// TestPropA1A2A3A4A5N1N2_RecordAttempt classifies it, from the rules
// restated rather than from RecordAttempt itself.
func attemptOutcome(s attemptScenario) string {
	cr, held := s.Pr.Credential(s.C.ID)
	n := len(s.History)
	switch {
	case n > 0 && s.History[n-1].Passed:
		return "passed"
	case held && n > 0 && cert.DateOf(s.History[0].At).Before(windowStart(s.P, cr)):
		return "stale"
	case wantReason(s.P, s.Pr, s.C, cert.DateOf(s.A.At)) != policy.Eligible:
		return "not eligible"
	}
	switch err := s.P.Retakes.Check(s.History, s.A.At); {
	case errors.Is(err, assessment.ErrOutOfOrder):
		return "out of order"
	case err != nil:
		return "too soon"
	case s.A.Passed:
		return "pass recorded"
	}
	return "fail recorded"
}

// genBroadAttemptScenario generates attempts around a scenario's day, in one
// of attemptLocations, with histories of up to 5 attempts spaced by 0 to 30
// hours, and passes one time in three. Half the time the attempts are moved
// into the credential's window, a week or more after its opening; one
// history in eight ends in a pass, and one attempt in four starts before the
// last one.
func genBroadAttemptScenario() gopter.Gen {
	locs := attemptLocations
	return gopter.CombineGens(
		genScenario(),
		gen.IntRange(0, 5),
		gen.SliceOfN(6, gen.Int64Range(0, int64(30*time.Hour))),
		gen.IntRange(0, 2), // a pass one time in three
		gen.Int64Range(0, int64(24*time.Hour)),
		gen.IntRange(0, len(locs)-1),
		gen.IntRange(0, 15), // into the window, a pass in the history, out of order
		gen.IntRange(7, 180),
	).Map(func(v []any) attemptScenario {
		s := attemptScenario{scenario: v[0].(scenario)}
		mode := v[6].(int)
		if cr, ok := s.Pr.Credential(s.C.ID); ok && mode < 8 && !cr.Expires.IsZero() {
			start := windowStart(s.P, cr)
			if span := cr.Expires.DaysSince(start); span > 7 {
				s.On = start.AddDays(7 + v[7].(int)%(span-7))
			}
		}
		loc := locs[v[5].(int)]
		t := s.On.In(loc).Add(time.Duration(v[4].(int64)))
		gaps := v[2].([]int64)
		n := v[1].(int)
		times := make([]time.Time, n+1)
		times[n] = t
		for i := n - 1; i >= 0; i-- {
			times[i] = times[i+1].Add(-time.Duration(gaps[i]))
		}
		for _, tm := range times[:n] {
			s.History = append(s.History, failed(tm))
		}
		if n > 0 && mode%8 == 1 {
			s.History[n-1].Passed = true
		}
		if n > 0 && (mode%8 == 2 || mode%8 == 3) {
			times[n] = times[n-1].Add(-time.Minute)
		}
		s.A = assessment.Attempt{At: times[n], Passed: v[3].(int) == 0}
		return s
	})
}

// windowStart returns the first day an attempt of cr's current cycle can
// have been made on: the later of the window's opening and the day earned.
func windowStart(p policy.Policy, cr cert.Credential) cert.Date {
	start := opens(p, cr)
	if cr.Earned.After(start) {
		start = cr.Earned
	}
	return start
}

// TestPropA1A2A3A4A5N1N2_RecordAttempt states RULES A1-A5, N1 and N2 for
// RecordAttempt: recording never changes another credential of the profile
// (N2), nor the profile or history it was given; an attempt is recorded
// only on a day the holder may renew and when the retake rule allows it; a
// fail returns the profile as given and the longer history; a pass renews
// as Renew does (N1) and starts an empty cycle (A4).
func TestPropA1A2A3A4A5N1N2_RecordAttempt(t *testing.T) {
	count := map[string]int{}
	properties := proptest.New(t)
	properties.Property("A1 A2 A3 A4 A5 N1 N2 recording an attempt", prop.ForAll(
		func(s attemptScenario) string {
			cr, held := s.Pr.Credential(s.C.ID)
			if !held {
				cr = cert.Credential{Cert: s.C.ID}
			}
			history := slices.Clip(slices.Clone(s.History))
			cycle := cycleOf(cr, history)
			before := snap(s.Pr)
			got, next, err := s.P.RecordAttempt(s.Pr, s.C, cycle, s.A)
			if d := before.diff(s.Pr); d != "" {
				return "RecordAttempt changed the profile it was given (-want +got):\n" + d
			}
			if diff := cmp.Diff(s.History, history); diff != "" {
				return "RecordAttempt changed the history it was given (-want +got):\n" + diff
			}
			for i, other := range s.Pr.Credentials {
				if other.Cert != s.C.ID && got.Credentials[i] != other {
					return fmt.Sprintf("N2 recording an attempt at %s changed credential %d: %+v", s.C.ID, i, got.Credentials[i])
				}
			}
			on := cert.DateOf(s.A.At)
			d := s.P.Eligibility(s.Pr, s.C, on)
			retake := s.P.Retakes.Check(s.History, s.A.At)
			// The history of an earlier cycle: its first attempt was made
			// before the window opened, or before the credential was earned.
			stale := held && len(s.History) > 0 && cert.DateOf(s.History[0].At).Before(windowStart(s.P, cr))
			ended := len(s.History) > 0 && s.History[len(s.History)-1].Passed
			switch {
			case ended:
				count["passed"]++
				if !errors.Is(err, assessment.ErrPassed) {
					return fmt.Sprintf("A4 an attempt after a pass in the cycle: error %v, want ErrPassed", err)
				}
			case stale:
				count["stale"]++
				if !errors.Is(err, assessment.ErrStaleCycle) {
					return fmt.Sprintf("A4 a history from before the window opened: error %v, want ErrStaleCycle", err)
				}
			case !d.Eligible:
				count["not eligible"]++
				var ne *policy.NotEligibleError
				if !errors.As(err, &ne) || ne.Decision != d || ne.Op != "record an attempt" || ne.Cert != s.C.ID || ne.On != on {
					return fmt.Sprintf("A5 on a %v day (%s): error %v, want the Decision", d.Reason, on, err)
				}
			case retake != nil:
				if errors.Is(retake, assessment.ErrOutOfOrder) {
					count["out of order"]++
				} else {
					count["too soon"]++
				}
				if err == nil || err.Error() != retake.Error() {
					return fmt.Sprintf("A3 RecordAttempt = %v, Retakes.Check = %v", err, retake)
				}
			case err != nil:
				return fmt.Sprintf("an allowed attempt refused: %v\n%v", err, s.scenario)
			case s.A.Passed:
				count["pass recorded"]++
				want, werr := s.P.Renew(s.Pr, s.C, on)
				if werr != nil {
					return fmt.Sprintf("Renew refused what RecordAttempt renewed: %v", werr)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					return "N1 a pass renews as Renew does (-want +got):\n" + diff
				}
				renewed, _ := got.Credential(s.C.ID)
				if next.Credential() != renewed || next.Len() != 0 {
					return fmt.Sprintf("A4 the next cycle is %+v with %d attempts, want the renewed credential's empty one", next.Credential(), next.Len())
				}
			default:
				count["fail recorded"]++
				if diff := cmp.Diff(s.Pr, got); diff != "" {
					return "a fail changed the profile (-want +got):\n" + diff
				}
				if diff := cmp.Diff(append(slices.Clone(s.History), s.A), next.Attempts()); diff != "" {
					return "a fail is appended to the cycle (-want +got):\n" + diff
				}
			}
			if err != nil {
				if diff := cmp.Diff(s.Pr, got); diff != "" {
					return "a refusal changed the profile (-want +got):\n" + diff
				}
			}
			return ""
		},
		genAttemptScenario(),
	))
	properties.TestingRun(t)
	for _, k := range []string{"passed", "stale", "not eligible", "out of order", "too soon", "pass recorded", "fail recorded"} {
		reached(t, "A1-A5 "+k, count[k], 25)
	}
}

// TestPropA1A5_CheckAttemptAgreesWithRecordAttempt states that CheckAttempt,
// the rule of RecordAttempt for a caller that keeps the attempts itself,
// refuses exactly what RecordAttempt refuses, with the same sentinels, and
// that EarnCredential and RenewCredential give the credential that Earn and
// Renew put in the profile (RULES A1-A5, N1, N6a).
func TestPropA1A5_CheckAttemptAgreesWithRecordAttempt(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("A1-A5 N1 N6a the credential-level operations agree with the profile-level ones", prop.ForAll(
		func(s attemptScenario) string {
			cr, held := s.Pr.Credential(s.C.ID)
			if !held {
				cr = cert.Credential{Cert: s.C.ID}
			}
			cycle := cycleOf(cr, s.History)
			_, _, recErr := s.P.RecordAttempt(s.Pr, s.C, cycle, s.A)
			chkErr := s.P.CheckAttempt(s.Pr, s.C, s.History, s.A)
			if (recErr == nil) != (chkErr == nil) {
				return fmt.Sprintf("RecordAttempt = %v, CheckAttempt = %v", recErr, chkErr)
			}
			for _, sentinel := range append(sentinels, assessment.ErrTooSoon, assessment.ErrPassed, assessment.ErrOutOfOrder, assessment.ErrStaleCycle) {
				if errors.Is(recErr, sentinel) != errors.Is(chkErr, sentinel) {
					return fmt.Sprintf("RecordAttempt = %v, CheckAttempt = %v: they differ on %v", recErr, chkErr, sentinel)
				}
			}
			earned, earnErr := s.P.Earn(s.Pr, s.C, s.On)
			ecr, ecrErr := s.P.EarnCredential(s.Pr, s.C, s.On)
			if (earnErr == nil) != (ecrErr == nil) || earnErr != nil && earnErr.Error() != ecrErr.Error() {
				return fmt.Sprintf("Earn = %v, EarnCredential = %v", earnErr, ecrErr)
			}
			if got, _ := earned.Credential(s.C.ID); earnErr == nil && got != ecr {
				return fmt.Sprintf("Earn gives %v, EarnCredential %v", got, ecr)
			}
			renewed, renewErr := s.P.Renew(s.Pr, s.C, s.On)
			rcr, rcrErr := s.P.RenewCredential(s.Pr, s.C, s.On)
			if (renewErr == nil) != (rcrErr == nil) || renewErr != nil && renewErr.Error() != rcrErr.Error() {
				return fmt.Sprintf("Renew = %v, RenewCredential = %v", renewErr, rcrErr)
			}
			if got, _ := renewed.Credential(s.C.ID); renewErr == nil && got != rcr {
				return fmt.Sprintf("Renew gives %v, RenewCredential %v", got, rcr)
			}
			return ""
		}, genAttemptScenario()))
	properties.TestingRun(t)
}

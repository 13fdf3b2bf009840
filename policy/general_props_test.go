package policy_test

// The properties of the general policy's rules, G1 to G8, with the
// generators only they use.

import (
	"encoding/json"
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

// genGeneralPolicy generates valid policies with no versions or programs
// that use the general fields: a window in months or in days (RULES G2), a
// grace period one time in two (G1, grace gives its range), either base of
// extension (G4), a reminder when the window opens (G3), and a renewal
// ladder and cap (G5, G6). Each term and the extension are the shortest that
// Validate accepts plus a random part, so every policy is valid; the
// generator panics on one that is not, which would be its own bug.
func genGeneralPolicy(grace gopter.Gen) gopter.Gen {
	return gopter.CombineGens(
		gen.Bool(),                             // a window in days
		gen.IntRange(1, 12),                    // window months
		gen.IntRange(1, 200),                   // window days
		grace,                                  // grace days
		gen.Bool(),                             // FromPass
		gen.IntRange(1, 3),                     // number of terms
		gen.SliceOfN(3, gen.IntRange(0, 36)),   // term months beyond the least
		gen.SliceOfN(3, genNearDay()),          // term Froms
		gen.IntRange(0, 24),                    // extension beyond the least
		gen.IntRange(0, 12),                    // market age
		gen.SliceOfN(3, gen.Bool()),            // AtFirstEligibleDay, AtWindowOpens, BeforeEligible
		gen.SliceOfN(4, gen.IntRange(1, 400)),  // days before expiry
		gen.IntRange(0, 4),                     // how many of them
		gen.IntRange(0, 2),                     // immediate retakes
		gen.Int64Range(0, int64(48*time.Hour)), // retake wait
		gen.SliceOfN(2, gen.Int64Range(0, int64(30*24*time.Hour))), // the ladder's climbs
		gen.IntRange(0, 2), // how many steps
		gen.IntRange(0, 5), // the cap, none when 0
		gen.Int64Range(int64(time.Hour), int64(60*24*time.Hour)), // its span
	).Map(func(v []any) policy.Policy {
		p := policy.Policy{GraceDays: v[3].(int), MarketAgeMonths: v[9].(int)}
		var windowDays int // the window in days, as Validate counts it against months
		if v[0].(bool) {
			p.WindowDays = v[2].(int)
			windowDays = p.WindowDays
		} else {
			p.WindowMonths = v[1].(int)
			windowDays = 31 * p.WindowMonths
		}
		leastTerm := p.WindowMonths + 1
		if p.WindowDays > 0 {
			leastTerm = p.WindowDays/28 + 1
		}
		leastExt := p.WindowMonths + 1
		if p.WindowDays > 0 || p.GraceDays > 0 {
			leastExt = (windowDays+p.GraceDays)/28 + 1
		}
		p.ExtensionMonths = leastExt + v[8].(int)
		if v[4].(bool) {
			p.ExtendFrom = policy.FromPass
		}
		months := v[6].([]int)
		froms := slices.Clone(v[7].([]cert.Date))
		slices.SortFunc(froms, cert.Date.Compare)
		p.Terms = []policy.Term{{Months: leastTerm + months[0]}}
		for i := 1; i < v[5].(int); i++ {
			if froms[i] != p.Terms[len(p.Terms)-1].From {
				p.Terms = append(p.Terms, policy.Term{From: froms[i], Months: leastTerm + months[i]})
			}
		}
		at := v[10].([]bool)
		p.Schedule.AtFirstEligibleDay, p.Schedule.AtWindowOpens, p.Schedule.BeforeEligible = at[0], at[1], at[2]
		ks := slices.Clone(v[11].([]int)[:v[12].(int)])
		slices.Sort(ks)
		slices.Reverse(ks)
		ks = slices.Compact(ks)
		if room := policy.MaxReminders - btoi(at[0]) - btoi(at[1]); len(ks) > room {
			ks = ks[:room]
		}
		if len(ks) > 0 {
			p.Schedule.DaysBefore = ks
		}
		p.Retakes = assessment.Retakes{Immediate: v[13].(int), Wait: time.Duration(v[14].(int64))}
		w := p.Retakes.Wait
		for _, climb := range v[15].([]int64)[:v[16].(int)] {
			w += time.Duration(climb)
			p.RetakesThen = append(p.RetakesThen, w)
		}
		if c := v[17].(int); c > 0 {
			p.RetakesCap, p.RetakesSpan = c, time.Duration(v[18].(int64))
		}
		if err := p.Validate(); err != nil {
			panic(fmt.Sprintf("genGeneralPolicy made an invalid policy: %v\n%+v", err, p))
		}
		return p
	})
}

// btoi is 1 for true and 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// genGrace generates grace periods: none one time in two, else 1 to 120
// days.
func genGrace() gopter.Gen {
	return gen.Weighted([]gen.WeightedGen{
		{Weight: 1, Gen: gen.Const(0)},
		{Weight: 1, Gen: gen.IntRange(1, 120)},
	})
}

// genAnyGeneralPolicy generates general policies with or without a grace
// period.
func genAnyGeneralPolicy() gopter.Gen { return genGeneralPolicy(genGrace()) }

// A generalScenario is the input of every question about one credential:
// a policy, a profile, a title, a day, and an attempt after a history.
type generalScenario struct {
	P       policy.Policy
	Pr      cert.Profile
	C       cert.Certification
	On      cert.Date
	History []assessment.Attempt
	A       assessment.Attempt
}

// String shows a scenario when a property fails.
func (s generalScenario) String() string {
	return fmt.Sprintf("policy %+v\nprofile %+v\ncert %s (%v, program %q, renewal from %q, launched %q)\non %s\nhistory %v\nattempt %v",
		s.P, s.Pr, s.C.ID, s.C.Level, s.C.Program, s.C.RenewalFrom, s.C.Launched, s.On, s.History, s.A)
}

// genGeneralScenario generates scenarios under the policies of genP: a
// profile linked three times in four that holds the title asked about,
// earned 2015 to 2030 and renewed 0 to 2 times, and one other credential; a
// day that half the time lies in the days on which the credential can be
// renewed (its window and grace period, as Eligibility gives them on the day
// before the expiry), one time in eight is the day before the earn day, and
// otherwise lies from 400 days before the expiry to 200 after; and an attempt on that day, in one of attemptLocations, after 0 to
// 4 failed attempts 0 to 20 days apart.
func genGeneralScenario(genP gopter.Gen) gopter.Gen {
	return gopter.CombineGens(
		genP,
		genTitleIndex(),
		genDay(near0, day("2030-12-31")),
		gen.IntRange(0, 2),      // renewals
		gen.IntRange(0, 3),      // linked unless 0
		gen.IntRange(0, 7),      // 0-3: into the renewable days, 7: the day before the earn day
		gen.IntRange(0, 1<<20),  // where in them
		gen.IntRange(-400, 200), // else: days from the expiry
		gen.Int64Range(0, int64(24*time.Hour)),
		gen.IntRange(0, len(attemptLocations)-1),
		gen.IntRange(0, 4),
		gen.SliceOfN(4, gen.Int64Range(0, int64(20*24*time.Hour))),
		gen.IntRange(0, 2), // a pass unless 0
		genTitleIndex(),    // the other credential's title
	).Map(func(v []any) generalScenario {
		s := generalScenario{P: v[0].(policy.Policy), C: titles[v[1].(int)]}
		earned := v[2].(cert.Date)
		cr := cert.Credential{Cert: s.C.ID, Earned: earned, Expires: s.P.Expiry(s.C, earned)}
		for range v[3].(int) {
			if !cr.Expires.IsZero() {
				cr.Expires = cr.Expires.AddMonths(s.P.ExtensionMonths)
			}
		}
		s.Pr = cert.Profile{MCID: "990012345", Credentials: []cert.Credential{cr}}
		if v[4].(int) != 0 {
			s.Pr.Learn = "learn-holder"
		}
		if other := titles[v[13].(int)]; other.ID != s.C.ID {
			s.Pr.Credentials = append(s.Pr.Credentials, cert.Credential{Cert: other.ID, Earned: earned, Expires: s.P.Expiry(other, earned)})
		}
		s.Pr = withSpare(s.Pr)
		s.On = earned.AddDays(v[7].(int) + 400)
		if !cr.Expires.IsZero() {
			s.On = cr.Expires.AddDays(v[7].(int))
			d := s.P.Eligibility(linked(cr), s.C, cr.Expires.AddDays(-1))
			if ends := later(cr.Expires, d.GraceEnds); v[5].(int) < 4 && !d.Window.IsZero() {
				s.On = d.Window.Opens.AddDays(v[6].(int) % ends.DaysSince(d.Window.Opens))
			}
		}
		if v[5].(int) == 7 {
			s.On = earned.AddDays(-1)
		}
		loc := attemptLocations[v[9].(int)]
		at := s.On.In(loc).Add(time.Duration(v[8].(int64)))
		n := v[10].(int)
		times := make([]time.Time, n+1)
		times[n] = at
		for i := n - 1; i >= 0; i-- {
			times[i] = times[i+1].Add(-time.Duration(v[11].([]int64)[i]))
		}
		for _, tm := range times[:n] {
			s.History = append(s.History, failed(tm))
		}
		s.A = assessment.Attempt{At: at, Passed: v[12].(int) == 0}
		return s
	})
}

// An errAnswer is what a test compares of an error: its text, and the
// Decision of a *NotEligibleError.
type errAnswer struct {
	Text     string
	Decision policy.Decision
}

// errOf returns the errAnswer of err.
func errOf(err error) errAnswer {
	if err == nil {
		return errAnswer{}
	}
	a := errAnswer{Text: err.Error()}
	var ne *policy.NotEligibleError
	if errors.As(err, &ne) {
		a.Decision = ne.Decision
	}
	return a
}

// The answers to each question of a scenario, for properties that compare
// two policies.
type (
	earnAnswer struct {
		Expiry cert.Date
		Cred   cert.Credential
		Err    errAnswer
	}
	renewAnswer struct {
		Cred cert.Credential
		Err  errAnswer
	}
	recordAnswer struct {
		Profile cert.Profile
		Len     int
		Err     errAnswer
	}
)

func askEarn(p policy.Policy, s generalScenario) earnAnswer {
	cr, err := p.EarnCredential(s.Pr, s.C, s.On)
	return earnAnswer{p.Expiry(s.C, s.On), cr, errOf(err)}
}

func askRenew(p policy.Policy, s generalScenario) renewAnswer {
	cr, err := p.RenewCredential(s.Pr, s.C, s.On)
	return renewAnswer{cr, errOf(err)}
}

func askCheck(p policy.Policy, s generalScenario) errAnswer {
	return errOf(p.CheckAttempt(s.Pr, s.C, s.History, s.A))
}

func askRecord(p policy.Policy, s generalScenario) recordAnswer {
	cr, _ := s.Pr.Credential(s.C.ID)
	pr, next, err := p.RecordAttempt(s.Pr, s.C, cycleOf(cr, s.History), s.A)
	return recordAnswer{pr, next.Len(), errOf(err)}
}

func askReminders(p policy.Policy, s generalScenario) []cert.Date {
	cr, _ := s.Pr.Credential(s.C.ID)
	return p.Reminders(s.C, cr)
}

// sameAnswers returns how q's answers to every question of s differ from
// p's, or "".
func sameAnswers(p, q policy.Policy, s generalScenario) string {
	diffs := []struct {
		what string
		diff string
	}{
		{"Eligibility", cmp.Diff(p.Eligibility(s.Pr, s.C, s.On), q.Eligibility(s.Pr, s.C, s.On))},
		{"Expiry and Earn", cmp.Diff(askEarn(p, s), askEarn(q, s))},
		{"Reminders", cmp.Diff(askReminders(p, s), askReminders(q, s), cmpEmpty)},
		{"RenewCredential", cmp.Diff(askRenew(p, s), askRenew(q, s))},
		{"CheckAttempt", cmp.Diff(askCheck(p, s), askCheck(q, s))},
		{"RecordAttempt", cmp.Diff(askRecord(p, s), askRecord(q, s), cmpEmpty)},
	}
	for _, d := range diffs {
		if d.diff != "" {
			return fmt.Sprintf("%s mismatch (-want +got):\n%s\n%v", d.what, d.diff, s)
		}
	}
	return ""
}

// TestPropGeneralGenerators checks that the general generators give valid
// policies and scenarios that reach every reason, and the grace period.
func TestPropGeneralGenerators(t *testing.T) {
	var seen [policy.Eligible + 1]int
	inGrace, days, fromPass := 0, 0, 0
	properties := proptest.New(t)
	properties.Property("G1-G6 every generated policy is valid", prop.ForAll(
		func(s generalScenario) string {
			if err := s.P.Validate(); err != nil {
				return err.Error()
			}
			d := s.P.Eligibility(s.Pr, s.C, s.On)
			seen[d.Reason]++
			inGrace += btoi(d.InGrace)
			days += btoi(s.P.WindowDays > 0)
			fromPass += btoi(s.P.ExtendFrom == policy.FromPass)
			return ""
		},
		genGeneralScenario(genAnyGeneralPolicy()),
	))
	properties.TestingRun(t)
	for r := policy.NotHeld; r <= policy.Eligible; r++ {
		reached(t, "E5 scenarios of reason "+r.String(), seen[r], 10)
	}
	reached(t, "G1 days in grace", inGrace, 50)
	reached(t, "G2 windows in days", days, 200)
	reached(t, "G4 renewals from the pass", fromPass, 200)
}

// TestPropG7G8_ZeroNewFieldsDecideAsBefore states that the general fields,
// left zero, change nothing: a policy of the old fields only answers every
// question as the same policy with an empty Versions and a Programs list
// that no title names, for titles with no program and of a program not
// listed (RULES G7, G8).
func TestPropG7G8_ZeroNewFieldsDecideAsBefore(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G7 G8 no versions and no program of the title: the policy itself", prop.ForAll(
		func(s generalScenario, other policy.Policy) string {
			q := s.P
			q.Versions = []policy.Version{}
			q.Programs = []policy.Program{{Name: "unused-program", Policy: other}}
			if err := q.Validate(); err != nil {
				return err.Error()
			}
			if msg := sameAnswers(s.P, q, s); msg != "" {
				return msg
			}
			s.C.Program = "no-such-program"
			return sameAnswers(s.P, q, s)
		},
		genGeneralScenario(genPolicy()),
		genAnyGeneralPolicy(),
	))
	properties.TestingRun(t)
}

// beforeVersion returns how the answers of versioned, which is base with a
// version in force from from on, differ from base's to the questions of s
// whose governing day is before from (RULES G7), or "". It counts the
// questions it asked in asked.
func beforeVersion(base, versioned policy.Policy, from cert.Date, s generalScenario, asked *[5]int) string {
	var diffs []string
	if s.On.Before(from) {
		asked[0]++
		diffs = append(diffs,
			"Eligibility", cmp.Diff(base.Eligibility(s.Pr, s.C, s.On), versioned.Eligibility(s.Pr, s.C, s.On)),
			"Expiry and Earn", cmp.Diff(askEarn(base, s), askEarn(versioned, s)),
			"RenewCredential", cmp.Diff(askRenew(base, s), askRenew(versioned, s)))
	}
	if cert.DateOf(s.A.At).Before(from) {
		asked[1]++
		diffs = append(diffs, "CheckAttempt", cmp.Diff(askCheck(base, s), askCheck(versioned, s)),
			"RecordAttempt", cmp.Diff(askRecord(base, s), askRecord(versioned, s), cmpEmpty))
	}
	before := func(days []cert.Date) []cert.Date {
		return slices.DeleteFunc(days, func(d cert.Date) bool { return !d.Before(from) })
	}
	want, got := before(askReminders(base, s)), before(askReminders(versioned, s))
	asked[2] += len(want)
	diffs = append(diffs, "Reminders before the version", cmp.Diff(want, got, cmpEmpty))
	if cr, _ := s.Pr.Credential(s.C.ID); cr.Earned.Before(from) {
		asked[3]++
		diffs = append(diffs, "Expiry of the earn day", cmp.Diff(base.Expiry(s.C, cr.Earned), versioned.Expiry(s.C, cr.Earned)))
	}
	for i := 0; i < len(diffs); i += 2 {
		if diffs[i+1] != "" {
			return fmt.Sprintf("%s mismatch (-want +got):\n%s\nversion from %s\n%v", diffs[i], diffs[i+1], from, s)
		}
	}
	return ""
}

// TestPropG7_MicrosoftBeforeAFarVersion states RULES G7 for Microsoft's
// policy: with a different version from a day in 2036 to 2040, every
// question about an earlier day answers as Microsoft() alone.
func TestPropG7_MicrosoftBeforeAFarVersion(t *testing.T) {
	var asked [5]int
	properties := proptest.New(t)
	properties.Property("G7 Microsoft's answers before a far version", prop.ForAll(
		func(s generalScenario, v policy.Policy, from cert.Date) string {
			s.P = policy.Microsoft()
			p := policy.Microsoft()
			p.Versions = []policy.Version{{From: from, Policy: v}}
			if err := p.Validate(); err != nil {
				return err.Error()
			}
			return beforeVersion(s.P, p, from, s, &asked)
		},
		genGeneralScenario(gen.Const(policy.Microsoft())),
		genAnyGeneralPolicy(),
		genDay(day("2036-01-01"), day("2040-12-31")),
	))
	properties.TestingRun(t)
	reached(t, "G7 days asked before the version", asked[0], 900)
	reached(t, "G7 attempts before the version", asked[1], 900)
	reached(t, "G7 reminders before the version", asked[2], 900)
}

// TestPropG7_VersionsChangeNoEarlierAnswer states RULES G7: for a random
// base policy and a random version from a day near the scenario's, every
// question whose governing day is before that day (an earn day, the day
// asked, the day of a renewal or of an attempt, the day a reminder falls
// on) answers as the base policy alone.
func TestPropG7_VersionsChangeNoEarlierAnswer(t *testing.T) {
	var asked [5]int
	changed := 0
	properties := proptest.New(t)
	properties.Property("G7 a version changes no answer about an earlier day", prop.ForAll(
		func(s generalScenario, v policy.Policy, k int) string {
			from := s.On.AddDays(k)
			p := s.P
			p.Versions = []policy.Version{{From: from, Policy: v}}
			if err := p.Validate(); err != nil {
				return err.Error()
			}
			if !s.On.Before(from) && s.P.Eligibility(s.Pr, s.C, s.On) != p.Eligibility(s.Pr, s.C, s.On) {
				changed++ // the version is in force, and decides otherwise
			}
			return beforeVersion(s.P, p, from, s, &asked)
		},
		genGeneralScenario(genAnyGeneralPolicy()),
		genAnyGeneralPolicy(),
		gen.IntRange(-200, 200),
	))
	properties.TestingRun(t)
	reached(t, "G7 days asked before the version", asked[0], 300)
	reached(t, "G7 attempts before the version", asked[1], 300)
	reached(t, "G7 reminders before the version", asked[2], 300)
	reached(t, "G7 earn days before the version", asked[3], 300)
	reached(t, "G7 decisions the version changes from its From on", changed, 100)
}

// TestPropG1_GracePeriod states RULES G1: a grace period of g days changes
// no credential (Expiry, Earn and so every ActiveOn are the same as
// without it), no decision before the expiry but for GraceEnds and a first
// eligible day in grace, makes each day of [expiry, expiry+g) one of grace
// that is never decided Expired, and leaves every later day Expired. Every
// decision reads back from its JSON form unchanged.
func TestPropG1_GracePeriod(t *testing.T) {
	inGrace, before, afterGrace := 0, 0, 0
	properties := proptest.New(t)
	properties.Property("G1 the grace period", prop.ForAll(
		func(s generalScenario) string {
			p0 := s.P
			p0.GraceDays = 0
			g := s.P.GraceDays
			if diff := cmp.Diff(askEarn(p0, s), askEarn(s.P, s)); diff != "" {
				return fmt.Sprintf("Earn mismatch (-want +got):\n%s\n%v", diff, s)
			}
			cr, _ := s.Pr.Credential(s.C.ID)
			x := cr.Expires
			for _, k := range []int{-1, 0, g - 1, g} {
				if d := x.AddDays(k); !x.IsZero() && cr.ActiveOn(d) != (k < 0) {
					return fmt.Sprintf("ActiveOn(%s) = %v, %d days after the expiry\n%v", d, cr.ActiveOn(d), k, s)
				}
			}
			d0, d := p0.Eligibility(s.Pr, s.C, s.On), s.P.Eligibility(s.Pr, s.C, s.On)
			if msg := roundTrip(d); msg != "" {
				return msg + "\n" + s.String()
			}
			switch {
			case d0.Reason != policy.Expired:
				before++
				want := d0
				if !want.Window.IsZero() {
					want.GraceEnds = x.AddDays(g)
					if want.EligibleFrom.IsZero() && !d.EligibleFrom.IsZero() &&
						!d.EligibleFrom.Before(x) && d.EligibleFrom.Before(want.GraceEnds) {
						want.EligibleFrom = d.EligibleFrom // first offered in grace
					}
				}
				if diff := cmp.Diff(want, d); diff != "" {
					return fmt.Sprintf("before the expiry (-without grace +with):\n%s\n%v", diff, s)
				}
			case s.On.Before(x.AddDays(g)):
				inGrace++
				if r := d.Reason; !d.InGrace || r != policy.Eligible && r != policy.AssessmentUnavailable && r != policy.ProfileNotLinked || d.GraceEnds != x.AddDays(g) || d.Window.Closes != x {
					return fmt.Sprintf("G1 day %d of grace: %v\n%v", s.On.DaysSince(x), d, s)
				}
			default:
				afterGrace++
				if diff := cmp.Diff(d0, d); diff != "" {
					return fmt.Sprintf("after the grace period (-without grace +with):\n%s\n%v", diff, s)
				}
			}
			return ""
		},
		genGeneralScenario(genGeneralPolicy(gen.IntRange(1, 120))),
	))
	properties.TestingRun(t)
	reached(t, "G1 days before the expiry", before, 200)
	reached(t, "G1 days in grace", inGrace, 50)
	reached(t, "G1 days after the grace period", afterGrace, 20)
}

// roundTrip returns "" when d reads back from its JSON form unchanged, and
// what is wrong otherwise.
func roundTrip(d policy.Decision) string {
	data, err := json.Marshal(d)
	if err != nil {
		return err.Error()
	}
	var back policy.Decision
	if err := json.Unmarshal(data, &back); err != nil {
		return fmt.Sprintf("json.Unmarshal(%s): %v", data, err)
	}
	if diff := cmp.Diff(d, back); diff != "" {
		return "JSON round trip mismatch (-want +got):\n" + diff
	}
	return ""
}

// TestPropG4N1N3_RenewalUnderEitherBase states RULES G4, N1 and N3 for
// every policy, with either base and any grace period: a renewal's new
// expiry is the base plus the extension, after the old expiry (FromPass
// never shortens), and the new window opens after the day of the renewal.
func TestPropG4N1N3_RenewalUnderEitherBase(t *testing.T) {
	renewed := [2]int{}
	properties := proptest.New(t)
	properties.Property("G4 N1 N3 a renewal extends from its base and closes the window", prop.ForAll(
		func(s generalScenario) string {
			d := s.P.Eligibility(s.Pr, s.C, s.On)
			got, err := s.P.RenewCredential(s.Pr, s.C, s.On)
			if !d.Eligible {
				if msg := refusal(err, d.Reason); msg != "" {
					return msg + "\n" + s.String()
				}
				return ""
			}
			if err != nil {
				return fmt.Sprintf("RenewCredential on an eligible day: %v\n%v", err, s)
			}
			renewed[s.P.ExtendFrom]++
			old, _ := s.Pr.Credential(s.C.ID)
			base := old.Expires
			if s.P.ExtendFrom == policy.FromPass {
				base = s.On
			}
			if diff := cmp.Diff(cert.Credential{Cert: old.Cert, Earned: old.Earned, Expires: base.AddMonths(s.P.ExtensionMonths)}, got); diff != "" {
				return fmt.Sprintf("G4 renewed credential mismatch (-want +got):\n%s\n%v", diff, s)
			}
			if !got.Expires.After(old.Expires) {
				return fmt.Sprintf("N1 the renewal on %s shortened %s to %s\n%v", s.On, old.Expires, got.Expires, s)
			}
			after := s.P.Eligibility(s.Pr.With(got), s.C, s.On)
			if after.Reason != policy.NotYetOpen || !after.Window.Opens.After(s.On) {
				return fmt.Sprintf("N3 after the renewal on %s: %v\n%v", s.On, after, s)
			}
			return ""
		},
		genGeneralScenario(genAnyGeneralPolicy()),
	))
	properties.TestingRun(t)
	reached(t, "G4 renewals from the expiry", renewed[policy.FromExpiry], 100)
	reached(t, "G4 renewals from the pass", renewed[policy.FromPass], 100)
}

// TestPropG8_ProgramAnswersAsItsPolicy states RULES G8: a title of program
// X, under a policy whose Programs list X's policy q, is answered exactly as
// q answers it, versions of q and all.
func TestPropG8_ProgramAnswersAsItsPolicy(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G8 a program's title answers as its program's policy", prop.ForAll(
		func(s generalScenario, outer, v policy.Policy, versioned bool, k int) string {
			q := s.P
			if versioned {
				q.Versions = []policy.Version{{From: s.On.AddDays(k), Policy: v}}
			}
			p := outer
			p.Programs = []policy.Program{{Name: "other-program", Policy: v}, {Name: "prog-x", Policy: q}}
			if err := p.Validate(); err != nil {
				return err.Error()
			}
			s.C.Program = "prog-x"
			return sameAnswers(q, p, s)
		},
		genGeneralScenario(genAnyGeneralPolicy()),
		genAnyGeneralPolicy(),
		genAnyGeneralPolicy(),
		gen.Bool(),
		gen.IntRange(-200, 200),
	))
	properties.TestingRun(t)
}

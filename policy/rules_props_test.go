package policy_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
	"github.com/certrenew/certrenew/policy"
)

// The properties of this file state, one rule each, the rules that the
// broader properties of props_test.go check only together. Each counts the
// cases that reach the rule, so that a generator that stops reaching them
// fails the test rather than passing it unseen.

// reached fails t when fewer than min of the cases reached the rule.
func reached(t *testing.T, rule string, n, min int) {
	t.Helper()
	if n < min {
		t.Errorf("%s: only %d cases reached the rule, want at least %d", rule, n, min)
	}
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

// TestPropE1toE4_EachRuleOfEligibility states RULES E1 to E4 one by one, for
// every decision: an eligible day is a day the credential is active (E1),
// inside its window (E2), on or after the assessment's first day (E3), for
// a linked profile (E4); and each refusal names the rule that fails.
func TestPropE1toE4_EachRuleOfEligibility(t *testing.T) {
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
func TestPropE6_UnknownFirstDayIsOffered(t *testing.T) {
	n := 0
	properties := proptest.New(t)
	properties.Property("E6 with no day known, the assessment is offered", prop.ForAll(
		func(p policy.Policy, earned cert.Date, after int, linked bool) string {
			on := earned.AddDays(after)
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
		genPolicy(), genNearDay(), gen.IntRange(-30, 5*365), gen.Bool(),
	))
	properties.TestingRun(t)
	reached(t, "E6", n, 50)
}

// later returns the later of two days.
func later(a, b cert.Date) cert.Date {
	if a.After(b) {
		return a
	}
	return b
}

// TestPropN4N3_RenewEveryYear states RULES N4 and N3: renewing on the first
// eligible day of each window succeeds every time, without limit; each
// renewal adds the extension to the expiry before it, and leaves the window
// closed until the next one opens, with every reminder in the next window.
func TestPropN4N3_RenewEveryYear(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("N4 N3 a renewal every cycle, each closing the window", prop.ForAll(
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

// TestPropR1_ExpertNeedsAnActivePrerequisite states RULES R1 and R1b: an
// expert title is earned exactly when one of its prerequisites is active
// that day, and a launch day after the day earned refuses nothing.
func TestPropR1_ExpertNeedsAnActivePrerequisite(t *testing.T) {
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

// TestPropR3_EachCredentialItsOwnLifecycle states RULES R3 and R2: the
// decision on an expert credential does not depend on its associate
// prerequisite, held, expired or gone.
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

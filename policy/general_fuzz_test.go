package policy_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// The flags of FuzzGeneral.
const (
	genFromPass  = 1 << iota // extend from the pass (RULES G4)
	genLinked                // the profile is linked (RULES E4)
	genVersion               // a version of Microsoft's policy from the day given (RULES G7)
	genProgram               // the title's program is the general policy's (RULES G8)
	genHeld                  // the holder holds the title
	genLadder                // a retake ladder with a cap (RULES G5, G6)
	genReminders             // reminders when the window opens, 30 days before, and a notice 400 days before (RULES G3)
)

// generalFuzzInput builds a valid general policy and a holder from raw
// values: days as counts from 2021-06-01, a window and a grace period in
// days, and flags.
func generalFuzzInput(earned, expires, on, from int32, window, grace uint16, flags uint8) (policy.Policy, cert.Profile, cert.Certification, cert.Date) {
	g := policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      1 + int(window%300),
		GraceDays:       int(grace % 200),
		ExtensionMonths: 24,
	}
	if flags&genFromPass != 0 {
		g.ExtendFrom = policy.FromPass
	}
	if flags&genLadder != 0 {
		g.Retakes = assessment.Retakes{Wait: 24 * time.Hour}
		g.RetakesThen = []time.Duration{14 * 24 * time.Hour}
		g.RetakesCap, g.RetakesSpan = 3, 365*24*time.Hour
	}
	if flags&genReminders != 0 {
		g.Schedule = policy.Schedule{AtWindowOpens: true, AtFirstEligibleDay: true, BeforeEligible: true, DaysBefore: []int{400, 30}}
	}
	c := cert.Certification{ID: "contoso-fuzz", Level: cert.Specialty}
	p := g
	switch {
	case flags&genProgram != 0:
		p = policy.Microsoft()
		p.Programs = []policy.Program{{Name: "contoso", Policy: g}}
		c.Program = "contoso"
	case flags&genVersion != 0:
		p = policy.Microsoft()
		if d := fuzzDay(from); !d.IsZero() {
			p.Versions = []policy.Version{{From: d, Policy: g}}
		}
	}
	pr := cert.Profile{MCID: "990012345"}
	if flags&genLinked != 0 {
		pr.Learn = "learn-holder"
	}
	if flags&genHeld != 0 {
		pr.Credentials = append(pr.Credentials, cert.Credential{Cert: c.ID, Earned: fuzzDay(earned), Expires: fuzzDay(expires)})
	}
	return p, withSpare(pr), c, fuzzDay(on)
}

// FuzzGeneral feeds the questions and the renewal of a general policy
// (RULES G1-G8) from raw values. It checks that the Decision is one that
// reads back from its JSON form, that a grace period never makes a day
// Expired before it ends nor a credential active after its expiry, that a
// renewal never shortens a credential and closes its window (RULES N3),
// that the reminders keep RULES M1 and M2, and that no input is changed.
func FuzzGeneral(f *testing.F) {
	all := uint8(genLinked | genHeld)
	f.Add(int32(0), int32(730), int32(700), int32(0), uint16(59), uint16(30), all)                         // Google-like: in the window
	f.Add(int32(0), int32(730), int32(745), int32(0), uint16(59), uint16(30), all|genFromPass)             // in grace, extended from the pass
	f.Add(int32(0), int32(730), int32(760), int32(0), uint16(59), uint16(30), all)                         // the day the grace ends
	f.Add(int32(0), int32(730), int32(700), int32(600), uint16(179), uint16(0), all|genVersion)            // a version from a later day
	f.Add(int32(0), int32(730), int32(700), int32(0), uint16(89), uint16(90), all|genProgram|genReminders) // a program of its own
	f.Add(int32(0), int32(730), int32(729), int32(0), uint16(0), uint16(199), all|genLadder)               // the last day of the window
	f.Fuzz(func(t *testing.T, earned, expires, on, from int32, window, grace uint16, flags uint8) {
		p, pr, c, when := generalFuzzInput(earned, expires, on, from, window, grace, flags)
		if err := p.Validate(); err != nil {
			t.Fatalf("the fuzz policy is invalid: %v", err)
		}
		before, pol := snap(pr), clonePolicy(p)
		d := p.Eligibility(pr, c, when)
		if !d.Reason.IsValid() || d.Eligible != (d.Reason == policy.Eligible) {
			t.Fatalf("inconsistent Decision %v", d)
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("Marshal(%v): %v", d, err)
		}
		var back policy.Decision
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("the Decision %v does not read back from %s: %v", d, b, err)
		}
		if diff := cmp.Diff(d, back); diff != "" {
			t.Fatalf("JSON round trip of %v (-want +got):\n%s", d, diff)
		}
		q := p.For(c).At(when)
		cr, held := pr.Credential(c.ID)
		if held && cr.Expires.After(cr.Earned) && !when.Before(cr.Earned) && !when.Before(cr.Expires) {
			// On or after the expiry: active never (G1), and Expired
			// exactly from the end of the grace period.
			if cr.ActiveOn(when) {
				t.Fatalf("%v is active on %s, after its expiry", cr, when)
			}
			inGrace := q.GraceDays > 0 && when.DaysSince(cr.Expires) < q.GraceDays && d.Reason != policy.NotHeld
			if inGrace != d.InGrace || inGrace == (d.Reason == policy.Expired) {
				t.Fatalf("on %s, %d days after the expiry of %v, with %d days of grace: %v", when, when.DaysSince(cr.Expires), cr, q.GraceDays, d)
			}
		}
		if d.Eligible {
			renewed, err := p.RenewCredential(pr, c, when)
			switch {
			case err != nil && !isOnly(err, policy.ErrDateOutOfRange):
				t.Fatalf("RenewCredential on an eligible day %s: %v", when, err)
			case err == nil && !renewed.Expires.After(cr.Expires):
				t.Fatalf("a renewal on %s shortened %v to %v", when, cr, renewed)
			case err == nil:
				after := p.Eligibility(pr.With(renewed), c, when)
				if after.Reason != policy.NotYetOpen {
					t.Fatalf("RULES N3: after a renewal on %s, %v gives %v", when, renewed, after)
				}
			}
		}
		if held {
			var buf [policy.MaxReminders]cert.Date
			days := p.AppendReminders(buf[:0], c, cr)
			ascending := slices.IsSortedFunc(days, func(a, b cert.Date) int { return a.Compare(b) }) &&
				len(slices.Compact(slices.Clone(days))) == len(days)
			if len(days) > policy.MaxReminders || !ascending {
				t.Fatalf("reminders %v break RULES M1", days)
			}
			for _, r := range days {
				if !r.Before(cr.Expires) || r.Before(cr.Earned) {
					t.Fatalf("reminder %s outside [%s, %s) (RULES M2)", r, cr.Earned, cr.Expires)
				}
			}
		}
		if diff := before.diff(pr); diff != "" {
			t.Fatalf("the profile changed (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(pol, p); diff != "" {
			t.Fatalf("the policy changed (-want +got):\n%s", diff)
		}
	})
}

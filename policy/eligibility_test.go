package policy_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// decisionCase is one row of the eligibility tables: the whole Decision
// expected, with "" for a zero day.
type decisionCase struct {
	name                string
	pr                  cert.Profile
	c                   cert.Certification
	on                  string
	reason              policy.Reason
	opens, eligibleFrom string
}

// run checks each case against Microsoft's policy.
func runEligibility(t *testing.T, p policy.Policy, tests []decisionCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr, _ := tt.pr.Credential(tt.c.ID)
			want := policy.Decision{
				Eligible: tt.reason == policy.Eligible,
				Reason:   tt.reason,
			}
			var on cert.Date
			if tt.on != "" {
				on = day(tt.on)
			}
			if tt.opens != "" {
				want.Window = policy.Window{Opens: day(tt.opens), Closes: cr.Expires}
			}
			if tt.eligibleFrom != "" {
				want.EligibleFrom = day(tt.eligibleFrom)
			}
			if diff := cmp.Diff(want, p.Eligibility(tt.pr, tt.c, on)); diff != "" {
				t.Errorf("Eligibility(%s, %s) mismatch (-want +got):\n%s", tt.c.ID, tt.on, diff)
			}
		})
	}
}

// TestE1_OnlyActiveRoleBasedOrSpecialtyRenews checks RULES E1: a
// fundamentals credential, an expired one and one not yet earned cannot be
// renewed.
func TestE1_OnlyActiveRoleBasedOrSpecialtyRenews(t *testing.T) {
	admin, sap := title("azure-administrator"), title("azure-for-sap-workloads")
	runEligibility(t, policy.Microsoft(), []decisionCase{
		{"E1 fundamentals never expires", linked(cred(fundamentals.ID, "2021-03-01", "")), fundamentals, "2022-03-01", policy.NeverExpires, "", ""},
		{"E1 an associate with no expiry day never expires", linked(cred(admin.ID, "2021-03-01", "")), admin, "2022-03-01", policy.NeverExpires, "", ""},
		{"E1 an associate the day before it expires", linked(cred(admin.ID, "2021-06-01", "2022-06-01")), admin, "2022-05-31", policy.Eligible, "2021-12-01", "2021-12-01"},
		{"E1 an associate on its expiry", linked(cred(admin.ID, "2021-06-01", "2022-06-01")), admin, "2022-06-01", policy.Expired, "", ""},
		{"E1 an associate the day after", linked(cred(admin.ID, "2021-06-01", "2022-06-01")), admin, "2022-06-02", policy.Expired, "", ""},
		{"E1 a specialty the day before it expires", linked(cred(sap.ID, "2021-06-01", "2022-06-01")), sap, "2022-05-31", policy.Eligible, "2021-12-01", "2021-12-01"},
		{"E1 a specialty on its expiry", linked(cred(sap.ID, "2021-06-01", "2022-06-01")), sap, "2022-06-01", policy.Expired, "", ""},
		{"E1 a credential that expires before it was earned is expired when held", linked(cred(admin.ID, "2022-06-01", "2022-01-01")), admin, "2022-06-01", policy.Expired, "", ""},
		{"E1 a credential that expires the day it was earned", linked(cred(admin.ID, "2022-06-01", "2022-06-01")), admin, "2022-06-01", policy.Expired, "", ""},
	})
}

// TestE2_WindowOpensSixMonthsBeforeExpiry checks RULES E2: the window is
// [X - 6 months, X), with no renewal before it opens.
func TestE2_WindowOpensSixMonthsBeforeExpiry(t *testing.T) {
	admin := title("azure-administrator")
	nov := linked(cred(admin.ID, "2021-11-16", "2022-11-16"))
	aug := linked(cred(admin.ID, "2021-08-31", "2022-08-31"))
	old := linked(cred(admin.ID, "2020-05-20", "2022-05-20"))
	runEligibility(t, policy.Microsoft(), []decisionCase{
		{"E2 the day before the window opens", nov, admin, "2022-05-15", policy.NotYetOpen, "2022-05-16", "2022-05-16"},
		{"E2 the day the window opens", nov, admin, "2022-05-16", policy.Eligible, "2022-05-16", "2022-05-16"},
		{"E2 the day after it opens", nov, admin, "2022-05-17", policy.Eligible, "2022-05-16", "2022-05-16"},
		{"E2 the last day, X-1", nov, admin, "2022-11-15", policy.Eligible, "2022-05-16", "2022-05-16"},
		{"E2 the expiry X closes the window", nov, admin, "2022-11-16", policy.Expired, "", ""},
		{"E2 the day after X", nov, admin, "2022-11-17", policy.Expired, "", ""},
		{"E2 the day earned is long before the window", nov, admin, "2021-11-16", policy.NotYetOpen, "2022-05-16", "2022-05-16"},
		{"E2 X=2022-08-31 clamps the opening to 2022-02-28: the day before", aug, admin, "2022-02-27", policy.NotYetOpen, "2022-02-28", "2022-02-28"},
		{"E2 X=2022-08-31: the opening day 2022-02-28", aug, admin, "2022-02-28", policy.Eligible, "2022-02-28", "2022-02-28"},
		{"E2 X=2022-08-31: the day after, 2022-03-01", aug, admin, "2022-03-01", policy.Eligible, "2022-02-28", "2022-02-28"},
		{"E2 X=2022-08-31: the last day", aug, admin, "2022-08-30", policy.Eligible, "2022-02-28", "2022-02-28"},
		{"E2 a 24-month credential: the day before", old, admin, "2021-11-19", policy.NotYetOpen, "2021-11-20", "2021-11-20"},
		{"E2 a 24-month credential: the opening day", old, admin, "2021-11-20", policy.Eligible, "2021-11-20", "2021-11-20"},
	})
	// A custom window of 3 months.
	p := policy.Microsoft()
	p.WindowMonths = 3
	runEligibility(t, p, []decisionCase{
		{"E2 a 3-month window: the day before", nov, admin, "2022-08-15", policy.NotYetOpen, "2022-08-16", "2022-08-16"},
		{"E2 a 3-month window: the opening day", nov, admin, "2022-08-16", policy.Eligible, "2022-08-16", "2022-08-16"},
	})
}

// TestE3_AssessmentOfferedFromItsFirstDay checks RULES E3: before the first
// day of a title's renewal assessment nobody can renew it; the roadmap gives
// that day, else the launch day plus 6 months.
func TestE3_AssessmentOfferedFromItsFirstDay(t *testing.T) {
	admin, ai := title("azure-administrator"), title("azure-ai-engineer")
	// Earned 2019-03-10 for 24 months: the window opens 2020-09-10,
	// before either wave.
	wave1 := linked(cred(admin.ID, "2019-03-10", "2021-03-10"))
	wave2 := linked(cred(ai.ID, "2019-03-10", "2021-03-10"))
	// Earned 2019-06-10: the window opens 2020-12-10; launchedOnly is
	// offered from 2020-08-31 + 6 months = 2021-02-28.
	launched := linked(cred(launchedOnly.ID, "2019-06-10", "2021-06-10"))
	runEligibility(t, policy.Microsoft(), []decisionCase{
		{"E3 wave 1: the day before 2021-02-01", wave1, admin, "2021-01-31", policy.AssessmentUnavailable, "2020-09-10", "2021-02-01"},
		{"E3 wave 1: 2021-02-01", wave1, admin, "2021-02-01", policy.Eligible, "2020-09-10", "2021-02-01"},
		{"E3 wave 1: the day after", wave1, admin, "2021-02-02", policy.Eligible, "2020-09-10", "2021-02-01"},
		{"E3 wave 1: the day the window opened", wave1, admin, "2020-09-10", policy.AssessmentUnavailable, "2020-09-10", "2021-02-01"},
		{"E3 wave 2: the day before 2021-02-15", wave2, ai, "2021-02-14", policy.AssessmentUnavailable, "2020-09-10", "2021-02-15"},
		{"E3 wave 2: 2021-02-15", wave2, ai, "2021-02-15", policy.Eligible, "2020-09-10", "2021-02-15"},
		{"E3 wave 2: the day after", wave2, ai, "2021-02-16", policy.Eligible, "2020-09-10", "2021-02-15"},
		{"E3 launched only: the day before Launched+6 months", launched, launchedOnly, "2021-02-27", policy.AssessmentUnavailable, "2020-12-10", "2021-02-28"},
		{"E3 launched only: Launched+6 months, clamped to 2021-02-28", launched, launchedOnly, "2021-02-28", policy.Eligible, "2020-12-10", "2021-02-28"},
		{"E3 launched only: the day after", launched, launchedOnly, "2021-03-01", policy.Eligible, "2020-12-10", "2021-02-28"},
		{"E3 the window opens after the assessment: EligibleFrom is the opening", linked(cred(ai.ID, "2021-11-16", "2022-11-16")), ai, "2022-05-15", policy.NotYetOpen, "2022-05-16", "2022-05-16"},
		{"E3 not yet open comes before not offered", linked(cred(admin.ID, "2019-06-10", "2021-06-10")), admin, "2020-12-09", policy.NotYetOpen, "2020-12-10", "2021-02-01"},
		{"E3 EligibleFrom is the day earned when it is later", linked(cred(admin.ID, "2022-05-20", "2022-08-01")), admin, "2022-05-20", policy.Eligible, "2022-02-01", "2022-05-20"},
		{"E3 offered only after the expiry: no EligibleFrom", linked(cred(admin.ID, "2019-01-15", "2021-01-15")), admin, "2021-01-14", policy.AssessmentUnavailable, "2020-07-15", ""},
		{"E3 offered from the expiry day itself: no EligibleFrom", linked(cred(admin.ID, "2019-02-01", "2021-02-01")), admin, "2021-01-31", policy.AssessmentUnavailable, "2020-08-01", ""},
		{"E3 offered from the last day: EligibleFrom is that day", linked(cred(admin.ID, "2019-02-02", "2021-02-02")), admin, "2021-02-01", policy.Eligible, "2020-08-02", "2021-02-01"},
	})
	// RenewalFrom wins over Launched; a custom market age applies to
	// Launched.
	p := policy.Microsoft()
	p.MarketAgeMonths = 3
	both := cert.Certification{ID: "contoso-both", Level: cert.Associate, Launched: day("2020-08-31"), RenewalFrom: day("2021-04-01")}
	runEligibility(t, p, []decisionCase{
		{"E3 a 3-month market age: the day before 2020-11-30", linked(cred(launchedOnly.ID, "2018-12-10", "2020-12-10")), launchedOnly, "2020-11-29", policy.AssessmentUnavailable, "2020-06-10", "2020-11-30"},
		{"E3 a 3-month market age: 2020-11-30", linked(cred(launchedOnly.ID, "2018-12-10", "2020-12-10")), launchedOnly, "2020-11-30", policy.Eligible, "2020-06-10", "2020-11-30"},
		{"E3 RenewalFrom wins over Launched: the day before", linked(cred(both.ID, "2019-06-10", "2021-06-10")), both, "2021-03-31", policy.AssessmentUnavailable, "2020-12-10", "2021-04-01"},
		{"E3 RenewalFrom wins over Launched: the day", linked(cred(both.ID, "2019-06-10", "2021-06-10")), both, "2021-04-01", policy.Eligible, "2020-12-10", "2021-04-01"},
	})
}

// TestE4_ProfileMustBeLinked checks RULES E4: an unlinked profile cannot
// renew, and that reason comes only after every other check passes.
func TestE4_ProfileMustBeLinked(t *testing.T) {
	admin := title("azure-administrator")
	cr := cred(admin.ID, "2021-11-16", "2022-11-16")
	runEligibility(t, policy.Microsoft(), []decisionCase{
		{"E4 unlinked on the day before the window: not yet open", unlinked(cr), admin, "2022-05-15", policy.NotYetOpen, "2022-05-16", "2022-05-16"},
		{"E4 unlinked on the opening day", unlinked(cr), admin, "2022-05-16", policy.ProfileNotLinked, "2022-05-16", "2022-05-16"},
		{"E4 unlinked on the day after", unlinked(cr), admin, "2022-05-17", policy.ProfileNotLinked, "2022-05-16", "2022-05-16"},
		{"E4 unlinked on the last day", unlinked(cr), admin, "2022-11-15", policy.ProfileNotLinked, "2022-05-16", "2022-05-16"},
		{"E4 unlinked on the expiry: expired", unlinked(cr), admin, "2022-11-16", policy.Expired, "", ""},
		{"E4 linked on the opening day", linked(cr), admin, "2022-05-16", policy.Eligible, "2022-05-16", "2022-05-16"},
		{"E4 unlinked before the assessment: unavailable", unlinked(cred(admin.ID, "2019-03-10", "2021-03-10")), admin, "2021-01-31", policy.AssessmentUnavailable, "2020-09-10", "2021-02-01"},
	})
}

// TestE5_FirstFailingRuleIsNamed checks RULES E5's fixed order: where
// several rules fail at once, the first in order is named.
func TestE5_FirstFailingRuleIsNamed(t *testing.T) {
	admin, ai := title("azure-administrator"), title("azure-ai-engineer")
	other := cred(title("azure-developer").ID, "2021-01-10", "2023-01-10")
	runEligibility(t, policy.Microsoft(), []decisionCase{
		{"E5 not held: an empty profile", unlinked(), admin, "2022-01-10", policy.NotHeld, "", ""},
		{"E5 not held: only other titles held", unlinked(other), admin, "2022-01-10", policy.NotHeld, "", ""},
		{"E5 not held: the day before Earned", unlinked(cred(admin.ID, "2021-11-16", "2022-11-16")), admin, "2021-11-15", policy.NotHeld, "", ""},
		{"E5 not held: the zero day", linked(cred(admin.ID, "2021-11-16", "2022-11-16")), admin, "", policy.NotHeld, "", ""},
		{"E5 not held: a credential with no Earned day", linked(cred(admin.ID, "", "2022-11-16")), admin, "2022-06-01", policy.NotHeld, "", ""},
		{"E5 not held before never expires: fundamentals, the day before Earned", unlinked(cred(fundamentals.ID, "2021-03-01", "")), fundamentals, "2021-02-28", policy.NotHeld, "", ""},
		{"E5 never expires before expired: fundamentals with a past expiry", unlinked(cred(fundamentals.ID, "2021-03-01", "2021-04-01")), fundamentals, "2022-03-01", policy.NeverExpires, "", ""},
		{"E5 expired before not linked", unlinked(cred(admin.ID, "2021-06-01", "2022-06-01")), admin, "2022-06-01", policy.Expired, "", ""},
		{"E5 not yet open before unavailable and not linked", unlinked(cred(ai.ID, "2019-06-10", "2021-06-10")), ai, "2020-12-09", policy.NotYetOpen, "2020-12-10", "2021-02-15"},
		{"E5 unavailable before not linked", unlinked(cred(ai.ID, "2019-06-10", "2021-06-10")), ai, "2021-02-14", policy.AssessmentUnavailable, "2020-12-10", "2021-02-15"},
		{"E5 not linked last", unlinked(cred(ai.ID, "2019-06-10", "2021-06-10")), ai, "2021-02-15", policy.ProfileNotLinked, "2020-12-10", "2021-02-15"},
		{"E5 eligible", linked(cred(ai.ID, "2019-06-10", "2021-06-10"), other), ai, "2021-02-15", policy.Eligible, "2020-12-10", "2021-02-15"},
		{"E5 the first credential for an ID counts", linked(cred(admin.ID, "2021-11-16", "2022-11-16"), cred(admin.ID, "2019-01-01", "2021-01-01")), admin, "2022-05-16", policy.Eligible, "2022-05-16", "2022-05-16"},
		{"E2 a window that would open before 0001-01-01 opens on it", linked(cred("x", "0001-01-01", "0001-03-01")), cert.Certification{ID: "x", Level: cert.Associate}, "0001-01-05", policy.Eligible, "0001-01-01", "0001-01-01"},
		{"E5 a certification with no level is no title: not held", linked(cred("x", "2021-11-16", "2022-11-16")), cert.Certification{ID: "x"}, "2022-05-16", policy.NotHeld, "", ""},
		{"E5 a certification with an unknown level is no title: not held", linked(cred("x", "2021-11-16", "2022-11-16")), cert.Certification{ID: "x", Level: 9}, "2022-05-16", policy.NotHeld, "", ""},
	})
}

// TestE6_NoDaysMeansOffered checks RULES E6: a title with neither a first
// renewal day nor a launch day counts as offered.
func TestE6_NoDaysMeansOffered(t *testing.T) {
	cr := cred(undated.ID, "2015-03-10", "2017-03-10")
	runEligibility(t, policy.Microsoft(), []decisionCase{
		{"E6 the day before the window", linked(cr), undated, "2016-09-09", policy.NotYetOpen, "2016-09-10", "2016-09-10"},
		{"E6 the opening day, long before any roadmap wave", linked(cr), undated, "2016-09-10", policy.Eligible, "2016-09-10", "2016-09-10"},
		{"E6 the day after", linked(cr), undated, "2016-09-11", policy.Eligible, "2016-09-10", "2016-09-10"},
		{"E6 the last day", linked(cr), undated, "2017-03-09", policy.Eligible, "2016-09-10", "2016-09-10"},
	})
	// E6 is for a day not known: a launch day whose market age ends after
	// 9999-12-31 gives an assessment that is never offered.
	never := cert.Certification{ID: "late", Level: cert.Associate, Launched: day("9999-07-01")}
	lastOffered := cert.Certification{ID: "late", Level: cert.Associate, Launched: day("9999-06-30")}
	late := cred("late", "9999-01-01", "9999-12-31")
	runEligibility(t, policy.Microsoft(), []decisionCase{
		{"E6 never offered: not before the window", linked(late), never, "9999-06-29", policy.NotYetOpen, "9999-06-30", ""},
		{"E6 never offered: unavailable on the opening day", linked(late), never, "9999-06-30", policy.AssessmentUnavailable, "9999-06-30", ""},
		{"E6 never offered: unavailable on the last day", linked(late), never, "9999-12-30", policy.AssessmentUnavailable, "9999-06-30", ""},
		{"E3 offered from 9999-12-30, the last day of the window", linked(cred("late", "9999-01-01", "9999-12-31")), lastOffered, "9999-12-30", policy.Eligible, "9999-06-30", "9999-12-30"},
	})
}

// TestDecision checks the window's last day, the error text and Unwrap.
func TestDecision(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	pr := linked(cred(admin.ID, "2021-11-16", "2022-11-16"))
	tests := []struct {
		name     string
		on       string
		lastDay  string
		contains []string
	}{
		{"E2 not yet open", "2022-05-15", "2022-11-15", []string{"renewal window not yet open", "renewal from 2022-05-16"}},
		{"E2 eligible", "2022-05-16", "2022-11-15", nil},
		{"E1 expired", "2022-11-16", "", []string{"expired"}},
		{"E5 not held", "2021-11-15", "", []string{"not held"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := p.Eligibility(pr, admin, day(tt.on))
			var want cert.Date
			if tt.lastDay != "" {
				want = day(tt.lastDay)
			}
			if diff := cmp.Diff(want, d.Window.Last()); diff != "" {
				t.Errorf("Window.Last mismatch (-want +got):\n%s", diff)
			}
			_, err := p.Renew(pr, admin, day(tt.on))
			if d.Eligible {
				if err != nil {
					t.Errorf("Renew on an eligible day = %v", err)
				}
				return
			}
			var ne *policy.NotEligibleError
			if !errors.As(err, &ne) || !errors.Is(err, policy.ErrNotEligible) || !errors.Is(err, d.Reason.Err()) {
				t.Fatalf("Renew = %v, want a *NotEligibleError matching ErrNotEligible and %v", err, d.Reason.Err())
			}
			wantErr := policy.NotEligibleError{Op: "renew", Cert: admin.ID, On: day(tt.on), Decision: d}
			if diff := cmp.Diff(wantErr, *ne); diff != "" {
				t.Errorf("NotEligibleError mismatch (-want +got):\n%s", diff)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, `policy: cannot renew "azure-administrator" on `+tt.on+": ") {
				t.Errorf("Error() = %q, want it to name the operation, title and day", msg)
			}
			for _, s := range tt.contains {
				if !strings.Contains(msg, s) {
					t.Errorf("Error() = %q, want it to mention %q", msg, s)
				}
			}
		})
	}
	t.Run("E5 every reason has its words", func(t *testing.T) {
		words := map[policy.Reason]string{
			policy.NotHeld:               "not held",
			policy.NeverExpires:          "never expires",
			policy.Expired:               "expired",
			policy.NotYetOpen:            "not yet open",
			policy.AssessmentUnavailable: "not offered yet",
			policy.ProfileNotLinked:      "not linked",
			policy.Eligible:              "eligible",
		}
		for r, w := range words {
			e := &policy.NotEligibleError{Op: "renew", Cert: "azure-administrator", Decision: policy.Decision{Reason: r}}
			if !strings.Contains(e.Error(), w) {
				t.Errorf("%v: Error() = %q, want it to mention %q", r, e.Error(), w)
			}
		}
		// The zero Decision decides nothing, and says so.
		if msg := (&policy.NotEligibleError{Op: "renew"}).Error(); !strings.Contains(msg, "undecided") {
			t.Errorf("zero Decision: Error() = %q, want it to say undecided", msg)
		}
	})
}

// TestReason checks String, MarshalText and UnmarshalText, including values
// that are no reason.
func TestReason(t *testing.T) {
	names := []string{"NotHeld", "NeverExpires", "Expired", "NotYetOpen", "AssessmentUnavailable", "ProfileNotLinked", "Eligible"}
	for i, name := range names {
		r := policy.Reason(i + 1)
		t.Run("E5 "+name, func(t *testing.T) {
			if !r.IsValid() || r.String() != name {
				t.Errorf("Reason(%d): IsValid %v, String %q, want %q", i+1, r.IsValid(), r.String(), name)
			}
			text, err := r.MarshalText()
			if err != nil || string(text) != name {
				t.Errorf("MarshalText = %q, %v, want %q", text, err, name)
			}
			var got policy.Reason
			if err := got.UnmarshalText([]byte(name)); err != nil || got != r {
				t.Errorf("UnmarshalText(%q) = %v, %v, want %v", name, got, err, r)
			}
		})
	}
	// The order of the constants is the order of the checks (RULES E5).
	order := []policy.Reason{policy.NotHeld, policy.NeverExpires, policy.Expired, policy.NotYetOpen, policy.AssessmentUnavailable, policy.ProfileNotLinked, policy.Eligible}
	for i, r := range order {
		if r != policy.Reason(i+1) {
			t.Errorf("E5 %v = %d, want %d", r, r, i+1)
		}
	}
	for _, tt := range []struct {
		r    policy.Reason
		want string
	}{{8, "Reason(8)"}, {9, "Reason(9)"}, {255, "Reason(255)"}} {
		t.Run("E5 "+tt.want, func(t *testing.T) {
			if tt.r.IsValid() || tt.r.String() != tt.want {
				t.Errorf("IsValid %v, String %q, want %q", tt.r.IsValid(), tt.r.String(), tt.want)
			}
			text, err := tt.r.MarshalText()
			if !errors.Is(err, policy.ErrUnknownReason) || text != nil {
				t.Errorf("MarshalText = %q, %v, want ErrUnknownReason", text, err)
			}
			if err != nil && !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name %q", err, tt.want)
			}
		})
	}
	// The zero Reason, the zero Decision's, is empty text both ways.
	if r := policy.Reason(0); r.IsValid() || r.String() != "Reason(0)" {
		t.Errorf("the zero Reason: IsValid %v, String %q", r.IsValid(), r.String())
	}
	if text, err := policy.Reason(0).MarshalText(); err != nil || len(text) != 0 {
		t.Errorf("the zero Reason: MarshalText = %q, %v, want empty text", text, err)
	}
	if r := policy.Eligible; r.UnmarshalText(nil) != nil || r != 0 {
		t.Errorf("UnmarshalText of empty text = %v, want the zero Reason", r)
	}
	if b, err := json.Marshal(policy.Decision{}); err != nil || string(b) != `{"eligible":false,"reason":""}` {
		t.Errorf("json.Marshal of the zero Decision = %s, %v", b, err)
	}
	for _, text := range []string{"eligible", "ELIGIBLE", "Reason(9)", " Eligible", "Eligible\n", "0", "7"} {
		t.Run("E5 unmarshal "+text, func(t *testing.T) {
			r := policy.NotYetOpen
			err := r.UnmarshalText([]byte(text))
			if !errors.Is(err, policy.ErrUnknownReason) {
				t.Errorf("UnmarshalText(%q): %v, want ErrUnknownReason", text, err)
			}
			if r != policy.NotYetOpen {
				t.Errorf("UnmarshalText(%q) changed the reason to %v", text, r)
			}
		})
	}
	// In JSON, a Decision's reason is its name.
	d := policy.Decision{Reason: policy.Expired}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatalf("json.Marshal(Decision): %v", err)
	}
	if !strings.Contains(string(b), `"reason":"Expired"`) {
		t.Errorf("json.Marshal(Decision) = %s, want the reason by name", b)
	}
	var back policy.Decision
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(%s): %v", b, err)
	}
	if diff := cmp.Diff(d, back); diff != "" {
		t.Errorf("Decision JSON round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestWindow checks the half-open window of a Decision (RULES D2, E2), and
// that Renew's refusal names the title, the day and the reason.
func TestWindow(t *testing.T) {
	w := window("2022-05-16", "2022-11-16")
	for _, tt := range []struct {
		on   string
		want bool
	}{
		{"2022-05-15", false}, {"2022-05-16", true}, {"2022-05-17", true},
		{"2022-11-15", true}, {"2022-11-16", false}, {"2022-11-17", false},
	} {
		if got := w.Contains(day(tt.on)); got != tt.want {
			t.Errorf("E2 %v.Contains(%s) = %v, want %v", w, tt.on, got, tt.want)
		}
	}
	if got := w.Last(); got != day("2022-11-15") {
		t.Errorf("D2 Last() = %s, want 2022-11-15", got)
	}
	if got := w.String(); got != "[2022-05-16, 2022-11-16)" {
		t.Errorf("String() = %q", got)
	}
	var zero policy.Window
	if !zero.IsZero() || w.IsZero() || zero.String() != "" || !zero.Last().IsZero() || zero.Contains(day("2022-06-01")) || zero.Contains(cert.Date{}) {
		t.Errorf("the zero Window: IsZero %v, String %q, Last %q", zero.IsZero(), zero.String(), zero.Last())
	}

	p := policy.Microsoft()
	admin := title("azure-administrator")
	pr := linked(cred(admin.ID, "2021-11-16", "2022-11-16"))
	_, err := p.Renew(pr, admin, day("2022-05-15"))
	for _, s := range []string{"policy: ", `"azure-administrator"`, "2022-05-15", "renewal window not yet open", "renewal from 2022-05-16"} {
		if err == nil || !strings.Contains(err.Error(), s) {
			t.Errorf("E5 Renew's error %v does not mention %q", err, s)
		}
	}
}

// TestWindowJSON checks the window's JSON form: its days and its last day
// (RULES D2, E2), read back as written, and a last day that does not match
// refused.
func TestWindowJSON(t *testing.T) {
	w := window("2022-01-15", "2022-07-15")
	b, err := json.Marshal(w)
	if err != nil || string(b) != `{"opens":"2022-01-15","closes":"2022-07-15","last":"2022-07-14"}` {
		t.Fatalf("json.Marshal(%s) = %s, %v", w, b, err)
	}
	var back policy.Window
	if err := json.Unmarshal(b, &back); err != nil || back != w {
		t.Errorf("json.Unmarshal(%s) = %s, %v", b, back, err)
	}
	if err := json.Unmarshal([]byte(`{"opens":"2022-01-15","closes":"2022-07-15"}`), &back); err != nil || back != w {
		t.Errorf("without last: %s, %v", back, err)
	}
	back = w
	if err := json.Unmarshal([]byte(`{"opens":"2022-01-15","closes":"2022-07-15","last":"2022-07-15"}`), &back); err == nil || back != w {
		t.Errorf("a last day that is the expiry: %v, window %s", err, back)
	}
}

// TestDecisionString checks that a Decision prints every field it has.
func TestDecisionString(t *testing.T) {
	w := window("2022-01-15", "2022-07-15")
	tests := []struct {
		d    policy.Decision
		want string
	}{
		{policy.Decision{}, "Reason(0)"},
		{policy.Decision{Reason: policy.NotHeld}, "NotHeld"},
		{policy.Decision{Reason: policy.Expired}, "Expired"},
		{policy.Decision{Reason: policy.NotYetOpen, Window: w, EligibleFrom: day("2022-01-15")},
			"NotYetOpen, window [2022-01-15, 2022-07-15), eligible from 2022-01-15"},
		{policy.Decision{Reason: policy.AssessmentUnavailable, Window: w}, "AssessmentUnavailable, window [2022-01-15, 2022-07-15)"},
		{policy.Decision{Eligible: true, Reason: policy.Eligible, Window: w, EligibleFrom: day("2022-01-15")},
			"Eligible, window [2022-01-15, 2022-07-15), eligible from 2022-01-15"},
		{policy.Decision{Eligible: true, Reason: policy.NotHeld}, "NotHeld, eligible true"},
		{policy.Decision{Reason: policy.Eligible}, "Eligible, eligible false"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

// TestDecisionJSON checks that every Decision Eligibility gives round-trips
// through JSON, and that an inconsistent one is refused.
func TestDecisionJSON(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	pr := linked(cred(admin.ID, "2021-11-16", "2022-11-16"))
	for _, on := range days("2021-11-15", "2022-05-15", "2022-05-16", "2022-11-16") {
		d := p.Eligibility(pr, admin, on)
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back policy.Decision
		if err := json.Unmarshal(data, &back); err != nil || back != d {
			t.Errorf("round trip of %s: %v, %v", data, back, err)
		}
	}
	const w = `"window":{"opens":"2022-01-15","closes":"2022-07-15"}`
	for _, bad := range []string{
		`{"eligible":true,"reason":"NotYetOpen",` + w + `}`,
		`{"eligible":false,"reason":"Eligible",` + w + `,"eligibleFrom":"2022-01-15"}`,
		`{"eligible":true,"reason":"Eligible",` + w + `}`,
		`{"eligible":false,"reason":"NotYetOpen"}`,
		`{"eligible":false,"reason":"Expired",` + w + `}`,
		`{"eligible":false,"reason":"NotYetOpen",` + w + `,"eligibleFrom":"2022-07-15"}`,
		`{"eligible":false,"reason":"Maybe"}`,
		`{"eligible":false,"reason":"NotHeld","extra":1}`,
	} {
		d := policy.Decision{Reason: policy.NotHeld}
		if err := json.Unmarshal([]byte(bad), &d); err == nil {
			t.Errorf("Unmarshal(%s) = nil, want a refusal", bad)
		}
		if d != (policy.Decision{Reason: policy.NotHeld}) {
			t.Errorf("Unmarshal(%s) changed the Decision on a refusal", bad)
		}
	}
	kept := policy.Decision{Reason: policy.Expired}
	if err := json.Unmarshal([]byte(` null `), &kept); err != nil || kept != (policy.Decision{Reason: policy.Expired}) {
		t.Errorf("null: %v, %v; want no change and no error", kept, err)
	}
	var zero policy.Decision
	data, _ := json.Marshal(zero)
	if err := json.Unmarshal(data, &zero); err != nil || zero != (policy.Decision{}) {
		t.Errorf("the zero Decision's round trip %s: %v", data, err)
	}
}

// TestWindowJSONRefusals checks that only a window that opens before it
// closes, or the zero Window, is read (RULES D2).
func TestWindowJSONRefusals(t *testing.T) {
	for _, bad := range []string{
		`{"opens":"2022-07-15","closes":"2022-01-15"}`,
		`{"opens":"2022-07-15","closes":"2022-07-15"}`,
		`{"opens":"2022-07-15","closes":""}`,
		`{"opens":"","closes":"2022-07-15"}`,
		`{"opens":"2022-01-15","closes":"2022-07-15","first":"2022-01-15"}`,
		`{"opens":"2022-02-30","closes":"2022-07-15"}`,
	} {
		w := window("2022-01-15", "2022-07-15")
		if err := json.Unmarshal([]byte(bad), &w); err == nil {
			t.Errorf("Unmarshal(%s) = nil, want a refusal", bad)
		}
		if w != window("2022-01-15", "2022-07-15") {
			t.Errorf("Unmarshal(%s) changed the window on a refusal", bad)
		}
	}
	kept := window("2022-01-15", "2022-07-15")
	if err := kept.UnmarshalJSON([]byte(`null`)); err != nil || kept != window("2022-01-15", "2022-07-15") {
		t.Errorf("null: %v, %v; want no change and no error", kept, err)
	}
	var zero policy.Window
	data, _ := json.Marshal(zero)
	if err := json.Unmarshal(data, &zero); err != nil || !zero.IsZero() {
		t.Errorf("the zero Window's round trip %s: %v", data, err)
	}
}

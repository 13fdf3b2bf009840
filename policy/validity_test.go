package policy_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// TestV1_FundamentalsNeverExpire checks RULES V1: a fundamentals credential
// has no expiry, no window, no reminders, and is never renewed.
func TestV1_FundamentalsNeverExpire(t *testing.T) {
	p := policy.Microsoft()
	for _, earned := range []string{"2021-05-31", "2021-06-01", "2021-06-02"} {
		t.Run("V1 earned "+earned, func(t *testing.T) {
			if got := p.Expiry(fundamentals, day(earned)); !got.IsZero() {
				t.Errorf("Expiry = %s, want the zero Date (never)", got)
			}
			pr, err := p.Earn(linked(), fundamentals, day(earned))
			if err != nil {
				t.Fatalf("Earn: %v", err)
			}
			cr, _ := pr.Credential(fundamentals.ID)
			if diff := cmp.Diff(cred(fundamentals.ID, earned, ""), cr); diff != "" {
				t.Errorf("Earn mismatch (-want +got):\n%s", diff)
			}
			if got := p.Reminders(fundamentals, cr); len(got) != 0 {
				t.Errorf("Reminders = %v, want none", got)
			}
			// The day before, the day of, a day a hundred years later.
			for _, on := range []cert.Date{day(earned).AddDays(-1), day(earned), day(earned).AddMonths(1200)} {
				want := policy.NeverExpires
				if on.Before(day(earned)) {
					want = policy.NotHeld
				}
				d := p.Eligibility(pr, fundamentals, on)
				if d.Reason != want || d.Eligible || !d.Window.IsZero() || !d.EligibleFrom.IsZero() {
					t.Errorf("Eligibility on %s = %+v, want %v with no window", on, d, want)
				}
				got, err := p.Renew(pr, fundamentals, on)
				if msg := refusal(err, want); msg != "" {
					t.Errorf("Renew on %s: %s", on, msg)
				}
				if diff := cmp.Diff(pr, got); diff != "" {
					t.Errorf("Renew on %s changed the profile (-want +got):\n%s", on, diff)
				}
			}
		})
	}
	// A fundamentals title never expires, even given an expiry.
	t.Run("V1 a fundamentals credential with an expiry day", func(t *testing.T) {
		pr := linked(cred(fundamentals.ID, "2021-01-10", "2022-01-10"))
		if d := p.Eligibility(pr, fundamentals, day("2021-12-01")); d.Reason != policy.NeverExpires {
			t.Errorf("Reason = %v, want NeverExpires", d.Reason)
		}
		if got := p.Reminders(fundamentals, pr.Credentials[0]); len(got) != 0 {
			t.Errorf("Reminders = %v, want none", got)
		}
	})
}

// TestV2_EarnedFromJune2021ValidTwelveMonths checks RULES V2 and V3 at the
// cut-over day, and D3 clamping.
func TestV2_EarnedFromJune2021ValidTwelveMonths(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	tests := []struct {
		name         string
		c            cert.Certification
		earned, want string
	}{
		{"V3 earned the day before the cut-over: 24 months", admin, "2021-05-31", "2023-05-31"},
		{"V2 earned on the cut-over day: 12 months", admin, "2021-06-01", "2022-06-01"},
		{"V2 earned the day after: 12 months", admin, "2021-06-02", "2022-06-02"},
		{"V3 earned long before: 24 months", admin, "2019-01-15", "2021-01-15"},
		{"V3 earned on 2020-12-15, the day of the policy", admin, "2020-12-15", "2022-12-15"},
		{"V3 D3 a leap day clamps over 24 months", admin, "2020-02-29", "2022-02-28"},
		{"V2 D3 a leap day clamps over 12 months", admin, "2024-02-29", "2025-02-28"},
		{"V2 the 31st of a month", admin, "2021-08-31", "2022-08-31"},
		{"V2 an expert", title("azure-solutions-architect"), "2022-01-10", "2023-01-10"},
		{"V2 a specialty", title("azure-iot-developer"), "2021-07-01", "2022-07-01"},
		{"V3 a specialty", title("azure-for-sap-workloads"), "2021-03-31", "2023-03-31"},
		{"V2 a title not on the roadmap", undated, "2030-12-31", "2031-12-31"},
		{"V2 the last day with a 12-month expiry", admin, "9998-12-31", "9999-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(day(tt.want), p.Expiry(tt.c, day(tt.earned))); diff != "" {
				t.Errorf("Expiry(%s, %s) mismatch (-want +got):\n%s", tt.c.ID, tt.earned, diff)
			}
		})
	}
}

// TestV3_ExpiryEdges checks the answers of Expiry that are no expiry: a title
// with no real level, the zero day (RULES D5), and an expiry after
// 9999-12-31.
func TestV3_ExpiryEdges(t *testing.T) {
	p := policy.Microsoft()
	tests := []struct {
		name   string
		c      cert.Certification
		earned cert.Date
	}{
		{"V3 D5 the zero day", title("azure-administrator"), cert.Date{}},
		{"V3 a title with no level", cert.Certification{ID: "x"}, day("2021-06-01")},
		{"V3 a title with an unknown level", cert.Certification{ID: "x", Level: 9}, day("2021-06-01")},
		{"V3 the expiry would be after 9999-12-31", title("azure-administrator"), day("9999-01-01")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Expiry(tt.c, tt.earned); !got.IsZero() {
				t.Errorf("Expiry = %s, want the zero Date", got)
			}
		})
	}
}

// threeTerms is Microsoft's policy with a third term, as the next change of
// policy would be: from 2025-01-01 a credential is valid for 36 months.
func threeTerms() policy.Policy {
	p := policy.Microsoft()
	p.Terms = append(p.Terms, policy.Term{From: day("2025-01-01"), Months: 36})
	return p
}

// TestV4_TermInForceByEarnDay checks RULES V4: the terms are rows of the
// policy, and the one in force on the earn day gives the validity.
func TestV4_TermInForceByEarnDay(t *testing.T) {
	p := threeTerms()
	if err := p.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	admin := title("azure-administrator")
	tests := []struct {
		name         string
		earned, want string
	}{
		{"V4 first term, the day before the second", "2021-05-31", "2023-05-31"},
		{"V4 second term from its first day", "2021-06-01", "2022-06-01"},
		{"V4 second term, the day before the third", "2024-12-31", "2025-12-31"},
		{"V4 third term from its first day", "2025-01-01", "2028-01-01"},
		{"V4 third term, the day after", "2025-01-02", "2028-01-02"},
		{"V4 third term, a leap day clamps", "2028-02-29", "2031-02-28"},
		{"V4 the first term covers every earlier day", "0001-01-01", "0003-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(day(tt.want), p.Expiry(admin, day(tt.earned))); diff != "" {
				t.Errorf("Expiry(%s) mismatch (-want +got):\n%s", tt.earned, diff)
			}
			pr, err := p.Earn(unlinked(), admin, day(tt.earned))
			if err != nil {
				t.Fatalf("Earn: %v", err)
			}
			if diff := cmp.Diff([]cert.Credential{cred(admin.ID, tt.earned, tt.want)}, pr.Credentials); diff != "" {
				t.Errorf("Earn mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// The first term alone covers every day.
	t.Run("V4 a single term", func(t *testing.T) {
		one := policy.Microsoft()
		one.Terms = []policy.Term{{Months: 18}}
		if diff := cmp.Diff(day("2032-12-30"), one.Expiry(admin, day("2031-06-30"))); diff != "" {
			t.Errorf("Expiry mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestD2_HalfOpenSpans checks RULES D2 in the policy: a credential that
// expires on X is active, and may be renewed, on X-1 and not on X.
func TestD2_HalfOpenSpans(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	pr := linked(cred(admin.ID, "2021-11-16", "2022-11-16"))
	tests := []struct {
		name string
		on   string
		want policy.Reason
	}{
		{"D2 the day before Earned: not held", "2021-11-15", policy.NotHeld},
		{"D2 Earned: held", "2021-11-16", policy.NotYetOpen},
		{"D2 the day before the expiry: eligible", "2022-11-15", policy.Eligible},
		{"D2 the expiry: expired", "2022-11-16", policy.Expired},
		{"D2 the day after: expired", "2022-11-17", policy.Expired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Eligibility(pr, admin, day(tt.on)).Reason; got != tt.want {
				t.Errorf("Eligibility on %s = %v, want %v", tt.on, got, tt.want)
			}
		})
	}
}

// TestD3_MonthsClampInThePolicy checks RULES D3 where the policy adds or
// subtracts months: validity, window and renewal never spill into the next
// month.
func TestD3_MonthsClampInThePolicy(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	tests := []struct {
		name                              string
		earned, expires, opens, renewedTo string
	}{
		{"D3 earned 2024-02-29", "2024-02-29", "2025-02-28", "2024-08-28", "2026-02-28"},
		{"D3 earned 2021-08-31: window opens 2022-02-28", "2021-08-31", "2022-08-31", "2022-02-28", "2023-08-31"},
		{"D3 earned 2021-12-31: window opens 2022-06-30", "2021-12-31", "2022-12-31", "2022-06-30", "2023-12-31"},
		{"D3 earned 2019-08-31 for 24 months: window opens 2021-02-28", "2019-08-31", "2021-08-31", "2021-02-28", "2022-08-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(day(tt.expires), p.Expiry(admin, day(tt.earned))); diff != "" {
				t.Errorf("Expiry mismatch (-want +got):\n%s", diff)
			}
			pr := linked(cred(admin.ID, tt.earned, tt.expires))
			d := p.Eligibility(pr, admin, day(tt.opens))
			if d.Reason != policy.Eligible || d.Window.Opens != day(tt.opens) {
				t.Errorf("Eligibility on %s = %+v, want eligible with the window opening that day", tt.opens, d)
			}
			if r := p.Eligibility(pr, admin, day(tt.opens).AddDays(-1)).Reason; r != policy.NotYetOpen {
				t.Errorf("Eligibility the day before the window = %v, want NotYetOpen", r)
			}
			got, err := p.Renew(pr, admin, day(tt.opens))
			if err != nil {
				t.Fatalf("Renew: %v", err)
			}
			if diff := cmp.Diff([]cert.Credential{cred(admin.ID, tt.earned, tt.renewedTo)}, got.Credentials); diff != "" {
				t.Errorf("Renew mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestD5_ZeroDateAndClampedRenewals checks RULES D5 in the policy: the zero
// Date is no day, and a clamped day stays clamped across renewals.
func TestD5_ZeroDateAndClampedRenewals(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	t.Run("D5 the zero day is no day", func(t *testing.T) {
		pr := linked(cred(admin.ID, "2021-11-16", "2022-11-16"))
		if d := p.Eligibility(pr, admin, cert.Date{}); d.Reason != policy.NotHeld {
			t.Errorf("Eligibility on the zero Date = %v, want NotHeld", d.Reason)
		}
		if _, err := p.Earn(linked(), admin, cert.Date{}); !errors.Is(err, policy.ErrDateOutOfRange) {
			t.Errorf("Earn on the zero Date: %v, want ErrInvalidDate", err)
		}
		if _, err := p.Renew(pr, admin, cert.Date{}); !errors.Is(err, policy.ErrNotEligible) {
			t.Errorf("Renew on the zero Date: %v, want ErrNotEligible", err)
		}
	})
	t.Run("D5 2025-02-28 renews to 2026, 2027 and 2028-02-28", func(t *testing.T) {
		pr := linked(cred(admin.ID, "2024-02-28", "2025-02-28"))
		for _, tt := range []struct{ passed, want string }{
			{"2024-12-01", "2026-02-28"},
			{"2025-12-01", "2027-02-28"},
			{"2026-12-01", "2028-02-28"},
			{"2027-12-01", "2029-02-28"},
		} {
			var err error
			pr, err = p.Renew(pr, admin, day(tt.passed))
			if err != nil {
				t.Fatalf("Renew on %s: %v", tt.passed, err)
			}
			if diff := cmp.Diff([]cert.Credential{cred(admin.ID, "2024-02-28", tt.want)}, pr.Credentials); diff != "" {
				t.Errorf("Renew on %s mismatch (-want +got):\n%s", tt.passed, diff)
			}
		}
	})
}

// TestH1_MicrosoftMatchesTheRules checks that Microsoft() is the policy of
// RULES.md as announced on 2020-12-15.
func TestH1_MicrosoftMatchesTheRules(t *testing.T) {
	p := policy.Microsoft()
	if err := p.Validate(); err != nil {
		t.Errorf("H1 Validate: %v", err)
	}
	want := policy.Policy{
		Terms: []policy.Term{
			{Months: 24},                          // V3
			{From: day("2021-06-01"), Months: 12}, // V2
		},
		WindowMonths:    6,                                                                       // E2
		ExtensionMonths: 12,                                                                      // N1
		MarketAgeMonths: 6,                                                                       // E3
		Schedule:        policy.Schedule{AtFirstEligibleDay: true, DaysBefore: []int{90, 30, 7}}, // M2
		Retakes:         assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour},                  // A2, A3
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("H1 Microsoft() mismatch (-want +got):\n%s", diff)
	}
	// Each call returns a policy of its own.
	p.Terms[0].Months = 1
	p.Schedule.DaysBefore[0] = 1
	if diff := cmp.Diff(want, policy.Microsoft()); diff != "" {
		t.Errorf("H1 Microsoft() shares its slices (-want +got):\n%s", diff)
	}
}

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

// TestN1_RenewalExtendsTheCurrentExpiry checks RULES N1: a renewal adds 12
// months to the current expiry, whatever day it is passed on.
func TestN1_RenewalExtendsTheCurrentExpiry(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	nov := cred(admin.ID, "2021-11-16", "2022-11-16")
	tests := []struct {
		name    string
		cr      cert.Credential
		passed  string
		want    string        // the new expiry, or "" for a refusal
		refused policy.Reason // the reason of a refusal
	}{
		{"N1 the day before the window opens: refused", nov, "2022-05-15", "", policy.NotYetOpen},
		{"N1 the day the window opens", nov, "2022-05-16", "2023-11-16", 0},
		{"N1 the day after", nov, "2022-05-17", "2023-11-16", 0},
		{"N1 mid-window, not from the day passed", nov, "2022-06-01", "2023-11-16", 0},
		{"N1 the last day", nov, "2022-11-15", "2023-11-16", 0},
		{"N1 the expiry: refused", nov, "2022-11-16", "", policy.Expired},
		{"N1 D5 a clamped expiry stays clamped", cred(admin.ID, "2024-02-29", "2025-02-28"), "2024-09-01", "2026-02-28", 0},
		{"N1 D3 the 31st of August", cred(admin.ID, "2021-08-31", "2022-08-31"), "2022-02-28", "2023-08-31", 0},
		{"N1 a 24-month credential renews by 12", cred(admin.ID, "2020-05-20", "2022-05-20"), "2021-11-20", "2023-05-20", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := linked(tt.cr)
			got, err := p.Renew(pr, admin, day(tt.passed))
			if tt.want == "" {
				if msg := refusal(err, tt.refused); msg != "" {
					t.Errorf("Renew on %s: %s", tt.passed, msg)
				}
				if diff := cmp.Diff(pr, got); diff != "" {
					t.Errorf("refused Renew changed the profile (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatalf("Renew on %s: %v", tt.passed, err)
			}
			want := tt.cr
			want.Expires = day(tt.want)
			if diff := cmp.Diff([]cert.Credential{want}, got.Credentials); diff != "" {
				t.Errorf("Renew on %s mismatch (-want +got):\n%s", tt.passed, diff)
			}
		})
	}
	// A custom extension.
	t.Run("N1 an extension of 24 months", func(t *testing.T) {
		p := policy.Microsoft()
		p.ExtensionMonths = 24
		got, err := p.Renew(linked(nov), admin, day("2022-06-01"))
		if err != nil {
			t.Fatalf("Renew: %v", err)
		}
		if diff := cmp.Diff([]cert.Credential{cred(admin.ID, "2021-11-16", "2024-11-16")}, got.Credentials); diff != "" {
			t.Errorf("Renew mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("N1 an expiry after 9999-12-31 is refused", func(t *testing.T) {
		pr := linked(cred(admin.ID, "9998-03-01", "9999-03-01"))
		got, err := p.Renew(pr, admin, day("9999-01-10"))
		if !isOnly(err, policy.ErrDateOutOfRange) {
			t.Errorf("Renew: %v, want ErrInvalidDate only", err)
		}
		if diff := cmp.Diff(pr, got); diff != "" {
			t.Errorf("refused Renew changed the profile (-want +got):\n%s", diff)
		}
	})
}

// TestN2_RenewalRenewsThatCredentialAlone checks RULES N2 and R2: renewing
// the expert leaves its associate, and every other credential, as it was.
func TestN2_RenewalRenewsThatCredentialAlone(t *testing.T) {
	p := policy.Microsoft()
	admin, architect := title("azure-administrator"), title("azure-solutions-architect")
	associate := cred(admin.ID, "2021-11-16", "2022-11-16")
	expert := cred(architect.ID, "2021-12-01", "2022-12-01")
	data := cred(title("azure-data-scientist").ID, "2021-06-15", "2022-06-15")
	fund := cred(fundamentals.ID, "2020-01-10", "")
	pr := linked(associate, expert, data, fund)
	tests := []struct {
		name   string
		c      cert.Certification
		passed string
		want   []cert.Credential
	}{
		{"R2 renewing the expert leaves the associate", architect, "2022-06-01",
			[]cert.Credential{associate, cred(architect.ID, "2021-12-01", "2023-12-01"), data, fund}},
		{"N2 renewing the associate leaves the expert", admin, "2022-06-01",
			[]cert.Credential{cred(admin.ID, "2021-11-16", "2023-11-16"), expert, data, fund}},
		{"N2 renewing another title leaves both", title("azure-data-scientist"), "2022-06-01",
			[]cert.Credential{associate, expert, cred(data.Cert, "2021-06-15", "2023-06-15"), fund}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snap(pr)
			got, err := p.Renew(pr, tt.c, day(tt.passed))
			if err != nil {
				t.Fatalf("Renew: %v", err)
			}
			if diff := cmp.Diff(tt.want, got.Credentials); diff != "" {
				t.Errorf("Renew mismatch (-want +got):\n%s", diff)
			}
			if got.MCID != pr.MCID || got.Learn != pr.Learn {
				t.Errorf("Renew changed the profile's MCID or Learn: %q, %q", got.MCID, got.Learn)
			}
			if diff := before.diff(pr); diff != "" {
				t.Errorf("Renew changed the given profile (-want +got):\n%s", diff)
			}
		})
	}
}

// TestN3_RenewalClosesTheWindow checks RULES N3: after a renewal the window
// is closed until 6 months before the new expiry, and the reminders are
// those of the new window.
func TestN3_RenewalClosesTheWindow(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	pr, err := p.Renew(linked(cred(admin.ID, "2021-11-16", "2022-11-16")), admin, day("2022-06-01"))
	if err != nil {
		t.Fatalf("Renew: %v", err)
	}
	tests := []struct {
		name string
		on   string
		want policy.Reason
	}{
		{"N3 the day of the renewal", "2022-06-01", policy.NotYetOpen},
		{"N3 the next day", "2022-06-02", policy.NotYetOpen},
		{"N3 the old expiry", "2022-11-16", policy.NotYetOpen},
		{"N3 the day before the new window", "2023-05-15", policy.NotYetOpen},
		{"N3 the new window opens", "2023-05-16", policy.Eligible},
		{"N3 the new expiry", "2023-11-16", policy.Expired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := p.Eligibility(pr, admin, day(tt.on))
			if d.Reason != tt.want {
				t.Errorf("Eligibility on %s = %v, want %v", tt.on, d.Reason, tt.want)
			}
			if tt.want == policy.NotYetOpen && (d.Window.Opens != day("2023-05-16") || d.EligibleFrom != day("2023-05-16")) {
				t.Errorf("Eligibility on %s: window opens %s, eligible from %s, want 2023-05-16", tt.on, d.Window.Opens, d.EligibleFrom)
			}
		})
	}
	t.Run("N3 the reminders lie in the new window", func(t *testing.T) {
		want := []cert.Date{day("2023-05-16"), day("2023-08-18"), day("2023-10-17"), day("2023-11-09")}
		if diff := cmp.Diff(want, p.Reminders(admin, pr.Credentials[0])); diff != "" {
			t.Errorf("Reminders mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("N3 a second renewal in the same window is refused", func(t *testing.T) {
		got, err := p.Renew(pr, admin, day("2022-06-02"))
		if msg := refusal(err, policy.NotYetOpen); msg != "" {
			t.Error(msg)
		}
		if diff := cmp.Diff(pr, got); diff != "" {
			t.Errorf("refused Renew changed the profile (-want +got):\n%s", diff)
		}
	})
}

// TestN4_RenewEveryYear checks RULES N4: renewal may be repeated every year
// without limit.
func TestN4_RenewEveryYear(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	pr := linked(cred(admin.ID, "2021-11-16", "2022-11-16"))
	for year := 2022; year < 2072; year++ {
		var err error
		pr, err = p.Renew(pr, admin, cert.NewDate(year, time.June, 1))
		if err != nil {
			t.Fatalf("N4 Renew on %d-06-01: %v", year, err)
		}
		want := []cert.Credential{{Cert: admin.ID, Earned: day("2021-11-16"), Expires: cert.NewDate(year+1, time.November, 16)}}
		if diff := cmp.Diff(want, pr.Credentials); diff != "" {
			t.Fatalf("N4 Renew on %d-06-01 mismatch (-want +got):\n%s", year, diff)
		}
	}
}

// TestN5_ExamAgainDoesNotRenew checks RULES N5: earning an active title again
// is refused, and the profile is unchanged.
func TestN5_ExamAgainDoesNotRenew(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	pr := linked(cred(admin.ID, "2021-11-16", "2022-11-16"), cred(fundamentals.ID, "2020-01-10", ""))
	tests := []struct {
		name string
		c    cert.Certification
		on   string
		want error
	}{
		{"N5 the day earned", admin, "2021-11-16", policy.ErrStillActive},
		{"N5 the day after", admin, "2021-11-17", policy.ErrStillActive},
		{"N5 inside the window", admin, "2022-06-01", policy.ErrStillActive},
		{"N5 the last day", admin, "2022-11-15", policy.ErrStillActive},
		{"N5 the expiry: earned again", admin, "2022-11-16", nil},
		{"N5 fundamentals never expire, so never earned again", fundamentals, "2030-01-10", policy.ErrStillActive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snap(pr)
			got, err := p.Earn(pr, tt.c, day(tt.on))
			checkErr(t, err, tt.want)
			if diff := before.diff(pr); diff != "" {
				t.Errorf("Earn changed the given profile (-want +got):\n%s", diff)
			}
			if tt.want != nil {
				if diff := cmp.Diff(pr, got); diff != "" {
					t.Errorf("refused Earn returned another profile (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestN6_ExpiredIsEarnedAgain checks RULES N6: an expired credential cannot be
// renewed; earning it again gives a new credential with the validity in force
// that day, which replaces the old one in its place.
func TestN6_ExpiredIsEarnedAgain(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	dev := cred(title("azure-developer").ID, "2021-03-01", "2023-03-01")
	tests := []struct {
		name     string
		old      cert.Credential
		on, want string
	}{
		{"N6 earned again on the expiry, 12 months", cred(admin.ID, "2021-06-01", "2022-06-01"), "2022-06-01", "2023-06-01"},
		{"N6 earned again later", cred(admin.ID, "2021-06-01", "2022-06-01"), "2023-01-10", "2024-01-10"},
		{"N6 earned again before the cut-over: 24 months", cred(admin.ID, "2019-05-01", "2021-05-01"), "2021-05-31", "2023-05-31"},
		{"N6 earned again on the cut-over: 12 months", cred(admin.ID, "2019-05-01", "2021-05-01"), "2021-06-01", "2022-06-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := linked(tt.old, dev)
			got, err := p.Renew(pr, admin, day(tt.on))
			if msg := refusal(err, policy.Expired); msg != "" {
				t.Errorf("Renew of the expired credential: %s", msg)
			}
			if diff := cmp.Diff(pr, got); diff != "" {
				t.Errorf("refused Renew changed the profile (-want +got):\n%s", diff)
			}
			got, err = p.Earn(pr, admin, day(tt.on))
			if err != nil {
				t.Fatalf("Earn: %v", err)
			}
			want := []cert.Credential{cred(admin.ID, tt.on, tt.want), dev}
			if diff := cmp.Diff(want, got.Credentials); diff != "" {
				t.Errorf("Earn mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestN6a_EarnChecksInOrder checks RULES N6a: Earn checks the title and day,
// then an active credential, then a backdated day, then the prerequisite,
// and names the first that fails.
func TestN6a_EarnChecksInOrder(t *testing.T) {
	p := policy.Microsoft()
	admin, architect := title("azure-administrator"), title("azure-solutions-architect")
	activeExpert := cred(architect.ID, "2021-11-16", "2022-11-16")
	expiredExpert := cred(architect.ID, "2021-06-01", "2022-06-01")
	tests := []struct {
		name string
		pr   cert.Profile
		c    cert.Certification
		on   cert.Date
		want error
	}{
		{"N6a a title with no ID, on the zero day", linked(), cert.Certification{Level: cert.Associate}, cert.Date{}, policy.ErrUnknownCertification},
		{"N6a a title with no level, while active", linked(cred("x", "2021-11-16", "2022-11-16")), cert.Certification{ID: "x"}, day("2022-01-10"), policy.ErrUnknownCertification},
		{"N6a a title with an unknown level", linked(), cert.Certification{ID: "x", Level: 5}, day("2022-01-10"), policy.ErrUnknownCertification},
		{"N6a the zero day while active and without prerequisite", linked(activeExpert), architect, cert.Date{}, policy.ErrDateOutOfRange},
		{"N6a an expiry after 9999-12-31", linked(), admin, day("9999-01-01"), policy.ErrDateOutOfRange},
		{"N6a the last day with an expiry", linked(), admin, day("9998-12-31"), nil},
		{"N6a still active before a missing prerequisite", linked(activeExpert), architect, day("2022-01-10"), policy.ErrStillActive},
		{"N6a still active on a day whose expiry would pass 9999-12-31", linked(cred(admin.ID, "9998-06-01", "9999-06-01")), admin, day("9999-01-01"), policy.ErrStillActive},
		{"N6a backdated on a day whose expiry would pass 9999-12-31", linked(cred(admin.ID, "9999-03-01", "9999-04-01")), admin, day("9999-02-01"), policy.ErrBackdated},
		{"N6a an expiry past 9999-12-31 before a missing prerequisite", linked(), architect, day("9999-01-01"), policy.ErrDateOutOfRange},
		{"N6a backdated before a missing prerequisite: the day before Earned", linked(expiredExpert), architect, day("2021-05-31"), policy.ErrBackdated},
		{"N6a backdated, long before", linked(expiredExpert), architect, day("2019-01-01"), policy.ErrBackdated},
		{"N6a not backdated on the expiry: the prerequisite is missing", linked(expiredExpert), architect, day("2022-06-01"), policy.ErrMissingPrerequisite},
		{"N6a the prerequisite last", linked(), architect, day("2022-06-01"), policy.ErrMissingPrerequisite},
		{"N6a every check passes", linked(expiredExpert, cred(admin.ID, "2022-01-10", "2023-01-10")), architect, day("2022-06-01"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := withSpare(tt.pr)
			before := snap(pr)
			got, err := p.Earn(pr, tt.c, tt.on)
			checkErr(t, err, tt.want)
			if diff := before.diff(pr); diff != "" {
				t.Errorf("Earn changed the given profile (-want +got):\n%s", diff)
			}
			if tt.want != nil {
				if diff := cmp.Diff(pr, got); diff != "" {
					t.Errorf("refused Earn returned another profile (-want +got):\n%s", diff)
				}
			} else if cr, ok := got.Credential(tt.c.ID); !ok || cr.Earned != tt.on {
				t.Errorf("Earn gave %+v, want a credential earned %s", cr, tt.on)
			}
		})
	}
}

// TestN7_RenewIgnoresAttempts checks RULES N7: Renew takes only a day, and
// the retake rule does not change its answer.
func TestN7_RenewIgnoresAttempts(t *testing.T) {
	// The signature itself: a profile, a title and a day; no attempts.
	var _ func(policy.Policy, cert.Profile, cert.Certification, cert.Date) (cert.Profile, error) = policy.Policy.Renew

	admin := title("azure-administrator")
	pr := linked(cred(admin.ID, "2021-11-16", "2022-11-16"))
	for _, r := range []assessment.Retakes{{}, {Immediate: 1, Wait: 24 * time.Hour}, {Immediate: 0, Wait: 1000 * time.Hour}} {
		p := policy.Microsoft()
		p.Retakes = r
		for _, tt := range []struct{ on, want string }{
			{"2022-05-15", ""}, {"2022-05-16", "2023-11-16"}, {"2022-11-15", "2023-11-16"}, {"2022-11-16", ""},
		} {
			got, err := p.Renew(pr, admin, day(tt.on))
			if (err == nil) != (tt.want != "") {
				t.Errorf("N7 retakes %+v, Renew on %s: %v", r, tt.on, err)
				continue
			}
			if err == nil && got.Credentials[0].Expires != day(tt.want) {
				t.Errorf("N7 retakes %+v, Renew on %s: expires %s, want %s", r, tt.on, got.Credentials[0].Expires, tt.want)
			}
		}
	}
}

// TestRenewRefusal checks Renew's refusal: it matches ErrNotEligible,
// errors.As gives the Decision with its reason, and the profile returned is
// the one given.
func TestRenewRefusal(t *testing.T) {
	p := policy.Microsoft()
	admin, ai := title("azure-administrator"), title("azure-ai-engineer")
	tests := []struct {
		name string
		pr   cert.Profile
		c    cert.Certification
		on   string
		want policy.Decision
	}{
		{"E5 not held", linked(), admin, "2022-01-10",
			policy.Decision{Reason: policy.NotHeld}},
		{"E1 never expires", linked(cred(fundamentals.ID, "2020-01-10", "")), fundamentals, "2022-01-10",
			policy.Decision{Reason: policy.NeverExpires}},
		{"E1 expired", linked(cred(admin.ID, "2021-06-01", "2022-06-01")), admin, "2022-06-01",
			policy.Decision{Reason: policy.Expired}},
		{"E2 not yet open", linked(cred(admin.ID, "2021-11-16", "2022-11-16")), admin, "2022-05-15",
			policy.Decision{Reason: policy.NotYetOpen, Window: window("2022-05-16", "2022-11-16"), EligibleFrom: day("2022-05-16")}},
		{"E3 assessment unavailable", linked(cred(ai.ID, "2019-03-10", "2021-03-10")), ai, "2021-02-14",
			policy.Decision{Reason: policy.AssessmentUnavailable, Window: window("2020-09-10", "2021-03-10"), EligibleFrom: day("2021-02-15")}},
		{"E4 not linked", unlinked(cred(admin.ID, "2021-11-16", "2022-11-16")), admin, "2022-05-16",
			policy.Decision{Reason: policy.ProfileNotLinked, Window: window("2022-05-16", "2022-11-16"), EligibleFrom: day("2022-05-16")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := withSpare(tt.pr)
			before := snap(pr)
			got, err := p.Renew(pr, tt.c, day(tt.on))
			if msg := refusal(err, tt.want.Reason); msg != "" {
				t.Error(msg)
			}
			var ne *policy.NotEligibleError
			if errors.As(err, &ne) {
				if diff := cmp.Diff(tt.want, ne.Decision); diff != "" {
					t.Errorf("the refusal's Decision mismatch (-want +got):\n%s", diff)
				}
			}
			if diff := cmp.Diff(pr, got); diff != "" {
				t.Errorf("refused Renew returned another profile (-want +got):\n%s", diff)
			}
			if diff := before.diff(pr); diff != "" {
				t.Errorf("Renew changed the given profile (-want +got):\n%s", diff)
			}
		})
	}
}

// TestR1_ExpertNeedsAnActivePrerequisite checks RULES R1: an expert title
// needs one of its associate prerequisites active on the day it is earned.
func TestR1_ExpertNeedsAnActivePrerequisite(t *testing.T) {
	p := policy.Microsoft()
	architect, devops := title("azure-solutions-architect"), title("devops-engineer")
	enterprise, d365 := title("m365-enterprise-administrator"), title("d365-finance-operations-architect")
	adminFrom := func(earned, expires string) cert.Credential { return cred("azure-administrator", earned, expires) }
	tests := []struct {
		name string
		pr   cert.Profile
		c    cert.Certification
		on   string
		want error
	}{
		{"R1 no credential at all", linked(), architect, "2022-03-01", policy.ErrMissingPrerequisite},
		{"R1 only an unrelated associate", linked(cred("azure-developer", "2021-06-01", "2022-06-01")), architect, "2022-03-01", policy.ErrMissingPrerequisite},
		{"R1 the prerequisite expired the day before", linked(adminFrom("2021-06-01", "2022-06-01")), architect, "2022-06-01", policy.ErrMissingPrerequisite},
		{"R1 the prerequisite's last day", linked(adminFrom("2021-06-01", "2022-06-01")), architect, "2022-05-31", nil},
		{"R1 the prerequisite earned the same day", linked(adminFrom("2022-03-01", "2023-03-01")), architect, "2022-03-01", nil},
		{"R1 the prerequisite earned the day after", linked(adminFrom("2022-03-02", "2023-03-02")), architect, "2022-03-01", policy.ErrMissingPrerequisite},
		{"R1 a fundamentals title is no prerequisite", linked(cred(fundamentals.ID, "2020-01-10", "")), architect, "2022-03-01", policy.ErrMissingPrerequisite},
		{"R1 devops with the administrator", linked(adminFrom("2022-01-10", "2023-01-10")), devops, "2022-03-01", nil},
		{"R1 devops with the developer", linked(cred("azure-developer", "2022-01-10", "2023-01-10")), devops, "2022-03-01", nil},
		{"R1 devops with the developer expired", linked(cred("azure-developer", "2021-01-10", "2022-01-10")), devops, "2022-03-01", policy.ErrMissingPrerequisite},
		{"R1 devops with one expired and one active", linked(cred("azure-developer", "2021-01-10", "2022-01-10"), adminFrom("2022-01-10", "2023-01-10")), devops, "2022-03-01", nil},
		{"R1 enterprise with the modern desktop", linked(cred("m365-modern-desktop", "2022-01-10", "2023-01-10")), enterprise, "2022-03-01", nil},
		{"R1 enterprise with the security administrator", linked(cred("m365-security-administrator", "2022-01-10", "2023-01-10")), enterprise, "2022-03-01", nil},
		{"R1 enterprise with the messaging administrator", linked(cred("m365-messaging-administrator", "2022-01-10", "2023-01-10")), enterprise, "2022-03-01", nil},
		{"R1 enterprise with the teams administrator", linked(cred("m365-teams-administrator", "2022-01-10", "2023-01-10")), enterprise, "2022-03-01", nil},
		{"R1 enterprise with the azure administrator", linked(adminFrom("2022-01-10", "2023-01-10")), enterprise, "2022-03-01", policy.ErrMissingPrerequisite},
		{"R1 d365 architect with finance", linked(cred("d365-finance", "2022-01-10", "2023-01-10")), d365, "2022-03-01", nil},
		{"R1 d365 architect with supply chain", linked(cred("d365-supply-chain", "2022-01-10", "2023-01-10")), d365, "2022-03-01", nil},
		{"R1 d365 architect with manufacturing", linked(cred("d365-supply-chain-manufacturing", "2022-01-10", "2023-01-10")), d365, "2022-03-01", nil},
		{"R1 d365 architect with the developer", linked(cred("d365-finance-operations-developer", "2022-01-10", "2023-01-10")), d365, "2022-03-01", nil},
		{"R1 d365 architect with sales", linked(cred("d365-sales", "2022-01-10", "2023-01-10")), d365, "2022-03-01", policy.ErrMissingPrerequisite},
		{"R1 an associate needs nothing", linked(), title("azure-administrator"), "2022-03-01", nil},
		{"R1 an unlinked profile may earn an expert", unlinked(adminFrom("2022-01-10", "2023-01-10")), architect, "2022-03-01", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := p.Earn(tt.pr, tt.c, day(tt.on))
			checkErr(t, err, tt.want)
			if tt.want != nil {
				if diff := cmp.Diff(tt.pr, got); diff != "" {
					t.Errorf("refused Earn returned another profile (-want +got):\n%s", diff)
				}
				return
			}
			expires := map[string]string{"2022-03-01": "2023-03-01", "2022-05-31": "2023-05-31"}[tt.on]
			want := append(tt.pr.Credentials[:len(tt.pr.Credentials):len(tt.pr.Credentials)], cred(tt.c.ID, tt.on, expires))
			if diff := cmp.Diff(want, got.Credentials); diff != "" {
				t.Errorf("Earn mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestR1b_EarnBeforeLaunch checks RULES R1b: a title may be earned before its
// launch day (beta exams come first).
func TestR1b_EarnBeforeLaunch(t *testing.T) {
	p := policy.Microsoft()
	beta := cert.Certification{ID: "contoso-beta", Level: cert.Associate, Launched: day("2021-03-01")}
	for _, tt := range []struct{ name, on, want string }{
		{"R1b long before the launch", "2021-01-15", "2023-01-15"},
		{"R1b the day before the launch", "2021-02-28", "2023-02-28"},
		{"R1b the launch day", "2021-03-01", "2023-03-01"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := p.Earn(linked(), beta, day(tt.on))
			if err != nil {
				t.Fatalf("Earn: %v", err)
			}
			if diff := cmp.Diff([]cert.Credential{cred(beta.ID, tt.on, tt.want)}, got.Credentials); diff != "" {
				t.Errorf("Earn mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestR3_AssociateExpiryLeavesTheExpert checks RULES R3: the associate's
// expiry does not expire the expert, which keeps its own lifecycle.
func TestR3_AssociateExpiryLeavesTheExpert(t *testing.T) {
	p := policy.Microsoft()
	admin, architect := title("azure-administrator"), title("azure-solutions-architect")
	pr, err := p.Earn(linked(), admin, day("2021-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	pr, err = p.Earn(pr, architect, day("2022-01-10"))
	if err != nil {
		t.Fatal(err)
	}
	want := []cert.Credential{cred(admin.ID, "2021-06-01", "2022-06-01"), cred(architect.ID, "2022-01-10", "2023-01-10")}
	if diff := cmp.Diff(want, pr.Credentials); diff != "" {
		t.Fatalf("Earn mismatch (-want +got):\n%s", diff)
	}
	tests := []struct {
		name     string
		c        cert.Certification
		on       string
		want     policy.Reason
		isActive bool
	}{
		{"R3 the associate's last day", admin, "2022-05-31", policy.Eligible, true},
		{"R3 the associate expires", admin, "2022-06-01", policy.Expired, false},
		{"R3 the expert the day the associate expires", architect, "2022-06-01", policy.NotYetOpen, true},
		{"R3 the expert the day before its window", architect, "2022-07-09", policy.NotYetOpen, true},
		{"R3 the expert's window opens", architect, "2022-07-10", policy.Eligible, true},
		{"R3 the expert's last day", architect, "2023-01-09", policy.Eligible, true},
		{"R3 the expert expires on its own day", architect, "2023-01-10", policy.Expired, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := p.Eligibility(pr, tt.c, day(tt.on))
			if d.Reason != tt.want {
				t.Errorf("Eligibility on %s = %v, want %v", tt.on, d.Reason, tt.want)
			}
			cr, _ := pr.Credential(tt.c.ID)
			if got := cr.ActiveOn(day(tt.on)); got != tt.isActive {
				t.Errorf("active on %s = %v, want %v", tt.on, got, tt.isActive)
			}
		})
	}
	t.Run("R3 the expert renews without its associate", func(t *testing.T) {
		got, err := p.Renew(pr, architect, day("2022-08-01"))
		if err != nil {
			t.Fatalf("Renew: %v", err)
		}
		want := []cert.Credential{cred(admin.ID, "2021-06-01", "2022-06-01"), cred(architect.ID, "2022-01-10", "2024-01-10")}
		if diff := cmp.Diff(want, got.Credentials); diff != "" {
			t.Errorf("Renew mismatch (-want +got):\n%s", diff)
		}
	})
}

package policy_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// TestValidate checks every refusal of Validate: each matches
// ErrInvalidPolicy, is a *FieldError, and names the field at fault by its JSON path.
func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *policy.Policy)
		field  string // "" for a valid policy
	}{
		{"H1 Microsoft's policy is valid", func(p *policy.Policy) {}, ""},
		{"V4 no terms", func(p *policy.Policy) { p.Terms = nil }, "terms"},
		{"V4 an empty list of terms", func(p *policy.Policy) { p.Terms = []policy.Term{} }, "terms"},
		{"V4 a first term with a From day", func(p *policy.Policy) { p.Terms[0].From = day("2015-01-01") }, "terms[0].from"},
		{"V4 a later term without a From day", func(p *policy.Policy) { p.Terms[1].From = cert.Date{} }, "terms[1].from"},
		{"V4 terms out of order", func(p *policy.Policy) {
			p.Terms = append(p.Terms, policy.Term{From: day("2021-05-31"), Months: 12})
		}, "terms[2].from"},
		{"V4 two terms on the same day", func(p *policy.Policy) {
			p.Terms = append(p.Terms, policy.Term{From: day("2021-06-01"), Months: 12})
		}, "terms[2].from"},
		{"V4 a third term the day after", func(p *policy.Policy) {
			p.Terms = append(p.Terms, policy.Term{From: day("2021-06-02"), Months: 36})
		}, ""},
		{"V4 a term of no months", func(p *policy.Policy) { p.Terms[1].Months = 0 }, "terms[1].months"},
		{"V4 a term of negative months", func(p *policy.Policy) { p.Terms[0].Months = -24 }, "terms[0].months"},
		{"V4 a term of 1201 months", func(p *policy.Policy) { p.Terms[0].Months = 1201 }, "terms[0].months"},
		{"V4 a term of 1200 months", func(p *policy.Policy) { p.Terms[0].Months = 1200 }, ""},
		{"E2 a window as long as a term", func(p *policy.Policy) { p.WindowMonths = 12 }, "windowMonths"},
		{"E2 a window as long as the shorter term only", func(p *policy.Policy) { p.Terms[1].Months = 6 }, "windowMonths"},
		{"E2 a window one month shorter than the terms", func(p *policy.Policy) { p.WindowMonths = 11; p.ExtensionMonths = 12 }, ""},
		{"E2 a window of no months", func(p *policy.Policy) { p.WindowMonths = 0 }, "windowMonths"},
		{"E2 a window of one month", func(p *policy.Policy) { p.WindowMonths = 1 }, ""},
		{"E2 a negative window", func(p *policy.Policy) { p.WindowMonths = -6 }, "windowMonths"},
		{"E2 a window of 1201 months", func(p *policy.Policy) { p.WindowMonths = 1201 }, "windowMonths"},
		{"N1 an extension as long as the window", func(p *policy.Policy) { p.ExtensionMonths = 6 }, "extensionMonths"},
		{"N1 an extension shorter than the window", func(p *policy.Policy) { p.ExtensionMonths = 3 }, "extensionMonths"},
		{"N1 an extension one month longer than the window", func(p *policy.Policy) { p.ExtensionMonths = 7 }, ""},
		{"N1 an extension of no months", func(p *policy.Policy) { p.ExtensionMonths = 0 }, "extensionMonths"},
		{"N1 an extension of 1201 months", func(p *policy.Policy) { p.ExtensionMonths = 1201 }, "extensionMonths"},
		{"E3 a negative market age", func(p *policy.Policy) { p.MarketAgeMonths = -1 }, "marketAgeMonths"},
		{"E3 a market age of 1201 months", func(p *policy.Policy) { p.MarketAgeMonths = 1201 }, "marketAgeMonths"},
		{"E3 a market age of 0", func(p *policy.Policy) { p.MarketAgeMonths = 0 }, ""},
		{"E3 a market age of 1200 months, the bound", func(p *policy.Policy) { p.MarketAgeMonths = 1200 }, ""},
		{"M1 five reminders", func(p *policy.Policy) { p.Schedule.DaysBefore = []int{120, 90, 30, 7} }, "reminders"},
		{"M1 five days before", func(p *policy.Policy) {
			p.Schedule = policy.Schedule{DaysBefore: []int{150, 120, 90, 30, 7}}
		}, "reminders"},
		{"M1 four days before, no first day", func(p *policy.Policy) {
			p.Schedule = policy.Schedule{DaysBefore: []int{120, 90, 30, 7}}
		}, ""},
		{"M1 no reminders", func(p *policy.Policy) { p.Schedule = policy.Schedule{} }, ""},
		{"M2 zero days before", func(p *policy.Policy) { p.Schedule.DaysBefore[2] = 0 }, "reminders.daysBefore[2]"},
		{"M2 negative days before", func(p *policy.Policy) { p.Schedule.DaysBefore[0] = -90 }, "reminders.daysBefore[0]"},
		{"M2 days before out of order", func(p *policy.Policy) { p.Schedule.DaysBefore = []int{30, 90, 7} }, "reminders.daysBefore[1]"},
		{"M2 days before repeated", func(p *policy.Policy) { p.Schedule.DaysBefore = []int{90, 90, 7} }, "reminders.daysBefore[1]"},
		{"M2 36526 days before", func(p *policy.Policy) { p.Schedule.DaysBefore = []int{36526} }, "reminders.daysBefore[0]"},
		{"M2 36525 days before", func(p *policy.Policy) { p.Schedule.DaysBefore = []int{36525} }, ""},
		{"A2 negative immediate retakes", func(p *policy.Policy) { p.Retakes.Immediate = -1 }, "retakes.immediate"},
		{"A3 a negative wait", func(p *policy.Policy) { p.Retakes.Wait = -time.Nanosecond }, "retakes.wait"},
		{"A3 a negative wait with no immediate retakes", func(p *policy.Policy) { p.Retakes.Immediate, p.Retakes.Wait = 0, -time.Nanosecond }, "retakes.wait"},
		{"A3 a wait of assessment.MaxWait", func(p *policy.Policy) { p.Retakes.Wait = assessment.MaxWait }, ""},
		{"A3 a wait a nanosecond longer than assessment.MaxWait", func(p *policy.Policy) { p.Retakes.Wait = assessment.MaxWait + 1 }, "retakes.wait"},
		{"A3 no wait and no retakes", func(p *policy.Policy) { p.Retakes.Immediate, p.Retakes.Wait = 0, 0 }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := policy.Microsoft()
			tt.change(&p)
			err := p.Validate()
			if tt.field == "" {
				if err != nil {
					t.Errorf("Validate: %v, want nil", err)
				}
				return
			}
			checkFieldError(t, err, tt.field)
		})
	}
}

// TestZeroPolicy checks the zero Policy: Validate refuses it, and its
// methods do not panic.
func TestZeroPolicy(t *testing.T) {
	var p policy.Policy
	checkFieldError(t, p.Validate(), "terms")
	admin := title("azure-administrator")
	pr := linked(cred(admin.ID, "2021-11-16", "2022-11-16"))
	before := snap(pr)
	_ = p.Expiry(admin, day("2021-06-01"))
	for _, on := range days("2021-11-15", "2021-11-16", "2022-05-16", "2022-11-16") {
		d := p.Eligibility(pr, admin, on)
		if !d.Reason.IsValid() || d.Eligible != (d.Reason == policy.Eligible) {
			t.Errorf("Eligibility on %s = %+v: an inconsistent decision", on, d)
		}
		_, _ = p.Renew(pr, admin, on)
		_, _ = p.Earn(pr, admin, on)
	}
	if got := p.Reminders(admin, pr.Credentials[0]); len(got) != 0 {
		t.Errorf("Reminders = %v, want none from the zero Schedule", got)
	}
	if _, err := p.MarshalJSON(); err != nil {
		t.Errorf("MarshalJSON: %v", err)
	}
	if diff := before.diff(pr); diff != "" {
		t.Errorf("the zero Policy changed the profile (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(policy.Policy{}, p); diff != "" {
		t.Errorf("the zero Policy changed (-want +got):\n%s", diff)
	}
}

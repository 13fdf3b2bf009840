package policy_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// TestCheckCatalog checks RULES G8: a catalog title of a program that the
// policy does not list is reported, naming the title and the program.
func TestCheckCatalog(t *testing.T) {
	admin := cert.Certification{ID: "azure-administrator", Name: "Azure Administrator", Level: cert.Associate}
	gca := cert.Certification{ID: "google-professional-cloud-architect", Name: "Professional Cloud Architect", Level: cert.Specialty, Program: "google-cloud"}
	cissp := cert.Certification{ID: "isc2-cissp", Name: "CISSP", Level: cert.Specialty, Program: "isc2"}
	catalog, err := cert.NewCatalog(admin, gca, cissp)
	if err != nil {
		t.Fatal(err)
	}
	google := policy.Program{Name: "google-cloud", Policy: policy.Microsoft()}
	isc2 := policy.Program{Name: "isc2", Policy: policy.Microsoft()}
	tests := []struct {
		name     string
		programs []policy.Program
		want     string // "" for no error
	}{
		{"G8 every program listed", []policy.Program{google, isc2}, ""},
		{"G8 no program listed", nil, `policy: unknown program: "google-professional-cloud-architect" of program "google-cloud": the policy lists none`},
		{"G8 one program missing", []policy.Program{google}, `policy: unknown program: "isc2-cissp" of program "isc2": the policy lists "google-cloud"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := policy.Microsoft()
			p.Programs = tt.programs
			err := p.CheckCatalog(catalog)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("CheckCatalog = %v, want nil", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want || !errors.Is(err, policy.ErrUnknownProgram)):
				t.Errorf("CheckCatalog = %v, want %q matching ErrUnknownProgram", err, tt.want)
			}
		})
	}
	if err := policy.Microsoft().CheckCatalog(cert.Roadmap()); err != nil {
		t.Errorf("G8 the roadmap, with no programs, under Microsoft's policy: %v", err)
	}
}

// ExamplePolicy_At shows RULES G7: a version in force from 2024-01-01 with
// a window of 180 days decides the days from then on, and only those.
func ExamplePolicy_At() {
	today := policy.Policy{
		Terms:           []policy.Term{{Months: 12}},
		WindowDays:      180,
		ExtensionMonths: 12,
		MarketAgeMonths: 6,
	}
	p := policy.Microsoft()
	p.Versions = []policy.Version{{From: cert.NewDate(2024, time.January, 1), Policy: today}}
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder := cert.Profile{MCID: "1", Learn: "ada@example.com", Credentials: []cert.Credential{
		{Cert: admin.ID, Earned: cert.NewDate(2023, time.June, 30), Expires: cert.NewDate(2024, time.June, 30)},
	}}
	for _, on := range []cert.Date{cert.NewDate(2023, time.December, 31), cert.NewDate(2024, time.January, 1)} {
		fmt.Println(on, p.At(on).WindowDays, p.Eligibility(holder, admin, on))
	}
	// Output:
	// 2023-12-31 0 Eligible, window [2023-12-30, 2024-06-30), eligible from 2023-12-30
	// 2024-01-01 180 NotYetOpen, window [2024-01-02, 2024-06-30), eligible from 2024-01-02
}

// ExamplePolicy_For shows RULES G8: one policy answers a Microsoft title
// under its own rules and a Google Cloud title under its program's.
func ExamplePolicy_For() {
	google := policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      60,
		GraceDays:       30,
		ExtensionMonths: 24,
		ExtendFrom:      policy.FromPass,
	}
	p := policy.Microsoft()
	p.Programs = []policy.Program{{Name: "google-cloud", Policy: google}}
	gca := cert.Certification{ID: "google-professional-cloud-architect", Level: cert.Specialty, Program: "google-cloud"}
	holder := cert.Profile{MCID: "1", Learn: "ada@example.com", Credentials: []cert.Credential{
		{Cert: gca.ID, Earned: cert.NewDate(2022, time.March, 1), Expires: cert.NewDate(2024, time.March, 1)},
	}}
	fmt.Println(p.For(gca).WindowDays, p.For(gca).GraceDays)
	fmt.Println(p.Eligibility(holder, gca, cert.NewDate(2024, time.March, 15)))
	renewed, _ := p.Renew(holder, gca, cert.NewDate(2024, time.March, 15))
	cr, _ := renewed.Credential(gca.ID)
	fmt.Println(cr.Expires)
	// Output:
	// 60 30
	// Eligible, window [2024-01-01, 2024-03-01), eligible from 2024-01-01, grace until 2024-03-31, in grace
	// 2026-03-15
}

// TestValidateGraceAtItsBounds checks RULES G1's bounds in Validate: a
// grace period of 36525 days is within its own range, and so is refused
// only because it leaves the window open after a renewal (RULES N3), with
// a message that names it.
func TestValidateGraceAtItsBounds(t *testing.T) {
	for _, tt := range []struct {
		grace      int
		path, text string
	}{
		{36525, "extensionMonths", "policy: invalid policy: extensionMonths: 12 months is not longer than the window, 6 months, and the grace period, 36525 days: a renewal would leave the window open (RULES N3)"},
		{36526, "graceDays", "policy: invalid policy: graceDays: must be from 0 to 36525 days, not 36526"},
		{-1, "graceDays", "policy: invalid policy: graceDays: must be from 0 to 36525 days, not -1"},
		{0, "extensionMonths", "policy: invalid policy: extensionMonths: 6 months is not longer than the window, 6 months: a renewal would leave the window open (RULES N3)"},
	} {
		p := policy.Microsoft()
		p.GraceDays = tt.grace
		if tt.grace == 0 {
			p.ExtensionMonths = 6 // no grace period to name in the message
		}
		err := p.Validate()
		var fe *policy.FieldError
		if !errors.As(err, &fe) || fe.Path != tt.path || err.Error() != tt.text {
			t.Errorf("G1 GraceDays %d: Validate = %v, want %s: %q", tt.grace, err, tt.path, tt.text)
		}
	}
}

// TestG3BeforeEligible checks RULES G3's notices before the window: with
// Schedule.BeforeEligible, a reminder of DaysBefore that falls before the
// first eligible day is sent too, from the day earned on, as Google Cloud
// sends its reminder 90 days before an expiry whose window opens 60 days
// before it; without, RULES M2 drops it.
func TestG3BeforeEligible(t *testing.T) {
	google := policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      60,
		ExtensionMonths: 24,
		Schedule:        policy.Schedule{DaysBefore: []int{90, 60, 30}},
	}
	gca := cert.Certification{ID: "google-professional-cloud-architect", Level: cert.Specialty}
	cr := cert.Credential{Cert: gca.ID, Earned: cert.NewDate(2023, time.March, 1), Expires: cert.NewDate(2025, time.March, 1)}
	days := func(s ...string) []cert.Date {
		var d []cert.Date
		for _, x := range s {
			d = append(d, cert.MustParseDate(x))
		}
		return d
	}
	tests := []struct {
		name   string
		early  bool
		earned cert.Date
		want   []cert.Date
	}{
		{"M2 without: the 90-day reminder is dropped", false, cr.Earned, days("2024-12-31", "2025-01-30")},
		{"G3 with: the 90-day reminder is sent, before the window", true, cr.Earned, days("2024-12-01", "2024-12-31", "2025-01-30")},
		{"G3 with: not before the day earned", true, cert.NewDate(2024, time.December, 2), days("2024-12-31", "2025-01-30")},
		{"G3 with: on the day earned", true, cert.NewDate(2024, time.December, 1), days("2024-12-01", "2024-12-31", "2025-01-30")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := google
			p.Schedule.BeforeEligible = tt.early
			c := cr
			c.Earned = tt.earned
			if diff := cmp.Diff(tt.want, p.Reminders(gca, c)); diff != "" {
				t.Errorf("Reminders (-want +got):\n%s", diff)
			}
		})
	}
	// With the first eligible day and the window's opening: in order, the
	// notice first.
	p := google
	p.Schedule = policy.Schedule{BeforeEligible: true, AtWindowOpens: true, DaysBefore: []int{90, 30}}
	if diff := cmp.Diff(days("2024-12-01", "2024-12-31", "2025-01-30"), p.Reminders(gca, cr)); diff != "" {
		t.Errorf("G3 with the window's opening (-want +got):\n%s", diff)
	}
}

package policy_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

func ExampleMicrosoft() {
	p := policy.Microsoft()
	for _, t := range p.Terms {
		if t.From.IsZero() {
			fmt.Printf("earned before the next term: valid %d months\n", t.Months)
		} else {
			fmt.Printf("earned from %s: valid %d months\n", t.From, t.Months)
		}
	}
	fmt.Printf("the window opens %d months before expiry\n", p.WindowMonths)
	fmt.Printf("a renewal adds %d months to the expiry\n", p.ExtensionMonths)
	fmt.Printf("reminders: first eligible day %v, days before expiry %v\n", p.Schedule.AtFirstEligibleDay, p.Schedule.DaysBefore)
	fmt.Printf("retakes: %d at once, then %v apart\n", p.Retakes.Immediate, p.Retakes.Wait)
	// Output:
	// earned before the next term: valid 24 months
	// earned from 2021-06-01: valid 12 months
	// the window opens 6 months before expiry
	// a renewal adds 12 months to the expiry
	// reminders: first eligible day true, days before expiry [90 30 7]
	// retakes: 1 at once, then 24h0m0s apart
}

func ExamplePolicy_Expiry() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	for _, earned := range []string{"2021-05-31", "2021-06-01", "2024-02-29"} {
		fmt.Println(earned, "->", p.Expiry(admin, cert.MustParseDate(earned)))
	}
	// Output:
	// 2021-05-31 -> 2023-05-31
	// 2021-06-01 -> 2022-06-01
	// 2024-02-29 -> 2025-02-28
}

func ExamplePolicy_Eligibility() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder := cert.Profile{
		MCID:  "990012345",
		Learn: "learn-holder",
		Credentials: []cert.Credential{
			{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-11-16"), Expires: cert.MustParseDate("2022-11-16")},
		},
	}
	for _, on := range []string{"2022-01-10", "2022-06-01", "2022-11-16"} {
		d := p.Eligibility(holder, admin, cert.MustParseDate(on))
		switch {
		case d.Eligible:
			fmt.Printf("%s: may renew until %s\n", on, d.Window.Last())
		case !d.EligibleFrom.IsZero():
			fmt.Printf("%s: %v, may renew from %s\n", on, d.Reason, d.EligibleFrom)
		default:
			fmt.Printf("%s: %v\n", on, d.Reason)
		}
	}
	// Output:
	// 2022-01-10: NotYetOpen, may renew from 2022-05-16
	// 2022-06-01: may renew until 2022-11-15
	// 2022-11-16: Expired
}

func ExamplePolicy_Earn() {
	p := policy.Microsoft()
	roadmap := cert.Roadmap()
	admin, _ := roadmap.Lookup("azure-administrator")
	architect, _ := roadmap.Lookup("azure-solutions-architect")

	holder, err := p.Earn(cert.Profile{MCID: "990012345"}, admin, cert.MustParseDate("2021-03-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	holder, err = p.Earn(holder, architect, cert.MustParseDate("2022-01-10"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, cr := range holder.Credentials {
		fmt.Printf("%s: earned %s, expires %s\n", cr.Cert, cr.Earned, cr.Expires)
	}

	// The expert needs its associate active on the day (RULES R1).
	_, err = p.Earn(cert.Profile{MCID: "990054321"}, architect, cert.MustParseDate("2022-01-10"))
	fmt.Println(errors.Is(err, policy.ErrMissingPrerequisite))
	// Output:
	// azure-administrator: earned 2021-03-01, expires 2023-03-01
	// azure-solutions-architect: earned 2022-01-10, expires 2023-01-10
	// true
}

func ExamplePolicy_Renew() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder := cert.Profile{
		MCID:  "990012345",
		Learn: "learn-holder",
		Credentials: []cert.Credential{
			{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-11-16"), Expires: cert.MustParseDate("2022-11-16")},
		},
	}
	// A renewal adds 12 months to the expiry, not to the day passed.
	renewed, err := p.Renew(holder, admin, cert.MustParseDate("2022-06-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("expires", renewed.Credentials[0].Expires)

	// The window is closed again until 6 months before the new expiry.
	_, err = p.Renew(renewed, admin, cert.MustParseDate("2022-06-02"))
	fmt.Println(err)
	var ne *policy.NotEligibleError
	if errors.As(err, &ne) {
		fmt.Println(ne.Decision.Reason, ne.Decision.EligibleFrom)
	}
	fmt.Println(errors.Is(err, policy.ErrOutsideWindow))
	// Output:
	// expires 2023-11-16
	// policy: cannot renew "azure-administrator" on 2022-06-02: renewal window not yet open (renewal from 2023-05-16)
	// NotYetOpen 2023-05-16
	// true
}

func ExamplePolicy_Reminders() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	cr := cert.Credential{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-11-16"), Expires: cert.MustParseDate("2022-11-16")}
	for _, d := range p.Reminders(admin, cr) {
		fmt.Println(d)
	}
	// Output:
	// 2022-05-16
	// 2022-08-18
	// 2022-10-17
	// 2022-11-09
}

func ExamplePolicy_AppendReminders() {
	p := policy.Microsoft()
	ai, _ := cert.Roadmap().Lookup("azure-ai-engineer")
	// Earned in 2019 for 24 months, its window opened on 2020-10-20, but
	// the assessment came on 2021-02-15: 90 days before expiry falls
	// before that and is dropped, not moved.
	cr := cert.Credential{Cert: "azure-ai-engineer", Earned: cert.MustParseDate("2019-04-20"), Expires: cert.MustParseDate("2021-04-20")}
	buf := make([]cert.Date, 0, policy.MaxReminders) // reused: no allocation
	buf = p.AppendReminders(buf[:0], ai, cr)
	fmt.Println(buf)
	// Output:
	// [2021-02-15 2021-03-21 2021-04-13]
}

func ExamplePolicy_Validate() {
	p := policy.Microsoft()
	p.WindowMonths = 12 // as long as the 12-month term: the window would open on the day earned
	err := p.Validate()
	var pe *policy.FieldError
	if errors.As(err, &pe) {
		fmt.Println(pe.Path, errors.Is(err, policy.ErrInvalidPolicy))
	}
	fmt.Println(policy.Microsoft().Validate())
	// Output:
	// windowMonths true
	// <nil>
}

func ExamplePolicy_UnmarshalJSON() {
	// The next policy change is one more row: from 2025-01-01, say, 36
	// months.
	config := []byte(`{
		"terms": [
			{"months": 24},
			{"from": "2021-06-01", "months": 12},
			{"from": "2025-01-01", "months": 36}
		],
		"windowMonths": 6, "extensionMonths": 12, "marketAgeMonths": 6,
		"reminders": {"atFirstEligibleDay": true, "daysBefore": [90, 30, 7]},
		"retakes": {"immediate": 1, "wait": "24h"}
	}`)
	var p policy.Policy
	if err := json.Unmarshal(config, &p); err != nil {
		fmt.Println(err)
		return
	}
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	for _, earned := range []string{"2021-05-31", "2024-12-31", "2025-01-01"} {
		fmt.Println(earned, "->", p.Expiry(admin, cert.MustParseDate(earned)))
	}
	// Output:
	// 2021-05-31 -> 2023-05-31
	// 2024-12-31 -> 2025-12-31
	// 2025-01-01 -> 2028-01-01
}

func ExampleWindow() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder, _ := p.Earn(cert.Profile{MCID: "1000001", Learn: "ada@example.com"}, admin, cert.MustParseDate("2021-07-15"))

	w := p.Eligibility(holder, admin, cert.MustParseDate("2021-12-01")).Window
	fmt.Println(w)
	fmt.Println("first day", w.Opens, "last day", w.Last())
	for _, on := range []string{"2022-01-14", "2022-01-15", "2022-07-14", "2022-07-15"} {
		fmt.Println(on, w.Contains(cert.MustParseDate(on)))
	}
	// Output:
	// [2022-01-15, 2022-07-15)
	// first day 2022-01-15 last day 2022-07-14
	// 2022-01-14 false
	// 2022-01-15 true
	// 2022-07-14 true
	// 2022-07-15 false
}

func ExamplePolicy_MarshalJSON() {
	b, _ := json.Marshal(policy.Microsoft())
	fmt.Println(string(b))
	// Output:
	// {"terms":[{"months":24},{"from":"2021-06-01","months":12}],"windowMonths":6,"extensionMonths":12,"marketAgeMonths":6,"reminders":{"atFirstEligibleDay":true,"daysBefore":[90,30,7]},"retakes":{"immediate":1,"wait":"24h0m0s"}}
}

func ExampleReason() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder, _ := p.Earn(cert.Profile{MCID: "1000001"}, admin, cert.MustParseDate("2021-07-15"))
	// The reasons, in the order Eligibility checks them (RULES E5).
	for _, on := range []string{"2021-07-14", "2021-12-01", "2022-02-01", "2022-07-15"} {
		d := p.Eligibility(holder, admin, cert.MustParseDate(on))
		fmt.Println(on, d.Reason)
	}
	// Output:
	// 2021-07-14 NotHeld
	// 2021-12-01 NotYetOpen
	// 2022-02-01 ProfileNotLinked
	// 2022-07-15 Expired
}

func ExampleDecision() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder, _ := p.Earn(cert.Profile{MCID: "1000001", Learn: "ada@example.com"}, admin, cert.MustParseDate("2021-07-15"))

	d := p.Eligibility(holder, admin, cert.MustParseDate("2021-12-01"))
	fmt.Println(d.Eligible, d.Reason, d.Window, d.EligibleFrom)
	fmt.Println(d)

	// A refused renewal is a *NotEligibleError that carries the Decision;
	// errors.Is matches ErrNotEligible and the sentinel of its reason.
	_, err := p.Renew(holder, admin, cert.MustParseDate("2022-07-15"))
	var refused *policy.NotEligibleError
	fmt.Println(errors.As(err, &refused), refused.Op, refused.Decision.Reason)
	fmt.Println(errors.Is(err, policy.ErrNotEligible), errors.Is(err, policy.ErrExpired))
	fmt.Println(err)
	// Output:
	// false NotYetOpen [2022-01-15, 2022-07-15) 2022-01-15
	// NotYetOpen, window [2022-01-15, 2022-07-15), eligible from 2022-01-15
	// true renew Expired
	// true true
	// policy: cannot renew "azure-administrator" on 2022-07-15: expired
}

func ExamplePolicy_RecordAttempt() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder, _ := p.Earn(cert.Profile{MCID: "1000001", Learn: "ada@example.com"}, admin, cert.MustParseDate("2021-07-15"))

	// The cycle of the credential's current expiry, 2022-07-15.
	cycle := p.Cycle(holder, admin)
	first := time.Date(2022, time.March, 1, 9, 0, 0, 0, time.UTC)
	for _, a := range []assessment.Attempt{
		{At: first},                       // a fail
		{At: first.Add(10 * time.Minute)}, // an immediate retry, failed (RULES A2)
		{At: first.Add(time.Hour)},        // too soon (RULES A3)
		{At: first.Add(10*time.Minute + 24*time.Hour), Passed: true}, // 24 hours later: a pass
	} {
		next, nextCycle, err := p.RecordAttempt(holder, admin, cycle, a)
		var lockout *assessment.LockoutError
		switch {
		case errors.As(err, &lockout):
			fmt.Println(a.At.Format(time.DateTime), "refused until", lockout.Until.Format(time.DateTime))
			continue
		case err != nil:
			fmt.Println(a.At.Format(time.DateTime), "refused:", err)
			continue
		}
		holder, cycle = next, nextCycle
		cr, _ := holder.Credential(admin.ID)
		fmt.Println(a.At.Format(time.DateTime), "recorded; attempts this cycle:", cycle.Len(), "expires:", cr.Expires)
	}
	// Output:
	// 2022-03-01 09:00:00 recorded; attempts this cycle: 1 expires: 2022-07-15
	// 2022-03-01 09:10:00 recorded; attempts this cycle: 2 expires: 2022-07-15
	// 2022-03-01 10:00:00 refused until 2022-03-02 09:10:00
	// 2022-03-02 09:10:00 recorded; attempts this cycle: 0 expires: 2023-07-15
}

func ExamplePolicy_Cycle() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder, _ := p.Earn(cert.Profile{MCID: "1000001", Learn: "ada@example.com"}, admin, cert.MustParseDate("2021-07-15"))

	// A service that stores attempts rebuilds the cycle from them; the
	// cycle remembers the expiry it renews.
	cycle := p.Cycle(holder, admin)
	stored := cycleOf(cycle.Credential(), []assessment.Attempt{
		{At: time.Date(2022, time.March, 1, 9, 0, 0, 0, time.UTC)},
	})
	fmt.Println("renews the expiry", stored.Credential().Expires, "with", stored.Len(), "attempt")

	// After a renewal, the old cycle no longer belongs to the credential.
	renewed, _ := p.Renew(holder, admin, cert.MustParseDate("2022-03-02"))
	_, _, err := p.RecordAttempt(renewed, admin, stored, assessment.Attempt{At: time.Date(2022, time.March, 3, 9, 0, 0, 0, time.UTC)})
	fmt.Println(errors.Is(err, assessment.ErrStaleCycle))
	// Output:
	// renews the expiry 2022-07-15 with 1 attempt
	// true
}

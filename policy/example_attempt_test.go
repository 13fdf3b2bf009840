package policy_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

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

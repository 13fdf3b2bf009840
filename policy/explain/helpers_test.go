package explain_test

import (
	"testing"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// The sample holder of the tests: the Azure Administrator Associate earned
// on 2021-07-15 (valid 12 months, RULES V2: it expires 2022-07-15, and its
// window is [2022-01-15, 2022-07-15), RULES E2), linked.
var (
	microsoft = policy.Microsoft()
	roadmap   = cert.Roadmap()
	admin     = lookup("azure-administrator")
	adminName = "“Microsoft Certified: Azure Administrator Associate”"

	fundamentals = cert.Certification{ID: "azure-fundamentals", Name: "Microsoft Certified: Azure Fundamentals", Level: cert.Fundamentals}

	// newcomer launched 2021-11-01: its assessment is offered from
	// 2022-05-01 (RULES E3), after the window of a credential earned in
	// beta on 2021-09-15 opens, 2022-03-15.
	newcomer = cert.Certification{ID: "newcomer", Name: "Newcomer", Level: cert.Associate, Launched: day("2021-11-01")}

	// late's assessment comes on 2022-08-01, after a credential earned
	// 2021-07-15 expires.
	late = cert.Certification{ID: "late", Name: "Late", Level: cert.Associate, RenewalFrom: day("2022-08-01")}
)

func lookup(id cert.ID) cert.Certification {
	c, ok := roadmap.Lookup(id)
	if !ok {
		panic("no title " + string(id))
	}
	return c
}

// holder returns the sample holder, who also holds fundamentals, newcomer
// and late.
func holder(t testing.TB) cert.Profile {
	t.Helper()
	pr := cert.Profile{MCID: "1000001", Learn: "ada@example.com"}
	for _, e := range []struct {
		c  cert.Certification
		on string
	}{
		{admin, "2021-07-15"},
		{fundamentals, "2021-03-01"},
		{newcomer, "2021-09-15"},
		{late, "2021-07-15"},
	} {
		var err error
		if pr, err = microsoft.Earn(pr, e.c, day(e.on)); err != nil {
			t.Fatal(err)
		}
	}
	return pr
}

package certrenew_test

import (
	"fmt"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// Example is the example of README.md and of the package doc: earn, ask,
// renew.
func Example() {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder := cert.Profile{MCID: "1000001", Learn: "ada@example.com"}

	// Earned on 2021-07-15: valid 12 months (RULES V2).
	holder, err := p.Earn(holder, admin, cert.MustParseDate("2021-07-15"))
	if err != nil {
		panic(err)
	}

	d := p.Eligibility(holder, admin, cert.MustParseDate("2021-12-01"))
	fmt.Println(d.Reason, "from", d.EligibleFrom) // the window opens 6 months before expiry (RULES E2)

	holder, err = p.Renew(holder, admin, cert.MustParseDate("2022-02-01"))
	if err != nil {
		panic(err)
	}
	cr, _ := holder.Credential("azure-administrator")
	fmt.Println("expires", cr.Expires) // 12 months after the old expiry (RULES N1)
	// Output:
	// NotYetOpen from 2022-01-15
	// expires 2023-07-15
}

package policytest_test

import (
	"fmt"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/policytest"
)

// A scenario that Microsoft's policy meets gives no failure.
func ExampleScenario_Run() {
	s, err := policytest.Parse("renew.scenario", []byte(`
# RULES E2, A2, N1
cert azure-administrator
earned 2021-07-15
on 2022-01-14 NotYetOpen from 2022-01-15
attempt 2022-02-01T09:00Z fail
attempt 2022-02-01T09:30Z pass
expires 2023-07-15
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	failures := s.Run(policy.Microsoft(), cert.Roadmap())
	fmt.Println(len(failures), "failed")
	// Output: 0 failed
}

// A wrong expectation is reported with its line and what the library
// decided instead: the window opens on 2022-01-15, not a day earlier.
func ExampleScenario_Run_failure() {
	s, err := policytest.Parse("renew.scenario", []byte(`cert azure-administrator
earned 2021-07-15

on 2022-01-14 Eligible
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range s.Run(policy.Microsoft(), cert.Roadmap()) {
		fmt.Println(f)
	}
	// Output: renew.scenario:4: on 2022-01-14: want Eligible, got NotYetOpen, window [2022-01-15, 2022-07-15), eligible from 2022-01-15
}

// Parse names the line of a statement it cannot read.
func ExampleParse() {
	_, err := policytest.Parse("renew.scenario", []byte("cert azure-administrator; earned 2021-07-15\nrenewed 2022-01-15 refused Closed"))
	fmt.Println(err)
	// Output: policytest: renew.scenario:2: unknown refusal "Closed": want a reason other than Eligible, or one of Backdated, CapReached, DateOutOfRange, MissingPrerequisite, OutOfOrder, Passed, StaleCycle, StillActive, TooSoon, UnknownCertification in "renewed 2022-01-15 refused Closed"
}

// String gives the canonical text: one statement a line, clauses in their
// order, instants without zero seconds.
func ExampleScenario_String() {
	s, err := policytest.Parse("renew.scenario", []byte(
		"cert azure-administrator; earned 2021-07-15 # a comment\n"+
			"on 2022-01-15   Eligible window 2022-01-15 2022-07-15 from 2022-01-15; attempt 2022-02-01T09:00:00+08:00 pass"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(s)
	// Output:
	// cert azure-administrator
	// earned 2021-07-15
	// on 2022-01-15 Eligible from 2022-01-15 window 2022-01-15 2022-07-15
	// attempt 2022-02-01T09:00+08:00 pass
}

// A policy of the general form is checked the same way: here Google
// Cloud's window of 60 days and its 30 days of grace (RULES G1, G2, G8).
// The scenario expects the grace period to end a day late.
func ExampleScenario_Run_grace() {
	p, err := policy.Parse([]byte(`{"terms":[{"months":24}],"windowDays":60,"graceDays":30,
		"extensionMonths":24,"extendFrom":"pass","marketAgeMonths":0,
		"reminders":{"atFirstEligibleDay":false,"daysBefore":[90,60,30]},
		"retakes":{"immediate":0,"wait":"336h","then":["1440h","8760h"]}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cat, err := cert.NewCatalog(cert.Certification{ID: "google-professional-cloud-architect",
		Name: "Google Cloud Certified: Professional Cloud Architect", Level: cert.Specialty, Program: "google-cloud"})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := policytest.Parse("grace.scenario", []byte(`cert google-professional-cloud-architect
earned 2023-03-01
on 2025-03-01 Eligible in grace grace until 2025-04-01
attempt 2025-03-02T10:00Z fail
attempt 2025-03-03T10:00Z fail refused TooSoon until 2025-03-16T10:00Z
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range s.Run(p, cat) {
		fmt.Println(f)
	}
	// Output: grace.scenario:3: on 2025-03-01: want Eligible grace until 2025-04-01 in grace, got Eligible, window [2024-12-31, 2025-03-01), eligible from 2024-12-31, grace until 2025-03-31, in grace
}

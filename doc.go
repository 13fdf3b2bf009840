// Package certrenew turns a certification renewal policy into pure, tested
// functions. Its first policy is Microsoft's, announced on 2020-12-15; the
// next one is data, not code.
//
// For any holder on any day it answers: when does this credential expire,
// may they renew today and if not why and from when, when do the reminders
// go out, may they start another assessment attempt now, what does passing
// do, and what happens to related certifications.
//
// # Packages
//
// The library is three packages, imported one way (policy uses assessment
// and cert, assessment uses cert), and the packages beneath policy that
// build on them.
//
//   - [github.com/certrenew/certrenew/cert] holds the nouns: the calendar
//     day Date, Level, Certification, Credential, Profile, and the Catalog,
//     with Roadmap, the 27 titles of the policy's own page.
//   - [github.com/certrenew/certrenew/assessment] holds attempts at the
//     renewal assessment and the rule for retaking it.
//   - [github.com/certrenew/certrenew/policy] holds the rules, as methods on
//     a Policy value: Expiry, Eligibility, Earn, Renew, Reminders and
//     RecordAttempt; Microsoft returns the policy of 2020-12-15, and Parse
//     reads a Policy from JSON.
//   - [github.com/certrenew/certrenew/policy/history] replays an event log
//     into the state of a profile as of any day, with linking and merging.
//   - [github.com/certrenew/certrenew/policy/agenda] lists what comes next
//     for a holder and what is due on a day; its package ical writes that
//     as iCalendar.
//   - [github.com/certrenew/certrenew/policy/explain] puts decisions,
//     refusals and agenda items into English or Chinese sentences.
//   - [github.com/certrenew/certrenew/policy/batch] asks what is due of a
//     stream of holders, for the daily run.
//
// # Pure
//
// Nothing in the library reads a clock, a file or the network, logs, or
// keeps state. The caller passes the day (a cert.Date) or the instant (a
// time.Time) it asks about; the same inputs always give the same answer.
// Operations return new values and never change what they were given, and
// every value is safe to share between goroutines.
//
// # Example
//
//	p := policy.Microsoft()
//	admin, _ := cert.Roadmap().Lookup("azure-administrator")
//	holder, _ := p.Earn(cert.Profile{MCID: "1234", Learn: "ada"}, admin, cert.MustParseDate("2021-07-15"))
//	d := p.Eligibility(holder, admin, cert.MustParseDate("2021-12-01"))
//	fmt.Println(d.Reason, d.EligibleFrom) // NotYetOpen 2022-01-15
//
// The rules, numbered as in the project's RULES.md, are cited in every doc
// comment and test that implements them; README.md maps each rule to its
// function.
package certrenew

// Package policy holds the rules of a certification renewal policy, as
// methods on a [Policy] value: when a credential expires, whether its holder
// may renew it on a day and if not why, what a renewal does, when reminders
// go out, and what earning a title requires. Each rule cites its number in
// RULES.md.
//
// # Questions and operations
//
// Questions return values and never fail: [Policy.Expiry] a day,
// [Policy.Eligibility] a [Decision] that names its [Reason], and
// [Policy.AppendReminders] the days of a cycle. They allocate nothing.
//
// Operations return a new profile and an error: [Policy.Earn],
// [Policy.Renew] and [Policy.RecordAttempt], which records an attempt at the
// renewal assessment in its cycle ([Policy.Cycle]) and renews on a pass.
// They never change the profile they are given, nor its slice; on a refusal
// they return it as it was, and the error matches one of the sentinels of
// this package, or of package assessment, with [errors.Is].
//
// # Days
//
// Every rule here works on calendar days ([cert.Date]) and half-open spans:
// a credential earned on E that expires on X is active on E..X-1, and its
// renewal window is [X - WindowMonths, X) (RULES D1, D2, E2), or
// [X - WindowDays, X) (G2). Months are
// added with clamping to the month's end (RULES D3). Nothing reads a clock:
// the caller passes the day it asks about.
//
// # Order of checks
//
// Eligibility checks the rules in a fixed order, and names the first that
// fails, so that the same inputs always give the same reason (RULES E5):
// not held, never expires, expired, window not yet open, assessment not
// offered yet, profile not linked; else eligible.
//
// # Readings of the rules
//
// Where the source leaves a point open, the policy makes it a parameter and
// documents the reading that [Microsoft] takes: the reminder days (RULES
// M2), the market age of a certification before its renewal assessment is
// offered (RULES E3), and the validity terms by earn day (RULES V4). A
// policy that makes no sense is refused by [Policy.Validate].
//
// # Other programs, versions and files
//
// A Policy also holds the rules of other programs, as data: a window in
// days ([Policy.WindowDays], RULES G2), a grace period after the expiry in
// which a renewal is still allowed ([Policy.GraceDays], G1), an extension
// from the day of the pass ([FromPass], G4), a reminder when the window
// opens ([Schedule.AtWindowOpens], G3), and retake ladders with a cap
// ([Policy.RenewalRetakes], [Policy.ExamRetakes], G5, G6). Each field's
// zero value keeps the rule of 2020, so Microsoft's policy leaves them all
// zero.
//
// A policy changes over time as a list of [Version] values, each in force
// from a day (G7): the day a question is about chooses the version, so a
// version added from a day never changes an answer about an earlier day
// ([Policy.At] says which day governs which question). And one Policy
// answers titles of several programs (G8): a title names its program in
// [cert.Certification.Program], and [Policy.Programs] gives each program's
// policy ([Policy.For]). Every method dispatches by itself; a caller never
// picks the version or the program.
//
// A policy is kept as a file in its JSON form ([Parse],
// [Policy.MarshalJSON]); the files under policies/ at the root of the
// module encode published rules, and package policytest verifies a policy
// file against scenarios with go test.
package policy

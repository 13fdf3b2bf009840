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
// renewal window is [X - WindowMonths, X) (RULES D1, D2, E2). Months are
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
package policy

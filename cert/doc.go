// Package cert answers which certifications exist, what a person holds,
// and on which day.
//
// These are what the renewal rules are about. The package has the nouns and
// no rules: a [Date] is a day, a [Certification] a title of a [Catalog], a
// [Credential] one person's holding of a title, and a [Profile] all of that
// person's credentials. Package policy decides, from these values, who may
// renew what and when. The rules are numbered in
// RULES.md at the root of the repository, and the docs cite them so:
// "(RULES D2)".
//
// # Days, not instants
//
// Validity, windows and reminders are calendar days with no time zone; an
// attempt at an assessment is an instant, a [time.Time] (RULES D1, D4).
// [DateOf] takes the day of an instant in the instant's own location, so the
// caller chooses the zone and the library never guesses one:
//
//	at := time.Date(2021, 6, 15, 2, 0, 0, 0, time.UTC)
//	cert.DateOf(at.In(tokyo))      // 2021-06-15
//	cert.DateOf(at.In(losAngeles)) // 2021-06-14
//
// [Date.In] goes back to the first instant of a day in a location, which is
// not midnight where the clocks skip it. Time between attempts is elapsed
// time, a [time.Duration], also across a change of clocks (RULES D4).
//
// # Half-open spans
//
// Every span of days includes its first day and excludes its last (RULES
// D2). A credential earned on E that expires on X is active on day d when
// E <= d < X: "expires on X" names the first day it is no longer valid.
// [Credential.ActiveOn] says so, and a credential whose Expires is the zero
// Date never expires.
//
// # The zero Date
//
// The zero Date is no day at all: its text is "", it sorts before every day,
// and arithmetic on it gives the zero Date again (RULES D5). Every day from
// 0001-01-01 to 9999-12-31 is a real, non-zero Date, so an invalid day such
// as 2021-02-30 cannot be built. [ParseDate] reads a day someone typed and
// refuses "", while [Date.UnmarshalText] reads "" as the zero Date, so that
// every Date survives a round trip through JSON.
//
// # Adding months
//
// [Date.AddMonths] clamps to the end of the month, where
// [time.Time.AddDate] would spill into the next (RULES D3):
//
//	2024-02-29 + 12 months = 2025-02-28
//	2021-08-31 -  6 months = 2021-02-28
//
// A day once clamped stays clamped: 2025-02-28 plus 12 months is
// 2026-02-28, and plus 36 months 2028-02-28; the leap day is not restored
// (RULES D5). [NewDate], by contrast, normalizes as [time.Date] does.
//
// # The catalog and the roadmap
//
// A [Catalog] holds certifications in a stable order and finds them by
// [ID]. [Roadmap] is the catalog of the policy page of 2020-12-15: the 27
// titles whose renewal assessments came in two waves in February and March
// 2021, and the associate prerequisites of its four expert titles (RULES
// H1, R1). [NewCatalog] and [ParseCatalog] build others, and refuse a
// catalog that makes no sense, such as a prerequisite that is not an
// associate title of the same catalog.
//
// One catalog may hold the titles of several certification programs, such
// as Microsoft's, Google Cloud's and ISC2's: [Certification.Program] names
// the program whose renewal policy governs a title, such as
// "google-cloud", and the empty name, which every Roadmap title has, is
// the catalog's default program (RULES G8). [Catalog.Programs] lists the
// programs a catalog names.
//
// # Sharing values
//
// Every value of the package is safe to use from several goroutines at
// once, as a [time.Time] is: no function or method modifies its receiver or
// what it is given. A Date, a Level and an ID are plain values; a Catalog
// never changes once built and keeps copies of what it was built from (the
// slices of the certifications it returns are shared, and must not be
// modified); and operations on a Profile, such as [Profile.With], return a
// new one and leave the one they were given, and its slice, unchanged.
package cert

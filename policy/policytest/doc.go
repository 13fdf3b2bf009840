// Package policytest answers, inside go test, whether a renewal policy
// decides what its author says it should: it runs scenario files, plain
// text that walks one holder through earning, attempts and renewals and
// states what the policy must decide on each day, and reports every
// expectation that fails with its file and line and what the library
// decided instead.
//
// # Scenarios
//
// A scenario speaks of one holder and states, line by line, what happens to
// them and what the policy must answer:
//
//	# RULES V2, E2, A2, N1: earned in July 2021, renewed early in 2022.
//	cert azure-administrator
//	earned 2021-07-15
//	expires 2022-07-15
//	on 2022-01-14 NotYetOpen from 2022-01-15      # the day before the window
//	on 2022-01-15 Eligible window 2022-01-15 2022-07-15
//	attempt 2022-02-01T09:00Z fail
//	next 2022-02-01T09:00Z                        # one retake at once
//	attempt 2022-02-01T09:30Z pass
//	expires 2023-07-15                            # from the expiry, not the day passed
//
// Each operation goes through package policy as a service would call it,
// and each question asks it; the rest is detail.
//
// The text is UTF-8, read a line at a time. A "#" starts a comment that
// runs to the end of its line, blank lines are ignored, and ";" also ends a
// statement, so that a whole scenario fits on one line:
//
//	cert azure-administrator; earned 2021-07-15; on 2022-01-14 NotYetOpen from 2022-01-15
//
// Words are separated by spaces and tabs. A DATE is a day written
// 2006-01-02 ([cert.ParseDate]); an INSTANT is RFC 3339 with or without
// seconds and fraction, and with its offset from UTC, which gives the day
// of an attempt (RULES D1, D4): 2022-02-01T09:00Z,
// 2022-02-01T09:00:00+08:00, 2022-02-01T09:00:00.5Z.
//
// The runner keeps one holder: a [cert.Profile] with MCID "policytest",
// linked at the start to the Learn profile "policytest@example.com" (RULES
// E4), and for each title the current renewal cycle ([assessment.Cycle],
// RULES A4). The statements are:
//
//	cert ID                 the title the statements after it speak of,
//	                        looked up in the catalog given to the runner
//	linked                  link the profile to its Learn profile (RULES E4)
//	unlinked                remove the link
//	earned DATE             Policy.Earn on DATE; the title's cycle is the
//	                        empty cycle of the new credential
//	renewed DATE            Policy.Renew on DATE; the cycle starts afresh,
//	                        as after a pass
//	attempt INSTANT pass    Policy.RecordAttempt of a pass, or of a fail,
//	attempt INSTANT fail    in the title's cycle
//	on DATE REASON [from DATE|from none] [window OPENS CLOSES|window none]
//	        [grace until DATE|grace until none] [in grace]
//	                        Policy.Eligibility on DATE gives REASON, and
//	                        the clauses given: EligibleFrom, the Window
//	                        [OPENS, CLOSES), GraceEnds, the first day after
//	                        the grace period (RULES G1), and InGrace, that
//	                        DATE lies in the grace period; the clauses
//	                        follow in any order, each at most once
//	expires DATE            the held credential expires on DATE,
//	expires never           or never (RULES V1)
//	reminders DATE...       Policy.Reminders of the held credential are
//	reminders none          these days in order, or none (RULES M1-M3)
//	next INSTANT            the next attempt of the cycle may start from
//	next any                INSTANT, at any instant, or not at all
//	next none               (assessment.Cycle.NextLadder, RULES A2-A4,
//	                        G5, G6), under the renewal retake rule of the
//	                        policy that governs the title (RULES G8), in
//	                        the version in force on the day of the last
//	                        attempt (RULES G7)
//
// REASON is the name of a [policy.Reason]: NotHeld, NeverExpires, Expired,
// NotYetOpen, AssessmentUnavailable, ProfileNotLinked or Eligible (RULES
// E5).
//
// The three operations, earned, renewed and attempt, must be accepted,
// unless they end with "refused NAME": then they must be refused for that
// reason, and the holder stays as it was. NAME is a reason other than
// Eligible, which the refusal's [*policy.NotEligibleError] must carry in its
// Decision, or the name of a sentinel error the refusal matches:
//
//	StillActive             policy.ErrStillActive (RULES N5)
//	Backdated               policy.ErrBackdated (RULES N6a)
//	MissingPrerequisite     policy.ErrMissingPrerequisite (RULES R1)
//	DateOutOfRange          policy.ErrDateOutOfRange (RULES D5)
//	UnknownCertification    policy.ErrUnknownCertification
//	TooSoon                 assessment.ErrTooSoon (RULES A3, G5, G6)
//	CapReached              assessment.ErrCapReached (RULES G6)
//	Passed                  assessment.ErrPassed (RULES A4, A5)
//	OutOfOrder              assessment.ErrOutOfOrder (RULES A5)
//	StaleCycle              assessment.ErrStaleCycle (RULES A4)
//
// "refused TooSoon until INSTANT" also checks when the lockout lifts, the
// Until of the [*assessment.LockoutError], as the same instant
// ([time.Time.Equal]); "refused CapReached until INSTANT" checks when the
// cap lifts, the Until of the [*assessment.CapError]. A refusal by a cap is
// also too soon, so TooSoon matches it as well.
//
// # The general policy
//
// A policy of the general form (RULES G1-G8) needs no other statements:
// every statement asks the [policy.Policy] methods, which choose the
// program's policy for the title (G8) and the version in force on the day
// (G7), and apply its window in days (G2), grace period (G1), base of
// extension (G4), reminders (G3) and retake ladder (G5, G6). The grace
// clauses and the cap's refusal state what they decide:
//
//	# RULES G1, G4: 30 days after the expiry, renewed from the pass.
//	cert google-professional-cloud-architect
//	earned 2023-03-01; expires 2025-03-01
//	on 2025-02-28 Eligible grace until 2025-03-31
//	on 2025-03-01 Eligible in grace
//	on 2025-03-31 Expired grace until none
//	renewed 2025-03-30; expires 2027-03-30
//
// [Parse] reads the whole text first and refuses it at the first statement
// it cannot read, with a [*SyntaxError] naming the line: an unknown
// statement, word or clause, a malformed day, a missing word or a word too
// many. [Scenario.String] writes a scenario back as canonical text, one
// statement a line.
//
// # Running scenarios
//
// A service keeps its policy in a file ([policy.Parse]) and its scenarios
// beside it, in testdata, and verifies the one against the other with one
// test:
//
//	func TestPolicyScenarios(t *testing.T) {
//		data, err := os.ReadFile("policy.json")
//		if err != nil {
//			t.Fatal(err)
//		}
//		p, err := policy.Parse(data)
//		if err != nil {
//			t.Fatal(err)
//		}
//		policytest.Run(t, p, cert.Roadmap(), os.DirFS("testdata"), "*.scenario")
//	}
//
// [Run] runs each file that matches the pattern as a subtest named after
// it, and reports each failure in a line such as
//
//	renew.scenario:4: on 2022-01-14: want NotYetOpen from 2022-01-15, got Eligible, window [2022-01-15, 2022-07-15), eligible from 2022-01-15
//
// [Scenario.Run] is the same check without go test: it returns the
// [Failure] values and does no I/O.
//
// # What the runner does
//
// Statements run in order, each against the state the ones before it left:
// an operation the library accepts changes the holder even where the
// scenario wanted it refused, and a refused one changes nothing, so later
// statements are checked against what the library really did. Every
// statement runs, after a failure too. A title statement before the first
// cert statement fails ("no cert statement before this line"); a cert
// statement whose ID is not in the catalog fails, and the statements of
// that title are skipped until the next cert statement. "expires" and
// "reminders" of a title not held fail with "not held".
//
// The package opens no files, starts no goroutines, reads no clock and
// keeps no state between calls: a [Scenario] is a value that never changes
// and may be run on several goroutines at once.
package policytest

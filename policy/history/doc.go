// Package history answers what state a certification profile is in on any
// day, from the log of what happened to it: exams passed, attempts at the
// renewal assessment, a Learn profile linked, another certification profile
// merged in. It also checks stored profiles against the rules.
//
// # Events and replay
//
// A service keeps what happened, not a snapshot: an [Event] log, oldest
// first, in the JSON form that [ParseLog] reads. [Replayer.Replay] folds a
// log, under a policy and a catalog, into the [State] as of a day: the
// profile, the current renewal cycle of each credential, and the earlier
// credentials of each title. Events after the day are ignored, so the same
// call answers for today, for last March, and for "what if she passes on
// Friday" (the log plus hypothetical events):
//
//	st, err := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}.
//		Replay("1000001", log, cert.MustParseDate("2022-03-01"))
//
// Each event is checked by the rules of package policy, exactly as the
// operations there check it: an earned event as [policy.Policy.Earn] (RULES
// N5, N6, N6a, R1), an attempt as [policy.Policy.RecordAttempt] (RULES
// A1-A5, N1). A log whose events are not in order of their days is
// refused.
//
// # Strict and lenient
//
// Replay stops at the first event the rules refuse and returns an
// [*EventError] naming its index, the event and the rule, which matches the
// rule's sentinel. [Replayer.Lenient] skips such events instead and
// returns them with their refusals, so that a service can show what went
// wrong in a stored log.
//
// # Linking and merging
//
// A certification profile links to one Learn profile, once (RULES P1):
// linking it again to the same one changes nothing, and to another is
// refused with [ErrAlreadyLinked]. Profiles are merged before linking
// (RULES P2): a merge is refused once either profile is linked
// ([ErrMergeLinked]). A merge combines the credentials; for a title held in
// both, the credential valid longer (the later expiry; one that never
// expires is longest; on a tie, the one already held) stays current, and the
// other becomes an earlier credential of the title, with its cycle. Nothing
// is lost: every credential of both profiles is current or earlier.
//
// # Stored snapshots
//
// [Check] reports every problem of a stored [cert.Profile] under a policy
// and a catalog, each naming the credential.
//
// Nothing here reads a clock or keeps state; every value is safe to share
// between goroutines.
package history

package history

import (
	"errors"
	"strconv"

	"github.com/certrenew/certrenew/cert"
)

// The refusals of this package match these with [errors.Is]. [errors.As]
// gives the data behind them: a [*LogError] behind ErrInvalidLog, an
// [*EventError] behind every refusal of a replay (which also matches the
// sentinel of package policy or assessment behind it), and a [Problem]'s
// Err is one of the snapshot sentinels below.
var (
	// ErrInvalidLog: a log that is not the JSON form of events (ParseLog).
	ErrInvalidLog = errors.New("history: invalid event log")

	// ErrNoKind: an event of no kind, or of a kind no replay knows.
	ErrNoKind = errors.New("history: event of no known kind")

	// ErrOutOfOrder: an event on a day before the event before it.
	ErrOutOfOrder = errors.New("history: event out of order")

	// ErrAlreadyLinked: linking a profile already linked to another
	// Learn profile; the link cannot be changed (RULES P1).
	ErrAlreadyLinked = errors.New("history: profile already linked to another Learn profile")

	// ErrMergeLinked: merging when either profile is linked; profiles are
	// merged before linking (RULES P2).
	ErrMergeLinked = errors.New("history: profiles are merged before linking")

	// ErrMergeSelf: merging a profile into itself, or one already merged.
	ErrMergeSelf = errors.New("history: profile already part of this one")

	// ErrNoEarnDay: a stored credential with no Earned day.
	ErrNoEarnDay = errors.New("history: credential has no earn day")

	// ErrNoExpiry: a stored role-based or specialty credential that never
	// expires (RULES V2, V3).
	ErrNoExpiry = errors.New("history: credential has no expiry")

	// ErrUnexpectedExpiry: a stored fundamentals credential with an
	// expiry (RULES V1).
	ErrUnexpectedExpiry = errors.New("history: fundamentals credential has an expiry")

	// ErrExpiryNotAfterEarned: a stored credential that expires on or
	// before the day it was earned (RULES D2).
	ErrExpiryNotAfterEarned = errors.New("history: credential expires on or before its earn day")

	// ErrUnreachableExpiry: a stored expiry that no sequence of renewals
	// from the earn day gives (RULES V4, N1).
	ErrUnreachableExpiry = errors.New("history: expiry no renewal gives")

	// ErrHeldTwice: a stored profile with two credentials of one title
	// (RULES N6).
	ErrHeldTwice = errors.New("history: title held twice")
)

// A LogError reports a log that [ParseLog] refuses. It matches
// [ErrInvalidLog] and Err.
type LogError struct {
	Index int    // the index of the event at fault, from 0; -1 for the log as a whole
	Path  string // the JSON path of the value at fault, such as "[3].on" or "[2].events[0].kind"
	Err   error  // what is wrong
}

// Error returns the message, naming the event and the path.
func (e *LogError) Error() string {
	s := "history: invalid event log"
	if e.Path != "" {
		s += ": " + e.Path
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns [ErrInvalidLog] and Err.
func (e *LogError) Unwrap() []error { return []error{ErrInvalidLog, e.Err} }

// An EventError reports an event that a replay refuses: its index in the
// log, the event, the rule that refuses it and the refusal. It matches the
// refusal, such as [policy.ErrMissingPrerequisite] or
// [assessment.ErrTooSoon], with [errors.Is], and [errors.As] reaches the
// typed error behind it.
type EventError struct {
	Index int    // the index of the event in the log, from 0
	Event Event  // the event refused
	Rule  string // the rule of RULES.md that refuses it, such as "R1" or "A3"; "" for a log out of order, an event of no kind or a title not in the catalog
	Err   error  // the refusal
}

// Error returns the message: the index, the event, the rule and the
// refusal.
func (e *EventError) Error() string {
	s := "history: event " + strconv.Itoa(e.Index) + " (" + e.Event.String() + ")"
	if e.Rule != "" {
		s += " refused by RULES " + e.Rule
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns Err.
func (e *EventError) Unwrap() error { return e.Err }

// A Problem is one thing wrong with a stored profile, found by [Check].
type Problem struct {
	Index int     // the index of the credential in the profile's Credentials
	Cert  cert.ID // the credential's title
	Err   error   // what is wrong: one of this package's snapshot sentinels, or policy.ErrUnknownCertification
}

// String returns the problem in a line.
func (p Problem) String() string {
	return "credential " + strconv.Itoa(p.Index) + " (" + strconv.Quote(string(p.Cert)) + "): " + p.Err.Error()
}

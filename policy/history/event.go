package history

import (
	"strconv"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
)

// A Kind is the kind of an [Event]. The zero Kind is no kind.
type Kind uint8

// The kinds of event, with their names in the JSON form.
const (
	Earned    Kind = iota + 1 // "earned": the certification exam passed on a day (RULES N5, N6, R1)
	Attempted                 // "attempt": an attempt at the renewal assessment (RULES A1-A5, N1)
	Linked                    // "linked": the profile linked to a Learn profile (RULES E4, P1)
	Merged                    // "merged": another certification profile merged into this one (RULES P2)
)

var kindNames = [...]string{Earned: "earned", Attempted: "attempt", Linked: "linked", Merged: "merged"}

// String returns the kind's name in the JSON form, such as "attempt", or
// "Kind(9)" for a value that is no kind.
func (k Kind) String() string {
	if k >= Earned && k <= Merged {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// An Event is one thing that happened to a certification profile. Its Kind
// says which of the other fields it uses; the others are zero:
//   - Earned: Cert and On, the title and the day its exam was passed;
//   - Attempted: Cert, At and Passed, an attempt at the title's renewal
//     assessment that started at the instant At;
//   - Linked: Learn and On, the Learn profile linked and the day;
//   - Merged: MCID, On and Events: the other certification profile's MCID,
//     the day of the merge, and that profile's own log, which is replayed as
//     of On and merged in.
//
// Build events with [Earn], [Attempt], [Link] and [Merge]. The zero Event
// has no kind; a replay refuses it.
type Event struct {
	Kind   Kind
	Cert   cert.ID
	On     cert.Date
	At     time.Time
	Passed bool
	Learn  string
	MCID   string
	Events []Event
}

// Earn returns the event of passing the exam for id on day on.
func Earn(id cert.ID, on cert.Date) Event { return Event{Kind: Earned, Cert: id, On: on} }

// Attempt returns the event of attempt a at id's renewal assessment.
func Attempt(id cert.ID, a assessment.Attempt) Event {
	return Event{Kind: Attempted, Cert: id, At: a.At, Passed: a.Passed}
}

// Link returns the event of linking the profile to the Learn profile learn
// on day on.
func Link(learn string, on cert.Date) Event { return Event{Kind: Linked, Learn: learn, On: on} }

// Merge returns the event of merging the certification profile mcid, whose
// log is events, into this one on day on. The event keeps events as given:
// do not modify the slice afterwards.
func Merge(mcid string, on cert.Date, events []Event) Event {
	return Event{Kind: Merged, MCID: mcid, On: on, Events: events}
}

// Day returns the day of e: On, or for an attempt the day of At in At's own
// location (RULES D4).
func (e Event) Day() cert.Date {
	if e.Kind == Attempted {
		return cert.DateOf(e.At)
	}
	return e.On
}

// Attempt returns the attempt of an Attempted event.
func (e Event) Attempt() assessment.Attempt { return assessment.Attempt{At: e.At, Passed: e.Passed} }

// String returns the event in a line, such as `attempt
// "azure-administrator" at 2022-02-01T09:00:00+08:00 failed`.
func (e Event) String() string {
	switch e.Kind {
	case Earned:
		return "earned " + strconv.Quote(string(e.Cert)) + " on " + e.On.String()
	case Attempted:
		result := "failed"
		if e.Passed {
			result = "passed"
		}
		return "attempt " + strconv.Quote(string(e.Cert)) + " at " + e.At.Format(time.RFC3339Nano) + " " + result
	case Linked:
		return "linked " + strconv.Quote(e.Learn) + " on " + e.On.String()
	case Merged:
		return "merged " + strconv.Quote(e.MCID) + " on " + e.On.String() + " (" + strconv.Itoa(len(e.Events)) + " events)"
	}
	return e.Kind.String()
}

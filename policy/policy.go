package policy

import (
	"strconv"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
)

// A Policy is a renewal policy as data: how long a credential is valid, when
// its renewal window opens, what a renewal adds, when reminders go out and
// how often the renewal assessment may be retaken. Its methods apply the
// rules of RULES.md to the values they are given; a Policy holds no state and
// reads no clock.
//
// [Microsoft] returns the policy announced on 2020-12-15. A service can keep
// its policy in configuration instead, as JSON (see [Policy.UnmarshalJSON]),
// so that the next change of policy is one more [Term] in a file, not new
// code: [Parse] reads and checks it.
//
// The zero Policy has no terms and no window: [Policy.Validate] refuses it.
// Its methods do not panic on it, but their answers mean nothing. Pass a
// Policy by value; its slices are shared by copies and must not be modified
// once the policy is in use.
type Policy struct {
	// Terms gives the validity of a credential by the day it was earned
	// (RULES V2-V4): the term in force on a day is the last one whose From
	// is not after that day. The first term has the zero From and covers
	// every day before the second; the others follow in strictly
	// ascending order.
	Terms []Term

	// WindowMonths is how many months before expiry the renewal window
	// opens (RULES E2): the window is [expiry - WindowMonths, expiry).
	WindowMonths int

	// ExtensionMonths is what a renewal adds to the current expiry (RULES
	// N1).
	ExtensionMonths int

	// MarketAgeMonths is how long after a certification's launch its
	// renewal assessment is first offered, for a certification that gives
	// its launch day but not its first renewal day (RULES E3).
	MarketAgeMonths int

	// Schedule says when reminders go out in each renewal window (RULES
	// M1-M3).
	Schedule Schedule

	// Retakes is the rule for retaking the renewal assessment (RULES A2,
	// A3).
	Retakes assessment.Retakes
}

// A Term is the validity of credentials earned from a day on (RULES V4).
type Term struct {
	// From is the first earn day the term applies to; the zero Date, for
	// the first term only, means every day before the next term.
	From cert.Date `json:"from,omitzero"`

	// Months is how long a credential earned under the term is valid.
	Months int `json:"months"`
}

// MaxReminders is the most reminders a holder gets in one renewal window
// (RULES M1). [Policy.Validate] refuses a schedule with more.
const MaxReminders = 4

// A Schedule says on which days of a renewal window reminders go out (RULES
// M1, M2). A reminder that would fall before the first day the holder is
// eligible, or on or after the expiry, is dropped, never moved, and no two
// reminders fall on one day.
//
// The zero Schedule sends no reminders.
type Schedule struct {
	// AtFirstEligibleDay sends a reminder on the first day the holder is
	// eligible: the later of the window's opening and the first day of
	// the certification's renewal assessment (RULES M2).
	AtFirstEligibleDay bool `json:"atFirstEligibleDay"`

	// DaysBefore lists further reminders as days before the expiry, in
	// strictly descending order: 90, 30, 7 for the reminders 90, 30 and 7
	// days before expiry (RULES M2).
	DaysBefore []int `json:"daysBefore,omitempty"`
}

// len returns the number of reminders the schedule asks for.
func (s Schedule) len() int {
	n := len(s.DaysBefore)
	if s.AtFirstEligibleDay {
		n++
	}
	return n
}

// Microsoft returns Microsoft's renewal policy as announced on 2020-12-15
// and restated in RULES.md:
//   - credentials earned before 2021-06-01 are valid for 24 months, and
//     those earned from then on for 12 months (RULES V2, V3);
//   - the window opens 6 months before expiry (RULES E2);
//   - a renewal adds 12 months to the current expiry (RULES N1);
//   - a renewal assessment is offered 6 months after its certification's
//     launch, where the catalog gives no first renewal day (RULES E3);
//   - reminders go out on the first eligible day and 90, 30 and 7 days
//     before expiry, the library's documented choice (RULES M2);
//   - one retake may start at once, and each later one 24 hours after the
//     attempt before it (RULES A2, A3).
//
// Each call returns a policy of its own.
func Microsoft() Policy {
	return Policy{
		Terms: []Term{
			{Months: 24},
			{From: cert.NewDate(2021, time.June, 1), Months: 12},
		},
		WindowMonths:    6,
		ExtensionMonths: 12,
		MarketAgeMonths: 6,
		Schedule:        Schedule{AtFirstEligibleDay: true, DaysBefore: []int{90, 30, 7}},
		Retakes:         assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour},
	}
}

// maxMonths bounds every count of months in a policy: a hundred years.
const maxMonths = 1200

// maxDaysBefore bounds a reminder's days before expiry: a hundred years.
const maxDaysBefore = 36525

// Validate reports the first field of p that makes no sense, as a
// [*FieldError] matching [ErrInvalidPolicy] whose Path names the field as
// the policy's JSON form does ("terms[1].from"), or nil. It refuses:
//   - no terms; a first term with a From day, a later one without, or terms
//     out of order or on the same day (so that exactly one term is in force
//     on every day);
//   - a term, window or extension of no months or of more than 1200 (a
//     hundred years), or a market age below 0 or above 1200 months;
//   - a window not shorter than every term (the window would open before
//     the credential was earned) or than the extension (a renewal would
//     leave the window open, against RULES N3);
//   - more than [MaxReminders] reminders, or days before expiry that are
//     not from 1 to 36525 (a hundred years) or not in strictly descending
//     order;
//   - a retake rule with a negative count, or a wait that is negative or
//     longer than [assessment.MaxWait] (a hundred years); the error also
//     matches [assessment.ErrInvalidRetakes].
func (p Policy) Validate() error {
	if len(p.Terms) == 0 {
		return &FieldError{Path: "terms", Problem: "no terms: every earn day needs a validity (RULES V4)"}
	}
	if w := p.WindowMonths; w < 1 || w > maxMonths {
		return &FieldError{Path: "windowMonths", Problem: monthsProblem(w)}
	}
	for i, t := range p.Terms {
		path := "terms[" + strconv.Itoa(i) + "]"
		switch {
		case i == 0 && !t.From.IsZero():
			return &FieldError{Path: path + ".from", Problem: "the first term has no from day: it covers every day before the next term"}
		case i > 0 && t.From.IsZero():
			return &FieldError{Path: path + ".from", Problem: "missing: only the first term has no from day"}
		case i > 0 && !t.From.After(p.Terms[i-1].From):
			return &FieldError{Path: path + ".from", Problem: t.From.String() + " is not after the term before it: terms must be in order and must not overlap"}
		case t.Months < 1 || t.Months > maxMonths:
			return &FieldError{Path: path + ".months", Problem: monthsProblem(t.Months)}
		case t.Months <= p.WindowMonths:
			return &FieldError{Path: "windowMonths", Problem: strconv.Itoa(p.WindowMonths) + " months is not shorter than the validity of " + path + ", " + strconv.Itoa(t.Months) + " months"}
		}
	}
	switch e := p.ExtensionMonths; {
	case e < 1 || e > maxMonths:
		return &FieldError{Path: "extensionMonths", Problem: monthsProblem(e)}
	case e <= p.WindowMonths:
		return &FieldError{Path: "extensionMonths", Problem: strconv.Itoa(e) + " months is not longer than the window, " + strconv.Itoa(p.WindowMonths) + " months: a renewal would leave the window open (RULES N3)"}
	}
	if m := p.MarketAgeMonths; m < 0 || m > maxMonths {
		return &FieldError{Path: "marketAgeMonths", Problem: "must be from 0 to " + strconv.Itoa(maxMonths) + ", not " + strconv.Itoa(m)}
	}
	if n := p.Schedule.len(); n > MaxReminders {
		return &FieldError{Path: "reminders", Problem: strconv.Itoa(n) + " reminders: at most " + strconv.Itoa(MaxReminders) + " (RULES M1)"}
	}
	for i, k := range p.Schedule.DaysBefore {
		path := "reminders.daysBefore[" + strconv.Itoa(i) + "]"
		switch {
		case k < 1 || k > maxDaysBefore:
			return &FieldError{Path: path, Problem: "must be from 1 to " + strconv.Itoa(maxDaysBefore) + " days, not " + strconv.Itoa(k)}
		case i > 0 && k >= p.Schedule.DaysBefore[i-1]:
			return &FieldError{Path: path, Problem: strconv.Itoa(k) + " is not fewer days than the reminder before it: list them in descending order"}
		}
	}
	if err := p.Retakes.Validate(); err != nil {
		path, problem := "retakes.wait", "must be from 0 to "+assessment.MaxWait.String()+", not "+p.Retakes.Wait.String()
		if p.Retakes.Immediate < 0 {
			path, problem = "retakes.immediate", "must not be negative, not "+strconv.Itoa(p.Retakes.Immediate)
		}
		return &FieldError{Path: path, Problem: problem, Err: err}
	}
	return nil
}

// monthsProblem says what is wrong with a count of months outside 1..1200.
func monthsProblem(n int) string {
	return "must be from 1 to " + strconv.Itoa(maxMonths) + " months, not " + strconv.Itoa(n)
}

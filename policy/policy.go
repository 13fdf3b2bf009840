package policy

import (
	"errors"
	"strconv"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/strictjson"
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
	// It is zero when WindowDays gives the window instead: exactly one
	// of the two is set.
	WindowMonths int

	// WindowDays is how many days before expiry the renewal window opens,
	// for a program that counts the window in days (RULES G2): "180 days"
	// and "six months" are different days. Zero, as in Microsoft's
	// policy of 2020, means WindowMonths gives the window.
	WindowDays int

	// GraceDays is how many days after the expiry a renewal is still
	// allowed (RULES G1): the credential has expired on those days, and
	// is not active, but a renewal brings it back. Zero, as in
	// Microsoft's policy, means none: on the expiry it is earned again by
	// exam (RULES N6).
	GraceDays int

	// ExtensionMonths is what a renewal adds to the base that ExtendFrom
	// names (RULES N1, G4).
	ExtensionMonths int

	// ExtendFrom is the base of a renewal's new expiry (RULES G4): the
	// current expiry (FromExpiry, the zero Base, as RULES N1 has it) or
	// the day of the pass (FromPass).
	ExtendFrom Base

	// MarketAgeMonths is how long after a certification's launch its
	// renewal assessment is first offered, for a certification that gives
	// its launch day but not its first renewal day (RULES E3).
	MarketAgeMonths int

	// Schedule says when reminders go out in each renewal window (RULES
	// M1-M3, G3).
	Schedule Schedule

	// Retakes is the rule for retaking the renewal assessment (RULES A2,
	// A3), or its first steps when RetakesThen or RetakesCap extend it.
	Retakes assessment.Retakes

	// RetakesThen, RetakesCap and RetakesSpan extend Retakes into a
	// ladder with a cap (RULES G5, G6): the waits of the retakes after
	// Retakes' own, in turn, the last repeating, and at most RetakesCap
	// attempts in any span of RetakesSpan. [Policy.RenewalRetakes] puts
	// the four together. Zero, as in Microsoft's policy, means no more
	// steps and no cap.
	RetakesThen []time.Duration
	RetakesCap  int
	RetakesSpan time.Duration

	// ExamRetakes is the rule for retaking the certification exam (RULES
	// G5, G6), for a caller that tracks exam attempts: the replay of an
	// event log records passes only. The zero Ladder has no waits.
	ExamRetakes assessment.Ladder

	// Versions lists the later versions of the policy, each in force from
	// its From day, in strictly ascending order (RULES G7). p itself is
	// the version in force before the first of them. Which version
	// governs a question is the day the question is about: see
	// [Policy.At]. Empty, as in Microsoft's policy, means one version.
	Versions []Version

	// Programs lists the policies of other certification programs, by
	// the name that a catalog entry gives in [cert.Certification.Program]
	// (RULES G8). A title with no program, or of a program not listed, is
	// governed by p itself: see [Policy.For]. Empty means that p governs
	// every title.
	Programs []Program
}

// RenewalRetakes returns the whole rule for retaking the renewal assessment
// (RULES A2, A3, G5, G6): Retakes, extended by RetakesThen, RetakesCap and
// RetakesSpan. It allocates nothing.
func (p Policy) RenewalRetakes() assessment.Ladder {
	return assessment.Ladder{Retakes: p.Retakes, Then: p.RetakesThen, Cap: p.RetakesCap, Span: p.RetakesSpan}
}

// A Base is what a renewal's extension is added to (RULES G4).
type Base uint8

// The bases of an extension.
const (
	// FromExpiry extends from the current expiry, so a renewal never
	// shortens a credential's life (RULES N1). It is the zero Base.
	FromExpiry Base = iota

	// FromPass extends from the day of the pass.
	FromPass
)

var baseNames = [...]string{FromExpiry: "expiry", FromPass: "pass"}

// IsValid reports whether b is one of the bases.
func (b Base) IsValid() bool { return b <= FromPass }

// String returns the base's name in the policy's JSON form: "expiry" or
// "pass"; a value that is no base prints as "Base(7)".
func (b Base) String() string {
	if b.IsValid() {
		return baseNames[b]
	}
	return "Base(" + strconv.Itoa(int(b)) + ")"
}

// MarshalText implements [encoding.TextMarshaler]: "expiry" or "pass". A
// value that is no base is an error.
func (b Base) MarshalText() ([]byte, error) {
	if !b.IsValid() {
		return nil, errors.New("policy: no base " + b.String())
	}
	return []byte(baseNames[b]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it reads "expiry"
// or "pass", and refuses anything else, leaving b unchanged.
func (b *Base) UnmarshalText(text []byte) error {
	for v, name := range baseNames {
		if string(text) == name {
			*b = Base(v)
			return nil
		}
	}
	return errors.New("policy: unknown base " + strconv.Quote(string(text)) + `: want "expiry" or "pass"`)
}

// A Version is a version of a policy and the first day it is in force
// (RULES G7). Its Policy is whole, every field given, and has no Versions
// or Programs of its own.
type Version struct {
	From   cert.Date
	Policy Policy
}

// A Program is the policy of one certification program, under the name
// that catalog entries give (RULES G8). Its Policy may have Versions, and
// has no Programs of its own.
type Program struct {
	Name   string
	Policy Policy
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
// eligible (unless BeforeEligible sends it, RULES G3), or on or after the
// expiry, is dropped, never moved, and no two reminders fall on one day.
//
// The zero Schedule sends no reminders.
type Schedule struct {
	// AtFirstEligibleDay sends a reminder on the first day the holder is
	// eligible: the later of the window's opening and the first day of
	// the certification's renewal assessment (RULES M2).
	AtFirstEligibleDay bool `json:"atFirstEligibleDay"`

	// AtWindowOpens sends a reminder on the day the renewal window opens
	// (RULES G3), when the holder is eligible that day; a reminder that
	// would fall before the first eligible day is dropped, as every
	// reminder is.
	AtWindowOpens bool `json:"atWindowOpens,omitempty"`

	// BeforeEligible also sends the reminders of DaysBefore that fall
	// before the first day the holder is eligible, from the day earned
	// on: notices that the window will open, as Google Cloud sends one 90
	// days before an expiry whose window opens 60 days before it (RULES
	// G3). Zero, as in Microsoft's policy, drops them (RULES M2).
	BeforeEligible bool `json:"beforeEligible,omitempty"`

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
	if s.AtWindowOpens {
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

// maxDays bounds every count of days in a policy: a hundred years.
const maxDays = 36525

// Validate reports the first field of p that makes no sense, as a
// [*FieldError] matching [ErrInvalidPolicy] whose Path names the field as
// the policy's JSON form does ("terms[1].from", "versions[0].policy.windowDays"),
// or nil. It refuses:
//   - no terms; a first term with a From day, a later one without, or terms
//     out of order or on the same day (so that exactly one term is in force
//     on every day);
//   - a term, window or extension of no months or of more than 1200 (a
//     hundred years), or a market age below 0 or above 1200 months;
//   - no window, or a window given both in months and in days; a window or
//     grace period of days outside 1 to 36525 (a hundred years; a grace
//     period may also be 0);
//   - a window not shorter than every term (the window would open before
//     the credential was earned), or a window and grace period together
//     not shorter than the extension (a renewal would leave the window
//     open, against RULES N3). Where days meet months, a month counts as
//     28 days against the window and 31 days in it, so that the check holds
//     on every day of the calendar;
//   - a base of extension that is neither FromExpiry nor FromPass;
//   - more than [MaxReminders] reminders, or days before expiry that are
//     not from 1 to 36525 or not in strictly descending order;
//   - a retake rule with a negative count, or a wait that is negative or
//     longer than [assessment.MaxWait] (a hundred years), and a ladder that
//     [assessment.Ladder.Validate] refuses, for the renewal assessment
//     (RenewalRetakes) or the exam (ExamRetakes); the error also matches
//     [assessment.ErrInvalidRetakes];
//   - versions without a From day or out of order, and a version's policy
//     that fails any of these checks or has versions or programs of its
//     own (RULES G7);
//   - programs with a name that is not 1 to 64 lower-case letters, digits
//     and '-' starting with a letter, or given twice, and a program's
//     policy that fails any of these checks or has programs of its own
//     (RULES G8).
func (p Policy) Validate() error { return p.validate("", true, true) }

// validate is Validate for a policy whose fields' paths begin with at, and
// which may have versions and programs as the flags say.
func (p Policy) validate(at string, versions, programs bool) error {
	fail := func(path, problem string) error {
		return &FieldError{Path: at + path, Problem: problem}
	}
	if len(p.Terms) == 0 {
		return fail("terms", "no terms: every earn day needs a validity (RULES V4)")
	}
	switch w, d := p.WindowMonths, p.WindowDays; {
	case w == 0 && d == 0:
		return fail("windowMonths", "no window: give windowMonths or windowDays (RULES E2, G2)")
	case w != 0 && d != 0:
		return fail("windowDays", "a window of "+strconv.Itoa(w)+" months and of "+strconv.Itoa(d)+" days: give one of the two (RULES G2)")
	case d == 0 && (w < 1 || w > maxMonths):
		return fail("windowMonths", monthsProblem(w))
	case w == 0 && (d < 1 || d > maxDays):
		return fail("windowDays", daysProblem(1, d))
	}
	for i, t := range p.Terms {
		path := "terms[" + strconv.Itoa(i) + "]"
		switch {
		case i == 0 && !t.From.IsZero():
			return fail(path+".from", "the first term has no from day: it covers every day before the next term")
		case i > 0 && t.From.IsZero():
			return fail(path+".from", "missing: only the first term has no from day")
		case i > 0 && !t.From.After(p.Terms[i-1].From):
			return fail(path+".from", t.From.String()+" is not after the term before it: terms must be in order and must not overlap")
		case t.Months < 1 || t.Months > maxMonths:
			return fail(path+".months", monthsProblem(t.Months))
		case !p.shorter(0, t.Months):
			return fail(p.windowPath(), p.windowText()+" is not shorter than the validity of "+path+", "+strconv.Itoa(t.Months)+" months")
		}
	}
	if g := p.GraceDays; g < 0 || g > maxDays {
		return fail("graceDays", daysProblem(0, g))
	}
	switch e := p.ExtensionMonths; {
	case e < 1 || e > maxMonths:
		return fail("extensionMonths", monthsProblem(e))
	case !p.shorter(p.GraceDays, e):
		problem := strconv.Itoa(e) + " months is not longer than the window, " + p.windowText()
		if p.GraceDays > 0 {
			problem += ", and the grace period, " + strconv.Itoa(p.GraceDays) + " days"
		}
		return fail("extensionMonths", problem+": a renewal would leave the window open (RULES N3)")
	}
	if !p.ExtendFrom.IsValid() {
		return fail("extendFrom", "must be FromExpiry or FromPass, not "+p.ExtendFrom.String())
	}
	if m := p.MarketAgeMonths; m < 0 || m > maxMonths {
		return fail("marketAgeMonths", "must be from 0 to "+strconv.Itoa(maxMonths)+", not "+strconv.Itoa(m))
	}
	if n := p.Schedule.len(); n > MaxReminders {
		return fail("reminders", strconv.Itoa(n)+" reminders: at most "+strconv.Itoa(MaxReminders)+" (RULES M1)")
	}
	for i, k := range p.Schedule.DaysBefore {
		path := "reminders.daysBefore[" + strconv.Itoa(i) + "]"
		switch {
		case k < 1 || k > maxDays:
			return fail(path, daysProblem(1, k))
		case i > 0 && k >= p.Schedule.DaysBefore[i-1]:
			return fail(path, strconv.Itoa(k)+" is not fewer days than the reminder before it: list them in descending order")
		}
	}
	if err := ladderError(at+"retakes", p.RenewalRetakes()); err != nil {
		return err
	}
	if err := ladderError(at+"examRetakes", p.ExamRetakes); err != nil {
		return err
	}
	if err := p.validateVersions(at, versions); err != nil {
		return err
	}
	return p.validatePrograms(at, programs)
}

// validateVersions checks p.Versions, which are allowed when ok.
func (p Policy) validateVersions(at string, ok bool) error {
	if len(p.Versions) > 0 && !ok {
		return &FieldError{Path: at + "versions", Problem: "a version has no versions of its own: list them all in the policy's versions (RULES G7)"}
	}
	for i, v := range p.Versions {
		path := at + "versions[" + strconv.Itoa(i) + "]"
		switch {
		case v.From.IsZero():
			return &FieldError{Path: path + ".from", Problem: "missing: a version is in force from a day (RULES G7)"}
		case i > 0 && !v.From.After(p.Versions[i-1].From):
			return &FieldError{Path: path + ".from", Problem: v.From.String() + " is not after the version before it: versions must be in order"}
		}
		if len(v.Policy.Programs) > 0 {
			return &FieldError{Path: path + ".policy.programs", Problem: "a version has no programs of its own: programs belong to the whole policy (RULES G8)"}
		}
		if err := v.Policy.validate(path+".policy.", false, false); err != nil {
			return err
		}
	}
	return nil
}

// validatePrograms checks p.Programs, which are allowed when ok.
func (p Policy) validatePrograms(at string, ok bool) error {
	if len(p.Programs) > 0 && !ok {
		return &FieldError{Path: at + "programs", Problem: "a program has no programs of its own (RULES G8)"}
	}
	for i, g := range p.Programs {
		path := at + "programs[" + strconv.Itoa(i) + "]"
		if problem := programProblem(g.Name); problem != "" {
			return &FieldError{Path: path + ".name", Problem: problem}
		}
		for _, h := range p.Programs[:i] {
			if h.Name == g.Name {
				return &FieldError{Path: path + ".name", Problem: strconv.Quote(g.Name) + " is given twice"}
			}
		}
		if err := g.Policy.validate(path+".policy.", true, false); err != nil {
			return err
		}
	}
	return nil
}

// programProblem says what is wrong with a program's name, or "" when it
// is 1 to 64 lower-case ASCII letters, digits and '-', starting with a
// letter, as in a catalog (RULES G8).
func programProblem(name string) string {
	if !cert.ValidProgram(name) {
		return strconv.Quote(name) + ": want 1 to 64 lower-case letters, digits and '-', starting with a letter, such as \"google-cloud\""
	}
	return ""
}

// shorter reports whether p's window, followed by a grace period of the
// given days, is shorter than any span of the given months on every day of
// the calendar. Months against months compare exactly (with no grace
// period); where days meet months, a month of the span counts as 28 days
// and a month of the window as 31.
func (p Policy) shorter(graceDays, months int) bool {
	if p.WindowDays == 0 && graceDays == 0 {
		return p.WindowMonths < months
	}
	window := p.WindowDays
	if window == 0 {
		window = 31 * p.WindowMonths
	}
	return window+graceDays < 28*months
}

// windowPath names the field that gives p's window.
func (p Policy) windowPath() string {
	if p.WindowDays != 0 {
		return "windowDays"
	}
	return "windowMonths"
}

// windowText says p's window: "6 months" or "180 days".
func (p Policy) windowText() string {
	if p.WindowDays != 0 {
		return strconv.Itoa(p.WindowDays) + " days"
	}
	return strconv.Itoa(p.WindowMonths) + " months"
}

// daysProblem says what is wrong with a count of days outside least..36525.
func daysProblem(least, n int) string {
	return "must be from " + strconv.Itoa(least) + " to " + strconv.Itoa(maxDays) + " days, not " + strconv.Itoa(n)
}

// ladderError reports the member of the retake rule l, at path, that
// [assessment.Ladder.Validate] refuses, as a FieldError that keeps the
// refusal, or nil.
func ladderError(path string, l assessment.Ladder) error {
	err := l.Validate()
	if err == nil {
		return nil
	}
	between := "must be from 0 to " + assessment.MaxWait.String() + ", not "
	fail := func(member, problem string) error {
		return &FieldError{Path: path + "." + member, Problem: problem, Err: err}
	}
	switch {
	case l.Immediate < 0:
		return fail("immediate", "must not be negative, not "+strconv.Itoa(l.Immediate))
	case l.Wait < 0 || l.Wait > assessment.MaxWait:
		return fail("wait", between+l.Wait.String())
	}
	prev := l.Wait
	for i, w := range l.Then {
		member := strictjson.Index("then", i)
		switch {
		case w < 0 || w > assessment.MaxWait:
			return fail(member, between+w.String())
		case w < prev:
			return fail(member, w.String()+" is shorter than the wait before it, "+prev.String()+": a ladder only climbs (RULES G5)")
		}
		prev = w
	}
	switch {
	case l.Cap < 0:
		return fail("cap", "must not be negative, not "+strconv.Itoa(l.Cap))
	case l.Span < 0 || l.Span > assessment.MaxWait:
		return fail("span", between+l.Span.String())
	case l.Cap > 0:
		return fail("span", "missing: a cap of "+strconv.Itoa(l.Cap)+" attempts counts them in a span (RULES G6)")
	default:
		return fail("cap", "missing: a span of "+l.Span.String()+" counts attempts up to a cap (RULES G6)")
	}
}

// monthsProblem says what is wrong with a count of months outside 1..1200.
func monthsProblem(n int) string {
	return "must be from 1 to " + strconv.Itoa(maxMonths) + " months, not " + strconv.Itoa(n)
}

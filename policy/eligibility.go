package policy

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/strictjson"
)

// A Reason says why a holder may or may not renew a credential on a day
// (RULES E5). The zero Reason is no reason: [Policy.Eligibility] never gives
// it. The reasons are listed in the order in which Eligibility checks them.
type Reason uint8

// The reasons, in the order of the checks of [Policy.Eligibility].
const (
	NotHeld               Reason = iota + 1 // no credential for the certification, or not earned yet that day
	NeverExpires                            // a fundamentals title, or a credential with no expiry (RULES V1)
	Expired                                 // the credential has expired: it is earned again by exam (RULES E1, N6)
	NotYetOpen                              // the renewal window opens later (RULES E2)
	AssessmentUnavailable                   // the renewal assessment is not offered yet (RULES E3)
	ProfileNotLinked                        // the certification profile is not linked to a Learn profile (RULES E4)
	Eligible                                // every rule holds: the holder may renew today
)

var reasonNames = [...]string{
	NotHeld:               "NotHeld",
	NeverExpires:          "NeverExpires",
	Expired:               "Expired",
	NotYetOpen:            "NotYetOpen",
	AssessmentUnavailable: "AssessmentUnavailable",
	ProfileNotLinked:      "ProfileNotLinked",
	Eligible:              "Eligible",
}

var reasonWords = [...]string{
	NotHeld:               "not held",
	NeverExpires:          "never expires",
	Expired:               "expired",
	NotYetOpen:            "renewal window not yet open",
	AssessmentUnavailable: "renewal assessment not offered yet",
	ProfileNotLinked:      "certification profile not linked to a Learn profile",
	Eligible:              "eligible",
}

// IsValid reports whether r is one of the reasons.
func (r Reason) IsValid() bool { return r >= NotHeld && r <= Eligible }

// String returns the reason's name, such as "NotYetOpen". A value that is no
// reason prints as "Reason(9)".
func (r Reason) String() string {
	if r.IsValid() {
		return reasonNames[r]
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// AppendText implements [encoding.TextAppender]: it appends the reason's
// name; the zero Reason, the zero Decision's, appends nothing. Any other
// value that is no reason is an error matching [ErrUnknownReason].
func (r Reason) AppendText(b []byte) ([]byte, error) {
	switch {
	case r == 0:
		return b, nil
	case !r.IsValid():
		return b, &reasonError{r.String()}
	}
	return append(b, reasonNames[r]...), nil
}

// MarshalText implements [encoding.TextMarshaler]: the text is that of
// [Reason.AppendText], and the zero Reason is empty text.
func (r Reason) MarshalText() ([]byte, error) {
	b, err := r.AppendText([]byte{})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts a reason's
// name as String gives it, and empty text for the zero Reason. Anything else
// is an error matching [ErrUnknownReason], and r is left unchanged.
func (r *Reason) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*r = 0
		return nil
	}
	for v := NotHeld; v <= Eligible; v++ {
		if string(text) == reasonNames[v] {
			*r = v
			return nil
		}
	}
	return &reasonError{string(text)}
}

// A reasonError reports text or a value that names no Reason.
type reasonError struct{ text string }

func (e *reasonError) Error() string { return "policy: unknown reason " + strconv.Quote(e.text) }
func (e *reasonError) Unwrap() error { return ErrUnknownReason }

// A Decision is the answer of [Policy.Eligibility]: whether the holder may
// renew a credential on a day, the first rule that stops them if not (RULES
// E5), and the days a caller needs to say when they can: the renewal window
// and the first day of it on which the holder can renew.
//
// A Decision is a plain 24-byte value of six fields, small enough for Go to
// return in registers: Eligibility's speed depends on it. The day, the
// profile and the certification it is about are the caller's. It is not an
// error: an operation that a Decision refuses returns a [*NotEligibleError]
// that carries it. [Decision.String] prints every field.
//
// The zero Decision decides nothing: its Reason is the zero Reason.
//
// Its JSON form is {"eligible": false, "reason": "NotYetOpen", "window":
// {...}, "eligibleFrom": "2022-01-15"}, the zero window and day left out.
type Decision struct {
	// Eligible reports whether the holder may renew on the day: Reason is
	// Eligible.
	Eligible bool `json:"eligible"`

	// Reason is the first rule that fails, or Eligible.
	Reason Reason `json:"reason"`

	// Window is the renewal window of the credential's current expiry
	// (RULES E2, G2): it opens WindowMonths or WindowDays before the
	// expiry and closes on it. It is the zero Window when the credential is not held, never
	// expires, or has expired: an expired credential has no window left,
	// and it is earned again by exam (RULES N6).
	Window Window `json:"window,omitzero"`

	// EligibleFrom is the first day of the window, or of the grace period
	// after it, on which the holder can renew, linking aside: the latest
	// of the window's opening, the first day of the renewal assessment
	// (RULES E3) and the day earned. It is the zero Date when there is no
	// such day before the expiry, or before GraceEnds (the assessment
	// comes too late, or never: RULES E6), and whenever Window is the
	// zero Window.
	EligibleFrom cert.Date `json:"eligibleFrom,omitzero"`

	// GraceEnds is the first day after the grace period (RULES G1): a
	// renewal is still allowed on the days [Window.Closes, GraceEnds)
	// after the expiry, on which the credential has expired and is not
	// active. It is the zero Date when the policy has no grace period,
	// and whenever Window is the zero Window. A grace period that would
	// reach past 9999-12-31 ends on that day, so an expiry on that day has
	// none.
	GraceEnds cert.Date `json:"graceEnds,omitzero"`

	// InGrace reports that the day asked lies in the grace period: the
	// credential expired on Window.Closes, but may still be renewed until
	// the day before GraceEnds. Reason is then Eligible, or the rule
	// after the window that stops the renewal.
	InGrace bool `json:"inGrace,omitempty"`
}

// String returns the decision's fields in a line, such as "NotYetOpen,
// window [2022-01-15, 2022-07-15), eligible from 2022-01-15" or "NotHeld",
// with ", grace until 2022-10-13" and ", in grace" where they apply; the
// zero Decision is "Reason(0)".
func (d Decision) String() string {
	s := d.Reason.String()
	if d.Eligible != (d.Reason == Eligible) {
		s += ", eligible " + strconv.FormatBool(d.Eligible)
	}
	if !d.Window.IsZero() {
		s += ", window " + d.Window.String()
	}
	if !d.EligibleFrom.IsZero() {
		s += ", eligible from " + d.EligibleFrom.String()
	}
	if !d.GraceEnds.IsZero() {
		s += ", grace until " + d.GraceEnds.String()
	}
	if d.InGrace {
		s += ", in grace"
	}
	return s
}

// words says the decision in words, with the day from which the holder can
// renew where there is one.
func (d Decision) words() string {
	s := "undecided"
	if d.Reason.IsValid() {
		s = reasonWords[d.Reason]
	}
	if d.Reason != Eligible && !d.EligibleFrom.IsZero() {
		s += " (renewal from " + d.EligibleFrom.String() + ")"
	}
	return s
}

// decisionJSON is the JSON form of a Decision.
type decisionJSON struct {
	Eligible     bool      `json:"eligible"`
	Reason       Reason    `json:"reason"`
	Window       Window    `json:"window,omitzero"`
	EligibleFrom cert.Date `json:"eligibleFrom,omitzero"`
	GraceEnds    cert.Date `json:"graceEnds,omitzero"`
	InGrace      bool      `json:"inGrace,omitempty"`
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form that
// encoding/json writes for a Decision, refusing unknown members, and only a
// Decision that Eligibility can give (or the zero Decision): eligible true
// exactly with reason Eligible; a window exactly for the reasons after
// Expired; an eligibleFrom day inside the window or its grace period,
// which an eligible decision always has; a graceEnds day only with a
// window, and after it closes; and inGrace only with a graceEnds day. On error d is unchanged. JSON null leaves d
// unchanged, as is encoding/json's convention.
func (d *Decision) UnmarshalJSON(data []byte) error {
	var v decisionJSON
	null, err := strictjson.Decode(data, &v)
	switch {
	case err != nil:
		return fmt.Errorf("policy: reading a decision: %w", err)
	case null:
		return nil // no change, as is encoding/json's convention
	}
	got := Decision(v)
	if err := got.check(); err != nil {
		return err
	}
	*d = got
	return nil
}

// check reports why d is a Decision that Eligibility never gives, or nil.
func (d Decision) check() error {
	bad := func(why string) error {
		return errors.New("policy: inconsistent decision " + strconv.Quote(d.String()) + ": " + why)
	}
	hasWindow := d.Reason > Expired
	renewable := Window{d.Window.Opens, later(d.Window.Closes, d.GraceEnds)}
	switch {
	case d == Decision{}:
		return nil
	case !d.Reason.IsValid():
		return bad("no reason")
	case d.Eligible != (d.Reason == Eligible):
		return bad("eligible is true exactly when the reason is Eligible")
	case hasWindow == d.Window.IsZero():
		return bad("a window is given exactly for the reasons after Expired")
	case !d.GraceEnds.IsZero() && (d.Window.IsZero() || !d.GraceEnds.After(d.Window.Closes)):
		return bad("graceEnds comes with a window, after it closes")
	case d.InGrace && (d.GraceEnds.IsZero() || d.Reason == NotYetOpen):
		return bad("inGrace comes with a graceEnds day, after the window")
	case !d.EligibleFrom.IsZero() && !renewable.Contains(d.EligibleFrom):
		return bad("eligibleFrom lies outside the window and its grace period")
	case d.Eligible && d.EligibleFrom.IsZero():
		return bad("an eligible decision has an eligibleFrom day")
	}
	return nil
}

// A Window is a renewal window, the half-open span of days [Opens, Closes)
// (RULES D2, E2): it opens on Opens and closes on Closes, the credential's
// expiry, so its last day is the day before. The zero Window contains no
// day; every other Window opens before it closes.
type Window struct {
	Opens  cert.Date `json:"opens"`
	Closes cert.Date `json:"closes"`
}

// IsZero reports whether w is the zero Window.
func (w Window) IsZero() bool { return w == Window{} }

// Contains reports whether day d lies in w: Opens <= d < Closes.
func (w Window) Contains(d cert.Date) bool {
	return !w.Opens.IsZero() && !d.Before(w.Opens) && d.Before(w.Closes)
}

// Last returns the last day of w, the day before Closes, or the zero Date
// for the zero Window.
func (w Window) Last() cert.Date { return w.Closes.AddDays(-1) }

// windowJSON is the JSON form of a Window: its days, and its last day for
// the reader's convenience.
type windowJSON struct {
	Opens  cert.Date `json:"opens"`
	Closes cert.Date `json:"closes"`
	Last   cert.Date `json:"last"`
}

// MarshalJSON implements [json.Marshaler]: an object with "opens",
// "closes" and "last", the day before "closes"; all three are "" for the
// zero Window.
func (w Window) MarshalJSON() ([]byte, error) {
	return json.Marshal(windowJSON{w.Opens, w.Closes, w.Last()})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form that
// MarshalJSON writes, refusing unknown members; "last" may be left out, and
// when given must be the day before "closes". It refuses a window that does
// not open before it closes, or gives one day and not the other. On error w
// is unchanged. JSON null leaves w unchanged, as is encoding/json's
// convention.
func (w *Window) UnmarshalJSON(data []byte) error {
	var v windowJSON
	null, err := strictjson.Decode(data, &v)
	switch {
	case err != nil:
		return fmt.Errorf("policy: reading a window: %w", err)
	case null:
		return nil // no change, as is encoding/json's convention
	}
	got := Window{v.Opens, v.Closes}
	switch {
	case v.Last != got.Last() && !v.Last.IsZero():
		return errors.New("policy: window " + got.String() + " does not end on " + v.Last.String())
	case got.Opens.IsZero() != got.Closes.IsZero():
		return errors.New("policy: window opening on " + strconv.Quote(v.Opens.String()) + " and closing on " + strconv.Quote(v.Closes.String()) + ": give both days or neither")
	case !got.IsZero() && !got.Opens.Before(got.Closes):
		return errors.New("policy: window " + got.String() + " does not open before it closes")
	}
	*w = got
	return nil
}

// String returns w as "[2022-01-15, 2022-07-15)", or "" for the zero
// Window.
func (w Window) String() string {
	if w.IsZero() {
		return ""
	}
	return "[" + w.Opens.String() + ", " + w.Closes.String() + ")"
}

// Eligibility decides whether the holder of profile pr may renew their
// credential for c on day on (RULES E5). It checks, in this order, and gives
// the first reason that applies:
//   - [NotHeld]: c has no real level, and so is no title; pr holds no
//     credential for c; or on is before the day it was earned (also when
//     on, or the credential's Earned, is the zero Date);
//   - [NeverExpires]: c is a fundamentals title, or the credential has no
//     expiry (RULES V1);
//   - [Expired]: on is the credential's expiry or later (RULES E1, N6), and
//     not in the policy's grace period after it (RULES G1); a credential
//     that expires on or before the day it was earned is expired on every
//     day it is held, grace aside;
//   - [NotYetOpen]: on is before the window opens, WindowMonths or
//     WindowDays before the expiry (RULES E2, G2);
//   - [AssessmentUnavailable]: on is before the first day of c's renewal
//     assessment (RULES E3, E6), or c's assessment is never offered,
//     because its launch day plus the market age lies after 9999-12-31;
//   - [ProfileNotLinked]: pr is not linked to a Learn profile (RULES E4);
//   - else [Eligible].
//
// On a day of the grace period the Decision has InGrace set, and its
// Reason is one of the last three. The rules are those of the policy that
// governs c on day on: c's program's (RULES G8) and the version in force
// that day (RULES G7).
//
// Eligibility takes c as given: it does not check c against a catalog. It
// allocates nothing.
func (p Policy) Eligibility(pr cert.Profile, c cert.Certification, on cert.Date) Decision {
	// A thin wrapper, small enough to inline, so that a call copies only
	// the fields the decision reads rather than three large structs.
	return decide(p.WindowMonths, p.WindowDays, p.GraceDays, p.MarketAgeMonths, p.Versions, p.Programs, pr.Credentials, pr.Learn, &c, on)
}

// decision is Eligibility on pointers, for the rules that ask it without
// copying a Policy.
func (p *Policy) decision(pr *cert.Profile, c *cert.Certification, on cert.Date) Decision {
	return decide(p.WindowMonths, p.WindowDays, p.GraceDays, p.MarketAgeMonths, p.Versions, p.Programs, pr.Credentials, pr.Learn, c, on)
}

// A span is what a policy says of a credential's renewable days: its
// window, in months or in days (RULES E2, G2), and its grace period
// (RULES G1).
type span struct{ months, days, grace int }

// decide is Eligibility on the fields it reads. Each return builds the whole
// Decision at once, so that it travels in registers.
func decide(windowMonths, windowDays, graceDays, marketAgeMonths int, versions []Version, programs []Program,
	creds []cert.Credential, learn string, c *cert.Certification, on cert.Date) Decision {
	sp, linked := span{windowMonths, windowDays, graceDays}, learn != ""
	id, level, program, launched, renewalFrom := c.ID, c.Level, c.Program, c.Launched, c.RenewalFrom
	if len(versions)+len(programs) > 0 {
		if q := governing(versions, programs, program, on); q != nil {
			sp, marketAgeMonths = q.span(), q.MarketAgeMonths
		}
	}
	if !level.IsValid() {
		return Decision{Reason: NotHeld} // no title at all
	}
	i := index(creds, id)
	if i < 0 {
		return Decision{Reason: NotHeld}
	}
	cr := creds[i]
	switch {
	case on.IsZero() || cr.Earned.IsZero() || on.Before(cr.Earned):
		return Decision{Reason: NotHeld}
	case level == cert.Fundamentals || cr.Expires.IsZero():
		return Decision{Reason: NeverExpires}
	case !on.Before(cr.Expires) && (sp.grace == 0 || !on.Before(graceEnds(sp.grace, cr.Expires))):
		// Without a grace period a day count decides this: no month
		// arithmetic is done.
		return Decision{Reason: Expired}
	}
	w := sp.window(cr)
	var ends cert.Date
	if sp.grace > 0 {
		ends = graceEnds(sp.grace, cr.Expires)
		if !ends.After(cr.Expires) {
			ends = cert.Date{} // an expiry on 9999-12-31 leaves no day of grace
		}
	}
	in := !on.Before(cr.Expires)
	offered, never := offeredFrom(marketAgeMonths, launched, renewalFrom)
	var from cert.Date
	if !never {
		from = eligibleFrom(w, ends, offered, cr.Earned)
	}
	switch {
	case on.Before(w.Opens):
		return Decision{Reason: NotYetOpen, Window: w, EligibleFrom: from, GraceEnds: ends}
	case never || on.Before(offered):
		return Decision{Reason: AssessmentUnavailable, Window: w, EligibleFrom: from, GraceEnds: ends, InGrace: in}
	case !linked:
		return Decision{Reason: ProfileNotLinked, Window: w, EligibleFrom: from, GraceEnds: ends, InGrace: in}
	}
	return Decision{Eligible: true, Reason: Eligible, Window: w, EligibleFrom: from, GraceEnds: ends, InGrace: in}
}

// graceEnds returns the first day after a grace period of the given days
// from the expiry x (RULES G1), or 9999-12-31 when that lies beyond it.
func graceEnds(days int, x cert.Date) cert.Date {
	if e := x.AddDays(days); !e.IsZero() {
		return e
	}
	return cert.NewDate(9999, time.December, 31) // the last day a Date holds
}

// index returns the index in creds of the credential for id, or -1: it is
// [cert.Profile.Index] on the slice alone. Calling that through a Profile
// built here measured 10% slower in BenchmarkEligibilityRatio (0.54 against
// 0.49), so the loop is kept here.
func index(creds []cert.Credential, id cert.ID) int {
	for i := range creds {
		if creds[i].Cert == id {
			return i
		}
	}
	return -1
}

package policy

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/certrenew/certrenew/cert"
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
// A Decision is a 16-byte value of four fields, small enough for Go to
// return in registers: Eligibility's speed depends on it. The day, the
// profile and the certification it is about are the caller's.
//
// A Decision is also an error, so that [errors.As] recovers it from the error
// of a refused [Policy.Renew] or [Policy.RecordAttempt]; it matches
// [ErrNotEligible]. An eligible Decision is never returned as an error. As
// an error, a Decision prints as its Error text with fmt's %v; print its
// fields by name, or marshal it as JSON, to see them all.
//
// The zero Decision decides nothing: its Reason is the zero Reason.
type Decision struct {
	// Eligible reports whether the holder may renew on the day: Reason is
	// Eligible.
	Eligible bool `json:"eligible"`

	// Reason is the first rule that fails, or Eligible.
	Reason Reason `json:"reason"`

	// Window is the renewal window of the credential's current expiry
	// (RULES E2): it opens WindowMonths before the expiry and closes on
	// it. It is the zero Window when the credential is not held, never
	// expires, or has expired: an expired credential has no window left,
	// and it is earned again by exam (RULES N6).
	Window Window `json:"window,omitzero"`

	// EligibleFrom is the first day of the window on which the holder can
	// renew, linking aside: the latest of the window's opening, the first
	// day of the renewal assessment (RULES E3) and the day earned. It is
	// the zero Date when there is no such day before the expiry, and
	// whenever Window is the zero Window.
	EligibleFrom cert.Date `json:"eligibleFrom,omitzero"`
}

// A Window is a renewal window, the half-open span of days [Opens, Closes)
// (RULES D2, E2): it opens on Opens and closes on Closes, the credential's
// expiry, so its last day is the day before. The zero Window contains no
// day.
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
// "closes" and "last", the day before "closes".
func (w Window) MarshalJSON() ([]byte, error) {
	return json.Marshal(windowJSON{w.Opens, w.Closes, w.Last()})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form that
// MarshalJSON writes; "last" may be left out, and when given must be the day
// before "closes". On error w is unchanged.
func (w *Window) UnmarshalJSON(data []byte) error {
	var v windowJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	got := Window{v.Opens, v.Closes}
	if !v.Last.IsZero() && v.Last != got.Last() {
		return errors.New("policy: window " + got.String() + " does not end on " + v.Last.String())
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

// Error returns the decision in words, such as `policy: not eligible:
// renewal window not yet open (renewal from 2022-01-15)`; for an eligible
// decision, which is never returned as an error, it is "policy: eligible".
func (d Decision) Error() string {
	if d.Eligible {
		return "policy: eligible"
	}
	return "policy: not eligible: " + d.words()
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

// Unwrap returns [ErrNotEligible] for a decision that is not eligible, and
// nil for one that is.
func (d Decision) Unwrap() error {
	if d.Eligible {
		return nil
	}
	return ErrNotEligible
}

// A refusal is the error of an operation refused by a Decision: it names the
// certification and the day, and unwraps to the Decision.
type refusal struct {
	op   string // "renew", "record an attempt at"
	cert cert.ID
	on   cert.Date
	d    Decision
}

func (e *refusal) Error() string {
	return "policy: cannot " + e.op + " " + strconv.Quote(string(e.cert)) + " on " + e.on.String() + ": " + e.d.words()
}

func (e *refusal) Unwrap() error { return e.d }

// Is reports whether target is the sentinel of d's reason: [ErrOutsideWindow]
// for NotYetOpen and [ErrExpired] for Expired. Every decision that is not
// eligible also matches [ErrNotEligible], through Unwrap.
func (d Decision) Is(target error) bool {
	switch d.Reason {
	case NotYetOpen:
		return target == ErrOutsideWindow
	case Expired:
		return target == ErrExpired
	}
	return false
}

// Eligibility decides whether the holder of profile pr may renew their
// credential for c on day on (RULES E5). It checks, in this order, and gives
// the first reason that applies:
//   - [NotHeld]: c has no real level, and so is no title; pr holds no
//     credential for c; or on is before the day it was earned (also when
//     on, or the credential's Earned, is the zero Date);
//   - [NeverExpires]: c is a fundamentals title, or the credential has no
//     expiry (RULES V1);
//   - [Expired]: on is the credential's expiry or later (RULES E1, N6); a
//     credential that expires on or before the day it was earned is expired
//     on every day it is held;
//   - [NotYetOpen]: on is before the window opens, WindowMonths before the
//     expiry (RULES E2);
//   - [AssessmentUnavailable]: on is before the first day of c's renewal
//     assessment (RULES E3, E6);
//   - [ProfileNotLinked]: pr is not linked to a Learn profile (RULES E4);
//   - else [Eligible].
//
// Eligibility takes c as given: it does not check c against a catalog. It
// allocates nothing.
func (p Policy) Eligibility(pr cert.Profile, c cert.Certification, on cert.Date) Decision {
	// A thin wrapper, small enough to inline, so that a call copies only
	// the fields the decision reads rather than three large structs.
	return decide(p.WindowMonths, p.MarketAgeMonths, pr.Credentials, pr.Learn != "", c.ID, c.Level, c.Launched, c.RenewalFrom, on)
}

// decide is Eligibility on the fields it reads. Each return builds the whole
// Decision at once, so that it travels in registers.
func decide(windowMonths, marketAgeMonths int, creds []cert.Credential, linked bool,
	id cert.ID, level cert.Level, launched, renewalFrom, on cert.Date) Decision {
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
	case !on.Before(cr.Expires):
		// A day count decides this: no month arithmetic is done.
		return Decision{Reason: Expired}
	}
	w := window(windowMonths, cr)
	offered := offeredFrom(marketAgeMonths, launched, renewalFrom)
	from := eligibleFrom(w, offered, cr.Earned)
	switch {
	case on.Before(w.Opens):
		return Decision{Reason: NotYetOpen, Window: w, EligibleFrom: from}
	case on.Before(offered):
		return Decision{Reason: AssessmentUnavailable, Window: w, EligibleFrom: from}
	case !linked:
		return Decision{Reason: ProfileNotLinked, Window: w, EligibleFrom: from}
	}
	return Decision{Eligible: true, Reason: Eligible, Window: w, EligibleFrom: from}
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

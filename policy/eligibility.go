package policy

import (
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

// MarshalText implements [encoding.TextMarshaler]: the text is the reason's
// name. A value that is no reason is an error matching [ErrUnknownReason].
func (r Reason) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, &reasonError{r.String()}
	}
	return []byte(reasonNames[r]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts a reason's
// name as String gives it. Anything else is an error matching
// [ErrUnknownReason], and r is left unchanged.
func (r *Reason) UnmarshalText(text []byte) error {
	for v := NotHeld; v <= Eligible; v++ {
		if string(text) == reasonNames[v] {
			*r = v
			return nil
		}
	}
	return &reasonError{string(text)}
}

type reasonError struct{ text string }

func (e *reasonError) Error() string { return "policy: unknown reason " + strconv.Quote(e.text) }
func (e *reasonError) Unwrap() error { return ErrUnknownReason }

// A Decision is the answer of [Policy.Eligibility]: whether the holder may
// renew a credential on a day, the first rule that stops them if not (RULES
// E5), and the days a caller needs to say when they can.
//
// A Decision is also an error, so that [errors.As] recovers it from the error
// of a refused [Policy.Renew]; it matches [ErrNotEligible]. An eligible
// Decision is never returned as an error.
//
// The zero Decision decides nothing: its Reason is the zero Reason. A
// Decision is small (40 bytes) and is passed by value.
type Decision struct {
	// Eligible reports whether the holder may renew on the day: Reason is
	// Eligible.
	Eligible bool `json:"eligible"`

	// Reason is the first rule that fails, or Eligible.
	Reason Reason `json:"reason"`

	// On is the day decided on.
	On cert.Date `json:"on"`

	// Credential is the profile's credential for the certification. When
	// the profile holds none, only its Cert is set.
	Credential cert.Credential `json:"credential"`

	// WindowOpens is the first day of the renewal window of the
	// credential's current expiry (RULES E2). The window is half-open: it
	// closes on the expiry, Credential.Expires, so the last day to renew is
	// the day before ([Decision.LastDay]) (RULES D2). WindowOpens is the
	// zero Date when the credential is not held, never expires, or has
	// expired: an expired credential has no window left (RULES N6).
	WindowOpens cert.Date `json:"windowOpens,omitzero"`

	// EligibleFrom is the first day of the window on which the holder can
	// renew, linking aside: the latest of the window's opening, the first
	// day of the renewal assessment (RULES E3) and the day earned. It is
	// the zero Date when there is no such day before expiry, and whenever
	// WindowOpens is.
	EligibleFrom cert.Date `json:"eligibleFrom,omitzero"`
}

// LastDay returns the last day of the renewal window: the day before the
// credential expires (RULES D2, E2), or the zero Date when WindowOpens is.
func (d Decision) LastDay() cert.Date {
	if d.WindowOpens.IsZero() {
		return cert.Date{}
	}
	return d.Credential.Expires.AddDays(-1)
}

// Error returns the decision in words, such as `policy: cannot renew
// "azure-administrator" on 2021-01-10: renewal window not yet open (renewal
// from 2021-03-15)`.
func (d Decision) Error() string {
	words := "undecided"
	if d.Reason.IsValid() {
		words = reasonWords[d.Reason]
	}
	s := "policy: cannot renew " + strconv.Quote(string(d.Credential.Cert)) + " on " + d.On.String() + ": " + words
	switch {
	case d.Reason == Expired:
		s += " (on " + d.Credential.Expires.String() + ")"
	case d.Reason != Eligible && !d.EligibleFrom.IsZero():
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
//   - [NotHeld]: pr holds no credential for c, or on is before the day it
//     was earned (also when on, or the credential's Earned, is the zero
//     Date);
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

// decide is Eligibility on the fields it reads.
func decide(windowMonths, marketAgeMonths int, creds []cert.Credential, linked bool,
	id cert.ID, level cert.Level, launched, renewalFrom, on cert.Date) Decision {
	d := Decision{Reason: NotHeld, On: on}
	i := index(creds, id)
	if i < 0 {
		d.Credential.Cert = id
		return d
	}
	cr := creds[i]
	d.Credential = cr
	switch {
	case on.IsZero() || cr.Earned.IsZero() || on.Before(cr.Earned):
		return d
	case level == cert.Fundamentals || cr.Expires.IsZero():
		d.Reason = NeverExpires
		return d
	}
	x := cr.Expires
	if !on.Before(x) {
		// An expired credential has no window left: it is earned
		// again by exam (RULES N6). A day count decides this, so no
		// month arithmetic is done for it.
		d.Reason = Expired
		return d
	}
	d.WindowOpens = x.AddMonths(-windowMonths)
	offered := offeredFrom(marketAgeMonths, launched, renewalFrom)
	if from := later(later(d.WindowOpens, offered), cr.Earned); from.Before(x) {
		d.EligibleFrom = from
	}
	switch {
	case on.Before(d.WindowOpens):
		d.Reason = NotYetOpen
	case on.Before(offered):
		d.Reason = AssessmentUnavailable
	case !linked:
		d.Reason = ProfileNotLinked
	default:
		d.Reason = Eligible
		d.Eligible = true
	}
	return d
}

// index returns the index in creds of the credential for id, or -1. It is
// kept out of line: comparing IDs calls the runtime, and a call made from
// decide's loop would save and restore all of decide's arguments each time.
//
//go:noinline
func index(creds []cert.Credential, id cert.ID) int {
	for i := range creds {
		if creds[i].Cert == id {
			return i
		}
	}
	return -1
}

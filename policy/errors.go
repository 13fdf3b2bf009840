package policy

import (
	"errors"
	"strconv"

	"github.com/certrenew/certrenew/cert"
)

// The refusals of this package match these with [errors.Is]. [errors.As]
// gives the data behind them: a [*NotEligibleError], with the [Decision],
// behind ErrNotEligible and the sentinels of the reasons, and a
// [*FieldError], naming the field at fault, behind ErrInvalidPolicy.
var (
	// ErrNotEligible: Renew, or an attempt at the renewal assessment, on a
	// day the holder may not renew (RULES E5). Every [*NotEligibleError]
	// matches it, and also the sentinel of its Decision's Reason, one of
	// the six below.
	ErrNotEligible = errors.New("policy: not eligible to renew")

	// ErrNotHeld: the holder has no credential for the title that day
	// (Reason NotHeld).
	ErrNotHeld = errors.New("policy: credential not held")

	// ErrNeverExpires: the credential never expires and so is never
	// renewed (Reason NeverExpires, RULES V1).
	ErrNeverExpires = errors.New("policy: credential never expires")

	// ErrExpired: on or after the expiry: an expired credential is earned
	// again by exam, not renewed (Reason Expired, RULES A1, A5, E1, N6).
	ErrExpired = errors.New("policy: credential expired")

	// ErrOutsideWindow: before the renewal window opens (Reason
	// NotYetOpen, RULES A5, E2).
	ErrOutsideWindow = errors.New("policy: outside the renewal window")

	// ErrAssessmentUnavailable: before the renewal assessment is first
	// offered (Reason AssessmentUnavailable, RULES E3).
	ErrAssessmentUnavailable = errors.New("policy: renewal assessment not offered yet")

	// ErrNotLinked: the certification profile is not linked to a Learn
	// profile (Reason ProfileNotLinked, RULES E4).
	ErrNotLinked = errors.New("policy: profile not linked to a Learn profile")

	// ErrStillActive: Earn of a title whose credential is still active;
	// passing the exam again does not renew it (RULES N5).
	ErrStillActive = errors.New("policy: credential still active")

	// ErrMissingPrerequisite: Earn of an expert title none of whose
	// associate prerequisites is active that day (RULES R1).
	ErrMissingPrerequisite = errors.New("policy: no prerequisite active")

	// ErrBackdated: Earn on a day before the current credential's Earned
	// day; a profile's history only goes forward (RULES N6a).
	ErrBackdated = errors.New("policy: earned before the current credential")

	// ErrUnknownCertification: a certification with no ID or no real
	// level.
	ErrUnknownCertification = errors.New("policy: unknown certification")

	// ErrDateOutOfRange: no day given (the zero Date) where one is
	// needed, or a day whose expiry would fall after 9999-12-31, the last
	// day a [cert.Date] holds. It is not a malformed date, which is
	// [cert.ErrSyntax].
	ErrDateOutOfRange = errors.New("policy: day out of range")

	// ErrInvalidPolicy: a policy that makes no sense, refused by
	// [Policy.Validate] or [Parse].
	ErrInvalidPolicy = errors.New("policy: invalid policy")

	// ErrUnknownReason: text or a value that names no [Reason].
	ErrUnknownReason = errors.New("policy: unknown reason")

	// ErrUnknownProgram: a title of a program that the policy does not
	// list, which [Policy.CheckCatalog] reports (RULES G8).
	ErrUnknownProgram = errors.New("policy: unknown program")
)

// reasonErrs holds the sentinel of each Reason that refuses a renewal.
var reasonErrs = [...]error{
	NotHeld:               ErrNotHeld,
	NeverExpires:          ErrNeverExpires,
	Expired:               ErrExpired,
	NotYetOpen:            ErrOutsideWindow,
	AssessmentUnavailable: ErrAssessmentUnavailable,
	ProfileNotLinked:      ErrNotLinked,
	Eligible:              nil,
}

// Err returns the sentinel error of r, such as [ErrOutsideWindow] for
// NotYetOpen, or nil for Eligible and for a value that is no reason.
func (r Reason) Err() error {
	if r.IsValid() {
		return reasonErrs[r]
	}
	return nil
}

// A NotEligibleError reports an operation refused because the holder may
// not renew on the day (RULES E5): [Policy.Renew] and
// [Policy.RecordAttempt] return one. It matches [ErrNotEligible] and the
// sentinel of its Decision's Reason ([Reason.Err]), such as
// [ErrOutsideWindow] for NotYetOpen and [ErrExpired] for Expired.
type NotEligibleError struct {
	Op       string    // the operation refused: OpRenew or OpRecordAttempt
	Cert     cert.ID   // the certification
	On       cert.Date // the day asked about
	Decision Decision  // why: Eligible is false
}

// Error returns the message, such as `policy: cannot renew
// "azure-administrator" on 2021-12-01: renewal window not yet open (renewal
// from 2022-01-15)`.
func (e *NotEligibleError) Error() string {
	op := e.Op
	if op == OpRecordAttempt {
		op += " at" // "cannot record an attempt at "azure-administrator""
	}
	return "policy: cannot " + op + " " + strconv.Quote(string(e.Cert)) + " on " + e.On.String() + ": " + e.Decision.words()
}

// The operations a [NotEligibleError] names in its Op.
const (
	OpRenew         = "renew"             // Renew and RenewCredential
	OpRecordAttempt = "record an attempt" // RecordAttempt and CheckAttempt
)

// Unwrap returns [ErrNotEligible] and the sentinel of the Decision's
// Reason, so that [errors.Is] finds both.
func (e *NotEligibleError) Unwrap() []error {
	if err := e.Decision.Reason.Err(); err != nil {
		return []error{ErrNotEligible, err}
	}
	return []error{ErrNotEligible}
}

// A FieldError reports a value of a policy that makes no sense, or a policy
// document that cannot be read. It matches [ErrInvalidPolicy], and Err when
// there is one.
type FieldError struct {
	// Path names the value at fault by its path in the policy's JSON form
	// ([Policy.MarshalJSON]), whether the policy came from JSON or not:
	// "terms[1].from", "retakes.wait", "reminders.daysBefore[0]". It is
	// "" for the policy as a whole, such as a document that is not JSON.
	Path string

	// Offset is the byte offset in the document at which the problem was
	// found, for a policy read by [Parse]; 0 otherwise.
	Offset int64

	Problem string // what is wrong
	Err     error  // the error behind the problem, if any, such as a [*cert.ParseError]
}

// Error returns the message, naming the path; a problem of syntax names
// its byte offset itself.
func (e *FieldError) Error() string {
	s := "policy: invalid policy: "
	if e.Path != "" {
		s += e.Path + ": "
	}
	return s + e.Problem
}

// Unwrap returns [ErrInvalidPolicy] and Err, so that [errors.Is] and
// [errors.As] find both.
func (e *FieldError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalidPolicy}
	}
	return []error{ErrInvalidPolicy, e.Err}
}

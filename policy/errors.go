package policy

import "errors"

// The refusals of the policy's operations match these with [errors.Is].
// [errors.As] gives the data behind some of them: a [Decision] behind
// ErrNotEligible, a [*PolicyError] behind [ErrInvalidPolicy].
var (
	// ErrNotEligible: Renew on a day the holder may not renew (RULES E5).
	ErrNotEligible = errors.New("policy: not eligible to renew")

	// ErrOutsideWindow: an attempt before the renewal window opens (RULES
	// A5, E2). A [Decision] with Reason NotYetOpen matches it, as well as
	// ErrNotEligible.
	ErrOutsideWindow = errors.New("policy: outside the renewal window")

	// ErrExpired: an attempt on or after the expiry (RULES A1, A5). A
	// [Decision] with Reason Expired matches it, as well as ErrNotEligible.
	ErrExpired = errors.New("policy: credential expired")

	// ErrStillActive: Earn of a title whose credential is still active;
	// passing the exam again does not renew it (RULES N5).
	ErrStillActive = errors.New("policy: credential still active")

	// ErrMissingPrerequisite: Earn of an expert title none of whose
	// associate prerequisites is active that day (RULES R1).
	ErrMissingPrerequisite = errors.New("policy: no prerequisite active")

	// ErrBackdated: Earn on a day before the current credential's Earned
	// day; a profile's history only goes forward (RULES N6a).
	ErrBackdated = errors.New("policy: earned before the current credential")

	// ErrUnknownCertification: a certification with no ID or no real level.
	ErrUnknownCertification = errors.New("policy: unknown certification")

	// ErrInvalidDate: the zero Date where a day is needed, or a day whose
	// expiry would fall after 9999-12-31.
	ErrInvalidDate = errors.New("policy: invalid date")

	// ErrUnknownReason: text or a value that names no [Reason].
	ErrUnknownReason = errors.New("policy: unknown reason")
)

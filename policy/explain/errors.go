package explain

import (
	"errors"
	"strconv"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

// A sentinel is a sentinel error and its text; why, when not 0, is the
// clause of a Reason put into the text as {why}.
type sentinel struct {
	err      error
	msg, why msg
}

// sentinels lists the sentinel errors of the packages below, each with
// its text. [Error] tries them in this order, the first match wins: the
// refusals first, then the sentinels that say what kind of value was
// refused (a policy, a catalog, a log) and the one that every refusal to
// renew matches, which say least. The tests check that no sentinel of
// those packages is missing.
var sentinels = [...]sentinel{
	// Package policy: the reasons a renewal is refused (RULES E5).
	{policy.ErrNotHeld, mReasonBare, mWhyNotHeld},
	{policy.ErrNeverExpires, mReasonBare, mWhyNeverExpires},
	{policy.ErrExpired, mReasonBare, mWhyExpired},
	{policy.ErrOutsideWindow, mReasonBare, mWhyNotYetOpen},
	{policy.ErrAssessmentUnavailable, mReasonBare, mWhyUnavailable},
	{policy.ErrNotLinked, mReasonBare, mWhyNotLinked},
	// Package policy: the other refusals of Earn, Renew and RecordAttempt.
	{policy.ErrStillActive, mErrStillActive, 0},
	{policy.ErrMissingPrerequisite, mErrPrerequisite, 0},
	{policy.ErrBackdated, mErrBackdated, 0},
	{policy.ErrUnknownCertification, mErrUnknownCert, 0},
	{policy.ErrDateOutOfRange, mErrDateRange, 0},
	{policy.ErrUnknownReason, mErrUnknownReason, 0},
	{policy.ErrUnknownProgram, mErrUnknownProgram, 0},

	// Package assessment: the retake rule (RULES A2-A5).
	{assessment.ErrCapReached, mErrCapReached, 0},
	{assessment.ErrTooSoon, mErrTooSoon, 0},
	{assessment.ErrPassed, mErrPassed, 0},
	{assessment.ErrOutOfOrder, mErrOrder, 0},
	{assessment.ErrStaleCycle, mErrStaleCycle, 0},
	{assessment.ErrInvalidRetakes, mErrInvalidRetakes, 0},

	// Package history: the replay of a log, and the snapshot check.
	{history.ErrNoKind, mErrNoKind, 0},
	{history.ErrOutOfOrder, mErrEventOrder, 0},
	{history.ErrAlreadyLinked, mErrAlreadyLinked, 0},
	{history.ErrMergeLinked, mErrMergeLinked, 0},
	{history.ErrMergeSelf, mErrMergeSelf, 0},
	{history.ErrNoEarnDay, mErrNoEarnDay, 0},
	{history.ErrNoExpiry, mErrNoExpiry, 0},
	{history.ErrUnexpectedExpiry, mErrUnexpectedExpiry, 0},
	{history.ErrExpiryNotAfterEarned, mErrExpiryNotAfterEarned, 0},
	{history.ErrUnreachableExpiry, mErrUnreachableExpiry, 0},
	{history.ErrHeldTwice, mErrHeldTwice, 0},

	// Package agenda.
	{agenda.ErrUnknownKind, mErrUnknownKind, 0},

	// Package cert: text that is no date or no level.
	{cert.ErrSyntax, mErrSyntax, 0},
	{cert.ErrUnknownLevel, mErrUnknownLevel, 0},

	// The kinds of value refused, and every refusal to renew.
	{policy.ErrInvalidPolicy, mErrInvalidPolicy, 0},
	{cert.ErrInvalidCatalog, mErrInvalidCatalog, 0},
	{history.ErrInvalidLog, mErrInvalidLog, 0},
	{policy.ErrNotEligible, mErrNotEligible, 0},
}

// maxDepth bounds how deep Error follows the causes of typed errors.
const maxDepth = 8

// Error tells the holder, in l, why an operation of the library refused:
// the refusals of [policy.Policy.Earn], [policy.Policy.Renew] and
// [policy.Policy.RecordAttempt], of the retake rule, of a replay
// ([history.EventError]), of [policy.Parse] and [history.ParseLog], and of
// reading a day or a level. It recognizes every sentinel error of packages
// cert, assessment, policy and policy/history with [errors.Is], and tells
// the data that their typed errors carry, found with [errors.As]:
//   - a [*policy.NotEligibleError]: the day, the operation and the reason,
//     then the days of the window on which the holder can renew, as
//     [Decision] tells them;
//   - a [*assessment.LockoutError]: the instant the lockout lifts, Until,
//     written by [Instant];
//   - a [*assessment.OrderError]: the two attempts and their instants;
//   - a [*history.EventError]: the event's number in the log (its Index
//     plus one) and what it was, then its refusal;
//   - a [*history.LogError], [*policy.FieldError] or [*cert.CatalogError]:
//     the event, the value or the certification at fault, then the cause,
//     when it is one of these;
//   - a [*cert.ParseError] or [*cert.LevelError]: the text given.
//
// A typed error that gives context (an EventError, LogError, FieldError or
// CatalogError) is told before its cause, in a second sentence. For an
// error it does not know, Error gives a generic sentence; for nil, that
// nothing went wrong. It never prints an error's own text, which is for
// developers, nor a Go type name, and it never panics: an error whose
// methods panic, such as a nil *history.EventError, gets the generic
// sentence.
func Error(l Language, err error) (s string) {
	if err == nil {
		return l.format(mErrNil)
	}
	defer func() {
		if recover() != nil {
			s = l.format(mErrGeneric)
		}
	}()
	if s, ok := explainErr(l, err, 0, false); ok {
		return s
	}
	return l.format(mErrGeneric)
}

// explainErr tells err, and whether it knew it. merged says that err is
// the cause of a merge's EventError, whose own log it names.
func explainErr(l Language, err error, depth int, merged bool) (string, bool) {
	if err == nil || depth > maxDepth {
		return "", false
	}
	cause := func(head string, err error) (string, bool) {
		s, ok := explainErr(l, err, depth+1, false)
		if !ok {
			return head, true
		}
		return l.then(head, s), true
	}
	var (
		ee *history.EventError
		le *history.LogError
		fe *policy.FieldError
		ce *cert.CatalogError
		ne *policy.NotEligibleError
		lo *assessment.LockoutError
		ca *assessment.CapError
		oe *assessment.OrderError
		pe *cert.ParseError
		lv *cert.LevelError
	)
	switch {
	case errors.As(err, &ee) && ee != nil:
		m, n := mEventRefused, arg{"n", strconv.Itoa(ee.Index + 1)}
		switch {
		case ee.Index < 0:
			m = mEventRefusedNoN
		case merged:
			m = mEventMerged
		}
		head := l.format(m, n, arg{"event", event(l, ee.Event)})
		s, ok := explainErr(l, ee.Err, depth+1, ee.Event.Kind == history.Merged)
		if !ok {
			return head, true
		}
		return l.then(head, s), true
	case errors.As(err, &le) && le != nil:
		switch {
		case le.Index >= 0:
			return cause(l.format(mLogEvent, arg{"n", strconv.Itoa(le.Index + 1)}), le.Err)
		case le.Path != "":
			return cause(l.format(mLogPath, arg{"path", clean(le.Path)}), le.Err)
		}
		return cause(l.format(mErrInvalidLog), le.Err)
	case errors.As(err, &fe) && fe != nil:
		if fe.Path != "" {
			return cause(l.format(mPolicyPath, arg{"path", clean(fe.Path)}), fe.Err)
		}
		return cause(l.format(mErrInvalidPolicy), fe.Err)
	case errors.As(err, &ce) && ce != nil:
		if ce.Cert != "" {
			return cause(l.format(mCatalogCert, arg{"id", clean(string(ce.Cert))}), ce.Err)
		}
		return cause(l.format(mErrInvalidCatalog), ce.Err)
	case errors.As(err, &ne) && ne != nil:
		return notEligible(l, ne), true
	case errors.As(err, &ca) && ca != nil && !ca.Until.IsZero():
		span := ca.Span.String() // a span of other than whole days, as Go writes it
		if ca.Span > 0 && ca.Span%(24*time.Hour) == 0 {
			span = l.format(mDays, arg{"n", strconv.FormatInt(int64(ca.Span/(24*time.Hour)), 10)})
		}
		return l.format(mCapLockout, arg{"cap", strconv.Itoa(ca.Cap)}, arg{"span", span}, arg{"until", Instant(l, ca.Until)}), true
	case errors.As(err, &lo) && lo != nil:
		if lo.Until.IsZero() {
			return l.format(mErrTooSoon), true
		}
		return l.format(mLockout, arg{"until", Instant(l, lo.Until)}), true
	case errors.As(err, &oe) && oe != nil:
		if oe.Index < 1 {
			return l.format(mErrOrder), true
		}
		return l.format(mOrderAt,
			arg{"n", strconv.Itoa(oe.Index + 1)}, arg{"at", Instant(l, oe.At)},
			arg{"m", strconv.Itoa(oe.Index)}, arg{"prev", Instant(l, oe.Prev)}), true
	case errors.As(err, &pe) && pe != nil:
		if pe.Text == "" {
			return l.format(mErrSyntax), true
		}
		return l.format(mSyntaxText, arg{"text", clean(pe.Text)}), true
	case errors.As(err, &lv) && lv != nil:
		if lv.Text == "" {
			return l.format(mErrUnknownLevel), true
		}
		return l.format(mLevelText, arg{"text", clean(lv.Text)}), true
	}
	for _, s := range sentinels {
		if errors.Is(err, s.err) {
			return l.format(s.msg, arg{"why", l.format(s.why)}, arg{"max", Date(l, lastDay)}), true
		}
	}
	return "", false
}

// lastDay is the last day a cert.Date holds, after which no expiry falls
// (RULES D5).
var lastDay = cert.NewDate(9999, 12, 31)

// notEligible tells a refusal to renew, or to record an attempt, on a day
// the holder may not renew (RULES E5).
func notEligible(l Language, e *policy.NotEligibleError) string {
	d := e.Decision
	why := l.format(mWhyUnknown)
	if d.Reason.IsValid() && d.Reason != policy.Eligible {
		why = l.format(whyMsgs[d.Reason])
	}
	on := arg{"on", Date(l, e.On)}
	var head string
	if e.Op == policy.OpRecordAttempt {
		head = l.format(mAttemptCannot, on, arg{"why", why})
	} else {
		head = l.format(mDecisionCannot, on, arg{"title", l.format(mThisCert)}, arg{"why", why})
	}
	return l.then(head, window(l, d, e.On))
}

// event tells what event e was, as a phrase.
func event(l Language, e history.Event) string {
	id := arg{"id", clean(string(e.Cert))}
	on := arg{"on", Date(l, e.On)}
	switch e.Kind {
	case history.Earned:
		return l.format(mEvEarned, id, on)
	case history.Attempted:
		m := mEvAttemptFailed
		if e.Passed {
			m = mEvAttemptPassed
		}
		return l.format(m, id, arg{"at", Instant(l, e.At)})
	case history.Linked:
		return l.format(mEvLinked, arg{"learn", clean(e.Learn)}, on)
	case history.Merged:
		return l.format(mEvMerged, arg{"mcid", clean(e.MCID)}, on)
	}
	return l.format(mEvNoKind)
}

// Problem tells the holder, in l, problem p of a stored profile found by
// [history.Check]: the credential's number in the profile (its Index plus
// one) and its title's ID, then what is wrong, as [Error] tells p.Err.
func Problem(l Language, p history.Problem) (s string) {
	defer func() {
		if recover() != nil {
			s = l.format(mProblemAny)
		}
	}()
	n := arg{"n", strconv.Itoa(p.Index + 1)}
	head := l.format(mProblem, n, arg{"id", clean(string(p.Cert))})
	switch {
	case p.Index < 0:
		head = l.format(mProblemAny)
	case p.Cert == "":
		head = l.format(mProblemNoID, n)
	}
	if why, ok := explainErr(l, p.Err, 0, false); ok {
		return l.then(head, why)
	}
	return head
}

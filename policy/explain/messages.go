package explain

// A msg names one text of the tables: english in en.go and chinese in
// zh.go, each an array indexed by msg. The comment of each names the
// arguments its text takes, in braces, as [expand] replaces them.
type msg uint8

// The messages.
const (
	_ msg = iota

	// Days and instants.
	mDate      // {yyyy} {mm} {dd} (zero-padded) and {y} {m} {d}: a day
	mNoDate    // the zero Date
	mTime      // {hh} {mi}: a time of day
	mTimeSec   // {hh} {mi} {ss}: a time of day with its seconds
	mZoneUTC   // the offset 0
	mZone      // {sign} {hh} {mi}: an offset from UTC
	mZoneSec   // {sign} {hh} {mi} {ss}: an offset with seconds
	mInstant   // {date} {time} {zone}: an instant
	mNoInstant // the zero time.Time

	// Joining sentences, and naming a certification.
	mJoin     // {a} {b}: two sentences, one after the other
	mThisCert // a certification not named: this certification
	mTitle    // {name}: a certification's name, quoted

	// Decisions.
	mDecisionCan    // {on} {title}: the holder may renew
	mDecisionCannot // {on} {title} {why}: the holder may not renew, and why
	mDecisionNone   // {on} {title}: the zero Decision, or no Reason
	mWindowFrom     // {from} {last}: the days on which the holder can renew
	mWindowLast     // {last}: the last day to renew, once the holder can
	mWindowNever    // {closes}: the assessment comes after the expiry
	mGrace          // {expired} {last}: in the grace period, the holder can still renew
	mGraceFrom      // {expired} {from} {last}: in the grace period, from a later day
	mGraceAfter     // {expires} {last}: the grace period that follows the window
	mGraceLater     // {from} {expires} {last}: the assessment comes in the grace period
	mGraceNever     // {last}: the assessment comes after the grace period

	// Why a holder may not renew, a clause for {why}, one per Reason.
	mWhyNotHeld
	mWhyNeverExpires
	mWhyExpired
	mWhyNotYetOpen
	mWhyUnavailable
	mWhyNotLinked

	// Agenda items, one per Kind, and one for a value that is no kind.
	mItemWindowOpens  // {on} {title} {last}
	mItemCanRenew     // {on} {title} {last}
	mItemReminder     // {on} {n} {title} {last} {expires}
	mItemReminderN0   // {on} {title} {last} {expires}: a reminder with no number
	mItemNotice       // {on} {n} {title} {from} {last} {expires}: a reminder before the first eligible day
	mItemNoticeN0     // {on} {title} {from} {last} {expires}: a notice with no number
	mItemLockoutLifts // {at} {title}
	mItemLastDay      // {on} {title} {expires}
	mItemExpires      // {on} {title}
	mItemGraceLastDay // {on} {title} {expires}
	mItemCanRenewLate // {on} {title} {expires}: the first renewal day lies in the grace period
	mItemUnknown      // {on} {title}

	// Refusals: the typed errors, with their data.
	mAttemptCannot // {on} {why}: a NotEligibleError of an attempt
	mWhyUnknown    // a NotEligibleError whose Decision names no reason that stops
	mReasonBare    // {why}: a reason's sentinel alone
	mLockout       // {until}: a LockoutError
	mCapLockout    // {cap} {span} {until}: a CapError
	mDays          // {n}: a span of whole days

	mOrderAt         // {n} {at} {m} {prev}: an OrderError
	mSyntaxText      // {text}: a ParseError
	mLevelText       // {text}: a LevelError
	mCatalogCert     // {id}: a CatalogError naming a certification
	mPolicyPath      // {path}: a FieldError naming a value
	mLogEvent        // {n}: a LogError naming an event
	mLogPath         // {path}: a LogError naming a value only
	mEventRefused    // {n} {event}: an EventError
	mEventRefusedNoN // {event}: an EventError with no index
	mEventMerged     // {n} {event}: an EventError inside a merged log
	mEvEarned        // {id} {on}: an event, told inside mEventRefused
	mEvAttemptPassed // {id} {at}
	mEvAttemptFailed // {id} {at}
	mEvLinked        // {learn} {on}
	mEvMerged        // {mcid} {on}
	mEvNoKind        // an event of no kind
	mProblem         // {n} {id}: a history.Problem
	mProblemNoID     // {n}: a Problem naming no certification
	mProblemAny      // a Problem with no index

	// Refusals: the sentinels, one each, and two for what is no refusal.
	mErrGeneric
	mErrNil
	mErrSyntax
	mErrUnknownLevel
	mErrInvalidCatalog
	mErrTooSoon
	mErrCapReached
	mErrPassed
	mErrOrder
	mErrInvalidRetakes
	mErrStaleCycle
	mErrNotEligible
	mErrStillActive
	mErrPrerequisite
	mErrBackdated
	mErrUnknownCert
	mErrDateRange // {max}: the last day a cert.Date holds
	mErrInvalidPolicy
	mErrUnknownReason
	mErrUnknownProgram
	mErrInvalidLog
	mErrNoKind
	mErrEventOrder
	mErrAlreadyLinked
	mErrMergeLinked
	mErrMergeSelf
	mErrNoEarnDay
	mErrNoExpiry
	mErrUnexpectedExpiry
	mErrExpiryNotAfterEarned
	mErrUnreachableExpiry
	mErrHeldTwice
	mErrUnknownKind

	numMsgs // the length of each table
)

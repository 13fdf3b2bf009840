package explain

// english holds the English texts. Days are written as in ISO 8601,
// 2022-01-15, the form cert.Date prints; times on the 24-hour clock.
var english = [numMsgs]string{
	mDate:      "{yyyy}-{mm}-{dd}",
	mNoDate:    "no date",
	mTime:      "{hh}:{mi}",
	mTimeSec:   "{hh}:{mi}:{ss}",
	mZoneUTC:   "UTC",
	mZone:      "UTC{sign}{hh}:{mi}",
	mZoneSec:   "UTC{sign}{hh}:{mi}:{ss}",
	mInstant:   "{date} {time} ({zone})",
	mNoInstant: "no time",

	mJoin:     "{a} {b}",
	mThisCert: "this certification",
	mTitle:    "“{name}”",

	mDecisionCan:    "On {on} you can renew {title}.",
	mDecisionCannot: "On {on} you cannot renew {title}: {why}.",
	mDecisionNone:   "No decision has been made on renewing {title} on {on}.",
	mWindowFrom:     "You can renew from {from} until {last}.",
	mWindowLast:     "The last day to renew is {last}.",
	mWindowNever:    "Its renewal assessment is not offered before it expires on {closes}, so it cannot be renewed in this window.",

	mWhyNotHeld:      "you do not hold it on that day",
	mWhyNeverExpires: "it never expires, so there is nothing to renew",
	mWhyExpired:      "it has expired, and is earned again by passing the required exams",
	mWhyNotYetOpen:   "its renewal window is not open yet",
	mWhyUnavailable:  "its renewal assessment is not offered yet",
	mWhyNotLinked:    "your certification profile is not linked to your Microsoft Learn profile",

	mItemWindowOpens:  "On {on} the renewal window of {title} opens; the last day to renew is {last}.",
	mItemCanRenew:     "From {on} you can renew {title}, until {last}.",
	mItemReminder:     "Reminder {n}, on {on}: you can renew {title} until {last}; it expires on {expires}.",
	mItemReminderN0:   "Reminder, on {on}: you can renew {title} until {last}; it expires on {expires}.",
	mItemLockoutLifts: "From {at} you can make another attempt at the renewal assessment of {title}.",
	mItemLastDay:      "{on} is the last day to renew {title}, which expires on {expires}.",
	mItemExpires:      "On {on} {title} expires: from that day it is no longer valid, and it is earned again by passing the required exams.",
	mItemUnknown:      "On {on} something is due for {title}.",
}

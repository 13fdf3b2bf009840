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
}

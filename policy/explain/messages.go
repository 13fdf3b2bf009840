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

	numMsgs // the length of each table
)

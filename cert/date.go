package cert

import "time"

// A Date is a calendar day with no time zone (RULES D1), such as the day a
// credential was earned or expires.
//
// A Date is a 4-byte value: one day count in which 0001-01-01 is day 1 and
// 9999-12-31 is day 3652059. Every value of the type is either the zero Date
// or one of those real days, so an invalid day such as 2021-02-30 cannot be
// represented, and Dates compare with ==, serve as map keys and sort with
// [Date.Compare] as plain integers.
//
// The zero Date means "no date" (RULES D5): it is not a day, it sorts before
// every day, its text form is the empty string, and arithmetic on it returns
// the zero Date. Pass Dates by value.
type Date struct {
	n int32 // days since 0000-12-31 in the proleptic Gregorian calendar; 0 is no date
}

const (
	// maxDay is the day count of 9999-12-31, the last Date.
	maxDay = 3652059

	// shift moves the day count to the count of Neri and Schneider's
	// computational calendar, whose day 0 is 0000-03-01: 0001-01-01 is
	// day 306 there and day 1 here.
	shift = 305

	// unixDay is the day count of 1970-01-01.
	unixDay = 719163

	// secondsPerDay is the length of a day on a clock, whatever its zone.
	secondsPerDay = 86400

	// walkBack is how long before a day's midnight on its own clock
	// [Date.In] starts to look for the day's first instant: more than any
	// zone's offset from UTC (the tz database's largest is under 16 hours,
	// and RFC 3339's under 24).
	walkBack = 26 * 3600

	// dateLen is the length of a Date's text, "2006-01-02".
	dateLen = 10
)

// NewDate returns the Date of year, month and day. Like [time.Date], it
// normalizes values outside their usual ranges: October 32 is November 1 and
// month 13 of 2020 is January 2021. A day that normalizes to before 0001-01-01
// or after 9999-12-31 has no Date: NewDate returns the zero Date.
//
// The normalization is exact for every int, as if the arithmetic had no
// bounds: a month or year near [math.MinInt] or [math.MaxInt] never wraps
// around to a real day, and gives the zero Date unless the other fields
// bring it back into range (RULES D5).
func NewDate(year int, month time.Month, day int) Date {
	// Normalize the month into 0..11, carrying whole years into the year.
	// Dividing before subtracting 1 keeps int(month)-1 from overflowing.
	carry, m := int(month)/12, int(month)%12-1
	if m < 0 {
		m += 12
		carry--
	}
	y := year + carry
	if (year > 0 && carry > 0 && y < 0) || (year < 0 && carry < 0 && y >= 0) {
		// The true year is beyond the range of int, and no int of days,
		// which is at most as many days as an int of years has, can
		// bring it back.
		return Date{}
	}
	if y >= 1 && y <= 9999 {
		first := int64(daysFromCivil(y, m+1, 1))
		// first+day-1 without overflow: check the bounds before adding.
		if dd := int64(day); dd > 0 && dd-1 > maxDay-first || dd <= 0 && dd < 1-first {
			return Date{}
		}
		return fromCount(first + int64(day) - 1)
	}
	// Far years: write y as 400*q + r with r in 1..400, since every 400
	// years have the same number of days, and day as 146097*dq + dr. The
	// day count is then (q+dq)*146097 + (day count of r-m-1) + dr - 1,
	// and q+dq is small whenever the result can be a real day.
	const cycleDays = 146097 // days in 400 Gregorian years
	q, r := int64(y)/400, int64(y)%400-1
	if r < 0 {
		r += 400
		q--
	}
	dq, dr := int64(day)/cycleDays, int64(day)%cycleDays
	k := q + dq // cannot overflow: |q| <= MaxInt64/400, |dq| <= MaxInt64/146097
	// The rest lies in -146096..2*146097+335, and 9999-12-31 is day
	// 25*146097-6.
	if k < -2 || k > 26 {
		return Date{}
	}
	return fromCount(k*cycleDays + int64(daysFromCivil(int(r)+1, m+1, 1)) + dr - 1)
}

// fromCount returns the Date of day count n, or the zero Date when n lies
// outside 0001-01-01..9999-12-31.
func fromCount(n int64) Date {
	if n < 1 || n > maxDay {
		return Date{}
	}
	return Date{int32(n)}
}

// The conversions between day counts and year, month and day follow Neri
// and Schneider (2021), "Euclidean affine functions and their application to
// calendar algorithms", the fastest known: a few multiplications and shifts,
// and no branch. They work in a computational calendar whose years begin on
// March 1, so that February, with its leap day, is the last month: month 3
// is March, 12 December, 13 January and 14 February of the next civil year.

// computational returns the year, month (3..14) and day of the real day
// count n in the computational calendar.
func computational(n int32) (y, m, d uint32) {
	n1 := 4*uint32(n+shift) + 3
	c := n1 / 146097 // the century
	// The paper's 4*(n1%146097/4) + 3 is n1%146097 with its low bits set.
	p2 := uint64(2939745) * uint64(n1%146097|3)
	ny := uint32(p2) / (2939745 * 4) // the day of the computational year
	n3 := 2141*ny + 197913
	return 100*c + uint32(p2>>32), n3 >> 16, (n3&0xffff)/2141 + 1
}

// fromComputational returns the day count of day d of month m (3..14) of
// year y of the computational calendar. It is the inverse of computational.
func fromComputational(y, m, d uint32) int32 {
	c := y / 100
	return int32(1461*y/4-c+c/4+(979*m-2919)/32+d-1) - shift
}

// civil returns the year, month and day of the real day count n.
func civil(n int32) (year, month, day int) {
	y, m, d := computational(n)
	var j uint32 // 1 for January and February, which belong to the next civil year
	if m > 12 {
		j = 1
	}
	return int(y + j), int(m - 12*j), int(d)
}

// daysFromCivil returns the day count of a real day y-m-d with y in 1..9999,
// m in 1..12 and d in 1..31. It is the inverse of civil.
func daysFromCivil(y, m, d int) int32 {
	var j uint32 // 1 for January and February, months 13, 14 of the year before
	if m <= 2 {
		j = 1
	}
	return fromComputational(uint32(y)-j, uint32(m)+12*j, uint32(d))
}

// DateOf returns the day of t in t's own location (RULES D1, D4). To take the
// day in another location, convert first: DateOf(t.In(loc)). An instant whose
// year lies outside 1..9999 has no Date: DateOf returns the zero Date. The
// zero [time.Time] is an instant like any other, of 0001-01-01 in UTC, so
// that DateOf inverts [Date.In] on every day; a caller that uses it to mean
// "no instant" tests [time.Time.IsZero] first.
func DateOf(t time.Time) Date {
	// The day count of t's wall clock in its location, by one division:
	// cheaper than time.Time.Date, which also splits the day into a year,
	// a month and a day.
	_, offset := t.Zone()
	sec := t.Unix() + int64(offset)
	if sec < minSec || sec > maxSec {
		return Date{} // outside 0001-01-01..9999-12-31, and no overflow below
	}
	days := sec / 86400
	if sec%86400 < 0 {
		days-- // floor, for instants before 1970
	}
	return Date{int32(days + unixDay)}
}

// minSec and maxSec are the Unix seconds of the first instant of
// 0001-01-01 and the last of 9999-12-31, in the wall clock of any location.
const (
	minSec = (1 - unixDay) * 86400
	maxSec = (maxDay-unixDay+1)*86400 - 1
)

// In returns the first instant of d in loc (RULES D1): midnight, or, on a
// day whose midnight loc's clocks skip, the instant the day begins after
// the jump. On 2026-03-08 the clocks of America/Havana go from 23:59:59 on
// the 7th to 01:00 on the 8th, so that day begins at 01:00. On a day whose
// midnight comes twice, as clocks are set back across it, the day begins
// at the first. So DateOf(d.In(loc)) == d for every day in every zone, and
// the instant just before d.In(loc) is on the day before.
//
// Unlike [time.Date], which may resolve a skipped midnight to an instant of
// the day before, In never does. A day that loc skips entirely has no
// instant at all (Pacific/Apia went from 2011-12-29 to 2011-12-31): In
// returns the first instant of the day after. The zero Date gives the zero
// [time.Time]. In panics if loc is nil, as time.Date does.
func (d Date) In(loc *time.Location) time.Time {
	if d.n == 0 {
		return time.Time{}
	}
	// midnight is the clock reading at which d begins, in seconds since
	// 1970-01-01 00:00 on the same clock. Walk loc's zones (the spans of
	// one offset) from an instant before d begins in any of them, and
	// return the first instant whose clock reads midnight or later: in a
	// zone of offset off, that is midnight-off, or the zone's start if its
	// clock is past midnight already.
	midnight := (int64(d.n) - unixDay) * secondsPerDay
	at := time.Unix(midnight-walkBack, 0).In(loc)
	for {
		_, off := at.Zone()
		start, end := at.ZoneBounds()
		if !end.IsZero() && !end.After(at) {
			// The time package ends a zone that a daylight-saving
			// rule governs with its 365-day year, a day early in a
			// leap year; the zone lasts into the next year.
			end = time.Date(at.UTC().Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC)
		}
		begins := midnight - int64(off)
		if !start.IsZero() && begins < start.Unix() {
			begins = start.Unix()
		}
		if end.IsZero() || begins < end.Unix() {
			return time.Unix(begins, 0).In(loc)
		}
		at = end
	}
}

// IsZero reports whether d is the zero Date, which means "no date" (RULES D5).
func (d Date) IsZero() bool { return d.n == 0 }

// Date returns the year, month and day of d. The zero Date gives 0, 0, 0.
func (d Date) Date() (year int, month time.Month, day int) {
	if d.n == 0 {
		return 0, 0, 0
	}
	y, m, dd := civil(d.n)
	return y, time.Month(m), dd
}

// Year returns the year of d, or 0 for the zero Date.
func (d Date) Year() int {
	y, _, _ := d.Date()
	return y
}

// Month returns the month of d, or 0 for the zero Date.
func (d Date) Month() time.Month {
	_, m, _ := d.Date()
	return m
}

// Day returns the day of the month of d, or 0 for the zero Date.
func (d Date) Day() int {
	_, _, day := d.Date()
	return day
}

// Weekday returns the day of the week of d. The zero Date has no weekday and
// gives [time.Sunday], the zero [time.Weekday].
func (d Date) Weekday() time.Weekday {
	if d.n == 0 {
		return time.Sunday
	}
	// 0001-01-01 (day 1) was a Monday.
	return time.Weekday(d.n % 7)
}

// AddDays returns the day n days after d (before d when n is negative). The
// zero Date, and a result outside 0001-01-01..9999-12-31, give the zero Date.
func (d Date) AddDays(n int) Date {
	if d.n == 0 || n > maxDay || n < -maxDay {
		return Date{}
	}
	return fromCount(int64(d.n) + int64(n))
}

// AddMonths returns the day n months after d, clamped to the month's end
// (RULES D3); n may be negative. 2024-02-29 plus 12 months is 2025-02-28,
// and 2021-08-31 minus 6 months is 2021-02-28. Unlike [time.Time.AddDate]
// it never spills into the following month, and a day once clamped stays
// clamped: 2025-02-28 plus 12 months is 2026-02-28 (RULES D5). The zero
// Date, and a result outside 0001-01-01..9999-12-31, give the zero Date.
func (d Date) AddMonths(n int) Date {
	const maxMonths = 12 * 10000
	if d.n == 0 || n > maxMonths || n < -maxMonths {
		return Date{}
	}
	// Convert once, add in the computational calendar, where a year's
	// months run March to February, and convert back.
	y, m, day := computational(d.n)
	months := int(y)*12 + int(m) - 3 + n // months since March of year 0
	// 0001-01 is month 10 (January of computational year 0) and 9999-12
	// is month 9999*12 + 9.
	if months < 10 || months > 9999*12+9 {
		return Date{}
	}
	y, m = uint32(months)/12, uint32(months)%12+3
	if day > 28 { // only the 29th to the 31st can need clamping
		if last := lastDay(y, m); day > last {
			day = last
		}
	}
	return Date{fromComputational(y, m, day)}
}

// lastDay returns the number of days in month m (3..14) of year y of the
// computational calendar.
func lastDay(y, m uint32) uint32 {
	if m == 14 { // February of civil year y+1
		return 28 + uint32(b2i(isLeap(int(y)+1)))
	}
	// A bit per month from March (bit 0) to January: 31 days when set.
	return 30 + (0b110_1011_0101>>(m-3))&1
}

// b2i returns 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isLeap reports whether y is a leap year of the Gregorian calendar.
func isLeap(y int) bool {
	if y%100 == 0 {
		return y%400 == 0
	}
	return y%4 == 0
}

// DaysSince returns the number of days from e to d: positive when d is after
// e, so that e.AddDays(d.DaysSince(e)) == d. If either is the zero Date, it
// returns 0.
func (d Date) DaysSince(e Date) int {
	if d.n == 0 || e.n == 0 {
		return 0
	}
	return int(d.n) - int(e.n)
}

// Compare returns -1 if d is before e, 0 if they are the same day and +1 if d
// is after e. The zero Date sorts before every day.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return +1
	}
	return 0
}

// Before reports whether d is before e. The zero Date is before every day.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e. Every day is after the zero Date.
func (d Date) After(e Date) bool { return d.n > e.n }

// Equal reports whether d and e are the same day; it is the same as d == e.
// It lets [github.com/google/go-cmp/cmp] compare Dates, and the structs that
// hold them, with no options.
func (d Date) Equal(e Date) bool { return d.n == e.n }

// String returns d as "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	var buf [dateLen]byte
	return string(d.AppendTo(buf[:0]))
}

// AppendText appends d's text, "2006-01-02", to b and returns the result.
// The zero Date appends nothing. It never fails: the error is for
// [encoding.TextAppender] and is always nil. Use [Date.AppendTo] where no
// error is wanted.
func (d Date) AppendText(b []byte) ([]byte, error) {
	return d.AppendTo(b), nil
}

// AppendTo appends d's text, "2006-01-02", to b and returns the extended
// buffer; the zero Date appends nothing.
func (d Date) AppendTo(b []byte) []byte {
	if d.n == 0 {
		return b
	}
	y, m, day := civil(d.n)
	hi, lo := uint(y)/100%100, uint(y)%100
	mm, dd := uint(m)%100, uint(day)%100 // % 100 lets the compiler drop the bounds checks
	return append(b,
		twoDigits[2*hi], twoDigits[2*hi+1], twoDigits[2*lo], twoDigits[2*lo+1], '-',
		twoDigits[2*mm], twoDigits[2*mm+1], '-',
		twoDigits[2*dd], twoDigits[2*dd+1])
}

// twoDigits holds "00" to "99", for formatting two digits at a time.
const twoDigits = "0001020304050607080910111213141516171819" +
	"2021222324252627282930313233343536373839" +
	"4041424344454647484950515253545556575859" +
	"6061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// MarshalText implements [encoding.TextMarshaler]: the text is that of
// [Date.String], and the zero Date marshals to empty text.
func (d Date) MarshalText() ([]byte, error) {
	return d.AppendText(make([]byte, 0, dateLen))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts what
// [ParseDate] accepts, and also empty text, which gives the zero Date, so that
// every Date survives a round trip through text. On error d is unchanged.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := parseDate(text)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate reads a day written exactly as "2006-01-02" (RFC 3339 full-date):
// four-digit year from 0001, two-digit month and day, and a day that exists,
// so "2021-02-30", "2021-6-1" and "" are errors. The error matches
// [ErrSyntax] and is a [*ParseError].
func ParseDate(s string) (Date, error) {
	if len(s) != dateLen { // quick exit before any allocation-free work
		return Date{}, &ParseError{Text: s, Why: "want the form 2006-01-02"}
	}
	var buf [dateLen]byte
	copy(buf[:], s)
	d, why := scan(buf[:])
	if why != "" {
		return Date{}, &ParseError{Text: s, Why: why}
	}
	return d, nil
}

// MustParseDate is like [ParseDate] but panics on error. It is for literal
// days in tests and examples, never for input.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// parseDate is ParseDate over bytes, so that UnmarshalText copies the text
// into an error only when it fails.
func parseDate(b []byte) (Date, error) {
	if len(b) != dateLen {
		return Date{}, &ParseError{Text: string(b), Why: "want the form 2006-01-02"}
	}
	d, why := scan(b)
	if why != "" {
		return Date{}, &ParseError{Text: string(b), Why: why}
	}
	return d, nil
}

// scan reads a 10-byte "2006-01-02" and says why it is not a day, or "".
func scan(b []byte) (Date, string) {
	if b[4] != '-' || b[7] != '-' {
		return Date{}, "want the form 2006-01-02"
	}
	y, ok1 := digits(b[0:4])
	m, ok2 := digits(b[5:7])
	d, ok3 := digits(b[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, "want the form 2006-01-02"
	}
	switch {
	case y < 1:
		return Date{}, "year out of range"
	case m < 1 || m > 12:
		return Date{}, "month out of range"
	}
	// Check the day in the computational calendar, where the conversion
	// to a day count happens anyway.
	var j int // 1 for January and February, months 13, 14 of the year before
	if m <= 2 {
		j = 1
	}
	cy, cm := uint32(y-j), uint32(m+12*j)
	if d < 1 || uint32(d) > lastDay(cy, cm) {
		return Date{}, "day out of range"
	}
	return Date{fromComputational(cy, cm, uint32(d))}, ""
}

// digits reads a run of ASCII decimal digits.
func digits(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

package cert_test

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Asia/Tokyo and America/Los_Angeles on any machine

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
)

// TestD1_DateOfTakesTheDayInItsOwnLocation checks RULES D1: the day of an
// instant is its date in the instant's own location.
func TestD1_DateOfTakesTheDayInItsOwnLocation(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	// 2021-06-15 02:00 UTC is 11:00 on the 15th in Tokyo (UTC+9) and 19:00
	// on the 14th in Los Angeles (UTC-7 in June).
	instant := time.Date(2021, 6, 15, 2, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		at   time.Time
		want cert.Date
	}{
		{"D1 the day in UTC", instant, day("2021-06-15")},
		{"D1 the same instant in Tokyo", instant.In(tokyo), day("2021-06-15")},
		{"D1 the same instant in Los Angeles is the day before", instant.In(la), day("2021-06-14")},
		{"D1 midnight in Tokyo is that day", time.Date(2021, 3, 1, 0, 0, 0, 0, tokyo), day("2021-03-01")},
		{"D1 a nanosecond before midnight in Los Angeles", time.Date(2021, 2, 28, 23, 59, 59, 999999999, la), day("2021-02-28")},
		{"D1 a leap day", time.Date(2024, 2, 29, 12, 0, 0, 0, la), day("2024-02-29")},
		{"D5 the first day", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), day("0001-01-01")},
		{"D5 the last day", time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC), day("9999-12-31")},
		{"D5 the zero time is in year 1", time.Time{}, day("0001-01-01")},
		{"D5 year 0 has no Date", time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC), cert.Date{}},
		{"D5 year 10000 has no Date", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), cert.Date{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, cert.DateOf(tt.at)); diff != "" {
				t.Errorf("DateOf(%v) mismatch (-want +got):\n%s", tt.at, diff)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	valid := []struct {
		name string
		in   string
		y    int
		m    time.Month
		d    int
	}{
		{"D5 the first day", "0001-01-01", 1, time.January, 1},
		{"D5 the last day", "9999-12-31", 9999, time.December, 31},
		{"D3 a leap day", "2024-02-29", 2024, time.February, 29},
		{"D3 a leap day of a year divisible by 400", "2000-02-29", 2000, time.February, 29},
		{"V2 the cut-over day", "2021-06-01", 2021, time.June, 1},
		{"H1 the announcement", "2020-12-15", 2020, time.December, 15},
		{"D5 the end of a 30-day month", "2021-04-30", 2021, time.April, 30},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			d, err := cert.ParseDate(tt.in)
			if err != nil {
				t.Fatalf("ParseDate(%q) = %v", tt.in, err)
			}
			y, m, dd := d.Date()
			if y != tt.y || m != tt.m || dd != tt.d {
				t.Errorf("ParseDate(%q).Date() = %d, %v, %d, want %d, %v, %d", tt.in, y, m, dd, tt.y, tt.m, tt.d)
			}
			if got := d.String(); got != tt.in {
				t.Errorf("ParseDate(%q).String() = %q", tt.in, got)
			}
			if diff := cmp.Diff(cert.NewDate(tt.y, tt.m, tt.d), d); diff != "" {
				t.Errorf("ParseDate(%q) differs from NewDate (-want +got):\n%s", tt.in, diff)
			}
		})
	}

	invalid := []struct {
		name string
		in   string
	}{
		{"D5 empty text is no day", ""},
		{"D3 February 30", "2021-02-30"},
		{"D3 February 29 of a common year", "2023-02-29"},
		{"D3 February 29 of a century that is not a leap year", "1900-02-29"},
		{"D3 April 31", "2021-04-31"},
		{"D5 short form", "2021-6-1"},
		{"D5 year 0", "0000-01-01"},
		{"D5 month 13", "2021-13-01"},
		{"D5 month 0", "2021-00-10"},
		{"D5 day 0", "2021-01-00"},
		{"D5 day 32", "2021-01-32"},
		{"D5 leading space", " 2021-01-01"},
		{"D5 trailing space", "2021-01-01 "},
		{"D1 an instant, not a day", "2021-01-01T00:00:00Z"},
		{"D5 a sign", "+2021-01-01"},
		{"D5 a negative year", "-021-01-01"},
		{"D5 slashes", "2021/01/01"},
		{"D5 a first separator that is not a hyphen", "2021x06-01"},
		{"D5 a second separator that is not a hyphen", "2021-06x01"},
		{"D5 a digit for the first separator", "2021006-01"},
		{"D5 a digit for the second separator", "2021-06001"},
		{"D5 a letter for a digit", "2021-01-0a"},
		{"D5 a misplaced hyphen", "2021-1-011"},
		{"D5 five-digit year", "10000-01-01"},
		{"D5 full-width digits", "２０２１-01-01"},
		{"D5 a NUL byte", "2021-01-\x001"},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			d, err := cert.ParseDate(tt.in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want an error", tt.in, d)
			}
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) returned %v with its error, want the zero Date", tt.in, d)
			}
			checkParseError(t, err, tt.in)
		})
	}
}

// checkParseError checks that err is a ParseError for text that matches
// ErrSyntax and quotes the text.
func checkParseError(t *testing.T, err error, text string) {
	t.Helper()
	if !errors.Is(err, cert.ErrSyntax) {
		t.Errorf("error %v does not match ErrSyntax", err)
	}
	var pe *cert.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	if pe.Text != text {
		t.Errorf("ParseError.Text = %q, want %q", pe.Text, text)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "cert: ") || !strings.Contains(msg, strconv.Quote(text)) {
		t.Errorf("error %q does not start with \"cert: \" and quote the input %s", msg, strconv.Quote(text))
	}
}

func TestMustParseDate(t *testing.T) {
	if got := cert.MustParseDate("2021-02-01"); got != cert.NewDate(2021, time.February, 1) {
		t.Errorf("MustParseDate(2021-02-01) = %v", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustParseDate(2021-02-30) did not panic")
		}
	}()
	cert.MustParseDate("2021-02-30")
}

func TestNewDate(t *testing.T) {
	tests := []struct {
		name  string
		y     int
		m     time.Month
		d     int
		want  string // "" for the zero Date
		oracl bool   // whether time.Date can check it too
	}{
		{"D5 a plain day", 2021, time.June, 15, "2021-06-15", true},
		{"D5 October 32 is November 1", 2021, time.October, 32, "2021-11-01", true},
		{"D5 month 13 is January of the next year", 2020, 13, 1, "2021-01-01", true},
		{"D5 month 0 is December of the year before", 2021, 0, 15, "2020-12-15", true},
		{"D5 month -1 is November of the year before", 2021, -1, 1, "2020-11-01", true},
		{"D5 month 25 is two years on", 2021, 25, 1, "2023-01-01", true},
		{"D5 day 0 is the last day of the month before", 2021, time.March, 0, "2021-02-28", true},
		{"D5 day 0 of March in a leap year", 2024, time.March, 0, "2024-02-29", true},
		{"D5 negative days count back", 2021, time.March, -1, "2021-02-27", true},
		{"D5 February 29 of a common year is March 1", 2023, time.February, 29, "2023-03-01", true},
		{"D5 day 366 of January", 2021, time.January, 366, "2022-01-01", true},
		{"D5 year 0 normalizes into year 1", 0, time.December, 32, "0001-01-01", true},
		{"D5 year 10000 normalizes back into 9999", 10000, time.January, 0, "9999-12-31", true},
		{"D5 month -11 of year 10000", 10000, -11, 1, "9999-01-01", true},
		{"D5 400 years of days from year -399", -399, time.January, 1 + 146097, "0001-01-01", true},
		{"D5 800 years of days back from year 10400", 10400, time.January, 1 - 2*146097, "9600-01-01", true},
		{"D5 a month that carries year 1 back before year 0, brought back by days", 1, -24, 763, "0001-01-01", true},
		{"D5 a month that carries year 2 back to year -1, brought back by days", 2, -35, 800, "0001-03-10", true},
		{"D5 the day before the first day has no Date", 0, time.December, 31, "", true},
		{"D5 the day after the last day has no Date", 10000, time.January, 1, "", true},
		{"D5 year -1000000 has no Date", -1000000, time.January, 1, "", true},
		{"D5 a huge day has no Date", 1, time.January, math.MaxInt32, "", true},
		{"D5 the largest day has no Date", 1, time.January, math.MaxInt, "", false},
		{"D5 the smallest day has no Date", 1, time.January, math.MinInt, "", false},
		{"D5 the largest year has no Date", math.MaxInt, time.January, 1, "", false},
		{"D5 the smallest year has no Date", math.MinInt, time.January, 1, "", false},
		{"D5 a huge year that the most days cannot bring back has no Date", math.MaxInt / 8, time.January, math.MinInt, "", false},
		{"D5 month 13 of the largest year has no Date", math.MaxInt, 13, 1, "", false},
		{"D5 month 0 of the smallest year has no Date", math.MinInt, 0, 1, "", false},
		{"D5 the largest month has no Date", 2021, math.MaxInt, 1, "", false},
		{"D5 the smallest month has no Date", 2021, math.MinInt, 1, "", false},
		{"D5 the largest year and month have no Date", math.MaxInt, math.MaxInt, 1, "", false},
		{"D5 the smallest year and month have no Date", math.MinInt, math.MinInt, 1, "", false},
		{"D5 the largest year and the smallest month have no Date", math.MaxInt, math.MinInt, 1, "", false},
		{"D5 the smallest year and the largest month have no Date", math.MinInt, math.MaxInt, 1, "", false},
		{"D5 the smallest year and the most days have no Date", math.MinInt, time.January, math.MaxInt, "", false},
		{"D5 the smallest month never wraps to a real day", math.MinInt/12 + 2000, math.MinInt, 1, "", false},
		{"D5 the largest month normalizes exactly", 2021 - math.MaxInt/12, math.MaxInt, 1, "2021-07-01", false},
		{"D5 the smallest month normalizes exactly", 2021 - (math.MinInt/12 - 1), math.MinInt, 1, "2021-04-01", false},
		{"D5 a far year brought back by as many days", 1 - 400*(math.MaxInt/146097), time.January, 1 + 146097*(math.MaxInt/146097), "0001-01-01", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want cert.Date
			if tt.want != "" {
				want = day(tt.want)
			}
			got := cert.NewDate(tt.y, tt.m, tt.d)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("NewDate(%d, %d, %d) mismatch (-want +got):\n%s", tt.y, tt.m, tt.d, diff)
			}
			if tt.oracl {
				if diff := cmp.Diff(timeDate(tt.y, tt.m, tt.d), got); diff != "" {
					t.Errorf("NewDate(%d, %d, %d) differs from time.Date (-time +got):\n%s", tt.y, tt.m, tt.d, diff)
				}
			}
		})
	}
}

// timeDate is NewDate computed with the time package: time.Date's
// normalization, and the zero Date outside years 1..9999.
func timeDate(y int, m time.Month, d int) cert.Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() < 1 || t.Year() > 9999 {
		return cert.Date{}
	}
	return cert.MustParseDate(t.Format("2006-01-02"))
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		name   string
		from   string
		months int
		want   string // "" for the zero Date
	}{
		{"D3 a leap day clamps", "2024-02-29", 12, "2025-02-28"},
		{"D3 back 6 months from August 31 clamps", "2021-08-31", -6, "2021-02-28"},
		{"D3 January 31 plus a month clamps", "2021-01-31", 1, "2021-02-28"},
		{"D3 January 31 plus a month in a leap year", "2020-01-31", 1, "2020-02-29"},
		{"D3 March 31 minus a month", "2021-03-31", -1, "2021-02-28"},
		{"D3 May 31 minus a month clamps to April 30", "2021-05-31", -1, "2021-04-30"},
		{"D3 October 31 plus a month clamps to November 30", "2021-10-31", 1, "2021-11-30"},
		{"D3 minus a month across the year", "2021-01-15", -1, "2020-12-15"},
		{"D3 minus 13 months", "2021-01-31", -13, "2019-12-31"},
		{"D3 minus 12 months from a leap day", "2024-02-29", -12, "2023-02-28"},
		{"D3 48 months from a leap day keeps it", "2024-02-29", 48, "2028-02-29"},
		{"D3 day before the month's end", "2021-01-30", 1, "2021-02-28"},
		{"D3 the month's end", "2021-01-31", 1, "2021-02-28"},
		{"D3 day after the month's end", "2021-02-01", 1, "2021-03-01"},
		{"D3 a clamped day is not restored", "2021-02-28", 1, "2021-03-28"},
		{"D3 the first of a month minus a month", "2021-03-01", -1, "2021-02-01"},
		{"D3 zero months is the same day", "2021-08-31", 0, "2021-08-31"},
		{"E2 the window opens 6 months before expiry", "2023-05-31", -6, "2022-11-30"},
		{"D5 2025-02-28 plus 12 months", "2025-02-28", 12, "2026-02-28"},
		{"D5 2025-02-28 plus 24 months", "2025-02-28", 24, "2027-02-28"},
		{"D5 2025-02-28 plus 36 months: the leap day is not restored", "2025-02-28", 36, "2028-02-28"},
		{"D5 up to the last day", "9999-01-31", 11, "9999-12-31"},
		{"D5 down to the first month", "0001-12-31", -11, "0001-01-31"},
		{"D5 past the last day has no Date", "9999-12-31", 1, ""},
		{"D5 before the first day has no Date", "0001-01-01", -1, ""},
		{"D5 a huge count has no Date", "2021-06-15", math.MaxInt, ""},
		{"D5 a huge negative count has no Date", "2021-06-15", math.MinInt, ""},
		{"D5 just past the range has no Date", "0001-01-01", 12 * 10000, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want cert.Date
			if tt.want != "" {
				want = day(tt.want)
			}
			if diff := cmp.Diff(want, day(tt.from).AddMonths(tt.months)); diff != "" {
				t.Errorf("%s.AddMonths(%d) mismatch (-want +got):\n%s", tt.from, tt.months, diff)
			}
		})
	}

	t.Run("D5 renewals of a clamped expiry stay clamped", func(t *testing.T) {
		d := day("2025-02-28")
		var got []cert.Date
		for range 3 {
			d = d.AddMonths(12)
			got = append(got, d)
		}
		want := []cert.Date{day("2026-02-28"), day("2027-02-28"), day("2028-02-28")}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("three renewals mismatch (-want +got):\n%s", diff)
		}
	})
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		name string
		from string
		days int
		want string // "" for the zero Date
	}{
		{"D2 the day after", "2021-02-28", 1, "2021-03-01"},
		{"D2 the day after in a leap year", "2024-02-28", 1, "2024-02-29"},
		{"D2 the day before", "2021-03-01", -1, "2021-02-28"},
		{"D2 across the year", "2020-12-31", 1, "2021-01-01"},
		{"M2 90 days before", "2022-06-01", -90, "2022-03-03"},
		{"D5 the whole range", "0001-01-01", 3652058, "9999-12-31"},
		{"D5 the whole range back", "9999-12-31", -3652058, "0001-01-01"},
		{"D5 past the last day has no Date", "9999-12-31", 1, ""},
		{"D5 before the first day has no Date", "0001-01-01", -1, ""},
		{"D5 a huge count has no Date", "2021-06-15", math.MaxInt, ""},
		{"D5 a huge negative count has no Date", "2021-06-15", math.MinInt, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want cert.Date
			if tt.want != "" {
				want = day(tt.want)
			}
			if diff := cmp.Diff(want, day(tt.from).AddDays(tt.days)); diff != "" {
				t.Errorf("%s.AddDays(%d) mismatch (-want +got):\n%s", tt.from, tt.days, diff)
			}
		})
	}
}

func TestZeroDate(t *testing.T) {
	var zero cert.Date
	t.Run("D5 is zero", func(t *testing.T) {
		if !zero.IsZero() || first.IsZero() || (cert.Date{}) != zero {
			t.Errorf("IsZero: zero %v, 0001-01-01 %v", zero.IsZero(), first.IsZero())
		}
	})
	t.Run("D5 text is empty", func(t *testing.T) {
		if s := zero.String(); s != "" {
			t.Errorf("String() = %q, want \"\"", s)
		}
		b, err := zero.MarshalText()
		if err != nil || len(b) != 0 {
			t.Errorf("MarshalText() = %q, %v, want empty text", b, err)
		}
		b, err = zero.AppendText([]byte("x"))
		if err != nil || string(b) != "x" {
			t.Errorf("AppendText(x) = %q, %v, want \"x\"", b, err)
		}
		if b := zero.AppendTo(nil); len(b) != 0 {
			t.Errorf("AppendTo(nil) = %q, want empty", b)
		}
	})
	t.Run("D5 empty text unmarshals to the zero Date", func(t *testing.T) {
		d := day("2021-06-15")
		if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
			t.Errorf("UnmarshalText(nil) = %v, Date %v, want the zero Date", err, d)
		}
		d = day("2021-06-15")
		if err := d.UnmarshalText([]byte{}); err != nil || !d.IsZero() {
			t.Errorf("UnmarshalText(\"\") = %v, Date %v, want the zero Date", err, d)
		}
	})
	t.Run("D5 ParseDate refuses empty text", func(t *testing.T) {
		if _, err := cert.ParseDate(""); err == nil {
			t.Error("ParseDate(\"\") succeeded")
		}
	})
	t.Run("D5 sorts before every day", func(t *testing.T) {
		if !zero.Before(first) || zero.After(first) || zero.Compare(first) != -1 || first.Compare(zero) != +1 || !first.After(zero) {
			t.Error("the zero Date does not sort before 0001-01-01")
		}
		if zero.Compare(zero) != 0 || !zero.Equal(zero) || zero.Before(zero) {
			t.Error("the zero Date is not equal to itself")
		}
	})
	t.Run("D5 arithmetic stays zero", func(t *testing.T) {
		for _, n := range []int{-1, 0, 1, 12, 365} {
			if got := zero.AddDays(n); !got.IsZero() {
				t.Errorf("zero.AddDays(%d) = %v", n, got)
			}
			if got := zero.AddMonths(n); !got.IsZero() {
				t.Errorf("zero.AddMonths(%d) = %v", n, got)
			}
		}
		if n := zero.DaysSince(first); n != 0 {
			t.Errorf("zero.DaysSince(0001-01-01) = %d, want 0", n)
		}
		if n := first.DaysSince(zero); n != 0 {
			t.Errorf("0001-01-01.DaysSince(zero) = %d, want 0", n)
		}
	})
	t.Run("D5 has no fields, weekday or instant", func(t *testing.T) {
		y, m, d := zero.Date()
		if y != 0 || m != 0 || d != 0 || zero.Year() != 0 || zero.Month() != 0 || zero.Day() != 0 {
			t.Errorf("zero.Date() = %d, %d, %d", y, m, d)
		}
		if w := zero.Weekday(); w != time.Sunday {
			t.Errorf("zero.Weekday() = %v, want Sunday", w)
		}
		if at := zero.In(time.UTC); !at.IsZero() {
			t.Errorf("zero.In(UTC) = %v, want the zero time", at)
		}
	})
	t.Run("D5 JSON of a struct with a zero Date", func(t *testing.T) {
		type holder struct {
			Earned  cert.Date `json:"earned"`
			Expires cert.Date `json:"expires"`
			Omitted cert.Date `json:"omitted,omitzero"`
		}
		in := holder{Earned: day("2021-06-15")}
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"earned":"2021-06-15","expires":""}`; string(b) != want {
			t.Errorf("json.Marshal = %s, want %s", b, want)
		}
		out := holder{Expires: day("2000-01-01")}
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(in, out); diff != "" {
			t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
		}
	})
}

func TestDateUnmarshalText(t *testing.T) {
	t.Run("D5 a day", func(t *testing.T) {
		var d cert.Date
		if err := d.UnmarshalText([]byte("2024-02-29")); err != nil || d != day("2024-02-29") {
			t.Errorf("UnmarshalText(2024-02-29) = %v, Date %v", err, d)
		}
	})
	for _, in := range []string{"2021-02-30", "2021-6-1", "0000-01-01", " ", "null"} {
		t.Run("D5 refuses "+strconv.Quote(in)+" and keeps the Date", func(t *testing.T) {
			d := day("2021-06-15")
			err := d.UnmarshalText([]byte(in))
			if err == nil {
				t.Fatalf("UnmarshalText(%q) succeeded with %v", in, d)
			}
			checkParseError(t, err, in)
			if diff := cmp.Diff(day("2021-06-15"), d); diff != "" {
				t.Errorf("UnmarshalText(%q) changed the Date (-want +got):\n%s", in, diff)
			}
		})
	}
}

func TestDateFields(t *testing.T) {
	tests := []struct {
		name    string
		d       string
		y       int
		m       time.Month
		dd      int
		weekday time.Weekday
	}{
		{"D5 the first day was a Monday", "0001-01-01", 1, time.January, 1, time.Monday},
		{"D5 the last day is a Friday", "9999-12-31", 9999, time.December, 31, time.Friday},
		{"H1 the announcement was a Tuesday", "2020-12-15", 2020, time.December, 15, time.Tuesday},
		{"V2 the cut-over day was a Tuesday", "2021-06-01", 2021, time.June, 1, time.Tuesday},
		{"D3 2024-02-29 is a Thursday", "2024-02-29", 2024, time.February, 29, time.Thursday},
		{"D1 the Unix epoch was a Thursday", "1970-01-01", 1970, time.January, 1, time.Thursday},
		{"D1 2021-02-28 was a Sunday", "2021-02-28", 2021, time.February, 28, time.Sunday},
		{"D1 2021-02-27 was a Saturday", "2021-02-27", 2021, time.February, 27, time.Saturday},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := day(tt.d)
			y, m, dd := d.Date()
			if y != tt.y || m != tt.m || dd != tt.dd {
				t.Errorf("Date() = %d, %v, %d, want %d, %v, %d", y, m, dd, tt.y, tt.m, tt.dd)
			}
			if d.Year() != tt.y || d.Month() != tt.m || d.Day() != tt.dd {
				t.Errorf("Year, Month, Day = %d, %v, %d, want %d, %v, %d", d.Year(), d.Month(), d.Day(), tt.y, tt.m, tt.dd)
			}
			if w := d.Weekday(); w != tt.weekday {
				t.Errorf("Weekday() = %v, want %v", w, tt.weekday)
			}
			if w := d.In(time.UTC).Weekday(); w != tt.weekday {
				t.Errorf("time's weekday of %s = %v, want %v", tt.d, w, tt.weekday)
			}
		})
	}
}

func TestDateIn(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	tokyo, havana, santiago, saoPaulo, apia := zone("Asia/Tokyo"), zone("America/Havana"), zone("America/Santiago"), zone("America/Sao_Paulo"), zone("Pacific/Apia")
	berlin := zone("Europe/Berlin")
	utc := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		d       cert.Date
		loc     *time.Location
		want    time.Time
		skipped bool // loc has no instant of d: want begins the day after
	}{
		{"D1 midnight UTC", day("2021-06-15"), time.UTC, utc(2021, 6, 15, 0), false},
		{"D1 midnight in Tokyo is 15:00 UTC the day before", day("2021-06-15"), tokyo, utc(2021, 6, 14, 15), false},
		{"D1 a far offset: midnight at UTC+30 is 18:00 UTC two days before", day("2021-06-15"), time.FixedZone("UTC+30", 30*3600), utc(2021, 6, 13, 18), false},
		{"D1 a far offset: midnight at UTC-30 is 06:00 UTC the day after", day("2021-06-15"), time.FixedZone("UTC-30", -30*3600), utc(2021, 6, 16, 6), false},
		{"D1 Havana skips midnight: the day begins at 01:00 CDT", day("2026-03-08"), havana, utc(2026, 3, 8, 5), false},
		{"D1 Havana the day before begins at midnight CST", day("2026-03-07"), havana, utc(2026, 3, 7, 5), false},
		{"D1 Havana repeats midnight: the day begins at the first", day("2026-11-01"), havana, utc(2026, 11, 1, 4), false},
		{"D1 Santiago skips midnight: the day begins at 01:00 -03", day("2026-09-06"), santiago, utc(2026, 9, 6, 4), false},
		{"D1 Sao Paulo skipped midnight: the day began at 01:00 -02", day("2018-11-04"), saoPaulo, utc(2018, 11, 4, 3), false},
		{"D1 Sao Paulo no longer skips it", day("2019-11-03"), saoPaulo, utc(2019, 11, 3, 3), false},
		{"D1 Apia skipped a whole day: the day after begins", day("2011-12-30"), apia, utc(2011, 12, 30, 10), true},
		{"D1 Apia the day after the skipped day", day("2011-12-31"), apia, utc(2011, 12, 30, 10), false},
		{"D1 a leap year's last day under daylight-saving rules", day("2040-12-31"), berlin, utc(2040, 12, 30, 23), false},
		{"D1 the day after it, which the time package's zone bounds miss", day("2041-01-01"), berlin, utc(2040, 12, 31, 23), false},
		{"D5 the first day", first, time.UTC, utc(1, 1, 1, 0), false},
		{"D5 the last day", last, tokyo, utc(9999, 12, 30, 15), false},
		{"D5 the zero Date gives the zero time", cert.Date{}, tokyo, time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.d.In(tt.loc)
			if !got.Equal(tt.want) {
				t.Errorf("%v.In(%v) = %v, want %v", tt.d, tt.loc, got, tt.want)
			}
			if tt.d.IsZero() {
				return
			}
			if got.Location() != tt.loc {
				t.Errorf("%v.In(%v) is in %v", tt.d, tt.loc, got.Location())
			}
			want := tt.d
			if tt.skipped {
				want = tt.d.AddDays(1)
			}
			if cert.DateOf(got) != want {
				t.Errorf("DateOf(%v.In(%v)) = %v, want %v", tt.d, tt.loc, cert.DateOf(got), want)
			}
			if before := cert.DateOf(got.Add(-time.Nanosecond)); !before.Before(tt.d) {
				t.Errorf("%v.In(%v) = %v, but the instant before is on %v", tt.d, tt.loc, got, before)
			}
		})
	}
	t.Run("D1 a nil location panics, as in time.Date", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Error("In(nil) did not panic")
			}
		}()
		day("2021-06-15").In(nil)
	})
}

func TestDaysSince(t *testing.T) {
	tests := []struct {
		name string
		d, e string
		want int
	}{
		{"D2 the same day", "2021-06-15", "2021-06-15", 0},
		{"D2 the day after", "2021-03-01", "2021-02-28", 1},
		{"D2 the day before", "2021-02-28", "2021-03-01", -1},
		{"V2 a common year", "2022-06-01", "2021-06-01", 365},
		{"V3 two years without a leap day", "2023-05-31", "2021-05-31", 730},
		{"V3 two years over a leap day", "2021-06-01", "2019-06-01", 731},
		{"V2 a leap year", "2024-06-01", "2023-06-01", 366},
		{"D5 the whole range", "9999-12-31", "0001-01-01", 3652058},
		{"D5 the whole range back", "0001-01-01", "9999-12-31", -3652058},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := day(tt.d).DaysSince(day(tt.e)); got != tt.want {
				t.Errorf("%s.DaysSince(%s) = %d, want %d", tt.d, tt.e, got, tt.want)
			}
			if got := day(tt.e).AddDays(tt.want); got != day(tt.d) {
				t.Errorf("%s.AddDays(%d) = %v, want %s", tt.e, tt.want, got, tt.d)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name string
		d, e cert.Date
		want int
	}{
		{"D2 earlier", day("2021-02-28"), day("2021-03-01"), -1},
		{"D2 the same day", day("2021-03-01"), day("2021-03-01"), 0},
		{"D2 later", day("2021-03-01"), day("2021-02-28"), +1},
		{"D2 a year apart", day("2020-12-31"), day("2021-01-01"), -1},
		{"D5 the zero Date before the first day", cert.Date{}, first, -1},
		{"D5 the last day after the zero Date", last, cert.Date{}, +1},
		{"D5 zero and zero", cert.Date{}, cert.Date{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Compare(tt.e); got != tt.want {
				t.Errorf("%v.Compare(%v) = %d, want %d", tt.d, tt.e, got, tt.want)
			}
			if got := tt.e.Compare(tt.d); got != -tt.want {
				t.Errorf("%v.Compare(%v) = %d, want %d", tt.e, tt.d, got, -tt.want)
			}
			if got := tt.d.Before(tt.e); got != (tt.want < 0) {
				t.Errorf("%v.Before(%v) = %v", tt.d, tt.e, got)
			}
			if got := tt.d.After(tt.e); got != (tt.want > 0) {
				t.Errorf("%v.After(%v) = %v", tt.d, tt.e, got)
			}
			if got := tt.d.Equal(tt.e); got != (tt.want == 0) || got != (tt.d == tt.e) {
				t.Errorf("%v.Equal(%v) = %v", tt.d, tt.e, got)
			}
		})
	}
}

package cert_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
)

// TestDateAgreesWithTime checks Date against the time package for every day
// from 1970-01-01 to 2100-12-31.
func TestDateAgreesWithTime(t *testing.T) {
	start := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC)
	d := day("1970-01-01")
	epoch := d
	failures := 0
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf(format, args...)
		if failures++; failures > 20 {
			t.FailNow()
		}
	}
	for tm := start; !tm.After(end); tm = tm.AddDate(0, 0, 1) {
		text := tm.Format("2006-01-02")
		if got := d.String(); got != text {
			fail("String() = %q, want %q", got, text)
		}
		if got := cert.DateOf(tm); got != d {
			fail("DateOf(%v) = %v, want %s", tm, got, text)
		}
		if got := d.In(time.UTC); !got.Equal(tm) {
			fail("%s.In(UTC) = %v, want %v", text, got, tm)
		}
		y, m, dd := d.Date()
		if y != tm.Year() || m != tm.Month() || dd != tm.Day() {
			fail("%s.Date() = %d, %v, %d", text, y, m, dd)
		}
		if d.Year() != tm.Year() || d.Month() != tm.Month() || d.Day() != tm.Day() {
			fail("%s: Year, Month, Day = %d, %v, %d", text, d.Year(), d.Month(), d.Day())
		}
		if got, want := d.Weekday(), tm.Weekday(); got != want {
			fail("%s.Weekday() = %v, want %v", text, got, want)
		}
		if got, want := d.DaysSince(epoch), int(tm.Sub(start)/(24*time.Hour)); got != want {
			fail("%s.DaysSince(1970-01-01) = %d, want %d", text, got, want)
		}
		for _, k := range []int{1, -1, 30, 365, -1000} {
			if got, want := d.AddDays(k).String(), tm.AddDate(0, 0, k).Format("2006-01-02"); got != want {
				fail("%s.AddDays(%d) = %s, want %s", text, k, got, want)
			}
		}
		for _, n := range []int{-13, -6, -1, 1, 6, 12, 24} {
			if got, want := d.AddMonths(n).String(), clampedAddMonths(tm, n).Format("2006-01-02"); got != want {
				fail("D3 %s.AddMonths(%d) = %s, want %s", text, n, got, want)
			}
		}
		d = d.AddDays(1)
	}
	if want := day("2101-01-01"); d != want {
		t.Errorf("after the loop the day is %v, want %v", d, want)
	}
}

// clampedAddMonths adds n months to t's day as RULES D3 says, with the time
// package: the first of the target month, then t's day clamped to that
// month's last day.
func clampedAddMonths(t time.Time, n int) time.Time {
	firstOfTarget := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	lastDay := firstOfTarget.AddDate(0, 1, -1).Day()
	return time.Date(firstOfTarget.Year(), firstOfTarget.Month(), min(t.Day(), lastDay), 0, 0, 0, 0, time.UTC)
}

// daysInMonth returns the length of month m of year y, from the time package.
func daysInMonth(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateOrZero is dayAt for k >= 0 and the zero Date for k < 0.
func dateOrZero(k int) cert.Date {
	if k < 0 {
		return cert.Date{}
	}
	return dayAt(k)
}

// monthIndex counts the months of d since January of year 0.
func monthIndex(d cert.Date) int { return d.Year()*12 + int(d.Month()) - 1 }

func TestDateProperties(t *testing.T) {
	p := proptest.New(t)
	// -1 is the zero Date, drawn one time in ten so that its cases run.
	withZero := gen.Weighted([]gen.WeightedGen{
		{Weight: 9, Gen: gen.IntRange(0, lastIndex)},
		{Weight: 1, Gen: gen.Const(-1)},
	})
	months := gen.IntRange(-1300, 1300)

	p.Property("D5 text round trip: String, ParseDate, MarshalText, AppendText and UnmarshalText agree", prop.ForAll(
		func(k int) bool {
			d := dateOrZero(k)
			s := d.String()
			mt, err := d.MarshalText()
			if err != nil || string(mt) != s {
				return false
			}
			at, err := d.AppendText(nil)
			if err != nil || string(at) != s || string(d.AppendTo(nil)) != s {
				return false
			}
			back := day("2000-01-01") // overwritten by a successful UnmarshalText
			if err := back.UnmarshalText(mt); err != nil || back != d {
				return false
			}
			if d.IsZero() {
				_, err := cert.ParseDate(s)
				return s == "" && err != nil
			}
			parsed, err := cert.ParseDate(s)
			return err == nil && parsed == d && len(s) == 10
		},
		withZero,
	))

	p.Property("D5 order: Compare agrees with Before, After, Equal, the day count and the text", prop.ForAll(
		func(i, mode, j int) bool {
			// Half the pairs are the same day or neighbours.
			switch mode {
			case 0:
				j = i
			case 1:
				j = min(i+1, lastIndex)
			case 2:
				j = max(i-1, -1)
			}
			d, e := dateOrZero(i), dateOrZero(j)
			c := d.Compare(e)
			var want int
			switch {
			case i < j:
				want = -1
			case i > j:
				want = +1
			}
			return c == want &&
				d.Before(e) == (c < 0) && d.After(e) == (c > 0) &&
				d.Equal(e) == (c == 0) && (d == e) == (c == 0) &&
				strings.Compare(d.String(), e.String()) == c
		},
		withZero, gen.IntRange(0, 5), withZero,
	))

	p.Property("D5 order: neighbouring days compare by their text", prop.ForAll(
		func(k, delta int) bool {
			d := dayAt(k)
			e := d.AddDays(delta)
			if e.IsZero() {
				return k+delta < 0 || k+delta > lastIndex
			}
			return d.Compare(e) == strings.Compare(d.String(), e.String())
		},
		genIndex(), gen.IntRange(-40, 40),
	))

	p.Property("D3 AddMonths moves by exactly n months and clamps the day to the month's end", prop.ForAll(
		func(k, n int) bool {
			d := dayAt(k)
			got := d.AddMonths(n)
			target := monthIndex(d) + n
			if target < 12 || target >= 12*10000 {
				return got.IsZero()
			}
			if got.IsZero() || monthIndex(got) != target {
				return false
			}
			return got.Day() == min(d.Day(), daysInMonth(got.Year(), got.Month()))
		},
		genIndex(), months,
	))

	p.Property("D3 AddMonths across the whole range stays in range or gives the zero Date", prop.ForAll(
		func(k, n int) bool {
			d := dayAt(k)
			got := d.AddMonths(n)
			target := monthIndex(d) + n
			if target < 12 || target >= 12*10000 {
				return got.IsZero()
			}
			return monthIndex(got) == target && !got.Before(first) && !got.After(last)
		},
		genIndex(), gen.IntRange(-130000, 130000),
	))

	p.Property("D3 AddMonths(n) then AddMonths(-n) never moves later", prop.ForAll(
		func(k, n int) bool {
			d := dayAt(k)
			there := d.AddMonths(n)
			if there.IsZero() {
				return true
			}
			back := there.AddMonths(-n)
			return !back.IsZero() && !back.After(d) && monthIndex(back) == monthIndex(d) && back.Day() <= d.Day()
		},
		genIndex(), months,
	))

	p.Property("D5 DaysSince inverts AddDays", prop.ForAll(
		func(k, n int) bool {
			d := dayAt(k)
			e := d.AddDays(n)
			if k+n < 0 || k+n > lastIndex {
				return e.IsZero() && e.DaysSince(d) == 0
			}
			return !e.IsZero() && e.DaysSince(d) == n && d.DaysSince(e) == -n && d.AddDays(e.DaysSince(d)) == e
		},
		genIndex(), gen.IntRange(-lastIndex-10, lastIndex+10),
	))

	p.Property("D5 AddDays(a).AddDays(b) is AddDays(a+b) in range", prop.ForAll(
		func(k, a, b int) bool {
			d := dayAt(k)
			got := d.AddDays(a).AddDays(b)
			if k+a < 0 || k+a > lastIndex || k+a+b < 0 || k+a+b > lastIndex {
				return got.IsZero()
			}
			return got == d.AddDays(a+b) && got == dayAt(k+a+b)
		},
		genIndex(), gen.IntRange(-5000, 5000), gen.IntRange(-5000, 5000),
	))

	p.Property("D5 NewDate normalizes as time.Date does", prop.ForAll(
		func(y, m, d int) bool {
			return cert.NewDate(y, time.Month(m), d) == timeDate(y, time.Month(m), d)
		},
		gen.IntRange(-100, 10100), gen.IntRange(-40, 40), gen.IntRange(-2000, 2000),
	))

	p.Property("D5 NewDate is exact: years moved into the month change nothing, however many", prop.ForAll(
		func(y, m, d, k int) bool {
			return cert.NewDate(y-k, time.Month(m+12*k), d) == cert.NewDate(y, time.Month(m), d)
		},
		gen.IntRange(-100, 10100), gen.IntRange(-40, 40), gen.IntRange(-2000, 2000),
		gen.IntRange(-(math.MaxInt/12-100), math.MaxInt/12-100),
	))

	p.Property("D5 NewDate is exact: 400-year cycles moved into the day change nothing, however many", prop.ForAll(
		func(y, m, d, k int) bool {
			return cert.NewDate(y-400*k, time.Month(m), d+146097*k) == cert.NewDate(y, time.Month(m), d)
		},
		gen.IntRange(-100, 10100), gen.IntRange(-40, 40), gen.IntRange(-2000, 2000),
		gen.IntRange(-(math.MaxInt/146097-1), math.MaxInt/146097-1),
	))

	p.Property("D5 NewDate of a Date's fields is that Date", prop.ForAll(
		func(k int) bool {
			d := dayAt(k)
			y, m, dd := d.Date()
			return cert.NewDate(y, m, dd) == d && cert.DateOf(d.In(time.UTC)) == d
		},
		genIndex(),
	))

	p.TestingRun(t)
}

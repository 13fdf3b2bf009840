package cert_test

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// day is MustParseDate, for literal days in tests.

// first and last are the first and last real Dates (RULES D5).
var (
	first = day("0001-01-01")
	last  = day("9999-12-31")
)

// lastIndex is the number of days from first to last.
const lastIndex = 3652058

// dayAt returns the Date k days after 0001-01-01.
func dayAt(k int) cert.Date { return first.AddDays(k) }

// genIndex generates day indexes over every real Date, for dayAt.
func genIndex() gopter.Gen { return gen.IntRange(0, lastIndex) }

// testZones are offsets at the ends of the range and a fractional one.
var testZones = []*time.Location{time.UTC, time.FixedZone("UTC-12", -12*3600), time.FixedZone("UTC+14", 14*3600), time.FixedZone("UTC+5:45", 5*3600+45*60)}

// TestPropD1_DayOfAnInstant states RULES D1: the day of an instant is its
// civil date in the instant's own location.
func TestPropD1_DayOfAnInstant(t *testing.T) {
	zones := testZones
	properties := proptest.New(t)
	properties.Property("D1 the day of an instant is its date in its own location", prop.ForAll(
		func(k int, nanos int64, z int) string {
			at := dayAt(k).In(time.UTC).Add(time.Duration(nanos)).In(zones[z])
			got := cert.DateOf(at)
			y, m, d := at.Date()
			if want := cert.NewDate(y, m, d); got != want {
				return fmt.Sprintf("DateOf(%v) = %s, want %s", at, got, want)
			}
			if back := got.In(zones[z]); back.After(at) || !back.AddDate(0, 0, 1).After(at) {
				return fmt.Sprintf("%s begins at %v, not on the day of %v", got, back, at)
			}
			return ""
		},
		gen.IntRange(1, lastIndex-1), gen.Int64Range(0, int64(24*time.Hour)-1), gen.IntRange(0, len(zones)-1),
	))
	properties.TestingRun(t)
}

// TestPropD2_ActiveSpan states RULES D2: a credential is active on exactly
// the days Earned <= d < Expires, or from Earned on when it never expires.
func TestPropD2_ActiveSpan(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("D2 a credential is active on [Earned, Expires)", prop.ForAll(
		func(e, span, k int, never bool) string {
			cr := cert.Credential{Cert: "azure-administrator", Earned: dayAt(e), Expires: dayAt(e).AddDays(span)}
			if never {
				cr.Expires = cert.Date{}
			}
			on := dayAt(e).AddDays(k)
			want := !on.IsZero() && !on.Before(cr.Earned) && (never || on.Before(cr.Expires))
			if got := cr.ActiveOn(on); got != want {
				return fmt.Sprintf("%+v ActiveOn(%s) = %v, want %v", cr, on, got, want)
			}
			return ""
		},
		gen.IntRange(1000, lastIndex-2000), gen.IntRange(0, 800), gen.IntRange(-3, 803), gen.Bool(),
	))
	properties.TestingRun(t)
}

// TestPropH1_RoadmapWaves states RULES H1 of every roadmap title: it is
// role-based or specialty, its renewal assessment is first offered inside
// the page's two waves (early February to March 2021), and each
// prerequisite is an associate of the roadmap.
func TestPropH1_RoadmapWaves(t *testing.T) {
	var titles []cert.Certification
	for c := range cert.Roadmap().All() {
		titles = append(titles, c)
	}
	properties := proptest.New(t)
	properties.Property("H1 every roadmap title renews from a wave day", prop.ForAll(
		func(k int) string {
			c := titles[k]
			switch {
			case c.Level == cert.Fundamentals || !c.Level.IsValid():
				return fmt.Sprintf("%s is %v", c.ID, c.Level)
			case c.RenewalFrom.Before(day("2021-02-01")) || c.RenewalFrom.After(day("2021-03-31")):
				return fmt.Sprintf("%s renews from %s, outside February to March 2021", c.ID, c.RenewalFrom)
			}
			for _, id := range c.Prerequisites {
				pre, ok := cert.Roadmap().Lookup(id)
				if !ok || pre.Level != cert.Associate || c.Level != cert.Expert {
					return fmt.Sprintf("R1 %s (%v) has prerequisite %s (%v, found %v)", c.ID, c.Level, id, pre.Level, ok)
				}
			}
			return ""
		},
		gen.IntRange(0, len(titles)-1),
	))
	properties.TestingRun(t)
}

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

// genDayOrZero draws an index of a Date for dateOrZero, and -1, the zero
// Date, one time in ten so that its cases run.
var genDayOrZero = gen.Weighted([]gen.WeightedGen{
	{Weight: 9, Gen: gen.IntRange(0, lastIndex)},
	{Weight: 1, Gen: gen.Const(-1)},
})

// genMonths draws a count of months to add, over a hundred years either way.
var genMonths = gen.IntRange(-1300, 1300)

// monthIndex counts the months of d since January of year 0.
func monthIndex(d cert.Date) int { return d.Year()*12 + int(d.Month()) - 1 }

// TestPropD5_TextRoundTrip states: D5 text round trip: String, ParseDate, MarshalText, AppendText and UnmarshalText agree.
func TestPropD5_TextRoundTrip(t *testing.T) {
	p := proptest.New(t)
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
		genDayOrZero,
	))
	p.TestingRun(t)
}

// TestPropD5_CompareAgreesWithEverything states: D5 order: Compare agrees with Before, After, Equal, the day count and the text.
func TestPropD5_CompareAgreesWithEverything(t *testing.T) {
	p := proptest.New(t)
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
		genDayOrZero, gen.IntRange(0, 5), genDayOrZero,
	))
	p.TestingRun(t)
}

// TestPropD5_NeighboursCompareByText states: D5 order: neighbouring days compare by their text.
func TestPropD5_NeighboursCompareByText(t *testing.T) {
	p := proptest.New(t)
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
	p.TestingRun(t)
}

// TestPropD3_AddMonthsMovesByExactlyNMonths states: D3 AddMonths moves by exactly n months and clamps the day to the month's end.
func TestPropD3_AddMonthsMovesByExactlyNMonths(t *testing.T) {
	p := proptest.New(t)
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
		genIndex(), genMonths,
	))
	p.TestingRun(t)
}

// TestPropD3_AddMonthsStaysInRange states: D3 AddMonths across the whole range stays in range or gives the zero Date.
func TestPropD3_AddMonthsStaysInRange(t *testing.T) {
	p := proptest.New(t)
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
	p.TestingRun(t)
}

// TestPropD3_AddMonthsThenBackNeverLater states: D3 AddMonths(n) then AddMonths(-n) never moves later.
func TestPropD3_AddMonthsThenBackNeverLater(t *testing.T) {
	p := proptest.New(t)
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
		genIndex(), genMonths,
	))
	p.TestingRun(t)
}

// TestPropD5_DaysSinceInvertsAddDays states: D5 DaysSince inverts AddDays.
func TestPropD5_DaysSinceInvertsAddDays(t *testing.T) {
	p := proptest.New(t)
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
	p.TestingRun(t)
}

// TestPropD5_AddDaysAdds states: D5 AddDays(a).AddDays(b) is AddDays(a+b) in range.
func TestPropD5_AddDaysAdds(t *testing.T) {
	p := proptest.New(t)
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
	p.TestingRun(t)
}

// TestPropD5_NewDateNormalizesAsTimeDateDoes states: D5 NewDate normalizes as time.Date does.
func TestPropD5_NewDateNormalizesAsTimeDateDoes(t *testing.T) {
	p := proptest.New(t)
	p.Property("D5 NewDate normalizes as time.Date does", prop.ForAll(
		func(y, m, d int) bool {
			return cert.NewDate(y, time.Month(m), d) == timeDate(y, time.Month(m), d)
		},
		gen.IntRange(-100, 10100), gen.IntRange(-40, 40), gen.IntRange(-2000, 2000),
	))
	p.TestingRun(t)
}

// TestPropD5_NewDateIsExactOverYears states: D5 NewDate is exact: years moved into the month change nothing, however many.
func TestPropD5_NewDateIsExactOverYears(t *testing.T) {
	p := proptest.New(t)
	p.Property("D5 NewDate is exact: years moved into the month change nothing, however many", prop.ForAll(
		func(y, m, d, k int) bool {
			return cert.NewDate(y-k, time.Month(m+12*k), d) == cert.NewDate(y, time.Month(m), d)
		},
		gen.IntRange(-100, 10100), gen.IntRange(-40, 40), gen.IntRange(-2000, 2000),
		gen.IntRange(-(math.MaxInt/12-100), math.MaxInt/12-100),
	))
	p.TestingRun(t)
}

// TestPropD5_NewDateIsExactOverCycles states: D5 NewDate is exact: 400-year cycles moved into the day change nothing, however many.
func TestPropD5_NewDateIsExactOverCycles(t *testing.T) {
	p := proptest.New(t)
	p.Property("D5 NewDate is exact: 400-year cycles moved into the day change nothing, however many", prop.ForAll(
		func(y, m, d, k int) bool {
			return cert.NewDate(y-400*k, time.Month(m), d+146097*k) == cert.NewDate(y, time.Month(m), d)
		},
		gen.IntRange(-100, 10100), gen.IntRange(-40, 40), gen.IntRange(-2000, 2000),
		gen.IntRange(-(math.MaxInt/146097-1), math.MaxInt/146097-1),
	))
	p.TestingRun(t)
}

// TestPropD5_NewDateOfFieldsIsTheDate states: D5 NewDate of a Date's fields is that Date.
func TestPropD5_NewDateOfFieldsIsTheDate(t *testing.T) {
	p := proptest.New(t)
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

// Generators of every exported value of the package, for the JSON
// properties. Empty lists are nil, as a round trip through the JSON forms,
// which omit them, gives them back.
var (
	genDate  = gen.IntRange(-1, lastIndex).Map(dateOrZero)
	genLevel = gen.IntRange(0, 4).Map(func(n int) cert.Level { return cert.Level(n) })
	genText  = upTo(12, gen.Rune(), reflect.TypeFor[rune]()).Map(func(rs []rune) string { return string(rs) })
	genID    = genText.Map(func(s string) cert.ID { return cert.ID(s) })
	genIDs   = upTo(4, genID, reflect.TypeFor[cert.ID]()).Map(func(ids []cert.ID) []cert.ID { return nilIfEmpty(ids) })
	genTexts = upTo(4, genText, reflect.TypeFor[string]()).Map(func(ss []string) []string { return nilIfEmpty(ss) })

	// genProgram draws program names (RULES G8): mostly empty, the
	// default program, and otherwise a known name or any valid one, of
	// up to 64 bytes.
	genProgram = gen.Weighted([]gen.WeightedGen{
		{Weight: 6, Gen: gen.Const("")},
		{Weight: 2, Gen: gen.OneConstOf("google-cloud", "isc2", "microsoft")},
		{Weight: 2, Gen: gopter.CombineGens(gen.RuneRange('a', 'z'),
			upTo(63, gen.OneGenOf(gen.RuneRange('a', 'z'), gen.RuneRange('0', '9'), gen.Const('-')), reflect.TypeFor[rune]())).
			Map(func(v []any) string { return string(v[0].(rune)) + string(v[1].([]rune)) })},
	})

	genCertification = gopter.CombineGens(genID, genText, genLevel, genDate, genDate, genIDs, genTexts, genDate, genProgram).
				Map(func(v []any) cert.Certification {
			return cert.Certification{
				ID: v[0].(cert.ID), Name: v[1].(string), Level: v[2].(cert.Level), Program: v[8].(string),
				Launched: v[3].(cert.Date), RenewalFrom: v[4].(cert.Date),
				Prerequisites: v[5].([]cert.ID), ExamLanguages: v[6].([]string), ExamRevised: v[7].(cert.Date),
			}
		})

	genCredential = gopter.CombineGens(genID, genDate, genDate).Map(func(v []any) cert.Credential {
		return cert.Credential{Cert: v[0].(cert.ID), Earned: v[1].(cert.Date), Expires: v[2].(cert.Date)}
	})

	genProfile = gopter.CombineGens(genText, genText, upTo(5, genCredential, reflect.TypeFor[cert.Credential]())).Map(func(v []any) cert.Profile {
		return cert.Profile{MCID: v[0].(string), Learn: v[1].(string), Credentials: nilIfEmpty(v[2].([]cert.Credential))}
	})

	// genTitle generates the makings of one title of a valid catalog.
	genTitle = gopter.CombineGens(genText, gen.IntRange(1, 4), genDate, genDate, upTo(4, gen.IntRange(0, 1000), reflect.TypeFor[int]()),
		upTo(3, gen.OneConstOf("en", "zh-Hans", "pt-BR", "es-419", "x-private", "ja"), reflect.TypeFor[string]()), genDate, genProgram)

	// genCatalog generates valid catalogs of 1 to 12 titles: unique IDs
	// beyond ASCII, renewal days on or after launch days, experts whose
	// prerequisites are associates of the same catalog, and programs,
	// mostly the default one.
	genCatalog = gopter.CombineGens(gen.IntRange(1, 12), gen.SliceOfN(12, genTitle)).Map(func(v []any) []cert.Certification {
		titles := v[1].([][]any)[:v[0].(int)]
		certs := make([]cert.Certification, len(titles))
		var associates []cert.ID
		for i, v := range titles {
			name := v[0].(string)
			c := cert.Certification{
				ID:    cert.ID(strconv.Itoa(i) + "-" + name),
				Name:  "Title " + name,
				Level: cert.Level(v[1].(int)),
				// Launched at most RenewalFrom, or either unknown.
				Launched: v[2].(cert.Date), RenewalFrom: v[3].(cert.Date),
				ExamLanguages: nilIfEmpty(v[5].([]string)), ExamRevised: v[6].(cert.Date),
				Program: v[7].(string),
			}
			if !c.Launched.IsZero() && !c.RenewalFrom.IsZero() && c.RenewalFrom.Before(c.Launched) {
				c.Launched, c.RenewalFrom = c.RenewalFrom, c.Launched
			}
			c.ExamLanguages = slices.Compact(c.ExamLanguages)
			if c.Level == cert.Associate {
				associates = append(associates, c.ID)
			}
			certs[i] = c
		}
		for i, v := range titles {
			if certs[i].Level != cert.Expert || len(associates) == 0 {
				continue
			}
			for _, k := range v[4].([]int) {
				if id := associates[k%len(associates)]; !slices.Contains(certs[i].Prerequisites, id) {
					certs[i].Prerequisites = append(certs[i].Prerequisites, id)
				}
			}
		}
		return certs
	})
)

// upTo generates slices of 0 to n elements of g, whose type is t. It drops
// the sieve of gen.SliceOfN, which wants the length of the first slice
// drawn: gopter checks each element of a slice with the sieve of the
// first, so that a slice of values holding such slices would be discarded.
func upTo(n int, g gopter.Gen, t reflect.Type) gopter.Gen {
	return gen.IntRange(0, n).FlatMap(func(k any) gopter.Gen {
		return gen.SliceOfN(k.(int), g, t)
	}, reflect.SliceOf(t)).MapResult(func(r *gopter.GenResult) *gopter.GenResult {
		r.Sieve = nil
		return r
	})
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

// lowerCamel matches a key written in lower camel case: "renewalFrom".
var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// keysLowerCamel returns a key of the JSON text b that is not in lower
// camel case, or "".
func keysLowerCamel(b []byte) string {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return "(no JSON: " + err.Error() + ")"
	}
	var walk func(v any) string
	walk = func(v any) string {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if !lowerCamel.MatchString(k) {
					return k
				}
				if bad := walk(x); bad != "" {
					return bad
				}
			}
		case []any:
			for _, x := range v {
				if bad := walk(x); bad != "" {
					return bad
				}
			}
		}
		return ""
	}
	return walk(v)
}

// roundTrip marshals in, unmarshals the text into a new value of its type,
// and says what went wrong, or "".
func roundTrip[T any](in T) string {
	b, err := json.Marshal(in)
	if err != nil {
		return fmt.Sprintf("json.Marshal(%#v) = %v", in, err)
	}
	if bad := keysLowerCamel(b); bad != "" {
		return fmt.Sprintf("json.Marshal(%#v) = %s, with the key %q", in, b, bad)
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		return fmt.Sprintf("json.Unmarshal(%s) = %v", b, err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		return fmt.Sprintf("JSON round trip of %s mismatch (-in +out):\n%s", b, diff)
	}
	return ""
}

// propJSON states, as the property called name, that every value of type T
// that g draws gives itself back from its JSON form.
func propJSON[T any](t *testing.T, name string, g gopter.Gen) {
	t.Helper()
	properties := proptest.New(t)
	properties.Property(name, prop.ForAll(func(v T) string { return roundTrip(v) }, g))
	properties.TestingRun(t)
}

// TestPropD5_DateJSONRoundTrips states: D5 a Date's JSON round-trips, the zero Date too.
func TestPropD5_DateJSONRoundTrips(t *testing.T) {
	propJSON[cert.Date](t, "D5 a Date's JSON round-trips, the zero Date too", genDate)
}

// TestPropV1_LevelJSONRoundTrips states: V1 a Level's JSON round-trips, the zero Level too.
func TestPropV1_LevelJSONRoundTrips(t *testing.T) {
	propJSON[cert.Level](t, "V1 a Level's JSON round-trips, the zero Level too", genLevel)
}

// TestPropH1_IDJSONRoundTrips states: H1 an ID's JSON round-trips.
func TestPropH1_IDJSONRoundTrips(t *testing.T) {
	propJSON[cert.ID](t, "H1 an ID's JSON round-trips", genID)
}

// TestPropH1_CertificationJSONRoundTrips states: H1 a Certification's JSON round-trips, with lower-camel keys.
func TestPropH1_CertificationJSONRoundTrips(t *testing.T) {
	propJSON[cert.Certification](t, "H1 a Certification's JSON round-trips, with lower-camel keys", genCertification)
}

// TestPropD2_CredentialJSONRoundTrips states: D2 a Credential's JSON round-trips, with lower-camel keys.
func TestPropD2_CredentialJSONRoundTrips(t *testing.T) {
	propJSON[cert.Credential](t, "D2 a Credential's JSON round-trips, with lower-camel keys", genCredential)
}

// TestPropE4_ProfileJSONRoundTrips states: E4 a Profile's JSON round-trips, with lower-camel keys.
func TestPropE4_ProfileJSONRoundTrips(t *testing.T) {
	propJSON[cert.Profile](t, "E4 a Profile's JSON round-trips, with lower-camel keys", genProfile)
}

// TestPropH1_CatalogJSONRoundTrips states: H1 a Catalog's JSON round-trips, through ParseCatalog too, with lower-camel keys.
func TestPropH1_CatalogJSONRoundTrips(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("H1 a Catalog's JSON round-trips, through ParseCatalog too, with lower-camel keys", prop.ForAll(
		func(certs []cert.Certification) string {
			c, err := cert.NewCatalog(certs...)
			if err != nil {
				return fmt.Sprintf("the generator made a catalog NewCatalog refuses: %v", err)
			}
			b, err := json.Marshal(c)
			if err != nil {
				return fmt.Sprintf("json.Marshal = %v", err)
			}
			if bad := keysLowerCamel(b); bad != "" {
				return fmt.Sprintf("json.Marshal = %s, with the key %q", b, bad)
			}
			var back cert.Catalog
			if err := json.Unmarshal(b, &back); err != nil {
				return fmt.Sprintf("json.Unmarshal(%s) = %v", b, err)
			}
			parsed, err := cert.ParseCatalog(b)
			if err != nil {
				return fmt.Sprintf("ParseCatalog(%s) = %v", b, err)
			}
			for _, got := range []cert.Catalog{back, parsed} {
				if all := slices.Collect(got.All()); !slices.EqualFunc(certs, all, equalCert) {
					return fmt.Sprintf("JSON round trip of %s mismatch (-want +got):\n%s", b, cmp.Diff(certs, all))
				}
			}
			return ""
		}, genCatalog))
	properties.TestingRun(t)
}

// TestPropG8_Programs states RULES G8 of Catalog.Programs: it lists each
// program that a title names once, in sorted order, leaves out the
// default program, and is nil when no title names one.
func TestPropG8_Programs(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G8 Programs lists each named program once, sorted, and nil for none", prop.ForAll(
		func(certs []cert.Certification) string {
			c, err := cert.NewCatalog(certs...)
			if err != nil {
				return fmt.Sprintf("the generator made a catalog NewCatalog refuses: %v", err)
			}
			var want []string
			for _, x := range certs {
				if x.Program != "" && !slices.Contains(want, x.Program) {
					want = append(want, x.Program)
				}
			}
			slices.Sort(want)
			got := c.Programs()
			if !slices.Equal(want, got) || (want == nil) != (got == nil) {
				return fmt.Sprintf("Programs() = %q, want %q", got, want)
			}
			return ""
		}, genCatalog))
	properties.TestingRun(t)
}

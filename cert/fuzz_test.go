package cert_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
)

// addDateSeeds adds the commented text seeds shared by the date fuzz targets.
func addDateSeeds(add func(string)) {
	add("2021-02-30")           // invalid day: February has no 30th (RULES D3)
	add("2024-02-29")           // leap day
	add("2023-02-29")           // leap day of a common year
	add("1900-02-29")           // a century that is not a leap year
	add("2000-02-29")           // a century that is
	add("")                     // empty: ParseDate refuses, UnmarshalText gives the zero Date (RULES D5)
	add("0001-01-01")           // the first day
	add("9999-12-31")           // the last day
	add("0000-12-31")           // the day before the first
	add("2021-6-1")             // short form
	add("2021-01-31")           // a 31-day month's last day
	add("2021-04-31")           // a 30-day month's 31st
	add("2021-13-01")           // month 13
	add("2021-00-10")           // month 0
	add(" 2021-01-01")          // leading space
	add("+2021-01-01")          // a sign
	add("-021-01-01")           // a hyphen for a digit, same length
	add("2021-01-01T00:00:00Z") // an instant, not a day (RULES D1)
	add("２０２１-01-01")           // full-width digits
}

// checkDateText checks a Date's three text forms against each other and
// against want.
func checkDateText(t *testing.T, d cert.Date, want string) {
	t.Helper()
	if s := d.String(); s != want {
		t.Errorf("String() = %q, want %q", s, want)
	}
	mt, err := d.MarshalText()
	if err != nil || string(mt) != want {
		t.Errorf("MarshalText() = %q, %v, want %q", mt, err, want)
	}
	at, err := d.AppendText(nil)
	if err != nil || string(at) != want {
		t.Errorf("AppendText(nil) = %q, %v, want %q", at, err, want)
	}
}

func FuzzParseDate(f *testing.F) {
	addDateSeeds(func(s string) { f.Add(s) })
	f.Fuzz(func(t *testing.T, s string) {
		d, err := cert.ParseDate(s)
		// time.Parse with the same layout is the oracle, but it also
		// reads year 0, which is no Date (RULES D5).
		tm, terr := time.Parse("2006-01-02", s)
		wantOK := terr == nil && tm.Year() >= 1
		if (err == nil) != wantOK {
			t.Fatalf("ParseDate(%q) = %v, %v; time.Parse = %v, %v", s, d, err, tm, terr)
		}
		if err != nil {
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) = %v with its error", s, d)
			}
			checkParseError(t, err, s)
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) = the zero Date with no error", s)
		}
		if got := cert.DateOf(tm); got != d {
			t.Errorf("ParseDate(%q) = %v, time.Parse gives %v", s, d, got)
		}
		checkDateText(t, d, s)
		var back cert.Date
		if err := back.UnmarshalText([]byte(s)); err != nil || back != d {
			t.Errorf("UnmarshalText(%q) = %v, %v, want %v", s, back, err, d)
		}
	})
}

func FuzzDateUnmarshalText(f *testing.F) {
	addDateSeeds(func(s string) { f.Add([]byte(s)) })
	f.Add([]byte(nil))                // no text at all
	f.Add([]byte("2021-06-15\x00"))   // a NUL after a day
	f.Add([]byte("\xff\xfe21-06-15")) // invalid UTF-8
	f.Fuzz(func(t *testing.T, text []byte) {
		orig := bytes.Clone(text)
		before := day("1999-12-31")
		d := before
		err := d.UnmarshalText(text)
		if !bytes.Equal(text, orig) {
			t.Fatalf("UnmarshalText changed its input from %q to %q", orig, text)
		}
		if err != nil {
			if d != before {
				t.Errorf("UnmarshalText(%q) failed and changed the Date to %v", text, d)
			}
			checkParseError(t, err, string(text))
			if _, perr := cert.ParseDate(string(text)); perr == nil {
				t.Errorf("UnmarshalText(%q) = %v but ParseDate accepts it", text, err)
			}
			return
		}
		if len(text) == 0 {
			if !d.IsZero() {
				t.Errorf("UnmarshalText(%q) = %v, want the zero Date", text, d)
			}
			checkDateText(t, d, "")
			return
		}
		checkDateText(t, d, string(text))
		if p, err := cert.ParseDate(string(text)); err != nil || p != d {
			t.Errorf("UnmarshalText(%q) = %v; ParseDate = %v, %v", text, d, p, err)
		}
	})
}

func FuzzLevelUnmarshalText(f *testing.F) {
	f.Add([]byte("Associate"))     // a level
	f.Add([]byte("Expert"))        // a role-based level
	f.Add([]byte("Fundamentals"))  // never expires (RULES V1)
	f.Add([]byte("Specialty"))     // the last level
	f.Add([]byte(""))              // the zero Level
	f.Add([]byte("associate"))     // the wrong case
	f.Add([]byte("Guru"))          // no level
	f.Add([]byte("Level(9)"))      // how String prints an unknown level
	f.Add([]byte("Associate\x00")) // a NUL after a name
	f.Fuzz(func(t *testing.T, text []byte) {
		orig := bytes.Clone(text)
		l := cert.Level(200)
		err := l.UnmarshalText(text)
		if !bytes.Equal(text, orig) {
			t.Fatalf("UnmarshalText changed its input from %q to %q", orig, text)
		}
		if err != nil {
			if l != 200 {
				t.Errorf("UnmarshalText(%q) failed and changed the Level to %v", text, l)
			}
			checkLevelError(t, err, string(text))
			return
		}
		if len(text) == 0 != (l == 0) || (l != 0 && !l.IsValid()) {
			t.Fatalf("UnmarshalText(%q) = %v", text, l)
		}
		b, err := l.MarshalText()
		if err != nil || !bytes.Equal(b, text) {
			t.Errorf("MarshalText() of %v = %q, %v, want %q", l, b, err, text)
		}
		if l != 0 && l.String() != string(text) {
			t.Errorf("String() = %q, want %q", l.String(), text)
		}
	})
}

// addCatalogSeeds adds the commented seeds shared by the catalog fuzz
// targets, each well under 300 bytes, so that the fuzzer mutates them
// quickly.
func addCatalogSeeds(f *testing.F) {
	f.Add([]byte(`{"certifications":[{"id":"a","name":"A","level":"Associate"}]}`))                         // one title
	f.Add([]byte(`{"certifications":[{"id":"a","name":"A","level":"Associate"}]}}`))                        // a stray brace after it
	f.Add([]byte(`{"certifications":[]}`))                                                                  // no titles
	f.Add([]byte(`null`))                                                                                   // null: no change, or refused by ParseCatalog
	f.Add([]byte(" \n"))                                                                                    // only white space
	f.Add([]byte(`{"certifications":[{"id":"a","name":"A","level":"Guru"}]}`))                              // an unknown level (RULES V1)
	f.Add([]byte(`{"certifications":[{"id":"a","name":"A","level":"Associate","x":1}]}`))                   // an unknown member
	f.Add([]byte(`{"certifications":[{"id":"a","Name":"A","level":"Associate"}]}`))                         // a member in another case
	f.Add([]byte(`{"certifications":[{"id":"a","id":"b","name":"A","level":"Associate"}]}`))                // a member given twice
	f.Add([]byte(`{"certifications":[{"id":"a","name":"A","level":"Associate","launched":"2021-02-30"}]}`)) // a bad date (RULES D5)
	f.Add([]byte(`{"certifications":[{"id":"e","name":"E","level":"Expert","prerequisites":["a"]},` +
		`{"id":"a","name":"A","level":"Associate","examLanguages":["en","x-a"]}]}`)) // RULES R1, A6
	f.Add([]byte(`{"certifications":[{"id":"a\u00e9\ud83d\ude00","name":"\u0041","level":"Specialty",` +
		`"launched":"2021-02-01","renewalFrom":"2021-02-01","examRevised":""}]}`)) // escapes, beyond ASCII, every day
	f.Add([]byte("{\"certifications\":[{\"id\":\"a\xff\",\"name\":\"A\",\"level\":\"Associate\"}]}")) // not UTF-8
	f.Add([]byte(`{"certifications":[{"id":"a","name":"A","level":"Associate","program":"google-cloud"},` +
		`{"id":"b","name":"B","level":"Associate","program":""}]}`)) // a program and the default one (RULES G8)
	f.Add([]byte(`{"certifications":[{"id":"a","name":"A","level":"Associate","program":"Google"}]}`))    // a program in upper case
	f.Add([]byte(`{"certifications":[{"id":"a","name":"A","level":"Associate","program":"isc\u00b2"}]}`)) // a program beyond ASCII
}

// programName matches a program name, as RULES G8 gives its shape.
var programName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,63}$`)

// checkCatalogFuzzError checks a refusal of catalog JSON: it matches
// ErrInvalidCatalog, is a CatalogError whose text starts with its path,
// and names no Go type.
func checkCatalogFuzzError(t *testing.T, err error) {
	t.Helper()
	var ce *cert.CatalogError
	if !errors.Is(err, cert.ErrInvalidCatalog) || !errors.As(err, &ce) {
		t.Fatalf("error %v (%T) is not a *CatalogError matching ErrInvalidCatalog", err, err)
	}
	checkJSONError(t, err, ce.Path)
}

func FuzzCatalogUnmarshalJSON(f *testing.F) {
	addCatalogSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		c := cert.Roadmap()
		err := c.UnmarshalJSON(data)
		if !bytes.Equal(data, orig) {
			t.Fatalf("UnmarshalJSON changed its input from %q to %q", orig, data)
		}
		parsed, perr := cert.ParseCatalog(data)
		if err != nil {
			checkCatalogFuzzError(t, err)
			if diff := cmp.Diff(slices.Collect(cert.Roadmap().All()), slices.Collect(c.All())); diff != "" {
				t.Errorf("a refused UnmarshalJSON changed the catalog (-want +got):\n%s", diff)
			}
			if perr == nil || perr.Error() != err.Error() {
				t.Errorf("UnmarshalJSON refused %q with %v, but ParseCatalog gives %v", data, err, perr)
			}
			return
		}
		if string(bytes.TrimSpace(data)) == "null" {
			if c.Len() != 27 || perr == nil {
				t.Errorf("null: UnmarshalJSON left %d titles, ParseCatalog gave %v", c.Len(), perr)
			}
			return
		}
		if perr != nil {
			t.Fatalf("UnmarshalJSON accepted %q, which ParseCatalog refuses: %v", data, perr)
		}
		if diff := cmp.Diff(slices.Collect(parsed.All()), slices.Collect(c.All())); diff != "" {
			t.Errorf("UnmarshalJSON and ParseCatalog differ (-ParseCatalog +UnmarshalJSON):\n%s", diff)
		}
	})
}

func FuzzParseCatalog(f *testing.F) {
	addCatalogSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		c, err := cert.ParseCatalog(data)
		if !bytes.Equal(data, orig) {
			t.Fatalf("ParseCatalog changed its input from %q to %q", orig, data)
		}
		if err != nil {
			checkCatalogFuzzError(t, err)
			if c.Len() != 0 {
				t.Errorf("ParseCatalog refused %q and returned %d titles", data, c.Len())
			}
			return
		}
		if !json.Valid(data) || c.Len() == 0 {
			t.Fatalf("ParseCatalog accepted %q, invalid JSON or no titles (%d)", data, c.Len())
		}
		all := slices.Collect(c.All())
		if _, err := cert.NewCatalog(all...); err != nil {
			t.Fatalf("ParseCatalog accepted a catalog NewCatalog refuses: %v", err)
		}
		// A catalog that loads marshals and reloads to an equal catalog,
		// whose text is the same again.
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("json.Marshal of an accepted catalog = %v", err)
		}
		back, err := cert.ParseCatalog(b)
		if err != nil {
			t.Fatalf("ParseCatalog(json.Marshal) = %v for %s", err, b)
		}
		if diff := cmp.Diff(all, slices.Collect(back.All())); diff != "" {
			t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
		}
		if b2, err := json.Marshal(back); err != nil || !bytes.Equal(b, b2) {
			t.Errorf("the reloaded catalog marshals to %s, %v; want %s", b2, err, b)
		}
		for _, x := range all {
			if got, ok := back.Lookup(x.ID); !ok || got.ID != x.ID {
				t.Errorf("Lookup(%q) in the reloaded catalog = %v, %v", x.ID, got.ID, ok)
			}
			if x.Program != "" && !programName.MatchString(x.Program) {
				t.Errorf("ParseCatalog accepted the program %q of %q", x.Program, x.ID)
			}
		}
		// Programs lists each program once, sorted (RULES G8).
		if p := c.Programs(); !slices.IsSorted(p) || len(slices.Compact(slices.Clone(p))) != len(p) || slices.Contains(p, "") {
			t.Errorf("Programs() = %q, not sorted, distinct and non-empty", p)
		}
	})
}

func FuzzNewDate(f *testing.F) {
	f.Add(2021, 6, 15)                   // a plain day
	f.Add(2021, 10, 32)                  // October 32 is November 1
	f.Add(2020, 13, 1)                   // month 13
	f.Add(2021, 0, 15)                   // month 0
	f.Add(2021, 3, -1)                   // a negative day
	f.Add(0, 12, 31)                     // the day before the first: no Date
	f.Add(10000, 1, 0)                   // back into 9999
	f.Add(-399, 1, 146098)               // 400 years of days into year 1
	f.Add(math.MaxInt, math.MaxInt, 1)   // overflow of the month into the year
	f.Add(math.MinInt, math.MinInt, 1)   // the other way
	f.Add(math.MaxInt/8, 1, math.MinInt) // a huge year, days that cannot bring it back
	f.Fuzz(func(t *testing.T, y, m, d int) {
		got := cert.NewDate(y, time.Month(m), d)
		if !got.IsZero() {
			if got.Before(first) || got.After(last) {
				t.Fatalf("NewDate(%d, %d, %d) = %v out of range", y, m, d, got)
			}
			checkDateText(t, got, got.String())
			if p, err := cert.ParseDate(got.String()); err != nil || p != got {
				t.Errorf("ParseDate(%q) = %v, %v", got.String(), p, err)
			}
		}
		// time.Date is the oracle where its own arithmetic cannot overflow.
		if abs(y) < 1<<20 && abs(m) < 1<<20 && abs(d) < 1<<30 { // fits in 32 bits too
			if want := timeDate(y, time.Month(m), d); got != want {
				t.Errorf("NewDate(%d, %d, %d) = %v, time.Date gives %v", y, m, d, got, want)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == math.MinInt {
			return math.MaxInt
		}
		return -n
	}
	return n
}

func FuzzDateArithmetic(f *testing.F) {
	f.Add(738944, 12)          // 2024-02-29 plus a year: clamps to 2025-02-28 (RULES D3)
	f.Add(737820, 1)           // 2021-01-31 plus a month: clamps to 2021-02-28
	f.Add(737821, -6)          // 2021-02-01 minus 6 months: a window's opening (RULES E2)
	f.Add(0, -1)               // before the first day
	f.Add(lastIndex, 1)        // after the last day
	f.Add(737955, math.MaxInt) // a huge count
	f.Add(737955, math.MinInt) // a huge negative count
	f.Add(-5, 3)               // a negative index: folded into range
	f.Fuzz(func(t *testing.T, k, n int) {
		k %= lastIndex + 1
		if k < 0 {
			k += lastIndex + 1
		}
		d := dayAt(k)
		if d.IsZero() {
			t.Fatalf("dayAt(%d) is the zero Date", k)
		}

		// AddDays and DaysSince (RULES D5).
		e := d.AddDays(n)
		inRange := n >= -k && n <= lastIndex-k
		if e.IsZero() == inRange {
			t.Fatalf("%v.AddDays(%d) = %v; in range: %v", d, n, e, inRange)
		}
		if inRange {
			if e.DaysSince(d) != n || d.DaysSince(e) != -n {
				t.Errorf("%v.AddDays(%d) = %v, DaysSince gives %d", d, n, e, e.DaysSince(d))
			}
			if c := e.Compare(d); c != cmpInt(n, 0) {
				t.Errorf("%v.Compare(%v) = %d for n = %d", e, d, c, n)
			}
		}

		// AddMonths against a clamped time.AddDate (RULES D3).
		got := d.AddMonths(n)
		if abs(n) <= 200000 {
			tm := clampedAddMonths(d.In(time.UTC), n)
			var want cert.Date
			if tm.Year() >= 1 && tm.Year() <= 9999 {
				want = cert.DateOf(tm)
			}
			if got != want {
				t.Errorf("%v.AddMonths(%d) = %v, want %v", d, n, got, want)
			}
		} else if !got.IsZero() {
			t.Errorf("%v.AddMonths(%d) = %v, want the zero Date", d, n, got)
		}
		if !got.IsZero() {
			back := got.AddMonths(-n)
			if back.IsZero() || back.After(d) {
				t.Errorf("%v.AddMonths(%d).AddMonths(%d) = %v, after the start", d, n, -n, back)
			}
		}
	})
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return +1
	}
	return 0
}

func TestFuzzSeedIndexes(t *testing.T) {
	for k, want := range map[int]string{738944: "2024-02-29", 737820: "2021-01-31", 737821: "2021-02-01", 737955: "2021-06-15"} {
		if got := dayAt(k).String(); got != want {
			t.Errorf("dayAt(%d) = %s, want %s", k, got, want)
		}
	}
}

// FuzzDateOf checks DateOf against time.Time.Date for instants across the
// whole range of time.Time, in fixed zones of any offset: the same day, or
// the zero Date outside 0001-01-01..9999-12-31.
func FuzzDateOf(f *testing.F) {
	f.Add(int64(0), int32(0))               // 1970-01-01 in UTC
	f.Add(int64(-62135596800), int32(0))    // 0001-01-01, time.Time's zero
	f.Add(int64(-62135596801), int32(0))    // the second before it
	f.Add(int64(253402300799), int32(0))    // the last second of 9999-12-31
	f.Add(int64(253402300799), int32(3600)) // the same instant, already 10000 an hour east
	f.Add(int64(-1), int32(-50400))         // before 1970, twelve hours west
	f.Add(int64(1<<62), int32(86399))       // far beyond 9999
	f.Fuzz(func(t *testing.T, sec int64, offset int32) {
		loc := time.FixedZone("fuzz", int(offset%(26*3600)))
		tm := time.Unix(sec, 0).In(loc)
		got := cert.DateOf(tm)
		y, m, d := tm.Date()
		if y < 1 || y > 9999 {
			if !got.IsZero() {
				t.Fatalf("DateOf(%v) = %v, want the zero Date", tm, got)
			}
			return
		}
		if want := cert.NewDate(y, m, d); got != want {
			t.Fatalf("DateOf(%v) = %v, want %v", tm, got, want)
		}
	})
}

package explain_test

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

// fuzzDay returns the day k days after 0001-01-01, the zero Date out of
// range.
func fuzzDay(k int32) cert.Date { return day("0001-01-01").AddDays(int(k)) }

// fuzzInstant returns an instant from raw numbers, in any offset, the
// zero time included.
func fuzzInstant(unix int64, nsec int32, offset int32) time.Time {
	if unix == 0 && nsec == 0 {
		return time.Time{}
	}
	return time.Unix(unix, int64(nsec)).In(time.FixedZone("F", int(offset)))
}

// checkSentence fails t when s is empty or not valid UTF-8.
func checkSentence(t *testing.T, what string, s string) {
	t.Helper()
	if s == "" {
		t.Errorf("%s: empty", what)
	}
	if !utf8.ValidString(s) {
		t.Errorf("%s: not valid UTF-8: %q", what, s)
	}
}

// FuzzError builds every typed error of the library, and Decisions and
// Problems, from arbitrary data: odd and long text, zero and huge values.
// Error, Decision and Problem must not panic and must give a non-empty,
// valid UTF-8 sentence in both languages.
func FuzzError(f *testing.F) {
	f.Add(uint8(0), 0, "", int64(0), int32(0), int32(0), uint8(0), int32(0))                                                            // every value zero
	f.Add(uint8(1), 2, "2021-02-30", int64(1643822400), int32(0), int32(8*3600), uint8(4), int32(738000))                               // a day that does not exist; Beijing
	f.Add(uint8(2), -1, "{on}%s<nil>", int64(-62135596800), int32(1), int32(-43200), uint8(7), int32(-1))                               // placeholders in the text; year 1
	f.Add(uint8(3), math.MaxInt32, "\xff\xfe\n\t", int64(1<<62), int32(999999999), int32(1<<30), uint8(255), int32(1<<30))              // invalid UTF-8; far instants
	f.Add(uint8(4), 7, strings.Repeat("Microsoft Certified: ", 500), int64(253402300799), int32(0), int32(0), uint8(2), int32(3652058)) // a long title; 9999-12-31
	f.Add(uint8(5), 0, "record an attempt", int64(1), int32(0), int32(60), uint8(6), int32(738000))                                     // the attempt's Op
	f.Fuzz(func(t *testing.T, kind uint8, index int, text string, unix int64, nsec int32, offset int32, reason uint8, on int32) {
		at := fuzzInstant(unix, nsec, offset)
		d := fuzzDay(on)
		dec := policy.Decision{Eligible: reason%2 == 0, Reason: policy.Reason(reason), Window: policy.Window{Opens: d, Closes: d.AddDays(index % 400)}, EligibleFrom: d.AddDays(index % 7)}
		ev := history.Event{Kind: history.Kind(reason % 6), Cert: cert.ID(text), On: d, At: at, Passed: index%2 == 0, Learn: text, MCID: text}
		inner := allSentinels[int(uint(index)%uint(len(allSentinels)))].err
		errs := []error{
			&assessment.LockoutError{At: at, Until: at},
			&assessment.OrderError{Index: index, At: at, Prev: at.Add(time.Minute)},
			&policy.NotEligibleError{Op: text, Cert: cert.ID(text), On: d, Decision: dec},
			&history.EventError{Index: index, Event: ev, Rule: text, Err: inner},
			&history.EventError{Index: index, Event: ev, Err: &history.EventError{Index: index, Event: ev}},
			&history.LogError{Index: index, Path: text, Err: &cert.ParseError{Text: text}},
			&policy.FieldError{Path: text, Problem: text, Err: &cert.LevelError{Text: text}},
			&cert.CatalogError{Cert: cert.ID(text), Problem: text},
			&cert.ParseError{Text: text, Why: text},
			&cert.LevelError{Text: text},
			inner,
		}
		for _, l := range []explain.Language{explain.English, explain.Chinese, explain.Language(kind)} {
			for _, err := range errs {
				checkSentence(t, "Error", explain.Error(l, err))
			}
			checkSentence(t, "Decision", explain.Decision(l, cert.Certification{Name: text}, dec, d))
			checkSentence(t, "Problem", explain.Problem(l, history.Problem{Index: index, Cert: cert.ID(text), Err: errs[int(kind)%len(errs)]}))
			checkSentence(t, "Instant", explain.Instant(l, at))
			checkSentence(t, "Date", explain.Date(l, d))
		}
	})
}

// FuzzItem tells agenda items built from arbitrary data: kinds that are
// none, any days, numbers and instants, odd and long names.
func FuzzItem(f *testing.F) {
	f.Add(uint8(0), int32(0), int32(0), 0, int64(0), int32(0), int32(0), "")                                          // the zero Item
	f.Add(uint8(4), int32(738000), int32(738180), 0, int64(1643818200), int32(0), int32(8*3600), "Newcomer")          // a lockout in Beijing
	f.Add(uint8(3), int32(738000), int32(738180), -3, int64(0), int32(0), int32(0), "{title}")                        // a reminder numbered -3
	f.Add(uint8(6), int32(3652058), int32(3652059), math.MaxInt32, int64(1<<62), int32(5), int32(-1<<30), "\xc3\x28") // out of range, invalid UTF-8
	f.Add(uint8(200), int32(-5), int32(1<<30), 1, int64(-1<<62), int32(0), int32(1), strings.Repeat("长", 1000))       // no kind, a long name
	f.Fuzz(func(t *testing.T, kind uint8, on, expires int32, n int, unix int64, nsec int32, offset int32, name string) {
		it := agenda.Item{Kind: agenda.Kind(kind), Cert: cert.ID(name), On: fuzzDay(on), At: fuzzInstant(unix, nsec, offset), N: n, Expires: fuzzDay(expires)}
		c := cert.Certification{ID: cert.ID(name), Name: name}
		for _, l := range []explain.Language{explain.English, explain.Chinese, explain.Language(kind)} {
			checkSentence(t, "Item", explain.Item(l, c, it))
		}
	})
}

// FuzzLookup reads arbitrary tags: Lookup must not panic, Match must agree
// with it, and an ASCII tag must match the same in lower case and with "-"
// for "_".
func FuzzLookup(f *testing.F) {
	for _, tag := range []string{"", "zh", "zh-Hans-CN", "ZH_tw", "en-US", "zh--", "x-zh", "zh-cmn-Hant", "中文", "zh-CN-u-nu-hanidec"} {
		f.Add(tag)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		l, ok := explain.Lookup(tag)
		if !l.IsValid() || !ok && l != explain.English {
			t.Errorf("Lookup(%q) = %v, %t", tag, l, ok)
		}
		if m := explain.Match(tag); m != l {
			t.Errorf("Match(%q) = %v, Lookup %v", tag, m, l)
		}
		isASCII := strings.IndexFunc(tag, func(r rune) bool { return r >= utf8.RuneSelf }) < 0
		if !isASCII {
			return
		}
		for _, v := range []string{strings.ToLower(tag), strings.ToUpper(tag), strings.ReplaceAll(tag, "_", "-")} {
			if l2, ok2 := explain.Lookup(v); l2 != l || ok2 != ok {
				t.Errorf("Lookup(%q) = %v, %t; Lookup(%q) = %v, %t", v, l2, ok2, tag, l, ok)
			}
		}
	})
}

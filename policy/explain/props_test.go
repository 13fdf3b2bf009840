package explain_test

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

// properties returns gopter properties with a fixed seed, the day the
// policy was announced (RULES H1), which CERTRENEW_SEED overrides, and
// 1000 cases; the seed is logged so that a failure can be replayed.
func properties(t *testing.T) *gopter.Properties {
	t.Helper()
	seed := int64(20201215)
	if s := os.Getenv("CERTRENEW_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("CERTRENEW_SEED=%q: %v", s, err)
		}
		seed = n
	}
	t.Logf("gopter seed %d; replay with CERTRENEW_SEED=%d go test -run '^%s$' ./policy/explain", seed, seed, t.Name())
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = 1000
	return gopter.NewProperties(p)
}

// asciiDate matches a day written with digits and dashes or slashes, as
// 2022-01-15 or 1/15/2022, which no Chinese sentence holds.
var asciiDate = regexp.MustCompile(`\d{1,4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}`)

// unclean says what is wrong with sentence s in l, or "": it is empty, not
// valid UTF-8, holds a placeholder left unformatted or a fmt leftover, or,
// in Chinese, a day in ASCII form, or, in English, a Chinese character.
func unclean(l explain.Language, s string) string {
	switch {
	case s == "":
		return "empty"
	case !utf8.ValidString(s):
		return "not valid UTF-8: " + strconv.Quote(s)
	case strings.ContainsAny(s, "{}%") || strings.Contains(s, "<nil>"):
		return "a placeholder or fmt leftover: " + s
	case l == explain.Chinese && asciiDate.MatchString(s):
		return "an ASCII day in Chinese: " + s
	case l == explain.English && strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0:
		return "a Chinese character in English: " + s
	}
	return ""
}

// titles are the certifications the properties draw from: the sample's.
var titles = []cert.Certification{admin, fundamentals, newcomer, late}

// A decisionCase is a decision of Eligibility for a holder of one title.
type decisionCase struct {
	c  cert.Certification
	d  policy.Decision
	on cert.Date
}

// genDecision generates the decisions of a holder who earned one of the
// titles on a day from 2019 on, linked or not, on a day from 60 days before
// earning to 40 months after: every Reason is reached.
func genDecision() gopter.Gen {
	return gopter.CombineGens(gen.IntRange(0, len(titles)-1), gen.IntRange(0, 3*365), gen.IntRange(-60, 40*31), gen.Bool()).
		Map(func(v []any) decisionCase {
			c := titles[v[0].(int)]
			earned := day("2019-01-01").AddDays(v[1].(int))
			pr := cert.Profile{MCID: "1"}
			if v[3].(bool) {
				pr.Learn = "a"
			}
			pr, err := microsoft.Earn(pr, c, earned)
			if err != nil {
				panic(err)
			}
			on := earned.AddDays(v[2].(int))
			return decisionCase{c, microsoft.Eligibility(pr, c, on), on}
		})
}

// TestPropEveryReasonHasASentence states that every Reason, with the days
// of its Decision, has a clean sentence in both languages that holds the
// day asked about and, when there is a window, its last day (RULES E5, E2,
// D2), and that every Reason is reached.
func TestPropEveryReasonHasASentence(t *testing.T) {
	reached := map[policy.Reason]int{}
	properties := properties(t)
	properties.Property("a Decision is told with its days", prop.ForAll(func(dc decisionCase) string {
		reached[dc.d.Reason]++
		for _, l := range explain.Languages {
			s := explain.Decision(l, dc.c, dc.d, dc.on)
			if why := unclean(l, s); why != "" {
				return fmt.Sprintf("%v %v: %s", l, dc.d, why)
			}
			if !strings.Contains(s, explain.Date(l, dc.on)) {
				return fmt.Sprintf("%v %v: %q lacks the day %s", l, dc.d, s, dc.on)
			}
			if !dc.d.Window.IsZero() && !strings.Contains(s, explain.Date(l, dc.d.Window.Last())) && !dc.d.EligibleFrom.IsZero() {
				return fmt.Sprintf("%v %v: %q lacks the last day", l, dc.d, s)
			}
		}
		return ""
	}, genDecision()))
	properties.TestingRun(t)
	for r := policy.NotHeld; r.IsValid(); r++ {
		if reached[r] == 0 {
			t.Errorf("no case reached %v: %v", r, reached)
		}
	}
	t.Logf("reasons reached: %v", reached)
}

// TestPropEverySentinelHasASentence states that every sentinel error of
// the packages explain tells has a clean sentence of its own in both
// languages, the same however deeply the caller wraps it.
func TestPropEverySentinelHasASentence(t *testing.T) {
	properties := properties(t)
	properties.Property("a sentinel is told the same however wrapped", prop.ForAll(func(i, wraps int) string {
		s := allSentinels[i]
		err := s.err
		for k := range wraps {
			err = fmt.Errorf("layer %d: %w", k, err)
		}
		for _, l := range explain.Languages {
			got := explain.Error(l, err)
			if why := unclean(l, got); why != "" {
				return fmt.Sprintf("%v %s: %s", l, s.name, why)
			}
			if want := explain.Error(l, s.err); got != want {
				return fmt.Sprintf("%v %s wrapped %d times: %q, alone %q", l, s.name, wraps, got, want)
			}
			if got == explain.Error(l, errUnknown) {
				return fmt.Sprintf("%v %s: the generic sentence", l, s.name)
			}
		}
		return ""
	}, gen.IntRange(0, len(allSentinels)-1), gen.IntRange(0, 3)))
	properties.TestingRun(t)
}

// genInstant generates instants from 2000 to 2040 in zones from UTC-12 to
// UTC+14, by quarter hours, some with seconds and fractions.
func genInstant() gopter.Gen {
	return gopter.CombineGens(gen.Int64Range(946684800, 2208988800), gen.IntRange(-48, 56), gen.IntRange(0, 3)).
		Map(func(v []any) time.Time {
			t := time.Unix(v[0].(int64), 0).In(time.FixedZone("Z", v[1].(int)*15*60))
			switch v[2].(int) {
			case 0:
				t = t.Truncate(time.Minute)
			case 1:
				t = t.Add(time.Duration(v[0].(int64)%1000) * time.Millisecond)
			}
			return t
		})
}

// A typedCase is a typed error and the texts its sentence must hold.
type typedCase struct {
	err  error
	want func(explain.Language) []string
}

// genTyped generates the typed errors of the library with their data: a
// lockout, a disorder of attempts, a refusal to renew or to record an
// attempt, an event refused, a day and a level that could not be read.
func genTyped() gopter.Gen {
	return gopter.CombineGens(gen.IntRange(0, 5), genInstant(), genInstant(), genDecision(), gen.IntRange(0, 500), gen.AlphaString()).
		Map(func(v []any) typedCase {
			a, b, dc, n, text := v[1].(time.Time), v[2].(time.Time), v[3].(decisionCase), v[4].(int), v[5].(string)
			switch v[0].(int) {
			case 0:
				return typedCase{&assessment.LockoutError{At: a, Until: b}, func(l explain.Language) []string {
					return []string{explain.Instant(l, b)}
				}}
			case 1:
				return typedCase{&assessment.OrderError{Index: n + 1, At: a, Prev: b}, func(l explain.Language) []string {
					return []string{explain.Instant(l, a), explain.Instant(l, b), strconv.Itoa(n + 2)}
				}}
			case 2:
				if dc.d.Eligible {
					dc.d = policy.Decision{Reason: policy.NotHeld}
				}
				op := "renew"
				if n%2 == 0 {
					op = "record an attempt"
				}
				return typedCase{&policy.NotEligibleError{Op: op, Cert: dc.c.ID, On: dc.on, Decision: dc.d}, func(l explain.Language) []string {
					return []string{explain.Date(l, dc.on)}
				}}
			case 3:
				ev := []history.Event{
					history.Earn(dc.c.ID, dc.on),
					history.Attempt(dc.c.ID, assessment.Attempt{At: a, Passed: n%2 == 0}),
					history.Link("ada@example.com", dc.on),
					history.Merge("2000002", dc.on, nil),
				}[n%4]
				return typedCase{&history.EventError{Index: n, Event: ev, Err: allSentinels[n%len(allSentinels)].err}, func(l explain.Language) []string {
					return []string{strconv.Itoa(n + 1), explain.Error(l, allSentinels[n%len(allSentinels)].err)}
				}}
			case 4:
				return typedCase{&cert.ParseError{Text: text, Why: "x"}, func(l explain.Language) []string {
					if text == "" {
						return nil
					}
					return []string{text}
				}}
			}
			return typedCase{&cert.LevelError{Text: text}, func(l explain.Language) []string {
				if text == "" {
					return nil
				}
				return []string{text}
			}}
		})
}

// TestPropTypedErrorsTellTheirData states that a typed error's sentence is
// clean and holds the data it carries: a lockout's end (RULES A3), the
// attempts of a disorder (RULES A5), the day of a refusal to renew (RULES
// E5), an event's number and its refusal, the text that could not be read.
func TestPropTypedErrorsTellTheirData(t *testing.T) {
	properties := properties(t)
	properties.Property("a typed error is told with its data", prop.ForAll(func(tc typedCase) string {
		for _, l := range explain.Languages {
			s := explain.Error(l, tc.err)
			if why := unclean(l, s); why != "" {
				return fmt.Sprintf("%v %#v: %s", l, tc.err, why)
			}
			for _, w := range tc.want(l) {
				if !strings.Contains(s, w) {
					return fmt.Sprintf("%v: %q lacks %q", l, s, w)
				}
			}
			if s == explain.Error(l, errUnknown) {
				return fmt.Sprintf("%v %#v: the generic sentence", l, tc.err)
			}
		}
		return ""
	}, genTyped()))
	properties.TestingRun(t)
}

// genItem generates agenda items of every kind, and of no kind, with days
// from 2019 to 2030, reminder numbers from -1 to 5, and instants or none.
func genItem() gopter.Gen {
	return gopter.CombineGens(gen.IntRange(0, len(agenda.Kinds)+1), gen.IntRange(0, 12*365), gen.IntRange(1, 800), gen.IntRange(-1, 5), genInstant(), gen.Bool(), gen.IntRange(0, len(titles))).
		Map(func(v []any) itemCase {
			on := day("2019-01-01").AddDays(v[1].(int))
			it := agenda.Item{Kind: agenda.Kind(v[0].(int)), Cert: "x", On: on, N: v[3].(int), Expires: on.AddDays(v[2].(int))}
			if it.Kind == agenda.LockoutLifts && v[5].(bool) {
				it.At = v[4].(time.Time)
			}
			var c cert.Certification // no name, half the time
			if k := v[6].(int); k < len(titles) {
				c = titles[k]
			}
			return itemCase{c, it}
		})
}

type itemCase struct {
	c  cert.Certification
	it agenda.Item
}

// TestPropEveryItemKindHasASentence states that every kind of agenda item
// has a clean sentence in both languages, each kind its own, that holds
// the item's day, or its instant for a lockout (RULES A3), and a
// reminder's number (RULES M1).
func TestPropEveryItemKindHasASentence(t *testing.T) {
	reached := map[agenda.Kind]int{}
	properties := properties(t)
	properties.Property("an item is told with its day", prop.ForAll(func(ic itemCase) string {
		it := ic.it
		reached[it.Kind]++
		for _, l := range explain.Languages {
			s := explain.Item(l, ic.c, it)
			if why := unclean(l, s); why != "" {
				return fmt.Sprintf("%v %+v: %s", l, it, why)
			}
			want := []string{explain.Date(l, it.On)}
			switch {
			case it.Kind == agenda.LockoutLifts && !it.At.IsZero():
				want = []string{explain.Instant(l, it.At)}
			case it.Kind == agenda.Reminder && it.N > 0:
				want = append(want, strconv.Itoa(it.N))
			}
			for _, w := range want {
				if !strings.Contains(s, w) {
					return fmt.Sprintf("%v: %q lacks %q", l, s, w)
				}
			}
			for _, k := range agenda.Kinds {
				if k != it.Kind && s == explain.Item(l, ic.c, agenda.Item{Kind: k, Cert: it.Cert, On: it.On, At: it.At, N: it.N, Expires: it.Expires}) {
					return fmt.Sprintf("%v: %v and %v are told alike: %q", l, it.Kind, k, s)
				}
			}
		}
		return ""
	}, genItem()))
	properties.TestingRun(t)
	for _, k := range agenda.Kinds {
		if reached[k] == 0 {
			t.Errorf("no case reached %v", k)
		}
	}
}

// chineseDay matches a day as Chinese writes it.
var chineseDay = regexp.MustCompile(`^(\d+)年(\d+)月(\d+)日$`)

// TestPropDates states that every day, 0001-01-01 to 9999-12-31, is written
// in English as cert.Date prints it, and in Chinese as 年, 月 and 日 that
// give the day back (RULES D5).
func TestPropDates(t *testing.T) {
	properties := properties(t)
	properties.Property("a day is written in each language's way", prop.ForAll(func(k int) string {
		d := day("0001-01-01").AddDays(k)
		if got := explain.Date(explain.English, d); got != d.String() {
			return fmt.Sprintf("English %q, want %q", got, d.String())
		}
		zh := explain.Date(explain.Chinese, d)
		m := chineseDay.FindStringSubmatch(zh)
		if m == nil {
			return fmt.Sprintf("Chinese %q", zh)
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		dd, _ := strconv.Atoi(m[3])
		if back := cert.NewDate(y, time.Month(mo), dd); back != d {
			return fmt.Sprintf("Chinese %q reads back as %s, want %s", zh, back, d)
		}
		return ""
	}, gen.IntRange(0, day("9999-12-31").DaysSince(day("0001-01-01")))))
	properties.TestingRun(t)
}

// TestPropMatchIgnoresCaseAndSeparator states that a tag matches the same
// language in any mix of case and with "_" for any "-".
func TestPropMatchIgnoresCaseAndSeparator(t *testing.T) {
	tags := []string{"en", "en-us", "zh", "zh-cn", "zh-hans", "zh-hans-cn", "zh-sg", "zh-tw", "zh-hant", "zh-hant-tw", "zh-hk", "fr-fr", "zh-cmn-hans-cn", "zh-cn-u-nu-hanidec"}
	properties := properties(t)
	properties.Property("case and separators do not matter", prop.ForAll(func(i int, flips uint64) string {
		tag := tags[i]
		want, wantOK := explain.Lookup(tag)
		b := []byte(tag)
		for j := range b {
			bit := flips >> (j % 64) & 1
			switch {
			case b[j] == '-' && bit == 1:
				b[j] = '_'
			case bit == 1:
				b[j] = byte(unicode.ToUpper(rune(b[j])))
			}
		}
		if got, ok := explain.Lookup(string(b)); got != want || ok != wantOK {
			return fmt.Sprintf("Lookup(%q) = %v, %t; Lookup(%q) = %v, %t", b, got, ok, tag, want, wantOK)
		}
		return ""
	}, gen.IntRange(0, len(tags)-1), gen.UInt64()))
	properties.TestingRun(t)
}

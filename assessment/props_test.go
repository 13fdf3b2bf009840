package assessment_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
)

// A scenario is a retake rule, a valid history (in order, no pass) of up to
// 16 attempts, and a positive duration to step back or forward by.
type scenario struct {
	r       assessment.Retakes
	history []assessment.Attempt
	step    time.Duration
	loc     int // an index into locations
}

// gap generates the time between two attempts: equal instants, a few
// nanoseconds, around a day, or long.
func gap() gopter.Gen {
	return gen.OneGenOf(
		gen.Int64Range(0, 2),
		gen.Int64Range(int64(24*time.Hour)-2, int64(24*time.Hour)+2),
		gen.Int64Range(0, int64(72*time.Hour)),
		gen.Int64Range(0, int64(400*24*time.Hour)),
	)
}

func genScenario() gopter.Gen {
	return gopter.CombineGens(
		gen.IntRange(-1, 3), // Immediate, with a negative value
		gen.OneGenOf(gen.Int64Range(-2, 2), gen.Int64Range(0, int64(48*time.Hour)), gen.Const(int64(24*time.Hour)), gen.Int64Range(0, int64(assessment.MaxWait))), // Wait
		gen.OneGenOf( // the first attempt, in seconds from the end of time.Time's range, or in Unix nanoseconds
			gen.Int64Range(-1<<62, 1<<62).Map(func(ns int64) time.Time { return time.Unix(0, ns) }),
			gen.Int64Range(0, 4*int64(assessment.MaxWait/time.Second)).Map(func(back int64) time.Time { return lastSecond.Add(-time.Duration(back) * time.Second) }),
		),
		gen.IntRange(0, 16), // the number of attempts
		gen.SliceOfN(16, gap()),
		gen.OneGenOf(gen.Int64Range(1, 2), gen.Int64Range(1, int64(1000*time.Hour))), // step
		gen.IntRange(0, len(locations)-1),
	).Map(func(v []any) scenario {
		n, gaps := v[3].(int), v[4].([]int64)
		t := v[2].(time.Time).UTC()
		h := make([]assessment.Attempt, n)
		for i := range h {
			if i > 0 {
				// At the end of time.Time's range Add saturates: keep
				// the history in order by repeating the instant.
				if next := t.Add(time.Duration(gaps[i])); !next.Before(t) {
					t = next
				}
			}
			h[i] = assessment.Attempt{At: t.In(locations[(i+n)%len(locations)])}
		}
		return scenario{
			r:       assessment.Retakes{Immediate: v[0].(int), Wait: time.Duration(v[1].(int64))},
			history: h,
			step:    time.Duration(v[5].(int64)),
			loc:     v[6].(int),
		}
	})
}

// TestPropA2A3_NextAttemptMayStartAtNext states RULES A2 and A3: an attempt
// may start at the instant Next gives, and when Next gives none, Check
// refuses every instant.
func TestPropA2A3_NextAttemptMayStartAtNext(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("A2 A3 the next attempt may start at Next", prop.ForAll(
		func(s scenario) bool {
			at, ok := s.r.Next(s.history)
			if !ok {
				// No attempt may follow: Check refuses every instant.
				last := s.history[len(s.history)-1].At
				return s.r.Check(s.history, last) != nil && s.r.Check(s.history, lastSecond.Add(999999999)) != nil
			}
			return s.r.Check(s.history, at) == nil
		}, genScenario()))
	properties.TestingRun(t)
}

// TestPropA3A5_EveryInstantBeforeNextIsRefused states RULES A3 and A5:
// Check refuses the instants before Next, 1ns and a random step before it.
func TestPropA3A5_EveryInstantBeforeNextIsRefused(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("A3 A5 every instant before Next is refused", prop.ForAll(
		func(s scenario) bool {
			if len(s.history) == 0 {
				return true // no constraint: Next is the zero time
			}
			next, ok := s.r.Next(s.history)
			if !ok {
				return true // TestPropA2A3_NextAttemptMayStartAtNext checks this case
			}
			return s.r.Check(s.history, next.Add(-1)) != nil && s.r.Check(s.history, next.Add(-s.step)) != nil
		}, genScenario()))
	properties.TestingRun(t)
}

// TestPropA3_EveryInstantAtOrAfterNextIsAllowed states RULES A3: Check allows
// the instant a random step after Next (Next itself is
// TestPropA2A3_NextAttemptMayStartAtNext's).
func TestPropA3_EveryInstantAtOrAfterNextIsAllowed(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("A3 every instant at or after Next is allowed", prop.ForAll(
		func(s scenario) bool {
			next, ok := s.r.Next(s.history)
			if !ok || !next.Add(s.step).After(next) {
				return true // none is, or next plus step is past the end of time.Time
			}
			return s.r.Check(s.history, next.Add(s.step)) == nil
		}, genScenario()))
	properties.TestingRun(t)
}

// TestPropD4_AnotherLocationChangesNoAnswer states RULES D4: moving every
// instant of the history and the attempt to another location changes neither
// Next nor Check.
func TestPropD4_AnotherLocationChangesNoAnswer(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("D4 moving every instant to another location changes no answer", prop.ForAll(
		func(s scenario) bool {
			loc := locations[s.loc]
			moved := in(s.history, loc)
			a1, ok1 := s.r.Next(s.history)
			a2, ok2 := s.r.Next(moved)
			ok := a1.Equal(a2) && ok1 == ok2
			for _, d := range []time.Duration{-s.step, -1, 0, s.step} {
				at := a1.Add(d)
				if len(s.history) == 0 {
					at = time.Unix(0, 0).Add(d)
				}
				ok = ok && same(s.r.Check(s.history, at), s.r.Check(moved, at.In(loc)))
			}
			return ok
		}, genScenario()))
	properties.TestingRun(t)
}

// TestPropA3_AFailedAttemptNeverMakesNextEarlier states RULES A3: a failed
// attempt at or after Next never makes the next Next earlier.
func TestPropA3_AFailedAttemptNeverMakesNextEarlier(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("A3 adding a failed attempt never makes Next earlier", prop.ForAll(
		func(s scenario) bool {
			next, ok := s.r.Next(s.history)
			if !ok {
				return true
			}
			if len(s.history) == 0 {
				next = time.Unix(0, 0)
			}
			added := next.Add(s.step % (48 * time.Hour))
			if added.Before(next) {
				return true // past the end of time.Time
			}
			longer := append(clone(s.history), assessment.Attempt{At: added})
			after, ok := s.r.Next(longer)
			return !ok || !after.Before(nextAt(s.r, s.history))
		}, genScenario()))
	properties.TestingRun(t)
}

// TestPropA5_CheckAndNextNeverModifyTheHistory states RULES A5: Check and
// Next read the history they are given and never write it.
func TestPropA5_CheckAndNextNeverModifyTheHistory(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("A5 Check and Next never modify the history", prop.ForAll(
		func(s scenario) bool {
			before := clone(s.history)
			s.r.Check(s.history, nextAt(s.r, s.history).Add(-s.step))
			s.r.Next(s.history)
			return slices.Equal(before, s.history)
		}, genScenario()))
	properties.TestingRun(t)
}

// TestPropA4A5_RecordBuildsAValidHistory states RULES A4 and A5: a cycle
// built by Record, each attempt at or after Next, is a valid history of all
// those attempts.
func TestPropA4A5_RecordBuildsAValidHistory(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("A4 A5 a cycle built by Record is a valid history", prop.ForAll(
		func(s scenario) bool {
			c, err := assessment.NewCycle(admin, nil)
			if err != nil {
				return false
			}
			for _, a := range s.history {
				at := a.At
				next, ok := c.Next(s.r)
				if !ok {
					return c.Check(s.r, at) != nil // past the end of time.Time
				}
				if at.Before(next) {
					at = next
				}
				if c, err = c.Record(s.r, assessment.Attempt{At: at}); err != nil {
					return false
				}
			}
			return assessment.CheckHistory(c.Attempts()) == nil && c.Len() == len(s.history)
		}, genScenario()))
	properties.TestingRun(t)
}

// TestPropA1_RetakeAsOftenAsNeeded states RULES A1: there is no limit on
// attempts. Each attempt started at Next of the cycle so far, or later, is
// recorded, however many came before it.
func TestPropA1_RetakeAsOftenAsNeeded(t *testing.T) {
	cr := cert.Credential{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-07-15"), Expires: cert.MustParseDate("2022-07-15")}
	properties := proptest.New(t)
	properties.Property("A1 attempts as often as needed", prop.ForAll(
		func(n int, delays []int64, immediate int) string {
			r := assessment.Retakes{Immediate: immediate, Wait: 24 * time.Hour}
			c, err := assessment.NewCycle(cr, nil)
			if err != nil {
				return err.Error()
			}
			start := at("2022-01-15T09:00:00Z")
			for i := range n {
				when, ok := c.Next(r)
				if !ok {
					return fmt.Sprintf("A1 attempt %d: Next says none may start", i+1)
				}
				if when.IsZero() {
					when = start
				}
				when = when.Add(time.Duration(delays[i%len(delays)]))
				next, err := c.Record(r, assessment.Attempt{At: when})
				if err != nil {
					return fmt.Sprintf("A1 attempt %d at %v: %v", i+1, when, err)
				}
				c = next
			}
			if c.Len() != n {
				return fmt.Sprintf("%d attempts recorded, want %d", c.Len(), n)
			}
			return ""
		},
		gen.IntRange(1, 60), gen.SliceOfN(7, gen.Int64Range(0, int64(3*time.Hour))), gen.IntRange(0, 3),
	))
	properties.TestingRun(t)
}

// TestPropA6_OfferedInTheExamsLanguages states RULES A6: the assessment is
// offered in every language of the exam, however its tag is cased, and in
// no other once the exam's languages are known.
func TestPropA6_OfferedInTheExamsLanguages(t *testing.T) {
	pool := []string{"en", "ja", "zh-Hans", "zh-Hant", "pt-BR", "de", "fr", "ko", "es", "id"}
	properties := proptest.New(t)
	properties.Property("A6 offered in the exam's languages and no other", prop.ForAll(
		func(pick []bool, lang int, upper bool) string {
			var langs []string
			for i, p := range pick {
				if p {
					langs = append(langs, pool[i])
				}
			}
			c := cert.Certification{ID: "azure-administrator", ExamLanguages: langs, ExamRevised: cert.MustParseDate("2023-10-27")}
			o := assessment.OfferingOf(c)
			if o.Revised != c.ExamRevised || o.Cert != c.ID {
				return fmt.Sprintf("A6 the assessment follows the exam: %+v", o)
			}
			tag := pool[lang]
			if upper {
				tag = strings.ToUpper(tag)
			}
			listed := pick[lang]
			if got, want := o.Offers(tag), listed || len(langs) == 0; got != want {
				return fmt.Sprintf("A6 Offers(%q) with %v = %v, want %v", tag, langs, got, want)
			}
			return ""
		},
		gen.SliceOfN(10, gen.Bool()), gen.IntRange(0, 9), gen.Bool(),
	))
	properties.TestingRun(t)
}

// TestPropJSON states that every type of the package round-trips through
// its JSON form: Attempt (the same instant and offset), Retakes, Cycle and
// Offering.
func TestPropJSON(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("JSON Attempt, Retakes, Cycle and Offering round-trip", prop.ForAll(
		func(s scenario, langs []string, revised int) string {
			r := assessment.Retakes{Immediate: max(s.r.Immediate, 0), Wait: max(s.r.Wait, 0)}
			var gotR assessment.Retakes
			if msg := roundTrip(r, &gotR); msg != "" || gotR != r {
				return "Retakes " + msg
			}
			c, err := assessment.NewCycle(admin, s.history)
			if err != nil {
				return err.Error()
			}
			var gotC assessment.Cycle
			if !inTextRange(s.history) {
				// RFC 3339 has four-digit years: such instants have no text.
				if _, err := json.Marshal(c); err == nil {
					return "Cycle: an instant outside years 0-9999 marshaled"
				}
				return ""
			}
			if msg := roundTrip(c, &gotC); msg != "" {
				return "Cycle " + msg
			}
			if gotC.Credential() != c.Credential() || gotC.Len() != c.Len() {
				return "Cycle mismatch"
			}
			for i, a := range c.All() {
				b := gotC.At(i)
				_, off1 := a.At.Zone()
				_, off2 := b.At.Zone()
				if off1%60 != 0 {
					off1 = 0 // RFC 3339 has no seconds of offset: written in UTC
				}
				if !a.At.Equal(b.At) || off1 != off2 || a.Passed != b.Passed {
					return "Attempt mismatch: " + a.At.String() + " " + b.At.String()
				}
			}
			o := assessment.Offering{Cert: "azure-administrator", Languages: langs, Revised: cert.NewDate(2021, 1, revised)}
			if len(langs) == 0 {
				o.Languages = nil
			}
			var gotO assessment.Offering
			if msg := roundTrip(o, &gotO); msg != "" {
				return "Offering " + msg
			}
			if diff := cmp.Diff(o, gotO); diff != "" {
				return "Offering mismatch: " + diff
			}
			return ""
		},
		genScenario(), gen.SliceOf(gen.OneConstOf("en", "ja", "zh-Hans", "pt-BR")), gen.IntRange(0, 3000),
	))
	properties.TestingRun(t)
}

// roundTrip marshals v and unmarshals the text into back, and says what
// failed, or "".
func roundTrip(v, back any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return "marshal: " + err.Error()
	}
	if err := json.Unmarshal(data, back); err != nil {
		return "unmarshal " + string(data) + ": " + err.Error()
	}
	return ""
}

// inTextRange reports whether every attempt of h lies in the years RFC 3339
// writes, 0000 to 9999.
func inTextRange(h []assessment.Attempt) bool {
	for _, a := range h {
		if y := a.At.Year(); y < 0 || y > 9999 {
			return false
		}
	}
	return true
}

package assessment_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/internal/proptest"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
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

// lastSecond is the start of the last second a time.Time holds: its second
// count since 0001-01-01 is the largest int64.
var lastSecond = time.Unix(1<<63-1-62135596800, 0)

// nextAt returns the instant of r.Next(h), or the zero time when no attempt
// may follow.
func nextAt(r assessment.Retakes, h []assessment.Attempt) time.Time {
	at, _ := r.Next(h)
	return at
}

var locations = func() []*time.Location {
	locs := []*time.Location{time.UTC, time.FixedZone("UTC+05:45", 5*3600+45*60), time.FixedZone("UTC-09:30", -(9*3600 + 30*60))}
	for _, name := range []string{"Asia/Tokyo", "America/Los_Angeles", "America/New_York", "Australia/Lord_Howe"} {
		if loc, err := time.LoadLocation(name); err == nil {
			locs = append(locs, loc)
		}
	}
	return locs
}()

// same reports whether two answers of Check are the same: both nil, or the
// same refusal with the same instants.
func same(a, b error) bool {
	if (a == nil) != (b == nil) {
		return false
	}
	var la, lb *assessment.LockoutError
	if errors.As(a, &la) {
		return errors.As(b, &lb) && la.At.Equal(lb.At) && la.Until.Equal(lb.Until)
	}
	var oa, ob *assessment.OrderError
	if errors.As(a, &oa) {
		return errors.As(b, &ob) && oa.Index == ob.Index && oa.At.Equal(ob.At) && oa.Prev.Equal(ob.Prev)
	}
	return errors.Is(a, assessment.ErrPassed) == errors.Is(b, assessment.ErrPassed)
}

func TestProperties(t *testing.T) {
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

	properties.Property("A3 A5 every instant before Next is refused", prop.ForAll(
		func(s scenario) bool {
			if len(s.history) == 0 {
				return true // no constraint: Next is the zero time
			}
			next, ok := s.r.Next(s.history)
			if !ok {
				return true // the property above checks this case
			}
			return s.r.Check(s.history, next.Add(-1)) != nil && s.r.Check(s.history, next.Add(-s.step)) != nil
		}, genScenario()))

	properties.Property("A3 every instant at or after Next is allowed", prop.ForAll(
		func(s scenario) bool {
			next, ok := s.r.Next(s.history)
			if !ok || !next.Add(s.step).After(next) {
				return true // none is, or next plus step is past the end of time.Time
			}
			return s.r.Check(s.history, next.Add(s.step)) == nil
		}, genScenario()))

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

	properties.Property("A5 Check and Next never modify the history", prop.ForAll(
		func(s scenario) bool {
			before := clone(s.history)
			s.r.Check(s.history, nextAt(s.r, s.history).Add(-s.step))
			s.r.Next(s.history)
			return slices.Equal(before, s.history)
		}, genScenario()))

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

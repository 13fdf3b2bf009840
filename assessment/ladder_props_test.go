package assessment_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/internal/proptest"
)

// A ladderScenario is a ladder, valid or not, and the history, step and
// location of a scenario: a history in order, with no pass, that the ladder
// need not have allowed.
type ladderScenario struct {
	l       assessment.Ladder
	history []assessment.Attempt
	step    time.Duration
	loc     int
}

// anyWait generates a duration for a ladder that need not be valid: a few
// nanoseconds either side of 0, around a day, 14 days, or up to MaxWait.
func anyWait() gopter.Gen {
	return gen.OneGenOf(
		gen.Int64Range(-2, 2),
		gen.Int64Range(0, int64(48*time.Hour)),
		gen.Const(int64(14*days)),
		gen.Int64Range(0, int64(assessment.MaxWait)),
	)
}

// span generates a positive span for a cap: a few nanoseconds, up to two
// days, 365 days, or up to MaxWait.
func span() gopter.Gen {
	return gen.OneGenOf(
		gen.Int64Range(1, 3),
		gen.Int64Range(1, int64(48*time.Hour)),
		gen.Const(int64(365*days)),
		gen.Int64Range(1, int64(assessment.MaxWait)),
	)
}

// sieveless returns g without its sieve. gen.SliceOfN applies the sieve
// of its first element to every element, so a slice of a gen.OneGenOf
// would be discarded whenever an element came from another range than the
// first.
func sieveless(g gopter.Gen) gopter.Gen {
	return g.Map(func(v int64) int64 { return v })
}

// firstAttempt generates the instant of a history's first attempt, in
// Unix nanoseconds or up to four hundred years before the end of
// time.Time's range.
func firstAttempt() gopter.Gen {
	return gen.OneGenOf(
		gen.Int64Range(-1<<62, 1<<62).Map(func(ns int64) time.Time { return time.Unix(0, ns) }),
		gen.Int64Range(0, 4*int64(assessment.MaxWait/time.Second)).Map(func(back int64) time.Time { return lastSecond.Add(-time.Duration(back) * time.Second) }),
	)
}

func genLadderScenario() gopter.Gen {
	return gopter.CombineGens(
		gen.IntRange(-1, 3),                         // Immediate, with a negative value
		anyWait(),                                   // Wait
		gen.IntRange(0, 4),                          // the length of Then
		gen.SliceOfN(4, sieveless(anyWait())),       // Then
		gen.IntRange(-1, 6),                         // Cap
		gen.OneGenOf(span(), gen.Int64Range(-2, 0)), // Span, with some not positive
		firstAttempt(),
		gen.IntRange(0, 16), // the number of attempts
		gen.SliceOfN(16, sieveless(gap())),
		gen.OneGenOf(gen.Int64Range(1, 2), gen.Int64Range(1, int64(1000*time.Hour))), // step
		gen.IntRange(0, len(locations)-1),
	).Map(func(v []any) ladderScenario {
		l := assessment.Ladder{
			Retakes: assessment.Retakes{Immediate: v[0].(int), Wait: time.Duration(v[1].(int64))},
			Cap:     v[4].(int),
			Span:    time.Duration(v[5].(int64)),
		}
		for _, w := range v[3].([]int64)[:v[2].(int)] {
			l.Then = append(l.Then, time.Duration(w))
		}
		t, n, gaps := v[6].(time.Time).UTC(), v[7].(int), v[8].([]int64)
		h := make([]assessment.Attempt, n)
		for i := range h {
			// At the end of time.Time's range Add saturates: keep the
			// history in order by repeating the instant.
			if next := t.Add(time.Duration(gaps[i])); i > 0 && !next.Before(t) {
				t = next
			}
			h[i] = assessment.Attempt{At: t.In(locations[(i+n)%len(locations)])}
		}
		return ladderScenario{l: l, history: h, step: time.Duration(v[9].(int64)), loc: v[10].(int)}
	})
}

// genValidLadder generates ladders that Validate accepts: steps that only
// climb, and a cap with a span, or neither.
func genValidLadder() gopter.Gen {
	return gopter.CombineGens(
		gen.IntRange(0, 3), // Immediate
		gen.OneGenOf(gen.Int64Range(0, 2), gen.Int64Range(0, int64(48*time.Hour)), gen.Const(int64(24*time.Hour)), gen.Int64Range(0, int64(assessment.MaxWait))), // Wait
		gen.IntRange(0, 4), // the length of Then
		gen.SliceOfN(4, sieveless(gen.OneGenOf(gen.Const(int64(0)), gen.Int64Range(0, 2), gen.Int64Range(0, int64(60*days)), gen.Int64Range(0, int64(assessment.MaxWait))))), // the climbs of Then
		gen.IntRange(0, 6), // Cap
		span(),
	).Map(func(v []any) assessment.Ladder {
		l := assessment.Ladder{Retakes: assessment.Retakes{Immediate: v[0].(int), Wait: time.Duration(v[1].(int64))}}
		w := l.Wait
		for _, climb := range v[3].([]int64)[:v[2].(int)] {
			w = min(w+time.Duration(climb), assessment.MaxWait) // no overflow: both at most MaxWait
			l.Then = append(l.Then, w)
		}
		if c := v[4].(int); c > 0 {
			l.Cap, l.Span = c, time.Duration(v[5].(int64))
		}
		return l
	})
}

// A nextAnswer is what Next returns, for cmp.Diff.
type nextAnswer struct {
	At time.Time
	OK bool
}

// A built history is one that a valid ladder allowed, attempt by attempt.
type built struct {
	l       assessment.Ladder
	history []assessment.Attempt
}

// genBuilt generates a valid ladder and a history of up to 20 attempts
// that it allowed: each attempt at a random instant after the one before
// it when Check allows that instant, and at Next when not. It stops early
// when Next says no attempt may follow (at the end of time.Time).
func genBuilt() gopter.Gen {
	return gopter.CombineGens(
		genValidLadder(),
		firstAttempt(),
		gen.IntRange(0, 20),
		gen.SliceOfN(20, sieveless(gap())),
		gen.IntRange(0, len(locations)-1),
	).Map(func(v []any) built {
		l, start := v[0].(assessment.Ladder), v[1].(time.Time).UTC()
		n, gaps := v[2].(int), v[3].([]int64)
		var h []assessment.Attempt
		for i := range n {
			next, ok := l.Next(h)
			if !ok {
				break
			}
			at := start
			if i > 0 {
				last := h[i-1].At
				at = next
				if try := last.Add(time.Duration(gaps[i])); !try.Before(last) && l.Check(h, try) == nil {
					at = try
				}
			}
			h = append(h, assessment.Attempt{At: at.In(locations[(i+v[4].(int))%len(locations)])})
		}
		return built{l, h}
	})
}

// TestPropG5_ALadderOfRetakesDecidesAsRetakes states RULES G5: a ladder
// with no Then and no cap decides exactly as its Retakes, on Check and Next,
// for every rule (negative ones too), history and instant.
func TestPropG5_ALadderOfRetakesDecidesAsRetakes(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G5 Ladder{Retakes: r} decides as r", prop.ForAll(
		func(s ladderScenario) string {
			r := s.l.Retakes
			l := assessment.Ladder{Retakes: r}
			gotAt, gotOK := l.Next(s.history)
			wantAt, wantOK := r.Next(s.history)
			if diff := cmp.Diff(nextAnswer{wantAt, wantOK}, nextAnswer{gotAt, gotOK}); diff != "" {
				return "Next mismatch (-Retakes +Ladder):\n" + diff
			}
			base := wantAt
			if len(s.history) > 0 {
				base = s.history[len(s.history)-1].At
			}
			for _, at := range []time.Time{base, base.Add(-1), base.Add(s.step), wantAt, wantAt.Add(-1), wantAt.Add(-s.step), wantAt.Add(s.step)} {
				got, want := l.Check(s.history, at), r.Check(s.history, at)
				if !same(got, want) || got != nil && got.Error() != want.Error() {
					return fmt.Sprintf("Check(%v): Ladder %v, Retakes %v", at, got, want)
				}
			}
			return ""
		}, genLadderScenario()))
	properties.TestingRun(t)
}

// TestPropG5_ALadderNeverWaitsLessThanItsFirstSteps states RULES G5: a
// ladder only climbs, so a valid ladder's Next is never earlier than that of
// the two-step rule of its first steps, Retakes{Immediate, Wait}.
func TestPropG5_ALadderNeverWaitsLessThanItsFirstSteps(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G5 a valid ladder's Next is never before its Retakes' Next", prop.ForAll(
		func(b built) string {
			for n := range len(b.history) + 1 {
				h := b.history[:n]
				lAt, lOK := b.l.Next(h)
				rAt, rOK := b.l.Retakes.Next(h)
				switch {
				case !rOK && lOK:
					return fmt.Sprintf("after %d attempts: the ladder allows %v, its Retakes none", n, lAt)
				case lOK && lAt.Before(rAt):
					return fmt.Sprintf("after %d attempts: the ladder's Next %v is before its Retakes' %v", n, lAt, rAt)
				}
			}
			return ""
		}, genBuilt()))
	properties.TestingRun(t)
}

// TestPropG6_NoSpanHoldsMoreThanCap states RULES G6: in a history that a
// ladder allowed attempt by attempt, no half-open span [s, s+Span) holds
// more than Cap attempts. The fullest span starts at an attempt, so each is
// counted from every attempt.
func TestPropG6_NoSpanHoldsMoreThanCap(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G6 no span of Span holds more than Cap attempts", prop.ForAll(
		func(b built) string {
			if b.l.Cap == 0 {
				return ""
			}
			h := b.history
			for i := range h {
				inSpan := 0
				for j := i; j < len(h) && h[j].At.Sub(h[i].At) < b.l.Span; j++ {
					inSpan++
				}
				if inSpan > b.l.Cap {
					return fmt.Sprintf("%d attempts in the %v from attempt %d, cap %d", inSpan, b.l.Span, i+1, b.l.Cap)
				}
			}
			return ""
		}, genBuilt()))
	properties.TestingRun(t)
}

// TestPropG5G6_ABuiltHistoryIsRecordedAsBuilt states RULES G5 and G6 for
// the histories genBuilt builds: every attempt was allowed where it
// stands, and each is at or after Next of the attempts before it.
func TestPropG5G6_ABuiltHistoryIsRecordedAsBuilt(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G5 G6 each attempt of a built history is allowed, at or after Next", prop.ForAll(
		func(b built) string {
			if err := assessment.CheckHistory(b.history); err != nil {
				return err.Error()
			}
			for n, a := range b.history {
				if err := b.l.Check(b.history[:n], a.At); err != nil {
					return fmt.Sprintf("attempt %d: %v", n+1, err)
				}
				if next, _ := b.l.Next(b.history[:n]); a.At.Before(next) {
					return fmt.Sprintf("attempt %d at %v, before Next %v", n+1, a.At, next)
				}
			}
			return ""
		}, genBuilt()))
	properties.TestingRun(t)
}

// TestPropG5G6_NextIsTheEarliestInstantCheckAllows states RULES G5 and G6:
// for every ladder, valid or not, Check allows Next and every later instant
// and refuses every earlier one, and a refusal for being too soon has Next
// as its Until. When Next gives none, Check refuses every instant.
func TestPropG5G6_NextIsTheEarliestInstantCheckAllows(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G5 G6 Next is the earliest instant Check allows", prop.ForAll(
		func(s ladderScenario) string {
			next, ok := s.l.Next(s.history)
			if len(s.history) == 0 {
				if !ok || !next.IsZero() {
					return fmt.Sprintf("Next(empty) = %v, %v", next, ok)
				}
				return ""
			}
			if !ok {
				last := s.history[len(s.history)-1].At
				if s.l.Check(s.history, last) == nil || s.l.Check(s.history, lastSecond.Add(999999999)) == nil {
					return "Next says none may follow, but Check allows an instant"
				}
				return ""
			}
			if err := s.l.Check(s.history, next); err != nil {
				return fmt.Sprintf("Check(Next %v) = %v", next, err)
			}
			if later := next.Add(s.step); later.After(next) {
				if err := s.l.Check(s.history, later); err != nil {
					return fmt.Sprintf("Check(Next + %v) = %v", s.step, err)
				}
			}
			for _, d := range []time.Duration{1, s.step} {
				err := s.l.Check(s.history, next.Add(-d))
				if err == nil {
					return fmt.Sprintf("Check(Next - %v) = nil", d)
				}
				var lock *assessment.LockoutError
				if errors.As(err, &lock) && !lock.Until.Equal(next) {
					return fmt.Sprintf("Check(Next - %v) = %v, whose Until is not Next %v", d, err, next)
				}
			}
			return ""
		}, genLadderScenario()))
	properties.TestingRun(t)
}

// TestPropG5G6_LadderAnswersInEveryLocation states RULES D4 for ladders:
// moving every instant to another location changes neither Next nor Check,
// and Check and Next never modify the history.
func TestPropG5G6_LadderAnswersInEveryLocation(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G5 G6 D4 another location changes no answer, and the history is unchanged", prop.ForAll(
		func(s ladderScenario) string {
			before := clone(s.history)
			moved := in(s.history, locations[s.loc])
			a1, ok1 := s.l.Next(s.history)
			a2, ok2 := s.l.Next(moved)
			if !a1.Equal(a2) || ok1 != ok2 {
				return fmt.Sprintf("Next %v, %v; moved %v, %v", a1, ok1, a2, ok2)
			}
			for _, d := range []time.Duration{-s.step, -1, 0, s.step} {
				at := a1.Add(d)
				if len(s.history) == 0 {
					at = time.Unix(0, 0).Add(d)
				}
				if e1, e2 := s.l.Check(s.history, at), s.l.Check(moved, at.In(locations[s.loc])); !same(e1, e2) || errors.Is(e1, assessment.ErrCapReached) != errors.Is(e2, assessment.ErrCapReached) {
					return fmt.Sprintf("Check(%v) = %v; moved %v", at, e1, e2)
				}
			}
			if diff := cmp.Diff(before, s.history); diff != "" || !slices.Equal(before, s.history) {
				return "the history changed (-before +after):\n" + diff
			}
			return ""
		}, genLadderScenario()))
	properties.TestingRun(t)
}

// TestPropG5G6_LadderJSON states that a valid ladder round-trips through
// its JSON form, and that what Validate refuses, reading refuses.
func TestPropG5G6_LadderJSON(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("G5 G6 a valid ladder round-trips through JSON", prop.ForAll(
		func(l assessment.Ladder, s ladderScenario) string {
			var back assessment.Ladder
			if msg := roundTrip(l, &back); msg != "" {
				return msg
			}
			if diff := cmp.Diff(l, back); diff != "" {
				return "round trip mismatch (-want +got):\n" + diff
			}
			// Any ladder, valid or not: read back exactly when valid.
			data, err := json.Marshal(s.l)
			if err != nil {
				return err.Error()
			}
			got := examLadder
			err = json.Unmarshal(data, &got)
			if valid := s.l.Validate() == nil; valid != (err == nil) {
				return fmt.Sprintf("%s: Validate says valid %v, reading says %v", data, valid, err)
			}
			if err != nil {
				if !errors.Is(err, assessment.ErrInvalidRetakes) {
					return fmt.Sprintf("%s: %v does not match ErrInvalidRetakes", data, err)
				}
				if diff := cmp.Diff(examLadder, got); diff != "" {
					return "a refusal changed the ladder:\n" + diff
				}
			} else if diff := cmp.Diff(s.l, got, cmp.Transformer("then", func(t []time.Duration) []time.Duration {
				if len(t) == 0 {
					return nil
				}
				return t
			})); diff != "" {
				return "round trip mismatch (-want +got):\n" + diff
			}
			return ""
		}, genValidLadder(), genLadderScenario()))
	properties.TestingRun(t)
}

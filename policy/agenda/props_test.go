package agenda_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

var ids = []cert.ID{"azure-administrator", "azure-developer", "azure-ai-engineer", "azure-solutions-architect", "azure-iot-developer", "d365-marketing"}

// genState generates the state of a random log replayed leniently: titles
// earned on days from 2019 on, a link, and attempts, some refused and so
// skipped; and a day to ask about.
func genState() gopter.Gen {
	return gopter.CombineGens(
		gen.SliceOfN(24, gopter.CombineGens(gen.IntRange(0, 5), gen.IntRange(0, 120), gen.IntRange(0, 9), gen.IntRange(0, 36*60)).Map(func(v []any) []int {
			return []int{v[0].(int), v[1].(int), v[2].(int), v[3].(int)}
		})),
		gen.IntRange(0, 6*365),
	).Map(func(v []any) stateCase {
		on := day("2019-01-01")
		var log []history.Event
		for _, s := range v[0].([][]int) {
			on = on.AddDays(s[1])
			id := ids[s[0]]
			switch {
			case s[2] <= 2:
				log = append(log, history.Earn(id, on))
			case s[2] == 3:
				log = append(log, history.Link("a", on))
			default:
				at := on.In(time.UTC).Add(time.Duration(s[3]) * time.Minute)
				log = append(log, history.Attempt(id, assessment.Attempt{At: at, Passed: s[2] == 9}))
			}
		}
		st, _ := history.Replayer{Policy: planner.Policy, Catalog: planner.Catalog}.Lenient("1", log, day("9999-12-31"))
		return stateCase{st, day("2019-01-01").AddDays(v[1].(int))}
	})
}

type stateCase struct {
	st history.State
	on cert.Date
}

// TestPropAgendaSortedFromTheDay states that an agenda is in order and that
// every item is on or after the day asked about, inside its credential's
// window or on its expiry (RULES E2, D2, M2).
func TestPropAgendaSortedFromTheDay(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("the agenda is sorted and starts on the day", prop.ForAll(func(s stateCase) string {
		items := planner.Agenda(s.st, s.on)
		for i, it := range items {
			if it.On.Before(s.on) {
				return fmt.Sprintf("item %v before %s", it, s.on)
			}
			if i > 0 {
				prev := items[i-1]
				if it.On.Before(prev.On) || it.On == prev.On && (it.Kind < prev.Kind || it.Kind == prev.Kind && it.At.Before(prev.At)) {
					return fmt.Sprintf("items out of order: %v then %v", prev, it)
				}
			}
			if !it.Kind.IsValid() || it.On.After(it.Expires) || it.Kind != agenda.Expires && !it.On.Before(it.Expires) {
				return fmt.Sprintf("item %v outside its window", it)
			}
		}
		return ""
	}, genState()))
	properties.TestingRun(t)
}

// TestPropDueIsTheAgendaOfTheDay states that the items due on day d are
// exactly the agenda's items on d, in the agenda's order.
func TestPropDueIsTheAgendaOfTheDay(t *testing.T) {
	properties := proptest.New(t)
	reached := 0
	properties.Property("due on d is the agenda's items on d", prop.ForAll(func(s stateCase, ahead, pick int) string {
		items := planner.Agenda(s.st, s.on)
		d := s.on.AddDays(ahead)
		if len(items) > 0 && pick%2 == 0 {
			d = items[pick%len(items)].On // a day with an item, half the time
		}
		want := slices.DeleteFunc(items, func(it agenda.Item) bool { return it.On != d })
		got := planner.AppendDue(nil, s.st, d)
		if len(got) > 0 {
			reached++
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			return fmt.Sprintf("due on %s (-agenda +due):\n%s", d, diff)
		}
		return ""
	}, genState(), gen.IntRange(0, 800), gen.IntRange(0, 1000)))
	properties.TestingRun(t)
	if reached < 200 {
		t.Errorf("only %d of 1000 cases had an item due", reached)
	}
	t.Logf("%d of 1000 cases had an item due", reached)
}

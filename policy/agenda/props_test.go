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
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

var ids = []cert.ID{"azure-administrator", "azure-developer", "azure-ai-engineer", "azure-solutions-architect", "azure-iot-developer", "d365-marketing"}

// genState generates the state of a random log replayed leniently: titles
// earned on days from 2019 on, a link, and attempts, some refused and so
// skipped; and a day to ask about.
func genState() gopter.Gen {
	return genLog(ids).Map(func(lc logCase) stateCase {
		st, _ := history.Replayer{Policy: planner.Policy, Catalog: planner.Catalog}.Lenient("1", lc.log, day("9999-12-31"))
		return stateCase{st, lc.on}
	})
}

// logCase is a log and a day to ask about.
type logCase struct {
	log []history.Event
	on  cert.Date
}

// genLog generates a random log of the titles ids: titles earned on days
// from 2019 on, a link, and attempts; and a day to ask about.
func genLog(ids []cert.ID) gopter.Gen {
	return gopter.CombineGens(
		gen.SliceOfN(24, gopter.CombineGens(gen.IntRange(0, len(ids)-1), gen.IntRange(0, 120), gen.IntRange(0, 9), gen.IntRange(0, 36*60)).Map(func(v []any) []int {
			return []int{v[0].(int), v[1].(int), v[2].(int), v[3].(int)}
		})),
		gen.IntRange(0, 6*365),
	).Map(func(v []any) logCase {
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
		return logCase{log, day("2019-01-01").AddDays(v[1].(int))}
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

// generalCase is a state under a general planner, and a day to ask about.
type generalCase struct {
	pl agenda.Planner
	st history.State
	on cert.Date
}

// genGeneral generates a general planner and a state under it: Microsoft's
// terms with a window of 6 months or of 1 to 300 days (RULES G2), a grace
// period of up to 35 days (G1), a ladder or not (G5), a reminder as the
// window opens or not (G3), the base of extension (G4), perhaps a version
// from a day of 2021 to 2023 with a grace period of its own (G7), and a
// Google Cloud program with a random window and grace period (G8); the
// state is that of a random log replayed leniently under it, with the
// titles of both programs.
func genGeneral() gopter.Gen {
	both := append(slices.Clone(ids[:5]), architect.ID)
	return gopter.CombineGens(
		gen.SliceOfN(8, gen.IntRange(0, 1000)),
		genLog(both),
	).Map(func(v []any) generalCase {
		r, lc := v[0].([]int), v[1].(logCase)
		p := policy.Microsoft()
		if w := r[0] % 301; w > 0 {
			p.WindowMonths, p.WindowDays = 0, w
		}
		p.GraceDays = r[1] % 36
		if r[2]%2 == 0 {
			p.RetakesThen = []time.Duration{48 * time.Hour}
		}
		if r[3]%2 == 0 {
			p.Schedule.AtWindowOpens, p.Schedule.DaysBefore = true, []int{90, 7}
			p.Schedule.BeforeEligible = r[3]%4 == 0 // a notice 90 days before, when the window is shorter (RULES G3)
		}
		p.ExtendFrom = policy.Base(r[3] / 2 % 2)
		g := googleCloud()
		g.WindowDays, g.GraceDays = 1+r[4]%300, r[5]%61
		p.Programs = []policy.Program{{Name: "google-cloud", Policy: g}}
		if r[6]%3 == 0 {
			v := policy.Microsoft()
			v.GraceDays = r[7] % 20
			p.Versions = []policy.Version{{From: day("2021-01-01").AddDays(r[7]), Policy: v}}
		}
		if err := p.Validate(); err != nil {
			panic(err)
		}
		pl := agenda.Planner{Policy: p, Catalog: twoPrograms}
		st, _ := history.Replayer{Policy: p, Catalog: twoPrograms}.Lenient("1", lc.log, day("9999-12-31"))
		return generalCase{pl, st, lc.on}
	})
}

// version returns the index of the version of p in force on day d, or -1
// for p itself.
func version(p policy.Policy, d cert.Date) int {
	i := -1
	for k, v := range p.Versions {
		if !v.From.After(d) {
			i = k
		}
	}
	return i
}

// TestPropGeneralAgenda states, under general policies (RULES G1-G8),
// that an agenda is in order and starts on the day; that every item but
// the expiry, the last day of a grace period, a first renewal day and a
// lockout lies before its expiry, and those at most a grace period after
// it; and that the items due on day d are exactly those of the agenda
// asked on an earlier day on, in its order, when one version governs both
// days, and those of the agenda asked on d otherwise.
func TestPropGeneralAgenda(t *testing.T) {
	properties := proptest.New(t)
	reached, grace := 0, 0
	properties.Property("G1-G8 the agenda is sorted, and due on d is its items on d", prop.ForAll(func(g generalCase, ahead, pick int) string {
		items := g.pl.Agenda(g.st, g.on)
		for i, it := range items {
			switch {
			case it.On.Before(g.on) || !it.Kind.IsValid():
				return fmt.Sprintf("item %v before %s", it, g.on)
			case i > 0 && (it.On.Before(items[i-1].On) || it.On == items[i-1].On && it.Kind < items[i-1].Kind):
				return fmt.Sprintf("items out of order: %v then %v", items[i-1], it)
			case it.On.After(it.Expires.AddDays(60)):
				return fmt.Sprintf("item %v after any grace period", it)
			}
			switch it.Kind {
			case agenda.GraceLastDay:
				grace++
				if it.On.Before(it.Expires) {
					return fmt.Sprintf("item %v before its expiry", it)
				}
			case agenda.Expires, agenda.CanRenew, agenda.LockoutLifts:
			default:
				if !it.On.Before(it.Expires) {
					return fmt.Sprintf("item %v outside its window", it)
				}
			}
		}
		d := g.on.AddDays(ahead)
		if len(items) > 0 && pick%2 == 0 {
			d = items[pick%len(items)].On
		}
		if version(g.pl.Policy, d) != version(g.pl.Policy, g.on) {
			items = g.pl.Agenda(g.st, d)
		}
		want := slices.DeleteFunc(items, func(it agenda.Item) bool { return it.On != d })
		got := g.pl.AppendDue(nil, g.st, d)
		if len(got) > 0 {
			reached++
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			return fmt.Sprintf("due on %s under %+v (-agenda +due):\n%s", d, g.pl.Policy, diff)
		}
		return ""
	}, genGeneral(), gen.IntRange(0, 800), gen.IntRange(0, 1000)))
	properties.TestingRun(t)
	if reached < 200 || grace < 100 {
		t.Errorf("only %d of 1000 cases had an item due, and %d items were last days of grace", reached, grace)
	}
	t.Logf("%d of 1000 cases had an item due; %d items were last days of grace", reached, grace)
}

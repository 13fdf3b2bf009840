package history_test

import (
	"encoding/json"
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
	"github.com/certrenew/certrenew/policy/history"
)

// A step is one move of a random walk: days to wait, a title, an action and
// when in the day.
type step struct {
	wait    int // days after the step before
	title   int // an index into a walk's titles
	action  int // 0, 1: earn; 2-5: attempt; 6: link
	minutes int // minutes into the day, for an attempt
	passed  bool
}

func genSteps() gopter.Gen {
	return gen.SliceOfN(40, gopter.CombineGens(
		gen.Weighted([]gen.WeightedGen{
			{Weight: 4, Gen: gen.IntRange(0, 3)},
			{Weight: 2, Gen: gen.IntRange(0, 60)},
			{Weight: 1, Gen: gen.IntRange(60, 400)},
		}),
		gen.IntRange(0, 7),
		gen.IntRange(0, 6),
		gen.IntRange(0, 24*60-1),
		gen.Weighted([]gen.WeightedGen{{Weight: 2, Gen: gen.Const(false)}, {Weight: 1, Gen: gen.Const(true)}}),
	).Map(func(v []any) step {
		return step{v[0].(int), v[1].(int), v[2].(int), v[3].(int), v[4].(bool)}
	}))
}

// A walk is a log of permitted actions and what calling the policy's
// operations step by step gave: the profile, the cycle of each credential
// and the credentials that ceased to be current.
type walk struct {
	log     []history.Event
	profile cert.Profile
	cycles  map[cert.ID]assessment.Cycle
	earlier []cert.Credential
	first   cert.Date
}

// titlesA and titlesB are two sets of titles that depend on nothing outside
// the set: the expert's associate is in its own set.
var (
	titlesA = []cert.ID{admin, architect, "azure-iot-developer"}
	titlesB = []cert.ID{developer, "devops-engineer", fundamentals.ID, "azure-ai-engineer"}
)

// walkOf takes steps from start, trying each action with the operations of
// package policy (Earn, RecordAttempt, and linking as RULES P1 says) and
// keeping in the log those that succeed. With link false it never links.
func walkOf(p policy.Policy, mcid string, ids []cert.ID, start cert.Date, steps []step, link bool) walk {
	w := walk{profile: cert.Profile{MCID: mcid}, cycles: map[cert.ID]assessment.Cycle{}, first: start}
	on := start
	for _, s := range steps {
		on = on.AddDays(s.wait)
		id := ids[s.title%len(ids)]
		c, _ := catalog.Lookup(id)
		switch {
		case s.action <= 1:
			old, held := w.profile.Credential(id)
			pr, err := p.Earn(w.profile, c, on)
			if err != nil {
				continue
			}
			if held {
				w.earlier = append(w.earlier, old)
			}
			w.profile = pr
			cr, _ := pr.Credential(id)
			w.cycles[id], _ = assessment.NewCycle(cr, nil)
			w.log = append(w.log, history.Earn(id, on))
		case s.action <= 5:
			cycle, ok := w.cycles[id]
			if !ok {
				cycle = p.Cycle(w.profile, c)
			}
			a := assessment.Attempt{At: on.In(time.UTC).Add(time.Duration(s.minutes) * time.Minute), Passed: s.passed}
			if cycle.Len() > 0 && s.action == 5 {
				// A retake right after the attempt before it, when that
				// keeps the log in order.
				if retake := cycle.At(cycle.Len() - 1).At.Add(time.Duration(s.minutes) * time.Second); !cert.DateOf(retake).Before(on) {
					a.At, on = retake, cert.DateOf(retake)
				}
			}
			pr, next, err := p.RecordAttempt(w.profile, c, cycle, a)
			if err != nil {
				continue
			}
			w.profile, w.cycles[id] = pr, next
			w.log = append(w.log, history.Attempt(id, a))
		case link && w.profile.Learn == "":
			w.profile.Learn = "learn-" + mcid
			w.log = append(w.log, history.Link(w.profile.Learn, on))
		}
	}
	return w
}

// genWalk generates walks over titlesA from a day between 2019 and 2024.
func genWalk() gopter.Gen {
	return gopter.CombineGens(genSteps(), gen.IntRange(0, 5*365)).Map(func(v []any) walk {
		return walkOf(policy.Microsoft(), "1", titlesA, day("2019-01-01").AddDays(v[1].(int)), v[0].([]step), true)
	})
}

// kinds counts the events of each kind in a log, for the generator checks.
func kinds(log []history.Event) map[history.Kind]int {
	n := map[history.Kind]int{}
	for _, e := range log {
		n[e.Kind]++
		if e.Kind == history.Attempted && e.Passed {
			n[0]++ // a pass, which renews
		}
	}
	return n
}

// TestPropGenerators checks that walks reach every kind of event and
// renewals: at least a tenth of what the generator gives for any seed.
func TestPropGenerators(t *testing.T) {
	total := map[history.Kind]int{}
	properties := proptest.New(t)
	properties.Property("walks reach every kind of event", prop.ForAll(func(w walk) bool {
		for k, n := range kinds(w.log) {
			total[k] += n
		}
		total[history.Merged] += len(w.earlier) // credentials earned again, counted here
		return true
	}, genWalk()))
	properties.TestingRun(t)
	for _, k := range []history.Kind{0, history.Earned, history.Attempted, history.Linked, history.Merged} {
		if total[k] < 100 {
			t.Errorf("kind %v reached %d times in 1000 walks, want at least 100", k, total[k])
		}
	}
	t.Logf("events of 1000 walks: %v (0: passes; merged: credentials earned again)", total)
}

// TestPropN1A4_ReplayIsTheOperationsStepByStep states that a log of
// permitted actions replays to exactly the profile and cycles that Earn and
// RecordAttempt give step by step (RULES N1, N5, N6, A1-A5, R1, P1), and
// that the replayed profile passes the snapshot check.
func TestPropN1A4_ReplayIsTheOperationsStepByStep(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("N1 N6 A4 P1 replay equals the operations step by step", prop.ForAll(func(w walk) string {
		st, err := replayer.Replay("1", w.log, far)
		if err != nil {
			return err.Error()
		}
		if diff := cmp.Diff(w.profile, st.Profile, cmpopts.EquateEmpty()); diff != "" {
			return "profile (-step by step +replay):\n" + diff
		}
		for i, cr := range st.Profile.Credentials {
			if diff := cmp.Diff(w.cycles[cr.Cert].Attempts(), st.Cycles[i].Attempts()); diff != "" || st.Cycles[i].Credential() != cr {
				return fmt.Sprintf("cycle of %s (-step by step +replay):\n%s", cr.Cert, diff)
			}
		}
		var earlier []cert.Credential
		for _, c := range st.Earlier {
			earlier = append(earlier, c.Credential())
		}
		if diff := cmp.Diff(w.earlier, earlier, cmpopts.EquateEmpty()); diff != "" {
			return "earlier credentials (-step by step +replay):\n" + diff
		}
		if problems := history.Check(replayer.Policy, catalog, st.Profile); problems != nil {
			return fmt.Sprintf("the replayed profile fails the check: %v", problems)
		}
		return ""
	}, genWalk()))
	properties.TestingRun(t)
}

// TestPropReplayAsOfADay states that replay is deterministic, and that the
// replay as of day d is the replay of the events up to d.
func TestPropReplayAsOfADay(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("replay as of d is the replay of the events up to d", prop.ForAll(func(w walk, back int) string {
		d := w.first.AddDays(back)
		st, err := replayer.Replay("1", w.log, d)
		if err != nil {
			return err.Error()
		}
		again, _ := replayer.Replay("1", w.log, d)
		if diff := cmp.Diff(st, again, cmpState); diff != "" {
			return "replay is not deterministic:\n" + diff
		}
		upTo := slices.DeleteFunc(slices.Clone(w.log), func(e history.Event) bool { return e.Day().After(d) })
		prefix, err := replayer.Replay("1", upTo, far)
		if err != nil {
			return err.Error()
		}
		if diff := cmp.Diff(prefix, st, cmpState); diff != "" {
			return fmt.Sprintf("as of %s (-events up to it +replay as of it):\n%s", d, diff)
		}
		return ""
	}, genWalk(), gen.IntRange(-10, 8*365)))
	properties.TestingRun(t)
}

// TestPropR3_InterleavedTitlesReplayAlone states that replaying the events
// of two independent sets of titles interleaved gives, for each title, what
// replaying its own set's events gives (RULES R3, N2).
func TestPropR3_InterleavedTitlesReplayAlone(t *testing.T) {
	p := policy.Microsoft()
	properties := proptest.New(t)
	properties.Property("R3 N2 interleaved logs replay as each alone", prop.ForAll(func(a, b []step, start int) string {
		from := day("2019-01-01").AddDays(start)
		lead := []step{{action: 6}} // both walks link at once, to the same Learn profile
		wa := walkOf(p, "1", titlesA, from, append(lead, a...), true)
		wb := walkOf(p, "1", titlesB, from, append(lead, b...), true)
		both := append(slices.Clone(wa.log), wb.log...)
		slices.SortStableFunc(both, func(x, y history.Event) int { return x.Day().Compare(y.Day()) })
		st, err := replayer.Replay("1", both, far)
		if err != nil {
			return err.Error()
		}
		for _, w := range []walk{wa, wb} {
			alone, err := replayer.Replay("1", w.log, far)
			if err != nil {
				return err.Error()
			}
			for i, cr := range alone.Profile.Credentials {
				got, ok := st.Profile.Credential(cr.Cert)
				c, _ := st.Cycle(cr.Cert)
				if !ok || got != cr || !cmp.Equal(c.Attempts(), alone.Cycles[i].Attempts()) {
					return fmt.Sprintf("%s: interleaved %v, alone %v", cr.Cert, got, cr)
				}
			}
		}
		return ""
	}, genSteps(), genSteps(), gen.IntRange(0, 5*365)))
	properties.TestingRun(t)
}

// TestPropP2_MergeLosesNothing states that a merge of two unlinked profiles
// keeps every credential of both as current or earlier, and that the
// current one of a title held in both is the one valid longer (RULES P2).
func TestPropP2_MergeLosesNothing(t *testing.T) {
	p := policy.Microsoft()
	properties := proptest.New(t)
	properties.Property("P2 a merge loses no credential", prop.ForAll(func(a, b []step, start int) string {
		from := day("2019-01-01").AddDays(start)
		wa := walkOf(p, "1", titlesA, from, a, false)
		wb := walkOf(p, "2", append(slices.Clone(titlesA[:1]), titlesB...), from, b, false)
		mergeDay := far.AddDays(-1)
		log := append(slices.Clone(wa.log), history.Merge("2", mergeDay, wb.log))
		st, err := replayer.Replay("1", log, far)
		if err != nil {
			return err.Error()
		}
		all := func(cur []cert.Credential, earlier []cert.Credential) []cert.Credential {
			return append(slices.Clone(cur), earlier...)
		}
		var got []cert.Credential
		for _, c := range st.Earlier {
			got = append(got, c.Credential())
		}
		got = append(got, st.Profile.Credentials...)
		want := append(all(wa.profile.Credentials, wa.earlier), all(wb.profile.Credentials, wb.earlier)...)
		less := func(x, y cert.Credential) int {
			if c := x.Earned.Compare(y.Earned); c != 0 {
				return c
			}
			if x.Cert != y.Cert {
				return map[bool]int{true: -1, false: 1}[x.Cert < y.Cert]
			}
			return x.Expires.Compare(y.Expires)
		}
		slices.SortFunc(got, less)
		slices.SortFunc(want, less)
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			return "credentials (-both profiles +merged):\n" + diff
		}
		for _, cr := range st.Profile.Credentials {
			for _, other := range st.EarlierOf(cr.Cert) {
				if other.Credential().Expires.After(cr.Expires) && !cr.Expires.IsZero() {
					return fmt.Sprintf("%s: current %v is valid less long than earlier %v", cr.Cert, cr, other.Credential())
				}
			}
		}
		if !slices.Equal(st.Merged, []string{"2"}) {
			return fmt.Sprintf("Merged = %v", st.Merged)
		}
		return ""
	}, genSteps(), genSteps(), gen.IntRange(0, 5*365)))
	properties.TestingRun(t)
}

// TestPropJSON_LogAndStateRoundTrip states that the JSON form of every log
// and every replayed state round-trips.
func TestPropJSON_LogAndStateRoundTrip(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("the JSON of logs and states round-trips", prop.ForAll(func(w walk) string {
		data, err := json.Marshal(w.log)
		if err != nil {
			return err.Error()
		}
		log, err := history.ParseLog(data)
		if err != nil {
			return err.Error()
		}
		if diff := cmp.Diff(w.log, log, cmpopts.EquateEmpty(), cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			return "log (-want +got):\n" + diff
		}
		st, err := replayer.Replay("1", w.log, far)
		if err != nil {
			return err.Error()
		}
		data, err = json.Marshal(st)
		if err != nil {
			return err.Error()
		}
		var back history.State
		if err := json.Unmarshal(data, &back); err != nil {
			return err.Error()
		}
		if diff := cmp.Diff(st, back, cmpState); diff != "" {
			return "state (-want +got):\n" + diff
		}
		return ""
	}, genWalk()))
	properties.TestingRun(t)
}

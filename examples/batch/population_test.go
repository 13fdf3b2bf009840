package main

import (
	"encoding/json"
	"testing"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/batch"
	"github.com/certrenew/certrenew/policy/history"
	"github.com/google/go-cmp/cmp"
)

var (
	day      = cert.MustParseDate
	replayer = history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
)

// stateJSON returns the JSON form of st, to compare states whose cycles
// have unexported fields.
func stateJSON(t *testing.T, st history.State) string {
	t.Helper()
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPopulationIsDeterministic checks that holder i is the same drawn by
// one generator in order and by another in reverse order, which is what
// lets any number of goroutines draw the holders of one population.
func TestPopulationIsDeterministic(t *testing.T) {
	pop := newPopulation(300, 7, day("2026-12-01"), replayer)
	forward, backward := newGenerator(pop), newGenerator(pop)
	want := make([]string, pop.n)
	for i := range pop.n {
		st, _ := forward.holder(i)
		want[i] = stateJSON(t, st)
	}
	for i := pop.n - 1; i >= 0; i-- {
		st, _ := backward.holder(i)
		if diff := cmp.Diff(want[i], stateJSON(t, st)); diff != "" {
			t.Fatalf("holder %d drawn backward mismatch (-forward +backward):\n%s", i, diff)
		}
	}
	other := newGenerator(newPopulation(300, 8, day("2026-12-01"), replayer))
	same := 0
	for i := range pop.n {
		if st, _ := other.holder(i); stateJSON(t, st) == want[i] {
			same++
		}
	}
	if same > pop.n/10 {
		t.Errorf("seeds 7 and 8 draw %d of %d holders the same", same, pop.n)
	}
}

// TestPopulationIsValid checks every holder against the rules: its
// profile passes history.Check (RULES V1-V4, N1, D2), its MCID is its
// own, and every title was earned from 2019-01-01 to the day; its
// credentials are distinct titles of the roadmap (N6), each with its
// cycle.
func TestPopulationIsValid(t *testing.T) {
	for _, on := range []cert.Date{day("2019-01-01"), day("2021-02-01"), day("2026-12-01"), day("2040-02-29")} {
		pop := newPopulation(2000, 1, on, replayer)
		g := newGenerator(pop)
		for i := range pop.n {
			st, _ := g.holder(i)
			if problems := history.Check(replayer.Policy, replayer.Catalog, st.Profile); len(problems) > 0 {
				t.Fatalf("on %s holder %d: %v", on, i, problems)
			}
			if st.Profile.MCID != mcid(i) || len(st.Cycles) != len(st.Profile.Credentials) {
				t.Fatalf("on %s holder %d: MCID %q, %d cycles for %d credentials", on, i, st.Profile.MCID, len(st.Cycles), len(st.Profile.Credentials))
			}
			for _, cr := range st.Profile.Credentials {
				if cr.Earned.Before(firstDay) || cr.Earned.After(on) {
					t.Fatalf("on %s holder %d: %s earned %s", on, i, cr.Cert, cr.Earned)
				}
			}
		}
	}
}

// TestPopulationMix checks that the population holds every kind of holder
// it is meant to, in plausible shares: linked and unlinked profiles, one to
// a few titles, credentials active and expired, renewed (N1), with
// attempts in their cycle (A2, A3), earned again (N6), experts (R1), and
// logs with events the rules refuse.
func TestPopulationMix(t *testing.T) {
	on := day("2026-12-01")
	pop := newPopulation(5000, 1, on, replayer)
	g := newGenerator(pop)
	var m mix
	titles := map[int]int{} // holders by number of credentials
	experts := 0
	for i := range pop.n {
		st, refused := g.holder(i)
		m.add(replayer.Policy, replayer.Catalog, st, refused, on)
		titles[len(st.Profile.Credentials)]++
		for _, cr := range st.Profile.Credentials {
			if c, _ := replayer.Catalog.Lookup(cr.Cert); c.Level == cert.Expert {
				experts++
			}
		}
	}
	for _, tt := range []struct {
		what     string
		got      int
		min, max int // in holders or credentials per thousand
		of       int
	}{
		{"linked holders", m.Linked, 700, 900, m.Holders},
		{"active credentials", m.Active, 400, 800, m.Credentials},
		{"renewed credentials", m.Renewed, 300, 700, m.Credentials},
		{"credentials with attempts", m.Attempting, 50, 200, m.Credentials},
		{"credentials earned again", m.Earlier, 100, 300, m.Credentials},
		{"expert credentials", experts, 20, 200, m.Credentials},
		{"refused events", m.Refused, 10, 200, m.Holders},
		{"holders of one title", titles[1], 300, 600, m.Holders},
		{"holders of five titles or more", titles[5] + titles[6] + titles[7], 5, 100, m.Holders},
	} {
		if perMille := tt.got * 1000 / tt.of; perMille < tt.min || perMille > tt.max {
			t.Errorf("%s: %d of %d, %d per thousand; want %d to %d", tt.what, tt.got, tt.of, perMille, tt.min, tt.max)
		}
	}
	if titles[0] != 0 {
		t.Errorf("%d holders hold no credential", titles[0])
	}
}

// TestGeneralPopulation draws holders under a policy with a window of 180
// days and a grace period of 30 (RULES G1, G2): the holders' renewals fall
// in those windows, so the replay refuses few of their events, and the
// report counts the last days of grace.
func TestGeneralPopulation(t *testing.T) {
	p := policy.Microsoft()
	p.WindowMonths, p.WindowDays, p.GraceDays = 0, 180, 30
	r := history.Replayer{Policy: p, Catalog: cert.Roadmap()}
	c := batch.Checker{Planner: agenda.Planner{Policy: p, Catalog: r.Catalog}}
	on := day("2026-12-01")
	pop := newPopulation(4000, 3, on, r)
	res := check(pop, c, on, 2, nil)
	if res.mix.Refused*20 > res.mix.Credentials {
		t.Errorf("%d events refused for %d credentials", res.mix.Refused, res.mix.Credentials)
	}
	if res.mix.Renewed == 0 || res.counts[agenda.Expires] == 0 {
		t.Errorf("no renewals or expiries: %+v, %v", res.mix, res.counts)
	}
	rep := res.report(on, 3, 2)
	if n := len(rep.Due.ByKind); n != len(agenda.Kinds) || rep.Due.ByKind[n-1].Kind != agenda.GraceLastDay {
		t.Errorf("the report's kinds under a grace period: %v", rep.Due.ByKind)
	}
}

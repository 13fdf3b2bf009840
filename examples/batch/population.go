package main

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/history"
)

// firstDay is the first day a synthetic holder earns a title on.
var firstDay = cert.NewDate(2019, time.January, 1)

// zones are the locations the synthetic holders take the renewal
// assessment in: an attempt's day is its day there (RULES D4).
var zones = [...]*time.Location{
	time.UTC,
	time.FixedZone("+08:00", 8*3600),
	time.FixedZone("-05:00", -5*3600),
	time.FixedZone("+01:00", 3600),
	time.FixedZone("+05:30", 5*3600+1800),
}

// A population is a set of n synthetic holders as of a day, drawn from a
// seed: holder i, from 0 to n-1, is the lenient replay of a small event log
// drawn with math/rand/v2 seeded by (seed, i), so that each holder is the
// same for the same seed and day whoever draws it, in whatever order, and
// no holder needs another in memory.
//
// A holder's log is a life, as a service would store it: the first title
// earned on a day from 2019-01-01 to the day, up to four more later; an
// expert title after one of its associate prerequisites (RULES R1); for 85
// holders in 100 a Learn profile linked, at the latest before the first
// attempt at a renewal assessment (RULES E4); and, for each credential, in
// each renewal window that the day has reached and in which its renewal
// assessment is offered (RULES E2, E3), a renewal (seven times in ten, a
// quarter of them after one or two failed attempts: RULES A2, A3, N1), only
// failed attempts (one in ten), or nothing. A credential not renewed
// expires, and is earned again by exam within a year four times in ten
// (RULES N6). Three holders in a hundred also have a stray attempt on a day
// of their life, which the rules mostly refuse, and an expert title earned
// again needs a prerequisite active then too, which has often lapsed, with
// the attempts at it that follow: the replay skips every event the rules
// refuse, and counts it.
type population struct {
	n    int
	seed uint64
	on   cert.Date // the day the logs are replayed as of
	r    history.Replayer

	titles []cert.Certification // the catalog's, in its order
	pre    [][]int              // the indexes in titles of each one's prerequisites
}

// newPopulation returns the population of n holders drawn from seed as of
// day on, under the replayer's policy and catalog, which must hold at most
// 64 titles (the roadmap has 27). On must not be before firstDay.
func newPopulation(n int, seed uint64, on cert.Date, r history.Replayer) *population {
	pop := &population{n: n, seed: seed, on: on, r: r}
	for c := range r.Catalog.All() {
		pop.titles = append(pop.titles, c)
	}
	pop.pre = make([][]int, len(pop.titles))
	for i, c := range pop.titles {
		for _, id := range c.Prerequisites {
			if j := slices.IndexFunc(pop.titles, func(c cert.Certification) bool { return c.ID == id }); j >= 0 {
				pop.pre[i] = append(pop.pre[i], j)
			}
		}
	}
	return pop
}

// mcid returns the MCID of holder i.
func mcid(i int) string { return strconv.Itoa(1000001 + i) }

// A generator draws holders of a population one at a time, reusing its
// buffers; each goroutine that draws holders has its own.
type generator struct {
	pop    *population
	pcg    rand.PCG
	rnd    *rand.Rand
	log    []history.Event // the holder's events, each title's in order
	order  []key           // the events' order in the life
	sorted []history.Event // the life in order

	// The holder being drawn.
	held         uint64    // a bit per title in pop.titles, for those already drawn (the roadmap has 27)
	linked       bool      // whether the holder links a Learn profile
	firstAttempt cert.Date // the day of the holder's first attempt, or zero
	passed       cert.Date // the day of the holder's latest pass, or zero
}

func newGenerator(pop *population) *generator {
	g := &generator{pop: pop}
	g.rnd = rand.New(&g.pcg)
	return g
}

// holder returns the state of holder i as of the population's day and the
// number of events of its log that the rules refused.
func (g *generator) holder(i int) (history.State, int) {
	pop, r := g.pop, g.rnd
	g.pcg.Seed(pop.seed, uint64(i))
	g.log, g.held, g.firstAttempt = g.log[:0], 0, cert.Date{}
	g.linked = r.IntN(100) < 85

	start := firstDay.AddDays(r.IntN(pop.on.DaysSince(firstDay) + 1))
	titles := 1
	switch u := r.IntN(100); {
	case u >= 97:
		titles = 5
	case u >= 90:
		titles = 4
	case u >= 75:
		titles = 3
	case u >= 45:
		titles = 2
	}
	for k := range titles {
		earned := start
		if k > 0 {
			earned = start.AddDays(r.IntN(pop.on.DaysSince(start) + 1))
		}
		g.title(g.pick(), earned)
	}
	if r.IntN(100) < 3 {
		// A stray attempt, at any title on any day of the holder's life.
		c := pop.titles[r.IntN(len(pop.titles))]
		g.attempt(c, start.AddDays(r.IntN(pop.on.DaysSince(start)+1)), r.IntN(2) == 0)
	}
	id := mcid(i)
	if g.linked {
		on := start.AddDays(r.IntN(400))
		if !g.firstAttempt.IsZero() && g.firstAttempt.Before(on) {
			on = g.firstAttempt
		}
		if !on.After(pop.on) {
			g.log = append(g.log, history.Link("h"+id+"@example.com", on))
		}
	}
	st, refused := pop.r.Lenient(id, g.inOrder(), pop.on)
	return st, len(refused)
}

// A key places an event in the life: by its day, then by its index in
// the log, the link before every other event of its day.
type key struct {
	day cert.Date
	i   int
}

func (a key) compare(b key) int {
	if c := a.day.Compare(b.day); c != 0 {
		return c
	}
	return a.i - b.i
}

// inOrder returns the events of the log in order of their days, each
// title's in the order it was drawn, the link first on its day, so that
// it comes before the attempts of that day. It sorts small keys and then
// copies each event once, rather than moving the events, of 112 bytes,
// at every step of the sort.
func (g *generator) inOrder() []history.Event {
	g.order = g.order[:0]
	for i, e := range g.log {
		k := key{e.Day(), i}
		if e.Kind == history.Linked {
			k.i = -1
		}
		g.order = append(g.order, k)
	}
	slices.SortFunc(g.order, key.compare)
	clear(g.sorted)
	g.sorted = g.sorted[:0]
	for _, k := range g.order {
		i := k.i
		if i < 0 {
			i = len(g.log) - 1 // the link, added last
		}
		g.sorted = append(g.sorted, g.log[i])
	}
	return g.sorted
}

// pick returns the index of a title the holder has not drawn yet, and
// marks it drawn.
func (g *generator) pick() int {
	n := len(g.pop.titles)
	t := g.rnd.IntN(n)
	for g.held&(1<<t) != 0 {
		t = (t + 1) % n
	}
	g.held |= 1 << t
	return t
}

// title adds the life of the title t earned on day earned. An expert
// title comes 30 to 329 days after one of its prerequisites, which is then
// active (RULES R1): one the holder has not drawn yet, earned on day
// earned.
func (g *generator) title(t int, earned cert.Date) {
	pop, r := g.pop, g.rnd
	if pre := pop.pre[t]; len(pre) > 0 {
		k := r.IntN(len(pre))
		for i := range pre {
			if p := pre[(k+i)%len(pre)]; g.held&(1<<p) == 0 {
				g.held |= 1 << p
				g.life(p, earned)
				earned = earned.AddDays(30 + r.IntN(300))
				break
			}
		}
	}
	g.life(t, earned)
}

// life adds the events of the title t earned on day earned, up to the
// population's day: its renewals, attempts, expiries and earnings again,
// under the policy of the title's program (RULES G8). A cycle's window is
// that of the version in force on the day before its expiry, in months or
// in days (RULES E2, G2, G7), and a renewal extends as the version in force
// on the day of the pass says, from the expiry or from that day (RULES N1,
// G4).
func (g *generator) life(t int, earned cert.Date) {
	pop, r := g.pop, g.rnd
	c := pop.titles[t]
	p := pop.r.Policy.For(c)
	for !earned.After(pop.on) {
		g.log = append(g.log, history.Earn(c.ID, earned))
		x := p.Expiry(c, earned)
		if x.IsZero() {
			return // never expires
		}
		for {
			opens := windowOpens(p.At(x.AddDays(-1)), x)
			if opens.After(pop.on) {
				return // the window has not opened by the day
			}
			from := opens
			if c.RenewalFrom.After(from) {
				from = c.RenewalFrom
			}
			if !g.linked || !from.Before(x) || !g.cycle(c, from, x) {
				break // not renewed: it expires
			}
			if q := p.At(g.passed); q.ExtendFrom == policy.FromPass {
				x = g.passed.AddMonths(q.ExtensionMonths)
			} else {
				x = x.AddMonths(q.ExtensionMonths)
			}
		}
		if r.IntN(100) >= 40 {
			return
		}
		earned = x.AddDays(r.IntN(365))
	}
}

// cycle adds the attempts of one renewal window of c, in which the
// holder can renew from day from to the expiry x, and reports whether it
// ends in a pass: seven times in ten a pass, a quarter of those after one
// or two failed attempts, the second at once (RULES A2) and the pass at
// least 24 hours after it (RULES A3); one time in ten only failed
// attempts; otherwise none.
func (g *generator) cycle(c cert.Certification, from, x cert.Date) bool {
	r := g.rnd
	day := from.AddDays(r.IntN(x.DaysSince(from)))
	u := r.IntN(100)
	if u >= 80 {
		return false
	}
	zone := zones[r.IntN(len(zones))]
	at := day.In(zone).Add(time.Duration(8*60+r.IntN(10*60)) * time.Minute)
	if u < 70 && r.IntN(4) != 0 {
		return g.attemptAt(c, at, true)
	}
	g.attemptAt(c, at, false)
	if r.IntN(2) == 0 {
		at = at.Add(40 * time.Minute)
		g.attemptAt(c, at, false)
	}
	if u >= 70 {
		return false
	}
	at = at.Add(24*time.Hour + time.Duration(r.IntN(7*24*60))*time.Minute)
	if !cert.DateOf(at).Before(x) {
		return false // too late: it expires
	}
	return g.attemptAt(c, at, true)
}

// attempt adds an attempt at c on day on, at a time of day in one of the
// zones.
func (g *generator) attempt(c cert.Certification, on cert.Date, passed bool) {
	r := g.rnd
	zone := zones[r.IntN(len(zones))]
	g.attemptAt(c, on.In(zone).Add(time.Duration(8*60+r.IntN(10*60))*time.Minute), passed)
}

// attemptAt adds an attempt at c at the instant at, unless its day is
// after the population's day, and returns passed when it adds it.
func (g *generator) attemptAt(c cert.Certification, at time.Time, passed bool) bool {
	on := cert.DateOf(at)
	if on.After(g.pop.on) {
		return false
	}
	if g.firstAttempt.IsZero() || on.Before(g.firstAttempt) {
		g.firstAttempt = on
	}
	g.log = append(g.log, history.Attempt(c.ID, assessment.Attempt{At: at, Passed: passed}))
	if passed {
		g.passed = on
	}
	return passed
}

// windowOpens returns the day the renewal window of the expiry x opens
// under the plain policy q: its window in days, or else in months (RULES
// E2, G2).
func windowOpens(q policy.Policy, x cert.Date) cert.Date {
	if q.WindowDays > 0 {
		return x.AddDays(-q.WindowDays)
	}
	return x.AddMonths(-q.WindowMonths)
}

// A mix counts what the holders of a population are made of.
type mix struct {
	Holders     int `json:"holders"`
	Linked      int `json:"linked"`      // holders linked to a Learn profile
	Credentials int `json:"credentials"` // current credentials
	Active      int `json:"active"`      // current credentials active on the day
	Renewed     int `json:"renewed"`     // current credentials renewed at least once
	Attempting  int `json:"attempting"`  // current credentials with attempts in their cycle
	Earlier     int `json:"earlier"`     // credentials expired and earned again
	Refused     int `json:"refused"`     // events the rules refused, skipped by the replay
}

// add counts the holder st, whose log had refused events refused, as of
// day on.
func (m *mix) add(p policy.Policy, cat cert.Catalog, st history.State, refused int, on cert.Date) {
	m.Holders++
	if st.Profile.IsLinked() {
		m.Linked++
	}
	for i, cr := range st.Profile.Credentials {
		m.Credentials++
		if cr.ActiveOn(on) {
			m.Active++
		}
		if c, ok := cat.Lookup(cr.Cert); ok && cr.Expires != p.Expiry(c, cr.Earned) {
			m.Renewed++
		}
		if st.Cycles[i].Len() > 0 {
			m.Attempting++
		}
	}
	m.Earlier += len(st.Earlier)
	m.Refused += refused
}

// merge adds the counts of o to m.
func (m *mix) merge(o mix) {
	m.Holders += o.Holders
	m.Linked += o.Linked
	m.Credentials += o.Credentials
	m.Active += o.Active
	m.Renewed += o.Renewed
	m.Attempting += o.Attempting
	m.Earlier += o.Earlier
	m.Refused += o.Refused
}

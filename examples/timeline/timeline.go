package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

// A timeline is what the program prints: the holder's state on Today,
// replayed from the event log, told credential by credential. Learn is the
// Learn profile linked ("" for none) and Linked the day of the link;
// Merged lists the profiles merged into this one ([history.State]); Later
// counts the events of the log after Today, which the replay does not
// reach. Refused lists the events a lenient replay skipped, and is nil
// for a strict one. agenda is what comes next for the state on Today, from
// that day on ([agenda.Planner.Agenda]).
type timeline struct {
	Today       cert.Date   `json:"today"`
	MCID        string      `json:"mcid"`
	Learn       string      `json:"learn"`
	Linked      cert.Date   `json:"linked,omitzero"`
	Merged      []string    `json:"merged,omitempty"`
	Later       int         `json:"later,omitzero"`
	Credentials []lifecycle `json:"credentials"`
	Refused     []refusal   `json:"refused,omitzero"`
	agenda      []agenda.Item
}

// A refusal is an event that a lenient replay skipped: its index in the
// log, the event, the rule of RULES.md that refuses it ("" when none
// does, as for a log out of order) and the refusal's text; err is the
// refusal itself, which the table tells through package explain.
type refusal struct {
	Index int           `json:"index"`
	Event history.Event `json:"event"`
	Rule  string        `json:"rule"`
	Error string        `json:"error"`
	err   *history.EventError
}

// A lifecycle is the timeline of one title of the holder's profile: what
// the events did to it, the days of its renewal windows and reminders, and
// the policy's decisions on a few days, in order of day, today's among
// them. NextReminder is the first reminder of the current credential's
// cycle on or after today, if one is left. Earlier holds the title's
// credentials that are no longer current, each with the attempts of its
// last cycle, in the order they ceased to be ([history.State.EarlierOf]):
// one that expired and was earned again (RULES N6), or one that a merge
// left behind (RULES P2).
//
// current is the title's current credential, and windows the renewal
// windows of its credentials, current and earlier, each to its closing or
// to the day a renewal or a merge ended it, for the drawing of -svg.
type lifecycle struct {
	Cert         cert.ID            `json:"cert"`
	Name         string             `json:"name"`
	Level        cert.Level         `json:"level"`
	Shows        phrase             `json:"shows,omitzero"`
	Events       []event            `json:"events"`
	Decisions    []decision         `json:"decisions"`
	NextReminder cert.Date          `json:"nextReminder,omitzero"`
	Earlier      []assessment.Cycle `json:"earlier,omitempty"`
	current      cert.Credential
	windows      []stretch
}

// A stretch is the days [From, To) of the credential earned on Of.
type stretch struct {
	Of, From, To cert.Date
}

// A decision is the policy's decision on a day, with the day and the
// credential's expiry as it stood that day. Explanation tells it in
// words, in the language of the output ([explain.Decision]).
type decision struct {
	On cert.Date `json:"on"`
	policy.Decision
	Expires     cert.Date `json:"expires,omitzero"`
	Explanation string    `json:"explanation,omitempty"`
}

// decision returns the decision on day on, and whether there is one.
func (lc lifecycle) decision(on cert.Date) (decision, bool) {
	for _, d := range lc.Decisions {
		if d.On == on {
			return d, true
		}
	}
	return decision{}, false
}

// An event is one day of a credential's timeline, and what happened or
// happens on it. A planned event is one the policy sets, a day of a
// renewal window, a reminder or an expiry, rather than one of the log: the
// table tells those from today on as the agenda's items instead. mark
// says how -svg marks it, on the credential earned on the day of.
type event struct {
	Day     cert.Date `json:"day"`
	What    phrase    `json:"what"`
	planned bool
	mark    mark
	of      cert.Date
}

// A mark is how the drawing of -svg marks an event: not at all, or as a
// reminder, a renewal or a failed attempt.
type mark uint8

const (
	unmarked mark = iota
	markReminder
	markRenewal
	markFailed
)

// upTo returns the events of log up to the first whose day is after today,
// which a replay as of today does not reach.
func upTo(log []history.Event, today cert.Date) []history.Event {
	for i, e := range log {
		if e.Day().After(today) {
			return log[:i]
		}
	}
	return log
}

// A replayed log is the events a replay accepted, oldest first, each with
// the state that replaying the log up to it gives.
type replayed struct {
	events []history.Event
	start  history.State   // the state before the first event
	states []history.State // states[i] is the state after events[i]
}

// replayEach replays events, a log that r accepts as of today, up to each
// of its events in turn.
func replayEach(r history.Replayer, mcid string, events []history.Event, today cert.Date) (replayed, error) {
	start, err := r.Replay(mcid, nil, today)
	if err != nil {
		return replayed{}, err
	}
	rp := replayed{events: events, start: start, states: make([]history.State, len(events))}
	for i := range events {
		if rp.states[i], err = r.Replay(mcid, events[:i+1], today); err != nil {
			return replayed{}, err
		}
	}
	return rp, nil
}

// before returns the state before event i.
func (rp replayed) before(i int) history.State {
	if i == 0 {
		return rp.start
	}
	return rp.states[i-1]
}

// on returns the state as of day on: after the last event on or before it.
func (rp replayed) on(day cert.Date) history.State {
	st := rp.start
	for i, e := range rp.events {
		if e.Day().After(day) {
			break
		}
		st = rp.states[i]
	}
	return st
}

// build tells the timeline of the holder mcid on today from log, an event
// log, oldest first, that a replay under r as of today accepts once the
// events of refused are left out. shows says what each title of the sample
// is there for. The decisions on days after today are made on the state of
// today: nothing happens after it.
func build(r history.Replayer, mcid string, log []history.Event, refused []*history.EventError, today cert.Date, shows map[cert.ID]phrase) (timeline, error) {
	reached := upTo(log, today)
	var events []history.Event
	for i, e := range reached {
		if !slices.ContainsFunc(refused, func(x *history.EventError) bool { return x.Index == i }) {
			events = append(events, e)
		}
	}
	rp, err := replayEach(r, mcid, events, today)
	if err != nil {
		return timeline{}, err
	}
	st := rp.on(today)
	tl := timeline{Today: today, MCID: st.Profile.MCID, Learn: st.Profile.Learn, Merged: st.Merged,
		Later: len(log) - len(reached), Credentials: []lifecycle{},
		agenda: agenda.Planner{Policy: r.Policy, Catalog: r.Catalog}.Agenda(st, today)}
	for i, e := range events {
		if e.Kind == history.Linked && !rp.before(i).Profile.IsLinked() && rp.states[i].Profile.IsLinked() {
			tl.Linked = e.Day()
			break
		}
	}
	for _, cr := range st.Profile.Credentials {
		c, ok := r.Catalog.Lookup(cr.Cert)
		if !ok {
			return timeline{}, fail(wErrNotInCatalog, cr.Cert)
		}
		lc := rp.lifecycle(r.Policy, c, today)
		lc.Shows = shows[c.ID]
		tl.Credentials = append(tl.Credentials, lc)
	}
	return tl, nil
}

// lifecycle tells the timeline of the title c, which the state on today
// holds.
func (rp replayed) lifecycle(p policy.Policy, c cert.Certification, today cert.Date) lifecycle {
	lc := lifecycle{Cert: c.ID, Name: c.Name, Level: c.Level}
	first := -1 // the event that gave the holder the title
	for i, e := range rp.events {
		// The cycle an event ends comes first, so that a window opening
		// on the day of the pass that renews it is told before the pass.
		before, after := rp.before(i), rp.states[i]
		was, held := before.Profile.Credential(c.ID)
		now, _ := after.Profile.Credential(c.ID)
		switch {
		case now == was:
		case !held:
			first = i
		case e.Kind == history.Attempted:
			lc.cycle(p, c, was, e.Day()) // renewed: the cycle ends on the day of the pass
		case was.ActiveOn(e.Day()):
			lc.cycle(p, c, was, e.Day()) // replaced by a merge while active (RULES P2): its cycle ends that day
		default:
			lc.lastCycle(p, c, was) // replaced after it expired: earned again (RULES N6), or by a merge
		}
		lc.tell(p, c, e, before, after)
	}
	st := rp.on(today)
	cur, _ := st.Profile.Credential(c.ID)
	lc.lastCycle(p, c, cur)
	lc.Earlier = st.EarlierOf(c.ID)
	lc.current = cur

	// Decide on the days worth it in the first credential's first cycle,
	// and on today, each on the state as of that day.
	from := rp.events[first].Day()
	days := append(chosenDays(p.Eligibility(rp.states[first].Profile, c, from), from), today)
	slices.SortFunc(days, cert.Date.Compare)
	for _, day := range slices.Compact(days) {
		st := rp.on(day)
		cr, _ := st.Profile.Credential(c.ID)
		lc.Decisions = append(lc.Decisions, decision{On: day, Decision: p.Eligibility(st.Profile, c, day), Expires: cr.Expires})
	}
	lc.NextReminder = nextReminder(p, c, cur, today)
	return lc
}

// tell adds what event e did to the title c under p, which took the state
// before to the state after, if it did anything.
func (lc *lifecycle) tell(p policy.Policy, c cert.Certification, e history.Event, before, after history.State) {
	was, held := before.Profile.Credential(c.ID)
	now, _ := after.Profile.Credential(c.ID)
	switch {
	case e.Kind == history.Earned && e.Cert == c.ID && held:
		lc.add(e.On, say(wEarnedAgain, now.Expires))
	case e.Kind == history.Earned && e.Cert == c.ID:
		lc.add(e.On, earnedText(before.Profile, c, e.On))
		if now.Expires.IsZero() {
			lc.add(e.On, say(wNeverExpires))
		}
	case e.Kind == history.Attempted && e.Cert == c.ID:
		cy, _ := before.Cycle(c.ID)
		var retake phrase
		if cy.Len() > 0 {
			// A retake: at once (RULES A2), or once the wait is over (RULES A3).
			prev := cy.At(cy.Len() - 1).At
			// The rule is that of the title's program in force on the
			// day of the retake (RULES G5, G7, G8).
			rule := p.For(c).At(e.Day()).RenewalRetakes()
			if next, _ := rule.Next(cy.Attempts()); next.Equal(prev) {
				retake = say(wRetakeAtOnce)
			} else {
				retake = say(wRetakeFrom, moment(next))
			}
		}
		outcome, m := say(wFailed), markFailed
		if e.Passed {
			outcome, m = say(wPassed, now.Expires, was.Expires), markRenewal
		}
		lc.insert(event{Day: e.Day(), What: say(wAttempt, cy.Len()+1, clock(e.At), retake, outcome), mark: m, of: was.Earned})
	case e.Kind == history.Merged:
		if now != was {
			lc.add(e.On, say(wMergedIn, e.MCID, now.Earned, expiresText(now.Expires)))
		}
		for _, cy := range after.Earlier[len(before.Earlier):] {
			if cr := cy.Credential(); cr.Cert == c.ID && cr != was {
				lc.add(e.On, say(wMergedEarlier, e.MCID, cr.Earned, expiresText(cr.Expires)))
			}
		}
	}
}

// expiresText says when a credential expires: on day d, or never for the
// zero Date.
func expiresText(d cert.Date) phrase {
	if d.IsZero() {
		return say(wExpiresNever)
	}
	return say(wExpiresOn, d)
}

// earnedText says that c was earned on day on, naming the prerequisite of
// c that pr holds active that day, for an expert title (RULES R1).
func earnedText(pr cert.Profile, c cert.Certification, on cert.Date) phrase {
	for _, id := range c.Prerequisites {
		if cr, ok := pr.Credential(id); ok && cr.ActiveOn(on) {
			return say(wEarnedWith, id)
		}
	}
	return say(wEarned)
}

// nextReminder returns the first reminder of cr's current cycle on or after
// today, or the zero Date when none is left (RULES M2, M3).
func nextReminder(p policy.Policy, c cert.Certification, cr cert.Credential, today cert.Date) cert.Date {
	var buf [policy.MaxReminders]cert.Date
	for _, day := range p.AppendReminders(buf[:0], c, cr) {
		if !day.Before(today) {
			return day
		}
	}
	return cert.Date{}
}

// chosenDays returns the days worth a decision in a credential's first
// cycle: the day before the holder can renew, the first day they can, the
// last day, and the expiry.
func chosenDays(d policy.Decision, earned cert.Date) []cert.Date {
	if d.Window.IsZero() {
		return []cert.Date{earned}
	}
	from := d.EligibleFrom
	if from.IsZero() { // no day of the window to renew on: decide from its opening
		from = d.Window.Opens
	}
	return []cert.Date{from.AddDays(-1), from, d.Window.Last(), d.Window.Closes}
}

// lastCycle adds the events of the last cycle of cr, one that ends without
// a renewal: its window, its reminders and its expiry. A credential that
// never expires has none.
func (lc *lifecycle) lastCycle(p policy.Policy, c cert.Certification, cr cert.Credential) {
	if cr.Expires.IsZero() {
		return
	}
	lc.cycle(p, c, cr, cert.Date{})
	lc.plan(cr.Expires, say(wExpires))
}

// cycle adds the events of cr's current renewal window: its opening, the
// first day the holder can renew if later (RULES E3), and the reminders.
// When the cycle ends on day ends, with a renewal on that day or with the
// credential replaced by a merge, nothing after that day is told, and
// reminders on or after it are not sent (RULES M3).
func (lc *lifecycle) cycle(p policy.Policy, c cert.Certification, cr cert.Credential, ends cert.Date) {
	add := func(day cert.Date, what phrase) {
		if ends.IsZero() || !day.After(ends) {
			lc.plan(day, what)
		}
	}
	var buf [policy.MaxReminders]cert.Date
	opens := windowOpens(p, c, cr)
	add(opens, say(wWindowOpens, cr.Expires))
	if ends.IsZero() || !opens.After(ends) {
		w := stretch{Of: cr.Earned, From: opens, To: cr.Expires}
		if !ends.IsZero() && ends.Before(cr.Expires) {
			w.To = ends.AddDays(1) // the window to the day that ends the cycle
		}
		lc.windows = append(lc.windows, w)
	}
	pr := cert.Profile{Learn: "linked", Credentials: []cert.Credential{cr}}
	switch from := p.Eligibility(pr, c, opens).EligibleFrom; {
	case from.IsZero():
		add(opens, say(wNotOffered))
	case from.After(opens):
		add(from, say(wOffered))
	}
	for i, day := range p.AppendReminders(buf[:0], c, cr) {
		if !ends.IsZero() && !day.Before(ends) {
			break
		}
		lc.insert(event{Day: day, What: say(wReminder, i+1), planned: true, mark: markReminder, of: cr.Earned})
	}
}

// windowOpens returns the day the renewal window of cr's current expiry
// opens, in months or in days (RULES E2, G2), under the policy of c's
// program (RULES G8) in force on that day (RULES G7): the window that the
// version in force the day before the expiry draws, drawn again by the
// version in force on its first day.
func windowOpens(p policy.Policy, c cert.Certification, cr cert.Credential) cert.Date {
	q := p.For(c)
	pr := cert.Profile{Credentials: []cert.Credential{cr}}
	opens := q.At(cr.Expires.AddDays(-1)).Eligibility(pr, c, cr.Earned).Window.Opens
	if w := q.At(opens).Eligibility(pr, c, cr.Earned).Window; !w.IsZero() {
		opens = w.Opens
	}
	return opens
}

// add appends an event, keeping the events in order of day.
func (lc *lifecycle) add(day cert.Date, what phrase) {
	lc.insert(event{Day: day, What: what})
}

// plan adds a planned event, keeping the events in order of day.
func (lc *lifecycle) plan(day cert.Date, what phrase) {
	lc.insert(event{Day: day, What: what, planned: true})
}

// insert inserts e after the events on or before its day.
func (lc *lifecycle) insert(e event) {
	i := len(lc.Events)
	for i > 0 && lc.Events[i-1].Day.After(e.Day) {
		i--
	}
	lc.Events = slices.Insert(lc.Events, i, e)
}

// unnamed is a title with no name: the table's sentences say "this
// certification", under the heading that names it.
var unnamed cert.Certification

// explainDecisions sets the explanation of each decision of tl, in l,
// naming its title.
func (tl *timeline) explainDecisions(l explain.Language) {
	for _, lc := range tl.Credentials {
		c := cert.Certification{ID: lc.Cert, Name: lc.Name, Level: lc.Level}
		for i := range lc.Decisions {
			d := &lc.Decisions[i]
			d.Explanation = explain.Decision(l, c, d.Decision, d.On)
		}
	}
}

// print writes the timeline as a table, in the words of l. The sentences
// of decisions, agenda items and refusals are package explain's.
func (tl timeline) print(w io.Writer, l explain.Language) {
	line := func(p phrase) { fmt.Fprintln(w, p.in(l)) }
	switch {
	case tl.Learn == "":
		line(say(wHolder, tl.MCID, tl.Today))
	case tl.Linked.IsZero():
		line(say(wHolderLinked, tl.MCID, tl.Learn, tl.Today))
	default:
		line(say(wHolderLinkedOn, tl.MCID, tl.Learn, tl.Linked, tl.Today))
	}
	if len(tl.Merged) > 0 {
		line(say(wMerged, strings.Join(tl.Merged, say(wListSep).in(l))))
	}
	switch tl.Later {
	case 0:
	case 1:
		line(say(wLaterOne, tl.Today))
	default:
		line(say(wLaterMany, tl.Later, tl.Today))
	}
	var g grid
	row := func(cells ...any) {
		text := make([]string, len(cells))
		for i, c := range cells {
			if p, ok := c.(phrase); ok {
				c = p.in(l)
			}
			text[i] = fmt.Sprint(c)
		}
		g.add(text...)
	}
	indent := func(p phrase) phrase { return say(wVerbatim, "  "+p.in(l)) }
	day := func(d cert.Date) phrase { return indent(say(wVerbatim, d)) }
	for _, lc := range tl.Credentials {
		row()
		if lc.Shows.IsZero() {
			row(say(wTitle, lc.Name, lc.Level, lc.Cert))
		} else {
			row(say(wTitleShows, lc.Name, lc.Level, lc.Cert, lc.Shows))
		}
		// What happened up to today, then what comes next.
		for _, e := range lc.Events {
			if !e.planned || e.Day.Before(tl.Today) {
				row(day(e.Day), e.What)
			}
		}
		row(day(tl.Today), say(wToday))
		for _, it := range tl.agenda {
			if it.Cert == lc.Cert {
				row(day(it.On), explain.Item(l, unnamed, it))
			}
		}
		row(indent(say(wDecisions)))
		for _, d := range lc.Decisions {
			on := day(d.On)
			if d.On == tl.Today {
				on = indent(say(wOnToday, d.On))
			}
			row(on, d.Reason, explain.Decision(l, unnamed, d.Decision, d.On))
		}
		if !lc.NextReminder.IsZero() {
			row(indent(say(wNextReminder, lc.NextReminder, inDays(lc.NextReminder.DaysSince(tl.Today)))))
		}
		if len(lc.Earlier) > 0 {
			row(indent(say(wEarlier)))
			for _, cy := range lc.Earlier {
				row(day(cy.Credential().Earned), earlierText(cy, tl.Today))
			}
		}
	}
	if tl.Refused != nil {
		row()
		row(say(wRefused))
		if len(tl.Refused) == 0 {
			row(indent(say(wNone)))
		}
		for _, e := range tl.Refused {
			row(day(e.Event.Day()), tell(l, e.err))
		}
	}
	g.write(w)
}

// earlierText says what became of an earlier credential, as of today, and
// what its last cycle held: "earned; expired 2026-07-01; its last cycle: a
// failed attempt".
func earlierText(cy assessment.Cycle, today cert.Date) phrase {
	cr := cy.Credential()
	status := say(wStatusExpired, cr.Expires)
	switch {
	case cr.Expires.IsZero():
		status = say(wStatusNever)
	case cr.Expires.After(today):
		status = say(wStatusExpires, cr.Expires)
	}
	last := say(wCycleFailed, failures(cy.Len()))
	switch n := cy.Len(); {
	case n == 0:
		last = say(wCycleNone)
	case cy.Passed():
		last = say(wCyclePassed, n)
	}
	return say(wEarlierCred, status, last)
}

// inDays says when a day n days from today is: "today", "in 1 day", "in 7
// days".
func inDays(n int) phrase {
	switch n {
	case 0:
		return say(wDueToday)
	case 1:
		return say(wInOneDay)
	}
	return say(wInDays, n)
}

package main

import (
	"slices"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/history"
)

// The sample holder's story is placed around the day it is decided on, so
// that on every day it shows the same live picture. These are its distances
// from that day.
const (
	// renewedAgo is how many days before today the associate was last
	// renewed, and intoWindow how many days after each of its windows
	// opened it was renewed; maxRenewals bounds how many renewals the
	// story goes back.
	renewedAgo, intoWindow, maxRenewals = 30, 21, 3

	// reminderIn is how many days after today the expert's next reminder
	// falls at the latest: "soon".
	reminderIn = 7

	// openFor is how many days the specialty's window has been open, at
	// most: a third of the window when that is shorter.
	openFor = 60

	// lapsedAgo and againAgo are how many months before today the second
	// associate expired and was earned again.
	lapsedAgo, againAgo = 5, 3

	// fundamentalsAgo is how many months before today the fundamentals
	// title was earned.
	fundamentalsAgo = 36
)

// The sample holder's MCID and Learn profile.
const (
	sampleMCID = "1000001"
	learn      = "ada@example.com"
)

// The titles of the story, each for one situation.
const (
	fundamentalsID cert.ID = "azure-fundamentals"        // a title that never expires
	renewedID      cert.ID = "azure-administrator"       // renewed, and the expert's prerequisite
	expertID       cert.ID = "azure-solutions-architect" // an expert with a reminder due soon
	openID         cert.ID = "azure-iot-developer"       // a window open today
	againID        cert.ID = "azure-security-engineer"   // expired, then earned again by exam
)

// azureFundamentals is a fundamentals title, which never expires (RULES V1).
// The roadmap lists none, so the sample adds this one to its catalog.
var azureFundamentals = cert.Certification{
	ID:    fundamentalsID,
	Name:  "Microsoft Certified: Azure Fundamentals",
	Level: cert.Fundamentals,
}

// catalog returns the roadmap with the fundamentals title first.
func catalog() cert.Catalog {
	c, err := storyCatalog(cert.Roadmap())
	if err != nil {
		panic(err) // the roadmap and one literal: a bug, not an input
	}
	return c
}

// storyCatalog returns the catalog the sample story is told in from cat:
// cat itself, with the fundamentals title first where cat lacks a title of
// that ID, as the roadmap does. It refuses a catalog that lacks one of the
// story's other titles, which it cannot stand in for, naming them all.
func storyCatalog(cat cert.Catalog) (cert.Catalog, error) {
	var missing []string
	for _, id := range []cert.ID{renewedID, expertID, openID, againID} {
		if _, ok := cat.Lookup(id); !ok {
			missing = append(missing, string(id))
		}
	}
	if len(missing) > 0 {
		return cert.Catalog{}, fail(wErrStoryTitles, list(missing))
	}
	if _, ok := cat.Lookup(fundamentalsID); ok {
		return cat, nil
	}
	certs := []cert.Certification{azureFundamentals}
	for c := range cat.All() {
		certs = append(certs, c)
	}
	return cert.NewCatalog(certs...)
}

// sample returns the sample holder's event log under p and the catalog
// cat, for the holder mcid, with every day chosen from today by date
// arithmetic so that, replayed as of today:
//   - the Azure Administrator Associate has been renewed, by passing its
//     renewal assessment, in each of its last windows that the policy
//     allowed, up to three, the last renewal a month ago after two failed
//     attempts the day before; its next window opens later (RULES N1, N3,
//     A2, A3);
//   - the Azure Solutions Architect Expert was earned while that associate,
//     its prerequisite, was active (RULES R1), and a reminder is due
//     within a week: under Microsoft's policy its first, on the day its
//     window opens (RULES M2);
//   - the window of the Azure IoT Developer Specialty is open (RULES E2);
//   - the Azure Security Engineer Associate failed an attempt in its
//     window, expired five months ago without a renewal and was earned
//     again by exam three months ago (RULES N6): the expired credential is
//     an earlier one;
//   - the Azure Fundamentals title, earned three years ago, never expires
//     (RULES V1);
//   - the profile is linked to a Learn profile from the first day of the
//     story (RULES E4).
//
// Each credential is earned on the day whose expiry under p is the target
// day of its situation. Where p's terms give no earn day that expires then
// (a longer term that starts later leaves a gap between the expiries it
// can give), the nearest expiry for which the situation still holds is
// taken, and the associate's earliest renewals are left out if need be. A
// failed attempt that p does not accept on its day (its window not open, or
// its renewal assessment not yet offered, RULES E3; a retake rule that
// would delay the pass) is left out. sample refuses a day or a policy on
// which the story cannot hold, saying why in one sentence; it replays the
// log with [history.Replayer] and returns the refusal if there is one.
// [timeline.check] checks what the replayed log shows.
func sample(p policy.Policy, cat cert.Catalog, mcid string, today cert.Date) (story, error) {
	title := func(id cert.ID) cert.Certification {
		c, _ := cat.Lookup(id)
		return c
	}
	linked := func(cr cert.Credential) cert.Profile {
		return cert.Profile{Learn: learn, Credentials: []cert.Credential{cr}}
	}

	// The renewed associate. Going back from the last renewal, each
	// renewal was passed intoWindow days after its window opened; a
	// renewal goes in only if the policy allows it on that day (it must
	// not come before the renewal assessment was offered, RULES E3).
	admin := title(renewedID)
	var renewals []cert.Date
	var renewedFrom []cert.Date // the expiry each renewal renewed
	on := today.AddDays(-renewedAgo)
	expires := plusWindow(p.At(on), on.AddDays(-intoWindow))
	for len(renewals) < maxRenewals {
		if on.IsZero() || expires.IsZero() {
			if len(renewals) == 0 {
				return story{}, fail(wErrRange)
			}
			break
		}
		probe := cert.Credential{Cert: admin.ID, Earned: on, Expires: expires}
		if d := p.Eligibility(linked(probe), admin, on); !d.Eligible {
			if len(renewals) == 0 {
				var from phrase
				if d.EligibleFrom.After(on) {
					from = say(wErrRenewalFrom, d.EligibleFrom)
				}
				return story{}, fail(wErrNotRenewed, admin.ID, on, renewedAgo, d.Reason, from)
			}
			break
		}
		renewals = append([]cert.Date{on}, renewals...)
		renewedFrom = append([]cert.Date{expires}, renewedFrom...)
		// The renewal before: the version in force on its day
		// (RULES G7) gave the expiry it renewed, from the expiry before
		// it or from its own day (RULES N1, G4).
		if q := p.At(expires); q.ExtendFrom == policy.FromPass {
			on = expires.AddMonths(-q.ExtensionMonths)
			expires = plusWindow(p.At(on), on.AddDays(-intoWindow))
		} else {
			expires = expires.AddMonths(-q.ExtensionMonths)
			on = minusWindow(q, expires).AddDays(intoWindow)
		}
	}

	// The expert: its first reminder falls reminderIn days from today, on
	// the day its window opens or on the first of the policy's days before
	// expiry that lies inside a window; where the terms give no such
	// expiry, any reminder in those days will do.
	expert := title(expertID)
	soon := today.AddDays(reminderIn)
	var expertExpires cert.Date
	if q := p.At(soon); q.Schedule.AtFirstEligibleDay || q.Schedule.AtWindowOpens {
		expertExpires = plusWindow(q, soon)
	} else {
		for _, k := range q.Schedule.DaysBefore {
			if x := soon.AddDays(k); !x.IsZero() && !soon.Before(minusWindow(q, x)) {
				expertExpires = x
				break
			}
		}
		if expertExpires.IsZero() {
			return story{}, fail(wErrNoReminder)
		}
	}
	expertCred, ok := nearest(p, expert, expertExpires, func(cr cert.Credential) bool {
		r := nextReminder(p, expert, cr, today)
		return cr.ActiveOn(today) && !r.IsZero() && r.DaysSince(today) <= reminderIn
	})
	if !ok {
		return story{}, noEarnDay(expert, say(wNeedsReminder, reminderIn, today), expertExpires)
	}

	// The associate is earned no later than the expert, whose prerequisite
	// it is, and renewed on the days planned above: its first expiry moves
	// from the one planned where that is needed, within the slack of its
	// windows, and where no earn day fits the earliest renewals are left
	// out, the last one kept.
	var adminCred cert.Credential
	for len(renewals) > 0 {
		adminCred, ok = nearest(p, admin, renewedFrom[0], func(cr cert.Credential) bool {
			if cr.Earned.After(expertCred.Earned) {
				return false
			}
			for _, day := range renewals {
				if !p.Eligibility(linked(cr), admin, day).Eligible {
					return false
				}
				cr.Expires = renewed(p, cr.Expires, day)
			}
			return cr.ActiveOn(today)
		})
		if ok {
			break
		}
		if len(renewals) == 1 {
			return story{}, noEarnDay(admin, say(wNeedsEarned, expertCred.Earned, renewals[0]), renewedFrom[0])
		}
		renewals, renewedFrom = renewals[1:], renewedFrom[1:]
	}

	// The specialty whose window is open: it opened openFor days ago, or
	// a third of the window ago when that is less.
	open := title(openID)
	q := p.At(today)
	back := min(openFor, plusWindow(q, today).DaysSince(today)/3)
	target := plusWindow(q, today.AddDays(-back))
	openCred, ok := nearest(p, open, target, func(cr cert.Credential) bool {
		return p.Eligibility(linked(cr), open, today).Eligible
	})
	if !ok {
		return story{}, noEarnDay(open, say(wNeedsOpen, today), target)
	}

	// The associate that lapsed and was earned again.
	again := title(againID)
	againOn := today.AddMonths(-againAgo)
	lapsed := today.AddMonths(-lapsedAgo)
	lapsedCred, ok := nearest(p, again, lapsed, func(cr cert.Credential) bool {
		return !cr.Expires.After(againOn)
	})
	if !ok {
		return story{}, noEarnDay(again, say(wNeedsExpire, againOn), lapsed)
	}

	// The log: each title earned on its day, the profile linked on the day
	// of the first, each renewal a pass at the renewal assessment at 10:00
	// on its day, and the second associate earned again.
	log := []history.Event{
		history.Earn(fundamentalsID, today.AddMonths(-fundamentalsAgo)),
		history.Earn(renewedID, adminCred.Earned),
		history.Earn(expertID, expertCred.Earned),
		history.Earn(openID, openCred.Earned),
		history.Earn(againID, lapsedCred.Earned),
		history.Earn(againID, againOn),
	}
	for _, on := range renewals {
		log = append(log, attempt(renewedID, on, 10, 0, true))
	}
	log = inOrder(log)
	log = slices.Insert(log, 1, history.Link(learn, log[0].Day()))
	r := history.Replayer{Policy: p, Catalog: cat}
	if _, err := r.Replay(mcid, log, today); err != nil {
		return story{}, err
	}

	// The attempts that failed, each kept where the policy accepts it:
	// two the day before the associate's last renewal, the second a
	// retake at once (RULES A2) and the pass the next day after the wait
	// (RULES A3), or else only the first; and one in the lapsed
	// associate's window, intoWindow days after it opened, never retaken.
	last := renewals[len(renewals)-1].AddDays(-1)
	failed := 0
	for _, extra := range [][]history.Event{
		{attempt(renewedID, last, 9, 0, false), attempt(renewedID, last, 9, 40, false)},
		{attempt(renewedID, last, 9, 0, false)},
	} {
		if next, ok := accepted(r, mcid, today, log, extra); ok {
			log, failed = next, len(extra)
			break
		}
	}
	lapsedFail := minusWindow(p.At(lapsedCred.Expires), lapsedCred.Expires).AddDays(intoWindow)
	next, lapsedFailed := accepted(r, mcid, today, log, []history.Event{attempt(againID, lapsedFail, 9, 0, false)})
	if lapsedFailed {
		log = next
	}

	var after phrase
	if failed > 0 {
		after = say(wShowsAfter, failures(failed))
	}
	againShows := say(wShowsLapsed)
	if lapsedFailed {
		againShows = say(wShowsLapsedFailed)
	}
	return story{log: log, shows: map[cert.ID]phrase{
		fundamentalsID: say(wShowsFundamentals),
		renewedID:      say(wShowsRenewed, times(len(renewals)), renewedAgo, after),
		expertID:       say(wShowsExpert),
		openID:         say(wShowsOpen),
		againID:        againShows,
	}}, nil
}

// plusWindow returns the expiry whose renewal window, under the plain
// policy q, opens on day d: d plus q's window, in days or in months (RULES
// E2, G2).
func plusWindow(q policy.Policy, d cert.Date) cert.Date {
	if q.WindowDays > 0 {
		return d.AddDays(q.WindowDays)
	}
	return d.AddMonths(q.WindowMonths)
}

// minusWindow returns the day the renewal window of the expiry x opens
// under the plain policy q (RULES E2, G2).
func minusWindow(q policy.Policy, x cert.Date) cert.Date {
	if q.WindowDays > 0 {
		return x.AddDays(-q.WindowDays)
	}
	return x.AddMonths(-q.WindowMonths)
}

// renewed returns the expiry that a renewal on day on gives a credential
// expiring on x, under the version of p in force that day (RULES N1, G4,
// G7), as [policy.Policy.Renew] does.
func renewed(p policy.Policy, x, on cert.Date) cert.Date {
	q := p.At(on)
	if q.ExtendFrom == policy.FromPass {
		return on.AddMonths(q.ExtensionMonths)
	}
	return x.AddMonths(q.ExtensionMonths)
}

// A story is the sample holder's event log, oldest first, and for each
// title the situation it is in the story for.
type story struct {
	log   []history.Event
	shows map[cert.ID]phrase
}

// zone is the time zone of the sample's attempts, UTC+8; the day of an
// attempt is its day there (RULES D4).
var zone = time.FixedZone("UTC+8", 8*60*60)

// attempt returns the event of an attempt at id's renewal assessment at
// hour:minute on day on, in zone.
func attempt(id cert.ID, on cert.Date, hour, minute int, passed bool) history.Event {
	y, m, d := on.Date()
	return history.Attempt(id, assessment.Attempt{At: time.Date(y, m, d, hour, minute, 0, 0, zone), Passed: passed})
}

// inOrder sorts log by day, keeping the order of the events of a day.
func inOrder(log []history.Event) []history.Event {
	slices.SortStableFunc(log, func(a, b history.Event) int { return a.Day().Compare(b.Day()) })
	return log
}

// accepted returns log with the events extra in their places, and whether
// a replay as of today accepts it.
func accepted(r history.Replayer, mcid string, today cert.Date, log, extra []history.Event) ([]history.Event, bool) {
	next := inOrder(append(slices.Clip(log), extra...))
	if _, err := r.Replay(mcid, next, today); err != nil {
		return log, false
	}
	return next, true
}

// failures says how many failed attempts: "a failed attempt", "2 failed
// attempts".
func failures(n int) phrase {
	if n == 1 {
		return say(wFailedOne)
	}
	return say(wFailedMany, n)
}

// maxShift is how many days from its target the expiry of a credential of
// the story may move, where the policy's terms leave no earn day for the
// target itself.
const maxShift = 1200

// nearest returns the credential of c, earned under p, whose expiry is the
// nearest day to target for which ok holds, earlier days first, and whether
// there is one within maxShift days. See [earnedFor].
func nearest(p policy.Policy, c cert.Certification, target cert.Date, ok func(cert.Credential) bool) (cert.Credential, bool) {
	for shift := 0; shift <= maxShift; shift++ {
		for _, x := range [2]cert.Date{target.AddDays(-shift), target.AddDays(shift)} {
			if e := earnedFor(p, c, x); !e.IsZero() {
				if cr := (cert.Credential{Cert: c.ID, Earned: e, Expires: p.Expiry(c, e)}); ok(cr) {
					return cr, true
				}
			}
		}
	}
	return cert.Credential{}, false
}

// earnedFor returns the latest day on which a credential of c, earned under
// p, expires on the day expires, or up to three days before it where adding
// months clamps to a shorter month (RULES D3); or the zero Date when there
// is none. The term in force depends on the day earned (RULES V4, G7), so
// it tries the months of each term of each version.
func earnedFor(p policy.Policy, c cert.Certification, expires cert.Date) cert.Date {
	var best cert.Date
	terms := p.Terms
	for _, v := range p.Versions {
		terms = append(slices.Clip(terms), v.Policy.Terms...) // each version's terms too (RULES G7)
	}
	for _, t := range terms {
		e := expires.AddMonths(-t.Months)
		x := p.Expiry(c, e)
		if e.IsZero() || x.IsZero() || x.After(expires) || expires.DaysSince(x) > 3 {
			continue
		}
		if e.After(best) {
			best = e
		}
	}
	return best
}

// noEarnDay says that no earn day of c, with an expiry near target, lets
// it do what the story needs.
func noEarnDay(c cert.Certification, needs phrase, target cert.Date) error {
	return fail(wErrNoEarnDay, maxShift, target, c.ID, needs)
}

// check reports why tl does not show, on its day, the two situations that
// depend on the policy's window and reminders as well as on its
// operations: the specialty's window open, and a reminder of the expert due
// within reminderIn days. The others hold once the log replays without a
// refusal.
func (tl timeline) check() error {
	for _, h := range tl.Credentials {
		switch h.Cert {
		case openID:
			if d, _ := h.decision(tl.Today); d.Reason != policy.Eligible {
				return fail(wErrNotOpen, h.Cert, tl.Today, d.Reason)
			}
		case expertID:
			if n := h.NextReminder.DaysSince(tl.Today); h.NextReminder.IsZero() || n > reminderIn {
				return fail(wErrNoReminderSoon, h.Cert, reminderIn, tl.Today)
			}
		}
	}
	return nil
}

// times says how many times: "once", "twice", "3 times".
func times(n int) phrase {
	switch n {
	case 1:
		return say(wOnce)
	case 2:
		return say(wTwice)
	}
	return say(wTimes, n)
}

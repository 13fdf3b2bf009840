package main

import (
	"fmt"
	"strconv"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
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
	certs := []cert.Certification{azureFundamentals}
	for c := range cert.Roadmap().All() {
		certs = append(certs, c)
	}
	c, err := cert.NewCatalog(certs...)
	if err != nil {
		panic(err) // the roadmap and one literal: a bug, not an input
	}
	return c
}

// sample returns the sample holder's story under p, with every day chosen
// from today by date arithmetic so that on today:
//   - the Azure Administrator Associate has been renewed in each of its
//     last windows that the policy allowed, up to three, the last renewal a
//     month ago; its next window opens later (RULES N1, N3);
//   - the Azure Solutions Architect Expert was earned while that associate,
//     its prerequisite, was active (RULES R1), and a reminder is due
//     within a week: under Microsoft's policy its first, on the day its
//     window opens (RULES M2);
//   - the window of the Azure IoT Developer Specialty is open (RULES E2);
//   - the Azure Security Engineer Associate expired five months ago without
//     a renewal and was earned again by exam three months ago (RULES N6);
//   - the Azure Fundamentals title, earned three years ago, never expires
//     (RULES V1).
//
// Each credential is earned on the day whose expiry under p is the target
// day of its situation. Where p's terms give no earn day that expires then
// (a longer term that starts later leaves a gap between the expiries it
// can give), the nearest expiry for which the situation still holds is
// taken, and the associate's earliest renewals are left out if need be. sample refuses a day or a
// policy on which the story cannot hold, saying why in one sentence. [build]
// replays the story through the policy's own operations, and
// [timeline.check] checks what it shows.
func sample(p policy.Policy, today cert.Date) (plan, error) {
	cat := catalog()
	title := func(id cert.ID) cert.Certification {
		c, _ := cat.Lookup(id)
		return c
	}
	linked := func(cr cert.Credential) cert.Profile {
		return cert.Profile{Learn: "ada@example.com", Credentials: []cert.Credential{cr}}
	}
	pl := plan{mcid: "1000001", learn: "ada@example.com", catalog: cat}

	// The renewed associate. Going back from the last renewal, each
	// renewal was passed intoWindow days after its window opened; a
	// renewal goes in only if the policy allows it on that day (it must
	// not come before the renewal assessment was offered, RULES E3).
	admin := title(renewedID)
	var renewals []cert.Date
	var renewedFrom []cert.Date // the expiry each renewal renewed
	on := today.AddDays(-renewedAgo)
	expires := on.AddDays(-intoWindow).AddMonths(p.WindowMonths)
	for len(renewals) < maxRenewals {
		if on.IsZero() || expires.IsZero() {
			if len(renewals) == 0 {
				return plan{}, fmt.Errorf("its days would fall outside 0001-01-01..9999-12-31")
			}
			break
		}
		probe := cert.Credential{Cert: admin.ID, Earned: on, Expires: expires}
		if d := p.Eligibility(linked(probe), admin, on); !d.Eligible {
			if len(renewals) == 0 {
				from := ""
				if d.EligibleFrom.After(on) {
					from = " (renewal from " + d.EligibleFrom.String() + ")"
				}
				return plan{}, fmt.Errorf("%s cannot have been renewed on %s, %d days before, as the story needs: the policy says %s%s",
					admin.ID, on, renewedAgo, d.Reason, from)
			}
			break
		}
		renewals = append([]cert.Date{on}, renewals...)
		renewedFrom = append([]cert.Date{expires}, renewedFrom...)
		expires = expires.AddMonths(-p.ExtensionMonths)
		on = expires.AddMonths(-p.WindowMonths).AddDays(intoWindow)
	}

	// The expert: its first reminder falls reminderIn days from today, on
	// the day its window opens or on the first of the policy's days before
	// expiry that lies inside a window; where the terms give no such
	// expiry, any reminder in those days will do.
	expert := title(expertID)
	soon := today.AddDays(reminderIn)
	var expertExpires cert.Date
	if p.Schedule.AtFirstEligibleDay {
		expertExpires = soon.AddMonths(p.WindowMonths)
	} else {
		for _, k := range p.Schedule.DaysBefore {
			if x := soon.AddDays(k); !x.IsZero() && !soon.Before(x.AddMonths(-p.WindowMonths)) {
				expertExpires = x
				break
			}
		}
		if expertExpires.IsZero() {
			return plan{}, fmt.Errorf("the policy sends no reminder inside a renewal window, so none can be due soon")
		}
	}
	expertCred, ok := nearest(p, expert, expertExpires, func(cr cert.Credential) bool {
		r := nextReminder(p, expert, cr, today)
		return cr.ActiveOn(today) && !r.IsZero() && r.DaysSince(today) <= reminderIn
	})
	if !ok {
		return plan{}, noEarnDay(expert, fmt.Sprintf("have a reminder due in the %d days from %s", reminderIn, today), expertExpires)
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
				cr.Expires = cr.Expires.AddMonths(p.ExtensionMonths)
			}
			return cr.ActiveOn(today)
		})
		if ok {
			break
		}
		if len(renewals) == 1 {
			return plan{}, noEarnDay(admin, "be earned by "+expertCred.Earned.String()+", the expert's earn day, and renewed on "+renewals[0].String(), renewedFrom[0])
		}
		renewals, renewedFrom = renewals[1:], renewedFrom[1:]
	}

	// The specialty whose window is open: it opened openFor days ago, or
	// a third of the window ago when that is less.
	open := title(openID)
	back := min(openFor, today.AddMonths(p.WindowMonths).DaysSince(today)/3)
	target := today.AddDays(-back).AddMonths(p.WindowMonths)
	openCred, ok := nearest(p, open, target, func(cr cert.Credential) bool {
		return p.Eligibility(linked(cr), open, today).Eligible
	})
	if !ok {
		return plan{}, noEarnDay(open, "have a renewal window open on "+today.String(), target)
	}

	// The associate that lapsed and was earned again.
	again := title(againID)
	againOn := today.AddMonths(-againAgo)
	lapsed := today.AddMonths(-lapsedAgo)
	lapsedCred, ok := nearest(p, again, lapsed, func(cr cert.Credential) bool {
		return !cr.Expires.After(againOn)
	})
	if !ok {
		return plan{}, noEarnDay(again, "expire by "+againOn.String(), lapsed)
	}

	pl.earned = []earning{
		{cert: fundamentalsID, on: today.AddMonths(-fundamentalsAgo),
			shows: "a fundamentals title, which never expires"},
		{cert: renewedID, on: adminCred.Earned, renewed: renewals,
			shows: "renewed " + times(len(renewals)) + ", the last " + strconv.Itoa(renewedAgo) + " days ago; the prerequisite of the expert"},
		{cert: expertID, on: expertCred.Earned,
			shows: "an expert earned while its associate prerequisite was active; a reminder is due within a week"},
		{cert: openID, on: openCred.Earned,
			shows: "its renewal window is open today"},
		{cert: againID, on: lapsedCred.Earned, again: againOn,
			shows: "expired without a renewal, then earned again by exam"},
	}
	return pl, nil
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
// is none. The term in force depends on the day earned (RULES V4), so it
// tries the months of each term.
func earnedFor(p policy.Policy, c cert.Certification, expires cert.Date) cert.Date {
	var best cert.Date
	for _, t := range p.Terms {
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
func noEarnDay(c cert.Certification, needs string, target cert.Date) error {
	return fmt.Errorf("no earn day under the policy's terms, with an expiry within %d days of %s, lets %s %s, as the story needs",
		maxShift, target, c.ID, needs)
}

// check reports why tl does not show, on its day, the two situations that
// depend on the policy's window and reminders as well as on its
// operations: the specialty's window open, and a reminder of the expert due
// within reminderIn days. The others hold once [build] has replayed the
// story without a refusal.
func (tl timeline) check() error {
	for _, h := range tl.Credentials {
		switch h.Cert {
		case openID:
			if d, _ := h.decision(tl.Today); d.Reason != policy.Eligible {
				return fmt.Errorf("the window of %s is not open on %s, as the story needs: the policy says %s", h.Cert, tl.Today, d.Reason)
			}
		case expertID:
			if n := h.NextReminder.DaysSince(tl.Today); h.NextReminder.IsZero() || n > reminderIn {
				return fmt.Errorf("the policy's reminders leave %s none in the %d days from %s, as the story needs", h.Cert, reminderIn, tl.Today)
			}
		}
	}
	return nil
}

// times says how many times: "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

// Command timeline prints the renewal timeline of a sample holder under a
// renewal policy: for each credential, the day it was earned, the days its
// renewal windows open, the reminders, each renewal, the expiry, and the
// decision with its reason on a few chosen days and on today.
//
// The sample story is placed around the day it is decided on, so that every
// day shows a live picture: a credential whose renewal window is open, one
// with a reminder due within a week, one renewed in its last windows, one
// that expired and was earned again by exam, an expert earned while its
// associate prerequisite was active, and a fundamentals title. It uses only
// what the library ships: [policy.Microsoft] and [cert.Roadmap], to which it
// adds one fundamentals title, since the roadmap lists none.
//
// Usage:
//
//	go run ./examples/timeline [-today 2026-12-01] [-json] [-policy FILE]
//
// -today is the day to decide on and to place the story around (by default
// the current day in the local time zone), -json prints JSON instead of a
// table, and -policy reads the policy from a JSON file (the form of
// [policy.Policy.MarshalJSON]) instead of using Microsoft's. A bad flag or
// file gets a one-line error and exit status 2, and so does a day or a
// valid policy on which the story cannot hold, such as a day before the
// first renewal it needs or a policy that sends no reminders: the line says
// why.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

func main() {
	os.Exit(run(os.Args[1:], time.Now(), os.Stdout, os.Stderr))
}

// run is the program, with its inputs passed in so that tests can call it.
func run(args []string, now time.Time, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	today := fs.String("today", cert.DateOf(now).String(), "the day to decide on and to place the sample story around, as 2006-01-02")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	policyFile := fs.String("policy", "", "read the policy from this JSON file instead of using Microsoft's")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprintln(stdout, "usage: timeline [-today 2006-01-02] [-json] [-policy FILE]")
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintln(stderr, "timeline:", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "timeline: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	day, err := cert.ParseDate(*today)
	if err != nil {
		fmt.Fprintln(stderr, "timeline: -today:", err)
		return 2
	}
	p := policy.Microsoft()
	if *policyFile != "" {
		if p, err = readPolicy(*policyFile); err != nil {
			fmt.Fprintln(stderr, "timeline: -policy:", oneLine(err))
			return 2
		}
	}
	tl, err := place(p, day)
	if err != nil {
		fmt.Fprintf(stderr, "timeline: the sample story cannot be placed around %s: %s\n", day, oneLine(err))
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(tl); err != nil {
			fmt.Fprintln(stderr, "timeline:", err)
			return 1
		}
		return 0
	}
	tl.print(stdout)
	return 0
}

// place builds the sample story around today under p and checks that it
// shows what it is for.
func place(p policy.Policy, today cert.Date) (timeline, error) {
	pl, err := sample(p, today)
	if err != nil {
		return timeline{}, err
	}
	tl, err := build(p, pl, today)
	if err != nil {
		return timeline{}, err
	}
	if err := tl.check(); err != nil {
		return timeline{}, err
	}
	return tl, nil
}

// readPolicy reads a policy from a JSON file with policy.Parse, which
// checks it and refuses null and empty files.
func readPolicy(name string) (policy.Policy, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return policy.Policy{}, err
	}
	p, err := policy.Parse(data)
	if err != nil {
		return policy.Policy{}, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// oneLine folds an error's text onto one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// A plan is the sample holder's history: the titles they earned, each with
// the day earned and the days they passed its renewal assessment.
type plan struct {
	mcid, learn string
	catalog     cert.Catalog
	earned      []earning
}

// An earning is one title of the plan: the day it was earned, the days its
// renewal assessment was passed, and the day it was earned again by exam
// after it expired, if it was.
type earning struct {
	cert    cert.ID
	on      cert.Date
	renewed []cert.Date
	again   cert.Date
	shows   string // the situation it is in the story for
}

// A timeline is what the program prints.
type timeline struct {
	Today       cert.Date `json:"today"`
	MCID        string    `json:"mcid"`
	Learn       string    `json:"learn"`
	Credentials []history `json:"credentials"`
}

// A history is one credential's timeline. Its decisions are in order of
// day, today's among them, and NextReminder is the first reminder of the
// credential's current cycle on or after today, if one is left.
type history struct {
	Cert         cert.ID    `json:"cert"`
	Name         string     `json:"name"`
	Level        cert.Level `json:"level"`
	Shows        string     `json:"shows"`
	Events       []event    `json:"events"`
	Decisions    []decision `json:"decisions"`
	NextReminder cert.Date  `json:"nextReminder,omitzero"`
}

// A decision is the policy's decision on a day, with the day and the
// credential's expiry as it stood that day.
type decision struct {
	On cert.Date `json:"on"`
	policy.Decision
	Expires cert.Date `json:"expires,omitzero"`
}

// decision returns the decision on day on, and whether there is one.
func (h history) decision(on cert.Date) (decision, bool) {
	for _, d := range h.Decisions {
		if d.On == on {
			return d, true
		}
	}
	return decision{}, false
}

// An event is one day of a credential's timeline.
type event struct {
	Day  cert.Date `json:"day"`
	What string    `json:"what"`
}

// build replays the plan under p: it earns each title and renews it on the
// planned days, through the policy's own operations, and records what
// happens. It decides on a few chosen days of the first cycle and on today.
// A refusal of a planned step is an error: the plan does not hold under p.
func build(p policy.Policy, pl plan, today cert.Date) (timeline, error) {
	tl := timeline{Today: today, MCID: pl.mcid, Learn: pl.learn}
	pr := cert.Profile{MCID: pl.mcid, Learn: pl.learn}
	for _, e := range pl.earned {
		c, ok := pl.catalog.Lookup(e.cert)
		if !ok {
			return timeline{}, fmt.Errorf("no title %q in the catalog", e.cert)
		}
		h := history{Cert: c.ID, Name: c.Name, Level: c.Level, Shows: e.shows}
		next, err := p.Earn(pr, c, e.on)
		if err != nil {
			return timeline{}, err
		}
		pr = next
		cr, _ := pr.Credential(c.ID)
		h.add(e.on, "earned"+prerequisiteText(pr, c, e.on))
		if cr.Expires.IsZero() {
			h.add(e.on, "never expires: no renewal (RULES V1)")
		}
		chosen := chosenDays(p.Eligibility(pr, c, e.on), e.on)
		states := []state{{e.on, cr}}
		for _, day := range e.renewed {
			h.cycle(p, c, cr, day)
			renewed, err := p.Renew(pr, c, day)
			if err != nil {
				return timeline{}, err
			}
			pr = renewed
			next, _ := pr.Credential(c.ID)
			h.add(day, "renewed: expires "+next.Expires.String()+" instead of "+cr.Expires.String())
			cr = next
			states = append(states, state{day, cr})
		}
		if !cr.Expires.IsZero() {
			h.cycle(p, c, cr, cert.Date{})
			h.add(cr.Expires, "expires")
		}
		if !e.again.IsZero() {
			next, err := p.Earn(pr, c, e.again)
			if err != nil {
				return timeline{}, err
			}
			pr = next
			cr, _ = pr.Credential(c.ID)
			h.add(e.again, "earned again by exam: expires "+cr.Expires.String()+" (RULES N6)")
			states = append(states, state{e.again, cr})
			h.cycle(p, c, cr, cert.Date{})
			h.add(cr.Expires, "expires")
		}
		// Decide each day on the credential as it stood that day: renewed
		// from the day of a renewal on, and earned again from that day on.
		days := append(chosen, today)
		slices.SortFunc(days, cert.Date.Compare)
		for _, day := range slices.Compact(days) {
			at := states[0].cr
			for _, s := range states {
				if !s.from.After(day) {
					at = s.cr
				}
			}
			h.Decisions = append(h.Decisions, decision{day, p.Eligibility(pr.With(at), c, day), at.Expires})
			if day == today {
				h.NextReminder = nextReminder(p, c, at, today)
			}
		}
		tl.Credentials = append(tl.Credentials, h)
	}
	return tl, nil
}

// prerequisiteText names the prerequisite of c that pr holds active on day
// on, for an expert title (RULES R1), or is empty.
func prerequisiteText(pr cert.Profile, c cert.Certification, on cert.Date) string {
	for _, id := range c.Prerequisites {
		if cr, ok := pr.Credential(id); ok && cr.ActiveOn(on) {
			return ", with its prerequisite " + string(id) + " active (RULES R1)"
		}
	}
	return ""
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

// A state is a credential as it stands from a day on.
type state struct {
	from cert.Date
	cr   cert.Credential
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

// cycle adds the events of cr's current renewal window: its opening, the
// first day the holder can renew if later (RULES E3), and the reminders. When the cycle
// ends in a renewal on day renewed, reminders on or after that day are not
// sent (RULES M3).
func (h *history) cycle(p policy.Policy, c cert.Certification, cr cert.Credential, renewed cert.Date) {
	var buf [policy.MaxReminders]cert.Date
	opens := cr.Expires.AddMonths(-p.WindowMonths)
	h.add(opens, "renewal window opens (expires "+cr.Expires.String()+")")
	pr := cert.Profile{Learn: "linked", Credentials: []cert.Credential{cr}}
	switch from := p.Eligibility(pr, c, opens).EligibleFrom; {
	case from.IsZero():
		h.add(opens, "renewal assessment not offered before it expires: no renewal (RULES E3)")
	case from.After(opens):
		h.add(from, "renewal assessment offered from this day (RULES E3)")
	}
	for i, day := range p.AppendReminders(buf[:0], c, cr) {
		if !renewed.IsZero() && !day.Before(renewed) {
			break
		}
		h.add(day, fmt.Sprintf("reminder %d", i+1))
	}
}

// add appends an event, keeping the events in order of day.
func (h *history) add(day cert.Date, what string) {
	i := len(h.Events)
	for i > 0 && h.Events[i-1].Day.After(day) {
		i--
	}
	h.Events = append(h.Events, event{})
	copy(h.Events[i+1:], h.Events[i:])
	h.Events[i] = event{day, what}
}

// print writes the timeline as a table.
func (tl timeline) print(w io.Writer) {
	fmt.Fprintf(w, "Holder %s, linked to Learn profile %s; decisions on %s.\n", tl.MCID, tl.Learn, tl.Today)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, h := range tl.Credentials {
		fmt.Fprintf(tw, "\n%s (%s, %s): %s\n", h.Name, h.Level, h.Cert, h.Shows)
		marked := false // whether today's line is printed
		for _, e := range h.Events {
			if !marked && e.Day.After(tl.Today) {
				fmt.Fprintf(tw, "  %s\t(today)\n", tl.Today)
				marked = true
			}
			fmt.Fprintf(tw, "  %s\t%s\n", e.Day, e.What)
		}
		if !marked {
			fmt.Fprintf(tw, "  %s\t(today)\n", tl.Today)
		}
		fmt.Fprintf(tw, "  decisions:\n")
		for _, d := range h.Decisions {
			label := ""
			if d.On == tl.Today {
				label = " (today)"
			}
			fmt.Fprintf(tw, "  %s%s\t%s\t%s\n", d.On, label, d.Reason, explain(d))
		}
		if !h.NextReminder.IsZero() {
			fmt.Fprintf(tw, "  next reminder %s, %s\n", h.NextReminder, inDays(h.NextReminder.DaysSince(tl.Today)))
		}
	}
	tw.Flush()
}

// inDays says when a day n days from today is: "today", "in 1 day", "in 7
// days".
func inDays(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "in 1 day"
	}
	return "in " + strconv.Itoa(n) + " days"
}

// explain says a decision in words.
func explain(d decision) string {
	switch d.Reason {
	case policy.Eligible:
		return "may renew until " + d.Window.Last().String()
	case policy.NotYetOpen, policy.AssessmentUnavailable, policy.ProfileNotLinked:
		if d.EligibleFrom.IsZero() {
			return "cannot renew before it expires on " + d.Expires.String()
		}
		return "may renew from " + d.EligibleFrom.String()
	case policy.Expired:
		return "expired on " + d.Expires.String() + ": pass the exam again (RULES N6)"
	case policy.NeverExpires:
		return "fundamentals: never expires (RULES V1)"
	case policy.NotHeld:
		return "not held on that day"
	}
	return ""
}

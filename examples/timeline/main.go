// Command timeline prints the whole renewal timeline of a sample holder under
// a renewal policy: for each credential, the day it was earned, the days its
// renewal windows open, the reminders, each renewal, the expiry, and the
// decision with its reason on a few chosen days and on today.
//
// It uses only what the library ships: [policy.Microsoft] and [cert.Roadmap],
// to which it adds one fundamentals title, since the roadmap lists none.
//
// Usage:
//
//	go run ./examples/timeline [-today 2022-05-16] [-json] [-policy FILE]
//
// -today is the day to decide on (by default the current day in the local
// time zone), -json prints JSON instead of a table, and -policy reads the
// policy from a JSON file (the form of [policy.Policy.MarshalJSON]) instead
// of using Microsoft's. A bad flag or file gets a one-line error and exit
// status 2.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
	today := fs.String("today", cert.DateOf(now).String(), "the day to decide on, as 2006-01-02")
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
	tl, err := build(p, sample(), day)
	if err != nil {
		fmt.Fprintln(stderr, "timeline:", err)
		return 1
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

// readPolicy reads a policy from a JSON file; decoding validates it.
func readPolicy(name string) (policy.Policy, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return policy.Policy{}, err
	}
	var p policy.Policy
	if err := json.Unmarshal(data, &p); err != nil {
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

type earning struct {
	cert    cert.ID
	on      cert.Date
	renewed []cert.Date
}

// azureFundamentals is a fundamentals title, which never expires (RULES V1).
// The roadmap lists none, so the sample adds this one to its catalog.
var azureFundamentals = cert.Certification{
	ID:    "azure-fundamentals",
	Name:  "Microsoft Certified: Azure Fundamentals",
	Level: cert.Fundamentals,
}

// sample returns the sample holder: an associate earned before June 2021
// (valid 24 months) and renewed each year, the expert title it is a
// prerequisite of (valid 12 months) renewed once and then left to expire, a
// wave-2 title whose window opened before its renewal assessment was
// offered, and a fundamentals title.
func sample() plan {
	certs := []cert.Certification{azureFundamentals}
	for c := range cert.Roadmap().All() {
		certs = append(certs, c)
	}
	catalog, err := cert.NewCatalog(certs...)
	if err != nil {
		panic(err) // the roadmap and one literal: a bug, not an input
	}
	day := cert.MustParseDate
	return plan{
		mcid:    "1000001",
		learn:   "ada@example.com",
		catalog: catalog,
		earned: []earning{
			{cert: "azure-fundamentals", on: day("2020-05-04")},
			{cert: "d365-marketing", on: day("2019-03-20"), renewed: []cert.Date{day("2021-03-01")}},
			{cert: "azure-administrator", on: day("2020-11-16"), renewed: []cert.Date{day("2022-06-01"), day("2023-10-02"), day("2024-08-20")}},
			{cert: "azure-solutions-architect", on: day("2021-08-09"), renewed: []cert.Date{day("2022-03-01")}},
		},
	}
}

// A timeline is what the program prints.
type timeline struct {
	Today       cert.Date `json:"today"`
	MCID        string    `json:"mcid"`
	Learn       string    `json:"learn"`
	Credentials []history `json:"credentials"`
}

// A history is one credential's timeline.
type history struct {
	Cert      cert.ID    `json:"cert"`
	Name      string     `json:"name"`
	Level     cert.Level `json:"level"`
	Events    []event    `json:"events"`
	Decisions []decision `json:"decisions"`
}

// A decision is the policy's decision on a day, with the day and the
// credential's expiry as it stood that day.
type decision struct {
	On cert.Date `json:"on"`
	policy.Decision
	Expires cert.Date `json:"expires,omitzero"`
}

// An event is one day of a credential's timeline.
type event struct {
	Day  cert.Date `json:"day"`
	What string    `json:"what"`
}

// build replays the plan under p: it earns each title and renews it on the
// planned days, through the policy's own operations, and records what
// happens. It decides on a few chosen days of the first cycle and on today.
func build(p policy.Policy, pl plan, today cert.Date) (timeline, error) {
	tl := timeline{Today: today, MCID: pl.mcid, Learn: pl.learn}
	pr := cert.Profile{MCID: pl.mcid, Learn: pl.learn}
	for _, e := range pl.earned {
		c, ok := pl.catalog.Lookup(e.cert)
		if !ok {
			return timeline{}, fmt.Errorf("no title %q in the catalog", e.cert)
		}
		next, err := p.Earn(pr, c, e.on)
		if err != nil {
			return timeline{}, err
		}
		pr = next
		h := history{Cert: c.ID, Name: c.Name, Level: c.Level}
		cr, _ := pr.Credential(c.ID)
		h.add(e.on, "earned")
		if cr.Expires.IsZero() {
			h.add(e.on, "never expires: no renewal (RULES V1)")
		}
		chosen := chosenDays(p.Eligibility(pr, c, e.on), e.on)
		states := []state{{e.on, cr}}
		for _, day := range e.renewed {
			h.cycle(p, c, cr, day)
			renewed, err := p.Renew(pr, c, day)
			if err != nil {
				h.add(day, "renewal refused: "+err.Error())
				break
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
		// Decide each day on the credential as it stood that day: renewed
		// from the day of a renewal on.
		for _, day := range append(chosen, today) {
			at := states[0].cr
			for _, s := range states {
				if !s.from.After(day) {
					at = s.cr
				}
			}
			h.Decisions = append(h.Decisions, decision{day, p.Eligibility(pr.With(at), c, day), at.Expires})
		}
		tl.Credentials = append(tl.Credentials, h)
	}
	return tl, nil
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
	return []cert.Date{d.EligibleFrom.AddDays(-1), d.EligibleFrom, d.Window.Last(), d.Window.Closes}
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
	if from := p.Eligibility(pr, c, opens).EligibleFrom; from.After(opens) {
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
		fmt.Fprintf(tw, "\n%s (%s, %s)\n", h.Name, h.Level, h.Cert)
		for _, e := range h.Events {
			fmt.Fprintf(tw, "  %s\t%s\n", e.Day, e.What)
		}
		fmt.Fprintf(tw, "  decisions:\n")
		for i, d := range h.Decisions {
			label := ""
			if i == len(h.Decisions)-1 {
				label = " (today)"
			}
			fmt.Fprintf(tw, "  %s%s\t%s\t%s\n", d.On, label, d.Reason, explain(d))
		}
	}
	tw.Flush()
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

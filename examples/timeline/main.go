// Command timeline prints the renewal timeline of a sample holder under a
// renewal policy: for each credential, the day it was earned, the days its
// renewal windows open, the reminders, each attempt at its renewal
// assessment and each renewal, the expiry, and the decision with its
// reason on a few chosen days and on today.
//
// The sample holder is an event log (package [history]): exams passed,
// the profile linked to a Learn profile, attempts at the renewal
// assessment. The program replays it with [history.Replayer] as of today,
// and again as of each of its events and chosen days, and tells the
// timeline from the states the replays give; decisions on days after today
// are made on today's state. The table tells what happened up to today in
// the program's words, and from today on each credential's agenda
// ([agenda.Planner.Agenda]); the sentences of the agenda's items, of the
// decisions and of the refusals are those of package [explain].
//
// The sample log is placed around the day it is decided on, so that every
// day shows a live picture: a credential whose renewal window is open, one
// with a reminder due within a week, one renewed in its last windows (the
// last time after two failed attempts), one that expired and was earned
// again by exam, an expert earned while its associate prerequisite was
// active, and a fundamentals title. It uses only what the library ships:
// [policy.Microsoft] and [cert.Roadmap], to which it adds one fundamentals
// title, since the roadmap lists none.
//
// Usage:
//
//	go run ./examples/timeline [-today 2026-12-01] [-json | -ics [-alarm DURATION] | -svg]
//		[-policy FILE] [-catalog FILE] [-events FILE] [-mcid MCID] [-lenient] [-lang TAG]
//
// -today is the day to decide on, to replay the log as of, and to place the
// sample story around (by default the current day in the local time zone);
// -json prints JSON instead of a table; -policy reads the policy from a
// JSON file (the form of [policy.Policy.MarshalJSON]) instead of using
// Microsoft's. -catalog reads the catalog of titles from a JSON file (the
// form [cert.ParseCatalog] reads) instead of using the roadmap. Once both
// are loaded, the policy and the catalog are checked together with
// [policy.Policy.CheckCatalog] when either names programs, and a title of a
// program the policy does not list is refused (RULES G8). With -events the
// log is replayed in that catalog, each title decided under its program's
// policy, so that one log may hold the titles of several programs, as
// policies/catalog.json and policies/workforce.json at the repository's
// root do. The sample story, without -events, keeps its roadmap titles:
// azure-administrator, azure-solutions-architect, azure-iot-developer and
// azure-security-engineer must be in the catalog, or the program says
// which are missing, and its fundamentals title, azure-fundamentals, is
// added to a catalog that lacks it, as to the roadmap.
//
// -events replays the event log of a JSON file (the form
// [history.ParseLog] reads) instead of the sample's, and -mcid names the
// holder whose log it is (by default the sample's, 1000001). Events after
// -today are not replayed; the output counts them. -lenient replays with
// [history.Replayer.Lenient]: the events the rules refuse are skipped, and
// listed in a section of the table, each as explain tells it with the
// rule that refuses it, and in the JSON's "refused", each with its index,
// the rule and the refusal's text; without it, the replay stops at the
// first. The JSON's decisions each carry their explanation, as explain
// tells it.
//
// -lang TAG chooses the language of the words, by the BCP 47 tag that
// [explain.Match] reads: "zh", "zh-CN" or "zh-Hans" for Simplified
// Chinese, and English, the default, for any other, "zh-TW" among them.
// It is the language of the table, its headings and labels (the program's
// words, one table of texts per language) as well as explain's sentences,
// of the explanations in the JSON, and of the line on stderr; the JSON's
// keys and its other texts stay English, for programs to read, and the
// Reasons keep their names. A refusal of package flag is told in its own
// English words, after the program's.
//
// -ics prints, instead of the table, the holder's agenda from today on as
// iCalendar (package [ical]): one event per item of
// [agenda.Planner.Agenda] for the state as of today, each summed up by
// [explain.Item] in the language of -lang, in a calendar named for the
// holder. Every event's DTSTAMP is midnight UTC of -today, so that a day
// gives the same bytes however often it is asked; the event's UID lets a
// calendar that imports it again update it. -alarm DURATION, with -ics
// only, gives each event an alarm that long before it (an all-day event
// starts at its midnight); 0, the default, gives none.
//
// -svg prints, instead of the table, the holder's timeline as a
// standalone SVG drawing: one row per title, in the table's order, with
// its name, level, ID and days in the language of -lang; on a time axis
// with a tick at the start of each year, each credential's validity as a
// bar from the day it was earned to its expiry, earlier credentials in a
// lighter colour and on a lane of their own where they overlap another;
// the renewal windows shaded; the reminders, renewals and failed attempts
// marked; a line on today; and a legend. The same day gives the same
// bytes.
//
// -json, -ics and -svg each choose the output: given together, they get a
// one-line error.
//
// A bad flag or file gets a one-line error and exit status 2 (a catalog
// file among them, that cannot be read, that is not a valid catalog, that
// names a program the policy does not list, or, without -events, that
// lacks the sample's titles), and so does
// a day or a valid policy on which the story cannot hold, such as a day
// before the first renewal it needs or a policy that sends no reminders:
// the line says why. A log that is not the JSON form of events (with
// -lenient too), and without -lenient one with an event the rules refuse,
// get one line that names the event by its number in the log, from 1,
// exit status 2, and nothing on stdout. The line tells a refusal of the
// library through explain, with the rule that refuses an event, and the
// value at fault in a log, a policy or a catalog with what its parser found
// wrong there, in the parser's words, and a title of a program the policy
// does not list with its program and the programs the policy lists.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

func main() {
	os.Exit(run(os.Args[1:], time.Now(), os.Stdout, os.Stderr))
}

// run is the program, with its inputs passed in so that tests can call it.
func run(args []string, now time.Time, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	today := fs.String("today", cert.DateOf(now).String(), "the `day` to decide on, as 2006-01-02, and to replay the log as of; the sample log is built around it")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	policyFile := fs.String("policy", "", "read the policy from the JSON file `FILE` instead of using Microsoft's")
	catalogFile := fs.String("catalog", "", "read the catalog from the JSON file `FILE` instead of using the roadmap; without -events it must hold the sample story's four roadmap titles (the story adds its fundamentals title if it is missing)")
	eventsFile := fs.String("events", "", "replay the event log in the JSON file `FILE` instead of the sample holder's")
	mcid := fs.String("mcid", sampleMCID, "the `MCID` of the holder whose log is replayed")
	lenient := fs.Bool("lenient", false, "skip the events the rules refuse, and report them, instead of stopping at the first")
	tag := fs.String("lang", "en", "the BCP 47 `TAG` of the language to write in: zh, zh-CN or zh-Hans for Simplified Chinese, any other for English")
	asICS := fs.Bool("ics", false, "print the holder's agenda as iCalendar (RFC 5545) instead of a table")
	alarm := fs.Duration("alarm", 0, "with -ics, give each event an alarm this `DURATION` before it, such as 24h; 0 for none")
	asSVG := fs.Bool("svg", false, "print the holder's timeline as a standalone SVG drawing instead of a table")
	err := fs.Parse(args)
	l := explain.Match(*tag) // as far as the flags were read
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprintln(stdout, "usage: timeline [-today 2006-01-02] [-json | -ics [-alarm DURATION] | -svg] [-policy FILE] [-catalog FILE] [-events FILE] [-mcid MCID] [-lenient] [-lang TAG]")
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintln(stderr, "timeline:", say(wFlagError, err.Error()).in(l))
		return 2
	}
	// refuse writes the line of an error, after where it is, and returns
	// the exit status.
	refuse := func(where string, err error) int {
		fmt.Fprintln(stderr, "timeline: "+where+tell(l, err))
		return 2
	}
	if fs.NArg() > 0 {
		return refuse("", fail(wErrArgument, fs.Arg(0)))
	}
	var outputs []string // the flags given that each choose the output
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, o := range []struct {
		name string
		on   bool
	}{{"json", *asJSON}, {"ics", *asICS}, {"svg", *asSVG}} {
		if o.on {
			outputs = append(outputs, "-"+o.name)
		}
	}
	if len(outputs) > 1 {
		return refuse("", fail(wErrOutputs, strings.Join(outputs, say(wListSep).in(l))))
	}
	switch {
	case set["alarm"] && !*asICS:
		return refuse("-alarm: ", fail(wErrAlarmICS))
	case *alarm < 0:
		return refuse("-alarm: ", fail(wErrAlarm, alarm.String()))
	}
	day, err := cert.ParseDate(*today)
	if err != nil {
		return refuse("-today: ", err)
	}
	p := policy.Microsoft()
	if *policyFile != "" {
		if p, err = readPolicy(*policyFile); err != nil {
			return refuse("-policy: "+*policyFile+": ", err)
		}
	}
	cat, where := catalog(), "" // where: the file a refusal of the two together names
	if *policyFile != "" {
		where = "-policy: " + *policyFile + ": "
	}
	if *catalogFile != "" {
		where = "-catalog: " + *catalogFile + ": "
		if cat, err = readCatalog(*catalogFile); err != nil {
			return refuse(where, err)
		}
	}
	if err := checkPrograms(p, cat); err != nil {
		return refuse(where, err)
	}
	if *catalogFile != "" && *eventsFile == "" {
		if cat, err = storyCatalog(cat); err != nil {
			return refuse(where, err)
		}
	}
	if *mcid == "" {
		return refuse("-mcid: ", fail(wErrMCID))
	}
	r := history.Replayer{Policy: p, Catalog: cat}
	var tl timeline
	if *eventsFile == "" {
		if tl, err = place(r, *mcid, day, *lenient); err != nil {
			return refuse("", fail(wErrPlace, day, err))
		}
	} else {
		log, err := readLog(*eventsFile)
		if err != nil {
			return refuse("-events: "+*eventsFile+": ", err)
		}
		if tl, err = replay(r, *mcid, log, day, *lenient, nil); err != nil {
			return refuse("-events: "+*eventsFile+": ", err)
		}
	}
	if *asSVG {
		if _, err := stdout.Write(tl.svg(l)); err != nil {
			fmt.Fprintln(stderr, "timeline:", err)
			return 1
		}
		return 0
	}
	if *asICS {
		if _, err := stdout.Write(tl.calendar(r.Catalog, l, *alarm)); err != nil {
			fmt.Fprintln(stderr, "timeline:", err)
			return 1
		}
		return 0
	}
	if *asJSON {
		tl.explainDecisions(l)
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(tl); err != nil {
			fmt.Fprintln(stderr, "timeline:", err)
			return 1
		}
		return 0
	}
	tl.print(stdout, l)
	return 0
}

// place builds the sample holder's event log around today under r, replays
// it, leniently or not, and checks that it shows what it is for.
func place(r history.Replayer, mcid string, today cert.Date, lenient bool) (timeline, error) {
	st, err := sample(r.Policy, r.Catalog, mcid, today)
	if err != nil {
		return timeline{}, err
	}
	tl, err := replay(r, mcid, st.log, today, lenient, st.shows)
	if err != nil {
		return timeline{}, err
	}
	if err := tl.check(); err != nil {
		return timeline{}, err
	}
	return tl, nil
}

// replay replays log, the events of the holder mcid, under r as of today,
// and returns the timeline; shows says what each title of the sample is
// there for. A strict replay returns the first event r refuses, as a
// [*history.EventError] that names its index; a lenient one skips every
// such event, and the timeline lists them.
func replay(r history.Replayer, mcid string, log []history.Event, today cert.Date, lenient bool, shows map[cert.ID]phrase) (timeline, error) {
	var refused []*history.EventError
	if lenient {
		_, refused = r.Lenient(mcid, log, today)
	} else if _, err := r.Replay(mcid, log, today); err != nil {
		return timeline{}, err
	}
	tl, err := build(r, mcid, log, refused, today, shows)
	if err != nil {
		return timeline{}, err
	}
	if lenient {
		tl.Refused = make([]refusal, 0, len(refused))
		for _, e := range refused {
			tl.Refused = append(tl.Refused, refusal{e.Index, e.Event, e.Rule, e.Err.Error(), e})
		}
	}
	return tl, nil
}

// readLog reads an event log from a JSON file with history.ParseLog, whose
// refusal names the event at fault.
func readLog(name string) ([]history.Event, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return history.ParseLog(data)
}

// readCatalog reads a catalog from a JSON file with cert.ParseCatalog,
// which checks it and refuses null and empty files.
func readCatalog(name string) (cert.Catalog, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return cert.Catalog{}, err
	}
	return cert.ParseCatalog(data)
}

// checkPrograms checks p and cat together with [policy.Policy.CheckCatalog]
// when either names programs: a title of a program p does not list would
// be decided by p's own rules (RULES G8).
func checkPrograms(p policy.Policy, cat cert.Catalog) error {
	named := len(p.Programs) > 0
	for c := range cat.All() {
		named = named || c.Program != ""
	}
	if !named {
		return nil
	}
	return p.CheckCatalog(cat)
}

// readPolicy reads a policy from a JSON file with policy.Parse, which
// checks it and refuses null and empty files.
func readPolicy(name string) (policy.Policy, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return policy.Policy{}, err
	}
	return policy.Parse(data)
}

// oneLine folds an error's text onto one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

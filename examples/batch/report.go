package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
)

// A report is the figures of a batch, which the program prints as text or,
// with -json, in this JSON form.
type report struct {
	Day     cert.Date `json:"day"`
	Seed    uint64    `json:"seed"`
	Workers int       `json:"workers"`

	Population mix `json:"population"`

	Due struct {
		Notices int         `json:"notices"` // all the notices of the day
		Holders int         `json:"holders"` // the holders they go to
		ByKind  []kindCount `json:"byKind"`  // in the order of agenda.Kinds
	} `json:"due"`

	Reminders struct {
		From  cert.Date   `json:"from"`
		To    cert.Date   `json:"to"` // the last day, weeks*7-1 days after From
		Total int         `json:"total"`
		Weeks []weekCount `json:"weeks"`
	} `json:"reminders"`

	// CredentialsPerSecond is the throughput of the check: the current
	// credentials of every holder, over the time of the busiest worker
	// (AllWorkers) and over the time of every worker added up (PerWorker).
	CredentialsPerSecond struct {
		AllWorkers int64 `json:"allWorkers"`
		PerWorker  int64 `json:"perWorker"`
	} `json:"credentialsPerSecond"`

	// Seconds are the times of the batch: spent in Run, in every worker
	// added up and in the busiest; on the agendas of the chart and drawing
	// the holders, in every goroutine added up; and the whole run.
	Seconds struct {
		Checking      float64 `json:"checking"`
		BusiestWorker float64 `json:"busiestWorker"`
		Charting      float64 `json:"charting"`
		Drawing       float64 `json:"drawing"`
		Wall          float64 `json:"wall"`
	} `json:"seconds"`

	checking, busiest, charting, drawing, wall time.Duration
}

// A kindCount is the number of notices of one kind.
type kindCount struct {
	Kind  agenda.Kind `json:"kind"`
	Count int         `json:"count"`
}

// A weekCount is the number of reminders in the week from a day.
type weekCount struct {
	From  cert.Date `json:"from"`
	Count int       `json:"count"`
}

// report returns the report of the result r of the batch of day on, drawn
// from seed, on the given number of workers.
func (r result) report(on cert.Date, seed uint64, workers int) report {
	rep := report{Day: on, Seed: seed, Workers: workers, Population: r.mix}
	rep.Due.Holders = r.notified
	for _, k := range agenda.Kinds {
		if k == agenda.GraceLastDay && !r.grace {
			continue // a policy with no grace period has none
		}
		rep.Due.ByKind = append(rep.Due.ByKind, kindCount{k, r.counts[k]})
		rep.Due.Notices += r.counts[k]
	}
	rep.Reminders.From, rep.Reminders.To = on, on.AddDays(7*weeks-1)
	for k, n := range r.reminder {
		rep.Reminders.Weeks = append(rep.Reminders.Weeks, weekCount{on.AddDays(7 * k), n})
		rep.Reminders.Total += n
	}
	creds := r.mix.Credentials
	rep.CredentialsPerSecond.AllWorkers = rate(creds, r.longest)
	rep.CredentialsPerSecond.PerWorker = rate(creds, r.checking)
	rep.checking, rep.busiest, rep.charting, rep.drawing, rep.wall = r.checking, r.longest, r.charting, r.drawing, r.wall
	s := &rep.Seconds
	s.Checking, s.BusiestWorker, s.Charting, s.Drawing, s.Wall = r.checking.Seconds(), r.longest.Seconds(), r.charting.Seconds(), r.drawing.Seconds(), r.wall.Seconds()
	return rep
}

// rate returns n per second of d, or 0 for no time at all.
func rate(n int, d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64(float64(n) / d.Seconds())
}

// print writes the report as text.
func (rep report) print(w io.Writer) {
	m := rep.Population
	fmt.Fprintf(w, "Daily batch on %s: %d synthetic holders, seed %d, on %s\n\n", rep.Day, m.Holders, rep.Seed, workersText(rep.Workers))
	fmt.Fprintf(w, "Holders      %d, %d linked to a Learn profile\n", m.Holders, m.Linked)
	fmt.Fprintf(w, "Credentials  %d current: %d active, %d renewed, %d with attempts in their cycle; %d expired and earned again\n",
		m.Credentials, m.Active, m.Renewed, m.Attempting, m.Earlier)
	fmt.Fprintf(w, "Refused      %d events of the logs, skipped by the replay\n", m.Refused)

	fmt.Fprintf(w, "\nDue on %s: %d notices to %d holders\n", rep.Day, rep.Due.Notices, rep.Due.Holders)
	for _, kc := range rep.Due.ByKind {
		fmt.Fprintf(w, "  %-13s %8d\n", kc.Kind, kc.Count)
	}

	rep.printChart(w)

	fmt.Fprintf(w, "\nThroughput   %d credentials/s on all workers, %d credentials/s per worker\n",
		rep.CredentialsPerSecond.AllWorkers, rep.CredentialsPerSecond.PerWorker)
	fmt.Fprintf(w, "Time         checking %s (the busiest worker %s), charting %s, drawing the holders %s, each summed over the goroutines; the whole run %s\n",
		round(rep.checking), round(rep.busiest), round(rep.charting), round(rep.drawing), round(rep.wall))
}

// workersText returns "1 worker" or "n workers".
func workersText(n int) string {
	if n == 1 {
		return "1 worker"
	}
	return strconv.Itoa(n) + " workers"
}

// barWidth is the width of the longest bar of the chart.
const barWidth = 50

// printChart writes a bar per week of the reminders, the longest bar
// barWidth wide and the others to scale; a week with any reminder has a
// bar at least one wide.
func (rep report) printChart(w io.Writer) {
	most := 0
	for _, wc := range rep.Reminders.Weeks {
		most = max(most, wc.Count)
	}
	fmt.Fprintf(w, "\nReminders from %s to %s: %d, by week\n", rep.Reminders.From, rep.Reminders.To, rep.Reminders.Total)
	bar := strings.Repeat("#", barWidth)
	for _, wc := range rep.Reminders.Weeks {
		width := 0
		if wc.Count > 0 {
			width = max(1, (wc.Count*barWidth+most/2)/most)
		}
		fmt.Fprintf(w, "  %s  %-*s %8d\n", wc.From, barWidth, bar[:width], wc.Count)
	}
}

// round rounds d to four or so significant digits.
func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

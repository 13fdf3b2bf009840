// Command batch runs the daily batch of a certification service over a
// synthetic population of holders: what is due for each holder on a day,
// counted by kind of notice, and how fast it is checked.
//
// The holders are drawn from a seed, one at a time (see population): each
// is an event log replayed leniently with [history.Replayer] under
// [policy.Microsoft] and [cert.Roadmap], so that every holder is a valid
// state, and the same seed gives the same holders. They are streamed
// through [batch.Checker.Run] on every core, sharded by MCID with
// [batch.Shard] as a service would shard them (see shard.go): no more than
// a few batches of holders are in memory at once, however many there are.
//
// The program prints what the holders are made of, the notices due on the
// day by kind ([agenda.Kinds]), a chart of the reminders of the next 26
// weeks (a bar per week of the reminders of every holder's agenda,
// [agenda.Planner.AppendAgenda], from the day on), and the throughput of the check in
// credentials per second: the current credentials of every holder over
// the time spent in Run, not drawing the holders. It gives that rate per
// worker (over the time of every worker, added up) and for all workers
// (over the time of the busiest worker, the time the check would take if
// each worker had a core of its own and the holders were ready), and how
// long the sources took to draw the holders.
//
// Usage:
//
//	go run ./examples/batch [-n 100000] [-seed 1] [-day 2026-12-01] [-workers 8]
//
// -n is the number of holders; -seed the seed they are drawn from; -day
// the day of the batch (by default the current day in the local time
// zone), from 2019-01-01 on, the first day the holders earn titles;
// -workers the number of workers, and of sources drawing holders (by
// default the number of CPUs).
//
// A bad flag gets a one-line error and exit status 2; -h prints the usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/batch"
	"github.com/certrenew/certrenew/policy/history"
)

func main() {
	os.Exit(run(os.Args[1:], cert.DateOf(time.Now()), os.Stdout, os.Stderr))
}

// run is the program, with its inputs passed in so that tests can call
// it: the arguments, today (the default of -day) and the outputs. It
// returns the exit status.
func run(args []string, today cert.Date, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	n := fs.Int("n", 100000, "the `number` of holders")
	seed := fs.Uint64("seed", 1, "the `seed` the holders are drawn from")
	dayText := fs.String("day", today.String(), "the `day` of the batch, as 2006-01-02, from 2019-01-01 on")
	workers := fs.Int("workers", runtime.NumCPU(), "the `number` of workers checking the holders, and of sources drawing them")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprintln(stdout, "usage: batch [-n number] [-seed seed] [-day 2006-01-02] [-workers number]")
			fmt.Fprintln(stdout, "Runs the daily batch over n synthetic holders drawn from a seed.")
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintln(stderr, "batch:", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "batch: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *n < 1 {
		fmt.Fprintf(stderr, "batch: -n: want at least 1 holder, not %d\n", *n)
		return 2
	}
	if *workers < 1 || *workers > maxWorkers {
		fmt.Fprintf(stderr, "batch: -workers: want 1 to %d workers, not %d\n", maxWorkers, *workers)
		return 2
	}
	on, err := cert.ParseDate(*dayText)
	if err != nil {
		fmt.Fprintln(stderr, "batch: -day:", err)
		return 2
	}
	if on.Before(firstDay) {
		fmt.Fprintf(stderr, "batch: -day: %s is before %s, the first day the holders earn titles\n", on, firstDay)
		return 2
	}
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	pop := newPopulation(*n, *seed, on, r)
	c := batch.Checker{Planner: agenda.Planner{Policy: r.Policy, Catalog: r.Catalog}}
	res := check(pop, c, on, *workers, nil)
	fmt.Fprintf(stdout, "Daily batch on %s: %d synthetic holders, seed %d, on %d workers\n\n", on, pop.n, pop.seed, *workers)
	res.print(stdout, on, *workers)
	return 0
}

// maxWorkers bounds -workers: each worker is two goroutines and a channel.
const maxWorkers = 1024

// print writes the mix in a few lines.
func (m mix) print(w io.Writer) {
	fmt.Fprintf(w, "Holders      %d, %d linked to a Learn profile\n", m.Holders, m.Linked)
	fmt.Fprintf(w, "Credentials  %d current: %d active, %d renewed, %d with attempts in their cycle; %d expired and earned again\n",
		m.Credentials, m.Active, m.Renewed, m.Attempting, m.Earlier)
	fmt.Fprintf(w, "Refused      %d events of the logs, skipped by the replay\n", m.Refused)
}

// print writes the result of the batch of day on.
func (r result) print(w io.Writer, on cert.Date, workers int) {
	r.mix.print(w)
	total := 0
	for _, k := range agenda.Kinds {
		total += r.counts[k]
	}
	fmt.Fprintf(w, "\nDue on %s: %d notices to %d holders\n", on, total, r.notified)
	for _, k := range agenda.Kinds {
		fmt.Fprintf(w, "  %-13s %8d\n", k, r.counts[k])
	}
	r.printChart(w, on)
	fmt.Fprintln(w)
	creds := r.mix.Credentials
	fmt.Fprintf(w, "Throughput   %d credentials/s on %d workers, %d credentials/s per worker\n",
		rate(creds, r.longest), workers, rate(creds, r.checking))
	fmt.Fprintf(w, "Time         checking %s (the busiest worker %s), charting %s, drawing the holders %s, each summed over the goroutines; the whole run %s\n",
		round(r.checking), round(r.longest), round(r.charting), round(r.drawing), round(r.wall))
}

// barWidth is the width of the longest bar of the chart.
const barWidth = 50

// printChart writes a bar per week of the reminders from day on, the
// longest bar barWidth wide and the others to scale; a week with any
// reminder has a bar at least one wide.
func (r result) printChart(w io.Writer, on cert.Date) {
	total, most := 0, 0
	for _, n := range r.reminder {
		total += n
		most = max(most, n)
	}
	end := on.AddDays(7*weeks - 1)
	fmt.Fprintf(w, "\nReminders from %s to %s: %d, by week\n", on, end, total)
	bar := strings.Repeat("#", barWidth)
	for k, n := range r.reminder {
		width := 0
		if n > 0 {
			width = max(1, (n*barWidth+most/2)/most)
		}
		fmt.Fprintf(w, "  %s  %-*s %8d\n", on.AddDays(7*k), barWidth, bar[:width], n)
	}
}

// rate returns n per second of d, or 0 for no time at all.
func rate(n int, d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64(float64(n) / d.Seconds())
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

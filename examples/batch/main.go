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
// The program prints what the holders are made of; the notices due on the
// day, by kind in the order of [agenda.Kinds]; a chart of the reminders
// of the next 26 weeks, a bar per week, counted in each holder's agenda
// from the day on ([agenda.Planner.AppendAgenda]); and the throughput of
// the check in credentials per second: the current credentials of every
// holder over the time spent in Run, neither drawing the holders nor
// charting them. That rate is given per worker, over the time of every
// worker added up, and for all workers, over the time of the busiest
// worker: the time the check would take if each worker had a core of its
// own and the holders were ready. The times of the chart and of drawing
// the holders are printed beside it. All are wall-clock times, which on a
// loaded machine include waiting for a core.
//
// Usage:
//
//	go run ./examples/batch [-n 100000] [-seed 1] [-day 2026-12-01] [-json] [-workers 8]
//
// -n is the number of holders; -seed the seed they are drawn from; -day
// the day of the batch (by default the current day in the local time
// zone), from 2019-01-01, the first day the holders earn titles, to
// 9999-07-03, the last whose 26 weeks end by 9999-12-31; -json
// prints the same figures as JSON (see report); -workers is the number of
// workers, and of sources drawing holders (by default the number of
// CPUs).
//
// On a terminal, and for 10000 holders or more, a line on stderr shows the
// progress of the batch, rewritten in place: the share of holders checked,
// the rate and the time left. It is cleared at the end, and never shown
// when stderr is not a terminal, or with -json.
//
// A bad flag gets a one-line error and exit status 2; -h prints the usage.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/batch"
	"github.com/certrenew/certrenew/policy/history"
)

func main() {
	fi, err := os.Stderr.Stat()
	terminal := err == nil && fi.Mode()&os.ModeCharDevice != 0
	os.Exit(run(os.Args[1:], cert.DateOf(time.Now()), os.Stdout, os.Stderr, terminal))
}

// run is the program, with its inputs passed in so that tests can call
// it: the arguments, today (the default of -day), the outputs, and
// whether stderr is a terminal, on which it shows its progress. It
// returns the exit status.
func run(args []string, today cert.Date, stdout, stderr io.Writer, terminal bool) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	n := fs.Int("n", 100000, "the `number` of holders")
	seed := fs.Uint64("seed", 1, "the `seed` the holders are drawn from")
	dayText := fs.String("day", today.String(), "the `day` of the batch, as 2006-01-02, from 2019-01-01 to 9999-07-03")
	asJSON := fs.Bool("json", false, "print the same figures as JSON")
	workers := fs.Int("workers", runtime.NumCPU(), "the `number` of workers checking the holders, and of sources drawing them")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprintln(stdout, "usage: batch [-n number] [-seed seed] [-day 2006-01-02] [-json] [-workers number]")
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
	if on.AddDays(7*weeks - 1).IsZero() {
		fmt.Fprintf(stderr, "batch: -day: the %d weeks of the chart from %s end after 9999-12-31\n", weeks, on)
		return 2
	}
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	pop := newPopulation(*n, *seed, on, r)
	c := batch.Checker{Planner: agenda.Planner{Policy: r.Policy, Catalog: r.Catalog}}
	var res result
	if terminal && !*asJSON && pop.n >= progressFrom {
		p := startProgress(stderr, pop.n)
		res = check(pop, c, on, *workers, &p.done)
		p.end()
	} else {
		res = check(pop, c, on, *workers, nil)
	}
	rep := res.report(on, *seed, *workers)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintln(stderr, "batch:", err)
			return 1
		}
		return 0
	}
	rep.print(stdout)
	return 0
}

// maxWorkers bounds -workers: each worker is two goroutines and a channel.
const maxWorkers = 1024

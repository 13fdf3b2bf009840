// Command batch draws the synthetic population of holders that a daily
// batch of a certification service runs over, and prints what it is made
// of: holders linked to a Learn profile, credentials active, renewed, with
// attempts in their cycle, earned again, and the events the rules refused.
//
// The holders are drawn from a seed, one at a time (see population): each
// is an event log replayed leniently with [history.Replayer] under
// [policy.Microsoft] and [cert.Roadmap], so that every holder is a valid
// state, and the same seed gives the same holders.
//
// Usage:
//
//	go run ./examples/batch [-n 100000] [-seed 1] [-day 2026-12-01]
//
// -n is the number of holders; -seed the seed they are drawn from; -day
// the day of the batch (by default the current day in the local time
// zone), from 2019-01-01 on, the first day the holders earn titles.
//
// A bad flag gets a one-line error and exit status 2; -h prints the usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
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
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprintln(stdout, "usage: batch [-n number] [-seed seed] [-day 2006-01-02]")
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
	var m mix
	g := newGenerator(pop)
	for i := range pop.n {
		st, refused := g.holder(i)
		m.add(r.Policy, r.Catalog, st, refused, on)
	}
	fmt.Fprintf(stdout, "Daily batch on %s: %d synthetic holders, seed %d\n\n", on, pop.n, pop.seed)
	m.print(stdout)
	return 0
}

// print writes the mix in a few lines.
func (m mix) print(w io.Writer) {
	fmt.Fprintf(w, "Holders      %d, %d linked to a Learn profile\n", m.Holders, m.Linked)
	fmt.Fprintf(w, "Credentials  %d current: %d active, %d renewed, %d with attempts in their cycle; %d expired and earned again\n",
		m.Credentials, m.Active, m.Renewed, m.Attempting, m.Earlier)
	fmt.Fprintf(w, "Refused      %d events of the logs, skipped by the replay\n", m.Refused)
}

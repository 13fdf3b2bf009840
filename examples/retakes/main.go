// Command retakes walks one holder through the retake rules of the renewal
// assessment (RULES A1-A5): a failed attempt, an immediate retry that also
// fails, a third attempt refused with the instant it opens, and a pass 24
// hours after the second attempt that renews the credential (RULES N1) and
// starts a new, empty cycle (RULES A4).
//
// The holder takes the assessment in New York, and the wait spans the change
// to daylight-saving time on 2022-03-13: 24 hours are elapsed time, so the
// lockout lifts at 10:40 by the clock, not 09:40 (RULES D4).
//
// Usage:
//
//	go run ./examples/retakes [-h]
//
// It takes no flags but -h, which prints this usage. An unknown flag or an
// argument gets a one-line error and exit status 2.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
	_ "time/tzdata" // the walk-through's location, on machines without a zone database

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program, with its arguments and outputs passed in so that
// tests can call it; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("retakes", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: retakes [-h]")
			fmt.Fprintln(stdout, "Walks one holder through the retake rules of the renewal assessment. -h prints this usage; there are no other flags.")
			return 0
		}
		fmt.Fprintln(stderr, "retakes:", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "retakes: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := walk(stdout); err != nil {
		fmt.Fprintln(stderr, "retakes:", err)
		return 1
	}
	return 0
}

// walk writes the walk-through to w.
func walk(w io.Writer) error {
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		return err
	}
	at := func(s string) time.Time {
		t, err := time.ParseInLocation("2006-01-02 15:04", s, newYork)
		if err != nil {
			panic(err) // a literal below: a bug, not an input
		}
		return t
	}

	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	holder, err := p.Earn(cert.Profile{MCID: "1000001", Learn: "ada@example.com"}, admin, cert.MustParseDate("2021-07-15"))
	if err != nil {
		return err
	}
	cr, _ := holder.Credential(admin.ID)
	d := p.Eligibility(holder, admin, cert.MustParseDate("2022-03-12"))
	fmt.Fprintf(w, "%s\nearned %s, expires %s; renewal window %s to %s\n\n",
		admin.Name, cr.Earned, cr.Expires, d.Window.Opens, d.Window.Last())

	// The cycle of the credential's current expiry, with no attempts yet.
	// A service that stores attempts rebuilds it with assessment.NewCycle.
	cycle := p.Cycle(holder, admin)
	step := func(n int, when string, passed bool) error {
		a := assessment.Attempt{At: at(when), Passed: passed}
		fmt.Fprintf(w, "%d. %s  attempt %d of this cycle\n", n, a.At.Format("Mon 2006-01-02 15:04 MST"), cycle.Len()+1)
		next, nextCycle, err := p.RecordAttempt(holder, admin, cycle, a)
		var lockout *assessment.LockoutError
		switch {
		case errors.As(err, &lockout):
			fmt.Fprintf(w, "   refused: too soon (RULES A3); the next attempt may start at %s\n",
				lockout.Until.In(newYork).Format("Mon 2006-01-02 15:04 MST"))
			return nil
		case err != nil:
			fmt.Fprintf(w, "   refused: %v\n", err)
			return nil
		}
		holder, cycle = next, nextCycle
		if passed {
			cr, _ := holder.Credential(admin.ID)
			fmt.Fprintf(w, "   passed and renewed: now expires %s, 12 months after the old expiry (RULES N1); a new cycle starts with %d attempts\n",
				cr.Expires, cycle.Len())
			return nil
		}
		fmt.Fprintf(w, "   failed: %d attempt(s) this cycle; the next may start %s\n", cycle.Len(), nextStart(cycle, p.Retakes, a.At, newYork))
		return nil
	}

	steps := []struct {
		when   string
		passed bool
	}{
		{"2022-03-12 09:00", false}, // a first attempt
		{"2022-03-12 09:40", false}, // one retake may start at once (RULES A2)
		{"2022-03-12 11:00", false}, // the third waits 24 hours after the second (RULES A3)
		{"2022-03-13 10:40", true},  // 24 hours after the second, across the clock change
	}
	for i, s := range steps {
		if err := step(i+1, s.when, s.passed); err != nil {
			return err
		}
	}

	// After the pass the window is closed until six months before the new
	// expiry (RULES N3): another attempt is refused.
	fmt.Fprintln(w)
	return step(len(steps)+1, "2022-03-14 09:00", false)
}

// nextStart says when the next attempt of cycle may start under r.
func nextStart(cycle assessment.Cycle, r assessment.Retakes, last time.Time, loc *time.Location) string {
	next, ok := cycle.Next(r)
	switch {
	case !ok:
		return "never in this cycle (RULES A4)"
	case !next.After(last):
		return "at once (RULES A2)"
	}
	return "at " + next.In(loc).Format("Mon 2006-01-02 15:04 MST") + " (RULES A3)"
}

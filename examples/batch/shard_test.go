package main

import (
	"testing"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/batch"
)

var checker = batch.Checker{Planner: agenda.Planner{Policy: replayer.Policy, Catalog: replayer.Catalog}}

// TestCounts checks the counts of a sharded run against the holders'
// states, kind by kind, each counted by its rule rather than by the
// agenda: on day on, a window opens for a credential that expires 6 months
// later (E2); the holder can first renew a credential in its window on
// the first day its title's renewal assessment is offered (E3: the
// roadmap's 2021-02-01 and 2021-02-15, H1); a reminder is due on a day
// the policy's reminders of the credential name (M1-M3); a lockout lifts
// on the day of the next attempt a cycle with attempts allows, when that
// is later than its last attempt and before the expiry (A3); the last day
// is the day before the expiry, and the expiry is the first day no longer
// valid (D2). The chart counts, in each week from the day, the reminders
// the policy names for each credential (M1-M3), which the day's are among.
func TestCounts(t *testing.T) {
	p, cat := replayer.Policy, replayer.Catalog
	for _, on := range []cert.Date{day("2021-02-01"), day("2021-02-15"), day("2024-02-29"), day("2026-12-01")} {
		pop := newPopulation(4000, 3, on, replayer)
		var want batch.Counts
		var wantMix mix
		var wantChart [weeks]int
		g := newGenerator(pop)
		for i := range pop.n {
			st, refused := g.holder(i)
			wantMix.add(p, cat, st, refused, on)
			for k, cr := range st.Profile.Credentials {
				c, _ := cat.Lookup(cr.Cert)
				x := cr.Expires
				opens := x.AddMonths(-p.WindowMonths)
				if opens == on {
					want[agenda.WindowOpens]++
				}
				if c.RenewalFrom == on && opens.Before(on) && on.Before(x) {
					want[agenda.CanRenew]++
				}
				for _, r := range p.Reminders(c, cr) {
					if r == on {
						want[agenda.Reminder]++
					}
					if k := r.DaysSince(on); !r.Before(on) && k < 7*weeks {
						wantChart[k/7]++
					}
				}
				if cy := st.Cycles[k]; cy.Len() > 0 {
					if next, ok := cy.Next(p.Retakes); ok && next.After(cy.At(cy.Len()-1).At) && cert.DateOf(next) == on && on.Before(x) {
						want[agenda.LockoutLifts]++
					}
				}
				if x.AddDays(-1) == on {
					want[agenda.LastDay]++
				}
				if x == on {
					want[agenda.Expires]++
				}
			}
		}
		for _, workers := range []int{1, 3} {
			r := check(pop, checker, on, workers, nil)
			if r.counts != want || r.mix != wantMix || r.reminder != wantChart {
				t.Errorf("on %s with %d workers: counts %v, mix %+v, chart %v; want %v, %+v, %v", on, workers, r.counts, r.mix, r.reminder, want, wantMix, wantChart)
			}
		}
		if wantChart[0] < want[agenda.Reminder] {
			t.Errorf("on %s %d reminders in the first week, %d on its first day", on, wantChart[0], want[agenda.Reminder])
		}
		switch on {
		case day("2021-02-01"), day("2021-02-15"):
			if want[agenda.CanRenew] == 0 {
				t.Errorf("on %s no holder can first renew", on)
			}
		case day("2024-02-29"):
			// No term or renewal ends on a leap day: a day clamped
			// to February 28 stays clamped (D3, D5).
			if want[agenda.Expires] != 0 {
				t.Errorf("on %s %d credentials expire", on, want[agenda.Expires])
			}
		case day("2026-12-01"):
			for _, k := range agenda.Kinds {
				if k != agenda.CanRenew && k != agenda.GraceLastDay && want[k] == 0 {
					t.Errorf("on %s no %s is due", on, k)
				}
			}
		}
		if on.After(day("2021-02-15")) && want[agenda.Reminder] < want[agenda.WindowOpens] {
			// A window opening after the assessments are offered is
			// the first eligible day, a reminder (M2).
			t.Errorf("on %s %d reminders for %d windows opening", on, want[agenda.Reminder], want[agenda.WindowOpens])
		}
	}
}

// Package batch answers, once a day and for every holder a service has,
// what is due: who gets a reminder, whose renewal window opens, who can
// renew from today, who reaches their last day or expires, whose grace
// period ends, whose retake lockout lifts. Each title is answered under
// the policy of its program (RULES G8), as [agenda.Planner] plans it.
//
// # One holder, then a stream
//
// [Checker.Due] is the question for one holder: the items of the holder's
// agenda due on the day, appended to the caller's buffer without
// allocating ([agenda.Planner.AppendDue]). [Checker.Run] asks it of every
// holder of a stream ([iter.Seq2] of states and errors) and yields, per
// holder, the notices or the error that holder's source gave: one bad
// record stops neither the stream nor the others. The stream is never held
// in memory; each yielded [Notices] is valid until the next one.
//
// # Sharding
//
// Nothing here starts a goroutine or does I/O, and a [Checker] is a plain
// value (a policy and a catalog), safe to share: a daily run over millions
// of holders splits the stream by MCID, [Shard](mcid, n), across n
// workers, each running its own Checker over its part (a goroutine per
// core, or the workers of a job queue or stream processor). The counts of
// every worker add up to the same totals for any n.
package batch

import (
	"iter"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

// A Checker asks what is due, under a policy and a catalog.
type Checker struct {
	Planner agenda.Planner
}

// Due appends the items of st's agenda due on day on to dst, in the
// agenda's order, and returns the extended slice. It allocates nothing when
// dst has room.
func (c Checker) Due(dst []agenda.Item, st history.State, on cert.Date) []agenda.Item {
	return c.Planner.AppendDue(dst, st, on)
}

// Notices are the items due on a day for one holder.
type Notices struct {
	MCID  string        // the holder's certification profile
	Items []agenda.Item // the items due, in the agenda's order; empty when none
}

// Run returns an iterator over holders that yields, for each, the holder's
// Notices on day on and a nil error, or, for a holder whose source failed,
// the zero Notices and that error. Holders with nothing due are yielded
// too, with no items, so that every holder is accounted for.
//
// Run reuses one buffer for the items of every holder: a Notices's Items
// are valid until the iterator yields the next one; copy them to keep
// them. Once the buffer has grown to the most items of one holder, Run
// allocates nothing per holder.
func (c Checker) Run(holders iter.Seq2[history.State, error], on cert.Date) iter.Seq2[Notices, error] {
	return func(yield func(Notices, error) bool) {
		var buf []agenda.Item
		for st, err := range holders {
			if err != nil {
				if !yield(Notices{}, err) {
					return
				}
				continue
			}
			buf = c.Planner.AppendDue(buf[:0], st, on)
			if !yield(Notices{MCID: st.Profile.MCID, Items: buf}, nil) {
				return
			}
		}
	}
}

// Counts counts notices by kind of item: Counts[agenda.Reminder] is the
// number of reminders.
type Counts [len(agenda.Kinds) + 1]int

// Add counts the items of n.
func (c *Counts) Add(n Notices) {
	for _, it := range n.Items {
		if it.Kind.IsValid() {
			c[it.Kind]++
		}
	}
}

// Merge adds the counts of d to c, as the workers of a sharded run add
// theirs.
func (c *Counts) Merge(d Counts) {
	for k := range c {
		c[k] += d[k]
	}
}

// Shard returns the shard, from 0 to n-1, of the holder mcid among n
// workers: the same for the same MCID on every run and every machine
// (FNV-1a of the MCID), spreading MCIDs evenly. It returns 0 when n < 2.
func Shard(mcid string, n int) int {
	if n < 2 {
		return 0
	}
	h := uint32(2166136261) // FNV-1a, 32 bits
	for i := 0; i < len(mcid); i++ {
		h ^= uint32(mcid[i])
		h *= 16777619
	}
	return int(h % uint32(n))
}

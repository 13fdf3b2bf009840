package main

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/batch"
	"github.com/certrenew/certrenew/policy/history"
)

// This is how a service shards its daily batch by MCID: every holder goes,
// by [batch.Shard] of its MCID, to one of n workers, always the same one
// for the same MCID and n, and each worker runs its own [batch.Checker]
// (a plain value) over its part of the stream with [batch.Checker.Run]
// and keeps its own [batch.Counts]; the counts are merged at the end and
// are the same for every n. Here the holders come from sources that draw
// them and the workers are goroutines fed by channels; in a service the
// sources would read the event store, and the workers could as well be
// processes fed by a queue partitioned on the same key.
//
// The holders travel in batches of batchSize, so that a channel operation
// is paid per batch and not per holder, and in-flight batches are reused.
// At most a few batches per source and worker are in memory at once,
// whatever the number of holders.
const (
	batchSize = 256  // holders per batch sent to a worker
	chunk     = 1024 // holders a source draws at a time, by index
)

// weeks is the number of weeks the chart of reminders covers, from the day
// of the batch on.
const weeks = 26

// A result is what a sharded run found, with how long it took.
type result struct {
	mix      mix
	counts   batch.Counts
	grace    bool       // the policy has a grace period: the report counts its last days (RULES G1)
	notified int        // holders with at least one notice on the day
	reminder [weeks]int // reminders in each week from the day on

	drawing  time.Duration // spent drawing holders, summed over the sources
	checking time.Duration // spent in Run, summed over the workers
	longest  time.Duration // spent in Run by the busiest worker
	charting time.Duration // spent on the agendas for the chart, summed over the workers
	wall     time.Duration // the whole run, from the first holder drawn to the last checked
}

// A worker's part of a result.
type workerResult struct {
	counts   batch.Counts
	notified int
	reminder [weeks]int
	checking time.Duration
	charting time.Duration
}

// A source's part of a result.
type sourceResult struct {
	mix     mix
	drawing time.Duration
}

// check runs the batch of day on over the holders of pop on the given
// number of workers, each with the checker c, and as many sources. When
// done is not nil, each worker adds to it the holders of each batch it
// has finished.
func check(pop *population, c batch.Checker, on cert.Date, workers int, done *atomic.Int64) result {
	start := time.Now()
	free := sync.Pool{New: func() any {
		b := make([]history.State, 0, batchSize)
		return &b
	}}
	in := make([]chan *[]history.State, workers)
	for w := range in {
		in[w] = make(chan *[]history.State, 4)
	}

	var next atomic.Int64 // the first index of the next chunk to draw
	sources := make([]sourceResult, workers)
	var drawn sync.WaitGroup
	for s := range sources {
		drawn.Add(1)
		go func() {
			defer drawn.Done()
			sources[s] = draw(pop, &next, in, &free)
		}()
	}
	go func() {
		drawn.Wait()
		for _, ch := range in {
			close(ch)
		}
	}()

	results := make([]workerResult, workers)
	var checked sync.WaitGroup
	for w := range results {
		checked.Add(1)
		go func() {
			defer checked.Done()
			results[w] = work(c, on, in[w], &free, done)
		}()
	}
	checked.Wait()

	r := result{grace: hasGrace(c.Planner.Policy)}
	for _, s := range sources {
		r.mix.merge(s.mix)
		r.drawing += s.drawing
	}
	for _, w := range results {
		r.counts.Merge(w.counts)
		r.notified += w.notified
		r.checking += w.checking
		r.longest = max(r.longest, w.checking)
		r.charting += w.charting
		for k, n := range w.reminder {
			r.reminder[k] += n
		}
	}
	r.wall = time.Since(start)
	return r
}

// draw draws the holders of pop, a chunk of indexes at a time from next,
// until none are left, and sends each to its worker's channel of out in
// batches, by the shard of its MCID. It returns the mix of the holders it
// drew and the time it spent drawing them, not sending them.
func draw(pop *population, next *atomic.Int64, out []chan *[]history.State, free *sync.Pool) sourceResult {
	var r sourceResult
	g := newGenerator(pop)
	pending := make([]*[]history.State, len(out))
	start := time.Now()
	for {
		lo := int(next.Add(chunk)) - chunk
		if lo >= pop.n {
			break
		}
		for i := lo; i < min(lo+chunk, pop.n); i++ {
			st, refused := g.holder(i)
			r.mix.add(pop.r.Policy, pop.r.Catalog, st, refused, pop.on)
			w := batch.Shard(st.Profile.MCID, len(out))
			if pending[w] == nil {
				pending[w] = free.Get().(*[]history.State)
			}
			b := pending[w]
			if *b = append(*b, st); len(*b) == batchSize {
				r.drawing += time.Since(start)
				out[w] <- b
				pending[w] = nil
				start = time.Now()
			}
		}
	}
	r.drawing += time.Since(start)
	for w, b := range pending {
		if b != nil {
			out[w] <- b
		}
	}
	return r
}

// work runs the checker c over the holders that arrive in batches on in,
// and counts their notices of day on. It times Run batch by batch, from
// the first holder of a batch handed to Run to the last one's notices
// counted, so that the time spent waiting for the next batch is not
// counted as checking. Then, from the same states, it counts the
// reminders of each holder's agenda in each of the weeks from day on,
// and times that apart.
func work(c batch.Checker, on cert.Date, in <-chan *[]history.State, free *sync.Pool, done *atomic.Int64) workerResult {
	var r workerResult
	var items []agenda.Item
	holders := func(yield func(history.State, error) bool) {
		for b := range in {
			start := time.Now()
			for _, st := range *b {
				if !yield(st, nil) {
					return
				}
			}
			r.checking += time.Since(start)
			start = time.Now()
			for _, st := range *b {
				items = r.chart(c.Planner, items[:0], st, on)
			}
			r.charting += time.Since(start)
			if done != nil {
				done.Add(int64(len(*b)))
			}
			clear(*b) // let the states go
			*b = (*b)[:0]
			free.Put(b)
		}
	}
	// The holders are valid states: the source yields no error.
	for n := range c.Run(holders, on) {
		r.counts.Add(n)
		if len(n.Items) > 0 {
			r.notified++
		}
	}
	return r
}

// chart counts the reminders of st's agenda from day on in the weeks from
// day on: reminder k counts the reminders in the 7 days from on plus 7k
// days. It appends the agenda to buf and returns it, for the next call to
// reuse.
func (r *workerResult) chart(pl agenda.Planner, buf []agenda.Item, st history.State, on cert.Date) []agenda.Item {
	buf = pl.AppendAgenda(buf, st, on)
	for _, it := range buf {
		if it.Kind != agenda.Reminder {
			continue
		}
		if k := it.On.DaysSince(on) / 7; k < weeks {
			r.reminder[k]++
		}
	}
	return buf
}

// hasGrace reports whether p, one of its versions or one of its programs
// has a grace period (RULES G1, G7, G8).
func hasGrace(p policy.Policy) bool {
	if p.GraceDays > 0 {
		return true
	}
	for _, v := range p.Versions {
		if v.Policy.GraceDays > 0 {
			return true
		}
	}
	for _, g := range p.Programs {
		if hasGrace(g.Policy) {
			return true
		}
	}
	return false
}

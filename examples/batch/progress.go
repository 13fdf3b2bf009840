package main

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"
)

// progressFrom is the fewest holders for which the program shows its
// progress, on a terminal.
const progressFrom = 10000

// progressEvery is how often the progress line is rewritten.
const progressEvery = 200 * time.Millisecond

// A progress line shows, on a terminal, how far a batch of n holders has
// got: the share of holders checked, the rate and the time left, rewritten
// in place with a carriage return.
type progress struct {
	w     io.Writer
	n     int
	done  atomic.Int64 // holders checked so far
	stop  chan struct{}
	ended chan struct{}
	width int // the longest line written, which a shorter one covers
}

// startProgress starts rewriting a progress line for n holders on w, every
// progressEvery, until end is called.
func startProgress(w io.Writer, n int) *progress {
	p := &progress{w: w, n: n, stop: make(chan struct{}), ended: make(chan struct{})}
	go p.loop(time.Now())
	return p
}

func (p *progress) loop(start time.Time) {
	defer close(p.ended)
	tick := time.NewTicker(progressEvery)
	defer tick.Stop()
	p.show(start)
	for {
		select {
		case <-tick.C:
			p.show(start)
		case <-p.stop:
			p.show(start)
			// Leave the line empty for what comes next.
			fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
			return
		}
	}
}

// show rewrites the line with the progress at the moment.
func (p *progress) show(start time.Time) {
	done, elapsed := int(p.done.Load()), time.Since(start)
	line := fmt.Sprintf("batch: %3d%%, %d of %d holders", done*100/p.n, done, p.n)
	if done > 0 && elapsed > 0 {
		perSecond := float64(done) / elapsed.Seconds()
		left := time.Duration(float64(p.n-done) / perSecond * float64(time.Second))
		line += fmt.Sprintf(", %.0f holders/s, %s left", perSecond, left.Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r%-*s", p.width, line)
	p.width = max(p.width, len(line))
}

// end writes the line a last time, then clears it, and returns when done.
func (p *progress) end() {
	close(p.stop)
	<-p.ended
}

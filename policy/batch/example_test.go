package batch_test

import (
	"fmt"
	"sync"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/batch"
	"github.com/certrenew/certrenew/policy/history"
)

func ExampleChecker_Run() {
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	c := batch.Checker{Planner: agenda.Planner{Policy: r.Policy, Catalog: r.Catalog}}
	ada, _ := r.Replay("1000001", []history.Event{history.Earn("azure-administrator", cert.MustParseDate("2021-07-15"))}, cert.MustParseDate("2022-01-15"))
	bob, _ := r.Replay("1000002", []history.Event{history.Earn("azure-developer", cert.MustParseDate("2021-10-01"))}, cert.MustParseDate("2022-01-15"))
	holders := func(yield func(history.State, error) bool) {
		for _, st := range []history.State{ada, bob} {
			if !yield(st, nil) {
				return
			}
		}
	}
	for n, err := range c.Run(holders, cert.MustParseDate("2022-01-15")) {
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		fmt.Println(n.MCID, len(n.Items))
	}
	// Output:
	// 1000001 2
	// 1000002 0
}

// A daily run shards the holders by MCID across workers, each with its own
// Checker (a plain value) and its own part of the stream, and adds up the
// counts; here the workers are goroutines.
func ExampleShard() {
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	c := batch.Checker{Planner: agenda.Planner{Policy: r.Policy, Catalog: r.Catalog}}
	on := cert.MustParseDate("2022-01-15")
	var holders []history.State
	for i := range 100 {
		st, _ := r.Replay(fmt.Sprint(1000000+i), []history.Event{history.Earn("azure-administrator", cert.MustParseDate("2021-07-01").AddDays(i))}, on)
		holders = append(holders, st)
	}
	const workers = 4
	var (
		mu    sync.Mutex
		total batch.Counts
		wg    sync.WaitGroup
	)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := func(yield func(history.State, error) bool) {
				for _, st := range holders {
					if batch.Shard(st.Profile.MCID, workers) == w && !yield(st, nil) {
						return
					}
				}
			}
			var counts batch.Counts
			for n := range c.Run(mine, on) {
				counts.Add(n)
			}
			mu.Lock()
			total.Merge(counts)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("windows opening:", total[agenda.WindowOpens], "reminders:", total[agenda.Reminder])
	// Output:
	// windows opening: 1 reminders: 1
}

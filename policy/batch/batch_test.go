package batch_test

import (
	"errors"
	"fmt"
	"hash/fnv"
	"iter"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/batch"
	"github.com/certrenew/certrenew/policy/history"
)

var day = cert.MustParseDate

var (
	replayer = history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	checker  = batch.Checker{Planner: agenda.Planner{Policy: replayer.Policy, Catalog: replayer.Catalog}}
)

var ids = []cert.ID{"azure-administrator", "azure-developer", "azure-ai-engineer", "azure-solutions-architect", "azure-iot-developer", "d365-marketing", "azure-data-scientist"}

// holder returns the state of holder i of a synthetic population: titles
// earned on days from 2019 on, linked or not, renewals and failed
// attempts, as a lenient replay of steps drawn from i.
func holder(i int, steps []int) history.State {
	on := day("2019-01-01").AddDays(steps[0] % 1500)
	var log []history.Event
	for k := 1; k+2 < len(steps); k += 3 {
		on = on.AddDays(steps[k] % 150)
		id := ids[steps[k+1]%len(ids)]
		switch a := steps[k+2] % 10; {
		case a <= 3:
			log = append(log, history.Earn(id, on))
		case a == 4:
			log = append(log, history.Link("learn-"+strconv.Itoa(i), on))
		default:
			at := on.In(time.UTC).Add(time.Duration(steps[k+2]%1440) * time.Minute)
			log = append(log, history.Attempt(id, assessment.Attempt{At: at, Passed: a == 9}))
		}
	}
	st, _ := replayer.Lenient(strconv.Itoa(1000000+i), log, day("9999-12-31"))
	return st
}

func genHolders() gopter.Gen {
	return gen.SliceOfN(12, gen.SliceOfN(31, gen.IntRange(0, 1<<20)))
}

// stream yields the states of the holders, and an error for every seventh.
func stream(holders [][]int) iter.Seq2[history.State, error] {
	return func(yield func(history.State, error) bool) {
		for i, steps := range holders {
			if i%7 == 6 {
				if !yield(history.State{}, fmt.Errorf("holder %d: a bad record", i)) {
					return
				}
				continue
			}
			if !yield(holder(i, steps), nil) {
				return
			}
		}
	}
}

// TestPropNoticesAreTheAgendaOfTheDay states that the notices Run yields
// for each holder are exactly what the holder's agenda says is due that
// day, that a holder whose source fails is yielded with its error and
// stops nothing, and that the counts are the same for any number of
// workers sharding the stream by MCID.
func TestPropNoticesAreTheAgendaOfTheDay(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("the batch's notices are the agenda of the day, for any workers", prop.ForAll(func(holders [][]int, ahead int, workers int) string {
		on := day("2020-01-01").AddDays(ahead)
		var total batch.Counts
		n, errs := 0, 0
		for got, err := range checker.Run(stream(holders), on) {
			if err != nil {
				errs++
				continue
			}
			st := holder(n+errs, holders[n+errs])
			want := slices.DeleteFunc(checker.Planner.Agenda(st, on), func(it agenda.Item) bool { return it.On != on })
			if diff := cmp.Diff(want, got.Items, cmpopts.EquateEmpty()); diff != "" || got.MCID != st.Profile.MCID {
				return fmt.Sprintf("holder %s on %s (-agenda +batch):\n%s", got.MCID, on, diff)
			}
			total.Add(got)
			n++
		}
		if n+errs != len(holders) || errs != len(holders)/7 {
			return fmt.Sprintf("%d holders and %d errors yielded of %d", n, errs, len(holders))
		}
		var sharded batch.Counts
		for w := range workers {
			var mine batch.Counts
			part := func(yield func(history.State, error) bool) {
				for st, err := range stream(holders) {
					if err == nil && batch.Shard(st.Profile.MCID, workers) != w {
						continue
					}
					if err != nil && w != 0 {
						continue
					}
					if !yield(st, err) {
						return
					}
				}
			}
			for got, err := range checker.Run(part, on) {
				if err == nil {
					mine.Add(got)
				}
			}
			sharded.Merge(mine)
		}
		if sharded != total {
			return fmt.Sprintf("counts %v with one worker, %v with %d", total, sharded, workers)
		}
		return ""
	}, genHolders(), gen.IntRange(0, 6*365), gen.IntRange(1, 8)))
	properties.TestingRun(t)
}

// TestRunStops checks that Run stops when the caller stops.
func TestRunStops(t *testing.T) {
	n := 0
	holders := make([][]int, 10)
	for i := range holders {
		holders[i] = make([]int, 31)
	}
	for range checker.Run(stream(holders), day("2022-01-01")) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("%d holders yielded, want 3", n)
	}
	errSource := errors.New("decode")
	for _, err := range checker.Run(func(yield func(history.State, error) bool) { yield(history.State{}, errSource) }, day("2022-01-01")) {
		if !errors.Is(err, errSource) {
			t.Errorf("Run yielded %v, want the source's error", err)
		}
	}
}

func TestShard(t *testing.T) {
	for _, mcid := range []string{"", "1000001", "用户", "a much longer MCID than most"} {
		h := fnv.New32a()
		h.Write([]byte(mcid))
		for _, n := range []int{2, 3, 7, 64} {
			if got, want := batch.Shard(mcid, n), int(h.Sum32()%uint32(n)); got != want {
				t.Errorf("Shard(%q, %d) = %d, want FNV-1a %d", mcid, n, got, want)
			}
		}
		if batch.Shard(mcid, 1) != 0 || batch.Shard(mcid, 0) != 0 {
			t.Errorf("Shard(%q) with fewer than 2 workers is not 0", mcid)
		}
	}
	var per [4]int
	for i := range 40000 {
		per[batch.Shard(strconv.Itoa(1000000+i), 4)]++
	}
	for w, n := range per {
		if n < 9000 || n > 11000 {
			t.Errorf("shard %d holds %d of 40000 MCIDs: not even", w, n)
		}
	}
}

// TestNoAllocs checks that Due, and Run per holder once its buffer has
// grown, allocate nothing.
func TestNoAllocs(t *testing.T) {
	states := make([]history.State, 64)
	steps := make([]int, 31)
	for i := range states {
		for k := range steps {
			steps[k] = (i*7919 + k*104729) % (1 << 20)
		}
		states[i] = holder(i, steps)
	}
	on := day("2021-09-01")
	buf := make([]agenda.Item, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = checker.Due(buf[:0], states[5], on) }); n != 0 {
		t.Errorf("Due: %v allocations, want 0", n)
	}
	src := func(yield func(history.State, error) bool) {
		for _, st := range states {
			if !yield(st, nil) {
				return
			}
		}
	}
	run := func() {
		for range checker.Run(src, on) {
		}
	}
	// One run allocates its iterator and grows its buffer; the count must
	// not grow with the number of holders.
	one := testing.AllocsPerRun(20, run)
	states = append(states, states...)
	if two := testing.AllocsPerRun(20, run); two > one {
		t.Errorf("Run allocates %v for 64 holders, %v for 128: it grows with the holders", one, two)
	}
}

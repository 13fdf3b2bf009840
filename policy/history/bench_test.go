package history_test

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/history"
)

// benchTitles are the titles of the benchmark's holder: associates first,
// so that the expert's prerequisite is held when it is earned.
var benchTitles = []cert.ID{admin, developer, "azure-ai-engineer", "azure-data-scientist", "azure-iot-developer", architect, "devops-engineer", "azure-security-engineer"}

// benchLog returns a log of about n events for one holder of eight titles:
// each is earned, then renewed every year by a fail, an immediate retake
// and a pass a day later, the events of all titles in order of their days.
func benchLog(n int) []history.Event {
	p := replayer.Policy
	log := []history.Event{link("ada@example.com", "2021-07-01")}
	per := (n - 1) / len(benchTitles)
	for k, id := range benchTitles {
		c, _ := catalog.Lookup(id)
		earned := day("2021-07-15").AddDays(k)
		log = append(log, history.Earn(id, earned))
		x := p.Expiry(c, earned)
		for i := 1; i+3 <= per; i += 3 {
			opens := x.AddMonths(-p.WindowMonths).AddDays(10).In(time.UTC).Add(9 * time.Hour)
			log = append(log,
				fail(id, opens.Format(time.RFC3339)),
				fail(id, opens.Add(30*time.Minute).Format(time.RFC3339)),
				pass(id, opens.Add(25*time.Hour).Format(time.RFC3339)))
			x = x.AddMonths(p.ExtensionMonths)
		}
	}
	slices.SortStableFunc(log, func(a, b history.Event) int { return a.Day().Compare(b.Day()) })
	return log
}

func TestBenchLogReplays(t *testing.T) {
	for _, n := range []int{10, 100, 1000, 10000} {
		log := benchLog(n)
		if _, err := replayer.Replay("1", log, far); err != nil {
			t.Fatalf("the benchmark's log of %d events: %v", len(log), err)
		}
	}
}

// BenchmarkReplay replays logs of 10 to 10,000 events, reporting the time
// per event; its allocations grow with the number of titles, not of events.
func BenchmarkReplay(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		log := benchLog(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := replayer.Replay("1", log, far); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(log)), "ns/event")
		})
	}
}

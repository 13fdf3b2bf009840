package history_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/certrenew/certrenew/policy/history"
)

// FuzzReplayLog parses arbitrary event-log JSON and replays what parses,
// strictly and leniently. Invariants: no panic; a refusal of ParseLog
// matches ErrInvalidLog and names an index inside the log (or -1 for the
// whole); a refusal of Replay names an index inside the log and matches
// an *EventError; the lenient replay refuses that event too, and its state
// passes the snapshot check; a log that parses marshals and parses back to
// the same events; and neither the input nor the log is changed.
func FuzzReplayLog(f *testing.F) {
	f.Add([]byte(apiLog))                                                                                              // the log of API.md
	f.Add([]byte(`[]`))                                                                                                // the empty log
	f.Add([]byte(`[{"kind":"earned","cert":"azure-solutions-architect","on":"2021-08-01"}]`))                          // R1: no associate
	f.Add([]byte(`[{"kind":"linked","learn":"a","on":"2021-07-15"},{"kind":"linked","learn":"b","on":"2021-07-16"}]`)) // P1
	f.Add([]byte(`[{"kind":"merged","mcid":"2","on":"2022-03-01","events":[{"kind":"earned","cert":"azure-developer","on":"2021-10-01"}]}]`))
	f.Add([]byte(`[{"kind":"earned","cert":"azure-administrator","on":"2021-02-30"}]`)) // no such day
	f.Add([]byte(`[{"kind":"renewed"}]`))                                               // an unknown kind
	f.Fuzz(func(t *testing.T, data []byte) {
		input := bytes.Clone(data)
		log, err := history.ParseLog(data)
		if !bytes.Equal(input, data) {
			t.Fatal("ParseLog changed its input")
		}
		if err != nil {
			var le *history.LogError
			if !errors.As(err, &le) || !errors.Is(err, history.ErrInvalidLog) || le.Index < -1 {
				t.Fatalf("ParseLog refusal %v", err)
			}
			return
		}
		given := cloneLog(log)
		st, err := replayer.Replay("1", log, far)
		lenient, refused := replayer.Lenient("1", log, far)
		if diff := cmp.Diff(given, log, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("the replay changed the log (-want +got):\n%s", diff)
		}
		if err != nil {
			var ee *history.EventError
			if !errors.As(err, &ee) || ee.Index < 0 || ee.Index >= len(log) {
				t.Fatalf("Replay refusal %v names no event of the log", err)
			}
			if len(refused) == 0 || refused[0].Index != ee.Index {
				t.Fatalf("the lenient replay does not refuse event %d first: %v", ee.Index, refused)
			}
		} else if len(refused) != 0 {
			t.Fatalf("Replay accepts the log, Lenient refuses %v", refused)
		} else if diff := cmp.Diff(st, lenient, cmpState); diff != "" {
			t.Fatalf("Replay and Lenient differ on an accepted log:\n%s", diff)
		}
		for _, s := range []history.State{st, lenient} {
			if problems := history.Check(replayer.Policy, catalog, s.Profile); problems != nil {
				t.Fatalf("a replayed profile fails the check: %v", problems)
			}
		}
		out, err := json.Marshal(log)
		if err != nil {
			t.Fatalf("Marshal of a parsed log: %v", err)
		}
		back, err := history.ParseLog(out)
		if err != nil {
			t.Fatalf("a marshaled log does not parse: %v\n%s", err, out)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("the log's text changed:\n%s\n%s", out, again)
		}
	})
}

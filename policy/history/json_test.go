package history_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/certrenew/certrenew/policy/history"
)

// apiLog is the log of API.md, word for word.
const apiLog = `[
  {"kind": "earned",  "cert": "azure-administrator", "on": "2021-07-15"},
  {"kind": "linked",  "learn": "ada@example.com", "on": "2021-07-20"},
  {"kind": "attempt", "cert": "azure-administrator", "at": "2022-02-01T09:00:00+08:00", "passed": false},
  {"kind": "attempt", "cert": "azure-administrator", "at": "2022-02-01T09:40:00+08:00", "passed": true}
]`

func TestParseLog(t *testing.T) {
	log, err := history.ParseLog([]byte(apiLog))
	if err != nil {
		t.Fatal(err)
	}
	want := []history.Event{ada[0], ada[1], ada[2], pass(admin, "2022-02-01T09:40:00+08:00")}
	if diff := cmp.Diff(want, log, cmpopts.EquateEmpty(), cmp.Comparer(func(a, b history.Event) bool {
		return a.Kind == b.Kind && a.Cert == b.Cert && a.On == b.On && a.At.Equal(b.At) && a.Passed == b.Passed && a.Learn == b.Learn
	})); diff != "" {
		t.Errorf("ParseLog mismatch (-want +got):\n%s", diff)
	}
	st, err := replayer.Replay("1000001", log, far)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Profile.Credential(admin); got.Expires != day("2023-07-15") {
		t.Errorf("N1 the log of API.md renews to %s, want 2023-07-15", got.Expires)
	}
	merged := `[{"kind":"merged","mcid":"1000002","on":"2022-03-01","events":[{"kind":"earned","cert":"azure-developer","on":"2021-10-01"}]}]`
	log, err = history.ParseLog([]byte(merged))
	if err != nil || len(log) != 1 || log[0].MCID != "1000002" || len(log[0].Events) != 1 || log[0].Events[0].Cert != developer {
		t.Errorf("ParseLog(merged) = %+v, %v", log, err)
	}
	if log, err := history.ParseLog([]byte(" [ ] ")); err != nil || len(log) != 0 {
		t.Errorf("ParseLog(empty array) = %v, %v", log, err)
	}
}

// TestParseLogRefusals checks that each malformed log is refused with the
// index of the event and the JSON path of the value at fault.
func TestParseLogRefusals(t *testing.T) {
	tests := []struct {
		name, json string
		index      int
		path       string
	}{
		{"empty input", ``, -1, ""},
		{"white space", " \n", -1, ""},
		{"null", `null`, -1, ""},
		{"an object", `{"kind":"earned"}`, -1, ""},
		{"not JSON inside the first event", `[{"kind":"earned",}]`, 0, "[0]"},
		{"not JSON inside the second event", `[{"kind":"earned","cert":"a","on":"2021-07-15"}, {"kind":"linked","learn":"a@x","on":2021-07-20}]`, 1, "[1].on"},
		{"a log cut off inside its second event", `[{"kind":"earned","cert":"a","on":"2021-07-15"}, {"kind":"linked","learn":"a@x","on":"2021-07-20"`, 1, "[1]"},
		{"data after the array", `[] []`, -1, ""},
		{"an unknown kind", `[{"kind":"renewed","cert":"azure-administrator","on":"2021-07-15"}]`, 0, "[0].kind"},
		{"no kind", `[{"cert":"azure-administrator","on":"2021-07-15"}]`, 0, "[0].kind"},
		{"a kind in another case", `[{"kind":"Earned","cert":"azure-administrator","on":"2021-07-15"}]`, 0, "[0].kind"},
		{"a member in another case", `[{"kind":"earned","Cert":"azure-administrator","on":"2021-07-15"}]`, 0, "[0].Cert"},
		{"a member given twice", `[{"kind":"earned","cert":"a","cert":"b","on":"2021-07-15"}]`, 0, "[0].cert"},
		{"an unknown member", `[{"kind":"earned","cert":"a","on":"2021-07-15","note":"x"}]`, 0, "[0].note"},
		{"a member of another kind", `[{"kind":"earned","cert":"a","on":"2021-07-15","passed":true}]`, 0, "[0].passed"},
		{"a missing member", `[{"kind":"attempt","cert":"a","at":"2022-02-01T09:00:00Z"}]`, 0, "[0].passed"},
		{"a day that does not exist", `[{"kind":"earned","cert":"a","on":"2021-07-15"},{"kind":"earned","cert":"a","on":"2021-02-30"}]`, 1, "[1].on"},
		{"an empty day", `[{"kind":"linked","learn":"a","on":""}]`, 0, "[0].on"},
		{"an instant that is not RFC 3339", `[{"kind":"attempt","cert":"a","at":"2022-02-01 09:00","passed":false}]`, 0, "[0].at"},
		{"a null instant", `[{"kind":"attempt","cert":"a","at":null,"passed":false}]`, 0, "[0].at"},
		{"passed as a string", `[{"kind":"attempt","cert":"a","at":"2022-02-01T09:00:00Z","passed":"no"}]`, 0, "[0].passed"},
		{"an empty title", `[{"kind":"earned","cert":"","on":"2021-07-15"}]`, 0, "[0].cert"},
		{"an empty Learn profile", `[{"kind":"linked","learn":"","on":"2021-07-15"}]`, 0, "[0].learn"},
		{"a merge with no events", `[{"kind":"merged","mcid":"2","on":"2021-07-15","events":null}]`, 0, "[0].events"},
		{"a bad event inside a merge", `[{"kind":"merged","mcid":"2","on":"2021-07-15","events":[{"kind":"earned","cert":"a","on":"2021-13-01"}]}]`, 0, "[0].events[0].on"},
		{"an event that is a number", `[1]`, 0, "[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := history.ParseLog([]byte(tt.json))
			var le *history.LogError
			if !errors.As(err, &le) || !errors.Is(err, history.ErrInvalidLog) || log != nil {
				t.Fatalf("ParseLog = %v, %v; want a *LogError matching ErrInvalidLog", log, err)
			}
			if le.Index != tt.index || le.Path != tt.path {
				t.Errorf("refused at index %d, path %q; want %d, %q (%v)", le.Index, le.Path, tt.index, tt.path, err)
			}
		})
	}
}

// TestEventJSON checks the JSON form of each kind of event, and that an
// event of no kind has none.
func TestEventJSON(t *testing.T) {
	tests := []struct {
		e    history.Event
		want string
	}{
		{earn(admin, "2021-07-15"), `{"kind":"earned","cert":"azure-administrator","on":"2021-07-15"}`},
		{fail(admin, "2022-02-01T09:00:00+08:00"), `{"kind":"attempt","cert":"azure-administrator","at":"2022-02-01T09:00:00+08:00","passed":false}`},
		{link("ada@example.com", "2021-07-20"), `{"kind":"linked","learn":"ada@example.com","on":"2021-07-20"}`},
		{history.Merge("2", day("2022-03-01"), nil), `{"kind":"merged","mcid":"2","on":"2022-03-01","events":[]}`},
	}
	for _, tt := range tests {
		data, err := json.Marshal(tt.e)
		if err != nil || string(data) != tt.want {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.e, data, err, tt.want)
		}
		var back history.Event
		if err := json.Unmarshal(data, &back); err != nil || back.String() != tt.e.String() {
			t.Errorf("round trip of %s: %v, %v", data, back, err)
		}
	}
	var le *history.LogError
	if _, err := json.Marshal(history.Event{}); !errors.Is(err, history.ErrNoKind) || !errors.As(err, &le) || le.Index != -1 {
		t.Errorf("Marshal(Event{}) = %v, want ErrNoKind for no event of a log", err)
	}
}

// TestStateJSON checks that a replayed state round-trips through JSON.
func TestStateJSON(t *testing.T) {
	log := []history.Event{
		earn(admin, "2021-07-15"),
		history.Merge("2", day("2021-12-01"), []history.Event{earn(admin, "2021-09-01"), earn(developer, "2021-10-01")}),
		link("ada@example.com", "2021-12-02"),
		fail(admin, "2022-06-01T09:00:00+02:00"),
	}
	st, err := replayer.Replay("1", log, far)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var back history.State
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(st, back, cmpState); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", diff, data)
	}
	if len(st.Earlier) == 0 || len(st.Merged) != 1 {
		t.Errorf("the state tested has no earlier credential or merge: %s", data)
	}
}

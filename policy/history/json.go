package history

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/strictjson"
)

// eventJSON is the JSON form of an Event; the kind decides which members
// are written.
type eventJSON struct {
	Kind   string          `json:"kind"`
	Cert   cert.ID         `json:"cert,omitempty"`
	MCID   string          `json:"mcid,omitempty"`
	Learn  string          `json:"learn,omitempty"`
	On     *cert.Date      `json:"on,omitempty"`
	At     *time.Time      `json:"at,omitempty"`
	Passed *bool           `json:"passed,omitempty"`
	Events json.RawMessage `json:"events,omitempty"`
}

// members lists the members of each kind's JSON object; all are required.
var members = [...][]string{
	Earned:    {"kind", "cert", "on"},
	Attempted: {"kind", "cert", "at", "passed"},
	Linked:    {"kind", "learn", "on"},
	Merged:    {"kind", "mcid", "on", "events"},
}

// MarshalJSON implements [json.Marshaler]: an object with "kind" and the
// members of that kind, as in
//
//	{"kind": "earned", "cert": "azure-administrator", "on": "2021-07-15"}
//	{"kind": "attempt", "cert": "azure-administrator", "at": "2022-02-01T09:00:00+08:00", "passed": false}
//	{"kind": "linked", "learn": "ada@example.com", "on": "2021-07-20"}
//	{"kind": "merged", "mcid": "1000002", "on": "2022-03-01", "events": [...]}
//
// An event of no kind is an error.
func (e Event) MarshalJSON() ([]byte, error) {
	v := eventJSON{Kind: e.Kind.String()}
	switch e.Kind {
	case Earned:
		v.Cert, v.On = e.Cert, &e.On
	case Attempted:
		// The attempt's own form writes an instant that RFC 3339 can
		// hold; read it back to take the instant it writes.
		data, err := json.Marshal(e.Attempt())
		if err != nil {
			return nil, err
		}
		var a assessment.Attempt
		if err := json.Unmarshal(data, &a); err != nil {
			return nil, err
		}
		v.Cert, v.At, v.Passed = e.Cert, &a.At, &a.Passed
	case Linked:
		v.Learn, v.On = e.Learn, &e.On
	case Merged:
		events := e.Events
		if events == nil {
			events = []Event{}
		}
		data, err := json.Marshal(events)
		if err != nil {
			return nil, err
		}
		v.MCID, v.On, v.Events = e.MCID, &e.On, data
	default:
		return nil, &LogError{Index: -1, Err: ErrNoKind}
	}
	return json.Marshal(v)
}

// UnmarshalJSON implements [json.Unmarshaler]: it reads one event as
// [ParseLog] reads each, and refuses what ParseLog refuses. On error e is
// unchanged.
func (e *Event) UnmarshalJSON(data []byte) error {
	var v eventIn
	null, err := strictjson.Decode(data, &v)
	switch {
	case err != nil:
		return logError(err)
	case null:
		return &LogError{Index: -1, Err: errors.New("null: want an event object")}
	}
	got, ferr := v.event("")
	if ferr != nil {
		return ferr
	}
	*e = got
	return nil
}

// ParseLog reads an event log: a JSON array of events, oldest first, in the
// form of [Event.MarshalJSON]. It is strict: every member of an event's
// kind is required, and any other member, a member given twice or spelt in
// another case, an unknown kind, an empty title, Learn profile or MCID, a
// day that does not exist and an instant that is not RFC 3339 are refused.
// Every refusal is a [*LogError] matching [ErrInvalidLog] that names the
// index of the event and the JSON path of the value at fault, such as
// "[3].on", also for a fault of syntax inside an event; -1 and "" name the
// log as a whole. An empty array is an empty log; empty input and null are
// refused. ParseLog checks the form only; the rules are the replay's.
func ParseLog(data []byte) ([]Event, error) {
	var v []eventIn
	null, err := strictjson.Decode(data, &v)
	switch {
	case err != nil:
		return nil, logError(err)
	case null:
		return nil, &LogError{Index: -1, Err: errors.New("null: want an array of events")}
	}
	log, ferr := events(v, "")
	if ferr != nil {
		return nil, ferr
	}
	return log, nil
}

// eventIn is the JSON form of an Event as ParseLog reads it: a member
// left out, or null, stays nil.
type eventIn struct {
	Kind   *string    `json:"kind"`
	Cert   *string    `json:"cert"`
	MCID   *string    `json:"mcid"`
	Learn  *string    `json:"learn"`
	On     *cert.Date `json:"on"`
	At     *time.Time `json:"at"`
	Passed *bool      `json:"passed"`
	Events *[]eventIn `json:"events"`
}

// events turns the events read at path into Events.
func events(in []eventIn, path string) ([]Event, *LogError) {
	log := make([]Event, 0, len(in))
	for i := range in {
		e, err := in[i].event(strictjson.Index(path, i))
		if err != nil {
			return nil, err
		}
		log = append(log, e)
	}
	return log, nil
}

// event checks the members of the event read at path against its kind.
func (v *eventIn) event(path string) (Event, *LogError) {
	bad := func(member string, err error) (Event, *LogError) {
		p := path
		if member != "" {
			p = strictjson.Key(path, member)
		}
		return Event{}, &LogError{Index: indexOf(p), Path: p, Err: err}
	}
	if v.Kind == nil {
		return bad("kind", errors.New("missing"))
	}
	var k Kind
	for kk := Earned; kk <= Merged; kk++ {
		if *v.Kind == kindNames[kk] {
			k = kk
		}
	}
	if k == 0 {
		return bad("kind", errors.New("unknown kind "+strconv.Quote(*v.Kind)+": want earned, attempt, linked or merged"))
	}
	given := map[string]bool{"kind": true, "cert": v.Cert != nil, "mcid": v.MCID != nil, "learn": v.Learn != nil,
		"on": v.On != nil, "at": v.At != nil, "passed": v.Passed != nil, "events": v.Events != nil}
	for _, m := range []string{"cert", "mcid", "learn", "on", "at", "passed", "events"} {
		switch in := slices.Contains(members[k], m); {
		case given[m] && !in:
			return bad(m, errors.New("not a member of a "+strconv.Quote(k.String())+" event"))
		case !given[m] && in:
			return bad(m, errors.New("missing"))
		}
	}
	e := Event{Kind: k}
	switch k {
	case Earned, Attempted:
		if e.Cert = cert.ID(*v.Cert); !validText(*v.Cert) {
			return bad("cert", errors.New("want the non-empty ID of a title, in UTF-8"))
		}
	case Linked:
		if e.Learn = *v.Learn; !validText(e.Learn) {
			return bad("learn", errors.New("want a non-empty Learn profile, in UTF-8"))
		}
	case Merged:
		if e.MCID = *v.MCID; !validText(e.MCID) {
			return bad("mcid", errors.New("want a non-empty MCID, in UTF-8"))
		}
		inner, err := events(*v.Events, strictjson.Key(path, "events"))
		if err != nil {
			return Event{}, err
		}
		e.Events = inner
	}
	if k == Attempted {
		e.At, e.Passed = *v.At, *v.Passed
	} else if e.On = *v.On; e.On.IsZero() {
		return bad("on", errors.New("want a day such as \"2021-07-15\""))
	}
	return e, nil
}

// validText reports whether s is non-empty, valid UTF-8.
func validText(s string) bool { return s != "" && utf8.ValidString(s) }

// logError turns a refusal of strictjson into a LogError naming the event.
func logError(err error) *LogError {
	var se *strictjson.Error
	if !errors.As(err, &se) {
		return &LogError{Index: -1, Err: err}
	}
	return &LogError{Index: indexOf(se.Path), Path: se.Path, Err: se.Err}
}

// indexOf returns the index of the top-level event that path names, such
// as 3 for "[3].on", or -1 for the log as a whole.
func indexOf(path string) int {
	if !strings.HasPrefix(path, "[") {
		return -1
	}
	end := strings.IndexByte(path, ']')
	n, err := strconv.Atoi(path[1:max(end, 1)])
	if end < 0 || err != nil {
		return -1
	}
	return n
}

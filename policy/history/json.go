package history

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
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
	got, err := parseEvent(data, "")
	if err != nil {
		return &LogError{Index: -1, Path: err.path, Err: err.err}
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
// "[3].on". An empty array is an empty log; empty input and null are
// refused. ParseLog checks the form only; the rules are the replay's.
func ParseLog(data []byte) ([]Event, error) {
	log, err := parseLog(data, "")
	if err != nil {
		return nil, &LogError{Index: err.index, Path: err.path, Err: err.err}
	}
	return log, nil
}

// A formError is what parseLog and parseEvent report: the index of the
// top-level event, the path and the problem.
type formError struct {
	index int
	path  string
	err   error
}

// parseLog reads the array of events at path.
func parseLog(data []byte, path string) ([]Event, *formError) {
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return nil, &formError{-1, path, errors.New("empty input: want an array of events")}
	case string(trimmed) == "null":
		return nil, &formError{-1, path, errors.New("null: want an array of events")}
	}
	var raws []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raws); err != nil {
		return nil, &formError{-1, path, syntaxProblem(err)}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &formError{-1, path, errors.New("data after the array")}
	}
	log := make([]Event, 0, len(raws))
	for i, raw := range raws {
		e, err := parseEvent(raw, path+"["+strconv.Itoa(i)+"]")
		if err != nil {
			err.index = i
			return nil, err
		}
		log = append(log, e)
	}
	return log, nil
}

// syntaxProblem says what is wrong with a document encoding/json could not
// read, with the byte offset where it has one.
func syntaxProblem(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return errors.New("not JSON at byte " + strconv.FormatInt(se.Offset, 10) + ": " + se.Error())
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return errors.New("a JSON " + te.Value + " where an array of events goes")
	}
	return err
}

// parseEvent reads the event object at path.
func parseEvent(data []byte, path string) (Event, *formError) {
	bad := func(member string, err error) (Event, *formError) {
		p := path
		if member != "" {
			p += "." + member
		}
		return Event{}, &formError{-1, p, err}
	}
	keys, err := objectKeys(data)
	if err != nil {
		return bad("", err)
	}
	var v eventJSON
	if err := json.Unmarshal(data, &v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return bad(te.Field, errors.New("a JSON "+te.Value+" where a "+jsonType(te.Field)+" goes"))
		}
		var pe *cert.ParseError
		if errors.As(err, &pe) {
			return bad(memberWithValue(data, pe.Text), err)
		}
		return bad(memberWithTime(data), err)
	}
	var k Kind
	for kk := Earned; kk <= Merged; kk++ {
		if v.Kind == kindNames[kk] {
			k = kk
		}
	}
	if k == 0 {
		if !slices.Contains(keys, "kind") {
			return bad("kind", errors.New("missing"))
		}
		return bad("kind", errors.New("unknown kind "+strconv.Quote(v.Kind)+": want earned, attempt, linked or merged"))
	}
	for _, key := range keys {
		if !slices.Contains(members[k], key) {
			return bad(key, errors.New("not a member of a "+strconv.Quote(k.String())+" event"))
		}
	}
	for _, m := range members[k] {
		if !slices.Contains(keys, m) {
			return bad(m, errors.New("missing"))
		}
	}
	e := Event{Kind: k, Cert: v.Cert, Learn: v.Learn, MCID: v.MCID}
	if v.On != nil {
		e.On = *v.On
	}
	switch {
	case (k == Earned || k == Attempted) && !validText(string(v.Cert)):
		return bad("cert", errors.New("want the non-empty ID of a title, in UTF-8"))
	case k == Linked && !validText(v.Learn):
		return bad("learn", errors.New("want a non-empty Learn profile, in UTF-8"))
	case k == Merged && !validText(v.MCID):
		return bad("mcid", errors.New("want a non-empty MCID, in UTF-8"))
	case k != Attempted && e.On.IsZero():
		return bad("on", errors.New("want a day such as \"2021-07-15\""))
	case k == Attempted && v.At == nil:
		return bad("at", errors.New("want an instant such as \"2022-02-01T09:00:00+08:00\""))
	case k == Attempted && v.Passed == nil:
		return bad("passed", errors.New("want true or false"))
	}
	if k == Attempted {
		e.At, e.Passed = *v.At, *v.Passed
	}
	if k == Merged {
		inner, err := parseLog(v.Events, path+".events")
		if err != nil {
			return Event{}, err
		}
		e.Events = inner
	}
	return e, nil
}

// validText reports whether s is non-empty, valid UTF-8.
func validText(s string) bool { return s != "" && utf8.ValidString(s) }

// jsonType names the JSON type of an event's member.
func jsonType(member string) string {
	switch member {
	case "passed":
		return "boolean"
	case "events":
		return "array"
	}
	return "string"
}

// objectKeys returns the keys of the JSON object data, refusing one that is
// not an object, a key given twice, and a key that is not exactly one of an
// event's members (encoding/json would match one spelt in another case).
func objectKeys(data []byte) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxProblem(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("want an event object")
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntaxProblem(err)
		}
		key, _ := tok.(string)
		switch {
		case slices.Contains(keys, key):
			return nil, errors.New("member " + strconv.Quote(key) + " given twice")
		case !slices.Contains([]string{"kind", "cert", "mcid", "learn", "on", "at", "passed", "events"}, key):
			return nil, errors.New("unknown member " + strconv.Quote(key))
		}
		keys = append(keys, key)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, syntaxProblem(err)
		}
	}
	return keys, nil
}

// memberWithValue returns the member of the event object data whose value
// is the string text, for naming the day that did not parse.
func memberWithValue(data []byte, text string) string {
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil {
		return ""
	}
	for k, v := range m {
		var s string
		if json.Unmarshal(v, &s) == nil && s == text {
			return k
		}
	}
	return ""
}

// memberWithTime returns "at" when the event has an instant that does not
// parse, which is the one other text value encoding/json reads for it.
func memberWithTime(data []byte) string {
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil {
		return ""
	}
	if raw, ok := m["at"]; ok {
		var t time.Time
		if json.Unmarshal(raw, &t) != nil {
			return "at"
		}
	}
	return ""
}

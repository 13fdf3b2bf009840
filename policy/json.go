package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/strictjson"
)

// policyJSON is the JSON form of a Policy. It names every field, so that a
// file says what it means, and writes the retake wait as a duration such as
// "24h0m0s".
type policyJSON struct {
	Terms           []Term             `json:"terms"`
	WindowMonths    int                `json:"windowMonths"`
	ExtensionMonths int                `json:"extensionMonths"`
	MarketAgeMonths int                `json:"marketAgeMonths"`
	Reminders       Schedule           `json:"reminders"`
	Retakes         assessment.Retakes `json:"retakes"`
}

// MarshalJSON implements [json.Marshaler]. The form, for [Microsoft]:
//
//	{"terms":[{"months":24},{"from":"2021-06-01","months":12}],
//	 "windowMonths":6,"extensionMonths":12,"marketAgeMonths":6,
//	 "reminders":{"atFirstEligibleDay":true,"daysBefore":[90,30,7]},
//	 "retakes":{"immediate":1,"wait":"24h0m0s"}}
//
// It writes p as it is, valid or not.
func (p Policy) MarshalJSON() ([]byte, error) {
	return json.Marshal(policyJSON{
		Terms:           p.Terms,
		WindowMonths:    p.WindowMonths,
		ExtensionMonths: p.ExtensionMonths,
		MarketAgeMonths: p.MarketAgeMonths,
		Reminders:       p.Schedule,
		Retakes:         p.Retakes,
	})
}

// Parse reads a policy from its JSON form, the one [Policy.MarshalJSON]
// writes, and checks it with [Policy.Validate]. It requires every member,
// but for a term's "from" (absent on the first term) and the list
// "daysBefore" (absent for none): a member left out is an error, not a
// silent zero. It refuses members it does not know, in another case, given
// twice or in another object, and a retake wait that is not a duration such
// as "24h".
//
// Every refusal is a [*FieldError] matching [ErrInvalidPolicy] that names
// the value at fault by its JSON path ("terms[1].from", "retakes.wait"),
// including empty input, JSON null and a document that is not JSON (whose
// error gives the byte offset).
func Parse(data []byte) (Policy, error) {
	if len(bytes.TrimLeft(data, " \t\r\n")) == 0 {
		return Policy{}, &FieldError{Problem: "empty document: want a policy object"}
	}
	var p Policy
	if err := p.decode(data); err != nil {
		return Policy{}, err
	}
	return p, nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads what [Parse] reads,
// and refuses what Parse refuses, but for JSON null, which leaves p
// unchanged and is no error, as is encoding/json's convention; use Parse to
// refuse it. On error p is unchanged.
func (p *Policy) UnmarshalJSON(data []byte) error {
	if string(bytes.Trim(data, " \t\r\n")) == "null" {
		return nil
	}
	return p.decode(data)
}

// decode is UnmarshalJSON, refusing null.
func (p *Policy) decode(data []byte) error {
	var v policyIn
	null, err := strictjson.Decode(data, &v)
	if err != nil {
		return &FieldError{Problem: "reading JSON: " + err.Error(), Err: err}
	}
	if null {
		return &FieldError{Problem: "null: want a policy object"}
	}
	if path, key := v.missing(); path != "" {
		return &FieldError{Path: path, Problem: "missing: the JSON has no " + strconv.Quote(key)}
	}
	wait, err := time.ParseDuration(*v.Retakes.Wait)
	if err != nil {
		return &FieldError{Path: "retakes.wait", Problem: "not a duration such as \"24h\": " + err.Error(), Err: err}
	}
	got := Policy{
		Terms:           make([]Term, len(v.Terms)),
		WindowMonths:    *v.WindowMonths,
		ExtensionMonths: *v.ExtensionMonths,
		MarketAgeMonths: *v.MarketAgeMonths,
		Schedule:        Schedule{AtFirstEligibleDay: *v.Reminders.AtFirstEligibleDay, DaysBefore: v.Reminders.DaysBefore},
		Retakes:         assessment.Retakes{Immediate: *v.Retakes.Immediate, Wait: wait},
	}
	for i, t := range v.Terms {
		got.Terms[i] = Term{From: t.From, Months: *t.Months}
	}
	if len(got.Schedule.DaysBefore) == 0 {
		got.Schedule.DaysBefore = nil // as MarshalJSON leaves it out
	}
	if err := got.Validate(); err != nil {
		return err
	}
	*p = got
	return nil
}

// policyIn is the JSON form of a Policy as UnmarshalJSON reads it: a
// member left out stays nil, so that it can be told from a zero.
type policyIn struct {
	Terms           []termIn `json:"terms"`
	WindowMonths    *int     `json:"windowMonths"`
	ExtensionMonths *int     `json:"extensionMonths"`
	MarketAgeMonths *int     `json:"marketAgeMonths"`
	Reminders       *struct {
		AtFirstEligibleDay *bool `json:"atFirstEligibleDay"`
		DaysBefore         []int `json:"daysBefore"`
	} `json:"reminders"`
	Retakes *struct {
		Immediate *int    `json:"immediate"`
		Wait      *string `json:"wait"`
	} `json:"retakes"`
}

type termIn struct {
	From   cert.Date `json:"from"`
	Months *int      `json:"months"`
}

// missing returns the JSON path and the key of the first required member
// that v lacks, or "" and "".
func (v *policyIn) missing() (path, key string) {
	switch {
	case v.Terms == nil:
		return "terms", "terms"
	case v.WindowMonths == nil:
		return "windowMonths", "windowMonths"
	case v.ExtensionMonths == nil:
		return "extensionMonths", "extensionMonths"
	case v.MarketAgeMonths == nil:
		return "marketAgeMonths", "marketAgeMonths"
	case v.Reminders == nil:
		return "reminders", "reminders"
	case v.Reminders.AtFirstEligibleDay == nil:
		return "reminders.atFirstEligibleDay", "atFirstEligibleDay"
	case v.Retakes == nil:
		return "retakes", "retakes"
	case v.Retakes.Immediate == nil:
		return "retakes.immediate", "immediate"
	case v.Retakes.Wait == nil:
		return "retakes.wait", "wait"
	}
	for i, t := range v.Terms {
		if t.Months == nil {
			return "terms[" + strconv.Itoa(i) + "].months", "months"
		}
	}
	return "", ""
}

// decodeStrict decodes the one JSON value of data into v, refusing unknown
// members and anything after the value.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the value")
	}
	return nil
}

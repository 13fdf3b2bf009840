package policy

import (
	"bytes"
	"encoding/json"
	"errors"
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
		return fieldError(err)
	}
	if null {
		return &FieldError{Problem: "null: want a policy object"}
	}
	wait, err := time.ParseDuration(v.Retakes.Wait)
	if err != nil {
		return &FieldError{Path: "retakes.wait", Problem: "not a duration such as \"24h\": " + err.Error(), Err: err}
	}
	got := Policy{
		Terms:           make([]Term, len(v.Terms)),
		WindowMonths:    v.WindowMonths,
		ExtensionMonths: v.ExtensionMonths,
		MarketAgeMonths: v.MarketAgeMonths,
		Schedule:        Schedule{AtFirstEligibleDay: v.Reminders.AtFirstEligibleDay, DaysBefore: v.Reminders.DaysBefore},
		Retakes:         assessment.Retakes{Immediate: v.Retakes.Immediate, Wait: wait},
	}
	for i, t := range v.Terms {
		got.Terms[i] = Term(t)
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

// fieldError turns a refusal of strictjson into a FieldError with its path
// and offset, keeping its cause (such as a *cert.ParseError) for errors.As.
func fieldError(err error) error {
	var se *strictjson.Error
	if !errors.As(err, &se) {
		return &FieldError{Problem: err.Error(), Err: err}
	}
	return &FieldError{Path: se.Path, Offset: se.Offset, Problem: se.Err.Error(), Err: se.Err}
}

// policyIn is the JSON form of a Policy as decode reads it: every member is
// required but a term's "from" (absent on the first term) and the list
// "daysBefore" (absent for none).
type policyIn struct {
	Terms           []termIn `json:"terms" strictjson:"required"`
	WindowMonths    int      `json:"windowMonths" strictjson:"required"`
	ExtensionMonths int      `json:"extensionMonths" strictjson:"required"`
	MarketAgeMonths int      `json:"marketAgeMonths" strictjson:"required"`
	Reminders       struct {
		AtFirstEligibleDay bool  `json:"atFirstEligibleDay" strictjson:"required"`
		DaysBefore         []int `json:"daysBefore"`
	} `json:"reminders" strictjson:"required"`
	Retakes struct {
		Immediate int    `json:"immediate" strictjson:"required"`
		Wait      string `json:"wait" strictjson:"required"` // as time.ParseDuration reads it
	} `json:"retakes" strictjson:"required"`
}

type termIn struct {
	From   cert.Date `json:"from"`
	Months int       `json:"months" strictjson:"required"`
}

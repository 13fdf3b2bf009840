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
// file says what it means, and writes the retake waits as durations such
// as "24h0m0s". The fields that the policy of 2020 does not use are left
// out when zero, so that its form is as it was.
type policyJSON struct {
	Terms           []Term            `json:"terms"`
	WindowMonths    int               `json:"windowMonths,omitempty"`
	WindowDays      int               `json:"windowDays,omitempty"`
	GraceDays       int               `json:"graceDays,omitempty"`
	ExtensionMonths int               `json:"extensionMonths"`
	ExtendFrom      Base              `json:"extendFrom,omitzero"`
	MarketAgeMonths int               `json:"marketAgeMonths"`
	Reminders       Schedule          `json:"reminders"`
	Retakes         assessment.Ladder `json:"retakes"`
	ExamRetakes     assessment.Ladder `json:"examRetakes,omitzero"`
	Versions        []versionJSON     `json:"versions,omitempty"`
	Programs        []programJSON     `json:"programs,omitempty"`
}

type versionJSON struct {
	From   cert.Date `json:"from"`
	Policy Policy    `json:"policy"`
}

type programJSON struct {
	Name   string `json:"name"`
	Policy Policy `json:"policy"`
}

// MarshalJSON implements [json.Marshaler]. The form, for [Microsoft]:
//
//	{"terms":[{"months":24},{"from":"2021-06-01","months":12}],
//	 "windowMonths":6,"extensionMonths":12,"marketAgeMonths":6,
//	 "reminders":{"atFirstEligibleDay":true,"daysBefore":[90,30,7]},
//	 "retakes":{"immediate":1,"wait":"24h0m0s"}}
//
// and the members of the general policy where they are not zero:
// "windowDays" and "graceDays" (days), "extendFrom" ("expiry" or "pass"),
// "atWindowOpens" and "beforeEligible" in "reminders", "then", "cap" and "span" in "retakes"
// (the form of [assessment.Ladder]), "examRetakes" (a ladder),
// "versions" ([{"from": "2024-01-01", "policy": {...}}]) and "programs"
// ([{"name": "google-cloud", "policy": {...}}]). It writes p as it is,
// valid or not.
func (p Policy) MarshalJSON() ([]byte, error) {
	v := policyJSON{
		Terms:           p.Terms,
		WindowMonths:    p.WindowMonths,
		WindowDays:      p.WindowDays,
		GraceDays:       p.GraceDays,
		ExtensionMonths: p.ExtensionMonths,
		ExtendFrom:      p.ExtendFrom,
		MarketAgeMonths: p.MarketAgeMonths,
		Reminders:       p.Schedule,
		Retakes:         p.RenewalRetakes(),
		ExamRetakes:     p.ExamRetakes,
	}
	for _, ver := range p.Versions {
		v.Versions = append(v.Versions, versionJSON(ver))
	}
	for _, g := range p.Programs {
		v.Programs = append(v.Programs, programJSON(g))
	}
	return json.Marshal(v)
}

// Parse reads a policy from its JSON form, the one [Policy.MarshalJSON]
// writes, and checks it with [Policy.Validate]. It requires the members
// of the policy of 2020, "terms" (each term's "months"),
// "extensionMonths", "marketAgeMonths", "reminders" (its
// "atFirstEligibleDay") and "retakes" (its "immediate" and "wait"): a
// member left out is an error, not a silent zero. A term's "from" (absent
// on the first term), the list "daysBefore", "windowMonths" (when
// "windowDays" gives the window, RULES G2) and the members of the general
// policy (RULES G1-G8) may be left out, and are zero then. It refuses
// members it does not know, in another case, given twice or in another
// object, and a retake wait that is not a duration such as "24h".
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
	got, err := v.policy("")
	if err != nil {
		return err
	}
	if err := got.Validate(); err != nil {
		return err
	}
	*p = got
	return nil
}

// policy returns the Policy that v gives, whose members' paths begin with
// at, or the first duration that does not read.
func (v *policyIn) policy(at string) (Policy, error) {
	r := &v.Retakes
	wait, err := duration(at+"retakes.wait", r.Wait)
	if err != nil {
		return Policy{}, err
	}
	p := Policy{
		Terms:           make([]Term, len(v.Terms)),
		WindowMonths:    v.WindowMonths,
		WindowDays:      v.WindowDays,
		GraceDays:       v.GraceDays,
		ExtensionMonths: v.ExtensionMonths,
		ExtendFrom:      v.ExtendFrom,
		MarketAgeMonths: v.MarketAgeMonths,
		Schedule: Schedule{AtFirstEligibleDay: v.Reminders.AtFirstEligibleDay, AtWindowOpens: v.Reminders.AtWindowOpens,
			BeforeEligible: v.Reminders.BeforeEligible, DaysBefore: v.Reminders.DaysBefore},
		Retakes:    assessment.Retakes{Immediate: r.Immediate, Wait: wait},
		RetakesCap: r.Cap,
	}
	for i, t := range v.Terms {
		p.Terms[i] = Term(t)
	}
	if len(p.Schedule.DaysBefore) == 0 {
		p.Schedule.DaysBefore = nil // as MarshalJSON leaves it out
	}
	if p.RetakesThen, p.RetakesSpan, err = r.rest(at + "retakes"); err != nil {
		return Policy{}, err
	}
	if x := v.ExamRetakes; x != nil {
		p.ExamRetakes.Retakes.Immediate, p.ExamRetakes.Cap = x.Immediate, x.Cap
		if p.ExamRetakes.Wait, err = duration(at+"examRetakes.wait", x.Wait); err != nil {
			return Policy{}, err
		}
		if p.ExamRetakes.Then, p.ExamRetakes.Span, err = x.rest(at + "examRetakes"); err != nil {
			return Policy{}, err
		}
	}
	for i := range v.Versions {
		path := strictjson.Index(at+"versions", i)
		q, err := v.Versions[i].Policy.policy(path + ".policy.")
		if err != nil {
			return Policy{}, err
		}
		p.Versions = append(p.Versions, Version{From: v.Versions[i].From, Policy: q})
	}
	for i := range v.Programs {
		path := strictjson.Index(at+"programs", i)
		q, err := v.Programs[i].Policy.policy(path + ".policy.")
		if err != nil {
			return Policy{}, err
		}
		p.Programs = append(p.Programs, Program{Name: v.Programs[i].Name, Policy: q})
	}
	return p, nil
}

// rest returns the waits after the first steps, and the span of the cap,
// of a retake rule whose members' paths begin with at.
func (r *retakesIn) rest(at string) (then []time.Duration, span time.Duration, err error) {
	for i, s := range r.Then {
		d, err := duration(strictjson.Index(at+".then", i), s)
		if err != nil {
			return nil, 0, err
		}
		then = append(then, d)
	}
	if r.Span != nil {
		if span, err = duration(at+".span", *r.Span); err != nil {
			return nil, 0, err
		}
	}
	return then, span, nil
}

// duration reads a retake wait such as "24h" or "336h", the member at path.
func duration(path, s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, &FieldError{Path: path, Problem: "not a duration such as \"24h\": " + err.Error(), Err: err}
	}
	return d, nil
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

// policyIn is the JSON form of a Policy as decode reads it, with the
// members that Parse requires marked.
type policyIn struct {
	Terms           []termIn `json:"terms" strictjson:"required"`
	WindowMonths    int      `json:"windowMonths"`
	WindowDays      int      `json:"windowDays"`
	GraceDays       int      `json:"graceDays"`
	ExtensionMonths int      `json:"extensionMonths" strictjson:"required"`
	ExtendFrom      Base     `json:"extendFrom"`
	MarketAgeMonths int      `json:"marketAgeMonths" strictjson:"required"`
	Reminders       struct {
		AtFirstEligibleDay bool  `json:"atFirstEligibleDay" strictjson:"required"`
		AtWindowOpens      bool  `json:"atWindowOpens"`
		BeforeEligible     bool  `json:"beforeEligible"`
		DaysBefore         []int `json:"daysBefore"`
	} `json:"reminders" strictjson:"required"`
	Retakes     retakesIn   `json:"retakes" strictjson:"required"`
	ExamRetakes *retakesIn  `json:"examRetakes"`
	Versions    []versionIn `json:"versions"`
	Programs    []programIn `json:"programs"`
}

// retakesIn is the JSON form of a retake rule, a ladder, as decode reads
// it; its durations are read as time.ParseDuration reads them.
type retakesIn struct {
	Immediate int      `json:"immediate" strictjson:"required"`
	Wait      string   `json:"wait" strictjson:"required"`
	Then      []string `json:"then"`
	Cap       int      `json:"cap"`
	Span      *string  `json:"span"`
}

type versionIn struct {
	From   cert.Date `json:"from" strictjson:"required"`
	Policy policyIn  `json:"policy" strictjson:"required"`
}

type programIn struct {
	Name   string   `json:"name" strictjson:"required"`
	Policy policyIn `json:"policy" strictjson:"required"`
}

type termIn struct {
	From   cert.Date `json:"from"`
	Months int       `json:"months" strictjson:"required"`
}

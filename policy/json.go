package policy

import (
	"encoding/json"
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
	Terms           []Term      `json:"terms"`
	WindowMonths    int         `json:"windowMonths"`
	ExtensionMonths int         `json:"extensionMonths"`
	MarketAgeMonths int         `json:"marketAgeMonths"`
	Reminders       Schedule    `json:"reminders"`
	Retakes         retakesJSON `json:"retakes"`
}

type retakesJSON struct {
	Immediate int    `json:"immediate"`
	Wait      string `json:"wait"` // as time.ParseDuration reads it
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
		Retakes:         retakesJSON{p.Retakes.Immediate, p.Retakes.Wait.String()},
	})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form that
// MarshalJSON writes and requires every member of it, but for a term's
// "from" (absent on the first term) and the list "daysBefore" (absent for
// none): a member left out is an error, not a silent zero. It refuses
// members it does not know, in another case or given twice, and a retake
// wait that is not a duration such as "24h", and then checks the policy
// with [Policy.Validate]. Every refusal matches [ErrInvalidPolicy] and names
// the field as Go does ("Retakes.Wait"). On error p is unchanged. JSON null
// leaves p unchanged and is no error, as is encoding/json's convention.
func (p *Policy) UnmarshalJSON(data []byte) error {
	var v policyIn
	null, err := strictjson.Decode(data, &v)
	if err != nil {
		return &PolicyError{Problem: "reading JSON: " + err.Error(), Err: err}
	}
	if null {
		return nil
	}
	if field, key := v.missing(); field != "" {
		return &PolicyError{Field: field, Problem: "missing: the JSON has no " + strconv.Quote(key)}
	}
	wait, err := time.ParseDuration(*v.Retakes.Wait)
	if err != nil {
		return &PolicyError{Field: "Retakes.Wait", Problem: "not a duration such as \"24h\": " + err.Error(), Err: err}
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

// missing returns the Go name and the JSON key of the first required member
// that v lacks, or "" and "".
func (v *policyIn) missing() (field, key string) {
	switch {
	case v.Terms == nil:
		return "Terms", "terms"
	case v.WindowMonths == nil:
		return "WindowMonths", "windowMonths"
	case v.ExtensionMonths == nil:
		return "ExtensionMonths", "extensionMonths"
	case v.MarketAgeMonths == nil:
		return "MarketAgeMonths", "marketAgeMonths"
	case v.Reminders == nil:
		return "Schedule", "reminders"
	case v.Reminders.AtFirstEligibleDay == nil:
		return "Schedule.AtFirstEligibleDay", "atFirstEligibleDay"
	case v.Retakes == nil:
		return "Retakes", "retakes"
	case v.Retakes.Immediate == nil:
		return "Retakes.Immediate", "immediate"
	case v.Retakes.Wait == nil:
		return "Retakes.Wait", "wait"
	}
	for i, t := range v.Terms {
		if t.Months == nil {
			return "Terms[" + strconv.Itoa(i) + "].Months", "months"
		}
	}
	return "", ""
}

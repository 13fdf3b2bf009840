package policy

import (
	"encoding/json"
	"time"

	"github.com/certrenew/certrenew/assessment"
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
// MarshalJSON writes, refuses members it does not know, in another case or
// given twice (a misspelt field is an error, not a silent zero) and a retake
// wait that is not a duration, and then checks the policy with
// [Policy.Validate]. Every refusal matches [ErrInvalidPolicy]. On error p is
// unchanged. JSON null leaves p unchanged and is no error, as is
// encoding/json's convention.
func (p *Policy) UnmarshalJSON(data []byte) error {
	var v policyJSON
	null, err := strictjson.Decode(data, &v,
		"terms", "from", "months", "windowMonths", "extensionMonths", "marketAgeMonths",
		"reminders", "atFirstEligibleDay", "daysBefore", "retakes", "immediate", "wait",
	)
	if err != nil {
		return &PolicyError{Problem: "reading JSON: " + err.Error(), Err: err}
	}
	if null {
		return nil
	}
	if v.Retakes.Wait == "" {
		return &PolicyError{Field: "Retakes.Wait", Problem: "missing: give a duration such as \"24h\", or \"0s\" for none"}
	}
	wait, err := time.ParseDuration(v.Retakes.Wait)
	if err != nil {
		return &PolicyError{Field: "Retakes.Wait", Problem: "not a duration such as \"24h\": " + err.Error(), Err: err}
	}
	got := Policy{
		Terms:           v.Terms,
		WindowMonths:    v.WindowMonths,
		ExtensionMonths: v.ExtensionMonths,
		MarketAgeMonths: v.MarketAgeMonths,
		Schedule:        v.Reminders,
		Retakes:         assessment.Retakes{Immediate: v.Retakes.Immediate, Wait: wait},
	}
	if err := got.Validate(); err != nil {
		return err
	}
	*p = got
	return nil
}

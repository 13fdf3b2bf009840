package assessment

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/strictjson"
)

// attemptJSON is the JSON form of an Attempt.
type attemptJSON struct {
	At     time.Time `json:"at"`
	Passed bool      `json:"passed"`
}

// MarshalJSON implements [json.Marshaler]: {"at":
// "2022-02-01T09:00:00+08:00", "passed": false}, the instant in RFC 3339
// form with its offset from UTC. An offset that is not a whole number of
// minutes, such as a historical local mean time, cannot be written in RFC
// 3339: the instant is then written in UTC, so that it reads back as the
// same instant. An instant outside the years 0000 to 9999 has no RFC 3339
// form, and marshaling it fails.
func (a Attempt) MarshalJSON() ([]byte, error) {
	at := a.At
	if _, offset := at.Zone(); offset%60 != 0 {
		at = at.UTC()
	}
	return json.Marshal(attemptJSON{at, a.Passed})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form MarshalJSON
// writes, requires both members and refuses any other; on a refusal a is
// unchanged. JSON null leaves a unchanged, as is encoding/json's
// convention.
func (a *Attempt) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var v struct {
		At     time.Time `json:"at" strictjson:"required"`
		Passed bool      `json:"passed" strictjson:"required"`
	}
	if err := decodeStrict(data, &v); err != nil {
		return fmt.Errorf("assessment: reading an attempt: %w", err)
	}
	*a = Attempt{At: v.At, Passed: v.Passed}
	return nil
}

// retakesJSON is the JSON form of a Retakes.
type retakesJSON struct {
	Immediate int    `json:"immediate"`
	Wait      string `json:"wait"` // as time.Duration.String writes it
}

// MarshalJSON implements [json.Marshaler]: {"immediate":1,"wait":"24h0m0s"},
// the wait as [time.Duration.String] writes it. It writes r as it is, valid
// or not.
func (r Retakes) MarshalJSON() ([]byte, error) {
	return json.Marshal(retakesJSON{r.Immediate, r.Wait.String()})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form MarshalJSON
// writes, requires both members, refuses any other, and a wait that
// [time.ParseDuration] does not read, and checks the rule with
// [Retakes.Validate]. Every refusal matches [ErrInvalidRetakes]; on a
// refusal r is unchanged. JSON null leaves r unchanged, as is encoding/json's
// convention.
func (r *Retakes) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var v struct {
		Immediate int    `json:"immediate" strictjson:"required"`
		Wait      string `json:"wait" strictjson:"required"`
	}
	if err := decodeStrict(data, &v); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidRetakes, err)
	}
	wait, err := time.ParseDuration(v.Wait)
	if err != nil {
		return fmt.Errorf("%w: wait: %w", ErrInvalidRetakes, err)
	}
	got := Retakes{Immediate: v.Immediate, Wait: wait}
	if err := got.Validate(); err != nil {
		return err
	}
	*r = got
	return nil
}

// cycleJSON is the JSON form of a Cycle.
type cycleJSON struct {
	Credential cert.Credential `json:"credential" strictjson:"required"`
	Attempts   []Attempt       `json:"attempts" strictjson:"required"`
}

// MarshalJSON implements [json.Marshaler]: {"credential": {...},
// "attempts": [...]}, the attempts oldest first ([] for none).
func (c Cycle) MarshalJSON() ([]byte, error) {
	a := c.attempts
	if a == nil {
		a = []Attempt{}
	}
	return json.Marshal(cycleJSON{c.cred, a})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form MarshalJSON
// writes, refuses members it does not know, and checks the history as
// [NewCycle] does; on a refusal c is unchanged. JSON null leaves c
// unchanged, as is encoding/json's convention.
func (c *Cycle) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var v cycleJSON
	if err := decodeStrict(data, &v); err != nil {
		return fmt.Errorf("assessment: reading a cycle: %w", err)
	}
	got, err := NewCycle(v.Credential, v.Attempts)
	if err != nil {
		return err
	}
	*c = got
	return nil
}

// decodeStrict decodes the one JSON value of data into v as strictjson
// does: unknown keys, keys in another case or given twice, a missing
// required member and data after the value are refused, each named by its
// JSON path. The callers handle null before.
func decodeStrict(data []byte, v any) error {
	_, err := strictjson.Decode(data, v)
	return err
}

package assessment_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
)

// TestRetakesJSON checks the retake rule's JSON form alone, as it is inside
// a policy: the wait as a duration string (RULES A2, A3).
func TestRetakesJSON(t *testing.T) {
	data, err := json.Marshal(microsoft)
	if err != nil || string(data) != `{"immediate":1,"wait":"24h0m0s"}` {
		t.Fatalf("Marshal = %s, %v", data, err)
	}
	var back assessment.Retakes
	if err := json.Unmarshal([]byte(`{"immediate":1,"wait":"24h"}`), &back); err != nil || back != microsoft {
		t.Errorf("Unmarshal = %+v, %v", back, err)
	}
	for _, bad := range []string{
		`{"immediate":1}`,
		`{"wait":"24h"}`,
		`{"immediate":1,"wait":86400000000000}`,
		`{"immediate":1,"wait":"a day"}`,
		`{"immediate":-1,"wait":"24h"}`,
		`{"immediate":1,"wait":"-1s"}`,
		`{"immediate":1,"wait":"876601h"}`,
		`{"immediate":1,"wait":"24h","extra":0}`,
		`[1,"24h"]`,
	} {
		r := microsoft
		err := json.Unmarshal([]byte(bad), &r)
		if !errors.Is(err, assessment.ErrInvalidRetakes) {
			t.Errorf("Unmarshal(%s) = %v, want ErrInvalidRetakes", bad, err)
		}
		if r != microsoft {
			t.Errorf("Unmarshal(%s) changed the rule on a refusal", bad)
		}
	}
}

// TestAttemptJSON checks an attempt's JSON form and its refusals, and that
// an offset of seconds, which RFC 3339 cannot write, keeps the instant.
func TestAttemptJSON(t *testing.T) {
	lmt := time.FixedZone("LMT", -(4*3600 + 56*60 + 2))
	a := assessment.Attempt{At: time.Date(1875, 11, 20, 7, 17, 31, 5, lmt), Passed: true}
	data, err := json.Marshal(a)
	if err != nil || string(data) != `{"at":"1875-11-20T12:13:33.000000005Z","passed":true}` {
		t.Errorf("Marshal(%v) = %s, %v", a, data, err)
	}
	var back assessment.Attempt
	if err := json.Unmarshal(data, &back); err != nil || !back.At.Equal(a.At) || !back.Passed {
		t.Errorf("round trip: %v, %v", back, err)
	}
	for _, bad := range []string{`{"passed":true}`, `{"at":"2022-02-01T09:00:00Z"}`, `{"at":"2022-02-01T09:00:00Z","passed":false,"cert":"x"}`, `{"at":"2022-02-01","passed":false}`} {
		back := a
		if err := json.Unmarshal([]byte(bad), &back); err == nil || back != a {
			t.Errorf("Unmarshal(%s) = %v, %v; want a refusal and no change", bad, back, err)
		}
	}
}

// TestPropJSON states that every type of the package round-trips through
// its JSON form: Attempt (the same instant and offset), Retakes, Cycle and
// Offering.
func TestPropJSON(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("JSON Attempt, Retakes, Cycle and Offering round-trip", prop.ForAll(
		func(s scenario, langs []string, revised int) string {
			r := assessment.Retakes{Immediate: max(s.r.Immediate, 0), Wait: max(s.r.Wait, 0)}
			var gotR assessment.Retakes
			if msg := roundTrip(r, &gotR); msg != "" || gotR != r {
				return "Retakes " + msg
			}
			c, err := assessment.NewCycle(admin, s.history)
			if err != nil {
				return err.Error()
			}
			var gotC assessment.Cycle
			if !inTextRange(s.history) {
				// RFC 3339 has four-digit years: such instants have no text.
				if _, err := json.Marshal(c); err == nil {
					return "Cycle: an instant outside years 0-9999 marshaled"
				}
				return ""
			}
			if msg := roundTrip(c, &gotC); msg != "" {
				return "Cycle " + msg
			}
			if gotC.Credential() != c.Credential() || gotC.Len() != c.Len() {
				return "Cycle mismatch"
			}
			for i, a := range c.All() {
				b := gotC.At(i)
				_, off1 := a.At.Zone()
				_, off2 := b.At.Zone()
				if off1%60 != 0 {
					off1 = 0 // RFC 3339 has no seconds of offset: written in UTC
				}
				if !a.At.Equal(b.At) || off1 != off2 || a.Passed != b.Passed {
					return "Attempt mismatch: " + a.At.String() + " " + b.At.String()
				}
			}
			o := assessment.Offering{Cert: "azure-administrator", Languages: langs, Revised: cert.NewDate(2021, 1, revised)}
			if len(langs) == 0 {
				o.Languages = nil
			}
			var gotO assessment.Offering
			if msg := roundTrip(o, &gotO); msg != "" {
				return "Offering " + msg
			}
			if diff := cmp.Diff(o, gotO); diff != "" {
				return "Offering mismatch: " + diff
			}
			return ""
		},
		genScenario(), gen.SliceOf(gen.OneConstOf("en", "ja", "zh-Hans", "pt-BR")), gen.IntRange(0, 3000),
	))
	properties.TestingRun(t)
}

// roundTrip marshals v and unmarshals the text into back, and says what
// failed, or "".
func roundTrip(v, back any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return "marshal: " + err.Error()
	}
	if err := json.Unmarshal(data, back); err != nil {
		return "unmarshal " + string(data) + ": " + err.Error()
	}
	return ""
}

// inTextRange reports whether every attempt of h lies in the years RFC 3339
// writes, 0000 to 9999.
func inTextRange(h []assessment.Attempt) bool {
	for _, a := range h {
		if y := a.At.Year(); y < 0 || y > 9999 {
			return false
		}
	}
	return true
}

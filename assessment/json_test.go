package assessment_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
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

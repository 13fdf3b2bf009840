package policy_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
	"github.com/certrenew/certrenew/policy"
)

// microsoftJSON is Microsoft's policy as its JSON doc gives it.
const microsoftJSON = `{"terms":[{"months":24},{"from":"2021-06-01","months":12}],` +
	`"windowMonths":6,"extensionMonths":12,"marketAgeMonths":6,` +
	`"reminders":{"atFirstEligibleDay":true,"daysBefore":[90,30,7]},` +
	`"retakes":{"immediate":1,"wait":"24h0m0s"}}`

// TestPolicyJSON checks the JSON form: Microsoft's policy round-trips, and a
// third term is one more row.
func TestPolicyJSON(t *testing.T) {
	b, err := json.Marshal(policy.Microsoft())
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	if string(b) != microsoftJSON {
		t.Errorf("Marshal = %s\nwant %s", b, microsoftJSON)
	}
	var got policy.Policy
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if diff := cmp.Diff(policy.Microsoft(), got); diff != "" {
		t.Errorf("H1 round trip mismatch (-want +got):\n%s", diff)
	}

	t.Run("V4 a third term is one more row", func(t *testing.T) {
		const third = `{
			"terms": [
				{"months": 24},
				{"from": "2021-06-01", "months": 12},
				{"from": "2025-01-01", "months": 36}
			],
			"windowMonths": 6, "extensionMonths": 12, "marketAgeMonths": 6,
			"reminders": {"atFirstEligibleDay": true, "daysBefore": [90, 30, 7]},
			"retakes": {"immediate": 1, "wait": "24h"}
		}`
		var p policy.Policy
		if err := json.Unmarshal([]byte(third), &p); err != nil {
			t.Fatalf("Unmarshal: %v", err)
		}
		if diff := cmp.Diff(threeTerms(), p); diff != "" {
			t.Errorf("mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("M1 no reminders and a wait of 0", func(t *testing.T) {
		const none = `{"terms":[{"months":12}],"windowMonths":1,"extensionMonths":2,"marketAgeMonths":0,` +
			`"reminders":{"atFirstEligibleDay":false},"retakes":{"immediate":0,"wait":"0s"}}`
		var p policy.Policy
		if err := json.Unmarshal([]byte(none), &p); err != nil {
			t.Fatalf("Unmarshal: %v", err)
		}
		want := policy.Policy{Terms: []policy.Term{{Months: 12}}, WindowMonths: 1, ExtensionMonths: 2}
		if diff := cmp.Diff(want, p); diff != "" {
			t.Errorf("mismatch (-want +got):\n%s", diff)
		}
		b, err := json.Marshal(p)
		if err != nil || string(b) != none {
			t.Errorf("Marshal = %s, %v\nwant %s", b, err, none)
		}
	})
}

// TestPolicyUnmarshalJSONRefusals checks that bad policy JSON is refused
// with ErrInvalidPolicy, naming the field where there is one, and leaves the
// receiver unchanged.
func TestPolicyUnmarshalJSONRefusals(t *testing.T) {
	tests := []struct {
		name  string
		json  string
		field string
	}{
		{"H1 an unknown member", `{"terms":[{"months":24}],"windowMonth":6}`, "windowMonth"},
		{"H1 a misspelt member of a term", `{"terms":[{"month":24}],"windowMonths":6,"extensionMonths":12,"reminders":{},"retakes":{"wait":"24h"}}`, "terms[0].month"},
		{"H1 a misspelt member of the reminders", replace(microsoftJSON, `"daysBefore"`, `"daysbefor"`), "reminders.daysbefor"},
		{"V4 a member in another case", replace(microsoftJSON, `"windowMonths"`, `"WindowMonths"`), "WindowMonths"},
		{"V4 a member of a term in another case", replace(microsoftJSON, `{"months":24}`, `{"Months":24}`), "terms[0].Months"},
		{"V4 a member given twice, the second silently winning without the check", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":6,"windowMonths":7`), "windowMonths"},
		{"A3 a wait that is no duration", replace(microsoftJSON, `"24h0m0s"`, `"24 hours"`), "retakes.wait"},
		{"A3 a wait in seconds as a number", replace(microsoftJSON, `"24h0m0s"`, `86400`), "retakes.wait"},
		{"A3 no wait at all", replace(microsoftJSON, `,"wait":"24h0m0s"`, ``), "retakes.wait"},
		{"A3 a negative wait", replace(microsoftJSON, `"24h0m0s"`, `"-1h"`), "retakes.wait"},
		{"E2 a window as long as a term", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":12`), "windowMonths"},
		{"V4 terms out of order", replace(microsoftJSON, `{"months":24},{"from":"2021-06-01","months":12}`, `{"months":24},{"from":"2021-06-01","months":12},{"from":"2021-01-01","months":12}`), "terms[2].from"},
		{"V4 a day that does not exist", replace(microsoftJSON, `2021-06-01`, `2021-02-30`), "terms[1].from"},
		{"V4 no terms", replace(microsoftJSON, `{"months":24},{"from":"2021-06-01","months":12}`, ``), "terms"},
		{"M1 five reminders", replace(microsoftJSON, `[90,30,7]`, `[120,90,30,7]`), "reminders"},
		{"H1 months as a string", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":"6"`), "windowMonths"},
		{"H1 months as a fraction", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":6.5`), "windowMonths"},
		{"H1 trailing data", microsoftJSON + ` {}`, ""},
		{"H1 trailing garbage", microsoftJSON + `x`, ""},
		{"H1 an empty object", `{}`, "terms"},
		{"V4 no terms member", replace(microsoftJSON, `"terms":[{"months":24},{"from":"2021-06-01","months":12}],`, ``), "terms"},
		{"V4 a term without its months", replace(microsoftJSON, `{"from":"2021-06-01","months":12}`, `{"from":"2021-06-01"}`), "terms[1].months"},
		{"E2 no window", replace(microsoftJSON, `"windowMonths":6,`, ``), "windowMonths"},
		{"N1 no extension", replace(microsoftJSON, `"extensionMonths":12,`, ``), "extensionMonths"},
		{"E3 no market age", replace(microsoftJSON, `"marketAgeMonths":6,`, ``), "marketAgeMonths"},
		{"M2 no reminders member", replace(microsoftJSON, `"reminders":{"atFirstEligibleDay":true,"daysBefore":[90,30,7]},`, ``), "reminders"},
		{"M2 no first-eligible-day flag", replace(microsoftJSON, `"atFirstEligibleDay":true,`, ``), "reminders.atFirstEligibleDay"},
		{"A2 no immediate retakes", replace(microsoftJSON, `"immediate":1,`, ``), "retakes.immediate"},
		{"A3 no retakes member", replace(microsoftJSON, `,"retakes":{"immediate":1,"wait":"24h0m0s"}`, ``), "retakes"},
		{"H1 an array", `[]`, ""},
		{"H1 a number", `12`, ""},
		{"H1 a truncated object", microsoftJSON[:40], "terms[1].from"},
		{"H1 nothing", ``, ""},
		{"H1 null then data", `null {}`, ""},
		{"H1 a key of another object: a term's months at the top", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":6,"months":12`), "months"},
		{"H1 a key of another object: the wait among the reminders", replace(microsoftJSON, `"daysBefore":[90,30,7]`, `"daysBefore":[90,30,7],"wait":"1h"`), "reminders.wait"},
		{"H1 a term that is no object", replace(microsoftJSON, `{"months":24}`, `24`), "terms[0]"},
		{"H1 invalid UTF-8 in a key", replace(microsoftJSON, `"windowMonths"`, "\"window\xffMonths\""), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := threeTerms()
			err := p.UnmarshalJSON([]byte(tt.json))
			checkFieldError(t, err, tt.field)
			if diff := cmp.Diff(threeTerms(), p); diff != "" {
				t.Errorf("UnmarshalJSON changed the receiver on error (-want +got):\n%s", diff)
			}
			// Through encoding/json too, where the syntax allows.
			if json.Valid([]byte(tt.json)) {
				q := threeTerms()
				if err := json.Unmarshal([]byte(tt.json), &q); !isOnly(err, policy.ErrInvalidPolicy) {
					t.Errorf("json.Unmarshal: %v, want ErrInvalidPolicy", err)
				}
			}
		})
	}
}

// TestParse checks that Parse reads what MarshalJSON writes and refuses,
// as UnmarshalJSON does not, null and empty input; every refusal names its
// path, and a document that is not JSON its byte offset.
func TestParse(t *testing.T) {
	p, err := policy.Parse([]byte(microsoftJSON))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(policy.Microsoft(), p); diff != "" {
		t.Errorf("Parse mismatch (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		name, json, path string
		offset           int64
	}{
		{"H1 null", `null`, "", 0},
		{"H1 null in white space", " null\n", "", 0},
		{"H1 empty input", ``, "", 0},
		{"H1 white space", " \t\r\n", "", 0},
		{"H1 not JSON", `{"terms":[}`, "terms[0]", 10},
		{"H1 data after the policy", microsoftJSON + ` x`, "", int64(len(microsoftJSON) + 1)},
		{"V4 a day that does not exist", replace(microsoftJSON, `2021-06-01`, `2021-02-30`), "terms[1].from", 32},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := policy.Parse([]byte(tt.json))
			checkFieldError(t, err, tt.path)
			var fe *policy.FieldError
			if errors.As(err, &fe) && fe.Offset != tt.offset {
				t.Errorf("Offset = %d, want %d (%v)", fe.Offset, tt.offset, err)
			}
			if diff := cmp.Diff(policy.Policy{}, p); diff != "" {
				t.Errorf("a refusal returned a policy (-want +got):\n%s", diff)
			}
		})
	}
	var pe *cert.ParseError
	if _, err := policy.Parse([]byte(replace(microsoftJSON, `2021-06-01`, `2021-02-30`))); !errors.As(err, &pe) || !errors.Is(err, cert.ErrSyntax) {
		t.Errorf("a malformed day: %v, want a *cert.ParseError behind it", err)
	}
}

// TestPolicyUnmarshalJSONNull checks that null is no error and leaves the
// policy unchanged, alone and as a member.
func TestPolicyUnmarshalJSONNull(t *testing.T) {
	for _, text := range []string{`null`, ` null `, "\n\tnull\r\n"} {
		p := threeTerms()
		if err := p.UnmarshalJSON([]byte(text)); err != nil {
			t.Errorf("UnmarshalJSON(%q): %v", text, err)
		}
		if diff := cmp.Diff(threeTerms(), p); diff != "" {
			t.Errorf("UnmarshalJSON(%q) changed the policy (-want +got):\n%s", text, diff)
		}
	}
	var config struct{ Policy policy.Policy }
	config.Policy = policy.Microsoft()
	if err := json.Unmarshal([]byte(`{"Policy":null}`), &config); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if diff := cmp.Diff(policy.Microsoft(), config.Policy); diff != "" {
		t.Errorf("null member changed the policy (-want +got):\n%s", diff)
	}
	// As a member of a configuration, with white space.
	if err := json.Unmarshal([]byte("{\"Policy\": "+microsoftJSON+"\n}"), &config); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if diff := cmp.Diff(policy.Microsoft(), config.Policy); diff != "" {
		t.Errorf("member mismatch (-want +got):\n%s", diff)
	}
}

// replace returns s with the first old replaced by new; it panics when s
// holds no old, so that a case never tests the unchanged text by mistake.
func replace(s, old, new string) string {
	for i := 0; i+len(old) <= len(s); i++ {
		if s[i:i+len(old)] == old {
			return s[:i] + new + s[i+len(old):]
		}
	}
	panic("no " + old + " in " + s)
}

// TestPropJSON_EveryTypeRoundTrips states that the JSON form of every type
// of the package round-trips: a valid Policy through Parse (RULES V4), and
// the Decision, Window and Reason of every scenario.
func TestPropJSON_EveryTypeRoundTrips(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("V4 E5 JSON of Policy, Decision, Window and Reason round-trips", prop.ForAll(
		func(s scenario) string {
			data, err := json.Marshal(s.P)
			if err != nil {
				return "Marshal policy: " + err.Error()
			}
			p, err := policy.Parse(data)
			if err != nil {
				return "Parse " + string(data) + ": " + err.Error()
			}
			if diff := cmp.Diff(s.P, p, cmpEmpty); diff != "" {
				return "policy mismatch (-want +got):\n" + diff
			}
			again, err := json.Marshal(p)
			if err != nil || string(again) != string(data) {
				return "policy text changed: " + string(again)
			}
			d := s.P.Eligibility(s.Pr, s.C, s.On)
			for _, v := range []struct {
				in   any
				back any
			}{{d, new(policy.Decision)}, {d.Window, new(policy.Window)}, {d.Reason, new(policy.Reason)}} {
				data, err := json.Marshal(v.in)
				if err != nil {
					return "Marshal: " + err.Error()
				}
				if err := json.Unmarshal(data, v.back); err != nil {
					return "Unmarshal " + string(data) + ": " + err.Error()
				}
				if diff := cmp.Diff(v.in, reflect.ValueOf(v.back).Elem().Interface()); diff != "" {
					return "mismatch (-want +got):\n" + diff
				}
			}
			return ""
		}, genScenario()))
	properties.TestingRun(t)
}

package policy_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// generalJSON is a policy that uses every member of the general policy: a
// version from 2024-01-01 and a program, each with a window in days, a
// grace period, an extension from the pass, a reminder when the window
// opens and retake ladders with a cap (RULES G1-G8).
const generalJSON = `{"terms":[{"months":24},{"from":"2021-06-01","months":12}],"windowMonths":6,"extensionMonths":12,"marketAgeMonths":6,` +
	`"reminders":{"atFirstEligibleDay":true,"daysBefore":[90,30,7]},"retakes":{"immediate":1,"wait":"24h0m0s"},` +
	`"versions":[{"from":"2024-01-01","policy":{"terms":[{"months":24}],"windowDays":60,"graceDays":30,"extensionMonths":24,"extendFrom":"pass","marketAgeMonths":0,` +
	`"reminders":{"atFirstEligibleDay":false,"atWindowOpens":true,"daysBefore":[30]},` +
	`"retakes":{"immediate":0,"wait":"336h0m0s","then":["1440h0m0s","8760h0m0s"],"cap":4,"span":"17520h0m0s"},"examRetakes":{"immediate":0,"wait":"24h0m0s"}}}],` +
	`"programs":[{"name":"google-cloud","policy":{"terms":[{"months":24}],"windowDays":60,"extensionMonths":24,"marketAgeMonths":0,` +
	`"reminders":{"atFirstEligibleDay":false,"beforeEligible":true,"daysBefore":[90,30]},"retakes":{"immediate":0,"wait":"336h0m0s","then":["1440h0m0s","8760h0m0s"]}}}]}`

// general is the policy of generalJSON.
func general() policy.Policy {
	const day = 24 * time.Hour
	p := policy.Microsoft()
	p.Versions = []policy.Version{{From: cert.NewDate(2024, time.January, 1), Policy: policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      60,
		GraceDays:       30,
		ExtensionMonths: 24,
		ExtendFrom:      policy.FromPass,
		Schedule:        policy.Schedule{AtWindowOpens: true, DaysBefore: []int{30}},
		Retakes:         assessment.Retakes{Wait: 14 * day},
		RetakesThen:     []time.Duration{60 * day, 365 * day},
		RetakesCap:      4,
		RetakesSpan:     730 * day,
		ExamRetakes:     assessment.Ladder{Retakes: assessment.Retakes{Wait: day}},
	}}}
	p.Programs = []policy.Program{{Name: "google-cloud", Policy: policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      60,
		ExtensionMonths: 24,
		Schedule:        policy.Schedule{BeforeEligible: true, DaysBefore: []int{90, 30}},
		Retakes:         assessment.Retakes{Wait: 14 * day},
		RetakesThen:     []time.Duration{60 * day, 365 * day},
	}}}
	return p
}

// TestPolicyJSONGeneral checks the JSON form of every member of the
// general policy both ways (RULES G1-G8), and that Microsoft's form has
// none of them.
func TestPolicyJSONGeneral(t *testing.T) {
	b, err := json.Marshal(general())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(generalJSON, string(b)); diff != "" {
		t.Errorf("Marshal (-want +got):\n%s", diff)
	}
	p, err := policy.Parse([]byte(generalJSON))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(general(), p); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
	if b, _ := json.Marshal(policy.Microsoft()); string(b) != microsoftJSON {
		t.Errorf("Microsoft's form changed: %s", b)
	}
}

// TestPolicyJSONGeneralRefusals checks that the members of the general
// policy are read strictly, and that a refusal names its path.
func TestPolicyJSONGeneralRefusals(t *testing.T) {
	tests := []struct {
		name  string
		json  string
		field string
	}{
		{"G2 a window in months and in days", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":6,"windowDays":180`), "windowDays"},
		{"G2 no window in either", replace(microsoftJSON, `"windowMonths":6,`, ``), "windowMonths"},
		{"G2 a window of days as long as a term", replace(microsoftJSON, `"windowMonths":6`, `"windowDays":336`), "windowDays"},
		{"G1 a negative grace period", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":6,"graceDays":-1`), "graceDays"},
		{"G1 a grace period that leaves the window open after a renewal", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":6,"graceDays":150`), "extensionMonths"},
		{"G4 an unknown base", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":6,"extendFrom":"earned"`), "extendFrom"},
		{"G4 a base in another case", replace(microsoftJSON, `"windowMonths":6`, `"windowMonths":6,"extendFrom":"Pass"`), "extendFrom"},
		{"G3 a flag that is no bool", replace(microsoftJSON, `"atFirstEligibleDay":true`, `"atFirstEligibleDay":true,"atWindowOpens":1`), "reminders.atWindowOpens"},
		{"G3 five reminders with the window's opening", replace(microsoftJSON, `[90,30,7]`, `[90,30,7],"atWindowOpens":true`), "reminders"},
		{"G5 a later wait that is no duration", replace(microsoftJSON, `"wait":"24h0m0s"`, `"wait":"24h0m0s","then":["14 days"]`), "retakes.then[0]"},
		{"G5 a ladder that goes down", replace(microsoftJSON, `"wait":"24h0m0s"`, `"wait":"24h0m0s","then":["1h"]`), "retakes.then[0]"},
		{"G6 a cap without a span", replace(microsoftJSON, `"wait":"24h0m0s"`, `"wait":"24h0m0s","cap":5`), "retakes.span"},
		{"G6 a span that is no duration", replace(microsoftJSON, `"wait":"24h0m0s"`, `"wait":"24h0m0s","cap":5,"span":"a year"`), "retakes.span"},
		{"G5 the exam's rule without its wait", replace(microsoftJSON, `"marketAgeMonths":6`, `"marketAgeMonths":6,"examRetakes":{"immediate":0}`), "examRetakes.wait"},
		{"G7 a version without its day", replace(generalJSON, `{"from":"2024-01-01","policy"`, `{"policy"`), "versions[0].from"},
		{"G7 a version without its policy", replace(microsoftJSON, `"marketAgeMonths":6`, `"marketAgeMonths":6,"versions":[{"from":"2024-01-01"}]`), "versions[0].policy"},
		{"G7 a version's policy that makes no sense", replace(generalJSON, `"windowDays":60,"graceDays":30`, `"windowDays":0,"graceDays":30`), "versions[0].policy.windowMonths"},
		{"G7 a version's misspelt member", replace(generalJSON, `"graceDays":30`, `"graceDay":30`), "versions[0].policy.graceDay"},
		{"G7 a version's wait that is no duration", replace(generalJSON, `"then":["1440h0m0s","8760h0m0s"],"cap":4`, `"then":["1440h0m0s","a year"],"cap":4`), "versions[0].policy.retakes.then[1]"},
		{"G8 a program's name in upper case", replace(generalJSON, `"google-cloud"`, `"Google"`), "programs[0].name"},
		{"G8 a program without its name", replace(generalJSON, `"name":"google-cloud",`, ``), "programs[0].name"},
		{"G8 a program's policy that makes no sense", replace(generalJSON, `"daysBefore":[90,30]`, `"daysBefore":[30,90]`), "programs[0].policy.reminders.daysBefore[1]"},
		{"G3 a notice flag that is no bool", replace(generalJSON, `"beforeEligible":true`, `"beforeEligible":"yes"`), "programs[0].policy.reminders.beforeEligible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := threeTerms()
			err := p.UnmarshalJSON([]byte(tt.json))
			checkFieldError(t, err, tt.field)
			if diff := cmp.Diff(threeTerms(), p); diff != "" {
				t.Errorf("UnmarshalJSON changed the receiver on error (-want +got):\n%s", diff)
			}
		})
	}
}

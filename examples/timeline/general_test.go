package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// TestGeneralPolicies runs the program with policies that use the general
// fields, each written as JSON by json.Marshal into a file: a window of 180
// days and a grace period (RULES G1, G2), a reminder as the window opens
// (G3), renewals from the day of the pass (G4), a ladder with a cap (G5,
// G6), and a version from 2024-01-01 (G7). The sample story holds under
// each, on two days, in the table, JSON, iCalendar and SVG forms.
func TestGeneralPolicies(t *testing.T) {
	days := policy.Microsoft()
	days.WindowMonths, days.WindowDays, days.GraceDays = 0, 180, 30
	opens := policy.Microsoft()
	opens.Schedule = policy.Schedule{AtWindowOpens: true, DaysBefore: []int{60, 14}}
	pass := policy.Microsoft()
	pass.ExtendFrom, pass.ExtensionMonths = policy.FromPass, 12
	ladder := policy.Microsoft()
	ladder.RetakesThen = []time.Duration{72 * time.Hour}
	ladder.RetakesCap, ladder.RetakesSpan = 5, 365*24*time.Hour
	ladder.ExamRetakes = assessment.Ladder{Retakes: assessment.Retakes{Wait: 24 * time.Hour}, Then: []time.Duration{14 * 24 * time.Hour}}
	versions := policy.Microsoft()
	versions.Versions = []policy.Version{{From: cert.MustParseDate("2024-01-01"), Policy: days}}
	programs := policy.Microsoft()
	programs.Programs = []policy.Program{{Name: "google-cloud", Policy: pass}}
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		p    policy.Policy
	}{
		{"G1 G2 a window of 180 days and a grace period", days},
		{"G3 a reminder as the window opens", opens},
		{"G4 renewals from the day of the pass", pass},
		{"G5 G6 a ladder with a cap", ladder},
		{"G7 a version from 2024-01-01", versions},
		{"G8 a program beside Microsoft's titles", programs},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.p.Validate(); err != nil {
				t.Fatal(err)
			}
			data, err := json.Marshal(tt.p)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, strings.Fields(tt.name)[0]+".json")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if back, err := policy.Parse(data); err != nil || !equalJSON(t, back, tt.p) {
				t.Fatalf("the policy does not read back: %v\n%s", err, data)
			}
			for _, today := range []string{"2023-06-15", "2026-12-01"} {
				for _, form := range [][]string{nil, {"-json"}, {"-ics"}, {"-svg"}} {
					var out, errs bytes.Buffer
					args := append([]string{"-today", today, "-policy", file}, form...)
					if code := run(args, now, &out, &errs); code != 0 {
						t.Fatalf("run(%q): exit %d: %s\npolicy %s", args, code, errs.String(), data)
					}
					if out.Len() == 0 {
						t.Errorf("run(%q) printed nothing", args)
					}
					// The agenda runs on to the last day of grace (RULES G1).
					if grace := tt.p.At(cert.MustParseDate(today)).GraceDays > 0; grace && form != nil && form[0] == "-ics" && !strings.Contains(out.String(), "UID:gracelastday-") {
						t.Errorf("run(%q): no last day of grace in the agenda:\n%s", args, out.String())
					}
				}
			}
		})
	}
}

// equalJSON reports whether a and b have the same JSON form.
func equalJSON(t *testing.T, a, b policy.Policy) bool {
	t.Helper()
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return bytes.Equal(x, y)
}

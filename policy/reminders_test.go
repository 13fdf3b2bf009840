package policy_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// days parses literal days.
func days(s ...string) []cert.Date {
	var out []cert.Date
	for _, d := range s {
		out = append(out, day(d))
	}
	return out
}

// TestM2_MicrosoftSchedule checks RULES M1 and M2 with Microsoft's schedule:
// the first eligible day, then 90, 30 and 7 days before the expiry, and
// nothing outside [first eligible day, expiry).
func TestM2_MicrosoftSchedule(t *testing.T) {
	p := policy.Microsoft()
	admin, ai := title("azure-administrator"), title("azure-ai-engineer")
	// A custom title whose assessment starts on X-90 of the credential
	// below: that day is the first eligible day, and is sent once.
	atX90 := cert.Certification{ID: "contoso-x90", Level: cert.Associate, RenewalFrom: day("2022-08-18")}
	tests := []struct {
		name string
		c    cert.Certification
		cr   cert.Credential
		want []cert.Date
	}{
		{"M2 X=2022-11-16: opening, X-90, X-30, X-7", admin, cred(admin.ID, "2021-11-16", "2022-11-16"),
			days("2022-05-16", "2022-08-18", "2022-10-17", "2022-11-09")},
		{"M2 X=2022-08-31: the clamped opening 2022-02-28", admin, cred(admin.ID, "2021-08-31", "2022-08-31"),
			days("2022-02-28", "2022-06-02", "2022-08-01", "2022-08-24")},
		{"M2 wave 2 opened before the assessment: X-90 is dropped", ai, cred(ai.ID, "2019-04-20", "2021-04-20"),
			days("2021-02-15", "2021-03-21", "2021-04-13")},
		{"M2 wave 1, the window opened 2020-09-10: first reminder 2021-02-01", admin, cred(admin.ID, "2019-03-10", "2021-03-10"),
			days("2021-02-01", "2021-02-08", "2021-03-03")},
		{"M2 X-90 on the first eligible day is sent once", atX90, cred(atX90.ID, "2021-11-16", "2022-11-16"),
			days("2022-08-18", "2022-10-17", "2022-11-09")},
		{"M2 X-90 the day after the first eligible day", cert.Certification{ID: "contoso-x90", Level: cert.Associate, RenewalFrom: day("2022-08-17")}, cred(atX90.ID, "2021-11-16", "2022-11-16"),
			days("2022-08-17", "2022-08-18", "2022-10-17", "2022-11-09")},
		{"M2 X-90 the day before the first eligible day is dropped", cert.Certification{ID: "contoso-x90", Level: cert.Associate, RenewalFrom: day("2022-08-19")}, cred(atX90.ID, "2021-11-16", "2022-11-16"),
			days("2022-08-19", "2022-10-17", "2022-11-09")},
		{"M2 assessment offered only after the expiry: none", admin, cred(admin.ID, "2019-01-15", "2021-01-15"), nil},
		{"M2 assessment offered from the expiry day itself: none", admin, cred(admin.ID, "2019-02-01", "2021-02-01"), nil},
		{"M2 assessment offered from the last day: that day alone", admin, cred(admin.ID, "2019-02-02", "2021-02-02"), []cert.Date{day("2021-02-01")}},
		{"M2 assessment offered the day before the expiry: that day", cert.Certification{ID: "late", Level: cert.Associate, RenewalFrom: day("2022-11-15")}, cred("late", "2021-11-16", "2022-11-16"),
			days("2022-11-15")},
		{"M2 the day earned is the first eligible day", admin, cred(admin.ID, "2022-08-19", "2022-11-16"),
			days("2022-08-19", "2022-10-17", "2022-11-09")},
		{"E6 an assessment offered after 9999-12-31 is never offered: none", cert.Certification{ID: "late", Level: cert.Associate, Launched: day("9999-07-01")},
			cred("late", "9999-01-01", "9999-12-31"), nil},
		{"E3 launched 9999-06-30: offered from 9999-12-30, the last day, alone", cert.Certification{ID: "late", Level: cert.Associate, Launched: day("9999-06-30")},
			cred("late", "9999-01-01", "9999-12-31"), days("9999-12-30")},
		{"M2 E6 a title with no days", undated, cred(undated.ID, "2015-03-10", "2017-03-10"),
			days("2016-09-10", "2016-12-10", "2017-02-08", "2017-03-03")},
		{"M3 fundamentals: none", fundamentals, cred(fundamentals.ID, "2021-11-16", ""), nil},
		{"M3 fundamentals given an expiry: none", fundamentals, cred(fundamentals.ID, "2021-11-16", "2022-11-16"), nil},
		{"M3 no expiry: none", admin, cred(admin.ID, "2021-11-16", ""), nil},
		{"M3 no Earned day: none", admin, cred(admin.ID, "", "2022-11-16"), nil},
		{"M3 a credential of another certification: none", ai, cred(admin.ID, "2021-11-16", "2022-11-16"), nil},
		{"M3 a credential that expires before it was earned: none", admin, cred(admin.ID, "2022-11-16", "2022-06-01"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, p.Reminders(tt.c, tt.cr)); diff != "" {
				t.Errorf("Reminders mismatch (-want +got):\n%s", diff)
			}
			buf := make([]cert.Date, 1, 1+policy.MaxReminders)
			buf[0] = day("2000-01-01")
			got := p.AppendReminders(buf, tt.c, tt.cr)
			if diff := cmp.Diff(append(days("2000-01-01"), tt.want...), got); diff != "" {
				t.Errorf("AppendReminders mismatch (-want +got):\n%s", diff)
			}
			if &got[0] != &buf[0] {
				t.Errorf("AppendReminders grew a buffer with room for %d", policy.MaxReminders)
			}
		})
	}
}

// TestM1_AtMostFour checks RULES M1 and custom schedules: at most four
// reminders, never two on one day, and days outside the window dropped.
func TestM1_AtMostFour(t *testing.T) {
	admin := title("azure-administrator")
	cr := cred(admin.ID, "2021-11-16", "2022-11-16") // the window opens 2022-05-16
	tests := []struct {
		name     string
		schedule policy.Schedule
		want     []cert.Date
	}{
		{"M1 four days before, no first day", policy.Schedule{DaysBefore: []int{120, 90, 30, 7}},
			days("2022-07-19", "2022-08-18", "2022-10-17", "2022-11-09")},
		{"M1 X-184 is the opening day: sent once", policy.Schedule{AtFirstEligibleDay: true, DaysBefore: []int{184, 30, 7}},
			days("2022-05-16", "2022-10-17", "2022-11-09")},
		{"M1 X-185 is before the window: dropped", policy.Schedule{AtFirstEligibleDay: true, DaysBefore: []int{185, 30, 7}},
			days("2022-05-16", "2022-10-17", "2022-11-09")},
		{"M1 X-183 is the day after the opening", policy.Schedule{AtFirstEligibleDay: true, DaysBefore: []int{183, 30, 7}},
			days("2022-05-16", "2022-05-17", "2022-10-17", "2022-11-09")},
		{"M2 X-184 falls on the first eligible day, no first-day reminder: kept", policy.Schedule{DaysBefore: []int{184, 30, 7}},
			days("2022-05-16", "2022-10-17", "2022-11-09")},
		{"M2 X-185 falls the day before the first eligible day: dropped", policy.Schedule{DaysBefore: []int{185, 30, 7}},
			days("2022-10-17", "2022-11-09")},
		{"M1 X-1 is the last day", policy.Schedule{DaysBefore: []int{1}}, days("2022-11-15")},
		{"M1 the first eligible day alone", policy.Schedule{AtFirstEligibleDay: true}, days("2022-05-16")},
		{"M1 the zero Schedule sends none", policy.Schedule{}, nil},
		// Schedules Validate refuses still give at most four, ascending.
		{"M1 five asked, four sent", policy.Schedule{AtFirstEligibleDay: true, DaysBefore: []int{120, 90, 60, 30, 7}},
			days("2022-05-16", "2022-07-19", "2022-08-18", "2022-09-17")},
		{"M1 out of order: the later day is dropped", policy.Schedule{DaysBefore: []int{30, 90, 7}},
			days("2022-10-17", "2022-11-09")},
		{"M1 a repeat is dropped", policy.Schedule{DaysBefore: []int{30, 30}}, days("2022-10-17")},
		{"M1 zero days before is the expiry: dropped", policy.Schedule{DaysBefore: []int{0}}, nil},
		{"M1 negative days before are after the expiry: dropped", policy.Schedule{DaysBefore: []int{-5}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := policy.Microsoft()
			p.Schedule = tt.schedule
			if diff := cmp.Diff(tt.want, p.Reminders(admin, cr)); diff != "" {
				t.Errorf("Reminders mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestM3_RemindersDoNotDependOnLinking checks RULES M3: the reminders of a
// credential are those of its current cycle and do not depend on the
// profile's link; the first one is the Decision's EligibleFrom either way.
func TestM3_RemindersDoNotDependOnLinking(t *testing.T) {
	p := policy.Microsoft()
	ai := title("azure-ai-engineer")
	cr := cred(ai.ID, "2019-04-20", "2021-04-20")
	want := days("2021-02-15", "2021-03-21", "2021-04-13")
	if diff := cmp.Diff(want, p.Reminders(ai, cr)); diff != "" {
		t.Errorf("M3 Reminders mismatch (-want +got):\n%s", diff)
	}
	for _, pr := range []cert.Profile{linked(cr), unlinked(cr)} {
		d := p.Eligibility(pr, ai, day("2021-02-15"))
		if d.EligibleFrom != want[0] {
			t.Errorf("M3 linked %q: EligibleFrom = %s, want %s", pr.Learn, d.EligibleFrom, want[0])
		}
	}
	// A renewed credential's reminders are those of its next cycle.
	renewed := cred(ai.ID, "2019-04-20", "2022-04-20")
	if diff := cmp.Diff(days("2021-10-20", "2022-01-20", "2022-03-21", "2022-04-13"), p.Reminders(ai, renewed)); diff != "" {
		t.Errorf("M3 renewed Reminders mismatch (-want +got):\n%s", diff)
	}
}

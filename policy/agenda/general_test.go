package agenda_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

// architect is a title of another program, governed by googleCloud.
var architect = cert.Certification{ID: "gcp-cloud-architect", Name: "Google Cloud Certified Professional Cloud Architect", Level: cert.Expert, Program: "google-cloud"}

// googleCloud is a policy in the manner of Google Cloud's: valid 24
// months, a window of 60 days (RULES G2), a reminder as it opens (G3), a
// renewal that runs from the day of the pass (G4), and retakes after 14
// days, then 60 days, then a year (G5).
func googleCloud() policy.Policy {
	return policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      60,
		ExtensionMonths: 24,
		ExtendFrom:      policy.FromPass,
		Schedule:        policy.Schedule{AtWindowOpens: true, DaysBefore: []int{30, 7}},
		Retakes:         policy.Microsoft().Retakes,
		RetakesThen:     []time.Duration{14 * 24 * time.Hour, 60 * 24 * time.Hour, 365 * 24 * time.Hour},
	}
}

// general is Microsoft's policy with a window of 180 days (RULES G2), a
// grace period of 30 days (G1) and a third retake that waits 48 hours
// (G5), and googleCloud for the titles of that program (G8).
func general(t testing.TB) agenda.Planner {
	t.Helper()
	p := policy.Microsoft()
	p.WindowMonths, p.WindowDays, p.GraceDays = 0, 180, 30
	p.RetakesThen = []time.Duration{48 * time.Hour}
	p.Programs = []policy.Program{{Name: "google-cloud", Policy: googleCloud()}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return agenda.Planner{Policy: p, Catalog: twoPrograms}
}

// twoPrograms is the roadmap with architect, a title of another program.
var twoPrograms = func() cert.Catalog {
	var certs []cert.Certification
	for c := range cert.Roadmap().All() {
		certs = append(certs, c)
	}
	cat, err := cert.NewCatalog(append(certs, architect)...)
	if err != nil {
		panic(err)
	}
	return cat
}()

// replayUnder replays log under pl's policy and catalog.
func replayUnder(t testing.TB, pl agenda.Planner, log ...history.Event) history.State {
	t.Helper()
	st, err := history.Replayer{Policy: pl.Policy, Catalog: pl.Catalog}.Replay("1000001", log, day("9999-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestAgendaGeneral checks the items of a credential earned 2021-07-15
// (expiry 2022-07-15) under a window of 180 days, which opens 2022-01-16
// (RULES G2), and a grace period of 30 days, whose last day is 2022-08-13
// (G1), on the boundary days.
func TestAgendaGeneral(t *testing.T) {
	const admin cert.ID = "azure-administrator"
	pl := general(t)
	x := day("2022-07-15")
	item := func(k agenda.Kind, on string, n int) agenda.Item {
		return agenda.Item{Kind: k, Cert: admin, On: day(on), N: n, Expires: x}
	}
	all := []agenda.Item{
		item(agenda.WindowOpens, "2022-01-16", 0),
		item(agenda.Reminder, "2022-01-16", 1),
		item(agenda.Reminder, "2022-04-16", 2),
		item(agenda.Reminder, "2022-06-15", 3),
		item(agenda.Reminder, "2022-07-08", 4),
		item(agenda.LastDay, "2022-07-14", 0),
		item(agenda.Expires, "2022-07-15", 0),
		item(agenda.GraceLastDay, "2022-08-13", 0),
	}
	st := replayUnder(t, pl, history.Earn(admin, day("2021-07-15")))
	tests := []struct {
		name string
		on   string
		want []agenda.Item
	}{
		{"G2 the day earned: everything", "2021-07-15", all},
		{"G2 181 days before the expiry: the day before the window opens", "2022-01-15", all},
		{"G2 180 days before the expiry: the window's opening day", "2022-01-16", all},
		{"G2 the day after", "2022-01-17", all[2:]},
		{"G1 the last day before the expiry", "2022-07-14", all[5:]},
		{"G1 the expiry day", "2022-07-15", all[6:]},
		{"G1 the day after the expiry, in the grace period", "2022-07-16", all[7:]},
		{"G1 the last day of the grace period", "2022-08-13", all[7:]},
		{"G1 the day after the grace period: nothing", "2022-08-14", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pl.Agenda(st, day(tt.on))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Agenda(%s) mismatch (-want +got):\n%s", tt.on, diff)
			}
		})
	}
}

// TestAgendaGeneralLockouts checks the lockouts of a ladder (RULES G5),
// in the window and in the grace period (G1).
func TestAgendaGeneralLockouts(t *testing.T) {
	const admin cert.ID = "azure-administrator"
	pl := general(t)
	x := day("2022-07-15")
	lockouts := func(st history.State, on string) []agenda.Item {
		var got []agenda.Item
		for _, it := range pl.Agenda(st, day(on)) {
			if it.Kind == agenda.LockoutLifts {
				got = append(got, it)
			}
		}
		return got
	}
	earn := []history.Event{history.Earn(admin, day("2021-07-15")), history.Link("a", day("2021-07-15"))}
	third := replayUnder(t, pl, append(earn, attempt(admin, "2022-02-01T09:00:00Z", false),
		attempt(admin, "2022-02-01T10:00:00Z", false), attempt(admin, "2022-02-02T10:00:00Z", false))...)
	want := []agenda.Item{{Kind: agenda.LockoutLifts, Cert: admin, On: day("2022-02-04"), At: time.Date(2022, 2, 4, 10, 0, 0, 0, time.UTC), Expires: x}}
	if diff := cmp.Diff(want, lockouts(third, "2022-02-02")); diff != "" {
		t.Errorf("G5 the fourth attempt waits 48 hours (-want +got):\n%s", diff)
	}
	grace := replayUnder(t, pl, append(earn, attempt(admin, "2022-07-20T09:00:00Z", false), attempt(admin, "2022-07-20T10:00:00Z", false))...)
	got := pl.Agenda(grace, day("2022-07-20"))
	want = []agenda.Item{
		{Kind: agenda.LockoutLifts, Cert: admin, On: day("2022-07-21"), At: time.Date(2022, 7, 21, 10, 0, 0, 0, time.UTC), Expires: x},
		{Kind: agenda.GraceLastDay, Cert: admin, On: day("2022-08-13"), Expires: x},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("G1 a lockout in the grace period (-want +got):\n%s", diff)
	}
	late := replayUnder(t, pl, append(earn, attempt(admin, "2022-08-13T09:00:00Z", false), attempt(admin, "2022-08-13T10:00:00Z", false))...)
	if got := lockouts(late, "2022-08-13"); len(got) != 0 {
		t.Errorf("G1 a lockout that lifts after the grace period is no item: %v", got)
	}
}

// TestAgendaPrograms checks that a title of another program is planned
// under its program's policy (RULES G8): a window of 60 days with a
// reminder as it opens (G2, G3), and no grace period.
func TestAgendaPrograms(t *testing.T) {
	pl := general(t)
	st := replayUnder(t, pl, history.Earn(architect.ID, day("2021-03-10")), history.Earn("azure-administrator", day("2021-03-10")))
	x := day("2023-03-10")
	item := func(k agenda.Kind, on string, n int) agenda.Item {
		return agenda.Item{Kind: k, Cert: architect.ID, On: day(on), N: n, Expires: x}
	}
	want := []agenda.Item{
		item(agenda.WindowOpens, "2023-01-09", 0),
		item(agenda.Reminder, "2023-01-09", 1),
		item(agenda.Reminder, "2023-02-08", 2),
		item(agenda.Reminder, "2023-03-03", 3),
		item(agenda.LastDay, "2023-03-09", 0),
		item(agenda.Expires, "2023-03-10", 0),
	}
	var got []agenda.Item
	for _, it := range pl.Agenda(st, day("2022-12-01")) {
		if it.Cert == architect.ID {
			got = append(got, it)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("G8 the agenda of a Google Cloud title (-want +got):\n%s", diff)
	}
	if got := pl.AppendDue(nil, st, day("2023-01-09")); len(got) != 2 || got[0].Cert != architect.ID {
		t.Errorf("G2 G3 due as the 60-day window opens: %v", got)
	}
	for _, it := range pl.Agenda(st, day("2023-03-11")) {
		if it.Cert == architect.ID {
			t.Errorf("G8 no grace period for the program: %v", it)
		}
	}
}

// TestAgendaVersions checks that an agenda follows the version in force on
// the day asked (RULES G7): before a version that sends one reminder 60
// days before the expiry and adds a grace period of 14 days, and from its
// first day; and that its reminders are the policy's, each by the version
// in force on its day: the first on the first eligible day, 2022-01-15,
// under the policy before the version, the second 60 days before the
// expiry under the version (RULES M1, M2, G7).
func TestAgendaVersions(t *testing.T) {
	const admin cert.ID = "azure-administrator"
	v2 := policy.Microsoft()
	v2.Schedule.DaysBefore = []int{60}
	v2.Schedule.AtFirstEligibleDay = false
	v2.GraceDays = 14
	p := policy.Microsoft()
	p.Versions = []policy.Version{{From: day("2022-03-01"), Policy: v2}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	pl := agenda.Planner{Policy: p, Catalog: cert.Roadmap()}
	st := replayUnder(t, pl, history.Earn(admin, day("2021-07-15")))
	x := day("2022-07-15")
	item := func(k agenda.Kind, on string, n int) agenda.Item {
		return agenda.Item{Kind: k, Cert: admin, On: day(on), N: n, Expires: x}
	}
	tests := []struct {
		name string
		on   string
		want []agenda.Item
	}{
		{"G7 the day before the version: the version before it, and the reminders by their days", "2022-02-28", []agenda.Item{
			item(agenda.Reminder, "2022-05-16", 2),
			item(agenda.LastDay, "2022-07-14", 0), item(agenda.Expires, "2022-07-15", 0),
		}},
		{"G7 the version's first day", "2022-03-01", []agenda.Item{
			item(agenda.Reminder, "2022-05-16", 2), item(agenda.LastDay, "2022-07-14", 0),
			item(agenda.Expires, "2022-07-15", 0), item(agenda.GraceLastDay, "2022-07-28", 0),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, pl.Agenda(st, day(tt.on))); diff != "" {
				t.Errorf("Agenda(%s) mismatch (-want +got):\n%s", tt.on, diff)
			}
		})
	}
}

// TestAppendDueGeneral checks that the items due on each day are those of
// the agenda on that day, under a general policy with two programs, and
// that AppendDue allocates nothing there either.
func TestAppendDueGeneral(t *testing.T) {
	const admin cert.ID = "azure-administrator"
	pl := general(t)
	st := replayUnder(t, pl, history.Earn(architect.ID, day("2020-09-30")), history.Earn(admin, day("2021-07-15")),
		history.Link("a", day("2021-07-15")), attempt(admin, "2022-07-20T09:00:00Z", false), attempt(admin, "2022-07-20T10:00:00Z", false))
	buf := make([]agenda.Item, 0, 32)
	seen := map[agenda.Kind]bool{}
	for d := day("2021-07-01"); d.Before(day("2022-09-01")); d = d.AddDays(1) {
		var want []agenda.Item
		for _, it := range pl.Agenda(st, d) {
			if it.On == d {
				want = append(want, it)
			}
		}
		got := pl.AppendDue(buf[:0], st, d)
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("AppendDue(%s) mismatch (-want +got):\n%s", d, diff)
		}
		for _, it := range got {
			seen[it.Kind] = true
		}
	}
	for _, k := range agenda.Kinds {
		if !seen[k] && k != agenda.CanRenew {
			t.Errorf("no %v item was due on any day", k)
		}
	}
	on := day("2022-08-13")
	if n := testing.AllocsPerRun(1000, func() {
		if len(pl.AppendDue(buf[:0], st, on)) != 1 {
			panic("want 1 item due")
		}
	}); n != 0 {
		t.Errorf("AppendDue: %v allocations, want 0", n)
	}
}

// TestDueRemindersAcrossVersions checks RULES M1 and G7 day by day: under a
// version that adds a reminder 3 days before the expiry, the reminders due
// over the whole cycle are exactly the policy's four, numbered 1 to 4.
func TestDueRemindersAcrossVersions(t *testing.T) {
	const admin cert.ID = "azure-administrator"
	v2 := policy.Microsoft()
	v2.Schedule.DaysBefore = []int{3}
	p := policy.Microsoft()
	p.Versions = []policy.Version{{From: day("2022-12-27"), Policy: v2}}
	pl := agenda.Planner{Policy: p, Catalog: cert.Roadmap()}
	st := replayUnder(t, pl, history.Earn(admin, day("2022-01-01")))
	c, _ := cert.Roadmap().Lookup(admin)
	cr, _ := st.Profile.Credential(admin)
	want := p.Reminders(c, cr)
	if len(want) != policy.MaxReminders {
		t.Fatalf("the policy sends %v: want four reminders to test with", want)
	}
	var got []cert.Date
	var buf []agenda.Item
	for d := cr.Earned; d.Before(cr.Expires); d = d.AddDays(1) {
		buf = pl.AppendDue(buf[:0], st, d)
		for _, it := range buf {
			if it.Kind == agenda.Reminder {
				if it.N != len(got)+1 {
					t.Errorf("M1 the reminder on %s is number %d, want %d", d, it.N, len(got)+1)
				}
				got = append(got, it.On)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("M1/G7 reminders due over the cycle (-want +got):\n%s", diff)
	}
}

// TestAgendaNotices checks RULES G3's notices in the agenda: under a
// Microsoft title governed, as a program, by a window of 60 days and
// reminders 90, 60 and 30 days before the expiry with BeforeEligible, the
// 90-day reminder is due 30 days before the window opens, and carries the
// first day the holder can renew; AppendDue gives it on its day alone.
func TestAgendaNotices(t *testing.T) {
	const admin cert.ID = "azure-administrator"
	g := googleCloud()
	g.Schedule = policy.Schedule{BeforeEligible: true, DaysBefore: []int{90, 60, 30}}
	pl := agenda.Planner{Policy: g, Catalog: cert.Roadmap()}
	st := replayUnder(t, pl, history.Earn(admin, day("2021-07-15")))
	x := day("2023-07-15") // 24 months (RULES V4 of the program's policy)
	want := []agenda.Item{
		{Kind: agenda.Reminder, Cert: admin, On: day("2023-04-16"), N: 1, Expires: x, EligibleFrom: day("2023-05-16")},
		{Kind: agenda.WindowOpens, Cert: admin, On: day("2023-05-16"), Expires: x},
		{Kind: agenda.Reminder, Cert: admin, On: day("2023-05-16"), N: 2, Expires: x},
		{Kind: agenda.Reminder, Cert: admin, On: day("2023-06-15"), N: 3, Expires: x},
		{Kind: agenda.LastDay, Cert: admin, On: day("2023-07-14"), Expires: x},
		{Kind: agenda.Expires, Cert: admin, On: x, Expires: x},
	}
	if diff := cmp.Diff(want, pl.Agenda(st, day("2023-04-01"))); diff != "" {
		t.Errorf("G3 Agenda (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		on   string
		want []agenda.Item
	}{
		{"2023-04-15", nil},
		{"2023-04-16", want[:1]},
		{"2023-04-17", nil},
	} {
		if diff := cmp.Diff(tt.want, pl.AppendDue(nil, st, day(tt.on)), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("G3 AppendDue(%s) (-want +got):\n%s", tt.on, diff)
		}
	}
}

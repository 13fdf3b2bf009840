package agenda_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/history"
)

var day = cert.MustParseDate

var planner = agenda.Planner{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}

func replay(t testing.TB, log ...history.Event) history.State {
	t.Helper()
	st, err := history.Replayer{Policy: planner.Policy, Catalog: planner.Catalog}.Replay("1000001", log, day("9999-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func attempt(id cert.ID, at string, passed bool) history.Event {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		panic(err)
	}
	return history.Attempt(id, assessment.Attempt{At: t, Passed: passed})
}

// TestAgenda checks every kind of item on its boundary days, for a
// credential earned 2021-07-15 (expiry 2022-07-15, RULES V2): the window
// opens 2022-01-15 (E2), reminders on 2022-01-15, 2022-04-16, 2022-06-15
// and 2022-07-08 (M2), the last day 2022-07-14 and the expiry 2022-07-15.
func TestAgenda(t *testing.T) {
	const admin cert.ID = "azure-administrator"
	x := day("2022-07-15")
	item := func(k agenda.Kind, on string, n int) agenda.Item {
		return agenda.Item{Kind: k, Cert: admin, On: day(on), N: n, Expires: x}
	}
	all := []agenda.Item{
		item(agenda.WindowOpens, "2022-01-15", 0),
		item(agenda.Reminder, "2022-01-15", 1),
		item(agenda.Reminder, "2022-04-16", 2),
		item(agenda.Reminder, "2022-06-15", 3),
		item(agenda.Reminder, "2022-07-08", 4),
		item(agenda.LastDay, "2022-07-14", 0),
		item(agenda.Expires, "2022-07-15", 0),
	}
	st := replay(t, history.Earn(admin, day("2021-07-15")))
	tests := []struct {
		name string
		on   string
		want []agenda.Item
	}{
		{"E2 the day earned: everything", "2021-07-15", all},
		{"E2 the day before the window opens", "2022-01-14", all},
		{"E2 M2 the window's opening day", "2022-01-15", all},
		{"M2 the day after", "2022-01-16", all[2:]},
		{"M2 the last reminder's day", "2022-07-08", all[4:]},
		{"D2 the last day", "2022-07-14", all[5:]},
		{"D2 the expiry day", "2022-07-15", all[6:]},
		{"D2 the day after the expiry: nothing", "2022-07-16", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := planner.Agenda(st, day(tt.on))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Agenda(%s) mismatch (-want +got):\n%s", tt.on, diff)
			}
		})
	}
}

// TestAgendaKinds checks the items of a renewal assessment that comes after
// the window opened (CanRenew, RULES E3), a lockout (A3), a renewed cycle
// (N3) and titles without items (V1, expired).
func TestAgendaKinds(t *testing.T) {
	const ai cert.ID = "azure-ai-engineer" // offered from 2021-02-15 (H1)
	st := replay(t, history.Earn(ai, day("2019-04-20")))
	got := planner.Agenda(st, day("2020-10-01"))
	want := []agenda.Kind{agenda.WindowOpens, agenda.CanRenew, agenda.Reminder, agenda.Reminder, agenda.Reminder, agenda.LastDay, agenda.Expires}
	var kinds []agenda.Kind
	for _, it := range got {
		kinds = append(kinds, it.Kind)
	}
	if diff := cmp.Diff(want, kinds); diff != "" || got[0].On != day("2020-10-20") || got[1].On != day("2021-02-15") {
		t.Errorf("E3 kinds (-want +got):\n%s\n%v", diff, got)
	}

	const admin cert.ID = "azure-administrator"
	locked := replay(t, history.Earn(admin, day("2021-07-15")), history.Link("a", day("2021-07-15")),
		attempt(admin, "2022-02-01T09:00:00Z", false), attempt(admin, "2022-02-01T10:00:00Z", false))
	var lock []agenda.Item
	for _, it := range planner.Agenda(locked, day("2022-02-01")) {
		if it.Kind == agenda.LockoutLifts {
			lock = append(lock, it)
		}
	}
	wantLock := []agenda.Item{{Kind: agenda.LockoutLifts, Cert: admin, On: day("2022-02-02"), At: time.Date(2022, 2, 2, 10, 0, 0, 0, time.UTC), Expires: day("2022-07-15")}}
	if diff := cmp.Diff(wantLock, lock); diff != "" {
		t.Errorf("A3 the lockout (-want +got):\n%s", diff)
	}
	once := replay(t, history.Earn(admin, day("2021-07-15")), history.Link("a", day("2021-07-15")), attempt(admin, "2022-02-01T09:00:00Z", false))
	for _, it := range planner.Agenda(once, day("2022-02-01")) {
		if it.Kind == agenda.LockoutLifts {
			t.Errorf("A2 a retake may start at once, but the agenda has %v", it)
		}
	}
	renewed := replay(t, history.Earn(admin, day("2021-07-15")), history.Link("a", day("2021-07-15")), attempt(admin, "2022-02-01T09:00:00Z", true))
	if got := planner.Agenda(renewed, day("2022-02-01")); len(got) == 0 || got[0].Kind != agenda.WindowOpens || got[0].On != day("2023-01-15") {
		t.Errorf("N3 after a renewal the next item is the next window: %v", got)
	}
	fund := history.State{Profile: cert.Profile{Credentials: []cert.Credential{{Cert: "azure-fundamentals", Earned: day("2021-01-01")}}}}
	if got := planner.Agenda(fund, day("2021-01-01")); got != nil {
		t.Errorf("V1 a credential that never expires has no items: %v", got)
	}
}

// TestAppendDue checks that the items due on a day are those of the agenda
// on that day, allocation-free into a buffer with room.
func TestAppendDue(t *testing.T) {
	const admin cert.ID = "azure-administrator"
	st := replay(t, history.Earn(admin, day("2021-07-15")), history.Earn("azure-developer", day("2021-07-15")))
	buf := make([]agenda.Item, 0, 32)
	for d := day("2021-07-01"); d.Before(day("2022-08-01")); d = d.AddDays(1) {
		var want []agenda.Item
		for _, it := range planner.Agenda(st, d) {
			if it.On == d {
				want = append(want, it)
			}
		}
		got := planner.AppendDue(buf[:0], st, d)
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("AppendDue(%s) mismatch (-want +got):\n%s", d, diff)
		}
	}
	on := day("2022-01-15")
	if n := testing.AllocsPerRun(1000, func() {
		if len(planner.AppendDue(buf[:0], st, on)) != 4 {
			panic("want 4 items due")
		}
	}); n != 0 {
		t.Errorf("AppendDue: %v allocations, want 0", n)
	}
}

// TestAppendDueLaunched checks the first day the holder can renew of a
// title whose assessment comes its market age after its launch, later than
// the window (RULES E3, R1b): due on that day, and on no day the agenda
// does not name.
func TestAppendDueLaunched(t *testing.T) {
	late := cert.Certification{ID: "contoso-late", Name: "Contoso Late Associate", Level: cert.Associate, Launched: day("2022-02-01")}
	cat, err := cert.NewCatalog(late)
	if err != nil {
		t.Fatal(err)
	}
	pl := agenda.Planner{Policy: planner.Policy, Catalog: cat}
	st, err := history.Replayer{Policy: pl.Policy, Catalog: cat}.Replay("1", []history.Event{history.Earn(late.ID, day("2021-01-10"))}, day("9999-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	due := pl.AppendDue(nil, st, day("2022-08-01"))
	want := []agenda.Item{
		{Kind: agenda.CanRenew, Cert: late.ID, On: day("2022-08-01"), Expires: day("2023-01-10")},
		{Kind: agenda.Reminder, Cert: late.ID, On: day("2022-08-01"), N: 1, Expires: day("2023-01-10")},
	}
	if diff := cmp.Diff(want, due); diff != "" {
		t.Errorf("E3 due on the day the assessment is first offered (-want +got):\n%s", diff)
	}
	for d := day("2022-01-01"); d.Before(day("2023-02-01")); d = d.AddDays(1) {
		var want []agenda.Item
		for _, it := range pl.Agenda(st, d) {
			if it.On == d {
				want = append(want, it)
			}
		}
		if diff := cmp.Diff(want, pl.AppendDue(nil, st, d), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("AppendDue(%s) mismatch (-want +got):\n%s", d, diff)
		}
	}
}

// TestAgendaTies checks that items of one day and kind keep the order of
// their credentials in the profile, and that a state without cycles, as
// stored data may be, has an agenda.
func TestAgendaTies(t *testing.T) {
	const admin, dev cert.ID = "azure-administrator", "azure-developer"
	st := replay(t, history.Earn(dev, day("2021-07-15")), history.Earn(admin, day("2021-07-15")))
	items := planner.Agenda(st, day("2021-07-15"))
	if len(items) != 14 {
		t.Fatalf("%d items, want 14", len(items))
	}
	for i := 0; i < len(items); i += 2 {
		if items[i].Cert != dev || items[i+1].Cert != admin || items[i].On != items[i+1].On || items[i].Kind != items[i+1].Kind {
			t.Errorf("items %d and %d: %v, %v; want the developer's first, as the profile holds it", i, i+1, items[i], items[i+1])
		}
	}
	st.Cycles = nil
	if got := planner.Agenda(st, day("2021-07-15")); len(got) != 14 {
		t.Errorf("a state without cycles: %d items, want 14", len(got))
	}
}

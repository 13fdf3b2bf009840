package batch_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/batch"
	"github.com/certrenew/certrenew/policy/history"
)

// architect is a title of the google-cloud program.
var architect = cert.Certification{ID: "gcp-cloud-architect", Name: "Google Cloud Certified Professional Cloud Architect", Level: cert.Expert, Program: "google-cloud"}

// twoPrograms returns a checker over the roadmap and architect, under
// Microsoft's policy with a grace period of 30 days (RULES G1) and a
// google-cloud program: valid 24 months, a window of 60 days with a
// reminder as it opens (G2, G3), renewed from the day of the pass (G4).
func twoPrograms(t *testing.T) batch.Checker {
	t.Helper()
	var certs []cert.Certification
	for c := range cert.Roadmap().All() {
		certs = append(certs, c)
	}
	cat, err := cert.NewCatalog(append(certs, architect)...)
	if err != nil {
		t.Fatal(err)
	}
	p := policy.Microsoft()
	p.GraceDays = 30
	p.Programs = []policy.Program{{Name: "google-cloud", Policy: policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      60,
		ExtensionMonths: 24,
		ExtendFrom:      policy.FromPass,
		Schedule:        policy.Schedule{AtWindowOpens: true, DaysBefore: []int{7}},
		Retakes:         policy.Microsoft().Retakes,
	}}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return batch.Checker{Planner: agenda.Planner{Policy: p, Catalog: cat}}
}

// TestProgramsDue checks Due and Run for holders of a Microsoft title and
// a Google Cloud title, each under its program's policy (RULES G8), on the
// boundary days of the program's window (G2) and of Microsoft's grace
// period (G1).
func TestProgramsDue(t *testing.T) {
	ch := twoPrograms(t)
	r := history.Replayer{Policy: ch.Planner.Policy, Catalog: ch.Planner.Catalog}
	const admin cert.ID = "azure-administrator"
	// Both earned 2021-07-15: the administrator expires 2022-07-15, its
	// grace period's last day 2022-08-13; the architect expires
	// 2023-07-15, its window opens 2023-05-16.
	st, err := r.Replay("1000001", []history.Event{
		history.Earn(admin, day("2021-07-15")),
		history.Earn(architect.ID, day("2021-07-15")),
	}, day("9999-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	item := func(k agenda.Kind, id cert.ID, on string, n int, x string) agenda.Item {
		return agenda.Item{Kind: k, Cert: id, On: day(on), N: n, Expires: day(x)}
	}
	tests := []struct {
		name string
		on   string
		want []agenda.Item
	}{
		{"G1 the administrator's last day of grace", "2022-08-13", []agenda.Item{item(agenda.GraceLastDay, admin, "2022-08-13", 0, "2022-07-15")}},
		{"G1 the day after", "2022-08-14", nil},
		{"G2 the day before the program's window opens", "2023-05-15", nil},
		{"G2 G3 G8 the program's window opens, 60 days before", "2023-05-16", []agenda.Item{
			item(agenda.WindowOpens, architect.ID, "2023-05-16", 0, "2023-07-15"),
			item(agenda.Reminder, architect.ID, "2023-05-16", 1, "2023-07-15"),
		}},
		{"G8 the program's reminder 7 days before", "2023-07-08", []agenda.Item{item(agenda.Reminder, architect.ID, "2023-07-08", 2, "2023-07-15")}},
		{"G8 no grace period for the program", "2023-07-16", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			on := day(tt.on)
			if diff := cmp.Diff(tt.want, ch.Due(nil, st, on), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Due(%s) mismatch (-want +got):\n%s", on, diff)
			}
			var got []agenda.Item
			for n, err := range ch.Run(func(yield func(history.State, error) bool) { yield(st, nil) }, on) {
				if err != nil || n.MCID != "1000001" {
					t.Fatalf("Run: %v, %v", n, err)
				}
				got = append(got, n.Items...)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Run(%s) mismatch (-want +got):\n%s", on, diff)
			}
		})
	}
	var counts batch.Counts
	for d := day("2021-07-15"); d.Before(day("2023-08-01")); d = d.AddDays(1) {
		counts.Add(batch.Notices{Items: ch.Due(nil, st, d)})
	}
	if counts[agenda.GraceLastDay] != 1 || counts[agenda.Expires] != 2 || counts[agenda.Reminder] != 6 {
		t.Errorf("G1 G8 counts over two years: %v", counts)
	}
	buf := make([]agenda.Item, 0, 16)
	on := day("2023-05-16")
	if n := testing.AllocsPerRun(100, func() { buf = ch.Due(buf[:0], st, on) }); n != 0 {
		t.Errorf("Due under two programs: %v allocations, want 0", n)
	}
}

package history_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/history"
)

// cloudArchitect is a title of the google-cloud program.
var cloudArchitect = cert.Certification{ID: "gcp-cloud-cloudArchitect", Name: "Google Cloud Certified Professional Cloud Architect", Level: cert.Expert, Program: "google-cloud"}

// twoPrograms is the catalog with cloudArchitect beside the Microsoft titles.
var twoPrograms = func() cert.Catalog {
	var certs []cert.Certification
	for c := range catalog.All() {
		certs = append(certs, c)
	}
	c, err := cert.NewCatalog(append(certs, cloudArchitect)...)
	if err != nil {
		panic(err)
	}
	return c
}()

// withGoogle returns Microsoft's policy with a google-cloud program: valid
// 24 months, a window of 60 days (RULES G2), a renewal of 24 months from
// the day of the pass (G4), retakes after 14 days (G5).
func withGoogle(t testing.TB) policy.Policy {
	t.Helper()
	p := policy.Microsoft()
	p.Programs = []policy.Program{{Name: "google-cloud", Policy: policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      60,
		ExtensionMonths: 24,
		ExtendFrom:      policy.FromPass,
		Retakes:         policy.Microsoft().Retakes,
		RetakesThen:     []time.Duration{14 * 24 * time.Hour},
	}}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCheckPrograms checks the expiries of each title under its
// program's policy (RULES G8): exact where renewals extend the expiry by
// one number of months (N1), and any expiry from the first on where a
// renewal runs from the day of the pass (G4) or versions extend by
// different months (G7).
func TestCheckPrograms(t *testing.T) {
	p := withGoogle(t)
	versions := policy.Microsoft()
	longer := policy.Microsoft()
	longer.ExtensionMonths = 24
	versions.Versions = []policy.Version{{From: day("2023-01-01"), Policy: longer}}
	same := policy.Microsoft()
	same.Versions = []policy.Version{{From: day("2023-01-01"), Policy: policy.Microsoft()}}
	tests := []struct {
		name string
		p    policy.Policy
		cr   cert.Credential
		want error
	}{
		{"G8 a Google Cloud title: 24 months", p, cr(cloudArchitect.ID, "2021-06-01", "2023-06-01"), nil},
		{"G8 12 months is Microsoft's term, not the program's", p, cr(cloudArchitect.ID, "2021-06-01", "2022-06-01"), history.ErrUnreachableExpiry},
		{"G4 renewed from a pass: a later expiry", p, cr(cloudArchitect.ID, "2021-06-01", "2025-04-20"), nil},
		{"G4 the day after the first expiry", p, cr(cloudArchitect.ID, "2021-06-01", "2023-06-02"), nil},
		{"G4 the day before the first expiry", p, cr(cloudArchitect.ID, "2021-06-01", "2023-05-31"), history.ErrUnreachableExpiry},
		{"G8 N1 a Microsoft title beside it, renewed once", p, cr(admin, "2021-06-01", "2023-06-01"), nil},
		{"G8 N1 a Microsoft title a day off a renewal", p, cr(admin, "2021-06-01", "2023-06-02"), history.ErrUnreachableExpiry},
		{"G7 versions of one extension: exact", same, cr(admin, "2021-06-01", "2024-06-02"), history.ErrUnreachableExpiry},
		{"G7 versions of one extension: renewed twice", same, cr(admin, "2021-06-01", "2024-06-01"), nil},
		{"G7 versions of two extensions: a later expiry", versions, cr(admin, "2021-06-01", "2024-06-02"), nil},
		{"G7 versions of two extensions: before the first expiry", versions, cr(admin, "2021-06-01", "2022-05-31"), history.ErrUnreachableExpiry},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := history.Check(tt.p, twoPrograms, cert.Profile{Credentials: []cert.Credential{tt.cr}})
			switch {
			case tt.want == nil && problems != nil:
				t.Errorf("Check = %v, want none", problems)
			case tt.want != nil && (len(problems) != 1 || !errors.Is(problems[0].Err, tt.want)):
				t.Errorf("Check = %v, want one %v", problems, tt.want)
			}
		})
	}
}

// TestReplayPrograms replays the log of a holder of a Microsoft title and
// a Google Cloud title: each is earned, renewed and refused under its own
// program's policy (RULES G8).
func TestReplayPrograms(t *testing.T) {
	r := history.Replayer{Policy: withGoogle(t), Catalog: twoPrograms}
	log := []history.Event{
		earn(admin, "2021-07-15"),
		earn(cloudArchitect.ID, "2021-07-15"),
		link("ada", "2021-07-15"),
		pass(admin, "2022-03-01T09:00:00Z"),
	}
	// 2023-04-01 lies in Microsoft's window of six months, not in the
	// program's window of 60 days, which opens 2023-05-16 (RULES G2).
	early := append(log[:len(log):len(log)], fail(cloudArchitect.ID, "2023-04-01T09:00:00Z"))
	_, err := r.Replay("1000001", early, far)
	if !errors.Is(err, policy.ErrOutsideWindow) {
		t.Errorf("G2 G8 an attempt before the program's window: %v, want %v", err, policy.ErrOutsideWindow)
	}
	// A pass on 2023-06-01 renews for 24 months from that day (RULES G4).
	log = append(log, fail(cloudArchitect.ID, "2023-05-20T09:00:00Z"), fail(cloudArchitect.ID, "2023-05-20T10:00:00Z"),
		fail(cloudArchitect.ID, "2023-05-21T10:00:00Z"), pass(cloudArchitect.ID, "2023-06-04T10:00:00Z"))
	st, err := r.Replay("1000001", log, far)
	if err != nil {
		t.Fatal(err)
	}
	want := []cert.Credential{
		cr(admin, "2021-07-15", "2023-07-15"),
		cr(cloudArchitect.ID, "2021-07-15", "2025-06-04"),
	}
	if diff := cmp.Diff(want, st.Profile.Credentials); diff != "" {
		t.Errorf("G4 G8 the credentials (-want +got):\n%s", diff)
	}
	if problems := history.Check(r.Policy, r.Catalog, st.Profile); problems != nil {
		t.Errorf("G8 the replayed profile has problems: %v", problems)
	}
	// The third retake waits 14 days under the program's ladder (RULES G5).
	soon := append(log[:7:7], fail(cloudArchitect.ID, "2023-06-03T10:00:00Z"))
	if _, err := r.Replay("1000001", soon, far); !errors.Is(err, assessment.ErrTooSoon) {
		t.Errorf("G5 G8 a fourth attempt 13 days after the third: %v, want %v", err, assessment.ErrTooSoon)
	}
}

package policytest_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/policytest"
)

// TestRun runs scenarios at the boundary days of RULES under Microsoft's
// policy and the roadmap, each of which must pass.
func TestRun(t *testing.T) {
	tests := []struct{ name, scenario string }{
		{"V2 earned on the cut-over day: 12 months", "cert azure-administrator; earned 2021-06-01; expires 2022-06-01"},
		{"V3 earned the day before: 24 months", "cert azure-administrator; earned 2021-05-31; expires 2023-05-31"},
		{"E2 the day before the window opens", `cert azure-administrator; earned 2021-07-15
			on 2022-01-14 NotYetOpen from 2022-01-15 window 2022-01-15 2022-07-15
			renewed 2022-01-14 refused NotYetOpen
			attempt 2022-01-14T23:59:59+08:00 pass refused NotYetOpen
			expires 2022-07-15`},
		{"E2 the window's opening day", `cert azure-administrator; earned 2021-07-15
			on 2022-01-15 Eligible from 2022-01-15 window 2022-01-15 2022-07-15`},
		{"D4 the day of an attempt is its day in its own offset", `cert azure-administrator; earned 2021-07-15
			attempt 2022-01-14T23:00-01:00 fail refused NotYetOpen # 2022-01-15T00:00Z, on 2022-01-14 there
			attempt 2022-01-15T00:30+08:00 fail                    # 2022-01-14T16:30Z, on 2022-01-15 there
			next 2022-01-14T16:30Z`},
		{"E1 the last day of the window, then the expiry day", `cert azure-administrator; earned 2021-07-15
			on 2022-07-14 Eligible
			on 2022-07-15 Expired from none window none
			renewed 2022-07-15 refused Expired
			attempt 2022-07-15T00:00Z pass refused Expired`},
		{"N1 a renewal extends the current expiry, not the day passed", `cert azure-administrator; earned 2021-07-15
			renewed 2022-01-15; expires 2023-07-15
			on 2022-01-16 NotYetOpen from 2023-01-15 window 2023-01-15 2023-07-15`},
		{"N1 a pass renews through RecordAttempt", `cert azure-administrator; earned 2021-07-15
			attempt 2022-02-01T09:00Z fail; attempt 2022-02-01T09:30Z pass; expires 2023-07-15
			next any`},
		{"A2 A3 one retake at once, then 24 hours", `cert azure-administrator; earned 2021-07-15
			next any
			attempt 2022-02-01T09:00Z fail; next 2022-02-01T09:00Z
			attempt 2022-02-01T09:00Z fail; next 2022-02-02T09:00Z
			attempt 2022-02-02T08:59:59.999999999Z fail refused TooSoon until 2022-02-02T09:00Z
			attempt 2022-02-02T16:59:59.999999999+08:00 fail refused TooSoon until 2022-02-02T09:00Z
			attempt 2022-02-02T09:00Z pass
			expires 2023-07-15`},
		{"A5 an attempt before the one before it", `cert azure-administrator; earned 2021-07-15
			attempt 2022-02-01T09:30Z fail
			attempt 2022-02-01T09:00Z fail refused OutOfOrder`},
		{"N5 passing the exam again does not renew", `cert azure-administrator; earned 2021-07-15
			earned 2022-07-14 refused StillActive
			expires 2022-07-15`},
		{"N6 an expired credential is earned again", `cert azure-administrator; earned 2021-07-15
			earned 2022-07-15; expires 2023-07-15
			earned 2022-07-14 refused Backdated`},
		{"E4 an unlinked profile may not renew", `cert azure-administrator; earned 2021-07-15; unlinked
			on 2022-01-15 ProfileNotLinked from 2022-01-15
			renewed 2022-01-15 refused ProfileNotLinked
			linked; on 2022-01-15 Eligible`},
		{"E3 before the assessment is offered", `cert azure-administrator; earned 2019-06-01; expires 2021-06-01
			on 2021-01-31 AssessmentUnavailable from 2021-02-01 window 2020-12-01 2021-06-01
			on 2021-02-01 Eligible
			reminders 2021-02-01 2021-03-03 2021-05-02 2021-05-25`},
		{"M2 reminders at the first eligible day and 90, 30, 7 days before", `cert azure-administrator; earned 2021-07-15
			reminders 2022-01-15 2022-04-16 2022-06-15 2022-07-08
			renewed 2022-03-01
			reminders 2023-01-15 2023-04-16 2023-06-15 2023-07-08`},
		{"R1 an expert needs an active associate", `cert azure-solutions-architect
			earned 2021-08-01 refused MissingPrerequisite
			cert azure-administrator; earned 2021-07-15
			cert azure-solutions-architect; earned 2021-08-01; expires 2022-08-01`},
		{"E5 a title not held", `cert azure-developer
			on 2022-01-15 NotHeld from none window none
			renewed 2022-01-15 refused NotHeld
			attempt 2022-01-15T09:00Z pass refused NotHeld
			next any`},
		{"D5 an expiry after 9999-12-31", "cert azure-administrator; earned 9999-01-01 refused DateOutOfRange"},
		{"no statements", "# nothing to check"},
	}
	p, cat := policy.Microsoft(), cert.Roadmap()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, "t.scenario", tt.scenario)
			for _, f := range s.Run(p, cat) {
				t.Error(f)
			}
		})
	}
}

// TestRunFailures runs a scenario whose expectation is wrong, of each kind,
// and wants exactly the one Failure. The text of a library error in Got is
// replaced by "<error>".
func TestRunFailures(t *testing.T) {
	const admin = "cert azure-administrator; earned 2021-07-15\n"
	tests := []struct {
		name     string
		scenario string
		want     []policytest.Failure
	}{
		{"a wrong reason", admin + "on 2022-01-14 Eligible", []policytest.Failure{{
			Line: 2, Statement: "on 2022-01-14", Want: "Eligible",
			Got: "NotYetOpen, window [2022-01-15, 2022-07-15), eligible from 2022-01-15"}}},
		{"a wrong first eligible day", admin + "on 2022-01-15 Eligible from 2022-01-14 window 2022-01-15 2022-07-15", []policytest.Failure{{
			Line: 2, Statement: "on 2022-01-15", Want: "Eligible from 2022-01-14 window 2022-01-15 2022-07-15",
			Got: "Eligible, window [2022-01-15, 2022-07-15), eligible from 2022-01-15"}}},
		{"a wrong window", admin + "on 2022-01-14 NotYetOpen window 2022-01-14 2022-07-15", []policytest.Failure{{
			Line: 2, Statement: "on 2022-01-14", Want: "NotYetOpen window 2022-01-14 2022-07-15",
			Got: "NotYetOpen, window [2022-01-15, 2022-07-15), eligible from 2022-01-15"}}},
		{"a window where there is none", admin + "on 2022-07-15 Expired window 2022-01-15 2022-07-15", []policytest.Failure{{
			Line: 2, Statement: "on 2022-07-15", Want: "Expired window 2022-01-15 2022-07-15", Got: "Expired"}}},
		{"a wrong expiry", admin + "\n\nexpires 2023-07-15", []policytest.Failure{{
			Line: 4, Statement: "expires", Want: "2023-07-15", Got: "2022-07-15"}}},
		{"an expiry of a title not held", "cert azure-developer\nexpires never", []policytest.Failure{{
			Line: 2, Statement: "expires", Want: "never", Got: "not held"}}},
		{"wrong reminders", admin + "reminders 2022-01-15 2022-04-15 2022-06-15 2022-07-08", []policytest.Failure{{
			Line: 2, Statement: "reminders", Want: "2022-01-15 2022-04-15 2022-06-15 2022-07-08",
			Got: "2022-01-15 2022-04-16 2022-06-15 2022-07-08"}}},
		{"reminders of a title not held", "cert azure-developer\nreminders none", []policytest.Failure{{
			Line: 2, Statement: "reminders", Want: "none", Got: "not held"}}},
		{"a wrong next start", admin + "attempt 2022-02-01T09:00Z fail; attempt 2022-02-01T10:00Z fail; next 2022-02-02T09:00Z", []policytest.Failure{{
			Line: 2, Statement: "next", Want: "2022-02-02T09:00Z", Got: "2022-02-02T10:00Z"}}},
		{"next none where any may start", admin + "next none", []policytest.Failure{{
			Line: 2, Statement: "next", Want: "none", Got: "any"}}},
		{"an operation accepted that should be refused", admin + "renewed 2022-01-15 refused NotYetOpen\nexpires 2023-07-15", []policytest.Failure{{
			Line: 2, Statement: "renewed 2022-01-15", Want: "refused NotYetOpen", Got: "accepted"}}},
		{"an operation refused that should be accepted", admin + "renewed 2022-01-14\nexpires 2022-07-15", []policytest.Failure{{
			Line: 2, Statement: "renewed 2022-01-14", Want: "accepted", Got: "refused NotYetOpen: <error>"}}},
		{"an operation refused for another reason", admin + "earned 2022-01-14 refused Backdated", []policytest.Failure{{
			Line: 2, Statement: "earned 2022-01-14", Want: "refused Backdated", Got: "refused StillActive: <error>"}}},
		{"a refusal by another reason", admin + "attempt 2022-01-14T09:00Z fail refused Expired", []policytest.Failure{{
			Line: 2, Statement: "attempt 2022-01-14T09:00Z fail", Want: "refused Expired", Got: "refused NotYetOpen: <error>"}}},
		{"a lockout that lifts at another instant", admin +
			"attempt 2022-02-01T09:00Z fail; attempt 2022-02-01T09:00Z fail\nattempt 2022-02-02T08:00Z fail refused TooSoon until 2022-02-02T09:00:01Z",
			[]policytest.Failure{{
				Line: 3, Statement: "attempt 2022-02-02T08:00Z fail", Want: "refused TooSoon until 2022-02-02T09:00:01Z",
				Got: "refused TooSoon until 2022-02-02T09:00Z: <error>"}}},
		{"a title statement before any cert", "linked\nexpires never\nearned 2021-07-15", []policytest.Failure{
			{Line: 2, Statement: "expires never", Got: "no cert statement before this line"},
			{Line: 3, Statement: "earned 2021-07-15", Got: "no cert statement before this line"}}},
		{"a title not in the catalog, whose statements are skipped", "cert azure-admin\nearned 2021-07-15\ncert azure-administrator\nexpires never", []policytest.Failure{
			{Line: 1, Statement: "cert azure-admin", Got: "not in the catalog"},
			{Line: 4, Statement: "expires", Want: "never", Got: "not held"}}},
		{"every failure, in order", admin + "on 2022-01-14 Eligible; expires never", []policytest.Failure{
			{Line: 2, Statement: "on 2022-01-14", Want: "Eligible", Got: "NotYetOpen, window [2022-01-15, 2022-07-15), eligible from 2022-01-15"},
			{Line: 2, Statement: "expires", Want: "never", Got: "2022-07-15"}}},
	}
	p, cat := policy.Microsoft(), cert.Roadmap()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustParse(t, "wrong.scenario", tt.scenario).Run(p, cat)
			for i := range got {
				if before, _, ok := strings.Cut(got[i].Got, ": "); ok && strings.HasPrefix(before, "refused") {
					got[i].Got = before + ": <error>"
				}
			}
			for i := range tt.want {
				tt.want[i].File = "wrong.scenario"
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Run mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRunPrintsTheError checks that the Got of an unexpected refusal holds
// the library's error itself.
func TestRunPrintsTheError(t *testing.T) {
	p, cat := policy.Microsoft(), cert.Roadmap()
	admin, _ := cat.Lookup("azure-administrator")
	pr, err := p.Earn(cert.Profile{MCID: "policytest", Learn: "policytest@example.com"}, admin, cert.MustParseDate("2021-07-15"))
	if err != nil {
		t.Fatal(err)
	}
	_, refusal := p.Renew(pr, admin, cert.MustParseDate("2022-01-14"))
	if refusal == nil {
		t.Fatal("Renew on 2022-01-14 accepted")
	}
	got := mustParse(t, "t", "cert azure-administrator; earned 2021-07-15; renewed 2022-01-14").Run(p, cat)
	want := []policytest.Failure{{File: "t", Line: 1, Statement: "renewed 2022-01-14", Want: "accepted", Got: "refused NotYetOpen: " + refusal.Error()}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Run mismatch (-want +got):\n%s", diff)
	}
}

// TestFailureString pins the line a Failure prints.
func TestFailureString(t *testing.T) {
	tests := []struct {
		f    policytest.Failure
		want string
	}{
		{policytest.Failure{File: "renew.scenario", Line: 4, Statement: "on 2022-01-14", Want: "NotYetOpen from 2022-01-15",
			Got: "Eligible, window [2022-01-15, 2022-07-15), eligible from 2022-01-15"},
			"renew.scenario:4: on 2022-01-14: want NotYetOpen from 2022-01-15, got Eligible, window [2022-01-15, 2022-07-15), eligible from 2022-01-15"},
		{policytest.Failure{File: "a.scenario", Line: 1, Statement: "cert x", Got: "not in the catalog"},
			"a.scenario:1: cert x: not in the catalog"},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

// TestRunTestdata runs the scenario files of testdata under Microsoft's
// policy, as a service runs its own.
func TestRunTestdata(t *testing.T) {
	policytest.Run(t, policy.Microsoft(), cert.Roadmap(), os.DirFS("testdata"), "*.scenario")
}

// TestRunPassingFiles runs Run on files that pass, from an in-memory file
// system.
func TestRunPassingFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"b.scenario": {Data: []byte("cert azure-administrator; earned 2021-07-15; expires 2022-07-15\n")},
		"a.scenario": {Data: []byte("# nothing\n")},
		"c.txt":      {Data: []byte("not a scenario")},
	}
	policytest.Run(t, policy.Microsoft(), cert.Roadmap(), fsys, "*.scenario")
}

// general returns a policy of the general form (RULES G1-G8): Microsoft's
// as the default, and a program "google-cloud" with a window of 60 days, a
// grace period of 30, an extension from the pass, and a retake ladder of 14
// then 60 days capped at 2 attempts in 365 days, whose version from
// 2024-06-01 waits 7 days between attempts instead.
func general() policy.Policy {
	const day = 24 * time.Hour
	gc := policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      60,
		GraceDays:       30,
		ExtensionMonths: 24,
		ExtendFrom:      policy.FromPass,
		Retakes:         assessment.Retakes{Wait: 14 * day},
		RetakesThen:     []time.Duration{60 * day},
		RetakesCap:      2,
		RetakesSpan:     365 * day,
	}
	v := gc
	v.Retakes, v.RetakesThen, v.RetakesCap, v.RetakesSpan = assessment.Retakes{Wait: 7 * day}, nil, 0, 0
	gc.Versions = []policy.Version{{From: cert.MustParseDate("2024-06-01"), Policy: v}}
	p := policy.Microsoft()
	p.Programs = []policy.Program{{Name: "google-cloud", Policy: gc}}
	if err := p.Validate(); err != nil {
		panic(err)
	}
	return p
}

// generalCatalog returns one Microsoft title of the roadmap and one title
// of the program "google-cloud".
func generalCatalog() cert.Catalog {
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	c, err := cert.NewCatalog(admin, cert.Certification{ID: "gc-architect", Name: "Professional Cloud Architect", Level: cert.Specialty, Program: "google-cloud"})
	if err != nil {
		panic(err)
	}
	return c
}

// TestRunGeneral runs scenarios at the boundary days of the general
// policy's rules (RULES G1-G8), each of which must pass.
func TestRunGeneral(t *testing.T) {
	const gc = "cert gc-architect; earned 2022-07-15\n"
	tests := []struct{ name, scenario string }{
		{"G1 G2 the window in days and the grace period", gc + `expires 2024-07-15
			on 2024-05-15 NotYetOpen from 2024-05-16 window 2024-05-16 2024-07-15 grace until 2024-08-14
			on 2024-05-16 Eligible from 2024-05-16 grace until 2024-08-14
			on 2024-07-14 Eligible grace until 2024-08-14
			on 2024-07-15 Eligible in grace grace until 2024-08-14 window 2024-05-16 2024-07-15
			on 2024-08-13 Eligible in grace
			on 2024-08-14 Expired from none window none grace until none
			renewed 2024-08-14 refused Expired`},
		{"G1 G4 a renewal in the grace period, from the pass", gc + `renewed 2024-08-13; expires 2026-08-13
			on 2024-08-14 NotYetOpen grace until 2026-09-12`},
		{"G1 unlinked in the grace period", gc + `unlinked
			on 2024-07-20 ProfileNotLinked in grace grace until 2024-08-14`},
		{"G8 Microsoft's title has no grace period", `cert azure-administrator; earned 2021-07-15
			on 2022-07-14 Eligible grace until none
			on 2022-07-15 Expired grace until none`},
		{"G5 G6 G8 the program's ladder and its cap", gc + `
			attempt 2024-05-16T09:00Z fail; next 2024-05-30T09:00Z
			attempt 2024-05-30T08:59Z fail refused TooSoon until 2024-05-30T09:00Z
			attempt 2024-05-30T09:00Z fail; next 2025-05-16T09:00Z
			attempt 2024-05-31T09:00Z fail refused CapReached until 2025-05-16T09:00Z
			attempt 2024-05-31T09:00Z fail refused TooSoon until 2025-05-16T09:00Z`},
		{"G7 the version in force on the last attempt's day", gc + `
			attempt 2024-05-16T09:00Z fail; attempt 2024-05-30T09:00Z fail
			attempt 2024-06-06T08:59Z fail refused TooSoon until 2024-06-06T09:00Z
			attempt 2024-06-06T09:00Z fail; next 2024-06-13T09:00Z
			attempt 2024-07-20T09:00Z pass; expires 2026-07-20; next any`},
		{"G8 Microsoft's title keeps Microsoft's retakes", `cert azure-administrator; earned 2021-07-15
			attempt 2022-02-01T09:00Z fail; next 2022-02-01T09:00Z
			attempt 2022-02-01T09:00Z fail; next 2022-02-02T09:00Z`},
	}
	p, cat := general(), generalCatalog()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, "t.scenario", tt.scenario)
			for _, f := range s.Run(p, cat) {
				t.Error(f)
			}
		})
	}
}

// TestRunGeneralFailures runs scenarios whose expectations of the general
// policy are wrong, and wants exactly the one Failure each.
func TestRunGeneralFailures(t *testing.T) {
	const gc = "cert gc-architect; earned 2022-07-15\n"
	tests := []struct {
		name     string
		scenario string
		want     []policytest.Failure
	}{
		{"G1 a wrong grace end", gc + "on 2024-07-15 Eligible grace until 2024-08-15", []policytest.Failure{{
			Line: 2, Statement: "on 2024-07-15", Want: "Eligible grace until 2024-08-15",
			Got: "Eligible, window [2024-05-16, 2024-07-15), eligible from 2024-05-16, grace until 2024-08-14, in grace"}}},
		{"G1 in grace on the window's last day", gc + "on 2024-07-14 Eligible in grace", []policytest.Failure{{
			Line: 2, Statement: "on 2024-07-14", Want: "Eligible in grace",
			Got: "Eligible, window [2024-05-16, 2024-07-15), eligible from 2024-05-16, grace until 2024-08-14"}}},
		{"G1 a grace period where there is none", "cert azure-administrator; earned 2021-07-15\non 2022-07-14 Eligible grace until 2022-08-13", []policytest.Failure{{
			Line: 2, Statement: "on 2022-07-14", Want: "Eligible grace until 2022-08-13",
			Got: "Eligible, window [2022-01-15, 2022-07-15), eligible from 2022-01-15"}}},
		{"G6 a cap that lifts at another instant", gc + "attempt 2024-05-16T09:00Z fail; attempt 2024-05-30T09:00Z fail\n" +
			"attempt 2024-05-31T09:00Z fail refused CapReached until 2025-05-17T09:00Z", []policytest.Failure{{
			Line: 3, Statement: "attempt 2024-05-31T09:00Z fail", Want: "refused CapReached until 2025-05-17T09:00Z",
			Got: "refused CapReached until 2025-05-16T09:00Z: <error>"}}},
		{"G6 a lockout that is no cap", gc + "attempt 2024-05-16T09:00Z fail\nattempt 2024-05-17T09:00Z fail refused CapReached", []policytest.Failure{{
			Line: 3, Statement: "attempt 2024-05-17T09:00Z fail", Want: "refused CapReached",
			Got: "refused TooSoon until 2024-05-30T09:00Z: <error>"}}},
		{"G5 a next start under another policy's rule", gc + "attempt 2024-05-16T09:00Z fail; next 2024-05-16T09:00Z", []policytest.Failure{{
			Line: 2, Statement: "next", Want: "2024-05-16T09:00Z", Got: "2024-05-30T09:00Z"}}},
	}
	p, cat := general(), generalCatalog()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustParse(t, "wrong.scenario", tt.scenario).Run(p, cat)
			for i := range got {
				if before, _, ok := strings.Cut(got[i].Got, ": "); ok && strings.HasPrefix(before, "refused") {
					got[i].Got = before + ": <error>"
				}
			}
			for i := range tt.want {
				tt.want[i].File = "wrong.scenario"
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Run mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

package policytest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/policytest"
)

// policiesDir holds the policy files that the repository ships, each with
// its scenario file, and the catalog they are run with.
const policiesDir = "../../policies"

// loadPolicy reads and parses the policy file policies/name.json.
func loadPolicy(t testing.TB, name string) policy.Policy {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(policiesDir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := policy.Parse(data)
	if err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	return p
}

// loadCatalog reads and parses policies/catalog.json.
func loadCatalog(t testing.TB) cert.Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(policiesDir, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := cert.ParseCatalog(data)
	if err != nil {
		t.Fatalf("catalog.json: %v", err)
	}
	return c
}

// TestPolicyFiles loads every policy file of policies/ and runs its
// scenario file, <name>.scenario, with policies/catalog.json.
func TestPolicyFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(policiesDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	cat := loadCatalog(t)
	n := 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		if name == "catalog" {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			p := loadPolicy(t, name)
			policytest.Run(t, p, cat, os.DirFS(policiesDir), name+".scenario")
		})
	}
	if n < 5 {
		t.Errorf("found %d policy files in %s, want at least 5", n, policiesDir)
	}
}

// TestPolicyFileMicrosoft checks that microsoft-2020-12-15.json is exactly
// policy.Microsoft() (RULES H1).
func TestPolicyFileMicrosoft(t *testing.T) {
	if diff := cmp.Diff(policy.Microsoft(), loadPolicy(t, "microsoft-2020-12-15")); diff != "" {
		t.Errorf("microsoft-2020-12-15.json mismatch (-want +got):\n%s", diff)
	}
}

// TestPolicyFileCatalog checks that the Microsoft titles of catalog.json
// are those of the roadmap, field for field, and that every title's program
// is one that workforce.json lists (RULES G8).
func TestPolicyFileCatalog(t *testing.T) {
	cat, road := loadCatalog(t), cert.Roadmap()
	for c := range cat.All() {
		if c.Program != "" {
			continue
		}
		want, ok := road.Lookup(c.ID)
		if !ok {
			t.Errorf("%s: not a title of the roadmap", c.ID)
			continue
		}
		if diff := cmp.Diff(want, c); diff != "" {
			t.Errorf("%s mismatch with the roadmap (-want +got):\n%s", c.ID, diff)
		}
	}
	var programs []string
	for _, g := range loadPolicy(t, "workforce").Programs {
		programs = append(programs, g.Name)
	}
	if diff := cmp.Diff(programs, cat.Programs()); diff != "" {
		t.Errorf("workforce.json's programs and catalog.json's (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"google-cloud", "isc2"}, cat.Programs()); diff != "" {
		t.Errorf("Programs() mismatch (-want +got):\n%s", diff)
	}
}

// The sources the tables below quote, by the names their comments use:
//
//	msRenew    https://learn.microsoft.com/en-us/certifications/renew-your-microsoft-certification
//	msQA       https://learn.microsoft.com/en-us/answers/questions/5805369/missed-renewal-exam-time
//	msITCE     https://www.itce.com/renew-your-microsoft-certification-online-for-free/
//	msRetake   https://www.datumtech.org/product-page/pl-900-microsoft-azure-power-platform-one-exam-voucher-retake
//	           (a verbatim copy of Microsoft's exam retake policy)
//	gcRecert   https://support.google.com/cloud-certification/answer/9907853
//	gcRetake   https://support.google.com/cloud-certification/answer/10220719
//	gcFAQ      https://cloud.google.com/certification/faqs/?hl=it
//	isc2Member https://www.isc2.org/policies-procedures/member-policies
//
// Microsoft's policy of 2020 is quoted in RULES.md.

var day = cert.MustParseDate

// instant parses an RFC 3339 instant of a table.
func instant(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// window returns the Window [opens, closes).
func window(opens, closes string) policy.Window {
	return policy.Window{Opens: day(opens), Closes: day(closes)}
}

// fileTitle returns the policy of file and the title id of catalog.json.
func fileTitle(t *testing.T, file string, id cert.ID) (policy.Policy, cert.Certification) {
	t.Helper()
	c, ok := loadCatalog(t).Lookup(id)
	if !ok {
		t.Fatalf("%s: not in catalog.json", id)
	}
	return loadPolicy(t, file), c
}

// holder returns a linked profile that earned c on earned under p.
func holder(t *testing.T, p policy.Policy, c cert.Certification, earned cert.Date) cert.Profile {
	t.Helper()
	pr, err := p.Earn(cert.Profile{MCID: "m", Learn: "l"}, c, earned)
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

// TestPolicyFileEligibility checks Expiry and Eligibility of each shipped
// policy at the boundary days of the program's published rules.
func TestPolicyFileEligibility(t *testing.T) {
	const ms, gc, isc2 = "azure-administrator", "google-professional-cloud-architect", "isc2-cissp"
	eligible := func(w policy.Window, from, grace string, in bool) policy.Decision {
		d := policy.Decision{Eligible: true, Reason: policy.Eligible, Window: w, EligibleFrom: day(from), InGrace: in}
		if grace != "" {
			d.GraceEnds = day(grace)
		}
		return d
	}
	notYet := func(w policy.Window, from, grace string) policy.Decision {
		d := eligible(w, from, grace, false)
		d.Eligible, d.Reason = false, policy.NotYetOpen
		return d
	}
	expired := policy.Decision{Reason: policy.Expired}
	msToday, gcWin, isc2Win := window("2024-09-11", "2025-03-10"), window("2024-12-31", "2025-03-01"), window("2025-01-01", "2025-04-01")
	tests := []struct {
		name    string
		file    string
		id      cert.ID
		earned  string
		expires string
		on      string
		want    policy.Decision
	}{
		// msQA: "The renewal period is open for 180 days before your expiry
		// date." msRenew: "...certifications expire annually."
		{"G2/microsoft-today the day before the 180 days", "microsoft-today", ms, "2024-03-10", "2025-03-10", "2024-09-10", notYet(msToday, "2024-09-11", "")},
		{"G2/microsoft-today the first of the 180 days", "microsoft-today", ms, "2024-03-10", "2025-03-10", "2024-09-11", eligible(msToday, "2024-09-11", "", false)},
		// msRenew: "Be sure to renew before the expiration date or you'll
		// have to re-earn your certification".
		{"G1/microsoft-today the day before the expiry", "microsoft-today", ms, "2024-03-10", "2025-03-10", "2025-03-09", eligible(msToday, "2024-09-11", "", false)},
		{"G1/microsoft-today no grace on the expiry", "microsoft-today", ms, "2024-03-10", "2025-03-10", "2025-03-10", expired},

		// gcRecert: "valid for two years from the date an individual
		// certifies"; "recertification eligibility period starting 60 days
		// prior to your certification expiration date."
		{"G2/google the day before the 60 days", "google-cloud-professional", gc, "2023-03-01", "2025-03-01", "2024-12-30", notYet(gcWin, "2024-12-31", "2025-03-31")},
		{"G2/google the first of the 60 days", "google-cloud-professional", gc, "2023-03-01", "2025-03-01", "2024-12-31", eligible(gcWin, "2024-12-31", "2025-03-31", false)},
		// gcRecert: "You will be provided 30 additional days beyond your
		// certification expiration date to renew your certification."
		{"G1/google the day before the expiry", "google-cloud-professional", gc, "2023-03-01", "2025-03-01", "2025-02-28", eligible(gcWin, "2024-12-31", "2025-03-31", false)},
		{"G1/google the expiry, first grace day", "google-cloud-professional", gc, "2023-03-01", "2025-03-01", "2025-03-01", eligible(gcWin, "2024-12-31", "2025-03-31", true)},
		{"G1/google last grace day", "google-cloud-professional", gc, "2023-03-01", "2025-03-01", "2025-03-30", eligible(gcWin, "2024-12-31", "2025-03-31", true)},
		{"G1/google the day after the grace period", "google-cloud-professional", gc, "2023-03-01", "2025-03-01", "2025-03-31", expired},

		// isc2Member: "three-year certification cycles"; "no later than
		// 90 days after the certification expiration date" (version 4.0).
		// The 90-day window is the file's choice.
		{"G2/isc2 the day before the window", "isc2-like", isc2, "2022-04-01", "2025-04-01", "2024-12-31", notYet(isc2Win, "2025-01-01", "2025-06-30")},
		{"G2/isc2 the window's first day", "isc2-like", isc2, "2022-04-01", "2025-04-01", "2025-01-01", eligible(isc2Win, "2025-01-01", "2025-06-30", false)},
		{"G1/isc2 the expiry, first grace day", "isc2-like", isc2, "2022-04-01", "2025-04-01", "2025-04-01", eligible(isc2Win, "2025-01-01", "2025-06-30", true)},
		{"G1/isc2 last grace day", "isc2-like", isc2, "2022-04-01", "2025-04-01", "2025-06-29", eligible(isc2Win, "2025-01-01", "2025-06-30", true)},
		{"G1/isc2 the day after the grace period", "isc2-like", isc2, "2022-04-01", "2025-04-01", "2025-06-30", expired},

		// RULES V2, E2, E1 (the page of 2020, quoted in RULES.md), through
		// workforce.json's default; gcRecert through its program.
		{"G8/workforce a Microsoft title: six months, no grace", "workforce", ms, "2021-07-15", "2022-07-15", "2022-01-14", notYet(window("2022-01-15", "2022-07-15"), "2022-01-15", "")},
		{"G8/workforce a Microsoft title expires on its expiry", "workforce", ms, "2021-07-15", "2022-07-15", "2022-07-15", expired},
		{"G8/workforce a Google Cloud title in grace", "workforce", gc, "2023-03-01", "2025-03-01", "2025-03-01", eligible(gcWin, "2024-12-31", "2025-03-31", true)},
		{"G8/workforce an ISC2 title in grace", "workforce", isc2, "2022-04-01", "2025-04-01", "2025-06-29", eligible(isc2Win, "2025-01-01", "2025-06-30", true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, c := fileTitle(t, tt.file, tt.id)
			if diff := cmp.Diff(day(tt.expires), p.Expiry(c, day(tt.earned))); diff != "" {
				t.Errorf("Expiry(%s) mismatch (-want +got):\n%s", tt.earned, diff)
			}
			pr := holder(t, p, c, day(tt.earned))
			if diff := cmp.Diff(tt.want, p.Eligibility(pr, c, day(tt.on))); diff != "" {
				t.Errorf("Eligibility on %s mismatch (-want +got):\n%s", tt.on, diff)
			}
		})
	}
}

// TestPolicyFileRenew checks the new expiry of a renewal under each shipped
// policy, or its refusal, from the base the file gives (RULES G4, N1).
func TestPolicyFileRenew(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		id     cert.ID
		earned string
		passed string
		want   string        // the new expiry, when accepted
		reason policy.Reason // the refusal's reason, when refused
	}{
		// msITCE: "your certification will be extended by an additional
		// year from its current expiration date."
		{"G4/microsoft-today from the expiry, on the window's first day", "microsoft-today", "azure-administrator", "2024-03-10", "2024-09-11", "2026-03-10", 0},
		{"G4/microsoft-today from the expiry, on its last day", "microsoft-today", "azure-administrator", "2024-03-10", "2025-03-09", "2026-03-10", 0},
		{"G2/microsoft-today refused the day before the window", "microsoft-today", "azure-administrator", "2024-03-10", "2024-09-10", "", policy.NotYetOpen},
		{"G1/microsoft-today refused on the expiry", "microsoft-today", "azure-administrator", "2024-03-10", "2025-03-10", "", policy.Expired},
		// gcRecert: "valid for two years from the date an individual
		// certifies": the file reads a recertification as certifying
		// anew, on the day of the pass.
		{"G4/google from the pass, on the window's first day", "google-cloud-professional", "google-professional-cloud-architect", "2023-03-01", "2024-12-31", "2026-12-31", 0},
		{"G4/google from the pass, on the last grace day", "google-cloud-professional", "google-professional-cloud-architect", "2023-03-01", "2025-03-30", "2027-03-30", 0},
		{"G1/google refused the day after the grace period", "google-cloud-professional", "google-professional-cloud-architect", "2023-03-01", "2025-03-31", "", policy.Expired},
		// isc2Member: "no later than 90 days after the certification
		// expiration date"; from the pass, the file's reading.
		{"G4/isc2 from the pass, early in the window", "isc2-like", "isc2-cissp", "2022-04-01", "2025-01-01", "2028-01-01", 0},
		{"G4/isc2 from the pass, on the last grace day", "isc2-like", "isc2-cissp", "2022-04-01", "2025-06-29", "2028-06-29", 0},
		{"G1/isc2 refused the day after the grace period", "isc2-like", "isc2-cissp", "2022-04-01", "2025-06-30", "", policy.Expired},
		// RULES N1 for the default, gcRecert for the program.
		{"G8/workforce a Microsoft title from the expiry", "workforce", "azure-administrator", "2021-07-15", "2022-01-15", "2023-07-15", 0},
		{"G8/workforce a Google Cloud title from the pass", "workforce", "google-professional-cloud-architect", "2023-03-01", "2025-01-15", "2027-01-15", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, c := fileTitle(t, tt.file, tt.id)
			pr := holder(t, p, c, day(tt.earned))
			got, err := p.Renew(pr, c, day(tt.passed))
			if tt.reason != 0 {
				var ne *policy.NotEligibleError
				if !errors.As(err, &ne) || ne.Decision.Reason != tt.reason {
					t.Fatalf("Renew on %s = %v, want refused %v", tt.passed, err, tt.reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("Renew on %s: %v", tt.passed, err)
			}
			cr, _ := got.Credential(c.ID)
			if diff := cmp.Diff(day(tt.want), cr.Expires); diff != "" {
				t.Errorf("Renew on %s: expiry mismatch (-want +got):\n%s", tt.passed, diff)
			}
		})
	}
}

// TestPolicyFileReminders checks the reminders of each shipped policy
// (RULES M1-M3, G3).
func TestPolicyFileReminders(t *testing.T) {
	days := func(ds ...string) []cert.Date {
		var out []cert.Date
		for _, d := range ds {
			out = append(out, day(d))
		}
		return out
	}
	tests := []struct {
		name   string
		file   string
		id     cert.ID
		earned string
		want   []cert.Date
	}{
		// The library's choice: the window's opening, then 90, 30 and 7
		// days before the expiry; msQA gives the 180 days.
		{"G3/microsoft-today the window's opening, 90, 30 and 7 days before", "microsoft-today", "azure-administrator", "2024-03-10",
			days("2024-09-11", "2024-12-10", "2025-02-08", "2025-03-03")},
		// gcRecert: "You will receive renewal notifications 90, 60, and 30
		// days prior to your certification expiration date." The 90-day
		// one, 2024-12-01, falls before the 60-day window opens: a
		// notice, which the file's "beforeEligible" sends (RULES G3).
		{"G3/google the 90-day reminder, a notice before the window", "google-cloud-professional", "google-professional-cloud-architect", "2023-03-01",
			days("2024-12-01", "2024-12-31", "2025-01-30")},
		// The file's choice: the window's opening, 60, 30 and 7 days
		// before the expiry.
		{"G3/isc2 the window's opening, 60, 30 and 7 days before", "isc2-like", "isc2-cissp", "2022-04-01",
			days("2025-01-01", "2025-01-31", "2025-03-02", "2025-03-25")},
		// RULES M2 for the default, gcRecert for the program.
		{"G8/workforce a Microsoft title: the first eligible day, 90, 30, 7", "workforce", "azure-administrator", "2021-07-15",
			days("2022-01-15", "2022-04-16", "2022-06-15", "2022-07-08")},
		{"G8/workforce a Google Cloud title: 90, 60 and 30 days", "workforce", "google-professional-cloud-architect", "2023-03-01",
			days("2024-12-01", "2024-12-31", "2025-01-30")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, c := fileTitle(t, tt.file, tt.id)
			pr := holder(t, p, c, day(tt.earned))
			cr, _ := pr.Credential(c.ID)
			if diff := cmp.Diff(tt.want, p.Reminders(c, cr)); diff != "" {
				t.Errorf("Reminders mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPolicyFileRetakes checks the retake ladders of each shipped policy,
// the renewal assessment's (RenewalRetakes) and the exam's (ExamRetakes),
// at their boundaries (RULES G5, G6): Check just before and at the end of
// each wait, and Next.
func TestPolicyFileRetakes(t *testing.T) {
	fails := func(ats ...string) []assessment.Attempt {
		var h []assessment.Attempt
		for _, a := range ats {
			h = append(h, assessment.Attempt{At: instant(a)})
		}
		return h
	}
	msExam5 := fails("2024-10-01T09:00:00Z", "2024-10-02T09:00:00Z", "2024-10-16T09:00:00Z", "2024-10-30T09:00:00Z", "2024-11-13T09:00:00Z")
	gc3 := fails("2025-01-02T10:00:00Z", "2025-01-16T10:00:00Z", "2025-03-17T10:00:00Z")
	tests := []struct {
		name    string
		file    string
		exam    bool // ExamRetakes; else RenewalRetakes
		history []assessment.Attempt
		at      string // the attempt Check is asked about
		refused error  // nil, assessment.ErrTooSoon or assessment.ErrCapReached
		until   string // the refusal's Until
		next    string // Next's answer
	}{
		// msITCE: "If you don't pass on the first go, you may attempt it
		// immediately. However, after the second attempt you must wait
		// for 24 hours".
		{"A2/microsoft-today the renewal's first retake at once", "microsoft-today", false, fails("2024-10-01T09:00:00Z"),
			"2024-10-01T09:00:00Z", nil, "", "2024-10-01T09:00:00Z"},
		{"A3/microsoft-today the renewal's second retake a second early", "microsoft-today", false, fails("2024-10-01T09:00:00Z", "2024-10-01T09:30:00Z"),
			"2024-10-02T09:29:59Z", assessment.ErrTooSoon, "2024-10-02T09:30:00Z", "2024-10-02T09:30:00Z"},
		// msRetake: "If you don't pass an exam the first time, you must
		// wait 24 hours before retaking it."
		{"G5/microsoft-today the exam's first retake a second early", "microsoft-today", true, fails("2024-10-01T09:00:00Z"),
			"2024-10-02T08:59:59Z", assessment.ErrTooSoon, "2024-10-02T09:00:00Z", "2024-10-02T09:00:00Z"},
		// msRetake: "A 14-day waiting period is imposed between all
		// subsequent attempts (up to 5)."
		{"G5/microsoft-today the exam's second retake a second early", "microsoft-today", true, msExam5[:2],
			"2024-10-16T08:59:59Z", assessment.ErrTooSoon, "2024-10-16T09:00:00Z", "2024-10-16T09:00:00Z"},
		{"G5/microsoft-today the exam's second retake after 14 days", "microsoft-today", true, msExam5[:2],
			"2024-10-16T09:00:00Z", nil, "", "2024-10-16T09:00:00Z"},
		// msRetake: "You may not take a given exam more than five (5) times
		// within a 12-month period from the first attempt." Read as any
		// span of 365 days: the sixth attempt waits for the first to leave.
		{"G6/microsoft-today the sixth exam attempt is capped", "microsoft-today", true, msExam5,
			"2024-11-27T09:00:00Z", assessment.ErrCapReached, "2025-10-01T09:00:00Z", "2025-10-01T09:00:00Z"},
		{"G6/microsoft-today the sixth exam attempt 365 days after the first", "microsoft-today", true, msExam5,
			"2025-10-01T09:00:00Z", nil, "", "2025-10-01T09:00:00Z"},
		// The rolling reading: a sixth attempt in a new 12 months from
		// 2025-01-10 is allowed, but a seventh 14 days later meets five
		// attempts in the 365 days before it, which the reading anchored
		// at a first attempt would allow.
		{"G6/microsoft-today the cap is rolling, not anchored at a first attempt", "microsoft-today", true,
			fails("2024-01-10T09:00:00Z", "2024-07-01T09:00:00Z", "2024-10-01T09:00:00Z", "2024-11-01T09:00:00Z", "2024-12-01T09:00:00Z", "2025-01-10T09:00:00Z"),
			"2025-01-24T09:00:00Z", assessment.ErrCapReached, "2025-07-01T09:00:00Z", "2025-07-01T09:00:00Z"},
		// 365 days of elapsed time (RULES D4), not 12 calendar months:
		// across 2024-02-29 the cap lifts on 2025-01-09, a day before
		// 12 months from 2024-01-10.
		{"G6/microsoft-today 365 days across a leap day", "microsoft-today", true,
			fails("2024-01-10T09:00:00Z", "2024-01-11T09:00:00Z", "2024-01-25T09:00:00Z", "2024-02-08T09:00:00Z", "2024-02-22T09:00:00Z"),
			"2024-03-07T09:00:00Z", assessment.ErrCapReached, "2025-01-09T09:00:00Z", "2025-01-09T09:00:00Z"},

		// gcRetake: "If you don't pass the exam, you can take it again
		// after 14 days. If you don't pass the second time, you must wait
		// 60 day[s]"; gcFAQ: "If you don't pass the third time, you must
		// wait a year".
		{"G5/google 14 days after the first failure", "google-cloud-professional", false, gc3[:1],
			"2025-01-16T09:59:59Z", assessment.ErrTooSoon, "2025-01-16T10:00:00Z", "2025-01-16T10:00:00Z"},
		{"G5/google 60 days after the second", "google-cloud-professional", false, gc3[:2],
			"2025-03-17T09:59:59Z", assessment.ErrTooSoon, "2025-03-17T10:00:00Z", "2025-03-17T10:00:00Z"},
		{"G5/google a year after the third", "google-cloud-professional", true, gc3,
			"2026-03-17T09:59:59Z", assessment.ErrTooSoon, "2026-03-17T10:00:00Z", "2026-03-17T10:00:00Z"},
		// gcRetake: "a maximum of four attempts in a two year period". The
		// ladder's waits already keep a fifth attempt 804 days after the
		// first, so the cap does not bind: a year again after the fourth.
		{"G6/google the cap of four in two years does not bind", "google-cloud-professional", true, fails(
			"2025-01-02T10:00:00Z", "2025-01-16T10:00:00Z", "2025-03-17T10:00:00Z", "2026-03-17T10:00:00Z"),
			"2027-03-17T10:00:00Z", nil, "", "2027-03-17T10:00:00Z"},
		// No retake rule is published for an ISC2 renewal: none.
		{"G5/isc2 no wait", "isc2-like", false, fails("2025-02-01T10:00:00Z", "2025-02-01T10:00:00Z"),
			"2025-02-01T10:00:00Z", nil, "", "2025-02-01T10:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := loadPolicy(t, tt.file)
			l := p.RenewalRetakes()
			if tt.exam {
				l = p.ExamRetakes
			}
			err := l.Check(tt.history, instant(tt.at))
			switch {
			case tt.refused == nil && err != nil:
				t.Errorf("Check(%s) = %v, want nil", tt.at, err)
			case tt.refused != nil && !errors.Is(err, tt.refused):
				t.Errorf("Check(%s) = %v, want %v", tt.at, err, tt.refused)
			case tt.refused == assessment.ErrCapReached:
				var ce *assessment.CapError
				if !errors.As(err, &ce) || !ce.Until.Equal(instant(tt.until)) {
					t.Errorf("Check(%s) = %v, want a CapError until %s", tt.at, err, tt.until)
				}
			case tt.refused != nil:
				var le *assessment.LockoutError
				if !errors.As(err, &le) || !le.Until.Equal(instant(tt.until)) || errors.Is(err, assessment.ErrCapReached) {
					t.Errorf("Check(%s) = %v, want a lockout until %s", tt.at, err, tt.until)
				}
			}
			next, ok := l.Next(tt.history)
			if !ok || !next.Equal(instant(tt.next)) {
				t.Errorf("Next = %v, %v, want %s", next, ok, tt.next)
			}
		})
	}
}

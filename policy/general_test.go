package policy_test

// The table tests of the general policy's rules, G1 to G8: a grace period
// after the expiry, a window in days, a reminder when the window opens, the
// base of an extension, the retake ladder and its cap, versions and
// programs. Each case is at a boundary day of a real program's policy.

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// daysOf returns n days of elapsed time.
func daysOf(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }

// isc2 is a policy like ISC2's: a three-year term, a window of 90 days, a
// grace period of 90 days after the expiry, and a renewal of 36 months from
// the day of the pass (RULES G1, G2, G4).
func isc2() policy.Policy {
	return policy.Policy{
		Terms:           []policy.Term{{Months: 36}},
		WindowDays:      90,
		GraceDays:       90,
		ExtensionMonths: 36,
		ExtendFrom:      policy.FromPass,
		Schedule:        policy.Schedule{AtWindowOpens: true, DaysBefore: []int{30}},
	}
}

// google is a policy like Google Cloud's for its professional titles: two
// years, a window of 60 days, renewal for two years from the pass, and the
// exam's retake ladder of 14 days, then 60, then a year (RULES G2, G4, G5).
// Its reminder 90 days before the expiry lies before the window and is
// dropped (RULES M2).
func google() policy.Policy {
	return policy.Policy{
		Terms:           []policy.Term{{Months: 24}},
		WindowDays:      60,
		ExtensionMonths: 24,
		ExtendFrom:      policy.FromPass,
		Schedule:        policy.Schedule{DaysBefore: []int{90, 60, 30}},
		Retakes:         assessment.Retakes{Wait: daysOf(14)},
		RetakesThen:     []time.Duration{daysOf(60), daysOf(365)},
	}
}

// msToday is Microsoft's policy as it stands today: a year, a window of 180
// days, a renewal of a year from the expiry, reminders when the window opens
// and 90, 30 and 7 days before the expiry, and the exam's ladder of 24 hours,
// then 14 days, at most five attempts in 365 days (RULES G2, G3, G5, G6).
func msToday() policy.Policy {
	return policy.Policy{
		Terms:           []policy.Term{{Months: 12}},
		WindowDays:      180,
		ExtensionMonths: 12,
		MarketAgeMonths: 6,
		Schedule:        policy.Schedule{AtWindowOpens: true, DaysBefore: []int{90, 30, 7}},
		Retakes:         assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour},
		ExamRetakes: assessment.Ladder{
			Retakes: assessment.Retakes{Wait: 24 * time.Hour},
			Then:    []time.Duration{daysOf(14)},
			Cap:     5,
			Span:    daysOf(365),
		},
	}
}

// Titles of other programs than Microsoft's.
var (
	// cissp is a title of the policy asked directly, with no program; its
	// assessment counts as offered on every day (RULES E6).
	cissp = cert.Certification{ID: "isc2-cissp", Name: "ISC2 Certified Information Systems Security Professional", Level: cert.Specialty}

	// gcpArchitect is a title of the program "google-cloud" (RULES G8).
	gcpArchitect = cert.Certification{ID: "gcp-cloud-architect", Name: "Google Cloud Certified: Professional Cloud Architect", Level: cert.Expert, Program: "google-cloud"}

	// gcpPlain is that title with no program, for the policy asked directly.
	gcpPlain = cert.Certification{ID: "gcp-cloud-architect", Name: "Google Cloud Certified: Professional Cloud Architect", Level: cert.Expert}
)

// The holders of the tables.
var (
	// isc2Holder's CISSP was earned 2021-03-15 and expires 2024-03-15: its
	// window is [2023-12-16, 2024-03-15) and its grace period
	// [2024-03-15, 2024-06-13).
	isc2Holder = linked(cred(cissp.ID, "2021-03-15", "2024-03-15"))

	// gcpHolder's title expires 2024-05-10: its window is [2024-03-11,
	// 2024-05-10).
	gcpHolder = linked(cred(gcpArchitect.ID, "2022-05-10", "2024-05-10"))

	// msHolder's administrator expires 2025-09-20: under msToday its window
	// is [2025-03-24, 2025-09-20).
	msHolder = linked(cred("azure-administrator", "2024-09-20", "2025-09-20"))
)

// decision returns a Decision; "" stands for the zero Date, and the window
// closes on closes.
func decision(reason policy.Reason, opens, closes, from, graceEnds string, inGrace bool) policy.Decision {
	d := policy.Decision{Eligible: reason == policy.Eligible, Reason: reason, InGrace: inGrace}
	if opens != "" {
		d.Window = window(opens, closes)
	}
	if from != "" {
		d.EligibleFrom = day(from)
	}
	if graceEnds != "" {
		d.GraceEnds = day(graceEnds)
	}
	return d
}

// A generalCase is a row of the eligibility tables of the general rules.
type generalCase struct {
	name string
	p    policy.Policy
	pr   cert.Profile
	c    cert.Certification
	on   string
	want policy.Decision
}

// runGeneral checks each case's whole Decision.
func runGeneral(t *testing.T, tests []generalCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.p.Validate(); err != nil {
				t.Fatalf("the policy is invalid: %v", err)
			}
			if diff := cmp.Diff(tt.want, tt.p.Eligibility(tt.pr, tt.c, day(tt.on))); diff != "" {
				t.Errorf("Eligibility(%s, %s) mismatch (-want +got):\n%s", tt.c.ID, tt.on, diff)
			}
		})
	}
}

// TestG1G2_GraceAndWindowInDays checks RULES G1 and G2 at the boundary days
// of the policies of ISC2, Google Cloud and Microsoft today: the window opens
// WindowDays before the expiry, and the grace period is [expiry,
// expiry+GraceDays), on which a renewal is allowed and the decision says
// InGrace.
func TestG1G2_GraceAndWindowInDays(t *testing.T) {
	const x, opens, ends = "2024-03-15", "2023-12-16", "2024-06-13"
	unlinkedISC2 := unlinked(isc2Holder.Credentials...)
	lateISC2 := cissp
	lateISC2.RenewalFrom = day("2024-04-01") // offered only in the grace period
	neverISC2 := cissp
	neverISC2.RenewalFrom = day(ends) // offered from the day the grace period ends
	runGeneral(t, []generalCase{
		{"G2 isc2: the day before the window opens", isc2(), isc2Holder, cissp, "2023-12-15", decision(policy.NotYetOpen, opens, x, opens, ends, false)},
		{"G2 isc2: the window's first day, 90 days before the expiry", isc2(), isc2Holder, cissp, opens, decision(policy.Eligible, opens, x, opens, ends, false)},
		{"G1 isc2: the day before the expiry is not grace", isc2(), isc2Holder, cissp, "2024-03-14", decision(policy.Eligible, opens, x, opens, ends, false)},
		{"G1 isc2: the expiry is the grace period's first day", isc2(), isc2Holder, cissp, x, decision(policy.Eligible, opens, x, opens, ends, true)},
		{"G1 isc2: the grace period's last day", isc2(), isc2Holder, cissp, "2024-06-12", decision(policy.Eligible, opens, x, opens, ends, true)},
		{"G1 isc2: GraceEnds is expired", isc2(), isc2Holder, cissp, ends, decision(policy.Expired, "", "", "", "", false)},
		{"G1 isc2: long after the grace period", isc2(), isc2Holder, cissp, "2025-01-01", decision(policy.Expired, "", "", "", "", false)},
		{"G1 isc2: not linked in grace", isc2(), unlinkedISC2, cissp, x, decision(policy.ProfileNotLinked, opens, x, opens, ends, true)},
		{"G1 isc2: an assessment first offered in grace, the day before", isc2(), isc2Holder, lateISC2, "2024-03-31", decision(policy.AssessmentUnavailable, opens, x, "2024-04-01", ends, true)},
		{"G1 isc2: an assessment first offered in grace, that day", isc2(), isc2Holder, lateISC2, "2024-04-01", decision(policy.Eligible, opens, x, "2024-04-01", ends, true)},
		{"G1 isc2: an assessment first offered on GraceEnds comes too late", isc2(), isc2Holder, neverISC2, "2024-06-12", decision(policy.AssessmentUnavailable, opens, x, "", ends, true)},
		{"G1 isc2: before the window, with the assessment offered in grace", isc2(), isc2Holder, lateISC2, "2023-12-15", decision(policy.NotYetOpen, opens, x, "2024-04-01", ends, false)},

		{"G2 google: the day before the window opens", google(), gcpHolder, gcpPlain, "2024-03-10", decision(policy.NotYetOpen, "2024-03-11", "2024-05-10", "2024-03-11", "", false)},
		{"G2 google: the window's first day, 60 days before the expiry", google(), gcpHolder, gcpPlain, "2024-03-11", decision(policy.Eligible, "2024-03-11", "2024-05-10", "2024-03-11", "", false)},
		{"G2 google: the window's last day", google(), gcpHolder, gcpPlain, "2024-05-09", decision(policy.Eligible, "2024-03-11", "2024-05-10", "2024-03-11", "", false)},
		{"G1 google: no grace period: expired on the expiry", google(), gcpHolder, gcpPlain, "2024-05-10", decision(policy.Expired, "", "", "", "", false)},

		{"G2 microsoft today: the day before the window opens", msToday(), msHolder, title("azure-administrator"), "2025-03-23", decision(policy.NotYetOpen, "2025-03-24", "2025-09-20", "2025-03-24", "", false)},
		{"G2 microsoft today: 180 days before the expiry, not six months", msToday(), msHolder, title("azure-administrator"), "2025-03-24", decision(policy.Eligible, "2025-03-24", "2025-09-20", "2025-03-24", "", false)},
		{"G2 microsoft today: the window's last day", msToday(), msHolder, title("azure-administrator"), "2025-09-19", decision(policy.Eligible, "2025-03-24", "2025-09-20", "2025-03-24", "", false)},
		{"G2 microsoft today: expired on the expiry", msToday(), msHolder, title("azure-administrator"), "2025-09-20", decision(policy.Expired, "", "", "", "", false)},
	})
}

// TestG1_GraceIsNotActive checks RULES G1 beside D2 and N5: on a day of the
// grace period the credential is not active, so earning the title again by
// exam is allowed, and it was active the day before, when it is not.
func TestG1_GraceIsNotActive(t *testing.T) {
	p := isc2()
	cr := isc2Holder.Credentials[0]
	tests := []struct {
		name   string
		on     string
		active bool
		earn   error
	}{
		{"G1 the day before the expiry: active, and earning again is refused", "2024-03-14", true, policy.ErrStillActive},
		{"G1 the expiry, in grace: not active, and earned again by exam", "2024-03-15", false, nil},
		{"G1 the grace period's last day: not active", "2024-06-12", false, nil},
		{"G1 GraceEnds: not active", "2024-06-13", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cr.ActiveOn(day(tt.on)); got != tt.active {
				t.Errorf("ActiveOn(%s) = %v, want %v", tt.on, got, tt.active)
			}
			got, err := p.Earn(isc2Holder, cissp, day(tt.on))
			checkErr(t, err, tt.earn)
			want := isc2Holder
			if tt.earn == nil {
				want = linked(cert.Credential{Cert: cissp.ID, Earned: day(tt.on), Expires: day(tt.on).AddMonths(36)})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Earn(%s) mismatch (-want +got):\n%s", tt.on, diff)
			}
		})
	}
}

// TestG1G4_RenewByBase checks RULES G4 and G1: a renewal extends from the
// day of the pass under FromPass and from the expiry under FromExpiry, on
// every day of the window and of the grace period, and is refused on
// GraceEnds.
func TestG1G4_RenewByBase(t *testing.T) {
	fromExpiry := isc2()
	fromExpiry.ExtendFrom = policy.FromExpiry
	tests := []struct {
		name    string
		p       policy.Policy
		pr      cert.Profile
		c       cert.Certification
		passed  string
		expires string        // the new expiry, "" when refused
		reason  policy.Reason // the refusal's reason
	}{
		{"G4 from the pass: the window's first day", isc2(), isc2Holder, cissp, "2023-12-16", "2026-12-16", 0},
		{"G4 from the pass: the window's last day", isc2(), isc2Holder, cissp, "2024-03-14", "2027-03-14", 0},
		{"G1 from the pass: the expiry, in grace", isc2(), isc2Holder, cissp, "2024-03-15", "2027-03-15", 0},
		{"G1 from the pass: the grace period's last day", isc2(), isc2Holder, cissp, "2024-06-12", "2027-06-12", 0},
		{"G1 from the pass: GraceEnds is refused", isc2(), isc2Holder, cissp, "2024-06-13", "", policy.Expired},
		{"G4 from the pass: the day before the window is refused", isc2(), isc2Holder, cissp, "2023-12-15", "", policy.NotYetOpen},
		{"G4 from the expiry: the window's first day", fromExpiry, isc2Holder, cissp, "2023-12-16", "2027-03-15", 0},
		{"G1 from the expiry: the grace period's last day", fromExpiry, isc2Holder, cissp, "2024-06-12", "2027-03-15", 0},
		{"G4 google from the pass: the window's first day", google(), gcpHolder, gcpPlain, "2024-03-11", "2026-03-11", 0},
		{"G4 google from the pass: the window's last day", google(), gcpHolder, gcpPlain, "2024-05-09", "2026-05-09", 0},
		{"G4 microsoft today from the expiry: the window's first day", msToday(), msHolder, title("azure-administrator"), "2025-03-24", "2026-09-20", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.p.Renew(tt.pr, tt.c, day(tt.passed))
			if tt.expires == "" {
				if msg := refusal(err, tt.reason); msg != "" {
					t.Error(msg)
				}
				if diff := cmp.Diff(tt.pr, got); diff != "" {
					t.Errorf("a refused Renew changed the profile (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatalf("Renew(%s): %v", tt.passed, err)
			}
			want := tt.pr.Credentials[0]
			want.Expires = day(tt.expires)
			if diff := cmp.Diff(linked(want), got); diff != "" {
				t.Errorf("Renew(%s) mismatch (-want +got):\n%s", tt.passed, diff)
			}
			// RULES N3: the new window opens after the day of the renewal.
			if d := tt.p.Eligibility(got, tt.c, day(tt.passed)); d.Reason != policy.NotYetOpen {
				t.Errorf("Eligibility on the day of the renewal = %v, want NotYetOpen (RULES N3)", d)
			}
		})
	}
}

// TestG3M2_Reminders checks RULES G3 with M2: a reminder on the day the
// window opens, one with AtFirstEligibleDay on the same day sent once, the
// opening's reminder dropped when the assessment is not yet offered, and
// a reminder before a window of days dropped.
func TestG3M2_Reminders(t *testing.T) {
	admin := title("azure-administrator")
	late := admin
	late.RenewalFrom = day("2025-04-03") // ten days after the window opens
	both := msToday()
	both.Schedule = policy.Schedule{AtFirstEligibleDay: true, AtWindowOpens: true, DaysBefore: []int{90, 30}}
	monthly := policy.Microsoft()
	monthly.Schedule = policy.Schedule{AtWindowOpens: true}
	cr := msHolder.Credentials[0]
	tests := []struct {
		name string
		p    policy.Policy
		c    cert.Certification
		cr   cert.Credential
		want []cert.Date
	}{
		{"G3 microsoft today: the opening day, then 90, 30 and 7 days before", msToday(), admin, cr,
			[]cert.Date{day("2025-03-24"), day("2025-06-22"), day("2025-08-21"), day("2025-09-13")}},
		{"G3 with AtFirstEligibleDay on the same day: sent once", both, admin, cr,
			[]cert.Date{day("2025-03-24"), day("2025-06-22"), day("2025-08-21")}},
		{"G3 the assessment not yet offered when the window opens: dropped", msToday(), late, cr,
			[]cert.Date{day("2025-06-22"), day("2025-08-21"), day("2025-09-13")}},
		{"G3 with AtFirstEligibleDay and the assessment late: the first eligible day instead", both, late, cr,
			[]cert.Date{day("2025-04-03"), day("2025-06-22"), day("2025-08-21")}},
		{"G3 a window in months: six months before", monthly, admin, cr, []cert.Date{day("2025-03-20")}},
		{"M2 google: 90 days before lies before the 60-day window and is dropped", google(), gcpPlain, gcpHolder.Credentials[0],
			[]cert.Date{day("2024-03-11"), day("2024-04-10")}},
		{"G3 isc2: the opening day and 30 days before", isc2(), cissp, isc2Holder.Credentials[0],
			[]cert.Date{day("2023-12-16"), day("2024-02-14")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.p.Validate(); err != nil {
				t.Fatalf("the policy is invalid: %v", err)
			}
			if diff := cmp.Diff(tt.want, tt.p.Reminders(tt.c, tt.cr)); diff != "" {
				t.Errorf("Reminders mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestG5G6_RenewalRetakes checks RULES G5 and G6 through RecordAttempt and
// CheckAttempt: Google's ladder of 14 days, then 60, and a cap of three
// attempts in a week; and Microsoft's exam ladder with its cap of five in
// 365 days.
func TestG5G6_RenewalRetakes(t *testing.T) {
	// Google's ladder in a window of 180 days, long enough for the third
	// attempt: the window is [2023-11-12, 2024-05-10).
	long := google()
	long.WindowDays = 180
	a1 := time.Date(2023, time.November, 12, 9, 0, 0, 0, time.UTC)
	a2 := a1.Add(daysOf(14))
	a3 := a2.Add(daysOf(60))
	history := []assessment.Attempt{failed(a1), failed(a2)}

	// Microsoft today's renewal assessment with a cap of three attempts in
	// any seven days.
	capped := msToday()
	capped.RetakesCap, capped.RetakesSpan = 3, daysOf(7)
	admin := title("azure-administrator")
	m1 := time.Date(2025, time.April, 1, 9, 0, 0, 0, time.UTC)
	mHistory := []assessment.Attempt{failed(m1), failed(m1.Add(time.Hour)), failed(m1.Add(25 * time.Hour))}

	// The same ladder in Google's own window, [2024-03-11, 2024-05-10):
	// the third attempt's wait outlasts the window.
	g1 := time.Date(2024, time.March, 11, 9, 0, 0, 0, time.UTC)
	gHistory := []assessment.Attempt{failed(g1), failed(g1.Add(daysOf(14)))}

	tests := []struct {
		name    string
		p       policy.Policy
		pr      cert.Profile
		c       cert.Certification
		history []assessment.Attempt
		a       assessment.Attempt
		want    []error   // the sentinels the refusal matches, none when allowed
		until   time.Time // the lockout's end, for ErrTooSoon
		cap     bool      // the refusal is a *assessment.CapError
	}{
		{"G5 the second attempt 14 days after the first", long, gcpHolder, gcpPlain, history[:1], failed(a2), nil, time.Time{}, false},
		{"G5 the second attempt 1 ns earlier", long, gcpHolder, gcpPlain, history[:1], failed(a2.Add(-1)), []error{assessment.ErrTooSoon}, a2, false},
		{"G5 the third attempt 60 days after the second", long, gcpHolder, gcpPlain, history, failed(a3), nil, time.Time{}, false},
		{"G5 the third attempt 1 ns earlier", long, gcpHolder, gcpPlain, history, failed(a3.Add(-1)), []error{assessment.ErrTooSoon}, a3, false},
		{"G5 the third attempt 14 days after the second, as the first wait", long, gcpHolder, gcpPlain, history, failed(a2.Add(daysOf(14))), []error{assessment.ErrTooSoon}, a3, false},
		{"G5 google's window: the third attempt's wait outlasts the window", google(), gcpHolder, gcpPlain, gHistory, failed(g1.Add(daysOf(74))), []error{policy.ErrNotEligible, policy.ErrExpired}, time.Time{}, false},
		{"G5 google's window: the third attempt before its wait, on the window's last day", google(), gcpHolder, gcpPlain, gHistory, failed(time.Date(2024, time.May, 9, 23, 0, 0, 0, time.UTC)), []error{assessment.ErrTooSoon}, g1.Add(daysOf(74)), false},
		{"G6 the fourth attempt in seven days is capped", capped, msHolder, admin, mHistory, failed(m1.Add(49 * time.Hour)), []error{assessment.ErrTooSoon, assessment.ErrCapReached}, m1.Add(daysOf(7)), true},
		{"G6 the fourth attempt 1 ns before the span ends", capped, msHolder, admin, mHistory, failed(m1.Add(daysOf(7) - 1)), []error{assessment.ErrTooSoon, assessment.ErrCapReached}, m1.Add(daysOf(7)), true},
		{"G6 the fourth attempt when the span has passed", capped, msHolder, admin, mHistory, failed(m1.Add(daysOf(7))), nil, time.Time{}, false},
		{"G6 without the cap, the fourth attempt a day later", msToday(), msHolder, admin, mHistory, failed(m1.Add(49 * time.Hour)), nil, time.Time{}, false},
	}
	all := []error{assessment.ErrTooSoon, assessment.ErrCapReached, assessment.ErrPassed, assessment.ErrStaleCycle, policy.ErrNotEligible, policy.ErrExpired, policy.ErrOutsideWindow}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.p.Validate(); err != nil {
				t.Fatalf("the policy is invalid: %v", err)
			}
			crOf, _ := tt.pr.Credential(tt.c.ID)
			cycle := cycleOf(crOf, tt.history)
			_, next, recErr := tt.p.RecordAttempt(tt.pr, tt.c, cycle, tt.a)
			chkErr := tt.p.CheckAttempt(tt.pr, tt.c, tt.history, tt.a)
			for name, err := range map[string]error{"RecordAttempt": recErr, "CheckAttempt": chkErr} {
				for _, s := range all {
					want := false
					for _, w := range tt.want {
						want = want || w == s
					}
					if errors.Is(err, s) != want {
						t.Errorf("%s: error %v: errors.Is(%v) = %v, want %v", name, err, s, !want, want)
					}
				}
				if len(tt.want) == 0 {
					continue
				}
				var le *assessment.LockoutError
				if !tt.until.IsZero() {
					if !errors.As(err, &le) {
						t.Errorf("%s: error %v: no *assessment.LockoutError", name, err)
					} else if !le.Until.Equal(tt.until) {
						t.Errorf("%s: Until = %v, want %v", name, le.Until, tt.until)
					}
				}
				var ce *assessment.CapError
				if errors.As(err, &ce) != tt.cap {
					t.Errorf("%s: error %v: errors.As *assessment.CapError = %v, want %v", name, err, !tt.cap, tt.cap)
				}
			}
			if recErr == nil && next.Len() != len(tt.history)+1 {
				t.Errorf("RecordAttempt: the next cycle has %d attempts, want %d", next.Len(), len(tt.history)+1)
			}
		})
	}
}

// TestG5G6_ExamRetakes checks Microsoft today's exam ladder (RULES G5, G6):
// 24 hours after the first failure, 14 days before each later attempt, and
// a sixth attempt in 365 days refused by the cap.
func TestG5G6_ExamRetakes(t *testing.T) {
	l := msToday().ExamRetakes
	t0 := time.Date(2025, time.January, 6, 9, 0, 0, 0, time.UTC)
	five := []assessment.Attempt{
		failed(t0),
		failed(t0.Add(24 * time.Hour)),
		failed(t0.Add(24*time.Hour + daysOf(14))),
		failed(t0.Add(24*time.Hour + daysOf(28))),
		failed(t0.Add(24*time.Hour + daysOf(42))),
	}
	tests := []struct {
		name    string
		history []assessment.Attempt
		at      time.Time
		want    error // nil, ErrTooSoon or ErrCapReached
		until   time.Time
	}{
		{"G5 the second attempt 24 hours after the first", five[:1], t0.Add(24 * time.Hour), nil, time.Time{}},
		{"G5 the second attempt 1 ns earlier", five[:1], t0.Add(24*time.Hour - 1), assessment.ErrTooSoon, t0.Add(24 * time.Hour)},
		{"G5 the third attempt 14 days after the second", five[:2], five[2].At, nil, time.Time{}},
		{"G5 the third attempt 1 ns earlier", five[:2], five[2].At.Add(-1), assessment.ErrTooSoon, five[2].At},
		{"G6 the sixth attempt 14 days after the fifth is capped", five, five[4].At.Add(daysOf(14)), assessment.ErrCapReached, t0.Add(daysOf(365))},
		{"G6 the sixth attempt 1 ns before 365 days", five, t0.Add(daysOf(365) - 1), assessment.ErrCapReached, t0.Add(daysOf(365))},
		{"G6 the sixth attempt 365 days after the first", five, t0.Add(daysOf(365)), nil, time.Time{}},
	}
	if err := msToday().Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := l.Check(tt.history, tt.at)
			if tt.want == nil {
				if err != nil {
					t.Errorf("Check = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !errors.Is(err, assessment.ErrTooSoon) {
				t.Errorf("Check = %v, want one matching %v and ErrTooSoon", err, tt.want)
			}
			var le *assessment.LockoutError
			if !errors.As(err, &le) || !le.Until.Equal(tt.until) {
				t.Errorf("Check = %v, want a *LockoutError until %v", err, tt.until)
			}
		})
	}
}

// versioned returns Microsoft's policy of 2020 with a version v in force
// from 2024-01-01 (RULES G7).
func versioned(v policy.Policy) policy.Policy {
	p := policy.Microsoft()
	p.Versions = []policy.Version{{From: day("2024-01-01"), Policy: v}}
	return p
}

// TestG7_Versions checks RULES G7: validity goes by the earn day,
// eligibility by the day asked, a renewal by its day and a reminder by the
// day it falls on, with a version from 2024-01-01.
func TestG7_Versions(t *testing.T) {
	admin := title("azure-administrator")
	today, isc := versioned(msToday()), versioned(isc2())
	for _, p := range []policy.Policy{today, isc} {
		if err := p.Validate(); err != nil {
			t.Fatalf("the policy is invalid: %v", err)
		}
	}

	t.Run("G7 expiry by the earn day", func(t *testing.T) {
		for _, tt := range []struct{ earned, want string }{
			{"2021-05-31", "2023-05-31"}, // the 2020 policy's first term
			{"2023-12-31", "2024-12-31"}, // its second term
			{"2024-01-01", "2027-01-01"}, // the version's 36 months
		} {
			if diff := cmp.Diff(day(tt.want), isc.Expiry(admin, day(tt.earned))); diff != "" {
				t.Errorf("Expiry(%s) mismatch (-want +got):\n%s", tt.earned, diff)
			}
		}
		pr, err := isc.Earn(linked(), admin, day("2024-01-01"))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(linked(cred(admin.ID, "2024-01-01", "2027-01-01")), pr); diff != "" {
			t.Errorf("Earn mismatch (-want +got):\n%s", diff)
		}
	})

	// The credential expires 2024-06-30: six months before is 2023-12-30,
	// 180 days before is 2024-01-02.
	june := linked(cred(admin.ID, "2023-06-30", "2024-06-30"))
	runGeneral(t, []generalCase{
		{"G7 eligibility on 2023-12-31: the old window of six months", today, june, admin, "2023-12-31", decision(policy.Eligible, "2023-12-30", "2024-06-30", "2023-12-30", "", false)},
		{"G7 eligibility on 2024-01-01: the new window of 180 days", today, june, admin, "2024-01-01", decision(policy.NotYetOpen, "2024-01-02", "2024-06-30", "2024-01-02", "", false)},
		{"G7 eligibility on 2024-01-02: the new window opens", today, june, admin, "2024-01-02", decision(policy.Eligible, "2024-01-02", "2024-06-30", "2024-01-02", "", false)},
		{"G7 eligibility on 2024-06-30: the new version's grace period", isc, june, admin, "2024-06-30", decision(policy.Eligible, "2024-04-01", "2024-06-30", "2024-04-01", "2024-09-28", true)},
	})

	// The credential expires 2024-03-01: the 2020 policy's window opens
	// 2023-09-01, the ISC2 version's 2023-12-02.
	march := linked(cred(admin.ID, "2023-03-01", "2024-03-01"))
	renewals := []struct {
		name    string
		p       policy.Policy
		pr      cert.Profile
		passed  string
		expires string
		reason  policy.Reason
	}{
		{"G7 renewal on 2023-12-31: the old extension from the expiry", isc, march, "2023-12-31", "2025-03-01", 0},
		{"G7 renewal on 2024-01-01: the new extension from the pass", isc, march, "2024-01-01", "2027-01-01", 0},
		{"G7 renewal on 2023-12-31 in the old window", today, june, "2023-12-31", "2025-06-30", 0},
		{"G7 renewal on 2024-01-01, before the new window", today, june, "2024-01-01", "", policy.NotYetOpen},
	}
	for _, tt := range renewals {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.p.RenewCredential(tt.pr, admin, day(tt.passed))
			if tt.expires == "" {
				if msg := refusal(err, tt.reason); msg != "" {
					t.Error(msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(day(tt.expires), got.Expires); diff != "" {
				t.Errorf("RenewCredential(%s) expiry mismatch (-want +got):\n%s", tt.passed, diff)
			}
		})
	}

	// Reminders split at the version's From: the 2020 policy's before it,
	// the version's from it on.
	atOpening := policy.Microsoft()
	atOpening.Versions = []policy.Version{{From: day("2023-12-02"), Policy: isc2()}}
	reminders := []struct {
		name string
		p    policy.Policy
		want []cert.Date
	}{
		{"G7 reminders of the old policy before 2024-01-01, the new one's after", isc,
			[]cert.Date{day("2023-09-01"), day("2023-12-02"), day("2024-01-31")}},
		{"G7 a reminder on the version's From is the version's", atOpening,
			[]cert.Date{day("2023-09-01"), day("2023-12-02"), day("2024-01-31")}},
		{"G7 the old policy alone", policy.Microsoft(),
			[]cert.Date{day("2023-09-01"), day("2023-12-02"), day("2024-01-31"), day("2024-02-23")}},
		{"G7 the new policy alone", isc2(),
			[]cert.Date{day("2023-12-02"), day("2024-01-31")}},
	}
	for _, tt := range reminders {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.p.Reminders(admin, march.Credentials[0])); diff != "" {
				t.Errorf("Reminders mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestG7M1_RemindersOfTwoVersions checks RULES M1 across a version's From:
// the old policy's two reminders before it and the new one's three after it
// are five days, of which the first four are sent, and a buffer with room
// for MaxReminders days does not grow.
func TestG7M1_RemindersOfTwoVersions(t *testing.T) {
	admin := title("azure-administrator")
	v := policy.Microsoft()
	v.Schedule = policy.Schedule{DaysBefore: []int{60, 20, 10, 5}}
	p := policy.Microsoft()
	p.Versions = []policy.Version{{From: day("2024-01-16"), Policy: v}} // 45 days before 2024-03-01
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	cr := cred(admin.ID, "2023-03-01", "2024-03-01")
	want := []cert.Date{day("2023-09-01"), day("2023-12-02"), day("2024-02-10"), day("2024-02-20")}
	if diff := cmp.Diff(want, p.Reminders(admin, cr)); diff != "" {
		t.Errorf("M1 Reminders mismatch (-want +got):\n%s", diff)
	}
	buf := make([]cert.Date, 1, 1+policy.MaxReminders)
	buf[0] = day("2000-01-01")
	got := p.AppendReminders(buf, admin, cr)
	if diff := cmp.Diff(append([]cert.Date{day("2000-01-01")}, want...), got); diff != "" {
		t.Errorf("M1 AppendReminders mismatch (-want +got):\n%s", diff)
	}
	if &got[0] != &buf[0] {
		t.Errorf("M1 AppendReminders grew a buffer with room for %d days", policy.MaxReminders)
	}
}

// TestG8_Programs checks RULES G8: one policy answers a Microsoft title
// under its own rules and a Google Cloud title under its program's, and a
// title of a program it does not list under its own.
func TestG8_Programs(t *testing.T) {
	admin := title("azure-administrator")
	aws := cert.Certification{ID: "aws-solutions-architect", Name: "AWS Certified Solutions Architect", Level: cert.Associate, Program: "aws"}
	catalog, err := cert.NewCatalog(admin, gcpArchitect, aws)
	if err != nil {
		t.Fatal(err)
	}
	p := msToday()
	p.Programs = []policy.Program{{Name: "google-cloud", Policy: google()}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	lookup := func(id cert.ID) cert.Certification {
		c, ok := catalog.Lookup(id)
		if !ok {
			t.Fatalf("no %s in the catalog", id)
		}
		return c
	}
	ms, gcp, other := lookup(admin.ID), lookup(gcpArchitect.ID), lookup(aws.ID)
	pr := linked(msHolder.Credentials[0], gcpHolder.Credentials[0], cred(aws.ID, "2024-09-20", "2025-09-20"))

	t.Run("G8 For", func(t *testing.T) {
		for _, tt := range []struct {
			c    cert.Certification
			want policy.Policy
		}{{ms, msToday()}, {gcp, google()}, {other, msToday()}} {
			if diff := cmp.Diff(tt.want, p.For(tt.c)); diff != "" {
				t.Errorf("For(%s) mismatch (-want +got):\n%s", tt.c.ID, diff)
			}
		}
	})
	runGeneral(t, []generalCase{
		{"G8 the Google title the day before its 60-day window", p, pr, gcp, "2024-03-10", decision(policy.NotYetOpen, "2024-03-11", "2024-05-10", "2024-03-11", "", false)},
		{"G8 the Google title on its window's first day", p, pr, gcp, "2024-03-11", decision(policy.Eligible, "2024-03-11", "2024-05-10", "2024-03-11", "", false)},
		{"G8 the Microsoft title on its 180-day window's first day", p, pr, ms, "2025-03-24", decision(policy.Eligible, "2025-03-24", "2025-09-20", "2025-03-24", "", false)},
		{"G8 an unknown program's title under the policy itself", p, pr, other, "2025-03-24", decision(policy.Eligible, "2025-03-24", "2025-09-20", "2025-03-24", "", false)},
	})
	t.Run("G8 expiry, renewal and reminders by program", func(t *testing.T) {
		if diff := cmp.Diff(day("2024-05-10"), p.Expiry(gcp, day("2022-05-10"))); diff != "" {
			t.Errorf("Expiry of the Google title mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(day("2023-05-10"), p.Expiry(ms, day("2022-05-10"))); diff != "" {
			t.Errorf("Expiry of the Microsoft title mismatch (-want +got):\n%s", diff)
		}
		got, err := p.RenewCredential(pr, gcp, day("2024-04-10"))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(cred(gcp.ID, "2022-05-10", "2026-04-10"), got); diff != "" {
			t.Errorf("RenewCredential of the Google title mismatch (-want +got):\n%s", diff)
		}
		got, err = p.RenewCredential(pr, ms, day("2025-04-10"))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(cred(ms.ID, "2024-09-20", "2026-09-20"), got); diff != "" {
			t.Errorf("RenewCredential of the Microsoft title mismatch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]cert.Date{day("2024-03-11"), day("2024-04-10")}, p.Reminders(gcp, gcpHolder.Credentials[0])); diff != "" {
			t.Errorf("Reminders of the Google title mismatch (-want +got):\n%s", diff)
		}
		// The Google ladder governs the Google title's attempts: 14 days
		// before the second.
		g1 := time.Date(2024, time.March, 11, 9, 0, 0, 0, time.UTC)
		err = p.CheckAttempt(pr, gcp, []assessment.Attempt{failed(g1)}, failed(g1.Add(time.Hour)))
		if !errors.Is(err, assessment.ErrTooSoon) {
			t.Errorf("CheckAttempt of the Google title an hour later = %v, want ErrTooSoon", err)
		}
		m1 := time.Date(2025, time.April, 1, 9, 0, 0, 0, time.UTC)
		if err := p.CheckAttempt(pr, ms, []assessment.Attempt{failed(m1)}, failed(m1.Add(time.Hour))); err != nil {
			t.Errorf("CheckAttempt of the Microsoft title an hour later = %v, want nil", err)
		}
	})
}

// TestG1G2G4G7G8_Validate checks that Validate refuses each new field that
// makes no sense, with its path, and accepts the tables' policies.
func TestG1G2G4G7G8_Validate(t *testing.T) {
	with := func(f func(p *policy.Policy)) policy.Policy {
		p := msToday()
		f(&p)
		return p
	}
	noWindow := isc2()
	noWindow.WindowDays = 0
	nested := isc2()
	nested.Versions = []policy.Version{{From: day("2030-01-01"), Policy: isc2()}}
	withPrograms := isc2()
	withPrograms.Programs = []policy.Program{{Name: "google-cloud", Policy: google()}}
	tests := []struct {
		name string
		p    policy.Policy
		path string // "" for valid
	}{
		{"G1 isc2 is valid", isc2(), ""},
		{"G2 google is valid", google(), ""},
		{"G2 microsoft today is valid", msToday(), ""},
		{"G7 a versioned policy is valid", versioned(isc2()), ""},
		{"G8 a policy with programs is valid", with(func(p *policy.Policy) {
			p.Programs = []policy.Program{{Name: "google-cloud", Policy: versioned(google())}, {Name: "isc2", Policy: isc2()}}
		}), ""},
		{"G2 a window in months and in days", with(func(p *policy.Policy) { p.WindowMonths = 6 }), "windowDays"},
		{"G2 a window of no days", with(func(p *policy.Policy) { p.WindowDays = -1 }), "windowDays"},
		{"G2 a window of more than 36525 days", with(func(p *policy.Policy) { p.WindowDays = 36526 }), "windowDays"},
		{"G2 a window of days not shorter than the term", with(func(p *policy.Policy) { p.WindowDays = 336 }), "windowDays"},
		{"G2 a window of days just shorter than the term", with(func(p *policy.Policy) { p.WindowDays = 335; p.ExtensionMonths = 13 }), ""},
		{"G1 a negative grace period", with(func(p *policy.Policy) { p.GraceDays = -1 }), "graceDays"},
		{"G1 a grace period of more than 36525 days", with(func(p *policy.Policy) { p.GraceDays = 36526 }), "graceDays"},
		{"G1 a window and grace period not shorter than the extension", with(func(p *policy.Policy) { p.GraceDays = 156 }), "extensionMonths"},
		{"G1 a window and grace period just shorter than the extension", with(func(p *policy.Policy) { p.GraceDays = 155 }), ""},
		{"G4 a base that is no base", with(func(p *policy.Policy) { p.ExtendFrom = 2 }), "extendFrom"},
		{"G3 five reminders with the window's opening", with(func(p *policy.Policy) { p.Schedule.AtFirstEligibleDay = true }), "reminders"},
		{"G5 a renewal ladder that does not climb", with(func(p *policy.Policy) { p.RetakesThen = []time.Duration{time.Hour} }), "retakes.then[0]"},
		{"G6 a renewal cap without a span", with(func(p *policy.Policy) { p.RetakesCap = 3 }), "retakes.span"},
		{"G6 a renewal span without a cap", with(func(p *policy.Policy) { p.RetakesSpan = time.Hour }), "retakes.cap"},
		{"G5 an exam ladder that does not climb", with(func(p *policy.Policy) { p.ExamRetakes.Then = []time.Duration{time.Hour} }), "examRetakes.then[0]"},
		{"G6 an exam cap without a span", with(func(p *policy.Policy) { p.ExamRetakes.Span = 0 }), "examRetakes.span"},
		{"G7 a version without a From", with(func(p *policy.Policy) { p.Versions = []policy.Version{{Policy: isc2()}} }), "versions[0].from"},
		{"G7 versions on the same day", with(func(p *policy.Policy) {
			p.Versions = []policy.Version{{From: day("2024-01-01"), Policy: isc2()}, {From: day("2024-01-01"), Policy: google()}}
		}), "versions[1].from"},
		{"G7 versions out of order", with(func(p *policy.Policy) {
			p.Versions = []policy.Version{{From: day("2024-01-02"), Policy: isc2()}, {From: day("2024-01-01"), Policy: google()}}
		}), "versions[1].from"},
		{"G7 a version with no window", with(func(p *policy.Policy) {
			p.Versions = []policy.Version{{From: day("2024-01-01"), Policy: noWindow}}
		}), "versions[0].policy.windowMonths"},
		{"G7 a version with versions", with(func(p *policy.Policy) {
			p.Versions = []policy.Version{{From: day("2024-01-01"), Policy: nested}}
		}), "versions[0].policy.versions"},
		{"G7 a version with programs", with(func(p *policy.Policy) {
			p.Versions = []policy.Version{{From: day("2024-01-01"), Policy: withPrograms}}
		}), "versions[0].policy.programs"},
		{"G8 a program named with capitals", with(func(p *policy.Policy) {
			p.Programs = []policy.Program{{Name: "Google-Cloud", Policy: google()}}
		}), "programs[0].name"},
		{"G8 a program with no name", with(func(p *policy.Policy) { p.Programs = []policy.Program{{Policy: google()}} }), "programs[0].name"},
		{"G8 a program name starting with a digit", with(func(p *policy.Policy) {
			p.Programs = []policy.Program{{Name: "1cloud", Policy: google()}}
		}), "programs[0].name"},
		{"G8 a program name of 65 letters", with(func(p *policy.Policy) {
			p.Programs = []policy.Program{{Name: strings.Repeat("a", 65), Policy: google()}}
		}), "programs[0].name"},
		{"G8 a program given twice", with(func(p *policy.Policy) {
			p.Programs = []policy.Program{{Name: "google-cloud", Policy: google()}, {Name: "google-cloud", Policy: isc2()}}
		}), "programs[1].name"},
		{"G8 a program given twice, apart", with(func(p *policy.Policy) {
			p.Programs = []policy.Program{{Name: "google-cloud", Policy: google()}, {Name: "isc2", Policy: isc2()}, {Name: "google-cloud", Policy: isc2()}}
		}), "programs[2].name"},
		{"G8 a program with programs", with(func(p *policy.Policy) {
			p.Programs = []policy.Program{{Name: "isc2", Policy: withPrograms}}
		}), "programs[0].policy.programs"},
		{"G8 a program's invalid version", with(func(p *policy.Policy) {
			p.Programs = []policy.Program{{Name: "isc2", Policy: func() policy.Policy {
				q := isc2()
				q.Versions = []policy.Version{{From: day("2024-01-01"), Policy: noWindow}}
				return q
			}()}}
		}), "programs[0].policy.versions[0].policy.windowMonths"},
		{"G8 a program's invalid field", with(func(p *policy.Policy) {
			q := isc2()
			q.GraceDays = -5
			p.Programs = []policy.Program{{Name: "isc2", Policy: q}}
		}), "programs[0].policy.graceDays"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if tt.path == "" {
				if err != nil {
					t.Errorf("Validate = %v, want nil", err)
				}
				return
			}
			checkFieldError(t, err, tt.path)
			if !errors.Is(err, policy.ErrInvalidPolicy) {
				t.Errorf("error %v does not match ErrInvalidPolicy", err)
			}
		})
	}
}

// TestG1_GraceAtTheEndOfTime checks RULES G1 and D5 where the grace period
// would reach past 9999-12-31: it ends on that day, and every Decision that
// Eligibility gives reads back from its JSON form unchanged.
func TestG1_GraceAtTheEndOfTime(t *testing.T) {
	tests := []struct {
		name, expires, on string
		want              policy.Decision
	}{
		{"G1 expiring a week before the end: grace until 9999-12-31", "9999-12-24", "9999-12-24",
			decision(policy.Eligible, "9999-09-25", "9999-12-24", "9999-09-25", "9999-12-31", true)},
		{"G1 expiring a week before the end: 9999-12-31 is expired", "9999-12-24", "9999-12-31",
			decision(policy.Expired, "", "", "", "", false)},
		// The grace period is cut at 9999-12-31, the last day a Date
		// holds: an expiry on that day leaves no day of grace, and so
		// no GraceEnds.
		{"G1 expiring on 9999-12-31: the window's last day, no grace left", "9999-12-31", "9999-12-30",
			decision(policy.Eligible, "9999-10-02", "9999-12-31", "9999-10-02", "", false)},
	}
	p := isc2()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := linked(cred(cissp.ID, "9990-01-01", tt.expires))
			got := p.Eligibility(pr, cissp, day(tt.on))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Eligibility(%s) mismatch (-want +got):\n%s", tt.on, diff)
			}
			data, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			var back policy.Decision
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatalf("json.Unmarshal(%s): %v", data, err)
			}
			if diff := cmp.Diff(got, back); diff != "" {
				t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestG7A4_CycleAcrossVersions checks RULES G7 with A4: a cycle whose first
// attempt lies in the window of the version in force on its day stays this
// cycle's history after a later version, with a shorter window, comes into
// force. Microsoft's window of six months opens on 2023-12-30 for an expiry
// on 2024-06-30; the version from 2024-01-01 has a window of 180 days, which
// opens on 2024-01-02.
func TestG7A4_CycleAcrossVersions(t *testing.T) {
	admin := title("azure-administrator")
	p := versioned(msToday())
	pr := linked(cred(admin.ID, "2022-06-30", "2024-06-30"))
	first := assessment.Attempt{At: time.Date(2023, time.December, 31, 9, 0, 0, 0, time.UTC)}
	second := assessment.Attempt{At: time.Date(2024, time.January, 2, 9, 0, 0, 0, time.UTC)}
	if err := p.CheckAttempt(pr, admin, nil, first); err != nil {
		t.Fatalf("A5/G7 the first attempt, in the window of its day's version: %v", err)
	}
	if err := p.CheckAttempt(pr, admin, []assessment.Attempt{first}, second); err != nil {
		t.Errorf("A4/G7 CheckAttempt of the second attempt, after the version: %v, want nil", err)
	}
	cy, err := assessment.NewCycle(pr.Credentials[0], []assessment.Attempt{first})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := p.RecordAttempt(pr, admin, cy, second); err != nil {
		t.Errorf("A4/G7 RecordAttempt of the second attempt, after the version: %v, want nil", err)
	}
	// A history that starts before the window of its own day's version
	// is still another cycle's.
	early := assessment.Attempt{At: time.Date(2023, time.December, 29, 9, 0, 0, 0, time.UTC)}
	if err := p.CheckAttempt(pr, admin, []assessment.Attempt{early}, second); !errors.Is(err, assessment.ErrStaleCycle) {
		t.Errorf("A4/G7 a history from before the window: %v, want ErrStaleCycle", err)
	}
}

// TestG7M2_FirstEligibleDayOfALaterVersion checks RULES G7 with M2: the
// first day the holder can renew may be the first day of a version under
// which the window is already open; its reminder goes out that day. The
// policy's own window of 3 months opens on 2022-10-01 for an expiry on
// 2023-01-01; the version from 2022-08-01, with 6 months, finds it open.
func TestG7M2_FirstEligibleDayOfALaterVersion(t *testing.T) {
	admin := title("azure-administrator")
	p := policy.Microsoft()
	p.WindowMonths = 3
	p.Versions = []policy.Version{{From: day("2022-08-01"), Policy: policy.Microsoft()}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	pr := linked(cred(admin.ID, "2022-01-01", "2023-01-01"))
	cr := pr.Credentials[0]
	for _, tt := range []struct {
		on   string
		want policy.Reason
	}{{"2022-07-31", policy.NotYetOpen}, {"2022-08-01", policy.Eligible}} {
		if got := p.Eligibility(pr, admin, day(tt.on)).Reason; got != tt.want {
			t.Errorf("G7 Eligibility(%s) = %v, want %v", tt.on, got, tt.want)
		}
	}
	want := []cert.Date{day("2022-08-01"), day("2022-10-03"), day("2022-12-02"), day("2022-12-25")}
	if diff := cmp.Diff(want, p.Reminders(admin, cr)); diff != "" {
		t.Errorf("M2/G7 Reminders (-want +got):\n%s", diff)
	}
	// Eligible already under the policy's own window, the holder gets no
	// second first-day reminder when a version with another window begins.
	q := policy.Microsoft()
	q.Versions = []policy.Version{{From: day("2022-08-01"), Policy: p.Versions[0].Policy}}
	q.Versions[0].Policy.WindowMonths = 5
	want = []cert.Date{day("2022-07-01"), day("2022-10-03"), day("2022-12-02"), day("2022-12-25")}
	if diff := cmp.Diff(want, q.Reminders(admin, cr)); diff != "" {
		t.Errorf("M2/G7 Reminders with a shorter later window (-want +got):\n%s", diff)
	}
}

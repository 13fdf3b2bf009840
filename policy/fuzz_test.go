package policy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// FuzzPolicyUnmarshalJSON checks that policy JSON never panics, that every
// refusal matches ErrInvalidPolicy and leaves the receiver unchanged, and
// that an accepted policy is valid and round-trips.
func FuzzPolicyUnmarshalJSON(f *testing.F) {
	f.Add([]byte(microsoftJSON))                                                                                                                // Microsoft's policy, as MarshalJSON writes it
	f.Add([]byte(`null`))                                                                                                                       // null: no error, no change
	f.Add([]byte(` null x`))                                                                                                                    // null, then data
	f.Add([]byte(`{}`))                                                                                                                         // every member missing
	f.Add([]byte(``))                                                                                                                           // nothing
	f.Add([]byte(microsoftJSON + `{}`))                                                                                                         // trailing data
	f.Add([]byte(replace(microsoftJSON, `"24h0m0s"`, `"24 hours"`)))                                                                            // a wait that is no duration
	f.Add([]byte(replace(microsoftJSON, `"windowMonths"`, `"window"`)))                                                                         // an unknown member
	f.Add([]byte(replace(microsoftJSON, `2021-06-01`, `2021-02-30`)))                                                                           // a day that does not exist
	f.Add([]byte(replace(microsoftJSON, `[90,30,7]`, `[7,30,90]`)))                                                                             // reminders out of order
	f.Add([]byte(replace(microsoftJSON, `[90,30,7]`, `[]`)))                                                                                    // an empty list of reminders
	f.Add([]byte(replace(microsoftJSON, `{"months":24},`, `{"from":"","months":24},`)))                                                         // the first term's empty From
	f.Add([]byte(`{"TERMS":[{"MONTHS":24}],"WindowMonths":6,"extensionmonths":12,"marketAgeMonths":0,"reminders":{},"retakes":{"wait":"1h"}}`)) // members in another case
	f.Add([]byte(generalJSON))                                                                                                                  // every member of the general policy (RULES G1-G8)
	f.Add([]byte(replace(generalJSON, `"from":"2024-01-01"`, `"from":"2021-05-31"`)))                                                           // a version before a term's day
	f.Add([]byte(replace(generalJSON, `"google-cloud"`, `"isc2"`)))                                                                             // another program
	f.Fuzz(func(t *testing.T, data []byte) {
		p := threeTerms()
		err := p.UnmarshalJSON(data)
		if err != nil {
			if !isOnly(err, policy.ErrInvalidPolicy) {
				t.Fatalf("UnmarshalJSON(%q): %v, want ErrInvalidPolicy alone", data, err)
			}
			var pe *policy.FieldError
			if !errors.As(err, &pe) {
				t.Fatalf("UnmarshalJSON(%q): %v is no *FieldError", data, err)
			}
			if diff := cmp.Diff(threeTerms(), p); diff != "" {
				t.Fatalf("UnmarshalJSON(%q) changed the receiver on error (-want +got):\n%s", data, diff)
			}
			return
		}
		if string(bytes.Trim(data, " \t\r\n")) == "null" {
			if diff := cmp.Diff(threeTerms(), p); diff != "" {
				t.Fatalf("UnmarshalJSON(null) changed the policy (-want +got):\n%s", diff)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("UnmarshalJSON(%q) accepted an invalid policy: %v", data, err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", p, err)
		}
		var q policy.Policy
		if err := json.Unmarshal(b, &q); err != nil {
			t.Fatalf("Unmarshal(%s), from %q: %v", b, data, err)
		}
		if diff := cmp.Diff(p, q, cmpEmpty); diff != "" {
			t.Fatalf("round trip of %q mismatch (-want +got):\n%s", data, diff)
		}
		if b2, _ := json.Marshal(q); !bytes.Equal(b, b2) {
			t.Fatalf("Marshal is not stable: %s, then %s", b, b2)
		}
	})
}

// fuzzDay returns the day n days after 2021-06-01, the cut-over of RULES V2;
// math.MinInt32 gives the zero Date, and so does a day outside
// 0001-01-01..9999-12-31.
func fuzzDay(n int32) cert.Date {
	if n == math.MinInt32 {
		return cert.Date{}
	}
	return day("2021-06-01").AddDays(int(n))
}

// fuzzFlags are the bits of the flags argument of the fuzz targets.
const (
	flagLinked     = 1 << iota // the profile is linked
	flagHeld                   // the profile holds a credential for the title
	flagExpert                 // the title has prerequisites
	flagPrereqHeld             // the profile holds the first prerequisite
	flagLaunched               // the title gives its launch day, not its first renewal day
	flagCustom                 // a policy with a window and market age from the inputs
)

// fuzzInput builds a policy, a profile with spare capacity, a title and a
// day from raw values.
func fuzzInput(earned, expires, on, other int32, level, flags, window uint8) (policy.Policy, cert.Profile, cert.Certification, cert.Date) {
	p := policy.Microsoft()
	if flags&flagCustom != 0 {
		p.WindowMonths = int(window % 16)
		p.MarketAgeMonths = int(window / 16)
	}
	c := cert.Certification{ID: "contoso-fuzz", Level: cert.Level(level), RenewalFrom: fuzzDay(other)}
	if flags&flagLaunched != 0 {
		c.Launched, c.RenewalFrom = c.RenewalFrom, cert.Date{}
	}
	pre := cert.Credential{Cert: "contoso-associate", Earned: fuzzDay(other), Expires: fuzzDay(other).AddMonths(12)}
	if flags&flagExpert != 0 {
		c.Prerequisites = []cert.ID{pre.Cert, "contoso-other"}
	}
	pr := cert.Profile{MCID: "990012345"}
	if flags&flagLinked != 0 {
		pr.Learn = "learn-holder"
	}
	pr.Credentials = append(pr.Credentials, cred("azure-developer", "2021-01-10", "2023-01-10"))
	if flags&flagHeld != 0 {
		pr.Credentials = append(pr.Credentials, cert.Credential{Cert: c.ID, Earned: fuzzDay(earned), Expires: fuzzDay(expires)})
	}
	if flags&flagPrereqHeld != 0 {
		pr.Credentials = append(pr.Credentials, pre)
	}
	return p, withSpare(pr), c, fuzzDay(on)
}

// FuzzEligibility feeds Eligibility and Reminders from raw values: days as
// counts from 2021-06-01, a level as a byte, and flags. It checks that they
// never panic, that the Decision is consistent and follows RULES E5 in
// order, that the reminders follow RULES M1-M2, and that the inputs are
// unchanged.
func FuzzEligibility(f *testing.F) {
	const zero int32 = math.MinInt32
	f.Add(int32(168), int32(533), int32(349), int32(-120), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))                // eligible: 2021-11-16..2022-11-16 on 2022-05-16
	f.Add(int32(168), int32(533), int32(348), int32(-120), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))                // the day before the window opens
	f.Add(int32(168), int32(533), int32(533), int32(-120), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))                // the expiry
	f.Add(int32(168), int32(533), int32(349), int32(-120), uint8(cert.Associate), uint8(flagHeld), uint8(0))                           // not linked
	f.Add(int32(-813), int32(-83), int32(-121), int32(-106), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))              // wave 2: the day before 2021-02-15
	f.Add(int32(-813), int32(-83), int32(-121), int32(-274), uint8(cert.Associate), uint8(flagLinked|flagHeld|flagLaunched), uint8(0)) // launched 2020-08-31
	f.Add(int32(168), zero, int32(349), int32(-120), uint8(cert.Fundamentals), uint8(flagLinked|flagHeld), uint8(0))                   // fundamentals, no expiry
	f.Add(zero, int32(533), int32(349), zero, uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))                             // no Earned day
	f.Add(int32(168), int32(533), zero, int32(-120), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))                      // the zero day
	f.Add(int32(533), int32(168), int32(533), int32(-120), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))                // expires before it was earned
	f.Add(int32(168), int32(533), int32(349), int32(-120), uint8(0), uint8(flagLinked|flagHeld), uint8(0))                             // no level
	f.Add(int32(168), int32(533), int32(349), int32(-120), uint8(9), uint8(flagLinked|flagHeld), uint8(0))                             // an unknown level
	f.Add(int32(3000000), int32(3000100), int32(3000050), int32(0), uint8(cert.Expert), uint8(0xff), uint8(0xff))                      // near 9999-12-31, a custom policy
	f.Add(int32(-738000), int32(-737000), int32(-737500), int32(-738000), uint8(cert.Specialty), uint8(0xff), uint8(0))                // near 0001-01-01
	f.Add(int32(168), int32(533), int32(349), int32(-120), uint8(cert.Associate), uint8(flagLinked|flagHeld|flagCustom), uint8(0))     // a window of no months
	f.Fuzz(func(t *testing.T, earned, expires, on, other int32, level, flags, window uint8) {
		p, pr, c, when := fuzzInput(earned, expires, on, other, level, flags, window)
		before, pol := snap(pr), clonePolicy(p)
		d := p.Eligibility(pr, c, when)
		if !d.Reason.IsValid() || d.Eligible != (d.Reason == policy.Eligible) {
			t.Fatalf("inconsistent Decision %+v", d)
		}
		if want := wantReason(p, pr, c, when); d.Reason != want {
			t.Fatalf("Reason = %v, want %v (%+v)", d.Reason, want, d)
		}
		if d.Eligible && (d.EligibleFrom.IsZero() || when.Before(d.EligibleFrom) || !d.Window.Contains(when)) {
			t.Fatalf("eligible outside its window: %+v", d)
		}
		if err := d.Reason.Err(); d.Eligible != (err == nil) {
			t.Fatalf("Reason.Err() = %v for %+v", err, d)
		}
		// Every Decision a valid policy gives survives its JSON form.
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("MarshalJSON(%v): %v", d, err)
		}
		var back policy.Decision
		if err := json.Unmarshal(data, &back); p.Validate() == nil && (err != nil || back != d) {
			t.Fatalf("JSON round trip of %v: %s gives %v, %v", d, data, back, err)
		}
		if d.String() == "" {
			t.Fatalf("empty String for %+v", d)
		}
		if cr, ok := pr.Credential(c.ID); ok {
			got := p.Reminders(c, cr)
			if diff := cmp.Diff(wantReminders(p, c, cr), got); diff != "" {
				t.Fatalf("Reminders(%+v) mismatch (-want +got):\n%s", cr, diff)
			}
		}
		if diff := before.diff(pr); diff != "" {
			t.Fatalf("the profile changed (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(pol, p); diff != "" {
			t.Fatalf("the policy changed (-want +got):\n%s", diff)
		}
	})
}

// FuzzEarnRenew feeds Earn and Renew from raw values, as FuzzEligibility
// does. It checks that they never panic, that a refusal matches the sentinel
// of the first check that fails (RULES N6a, E5) and returns the profile
// given, that a success changes that credential alone as RULES N1 and N6
// say, and that the inputs are unchanged.
func FuzzEarnRenew(f *testing.F) {
	const zero int32 = math.MinInt32
	f.Add(int32(168), int32(533), int32(349), int32(-120), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))          // renew on the opening day; earn refused as active
	f.Add(int32(0), int32(365), int32(365), int32(-120), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))            // earn again on the expiry
	f.Add(int32(0), int32(365), int32(-1), int32(-120), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0))             // backdated
	f.Add(int32(0), int32(365), int32(100), int32(0), uint8(cert.Expert), uint8(flagLinked|flagExpert|flagPrereqHeld), uint8(0)) // an expert with its prerequisite
	f.Add(int32(0), int32(365), int32(365), int32(0), uint8(cert.Expert), uint8(flagLinked|flagExpert|flagPrereqHeld), uint8(0)) // the prerequisite expired that day
	f.Add(int32(0), int32(365), int32(100), int32(0), uint8(cert.Expert), uint8(flagLinked|flagExpert), uint8(0))                // no prerequisite
	f.Add(int32(0), int32(365), zero, int32(0), uint8(cert.Associate), uint8(flagLinked), uint8(0))                              // the zero day
	f.Add(int32(0), int32(365), int32(100), int32(0), uint8(0), uint8(flagLinked), uint8(0))                                     // no level
	f.Add(int32(0), zero, int32(100), int32(0), uint8(cert.Fundamentals), uint8(flagLinked|flagHeld), uint8(0))                  // fundamentals held
	f.Add(int32(2920000), int32(2920300), int32(2920200), int32(0), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0)) // renewal past 9999-12-31
	f.Add(int32(2920000), int32(2920300), int32(2920300), int32(0), uint8(cert.Associate), uint8(flagLinked|flagHeld), uint8(0)) // earning past 9999-12-31
	f.Fuzz(func(t *testing.T, earned, expires, on, other int32, level, flags, window uint8) {
		p, pr, c, when := fuzzInput(earned, expires, on, other, level, flags, window)
		before, pol := snap(pr), clonePolicy(p)

		got, err := p.Earn(pr, c, when)
		if want := wantEarnErr(p, pr, c, when); want != nil {
			if !isOnly(err, want) {
				t.Fatalf("Earn: %v, want %v alone", err, want)
			}
			if diff := cmp.Diff(pr, got); diff != "" {
				t.Fatalf("refused Earn returned another profile (-want +got):\n%s", diff)
			}
		} else if err != nil {
			t.Fatalf("Earn: %v, want success", err)
		} else {
			checkOthers(t, pr, got, c.ID)
			cr, _ := got.Credential(c.ID)
			if want := (cert.Credential{Cert: c.ID, Earned: when, Expires: p.Expiry(c, when)}); cr != want {
				t.Fatalf("Earn gave %+v, want %+v", cr, want)
			}
		}

		d := p.Eligibility(pr, c, when)
		old, _ := pr.Credential(c.ID)
		got, err = p.Renew(pr, c, when)
		switch {
		case !c.Level.IsValid():
			if !isOnly(err, policy.ErrUnknownCertification) {
				t.Fatalf("Renew of a title with no level: %v", err)
			}
		case !d.Eligible:
			if msg := refusal(err, d.Reason); msg != "" {
				t.Fatalf("Renew: %s", msg)
			}
			if diff := cmp.Diff(pr, got); diff != "" {
				t.Fatalf("refused Renew returned another profile (-want +got):\n%s", diff)
			}
		case err != nil:
			if !isOnly(err, policy.ErrDateOutOfRange) || !old.Expires.AddMonths(p.ExtensionMonths).IsZero() {
				t.Fatalf("Renew on an eligible when: %v", err)
			}
		default:
			checkOthers(t, pr, got, c.ID)
			cr, _ := got.Credential(c.ID)
			want := old
			want.Expires = want.Expires.AddMonths(p.ExtensionMonths)
			if cr != want {
				t.Fatalf("Renew gave %+v, want %+v", cr, want)
			}
		}
		if diff := before.diff(pr); diff != "" {
			t.Fatalf("the profile changed (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(pol, p); diff != "" {
			t.Fatalf("the policy changed (-want +got):\n%s", diff)
		}
	})
}

// checkOthers fails t unless got holds every credential of pr other than
// id's, equal and in its place, and at most one more.
func checkOthers(t *testing.T, pr, got cert.Profile, id cert.ID) {
	t.Helper()
	n := len(pr.Credentials)
	if pr.Index(id) < 0 {
		n++
	}
	if len(got.Credentials) != n || got.MCID != pr.MCID || got.Learn != pr.Learn {
		t.Fatalf("got %+v from %+v", got, pr)
	}
	for i, cr := range pr.Credentials {
		if cr.Cert != id && got.Credentials[i] != cr {
			t.Fatalf("credential %d changed: %+v, want %+v", i, got.Credentials[i], cr)
		}
	}
}

// FuzzReasonUnmarshalText feeds Reason's text form outside data: no input
// panics, every refusal matches ErrUnknownReason and leaves the Reason as
// it was, and what is read marshals back to the same text.
func FuzzReasonUnmarshalText(f *testing.F) {
	f.Add([]byte("Eligible"))    // a name
	f.Add([]byte(""))            // the zero Reason
	f.Add([]byte("eligible"))    // another case
	f.Add([]byte("Reason(9)"))   // String of a value that is no reason
	f.Add([]byte("NotYetOpen ")) // trailing space
	f.Fuzz(func(t *testing.T, text []byte) {
		in := string(text)
		r := policy.NotYetOpen
		err := r.UnmarshalText(text)
		if string(text) != in {
			t.Fatal("UnmarshalText changed its input")
		}
		if err != nil {
			if !errors.Is(err, policy.ErrUnknownReason) || r != policy.NotYetOpen {
				t.Fatalf("UnmarshalText(%q) = %v, reason %v", in, err, r)
			}
			return
		}
		back, err := r.MarshalText()
		if err != nil || string(back) != in {
			t.Fatalf("UnmarshalText(%q) then MarshalText = %q, %v", in, back, err)
		}
	})
}

// FuzzRecordAttempt feeds RecordAttempt from raw numbers: the day the
// credential was earned, a history of attempts as offsets in nanoseconds
// (negative ones out of order), a pass among them, the attempt, the zone and
// whether the profile is linked. No input may panic, every refusal matches a
// sentinel, and nothing given is changed.
func FuzzRecordAttempt(f *testing.F) {
	// The associate's window of 2022: a fail, a retry, a lockout.
	f.Add(int32(738351), int64(int64(200*24*time.Hour)), []byte{1, 2, 3}, uint8(0), int64(int64(time.Hour)), int8(-5), true)
	// A pass in the history: the cycle is over.
	f.Add(int32(738351), int64(int64(200*24*time.Hour)), []byte{1, 200}, uint8(1), int64(int64(time.Hour)), int8(0), true)
	// Out of order, unlinked, far past the expiry.
	f.Add(int32(738351), int64(int64(9000*24*time.Hour)), []byte{255, 0, 128}, uint8(9), int64(-1), int8(14), false)
	// The zero day and the zero instant.
	f.Add(int32(0), int64(0), []byte{}, uint8(0), int64(0), int8(0), true)
	p := policy.Microsoft()
	admin := title("azure-administrator")
	f.Fuzz(func(t *testing.T, earnedDay int32, start int64, gaps []byte, passAt uint8, offset int64, zone int8, link bool) {
		earned := cert.MustParseDate("0001-01-01").AddDays(int(earnedDay) - 1)
		cr := cert.Credential{Cert: admin.ID, Earned: earned, Expires: p.Expiry(admin, earned)}
		pr := unlinked(cr)
		if link {
			pr = linked(cr)
		}
		pr = withSpare(pr)
		loc := time.FixedZone("fuzz", int(zone)*3600)
		tm := earned.In(time.UTC).Add(time.Duration(start)).In(loc)
		var history []assessment.Attempt
		for i, g := range gaps {
			if i > 16 {
				break
			}
			tm = tm.Add(time.Duration(int64(int8(g)) * int64(time.Hour)))
			history = append(history, assessment.Attempt{At: tm, Passed: i == int(passAt)})
		}
		a := assessment.Attempt{At: tm.Add(time.Duration(offset))}
		given := slices.Clone(history)
		before := snap(pr)
		cycle, cerr := assessment.NewCycle(cr, history)
		if cerr != nil {
			if !errors.Is(cerr, assessment.ErrPassed) && !errors.Is(cerr, assessment.ErrOutOfOrder) {
				t.Fatalf("NewCycle refused with %v", cerr)
			}
			return
		}
		got, next, err := p.RecordAttempt(pr, admin, cycle, a)
		if d := before.diff(pr); d != "" {
			t.Fatalf("the profile given changed (-want +got):\n%s", d)
		}
		if diff := cmp.Diff(given, history); diff != "" {
			t.Fatalf("the history given changed (-want +got):\n%s", diff)
		}
		if err == nil {
			if next.Len() == 0 && !a.Passed {
				t.Fatalf("a fail was not recorded")
			}
			return
		}
		known := []error{policy.ErrNotEligible, assessment.ErrTooSoon, assessment.ErrPassed, assessment.ErrOutOfOrder, assessment.ErrStaleCycle, policy.ErrDateOutOfRange}
		if !slices.ContainsFunc(known, func(s error) bool { return errors.Is(err, s) }) {
			t.Fatalf("error %v matches no sentinel", err)
		}
		if diff := cmp.Diff(before.pr, got); diff != "" {
			t.Fatalf("a refusal changed the profile (-want +got):\n%s", diff)
		}
	})
}

// FuzzValidate builds policies as callers do, from raw numbers, and checks
// what Validate promises: a policy it accepts gives, for every title and
// earn day, an expiry after the earn day (or none past 9999-12-31), a
// window that opens before it closes and after the earn day, and reminders
// inside it; and a policy it refuses names a JSON path.
func FuzzValidate(f *testing.F) {
	f.Add(int16(24), int16(12), int32(1), int16(6), int16(12), int16(6), true, int16(90), int16(30), int8(1), int64(24*3600e9), int32(100))
	f.Add(int16(12), int16(12), int32(0), int16(12), int16(12), int16(0), false, int16(0), int16(0), int8(0), int64(0), int32(5))
	f.Add(int16(1200), int16(1), int32(-5), int16(1199), int16(1200), int16(1200), true, int16(32767), int16(1), int8(-1), int64(-1), int32(3652000))
	f.Fuzz(func(t *testing.T, m0, m1 int16, fromDays int32, window, ext, age int16, first bool, k0, k1 int16, immediate int8, wait int64, earned int32) {
		p := policy.Policy{
			Terms:           []policy.Term{{Months: int(m0)}, {From: cert.NewDate(2021, 6, 1).AddDays(int(fromDays % 4000)), Months: int(m1)}},
			WindowMonths:    int(window),
			ExtensionMonths: int(ext),
			MarketAgeMonths: int(age),
			Schedule:        policy.Schedule{AtFirstEligibleDay: first, DaysBefore: []int{int(k0), int(k1)}},
			Retakes:         assessment.Retakes{Immediate: int(immediate), Wait: time.Duration(wait)},
		}
		if err := p.Validate(); err != nil {
			var fe *policy.FieldError
			if !errors.As(err, &fe) || !errors.Is(err, policy.ErrInvalidPolicy) || fe.Path == "" {
				t.Fatalf("Validate = %v: want a *FieldError with a path", err)
			}
			return
		}
		on := cert.NewDate(2019, 1, 1).AddDays(int(earned % 3000000))
		if on.IsZero() {
			return
		}
		for c := range cert.Roadmap().All() {
			x := p.Expiry(c, on)
			if x.IsZero() {
				continue // past 9999-12-31
			}
			if !x.After(on) {
				t.Fatalf("expiry %s of %s earned %s is not after the earn day", x, c.ID, on)
			}
			cr := cert.Credential{Cert: c.ID, Earned: on, Expires: x}
			d := p.Eligibility(cert.Profile{Learn: "a", Credentials: []cert.Credential{cr}}, c, on)
			if w := d.Window; !w.IsZero() && (!w.Opens.Before(w.Closes) || w.Opens.Before(on)) {
				t.Fatalf("window %s of a credential earned %s", w, on)
			}
			for _, r := range p.Reminders(c, cr) {
				if r.Before(on) || !r.Before(x) {
					t.Fatalf("reminder %s outside [%s, %s)", r, on, x)
				}
			}
			break
		}
	})
}

// FuzzDecisionWindowJSON reads arbitrary JSON as a Decision and as a
// Window: what is read is consistent, marshals and reads back equal, and a
// refusal leaves the value as it was.
func FuzzDecisionWindowJSON(f *testing.F) {
	f.Add([]byte(`{"eligible":false,"reason":"NotYetOpen","window":{"opens":"2022-01-15","closes":"2022-07-15","last":"2022-07-14"},"eligibleFrom":"2022-01-15"}`))
	f.Add([]byte(`{"eligible":true,"reason":"Eligible","window":{"opens":"2022-01-15","closes":"2022-07-15"},"eligibleFrom":"2022-02-01"}`))
	f.Add([]byte(`{"opens":"2022-07-15","closes":"2022-01-15"}`))
	f.Add([]byte(`{"eligible":false,"reason":""}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := policy.Decision{Reason: policy.Expired}
		if err := json.Unmarshal(data, &d); err != nil {
			if d != (policy.Decision{Reason: policy.Expired}) {
				t.Fatalf("a refused Decision changed: %v", d)
			}
		} else {
			if d.Eligible != (d.Reason == policy.Eligible) && d != (policy.Decision{}) {
				t.Fatalf("an inconsistent Decision read: %v", d)
			}
			out, err := json.Marshal(d)
			var back policy.Decision
			if err != nil || json.Unmarshal(out, &back) != nil || back != d {
				t.Fatalf("Decision %v: %s read back as %v", d, out, back)
			}
		}
		var w policy.Window
		if json.Unmarshal(data, &w) == nil {
			if !w.IsZero() && !w.Opens.Before(w.Closes) {
				t.Fatalf("a window that does not open before it closes: %v", w)
			}
			out, _ := json.Marshal(w)
			var back policy.Window
			if json.Unmarshal(out, &back) != nil || back != w {
				t.Fatalf("Window %v: %s read back as %v", w, out, back)
			}
		}
	})
}

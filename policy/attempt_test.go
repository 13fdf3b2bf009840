package policy_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York on machines without a zone database

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
	"github.com/certrenew/certrenew/policy"
)

// newYork is where the holder of the attempt tests takes the assessment.
var newYork = func() *time.Location {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at returns the instant of "2006-01-02 15:04:05" in New York.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", s, newYork)
	if err != nil {
		panic(err)
	}
	return t
}

// failed and passed return attempts at the instant t.
func failed(t time.Time) assessment.Attempt { return assessment.Attempt{At: t} }
func passed(t time.Time) assessment.Attempt { return assessment.Attempt{At: t, Passed: true} }

// The attempt tests' holder: the associate earned 2021-07-15 expires
// 2022-07-15 (RULES V2), and its window is [2022-01-15, 2022-07-15) (E2).
var attemptHolder = linked(cred("azure-administrator", "2021-07-15", "2022-07-15"), cred("azure-developer", "2021-08-01", "2022-08-01"))

// TestA1A5_RecordAttemptWindow checks RULES A1, A5 and D4 at the edges of
// the window: an attempt may be made on every day of the window, in the
// instant's own location, and on no other day.
func TestA1A5_RecordAttemptWindow(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	tests := []struct {
		name   string
		at     time.Time
		reason policy.Reason // the refusal's reason; Eligible when allowed
	}{
		{"A5 the day before the window opens, a minute before midnight", at("2022-01-14 23:59:00"), policy.NotYetOpen},
		{"A5 the first day of the window, at midnight", at("2022-01-15 00:00:00"), policy.Eligible},
		{"A1 the day after the window opens", at("2022-01-16 12:00:00"), policy.Eligible},
		{"A1 the last day before expiry, a second before midnight", at("2022-07-14 23:59:59"), policy.Eligible},
		{"A5 the expiry day, at midnight", at("2022-07-15 00:00:00"), policy.Expired},
		{"A5 the day after expiry", at("2022-07-16 09:00:00"), policy.Expired},
		{"D4 the day is the instant's own: 03:00 UTC is still 2022-01-14 in New York", time.Date(2022, 1, 15, 3, 0, 0, 0, time.UTC).In(newYork), policy.NotYetOpen},
		{"D4 the same instant in UTC is 2022-01-15", time.Date(2022, 1, 15, 3, 0, 0, 0, time.UTC), policy.Eligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := withSpare(attemptHolder)
			before := snap(pr)
			cycle := p.Cycle(pr, admin)
			got, next, err := p.RecordAttempt(pr, admin, cycle, failed(tt.at))
			if d := before.diff(pr); d != "" {
				t.Errorf("RecordAttempt changed the profile it was given (-want +got):\n%s", d)
			}
			if diff := cmp.Diff(attemptHolder, got); diff != "" {
				t.Errorf("a failed or refused attempt changed the profile (-want +got):\n%s", diff)
			}
			if tt.reason == policy.Eligible {
				if err != nil {
					t.Fatalf("RecordAttempt at %s: %v", tt.at, err)
				}
				if diff := cmp.Diff([]assessment.Attempt{failed(tt.at)}, next.Attempts()); diff != "" {
					t.Errorf("the cycle's attempts mismatch (-want +got):\n%s", diff)
				}
				return
			}
			if msg := refusal(err, tt.reason); msg != "" {
				t.Error(msg)
			}
			if next.Len() != 0 {
				t.Errorf("a refused attempt was recorded: %d attempts", next.Len())
			}
		})
	}
}

// TestA2A3_RecordAttemptRetakes checks RULES A2 and A3 through RecordAttempt:
// the second attempt may start at once, the third not before 24 hours after
// the second, and later ones likewise after a gap of any length.
func TestA2A3_RecordAttemptRetakes(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	first := at("2022-03-01 09:00:00")
	second := first.Add(time.Nanosecond)
	tests := []struct {
		name    string
		history []assessment.Attempt
		at      time.Time
		until   time.Time // when the lockout lifts; zero when allowed
	}{
		{"A2 the second attempt one nanosecond after the first", []assessment.Attempt{failed(first)}, second, time.Time{}},
		{"A2 the second attempt at the same instant as the first", []assessment.Attempt{failed(first)}, first, time.Time{}},
		{"A3 the third attempt 24 hours minus 1 ns after the second", []assessment.Attempt{failed(first), failed(second)}, second.Add(24*time.Hour - 1), second.Add(24 * time.Hour)},
		{"A3 the third attempt exactly 24 hours after the second", []assessment.Attempt{failed(first), failed(second)}, second.Add(24 * time.Hour), time.Time{}},
		{"A3 the fifth attempt after a gap of 40 days", []assessment.Attempt{failed(first), failed(second), failed(second.Add(24 * time.Hour)), failed(second.Add(48 * time.Hour))}, second.Add(40 * 24 * time.Hour), time.Time{}},
		{"A3 the fifth attempt 23 hours after the fourth", []assessment.Attempt{failed(first), failed(second), failed(second.Add(24 * time.Hour)), failed(second.Add(48 * time.Hour))}, second.Add(71 * time.Hour), second.Add(72 * time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr, _ := attemptHolder.Credential(admin.ID)
			history := slices.Clip(slices.Clone(tt.history))
			cycle := cycleOf(cr, history)
			_, next, err := p.RecordAttempt(attemptHolder, admin, cycle, failed(tt.at))
			if diff := cmp.Diff(tt.history, history); diff != "" {
				t.Errorf("RecordAttempt changed the history it was given (-want +got):\n%s", diff)
			}
			if tt.until.IsZero() {
				if err != nil {
					t.Fatalf("RecordAttempt at %s: %v", tt.at, err)
				}
				if next.Len() != len(tt.history)+1 {
					t.Errorf("the cycle holds %d attempts, want %d", next.Len(), len(tt.history)+1)
				}
				return
			}
			var lockout *assessment.LockoutError
			if !errors.Is(err, assessment.ErrTooSoon) || !errors.As(err, &lockout) {
				t.Fatalf("RecordAttempt at %s = %v, want a lockout", tt.at, err)
			}
			if !lockout.Until.Equal(tt.until) {
				t.Errorf("the lockout lifts at %s, want %s", lockout.Until, tt.until)
			}
			if next.Len() != len(tt.history) {
				t.Errorf("a refused attempt was recorded")
			}
		})
	}
}

// TestA4_RecordAttemptCycles checks RULES A4, A5 and N1: a pass renews from
// the current expiry and starts an empty cycle; the ended cycle and the
// cycle of another credential are refused; an attempt out of order is
// refused.
func TestA4_RecordAttemptCycles(t *testing.T) {
	p := policy.Microsoft()
	admin, dev := title("azure-administrator"), title("azure-developer")
	cr, _ := attemptHolder.Credential(admin.ID)

	pass := passed(at("2022-03-01 10:00:00"))
	cycle := cycleOf(cr, []assessment.Attempt{failed(at("2022-03-01 09:00:00"))})
	renewed, next, err := p.RecordAttempt(attemptHolder, admin, cycle, pass)
	if err != nil {
		t.Fatalf("a pass: %v", err)
	}
	want := linked(cred(admin.ID, "2021-07-15", "2023-07-15"), cred(dev.ID, "2021-08-01", "2022-08-01"))
	if diff := cmp.Diff(want, renewed); diff != "" {
		t.Errorf("N1 N2 a pass renews that credential alone, from its expiry (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want.Credentials[0], next.Credential()); diff != "" || next.Len() != 0 {
		t.Errorf("A4 the next cycle is not the renewed credential's empty one: %d attempts (-want +got):\n%s", next.Len(), diff)
	}
	ended, _ := cycle.Record(p.Retakes, pass)
	endedDev, _ := p.Cycle(attemptHolder, dev).Record(p.Retakes, pass)

	tests := []struct {
		name  string
		pr    cert.Profile
		c     cert.Certification
		cycle assessment.Cycle
		a     assessment.Attempt
		want  error
	}{
		{"A4 an attempt after a pass in the cycle", renewed, admin, ended, failed(at("2022-03-02 10:00:00")), assessment.ErrPassed},
		{"A4 the ended cycle, on the profile as it was", attemptHolder, admin, ended, failed(at("2022-03-02 10:00:00")), assessment.ErrPassed},
		{"A4 the cycle of the expiry a pass renewed", renewed, admin, cycle, failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A4 the cycle of an earlier expiry, every attempt inside the current window", renewed, admin,
			cycleOf(cr, []assessment.Attempt{failed(at("2023-02-01 09:00:00"))}), failed(at("2023-02-01 10:00:00")), assessment.ErrStaleCycle},
		{"A4 the history of an earlier cycle wrapped with the current credential", attemptHolder, admin,
			cycleOf(cr, []assessment.Attempt{failed(at("2022-01-14 23:00:00")), failed(at("2022-01-15 09:00:00"))}), failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A4 the cycle of another certification", attemptHolder, admin, p.Cycle(attemptHolder, dev), failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A4 the cycle of another certification, for a title not held", linked(cred(dev.ID, "2021-08-01", "2022-08-01")), admin, p.Cycle(attemptHolder, dev), failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A4 another certification's cycle that ended with a pass: stale before passed", attemptHolder, admin, endedDev, failed(at("2022-03-02 10:00:00")), assessment.ErrStaleCycle},
		{"A5 after a pass, the next cycle's window is closed", renewed, admin, next, failed(at("2022-03-02 10:00:00")), policy.ErrOutsideWindow},
		{"A5 an attempt before the one before it", attemptHolder, admin, cycle, failed(at("2022-03-01 08:59:59")), assessment.ErrOutOfOrder},
		{"E5 a certification with no level is no title", attemptHolder, cert.Certification{ID: admin.ID}, cycle, failed(at("2022-03-01 10:00:00")), policy.ErrUnknownCertification},
		{"E4 a profile not linked", unlinked(cr), admin, cycle, failed(at("2022-03-01 10:00:00")), policy.ErrNotEligible},
		{"E5 a title not held", linked(), admin, cycleOf(cert.Credential{Cert: admin.ID}, nil), failed(at("2022-03-01 10:00:00")), policy.ErrNotEligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr := withSpare(tt.pr)
			before := snap(pr)
			attempts := slices.Clone(tt.cycle.Attempts())
			got, gotCycle, err := p.RecordAttempt(pr, tt.c, tt.cycle, tt.a)
			if !errors.Is(err, tt.want) {
				t.Errorf("RecordAttempt = %v, want an error matching %v", err, tt.want)
			}
			if d := before.diff(pr); d != "" {
				t.Errorf("RecordAttempt changed the profile it was given (-want +got):\n%s", d)
			}
			if diff := cmp.Diff(tt.pr, got, cmpEmpty); diff != "" {
				t.Errorf("a refusal changed the profile (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(attempts, gotCycle.Attempts()); diff != "" {
				t.Errorf("a refusal changed the cycle (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNoAllocsRecordAttempt checks that recording a failed attempt
// allocates once: the new cycle's own attempts, which no other cycle sees.
func TestNoAllocsRecordAttempt(t *testing.T) {
	p := policy.Microsoft()
	admin := title("azure-administrator")
	cr, _ := attemptHolder.Credential(admin.ID)
	history := make([]assessment.Attempt, 1, 16)
	history[0] = failed(at("2022-03-01 09:00:00"))
	cycle := cycleOf(cr, history)
	a := failed(at("2022-03-01 09:30:00"))
	allocs := testing.AllocsPerRun(1000, func() {
		_, _, err := p.RecordAttempt(attemptHolder, admin, cycle, a)
		if err != nil {
			t.Fatal(err)
		}
	})
	// The new cycle's attempts are its own (assessment.Cycle.Record).
	if allocs != 1 {
		t.Errorf("RecordAttempt of a fail: %v allocs/op, want 1", allocs)
	}
}

// attemptScenario is the input of the attempt properties: a scenario, a
// history of attempts of the credential's cycle, and the attempt.
type attemptScenario struct {
	scenario
	History []assessment.Attempt
	A       assessment.Attempt
}

// genAttemptScenario generates attempts around a scenario's day, in one of
// three locations, with histories of up to 5 attempts spaced by 0 to 30
// hours, and passes one time in three. Half the time the attempts are moved
// into the credential's window, a week or more after its opening; one
// history in eight ends in a pass, and one attempt in four starts before the
// last one.
func genAttemptScenario() gopter.Gen {
	locs := []*time.Location{time.UTC, newYork, time.FixedZone("UTC+14", 14*3600)}
	return gopter.CombineGens(
		genScenario(),
		gen.IntRange(0, 5),
		gen.SliceOfN(6, gen.Int64Range(0, int64(30*time.Hour))),
		gen.IntRange(0, 2), // a pass one time in three
		gen.Int64Range(0, int64(24*time.Hour)),
		gen.IntRange(0, len(locs)-1),
		gen.IntRange(0, 15), // into the window, a pass in the history, out of order
		gen.IntRange(7, 180),
	).Map(func(v []any) attemptScenario {
		s := attemptScenario{scenario: v[0].(scenario)}
		mode := v[6].(int)
		if cr, ok := s.Pr.Credential(s.C.ID); ok && mode < 8 && !cr.Expires.IsZero() {
			start := windowStart(s.P, cr)
			if span := cr.Expires.DaysSince(start); span > 7 {
				s.On = start.AddDays(7 + v[7].(int)%(span-7))
			}
		}
		loc := locs[v[5].(int)]
		t := s.On.In(loc).Add(time.Duration(v[4].(int64)))
		gaps := v[2].([]int64)
		n := v[1].(int)
		times := make([]time.Time, n+1)
		times[n] = t
		for i := n - 1; i >= 0; i-- {
			times[i] = times[i+1].Add(-time.Duration(gaps[i]))
		}
		for _, tm := range times[:n] {
			s.History = append(s.History, failed(tm))
		}
		if n > 0 && mode%8 == 1 {
			s.History[n-1].Passed = true
		}
		if n > 0 && (mode%8 == 2 || mode%8 == 3) {
			times[n] = times[n-1].Add(-time.Minute)
		}
		s.A = assessment.Attempt{At: times[n], Passed: v[3].(int) == 0}
		return s
	})
}

// windowStart returns the first day an attempt of cr's current cycle can
// have been made on: the later of the window's opening and the day earned.
func windowStart(p policy.Policy, cr cert.Credential) cert.Date {
	start := opens(p, cr)
	if cr.Earned.After(start) {
		start = cr.Earned
	}
	return start
}

// TestPropA4_RecordAttempt states RULES A1-A5 and N2 for RecordAttempt:
// recording never changes another credential of the profile, nor the
// profile or history it was given; an attempt is recorded only on a day the
// holder may renew and when the retake rule allows it; a fail returns the
// profile as given and the longer history; a pass renews as Renew does and
// starts an empty cycle.
func TestPropA4_RecordAttempt(t *testing.T) {
	count := map[string]int{}
	properties := proptest.New(t)
	properties.Property("A1 A2 A3 A4 A5 N2 recording an attempt", prop.ForAll(
		func(s attemptScenario) string {
			cr, held := s.Pr.Credential(s.C.ID)
			if !held {
				cr = cert.Credential{Cert: s.C.ID}
			}
			history := slices.Clip(slices.Clone(s.History))
			cycle := cycleOf(cr, history)
			before := snap(s.Pr)
			got, next, err := s.P.RecordAttempt(s.Pr, s.C, cycle, s.A)
			if d := before.diff(s.Pr); d != "" {
				return "RecordAttempt changed the profile it was given (-want +got):\n" + d
			}
			if diff := cmp.Diff(s.History, history); diff != "" {
				return "RecordAttempt changed the history it was given (-want +got):\n" + diff
			}
			for i, other := range s.Pr.Credentials {
				if other.Cert != s.C.ID && got.Credentials[i] != other {
					return fmt.Sprintf("N2 recording an attempt at %s changed credential %d: %+v", s.C.ID, i, got.Credentials[i])
				}
			}
			on := cert.DateOf(s.A.At)
			d := s.P.Eligibility(s.Pr, s.C, on)
			retake := s.P.Retakes.Check(s.History, s.A.At)
			// The history of an earlier cycle: its first attempt was made
			// before the window opened, or before the credential was earned.
			stale := held && len(s.History) > 0 && cert.DateOf(s.History[0].At).Before(windowStart(s.P, cr))
			ended := len(s.History) > 0 && s.History[len(s.History)-1].Passed
			switch {
			case ended:
				count["passed"]++
				if !errors.Is(err, assessment.ErrPassed) {
					return fmt.Sprintf("A4 an attempt after a pass in the cycle: error %v, want ErrPassed", err)
				}
			case stale:
				count["stale"]++
				if !errors.Is(err, assessment.ErrStaleCycle) {
					return fmt.Sprintf("A4 a history from before the window opened: error %v, want ErrStaleCycle", err)
				}
			case !d.Eligible:
				count["not eligible"]++
				var ne *policy.NotEligibleError
				if !errors.As(err, &ne) || ne.Decision != d || ne.Op != "record an attempt" || ne.Cert != s.C.ID || ne.On != on {
					return fmt.Sprintf("A5 on a %v day (%s): error %v, want the Decision", d.Reason, on, err)
				}
			case retake != nil:
				if errors.Is(retake, assessment.ErrOutOfOrder) {
					count["out of order"]++
				} else {
					count["too soon"]++
				}
				if err == nil || err.Error() != retake.Error() {
					return fmt.Sprintf("A3 RecordAttempt = %v, Retakes.Check = %v", err, retake)
				}
			case err != nil:
				return fmt.Sprintf("an allowed attempt refused: %v\n%v", err, s.scenario)
			case s.A.Passed:
				count["pass recorded"]++
				want, werr := s.P.Renew(s.Pr, s.C, on)
				if werr != nil {
					return fmt.Sprintf("Renew refused what RecordAttempt renewed: %v", werr)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					return "N1 a pass renews as Renew does (-want +got):\n" + diff
				}
				renewed, _ := got.Credential(s.C.ID)
				if next.Credential() != renewed || next.Len() != 0 {
					return fmt.Sprintf("A4 the next cycle is %+v with %d attempts, want the renewed credential's empty one", next.Credential(), next.Len())
				}
			default:
				count["fail recorded"]++
				if diff := cmp.Diff(s.Pr, got); diff != "" {
					return "a fail changed the profile (-want +got):\n" + diff
				}
				if diff := cmp.Diff(append(slices.Clone(s.History), s.A), next.Attempts()); diff != "" {
					return "a fail is appended to the cycle (-want +got):\n" + diff
				}
			}
			if err != nil {
				if diff := cmp.Diff(s.Pr, got); diff != "" {
					return "a refusal changed the profile (-want +got):\n" + diff
				}
			}
			return ""
		},
		genAttemptScenario(),
	))
	properties.TestingRun(t)
	t.Logf("cases: %v", count)
	for _, k := range []string{"passed", "stale", "not eligible", "out of order", "too soon", "pass recorded", "fail recorded"} {
		if count[k] < 25 {
			t.Errorf("only %d cases of %q: the generator rarely reaches them (%v)", count[k], k, count)
		}
	}
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

package assessment_test

// The tests of every package of certrenew are laid out alike:
//
//	<source>_test.go  table tests of <source>.go, named after its rules:
//	                  assessment_test.go (Retakes, CheckHistory), cycle_test.go,
//	                  json_test.go, offering_test.go
//	props_test.go     every property of the package, one TestProp<Rules>_<What>
//	                  each, with the generators only properties use
//	helpers_test.go   helpers that tests of more than one file share
//	fuzz_test.go      the fuzz targets
//	bench_test.go     the benchmarks
//	alloc_test.go     TestNoAllocs and the other allocation counts
//	example_test.go   the examples (example_<topic>_test.go only for a topic
//	                  too large for one file)
//
// The properties run through internal/proptest: see its package doc for the
// seed and how to replay a failure.

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the examples and tests load IANA zones; do not depend on the host

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
)

// microsoft is the retake rule of RULES A2 and A3.
var microsoft = assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour}

// at returns the instant of an RFC 3339 text, for literal test input.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// fails returns a history of failed attempts at the given instants.
func fails(ts ...time.Time) []assessment.Attempt {
	h := make([]assessment.Attempt, len(ts))
	for i, t := range ts {
		h[i] = assessment.Attempt{At: t}
	}
	return h
}

// spaced returns n failed attempts, each 25 hours after the one before it,
// which every rule with a wait of at most 25 hours allows.
func spaced(n int) []assessment.Attempt {
	start := at("2021-03-01T09:00:00Z")
	h := make([]assessment.Attempt, n)
	for i := range h {
		h[i] = assessment.Attempt{At: start.Add(time.Duration(i) * 25 * time.Hour)}
	}
	return h
}

// day is MustParseDate, for literal days in tests.
var day = cert.MustParseDate

// admin is a credential of the roadmap's Azure Administrator Associate,
// earned before 2021-06-01 and so valid for 24 months (RULES V3).
var admin = cert.Credential{Cert: "azure-administrator", Earned: day("2020-03-10"), Expires: day("2022-03-10")}

// refusal describes the error Check is expected to return: nil for none, or
// the sentinel it matches and, for the typed errors, the error itself.
type refusal struct {
	is      error
	lockout *assessment.LockoutError
	order   *assessment.OrderError
}

// checkRefusal reports a mismatch between err and want.
func checkRefusal(t *testing.T, err error, want refusal) {
	t.Helper()
	if want.is == nil {
		if err != nil {
			t.Fatalf("got error %v, want nil", err)
		}
		return
	}
	if !errors.Is(err, want.is) {
		t.Fatalf("got error %v, want one matching %v", err, want.is)
	}
	if want.lockout != nil {
		var got *assessment.LockoutError
		if !errors.As(err, &got) {
			t.Fatalf("got error %v (%T), want a *LockoutError", err, err)
		}
		if diff := cmp.Diff(want.lockout, got); diff != "" {
			t.Errorf("LockoutError mismatch (-want +got):\n%s", diff)
		}
	}
	if want.order != nil {
		var got *assessment.OrderError
		if !errors.As(err, &got) {
			t.Fatalf("got error %v (%T), want an *OrderError", err, err)
		}
		if diff := cmp.Diff(want.order, got); diff != "" {
			t.Errorf("OrderError mismatch (-want +got):\n%s", diff)
		}
	}
	if err.Error() == "" {
		t.Error("empty error message")
	}
}

// lastSecond is the start of the last second a time.Time holds: its second
// count since 0001-01-01 is the largest int64.
var lastSecond = time.Unix(1<<63-1-62135596800, 0)

// nextAt returns the instant of r.Next(h), or the zero time when no attempt
// may follow.
func nextAt(r assessment.Retakes, h []assessment.Attempt) time.Time {
	at, _ := r.Next(h)
	return at
}

// locations are the zones the properties and fuzz targets move instants
// into: UTC, two offsets that are not whole hours, and zones with daylight
// saving time, Lord Howe's of half an hour among them.
var locations = func() []*time.Location {
	locs := []*time.Location{time.UTC, time.FixedZone("UTC+05:45", 5*3600+45*60), time.FixedZone("UTC-09:30", -(9*3600 + 30*60))}
	for _, name := range []string{"Asia/Tokyo", "America/Los_Angeles", "America/New_York", "Australia/Lord_Howe"} {
		if loc, err := time.LoadLocation(name); err == nil {
			locs = append(locs, loc)
		}
	}
	return locs
}()

// same reports whether two answers of Check are the same: both nil, or the
// same refusal with the same instants.
func same(a, b error) bool {
	if (a == nil) != (b == nil) {
		return false
	}
	var la, lb *assessment.LockoutError
	if errors.As(a, &la) {
		return errors.As(b, &lb) && la.At.Equal(lb.At) && la.Until.Equal(lb.Until)
	}
	var oa, ob *assessment.OrderError
	if errors.As(a, &oa) {
		return errors.As(b, &ob) && oa.Index == ob.Index && oa.At.Equal(ob.At) && oa.Prev.Equal(ob.Prev)
	}
	return errors.Is(a, assessment.ErrPassed) == errors.Is(b, assessment.ErrPassed)
}

// clone returns a copy of h with storage of its own, nil for nil.
func clone(h []assessment.Attempt) []assessment.Attempt {
	if h == nil {
		return nil
	}
	return append([]assessment.Attempt{}, h...)
}

// in returns a copy of h with every instant moved into loc (the same
// instants, RULES D4).
func in(h []assessment.Attempt, loc *time.Location) []assessment.Attempt {
	moved := clone(h)
	for i := range moved {
		moved[i].At = moved[i].At.In(loc)
	}
	return moved
}

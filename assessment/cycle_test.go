package assessment_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/google/go-cmp/cmp"
)

func TestCycleRecord(t *testing.T) {
	t0 := at("2021-10-01T09:00:00Z")
	c := newCycle(t, admin, nil)
	steps := []struct {
		name string
		a    assessment.Attempt
		want refusal
	}{
		{"A1 the first attempt fails", assessment.Attempt{At: t0}, refusal{}},
		{"A2 an immediate retry fails", assessment.Attempt{At: t0.Add(time.Hour)}, refusal{}},
		{"A3 a third attempt 23h later is refused", assessment.Attempt{At: t0.Add(24 * time.Hour)},
			refusal{is: assessment.ErrTooSoon, lockout: &assessment.LockoutError{At: t0.Add(24 * time.Hour), Until: t0.Add(25 * time.Hour)}}},
		{"A5 an attempt before the last is refused", assessment.Attempt{At: t0}, refusal{is: assessment.ErrOutOfOrder}},
		{"A3 a pass 24h later", assessment.Attempt{At: t0.Add(25 * time.Hour), Passed: true}, refusal{}},
		{"A4 nothing after a pass", assessment.Attempt{At: t0.Add(100 * time.Hour)}, refusal{is: assessment.ErrPassed}},
	}
	var want []assessment.Attempt
	for _, s := range steps {
		got, err := c.Record(microsoft, s.a)
		checkRefusal(t, err, s.want)
		if err == nil {
			want = append(want, s.a)
		}
		if diff := cmp.Diff(want, got.Attempts()); diff != "" {
			t.Errorf("%s: attempts mismatch (-want +got):\n%s", s.name, diff)
		}
		if got.Credential() != admin {
			t.Errorf("%s: Credential() = %v, want %v", s.name, got.Credential(), admin)
		}
		c = got
	}
	if !c.Passed() || c.Len() != 3 {
		t.Errorf("after a pass: Passed() = %v, Len() = %d; want true, 3", c.Passed(), c.Len())
	}
	if next, ok := c.Next(microsoft); ok || !next.IsZero() {
		t.Errorf("Next after a pass = %v, %v; want the zero time, false", next, ok)
	}
}

func TestNewCycleRefusesHistory(t *testing.T) {
	t0 := at("2021-10-01T09:00:00Z")
	tests := []struct {
		name    string
		history []assessment.Attempt
		want    refusal
	}{
		{"A4 a stored attempt after a pass", []assessment.Attempt{{At: t0, Passed: true}, {At: t0.Add(time.Hour)}}, refusal{is: assessment.ErrPassed}},
		{"A5 a stored history out of order", fails(t0, t0.Add(-time.Nanosecond), t0.Add(time.Hour)),
			refusal{is: assessment.ErrOutOfOrder, order: &assessment.OrderError{Index: 1, At: t0.Add(-time.Nanosecond), Prev: t0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := clone(tt.history)
			c, err := assessment.NewCycle(admin, tt.history)
			checkRefusal(t, err, tt.want)
			if diff := cmp.Diff(assessment.Cycle{}, c, cmp.AllowUnexported(assessment.Cycle{})); diff != "" {
				t.Errorf("NewCycle refused, but returned a cycle (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, tt.history); diff != "" {
				t.Errorf("the history changed (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNewCycleCopies checks that a cycle keeps a copy of the history it is
// given: later changes to the caller's slice do not reach it, and what
// Attempts returns is a copy too.
func TestNewCycleCopies(t *testing.T) {
	h := spaced(3)
	c := newCycle(t, admin, h)
	want := clone(h)
	h[0].Passed, h[2].At = true, time.Time{}
	if diff := cmp.Diff(want, c.Attempts()); diff != "" {
		t.Errorf("a change to the caller's slice reached the cycle (-want +got):\n%s", diff)
	}
	got := c.Attempts()
	got[2].Passed = true
	if c.Passed() {
		t.Error("a change to the slice Attempts returned reached the cycle")
	}
}

func TestCycleFor(t *testing.T) {
	renewed := admin
	renewed.Expires = admin.Expires.AddMonths(12) // RULES N1
	other := cert.Credential{Cert: "azure-developer", Earned: admin.Earned, Expires: admin.Expires}
	tests := []struct {
		name string
		cr   cert.Credential
		ok   bool
	}{
		{"A4 the cycle of the current expiry", admin, true},
		{"A4 the cycle of an expiry since renewed", renewed, false},
		{"A4 the cycle of another certification", other, false},
		{"A4 the cycle of an earlier credential of the title", cert.Credential{Cert: admin.Cert, Earned: day("2018-03-10"), Expires: admin.Expires}, false},
		{"A4 the zero credential", cert.Credential{}, false},
	}
	c := newCycle(t, admin, fails(at("2021-10-01T09:00:00Z")))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.For(tt.cr)
			if tt.ok != (err == nil) || err != nil && !errors.Is(err, assessment.ErrStaleCycle) {
				t.Errorf("For(%v) = %v, want ok=%v or ErrStaleCycle", tt.cr, err, tt.ok)
			}
		})
	}
	var zero assessment.Cycle
	if err := zero.For(cert.Credential{}); err != nil {
		t.Errorf("zero Cycle: For(zero Credential) = %v, want nil", err)
	}
	if err := zero.Check(microsoft, time.Time{}); err != nil {
		t.Errorf("zero Cycle: Check = %v, want nil", err)
	}
}

// TestCycleRecordNeverShares checks that a Cycle is a value: recording a
// fail and then a pass onto the same cycle gives two cycles that do not see
// each other's attempts, whatever the capacity of the history given, and
// leaves the cycle recorded onto as it was (RULES A4).
func TestCycleRecordNeverShares(t *testing.T) {
	for _, capacity := range []int{2, 3, 8} {
		h := make([]assessment.Attempt, 2, capacity)
		copy(h, spaced(2))
		c := newCycle(t, admin, h)
		fail := assessment.Attempt{At: h[1].At.Add(25 * time.Hour)}
		pass := assessment.Attempt{At: h[1].At.Add(26 * time.Hour), Passed: true}
		failed, err := c.Record(microsoft, fail)
		if err != nil {
			t.Fatal(err)
		}
		passed, err := c.Record(microsoft, pass)
		if err != nil {
			t.Fatal(err)
		}
		if failed.Passed() || !passed.Passed() {
			t.Errorf("capacity %d: Passed() = %v after a fail, %v after a pass; want false, true", capacity, failed.Passed(), passed.Passed())
		}
		if diff := cmp.Diff(append(spaced(2), fail), failed.Attempts()); diff != "" {
			t.Errorf("capacity %d: the failed cycle (-want +got):\n%s", capacity, diff)
		}
		if diff := cmp.Diff(spaced(2), c.Attempts()); diff != "" || c.Len() != 2 {
			t.Errorf("capacity %d: the cycle recorded onto changed (-want +got):\n%s", capacity, diff)
		}
		if diff := cmp.Diff(spaced(2), h); diff != "" {
			t.Errorf("capacity %d: the caller's slice changed (-want +got):\n%s", capacity, diff)
		}
	}
}

// TestCycleJSON checks that a cycle round-trips through its JSON form and
// that reading one checks its history as NewCycle does.
func TestCycleJSON(t *testing.T) {
	tokyo := time.FixedZone("UTC+09:00", 9*3600)
	c := newCycle(t, admin, []assessment.Attempt{{At: at("2021-10-01T09:00:00Z").In(tokyo)}, {At: at("2021-10-01T10:00:00Z"), Passed: true}})
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"credential":{"cert":"azure-administrator","earned":"2020-03-10","expires":"2022-03-10"},` +
		`"attempts":[{"at":"2021-10-01T18:00:00+09:00","passed":false},{"at":"2021-10-01T10:00:00Z","passed":true}]}`
	if string(data) != want {
		t.Errorf("MarshalJSON = %s, want %s", data, want)
	}
	var back assessment.Cycle
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c.Attempts(), back.Attempts()); diff != "" || back.Credential() != c.Credential() {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	empty, err := json.Marshal(newCycle(t, admin, nil))
	if err != nil || !strings.HasSuffix(string(empty), `"attempts":[]}`) {
		t.Errorf("MarshalJSON of an empty cycle = %s, %v; want attempts []", empty, err)
	}
	for _, bad := range []string{
		`{"credential":{"cert":"a","earned":"2020-03-10"},"attempts":[{"at":"2021-10-01T10:00:00Z","passed":true},{"at":"2021-10-01T11:00:00Z","passed":false}]}`,
		`{"credential":{"cert":"a","earned":"2020-03-10"},"attempts":[{"at":"2021-10-01T10:00:00Z"},{"at":"2021-10-01T09:00:00Z"}]}`,
		`{"credential":{"cert":"a","earned":"2020-03-10"},"attempts":[],"extra":1}`,
		`{"credential":{"cert":"a","earned":"2020-03-10"},"attempts":[]} {}`,
	} {
		back := c
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("Unmarshal(%s) = nil, want a refusal", bad)
		}
		if back.Len() != c.Len() {
			t.Errorf("Unmarshal(%s) changed the cycle on a refusal", bad)
		}
	}
}

// newCycle returns NewCycle(cr, h), failing the test on a refusal.
func newCycle(t *testing.T, cr cert.Credential, h []assessment.Attempt) assessment.Cycle {
	t.Helper()
	c, err := assessment.NewCycle(cr, h)
	if err != nil {
		t.Fatalf("NewCycle: %v", err)
	}
	return c
}

// TestEmptyCycle checks the cycle with no attempts: not passed, no
// attempts, and any first attempt allowed (RULES A4).
func TestEmptyCycle(t *testing.T) {
	for _, c := range []assessment.Cycle{{}, newCycle(t, admin, nil), newCycle(t, admin, []assessment.Attempt{})} {
		if c.Passed() || c.Len() != 0 || c.Attempts() != nil {
			t.Errorf("empty cycle: Passed %v, Len %d, Attempts %v", c.Passed(), c.Len(), c.Attempts())
		}
		if next, ok := c.Next(microsoft); !ok || !next.IsZero() {
			t.Errorf("empty cycle: Next = %v, %v; want the zero time, true", next, ok)
		}
	}
}

// TestCheckHistoryNamesTheAttempt checks that a refusal of CheckHistory
// names the index of the attempt at fault (RULES A4, A5).
func TestCheckHistoryNamesTheAttempt(t *testing.T) {
	t0 := at("2021-10-01T09:00:00Z")
	tests := []struct {
		history []assessment.Attempt
		want    string
	}{
		{[]assessment.Attempt{{At: t0, Passed: true}, {At: t0.Add(time.Hour)}}, "attempt at index 1 follows a pass"},
		{[]assessment.Attempt{{At: t0}, {At: t0.Add(time.Hour), Passed: true}, {At: t0.Add(2 * time.Hour)}}, "attempt at index 2 follows a pass"},
		{fails(t0, t0.Add(time.Hour), t0), "attempt at index 2 ("},
	}
	for _, tt := range tests {
		err := assessment.CheckHistory(tt.history)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CheckHistory = %v, want it to say %q", err, tt.want)
		}
	}
}

// TestCycleLadder checks a Cycle under a ladder with a cap (RULES G5, G6):
// CheckLadder and NextLadder answer as the ladder does on the cycle's
// attempts, and RecordLadder records what the ladder allows, refuses what
// it does not, and never changes the cycle it is given.
func TestCycleLadder(t *testing.T) {
	l := assessment.Ladder{Retakes: assessment.Retakes{Wait: 24 * time.Hour}, Then: []time.Duration{14 * 24 * time.Hour}, Cap: 3, Span: 365 * 24 * time.Hour}
	t0 := at("2024-01-10T09:00:00Z")
	c := newCycle(t, admin, nil)
	steps := []struct {
		at      time.Time
		wantErr error
	}{
		{t0, nil},
		{t0.Add(24*time.Hour - 1), assessment.ErrTooSoon},                   // G5: the first wait, 1 ns early
		{t0.Add(24 * time.Hour), nil},                                       // G5: the first wait
		{t0.Add(24*time.Hour + 14*24*time.Hour - 1), assessment.ErrTooSoon}, // G5: the second wait, 1 ns early
		{t0.Add(24*time.Hour + 14*24*time.Hour), nil},                       // G5: the second wait
		{t0.Add(365*24*time.Hour - 1), assessment.ErrCapReached},            // G6: a fourth attempt inside the span
		{t0.Add(365 * 24 * time.Hour), nil},                                 // G6: the first attempt leaves the span
	}
	for i, s := range steps {
		before := c.Attempts()
		if err := c.CheckLadder(l, s.at); !errors.Is(err, s.wantErr) || (err == nil) != (s.wantErr == nil) {
			t.Fatalf("step %d: CheckLadder(%v) = %v, want %v", i, s.at, err, s.wantErr)
		}
		next, err := c.RecordLadder(l, assessment.Attempt{At: s.at})
		if diff := cmp.Diff(before, c.Attempts()); diff != "" {
			t.Fatalf("step %d: RecordLadder changed the cycle (-want +got):\n%s", i, diff)
		}
		if s.wantErr != nil {
			if !errors.Is(err, s.wantErr) || next.Len() != c.Len() {
				t.Fatalf("step %d: RecordLadder(%v) = %d attempts, %v, want the cycle and %v", i, s.at, next.Len(), err, s.wantErr)
			}
			continue
		}
		if err != nil || next.Len() != c.Len()+1 {
			t.Fatalf("step %d: RecordLadder(%v) = %d attempts, %v", i, s.at, next.Len(), err)
		}
		c = next
		gotAt, gotOK := c.NextLadder(l)
		wantAt, wantOK := l.Next(c.Attempts())
		if !gotAt.Equal(wantAt) || gotOK != wantOK {
			t.Fatalf("step %d: NextLadder = %v, %v, want %v, %v", i, gotAt, gotOK, wantAt, wantOK)
		}
	}
}

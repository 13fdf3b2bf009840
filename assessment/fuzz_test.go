package assessment_test

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
)

// history builds up to 32 attempts from raw bytes, 5 bytes each: a signed
// 32-bit step from the attempt before (the first from start) and a flag
// byte whose bit 0 marks a pass, bit 1 counts the step in seconds instead
// of nanoseconds, and bits 2-4 choose the location.
func history(data []byte, start int64) []assessment.Attempt {
	var h []assessment.Attempt
	t := time.Unix(0, start)
	for len(data) >= 5 && len(h) < 32 {
		step := time.Duration(int32(binary.LittleEndian.Uint32(data)))
		flags := data[4]
		data = data[5:]
		if flags&2 != 0 {
			step *= time.Second
		}
		t = t.Add(step)
		h = append(h, assessment.Attempt{At: t.In(locations[int(flags>>2)%len(locations)]), Passed: flags&1 != 0})
	}
	return h
}

func FuzzRetakes(f *testing.F) {
	le := func(steps ...int32) []byte { // failed attempts, steps in seconds
		var b []byte
		for _, s := range steps {
			b = binary.LittleEndian.AppendUint32(b, uint32(s))
			b = append(b, 2)
		}
		return b
	}
	day := int64(24 * time.Hour)
	f.Add([]byte{}, int64(0), int64(0), 1, day)                                      // no history
	f.Add(le(0, 0), int64(1.6e18), int64(day-1), 1, day)                             // A3: 24h-1ns after the second
	f.Add(le(0, 0), int64(1.6e18), int64(day), 1, day)                               // A3: exactly 24h
	f.Add(le(0, 86400, -1), int64(1.6e18), int64(0), 1, day)                         // A5: out of order
	f.Add(append(le(0), 0, 0, 0, 0, 1), int64(1.6e18), int64(day), 1, day)           // A4: after a pass
	f.Add(append([]byte{0, 0, 0, 0, 1}, le(5)...), int64(0), int64(day), 1, day)     // A4: a stored attempt after a pass
	f.Add(le(0, 0, 0), int64(-1<<62), int64(-1), -1, int64(-1))                      // negative rule, at before last
	f.Add(le(2147483647, 2147483647), int64(1<<62), int64(1<<62), 0, int64(1<<63-1)) // extremes
	f.Fuzz(func(t *testing.T, data []byte, start, offset int64, immediate int, wait int64) {
		h := history(data, start)
		before := slices.Clone(h)
		r := assessment.Retakes{Immediate: immediate, Wait: time.Duration(wait)}
		var last time.Time
		if len(h) > 0 {
			last = h[len(h)-1].At
		}
		at := last.Add(time.Duration(offset))

		if err := r.Validate(); (err != nil) != (immediate < 0 || wait < 0 || wait > int64(assessment.MaxWait)) || err != nil && !errors.Is(err, assessment.ErrInvalidRetakes) {
			t.Errorf("Validate() = %v", err)
		}

		// An oracle built on time.Time's own methods (the fuzzed instants
		// carry no monotonic reading, so they agree with wall-clock order).
		w := max(r.Wait, 0)
		waits := len(h) > max(r.Immediate, 0) && w > 0
		err := r.Check(h, at)
		var lock *assessment.LockoutError
		var order *assessment.OrderError
		switch {
		case len(h) == 0:
			if err != nil {
				t.Errorf("Check(empty) = %v", err)
			}
		case h[len(h)-1].Passed:
			if err != assessment.ErrPassed {
				t.Errorf("Check after a pass = %v, want ErrPassed", err)
			}
		case at.Before(last):
			if !errors.As(err, &order) || !errors.Is(err, assessment.ErrOutOfOrder) || order.Index != len(h) || !order.At.Equal(at) || !order.Prev.Equal(last) {
				t.Errorf("Check before the last attempt = %v, want an OrderError", err)
			}
		case waits && at.Before(last.Add(w)):
			if !errors.As(err, &lock) || !errors.Is(err, assessment.ErrTooSoon) || !lock.Until.Equal(last.Add(w)) || !lock.At.Equal(at) {
				t.Errorf("Check during the lockout = %v, want a LockoutError until %v", err, last.Add(w))
			}
		default:
			if err != nil {
				t.Errorf("Check = %v, want nil", err)
			}
		}
		if err != nil && err.Error() == "" {
			t.Error("empty error message")
		}

		next, ok := r.Next(h)
		switch {
		case len(h) == 0:
			if !ok || !next.IsZero() {
				t.Errorf("Next(empty) = %v, %v; want the zero time, true", next, ok)
			}
		case h[len(h)-1].Passed:
			if ok || !next.IsZero() {
				t.Errorf("Next after a pass = %v, %v; want the zero time, false", next, ok)
			}
		case ok:
			if err := r.Check(h, next); err != nil {
				t.Errorf("Check(h, Next(h)) = %v", err)
			}
			if err := r.Check(h, next.Add(-1)); err == nil {
				t.Errorf("Check(h, Next(h)-1ns) = nil")
			}
		default:
			if err := r.Check(h, time.Unix(1<<63-1-62135596800, 999999999)); err == nil {
				t.Errorf("Next says no attempt may follow, but Check allows the last instant")
			}
		}

		// CheckHistory against a naive reading of RULES A4, A5.
		var want error
		for i := range h {
			if i > 0 && h[i-1].Passed {
				want = assessment.ErrPassed
				break
			}
		}
		if want == nil {
			for i := 1; i < len(h); i++ {
				if h[i].At.Before(h[i-1].At) {
					want = assessment.ErrOutOfOrder
					break
				}
			}
		}
		hist := assessment.CheckHistory(h)
		if want == nil && hist != nil || want != nil && !errors.Is(hist, want) {
			t.Errorf("CheckHistory = %v, want %v", hist, want)
		}

		c, cerr := assessment.NewCycle(admin, h)
		if (cerr == nil) != (hist == nil) || cerr != nil && cerr.Error() != hist.Error() {
			t.Errorf("NewCycle = %v, CheckHistory = %v", cerr, hist)
		}
		if cerr != nil {
			return
		}
		got, rerr := c.Record(r, assessment.Attempt{At: at})
		switch {
		case !same(rerr, err):
			t.Errorf("Record = %v, Check = %v", rerr, err)
		case rerr == nil && got.Len() != len(h)+1:
			t.Errorf("Record: Len() = %d, want %d", got.Len(), len(h)+1)
		}
		if !slices.Equal(before, h) {
			t.Errorf("the history changed")
		}
	})
}

// FuzzJSON reads arbitrary JSON as each type of the package: what is read
// marshals and reads back equal, and a refusal leaves the value as it was.
func FuzzJSON(f *testing.F) {
	f.Add([]byte(`{"at":"2022-02-01T09:00:00+08:00","passed":false}`))
	f.Add([]byte(`{"immediate":1,"wait":"24h0m0s"}`))
	f.Add([]byte(`{"credential":{"cert":"azure-administrator","earned":"2020-03-10","expires":"2022-03-10"},"attempts":[{"at":"2021-10-01T09:00:00Z","passed":false}]}`))
	f.Add([]byte(`{"cert":"azure-administrator","languages":["en","ja"],"revised":"2021-03-26"}`))
	f.Add([]byte(`{"immediate":1,"wait":"876601h"}`)) // longer than MaxWait
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		input := slices.Clone(data)
		var a assessment.Attempt
		if json.Unmarshal(data, &a) == nil {
			var back assessment.Attempt
			out, err := json.Marshal(a)
			if err == nil && (json.Unmarshal(out, &back) != nil || !back.At.Equal(a.At) || back.Passed != a.Passed) {
				t.Fatalf("Attempt %s read back as %v from %s", data, back, out)
			}
		}
		r := microsoft
		if err := json.Unmarshal(data, &r); err != nil {
			// encoding/json refuses text that is not JSON before the
			// method sees it.
			if r != microsoft || json.Valid(data) && !errors.Is(err, assessment.ErrInvalidRetakes) {
				t.Fatalf("a refused Retakes: %v, changed to %+v", err, r)
			}
		} else if r.Validate() != nil {
			t.Fatalf("Retakes %s read as %+v, which Validate refuses", data, r)
		}
		var c assessment.Cycle
		if json.Unmarshal(data, &c) == nil {
			if err := assessment.CheckHistory(c.Attempts()); err != nil {
				t.Fatalf("a Cycle read with a history NewCycle refuses: %v", err)
			}
			out, err := json.Marshal(c)
			var back assessment.Cycle
			if err == nil && (json.Unmarshal(out, &back) != nil || back.Len() != c.Len() || back.Credential() != c.Credential()) {
				t.Fatalf("Cycle %s read back differently from %s", data, out)
			}
		}
		var o assessment.Offering
		if json.Unmarshal(data, &o) == nil {
			out, _ := json.Marshal(o)
			var back assessment.Offering
			if json.Unmarshal(out, &back) != nil || back.Cert != o.Cert || back.Revised != o.Revised || len(back.Languages) != len(o.Languages) {
				t.Fatalf("Offering %s read back differently from %s", data, out)
			}
		}
		if !slices.Equal(input, data) {
			t.Fatal("the input changed")
		}
	})
}

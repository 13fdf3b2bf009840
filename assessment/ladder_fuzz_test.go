package assessment_test

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/assessment"
)

// steps reads up to 8 durations from raw bytes, a signed 32-bit count of
// seconds each; nil for none.
func steps(data []byte) []time.Duration {
	var d []time.Duration
	for len(data) >= 4 && len(d) < 8 {
		d = append(d, time.Duration(int32(binary.LittleEndian.Uint32(data)))*time.Second)
		data = data[4:]
	}
	return d
}

// naiveWait is the wait of the retake after n attempts, read off the
// ladder's doc step by step: the retakes up to Immediate at once, then
// Wait, then Then in turn, its last repeating.
func naiveWait(l assessment.Ladder, n int) time.Duration {
	var w time.Duration
	for k := 1; k <= n; k++ { // the wait of retake k
		switch {
		case k <= l.Immediate:
			w = 0
		case k == max(l.Immediate, 0)+1 || len(l.Then) == 0:
			w = l.Wait
		default:
			w = l.Then[min(k-max(l.Immediate, 0)-2, len(l.Then)-1)]
		}
	}
	return max(w, 0)
}

func FuzzLadder(f *testing.F) {
	le := func(steps ...int32) []byte { // failed attempts, steps in seconds
		var b []byte
		for _, s := range steps {
			b = binary.LittleEndian.AppendUint32(b, uint32(s))
			b = append(b, 2)
		}
		return b
	}
	secs := func(s ...int32) []byte {
		var b []byte
		for _, v := range s {
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		}
		return b
	}
	day, fortnight, year := int64(24*time.Hour), int32(14*86400), int64(365*days)
	exam := le(0, 86400, fortnight, fortnight, fortnight)
	f.Add([]byte{}, int64(0), int64(0), 0, day, secs(fortnight), 5, year)                                                 // no history
	f.Add(le(0, 86400), int64(1.7e18), int64(14*day-1), 0, day, secs(fortnight), 5, year)                                 // G5: the exam's third attempt 1ns early
	f.Add(exam, int64(1.7e18), int64(322*days-1), 0, day, secs(fortnight), 5, year)                                       // G6: the sixth inside 365 days
	f.Add(exam, int64(1.7e18), int64(0), 0, day, secs(fortnight), 5, year)                                                // G6: both the wait and the cap refuse
	f.Add(le(0), int64(0), int64(time.Hour-1), 0, int64(time.Hour), []byte{}, 1, int64(time.Hour))                        // G6: Cap 1, the wait's end and the cap's at one instant
	f.Add(le(0, 0, 0), int64(0), int64(0), 2, int64(time.Minute), secs(3600, 7200), 0, int64(0))                          // G5: Immediate 2 with Then
	f.Add(le(0, 1209600), int64(1.6e18), int64(60*day), 0, 14*day, secs(60*86400, 365*86400), 0, int64(0))                // G5: Google's 60 days
	f.Add(le(0, 7200, -3600), int64(0), int64(0), 0, int64(0), []byte{}, 2, int64(time.Hour))                             // A5: out of order
	f.Add(append(le(0), 0, 0, 0, 0, 1), int64(0), int64(day), 0, day, []byte{}, 0, int64(0))                              // A4: after a pass
	f.Add(le(0, 0), int64(-1<<62), int64(-1), -1, int64(-1), secs(-1, 1), -1, int64(-1))                                  // refused by Validate
	f.Add(le(2147483647, 2147483647), int64(1<<62), int64(1<<62), 0, int64(1<<63-1), secs(2147483647), 1, int64(1<<63-1)) // extremes
	f.Fuzz(func(t *testing.T, data []byte, start, offset int64, immediate int, wait int64, then []byte, capN int, span int64) {
		h := history(data, start)
		before := slices.Clone(h)
		l := assessment.Ladder{Retakes: assessment.Retakes{Immediate: immediate, Wait: time.Duration(wait)}, Then: steps(then), Cap: capN, Span: time.Duration(span)}
		thenBefore := slices.Clone(l.Then)
		var last time.Time
		if len(h) > 0 {
			last = h[len(h)-1].At
		}
		at := last.Add(time.Duration(offset))
		n := len(h)

		err := l.Check(h, at)
		if err != nil && err.Error() == "" {
			t.Error("empty error message")
		}
		var lock *assessment.LockoutError
		var ce *assessment.CapError
		if errors.Is(err, assessment.ErrTooSoon) != errors.As(err, &lock) || errors.Is(err, assessment.ErrCapReached) != errors.As(err, &ce) {
			t.Errorf("Check = %v: errors.Is and errors.As disagree", err)
		}
		if ce != nil && (!lock.Until.Equal(ce.Until) || !lock.At.Equal(ce.At) || ce.Cap != l.Cap || ce.Span != l.Span) {
			t.Errorf("CapError %+v unwraps to %+v", ce, lock)
		}

		// An oracle on time.Time's own methods, for a history in order
		// (the fuzzed instants carry no monotonic reading and stay far
		// from the ends of time.Time's range, so Add and Sub are exact).
		if assessment.CheckHistory(h) == nil && n > 0 && !h[n-1].Passed && !at.Before(last) {
			w := naiveWait(l, n)
			waitUntil := last.Add(w)
			waitOK := !at.Before(waitUntil)
			capOK, capUntil := true, time.Time{}
			if l.Cap > 0 && l.Span > 0 {
				inSpan := 0
				for _, a := range h {
					if at.Sub(a.At) < l.Span {
						inSpan++
					}
				}
				capOK = inSpan < l.Cap
				if !capOK {
					capUntil = h[n-l.Cap].At.Add(l.Span)
				}
			}
			switch {
			case waitOK && capOK:
				if err != nil {
					t.Errorf("Check = %v, want nil", err)
				}
			case !capOK && (waitOK || capUntil.After(waitUntil)):
				if ce == nil || !ce.Until.Equal(capUntil) || !ce.At.Equal(at) {
					t.Errorf("Check = %v, want a CapError until %v", err, capUntil)
				}
			default:
				if lock == nil || ce != nil || !lock.Until.Equal(waitUntil) || !lock.At.Equal(at) {
					t.Errorf("Check = %v, want a LockoutError until %v", err, waitUntil)
				}
			}
		}

		next, ok := l.Next(h)
		switch {
		case n == 0:
			if !ok || !next.IsZero() || err != nil {
				t.Errorf("Next(empty) = %v, %v, Check(empty) = %v", next, ok, err)
			}
		case h[n-1].Passed:
			if ok || !next.IsZero() || err != assessment.ErrPassed {
				t.Errorf("after a pass: Next = %v, %v, Check = %v", next, ok, err)
			}
		case ok:
			if err := l.Check(h, next); err != nil {
				t.Errorf("Check(h, Next(h)) = %v", err)
			}
			if err := l.Check(h, next.Add(-1)); err == nil {
				t.Errorf("Check(h, Next(h)-1ns) = nil")
			}
			if (err == nil) != !at.Before(next) {
				t.Errorf("Check(h, %v) = %v, but Next(h) = %v", at, err, next)
			}
			if lock != nil && !lock.Until.Equal(next) {
				t.Errorf("Check(h, %v) = %v, whose Until is not Next(h) = %v", at, err, next)
			}
		default:
			if err := l.Check(h, lastSecond.Add(999999999)); err == nil {
				t.Errorf("Next says no attempt may follow, but Check allows the last instant")
			}
		}
		if !slices.Equal(before, h) || !slices.Equal(thenBefore, l.Then) {
			t.Errorf("Check or Next changed the history or Then")
		}

		// Validate against a naive reading of its doc, and JSON: a
		// valid ladder round-trips, an invalid one is written and not
		// read back.
		valid := immediate >= 0 && wait >= 0 && wait <= int64(assessment.MaxWait) &&
			capN >= 0 && span >= 0 && span <= int64(assessment.MaxWait) && (capN > 0) == (span > 0)
		for i, w := range l.Then {
			prev := l.Wait
			if i > 0 {
				prev = l.Then[i-1]
			}
			valid = valid && w >= prev && w <= assessment.MaxWait
		}
		verr := l.Validate()
		if (verr == nil) != valid || verr != nil && !errors.Is(verr, assessment.ErrInvalidRetakes) {
			t.Errorf("Validate() = %v, want valid %v", verr, valid)
		}
		out, merr := json.Marshal(l)
		if merr != nil {
			t.Fatalf("Marshal = %v", merr)
		}
		back := examLadder
		uerr := json.Unmarshal(out, &back)
		switch {
		case valid && uerr != nil:
			t.Errorf("Unmarshal(%s) = %v", out, uerr)
		case valid:
			if diff := cmp.Diff(l, back); diff != "" {
				t.Errorf("round trip of %s (-want +got):\n%s", out, diff)
			}
		case !errors.Is(uerr, assessment.ErrInvalidRetakes):
			t.Errorf("Unmarshal(%s) of an invalid ladder = %v", out, uerr)
		default:
			if diff := cmp.Diff(examLadder, back); diff != "" {
				t.Errorf("a refusal changed the ladder (-want +got):\n%s", diff)
			}
		}
	})
}

// FuzzLadderJSON reads arbitrary JSON as a Ladder: what is read is valid
// and round-trips, and a refusal matches ErrInvalidRetakes and leaves the
// ladder as it was.
func FuzzLadderJSON(f *testing.F) {
	f.Add([]byte(`{"immediate":0,"wait":"24h0m0s","then":["336h0m0s"],"cap":5,"span":"8760h0m0s"}`)) // the exam
	f.Add([]byte(`{"immediate":0,"wait":"336h","then":["1440h","8760h"]}`))                          // Google's
	f.Add([]byte(`{"immediate":1,"wait":"24h"}`))                                                    // the renewal assessment
	f.Add([]byte(`{"immediate":0,"wait":"24h","then":["1h"]}`))                                      // a ladder that descends
	f.Add([]byte(`{"immediate":0,"wait":"24h","cap":5}`))                                            // a cap without a span
	f.Add([]byte(`{"immediate":0,"wait":"24h","then":null,"span":"1h","cap":1}`))                    // null then, members in another order
	f.Add([]byte(`{"immediate":0,"wait":"24h","cap":1,"cap":1,"span":"1h"}`))                        // a key given twice
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		input := slices.Clone(data)
		l := examLadder
		err := l.UnmarshalJSON(data)
		if err != nil {
			if !errors.Is(err, assessment.ErrInvalidRetakes) {
				t.Fatalf("UnmarshalJSON(%s) = %v, which does not match ErrInvalidRetakes", data, err)
			}
			if diff := cmp.Diff(examLadder, l); diff != "" {
				t.Fatalf("a refusal changed the ladder (-want +got):\n%s", diff)
			}
		} else {
			if err := l.Validate(); err != nil {
				t.Fatalf("%s read as %+v, which Validate refuses: %v", data, l, err)
			}
			out, err := json.Marshal(l)
			if err != nil {
				t.Fatal(err)
			}
			var back assessment.Ladder
			if err := json.Unmarshal(out, &back); err != nil {
				t.Fatalf("%s read back from %s: %v", out, data, err)
			}
			if diff := cmp.Diff(l, back); diff != "" {
				t.Fatalf("round trip of %s (-want +got):\n%s", out, diff)
			}
		}
		if !slices.Equal(input, data) || examLadder.Then[0] != 14*days {
			t.Fatal("the input or examLadder changed")
		}
	})
}

package policytest_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/policytest"
)

// FuzzParse parses arbitrary text as a scenario. Invariants: no panic; a
// refusal is a *SyntaxError matching ErrSyntax whose Line lies within the
// input's lines; a scenario that parses has a String that parses back to
// an equal scenario with the same String, and runs without panic; and the
// input is not changed.
func FuzzParse(f *testing.F) {
	f.Add([]byte("cert azure-administrator; earned 2021-07-15; on 2022-01-14 NotYetOpen from 2022-01-15; attempt 2022-02-01T09:00Z fail; attempt 2022-02-01T09:30Z pass; expires 2023-07-15")) // the scenario
	f.Add([]byte(""))                                                                                                                                                                          // no statements
	f.Add([]byte("# only a comment\n\n"))                                                                                                                                                      // blank lines and comments
	f.Add([]byte("cert azure-administrator\r\nearned 2021-02-30\r\n"))                                                                                                                         // no such day, CRLF
	f.Add([]byte("attempt 2022-02-02T08:59:59.999999999+08:00 fail refused TooSoon until 2022-02-02T09:00Z"))                                                                                  // fraction, offset, until
	f.Add([]byte("on 2022-01-15 Eligible window 2022-01-15 2022-07-15 from 2022-01-15"))                                                                                                       // clauses out of the canonical order
	f.Add([]byte("on 2022-01-15 Eligible from none from none"))                                                                                                                                // a clause twice
	f.Add([]byte("on 2024-07-15 Eligible in grace grace until 2024-08-14; on 2024-08-14 Expired grace until none"))                                                                            // the grace clauses, out of order
	f.Add([]byte("attempt 2024-05-31T09:00+02:00 fail refused CapReached until 2025-05-16T09:00Z; attempt 2024-05-31T09:00Z fail refused CapReached"))                                         // a cap's refusals
	f.Add([]byte("on 2024-07-15 Eligible in grace none; on 2024-07-15 Eligible grace 2024-08-14"))                                                                                             // a clause word alone
	f.Add([]byte("reminders none; next any; next none; expires never; linked; unlinked"))                                                                                                      // the words that stand for nothing
	f.Add([]byte("renewed 9999-12-31 refused DateOutOfRange"))                                                                                                                                 // the last day
	f.Add([]byte("earned 0001-01-01"))                                                                                                                                                         // the first day
	f.Add([]byte("attempt 0000-01-01T00:00+01:00 pass"))                                                                                                                                       // an instant before the first day
	f.Add([]byte("linked #\xff"))                                                                                                                                                              // not UTF-8 in a comment
	f.Add([]byte("cert a\r;linked"))                                                                                                                                                           // a carriage return inside a line
	p, cat := policy.Microsoft(), cert.Roadmap()
	f.Fuzz(func(t *testing.T, data []byte) {
		input := bytes.Clone(data)
		s, err := policytest.Parse("f.scenario", data)
		if !bytes.Equal(input, data) {
			t.Fatal("Parse changed its input")
		}
		if err != nil {
			var se *policytest.SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, policytest.ErrSyntax) {
				t.Fatalf("Parse refusal %v is not a *SyntaxError matching ErrSyntax", err)
			}
			if lines := bytes.Count(data, []byte{'\n'}) + 1; se.Line < 1 || se.Line > lines || se.File != "f.scenario" {
				t.Fatalf("Parse refusal %v names line %d of a text of %d lines", err, se.Line, lines)
			}
			return
		}
		again, err := policytest.Parse("f.scenario", []byte(s.String()))
		switch {
		case err != nil:
			t.Fatalf("Parse(String()) of %q: %v", s, err)
		case !again.Equal(s):
			t.Fatalf("Parse(String()) = %q, not equal to %q", again, s)
		case again.String() != s.String():
			t.Fatalf("String() = %q, then %q", s, again)
		}
		for _, fl := range s.Run(p, cat) {
			if fl.File != "f.scenario" || fl.Line < 1 {
				t.Fatalf("Failure %v names no line", fl)
			}
		}
	})
}

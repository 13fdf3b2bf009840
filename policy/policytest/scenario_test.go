package policytest_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/policy/policytest"
)

// TestParse parses every statement, and the ways to write it, and checks
// the canonical text and that it parses back to an equal scenario.
func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"comments and blank lines only", "# nothing\n\n   \t\n# more", ""},
		{"cert", "cert azure-administrator", "cert azure-administrator\n"},
		{"linked", "linked", "linked\n"},
		{"unlinked", "unlinked", "unlinked\n"},
		{"earned", "earned 2021-07-15", "earned 2021-07-15\n"},
		{"earned refused", "earned 2021-07-15 refused StillActive", "earned 2021-07-15 refused StillActive\n"},
		{"earned refused by a reason", "earned 2021-07-15 refused NotHeld", "earned 2021-07-15 refused NotHeld\n"},
		{"renewed", "renewed 2022-02-01", "renewed 2022-02-01\n"},
		{"renewed refused", "renewed 2022-01-14 refused NotYetOpen", "renewed 2022-01-14 refused NotYetOpen\n"},
		{"attempt without seconds", "attempt 2022-02-01T09:00Z fail", "attempt 2022-02-01T09:00Z fail\n"},
		{"attempt with zero seconds", "attempt 2022-02-01T09:00:00Z pass", "attempt 2022-02-01T09:00Z pass\n"},
		{"attempt with seconds and an offset", "attempt 2022-02-01T09:00:30+08:00 pass", "attempt 2022-02-01T09:00:30+08:00 pass\n"},
		{"attempt with a fraction", "attempt 2022-02-01T09:00:00.250Z fail", "attempt 2022-02-01T09:00:00.25Z fail\n"},
		{"attempt offset +00:00 is Z", "attempt 2022-02-01T09:00+00:00 fail", "attempt 2022-02-01T09:00Z fail\n"},
		{"attempt refused", "attempt 2022-02-01T09:00Z fail refused Passed", "attempt 2022-02-01T09:00Z fail refused Passed\n"},
		{"attempt refused TooSoon until", "attempt 2022-02-02T09:29:59.999999999Z fail refused TooSoon until 2022-02-02T09:30Z",
			"attempt 2022-02-02T09:29:59.999999999Z fail refused TooSoon until 2022-02-02T09:30Z\n"},
		{"on", "on 2022-01-14 NotYetOpen", "on 2022-01-14 NotYetOpen\n"},
		{"on from", "on 2022-01-14 NotYetOpen from 2022-01-15", "on 2022-01-14 NotYetOpen from 2022-01-15\n"},
		{"on from none", "on 2021-07-14 NotHeld from none", "on 2021-07-14 NotHeld from none\n"},
		{"on window", "on 2022-01-15 Eligible window 2022-01-15 2022-07-15", "on 2022-01-15 Eligible window 2022-01-15 2022-07-15\n"},
		{"on window none", "on 2021-07-14 NotHeld window none", "on 2021-07-14 NotHeld window none\n"},
		{"on clauses in the canonical order", "on 2022-01-15 Eligible window 2022-01-15 2022-07-15 from 2022-01-15",
			"on 2022-01-15 Eligible from 2022-01-15 window 2022-01-15 2022-07-15\n"},
		{"G1 on grace until", "on 2022-07-15 Eligible grace until 2022-08-14", "on 2022-07-15 Eligible grace until 2022-08-14\n"},
		{"G1 on grace until none", "on 2022-07-14 Eligible grace until none", "on 2022-07-14 Eligible grace until none\n"},
		{"G1 on in grace", "on 2022-07-15 Eligible in grace", "on 2022-07-15 Eligible in grace\n"},
		{"G1 every clause, in the canonical order", "on 2022-07-15 Eligible in grace grace until 2022-08-14 window 2022-05-16 2022-07-15 from 2022-05-16",
			"on 2022-07-15 Eligible from 2022-05-16 window 2022-05-16 2022-07-15 grace until 2022-08-14 in grace\n"},
		{"G6 attempt refused CapReached", "attempt 2022-02-01T09:00Z fail refused CapReached", "attempt 2022-02-01T09:00Z fail refused CapReached\n"},
		{"G6 attempt refused CapReached until", "attempt 2022-02-01T09:00:00+08:00 fail refused CapReached until 2023-01-31T09:00:00.5+08:00",
			"attempt 2022-02-01T09:00+08:00 fail refused CapReached until 2023-01-31T09:00:00.5+08:00\n"},
		{"expires", "expires 2022-07-15", "expires 2022-07-15\n"},
		{"expires never", "expires never", "expires never\n"},
		{"reminders", "reminders 2022-01-15 2022-04-16 2022-06-15 2022-07-08", "reminders 2022-01-15 2022-04-16 2022-06-15 2022-07-08\n"},
		{"reminders none", "reminders none", "reminders none\n"},
		{"next", "next 2022-02-02T09:30+08:00", "next 2022-02-02T09:30+08:00\n"},
		{"next any", "next any", "next any\n"},
		{"next none", "next none", "next none\n"},
		{"one line with semicolons", "cert azure-administrator; earned 2021-07-15;; expires 2022-07-15 ;",
			"cert azure-administrator\nearned 2021-07-15\nexpires 2022-07-15\n"},
		{"spaces, tabs and comments", "\t cert \t azure-administrator   # the title\n# a comment; not a statement\nlinked#no space",
			"cert azure-administrator\nlinked\n"},
		{"CRLF line ends", "cert azure-administrator\r\nlinked\r\n", "cert azure-administrator\nlinked\n"},
		{"non-ASCII in a comment", "linked # 更新您的Microsoft认证", "linked\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, "t.scenario", tt.in)
			if diff := cmp.Diff(tt.want, s.String()); diff != "" {
				t.Errorf("Parse(%q).String() mismatch (-want +got):\n%s", tt.in, diff)
			}
			again := mustParse(t, "t.scenario", s.String())
			if !again.Equal(s) {
				t.Errorf("Parse(String()) = %q, not equal to %q", again, s)
			}
			if s.Name() != "t.scenario" {
				t.Errorf("Name() = %q, want t.scenario", s.Name())
			}
		})
	}
}

// TestParseErrors refuses each malformed statement with a *SyntaxError that
// names its line and text.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     policytest.SyntaxError
	}{
		{"unknown statement", "cert a\nearn 2021-07-15",
			policytest.SyntaxError{Line: 2, Text: "earn 2021-07-15", Problem: `unknown statement "earn"`}},
		{"statement names are case-sensitive", "Linked",
			policytest.SyntaxError{Line: 1, Text: "Linked", Problem: `unknown statement "Linked"`}},
		{"the line of a statement after a semicolon", "# c\n\nlinked; expires; linked",
			policytest.SyntaxError{Line: 3, Text: "expires", Problem: `missing a date after "expires"`}},
		{"cert without ID", "cert",
			policytest.SyntaxError{Line: 1, Text: "cert", Problem: `missing a certification ID after "cert"`}},
		{"cert with two words", "cert azure administrator",
			policytest.SyntaxError{Line: 1, Text: "cert azure administrator", Problem: `unexpected "administrator" at the end`}},
		{"linked with a word", "linked yes",
			policytest.SyntaxError{Line: 1, Text: "linked yes", Problem: `unexpected "yes" at the end`}},
		{"unlinked with a word", "unlinked now",
			policytest.SyntaxError{Line: 1, Text: "unlinked now", Problem: `unexpected "now" at the end`}},
		{"earned without day", "earned",
			policytest.SyntaxError{Line: 1, Text: "earned", Problem: `missing a date after "earned"`}},
		{"earned on no such day", "earned 2021-02-30",
			policytest.SyntaxError{Line: 1, Text: "earned 2021-02-30", Problem: `bad date "2021-02-30": day out of range`}},
		{"earned on a short day", "earned 2021-6-1",
			policytest.SyntaxError{Line: 1, Text: "earned 2021-6-1", Problem: `bad date "2021-6-1": want the form 2006-01-02`}},
		{"earned with trailing words", "earned 2021-07-15 again",
			policytest.SyntaxError{Line: 1, Text: "earned 2021-07-15 again", Problem: `unexpected "again" at the end`}},
		{"refused without name", "renewed 2022-01-14 refused",
			policytest.SyntaxError{Line: 1, Text: "renewed 2022-01-14 refused", Problem: `missing a reason or error name after "refused"`}},
		{"refused unknown name", "renewed 2022-01-14 refused Closed",
			policytest.SyntaxError{Line: 1, Text: "renewed 2022-01-14 refused Closed", Problem: `unknown refusal "Closed": want a reason other than Eligible, or one of Backdated, CapReached, DateOutOfRange, MissingPrerequisite, OutOfOrder, Passed, StaleCycle, StillActive, TooSoon, UnknownCertification`}},
		{"refused Eligible", "renewed 2022-01-14 refused Eligible",
			policytest.SyntaxError{Line: 1, Text: "renewed 2022-01-14 refused Eligible", Problem: `unknown refusal "Eligible": want a reason other than Eligible, or one of Backdated, CapReached, DateOutOfRange, MissingPrerequisite, OutOfOrder, Passed, StaleCycle, StillActive, TooSoon, UnknownCertification`}},
		{"refused with trailing words", "renewed 2022-01-14 refused NotYetOpen today",
			policytest.SyntaxError{Line: 1, Text: "renewed 2022-01-14 refused NotYetOpen today", Problem: `unexpected "today" at the end`}},
		{"until after another name", "attempt 2022-02-01T09:00Z fail refused Passed until 2022-02-02T09:00Z",
			policytest.SyntaxError{Line: 1, Text: "attempt 2022-02-01T09:00Z fail refused Passed until 2022-02-02T09:00Z", Problem: `"until" follows only "refused TooSoon" or "refused CapReached"`}},
		{"G6 until after CapReached without instant", "attempt 2022-02-01T09:00Z fail refused CapReached until",
			policytest.SyntaxError{Line: 1, Text: "attempt 2022-02-01T09:00Z fail refused CapReached until", Problem: `missing an instant after "until"`}},
		{"until without instant", "attempt 2022-02-01T09:00Z fail refused TooSoon until",
			policytest.SyntaxError{Line: 1, Text: "attempt 2022-02-01T09:00Z fail refused TooSoon until", Problem: `missing an instant after "until"`}},
		{"attempt without instant", "attempt",
			policytest.SyntaxError{Line: 1, Text: "attempt", Problem: `missing an instant after "attempt"`}},
		{"attempt on a day", "attempt 2022-02-01 pass",
			policytest.SyntaxError{Line: 1, Text: "attempt 2022-02-01 pass", Problem: `bad instant "2022-02-01": want RFC 3339, such as 2022-02-01T09:00Z or 2022-02-01T09:00:00+08:00`}},
		{"attempt without zone", "attempt 2022-02-01T09:00 pass",
			policytest.SyntaxError{Line: 1, Text: "attempt 2022-02-01T09:00 pass", Problem: `bad instant "2022-02-01T09:00": want RFC 3339, such as 2022-02-01T09:00Z or 2022-02-01T09:00:00+08:00`}},
		{"attempt at hour 24", "attempt 2022-02-01T24:00Z pass",
			policytest.SyntaxError{Line: 1, Text: "attempt 2022-02-01T24:00Z pass", Problem: `bad instant "2022-02-01T24:00Z": want RFC 3339, such as 2022-02-01T09:00Z or 2022-02-01T09:00:00+08:00`}},
		{"attempt without outcome", "attempt 2022-02-01T09:00Z",
			policytest.SyntaxError{Line: 1, Text: "attempt 2022-02-01T09:00Z", Problem: `missing pass or fail after "2022-02-01T09:00Z"`}},
		{"attempt passed", "attempt 2022-02-01T09:00Z passed",
			policytest.SyntaxError{Line: 1, Text: "attempt 2022-02-01T09:00Z passed", Problem: `want pass or fail, not "passed"`}},
		{"on without reason", "on 2022-01-14",
			policytest.SyntaxError{Line: 1, Text: "on 2022-01-14", Problem: `missing a reason after "2022-01-14"`}},
		{"on unknown reason", "on 2022-01-14 Open",
			policytest.SyntaxError{Line: 1, Text: "on 2022-01-14 Open", Problem: `unknown reason "Open"`}},
		{"on unknown clause", "on 2022-01-14 NotYetOpen until 2022-01-15",
			policytest.SyntaxError{Line: 1, Text: "on 2022-01-14 NotYetOpen until 2022-01-15", Problem: `unknown clause "until": want "from", "window", "grace until" or "in grace"`}},
		{"G1 grace without until", "on 2022-07-15 Eligible grace 2022-08-14",
			policytest.SyntaxError{Line: 1, Text: "on 2022-07-15 Eligible grace 2022-08-14", Problem: `unknown clause "grace": want "from", "window", "grace until" or "in grace"`}},
		{"G1 in without grace", "on 2022-07-15 Eligible in",
			policytest.SyntaxError{Line: 1, Text: "on 2022-07-15 Eligible in", Problem: `unknown clause "in": want "from", "window", "grace until" or "in grace"`}},
		{"G1 grace until without day", "on 2022-07-15 Eligible grace until",
			policytest.SyntaxError{Line: 1, Text: "on 2022-07-15 Eligible grace until", Problem: `missing a date after "until"`}},
		{"G1 in grace twice", "on 2022-07-15 Eligible in grace in grace",
			policytest.SyntaxError{Line: 1, Text: "on 2022-07-15 Eligible in grace in grace", Problem: `"in grace" given twice`}},
		{"G1 in grace none", "on 2022-07-15 Eligible in grace none",
			policytest.SyntaxError{Line: 1, Text: "on 2022-07-15 Eligible in grace none", Problem: `unknown clause "none": want "from", "window", "grace until" or "in grace"`}},
		{"on clause twice", "on 2022-01-14 NotYetOpen from none from 2022-01-15",
			policytest.SyntaxError{Line: 1, Text: "on 2022-01-14 NotYetOpen from none from 2022-01-15", Problem: `"from" given twice`}},
		{"on from without day", "on 2022-01-14 NotYetOpen from",
			policytest.SyntaxError{Line: 1, Text: "on 2022-01-14 NotYetOpen from", Problem: `missing a date after "from"`}},
		{"on window with one day", "on 2022-01-14 NotYetOpen window 2022-01-15",
			policytest.SyntaxError{Line: 1, Text: "on 2022-01-14 NotYetOpen window 2022-01-15", Problem: `missing a date after "2022-01-15"`}},
		{"expires never and more", "expires never 2022-07-15",
			policytest.SyntaxError{Line: 1, Text: "expires never 2022-07-15", Problem: `unexpected "2022-07-15" at the end`}},
		{"reminders without days", "reminders",
			policytest.SyntaxError{Line: 1, Text: "reminders", Problem: `missing a date after "reminders"`}},
		{"reminders none and a day", "reminders none 2022-01-15",
			policytest.SyntaxError{Line: 1, Text: "reminders none 2022-01-15", Problem: `unexpected "2022-01-15" at the end`}},
		{"reminders with a bad day", "reminders 2022-01-15 soon",
			policytest.SyntaxError{Line: 1, Text: "reminders 2022-01-15 soon", Problem: `bad date "soon": want the form 2006-01-02`}},
		{"next without instant", "next",
			policytest.SyntaxError{Line: 1, Text: "next", Problem: `missing an instant after "next"`}},
		{"next any and more", "next any now",
			policytest.SyntaxError{Line: 1, Text: "next any now", Problem: `unexpected "now" at the end`}},
		{"a control character", "linked\v",
			policytest.SyntaxError{Line: 1, Text: "linked\v", Problem: `control character '\v'`}},
		{"a control character first", "\vlinked",
			policytest.SyntaxError{Line: 1, Text: "\vlinked", Problem: `control character '\v'`}},
		{"not UTF-8", "linked\n# \xff\n",
			policytest.SyntaxError{Line: 2, Text: "# \uFFFD", Problem: "text not UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.File = "bad.scenario"
			_, err := policytest.Parse("bad.scenario", []byte(tt.in))
			var se *policytest.SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, policytest.ErrSyntax) {
				t.Fatalf("Parse(%q) = %v, want a *SyntaxError matching ErrSyntax", tt.in, err)
			}
			if diff := cmp.Diff(&tt.want, se); diff != "" {
				t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestSyntaxErrorMessage pins the message of a SyntaxError.
func TestSyntaxErrorMessage(t *testing.T) {
	_, err := policytest.Parse("renew.scenario", []byte("cert azure-administrator\n\n\non 2022-01-14 Open"))
	want := `policytest: renew.scenario:4: unknown reason "Open" in "on 2022-01-14 Open"`
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v, want %s", err, want)
	}
}

// TestScenarioEqual compares scenarios by name and statements, not by
// lines, spacing or comments.
func TestScenarioEqual(t *testing.T) {
	one := mustParse(t, "a", "cert azure-administrator; earned 2021-07-15 # one line")
	two := mustParse(t, "a", "\ncert  azure-administrator\n\nearned\t2021-07-15\n")
	tests := []struct {
		name string
		a, b policytest.Scenario
		want bool
	}{
		{"lines and spacing do not count", one, two, true},
		{"the name counts", one, mustParse(t, "b", one.String()), false},
		{"a statement more", one, mustParse(t, "a", one.String()+"linked"), false},
		{"another day", one, mustParse(t, "a", "cert azure-administrator; earned 2021-07-16"), false},
		{"the same instant in another offset", mustParse(t, "a", "cert x; attempt 2022-02-01T09:00Z fail"),
			mustParse(t, "a", "cert x; attempt 2022-02-01T17:00+08:00 fail"), false},
		{"reminders", mustParse(t, "a", "reminders 2022-01-15"), mustParse(t, "a", "reminders 2022-01-15 2022-04-16"), false},
		{"reminders and another statement", mustParse(t, "a", "reminders none"), mustParse(t, "a", "linked"), false},
		{"on clauses", mustParse(t, "a", "on 2022-01-14 NotYetOpen"), mustParse(t, "a", "on 2022-01-14 NotYetOpen from none"), false},
		{"the zero Scenario", policytest.Scenario{}, mustParse(t, "", "# nothing"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Equal(tt.b); got != tt.want {
				t.Errorf("(%q).Equal(%q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := tt.b.Equal(tt.a); got != tt.want {
				t.Errorf("(%q).Equal(%q) = %v, want %v", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/examples/internal/golden"
	"github.com/certrenew/certrenew/policy"
	"github.com/google/go-cmp/cmp"
)

// now is a fixed instant for the default of -today.
var now = time.Date(2026, time.December, 1, 12, 0, 0, 0, time.UTC)

// TestTable checks the table on 2026-12-01 against its golden file. The
// sample log is replayed as of that day. By the rules, every credential
// earned from 2021-06-01 on being valid 12 months (V2), with windows of 6
// months (E2) and renewals of 12 months from the current expiry (N1):
//   - the profile is linked on 2023-12-01, the day of the first event (E4);
//   - the associate earned 2024-04-11 expires 2025-04-11; its window opens
//     2024-10-11 and it is renewed by passes on 2024-11-01, 2025-11-01 and
//     2026-11-01, 21 days into each window, to 2028-04-11; the last pass,
//     at 10:00, follows two failed attempts on 2026-10-31 at 09:00 and at
//     09:40, a retake at once (A2), so that it may start from 09:40 the
//     next day (A3); today its next window, from 2027-10-11, is not yet
//     open (N3);
//   - the associate earned 2025-07-01 failed an attempt on 2026-01-22, 21
//     days into its window, expired 2026-07-01, was earned again
//     2026-09-01 and expires 2027-09-01 (N6);
//   - the specialty earned 2026-04-02 expires 2027-04-02: its window opened
//     2026-10-02, 60 days ago, and is open today (E2);
//   - the expert earned 2026-06-08, with the first associate active (R1),
//     expires 2027-06-08: its window and its first reminder are on
//     2026-12-08, in 7 days (M2);
//   - the fundamentals title earned 2023-12-01 never expires (V1).
//
// The credentials come in the order the titles were first earned. The
// reminders of a window are its opening and 90, 30 and 7 days before the
// expiry (M2), those after a renewal dropped (M3). From today on each
// credential's lines are its agenda, told by package explain: the expert's
// window opens and its first reminder is sent on 2026-12-08, and its last
// day is 2027-06-07, the day before the expiry (D2).
func TestTable(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-today", "2026-12-01"}, now, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	golden.Check(t, "table.golden", out.Bytes())
	for _, want := range []string{
		"Holder 1000001, linked to Learn profile ada@example.com on 2023-12-01; decisions on 2026-12-01.\n",
		"  2026-10-31  renewal assessment, attempt 1 at 09:00 +08:00: failed\n" +
			"  2026-10-31  renewal assessment, attempt 2 at 09:40 +08:00, a retake at once (RULES A2): failed\n" +
			"  2026-11-01  renewal assessment, attempt 3 at 10:00 +08:00, a retake allowed from 2026-11-01 09:40 +08:00 (RULES A3): passed; renewed: expires 2028-04-11 instead of 2027-04-11 (RULES N1)\n" +
			"  2026-12-01  (today)\n",
		"  2026-12-01 (today)  NotYetOpen  On 2026-12-01 you cannot renew this certification: its renewal window is not open yet. You can renew from 2027-10-11 until 2028-04-10.\n",
		"  2026-06-08  earned, with its prerequisite azure-administrator active (RULES R1)\n",
		"  2026-12-01  (today)\n" +
			"  2026-12-08  On 2026-12-08 the renewal window of this certification opens; the last day to renew is 2027-06-07.\n" +
			"  2026-12-08  Reminder 1, on 2026-12-08: you can renew this certification until 2027-06-07; it expires on 2027-06-08.\n",
		"  2027-06-07  2027-06-07 is the last day to renew this certification, which expires on 2027-06-08.\n",
		"  next reminder 2026-12-08, in 7 days\n",
		"  2026-12-01 (today)  Eligible    On 2026-12-01 you can renew this certification. The last day to renew is 2027-04-01.\n",
		"  2026-01-22  renewal assessment, attempt 1 at 09:00 +08:00: failed\n",
		"  2026-07-01  expires\n  2026-09-01  earned again by exam: expires 2027-09-01 (RULES N6)\n",
		"  earlier credentials:\n  2025-07-01  earned; expired 2026-07-01; its last cycle: a failed attempt\n",
		"  2026-12-01 (today)  NeverExpires  On 2026-12-01 you cannot renew this certification: it never expires, so there is nothing to renew.\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %q", want)
		}
	}
}

// TestTableEarly checks the table on 2021-06-01, the first day of the
// 12-month term (V2), against its golden file. The story then reaches back
// into the 24-month term (V3): the associate earned 2019-10-11 expires
// 2021-10-11 and is renewed once, by a pass on 2021-05-02 after two failed
// attempts the day before, after the roadmap's first renewal day
// 2021-02-01 (E3, H1); the second associate's first window,
// [2020-07-01, 2021-01-01), closed before its renewal assessment was
// offered, so it could not be renewed nor attempted at all (E3), and
// earned again on 2021-03-01 it is valid 24 months, to 2023-03-01.
func TestTableEarly(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-today", "2021-06-01"}, now, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	golden.Check(t, "table-2021-06-01.golden", out.Bytes())
	for _, want := range []string{
		"  2021-05-02  renewal assessment, attempt 3 at 10:00 +08:00, a retake allowed from 2021-05-02 09:40 +08:00 (RULES A3): passed; renewed: expires 2022-10-11 instead of 2021-10-11 (RULES N1)\n",
		"  2020-07-01  renewal assessment not offered before it expires: no renewal (RULES E3)\n",
		"  2021-03-01  earned again by exam: expires 2023-03-01 (RULES N6)\n",
		"  earlier credentials:\n  2019-01-01  earned; expired 2021-01-01; no attempt in its last cycle\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %q", want)
		}
	}
}

// TestDefaultToday checks that -today defaults to the day of now.
func TestDefaultToday(t *testing.T) {
	var a, b, errA, errB bytes.Buffer
	if code := run(nil, now, &a, &errA); code != 0 || errA.Len() != 0 {
		t.Fatalf("run() = %d, %q", code, errA.String())
	}
	if code := run([]string{"-today", "2026-12-01"}, now, &b, &errB); code != 0 || errB.Len() != 0 {
		t.Fatalf("run(-today 2026-12-01) = %d, %q", code, errB.String())
	}
	if diff := cmp.Diff(b.String(), a.String()); diff != "" {
		t.Errorf("default -today mismatch (-want +got):\n%s", diff)
	}
}

// TestJSON checks the JSON form: valid JSON, and the same timeline. The
// second associate's earlier credential, earned 2025-07-01, expired
// 2026-07-01 (V2) with the one failed attempt of its window (N6).
func TestJSON(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-today", "2026-12-01", "-json"}, now, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	v := decode(t, out.Bytes())
	if v.Today != "2026-12-01" || len(v.Credentials) != 5 {
		t.Errorf("today %q, %d credentials; want 2026-12-01, 5", v.Today, len(v.Credentials))
	}
	var earlier []earlierOut
	for _, c := range v.Credentials {
		if c.Cert == "azure-security-engineer" {
			earlier = c.Earlier
		} else if len(c.Earlier) > 0 {
			t.Errorf("%s has earlier credentials %+v, want none", c.Cert, c.Earlier)
		}
	}
	want := []earlierOut{{
		Credential: struct{ Cert, Earned, Expires string }{"azure-security-engineer", "2025-07-01", "2026-07-01"},
		Attempts:   []struct{ At string }{{"2026-01-22T09:00:00+08:00"}},
	}}
	if diff := cmp.Diff(want, earlier); diff != "" {
		t.Errorf("earlier credentials mismatch (-want +got):\n%s", diff)
	}
	golden.Check(t, "timeline.json", out.Bytes())
}

// output is the part of the JSON form the tests read.
type output struct {
	Today       string
	Credentials []credentialOut
}

// credentialOut is one credential of output.
type credentialOut struct {
	Cert   string
	Level  string
	Events []struct {
		Day  string
		What string
	}
	Decisions []struct {
		On           string
		Reason       string
		EligibleFrom string
		Window       struct{ Opens, Closes, Last string }
	}
	NextReminder string
	Earlier      []earlierOut
}

// earlierOut is an earlier credential of credentialOut, with its last
// cycle's attempts.
type earlierOut struct {
	Credential struct{ Cert, Earned, Expires string }
	Attempts   []struct{ At string }
}

func decode(t *testing.T, data []byte) output {
	t.Helper()
	var v output
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return v
}

// TestSituations checks, from the JSON alone, that the story shows each of
// its situations on days across the years, leap days and the ends of
// months among them, under Microsoft's policy and under the policy with a
// longer window and a third term: a window open today (E2), a reminder due
// within a week (M2), a renewal before today (N1), an expiry followed by a
// new earning (N6), the expired credential kept as an earlier one, an
// expert earned while its prerequisite was active (R1), and a fundamentals
// title (V1).
func TestSituations(t *testing.T) {
	day := cert.MustParseDate
	days := []cert.Date{day("2021-03-03"), day("2021-06-01"), day("2024-02-29"), day("2026-12-01"), day("2030-02-28"), day("2031-01-31")}
	for d := day("2021-03-04"); d.Before(day("2036-01-01")); d = d.AddDays(17) {
		days = append(days, d)
	}
	for _, file := range []string{"", filepath.Join("testdata", "policy-longer-window.json")} {
		for i, d := range days {
			if file != "" && i%3 != 0 {
				continue // a third of the days is enough for the second policy
			}
			args := []string{"-today", d.String(), "-json"}
			if file != "" {
				args = append(args, "-policy", file)
			}
			var out, errs bytes.Buffer
			if code := run(args, now, &out, &errs); code != 0 {
				t.Errorf("run(%q) = %d: %s", args, code, errs.String())
				continue
			}
			if why := situations(decode(t, out.Bytes())); why != "" {
				t.Errorf("run(%q): %s", args, why)
			}
		}
	}
}

// situations says which situation v does not show, or "".
func situations(v output) string {
	today := cert.MustParseDate(v.Today)
	var open, soon, renewed, again, earlier, expert, fundamentals bool
	earned := map[string]cert.Date{}
	for _, c := range v.Credentials {
		earned[c.Cert] = cert.MustParseDate(c.Events[0].Day)
	}
	for _, c := range v.Credentials {
		var reason string
		for _, d := range c.Decisions {
			if d.On == v.Today {
				reason = d.Reason
			}
		}
		open = open || reason == "Eligible"
		if c.NextReminder != "" {
			n := cert.MustParseDate(c.NextReminder).DaysSince(today)
			soon = soon || n >= 0 && n <= 7
		}
		var expired cert.Date
		for _, e := range c.Events {
			on := cert.MustParseDate(e.Day)
			switch {
			case on.After(today):
			case strings.Contains(e.What, "; renewed: "):
				renewed = renewed || reason != "Expired" && reason != ""
			case e.What == "expires":
				expired = on
			case strings.HasPrefix(e.What, "earned again"):
				again = again || !expired.IsZero() && !on.Before(expired)
			}
		}
		if c.Level == "Expert" && strings.Contains(c.Events[0].What, "prerequisite azure-administrator active") {
			pre, ok := earned["azure-administrator"]
			expert = expert || ok && !pre.After(earned[c.Cert])
		}
		fundamentals = fundamentals || c.Level == "Fundamentals" && reason == "NeverExpires"
		for _, e := range c.Earlier {
			earlier = earlier || !expired.IsZero() && e.Credential.Expires == expired.String()
		}
	}
	switch {
	case !open:
		return "no window open today"
	case !soon:
		return "no reminder due within 7 days"
	case !renewed:
		return "no renewal before today of a credential still held"
	case !again:
		return "no credential earned again after it expired"
	case !expert:
		return "no expert earned after its prerequisite"
	case !earlier:
		return "no earlier credential that expired"
	case !fundamentals:
		return "no fundamentals title"
	}
	return ""
}

// TestSituationsCanFail checks that situations finds each situation
// missing from the 2026-12-01 timeline when it is taken out.
func TestSituationsCanFail(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-today", "2026-12-01", "-json"}, now, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	for _, tt := range []struct {
		want   string
		remove func(*output)
	}{
		{"no window open today", func(v *output) {
			for i := range v.Credentials {
				for j := range v.Credentials[i].Decisions {
					if v.Credentials[i].Decisions[j].Reason == "Eligible" {
						v.Credentials[i].Decisions[j].Reason = "NotYetOpen"
					}
				}
			}
		}},
		{"no reminder due within 7 days", func(v *output) {
			for i := range v.Credentials {
				if v.Credentials[i].NextReminder == "2026-12-08" {
					v.Credentials[i].NextReminder = "2026-12-09"
				}
			}
		}},
		{"no renewal before today", func(v *output) { v.Credentials = slices.DeleteFunc(v.Credentials, isCert("azure-administrator")) }},
		{"no credential earned again", func(v *output) { v.Credentials = slices.DeleteFunc(v.Credentials, isCert("azure-security-engineer")) }},
		{"no expert earned after its prerequisite", func(v *output) {
			for i := range v.Credentials {
				if v.Credentials[i].Level == "Expert" {
					v.Credentials[i].Events[0].What = "earned"
				}
			}
		}},
		{"no earlier credential", func(v *output) {
			for i := range v.Credentials {
				v.Credentials[i].Earlier = nil
			}
		}},
		{"no fundamentals title", func(v *output) { v.Credentials = slices.DeleteFunc(v.Credentials, isCert("azure-fundamentals")) }},
	} {
		v := decode(t, out.Bytes())
		if why := situations(v); why != "" {
			t.Fatalf("situations of the timeline itself: %s", why)
		}
		tt.remove(&v)
		if why := situations(v); !strings.HasPrefix(why, tt.want) {
			t.Errorf("situations = %q, want %q", why, tt.want)
		}
	}
}

// isCert returns a predicate for the credential of id.
func isCert(id string) func(c credentialOut) bool {
	return func(c credentialOut) bool { return c.Cert == id }
}

// TestPolicyFile reads a policy with a third term and a 9-month window. On
// 2026-12-01 the specialty's window opened 60 days before, on 2026-10-02,
// nine months before its expiry 2027-07-02; earned 2026-01-02, after the
// third term began on 2023-01-01, it is valid 18 months. On 2025-10-31
// the associate earned 2023-01-01 (18 months, to 2024-07-01) is renewed on
// the days its windows open, nine months before each expiry: the opening
// is told before the pass of the same day, and the failed attempts the
// story would place the day before fall outside the window (E2) and are
// left out.
func TestPolicyFile(t *testing.T) {
	for _, tt := range []struct {
		today string
		want  []string
	}{
		{"2026-12-01", []string{"  2026-01-02  earned\n  2026-10-02  renewal window opens (expires 2027-07-02)\n"}},
		{"2025-10-31", []string{
			"  2023-01-01  earned\n" +
				"  2023-10-01  renewal window opens (expires 2024-07-01)\n" +
				"  2023-10-01  renewal assessment, attempt 1 at 10:00 +08:00: passed; renewed: expires 2025-07-01 instead of 2024-07-01 (RULES N1)\n",
			"  2025-10-01  renewal window opens (expires 2026-07-01)\n" +
				"  2025-10-01  renewal assessment, attempt 1 at 10:00 +08:00: passed; renewed: expires 2027-07-01 instead of 2026-07-01 (RULES N1)\n" +
				"  2025-10-31  (today)\n",
			"(Associate, azure-administrator): renewed 3 times, the last 30 days ago; the prerequisite",
		}},
	} {
		var out, errs bytes.Buffer
		args := []string{"-today", tt.today, "-policy", filepath.Join("testdata", "policy-longer-window.json")}
		if code := run(args, now, &out, &errs); code != 0 {
			t.Fatalf("exit %d: %s", code, errs.String())
		}
		for _, want := range tt.want {
			if !strings.Contains(out.String(), want) {
				t.Errorf("run(%q) output lacks %q:\n%s", args, want, out.String())
			}
		}
	}
}

// TestBadInput checks that a bad flag or file, and a day or a valid policy
// on which the story cannot hold, get one line on stderr and exit status 2.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"terms": [], "windowMonths": 6}`), 0o644); err != nil {
		t.Fatal(err)
	}
	null := filepath.Join(dir, "null.json")
	if err := os.WriteFile(null, []byte("null\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notJSON := filepath.Join(dir, "not.json")
	if err := os.WriteFile(notJSON, []byte("terms:\n  - 24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string // in the line on stderr
	}{
		{[]string{"-bogus"}, "not defined"},
		{[]string{"-today", "2021-02-30"}, "-today"},
		{[]string{"-today", ""}, "-today"},
		{[]string{"-policy", filepath.Join(dir, "missing.json")}, "-policy"},
		{[]string{"-policy", bad}, "-policy"},
		{[]string{"-policy", notJSON}, "-policy"},
		{[]string{"-policy", null}, "-policy"},
		{[]string{"extra"}, "unexpected argument"},
		{[]string{"-mcid", ""}, "-mcid"},
		{[]string{"-events"}, "flag needs an argument"},
		{[]string{"-lenient=maybe"}, "invalid boolean value"},
		{[]string{"-json", "-ics"}, "-json, -ics: choose one output"},
		{[]string{"-ics", "-json", "-today", "2021-02-30"}, "choose one output"},
		{[]string{"-svg", "-json"}, "-json, -svg: choose one output"},
		{[]string{"-ics", "-svg"}, "-ics, -svg: choose one output"},
		{[]string{"-svg", "-ics", "-json"}, "-json, -ics, -svg: choose one output"},
		{[]string{"-svg", "-alarm", "1h"}, "-alarm: an alarm is for the events of -ics"},
		{[]string{"-alarm", "1h"}, "-alarm: an alarm is for the events of -ics"},
		{[]string{"-json", "-alarm", "0"}, "-alarm: an alarm is for the events of -ics"},
		{[]string{"-ics", "-alarm", "-1h"}, "-alarm: want a duration of 0 or more, not -1h0m0s"},
		{[]string{"-ics", "-alarm", "soon"}, "invalid value \"soon\" for flag -alarm"},
		// The story needs a renewal 30 days before today, and the
		// roadmap's renewal assessments are offered from 2021-02-01.
		{[]string{"-today", "2021-03-02"}, "cannot have been renewed on 2021-01-31"},
		{[]string{"-today", "9999-12-31"}, "outside 0001-01-01..9999-12-31"},
		{[]string{"-today", "9999-01-01"}, "after 9999-12-31"},
		// Valid policies the story cannot follow: one sends no
		// reminders; under the other, validity grows from 12 to 36
		// months for credentials earned from 2026-06-01, so that no
		// credential expires from 2027-06-01 to 2029-05-31, and none is
		// in a window in the half year after 2027-06-15.
		{[]string{"-policy", filepath.Join("testdata", "policy-no-reminders.json")}, "sends no reminder"},
		{[]string{"-today", "2027-06-15", "-policy", filepath.Join("testdata", "policy-gap.json")}, "no earn day under the policy's terms"},
	} {
		var out, errs bytes.Buffer
		code := run(tt.args, now, &out, &errs)
		if code != 2 {
			t.Errorf("run(%q) = %d, want 2", tt.args, code)
		}
		if lines := strings.Count(errs.String(), "\n"); lines != 1 || !strings.HasPrefix(errs.String(), "timeline: ") || !strings.Contains(errs.String(), tt.want) {
			t.Errorf("run(%q) stderr = %q, want one line starting \"timeline: \" with %q", tt.args, errs.String(), tt.want)
		}
		if out.Len() != 0 {
			t.Errorf("run(%q) wrote to stdout: %q", tt.args, out.String())
		}
	}
}

// TestHelp checks that -h and -help print the usage, with every flag, on
// stdout and succeed, as flag users expect.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		var out, errs bytes.Buffer
		if code := run([]string{arg}, now, &out, &errs); code != 0 || errs.Len() != 0 {
			t.Errorf("run(%s) = %d, stderr %q", arg, code, errs.String())
		}
		for _, flag := range []string{"usage: timeline ", "-today", "-json", "-policy FILE", "-catalog FILE", "-events FILE", "-mcid MCID", "-lenient", "-lang TAG", "-ics", "-alarm DURATION", "-svg"} {
			if !strings.Contains(out.String(), flag) {
				t.Errorf("run(%s) usage lacks %q: %q", arg, flag, out.String())
			}
		}
	}
}

// TestSampleLog pins the sample holder's event log on 2026-12-01 in
// testdata/sample-2026-12-01.json, one event a line, and replays that file
// with -events: the timeline is the sample's, less what each title is in
// the story for. The log's days are those TestTable lists: the link on the
// day of the first event, the passes at 10:00 +08:00 on the renewal days
// and the failed attempts at 09:00 and 09:40.
func TestSampleLog(t *testing.T) {
	today := cert.MustParseDate("2026-12-01")
	st, err := sample(policy.Microsoft(), catalog(), sampleMCID, today)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i, e := range st.log {
		line, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		sep := ",\n  "
		if i == 0 {
			sep = "[\n  "
		}
		b.WriteString(sep)
		b.Write(line)
	}
	b.WriteString("\n]\n")
	golden.Check(t, "sample-2026-12-01.json", []byte(b.String()))

	var fromSample, fromFile, errs bytes.Buffer
	if code := run([]string{"-today", "2026-12-01", "-json"}, now, &fromSample, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	args := []string{"-today", "2026-12-01", "-json", "-events", filepath.Join("testdata", "sample-2026-12-01.json")}
	if code := run(args, now, &fromFile, &errs); code != 0 {
		t.Fatalf("run(%q) = %d: %s", args, code, errs.String())
	}
	var want, got map[string]any
	for _, v := range []struct {
		data []byte
		into *map[string]any
	}{{fromSample.Bytes(), &want}, {fromFile.Bytes(), &got}} {
		if err := json.Unmarshal(v.data, v.into); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range want["credentials"].([]any) {
		delete(c.(map[string]any), "shows")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the sample log read from its file gives another timeline (-want +got):\n%s", diff)
	}
}

// TestEvents replays testdata/events-good.json as of 2023-06-01 and checks
// the table against its golden file. By the rules:
//   - azure-administrator earned 2021-07-15 expires 2022-07-15 (V2); the
//     profile 1000002, merged in on 2021-07-18 before the link of
//     2021-07-20 (P2), held one earned 2020-01-10 that expired 2022-01-10
//     (V3), so ours, valid longer, stays current and theirs is an earlier
//     credential; its window opens 2022-01-15 (E2), and after a failed
//     attempt on 2022-02-01 at 09:00 +08:00 a retake at once (A2) passes
//     at 09:40, renewing it to 2023-07-15 (N1); the reminders of
//     2022-04-16, 2022-06-15 and 2022-07-08 are dropped (M3); on
//     2023-06-01 the next window, from 2023-01-15, is open, and its next
//     reminder is 30 days before the expiry, 2023-06-15 (M2);
//   - azure-developer came with the merge, earned 2021-03-10 and valid 24
//     months to 2023-03-10 (V3); it expired without a renewal and was
//     earned again on 2023-05-02, to 2024-05-02 (N6, V2), whose window
//     opens 2023-11-02, in 154 days, with reminders on 2024-02-02,
//     2024-04-02 and 2024-04-25 (M2);
//   - azure-solutions-architect earned 2022-03-01 with azure-administrator
//     active (R1) expired on 2023-03-01 (V2): Expired on 2023-06-01 (E1);
//   - the last event, a pass on 2023-06-20, is after the day and not
//     replayed.
func TestEvents(t *testing.T) {
	var out, errs bytes.Buffer
	args := []string{"-today", "2023-06-01", "-events", filepath.Join("testdata", "events-good.json")}
	if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
	}
	golden.Check(t, "events-good-2023-06-01.golden", out.Bytes())
	for _, want := range []string{
		"Holder 1000001, linked to Learn profile ada@example.com on 2021-07-20; decisions on 2023-06-01.\nProfiles merged into it: 1000002.\nOne event of the log, after 2023-06-01, is not replayed.\n",
		"  2022-02-01  renewal assessment, attempt 2 at 09:40 +08:00, a retake at once (RULES A2): passed; renewed: expires 2023-07-15 instead of 2022-07-15 (RULES N1)\n",
		"  2023-06-01 (today)  Eligible    On 2023-06-01 you can renew this certification. The last day to renew is 2023-07-14.\n  next reminder 2023-06-15, in 14 days\n",
		"  earlier credentials:\n  2020-01-10  earned; expired 2022-01-10; no attempt in its last cycle\n",
		"  2023-05-02  earned again by exam: expires 2024-05-02 (RULES N6)\n",
		"  2023-03-01  expires\n  2023-06-01  (today)\n  decisions:\n",
		"  2023-06-01 (today)  Expired     On 2023-06-01 you cannot renew this certification: it has expired, and is earned again by passing the required exams.\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %q", want)
		}
	}
}

// TestEventsMerge replays testdata/events-merge-longer.json as of
// 2022-03-01: the credential earned 2021-07-15, valid to 2022-07-15 (V2),
// is replaced on 2021-09-01 by the merged profile's, earned 2021-08-20 and
// valid longer, to 2022-08-20 (P2). The replaced one is an earlier
// credential, and nothing of its cycle after the merge is told: not its
// window, which would open on 2022-01-15, nor its expiry. The current one's
// window opens 2022-02-20 and is open; its next reminder is 90 days before
// the expiry, 2022-05-22 (M2).
func TestEventsMerge(t *testing.T) {
	var out, errs bytes.Buffer
	args := []string{"-today", "2022-03-01", "-events", filepath.Join("testdata", "events-merge-longer.json")}
	if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
	}
	for _, want := range []string{
		"  2021-07-15  earned\n" +
			"  2021-09-01  merged in from profile \"1000002\": earned 2021-08-20, expires 2022-08-20 (RULES P2)\n" +
			"  2022-02-20  renewal window opens (expires 2022-08-20)\n",
		"  2022-03-01 (today)  Eligible    On 2022-03-01 you can renew this certification. The last day to renew is 2022-08-19.\n",
		"  next reminder 2022-05-22, in 82 days\n",
		"  earlier credentials:\n  2021-07-15  earned; expires 2022-07-15; no attempt in its last cycle\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, out.String())
		}
	}
	for _, absent := range []string{"(expires 2022-07-15)", "  2022-07-15  expires"} {
		if strings.Contains(out.String(), absent) {
			t.Errorf("the table tells %q of the replaced credential:\n%s", absent, out.String())
		}
	}
}

// TestEventsJSON checks the JSON form of a replayed log against what
// API.md names: for each credential its cert and decisions, each with on,
// eligible and reason, among them one on the -today day that carries the
// window and eligibleFrom when the Decision has them. On 2023-06-01
// azure-administrator's window is [2023-01-15, 2023-07-15) (E2); the
// expert has expired (E1), so its Decision has neither.
func TestEventsJSON(t *testing.T) {
	var out, errs bytes.Buffer
	args := []string{"-today", "2023-06-01", "-json", "-events", filepath.Join("testdata", "events-good.json")}
	if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
	}
	var v struct {
		Credentials []struct {
			Cert      string
			Decisions []map[string]any
		}
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]any{}
	for _, c := range v.Credentials {
		for _, d := range c.Decisions {
			for _, key := range []string{"on", "eligible", "reason"} {
				if _, ok := d[key]; !ok {
					t.Errorf("%s: a decision lacks %q: %v", c.Cert, key, d)
				}
			}
			if s, _ := d["explanation"].(string); !strings.HasPrefix(s, "On "+d["on"].(string)+" you ") {
				t.Errorf("%s: the decision on %s is explained %q", c.Cert, d["on"], d["explanation"])
			}
			delete(d, "explanation")
			if d["on"] == "2023-06-01" {
				got[c.Cert] = d
			}
		}
	}
	want := map[string]map[string]any{
		"azure-administrator": {"on": "2023-06-01", "eligible": true, "reason": "Eligible",
			"window":       map[string]any{"opens": "2023-01-15", "closes": "2023-07-15", "last": "2023-07-14"},
			"eligibleFrom": "2023-01-15", "expires": "2023-07-15"},
		"azure-developer": {"on": "2023-06-01", "eligible": false, "reason": "NotYetOpen",
			"window":       map[string]any{"opens": "2023-11-02", "closes": "2024-05-02", "last": "2024-05-01"},
			"eligibleFrom": "2023-11-02", "expires": "2024-05-02"},
		"azure-solutions-architect": {"on": "2023-06-01", "eligible": false, "reason": "Expired", "expires": "2023-03-01"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decisions on 2023-06-01 mismatch (-want +got):\n%s", diff)
	}
}

// TestEventsRefused checks that a log with a refused event, replayed
// strictly, gets one line on stderr that names the event by its number,
// its index plus one, and the rule, and exit status 2, with nothing on
// stdout: in testdata/events-refused.json, the event of index 2 is an
// attempt on 2021-12-01, before the window of the credential earned
// 2021-07-15 opens on 2022-01-15 (A5, E2). Replayed as of 2021-11-30, the
// log stops before it and is accepted. With -mcid 1000002,
// testdata/events-good.json merges the profile into itself (P2).
func TestEventsRefused(t *testing.T) {
	refused := filepath.Join("testdata", "events-refused.json")
	good := filepath.Join("testdata", "events-good.json")
	for _, tt := range []struct {
		args []string
		want []string // in the line on stderr
	}{
		{[]string{"-events", refused}, []string{"Event 3 of the log was refused", "(RULES E2)", "its renewal window is not open yet"}},
		{[]string{"-events", refused, "-json"}, []string{"Event 3 of the log was refused", "(RULES E2)"}},
		{[]string{"-events", good, "-mcid", "1000002"}, []string{"Event 2 of the log was refused", "(RULES P2)", "“1000002”"}},
	} {
		var out, errs bytes.Buffer
		if code := run(tt.args, now, &out, &errs); code != 2 {
			t.Errorf("run(%q) = %d, want 2", tt.args, code)
		}
		checkLine(t, tt.args, errs.String(), tt.want...)
		if out.Len() != 0 {
			t.Errorf("run(%q) wrote to stdout: %q", tt.args, out.String())
		}
	}
	var out, errs bytes.Buffer
	if code := run([]string{"-events", refused, "-today", "2021-11-30"}, now, &out, &errs); code != 0 {
		t.Errorf("run(-today 2021-11-30) = %d: %s", code, errs.String())
	}
}

// TestEventsMalformed checks that a log that is not the JSON form of
// events gets one line on stderr, naming the event where there is one (by
// its number, its index plus one), the value at fault and what is wrong
// with it, and exit status 2, with nothing on stdout, with -lenient too: a
// lenient replay skips events the rules refuse, not a log it cannot read.
func TestEventsMalformed(t *testing.T) {
	dir := t.TempDir()
	file := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tt := range []struct {
		file string
		want []string // in the line on stderr
	}{
		{filepath.Join("testdata", "events-unknown-kind.json"), []string{"event 3 is at fault", `([2].kind: unknown kind "renewed"`}},
		{filepath.Join("testdata", "events-no-such-day.json"), []string{"event 2 is at fault", "“2022-02-30” is not a valid date", `([1].on)`}},
		{file("empty.json", ""), []string{"cannot be read", "the input is empty"}},
		{file("null.json", "null\n"), []string{"cannot be read", "null"}},
		{file("object.json", `{"kind": "earned"}`), []string{"cannot be read", "not an object"}},
		{file("truncated.json", `[{"kind": "earned", "cert": "azure-administrator",`), []string{"event 1 is at fault", "end of the input"}},
		{filepath.Join(dir, "missing.json"), []string{"missing.json: no such file"}},
	} {
		for _, args := range [][]string{{"-events", tt.file}, {"-events", tt.file, "-json"}, {"-events", tt.file, "-lenient"}} {
			var out, errs bytes.Buffer
			if code := run(args, now, &out, &errs); code != 2 {
				t.Errorf("run(%q) = %d, want 2", args, code)
			}
			checkLine(t, args, errs.String(), append([]string{"-events"}, tt.want...)...)
			if out.Len() != 0 {
				t.Errorf("run(%q) wrote to stdout: %q", args, out.String())
			}
		}
	}
}

// TestMCID checks that -mcid names the sample holder.
func TestMCID(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-today", "2026-12-01", "-mcid", "42"}, now, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if want := "Holder 42, linked to Learn profile ada@example.com on 2023-12-01; decisions on 2026-12-01.\n"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("output starts %q, want %q", strings.SplitAfter(out.String(), "\n")[0], want)
	}
}

// checkLine checks that stderr is one line starting "timeline: " that holds
// each of want.
func checkLine(t *testing.T, args []string, stderr string, want ...string) {
	t.Helper()
	if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") || !strings.HasPrefix(stderr, "timeline: ") {
		t.Errorf("run(%q) stderr = %q, want one line starting \"timeline: \"", args, stderr)
		return
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("run(%q) stderr = %q, want it to hold %q", args, stderr, w)
		}
	}
}

// TestLenient replays testdata/events-refused.json leniently as of
// 2023-06-01 and checks the table against its golden file, which numbers
// the events from 1. The replay skips the event of index 2, an attempt on
// 2021-12-01 before the window of the credential earned 2021-07-15 opens
// on 2022-01-15 (E2, A5); that of index 4, the enterprise administrator
// expert on 2022-03-01 with none of its associates (R1); and that of index
// 6, a day before the event before it. It keeps the pass
// of 2022-02-01, which renews the credential from 2022-07-15 to 2023-07-15
// (N1), the fundamentals title of 2022-04-01 (V1), and the link again to
// the same Learn profile on 2022-05-01, which changes nothing (P1).
func TestLenient(t *testing.T) {
	var out, errs bytes.Buffer
	args := []string{"-today", "2023-06-01", "-lenient", "-events", filepath.Join("testdata", "events-refused.json")}
	if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
	}
	golden.Check(t, "events-refused-lenient-2023-06-01.golden", out.Bytes())
	for _, want := range []string{
		"Refused events, skipped:\n" +
			"  2021-12-01  Event 3 of the log was refused: a passed attempt at the renewal assessment of “azure-administrator” at 2021-12-01 09:00 (UTC+08:00). " +
			"On 2021-12-01 you cannot take the renewal assessment: its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14. (RULES E2)\n",
		"  2022-03-01  Event 5 of the log was refused: passing the exam for “m365-enterprise-administrator” on 2022-03-01. " +
			"To earn this expert certification, one of its associate prerequisites must be active on that day. (RULES R1)\n",
		"  2022-01-10  Event 7 of the log was refused: passing the exam for “azure-developer” on 2022-01-10. " +
			"An event is dated before the event before it: the events must be in order of their days.\n",
		"  2022-02-01  renewal assessment, attempt 1 at 09:00 +08:00: passed; renewed: expires 2023-07-15 instead of 2022-07-15 (RULES N1)\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %q", want)
		}
	}
}

// TestLenientJSON checks the refused events in the JSON form of a lenient
// replay (index, event, rule, error text), and that the rest of the
// timeline is the strict replay's of the log without them: the state that
// history.Replayer.Lenient promises.
func TestLenientJSON(t *testing.T) {
	refused := filepath.Join("testdata", "events-refused.json")
	var out, errs bytes.Buffer
	args := []string{"-today", "2023-06-01", "-json", "-lenient", "-events", refused}
	if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
	}
	var lenient map[string]any
	if err := json.Unmarshal(out.Bytes(), &lenient); err != nil {
		t.Fatal(err)
	}
	type refusalOut struct {
		Index int
		Event struct{ Kind, Cert, On, At string }
		Rule  string
		Error string
	}
	var v struct{ Refused []refusalOut }
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	for _, r := range v.Refused {
		if r.Error == "" {
			t.Errorf("refused event %d has no error text", r.Index)
		}
	}
	for i := range v.Refused {
		v.Refused[i].Error = ""
	}
	want := []refusalOut{
		{Index: 2, Event: struct{ Kind, Cert, On, At string }{"attempt", "azure-administrator", "", "2021-12-01T09:00:00+08:00"}, Rule: "E2"},
		{Index: 4, Event: struct{ Kind, Cert, On, At string }{"earned", "m365-enterprise-administrator", "2022-03-01", ""}, Rule: "R1"},
		{Index: 6, Event: struct{ Kind, Cert, On, At string }{"earned", "azure-developer", "2022-01-10", ""}, Rule: ""},
	}
	if diff := cmp.Diff(want, v.Refused); diff != "" {
		t.Errorf("refused events mismatch (-want +got):\n%s", diff)
	}

	// The log without the refused events, replayed strictly.
	data, err := os.ReadFile(refused)
	if err != nil {
		t.Fatal(err)
	}
	var all []json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	var kept []json.RawMessage
	for i, e := range all {
		if i != 2 && i != 4 && i != 6 {
			kept = append(kept, e)
		}
	}
	data, err = json.Marshal(kept)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "kept.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	args = []string{"-today", "2023-06-01", "-json", "-events", file}
	if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
	}
	var strict map[string]any
	if err := json.Unmarshal(out.Bytes(), &strict); err != nil {
		t.Fatal(err)
	}
	delete(lenient, "refused")
	if diff := cmp.Diff(strict, lenient); diff != "" {
		t.Errorf("lenient timeline mismatch with the strict one of the log without its refused events (-want +got):\n%s", diff)
	}
}

// TestLenientSample checks that the sample log, which the rules accept,
// has no refused events with -lenient, and that without -lenient the JSON
// has no "refused" at all.
func TestLenientSample(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-today", "2026-12-01", "-lenient", "-json"}, "[]"},
		{[]string{"-today", "2026-12-01", "-json"}, ""},
	} {
		var out, errs bytes.Buffer
		if code := run(tt.args, now, &out, &errs); code != 0 {
			t.Fatalf("run(%q) = %d: %s", tt.args, code, errs.String())
		}
		var v map[string]json.RawMessage
		if err := json.Unmarshal(out.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		if got := string(v["refused"]); got != tt.want {
			t.Errorf("run(%q): refused = %q, want %q", tt.args, got, tt.want)
		}
	}
	var out, errs bytes.Buffer
	if code := run([]string{"-today", "2026-12-01", "-lenient"}, now, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if want := "\nRefused events, skipped:\n  none\n"; !strings.HasSuffix(out.String(), want) {
		t.Errorf("the table does not end with %q", want)
	}
}

// TestLanguages checks the table in each language of -lang on 2026-12-01:
// the tags of Simplified Chinese give the table of testdata/table-zh.golden,
// and "en" and every other tag, Traditional Chinese's among them, give the
// English one, table.golden. The days are TestTable's, as Chinese writes
// them: the associate renewed to 2028-04-11 may renew from 2027-10-11
// until 2028-04-10 (E2, D2); the expert's window opens and its first
// reminder is sent on 2026-12-08, in 7 days (M2).
func TestLanguages(t *testing.T) {
	for _, tt := range []struct {
		tags   []string
		golden string
		want   []string
	}{
		{[]string{"zh", "zh-CN", "zh-Hans", "ZH_hans_cn"}, "table-zh.golden", []string{
			"持证人 1000001，于 2023年12月1日 连接到 Microsoft Learn 上的文档配置文件 ada@example.com；决定日期为 2026年12月1日。\n",
			"Microsoft Certified: Azure Administrator Associate（助理级，azure-administrator）：已更新 3 次，最近一次在 30 天前，前一天有 2 次尝试未通过；",
			"  2026年11月1日   更新评估，第 3 次尝试，时间 10:00（UTC+08:00），自 2026年11月1日 09:40（UTC+08:00）起可以重考（RULES A3）：通过；已更新：过期日期从 2027年4月11日 延至 2028年4月11日（RULES N1）\n",
			"  2026年12月1日（今天）  NotYetOpen  您在 2026年12月1日 不能更新此认证：其更新窗口尚未开放。您可以在 2027年10月11日 至 2028年4月10日 期间更新此认证。\n",
			"  2026年12月1日  （今天）\n  2026年12月8日  此认证的更新窗口将于 2026年12月8日 开放，更新的最后一天是 2027年6月7日。\n" +
				"  2026年12月8日  第 1 次提醒（2026年12月8日）：您可以更新此认证，最晚至 2027年6月7日；此认证将于 2027年6月8日 过期。\n",
			"  下次提醒：2026年12月8日，7 天后\n",
			"  以前的证书：\n  2025年7月1日  获得认证；已于 2026年7月1日 过期；最后一个周期：1 次尝试未通过\n",
		}},
		{[]string{"en", "en-GB", "fr", "zh-TW", "zh-Hant", ""}, "table.golden", nil},
	} {
		for i, tag := range tt.tags {
			var out, errs bytes.Buffer
			args := []string{"-today", "2026-12-01", "-lang", tag}
			if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
				t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
			}
			if i == 0 {
				golden.Check(t, tt.golden, out.Bytes())
			} else if want, err := os.ReadFile(filepath.Join("testdata", tt.golden)); err != nil || !bytes.Equal(out.Bytes(), want) {
				t.Errorf("run(%q) is not %s (%v)", args, tt.golden, err)
			}
			for _, want := range tt.want {
				if !strings.Contains(out.String(), want) {
					t.Errorf("run(%q) lacks %q", args, want)
				}
			}
		}
	}
}

// TestLanguagesLenient checks, against its golden file, the Chinese table
// of the lenient replay of TestLenient, whose refused events explain tells
// in Chinese, each with its rule.
func TestLanguagesLenient(t *testing.T) {
	var out, errs bytes.Buffer
	args := []string{"-today", "2023-06-01", "-lenient", "-lang", "zh", "-events", filepath.Join("testdata", "events-refused.json")}
	if code := run(args, now, &out, &errs); code != 0 || errs.Len() != 0 {
		t.Fatalf("run(%q) = %d, %q", args, code, errs.String())
	}
	golden.Check(t, "events-refused-lenient-2023-06-01-zh.golden", out.Bytes())
	for _, want := range []string{
		"被拒绝并跳过的事件：\n  2021年12月1日  日志中的第 3 个事件被拒绝：于 2021年12月1日 09:00（UTC+08:00）通过“azure-administrator”的更新评估。" +
			"您在 2021年12月1日 不能参加更新评估：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。（RULES E2）\n",
		"  2022年3月1日   日志中的第 5 个事件被拒绝：于 2022年3月1日 通过“m365-enterprise-administrator”的考试。",
		"  2022年1月10日  日志中的第 7 个事件被拒绝：",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %q", want)
		}
	}
}

// TestLanguagesErrors checks that the line on stderr is in the language of
// -lang: the program's words, explain's sentences with the rule, and the
// refusal of package flag in its own words after the program's.
func TestLanguagesErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"-lang", "zh", "-bogus"}, []string{"命令行有误：", "-bogus"}},
		{[]string{"-lang", "zh", "-today", "2021-02-30"}, []string{"-today: ", "“2021-02-30”不是有效的日期"}},
		{[]string{"-lang", "zh", "-policy", filepath.Join(dir, "missing.json")}, []string{"missing.json: 文件不存在"}},
		{[]string{"-lang", "zh", "extra"}, []string{"多余的参数“extra”"}},
		{[]string{"-lang", "zh", "-mcid", ""}, []string{"-mcid: 需要认证配置文件的 MCID"}},
		{[]string{"-lang", "zh", "-today", "2021-03-02"}, []string{"示例故事无法围绕 2021年3月2日 安排", "在 2021年1月31日（30 天前）更新", "AssessmentUnavailable"}},
		{[]string{"-lang", "zh", "-events", filepath.Join("testdata", "events-refused.json")}, []string{"日志中的第 3 个事件被拒绝", "其更新窗口尚未开放", "（RULES E2）"}},
		{[]string{"-lang", "zh", "-events", filepath.Join("testdata", "events-unknown-kind.json")}, []string{"无法读取事件日志：第 3 个事件有误。", `（[2].kind: unknown kind "renewed"`}},
		{[]string{"-lang", "zh-TW", "-mcid", ""}, []string{"-mcid: want the MCID"}},
	} {
		var out, errs bytes.Buffer
		if code := run(tt.args, now, &out, &errs); code != 2 {
			t.Errorf("run(%q) = %d, want 2", tt.args, code)
		}
		checkLine(t, tt.args, errs.String(), tt.want...)
		if out.Len() != 0 {
			t.Errorf("run(%q) wrote to stdout: %q", tt.args, out.String())
		}
	}
}

// TestLanguagesJSON checks that -lang changes the JSON only in the
// decisions' explanations: the keys, the events' "what" and the titles'
// "shows" stay English, for programs to read.
func TestLanguagesJSON(t *testing.T) {
	explained := map[string]int{}
	strip := func(tag string) map[string]any {
		var out, errs bytes.Buffer
		args := []string{"-today", "2026-12-01", "-json", "-lang", tag}
		if code := run(args, now, &out, &errs); code != 0 {
			t.Fatalf("run(%q) = %d: %s", args, code, errs.String())
		}
		var v map[string]any
		if err := json.Unmarshal(out.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		for _, c := range v["credentials"].([]any) {
			for _, d := range c.(map[string]any)["decisions"].([]any) {
				d := d.(map[string]any)
				s, _ := d["explanation"].(string)
				if tag == "zh" && strings.HasPrefix(s, "您") || tag == "en" && strings.HasPrefix(s, "On ") {
					explained[tag]++
				} else {
					t.Errorf("-lang %s: decision on %s explained %q", tag, d["on"], s)
				}
				delete(d, "explanation")
			}
		}
		return v
	}
	en, zh := strip("en"), strip("zh")
	if diff := cmp.Diff(en, zh); diff != "" {
		t.Errorf("the JSON of -lang zh differs from -lang en's beyond the explanations (-en +zh):\n%s", diff)
	}
	if explained["en"] == 0 || explained["en"] != explained["zh"] {
		t.Errorf("explained decisions: %v", explained)
	}
}

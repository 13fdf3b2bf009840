package main

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/certrenew/certrenew/examples/internal/golden"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/google/go-cmp/cmp"
)

// today is a fixed day for the default of -day.
var today = day("2026-12-01")

// timings are the figures of the lines on time and throughput, which vary
// from run to run.
var timings = regexp.MustCompile(`[0-9][0-9.]*(ns|µs|ms|s|m[0-9.]+s|h[0-9]+m[0-9.]+s)?`)

// masked returns out with the figures of its lines on time and throughput
// replaced by N.
func masked(out []byte) []byte {
	lines := strings.SplitAfter(string(out), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Throughput ") || strings.HasPrefix(l, "Time ") {
			lines[i] = timings.ReplaceAllString(l, "N")
		}
	}
	return []byte(strings.Join(lines, ""))
}

// TestOutput checks the output for 5000 holders of seed 1 on 2026-12-01
// against its golden file, but for its timings. TestCounts checks the
// counts of such a run against the holders' states, kind by kind. Here no
// holder can first renew later than a window opens: every title's renewal
// assessment has been offered since 2021-02-15 (E3, H1); and each window
// opening is also a reminder, on the first eligible day (M2). The chart's
// weeks start on the day, and its longest bar is 50 wide.
func TestOutput(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-n", "5000", "-seed", "1", "-day", "2026-12-01", "-workers", "2"}, today, &out, &errs, false); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	golden.Check(t, "batch.golden", masked(out.Bytes()))
	for _, want := range []string{
		"Daily batch on 2026-12-01: 5000 synthetic holders, seed 1, on 2 workers\n",
		"  WindowOpens         20\n  CanRenew             0\n  Reminder            47\n",
		"Reminders from 2026-12-01 to 2027-05-31: ",
		"\n  2026-12-01  #",
		"\n  2027-05-25  #",
		"#" + strings.Repeat("#", 49) + " ",
		"Throughput   N credentials/s on all workers, N credentials/s per worker\n",
	} {
		if !strings.Contains(string(masked(out.Bytes())), want) {
			t.Errorf("the output lacks %q", want)
		}
	}
}

// TestJSON checks that -json prints JSON with the figures of the text, and
// the same JSON, but for its timings (0 in the file), as its golden file. The timings are
// there, and no time is negative.
func TestJSON(t *testing.T) {
	args := []string{"-n", "5000", "-seed", "1", "-day", "2026-12-01", "-workers", "2"}
	var text, out, errs bytes.Buffer
	if code := run(args, today, &text, &errs, false); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if code := run(append(args, "-json"), today, &out, &errs, false); code != 0 {
		t.Fatalf("-json: exit %d: %s", code, errs.String())
	}
	var rep report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	// The report read back prints the text, but for its timings.
	var again bytes.Buffer
	rep.print(&again)
	if diff := cmp.Diff(string(masked(text.Bytes())), string(masked(again.Bytes()))); diff != "" {
		t.Errorf("the JSON's figures mismatch the text's (-text +json):\n%s", diff)
	}
	// Every kind but the last day of a grace period, which Microsoft's
	// policy does not have (RULES G1).
	if len(rep.Due.ByKind) != len(agenda.Kinds)-1 || len(rep.Reminders.Weeks) != weeks {
		t.Errorf("%d kinds, %d weeks; want %d, %d", len(rep.Due.ByKind), len(rep.Reminders.Weeks), len(agenda.Kinds)-1, weeks)
	}
	s := rep.Seconds
	if s.Checking <= 0 || s.BusiestWorker <= 0 || s.BusiestWorker > s.Checking || s.Drawing <= 0 || s.Charting <= 0 || s.Wall <= 0 ||
		rep.CredentialsPerSecond.AllWorkers < rep.CredentialsPerSecond.PerWorker {
		t.Errorf("timings %+v, throughput %+v", s, rep.CredentialsPerSecond)
	}
	golden.Check(t, "batch.json", jsonTimings.ReplaceAll(out.Bytes(), []byte("${1}0")))
}

// jsonTimings are the timings of the JSON form, and its throughput.
var jsonTimings = regexp.MustCompile(`("(checking|busiestWorker|charting|drawing|wall|allWorkers|perWorker)": )[0-9.e+-]+`)

// TestWorkers checks that the output is the same, but for its first line
// and its timings, for any number of workers.
func TestWorkers(t *testing.T) {
	var want string
	for _, workers := range []int{1, 2, 3, 8} {
		var out, errs bytes.Buffer
		if code := run([]string{"-n", "3000", "-seed", "5", "-day", "2026-12-01", "-workers", strconv.Itoa(workers)}, today, &out, &errs, false); code != 0 {
			t.Fatalf("-workers %d: exit %d: %s", workers, code, errs.String())
		}
		first, got, _ := strings.Cut(string(masked(out.Bytes())), "\n")
		if want := "on " + workersText(workers); !strings.HasSuffix(first, want) || workers == 1 && want != "on 1 worker" {
			t.Errorf("-workers %d: first line %q", workers, first)
		}
		if workers == 1 {
			want = got
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("-workers %d mismatch (-workers 1 +workers %d):\n%s", workers, workers, diff)
		}
	}
}

// TestDefaultDay checks that -day defaults to today.
func TestDefaultDay(t *testing.T) {
	var a, b, errs bytes.Buffer
	if code := run([]string{"-n", "100"}, today, &a, &errs, false); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if code := run([]string{"-n", "100", "-day", "2026-12-01"}, today, &b, &errs, false); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if diff := cmp.Diff(string(masked(b.Bytes())), string(masked(a.Bytes()))); diff != "" {
		t.Errorf("default -day mismatch (-want +got):\n%s", diff)
	}
}

// TestDayRange checks that -day takes the first day the holders earn
// titles, 2019-01-01, and the last day whose weeks of the chart end by
// 9999-12-31; TestBadFlags checks the days on either side.
func TestDayRange(t *testing.T) {
	for _, d := range []string{"2019-01-01", "9999-07-03"} {
		var out, errs bytes.Buffer
		if code := run([]string{"-n", "500", "-day", d}, today, &out, &errs, false); code != 0 {
			t.Errorf("-day %s: exit %d: %s", d, code, errs.String())
		}
		if !strings.HasPrefix(out.String(), "Daily batch on "+d+": ") {
			t.Errorf("-day %s: output starts %.40q", d, out.String())
		}
	}
}

// TestBadFlags checks that a bad flag gets one line on stderr, nothing on
// stdout and exit status 2, on a terminal too.
func TestBadFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string // in the line on stderr
	}{
		{[]string{"-bogus"}, "not defined"},
		{[]string{"-n", "0"}, "-n"},
		{[]string{"-n", "-5"}, "-n"},
		{[]string{"-n", "many"}, "invalid value"},
		{[]string{"-seed", "-1"}, "invalid value"},
		{[]string{"-day", "2026-02-30"}, "-day"},
		{[]string{"-day", ""}, "-day"},
		{[]string{"-day", "2018-12-31"}, "before 2019-01-01"},
		{[]string{"-day", "9999-07-04"}, "end after 9999-12-31"},
		{[]string{"-day"}, "flag needs an argument"},
		{[]string{"-workers", "0"}, "-workers"},
		{[]string{"-workers", "1025"}, "-workers"},
		{[]string{"extra"}, "unexpected argument"},
		{[]string{"-json=maybe"}, "invalid boolean value"},
	} {
		for _, terminal := range []bool{false, true} {
			var out, errs bytes.Buffer
			if code := run(tt.args, today, &out, &errs, terminal); code != 2 {
				t.Errorf("run(%q) = %d, want 2", tt.args, code)
			}
			if lines := strings.Count(errs.String(), "\n"); lines != 1 || !strings.HasPrefix(errs.String(), "batch: ") || !strings.Contains(errs.String(), tt.want) {
				t.Errorf("run(%q) stderr = %q, want one line starting \"batch: \" with %q", tt.args, errs.String(), tt.want)
			}
			if out.Len() != 0 {
				t.Errorf("run(%q) wrote to stdout: %q", tt.args, out.String())
			}
		}
	}
}

// TestHelp checks that -h and -help print the usage, with every flag, on
// stdout and succeed.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		var out, errs bytes.Buffer
		if code := run([]string{arg}, today, &out, &errs, false); code != 0 || errs.Len() != 0 {
			t.Errorf("run(%s) = %d, stderr %q", arg, code, errs.String())
		}
		for _, flag := range []string{"usage: batch ", "-n number", "-seed seed", "-day day", "-json", "-workers number"} {
			if !strings.Contains(out.String(), flag) {
				t.Errorf("run(%s) usage lacks %q: %q", arg, flag, out.String())
			}
		}
	}
}

// progressLine is a line of progress.
var progressLine = regexp.MustCompile(`^batch: +[0-9]+%, [0-9]+ of 10000 holders(, [0-9]+ holders/s, [0-9hms]+ left)?$`)

// TestProgress checks the progress line on stderr: shown on a terminal for
// 10000 holders or more, rewritten in place with carriage returns, never
// ending a line, and cleared at the end; not shown when stderr is not a
// terminal, with -json, or for fewer holders. The output on stdout is the
// same either way.
func TestProgress(t *testing.T) {
	args := []string{"-n", "10000", "-seed", "2", "-day", "2026-12-01", "-workers", "2"}
	var quiet, out, errs bytes.Buffer
	if code := run(args, today, &quiet, &errs, false); code != 0 || errs.Len() != 0 {
		t.Fatalf("not a terminal: exit %d, stderr %q", code, errs.String())
	}
	if code := run(args, today, &out, &errs, true); code != 0 {
		t.Fatalf("on a terminal: exit %d: %s", code, errs.String())
	}
	if diff := cmp.Diff(string(masked(quiet.Bytes())), string(masked(out.Bytes()))); diff != "" {
		t.Errorf("stdout on a terminal mismatch (-not a terminal +terminal):\n%s", diff)
	}
	// "\r" line "\r" line ... "\r" the last line "\r" spaces "\r": each line
	// overwrites the one before, the spaces clear the last.
	parts := strings.Split(errs.String(), "\r")
	if n := len(parts); n < 4 || parts[0] != "" || parts[n-1] != "" || strings.Trim(parts[n-2], " ") != "" {
		t.Fatalf("progress %q is not lines rewritten in place, then cleared", errs.String())
	}
	lines := parts[1 : len(parts)-2]
	for _, l := range lines {
		if !progressLine.MatchString(strings.TrimRight(l, " ")) {
			t.Errorf("progress line %q", l)
		}
	}
	if last := strings.TrimRight(lines[len(lines)-1], " "); !strings.HasPrefix(last, "batch: 100%, 10000 of 10000 holders, ") || !strings.HasSuffix(last, ", 0s left") {
		t.Errorf("last progress line %q", last)
	}
	for _, tt := range []struct {
		what string
		args []string
	}{
		{"-json", append(args, "-json")},
		{"9999 holders", []string{"-n", "9999", "-day", "2026-12-01"}},
	} {
		errs.Reset()
		if code := run(tt.args, today, io.Discard, &errs, true); code != 0 || errs.Len() != 0 {
			t.Errorf("%s on a terminal: exit %d, stderr %q", tt.what, code, errs.String())
		}
	}
}

package ical_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/agenda/ical"
)

var day = cert.MustParseDate

var stamp = time.Date(2022, 1, 1, 8, 0, 0, 0, time.UTC)

func items() []agenda.Item {
	x := day("2022-07-15")
	return []agenda.Item{
		{Kind: agenda.WindowOpens, Cert: "azure-administrator", On: day("2022-01-15"), Expires: x},
		{Kind: agenda.Reminder, Cert: "azure-administrator", On: day("2022-01-15"), N: 1, Expires: x},
		{Kind: agenda.LockoutLifts, Cert: "azure-administrator", On: day("2022-02-02"), At: time.Date(2022, 2, 2, 18, 0, 0, 0, time.FixedZone("UTC+8", 8*3600)), Expires: x},
		{Kind: agenda.LastDay, Cert: "azure-administrator", On: day("2022-07-14"), Expires: x},
		{Kind: agenda.Expires, Cert: "azure-administrator", On: day("2022-07-15"), Expires: x},
	}
}

// TestRender checks the form of the text: CRLF line ends, lines of at most
// 75 octets, all-day and timed events, and the same bytes twice.
func TestRender(t *testing.T) {
	c := ical.Calendar{MCID: "1000001", Stamp: stamp, Name: "Renewals"}
	out := c.Render(items())
	checkLines(t, out)
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//certrenew//agenda//EN\r\n",
		"UID:windowopens-20220115-azure-administrator@1000001.certrenew\r\n",
		"DTSTAMP:20220101T080000Z\r\n",
		"DTSTART;VALUE=DATE:20220115\r\nDTEND;VALUE=DATE:20220116\r\n",
		"DTSTART:20220202T100000Z\r\n", // the lockout, in UTC
		"SUMMARY:Last day to renew: azure-administrator\r\n",
		"END:VCALENDAR\r\n",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the calendar lacks %q:\n%s", want, out)
		}
	}
	if !bytes.Equal(out, c.Render(items())) {
		t.Error("the same agenda gave other bytes")
	}
	if bytes.Contains(out, []byte("VALARM")) {
		t.Error("an alarm nobody asked for")
	}
	c.Alarm = 24*time.Hour + 90*time.Minute
	if out := c.Render(items()); !bytes.Contains(out, []byte("BEGIN:VALARM\r\nACTION:DISPLAY\r\n")) || !bytes.Contains(out, []byte("TRIGGER:-P1DT1H30M\r\n")) {
		t.Errorf("the alarm asked for:\n%s", out)
	}
}

// TestRenderText checks escaping and folding of odd text: commas,
// semicolons, backslashes, newlines and Chinese text longer than a line.
func TestRenderText(t *testing.T) {
	long := strings.Repeat("您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。", 4)
	odd := "a, b; c\\d\ne"
	c := ical.Calendar{MCID: "1000001", Stamp: stamp, Summary: func(it agenda.Item) string {
		if it.Kind == agenda.Reminder {
			return odd
		}
		return long
	}}
	out := c.Render(items())
	checkLines(t, out)
	if !bytes.Contains(out, []byte(`SUMMARY:a\, b\; c\\d\ne`+"\r\n")) {
		t.Errorf("escaping:\n%s", out)
	}
	cal := parse(t, out)
	for _, e := range cal.Events() {
		got := e.GetProperty(ics.ComponentPropertySummary).Value
		want := long
		if strings.HasPrefix(e.Id(), "reminder") {
			want = odd
		}
		if got != want {
			t.Errorf("SUMMARY read back %q, want %q", got, want)
		}
	}
}

// TestParseBack reads the calendar back with a real parser: every UID,
// summary and date equal to what went in.
func TestParseBack(t *testing.T) {
	its := items()
	c := ical.Calendar{MCID: "1000001", Stamp: stamp, Alarm: time.Hour}
	checkParsed(t, c, its)
}

// checkParsed parses the rendering of its and compares each event with its
// item.
func checkParsed(t *testing.T, c ical.Calendar, its []agenda.Item) {
	t.Helper()
	out := c.Render(its)
	checkLines(t, out)
	cal := parse(t, out)
	events := cal.Events()
	if len(events) != len(its) {
		t.Fatalf("%d events read back, want %d", len(events), len(its))
	}
	summary := c.Summary
	if summary == nil {
		summary = ical.DefaultSummary
	}
	for i, e := range events {
		it := its[i]
		if e.Id() != ical.UID(c.MCID, it) {
			t.Errorf("event %d: UID %q, want %q", i, e.Id(), ical.UID(c.MCID, it))
		}
		if got := e.GetProperty(ics.ComponentPropertySummary).Value; got != strings.Map(keep, summary(it)) {
			t.Errorf("event %d: SUMMARY %q, want %q", i, got, summary(it))
		}
		if it.Kind == agenda.LockoutLifts {
			start, err := e.GetStartAt()
			if err != nil || !start.Equal(it.At.Truncate(time.Second)) {
				t.Errorf("event %d: DTSTART %v, %v; want %v", i, start, err, it.At)
			}
		} else {
			start, err := e.GetAllDayStartAt()
			if err != nil || cert.DateOf(start) != it.On {
				t.Errorf("event %d: DTSTART %v, %v; want %s", i, start, err, it.On)
			}
		}
		if st, err := e.GetDtStampTime(); err != nil || !st.Equal(c.Stamp.Truncate(time.Second)) {
			t.Errorf("event %d: DTSTAMP %v, %v", i, st, err)
		}
	}
}

// keep drops what TEXT cannot hold, as the rendering does.
func keep(r rune) rune {
	if r == utf8.RuneError || r < 0x20 && r != '\n' || r == 0x7f {
		return -1
	}
	return r
}

func parse(t *testing.T, out []byte) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("ParseCalendar: %v\n%s", err, out)
	}
	return cal
}

// checkLines checks that every line ends in CRLF, holds at most 75 octets
// and valid UTF-8, and that a continuation line starts with a space.
func checkLines(t *testing.T, out []byte) {
	t.Helper()
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Fatal("the text does not end in CRLF")
	}
	for i, line := range bytes.Split(out[:len(out)-2], []byte("\r\n")) {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets: %q", i, len(line), line)
		}
		if bytes.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i, line)
		}
		if !utf8.Valid(line) {
			t.Errorf("line %d splits a UTF-8 character: %q", i, line)
		}
	}
}

// TestFoldBoundary checks that a line of exactly 75 octets is not folded,
// and one of 76 is, into 75 and a continuation line.
func TestFoldBoundary(t *testing.T) {
	for _, n := range []int{75, 76} {
		summary := strings.Repeat("x", n-len("SUMMARY:"))
		c := ical.Calendar{Stamp: stamp, Summary: func(agenda.Item) string { return summary }}
		out := string(c.Render(items()[:1]))
		line := "SUMMARY:" + summary + "\r\n"
		if n == 76 {
			line = "SUMMARY:" + summary[:75-len("SUMMARY:")] + "\r\n " + summary[75-len("SUMMARY:"):] + "\r\n"
		}
		if !strings.Contains(out, line) {
			t.Errorf("a line of %d octets is not written as %q:\n%s", n, line, out)
		}
	}
}

// TestAlarmDurations checks the TRIGGER of alarms of several lengths (RFC
// 5545 3.3.6).
func TestAlarmDurations(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Nanosecond:                "-PT1S",
		45 * time.Second:               "-PT45S",
		15 * time.Minute:               "-PT15M",
		90 * time.Minute:               "-PT1H30M",
		24 * time.Hour:                 "-P1D",
		26*time.Hour + 5*time.Second:   "-P1DT2H5S",
		7*24*time.Hour + 1*time.Minute: "-P7DT1M",
	} {
		c := ical.Calendar{Stamp: stamp, Alarm: d}
		if out := string(c.Render(items()[:1])); !strings.Contains(out, "TRIGGER:"+want+"\r\n") {
			t.Errorf("alarm %v: want TRIGGER:%s in\n%s", d, want, out)
		}
	}
}

// TestRenderGrace checks the event of the last day of a grace period
// (RULES G1): an all-day event, like the last day's, that reads back.
func TestRenderGrace(t *testing.T) {
	it := agenda.Item{Kind: agenda.GraceLastDay, Cert: "azure-administrator", On: day("2022-08-13"), Expires: day("2022-07-15")}
	c := ical.Calendar{MCID: "1000001", Stamp: stamp}
	out := c.Render([]agenda.Item{it})
	for _, want := range []string{
		"UID:gracelastday-20220813-azure-administrator@1000001.certrenew\r\n",
		"DTSTART;VALUE=DATE:20220813\r\nDTEND;VALUE=DATE:20220814\r\n",
		"SUMMARY:Last day to renew in the grace period: azure-administrator\r\n",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the calendar lacks %q:\n%s", want, out)
		}
	}
	checkParsed(t, c, append(items(), it))
}

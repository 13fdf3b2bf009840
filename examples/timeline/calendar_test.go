package main

import (
	"bytes"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/examples/internal/golden"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda/ical"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

// TestICS checks -ics on 2026-12-01 against its golden files, in English
// and, with a day's alarm, in Chinese; that it gives the same bytes twice;
// and that a real parser reads it back: the calendar named for the holder
// and one event per item of the agenda, with its UID, its DTSTAMP at
// midnight UTC of -today, its day and its summary as explain.Item tells it.
//
// The agenda from 2026-12-01 (TestTable's days) has 26 items: for the
// associate renewed to 2028-04-11 and the one earned again, to
// 2027-09-01, each its window's opening (2027-10-11, 2027-03-01), four
// reminders, the last day and the expiry (E2, M2, D2); for the specialty,
// whose window opened 2026-10-02, the three reminders left from
// 2027-01-02, the last day 2027-04-01 and the expiry 2027-04-02; for the
// expert the window from 2026-12-08, four reminders, the last day
// 2027-06-07 and the expiry 2027-06-08; none for the fundamentals title
// (V1).
func TestICS(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		golden string
		lang   explain.Language
		alarm  bool
	}{
		{[]string{"-today", "2026-12-01", "-ics"}, "agenda-2026-12-01.ics", explain.English, false},
		{[]string{"-today", "2026-12-01", "-ics", "-lang", "zh", "-alarm", "24h"}, "agenda-2026-12-01-zh.ics", explain.Chinese, true},
	} {
		var out, again, errs bytes.Buffer
		if code := run(tt.args, now, &out, &errs); code != 0 || errs.Len() != 0 {
			t.Fatalf("run(%q) = %d, %q", tt.args, code, errs.String())
		}
		golden.Check(t, tt.golden, out.Bytes())
		if code := run(tt.args, now.Add(time.Hour), &again, &errs); code != 0 || !bytes.Equal(out.Bytes(), again.Bytes()) {
			t.Errorf("run(%q) twice gives other bytes", tt.args)
		}

		cal, err := ics.ParseCalendar(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("run(%q): ParseCalendar: %v", tt.args, err)
		}
		name := say(wCalendarName, "1000001").in(tt.lang)
		named := false
		for _, p := range cal.CalendarProperties {
			named = named || p.IANAToken == "X-WR-CALNAME" && p.Value == name
		}
		if !named {
			t.Errorf("run(%q): the calendar is not named %q", tt.args, name)
		}
		events := cal.Events()
		if len(events) != 26 {
			t.Fatalf("run(%q): %d events, want 26", tt.args, len(events))
		}
		r := history.Replayer{Policy: policy.Microsoft(), Catalog: catalog()}
		tl, err := place(r, sampleMCID, cert.MustParseDate("2026-12-01"), false)
		if err != nil {
			t.Fatal(err)
		}
		if len(tl.agenda) != len(events) {
			t.Fatalf("run(%q): %d events for %d items", tt.args, len(events), len(tl.agenda))
		}
		for i, e := range events {
			it := tl.agenda[i]
			if want := ical.UID("1000001", it); e.Id() != want {
				t.Errorf("event %d: UID %q, want %q", i, e.Id(), want)
			}
			if stamp, err := e.GetDtStampTime(); err != nil || !stamp.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("event %d: DTSTAMP %v, %v", i, stamp, err)
			}
			if start, err := e.GetAllDayStartAt(); err != nil || cert.DateOf(start) != it.On {
				t.Errorf("event %d: DTSTART %v, %v; want %s", i, start, err, it.On)
			}
			c, _ := r.Catalog.Lookup(it.Cert)
			if got, want := e.GetProperty(ics.ComponentPropertySummary).Value, explain.Item(tt.lang, c, it); got != want {
				t.Errorf("event %d: SUMMARY %q, want %q", i, got, want)
			}
			alarms := e.Alarms()
			switch {
			case !tt.alarm && len(alarms) != 0:
				t.Errorf("event %d: %d alarms, want none", i, len(alarms))
			case tt.alarm && (len(alarms) != 1 || alarms[0].GetProperty(ics.ComponentPropertyTrigger).Value != "-P1D"):
				t.Errorf("event %d: alarms %v, want one a day before", i, alarms)
			}
		}
		if first := events[0].Id(); first != "windowopens-20261208-azure-solutions-architect@1000001.certrenew" {
			t.Errorf("run(%q): the first event is %q, want the expert's window", tt.args, first)
		}
	}
}

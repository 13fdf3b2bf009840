package main

import (
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/agenda/ical"
	"github.com/certrenew/certrenew/policy/explain"
)

// calendar returns the holder's agenda from tl's day on as iCalendar
// bytes (package [ical]): one event per item, each summed up by
// explain.Item in l, naming its title as cat does, and each with an alarm
// alarm before it when alarm is positive. The calendar is named for the
// holder, and every event's DTSTAMP is midnight UTC of tl's day, so that
// the same day gives the same bytes: the program reads no clock but for
// the default of -today.
func (tl timeline) calendar(cat cert.Catalog, l explain.Language, alarm time.Duration) []byte {
	y, m, d := tl.Today.Date()
	c := ical.Calendar{
		ProdID: say(wProdID).in(l),
		Name:   say(wCalendarName, tl.MCID).in(l),
		MCID:   tl.MCID,
		Stamp:  time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
		Alarm:  alarm,
		Summary: func(it agenda.Item) string {
			c, _ := cat.Lookup(it.Cert) // the replay holds only titles of cat
			return explain.Item(l, c, it)
		},
	}
	return c.Render(tl.agenda)
}

package ical_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/agenda/ical"
)

func ExampleCalendar_Render() {
	items := []agenda.Item{{Kind: agenda.LastDay, Cert: "azure-administrator", On: cert.MustParseDate("2022-07-14"), Expires: cert.MustParseDate("2022-07-15")}}
	c := ical.Calendar{MCID: "1000001", Stamp: time.Date(2022, 1, 1, 8, 0, 0, 0, time.UTC), Alarm: 24 * time.Hour}
	fmt.Print(strings.ReplaceAll(string(c.Render(items)), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//certrenew//agenda//EN
	// CALSCALE:GREGORIAN
	// BEGIN:VEVENT
	// UID:lastday-20220714-azure-administrator@1000001.certrenew
	// DTSTAMP:20220101T080000Z
	// DTSTART;VALUE=DATE:20220714
	// DTEND;VALUE=DATE:20220715
	// SUMMARY:Last day to renew: azure-administrator
	// TRANSP:TRANSPARENT
	// BEGIN:VALARM
	// ACTION:DISPLAY
	// DESCRIPTION:Last day to renew: azure-administrator
	// TRIGGER:-P1D
	// END:VALARM
	// END:VEVENT
	// END:VCALENDAR
}

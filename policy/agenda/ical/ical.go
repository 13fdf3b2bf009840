// Package ical renders an agenda as iCalendar (RFC 5545) bytes, so that a
// holder's deadlines go into their calendar and a missed email is no
// longer a missed renewal.
//
// # The calendar
//
// [Calendar.Render] writes one VCALENDAR with one VEVENT per
// [agenda.Item], in the order given: an all-day event (DTSTART;VALUE=DATE)
// for an item of a day, such as the last day to renew (RULES D2) or the
// last day of a grace period (RULES G1), and a timed event in UTC for the
// instant a retake lockout lifts (RULES A3). Each event's UID is derived from the holder's
// MCID, the title, the kind of item and its day, so that a calendar client
// that imports the agenda again updates its events rather than adding
// copies. DTSTAMP is the instant the caller passes: nothing here reads a
// clock, and the same agenda gives the same bytes.
//
// Text is escaped as RFC 5545 says (backslash, comma, semicolon and
// newline), lines end in CRLF and are folded at 75 octets without
// splitting a UTF-8 character. An event can carry a VALARM that fires a
// chosen time before it.
//
// Rendering is pure: it returns bytes and does no I/O.
package ical

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
)

// A Calendar holds what a rendering needs besides the items. The zero
// Calendar renders a valid calendar with the default product name, English
// summaries, no alarm, and the zero instant as DTSTAMP; set Stamp.
type Calendar struct {
	// ProdID is the calendar's PRODID; "" gives "-//certrenew//agenda//EN".
	ProdID string

	// Name, when not "", names the calendar (X-WR-CALNAME), such as
	// "Certification renewals".
	Name string

	// MCID is the holder's certification profile, part of every UID.
	MCID string

	// Stamp is the DTSTAMP of every event: the instant the agenda was
	// made, which the caller passes (RULES D1); it is written in UTC.
	Stamp time.Time

	// Alarm, when positive, adds to each event a VALARM that fires this
	// long before it starts (for an all-day event, before its midnight).
	Alarm time.Duration

	// Summary gives each event's SUMMARY; nil gives [DefaultSummary]. A
	// caller passes its holder's language here (package explain).
	Summary func(agenda.Item) string
}

// DefaultSummary returns a short English summary of an item, such as
// "Renewal window opens: azure-administrator".
func DefaultSummary(it agenda.Item) string {
	what := it.Kind.String()
	if it.Kind.IsValid() {
		what = summaries[it.Kind]
	}
	return what + ": " + string(it.Cert)
}

// summaries holds DefaultSummary's words for each kind.
var summaries = [...]string{
	agenda.WindowOpens:  "Renewal window opens",
	agenda.CanRenew:     "You can renew from today",
	agenda.Reminder:     "Reminder: renew",
	agenda.LockoutLifts: "Next attempt allowed",
	agenda.LastDay:      "Last day to renew",
	agenda.Expires:      "Expires",
	agenda.GraceLastDay: "Last day to renew in the grace period",
}

// Render returns the iCalendar text of items (see the package doc).
func (c Calendar) Render(items []agenda.Item) []byte {
	return c.Append(nil, items)
}

// Append appends the iCalendar text of items to dst and returns the
// extended slice.
func (c Calendar) Append(dst []byte, items []agenda.Item) []byte {
	prod := c.ProdID
	if prod == "" {
		prod = "-//certrenew//agenda//EN"
	}
	summary := c.Summary
	if summary == nil {
		summary = DefaultSummary
	}
	w := writer{dst: dst}
	w.raw("BEGIN:VCALENDAR")
	w.raw("VERSION:2.0")
	w.text("PRODID", prod)
	w.raw("CALSCALE:GREGORIAN")
	if c.Name != "" {
		w.text("X-WR-CALNAME", c.Name)
	}
	stamp := c.Stamp.UTC()
	for _, it := range items {
		s := summary(it)
		w.raw("BEGIN:VEVENT")
		w.text("UID", UID(c.MCID, it))
		w.line = stamp.AppendFormat(append(w.line[:0], "DTSTAMP:"...), "20060102T150405Z")
		w.fold()
		if it.Kind == agenda.LockoutLifts && !it.At.IsZero() {
			w.line = it.At.UTC().AppendFormat(append(w.line[:0], "DTSTART:"...), "20060102T150405Z")
			w.fold()
		} else {
			w.day("DTSTART;VALUE=DATE:", it.On)
			if next := it.On.AddDays(1); !next.IsZero() {
				w.day("DTEND;VALUE=DATE:", next)
			}
		}
		w.text("SUMMARY", s)
		w.raw("TRANSP:TRANSPARENT")
		if c.Alarm > 0 {
			w.raw("BEGIN:VALARM")
			w.raw("ACTION:DISPLAY")
			w.text("DESCRIPTION", s)
			w.line = appendDuration(append(w.line[:0], "TRIGGER:-"...), c.Alarm)
			w.fold()
			w.raw("END:VALARM")
		}
		w.raw("END:VEVENT")
	}
	w.raw("END:VCALENDAR")
	return w.dst
}

// A writer appends content lines to dst, building each in line first.
type writer struct {
	dst  []byte
	line []byte
}

// raw appends a content line that needs neither escaping nor folding.
func (w *writer) raw(line string) { w.dst = append(append(w.dst, line...), '\r', '\n') }

// text appends the property name with the TEXT value v, escaped.
func (w *writer) text(name, v string) {
	w.line = appendEscaped(append(append(w.line[:0], name...), ':'), v)
	w.fold()
}

// day appends the property prefix with the day d in the basic form of RFC
// 5545, 20220115.
func (w *writer) day(prefix string, d cert.Date) {
	w.line = d.AppendTo(append(w.line[:0], prefix...))
	// Drop the two hyphens of 2022-01-15.
	n := len(w.line)
	copy(w.line[n-6:], w.line[n-5:n-3])
	copy(w.line[n-4:], w.line[n-2:])
	w.line = w.line[:n-2]
	w.fold()
}

// maxLine is the most octets of a content line, the line break aside (RFC
// 5545 3.1).
const maxLine = 75

// fold appends w.line, folded: after 75 octets (74 on a continuation line,
// after its leading space) a CRLF and a space, never inside a UTF-8
// character.
func (w *writer) fold() {
	line, limit := w.line, maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		w.dst = append(append(w.dst, line[:cut]...), '\r', '\n', ' ')
		line = line[cut:]
		limit = maxLine - 1
	}
	w.dst = append(append(w.dst, line...), '\r', '\n')
}

// UID returns the UID of the event of item it in the calendar of the
// profile mcid: the same for the same profile, title, kind and day, on
// every rendering, so that a client updates the event. It is
// "<kind>-<yyyymmdd>-<title>@<mcid>.certrenew", without control
// characters and invalid UTF-8, and with "_" for a backslash, comma or
// semicolon, so that it needs no escaping and reads back the same in every
// client.
func UID(mcid string, it agenda.Item) string {
	uid := strings.ToLower(it.Kind.String()) + "-" + basicDate(it.On) + "-" + string(it.Cert) + "@" + mcid + ".certrenew"
	return strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError || r < 0x20 || r == 0x7f:
			return -1
		case r == '\\' || r == ',' || r == ';':
			return '_'
		}
		return r
	}, uid)
}

// basicDate writes a day in the basic form of RFC 5545, 20220115.
func basicDate(d cert.Date) string {
	return strings.ReplaceAll(d.String(), "-", "")
}

// appendEscaped appends the TEXT value v escaped (RFC 5545 3.3.11):
// backslash, semicolon and comma with a backslash, a newline as \n; a
// carriage return and the other control characters, which TEXT cannot
// hold, are dropped, as is invalid UTF-8.
func appendEscaped(dst []byte, v string) []byte {
	for _, r := range v {
		switch {
		case r == '\\' || r == ';' || r == ',':
			dst = append(dst, '\\', byte(r))
		case r == '\n':
			dst = append(dst, '\\', 'n')
		case r == utf8.RuneError, r < 0x20, r == 0x7f:
			// not allowed in TEXT
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// appendDuration appends d, d > 0, as an RFC 5545 dur-value such as
// "P1DT2H" or "PT15M", to the second.
func appendDuration(dst []byte, d time.Duration) []byte {
	secs := int64(d / time.Second)
	if secs == 0 {
		secs = 1 // a positive alarm below a second fires a second before
	}
	days, secs := secs/86400, secs%86400
	h, m, s := secs/3600, secs%3600/60, secs%60
	dst = append(dst, 'P')
	if days > 0 {
		dst = append(strconv.AppendInt(dst, days, 10), 'D')
	}
	if h > 0 || m > 0 || s > 0 {
		dst = append(dst, 'T')
		if h > 0 {
			dst = append(strconv.AppendInt(dst, h, 10), 'H')
		}
		if m > 0 {
			dst = append(strconv.AppendInt(dst, m, 10), 'M')
		}
		if s > 0 {
			dst = append(strconv.AppendInt(dst, s, 10), 'S')
		}
	}
	return dst
}

package explain

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/certrenew/certrenew/cert"
)

// An arg is a named argument of a text: {name} in the text is replaced by
// value.
type arg struct{ name, value string }

// texts returns l's table; a value that is no language has English's.
func (l Language) texts() *[numMsgs]string {
	if l == Chinese {
		return &chinese
	}
	return &english
}

// format returns the text of m in l with its arguments in place.
func (l Language) format(m msg, args ...arg) string {
	return expand(l.texts()[m], args, l == Chinese)
}

// expand returns text with each {name} replaced by the value of the first
// arg of that name. It reads text once, from left to right: the values put
// in are never read again, so a value that holds braces stays as it is. A
// {name} with no arg, and a brace with no partner, are left as they are;
// the tests check that no text of the tables leaves one.
//
// When tight is set, as for Chinese, a space of text next to a value that
// begins or ends with full-width punctuation, such as the "）" that ends an
// instant, is dropped: Chinese puts no space beside such a mark. Spaces in
// the values themselves are left alone.
func expand(text string, args []arg, tight bool) string {
	var b strings.Builder
	n := len(text)
	for _, a := range args {
		n += len(a.value)
	}
	b.Grow(n)
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			break
		}
		name := text[i+1 : i+j]
		v, ok := value(args, name)
		if !ok {
			v = text[i : i+j+1]
		}
		before, after := text[:i], text[i+j+1:]
		if tight && ok {
			if r, _ := utf8.DecodeRuneInString(v); isFullWidthMark(r) {
				before = strings.TrimSuffix(before, " ")
			}
			if r, _ := utf8.DecodeLastRuneInString(v); isFullWidthMark(r) {
				after = strings.TrimPrefix(after, " ")
			}
		}
		b.WriteString(before)
		b.WriteString(v)
		text = after
	}
	b.WriteString(text)
	return b.String()
}

// isFullWidthMark reports whether r is a full-width punctuation mark
// beside which Chinese puts no space.
func isFullWidthMark(r rune) bool {
	return strings.ContainsRune("（）。，、：；！？", r)
}

// value returns the value of the first arg named name.
func value(args []arg, name string) (string, bool) {
	for _, a := range args {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// Date returns day d as l writes it: 2022-01-15 in English, 2022年1月15日 in
// Chinese. The zero Date, no day, is "no date" or "无日期".
func Date(l Language, d cert.Date) string {
	if d.IsZero() {
		return l.format(mNoDate)
	}
	y, m, dd := d.Date()
	return l.day(y, int(m), dd)
}

// day returns the day y-m-d as l writes it.
func (l Language) day(y, m, d int) string {
	return l.format(mDate,
		arg{"yyyy", pad(y, 4)}, arg{"mm", pad(m, 2)}, arg{"dd", pad(d, 2)},
		arg{"y", strconv.Itoa(y)}, arg{"m", strconv.Itoa(m)}, arg{"d", strconv.Itoa(d)})
}

// pad returns n in decimal with at least width digits; a negative n is
// written as strconv writes it.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// Instant returns the instant t as l writes it: its day, its time on the
// 24-hour clock and its offset from UTC, all in t's own location (as
// [cert.DateOf] takes its day, RULES D4): "2022-02-02 09:30 (UTC+08:00)" in
// English, "2022年2月2日 09:30（UTC+08:00）" in Chinese, and "UTC" for the
// offset 0. Seconds are written when they are not 0, with their fraction
// when there is one, so that the time written is exactly t: a lockout that
// lifts at 09:30:00.5 is written 09:30:00.5, neither before it lifts nor
// after. The zero time.Time, no instant, is "no time" or "无时间".
func Instant(l Language, t time.Time) string {
	if t.IsZero() {
		return l.format(mNoInstant)
	}
	y, m, d := t.Date()
	hh, mi, ss := t.Clock()
	h, mm := arg{"hh", pad(hh, 2)}, arg{"mi", pad(mi, 2)}
	clock := l.format(mTime, h, mm)
	if ns := t.Nanosecond(); ss != 0 || ns != 0 {
		sec := pad(ss, 2)
		if ns != 0 {
			sec += strings.TrimRight("."+pad(ns, 9), "0")
		}
		clock = l.format(mTimeSec, h, mm, arg{"ss", sec})
	}
	return l.format(mInstant, arg{"date", l.day(y, int(m), d)}, arg{"time", clock}, arg{"zone", l.zone(t)})
}

// zone returns the offset of t's location at t as l writes it.
func (l Language) zone(t time.Time) string {
	_, off := t.Zone()
	if off == 0 {
		return l.format(mZoneUTC)
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	hh, mi, ss := arg{"hh", pad(off/3600, 2)}, arg{"mi", pad(off/60%60, 2)}, arg{"ss", pad(off%60, 2)}
	if off%60 != 0 {
		return l.format(mZoneSec, arg{"sign", sign}, hh, mi, ss)
	}
	return l.format(mZone, arg{"sign", sign}, hh, mi)
}

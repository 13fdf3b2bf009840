package policy

import "github.com/certrenew/certrenew/cert"

// Reminders returns the days on which the holder of cr, a credential of c,
// is reminded to renew in its current cycle: the window before its current
// expiry (RULES M1-M3). See [Policy.AppendReminders].
func (p Policy) Reminders(c cert.Certification, cr cert.Credential) []cert.Date {
	return p.AppendReminders(nil, c, cr)
}

// AppendReminders appends to dst the days on which the holder of cr, a
// credential of c, is reminded to renew in its current cycle, in ascending
// order, and returns the extended slice (RULES M1-M3).
//
// The days are those of p.Schedule: the window's opening, when the holder
// is eligible that day (RULES G3); the first day the holder is eligible
// (the latest of the window's opening, the first day of c's renewal
// assessment and the day earned); then each of DaysBefore before the
// expiry. A day before the first eligible day, or on or after the expiry, is
// dropped, never moved; two reminders never fall on one day; and there are
// never more than [MaxReminders]. Every reminder thus lies in [first
// eligible day, expiry), but for the notices of a Schedule with
// BeforeEligible: the days of DaysBefore before the first eligible day,
// from the day earned on, which come first (RULES G3).
//
// It appends nothing for a title with no real level, a fundamentals title or
// a credential that never expires, for a credential of another certification than c or with no
// Earned day, and when the renewal assessment is first offered on or after
// the expiry, or never (RULES E3, E6). A renewal moves the expiry, so a renewed credential's
// reminders are those of its next window (RULES N3). The days do not depend
// on whether the profile is linked, and choosing which are due on a given
// day, or dropping those after an expiry that has passed, is the caller's
// (RULES M3).
//
// AppendReminders allocates nothing when dst has room for [MaxReminders]
// more days.
func (p Policy) AppendReminders(dst []cert.Date, c cert.Certification, cr cert.Credential) []cert.Date {
	if !c.Level.IsValid() || c.Level == cert.Fundamentals || cr.Expires.IsZero() || cr.Earned.IsZero() || cr.Cert != c.ID {
		return dst
	}
	g := p.program(c.Program)
	if len(g.Versions) == 0 {
		dst, _ = g.appendReminders(dst, MaxReminders, &c, cr, cert.Date{}, cert.Date{}, false)
		return dst
	}
	// Each version sends the reminders that fall on its own days (RULES
	// G7): the days from its From to the next version's. The first day the
	// holder can renew is the first such day of any version.
	n := len(dst)
	vs := g.Versions
	seen := false // whether the holder could renew on a day of an earlier version
	for i := -1; i < len(vs) && len(dst)-n < MaxReminders; i++ {
		q, from, until := g, cert.Date{}, vs[0].From
		if i >= 0 {
			q, from, until = &vs[i].Policy, vs[i].From, cert.Date{}
			if i+1 < len(vs) {
				until = vs[i+1].From
			}
		}
		if !until.IsZero() && !until.After(cr.Earned) || !from.Before(cr.Expires) {
			continue // the version governs no day of this cycle
		}
		var here bool
		dst, here = q.appendReminders(dst, MaxReminders-(len(dst)-n), &c, cr, from, until, seen)
		seen = seen || here
	}
	return dst
}

// appendReminders is AppendReminders under the fields of p alone, one
// version's, for at most room reminders that fall on the days [from,
// until), the zero Date for no bound. The first day the holder can renew
// in those days is the later of p's first eligible day and from; it is the
// first of the cycle, with its reminder, unless the holder could renew on
// a day before from (before). It also reports whether the holder can renew
// on a day of [from, until) before the expiry.
func (p *Policy) appendReminders(dst []cert.Date, room int, c *cert.Certification, cr cert.Credential, from, until cert.Date, before bool) ([]cert.Date, bool) {
	x := cr.Expires
	offered, never := p.offeredFrom(c)
	if never {
		return dst, false
	}
	w := p.span().window(cr)
	first := eligibleFrom(w, cert.Date{}, offered, cr.Earned)
	if first.IsZero() {
		return dst, false
	}
	n := 0
	var last cert.Date // the last day appended; the zero Date is before every day
	add := func(day, lo cert.Date) {
		// Drop a day outside [lo, x), one not after the day before it
		// (the same day, or a schedule out of order), and one outside
		// [from, until).
		if n == room || day.Before(lo) || !day.Before(x) || !day.After(last) ||
			day.Before(from) || !until.IsZero() && !day.Before(until) {
			return
		}
		dst = append(dst, day)
		n, last = n+1, day
	}
	if p.Schedule.BeforeEligible {
		// The notices before the first eligible day come first (RULES
		// G3), also on the days of a version under which the holder
		// cannot renew yet.
		for _, k := range p.Schedule.DaysBefore {
			if day := x.AddDays(-k); day.Before(first) {
				add(day, cr.Earned)
			}
		}
	}
	first = later(first, from)
	end := x
	if !until.IsZero() && until.Before(end) {
		end = until
	}
	if !first.Before(end) {
		return dst, false // the holder cannot renew on a day of this version
	}
	if p.Schedule.AtWindowOpens {
		add(w.Opens, first)
	}
	if p.Schedule.AtFirstEligibleDay && !before {
		add(first, first)
	}
	for _, k := range p.Schedule.DaysBefore {
		add(x.AddDays(-k), first)
	}
	return dst, true
}

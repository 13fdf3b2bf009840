package policy

import (
	"time"

	"github.com/certrenew/certrenew/cert"
)

// Expiry returns the first day on which a credential of c earned on the given
// day is no longer valid (RULES D2): the day earned plus the months of the
// term in force on that day (RULES V2-V4), clamped to the month's end (RULES
// D3), under the policy that governs c on that day (RULES G7, G8). It
// returns the zero Date, meaning never, for a fundamentals title
// (RULES V1), and also, meaning no answer, for a title with no real level, the
// zero day, or a day whose expiry falls after 9999-12-31.
func (p Policy) Expiry(c cert.Certification, earned cert.Date) cert.Date {
	return p.expiry(&c, earned)
}

// expiry is Expiry on pointers, which the other rules call without copying
// a Policy.
func (p *Policy) expiry(c *cert.Certification, earned cert.Date) cert.Date {
	if c.Level == cert.Fundamentals || !c.Level.IsValid() {
		return cert.Date{}
	}
	return earned.AddMonths(p.rules(c, earned).termMonths(earned))
}

// termMonths returns the validity in months of the term in force on day d,
// or 0 when no term is.
func (p *Policy) termMonths(d cert.Date) int {
	months := 0
	for _, t := range p.Terms {
		if t.From.After(d) {
			break
		}
		months = t.Months
	}
	return months
}

// offeredFrom returns the first day c's renewal assessment is offered (RULES
// E3): the catalog's first renewal day, else the launch day plus the
// policy's market age, else the zero Date, meaning offered on every day
// (RULES E6). It reports never when the launch day plus the market age lies
// after 9999-12-31: E6 is for a day that is not known, and that assessment
// is never offered.
func (p *Policy) offeredFrom(c *cert.Certification) (from cert.Date, never bool) {
	return offeredFrom(p.MarketAgeMonths, c.Launched, c.RenewalFrom)
}

// offeredFrom is Policy.offeredFrom on the fields it reads.
func offeredFrom(marketAgeMonths int, launched, renewalFrom cert.Date) (from cert.Date, never bool) {
	if !renewalFrom.IsZero() || launched.IsZero() {
		return renewalFrom, false
	}
	from = launched.AddMonths(marketAgeMonths)
	return from, from.IsZero()
}

// window returns the renewal window of cr's current expiry (RULES E2, G2):
// it opens s.days before the expiry, or else s.months before it, clamped
// to the month's end (RULES D3), or on 0001-01-01 when that would be
// earlier still.
func (s span) window(cr cert.Credential) Window {
	var opens cert.Date
	if s.days > 0 {
		opens = cr.Expires.AddDays(-s.days)
	} else {
		opens = cr.Expires.AddMonths(-s.months)
	}
	if opens.IsZero() {
		opens = cert.NewDate(1, time.January, 1) // the first day a Date holds
	}
	return Window{Opens: opens, Closes: cr.Expires}
}

// span returns what p says of a credential's renewable days.
func (p *Policy) span() span { return span{p.WindowMonths, p.WindowDays, p.GraceDays} }

// eligibleFrom returns the first day of w, or of the grace period after it
// up to graceEnds (zero for none), on which the holder of a credential
// earned on earned can renew, linking aside: the latest of w's opening,
// the day the assessment is offered from (RULES E3) and earned. It returns
// the zero Date when that day is not before w closes, or before graceEnds.
func eligibleFrom(w Window, graceEnds, offered, earned cert.Date) cert.Date {
	if f := later(later(w.Opens, offered), earned); f.Before(later(w.Closes, graceEnds)) {
		return f
	}
	return cert.Date{}
}

// later returns the later of a and b.
func later(a, b cert.Date) cert.Date {
	if a.After(b) {
		return a
	}
	return b
}

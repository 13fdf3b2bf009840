package explain

import (
	"strings"
	"unicode"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// whyMsgs holds the clause of each Reason that stops a renewal; the tests
// check that none is missing.
var whyMsgs = [policy.Eligible + 1]msg{
	policy.NotHeld:               mWhyNotHeld,
	policy.NeverExpires:          mWhyNeverExpires,
	policy.Expired:               mWhyExpired,
	policy.NotYetOpen:            mWhyNotYetOpen,
	policy.AssessmentUnavailable: mWhyUnavailable,
	policy.ProfileNotLinked:      mWhyNotLinked,
}

// Decision tells the holder decision d, the answer of
// [policy.Policy.Eligibility] for certification c on day on, in l: whether
// they can renew that day and if not why (RULES E5), then, when d has a
// renewal window, the days on which they can (RULES E2, E3):
//
//	On 2021-12-01 you cannot renew this certification: its renewal window is not open yet. You can renew from 2022-01-15 until 2022-07-14.
//	您在 2021年12月1日 不能更新此认证：其更新窗口尚未开放。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。
//
// The first sentence names c by its Name, quoted, which is the title's
// English name in both languages, as the policy's Chinese page writes the
// titles; a c with no Name is "this certification" ("此认证"). The second
// gives EligibleFrom and the window's last day, the day before it closes
// (RULES D2): from EligibleFrom until the last day before EligibleFrom,
// the last day alone from then on, and, when EligibleFrom is the zero Date,
// that the assessment comes too late for this window.
//
// Under a policy with a grace period (RULES G1), the second sentence tells
// it: on a day of the grace period (InGrace), that the credential expired
// on the window's close and can still be renewed until the grace period's
// last day, the day before GraceEnds, from EligibleFrom when that is
// later; before the expiry, the window's days as above and then that
// grace period; and when EligibleFrom lies in the grace period, or is the
// zero Date, that the assessment comes then, or too late:
//
//	On 2022-07-20 you can renew this certification. Your credential expired on 2022-07-15; you can still renew it until 2022-08-13.
//	您可以在 2022年7月20日 更新此认证。您的认证已于 2022年7月15日 过期；您仍可更新此认证，最晚至 2022年8月13日。
//
// Decision reads d's Reason, Window, EligibleFrom, GraceEnds and InGrace;
// d.Eligible is taken to mean Reason Eligible. The zero Decision, and a Reason that is no
// reason, are told as no decision.
func Decision(l Language, c cert.Certification, d policy.Decision, on cert.Date) string {
	t := title(l, c)
	day := arg{"on", Date(l, on)}
	switch {
	case !d.Reason.IsValid():
		return l.format(mDecisionNone, day, arg{"title", t})
	case d.Reason == policy.Eligible:
		return l.then(l.format(mDecisionCan, day, arg{"title", t}), window(l, d, on))
	}
	why := l.format(whyMsgs[d.Reason])
	return l.then(l.format(mDecisionCannot, day, arg{"title", t}, arg{"why", why}), window(l, d, on))
}

// window tells the days of d's window, and of its grace period, on which
// the holder can renew, as seen on day on, or "" when d has no window.
func window(l Language, d policy.Decision, on cert.Date) string {
	w, from := d.Window, d.EligibleFrom
	switch {
	case w.IsZero():
		return ""
	case !d.GraceEnds.IsZero():
		return grace(l, d, on)
	case from.IsZero():
		return l.format(mWindowNever, arg{"closes", Date(l, w.Closes)})
	case on.Before(from):
		return l.format(mWindowFrom, arg{"from", Date(l, from)}, arg{"last", Date(l, w.Last())})
	}
	return l.format(mWindowLast, arg{"last", Date(l, w.Last())})
}

// grace is window for a decision with a grace period (RULES G1).
func grace(l Language, d policy.Decision, on cert.Date) string {
	w, from := d.Window, d.EligibleFrom
	last := arg{"last", Date(l, d.GraceEnds.AddDays(-1))}
	expired := Date(l, w.Closes)
	switch {
	case from.IsZero():
		return l.format(mGraceNever, last)
	case d.InGrace && on.Before(from):
		return l.format(mGraceFrom, arg{"expired", expired}, arg{"from", Date(l, from)}, last)
	case d.InGrace:
		return l.format(mGrace, arg{"expired", expired}, last)
	case !from.Before(w.Closes):
		return l.format(mGraceLater, arg{"from", Date(l, from)}, arg{"expires", expired}, last)
	}
	in := mWindowLast
	if on.Before(from) {
		in = mWindowFrom
	}
	return l.then(l.format(in, arg{"from", Date(l, from)}, arg{"last", Date(l, w.Last())}),
		l.format(mGraceAfter, arg{"expires", expired}, last))
}

// then returns sentence a followed by b, or a alone when b is "".
func (l Language) then(a, b string) string {
	if b == "" {
		return a
	}
	return l.format(mJoin, arg{"a", a}, arg{"b", b})
}

// title returns c's name, quoted, or "this certification" when it has none.
func title(l Language, c cert.Certification) string {
	if c.Name == "" {
		return l.format(mThisCert)
	}
	return l.format(mTitle, arg{"name", clean(c.Name)})
}

// clean returns text from outside, such as a title, fit to put in a
// sentence: invalid UTF-8 becomes U+FFFD and a control character, such as
// a newline, a space.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

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
// Decision reads d's Reason, Window and EligibleFrom; d.Eligible is taken
// to mean Reason Eligible. The zero Decision, and a Reason that is no
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

// window tells the days of d's window on which the holder can renew, as
// seen on day on, or "" when d has no window.
func window(l Language, d policy.Decision, on cert.Date) string {
	w, from := d.Window, d.EligibleFrom
	switch {
	case w.IsZero():
		return ""
	case from.IsZero():
		return l.format(mWindowNever, arg{"closes", Date(l, w.Closes)})
	case on.Before(from):
		return l.format(mWindowFrom, arg{"from", Date(l, from)}, arg{"last", Date(l, w.Last())})
	}
	return l.format(mWindowLast, arg{"last", Date(l, w.Last())})
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

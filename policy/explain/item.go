package explain

import (
	"strconv"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
)

// itemMsgs holds the text of each agenda Kind; the tests check that none is
// missing.
var itemMsgs = [agenda.GraceLastDay + 1]msg{
	agenda.WindowOpens:  mItemWindowOpens,
	agenda.CanRenew:     mItemCanRenew,
	agenda.Reminder:     mItemReminder,
	agenda.LockoutLifts: mItemLockoutLifts,
	agenda.LastDay:      mItemLastDay,
	agenda.Expires:      mItemExpires,
	agenda.GraceLastDay: mItemGraceLastDay,
}

// Item tells the holder agenda item it, of certification c, in l, with its
// days:
//   - WindowOpens: the renewal window opens on On, and the last day to
//     renew, the day before Expires (RULES E2, D2);
//   - CanRenew: the holder can renew from On, until the last day (RULES
//     E3), or, for an On on or after Expires, in the grace period after
//     the expiry (RULES G1);
//   - Reminder: reminder N, on On, and the last day and the expiry (RULES
//     M1-M3); for a notice before the window, also the first day the
//     holder can renew, its EligibleFrom (RULES G3);
//   - LockoutLifts: another attempt at the renewal assessment may start
//     from At, written with its time and offset by [Instant] (RULES A3);
//   - LastDay: On is the last day to renew, and the expiry (RULES D2);
//   - Expires: the credential expires on On, and is earned again by exam
//     (RULES D2, N6);
//   - GraceLastDay: On is the last day of the grace period after the
//     expiry, on which a renewal is still allowed, and the expiry (RULES
//     G1).
//
// c names the title as in [Decision]: its Name, quoted, or "this
// certification" when it has none; Item does not compare c.ID with
// it.Cert. A kind that is no kind gets a sentence that something is due on
// On; a LockoutLifts item with the zero At gives its day, On, and a
// Reminder whose N is not positive no number.
func Item(l Language, c cert.Certification, it agenda.Item) string {
	t := arg{"title", title(l, c)}
	on := arg{"on", Date(l, it.On)}
	last := arg{"last", Date(l, it.Expires.AddDays(-1))}
	expires := arg{"expires", Date(l, it.Expires)}
	m := mItemUnknown
	if it.Kind.IsValid() {
		m = itemMsgs[it.Kind]
	}
	switch m {
	case mItemCanRenew:
		if !it.Expires.IsZero() && !it.On.Before(it.Expires) {
			return l.format(mItemCanRenewLate, on, t, expires)
		}
	case mItemReminder:
		if f := it.EligibleFrom; !f.IsZero() {
			from := arg{"from", Date(l, f)}
			if it.N <= 0 {
				return l.format(mItemNoticeN0, on, t, from, last, expires)
			}
			return l.format(mItemNotice, on, arg{"n", strconv.Itoa(it.N)}, t, from, last, expires)
		}
		if it.N <= 0 {
			return l.format(mItemReminderN0, on, t, last, expires)
		}
		return l.format(mItemReminder, on, arg{"n", strconv.Itoa(it.N)}, t, last, expires)
	case mItemLockoutLifts:
		at := Instant(l, it.At)
		if it.At.IsZero() {
			at = Date(l, it.On)
		}
		return l.format(m, arg{"at", at}, t)
	}
	return l.format(m, on, t, last, expires)
}

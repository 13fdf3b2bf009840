// Package agenda answers what comes next for a holder: the dated items of
// every credential, from the renewal window's opening to the expiry, and
// what of it is due on a given day.
//
// # Items
//
// For each credential that can still be renewed, the agenda holds, on or
// after the day asked about: the day its renewal window opens (RULES E2,
// G2); the first day the holder can renew, when the renewal assessment
// comes later than the window (RULES E3); each reminder (RULES M1-M3, G3);
// the last day to renew, the day before the expiry; the expiry itself
// (RULES D2); under a policy with a grace period, the last day of it, on
// which a renewal is still allowed (RULES G1); and the instant a retake
// lockout lifts (RULES A3, G5, G6). Items are in order of their day, then
// of their [Kind], then of their instant (for lockouts), then of the
// credentials in the profile.
//
//	pl := agenda.Planner{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
//	items := pl.Agenda(state, today)      // what comes next
//	due := pl.AppendDue(buf[:0], state, today) // what is due today, allocation-free
//
// A credential that never expires, or has expired and is past its grace
// period, has no items; neither has a title the catalog does not hold.
//
// # Programs and versions
//
// Each title is planned under the policy that governs it, its program's
// (RULES G8, [policy.Policy.For]). Under a policy with versions (RULES G7)
// the reminders are those the policy sends, each by the version in force
// on its own day and never more than four in a cycle
// ([policy.Policy.AppendReminders]); the other items are those of the
// version in force on the day asked about ([policy.Policy.At]): its
// window, grace period and retake rule give them, also those that fall
// after a later version comes into force. The agenda asked on that
// version's first day follows it instead; so [Planner.AppendDue] on a day
// gives the items of the version in force that day, and the reminders the
// policy sends that day.
//
// Nothing here reads a clock: the caller passes the day. Every value is safe
// to share between goroutines.
package agenda

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/history"
)

// A Kind is the kind of an agenda [Item]. The zero Kind is no kind. The
// kinds are listed in the order in which items of one day are sorted.
type Kind uint8

// The kinds of item.
const (
	WindowOpens  Kind = iota + 1 // the renewal window opens (RULES E2)
	CanRenew                     // the first day the holder can renew, later than the window's opening (RULES E3)
	Reminder                     // a reminder to renew (RULES M1-M3)
	LockoutLifts                 // a retake lockout lifts, at an instant (RULES A3)
	LastDay                      // the last day to renew, the day before the expiry (RULES D2)
	Expires                      // the credential expires: the first day it is no longer valid (RULES D2)
	GraceLastDay                 // the last day a renewal is still allowed, in the grace period after the expiry (RULES G1)
)

var kindNames = [...]string{
	WindowOpens:  "WindowOpens",
	CanRenew:     "CanRenew",
	Reminder:     "Reminder",
	LockoutLifts: "LockoutLifts",
	LastDay:      "LastDay",
	Expires:      "Expires",
	GraceLastDay: "GraceLastDay",
}

// Kinds lists every kind, in order.
var Kinds = [...]Kind{WindowOpens, CanRenew, Reminder, LockoutLifts, LastDay, Expires, GraceLastDay}

// IsValid reports whether k is one of the kinds.
func (k Kind) IsValid() bool { return k >= WindowOpens && k <= GraceLastDay }

// String returns the kind's name, such as "Reminder", or "Kind(9)" for a
// value that is no kind.
func (k Kind) String() string {
	if k.IsValid() {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText implements [encoding.TextMarshaler]: the kind's name.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, &kindError{k.String()}
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it reads a kind's
// name as String gives it.
func (k *Kind) UnmarshalText(text []byte) error {
	for _, v := range Kinds {
		if string(text) == kindNames[v] {
			*k = v
			return nil
		}
	}
	return &kindError{string(text)}
}

// ErrUnknownKind is matched, with [errors.Is], by the error of
// [Kind.MarshalText] and [Kind.UnmarshalText] for a value or text that
// names no kind.
var ErrUnknownKind = errors.New("agenda: unknown kind")

// A kindError reports text or a value that names no Kind.
type kindError struct{ text string }

func (e *kindError) Error() string { return "agenda: unknown kind " + strconv.Quote(e.text) }
func (e *kindError) Unwrap() error { return ErrUnknownKind }

// An Item is one dated thing that comes next for a credential.
type Item struct {
	Kind Kind      `json:"kind"`
	Cert cert.ID   `json:"cert"` // the credential's title
	On   cert.Date `json:"on"`   // the day of the item

	// At is the instant a lockout lifts, for a LockoutLifts item, whose On
	// is its day in At's location (RULES D4); the zero time otherwise.
	At time.Time `json:"at,omitzero"`

	// N is the reminder's number in its cycle, from 1, for a Reminder;
	// 0 otherwise.
	N int `json:"n,omitempty"`

	// Expires is the expiry the item belongs to: the credential's current
	// expiry, which the window, the reminders and the last day lead up to,
	// and which a grace period follows.
	Expires cert.Date `json:"expires"`

	// EligibleFrom is, for a Reminder that comes before the first day the
	// holder can renew, a notice of a policy whose schedule sends them
	// (RULES G3, [policy.Schedule.BeforeEligible]), that first day; the
	// zero Date otherwise.
	EligibleFrom cert.Date `json:"eligibleFrom,omitzero"`
}

// compare orders items by day, then kind, then instant (of lockouts).
func compare(a, b *Item) int {
	switch {
	case a.On != b.On:
		return a.On.Compare(b.On)
	case a.Kind != b.Kind:
		return int(a.Kind) - int(b.Kind)
	case a.Kind == LockoutLifts:
		return a.At.Compare(b.At)
	}
	return 0
}

// A Planner makes agendas under a policy and a catalog, the plain values
// every question of an agenda reads.
type Planner struct {
	Policy  policy.Policy
	Catalog cert.Catalog
}

// Agenda returns the items that come next for the state st, on or after
// day on, in order (see the package doc).
func (pl Planner) Agenda(st history.State, on cert.Date) []Item {
	return pl.AppendAgenda(nil, st, on)
}

// AppendAgenda appends the agenda of st from day on to dst, in order, and
// returns the extended slice; the items already in dst are left as they
// are. It allocates only to grow dst.
func (pl Planner) AppendAgenda(dst []Item, st history.State, on cert.Date) []Item {
	start := len(dst)
	var run [maxItems]Item
	for i, cr := range st.Profile.Credentials {
		n := pl.items(&run, st, i, cr, on, cert.Date{})
		dst = merge(dst, start, run[:n])
	}
	return dst
}

// AppendDue appends to dst the items of st's agenda that are due on day on,
// in the agenda's order, and returns the extended slice: exactly the items
// of Agenda(st, on) whose On is on. It allocates nothing when dst has room,
// which at most 10 items per credential need.
func (pl Planner) AppendDue(dst []Item, st history.State, on cert.Date) []Item {
	start := len(dst)
	var run [maxItems]Item
	for i, cr := range st.Profile.Credentials {
		// A credential's items lie in [window opens, expiry], or to the
		// end of its grace period: a day count rules most credentials
		// out before any month arithmetic.
		if !pl.maybeDue(&st, i, cr, on) {
			continue
		}
		n := pl.items(&run, st, i, cr, on, on)
		dst = merge(dst, start, run[:n])
	}
	return dst
}

// maybeDue reports whether the i-th credential cr of st may have an item
// on day on: false only when it has none, as found by day arithmetic
// alone, before the exact work of items. An item of cr lies on its
// window's opening, on a day the renewal assessment is first offered or
// the day earned (the first day the holder can renew), a number of days
// before the expiry that the schedule names, the last day, the expiry or
// the last day of the grace period, or, for a cycle with attempts, the day
// a lockout lifts. The policy is the one that governs cr's title on day
// on, as in items; under a plain policy, such as Microsoft's, the title is
// looked up only when the days leave no other answer.
//
// It takes the planner and the state by pointer: copied on every call,
// they cost more than the rest of it.
func (pl *Planner) maybeDue(st *history.State, i int, cr cert.Credential, on cert.Date) bool {
	if cr.Expires.IsZero() {
		return false
	}
	p := &pl.Policy
	if len(p.Programs)+len(p.Versions) == 0 {
		return maybeDue(p, &pl.Catalog, nil, st, i, cr, on)
	}
	c, ok := pl.Catalog.Lookup(cr.Cert)
	if !ok {
		return false
	}
	g := p.For(c)
	for _, v := range g.Versions {
		if v.From == on {
			return true // a first reminder may fall on a version's first day
		}
	}
	q := g.At(on)
	return maybeDue(&q, &pl.Catalog, &c, st, i, cr, on)
}

// maybeDue is [Planner.maybeDue] under the plain policy p; c is cr's
// title, or nil to look it up in cat when needed.
func maybeDue(p *policy.Policy, cat *cert.Catalog, c *cert.Certification, st *history.State, i int, cr cert.Credential, on cert.Date) bool {
	x := cr.Expires
	last := x // the last day an item can fall on
	if g := p.GraceDays; g > 0 {
		if last = x.AddDays(g - 1); last.IsZero() {
			return true // a grace period past 9999-12-31: leave it to items
		}
	}
	if on.After(last) {
		return false
	}
	var opens cert.Date
	if p.WindowDays > 0 {
		opens = x.AddDays(-p.WindowDays)
	} else {
		opens = x.AddMonths(-p.WindowMonths)
	}
	switch {
	case opens.IsZero():
		return true // a window clamped to 0001-01-01: leave it to items
	case on.Before(opens):
		// Only a notice before the window comes so early (RULES G3).
		return p.Schedule.BeforeEligible && slices.Contains(p.Schedule.DaysBefore, x.DaysSince(on))
	case on == opens || on == cr.Earned || on == last:
		return true
	case i < len(st.Cycles) && st.Cycles[i].Len() > 0:
		return true
	}
	k := x.DaysSince(on)
	if k == 0 || k == 1 {
		return true
	}
	for _, b := range p.Schedule.DaysBefore {
		if b == k {
			return true
		}
	}
	if c != nil {
		return offeredOn(c.Launched, c.RenewalFrom, p.MarketAgeMonths, on)
	}
	t, ok := cat.Lookup(cr.Cert)
	return ok && offeredOn(t.Launched, t.RenewalFrom, p.MarketAgeMonths, on)
}

// offeredOn reports whether on is the first day of the renewal assessment
// of a title launched and first renewed on the days given, whose
// assessment the market age offers after its launch when renewed is zero
// (RULES E3); a day may be both, so either counts.
func offeredOn(launched, renewed cert.Date, marketAgeMonths int, on cert.Date) bool {
	return on == renewed || !launched.IsZero() && on == launched.AddMonths(marketAgeMonths)
}

// maxItems is the most items one credential has: its window's opening, the
// first day it can be renewed, MaxReminders reminders, a lockout, its last
// day, its expiry and the last day of its grace period.
const maxItems = 6 + policy.MaxReminders

// merge appends run, which is in order, to dst, whose items from start on
// are in order, and returns dst with all of them in order; on a tie the
// items already there come first. It works from the back, moving each item
// once.
func merge(dst []Item, start int, run []Item) []Item {
	if len(run) == 0 {
		return dst
	}
	i := len(dst) - 1 // the last item of the ordered part
	dst = append(dst, run...)
	j := len(run) - 1
	for k := len(dst) - 1; j >= 0; k-- {
		if i >= start && compare(&dst[i], &run[j]) > 0 {
			dst[k] = dst[i]
			i--
		} else {
			dst[k] = run[j]
			j--
		}
	}
	return dst
}

// items fills run with the items, in order, of the i-th credential cr of
// st on or after day from, and only those on day only when it is not zero,
// and returns how many. The policy is the one that governs cr's title on
// day from (RULES G7, G8; see the package doc).
func (pl Planner) items(run *[maxItems]Item, st history.State, i int, cr cert.Credential, from, only cert.Date) int {
	x := cr.Expires
	p := &pl.Policy
	general := len(p.Programs)+len(p.Versions) > 0
	if x.IsZero() || !general && p.GraceDays == 0 && !from.Before(x.AddDays(1)) {
		return 0 // never expires, or expired before the day
	}
	c, ok := pl.Catalog.Lookup(cr.Cert)
	if !ok || !c.CanExpire() {
		return 0
	}
	var q policy.Policy
	if general {
		q = p.For(c).At(from)
		p = &q
	}
	// The window, the first day the holder can renew and the grace period
	// are the same on every day the credential is held, under one plain
	// policy; the Decision of its earn day carries them. It is asked of
	// cr alone: a stored profile may hold a title twice, and Eligibility
	// reads the first.
	one := [1]cert.Credential{cr}
	d := p.Eligibility(cert.Profile{Learn: st.Profile.Learn, Credentials: one[:]}, c, cr.Earned)
	w := d.Window
	if w.IsZero() {
		return 0
	}
	ends := later(x.AddDays(1), d.GraceEnds) // the day after the last item
	if !from.Before(ends) {
		return 0 // expired, and past the grace period, before the day
	}
	n := 0
	add := func(k Kind, day cert.Date, at time.Time, num int) {
		if !day.IsZero() && !day.Before(from) && (only.IsZero() || day == only) {
			run[n] = Item{Kind: k, Cert: cr.Cert, On: day, At: at, N: num, Expires: x}
			if k == Reminder && day.Before(d.EligibleFrom) {
				run[n].EligibleFrom = d.EligibleFrom // a notice before the window (RULES G3)
			}
			n++
		}
	}
	if !w.Opens.Before(cr.Earned) {
		add(WindowOpens, w.Opens, time.Time{}, 0)
	}
	if f := d.EligibleFrom; f.After(w.Opens) {
		add(CanRenew, f, time.Time{}, 0) // in the grace period, when the assessment comes late
	}
	// The reminders are the policy's own, each by the version in force on
	// its day, and never more than four in a cycle (RULES M1, G7).
	var buf [policy.MaxReminders]cert.Date
	for k, r := range pl.Policy.AppendReminders(buf[:0], c, cr) {
		add(Reminder, r, time.Time{}, k+1)
	}
	add(LastDay, w.Last(), time.Time{}, 0)
	add(Expires, x, time.Time{}, 0)
	if !d.GraceEnds.IsZero() {
		add(GraceLastDay, d.GraceEnds.AddDays(-1), time.Time{}, 0)
	}
	if i < len(st.Cycles) && st.Cycles[i].Len() > 0 {
		cy := st.Cycles[i]
		last := cy.At(cy.Len() - 1).At
		if next, ok := cy.NextLadder(p.RenewalRetakes()); ok && next.After(last) {
			// A lockout lifts inside the window or its grace period,
			// where attempts are made; a stored cycle may say
			// otherwise.
			if day := cert.DateOf(next); !day.Before(w.Opens) && day.Before(later(x, d.GraceEnds)) {
				add(LockoutLifts, day, next, 0)
			}
		}
	}
	// Put the lockout, and a first renewal day in the grace period, in
	// their places among the others: an insertion sort, stable, of at
	// most maxItems items nearly in order.
	for j := 1; j < n; j++ {
		for k := j; k > 0 && compare(&run[k-1], &run[k]) > 0; k-- {
			run[k-1], run[k] = run[k], run[k-1]
		}
	}
	return n
}

// later returns the later of a and b.
func later(a, b cert.Date) cert.Date {
	if a.After(b) {
		return a
	}
	return b
}

package history

import (
	"errors"
	"fmt"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// A State is a certification profile as of a day, replayed from its log:
// the profile, the current renewal cycle of each credential, and the
// earlier credentials of each title, none of them lost.
//
// The zero State is the empty profile: no MCID, no credential, not linked.
//
// Its JSON form is {"profile": {...}, "cycles": [...], "earlier": [...],
// "merged": [...]}, with the JSON forms of [cert.Profile] and
// [assessment.Cycle].
type State struct {
	// Profile holds the current credential of each title, in the order
	// the titles were first earned, and the Learn profile linked.
	Profile cert.Profile `json:"profile"`

	// Cycles holds the current renewal cycle of each credential of
	// Profile, in the same order: Cycles[i].Credential() is
	// Profile.Credentials[i], and its attempts are those since the
	// credential's current window opened (RULES A4).
	Cycles []assessment.Cycle `json:"cycles"`

	// Earlier holds the credentials that are no longer current, in the
	// order they ceased to be, each with the attempts of its last cycle:
	// an expired credential earned again by exam (RULES N6), and the
	// credential of a title held in both profiles of a merge that is
	// valid for less long (RULES P2).
	Earlier []assessment.Cycle `json:"earlier,omitempty"`

	// Merged lists the MCIDs of the profiles merged into this one, in
	// the order they were merged, and of those merged into them.
	Merged []string `json:"merged,omitempty"`
}

// Cycle returns the current renewal cycle of the credential for id, and
// whether the profile holds one.
func (s State) Cycle(id cert.ID) (assessment.Cycle, bool) {
	if i := s.Profile.Index(id); i >= 0 && i < len(s.Cycles) {
		return s.Cycles[i], true
	}
	return assessment.Cycle{}, false
}

// EarlierOf returns the earlier credentials of the title id, each with its
// last cycle, in the order they ceased to be current; nil for none.
func (s State) EarlierOf(id cert.ID) []assessment.Cycle {
	var out []assessment.Cycle
	for _, c := range s.Earlier {
		if c.Credential().Cert == id {
			out = append(out, c)
		}
	}
	return out
}

// A Replayer replays event logs under a policy and a catalog, the plain
// values that every question of a replay reads. The zero Replayer has no
// titles: it refuses every earned event and every attempt.
type Replayer struct {
	Policy  policy.Policy
	Catalog cert.Catalog
}

// Replay folds log, the events of the certification profile mcid, oldest
// first, into its state as of day on: events whose day is after on are
// ignored (the log is in order, so replay stops at the first such event),
// and the rules of the policy check every other event, in order:
//   - an earned event as [policy.Policy.Earn] does (RULES N5, N6, N6a, R1,
//     R1b): it earns the title, or earns it again after expiry, and the
//     expired credential becomes an earlier one;
//   - an attempt as [policy.Policy.RecordAttempt] does (RULES A1-A5,
//     D4), renewing on a pass (RULES N1) and starting the next cycle;
//   - a link as RULES P1 says: once, to one Learn profile; again to the
//     same one changes nothing;
//   - a merge as RULES P2 says: of two unlinked profiles; the other
//     profile's log is replayed as of the day of the merge, under the same
//     policy and catalog, and merged in (see the package doc).
//
// Replay stops at the first event refused, and returns the state before it
// with an [*EventError] naming the event's index, the event, the rule and
// the refusal, which matches the refusal's sentinel: a title not in the
// catalog ([policy.ErrUnknownCertification]), an event of no kind
// ([ErrNoKind]), an event on a day before the event before it
// ([ErrOutOfOrder]), and every refusal of the rules above. A refusal inside
// a merged log is reported as the merge's, wrapping the inner EventError.
//
// Replay never modifies log. Replaying a log plus hypothetical events is
// the same call: append them, in order, to a copy of the log.
func (r Replayer) Replay(mcid string, log []Event, on cert.Date) (State, error) {
	st, refused := r.replay(mcid, log, on, false)
	if len(refused) > 0 {
		return st, refused[0]
	}
	return st, nil
}

// Lenient is Replay that skips every event refused instead of stopping,
// and returns the state with the refused events, in order, each with its
// refusal. A state it returns is one that a strict replay of the log
// without those events gives.
func (r Replayer) Lenient(mcid string, log []Event, on cert.Date) (State, []*EventError) {
	return r.replay(mcid, log, on, true)
}

// A replay is the state of one replay in progress. It owns every slice it
// holds; the State it returns takes them over.
type replay struct {
	r       Replayer
	mcid    string
	pr      cert.Profile
	titles  []title // parallel to pr.Credentials
	earlier []assessment.Cycle
	merged  []string
	last    cert.Date // the day of the last event accepted
}

// A title is a held title's certification and the attempts of its
// credential's current cycle.
type title struct {
	c        cert.Certification
	attempts []assessment.Attempt
}

func (r Replayer) replay(mcid string, log []Event, on cert.Date, lenient bool) (State, []*EventError) {
	rp := replay{r: r, mcid: mcid, pr: cert.Profile{MCID: mcid}}
	// Room for a few titles, so that a short log grows no slice.
	const titles = 8
	rp.pr.Credentials = make([]cert.Credential, 0, titles)
	rp.titles = make([]title, 0, titles)
	var refused []*EventError
	for i := range log {
		e := &log[i]
		day := e.Day()
		if day.After(on) {
			break
		}
		if err := rp.apply(e, day); err != nil {
			err.Index, err.Event = i, *e
			refused = append(refused, err)
			if !lenient {
				break
			}
			continue
		}
		rp.last = day
	}
	return rp.state(), refused
}

// apply applies one event whose day is day, or says why not; the caller
// fills in the index and the event.
func (rp *replay) apply(e *Event, day cert.Date) *EventError {
	if day.Before(rp.last) {
		return &EventError{Err: fmt.Errorf("%w: %s is before %s, the day of the event before it", ErrOutOfOrder, day, rp.last)}
	}
	switch e.Kind {
	case Earned:
		return rp.earn(e.Cert, e.On)
	case Attempted:
		return rp.attempt(e.Cert, e.Attempt())
	case Linked:
		return rp.link(e.Learn)
	case Merged:
		return rp.merge(e)
	}
	return &EventError{Err: fmt.Errorf("%w: %v", ErrNoKind, e.Kind)}
}

// find returns the index of the held title id, or -1.
func (rp *replay) find(id cert.ID) int {
	for i := range rp.pr.Credentials {
		if rp.pr.Credentials[i].Cert == id {
			return i
		}
	}
	return -1
}

// lookup returns the certification id: the held title's, or the catalog's.
func (rp *replay) lookup(id cert.ID) (cert.Certification, int, *EventError) {
	if i := rp.find(id); i >= 0 {
		return rp.titles[i].c, i, nil
	}
	c, ok := rp.r.Catalog.Lookup(id)
	if !ok {
		return c, -1, &EventError{Err: fmt.Errorf("%w: %q is not in the catalog", policy.ErrUnknownCertification, id)}
	}
	return c, -1, nil
}

func (rp *replay) earn(id cert.ID, on cert.Date) *EventError {
	c, i, err := rp.lookup(id)
	if err != nil {
		return err
	}
	cr, perr := rp.r.Policy.EarnCredential(rp.pr, c, on)
	if perr != nil {
		return refusal(perr)
	}
	if i < 0 {
		rp.pr.Credentials = append(rp.pr.Credentials, cr)
		rp.titles = append(rp.titles, title{c: c})
		return nil
	}
	// Earned again after expiry (RULES N6): the expired credential, with
	// its last cycle, becomes an earlier one.
	rp.earlier = append(rp.earlier, rp.cycle(i))
	rp.pr.Credentials[i] = cr
	rp.titles[i].attempts = rp.titles[i].attempts[:0]
	return nil
}

func (rp *replay) attempt(id cert.ID, a assessment.Attempt) *EventError {
	c, i, err := rp.lookup(id)
	if err != nil {
		return err
	}
	var attempts []assessment.Attempt
	if i >= 0 {
		attempts = rp.titles[i].attempts
	}
	p := rp.r.Policy
	if perr := p.CheckAttempt(rp.pr, c, attempts, a); perr != nil {
		return refusal(perr)
	}
	if !a.Passed {
		rp.titles[i].attempts = append(rp.titles[i].attempts, a)
		return nil
	}
	cr, perr := p.RenewCredential(rp.pr, c, cert.DateOf(a.At))
	if perr != nil {
		return refusal(perr)
	}
	// A pass renews (RULES N1) and ends the cycle; the next starts empty
	// (RULES A4).
	rp.pr.Credentials[i] = cr
	rp.titles[i].attempts = rp.titles[i].attempts[:0]
	return nil
}

func (rp *replay) link(learn string) *EventError {
	switch rp.pr.Learn {
	case "":
		rp.pr.Learn = learn
	case learn:
		// Linked again to the same Learn profile: nothing changes.
	default:
		return &EventError{Rule: "P1", Err: fmt.Errorf("%w: linked to %q, not %q", ErrAlreadyLinked, rp.pr.Learn, learn)}
	}
	return nil
}

func (rp *replay) merge(e *Event) *EventError {
	switch {
	case rp.pr.Learn != "":
		return &EventError{Rule: "P2", Err: fmt.Errorf("%w: this profile is linked to %q", ErrMergeLinked, rp.pr.Learn)}
	case e.MCID == rp.mcid || contains(rp.merged, e.MCID):
		return &EventError{Rule: "P2", Err: fmt.Errorf("%w: %q", ErrMergeSelf, e.MCID)}
	}
	other, err := rp.r.Replay(e.MCID, e.Events, e.On)
	if err != nil {
		rule := ""
		var inner *EventError
		if errors.As(err, &inner) {
			rule = inner.Rule
		}
		return &EventError{Rule: rule, Err: fmt.Errorf("in the log of %q: %w", e.MCID, err)}
	}
	switch {
	case other.Profile.Learn != "":
		return &EventError{Rule: "P2", Err: fmt.Errorf("%w: %q is linked to %q", ErrMergeLinked, e.MCID, other.Profile.Learn)}
	case other.Profile.MCID == rp.mcid || contains(other.Merged, rp.mcid):
		return &EventError{Rule: "P2", Err: fmt.Errorf("%w: %q holds this profile", ErrMergeSelf, e.MCID)}
	}
	for j, cr := range other.Profile.Credentials {
		theirs := other.Cycles[j]
		i := rp.find(cr.Cert)
		if i < 0 {
			c, _ := rp.r.Catalog.Lookup(cr.Cert)
			rp.pr.Credentials = append(rp.pr.Credentials, cr)
			rp.titles = append(rp.titles, title{c: c, attempts: theirs.Attempts()})
			continue
		}
		// Held in both: the credential valid longer stays current.
		if !longer(cr, rp.pr.Credentials[i]) {
			rp.earlier = append(rp.earlier, theirs)
			continue
		}
		rp.earlier = append(rp.earlier, rp.cycle(i))
		rp.pr.Credentials[i] = cr
		rp.titles[i].attempts = theirs.Attempts()
	}
	rp.earlier = append(rp.earlier, other.Earlier...)
	rp.merged = append(append(rp.merged, e.MCID), other.Merged...)
	return nil
}

// longer reports whether a is valid longer than b: it expires later, or
// never when b does (RULES V1, P2).
func longer(a, b cert.Credential) bool {
	switch {
	case b.Expires.IsZero():
		return false
	case a.Expires.IsZero():
		return true
	}
	return a.Expires.After(b.Expires)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// cycle returns the cycle of held title i as a Cycle value of its own.
func (rp *replay) cycle(i int) assessment.Cycle {
	c, err := assessment.NewCycle(rp.pr.Credentials[i], rp.titles[i].attempts)
	if err != nil {
		// The attempts were recorded one by one under the retake rule,
		// which keeps them in order and ends them at a pass.
		panic("history: a replayed cycle is refused: " + err.Error())
	}
	return c
}

// state returns the State of the replay. It takes over the replay's
// slices, which nothing else holds.
func (rp *replay) state() State {
	st := State{Profile: rp.pr, Earlier: rp.earlier, Merged: rp.merged}
	if len(rp.titles) > 0 {
		st.Cycles = make([]assessment.Cycle, len(rp.titles))
		for i := range rp.titles {
			st.Cycles[i] = rp.cycle(i)
		}
	}
	return st
}

// refusal wraps a refusal of package policy or assessment in an
// EventError naming its rule.
func refusal(err error) *EventError { return &EventError{Rule: ruleOf(err), Err: err} }

// ruleOf returns the rule of RULES.md behind a refusal of the policy's
// operations.
func ruleOf(err error) string {
	var ne *policy.NotEligibleError
	if errors.As(err, &ne) {
		switch ne.Decision.Reason {
		case policy.NotHeld:
			return "E5"
		case policy.NeverExpires:
			return "V1"
		case policy.Expired:
			return "A1"
		case policy.NotYetOpen:
			return "E2"
		case policy.AssessmentUnavailable:
			return "E3"
		case policy.ProfileNotLinked:
			return "E4"
		}
	}
	for _, r := range []struct {
		err  error
		rule string
	}{
		{policy.ErrStillActive, "N5"},
		{policy.ErrBackdated, "N6a"},
		{policy.ErrMissingPrerequisite, "R1"},
		{policy.ErrDateOutOfRange, "D5"},
		{assessment.ErrTooSoon, "A3"},
		{assessment.ErrPassed, "A4"},
		{assessment.ErrStaleCycle, "A4"},
		{assessment.ErrOutOfOrder, "A5"},
	} {
		if errors.Is(err, r.err) {
			return r.rule
		}
	}
	return ""
}

package policytest

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// The holder the runner keeps: a certification profile with this MCID,
// linked at the start to this Learn profile (RULES E4).
const (
	HolderMCID  = "policytest"
	HolderLearn = "policytest@example.com"
)

// tooSoon and capReached are the names of the refusals that may check when
// they lift: a lockout's end (RULES A3, G5) and a cap's (RULES G6).
const (
	tooSoon    = "TooSoon"
	capReached = "CapReached"
)

// errorNames holds the refusals that "refused NAME" may name beside the
// reasons of package policy, by name. A new sentinel is one more line.
var errorNames = map[string]error{
	"StillActive":          policy.ErrStillActive,
	"Backdated":            policy.ErrBackdated,
	"MissingPrerequisite":  policy.ErrMissingPrerequisite,
	"DateOutOfRange":       policy.ErrDateOutOfRange,
	"UnknownCertification": policy.ErrUnknownCertification,
	tooSoon:                assessment.ErrTooSoon,
	capReached:             assessment.ErrCapReached,
	"Passed":               assessment.ErrPassed,
	"OutOfOrder":           assessment.ErrOutOfOrder,
	"StaleCycle":           assessment.ErrStaleCycle,
}

// errorNameList returns the keys of errorNames in order, so that the name
// of an error and a message never depend on the order of a map.
func errorNameList() []string {
	names := make([]string, 0, len(errorNames))
	for name := range errorNames {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// A Failure is an expectation of a scenario that the policy did not meet,
// or a statement that could not run: where it is, the statement, what the
// scenario wants and what the library decided instead.
//
// The zero Failure names no file and no line.
type Failure struct {
	File string // the scenario's name
	Line int    // the statement's line, from 1

	// Statement is the operation or question, without the expectation:
	// "on 2022-01-14", "earned 2021-07-15", "attempt 2022-02-01T09:00Z
	// fail", "expires", "reminders", "next", "cert ID".
	Statement string

	// Want is the expectation as written, such as "NotYetOpen from
	// 2022-01-15", "refused TooSoon" or "2023-07-15"; "accepted" for an
	// operation without "refused". It is "" for a statement that could
	// not run, such as a title not in the catalog.
	Want string

	// Got is what the library decided: a [policy.Decision] as its String
	// gives it, "accepted", a refusal such as "refused StillActive:
	// policy: credential still active: ...", days, an instant, "any",
	// "none", "never" or "not held". For a statement that could not run
	// it says why.
	Got string
}

// String returns the failure in a line, such as
// "renew.scenario:4: on 2022-01-14: want NotYetOpen from 2022-01-15, got
// Eligible, window [2022-01-15, 2022-07-15), eligible from 2022-01-15", or
// "renew.scenario:1: cert azure-admin: not in the catalog" when Want is
// "".
func (f Failure) String() string {
	s := f.File + ":" + strconv.Itoa(f.Line) + ": " + f.Statement + ": "
	if f.Want == "" {
		return s + f.Got
	}
	return s + "want " + f.Want + ", got " + f.Got
}

// Run runs s against policy p, with the titles of catalog cat, and returns
// the expectations that failed, in the order of the statements: nil when
// the policy decides as the scenario says. It runs every statement, even
// after a failure.
//
// The runner keeps one holder: the profile of [HolderMCID], linked at the
// start to [HolderLearn], and for each title the current renewal cycle
// (RULES A4): the empty cycle of the credential after "earned" and
// "renewed", the cycle that [policy.Policy.RecordAttempt] returns after
// "attempt". An operation that is refused leaves both as they were (as
// the library does); one that is accepted although the scenario wants it
// refused is a failure, and the runner goes on with the state the library
// returned, so that later statements are checked against what happened.
//
// A title statement before any "cert" is a failure ("no cert statement
// before this line"); after a "cert" whose ID is not in cat, which is a
// failure itself, the statements of that title are not run.
//
// Run does no I/O, reads no clock and keeps nothing: it may run on many
// goroutines at once.
func (s Scenario) Run(p policy.Policy, cat cert.Catalog) []Failure {
	r := runner{
		p:      p,
		cat:    cat,
		pr:     cert.Profile{MCID: HolderMCID, Learn: HolderLearn},
		cycles: map[cert.ID]assessment.Cycle{},
	}
	var failures []Failure
	for _, st := range s.steps {
		f := st.st.run(&r)
		if f != nil {
			f.File, f.Line = s.name, st.line
			failures = append(failures, *f)
		}
	}
	return failures
}

// A runner holds the state of one run of a scenario.
type runner struct {
	p      policy.Policy
	cat    cert.Catalog
	pr     cert.Profile
	cycles map[cert.ID]assessment.Cycle

	titled bool               // a cert statement came before
	known  bool               // its ID is in the catalog
	title  cert.Certification // that title, when known
}

// current returns the title the statement st speaks of, and ok; when there
// is none it returns ok false and the failure to report, nil for a title
// not in the catalog, whose cert statement failed already.
func (r *runner) current(st statement) (cert.Certification, *Failure, bool) {
	switch {
	case !r.titled:
		return cert.Certification{}, &Failure{Statement: string(st.appendText(nil)), Got: "no cert statement before this line"}, false
	case !r.known:
		return cert.Certification{}, nil, false
	}
	return r.title, nil, true
}

// cycle returns the current cycle of c's credential.
func (r *runner) cycle(c cert.Certification) assessment.Cycle {
	if cy, ok := r.cycles[c.ID]; ok {
		return cy
	}
	return r.p.Cycle(r.pr, c)
}

func (s certStmt) run(r *runner) *Failure {
	c, ok := r.cat.Lookup(s.id)
	r.titled, r.known, r.title = true, ok, c
	if !ok {
		return &Failure{Statement: "cert " + string(s.id), Got: "not in the catalog"}
	}
	return nil
}

func (s linkStmt) run(r *runner) *Failure {
	r.pr.Learn = ""
	if s.linked {
		r.pr.Learn = HolderLearn
	}
	return nil
}

func (s dayOpStmt) run(r *runner) *Failure {
	c, f, ok := r.current(s)
	if !ok {
		return f
	}
	var pr cert.Profile
	var err error
	if s.op == opEarn {
		pr, err = r.p.Earn(r.pr, c, s.on)
	} else {
		pr, err = r.p.Renew(r.pr, c, s.on)
	}
	if err == nil {
		r.pr = pr
		r.cycles[c.ID] = r.p.Cycle(pr, c)
	}
	return outcome(s.head(), s.refused, err)
}

func (s attemptStmt) run(r *runner) *Failure {
	c, f, ok := r.current(s)
	if !ok {
		return f
	}
	a := assessment.Attempt{At: s.at.time(), Passed: s.passed}
	pr, cy, err := r.p.RecordAttempt(r.pr, c, r.cycle(c), a)
	if err == nil {
		r.pr = pr
		r.cycles[c.ID] = cy
	}
	return outcome(s.head(), s.refused, err)
}

// outcome compares the error of the operation head with the refusal
// wanted, and returns the failure, or nil when they agree.
func outcome(head string, want refusal, err error) *Failure {
	switch {
	case err == nil && want.name == "":
		return nil
	case err == nil:
		return &Failure{Statement: head, Want: want.text(), Got: "accepted"}
	case want.name != "" && want.matches(err):
		return nil
	}
	return &Failure{Statement: head, Want: want.text(), Got: refusedText(err)}
}

// matches reports whether err is the refusal r names: a
// [*policy.NotEligibleError] with that Reason, or an error matching the
// sentinel of that name, and for "until" a [*assessment.LockoutError]
// whose Until is that instant, or for "CapReached until" a
// [*assessment.CapError] whose Until is.
func (r refusal) matches(err error) bool {
	if reason, ok := refusalReason(r.name); ok {
		var ne *policy.NotEligibleError
		return errors.As(err, &ne) && ne.Decision.Reason == reason
	}
	if !errors.Is(err, errorNames[r.name]) {
		return false
	}
	switch {
	case !r.hasUntil:
		return true
	case r.name == capReached:
		var ce *assessment.CapError
		return errors.As(err, &ce) && ce.Until.Equal(r.until.time())
	}
	var le *assessment.LockoutError
	return errors.As(err, &le) && le.Until.Equal(r.until.time())
}

// refusedText returns a refusal as a Failure's Got says it: "refused",
// the name that matches it if any, the lockout's end for a
// [*assessment.LockoutError], and the error's text.
func refusedText(err error) string {
	s := "refused"
	var ne *policy.NotEligibleError
	if errors.As(err, &ne) {
		s += " " + ne.Decision.Reason.String()
	} else {
		for _, name := range errorNameList() {
			if errors.Is(err, errorNames[name]) {
				s += " " + name
				break
			}
		}
	}
	var le *assessment.LockoutError
	if errors.As(err, &le) {
		s += " until " + formatInstant(le.Until)
	}
	return s + ": " + err.Error()
}

func (s onStmt) run(r *runner) *Failure {
	c, f, ok := r.current(s)
	if !ok {
		return f
	}
	d := r.p.Eligibility(r.pr, c, s.on)
	match := d.Reason == s.reason
	for i, v := range s.clauses {
		if v.set && !onClauses[i].check(d, v.days) {
			match = false
		}
	}
	if match {
		return nil
	}
	return &Failure{Statement: "on " + s.on.String(), Want: s.want(), Got: d.String()}
}

func (s expiresStmt) run(r *runner) *Failure {
	c, f, ok := r.current(s)
	if !ok {
		return f
	}
	got := "not held"
	if cr, held := r.pr.Credential(c.ID); held {
		if cr.Expires == s.day {
			return nil
		}
		got = expiresText(cr.Expires)
	}
	return &Failure{Statement: "expires", Want: expiresText(s.day), Got: got}
}

func (s remindersStmt) run(r *runner) *Failure {
	c, f, ok := r.current(s)
	if !ok {
		return f
	}
	got := "not held"
	if cr, held := r.pr.Credential(c.ID); held {
		days := r.p.Reminders(c, cr)
		if slices.Equal(days, s.days) {
			return nil
		}
		got = daysText(days)
	}
	return &Failure{Statement: "reminders", Want: daysText(s.days), Got: got}
}

func (s nextStmt) run(r *runner) *Failure {
	c, f, ok := r.current(s)
	if !ok {
		return f
	}
	at, ok := nextStart(r.p, c, r.cycle(c))
	var got string
	switch {
	case !ok:
		got = "none"
	case at.IsZero():
		got = "any"
	default:
		got = formatInstant(at)
	}
	if got == s.wantText() || s.want == nextAt && ok && at.Equal(s.at.time()) {
		return nil
	}
	return &Failure{Statement: "next", Want: s.wantText(), Got: got}
}

// nextStart returns the earliest instant at which the next attempt of cycle
// cy, of title c, may start under p, and false when none may (RULES A2-A4,
// G5, G6): the answer of [assessment.Cycle.NextLadder] under the renewal
// retake rule of the policy that governs c (RULES G8) in the version in
// force on the day of the cycle's last attempt (RULES G7). The next
// attempt's own day is not known yet; [policy.Policy.RecordAttempt] will
// ask the version of that day, which differs only when a new version comes
// into force in between. An empty cycle gives any instant, under every
// rule.
func nextStart(p policy.Policy, c cert.Certification, cy assessment.Cycle) (time.Time, bool) {
	var last cert.Date
	if n := cy.Len(); n > 0 {
		last = cert.DateOf(cy.At(n - 1).At)
	}
	return cy.NextLadder(p.For(c).At(last).RenewalRetakes())
}

// Run runs, as subtests of t, every scenario file of fsys whose name
// matches pattern ([fs.Glob]), in the order of their names, against policy
// p with the titles of catalog cat. Each subtest is named after its file,
// and reports each [Failure] with t.Error, in a line that starts
// "file:line: ". A file that does not parse fails its subtest with the
// [*SyntaxError], and a file that cannot be read with the error of
// [fs.ReadFile]. A pattern that is malformed or matches no file fails t
// itself, so that a misspelt pattern never passes.
//
// Run opens nothing but through fsys: a test passes os.DirFS("testdata"),
// or an [embed.FS].
func Run(t *testing.T, p policy.Policy, cat cert.Catalog, fsys fs.FS, pattern string) {
	t.Helper()
	files, err := runFiles(p, cat, fsys, pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			t.Helper()
			for _, msg := range f.errors {
				t.Error(msg)
			}
		})
	}
}

// A fileResult is what Run reports of one file: its name and its error
// lines, none when it passes.
type fileResult struct {
	name   string
	errors []string
}

// runFiles is Run without the testing.T: the result of each file, in the
// order of their names, or the error that fails the test as a whole.
func runFiles(p policy.Policy, cat cert.Catalog, fsys fs.FS, pattern string) ([]fileResult, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("policytest: pattern %q: %w", pattern, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("policytest: no scenario file matches %q", pattern)
	}
	slices.Sort(names)
	results := make([]fileResult, len(names))
	for i, name := range names {
		results[i].name = name
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			results[i].errors = []string{err.Error()}
			continue
		}
		s, err := Parse(name, data)
		if err != nil {
			results[i].errors = []string{err.Error()}
			continue
		}
		for _, f := range s.Run(p, cat) {
			results[i].errors = append(results[i].errors, f.String())
		}
	}
	return results, nil
}

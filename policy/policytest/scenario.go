package policytest

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// ErrSyntax matches, with [errors.Is], every refusal of [Parse]: a
// [*SyntaxError] says where and why.
var ErrSyntax = errors.New("policytest: syntax error")

// A SyntaxError reports a scenario that [Parse] cannot read: the file and
// line, the statement at fault and what is wrong with it. It matches
// [ErrSyntax].
type SyntaxError struct {
	File    string // the scenario's name, as given to Parse
	Line    int    // the line, from 1
	Text    string // the statement at fault as written, or the whole line for text that is not UTF-8
	Problem string // what is wrong, such as `unknown reason "Open"`
}

// Error returns the message, such as `policytest: renew.scenario:4: unknown
// reason "Open" in "on 2022-01-14 Open"`.
func (e *SyntaxError) Error() string {
	return "policytest: " + e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Problem + " in " + strconv.Quote(e.Text)
}

// Unwrap returns [ErrSyntax].
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// A Scenario is a parsed scenario file: its name and its statements, each
// with the line it was written on. [Scenario.Run] runs it against a policy;
// [Scenario.String] gives its canonical text.
//
// A Scenario never changes once Parse returns it, and is safe to use from
// several goroutines at once. The zero Scenario has no name and no
// statements: its text is empty and Run finds no failure.
type Scenario struct {
	name  string
	steps []step
}

// A step is one statement of a scenario and the line it was written on.
type step struct {
	line int
	st   statement
}

// A statement is one statement of the language. Every kind of statement is a
// comparable struct but remindersStmt and onStmt, which sameStatement
// compares itself.
type statement interface {
	// appendText appends the statement's canonical text.
	appendText(b []byte) []byte
	// run runs the statement; see run.go.
	run(r *runner) *Failure
}

// Name returns the name given to [Parse], the one failures name as their
// File.
func (s Scenario) Name() string { return s.name }

// Len returns the number of statements of s.
func (s Scenario) Len() int { return len(s.steps) }

// String returns the canonical text of s: one statement a line, each ended
// by a newline, with words separated by one space, clauses in a fixed order
// and no comments; the empty string for a scenario with no statements.
// Parse(s.Name(), []byte(s.String())) gives a scenario equal to s
// ([Scenario.Equal]) with the same String.
func (s Scenario) String() string {
	var b []byte
	for _, st := range s.steps {
		b = st.st.appendText(b)
		b = append(b, '\n')
	}
	return string(b)
}

// Equal reports whether s and t have the same name and the same statements
// in the same order. The lines they were written on, their spacing and
// their comments do not count: a scenario equals its canonical text parsed
// again. Instants are equal when they are the same instant with the same
// offset from UTC, which gives the day of an attempt (RULES D4).
func (s Scenario) Equal(t Scenario) bool {
	return s.name == t.name && slices.EqualFunc(s.steps, t.steps, func(a, b step) bool {
		return sameStatement(a.st, b.st)
	})
}

// sameStatement reports whether a and b are the same statement.
func sameStatement(a, b statement) bool {
	switch a := a.(type) {
	case remindersStmt:
		b, ok := b.(remindersStmt)
		return ok && slices.Equal(a.days, b.days)
	case onStmt:
		b, ok := b.(onStmt)
		return ok && a.on == b.on && a.reason == b.reason && slices.Equal(a.clauses, b.clauses)
	}
	switch b.(type) {
	case remindersStmt, onStmt:
		return false
	}
	return a == b
}

// Parse reads the scenario text data, named name in messages (a file name,
// such as "renew.scenario"), in the language of the package doc. It checks
// every statement before anything runs and refuses the first that it cannot
// read with a [*SyntaxError] that names its line: an unknown statement, a
// malformed day or instant, a word missing or one too many, an unknown
// reason, refusal or clause, a clause given twice. Text that is not UTF-8 is
// refused too.
//
// Text with no statements, only blank lines and comments, is a scenario that
// checks nothing. Parse keeps no reference to data and never changes it.
func Parse(name string, data []byte) (Scenario, error) {
	s := Scenario{name: name}
	for n := 1; ; n++ {
		line, rest, more := bytes.Cut(data, []byte{'\n'})
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if !utf8.Valid(line) {
			return Scenario{}, &SyntaxError{File: name, Line: n, Text: strings.ToValidUTF8(string(line), "\uFFFD"), Problem: "text not UTF-8"}
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for part := range bytes.SplitSeq(line, []byte{';'}) {
			words := fields(part)
			if len(words) == 0 {
				continue
			}
			var st statement
			var err error
			if i := bytes.IndexFunc(part, isControl); i >= 0 {
				r, _ := utf8.DecodeRune(part[i:])
				err = problem("control character " + strconv.QuoteRune(r))
			} else {
				st, err = parseStatement(words)
			}
			if err != nil {
				return Scenario{}, &SyntaxError{File: name, Line: n, Text: string(bytes.Trim(part, " \t")), Problem: err.Error()}
			}
			s.steps = append(s.steps, step{line: n, st: st})
		}
		if !more {
			return s, nil
		}
		data = rest
	}
}

// isControl reports whether r is a control character other than a tab,
// which no statement may hold: a carriage return at the end of a line is
// part of its line ending.
func isControl(r rune) bool { return r != '\t' && (r < 0x20 || r == 0x7f) }

// fields splits b into words separated by spaces and tabs.
func fields(b []byte) []string {
	var words []string
	for w := range bytes.FieldsFuncSeq(b, func(r rune) bool { return r == ' ' || r == '\t' }) {
		words = append(words, string(w))
	}
	return words
}

// statements holds the parser of each statement, by its first word. Each
// parser reads the words after the first, all of them.
var statements = map[string]func(c *cursor) (statement, error){
	"cert":      parseCert,
	"linked":    func(c *cursor) (statement, error) { return linkStmt{linked: true}, c.end() },
	"unlinked":  func(c *cursor) (statement, error) { return linkStmt{linked: false}, c.end() },
	"earned":    func(c *cursor) (statement, error) { return parseDayOp(c, opEarn) },
	"renewed":   func(c *cursor) (statement, error) { return parseDayOp(c, opRenew) },
	"attempt":   parseAttempt,
	"on":        parseOn,
	"expires":   parseExpires,
	"reminders": parseReminders,
	"next":      parseNext,
}

// parseStatement reads one statement, given as its words.
func parseStatement(words []string) (statement, error) {
	parse, ok := statements[words[0]]
	if !ok {
		return nil, problem("unknown statement " + strconv.Quote(words[0]))
	}
	return parse(&cursor{head: words[0], words: words[1:]})
}

// problem is the error of a statement that cannot be read; Parse puts its
// text in a SyntaxError.
type problem string

func (p problem) Error() string { return string(p) }

// A cursor reads the words of one statement after its first, head.
type cursor struct {
	head  string
	words []string
}

// peek returns the next word, or "" when none is left.
func (c *cursor) peek() string {
	if len(c.words) == 0 {
		return ""
	}
	return c.words[0]
}

// word returns the next word, or an error saying that what is missing.
func (c *cursor) word(what string) (string, error) {
	if len(c.words) == 0 {
		return "", problem("missing " + what + " after " + strconv.Quote(c.head))
	}
	w := c.words[0]
	c.words = c.words[1:]
	c.head = w
	return w, nil
}

// end refuses words left over.
func (c *cursor) end() error {
	if len(c.words) > 0 {
		return problem("unexpected " + strconv.Quote(strings.Join(c.words, " ")) + " at the end")
	}
	return nil
}

// date reads a DATE.
func (c *cursor) date() (cert.Date, error) {
	w, err := c.word("a date")
	if err != nil {
		return cert.Date{}, err
	}
	d, err := cert.ParseDate(w)
	if err != nil {
		why := "want the form 2006-01-02"
		if pe := (*cert.ParseError)(nil); errors.As(err, &pe) {
			why = pe.Why
		}
		return cert.Date{}, problem("bad date " + strconv.Quote(w) + ": " + why)
	}
	return d, nil
}

// instant reads an INSTANT.
func (c *cursor) instant() (instant, error) {
	w, err := c.word("an instant")
	if err != nil {
		return instant{}, err
	}
	i, ok := parseInstant(w)
	if !ok {
		return instant{}, problem("bad instant " + strconv.Quote(w) + ": want RFC 3339, such as 2022-02-01T09:00Z or 2022-02-01T09:00:00+08:00")
	}
	return i, nil
}

// An instant is an INSTANT of the language: a [time.Time] kept as numbers,
// with its offset from UTC, so that statements compare with == and an
// instant keeps the offset that gives its day (RULES D4).
type instant struct {
	unix   int64 // seconds since 1970-01-01 UTC
	nsec   int32 // nanoseconds within the second
	offset int32 // seconds east of UTC
}

// instantOf returns the instant of t, with t's offset.
func instantOf(t time.Time) instant {
	_, off := t.Zone()
	return instant{unix: t.Unix(), nsec: int32(t.Nanosecond()), offset: int32(off)}
}

// time returns i as a [time.Time] in UTC, or in a fixed zone of its offset.
// It never depends on the machine's local zone.
func (i instant) time() time.Time {
	loc := time.UTC
	if i.offset != 0 {
		loc = time.FixedZone("", int(i.offset))
	}
	return time.Unix(i.unix, int64(i.nsec)).In(loc)
}

// String returns i's canonical text: RFC 3339 without seconds when they and
// the fraction are zero ("2022-02-01T09:00Z"), else with them.
func (i instant) String() string { return formatInstant(i.time()) }

// formatInstant returns t as the language writes an instant.
func formatInstant(t time.Time) string {
	if t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02T15:04Z07:00")
	}
	return t.Format(time.RFC3339Nano)
}

// parseInstant reads RFC 3339 text, with or without seconds and fraction.
func parseInstant(s string) (instant, bool) {
	// "2006-01-02T15:04" then a zone: add the seconds RFC 3339 requires.
	if len(s) > 16 && s[10] == 'T' && s[13] == ':' && s[16] != ':' {
		s = s[:16] + ":00" + s[16:]
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return instant{}, false
	}
	return instantOf(t), true
}

// A certStmt is "cert ID".
type certStmt struct{ id cert.ID }

func parseCert(c *cursor) (statement, error) {
	w, err := c.word("a certification ID")
	if err != nil {
		return nil, err
	}
	return certStmt{id: cert.ID(w)}, c.end()
}

func (s certStmt) appendText(b []byte) []byte { return append(append(b, "cert "...), s.id...) }

// A linkStmt is "linked" or "unlinked".
type linkStmt struct{ linked bool }

func (s linkStmt) appendText(b []byte) []byte {
	if s.linked {
		return append(b, "linked"...)
	}
	return append(b, "unlinked"...)
}

// An op names the operation of a dayOpStmt.
type op uint8

const (
	opEarn  op = iota + 1 // "earned": Policy.Earn
	opRenew               // "renewed": Policy.Renew
)

// A dayOpStmt is "earned DATE" or "renewed DATE", with an optional refusal.
type dayOpStmt struct {
	op      op
	on      cert.Date
	refused refusal
}

func parseDayOp(c *cursor, o op) (statement, error) {
	d, err := c.date()
	if err != nil {
		return nil, err
	}
	r, err := parseRefusal(c)
	if err != nil {
		return nil, err
	}
	return dayOpStmt{op: o, on: d, refused: r}, nil
}

// head returns the statement without its refusal, as a Failure names it.
func (s dayOpStmt) head() string {
	if s.op == opEarn {
		return "earned " + s.on.String()
	}
	return "renewed " + s.on.String()
}

func (s dayOpStmt) appendText(b []byte) []byte {
	return s.refused.appendText(append(b, s.head()...))
}

// An attemptStmt is "attempt INSTANT pass|fail", with an optional refusal.
type attemptStmt struct {
	at      instant
	passed  bool
	refused refusal
}

func parseAttempt(c *cursor) (statement, error) {
	at, err := c.instant()
	if err != nil {
		return nil, err
	}
	w, err := c.word("pass or fail")
	if err != nil {
		return nil, err
	}
	if w != "pass" && w != "fail" {
		return nil, problem("want pass or fail, not " + strconv.Quote(w))
	}
	r, err := parseRefusal(c)
	if err != nil {
		return nil, err
	}
	return attemptStmt{at: at, passed: w == "pass", refused: r}, nil
}

// head returns the statement without its refusal, as a Failure names it.
func (s attemptStmt) head() string {
	if s.passed {
		return "attempt " + s.at.String() + " pass"
	}
	return "attempt " + s.at.String() + " fail"
}

func (s attemptStmt) appendText(b []byte) []byte {
	return s.refused.appendText(append(b, s.head()...))
}

// A refusal is the optional "refused NAME [until INSTANT]" that ends an
// operation: name is "" when the operation must be accepted. "until" follows
// only TooSoon, the end of a lockout (RULES A3, G5), and CapReached, the end
// of a cap (RULES G6).
type refusal struct {
	name     string // a policy.Reason name or a key of errorNames
	until    instant
	hasUntil bool // "until" was given: only after TooSoon or CapReached
}

// parseRefusal reads an optional refusal and ends the statement.
func parseRefusal(c *cursor) (refusal, error) {
	if c.peek() != "refused" {
		return refusal{}, c.end()
	}
	c.word("")
	name, err := c.word("a reason or error name")
	if err != nil {
		return refusal{}, err
	}
	if r, ok := refusalReason(name); ok && r == policy.Eligible || !ok && errorNames[name] == nil {
		return refusal{}, problem("unknown refusal " + strconv.Quote(name) + ": want a reason other than Eligible, or one of " + strings.Join(errorNameList(), ", "))
	}
	r := refusal{name: name}
	if c.peek() == "until" {
		if name != tooSoon && name != capReached {
			return refusal{}, problem(`"until" follows only "refused TooSoon" or "refused CapReached"`)
		}
		c.word("")
		if r.until, err = c.instant(); err != nil {
			return refusal{}, err
		}
		r.hasUntil = true
	}
	return r, c.end()
}

// refusalReason returns the Reason that name names, if any.
func refusalReason(name string) (policy.Reason, bool) {
	var r policy.Reason
	if name == "" || r.UnmarshalText([]byte(name)) != nil {
		return 0, false
	}
	return r, true
}

// text returns the refusal as written, such as "refused TooSoon until
// 2022-02-02T09:30Z", or "accepted" for none.
func (r refusal) text() string {
	if r.name == "" {
		return "accepted"
	}
	return string(r.appendText(nil)[1:])
}

func (r refusal) appendText(b []byte) []byte {
	if r.name == "" {
		return b
	}
	b = append(append(b, " refused "...), r.name...)
	if r.hasUntil {
		b = append(append(b, " until "...), r.until.String()...)
	}
	return b
}

// An onStmt is "on DATE REASON" with optional clauses.
type onStmt struct {
	on      cert.Date
	reason  policy.Reason
	clauses []clauseValue // one per entry of onClauses, in its order
}

// A clauseValue is the value of an optional clause of the on statement.
type clauseValue struct {
	set  bool         // the clause was given
	days [2]cert.Date // its days, as many as the clause takes; zero for "none"
}

// An onClause is an optional clause of the on statement, which may follow
// the reason in any order, at most once each. A new clause is one more entry
// of onClauses.
type onClause struct {
	lead  string // the words that start it, such as "from" or "grace until"
	days  int    // how many dates follow: 0 for a clause of words alone, 1 or 2
	none  bool   // whether "none" may stand for the dates, as the zero Dates
	check func(d policy.Decision, days [2]cert.Date) bool
}

// onClauses lists the optional clauses of the on statement, in the order in
// which the canonical text writes them.
var onClauses = []onClause{
	{lead: "from", days: 1, none: true, check: func(d policy.Decision, v [2]cert.Date) bool {
		return d.EligibleFrom == v[0]
	}},
	{lead: "window", days: 2, none: true, check: func(d policy.Decision, v [2]cert.Date) bool {
		return d.Window == policy.Window{Opens: v[0], Closes: v[1]}
	}},
	// The first day after the grace period (RULES G1); "none" for a
	// policy without one, or a Decision without a window.
	{lead: "grace until", days: 1, none: true, check: func(d policy.Decision, v [2]cert.Date) bool {
		return d.GraceEnds == v[0]
	}},
	// The day lies in the grace period, after the expiry (RULES G1).
	{lead: "in grace", days: 0, check: func(d policy.Decision, _ [2]cert.Date) bool {
		return d.InGrace
	}},
}

func parseOn(c *cursor) (statement, error) {
	d, err := c.date()
	if err != nil {
		return nil, err
	}
	w, err := c.word("a reason")
	if err != nil {
		return nil, err
	}
	r, ok := refusalReason(w)
	if !ok {
		return nil, problem("unknown reason " + strconv.Quote(w))
	}
	s := onStmt{on: d, reason: r, clauses: make([]clauseValue, len(onClauses))}
	for len(c.words) > 0 {
		i := matchClause(c)
		if i < 0 {
			return nil, problem("unknown clause " + strconv.Quote(c.peek()) + ": want " + clauseList())
		}
		cl := &onClauses[i]
		if s.clauses[i].set {
			return nil, problem(strconv.Quote(cl.lead) + " given twice")
		}
		v := clauseValue{set: true}
		if cl.none && c.peek() == "none" {
			c.word("")
		} else {
			for k := range cl.days {
				if v.days[k], err = c.date(); err != nil {
					return nil, err
				}
			}
		}
		s.clauses[i] = v
	}
	return s, nil
}

// matchClause consumes the lead words of the clause at c and returns its
// index in onClauses, or -1, consuming nothing, when none starts there.
func matchClause(c *cursor) int {
	for i, cl := range onClauses {
		lead := strings.Fields(cl.lead)
		if len(c.words) >= len(lead) && slices.Equal(c.words[:len(lead)], lead) {
			c.head = lead[len(lead)-1]
			c.words = c.words[len(lead):]
			return i
		}
	}
	return -1
}

// clauseList returns the clauses' lead words for a message, such as
// `"from", "window" or "in grace"`.
func clauseList() string {
	var leads []string
	for _, cl := range onClauses {
		leads = append(leads, strconv.Quote(cl.lead))
	}
	n := len(leads) - 1
	if n < 1 {
		return strings.Join(leads, "")
	}
	return strings.Join(leads[:n], ", ") + " or " + leads[n]
}

// want returns the expectation of s as written: the reason and the clauses,
// such as "NotYetOpen from 2022-01-15".
func (s onStmt) want() string {
	b := append([]byte(nil), s.reason.String()...)
	for i, v := range s.clauses {
		if !v.set {
			continue
		}
		cl := &onClauses[i]
		b = append(append(b, ' '), cl.lead...)
		if cl.none && v.days == [2]cert.Date{} {
			b = append(b, " none"...)
			continue
		}
		for k := range cl.days {
			b = v.days[k].AppendTo(append(b, ' '))
		}
	}
	return string(b)
}

func (s onStmt) appendText(b []byte) []byte {
	b = s.on.AppendTo(append(b, "on "...))
	return append(append(b, ' '), s.want()...)
}

// An expiresStmt is "expires DATE" or "expires never" (the zero Date).
type expiresStmt struct{ day cert.Date }

func parseExpires(c *cursor) (statement, error) {
	if c.peek() == "never" {
		c.word("")
		return expiresStmt{}, c.end()
	}
	d, err := c.date()
	if err != nil {
		return nil, err
	}
	return expiresStmt{day: d}, c.end()
}

func (s expiresStmt) appendText(b []byte) []byte {
	return append(append(b, "expires "...), expiresText(s.day)...)
}

// expiresText returns d's text, or "never" for the zero Date.
func expiresText(d cert.Date) string {
	if d.IsZero() {
		return "never"
	}
	return d.String()
}

// A remindersStmt is "reminders DATE..." or "reminders none" (no days).
type remindersStmt struct{ days []cert.Date }

func parseReminders(c *cursor) (statement, error) {
	if c.peek() == "none" {
		c.word("")
		return remindersStmt{}, c.end()
	}
	var s remindersStmt
	for {
		d, err := c.date()
		if err != nil {
			return nil, err
		}
		s.days = append(s.days, d)
		if len(c.words) == 0 {
			return s, nil
		}
	}
}

func (s remindersStmt) appendText(b []byte) []byte {
	return append(append(b, "reminders "...), daysText(s.days)...)
}

// daysText returns days separated by spaces, or "none" for no days.
func daysText(days []cert.Date) string {
	if len(days) == 0 {
		return "none"
	}
	var b []byte
	for i, d := range days {
		if i > 0 {
			b = append(b, ' ')
		}
		b = d.AppendTo(b)
	}
	return string(b)
}

// A nextStmt is "next INSTANT", "next any" or "next none".
type nextStmt struct {
	want next
	at   instant // for nextAt
}

// A next says what a nextStmt expects.
type next uint8

const (
	nextAt   next = iota + 1 // from the instant at
	nextAny                  // at any instant: (zero, true)
	nextNone                 // none may start: ok false
)

func parseNext(c *cursor) (statement, error) {
	switch c.peek() {
	case "any":
		c.word("")
		return nextStmt{want: nextAny}, c.end()
	case "none":
		c.word("")
		return nextStmt{want: nextNone}, c.end()
	}
	at, err := c.instant()
	if err != nil {
		return nil, err
	}
	return nextStmt{want: nextAt, at: at}, c.end()
}

// wantText returns the expectation as written.
func (s nextStmt) wantText() string {
	switch s.want {
	case nextAny:
		return "any"
	case nextNone:
		return "none"
	}
	return s.at.String()
}

func (s nextStmt) appendText(b []byte) []byte {
	return append(append(b, "next "...), s.wantText()...)
}

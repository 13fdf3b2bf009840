package history_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/history"
)

const (
	admin     cert.ID = "azure-administrator"
	developer cert.ID = "azure-developer"
	architect cert.ID = "azure-solutions-architect"
)

// ada's log: the administrator earned on 2021-07-15 (12 months, RULES V2),
// the profile linked, and a fail, a retake at once and a pass in the window
// [2022-01-15, 2022-07-15).
var ada = []history.Event{
	earn(admin, "2021-07-15"),
	link("ada@example.com", "2021-07-20"),
	fail(admin, "2022-02-01T09:00:00+08:00"),
	fail(admin, "2022-02-01T09:40:00+08:00"),
	pass(admin, "2022-02-02T10:00:00+08:00"),
}

func cr(id cert.ID, earned, expires string) cert.Credential {
	c := cert.Credential{Cert: id, Earned: day(earned)}
	if expires != "" {
		c.Expires = day(expires)
	}
	return c
}

// TestReplayRefusals checks each refusal of a strict replay, at the
// boundary days: the index, the rule and the sentinel of the event refused,
// and the state before it.
func TestReplayRefusals(t *testing.T) {
	tests := []struct {
		name  string
		log   []history.Event
		index int
		rule  string
		is    error
	}{
		{"E2 an attempt the day before the window opens", []history.Event{earn(admin, "2021-07-15"), link("a", "2021-07-15"), fail(admin, "2022-01-14T23:59:59Z")}, 2, "E2", policy.ErrOutsideWindow},
		{"A1 an attempt on the expiry day", []history.Event{earn(admin, "2021-07-15"), link("a", "2021-07-15"), fail(admin, "2022-07-15T00:00:00Z")}, 2, "A1", policy.ErrExpired},
		{"E4 an attempt before linking", []history.Event{earn(admin, "2021-07-15"), fail(admin, "2022-01-15T00:00:00Z")}, 1, "E4", policy.ErrNotLinked},
		{"E5 an attempt at a title not held", []history.Event{link("a", "2021-07-15"), fail(admin, "2022-01-15T00:00:00Z")}, 1, "E5", policy.ErrNotHeld},
		{"A3 a third attempt 24h less a second after the second", []history.Event{earn(admin, "2021-07-15"), link("a", "2021-07-15"),
			fail(admin, "2022-02-01T09:00:00Z"), fail(admin, "2022-02-01T10:00:00Z"), fail(admin, "2022-02-02T09:59:59Z")}, 4, "A3", assessment.ErrTooSoon},
		{"A5 an attempt before the one before it, on the same day", []history.Event{earn(admin, "2021-07-15"), link("a", "2021-07-15"),
			fail(admin, "2022-02-01T09:00:00Z"), fail(admin, "2022-02-01T08:00:00Z")}, 3, "A5", assessment.ErrOutOfOrder},
		{"R1 an expert without an active associate", []history.Event{earn(architect, "2021-08-01")}, 0, "R1", policy.ErrMissingPrerequisite},
		{"R1 an expert on the associate's expiry day", []history.Event{earn(admin, "2021-07-15"), earn(architect, "2022-07-15")}, 1, "R1", policy.ErrMissingPrerequisite},
		{"N5 the exam again on the last active day", []history.Event{earn(admin, "2021-07-15"), earn(admin, "2022-07-14")}, 1, "N5", policy.ErrStillActive},
		{"P1 a second link to another Learn profile", []history.Event{link("a", "2021-07-15"), link("b", "2021-07-16")}, 1, "P1", history.ErrAlreadyLinked},
		{"P2 a merge into a linked profile", []history.Event{link("a", "2021-07-15"), history.Merge("2", day("2021-07-16"), nil)}, 1, "P2", history.ErrMergeLinked},
		{"P2 a merge of a linked profile", []history.Event{history.Merge("2", day("2021-07-16"), []history.Event{link("b", "2021-07-15")})}, 0, "P2", history.ErrMergeLinked},
		{"P2 a merge of the profile itself", []history.Event{history.Merge("1", day("2021-07-16"), nil)}, 0, "P2", history.ErrMergeSelf},
		{"P2 a merge whose log is refused", []history.Event{history.Merge("2", day("2021-07-16"), []history.Event{earn(architect, "2021-07-15")})}, 0, "R1", policy.ErrMissingPrerequisite},
		{"H1 a title not in the catalog", []history.Event{earn("contoso-expert", "2021-07-15")}, 0, "", policy.ErrUnknownCertification},
		{"D1 an event the day before the one before it", []history.Event{earn(admin, "2021-07-15"), link("a", "2021-07-14")}, 1, "", history.ErrOutOfOrder},
		{"D1 an event of no kind", []history.Event{{}}, 0, "", history.ErrNoKind},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := cloneLog(tt.log)
			st, err := replayer.Replay("1", tt.log, far)
			var ee *history.EventError
			if !errors.As(err, &ee) || !errors.Is(err, tt.is) {
				t.Fatalf("Replay = %v, want an *EventError matching %v", err, tt.is)
			}
			if ee.Index != tt.index || ee.Rule != tt.rule {
				t.Errorf("refused event %d by rule %q, want %d by %q: %v", ee.Index, ee.Rule, tt.index, tt.rule, err)
			}
			if diff := cmp.Diff(tt.log[tt.index], ee.Event, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("the event named (-want +got):\n%s", diff)
			}
			want, err := replayer.Replay("1", tt.log[:tt.index], far)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, st, cmpState); diff != "" {
				t.Errorf("the state is not that before the refused event (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, tt.log, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Replay changed the log (-want +got):\n%s", diff)
			}
		})
	}
	var lock *assessment.LockoutError
	_, err := replayer.Replay("1", tests[4].log, far)
	if !errors.As(err, &lock) || !lock.Until.Equal(at("2022-02-02T10:00:00Z")) {
		t.Errorf("A3 the lockout is reachable with errors.As: %v", err)
	}
}

// cmpState compares States: Cycles by their credential and attempts.
var cmpState = cmp.Options{
	cmp.Comparer(func(a, b assessment.Cycle) bool {
		return a.Credential() == b.Credential() && cmp.Equal(a.Attempts(), b.Attempts())
	}),
	cmpopts.EquateEmpty(),
}

func cloneLog(log []history.Event) []history.Event {
	out := make([]history.Event, len(log))
	for i, e := range log {
		e.Events = cloneLog(e.Events)
		out[i] = e
	}
	return out
}

// TestReplay checks the state that replays give, at the boundary days.
func TestReplay(t *testing.T) {
	tests := []struct {
		name    string
		log     []history.Event
		on      string
		profile cert.Profile
		cycles  map[cert.ID]int // attempts in the current cycle
		earlier []cert.Credential
	}{
		{"N1 ada renews from her expiry", ada, "9999-12-31",
			cert.Profile{MCID: "1", Learn: "ada@example.com", Credentials: []cert.Credential{cr(admin, "2021-07-15", "2023-07-15")}}, map[cert.ID]int{admin: 0}, nil},
		{"A4 the day before the pass: two attempts in the cycle", ada, "2022-02-01",
			cert.Profile{MCID: "1", Learn: "ada@example.com", Credentials: []cert.Credential{cr(admin, "2021-07-15", "2022-07-15")}}, map[cert.ID]int{admin: 2}, nil},
		{"V2 the day earned", ada, "2021-07-15",
			cert.Profile{MCID: "1", Credentials: []cert.Credential{cr(admin, "2021-07-15", "2022-07-15")}}, map[cert.ID]int{admin: 0}, nil},
		{"N6 the day before: nothing", ada, "2021-07-14", cert.Profile{MCID: "1"}, nil, nil},
		{"P1 linked again to the same Learn profile: no change", []history.Event{link("a", "2021-07-15"), link("a", "2022-01-01")}, "9999-12-31",
			cert.Profile{MCID: "1", Learn: "a"}, nil, nil},
		{"N6 expired and earned again: the old credential is history", []history.Event{
			earn(admin, "2021-07-15"), link("a", "2021-07-15"), fail(admin, "2022-07-14T23:00:00Z"), earn(admin, "2022-07-15")}, "9999-12-31",
			cert.Profile{MCID: "1", Learn: "a", Credentials: []cert.Credential{cr(admin, "2022-07-15", "2023-07-15")}}, map[cert.ID]int{admin: 0},
			[]cert.Credential{cr(admin, "2021-07-15", "2022-07-15")}},
		// FAQ 11: renewing the expert renews it alone (RULES N2, R2).
		{"R2 FAQ 11 renewing the expert leaves the associate", []history.Event{
			earn(admin, "2021-07-15"), earn(architect, "2021-08-01"), link("a", "2021-08-01"), pass(architect, "2022-03-01T09:00:00Z")}, "9999-12-31",
			cert.Profile{MCID: "1", Learn: "a", Credentials: []cert.Credential{cr(admin, "2021-07-15", "2022-07-15"), cr(architect, "2021-08-01", "2023-08-01")}},
			map[cert.ID]int{admin: 0, architect: 0}, nil},
		// FAQ 12: the associate's expiry leaves the expert (RULES R3).
		{"R3 FAQ 12 the associate expires, the expert stays", []history.Event{
			earn(admin, "2021-07-15"), earn(architect, "2021-08-01")}, "2022-07-20",
			cert.Profile{MCID: "1", Credentials: []cert.Credential{cr(admin, "2021-07-15", "2022-07-15"), cr(architect, "2021-08-01", "2022-08-01")}},
			map[cert.ID]int{admin: 0, architect: 0}, nil},
		{"P2 a merge: the credential valid longer stays, the other is history", []history.Event{
			earn(admin, "2021-07-15"),
			history.Merge("2", day("2021-12-01"), []history.Event{earn(admin, "2021-09-01"), earn(developer, "2021-10-01")}),
			link("a", "2021-12-02")}, "9999-12-31",
			cert.Profile{MCID: "1", Learn: "a", Credentials: []cert.Credential{cr(admin, "2021-09-01", "2022-09-01"), cr(developer, "2021-10-01", "2022-10-01")}},
			map[cert.ID]int{admin: 0, developer: 0}, []cert.Credential{cr(admin, "2021-07-15", "2022-07-15")}},
		{"P2 a merge on a tie keeps the credential already held", []history.Event{
			earn(admin, "2021-07-15"),
			history.Merge("2", day("2021-12-01"), []history.Event{earn(admin, "2021-07-15")})}, "9999-12-31",
			cert.Profile{MCID: "1", Credentials: []cert.Credential{cr(admin, "2021-07-15", "2022-07-15")}},
			map[cert.ID]int{admin: 0}, []cert.Credential{cr(admin, "2021-07-15", "2022-07-15")}},
		{"P2 the merged log's events after the merge day are ignored", []history.Event{
			history.Merge("2", day("2021-12-01"), []history.Event{earn(admin, "2021-09-01"), earn(developer, "2021-12-02")})}, "9999-12-31",
			cert.Profile{MCID: "1", Credentials: []cert.Credential{cr(admin, "2021-09-01", "2022-09-01")}},
			map[cert.ID]int{admin: 0}, nil},
		{"V1 fundamentals never expire", []history.Event{earn(fundamentals.ID, "2021-03-01")}, "9999-12-31",
			cert.Profile{MCID: "1", Credentials: []cert.Credential{cr(fundamentals.ID, "2021-03-01", "")}}, map[cert.ID]int{fundamentals.ID: 0}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := replayer.Replay("1", tt.log, day(tt.on))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.profile, st.Profile, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("profile (-want +got):\n%s", diff)
			}
			for id, n := range tt.cycles {
				c, ok := st.Cycle(id)
				cur, _ := st.Profile.Credential(id)
				if !ok || c.Len() != n || c.Credential() != cur {
					t.Errorf("cycle of %s: %d attempts of %v, want %d of %v", id, c.Len(), c.Credential(), n, cur)
				}
			}
			var earlier []cert.Credential
			for _, c := range st.Earlier {
				earlier = append(earlier, c.Credential())
			}
			if diff := cmp.Diff(tt.earlier, earlier, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("earlier credentials (-want +got):\n%s", diff)
			}
			if problems := history.Check(replayer.Policy, catalog, st.Profile); problems != nil {
				t.Errorf("the replayed profile fails the check: %v", problems)
			}
		})
	}
}

// TestLenient checks that a lenient replay skips the refused events,
// reports each with its index, and gives the state of the log without them.
func TestLenient(t *testing.T) {
	log := []history.Event{
		earn(architect, "2021-07-01"), // R1: no associate yet
		earn(admin, "2021-07-15"),
		fail(admin, "2022-02-01T09:00:00Z"), // E4: not linked yet
		link("a", "2022-02-01"),
		link("b", "2022-02-02"), // P1
		pass(admin, "2022-02-03T09:00:00Z"),
		earn(admin, "2022-01-01"), // out of order
	}
	st, refused := replayer.Lenient("1", log, far)
	var got []int
	for _, e := range refused {
		got = append(got, e.Index)
	}
	if diff := cmp.Diff([]int{0, 2, 4, 6}, got); diff != "" {
		t.Errorf("refused events (-want +got):\n%s", diff)
	}
	want, err := replayer.Replay("1", []history.Event{log[1], log[3], log[5]}, far)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, st, cmpState); diff != "" {
		t.Errorf("state (-want +got):\n%s", diff)
	}
	if _, err := replayer.Replay("1", log, far); !errors.Is(err, policy.ErrMissingPrerequisite) {
		t.Errorf("strict Replay = %v, want the first refusal", err)
	}
}

// TestStateEdges checks the State of an empty log and a State whose cycles
// do not match its profile, as stored data may hold.
func TestStateEdges(t *testing.T) {
	st, err := replayer.Replay("1", nil, far)
	if err != nil || st.Cycles != nil {
		t.Errorf("an empty log: %+v, %v; want no cycles", st, err)
	}
	if _, ok := st.Cycle(admin); ok {
		t.Error("an empty state has a cycle")
	}
	short := history.State{Profile: cert.Profile{Credentials: []cert.Credential{cr(admin, "2021-07-15", "2022-07-15")}}}
	if _, ok := short.Cycle(admin); ok {
		t.Error("a state with no cycles has one")
	}
	full, _ := replayer.Replay("1", []history.Event{earn(admin, "2021-07-15")}, far)
	if c, ok := full.Cycle(admin); !ok || c.Credential() != full.Profile.Credentials[0] {
		t.Errorf("the first credential's cycle: %v, %v", c.Credential(), ok)
	}
}

// TestEventErrorText checks that a refusal's text names the event and the
// rule, and only a rule there is.
func TestEventErrorText(t *testing.T) {
	_, err := replayer.Replay("1", []history.Event{earn(architect, "2021-08-01")}, far)
	if want := `history: event 0 (earned "azure-solutions-architect" on 2021-08-01) refused by RULES R1: `; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Error() = %v, want the prefix %q", err, want)
	}
	_, err = replayer.Replay("1", []history.Event{earn(admin, "2021-08-01"), earn(developer, "2021-07-01")}, far)
	if err == nil || strings.Contains(err.Error(), "RULES") || !strings.Contains(err.Error(), "event 1 (") {
		t.Errorf("Error() = %v, want event 1 and no rule", err)
	}
}

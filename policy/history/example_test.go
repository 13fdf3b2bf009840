package history_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/history"
)

func ExampleReplayer_Replay() {
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	log, err := history.ParseLog([]byte(`[
		{"kind": "earned",  "cert": "azure-administrator", "on": "2021-07-15"},
		{"kind": "linked",  "learn": "ada@example.com", "on": "2021-07-20"},
		{"kind": "attempt", "cert": "azure-administrator", "at": "2022-02-01T09:00:00+08:00", "passed": false},
		{"kind": "attempt", "cert": "azure-administrator", "at": "2022-02-01T09:40:00+08:00", "passed": true}
	]`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, on := range []string{"2022-01-31", "2022-02-01"} {
		st, err := r.Replay("1000001", log, cert.MustParseDate(on))
		if err != nil {
			fmt.Println(err)
			return
		}
		cr, _ := st.Profile.Credential("azure-administrator")
		fmt.Println("as of", on, "it expires", cr.Expires)
	}
	// Output:
	// as of 2022-01-31 it expires 2022-07-15
	// as of 2022-02-01 it expires 2023-07-15
}

// What if she passes on Friday? Replay the log with the hypothetical
// attempt appended.
func ExampleReplayer_Replay_whatIf() {
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	log := []history.Event{
		history.Earn("azure-administrator", cert.MustParseDate("2021-07-15")),
		history.Link("ada@example.com", cert.MustParseDate("2021-07-20")),
		history.Attempt("azure-administrator", assessment.Attempt{At: time.Date(2022, 2, 1, 9, 0, 0, 0, time.UTC)}),
	}
	friday := assessment.Attempt{At: time.Date(2022, 2, 4, 9, 0, 0, 0, time.UTC), Passed: true}
	whatIf := append(log[:len(log):len(log)], history.Attempt("azure-administrator", friday))
	st, err := r.Replay("1000001", whatIf, cert.MustParseDate("2022-02-04"))
	if err != nil {
		fmt.Println(err)
		return
	}
	cr, _ := st.Profile.Credential("azure-administrator")
	fmt.Println("if she passes on Friday, her expiry becomes", cr.Expires)
	// Output:
	// if she passes on Friday, her expiry becomes 2023-07-15
}

func ExampleReplayer_Lenient() {
	r := history.Replayer{Policy: policy.Microsoft(), Catalog: cert.Roadmap()}
	log := []history.Event{
		history.Earn("azure-solutions-architect", cert.MustParseDate("2021-07-01")), // no associate yet (RULES R1)
		history.Earn("azure-administrator", cert.MustParseDate("2021-07-15")),
		history.Link("ada@example.com", cert.MustParseDate("2021-07-20")),
		history.Link("bob@example.com", cert.MustParseDate("2021-07-21")), // the link cannot change (RULES P1)
	}
	st, refused := r.Lenient("1000001", log, cert.MustParseDate("2022-01-01"))
	for _, e := range refused {
		fmt.Println(e.Index, e.Rule, errors.Is(e, policy.ErrMissingPrerequisite) || errors.Is(e, history.ErrAlreadyLinked))
	}
	fmt.Println(len(st.Profile.Credentials), st.Profile.Learn)
	// Output:
	// 0 R1 true
	// 3 P1 true
	// 1 ada@example.com
}

func ExampleCheck() {
	p := policy.Microsoft()
	stored := cert.Profile{MCID: "1000001", Credentials: []cert.Credential{
		{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-07-15"), Expires: cert.MustParseDate("2023-07-15")}, // renewed once
		{Cert: "azure-developer", Earned: cert.MustParseDate("2021-07-15"), Expires: cert.MustParseDate("2023-01-15")},     // no renewal gives this
		{Cert: "azure-data-engineer", Earned: cert.MustParseDate("2021-07-15")},                                            // no expiry
	}}
	for _, problem := range history.Check(p, cert.Roadmap(), stored) {
		fmt.Println(problem.Index, problem.Cert, errors.Is(problem.Err, history.ErrUnreachableExpiry), errors.Is(problem.Err, history.ErrNoExpiry))
	}
	// Output:
	// 1 azure-developer true false
	// 2 azure-data-engineer false true
}

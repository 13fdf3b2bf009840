package history_test

// Test files: <source>_test.go holds the table tests of <source>.go,
// props_test.go the properties and their generators, fuzz_test.go,
// bench_test.go, alloc_test.go and example_test.go as their names say, and
// this file the helpers they share.

import (
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/history"
)

var day = cert.MustParseDate

// fundamentals is a fundamentals title, which the roadmap lacks.
var fundamentals = cert.Certification{ID: "azure-fundamentals", Name: "Microsoft Certified: Azure Fundamentals", Level: cert.Fundamentals}

// catalog is the roadmap with a fundamentals title.
var catalog = func() cert.Catalog {
	var certs []cert.Certification
	for c := range cert.Roadmap().All() {
		certs = append(certs, c)
	}
	c, err := cert.NewCatalog(append(certs, fundamentals)...)
	if err != nil {
		panic(err)
	}
	return c
}()

// replayer replays under Microsoft's policy and the catalog above.
var replayer = history.Replayer{Policy: policy.Microsoft(), Catalog: catalog}

// far is a day after every event of the tests.
var far = day("9999-12-31")

// at returns the instant of an RFC 3339 text.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func earn(id cert.ID, on string) history.Event { return history.Earn(id, day(on)) }
func fail(id cert.ID, when string) history.Event {
	return history.Attempt(id, assessment.Attempt{At: at(when)})
}
func pass(id cert.ID, when string) history.Event {
	return history.Attempt(id, assessment.Attempt{At: at(when), Passed: true})
}
func link(learn, on string) history.Event { return history.Link(learn, day(on)) }

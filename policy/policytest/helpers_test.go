package policytest_test

// Test files: <source>_test.go holds the table tests of <source>.go,
// props_test.go the round-trip property and its generator, fuzz_test.go and
// example_test.go as their names say, and this file the helpers they share.

import (
	"testing"

	"github.com/certrenew/certrenew/policy/policytest"
)

// mustParse parses text as the scenario named name, failing t on error.
func mustParse(t testing.TB, name, text string) policytest.Scenario {
	t.Helper()
	s, err := policytest.Parse(name, []byte(text))
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	return s
}

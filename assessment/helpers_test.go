package assessment_test

import (
	"os"
	"strconv"
	"testing"
	"time"
	_ "time/tzdata" // the examples and tests load IANA zones; do not depend on the host

	"github.com/certrenew/certrenew/assessment"
	"github.com/leanovate/gopter"
)

// microsoft is the retake rule of RULES A2 and A3.
var microsoft = assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour}

// parameters returns the gopter parameters every property of this package
// runs with: a fixed seed, the day the policy was announced, which the
// environment variable CERTRENEW_SEED overrides, and 1000 cases.
func parameters(t *testing.T) *gopter.TestParameters {
	t.Helper()
	seed := int64(20201215)
	if s := os.Getenv("CERTRENEW_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("CERTRENEW_SEED=%q: %v", s, err)
		}
		seed = n
	}
	t.Logf("gopter seed %d (set CERTRENEW_SEED to change it)", seed)
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = 1000
	return p
}

// at returns the instant of an RFC 3339 text, for literal test input.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// fails returns a history of failed attempts at the given instants.
func fails(ts ...time.Time) []assessment.Attempt {
	h := make([]assessment.Attempt, len(ts))
	for i, t := range ts {
		h[i] = assessment.Attempt{At: t}
	}
	return h
}

// spaced returns n failed attempts, each 25 hours after the one before it,
// which every rule with a wait of at most 25 hours allows.
func spaced(n int) []assessment.Attempt {
	start := at("2021-03-01T09:00:00Z")
	h := make([]assessment.Attempt, n)
	for i := range h {
		h[i] = assessment.Attempt{At: start.Add(time.Duration(i) * 25 * time.Hour)}
	}
	return h
}

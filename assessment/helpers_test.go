package assessment_test

import (
	"time"
	_ "time/tzdata" // the examples and tests load IANA zones; do not depend on the host

	"github.com/certrenew/certrenew/assessment"
)

// microsoft is the retake rule of RULES A2 and A3.
var microsoft = assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour}

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

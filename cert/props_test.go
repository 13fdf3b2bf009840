package cert_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"

	"github.com/certrenew/certrenew/cert"
)

// defaultSeed is the day the renewal policy was announced (RULES H1).
const defaultSeed = 20201215

// properties returns the package's property runner: a fixed seed, which
// CERTRENEW_SEED overrides, and at least 1000 cases per property. The seed is
// logged so that a failure can be replayed.
func properties(t *testing.T) *gopter.Properties {
	t.Helper()
	seed := int64(defaultSeed)
	if s := os.Getenv("CERTRENEW_SEED"); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("CERTRENEW_SEED=%q: %v", s, err)
		}
		seed = v
	}
	t.Logf("gopter seed %d; replay with CERTRENEW_SEED=%d go test -run '^%s$' ./cert", seed, seed, t.Name())
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = 1000
	return gopter.NewProperties(params)
}

// day is MustParseDate, for literal days in tests.
var day = cert.MustParseDate

// first and last are the first and last real Dates (RULES D5).
var (
	first = day("0001-01-01")
	last  = day("9999-12-31")
)

// lastIndex is the number of days from first to last.
const lastIndex = 3652058

// dayAt returns the Date k days after 0001-01-01.
func dayAt(k int) cert.Date { return first.AddDays(k) }

// genIndex generates day indexes over every real Date, for dayAt.
func genIndex() gopter.Gen { return gen.IntRange(0, lastIndex) }

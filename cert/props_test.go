package cert_test

import (
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"

	"github.com/certrenew/certrenew/cert"
)

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

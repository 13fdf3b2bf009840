package policytest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
	"github.com/certrenew/certrenew/policy/policytest"
)

// TestPropScenarioRoundTrip states that a scenario's canonical text reads
// back as an equal scenario with the same text, whatever spacing,
// separators, comments, clause order and instant forms it was written in.
func TestPropScenarioRoundTrip(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("String then Parse gives an equal scenario", prop.ForAll(
		func(text string) string {
			s, err := policytest.Parse("p.scenario", []byte(text))
			if err != nil {
				return "Parse: " + err.Error()
			}
			again, err := policytest.Parse("p.scenario", []byte(s.String()))
			switch {
			case err != nil:
				return "Parse(String()): " + err.Error()
			case !again.Equal(s):
				return "Parse(String()) is not equal: " + again.String()
			case again.String() != s.String():
				return "String changed: " + again.String()
			case strings.Count(s.String(), "\n") != s.Len():
				return "String is not one statement a line"
			}
			return ""
		},
		genScenario(),
	))
	properties.TestingRun(t)
}

// genScenario generates scenario text of up to 12 statements, written with
// random separators and comments.
func genScenario() gopter.Gen {
	return gen.SliceOfN(12, gopter.CombineGens(genStatement(), gen.OneConstOf("\n", "; ", " ;\n", "\t# a comment; not a statement\n", "\r\n", "\n\n"))).
		Map(func(parts [][]any) string {
			var b strings.Builder
			for _, v := range parts {
				b.WriteString(v[0].(string))
				b.WriteString(v[1].(string))
			}
			return b.String()
		})
}

// genStatement generates one statement, its words separated by random
// blanks.
func genStatement() gopter.Gen {
	return gen.Weighted([]gen.WeightedGen{
		{Weight: 2, Gen: gen.OneConstOf("cert azure-administrator", "cert azure-developer", "cert no-such-title")},
		{Weight: 1, Gen: gen.OneConstOf("linked", "unlinked")},
		{Weight: 3, Gen: words("earned", genDate(), genRefusal())},
		{Weight: 2, Gen: words("renewed", genDate(), genRefusal())},
		{Weight: 3, Gen: words("attempt", genInstant(), gen.OneConstOf("pass", "fail"), genRefusal())},
		{Weight: 3, Gen: gopter.CombineGens(genDate(), gen.OneConstOf("NotHeld", "NeverExpires", "Expired", "NotYetOpen",
			"AssessmentUnavailable", "ProfileNotLinked", "Eligible"), genOnClauses()).
			Map(func(v []any) string { return join("on", v[0], v[1], v[2]) })},
		{Weight: 2, Gen: gen.OneGenOf(gen.Const("expires never"), words("expires", genDate()))},
		{Weight: 2, Gen: gen.OneGenOf(gen.Const("reminders none"), gen.SliceOfN(4, genDate()).SuchThat(func(d []string) bool { return len(d) > 0 }).
			Map(func(d []string) string { return "reminders " + strings.Join(d, "  ") }))},
		{Weight: 2, Gen: gen.OneGenOf(gen.OneConstOf("next any", "next none"), words("next", genInstant()))},
	})
}

// words generates the head and then one word from each generator, which
// may give "" for none.
func words(head string, gens ...gopter.Gen) gopter.Gen {
	return gopter.CombineGens(gens...).Map(func(v []any) string { return join(head, v...) })
}

// join joins the non-empty words with a space or a tab.
func join(head string, v ...any) string {
	s := head
	for i, w := range v {
		if w := w.(string); w != "" {
			s += " \t"[i%2:i%2+1] + w
		}
	}
	return s
}

// genDate generates a day from 0001-01-01 to 9999-12-31, mostly near 2022.
func genDate() gopter.Gen {
	first, last := cert.MustParseDate("0001-01-01"), cert.MustParseDate("9999-12-31")
	around := cert.MustParseDate("2022-01-15")
	return gen.Weighted([]gen.WeightedGen{
		{Weight: 3, Gen: gen.IntRange(-800, 800).Map(func(n int) string { return around.AddDays(n).String() })},
		{Weight: 1, Gen: gen.IntRange(0, last.DaysSince(first)).Map(func(n int) string { return first.AddDays(n).String() })},
	})
}

// genInstant generates an instant in one of the forms the language reads:
// with or without seconds and fraction, in UTC or at an offset.
func genInstant() gopter.Gen {
	return gopter.CombineGens(genDate(), gen.IntRange(0, 86399), gen.OneConstOf(0, 0, 1, 250_000_000, 999_999_999),
		gen.IntRange(-1439, 1439), gen.IntRange(0, 3)).
		Map(func(v []any) string {
			day := cert.MustParseDate(v[0].(string))
			sec, nsec, offMin, form := v[1].(int), v[2].(int), v[3].(int), v[4].(int)
			loc := time.UTC
			if form > 0 {
				loc = time.FixedZone("", offMin*60)
			}
			t := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, sec, nsec, loc)
			switch {
			case form == 3 || nsec != 0:
				return t.Format(time.RFC3339Nano)
			case sec%60 == 0 && form == 2:
				return t.Format("2006-01-02T15:04Z07:00")
			}
			return t.Format(time.RFC3339)
		})
}

// genRefusal generates no refusal, or one of every kind.
func genRefusal() gopter.Gen {
	return gen.Weighted([]gen.WeightedGen{
		{Weight: 3, Gen: gen.Const("")},
		{Weight: 2, Gen: gen.OneConstOf("refused NotHeld", "refused Expired", "refused NotYetOpen", "refused ProfileNotLinked",
			"refused StillActive", "refused Backdated", "refused TooSoon", "refused Passed", "refused OutOfOrder", "refused StaleCycle",
			"refused CapReached")},
		{Weight: 1, Gen: genInstant().Map(func(s string) string { return "refused TooSoon until " + s })},
		{Weight: 1, Gen: genInstant().Map(func(s string) string { return "refused CapReached until " + s })},
	})
}

// genOnClauses generates the optional clauses of on, each present or not,
// in any order.
func genOnClauses() gopter.Gen {
	from := gen.OneGenOf(gen.Const(""), gen.Const("from none"), genDate().Map(func(d string) string { return "from " + d }))
	window := gen.OneGenOf(gen.Const(""), gen.Const("window none"),
		gopter.CombineGens(genDate(), genDate()).Map(func(v []any) string { return "window " + v[0].(string) + " " + v[1].(string) }))
	grace := gen.OneGenOf(gen.Const(""), gen.Const("grace until none"), genDate().Map(func(d string) string { return "grace until " + d }))
	in := gen.OneConstOf("", "in grace")
	return gopter.CombineGens(from, window, grace, in, gen.SliceOfN(4, gen.IntRange(0, 3))).Map(func(v []any) string {
		clauses := []string{v[0].(string), v[1].(string), v[2].(string), v[3].(string)}
		for i, j := range v[4].([]int) { // a few swaps: any order
			clauses[i%4], clauses[j] = clauses[j], clauses[i%4]
		}
		return strings.Join(strings.Fields(strings.Join(clauses, " ")), " ")
	})
}

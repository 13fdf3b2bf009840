package assessment_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
)

// TestPropA1_RetakeAsOftenAsNeeded states RULES A1: there is no limit on
// attempts. Each attempt started at Next of the cycle so far, or later, is
// recorded, however many came before it.
func TestPropA1_RetakeAsOftenAsNeeded(t *testing.T) {
	cr := cert.Credential{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-07-15"), Expires: cert.MustParseDate("2022-07-15")}
	properties := proptest.New(t)
	properties.Property("A1 attempts as often as needed", prop.ForAll(
		func(n int, delays []int64, immediate int) string {
			r := assessment.Retakes{Immediate: immediate, Wait: 24 * time.Hour}
			c, err := assessment.NewCycle(cr, nil)
			if err != nil {
				return err.Error()
			}
			start := at("2022-01-15T09:00:00Z")
			for i := range n {
				when, ok := c.Next(r)
				if !ok {
					return fmt.Sprintf("A1 attempt %d: Next says none may start", i+1)
				}
				if when.IsZero() {
					when = start
				}
				when = when.Add(time.Duration(delays[i%len(delays)]))
				next, err := c.Record(r, assessment.Attempt{At: when})
				if err != nil {
					return fmt.Sprintf("A1 attempt %d at %v: %v", i+1, when, err)
				}
				c = next
			}
			if c.Len() != n {
				return fmt.Sprintf("%d attempts recorded, want %d", c.Len(), n)
			}
			return ""
		},
		gen.IntRange(1, 60), gen.SliceOfN(7, gen.Int64Range(0, int64(3*time.Hour))), gen.IntRange(0, 3),
	))
	properties.TestingRun(t)
}

// TestPropA6_OfferedInTheExamsLanguages states RULES A6: the assessment is
// offered in every language of the exam, however its tag is cased, and in
// no other once the exam's languages are known.
func TestPropA6_OfferedInTheExamsLanguages(t *testing.T) {
	pool := []string{"en", "ja", "zh-Hans", "zh-Hant", "pt-BR", "de", "fr", "ko", "es", "id"}
	properties := proptest.New(t)
	properties.Property("A6 offered in the exam's languages and no other", prop.ForAll(
		func(pick []bool, lang int, upper bool) string {
			var langs []string
			for i, p := range pick {
				if p {
					langs = append(langs, pool[i])
				}
			}
			c := cert.Certification{ID: "azure-administrator", ExamLanguages: langs, ExamRevised: cert.MustParseDate("2023-10-27")}
			o := assessment.OfferingOf(c)
			if o.Revised != c.ExamRevised || o.Cert != c.ID {
				return fmt.Sprintf("A6 the assessment follows the exam: %+v", o)
			}
			tag := pool[lang]
			if upper {
				tag = strings.ToUpper(tag)
			}
			listed := pick[lang]
			if got, want := o.Offers(tag), listed || len(langs) == 0; got != want {
				return fmt.Sprintf("A6 Offers(%q) with %v = %v, want %v", tag, langs, got, want)
			}
			return ""
		},
		gen.SliceOfN(10, gen.Bool()), gen.IntRange(0, 9), gen.Bool(),
	))
	properties.TestingRun(t)
}

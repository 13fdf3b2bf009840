package cert_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
)

// testZones are offsets at the ends of the range and a fractional one.
var testZones = []*time.Location{time.UTC, time.FixedZone("UTC-12", -12*3600), time.FixedZone("UTC+14", 14*3600), time.FixedZone("UTC+5:45", 5*3600+45*60)}

// TestPropD1_DayOfAnInstant states RULES D1: the day of an instant is its
// civil date in the instant's own location.
func TestPropD1_DayOfAnInstant(t *testing.T) {
	zones := testZones
	properties := proptest.New(t)
	properties.Property("D1 the day of an instant is its date in its own location", prop.ForAll(
		func(k int, nanos int64, z int) string {
			at := dayAt(k).In(time.UTC).Add(time.Duration(nanos)).In(zones[z])
			got := cert.DateOf(at)
			y, m, d := at.Date()
			if want := cert.NewDate(y, m, d); got != want {
				return fmt.Sprintf("DateOf(%v) = %s, want %s", at, got, want)
			}
			if back := got.In(zones[z]); back.After(at) || !back.AddDate(0, 0, 1).After(at) {
				return fmt.Sprintf("%s begins at %v, not on the day of %v", got, back, at)
			}
			return ""
		},
		gen.IntRange(1, lastIndex-1), gen.Int64Range(0, int64(24*time.Hour)-1), gen.IntRange(0, len(zones)-1),
	))
	properties.TestingRun(t)
}

// TestPropD2_ActiveSpan states RULES D2: a credential is active on exactly
// the days Earned <= d < Expires, or from Earned on when it never expires.
func TestPropD2_ActiveSpan(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("D2 a credential is active on [Earned, Expires)", prop.ForAll(
		func(e, span, k int, never bool) string {
			cr := cert.Credential{Cert: "azure-administrator", Earned: dayAt(e), Expires: dayAt(e).AddDays(span)}
			if never {
				cr.Expires = cert.Date{}
			}
			on := dayAt(e).AddDays(k)
			want := !on.IsZero() && !on.Before(cr.Earned) && (never || on.Before(cr.Expires))
			if got := cr.ActiveOn(on); got != want {
				return fmt.Sprintf("%+v ActiveOn(%s) = %v, want %v", cr, on, got, want)
			}
			return ""
		},
		gen.IntRange(1000, lastIndex-2000), gen.IntRange(0, 800), gen.IntRange(-3, 803), gen.Bool(),
	))
	properties.TestingRun(t)
}

// TestPropH1_RoadmapWaves states RULES H1 of every roadmap title: it is
// role-based or specialty, its renewal assessment is first offered inside
// the page's two waves (early February to March 2021), and each
// prerequisite is an associate of the roadmap.
func TestPropH1_RoadmapWaves(t *testing.T) {
	var titles []cert.Certification
	for c := range cert.Roadmap().All() {
		titles = append(titles, c)
	}
	properties := proptest.New(t)
	properties.Property("H1 every roadmap title renews from a wave day", prop.ForAll(
		func(k int) string {
			c := titles[k]
			switch {
			case c.Level == cert.Fundamentals || !c.Level.IsValid():
				return fmt.Sprintf("%s is %v", c.ID, c.Level)
			case c.RenewalFrom.Before(day("2021-02-01")) || c.RenewalFrom.After(day("2021-03-31")):
				return fmt.Sprintf("%s renews from %s, outside February to March 2021", c.ID, c.RenewalFrom)
			}
			for _, id := range c.Prerequisites {
				pre, ok := cert.Roadmap().Lookup(id)
				if !ok || pre.Level != cert.Associate || c.Level != cert.Expert {
					return fmt.Sprintf("R1 %s (%v) has prerequisite %s (%v, found %v)", c.ID, c.Level, id, pre.Level, ok)
				}
			}
			return ""
		},
		gen.IntRange(0, len(titles)-1),
	))
	properties.TestingRun(t)
}

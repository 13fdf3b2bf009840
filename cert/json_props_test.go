package cert_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/internal/proptest"
)

// Generators of every exported value of the package, for the JSON
// properties. Empty lists are nil, as a round trip through the JSON forms,
// which omit them, gives them back.
var (
	genDate  = gen.IntRange(-1, lastIndex).Map(dateOrZero)
	genLevel = gen.IntRange(0, 4).Map(func(n int) cert.Level { return cert.Level(n) })
	genText  = upTo(12, gen.Rune(), reflect.TypeFor[rune]()).Map(func(rs []rune) string { return string(rs) })
	genID    = genText.Map(func(s string) cert.ID { return cert.ID(s) })
	genIDs   = upTo(4, genID, reflect.TypeFor[cert.ID]()).Map(func(ids []cert.ID) []cert.ID { return nilIfEmpty(ids) })
	genTexts = upTo(4, genText, reflect.TypeFor[string]()).Map(func(ss []string) []string { return nilIfEmpty(ss) })

	genCertification = gopter.CombineGens(genID, genText, genLevel, genDate, genDate, genIDs, genTexts, genDate).
				Map(func(v []any) cert.Certification {
			return cert.Certification{
				ID: v[0].(cert.ID), Name: v[1].(string), Level: v[2].(cert.Level),
				Launched: v[3].(cert.Date), RenewalFrom: v[4].(cert.Date),
				Prerequisites: v[5].([]cert.ID), ExamLanguages: v[6].([]string), ExamRevised: v[7].(cert.Date),
			}
		})

	genCredential = gopter.CombineGens(genID, genDate, genDate).Map(func(v []any) cert.Credential {
		return cert.Credential{Cert: v[0].(cert.ID), Earned: v[1].(cert.Date), Expires: v[2].(cert.Date)}
	})

	genProfile = gopter.CombineGens(genText, genText, upTo(5, genCredential, reflect.TypeFor[cert.Credential]())).Map(func(v []any) cert.Profile {
		return cert.Profile{MCID: v[0].(string), Learn: v[1].(string), Credentials: nilIfEmpty(v[2].([]cert.Credential))}
	})

	// genTitle generates the makings of one title of a valid catalog.
	genTitle = gopter.CombineGens(genText, gen.IntRange(1, 4), genDate, genDate, upTo(4, gen.IntRange(0, 1000), reflect.TypeFor[int]()),
		upTo(3, gen.OneConstOf("en", "zh-Hans", "pt-BR", "es-419", "x-private", "ja"), reflect.TypeFor[string]()), genDate)

	// genCatalog generates valid catalogs of 1 to 12 titles: unique IDs
	// beyond ASCII, renewal days on or after launch days, and experts whose
	// prerequisites are associates of the same catalog.
	genCatalog = gopter.CombineGens(gen.IntRange(1, 12), gen.SliceOfN(12, genTitle)).Map(func(v []any) []cert.Certification {
		titles := v[1].([][]any)[:v[0].(int)]
		certs := make([]cert.Certification, len(titles))
		var associates []cert.ID
		for i, v := range titles {
			name := v[0].(string)
			c := cert.Certification{
				ID:    cert.ID(strconv.Itoa(i) + "-" + name),
				Name:  "Title " + name,
				Level: cert.Level(v[1].(int)),
				// Launched at most RenewalFrom, or either unknown.
				Launched: v[2].(cert.Date), RenewalFrom: v[3].(cert.Date),
				ExamLanguages: nilIfEmpty(v[5].([]string)), ExamRevised: v[6].(cert.Date),
			}
			if !c.Launched.IsZero() && !c.RenewalFrom.IsZero() && c.RenewalFrom.Before(c.Launched) {
				c.Launched, c.RenewalFrom = c.RenewalFrom, c.Launched
			}
			c.ExamLanguages = slices.Compact(c.ExamLanguages)
			if c.Level == cert.Associate {
				associates = append(associates, c.ID)
			}
			certs[i] = c
		}
		for i, v := range titles {
			if certs[i].Level != cert.Expert || len(associates) == 0 {
				continue
			}
			for _, k := range v[4].([]int) {
				if id := associates[k%len(associates)]; !slices.Contains(certs[i].Prerequisites, id) {
					certs[i].Prerequisites = append(certs[i].Prerequisites, id)
				}
			}
		}
		return certs
	})
)

// upTo generates slices of 0 to n elements of g, whose type is t. It drops
// the sieve of gen.SliceOfN, which wants the length of the first slice
// drawn: gopter checks each element of a slice with the sieve of the
// first, so that a slice of values holding such slices would be discarded.
func upTo(n int, g gopter.Gen, t reflect.Type) gopter.Gen {
	return gen.IntRange(0, n).FlatMap(func(k any) gopter.Gen {
		return gen.SliceOfN(k.(int), g, t)
	}, reflect.SliceOf(t)).MapResult(func(r *gopter.GenResult) *gopter.GenResult {
		r.Sieve = nil
		return r
	})
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

// lowerCamel matches a key written in lower camel case: "renewalFrom".
var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// keysLowerCamel returns a key of the JSON text b that is not in lower
// camel case, or "".
func keysLowerCamel(b []byte) string {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return "(no JSON: " + err.Error() + ")"
	}
	var walk func(v any) string
	walk = func(v any) string {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if !lowerCamel.MatchString(k) {
					return k
				}
				if bad := walk(x); bad != "" {
					return bad
				}
			}
		case []any:
			for _, x := range v {
				if bad := walk(x); bad != "" {
					return bad
				}
			}
		}
		return ""
	}
	return walk(v)
}

// roundTrip marshals in, unmarshals the text into a new value of its type,
// and says what went wrong, or "".
func roundTrip[T any](in T) string {
	b, err := json.Marshal(in)
	if err != nil {
		return fmt.Sprintf("json.Marshal(%#v) = %v", in, err)
	}
	if bad := keysLowerCamel(b); bad != "" {
		return fmt.Sprintf("json.Marshal(%#v) = %s, with the key %q", in, b, bad)
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		return fmt.Sprintf("json.Unmarshal(%s) = %v", b, err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		return fmt.Sprintf("JSON round trip of %s mismatch (-in +out):\n%s", b, diff)
	}
	return ""
}

// TestPropJSONRoundTrip states of every exported type of the package that
// it has a JSON form with lower-camel keys that gives back the same value
// (API.md; RULES D5 for the zero Date, V1 for levels, H1 for catalogs).
func TestPropJSONRoundTrip(t *testing.T) {
	properties := proptest.New(t)
	properties.Property("D5 a Date's JSON round-trips, the zero Date too", prop.ForAll(
		func(d cert.Date) string { return roundTrip(d) }, genDate))
	properties.Property("V1 a Level's JSON round-trips, the zero Level too", prop.ForAll(
		func(l cert.Level) string { return roundTrip(l) }, genLevel))
	properties.Property("H1 an ID's JSON round-trips", prop.ForAll(
		func(id cert.ID) string { return roundTrip(id) }, genID))
	properties.Property("H1 a Certification's JSON round-trips, with lower-camel keys", prop.ForAll(
		func(c cert.Certification) string { return roundTrip(c) }, genCertification))
	properties.Property("D2 a Credential's JSON round-trips, with lower-camel keys", prop.ForAll(
		func(cr cert.Credential) string { return roundTrip(cr) }, genCredential))
	properties.Property("E4 a Profile's JSON round-trips, with lower-camel keys", prop.ForAll(
		func(p cert.Profile) string { return roundTrip(p) }, genProfile))
	properties.Property("H1 a Catalog's JSON round-trips, through ParseCatalog too, with lower-camel keys", prop.ForAll(
		func(certs []cert.Certification) string {
			c, err := cert.NewCatalog(certs...)
			if err != nil {
				return fmt.Sprintf("the generator made a catalog NewCatalog refuses: %v", err)
			}
			b, err := json.Marshal(c)
			if err != nil {
				return fmt.Sprintf("json.Marshal = %v", err)
			}
			if bad := keysLowerCamel(b); bad != "" {
				return fmt.Sprintf("json.Marshal = %s, with the key %q", b, bad)
			}
			var back cert.Catalog
			if err := json.Unmarshal(b, &back); err != nil {
				return fmt.Sprintf("json.Unmarshal(%s) = %v", b, err)
			}
			parsed, err := cert.ParseCatalog(b)
			if err != nil {
				return fmt.Sprintf("ParseCatalog(%s) = %v", b, err)
			}
			for _, got := range []cert.Catalog{back, parsed} {
				if all := slices.Collect(got.All()); !slices.EqualFunc(certs, all, equalCert) {
					return fmt.Sprintf("JSON round trip of %s mismatch (-want +got):\n%s", b, cmp.Diff(certs, all))
				}
			}
			return ""
		}, genCatalog))
	properties.TestingRun(t)
}

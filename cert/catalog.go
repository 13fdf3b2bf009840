package cert

import (
	"encoding/json"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/certrenew/certrenew/internal/strictjson"
)

// A Catalog is a set of certifications, in a stable order, found by [ID].
//
// The zero Catalog is empty: Lookup finds nothing and All yields nothing.
// Build one with [Roadmap] or [NewCatalog], or read one from JSON. No method
// changes a Catalog once built, and copies share its storage; the slices of
// a [Certification] it returns are shared too, and must not be modified.
type Catalog struct {
	certs []Certification
}

// NewCatalog returns a catalog of certs, in the order given. It refuses, with
// an error matching [ErrInvalidCatalog]:
//   - no certifications at all;
//   - an empty ID or name, a level that is not one of the four, or an ID
//     given twice;
//   - a renewal day before the launch day;
//   - a prerequisite on a title that is not Expert, a prerequisite that is
//     not in the catalog, is not an Associate title, or is listed twice
//     (RULES R1);
//   - an exam language that is not a well-formed BCP 47 tag (RULES A6).
//
// The catalog keeps copies of certs and of their slices: later changes to
// them do not reach it. An empty Prerequisites or ExamLanguages is kept as
// nil.
func NewCatalog(certs ...Certification) (Catalog, error) {
	if len(certs) == 0 {
		return Catalog{}, &CatalogError{Problem: "no certifications"}
	}
	for i, c := range certs {
		if err := check(c, certs[:i]); err != nil {
			return Catalog{}, err
		}
	}
	// Check prerequisites once every ID is known, so order does not matter.
	for _, c := range certs {
		for j, pre := range c.Prerequisites {
			k := slices.IndexFunc(certs, func(x Certification) bool { return x.ID == pre })
			switch {
			case k < 0:
				return Catalog{}, &CatalogError{Cert: c.ID, Problem: "prerequisite " + strconv.Quote(string(pre)) + " is not in the catalog"}
			case certs[k].Level != Associate:
				return Catalog{}, &CatalogError{Cert: c.ID, Problem: "prerequisite " + strconv.Quote(string(pre)) + " is " + certs[k].Level.String() + ", not Associate"}
			case slices.Contains(c.Prerequisites[:j], pre):
				return Catalog{}, &CatalogError{Cert: c.ID, Problem: "prerequisite " + strconv.Quote(string(pre)) + " is listed twice"}
			}
		}
	}
	owned := make([]Certification, len(certs))
	for i, c := range certs {
		c.Prerequisites = own(c.Prerequisites)
		c.ExamLanguages = own(c.ExamLanguages)
		owned[i] = c
	}
	return Catalog{certs: owned}, nil
}

// own returns a copy of s with no spare capacity, or nil when s is empty, so
// that an empty list is nil however it was given and a catalog read back
// from its JSON, which omits empty lists, equals the one written.
func own[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return slices.Clip(slices.Clone(s))
}

// check reports what is wrong with c on its own, given the certifications
// before it.
func check(c Certification, before []Certification) error {
	switch {
	case c.ID == "":
		return &CatalogError{Problem: "a certification has no ID (name " + strconv.Quote(c.Name) + ")"}
	case c.Name == "":
		return &CatalogError{Cert: c.ID, Problem: "no name"}
	case !c.Level.IsValid():
		return &CatalogError{Cert: c.ID, Problem: "unknown level " + c.Level.String(), Err: &LevelError{Text: c.Level.String()}}
	case slices.ContainsFunc(before, func(x Certification) bool { return x.ID == c.ID }):
		return &CatalogError{Cert: c.ID, Problem: "listed twice"}
	case !c.Launched.IsZero() && c.RenewalFrom.Before(c.Launched) && !c.RenewalFrom.IsZero():
		return &CatalogError{Cert: c.ID, Problem: "renewalFrom " + c.RenewalFrom.String() + " is before launched " + c.Launched.String()}
	case len(c.Prerequisites) > 0 && c.Level != Expert:
		return &CatalogError{Cert: c.ID, Problem: "only an Expert title has prerequisites, not " + c.Level.String()}
	}
	for _, tag := range c.ExamLanguages {
		if !isLanguageTag(tag) {
			return &CatalogError{Cert: c.ID, Problem: "exam language " + strconv.Quote(tag) + " is not a BCP 47 tag"}
		}
	}
	return nil
}

// isLanguageTag reports whether s has the shape of a BCP 47 language tag:
// subtags of 1 to 8 ASCII letters or digits joined by hyphens, the first of
// 2 to 8 letters (a language), or "x" or "i" for private and grandfathered
// tags. A one-character subtag (a singleton, such as "x") must be followed by
// another subtag, except inside the private-use part after "x", where
// subtags may be one character long. It checks the shape only, not that the
// subtags are registered.
func isLanguageTag(s string) bool {
	first := true
	private := false   // after the singleton "x"
	singleton := false // the last subtag was a singleton awaiting a subtag
	for len(s) > 0 {
		sub := s
		if i := strings.IndexByte(s, '-'); i >= 0 {
			sub, s = s[:i], s[i+1:]
			if s == "" {
				return false // a trailing hyphen
			}
		} else {
			s = ""
		}
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		letters := true
		for _, r := range []byte(sub) {
			switch {
			case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			case '0' <= r && r <= '9':
				letters = false
			default:
				return false
			}
		}
		if first && !(letters && (len(sub) >= 2 || sub == "x" || sub == "i" || sub == "X" || sub == "I")) {
			return false
		}
		first = false
		singleton = len(sub) == 1 && !private
		if singleton && (sub == "x" || sub == "X") {
			private = true
		}
	}
	return !first && !singleton
}

// Lookup returns the certification with the given ID, and whether the
// catalog holds one.
func (c Catalog) Lookup(id ID) (Certification, bool) {
	for i := range c.certs {
		if c.certs[i].ID == id {
			return c.certs[i], true
		}
	}
	return Certification{}, false
}

// All returns an iterator over the catalog's certifications, in the catalog's
// order: the order they were given to [NewCatalog], or the page's order for
// [Roadmap].
func (c Catalog) All() iter.Seq[Certification] {
	return func(yield func(Certification) bool) {
		for _, cert := range c.certs {
			if !yield(cert) {
				return
			}
		}
	}
}

// Len returns the number of certifications in the catalog.
func (c Catalog) Len() int { return len(c.certs) }

// catalogJSON is the JSON form of a Catalog.
type catalogJSON struct {
	Certifications []Certification `json:"certifications"`
}

// MarshalJSON implements [json.Marshaler]: the catalog is an object whose
// "certifications" member lists the certifications in order. The empty
// Catalog, which [NewCatalog] refuses to build, is null, which
// [Catalog.UnmarshalJSON] reads back as no change, so that the zero Catalog
// too survives a round trip.
func (c Catalog) MarshalJSON() ([]byte, error) {
	if len(c.certs) == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(catalogJSON{c.certs})
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads the form that
// MarshalJSON writes, refuses members it does not know, in another case or
// given twice (a misspelt field is an error, not a silent default) and
// anything after the catalog's object, and then checks the catalog as
// [NewCatalog] does. On error c is unchanged. JSON null leaves c unchanged
// and is no error, as encoding/json's convention for unmarshalers asks.
func (c *Catalog) UnmarshalJSON(data []byte) error {
	var v catalogJSON
	null, err := strictjson.Decode(data, &v)
	if err != nil {
		return &CatalogError{Problem: err.Error(), Err: err}
	}
	if null {
		return nil
	}
	got, err := NewCatalog(v.Certifications...)
	if err != nil {
		return err
	}
	*c = got
	return nil
}

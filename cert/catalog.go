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
// Build one with [Roadmap] or [NewCatalog], or read one with [ParseCatalog].
// No method changes a Catalog once built, and copies share its storage; the
// slices of a [Certification] it returns are shared too, and must not be
// modified.
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
// The refusal is a [*CatalogError] about the first certification, in the
// order given, with a problem of its own, or else the first with a problem
// in its prerequisites. Its Path is "": the certifications were not read
// from JSON.
//
// The catalog keeps copies of certs and of their slices: later changes to
// them do not reach it. An empty Prerequisites or ExamLanguages is kept as
// nil.
func NewCatalog(certs ...Certification) (Catalog, error) {
	c, err := newCatalog(certs, false)
	if err != nil {
		err.Path = ""
		return Catalog{}, err
	}
	return c, nil
}

// newCatalog is NewCatalog. A refusal's Path is the JSON path that the
// value at fault has in the catalog's JSON form. When fresh, certs and
// their slices are the catalog's own, just decoded, and are not copied.
func newCatalog(certs []Certification, fresh bool) (Catalog, *CatalogError) {
	if len(certs) == 0 {
		return Catalog{}, &CatalogError{Path: "certifications", Problem: "no certifications"}
	}
	for i, c := range certs {
		if err := check(c, certs[:i]); err != nil {
			err.Path = certPath(i) + "." + err.Path
			return Catalog{}, err
		}
	}
	// Check prerequisites once every ID is known, so order does not matter.
	for i, c := range certs {
		for j, pre := range c.Prerequisites {
			k := slices.IndexFunc(certs, func(x Certification) bool { return x.ID == pre })
			var problem string
			switch {
			case k < 0:
				problem = "prerequisite " + strconv.Quote(string(pre)) + " is not in the catalog"
			case certs[k].Level != Associate:
				problem = "prerequisite " + strconv.Quote(string(pre)) + " is " + certs[k].Level.String() + ", not Associate"
			case slices.Contains(c.Prerequisites[:j], pre):
				problem = "prerequisite " + strconv.Quote(string(pre)) + " is listed twice"
			default:
				continue
			}
			return Catalog{}, &CatalogError{Path: strictjson.Index(certPath(i)+".prerequisites", j), Cert: c.ID, Problem: problem}
		}
	}
	owned := certs
	if !fresh {
		owned = make([]Certification, len(certs))
	}
	for i, c := range certs {
		if fresh {
			c.Prerequisites = clipped(c.Prerequisites)
			c.ExamLanguages = clipped(c.ExamLanguages)
		} else {
			c.Prerequisites = own(c.Prerequisites)
			c.ExamLanguages = own(c.ExamLanguages)
		}
		owned[i] = c
	}
	return Catalog{certs: slices.Clip(owned)}, nil
}

// certPath returns the JSON path of certification i of a catalog.
func certPath(i int) string { return strictjson.Index("certifications", i) }

// clipped returns s with no spare capacity, or nil when s is empty: own
// for a slice that is the catalog's already.
func clipped[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return slices.Clip(s)
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
// before it. The error's Path is that of the member at fault within the
// certification's JSON form, such as "level" or "examLanguages[1]".
func check(c Certification, before []Certification) *CatalogError {
	switch {
	case c.ID == "":
		return &CatalogError{Path: "id", Problem: "a certification has no ID (name " + strconv.Quote(c.Name) + ")"}
	case c.Name == "":
		return &CatalogError{Path: "name", Cert: c.ID, Problem: "no name"}
	case !c.Level.IsValid():
		return &CatalogError{Path: "level", Cert: c.ID, Problem: "unknown level " + c.Level.String(), Err: &LevelError{Text: c.Level.String()}}
	case slices.ContainsFunc(before, func(x Certification) bool { return x.ID == c.ID }):
		return &CatalogError{Path: "id", Cert: c.ID, Problem: "listed twice"}
	case !c.Launched.IsZero() && c.RenewalFrom.Before(c.Launched) && !c.RenewalFrom.IsZero():
		return &CatalogError{Path: "renewalFrom", Cert: c.ID, Problem: "renewalFrom " + c.RenewalFrom.String() + " is before launched " + c.Launched.String()}
	case len(c.Prerequisites) > 0 && c.Level != Expert:
		return &CatalogError{Path: "prerequisites", Cert: c.ID, Problem: "only an Expert title has prerequisites, not " + c.Level.String()}
	}
	for j, tag := range c.ExamLanguages {
		if !isLanguageTag(tag) {
			return &CatalogError{Path: strictjson.Index("examLanguages", j), Cert: c.ID, Problem: "exam language " + strconv.Quote(tag) + " is not a BCP 47 tag"}
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

// ParseCatalog reads a catalog from the JSON form that [Catalog.MarshalJSON]
// writes, and checks it as [NewCatalog] does. It is strict: it refuses
// members it does not know, spelt in another case or given twice (a
// misspelt member is an error, not a silent default), values of the wrong
// type, strings that are not valid UTF-8, and anything after the catalog's
// object; and it refuses null, which names no catalog, and empty input.
//
// Every refusal matches [ErrInvalidCatalog] and is a [*CatalogError] whose
// Path is the JSON path of the value at fault, such as
// "certifications[3].launched"; a JSON syntax error gives its byte offset in
// the message. An error from reading a value keeps its cause:
// "certifications[0].level" with an unknown level matches [ErrUnknownLevel]
// too, and a day that does not exist, [ErrSyntax].
func ParseCatalog(data []byte) (Catalog, error) {
	c, null, err := parseCatalog(data)
	switch {
	case err != nil:
		return Catalog{}, err
	case null:
		return Catalog{}, &CatalogError{Problem: "null, not a catalog"}
	}
	return c, nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads what [ParseCatalog]
// reads and refuses what it refuses, except JSON null, which leaves c
// unchanged and is no error, as encoding/json's convention for
// unmarshalers asks. To read a catalog that must be there, such as a file,
// use ParseCatalog. On error c is unchanged.
func (c *Catalog) UnmarshalJSON(data []byte) error {
	got, null, err := parseCatalog(data)
	if err != nil {
		return err
	}
	if !null {
		*c = got
	}
	return nil
}

// parseCatalog is ParseCatalog, which reports null rather than refusing it.
func parseCatalog(data []byte) (c Catalog, null bool, err error) {
	var v catalogJSON
	null, err = strictjson.Decode(data, &v)
	if err != nil {
		if se, ok := err.(*strictjson.Error); ok {
			return Catalog{}, false, &CatalogError{Path: se.Path, Problem: se.Err.Error(), Err: se.Err}
		}
		return Catalog{}, false, &CatalogError{Problem: err.Error(), Err: err}
	}
	if null {
		return Catalog{}, true, nil
	}
	c, cerr := newCatalog(v.Certifications, true)
	if cerr != nil {
		return Catalog{}, false, cerr
	}
	return c, false, nil
}

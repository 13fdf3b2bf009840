package cert

import (
	"cmp"
	"encoding/json"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/certrenew/certrenew/internal/strictjson"
)

// A Catalog is a set of certifications, in a stable order, found by [ID].
//
// The zero Catalog is empty: Lookup finds nothing and All yields nothing.
// Build one with [Roadmap] or [NewCatalog], or read one with [ParseCatalog].
// No method changes a Catalog once built, and copies share its storage; the
// slices of a [Certification] it returns are shared too, and must not be
// modified. A catalog of more than 64 titles also holds an index of their
// IDs, 4 bytes a title, which NewCatalog builds once.
type Catalog struct {
	certs []Certification

	// byID holds the indexes of certs in the order of their IDs, for
	// Lookup's binary search; it is nil for a catalog of at most
	// scanMax titles, which Lookup scans, as it does the Roadmap's.
	byID []int32
}

// scanMax is the largest catalog that Lookup scans rather than searches:
// below it, comparing IDs one after another is as fast as a binary search
// (BenchmarkLookupCrossover), and costs no index.
const scanMax = 64

// NewCatalog returns a catalog of certs, in the order given. It refuses, with
// an error matching [ErrInvalidCatalog]:
//   - no certifications at all;
//   - an empty ID or name, a level that is not one of the four, or an ID
//     given twice;
//   - an ID, name or prerequisite that is not valid UTF-8, which JSON
//     could not carry: two such IDs could marshal to the same text;
//   - a renewal day before the launch day;
//   - a prerequisite on a title that is not Expert, a prerequisite that is
//     not in the catalog, is not an Associate title, or is listed twice
//     (RULES R1);
//   - an exam language that is not a well-formed BCP 47 tag (RULES A6);
//   - a program that is not empty and not a program name: 1 to 64
//     lower-case ASCII letters, digits and hyphens, the first a letter
//     (RULES G8).
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
//
// It takes O(n log n) time for n titles: one sort of their indexes by ID,
// which finds the IDs given twice and then every prerequisite by binary
// search.
func newCatalog(certs []Certification, fresh bool) (Catalog, *CatalogError) {
	if len(certs) == 0 {
		return Catalog{}, &CatalogError{Path: "certifications", Problem: "no certifications"}
	}
	if len(certs) > math.MaxInt32 {
		return Catalog{}, &CatalogError{Path: "certifications", Problem: "more than " + strconv.Itoa(math.MaxInt32) + " certifications"}
	}
	byID := sortedIndex(certs)
	twice := firstRepeat(byID, func(i int32) ID { return certs[i].ID })
	for i, c := range certs {
		if err := check(c, i == twice); err != nil {
			err.Path = certPath(i) + "." + err.Path
			return Catalog{}, err
		}
	}
	// Check prerequisites once every ID is known, so order does not matter.
	for i, c := range certs {
		again := -1 // the first prerequisite listed twice
		if len(c.Prerequisites) > 1 {
			pres := make([]int32, len(c.Prerequisites))
			for j := range pres {
				pres[j] = int32(j)
			}
			sortByKey(pres, func(j int32) ID { return c.Prerequisites[j] })
			again = firstRepeat(pres, func(j int32) ID { return c.Prerequisites[j] })
		}
		for j, pre := range c.Prerequisites {
			k := search(certs, byID, pre)
			var problem string
			switch {
			case k < 0:
				problem = "prerequisite " + strconv.Quote(string(pre)) + " is not in the catalog"
			case certs[k].Level != Associate:
				problem = "prerequisite " + strconv.Quote(string(pre)) + " is " + certs[k].Level.String() + ", not Associate"
			case j == again:
				problem = "prerequisite " + strconv.Quote(string(pre)) + " is listed twice"
			default:
				continue
			}
			return Catalog{}, &CatalogError{Path: strictjson.Index(certPath(i)+".prerequisites", j), Cert: c.ID, Problem: problem}
		}
	}
	if len(certs) <= scanMax {
		byID = nil
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
	return Catalog{certs: slices.Clip(owned), byID: byID}, nil
}

// sortedIndex returns the indexes of certs in the order of their IDs, and
// of titles with one ID in their own order.
func sortedIndex(certs []Certification) []int32 {
	byID := make([]int32, len(certs))
	for i := range byID {
		byID[i] = int32(i)
	}
	sortByKey(byID, func(i int32) ID { return certs[i].ID })
	return byID
}

// sortByKey sorts indexes by their key, and indexes of one key in their
// own order, as a stable sort would, but in O(n log n) time.
func sortByKey(indexes []int32, key func(int32) ID) {
	slices.SortFunc(indexes, func(a, b int32) int {
		if c := strings.Compare(string(key(a)), string(key(b))); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}

// firstRepeat returns the least index i, among the sorted indexes, whose key
// an index less than i has too, or -1 when every key is different. The
// indexes are sorted as sortByKey sorts them, so that in each run of one
// key the least index comes first and the second is the least of the
// repeats.
func firstRepeat(sorted []int32, key func(int32) ID) int {
	first := -1
	for k := 1; k < len(sorted); k++ {
		if key(sorted[k]) == key(sorted[k-1]) && (first < 0 || int(sorted[k]) < first) {
			first = int(sorted[k])
		}
	}
	return first
}

// search returns the index in certs of the title with the ID, by binary
// search over byID, the indexes of certs sorted by ID; or -1.
func search(certs []Certification, byID []int32, id ID) int {
	lo, hi := 0, len(byID)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if certs[byID[m]].ID < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(byID) && certs[byID[lo]].ID == id {
		return int(byID[lo])
	}
	return -1
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

// check reports what is wrong with c on its own; twice tells whether a
// title before it has its ID. The error's Path is that of the member at
// fault within the certification's JSON form, such as "level" or
// "examLanguages[1]".
func check(c Certification, twice bool) *CatalogError {
	switch {
	case c.ID == "":
		return &CatalogError{Path: "id", Problem: "a certification has no ID (name " + strconv.Quote(c.Name) + ")"}
	case !utf8.ValidString(string(c.ID)):
		return &CatalogError{Path: "id", Cert: c.ID, Problem: "the ID is not valid UTF-8"}
	case c.Name == "":
		return &CatalogError{Path: "name", Cert: c.ID, Problem: "no name"}
	case !utf8.ValidString(c.Name):
		return &CatalogError{Path: "name", Cert: c.ID, Problem: "the name " + strconv.Quote(c.Name) + " is not valid UTF-8"}
	case !c.Level.IsValid():
		return &CatalogError{Path: "level", Cert: c.ID, Problem: "unknown level " + c.Level.String(), Err: &LevelError{Text: c.Level.String()}}
	case twice:
		return &CatalogError{Path: "id", Cert: c.ID, Problem: "listed twice"}
	case !c.Launched.IsZero() && c.RenewalFrom.Before(c.Launched) && !c.RenewalFrom.IsZero():
		return &CatalogError{Path: "renewalFrom", Cert: c.ID, Problem: "renewalFrom " + c.RenewalFrom.String() + " is before launched " + c.Launched.String()}
	case len(c.Prerequisites) > 0 && c.Level != Expert:
		return &CatalogError{Path: "prerequisites", Cert: c.ID, Problem: "only an Expert title has prerequisites, not " + c.Level.String()}
	case c.Program != "" && !ValidProgram(c.Program):
		return &CatalogError{Path: "program", Cert: c.ID, Problem: "program " + strconv.Quote(c.Program) + " is not a program name: 1 to " +
			strconv.Itoa(programMax) + " lower-case ASCII letters, digits and hyphens, the first a letter"}
	}
	for j, pre := range c.Prerequisites {
		if !utf8.ValidString(string(pre)) {
			return &CatalogError{Path: strictjson.Index("prerequisites", j), Cert: c.ID, Problem: "prerequisite " + strconv.Quote(string(pre)) + " is not valid UTF-8"}
		}
	}
	for j, tag := range c.ExamLanguages {
		if !isLanguageTag(tag) {
			return &CatalogError{Path: strictjson.Index("examLanguages", j), Cert: c.ID, Problem: "exam language " + strconv.Quote(tag) + " is not a BCP 47 tag"}
		}
	}
	return nil
}

// programMax is the longest program name, in bytes.
const programMax = 64

// ValidProgram reports whether s has the shape of a program name, such as
// "google-cloud": 1 to 64 bytes of lower-case ASCII letters, digits and
// hyphens, the first a letter (RULES G8). A catalog refuses a title whose
// Program has another shape, and a policy a program named otherwise.
func ValidProgram(s string) bool {
	if len(s) == 0 || len(s) > programMax || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if b := s[i]; !('a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '-') {
			return false
		}
	}
	return true
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
// catalog holds one. It scans a small catalog, such as the Roadmap, and
// searches a large one by its index, in O(log n) time; it does not
// allocate.
func (c Catalog) Lookup(id ID) (Certification, bool) {
	if i := c.index(id); i >= 0 {
		return c.certs[i], true
	}
	return Certification{}, false
}

// index returns the index in c.certs of the title with the ID, or -1.
func (c Catalog) index(id ID) int {
	if c.byID != nil {
		return search(c.certs, c.byID, id)
	}
	for i := range c.certs {
		if c.certs[i].ID == id {
			return i
		}
	}
	return -1
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

// Programs returns the distinct program names of the catalog's
// certifications, in sorted order, leaving out the empty name of the
// default program (RULES G8). It is nil when no certification names a
// program, as for the zero Catalog and [Roadmap]. Each call returns a new
// slice, which the caller may modify. It takes O(n log n) time for n
// titles.
func (c Catalog) Programs() []string {
	var names []string
	for i := range c.certs {
		if p := c.certs[i].Program; p != "" {
			names = append(names, p)
		}
	}
	if names == nil {
		return nil
	}
	slices.Sort(names)
	return slices.Clip(slices.Compact(names))
}

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

// ParseCatalog reads a catalog from its JSON form, strictly, and checks it
// as [NewCatalog] does. The form is the one [Catalog.MarshalJSON] writes.
// ParseCatalog refuses members it does not know, spelt in another case or
// given twice (a misspelt member is an error, not a silent default), values
// of the wrong type, strings that are not valid UTF-8, and anything after
// the catalog's object; and it refuses null, which names no catalog, and
// empty input.
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

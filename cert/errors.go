package cert

import (
	"errors"
	"strconv"
)

// The errors of the package match these with [errors.Is]. [errors.As] gives
// the typed error behind each, with its data: a [*ParseError] behind
// ErrSyntax, a [*LevelError] behind ErrUnknownLevel and a [*CatalogError]
// behind ErrInvalidCatalog. A CatalogError about an unknown level or a
// malformed date matches ErrUnknownLevel or ErrSyntax as well.
var (
	// ErrSyntax: text that is not a day written "2006-01-02", from
	// [ParseDate] and [Date.UnmarshalText] (RULES D5).
	ErrSyntax = errors.New("cert: malformed date")

	// ErrUnknownLevel: text or a value that names no [Level], from
	// [Level.UnmarshalText] and [Level.AppendText].
	ErrUnknownLevel = errors.New("cert: unknown level")

	// ErrInvalidCatalog: a refusal of [NewCatalog], [ParseCatalog] or
	// [Catalog.UnmarshalJSON].
	ErrInvalidCatalog = errors.New("cert: invalid catalog")
)

// A ParseError reports text that is not a day in the form "2006-01-02". It
// matches [ErrSyntax].
type ParseError struct {
	Text string // the input, as given
	Why  string // what is wrong with it
}

// Error returns the message, with the input quoted.
func (e *ParseError) Error() string {
	return "cert: malformed date " + strconv.Quote(e.Text) + ": " + e.Why
}

// Unwrap returns [ErrSyntax].
func (e *ParseError) Unwrap() error { return ErrSyntax }

// A LevelError reports text or a value that names no level. It matches
// [ErrUnknownLevel].
type LevelError struct {
	Text string // the text given, or the value as String prints it
}

// Error returns the message, with the text quoted.
func (e *LevelError) Error() string {
	return "cert: unknown level " + strconv.Quote(e.Text)
}

// Unwrap returns [ErrUnknownLevel].
func (e *LevelError) Unwrap() error { return ErrUnknownLevel }

// A CatalogError reports why a catalog was refused. It matches
// [ErrInvalidCatalog].
type CatalogError struct {
	// Path is the JSON path of the value at fault, such as
	// "certifications[3].launched", when the catalog was read from JSON
	// ([ParseCatalog], [Catalog.UnmarshalJSON]); it is "" for a refusal of
	// [NewCatalog], and for a fault of the document as a whole.
	Path string

	Cert    ID     // the certification at fault, when its ID is known, or ""
	Problem string // what is wrong
	Err     error  // the error behind the problem, if any, such as a [*LevelError]
}

// Error returns the message: the path, the certification's ID quoted, and
// the problem, leaving out what is empty.
func (e *CatalogError) Error() string {
	msg := "cert: invalid catalog: "
	if e.Path != "" {
		msg += e.Path + ": "
	}
	if e.Cert != "" {
		msg += strconv.Quote(string(e.Cert)) + ": "
	}
	return msg + e.Problem
}

// Unwrap returns [ErrInvalidCatalog] and Err, so that [errors.Is] and
// [errors.As] find both.
func (e *CatalogError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalidCatalog}
	}
	return []error{ErrInvalidCatalog, e.Err}
}

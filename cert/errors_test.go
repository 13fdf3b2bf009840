package cert_test

import (
	"errors"
	"testing"

	"github.com/certrenew/certrenew/cert"
)

func TestErrors(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		sentinel error
		want     string
	}{
		{"D5 a malformed date", &cert.ParseError{Text: "2021-6-1", Why: "want the form 2006-01-02"}, cert.ErrSyntax,
			`cert: malformed date "2021-6-1": want the form 2006-01-02`},
		{"V1 an unknown level", &cert.LevelError{Text: "Guru"}, cert.ErrUnknownLevel, `cert: unknown level "Guru"`},
		{"H1 an invalid catalog", &cert.CatalogError{Cert: "a", Problem: "no name"}, cert.ErrInvalidCatalog, `cert: invalid catalog: "a": no name`},
		{"D5 the sentinel of dates says what it is", cert.ErrSyntax, cert.ErrSyntax, "cert: malformed date"},
		{"V1 the sentinel of levels", cert.ErrUnknownLevel, cert.ErrUnknownLevel, "cert: unknown level"},
		{"H1 the sentinel of catalogs", cert.ErrInvalidCatalog, cert.ErrInvalidCatalog, "cert: invalid catalog"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if !errors.Is(tt.err, tt.sentinel) {
				t.Errorf("%v does not match %v", tt.err, tt.sentinel)
			}
			for _, other := range []error{cert.ErrSyntax, cert.ErrUnknownLevel, cert.ErrInvalidCatalog} {
				if other != tt.sentinel && errors.Is(tt.err, other) {
					t.Errorf("%v matches %v as well", tt.err, other)
				}
			}
		})
	}
}

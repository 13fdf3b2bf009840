package cert_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
)

func TestCredentialActiveOn(t *testing.T) {
	admin := cert.Credential{Cert: "azure-administrator", Earned: day("2021-06-15"), Expires: day("2022-06-15")}
	fundamentals := cert.Credential{Cert: "azure-fundamentals", Earned: day("2021-06-15")}
	tests := []struct {
		name string
		cr   cert.Credential
		on   cert.Date
		want bool
	}{
		{"D2 active on the day earned", admin, day("2021-06-15"), true},
		{"D2 not active the day before it was earned", admin, day("2021-06-14"), false},
		{"D2 active the day before it expires", admin, day("2022-06-14"), true},
		{"D2 not active on the expiry day", admin, day("2022-06-15"), false},
		{"D2 not active after expiry", admin, day("2023-01-01"), false},
		{"D2 active in the middle", admin, day("2021-12-31"), true},
		{"D2 a zero Expires never expires", fundamentals, day("9999-12-31"), true},
		{"D2 a zero Expires is still not active before it was earned", fundamentals, day("2021-06-14"), false},
		{"D2 a zero Earned is active on no day", cert.Credential{Cert: "x", Expires: day("2022-06-15")}, day("2021-06-15"), false},
		{"D2 a zero Earned and Expires is active on no day", cert.Credential{Cert: "x"}, day("0001-01-01"), false},
		{"D2 the zero Date is no day", admin, cert.Date{}, false},
		{"D2 the zero Date is no day for a credential that never expires", fundamentals, cert.Date{}, false},
		{"D2 an empty span is active on no day", cert.Credential{Cert: "x", Earned: day("2021-06-15"), Expires: day("2021-06-15")}, day("2021-06-15"), false},
		{"D2 a one-day span", cert.Credential{Cert: "x", Earned: day("2021-06-15"), Expires: day("2021-06-16")}, day("2021-06-15"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cr.ActiveOn(tt.on); got != tt.want {
				t.Errorf("%+v.ActiveOn(%v) = %v, want %v", tt.cr, tt.on, got, tt.want)
			}
		})
	}
}

// profile returns a fresh profile with two credentials.
func profile() cert.Profile {
	return cert.Profile{
		MCID:  "1234567",
		Learn: "learn-user",
		Credentials: []cert.Credential{
			{Cert: "azure-administrator", Earned: day("2021-06-15"), Expires: day("2022-06-15")},
			{Cert: "azure-developer", Earned: day("2020-01-10"), Expires: day("2022-01-10")},
		},
	}
}

func TestProfileIndex(t *testing.T) {
	p := profile()
	dup := profile()
	dup.Credentials = append(dup.Credentials, cert.Credential{Cert: "azure-administrator", Earned: day("2019-01-01")})
	tests := []struct {
		name  string
		p     cert.Profile
		id    cert.ID
		want  int
		found cert.Credential
	}{
		{"N6 the first credential", p, "azure-administrator", 0, p.Credentials[0]},
		{"N6 the second credential", p, "azure-developer", 1, p.Credentials[1]},
		{"N6 a title not held", p, "devops-engineer", -1, cert.Credential{}},
		{"N6 the empty ID", p, "", -1, cert.Credential{}},
		{"N6 the zero Profile holds nothing", cert.Profile{}, "azure-administrator", -1, cert.Credential{}},
		{"N6 the first of two credentials for one ID counts", dup, "azure-administrator", 0, dup.Credentials[0]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Index(tt.id); got != tt.want {
				t.Errorf("Index(%q) = %d, want %d", tt.id, got, tt.want)
			}
			cr, ok := tt.p.Credential(tt.id)
			if ok != (tt.want >= 0) {
				t.Errorf("Credential(%q) found = %v, want %v", tt.id, ok, tt.want >= 0)
			}
			if diff := cmp.Diff(tt.found, cr); diff != "" {
				t.Errorf("Credential(%q) mismatch (-want +got):\n%s", tt.id, diff)
			}
		})
	}
}

func TestProfileIsLinked(t *testing.T) {
	if (cert.Profile{MCID: "1"}).IsLinked() {
		t.Error("E4 a profile with no Learn profile is linked")
	}
	if !profile().IsLinked() {
		t.Error("E4 a profile with a Learn profile is not linked")
	}
}

func TestProfileWith(t *testing.T) {
	renewed := cert.Credential{Cert: "azure-administrator", Earned: day("2021-06-15"), Expires: day("2023-06-15")}
	expert := cert.Credential{Cert: "devops-engineer", Earned: day("2021-07-01"), Expires: day("2022-07-01")}
	tests := []struct {
		name  string
		p     func() cert.Profile
		cr    cert.Credential
		want  []cert.Credential
		extra int // spare capacity to give the input's slice
	}{
		{"N1 replaces the credential for the same title", profile, renewed,
			[]cert.Credential{renewed, profile().Credentials[1]}, 0},
		{"N6 appends a title not held", profile, expert,
			[]cert.Credential{profile().Credentials[0], profile().Credentials[1], expert}, 0},
		{"N6 appends with spare capacity in the input's slice", profile, expert,
			[]cert.Credential{profile().Credentials[0], profile().Credentials[1], expert}, 4},
		{"N1 replaces with spare capacity in the input's slice", profile, renewed,
			[]cert.Credential{renewed, profile().Credentials[1]}, 4},
		{"N6 adds to the zero Profile", func() cert.Profile { return cert.Profile{} }, expert,
			[]cert.Credential{expert}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p()
			if tt.extra > 0 {
				creds := make([]cert.Credential, len(p.Credentials), len(p.Credentials)+tt.extra)
				copy(creds, p.Credentials)
				p.Credentials = creds
			}
			before := tt.p()
			spare := p.Credentials[:cap(p.Credentials)]
			spareBefore := append([]cert.Credential(nil), spare...)

			got := p.With(tt.cr)

			if diff := cmp.Diff(tt.want, got.Credentials); diff != "" {
				t.Errorf("With(%+v).Credentials mismatch (-want +got):\n%s", tt.cr, diff)
			}
			if got.MCID != p.MCID || got.Learn != p.Learn {
				t.Errorf("With changed MCID or Learn: %q %q", got.MCID, got.Learn)
			}
			if diff := cmp.Diff(before, p); diff != "" {
				t.Errorf("With changed the input profile (-before +after):\n%s", diff)
			}
			if diff := cmp.Diff(spareBefore, p.Credentials[:cap(p.Credentials)]); diff != "" {
				t.Errorf("With wrote into the input's spare capacity (-before +after):\n%s", diff)
			}
			if len(got.Credentials) > 0 && len(p.Credentials) > 0 && &got.Credentials[0] == &p.Credentials[0] {
				t.Error("With shares the input's slice")
			}
			if cap(got.Credentials) != len(got.Credentials) {
				t.Errorf("With's slice has capacity %d for %d credentials, want no spare capacity", cap(got.Credentials), len(got.Credentials))
			}
		})
	}
}

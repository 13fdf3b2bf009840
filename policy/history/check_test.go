package history_test

import (
	"errors"
	"testing"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/history"
)

// TestCheck checks each problem Check finds in a stored profile, at the
// boundaries of the rules.
func TestCheck(t *testing.T) {
	p := policy.Microsoft()
	tests := []struct {
		name string
		cr   cert.Credential
		want error // nil: no problem
	}{
		{"V2 earned on 2021-06-01, 12 months", cr(admin, "2021-06-01", "2022-06-01"), nil},
		{"V3 earned on 2021-05-31, 24 months", cr(admin, "2021-05-31", "2023-05-31"), nil},
		{"N1 renewed twice", cr(admin, "2021-06-01", "2024-06-01"), nil},
		{"D3 D5 a clamped expiry stays clamped", cr(admin, "2024-02-29", "2027-02-28"), nil},
		{"N1 a day off a renewal", cr(admin, "2021-06-01", "2024-06-02"), history.ErrUnreachableExpiry},
		{"N1 a 12-month credential renewed once", cr(admin, "2021-06-01", "2023-06-01"), nil},
		{"V2 12 months for one of the 24-month term", cr(admin, "2021-05-31", "2022-05-31"), history.ErrUnreachableExpiry},
		{"D2 an expiry on the earn day", cr(admin, "2021-06-01", "2021-06-01"), history.ErrExpiryNotAfterEarned},
		{"D2 an expiry before the earn day", cr(admin, "2021-06-01", "2021-05-01"), history.ErrExpiryNotAfterEarned},
		{"V2 no expiry", cr(admin, "2021-06-01", ""), history.ErrNoExpiry},
		{"V1 fundamentals with no expiry", cr(fundamentals.ID, "2021-06-01", ""), nil},
		{"V1 fundamentals with an expiry", cr(fundamentals.ID, "2021-06-01", "2022-06-01"), history.ErrUnexpectedExpiry},
		{"E5 no earn day", cert.Credential{Cert: admin, Expires: day("2022-06-01")}, history.ErrNoEarnDay},
		{"H1 a title not in the catalog", cr("contoso", "2021-06-01", "2022-06-01"), policy.ErrUnknownCertification},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := history.Check(p, catalog, cert.Profile{Credentials: []cert.Credential{tt.cr}})
			switch {
			case tt.want == nil && problems != nil:
				t.Errorf("Check = %v, want none", problems)
			case tt.want != nil && (len(problems) != 1 || !errors.Is(problems[0].Err, tt.want) || problems[0].Cert != tt.cr.Cert || problems[0].Index != 0):
				t.Errorf("Check = %v, want one %v naming %s", problems, tt.want, tt.cr.Cert)
			}
		})
	}
	// Every problem is reported, each naming its credential.
	pr := cert.Profile{Credentials: []cert.Credential{
		cr(admin, "2021-06-01", "2022-06-01"),
		cr(developer, "2021-06-01", ""),
		cr(admin, "2020-06-01", "2022-06-01"),
	}}
	problems := history.Check(p, catalog, pr)
	if len(problems) != 2 || problems[0].Index != 1 || !errors.Is(problems[1].Err, history.ErrHeldTwice) || problems[1].Index != 2 {
		t.Errorf("Check = %v, want no expiry at 1 and held twice at 2", problems)
	}
	if s := problems[0].String(); s == "" {
		t.Error("empty Problem text")
	}
}

// TestReplayAllocations checks that a replay's allocations grow with the
// number of titles, not of events.
func TestReplayAllocations(t *testing.T) {
	count := func(n int) float64 {
		log := benchLog(n)
		return testing.AllocsPerRun(20, func() {
			if _, err := replayer.Replay("1", log, far); err != nil {
				panic(err)
			}
		})
	}
	small, large := count(100), count(10000)
	if large != small {
		t.Errorf("a replay of 100 events allocates %v times, of 10,000 events %v times; want the same for the same titles", small, large)
	}
}

// TestCheckExtensionOfNoMonths checks that a policy Validate refuses, with
// no extension, still gives an answer: no expiry is reached by renewals.
func TestCheckExtensionOfNoMonths(t *testing.T) {
	p := policy.Microsoft()
	p.ExtensionMonths = 0
	problems := history.Check(p, catalog, cert.Profile{Credentials: []cert.Credential{cr(admin, "2021-06-01", "2023-06-01")}})
	if len(problems) != 1 || !errors.Is(problems[0].Err, history.ErrUnreachableExpiry) {
		t.Errorf("Check = %v, want an unreachable expiry", problems)
	}
}

package cert_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/certrenew/certrenew/cert"
)

func ExampleNewDate() {
	fmt.Println(cert.NewDate(2021, time.June, 15))
	// Out-of-range fields normalize as time.Date does.
	fmt.Println(cert.NewDate(2021, time.October, 32))
	fmt.Println(cert.NewDate(2020, 13, 1))
	// A day outside 0001-01-01..9999-12-31 is the zero Date.
	fmt.Println(cert.NewDate(10000, time.January, 1).IsZero())
	// Output:
	// 2021-06-15
	// 2021-11-01
	// 2021-01-01
	// true
}

func ExampleParseDate() {
	d, err := cert.ParseDate("2024-02-29")
	fmt.Println(d, err)

	_, err = cert.ParseDate("2021-02-30")
	fmt.Println(err)
	fmt.Println(errors.Is(err, cert.ErrSyntax))

	_, err = cert.ParseDate("2021-6-1")
	var pe *cert.ParseError
	fmt.Println(errors.As(err, &pe), pe.Text)
	// Output:
	// 2024-02-29 <nil>
	// cert: malformed date "2021-02-30": day out of range
	// true
	// true 2021-6-1
}

func ExampleDateOf() {
	tokyo := time.FixedZone("Tokyo", 9*60*60)
	losAngeles := time.FixedZone("Los Angeles", -7*60*60)
	// An attempt passed at one instant falls on the day of the place it
	// was taken (RULES D1).
	at := time.Date(2021, time.June, 15, 2, 0, 0, 0, time.UTC)
	fmt.Println(cert.DateOf(at.In(tokyo)))
	fmt.Println(cert.DateOf(at.In(losAngeles)))
	// Output:
	// 2021-06-15
	// 2021-06-14
}

func ExampleDate_AddMonths() {
	// A leap day plus a year clamps to the end of February (RULES D3).
	fmt.Println(cert.MustParseDate("2024-02-29").AddMonths(12))
	// The renewal window opens 6 months before expiry (RULES E2).
	fmt.Println(cert.MustParseDate("2021-08-31").AddMonths(-6))
	// A clamped day stays clamped (RULES D5).
	expires := cert.MustParseDate("2025-02-28")
	for range 3 {
		expires = expires.AddMonths(12)
		fmt.Println(expires)
	}
	// Output:
	// 2025-02-28
	// 2021-02-28
	// 2026-02-28
	// 2027-02-28
	// 2028-02-28
}

func ExampleDate_AddDays() {
	expires := cert.MustParseDate("2022-06-15")
	for _, days := range []int{-90, -30, -7} {
		fmt.Println(expires.AddDays(days))
	}
	// Output:
	// 2022-03-17
	// 2022-05-16
	// 2022-06-08
}

func ExampleDate_DaysSince() {
	earned := cert.MustParseDate("2021-05-31")
	expires := earned.AddMonths(24) // earned before 2021-06-01: 24 months (RULES V3)
	fmt.Println(expires, expires.DaysSince(earned))
	fmt.Println(earned.AddDays(expires.DaysSince(earned)) == expires)
	// Output:
	// 2023-05-31 730
	// true
}

func ExampleDate_Compare() {
	cutOver := cert.MustParseDate("2021-06-01")
	for _, s := range []string{"2021-05-31", "2021-06-01", "2021-06-02"} {
		d := cert.MustParseDate(s)
		fmt.Println(d, d.Compare(cutOver), d.Before(cutOver))
	}
	// The zero Date sorts before every day.
	fmt.Println(cert.Date{}.Compare(cert.MustParseDate("0001-01-01")))
	// Output:
	// 2021-05-31 -1 true
	// 2021-06-01 0 false
	// 2021-06-02 1 false
	// -1
}

func ExampleDate_MarshalText() {
	type credential struct {
		Earned  cert.Date `json:"earned"`
		Expires cert.Date `json:"expires"` // the zero Date: never expires
	}
	b, err := json.Marshal(credential{Earned: cert.MustParseDate("2021-06-15")})
	fmt.Println(string(b), err)

	var back credential
	err = json.Unmarshal(b, &back)
	fmt.Println(back.Earned, back.Expires.IsZero(), err)
	// Output:
	// {"earned":"2021-06-15","expires":""} <nil>
	// 2021-06-15 true <nil>
}

func ExampleLevel_String() {
	for _, l := range []cert.Level{cert.Fundamentals, cert.Associate, cert.Expert, cert.Specialty, 9} {
		fmt.Println(l, l.IsRoleBased())
	}
	// Output:
	// Fundamentals false
	// Associate true
	// Expert true
	// Specialty false
	// Level(9) false
}

func ExampleRoadmap() {
	r := cert.Roadmap()
	fmt.Println(r.Len())
	c, _ := r.Lookup("azure-solutions-architect")
	fmt.Println(c.Name)
	fmt.Println(c.Level, c.RenewalFrom, c.Prerequisites)
	// Output:
	// 27
	// Microsoft Certified: Azure Solutions Architect Expert
	// Expert 2021-02-01 [azure-administrator]
}

func ExampleCatalog_Lookup() {
	r := cert.Roadmap()
	c, ok := r.Lookup("data-analyst")
	fmt.Println(ok, c.Name, c.RenewalFrom)
	_, ok = r.Lookup("azure-fundamentals") // not on the roadmap
	fmt.Println(ok)
	// Output:
	// true Microsoft Certified: Data Analyst Associate 2021-02-15
	// false
}

func ExampleCatalog_All() {
	for c := range cert.Roadmap().All() {
		if c.Level == cert.Expert {
			fmt.Println(c.Name)
		}
	}
	// Output:
	// Microsoft Certified: DevOps Engineer Expert
	// Microsoft Certified: Azure Solutions Architect Expert
	// Microsoft 365 Certified: Enterprise Administrator Expert
	// Microsoft Certified: Dynamics 365 Finance and Operations Apps Solution Architect Expert
}

func ExampleNewCatalog() {
	admin := cert.Certification{
		ID:          "azure-administrator",
		Name:        "Microsoft Certified: Azure Administrator Associate",
		Level:       cert.Associate,
		RenewalFrom: cert.MustParseDate("2021-02-01"),
	}
	architect := cert.Certification{
		ID:            "azure-solutions-architect",
		Name:          "Microsoft Certified: Azure Solutions Architect Expert",
		Level:         cert.Expert,
		RenewalFrom:   cert.MustParseDate("2021-02-01"),
		Prerequisites: []cert.ID{"azure-administrator"},
	}
	c, err := cert.NewCatalog(admin, architect)
	fmt.Println(c.Len(), err)

	// Without its prerequisite, the expert title is refused (RULES R1).
	_, err = cert.NewCatalog(architect)
	var ce *cert.CatalogError
	if errors.As(err, &ce) {
		fmt.Println(ce.Cert)
		fmt.Println(ce.Problem)
	}
	fmt.Println(errors.Is(err, cert.ErrInvalidCatalog))
	// Output:
	// 2 <nil>
	// azure-solutions-architect
	// prerequisite "azure-administrator" is not in the catalog
	// true
}

func ExampleCredential_ActiveOn() {
	cr := cert.Credential{
		Cert:    "azure-administrator",
		Earned:  cert.MustParseDate("2021-06-15"),
		Expires: cert.MustParseDate("2022-06-15"), // the first day no longer valid (RULES D2)
	}
	for _, s := range []string{"2021-06-14", "2021-06-15", "2022-06-14", "2022-06-15"} {
		fmt.Println(s, cr.ActiveOn(cert.MustParseDate(s)))
	}
	// Output:
	// 2021-06-14 false
	// 2021-06-15 true
	// 2022-06-14 true
	// 2022-06-15 false
}

func ExampleProfile_With() {
	p := cert.Profile{MCID: "1234567", Credentials: []cert.Credential{
		{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-06-15"), Expires: cert.MustParseDate("2022-06-15")},
	}}
	// Renewing extends from the current expiry (RULES N1); the profile
	// given is unchanged.
	renewed := p.With(cert.Credential{
		Cert:    "azure-administrator",
		Earned:  cert.MustParseDate("2021-06-15"),
		Expires: cert.MustParseDate("2022-06-15").AddMonths(12),
	})
	fmt.Println(p.Credentials[0].Expires, renewed.Credentials[0].Expires)

	// A title not held is added after the others.
	both := renewed.With(cert.Credential{Cert: "devops-engineer", Earned: cert.MustParseDate("2021-07-01"), Expires: cert.MustParseDate("2022-07-01")})
	for _, cr := range both.Credentials {
		fmt.Println(cr.Cert, cr.Expires)
	}
	// Output:
	// 2022-06-15 2023-06-15
	// azure-administrator 2023-06-15
	// devops-engineer 2022-07-01
}

// A service keeps its own catalog in configuration: a title the roadmap
// does not list, with its launch day, exam languages and prerequisites.
func ExampleCatalog_UnmarshalJSON() {
	data := []byte(`{"certifications": [
		{"id": "azure-administrator", "name": "Microsoft Certified: Azure Administrator Associate", "level": "Associate",
		 "renewalFrom": "2021-02-01", "examLanguages": ["en", "ja", "zh-Hans"]},
		{"id": "azure-solutions-architect", "name": "Microsoft Certified: Azure Solutions Architect Expert", "level": "Expert",
		 "renewalFrom": "2021-02-01", "prerequisites": ["azure-administrator"]}
	]}`)
	var c cert.Catalog
	if err := json.Unmarshal(data, &c); err != nil {
		fmt.Println(err)
		return
	}
	for t := range c.All() {
		fmt.Println(t.ID, t.Level, t.RenewalFrom, t.Prerequisites, t.ExamLanguages)
	}

	// A prerequisite that is not an associate is refused on load.
	bad := []byte(`{"certifications": [
		{"id": "a", "name": "A", "level": "Expert"},
		{"id": "b", "name": "B", "level": "Expert", "prerequisites": ["a"]}
	]}`)
	err := json.Unmarshal(bad, &c)
	fmt.Println(errors.Is(err, cert.ErrInvalidCatalog), err)
	// Output:
	// azure-administrator Associate 2021-02-01 [] [en ja zh-Hans]
	// azure-solutions-architect Expert 2021-02-01 [azure-administrator] []
	// true cert: invalid catalog: certifications[1].prerequisites[0]: "b": prerequisite "a" is Expert, not Associate
}

func ExampleParseCatalog() {
	c, err := cert.ParseCatalog([]byte(`{"certifications": [
		{"id": "azure-administrator", "name": "Microsoft Certified: Azure Administrator Associate", "level": "Associate"}
	]}`))
	fmt.Println(c.Len(), err)

	// A refusal names the JSON value at fault by its path.
	_, err = cert.ParseCatalog([]byte(`{"certifications": [
		{"id": "azure-administrator", "name": "Microsoft Certified: Azure Administrator Associate", "level": "Associate",
		 "launched": "2019-02-29"}
	]}`))
	var ce *cert.CatalogError
	fmt.Println(errors.As(err, &ce), ce.Path, errors.Is(err, cert.ErrSyntax))
	fmt.Println(err)

	// Unlike json.Unmarshal into a Catalog, ParseCatalog refuses null.
	_, err = cert.ParseCatalog([]byte(`null`))
	fmt.Println(errors.Is(err, cert.ErrInvalidCatalog), err)
	// Output:
	// 1 <nil>
	// true certifications[0].launched true
	// cert: invalid catalog: certifications[0].launched: cert: malformed date "2019-02-29": day out of range
	// true cert: invalid catalog: null, not a catalog
}

func ExampleDate_String() {
	fmt.Printf("%s %q\n", cert.NewDate(2021, time.June, 1), cert.Date{}.String())
	// Output: 2021-06-01 ""
}

func ExampleDate_In() {
	d := cert.MustParseDate("2022-03-13")
	newYork := time.FixedZone("EST", -5*3600)
	fmt.Println(d.In(time.UTC))
	fmt.Println(d.In(newYork))
	// Output:
	// 2022-03-13 00:00:00 +0000 UTC
	// 2022-03-13 00:00:00 -0500 EST
}

func ExampleDate_UnmarshalText() {
	var d cert.Date
	fmt.Println(d.UnmarshalText([]byte("2024-02-29")), d)
	fmt.Println(d.UnmarshalText([]byte("")), d.IsZero())
	err := d.UnmarshalText([]byte("2023-02-29"))
	fmt.Println(errors.Is(err, cert.ErrSyntax), err)
	// Output:
	// <nil> 2024-02-29
	// <nil> true
	// true cert: malformed date "2023-02-29": day out of range
}

func ExampleLevel_UnmarshalText() {
	var l cert.Level
	fmt.Println(l.UnmarshalText([]byte("Expert")), l, l.IsRoleBased())
	err := l.UnmarshalText([]byte("Guru"))
	fmt.Println(errors.Is(err, cert.ErrUnknownLevel), l)
	// Output:
	// <nil> Expert true
	// true Expert
}

func ExampleProfile_Credential() {
	p := cert.Profile{MCID: "1000001", Credentials: []cert.Credential{
		{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-07-15"), Expires: cert.MustParseDate("2022-07-15")},
	}}
	cr, ok := p.Credential("azure-administrator")
	fmt.Println(ok, cr.Earned, cr.Expires)
	_, ok = p.Credential("devops-engineer")
	fmt.Println(ok)
	// Output:
	// true 2021-07-15 2022-07-15
	// false
}

func ExampleMustParseDate() {
	// For literal days in tests and examples; ParseDate is for input.
	fmt.Println(cert.MustParseDate("2021-06-01").Weekday())
	// Output: Tuesday
}

func ExampleDate_AppendText() {
	buf := make([]byte, 0, 64) // reused: no allocation per day
	for _, d := range []cert.Date{cert.MustParseDate("2021-06-01"), {}, cert.MustParseDate("2022-06-01")} {
		buf, _ = d.AppendText(buf)
		buf = append(buf, ';')
	}
	fmt.Println(string(buf))
	// Output: 2021-06-01;;2022-06-01;
}

func ExampleDate_Before() {
	earned, expires := cert.MustParseDate("2021-06-01"), cert.MustParseDate("2022-06-01")
	on := cert.MustParseDate("2022-06-01")
	fmt.Println(on.Before(expires), on.After(earned), on.Equal(expires), on == expires)
	var none cert.Date
	fmt.Println(none.IsZero(), none.Before(earned)) // the zero Date sorts before every day
	// Output:
	// false true true true
	// true true
}

func ExampleDate_Date() {
	y, m, d := cert.MustParseDate("2024-02-29").Date()
	fmt.Println(y, m, d)
	// Output: 2024 February 29
}

func ExampleLevel_MarshalText() {
	b, _ := json.Marshal(map[string]cert.Level{"expert": cert.Expert, "unset": 0})
	fmt.Println(string(b))
	_, err := cert.Level(9).MarshalText()
	fmt.Println(errors.Is(err, cert.ErrUnknownLevel))
	// Output:
	// {"expert":"Expert","unset":""}
	// true
}

func ExampleCertification_CanExpire() {
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	fundamentals := cert.Certification{ID: "azure-fundamentals", Name: "Microsoft Certified: Azure Fundamentals", Level: cert.Fundamentals}
	fmt.Println(admin.CanExpire(), fundamentals.CanExpire())
	// Output: true false
}

func ExampleProfile_Index() {
	p := cert.Profile{MCID: "1000001", Learn: "ada@example.com", Credentials: []cert.Credential{
		{Cert: "azure-administrator", Earned: cert.MustParseDate("2021-07-15"), Expires: cert.MustParseDate("2022-07-15")},
		{Cert: "azure-solutions-architect", Earned: cert.MustParseDate("2021-09-01"), Expires: cert.MustParseDate("2022-09-01")},
	}}
	fmt.Println(p.Index("azure-solutions-architect"), p.Index("devops-engineer"), p.IsLinked())
	// Output: 1 -1 true
}

func ExampleCatalog_MarshalJSON() {
	c, _ := cert.NewCatalog(cert.Certification{ID: "azure-administrator", Name: "Microsoft Certified: Azure Administrator Associate", Level: cert.Associate, RenewalFrom: cert.MustParseDate("2021-02-01")})
	b, _ := json.Marshal(c)
	fmt.Println(string(b), c.Len())
	var empty cert.Catalog
	b, _ = json.Marshal(empty)
	fmt.Println(string(b), empty.Len())
	// Output:
	// {"certifications":[{"id":"azure-administrator","name":"Microsoft Certified: Azure Administrator Associate","level":"Associate","renewalFrom":"2021-02-01"}]} 1
	// null 0
}

func ExampleCatalog_Programs() {
	c, err := cert.NewCatalog(
		cert.Certification{ID: "azure-administrator", Name: "Microsoft Certified: Azure Administrator Associate", Level: cert.Associate},
		cert.Certification{ID: "gcp-cloud-architect", Name: "Google Cloud Certified: Professional Cloud Architect", Level: cert.Specialty, Program: "google-cloud"},
		cert.Certification{ID: "cissp", Name: "ISC2 Certified Information Systems Security Professional", Level: cert.Specialty, Program: "isc2"},
		cert.Certification{ID: "gcp-data-engineer", Name: "Google Cloud Certified: Professional Data Engineer", Level: cert.Specialty, Program: "google-cloud"},
	)
	fmt.Println(c.Programs(), err)
	// The Roadmap's titles all belong to the default program.
	fmt.Println(cert.Roadmap().Programs() == nil)

	// A program name is lower case (RULES G8).
	_, err = cert.NewCatalog(cert.Certification{ID: "cissp", Name: "CISSP", Level: cert.Specialty, Program: "ISC2"})
	var ce *cert.CatalogError
	if errors.As(err, &ce) {
		fmt.Println(ce.Problem)
	}
	// Output:
	// [google-cloud isc2] <nil>
	// true
	// program "ISC2" is not a program name: 1 to 64 lower-case ASCII letters, digits and hyphens, the first a letter
}

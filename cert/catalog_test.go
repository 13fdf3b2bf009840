package cert_test

import (
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
)

// small returns a fresh small valid catalog's certifications: two
// associates, an expert that needs either, and a fundamentals title.
func small() []cert.Certification {
	return []cert.Certification{
		{ID: "azure-administrator", Name: "Microsoft Certified: Azure Administrator Associate", Level: cert.Associate,
			Launched: day("2019-03-26"), RenewalFrom: day("2021-02-01"), ExamLanguages: []string{"en", "zh-Hans", "pt-BR"}},
		{ID: "azure-developer", Name: "Microsoft Certified: Azure Developer Associate", Level: cert.Associate,
			ExamRevised: day("2020-12-01")},
		{ID: "devops-engineer", Name: "Microsoft Certified: DevOps Engineer Expert", Level: cert.Expert,
			Prerequisites: []cert.ID{"azure-administrator", "azure-developer"}},
		{ID: "azure-fundamentals", Name: "Microsoft Certified: Azure Fundamentals", Level: cert.Fundamentals},
	}
}

// with returns small() changed by f.
func with(f func(cs []cert.Certification) []cert.Certification) []cert.Certification {
	return f(small())
}

func TestNewCatalog(t *testing.T) {
	c, err := cert.NewCatalog(small()...)
	if err != nil {
		t.Fatalf("NewCatalog(small) = %v", err)
	}
	if diff := cmp.Diff(small(), slices.Collect(c.All())); diff != "" {
		t.Errorf("All() mismatch (-want +got):\n%s", diff)
	}
	if c.Len() != 4 {
		t.Errorf("Len() = %d, want 4", c.Len())
	}
	for _, want := range small() {
		got, ok := c.Lookup(want.ID)
		if !ok {
			t.Errorf("Lookup(%q) found nothing", want.ID)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", want.ID, diff)
		}
	}
	if got, ok := c.Lookup("azure-ai-engineer"); ok {
		t.Errorf("Lookup(azure-ai-engineer) = %+v, true", got)
	}
	if got, ok := c.Lookup(""); ok {
		t.Errorf("Lookup(\"\") = %+v, true", got)
	}
}

func TestNewCatalogRefuses(t *testing.T) {
	tests := []struct {
		name  string
		certs []cert.Certification
		cert  cert.ID // CatalogError.Cert
	}{
		{"H1 an empty catalog", nil, ""},
		{"H1 a duplicate ID", with(func(cs []cert.Certification) []cert.Certification {
			return append(cs, cert.Certification{ID: "azure-developer", Name: "Again", Level: cert.Associate})
		}), "azure-developer"},
		{"H1 an empty ID", with(func(cs []cert.Certification) []cert.Certification {
			cs[1].ID = ""
			return cs
		}), ""},
		{"H1 an empty name", with(func(cs []cert.Certification) []cert.Certification {
			cs[1].Name = ""
			return cs
		}), "azure-developer"},
		{"V1 no level", with(func(cs []cert.Certification) []cert.Certification {
			cs[3].Level = 0
			return cs
		}), "azure-fundamentals"},
		{"V1 an unknown level", with(func(cs []cert.Certification) []cert.Certification {
			cs[3].Level = 9
			return cs
		}), "azure-fundamentals"},
		{"R1 a prerequisite not in the catalog", with(func(cs []cert.Certification) []cert.Certification {
			cs[2].Prerequisites = []cert.ID{"azure-administrator", "azure-ai-engineer"}
			return cs
		}), "devops-engineer"},
		{"R1 an empty prerequisite", with(func(cs []cert.Certification) []cert.Certification {
			cs[2].Prerequisites = []cert.ID{""}
			return cs
		}), "devops-engineer"},
		{"R1 a Fundamentals prerequisite", with(func(cs []cert.Certification) []cert.Certification {
			cs[2].Prerequisites = []cert.ID{"azure-fundamentals"}
			return cs
		}), "devops-engineer"},
		{"R1 an expert as its own prerequisite", with(func(cs []cert.Certification) []cert.Certification {
			cs[2].Prerequisites = []cert.ID{"devops-engineer"}
			return cs
		}), "devops-engineer"},
		{"R1 a prerequisite listed twice", with(func(cs []cert.Certification) []cert.Certification {
			cs[2].Prerequisites = []cert.ID{"azure-developer", "azure-administrator", "azure-developer"}
			return cs
		}), "devops-engineer"},
		{"R1 a prerequisite on an Associate title", with(func(cs []cert.Certification) []cert.Certification {
			cs[1].Prerequisites = []cert.ID{"azure-administrator"}
			return cs
		}), "azure-developer"},
		{"R1 a prerequisite on a Specialty title", with(func(cs []cert.Certification) []cert.Certification {
			return append(cs, cert.Certification{ID: "azure-iot-developer", Name: "Microsoft Certified: Azure IoT Developer Specialty",
				Level: cert.Specialty, Prerequisites: []cert.ID{"azure-developer"}})
		}), "azure-iot-developer"},
		{"H1 an ID that is not valid UTF-8", with(func(cs []cert.Certification) []cert.Certification {
			cs[1].ID = "azure-developer\xff"
			return cs
		}), "azure-developer\xff"},
		{"H1 a name that is not valid UTF-8", with(func(cs []cert.Certification) []cert.Certification {
			cs[1].Name = "Microsoft Certified: Azure Developer Associate\xe2\x80"
			return cs
		}), "azure-developer"},
		{"R1 a prerequisite that is not valid UTF-8", with(func(cs []cert.Certification) []cert.Certification {
			cs[2].Prerequisites = []cert.ID{"azure-administrator", "\xc3"}
			return cs
		}), "devops-engineer"},
		{"E3 renewalFrom before launched", with(func(cs []cert.Certification) []cert.Certification {
			cs[0].Launched, cs[0].RenewalFrom = day("2021-02-01"), day("2021-01-31")
			return cs
		}), "azure-administrator"},
	}
	for _, tag := range []string{"en_US", "", "-en", "en-", "toolongsubtag", "en--US", "e", "1en", "x", "en-x", "zh-Hans-", "en US", "é",
		"abcdefghi",    // BCP 47: a language subtag of 9 letters
		"en-abcdefghi", // a later subtag of 9 characters
		"en-12345678a", // and of 9 with digits
		"a-bc",         // a first subtag of one letter that is not x or i
		"en-a-b",       // a singleton other than x opens no private-use part
	} {
		tests = append(tests, struct {
			name  string
			certs []cert.Certification
			cert  cert.ID
		}{"A6 a bad language tag " + tag, with(func(cs []cert.Certification) []cert.Certification {
			cs[1].ExamLanguages = []string{"en", tag}
			return cs
		}), "azure-developer"})
	}
	for _, program := range badPrograms {
		tests = append(tests, struct {
			name  string
			certs []cert.Certification
			cert  cert.ID
		}{"G8/program " + program.name, with(func(cs []cert.Certification) []cert.Certification {
			cs[0].Program = "microsoft"
			cs[1].Program = program.program
			return cs
		}), "azure-developer"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := cert.NewCatalog(tt.certs...)
			if err == nil {
				t.Fatalf("NewCatalog succeeded with %d titles", c.Len())
			}
			checkCatalogError(t, err, tt.cert)
			if c.Len() != 0 {
				t.Errorf("refused catalog has %d titles", c.Len())
			}
		})
	}
}

// badPrograms are program names that a catalog refuses (RULES G8).
var badPrograms = []struct{ name, program string }{
	{"in upper case", "Google"},
	{"with one upper-case letter", "google-Cloud"},
	{"starting with a hyphen", "-x"},
	{"starting with a digit", "2fa"},
	{"of 65 bytes", strings.Repeat("a", 65)},
	{"beyond ASCII", "google-clöud"},
	{"with a full-width letter", "ｇoogle"},
	{"not valid UTF-8", "google\xff"},
	{"with a space", "google cloud"},
	{"with an underscore", "google_cloud"},
	{"with a dot", "google.cloud"},
	{"of a hyphen only", "-"},
	{"with a NUL", "google\x00"},
}

// goodPrograms are program names that a catalog accepts (RULES G8).
var goodPrograms = []struct{ name, program string }{
	{"empty, the default program", ""},
	{"google-cloud", "google-cloud"},
	{"of one letter", "g"},
	{"with digits", "isc2"},
	{"of 64 bytes", strings.Repeat("a", 64)},
	{"ending in a hyphen", "aws-"},
	{"with hyphens in a row", "a--b"},
}

// checkCatalogError checks that err is a CatalogError about id that
// matches ErrInvalidCatalog.
func checkCatalogError(t *testing.T, err error, id cert.ID) {
	t.Helper()
	if !errors.Is(err, cert.ErrInvalidCatalog) {
		t.Errorf("error %v does not match ErrInvalidCatalog", err)
	}
	var ce *cert.CatalogError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v (%T) is not a *CatalogError", err, err)
	}
	if ce.Cert != id {
		t.Errorf("CatalogError.Cert = %q, want %q (%v)", ce.Cert, id, err)
	}
	if ce.Problem == "" {
		t.Errorf("CatalogError %v has no Problem", err)
	}
	if ce.Path != "" {
		t.Errorf("CatalogError.Path = %q from NewCatalog, want \"\" (%v)", ce.Path, err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "cert: invalid catalog: ") || (id != "" && !strings.Contains(msg, strconv.Quote(string(id)))) {
		t.Errorf("error %q does not start with \"cert: invalid catalog: \" and quote %q", msg, id)
	}
}

// TestNewCatalogRefusesIDsJSONCannotTell checks that two IDs that differ
// only in bytes that are not UTF-8 are refused: encoding/json would write
// both as "a\ufffd", and the catalog would not survive a round trip.
func TestNewCatalogRefusesIDsJSONCannotTell(t *testing.T) {
	a := cert.Certification{ID: "a\xff", Name: "A", Level: cert.Associate}
	b := cert.Certification{ID: "a\xfe", Name: "B", Level: cert.Associate}
	ja, _ := json.Marshal(a.ID)
	jb, _ := json.Marshal(b.ID)
	if string(ja) != string(jb) {
		t.Fatalf("json.Marshal tells %q from %q: %s, %s", a.ID, b.ID, ja, jb)
	}
	_, err := cert.NewCatalog(a, b)
	checkCatalogError(t, err, a.ID)
}

func TestNewCatalogAccepts(t *testing.T) {
	tests := []struct {
		name string
		f    func(cs []cert.Certification) []cert.Certification
	}{
		{"H1 IDs and names beyond ASCII", func(cs []cert.Certification) []cert.Certification {
			cs[1].ID, cs[1].Name = "azure-développeur", "Microsoft Certified: Azure 开发人员 Associate"
			cs[2].Prerequisites = []cert.ID{"azure-administrator", "azure-développeur"}
			return cs
		}},
		{"A6 good language tags", func(cs []cert.Certification) []cert.Certification {
			cs[1].ExamLanguages = []string{"en", "zh-Hans", "pt-BR", "x-private", "es-419", "i-klingon", "en-a-bbb", "x-a", "sr-Latn-RS", "EN", "X-a", "I-klingon", "X-PRIVATE"}
			return cs
		}},
		{"A6 subtags of exactly 8 characters", func(cs []cert.Certification) []cert.Certification {
			cs[1].ExamLanguages = []string{"abcdefgh", "en-abcdefgh", "en-1234567a", "x-abcdefgh"}
			return cs
		}},
		{"E3 renewalFrom on the launch day", func(cs []cert.Certification) []cert.Certification {
			cs[0].Launched, cs[0].RenewalFrom = day("2021-02-01"), day("2021-02-01")
			return cs
		}},
		{"E6 launched with no renewal day", func(cs []cert.Certification) []cert.Certification {
			cs[0].Launched, cs[0].RenewalFrom = day("2021-02-01"), cert.Date{}
			return cs
		}},
		{"E3 a renewal day with no launch day", func(cs []cert.Certification) []cert.Certification {
			cs[0].Launched, cs[0].RenewalFrom = cert.Date{}, day("2021-02-01")
			return cs
		}},
		{"R1 a prerequisite listed after the expert", func(cs []cert.Certification) []cert.Certification {
			return []cert.Certification{cs[2], cs[0], cs[1]}
		}},
		{"R1 an expert with no prerequisites", func(cs []cert.Certification) []cert.Certification {
			cs[2].Prerequisites = nil
			return cs
		}},
		{"H1 one title", func(cs []cert.Certification) []cert.Certification {
			return cs[3:]
		}},
		{"G8/program several programs in one catalog", func(cs []cert.Certification) []cert.Certification {
			cs[0].Program, cs[1].Program, cs[3].Program = "microsoft", "google-cloud", "microsoft"
			return cs
		}},
	}
	for _, program := range goodPrograms {
		tests = append(tests, struct {
			name string
			f    func(cs []cert.Certification) []cert.Certification
		}{"G8/program " + program.name, func(cs []cert.Certification) []cert.Certification {
			cs[1].Program = program.program
			return cs
		}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			certs := tt.f(small())
			c, err := cert.NewCatalog(certs...)
			if err != nil {
				t.Fatalf("NewCatalog = %v", err)
			}
			if diff := cmp.Diff(certs, slices.Collect(c.All())); diff != "" {
				t.Errorf("All() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewCatalogCopiesItsInput(t *testing.T) {
	certs := small()
	c, err := cert.NewCatalog(certs...)
	if err != nil {
		t.Fatal(err)
	}
	certs[0].Name = "changed"
	certs[0].ExamLanguages[0] = "fr"
	certs[2].Prerequisites[0] = "azure-fundamentals"
	certs[1] = cert.Certification{}
	if diff := cmp.Diff(small(), slices.Collect(c.All())); diff != "" {
		t.Errorf("changing the input changed the catalog (-want +got):\n%s", diff)
	}
}

func TestCatalogAllStops(t *testing.T) {
	c, err := cert.NewCatalog(small()...)
	if err != nil {
		t.Fatal(err)
	}
	var got []cert.ID
	for x := range c.All() {
		got = append(got, x.ID)
		if len(got) == 2 {
			break
		}
	}
	if diff := cmp.Diff([]cert.ID{"azure-administrator", "azure-developer"}, got); diff != "" {
		t.Errorf("All() with break mismatch (-want +got):\n%s", diff)
	}
}

func TestZeroCatalog(t *testing.T) {
	var c cert.Catalog
	if _, ok := c.Lookup("azure-administrator"); ok {
		t.Error("the zero Catalog found azure-administrator")
	}
	if _, ok := c.Lookup(""); ok {
		t.Error("the zero Catalog found the empty ID")
	}
	for x := range c.All() {
		t.Errorf("the zero Catalog yielded %+v", x)
	}
	if c.Len() != 0 {
		t.Errorf("the zero Catalog has Len %d", c.Len())
	}
	// The zero Catalog survives a round trip through JSON, as null.
	type config struct{ Catalog cert.Catalog }
	b, err := json.Marshal(config{})
	if err != nil || string(b) != `{"Catalog":null}` {
		t.Errorf("json.Marshal(zero Catalog) = %s, %v", b, err)
	}
	var back config
	if err := json.Unmarshal(b, &back); err != nil || back.Catalog.Len() != 0 {
		t.Errorf("json.Unmarshal(%s) = %v, %d titles", b, err, back.Catalog.Len())
	}
}

func TestCatalogJSON(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    func() cert.Catalog
	}{
		{"H1 the roadmap round trips", cert.Roadmap},
		{"A6 every field round trips", func() cert.Catalog {
			c, err := cert.NewCatalog(small()...)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.c())
			if err != nil {
				t.Fatal(err)
			}
			var got cert.Catalog
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("json.Unmarshal(%s) = %v", b, err)
			}
			if diff := cmp.Diff(slices.Collect(tt.c().All()), slices.Collect(got.All())); diff != "" {
				t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("H1 the form of one title", func(t *testing.T) {
		c, err := cert.NewCatalog(small()[0])
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		want := `{"certifications":[{"id":"azure-administrator","name":"Microsoft Certified: Azure Administrator Associate","level":"Associate","launched":"2019-03-26","renewalFrom":"2021-02-01","examLanguages":["en","zh-Hans","pt-BR"]}]}`
		if string(b) != want {
			t.Errorf("json.Marshal =\n%s\nwant\n%s", b, want)
		}
	})

	for _, tt := range catalogRefusals {
		t.Run(tt.name+" is refused and leaves the catalog unchanged", func(t *testing.T) {
			c := cert.Roadmap()
			err := c.UnmarshalJSON([]byte(tt.json))
			if err == nil {
				t.Fatalf("UnmarshalJSON(%s) succeeded with %d titles", tt.json, c.Len())
			}
			checkJSONError(t, err, tt.path)
			if diff := cmp.Diff(slices.Collect(cert.Roadmap().All()), slices.Collect(c.All())); diff != "" {
				t.Errorf("a refused UnmarshalJSON changed the catalog (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("G8/program is read and written, and omitted when empty", func(t *testing.T) {
		text := `{"certifications":[{"id":"a","name":"A","level":"Associate","program":"google-cloud"},{"id":"b","name":"B","level":"Associate"}]}`
		c, err := cert.ParseCatalog([]byte(text))
		if err != nil {
			t.Fatalf("ParseCatalog(%s) = %v", text, err)
		}
		want := []cert.Certification{{ID: "a", Name: "A", Level: cert.Associate, Program: "google-cloud"}, {ID: "b", Name: "B", Level: cert.Associate}}
		if diff := cmp.Diff(want, slices.Collect(c.All())); diff != "" {
			t.Errorf("ParseCatalog(%s) mismatch (-want +got):\n%s", text, diff)
		}
		if b, err := json.Marshal(c); err != nil || string(b) != text {
			t.Errorf("json.Marshal =\n%s, %v\nwant\n%s", b, err, text)
		}
	})

	t.Run("H1 white space around the catalog is allowed", func(t *testing.T) {
		var c cert.Catalog
		if err := c.UnmarshalJSON([]byte(" \n{\"certifications\":[{\"id\":\"a\",\"name\":\"A\",\"level\":\"Associate\"}]}\r\n\t ")); err != nil || c.Len() != 1 {
			t.Errorf("UnmarshalJSON with white space = %v, %d titles", err, c.Len())
		}
	})

	t.Run("H1 null leaves the catalog unchanged", func(t *testing.T) {
		var s struct {
			Catalog cert.Catalog `json:"catalog"`
		}
		s.Catalog = cert.Roadmap()
		if err := json.Unmarshal([]byte(`{"catalog":null}`), &s); err != nil {
			t.Fatalf("json.Unmarshal with a null catalog = %v", err)
		}
		if s.Catalog.Len() != 27 {
			t.Errorf("null changed the catalog to %d titles", s.Catalog.Len())
		}
	})
}

func TestNewCatalogKeepsEmptyListsAsNil(t *testing.T) {
	certs := small()
	certs[2].Prerequisites = []cert.ID{}
	certs[1].ExamLanguages = []string{}
	c, err := cert.NewCatalog(certs...)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := c.Lookup("devops-engineer")
	y, _ := c.Lookup("azure-developer")
	if x.Prerequisites != nil || y.ExamLanguages != nil {
		t.Errorf("R1, A6 empty lists kept as %#v and %#v, want nil", x.Prerequisites, y.ExamLanguages)
	}
}

// TestCatalogJSONKeepsTheCause checks that a refusal on load matches the
// error behind it as well as ErrInvalidCatalog: an unknown level is an
// ErrUnknownLevel, a day that does not exist an ErrSyntax.
func TestCatalogJSONKeepsTheCause(t *testing.T) {
	// NewCatalog too: a level that is no level is an ErrUnknownLevel.
	_, err := cert.NewCatalog(cert.Certification{ID: "a", Name: "A", Level: 9})
	var le *cert.LevelError
	if !errors.Is(err, cert.ErrInvalidCatalog) || !errors.Is(err, cert.ErrUnknownLevel) || !errors.As(err, &le) {
		t.Errorf("NewCatalog(level 9) = %v, want ErrInvalidCatalog and a *LevelError", err)
	}
	for _, tt := range []struct {
		name string
		json string
		want error
	}{
		{"H1 an unknown level", `{"certifications":[{"id":"a","name":"A","level":"Guru"}]}`, cert.ErrUnknownLevel},
		{"E3 a day that does not exist", `{"certifications":[{"id":"a","name":"A","level":"Associate","renewalFrom":"2021-02-30"}]}`, cert.ErrSyntax},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var c cert.Catalog
			err := json.Unmarshal([]byte(tt.json), &c)
			if !errors.Is(err, cert.ErrInvalidCatalog) || !errors.Is(err, tt.want) {
				t.Errorf("Unmarshal = %v, want ErrInvalidCatalog and %v", err, tt.want)
			}
		})
	}
}

// catalogRefusals are JSON texts that ParseCatalog and UnmarshalJSON both
// refuse, with the JSON path of the value at fault.
var catalogRefusals = []struct {
	name string
	json string
	path string
}{
	{"H1 an unknown member of the catalog", `{"certifications":[{"id":"a","name":"A","level":"Associate"}],"extra":1}`, "extra"},
	{"H1 an unknown member of a title", `{"certifications":[{"id":"a","nam":"A","level":"Associate"}]}`, "certifications[0].nam"},
	{"H1 a member in another case", `{"Certifications":[{"id":"a","name":"A","level":"Associate"}]}`, "Certifications"},
	{"H1 a member of a title in another case", `{"certifications":[{"id":"a","Name":"A","level":"Associate"}]}`, "certifications[0].Name"},
	{"H1 a member given twice", `{"certifications":[{"id":"a","name":"A","name":"B","level":"Associate"}]}`, "certifications[0].name"},
	{"H1 a member of a title at the top", `{"certifications":[{"id":"a","name":"A","level":"Associate"}],"level":"Expert"}`, "level"},
	{"H1 no certifications", `{"certifications":[]}`, "certifications"},
	{"H1 null certifications", `{"certifications":null}`, "certifications"},
	{"H1 an empty object", `{}`, "certifications"},
	{"H1 a title with no ID", `{"certifications":[{"name":"A","level":"Associate"}]}`, "certifications[0].id"},
	{"H1 a title with no name", `{"certifications":[{"id":"a","level":"Associate"}]}`, "certifications[0].name"},
	{"H1 a duplicate ID", `{"certifications":[{"id":"a","name":"A","level":"Associate"},{"id":"a","name":"B","level":"Associate"}]}`, "certifications[1].id"},
	{"H1 of two IDs given twice, the first repeat in the order given", `{"certifications":[{"id":"b","name":"B","level":"Associate"},{"id":"a","name":"A","level":"Associate"},` +
		`{"id":"b","name":"B2","level":"Associate"},{"id":"a","name":"A2","level":"Associate"}]}`, "certifications[2].id"},
	{"H1 a number for a name", `{"certifications":[{"id":"a","name":1,"level":"Associate"}]}`, "certifications[0].name"},
	{"H1 a title that is not an object", `{"certifications":["a"]}`, "certifications[0]"},
	{"V1 an unknown level", `{"certifications":[{"id":"a","name":"A","level":"Guru"}]}`, "certifications[0].level"},
	{"V1 no level", `{"certifications":[{"id":"a","name":"A"}]}`, "certifications[0].level"},
	{"V1 an empty level", `{"certifications":[{"id":"a","name":"A","level":""}]}`, "certifications[0].level"},
	{"R1 a prerequisite on an associate", `{"certifications":[{"id":"a","name":"A","level":"Associate","prerequisites":["a"]}]}`, "certifications[0].prerequisites"},
	{"R1 a prerequisite not in the catalog", `{"certifications":[{"id":"a","name":"A","level":"Associate"},{"id":"e","name":"E","level":"Expert","prerequisites":["a","b"]}]}`, "certifications[1].prerequisites[1]"},
	{"R1 of two prerequisites listed twice, the first repeat in the order given", `{"certifications":[{"id":"a","name":"A","level":"Associate"},{"id":"b","name":"B","level":"Associate"},` +
		`{"id":"e","name":"E","level":"Expert","prerequisites":["b","a","b","a"]}]}`, "certifications[2].prerequisites[2]"},
	{"G8/program in upper case", `{"certifications":[{"id":"a","name":"A","level":"Associate","program":"Google"}]}`, "certifications[0].program"},
	{"G8/program in the second title, starting with a hyphen", `{"certifications":[{"id":"a","name":"A","level":"Associate","program":"google-cloud"},` +
		`{"id":"b","name":"B","level":"Associate","program":"-x"}]}`, "certifications[1].program"},
	{"G8/program beyond ASCII", `{"certifications":[{"id":"a","name":"A","level":"Associate","program":"isc\u00b2"}]}`, "certifications[0].program"},
	{"G8/program a number", `{"certifications":[{"id":"a","name":"A","level":"Associate","program":2}]}`, "certifications[0].program"},
	{"G8/program null", `{"certifications":[{"id":"a","name":"A","level":"Associate","program":null}]}`, "certifications[0].program"},
	{"G8/program in another case", `{"certifications":[{"id":"a","name":"A","level":"Associate","Program":"isc2"}]}`, "certifications[0].Program"},
	{"A6 a bad language tag", `{"certifications":[{"id":"a","name":"A","level":"Associate","examLanguages":["en","en_US"]}]}`, "certifications[0].examLanguages[1]"},
	{"E3 renewalFrom before launched", `{"certifications":[{"id":"a","name":"A","level":"Associate","launched":"2021-02-01","renewalFrom":"2021-01-31"}]}`, "certifications[0].renewalFrom"},
	{"D5 a bad date", `{"certifications":[{"id":"a","name":"A","level":"Associate","launched":"2021-02-30"}]}`, "certifications[0].launched"},
	{"D5 a bad date in the fourth title", `{"certifications":[{"id":"a","name":"A","level":"Associate"},{"id":"b","name":"B","level":"Associate"},` +
		`{"id":"c","name":"C","level":"Associate"},{"id":"d","name":"D","level":"Associate","launched":"2021-13-01"}]}`, "certifications[3].launched"},
	{"D5 a date that is a number", `{"certifications":[{"id":"a","name":"A","level":"Associate","examRevised":20210201}]}`, "certifications[0].examRevised"},
	{"D5 a date that is null", `{"certifications":[{"id":"a","name":"A","level":"Associate","examRevised":null}]}`, "certifications[0].examRevised"},
	{"H1 invalid UTF-8 in a name", "{\"certifications\":[{\"id\":\"a\",\"name\":\"A\xff\",\"level\":\"Associate\"}]}", "certifications[0].name"},
	{"H1 not JSON", `{"certifications":`, "certifications"},
	{"H1 not JSON inside a title", `{"certifications":[{"id":"a",}]}`, "certifications[0]"},
	{"H1 an array", `[]`, ""},
	{"H1 a second object after the catalog", `{"certifications":[{"id":"a","name":"A","level":"Associate"}]} {}`, ""},
	{"H1 a stray brace after the catalog", `{"certifications":[{"id":"a","name":"A","level":"Associate"}]}}`, ""},
	{"H1 a stray bracket after the catalog", `{"certifications":[{"id":"a","name":"A","level":"Associate"}]}]`, ""},
	{"H1 empty input", ``, ""},
	{"H1 only white space", " \n\t ", ""},
}

// checkJSONError checks a refusal of a catalog's JSON: it matches
// ErrInvalidCatalog, is a CatalogError with the path, and names no Go type.
func checkJSONError(t *testing.T, err error, path string) {
	t.Helper()
	if !errors.Is(err, cert.ErrInvalidCatalog) {
		t.Errorf("error %v does not match ErrInvalidCatalog", err)
	}
	var ce *cert.CatalogError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v (%T) is not a *CatalogError", err, err)
	}
	if ce.Path != path {
		t.Errorf("CatalogError.Path = %q, want %q (%v)", ce.Path, path, err)
	}
	msg := err.Error()
	prefix := "cert: invalid catalog: " + path
	if !strings.HasPrefix(msg, prefix) {
		t.Errorf("error %q does not start with %q", msg, prefix)
	}
	// The words of the message, without the path and what it quotes of
	// the input, which may spell anything.
	words := quoted.ReplaceAllString(strings.TrimPrefix(msg, prefix), "")
	for _, name := range []string{"Go ", "struct", "catalogJSON", "cert.", "[]", "strictjson", "json:"} {
		if strings.Contains(words, name) {
			t.Errorf("error %q names %q", msg, name)
		}
	}
}

// quoted matches text in double quotes, as strconv.Quote writes it.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

func TestParseCatalog(t *testing.T) {
	b, err := json.Marshal(cert.Roadmap())
	if err != nil {
		t.Fatal(err)
	}
	c, err := cert.ParseCatalog(b)
	if err != nil {
		t.Fatalf("ParseCatalog(roadmap) = %v", err)
	}
	if diff := cmp.Diff(slices.Collect(cert.Roadmap().All()), slices.Collect(c.All())); diff != "" {
		t.Errorf("H1 the roadmap's JSON round trip mismatch (-want +got):\n%s", diff)
	}
	for _, tt := range catalogRefusals {
		t.Run(tt.name, func(t *testing.T) {
			c, err := cert.ParseCatalog([]byte(tt.json))
			if err == nil {
				t.Fatalf("ParseCatalog(%s) succeeded with %d titles", tt.json, c.Len())
			}
			checkJSONError(t, err, tt.path)
			if c.Len() != 0 {
				t.Errorf("refused catalog has %d titles", c.Len())
			}
		})
	}
	for _, text := range []string{`null`, " null\n"} {
		t.Run("H1 null is refused", func(t *testing.T) {
			_, err := cert.ParseCatalog([]byte(text))
			checkJSONError(t, err, "")
		})
	}
	t.Run("H1 a syntax error gives its byte offset", func(t *testing.T) {
		_, err := cert.ParseCatalog([]byte(`{"certifications":[{"id":"a" "name":"A"}]}`))
		if err == nil || !strings.Contains(err.Error(), "at byte 29") {
			t.Errorf("ParseCatalog = %v, want the offset 29", err)
		}
	})
}

func TestCatalogPrograms(t *testing.T) {
	several := with(func(cs []cert.Certification) []cert.Certification {
		cs[0].Program, cs[1].Program, cs[3].Program = "microsoft", "google-cloud", "microsoft"
		return append(cs, cert.Certification{ID: "cissp", Name: "CISSP", Level: cert.Expert, Program: "isc2"})
	})
	tests := []struct {
		name  string
		certs []cert.Certification
		want  []string
	}{
		{"G8/program none named: nil", small(), nil},
		{"G8/program distinct, sorted, without the default", several, []string{"google-cloud", "isc2", "microsoft"}},
		{"G8/program one named", with(func(cs []cert.Certification) []cert.Certification {
			cs[2].Program = "microsoft"
			return cs
		}), []string{"microsoft"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := cert.NewCatalog(tt.certs...)
			if err != nil {
				t.Fatal(err)
			}
			got := c.Programs()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Programs() mismatch (-want +got):\n%s", diff)
			}
			if tt.want == nil && got != nil {
				t.Errorf("Programs() = %#v, want nil", got)
			}
			// Each call returns a slice of its own.
			if len(got) > 0 {
				got[0] = "changed"
				if again := c.Programs(); again[0] == "changed" {
					t.Errorf("changing the result of Programs changed the next: %q", again)
				}
			}
		})
	}
	t.Run("G8/program the roadmap and the zero Catalog name none", func(t *testing.T) {
		if got := cert.Roadmap().Programs(); got != nil {
			t.Errorf("Roadmap().Programs() = %q, want nil", got)
		}
		if got := (cert.Catalog{}).Programs(); got != nil {
			t.Errorf("Catalog{}.Programs() = %q, want nil", got)
		}
		for x := range cert.Roadmap().All() {
			if x.Program != "" {
				t.Errorf("Roadmap title %s has program %q", x.ID, x.Program)
			}
		}
	})
}

// TestValidProgram checks the shape of a program name at its edges (RULES
// G8): 1 to 64 bytes of lower-case ASCII letters, digits and '-', the
// first a letter.
func TestValidProgram(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"a", true}, {"z", true}, {"google-cloud", true}, {"isc2", true}, {"a-0-9", true},
		{strings.Repeat("a", 64), true}, {strings.Repeat("a", 65), false},
		{"", false}, {"0a", false}, {"-a", false}, {"`a", false}, {"{a", false},
		{"a`", false}, {"a{", false}, {"a/", false}, {"a:", false}, {"aA", false}, {"a_b", false}, {"a b", false},
	} {
		if got := cert.ValidProgram(tt.name); got != tt.want {
			t.Errorf("G8/ValidProgram(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

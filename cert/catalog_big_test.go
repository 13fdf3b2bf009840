package cert_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/certrenew/certrenew/cert"
)

// bigCatalog returns n valid certifications, in an order that is not
// their IDs' order: mostly associates, a tenth experts with two associate
// prerequisites each, and some specialty and fundamentals titles, with
// days and exam languages here and there.
func bigCatalog(n int) []cert.Certification {
	id := func(k int) cert.ID { return cert.ID("title-" + strconv.Itoa((k*7919)%n)) }
	certs := make([]cert.Certification, n)
	for k := range certs {
		c := cert.Certification{
			ID:    id(k),
			Name:  "Microsoft Certified: Title " + strconv.Itoa(k) + " Associate",
			Level: cert.Associate,
		}
		switch {
		case k%10 == 9:
			c.Level = cert.Expert
			c.Prerequisites = []cert.ID{id(k - 1), id(k - 3)} // associates: 8 and 6 mod 10
		case k%10 == 5:
			c.Level = cert.Specialty
		case k%10 == 7:
			c.Level = cert.Fundamentals
		}
		if k%3 == 0 {
			c.Launched = day("2019-03-26").AddDays(k % 700)
			c.RenewalFrom = c.Launched.AddMonths(6)
			c.ExamLanguages = []string{"en", "zh-Hans", "pt-BR"}
		}
		certs[k] = c
	}
	return certs
}

// TestBigCatalog builds catalogs of 20,000 titles, and 200,000 unless
// -short or -race, and round-trips them through JSON (RULES H1): loading is
// O(n log n), not O(n^2).
func TestBigCatalog(t *testing.T) {
	sizes := []int{20000, 200000}
	if testing.Short() || raceEnabled {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		t.Run("H1 "+strconv.Itoa(n)+" titles", func(t *testing.T) {
			certs := bigCatalog(n)
			start := time.Now()
			c, err := cert.NewCatalog(certs...)
			if err != nil {
				t.Fatal(err)
			}
			built := time.Since(start)
			b, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			start = time.Now()
			back, err := cert.ParseCatalog(b)
			if err != nil {
				t.Fatal(err)
			}
			parsed := time.Since(start)
			t.Logf("%d titles: NewCatalog %v; ParseCatalog of %d bytes %v", n, built, len(b), parsed)
			if !slices.EqualFunc(certs, slices.Collect(back.All()), equalCert) {
				t.Fatalf("the catalog of %d titles does not survive a JSON round trip", n)
			}
			for _, k := range []int{0, n / 2, n - 1} {
				if got, ok := back.Lookup(certs[k].ID); !ok || !equalCert(got, certs[k]) {
					t.Errorf("Lookup(%s) = %+v, %v", certs[k].ID, got, ok)
				}
			}
			if _, ok := back.Lookup("title-missing"); ok {
				t.Error("Lookup found a title that is not there")
			}
		})
	}
}

// equalCert reports whether a and b are equal, as cmp.Equal would, but
// quickly enough for 200,000 titles.
func equalCert(a, b cert.Certification) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Level == b.Level && a.Program == b.Program && a.Launched == b.Launched &&
		a.RenewalFrom == b.RenewalFrom && a.ExamRevised == b.ExamRevised &&
		slices.Equal(a.Prerequisites, b.Prerequisites) && slices.Equal(a.ExamLanguages, b.ExamLanguages)
}

func BenchmarkParseCatalog(b *testing.B) {
	for _, n := range []int{27, 20000, 200000} {
		b.Run(strconv.Itoa(n)+" titles", func(b *testing.B) {
			var data []byte
			var err error
			if n == 27 {
				data, err = json.Marshal(cert.Roadmap())
			} else {
				c, cerr := cert.NewCatalog(bigCatalog(n)...)
				if cerr != nil {
					b.Fatal(cerr)
				}
				data, err = json.Marshal(c)
			}
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cert.ParseCatalog(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkNewCatalog(b *testing.B) {
	certs := bigCatalog(200000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cert.NewCatalog(certs...); err != nil {
			b.Fatal(err)
		}
	}
}

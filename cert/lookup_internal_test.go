package cert

import (
	"strconv"
	"testing"
)

var sinkIndex int

// BenchmarkLookupCrossover measures Lookup's scan against its binary search
// on catalogs of n titles with IDs like the Roadmap's, looking up each title
// in turn and one that is missing, to choose scanMax.
func BenchmarkLookupCrossover(b *testing.B) {
	var roadmap []ID
	for c := range Roadmap().All() {
		roadmap = append(roadmap, c.ID)
	}
	for _, n := range []int{8, 16, 27, 32, 48, 64, 96, 128, 256} {
		certs := make([]Certification, n)
		for i := range certs {
			certs[i].ID = roadmap[i%len(roadmap)]
			if i >= len(roadmap) {
				certs[i].ID += ID("-" + strconv.Itoa(i/len(roadmap)))
			}
		}
		ids := make([]ID, 0, n+1)
		for _, c := range certs {
			ids = append(ids, c.ID)
		}
		ids = append(ids, "azure-fundamentals")
		for _, way := range []struct {
			name string
			c    Catalog
		}{
			{"scan", Catalog{certs: certs}},
			{"search", Catalog{certs: certs, byID: sortedIndex(certs)}},
		} {
			b.Run(way.name+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					sinkIndex = way.c.index(ids[i])
					if i++; i == len(ids) {
						i = 0
					}
				}
			})
		}
	}
}

// TestLookupWays checks that the scan and the binary search find the same
// titles, on either side of scanMax.
func TestLookupWays(t *testing.T) {
	for _, n := range []int{1, 2, 27, scanMax, scanMax + 1, 1000} {
		certs := make([]Certification, n)
		for i := range certs {
			certs[i] = Certification{ID: ID("t" + strconv.Itoa(i*7919%n)), Name: "T", Level: Associate}
		}
		c, err := NewCatalog(certs...)
		if err != nil {
			t.Fatal(err)
		}
		if (c.byID != nil) != (n > scanMax) {
			t.Errorf("H1 a catalog of %d titles has an index: %v, want %v", n, c.byID != nil, n > scanMax)
		}
		scan, search := Catalog{certs: c.certs}, Catalog{certs: c.certs, byID: sortedIndex(c.certs)}
		for i, x := range certs {
			if scan.index(x.ID) != i || search.index(x.ID) != i || c.index(x.ID) != i {
				t.Errorf("H1 %d titles: %s found at %d, %d, %d; want %d", n, x.ID, scan.index(x.ID), search.index(x.ID), c.index(x.ID), i)
			}
		}
		for _, id := range []ID{"", "t", "t-1", "u", "s", ID("t" + strconv.Itoa(n))} {
			if scan.index(id) != -1 || search.index(id) != -1 {
				t.Errorf("H1 %d titles: %q found at %d, %d", n, id, scan.index(id), search.index(id))
			}
		}
	}
}

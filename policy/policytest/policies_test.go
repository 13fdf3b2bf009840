package policytest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/policytest"
)

// policiesDir holds the policy files that the repository ships, each with
// its scenario file, and the catalog they are run with.
const policiesDir = "../../policies"

// loadPolicy reads and parses the policy file policies/name.json.
func loadPolicy(t testing.TB, name string) policy.Policy {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(policiesDir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := policy.Parse(data)
	if err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	return p
}

// loadCatalog reads and parses policies/catalog.json.
func loadCatalog(t testing.TB) cert.Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(policiesDir, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := cert.ParseCatalog(data)
	if err != nil {
		t.Fatalf("catalog.json: %v", err)
	}
	return c
}

// TestPolicyFiles loads every policy file of policies/ and runs its
// scenario file, <name>.scenario, with policies/catalog.json.
func TestPolicyFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(policiesDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	cat := loadCatalog(t)
	n := 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		if name == "catalog" {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			p := loadPolicy(t, name)
			policytest.Run(t, p, cat, os.DirFS(policiesDir), name+".scenario")
		})
	}
	if n < 5 {
		t.Errorf("found %d policy files in %s, want at least 5", n, policiesDir)
	}
}

// TestPolicyFileMicrosoft checks that microsoft-2020-12-15.json is exactly
// policy.Microsoft() (RULES H1).
func TestPolicyFileMicrosoft(t *testing.T) {
	if diff := cmp.Diff(policy.Microsoft(), loadPolicy(t, "microsoft-2020-12-15")); diff != "" {
		t.Errorf("microsoft-2020-12-15.json mismatch (-want +got):\n%s", diff)
	}
}

// TestPolicyFileCatalog checks that the Microsoft titles of catalog.json
// are those of the roadmap, field for field, and that every title's program
// is one that workforce.json lists (RULES G8).
func TestPolicyFileCatalog(t *testing.T) {
	cat, road := loadCatalog(t), cert.Roadmap()
	for c := range cat.All() {
		if c.Program != "" {
			continue
		}
		want, ok := road.Lookup(c.ID)
		if !ok {
			t.Errorf("%s: not a title of the roadmap", c.ID)
			continue
		}
		if diff := cmp.Diff(want, c); diff != "" {
			t.Errorf("%s mismatch with the roadmap (-want +got):\n%s", c.ID, diff)
		}
	}
	var programs []string
	for _, g := range loadPolicy(t, "workforce").Programs {
		programs = append(programs, g.Name)
	}
	if diff := cmp.Diff(programs, cat.Programs()); diff != "" {
		t.Errorf("workforce.json's programs and catalog.json's (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"google-cloud", "isc2"}, cat.Programs()); diff != "" {
		t.Errorf("Programs() mismatch (-want +got):\n%s", diff)
	}
}

package policytest

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// TestRunFiles checks what Run reports, through runFiles, which it is
// without the testing.T: so a test can see the failures that Run would
// report without failing itself.
func TestRunFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"b.scenario": {Data: []byte("cert azure-administrator\nearned 2021-07-15\nexpires 2023-07-15\nexpires never\n")},
		"a.scenario": {Data: []byte("cert azure-administrator; earned 2021-07-15; expires 2022-07-15\n")},
		"c.scenario": {Data: []byte("cert azure-administrator\nearn 2021-07-15\n")},
		"dir/x.txt":  {Data: []byte("not a scenario")},
	}
	got, err := runFiles(policy.Microsoft(), cert.Roadmap(), fsys, "*.scenario")
	if err != nil {
		t.Fatal(err)
	}
	want := []fileResult{
		{name: "a.scenario"},
		{name: "b.scenario", errors: []string{
			"b.scenario:3: expires: want 2023-07-15, got 2022-07-15",
			"b.scenario:4: expires: want never, got 2022-07-15",
		}},
		{name: "c.scenario", errors: []string{`policytest: c.scenario:2: unknown statement "earn" in "earn 2021-07-15"`}},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(fileResult{})); diff != "" {
		t.Errorf("runFiles mismatch (-want +got):\n%s", diff)
	}
}

// TestRunFilesPattern fails a test as a whole for a pattern that matches no
// file or is malformed.
func TestRunFilesPattern(t *testing.T) {
	fsys := fstest.MapFS{"a.scenario": {Data: []byte("linked\n")}}
	tests := []struct{ pattern, want string }{
		{"*.scenarios", `policytest: no scenario file matches "*.scenarios"`},
		{"[", `policytest: pattern "[": syntax error in pattern`},
	}
	for _, tt := range tests {
		_, err := runFiles(policy.Microsoft(), cert.Roadmap(), fsys, tt.pattern)
		if err == nil || err.Error() != tt.want {
			t.Errorf("runFiles(%q) = %v, want %s", tt.pattern, err, tt.want)
		}
	}
}

package cert_test

import (
	"os/exec"
	"regexp"
	"testing"
)

// TestInlining checks that the small methods on hot paths stay inlinable,
// as reported by the compiler's -m flag.
func TestInlining(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the package with -gcflags=-m")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	out, err := exec.Command(goTool, "build", "-gcflags=-m", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build -gcflags=-m: %v\n%s", err, out)
	}
	got := map[string]bool{}
	for _, m := range regexp.MustCompile(`can inline (\S+)`).FindAllSubmatch(out, -1) {
		got[string(m[1])] = true
	}
	for _, fn := range []string{
		"Date.IsZero", "Date.Before", "Date.After", "Date.Equal", "Date.Compare",
		"Date.AddDays", "Date.DaysSince", "Date.Weekday", "Date.AppendText",
		"Date.String", "Date.MarshalText", "fromCount", "daysFromCivil", "computational", "fromComputational", "lastDay", "isLeap",
		"Level.IsValid", "Level.IsRoleBased", "Certification.CanExpire",
		"Credential.ActiveOn", "Profile.Index", "Profile.IsLinked",
		"Catalog.Lookup", "Catalog.Len",
	} {
		if !got[fn] {
			t.Errorf("%s is not inlinable", fn)
		}
	}
}

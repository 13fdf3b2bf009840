package cert_test

import (
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"testing"
)

// TestInlining checks that the small methods on hot paths stay inlinable,
// as reported by the compiler's -m flag, for the architecture the test runs
// on: GOARCH=386 go test checks the 32-bit build.
func TestInlining(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the package with -gcflags=-m")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	cmd := exec.Command(goTool, "build", "-gcflags=-m", ".")
	cmd.Env = append(os.Environ(), "GOARCH="+runtime.GOARCH)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build -gcflags=-m: %v\n%s", err, out)
	}
	got := map[string]bool{}
	for _, m := range regexp.MustCompile(`can inline (\S+)`).FindAllSubmatch(out, -1) {
		got[string(m[1])] = true
	}
	wantInlinable := []string{
		"Date.IsZero", "Date.Before", "Date.After", "Date.Equal", "Date.Compare",
		"Date.AddDays", "Date.DaysSince", "Date.Weekday", "Date.AppendText",
		"Date.String", "Date.MarshalText", "fromCount", "daysFromCivil", "computational", "fromComputational", "lastDay", "isLeap",
		"Level.IsValid", "Level.IsRoleBased", "Certification.CanExpire",
		"Credential.ActiveOn", "Profile.Index", "Profile.IsLinked",
		"Catalog.Lookup", "Catalog.Len",
	}
	switch runtime.GOARCH {
	case "386", "arm", "mips", "mipsle", "wasm":
		// Where int is 32 bits, or 64-bit arithmetic costs more, nothing
		// more is promised.
	case "amd64", "arm64", "loong64", "ppc64", "ppc64le", "riscv64", "s390x":
		// Ones that are only inlinable where 64-bit arithmetic is cheap:
		// none at present; list them here, as net/netip does.
	}
	for _, fn := range wantInlinable {
		if !got[fn] {
			t.Errorf("%s is not inlinable on %s", fn, runtime.GOARCH)
		}
	}
}

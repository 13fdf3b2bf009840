package explain_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/explain"
	"github.com/certrenew/certrenew/policy/history"
)

// allSentinels lists, by hand, every sentinel error of the packages that
// explain tells. TestSentinelListIsComplete checks it against their
// sources, so that a new sentinel cannot be added without a text.
var allSentinels = []struct {
	name string
	err  error
}{
	{"cert.ErrSyntax", cert.ErrSyntax},
	{"cert.ErrUnknownLevel", cert.ErrUnknownLevel},
	{"cert.ErrInvalidCatalog", cert.ErrInvalidCatalog},

	{"assessment.ErrTooSoon", assessment.ErrTooSoon},
	{"assessment.ErrCapReached", assessment.ErrCapReached},
	{"assessment.ErrPassed", assessment.ErrPassed},
	{"assessment.ErrOutOfOrder", assessment.ErrOutOfOrder},
	{"assessment.ErrInvalidRetakes", assessment.ErrInvalidRetakes},
	{"assessment.ErrStaleCycle", assessment.ErrStaleCycle},

	{"policy.ErrNotEligible", policy.ErrNotEligible},
	{"policy.ErrNotHeld", policy.ErrNotHeld},
	{"policy.ErrNeverExpires", policy.ErrNeverExpires},
	{"policy.ErrExpired", policy.ErrExpired},
	{"policy.ErrOutsideWindow", policy.ErrOutsideWindow},
	{"policy.ErrAssessmentUnavailable", policy.ErrAssessmentUnavailable},
	{"policy.ErrNotLinked", policy.ErrNotLinked},
	{"policy.ErrStillActive", policy.ErrStillActive},
	{"policy.ErrMissingPrerequisite", policy.ErrMissingPrerequisite},
	{"policy.ErrBackdated", policy.ErrBackdated},
	{"policy.ErrUnknownCertification", policy.ErrUnknownCertification},
	{"policy.ErrDateOutOfRange", policy.ErrDateOutOfRange},
	{"policy.ErrInvalidPolicy", policy.ErrInvalidPolicy},
	{"policy.ErrUnknownReason", policy.ErrUnknownReason},
	{"policy.ErrUnknownProgram", policy.ErrUnknownProgram},

	{"history.ErrInvalidLog", history.ErrInvalidLog},
	{"history.ErrNoKind", history.ErrNoKind},
	{"history.ErrOutOfOrder", history.ErrOutOfOrder},
	{"history.ErrAlreadyLinked", history.ErrAlreadyLinked},
	{"history.ErrMergeLinked", history.ErrMergeLinked},
	{"history.ErrMergeSelf", history.ErrMergeSelf},
	{"history.ErrNoEarnDay", history.ErrNoEarnDay},
	{"history.ErrNoExpiry", history.ErrNoExpiry},
	{"history.ErrUnexpectedExpiry", history.ErrUnexpectedExpiry},
	{"history.ErrExpiryNotAfterEarned", history.ErrExpiryNotAfterEarned},
	{"history.ErrUnreachableExpiry", history.ErrUnreachableExpiry},
	{"agenda.ErrUnknownKind", agenda.ErrUnknownKind},
	{"history.ErrHeldTwice", history.ErrHeldTwice},
}

// sentinelDirs are the packages whose sentinels explain tells, by their
// directory from here: those it imports.
var sentinelDirs = []string{"../../cert", "../../assessment", "..", "../history", "../agenda"}

// sentinelDecl matches the declaration of a sentinel error, alone or in a
// var block: "var ErrSyntax = errors.New(" or "\tErrTooSoon = errors.New(".
var sentinelDecl = regexp.MustCompile(`(?m)^(?:var\s+|\t)(Err[A-Z]\w*)(?:\s+error)?\s*=\s*(?:errors\.New|fmt\.Errorf)\(`)

// TestSentinelListIsComplete reads the sources of the packages explain
// tells and checks that allSentinels lists exactly their sentinels.
func TestSentinelListIsComplete(t *testing.T) {
	var found []string
	for _, dir := range sentinelDirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		pkg := filepath.Base(dir)
		if dir == ".." {
			pkg = "policy"
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range sentinelDecl.FindAllSubmatch(src, -1) {
				found = append(found, pkg+"."+string(m[1]))
			}
		}
	}
	var listed []string
	for _, s := range allSentinels {
		listed = append(listed, s.name)
	}
	slices.Sort(found)
	slices.Sort(listed)
	for _, name := range found {
		if !slices.Contains(listed, name) {
			t.Errorf("%s is declared but not in allSentinels: give it a text in en.go and zh.go and list it", name)
		}
	}
	for _, name := range listed {
		if !slices.Contains(found, name) {
			t.Errorf("%s is in allSentinels but not declared in %v", name, sentinelDirs)
		}
	}
	t.Logf("%d sentinels declared in %v", len(found), sentinelDirs)
	if len(found) < 30 {
		t.Errorf("found only %d sentinels: %v", len(found), found)
	}
}

// TestEverySentinelHasAText checks that every sentinel has a sentence of
// its own in both languages, not the generic one.
func TestEverySentinelHasAText(t *testing.T) {
	for _, l := range explain.Languages {
		generic := explain.Error(l, errUnknown)
		seen := map[string]string{}
		for _, s := range allSentinels {
			got := explain.Error(l, s.err)
			switch {
			case got == "":
				t.Errorf("%v: %s has no text", l, s.name)
			case got == generic:
				t.Errorf("%v: %s has the generic text %q", l, s.name, got)
			case seen[got] != "":
				t.Errorf("%v: %s and %s share the text %q", l, s.name, seen[got], got)
			}
			seen[got] = s.name
		}
	}
}

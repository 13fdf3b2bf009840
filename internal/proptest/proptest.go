// Package proptest runs the property tests of certrenew's packages with one
// set of parameters, so that every package draws its cases the same way and
// every failure can be replayed. It is for tests only: nothing but a
// _test.go file imports it, and it is no part of the library's API.
//
// # Seeds
//
// A property runs [MinSuccessfulTests] cases from a fixed seed, so that
// go test gives the same answer on every run:
//
//	func TestPropN1_RenewalNeverShortens(t *testing.T) {
//		properties := proptest.New(t)
//		properties.Property("N1 renewal never shortens validity", prop.ForAll(...))
//		properties.TestingRun(t)
//	}
//
// The seed is [DefaultSeed], the day the renewal policy was announced
// (RULES H1), unless the environment variable CERTRENEW_SEED ([SeedEnv])
// gives another. New logs the seed and the command that replays the one
// test with it, for example
//
//	CERTRENEW_SEED=28 go test -run '^TestPropGenerators$' ./policy
//
// and TestingRun names the seed again when a property fails. Each test
// starts from the seed afresh, so a test's cases do not depend on which
// other tests ran before it.
package proptest

import (
	"fmt"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
)

const (
	// DefaultSeed is the seed when CERTRENEW_SEED is unset or empty:
	// 2020-12-15, the day the renewal policy was announced (RULES H1).
	DefaultSeed = 20201215

	// SeedEnv names the environment variable that overrides DefaultSeed
	// with a decimal int64.
	SeedEnv = "CERTRENEW_SEED"

	// MinSuccessfulTests is the number of cases each property must pass.
	MinSuccessfulTests = 1000
)

// New returns the properties of the test t: gopter's default parameters
// with the seed of [Seed] and [MinSuccessfulTests] cases. It logs the seed
// and the command that replays t with it, and fails t at once when
// CERTRENEW_SEED is not a decimal int64. Call it once per test, add the
// test's properties and end with TestingRun(t).
func New(t testing.TB) *gopter.Properties {
	t.Helper()
	seed, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("gopter seed %d; replay with %s", seed, command(seed, t.Name(), packageDir()))
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = MinSuccessfulTests
	return gopter.NewProperties(params)
}

// Seed returns the seed CERTRENEW_SEED gives, or DefaultSeed when it is
// unset or empty. The error quotes a value that is not a decimal int64.
func Seed() (int64, error) {
	s := os.Getenv(SeedEnv)
	if s == "" {
		return DefaultSeed, nil
	}
	seed, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("proptest: %s=%s is not a decimal int64", SeedEnv, strconv.Quote(s))
	}
	return seed, nil
}

// command returns the shell command that runs the test named name (a name
// as testing.T.Name gives it, subtests included) of the package in the
// directory pkg with the given seed.
func command(seed int64, name, pkg string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return fmt.Sprintf("%s=%d go test -run '%s' %s", SeedEnv, seed, strings.Join(parts, "/"), pkg)
}

// packageDir returns the directory of the package under test relative to
// the module's root, as go test takes it ("./policy"), read from the test
// binary's build information: its path is the package's import path plus
// ".test". It returns "./..." when that information is missing.
func packageDir() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "./..."
	}
	return dirOf(bi.Path, bi.Main.Path)
}

// dirOf returns the directory, relative to the module's root, of the test
// binary whose path is binary, in the module whose path is module, or
// "./..." when binary is not a test binary of that module.
func dirOf(binary, module string) string {
	pkg, ok := strings.CutSuffix(binary, ".test")
	if !ok || module == "" {
		return "./..."
	}
	if pkg == module {
		return "."
	}
	rel, ok := strings.CutPrefix(pkg, module+"/")
	if !ok {
		return "./..."
	}
	return "./" + rel
}

package proptest

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// recorder is a testing.TB that keeps what New logs and the message it
// fails with, and ends its goroutine on Fatal as testing.T does.
type recorder struct {
	testing.TB
	logs  []string
	fatal string
}

func (r *recorder) Helper() {}

func (r *recorder) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatal(args ...any) {
	r.fatal = fmt.Sprint(args...)
	runtime.Goexit()
}

// newWith calls New from a goroutine of its own, as a test would, with
// CERTRENEW_SEED set to env, and returns its properties (nil when New
// failed) and what it recorded.
func newWith(t *testing.T, env string) (*gopter.Properties, *recorder) {
	t.Setenv(SeedEnv, env)
	r := &recorder{TB: t}
	var p *gopter.Properties
	done := make(chan struct{})
	go func() {
		defer close(done)
		p = New(r)
	}()
	<-done
	return p, r
}

func TestSeed(t *testing.T) {
	tests := []struct {
		env  string
		want int64
		ok   bool
	}{
		{"", DefaultSeed, true},
		{"28", 28, true},
		{"-5", -5, true},
		{"0", 0, true},
		{"9223372036854775807", 1<<63 - 1, true},
		{"9223372036854775808", 0, false}, // past int64
		{" 28", 0, false},
		{"0x1c", 0, false},
		{"1e3", 0, false},
		{"twenty", 0, false},
	}
	for _, tt := range tests {
		t.Setenv(SeedEnv, tt.env)
		got, err := Seed()
		if tt.ok {
			if err != nil || got != tt.want {
				t.Errorf("Seed() with %s=%q = %d, %v; want %d, nil", SeedEnv, tt.env, got, err, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("Seed() with %s=%q = %d, nil; want an error", SeedEnv, tt.env, got)
		} else if !strings.Contains(err.Error(), fmt.Sprintf("%q", tt.env)) {
			t.Errorf("Seed() with %s=%q: error %q does not quote the value", SeedEnv, tt.env, err)
		}
	}
}

// TestNewLogsTheSeedAndTheReplay checks the one line New logs: the seed and
// the command that replays this very test.
func TestNewLogsTheSeedAndTheReplay(t *testing.T) {
	for _, tt := range []struct {
		env  string
		seed int64
	}{{"", DefaultSeed}, {"28", 28}} {
		_, r := newWith(t, tt.env)
		want := fmt.Sprintf("gopter seed %d; replay with CERTRENEW_SEED=%d go test -run '^TestNewLogsTheSeedAndTheReplay$' ./internal/proptest", tt.seed, tt.seed)
		if !slices.Equal(r.logs, []string{want}) || r.fatal != "" {
			t.Errorf("%s=%q: New logged %q and failed with %q, want only %q", SeedEnv, tt.env, r.logs, r.fatal, want)
		}
	}
}

// TestNewRunsTheSeedsCases checks that the properties New returns run
// exactly MinSuccessfulTests cases, drawn as gopter draws them from the
// seed, and that another seed draws other cases.
func TestNewRunsTheSeedsCases(t *testing.T) {
	draw := func(p *gopter.Properties) []int64 {
		var got []int64
		p.Property("records its cases", prop.ForAll(func(v int64) bool {
			got = append(got, v)
			return true
		}, gen.Int64()))
		p.TestingRun(t)
		return got
	}
	reference := func(seed int64) []int64 {
		params := gopter.DefaultTestParametersWithSeed(seed)
		params.MinSuccessfulTests = MinSuccessfulTests
		return draw(gopter.NewProperties(params))
	}
	for _, tt := range []struct {
		env  string
		seed int64
	}{{"", DefaultSeed}, {"28", 28}} {
		p, r := newWith(t, tt.env)
		if p == nil {
			t.Fatalf("%s=%q: New failed: %s", SeedEnv, tt.env, r.fatal)
		}
		got := draw(p)
		if len(got) != MinSuccessfulTests {
			t.Errorf("%s=%q: %d cases, want %d", SeedEnv, tt.env, len(got), MinSuccessfulTests)
		}
		if !slices.Equal(got, reference(tt.seed)) {
			t.Errorf("%s=%q: the cases are not those of seed %d", SeedEnv, tt.env, tt.seed)
		}
		if slices.Equal(got, reference(tt.seed+1)) {
			t.Errorf("%s=%q: seeds %d and %d draw the same cases", SeedEnv, tt.env, tt.seed, tt.seed+1)
		}
	}
}

// TestNewRefusesABadSeed checks that New fails the test, and quotes the
// value, rather than run under a seed nobody asked for.
func TestNewRefusesABadSeed(t *testing.T) {
	p, r := newWith(t, "twenty")
	if p != nil || !strings.Contains(r.fatal, `"twenty"`) {
		t.Errorf("New with %s=twenty: properties %v, failure %q; want a failure quoting the value", SeedEnv, p, r.fatal)
	}
	if len(r.logs) != 0 {
		t.Errorf("New with a bad seed logged %q", r.logs)
	}
}

func TestCommand(t *testing.T) {
	tests := []struct {
		seed      int64
		name, pkg string
		want      string
	}{
		{20201215, "TestPropGenerators", "./policy", `CERTRENEW_SEED=20201215 go test -run '^TestPropGenerators$' ./policy`},
		{-3, "TestPropA3_EveryInstantBeforeNextIsRefused", "./assessment", `CERTRENEW_SEED=-3 go test -run '^TestPropA3_EveryInstantBeforeNextIsRefused$' ./assessment`},
		// A subtest: -run matches each level of the name on its own.
		{7, "TestExpiry/V2_earned_on_the_cut-over_day", ".", `CERTRENEW_SEED=7 go test -run '^TestExpiry$/^V2_earned_on_the_cut-over_day$' .`},
		// Characters that mean something in a regular expression.
		{7, "TestX/a+b_(c)", "./cert", `CERTRENEW_SEED=7 go test -run '^TestX$/^a\+b_\(c\)$' ./cert`},
	}
	for _, tt := range tests {
		if got := command(tt.seed, tt.name, tt.pkg); got != tt.want {
			t.Errorf("command(%d, %q, %q) = %s, want %s", tt.seed, tt.name, tt.pkg, got, tt.want)
		}
	}
}

func TestDirOf(t *testing.T) {
	const module = "github.com/certrenew/certrenew"
	tests := []struct {
		binary, module, want string
	}{
		{module + "/policy.test", module, "./policy"},
		{module + "/internal/proptest.test", module, "./internal/proptest"},
		{module + ".test", module, "."},
		{module + "/policy", module, "./..."},                // not a test binary
		{"example.com/other/policy.test", module, "./..."},   // another module
		{module + "extra/policy.test", module, "./..."},      // a longer module path
		{module + "/policy.test", "", "./..."},               // no module
		{"command-line-arguments.test", "", "./..."},         // go test of files
		{"github.com/certrenew/certrenew.test", "", "./..."}, // no module
	}
	for _, tt := range tests {
		if got := dirOf(tt.binary, tt.module); got != tt.want {
			t.Errorf("dirOf(%q, %q) = %q, want %q", tt.binary, tt.module, got, tt.want)
		}
	}
}

func TestPackageDir(t *testing.T) {
	if got, want := packageDir(), "./internal/proptest"; got != want {
		t.Errorf("packageDir() = %q, want %q", got, want)
	}
}

package policy_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// The benchmarks of this file measure the hot questions on varied inputs:
// profiles of 1 to 8 credentials and days spread over the whole life of a
// credential, so that every reason of Eligibility is taken.

// eligibilityCase is one input of the Eligibility benchmarks, in both the
// library's types and those of the hand-written baseline.
type eligibilityCase struct {
	pr   cert.Profile
	c    cert.Certification
	on   cert.Date
	base baseCase
}

// eligibilityCases returns n varied inputs from a fixed seed.
func eligibilityCases(n int) []eligibilityCase {
	rng := rand.New(rand.NewPCG(20201215, 1))
	var titles []cert.Certification
	for c := range cert.Roadmap().All() {
		titles = append(titles, c)
	}
	fundamentals := cert.Certification{ID: "azure-fundamentals", Name: "Microsoft Certified: Azure Fundamentals", Level: cert.Fundamentals}
	titles = append(titles, fundamentals)
	p := policy.Microsoft()
	start := cert.NewDate(2019, time.January, 1)
	cases := make([]eligibilityCase, n)
	for i := range cases {
		size := 1 + rng.IntN(8)
		pr := cert.Profile{MCID: fmt.Sprint(i)}
		if rng.IntN(4) != 0 {
			pr.Learn = "learn-" + fmt.Sprint(i)
		}
		for _, k := range rng.Perm(len(titles))[:size] {
			c := titles[k]
			earned := start.AddDays(rng.IntN(4 * 365))
			pr.Credentials = append(pr.Credentials, cert.Credential{Cert: c.ID, Earned: earned, Expires: p.Expiry(c, earned)})
		}
		// Mostly a title the profile holds, at a random place; sometimes one it does not.
		c := titles[rng.IntN(len(titles))]
		if rng.IntN(5) != 0 {
			c, _ = lookup(titles, pr.Credentials[rng.IntN(size)].Cert)
		}
		on := start.AddDays(rng.IntN(7 * 365))
		cases[i] = eligibilityCase{pr: pr, c: c, on: on, base: toBase(pr, c, on)}
	}
	return cases
}

func lookup(titles []cert.Certification, id cert.ID) (cert.Certification, bool) {
	for _, c := range titles {
		if c.ID == id {
			return c, true
		}
	}
	return cert.Certification{}, false
}

// The baseline: careful hand-written code on time.Time for the same
// decision, with the same order of checks and the same clamped months, as a
// service without this library would write it.

type baseCredential struct {
	cert            string
	earned, expires time.Time // midnight UTC; expires is zero for never
}

type baseProfile struct {
	linked bool
	creds  []baseCredential
}

type baseCert struct {
	id           string
	fundamentals bool
	renewalFrom  time.Time
}

type baseCase struct {
	pr baseProfile
	c  baseCert
	on time.Time
}

func toBase(pr cert.Profile, c cert.Certification, on cert.Date) baseCase {
	var b baseCase
	b.pr.linked = pr.IsLinked()
	for _, cr := range pr.Credentials {
		b.pr.creds = append(b.pr.creds, baseCredential{string(cr.Cert), cr.Earned.In(time.UTC), cr.Expires.In(time.UTC)})
	}
	b.c = baseCert{string(c.ID), c.Level == cert.Fundamentals, c.RenewalFrom.In(time.UTC)}
	b.on = on.In(time.UTC)
	return b
}

// baseAddMonths adds n months to t, clamped to the month's end.
func baseAddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	if last := first.AddDate(0, 1, -1).Day(); d > last {
		d = last
	}
	return first.AddDate(0, 0, d-1)
}

// baseEligibility is the baseline's decision: the reason, as a policy.Reason.
func baseEligibility(pr *baseProfile, c *baseCert, on time.Time) policy.Reason {
	var cr *baseCredential
	for i := range pr.creds {
		if pr.creds[i].cert == c.id {
			cr = &pr.creds[i]
			break
		}
	}
	switch {
	case cr == nil || on.Before(cr.earned):
		return policy.NotHeld
	case c.fundamentals || cr.expires.IsZero():
		return policy.NeverExpires
	case !on.Before(cr.expires):
		return policy.Expired
	case on.Before(baseAddMonths(cr.expires, -6)):
		return policy.NotYetOpen
	case on.Before(c.renewalFrom):
		return policy.AssessmentUnavailable
	case !pr.linked:
		return policy.ProfileNotLinked
	}
	return policy.Eligible
}

// TestBaselineAgrees makes the benchmark's comparison honest: the baseline
// decides exactly as Eligibility does on every benchmark input.
func TestBaselineAgrees(t *testing.T) {
	p := policy.Microsoft()
	reasons := map[policy.Reason]int{}
	for _, tc := range eligibilityCases(4096) {
		got := p.Eligibility(tc.pr, tc.c, tc.on).Reason
		if want := baseEligibility(&tc.base.pr, &tc.base.c, tc.base.on); got != want {
			t.Fatalf("Eligibility(%v, %s, %s) = %v, baseline %v", tc.pr, tc.c.ID, tc.on, got, want)
		}
		reasons[got]++
	}
	for r := policy.NotHeld; r <= policy.Eligible; r++ {
		if reasons[r] == 0 {
			t.Errorf("no benchmark input gives %v: the inputs are not varied enough", r)
		}
	}
}

// BenchmarkEligibility times Eligibility beside the baseline on the same
// inputs. Compare the two with benchstat or by eye: the ratio is what counts.
func BenchmarkEligibility(b *testing.B) {
	cases := eligibilityCases(1024)
	p := policy.Microsoft()
	b.Run("certrenew", func(b *testing.B) {
		b.ReportAllocs()
		i, n := 0, 0
		for b.Loop() {
			tc := &cases[i&1023]
			if p.Eligibility(tc.pr, tc.c, tc.on).Eligible {
				n++
			}
			i++
		}
		sinkInt = n
	})
	b.Run("time.Time", func(b *testing.B) {
		b.ReportAllocs()
		i, n := 0, 0
		for b.Loop() {
			tc := &cases[i&1023]
			if baseEligibility(&tc.base.pr, &tc.base.c, tc.base.on) == policy.Eligible {
				n++
			}
			i++
		}
		sinkInt = n
	})
}

// BenchmarkEligibilityRatio measures the two side by side in alternating
// rounds of 1024 calls over the same inputs, so that whatever else the
// machine does weighs on both alike, and reports the ratio of their times
// as certrenew/time.Time.
func BenchmarkEligibilityRatio(b *testing.B) {
	cases := eligibilityCases(1024)
	p := policy.Microsoft()
	var ours, theirs time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		for i := range cases {
			tc := &cases[i]
			if p.Eligibility(tc.pr, tc.c, tc.on).Eligible {
				n++
			}
		}
		mid := time.Now()
		for i := range cases {
			tc := &cases[i]
			if baseEligibility(&tc.base.pr, &tc.base.c, tc.base.on) == policy.Eligible {
				n++
			}
		}
		ours += mid.Sub(start)
		theirs += time.Since(mid)
	}
	sinkInt = n
	b.ReportMetric(float64(ours)/float64(theirs), "certrenew/time.Time")
	b.ReportMetric(float64(ours)/float64(b.N*len(cases)), "ns/decision")
}

func BenchmarkExpiry(b *testing.B) {
	cases := eligibilityCases(1024)
	p := policy.Microsoft()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		tc := &cases[i&1023]
		sinkDate = p.Expiry(tc.c, tc.on)
		i++
	}
}

// BenchmarkAppendReminders appends a credential's reminders into a reused
// buffer.
func BenchmarkAppendReminders(b *testing.B) {
	cases := eligibilityCases(1024)
	p := policy.Microsoft()
	buf := make([]cert.Date, 0, policy.MaxReminders)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		tc := &cases[i&1023]
		buf = p.AppendReminders(buf[:0], tc.c, tc.pr.Credentials[0])
		i++
	}
	sinkInt = len(buf)
}

// BenchmarkRenew renews on an eligible day; the new profile's slice is the
// one allocation.
func BenchmarkRenew(b *testing.B) {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	pr := cert.Profile{MCID: "1", Learn: "l", Credentials: []cert.Credential{
		{Cert: "azure-developer", Earned: cert.MustParseDate("2021-08-01"), Expires: cert.MustParseDate("2022-08-01")},
		{Cert: admin.ID, Earned: cert.MustParseDate("2021-07-15"), Expires: cert.MustParseDate("2022-07-15")},
	}}
	on := cert.MustParseDate("2022-03-01")
	b.ReportAllocs()
	for b.Loop() {
		got, err := p.Renew(pr, admin, on)
		if err != nil {
			b.Fatal(err)
		}
		sinkInt = len(got.Credentials)
	}
}

// BenchmarkRecordAttemptFail records a failed attempt into a cycle with
// spare capacity: no allocation.
func BenchmarkRecordAttemptFail(b *testing.B) {
	p := policy.Microsoft()
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	cr := cert.Credential{Cert: admin.ID, Earned: cert.MustParseDate("2021-07-15"), Expires: cert.MustParseDate("2022-07-15")}
	pr := cert.Profile{MCID: "1", Learn: "l", Credentials: []cert.Credential{cr}}
	first := time.Date(2022, time.March, 1, 9, 0, 0, 0, time.UTC)
	history := make([]assessment.Attempt, 1, 16)
	history[0] = assessment.Attempt{At: first}
	cycle := cycleOf(cr, history)
	a := assessment.Attempt{At: first.Add(time.Minute)}
	b.ReportAllocs()
	for b.Loop() {
		_, next, err := p.RecordAttempt(pr, admin, cycle, a)
		if err != nil {
			b.Fatal(err)
		}
		sinkInt = next.Len()
	}
}

var (
	sinkInt  int
	sinkDate cert.Date
)

// BenchmarkEligibilityGeneral measures Eligibility under a policy with a
// version and a program (RULES G7, G8), for a title of the program and for
// one of the policy itself, on days before and after the version.
func BenchmarkEligibilityGeneral(b *testing.B) {
	p := general()
	gca := cert.Certification{ID: "google-professional-cloud-architect", Level: cert.Specialty, Program: "google-cloud"}
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	pr := cert.Profile{MCID: "1", Learn: "ada@example.com", Credentials: []cert.Credential{
		{Cert: admin.ID, Earned: day("2023-01-10"), Expires: day("2024-07-10")},
		{Cert: gca.ID, Earned: day("2022-03-01"), Expires: day("2024-03-01")},
	}}
	days := []cert.Date{day("2023-12-20"), day("2024-01-20"), day("2024-02-10"), day("2024-03-10")}
	certs := []cert.Certification{admin, gca}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkInt += int(p.Eligibility(pr, certs[i&1], days[i&3]).Reason)
		i++
	}
}

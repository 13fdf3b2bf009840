// Command faq answers the twelve questions of the policy page's FAQ with the
// library's own answers, computed, not quoted: each answer is what the
// shipped policy and catalog say for a sample holder, told in English and
// in Simplified Chinese by package policy/explain.
//
// Usage:
//
//	go run ./examples/faq [-h] [-lang TAG]
//
// Without -lang it prints each question and its answer in both languages,
// English first. -lang TAG prints one language, the one explain.Match
// chooses for the BCP 47 tag: "zh", "zh-CN" or "zh-Hans" for Chinese, and
// English for anything else, "zh-TW" included (see explain.Lookup). -h
// prints this usage. The answers are about fixed days of the sample
// holder's story, so that each can be checked against RULES.md. An unknown
// flag or an argument gets a one-line error and exit status 2.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
	"github.com/certrenew/certrenew/policy/explain"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program, with its arguments and outputs passed in so that
// tests can call it; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("faq", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	tag := fs.String("lang", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: faq [-h] [-lang TAG]")
			fmt.Fprintln(stdout, "Answers the twelve questions of the policy page's FAQ, computed for a sample holder, in English and Chinese.")
			fmt.Fprintln(stdout, "-lang TAG prints one language: zh, zh-CN or zh-Hans for Chinese, any other BCP 47 tag (zh-TW too) for English. -h prints this usage.")
			return 0
		}
		fmt.Fprintln(stderr, "faq:", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "faq: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	langs := explain.Languages[:]
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "lang" {
			langs = []explain.Language{explain.Match(*tag)}
		}
	})
	if err := answer(stdout, langs); err != nil {
		fmt.Fprintln(stderr, "faq:", err)
		return 1
	}
	return 0
}

// must returns v, or panics on err: every input below is a literal.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// answer writes the questions and their answers to w, each in langs, in
// that order.
func answer(w io.Writer, langs []explain.Language) error {
	p := policy.Microsoft()
	roadmap := cert.Roadmap()
	title := func(id cert.ID) cert.Certification {
		c, ok := roadmap.Lookup(id)
		if !ok {
			panic("no title " + string(id))
		}
		return c
	}
	day := cert.MustParseDate
	admin, architect := title("azure-administrator"), title("azure-solutions-architect")
	fundamentals := cert.Certification{ID: "azure-fundamentals", Name: "Microsoft Certified: Azure Fundamentals", Level: cert.Fundamentals}

	// The sample holder: the associate earned 2021-07-15 (valid 12 months,
	// RULES V2), then the expert it is a prerequisite of, 2021-09-01, and
	// a fundamentals title, 2021-03-01.
	holder := cert.Profile{MCID: "1000001", Learn: "ada@example.com"}
	holder = must(p.Earn(holder, admin, day("2021-07-15")))
	holder = must(p.Earn(holder, architect, day("2021-09-01")))
	holder = must(p.Earn(holder, fundamentals, day("2021-03-01")))

	// Each answer is a function of the language; the days and refusals
	// are computed once, here.
	var answers [numQuestions]func(l explain.Language, t *texts) string

	// 1. Before the window opens (RULES E2).
	on1 := day("2021-12-01")
	d1 := p.Eligibility(holder, admin, on1)
	answers[0] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a1, explain.Decision(l, admin, d1, on1))
	}

	// 2. Linked and not, on one day in the window (RULES E4).
	unlinked := holder
	unlinked.Learn = ""
	on2 := day("2022-02-01")
	d2u, d2l := p.Eligibility(unlinked, admin, on2), p.Eligibility(holder, admin, on2)
	answers[1] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a2, explain.Decision(l, admin, d2u, on2), explain.Decision(l, admin, d2l, on2))
	}

	// 3. Two accounts, one linked to the other (RULES Terms, E4).
	answers[2] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a3, holder.MCID, len(holder.Credentials), holder.Learn)
	}

	// 4. Expired on its expiry day, then earned again (RULES N6, V2).
	on4 := day("2022-07-15")
	d4 := p.Eligibility(holder, admin, on4)
	again := must(p.Earn(holder, admin, day("2022-09-01")))
	cr4, _ := again.Credential(admin.ID)
	answers[3] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a4, explain.Decision(l, admin, d4, on4), explain.Date(l, cr4.Earned), explain.Date(l, cr4.Expires))
	}

	// 5. Passing the exam again while active (RULES N5).
	_, err5 := p.Earn(holder, admin, day("2022-03-01"))
	if !errors.Is(err5, policy.ErrStillActive) {
		return fmt.Errorf("question 5: %v, want %v", err5, policy.ErrStillActive)
	}
	answers[4] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a5, explain.Error(l, err5))
	}

	// 6. A title too new for its assessment (RULES E3), earned in beta
	// before its launch (RULES R1b): the window opens 2022-03-15, the
	// assessment on 2022-05-01. The title is invented for the example.
	fresh := cert.Certification{ID: "new-title", Name: "Microsoft Certified: Example Associate", Level: cert.Associate, Launched: day("2021-11-01")}
	earned6 := day("2021-09-15")
	newcomer := must(p.Earn(cert.Profile{MCID: "2", Learn: "bo"}, fresh, earned6))
	on6 := day("2022-04-01")
	d6 := p.Eligibility(newcomer, fresh, on6)
	answers[5] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a6, explain.Date(l, fresh.Launched), explain.Date(l, earned6), explain.Decision(l, fresh, d6, on6))
	}

	// 7. Fundamentals never expire (RULES V1).
	on7 := day("2030-01-01")
	d7 := p.Eligibility(holder, fundamentals, on7)
	if !p.Expiry(fundamentals, day("2021-03-01")).IsZero() {
		return errors.New("question 7: a fundamentals title expires")
	}
	answers[6] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a7, explain.Decision(l, fundamentals, d7, on7))
	}

	// 8. Revisions follow the exam (RULES A6).
	o := assessment.OfferingOf(admin)
	answers[7] = func(l explain.Language, t *texts) string {
		if o.Revised.IsZero() {
			return t.a8Unknown
		}
		return fmt.Sprintf(t.a8, explain.Date(l, o.Revised))
	}

	// 9. Languages follow the exam (RULES A6).
	ja := o.Offers("ja")
	answers[8] = func(l explain.Language, t *texts) string {
		offered := t.notOffered
		if ja {
			offered = t.offered
		}
		return fmt.Sprintf(t.a9, len(o.Languages), offered)
	}

	// 10. Retakes: the second at once, then 24 hours (RULES A1-A3).
	first := time.Date(2022, time.February, 1, 9, 0, 0, 0, time.UTC)
	attempts := []assessment.Attempt{{At: first}, {At: first.Add(30 * time.Minute)}}
	third := first.Add(time.Hour)
	err10 := p.Retakes.Check(attempts, third)
	var lockout *assessment.LockoutError
	if !errors.As(err10, &lockout) {
		return fmt.Errorf("question 10: %v, want a lockout", err10)
	}
	answers[9] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a10, int(p.Retakes.Wait.Hours()), explain.Instant(l, third), explain.Error(l, err10))
	}

	// 11. Renewing the expert on its window's first day leaves the
	// associate alone (RULES N1, N2, R2).
	on11 := day("2022-03-01")
	renewed := must(p.Renew(holder, architect, on11))
	associate, _ := renewed.Credential(admin.ID)
	expert, _ := renewed.Credential(architect.ID)
	answers[10] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a11, explain.Date(l, on11), explain.Date(l, expert.Expires), explain.Date(l, associate.Expires))
	}

	// 12. The associate expires, the expert does not (RULES R3).
	on12 := day("2022-08-01")
	d12a, d12e := p.Eligibility(renewed, admin, on12), p.Eligibility(renewed, architect, on12)
	answers[11] = func(l explain.Language, t *texts) string {
		return fmt.Sprintf(t.a12, explain.Decision(l, admin, d12a, on12), explain.Date(l, expert.Expires), explain.Decision(l, architect, d12e, on12))
	}

	for _, l := range langs {
		t := textsOf(l)
		fmt.Fprintf(w, t.intro+"\n", explain.Date(l, day("2021-07-15")), explain.Date(l, day("2021-09-01")), explain.Date(l, day("2021-03-01")))
	}
	for i, f := range answers {
		fmt.Fprintln(w)
		for _, l := range langs {
			t := textsOf(l)
			fmt.Fprintf(w, "%d. %s\n   %s\n", i+1, t.questions[i], f(l, t))
		}
	}
	return nil
}

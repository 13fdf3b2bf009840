// Command faq answers the twelve questions of the policy page's FAQ with the
// library's own answers, computed, not quoted: each answer is what the
// shipped policy and catalog say for a sample holder.
//
// Usage:
//
//	go run ./examples/faq [-h]
//
// It takes no flags but -h, which prints this usage: the answers are about
// fixed days of the sample holder's story, so that each can be checked
// against RULES.md. An unknown flag or an argument gets a one-line error and
// exit status 2.
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
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program, with its arguments and outputs passed in so that
// tests can call it; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("faq", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: faq [-h]")
			fmt.Fprintln(stdout, "Answers the twelve questions of the policy page's FAQ, computed for a sample holder. -h prints this usage; there are no other flags.")
			return 0
		}
		fmt.Fprintln(stderr, "faq:", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "faq: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := answer(stdout); err != nil {
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

// answer writes the questions and their answers to w.
func answer(w io.Writer) error {
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
	// RULES V2), then the expert it is a prerequisite of, 2021-09-01.
	holder := cert.Profile{MCID: "1000001", Learn: "ada@example.com"}
	holder = must(p.Earn(holder, admin, day("2021-07-15")))
	holder = must(p.Earn(holder, architect, day("2021-09-01")))
	holder = must(p.Earn(holder, fundamentals, day("2021-03-01")))

	q := func(n int, question string) { fmt.Fprintf(w, "\n%d. %s\n", n, question) }
	a := func(format string, args ...any) { fmt.Fprintf(w, "   "+format+"\n", args...) }

	fmt.Fprintln(w, "The holder earned the Azure Administrator Associate on 2021-07-15,")
	fmt.Fprintln(w, "the Azure Solutions Architect Expert on 2021-09-01 and Azure Fundamentals on 2021-03-01.")

	q(1, "Can I renew before I am told I am eligible?")
	on := day("2021-12-01")
	d := p.Eligibility(holder, admin, on)
	a("No. On %s: %s; renewal from %s, six months before the expiry %s (RULES E2).",
		on, d.Reason, d.EligibleFrom, d.Window.Closes)

	q(2, "Must my certification profile be linked to my Learn profile?")
	unlinked := holder
	unlinked.Learn = ""
	on = day("2022-02-01")
	d = p.Eligibility(unlinked, admin, on)
	a("Yes. Unlinked on %s: %s (RULES E4); linked: %s.", on, d.Reason, p.Eligibility(holder, admin, on).Reason)

	q(3, "How do the certification profile and the Learn profile differ?")
	a("They are two accounts: the certification profile (MCID %s) holds %d credentials;", holder.MCID, len(holder.Credentials))
	a("the Learn profile %q is only linked to it, and taking the assessment needs the link (RULES E4).", holder.Learn)

	q(4, "My certification expired. What now?")
	on = day("2022-07-15")
	d = p.Eligibility(holder, admin, on)
	a("On %s: %s; it cannot be renewed (RULES N6).", on, d.Reason)
	again := must(p.Earn(holder, admin, day("2022-09-01")))
	cr, _ := again.Credential(admin.ID)
	a("Pass the exam again: earned %s, it expires %s, with the validity in force that day.", cr.Earned, cr.Expires)

	q(5, "Can I renew by passing a beta exam or the exam again before it expires?")
	_, err := p.Earn(holder, admin, day("2022-03-01"))
	a("No: %v (RULES N5, errors.Is ErrStillActive: %t).", err, errors.Is(err, policy.ErrStillActive))

	q(6, "Can every certification be renewed?")
	fresh := cert.Certification{ID: "new-title", Name: "A title launched 2021-11-01", Level: cert.Associate, Launched: day("2021-11-01")}
	// Earned in beta before the launch (RULES R1b): its window opens
	// 2022-03-15, before the assessment is offered.
	newcomer := must(p.Earn(cert.Profile{MCID: "2", Learn: "bo"}, fresh, day("2021-09-15")))
	on = day("2022-04-01")
	d = p.Eligibility(newcomer, fresh, on)
	a("Only role-based and specialty titles about six months on the market: for a title launched 2021-11-01,")
	a("earned in beta on 2021-09-15, on %s: %s, renewal from %s (RULES E3).", on, d.Reason, d.EligibleFrom)

	q(7, "Do I need to renew a fundamentals certification?")
	on = day("2030-01-01")
	d = p.Eligibility(holder, fundamentals, on)
	a("No. On %s: %s; its expiry is the zero Date: %t (RULES V1).", on, d.Reason, p.Expiry(fundamentals, day("2021-03-01")).IsZero())

	q(8, "Is the renewal assessment revised with the exam?")
	o := assessment.OfferingOf(admin)
	revised := "not known to the roadmap"
	if !o.Revised.IsZero() {
		revised = o.Revised.String()
	}
	a("Yes: it follows the exam's latest revision, here %s (RULES A6).", revised)

	q(9, "In which languages is the assessment offered?")
	a("In the exam's languages (RULES A6); the roadmap does not list them: %d known, so Offers(\"ja\") is %t.",
		len(o.Languages), o.Offers("ja"))

	q(10, "How often can I retake the assessment?")
	first := time.Date(2022, time.February, 1, 9, 0, 0, 0, time.UTC)
	history := []assessment.Attempt{{At: first}, {At: first.Add(30 * time.Minute)}}
	err = p.Retakes.Check(history, first.Add(time.Hour))
	var lockout *assessment.LockoutError
	if errors.As(err, &lockout) {
		a("As often as needed until it expires (RULES A1). The second attempt may start at once (RULES A2);")
		a("after it, wait 24 hours: a third at %s is refused until %s (RULES A3).",
			first.Add(time.Hour).Format(time.RFC3339), lockout.Until.Format(time.RFC3339))
	}

	q(11, "If I renew my expert certification, is its associate prerequisite renewed?")
	renewed := must(p.Renew(holder, architect, day("2022-03-01")))
	associate, _ := renewed.Credential(admin.ID)
	expert, _ := renewed.Credential(architect.ID)
	a("No. Renewed on 2022-03-01, the expert now expires %s; the associate still expires %s (RULES N2, R2).",
		expert.Expires, associate.Expires)

	q(12, "If my associate prerequisite expires, does my expert certification expire?")
	on = day("2022-08-01")
	d = p.Eligibility(renewed, architect, on)
	a("No. On %s the associate has expired (%s), and the expert is %s, expiring %s (RULES R3).",
		on, p.Eligibility(renewed, admin, on).Reason, d.Reason, d.Window.Closes)
	return nil
}

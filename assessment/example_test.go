package assessment_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
)

func ExampleRetakes_Check() {
	r := assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour} // RULES A2, A3
	first := time.Date(2021, 10, 1, 9, 0, 0, 0, time.UTC)
	history := []assessment.Attempt{
		{At: first},                      // failed
		{At: first.Add(2 * time.Minute)}, // failed, retried at once (A2)
	}

	err := r.Check(history, first.Add(3*time.Hour))
	var lockout *assessment.LockoutError
	if errors.As(err, &lockout) {
		fmt.Println("too soon:", errors.Is(err, assessment.ErrTooSoon))
		fmt.Println("next from:", lockout.Until)
	}
	fmt.Println("a day later:", r.Check(history, first.Add(24*time.Hour+2*time.Minute)))
	// Output:
	// too soon: true
	// next from: 2021-10-02 09:02:00 +0000 UTC
	// a day later: <nil>
}

func ExampleRetakes_Next() {
	r := assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour}
	ny, _ := time.LoadLocation("America/New_York")
	// Two failed attempts on the Saturday before daylight saving time
	// starts in New York.
	history := []assessment.Attempt{
		{At: time.Date(2021, 3, 13, 11, 0, 0, 0, ny)},
		{At: time.Date(2021, 3, 13, 12, 0, 0, 0, ny)},
	}
	first, ok := r.Next(nil)
	fmt.Println("first attempt: any instant:", first.IsZero(), ok)
	second, _ := r.Next(history[:1])
	fmt.Println("second attempt:", second.Format(time.RFC3339))
	// 24 hours of elapsed time, not the same clock time a day later (D4).
	third, _ := r.Next(history)
	fmt.Println("third attempt:", third.Format(time.RFC3339))
	// A pass ends the cycle: no attempt follows it (RULES A4).
	_, ok = r.Next(append(history, assessment.Attempt{At: third, Passed: true}))
	fmt.Println("after a pass:", ok)
	// Output:
	// first attempt: any instant: true true
	// second attempt: 2021-03-13T11:00:00-05:00
	// third attempt: 2021-03-14T13:00:00-04:00
	// after a pass: false
}

func ExampleCycle_Record() {
	r := assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour}
	admin := cert.Credential{
		Cert:    "azure-administrator", // Microsoft Certified: Azure Administrator Associate
		Earned:  cert.MustParseDate("2020-03-10"),
		Expires: cert.MustParseDate("2022-03-10"),
	}
	c, _ := assessment.NewCycle(admin, nil) // no attempts yet in this cycle; never refused
	start := time.Date(2022, 1, 10, 8, 0, 0, 0, time.UTC)
	for _, a := range []assessment.Attempt{
		{At: start},
		{At: start.Add(30 * time.Minute)},
		{At: start.Add(time.Hour)},
		{At: start.Add(25*time.Hour + 30*time.Minute), Passed: true},
		{At: start.Add(50 * time.Hour)},
	} {
		var err error
		if c, err = c.Record(r, a); err != nil {
			fmt.Println("refused:", err)
			continue
		}
		fmt.Printf("recorded attempt %d, passed: %v\n", c.Len(), a.Passed)
	}
	// After the pass, the policy renews the credential (RULES N1) and its
	// next cycle starts empty; the old cycle no longer fits it.
	renewed := admin
	renewed.Expires = admin.Expires.AddMonths(12)
	fmt.Println(errors.Is(c.For(renewed), assessment.ErrStaleCycle))
	next, _ := assessment.NewCycle(renewed, nil)
	fmt.Println(next.For(renewed))
	// Output:
	// recorded attempt 1, passed: false
	// recorded attempt 2, passed: false
	// refused: assessment: attempt too soon, next from 2022-01-11T08:30:00Z
	// recorded attempt 3, passed: true
	// refused: assessment: already passed this cycle
	// true
	// <nil>
}

func ExampleOfferingOf() {
	c := cert.Certification{
		ID:            "azure-administrator",
		Name:          "Microsoft Certified: Azure Administrator Associate",
		Level:         cert.Associate,
		ExamLanguages: []string{"en", "ja", "zh-Hans"},
		ExamRevised:   cert.MustParseDate("2021-03-26"),
	}
	o := assessment.OfferingOf(c)
	fmt.Println(o.Languages, o.Revised)
	fmt.Println(o.Offers("zh-hans"), o.Offers("fr"))

	// The roadmap does not know the exams' languages: nothing forbids any.
	admin, _ := cert.Roadmap().Lookup("azure-administrator")
	o = assessment.OfferingOf(admin)
	fmt.Println(len(o.Languages), o.Offers("fr"))
	// Output:
	// [en ja zh-Hans] 2021-03-26
	// true false
	// 0 true
}

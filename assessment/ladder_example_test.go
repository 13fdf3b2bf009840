package assessment_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/certrenew/certrenew/assessment"
)

func ExampleLadder_Check() {
	const day = 24 * time.Hour
	// Microsoft's certification exam retake policy (RULES G5, G6): 24
	// hours after the first failure, 14 days before each later attempt,
	// at most five attempts in 12 months, read as 365 days.
	exam := assessment.Ladder{
		Retakes: assessment.Retakes{Immediate: 0, Wait: 24 * time.Hour},
		Then:    []time.Duration{14 * day},
		Cap:     5,
		Span:    365 * day,
	}
	first := time.Date(2024, 1, 10, 9, 0, 0, 0, time.UTC)
	history := []assessment.Attempt{
		{At: first},              // failed
		{At: first.Add(1 * day)}, // failed, a day later
	}

	// The third attempt waits 14 days after the second.
	err := exam.Check(history, first.Add(10*day))
	var lockout *assessment.LockoutError
	if errors.As(err, &lockout) {
		fmt.Println("third attempt too soon:", errors.Is(err, assessment.ErrTooSoon))
		fmt.Println("next from:", lockout.Until.Format(time.RFC3339))
	}

	// Three more failures, each 14 days after the one before it.
	for range 3 {
		next, _ := exam.Next(history)
		history = append(history, assessment.Attempt{At: next})
	}
	// A sixth attempt 14 days after the fifth: the fortnight is over, but
	// five attempts started in the last 365 days.
	err = exam.Check(history, history[4].At.Add(14*day))
	var capped *assessment.CapError
	if errors.As(err, &capped) {
		fmt.Println("sixth attempt capped:", errors.Is(err, assessment.ErrCapReached), errors.Is(err, assessment.ErrTooSoon))
		fmt.Println("next from:", capped.Until.Format(time.RFC3339))
	}
	// 365 days after 2024-01-10, in a leap year: not 12 calendar months.
	fmt.Println("a year on:", exam.Check(history, first.Add(365*day)))
	// Output:
	// third attempt too soon: true
	// next from: 2024-01-25T09:00:00Z
	// sixth attempt capped: true true
	// next from: 2025-01-09T09:00:00Z
	// a year on: <nil>
}

func ExampleLadder_Next() {
	const day = 24 * time.Hour
	// Google Cloud's exams (RULES G5): 14 days, 60 days, then a year.
	google := assessment.Ladder{
		Retakes: assessment.Retakes{Wait: 14 * day},
		Then:    []time.Duration{60 * day, 365 * day},
	}
	history := []assessment.Attempt{{At: time.Date(2024, 3, 1, 15, 0, 0, 0, time.UTC)}}
	for range 4 {
		next, _ := google.Next(history)
		fmt.Printf("attempt %d from %s, %v after the last\n", len(history)+1, next.Format(time.DateOnly), google.WaitAfter(len(history)))
		history = append(history, assessment.Attempt{At: next})
	}
	// A pass ends the cycle (RULES A4).
	history[len(history)-1].Passed = true
	_, ok := google.Next(history)
	fmt.Println("after a pass:", ok)
	// Output:
	// attempt 2 from 2024-03-15, 336h0m0s after the last
	// attempt 3 from 2024-05-14, 1440h0m0s after the last
	// attempt 4 from 2025-05-14, 8760h0m0s after the last
	// attempt 5 from 2026-05-14, 8760h0m0s after the last
	// after a pass: false
}

func ExampleLadder_WaitAfter() {
	// Microsoft's renewal assessment (RULES A2, A3) is a ladder of one
	// Retakes: the second attempt at once, then 24 hours each.
	renewal := assessment.Ladder{Retakes: assessment.Retakes{Immediate: 1, Wait: 24 * time.Hour}}
	for n := 1; n <= 3; n++ {
		fmt.Printf("attempt %d: %v after attempt %d\n", n+1, renewal.WaitAfter(n), n)
	}
	// Output:
	// attempt 2: 0s after attempt 1
	// attempt 3: 24h0m0s after attempt 2
	// attempt 4: 24h0m0s after attempt 3
}

package policy_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy"
)

// TestNotEligibleError checks that a refusal matches ErrNotEligible and the
// sentinel of its reason, and no other sentinel (RULES E5).
func TestNotEligibleError(t *testing.T) {
	want := map[policy.Reason]error{
		policy.NotHeld:               policy.ErrNotHeld,
		policy.NeverExpires:          policy.ErrNeverExpires,
		policy.Expired:               policy.ErrExpired,
		policy.NotYetOpen:            policy.ErrOutsideWindow,
		policy.AssessmentUnavailable: policy.ErrAssessmentUnavailable,
		policy.ProfileNotLinked:      policy.ErrNotLinked,
	}
	for r := policy.NotHeld; r <= policy.Eligible; r++ {
		t.Run("E5 "+r.String(), func(t *testing.T) {
			if got := r.Err(); got != want[r] {
				t.Errorf("Err() = %v, want %v", got, want[r])
			}
			if r == policy.Eligible {
				return
			}
			var err error = &policy.NotEligibleError{Op: "renew", Cert: "azure-administrator", On: day("2022-01-01"), Decision: policy.Decision{Reason: r}}
			if !isOnly(err, policy.ErrNotEligible, want[r]) {
				t.Errorf("%v matches other sentinels than ErrNotEligible and %v", err, want[r])
			}
		})
	}
	if err := policy.Reason(0).Err(); err != nil {
		t.Errorf("Reason(0).Err() = %v, want nil", err)
	}
	if err := policy.Reason(42).Err(); err != nil {
		t.Errorf("Reason(42).Err() = %v, want nil", err)
	}
}

// TestFieldError checks the message of a FieldError with and without a
// field, and its Unwrap.
func TestFieldError(t *testing.T) {
	for _, tt := range []struct {
		err  *policy.FieldError
		want string
	}{
		{&policy.FieldError{Path: "windowMonths", Problem: "too long"}, "policy: invalid policy: windowMonths: too long"},
		{&policy.FieldError{Problem: "reading JSON: bad"}, "policy: invalid policy: reading JSON: bad"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if diff := cmp.Diff([]error{policy.ErrInvalidPolicy}, tt.err.Unwrap(), cmpopts.EquateErrors()); diff != "" {
			t.Errorf("Unwrap() mismatch (-want +got):\n%s", diff)
		}
	}
	// The error behind a problem is found too: a day that does not exist in
	// a policy file is a cert.ParseError, and a negative wait an
	// assessment.ErrInvalidRetakes.
	var p policy.Policy
	err := json.Unmarshal([]byte(`{"terms":[{"months":24},{"from":"2021-02-30","months":12}]}`), &p)
	var parse *cert.ParseError
	if !errors.Is(err, policy.ErrInvalidPolicy) || !errors.Is(err, cert.ErrSyntax) || !errors.As(err, &parse) {
		t.Errorf("a bad day in JSON: %v, want ErrInvalidPolicy and a *cert.ParseError", err)
	}
	neg := policy.Microsoft()
	neg.Retakes.Wait = -time.Hour
	if err := neg.Validate(); !errors.Is(err, policy.ErrInvalidPolicy) || !errors.Is(err, assessment.ErrInvalidRetakes) {
		t.Errorf("a negative wait: %v, want ErrInvalidPolicy and assessment.ErrInvalidRetakes", err)
	}
}

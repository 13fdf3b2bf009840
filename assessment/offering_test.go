package assessment_test

import (
	"testing"

	"github.com/certrenew/certrenew/assessment"
	"github.com/certrenew/certrenew/cert"
	"github.com/google/go-cmp/cmp"
)

// TestA6_AssessmentFollowsTheExam checks RULES A6: the assessment of a
// certification is offered in its exam's languages and follows its exam's
// latest revision.
func TestA6_AssessmentFollowsTheExam(t *testing.T) {
	c := cert.Certification{
		ID:            "azure-administrator",
		Name:          "Microsoft Certified: Azure Administrator Associate",
		Level:         cert.Associate,
		ExamLanguages: []string{"en", "ja", "zh-Hans"},
		ExamRevised:   day("2021-03-26"),
	}
	want := assessment.Offering{Cert: "azure-administrator", Languages: []string{"en", "ja", "zh-Hans"}, Revised: day("2021-03-26")}
	if diff := cmp.Diff(want, assessment.OfferingOf(c)); diff != "" {
		t.Errorf("A6 OfferingOf mismatch (-want +got):\n%s", diff)
	}
	for rc := range cert.Roadmap().All() {
		want := assessment.Offering{Cert: rc.ID, Languages: rc.ExamLanguages, Revised: rc.ExamRevised}
		if diff := cmp.Diff(want, assessment.OfferingOf(rc)); diff != "" {
			t.Errorf("A6 OfferingOf(%s) mismatch (-want +got):\n%s", rc.ID, diff)
		}
	}
}

// TestA6_Offers checks RULES A6 for one language: offered when the exam is,
// up to case, and in every language when the exam's are not known.
func TestA6_Offers(t *testing.T) {
	known := assessment.Offering{Cert: "azure-administrator", Languages: []string{"en", "ja", "zh-Hans"}}
	unknown := assessment.Offering{Cert: "azure-administrator"}
	tests := []struct {
		name string
		o    assessment.Offering
		lang string
		want bool
	}{
		{"A6 an exam language", known, "ja", true},
		{"A6 tags match up to case", known, "ZH-hans", true},
		{"A6 a language of no exam", known, "fr", false},
		{"A6 a more specific tag does not match", known, "en-US", false},
		{"A6 a less specific tag does not match", known, "zh", false},
		{"A6 the empty tag", known, "", false},
		{"A6 unknown languages forbid nothing", unknown, "fr", true},
		{"A6 unknown languages, the empty tag", unknown, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.o.Offers(tt.lang); got != tt.want {
				t.Errorf("Offers(%q) = %v, want %v", tt.lang, got, tt.want)
			}
		})
	}
}

package assessment

import (
	"strings"

	"github.com/certrenew/certrenew/cert"
)

// An Offering describes the renewal assessment of one certification: it is
// offered in the languages of the certification's exam and is revised when
// the exam is revised (RULES A6).
//
// The zero Offering is that of no certification, in languages not known, and
// revised on no known day.
//
// Its JSON form is {"cert": ..., "languages": [...], "revised": ...}, the
// empty list and the zero day left out.
type Offering struct {
	Cert cert.ID `json:"cert"`

	// Languages lists the assessment's languages as BCP 47 tags, such as
	// "en" or "zh-Hans": those of the exam. Empty means not known: the
	// roadmap catalog does not give them, as the policy page does not list
	// them.
	Languages []string `json:"languages,omitempty"`

	// Revised is the day of the exam's latest revision, which the
	// assessment follows, or the zero Date when it is not known.
	Revised cert.Date `json:"revised,omitzero"`
}

// OfferingOf returns the renewal assessment of c: its ID, the languages of
// its exam ([cert.Certification.ExamLanguages]) and the exam's latest
// revision ([cert.Certification.ExamRevised]) (RULES A6). Languages shares
// c's slice: do not modify it.
func OfferingOf(c cert.Certification) Offering {
	return Offering{Cert: c.ID, Languages: c.ExamLanguages, Revised: c.ExamRevised}
}

// Offers reports whether the assessment is offered in the language lang, a
// BCP 47 tag. A tag matches one of o.Languages that is the same tag up to
// case ("zh-hans" matches "zh-Hans"); it does not match a more or a less
// specific tag ("en-US" does not match "en"): choosing a fallback language
// is the caller's.
//
// When the languages are not known (o.Languages is empty), Offers returns
// true for every non-empty lang: nothing known forbids it, as RULES E6 reads
// an unknown first renewal day. Test len(o.Languages) to tell the two
// apart. The empty lang is never offered.
func (o Offering) Offers(lang string) bool {
	if lang == "" {
		return false
	}
	if len(o.Languages) == 0 {
		return true
	}
	for _, l := range o.Languages {
		if strings.EqualFold(l, lang) {
			return true
		}
	}
	return false
}

package cert

// An ID names a certification in a [Catalog], such as "azure-administrator".
// It is the catalog's own key, not the title: the title is
// [Certification.Name]. The empty ID names nothing.
type ID string

// A Certification is a title of the catalog, such as "Microsoft Certified:
// Azure Administrator Associate". It holds only facts about the title; the
// rules that use them live in package policy.
//
// The zero Certification has no ID and no level: a catalog refuses it, and
// policy treats it as an unknown title.
//
// The slices are shared by every copy of the value, as a slice is: a
// Certification from [Catalog.Lookup] or [Catalog.All] must not have its
// slices modified.
type Certification struct {
	ID    ID     `json:"id"`
	Name  string `json:"name"`  // the English title, e.g. "Microsoft Certified: Azure Administrator Associate"
	Level Level  `json:"level"` // Fundamentals, Associate, Expert or Specialty

	// Program names the certification program whose renewal policy governs
	// the title, such as "google-cloud"; empty means the catalog's default
	// program, the policy a caller asks directly (RULES G8).
	Program string `json:"program,omitempty"`

	// Launched is the day the title came to market, or the zero Date when
	// it is not known (RULES E3).
	Launched Date `json:"launched,omitzero"`

	// RenewalFrom is the first day its renewal assessment is offered. When
	// it is the zero Date, the policy takes Launched plus its market age,
	// and when both are zero the assessment counts as offered (RULES E3,
	// E6).
	RenewalFrom Date `json:"renewalFrom,omitzero"`

	// Prerequisites lists the associate titles of which any one must be
	// active on the day an expert title is earned (RULES R1). It is empty
	// for a title with no such requirement.
	Prerequisites []ID `json:"prerequisites,omitempty"`

	// ExamLanguages lists, as BCP 47 tags such as "en" or "zh-Hans", the
	// languages of the certification's exam, in which its renewal
	// assessment is also offered (RULES A6). Empty means not known.
	ExamLanguages []string `json:"examLanguages,omitempty"`

	// ExamRevised is the day of the exam's latest revision, which the
	// renewal assessment follows (RULES A6), or the zero Date when it is
	// not known.
	ExamRevised Date `json:"examRevised,omitzero"`
}

// CanExpire reports whether credentials of c can expire: a fundamentals title
// never does (RULES V1). A certification whose level is not a real level
// answers true, so that no rule skips it as fundamentals.
func (c Certification) CanExpire() bool { return c.Level != Fundamentals }

// A Credential is one person's holding of one certification (RULES Terms):
// the day it was earned and the first day it is no longer valid (RULES D2).
// Credentials compare with ==.
//
// The zero Credential holds nothing: it names no certification and is active
// on no day.
type Credential struct {
	Cert    ID   `json:"cert"`
	Earned  Date `json:"earned"`
	Expires Date `json:"expires,omitzero"` // first day no longer valid; the zero Date: never expires
}

// ActiveOn reports whether cr is valid on day d: Earned <= d < Expires, or
// Earned <= d when it never expires (RULES D2). A credential with no Earned
// day, and the zero Date, are active on no day.
func (cr Credential) ActiveOn(d Date) bool {
	return !cr.Earned.IsZero() && !d.Before(cr.Earned) && (cr.Expires.IsZero() || d.Before(cr.Expires))
}

// A Profile is a person's certification profile, identified by an MCID
// (RULES Terms): the credentials they hold and the Learn profile it is linked
// to.
//
// A profile holds at most one current credential per certification; when
// Credentials holds more than one for an ID, the first is the one that
// counts. The zero Profile holds nothing and is not linked. Operations on a
// profile return a new one and leave the one they were given, and its slice,
// unchanged.
type Profile struct {
	MCID        string       `json:"mcid"`
	Learn       string       `json:"learn,omitempty"` // the linked Learn profile; "" when not linked (RULES E4, P1)
	Credentials []Credential `json:"credentials,omitempty"`
}

// IsLinked reports whether p is linked to a Learn profile (RULES E4).
func (p Profile) IsLinked() bool { return p.Learn != "" }

// Index returns the index in p.Credentials of the credential for the
// certification id, or -1 if p holds none.
func (p Profile) Index(id ID) int {
	for i := range p.Credentials {
		if p.Credentials[i].Cert == id {
			return i
		}
	}
	return -1
}

// Credential returns p's credential for the certification id, and whether p
// holds one.
func (p Profile) Credential(id ID) (Credential, bool) {
	if i := p.Index(id); i >= 0 {
		return p.Credentials[i], true
	}
	return Credential{}, false
}

// With returns a copy of p that holds cr as its credential for cr.Cert: cr
// replaces the credential p holds for that certification, or is added after
// the others when p holds none. The copy has a slice of its own: p and its
// slice are unchanged.
func (p Profile) With(cr Credential) Profile {
	i := p.Index(cr.Cert)
	n := len(p.Credentials)
	if i < 0 {
		n++
	}
	creds := make([]Credential, len(p.Credentials), n)
	copy(creds, p.Credentials)
	if i < 0 {
		creds = append(creds, cr)
	} else {
		creds[i] = cr
	}
	p.Credentials = creds
	return p
}

package policy

import (
	"fmt"
	"strconv"

	"github.com/certrenew/certrenew/cert"
)

// For returns the policy that governs c (RULES G8): the policy of the
// program that c names in its Program field, when p lists it, and p itself
// otherwise: for a title with no program, or of a program that p does not
// list (which [Policy.CheckCatalog] reports). The policy returned has no
// Programs; it may have Versions.
//
// Every method that takes a certification asks For first, so a caller
// needs For only to read a program's parameters. For allocates nothing.
func (p Policy) For(c cert.Certification) Policy {
	if c.Program != "" {
		for i := range p.Programs {
			if p.Programs[i].Name == c.Program {
				return p.Programs[i].Policy
			}
		}
	}
	p.Programs = nil
	return p
}

// At returns the version of p in force on day d (RULES G7): the policy of
// the last of p.Versions whose From is not after d, or p itself, without
// its Versions, on a day before them all (and on the zero Date). The
// policy returned has no Versions; At keeps p's Programs only when it
// returns p itself, so ask [Policy.For] first.
//
// Which day governs a question:
//   - the validity of a credential: the day it was earned ([Policy.Expiry],
//     [Policy.Earn]), as RULES V4 has it for terms;
//   - whether the holder may renew, and the window, grace period and
//     assessment of that answer: the day asked ([Policy.Eligibility]);
//   - a renewal's extension: the day of the renewal ([Policy.Renew]);
//   - an attempt and its retake rule: the day of the attempt in its own
//     location ([Policy.RecordAttempt], [Policy.CheckAttempt]);
//   - a reminder: the day it falls on ([Policy.AppendReminders]).
//
// So adding a version from a day never changes an answer about an earlier
// day. At allocates nothing.
func (p Policy) At(d cert.Date) Policy {
	for i := len(p.Versions) - 1; i >= 0; i-- {
		if !p.Versions[i].From.After(d) {
			return p.Versions[i].Policy
		}
	}
	p.Versions = nil
	return p
}

// rules returns the policy whose fields govern the question about c on day
// d, one program's one version, without copying a Policy: p itself, or a
// policy inside its programs or versions. Its fields are those to read;
// asked again of the same title and day, it answers itself.
func (p *Policy) rules(c *cert.Certification, d cert.Date) *Policy {
	if len(p.Versions)+len(p.Programs) > 0 {
		if q := governing(p.Versions, p.Programs, c.Program, d); q != nil {
			return q
		}
	}
	return p
}

// program returns the policy of the program of the given name, when p
// lists it, or p itself, as [Policy.For] does, without copying a Policy.
func (p *Policy) program(name string) *Policy {
	if name != "" {
		for i := range p.Programs {
			if p.Programs[i].Name == name {
				return &p.Programs[i].Policy
			}
		}
	}
	return p
}

// plain reports whether p has neither versions nor programs, so that it
// governs every question itself.
func (p *Policy) plain() bool { return len(p.Versions) == 0 && len(p.Programs) == 0 }

// governing returns the policy that governs a question on day d about a
// title of the given program, under a policy with these versions and
// programs, as [Policy.rules] does, without copying a Policy: a pointer
// into versions or programs, or nil when the policy itself governs.
func governing(versions []Version, programs []Program, program string, d cert.Date) *Policy {
	var q *Policy
	if program != "" {
		for i := range programs {
			if programs[i].Name == program {
				q, versions = &programs[i].Policy, programs[i].Policy.Versions
				break
			}
		}
	}
	for i := len(versions) - 1; i >= 0; i-- {
		if !versions[i].From.After(d) {
			return &versions[i].Policy
		}
	}
	return q
}

// CheckCatalog reports the first title of cat, in the catalog's order,
// whose program p does not list: an error matching [ErrUnknownProgram] that
// names the title and the program, or nil (RULES G8). Such a title is
// governed by p itself ([Policy.For]), which is seldom what a file that
// names programs means; a service that loads a policy and a catalog checks
// the two together with it.
func (p Policy) CheckCatalog(cat cert.Catalog) error {
	for c := range cat.All() {
		if c.Program == "" || p.lists(c.Program) {
			continue
		}
		return fmt.Errorf("%w: %q of program %q: the policy lists %s", ErrUnknownProgram, c.ID, c.Program, p.programNames())
	}
	return nil
}

// lists reports whether p lists the program of the given name.
func (p Policy) lists(name string) bool {
	for i := range p.Programs {
		if p.Programs[i].Name == name {
			return true
		}
	}
	return false
}

// programNames says which programs p lists: `"google-cloud", "isc2"` or
// "none".
func (p Policy) programNames() string {
	if len(p.Programs) == 0 {
		return "none"
	}
	s := ""
	for i, g := range p.Programs {
		if i > 0 {
			s += ", "
		}
		s += strconv.Quote(g.Name)
	}
	return s
}

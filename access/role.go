package access

import (
	"fmt"
	"slices"
	"strings"
)

// Role is what a person does in the committee office. An account holds
// one or more roles; its permissions are the union of theirs.
type Role string

const (
	// Clerk (văn thư) uploads into their units and sees their units'
	// dossiers and letters.
	Clerk Role = "van_thu"
	// Reviewer (chuyên viên) reviews and corrects records and re-renders
	// drafts, for their units.
	Reviewer Role = "chuyen_vien"
	// Signer (lãnh đạo) approves a letter, which numbers and dates it.
	Signer Role = "lanh_dao"
	// Admin (quản trị) manages accounts, units, rule sets, issuer profiles
	// and reads the audit trail. It reads no dossier unless the account
	// also holds a role that does.
	Admin Role = "quan_tri"
	// System (hệ thống) is automation: it acts only through API tokens,
	// each narrowed to scopes and, optionally, units.
	System Role = "he_thong"
)

// Roles lists every role, in the order the documentation gives them.
func Roles() []Role { return []Role{Clerk, Reviewer, Signer, Admin, System} }

// Permission is one kind of act. Unit-scoped permissions apply to the
// dossiers of the account's units only; the others are global.
type Permission string

const (
	Read    Permission = "read"    // list dossiers, view a record, download a letter
	Upload  Permission = "upload"  // store a file as a new dossier
	Correct Permission = "correct" // correct a field of a record
	Render  Permission = "render"  // re-render a draft letter
	Approve Permission = "approve" // approve, number and date a letter

	Events   Permission = "events"   // follow the dossier event stream
	Accounts Permission = "accounts" // accounts, units, tokens
	Rules    Permission = "rules"    // rule sets and issuer profiles
	Audit    Permission = "audit"    // read the audit trail
)

// Unit reports whether the permission is limited to the account's units.
func (p Permission) Unit() bool {
	switch p {
	case Read, Upload, Correct, Render, Approve:
		return true
	}
	return false
}

// Permissions is the permission table: the single place that says what a
// role may do.
func (r Role) Permissions() []Permission {
	switch r {
	case Clerk:
		return []Permission{Read, Upload}
	case Reviewer:
		return []Permission{Read, Correct, Render}
	case Signer:
		return []Permission{Read, Approve}
	case Admin:
		return []Permission{Accounts, Rules, Audit}
	case System:
		return []Permission{Read, Upload, Events}
	}
	return nil
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles(), r) }

// Scope is what an API token may be used for; a token's permissions are
// its scopes' permissions that its account also holds.
type Scope string

const (
	ScopeRead   Scope = "read"
	ScopeUpload Scope = "upload"
	ScopeEvents Scope = "events"
)

// Permission returns the permission a scope grants.
func (s Scope) Permission() (Permission, bool) {
	switch s {
	case ScopeRead:
		return Read, true
	case ScopeUpload:
		return Upload, true
	case ScopeEvents:
		return Events, true
	}
	return "", false
}

// AllUnits in an account's or token's unit list means every unit.
const AllUnits = "*"

// ParseRoles reads "van_thu,chuyen_vien".
func ParseRoles(s string) ([]Role, error) {
	var out []Role
	for _, f := range splitList(s) {
		r := Role(f)
		if !r.Valid() {
			return nil, fmt.Errorf("access: unknown role %q (roles: %s)", f, joinRoles(Roles()))
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("access: no role given (roles: %s)", joinRoles(Roles()))
	}
	return out, nil
}

// ParseScopes reads "read,upload".
func ParseScopes(s string) ([]Scope, error) {
	var out []Scope
	for _, f := range splitList(s) {
		sc := Scope(f)
		if _, ok := sc.Permission(); !ok {
			return nil, fmt.Errorf("access: unknown scope %q (scopes: read, upload, events)", f)
		}
		if !slices.Contains(out, sc) {
			out = append(out, sc)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("access: no scope given (scopes: read, upload, events)")
	}
	return out, nil
}

// ParseUnits reads "chi-bo-a,chi-bo-b" or "all" (AllUnits). Units are
// upload origins: the first folder of an object key.
func ParseUnits(s string) ([]string, error) {
	var out []string
	for _, f := range splitList(s) {
		if f == "all" || f == AllUnits {
			return []string{AllUnits}, nil
		}
		if err := checkUnit(f); err != nil {
			return nil, err
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

func checkUnit(u string) error {
	if u == "" || len(u) > 255 || strings.ContainsAny(u, "/\\\x00") || u == "." || u == ".." || strings.HasPrefix(u, ".") {
		return fmt.Errorf("access: invalid unit %q (a unit is the first folder of an upload's key)", u)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func joinRoles(rs []Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

// Principal is who makes a request: an account through a browser session,
// or through one of its API tokens.
type Principal struct {
	Account string   `json:"account"`
	Roles   []Role   `json:"roles"`
	Units   []string `json:"units"`
	// Token is the id of the API token used, empty for a session.
	Token  string  `json:"token,omitempty"`
	Scopes []Scope `json:"scopes,omitempty"`
	// Session is a short, non-secret reference of the session (for the
	// audit trail), empty for a token.
	Session string `json:"-"`
}

// Can reports whether p may act with perm on a dossier of unit. This is
// the one place where permissions are decided: handlers call it (through
// Allowed or Check), never compare roles themselves. A dossier with no unit
// (uploaded at the bucket's root) belongs only to all-units accounts.
func (p *Principal) Can(perm Permission, unit string) bool {
	if p == nil {
		return false
	}
	if !p.holds(perm) {
		return false
	}
	if !perm.Unit() {
		return true
	}
	return slices.Contains(p.Units, AllUnits) || (unit != "" && slices.Contains(p.Units, unit))
}

// Holds reports whether p has perm for at least one unit: the route-level
// check, before the dossier's unit is known.
func (p *Principal) Holds(perm Permission) bool {
	return p != nil && p.holds(perm) && (!perm.Unit() || len(p.Units) > 0)
}

func (p *Principal) holds(perm Permission) bool {
	role := false
	for _, r := range p.Roles {
		if slices.Contains(r.Permissions(), perm) {
			role = true
			break
		}
	}
	if !role || p.Token == "" {
		return role
	}
	for _, s := range p.Scopes {
		if sp, ok := s.Permission(); ok && sp == perm {
			return true
		}
	}
	return false
}

// narrow returns the units both lists allow; a token without units takes
// its account's.
func narrow(account, token []string) []string {
	if len(token) == 0 {
		return account
	}
	if slices.Contains(account, AllUnits) {
		return token
	}
	if slices.Contains(token, AllUnits) {
		return account
	}
	var out []string
	for _, u := range token {
		if slices.Contains(account, u) {
			out = append(out, u)
		}
	}
	return out
}

package access

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Token is an API token as stored: its secret only as a SHA-256 digest.
// The full token, "hoso_<id>_<secret>", is shown once, when created.
type Token struct {
	ID      string    `json:"id"`
	Account string    `json:"account"`
	Name    string    `json:"name,omitempty"` // what it is for
	Scopes  []Scope   `json:"scopes"`
	Units   []string  `json:"units,omitempty"` // empty: the account's units
	Digest  string    `json:"digest"`
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires,omitzero"`
	Revoked bool      `json:"revoked,omitempty"`
}

const tokenPrefix = "hoso_"

// Token ids and secrets are lowercase base32 without padding: no '_', so
// the token splits unambiguously, and safe in headers and KV keys.
var tokenEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

const (
	tokenIDLen     = 16 // 10 random bytes
	tokenSecretLen = 52 // 32 random bytes
)

// ErrBadToken is returned for a token that is malformed, unknown, revoked,
// expired, or whose account is disabled. Callers do not learn which.
var ErrBadToken = errors.New("access: invalid API token")

// ParseToken splits "hoso_<id>_<secret>" into its id and secret, checking
// lengths and alphabet before anything is looked up.
func ParseToken(s string) (id, secret string, err error) {
	rest, ok := strings.CutPrefix(s, tokenPrefix)
	if !ok {
		return "", "", ErrBadToken
	}
	id, secret, ok = strings.Cut(rest, "_")
	if !ok || len(id) != tokenIDLen || len(secret) != tokenSecretLen || !isB32(id) || !isB32(secret) {
		return "", "", ErrBadToken
	}
	return id, secret, nil
}

func isB32(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '2' || c > '7') {
			return false
		}
	}
	return true
}

func tokenKey(id string) string { return "token." + id }

func randB32(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	return tokenEncoding.EncodeToString(b)
}

// NewToken describes a token to create.
type NewToken struct {
	Account string
	Name    string
	Scopes  []Scope
	Units   []string
	TTL     time.Duration // 0: no expiry
}

// CreateToken stores a token for an account and returns it with the full
// secret, which is not kept anywhere.
func (s *Store) CreateToken(ctx context.Context, n NewToken) (*Token, string, error) {
	a, err := s.Account(ctx, n.Account)
	if err != nil {
		return nil, "", err
	}
	if len(n.Scopes) == 0 {
		return nil, "", fmt.Errorf("%w: a token needs at least one scope", ErrInvalid)
	}
	p := &Principal{Account: a.Name, Roles: a.Roles, Units: a.Units, Token: "x", Scopes: n.Scopes}
	for _, sc := range n.Scopes {
		perm, ok := sc.Permission()
		if !ok {
			return nil, "", fmt.Errorf("%w: scope %q", ErrInvalid, sc)
		}
		if !p.holds(perm) {
			return nil, "", fmt.Errorf("%w: account %q (roles %s) cannot %s, so neither can its token", ErrInvalid, a.Name, joinRoles(a.Roles), sc)
		}
	}
	for _, u := range n.Units {
		if u == AllUnits {
			continue
		}
		if err := checkUnit(u); err != nil {
			return nil, "", fmt.Errorf("%w: %v", ErrInvalid, err)
		}
		if !slices.Contains(a.Units, AllUnits) && !slices.Contains(a.Units, u) {
			return nil, "", fmt.Errorf("%w: unit %q is not one of account %q's", ErrInvalid, u, a.Name)
		}
	}
	id, secret := randB32(10), randB32(32)
	now := s.now()
	t := &Token{ID: id, Account: a.Name, Name: n.Name, Scopes: n.Scopes, Units: n.Units, Digest: digest(secret), Created: now}
	if n.TTL > 0 {
		t.Expires = now.Add(n.TTL)
	}
	b, _ := json.Marshal(t)
	if _, err := s.accounts.Create(ctx, tokenKey(id), b); err != nil {
		return nil, "", fmt.Errorf("access: store token: %w", err)
	}
	return t, tokenPrefix + id + "_" + secret, nil
}

// Tokens lists the tokens of an account ("" for all accounts).
func (s *Store) Tokens(ctx context.Context, account string) ([]*Token, error) {
	var out []*Token
	err := s.each(ctx, "token.*", func(v []byte) {
		var t Token
		if json.Unmarshal(v, &t) == nil && (account == "" || t.Account == account) {
			out = append(out, &t)
		}
	})
	slices.SortFunc(out, func(a, b *Token) int { return a.Created.Compare(b.Created) })
	return out, err
}

// RevokeToken makes a token unusable at once. The record stays, so the
// audit trail's references to it still resolve.
func (s *Store) RevokeToken(ctx context.Context, id string) (*Token, error) {
	e, err := s.accounts.Get(ctx, tokenKey(id))
	if err != nil {
		if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrInvalidKey) {
			return nil, fmt.Errorf("%w: token %q", ErrNotFound, id)
		}
		return nil, fmt.Errorf("access: read token: %w", err)
	}
	var t Token
	if err := json.Unmarshal(e.Value(), &t); err != nil {
		return nil, err
	}
	t.Revoked = true
	b, _ := json.Marshal(t)
	if _, err := s.accounts.Update(ctx, tokenKey(id), b, e.Revision()); err != nil {
		return nil, fmt.Errorf("access: revoke token: %w", err)
	}
	return &t, nil
}

// tokenPrincipal authenticates a bearer token: ErrBadToken for any
// refusal, another error only when the store cannot be read.
func (s *Store) tokenPrincipal(ctx context.Context, raw string) (*Principal, error) {
	id, secret, err := ParseToken(raw)
	if err != nil {
		return nil, err
	}
	e, err := s.accounts.Get(ctx, tokenKey(id))
	if err != nil {
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return nil, ErrBadToken
		}
		return nil, fmt.Errorf("access: read token: %w", err)
	}
	var t Token
	if err := json.Unmarshal(e.Value(), &t); err != nil {
		return nil, ErrBadToken
	}
	if subtle.ConstantTimeCompare([]byte(digest(secret)), []byte(t.Digest)) != 1 || t.Revoked ||
		(!t.Expires.IsZero() && !s.now().Before(t.Expires)) {
		return nil, ErrBadToken
	}
	a, err := s.Account(ctx, t.Account)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, ErrBadToken
		}
		return nil, err
	}
	if a.Disabled {
		return nil, ErrBadToken
	}
	return &Principal{Account: a.Name, Roles: a.Roles, Units: narrow(a.Units, t.Units), Token: t.ID, Scopes: t.Scopes}, nil
}

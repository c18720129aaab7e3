package access

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Session is a browser login as stored under the digest of its cookie
// value: a copy of the KV bucket logs nobody in.
type Session struct {
	Account string    `json:"account"`
	Created time.Time `json:"created"`
	Seen    time.Time `json:"seen"`
	Expires time.Time `json:"expires"`
	Addr    string    `json:"addr,omitempty"`
	Epoch   int       `json:"epoch"` // the account's Epoch when it began
}

// ErrNoSession is returned for a cookie that names no live session.
var ErrNoSession = errors.New("access: no such session")

const sessionSecretBytes = 32

func sessionKey(secret string) string { return "s." + digest(secret) }

// CreateSession starts a session for an enabled account, in its current
// epoch, and returns the cookie value.
func (s *Store) CreateSession(ctx context.Context, account, addr string) (string, *Session, error) {
	a, err := s.Account(ctx, account)
	if err != nil {
		return "", nil, err
	}
	if a.Disabled {
		return "", nil, ErrBadLogin
	}
	b := make([]byte, sessionSecretBytes)
	rand.Read(b)
	secret := base64.RawURLEncoding.EncodeToString(b)
	now := s.now()
	ss := &Session{Account: account, Created: now, Seen: now, Expires: now.Add(s.opt.SessionMaxAge), Addr: addr, Epoch: a.Epoch}
	v, _ := json.Marshal(ss)
	if _, err := s.sessions.Create(ctx, sessionKey(secret), v); err != nil {
		return "", nil, fmt.Errorf("access: store session: %w", err)
	}
	return secret, ss, nil
}

// validSessionSecret checks a cookie value's shape before any lookup.
func validSessionSecret(v string) bool {
	if len(v) != base64.RawURLEncoding.EncodedLen(sessionSecretBytes) {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(v)
	return err == nil
}

// sessionPrincipal authenticates a session cookie value, ending sessions
// past their idle or absolute limit or older than their account's
// Epoch.
func (s *Store) sessionPrincipal(ctx context.Context, secret string) (*Principal, error) {
	if !validSessionSecret(secret) {
		return nil, ErrNoSession
	}
	key := sessionKey(secret)
	e, err := s.sessions.Get(ctx, key)
	if err != nil {
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return nil, ErrNoSession
		}
		return nil, fmt.Errorf("access: read session: %w", err)
	}
	var ss Session
	if err := json.Unmarshal(e.Value(), &ss); err != nil {
		return nil, ErrNoSession
	}
	now := s.now()
	if !now.Before(ss.Expires) || now.Sub(ss.Seen) >= s.opt.SessionIdle {
		s.sessions.Delete(ctx, key)
		return nil, ErrNoSession
	}
	a, err := s.Account(ctx, ss.Account)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, ErrNoSession
		}
		return nil, err
	}
	if a.Disabled || ss.Epoch != a.Epoch {
		s.sessions.Delete(ctx, key)
		return nil, ErrNoSession
	}
	// Seen is written at most once a minute: a KV write per request would
	// cost more than the idle limit is worth.
	if now.Sub(ss.Seen) > time.Minute {
		ss.Seen = now
		v, _ := json.Marshal(ss)
		s.sessions.Update(ctx, key, v, e.Revision())
	}
	return &Principal{Account: a.Name, Roles: a.Roles, Units: a.Units, Session: key[2:14]}, nil
}

// EndSession revokes the session of a cookie value (logout).
func (s *Store) EndSession(ctx context.Context, secret string) error {
	if !validSessionSecret(secret) {
		return nil
	}
	if err := s.sessions.Delete(ctx, sessionKey(secret)); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("access: end session: %w", err)
	}
	return nil
}

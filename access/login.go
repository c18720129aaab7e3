package access

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// ErrBadLogin is the one answer to a wrong name or a wrong password, so a
// caller cannot tell which accounts exist.
var ErrBadLogin = errors.New("access: wrong account name or password")

// ThrottledError refuses a login attempt because too many failed lately,
// for the account or from the address. Test with errors.As.
type ThrottledError struct {
	RetryAfter time.Duration
}

func (e *ThrottledError) Error() string {
	return fmt.Sprintf("access: too many failed logins, retry in %s", e.RetryAfter.Round(time.Second))
}

// Login checks a name and password from a client address and starts a
// session, returning its cookie value. Failures count against both the
// account name and the address; past Options.AccountFails (per name) or
// Options.AddressFails (per address; per /64 for IPv6) failures within
// Options.ThrottleWindow of the first, attempts are refused with a
// *ThrottledError before the password is even hashed. A success clears
// the name's count, not the address's.
func (s *Store) Login(ctx context.Context, name, password, addr string) (string, *Account, error) {
	keys := []struct {
		key   string
		limit int
	}{{throttleKey("a", name), s.opt.AccountFails}, {throttleKey("ip", addrClass(addr)), s.opt.AddressFails}}
	for _, k := range keys {
		if wait, err := s.throttled(ctx, k.key, k.limit); err != nil {
			return "", nil, err
		} else if wait > 0 {
			return "", nil, &ThrottledError{RetryAfter: wait}
		}
	}
	a, err := s.Account(ctx, name)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return "", nil, err
	}
	ok := false
	if a == nil || a.Password == "" {
		checkPassword(dummyHash, password) // same cost as a real check
	} else {
		ok = checkPassword(a.Password, password) && !a.Disabled
	}
	if !ok {
		for _, k := range keys {
			s.fail(ctx, k.key)
		}
		return "", nil, ErrBadLogin
	}
	s.throttle.Delete(ctx, keys[0].key)
	secret, _, err := s.CreateSession(ctx, a.Name, addr)
	if err != nil {
		return "", nil, err
	}
	return secret, a, nil
}

// addrClass is what the per-address count counts: the address itself for
// IPv4, its /64 for IPv6, where one client holds a whole /64.
func addrClass(addr string) string {
	a, err := netip.ParseAddr(addr)
	if err != nil || a.Is4() || a.Is4In6() {
		return addr
	}
	p, _ := a.Prefix(64)
	return p.String()
}

// throttleKey encodes the name or address for a KV key.
func throttleKey(kind, v string) string {
	return kind + "." + base64.RawURLEncoding.EncodeToString([]byte(v))
}

type failures struct {
	N     int       `json:"n"`
	First time.Time `json:"first"`
}

// throttled returns how long key must wait, 0 when it may try now.
func (s *Store) throttled(ctx context.Context, key string, limit int) (time.Duration, error) {
	e, err := s.throttle.Get(ctx, key)
	if err != nil {
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return 0, nil
		}
		return 0, fmt.Errorf("access: read login counter: %w", err)
	}
	var f failures
	if json.Unmarshal(e.Value(), &f) != nil {
		return 0, nil
	}
	end := f.First.Add(s.opt.ThrottleWindow)
	if f.N < limit || !s.now().Before(end) {
		return 0, nil
	}
	return end.Sub(s.now()), nil
}

// fail counts one failure for key, with compare-and-set so instances
// sharing the NATS count together. The window runs from the first failure.
func (s *Store) fail(ctx context.Context, key string) {
	for range 5 {
		now := s.now()
		e, err := s.throttle.Get(ctx, key)
		var f failures
		var rev uint64
		switch {
		case err == nil:
			rev = e.Revision()
			if json.Unmarshal(e.Value(), &f) != nil || !now.Before(f.First.Add(s.opt.ThrottleWindow)) {
				f = failures{}
			}
		case !errors.Is(err, jetstream.ErrKeyNotFound):
			s.opt.Logger.Warn("access: login counter", "err", err)
			return
		}
		if f.N == 0 {
			f.First = now
		}
		f.N++
		b, _ := json.Marshal(f)
		if rev == 0 {
			_, err = s.throttle.Create(ctx, key, b)
		} else {
			_, err = s.throttle.Update(ctx, key, b, rev)
		}
		if err == nil {
			return
		}
	}
}

package access

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Names of the NATS objects the package keeps its data in (Options
// overrides them).
const (
	DefaultAccountsBucket = "hoso_access"   // accounts, units, tokens
	DefaultSessionsBucket = "hoso_sessions" // browser sessions, TTL = SessionMaxAge
	DefaultThrottleBucket = "hoso_throttle" // failed-login counters, TTL = ThrottleWindow
	DefaultAuditStream    = "HOSO_AUDIT"    // append-only trail
	DefaultAuditSubject   = "hoso.audit"    // subjects hoso.audit.<action>
)

// Session and throttling defaults (see Options).
const (
	DefaultSessionMaxAge  = 12 * time.Hour // a working day, then log in again
	DefaultSessionIdle    = 2 * time.Hour  // unused this long, a session ends
	DefaultThrottleWindow = 15 * time.Minute
	DefaultAccountFails   = 5  // failed logins per account per window
	DefaultAddressFails   = 20 // failed logins per client address per window
)

// Options configure a Store. The zero value gives the defaults above.
type Options struct {
	AccountsBucket, SessionsBucket, ThrottleBucket string
	AuditStream, AuditSubject                      string
	Replicas                                       int

	SessionMaxAge, SessionIdle time.Duration
	ThrottleWindow             time.Duration
	AccountFails, AddressFails int

	Logger *slog.Logger
	Now    func() time.Time // clock, for tests
}

func (o Options) withDefaults() Options {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&o.AccountsBucket, DefaultAccountsBucket)
	def(&o.SessionsBucket, DefaultSessionsBucket)
	def(&o.ThrottleBucket, DefaultThrottleBucket)
	def(&o.AuditStream, DefaultAuditStream)
	def(&o.AuditSubject, DefaultAuditSubject)
	if o.Replicas < 1 {
		o.Replicas = 1
	}
	if o.SessionMaxAge <= 0 {
		o.SessionMaxAge = DefaultSessionMaxAge
	}
	if o.SessionIdle <= 0 {
		o.SessionIdle = DefaultSessionIdle
	}
	if o.ThrottleWindow <= 0 {
		o.ThrottleWindow = DefaultThrottleWindow
	}
	if o.AccountFails <= 0 {
		o.AccountFails = DefaultAccountFails
	}
	if o.AddressFails <= 0 {
		o.AddressFails = DefaultAddressFails
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Store holds accounts, units, tokens and sessions in NATS KV and writes
// the audit trail. Every instance of hoso sharing a NATS (cluster) shares
// them.
type Store struct {
	js       jetstream.JetStream
	opt      Options
	accounts jetstream.KeyValue
	sessions jetstream.KeyValue
	throttle jetstream.KeyValue
	audit    jetstream.Stream
}

// Open creates (idempotently) the buckets and the audit stream and returns
// the Store.
func Open(ctx context.Context, js jetstream.JetStream, opt Options) (*Store, error) {
	o := opt.withDefaults()
	s := &Store{js: js, opt: o}
	var err error
	if s.accounts, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: o.AccountsBucket, Description: "hoso accounts, units and API tokens",
		// One revision: an old password hash is not kept once replaced.
		History: 1, Replicas: o.Replicas, Storage: jetstream.FileStorage,
	}); err != nil {
		return nil, fmt.Errorf("access: KV %s: %w", o.AccountsBucket, err)
	}
	if s.sessions, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: o.SessionsBucket, Description: "hoso browser sessions",
		TTL: o.SessionMaxAge, Replicas: o.Replicas, Storage: jetstream.FileStorage,
	}); err != nil {
		return nil, fmt.Errorf("access: KV %s: %w", o.SessionsBucket, err)
	}
	if s.throttle, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: o.ThrottleBucket, Description: "hoso failed-login counters",
		TTL: o.ThrottleWindow, Replicas: o.Replicas, Storage: jetstream.MemoryStorage,
	}); err != nil {
		return nil, fmt.Errorf("access: KV %s: %w", o.ThrottleBucket, err)
	}
	if s.audit, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: o.AuditStream, Description: "hoso audit trail: who did what, when, from where, to which dossier",
		Subjects: []string{o.AuditSubject + ".>"}, Retention: jetstream.LimitsPolicy,
		Storage: jetstream.FileStorage, Replicas: o.Replicas,
		// Append-only: the server refuses deletes and purges, so neither a
		// stolen admin session nor `hoso purge` can rewrite history.
		DenyDelete: true, DenyPurge: true,
	}); err != nil {
		return nil, fmt.Errorf("access: stream %s: %w", o.AuditStream, err)
	}
	return s, nil
}

func (s *Store) now() time.Time { return s.opt.Now().UTC() }

// Errors of the store; test with errors.Is.
var (
	ErrNotFound = errors.New("access: not found")
	ErrExists   = errors.New("access: already exists")
	ErrInvalid  = errors.New("access: invalid")
)

// Account is a person (or, with role System, a program) that may use hoso.
type Account struct {
	Name     string   `json:"name"`
	FullName string   `json:"full_name,omitempty"`
	Roles    []Role   `json:"roles"`
	Units    []string `json:"units"`
	Disabled bool     `json:"disabled,omitempty"`
	// Password is the argon2id hash (PHC string); empty for System
	// accounts, which cannot log in.
	Password string `json:"password,omitempty"`
	// MustChange asks for a new password at the next login (after a
	// reset or the first start).
	MustChange bool `json:"must_change,omitempty"`
	// Epoch is raised by a password change or reset and by disabling:
	// sessions carry the epoch they began in and end when it moves, all
	// at once and without comparing clocks of different instances.
	Epoch   int       `json:"epoch"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`

	rev uint64
}

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// CheckName reports whether n can name an account: 1–64 of a–z, 0–9, '.',
// '_', '-', starting with a letter or digit.
func CheckName(n string) error {
	if !nameRE.MatchString(n) {
		return fmt.Errorf("%w: account name %q (1–64 of a-z 0-9 . _ -)", ErrInvalid, n)
	}
	return nil
}

func accountKey(name string) string { return "account." + name }

// Account returns the named account.
func (s *Store) Account(ctx context.Context, name string) (*Account, error) {
	if CheckName(name) != nil {
		return nil, fmt.Errorf("%w: account %q", ErrNotFound, name)
	}
	e, err := s.accounts.Get(ctx, accountKey(name))
	if err != nil {
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return nil, fmt.Errorf("%w: account %q", ErrNotFound, name)
		}
		return nil, fmt.Errorf("access: read account: %w", err)
	}
	var a Account
	if err := json.Unmarshal(e.Value(), &a); err != nil {
		return nil, fmt.Errorf("access: decode account %q: %w", name, err)
	}
	a.rev = e.Revision()
	return &a, nil
}

// NewAccount describes an account to create.
type NewAccount struct {
	Name     string
	FullName string
	Roles    []Role
	Units    []string
	// Password is set as given; when empty (and the account is not a
	// System one) a random one is generated, returned by AddAccount, and
	// must be changed at first login.
	Password string
}

// AddAccount creates an account and returns its password when one was
// generated.
func (s *Store) AddAccount(ctx context.Context, n NewAccount) (generated string, err error) {
	if err := CheckName(n.Name); err != nil {
		return "", err
	}
	if len(n.Roles) == 0 {
		return "", fmt.Errorf("%w: account %q has no role", ErrInvalid, n.Name)
	}
	for _, r := range n.Roles {
		if !r.Valid() {
			return "", fmt.Errorf("%w: role %q", ErrInvalid, r)
		}
	}
	for _, u := range n.Units {
		if u != AllUnits {
			if err := checkUnit(u); err != nil {
				return "", fmt.Errorf("%w: %v", ErrInvalid, err)
			}
		}
	}
	now := s.now()
	a := Account{Name: n.Name, FullName: n.FullName, Roles: n.Roles, Units: n.Units, Created: now, Updated: now}
	if a.Units == nil {
		a.Units = []string{}
	}
	systemOnly := len(n.Roles) == 1 && n.Roles[0] == System
	if !systemOnly {
		pw := n.Password
		if pw == "" {
			pw = NewPassword()
			generated = pw
			a.MustChange = true
		} else if err := checkNewPassword(pw); err != nil {
			return "", fmt.Errorf("%w: %v", ErrInvalid, err)
		}
		if a.Password, err = hashPassword(pw); err != nil {
			return "", err
		}
	}
	b, _ := json.Marshal(a)
	if _, err := s.accounts.Create(ctx, accountKey(a.Name), b); err != nil {
		if errors.Is(err, jetstream.ErrKeyExists) {
			return "", fmt.Errorf("%w: account %q", ErrExists, a.Name)
		}
		return "", fmt.Errorf("access: create account: %w", err)
	}
	return generated, nil
}

// updateAccount applies fn to the account with compare-and-set, retrying
// when another instance wrote first.
func (s *Store) updateAccount(ctx context.Context, name string, fn func(*Account) error) (*Account, error) {
	for range 5 {
		a, err := s.Account(ctx, name)
		if err != nil {
			return nil, err
		}
		if err := fn(a); err != nil {
			return nil, err
		}
		a.Updated = s.now()
		b, _ := json.Marshal(a)
		if _, err := s.accounts.Update(ctx, accountKey(name), b, a.rev); err != nil {
			var apiErr *jetstream.APIError
			if errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence {
				continue
			}
			return nil, fmt.Errorf("access: update account: %w", err)
		}
		return a, nil
	}
	return nil, fmt.Errorf("access: account %q changed concurrently, retry", name)
}

// Accounts lists every account, by name.
func (s *Store) Accounts(ctx context.Context) ([]*Account, error) {
	var out []*Account
	err := s.each(ctx, "account.*", func(v []byte) {
		var a Account
		if json.Unmarshal(v, &a) == nil {
			out = append(out, &a)
		}
	})
	slices.SortFunc(out, func(a, b *Account) int { return strings.Compare(a.Name, b.Name) })
	return out, err
}

func (s *Store) each(ctx context.Context, filter string, fn func([]byte)) error {
	w, err := s.accounts.Watch(ctx, filter, jetstream.IgnoreDeletes())
	if err != nil {
		return fmt.Errorf("access: list: %w", err)
	}
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e, ok := <-w.Updates():
			if !ok || e == nil {
				return nil
			}
			fn(e.Value())
		}
	}
}

// SetDisabled disables (or enables) an account. Disabling ends its
// sessions; its tokens stop working while it stays disabled.
func (s *Store) SetDisabled(ctx context.Context, name string, disabled bool) error {
	_, err := s.updateAccount(ctx, name, func(a *Account) error {
		a.Disabled = disabled
		if disabled {
			a.Epoch++
		}
		return nil
	})
	return err
}

// ResetPassword sets a new password (a generated one when pw is empty,
// returned, to be changed at next login) and ends the account's sessions.
func (s *Store) ResetPassword(ctx context.Context, name, pw string) (generated string, err error) {
	must := false
	if pw == "" {
		pw = NewPassword()
		generated, must = pw, true
	} else if err := checkNewPassword(pw); err != nil {
		return "", fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	h, err := hashPassword(pw)
	if err != nil {
		return "", err
	}
	_, err = s.updateAccount(ctx, name, func(a *Account) error {
		a.Password, a.MustChange = h, must
		a.Epoch++
		return nil
	})
	return generated, err
}

// ChangePassword replaces the password of an account that knows its
// current one (the login page's "change password" form) and ends all its
// sessions; the caller starts a new one.
func (s *Store) ChangePassword(ctx context.Context, name, old, pw string) error {
	a, err := s.Account(ctx, name)
	if err != nil {
		return err
	}
	if !checkPassword(a.Password, old) {
		return ErrBadLogin
	}
	if err := checkNewPassword(pw); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	h, err := hashPassword(pw)
	if err != nil {
		return err
	}
	_, err = s.updateAccount(ctx, name, func(a *Account) error {
		a.Password, a.MustChange = h, false
		a.Epoch++
		return nil
	})
	return err
}

// SetUnits replaces an account's units.
func (s *Store) SetUnits(ctx context.Context, name string, units []string) error {
	_, err := s.updateAccount(ctx, name, func(a *Account) error {
		a.Units = units
		return nil
	})
	return err
}

// Unit is an upload origin known to the office: its folder name (the key's
// first segment) and how people call it.
type Unit struct {
	ID   string `json:"id"`   // the folder name
	Name string `json:"name"` // e.g. "Chi bộ Văn phòng"
}

// unitKey encodes the folder name, which may hold Vietnamese letters or
// spaces that KV keys cannot.
func unitKey(id string) string { return "unit." + base64.RawURLEncoding.EncodeToString([]byte(id)) }

// PutUnit creates or renames a unit.
func (s *Store) PutUnit(ctx context.Context, u Unit) error {
	if err := checkUnit(u.ID); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	b, _ := json.Marshal(u)
	if _, err := s.accounts.Put(ctx, unitKey(u.ID), b); err != nil {
		return fmt.Errorf("access: write unit: %w", err)
	}
	return nil
}

// Units lists the known units.
func (s *Store) Units(ctx context.Context) ([]Unit, error) {
	var out []Unit
	err := s.each(ctx, "unit.*", func(v []byte) {
		var u Unit
		if json.Unmarshal(v, &u) == nil {
			out = append(out, u)
		}
	})
	slices.SortFunc(out, func(a, b Unit) int { return strings.Compare(a.ID, b.ID) })
	return out, err
}

// HasAccounts reports whether any account exists (first start when not).
func (s *Store) HasAccounts(ctx context.Context) (bool, error) {
	lister, err := s.accounts.ListKeysFiltered(ctx, "account.*")
	if err != nil {
		if errors.Is(err, jetstream.ErrNoKeysFound) {
			return false, nil
		}
		return false, fmt.Errorf("access: list accounts: %w", err)
	}
	defer lister.Stop()
	for range lister.Keys() {
		return true, nil
	}
	return false, nil
}

// digest is the hex SHA-256 of a high-entropy secret (token or session
// id): what is stored, so a copy of the KV grants nothing.
func digest(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

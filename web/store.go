package web

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/nats-io/nats.go/jetstream"
)

// Bucket names of the workspace's own state, next to the pipeline's.
const (
	DefaultWorkspaceBucket = "hoso_workspace" // d.<id> → Dossier; cfg.issuer, cfg.rules
	DefaultRegisterBucket  = "hoso_register"  // r.<issuer>.<year> → Register
)

// Dossier is what the workspace adds to a dossier the pipeline processed:
// the versions reviewers made by correcting its record, and its number
// once a signer approved it. Version 1 is the pipeline's own output and is
// not stored here.
type Dossier struct {
	ID       string     `json:"id"`
	Origin   string     `json:"origin"`
	Versions []Version  `json:"versions,omitempty"`
	Approval *Approval  `json:"approval,omitempty"`
	Voided   []Approval `json:"voided,omitempty"`
	// Next is the dossier made by adding files to this one (a new
	// version of the bundle); Prev the one it was made from.
	Next string `json:"next,omitempty"`
	Prev string `json:"prev,omitempty"`
}

// Version is one corrected record and its draft letter.
type Version struct {
	N       int          `json:"n"` // 2, 3, …
	Record  string       `json:"record"`
	DOCX    string       `json:"docx,omitempty"`
	PDF     string       `json:"pdf,omitempty"`
	Verdict hoso.Verdict `json:"verdict"`
	Review  []string     `json:"review,omitempty"`
	By      string       `json:"by"`
	At      time.Time    `json:"at"`
	Field   string       `json:"field"`
	Old     string       `json:"old"`
	New     string       `json:"new"`
	Reason  string       `json:"reason"`
}

// Approval is a signed, numbered letter: an entry of the outgoing register.
type Approval struct {
	Issuer  string    `json:"issuer"` // the issuer's abbreviation
	Year    int       `json:"year"`
	No      int       `json:"no"`
	Text    string    `json:"text"` // "1-CV/BTCĐU"
	Dossier string    `json:"dossier"`
	Unit    string    `json:"unit"`
	Version int       `json:"version"`
	Date    hoso.Date `json:"date"`
	Form    string    `json:"form"` // "T/M" or "K/T"
	Signer  string    `json:"signer"`
	Title   string    `json:"title"`
	Kind    string    `json:"kind,omitempty"` // letter kind
	By      string    `json:"by"`
	At      time.Time `json:"at"`
	DOCX    string    `json:"docx,omitempty"`
	PDF     string    `json:"pdf,omitempty"`
	// Voided is set when a correction after approval withdrew the number:
	// the number stays in the register as a gap and is never given again.
	Voided     bool      `json:"voided,omitempty"`
	VoidedAt   time.Time `json:"voided_at,omitzero"`
	VoidedBy   string    `json:"voided_by,omitempty"`
	VoidReason string    `json:"void_reason,omitempty"`
}

// Register is the outgoing register (sổ văn bản đi) of one issuer for one
// calendar year. Last only grows: a number is given once, by
// compare-and-set on the KV entry, so two instances never give the same.
type Register struct {
	Issuer  string     `json:"issuer"`
	Year    int        `json:"year"`
	Last    int        `json:"last"`
	Entries []Approval `json:"entries"`
}

// stores are the workspace's KV buckets.
type stores struct {
	ws  jetstream.KeyValue
	reg jetstream.KeyValue
}

func openStores(ctx context.Context, js jetstream.JetStream, replicas int) (stores, error) {
	var s stores
	var err error
	if replicas < 1 {
		replicas = 1
	}
	s.ws, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: DefaultWorkspaceBucket, History: 5,
		Replicas: replicas, Description: "hoso workspace: corrections, versions, approvals"})
	if err != nil {
		return s, fmt.Errorf("web: open %s: %w", DefaultWorkspaceBucket, err)
	}
	s.reg, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: DefaultRegisterBucket, History: 10,
		Replicas: replicas, Description: "hoso outgoing register (so van ban di), per issuer and year"})
	if err != nil {
		return s, fmt.Errorf("web: open %s: %w", DefaultRegisterBucket, err)
	}
	return s, nil
}

var errConflict = errors.New("web: changed concurrently")

// dossier returns the workspace entry of id and its revision (0 when none).
func (s stores) dossier(ctx context.Context, id string) (*Dossier, uint64, error) {
	e, err := s.ws.Get(ctx, "d."+id)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return &Dossier{ID: id}, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("web: read dossier %s: %w", id, err)
	}
	var d Dossier
	if err := json.Unmarshal(e.Value(), &d); err != nil {
		return nil, 0, fmt.Errorf("web: decode dossier %s: %w", id, err)
	}
	return &d, e.Revision(), nil
}

// update changes the entry of id with fn under compare-and-set, retrying
// when another instance wrote first.
func (s stores) update(ctx context.Context, id string, fn func(*Dossier) error) (*Dossier, error) {
	for range 20 {
		d, rev, err := s.dossier(ctx, id)
		if err != nil {
			return nil, err
		}
		if err := fn(d); err != nil {
			return nil, err
		}
		b, _ := json.Marshal(d)
		if rev == 0 {
			_, err = s.ws.Create(ctx, "d."+id, b)
		} else {
			_, err = s.ws.Update(ctx, "d."+id, b, rev)
		}
		if err == nil {
			return d, nil
		}
		if !cas(err) {
			return nil, fmt.Errorf("web: write dossier %s: %w", id, err)
		}
	}
	return nil, errConflict
}

func cas(err error) bool {
	var apiErr *jetstream.APIError
	return errors.Is(err, jetstream.ErrKeyExists) ||
		errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence
}

func registerKey(issuer string, year int) string {
	return fmt.Sprintf("r.%s.%d", base64.RawURLEncoding.EncodeToString([]byte(issuer)), year)
}

// register returns the register of issuer for year (empty when none yet).
func (s stores) register(ctx context.Context, issuer string, year int) (*Register, uint64, error) {
	e, err := s.reg.Get(ctx, registerKey(issuer, year))
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return &Register{Issuer: issuer, Year: year, Entries: []Approval{}}, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("web: read register: %w", err)
	}
	var r Register
	if err := json.Unmarshal(e.Value(), &r); err != nil {
		return nil, 0, fmt.Errorf("web: decode register: %w", err)
	}
	return &r, e.Revision(), nil
}

// changeRegister applies fn to the register under compare-and-set.
func (s stores) changeRegister(ctx context.Context, issuer string, year int, fn func(*Register) error) (*Register, error) {
	for range 50 {
		r, rev, err := s.register(ctx, issuer, year)
		if err != nil {
			return nil, err
		}
		if err := fn(r); err != nil {
			return nil, err
		}
		b, _ := json.Marshal(r)
		if rev == 0 {
			_, err = s.reg.Create(ctx, registerKey(issuer, year), b)
		} else {
			_, err = s.reg.Update(ctx, registerKey(issuer, year), b, rev)
		}
		if err == nil {
			return r, nil
		}
		if !cas(err) {
			return nil, fmt.Errorf("web: write register: %w", err)
		}
	}
	return nil, errConflict
}

// allocate gives the next number of the register to a, records it and
// returns a with No and Text set. numberText formats the number.
func (s stores) allocate(ctx context.Context, a Approval, numberText func(int) string) (Approval, error) {
	_, err := s.changeRegister(ctx, a.Issuer, a.Year, func(r *Register) error {
		a.No = r.Last + 1
		a.Text = numberText(a.No)
		r.Last = a.No
		r.Entries = append(r.Entries, a)
		return nil
	})
	return a, err
}

// setEntry replaces the register entry of number a.No with a (its letter
// keys once stored, or its voiding).
func (s stores) setEntry(ctx context.Context, a Approval) error {
	_, err := s.changeRegister(ctx, a.Issuer, a.Year, func(r *Register) error {
		for i := range r.Entries {
			if r.Entries[i].No == a.No {
				r.Entries[i] = a
				return nil
			}
		}
		return fmt.Errorf("web: number %d not in the register", a.No)
	})
	return err
}

// registers lists the registers of every issuer for year.
func (s stores) registers(ctx context.Context, year int) ([]*Register, error) {
	lister, err := s.reg.ListKeys(ctx)
	if errors.Is(err, jetstream.ErrNoKeysFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("web: list registers: %w", err)
	}
	suffix := fmt.Sprintf(".%d", year)
	var out []*Register
	for k := range lister.Keys() {
		if len(k) <= len(suffix) || k[len(k)-len(suffix):] != suffix {
			continue
		}
		e, err := s.reg.Get(ctx, k)
		if err != nil {
			continue
		}
		var r Register
		if json.Unmarshal(e.Value(), &r) == nil {
			out = append(out, &r)
		}
	}
	return out, nil
}

// config reads a workspace setting (the issuer profile, the rule set).
func (s stores) config(ctx context.Context, name string) ([]byte, error) {
	e, err := s.ws.Get(ctx, "cfg."+name)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("web: read setting %s: %w", name, err)
	}
	return e.Value(), nil
}

func (s stores) setConfig(ctx context.Context, name string, b []byte) error {
	if _, err := s.ws.Put(ctx, "cfg."+name, b); err != nil {
		return fmt.Errorf("web: write setting %s: %w", name, err)
	}
	return nil
}

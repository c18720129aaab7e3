package access

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Action names an entry of the audit trail; it is also the last token of
// the entry's subject (hoso.audit.<action>).
type Action string

const (
	ActLogin        Action = "login"
	ActLoginFailed  Action = "login_failed"
	ActLogout       Action = "logout"
	ActList         Action = "list"
	ActView         Action = "view"     // a dossier's record
	ActDownload     Action = "download" // a letter
	ActUpload       Action = "upload"
	ActCorrect      Action = "correct" // a field: Field, Old → New, Reason
	ActApprove      Action = "approve"
	ActAuditRead    Action = "audit_read"
	ActAccountAdd   Action = "account_add"
	ActAccountEdit  Action = "account_edit" // disable, enable, units
	ActAccountList  Action = "account_list" // accounts, tokens, units read
	ActUnitEdit     Action = "unit_edit"
	ActPasswordSet  Action = "password_reset"
	ActTokenCreate  Action = "token_create"
	ActTokenRevoke  Action = "token_revoke"
	ActPurge        Action = "purge"
	ActPasswordEdit Action = "password_change"
)

// Outcome of an audited act.
const (
	OutcomeOK     = "ok"
	OutcomeDenied = "denied" // refused by a permission or throttling
	OutcomeFailed = "failed" // allowed, but it did not succeed
)

// Entry is one act in the audit trail. It names people by account and
// dossiers by id: no candidate's name or birth date is ever in it.
type Entry struct {
	Seq     uint64    `json:"seq,omitempty"` // stream sequence, set when read
	Time    time.Time `json:"time"`
	Actor   string    `json:"actor,omitempty"` // account name; "" when unknown
	Via     string    `json:"via,omitempty"`   // session:<ref>, token:<id>, cli
	Action  Action    `json:"action"`
	Outcome string    `json:"outcome"`
	Status  int       `json:"status,omitempty"` // HTTP status
	Addr    string    `json:"addr,omitempty"`   // client address
	Dossier string    `json:"dossier,omitempty"`
	Unit    string    `json:"unit,omitempty"`
	Target  string    `json:"target,omitempty"` // account or token acted on
	// A correction: which field, from what to what, and why.
	Field  string `json:"field,omitempty"`
	Old    string `json:"old,omitempty"`
	New    string `json:"new,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Record appends e to the trail and waits for the server's
// acknowledgement: when it returns nil the entry is stored.
func (s *Store) Record(ctx context.Context, e Entry) error {
	if e.Time.IsZero() {
		e.Time = s.now()
	}
	if e.Outcome == "" {
		e.Outcome = OutcomeOK
	}
	if e.Action == "" {
		return fmt.Errorf("%w: audit entry without action", ErrInvalid)
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if _, err := s.js.Publish(ctx, s.opt.AuditSubject+"."+string(e.Action), b); err != nil {
		return fmt.Errorf("access: audit trail: %w", err)
	}
	return nil
}

// AuditFilter selects entries; zero fields match anything.
type AuditFilter struct {
	Dossier string
	Actor   string
	Action  Action
	Since   time.Time
	Until   time.Time
	Limit   int // newest Limit entries; 0: 1000
}

func (f AuditFilter) match(e *Entry) bool {
	return (f.Dossier == "" || e.Dossier == f.Dossier) && (f.Actor == "" || e.Actor == f.Actor) &&
		(f.Action == "" || e.Action == f.Action) && (f.Until.IsZero() || !e.Time.After(f.Until))
}

// ReadAudit returns the entries matching f, oldest first, at most f.Limit
// of the newest. It reads with an ordered (ephemeral) consumer from Since.
func (s *Store) ReadAudit(ctx context.Context, f AuditFilter) ([]Entry, error) {
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	info, err := s.audit.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("access: audit trail: %w", err)
	}
	last := info.State.LastSeq
	if info.State.Msgs == 0 {
		return []Entry{}, nil
	}
	cc := jetstream.OrderedConsumerConfig{DeliverPolicy: jetstream.DeliverAllPolicy}
	if f.Action != "" {
		cc.FilterSubjects = []string{s.opt.AuditSubject + "." + string(f.Action)}
	}
	if !f.Since.IsZero() {
		since := f.Since
		cc.DeliverPolicy, cc.OptStartTime = jetstream.DeliverByStartTimePolicy, &since
	}
	c, err := s.js.OrderedConsumer(ctx, s.opt.AuditStream, cc)
	if err != nil {
		return nil, fmt.Errorf("access: audit trail: %w", err)
	}
	out := []Entry{}
	for {
		batch, err := c.FetchNoWait(500)
		if err != nil {
			return nil, fmt.Errorf("access: audit trail: %w", err)
		}
		n := 0
		done := false
		for m := range batch.Messages() {
			n++
			md, err := m.Metadata()
			if err != nil {
				continue
			}
			var e Entry
			if json.Unmarshal(m.Data(), &e) == nil {
				e.Seq = md.Sequence.Stream
				if f.match(&e) {
					out = append(out, e)
					if len(out) > f.Limit {
						out = out[1:]
					}
				}
			}
			if md.Sequence.Stream >= last {
				done = true
			}
		}
		if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
			return nil, fmt.Errorf("access: audit trail: %w", err)
		}
		if done || n == 0 {
			return out, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
}

package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/nats-io/nats.go/jetstream"
)

// Status is where a dossier is in the pipeline. received → extracting →
// validated → rendered is the normal path; failed ends a dossier whose file
// cannot be read (verdict rejected). Only rendered and failed are final: a
// message for a dossier in a final state is acked without work, which is
// what makes redelivery harmless. dead_letter marks a dossier whose message
// ran out of deliveries on transient errors; `hoso redrive` resumes it.
type Status string

const (
	StatusReceived   Status = "received"
	StatusExtracting Status = "extracting"
	StatusValidated  Status = "validated"
	StatusRendered   Status = "rendered"
	StatusFailed     Status = "failed"
	StatusDeadLetter Status = "dead_letter"
)

// Final reports whether no more work will be done for the dossier.
func (s Status) Final() bool {
	switch s {
	case StatusRendered, StatusFailed, StatusDuplicate, StatusSuperseded, StatusWithdrawn:
		return true
	}
	return false
}

// State is the value kept per dossier in the KV bucket and served by the
// HTTP API. It holds no personal data: names and birth dates stay in
// record.json.
type State struct {
	ID      string       `json:"id"`
	Status  Status       `json:"status"`
	Verdict hoso.Verdict `json:"verdict,omitempty"`
	Origin  string       `json:"origin"`
	Bucket  string       `json:"bucket"`
	Key     string       `json:"key"`
	ETag    string       `json:"etag,omitempty"`
	Size    int64        `json:"size,omitempty"`

	LetterKind hoso.LetterKind `json:"letter_kind,omitempty"`
	DOCX       string          `json:"docx,omitempty"`   // key in the letter bucket
	PDF        string          `json:"pdf,omitempty"`    // key in the letter bucket
	Record     string          `json:"record,omitempty"` // key of record.json
	// Review lists, in Vietnamese, why the letter must be looked at before
	// it is signed (addressee unknown, a garbled name, no rule set in
	// force); empty when it needs no review.
	Review []string `json:"review,omitempty"`

	Error      *hoso.ErrorInfo `json:"error,omitempty"`
	Deliveries uint64          `json:"deliveries,omitempty"`
	// Crashes counts deliveries whose work started and never ended: it
	// is raised in KV before the file is read and lowered when reading
	// returns, so a worker (or its parsing child) that died on the file
	// leaves it raised. At Config.MaxCrashes the dossier is rejected
	// instead of read again.
	Crashes int `json:"crashes,omitempty"`

	// Lineage (see StatusDuplicate): the upload's SHA-256, the dossier this
	// one repeats or that replaced it, and, for a withdrawn one, when and
	// from which status.
	SHA256       string    `json:"sha256,omitempty"`
	DuplicateOf  string    `json:"duplicate_of,omitempty"`
	SupersededBy string    `json:"superseded_by,omitempty"`
	Before       Status    `json:"before,omitempty"`
	Withdrawn    time.Time `json:"withdrawn,omitzero"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`

	rev uint64 // KV revision the value was read at, for compare-and-set
}

// States is the KV bucket of dossier states.
type States struct {
	kv jetstream.KeyValue
}

// errConflict means another worker changed the state first.
var errConflict = errors.New("ingest: dossier state changed concurrently")

// Get returns a dossier's state; ErrNotFound (wrapped) when it has none.
func (s States) Get(ctx context.Context, id string) (*State, error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("%w: %q is not a dossier id", ErrNotFound, id[:min(len(id), 32)])
	}
	e, err := s.kv.Get(ctx, id)
	if err != nil {
		if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrInvalidKey) {
			return nil, fmt.Errorf("%w: dossier %s", ErrNotFound, id)
		}
		return nil, fmt.Errorf("ingest: read state %s: %w", id, err)
	}
	var st State
	if err := json.Unmarshal(e.Value(), &st); err != nil {
		return nil, fmt.Errorf("ingest: decode state %s: %w", id, err)
	}
	st.rev = e.Revision()
	return &st, nil
}

// save writes st with compare-and-set: Create when st was never stored,
// Update at the revision st was read at otherwise. errConflict when another
// writer came first.
func (s States) save(ctx context.Context, st *State) error {
	st.Updated = time.Now().UTC()
	if st.Created.IsZero() {
		st.Created = st.Updated
	}
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	var rev uint64
	if st.rev == 0 {
		rev, err = s.kv.Create(ctx, st.ID, b)
	} else {
		rev, err = s.kv.Update(ctx, st.ID, b, st.rev)
	}
	if err != nil {
		if errors.Is(err, jetstream.ErrKeyExists) || isWrongSequence(err) {
			return errConflict
		}
		return fmt.Errorf("ingest: write state %s: %w", st.ID, err)
	}
	st.rev = rev
	return nil
}

// isWrongSequence recognises the server's CAS refusal on Update, which
// nats.go returns as an APIError with code 10071.
func isWrongSequence(err error) bool {
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence
}

// List returns every state that matches f, in no particular order.
func (s States) List(ctx context.Context, f Filter) ([]*State, error) {
	var out []*State
	err := s.each(ctx, func(st *State) {
		if f.match(st) {
			out = append(out, st)
		}
	})
	return out, err
}

// each calls fn with the latest state of every dossier. One KV watch
// streams them all, instead of a Get per key.
func (s States) each(ctx context.Context, fn func(*State)) error {
	w, err := s.kv.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return fmt.Errorf("ingest: list states: %w", err)
	}
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e, ok := <-w.Updates():
			if !ok || e == nil {
				return nil // nil marks the end of the current values
			}
			var st State
			if err := json.Unmarshal(e.Value(), &st); err != nil {
				continue // not ours; the API must not fail on one bad value
			}
			st.rev = e.Revision()
			fn(&st)
		}
	}
}

// Filter selects states for the list API; empty fields match anything.
type Filter struct {
	Status  Status
	Verdict hoso.Verdict
	Origin  string
}

func (f Filter) match(st *State) bool {
	return (f.Status == "" || st.Status == f.Status) &&
		(f.Verdict == "" || st.Verdict == f.Verdict) &&
		(f.Origin == "" || st.Origin == f.Origin)
}

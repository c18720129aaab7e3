package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Dossiers are never silently replaced. Three statuses record how one
// relates to another, and they are final like rendered and failed:
//
//   - duplicate: the same bytes (SHA-256) as an earlier dossier under
//     another key; linked to it by DuplicateOf, no second letter.
//   - superseded: its object key now holds another version (a file
//     replaced in a watched folder or overwritten in S3); SupersededBy names
//     the dossier of that version. Its letter stays.
//   - withdrawn: its object was deleted; its letter stays, marked so.
//
// Superseded and withdrawn are set by the reconciler, which lists the
// upload bucket (on start and every Config.ReconcileEvery), so they show
// after at most that delay. A withdrawn dossier whose object comes back
// unchanged returns to the status it had.
const (
	StatusDuplicate  Status = "duplicate"
	StatusSuperseded Status = "superseded"
	StatusWithdrawn  Status = "withdrawn"
)

// DefaultContentBucket is the KV bucket of content hashes: sha256 hex →
// the id of the first dossier with those bytes.
const DefaultContentBucket = "hoso_content"

func setupContent(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.KeyValue, error) {
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      DefaultContentBucket,
		Description: "hoso: sha256 of an upload → first dossier with those bytes",
		Replicas:    cfg.Replicas,
	})
	if err != nil {
		return nil, fmt.Errorf("ingest: KV %s: %w", DefaultContentBucket, err)
	}
	return kv, nil
}

// contentKV opens the content index once: opening asks NATS for the
// stream's info, a request per dossier otherwise. A handle that failed is
// dropped (forgetContentKV) and opened again on next use.
func (s *Service) contentKV(ctx context.Context) (jetstream.KeyValue, error) {
	s.contentMu.Lock()
	defer s.contentMu.Unlock()
	if s.content != nil {
		return s.content, nil
	}
	kv, err := s.js.KeyValue(ctx, DefaultContentBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		kv, err = setupContent(ctx, s.js, s.cfg) // set up by an older hoso
	}
	if err == nil {
		s.content = kv
	}
	return kv, err
}

func (s *Service) forgetContentKV() {
	s.contentMu.Lock()
	s.content = nil
	s.contentMu.Unlock()
}

// firstWithContent hashes the upload, records the hash in st, and returns
// the earlier dossier with the same bytes, nil when st is the first (or
// the earlier one is gone: withdrawn, failed, purged), in which case st
// takes the hash over.
func (s *Service) firstWithContent(ctx context.Context, st *State, r io.ReaderAt, size int64) (*State, error) {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err != nil {
		return nil, transient(fmt.Errorf("ingest: hash: %w", err), "đọc tệp tải lên", "read the upload")
	}
	st.SHA256 = hex.EncodeToString(h.Sum(nil))
	kv, err := s.contentKV(ctx)
	if err != nil {
		return nil, transient(err, "đọc chỉ mục nội dung", "read the content index")
	}
	for range 5 {
		// Most contents are new: claim first, read only when taken.
		if _, err := kv.Create(ctx, st.SHA256, []byte(st.ID)); err == nil {
			return nil, nil
		} else if !errors.Is(err, jetstream.ErrKeyExists) {
			s.forgetContentKV()
			return nil, transient(err, "ghi chỉ mục nội dung", "write the content index")
		}
		e, err := kv.Get(ctx, st.SHA256)
		switch {
		case errors.Is(err, jetstream.ErrKeyNotFound):
			continue // removed since
		case err != nil:
			s.forgetContentKV()
			return nil, transient(err, "đọc chỉ mục nội dung", "read the content index")
		}
		firstID := string(e.Value())
		if firstID == st.ID {
			return nil, nil
		}
		first, err := s.states.Get(ctx, firstID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return nil, transient(err, "đọc trạng thái hồ sơ", "read dossier state")
		}
		if first != nil && first.Status != StatusWithdrawn && first.Status != StatusFailed && first.Status != StatusDeadLetter {
			return first, nil
		}
		// The earlier dossier is gone or ended without a letter: this one
		// is the content's dossier now.
		if _, err := kv.Update(ctx, st.SHA256, []byte(st.ID), e.Revision()); err == nil {
			return nil, nil
		}
	}
	return nil, transient(errors.New("content index changed concurrently"), "ghi chỉ mục nội dung", "write the content index")
}

// duplicate ends st as a duplicate of first: no extraction, no letter,
// the same event and state writes as any other final state.
func (s *Service) duplicate(ctx context.Context, st, first *State, log *slog.Logger) (*State, outcome, error) {
	log.Info("ingest: same content as an earlier dossier, linked as its duplicate", "first", first.ID)
	st.Status, st.DuplicateOf, st.Verdict, st.Error = StatusDuplicate, first.ID, first.Verdict, nil
	return s.finish(ctx, st)
}

// lineage marks the final dossiers whose object is gone (withdrawn) or
// holds another version now (superseded), from a complete listing of the
// upload bucket: present maps each key to the dossier id of its current
// version. It restores a withdrawn dossier whose object is back.
func (s *Service) lineage(ctx context.Context, states map[string]*State, present map[string]string) {
	for _, st := range states {
		if st.Bucket != s.cfg.UploadBucket {
			continue
		}
		cur, ok := present[st.Key]
		var next Status
		switch {
		case st.Status == StatusWithdrawn && cur == st.ID && st.Before != "":
			next = st.Before
		case st.Status == StatusWithdrawn || st.Status == StatusSuperseded || !st.Status.Final():
			continue
		case !ok:
			next = StatusWithdrawn
		case cur != st.ID:
			next = StatusSuperseded
		default:
			continue
		}
		s.relink(ctx, st.ID, next, cur)
	}
}

// relink moves a dossier to next with compare-and-set, re-reading it so a
// concurrent worker's write is not lost.
func (s *Service) relink(ctx context.Context, id string, next Status, current string) {
	for range 3 {
		st, err := s.states.Get(ctx, id)
		if err != nil {
			return
		}
		switch next {
		case StatusWithdrawn:
			st.Before, st.Withdrawn = st.Status, time.Now().UTC()
		case StatusSuperseded:
			st.SupersededBy = current
		default: // restored
			st.Before, st.Withdrawn = "", time.Time{}
		}
		st.Status = next
		err = s.states.save(ctx, st)
		if err == nil {
			s.log.Info("ingest: dossier "+string(next), "dossier", id, "by", st.SupersededBy)
			return
		}
		if !errors.Is(err, errConflict) {
			s.log.Warn("ingest: could not mark dossier", "dossier", id, "status", next, "err", err)
			return
		}
	}
}

package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Enqueue publishes an object-created event for u on the upload stream, in
// MinIO's shape, as the reconciler, the folder watcher and the upload API
// do. Nats-Msg-Id is the dossier id, so the same object enqueued twice
// within the stream's duplicate window is queued once.
func (s *Service) Enqueue(ctx context.Context, u Upload, principal string) error {
	if u.EventName == "" {
		u.EventName = "s3:ObjectCreated:Put"
	}
	if u.Bucket == "" {
		u.Bucket = s.cfg.UploadBucket
	}
	if _, err := s.js.Publish(ctx, s.cfg.UploadSubject, EncodeEvent(u, principal), jetstream.WithMsgID(u.ID())); err != nil {
		return fmt.Errorf("ingest: enqueue %s: %w", u.ID(), err)
	}
	s.m.enqueued(principal)
	return nil
}

// Known reports whether the dossier has a state, i.e. was queued already.
func (s *Service) Known(ctx context.Context, id string) (bool, error) {
	_, err := s.states.Get(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Reconcile lists the upload bucket and enqueues every object that has no
// state: events lost while NATS was down, files uploaded before the
// notification rule existed. Objects younger than Config.Settle are left
// for the next pass, as they may still be written. It also re-enqueues a
// dossier left in progress for longer than every delivery and backoff
// could take, whose message is therefore gone. It returns how many
// uploads it enqueued.
func (s *Service) Reconcile(ctx context.Context) (int, error) {
	states := map[string]*State{}
	if err := s.states.each(ctx, func(st *State) { states[st.ID] = st }); err != nil {
		return 0, err
	}
	n := 0
	present := map[string]string{} // key → id of its current version
	var queued map[string]bool     // read on first need
	scanned := false
	young := time.Now().Add(-s.cfg.Settle)
	stale := time.Now().Add(-s.cfg.staleAfter())
	for o, err := range s.store.List(ctx, s.cfg.UploadBucket, "") {
		if err != nil {
			return n, fmt.Errorf("ingest: list %s: %w", s.cfg.UploadBucket, err)
		}
		u := Upload{EventName: "s3:ObjectCreated:Put", Bucket: s.cfg.UploadBucket, Key: o.Key,
			Size: o.Size, ETag: o.ETag, VersionID: o.VersionID, Time: o.ModTime}
		id := u.ID()
		present[o.Key] = id
		if o.ModTime.After(young) {
			continue
		}
		st, ok := states[id]
		why := ""
		switch {
		case !ok:
			// Not in the snapshot; a worker may have created it since.
			if known, err := s.Known(ctx, id); err != nil || known {
				if err != nil {
					return n, err
				}
				continue
			}
			why = "without state"
		case !st.Status.Final() && st.Status != StatusDeadLetter && st.Updated.Before(stale):
			why = "stuck in progress (" + string(st.Status) + ")"
		default:
			continue
		}
		if !scanned {
			if queued, err = s.queuedIDs(ctx); err != nil {
				return n, err
			}
			scanned = true
		}
		if queued[id] {
			continue // its message waits in the queue already
		}
		if err := s.Enqueue(ctx, u, "hoso-reconciler"); err != nil {
			return n, err
		}
		s.log.Info("ingest: reconciler queued a dossier "+why, "dossier", id)
		n++
	}
	s.lineage(ctx, states, present) // the listing is complete: absence means deleted
	return n, nil
}

// staleAfter is longer than the slowest path through every delivery: past
// it, a dossier still in progress has lost its message.
func (c Config) staleAfter() time.Duration {
	d := time.Duration(c.MaxDeliver) * c.AckWait
	for i := 1; i <= c.MaxDeliver; i++ {
		d += c.backoff(uint64(i))
	}
	return 2 * d
}

// catchUp is when passes follow one that a reconnect started, counted
// from it. MinIO sends events synchronously (MinIOEnv), so an event it
// could not send is gone; the pass at the reconnect cannot see them all:
// MinIO's own NATS client reconnects later than ours (every 2 s against
// 0.5 s), JetStream may refuse its publishes for seconds more while it
// recovers its streams, and a pass leaves objects younger than
// Config.Settle for the next one.
var catchUp = []time.Duration{5 * time.Second, 15 * time.Second, time.Minute}

// retryFirst and retryMost bound the wait after a failed pass (it doubles
// in between): a pass that failed as NATS came back must not wait for
// ReconcileEvery.
const (
	retryFirst = 2 * time.Second
	retryMost  = time.Minute
)

func (s *Service) reconcileLoop(ctx context.Context) {
	var due []time.Time // catch-up passes still to run
	retry := time.Duration(0)
	for {
		if n, err := s.Reconcile(ctx); err != nil && ctx.Err() == nil {
			retry = min(max(2*retry, retryFirst), retryMost)
			s.log.Warn("ingest: reconcile", "err", err, "retry_in", retry)
		} else {
			retry = 0
			if n > 0 {
				s.log.Info("ingest: reconcile pass", "queued", n)
			}
		}
		if s.cfg.ReconcileEvery < 0 {
			return
		}
		now := time.Now()
		due = slices.DeleteFunc(due, func(t time.Time) bool { return !t.After(now) })
		next := now.Add(s.cfg.ReconcileEvery)
		if len(due) > 0 && due[0].Before(next) {
			next = due[0]
		}
		if retry > 0 && now.Add(retry).Before(next) {
			next = now.Add(retry)
		}
		why := s.waitReconcile(ctx, next)
		if ctx.Err() != nil {
			return
		}
		if why != passDue {
			now := time.Now()
			due = due[:0]
			for _, d := range catchUp {
				due = append(due, now.Add(d))
			}
		}
	}
}

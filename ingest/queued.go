package ingest

import (
	"context"
	"errors"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// maxQueuedScan bounds how many stream sequences the reconciler reads to
// learn what is queued; a backlog beyond it is not deduplicated by this
// scan (the state check still stops a second letter).
const maxQueuedScan = 20_000

// queuedIDs returns the dossiers whose uploads wait in the upload stream
// (a work queue: what is there is not done yet). MinIO's events carry no
// Nats-Msg-Id, so JetStream cannot deduplicate the reconciler's message
// against them; without this, every restart queued the whole backlog a
// second time. nil means the backlog was too long to read.
func (s *Service) queuedIDs(ctx context.Context) (map[string]bool, error) {
	stream, err := s.js.Stream(ctx, s.cfg.UploadStream)
	if err != nil {
		return nil, err
	}
	info, err := stream.Info(ctx)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	st := info.State
	if st.Msgs == 0 {
		return ids, nil
	}
	if st.LastSeq < st.FirstSeq || st.LastSeq-st.FirstSeq >= maxQueuedScan {
		return nil, nil
	}
	for seq := st.FirstSeq; seq <= st.LastSeq; seq++ {
		m, err := stream.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // acked (deleted) since
		}
		if err != nil {
			return nil, err
		}
		if u, err := DecodeEvent(m.Data); err == nil {
			ids[u.ID()] = true
		}
	}
	return ids, nil
}

// Why a reconciler pass runs (waitReconcile's answer).
const (
	passDue       = iota // ReconcileEvery, a catch-up or a retry came due
	passReconnect        // the NATS connection came back
	passStore            // the object store answers again after failing
)

// waitReconcile waits until the pass due at next, or less when the NATS
// connection came back (events published while it was away may be lost)
// or the object store answered again after failing (a MinIO node that
// restarted may have taken uploads without sending their events). It
// says which.
func (s *Service) waitReconcile(ctx context.Context, next time.Time) int {
	var reconnects uint64
	if nc := s.js.Conn(); nc != nil {
		reconnects = nc.Stats().Reconnects
	}
	storeDown := false
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for n := 0; ; n++ {
		select {
		case <-ctx.Done():
			return passDue
		case <-tick.C:
		}
		if !time.Now().Before(next) {
			return passDue
		}
		if nc := s.js.Conn(); nc != nil && nc.Stats().Reconnects != reconnects && nc.IsConnected() {
			s.log.Info("ingest: NATS reconnected, reconciling now")
			return passReconnect
		}
		if n%2 == 0 {
			pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			_, err := s.store.Stat(pctx, s.cfg.UploadBucket, storeProbeKey)
			cancel()
			down := err != nil && !errors.Is(err, ErrNotFound)
			if storeDown && !down {
				s.log.Info("ingest: object store answers again, reconciling now")
				return passStore
			}
			storeDown = down
		}
	}
}

// storeProbeKey is an object that never exists: its Stat answers "not
// found" while the store works.
const storeProbeKey = ".hoso-probe"

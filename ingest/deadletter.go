package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Headers set on a dead letter.
const (
	HeaderSeq        = "Hoso-Upload-Seq" // its sequence in the upload stream
	HeaderDeliveries = "Hoso-Deliveries" // deliveries it used up
	HeaderDossier    = "Hoso-Dossier-Id" // the dossier id, when the event decoded
)

// maxDeliveriesAdvisory is JetStream's io.nats.jetstream.advisory.v1.max_deliver.
type maxDeliveriesAdvisory struct {
	Stream     string `json:"stream"`
	Consumer   string `json:"consumer"`
	StreamSeq  uint64 `json:"stream_seq"`
	Deliveries uint64 `json:"deliveries"`
}

// moveDeadLetters copies each message that ran out of deliveries from the
// upload stream to the dead-letter stream, then deletes it from the work
// queue, where JetStream would otherwise leave it for good. The advisories
// are kept in a stream, so a message that dies while no instance runs is
// moved when one starts.
func (s *Service) moveDeadLetters(ctx context.Context) {
	var cons jetstream.Consumer
	for {
		var err error
		if cons, err = s.js.Consumer(ctx, s.cfg.AdvisoryStream, "dead-letters"); err == nil {
			break
		}
		if ctx.Err() != nil {
			return
		}
		s.log.Error("ingest: dead-letter consumer unavailable (run setup?); retrying", "err", err)
		sleep(ctx, 10*time.Second)
	}
	s.pull(ctx, cons, func(ctx context.Context, msg jetstream.Msg) {
		if err := s.moveDeadLetter(ctx, msg.Data()); err != nil {
			s.log.Warn("ingest: moving a dead letter", "err", err)
			msg.NakWithDelay(5 * time.Second)
			return
		}
		msg.Ack()
	})
}

func (s *Service) moveDeadLetter(ctx context.Context, advisory []byte) error {
	var a maxDeliveriesAdvisory
	if err := json.Unmarshal(advisory, &a); err != nil || a.StreamSeq == 0 {
		s.log.Warn("ingest: unreadable max-deliveries advisory, dropped", "err", err)
		return nil
	}
	stream, err := s.js.Stream(ctx, s.cfg.UploadStream)
	if err != nil {
		return err
	}
	raw, err := stream.GetMsg(ctx, a.StreamSeq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil // already moved or acked at the last moment
	}
	if err != nil {
		return err
	}
	m := nats.NewMsg(s.cfg.DeadSubject)
	m.Data = raw.Data
	m.Header.Set(HeaderSeq, strconv.FormatUint(a.StreamSeq, 10))
	m.Header.Set(HeaderDeliveries, strconv.FormatUint(a.Deliveries, 10))
	u, decErr := DecodeEvent(raw.Data)
	if decErr == nil {
		m.Header.Set(HeaderDossier, u.ID())
	}
	// The upload stream's sequence is unique for the stream's life, so a
	// second copy after a crash is dropped by JetStream.
	if _, err := s.js.PublishMsg(ctx, m, jetstream.WithMsgID(fmt.Sprintf("dead-%s-%d", s.cfg.UploadStream, a.StreamSeq))); err != nil {
		return err
	}
	if err := stream.DeleteMsg(ctx, a.StreamSeq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
		return err
	}
	s.m.deadLetter()
	if decErr != nil {
		return nil
	}
	id := u.ID()
	s.log.Warn("ingest: dossier moved to the dead letters", "dossier", id, "deliveries", a.Deliveries)
	st, err := s.states.Get(ctx, id)
	if err != nil || st.Status.Final() {
		return nil
	}
	st.Status = StatusDeadLetter
	st.Deliveries = a.Deliveries
	if st.Error == nil {
		st.Error = hoso.Info(hoso.Errorf(hoso.ETRANSIENT,
			"đã thử %d lần không thành công; chờ xử lý lại (hoso redrive)",
			"gave up after %d deliveries; waiting for `hoso redrive`", a.Deliveries))
	}
	if err := s.states.save(ctx, st); err != nil {
		s.log.Debug("ingest: could not mark dead letter", "dossier", id, "err", err)
	}
	return nil
}

// Redrive puts dead letters back on the upload stream and removes them from
// the dead-letter stream. With ids, only the dead letters of those dossiers
// move. It returns how many moved.
func Redrive(ctx context.Context, js jetstream.JetStream, cfg Config, ids ...string) (int, error) {
	cfg = cfg.WithDefaults()
	dead, err := js.Stream(ctx, cfg.DeadStream)
	if err != nil {
		return 0, fmt.Errorf("ingest: dead-letter stream %s: %w", cfg.DeadStream, err)
	}
	info, err := dead.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("ingest: dead-letter stream %s: %w", cfg.DeadStream, err)
	}
	moved := 0
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
		raw, err := dead.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return moved, fmt.Errorf("ingest: read dead letter %d: %w", seq, err)
		}
		if len(ids) > 0 && !slices.Contains(ids, raw.Header.Get(HeaderDossier)) {
			continue
		}
		// A new message id per redrive: the dedup window must not swallow
		// a second redrive of the same dead letter.
		msgID := fmt.Sprintf("redrive-%s-%d-%d", cfg.DeadStream, seq, time.Now().UnixNano())
		if _, err := js.Publish(ctx, cfg.UploadSubject, raw.Data, jetstream.WithMsgID(msgID)); err != nil {
			return moved, fmt.Errorf("ingest: re-queue dead letter %d: %w", seq, err)
		}
		if err := dead.DeleteMsg(ctx, seq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
			return moved, fmt.Errorf("ingest: remove dead letter %d: %w", seq, err)
		}
		moved++
	}
	return moved, nil
}

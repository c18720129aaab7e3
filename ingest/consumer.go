package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ensureConsumer creates the workers' consumer or brings it up to date.
// Its MaxAckPending is a cluster-wide figure, so it must not come from
// whichever instance started last: Config.MaxAckPending, when set, is the
// operator's total for all instances (HOSO_MAX_IN_FLIGHT); otherwise the
// limit only grows, to this instance's Workers if that is more than the
// consumer has. (Each instance used to reset it to its own Workers: three
// instances of one worker processed one dossier at a time.)
func ensureConsumer(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.Consumer, error) {
	want := consumerConfig(cfg)
	if cfg.MaxAckPending <= 0 {
		c, err := js.Consumer(ctx, cfg.UploadStream, cfg.Consumer)
		switch {
		case err == nil:
			if cur := c.CachedInfo(); cur != nil && cur.Config.MaxAckPending > want.MaxAckPending {
				want.MaxAckPending = cur.Config.MaxAckPending
			}
		case !errors.Is(err, jetstream.ErrConsumerNotFound):
			return nil, fmt.Errorf("ingest: consumer %s: %w", cfg.Consumer, err)
		}
	}
	c, err := js.CreateOrUpdateConsumer(ctx, cfg.UploadStream, want)
	if err != nil {
		return nil, fmt.Errorf("ingest: consumer %s: %w", cfg.Consumer, err)
	}
	return c, nil
}

// Acknowledgement bodies of the JetStream protocol, as nats.go sends them.
var (
	bodyAck = []byte("+ACK")
)

func bodyNak(delay time.Duration) []byte {
	if delay <= 0 {
		return []byte("-NAK")
	}
	return []byte(`-NAK {"delay": ` + strconv.FormatInt(delay.Nanoseconds(), 10) + `}`)
}

func bodyTerm(reason string) []byte { return []byte("+TERM " + reason) }

// settle sends a worker's verdict on a message (ack, nak, term) as a
// request, waits for the consumer leader to confirm it and retries until
// it does, for up to settleFor. A fire-and-forget ack sent to a consumer
// leader as it dies is lost, and the message then waits out the whole ack
// wait on the new leader; a confirmed ack is sent again to the new one.
// An ack the server answers no more (the message is no longer pending)
// costs the retries, after which the message's state in KV makes its
// redelivery a no-op.
func (s *Service) settle(ctx context.Context, msg jetstream.Msg, body []byte) {
	reply := msg.Reply()
	nc := s.js.Conn()
	if reply == "" || nc == nil {
		return
	}
	// Handing a message back on shutdown must still reach NATS.
	ctx = context.WithoutCancel(ctx)
	deadline := time.Now().Add(settleFor)
	wait := 100 * time.Millisecond
	for try := 1; ; try++ {
		rctx, cancel := context.WithTimeout(ctx, settleTimeout)
		_, err := nc.RequestWithContext(rctx, reply, body)
		cancel()
		if err == nil {
			if try > 1 {
				s.log.Info("ingest: acknowledgement confirmed after retries", "tries", try)
			}
			return
		}
		if time.Now().Add(wait).After(deadline) || nc.IsClosed() {
			s.log.Warn("ingest: acknowledgement not confirmed; the message's state settles its redelivery", "err", err, "tries", try)
			return
		}
		time.Sleep(wait)
		wait = min(2*wait, 2*time.Second)
	}
}

// settleTimeout bounds one confirmation; settleFor all of them: longer
// than a JetStream leader election on a loaded machine.
const (
	settleTimeout = 2 * time.Second
	settleFor     = 30 * time.Second
)

// retryInPlace decides whether a transient failure is retried once at
// once, the message kept (its heartbeat runs on), rather than handed back
// with a delay: after a NATS failure, once JetStream answers again
// (natsFailover). Other failures (the object store) go back with their
// delay: retrying them in place would run the poison-pill and last-try
// bookkeeping twice for one delivery.
func (s *Service) retryInPlace(ctx context.Context, err error, log *slog.Logger) bool {
	s.retried.Store(time.Now().UnixNano()) // the other workers pause fetching
	if s.natsFailover(ctx, err) {
		log.Info("ingest: NATS was electing leaders, retrying at once")
		return true
	}
	return false
}

func isNATSDown(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) ||
		errors.Is(err, nats.ErrNoResponders) || errors.Is(err, jetstream.ErrNoStreamResponse) ||
		errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, nats.ErrDisconnected)
}

// natsFailover reports whether err is NATS not answering (a timeout, no
// responders: what a JetStream leader election looks like to a client)
// and the streams a worker writes to (the state bucket's and the event
// stream) answer again within failoverWait: the work is then worth
// retrying at once rather than after its retry delay. Other failures
// (the object store) return false at once.
func (s *Service) natsFailover(ctx context.Context, err error) bool {
	if !isNATSDown(err) {
		return false
	}
	streams := []string{"KV_" + s.cfg.StateBucket, s.cfg.EventStream}
	answers := func() bool {
		for _, name := range streams {
			cctx, cancel := context.WithTimeout(ctx, time.Second)
			st, err := s.js.Stream(cctx, name)
			if err == nil {
				_, err = st.Info(cctx)
			}
			cancel()
			if err != nil {
				return false
			}
		}
		return true
	}
	end := time.Now().Add(failoverWait)
	for ctx.Err() == nil {
		if answers() {
			return true
		}
		if time.Now().After(end) {
			return false
		}
		sleep(ctx, 250*time.Millisecond)
	}
	return false
}

// failoverWait is how long a worker waits for JetStream to elect new
// leaders before it hands the message back: elections take seconds.
// retryPause is how long an instance stops fetching after handing a
// message back.
const (
	failoverWait = 15 * time.Second
	// holdMax is the longest retry delay a worker waits itself, keeping
	// the message (well inside the ack wait), instead of a delayed nak.
	holdMax    = 5 * time.Second
	retryPause = 2 * time.Second
)

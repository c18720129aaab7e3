package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/nats-io/nats.go/jetstream"
)

// Setup creates, or brings up to date, everything the pipeline needs:
// the upload work queue, the event, dead-letter and advisory streams, the
// state KV bucket, the durable consumer, the two buckets and — on an S3
// store — the upload bucket's notification rule. Running it again changes
// nothing.
//
// When the S3 service lacks the NATS target, Setup finishes everything else
// and returns an error wrapping ErrNoNotifyTarget; MinIOEnv gives the
// environment MinIO must be started with.
func Setup(ctx context.Context, js jetstream.JetStream, st Store, cfg Config) error {
	cfg = cfg.WithDefaults()
	for _, sc := range streamConfigs(cfg) {
		if _, err := js.CreateOrUpdateStream(ctx, sc); err != nil {
			return fmt.Errorf("ingest: stream %s: %w", sc.Name, err)
		}
	}
	if _, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      cfg.StateBucket,
		Description: "hoso: dossier id → pipeline state",
		History:     5,
		Replicas:    cfg.Replicas,
	}); err != nil {
		return fmt.Errorf("ingest: KV %s: %w", cfg.StateBucket, err)
	}
	if _, err := setupContent(ctx, js, cfg); err != nil {
		return err
	}
	if _, err := ensureConsumer(ctx, js, cfg); err != nil {
		return err
	}
	if _, err := js.CreateOrUpdateConsumer(ctx, cfg.AdvisoryStream, jetstream.ConsumerConfig{
		Durable:   "dead-letters",
		AckPolicy: jetstream.AckExplicitPolicy,
		AckWait:   cfg.AckWait,
	}); err != nil {
		return fmt.Errorf("ingest: advisory consumer: %w", err)
	}
	for _, b := range []string{cfg.UploadBucket, cfg.LetterBucket} {
		if err := st.MakeBucket(ctx, b); err != nil {
			return fmt.Errorf("ingest: bucket %s: %w", b, err)
		}
	}
	if s3, ok := st.(*S3); ok {
		if err := s3.Notify(ctx, cfg.UploadBucket, NotifyARN); err != nil {
			if errors.Is(err, ErrNoNotifyTarget) {
				return fmt.Errorf("%w\nstart MinIO with:\n  %s", err, strings.Join(MinIOEnv("<nats-host>:4222", cfg), "\n  "))
			}
			return err
		}
	}
	return nil
}

// streamConfigs returns the streams of the pipeline.
func streamConfigs(cfg Config) []jetstream.StreamConfig {
	return []jetstream.StreamConfig{
		{
			Name:        cfg.UploadStream,
			Description: "hoso: object-created events from the upload bucket, one worker each",
			Subjects:    []string{cfg.UploadSubject},
			Retention:   jetstream.WorkQueuePolicy,
			Storage:     jetstream.FileStorage,
			Replicas:    cfg.Replicas,
		},
		{
			Name:        cfg.EventStream,
			Description: "hoso: CloudEvents announcing each dossier's outcome",
			Subjects:    []string{cfg.EventPrefix + ".>"},
			Retention:   jetstream.LimitsPolicy,
			Storage:     jetstream.FileStorage,
			Replicas:    cfg.Replicas,
		},
		{
			Name:        cfg.DeadStream,
			Description: "hoso: upload events that ran out of deliveries; `hoso redrive` re-queues them",
			Subjects:    []string{cfg.DeadSubject},
			Retention:   jetstream.LimitsPolicy,
			Storage:     jetstream.FileStorage,
			Replicas:    cfg.Replicas,
		},
		{
			Name:        cfg.AdvisoryStream,
			Description: "hoso: JetStream max-deliveries advisories of the upload consumer",
			Subjects:    []string{maxDeliveriesSubject(cfg)},
			Retention:   jetstream.WorkQueuePolicy,
			Storage:     jetstream.FileStorage,
			Replicas:    cfg.Replicas,
		},
	}
}

func maxDeliveriesSubject(cfg Config) string {
	return "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + cfg.UploadStream + "." + cfg.Consumer
}

// consumerConfig is the durable pull consumer the workers share.
func consumerConfig(cfg Config) jetstream.ConsumerConfig {
	pending := cfg.MaxAckPending
	if pending <= 0 {
		pending = cfg.Workers
	}
	return jetstream.ConsumerConfig{
		Durable:       cfg.Consumer,
		Description:   "hoso workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		AckWait:       cfg.AckWait,
		MaxDeliver:    cfg.MaxDeliver,
		MaxAckPending: pending,
	}
}

// MinIOEnv returns the environment MinIO needs to publish the upload
// bucket's events into the upload stream through its NATS target
// "PRIMARY"; natsAddr is host:port as MinIO reaches NATS. Credentials and
// TLS (MINIO_NOTIFY_NATS_USERNAME_PRIMARY, …_TLS_PRIMARY) come on top when
// NATS needs them.
//
// Events are sent synchronously (MINIO_API_SYNC_EVENTS=on), with no
// queue_dir: the PUT answers once JetStream holds the event, tens of
// milliseconds. With a queue_dir MinIO stores every event on disk and a
// loop lists that folder every 3 s (a constant of MinIO's, not a
// setting), so each upload waited 0–3 s before its event went out. An
// event MinIO cannot send now (NATS down or electing leaders) is lost
// rather than queued; the reconciler finds such uploads: at once and
// again shortly after this instance's NATS connection comes back, after
// a failed pass, and every Config.ReconcileEvery (deploy/README.md).
//
// MINIO_SYNC_BOOT=on holds MinIO's API until it has loaded its buckets'
// settings, notification rules included. Without it MinIO takes uploads
// the moment it starts and sends no event for those it takes before the
// rules are loaded: 19 of 25 uploads made right after a restart
// (TestMinIORestartEvents), none with it.
func MinIOEnv(natsAddr string, cfg Config) []string {
	cfg = cfg.WithDefaults()
	return []string{
		"MINIO_NOTIFY_NATS_ENABLE_PRIMARY=on",
		"MINIO_NOTIFY_NATS_ADDRESS_PRIMARY=" + natsAddr,
		"MINIO_NOTIFY_NATS_SUBJECT_PRIMARY=" + cfg.UploadSubject,
		"MINIO_NOTIFY_NATS_JETSTREAM_PRIMARY=on",
		"MINIO_API_SYNC_EVENTS=on",
		"MINIO_SYNC_BOOT=on",
	}
}

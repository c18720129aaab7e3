package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/hoso-vn/hoso/ingest"
)

const setupSummary = `Creates, or brings up to date, the NATS streams (HOSO_UPLOADS, HOSO_EVENTS,
HOSO_DLQ, HOSO_ADVISORIES), the KV bucket of dossier states, the workers'
consumer, the two buckets and the upload bucket's notification rule. Running
it again changes nothing. When MinIO lacks the NATS target it prints the
environment MinIO must be started with and exits with an error.

With --nats-only it creates only the NATS part: run it before MinIO starts,
because MinIO with JetStream on refuses to publish into a subject no stream
captures.`

func cmdSetup(ctx context.Context, m *Main, args []string) error {
	c, err := m.parseConfig("setup", setupSummary, withS3|withNATS|withSetup, args)
	if err != nil {
		return err
	}
	var st ingest.Store = noBuckets{}
	if !c.SetupNATSOnly {
		if st, err = c.s3Store(); err != nil {
			return fmt.Errorf("hoso setup: %w", err)
		}
	}
	nc, err := c.NATS.connect("hoso setup", 30*time.Second)
	if err != nil {
		return fmt.Errorf("hoso setup: %w", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("hoso setup: %w", err)
	}
	cfg := c.Ingest.WithDefaults()
	cfg.Logger = m.Logger
	err = setupWithRetry(ctx, m, js, st, cfg)
	if errors.Is(err, ingest.ErrNoNotifyTarget) {
		first, _, _ := strings.Cut(err.Error(), "\n")
		m.Logger.Error("hoso setup: notification rule refused", "err", first)
		fmt.Fprintf(m.Stdout, "MinIO has no NATS notification target %s.\n"+
			"Start MinIO with this environment (the address as MinIO reaches NATS),\n"+
			"then run 'hoso setup' again:\n\n  %s\n",
			ingest.NotifyARN, strings.Join(ingest.MinIOEnv(natsHostPort(c.NATS.URL), cfg), "\n  "))
		return errors.New("hoso setup: the bucket notification is missing (see above)")
	}
	if err != nil {
		return fmt.Errorf("hoso setup: %w", err)
	}
	fmt.Fprintf(m.Stdout, "streams %s (%s), %s, %s, %s; KV %s; consumer %s: ready\n",
		cfg.UploadStream, cfg.UploadSubject, cfg.EventStream, cfg.DeadStream, cfg.AdvisoryStream, cfg.StateBucket, cfg.Consumer)
	if !c.SetupNATSOnly {
		fmt.Fprintf(m.Stdout, "buckets %s, %s: ready; %s notifies %s\n",
			cfg.UploadBucket, cfg.LetterBucket, cfg.UploadBucket, ingest.NotifyARN)
	}
	return nil
}

// natsHostPort returns the first server's host:port of a NATS URL list,
// for the MinIO environment hint.
func natsHostPort(urls string) string {
	first := strings.TrimSpace(strings.Split(urls, ",")[0])
	if i := strings.Index(first, "://"); i >= 0 {
		first = first[i+3:]
	}
	if i := strings.LastIndex(first, "@"); i >= 0 {
		first = first[i+1:]
	}
	if first == "" {
		return "127.0.0.1:4222"
	}
	return first
}

// noBuckets is the store of `setup --nats-only` and `run --nats-only`:
// there are no buckets yet, so making them is left to a later setup.
type noBuckets struct{}

var errNoStore = errors.New("hoso: no object store in this mode")

func (noBuckets) Get(context.Context, string, string) (io.ReadCloser, ingest.ObjectInfo, error) {
	return nil, ingest.ObjectInfo{}, errNoStore
}
func (noBuckets) Stat(context.Context, string, string) (ingest.ObjectInfo, error) {
	return ingest.ObjectInfo{}, errNoStore
}
func (noBuckets) Put(context.Context, string, string, io.Reader, int64, string) (ingest.ObjectInfo, error) {
	return ingest.ObjectInfo{}, errNoStore
}
func (noBuckets) List(context.Context, string, string) iter.Seq2[ingest.ObjectInfo, error] {
	return func(yield func(ingest.ObjectInfo, error) bool) { yield(ingest.ObjectInfo{}, errNoStore) }
}
func (noBuckets) MakeBucket(context.Context, string) error     { return nil }
func (noBuckets) Delete(context.Context, string, string) error { return errNoStore }

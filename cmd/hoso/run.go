package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/hoso-vn/hoso/ingest"
)

const runSummary = `Runs the whole pipeline on this machine with nothing to install: an
in-process NATS server with JetStream (data in <data>/nats), the folder
<data>/uploads as the upload bucket (watched; a file is read once its size
and time stop changing) and <data>/letters as the letter bucket, the same
workers, streams and HTTP API as 'hoso serve'. Drop a dossier into
<data>/uploads/<don-vi>/ and its letter appears under <data>/letters/letters/.

With --s3-endpoint (HOSO_S3_ENDPOINT) it uses that S3 service instead of the
folders; with --nats-url (HOSO_NATS_URL) that NATS instead of its own.`

// Folder-mode bucket names: the folders under --data.
const (
	folderUploads = "uploads"
	folderLetters = "letters"
)

func cmdRun(ctx context.Context, m *Main, args []string) error {
	c, err := m.parseConfig("run", runSummary, withS3|withNATS|withWorker|withHTTP|withEmbedded, args)
	if err != nil {
		return err
	}
	if c.NATSOnly {
		return m.natsOnly(ctx, c)
	}
	data, err := filepath.Abs(c.Data)
	if err != nil {
		return err
	}

	var js jetstream.JetStream
	if c.NATS.URL != "" {
		nc, err := c.NATS.connect("hoso run", 30*time.Second)
		if err != nil {
			return fmt.Errorf("hoso run: %w", err)
		}
		defer closeFlushed(nc)
		js, err = jetstream.New(nc)
		if err != nil {
			return err
		}
	} else {
		_, nc, stop, err := m.embeddedNATS(filepath.Join(data, "nats"), c.NATSListen)
		if err != nil {
			return fmt.Errorf("hoso run: %w", err)
		}
		// Stopped after the workers (deferred first, runs last), so they
		// can ack or nak what they hold.
		defer stop()
		defer closeFlushed(nc)
		js, err = jetstream.New(nc)
		if err != nil {
			return err
		}
		if err := takeOverPending(ctx, js, c.Ingest); err != nil {
			return fmt.Errorf("hoso run: %w", err)
		}
	}

	if c.S3.Endpoint != "" {
		st, err := c.s3Store()
		if err != nil {
			return fmt.Errorf("hoso run: %w", err)
		}
		m.Logger.Info("hoso run: using S3", "endpoint", c.S3.Endpoint,
			"uploads", c.Ingest.UploadBucket, "letters", c.Ingest.LetterBucket)
		return m.pipeline(ctx, c, js, st, nil)
	}

	dir, err := ingest.OpenDir(data)
	if err != nil {
		return fmt.Errorf("hoso run: %w", err)
	}
	defer dir.Close()
	c.Ingest.UploadBucket, c.Ingest.LetterBucket = folderUploads, folderLetters
	for _, b := range []string{folderUploads, folderLetters} {
		if err := os.MkdirAll(dir.BucketPath(b), 0o755); err != nil {
			return err
		}
	}
	api := "(no HTTP API)"
	if c.HTTP != "" {
		api = "http://" + c.HTTP + "/v1/dossiers"
	}
	m.Logger.Info("hoso run: drop dossiers (DOCX, PDF, images, ZIP) into a sub-folder named for the unit",
		"uploads", dir.BucketPath(folderUploads)+string(filepath.Separator)+"<don-vi>"+string(filepath.Separator))
	m.Logger.Info("hoso run: letters and record.json appear under",
		"letters", filepath.Join(dir.BucketPath(folderLetters), "letters")+string(filepath.Separator), "api", api)
	return m.pipeline(ctx, c, js, dir, dir)
}

// takeOverPending makes the work a previous `hoso run` left in flight
// available at once. The embedded server is ours alone, so messages its
// consumer still counts as delivered belong to a process that is gone; but
// JetStream restores them as pending and redelivers only after the ack
// wait (2 minutes), even those nakked during shutdown. Recreating the
// consumer (Setup does it) hands them out again immediately: a work-queue
// stream keeps its messages until they are acked, whatever the consumer.
func takeOverPending(ctx context.Context, js jetstream.JetStream, cfg ingest.Config) error {
	cfg = cfg.WithDefaults()
	err := js.DeleteConsumer(ctx, cfg.UploadStream, cfg.Consumer)
	if err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) && !errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("reset consumer %s: %w", cfg.Consumer, err)
	}
	return nil
}

// embeddedNATS starts the in-process NATS server with JetStream stored in
// storeDir. With listen empty it accepts no network clients at all.
// stop shuts the server down, waits for it, and releases the data folder.
func (m *Main) embeddedNATS(storeDir, listen string) (ns *server.Server, nc *nats.Conn, stop func(), err error) {
	unlock, err := lockData(filepath.Dir(storeDir))
	if err != nil {
		return nil, nil, nil, err
	}
	ns, nc, err = m.startNATS(storeDir, listen)
	if err != nil {
		unlock()
		return nil, nil, nil, err
	}
	return ns, nc, func() { ns.Shutdown(); ns.WaitForShutdown(); unlock() }, nil
}

func (m *Main) startNATS(storeDir, listen string) (*server.Server, *nats.Conn, error) {
	opts := &server.Options{
		ServerName: "hoso-embedded",
		JetStream:  true,
		StoreDir:   storeDir,
		NoSigs:     true, // signals are ours: workers first, then the server
		NoLog:      true,
		DontListen: listen == "",
	}
	if listen != "" {
		host, port, err := net.SplitHostPort(listen)
		if err != nil {
			return nil, nil, fmt.Errorf("--nats-listen %q: %w", listen, err)
		}
		p, err := strconv.Atoi(port)
		if err != nil {
			return nil, nil, fmt.Errorf("--nats-listen %q: bad port", listen)
		}
		opts.Host, opts.Port = host, p
		if err := checkPortFree("--nats-listen", listen); err != nil {
			return nil, nil, err
		}
	}
	ns, err := server.NewServer(opts)
	if err != nil {
		return nil, nil, fmt.Errorf("embedded NATS: %w", err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(30 * time.Second) {
		ns.Shutdown()
		return nil, nil, errors.New("embedded NATS did not start within 30s (store " + storeDir + ")")
	}
	nc, err := nats.Connect("", nats.InProcessServer(ns), nats.Name("hoso run"), nats.MaxReconnects(-1), nats.ReconnectWait(500*time.Millisecond))
	if err != nil {
		ns.Shutdown()
		return nil, nil, fmt.Errorf("embedded NATS: %w", err)
	}
	where := "in-process only"
	if listen != "" {
		where = ns.ClientURL()
	}
	m.Logger.Info("hoso run: embedded NATS with JetStream", "store", storeDir, "clients", where)
	return ns, nc, nil
}

// natsOnly is `hoso run --nats-only`: the embedded server on TCP with the
// streams created, for deploy/dev.sh, where MinIO needs a NATS server and
// the streams before it starts.
func (m *Main) natsOnly(ctx context.Context, c *config) error {
	listen := c.NATSListen
	if listen == "" {
		listen = "127.0.0.1:4222"
	}
	data, err := filepath.Abs(c.Data)
	if err != nil {
		return err
	}
	ns, nc, stop, err := m.embeddedNATS(filepath.Join(data, "nats"), listen)
	if err != nil {
		return fmt.Errorf("hoso run --nats-only: %w", err)
	}
	defer stop()
	defer closeFlushed(nc)
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	cfg := c.Ingest
	cfg.Logger = m.Logger
	if err := ingest.Setup(ctx, js, noBuckets{}, cfg); err != nil {
		return fmt.Errorf("hoso run --nats-only: %w", err)
	}
	m.Logger.Info("hoso run: NATS ready for MinIO and hoso serve", "url", ns.ClientURL())
	<-ctx.Done()
	return nil
}

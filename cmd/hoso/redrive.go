package main

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/hoso-vn/hoso/ingest"
)

const redriveSummary = `Puts dossiers that ran out of deliveries (MinIO or NATS unreachable too
long, LibreOffice stuck) back on the upload stream, after the cause is
fixed. With dossier ids as arguments only those move; 'hoso redrive' alone
moves every dead letter. GET /v1/dossiers?status=dead_letter lists them.`

func cmdRedrive(ctx context.Context, m *Main, args []string) error {
	c, ids, err := m.parseConfigArgs("redrive", redriveSummary, withNATS, args)
	if err != nil {
		return err
	}
	nc, err := c.NATS.connect("hoso redrive", 30*time.Second)
	if err != nil {
		return fmt.Errorf("hoso redrive: %w", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("hoso redrive: %w", err)
	}
	cfg := c.Ingest
	cfg.Logger = m.Logger
	n, err := ingest.Redrive(ctx, js, cfg, ids...)
	fmt.Fprintf(m.Stdout, "re-queued %d dead letter(s)\n", n)
	if err != nil {
		return fmt.Errorf("hoso redrive: %w", err)
	}
	if len(ids) > 0 && n < len(ids) {
		// A script that names dossiers must hear that some were not moved:
		// a typing mistake, or a dossier that is not a dead letter.
		return fmt.Errorf("hoso redrive: %d of the %d dossier ids given are not in the dead-letter stream (GET /v1/dossiers?status=dead_letter lists those that are)", len(ids)-n, len(ids))
	}
	return nil
}

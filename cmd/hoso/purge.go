package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
)

const purgeSummary = `Removes the dossiers that reached a final state longer ago than the
retention period: their upload (when the key still holds that version),
letters, record.json and state. The audit trail stays: its stream refuses
deletion. Each removal is written to the audit trail.

  hoso purge --older-than 1825d [--dry-run]

The period comes from --older-than or HOSO_RETENTION (e.g. 8760h, 1825d);
without either, purge refuses to run. Run it from cron or a Kubernetes
CronJob. Reaches the stores as 'hoso serve' does (HOSO_S3_*, HOSO_NATS_*),
or, without --nats-url, the embedded mode's --data folder while 'hoso run'
is stopped.`

func cmdPurge(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("purge")
	fs.Usage = func() { fmt.Fprintln(m.Stderr, "usage:\n"+purgeSummary+"\n\nflags:"); printFlags(fs, nil) }
	olderThan := fs.String("older-than", m.Getenv("HOSO_RETENTION"), "retention period: dossiers final for longer are removed [HOSO_RETENTION]")
	dry := fs.Bool("dry-run", false, "list what would be removed, remove nothing")
	c, js, closeFn, rest, err := m.cliConn(fs, args, withS3)
	if err != nil {
		return fmt.Errorf("hoso purge: %w", err)
	}
	defer closeFn()
	if len(rest) > 0 {
		return fmt.Errorf("hoso purge: unexpected arguments %q", rest)
	}
	keep, err := parseRetention(*olderThan)
	if err != nil {
		return fmt.Errorf("hoso purge: --older-than: %w", err)
	}
	var st ingest.Store
	cfg := c.Ingest
	if c.S3.Endpoint != "" {
		if st, err = c.s3Store(); err != nil {
			return fmt.Errorf("hoso purge: %w", err)
		}
	} else {
		data, _ := filepath.Abs(c.Data)
		if _, err := os.Stat(filepath.Join(data, folderUploads)); err != nil {
			return fmt.Errorf("hoso purge: no S3 endpoint and no %s: %w", filepath.Join(data, folderUploads), err)
		}
		dir, err := ingest.OpenDir(data)
		if err != nil {
			return fmt.Errorf("hoso purge: %w", err)
		}
		defer dir.Close()
		st = dir
		cfg.UploadBucket, cfg.LetterBucket = folderUploads, folderLetters
	}
	people, err := m.accessStore(ctx, c, js)
	if err != nil {
		return err
	}
	before := time.Now().Add(-keep)
	purged, err := ingest.Purge(ctx, js, st, cfg, before, *dry)
	for _, p := range purged {
		verb := "removed"
		if *dry {
			verb = "would remove"
		} else if aerr := people.Record(ctx, access.Entry{Action: access.ActPurge, Via: "cli", Dossier: p.ID, Unit: p.Origin}); aerr != nil {
			err = errors.Join(err, aerr)
		}
		fmt.Fprintf(m.Stdout, "%s\t%s\t%s\t%s\tsource=%v outputs=%d\n", verb, p.ID, p.Status, p.Updated.Format(time.DateOnly), p.Source, p.Outputs)
	}
	fmt.Fprintf(m.Stdout, "%d dossiers final before %s\n", len(purged), before.Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("hoso purge: %w", err)
	}
	return nil
}

// parseRetention reads a Go duration or a number of days ("1825d").
func parseRetention(s string) (time.Duration, error) {
	if s == "" {
		return 0, errors.New("no retention period: give --older-than or HOSO_RETENTION (e.g. 1825d)")
	}
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, fmt.Errorf("%q: %w", s, err)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, err
		}
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q: the period must be positive", s)
	}
	return d, nil
}

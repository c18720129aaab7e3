package main

import (
	"context"
	"fmt"
	"time"

	"github.com/hoso-vn/hoso/ingest"
)

const reprocessSummary = `Re-queues finished dossiers (rendered or failed) so they are read,
validated and rendered again: after a change of the rule set, the issuer
profile or the readers. Their letters are overwritten in place.

  hoso reprocess ID...                 those dossiers
  hoso reprocess --all [--since WHEN]  every finished dossier (since WHEN:
                                       RFC 3339, YYYY-MM-DD, or a duration back such as 72h)

Reaches NATS as 'hoso users' does: --nats-url (HOSO_NATS_URL), or the
embedded NATS of --data while 'hoso run' is stopped (the dossiers are done
when it starts again). Exit status 2 when an id is unknown or not finished.`

func cmdReprocess(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("reprocess")
	fs.Usage = func() { fmt.Fprintln(m.Stderr, "usage:\n"+reprocessSummary+"\n\nflags:"); printFlags(fs, nil) }
	all := fs.Bool("all", false, "every finished dossier (with --since, those finished since then)")
	since := fs.String("since", "", "with --all: only dossiers finished since then (RFC 3339, YYYY-MM-DD, or a duration back such as 72h)")
	c, js, closeFn, ids, err := m.cliConn(fs, args, 0)
	if err != nil {
		return fmt.Errorf("hoso reprocess: %w", err)
	}
	defer closeFn()
	switch {
	case *all == (len(ids) > 0):
		fs.Usage()
		return usageErrorf("hoso reprocess: give dossier ids or --all, not both or neither")
	case *since != "" && !*all:
		return usageErrorf("hoso reprocess: --since goes with --all")
	}
	var from time.Time
	if *since != "" {
		if from, err = cliTime(*since); err != nil {
			return usageErrorf("hoso reprocess: --since %q: %v", *since, err)
		}
	}
	for _, id := range ids {
		if !ingest.ValidID(id) {
			return usageErrorf("hoso reprocess: %q is not a dossier id (24 characters a–z, 2–7)", id)
		}
	}
	cfg := c.Ingest
	cfg.Logger = m.Logger
	done, err := ingest.Reprocess(ctx, js, cfg, from, ids...)
	for _, id := range done {
		fmt.Fprintln(m.Stdout, id)
	}
	fmt.Fprintf(m.Stderr, "re-queued %d dossier(s)\n", len(done))
	if err != nil {
		return fmt.Errorf("hoso reprocess: %w", err)
	}
	return nil
}

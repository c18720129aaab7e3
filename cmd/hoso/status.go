package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/hoso-vn/hoso/ingest"
)

const statusSummary = `Answers "what happened to this file?": for a dossier id, or for a file
(a path in the upload folder of 'hoso run', or an object key such as
chi-bo-a/ho-so.docx), every dossier made from it with its state, verdict,
error, letter keys and the states it went through. Logs name dossiers by id
and never a file name; this is where an id meets its file.

  hoso status ID|PATH|KEY ...

Reaches NATS as 'hoso users' does. Exit status 2 when nothing is known of it.`

func cmdStatus(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("status")
	fs.Usage = func() { fmt.Fprintln(m.Stderr, "usage:\n"+statusSummary+"\n\nflags:"); printFlags(fs, nil) }
	c, js, closeFn, rest, err := m.cliConn(fs, args, 0)
	if err != nil {
		return fmt.Errorf("hoso status: %w", err)
	}
	defer closeFn()
	if len(rest) == 0 {
		fs.Usage()
		return usageErrorf("hoso status: which dossier id or file?")
	}
	cfg := c.Ingest
	for _, arg := range rest {
		var states []*ingest.State
		if ingest.ValidID(arg) {
			if hist, err := ingest.History(ctx, js, cfg, arg); err == nil && len(hist) > 0 {
				st := hist[len(hist)-1]
				states = []*ingest.State{&st}
			}
		}
		if states == nil {
			key := uploadKey(c.Data, arg)
			if states, err = ingest.ByKey(ctx, js, cfg, key); err != nil {
				return fmt.Errorf("hoso status: %w", err)
			}
			if len(states) == 0 {
				return fmt.Errorf("hoso status: nothing known of %q (key %q): not uploaded, or not seen yet", arg, key)
			}
		}
		for _, st := range states {
			hist, _ := ingest.History(ctx, js, cfg, st.ID)
			printStatus(m.Stdout, st, hist)
		}
	}
	return nil
}

// uploadKey turns a path inside the upload folder of the embedded mode
// into its object key; anything else is taken as a key already.
func uploadKey(data, arg string) string {
	uploads, err1 := filepath.Abs(filepath.Join(data, "uploads"))
	abs, err2 := filepath.Abs(arg)
	if _, err := os.Stat(arg); err == nil && err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(uploads, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(arg)
}

func printStatus(w io.Writer, st *ingest.State, hist []ingest.State) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s\t%s\n", k, v)
		}
	}
	row("dossier", st.ID)
	row("file", st.Bucket+"/"+st.Key)
	row("status", string(st.Status))
	row("verdict", string(st.Verdict))
	if st.Error != nil {
		row("error", string(st.Error.Code)+": "+st.Error.Message+" / "+st.Error.English)
	}
	row("letter", strings.TrimSpace(st.DOCX+" "+st.PDF))
	row("record", st.Record)
	row("duplicate of", st.DuplicateOf)
	row("superseded by", st.SupersededBy)
	for _, r := range st.Review {
		row("to review", r)
	}
	if st.Deliveries > 1 {
		row("deliveries", fmt.Sprint(st.Deliveries))
	}
	row("created", st.Created.Local().Format(time.DateTime))
	row("updated", st.Updated.Local().Format(time.DateTime))
	for i, h := range hist {
		label := ""
		if i == 0 {
			label = "history"
		}
		line := h.Updated.Local().Format(time.DateTime) + "  " + string(h.Status)
		if h.Verdict != "" {
			line += " " + string(h.Verdict)
		}
		if h.Error != nil {
			line += " (" + string(h.Error.Code) + ")"
		}
		row(label, line)
	}
	tw.Flush()
	fmt.Fprintln(w)
}

package ingest

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestReprocess: a rendered dossier goes through the pipeline again (the
// processor is called anew, same id, same letter key), by id and by
// --since; an unknown id is an error naming it.
func TestReprocess(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, nil)
	h.run()
	u := h.upload("chi-bo-a/x.docx", "ho so")
	first := h.wait(u.ID(), final)
	if first.Status != StatusRendered {
		t.Fatalf("first run: %+v", first)
	}
	calls := p.calls.Load()
	ctx := context.Background()
	ids, err := Reprocess(ctx, h.js, h.cfg, time.Time{}, u.ID())
	if err != nil || len(ids) != 1 {
		t.Fatalf("Reprocess: %v %v", ids, err)
	}
	again := h.wait(u.ID(), func(st *State) bool { return final(st) && st.Updated.After(first.Updated) })
	if p.calls.Load() != calls+1 || again.DOCX != first.DOCX || again.Status != StatusRendered {
		t.Errorf("reprocessed: calls %d→%d, %+v", calls, p.calls.Load(), again)
	}
	if ids, err := Reprocess(ctx, h.js, h.cfg, time.Now().Add(time.Hour)); err != nil || len(ids) != 0 {
		t.Errorf("--since in the future: %v %v", ids, err)
	}
	if ids, err := Reprocess(ctx, h.js, h.cfg, again.Updated.Add(-time.Second)); err != nil || len(ids) != 1 {
		t.Errorf("--since before it: %v %v", ids, err)
	}
	h.wait(u.ID(), final)
	if _, err := Reprocess(ctx, h.js, h.cfg, time.Time{}, "aaaaaaaaaaaaaaaaaaaaaaaa"); !errors.Is(err, ErrNotFinished) {
		t.Errorf("unknown id: %v", err)
	}
}

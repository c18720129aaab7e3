package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestPurge: dossiers past retention lose their upload, letters, record and
// state; younger ones keep everything; the reconciler does not bring the
// purged ones back.
func TestPurge(t *testing.T) {
	h := newHarness(t, &echo{}, nil)
	h.run()
	ctx := context.Background()
	old := h.upload("chi-bo-a/cũ.docx", "CŨ")
	h.wait(old.ID(), final)
	time.Sleep(10 * time.Millisecond)
	cut := time.Now()
	young := h.upload("chi-bo-a/mới.docx", "MỚI")
	h.wait(young.ID(), final)

	dry, err := Purge(ctx, h.js, h.dir, h.cfg, cut, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(dry) != 1 || dry[0].ID != old.ID() || !dry[0].Source || dry[0].Outputs < 2 {
		t.Fatalf("dry run: %+v", dry)
	}
	if _, err := h.svc.States().Get(ctx, old.ID()); err != nil {
		t.Fatalf("dry run removed the state: %v", err)
	}
	got, err := Purge(ctx, h.js, h.dir, h.cfg, cut, false)
	if err != nil || len(got) != 1 {
		t.Fatalf("purge: %+v %v", got, err)
	}
	if _, err := h.svc.States().Get(ctx, old.ID()); !errors.Is(err, ErrNotFound) {
		t.Errorf("state after purge: %v", err)
	}
	if _, err := h.dir.Stat(ctx, h.cfg.UploadBucket, old.Key); !errors.Is(err, ErrNotFound) {
		t.Errorf("upload after purge: %v", err)
	}
	for _, k := range h.letters() {
		if strings.Contains(k, old.ID()) {
			t.Errorf("output left: %s", k)
		}
	}
	if _, err := h.svc.States().Get(ctx, young.ID()); err != nil {
		t.Errorf("young dossier purged: %v", err)
	}
	if n, err := h.svc.Reconcile(ctx); err != nil || n != 0 {
		t.Errorf("reconcile after purge queued %d (%v)", n, err)
	}
	// The same bytes again are a new first dossier, not a duplicate of a
	// purged one.
	again := h.upload("chi-bo-b/cũ.docx", "CŨ")
	if st := h.wait(again.ID(), final); st.Status != StatusRendered {
		t.Errorf("re-upload after purge: %+v", st)
	}
}

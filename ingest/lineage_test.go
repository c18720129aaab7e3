package ingest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLineage: no stored source is silently replaced. The same bytes under
// another name are a duplicate of the first dossier (no second letter); a
// file replaced in place supersedes its old dossier; a deleted file
// withdraws its dossier and keeps its letter, and coming back restores it.
func TestLineage(t *testing.T) {
	h := newHarness(t, &echo{}, nil)
	h.run()
	ctx := context.Background()

	first := h.upload("chi-bo-a/đơn.docx", "NỘI DUNG 1")
	st1 := h.wait(first.ID(), final)
	if st1.Status != StatusRendered || len(st1.SHA256) != 64 {
		t.Fatalf("first: %+v", st1)
	}
	same := h.upload("chi-bo-b/bản sao.docx", "NỘI DUNG 1")
	dup := h.wait(same.ID(), final)
	if dup.Status != StatusDuplicate || dup.DuplicateOf != first.ID() || dup.DOCX != "" || dup.SHA256 != st1.SHA256 {
		t.Errorf("same bytes under another name: %+v", dup)
	}
	for _, k := range h.letters() {
		if strings.Contains(k, same.ID()) {
			t.Errorf("a duplicate got a letter: %s", k)
		}
	}

	// Replaced in place (a folder drop over the old file).
	v2 := h.upload("chi-bo-a/đơn.docx", "NỘI DUNG 2")
	if v2.ID() == first.ID() {
		t.Fatal("a new version kept the id")
	}
	h.wait(v2.ID(), final)
	if _, err := h.svc.Reconcile(ctx); err != nil {
		t.Fatal(err)
	}
	old, _ := h.svc.States().Get(ctx, first.ID())
	if old.Status != StatusSuperseded || old.SupersededBy != v2.ID() || old.DOCX == "" {
		t.Errorf("replaced file's dossier: %+v", old)
	}

	// Deleted, then put back unchanged.
	path := filepath.Join(h.dir.BucketPath(h.cfg.UploadBucket), "chi-bo-a", "đơn.docx")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	h.svc.Reconcile(ctx)
	w, _ := h.svc.States().Get(ctx, v2.ID())
	if w.Status != StatusWithdrawn || w.Before != StatusRendered || w.Withdrawn.IsZero() || !slices.Contains(h.letters(), w.DOCX) {
		t.Errorf("deleted file's dossier: %+v (letters %v)", w, h.letters())
	}
	put(t, h.dir, h.cfg.UploadBucket, "chi-bo-a/đơn.docx", "NỘI DUNG 2")
	h.svc.Reconcile(ctx)
	if back, _ := h.svc.States().Get(ctx, v2.ID()); back.Status != StatusRendered || back.Before != "" {
		t.Errorf("restored file's dossier: %+v", back)
	}

	// A withdrawn first dossier hands its content over to the next upload.
	os.Remove(filepath.Join(h.dir.BucketPath(h.cfg.UploadBucket), "chi-bo-b", "bản sao.docx"))
	h.svc.Reconcile(ctx) // the duplicate is withdrawn, the first superseded
	third := h.upload("chi-bo-c/lại.docx", "NỘI DUNG 2")
	if st := h.wait(third.ID(), final); st.Status != StatusDuplicate || st.DuplicateOf != v2.ID() {
		t.Errorf("same bytes as a live dossier: %+v", st)
	}
}

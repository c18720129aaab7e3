package ingest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestReconcileQueuesObjectsWithoutState(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, nil)
	ctx := context.Background()
	// Uploaded while nothing listened: no events at all.
	var keys []string
	for _, k := range []string{"chi-bo-1/a.docx", "chi-bo-2/b.docx", "c.docx"} {
		put(t, h.dir, "hoso-uploads", k, "body of "+k)
		keys = append(keys, k)
	}
	time.Sleep(h.cfg.Settle + 50*time.Millisecond)
	// A file still being written is left for the next pass.
	put(t, h.dir, "hoso-uploads", "chi-bo-1/new.docx", "young")

	n, err := h.svc.Reconcile(ctx)
	if err != nil || n != 3 {
		t.Fatalf("Reconcile = %d, %v; want 3", n, err)
	}
	// A second pass before any worker ran finds their messages in the
	// queue and queues nothing (MinIO's events carry no Nats-Msg-Id, so
	// the duplicate window alone would not catch a restart's pass).
	if n, _ := h.svc.Reconcile(ctx); n != 0 {
		t.Fatalf("second Reconcile = %d, want 0: all three wait in the queue", n)
	}
	if q := h.queued(); q != 3 {
		t.Errorf("%d messages queued, want 3", q)
	}
	h.run()
	for _, k := range keys {
		info, _ := h.dir.Stat(ctx, "hoso-uploads", k)
		h.wait(DossierID("hoso-uploads", k, info.ETag, ""), final)
	}
	time.Sleep(h.cfg.Settle)
	n, err = h.svc.Reconcile(ctx)
	if err != nil || n != 1 {
		t.Fatalf("Reconcile after processing = %d, %v; want 1 (the young file)", n, err)
	}
	info, _ := h.dir.Stat(ctx, "hoso-uploads", "chi-bo-1/new.docx")
	h.wait(DossierID("hoso-uploads", "chi-bo-1/new.docx", info.ETag, ""), final)
	if n, _ := h.svc.Reconcile(ctx); n != 0 {
		t.Errorf("Reconcile with everything done = %d, want 0", n)
	}
	if c := p.calls.Load(); c != 4 {
		t.Errorf("processor ran %d times, want 4", c)
	}
}

func TestReconcileOnStart(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, func(c *Config) { c.ReconcileEvery = 200 * time.Millisecond })
	put(t, h.dir, "hoso-uploads", "x/before.docx", "uploaded before the rule existed")
	h.run()
	time.Sleep(h.cfg.Settle)
	info, _ := h.dir.Stat(context.Background(), "hoso-uploads", "x/before.docx")
	st := h.wait(DossierID("hoso-uploads", "x/before.docx", info.ETag, ""), final)
	if st.Status != StatusRendered {
		t.Fatalf("state %+v", st)
	}
}

// recorder collects what a Watcher enqueues.
type recorder struct {
	mu  sync.Mutex
	ups []Upload
	at  []time.Time
}

func (r *recorder) enqueue(_ context.Context, u Upload) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ups = append(r.ups, u)
	r.at = append(r.at, time.Now())
	return nil
}

func (r *recorder) get() []Upload {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Upload(nil), r.ups...)
}

func TestWatcherWaitsForStableFiles(t *testing.T) {
	d := openDir(t)
	rec := &recorder{}
	known := map[string]bool{}
	w := &Watcher{Dir: d, Bucket: "hoso-uploads", Settle: time.Second, Scan: time.Hour,
		Enqueue: rec.enqueue,
		Known:   func(_ context.Context, id string) (bool, error) { return known[id], nil }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	// A file processed before a restart is not queued again.
	d.MakeBucket(ctx, "hoso-uploads")
	old := put(t, d, "hoso-uploads", "old.docx", "done before")
	known[DossierID("hoso-uploads", "old.docx", old.ETag, "")] = true
	go func() { done <- w.Run(ctx) }()
	defer func() { cancel(); <-done }()
	time.Sleep(100 * time.Millisecond)

	// A slow copy into a new sub-folder: a chunk every 100 ms, well under
	// Settle, so the file must not be announced until the copy ends.
	dir := filepath.Join(d.BucketPath("hoso-uploads"), "chi bộ 5")
	os.MkdirAll(dir, 0o755)
	p := filepath.Join(dir, "hồ sơ.pdf")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	var lastWrite time.Time
	for i := range 6 {
		f.Write([]byte("chunk "))
		f.Sync()
		lastWrite = time.Now()
		time.Sleep(100 * time.Millisecond)
		if got := rec.get(); len(got) != 0 {
			t.Fatalf("announced after chunk %d, while still being written: %+v", i, got)
		}
	}
	f.Close()
	deadline := time.Now().Add(5 * time.Second)
	for len(rec.get()) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	got := rec.get()
	if len(got) != 1 {
		t.Fatalf("announced %d uploads, want 1: %+v", len(got), got)
	}
	u := got[0]
	info, _ := d.Stat(ctx, "hoso-uploads", "chi bộ 5/hồ sơ.pdf")
	if u.Key != "chi bộ 5/hồ sơ.pdf" || u.Size != 36 || u.ETag != info.ETag || !u.Acts() || u.Origin() != "chi bộ 5" {
		t.Errorf("upload %+v", u)
	}
	if wait := rec.at[0].Sub(lastWrite); wait < 950*time.Millisecond {
		t.Errorf("announced %v after the last write, want at least the settle delay", wait)
	}
	// Editor lock files and our temporaries are never announced; a
	// replaced file is announced again with its new ETag.
	os.WriteFile(filepath.Join(dir, "~$hồ sơ.docx"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hoso-tmp-123"), []byte("tmp"), 0o644)
	put(t, d, "hoso-uploads", "chi bộ 5/hồ sơ.pdf", "replaced")
	deadline = time.Now().Add(5 * time.Second)
	for len(rec.get()) < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(1500 * time.Millisecond)
	got = rec.get()
	if len(got) != 2 || got[1].Key != "chi bộ 5/hồ sơ.pdf" || got[1].ETag == u.ETag {
		t.Errorf("after replace: %+v", got)
	}
}

func TestWatcherScanFindsWhatEventsMissed(t *testing.T) {
	d := openDir(t)
	ctx, cancel := context.WithCancel(context.Background())
	d.MakeBucket(ctx, "hoso-uploads")
	put(t, d, "hoso-uploads", "a/present.docx", "present at start")
	rec := &recorder{}
	w := &Watcher{Dir: d, Bucket: "hoso-uploads", Settle: 100 * time.Millisecond, Scan: 300 * time.Millisecond,
		Enqueue: rec.enqueue, Known: func(context.Context, string) (bool, error) { return false, nil }}
	done := make(chan error)
	go func() { done <- w.Run(ctx) }()
	defer func() { cancel(); <-done }()
	deadline := time.Now().Add(5 * time.Second)
	for len(rec.get()) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := rec.get(); len(got) != 1 || got[0].Key != "a/present.docx" {
		t.Fatalf("files present at start: %+v", got)
	}
	// Several scans later, still one announcement.
	time.Sleep(time.Second)
	if got := rec.get(); len(got) != 1 {
		t.Errorf("announced again by later scans: %+v", got)
	}
}

func TestWatcherFeedsService(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, nil)
	h.run()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- h.svc.Watcher(h.dir).Run(ctx) }()
	defer func() { cancel(); <-done }()
	time.Sleep(100 * time.Millisecond)
	os.MkdirAll(filepath.Join(h.dir.BucketPath("hoso-uploads"), "chi-bo-9"), 0o755)
	os.WriteFile(filepath.Join(h.dir.BucketPath("hoso-uploads"), "chi-bo-9", "dropped.docx"), []byte("dropped"), 0o644)
	info := func() ObjectInfo {
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			if i, err := h.dir.Stat(ctx, "hoso-uploads", "chi-bo-9/dropped.docx"); err == nil {
				return i
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Fatal("file not there")
		return ObjectInfo{}
	}()
	st := h.wait(DossierID("hoso-uploads", "chi-bo-9/dropped.docx", info.ETag, ""), final)
	if st.Status != StatusRendered || string(h.read(st.DOCX)) != "LETTER:dropped" {
		t.Fatalf("state %+v", st)
	}
}

func TestReconcileRequeuesStuckDossier(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, func(c *Config) { c.AckWait = time.Second; c.MaxDeliver = 2 })
	ctx := context.Background()
	info := put(t, h.dir, "hoso-uploads", "x/stuck.docx", "stuck")
	id := DossierID("hoso-uploads", "x/stuck.docx", info.ETag, "")
	// A state left "extracting" with no message anywhere (the queue was
	// purged, say).
	st := &State{ID: id, Status: StatusExtracting, Bucket: "hoso-uploads", Key: "x/stuck.docx", ETag: info.ETag}
	if err := h.svc.States().save(ctx, st); err != nil {
		t.Fatal(err)
	}
	time.Sleep(h.cfg.Settle)
	if n, _ := h.svc.Reconcile(ctx); n != 0 {
		t.Fatalf("a fresh in-progress dossier was re-queued (%d)", n)
	}
	// Age the state past every delivery and backoff.
	b, _ := json.Marshal(State{ID: id, Status: StatusExtracting, Bucket: "hoso-uploads", Key: "x/stuck.docx",
		ETag: info.ETag, Updated: time.Now().Add(-time.Hour)})
	kv, _ := h.js.KeyValue(ctx, h.cfg.StateBucket)
	kv.Put(ctx, id, b)
	if n, err := h.svc.Reconcile(ctx); n != 1 || err != nil {
		t.Fatalf("Reconcile = %d, %v; want the stuck dossier re-queued", n, err)
	}
	h.run()
	if st := h.wait(id, final); st.Status != StatusRendered {
		t.Fatalf("state %+v", st)
	}
}

// TestReconcileSkipsQueuedMinIOEvents: an upload whose MinIO event (no
// Nats-Msg-Id) waits in the queue, behind a backlog, is not queued a
// second time by the reconciler of a restarting instance.
func TestReconcileSkipsQueuedMinIOEvents(t *testing.T) {
	h := newHarness(t, &echo{}, nil)
	ctx := context.Background()
	info := put(t, h.dir, "hoso-uploads", "chi-bo-1/a.docx", "body")
	time.Sleep(h.cfg.Settle + 50*time.Millisecond)
	h.publish(Upload{EventName: "s3:ObjectCreated:Put", Bucket: "hoso-uploads", Key: info.Key, Size: info.Size, ETag: info.ETag})
	if n, err := h.svc.Reconcile(ctx); err != nil || n != 0 {
		t.Fatalf("Reconcile = %d, %v; want 0: the event waits in the queue", n, err)
	}
	if q := h.queued(); q != 1 {
		t.Errorf("%d messages queued, want 1", q)
	}
}

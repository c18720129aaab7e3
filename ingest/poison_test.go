package ingest

import (
	"context"
	"fmt"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/sandbox"
)

// A file whose parsing child is killed from outside its limits each time
// is read MaxCrashes times, then rejected and its message terminated.
func TestPoisonPillChildKilled(t *testing.T) {
	p := &echo{}
	p.setFail(func(n int32, in Input) error {
		return hoso.Wrap(fmt.Errorf("%w (signal killed)", sandbox.ErrCrashed), hoso.ETRANSIENT, "bị dừng", "killed")
	})
	h := newHarness(t, p, func(c *Config) { c.MaxDeliver = 6 })
	h.run()
	u := h.upload("x/poison.pdf", "poison")
	st := h.wait(u.ID(), final)
	if st.Status != StatusFailed || st.Verdict != hoso.VerdictRejected || st.Error == nil || st.Error.Code != hoso.EUNREADABLE {
		t.Fatalf("state %+v, want failed/rejected unreadable", st)
	}
	if st.Crashes != 2 || p.calls.Load() != 2 {
		t.Errorf("crashes %d, processor calls %d; want 2 and 2", st.Crashes, p.calls.Load())
	}
	if st.Error.Message == "" || st.Error.English == "" {
		t.Errorf("reason not bilingual: %+v", st.Error)
	}
	if n := h.queued(); n != 0 {
		t.Errorf("%d messages still queued: the poison pill was not terminated", n)
	}
}

// A worker process that died while reading leaves the count raised in KV
// (here written as it would be left): the next deliveries read again
// until the count reaches MaxCrashes, then reject without reading.
func TestPoisonPillAfterProcessCrash(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, nil)
	ctx := context.Background()
	info := put(t, h.dir, h.cfg.UploadBucket, "x/crash.pdf", "crash")
	u := Upload{EventName: "s3:ObjectCreated:Put", Bucket: h.cfg.UploadBucket, Key: "x/crash.pdf", Size: info.Size, ETag: info.ETag}
	st := &State{ID: u.ID(), Status: StatusExtracting, Origin: u.Origin(), Bucket: u.Bucket, Key: u.Key, ETag: u.ETag,
		Deliveries: 2, Crashes: 2}
	if err := h.svc.States().save(ctx, st); err != nil {
		t.Fatal(err)
	}
	h.run()
	h.publish(u)
	got := h.wait(u.ID(), final)
	if got.Status != StatusFailed || got.Error == nil || got.Error.Code != hoso.EUNREADABLE {
		t.Fatalf("state %+v, want failed", got)
	}
	if n := p.calls.Load(); n != 0 {
		t.Errorf("processor ran %d times on a poison pill", n)
	}

	// One crash is forgiven: the file is read again and the count lowered.
	u2 := Upload{EventName: "s3:ObjectCreated:Put", Bucket: h.cfg.UploadBucket, Key: "x/once.docx"}
	info = put(t, h.dir, h.cfg.UploadBucket, u2.Key, "fine")
	u2.Size, u2.ETag = info.Size, info.ETag
	st = &State{ID: u2.ID(), Status: StatusExtracting, Origin: u2.Origin(), Bucket: u2.Bucket, Key: u2.Key, ETag: u2.ETag, Crashes: 1}
	if err := h.svc.States().save(ctx, st); err != nil {
		t.Fatal(err)
	}
	h.publish(u2)
	got = h.wait(u2.ID(), final)
	if got.Status != StatusRendered || got.Crashes != 1 {
		t.Fatalf("state %+v, want rendered with the one crash kept", got)
	}
}

// Clean ends — done, rejected, transient retry — leave no crash counted.
func TestNoCrashCountedOnCleanEnds(t *testing.T) {
	p := &echo{}
	p.setFail(func(n int32, in Input) error {
		if n == 1 {
			return errTransient
		}
		return nil
	})
	h := newHarness(t, p, nil)
	h.run()
	u := h.upload("x/ok.docx", "ok")
	b := h.upload("x/bad.docx", "BROKEN")
	for _, id := range []string{u.ID(), b.ID()} {
		if st := h.wait(id, final); st.Crashes != 0 {
			t.Errorf("%s: crashes %d after clean ends", st.Status, st.Crashes)
		}
	}
}

package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
)

func TestServiceCompletesDossier(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, nil)
	h.run()
	u := h.upload("chi-bo-van-phong/2025/hồ sơ số 7.docx", "content A")
	id := u.ID()
	st := h.wait(id, final)

	prefix := "letters/chi-bo-van-phong/" + id + "/"
	if st.Status != StatusRendered || st.Verdict != hoso.VerdictEligible || st.LetterKind != hoso.LetterEligible ||
		st.DOCX != prefix+"eligible.docx" || st.Record != prefix+"record.json" || st.Origin != "chi-bo-van-phong" ||
		st.Key != u.Key || st.Error != nil {
		t.Fatalf("state %+v", st)
	}
	if got := string(h.read(st.DOCX)); got != "LETTER:content A" {
		t.Errorf("letter = %q", got)
	}
	var rec hoso.Record
	if err := json.Unmarshal(h.read(st.Record), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.DossierID != id || rec.Letter == nil || rec.Letter.DOCX != st.DOCX || rec.Source.Bucket != "hoso-uploads" ||
		rec.Source.Key != u.Key || rec.Source.ETag != u.ETag || rec.Schema != hoso.Schema {
		t.Errorf("record.json: %+v letter %+v", rec, rec.Letter)
	}

	evs := h.events()
	if len(evs) != 1 {
		t.Fatalf("%d events, want 1", len(evs))
	}
	e := evs[0]
	if e.SpecVersion != "1.0" || e.ID != id || e.Type != TypeCompleted || e.Source != "/hoso/test" ||
		e.Subject != id || e.DataRef != st.DOCX || e.DataContentType != "application/json" || e.Time.IsZero() ||
		e.Data.Verdict != hoso.VerdictEligible || e.Data.Origin != "chi-bo-van-phong" {
		t.Errorf("event %+v", e)
	}
	raw, _ := json.Marshal(e)
	if strings.Contains(string(raw), "Nguyễn Văn A") {
		t.Error("the event carries the candidate's name")
	}
	if n := h.queued(); n != 0 {
		t.Errorf("%d messages left in the work queue", n)
	}
	// The letter date is the upload's modification time in Vietnam.
	info, _ := h.dir.Stat(context.Background(), "hoso-uploads", u.Key)
	if want := hoso.DateOf(info.ModTime.In(h.cfg.Location)); p.dates[0] != want {
		t.Errorf("letter date %v, want %v", p.dates[0], want)
	}
}

func TestRedeliveryMakesNoSecondLetter(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, nil)
	h.run()
	u := h.upload("chi-bo-1/hồ sơ.docx", "same content")
	h.wait(u.ID(), final)
	// MinIO's at-least-once delivery, and tagging of the same object.
	h.publish(u)
	h.publish(u)
	tag := u
	tag.EventName = "s3:ObjectCreated:PutTagging"
	h.publish(tag)
	deadline := time.Now().Add(10 * time.Second)
	for h.queued() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if h.queued() != 0 {
		t.Fatal("redelivered messages were not acked")
	}
	if n := p.calls.Load(); n != 1 {
		t.Errorf("processor ran %d times, want 1", n)
	}
	if evs := h.events(); len(evs) != 1 {
		t.Errorf("%d events, want 1", len(evs))
	}
	if keys := h.letters(); len(keys) != 2 { // eligible.docx + record.json
		t.Errorf("letter bucket holds %q", keys)
	}
}

func TestSameEventConcurrently(t *testing.T) {
	// Two copies of one event queued before any worker runs: both workers
	// may pick one up at once; the state's compare-and-set lets one through.
	p := &echo{}
	h := newHarness(t, p, func(c *Config) { c.Workers = 4 })
	u := h.upload("x/a.docx", "concurrent")
	for range 5 {
		h.publish(u)
	}
	h.run()
	h.wait(u.ID(), final)
	deadline := time.Now().Add(15 * time.Second)
	for h.queued() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if h.queued() != 0 {
		t.Fatal("messages left")
	}
	if evs := h.events(); len(evs) != 1 {
		t.Errorf("%d events, want 1 (Nats-Msg-Id dedup)", len(evs))
	}
	if n := p.calls.Load(); n < 1 || n > 5 {
		t.Errorf("processor ran %d times", n)
	}
}

func TestTransientErrorRetries(t *testing.T) {
	p := &echo{}
	p.setFail(func(n int32, in Input) error {
		if n <= 2 {
			return errTransient
		}
		return nil
	})
	h := newHarness(t, p, nil)
	h.run()
	u := h.upload("x/retry.docx", "retry me")
	st := h.wait(u.ID(), final)
	if st.Status != StatusRendered || st.Deliveries != 3 || st.Error != nil {
		t.Fatalf("state %+v, want rendered on delivery 3", st)
	}
	if n := p.calls.Load(); n != 3 {
		t.Errorf("processor ran %d times, want 3", n)
	}
	// Same deterministic date on every delivery.
	if p.dates[0] != p.dates[2] {
		t.Errorf("letter date changed between deliveries: %v %v", p.dates[0], p.dates[2])
	}
}

func TestPermanentErrorFails(t *testing.T) {
	for _, tc := range []struct {
		name string
		proc func(*echo)
		body string
		code hoso.ErrorCode
	}{
		{"rejected record", nil, "BROKEN file", hoso.EUNREADABLE},
		{"processor error", func(p *echo) {
			p.setFail(func(int32, Input) error {
				return hoso.Errorf(hoso.EENCRYPTED, "tệp có mật khẩu", "password-protected")
			})
		}, "locked", hoso.EENCRYPTED},
		{"panic", func(p *echo) {
			p.setFail(func(int32, Input) error { panic("parser bug") })
		}, "boom", hoso.EINTERNAL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &echo{}
			if tc.proc != nil {
				tc.proc(p)
			}
			h := newHarness(t, p, nil)
			h.run()
			u := h.upload("chi-bo-2/bad.pdf", tc.body)
			st := h.wait(u.ID(), final)
			if st.Status != StatusFailed || st.Verdict != hoso.VerdictRejected || st.Error == nil ||
				st.Error.Code != tc.code || st.Error.Message == "" || st.Error.English == "" || st.DOCX != "" {
				t.Fatalf("state %+v error %+v", st, st.Error)
			}
			var rec hoso.Record
			json.Unmarshal(h.read(st.Record), &rec)
			if rec.Verdict != hoso.VerdictRejected || rec.Error == nil || rec.Error.Code != tc.code || rec.Letter != nil {
				t.Errorf("record.json %+v", rec)
			}
			evs := h.events()
			if len(evs) != 1 || evs[0].Type != TypeFailed || evs[0].DataRef != st.Record || evs[0].Data.Error == nil {
				t.Errorf("events %+v", evs)
			}
			time.Sleep(300 * time.Millisecond) // longer than any backoff: no redelivery
			if h.queued() != 0 || p.calls.Load() != 1 {
				t.Errorf("terminated message: queued %d, calls %d", h.queued(), p.calls.Load())
			}
			if keys := h.letters(); !slices.Equal(keys, []string{st.Record}) {
				t.Errorf("letter bucket holds %q, want only record.json (no partial letter)", keys)
			}
		})
	}
}

func TestTooLargeIsRejectedUnread(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, func(c *Config) { c.MaxObjectSize = 10 })
	h.run()
	u := h.upload("x/big.pdf", strings.Repeat("x", 11))
	st := h.wait(u.ID(), final)
	if st.Status != StatusFailed || st.Error.Code != hoso.ETOOLARGE || p.calls.Load() != 0 {
		t.Fatalf("state %+v, calls %d", st, p.calls.Load())
	}
}

func TestIgnoredEvents(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, nil)
	h.run()
	info := put(t, h.dir, "hoso-uploads", "x/a.docx", "a")
	for _, u := range []Upload{
		{EventName: "s3:ObjectCreated:PutTagging", Bucket: "hoso-uploads", Key: "x/a.docx", ETag: info.ETag},
		{EventName: "s3:ObjectRemoved:Delete", Bucket: "hoso-uploads", Key: "x/a.docx"},
		{EventName: "s3:ObjectCreated:Put", Bucket: "hoso-letters", Key: "x/a.docx", ETag: info.ETag},      // not the upload bucket
		{EventName: "s3:ObjectCreated:Put", Bucket: "hoso-uploads", Key: "x/gone.docx", ETag: "abc"},       // deleted since
		{EventName: "s3:ObjectCreated:Put", Bucket: "hoso-uploads", Key: "x/a.docx", ETag: "0123456789ab"}, // overwritten since
	} {
		h.publish(u)
	}
	h.js.Publish(context.Background(), h.cfg.UploadSubject, []byte("not json"))
	deadline := time.Now().Add(10 * time.Second)
	for h.queued() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if h.queued() != 0 || p.calls.Load() != 0 || len(h.events()) != 0 {
		t.Fatalf("queued %d calls %d events %d", h.queued(), p.calls.Load(), len(h.events()))
	}
	states, _ := h.svc.States().List(context.Background(), Filter{})
	if len(states) != 0 {
		t.Errorf("ignored events left states: %+v", states)
	}
}

func TestDeadLetterAndRedrive(t *testing.T) {
	p := &echo{}
	p.setFail(func(int32, Input) error { return errTransient })
	h := newHarness(t, p, nil) // MaxDeliver 3
	h.run()
	u := h.upload("chi-bo-3/stuck.docx", "stuck")
	st := h.wait(u.ID(), func(s *State) bool { return s.Status == StatusDeadLetter })
	if st.Error == nil || st.Error.Code != hoso.ETRANSIENT || st.Deliveries != 3 {
		t.Errorf("dead state %+v", st)
	}
	if n := p.calls.Load(); n != 3 {
		t.Errorf("processor ran %d times, want MaxDeliver=3", n)
	}
	ctx := context.Background()
	dead, _ := h.js.Stream(ctx, h.cfg.DeadStream)
	di, _ := dead.Info(ctx)
	if di.State.Msgs != 1 || h.queued() != 0 {
		t.Fatalf("dead letters %d, work queue %d; want 1, 0", di.State.Msgs, h.queued())
	}
	m, _ := dead.GetMsg(ctx, di.State.LastSeq)
	if m.Header.Get(HeaderDossier) != u.ID() || m.Header.Get(HeaderDeliveries) != "3" {
		t.Errorf("dead letter headers %v", m.Header)
	}

	// Redrive for another dossier moves nothing; for this one it resumes.
	if n, err := Redrive(ctx, h.js, h.cfg, "nosuchdossier"); err != nil || n != 0 {
		t.Fatalf("Redrive(other) = %d, %v", n, err)
	}
	p.setFail(nil)
	n, err := Redrive(ctx, h.js, h.cfg)
	if err != nil || n != 1 {
		t.Fatalf("Redrive = %d, %v", n, err)
	}
	st = h.wait(u.ID(), final)
	if st.Status != StatusRendered {
		t.Fatalf("after redrive: %+v", st)
	}
	if di, _ := dead.Info(ctx); di.State.Msgs != 0 {
		t.Errorf("%d dead letters left", di.State.Msgs)
	}
	if evs := h.events(); len(evs) != 1 || evs[0].Type != TypeCompleted {
		t.Errorf("events %+v", evs)
	}
}

func TestDeadLetterMovedWhileNoInstanceRuns(t *testing.T) {
	// The advisory is kept in a stream, so a message that dies while no
	// service listens is still moved when one starts.
	p := &echo{}
	p.setFail(func(int32, Input) error { return errTransient })
	h := newHarness(t, p, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		// Only the workers, no dead-letter mover.
		cons, _ := h.js.Consumer(ctx, h.cfg.UploadStream, h.cfg.Consumer)
		h.svc.pull(ctx, cons, h.svc.handle)
		close(done)
	}()
	u := h.upload("x/later.docx", "later")
	adv, _ := h.js.Stream(context.Background(), h.cfg.AdvisoryStream)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ai, _ := adv.Info(context.Background()); ai != nil && ai.State.Msgs > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	h.run()
	h.wait(u.ID(), func(s *State) bool { return s.Status == StatusDeadLetter })
}

func TestRedact(t *testing.T) {
	key := "chi-bo/hồ sơ Nguyễn Văn A.pdf"
	for _, msg := range []string{
		"ingest: write hoso-uploads/" + key + ": disk full",
		"s3 hoso-uploads/chi-bo%2Fh%E1%BB%93+s%C6%A1+Nguy%E1%BB%85n+V%C4%83n+A.pdf: 503",
	} {
		got := redact(errors.New(msg), key)
		if strings.Contains(got, "Nguy") || !strings.Contains(got, "<object-key>") {
			t.Errorf("redact(%q) = %q", msg, got)
		}
	}
}

func TestHeartbeatKeepsLongWorkFromRedelivery(t *testing.T) {
	// Work three times longer than AckWait: without InProgress the server
	// would hand the message to the second worker mid-way.
	p := &echo{}
	p.setFail(func(int32, Input) error { time.Sleep(3 * time.Second); return nil })
	h := newHarness(t, p, func(c *Config) { c.AckWait = time.Second })
	h.run()
	u := h.upload("x/ocr.pdf", "slow scan")
	st := h.wait(u.ID(), final)
	if st.Status != StatusRendered || st.Deliveries != 1 || p.calls.Load() != 1 {
		t.Fatalf("state %+v, calls %d: want one delivery", st, p.calls.Load())
	}
}

func TestShutdownHandsWorkBack(t *testing.T) {
	p := &echo{}
	started := make(chan struct{}, 1)
	p.setFail(func(n int32, in Input) error {
		if n == 1 {
			started <- struct{}{}
			time.Sleep(500 * time.Millisecond)
			return context.Canceled
		}
		return nil
	})
	h := newHarness(t, p, func(c *Config) { c.AckWait = 30 * time.Second })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { h.svc.Run(ctx); close(done) }()
	u := h.upload("x/a.docx", "interrupted")
	<-started
	cancel()
	<-done
	// A new instance gets the message at once, not after AckWait.
	start := time.Now()
	h.run()
	st := h.wait(u.ID(), final)
	if st.Status != StatusRendered || time.Since(start) > 10*time.Second {
		t.Fatalf("state %+v after %v", st, time.Since(start))
	}
}

func TestObjectRemovedMidWay(t *testing.T) {
	// A worker died after marking the dossier; the clerk then removed the
	// file. The redelivered message closes the dossier instead of leaving it
	// in progress.
	p := &echo{}
	h := newHarness(t, p, nil)
	ctx := context.Background()
	u := h.upload("x/removed.docx", "soon gone")
	st := &State{ID: u.ID(), Status: StatusExtracting, Origin: "x", Bucket: u.Bucket, Key: u.Key, ETag: u.ETag}
	if err := h.svc.States().save(ctx, st); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(h.dir.BucketPath("hoso-uploads"), "x", "removed.docx"))
	h.run()
	st = h.wait(u.ID(), final)
	if st.Status != StatusFailed || st.Error == nil || st.Error.Code != hoso.EEMPTY || p.calls.Load() != 0 {
		t.Fatalf("state %+v error %+v", st, st.Error)
	}
}

// A service stopped while it creates its consumer (a Ctrl-C right after
// start) shuts down cleanly: no error for the command to exit with.
func TestRunStoppedWhileStarting(t *testing.T) {
	_, js := startNATS(t)
	cfg := testConfig()
	cfg.SpoolDir = t.TempDir()
	d := openDir(t)
	if err := Setup(context.Background(), js, d, cfg); err != nil {
		t.Fatal(err)
	}
	svc, err := New(context.Background(), js, d, &echo{}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := svc.Run(ctx); err != nil {
		t.Errorf("Run stopped before it started: %v, want nil", err)
	}
}

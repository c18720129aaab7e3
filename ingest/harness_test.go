package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// startNATS runs a real nats-server with JetStream in the test process.
func startNATS(t testing.TB) (*server.Server, jetstream.JetStream) {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT,
		JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server not ready")
	}
	t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return ns, js
}

// harness is a running service on an in-process NATS and a Dir store.
type harness struct {
	t   testing.TB
	ns  *server.Server
	js  jetstream.JetStream
	dir *Dir
	svc *Service
	cfg Config
}

// testConfig has short timers so retries and dead letters happen within a
// test, and no periodic reconcile unless a test asks.
func testConfig() Config {
	return Config{
		Workers: 2, AckWait: 3 * time.Second, MaxDeliver: 3,
		Backoff:        []time.Duration{50 * time.Millisecond, 100 * time.Millisecond},
		ReconcileEvery: -1, Settle: 200 * time.Millisecond, Scan: time.Second,
		Source: "/hoso/test",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

func newHarness(t testing.TB, p Processor, mod func(*Config)) *harness {
	t.Helper()
	ns, js := startNATS(t)
	cfg := testConfig()
	cfg.SpoolDir = t.TempDir()
	if mod != nil {
		mod(&cfg)
	}
	d := openDir(t)
	ctx := context.Background()
	if err := Setup(ctx, js, d, cfg); err != nil {
		t.Fatal(err)
	}
	svc, err := New(ctx, js, d, p, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, ns: ns, js: js, dir: d, svc: svc, cfg: svc.Config()}
}

// run starts the service until the test ends.
func (h *harness) run() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { h.svc.Run(ctx); close(done) }()
	h.t.Cleanup(func() { cancel(); <-done })
}

// upload stores a file and publishes the event MinIO would: no
// Nats-Msg-Id, so nothing but our own idempotency stops duplicates.
func (h *harness) upload(key, body string) Upload {
	h.t.Helper()
	info := put(h.t, h.dir, h.cfg.UploadBucket, key, body)
	u := Upload{EventName: "s3:ObjectCreated:Put", Bucket: h.cfg.UploadBucket, Key: key, Size: info.Size, ETag: info.ETag}
	h.publish(u)
	return u
}

func (h *harness) publish(u Upload) {
	h.t.Helper()
	if _, err := h.js.Publish(context.Background(), h.cfg.UploadSubject, EncodeEvent(u, "minio")); err != nil {
		h.t.Fatal(err)
	}
}

// wait polls the dossier's state until ok holds.
func (h *harness) wait(id string, ok func(*State) bool) *State {
	h.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	var last *State
	for time.Now().Before(deadline) {
		st, err := h.svc.States().Get(context.Background(), id)
		if err == nil {
			last = st
			if ok(st) {
				return st
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	h.t.Fatalf("dossier %s: state never matched; last %+v", id, last)
	return nil
}

func final(st *State) bool { return st.Status.Final() }

// events returns every event on the event stream, in order.
func (h *harness) events() []Event {
	h.t.Helper()
	ctx := context.Background()
	s, err := h.js.Stream(ctx, h.cfg.EventStream)
	if err != nil {
		h.t.Fatal(err)
	}
	info, _ := s.Info(ctx)
	var out []Event
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue
		}
		var e Event
		if err := json.Unmarshal(m.Data, &e); err != nil {
			h.t.Fatalf("event %d: %v", seq, err)
		}
		if m.Header.Get("Nats-Msg-Id") != e.ID {
			h.t.Errorf("event %d: Nats-Msg-Id %q, want the event id %q", seq, m.Header.Get("Nats-Msg-Id"), e.ID)
		}
		if !strings.HasPrefix(m.Header.Get("Content-Type"), "application/cloudevents+json") {
			h.t.Errorf("event %d: Content-Type %q", seq, m.Header.Get("Content-Type"))
		}
		out = append(out, e)
	}
	return out
}

// queued returns the messages left in the upload work queue.
func (h *harness) queued() uint64 {
	h.t.Helper()
	s, err := h.js.Stream(context.Background(), h.cfg.UploadStream)
	if err != nil {
		h.t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	return info.State.Msgs
}

// read returns an object of the letter bucket.
func (h *harness) read(key string) []byte {
	h.t.Helper()
	rc, _, err := h.dir.Get(context.Background(), h.cfg.LetterBucket, key)
	if err != nil {
		h.t.Fatalf("letter bucket %s: %v", key, err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return b
}

// letters lists the keys in the letter bucket.
func (h *harness) letters() []string {
	var keys []string
	for o, err := range h.dir.List(context.Background(), h.cfg.LetterBucket, "") {
		if err != nil {
			h.t.Fatal(err)
		}
		keys = append(keys, o.Key)
	}
	return keys
}

// echo is a Processor standing in for extract → validate → render where a
// test is about the service around them: it reads the whole file through
// the ReaderAt and "renders" it back as the letter, so a test can tell
// which content produced which letter. Files starting with "BROKEN" are
// unreadable, the way extract reports them.
type echo struct {
	calls atomic.Int32
	mu    sync.Mutex
	fail  func(n int32, in Input) error // injected failure for call n (1-based)
	dates []hoso.Date
}

func (e *echo) Process(ctx context.Context, in Input) (*Output, error) {
	n := e.calls.Add(1)
	e.mu.Lock()
	e.dates = append(e.dates, in.Date)
	fail := e.fail
	e.mu.Unlock()
	if fail != nil {
		if err := fail(n, in); err != nil {
			return nil, err
		}
	}
	body, err := io.ReadAll(io.NewSectionReader(in.R, 0, in.Size))
	if err != nil {
		return nil, err
	}
	in.Stage("extract", time.Millisecond)
	rec := hoso.NewRecord()
	rec.Source = hoso.Source{Key: in.Key, Format: hoso.FormatDOCX}
	if bytes.HasPrefix(body, []byte("BROKEN")) {
		err := hoso.Errorf(hoso.EUNREADABLE, "tệp hỏng", "corrupt file")
		rec.Reject(err)
		return &Output{Record: rec}, nil
	}
	rec.Candidate.FullName = "Nguyễn Văn A"
	rec.Verdict = hoso.VerdictEligible
	in.Stage("validate", time.Millisecond)
	in.Stage("render", 2*time.Millisecond)
	return &Output{Record: rec, Letters: []Document{{Kind: hoso.LetterEligible, Ext: "docx", ContentType: TypeDOCX,
		Data: append([]byte("LETTER:"), body...)}}}, nil
}

func (e *echo) setFail(f func(n int32, in Input) error) {
	e.mu.Lock()
	e.fail = f
	e.mu.Unlock()
}

var errTransient = hoso.Errorf(hoso.ETRANSIENT, "LibreOffice không phản hồi", "converter unavailable")

func isTransient(err error) bool { return errors.Is(err, hoso.ErrTransient) }

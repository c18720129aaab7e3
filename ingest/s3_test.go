package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/testenv"
)

// minioServer is a real MinIO started from HOSO_MINIO_BIN on loopback.
type minioServer struct {
	addr string
	cmd  *exec.Cmd
	logs *lockedBuffer
}

// lockedBuffer collects MinIO's output, written by exec's copying
// goroutine while a failing test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

const (
	minioUser = "hoso-test"
	minioPass = "hoso-test-secret"
)

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startMinIO runs MinIO on dataDir with extra environment until the test
// ends (or stop is called).
func startMinIO(t *testing.T, bin, dataDir string, env ...string) *minioServer {
	t.Helper()
	addr := freePort(t)
	cmd := exec.Command(bin, "server", dataDir, "--address", addr, "--console-address", freePort(t))
	cmd.Env = append(os.Environ(), "MINIO_ROOT_USER="+minioUser, "MINIO_ROOT_PASSWORD="+minioPass,
		"MINIO_BROWSER=off", "MINIO_UPDATE=off")
	cmd.Env = append(cmd.Env, env...)
	logs := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	m := &minioServer{addr: addr, cmd: cmd, logs: logs}
	t.Cleanup(m.stop)
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + addr + "/minio/health/ready")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return m
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("MinIO did not start: %s", logs.String())
	return nil
}

func (m *minioServer) stop() {
	if m.cmd.Process != nil && m.cmd.ProcessState == nil {
		m.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { m.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			m.cmd.Process.Kill()
			<-done
		}
	}
}

func (m *minioServer) store(t *testing.T) *S3 {
	t.Helper()
	s, err := NewS3(S3Options{Endpoint: m.addr, AccessKey: minioUser, SecretKey: minioPass})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestS3Store(t *testing.T) {
	bin := testenv.MinIO(t)
	m := startMinIO(t, bin, t.TempDir())
	s := m.store(t)
	ctx := context.Background()
	for range 2 { // idempotent
		if err := s.MakeBucket(ctx, "hoso-letters"); err != nil {
			t.Fatal(err)
		}
	}
	key := "letters/chi bộ văn phòng/ID/eligible.docx"
	info, err := s.Put(ctx, "hoso-letters", key, strings.NewReader("hello"), 5, TypeDOCX)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size != 5 || info.ETag != "5d41402abc4b2a76b9719d911017c592" || info.ModTime.IsZero() {
		t.Errorf("put info %+v", info)
	}
	st, err := s.Stat(ctx, "hoso-letters", key)
	if err != nil || st.ETag != info.ETag || st.Size != 5 || st.ContentType != TypeDOCX {
		t.Errorf("stat %+v %v", st, err)
	}
	rc, gi, err := s.Get(ctx, "hoso-letters", key)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(rc)
	rc.Close()
	if string(b) != "hello" || gi.ETag != info.ETag {
		t.Errorf("get %q %+v", b, gi)
	}
	// Unknown size streams too (the upload API does this).
	if _, err := s.Put(ctx, "hoso-letters", "a/b.txt", strings.NewReader("streamed"), -1, "text/plain"); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for o, err := range s.List(ctx, "hoso-letters", "letters/") {
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, o.Key)
		if o.ETag != info.ETag {
			t.Errorf("listed ETag %q, want %q (same normalisation as Stat)", o.ETag, info.ETag)
		}
	}
	if len(keys) != 1 || keys[0] != key {
		t.Errorf("list letters/ = %q", keys)
	}
	if _, err := s.Stat(ctx, "hoso-letters", "missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing object: %v", err)
	}
	if _, _, err := s.Get(ctx, "no-such-bucket", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing bucket: %v", err)
	}
	for _, err := range s.List(ctx, "no-such-bucket", "") {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("list missing bucket: %v", err)
		}
	}
}

// TestS3WithMinIONotifications is the S3 mode end to end: Setup against a
// MinIO without the NATS target says what to set, then MinIO started with
// MinIOEnv publishes uploads into the stream and the service makes the
// letters in S3.
func TestS3WithMinIONotifications(t *testing.T) {
	bin := testenv.MinIO(t)
	ns, js := startNATS(t)
	data := t.TempDir()
	ctx := context.Background()
	cfg := testConfig()
	cfg.AckWait = 30 * time.Second

	m := startMinIO(t, bin, data)
	err := Setup(ctx, js, m.store(t), cfg)
	if !errors.Is(err, ErrNoNotifyTarget) || !strings.Contains(err.Error(), "MINIO_NOTIFY_NATS_JETSTREAM_PRIMARY=on") {
		t.Fatalf("Setup without a NATS target: %v", err)
	}
	m.stop()

	natsAddr := strings.TrimPrefix(ns.ClientURL(), "nats://")
	m = startMinIO(t, bin, data, MinIOEnv(natsAddr, cfg)...)
	s := m.store(t)
	for range 2 { // idempotent, including the notification rule
		if err := Setup(ctx, js, s, cfg); err != nil {
			t.Fatalf("%v\nMinIO log:\n%s", err, m.logs)
		}
	}
	nc, err := s.Client().GetBucketNotification(ctx, "hoso-uploads")
	if err != nil || len(nc.QueueConfigs) != 1 {
		t.Fatalf("notification rules %+v %v", nc.QueueConfigs, err)
	}

	p := &echo{}
	svc, err := New(ctx, js, s, p, cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, ns: ns, js: js, svc: svc, cfg: svc.Config()}
	h.run()
	key := "chi bộ văn phòng/hồ sơ số 1 + phụ lục.docx"
	info, err := s.Put(ctx, "hoso-uploads", key, strings.NewReader("uploaded to MinIO"), -1, TypeDOCX)
	if err != nil {
		t.Fatal(err)
	}
	id := DossierID("hoso-uploads", key, info.ETag, "")
	// With synchronous events the stream holds the event before the PUT
	// answers. In about 1 run of 8 under load MinIO sent none and logged
	// nothing: the rule, set while the restarted MinIO was still loading
	// its buckets, was replaced in its memory by the bucket's older empty
	// set (Setup now waits for that load: S3.waitBuckets; 0 of 12 since).
	// Should an event still not come, the reconciler finds the file in
	// production: say so and run its pass; if the stream got the event,
	// the service must process it, and the wait below says whether it did.
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if _, err := svc.States().Get(ctx, id); err == nil {
			break
		}
		if time.Now().Add(200 * time.Millisecond).After(end) {
			str, err := js.Stream(ctx, h.cfg.UploadStream)
			if err != nil {
				t.Fatal(err)
			}
			si, err := str.Info(ctx)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("no state after 20 s; stream %s holds %d messages (last %d); MinIO log:\n%s",
				h.cfg.UploadStream, si.State.Msgs, si.State.LastSeq, m.logs)
			if si.State.LastSeq == 0 {
				t.Log("MinIO published no event: the reconciler's pass queues the file")
				if _, err := svc.Reconcile(ctx); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	st := h.wait(id, final)
	if st.Status != StatusRendered || st.Key != key || st.Origin != "chi bộ văn phòng" {
		t.Fatalf("state %+v", st)
	}
	rc, _, err := s.Get(ctx, "hoso-letters", st.DOCX)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(rc)
	rc.Close()
	if string(b) != "LETTER:uploaded to MinIO" {
		t.Errorf("letter %q", b)
	}
	// Tagging the object fires s3:ObjectCreated:PutTagging: no second run.
	if err := setTag(ctx, s, key); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	if n := p.calls.Load(); n != 1 {
		t.Errorf("processor ran %d times, want 1", n)
	}
	if evs := h.events(); len(evs) != 1 {
		t.Errorf("%d events", len(evs))
	}
	// An upload through the API is announced twice — by the API and by
	// MinIO — and processed once.
	body, ctype := multipartBody(t, map[string]string{"origin": "chi-bo-2"}, "hồ sơ qua API.docx", "via the API")
	rr := do(t, svc.Handler(), "POST", "/v1/dossiers", body, ctype)
	if rr.Code != 202 {
		t.Fatalf("POST: %d %s", rr.Code, rr.Body)
	}
	up := decode[struct{ ID string }](t, rr)
	if st := h.wait(up.ID, final); st.Status != StatusRendered {
		t.Fatalf("API upload: %+v", st)
	}
	deadline := time.Now().Add(10 * time.Second)
	for h.queued() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if q := h.queued(); q != 0 {
		t.Errorf("%d left in the queue", q)
	}
	if n := p.calls.Load(); n != 2 {
		t.Errorf("processor ran %d times for two uploads", n)
	}
	if rr := do(t, svc.Handler(), "GET", "/readyz", nil, ""); rr.Code != 200 {
		t.Errorf("readyz %d %s", rr.Code, rr.Body)
	}
}

// TestMinIORestartEvents: MinIO takes uploads the moment it starts, and
// sends no event for those it takes before it has loaded its buckets'
// notification rules (19 of 25 uploads made right after a restart, in
// one run without MINIO_SYNC_BOOT). MinIOEnv holds the API until then:
// every upload made as soon as a restarted MinIO answers has its event.
func TestMinIORestartEvents(t *testing.T) {
	bin := testenv.MinIO(t)
	ns, js := startNATS(t)
	ctx := context.Background()
	cfg := testConfig().WithDefaults()
	data := t.TempDir()
	env := MinIOEnv(strings.TrimPrefix(ns.ClientURL(), "nats://"), cfg)
	m := startMinIO(t, bin, data, env...)
	if err := Setup(ctx, js, m.store(t), cfg); err != nil {
		t.Fatalf("%v\nMinIO log:\n%s", err, m.logs)
	}
	str, err := js.Stream(ctx, cfg.UploadStream)
	if err != nil {
		t.Fatal(err)
	}
	const perRound = 5
	for round := range 3 {
		m.stop()
		m = startMinIO(t, bin, data, env...)
		s := m.store(t)
		before, err := str.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i := range perRound {
			key := fmt.Sprintf("chi-bo-khoi-dong/%d-%d.docx", round, i)
			if _, err := s.Put(ctx, cfg.UploadBucket, key, strings.NewReader(key), int64(len(key)), TypeDOCX); err != nil {
				t.Fatal(err)
			}
		}
		// Synchronous events: in the stream when the PUT answered; a
		// moment more for a slow machine.
		var got uint64
		for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			info, err := str.Info(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got = info.State.LastSeq - before.State.LastSeq; got >= perRound {
				break
			}
		}
		if got != perRound {
			t.Errorf("restart %d: %d events for %d uploads made as MinIO came up\nMinIO log:\n%s", round+1, got, perRound, m.logs)
		}
	}
}

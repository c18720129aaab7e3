package ingest

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// TestAPIWhileNATSDown: with the NATS connection down the API answers
// 503 with Retry-After at once instead of waiting for NATS; /healthz and
// the contract documents still answer.
func TestAPIWhileNATSDown(t *testing.T) {
	h := newHarness(t, &echo{}, nil)
	api := h.svc.Handler()
	h.ns.Shutdown()
	deadline := time.Now().Add(5 * time.Second)
	for h.js.Conn().IsConnected() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	start := time.Now()
	rr := do(t, api, "GET", "/v1/dossiers", nil, "")
	if rr.Code != http.StatusServiceUnavailable || rr.Header().Get("Retry-After") == "" || time.Since(start) > time.Second {
		t.Errorf("GET /v1/dossiers with NATS down: %d %v after %v", rr.Code, rr.Header(), time.Since(start))
	}
	if rr := do(t, api, "GET", "/v1/openapi.json", nil, ""); rr.Code != http.StatusOK {
		t.Errorf("openapi.json with NATS down: %d", rr.Code)
	}
}

// TestMinIOEventsWhileNATSDown runs the configuration MinIOEnv gives
// (synchronous events, no queue_dir) through a NATS outage: MinIO drops
// the event of an upload made while NATS is down, and of one made right
// after NATS is back but before MinIO's own client has reconnected (it
// retries every 2 s, ours every 0.5 s). With no periodic pass to fall back
// on (ReconcileEvery 1 h) the reconciler's passes after the reconnect
// must find both: nothing is lost, each is processed once.
func TestMinIOEventsWhileNATSDown(t *testing.T) {
	bin := testenv.MinIO(t)
	ctx := context.Background()
	opts := &server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true,
		StoreDir: t.TempDir(), NoLog: true, NoSigs: true}
	start := func() *server.Server {
		t.Helper()
		for end := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			ns, err := server.NewServer(opts)
			if err != nil {
				t.Fatal(err)
			}
			go ns.Start()
			if ns.ReadyForConnections(10 * time.Second) {
				return ns
			}
			ns.Shutdown() // the port may not be free again yet
			if time.Now().After(end) {
				t.Fatal("nats-server did not start again")
			}
		}
	}
	ns := start()
	opts.Port = ns.Addr().(*net.TCPAddr).Port
	t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
	// As the command connects (cmd/hoso): reconnect for ever, every 0.5 s.
	nc, err := nats.Connect(ns.ClientURL(), nats.MaxReconnects(-1), nats.ReconnectWait(500*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}

	cfg := testConfig().WithDefaults()
	cfg.ReconcileEvery = time.Hour
	cfg.Settle = DefaultSettle
	logs := &lockedBuffer{}
	cfg.Logger = slog.New(slog.NewTextHandler(logs, nil))
	m := startMinIO(t, bin, t.TempDir(), MinIOEnv(strings.TrimPrefix(ns.ClientURL(), "nats://"), cfg)...)
	s := m.store(t)
	if err := Setup(ctx, js, s, cfg); err != nil {
		t.Fatalf("%v\nMinIO log:\n%s", err, m.logs)
	}
	p := &echo{}
	svc, err := New(ctx, js, s, p, cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, ns: ns, js: js, svc: svc, cfg: svc.Config()}
	h.run()
	upload := func(key string) string {
		t.Helper()
		info, err := s.Put(ctx, cfg.UploadBucket, key, strings.NewReader("hồ sơ "+key), -1, TypeDOCX)
		if err != nil {
			t.Fatal(err)
		}
		return DossierID(cfg.UploadBucket, key, info.ETag, "")
	}

	// NATS up: the event is in the stream when the PUT answers.
	before := upload("chi-bo-a/truoc.docx")
	h.wait(before, final)

	ns.Shutdown()
	ns.WaitForShutdown()
	for end := time.Now().Add(5 * time.Second); nc.IsConnected() && time.Now().Before(end); {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // MinIO's client notices as ours did
	t0 := time.Now()
	during := upload("chi-bo-a/trong-luc-mat-ket-noi.docx")
	if d := time.Since(t0); d > 2*time.Second {
		t.Errorf("a PUT with NATS down took %v: MinIO waited for NATS", d)
	}
	ns = start()
	after := upload("chi-bo-a/ngay-sau.docx")

	for _, id := range []string{during, after} {
		if st := h.wait(id, final); st.Status != StatusRendered {
			t.Errorf("dossier %s: %+v", id, st)
		}
	}
	reconciled := false
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, "reconciler queued") && strings.Contains(line, "dossier="+during) {
			reconciled = true
		}
	}
	if !reconciled {
		t.Errorf("the upload made while NATS was down came by another way than the reconciler:\n%s", logs)
	}
	if n := p.calls.Load(); n != 3 {
		t.Errorf("processor ran %d times for 3 uploads", n)
	}
	if evs := h.events(); len(evs) != 3 {
		t.Errorf("%d events for 3 uploads", len(evs))
	}
}

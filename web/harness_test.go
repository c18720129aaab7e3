package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/process"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// env is a running pipeline (in-process NATS, folder store, real
// extract → validate → render) with the workspace in front of it.
type env struct {
	t   testing.TB
	js  jetstream.JetStream
	svc *ingest.Service
	dir *ingest.Dir
	acc *access.Store
	ws  *Server
	srv *httptest.Server
	now time.Time
}

// Accounts of the tests: unit "chi-bo-a" has a clerk, a reviewer and a
// signer; "chi-bo-b" a clerk; admin administers.
var accounts = []access.NewAccount{
	{Name: "admin", FullName: "Quản trị viên", Roles: []access.Role{access.Admin}, Units: []string{access.AllUnits}},
	{Name: "vanthu", FullName: "Phạm Thị Thu", Roles: []access.Role{access.Clerk}, Units: []string{"chi-bo-a"}},
	{Name: "vanthub", FullName: "Đỗ Văn Bình", Roles: []access.Role{access.Clerk}, Units: []string{"chi-bo-b"}},
	{Name: "chuyenvien", FullName: "Lê Minh Tâm", Roles: []access.Role{access.Reviewer}, Units: []string{"chi-bo-a"}},
	{Name: "lanhdao", FullName: "Nguyễn Quang Hùng", Roles: []access.Role{access.Signer}, Units: []string{"chi-bo-a"}},
}

const testPassword = "mat-khau-thu-nghiem-2026"

func newEnv(t testing.TB, pdf Converter) *env {
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
	dir, err := ingest.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dir.Close() })
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg := ingest.Config{Workers: 2, AckWait: 5 * time.Second, MaxDeliver: 3, ReconcileEvery: -1,
		Source: "/hoso/test", Logger: log, SpoolDir: t.TempDir()}
	if err := ingest.Setup(ctx, js, dir, cfg); err != nil {
		t.Fatal(err)
	}
	pl := &process.Pipeline{Extractor: &extract.Extractor{Logger: log}}
	if pdf != nil {
		pl.PDF = pdf
	}
	svc, err := ingest.New(ctx, js, dir, pl, cfg)
	if err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { svc.Run(runCtx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })

	acc, err := access.Open(ctx, js, access.Options{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range accounts {
		a.Password = testPassword
		if _, err := acc.AddAccount(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []access.Unit{{ID: "chi-bo-a", Name: "Chi bộ Sở Kế hoạch và Đầu tư"}, {ID: "chi-bo-b", Name: "Chi bộ Sở Y tế"}} {
		if err := acc.PutUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	e := &env{t: t, js: js, svc: svc, dir: dir, acc: acc, now: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)}
	e.ws, err = New(ctx, Options{Service: svc, Store: dir, JS: js, Access: acc, Logger: log, PDF: pdf,
		Now: func() time.Time { return e.now }})
	if err != nil {
		t.Fatal(err)
	}
	api := svc.HandlerWith(mustGuard(t, acc))
	e.srv = httptest.NewServer(e.ws.With(api))
	t.Cleanup(e.srv.Close)
	return e
}

func mustGuard(t testing.TB, st *access.Store) *access.Guard {
	g, err := access.NewGuard(st, access.GuardOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// client is a browser-like client without redirects followed.
func (e *env) client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// login returns a client logged in as name.
func (e *env) login(name string) *http.Client {
	e.t.Helper()
	c := e.client()
	res, err := c.PostForm(e.srv.URL+"/login", url.Values{"name": {name}, "password": {testPassword}})
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("login %s: %d", name, res.StatusCode)
	}
	return c
}

// do sends a request and returns the status and body.
func (e *env) do(c *http.Client, method, path string, form url.Values, hdr ...string) (int, string, http.Header) {
	e.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, e.srv.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

// upload stores a corpus file through the page's form (mode each) and
// returns the dossier id.
func (e *env) upload(c *http.Client, unit string, files ...string) []uploaded {
	e.t.Helper()
	pr, pw := io.Pipe()
	mw := newMultipart(pw)
	go func() {
		mw.field("unit", unit)
		mode := "each"
		if len(files) > 1 && strings.HasPrefix(files[0], "bundle:") {
			mode = "bundle"
			files[0] = strings.TrimPrefix(files[0], "bundle:")
		}
		mw.field("mode", mode)
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", f))
			if err != nil {
				pw.CloseWithError(err)
				return
			}
			mw.file("file", f, b)
		}
		pw.CloseWithError(mw.close())
	}()
	req, _ := http.NewRequest("POST", e.srv.URL+"/upload", pr)
	req.Header.Set("Content-Type", mw.contentType())
	req.Header.Set("Accept", "application/json")
	res, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	var out []uploaded
	if res.StatusCode != http.StatusAccepted {
		b, _ := io.ReadAll(res.Body)
		e.t.Fatalf("upload: %d %s", res.StatusCode, b)
	}
	if err := jsonDecode(res.Body, &out); err != nil {
		e.t.Fatal(err)
	}
	return out
}

// wait waits until the dossier's state is final.
func (e *env) wait(id string) *ingest.State {
	e.t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		st, err := e.svc.States().Get(context.Background(), id)
		if err == nil && st.Status.Final() {
			return st
		}
		time.Sleep(100 * time.Millisecond)
	}
	e.t.Fatalf("dossier %s not done in time", id)
	return nil
}

func mustStates(t testing.TB, e *env) []*ingest.State {
	t.Helper()
	sts, err := e.svc.States().List(context.Background(), ingest.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return sts
}

func (e *env) readUpload(key string) ([]byte, error) {
	rc, _, err := e.dir.Get(context.Background(), e.svc.Config().UploadBucket, key)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

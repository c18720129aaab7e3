package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/internal/testenv"
)

// freePort asks the kernel for a loopback port that is free right now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// natsServer is an in-process NATS server on a fixed TCP port and store
// directory, so a test can stop it and start it again where MinIO and the
// workers expect it.
type natsServer struct {
	t    *testing.T
	port int
	dir  string
	mu   sync.Mutex
	ns   *server.Server
}

func startNATS(t *testing.T) *natsServer {
	t.Helper()
	n := &natsServer{t: t, port: freePort(t), dir: t.TempDir()}
	n.start()
	t.Cleanup(n.stop)
	return n
}

func (n *natsServer) addr() string { return "127.0.0.1:" + strconv.Itoa(n.port) }
func (n *natsServer) url() string  { return "nats://" + n.addr() }

func (n *natsServer) start() {
	n.t.Helper()
	opts := &server.Options{
		ServerName: "e2e", Host: "127.0.0.1", Port: n.port,
		JetStream: true, StoreDir: n.dir, NoLog: true, NoSigs: true,
	}
	// The port was just released by the previous server; a restart can
	// race the kernel, so retry briefly.
	deadline := time.Now().Add(10 * time.Second)
	for {
		ns, err := server.NewServer(opts)
		if err != nil {
			n.t.Fatalf("nats: %v", err)
		}
		go ns.Start()
		if ns.ReadyForConnections(10 * time.Second) {
			n.mu.Lock()
			n.ns = ns
			n.mu.Unlock()
			return
		}
		ns.Shutdown()
		ns.WaitForShutdown()
		if time.Now().After(deadline) {
			n.t.Fatalf("nats: not ready on %s", n.addr())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (n *natsServer) stop() {
	n.mu.Lock()
	ns := n.ns
	n.ns = nil
	n.mu.Unlock()
	if ns != nil {
		ns.Shutdown()
		ns.WaitForShutdown()
	}
}

// client connects a test-side JetStream client that survives restarts.
func (n *natsServer) client(t *testing.T) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, err := nats.Connect(n.url(), nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return nc, js
}

// minioServer is the pinned MinIO binary (deploy/minio.sh) on a free
// loopback port with its NATS target pointed at a natsServer, configured
// as ingest.MinIOEnv says (synchronous events, no queue_dir).
type minioServer struct {
	endpoint, user, pass string
	client               *minio.Client
	log                  *bytes.Buffer
}

func startMinIO(t *testing.T, natsAddr string) *minioServer {
	t.Helper()
	bin := testenv.MinIO(t)
	root := t.TempDir()
	m := &minioServer{
		endpoint: "127.0.0.1:" + strconv.Itoa(freePort(t)),
		user:     "hosoe2e", pass: "hosoe2e-secret-key",
		log: &bytes.Buffer{},
	}
	cmd := exec.Command(bin, "server", filepath.Join(root, "data"),
		"--address", m.endpoint, "--console-address", "127.0.0.1:"+strconv.Itoa(freePort(t)), "--quiet")
	cmd.Env = append(os.Environ(),
		"MINIO_ROOT_USER="+m.user, "MINIO_ROOT_PASSWORD="+m.pass,
		"MINIO_BROWSER=off",
	)
	if natsAddr != "" { // "" starts MinIO without its NATS target
		cmd.Env = append(cmd.Env, ingest.MinIOEnv(natsAddr, ingest.Config{})...)
	}
	cmd.Stdout, cmd.Stderr = m.log, m.log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("minio log:\n%s", m.log.String())
		}
	})
	waitFor(t, 90*time.Second, "MinIO ready", func() error {
		select {
		case <-done:
			return fmt.Errorf("minio exited: %s", m.log.String())
		default:
		}
		resp, err := http.Get("http://" + m.endpoint + "/minio/health/ready")
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	})
	c, err := minio.New(m.endpoint, &minio.Options{Creds: credentials.NewStaticV4(m.user, m.pass, "")})
	if err != nil {
		t.Fatal(err)
	}
	m.client = c
	return m
}

// waitFor polls cond until it returns nil or the deadline passes.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() error) {
	t.Helper()
	deadline := time.Now().Add(limit)
	delay := 20 * time.Millisecond
	for {
		err := cond()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not after %v: %v", what, limit, err)
		}
		time.Sleep(delay)
		if delay < 500*time.Millisecond {
			delay *= 2
		}
	}
}

// background runs Main.Run in a goroutine, as the binary would, and stops
// it like SIGTERM does at cleanup.
type background struct {
	cancel context.CancelFunc
	done   chan error
	out    *lockedBuffer // everything it wrote
}

func runMain(t *testing.T, env map[string]string, args ...string) *background {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out lockedBuffer
	m := &Main{
		Stdin:  bytes.NewReader(nil),
		Stdout: io.MultiWriter(newTestWriter(t), &out),
		Stderr: io.MultiWriter(newTestWriter(t), &out),
		Getenv: func(k string) string { return env[k] },
		Logger: slog.New(slog.NewTextHandler(io.MultiWriter(newTestWriter(t), &out), &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	b := &background{cancel: cancel, done: make(chan error, 1), out: &out}
	go func() { b.done <- m.Run(ctx, args) }()
	// Runs after the stop below (cleanups run last first), on everything
	// the program wrote, debug logs included.
	t.Cleanup(func() { noSecrets(t, env, out.String()) })
	t.Cleanup(func() { b.stop(t) })
	return b
}

// noSecrets fails the test when the value of a secret variable of env, or
// of the file a _FILE variable names, appears in out.
func noSecrets(t *testing.T, env map[string]string, out string) {
	t.Helper()
	for k, v := range env {
		if !strings.Contains(k, "SECRET") && !strings.Contains(k, "PASSWORD") && !strings.Contains(k, "TOKEN") && !strings.Contains(k, "ACCESS_KEY") {
			continue
		}
		if strings.HasSuffix(k, "_FILE") {
			b, err := os.ReadFile(v)
			if err != nil {
				continue
			}
			v = strings.TrimSpace(string(b))
		}
		if len(v) >= 4 && strings.Contains(out, v) {
			t.Errorf("the value of %s appears in the program's output", k)
		}
	}
}

func (b *background) stop(t *testing.T) {
	t.Helper()
	if b.cancel == nil {
		return
	}
	b.cancel()
	b.cancel = nil
	select {
	case err := <-b.done:
		if err != nil {
			t.Errorf("hoso exited with %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Error("hoso did not stop within 60s of cancellation")
	}
}

// testWriter sends program output to the test log, and drops it once the
// test has finished (goroutines may still log while shutting down).
type testWriter struct {
	t    *testing.T
	mu   sync.Mutex
	done bool
}

func newTestWriter(t *testing.T) *testWriter {
	w := &testWriter{t: t}
	t.Cleanup(func() { w.mu.Lock(); w.done = true; w.mu.Unlock() })
	return w
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done && testing.Verbose() {
		w.t.Log(string(bytes.TrimRight(p, "\n")))
	}
	return len(p), nil
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(newTestWriter(t), &slog.HandlerOptions{Level: slog.LevelDebug}))
}

package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// lockedBuffer collects everything a command writes, from any goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
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

// TestNATSCredentials runs `hoso setup --nats-only` against a NATS server
// that demands credentials, given the ways operators give them, and checks
// that no secret reaches the output or the logs, even on failure.
func TestNATSCredentials(t *testing.T) {
	const password, token = "mật-khẩu-s3cr3t", "tok-9f8e7d6c"
	dir := t.TempDir()
	pwFile := filepath.Join(dir, "password")
	tokFile := filepath.Join(dir, "token")
	os.WriteFile(pwFile, []byte(password+"\n"), 0o600)
	os.WriteFile(tokFile, []byte(token+"\n"), 0o600)

	start := func(opts *server.Options) string {
		opts.Host, opts.Port = "127.0.0.1", server.RANDOM_PORT
		opts.JetStream, opts.StoreDir, opts.NoLog, opts.NoSigs = true, t.TempDir(), true, true
		ns, err := server.NewServer(opts)
		if err != nil {
			t.Fatal(err)
		}
		go ns.Start()
		if !ns.ReadyForConnections(10 * time.Second) {
			t.Fatal("nats not ready")
		}
		t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
		return ns.ClientURL()
	}
	userURL := start(&server.Options{Username: "hoso", Password: password})
	tokenURL := start(&server.Options{Authorization: token})

	tests := []struct {
		name string
		env  map[string]string
		ok   bool
	}{
		{"password from file", map[string]string{"HOSO_NATS_URL": userURL, "HOSO_NATS_USER": "hoso", "HOSO_NATS_PASSWORD_FILE": pwFile}, true},
		{"password from env", map[string]string{"HOSO_NATS_URL": userURL, "HOSO_NATS_USER": "hoso", "HOSO_NATS_PASSWORD": password}, true},
		{"wrong password", map[string]string{"HOSO_NATS_URL": userURL, "HOSO_NATS_USER": "hoso", "HOSO_NATS_PASSWORD": password + "x"}, false},
		{"no password", map[string]string{"HOSO_NATS_URL": userURL}, false},
		{"token from file", map[string]string{"HOSO_NATS_URL": tokenURL, "HOSO_NATS_TOKEN_FILE": tokFile}, true},
		{"password in the URL", map[string]string{"HOSO_NATS_URL": strings.Replace(userURL, "nats://", "nats://hoso:"+password+"x@", 1)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out lockedBuffer
			m := &Main{Stdin: bytes.NewReader(nil), Stdout: &out, Stderr: &out,
				Getenv: func(k string) string { return tt.env[k] }}
			m.Logger = slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug}))
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			err := m.Run(ctx, []string{"setup", "--nats-only"})
			if tt.ok != (err == nil) {
				t.Fatalf("err = %v, want ok=%v\n%s", err, tt.ok, out.String())
			}
			all := out.String()
			if err != nil {
				all += err.Error()
			}
			for _, secret := range []string{password, token} {
				if strings.Contains(all, secret) {
					t.Errorf("a secret appears in the output or the error:\n%s", all)
				}
			}
			if tt.ok && !strings.Contains(all, "HOSO_UPLOADS") {
				t.Errorf("setup did not report the streams:\n%s", all)
			}
		})
	}
}

// TestSetupWithoutNATSTarget: against a MinIO started without the NATS
// target, `hoso setup` creates what it can, fails, and prints the
// environment MinIO needs, pointing at the NATS it was given.
func TestSetupWithoutNATSTarget(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	n := startNATS(t)
	mo := startMinIO(t, "")
	env := map[string]string{"HOSO_NATS_URL": n.url(), "HOSO_S3_ENDPOINT": mo.endpoint,
		"HOSO_S3_ACCESS_KEY": mo.user, "HOSO_S3_SECRET_KEY": mo.pass}
	var out lockedBuffer
	m := &Main{Stdin: bytes.NewReader(nil), Stdout: &out, Stderr: &out,
		Getenv: func(k string) string { return env[k] },
		Logger: slog.New(slog.NewTextHandler(&out, nil))}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// About 10s: ingest gives a starting MinIO that long to load its targets.
	err := m.Run(ctx, []string{"setup"})
	if err == nil {
		t.Fatalf("setup succeeded without a NATS target:\n%s", out.String())
	}
	for _, want := range []string{
		"MINIO_NOTIFY_NATS_ENABLE_PRIMARY=on",
		"MINIO_NOTIFY_NATS_ADDRESS_PRIMARY=" + n.addr(),
		"MINIO_NOTIFY_NATS_SUBJECT_PRIMARY=hoso.uploads",
		"MINIO_NOTIFY_NATS_JETSTREAM_PRIMARY=on",
		"MINIO_API_SYNC_EVENTS=on",
		"MINIO_SYNC_BOOT=on",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), mo.pass) {
		t.Error("the output shows the S3 secret key")
	}
	// Everything else was made: the buckets exist.
	for _, b := range []string{"hoso-uploads", "hoso-letters"} {
		if ok, err := mo.client.BucketExists(ctx, b); err != nil || !ok {
			t.Errorf("bucket %s: exists=%v err=%v", b, ok, err)
		}
	}
}

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/nats-io/nats.go"

	"github.com/hoso-vn/hoso"
)

// TestRetryable: refused credentials are told by their S3 code (through
// any wrapping), not by their message, and are not retried.
func TestRetryable(t *testing.T) {
	sig := minio.ErrorResponse{Code: "SignatureDoesNotMatch", StatusCode: 403,
		Message: "The request signature we calculated does not match the signature you provided. Check your key and signing method."}
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("ingest: create bucket hoso-uploads: %w", sig), false},
		{hoso.Wrap(fmt.Errorf("ingest: s3: %w", minio.ErrorResponse{Code: "InvalidAccessKeyId", StatusCode: 403}), hoso.ETRANSIENT, "x", "x"), false},
		{fmt.Errorf("x: %w", minio.ErrorResponse{Code: "AccessDenied", StatusCode: 403}), false},
		{fmt.Errorf("x: %w", nats.ErrAuthorization), false},
		{fmt.Errorf("x: %w", minio.ErrorResponse{Code: "XMinioServerNotInitialized", StatusCode: 503}), true},
		{errors.New("dial tcp 127.0.0.1:9000: connect: connection refused"), true},
		{context.DeadlineExceeded, true},
	} {
		if got := retryable(tc.err); got != tc.want {
			t.Errorf("retryable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

// TestSetupWrongSecret: 'hoso setup' with a wrong S3 secret against a
// real MinIO stops at once, saying so, instead of retrying for minutes.
func TestSetupWrongSecret(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	n := startNATS(t)
	mo := startMinIO(t, "")
	env := map[string]string{"HOSO_NATS_URL": n.url(), "HOSO_S3_ENDPOINT": mo.endpoint,
		"HOSO_S3_ACCESS_KEY": mo.user, "HOSO_S3_SECRET_KEY": mo.pass + "-sai"}
	var out lockedBuffer
	m := &Main{Stdin: bytes.NewReader(nil), Stdout: &out, Stderr: &out,
		Getenv: func(k string) string { return env[k] }, Logger: slog.New(slog.NewTextHandler(&out, nil))}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	start := time.Now()
	err := m.Run(ctx, []string{"setup"})
	if err == nil || time.Since(start) > 10*time.Second || exitCode(err) != exitError {
		t.Fatalf("setup with a wrong secret: %v after %v\n%s", err, time.Since(start), out.String())
	}
	t.Logf("refused in %v: %v", time.Since(start).Round(time.Millisecond), err)
}

// TestRunFailsFast: a NATS port in use, --data naming a file and a
// read-only data folder each end 'hoso run' at once with the cause, and a
// second 'hoso run' on one data folder is refused naming the first's pid.
func TestRunFailsFast(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, []byte("x"), 0o644)
	ro := filepath.Join(t.TempDir(), "read-only")
	os.Mkdir(ro, 0o555)
	readOnlyWorks := os.WriteFile(filepath.Join(ro, "probe"), nil, 0o644) != nil // root ignores modes

	cases := []struct {
		name string
		args []string
		want string
	}{
		{"NATS port in use", []string{"--data", t.TempDir(), "--nats-listen", busy.Addr().String()}, "in use"},
		{"--data is a file", []string{"--data", file}, "not a folder"},
	}
	if readOnlyWorks {
		cases = append(cases, struct {
			name string
			args []string
			want string
		}{"read-only data folder", []string{"--data", ro}, "read-only"})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			out, err := runCapture(t, nil, "", append([]string{"run", "--http", ""}, tc.args...)...)
			if err == nil || !strings.Contains(err.Error(), tc.want) || time.Since(start) > 5*time.Second {
				t.Errorf("hoso run %v: %v after %v, want %q\n%s", tc.args, err, time.Since(start), tc.want, out)
			}
		})
	}

	data := t.TempDir()
	env := map[string]string{"HOSO_SETTLE": "300ms"}
	httpAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	runMain(t, env, "run", "--data", data, "--http", httpAddr)
	api{base: "http://" + httpAddr}.waitReady(t)
	start := time.Now()
	_, err = runCapture(t, env, "", "run", "--data", data, "--http", "")
	if err == nil || !strings.Contains(err.Error(), "pid "+strconv.Itoa(os.Getpid())) || time.Since(start) > 5*time.Second {
		t.Errorf("second hoso run on one data folder: %v after %v", err, time.Since(start))
	}
}

// TestDataErr: a read-only file system or a folder without write
// permission is named as such (root ignores modes, so the run test
// cannot make one).
func TestDataErr(t *testing.T) {
	for _, err := range []error{&os.PathError{Op: "open", Path: "/d/hoso.lock", Err: syscall.EROFS},
		&os.PathError{Op: "open", Path: "/d/hoso.lock", Err: syscall.EACCES}} {
		if got := dataErr("/d", err).Error(); !strings.Contains(got, "read-only") {
			t.Errorf("%v: %s", err, got)
		}
	}
}

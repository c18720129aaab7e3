package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/process"
	"github.com/hoso-vn/hoso/validate"
)

func testMain(env map[string]string) (*Main, *bytes.Buffer) {
	var out bytes.Buffer
	return &Main{Stdout: &out, Stderr: &out, Getenv: func(k string) string { return env[k] }}, &out
}

func TestConfigPrecedence(t *testing.T) {
	secretFile := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(secretFile, []byte("from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		check   func(*config) string
		wantErr string
	}{
		{"defaults", nil, nil, func(c *config) string {
			if c.HTTP != "127.0.0.1:8080" || c.Ingest.Workers != 2 || c.Ingest.UploadBucket != "hoso-uploads" || c.Ingest.MaxObjectSize != 64<<20 {
				return "defaults not applied"
			}
			return ""
		}, ""},
		{"env applies", map[string]string{"HOSO_WORKERS": "5", "HOSO_ACK_WAIT": "3s", "HOSO_PDF": "true", "HOSO_MAX_SIZE_MB": "7"}, nil, func(c *config) string {
			if c.Ingest.Workers != 5 || c.Ingest.AckWait != 3*time.Second || !c.Ingest.PDF || c.Ingest.MaxObjectSize != 7<<20 {
				return "environment ignored"
			}
			return ""
		}, ""},
		{"flag wins", map[string]string{"HOSO_WORKERS": "5", "HOSO_HTTP": ":1"}, []string{"--workers", "3"}, func(c *config) string {
			if c.Ingest.Workers != 3 || c.HTTP != ":1" {
				return "flag did not win over the environment, or env was dropped"
			}
			return ""
		}, ""},
		{"secret from file", map[string]string{"HOSO_S3_SECRET_KEY_FILE": secretFile, "HOSO_S3_ACCESS_KEY": "ak"}, nil, func(c *config) string {
			if c.S3.SecretKey != "from-file" || c.S3.AccessKey != "ak" {
				return "secret file not read or newline kept: " + c.S3.SecretKey
			}
			return ""
		}, ""},
		{"secret env wins over file", map[string]string{"HOSO_S3_SECRET_KEY": "direct", "HOSO_S3_SECRET_KEY_FILE": secretFile}, nil, func(c *config) string {
			if c.S3.SecretKey != "direct" {
				return "the variable should win over its _FILE"
			}
			return ""
		}, ""},
		{"missing secret file", map[string]string{"HOSO_NATS_TOKEN_FILE": "/nonexistent/token"}, nil, nil, "HOSO_NATS_TOKEN_FILE"},
		{"bad env value names the variable", map[string]string{"HOSO_WORKERS": "many"}, nil, nil, "HOSO_WORKERS"},
		{"zero workers", nil, []string{"--workers", "0"}, nil, "at least 1"},
		{"stray argument", nil, []string{"extra"}, nil, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := testMain(tt.env)
			c, err := m.parseConfig("serve", "", withS3|withNATS|withWorker|withHTTP, tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(c); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestS3Options(t *testing.T) {
	tests := []struct {
		cfg      s3Config
		endpoint string
		secure   bool
		wantErr  string
	}{
		{s3Config{Endpoint: "127.0.0.1:9000", AccessKey: "a", SecretKey: "s"}, "127.0.0.1:9000", false, ""},
		{s3Config{Endpoint: "http://minio:9000", AccessKey: "a", SecretKey: "s"}, "minio:9000", false, ""},
		{s3Config{Endpoint: "https://s3.example.vn", AccessKey: "a", SecretKey: "s"}, "s3.example.vn", true, ""},
		{s3Config{Endpoint: "minio:9000", TLS: true, AccessKey: "a", SecretKey: "s"}, "minio:9000", true, ""},
		{s3Config{Endpoint: "ftp://minio", AccessKey: "a", SecretKey: "s"}, "", false, "scheme"},
		{s3Config{Endpoint: "minio:9000"}, "", false, "credentials"},
		{s3Config{AccessKey: "a", SecretKey: "s"}, "", false, "endpoint"},
		{s3Config{Endpoint: "https://minio", AccessKey: "a", SecretKey: "s", CA: "/nonexistent.pem"}, "", false, "HOSO_S3_CA_FILE"},
	}
	for _, tt := range tests {
		o, err := tt.cfg.options()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%+v: err = %v, want %q", tt.cfg, err, tt.wantErr)
			}
			continue
		}
		if err != nil || o.Endpoint != tt.endpoint || o.Secure != tt.secure {
			t.Errorf("%+v: got %q secure=%v err=%v, want %q secure=%v", tt.cfg, o.Endpoint, o.Secure, err, tt.endpoint, tt.secure)
		}
	}
}

func TestNATSOptions(t *testing.T) {
	if _, err := (natsConfig{Cert: "c.pem"}).options("x"); err == nil {
		t.Error("a client certificate without its key was accepted")
	}
	if _, err := (natsConfig{NKey: "/nonexistent.nk"}).options("x"); err == nil || !strings.Contains(err.Error(), "HOSO_NATS_NKEY_FILE") {
		t.Errorf("missing nkey seed: %v", err)
	}
	if _, err := (natsConfig{}).connect("x", time.Second); err == nil {
		t.Error("connect without a URL succeeded")
	}
	for _, u := range []string{"nats://u:secret@a:4222, nats://b:4222", "nats://u:mật-secret@a:4222", "u:p@secret@a:4222"} {
		if got := redactURL(u); strings.Contains(got, "secret") || !strings.Contains(got, "a:4222") {
			t.Errorf("redactURL(%q) = %q", u, got)
		}
	}
	if got := natsHostPort("nats://u:p@nats-1:4222,nats://nats-2:4222"); got != "nats-1:4222" {
		t.Errorf("natsHostPort = %q", got)
	}
}

// TestHelpNamesEveryVariable checks that `hoso serve -h` documents every
// HOSO_* variable the deploy/ files set, and shows no secret's value.
func TestHelpNamesEveryVariable(t *testing.T) {
	m, out := testMain(map[string]string{"HOSO_S3_SECRET_KEY": "hunter2-secret", "HOSO_NATS_TOKEN": "tok-secret"})
	_, err := m.parseConfig("serve", serveSummary, withS3|withNATS|withWorker|withHTTP, []string{"-h"})
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: %v", err)
	}
	help := out.String()
	if strings.Contains(help, "hunter2") || strings.Contains(help, "tok-secret") {
		t.Error("the help text shows a secret")
	}
	files, _ := filepath.Glob("../../deploy/*.yaml")
	k8s, _ := filepath.Glob("../../deploy/k8s/*.yaml")
	files = append(files, k8s...)
	if len(files) == 0 {
		t.Fatal("no deploy/*.yaml")
	}
	re := regexp.MustCompile(`HOSO_[A-Z0-9_]+`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range re.FindAllString(string(b), -1) {
			if !strings.Contains(help, v) && !strings.Contains(help, strings.TrimSuffix(v, "_FILE")) {
				t.Errorf("%s sets %s, which hoso serve does not read", f, v)
			}
		}
	}
}

func TestProcessor(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	c := &config{OCR: "off", Rules: "../../validate/rules/dieu-le-dang.yaml", Issuer: "../../render/issuers/btcdu.yaml"}
	c.Ingest.Workers = 2
	p, closeFn, err := c.processor(context.Background(), log)
	if err != nil {
		t.Fatal(err)
	}
	defer closeFn()
	pl, ok := p.(*process.Pipeline)
	if !ok {
		t.Fatalf("processor is %T", p)
	}
	if pl.Rules == nil || pl.Rules.ID == validate.Default().ID {
		t.Errorf("--rules not loaded: %+v", pl.Rules)
	}
	if pl.Issuer == nil || pl.Issuer.Name == "" {
		t.Errorf("--issuer not loaded: %+v", pl.Issuer)
	}
	if pl.Extractor == nil || pl.Extractor.OCR != nil {
		t.Error("--ocr off left OCR on")
	}
	if (pl.PDF != nil) != c.Ingest.PDF {
		t.Errorf("PDF converter %v, Config.PDF %v", pl.PDF, c.Ingest.PDF)
	}

	for _, bad := range []struct {
		c    config
		want string
	}{
		{config{OCR: "maybe"}, "--ocr"},
		{config{OCR: "off", Rules: "/nonexistent.yaml"}, "--rules"},
		{config{OCR: "off", Rules: "../../validate/testdata/bad/rule-without-enabled.yaml"}, "--rules"},
		{config{OCR: "off", Issuer: "/nonexistent.yaml"}, "--issuer"},
	} {
		if _, _, err := bad.c.processor(context.Background(), log); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%+v: err = %v, want one naming %s", bad.c, err, bad.want)
		}
	}

	pdf := &config{OCR: "off"}
	pdf.Ingest.PDF, pdf.Ingest.Workers = true, 3
	p, closeFn, err = pdf.processor(context.Background(), log)
	if err != nil {
		t.Fatal(err)
	}
	if pool, ok := p.(*process.Pipeline).PDF.(*process.PDFPool); !ok || pool.Size != 3 {
		t.Errorf("--pdf: converter %#v, want a pool of one per worker", p.(*process.Pipeline).PDF)
	}
	if err := closeFn(); err != nil {
		t.Errorf("closing an unused pool: %v", err)
	}
}

package sandbox_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus/hostile"
	"github.com/hoso-vn/hoso/sandbox"
)

func TestMain(m *testing.M) {
	sandbox.Main()
	os.Exit(m.Run())
}

func TestTextMatchesInProcess(t *testing.T) {
	tx := sandbox.New(sandbox.Options{})
	defer tx.Close()
	for _, f := range []string{"01-bang-htxsnv.docx", "31-pdf-bang.pdf"} {
		b, err := os.ReadFile("../testdata/corpus/" + f)
		if err != nil {
			t.Skip("corpus missing:", err)
		}
		got, err := tx.Text(context.Background(), f, bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got.Format == "" || len(got.Blocks) == 0 || got.Blocks[0].File != f {
			t.Errorf("%s: format %q, %d blocks", f, got.Format, len(got.Blocks))
		}
	}
	if n := tx.Children(); n != 1 {
		t.Errorf("children alive = %d, want 1 reused child", n)
	}
}

func TestLimits(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("limits are Linux's")
	}
	oom := hostile.XrefStreamPDF(999_999_999, false)
	loop := hostile.PrevLoopPDF(1)
	tests := []struct {
		name string
		data []byte
		opt  sandbox.Options
		code hoso.ErrorCode
		text string
	}{
		{"oom", oom, sandbox.Options{}, hoso.ETOOLARGE, "needs more memory than allowed"},
		{"loop cpu", loop, sandbox.Options{CPU: time.Second}, hoso.ETIMEOUT, "more CPU time"},
		{"loop wall", loop, sandbox.Options{CPU: time.Hour, Wall: 500 * time.Millisecond}, hoso.ETIMEOUT, "took longer than allowed"},
		{"empty", []byte{}, sandbox.Options{}, hoso.EEMPTY, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx := sandbox.New(tt.opt)
			defer tx.Close()
			start := time.Now()
			_, err := tx.Text(context.Background(), "f", bytes.NewReader(tt.data), int64(len(tt.data)))
			var he *hoso.Error
			if !errors.As(err, &he) || he.Code != tt.code || !strings.Contains(he.EN, tt.text) || he.VI == "" {
				t.Fatalf("err = %#v, want %s %q", err, tt.code, tt.text)
			}
			if el := time.Since(start); el > 10*time.Second {
				t.Errorf("took %v", el)
			}
			if tx.Children() != 0 {
				t.Errorf("a failed child is kept")
			}
		})
	}
}

func TestCancel(t *testing.T) {
	tx := sandbox.New(sandbox.Options{CPU: time.Hour})
	defer tx.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	loop := hostile.PrevLoopPDF(1)
	_, err := tx.Text(ctx, "f", bytes.NewReader(loop), int64(len(loop)))
	if !hoso.Transient(err) {
		t.Fatalf("cancelled: %v, want transient", err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err = tx.Text(ctx, "f", bytes.NewReader(loop), int64(len(loop)))
	if hoso.Code(err) != hoso.ETIMEOUT {
		t.Fatalf("deadline: %v, want timeout", err)
	}
}

// TestChildEnvironment: the parser sees no credential of the parent and,
// where the kernel allows a network namespace, no network.
func TestChildEnvironment(t *testing.T) {
	t.Setenv("HOSO_S3_SECRET_KEY", "s3cr3t")
	tx := sandbox.New(sandbox.Options{})
	defer tx.Close()
	out, err := tx.Probe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(out.Env, "\n"), "s3cr3t") {
		t.Errorf("child environment carries the parent's secret: %q", out.Env)
	}
	if out.TempDir == os.TempDir() || !strings.Contains(out.TempDir, "hoso-sandbox-") {
		t.Errorf("child temp dir %q is not private", out.TempDir)
	}
	if out.Network && out.Isolated {
		t.Errorf("child reports a network interface up in its namespace: %v", out.Interfaces)
	}
	t.Logf("isolated network: %v; interfaces up: %v; address-space limit %d MiB", out.Isolated, out.Interfaces, out.MemoryLimit>>20)
	if out.MemoryLimit == 0 {
		t.Errorf("no RLIMIT_AS in the child")
	}
}

// A reused child that died while idle costs its next file nothing: the
// file goes to a new child.
func TestIdleChildDied(t *testing.T) {
	tx := sandbox.New(sandbox.Options{})
	defer tx.Close()
	p, err := tx.Probe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(p.Pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	b, err := os.ReadFile("../testdata/corpus/01-bang-htxsnv.docx")
	if err != nil {
		t.Skip("corpus missing:", err)
	}
	if _, err := tx.Text(context.Background(), "a.docx", bytes.NewReader(b), int64(len(b))); err != nil {
		t.Fatalf("after the idle child died: %v", err)
	}
	if n := tx.Children(); n != 1 {
		t.Errorf("%d children alive, want 1", n)
	}
}

// The folder of a child whose parent died is removed by the next Texter.
func TestStaleFoldersSwept(t *testing.T) {
	tmp := t.TempDir()
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip(err)
	}
	stale := filepath.Join(tmp, fmt.Sprintf("hoso-sandbox-%d-123", gone.Process.Pid))
	mine := filepath.Join(tmp, fmt.Sprintf("hoso-sandbox-%d-456", os.Getppid()))
	for _, d := range []string{stale, mine} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	tx := sandbox.New(sandbox.Options{TempDir: tmp})
	defer tx.Close()
	if _, err := tx.Probe(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale folder kept: %v", err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a live parent's folder removed: %v", err)
	}
}

package sandbox_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/internal/corpus/hostile"
	"github.com/hoso-vn/hoso/sandbox"
)

// FuzzPDF drives the PDF reader through the process wall, as the service
// runs it: whatever the bytes, the answer is text or a coded bilingual
// error — a loop or an allocation bomb ends at a limit, never as a crash
// the wall cannot explain and never in the fuzzing process itself.
func FuzzPDF(f *testing.F) {
	for _, b := range hostile.PDFSeeds() {
		f.Add(b)
	}
	if names, _ := filepath.Glob("../testdata/corpus/3*-pdf-*.pdf"); len(names) > 0 {
		for _, n := range names[:min(len(names), 3)] {
			if b, err := os.ReadFile(n); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	tx := sandbox.New(sandbox.Options{
		Limits: extract.Limits{MaxBytes: 1 << 20, MaxUncompressed: 4 << 20, MaxEntry: 2 << 20, MaxPages: 20,
			MaxPixels: 4_000_000, FileTimeout: 5 * time.Second},
		Memory: 256 << 20, CPU: time.Second, Wall: 8 * time.Second, Children: 1,
	})
	f.Cleanup(func() { tx.Close() })
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.Contains(data[:min(len(data), extract.SniffLen)], []byte("%PDF-")) {
			data = append([]byte("%PDF-1.4\n"), data...)
		}
		txt, err := tx.Text(context.Background(), "f.pdf", bytes.NewReader(data), int64(len(data)))
		if err == nil {
			if txt == nil {
				t.Fatal("no text and no error")
			}
			return
		}
		var he *hoso.Error
		switch {
		case !errors.As(err, &he):
			t.Fatalf("error is not a *hoso.Error: %T %v", err, err)
		case errors.Is(err, sandbox.ErrCrashed):
			t.Fatalf("child died unexplained: %v", err)
		case he.Code == hoso.EINTERNAL || he.Code == hoso.ETRANSIENT || he.VI == "" || he.EN == "":
			t.Fatalf("bad error %#v", he)
		}
	})
}

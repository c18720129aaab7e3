package extract

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
)

// TestCorpusReaders checks the format readers alone on the shared corpus:
// the format detected from content, the error code of each broken file,
// and that scans without OCR end with pages to OCR, not an error.
func TestCorpusReaders(t *testing.T) {
	dir := filepath.Join("..", "testdata", "corpus")
	truths, err := corpus.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(truths) < 40 {
		t.Fatalf("corpus has %d files, want at least 40", len(truths))
	}
	x := &Extractor{}
	for _, tr := range truths {
		t.Run(tr.File, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tr.File)))
			if err != nil {
				t.Fatal(err)
			}
			txt, err := x.Text(context.Background(), tr.File, bytes.NewReader(data), int64(len(data)))
			if tr.Error != "" && tr.Error != hoso.ENOTDOSSIER {
				if hoso.Code(err) != tr.Error {
					t.Fatalf("err = %v, want %s", err, tr.Error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tr.Format != "" && txt.Format != tr.Format {
				t.Errorf("format %s, want %s", txt.Format, tr.Format)
			}
			scanned := tr.Format == hoso.FormatPDFScan || tr.Format == hoso.FormatImage
			if scanned && len(txt.NeedOCR) == 0 {
				t.Errorf("a scan without OCR should list pages to OCR")
			}
			if !scanned && tr.Format != hoso.FormatZIP && len(txt.NeedOCR) > 0 {
				t.Errorf("text file with pages to OCR: %v", txt.NeedOCR)
			}
			if !scanned && len(txt.Blocks) == 0 {
				t.Errorf("no text read")
			}
		})
	}
}

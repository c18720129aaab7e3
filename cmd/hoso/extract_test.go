package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
)

// TestExtractCommand runs `hoso extract` on a good DOCX, a PNG named .docx
// and an empty file: three records on stdout, the empty one rejected, and
// a non-nil error (exit status 1).
func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	docx, err := os.ReadFile(filepath.Join("..", "..", "extract", "testdata", "dossier.docx"))
	if err != nil {
		t.Fatal(err)
	}
	// A whole PNG: a header alone is a truncated image, rejected.
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 16, 16))); err != nil {
		t.Fatal(err)
	}
	png := pngBuf.Bytes()
	files := map[string][]byte{"hoso.docx": docx, "anh.docx": png, "rong.pdf": nil}
	var args []string
	for _, n := range []string{"hoso.docx", "anh.docx", "rong.pdf"} {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
		Logger: slog.New(slog.DiscardHandler)}
	err = m.Run(context.Background(), append([]string{"extract", "-ocr=off"}, args...))
	if err == nil || !strings.Contains(err.Error(), "1 of 3") {
		t.Errorf("err = %v, want one file rejected", err)
	}
	dec := json.NewDecoder(&out)
	var recs []hoso.Record
	for {
		var r hoso.Record
		if err := dec.Decode(&r); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("output is not a stream of JSON records: %v", err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	if r := recs[0]; r.Source.Format != hoso.FormatDOCX || r.Candidate.FullName != "Nguyễn Thị Hương" || r.Verdict == hoso.VerdictRejected {
		t.Errorf("docx record: format %s name %q verdict %s", r.Source.Format, r.Candidate.FullName, r.Verdict)
	}
	if r := recs[1]; r.Source.Format != hoso.FormatImage || len(r.Warnings) == 0 || r.Warnings[0].Code != hoso.WarnNeedsOCR {
		t.Errorf("image record: format %s warnings %+v", r.Source.Format, r.Warnings)
	}
	if r := recs[2]; r.Verdict != hoso.VerdictRejected || r.Error == nil || r.Error.Code != hoso.EEMPTY || r.Error.Message == "" {
		t.Errorf("empty file record: %+v", r)
	}
	if err := m.Run(context.Background(), []string{"extract", "-ocr=maybe", args[0]}); err == nil {
		t.Error("-ocr=maybe accepted")
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus/hostile"
)

// runLocal runs a local command of hoso and returns its standard output.
func runLocal(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard,
		Getenv: func(string) string { return "" }, Logger: testLogger(t)}
	err := m.Run(ctx, args)
	return out.String(), err
}

// The local commands parse behind the same wall as the service: the
// allocation-bomb PDF and the looping PDF are rejected with their
// reasons, and the command itself lives on to read the next file.
func TestLocalCommandsBehindTheWall(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"bom.pdf":  hostile.XrefStreamPDF(999_999_999, false),
		"vong.pdf": hostile.PrevLoopPDF(1),
	}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docx, err := os.ReadFile("../../testdata/corpus/01-bang-htxsnv.docx")
	if err != nil {
		t.Skip("corpus missing:", err)
	}
	os.WriteFile(filepath.Join(dir, "ho-so.docx"), docx, 0o644)
	paths := []string{filepath.Join(dir, "bom.pdf"), filepath.Join(dir, "vong.pdf"), filepath.Join(dir, "ho-so.docx")}

	out, err := runLocal(t, append([]string{"extract", "--parse-cpu", "2s"}, paths...)...)
	if err == nil || !strings.Contains(err.Error(), "2 of 3 files rejected") {
		t.Fatalf("hoso extract: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	want := []hoso.ErrorCode{hoso.ETOOLARGE, hoso.ETIMEOUT, ""}
	for i, w := range want {
		var rec hoso.Record
		if err := dec.Decode(&rec); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		got := hoso.ErrorCode("")
		if rec.Error != nil {
			got = rec.Error.Code
		}
		if got != w {
			t.Errorf("%s: %q %+v, want %q", paths[i], got, rec.Error, w)
		}
	}

	out, err = runLocal(t, append([]string{"process", "--parse-cpu", "2s"}, paths...)...)
	if err == nil {
		t.Fatal("hoso process: no error for rejected files")
	}
	if !strings.Contains(out, "bom.pdf\trejected") || !strings.Contains(out, "vong.pdf\trejected") || strings.Contains(out, "ho-so.docx\trejected") {
		t.Errorf("hoso process:\n%s", out)
	}
}

// A file over the size limit is refused from its size: an 8 GiB sparse
// file once took 30 s to be refused, read and hashed first.
func TestLocalSizeCheckedBeforeReading(t *testing.T) {
	p := filepath.Join(t.TempDir(), "lon.pdf")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(8 << 30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	for _, cmd := range []string{"extract", "process"} {
		start := time.Now()
		out, err := runLocal(t, cmd, "--json", p)
		if cmd == "extract" {
			out, err = runLocal(t, cmd, p)
		}
		if err == nil || !strings.Contains(out, `"too_large"`) {
			t.Errorf("hoso %s: %v\n%s", cmd, err, out)
		}
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("hoso %s took %v to refuse an 8 GiB file", cmd, el)
		}
	}
}

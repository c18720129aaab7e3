// Command gen writes the hoso test corpus: every dossier of
// corpus.Dossiers and every file of corpus.Rejects, with truth.json and a
// README listing them. DOCX, ZIP and hand-made PDF files are
// byte-for-byte reproducible; PDFs made by LibreOffice may differ in bytes
// between runs.
//
//	go run ./internal/corpus/gen -out testdata/corpus
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/hoso-vn/hoso/internal/corpus"
)

func main() {
	out := flag.String("out", "testdata/corpus", "directory to write the corpus into")
	soffice := flag.String("soffice", "soffice", "LibreOffice program used for PDF and .doc files")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	if err := run(ctx, *out, &corpus.Office{Bin: *soffice}); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dir string, office *corpus.Office) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var truths []corpus.Truth
	ds := corpus.Dossiers()
	for i := range ds {
		d := &ds[i]
		b, err := d.Build(ctx, office, d.Ext)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, b.Name), b.Data, 0o644); err != nil {
			return err
		}
		truths = append(truths, d.Truth(b.Name, b.Format))
		slog.Info("dossier", "file", b.Name, "bytes", len(b.Data))
	}
	src := corpus.RejectSource()
	for _, r := range corpus.Rejects(&src) {
		b, err := r.Make(ctx, office)
		if err != nil {
			return fmt.Errorf("%s: %w", r.Name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, r.Name), b, 0o644); err != nil {
			return err
		}
		truths = append(truths, r.Truth())
		slog.Info("reject", "file", r.Name, "bytes", len(b))
	}
	sort.Slice(truths, func(i, j int) bool { return truths[i].File < truths[j].File })
	js, err := json.MarshalIndent(truths, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "truth.json"), append(js, '\n'), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "README.md"), []byte(corpus.Readme(truths)), 0o644)
}

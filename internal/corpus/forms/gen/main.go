// Command gen writes the official-forms corpus of hoso: every case of
// forms.Cases as DOCX, text PDF, ZIP or scan, with truth.json and a README.
// It needs LibreOffice (soffice), Debian's python3 with python3-docx,
// pdftoppm and ImageMagick; the output is byte-for-byte reproducible with
// the same versions of those programs.
//
//	go run ./internal/corpus/forms/gen -out testdata/forms
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/hoso-vn/hoso/internal/corpus/forms"
)

func main() {
	out := flag.String("out", "testdata/forms", "directory to write the corpus into")
	soffice := flag.String("soffice", "soffice", "LibreOffice program")
	python := flag.String("python", "/usr/bin/python3", "python3 with python3-docx (Debian's)")
	script := flag.String("script", "internal/corpus/forms/pydocx.py", "the python-docx writer script")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	n, err := forms.Write(ctx, *out, forms.Tools{Soffice: *soffice, Python: *python, Script: *script})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	slog.Info("forms corpus written", "dir", *out, "dossiers", n)
}

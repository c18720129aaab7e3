// Command gen writes the held-out corpus of hoso: every case of
// heldout.Cases with truth.json and a README listing them.
//
//	go run ./internal/corpus/heldout/gen -out testdata/heldout
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/hoso-vn/hoso/internal/corpus/heldout"
)

func main() {
	out := flag.String("out", "testdata/heldout", "directory to write the corpus into")
	soffice := flag.String("soffice", "soffice", "LibreOffice program")
	python := flag.String("python", "/usr/bin/python3", "Python with python-docx (Debian's python3-docx)")
	only := flag.String("only", "", "write only the case with this ID (truth.json is still written in full)")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	env := heldout.Env{Soffice: *soffice, Python: *python}
	if err := heldout.Write(ctx, env, *out, *only, slog.Default()); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

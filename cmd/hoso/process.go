package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/process"
	"github.com/hoso-vn/hoso/render"
)

// cmdProcess runs the whole pipeline (extract → validate → render) on local
// files, with no server: the same process.Pipeline the workers run.
//
//	hoso process [--json] [--out DIR] [--pdf] [--rules ID|FILE] [--issuer FILE] [--date YYYY-MM-DD] FILE...
func cmdProcess(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("process")
	asJSON := fs.Bool("json", false, "print each full record (hoso.record/v1) as JSON on standard output")
	out := fs.String("out", "", "write <dossier-id>.json and the letter <dossier-id>.docx (+ .pdf) into this directory")
	withPDF := fs.Bool("pdf", false, "also write the letter as PDF through LibreOffice (needs --out)")
	rulesFlag := fs.String("rules", "", "rule set: an embedded ID (see 'hoso rules') or a YAML/JSON file")
	issuerPath := fs.String("issuer", "", "issuer profile (YAML or JSON); default: the embedded example issuer")
	dateFlag := fs.String("date", "", "date printed on the letters, YYYY-MM-DD; default today")
	ef := addExtractFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, `usage: hoso process [flags] FILE...

Reads each dossier file, checks it against the rule set and renders the
reply letter, with no server. Without --json, prints one summary line per
file; with --out, writes the record and the letter of each file.

flags:`)
		printFlags(fs, nil)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageErrorf("hoso process: no file given (- reads standard input)")
	}
	if err := checkInputs("process", fs.Args()); err != nil {
		return err
	}
	if *withPDF && *out == "" {
		return hoso.Errorf(hoso.EINVALID, "--pdf cần --out (thư mục ghi công văn)", "hoso process: --pdf needs --out")
	}
	x, err := ef.extractor(m)
	if err != nil {
		return fmt.Errorf("hoso process: %w", err)
	}
	rules, err := ruleSetFrom(*rulesFlag)
	if err != nil {
		return err
	}
	iss := render.DefaultIssuer()
	if *issuerPath != "" {
		if iss, err = render.LoadIssuer(*issuerPath); err != nil {
			return err
		}
	}
	date := hoso.DateOf(time.Now())
	if *dateFlag != "" {
		if err := date.UnmarshalText([]byte(*dateFlag)); err != nil || !date.Valid() {
			return hoso.Errorf(hoso.EINVALID, "Ngày %q không hợp lệ (YYYY-MM-DD)", "invalid --date %q (want YYYY-MM-DD)", *dateFlag)
		}
	}
	tx, closeWall := ef.wall.texter(ctx, x, 1, m.Logger)
	defer closeWall()
	p := &process.Pipeline{Extractor: x, Texter: tx, Rules: rules, Issuer: iss}
	if *withPDF {
		pool := &process.PDFPool{Options: render.ConverterOptions{Logger: m.Logger}, Size: 1}
		defer pool.Close()
		p.PDF = pool
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return fmt.Errorf("hoso process: %w", err)
		}
	}

	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	rejected := 0
	for _, name := range fs.Args() {
		rec, letters, err := m.processFile(ctx, p, name, date)
		if err != nil {
			// Only a transient failure (a converter that would not start)
			// gets here; on local files that is worth stopping for.
			return fmt.Errorf("hoso process: %s: %w", name, err)
		}
		if rec.Verdict == hoso.VerdictRejected {
			rejected++
		}
		if *out != "" {
			if err := writeOutputs(*out, rec, letters); err != nil {
				return fmt.Errorf("hoso process: %w", err)
			}
		}
		if *asJSON {
			if err := enc.Encode(rec); err != nil {
				return fmt.Errorf("hoso process: %w", err)
			}
		} else {
			summary(m.Stdout, inputName(name), rec)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if rejected > 0 {
		return rejectedf("hoso process: %d of %d files rejected", rejected, fs.NArg())
	}
	return nil
}

// processFile runs the pipeline on one local file, or standard input for "-". The dossier id is the one
// the service would give the same bytes under the same name in a bucket
// called "local", so ids are stable across runs.
func (m *Main) processFile(ctx context.Context, p *process.Pipeline, name string, date hoso.Date) (*hoso.Record, []process.Document, error) {
	f, size, closeFn, err := m.openInput(name, p.Extractor.Limits.Defaults().MaxBytes)
	if err != nil {
		return rejectedRecord(name, hoso.Wrap(err, hoso.EUNREADABLE, "Không mở được tệp %q", "cannot open %q", name)), nil, nil
	}
	defer closeFn()
	if err := checkSize(name, size, p.Extractor.Limits); err != nil {
		return rejectedRecord(name, err), nil, nil
	}
	name = inputName(name)
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, size)); err != nil {
		return rejectedRecord(name, hoso.Wrap(err, hoso.EUNREADABLE, "Không đọc được tệp %q", "cannot read %q", name)), nil, nil
	}
	sum := hex.EncodeToString(h.Sum(nil))
	id := process.DossierID("local", filepath.Base(name), sum, "")
	o, err := p.Process(ctx, process.Input{DossierID: id, Key: name, ETag: sum, R: f, Size: size, Date: date, LastTry: true})
	if err != nil {
		return nil, nil, err
	}
	o.Record.DossierID = id
	return o.Record, o.Letters, nil
}

// writeOutputs writes <id>.json and the letters next to it, and records the
// letter paths in rec.Letter before the JSON is written.
func writeOutputs(dir string, rec *hoso.Record, letters []process.Document) error {
	base := filepath.Join(dir, rec.DossierID)
	pathOf := func(d process.Document) string { return base + "." + d.Ext }
	for _, d := range letters {
		if err := os.WriteFile(pathOf(d), d.Data, 0o644); err != nil {
			return err
		}
	}
	if l := process.LetterOf(letters, pathOf); l != nil {
		rec.Letter = l
	}
	b, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(base+".json", append(b, '\n'), 0o644)
}

// summary prints one line a clerk can read: file, verdict, reason or letter.
func summary(w io.Writer, name string, rec *hoso.Record) {
	switch {
	case rec.Error != nil:
		fmt.Fprintf(w, "%s\t%s\t%s\n", name, rec.Verdict, rec.Error.Message)
	case rec.Letter != nil && rec.Letter.DOCX != "":
		fmt.Fprintf(w, "%s\t%s\t%s\n", name, rec.Verdict, rec.Letter.DOCX)
	default:
		fmt.Fprintf(w, "%s\t%s\t%s\n", name, rec.Verdict, rec.Candidate.FullName)
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/extract"
)

// extractFlags are the reading limits and OCR switch shared by the
// commands that read dossier files.
type extractFlags struct {
	maxMB, maxUncompressedMB, maxEntries, maxPages int
	maxMegapixels                                  int
	pageTimeout, fileTimeout                       time.Duration
	ocr                                            string
	wall                                           wallFlags
}

func addExtractFlags(fs *flag.FlagSet) *extractFlags {
	f := &extractFlags{}
	def := extract.Limits{}.Defaults()
	fs.IntVar(&f.maxMB, "max-size-mb", int(def.MaxBytes>>20), "refuse files larger than this many MiB")
	fs.IntVar(&f.maxUncompressedMB, "max-uncompressed-mb", int(def.MaxUncompressed>>20), "stop inflating a DOCX/ZIP past this many MiB in total and per member")
	fs.IntVar(&f.maxEntries, "max-entries", def.MaxEntries, "members allowed in a ZIP bundle")
	fs.IntVar(&f.maxPages, "max-pages", def.MaxPages, "pages allowed in a PDF")
	fs.IntVar(&f.maxMegapixels, "max-megapixels", int(def.MaxPixels/1_000_000), "pixels allowed in one image or rendered page, in millions")
	fs.DurationVar(&f.pageTimeout, "page-timeout", def.PageTimeout, "time allowed for the OCR of one page")
	fs.DurationVar(&f.fileTimeout, "file-timeout", def.FileTimeout, "time allowed for one file")
	fs.StringVar(&f.ocr, "ocr", "auto", "OCR of scanned pages and images: auto (when Tesseract is installed) or off")
	f.wall.define(fs, nil)
	return f
}

// extractor builds the Extractor the flags describe.
func (f *extractFlags) extractor(m *Main) (*extract.Extractor, error) {
	if f.maxMB <= 0 || f.maxUncompressedMB <= 0 || f.maxEntries <= 0 || f.maxPages <= 0 || f.maxMegapixels <= 0 ||
		f.pageTimeout <= 0 || f.fileTimeout <= 0 {
		return nil, errors.New("limits must be positive")
	}
	x := &extract.Extractor{
		Limits: extract.Limits{
			MaxBytes:        int64(f.maxMB) << 20,
			MaxUncompressed: int64(f.maxUncompressedMB) << 20,
			MaxEntry:        int64(f.maxUncompressedMB) << 20,
			MaxEntries:      f.maxEntries,
			MaxPages:        f.maxPages,
			MaxPixels:       int64(f.maxMegapixels) * 1_000_000,
			PageTimeout:     f.pageTimeout,
			FileTimeout:     f.fileTimeout,
		},
		Logger: m.Logger,
	}
	switch f.ocr {
	case "auto":
		x.OCR = extract.NewOCR(extract.OCROptions{Logger: m.Logger})
		if err := x.OCR.Available(); err != nil {
			m.Logger.Info("OCR unavailable; scanned pages will be reported, not read", "reason", err.Error())
		}
	case "off":
	default:
		return nil, fmt.Errorf("-ocr must be auto or off, not %q", f.ocr)
	}
	return x, nil
}

// cmdExtract prints the extracted record of each file as indented JSON,
// one after another. A file that cannot be read prints as a rejected
// record with its error; the command then exits with status 1.
func cmdExtract(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("extract")
	ef := addExtractFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: hoso extract [flags] FILE|- ...\n\nPrints the record read from each file (- reads standard input) as JSON\n(hoso.record/v1), before validation. Exit status 1 when a file is rejected,\n2 when a file is missing or a flag is wrong.\n\nflags:")
		printFlags(fs, nil)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageErrorf("hoso extract: no file given (- reads standard input)")
	}
	if err := checkInputs("extract", fs.Args()); err != nil {
		return err
	}
	x, err := ef.extractor(m)
	if err != nil {
		return fmt.Errorf("hoso extract: %w", err)
	}
	tx, closeWall := ef.wall.texter(ctx, x, 1, m.Logger)
	defer closeWall()
	rejected := 0
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	for _, name := range fs.Args() {
		rec := m.extractFile(ctx, tx, x.Limits, name)
		if rec.Verdict == hoso.VerdictRejected {
			rejected++
		}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("hoso extract: %w", err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if rejected > 0 {
		return rejectedf("hoso extract: %d of %d files rejected", rejected, fs.NArg())
	}
	return nil
}

// extractFile reads one local file (or standard input for "-") into a
// record. The file was checked by checkInputs; one that fails to open
// now is a rejected record.
func (m *Main) extractFile(ctx context.Context, tx dossier.Texter, lim extract.Limits, name string) *hoso.Record {
	r, size, closeFn, err := m.openInput(name, lim.Defaults().MaxBytes)
	if err != nil {
		return rejectedRecord(name, hoso.Wrap(err, hoso.EUNREADABLE, "Không mở được tệp %q", "cannot open %q", name))
	}
	defer closeFn()
	if err := checkSize(name, size, lim); err != nil {
		return rejectedRecord(name, err)
	}
	rd := dossier.Reader{Texter: tx}
	rec, _ := rd.Record(ctx, inputName(name), r, size)
	return rec
}

// checkInputs refuses, before any work, file arguments that do not name a
// readable regular file: a typing mistake is a usage error (exit status
// 2), not a rejected dossier. "-" (standard input) may appear once.
func checkInputs(cmd string, names []string) error {
	stdin := 0
	for _, name := range names {
		if name == "-" {
			if stdin++; stdin > 1 {
				return usageErrorf("hoso %s: standard input (-) given twice", cmd)
			}
			continue
		}
		fi, err := os.Stat(name)
		switch {
		case err != nil:
			return fmt.Errorf("hoso %s: %w", cmd, err)
		case fi.IsDir():
			return fmt.Errorf("hoso %s: %s is a directory, not a dossier file", cmd, name)
		case !fi.Mode().IsRegular():
			return fmt.Errorf("hoso %s: %s is not a regular file", cmd, name)
		}
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("hoso %s: %w", cmd, err)
		}
		f.Close()
	}
	return nil
}

// openInput opens a file argument, or reads standard input into memory
// for "-" (at most limit+1 bytes: one more tells the size check it is too
// large without reading the rest).
func (m *Main) openInput(name string, limit int64) (io.ReaderAt, int64, func(), error) {
	if name == "-" {
		b, err := io.ReadAll(io.LimitReader(m.Stdin, limit+1))
		if err != nil {
			return nil, 0, nil, err
		}
		return bytes.NewReader(b), int64(len(b)), func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, nil, err
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = fmt.Errorf("%s is not a regular file", name)
		}
		return nil, 0, nil, err
	}
	return f, fi.Size(), func() { f.Close() }, nil
}

// inputName is the name a file argument is known by in records.
func inputName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

func rejectedRecord(name string, err error) *hoso.Record {
	rec := hoso.NewRecord()
	rec.Source.Key = name
	rec.Reject(err)
	return rec
}

// checkSize refuses a file over the size limit from its size alone, before
// a byte of it is read or hashed (an 8 GiB sparse file took 30 s to be
// refused when it was hashed first).
func checkSize(name string, size int64, lim extract.Limits) error {
	lim = lim.Defaults()
	if lim.MaxBytes >= 0 && size > lim.MaxBytes {
		return hoso.Errorf(hoso.ETOOLARGE, "Tệp quá lớn (%d MiB, tối đa %d MiB)", "the file is too large (%d MiB, at most %d MiB)",
			(size+(1<<20)-1)>>20, lim.MaxBytes>>20)
	}
	return nil
}

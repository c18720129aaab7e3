// Command gen writes the scanned variants of the corpus: it takes the text
// dossiers of testdata/corpus (DOCX and text PDF, with their ground
// truth), scans them in several ways and writes image-only PDFs, a mixed
// PDF, a multi-page TIFF, phone photos and a blank page, with a truth.json
// whose entries copy the source's truth.
//
//	go run ./internal/corpus/scan/gen -corpus testdata/corpus
//
// It needs pdftoppm, pdfinfo, qpdf, ImageMagick's convert and, for DOCX
// sources, LibreOffice. The output is deterministic for a given corpus
// and toolchain apart from JPEG encoder differences.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/corpus/scan"
)

func main() {
	dir := flag.String("corpus", "testdata/corpus", "corpus directory (sources and their truth.json)")
	out := flag.String("out", "", "output directory (default <corpus>/scan)")
	n := flag.Int("n", 14, "number of scanned image-only PDFs")
	flag.Parse()
	if *out == "" {
		*out = filepath.Join(*dir, "scan")
	}
	if err := run(context.Background(), *dir, *out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// source is a text dossier of the corpus and its PDF.
type source struct {
	truth corpus.Truth
	pdf   []byte
	pages int
}

// skipTags mark sources whose rendering shows text the truth does not
// read (tracked deletions print struck through) or that test the file
// format rather than the paper.
var skipTags = []string{"tracked", "legacy", "tcvn3", "vni", "nofont", "nfd", "mislabelled", "broken", "zip"}

func run(ctx context.Context, dir, out string, n int) error {
	all, err := corpus.Load(dir)
	if err != nil {
		return err
	}
	var cands []corpus.Truth
	for _, t := range all {
		if strings.HasPrefix(t.File, "scan/") || t.Error != "" {
			continue
		}
		if t.Format != hoso.FormatDOCX && t.Format != hoso.FormatPDFText {
			continue
		}
		if t.Verdict != hoso.VerdictEligible && t.Verdict != hoso.VerdictIneligible && t.Verdict != hoso.VerdictIncomplete {
			continue
		}
		if slices.ContainsFunc(t.Tags, func(tag string) bool { return slices.Contains(skipTags, tag) }) {
			continue
		}
		cands = append(cands, t)
	}
	picked := pick(cands, n+2)
	if len(picked) < 4 {
		return fmt.Errorf("only %d usable text dossiers in %s", len(picked), dir)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	office := &corpus.Office{Profile: "/tmp/hoso-scan-lo"}
	var srcs []source
	for _, t := range picked {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(t.File)))
		if err != nil {
			return err
		}
		pdf := data
		if t.Format == hoso.FormatDOCX {
			if pdf, err = office.Convert(ctx, data, "docx", "pdf"); err != nil {
				return err
			}
		}
		pages, err := pdfPages(ctx, pdf)
		if err != nil {
			return fmt.Errorf("%s: %w", t.File, err)
		}
		srcs = append(srcs, source{t, pdf, pages})
	}

	// Mostly 150–200 dpi, as offices scan, one 300 dpi case; the corpus
	// stays under 8 MB.
	order := []string{"scan150", "scan200", "badscan", "scan150", "scan200b", "scan150", "scan300", "badscan", "scan150", "scan200", "scan150", "badscan"}
	var truths []corpus.Truth
	emit := func(s source, name string, format hoso.Format, data []byte, tags ...string) error {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
		t := s.truth
		t.File = name
		t.Format = format
		t.Tags = append(slices.Clone(t.Tags), append([]string{"scan"}, tags...)...)
		t.Note = strings.TrimSpace("Scan of " + s.truth.File + " (" + strings.Join(tags, ", ") + "). " + t.Note)
		truths = append(truths, t)
		slog.Info("wrote", "file", name, "bytes", len(data), "verdict", t.Verdict)
		return nil
	}
	seed := 1
	// Image-only PDFs.
	for i, s := range srcs[:min(n, len(srcs))] {
		v := scan.Variants[order[i%len(order)]]
		data, err := scan.PDF(ctx, s.pdf, v, seed)
		if err != nil {
			return fmt.Errorf("%s: %w", s.truth.File, err)
		}
		seed += 100
		if err := emit(s, base(s.truth.File)+"."+v.Name+".pdf", hoso.FormatPDFScan, data, v.Name); err != nil {
			return err
		}
	}
	// A mixed PDF: first page text, the rest scanned.
	extra := srcs[min(n, len(srcs)-2):]
	if m := extra[0]; m.pages >= 2 {
		data, err := scan.Mixed(ctx, m.pdf, scan.Variants["scan200"], seed)
		if err != nil {
			return err
		}
		seed += 100
		if err := emit(m, base(m.truth.File)+".mixed.pdf", hoso.FormatPDFScan, data, "mixed", "scan200"); err != nil {
			return err
		}
	}
	// A fax-like multi-page TIFF.
	t := extra[len(extra)-1]
	data, err := scan.TIFF(ctx, t.pdf, scan.Variants["fax"], seed)
	if err != nil {
		return err
	}
	seed += 100
	if err := emit(t, base(t.truth.File)+".fax.tif", hoso.FormatImage, data, "tiff", "fax"); err != nil {
		return err
	}
	// Phone photos. A photo is one page, so its dossier is one paper: the
	// appraisal summary of a source case, with the ground truth the corpus
	// computes for that one-paper dossier.
	photos := 0
	for _, d := range corpus.Dossiers() {
		if photos >= 2 || !slices.ContainsFunc(srcs, func(s source) bool { return base(s.truth.File) == d.ID }) {
			continue
		}
		d.Docs = []corpus.DocKind{corpus.DocAppraisal}
		d.Pack = corpus.Pack{Kind: corpus.PackDOCX}
		docx, err := d.DOCX()
		if err != nil {
			return err
		}
		pdf, err := office.Convert(ctx, docx, "docx", "pdf")
		if err != nil {
			return err
		}
		pages, err := scan.Pages(ctx, pdf, scan.Variants["photo"], seed)
		if err != nil {
			return err
		}
		seed += 100
		j := pages[0].JPEG
		one := func(name string, data []byte, tags ...string) error {
			s := source{truth: d.Truth(name, hoso.FormatImage), pdf: pdf, pages: 1}
			s.truth.File = d.ID + " (appraisal summary only)"
			return emit(s, name, hoso.FormatImage, data, tags...)
		}
		if photos == 0 {
			if err := one(d.ID+".photo.jpg", j, "photo"); err != nil {
				return err
			}
			side, err := scan.Sideways(ctx, j, 80)
			if err != nil {
				return err
			}
			if err := one(d.ID+".photo-exif6.jpg", side, "photo", "exif-orientation"); err != nil {
				return err
			}
		} else {
			p, err := scan.PNG(ctx, j)
			if err != nil {
				return err
			}
			if err := one(d.ID+".photo.png", p, "photo", "png"); err != nil {
				return err
			}
		}
		photos++
	}
	// A blank scanned page: not a dossier.
	blank, err := scan.Blank(ctx, scan.Variants["scan150"], seed)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "blank.scan150.pdf"), blank, 0o644); err != nil {
		return err
	}
	truths = append(truths, corpus.Truth{
		File: "blank.scan150.pdf", Format: hoso.FormatPDFScan, Tags: []string{"scan", "blank", "not-dossier"},
		Appraisals: []corpus.Appraisal{}, Awards: []corpus.Award{},
		Verdict: hoso.VerdictRejected, Error: hoso.ENOTDOSSIER,
		Note: "A scanned blank page: readable, but no candidate and no appraisal, so not a dossier.",
	})
	b, err := json.MarshalIndent(truths, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "truth.json"), append(b, '\n'), 0o644)
}

// pick takes up to n truths, alternating between verdicts so each is
// represented, in file order within a verdict.
func pick(ts []corpus.Truth, n int) []corpus.Truth {
	by := map[hoso.Verdict][]corpus.Truth{}
	for _, t := range ts {
		by[t.Verdict] = append(by[t.Verdict], t)
	}
	var out []corpus.Truth
	for i := 0; len(out) < n; i++ {
		added := false
		for _, v := range []hoso.Verdict{hoso.VerdictEligible, hoso.VerdictIneligible, hoso.VerdictIncomplete} {
			if i < len(by[v]) && len(out) < n {
				out = append(out, by[v][i])
				added = true
			}
		}
		if !added {
			break
		}
	}
	return out
}

func base(file string) string {
	b := filepath.Base(file)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

func pdfPages(ctx context.Context, pdf []byte) (int, error) {
	cmd := exec.CommandContext(ctx, "pdfinfo", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	o, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("pdfinfo: %w", err)
	}
	for _, l := range strings.Split(string(o), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
			return strconv.Atoi(f[1])
		}
	}
	return 0, fmt.Errorf("pdfinfo: no page count")
}

package dossier_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/hoso-vn/hoso/validate"
)

const scanCorpus = "../testdata/corpus/scan"

// scanResult is what the pipeline made of one scanned corpus file.
type scanResult struct {
	truth corpus.Truth
	rec   *hoso.Record
	err   error
}

// readScans runs the extractor (with x's OCR) and the default rule set on
// every file of the scan corpus, a few files at a time.
func readScans(t *testing.T, x *extract.Extractor) []scanResult {
	t.Helper()
	truths, err := corpus.Load(scanCorpus)
	if err != nil {
		t.Fatal(err)
	}
	res := make([]scanResult, len(truths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2) // the OCR's own workers bound the CPU; this bounds files in flight
	for i, tr := range truths {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			data, err := os.ReadFile(filepath.Join(scanCorpus, filepath.FromSlash(tr.File)))
			if err != nil {
				res[i] = scanResult{truth: tr, err: err}
				return
			}
			rec, err := (&dossier.Reader{Texter: x}).Record(t.Context(), filepath.Base(tr.File), bytes.NewReader(data), int64(len(data)))
			if rec != nil {
				validate.Default().Apply(rec)
			}
			res[i] = scanResult{truth: tr, rec: rec, err: err}
		})
	}
	wg.Wait()
	return res
}

// TestOCRCorpus reads every scanned dossier of the corpus (image-only
// PDFs, a mixed PDF, a fax TIFF, phone photos, a blank page) through the
// whole extractor with OCR, then the default rule set, and checks the
// accuracy the issue asks for.
func TestOCRCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of the scan corpus takes minutes")
	}
	testenv.LookPath(t, "tesseract")
	testenv.LookPath(t, "pdftoppm")
	ocr := extract.NewOCR(extract.OCROptions{})
	if err := ocr.Available(); err != nil {
		testenv.Missing(t, err.Error())
	}
	results := readScans(t, &extract.Extractor{OCR: ocr})

	var (
		nApp, okApp, nName, okName, nVerdict, okVerdict, nDOB, okDOB int
		falseEligible                                                []string
		table                                                        strings.Builder
	)
	fmt.Fprintf(&table, "%-44s %-10s %-11s %-11s %-5s %-5s %s\n", "file", "format", "verdict", "truth", "name", "dob", "appraisals")
	for _, r := range results {
		tr := r.truth
		if r.rec == nil {
			t.Errorf("%s: no record: %v", tr.File, r.err)
			continue
		}
		rec := r.rec
		if tr.Error != "" {
			if hoso.Code(r.err) != tr.Error {
				t.Errorf("%s: error %v, want %s", tr.File, r.err, tr.Error)
			}
		} else if r.err != nil {
			t.Errorf("%s: %v", tr.File, r.err)
		}
		if rec.Source.Format != tr.Format {
			t.Errorf("%s: format %s, want %s", tr.File, rec.Source.Format, tr.Format)
		}
		nVerdict++
		if rec.Verdict == tr.Verdict {
			okVerdict++
		}
		if rec.Verdict == hoso.VerdictEligible && tr.Verdict != hoso.VerdictEligible {
			falseEligible = append(falseEligible, tr.File)
		}
		name, dob, app := "-", "-", "-"
		if tr.Candidate.FullName != "" {
			nName++
			name = "no"
			if rec.Candidate.FullName == tr.Candidate.FullName {
				okName++
				name = "ok"
			}
		}
		if !tr.Candidate.DateOfBirth.IsZero() {
			nDOB++
			dob = "no"
			if rec.Candidate.DateOfBirth == tr.Candidate.DateOfBirth {
				okDOB++
				dob = "ok"
			}
		}
		if len(tr.Appraisals) > 0 {
			got := 0
			for _, a := range tr.Appraisals {
				if slices.ContainsFunc(rec.Appraisals, func(b hoso.Appraisal) bool { return b.Year == a.Year && b.Rating == a.Rating }) {
					got++
				}
			}
			nApp += len(tr.Appraisals)
			okApp += got
			app = fmt.Sprintf("%d/%d", got, len(tr.Appraisals))
		}
		fmt.Fprintf(&table, "%-44s %-10s %-11s %-11s %-5s %-5s %s\n", tr.File, rec.Source.Format, rec.Verdict, tr.Verdict, name, dob, app)
		if rec.Verdict != tr.Verdict {
			fmt.Fprintf(&table, "    got name %q dob %s appraisals %v; rules:", rec.Candidate.FullName, rec.Candidate.DateOfBirth, appraisals(rec))
			for _, ru := range rec.Rules {
				if ru.Outcome != hoso.OutcomePass {
					fmt.Fprintf(&table, " %s=%s", ru.ID, ru.Outcome)
				}
			}
			table.WriteString("\n")
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 100
		}
		return 100 * float64(a) / float64(b)
	}
	fmt.Fprintf(&table, "appraisal year+rating %d/%d = %.1f %%; name %d/%d = %.1f %%; date of birth %d/%d = %.1f %%; verdict %d/%d = %.1f %%\n",
		okApp, nApp, pct(okApp, nApp), okName, nName, pct(okName, nName), okDOB, nDOB, pct(okDOB, nDOB),
		okVerdict, nVerdict, pct(okVerdict, nVerdict))
	t.Log("\n" + table.String())

	if len(results) < 12 {
		t.Errorf("scan corpus has %d files, want at least 12", len(results))
	}
	if p := pct(okApp, nApp); p < 95 {
		t.Errorf("appraisal year+rating exact %.1f %%, want ≥ 95 %%", p)
	}
	if p := pct(okName, nName); p < 90 {
		t.Errorf("candidate name exact %.1f %%, want ≥ 90 %%", p)
	}
	if p := pct(okVerdict, nVerdict); p < 95 {
		t.Errorf("verdict agreement %.1f %%, want ≥ 95 %%", p)
	}
	if len(falseEligible) > 0 {
		t.Errorf("judged eligible although the truth is not: %v", falseEligible)
	}
}

func appraisals(rec *hoso.Record) []string {
	var s []string
	for _, a := range rec.Appraisals {
		s = append(s, fmt.Sprintf("%d:%s", a.Year, a.Rating))
	}
	return s
}

// TestOCRCorpusWithoutTesseract reads the scans with an OCR whose program
// is missing: every scanned dossier must end incomplete, with the
// dispatcher's "OCR unavailable" warning, never fail or pass.
func TestOCRCorpusWithoutTesseract(t *testing.T) {
	ocr := extract.NewOCR(extract.OCROptions{TesseractPath: filepath.Join(t.TempDir(), "tesseract-missing")})
	x := &extract.Extractor{OCR: ocr}
	truths, err := corpus.Load(scanCorpus)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range truths {
		data, err := os.ReadFile(filepath.Join(scanCorpus, filepath.FromSlash(tr.File)))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := (&dossier.Reader{Texter: x}).Record(context.Background(), tr.File, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Errorf("%s: %v", tr.File, err)
			continue
		}
		validate.Default().Apply(rec)
		// The mixed PDF's text page is read without OCR, so its verdict may
		// already be decided; every other scan has nothing to go on.
		if !tr.HasTag("mixed") && rec.Verdict != hoso.VerdictIncomplete {
			t.Errorf("%s: verdict %s without OCR, want incomplete", tr.File, rec.Verdict)
		}
		if rec.Verdict == hoso.VerdictEligible && tr.Verdict != hoso.VerdictEligible {
			t.Errorf("%s: eligible without OCR, truth %s", tr.File, tr.Verdict)
		}
		if !slices.ContainsFunc(rec.Warnings, func(w hoso.Warning) bool {
			return w.Code == hoso.WarnOCRSkipped && strings.Contains(w.Message, "Không có OCR")
		}) {
			t.Errorf("%s: no ocr_skipped warning saying OCR is unavailable: %+v", tr.File, rec.Warnings)
		}
	}
	if errors.Is(ocr.Available(), hoso.ErrUnsupported) == false {
		t.Errorf("Available() = %v, want unsupported", ocr.Available())
	}
}

package dossier_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/testenv"
)

// BenchmarkOCRPreprocess measures, on the whole scan corpus, what each
// pre-processing choice does to accuracy (appraisal year+rating and name
// exact, as the accuracy test counts them) and to speed, so that only the
// choices that pay for themselves become defaults. Run it with
// -benchtime=1x: one pass over the corpus per choice.
func BenchmarkOCRPreprocess(b *testing.B) {
	testenv.LookPath(b, "tesseract")
	testenv.LookPath(b, "pdftoppm")
	dir := "../testdata/corpus/scan"
	if d := os.Getenv("HOSO_SCAN_CORPUS"); d != "" {
		dir = d // measure on a freshly generated corpus before committing it
	}
	truths, err := corpus.Load(dir)
	if err != nil {
		testenv.Missing(b, err.Error())
	}
	choices := []struct {
		name string
		opt  extract.OCROptions
	}{
		{"default", extract.OCROptions{}},
		{"reread", extract.OCROptions{Reread: true}},
		{"dpi300", extract.OCROptions{DPI: 300}},
		{"dpi150", extract.OCROptions{DPI: 150}},
		{"psm1-osd", extract.OCROptions{PSM: 1}},
		{"psm6", extract.OCROptions{PSM: 6}},
		{"sauvola", extract.OCROptions{Params: map[string]string{"thresholding_method": "2"}}},
		{"adaptive-otsu", extract.OCROptions{Params: map[string]string{"thresholding_method": "1"}}},
		{"invert", extract.OCROptions{Params: map[string]string{"tessedit_do_invert": "1"}}},
	}
	if only := os.Getenv("HOSO_OCR_CHOICES"); only != "" {
		choices = slices.DeleteFunc(choices, func(c struct {
			name string
			opt  extract.OCROptions
		}) bool {
			return !slices.Contains(strings.Split(only, ","), c.name)
		})
	}
	for _, c := range choices {
		b.Run(c.name, func(b *testing.B) {
			x := &extract.Extractor{OCR: extract.NewOCR(c.opt)}
			for b.Loop() {
				var nApp, okApp, nName, okName, pages int
				var conf float64
				var nConf int
				start := time.Now()
				for _, tr := range truths {
					data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tr.File)))
					if err != nil {
						b.Fatal(err)
					}
					t, err := x.Text(context.Background(), tr.File, bytes.NewReader(data), int64(len(data)))
					if err != nil {
						continue
					}
					pages += t.Pages
					for _, bl := range t.Blocks {
						if bl.Confidence > 0 {
							conf += bl.Confidence
							nConf++
						}
					}
					rec, err := dossier.Read(t)
					if err != nil || rec == nil {
						rec = &hoso.Record{}
					}
					if tr.Candidate.FullName != "" {
						nName++
						if rec.Candidate.FullName == tr.Candidate.FullName {
							okName++
						}
					}
					for _, a := range tr.Appraisals {
						nApp++
						if slices.ContainsFunc(rec.Appraisals, func(g hoso.Appraisal) bool { return g.Year == a.Year && g.Rating == a.Rating }) {
							okApp++
						}
					}
				}
				el := time.Since(start).Seconds()
				b.ReportMetric(100*float64(okApp)/float64(max(nApp, 1)), "appraisal-%")
				b.ReportMetric(100*float64(okName)/float64(max(nName, 1)), "name-%")
				b.ReportMetric(conf/float64(max(nConf, 1)), "mean-conf")
				b.ReportMetric(el/float64(max(pages, 1)), "s/page")
			}
		})
	}
}

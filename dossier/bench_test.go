package dossier_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/extract"
)

// BenchmarkRead measures the form-aware reader (classification and fields)
// on whole dossiers, against reading the same file's bytes into text in
// the same run: the "read-ms" metric is the reader's own cost, which the
// target bounds at 1 ms for a DOCX dossier on one core (-cpu 1).
func BenchmarkRead(b *testing.B) {
	files := []string{"../testdata/corpus/01-bang-htxsnv.docx", "../testdata/corpus/34-zip-ba-phan.zip"}
	if m, _ := filepath.Glob("../testdata/forms/*.docx"); len(m) > 0 {
		files = append(files, m[:min(3, len(m))]...)
	}
	x := &extract.Extractor{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Skip("no corpus: ", err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			var tText, tRead time.Duration
			blocks, docs := 0, 0
			for b.Loop() {
				s := time.Now()
				t, err := x.Text(b.Context(), f, bytes.NewReader(data), int64(len(data)))
				if err != nil {
					b.Fatal(err)
				}
				m := time.Now()
				rec, _ := dossier.Read(t)
				tText += m.Sub(s)
				tRead += time.Since(m)
				blocks, docs = len(t.Blocks), len(rec.Documents)
			}
			n := float64(b.N)
			b.ReportMetric(tRead.Seconds()*1e3/n, "read-ms")
			b.ReportMetric(tRead.Seconds()/tText.Seconds(), "read/text")
			b.ReportMetric(float64(blocks), "blocks")
			b.ReportMetric(float64(docs), "papers")
		})
	}
}

// BenchmarkReadScaling reads one dossier's text repeated 1, 4 and 16 times
// as a bundle: bytes allocated per block must stay flat, so memory grows
// with the text, not with the number of papers.
func BenchmarkReadScaling(b *testing.B) {
	data, err := os.ReadFile("../testdata/corpus/01-bang-htxsnv.docx")
	if err != nil {
		b.Skip("no corpus: ", err)
	}
	t, err := (&extract.Extractor{}).Text(b.Context(), "a.docx", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range []int{1, 4, 16} {
		big := &extract.Text{Format: t.Format}
		for i := range k {
			for _, bl := range t.Blocks {
				bl.File = fmt.Sprintf("%d.docx", i)
				big.Blocks = append(big.Blocks, bl)
			}
		}
		b.Run(fmt.Sprintf("x%d", k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				dossier.Read(big)
			}
			b.ReportMetric(float64(len(big.Blocks)), "blocks")
		})
	}
}

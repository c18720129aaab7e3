// Throwaway: measure OCR confidences of evidence on the scan corpus, by whether the value is right.
package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/internal/corpus"
)

func main() {
	dir := "testdata/corpus/scan"
	truths, err := corpus.Load(dir)
	if err != nil {
		panic(err)
	}
	x := &extract.Extractor{OCR: extract.NewOCR(extract.OCROptions{})}
	for _, tr := range truths {
		data, err := os.ReadFile(filepath.Join(dir, tr.File))
		if err != nil {
			continue
		}
		rec, err := x.Record(context.Background(), filepath.Base(tr.File), bytes.NewReader(data), int64(len(data)))
		if err != nil || rec == nil {
			fmt.Println("ERR", tr.File, err)
			continue
		}
		for _, a := range rec.Appraisals {
			ok := false
			for _, t := range tr.Appraisals {
				if t.Year == a.Year && t.Rating == a.Rating {
					ok = true
				}
			}
			fmt.Printf("APP\t%s\t%v\t%.3f\t%d %s\t%q\n", tr.File, ok, a.Evidence.Confidence, a.Year, a.Rating, a.Evidence.Text)
		}
		for _, a := range rec.Awards {
			ok := false
			for _, t := range tr.Awards {
				if t.Year == a.Year && t.Kind == a.Kind {
					ok = true
				}
			}
			fmt.Printf("AWD\t%s\t%v\t%.3f\t%d %s\t%q\n", tr.File, ok, a.Evidence.Confidence, a.Year, a.Kind, a.Evidence.Text)
		}
		if e, has := rec.Candidate.Evidence["date_of_birth"]; has {
			fmt.Printf("DOB\t%s\t%v\t%.3f\t%s\t%q\n", tr.File, rec.Candidate.DateOfBirth == tr.Candidate.DateOfBirth, e.Confidence, rec.Candidate.DateOfBirth, e.Text)
		}
		if e := rec.ReviewDateEvidence; e != nil {
			fmt.Printf("REV\t%s\t%v\t%.3f\t%s\t%q\n", tr.File, rec.ReviewDate == tr.ReviewDate, e.Confidence, rec.ReviewDate, e.Text)
		}
		for k, e := range rec.Candidate.Evidence {
			if k == "date_of_birth" {
				continue
			}
			var got, want string
			switch k {
			case "full_name":
				got, want = rec.Candidate.FullName, tr.Candidate.FullName
			case "unit":
				got, want = rec.Candidate.Unit, tr.Candidate.Unit
			default:
				continue
			}
			fmt.Printf("FLD\t%s\t%v\t%.3f\t%s=%q want %q\n", tr.File, got == want, e.Confidence, k, got, want)
		}
	}
}

package dossier

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/hoso-vn/hoso/internal/vntext"
)

// corpusDir is the committed corpus; HOSO_CORPUS points the test at a
// freshly generated one instead.
func corpusDir() string {
	if d := os.Getenv("HOSO_CORPUS"); d != "" {
		return d
	}
	return filepath.Join("..", "testdata", "corpus")
}

// score counts exact fields per format and field name.
type score struct {
	ok, all map[string]map[string]int // format → field → count
	misses  []string
}

func newScore() *score {
	return &score{ok: map[string]map[string]int{}, all: map[string]map[string]int{}}
}

func (s *score) add(format, field string, good bool, file, detail string) {
	if s.all[format] == nil {
		s.all[format], s.ok[format] = map[string]int{}, map[string]int{}
	}
	s.all[format][field]++
	if good {
		s.ok[format][field]++
		return
	}
	s.misses = append(s.misses, fmt.Sprintf("%s [%s] %s: %s", file, format, field, detail))
}

func (s *score) rate(format string) (ok, all int) {
	for f, n := range s.all[format] {
		all += n
		ok += s.ok[format][f]
	}
	return ok, all
}

func (s *score) table() string {
	var formats, fields []string
	seen := map[string]bool{}
	for f, m := range s.all {
		formats = append(formats, f)
		for k := range m {
			if !seen[k] {
				seen[k] = true
				fields = append(fields, k)
			}
		}
	}
	sort.Strings(formats)
	sort.Strings(fields)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-16s", "field")
	for _, f := range formats {
		fmt.Fprintf(&b, " %14s", f)
	}
	for _, k := range fields {
		fmt.Fprintf(&b, "\n%-16s", k)
		for _, f := range formats {
			if n := s.all[f][k]; n > 0 {
				fmt.Fprintf(&b, " %8d/%-5d", s.ok[f][k], n)
			} else {
				fmt.Fprintf(&b, " %14s", "-")
			}
		}
	}
	fmt.Fprintf(&b, "\n%-16s", "exact")
	for _, f := range formats {
		ok, all := s.rate(f)
		fmt.Fprintf(&b, " %13.1f%%", 100*float64(ok)/float64(max(all, 1)))
	}
	return b.String()
}

// TestCorpusFields extracts every readable dossier of the corpus and
// compares it field by field with the ground truth: ≥ 99 % of the fields
// of DOCX and text-PDF dossiers must be exact.
func TestCorpusFields(t *testing.T) {
	dir := corpusDir()
	if _, err := os.Stat(filepath.Join(dir, "truth.json")); err != nil {
		testenv.Missing(t, "no corpus: "+err.Error()+" (go run ./internal/corpus/gen -out testdata/corpus)")
	}
	truths, err := corpus.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := newScore()
	x := &extract.Extractor{}
	// A picture can only be told apart from a scanned dossier once read:
	// rejected images go through OCR.
	ocrX := &extract.Extractor{OCR: extract.NewOCR(extract.OCROptions{})}
	ocrErr := ocrX.OCR.Available()
	for _, tr := range truths {
		x := x
		if tr.Error != "" && (tr.Format == hoso.FormatImage || tr.Format == hoso.FormatPDFScan) {
			if ocrErr != nil {
				if testenv.CI() {
					t.Errorf("%s needs OCR: %v", tr.File, ocrErr)
				} else {
					t.Logf("%s: not checked, no OCR: %v", tr.File, ocrErr)
				}
				continue
			}
			x = ocrX
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tr.File)))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := (&Reader{Texter: x}).Record(context.Background(), filepath.Base(tr.File), bytes.NewReader(data), int64(len(data)))
		if tr.Error != "" {
			got := hoso.Code(err)
			s.add("rejected", "error", got == tr.Error, tr.File, fmt.Sprintf("got %q, want %q", got, tr.Error))
			continue
		}
		switch tr.Format {
		case hoso.FormatDOCX, hoso.FormatPDFText, hoso.FormatZIP:
		default:
			continue
		}
		f := string(tr.Format)
		if err != nil {
			s.add(f, "read", false, tr.File, err.Error())
			continue
		}
		compareRecord(s, f, tr, rec)
	}
	t.Log(s.table())
	for _, m := range s.misses {
		t.Log("miss: " + m)
	}
	for _, f := range []string{string(hoso.FormatDOCX), string(hoso.FormatPDFText)} {
		ok, all := s.rate(f)
		if all == 0 {
			continue
		}
		if float64(ok) < 0.99*float64(all) {
			t.Errorf("%s: %d of %d fields exact (%.1f %%), want ≥ 99 %%", f, ok, all, 100*float64(ok)/float64(all))
		}
	}
	if ok, all := s.rate("rejected"); ok != all {
		t.Errorf("rejected files: %d of %d with the expected error code", ok, all)
	}
}

func compareRecord(s *score, f string, tr corpus.Truth, rec *hoso.Record) {
	c, w := rec.Candidate, tr.Candidate
	s.add(f, "full_name", c.FullName == w.FullName, tr.File, fmt.Sprintf("got %q, want %q", c.FullName, w.FullName))
	s.add(f, "date_of_birth", c.DateOfBirth == w.DateOfBirth, tr.File, fmt.Sprintf("got %q, want %q", c.DateOfBirth, w.DateOfBirth))
	s.add(f, "unit", vntext.SameText(c.Unit, w.Unit), tr.File, fmt.Sprintf("got %q, want %q", c.Unit, w.Unit))
	s.add(f, "position", vntext.SameText(c.Position, w.Position), tr.File, fmt.Sprintf("got %q, want %q", c.Position, w.Position))
	s.add(f, "review_date", rec.ReviewDate == tr.ReviewDate && rec.ReviewDateBasis == tr.ReviewDateBasis, tr.File,
		fmt.Sprintf("got %s (%s), want %s (%s)", rec.ReviewDate, rec.ReviewDateBasis, tr.ReviewDate, tr.ReviewDateBasis))

	// Appraisals and awards compare as multisets: each one missing and each
	// one extra is a wrong field.
	// The same rating for a year written in two papers is one appraisal.
	want := map[string]int{}
	for _, a := range tr.Appraisals {
		want[fmt.Sprintf("%d:%s", a.Year, a.Rating)] = 1
	}
	got := map[string]int{}
	for _, a := range rec.Appraisals {
		got[fmt.Sprintf("%d:%s", a.Year, a.Rating)]++
	}
	multiset(s, f, "appraisal", tr.File, want, got)
	want, got = map[string]int{}, map[string]int{}
	for _, a := range tr.Awards {
		want[fmt.Sprintf("%d:%s", a.Year, a.Kind)]++
	}
	for _, a := range rec.Awards {
		got[fmt.Sprintf("%d:%s", a.Year, a.Kind)]++
	}
	multiset(s, f, "award", tr.File, want, got)
}

func multiset(s *score, f, field, file string, want, got map[string]int) {
	keys := map[string]bool{}
	for k := range want {
		keys[k] = true
	}
	for k := range got {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		w, g := want[k], got[k]
		for i := 0; i < max(w, g); i++ {
			switch {
			case i < w && i < g:
				s.add(f, field, true, file, "")
			case i < w:
				s.add(f, field, false, file, "missing "+k)
			default:
				s.add(f, field, false, file, "extra "+k)
			}
		}
	}
}

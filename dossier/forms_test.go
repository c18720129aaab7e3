package dossier_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/hoso-vn/hoso/internal/vntext"
	"github.com/hoso-vn/hoso/validate"
)

// The corpora written from the official forms: testdata/forms, which the
// reader is tuned on, and testdata/heldout, written by a second generator
// with its own wording that the reader's code and lexicon are never tuned
// on. Both are scored the same way; the README reports both.

// formScore counts fields and verdicts of one corpus, by format.
type formScore struct {
	fields, fieldsOK     map[string]int // by format
	verdicts, verdictsOK map[string]int
	docs, docsOK         int
	falseEligible        []string
	misses               []string
}

func newFormScore() *formScore {
	return &formScore{fields: map[string]int{}, fieldsOK: map[string]int{}, verdicts: map[string]int{}, verdictsOK: map[string]int{}}
}

func (s *formScore) field(format, file, name string, ok bool, got, want any) {
	s.fields[format]++
	if ok {
		s.fieldsOK[format]++
		return
	}
	s.misses = append(s.misses, fmt.Sprintf("%s: %s: got %v, want %v", file, name, got, want))
}

func pct(ok, n int) float64 {
	if n == 0 {
		return 100
	}
	return 100 * float64(ok) / float64(n)
}

// group is the format class a threshold applies to.
func group(tr corpus.Truth) string {
	switch {
	case tr.HasTag("scan") || tr.Format == hoso.FormatPDFScan || tr.Format == hoso.FormatImage:
		return "scan"
	case tr.Format == hoso.FormatZIP:
		return "zip"
	}
	return string(tr.Format)
}

// scoreRecord compares one record with its truth, field by field: the
// candidate's name, date (or year) of birth and unit, the review date, each
// rating and award of the truth and every one the reader added, the
// addressee, the start of work and the unrated years.
func (s *formScore) scoreRecord(g string, tr corpus.Truth, rec *hoso.Record) {
	f := tr.File
	c := rec.Candidate
	s.field(g, f, "name", c.FullName == tr.Candidate.FullName, c.FullName, tr.Candidate.FullName)
	if !tr.Candidate.DateOfBirth.IsZero() || tr.Candidate.BirthYear == 0 {
		s.field(g, f, "date_of_birth", c.DateOfBirth == tr.Candidate.DateOfBirth, c.DateOfBirth, tr.Candidate.DateOfBirth)
	}
	if tr.Candidate.BirthYear != 0 {
		s.field(g, f, "birth_year", c.BirthYear == tr.Candidate.BirthYear, c.BirthYear, tr.Candidate.BirthYear)
	}
	if tr.Candidate.Unit != "" {
		s.field(g, f, "unit", vntext.SameText(c.Unit, tr.Candidate.Unit), c.Unit, tr.Candidate.Unit)
	}
	s.field(g, f, "review_date", rec.ReviewDate == tr.ReviewDate, rec.ReviewDate, tr.ReviewDate)

	want := map[string]int{}
	for _, a := range tr.Appraisals {
		want[fmt.Sprintf("%d:%s", a.Year, a.Rating)]++
	}
	got := map[string]int{}
	for _, a := range rec.Appraisals {
		got[fmt.Sprintf("%d:%s", a.Year, a.Rating)]++
	}
	s.multiset(g, f, "appraisal", want, got)
	want, got = map[string]int{}, map[string]int{}
	for _, a := range tr.Awards {
		want[fmt.Sprintf("%d:%s", a.Year, a.Kind)]++
	}
	for _, a := range rec.Awards {
		got[fmt.Sprintf("%d:%s", a.Year, a.Kind)]++
	}
	s.multiset(g, f, "award", want, got)

	gotAddr := ""
	if rec.Addressee != nil {
		gotAddr = rec.Addressee.Name
	}
	if tr.Addressee != "" || gotAddr != "" {
		s.field(g, f, "addressee", vntext.SameText(gotAddr, tr.Addressee), gotAddr, tr.Addressee)
	}
	var since hoso.Date
	if rec.Employment != nil {
		since = rec.Employment.Since
	}
	if !tr.EmployedSince.IsZero() || !since.IsZero() {
		s.field(g, f, "employed_since", since == tr.EmployedSince, since, tr.EmployedSince)
	}
	var unrated []int
	for _, u := range rec.Unrated {
		unrated = append(unrated, u.Year)
	}
	sort.Ints(unrated)
	wantUnrated := slices.Sorted(slices.Values(tr.Unrated))
	if len(wantUnrated) > 0 || len(unrated) > 0 {
		s.field(g, f, "unrated", slices.Equal(unrated, wantUnrated), unrated, wantUnrated)
	}
	if len(tr.Documents) > 0 {
		var kinds []hoso.DocKind
		for _, d := range rec.Documents {
			kinds = append(kinds, d.Kind)
		}
		s.docs++
		if slices.Equal(kinds, tr.Documents) {
			s.docsOK++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("%s: documents %v, want %v", f, kinds, tr.Documents))
		}
	}
}

func (s *formScore) multiset(g, f, name string, want, got map[string]int) {
	for k, n := range want {
		for i := range n {
			s.field(g, f, name+" "+k, got[k] > i, "absent", k)
		}
	}
	for k, n := range got {
		for i := want[k]; i < n; i++ {
			s.field(g, f, name+" "+k, false, k, "absent")
		}
	}
}

// readCorpus reads every file of dir through the reader (with OCR for
// scans) and the default rule set, two files at a time.
func readCorpus(t *testing.T, dir string) ([]corpus.Truth, []*hoso.Record) {
	t.Helper()
	truths, err := corpus.Load(dir)
	if err != nil {
		testenv.Missing(t, "no corpus: "+err.Error())
	}
	ocr := extract.NewOCR(extract.OCROptions{})
	needOCR := slices.ContainsFunc(truths, func(tr corpus.Truth) bool { return group(tr) == "scan" })
	if needOCR {
		testenv.LookPath(t, "tesseract")
		testenv.LookPath(t, "pdftoppm")
		if err := ocr.Available(); err != nil {
			testenv.Missing(t, err.Error())
		}
	}
	x := &extract.Extractor{OCR: ocr}
	recs := make([]*hoso.Record, len(truths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, tr := range truths {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tr.File)))
			if err != nil {
				t.Error(err)
				return
			}
			rec, _ := (&dossier.Reader{Texter: x}).Record(t.Context(), filepath.Base(tr.File), bytes.NewReader(data), int64(len(data)))
			validate.Default().Apply(rec)
			recs[i] = rec
		})
	}
	wg.Wait()
	return truths, recs
}

// scoreCorpus scores dir and checks the bars of the issue: fields ≥ 97 %,
// verdicts 100 % on DOCX, text PDF and ZIP, ≥ 95 % on scans, no false
// "eligible".
func scoreCorpus(t *testing.T, dir string, heldOut bool, fl floors) {
	if testing.Short() {
		t.Skip("reads a whole corpus, with OCR")
	}
	truths, recs := readCorpus(t, dir)
	s := newFormScore()
	var table strings.Builder
	fmt.Fprintf(&table, "%-46s %-6s %-11s %-11s\n", "file", "group", "verdict", "truth")
	for i, tr := range truths {
		rec := recs[i]
		if rec == nil {
			continue
		}
		g := group(tr)
		s.verdicts[g]++
		ok := rec.Verdict == tr.Verdict
		if ok {
			s.verdictsOK[g]++
		}
		if rec.Verdict == hoso.VerdictEligible && tr.Verdict != hoso.VerdictEligible {
			s.falseEligible = append(s.falseEligible, tr.File)
		}
		mark := ""
		if !ok {
			mark = "  ✗ " + ruleSummary(rec)
		}
		fmt.Fprintf(&table, "%-46s %-6s %-11s %-11s%s\n", tr.File, g, rec.Verdict, tr.Verdict, mark)
		if tr.Error == "" {
			s.scoreRecord(g, tr, rec)
		}
		// Every decided rule cites its evidence from a named paper.
		for _, o := range rec.Rules {
			if o.Outcome == hoso.OutcomeUnknown {
				continue
			}
			if len(o.Evidence) == 0 && o.ID != "distinction" {
				t.Errorf("%s: rule %s %s cites no evidence", tr.File, o.ID, o.Outcome)
			}
			for _, ev := range o.Evidence {
				if ev.Doc == "" {
					t.Errorf("%s: rule %s cites evidence from no paper: %q", tr.File, o.ID, ev.Text)
				}
			}
		}
	}
	// The held-out corpus reports figures only: reading its misses would
	// be tuning on it. HOSO_SHOW_MISSES=1 shows them after a release, to
	// file what they teach as new cases of the forms corpus.
	if !heldOut || os.Getenv("HOSO_SHOW_MISSES") == "1" {
		t.Logf("\n%s", table.String())
		for _, m := range s.misses {
			t.Log("  miss: " + m)
		}
	}
	var allF, allFOK int
	for _, g := range []string{"docx", "pdf-text", "zip", "scan"} {
		allF += s.fields[g]
		allFOK += s.fieldsOK[g]
		t.Logf("%-8s fields %d/%d = %.1f %%, verdicts %d/%d = %.1f %%", g, s.fieldsOK[g], s.fields[g],
			pct(s.fieldsOK[g], s.fields[g]), s.verdictsOK[g], s.verdicts[g], pct(s.verdictsOK[g], s.verdicts[g]))
	}
	t.Logf("all      fields %d/%d = %.1f %%; documents classified %d/%d; false eligible %d",
		allFOK, allF, pct(allFOK, allF), s.docsOK, s.docs, len(s.falseEligible))
	// The targets: fields ≥ 97 %, verdicts all right on DOCX,
	// text PDF and ZIP, ≥ 95 % on scans, no false "eligible". Where the
	// reader is not there yet the floor is what it measured when the
	// floor was set: the test fails on any step back, and the gap to the
	// target is printed.
	check := func(what string, got, floor, target float64) {
		switch {
		case got < floor:
			t.Errorf("%s %.1f %%, below its floor %.1f %% (target %.0f %%)", what, got, floor, target)
		case got < target:
			t.Logf("%s %.1f %%: target %.0f %% not reached", what, got, target)
		}
	}
	check("field accuracy", pct(allFOK, allF), fl.fields, 97)
	for _, g := range []string{"docx", "pdf-text", "zip"} {
		check(g+" verdicts", pct(s.verdictsOK[g], s.verdicts[g]), fl.verdicts[g], 100)
	}
	check("scan verdicts", pct(s.verdictsOK["scan"], s.verdicts["scan"]), fl.verdicts["scan"], 95)
	if len(s.falseEligible) > 0 {
		t.Errorf("false eligible: %v", s.falseEligible)
	}
}

// floors are the lowest scores a corpus may fall to (see scoreCorpus).
type floors struct {
	fields   float64
	verdicts map[string]float64 // by group
}

func ruleSummary(rec *hoso.Record) string {
	var out []string
	for _, r := range rec.Rules {
		if r.Outcome != hoso.OutcomePass {
			out = append(out, r.ID+"="+string(r.Outcome))
		}
	}
	return strings.Join(out, " ")
}

// TestFormsCorpus scores the corpus the reader is tuned on.
func TestFormsCorpus(t *testing.T) {
	dir := "../testdata/forms"
	if d := os.Getenv("HOSO_FORMS_CORPUS"); d != "" {
		dir = d // a freshly generated corpus, before it is committed
	}
	// Measured 2026-12-02 (tesseract 5.3.0, vie), 84 dossiers with the 58
	// PDF twins: fields 98.6 %; verdicts DOCX 58/58, PDF 71/71, ZIP 5/6,
	// scans 5/7.
	scoreCorpus(t, dir, false, floors{fields: 98.3,
		verdicts: map[string]float64{"docx": 100, "pdf-text": 100, "zip": 83, "scan": 71}})
}

// TestHeldOutCorpus scores the held-out corpus. Do not change the reader
// to make a case here pass: add the case's pattern to the forms corpus
// first, tune there, and measure here.
//
// Measured 2026-12-02: fields 99.0 %; verdicts DOCX 19/19, PDF 9/9, ZIP
// 2/2, scans 6/6; no false "eligible" (before the patterns below were
// added to the forms corpus: fields 96.3 %, DOCX 18/19, PDF 5/9, scans
// 5/6). The floors are the targets.
func TestHeldOutCorpus(t *testing.T) {
	scoreCorpus(t, "../testdata/heldout", true, floors{fields: 97,
		verdicts: map[string]float64{"docx": 100, "pdf-text": 100, "zip": 100, "scan": 95}})
}

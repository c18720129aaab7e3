package validate_test

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/validate"
)

// recordOf builds the record an exact extractor would produce from a
// ground-truth entry: every value with evidence pointing at the file.
func recordOf(tr corpus.Truth) *hoso.Record {
	rec := hoso.NewRecord()
	rec.Source.Key = tr.File
	rec.Candidate = tr.Candidate
	ev := func(text string) hoso.Evidence { return hoso.Evidence{File: tr.File, Text: text} }
	if !tr.Candidate.DateOfBirth.IsZero() {
		rec.Candidate.Evidence = map[string]hoso.Evidence{"date_of_birth": ev("Sinh ngày " + tr.Candidate.DateOfBirth.Vietnamese())}
	}
	rec.ReviewDate = tr.ReviewDate
	rec.ReviewDateBasis = tr.ReviewDateBasis
	if !tr.ReviewDate.IsZero() {
		e := ev(tr.ReviewDate.Vietnamese())
		rec.ReviewDateEvidence = &e
	}
	for _, a := range tr.Appraisals {
		rec.Appraisals = append(rec.Appraisals, hoso.Appraisal{Year: a.Year, Rating: a.Rating, Date: a.Date,
			Evidence: ev(fmt.Sprintf("Năm %d: %s", a.Year, a.Rating.Vietnamese()))})
	}
	for _, a := range tr.Awards {
		rec.Awards = append(rec.Awards, hoso.Award{Year: a.Year, Kind: a.Kind, Issuer: a.Issuer, Decision: a.Decision,
			Evidence: ev(a.Kind.Vietnamese())})
	}
	if tr.HasTag("dob-conflict") {
		// The reader keeps one date and warns, citing both papers.
		dob := rec.Candidate.Evidence["date_of_birth"]
		rec.Warnings = append(rec.Warnings, hoso.Warning{Code: hoso.WarnConflict, Message: "Ngày sinh ghi khác nhau",
			Evidence: []hoso.Evidence{dob, ev("Sinh ngày (khác)")}})
	}
	if tr.Candidate.BirthYear > 0 && tr.Candidate.DateOfBirth.IsZero() {
		rec.Candidate.Evidence = map[string]hoso.Evidence{"birth_year": ev(fmt.Sprintf("Sinh năm %d", tr.Candidate.BirthYear))}
	}
	for _, k := range tr.Documents {
		rec.Documents = append(rec.Documents, hoso.Document{Kind: k, File: tr.File})
	}
	if tr.Addressee != "" {
		rec.Addressee = &hoso.Addressee{Name: tr.Addressee, Evidence: ev("Kính gửi: " + tr.Addressee)}
	}
	if !tr.EmployedSince.IsZero() {
		rec.Employment = &hoso.Employment{Since: tr.EmployedSince, Evidence: ev("Tuyển dụng từ " + tr.EmployedSince.Vietnamese())}
	}
	for _, y := range tr.Unrated {
		rec.Unrated = append(rec.Unrated, hoso.Unrated{Year: y, Evidence: ev(fmt.Sprintf("Không đánh giá, xếp loại năm %d", y))})
	}
	return rec
}

// corpusDirs returns every directory under ../testdata that holds a
// truth.json: the first corpus, its scans, the new forms' corpus and the
// held-out one, whichever exist.
func corpusDirs(t *testing.T) []string {
	var dirs []string
	filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == "truth.json" {
			dirs = append(dirs, filepath.Dir(p))
		}
		return nil
	})
	if len(dirs) == 0 {
		t.Skip("no corpus ground truth yet (go run ./internal/corpus/gen -out testdata/corpus)")
	}
	return dirs
}

// TestCorpusVerdicts: on every dossier of the corpus that is not rejected,
// the default rule set reaches the verdict of the ground truth, which the
// corpus generator computes from the rule text on its own.
func TestCorpusVerdicts(t *testing.T) {
	rs := validate.Default()
	n, agree := 0, 0
	for _, dir := range corpusDirs(t) {
		truths, err := corpus.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range truths {
			if tr.Verdict == hoso.VerdictRejected || tr.Verdict == "" {
				continue
			}
			n++
			t.Run(filepath.Base(dir)+"/"+tr.File, func(t *testing.T) {
				rec := recordOf(tr)
				rs.Apply(rec)
				ok := true
				if rec.Verdict != tr.Verdict {
					ok = false
					t.Errorf("verdict %s, truth %s (%s)", rec.Verdict, tr.Verdict, tr.Note)
				}
				if len(tr.Window) > 0 && !slices.Equal(rec.Window, tr.Window) {
					ok = false
					t.Errorf("window %v, truth %v", rec.Window, tr.Window)
				}
				escalate := slices.ContainsFunc(rec.Rules, func(o hoso.RuleOutcome) bool { return o.Escalate })
				if escalate != (tr.Letter == hoso.LetterEscalate) {
					ok = false
					t.Errorf("escalate %v, truth letter %s", escalate, tr.Letter)
				}
				if ok {
					agree++
				} else {
					for _, o := range rec.Rules {
						t.Logf("%s %s: %s %v", o.ID, o.Outcome, o.Message, o.Missing)
					}
				}
			})
		}
	}
	t.Logf("verdict agreement: %d/%d dossiers", agree, n)
	if n == 0 {
		t.Error("the corpus has no dossier with a verdict")
	}
}

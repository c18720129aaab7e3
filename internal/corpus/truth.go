// Package corpus holds the test corpus of hoso: realistic Vietnamese
// Party-admission dossiers in DOCX, PDF and ZIP form, broken and
// mislabelled files, and the ground truth for each (what the extractor must
// read, and the verdict the rule of Công văn 52-CV/BTCĐU gives).
//
// The corpus lives in testdata/corpus and is regenerated with
//
//	go run ./internal/corpus/gen -out testdata/corpus
//
// Tests of other packages read it with Load.
package corpus

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/hoso-vn/hoso"
)

// Truth is the expected result for one corpus file.
type Truth struct {
	// File is the path relative to the directory given to Load.
	File string `json:"file"`
	// Format is what the extractor must detect from the content; for a
	// broken file, what the file is (empty when it is none of hoso's
	// formats: an empty file, an OLE .doc).
	Format hoso.Format `json:"format,omitempty"`
	Tags   []string    `json:"tags"`

	Candidate       hoso.Candidate       `json:"candidate"`
	ReviewDate      hoso.Date            `json:"review_date,omitzero"`
	ReviewDateBasis hoso.ReviewDateBasis `json:"review_date_basis,omitempty"`
	// Appraisals lists every rating written in the dossier, in reading
	// order, including years outside the window; a year rated twice
	// differently appears twice.
	Appraisals []Appraisal `json:"appraisals"`
	// Awards lists each award once, even when both the appraisal summary
	// and the decision itself mention it.
	Awards []Award `json:"awards"`
	// Window is the three years the rule looks at (informative).
	Window []int `json:"window,omitempty"`
	// Documents lists the kind of each paper in the upload, in order
	// (empty in the older corpus, which does not classify).
	Documents []hoso.DocKind `json:"documents,omitempty"`
	// Addressee is the Party body the dossier is submitted to, as the
	// dossier writes it; empty when the dossier names none.
	Addressee string `json:"addressee,omitempty"`
	// EmployedSince is the recruitment or start of work at the rating
	// unit when the dossier states it (day 1 when it gives only a month).
	EmployedSince hoso.Date `json:"employed_since,omitzero"`
	// Unrated lists years the unit states it did not rate the candidate.
	Unrated []int `json:"unrated,omitempty"`

	Verdict hoso.Verdict    `json:"verdict"`
	Letter  hoso.LetterKind `json:"letter,omitempty"`
	Error   hoso.ErrorCode  `json:"error,omitempty"`
	Note    string          `json:"note"`
}

// Appraisal is a year's rating without evidence.
type Appraisal struct {
	Year   int         `json:"year"`
	Rating hoso.Rating `json:"rating"`
	// Date is the date line of the paper that gives a rating of the review
	// year: it decides whether that year ends the window.
	Date hoso.Date `json:"date,omitzero"`
}

// Award is an award without evidence.
type Award struct {
	Year     int            `json:"year"`
	Kind     hoso.AwardKind `json:"kind"`
	Issuer   string         `json:"issuer,omitempty"`
	Decision string         `json:"decision,omitempty"`
}

// HasTag reports whether t carries tag.
func (t Truth) HasTag(tag string) bool {
	for _, x := range t.Tags {
		if x == tag {
			return true
		}
	}
	return false
}

// Truth returns the ground truth of the dossier written to file.
func (d *Dossier) Truth(file string, format hoso.Format) Truth {
	j := d.Judge()
	t := Truth{
		File:   file,
		Format: format,
		Tags:   append([]string(nil), d.Tags...),
		Candidate: hoso.Candidate{
			FullName:  d.Person.Name,
			Unit:      d.Unit,
			Position:  d.Position,
			Education: d.education(),
		},
		ReviewDate:      j.Review,
		ReviewDateBasis: j.Basis,
		Appraisals:      []Appraisal{},
		Awards:          []Award{},
		Window:          j.Window,
		Verdict:         j.Verdict,
		Letter:          j.Letter,
		Note:            d.Note,
	}
	if !d.Style.NoDOB {
		t.Candidate.DateOfBirth = d.Person.Born
	}
	for _, r := range d.ratings() {
		t.Appraisals = append(t.Appraisals, Appraisal{Year: r.Year, Rating: r.Rating})
	}
	for _, a := range d.awards() {
		t.Awards = append(t.Awards, Award{a.Year, a.Kind, a.Issuer, a.DecisionText()})
	}
	return t
}

// education is the level as written, when a paper that states it is in
// the dossier.
func (d *Dossier) education() string {
	if d.has(DocLyLich) || d.has(DocDon) {
		return d.Person.Education
	}
	return ""
}

// Load reads every truth.json under dir and returns the entries with File
// relative to dir, sorted by File.
func Load(dir string) ([]Truth, error) {
	var all []Truth
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || e.Name() != "truth.json" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var ts []Truth
		if err := json.Unmarshal(b, &ts); err != nil {
			return fmt.Errorf("corpus: %s: %w", path, err)
		}
		rel, err := filepath.Rel(dir, filepath.Dir(path))
		if err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		for _, t := range ts {
			t.File = filepath.ToSlash(filepath.Join(rel, filepath.FromSlash(t.File)))
			all = append(all, t)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: load %s: %w", dir, err)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("corpus: no truth.json under %s", dir)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].File < all[j].File })
	return all, nil
}

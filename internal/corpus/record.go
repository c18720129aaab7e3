package corpus

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso"
)

// Record builds the record an exact reader would write for the dossier:
// every value of the truth with evidence whose text is what the paper
// says. Tests of the rules and the letters start from it.
func (tr Truth) Record() *hoso.Record {
	rec := hoso.NewRecord()
	rec.Source.Key = tr.File
	rec.Candidate = tr.Candidate
	n := 0
	ev := func(text string) hoso.Evidence {
		n++
		return hoso.Evidence{File: tr.File, Block: "p" + strconv.Itoa(n), Text: text}
	}
	c := tr.Candidate
	rec.Candidate.Evidence = map[string]hoso.Evidence{}
	for key, v := range map[string]string{"full_name": c.FullName, "unit": c.Unit, "position": c.Position} {
		if v != "" {
			rec.Candidate.Evidence[key] = ev(v)
		}
	}
	if !c.DateOfBirth.IsZero() {
		rec.Candidate.Evidence["date_of_birth"] = ev("Sinh ngày " + c.DateOfBirth.Vietnamese())
	} else if c.BirthYear > 0 {
		rec.Candidate.Evidence["birth_year"] = ev(fmt.Sprintf("Sinh năm %d", c.BirthYear))
	}
	if tr.HasTag("dob-conflict") {
		// The reader keeps one date and warns, citing both papers.
		rec.Warnings = append(rec.Warnings, hoso.Warning{Code: hoso.WarnConflict, Message: "Ngày sinh ghi khác nhau",
			Evidence: []hoso.Evidence{rec.Candidate.Evidence["date_of_birth"], ev("Sinh ngày (khác)")}})
	}
	rec.ReviewDate, rec.ReviewDateBasis = tr.ReviewDate, tr.ReviewDateBasis
	if !tr.ReviewDate.IsZero() {
		e := ev("Hôm nay, " + tr.ReviewDate.Vietnamese())
		rec.ReviewDateEvidence = &e
	}
	for _, a := range tr.Appraisals {
		rec.Appraisals = append(rec.Appraisals, hoso.Appraisal{Year: a.Year, Rating: a.Rating, Date: a.Date,
			Evidence: ev(fmt.Sprintf("Năm %d: %s", a.Year, a.Rating.Vietnamese()))})
	}
	for _, a := range tr.Awards {
		rec.Awards = append(rec.Awards, hoso.Award{Year: a.Year, Kind: a.Kind, Issuer: a.Issuer, Decision: a.Decision,
			Evidence: ev(strings.Join([]string{a.Kind.Vietnamese(), strconv.Itoa(a.Year), a.Issuer, a.Decision}, " "))})
	}
	for _, k := range tr.Documents {
		rec.Documents = append(rec.Documents, hoso.Document{Kind: k, File: tr.File})
	}
	if tr.Addressee != "" {
		rec.Addressee = &hoso.Addressee{Name: tr.Addressee, Evidence: ev("đề nghị " + tr.Addressee + " xem xét, kết nạp")}
	}
	if !tr.EmployedSince.IsZero() {
		rec.Employment = &hoso.Employment{Since: tr.EmployedSince, Evidence: ev("Tuyển dụng từ " + tr.EmployedSince.String())}
	}
	for _, y := range tr.Unrated {
		rec.Unrated = append(rec.Unrated, hoso.Unrated{Year: y, Evidence: ev(fmt.Sprintf("Không đánh giá, xếp loại năm %d", y))})
	}
	return rec
}

// Dirs returns every directory under root that holds a truth.json: the
// first corpus, its scans, the forms corpus and its PDF twins, the
// held-out one, whichever exist.
func Dirs(root string) []string {
	var dirs []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == "truth.json" {
			dirs = append(dirs, filepath.Dir(p))
		}
		return nil
	})
	return dirs
}

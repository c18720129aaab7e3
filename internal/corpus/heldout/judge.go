package heldout

import (
	"slices"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
)

// Judgement is the verdict the rules give on a case, with the outcome of
// each rule so tests can check the reasoning and not only the result.
type Judgement struct {
	Review  hoso.Date
	Basis   hoso.ReviewDateBasis
	Window  []int
	Ratings hoso.Outcome
	Distinc hoso.Outcome
	Age     hoso.Outcome
	Verdict hoso.Verdict
	Letter  hoso.LetterKind
}

// Judge applies the rule of Công văn 52-CV/BTCĐU and the age rule to the
// facts the case's papers state (see /work/shared truth-rules: review
// date, window, authoritative ratings, distinctions, age).
func (c *Case) Judge() Judgement {
	var j Judgement
	var fs []Facts
	for _, p := range c.Papers {
		fs = append(fs, p.Facts(c))
	}
	// Review date: the resolution's meeting date, else the newest date line
	// of the dossier's own papers (never a cover letter).
	for _, f := range fs {
		if !f.Meeting.IsZero() {
			j.Review, j.Basis = f.Meeting, hoso.ReviewFromResolution
			break
		}
	}
	if j.Review.IsZero() {
		for _, f := range fs {
			if !f.Cover && f.Dated.After(j.Review) {
				j.Review = f.Dated
			}
		}
		if !j.Review.IsZero() {
			j.Basis = hoso.ReviewFromLatestDoc
		}
	}
	if j.Review.IsZero() {
		j.Ratings, j.Distinc, j.Age = hoso.OutcomeUnknown, hoso.OutcomeUnknown, hoso.OutcomeUnknown
		j.Verdict, j.Letter = hoso.VerdictIncomplete, hoso.LetterIncomplete
		return j
	}
	R := j.Review
	j.Window = []int{R.Year - 3, R.Year - 2, R.Year - 1}
	// "3 năm liên tiếp tính đến thời điểm xem xét": an authoritative rating
	// of the review year on a paper dated before the meeting, or undated,
	// ends the window with the review year.
	for _, f := range fs {
		if f.Cover || (!f.Dated.IsZero() && !f.Dated.Before(R)) {
			continue
		}
		for _, a := range f.Ratings {
			if a.Year == R.Year && a.Rating != hoso.RatingUnknown {
				j.Window = []int{R.Year - 2, R.Year - 1, R.Year}
			}
		}
	}

	// Ratings.
	byYear := map[int][]hoso.Rating{}
	var employed hoso.Date
	unrated := map[int]bool{}
	for _, f := range fs {
		for _, a := range f.Ratings {
			if !slices.Contains(byYear[a.Year], a.Rating) {
				byYear[a.Year] = append(byYear[a.Year], a.Rating)
			}
		}
		if !f.Employed.IsZero() {
			employed = f.Employed
		}
		for _, y := range f.Unrated {
			unrated[y] = true
		}
	}
	j.Ratings = hoso.OutcomePass
	fail, unknown := false, false
	for _, y := range j.Window {
		if unrated[y] || (!employed.IsZero() && employed.After(D(y, 1, 1))) {
			fail = true
			continue
		}
		rs := byYear[y]
		switch {
		case len(rs) == 1 && rs[0] < hoso.RatingHTTNV:
			fail = true
		case len(rs) != 1:
			unknown = true
		}
	}
	if fail {
		j.Ratings = hoso.OutcomeFail
	} else if unknown {
		j.Ratings = hoso.OutcomeUnknown
	}

	// Distinction: an HTXSNV year or a counting award achieved in the window.
	j.Distinc = hoso.OutcomeFail
	for _, y := range j.Window {
		if slices.Contains(byYear[y], hoso.RatingHTXSNV) {
			j.Distinc = hoso.OutcomePass
		}
	}
	for _, f := range fs {
		for _, a := range f.Awards {
			if slices.Contains(j.Window, a.Year) && counts(a.Kind) {
				j.Distinc = hoso.OutcomePass
			}
		}
	}

	// Age in whole months at the review date.
	born, year := c.birth(fs)
	switch {
	case born == conflictDate:
		j.Age = hoso.OutcomeUnknown
	case !born.IsZero():
		j.Age = ageOutcome(born.MonthsUntil(R))
	case year != 0:
		a, b := ageOutcome(D(year, 1, 1).MonthsUntil(R)), ageOutcome(D(year, 12, 31).MonthsUntil(R))
		if a == b {
			j.Age = a
		} else {
			j.Age = hoso.OutcomeUnknown
		}
	default:
		j.Age = hoso.OutcomeUnknown
	}
	over := !born.IsZero() && born != conflictDate && born.MonthsUntil(R) > 60*12 ||
		born.IsZero() && year != 0 && D(year, 12, 31).MonthsUntil(R) > 60*12

	outs := []hoso.Outcome{j.Ratings, j.Distinc, j.Age}
	switch {
	case slices.Contains(outs, hoso.OutcomeFail):
		j.Verdict = hoso.VerdictIneligible
	case slices.Contains(outs, hoso.OutcomeUnknown):
		j.Verdict = hoso.VerdictIncomplete
	default:
		j.Verdict = hoso.VerdictEligible
	}
	j.Letter = hoso.LetterKind(j.Verdict)
	if over && j.Ratings == hoso.OutcomePass && j.Distinc == hoso.OutcomePass {
		j.Letter = hoso.LetterEscalate
	}
	return j
}

// conflictDate marks two different dates of birth in two papers.
var conflictDate = hoso.Date{Year: 1, Month: 1, Day: 1}

// birth returns the date of birth the papers agree on (conflictDate when
// two differ), or the year of birth when only a year is written.
func (c *Case) birth(fs []Facts) (hoso.Date, int) {
	var born hoso.Date
	year := 0
	for _, f := range fs {
		if !f.Born.IsZero() {
			if !born.IsZero() && born != f.Born {
				return conflictDate, 0
			}
			born = f.Born
		}
		if f.BirthYear != 0 {
			year = f.BirthYear
		}
	}
	return born, year
}

func ageOutcome(months int) hoso.Outcome {
	if months >= 18*12 && months <= 60*12 {
		return hoso.OutcomePass
	}
	return hoso.OutcomeFail
}

// counts reports whether an award kind is a distinction under 52-CV: a
// Giấy khen or anything above it, never Lao động tiên tiến.
func counts(k hoso.AwardKind) bool {
	switch k {
	case hoso.AwardGiayKhen, hoso.AwardBangKhen, hoso.AwardCSTDCoSo, hoso.AwardCSTDCapTinh,
		hoso.AwardCSTDToanQuoc, hoso.AwardOther:
		return true
	}
	return false
}

// Truth returns the ground truth of the case written to file.
func (c *Case) Truth(file string, format hoso.Format) corpus.Truth {
	j := c.Judge()
	var fs []Facts
	for _, p := range c.Papers {
		fs = append(fs, p.Facts(c))
	}
	t := corpus.Truth{
		File:            file,
		Format:          format,
		Tags:            append([]string{"producer:" + string(c.Producer)}, c.Tags...),
		ReviewDate:      j.Review,
		ReviewDateBasis: j.Basis,
		Appraisals:      []corpus.Appraisal{},
		Awards:          []corpus.Award{},
		Window:          j.Window,
		Verdict:         j.Verdict,
		Letter:          j.Letter,
		Note:            c.Note,
	}
	if c.Out == OutScanPDF || c.Out == OutJPEG || c.Out == OutPNG {
		t.Tags = append(t.Tags, "scan")
	}
	t.Candidate.FullName = c.Person.Name
	seen := map[corpus.Appraisal]bool{}
	for _, f := range fs {
		t.Documents = append(t.Documents, hoso.DocKind(""))
		if f.Unit {
			t.Candidate.Unit = c.Person.Unit
		}
		if f.Position {
			t.Candidate.Position = c.Person.Position
		}
		if f.Education {
			t.Candidate.Education = c.Person.Education
		}
		if t.Addressee == "" {
			t.Addressee = f.Addressee
		}
		if !f.Employed.IsZero() {
			t.EmployedSince = f.Employed
		}
		t.Unrated = append(t.Unrated, f.Unrated...)
		for _, a := range f.Ratings {
			if !seen[a] {
				seen[a] = true
				t.Appraisals = append(t.Appraisals, a)
			}
		}
		for _, a := range f.Awards {
			i := slices.IndexFunc(t.Awards, func(b corpus.Award) bool {
				return b.Year == a.Year && b.Kind == a.Kind
			})
			switch {
			case i < 0:
				t.Awards = append(t.Awards, a)
			case t.Awards[i].Decision == "" && a.Decision != "":
				t.Awards[i] = a // the decision itself names it fully
			}
		}
	}
	for i, p := range c.Papers {
		t.Documents[i] = p.Kind()
	}
	born, year := c.birth(fs)
	switch {
	case born == conflictDate:
		t.Candidate.DateOfBirth = firstBorn(fs)
	case !born.IsZero():
		t.Candidate.DateOfBirth = born
	case year != 0:
		t.Candidate.BirthYear = year
	}
	return t
}

func firstBorn(fs []Facts) hoso.Date {
	for _, f := range fs {
		if !f.Born.IsZero() {
			return f.Born
		}
	}
	return hoso.Date{}
}

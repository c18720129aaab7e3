package forms

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
)

// anchor is the date the papers are dated around: the meeting, or for a
// dossier without a resolution the date its nhận xét counts back from.
func (c *Case) anchor() hoso.Date {
	if !c.Meeting.IsZero() {
		return c.Meeting
	}
	return c.base()
}

// base is the notional review of a dossier without resolution: the papers
// are dated as if a meeting had been held on 20 June of the year after
// the last rated year.
func (c *Case) base() hoso.Date {
	last := 0
	for _, y := range c.Years {
		last = max(last, y.Year)
	}
	return dt(last+1, 6, 20)
}

// authDate is the authority's signature on a year's phiếu.
func authDate(y Year) hoso.Date {
	if y.Late {
		return dt(y.Year+1, 1, 8)
	}
	return dt(y.Year, 12, 20)
}

// Papers assembles the dossier in upload order.
func (c *Case) Papers() []Paper {
	a := c.anchor()
	var ps []Paper
	if c.ChungNhan {
		ps = append(ps, Paper{Kind: KChungNhan, Date: add(a, -236)})
	}
	if c.Don {
		ps = append(ps, Paper{Kind: KDon, Date: add(a, -151)})
	}
	if c.LyLich {
		ps = append(ps, Paper{Kind: KLyLich, Date: add(a, -62)})
	}
	if c.GioiThieu {
		ps = append(ps, Paper{Kind: KGioiThieu, Date: add(a, -33), Intro: 0})
		if !c.NQDoan && !c.NQCongDoan {
			ps = append(ps, Paper{Kind: KGioiThieu, Date: add(a, -31), Intro: 1})
		}
	}
	if c.NQDoan {
		ps = append(ps, Paper{Kind: KNQDoan, Date: add(a, -41)})
	}
	if c.NQCongDoan {
		ps = append(ps, Paper{Kind: KNQCongDoan, Date: add(a, -39)})
	}
	if c.TongHop {
		ps = append(ps, Paper{Kind: KTongHop, Date: add(a, -12)})
	}
	var res []Paper
	if !c.Meeting.IsZero() {
		res = append(res, Paper{Kind: KResolution, Date: add(c.Meeting, c.Res.DateLine)})
	}
	var phieu []Paper
	for _, y := range c.Years {
		if y.InPhieu {
			phieu = append(phieu, Paper{Kind: KPhieu, Date: authDate(y), Year: y.Year})
		}
	}
	if c.PhieuFirst {
		ps = append(append(ps, phieu...), res...)
	} else {
		ps = append(append(ps, res...), phieu...)
	}
	if c.NX.On {
		ps = append(ps, Paper{Kind: KNhanXet, Date: add(a, -c.NX.Days)})
	}
	for i, aw := range c.Awards {
		if aw.Decision {
			ps = append(ps, Paper{Kind: KDecision, Date: aw.Date, Award: i})
		}
	}
	if c.Cover != 0 {
		last := c.Meeting
		if last.IsZero() {
			last = latest(ps)
		}
		ps = append([]Paper{{Kind: KCover, Date: add(last, c.Cover)}}, ps...)
	}
	return ps
}

// latest is the newest date line among the dossier's own papers (cover
// letters excluded).
func latest(ps []Paper) hoso.Date {
	var d hoso.Date
	for _, p := range ps {
		if p.Kind != KCover && p.Date.After(d) {
			d = p.Date
		}
	}
	return d
}

func (c *Case) has(k Kind) bool {
	return slices.ContainsFunc(c.Papers(), func(p Paper) bool { return p.Kind == k })
}

// rated is an authoritative rating in reading order.
type rated struct {
	Year   int
	Rating hoso.Rating
}

// authRatings lists the authoritative ratings the papers write, each
// (year, rating) once, in reading order: the authority's part of each
// phiếu and the rows of the unit's nhận xét.
func (c *Case) authRatings() []rated {
	var out []rated
	addR := func(y int, r hoso.Rating) {
		if r != hoso.RatingUnknown && !slices.Contains(out, rated{y, r}) {
			out = append(out, rated{y, r})
		}
	}
	for _, p := range c.Papers() {
		switch p.Kind {
		case KPhieu:
			if y := c.year(p.Year); y.Colleague == "" {
				addR(p.Year, y.Auth)
			}
		case KNhanXet:
			for _, y := range c.Years {
				if y.InNX && y.Unrated == "" {
					r := y.Auth
					if y.NXAuth != hoso.RatingUnknown {
						r = y.NXAuth
					}
					addR(y.Year, r)
				}
			}
		}
	}
	return out
}

// ratedBefore reports whether an authoritative rating of R's year is on a
// paper dated before R.
func (c *Case) ratedBefore(R hoso.Date) bool {
	for _, p := range c.Papers() {
		if !p.Date.Before(R) {
			continue
		}
		switch p.Kind {
		case KPhieu:
			if y := c.year(p.Year); p.Year == R.Year && y.Colleague == "" && y.Auth != hoso.RatingUnknown {
				return true
			}
		case KNhanXet:
			for _, y := range c.Years {
				if y.Year == R.Year && y.InNX && y.Unrated == "" && (y.Auth != hoso.RatingUnknown || y.NXAuth != hoso.RatingUnknown) {
					return true
				}
			}
		}
	}
	return false
}

// ratingDate is the date of the paper that rates year y: its phiếu, else
// the unit's nhận xét.
func (c *Case) ratingDate(y int) hoso.Date {
	var nx hoso.Date
	for _, p := range c.Papers() {
		switch {
		case p.Kind == KPhieu && p.Year == y:
			return p.Date
		case p.Kind == KNhanXet:
			nx = p.Date
		}
	}
	return nx
}

func (c *Case) year(y int) Year {
	for _, x := range c.Years {
		if x.Year == y {
			return x
		}
	}
	return Year{Year: y}
}

// unrated lists the years the nhận xét says were not rated.
func (c *Case) unrated() []int {
	var out []int
	if !c.NX.On {
		return nil
	}
	for _, y := range c.Years {
		if y.InNX && y.Unrated != "" {
			out = append(out, y.Year)
		}
	}
	return out
}

// employedSince is the start at the unit when a paper states it.
func (c *Case) employedSince() hoso.Date {
	if c.Since.IsZero() {
		return hoso.Date{}
	}
	if c.has(KLyLich) || (c.NX.On && c.SinceInNX) {
		return c.Since
	}
	return hoso.Date{}
}

// awards lists the candidate's awards some paper writes.
func (c *Case) awards() []Award {
	var out []Award
	for _, a := range c.Awards {
		if !a.Mine() {
			continue
		}
		if a.Decision || (a.InNX && c.NX.On) || (a.InLyLich && c.LyLich) {
			out = append(out, a)
		}
	}
	return out
}

// statesDOB reports whether a paper of kind k writes the candidate's
// date (or year) of birth.
func (c *Case) statesDOB(k Kind) bool {
	switch k {
	case KResolution:
		return !c.Res.NoDOB
	case KLyLich, KDon, KGioiThieu, KChungNhan, KTongHop:
		return true
	}
	return false
}

// dobs lists the distinct dates of birth the papers write.
func (c *Case) dobs() []hoso.Date {
	var out []hoso.Date
	for _, p := range c.Papers() {
		if !c.statesDOB(p.Kind) || c.Person.Born.IsZero() {
			continue
		}
		d := c.Person.Born
		if p.Kind == KDon && !c.Person.AltBorn.IsZero() {
			d = c.Person.AltBorn
		}
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// birthYearWritten reports whether a paper writes the year of birth alone.
func (c *Case) birthYearWritten() bool {
	if c.Person.BirthYear == 0 {
		return false
	}
	return slices.ContainsFunc(c.Papers(), func(p Paper) bool { return c.statesDOB(p.Kind) })
}

// Judgement is what the truth rules decide for a case.
type Judgement struct {
	Review                    hoso.Date
	Basis                     hoso.ReviewDateBasis
	Window                    []int
	Ratings, Distinction, Age hoso.Outcome
	Verdict                   hoso.Verdict
	Letter                    hoso.LetterKind
}

// Judge applies the rule of 52-CV/BTCĐU and the age rule as the corpus
// truth rules state them: review date from the 6-KNĐ meeting (else the
// newest own paper), window = the three calendar years before it,
// authoritative ratings only, awards by achievement year, age in whole
// months.
func (c *Case) Judge() Judgement {
	if c.has(KResolution) {
		return c.judgeAt(c.Meeting, hoso.ReviewFromResolution)
	}
	return c.judgeAt(latest(c.Papers()), hoso.ReviewFromLatestDoc)
}

// judgeAt applies the rules as if the review were on R; the tests use it
// to show that a near miss turns on the date a reader takes.
func (c *Case) judgeAt(R hoso.Date, basis hoso.ReviewDateBasis) Judgement {
	j := Judgement{Review: R, Basis: basis}
	j.Window = []int{R.Year - 3, R.Year - 2, R.Year - 1}
	// "3 năm liên tiếp tính đến thời điểm xem xét": a rating of the review
	// year given before the meeting ends the window.
	if c.ratedBefore(R) {
		j.Window = []int{R.Year - 2, R.Year - 1, R.Year}
	}

	byYear := map[int][]hoso.Rating{}
	for _, r := range c.authRatings() {
		byYear[r.Year] = append(byYear[r.Year], r.Rating)
	}
	since := c.employedSince()
	unrated := c.unrated()
	fail, unknown := false, false
	for _, y := range j.Window {
		got := byYear[y]
		switch {
		case !since.IsZero() && since.After(dt(y, 1, 1)):
			fail = true // not at the unit for the whole year
		case slices.Contains(unrated, y):
			fail = true
		case len(got) != 1:
			unknown = true
		case got[0] < hoso.RatingHTTNV:
			fail = true
		}
	}
	j.Ratings = outcome(fail, unknown)

	j.Distinction = hoso.OutcomeFail
	for _, y := range j.Window {
		if got := byYear[y]; len(got) == 1 && got[0] == hoso.RatingHTXSNV {
			j.Distinction = hoso.OutcomePass
		}
	}
	for _, a := range c.awards() {
		if slices.Contains(j.Window, a.Year) && countsAward(a.Kind) {
			j.Distinction = hoso.OutcomePass
		}
	}

	over60 := false
	j.Age = hoso.OutcomeUnknown
	ageOf := func(b hoso.Date) hoso.Outcome {
		m := b.MonthsUntil(R)
		switch {
		case m < 18*12:
			return hoso.OutcomeFail
		case m > 60*12:
			over60 = true
			return hoso.OutcomeFail
		}
		return hoso.OutcomePass
	}
	switch dobs := c.dobs(); {
	case len(dobs) == 1:
		j.Age = ageOf(dobs[0])
	case len(dobs) == 0 && c.birthYearWritten():
		y := c.Person.BirthYear
		a, b := ageOf(dt(y, 1, 1)), ageOf(dt(y, 12, 31))
		if a == b {
			j.Age = a
		} else {
			over60 = false
		}
	}

	outs := []hoso.Outcome{j.Ratings, j.Distinction, j.Age}
	j.Verdict = hoso.VerdictEligible
	if slices.Contains(outs, hoso.OutcomeUnknown) {
		j.Verdict = hoso.VerdictIncomplete
	}
	if slices.Contains(outs, hoso.OutcomeFail) {
		j.Verdict = hoso.VerdictIneligible
	}
	j.Letter = hoso.LetterKind(j.Verdict)
	if over60 && j.Age == hoso.OutcomeFail && j.Ratings == hoso.OutcomePass && j.Distinction == hoso.OutcomePass {
		j.Letter = hoso.LetterEscalate
	}
	return j
}

func outcome(fail, unknown bool) hoso.Outcome {
	switch {
	case fail:
		return hoso.OutcomeFail
	case unknown:
		return hoso.OutcomeUnknown
	}
	return hoso.OutcomePass
}

// countsAward reports whether an award kind is a distinction under
// 52-CV/BTCĐU (Lao động tiên tiến is not).
func countsAward(k hoso.AwardKind) bool {
	switch k {
	case hoso.AwardGiayKhen, hoso.AwardBangKhen, hoso.AwardCSTDCoSo, hoso.AwardCSTDCapTinh, hoso.AwardCSTDToanQuoc:
		return true
	}
	return false
}

// truth is the award as the papers write it: the decision is cited only
// when the decision itself is in the dossier, the issuer only when a paper
// names it (a nhận xét names the issuer of a Giấy khen or Bằng khen, not of
// a title).
func (a Award) truth() corpus.Award {
	t := corpus.Award{Year: a.Year, Kind: a.Kind}
	if a.Decision || a.Kind == hoso.AwardGiayKhen || a.Kind == hoso.AwardBangKhen {
		t.Issuer = a.Issuer
	}
	if a.Decision {
		t.Decision = a.decisionText()
	}
	return t
}

// decisionText is how the truth cites an award decision.
func (a Award) decisionText() string {
	if a.Number == "" {
		return ""
	}
	return fmt.Sprintf("Quyết định số %s ngày %s", a.Number, slash(a.Date))
}

// Truth is the ground truth of the case written as file in format.
func (c *Case) Truth(file string, format hoso.Format) corpus.Truth {
	j := c.Judge()
	t := corpus.Truth{
		File:            file,
		Format:          format,
		Tags:            c.tags(),
		Candidate:       hoso.Candidate{FullName: c.Person.Name, Unit: unitOneLine(c.Unit.Name), Position: c.Position},
		ReviewDate:      j.Review,
		ReviewDateBasis: j.Basis,
		Appraisals:      []corpus.Appraisal{},
		Awards:          []corpus.Award{},
		Window:          j.Window,
		EmployedSince:   c.employedSince(),
		Unrated:         c.unrated(),
		Verdict:         j.Verdict,
		Letter:          j.Letter,
		Note:            c.Note,
	}
	// Two different dates of birth: the first one written, in reading
	// order, with the conflict leaving the age unknown.
	if dobs := c.dobs(); len(dobs) >= 1 {
		t.Candidate.DateOfBirth = dobs[0]
	} else if len(dobs) == 0 && c.birthYearWritten() {
		t.Candidate.BirthYear = c.Person.BirthYear
	}
	if c.has(KLyLich) || c.has(KDon) {
		t.Candidate.Education = c.Person.Education
	}
	for _, r := range c.authRatings() {
		a := corpus.Appraisal{Year: r.Year, Rating: r.Rating}
		if r.Year == j.Review.Year {
			a.Date = c.ratingDate(r.Year)
		}
		t.Appraisals = append(t.Appraisals, a)
	}
	for _, a := range c.awards() {
		t.Awards = append(t.Awards, a.truth())
	}
	for _, p := range c.Papers() {
		t.Documents = append(t.Documents, p.Kind.DocKind())
	}
	if c.has(KResolution) || c.has(KDon) {
		t.Addressee = c.Unit.DangUy
	}
	return t
}

func unitOneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// tags describe the case for the README and for tests that pick cases.
func (c *Case) tags() []string {
	tags := []string{"forms", "producer:" + string(c.Producer)}
	if c.Producer == LibreOffice && c.Source != "" {
		tags = append(tags, "source:"+string(c.Source))
	}
	switch c.Out {
	case OutDOCX:
		tags = append(tags, "docx")
	case OutPDF:
		tags = append(tags, "pdf")
	case OutPDF2Col:
		tags = append(tags, "pdf", "two-column")
	case OutZIP:
		tags = append(tags, "zip")
	case OutScanPDF:
		tags = append(tags, "scan", "scan:"+c.Scan)
	case OutPhotoZIP:
		tags = append(tags, "zip", "photo", "scan:"+c.Scan)
	}
	if c.WordLike {
		tags = append(tags, "word-like")
	}
	return append(tags, c.Tags...)
}

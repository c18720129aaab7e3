package dossier

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/vntext"
)

func (r *reader) scan() {
	r.scanPeople()
	r.scanAppraisals()
}

// record assembles what the scans found, keeping every conflict visible.
func (r *reader) record() *hoso.Record {
	rec := hoso.NewRecord()
	c := &rec.Candidate
	c.Evidence = map[string]hoso.Evidence{}

	key, name, nameEv := r.pickCandidate()
	if name != "" {
		c.FullName = name
		c.Evidence["full_name"] = nameEv
	}
	rec.Documents = r.documents()
	r.reviewDate(rec)
	r.candidateFacts(rec, key)
	r.appraisals(rec, key)
	r.awardList(rec, key)
	r.certificate(rec)
	r.addressee(rec)
	r.employment(rec)
	r.currentJob(rec)
	r.unrated(rec)
	for ui := range r.units {
		if ys, ok := r.guessedRows[ui]; ok {
			u := &r.units[ui]
			rec.Warnings = append(rec.Warnings, hoso.Warning{Code: hoso.WarnLowConf,
				Message:  fmt.Sprintf("Không đọc được năm của dòng này trong bảng xếp loại; năm %d được suy ra từ các dòng liền trên và liền dưới", ys[0]),
				Evidence: []hoso.Evidence{r.evidence(u, 0)}})
		}
	}
	if len(c.Evidence) == 0 {
		c.Evidence = nil
	}
	return rec
}

// candidateFacts fills the candidate's date of birth, unit, position and
// education from the facts read while the candidate was the subject.
func (r *reader) candidateFacts(rec *hoso.Record, key string) {
	c := &rec.Candidate
	mine := func(f fact) bool {
		if f.person == otherPerson {
			return false
		}
		if f.person == "" {
			return f.doc != docIntro
		}
		return key != "" && samePerson(f.person, key)
	}
	var dobs []fact
	var bornYear *fact
	var unit, pos, edu *fact
	better := func(cur *fact, f *fact) bool {
		return cur == nil || (f.strong && !cur.strong)
	}
	for i := range r.facts {
		f := &r.facts[i]
		if !mine(*f) {
			continue
		}
		switch f.field {
		case fDOB:
			// OCR misreads digits: a birth date after the review is no birth date.
			if f.ev.Confidence > 0 && r.reviewY > 0 && f.date.Year > r.reviewY {
				continue
			}
			dobs = append(dobs, *f)
		case fBornYear:
			if bornYear == nil {
				bornYear = f
			}
		case fUnit:
			if better(unit, f) {
				unit = f
			}
		case fPosition:
			if better(pos, f) {
				pos = f
			}
		case fEducation:
			if edu == nil {
				edu = f
			}
		}
	}
	if len(dobs) > 0 {
		c.DateOfBirth = dobs[0].date
		c.Evidence["date_of_birth"] = dobs[0].ev
		evs := []hoso.Evidence{dobs[0].ev}
		for _, f := range dobs[1:] {
			if f.date != dobs[0].date {
				evs = append(evs, f.ev)
			}
		}
		if len(evs) > 1 {
			rec.Warnings = append(rec.Warnings, hoso.Warning{Code: hoso.WarnConflict,
				Message:  "Ngày sinh ghi khác nhau giữa các tài liệu trong hồ sơ",
				Evidence: evs})
		}
	} else if bornYear != nil {
		c.BirthYear = bornYear.year
		c.Evidence["birth_year"] = bornYear.ev
		rec.Warnings = append(rec.Warnings, hoso.Warning{Code: WarnDOBYearOnly,
			Message:  fmt.Sprintf("Hồ sơ chỉ ghi năm sinh (%d), không ghi ngày, tháng sinh", bornYear.year),
			Evidence: []hoso.Evidence{bornYear.ev}})
	}
	if unit != nil {
		c.Unit = unit.text
		c.Evidence["unit"] = unit.ev
	}
	if pos != nil {
		c.Position = pos.text
		c.Evidence["position"] = pos.ev
	}
	if edu != nil {
		c.Education = edu.text
		c.Evidence["education"] = edu.ev
	}
}

// reviewDate takes the chi bộ resolution's date (6-KNĐ) or, failing that,
// the latest date of any paper.
func (r *reader) reviewDate(rec *hoso.Record) {
	for _, d := range r.docs {
		if !r.isAdmissionResolution(d) {
			continue
		}
		dt, ev := d.meeting, d.meetingEv
		if dt.IsZero() && !d.date.IsZero() {
			// No meeting sentence could be read: the resolution's own date
			// line, usually the meeting day, said so. Never another date of
			// the paper: those are its Căn cứ citations.
			dt, ev = d.date, d.dateEv
			rec.Warnings = append(rec.Warnings, hoso.Warning{Code: hoso.WarnReviewGuess,
				Message:  "Không đọc được câu ghi ngày họp trong Nghị quyết của chi bộ; thời điểm xét lấy theo ngày ban hành Nghị quyết",
				Evidence: []hoso.Evidence{ev}})
		}
		if !dt.IsZero() {
			rec.ReviewDate, rec.ReviewDateBasis, rec.ReviewDateEvidence = dt, hoso.ReviewFromResolution, &ev
			r.reviewY = dt.Year
			return
		}
	}
	var last hoso.Date
	var lastEv hoso.Evidence
	for _, d := range r.docs {
		if d.kind == docOther {
			continue // a dispatch, a report: not a paper of the dossier
		}
		// The paper's latest date line: a lý lịch is signed by the
		// candidate, then certified by the chi uỷ, weeks apart.
		if d.lastDate.After(last) {
			last, lastEv = d.lastDate, d.lastDateEv
		}
	}
	if last.IsZero() {
		return
	}
	rec.ReviewDate, rec.ReviewDateBasis, rec.ReviewDateEvidence = last, hoso.ReviewFromLatestDoc, &lastEv
	r.reviewY = last.Year
	rec.Warnings = append(rec.Warnings, hoso.Warning{Code: hoso.WarnReviewGuess,
		Message:  "Không tìm thấy Nghị quyết đề nghị kết nạp của chi bộ (Mẫu 6-KNĐ); thời điểm xét lấy theo ngày của tài liệu mới nhất trong hồ sơ",
		Evidence: []hoso.Evidence{lastEv}})
}

// isAdmissionResolution reports whether a paper is the chi bộ's resolution
// proposing admission (6-KNĐ), not the đảng uỷ's (8-KNĐ) nor the Đoàn's (4-KNĐ).
func (r *reader) isAdmissionResolution(d doc) bool {
	if d.form == 6 {
		return true
	}
	if d.form != 0 {
		return false
	}
	// A paper whose title could not be read (a garbled legacy-font line) but
	// whose header names a chi bộ and whose body proposes admission is the
	// resolution too.
	// The issuer is the header's last line: a chi bộ under a đảng uỷ
	// ("ĐẢNG UỶ KHỐI … / CHI BỘ …") issues 6-KNĐ; a đảng uỷ alone, 8-KNĐ.
	return (d.kind == docResolution || d.kind == docUnknown) && d.ketNap && !d.doanVien &&
		(d.chiBoHead || d.chiBo && !d.dangUyHead)
}

// plausible reports whether a year read by OCR can be an appraisal year.
func (r *reader) plausible(y int, ocr bool) bool {
	return !ocr || r.reviewY == 0 || y <= r.reviewY+1
}

// appraisals keeps one appraisal per year and rating; two ratings for one
// year are both kept, with a conflict warning.
func (r *reader) appraisals(rec *hoso.Record, key string) {
	type yr struct{ evs []hoso.Evidence }
	conflicts := map[int]*yr{}
	var order []int
	for _, m := range r.rated {
		if !r.plausible(m.year, m.ocr) || !mine(m.subject, key) {
			continue
		}
		dup := false
		firstOfYear := -1
		for i, a := range rec.Appraisals {
			if a.Year != m.year {
				continue
			}
			if firstOfYear < 0 {
				firstOfYear = i
			}
			if a.Rating == m.rating {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if firstOfYear >= 0 {
			c := conflicts[m.year]
			if c == nil {
				c = &yr{evs: []hoso.Evidence{rec.Appraisals[firstOfYear].Evidence}}
				conflicts[m.year] = c
				order = append(order, m.year)
			}
			c.evs = append(c.evs, m.ev)
		}
		rec.Appraisals = append(rec.Appraisals, hoso.Appraisal{Year: m.year, Rating: m.rating, Date: m.date, Evidence: m.ev})
	}
	slices.SortStableFunc(rec.Appraisals, func(a, b hoso.Appraisal) int { return a.Year - b.Year })
	for _, y := range order {
		var names []string
		for _, a := range rec.Appraisals {
			if a.Year == y {
				names = append(names, a.Rating.Vietnamese())
			}
		}
		rec.Warnings = append(rec.Warnings, hoso.Warning{Code: hoso.WarnConflict,
			Message:  fmt.Sprintf("Năm %d có hai kết quả xếp loại khác nhau: %s", y, joinVI(names)),
			Evidence: conflicts[y].evs})
	}
}

func joinVI(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	out := ""
	for i, x := range s {
		switch {
		case i == 0:
		case i == len(s)-1:
			out += " và "
		default:
			out += ", "
		}
		out += "“" + x + "”"
	}
	return out
}

// awardList keeps one award per year and kind, completing the issuer and
// decision from later mentions of the same award.
func (r *reader) awardList(rec *hoso.Record, key string) {
	for _, m := range r.awards {
		if !r.plausible(m.year, m.ocr) || !mine(m.subject, key) {
			continue
		}
		// A decision rewards whom it names: the candidate's award only when
		// the candidate is among them (in Điều 1 or the list attached).
		if r.docs[m.doc].hk == hoso.DocQDKhen && !r.namedIn(m.doc, key) {
			continue
		}
		found := false
		for i := range rec.Awards {
			a := &rec.Awards[i]
			if a.Year == m.year && a.Kind == m.kind {
				if a.Issuer == "" {
					a.Issuer = m.issuer
				}
				if a.Decision == "" {
					a.Decision = m.decision
				}
				found = true
				break
			}
		}
		if found {
			continue
		}
		rec.Awards = append(rec.Awards, hoso.Award{Year: m.year, Kind: m.kind, Title: m.title,
			Issuer: m.issuer, Decision: m.decision, Evidence: m.ev})
	}
	slices.SortStableFunc(rec.Awards, func(a, b hoso.Award) int { return a.Year - b.Year })
}

// certificate reads the giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.
func (r *reader) certificate(rec *hoso.Record) {
	for _, d := range r.docs {
		if d.kind != docCert || !d.boiDuong {
			continue
		}
		ev := d.dateEv
		if d.date.IsZero() {
			ev = r.evidence(&r.units[d.titleUnit], 0)
		}
		rec.Certificate = &hoso.Certificate{Issued: d.date, Number: d.number, Evidence: ev}
		return
	}
}

// mine reports whether a mention made while the papers spoke of subject is
// about the candidate (key): another named person's, or a relative's, is not.
func mine(subject, key string) bool {
	return subject == "" || key == "" || samePerson(subject, key)
}

// samePerson reports whether two folded names are one person's: equal, or
// one cut at a line wrap after two words or more ("nguyễn thị" / "hương").
func samePerson(a, b string) bool {
	if a == b {
		return true
	}
	// OCR drops tone marks on capitals ("NGUYÊN HỮU LỘC" for Nguyễn): the
	// names are compared without diacritics too.
	for _, bare := range []bool{false, true} {
		x, y := a, b
		if bare {
			x, y = vntext.Bare(a), vntext.Bare(b)
			if x == y {
				return true
			}
		}
		if len(x) > len(y) {
			x, y = y, x
		}
		if strings.Count(x, " ") >= 1 && strings.HasPrefix(y, x+" ") {
			return true
		}
	}
	return false
}

// namedIn reports whether paper di names the person key.
func (r *reader) namedIn(di int, key string) bool {
	if key == "" {
		return true
	}
	d := r.docs[di]
	words := strings.Fields(key)
	for ui := d.first; ui <= d.last; ui++ {
		// A label ("ông …") or a row of the list attached ("3 | Hà Thị Mỹ
		// Linh | Chuyên viên …"), where the name stands without one.
		if samePerson(r.subject[ui], key) || hasSeq(r.units[ui].l.toks, words) {
			return true
		}
	}
	return false
}

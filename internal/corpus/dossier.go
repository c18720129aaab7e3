package corpus

import (
	"fmt"
	"time"

	"github.com/hoso-vn/hoso"
)

// Dossier is the specification of one generated admission dossier: who the
// candidate is, what the papers say, which papers are in it and how they
// are typed. The ground truth is computed from it (Truth), and the files
// are written from it (Documents, Build), so the two cannot drift apart.
type Dossier struct {
	ID string // file name without extension
	// Ext is the file extension when it lies about the content (a DOCX
	// named .pdf); empty means the natural one.
	Ext  string
	Note string // what the case tests, one sentence
	Tags []string

	Person   Person
	Unit     string // đơn vị công tác, as written: "Sở Tài chính tỉnh Thái Bình"
	Position string // chức vụ: "Chuyên viên"
	// Agency is the unit's heading in capitals for the document header
	// ("SỞ TÀI CHÍNH TỈNH THÁI BÌNH"); Parent the line above it, if any.
	Agency, Parent string
	Place          string // place name before the date: "Thái Bình"
	HeadTitle      string // signer of the appraisal: "GIÁM ĐỐC", "HIỆU TRƯỞNG"
	HeadName       string
	// VienChuc selects the viên chức wording of the 2015–2019 third rating
	// ("Hoàn thành nhiệm vụ") instead of the công chức one.
	VienChuc bool

	ChiBo     string // "Chi bộ Sở Tài chính"
	DangUy    string // "Đảng uỷ Khối các cơ quan tỉnh"
	Secretary string // bí thư chi bộ who signs the resolution
	Members   int    // official members of the chi bộ

	// Meeting is the chi bộ meeting of the 6-KNĐ resolution; zero when the
	// dossier has no resolution.
	Meeting       hoso.Date
	Applied       hoso.Date // đơn xin vào Đảng
	LyLichDate    hoso.Date
	CertDate      hoso.Date // giấy chứng nhận bồi dưỡng
	AppraisalDate hoso.Date // bản tổng hợp đánh giá

	Appraisals []Rated  // rows of the appraisal summary, in written order
	Reviews    []Review // separate yearly appraisal forms
	Awards     []Commendation

	Docs  []DocKind // the papers, in order
	Style Style
	Pack  Pack
}

// Person is the candidate.
type Person struct {
	Name      string    // as written in the body, mixed case, NFC
	Male      bool      // nam / nữ
	Born      hoso.Date // zero: the dossier gives no date of birth
	BirthSite string    // nơi sinh
	HomeTown  string    // quê quán
	Residence string    // nơi thường trú
	Ethnic    string
	Religion  string
	Education string // "12/12"
}

// Rated is one year's rating as it appears in a document.
type Rated struct {
	Year   int
	Rating hoso.Rating
	Label  string // the words written; empty: the usual words for the year and Style
	// Deleted is text shown as a tracked deletion just before the label
	// (Style.Tracked); it is not part of the document's accepted text.
	Deleted string
	// Remark is free text written with the rating in the Khen thưởng
	// column or sentence; awards go in Dossier.Awards instead.
	Remark string
}

// Review is a separate yearly appraisal form (phiếu đánh giá), dated.
type Review struct {
	Rated
	Date hoso.Date
}

// Commendation is a commendation or title received.
type Commendation struct {
	Year   int
	Kind   hoso.AwardKind
	Title  string    // as written: "Chiến sỹ thi đua cơ sở", "LĐTT"
	Issuer string    // "Chủ tịch UBND tỉnh"; empty when the paper names none
	Number string    // decision number "1234/QĐ-UBND"; empty when none is cited
	Date   hoso.Date // decision date
	// Decision adds the award decision itself as a document; DecisionOnly
	// leaves the award out of the appraisal summary, so the decision is the
	// only place it is written.
	Decision, DecisionOnly bool
}

// DecisionText is how the truth and the documents cite the decision.
func (a Commendation) DecisionText() string {
	if a.Number == "" {
		return ""
	}
	return fmt.Sprintf("Quyết định số %s ngày %s", a.Number, slashDate(a.Date))
}

// DocKind names a paper of the dossier.
type DocKind int

const (
	DocLyLich      DocKind = iota + 1 // Lý lịch của người xin vào Đảng (2-KNĐ), excerpt
	DocDon                            // Đơn xin vào Đảng (1-KNĐ)
	DocCertificate                    // Giấy chứng nhận bồi dưỡng nhận thức về Đảng
	DocAppraisal                      // Bản tổng hợp kết quả đánh giá, xếp loại
	DocReviews                        // the yearly appraisal forms of Dossier.Reviews
	DocDecisions                      // the award decisions of awards with Decision set
	DocResolution                     // Nghị quyết đề nghị kết nạp (6-KNĐ)
)

// Style says how the papers are typed.
type Style struct {
	Prose    bool // appraisal written as sentences instead of a table
	AllCaps  bool // the rating cells in capitals
	Abbrev   bool // ratings and titles abbreviated: HTXSNV, CSTĐCS, LĐTT
	Encoding Encoding
	// SplitRuns cuts runs mid-word (see WriteOptions).
	SplitRuns bool
	// HeaderFooter puts the candidate's name and date of birth in the page
	// header (and nowhere else) and a page line in the footer.
	HeaderFooter bool
	TextBox      bool // the last appraisal year goes in a text box
	SDT          bool // appraisal rows and the meeting date in content controls
	Numbered     bool // prose appraisal as a numbered list
	Tabs         bool // prose appraisal laid out with w:tab and w:br
	// Tracked shows each rating's Deleted text as a tracked deletion
	// followed by the label as a tracked insertion.
	Tracked bool
	// NoDOB leaves the date of birth out of every paper.
	NoDOB bool
	// AltTextBox writes the text box as Word 2010+ does (DrawingML choice
	// and VML fallback holding the same text).
	AltTextBox bool
	// Merged gives the appraisal table an STT column, a title row spanning
	// all columns, and "Năm 2018" in the year cells.
	Merged bool
	// TrackedRow writes a rating with Deleted text as a deleted table row
	// followed by an inserted one.
	TrackedRow bool
	// NumericDates writes the meeting as "ngày 05/9/2019" and the date of
	// birth with leading zeros.
	NumericDates bool
	// NBSP puts non-breaking spaces between "ngày", "năm"… and numbers.
	NBSP bool
	// Wrappers puts rating runs in w:fldSimple and w:hyperlink and the
	// meeting date in w:smartTag.
	Wrappers bool
}

// Pack says what file the dossier becomes.
type Pack struct {
	Kind  PackKind
	Parts []Part // for PackZIP
	// MacOS makes the ZIP the way macOS Finder does: members in a folder,
	// names in NFD, and an AppleDouble "__MACOSX/._name" beside each.
	MacOS bool
}

// PackKind is the container of a dossier.
type PackKind int

const (
	PackDOCX PackKind = iota // one DOCX holding every paper
	PackPDF                  // one text PDF made by LibreOffice from that DOCX
	PackZIP                  // a ZIP of parts
)

// Part is one member of a ZIP dossier.
type Part struct {
	Name string
	Docs []DocKind
	PDF  bool // convert the part to PDF
	// Photo makes the part a JPEG ID photo instead of a document.
	Photo bool
}

// documentDates returns every dated paper of the dossier with its date.
func (d *Dossier) documentDates() []hoso.Date {
	var out []hoso.Date
	for _, k := range d.Docs {
		switch k {
		case DocLyLich:
			out = append(out, d.LyLichDate)
		case DocDon:
			out = append(out, d.Applied)
		case DocCertificate:
			out = append(out, d.CertDate)
		case DocAppraisal:
			out = append(out, d.AppraisalDate)
		case DocReviews:
			for _, r := range d.Reviews {
				out = append(out, r.Date)
			}
		case DocDecisions:
			for _, a := range d.Awards {
				if a.Decision || a.DecisionOnly {
					out = append(out, a.Date)
				}
			}
		case DocResolution:
			out = append(out, d.Meeting)
		}
	}
	return out
}

func (d *Dossier) has(k DocKind) bool {
	for _, x := range d.Docs {
		if x == k {
			return true
		}
	}
	return false
}

// ReviewDate is the date the rules are judged at, and where it comes from.
func (d *Dossier) ReviewDate() (hoso.Date, hoso.ReviewDateBasis) {
	if d.has(DocResolution) && !d.Meeting.IsZero() {
		return d.Meeting, hoso.ReviewFromResolution
	}
	var last hoso.Date
	for _, t := range d.documentDates() {
		if t.After(last) {
			last = t
		}
	}
	return last, hoso.ReviewFromLatestDoc
}

// dated is a rating with the date of the paper it is written in.
type dated struct {
	Rated
	Date hoso.Date
}

// ratings lists every rating the dossier's papers hold.
func (d *Dossier) ratings() []dated {
	var out []dated
	if d.has(DocAppraisal) {
		for _, r := range d.Appraisals {
			out = append(out, dated{r, d.AppraisalDate})
		}
	}
	if d.has(DocReviews) {
		for _, r := range d.Reviews {
			out = append(out, dated{r.Rated, r.Date})
		}
	}
	return out
}

// awards lists every award the dossier's papers hold.
func (d *Dossier) awards() []Commendation {
	var out []Commendation
	for _, a := range d.Awards {
		inSummary := d.has(DocAppraisal) && !a.DecisionOnly
		inDecision := d.has(DocDecisions) && (a.Decision || a.DecisionOnly)
		if inSummary || inDecision {
			out = append(out, a)
		}
	}
	return out
}

// Judgement is the verdict the rule of 52-CV/BTCĐU gives a dossier,
// computed from the specification, independently of any extractor.
type Judgement struct {
	Review  hoso.Date
	Basis   hoso.ReviewDateBasis
	Window  []int
	Verdict hoso.Verdict
	Letter  hoso.LetterKind
	// Outcomes of the three rules, for the README and for debugging.
	Ratings, Distinction, Age hoso.Outcome
}

// Judge applies the rule.
func (d *Dossier) Judge() Judgement {
	j := Judgement{}
	j.Review, j.Basis = d.ReviewDate()
	R := j.Review
	rs := d.ratings()

	first := R.Year - 3
	for _, r := range rs {
		if r.Year == R.Year && r.Date.Before(R) {
			first = R.Year - 2
		}
	}
	j.Window = []int{first, first + 1, first + 2}

	// Rule 2: every window year at least HTTNV.
	j.Ratings = hoso.OutcomePass
	byYear := map[int][]hoso.Rating{}
	for _, r := range rs {
		byYear[r.Year] = appendUnique(byYear[r.Year], r.Rating)
	}
	anyUnknown, anyFail := false, false
	for _, y := range j.Window {
		got := byYear[y]
		switch {
		case len(got) != 1:
			anyUnknown = true
		case got[0] < hoso.RatingHTTNV:
			anyFail = true
		}
	}
	switch {
	case anyFail:
		j.Ratings = hoso.OutcomeFail
	case anyUnknown:
		j.Ratings = hoso.OutcomeUnknown
	}

	// Rule 3: a distinction in a window year.
	j.Distinction = hoso.OutcomeFail
	inWindow := func(y int) bool { return y >= j.Window[0] && y <= j.Window[2] }
	for _, y := range j.Window {
		if got := byYear[y]; len(got) == 1 && got[0] == hoso.RatingHTXSNV {
			j.Distinction = hoso.OutcomePass
		}
	}
	for _, a := range d.awards() {
		if inWindow(a.Year) && counts(a.Kind) {
			j.Distinction = hoso.OutcomePass
		}
	}

	// Age, in whole months at R.
	j.Age = hoso.OutcomeUnknown
	over60 := false
	if b := d.Person.Born; !b.IsZero() && !d.Style.NoDOB {
		m := b.MonthsUntil(R)
		switch {
		case m < 18*12:
			j.Age = hoso.OutcomeFail
		case m > 60*12:
			j.Age, over60 = hoso.OutcomeFail, true
		default:
			j.Age = hoso.OutcomePass
		}
	}

	outs := []hoso.Outcome{j.Ratings, j.Distinction, j.Age}
	j.Verdict = hoso.VerdictEligible
	for _, o := range outs {
		if o == hoso.OutcomeUnknown {
			j.Verdict = hoso.VerdictIncomplete
		}
	}
	for _, o := range outs {
		if o == hoso.OutcomeFail {
			j.Verdict = hoso.VerdictIneligible
		}
	}
	j.Letter = hoso.LetterKind(j.Verdict)
	if over60 {
		j.Letter = hoso.LetterEscalate
	}
	return j
}

func counts(k hoso.AwardKind) bool {
	switch k {
	case hoso.AwardGiayKhen, hoso.AwardBangKhen, hoso.AwardCSTDCoSo, hoso.AwardCSTDCapTinh, hoso.AwardCSTDToanQuoc:
		return true
	}
	return false
}

func appendUnique(rs []hoso.Rating, r hoso.Rating) []hoso.Rating {
	for _, x := range rs {
		if x == r {
			return rs
		}
	}
	return append(rs, r)
}

// dt is a shorthand for the case table; Check rejects a date that does
// not exist.
func dt(y, m, d int) hoso.Date { return hoso.Date{Year: y, Month: time.Month(m), Day: d} }

func slashDate(d hoso.Date) string {
	return fmt.Sprintf("%02d/%02d/%d", d.Day, int(d.Month), d.Year)
}

// longDate writes "ngày 15 tháng 9 năm 2019" the way clerks type it (no
// leading zero on the month).
func longDate(d hoso.Date) string {
	return fmt.Sprintf("ngày %d tháng %d năm %d", d.Day, int(d.Month), d.Year)
}

// Package forms generates the "official forms" test corpus of hoso:
// admission dossiers written as bundles of the papers committees really
// send — the chi bộ's resolution (Mẫu 6-KNĐ), yearly phiếu đánh giá, xếp
// loại chất lượng with the candidate's and the authority's parts, the
// unit's nhận xét, award decisions, the lý lịch, đơn, giấy giới thiệu,
// Đoàn and Công đoàn resolutions, the certificate and a cover letter —
// following the structure described in docs/forms.md.
//
// Each dossier is written by one of three producers (the project's own
// DOCX writer, python-docx from Debian, LibreOffice) and delivered as
// DOCX, text PDF (one or two columns), ZIP of one paper per file, or a
// scan. The ground truth is computed from the case specification by
// Judge, which follows the corpus truth rules, so spec and files cannot
// drift apart.
//
//	go run ./internal/corpus/forms/gen -out testdata/forms
package forms

import (
	"fmt"
	"slices"
	"time"

	"github.com/hoso-vn/hoso"
)

// Producer is the program that writes a dossier's DOCX.
type Producer string

const (
	Own         Producer = "own"         // internal/corpus's writer
	PyDocx      Producer = "python-docx" // Debian's python3-docx, default template
	LibreOffice Producer = "libreoffice" // a DOCX of Source round-tripped, or a PDF
)

// Out is what file a case becomes.
type Out int

const (
	OutDOCX     Out = iota
	OutPDF          // text PDF made by LibreOffice
	OutPDF2Col      // text PDF of a two-column section layout
	OutZIP          // ZIP, one paper per member (DOCX and PDF alternately)
	OutScanPDF      // image-only PDF from the pages rendered and degraded
	OutPhotoZIP     // ZIP of phone photos (JPEG) and a PNG, one page per member
)

// Case is one dossier: the candidate, the papers and how they are typed.
type Case struct {
	ID   string
	Note string // what the case tests, one sentence
	Tags []string

	// Producer writes the DOCX; for LibreOffice, Source writes it first and
	// LibreOffice saves it again as DOCX (or prints it, for PDF outputs).
	Producer, Source Producer
	Out              Out
	Scan             string // scan.Variants name for scanned outputs

	Person   Person
	Unit     Unit
	Position string // chức vụ, chức danh
	// Since is when the candidate started at the unit (lý lịch item 19,
	// "tuyển dụng từ …" in the nhận xét).
	Since hoso.Date
	// SinceInNX makes the unit's nhận xét state the recruitment month.
	SinceInNX bool

	Meeting hoso.Date // chi bộ meeting; zero: no 6-KNĐ in the dossier
	Years   []Year    // rated years, oldest first
	Awards  []Award

	Res   Resolution // how the 6-KNĐ is written
	Phieu PhieuStyle
	NX    NXStyle // the unit's nhận xét; NX.On includes it

	// Papers other than 6-KNĐ, phiếu, nhận xét and decisions.
	LyLich, Don, GioiThieu, NQDoan, NQCongDoan, TongHop, ChungNhan bool
	// Cover adds a cover letter dated this many days after the meeting
	// (or after the newest paper when there is no resolution).
	Cover int
	// PhieuFirst puts the phiếu before the resolution in the upload.
	PhieuFirst bool
	// TwoCol lays the papers out in two columns (w:cols num=2).
	TwoCol bool
	// AllPhotos keeps every page of an OutPhotoZIP as the phone's JPEG
	// (no page exported to PNG by a scanning app).
	AllPhotos bool
	// WordLike makes the own writer's DOCX look edited in Word: runs cut
	// mid-word, non-breaking spaces after "ngày", "tháng", "năm", "số".
	WordLike bool

	want hoso.Verdict // the verdict the case was designed for
}

// Person is the candidate.
type Person struct {
	Name      string // mixed case, NFC
	Male      bool
	Born      hoso.Date // zero when only BirthYear or nothing is written
	BirthYear int       // "sinh năm 1995" and nothing more precise
	// AltBorn is a different date of birth the đơn writes (a conflict).
	AltBorn   hoso.Date
	HomeTown  string
	Ethnic    string
	Education string // "12/12"
}

// Unit is where the candidate works and who rates them.
type Unit struct {
	Name      string // in full; '\n' marks where clerks break it by hand
	Parent    string // superior in capitals for the State header
	Agency    string // the unit in capitals for the State header
	Place     string
	HeadTitle string // "GIÁM ĐỐC"
	Head      string
	Signer    string // the head's title in a sentence: "Giám đốc Sở Tài chính"
	Pos       string // the usual position of a candidate there: "Chuyên viên"
	VienChuc  bool
	DangBo    string // Party header line 1 of the chi bộ: "ĐẢNG BỘ SỞ TÀI CHÍNH"
	ChiBo     string // "Chi bộ Phòng Quản lý ngân sách"
	DangUy    string // the addressee: "Đảng uỷ Sở Tài chính tỉnh Thái Bình"
	Secretary string
	Members   int
}

// Year is one year's rating as the dossier's papers give it.
type Year struct {
	Year int
	Auth hoso.Rating // the authority's rating; Unknown: left blank
	Self hoso.Rating // the candidate's self-rating in the phiếu; Unknown = Auth
	// InPhieu writes a phiếu for the year; InNX a row of the nhận xét.
	InPhieu, InNX bool
	// NXAuth is the nhận xét's rating when it differs from the phiếu's (a
	// genuine conflict between two authoritative papers).
	NXAuth hoso.Rating
	// Unrated is the reason the unit gives for not rating the year.
	Unrated string
	// Late dates the authority's signature in January of the next year.
	Late bool
	// Colleague puts a colleague's phiếu of the year in the dossier in
	// place of the candidate's (filed by mistake): not the candidate's.
	Colleague string
}

// Award is a commendation or title, the candidate's or someone else's.
type Award struct {
	Year   int // the achievement year written in the decision
	Kind   hoso.AwardKind
	Title  string // "Giấy khen", "Chiến sĩ thi đua cơ sở"
	Issuer string // as the truth cites it: "Giám đốc Sở Tài chính"
	// Parent and Agency head the decision; Symbol ends its number.
	Parent, Agency string
	Number         string
	Date           hoso.Date
	// Collective names the collective the award goes to; the candidate is
	// then not in it and the award is not theirs.
	Collective string
	// Others are other people on the decision's list.
	Others []string
	// Where the award is written.
	Decision, InNX, InLyLich bool
}

// Mine reports whether the award is the candidate's.
func (a Award) Mine() bool { return a.Collective == "" }

// Resolution says how the 6-KNĐ is written.
type Resolution struct {
	CanCu []string // "Căn cứ …" lines, each with its older dates
	// Meet: "form" ("Ngày …, Chi bộ … đã họp"), "homnay" ("Hôm nay, ngày
	// …"), "hoi" ("Vào hồi 14 giờ 00, ngày …"), "chibo" ("Chi bộ … tổ
	// chức họp lúc 14h00' ngày 7-5-2024 …", the date with dashes).
	Meet     string
	Numeric  bool // the meeting date as 05/9/2023
	DateLine int  // days from the meeting to the resolution's own date line
	FormCode bool // "Mẫu 6-KNĐ" printed top right
	// Compact writes the candidate on one line, name in capitals.
	Compact bool
	NoDOB   bool // the resolution does not repeat the date of birth
	Summary bool // the ratings of the last years restated
	Others  []Other
	// CodeUnder prints "(Mẫu 6-KNĐ)" under the title instead of above the
	// header, as some offices' templates do.
	CodeUnder bool
	// CommaLast ends the last "Căn cứ" with a comma, the main clause
	// following on its own line ("…, / Chi bộ … tổ chức họp …").
	CommaLast bool
	// Listed writes the people considered as a numbered list, each "N. Họ
	// tên, sinh ngày …; đơn vị công tác: …", without a name label; Others
	// are listed after the candidate instead of in a sentence of their own.
	Listed bool
}

// Other is another candidate considered in the same meeting.
type Other struct {
	Name string
	Born hoso.Date
	Unit string
}

// PhieuStyle says how the yearly phiếu are filled in.
type PhieuStyle struct {
	// Tick is the mark of the chosen option when the form's hint is turned
	// into a list: "☒", "☑", "✓", "[x]", "(x)", "X" (a table column);
	// empty: the rating is typed after the label.
	Tick string
	Hint bool // leave the form's option hint after a typed rating
	Wrap bool // break the unit name by hand (Unit.Name's '\n')
}

// NXStyle says how the unit's nhận xét is written.
type NXStyle struct {
	On     bool
	Table  bool   // a table of years; else prose
	Merged bool   // each year a merged cell over a rating row and an award row
	Legend bool   // "Ghi chú: HTXSNV – …" under the table
	Abbr   string // rating words: "", "caps", "abbr", "space", "spacelower", "lower"
	// WrapRating breaks a prose rating phrase by hand: "năm 2017 hoàn" /
	// "thành xuất sắc nhiệm vụ".
	WrapRating bool
	Days       int // days before the meeting (after, for no-resolution cases)
}

// Kind is a paper of the dossier.
type Kind int

const (
	KCover Kind = iota
	KChungNhan
	KDon
	KLyLich
	KGioiThieu
	KNQDoan
	KNQCongDoan
	KTongHop
	KResolution
	KPhieu
	KNhanXet
	KDecision
)

// DocKind is the hoso document kind of the paper.
func (k Kind) DocKind() hoso.DocKind {
	switch k {
	case KChungNhan:
		return hoso.DocChungNhan
	case KDon:
		return hoso.DocDon
	case KLyLich:
		return hoso.DocLyLich
	case KGioiThieu:
		return hoso.DocGioiThieu
	case KNQDoan, KNQCongDoan:
		return hoso.DocNQDoanThe
	case KTongHop:
		return hoso.DocTongHop
	case KResolution:
		return hoso.DocNQChiBo
	case KPhieu:
		return hoso.DocPhieu
	case KNhanXet:
		return hoso.DocNhanXet
	case KDecision:
		return hoso.DocQDKhen
	}
	return hoso.DocOther
}

// Paper is one paper of an assembled dossier.
type Paper struct {
	Kind  Kind
	Date  hoso.Date // its date line (a phiếu: the authority's signature)
	Year  int       // KPhieu: the rated year
	Award int       // KDecision: index in Case.Awards
	Intro int       // KGioiThieu: which introducer
}

func dt(y, m, d int) hoso.Date { return hoso.Date{Year: y, Month: time.Month(m), Day: d} }

// add returns d moved by days.
func add(d hoso.Date, days int) hoso.Date { return hoso.DateOf(d.Time().AddDate(0, 0, days)) }

// Check reports mistakes in a case that would make a paper say something
// the truth does not, or make the renderer fail.
func (c *Case) Check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("forms: %s: %s", c.ID, fmt.Sprintf(format, args...))
	}
	for _, p := range c.Papers() {
		if !p.Date.Valid() {
			return bad("paper %s dated %v", p.Kind.DocKind(), p.Date)
		}
		late := p.Kind == KPhieu && c.year(p.Year).Late && p.Year == c.Meeting.Year
		if !c.Meeting.IsZero() && p.Kind != KCover && p.Kind != KResolution && !late && p.Date.After(c.Meeting) {
			return bad("paper %s dated %v after the meeting", p.Kind.DocKind(), p.Date)
		}
	}
	if c.Person.BirthYear != 0 && (!c.Person.Born.IsZero() || c.LyLich) {
		return bad("a birth year alone cannot go with a date of birth or a lý lịch")
	}
	if c.Person.Born.IsZero() && c.LyLich {
		return bad("the lý lịch always writes a date of birth")
	}
	if c.NX.On && !slices.ContainsFunc(c.Years, func(y Year) bool { return y.InNX }) {
		return bad("a nhận xét with no year")
	}
	if (c.Out == OutScanPDF || c.Out == OutPhotoZIP) && c.Scan == "" {
		return bad("a scan without a scan variant")
	}
	if c.Producer == LibreOffice && c.Source == "" {
		return bad("LibreOffice needs a Source writer")
	}
	if c.Out != OutDOCX && c.Out != OutZIP && c.Producer != LibreOffice {
		return bad("PDFs and scans are printed by LibreOffice")
	}
	return nil
}

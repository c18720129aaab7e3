package render

import (
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/validate"
)

// Records built by hand as the form-aware extractor writes them (each value
// with evidence naming its paper) and judged by the default rule set, so
// the letters quote validate's own messages.

func ev(file, block, text string, doc hoso.DocKind) hoso.Evidence {
	return hoso.Evidence{File: file, Page: 1, Block: block, Text: text, Doc: doc}
}

const upload = "uploads/ho-so-nguyen-thi-hoa.pdf"

func baseRecord() *hoso.Record {
	r := hoso.NewRecord()
	r.DossierID = "0e303640e836f5f5"
	r.Source = hoso.Source{Key: upload, SHA256: "0e303640e836f5f5", Format: hoso.FormatPDFText, Pages: 9}
	r.Candidate = hoso.Candidate{
		FullName:    "Nguyễn Thị Hoà",
		DateOfBirth: hoso.Date{Year: 1990, Month: time.May, Day: 12},
		Unit:        "Sở Tài chính",
		Position:    "chuyên viên Phòng Quản lý ngân sách",
		Evidence: map[string]hoso.Evidence{
			"full_name":     ev(upload, "p3", "Họ và tên đang dùng: NGUYỄN THỊ HOÀ", hoso.DocLyLich),
			"date_of_birth": ev(upload, "p5", "Sinh ngày 12 tháng 5 năm 1990", hoso.DocLyLich),
			"unit":          ev(upload, "p9", "Đơn vị công tác: Sở Tài chính", hoso.DocLyLich),
			"position":      ev(upload, "p10", "Chức vụ: chuyên viên Phòng Quản lý ngân sách", hoso.DocLyLich),
		},
	}
	r.Documents = []hoso.Document{
		{Kind: hoso.DocDon, Form: "1-KNĐ", File: upload, FirstPage: 1, LastPage: 1},
		{Kind: hoso.DocLyLich, Form: "2-KNĐ", File: upload, FirstPage: 2, LastPage: 5},
		{Kind: hoso.DocNQChiBo, Form: "6-KNĐ", File: upload, FirstPage: 6, LastPage: 6},
		{Kind: hoso.DocPhieu, File: upload, FirstPage: 7, LastPage: 8},
		{Kind: hoso.DocQDKhen, File: upload, FirstPage: 9, LastPage: 9},
	}
	r.ReviewDate = hoso.Date{Year: 2019, Month: time.September, Day: 27}
	r.ReviewDateBasis = hoso.ReviewFromResolution
	rd := ev(upload, "p61", "Hôm nay, ngày 27 tháng 9 năm 2019, Chi bộ Phòng Quản lý ngân sách đã họp", hoso.DocNQChiBo)
	r.ReviewDateEvidence = &rd
	r.Addressee = &hoso.Addressee{Name: "Đảng uỷ Sở Tài chính",
		Evidence: ev(upload, "p68", "Chi bộ đề nghị Đảng uỷ Sở Tài chính xem xét, kết nạp", hoso.DocNQChiBo)}
	r.Appraisals = []hoso.Appraisal{
		{Year: 2016, Rating: hoso.RatingHTTNV, Evidence: ev(upload, "t1r2", "Năm 2016: Hoàn thành tốt nhiệm vụ", hoso.DocPhieu)},
		{Year: 2017, Rating: hoso.RatingHTXSNV, Evidence: ev(upload, "t1r3", "Năm 2017: Hoàn thành xuất sắc nhiệm vụ", hoso.DocPhieu)},
		{Year: 2018, Rating: hoso.RatingHTTNV, Evidence: ev(upload, "t1r4", "Năm 2018: Hoàn thành tốt nhiệm vụ", hoso.DocPhieu)},
	}
	r.Awards = []hoso.Award{
		{Year: 2015, Kind: hoso.AwardLaoDongTienTien, Evidence: ev(upload, "p40", "Năm 2015: Lao động tiên tiến", hoso.DocLyLich)},
		{Year: 2017, Kind: hoso.AwardGiayKhen, Title: "Giấy khen", Issuer: "Giám đốc Sở Tài chính",
			Decision: "Quyết định số 123/QĐ-STC ngày 15/12/2017",
			Evidence: ev(upload, "p91", "Tặng Giấy khen cho bà Nguyễn Thị Hoà ... Quyết định số 123/QĐ-STC ngày 15/12/2017 của Giám đốc Sở Tài chính", hoso.DocQDKhen)},
	}
	return r
}

func judged(r *hoso.Record) *hoso.Record {
	validate.Default().Apply(r)
	return r
}

func eligibleRecord() *hoso.Record { return judged(baseRecord()) }

// ineligibleRecord: recruited in March 2017, so not yet three rated years
// at a review in September 2019.
func ineligibleRecord() *hoso.Record {
	r := baseRecord()
	r.Candidate.FullName = "Lê Văn Hoà"
	r.Candidate.Unit = "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"
	r.Candidate.Evidence["full_name"] = ev(upload, "p3", "Họ và tên đang dùng: LÊ VĂN HOÀ", hoso.DocLyLich)
	r.Candidate.Evidence["unit"] = ev(upload, "p9", "Đơn vị công tác: Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", hoso.DocLyLich)
	r.Addressee = &hoso.Addressee{Name: "Đảng uỷ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
		Evidence: ev(upload, "p1", "Kính gửi: Chi uỷ Chi bộ Phòng Tổng hợp, Đảng uỷ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", hoso.DocDon)}
	r.Employment = &hoso.Employment{Since: hoso.Date{Year: 2017, Month: time.March, Day: 1},
		Evidence: ev(upload, "p30", "03/2017 - nay: tuyển dụng, công tác tại Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", hoso.DocLyLich)}
	r.Appraisals = r.Appraisals[1:]
	r.Awards = nil
	return judged(r)
}

// incompleteRecord: the 2018 rating is missing and the only mention of the
// award is in the introducer's letter, so the letter asks for both.
func incompleteRecord() *hoso.Record {
	r := baseRecord()
	r.Candidate.FullName = "Trần Minh Tuấn"
	r.Candidate.Position = ""
	r.Candidate.Evidence["full_name"] = ev(upload, "p3", "Họ và tên đang dùng: TRẦN MINH TUẤN", hoso.DocLyLich)
	delete(r.Candidate.Evidence, "position")
	r.Appraisals = []hoso.Appraisal{
		{Year: 2016, Rating: hoso.RatingHTTNV, Evidence: ev(upload, "t1r2", "Năm 2016: Hoàn thành tốt nhiệm vụ", hoso.DocPhieu)},
		{Year: 2017, Rating: hoso.RatingHTTNV, Evidence: ev(upload, "t1r3", "Năm 2017: Hoàn thành tốt nhiệm vụ", hoso.DocPhieu)},
	}
	r.Awards = []hoso.Award{{Year: 2017, Kind: hoso.AwardGiayKhen, Issuer: "Giám đốc Sở Tài chính",
		Evidence: ev(upload, "p52", "năm 2017 đồng chí được Giám đốc Sở tặng Giấy khen", hoso.DocGioiThieu)}}
	return judged(r)
}

// escalateRecord: past 60 at the review, everything else in order.
func escalateRecord() *hoso.Record {
	r := baseRecord()
	r.Candidate.FullName = "Phạm Văn Khoẻ"
	r.Candidate.DateOfBirth = hoso.Date{Year: 1958, Month: time.March, Day: 2}
	r.Candidate.Position = "nguyên Phó Giám đốc"
	r.Candidate.Evidence["full_name"] = ev(upload, "p3", "Họ và tên đang dùng: PHẠM VĂN KHOẺ", hoso.DocLyLich)
	r.Candidate.Evidence["date_of_birth"] = ev(upload, "p5", "Sinh ngày 02 tháng 3 năm 1958", hoso.DocLyLich)
	r.Candidate.Evidence["position"] = ev(upload, "p10", "Chức vụ: nguyên Phó Giám đốc", hoso.DocLyLich)
	return judged(r)
}

func stateIssuer() *Issuer {
	iss := DefaultIssuer()
	iss.Profile = ProfileState
	iss.Superior = "UBND TỈNH"
	iss.Name = "SỞ NỘI VỤ"
	iss.Abbreviation = "SNV-TCCB"
	iss.FullName = "Sở Nội vụ"
	iss.ShortName = "Sở Nội vụ"
	iss.StandingCommittee = "Ban Thường vụ Đảng uỷ"
	iss.Signer = Signer{Authority: "K/T GIÁM ĐỐC", Title: "PHÓ GIÁM ĐỐC", Name: "Trần Văn Bình"}
	iss.Recipients = []string{"Đảng uỷ Các cơ quan tỉnh", "{addressee}"}
	iss.Copies = []string{"Như trên;", "Giám đốc Sở (để báo cáo);", "Lưu: VT, TCCB."}
	iss.Number = NumberPolicy{Mode: NumberRegister, Value: 5}
	return iss
}

// letterDate is the date printed on the golden letters.
var letterDate = hoso.Date{Year: 2019, Month: time.October, Day: 3}

type fixture struct {
	name string
	rec  func() *hoso.Record
	iss  func() *Issuer
	kind hoso.LetterKind
}

func fixtures() []fixture {
	return []fixture{
		{"eligible", eligibleRecord, DefaultIssuer, hoso.LetterEligible},
		{"ineligible", ineligibleRecord, DefaultIssuer, hoso.LetterIneligible},
		{"incomplete", incompleteRecord, DefaultIssuer, hoso.LetterIncomplete},
		{"escalate", escalateRecord, DefaultIssuer, hoso.LetterEscalate},
		{"state", eligibleRecord, stateIssuer, hoso.LetterEligible},
	}
}

package render

import (
	"time"

	"github.com/hoso-vn/hoso"
)

// Records built by hand, shaped as validate writes them: its messages are
// Vietnamese sentences the letter quotes as they are.

func ev(file, block, text string) hoso.Evidence {
	return hoso.Evidence{File: file, Page: 1, Block: block, Text: text}
}

func baseRecord() *hoso.Record {
	r := hoso.NewRecord()
	r.DossierID = "0e303640e836f5f5"
	r.Source = hoso.Source{Key: "uploads/ho-so-nguyen-thi-hoa.docx", SHA256: "0e303640e836f5f5", Format: hoso.FormatDOCX}
	r.Candidate = hoso.Candidate{
		FullName:    "Nguyễn Thị Hoà",
		DateOfBirth: hoso.Date{Year: 1990, Month: time.May, Day: 12},
		Unit:        "Sở Tài chính",
		Position:    "chuyên viên Phòng Quản lý ngân sách",
	}
	r.ReviewDate = hoso.Date{Year: 2019, Month: time.September, Day: 27}
	r.ReviewDateBasis = hoso.ReviewFromResolution
	r.Window = []int{2016, 2017, 2018}
	r.RuleSet = "52-CV/BTCDU-2019"
	return r
}

const cite = "Công văn số 52-CV/BTCĐU, mục (2)"

func eligibleRecord() *hoso.Record {
	r := baseRecord()
	r.Appraisals = []hoso.Appraisal{
		{Year: 2016, Rating: hoso.RatingHTTNV, Evidence: ev("nhan-xet-2016.pdf", "l4", "Hoàn thành tốt nhiệm vụ")},
		{Year: 2017, Rating: hoso.RatingHTXSNV, Evidence: ev("nhan-xet-2017.pdf", "l4", "Hoàn thành xuất sắc nhiệm vụ")},
		{Year: 2018, Rating: hoso.RatingHTTNV, Evidence: ev("nhan-xet-2018.pdf", "l5", "Hoàn thành tốt nhiệm vụ")},
	}
	gk := ev("giay-khen-2017.pdf", "l2", "Giấy khen")
	r.Awards = []hoso.Award{
		{Year: 2015, Kind: hoso.AwardLaoDongTienTien, Evidence: ev("ly-lich.docx", "p40", "LĐTT 2015")},
		{Year: 2017, Kind: hoso.AwardGiayKhen, Title: "Giấy khen", Issuer: "Giám đốc Sở Tài chính",
			Decision: "Quyết định số 123/QĐ-STC ngày 15/12/2017", Evidence: gk},
	}
	r.Verdict = hoso.VerdictEligible
	r.Rules = []hoso.RuleOutcome{
		{ID: "age", Outcome: hoso.OutcomePass, Message: "Quần chúng đủ 18 tuổi và chưa quá 60 tuổi tại thời điểm chi bộ xét kết nạp.", Citation: "Điều lệ Đảng, Điều 1"},
		{ID: "ratings_3y", Outcome: hoso.OutcomePass, Message: "Ba năm liên tiếp 2016–2018 được xếp loại hoàn thành tốt nhiệm vụ trở lên.", Citation: cite},
		{ID: "distinction", Outcome: hoso.OutcomePass, Message: "Năm 2017 hoàn thành xuất sắc nhiệm vụ và được tặng Giấy khen.", Citation: cite, Evidence: []hoso.Evidence{gk}},
	}
	return r
}

func ineligibleRecord() *hoso.Record {
	r := baseRecord()
	r.Candidate.FullName = "Lê Văn Hoà"
	r.Candidate.Unit = "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"
	r.Appraisals = []hoso.Appraisal{
		{Year: 2016, Rating: hoso.RatingHTTNV, Evidence: ev("nx-2016.pdf", "l3", "Hoàn thành tốt nhiệm vụ")},
		{Year: 2017, Rating: hoso.RatingHTNV, Evidence: ev("nx-2017.pdf", "l3", "Hoàn thành nhiệm vụ")},
		{Year: 2018, Rating: hoso.RatingHTTNV, Evidence: ev("nx-2018.pdf", "l3", "Hoàn thành tốt nhiệm vụ")},
	}
	r.Verdict = hoso.VerdictIneligible
	r.Rules = []hoso.RuleOutcome{
		{ID: "age", Outcome: hoso.OutcomePass, Message: "Quần chúng đủ 18 tuổi và chưa quá 60 tuổi tại thời điểm chi bộ xét kết nạp."},
		{ID: "ratings_3y", Outcome: hoso.OutcomeFail, Citation: cite,
			Message:  "Năm 2017 quần chúng chỉ được xếp loại hoàn thành nhiệm vụ, chưa đạt mức hoàn thành tốt nhiệm vụ trở lên theo yêu cầu trong 3 năm liên tiếp.",
			Evidence: []hoso.Evidence{r.Appraisals[1].Evidence}},
		{ID: "distinction", Outcome: hoso.OutcomeFail, Citation: cite,
			Message: "Trong 3 năm 2016, 2017, 2018 quần chúng không có năm nào hoàn thành xuất sắc nhiệm vụ, được khen thưởng hoặc đạt danh hiệu chiến sĩ thi đua cơ sở trở lên."},
	}
	return r
}

func incompleteRecord() *hoso.Record {
	r := baseRecord()
	r.Candidate.FullName = "Trần Minh Tuấn"
	r.Candidate.Position = ""
	r.Appraisals = []hoso.Appraisal{
		{Year: 2016, Rating: hoso.RatingHTTNV, Evidence: ev("nx-2016.pdf", "l3", "Hoàn thành tốt nhiệm vụ")},
		{Year: 2017, Rating: hoso.RatingHTXSNV, Evidence: ev("nx-2017.pdf", "l3", "Hoàn thành xuất sắc nhiệm vụ")},
	}
	r.Verdict = hoso.VerdictIncomplete
	r.Rules = []hoso.RuleOutcome{
		{ID: "ratings_3y", Outcome: hoso.OutcomeUnknown, Citation: cite,
			Message: "Chưa có kết quả đánh giá, xếp loại năm 2018.",
			Missing: []string{"bản nhận xét, đánh giá, xếp loại năm 2018 của cơ quan, đơn vị"}},
		{ID: "distinction", Outcome: hoso.OutcomeUnknown, Citation: cite,
			Message: "Chưa có quyết định khen thưởng kèm theo hồ sơ.",
			Missing: []string{"quyết định khen thưởng năm 2017 (bản sao)", "bản nhận xét, đánh giá, xếp loại năm 2018 của cơ quan, đơn vị"}},
		{ID: "certificate", Outcome: hoso.OutcomeUnknown,
			Message: "Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.",
			Missing: []string{"giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng"}},
	}
	return r
}

func escalateRecord() *hoso.Record {
	r := baseRecord()
	r.Candidate.FullName = "Phạm Văn Khoẻ"
	r.Candidate.DateOfBirth = hoso.Date{Year: 1958, Month: time.March, Day: 2}
	r.Candidate.Position = "nguyên Phó Giám đốc"
	r.Appraisals = eligibleRecord().Appraisals
	r.Awards = eligibleRecord().Awards
	r.Verdict = hoso.VerdictIneligible
	r.Rules = []hoso.RuleOutcome{
		{ID: "age", Outcome: hoso.OutcomeFail, Escalate: true, Citation: "Quy định số 24-QĐ/TW, điểm 3.4",
			Message: "Ngày 27/9/2019 chi bộ xét đề nghị kết nạp, quần chúng đã 61 tuổi (sinh ngày 02/3/1958), quá 60 tuổi."},
		{ID: "ratings_3y", Outcome: hoso.OutcomePass, Message: "Ba năm liên tiếp 2016–2018 được xếp loại hoàn thành tốt nhiệm vụ trở lên.", Citation: cite},
	}
	return r
}

func stateIssuer() *Issuer {
	iss := DefaultIssuer()
	iss.Profile = ProfileState
	iss.Superior = "UBND TỈNH"
	iss.Name = "SỞ NỘI VỤ"
	iss.Abbreviation = "SNV"
	iss.FullName = "Sở Nội vụ"
	iss.ShortName = "Sở Nội vụ"
	iss.StandingCommittee = "Ban Thường vụ Đảng uỷ"
	iss.Signer = Signer{Authority: "K/T GIÁM ĐỐC", Title: "PHÓ GIÁM ĐỐC", Name: "Trần Văn Bình"}
	iss.Recipients = []string{"Đảng uỷ Các cơ quan tỉnh", "Cấp uỷ cơ sở {unit}"}
	iss.Copies = []string{"Như trên;", "Giám đốc Sở (để báo cáo);", "Lưu: VT, TCCB."}
	iss.Number = NumberPolicy{Mode: NumberRegister, Value: 15}
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

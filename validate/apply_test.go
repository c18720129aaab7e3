package validate

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/vntext"
)

// day parses YYYY-MM-DD for tests.
func day(t testing.TB, s string) hoso.Date {
	t.Helper()
	if s == "" {
		return hoso.Date{}
	}
	var d hoso.Date
	if err := d.UnmarshalText([]byte(s)); err != nil {
		t.Fatal(err)
	}
	return d
}

func app(year int, r hoso.Rating, text string, conf float64) hoso.Appraisal {
	if text == "" {
		text = fmt.Sprintf("Năm %d: %s", year, r.Vietnamese())
	}
	return hoso.Appraisal{Year: year, Rating: r, Evidence: hoso.Evidence{File: "hoso.docx", Block: fmt.Sprintf("t1r%d", year%100), Text: text, Confidence: conf}}
}

func award(year int, k hoso.AwardKind, conf float64) hoso.Award {
	return hoso.Award{Year: year, Kind: k, Issuer: "Giám đốc Sở Tài chính", Decision: fmt.Sprintf("Quyết định số 12/QĐ-STC ngày 10/12/%d", year),
		Evidence: hoso.Evidence{File: "hoso.docx", Block: "p40", Text: k.Vietnamese(), Confidence: conf}}
}

// good returns HTTNV appraisals for years from..to.
func good(from, to int) []hoso.Appraisal {
	var a []hoso.Appraisal
	for y := from; y <= to; y++ {
		a = append(a, app(y, hoso.RatingHTTNV, "", 0))
	}
	return a
}

func with(as []hoso.Appraisal, more ...hoso.Appraisal) []hoso.Appraisal {
	return append(slices.Clone(as), more...)
}

// replace sets the rating of year y (all its appraisals) to r.
func replace(as []hoso.Appraisal, y int, r hoso.Rating) []hoso.Appraisal {
	out := slices.Clone(as)
	for i := range out {
		if out[i].Year == y {
			out[i] = app(y, r, "", out[i].Evidence.Confidence)
		}
	}
	return out
}

func without(as []hoso.Appraisal, y int) []hoso.Appraisal {
	return slices.DeleteFunc(slices.Clone(as), func(a hoso.Appraisal) bool { return a.Year == y })
}

type want struct {
	verdict  hoso.Verdict
	window   []int
	outcomes map[string]hoso.Outcome
	message  map[string]string // rule id → substring of its message
	missing  map[string]string // rule id → one expected Missing item
	evidence map[string]int    // rule id → number of evidences
	escalate bool
}

type recCase struct {
	name       string
	review     string
	basis      hoso.ReviewDateBasis
	reviewConf float64
	dob        string
	dobConf    float64
	apps       []hoso.Appraisal
	awards     []hoso.Award
	want       want
}

func (c recCase) record(t testing.TB) *hoso.Record {
	rec := hoso.NewRecord()
	rec.Candidate.FullName = "Lê Văn Hoà"
	rec.Candidate.DateOfBirth = day(t, c.dob)
	if c.dob != "" {
		rec.Candidate.Evidence = map[string]hoso.Evidence{"date_of_birth": {File: "hoso.docx", Block: "p5", Text: "Sinh ngày " + c.dob, Confidence: c.dobConf}}
	}
	rec.ReviewDate = day(t, c.review)
	rec.ReviewDateBasis = c.basis
	if c.review != "" {
		if rec.ReviewDateBasis == "" {
			rec.ReviewDateBasis = hoso.ReviewFromResolution
		}
		rec.ReviewDateEvidence = &hoso.Evidence{File: "hoso.docx", Block: "p60", Text: "Hôm nay, " + day(t, c.review).Vietnamese(), Confidence: c.reviewConf}
	}
	rec.Appraisals = append(rec.Appraisals, c.apps...)
	rec.Awards = append(rec.Awards, c.awards...)
	return rec
}

func checkRecord(t *testing.T, rec *hoso.Record, w want) {
	t.Helper()
	if rec.Verdict != w.verdict {
		t.Errorf("verdict = %s, want %s", rec.Verdict, w.verdict)
	}
	if w.window != nil && !slices.Equal(rec.Window, w.window) {
		t.Errorf("window = %v, want %v", rec.Window, w.window)
	}
	got := map[string]hoso.RuleOutcome{}
	for _, o := range rec.Rules {
		got[o.ID] = o
		if o.Message == "" || o.Citation == "" {
			t.Errorf("rule %s: empty message or citation: %+v", o.ID, o)
		}
		if o.Outcome == hoso.OutcomeUnknown && len(o.Missing) == 0 {
			t.Errorf("rule %s unknown without Missing: %s", o.ID, o.Message)
		}
		if o.Outcome != hoso.OutcomeUnknown && len(o.Missing) > 0 {
			t.Errorf("rule %s %s with Missing %v", o.ID, o.Outcome, o.Missing)
		}
		if o.Escalate != (w.escalate && o.ID == RuleAge) {
			t.Errorf("rule %s escalate = %v", o.ID, o.Escalate)
		}
	}
	for id, out := range w.outcomes {
		if got[id].Outcome != out {
			t.Errorf("rule %s = %s, want %s (%s)", id, got[id].Outcome, out, got[id].Message)
		}
	}
	for id, sub := range w.message {
		if !strings.Contains(got[id].Message, sub) {
			t.Errorf("rule %s message %q lacks %q", id, got[id].Message, sub)
		}
	}
	for id, m := range w.missing {
		if !slices.Contains(got[id].Missing, m) {
			t.Errorf("rule %s missing %q lacks %q", id, got[id].Missing, m)
		}
	}
	for id, n := range w.evidence {
		if len(got[id].Evidence) != n {
			t.Errorf("rule %s has %d evidences, want %d: %+v", id, len(got[id].Evidence), n, got[id].Evidence)
		}
	}
}

const (
	pass    = hoso.OutcomePass
	fail    = hoso.OutcomeFail
	unknown = hoso.OutcomeUnknown
)

func TestApplyDefault(t *testing.T) {
	base := with(good(2016, 2018)) // window 2016–2018 for a 2019 review
	xs := replace(base, 2017, hoso.RatingHTXSNV)
	cases := []recCase{
		{name: "eligible via HTXSNV", review: "2019-09-15", dob: "1990-05-12", apps: xs,
			want: want{verdict: hoso.VerdictEligible, window: []int{2016, 2017, 2018},
				outcomes: map[string]hoso.Outcome{RuleRatings: pass, RuleDistinction: pass, RuleAge: pass},
				message: map[string]string{
					RuleDistinction: "năm 2017 được xếp loại hoàn thành xuất sắc nhiệm vụ",
					RuleRatings:     "Trong các năm 2016, 2017 và 2018, quần chúng đều được xếp loại hoàn thành tốt nhiệm vụ trở lên",
					RuleAge:         "29 tuổi 4 tháng"},
				evidence: map[string]int{RuleRatings: 3, RuleDistinction: 1, RuleAge: 2}}},
		{name: "eligible via Giấy khen", review: "2019-09-15", dob: "1990-05-12", apps: base,
			awards: []hoso.Award{award(2018, hoso.AwardGiayKhen, 0)},
			want: want{verdict: hoso.VerdictEligible, message: map[string]string{
				RuleDistinction: "năm 2018 được tặng Giấy khen của Giám đốc Sở Tài chính (Quyết định số 12/QĐ-STC ngày 10/12/2018)"}}},
		{name: "eligible via Bằng khen", review: "2019-09-15", dob: "1990-05-12", apps: base,
			awards: []hoso.Award{award(2016, hoso.AwardBangKhen, 0)},
			want:   want{verdict: hoso.VerdictEligible, message: map[string]string{RuleDistinction: "được tặng Bằng khen"}}},
		{name: "eligible via CSTĐCS", review: "2019-09-15", dob: "1990-05-12", apps: base,
			awards: []hoso.Award{award(2017, hoso.AwardCSTDCoSo, 0)},
			want:   want{verdict: hoso.VerdictEligible, message: map[string]string{RuleDistinction: "năm 2017 đạt danh hiệu Chiến sĩ thi đua cơ sở"}}},
		{name: "eligible via CSTĐ cấp tỉnh", review: "2019-09-15", dob: "1990-05-12", apps: base,
			awards: []hoso.Award{award(2017, hoso.AwardCSTDCapTinh, 0)},
			want:   want{verdict: hoso.VerdictEligible}},
		{name: "LĐTT alone does not qualify", review: "2019-09-15", dob: "1990-05-12", apps: base,
			awards: []hoso.Award{award(2017, hoso.AwardLaoDongTienTien, 0)},
			want: want{verdict: hoso.VerdictIneligible,
				outcomes: map[string]hoso.Outcome{RuleRatings: pass, RuleDistinction: fail, RuleAge: pass},
				message:  map[string]string{RuleDistinction: "Danh hiệu Lao động tiên tiến năm 2017 không được tính là thành tích"},
				evidence: map[string]int{RuleDistinction: 1}}},
		{name: "an award named in the table and in its decision is mentioned once", review: "2019-09-15", dob: "1990-05-12", apps: base,
			awards: []hoso.Award{{Year: 2018, Kind: hoso.AwardGiayKhen, Evidence: hoso.Evidence{File: "hoso.docx", Text: "Giấy khen"}}, award(2018, hoso.AwardGiayKhen, 0)},
			want: want{verdict: hoso.VerdictEligible, evidence: map[string]int{RuleDistinction: 2},
				message: map[string]string{RuleDistinction: "quần chúng có thành tích: năm 2018 được tặng Giấy khen của Giám đốc Sở Tài chính (Quyết định số 12/QĐ-STC ngày 10/12/2018)."}}},
		{name: "low-confidence LĐTT could be a misread CSTĐCS", review: "2019-09-15", dob: "1990-05-12", apps: base,
			awards: []hoso.Award{award(2017, hoso.AwardLaoDongTienTien, 0.5)},
			want:   want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleDistinction: unknown}}},
		{name: "three years of LĐTT and a Giấy khen outside the window", review: "2019-09-15", dob: "1990-05-12", apps: base,
			awards: []hoso.Award{award(2016, hoso.AwardLaoDongTienTien, 0), award(2017, hoso.AwardLaoDongTienTien, 0), award(2018, hoso.AwardLaoDongTienTien, 0),
				award(2015, hoso.AwardGiayKhen, 0), {Year: 2018, Kind: hoso.AwardOther, Title: "Giấy khen của Ban Chấp hành Công đoàn cơ sở"}},
			want: want{verdict: hoso.VerdictIneligible, evidence: map[string]int{RuleDistinction: 4}, message: map[string]string{
				RuleDistinction: "Danh hiệu Lao động tiên tiến các năm 2016, 2017 và 2018 và Giấy khen của Ban Chấp hành Công đoàn cơ sở năm 2018 không được tính là thành tích theo quy định này."}}},
		{name: "no distinction at all", review: "2019-09-15", dob: "1990-05-12", apps: base,
			want: want{verdict: hoso.VerdictIneligible, outcomes: map[string]hoso.Outcome{RuleDistinction: fail},
				message: map[string]string{RuleDistinction: "Trong các năm 2016, 2017 và 2018, quần chúng không có năm nào được xếp loại hoàn thành xuất sắc nhiệm vụ, được cấp có thẩm quyền tặng Giấy khen, Bằng khen, Huân chương hoặc Huy chương, hoặc đạt danh hiệu Chiến sĩ thi đua cơ sở trở lên."}}},
		{name: "HTXSNV and Bằng khen just outside the window do not count", review: "2019-09-15", dob: "1990-05-12",
			apps: with(base, app(2015, hoso.RatingHTXSNV, "", 0)), awards: []hoso.Award{award(2015, hoso.AwardBangKhen, 0), award(2019, hoso.AwardGiayKhen, 0)},
			want: want{verdict: hoso.VerdictIneligible, outcomes: map[string]hoso.Outcome{RuleRatings: pass, RuleDistinction: fail}}},
		{name: "distractor KHTNV just before the window", review: "2019-09-15", dob: "1990-05-12",
			apps: with(xs, app(2015, hoso.RatingKHTNV, "", 0), app(2014, hoso.RatingKHTNV, "", 0)),
			want: want{verdict: hoso.VerdictEligible, window: []int{2016, 2017, 2018}, evidence: map[string]int{RuleRatings: 3}}},
		{name: "KHTNV at the oldest window year", review: "2019-09-15", dob: "1990-05-12", apps: replace(xs, 2016, hoso.RatingKHTNV),
			want: want{verdict: hoso.VerdictIneligible, outcomes: map[string]hoso.Outcome{RuleRatings: fail, RuleDistinction: pass},
				message:  map[string]string{RuleRatings: "Năm 2016 bị xếp loại không hoàn thành nhiệm vụ (yêu cầu: hoàn thành tốt nhiệm vụ trở lên)."},
				evidence: map[string]int{RuleRatings: 1}}},
		{name: "HTNV at the newest window year", review: "2019-09-15", dob: "1990-05-12", apps: replace(xs, 2018, hoso.RatingHTNV),
			want: want{verdict: hoso.VerdictIneligible, outcomes: map[string]hoso.Outcome{RuleRatings: fail},
				message: map[string]string{RuleRatings: "Năm 2018 chỉ được xếp loại hoàn thành nhiệm vụ (yêu cầu: hoàn thành tốt nhiệm vụ trở lên)."}}},
		{name: "two years below the bar", review: "2019-09-15", dob: "1990-05-12",
			apps: replace(replace(xs, 2016, hoso.RatingHTNV), 2018, hoso.RatingKHTNV),
			want: want{verdict: hoso.VerdictIneligible, message: map[string]string{
				RuleRatings: "Năm 2016 chỉ được xếp loại hoàn thành nhiệm vụ (yêu cầu: hoàn thành tốt nhiệm vụ trở lên). Năm 2018 bị xếp loại"}}},
		{name: "missing middle year", review: "2019-09-15", dob: "1990-05-12", apps: without(replace(xs, 2016, hoso.RatingHTXSNV), 2017),
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleRatings: unknown, RuleDistinction: pass},
				message: map[string]string{RuleRatings: "Hồ sơ chưa có kết quả đánh giá, xếp loại chất lượng năm 2017."},
				missing: map[string]string{RuleRatings: "bản nhận xét, đánh giá, xếp loại chất lượng năm 2017"}}},
		{name: "missing year and no distinction yet", review: "2019-09-15", dob: "1990-05-12", apps: without(base, 2017),
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleRatings: unknown, RuleDistinction: unknown},
				missing: map[string]string{RuleDistinction: "bản nhận xét, đánh giá, xếp loại chất lượng năm 2017"}}},
		{name: "missing year but another year fails", review: "2019-09-15", dob: "1990-05-12", apps: without(replace(xs, 2018, hoso.RatingHTNV), 2016),
			want: want{verdict: hoso.VerdictIneligible, outcomes: map[string]hoso.Outcome{RuleRatings: fail}}},
		{name: "conflicting ratings for one year", review: "2019-09-15", dob: "1990-05-12",
			apps: with(xs, app(2018, hoso.RatingHTNV, "Năm 2018: Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực", 0)),
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleRatings: unknown, RuleDistinction: pass},
				message:  map[string]string{RuleRatings: "Kết quả xếp loại chất lượng năm 2018 không thống nhất giữa các tài liệu (hoàn thành tốt nhiệm vụ và hoàn thành nhiệm vụ)"},
				missing:  map[string]string{RuleRatings: "văn bản của cơ quan, đơn vị xác nhận kết quả xếp loại chất lượng năm 2018"},
				evidence: map[string]int{RuleRatings: 2}}},
		{name: "conflict on the only HTXSNV", review: "2019-09-15", dob: "1990-05-12",
			apps: with(xs, app(2017, hoso.RatingHTTNV, "", 0)),
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleRatings: unknown, RuleDistinction: unknown},
				evidence: map[string]int{RuleDistinction: 2}}},
		{name: "same rating twice is no conflict", review: "2019-09-15", dob: "1990-05-12",
			apps: with(xs, app(2018, hoso.RatingHTTNV, "Năm 2018: HTTNV", 0)),
			want: want{verdict: hoso.VerdictEligible, evidence: map[string]int{RuleRatings: 4}}},
		{name: "conflict does not hide a failure elsewhere", review: "2019-09-15", dob: "1990-05-12",
			apps: with(replace(xs, 2016, hoso.RatingKHTNV), app(2018, hoso.RatingHTNV, "", 0)),
			want: want{verdict: hoso.VerdictIneligible, outcomes: map[string]hoso.Outcome{RuleRatings: fail}}},

		// Window edges: the review year itself.
		{name: "review-year rating made before the review ends the window in the review year", review: "2019-12-20", dob: "1990-05-12",
			apps: with(good(2017, 2018), app(2016, hoso.RatingKHTNV, "", 0),
				app(2019, hoso.RatingHTXSNV, "Năm 2019: Hoàn thành xuất sắc nhiệm vụ (Quyết định số 45/QĐ-STC ngày 10/12/2019)", 0)),
			want: want{verdict: hoso.VerdictEligible, window: []int{2017, 2018, 2019},
				message: map[string]string{RuleDistinction: "năm 2019 được xếp loại hoàn thành xuất sắc nhiệm vụ"}}},
		{name: "undated review-year rating in the dossier counts as made before", review: "2019-12-20", dob: "1990-05-12",
			apps: with(good(2017, 2018), app(2019, hoso.RatingHTXSNV, "", 0)),
			want: want{verdict: hoso.VerdictEligible, window: []int{2017, 2018, 2019}}},
		{name: "review date before the annual appraisal", review: "2019-12-15", dob: "1990-05-12",
			apps: with(base, app(2019, hoso.RatingHTXSNV, "Năm 2019: HTXSNV, đánh giá ngày 20 tháng 12 năm 2019", 0)),
			want: want{verdict: hoso.VerdictIneligible, window: []int{2016, 2017, 2018},
				outcomes: map[string]hoso.Outcome{RuleRatings: pass, RuleDistinction: fail}}},
		{name: "rating dated on the review day is not before it", review: "2019-12-15", dob: "1990-05-12",
			apps: with(xs, app(2019, hoso.RatingKHTNV, "Năm 2019: KHTNV (15/12/2019)", 0)),
			want: want{verdict: hoso.VerdictEligible, window: []int{2016, 2017, 2018}}},
		{name: "a bad review-year rating made before the review counts against", review: "2020-01-10", dob: "1990-05-12",
			apps: with(replace(good(2017, 2019), 2018, hoso.RatingHTXSNV), app(2020, hoso.RatingHTNV, "", 0)),
			want: want{verdict: hoso.VerdictIneligible, window: []int{2018, 2019, 2020}, outcomes: map[string]hoso.Outcome{RuleRatings: fail}}},
		{name: "no review date", dob: "1990-05-12", apps: xs,
			want: want{verdict: hoso.VerdictIncomplete,
				outcomes: map[string]hoso.Outcome{RuleRatings: unknown, RuleDistinction: unknown, RuleAge: unknown},
				missing: map[string]string{RuleRatings: "nghị quyết đề nghị kết nạp đảng viên của chi bộ (Mẫu 6-KNĐ)",
					RuleAge: "nghị quyết đề nghị kết nạp đảng viên của chi bộ (Mẫu 6-KNĐ)"}}},
		{name: "no review date and no birth date", apps: xs,
			want: want{verdict: hoso.VerdictIncomplete,
				missing: map[string]string{RuleAge: "giấy tờ ghi ngày sinh của quần chúng"}}},

		// Age, counted in whole months at the review date.
		{name: "exactly 18 years 0 months", review: "2019-09-15", dob: "2001-09-15", apps: xs,
			want: want{verdict: hoso.VerdictEligible, message: map[string]string{RuleAge: "quần chúng 18 tuổi, trong độ tuổi từ đủ 18 tuổi đến đủ 60 tuổi"}}},
		{name: "the day before 18", review: "2019-09-15", dob: "2001-09-16", apps: xs,
			want: want{verdict: hoso.VerdictIneligible, outcomes: map[string]hoso.Outcome{RuleAge: fail},
				message: map[string]string{RuleAge: "Tại thời điểm chi bộ xét đề nghị kết nạp (ngày 15 tháng 9 năm 2019), quần chúng mới 17 tuổi 11 tháng, chưa đủ 18 tuổi (tính theo tháng)."}}},
		{name: "17 years 11 months", review: "2019-09-15", dob: "2001-10-15", apps: xs,
			want: want{verdict: hoso.VerdictIneligible, outcomes: map[string]hoso.Outcome{RuleAge: fail}}},
		{name: "born 29 February, 18 on 28 February", review: "2018-02-28", dob: "2000-02-29", apps: good(2015, 2017),
			awards: []hoso.Award{award(2016, hoso.AwardGiayKhen, 0)},
			want:   want{verdict: hoso.VerdictEligible}},
		{name: "exactly 60 years", review: "2019-09-15", dob: "1959-09-15", apps: xs,
			want: want{verdict: hoso.VerdictEligible, outcomes: map[string]hoso.Outcome{RuleAge: pass}}},
		{name: "60 years and 30 days is still full 60", review: "2019-09-15", dob: "1959-08-16", apps: xs,
			want: want{verdict: hoso.VerdictEligible, outcomes: map[string]hoso.Outcome{RuleAge: pass}}},
		{name: "60 years 1 month escalates", review: "2019-09-15", dob: "1959-08-15", apps: xs,
			want: want{verdict: hoso.VerdictIneligible, escalate: true, outcomes: map[string]hoso.Outcome{RuleAge: fail},
				message: map[string]string{RuleAge: "quần chúng đã 60 tuổi 1 tháng, quá 60 tuổi (tính theo tháng); việc kết nạp trường hợp này chỉ do cấp uỷ trực thuộc Trung ương xem xét, quyết định."}}},
		{name: "no birth date", review: "2019-09-15", apps: xs,
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleAge: unknown},
				missing: map[string]string{RuleAge: "giấy tờ ghi ngày sinh của quần chúng"}}},
		{name: "birth date after the review", review: "2019-09-15", dob: "2020-01-01", apps: xs,
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleAge: unknown}}},

		// OCR confidence (default threshold 0.85).
		{name: "low-confidence rating in the window", review: "2019-09-15", dob: "1990-05-12",
			apps: with(without(xs, 2016), app(2016, hoso.RatingHTTNV, "", 0.6)),
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleRatings: unknown, RuleDistinction: pass},
				message: map[string]string{RuleRatings: "được nhận dạng từ bản quét với độ tin cậy thấp"},
				missing: map[string]string{RuleRatings: "bản sao rõ nét của bản nhận xét, đánh giá, xếp loại chất lượng năm 2016"}}},
		{name: "low-confidence failing rating is not a failure", review: "2019-09-15", dob: "1990-05-12",
			apps: with(without(xs, 2016), app(2016, hoso.RatingKHTNV, "", 0.6)),
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleRatings: unknown}}},
		{name: "low-confidence reading backed by a clear one", review: "2019-09-15", dob: "1990-05-12",
			apps: with(xs, app(2016, hoso.RatingHTTNV, "", 0.6)),
			want: want{verdict: hoso.VerdictEligible}},
		{name: "confident OCR decides", review: "2019-09-15", dob: "1990-05-12", dobConf: 0.97, reviewConf: 0.9,
			apps: with(without(xs, 2017), app(2017, hoso.RatingHTXSNV, "", 0.92)),
			want: want{verdict: hoso.VerdictEligible}},
		{name: "low-confidence HTXSNV as the only distinction", review: "2019-09-15", dob: "1990-05-12",
			apps: with(without(xs, 2017), app(2017, hoso.RatingHTXSNV, "", 0.5)),
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleDistinction: unknown, RuleRatings: unknown}}},
		{name: "low-confidence award as the only distinction", review: "2019-09-15", dob: "1990-05-12", apps: base,
			awards: []hoso.Award{award(2018, hoso.AwardGiayKhen, 0.4)},
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleRatings: pass, RuleDistinction: unknown},
				missing: map[string]string{RuleDistinction: "bản sao rõ nét của quyết định khen thưởng năm 2018"}}},
		{name: "low-confidence award beside a clear distinction", review: "2019-09-15", dob: "1990-05-12", apps: xs,
			awards: []hoso.Award{award(2018, hoso.AwardGiayKhen, 0.4)},
			want:   want{verdict: hoso.VerdictEligible, evidence: map[string]int{RuleDistinction: 1}}},
		{name: "low-confidence HTTNV could hide an HTXSNV", review: "2019-09-15", dob: "1990-05-12",
			apps: with(without(base, 2018), app(2018, hoso.RatingHTTNV, "", 0.5)),
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleDistinction: unknown}}},
		{name: "low-confidence birth date", review: "2019-09-15", dob: "1990-05-12", dobConf: 0.5, apps: xs,
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleAge: unknown},
				missing: map[string]string{RuleAge: "bản sao rõ nét của giấy tờ ghi ngày sinh của quần chúng"}}},
		{name: "low-confidence birth date and no review date", dob: "1990-05-12", dobConf: 0.5, apps: xs,
			want: want{verdict: hoso.VerdictIncomplete, outcomes: map[string]hoso.Outcome{RuleAge: unknown},
				missing: map[string]string{RuleAge: "nghị quyết đề nghị kết nạp đảng viên của chi bộ (Mẫu 6-KNĐ)"},
				message: map[string]string{RuleAge: "được nhận dạng từ bản quét với độ tin cậy thấp"}}},
		{name: "low-confidence review date", review: "2019-09-15", reviewConf: 0.3, dob: "1990-05-12", apps: xs,
			want: want{verdict: hoso.VerdictIncomplete,
				outcomes: map[string]hoso.Outcome{RuleRatings: unknown, RuleDistinction: unknown, RuleAge: unknown},
				message:  map[string]string{RuleAge: "Ngày chi bộ xét đề nghị kết nạp (ngày 15 tháng 9 năm 2019) được nhận dạng từ bản quét với độ tin cậy thấp"}}},
		{name: "an operator's review date is trusted", review: "2019-09-15", reviewConf: 0.3, basis: hoso.ReviewFromOverride, dob: "1990-05-12", apps: xs,
			want: want{verdict: hoso.VerdictEligible}},
	}
	rs := Default()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := c.record(t)
			rs.Apply(rec)
			if rec.RuleSet != DefaultID {
				t.Errorf("rule_set = %q", rec.RuleSet)
			}
			checkRecord(t, rec, c.want)
			if t.Failed() {
				for _, o := range rec.Rules {
					t.Logf("%s %s: %s %v", o.ID, o.Outcome, o.Message, o.Missing)
				}
			}
		})
	}
}

func TestApplyLeavesRejected(t *testing.T) {
	rec := hoso.NewRecord()
	rec.Reject(hoso.Errorf(hoso.EUNREADABLE, "Tệp hỏng", "corrupt file"))
	Default().Apply(rec)
	if rec.Verdict != hoso.VerdictRejected || rec.Rules != nil || rec.RuleSet != "" || rec.Window != nil {
		t.Errorf("rejected record changed: %+v", rec)
	}
	rec = hoso.NewRecord()
	rec.Error = &hoso.ErrorInfo{Code: hoso.ETIMEOUT}
	Default().Apply(rec)
	if rec.Verdict != "" || rec.Rules != nil {
		t.Errorf("record with an error changed: %+v", rec)
	}
	Default().Apply(nil) // must not panic
}

func TestApplyTwiceReplaces(t *testing.T) {
	c := recCase{review: "2019-03-01", dob: "1990-05-12", apps: replace(good(2016, 2018), 2016, hoso.RatingHTXSNV)}
	rec := c.record(t)
	rec.Warnings = []hoso.Warning{{Code: hoso.WarnNeedsOCR, Message: "x"}}
	rs := Default()
	rs.Apply(rec)
	first := fmt.Sprintf("%+v", rec)
	rs.Apply(rec)
	if got := fmt.Sprintf("%+v", rec); got != first {
		t.Errorf("second Apply changed the record:\n%s\n%s", first, got)
	}
	// 2019-03-01 is before the dispatch: the verdict stands, with a warning.
	if rec.Verdict != hoso.VerdictEligible || len(rec.Warnings) != 2 || rec.Warnings[1].Code != WarnNotInForce {
		t.Errorf("verdict %s, warnings %+v", rec.Verdict, rec.Warnings)
	}
	rec.ReviewDate = day(t, "2019-10-01")
	rs.Apply(rec)
	if len(rec.Warnings) != 1 {
		t.Errorf("warning not removed when the date moved into force: %+v", rec.Warnings)
	}
}

// custom returns Default with its document changed by edit, reloaded
// through Load so the test exercises the same path as an office's file.
func custom(t *testing.T, edit func(string) string) *RuleSet {
	t.Helper()
	src := edit(string(Default().Source()))
	rs, err := Load(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestCustomRuleSets(t *testing.T) {
	review := "2019-12-20"
	apps := with(good(2017, 2018), app(2016, hoso.RatingKHTNV, "", 0), app(2019, hoso.RatingHTXSNV, "", 0))
	base := recCase{review: review, dob: "1990-05-12", apps: apps}

	t.Run("before_review ignores the review-year rating", func(t *testing.T) {
		rs := custom(t, func(s string) string {
			return strings.Replace(s, "policy: include_review_year_if_rated_before", "policy: before_review", 1)
		})
		rec := base.record(t)
		rs.Apply(rec)
		checkRecord(t, rec, want{verdict: hoso.VerdictIneligible, window: []int{2016, 2017, 2018},
			outcomes: map[string]hoso.Outcome{RuleRatings: fail, RuleDistinction: fail}})
	})
	t.Run("end_in_review_year asks for the review year", func(t *testing.T) {
		rs := custom(t, func(s string) string {
			return strings.Replace(s, "policy: include_review_year_if_rated_before", "policy: end_in_review_year", 1)
		})
		rec := base.record(t)
		rec.Appraisals = without(rec.Appraisals, 2019)
		rs.Apply(rec)
		checkRecord(t, rec, want{verdict: hoso.VerdictIncomplete, window: []int{2017, 2018, 2019},
			missing: map[string]string{RuleRatings: "bản nhận xét, đánh giá, xếp loại chất lượng năm 2019"}})
	})
	t.Run("five-year window", func(t *testing.T) {
		rs := custom(t, func(s string) string { return strings.Replace(s, "years: 3", "years: 5", 1) })
		rec := base.record(t)
		rs.Apply(rec)
		checkRecord(t, rec, want{verdict: hoso.VerdictIneligible, window: []int{2015, 2016, 2017, 2018, 2019},
			outcomes: map[string]hoso.Outcome{RuleRatings: fail}})
	})
	t.Run("Lao động tiên tiến counts where an office says so", func(t *testing.T) {
		rs := custom(t, func(s string) string {
			return strings.Replace(s, "award_kinds: [giay_khen,", "award_kinds: [lao_dong_tien_tien, giay_khen,", 1)
		})
		c := recCase{review: "2019-09-15", dob: "1990-05-12", apps: good(2016, 2018), awards: []hoso.Award{award(2017, hoso.AwardLaoDongTienTien, 0)}}
		rec := c.record(t)
		rs.Apply(rec)
		checkRecord(t, rec, want{verdict: hoso.VerdictEligible, message: map[string]string{RuleDistinction: "năm 2017 đạt danh hiệu Lao động tiên tiến"}})
	})
	t.Run("above max as a plain failure, with the office's own wording", func(t *testing.T) {
		rs := custom(t, func(s string) string {
			s = strings.Replace(s, "above_max: escalate", "above_max: fail", 1)
			return strings.Replace(s, "  age:\n    enabled: true\n", "  age:\n    enabled: true\n    messages:\n      over: \"Quần chúng đã {age} vào {date}, quá tuổi quy định.\"\n", 1)
		})
		c := recCase{review: "2019-09-15", dob: "1950-01-01", apps: replace(good(2016, 2018), 2016, hoso.RatingHTXSNV)}
		rec := c.record(t)
		rs.Apply(rec)
		checkRecord(t, rec, want{verdict: hoso.VerdictIneligible,
			message: map[string]string{RuleAge: "Quần chúng đã 69 tuổi 8 tháng vào ngày 15 tháng 9 năm 2019, quá tuổi quy định."}})
	})
	t.Run("threshold HTXSNV every year", func(t *testing.T) {
		rs := custom(t, func(s string) string { return strings.Replace(s, "min: HTTNV", "min: HTXSNV", 1) })
		c := recCase{review: "2019-09-15", dob: "1990-05-12", apps: replace(good(2016, 2018), 2016, hoso.RatingHTXSNV)}
		rec := c.record(t)
		rs.Apply(rec)
		checkRecord(t, rec, want{verdict: hoso.VerdictIneligible, message: map[string]string{
			RuleRatings: "Năm 2017 chỉ được xếp loại hoàn thành tốt nhiệm vụ (yêu cầu: hoàn thành xuất sắc nhiệm vụ)."}})
	})
}

func TestOptionalRules(t *testing.T) {
	rs := custom(t, func(s string) string {
		s = strings.Replace(s, "  certificate:\n    enabled: false", "  certificate:\n    enabled: true", 1)
		return strings.Replace(s, "  education:\n    enabled: false", "  education:\n    enabled: true", 1)
	})
	xs := replace(good(2016, 2018), 2017, hoso.RatingHTXSNV)
	type cs struct {
		name      string
		issued    string
		conf      float64
		education string
		cert      hoso.Outcome
		edu       hoso.Outcome
	}
	cases := []cs{
		{"59 months old, 12/12", "2014-09-16", 0, "12/12", pass, pass},
		{"exactly 60 months old, 9/12", "2014-09-15", 0, "9/12", fail, pass},
		{"issued after the review, 8/12", "2019-10-01", 0, "8/12", fail, fail},
		{"no certificate, old 7/10 system", "", 0, "7/10", unknown, pass},
		{"low-confidence issue date, 6/10", "2018-01-01", 0.5, "6/10", unknown, fail},
		{"Tốt nghiệp THPT", "2018-01-01", 0, "Tốt nghiệp THPT", pass, pass},
		{"folded and NFD", "2018-01-01", 0, "tốt nghiệp trung học cơ sở", pass, pass},
		{"cấp III is not cấp I", "2018-01-01", 0, "Cấp III", pass, pass},
		{"primary only", "2018-01-01", 0, "Tiểu học", pass, fail},
		{"not finished", "2018-01-01", 0, "Chưa tốt nghiệp THCS", pass, fail},
		{"unreadable education", "2018-01-01", 0, "xem lý lịch", pass, unknown},
		{"no education", "2018-01-01", 0, "", pass, unknown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := recCase{review: "2019-09-15", dob: "1990-05-12", apps: xs}.record(t)
			if c.issued != "" {
				rec.Certificate = &hoso.Certificate{Issued: day(t, c.issued), Number: "123", Evidence: hoso.Evidence{File: "cn.pdf", Text: "Cấp ngày " + c.issued, Confidence: c.conf}}
			}
			rec.Candidate.Education = c.education
			rs.Apply(rec)
			want := map[string]hoso.Outcome{RuleCertificate: c.cert, RuleEducation: c.edu}
			for _, o := range rec.Rules {
				if w, ok := want[o.ID]; ok && o.Outcome != w {
					t.Errorf("%s = %s, want %s: %s", o.ID, o.Outcome, w, o.Message)
				}
			}
			if len(rec.Rules) != 5 {
				t.Errorf("%d rules, want 5", len(rec.Rules))
			}
		})
	}
}

func TestCharterOnlyHasNoWindow(t *testing.T) {
	rs, err := Lookup("dieu-le-dang")
	if err != nil {
		t.Fatal(err)
	}
	rec := recCase{review: "2019-09-15", dob: "1990-05-12"}.record(t)
	rec.Candidate.Education = "12/12"
	rec.Certificate = &hoso.Certificate{Issued: day(t, "2019-05-01")}
	rs.Apply(rec)
	if rec.Window != nil || rec.Verdict != hoso.VerdictEligible || len(rec.Rules) != 3 {
		t.Errorf("window %v, verdict %s, %d rules", rec.Window, rec.Verdict, len(rec.Rules))
	}
}

func TestDefaultRulesOff(t *testing.T) {
	rec := recCase{review: "2019-09-15", dob: "1990-05-12", apps: good(2016, 2018)}.record(t)
	Default().Apply(rec)
	var ids []string
	for _, o := range rec.Rules {
		ids = append(ids, o.ID)
	}
	if !slices.Equal(ids, []string{RuleRatings, RuleDistinction, RuleAge}) {
		t.Errorf("default rules = %v", ids)
	}
}

func TestRatedBefore(t *testing.T) {
	review := hoso.Date{Year: 2019, Month: time.December, Day: 15}
	for text, want := range map[string]bool{
		"Năm 2019: Hoàn thành xuất sắc nhiệm vụ":                true,
		"Quyết định số 12/QĐ-UBND ngày 14/12/2019":              true,
		"Quyết định số 12/QĐ-UBND ngày 15/12/2019":              false,
		"ngày 16 tháng 12 năm 2019":                             false,
		"Ngày 02 tháng 12 năm 2019, đánh giá ngày 30/02/2019":   true, // 30/02 is no date
		"Theo Quyết định ngày 1.12.2019 và ngày 20 - 12 - 2019": false,
	} {
		if got := ratedBefore(text, review); got != want {
			t.Errorf("ratedBefore(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestBareMatching: the rules match names on the shared bare form.
func TestBareMatching(t *testing.T) {
	for in, want := range map[string]string{
		"Tốt nghiệp THCS":                    "tot nghiep thcs",
		"  ĐẠI HỌC (chính quy)  ":            "dai hoc chinh quy",
		"to\u0302\u0301t nghie\u0323\u0302p": "tot nghiep",
		"12/12":                              "12 12",
		"Ðảng uỷ":                            "dang uy",
	} {
		if got := vntext.Bare(in); got != want {
			t.Errorf("Bare(%q) = %q, want %q", in, got, want)
		}
	}
}

package validate

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
)

// base is a dossier that passes every rule of the default set: reviewed
// 15/9/2022, window 2019–2021 rated HTTNV with 2020 HTXSNV, born 1990.
func base(t *testing.T) *hoso.Record {
	rec := hoso.NewRecord()
	rec.Candidate = hoso.Candidate{FullName: "Nguyễn Thị Hương", DateOfBirth: day(t, "1990-05-12"),
		Evidence: map[string]hoso.Evidence{"date_of_birth": {File: "hoso.docx", Text: "Sinh ngày 12/5/1990"}}}
	rec.ReviewDate = day(t, "2022-09-15")
	rec.ReviewDateBasis = hoso.ReviewFromResolution
	rec.Appraisals = replace(good(2019, 2021), 2020, hoso.RatingHTXSNV)
	return rec
}

func outcome(rec *hoso.Record, id string) hoso.RuleOutcome {
	for _, o := range rec.Rules {
		if o.ID == id {
			return o
		}
	}
	return hoso.RuleOutcome{}
}

func withDoc(as []hoso.Appraisal, k hoso.DocKind) []hoso.Appraisal {
	out := slices.Clone(as)
	for i := range out {
		out[i].Evidence.Doc = k
	}
	return out
}

// TestTruthRules covers the verdict semantics of the corpus ground truth:
// years that cannot be rated, birth year only, escalation only when all
// else passes, awards above a Giấy khen, evidence from the right paper.
func TestTruthRules(t *testing.T) {
	type check struct {
		id      string
		outcome hoso.Outcome
		msg     string // substring of the message
		missing string // substring of one Missing item; "-" means none at all
	}
	tests := []struct {
		name     string
		edit     func(*hoso.Record)
		verdict  hoso.Verdict
		escalate bool
		checks   []check
	}{
		{"baseline", func(*hoso.Record) {}, hoso.VerdictEligible, false, nil},
		{"recruited in March of a window year, its rating missing", func(r *hoso.Record) {
			r.Employment = &hoso.Employment{Since: day(t, "2019-03-01"), Evidence: hoso.Evidence{Text: "tuyển dụng từ tháng 03/2019"}}
			r.Appraisals = without(r.Appraisals, 2019)
		}, hoso.VerdictIneligible, false, []check{
			{RuleRatings, hoso.OutcomeFail, "từ tháng 3 năm 2019 nên chưa đủ ba năm liên tục (2019, 2020 và 2021) được đánh giá, xếp loại", "-"},
			{RuleDistinction, hoso.OutcomePass, "", ""},
		}},
		{"recruited on 1 January of the first window year", func(r *hoso.Record) {
			r.Employment = &hoso.Employment{Since: day(t, "2019-01-01")}
		}, hoso.VerdictEligible, false, nil},
		{"recruited after the window began, no distinction yet: distinction does not ask for the impossible year", func(r *hoso.Record) {
			r.Employment = &hoso.Employment{Since: day(t, "2020-07-01")}
			r.Appraisals = good(2021, 2021)
		}, hoso.VerdictIneligible, false, []check{
			{RuleRatings, hoso.OutcomeFail, "chưa đủ ba năm liên tục", "-"},
			{RuleDistinction, hoso.OutcomeFail, "", "-"},
		}},
		{"the unit did not rate a year: maternity leave", func(r *hoso.Record) {
			r.Unrated = []hoso.Unrated{{Year: 2021, Reason: "nghỉ thai sản", Evidence: hoso.Evidence{Text: "không thực hiện đánh giá năm 2021 do nghỉ thai sản"}}}
			r.Appraisals = without(r.Appraisals, 2021)
		}, hoso.VerdictIneligible, false, []check{
			{RuleRatings, hoso.OutcomeFail, "Năm 2021, cơ quan, đơn vị không đánh giá, xếp loại chất lượng đối với quần chúng do nghỉ thai sản nên quần chúng chưa đủ ba năm", "-"},
		}},
		{"an unrated year outside the window does not matter", func(r *hoso.Record) {
			r.Unrated = []hoso.Unrated{{Year: 2017, Reason: "do nghỉ ốm dài ngày"}}
		}, hoso.VerdictEligible, false, nil},
		{"birth year only, clearly within", func(r *hoso.Record) {
			r.Candidate.DateOfBirth = hoso.Date{}
			r.Candidate.BirthYear = 1990
		}, hoso.VerdictEligible, false, []check{{RuleAge, hoso.OutcomePass, "sinh năm 1990", ""}}},
		{"birth year only, 18 reached or not depending on the day", func(r *hoso.Record) {
			r.Candidate.DateOfBirth = hoso.Date{}
			r.Candidate.BirthYear = 2004
		}, hoso.VerdictIncomplete, false, []check{{RuleAge, hoso.OutcomeUnknown, "chỉ ghi năm sinh", "ghi rõ ngày, tháng, năm sinh"}}},
		{"birth year only, under 18 either way", func(r *hoso.Record) {
			r.Candidate.DateOfBirth = hoso.Date{}
			r.Candidate.BirthYear = 2005
		}, hoso.VerdictIneligible, false, []check{{RuleAge, hoso.OutcomeFail, "chưa đủ 18 tuổi", ""}}},
		{"birth year only, past 60 either way, all else passes: escalate", func(r *hoso.Record) {
			r.Candidate.DateOfBirth = hoso.Date{}
			r.Candidate.BirthYear = 1961
		}, hoso.VerdictIneligible, true, []check{{RuleAge, hoso.OutcomeFail, "cấp uỷ trực thuộc Trung ương", ""}}},
		{"past 60 and all else passes: escalate", func(r *hoso.Record) {
			r.Candidate.DateOfBirth = day(t, "1960-01-10")
		}, hoso.VerdictIneligible, true, []check{{RuleAge, hoso.OutcomeFail, "trực thuộc Trung ương", ""}}},
		{"past 60 with a failing rating: returned, age among the reasons", func(r *hoso.Record) {
			r.Candidate.DateOfBirth = day(t, "1960-01-10")
			r.Appraisals = replace(r.Appraisals, 2019, hoso.RatingHTNV)
		}, hoso.VerdictIneligible, false, []check{
			{RuleAge, hoso.OutcomeFail, "quá 60 tuổi (tính theo tháng).", ""},
			{RuleRatings, hoso.OutcomeFail, "Năm 2019", ""},
		}},
		{"past 60 with a missing rating: returned, not escalated", func(r *hoso.Record) {
			r.Candidate.DateOfBirth = day(t, "1960-01-10")
			r.Appraisals = without(r.Appraisals, 2021)
		}, hoso.VerdictIneligible, false, []check{{RuleRatings, hoso.OutcomeUnknown, "", "năm 2021"}}},
		{"Huân chương counts as a distinction", func(r *hoso.Record) {
			r.Appraisals = good(2019, 2021)
			r.Awards = []hoso.Award{{Year: 2020, Kind: hoso.AwardOther, Title: "Huân chương Lao động hạng Ba",
				Issuer: "Chủ tịch nước", Decision: "Quyết định số 1234/QĐ-CTN ngày 20/12/2020", Evidence: hoso.Evidence{Text: "Huân chương Lao động hạng Ba"}}}
		}, hoso.VerdictEligible, false, []check{{RuleDistinction, hoso.OutcomePass,
			"năm 2020 được khen thưởng (Huân chương Lao động hạng Ba) của Chủ tịch nước (Quyết định số 1234/QĐ-CTN ngày 20/12/2020)", ""}}},
		{"an other award without a ranking title does not count", func(r *hoso.Record) {
			r.Appraisals = good(2019, 2021)
			r.Awards = []hoso.Award{{Year: 2020, Kind: hoso.AwardOther, Title: "Kỷ niệm chương"}}
		}, hoso.VerdictIneligible, false, []check{{RuleDistinction, hoso.OutcomeFail, "Kỷ niệm chương năm 2020 không được tính", ""}}},
		{"Lao động tiên tiến does not count", func(r *hoso.Record) {
			r.Appraisals = good(2019, 2021)
			r.Awards = []hoso.Award{award(2020, hoso.AwardLaoDongTienTien, 0)}
		}, hoso.VerdictIneligible, false, []check{{RuleDistinction, hoso.OutcomeFail, "Lao động tiên tiến năm 2020 không được tính", ""}}},
		{"ratings from the right papers pass", func(r *hoso.Record) {
			r.Appraisals = withDoc(r.Appraisals, hoso.DocPhieu)
		}, hoso.VerdictEligible, false, nil},
		{"ratings read only from a giấy giới thiệu do not decide", func(r *hoso.Record) {
			r.Appraisals = withDoc(r.Appraisals, hoso.DocGioiThieu)
		}, hoso.VerdictIncomplete, false, []check{
			{RuleRatings, hoso.OutcomeUnknown, "chỉ được ghi trong giấy giới thiệu người vào Đảng", "bản nhận xét, đánh giá, xếp loại chất lượng năm 2019"},
		}},
		{"a rating from the wrong paper next to one from the right paper: the right one counts", func(r *hoso.Record) {
			r.Appraisals = with(withDoc(r.Appraisals, hoso.DocNhanXet), app(2019, hoso.RatingHTNV, "", 0))
			r.Appraisals[len(r.Appraisals)-1].Evidence.Doc = hoso.DocDon
		}, hoso.VerdictEligible, false, nil},
		{"an award mentioned only in the giấy giới thiệu asks for its decision", func(r *hoso.Record) {
			r.Appraisals = good(2019, 2021)
			a := award(2020, hoso.AwardGiayKhen, 0)
			a.Evidence.Doc = hoso.DocGioiThieu
			r.Awards = []hoso.Award{a}
		}, hoso.VerdictIncomplete, false, []check{{RuleDistinction, hoso.OutcomeUnknown, "không được ghi trong quyết định khen thưởng", "quyết định khen thưởng năm 2020"}}},
		{"a birth date from the wrong paper is not used", func(r *hoso.Record) {
			r.Candidate.Evidence["date_of_birth"] = hoso.Evidence{Text: "sinh năm 1990", Doc: hoso.DocQDKhen}
		}, hoso.VerdictIncomplete, false, []check{{RuleAge, hoso.OutcomeUnknown, "chỉ được ghi trong quyết định khen thưởng", "giấy tờ ghi ngày sinh"}}},
		{"two dates of birth in two papers", func(r *hoso.Record) {
			r.Warnings = append(r.Warnings, hoso.Warning{Code: hoso.WarnConflict,
				Evidence: []hoso.Evidence{r.Candidate.Evidence["date_of_birth"], {Text: "Sinh ngày 05/12/1990", Doc: hoso.DocDon}}})
		}, hoso.VerdictIncomplete, false, []check{{RuleAge, hoso.OutcomeUnknown, "không thống nhất", "xác nhận ngày, tháng, năm sinh"}}},
		{"a conflict about something else leaves the age alone", func(r *hoso.Record) {
			r.Warnings = append(r.Warnings, hoso.Warning{Code: hoso.WarnConflict, Evidence: []hoso.Evidence{{Text: "Chức vụ"}}})
		}, hoso.VerdictEligible, false, nil},
		{"a birth date from the lý lịch is used", func(r *hoso.Record) {
			r.Candidate.Evidence["date_of_birth"] = hoso.Evidence{Text: "Sinh ngày 12/5/1990", Doc: hoso.DocLyLich}
		}, hoso.VerdictEligible, false, nil},
		{"no review date but the resolution is in the dossier: ask for a legible copy", func(r *hoso.Record) {
			r.ReviewDate = hoso.Date{}
			r.Documents = []hoso.Document{{Kind: hoso.DocNQChiBo}}
		}, hoso.VerdictIncomplete, false, []check{{RuleRatings, hoso.OutcomeUnknown, "", "bản sao rõ nét của nghị quyết"}}},
		{"no birth date read from a lý lịch that is there: ask for a legible copy", func(r *hoso.Record) {
			r.Candidate.DateOfBirth = hoso.Date{}
			delete(r.Candidate.Evidence, "date_of_birth")
			r.Documents = []hoso.Document{{Kind: hoso.DocLyLich}}
		}, hoso.VerdictIncomplete, false, []check{{RuleAge, hoso.OutcomeUnknown, "", "bản sao rõ nét của giấy tờ ghi ngày sinh"}}},
		{"OCR below the threshold on the right paper is still unknown", func(r *hoso.Record) {
			r.Appraisals = withDoc(r.Appraisals, hoso.DocPhieu)
			r.Appraisals[0].Evidence.Confidence = 0.5
		}, hoso.VerdictIncomplete, false, []check{{RuleRatings, hoso.OutcomeUnknown, "độ tin cậy thấp", "bản sao rõ nét"}}},
	}
	rs := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := base(t)
			tt.edit(rec)
			rs.Apply(rec)
			if rec.Verdict != tt.verdict {
				t.Errorf("verdict %s, want %s", rec.Verdict, tt.verdict)
			}
			esc := slices.ContainsFunc(rec.Rules, func(o hoso.RuleOutcome) bool { return o.Escalate })
			if esc != tt.escalate {
				t.Errorf("escalate %v, want %v", esc, tt.escalate)
			}
			for _, c := range tt.checks {
				o := outcome(rec, c.id)
				if o.Outcome != c.outcome || !strings.Contains(o.Message, c.msg) {
					t.Errorf("%s: %s %q; want %s containing %q", c.id, o.Outcome, o.Message, c.outcome, c.msg)
				}
				switch {
				case c.missing == "-" && len(o.Missing) > 0:
					t.Errorf("%s asks for %v, which cannot exist", c.id, o.Missing)
				case c.missing != "" && c.missing != "-" &&
					!slices.ContainsFunc(o.Missing, func(m string) bool { return strings.Contains(m, c.missing) }):
					t.Errorf("%s missing %v lacks %q", c.id, o.Missing, c.missing)
				}
			}
			if t.Failed() {
				for _, o := range rec.Rules {
					t.Logf("%s %s: %s %v", o.ID, o.Outcome, o.Message, o.Missing)
				}
			}
		})
	}
}

// TestCitationByReviewDate: the age rule cites the Quy định thi hành Điều
// lệ Đảng in force at the review date, by number and point.
func TestCitationByReviewDate(t *testing.T) {
	for _, tt := range []struct{ review, want string }{
		{"2019-10-01", "Quy định số 29-QĐ/TW ngày 25/7/2016"},
		{"2021-07-30", "Quy định số 24-QĐ/TW ngày 30/7/2021"},
		{"2024-12-31", "Quy định số 24-QĐ/TW ngày 30/7/2021"},
		{"2025-03-01", "Quy định số 232-QĐ/TW ngày 20/01/2025"},
		{"2026-03-01", "Quy định số 294-QĐ/TW ngày 26/5/2025"},
	} {
		rec := base(t)
		rec.ReviewDate = day(t, tt.review)
		Default().Apply(rec)
		c := outcome(rec, RuleAge).Citation
		if !strings.HasPrefix(c, tt.want) || strings.Contains(c, "Điều lệ Đảng, Điều 1") {
			t.Errorf("%s: citation %q, want %q…", tt.review, c, tt.want)
		}
		if tt.review < "2025-07-01" && !strings.Contains(c, "điểm 1.1") {
			t.Errorf("%s: citation %q has no point", tt.review, c)
		}
	}
}

// TestNotInForce: a review before 52-CV's date says, in a sentence the
// letter can quote, which criteria were applied and why; Record.Review
// lists it.
func TestNotInForce(t *testing.T) {
	rec := base(t)
	rec.ReviewDate = hoso.Date{Year: 2019, Month: time.May, Day: 20}
	rec.Appraisals = replace(good(2016, 2018), 2017, hoso.RatingHTXSNV)
	Default().Apply(rec)
	rv := rec.Review()
	if len(rv) != 1 || !strings.Contains(rv[0], "trước thời điểm áp dụng tiêu chuẩn tại Công văn số 52-CV/BTCĐU") ||
		!strings.Contains(rv[0], "ngày 23 tháng 9 năm 2019") {
		t.Errorf("review %q", rv)
	}
	Default().Apply(rec)
	if n := len(rec.Review()); n != 1 {
		t.Errorf("applied twice: %d review reasons", n)
	}
}

// TestAwardWithoutDecision: a counted award without its decision is
// flagged in the record.
func TestAwardWithoutDecision(t *testing.T) {
	rec := base(t)
	rec.Appraisals = good(2019, 2021)
	a := award(2020, hoso.AwardCSTDCoSo, 0)
	a.Decision = ""
	rec.Awards = []hoso.Award{a}
	Default().Apply(rec)
	if rec.Verdict != hoso.VerdictEligible {
		t.Fatalf("verdict %s", rec.Verdict)
	}
	if !slices.ContainsFunc(rec.Warnings, func(w hoso.Warning) bool { return w.Code == hoso.WarnAwardNoDecision }) {
		t.Errorf("no award_without_decision warning: %+v", rec.Warnings)
	}
	if m := outcome(rec, RuleDistinction).Message; !strings.Contains(m, "đạt danh hiệu Chiến sĩ thi đua cơ sở của Giám đốc Sở Tài chính.") {
		t.Errorf("distinction message %q", m)
	}
}

func TestDecisionText(t *testing.T) {
	for in, want := range map[string]string{
		"Quyết định số 12/QĐ-STC ngày 10/12/2018": "Quyết định số 12/QĐ-STC ngày 10/12/2018",
		"QĐ số 12/QĐ-STC ngày 10/12/2018":         "Quyết định số 12/QĐ-STC ngày 10/12/2018",
		"số 12/QĐ-STC":                            "Quyết định số 12/QĐ-STC",
		"QĐ 12/QĐ-STC ngày 10/12/2018":            "Quyết định số 12/QĐ-STC ngày 10/12/2018",
		"12/QĐ-STC ngày 10/12/2018.":              "Quyết định số 12/QĐ-STC ngày 10/12/2018",
		"":                                        "",
	} {
		if got := DecisionText(in); got != want {
			t.Errorf("DecisionText(%q) = %q, want %q", in, got, want)
		}
	}
}

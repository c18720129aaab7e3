package render

import (
	"sort"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso"
)

// KindOf returns the letter a record calls for, and false when it calls for
// none: a rejected file, or a record not yet validated. Escalation wins over
// the verdict, because a candidate past 60 is not this committee's to judge.
func KindOf(rec *hoso.Record) (hoso.LetterKind, bool) {
	if rec == nil {
		return "", false
	}
	switch rec.Verdict {
	case hoso.VerdictEligible, hoso.VerdictIneligible, hoso.VerdictIncomplete:
	default:
		return "", false
	}
	for _, r := range rec.Rules {
		if r.Escalate {
			return hoso.LetterEscalate, true
		}
	}
	switch rec.Verdict {
	case hoso.VerdictEligible:
		return hoso.LetterEligible, true
	case hoso.VerdictIneligible:
		return hoso.LetterIneligible, true
	}
	return hoso.LetterIncomplete, true
}

// letter is the wording of one letter, before layout.
type letter struct {
	kind       hoso.LetterKind
	subject    string   // trích yếu without its lead-in ("Về việc", "V/v")
	recipients []string // Kính gửi
	body       []string // paragraphs; the last ends with "./."
}

// compose writes the letter's text from the record. Every fact in it comes
// from the record; the issuer supplies only names of bodies.
func compose(rec *hoso.Record, iss *Issuer, kind hoso.LetterKind) letter {
	c := rec.Candidate
	name := strings.TrimSpace(c.FullName)
	who := "quần chúng " + name
	if name == "" {
		who = "quần chúng (chưa rõ họ tên)"
	}
	l := letter{kind: kind, subject: "hồ sơ đề nghị kết nạp đảng viên của " + who}
	if kind == hoso.LetterIncomplete {
		l.subject = "bổ sung hồ sơ đề nghị kết nạp đảng viên của " + who
	}
	for _, r := range iss.Recipients {
		l.recipients = append(l.recipients, recipient(r, c.Unit))
	}

	intro := iss.FullName + " đã nhận được hồ sơ đề nghị kết nạp đảng viên của " + who
	if p := strings.TrimSpace(c.Position); p != "" {
		intro += ", " + p
	}
	if u := strings.TrimSpace(c.Unit); u != "" {
		intro += ", " + u
	}
	if !rec.ReviewDate.IsZero() && rec.ReviewDateBasis == hoso.ReviewFromResolution {
		intro += " (chi bộ xét đề nghị kết nạp " + rec.ReviewDate.Vietnamese() + ")"
	}
	basis := basisOf(rec, iss)
	l.body = append(l.body, intro+". Căn cứ "+basis+", "+iss.ShortName+" đã thẩm định hồ sơ; kết quả như sau:")

	switch kind {
	case hoso.LetterEligible:
		l.body = append(l.body, record(rec, who)...)
		l.body = append(l.body,
			"Hồ sơ của "+who+" đảm bảo tiêu chuẩn, điều kiện theo quy định tại "+short(basis)+". "+
				iss.ShortName+" chuyển hồ sơ để "+iss.StandingCommittee+" xem xét, quyết định theo thẩm quyền./.")
	case hoso.LetterIneligible:
		l.body = append(l.body, "Hồ sơ của "+who+" chưa đảm bảo tiêu chuẩn, điều kiện theo quy định, cụ thể:")
		l.body = append(l.body, items(failures(rec, false))...)
		l.body = append(l.body, iss.ShortName+" trả lại hồ sơ để chi bộ tiếp tục bồi dưỡng, giáo dục "+who+
			" và xem xét, đề nghị kết nạp khi quần chúng có đủ tiêu chuẩn, điều kiện theo quy định./.")
	case hoso.LetterIncomplete:
		l.body = append(l.body, "Hồ sơ của "+who+" còn thiếu các tài liệu sau:")
		l.body = append(l.body, items(missing(rec))...)
		l.body = append(l.body, "Đề nghị chi bộ, đảng bộ cơ sở bổ sung đầy đủ các tài liệu nêu trên, gửi về "+
			iss.ShortName+" để tiếp tục thẩm định theo quy định./.")
	case hoso.LetterEscalate:
		esc := escalations(rec)
		l.body = append(l.body, items(esc)...)
		if other := failures(rec, true); len(other) > 0 {
			l.body = append(l.body, "Ngoài ra, hồ sơ còn có nội dung chưa đảm bảo theo quy định:")
			l.body = append(l.body, items(other)...)
		}
		closing := iss.ShortName + " báo cáo " + iss.StandingCommittee + " để đề nghị cấp uỷ có thẩm quyền xem xét, quyết định theo quy định./."
		// Say who decides unless the rule's own message already did.
		if !strings.Contains(strings.Join(esc, " "), "trực thuộc Trung ương") {
			closing = "Theo quy định, việc kết nạp vào Đảng người trên 60 tuổi thuộc thẩm quyền xem xét, quyết định của cấp uỷ trực thuộc Trung ương. " + closing
		}
		l.body = append(l.body, closing)
	}
	return l
}

// recipient fills "{unit}" in a profile's Kính gửi line.
func recipient(tmpl, unit string) string {
	s := strings.ReplaceAll(tmpl, "{unit}", strings.TrimSpace(unit))
	return strings.Join(strings.Fields(s), " ")
}

// basisOf names the instrument the dossier was checked against: the
// issuer's own wording when it has one, else the rules' citations.
func basisOf(rec *hoso.Record, iss *Issuer) string {
	if b := strings.TrimSpace(iss.Basis); b != "" {
		return b
	}
	var seen []string
	for _, r := range rec.Rules {
		c := strings.TrimSpace(r.Citation)
		// Drop a trailing explanation, "điểm 1.1 (đủ 18 tuổi …)", but keep a
		// point number, "điểm (2)".
		if i := strings.LastIndex(c, " ("); i >= 0 && strings.HasSuffix(c, ")") && strings.Contains(c[i+2:], " ") {
			c = c[:i]
		}
		if c != "" && !contains(seen, c) {
			seen = append(seen, c)
		}
	}
	if len(seen) > 0 {
		return strings.Join(seen, "; ")
	}
	if rec.RuleSet != "" {
		return "bộ tiêu chuẩn " + rec.RuleSet
	}
	return "các quy định hiện hành về công tác kết nạp đảng viên"
}

// short cuts a basis down to its instrument ("Công văn số 52-CV/BTCĐU") for
// the second mention.
func short(basis string) string {
	f := strings.Fields(basis)
	for i := 1; i+1 < len(f) && i < 4; i++ {
		if strings.EqualFold(f[i], "số") {
			return strings.Join(f[:i+2], " ")
		}
	}
	return basis
}

// record lists the window years with their ratings and the distinction that
// counted, the proof the eligible letter gives.
func record(rec *hoso.Record, who string) []string {
	years := append([]int(nil), rec.Window...)
	if len(years) == 0 {
		for _, a := range rec.Appraisals {
			if !containsInt(years, a.Year) {
				years = append(years, a.Year)
			}
		}
		sort.Ints(years)
	}
	if len(years) == 0 {
		return nil
	}
	var ratings []string
	for _, y := range years {
		r := best(rec.Appraisals, y)
		if r == hoso.RatingUnknown {
			continue
		}
		ratings = append(ratings, "năm "+strconv.Itoa(y)+" "+r.Vietnamese())
	}
	var out []string
	if len(ratings) > 0 {
		out = append(out, "- Trong "+strconv.Itoa(len(years))+" năm liên tiếp ("+yearList(years)+"), "+who+
			" được đánh giá, xếp loại: "+strings.Join(ratings, "; ")+".")
	}
	var dist []string
	for _, a := range counted(rec, years) {
		dist = append(dist, award(a))
	}
	if len(dist) > 0 {
		out = append(out, "- Thành tích: "+strings.Join(dist, "; ")+".")
	}
	return out
}

// best is the year's rating; two appraisals of one year that disagree are
// the validator's business, so the letter quotes the better, which passed.
func best(as []hoso.Appraisal, year int) hoso.Rating {
	r := hoso.RatingUnknown
	for _, a := range as {
		if a.Year == year && a.Rating > r {
			r = a.Rating
		}
	}
	return r
}

// counted returns the awards of the window that a passing rule cites as
// evidence; failing that, every award of the window.
func counted(rec *hoso.Record, years []int) []hoso.Award {
	cited := map[hoso.Evidence]bool{}
	for _, r := range rec.Rules {
		if r.Outcome == hoso.OutcomePass {
			for _, e := range r.Evidence {
				cited[e] = true
			}
		}
	}
	var in, hit []hoso.Award
	for _, a := range rec.Awards {
		if !containsInt(years, a.Year) {
			continue
		}
		in = append(in, a)
		if cited[a.Evidence] {
			hit = append(hit, a)
		}
	}
	if len(hit) > 0 {
		return hit
	}
	return in
}

// award says one award the way a letter does: "năm 2017 được tặng Giấy
// khen của Giám đốc Sở Tài chính (Quyết định số …)".
func award(a hoso.Award) string {
	title := strings.TrimSpace(a.Title)
	if title == "" {
		title = a.Kind.Vietnamese()
	}
	s := "năm " + strconv.Itoa(a.Year)
	switch a.Kind {
	case hoso.AwardCSTDCoSo, hoso.AwardCSTDCapTinh, hoso.AwardCSTDToanQuoc, hoso.AwardLaoDongTienTien:
		s += " đạt danh hiệu " + title
	default:
		s += " được tặng " + title
	}
	if is := strings.TrimSpace(a.Issuer); is != "" && !strings.Contains(title, is) {
		s += " của " + is
	}
	if d := strings.TrimSpace(a.Decision); d != "" {
		s += " (" + d + ")"
	}
	return s
}

// failures are the messages of failing rules; without the escalating ones
// when skipEscalate is set, since the escalate letter says those first.
func failures(rec *hoso.Record, skipEscalate bool) []string {
	var out []string
	for _, r := range rec.Rules {
		if r.Outcome != hoso.OutcomeFail || (skipEscalate && r.Escalate) {
			continue
		}
		if m := strings.TrimSpace(r.Message); m != "" && !contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

func escalations(rec *hoso.Record) []string {
	var out []string
	for _, r := range rec.Rules {
		if m := strings.TrimSpace(r.Message); r.Escalate && m != "" && !contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// missing lists the documents the unknown rules ask for, each once.
func missing(rec *hoso.Record) []string {
	var out []string
	for _, r := range rec.Rules {
		for _, m := range r.Missing {
			if m = strings.TrimSpace(m); m != "" && !contains(out, m) {
				out = append(out, m)
			}
		}
	}
	if len(out) == 0 {
		// An incomplete verdict with no named document: quote the rules instead.
		for _, r := range rec.Rules {
			if m := strings.TrimSpace(r.Message); r.Outcome == hoso.OutcomeUnknown && m != "" && !contains(out, m) {
				out = append(out, m)
			}
		}
	}
	return out
}

// items turns sentences or noun phrases into "- …;" list paragraphs, the
// last closed with a full stop.
func items(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		x = strings.TrimRight(strings.TrimSpace(x), ".;,")
		end := ";"
		if i == len(xs)-1 {
			end = "."
		}
		out[i] = "- " + x + end
	}
	return out
}

func yearList(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, ", ")
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func containsInt(xs []int, n int) bool {
	for _, x := range xs {
		if x == n {
			return true
		}
	}
	return false
}

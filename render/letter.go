package render

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
)

// KindOf returns the letter a record calls for, and false when it calls for
// none: a rejected file, or a record not yet validated. An age past 60 is
// escalated only when every other rule passed; otherwise the letter is the
// verdict's and the age is one of its reasons (validate already words it
// so; this guards records validated before it did).
func KindOf(rec *hoso.Record) (hoso.LetterKind, bool) {
	if rec == nil {
		return "", false
	}
	switch rec.Verdict {
	case hoso.VerdictEligible, hoso.VerdictIneligible, hoso.VerdictIncomplete:
	default:
		return "", false
	}
	escalate, others := false, true
	for _, r := range rec.Rules {
		if r.Escalate {
			escalate = true
		} else if r.Outcome != hoso.OutcomePass {
			others = false
		}
	}
	if escalate && others {
		return hoso.LetterEscalate, true
	}
	switch rec.Verdict {
	case hoso.VerdictEligible:
		return hoso.LetterEligible, true
	case hoso.VerdictIneligible:
		return hoso.LetterIneligible, true
	}
	return hoso.LetterIncomplete, true
}

// Statement is one sentence of a letter with the evidence of every fact in
// it, so a reviewer can trace each year, rating, award, decision, date and
// name to the paper it was read from. Source says where the wording comes
// from: "record" (facts of the dossier), "rule:<id>" (a rule's message,
// quoted), "issuer" (the profile: names of bodies, the basis) or "rule_set"
// (the rule set's own note, such as a review date outside its period).
type Statement struct {
	Text     string          `json:"text"`
	Source   string          `json:"source"`
	Evidence []hoso.Evidence `json:"evidence,omitempty"`
}

// Statements returns the body of rec's letter sentence by sentence, each
// with its evidence, in reading order; ok is false when rec calls for no
// letter.
func Statements(rec *hoso.Record, iss *Issuer) ([]Statement, bool) {
	kind, ok := KindOf(rec)
	if !ok || iss == nil {
		return nil, false
	}
	l := compose(rec, iss, kind)
	var out []Statement
	for _, p := range l.paras {
		out = append(out, p...)
	}
	return out, true
}

// Review returns why rec's letter must be looked at before it is signed:
// no addressee, a name or unit that reads as garbled. DOCX records the
// same reasons in rec as needs_review warnings.
func Review(rec *hoso.Record, iss *Issuer) []string {
	kind, ok := KindOf(rec)
	if !ok || iss == nil {
		return nil
	}
	return compose(rec, iss, kind).review
}

// letter is the wording of one letter, before layout.
type letter struct {
	kind       hoso.LetterKind
	subject    string   // trích yếu without its lead-in ("Về việc", "V/v")
	recipients []string // Kính gửi
	body       []string // paragraphs; the last ends with "./."
	paras      [][]Statement
	note       []Statement // the rule set's note, before the closing
	review     []string    // reasons the letter needs review
}

// facts are the record's names and units that passed the text check, with
// their evidence; what failed is left out and named in review.
type facts struct {
	rec    *hoso.Record
	review []string
}

// field returns the candidate field key (its JSON name) if it may be
// printed, with its evidence.
func (f *facts) field(key, label, value string) (string, []hoso.Evidence) {
	value = strings.Join(strings.Fields(value), " ")
	if value == "" {
		return "", nil
	}
	var evs []hoso.Evidence
	ev, has := f.rec.Candidate.Evidence[key]
	if has {
		evs = []hoso.Evidence{ev}
	}
	check := f.check
	if key == "full_name" {
		check = f.checkName
	}
	if why := check(value, ev); why != "" {
		f.review = append(f.review, label+" đọc từ hồ sơ (\""+value+"\") "+why+"; công văn không ghi nội dung này, cần đối chiếu với bản gốc.")
		return "", nil
	}
	return value, evs
}

// check says why value may not be printed as a fact, or "".
func (f *facts) check(value string, ev hoso.Evidence) string {
	if ev.Confidence > 0 && ev.Confidence < minTextConfidence {
		return fmt.Sprintf("được nhận dạng từ bản quét với độ tin cậy thấp (%.2f)", ev.Confidence)
	}
	return garbled(value)
}

// checkName is check for a person's name.
func (f *facts) checkName(value string, ev hoso.Evidence) string {
	if ev.Confidence > 0 && ev.Confidence < minTextConfidence {
		return fmt.Sprintf("được nhận dạng từ bản quét với độ tin cậy thấp (%.2f)", ev.Confidence)
	}
	return garbledName(value)
}

func st(text, source string, ev ...hoso.Evidence) Statement {
	return Statement{Text: text, Source: source, Evidence: ev}
}

// compose writes the letter's text from the record. Every fact in it comes
// from the record, with its evidence; the issuer supplies only names of
// bodies and the basis.
func compose(rec *hoso.Record, iss *Issuer, kind hoso.LetterKind) letter {
	f := &facts{rec: rec}
	c := rec.Candidate
	name, nameEv := f.field("full_name", "Họ tên của quần chúng", c.FullName)
	who := "quần chúng " + name
	if name == "" {
		who = "quần chúng (chưa xác định được họ tên)"
	}
	l := letter{kind: kind, subject: "hồ sơ đề nghị kết nạp đảng viên của " + who}
	if kind == hoso.LetterIncomplete {
		l.subject = "bổ sung hồ sơ đề nghị kết nạp đảng viên của " + who
	}
	l.recipients = recipients(rec, iss, f)

	intro := iss.FullName + " đã nhận được hồ sơ đề nghị kết nạp đảng viên của " + who
	introEv := nameEv
	if p, ev := f.field("position", "Chức vụ của quần chúng", c.Position); p != "" {
		intro += ", " + p
		introEv = append(introEv, ev...)
	}
	if u, ev := f.field("unit", "Đơn vị công tác của quần chúng", c.Unit); u != "" {
		intro += ", " + u
		introEv = append(introEv, ev...)
	}
	if !rec.ReviewDate.IsZero() && rec.ReviewDateBasis == hoso.ReviewFromResolution {
		intro += " (chi bộ xét đề nghị kết nạp " + rec.ReviewDate.Vietnamese() + ")"
		if rec.ReviewDateEvidence != nil {
			introEv = append(introEv, *rec.ReviewDateEvidence)
		}
	}
	bases := basesOf(rec, iss)
	para := func(ss ...Statement) { l.paras = append(l.paras, ss) }
	para(st(intro+".", "record", introEv...),
		st("Căn cứ "+joinVI(bases, "và")+", "+iss.ShortName+" đã thẩm định hồ sơ; kết quả như sau:", "issuer"))

	switch kind {
	case hoso.LetterEligible:
		for _, s := range proofs(rec, f) {
			para(s)
		}
		checked, others := scope(rec)
		closing := []Statement{st("Hồ sơ của "+who+" đáp ứng tiêu chuẩn về "+joinVI(checked, "và")+
			" theo "+joinVI(shorts(bases), "và")+".", "issuer")}
		if len(others) > 0 {
			closing = append(closing, st("Các điều kiện khác ("+strings.Join(others, ", ")+
				") do cấp uỷ cơ sở thẩm tra, xác nhận theo quy định.", "issuer"))
		}
		closing = append(closing, st(iss.ShortName+" chuyển hồ sơ để "+iss.StandingCommittee+
			" xem xét, quyết định theo thẩm quyền./.", "issuer"))
		l.notInForce(rec)
		para(closing...)
	case hoso.LetterIneligible:
		para(st("Hồ sơ của "+who+" chưa đáp ứng tiêu chuẩn, điều kiện theo quy định, cụ thể:", "issuer"))
		for _, s := range itemize(reasons(rec)) {
			para(s)
		}
		l.notInForce(rec)
		para(st(iss.ShortName+" trả lại hồ sơ để chi bộ tiếp tục bồi dưỡng, giáo dục "+who+
			" và xem xét, đề nghị kết nạp khi quần chúng có đủ tiêu chuẩn, điều kiện theo quy định./.", "issuer"))
	case hoso.LetterIncomplete:
		miss := missing(rec)
		head := "Hồ sơ của " + who + " còn thiếu các tài liệu sau:"
		if len(miss) == 1 {
			head = "Hồ sơ của " + who + " còn thiếu tài liệu sau:"
		}
		para(st(head, "issuer"))
		for _, s := range itemize(miss) {
			para(s)
		}
		l.notInForce(rec)
		it := "các tài liệu nêu trên"
		if len(miss) == 1 {
			it = "tài liệu nêu trên"
		}
		para(st("Đề nghị chi bộ, đảng bộ cơ sở bổ sung đầy đủ "+it+", gửi về "+
			iss.ShortName+" để tiếp tục thẩm định theo quy định./.", "issuer"))
	case hoso.LetterEscalate:
		esc := escalations(rec)
		for _, s := range itemize(esc) {
			para(s)
		}
		for _, s := range proofs(rec, f) {
			if s.Source != "rule:"+ruleAge {
				para(s)
			}
		}
		l.notInForce(rec)
		closing := iss.ShortName + " báo cáo " + iss.StandingCommittee + " để đề nghị cấp uỷ có thẩm quyền xem xét, quyết định theo quy định./."
		// Say who decides unless the rule's own message already did.
		var ss []Statement
		if !strings.Contains(joinTexts(esc), "trực thuộc Trung ương") {
			ss = append(ss, st("Theo quy định, việc kết nạp vào Đảng người trên 60 tuổi thuộc thẩm quyền xem xét, quyết định của cấp uỷ trực thuộc Trung ương.", "issuer"))
		}
		para(append(ss, st(closing, "issuer"))...)
	}
	// The not-in-force note goes just before the closing paragraph.
	if l.note != nil {
		last := l.paras[len(l.paras)-1]
		l.paras = append(l.paras[:len(l.paras)-1], l.note, last)
	}
	// A rule's sentence states the window's years, which come from the
	// review date: it cites the review date too.
	if r := rec.ReviewDateEvidence; r != nil {
		for _, p := range l.paras {
			for i := range p {
				if strings.HasPrefix(p[i].Source, "rule") && !containsEv(p[i].Evidence, *r) {
					p[i].Evidence = append(slices.Clone(p[i].Evidence), *r)
				}
			}
		}
	}
	for _, p := range l.paras {
		texts := make([]string, len(p))
		for i, s := range p {
			texts[i] = s.Text
		}
		l.body = append(l.body, strings.Join(texts, " "))
	}
	l.review = f.review
	return l
}

const ruleAge = "age"

// notInForce notes, in the rule set's own sentence, that the review date
// lies outside the period of the criteria applied.
func (l *letter) notInForce(rec *hoso.Record) {
	for _, w := range rec.Warnings {
		if w.Code == hoso.WarnRuleSetNotInForce && strings.TrimSpace(w.Message) != "" {
			ev := w.Evidence
			if len(ev) == 0 && rec.ReviewDateEvidence != nil {
				ev = []hoso.Evidence{*rec.ReviewDateEvidence}
			}
			l.note = append(l.note, Statement{Text: strings.TrimSpace(w.Message), Source: "rule_set", Evidence: ev})
		}
	}
}

func joinTexts(ss []Statement) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.Text)
		b.WriteString(" ")
	}
	return b.String()
}

// recipients fills the profile's Kính gửi lines: {addressee} with the Party
// body the chi bộ submits to, as the dossier names it or, when it is
// silent, as the profile's table of origins gives it; {unit} with the
// candidate's unit. A line that cannot be filled is left blank for the
// văn thư and the letter is marked for review.
func recipients(rec *hoso.Record, iss *Issuer, f *facts) []string {
	var out []string
	addressee, ok := addresseeOf(rec, iss, f)
	for _, tmpl := range iss.Recipients {
		line := tmpl
		if strings.Contains(line, "{addressee}") {
			if !ok {
				line = strings.ReplaceAll(line, "{addressee}", blank)
			} else {
				line = strings.ReplaceAll(line, "{addressee}", addressee)
			}
		}
		if strings.Contains(line, "{unit}") {
			u, _ := f.field("unit", "Đơn vị công tác của quần chúng", rec.Candidate.Unit)
			if u == "" {
				continue
			}
			line = strings.ReplaceAll(line, "{unit}", u)
		}
		out = append(out, strings.Join(strings.Fields(line), " "))
	}
	if len(out) == 0 {
		out = []string{blank}
	}
	return out
}

// blank is the dotted gap a văn thư fills in by hand.
const blank = "……………………………………"

// addresseeOf finds the Party body the dossier goes back to.
func addresseeOf(rec *hoso.Record, iss *Issuer, f *facts) (string, bool) {
	if a := rec.Addressee; a != nil && strings.TrimSpace(a.Name) != "" {
		name := strings.Join(strings.Fields(a.Name), " ")
		if why := f.check(name, a.Evidence); why != "" {
			f.review = append(f.review, "Tên cấp uỷ nhận hồ sơ đọc từ hồ sơ (\""+name+"\") "+why+"; cần đối chiếu với bản gốc và ghi nơi nhận công văn.")
			return "", false
		}
		return name, true
	}
	if name, ok := iss.addresseeFor(rec.Candidate.Unit); ok {
		return name, true
	}
	f.review = append(f.review, "Chưa xác định được cấp uỷ nhận công văn (Kính gửi): hồ sơ không ghi chi bộ đề nghị cấp uỷ nào xem xét, và bảng đơn vị của hồ sơ đơn vị ban hành không có đơn vị của quần chúng.")
	return "", false
}

// basesOf names the instruments the dossier was checked against, each
// once: the rules' citations, with the issuer's basis in place of the
// citations of the same instrument (its wording is the one the issuer
// uses), the central Party rules first.
func basesOf(rec *hoso.Record, iss *Issuer) []string {
	basis := strings.TrimSpace(iss.Basis)
	var seen []string
	add := func(c string) {
		if c != "" && !contains(seen, c) {
			seen = append(seen, c)
		}
	}
	usedBasis := false
	for _, r := range rec.Rules {
		c := strings.TrimSpace(r.Citation)
		// Drop a trailing explanation, "điểm 1.1 (đủ 18 tuổi …)", but keep a
		// point number, "điểm (2)".
		if i := strings.LastIndex(c, " ("); i >= 0 && strings.HasSuffix(c, ")") && strings.Contains(c[i+2:], " ") {
			c = c[:i]
		}
		if basis != "" && c != "" && short(c) == short(basis) {
			usedBasis = true
			continue
		}
		add(c)
	}
	if basis != "" && (usedBasis || len(seen) == 0) {
		add(basis)
	}
	if len(seen) == 0 {
		if rec.RuleSet != "" {
			return []string{"bộ tiêu chuẩn " + rec.RuleSet}
		}
		return []string{"các quy định hiện hành về công tác kết nạp đảng viên"}
	}
	return seen
}

func shorts(bases []string) []string {
	out := make([]string, 0, len(bases))
	for _, b := range bases {
		if s := short(b); !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// short cuts a basis down to its instrument ("Công văn số 52-CV/BTCĐU") for
// the second mention.
func short(basis string) string {
	f := strings.Fields(basis)
	for i := 1; i+1 < len(f) && i < 4; i++ {
		if strings.EqualFold(f[i], "số") {
			return strings.TrimRight(strings.Join(f[:i+2], " "), ",;")
		}
	}
	return basis
}

// scope names what the rules checked and what they left to the cấp uỷ, for
// the eligible letter: it must not claim more than was checked.
func scope(rec *hoso.Record) (checked, others []string) {
	names := map[string]string{
		"ratings":     "kết quả đánh giá, xếp loại chất lượng",
		"distinction": "thành tích",
		"age":         "tuổi đời",
		"certificate": "giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng",
		"education":   "trình độ học vấn",
	}
	done := map[string]bool{}
	for _, r := range rec.Rules {
		if n, ok := names[r.ID]; ok && r.Outcome == hoso.OutcomePass {
			checked = append(checked, n)
			done[r.ID] = true
		}
	}
	others = append(others, "lý lịch, lịch sử chính trị")
	if !done["education"] {
		others = append(others, "trình độ học vấn")
	}
	if !done["certificate"] {
		others = append(others, "giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng")
	}
	others = append(others, "người giới thiệu")
	if len(checked) == 0 {
		checked = []string{"các nội dung đã thẩm định"}
	}
	return checked, others
}

// proofs are the eligible letter's evidence of each passing rule: the
// window's ratings, the distinction that counted, the age finding.
func proofs(rec *hoso.Record, f *facts) []Statement {
	var out []Statement
	rule := func(id string) (hoso.RuleOutcome, bool) {
		for _, r := range rec.Rules {
			if r.ID == id {
				return r, true
			}
		}
		return hoso.RuleOutcome{}, false
	}
	if r, ok := rule("ratings"); ok && r.Outcome == hoso.OutcomePass {
		years := append([]int(nil), rec.Window...)
		var parts []string
		var evs []hoso.Evidence
		for _, y := range years {
			a, ok := cited(rec.Appraisals, y, r.Evidence)
			if !ok {
				continue
			}
			parts = append(parts, "năm "+strconv.Itoa(y)+" "+a.Rating.Vietnamese())
			evs = append(evs, a.Evidence)
		}
		if len(parts) > 0 {
			out = append(out, st("- Trong "+strconv.Itoa(len(years))+" năm liên tiếp ("+yearList(years)+
				"), quần chúng được đánh giá, xếp loại: "+strings.Join(parts, "; ")+".", "record", evs...))
		}
	}
	if r, ok := rule("distinction"); ok && r.Outcome == hoso.OutcomePass {
		var parts []string
		var evs []hoso.Evidence
		type item struct {
			year int
			text string
			ev   hoso.Evidence
		}
		var items []item
		for _, a := range rec.Appraisals {
			if a.Rating == hoso.RatingHTXSNV && containsInt(rec.Window, a.Year) && containsEv(r.Evidence, a.Evidence) &&
				!slices.ContainsFunc(items, func(i item) bool { return i.year == a.Year && i.ev.Block == "" }) {
				items = append(items, item{a.Year, "năm " + strconv.Itoa(a.Year) + " được xếp loại " + a.Rating.Vietnamese(), a.Evidence})
			}
		}
		for _, a := range rec.Awards {
			if containsInt(rec.Window, a.Year) && containsEv(r.Evidence, a.Evidence) {
				items = append(items, item{a.Year, award(a, f), a.Evidence})
			}
		}
		sort.SliceStable(items, func(i, j int) bool { return items[i].year < items[j].year })
		for _, it := range items {
			if !contains(parts, it.text) {
				parts = append(parts, it.text)
				evs = append(evs, it.ev)
			}
		}
		if len(parts) > 0 {
			out = append(out, st("- Thành tích: "+strings.Join(parts, "; ")+".", "record", evs...))
		}
	}
	for _, id := range []string{"age", "certificate", "education"} {
		if r, ok := rule(id); ok && r.Outcome == hoso.OutcomePass && strings.TrimSpace(r.Message) != "" {
			out = append(out, st("- "+strings.TrimSpace(r.Message), "rule:"+id, r.Evidence...))
		}
	}
	return out
}

// cited returns year's appraisal that the rule cites as evidence; failing
// that (a record made by hand), the best rating of the year.
func cited(as []hoso.Appraisal, year int, evs []hoso.Evidence) (hoso.Appraisal, bool) {
	var best hoso.Appraisal
	found := false
	for _, a := range as {
		if a.Year != year || a.Rating == hoso.RatingUnknown {
			continue
		}
		if containsEv(evs, a.Evidence) {
			return a, true
		}
		if !found || a.Rating > best.Rating {
			best, found = a, true
		}
	}
	return best, found && len(evs) == 0
}

func containsEv(evs []hoso.Evidence, e hoso.Evidence) bool {
	return slices.Contains(evs, e)
}

// award says one award the one way every letter does: "năm 2017 được tặng
// Giấy khen của Giám đốc Sở Tài chính (Quyết định số 123/QĐ-STC ngày
// 15/12/2017)". The name is the law's for a known kind ("Chiến sĩ thi
// đua", Luật Thi đua, khen thưởng 2022) and the dossier's own for any
// other; a part the record lacks is left out.
func award(a hoso.Award, f *facts) string {
	title := a.Kind.Vietnamese()
	if a.Kind == hoso.AwardOther || !a.Kind.Valid() {
		title = strings.Join(strings.Fields(a.Title), " ")
		if title == "" {
			title = "hình thức khen thưởng khác"
		}
	}
	s := "năm " + strconv.Itoa(a.Year)
	switch a.Kind {
	case hoso.AwardCSTDCoSo, hoso.AwardCSTDCapTinh, hoso.AwardCSTDToanQuoc, hoso.AwardLaoDongTienTien:
		s += " đạt danh hiệu " + title
	default:
		s += " được tặng " + title
	}
	issuer := strings.Join(strings.Fields(a.Issuer), " ")
	if low := strings.ToLower(issuer); strings.HasPrefix(low, "của ") {
		issuer = strings.TrimSpace(issuer[len("của "):])
	}
	if issuer != "" {
		if why := f.check(issuer, a.Evidence); why != "" {
			f.review = append(f.review, "Cấp quyết định khen thưởng năm "+strconv.Itoa(a.Year)+" đọc từ hồ sơ (\""+issuer+"\") "+why+"; công văn không ghi nội dung này, cần đối chiếu với bản gốc.")
			issuer = ""
		}
	}
	if issuer != "" && !strings.Contains(title, issuer) {
		s += " của " + issuer
	}
	if d := decisionText(a.Decision); d != "" {
		s += " (" + d + ")"
	}
	return s
}

// decisionText writes a decision reference one way, "Quyết định số
// 123/QĐ-UBND ngày 15/12/2017" (validate.DecisionText does the same for
// the rule messages; render imports only the root package).
func decisionText(d string) string {
	d = strings.Join(strings.Fields(d), " ")
	if d == "" {
		return ""
	}
	low := strings.ToLower(d)
	for _, p := range []string{"quyết định số ", "qđ số ", "quyết định ", "qđ ", "số "} {
		if strings.HasPrefix(low, p) {
			d = d[len(p):]
			break
		}
	}
	return "Quyết định số " + strings.TrimRight(d, ".;, ")
}

// reasons are the ineligible letter's items: every failing rule's message,
// then every undecided one's, so the dossier goes back with all of them.
func reasons(rec *hoso.Record) []Statement {
	var out []Statement
	for _, want := range []hoso.Outcome{hoso.OutcomeFail, hoso.OutcomeUnknown} {
		for _, r := range rec.Rules {
			m := strings.TrimSpace(r.Message)
			if r.Outcome != want || m == "" || slices.ContainsFunc(out, func(s Statement) bool { return s.Text == m }) {
				continue
			}
			out = append(out, st(m, "rule:"+r.ID, r.Evidence...))
		}
	}
	return out
}

func escalations(rec *hoso.Record) []Statement {
	var out []Statement
	for _, r := range rec.Rules {
		if m := strings.TrimSpace(r.Message); r.Escalate && m != "" {
			out = append(out, st(m, "rule:"+r.ID, r.Evidence...))
		}
	}
	return out
}

// missing lists the documents the unknown rules ask for, each once.
func missing(rec *hoso.Record) []Statement {
	var out []Statement
	has := func(m string) bool {
		return slices.ContainsFunc(out, func(s Statement) bool { return strings.EqualFold(s.Text, m) })
	}
	for _, r := range rec.Rules {
		if r.Outcome != hoso.OutcomeUnknown {
			continue
		}
		for _, m := range r.Missing {
			if m = strings.TrimSpace(m); m != "" && !has(m) {
				out = append(out, st(m, "rule:"+r.ID, r.Evidence...))
			}
		}
	}
	if len(out) == 0 {
		// An incomplete verdict with no named document: quote the rules instead.
		for _, r := range rec.Rules {
			if m := strings.TrimSpace(r.Message); r.Outcome == hoso.OutcomeUnknown && m != "" && !has(m) {
				out = append(out, st(m, "rule:"+r.ID, r.Evidence...))
			}
		}
	}
	return out
}

// itemize turns sentences or noun phrases into "- …;" list items, each
// starting with a capital, the last closed with a full stop.
func itemize(xs []Statement) []Statement {
	out := make([]Statement, len(xs))
	for i, x := range xs {
		t := strings.TrimRight(strings.TrimSpace(x.Text), ".;,")
		if r, n := utf8.DecodeRuneInString(t); n > 0 {
			t = string(unicode.ToUpper(r)) + t[n:]
		}
		end := ";"
		if i == len(xs)-1 {
			end = "."
		}
		x.Text = "- " + t + end
		out[i] = x
	}
	return out
}

// joinVI joins items the Vietnamese way: "a, b và c".
func joinVI(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
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

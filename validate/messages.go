package validate

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A template is one Vietnamese sentence (or, for doc_* keys, the name of a
// document) with {placeholders}. vars lists the placeholders it may use, so
// Load can reject a typo in a rule set instead of printing "{yaer}".
type template struct {
	text string
	vars []string
}

// commonMessages apply to every rule unless the rule has its own.
var commonMessages = map[string]template{
	"no_review_date": {"Chưa xác định được ngày chi bộ xét đề nghị kết nạp nên chưa thể xem xét tiêu chuẩn này.", nil},
	"review_date_low_confidence": {"Ngày chi bộ xét đề nghị kết nạp ({date}) được nhận dạng từ bản quét với độ tin cậy thấp, cần đối chiếu với bản gốc.",
		[]string{"date"}},
	"doc_resolution":          {"nghị quyết đề nghị kết nạp đảng viên của chi bộ (Mẫu 6-KNĐ)", nil},
	"doc_resolution_legible":  {"bản sao rõ nét của nghị quyết đề nghị kết nạp đảng viên của chi bộ (Mẫu 6-KNĐ)", nil},
	"doc_appraisal":           {"bản nhận xét, đánh giá, xếp loại chất lượng năm {year}", []string{"year"}},
	"doc_appraisal_confirm":   {"văn bản của cơ quan, đơn vị xác nhận kết quả xếp loại chất lượng năm {year}", []string{"year"}},
	"doc_appraisal_legible":   {"bản sao rõ nét của bản nhận xét, đánh giá, xếp loại chất lượng năm {year}", []string{"year"}},
	"doc_award_legible":       {"bản sao rõ nét của quyết định khen thưởng năm {year}", []string{"year"}},
	"doc_birth":               {"giấy tờ ghi ngày sinh của quần chúng", nil},
	"doc_birth_full":          {"giấy tờ ghi rõ ngày, tháng, năm sinh của quần chúng", nil},
	"doc_birth_confirm":       {"văn bản xác nhận ngày, tháng, năm sinh đúng của quần chúng (kèm bản sao giấy khai sinh hoặc căn cước)", nil},
	"doc_award":               {"quyết định khen thưởng năm {year}", []string{"year"}},
	"doc_birth_legible":       {"bản sao rõ nét của giấy tờ ghi ngày sinh của quần chúng", nil},
	"doc_certificate":         {"giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng", nil},
	"doc_certificate_legible": {"bản sao rõ nét của giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng", nil},
	"doc_education":           {"bằng tốt nghiệp trung học cơ sở (hoặc tương đương) trở lên", nil},
}

// ruleMessages are the built-in templates of each rule.
var ruleMessages = map[string]map[string]template{
	RuleRatings: {
		"pass": {"Trong các năm {years}, quần chúng đều được xếp loại {required} ({details}).",
			[]string{"years", "required", "details"}},
		"below": {"Năm {year} chỉ được xếp loại {rating} (yêu cầu: {required}).",
			[]string{"year", "rating", "required"}},
		"lowest": {"Năm {year} bị xếp loại {rating} (yêu cầu: {required}).",
			[]string{"year", "rating", "required"}},
		"missing": {"Hồ sơ chưa có kết quả đánh giá, xếp loại chất lượng năm {year}.",
			[]string{"year"}},
		"conflict": {"Kết quả xếp loại chất lượng năm {year} không thống nhất giữa các tài liệu ({ratings}), cần xác minh lại.",
			[]string{"year", "ratings"}},
		"low_confidence": {"Kết quả xếp loại chất lượng năm {year} ({rating}) được nhận dạng từ bản quét với độ tin cậy thấp, cần đối chiếu với bản gốc.",
			[]string{"year", "rating"}},
		"no_review_date": {"Chưa xác định được ngày chi bộ xét đề nghị kết nạp nên chưa xác định được {n} năm liên tục cần xem xét.",
			[]string{"n"}},
		"not_employed": {"Quần chúng được tuyển dụng, công tác tại cơ quan, đơn vị từ {since} nên chưa đủ {n} năm liên tục ({years}) được đánh giá, xếp loại chất lượng tính đến thời điểm chi bộ xét đề nghị kết nạp.",
			[]string{"since", "n", "years"}},
		"unrated": {"Năm {year}, cơ quan, đơn vị không đánh giá, xếp loại chất lượng đối với quần chúng{reason} nên quần chúng chưa đủ {n} năm liên tục được đánh giá, xếp loại chất lượng tính đến thời điểm chi bộ xét đề nghị kết nạp.",
			[]string{"year", "reason", "n"}},
		"wrong_source": {"Kết quả xếp loại chất lượng năm {year} ({rating}) chỉ được ghi trong {doc}, không phải văn bản đánh giá, xếp loại của cơ quan, đơn vị.",
			[]string{"year", "rating", "doc"}},
	},
	RuleDistinction: {
		"pass": {"Trong các năm {years}, quần chúng có thành tích: {facts}.",
			[]string{"years", "facts"}},
		"fail": {"Trong các năm {years}, quần chúng không có năm nào {required}.",
			[]string{"years", "required"}},
		"not_counted": {"{awards} không được tính là thành tích theo quy định này.",
			[]string{"awards"}},
		"missing": {"Trong các năm đã có kết quả xếp loại, quần chúng chưa có thành tích theo yêu cầu; còn thiếu kết quả xếp loại chất lượng năm {years} để kết luận.",
			[]string{"years"}},
		"low_confidence": {"Chưa xác định chắc chắn được thành tích vì các thông tin sau được nhận dạng từ bản quét với độ tin cậy thấp, cần đối chiếu với bản gốc: {facts}.",
			[]string{"facts"}},
		"conflict": {"Kết quả xếp loại chất lượng năm {year} không thống nhất giữa các tài liệu ({ratings}), chưa xác định được năm này có đạt thành tích hay không.",
			[]string{"year", "ratings"}},
		"unsourced": {"Chưa xác định chắc chắn được thành tích vì các thông tin sau không được ghi trong quyết định khen thưởng, lý lịch hoặc văn bản đánh giá, xếp loại của cơ quan, đơn vị: {facts}.",
			[]string{"facts"}},
		"fact_rating":       {"năm {year} được xếp loại {rating}", []string{"year", "rating"}},
		"fact_commendation": {"năm {year} được tặng {award}{detail}", []string{"year", "award", "detail"}},
		"fact_title":        {"năm {year} đạt danh hiệu {award}{detail}", []string{"year", "award", "detail"}},
		"fact_other":        {"năm {year} được khen thưởng ({award}){detail}", []string{"year", "award", "detail"}},
	},
	RuleAge: {
		"pass": {"Tại thời điểm chi bộ xét đề nghị kết nạp ({date}), quần chúng {age}, trong độ tuổi từ đủ {min} đến đủ {max} (tính theo tháng).",
			[]string{"date", "age", "min", "max"}},
		"under": {"Tại thời điểm chi bộ xét đề nghị kết nạp ({date}), quần chúng mới {age}, chưa đủ {min} (tính theo tháng).",
			[]string{"date", "age", "min"}},
		"over_escalate": {"Tại thời điểm chi bộ xét đề nghị kết nạp ({date}), quần chúng đã {age}, quá {max} (tính theo tháng); việc kết nạp trường hợp này chỉ do cấp uỷ trực thuộc Trung ương xem xét, quyết định.",
			[]string{"date", "age", "max"}},
		"over": {"Tại thời điểm chi bộ xét đề nghị kết nạp ({date}), quần chúng đã {age}, quá {max} (tính theo tháng).",
			[]string{"date", "age", "max"}},
		"no_birth_date":  {"Hồ sơ chưa thể hiện ngày sinh của quần chúng nên chưa xác định được tuổi đời.", nil},
		"birth_conflict": {"Ngày sinh của quần chúng ghi không thống nhất giữa các tài liệu trong hồ sơ, chưa xác định được tuổi đời, cần xác minh lại.", nil},
		"pass_year": {"Quần chúng sinh năm {year}, tại thời điểm chi bộ xét đề nghị kết nạp ({date}) trong độ tuổi từ đủ {min} đến đủ {max} (tính theo tháng).",
			[]string{"year", "date", "min", "max"}},
		"under_year": {"Quần chúng sinh năm {year}, tại thời điểm chi bộ xét đề nghị kết nạp ({date}) chưa đủ {min} (tính theo tháng).",
			[]string{"year", "date", "min"}},
		"over_year": {"Quần chúng sinh năm {year}, tại thời điểm chi bộ xét đề nghị kết nạp ({date}) đã quá {max} (tính theo tháng).",
			[]string{"year", "date", "max"}},
		"over_escalate_year": {"Quần chúng sinh năm {year}, tại thời điểm chi bộ xét đề nghị kết nạp ({date}) đã quá {max} (tính theo tháng); việc kết nạp trường hợp này chỉ do cấp uỷ trực thuộc Trung ương xem xét, quyết định.",
			[]string{"year", "date", "max"}},
		"birth_year_only": {"Hồ sơ chỉ ghi năm sinh của quần chúng ({year}), chưa đủ để xác định tuổi đời tính theo tháng tại thời điểm chi bộ xét đề nghị kết nạp ({date}).",
			[]string{"year", "date"}},
		"birth_wrong_source": {"Ngày sinh của quần chúng ({birth}) chỉ được ghi trong {doc}, chưa được đối chiếu với lý lịch, đơn xin vào Đảng hoặc nghị quyết của chi bộ.",
			[]string{"birth", "doc"}},
		"birth_low_confidence": {"Ngày sinh của quần chúng ({birth}) được nhận dạng từ bản quét với độ tin cậy thấp, cần đối chiếu với bản gốc.",
			[]string{"birth"}},
		"birth_after_review": {"Ngày sinh ghi trong hồ sơ ({birth}) không trước ngày chi bộ xét đề nghị kết nạp ({date}), cần kiểm tra lại.",
			[]string{"birth", "date"}},
		"no_review_date": {"Chưa xác định được ngày chi bộ xét đề nghị kết nạp nên chưa xác định được tuổi đời của quần chúng tại thời điểm xét.", nil},
	},
	RuleCertificate: {
		"pass": {"Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng cấp {issued} còn giá trị tại thời điểm chi bộ xét đề nghị kết nạp (thời hạn {valid} tháng).",
			[]string{"issued", "valid", "date"}},
		"expired": {"Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng cấp {issued} đã hết giá trị tại thời điểm chi bộ xét đề nghị kết nạp ({date}), do đã quá {valid} tháng kể từ ngày cấp.",
			[]string{"issued", "valid", "date"}},
		"after_review": {"Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng cấp {issued}, sau ngày chi bộ xét đề nghị kết nạp ({date}).",
			[]string{"issued", "date"}},
		"missing": {"Hồ sơ chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng ghi rõ ngày cấp.", nil},
		"low_confidence": {"Ngày cấp giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng ({issued}) được nhận dạng từ bản quét với độ tin cậy thấp, cần đối chiếu với bản gốc.",
			[]string{"issued"}},
	},
	RuleEducation: {
		"pass": {"Trình độ giáo dục phổ thông của quần chúng ({education}) đạt yêu cầu tốt nghiệp trung học cơ sở trở lên.",
			[]string{"education"}},
		"fail": {"Trình độ giáo dục phổ thông của quần chúng ({education}) chưa đạt yêu cầu tốt nghiệp trung học cơ sở trở lên.",
			[]string{"education"}},
		"missing": {"Hồ sơ chưa thể hiện trình độ giáo dục phổ thông của quần chúng.", nil},
		"unclear": {"Chưa xác định được trình độ giáo dục phổ thông ghi trong hồ sơ ({education}) có đạt yêu cầu tốt nghiệp trung học cơ sở trở lên hay không.",
			[]string{"education"}},
		"low_confidence": {"Trình độ giáo dục phổ thông của quần chúng ({education}) được nhận dạng từ bản quét với độ tin cậy thấp, cần đối chiếu với bản gốc.",
			[]string{"education"}},
	},
}

// MessageKeys returns the template keys rule id accepts, sorted, for the
// README and for error messages.
func MessageKeys(id string) []string {
	var keys []string
	for k := range ruleMessages[id] {
		keys = append(keys, k)
	}
	for k := range commonMessages {
		if _, ok := ruleMessages[id][k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

func lookupTemplate(rule, key string) (template, bool) {
	if t, ok := ruleMessages[rule][key]; ok {
		return t, true
	}
	t, ok := commonMessages[key]
	return t, ok
}

var placeholder = regexp.MustCompile(`\{([^{}]*)\}`)

// checkTemplate returns the placeholders of text that key does not offer.
func checkTemplate(t template, text string) []string {
	var bad []string
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		ok := false
		for _, v := range t.vars {
			if v == m[1] {
				ok = true
			}
		}
		if !ok {
			bad = append(bad, "{"+m[1]+"}")
		}
	}
	return bad
}

// msg renders template key of rule with vars given as name, value pairs,
// preferring the rule set's own wording.
func (rs *RuleSet) msg(rule, key string, kv ...string) string {
	text := rs.Rules[rule].Messages[key]
	if text == "" {
		t, _ := lookupTemplate(rule, key)
		text = t.text
	}
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

// sentence renders a template as a sentence: the first letter upper case.
func (rs *RuleSet) sentence(rule, key string, kv ...string) string {
	return capitalize(rs.msg(rule, key, kv...))
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// joinVI joins items the Vietnamese way: "a, b và c" (or "hoặc").
func joinVI(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

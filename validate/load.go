package validate

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/vntext"
)

// maxRuleSetSize bounds what Load reads: a rule set is a page of text.
const maxRuleSetSize = 1 << 20

// Load reads a rule set in YAML or JSON and checks it strictly: unknown
// keys, values of the wrong type, unknown rating codes or award kinds,
// inverted bounds, message templates with unknown placeholders. Every
// problem is reported, each with its path, in one *hoso.Error of code
// EINVALID.
func Load(r io.Reader) (*RuleSet, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxRuleSetSize+1))
	if err != nil {
		return nil, hoso.Wrap(err, hoso.EINVALID, "Không đọc được bộ quy tắc", "cannot read the rule set")
	}
	if len(b) > maxRuleSetSize {
		return nil, hoso.Errorf(hoso.EINVALID, "Bộ quy tắc quá lớn (tối đa %d byte)", "rule set too large (at most %d bytes)", maxRuleSetSize)
	}
	return parse(b)
}

// LoadFile reads a rule set from a YAML or JSON file.
func LoadFile(name string) (*RuleSet, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, hoso.Wrap(err, hoso.EINVALID, "Không mở được tệp bộ quy tắc %s", "cannot open rule set file %s", name)
	}
	defer f.Close()
	rs, err := Load(f)
	if e, ok := err.(*hoso.Error); ok && e.Err == nil {
		e.VI = name + ": " + e.VI
		e.EN = name + ": " + e.EN
	}
	return rs, err
}

// problem is one thing wrong with a rule set, in both languages.
type problem struct {
	path, vi, en string
}

type problems struct {
	list []problem
	bad  map[string]bool // paths whose value could not be decoded
}

func (p *problems) add(path, vi, en string, args ...any) {
	p.list = append(p.list, problem{path, fmt.Sprintf(vi, args...), fmt.Sprintf(en, args...)})
}

// reported says whether path, or a value containing it, already has a
// decoding problem, so the semantic checks do not pile on a zero value.
func (p *problems) reported(path string) bool {
	for q := range p.bad {
		if q == "" || path == q || strings.HasPrefix(path, q+".") || strings.HasPrefix(path, q+"[") {
			return true
		}
	}
	return false
}

// reportedUnder says whether some part of the value at path has a
// decoding problem, for checks of a list or mapping as a whole.
func (p *problems) reportedUnder(path string) bool {
	for q := range p.bad {
		if q == path || strings.HasPrefix(q, path+".") || strings.HasPrefix(q, path+"[") {
			return true
		}
	}
	return p.reported(path)
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	var vi, en strings.Builder
	fmt.Fprintf(&vi, "Bộ quy tắc không hợp lệ (%d lỗi):", len(p.list))
	noun := "problems"
	if len(p.list) == 1 {
		noun = "problem"
	}
	fmt.Fprintf(&en, "invalid rule set (%d %s):", len(p.list), noun)
	for _, q := range p.list {
		fmt.Fprintf(&vi, "\n  - %s: %s", q.path, q.vi)
		fmt.Fprintf(&en, "\n  - %s: %s", q.path, q.en)
	}
	return &hoso.Error{Code: hoso.EINVALID, VI: vi.String(), EN: en.String()}
}

func parse(b []byte) (rs *RuleSet, err error) {
	defer func() {
		// A YAML parser bug on hostile input must not take the worker down.
		if r := recover(); r != nil {
			rs, err = nil, hoso.Errorf(hoso.EINVALID, "Không đọc được bộ quy tắc (lỗi bộ phân tích: %v)", "cannot parse the rule set (parser failure: %v)", r)
		}
	}()
	root, err := parseNode(b)
	if err != nil {
		return nil, err
	}
	p := &problems{bad: map[string]bool{}}
	rs = &RuleSet{source: b}
	p.walk(root, reflect.TypeOf(rs).Elem(), "")
	if len(p.list) == 0 {
		if err := root.Decode(rs); err != nil {
			// The walk checks what Decode checks; this is a safety net.
			p.add("(root)", "không giải mã được: %v", "cannot decode: %v", err)
		}
	} else {
		// Decode what can be decoded so the semantic checks still report
		// the problems of the well-typed parts.
		decodeLenient(root, reflect.ValueOf(rs).Elem())
	}
	rs.check(p)
	if err := p.err(); err != nil {
		return nil, err
	}
	return rs, nil
}

// parseNode reads YAML, or JSON (which YAML mostly contains, but not JSON
// indented with tabs), into a node tree with line numbers where YAML has them.
func parseNode(b []byte) (*yaml.Node, error) {
	trimmed := bytes.TrimSpace(b)
	if len(trimmed) == 0 {
		return nil, hoso.Errorf(hoso.EINVALID, "Bộ quy tắc rỗng", "empty rule set")
	}
	var doc yaml.Node
	if trimmed[0] == '{' {
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, hoso.Errorf(hoso.EINVALID, "Bộ quy tắc không phải JSON hợp lệ: %v", "rule set is not valid JSON: %v", err)
		}
		if dec.More() {
			return nil, hoso.Errorf(hoso.EINVALID, "Bộ quy tắc JSON có dữ liệu thừa sau đối tượng chính", "rule set JSON has data after the top-level object")
		}
		if err := doc.Encode(jsonNumbers(v)); err != nil {
			return nil, hoso.Wrap(err, hoso.EINVALID, "Không đọc được bộ quy tắc JSON", "cannot read the rule set JSON")
		}
		return &doc, nil
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, hoso.Errorf(hoso.EINVALID, "Bộ quy tắc không phải YAML hợp lệ: %v", "rule set is not valid YAML: %v", err)
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0], nil
	}
	return nil, hoso.Errorf(hoso.EINVALID, "Bộ quy tắc rỗng", "empty rule set")
}

// jsonNumbers turns json.Number into int64 or float64 so the YAML node
// carries a number tag, not a string.
func jsonNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = jsonNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = jsonNumbers(e)
		}
	}
	return v
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// walk checks node n against Go type t: mappings against struct fields
// (unknown keys), scalars by decoding them alone (wrong types, bad codes).
func (p *problems) walk(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	at := func() string { // the path, with a line number when there is one
		if n.Line > 0 {
			return fmt.Sprintf("%s (dòng/line %d)", orRoot(path), n.Line)
		}
		return orRoot(path)
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) || isScalarKind(t.Kind()) {
		if n.Kind != yaml.ScalarNode {
			p.bad[path] = true
			p.list = append(p.list, problem{at(), "cần một giá trị đơn (" + describeVI(t) + ")", "want a single value (" + describeEN(t) + ")"})
			return
		}
		v := reflect.New(t)
		if err := n.Decode(v.Interface()); err != nil {
			p.bad[path] = true
			p.list = append(p.list, problem{at(), fmt.Sprintf("giá trị %q không hợp lệ, cần %s", n.Value, describeVI(t)),
				fmt.Sprintf("bad value %q, want %s", n.Value, describeEN(t))})
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			p.bad[path] = true
			p.add(at(), "cần một bảng khoá: giá trị (mapping)", "want a mapping")
			return
		}
		fields := map[string]reflect.Type{}
		var names []string
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" || !f.IsExported() {
				continue
			}
			fields[name] = f.Type
			names = append(names, name)
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := join(path, k.Value)
			ft, ok := fields[k.Value]
			switch {
			case !ok:
				p.bad[kp] = true
				p.add(fmt.Sprintf("%s (dòng/line %d)", kp, k.Line), "khoá không được phép; các khoá hợp lệ: %s",
					"unknown key; allowed keys: %s", strings.Join(names, ", "))
			case seen[k.Value]:
				p.bad[kp] = true
				p.add(fmt.Sprintf("%s (dòng/line %d)", kp, k.Line), "khoá bị lặp lại", "duplicate key")
			default:
				seen[k.Value] = true
				p.walk(v, ft, kp)
			}
		}
		// A rule must say whether it is on: a rule written out with its
		// citation but no "enabled" would otherwise be silently off.
		if t == reflect.TypeFor[Rule]() && !seen["enabled"] {
			p.bad[join(path, "enabled")] = true
			p.add(join(path, "enabled")+fmt.Sprintf(" (dòng/line %d)", n.Line), "bắt buộc phải có (true hoặc false)", "required (true or false)")
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			p.bad[path] = true
			p.add(at(), "cần một bảng khoá: giá trị", "want a mapping")
			return
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := join(path, k.Value)
			if seen[k.Value] {
				p.bad[kp] = true
				p.add(fmt.Sprintf("%s (dòng/line %d)", kp, k.Line), "khoá bị lặp lại", "duplicate key")
				continue
			}
			seen[k.Value] = true
			p.walk(v, t.Elem(), kp)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			p.bad[path] = true
			p.add(at(), "cần một danh sách", "want a list")
			return
		}
		for i, e := range n.Content {
			p.walk(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	}
}

// decodeLenient decodes every part of n that decodes on its own into v,
// leaving the others zero, so the semantic checks can still look at them.
func decodeLenient(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	t := v.Type()
	leaf := reflect.PointerTo(t).Implements(textUnmarshaler)
	switch {
	case !leaf && t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, e := n.Content[i], n.Content[i+1]
			for j := range t.NumField() {
				name, _, _ := strings.Cut(t.Field(j).Tag.Get("yaml"), ",")
				if name == k.Value && t.Field(j).IsExported() {
					decodeLenient(e, v.Field(j))
				}
			}
		}
	case !leaf && t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && n.Kind == yaml.MappingNode:
		if v.IsNil() {
			v.Set(reflect.MakeMap(t))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			e := reflect.New(t.Elem()).Elem()
			decodeLenient(n.Content[i+1], e)
			v.SetMapIndex(reflect.ValueOf(n.Content[i].Value).Convert(t.Key()), e)
		}
	case !leaf && t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		s := reflect.MakeSlice(t, 0, len(n.Content))
		for _, c := range n.Content {
			e := reflect.New(t.Elem())
			if c.Decode(e.Interface()) == nil {
				s = reflect.Append(s, e.Elem())
			}
		}
		v.Set(s)
	default:
		tmp := reflect.New(t)
		if n.Decode(tmp.Interface()) == nil {
			v.Set(tmp.Elem())
		}
	}
}

func isScalarKind(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
		return true
	}
	return false
}

func describeVI(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[hoso.Rating]():
		return "mã xếp loại HTXSNV, HTTNV, HTNV hoặc KHTNV"
	case reflect.TypeFor[hoso.Date]():
		return "ngày dạng YYYY-MM-DD"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int64:
		return "số nguyên"
	case reflect.Float64:
		return "số"
	case reflect.Bool:
		return "true hoặc false"
	}
	return "chuỗi ký tự"
}

func describeEN(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[hoso.Rating]():
		return "a rating code HTXSNV, HTTNV, HTNV or KHTNV"
	case reflect.TypeFor[hoso.Date]():
		return "a date YYYY-MM-DD"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int64:
		return "an integer"
	case reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	}
	return "a string"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func orRoot(path string) string {
	if path == "" {
		return "(gốc/root)"
	}
	return path
}

// check reports what is well-typed but wrong: missing fields, values out
// of range, inverted bounds, unknown codes and kinds, unknown rules and
// message keys.
func (rs *RuleSet) check(p *problems) {
	need := func(path string, ok bool) {
		if !ok && !p.reported(path) {
			p.add(path, "bắt buộc phải có", "required")
		}
	}
	need("id", rs.ID != "")
	if strings.ContainsFunc(rs.ID, func(r rune) bool { return r <= ' ' }) {
		p.add("id", "không được chứa khoảng trắng", "must not contain spaces")
	}
	need("title", strings.TrimSpace(rs.Title) != "")
	need("citation", strings.TrimSpace(rs.Citation) != "")
	need("effective.from", !rs.Effective.From.IsZero())
	if !rs.Effective.To.IsZero() && !rs.Effective.From.IsZero() && rs.Effective.To.Before(rs.Effective.From) {
		p.add("effective.to", "ngày hết hiệu lực %s trước ngày có hiệu lực %s", "end %s is before start %s",
			rs.Effective.To, rs.Effective.From)
	}

	if !p.reported("window.years") && (rs.Window.Years < 1 || rs.Window.Years > 10) {
		p.add("window.years", "số năm phải từ 1 đến 10 (đang là %d)", "must be 1 to 10 (is %d)", rs.Window.Years)
	}
	if !p.reported("window.policy") && !slices.Contains(windowPolicies, rs.Window.Policy) {
		p.add("window.policy", "cách tính %q không hợp lệ, cần một trong: %s", "unknown policy %q, want one of: %s",
			rs.Window.Policy, policyList())
	}

	if !p.reportedUnder("ratings.order") {
		seen := map[hoso.Rating]bool{}
		for _, r := range rs.Ratings.Order {
			if seen[r] {
				p.add("ratings.order", "mã %s bị lặp lại", "%s listed twice", r)
			}
			seen[r] = true
		}
		if len(seen) != 4 {
			p.add("ratings.order", "phải liệt kê đủ bốn mã HTXSNV, HTTNV, HTNV, KHTNV, từ cao xuống thấp",
				"must list the four codes HTXSNV, HTTNV, HTNV, KHTNV, best first")
		}
	}
	for _, code := range slices.Sorted(maps.Keys(rs.Ratings.Labels)) {
		label := rs.Ratings.Labels[code]
		if _, err := hoso.ParseRating(code); err != nil {
			p.add("ratings.labels."+code, "mã xếp loại không hợp lệ (cần HTXSNV, HTTNV, HTNV hoặc KHTNV)",
				"unknown rating code (want HTXSNV, HTTNV, HTNV or KHTNV)")
		} else if strings.TrimSpace(label) == "" {
			p.add("ratings.labels."+code, "tên gọi rỗng", "empty label")
		}
	}
	if rs.Enabled(RuleRatings) {
		need("ratings.min", rs.Ratings.Min != hoso.RatingUnknown)
	}

	seenKind := map[hoso.AwardKind]bool{}
	for i, k := range rs.Distinction.AwardKinds {
		path := fmt.Sprintf("distinction.award_kinds[%d]", i)
		switch {
		case !k.Valid():
			p.add(path, "loại khen thưởng %q không hợp lệ, cần một trong: %s", "unknown award kind %q, want one of: %s",
				k, kindList())
		case seenKind[k]:
			p.add(path, "loại khen thưởng %q bị lặp lại", "award kind %q listed twice", k)
		}
		seenKind[k] = true
	}
	for _, kind := range slices.Sorted(maps.Keys(rs.Distinction.AwardLabels)) {
		label := rs.Distinction.AwardLabels[kind]
		if !hoso.AwardKind(kind).Valid() {
			p.add("distinction.award_labels."+kind, "loại khen thưởng không hợp lệ, cần một trong: %s",
				"unknown award kind, want one of: %s", kindList())
		} else if strings.TrimSpace(label) == "" {
			p.add("distinction.award_labels."+kind, "tên gọi rỗng", "empty label")
		}
	}
	if rs.Enabled(RuleDistinction) && rs.Distinction.MinRating == hoso.RatingUnknown &&
		len(rs.Distinction.AwardKinds) == 0 && !p.reported("distinction") {
		p.add("distinction", "cần min_rating hoặc award_kinds: không có gì được tính là thành tích",
			"needs min_rating or award_kinds: nothing would count as a distinction")
	}

	if !p.reported("age.min_months") && !p.reported("age.max_months") {
		switch {
		case rs.Age.MinMonths < 0:
			p.add("age.min_months", "không được âm", "must not be negative")
		case rs.Age.MaxMonths > 1200:
			p.add("age.max_months", "quá lớn (%d tháng)", "too large (%d months)", rs.Age.MaxMonths)
		case rs.Enabled(RuleAge) && rs.Age.MaxMonths <= rs.Age.MinMonths:
			p.add("age", "giới hạn trên max_months (%d) phải lớn hơn giới hạn dưới min_months (%d)",
				"max_months (%d) must be greater than min_months (%d)", rs.Age.MaxMonths, rs.Age.MinMonths)
		}
	}
	if rs.Age.AboveMax != "" && rs.Age.AboveMax != AboveMaxEscalate && rs.Age.AboveMax != AboveMaxFail {
		p.add("age.above_max", "giá trị %q không hợp lệ, cần escalate hoặc fail", "unknown value %q, want escalate or fail",
			rs.Age.AboveMax)
	}
	if rs.Enabled(RuleCertificate) && !p.reported("certificate.valid_months") && rs.Certificate.ValidMonths <= 0 {
		p.add("certificate.valid_months", "phải là số tháng dương khi quy tắc certificate được bật",
			"must be a positive number of months when the certificate rule is enabled")
	}
	for _, sys := range slices.Sorted(maps.Keys(rs.Education.MinGrade)) {
		g := rs.Education.MinGrade[sys]
		n, err := strconv.Atoi(sys)
		if err != nil || n < 5 || n > 12 {
			p.add("education.min_grade."+sys, "hệ phổ thông phải là số năm từ 5 đến 12", "the school system must be 5 to 12 years")
		} else if g < 1 || g > n {
			p.add("education.min_grade."+sys, "lớp %d không có trong hệ %d năm", "grade %d does not exist in a %d-year system", g, n)
		}
	}
	if rs.Enabled(RuleEducation) && len(rs.Education.MinGrade) == 0 && len(rs.Education.Accept) == 0 && !p.reported("education") {
		p.add("education", "cần min_grade hoặc accept khi quy tắc education được bật",
			"needs min_grade or accept when the education rule is enabled")
	}

	for _, key := range slices.Sorted(maps.Keys(rs.Sources)) {
		path := "sources." + key
		if !slices.Contains(sourceKeys, key) {
			p.add(path, "loại thông tin không hợp lệ, cần một trong: %s", "unknown fact kind, want one of: %s",
				strings.Join(sourceKeys, ", "))
			continue
		}
		if len(rs.Sources[key]) == 0 && !p.reportedUnder(path) {
			p.add(path, "cần ít nhất một loại tài liệu", "needs at least one document kind")
		}
		for i, k := range rs.Sources[key] {
			if !k.Valid() && !p.reported(fmt.Sprintf("%s[%d]", path, i)) {
				p.add(fmt.Sprintf("%s[%d]", path, i), "loại tài liệu %q không hợp lệ, cần một trong: %s",
					"unknown document kind %q, want one of: %s", k, docKindList())
			}
		}
	}
	for i, t := range rs.Distinction.OtherTitles {
		if strings.TrimSpace(vntext.Bare(t)) == "" {
			p.add(fmt.Sprintf("distinction.other_titles[%d]", i), "cụm từ rỗng", "empty phrase")
		}
	}

	if !p.reported("min_confidence") && (rs.MinConfidence < 0 || rs.MinConfidence > 1) {
		p.add("min_confidence", "phải từ 0 đến 1 (đang là %g)", "must be between 0 and 1 (is %g)", rs.MinConfidence)
	}

	ids := slices.Sorted(maps.Keys(rs.Rules))
	enabled := 0
	for _, id := range ids {
		r := rs.Rules[id]
		path := "rules." + id
		if _, ok := ruleMessages[id]; !ok {
			p.add(path, "không có quy tắc này; các quy tắc: %s", "no such rule; rules are: %s", ruleList())
			continue
		}
		if r.Enabled {
			enabled++
			if strings.TrimSpace(r.Citation) == "" && !p.reported(path+".citation") {
				p.add(path+".citation", "quy tắc đã bật phải ghi căn cứ (trích dẫn văn bản)", "an enabled rule needs a citation")
			}
		}
		for i, c := range r.Citations {
			cp := fmt.Sprintf("%s.citations[%d]", path, i)
			if c.From.IsZero() && !p.reported(cp+".from") {
				p.add(cp+".from", "bắt buộc phải có", "required")
			}
			if strings.TrimSpace(c.Citation) == "" && !p.reported(cp+".citation") {
				p.add(cp+".citation", "bắt buộc phải có", "required")
			}
			if !c.To.IsZero() && c.To.Before(c.From) {
				p.add(cp+".to", "ngày kết thúc %s trước ngày bắt đầu %s", "end %s is before start %s", c.To, c.From)
			}
		}
		keys := slices.Sorted(maps.Keys(r.Messages))
		for _, key := range keys {
			t, ok := lookupTemplate(id, key)
			if !ok {
				p.add(path+".messages."+key, "không có mẫu câu này; các mẫu: %s", "no such message; messages are: %s",
					strings.Join(MessageKeys(id), ", "))
				continue
			}
			if bad := checkTemplate(t, r.Messages[key]); len(bad) > 0 {
				p.add(path+".messages."+key, "chỗ trống không hợp lệ %s; được dùng: %s", "unknown placeholders %s; allowed: %s",
					strings.Join(bad, " "), varList(t))
			}
		}
	}
	if enabled == 0 && !p.reportedUnder("rules") {
		p.add("rules", "phải bật ít nhất một quy tắc", "at least one rule must be enabled")
	}
}

func policyList() string {
	s := make([]string, len(windowPolicies))
	for i, w := range windowPolicies {
		s[i] = string(w)
	}
	return strings.Join(s, ", ")
}

func kindList() string {
	s := make([]string, len(hoso.AwardKinds))
	for i, k := range hoso.AwardKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func docKindList() string {
	ks := hoso.DocKinds()
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func ruleList() string { return strings.Join(ruleOrder[:], ", ") }

func varList(t template) string {
	if len(t.vars) == 0 {
		return "(không có/none)"
	}
	s := make([]string, len(t.vars))
	for i, v := range t.vars {
		s[i] = "{" + v + "}"
	}
	return strings.Join(s, " ")
}

package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
)

func TestKindOf(t *testing.T) {
	tests := []struct {
		name string
		rec  *hoso.Record
		want hoso.LetterKind
		ok   bool
	}{
		{"eligible", eligibleRecord(), hoso.LetterEligible, true},
		{"ineligible", ineligibleRecord(), hoso.LetterIneligible, true},
		{"incomplete", incompleteRecord(), hoso.LetterIncomplete, true},
		{"escalate when all else passes", escalateRecord(), hoso.LetterEscalate, true},
		{"past 60 with another failure: returned, not escalated", func() *hoso.Record {
			r := escalateRecord()
			r.Rules = append(r.Rules, hoso.RuleOutcome{ID: "ratings", Outcome: hoso.OutcomeFail, Message: "Năm 2017 chỉ được xếp loại hoàn thành nhiệm vụ."})
			return r
		}(), hoso.LetterIneligible, true},
		{"rejected", func() *hoso.Record {
			r := eligibleRecord()
			r.Reject(hoso.ErrNotDossier)
			return r
		}(), "", false},
		{"not validated", baseRecord(), "", false},
		{"nil", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := KindOf(tt.rec)
			if got != tt.want || ok != tt.ok {
				t.Errorf("KindOf = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDOCXErrors(t *testing.T) {
	rejected := eligibleRecord()
	rejected.Reject(hoso.ErrUnreadable)
	badIssuer := DefaultIssuer()
	badIssuer.Signer.Name = ""
	register := DefaultIssuer()
	register.Number.Mode = NumberRegister
	tests := []struct {
		name string
		rec  *hoso.Record
		iss  *Issuer
		date hoso.Date
	}{
		{"rejected record", rejected, DefaultIssuer(), letterDate},
		{"nil record", nil, DefaultIssuer(), letterDate},
		{"nil issuer", eligibleRecord(), nil, letterDate},
		{"invalid issuer", eligibleRecord(), badIssuer, letterDate},
		{"register without a number", eligibleRecord(), register, letterDate},
		{"impossible date", eligibleRecord(), DefaultIssuer(), hoso.Date{Year: 2019, Month: 2, Day: 30}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DOCX(tt.rec, tt.iss, tt.date)
			var he *hoso.Error
			if !errors.As(err, &he) || he.Code != hoso.EINVALID || he.VI == "" || he.EN == "" {
				t.Fatalf("want an EINVALID *hoso.Error with both messages, got %#v", err)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range fixtures() {
		a, err := DOCX(f.rec(), f.iss(), letterDate)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := DOCX(f.rec(), f.iss(), letterDate)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", f.name)
		}
	}
}

// TestWellFormed parses every XML part of every golden letter.
func TestWellFormed(t *testing.T) {
	for _, f := range fixtures() {
		b, err := os.ReadFile(filepath.Join("testdata", "letter-"+f.name+".docx"))
		if err != nil {
			t.Fatal(err)
		}
		ps := parts(t, b)
		for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml",
			"word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml"} {
			if _, ok := ps[need]; !ok {
				t.Errorf("%s: part %s missing", f.name, need)
			}
		}
		for name, data := range ps {
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("%s %s: %v", f.name, name, err)
					break
				}
			}
		}
	}
}

// paragraph is the part of a w:p the assertions need.
type paragraph struct {
	text string
	jc   string
	ind  string // firstLine
	runs []runProps
}

type runProps struct {
	text    string
	sz      string
	b, i, u bool
}

// paragraphs reads document.xml into paragraphs, with just enough of a
// decoder to check formatting.
func paragraphs(t *testing.T, doc []byte) []paragraph {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var out []paragraph
	var p *paragraph
	var r *runProps
	inT := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			attr := func(n string) string {
				for _, a := range e.Attr {
					if a.Name.Local == n {
						return a.Value
					}
				}
				return ""
			}
			switch e.Name.Local {
			case "p":
				out = append(out, paragraph{})
				p = &out[len(out)-1]
			case "jc":
				if p != nil && r == nil {
					p.jc = attr("val")
				}
			case "ind":
				if p != nil {
					p.ind = attr("firstLine")
				}
			case "r":
				if p != nil {
					p.runs = append(p.runs, runProps{})
					r = &p.runs[len(p.runs)-1]
				}
			case "sz":
				if r != nil {
					r.sz = attr("val")
				}
			case "b":
				if r != nil {
					r.b = true
				}
			case "i":
				if r != nil {
					r.i = true
				}
			case "u":
				if r != nil {
					r.u = attr("val") == "single"
				}
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "r":
				r = nil
			case "p":
				p = nil
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT && r != nil {
				r.text += string(e)
				p.text += string(e)
			}
		}
	}
}

func findPara(ps []paragraph, prefix string) (paragraph, bool) {
	for _, p := range ps {
		if strings.HasPrefix(p.text, prefix) {
			return p, true
		}
	}
	return paragraph{}, false
}

// TestStructure checks word/document.xml against the element table of
// HD 36-HD/VPTW (Party) and NĐ 30/2020 (State).
func TestStructure(t *testing.T) {
	type want struct {
		prefix  string
		sz      string
		b, i, u bool
		jc      string
	}
	party := []want{
		{"ĐẢNG UỶ CÁC CƠ QUAN TỈNH", "28", false, false, false, "center"},
		{"BAN TỔ CHỨC", "28", true, false, false, "center"},
		{"*", "28", false, false, false, "center"},
		{"Số \u00a0", "28", false, false, false, "center"},
		{"Về ", "24", false, true, false, "center"},
		{"ĐẢNG CỘNG SẢN VIỆT NAM", "30", true, false, false, "center"},
		{"Hà Nội, ngày 03 tháng 10 năm 2019", "28", false, true, false, "center"},
		{"Nơi nhận:", "28", false, false, true, "left"},
		{"- Như Kính gửi,", "24", false, false, false, "left"},
		{"K/T TRƯỞNG BAN", "28", true, false, false, "center"},
		{"PHÓ TRƯỞNG BAN", "28", false, false, false, "center"},
		{"Nguyễn Quang Hùng", "28", true, false, false, "center"},
	}
	state := []want{
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "24", true, false, false, "center"},
		{"Độc lập - Tự do - Hạnh phúc", "26", true, false, false, "center"},
		{"Số: 05/SNV", "26", false, false, false, "center"}, // "-TCCB" follows as a non-breaking hyphen
		{"V/v hồ sơ", "24", false, false, false, "center"},
		{"Nơi nhận:", "24", true, true, false, "left"},
		{"- Như trên;", "22", false, false, false, "left"},
		{"KT. GIÁM ĐỐC", "28", true, false, false, "center"},
		{"PHÓ GIÁM ĐỐC", "28", true, false, false, "center"},
	}
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			b, err := DOCX(f.rec(), f.iss(), letterDate)
			if err != nil {
				t.Fatal(err)
			}
			ps := parts(t, b)
			doc := string(ps["word/document.xml"])
			for _, s := range []string{
				`<w:pgSz w:w="11906" w:h="16838"/>`,
				`<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`,
				`<w:titlePg/>`, `<w:headerReference w:type="first"`, `<w:headerReference w:type="default"`,
			} {
				if !strings.Contains(doc, s) {
					t.Errorf("document.xml lacks %s", s)
				}
			}
			fonts := regexp.MustCompile(`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>`)
			if n, runs := len(fonts.FindAllString(doc, -1)), strings.Count(doc, "<w:rPr>"); n != runs {
				t.Errorf("%d of %d run properties declare Times New Roman for all four scripts", n, runs)
			}
			if !fonts.MatchString(string(ps["word/styles.xml"])) {
				t.Error("styles.xml docDefaults lack Times New Roman")
			}
			if !strings.Contains(string(ps["word/header1.xml"]), "PAGE") || strings.Contains(string(ps["word/header2.xml"]), "PAGE") {
				t.Error("want the PAGE field in the default header and not on page 1")
			}
			if !strings.Contains(doc, `<w:tblBorders><w:top w:val="nil"/>`) {
				t.Error("header table has borders")
			}
			if n := strings.Count(doc, "<w:pBdr>"); (f.name == "state" && n != 2) || (f.name != "state" && n != 1) {
				t.Errorf("%d ruled paragraphs", n)
			}

			pars := paragraphs(t, ps["word/document.xml"])
			wants := party
			if f.name == "state" {
				wants = state
			}
			for _, w := range wants {
				p, ok := findPara(pars, w.prefix)
				if !ok {
					t.Errorf("no paragraph %q", w.prefix)
					continue
				}
				r := p.runs[0]
				if r.sz != w.sz || r.b != w.b || r.i != w.i || r.u != w.u || p.jc != w.jc {
					t.Errorf("%q: sz %s b %v i %v u %v jc %s; want sz %s b %v i %v u %v jc %s",
						w.prefix, r.sz, r.b, r.i, r.u, p.jc, w.sz, w.b, w.i, w.u, w.jc)
				}
			}
			// Body: 14 pt, justified, first-line indent ~1 cm, spacing ≥ 6 pt, ends "./.".
			var body []paragraph
			for _, p := range pars {
				if p.jc == "both" {
					body = append(body, p)
				}
			}
			if len(body) < 3 {
				t.Fatalf("%d justified body paragraphs", len(body))
			}
			for _, p := range body {
				if p.runs[0].sz != "28" || p.ind != "567" {
					t.Errorf("body paragraph sz %s firstLine %s: %.40q", p.runs[0].sz, p.ind, p.text)
				}
			}
			if !strings.HasSuffix(body[len(body)-1].text, "./.") {
				t.Errorf("last body paragraph does not end with ./.: %q", body[len(body)-1].text)
			}
			if !strings.Contains(doc, `w:after="120" w:line="276"`) {
				t.Error("body paragraphs lack 6 pt spacing")
			}
			if _, ok := findPara(pars, "Kính gửi:"); !ok {
				t.Error("no Kính gửi")
			}
		})
	}
}

// TestLetterText checks the wording each kind must carry.
func TestLetterText(t *testing.T) {
	tests := []struct {
		name string
		rec  *hoso.Record
		want []string
		not  []string
	}{
		{"eligible", eligibleRecord(), []string{
			"quần chúng Nguyễn Thị Hoà, chuyên viên Phòng Quản lý ngân sách, Sở Tài chính",
			"Căn cứ Quy định số 29-QĐ/TW ngày 25/7/2016 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng, điểm 1.1 và Công văn số 52-CV/BTCĐU",
			"Trong 3 năm liên tiếp (2016, 2017, 2018)",
			"năm 2016 hoàn thành tốt nhiệm vụ; năm 2017 hoàn thành xuất sắc nhiệm vụ; năm 2018 hoàn thành tốt nhiệm vụ",
			"năm 2017 được tặng Giấy khen của Giám đốc Sở Tài chính (Quyết định số 123/QĐ-STC ngày 15/12/2017)",
			"đáp ứng tiêu chuẩn về kết quả đánh giá, xếp loại chất lượng, thành tích và tuổi đời theo Quy định số 29-QĐ/TW và Công văn số 52-CV/BTCĐU.",
			"Các điều kiện khác (lý lịch, lịch sử chính trị, trình độ học vấn, giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng, người giới thiệu) do cấp uỷ cơ sở thẩm tra, xác nhận",
			"chuyển hồ sơ để Ban Thường vụ Đảng uỷ xem xét, quyết định theo thẩm quyền./.",
		}, []string{"2015", "đảm bảo tiêu chuẩn, điều kiện theo quy định tại"}},
		{"ineligible: not yet three rated years", ineligibleRecord(), []string{
			"chưa đáp ứng tiêu chuẩn, điều kiện theo quy định, cụ thể:",
			"- Quần chúng được tuyển dụng, công tác tại cơ quan, đơn vị từ tháng 3 năm 2017 nên chưa đủ ba năm liên tục (2016, 2017 và 2018) được đánh giá, xếp loại chất lượng",
			"trả lại hồ sơ để chi bộ",
		}, []string{"Quần chúng đủ 18 tuổi", "năm 2016 của", "bổ sung"}},
		{"incomplete", incompleteRecord(), []string{
			"còn thiếu các tài liệu sau:",
			"- Bản nhận xét, đánh giá, xếp loại chất lượng năm 2018;",
			"- Quyết định khen thưởng năm 2017.",
			"bổ sung đầy đủ các tài liệu nêu trên",
		}, []string{"ngày sinh", "- bản", "- quyết"}},
		{"incomplete, one document", func() *hoso.Record {
			r := baseRecord()
			r.Appraisals = r.Appraisals[:2]
			return judged(r)
		}(), []string{"còn thiếu tài liệu sau:", "- Bản nhận xét, đánh giá, xếp loại chất lượng năm 2018.", "bổ sung đầy đủ tài liệu nêu trên"},
			[]string{"các tài liệu"}},
		{"escalate", escalateRecord(), []string{
			"quá 60 tuổi (tính theo tháng); việc kết nạp trường hợp này chỉ do cấp uỷ trực thuộc Trung ương xem xét, quyết định.",
			"báo cáo Ban Thường vụ Đảng uỷ để đề nghị cấp uỷ có thẩm quyền",
		}, []string{"trả lại hồ sơ", "Theo quy định, việc kết nạp"}},
		{"past 60 and a rating missing: returned with every reason", func() *hoso.Record {
			r := escalateRecord()
			r.Appraisals = r.Appraisals[:2]
			r.Verdict = ""
			return judged(r)
		}(), []string{
			"chưa đáp ứng tiêu chuẩn, điều kiện theo quy định, cụ thể:",
			"- Tại thời điểm chi bộ xét đề nghị kết nạp (ngày 27 tháng 9 năm 2019), quần chúng đã 61 tuổi 6 tháng, quá 60 tuổi (tính theo tháng);",
			"- Hồ sơ chưa có kết quả đánh giá, xếp loại chất lượng năm 2018.",
		}, []string{"trực thuộc Trung ương", "báo cáo Ban Thường vụ"}},
		{"review date before 52-CV: the letter says which criteria and why", func() *hoso.Record {
			r := baseRecord()
			r.ReviewDate = hoso.Date{Year: 2019, Month: time.May, Day: 20}
			return judged(r)
		}(), []string{"Ngày chi bộ xét đề nghị kết nạp (ngày 20 tháng 5 năm 2019) trước thời điểm áp dụng tiêu chuẩn tại Công văn số 52-CV/BTCĐU"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, _ := KindOf(tt.rec)
			l := compose(tt.rec, DefaultIssuer(), kind)
			text := strings.Join(l.body, "\n")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("letter lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("letter should not say %q", w)
				}
			}
			if strings.Count(text, "./.") != 1 || !strings.HasSuffix(text, "./.") {
				t.Errorf("want exactly one ./. at the end")
			}
			if n := strings.Count(text, "- bản nhận xét, đánh giá, xếp loại năm 2018"); n > 1 {
				t.Errorf("a missing document is listed %d times", n)
			}
		})
	}
}

func TestBasisWithoutIssuerBasis(t *testing.T) {
	iss := DefaultIssuer()
	iss.Basis = ""
	rec := eligibleRecord()
	rec.Rules = []hoso.RuleOutcome{
		{ID: "age", Outcome: hoso.OutcomePass, Citation: "Điều lệ Đảng, Điều 1 khoản 2 (đủ 18 tuổi đến đủ 60 tuổi)"},
		{ID: "ratings", Outcome: hoso.OutcomePass, Citation: "Công văn số 52-CV/BTCĐU, điểm (2)"},
		{ID: "distinction", Outcome: hoso.OutcomePass, Citation: "Công văn số 52-CV/BTCĐU, điểm (2)"},
	}
	got := strings.Join(basesOf(rec, iss), "; ")
	if want := "Điều lệ Đảng, Điều 1 khoản 2; Công văn số 52-CV/BTCĐU, điểm (2)"; got != want {
		t.Errorf("basesOf = %q, want %q", got, want)
	}
	if s := short("Công văn số 52-CV/BTCĐU năm 2019 của Ban Tổ chức"); s != "Công văn số 52-CV/BTCĐU" {
		t.Errorf("short = %q", s)
	}
	// With the issuer's basis, the citations of the same instrument give
	// way to its wording, the others stay.
	got = strings.Join(basesOf(rec, DefaultIssuer()), "; ")
	if want := "Điều lệ Đảng, Điều 1 khoản 2; " + DefaultIssuer().Basis; got != want {
		t.Errorf("basesOf with basis = %q, want %q", got, want)
	}
}

func TestDateLine(t *testing.T) {
	for _, tt := range []struct {
		d    hoso.Date
		want string
	}{
		{hoso.Date{Year: 2019, Month: 4, Day: 3}, "Hà Nội, ngày 03 tháng 4 năm 2019"},
		{hoso.Date{Year: 2018, Month: 2, Day: 20}, "Hà Nội, ngày 20 tháng 02 năm 2018"},
		{hoso.Date{}, "Hà Nội, ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0năm\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"},
	} {
		if got := dateLine("Hà Nội", tt.d); got != tt.want {
			t.Errorf("dateLine(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDefaultIssuerMatchesFile(t *testing.T) {
	iss, err := LoadIssuer(filepath.Join("issuers", "btcdu.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(iss, DefaultIssuer()) {
		t.Errorf("issuers/btcdu.yaml and DefaultIssuer differ:\n%+v\n%+v", iss, DefaultIssuer())
	}
	if err := DefaultIssuer().Validate(); err != nil {
		t.Error(err)
	}
}

func TestParseIssuer(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("issuers", "btcdu.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, from, to string
		errPart        string // in the English message; "" means valid
	}{
		{"as shipped", "", "", ""},
		{"state profile", "profile: party", "profile: state", ""},
		{"unknown profile", "profile: party", "profile: chinh-phu", "profile must be party or state"},
		{"misspelt key", "place:", "plac:", "not valid YAML/JSON"},
		{"lower-case name", "name: BAN TỔ CHỨC", "name: Ban Tổ chức", "must be in capitals"},
		{"no signer name", "name: Nguyễn Quang Hùng", "name: \"\"", "missing field signer.name"},
		{"bad margin", "left: 30", "left: 3", "margin margins_mm.left"},
		{"bad number mode", "mode: blank", "mode: auto", "number.mode must be blank or register"},
		{"slash in abbreviation", "abbreviation: BTCĐU", "abbreviation: BTC/ĐU", "no spaces or"},
		{"hyphen in a party abbreviation", "abbreviation: BTCĐU", "abbreviation: BTC-ĐU", "only the state profile"},
		{"empty", "", "", "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := string(base)
			if tt.from != "" {
				if !strings.Contains(src, tt.from) {
					t.Fatalf("fixture lacks %q", tt.from)
				}
				src = strings.Replace(src, tt.from, tt.to, 1)
			}
			if tt.name == "empty" {
				src = "# nothing\n"
			}
			iss, err := ParseIssuer([]byte(src), "test.yaml")
			if tt.errPart == "" {
				if err != nil {
					t.Fatal(err)
				}
				if iss.Margins.Left != 30 {
					t.Errorf("margins not read: %+v", iss.Margins)
				}
				return
			}
			var he *hoso.Error
			if !errors.As(err, &he) || he.Code != hoso.EINVALID || !strings.Contains(err.Error(), tt.errPart) || he.VI == "" {
				t.Fatalf("want EINVALID mentioning %q, got %v", tt.errPart, err)
			}
		})
	}
	// JSON is YAML too: a profile may be written either way.
	js := `{"superior":"ĐẢNG UỶ X","name":"BAN TỔ CHỨC","abbreviation":"BTCĐU","full_name":"Ban Tổ chức Đảng uỷ X",
	"standing_committee":"Ban Thường vụ Đảng uỷ","place":"Huế","signer":{"title":"TRƯỞNG BAN","name":"A"},
	"recipients":["Chi bộ {unit}"],"copies":["Lưu."]}`
	iss, err := ParseIssuer([]byte(js), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if iss.Profile != ProfileParty || iss.Margins.Top != 20 || iss.Number.Mode != NumberBlank || iss.ShortName != iss.FullName {
		t.Errorf("defaults not applied: %+v", iss)
	}
}

func TestLoadIssuerMissing(t *testing.T) {
	_, err := LoadIssuer(filepath.Join(t.TempDir(), "none.yaml"))
	if hoso.Code(err) != hoso.EINVALID {
		t.Fatalf("want EINVALID, got %v", err)
	}
}

func TestNumber(t *testing.T) {
	iss := DefaultIssuer()
	if got, _ := iss.number(); got != "Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-CV/BTCĐU" {
		t.Errorf("blank number = %q", got)
	}
	iss.Number = NumberPolicy{Mode: NumberRegister, Type: "CV", Value: 52}
	if got, _ := iss.number(); got != "Số 52-CV/BTCĐU" {
		t.Errorf("party number = %q", got)
	}
	iss.Number.Value = 7
	if got, _ := iss.number(); got != "Số 07-CV/BTCĐU" {
		t.Errorf("number below 10 = %q", got)
	}
	iss.Profile = ProfileState
	iss.Abbreviation = "SNV"
	if got, _ := iss.number(); got != "Số: 07/SNV" {
		t.Errorf("state number = %q", got)
	}
	// NĐ 30: a công văn's symbol carries the drafting unit.
	iss.Abbreviation = "SNV-TCCB"
	iss.Number.Value = 5
	if err := iss.Validate(); err != nil {
		t.Fatal(err)
	}
	if got, _ := iss.number(); got != "Số: 05/SNV-TCCB" {
		t.Errorf("state number with drafting unit = %q", got)
	}
}

func BenchmarkDOCX(b *testing.B) {
	rec, iss := eligibleRecord(), DefaultIssuer()
	for b.Loop() {
		if _, err := DOCX(rec, iss, letterDate); err != nil {
			b.Fatal(err)
		}
	}
	// The target is under 1 ms per letter on one core (go test -cpu 1).
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/letter")
}

// FuzzDOCX feeds arbitrary names, units and rule messages: the letter must
// always be a zip of well-formed XML parts, never a panic.
func FuzzDOCX(f *testing.F) {
	f.Add("Nguyễn Thị Hoà", "Sở Tài chính", "Năm 2017 chỉ được xếp loại hoàn thành nhiệm vụ.", "bản nhận xét năm 2018")
	f.Add("<b>&\x00\x01", "\n\t\r", "]]>", "\uFFFE\u0301")
	f.Add("", "", "", "")
	f.Fuzz(func(t *testing.T, name, unit, msg, missing string) {
		for _, rec := range []*hoso.Record{ineligibleRecord(), incompleteRecord(), eligibleRecord(), escalateRecord()} {
			rec.Candidate.FullName, rec.Candidate.Unit = name, unit
			rec.Rules[0].Message = msg
			rec.Rules[0].Missing = []string{missing}
			b, err := DOCX(rec, DefaultIssuer(), letterDate)
			if err != nil {
				t.Fatal(err)
			}
			for pname, data := range parts(t, b) {
				d := xml.NewDecoder(bytes.NewReader(data))
				for {
					_, err := d.Token()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("%s: %v", pname, err)
					}
				}
			}
		}
	})
}

// TestAddresseeAndReview: the Kính gửi is the dossier's, else the
// profile's table's, else blank with a review reason in the record; a
// garbled unit is left out and named in the review.
func TestAddresseeAndReview(t *testing.T) {
	table := DefaultIssuer()
	table.Addressees = []Origin{{Origin: "Kho bạc Nhà nước Hà Tĩnh", Addressee: "Đảng uỷ Kho bạc Nhà nước Hà Tĩnh"},
		{Origin: "Sở Tài chính", Addressee: "Đảng uỷ Sở Tài chính (theo bảng)"}}
	tests := []struct {
		name    string
		edit    func(*hoso.Record)
		iss     *Issuer
		kinhGui string
		review  string // substring of a review reason; "" for none
		absent  string // must not be in the letter
	}{
		{"from the dossier", func(*hoso.Record) {}, table, "Đảng uỷ Sở Tài chính", "", ""},
		{"from the profile's table", func(r *hoso.Record) {
			r.Addressee = nil
			r.Candidate.Unit = "Phòng Kế toán, Kho bạc Nhà nước Hà Tĩnh"
		}, table, "Đảng uỷ Kho bạc Nhà nước Hà Tĩnh", "", ""},
		{"neither", func(r *hoso.Record) { r.Addressee = nil }, DefaultIssuer(), blank, "Chưa xác định được cấp uỷ nhận công văn", ""},
		{"garbled addressee", func(r *hoso.Record) { r.Addressee.Name = "Đảng uỷ Công ty Cố phần Xây dựng" }, DefaultIssuer(), blank, "Cố phần", "Cố phần"},
		{"garbled unit", func(r *hoso.Record) { r.Candidate.Unit = "UBÑND tỉnh" }, DefaultIssuer(), "Đảng uỷ Sở Tài chính", "UBÑND", "UBÑND"},
		{"unit cut before its last word", func(r *hoso.Record) { r.Candidate.Unit = "Sở Giáo dục và" }, DefaultIssuer(), "Đảng uỷ Sở Tài chính", "cắt giữa chừng", "Sở Giáo dục và"},
		{"name read with low confidence", func(r *hoso.Record) {
			e := r.Candidate.Evidence["full_name"]
			e.Confidence = 0.6
			r.Candidate.Evidence["full_name"] = e
		}, DefaultIssuer(), "Đảng uỷ Sở Tài chính", "độ tin cậy thấp", "Nguyễn Thị Hoà"},
		{"award issuer garbled", func(r *hoso.Record) { r.Awards[1].Issuer = "Giám đốc Sở Tài chinhh" }, DefaultIssuer(), "Đảng uỷ Sở Tài chính", "chinhh", "chinhh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := baseRecord()
			tt.edit(rec)
			judged(rec)
			kind, _ := KindOf(rec)
			l := compose(rec, tt.iss, kind)
			if len(l.recipients) != 1 || l.recipients[0] != tt.kinhGui {
				t.Errorf("Kính gửi %q, want %q", l.recipients, tt.kinhGui)
			}
			if _, err := DOCX(rec, tt.iss, letterDate); err != nil {
				t.Fatal(err)
			}
			rv := strings.Join(rec.Review(), "\n")
			if (tt.review == "") != (rv == "") || !strings.Contains(rv, tt.review) {
				t.Errorf("review %q, want one with %q", rv, tt.review)
			}
			if tt.absent != "" && strings.Contains(strings.Join(l.body, " ")+strings.Join(l.recipients, " "), tt.absent) {
				t.Errorf("letter prints %q", tt.absent)
			}
			if n := len(rec.Review()); n > 0 {
				DOCX(rec, tt.iss, letterDate)
				if len(rec.Review()) != n {
					t.Error("rendering twice adds the review reasons twice")
				}
			}
		})
	}
}

func TestDecisionText(t *testing.T) {
	for in, want := range map[string]string{
		"Quyết định số 12/QĐ-STC ngày 10/12/2018": "Quyết định số 12/QĐ-STC ngày 10/12/2018",
		"QĐ số 12/QĐ-STC ngày 10/12/2018":         "Quyết định số 12/QĐ-STC ngày 10/12/2018",
		"QĐ 12/QĐ-STC":                            "Quyết định số 12/QĐ-STC",
		"số 12/QĐ-STC.":                           "Quyết định số 12/QĐ-STC",
		"":                                        "",
	} {
		if got := decisionText(in); got != want {
			t.Errorf("decisionText(%q) = %q, want %q", in, got, want)
		}
	}
}

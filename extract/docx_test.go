package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
	"golang.org/x/text/unicode/norm"
)

// blockList renders blocks as "ID|text" lines for comparison.
func blockList(bs []Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.ID + "|" + b.Text
	}
	return out
}

func TestDOCXConstructs(t *testing.T) {
	textBox := `<w:p><w:r><w:t xml:space="preserve">Trước hộp </w:t></w:r><w:r><mc:AlternateContent>` +
		`<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>` + para("Hộp chữ: Đảng viên") +
		`</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + para("Hộp chữ: Đảng viên") +
		`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
		`<w:r><w:t>sau hộp</w:t></w:r></w:p>`
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"runs split mid-word", `<w:p><w:r><w:t>Nguy</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/>` +
			`<w:r><w:t xml:space="preserve">ễn Thị </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Hư</w:t></w:r><w:bookmarkEnd w:id="0"/>` +
			`<w:r><w:rPr><w:b/></w:rPr><w:t>ơng</w:t></w:r></w:p>`,
			[]string{"p1|Nguyễn Thị Hương"}},
		{"tab break cr hyphen", `<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>` +
			`<w:r><w:t>Năm</w:t><w:tab/><w:t>2018</w:t><w:br/><w:t>dòng</w:t><w:cr/><w:t>Lê</w:t><w:noBreakHyphen/><w:t>Hoa</w:t></w:r></w:p>`,
			[]string{"p1|Năm\t2018\ndòng\nLê-Hoa"}},
		{"tracked changes", `<w:p><w:r><w:t xml:space="preserve">Đạt </w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>Lao động tiên tiến</w:delText></w:r></w:del>` +
			`<w:ins w:id="2" w:author="a"><w:r><w:t>Chiến sĩ thi đua cơ sở</w:t></w:r></w:ins>` +
			`<w:moveFrom w:id="3" w:author="a"><w:r><w:t> cũ</w:t></w:r></w:moveFrom></w:p>`,
			[]string{"p1|Đạt Chiến sĩ thi đua cơ sở"}},
		{"complex and simple fields", `<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
			`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
			`<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
			`<w:r><w:t xml:space="preserve">, ngày </w:t></w:r><w:fldSimple w:instr=" DATE "><w:r><w:t>15/12/2017</w:t></w:r></w:fldSimple></w:p>`,
			[]string{"p1|Trang 3, ngày 15/12/2017"}},
		{"text box once, fallback skipped", textBox,
			[]string{"p1|Trước hộp sau hộp", "p2|Hộp chữ: Đảng viên"}},
		{"content control and hyperlink", `<w:sdt><w:sdtPr><w:alias w:val="Họ tên"/></w:sdtPr><w:sdtContent>` + para("Họ và tên: Trần Văn An") +
			`</w:sdtContent></w:sdt><w:p><w:hyperlink w:anchor="x"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink>` +
			`<w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> trong dòng</w:t></w:r></w:sdtContent></w:sdt></w:p>`,
			[]string{"p1|Họ và tên: Trần Văn An", "p2|liên kết trong dòng"}},
		{"numbered list keeps text", `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Năm 2017: hoàn thành tốt nhiệm vụ</w:t></w:r></w:p>`,
			[]string{"p1|Năm 2017: hoàn thành tốt nhiệm vụ"}},
		{"NFD becomes NFC", para(norm.NFD.String("Nguyễn Thị Hương, hoàn thành xuất sắc")),
			[]string{"p1|Nguyễn Thị Hương, hoàn thành xuất sắc"}},
		{"empty paragraphs dropped, numbering kept", para("một") + "<w:p/>" + para("  ") + para("bốn"),
			[]string{"p1|một", "p4|bốn"}},
		{"table with gridSpan and two paragraphs in a cell",
			tableXML([]string{"Năm", "Xếp loại", "Khen thưởng"},
				[]string{"2017", "HTXSNV", "<w:p><w:r><w:t>Giấy khen</w:t></w:r></w:p><w:p><w:r><w:t>QĐ số 12/QĐ-UBND</w:t></w:r></w:p>"},
				[]string{"span2:Ghi chú chung", "hết"}),
			[]string{"t1r1c1|Năm", "t1r1c2|Xếp loại", "t1r1c3|Khen thưởng",
				"t1r2c1|2017", "t1r2c2|HTXSNV", "t1r2c3|Giấy khen\nQĐ số 12/QĐ-UBND",
				"t1r3c1|Ghi chú chung", "t1r3c3|hết"}},
		{"nested table", para("trước") + tableXML([]string{"A", "<w:p><w:r><w:t>B</w:t></w:r></w:p>" +
			tableXML([]string{"trong 1", "trong 2"}) + "<w:p/>"}) + para("sau"),
			[]string{"p1|trước", "t1r1c1|A", "t1r1c2|B", "t2r1c1|trong 1", "t2r1c2|trong 2", "p2|sau"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := docxOf(t, tc.body)
			txt, err := DOCX(bytes.NewReader(data), int64(len(data)), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got := blockList(txt.Blocks)
			if strings.Join(got, "\n---\n") != strings.Join(tc.want, "\n---\n") {
				t.Errorf("blocks:\n got %q\nwant %q", got, tc.want)
			}
			for _, b := range txt.Blocks {
				if !norm.NFC.IsNormalString(b.Text) {
					t.Errorf("block %s not NFC: %q", b.ID, b.Text)
				}
			}
			if txt.Format != hoso.FormatDOCX {
				t.Errorf("format %q", txt.Format)
			}
		})
	}
}

func TestDOCXTablePositions(t *testing.T) {
	data := docxOf(t, tableXML([]string{"span2:Họ tên", "x"}, []string{"a", "b", "c"}))
	txt, err := DOCX(bytes.NewReader(data), int64(len(data)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range txt.Blocks {
		got = append(got, fmt.Sprintf("%d/%d/%d", b.Table, b.Row, b.Col))
	}
	want := "1/1/1 1/1/3 1/2/1 1/2/2 1/2/3"
	if strings.Join(got, " ") != want {
		t.Errorf("positions %v, want %s", got, want)
	}
}

func TestDOCXHeadersFooters(t *testing.T) {
	hdr := func(root, text string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><w:` + root + ` ` + wNS + `>` + para(text) + `</w:` + root + `>`
	}
	data := zipOf(t, docxParts(para("THÂN"), map[string]string{
		"word/header2.xml":      hdr("hdr", "ĐẢNG BỘ XÃ AN BÌNH"),
		"word/header1.xml":      hdr("hdr", "ĐẢNG CỘNG SẢN VIỆT NAM"),
		"word/footer1.xml":      hdr("ftr", "Trang cuối"),
		"word/footnotes.xml":    hdr("footnotes", "Chú thích một"),
		"word/header3.xml.rels": "not a part",
	}))
	txt, err := DOCX(bytes.NewReader(data), int64(len(data)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(blockList(txt.Blocks), "; ")
	want := "h1p1|ĐẢNG CỘNG SẢN VIỆT NAM; h2p1|ĐẢNG BỘ XÃ AN BÌNH; p1|THÂN; fnp1|Chú thích một; f1p1|Trang cuối"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestDOCXLegacyFonts(t *testing.T) {
	styles := func(docDefault, styleFont string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wNS + `><w:docDefaults><w:rPrDefault><w:rPr>` +
			`<w:rFonts w:ascii="` + docDefault + `" w:hAnsi="` + docDefault + `"/></w:rPr></w:rPrDefault></w:docDefaults>` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Title"><w:basedOn w:val="Heading"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Heading"><w:rPr><w:rFonts w:ascii="` + styleFont + `" w:hAnsi="` + styleFont + `"/></w:rPr></w:style>` +
			`</w:styles>`
	}
	tests := []struct {
		name    string
		body    string
		extra   map[string]string
		want    string
		encWarn string
	}{
		{"run font .VnTime", fontPara(".VnTime", "§¶ng Céng s¶n ViÖt Nam"), nil, "Đảng Cộng sản Việt Nam", "TCVN3"},
		{"upper-case font .VnTimeH", fontPara(".VnTimeH", "céng hoµ x· héi chñ nghÜa"), nil, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA", "TCVN3"},
		{"soft hyphen is ư in TCVN3", fontPara(".VnArial", "ng\u00adêi"), nil, "người", "TCVN3"},
		{"run font VNI-Times", fontPara("VNI-Times", "hoaøn thaønh toát nhieäm vuï"), nil, "hoàn thành tốt nhiệm vụ", "VNI"},
		{"unicode font untouched", fontPara("Times New Roman", "Hoà, Uỷ ban, ô tô"), nil, "Hoà, Uỷ ban, ô tô", ""},
		{"font from docDefaults", para("xuÊt s¾c"), map[string]string{"word/styles.xml": styles(".VnTime", "Arial")}, "xuất sắc", "TCVN3"},
		{"font from basedOn style chain", `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Ngöôøi</w:t></w:r></w:p>`,
			map[string]string{"word/styles.xml": styles("Times New Roman", "VNI-Helve")}, "Người", "VNI"},
		{"no font: TCVN3 by statistics", para("Uû ban nh©n d©n huyÖn, hoµn thµnh tèt nhiÖm vô n¨m 2018"), nil,
			"Uỷ ban nhân dân huyện, hoàn thành tốt nhiệm vụ năm 2018", "TCVN3"},
		{"no font: VNI by statistics", para("Xin chaøo caùc baïn, Ñaûng Coäng saûn Vieät Nam"), nil,
			"Xin chào các bạn, Đảng Cộng sản Việt Nam", "VNI"},
		{"no font: Unicode with Latin-1 letters kept", para("Lê Văn Hoà, ông bà, Uỷ ban"), nil, "Lê Văn Hoà, ông bà, Uỷ ban", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := zipOf(t, docxParts(tc.body, tc.extra))
			txt, err := DOCX(bytes.NewReader(data), int64(len(data)), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if len(txt.Blocks) != 1 || txt.Blocks[0].Text != tc.want {
				t.Fatalf("blocks %q, want %q", blockList(txt.Blocks), tc.want)
			}
			var warned string
			for _, w := range txt.Warnings {
				if w.Code == hoso.WarnLegacyFont {
					warned = w.Evidence[0].Text
				}
			}
			if warned != tc.encWarn {
				t.Errorf("legacy warning for %q, want %q", warned, tc.encWarn)
			}
		})
	}
}

func TestDOCXBadInput(t *testing.T) {
	good := docxOf(t, para("Nguyễn Văn A"))
	notDocx := zipOf(t, map[string]string{"a.txt": "hello"})
	xlsx := zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
	badXML := zipOf(t, docxParts("<w:p><w:r><w:t>mở</w:r></w:p>", nil))
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want *hoso.Error
	}{
		{"empty", nil, Limits{}, hoso.ErrEmpty},
		{"truncated", good[:len(good)/2], Limits{}, hoso.ErrUnreadable},
		{"not a zip", []byte("PK\x03\x04 this is not really a zip file at all"), Limits{}, hoso.ErrUnreadable},
		{"zip without document.xml", notDocx, Limits{}, hoso.ErrUnreadable},
		{"xlsx", xlsx, Limits{}, hoso.ErrUnsupported},
		{"malformed XML", badXML, Limits{}, hoso.ErrUnreadable},
		{"upload over MaxBytes", good, Limits{MaxBytes: 100}, hoso.ErrTooLarge},
		{"too many entries", good, Limits{MaxEntries: 2}, hoso.ErrTooLarge},
		{"inflates over MaxUncompressed", good, Limits{MaxUncompressed: 200}, hoso.ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DOCX(bytes.NewReader(tc.data), int64(len(tc.data)), tc.lim)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v (%s), want code %s", err, hoso.Code(err), tc.want.Code)
			}
			var he *hoso.Error
			if !errors.As(err, &he) || he.VI == "" || he.EN == "" {
				t.Errorf("error %v lacks a Vietnamese or English message", err)
			}
		})
	}
}

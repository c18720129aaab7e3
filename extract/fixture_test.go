package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// docxParts wraps a body in a minimal but complete WordprocessingML
// package; extra adds or replaces parts (styles, headers, footers).
func docxParts(body string, extra map[string]string) map[string]string {
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document ` + wNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	return parts
}

// zipOf writes the parts as a ZIP, in name order for reproducibility.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docxOf(t testing.TB, body string) []byte { return zipOf(t, docxParts(body, nil)) }

// para is a paragraph of one run per string.
func para(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, r := range runs {
		fmt.Fprintf(&b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, xmlEscape(r))
	}
	b.WriteString("</w:p>")
	return b.String()
}

// fontPara is a paragraph whose run uses the given font.
func fontPara(font, text string) string {
	return fmt.Sprintf(`<w:p><w:r><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>`,
		font, font, xmlEscape(text))
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// tableXML builds a table; a cell "" is empty, a cell starting with
// "span2:" spans two grid columns.
func tableXML(rows ...[]string) string {
	var b strings.Builder
	b.WriteString("<w:tbl><w:tblPr/><w:tblGrid/>")
	for _, row := range rows {
		b.WriteString("<w:tr>")
		for _, c := range row {
			props := ""
			if rest, ok := strings.CutPrefix(c, "span2:"); ok {
				props, c = `<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>`, rest
			}
			if strings.HasPrefix(c, "<w:") {
				fmt.Fprintf(&b, "<w:tc>%s%s</w:tc>", props, c)
			} else {
				fmt.Fprintf(&b, "<w:tc>%s%s</w:tc>", props, para(c))
			}
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

// dossierBody is a three-page admission dossier: the usual header table,
// the candidate's particulars, an appraisal table and prose.
func dossierBody() string {
	var b strings.Builder
	b.WriteString(tableXML(
		[]string{"ĐẢNG BỘ XÃ AN BÌNH\nCHI BỘ THÔN ĐÔNG", "ĐẢNG CỘNG SẢN VIỆT NAM"},
		[]string{"Số 12-NQ/CB", "An Bình, ngày 20 tháng 3 năm 2020"}))
	b.WriteString(para("NGHỊ QUYẾT"))
	b.WriteString(para("Đề nghị kết nạp đảng viên"))
	b.WriteString(para("Họ và tên: ", "Nguyễn Thị Hương"))
	b.WriteString(para("Ngày sinh: ngày 12 tháng 5 năm 1990"))
	b.WriteString(para("Đơn vị công tác: Trường Tiểu học An Bình, huyện Đông Sơn, tỉnh Thanh Hoá"))
	b.WriteString(para("Chức vụ: Giáo viên"))
	for i := 0; i < 3; i++ {
		b.WriteString(para("Quá trình công tác: đồng chí luôn chấp hành tốt chủ trương, đường lối của Đảng, chính sách, " +
			"pháp luật của Nhà nước; có phẩm chất đạo đức, lối sống lành mạnh; hoàn thành tốt các nhiệm vụ được giao; " +
			"tích cực tham gia các phong trào thi đua của địa phương và của ngành giáo dục."))
	}
	b.WriteString(tableXML(
		[]string{"Năm", "Xếp loại", "Khen thưởng"},
		[]string{"2017", "Hoàn thành xuất sắc nhiệm vụ", "Giấy khen của Chủ tịch UBND huyện"},
		[]string{"2018", "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến"},
		[]string{"2019", "Hoàn thành xuất sắc nhiệm vụ", "Chiến sĩ thi đua cơ sở (Quyết định số 123/QĐ-UBND ngày 15/12/2019)"}))
	for i := 0; i < 26; i++ {
		b.WriteString(para(fmt.Sprintf("%d. Năm 2019 đồng chí hoàn thành xuất sắc nhiệm vụ, được Chủ tịch Uỷ ban nhân dân huyện tặng Giấy khen; "+
			"chi bộ nhận thấy quần chúng đủ điều kiện, tiêu chuẩn để đề nghị kết nạp vào Đảng Cộng sản Việt Nam.", i+1)))
	}
	b.WriteString(para("T/M CHI BỘ"))
	b.WriteString(para("BÍ THƯ"))
	b.WriteString(para("Trần Văn Bình"))
	return b.String()
}

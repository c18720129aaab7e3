package render

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
)

// A4 portrait in twips.
const (
	pageW = 11906
	pageH = 16838
)

// Widths of fixed titles, measured on Liberation Serif (metric-compatible
// with Times New Roman) from LibreOffice's PDF with pdftotext -bbox. The rule
// under a title is a paragraph border, which spans the paragraph; indenting
// the paragraph by half the spare width makes the rule as long as the title,
// as HD 36 and NĐ 30 draw it.
const (
	widthDCSVN   = 4200 // "ĐẢNG CỘNG SẢN VIỆT NAM", 15 pt bold: 206.5 pt measured, plus slack
	widthTieuNgu = 3240 // "Độc lập - Tự do - Hạnh phúc", 13 pt bold: 159.1 pt measured
)

// zipTime is the fixed modification time of every part, so the same letter
// always zips to the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// DOCX renders the reply letter for rec, dated date, from iss. A zero date
// leaves the day blank for the văn thư to fill in at signing. The output is
// deterministic: the same arguments give the same bytes. Why the letter
// needs review before signing (no addressee, a garbled name; see Review)
// is added to rec as needs_review warnings.
func DOCX(rec *hoso.Record, iss *Issuer, date hoso.Date) ([]byte, error) {
	if rec == nil || iss == nil {
		return nil, hoso.Errorf(hoso.EINVALID, "Thiếu hồ sơ hoặc đơn vị ban hành", "render: nil record or issuer")
	}
	kind, ok := KindOf(rec)
	if !ok {
		return nil, hoso.Errorf(hoso.EINVALID,
			"Hồ sơ có kết luận %q: không lập công văn trả lời", "no letter for a record with verdict %q", string(rec.Verdict))
	}
	if err := iss.Validate(); err != nil {
		return nil, hoso.Wrap(err, hoso.EINVALID, "Hồ sơ đơn vị ban hành không hợp lệ", "invalid issuer profile")
	}
	if !date.IsZero() && !date.Valid() {
		return nil, hoso.Errorf(hoso.EINVALID, "Ngày ký %s không hợp lệ", "invalid letter date %s", date.String())
	}
	number, err := iss.number()
	if err != nil {
		return nil, err
	}
	l := compose(rec, iss, kind)
	// What keeps the letter from being signed as it is goes into the
	// record, which the pipeline writes after the letter.
	for _, why := range l.review {
		rec.MarkReview(why)
	}
	st := styleOf(iss.Profile)
	doc := layout(l, iss, st, number, dateLine(iss.Place, date))
	return pack(doc, st)
}

// dateLine is "Hà Nội, ngày 03 tháng 4 năm 2019", or a blank form.
func dateLine(place string, d hoso.Date) string {
	if d.IsZero() {
		gap := strings.Repeat("\u00a0", 6)
		return place + ", ngày" + gap + "tháng" + gap + "năm" + gap
	}
	return place + ", " + d.Vietnamese()
}

// style holds what differs between the Party and State formats.
type style struct {
	body      int // half-points
	superior  int
	issuer    int
	title     int // ĐẢNG CỘNG SẢN VIỆT NAM / Quốc hiệu
	number    int
	subject   int
	subjItal  bool
	subjV     string // "V/v " prefix
	date      int
	titleBold bool
	copiesHd  run // "Nơi nhận:"
	copies    int
	sigTitleB bool // chức vụ in bold (State) or not (Party)
	left      int  // header/footer table columns
	right     int
	indent    int // header table indent
}

func styleOf(p Profile) style {
	if p == ProfileState {
		return style{body: 28, superior: 26, issuer: 26, title: 24, number: 26, subject: 24, subjV: "V/v ",
			date: 28, copiesHd: run{text: "Nơi nhận:", sz: 24, b: true, i: true}, copies: 22, sigTitleB: true,
			left: 3969, right: 5953, indent: -567}
	}
	return style{body: 28, superior: 28, issuer: 28, title: 30, number: 28, subject: 24, subjItal: true,
		date: 28, copiesHd: run{text: "Nơi nhận:", sz: 28, u: true}, copies: 24,
		left: 4536, right: 5103, indent: -284}
}

// ruled centres a title and indents it so its bottom border is as long as
// the title itself.
func ruled(r run, textWidth, cellWidth int) para {
	side := (cellWidth - textWidth) / 2
	if side < 0 {
		side = 0
	}
	return para{jc: "center", runs: []run{r}, rule: true, left: side, right: side}
}

func layout(l letter, iss *Issuer, st style, number, date string) *wml {
	w := &wml{}
	w.Grow(16 << 10) // a letter's document.xml is 11–14 KB
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	w.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)

	c := func(text string, r run) para {
		r.text = text
		return para{jc: "center", runs: []run{r}}
	}
	// Header: row 1 holds the issuer and the title, row 2 the number and the
	// date, so "Số …" and the date share a baseline as in a typed letter.
	var left1, right1, left2, right2 []para
	if iss.Superior != "" {
		left1 = append(left1, c(iss.Superior, run{sz: st.superior}))
	}
	lead := st.subjV
	if lead == "" {
		lead = "Về "
		if l.kind == hoso.LetterIncomplete {
			lead = "Về việc "
		}
	}
	subject := para{jc: "center", runs: []run{{text: lead + l.subject, sz: st.subject, i: st.subjItal}}, before: 60}
	if iss.Profile == ProfileState {
		name := c(iss.Name, run{sz: st.issuer, b: true})
		nameW := st.left / 3
		name = ruled(name.runs[0], nameW, st.left)
		name.left, name.right = 0, 0
		left1 = append(left1, name)
		// The short rule under the issuer is a separate empty ruled paragraph
		// so the issuer's name may wrap over the whole column.
		left1[len(left1)-1].rule = false
		left1 = append(left1, para{rule: true, left: nameW, right: nameW, sz: 4})
		right1 = append(right1,
			c("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", run{sz: st.title, b: true}),
			ruled(run{text: "Độc lập - Tự do - Hạnh phúc", sz: 26, b: true}, widthTieuNgu, st.right))
		left2 = append(left2, para{jc: "center", before: 120, runs: []run{{text: number, sz: st.number}}})
		subject.left, subject.right = 284, 284
	} else {
		left1 = append(left1, c(iss.Name, run{sz: st.issuer, b: true}), c("*", run{sz: st.issuer}))
		right1 = append(right1, ruled(run{text: "ĐẢNG CỘNG SẢN VIỆT NAM", sz: st.title, b: true}, widthDCSVN, st.right))
		left2 = append(left2, c(number, run{sz: st.number}))
		subject.left, subject.right = 567, 567
	}
	left2 = append(left2, subject)
	d := c(date, run{sz: st.date, i: true})
	if iss.Profile == ProfileState {
		d.before = 120
	}
	right2 = append(right2, d)
	w.table(st.indent, [][]cell{
		{{width: st.left, paras: left1}, {width: st.right, paras: right1}},
		{{width: st.left, paras: left2}, {width: st.right, paras: right2}},
	})

	// Kính gửi: one recipient on the line; several as a list hanging from it.
	const hang = 1418
	switch single := len(l.recipients) == 1; {
	case single && utf8.RuneCountInString(l.recipients[0]) <= 50:
		w.para(para{jc: "center", before: 360, after: 240, runs: []run{{text: "Kính gửi: " + strings.TrimRight(l.recipients[0], ".;") + "."}}})
	case single:
		// Too long for one centred line: hang the name from "Kính gửi:".
		w.para(para{left: 1134 + hang, hanging: hang, tabs: []int{1134 + hang}, before: 360, after: 240, jc: "left",
			runs: []run{{text: "Kính gửi:"}, {text: strings.TrimRight(l.recipients[0], ".;") + ".", tab: true}}})
	default:
		for i, r := range l.recipients {
			end := ";"
			if i == len(l.recipients)-1 {
				end = "."
			}
			p := para{left: 1134 + hang, tabs: []int{1134 + hang}, runs: []run{{text: "- " + strings.TrimRight(r, ".;") + end, tab: i == 0}}}
			if i == 0 {
				p.hanging, p.before = hang, 360
				p.runs = append([]run{{text: "Kính gửi:"}}, p.runs...)
			}
			if i == len(l.recipients)-1 {
				p.after = 240
			}
			w.para(p)
		}
	}

	for _, text := range l.body {
		w.para(para{jc: "both", firstLine: 567, after: 120, line: 276, runs: []run{{text: text, sz: st.body}}})
	}

	// Signature and copies side by side; the row cannot split, so the
	// signature never lands alone on a page.
	hd := st.copiesHd
	copies := []para{{before: 240, runs: []run{hd}}}
	for _, s := range iss.Copies {
		copies = append(copies, para{runs: []run{{text: "- " + s, sz: st.copies}}})
	}
	var sig []para
	if a := iss.authority(); a != "" {
		sig = append(sig, para{jc: "center", before: 240, runs: []run{{text: a, sz: 28, b: true}}})
	}
	t := para{jc: "center", runs: []run{{text: iss.Signer.Title, sz: 28, b: st.sigTitleB}}}
	if len(sig) == 0 {
		t.before = 240
	}
	sig = append(sig, t, para{jc: "center", before: 1588, runs: []run{{text: iss.Signer.Name, sz: 28, b: true}}})
	w.table(0, [][]cell{{{width: st.left + st.indent, paras: copies}, {width: st.right, paras: sig}}})
	w.para(para{sz: 2})

	w.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>`)
	w.WriteString(`<w:pgSz`)
	w.attr("w", pageW)
	w.attr("h", pageH)
	w.WriteString(`/><w:pgMar`)
	m := iss.Margins
	w.attr("top", twips(m.Top))
	w.attr("right", twips(m.Right))
	w.attr("bottom", twips(m.Bottom))
	w.attr("left", twips(m.Left))
	w.attr("header", twips(10))
	w.attr("footer", twips(10))
	w.attr("gutter", 0)
	w.WriteString(`/><w:cols w:space="720"/><w:titlePg/></w:sectPr></w:body></w:document>`)
	return w
}

// header writes the page-number header: the PAGE field, centred in the top
// margin, on every page but the first (the first page has its own, empty).
func header(size int, number bool) []byte {
	w := &wml{}
	w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	w.WriteString(`<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">`)
	p := para{jc: "center", sz: size}
	if number {
		p.runs = []run{{field: "PAGE", text: "2", sz: size}}
	}
	w.para(p)
	w.WriteString(`</w:hdr>`)
	return w.Bytes()
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
		`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
		`</Types>`

	packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`</Relationships>`

	documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
		`<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>` +
		`</Relationships>`

	settingsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="vi-VN"/></w:settings>`

	rFonts = `<w:rFonts w:ascii="` + font + `" w:hAnsi="` + font + `" w:eastAsia="` + font + `" w:cs="` + font + `"/>`

	stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="` + nsW + `">` +
		`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts + `<w:sz w:val="28"/><w:szCs w:val="28"/>` +
		`<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
		`<w:rPr>` + rFonts + `<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
		`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>` +
		`<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>` +
		`<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>` +
		`<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>` +
		`</w:tblCellMar></w:tblPr></w:style></w:styles>`
)

// pack zips the parts in a fixed order with a fixed time. Only
// document.xml differs from letter to letter; the others come deflated
// from sharedParts.
func pack(doc *wml, st style) ([]byte, error) {
	shared, err := sharedParts()
	if err != nil {
		return nil, hoso.Wrap(err, hoso.EINTERNAL, "Lỗi khi ghi tệp DOCX", "deflating the shared DOCX parts")
	}
	var buf bytes.Buffer
	buf.Grow(8 << 10)
	zw := zip.NewWriter(&buf)
	for _, p := range letterParts(st.body) {
		if p.data == nil {
			if err := deflatePart(zw, p.name, doc.Bytes()); err != nil {
				return nil, err
			}
			continue
		}
		f, ok := shared[p.key()]
		if !ok { // a body size no profile has: deflate the part here
			if err := deflatePart(zw, p.name, p.data()); err != nil {
				return nil, err
			}
			continue
		}
		hdr := f.header // CreateRaw keeps the header it is given
		w, err := zw.CreateRaw(&hdr)
		if err == nil {
			_, err = w.Write(f.raw)
		}
		if err != nil {
			return nil, hoso.Wrap(err, hoso.EINTERNAL, "Lỗi khi ghi tệp DOCX", "writing DOCX part %s", p.name)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, hoso.Wrap(err, hoso.EINTERNAL, "Lỗi khi ghi tệp DOCX", "closing DOCX zip")
	}
	return buf.Bytes(), nil
}

// letterPart is one part of a letter's package: its name, its content
// (nil for document.xml, the letter itself) and, for the headers, the
// body size they are drawn in.
type letterPart struct {
	name string
	size int
	data func() []byte
}

type partKey struct {
	name string
	size int
}

func (p letterPart) key() partKey { return partKey{p.name, p.size} }

// letterParts lists a letter's parts in the order they are zipped, for a
// body text of size half-points.
func letterParts(size int) []letterPart {
	fixed := func(s string) func() []byte { return func() []byte { return []byte(s) } }
	return []letterPart{
		{"[Content_Types].xml", 0, fixed(contentTypes)},
		{"_rels/.rels", 0, fixed(packageRels)},
		{"word/document.xml", 0, nil},
		{"word/_rels/document.xml.rels", 0, fixed(documentRels)},
		{"word/styles.xml", 0, fixed(stylesXML)},
		{"word/settings.xml", 0, fixed(settingsXML)},
		{"word/header1.xml", size, func() []byte { return header(size, true) }},
		{"word/header2.xml", size, func() []byte { return header(size, false) }},
	}
}

// deflatePart adds one part to zw, deflated at the zip package's level.
func deflatePart(zw *zip.Writer, name string, data []byte) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
	if err == nil {
		_, err = f.Write(data)
	}
	if err != nil {
		return hoso.Wrap(err, hoso.EINTERNAL, "Lỗi khi ghi tệp DOCX", "writing DOCX part %s", name)
	}
	return nil
}

// deflated is a part as a zip holds it: its header and deflated bytes.
type deflated struct {
	header zip.FileHeader
	raw    []byte
}

// sharedParts deflates, once per process, the parts that are the same in
// every letter: all but document.xml, the headers in each profile's body
// size. Deflating them for each letter was most of its rendering time
// (every part costs a compressor reset that clears hundreds of
// kilobytes). Written back with zip.Writer.CreateRaw, with the header
// CreateHeader gave them, they make a letter of exactly the bytes it was.
var sharedParts = sync.OnceValues(func() (map[partKey]deflated, error) {
	var keys []partKey
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	seen := map[partKey]bool{}
	for _, pr := range []Profile{ProfileParty, ProfileState} {
		for _, p := range letterParts(styleOf(pr).body) {
			if p.data == nil || seen[p.key()] {
				continue
			}
			seen[p.key()] = true
			if err := deflatePart(zw, p.name, p.data()); err != nil {
				return nil, err
			}
			keys = append(keys, p.key())
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	if len(zr.File) != len(keys) {
		return nil, fmt.Errorf("render: %d shared parts read back, %d written", len(zr.File), len(keys))
	}
	parts := make(map[partKey]deflated, len(keys))
	for i, f := range zr.File {
		r, err := f.OpenRaw()
		if err != nil {
			return nil, err
		}
		raw, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		parts[keys[i]] = deflated{header: f.FileHeader, raw: raw}
	}
	return parts, nil
})

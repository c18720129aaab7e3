package render

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// This file is the small WordprocessingML writer: paragraphs, runs and
// borderless tables, written straight into a buffer. Elements are emitted in
// the order the OOXML schema sequences require (pPr, rPr, tblPr, sectPr),
// because Word, unlike LibreOffice, reports a file "needing repair" when they
// are out of order.

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

	font = "Times New Roman"
)

// twips converts millimetres to twentieths of a point.
func twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

type run struct {
	text    string
	sz      int // half-points; 0 inherits the document default (14 pt)
	b, i, u bool
	tab     bool   // a tab character before the text
	field   string // a simple field instruction ("PAGE"); text is its cached result
}

type para struct {
	runs []run
	jc   string // left, center, right, both
	// Indents and spacing in twips; line is in 240ths of a line (auto rule).
	left, right, firstLine, hanging int
	before, after, line             int
	tabs                            []int // left tab stops
	rule                            bool  // a bottom border: the rule under a title
	keepNext                        bool
	sz                              int // size of the paragraph mark, so empty lines have a height
}

type cell struct {
	width int
	paras []para
}

// wml accumulates XML; it never fails (bytes.Buffer does not), so callers
// need no error checks until the zip is written.
type wml struct{ bytes.Buffer }

// text writes s escaped, in NFC (a decomposed "ộ" prints as a stray mark in
// many fonts), with line breaks and tabs from extracted text as plain spaces;
// characters XML cannot hold become U+FFFD (xml.EscapeText does that).
func (w *wml) text(s string) {
	s = norm.NFC.String(s)
	if strings.ContainsAny(s, "\r\n\t") {
		s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ").Replace(s)
	}
	// xml.EscapeText writes only to w, which cannot fail.
	_ = xml.EscapeText(w, []byte(s))
}

func (w *wml) attr(name string, v int) {
	w.WriteString(` w:`)
	w.WriteString(name)
	w.WriteString(`="`)
	var num [20]byte
	w.Write(strconv.AppendInt(num[:0], int64(v), 10))
	w.WriteByte('"')
}

func (w *wml) rPr(r run) {
	w.WriteString(`<w:rPr><w:rFonts w:ascii="` + font + `" w:hAnsi="` + font + `" w:eastAsia="` + font + `" w:cs="` + font + `"/>`)
	if r.b {
		w.WriteString(`<w:b/><w:bCs/>`)
	}
	if r.i {
		w.WriteString(`<w:i/><w:iCs/>`)
	}
	if r.sz > 0 {
		w.WriteString(`<w:sz`)
		w.attr("val", r.sz)
		w.WriteString(`/><w:szCs`)
		w.attr("val", r.sz)
		w.WriteString(`/>`)
	}
	if r.u {
		w.WriteString(`<w:u w:val="single"/>`)
	}
	w.WriteString(`</w:rPr>`)
}

func (w *wml) run(r run) {
	if r.field != "" {
		for _, part := range []string{"begin", "instr", "separate", "result", "end"} {
			w.WriteString(`<w:r>`)
			w.rPr(r)
			switch part {
			case "instr":
				w.WriteString(`<w:instrText xml:space="preserve"> `)
				w.text(r.field)
				w.WriteString(` </w:instrText>`)
			case "result":
				w.WriteString(`<w:t>`)
				w.text(r.text)
				w.WriteString(`</w:t>`)
			default:
				w.WriteString(`<w:fldChar w:fldCharType="` + part + `"/>`)
			}
			w.WriteString(`</w:r>`)
		}
		return
	}
	w.WriteString(`<w:r>`)
	w.rPr(r)
	if r.tab {
		w.WriteString(`<w:tab/>`)
	}
	// A hyphen inside a word is a non-breaking hyphen, so a document number
	// such as "52-CV/BTCĐU" never splits across lines.
	rs := []rune(r.text)
	start := 0
	for i, c := range rs {
		if c == '-' && i > 0 && i+1 < len(rs) && !unicode.IsSpace(rs[i-1]) && !unicode.IsSpace(rs[i+1]) {
			w.t(string(rs[start:i]))
			w.WriteString(`<w:noBreakHyphen/>`)
			start = i + 1
		}
	}
	w.t(string(rs[start:]))
	w.WriteString(`</w:r>`)
}

func (w *wml) t(s string) {
	if s != "" {
		w.WriteString(`<w:t xml:space="preserve">`)
		w.text(s)
		w.WriteString(`</w:t>`)
	}
}

func (w *wml) para(p para) {
	w.WriteString(`<w:p><w:pPr>`)
	if p.keepNext {
		w.WriteString(`<w:keepNext/>`)
	}
	if p.rule {
		w.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	}
	if len(p.tabs) > 0 {
		w.WriteString(`<w:tabs>`)
		for _, t := range p.tabs {
			w.WriteString(`<w:tab w:val="left"`)
			w.attr("pos", t)
			w.WriteString(`/>`)
		}
		w.WriteString(`</w:tabs>`)
	}
	line := p.line
	if line == 0 {
		line = 240
	}
	w.WriteString(`<w:spacing`)
	w.attr("before", p.before)
	w.attr("after", p.after)
	w.attr("line", line)
	w.WriteString(` w:lineRule="auto"/>`)
	if p.left != 0 || p.right != 0 || p.firstLine != 0 || p.hanging != 0 {
		w.WriteString(`<w:ind`)
		w.attr("left", p.left)
		w.attr("right", p.right)
		if p.hanging != 0 {
			w.attr("hanging", p.hanging)
		} else if p.firstLine != 0 {
			w.attr("firstLine", p.firstLine)
		}
		w.WriteString(`/>`)
	}
	jc := p.jc
	if jc == "" {
		jc = "left"
	}
	w.WriteString(`<w:jc w:val="` + jc + `"/>`)
	if p.sz > 0 {
		w.rPr(run{sz: p.sz})
	}
	w.WriteString(`</w:pPr>`)
	for _, r := range p.runs {
		w.run(r)
	}
	w.WriteString(`</w:p>`)
}

// table writes a borderless fixed-layout table with no cell padding, so its
// columns line up exactly with the page margins; indent moves it left of the
// margin (negative) when a header needs the room, as typists do in Word.
func (w *wml) table(indent int, rows [][]cell) {
	total := 0
	for _, c := range rows[0] {
		total += c.width
	}
	w.WriteString(`<w:tbl><w:tblPr><w:tblW`)
	w.attr("w", total)
	w.WriteString(` w:type="dxa"/><w:tblInd`)
	w.attr("w", indent)
	w.WriteString(` w:type="dxa"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		w.WriteString(`<w:` + side + ` w:val="nil"/>`)
	}
	w.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>` +
		`<w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>` +
		`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>`)
	for _, c := range rows[0] {
		w.WriteString(`<w:gridCol`)
		w.attr("w", c.width)
		w.WriteString(`/>`)
	}
	w.WriteString(`</w:tblGrid>`)
	for _, row := range rows {
		w.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for _, c := range row {
			w.WriteString(`<w:tc><w:tcPr><w:tcW`)
			w.attr("w", c.width)
			w.WriteString(` w:type="dxa"/></w:tcPr>`)
			if len(c.paras) == 0 {
				c.paras = []para{{}} // a cell must end with a paragraph
			}
			for _, p := range c.paras {
				w.para(p)
			}
			w.WriteString(`</w:tc>`)
		}
		w.WriteString(`</w:tr>`)
	}
	w.WriteString(`</w:tbl>`)
}

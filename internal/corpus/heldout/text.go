package heldout

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
)

// Paragraph helpers. Papers are justified body text with bold headings,
// as the forms print them.

func para(text string) corpus.Paragraph {
	return corpus.Paragraph{Runs: []corpus.Run{{Text: text}}, Align: "both"}
}

func indent(text string) corpus.Paragraph {
	p := para(text)
	p.Indent = 567
	return p
}

func bold(text string) corpus.Paragraph {
	return corpus.Paragraph{Runs: []corpus.Run{{Text: text, Bold: true}}}
}

func center(text string) corpus.Paragraph {
	return corpus.Paragraph{Runs: []corpus.Run{{Text: text}}, Align: "center"}
}

func centerB(text string) corpus.Paragraph {
	return corpus.Paragraph{Runs: []corpus.Run{{Text: text, Bold: true}}, Align: "center"}
}

func centerI(text string) corpus.Paragraph {
	return corpus.Paragraph{Runs: []corpus.Run{{Text: text, Italic: true}}, Align: "center"}
}

func title(text string) corpus.Paragraph {
	return corpus.Paragraph{Runs: []corpus.Run{{Text: text, Bold: true}}, Align: "center", Size: 28}
}

// label writes "Label: value" with the label in bold.
func label(l, v string) corpus.Paragraph {
	return corpus.Paragraph{Runs: []corpus.Run{{Text: l, Bold: true}, {Text: v}}, Align: "both"}
}

func blank() corpus.Paragraph { return corpus.Paragraph{} }

// twoCol is the borderless two-column block that opens every Vietnamese
// administrative paper: the issuing body on the left, the national or
// Party motto and the place and date on the right.
func twoCol(left, right []corpus.Paragraph) corpus.Table {
	return corpus.Table{Widths: []int{4000, 5100}, Borderless: true,
		Rows: [][]corpus.Cell{{{Paras: left}, {Paras: right}}}}
}

// sign is the signature block on the right.
func sign(lines ...string) corpus.Table {
	var ps []corpus.Paragraph
	for i, l := range lines {
		switch {
		case i == len(lines)-1:
			ps = append(ps, blank(), blank(), centerB(l))
		case strings.HasPrefix(l, "("):
			ps = append(ps, centerI(l))
		default:
			ps = append(ps, centerB(l))
		}
	}
	return corpus.Table{Widths: []int{4300, 4800}, Borderless: true,
		Rows: [][]corpus.Cell{{{Paras: []corpus.Paragraph{}}, {Paras: ps}}}}
}

// signWith puts the "Nơi nhận" list on the left of the signature.
func signWith(recipients []string, lines ...string) corpus.Table {
	t := sign(lines...)
	var left []corpus.Paragraph
	for i, r := range recipients {
		if i == 0 {
			left = append(left, corpus.Paragraph{Runs: []corpus.Run{{Text: r, Bold: true, Italic: true}}, Size: 22})
			continue
		}
		left = append(left, corpus.Paragraph{Runs: []corpus.Run{{Text: r}}, Size: 22})
	}
	t.Rows[0][0].Paras = left
	return t
}

// Date styles of date lines and sentences.
const (
	dsLong   = iota // ngày 5 tháng 9 năm 2023
	dsLong0         // ngày 05 tháng 09 năm 2023
	dsSlash         // 5/9/2023
	dsSlash0        // 05/09/2023
	dsDash          // 05-9-2023
	dsSpaced        // ngày  05  tháng 9  năm 2023 (a clerk's double spaces)
)

func dstr(d hoso.Date, style int) string {
	m, day := int(d.Month), d.Day
	switch style {
	case dsLong0:
		return fmt.Sprintf("ngày %02d tháng %02d năm %d", day, m, d.Year)
	case dsSlash:
		return fmt.Sprintf("%d/%d/%d", day, m, d.Year)
	case dsSlash0:
		return fmt.Sprintf("%02d/%02d/%d", day, m, d.Year)
	case dsDash:
		return fmt.Sprintf("%02d-%d-%d", day, m, d.Year)
	case dsSpaced:
		return fmt.Sprintf("ngày  %02d  tháng %d  năm %d", day, m, d.Year)
	}
	return fmt.Sprintf("ngày %d tháng %d năm %d", day, m, d.Year)
}

// decision is the reference a truth file keeps for an award decision.
func decision(number string, d hoso.Date) string {
	if number == "" {
		return ""
	}
	return fmt.Sprintf("Quyết định số %s ngày %02d/%02d/%d", number, d.Day, int(d.Month), d.Year)
}

// Rating wordings. Offices write the full name, an abbreviation, or a
// spaced abbreviation typed by hand.
func ratingText(r hoso.Rating, style int) string {
	full := map[hoso.Rating]string{
		hoso.RatingHTXSNV: "Hoàn thành xuất sắc nhiệm vụ",
		hoso.RatingHTTNV:  "Hoàn thành tốt nhiệm vụ",
		hoso.RatingHTNV:   "Hoàn thành nhiệm vụ",
		hoso.RatingKHTNV:  "Không hoàn thành nhiệm vụ",
	}
	switch style {
	case rsLower:
		return strings.ToLower(full[r][:1]) + full[r][1:]
	case rsCaps:
		return map[hoso.Rating]string{
			hoso.RatingHTXSNV: "Hoàn thành Xuất Sắc nhiệm vụ",
			hoso.RatingHTTNV:  "Hoàn thành Tốt nhiệm vụ",
			hoso.RatingHTNV:   "Hoàn thành nhiệm vụ",
			hoso.RatingKHTNV:  "Không hoàn thành nhiệm vụ",
		}[r]
	case rsAbbr:
		return r.String()
	case rsSpaced:
		return map[hoso.Rating]string{
			hoso.RatingHTXSNV: "HTXS NV",
			hoso.RatingHTTNV:  "HTT NV",
			hoso.RatingHTNV:   "HT NV",
			hoso.RatingKHTNV:  "KHT NV",
		}[r]
	case rsOld:
		if r == hoso.RatingHTNV {
			return "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"
		}
	}
	return full[r]
}

const (
	rsFull = iota
	rsLower
	rsCaps
	rsAbbr
	rsSpaced
	rsOld // NĐ 56/2015 wording for years before 2020
)

// legend is the abbreviation key some units print under their tables.
const legend = "Ghi chú: HTXSNV – Hoàn thành xuất sắc nhiệm vụ; HTTNV – Hoàn thành tốt nhiệm vụ; " +
	"HTNV – Hoàn thành nhiệm vụ; KHTNV – Không hoàn thành nhiệm vụ."

// unitText is the candidate's unit, broken by a manual line break after
// UnitBreak words where the case says a clerk broke it to fit a line.
func (c *Case) unitText() string {
	ws := strings.Fields(c.Person.Unit)
	k := c.Person.UnitBreak
	if k <= 0 || k >= len(ws) {
		return c.Person.Unit
	}
	return strings.Join(ws[:k], " ") + "\n" + strings.Join(ws[k:], " ")
}

// Birth is how a paper prints the date of birth.
type Birth int

const (
	BirthFull Birth = iota // the full date (or the year when only the year is known)
	BirthYear              // "sinh năm 1990" only
	BirthNone              // not printed
)

// birthText returns the birth phrase and the facts it states.
func (c *Case) birthText(b Birth, as hoso.Date, style int) (string, hoso.Date, int) {
	born := c.Person.Born
	if !as.IsZero() {
		born = as
	}
	year := c.Person.BirthYear
	if year == 0 {
		year = born.Year
	}
	switch {
	case b == BirthNone || (born.IsZero() && year == 0):
		return "", hoso.Date{}, 0
	case b == BirthYear || born.IsZero():
		return fmt.Sprintf("sinh năm %d", year), hoso.Date{}, year
	}
	switch style {
	case dsLong, dsLong0, dsSpaced:
		return "sinh " + dstr(born, style), born, 0
	}
	return "sinh ngày " + dstr(born, style), born, 0
}

// upper writes a name in capitals, as the lý lịch and some resolutions do.
func upper(s string) string { return strings.ToUpper(s) }

func honor(male bool) string {
	if male {
		return "Ông"
	}
	return "Bà"
}

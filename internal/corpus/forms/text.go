package forms

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
)

// long writes a date the administrative way: "ngày 05 tháng 9 năm 2023".
func long(d hoso.Date) string { return d.Vietnamese() }

// longPlain writes it as clerks often type it: "ngày 5 tháng 9 năm 2023".
func longPlain(d hoso.Date) string {
	return fmt.Sprintf("ngày %d tháng %d năm %d", d.Day, int(d.Month), d.Year)
}

// slash writes "05/01/2023".
func slash(d hoso.Date) string { return fmt.Sprintf("%02d/%02d/%d", d.Day, int(d.Month), d.Year) }

// short writes "05/9/2023".
func short(d hoso.Date) string { return fmt.Sprintf("%02d/%d/%d", d.Day, int(d.Month), d.Year) }

// monthYear writes "03/2019".
func monthYear(d hoso.Date) string { return fmt.Sprintf("%02d/%d", int(d.Month), d.Year) }

func dateLine(place string, d hoso.Date) string { return place + ", " + long(d) }

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// law56 reports whether a year was rated under NĐ 56/2015 (2015–2019).
func law56(year int) bool { return year <= 2019 }

// ratingWords is the rating in words, sentence case, with the NĐ 56/2015
// wording of the third level for công chức.
func ratingWords(r hoso.Rating, year int, vienChuc bool) string {
	switch r {
	case hoso.RatingHTXSNV:
		return "Hoàn thành xuất sắc nhiệm vụ"
	case hoso.RatingHTTNV:
		return "Hoàn thành tốt nhiệm vụ"
	case hoso.RatingHTNV:
		if law56(year) && !vienChuc {
			return "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"
		}
		return "Hoàn thành nhiệm vụ"
	case hoso.RatingKHTNV:
		return "Không hoàn thành nhiệm vụ"
	}
	return ""
}

var spaced = map[hoso.Rating]string{
	hoso.RatingHTXSNV: "HTXS NV", hoso.RatingHTTNV: "HTT NV", hoso.RatingHTNV: "HT NV", hoso.RatingKHTNV: "KHT NV",
}

// ratingStyled writes the rating in one of the ways tables write it.
func ratingStyled(r hoso.Rating, year int, vienChuc bool, style string) string {
	w := ratingWords(r, year, vienChuc)
	switch style {
	case "lower":
		return lowerFirst(w)
	case "caps":
		return strings.ToUpper(w)
	case "abbr":
		return r.String()
	case "space":
		return spaced[r]
	case "spacelower":
		return strings.ToLower(spaced[r])
	}
	return w
}

// options are the rating levels a phiếu prints for a year, best first.
func options(year int, vienChuc bool) []string {
	return []string{
		ratingWords(hoso.RatingHTXSNV, year, vienChuc),
		ratingWords(hoso.RatingHTTNV, year, vienChuc),
		ratingWords(hoso.RatingHTNV, year, vienChuc),
		ratingWords(hoso.RatingKHTNV, year, vienChuc),
	}
}

// hint is the form's option hint: "(Hoàn thành xuất sắc nhiệm vụ; hoàn
// thành tốt nhiệm vụ; …)", the levels joined by sep.
func hint(year int, vienChuc bool, sep string) string {
	os := options(year, vienChuc)
	for i := 1; i < len(os) && sep == "; "; i++ {
		os[i] = lowerFirst(os[i])
	}
	return "(" + strings.Join(os, sep) + ")"
}

// awardWords is how a nhận xét or lý lịch names an award.
func awardWords(a Award) string {
	switch a.Kind {
	case hoso.AwardCSTDCoSo:
		return fmt.Sprintf("Danh hiệu Chiến sĩ thi đua cơ sở năm %d", a.Year)
	case hoso.AwardLaoDongTienTien:
		return fmt.Sprintf("Danh hiệu Lao động tiên tiến năm %d", a.Year)
	case hoso.AwardBangKhen:
		return fmt.Sprintf("Bằng khen của %s (thành tích năm %d)", a.Issuer, a.Year)
	}
	return fmt.Sprintf("Giấy khen của %s (thành tích năm %d)", a.Issuer, a.Year)
}

func (c *Case) pronoun() string {
	if c.Person.Male {
		return "ông"
	}
	return "bà"
}

// dobPhrase is "sinh ngày 05 tháng 9 năm 1990", "sinh năm 1995" or "".
func (c *Case) dobPhrase(k Kind) string {
	switch {
	case !c.Person.Born.IsZero():
		d := c.Person.Born
		if k == KDon && !c.Person.AltBorn.IsZero() {
			d = c.Person.AltBorn
		}
		return "sinh " + long(d)
	case c.Person.BirthYear != 0:
		return fmt.Sprintf("sinh năm %d", c.Person.BirthYear)
	}
	return ""
}

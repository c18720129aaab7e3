package dossier

import (
	"strings"
	"time"

	"github.com/hoso-vn/hoso"
)

// Years a dossier can speak of; OCR turns "2016" into "20168", which is
// not a year.
const minYear, maxYear = 1950, 2100

func isYear(t token) bool { return t.nd == 4 && t.num >= minYear && t.num <= maxYear }

// tight reports whether a separator joins two parts of one number
// ("12/5/1990", "123/QĐ-UBND").
func tight(sep string) bool {
	return sep == "/" || sep == "-" || sep == "." || sep == "–"
}

// dateAt reads a full date starting at token i: "ngày 12 tháng 5 năm 1990",
// "ngày 12/5/1990", "12/5/1990", "12-05-1990", "12.05.1990". It returns the
// date and the number of tokens read, or n = 0.
func dateAt(toks []token, i int) (hoso.Date, int) {
	j := i
	if j < len(toks) && toks[j].w == wNgay {
		j++
	}
	if j+2 >= len(toks) {
		return hoso.Date{}, 0
	}
	d := toks[j]
	if d.num < 1 || d.num > 31 || d.nd > 2 {
		return hoso.Date{}, 0
	}
	// ngày D tháng M năm Y
	if j+4 < len(toks) && toks[j+1].w == "tháng" && toks[j+2].num >= 1 && toks[j+2].nd <= 2 && toks[j+3].w == "năm" && isYear(toks[j+4]) {
		if dt, err := hoso.NewDate(toks[j+4].num, time.Month(toks[j+2].num), d.num); err == nil {
			return dt, j + 5 - i
		}
		return hoso.Date{}, 0
	}
	// D/M/Y with one separator kind.
	// OCR spaces the separators: "12 / 5 / 1990".
	if s := strings.TrimSpace(toks[j+1].sep); j+2 < len(toks) && tight(s) && strings.TrimSpace(toks[j+2].sep) == s &&
		toks[j+1].num >= 1 && toks[j+1].nd <= 2 && isYear(toks[j+2]) {
		if dt, err := hoso.NewDate(toks[j+2].num, time.Month(toks[j+1].num), d.num); err == nil {
			return dt, j + 3 - i
		}
	}
	return hoso.Date{}, 0
}

// placeDateAt reports whether the date at i is the place-and-date line of
// a paper ("Thái Bình, ngày 15 tháng 9 năm 2019"): "ngày" after a comma that
// follows a capitalised place name, or "ngày" opening the text.
func placeDateAt(l *line, i int) bool {
	t := l.toks[i]
	if t.w != wNgay {
		return false
	}
	if i == 0 {
		return true
	}
	if !strings.Contains(t.sep, ",") {
		return false
	}
	return capitalised(l.text[l.toks[i-1].start:l.toks[i-1].end])
}

// wNgay is "ngày" folded: the canonical form carries the tone on the last
// vowel (see fold.go).
const wNgay = "ngaỳ"

// dateOn reads the date at token i of unit ui like dateAt, and also one a
// PDF or OCR line end cut in two ("Ba Vì, ngày 07 tháng 05" / "năm 2024",
// "sinh ngày" / "12/12/1990;"): the rest of the line and the next line of
// the same paper are read as one. n counts the tokens used on unit ui.
func (r *reader) dateOn(ui, last, i int) (hoso.Date, int) {
	u := &r.units[ui]
	toks := u.l.toks
	if i >= len(toks) {
		return hoso.Date{}, 0
	}
	if dt, n := dateAt(toks, i); n > 0 {
		return dt, n
	}
	rest := len(toks) - i
	if rest > 5 || ui >= last || !r.lineMode(u) || !(toks[i].w == wNgay || toks[i].num >= 1 && toks[i].nd <= 2) {
		return hoso.Date{}, 0
	}
	next := &r.units[ui+1]
	if !r.lineMode(next) || len(next.l.toks) == 0 || next.l.toks[0].num < 0 && next.l.toks[0].w != "năm" && next.l.toks[0].w != "tháng" {
		return hoso.Date{}, 0
	}
	joined := tokenize(u.l.text[toks[i].start:] + " " + next.l.text)
	if dt, n := dateAt(joined.toks, 0); n > rest {
		return dt, rest
	}
	return hoso.Date{}, 0
}

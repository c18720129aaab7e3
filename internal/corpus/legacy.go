package corpus

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The TCVN3 (ABC) lowercase table, one row per base vowel: plain, sắc,
// huyền, hỏi, ngã, nặng. Each code is the font's byte value read as a
// Unicode code point, which is how a .VnTime DOCX stores it.
var tcvn3Rows = []struct {
	letters string // the six Vietnamese letters, NFC
	codes   string // their TCVN3 codes
}{
	{"aáàảãạ", "a\u00b8\u00b5\u00b6\u00b7\u00b9"},
	{"ăắằẳẵặ", "\u00a8\u00be\u00bb\u00bc\u00bd\u00c6"},
	{"âấầẩẫậ", "\u00a9\u00ca\u00c7\u00c8\u00c9\u00cb"},
	{"eéèẻẽẹ", "e\u00d0\u00cc\u00ce\u00cf\u00d1"},
	{"êếềểễệ", "\u00aa\u00d5\u00d2\u00d3\u00d4\u00d6"},
	{"iíìỉĩị", "i\u00dd\u00d7\u00d8\u00dc\u00de"},
	{"oóòỏõọ", "o\u00e3\u00df\u00e1\u00e2\u00e4"},
	{"ôốồổỗộ", "\u00ab\u00e8\u00e5\u00e6\u00e7\u00e9"},
	{"ơớờởỡợ", "\u00ac\u00ed\u00ea\u00eb\u00ec\u00ee"},
	{"uúùủũụ", "u\u00f3\u00ef\u00f1\u00f2\u00f4"},
	{"ưứừửữự", "\u00ad\u00f8\u00f5\u00f6\u00f7\u00f9"},
	{"yýỳỷỹỵ", "y\u00fd\u00fa\u00fb\u00fc\u00fe"},
	{"đ", "\u00ae"},
}

// The seven capitals TCVN3 encodes in its lowercase fonts.
var tcvn3Upper = map[rune]rune{'Ă': 0xa1, 'Â': 0xa2, 'Ê': 0xa3, 'Ô': 0xa4, 'Ơ': 0xa5, 'Ư': 0xa6, 'Đ': 0xa7}

func tcvn3Lower() map[rune]rune {
	m := map[rune]rune{}
	for _, row := range tcvn3Rows {
		ls, cs := []rune(row.letters), []rune(row.codes)
		for i := range ls {
			m[ls[i]] = cs[i]
		}
	}
	return m
}

// EncodeTCVN3 encodes text for a .VnTime run. Capitals that the font has
// no code for are returned as false in ok; callers put them in the
// .VnTimeH font instead (see tcvn3Segments).
func EncodeTCVN3(text string) (string, bool) {
	lower := tcvn3Lower()
	var b strings.Builder
	ok := true
	for _, c := range norm.NFC.String(text) {
		if x, found := lower[c]; found {
			b.WriteRune(x)
		} else if x, found := tcvn3Upper[c]; found {
			b.WriteRune(x)
		} else {
			if c > 0x7f {
				ok = false
			}
			b.WriteRune(c)
		}
	}
	return b.String(), ok
}

// tcvn3Segments encodes text into runs: .VnTime for what the lowercase
// font can show, .VnTimeH (the capitals font, fed lowercase codes) for
// accented capitals and for whole headings — the way typists of the 1990s
// and 2000s did it.
func tcvn3Segments(text string, heading bool) []segment {
	lower := tcvn3Lower()
	text = norm.NFC.String(text)
	if heading {
		var b strings.Builder
		for _, c := range strings.ToLower(text) {
			if x, ok := lower[c]; ok {
				c = x
			}
			b.WriteRune(c)
		}
		return []segment{{b.String(), ".VnTimeH"}}
	}
	var segs []segment
	add := func(c rune, font string) {
		if n := len(segs); n > 0 && segs[n-1].font == font {
			segs[n-1].text += string(c)
			return
		}
		segs = append(segs, segment{string(c), font})
	}
	for _, c := range text {
		switch x, ok := lower[c]; {
		case ok:
			add(x, ".VnTime")
		case tcvn3Upper[c] != 0:
			add(tcvn3Upper[c], ".VnTime")
		case c > 0x7f && unicode.IsUpper(c):
			l := unicode.ToLower(c)
			if y, ok := lower[l]; ok {
				add(y, ".VnTimeH")
			} else {
				add(c, ".VnTime")
			}
		default:
			add(c, ".VnTime")
		}
	}
	return segs
}

// VNI-Windows marks, lowercase then uppercase.
const (
	vniTones      = "\u00f9\u00f8\u00fb\u00f5\u00ef" // ù ø û õ ï: sắc huyền hỏi ngã nặng
	vniTonesUp    = "\u00d9\u00d8\u00db\u00d5\u00cf"
	vniCircum     = "\u00e2\u00e1\u00e0\u00e5\u00e3\u00e4" // â á à å ã ä: plain, then with the tones
	vniCircumUp   = "\u00c2\u00c1\u00c0\u00c5\u00c3\u00c4"
	vniBreve      = "\u00ea\u00e9\u00e8\u00fa\u00fc\u00eb" // ê é è ú ü ë
	vniBreveUp    = "\u00ca\u00c9\u00c8\u00da\u00dc\u00cb"
	vniIToned     = "\u00ed\u00ec\u00e6\u00f3\u00f2" // í ì æ ó ò
	vniITonedUp   = "\u00cd\u00cc\u00c6\u00d3\u00d2"
	combSac       = '\u0301'
	combHuyen     = '\u0300'
	combHoi       = '\u0309'
	combNga       = '\u0303'
	combNang      = '\u0323'
	combCircumfle = '\u0302'
	combBreve     = '\u0306'
	combHorn      = '\u031b'
)

func toneIndex(r rune) int {
	switch r {
	case combSac:
		return 0
	case combHuyen:
		return 1
	case combHoi:
		return 2
	case combNga:
		return 3
	case combNang:
		return 4
	}
	return -1
}

func pick(set string, i int) string { return string([]rune(set)[i]) }

// EncodeVNI encodes Unicode Vietnamese as VNI-Windows text: a base letter
// followed by mark characters, read as Latin-1 code points.
func EncodeVNI(text string) string {
	var b strings.Builder
	for _, c := range norm.NFC.String(text) {
		switch c {
		case 'đ':
			b.WriteRune('\u00f1')
			continue
		case 'Đ':
			b.WriteRune('\u00d1')
			continue
		}
		if c < 0x80 {
			b.WriteRune(c)
			continue
		}
		d := []rune(norm.NFD.String(string(c)))
		base := d[0]
		if base > 0x7f || len(d) == 1 {
			b.WriteRune(c) // not a Vietnamese letter: leave as is
			continue
		}
		up := unicode.IsUpper(base)
		lb := unicode.ToLower(base)
		tone, shape := -1, rune(0)
		for _, m := range d[1:] {
			if t := toneIndex(m); t >= 0 {
				tone = t
			} else {
				shape = m
			}
		}
		tones, circ, brev, itone := vniTones, vniCircum, vniBreve, vniIToned
		if up {
			tones, circ, brev, itone = vniTonesUp, vniCircumUp, vniBreveUp, vniITonedUp
		}
		switch {
		case shape == combHorn:
			// ơ and ư are single characters; the tone follows.
			if lb == 'o' {
				b.WriteString(map[bool]string{false: "\u00f4", true: "\u00d4"}[up])
			} else {
				b.WriteString(map[bool]string{false: "\u00f6", true: "\u00d6"}[up])
			}
			if tone >= 0 {
				b.WriteString(pick(tones, tone))
			}
		case shape == combCircumfle:
			b.WriteRune(base)
			b.WriteString(pick(circ, tone+1))
		case shape == combBreve:
			b.WriteRune(base)
			b.WriteString(pick(brev, tone+1))
		case lb == 'i' && tone >= 0:
			b.WriteString(pick(itone, tone))
		case lb == 'y' && tone == 4:
			b.WriteString(map[bool]string{false: "\u00ee", true: "\u00ce"}[up])
		case tone >= 0:
			b.WriteRune(base)
			b.WriteString(pick(tones, tone))
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Encoding is the character encoding of a run of Vietnamese text. Legacy
// encodings predate Unicode: their text is stored as Latin-1 code points
// that only the matching font draws as Vietnamese letters.
type Encoding int

const (
	Unicode Encoding = iota
	TCVN3            // TCVN 5712:1993 VN3 ("ABC"), fonts .VnTime, .VnArial, …
	VNI              // VNI-Windows, fonts VNI-Times, VNI-Helve, …
)

func (e Encoding) String() string {
	switch e {
	case TCVN3:
		return "TCVN3"
	case VNI:
		return "VNI"
	}
	return "Unicode"
}

// FontEncoding returns the encoding a font name implies, and whether the
// font is an upper-case variant (.VnTimeH draws every letter as a capital).
func FontEncoding(font string) (enc Encoding, upper bool) {
	f := strings.TrimSpace(font)
	switch {
	case len(f) >= 3 && strings.EqualFold(f[:3], ".vn"):
		// ".VnTimeH", ".VnArialH", ".VnCentury SchoolbookH": the H variants.
		return TCVN3, strings.HasSuffix(f, "H")
	case len(f) >= 4 && strings.EqualFold(f[:4], "vni-"):
		return VNI, false
	}
	return Unicode, false
}

// tcvn3 maps the TCVN3 code points U+00A1–U+00FE to Unicode; zero entries
// are codes TCVN3 leaves to Latin-1.
var tcvn3 = [256]rune{
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ',
	0xC6: 'ặ', 0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}

// legacyByte returns the legacy code a rune stands for: Latin-1 as is, and
// symbol-font Private Use Area code points (U+F0xx) folded onto their byte.
func legacyByte(r rune) (byte, bool) {
	switch {
	case r < 0x100:
		return byte(r), true
	case r >= 0xF000 && r <= 0xF0FF:
		return byte(r - 0xF000), true
	}
	return 0, false
}

// DecodeTCVN3 converts TCVN3 text (as Latin-1 code points) to Unicode NFC.
// Upper is for the upper-case font variants (.VnTimeH). It must run before
// any normalisation or cleaning: ư is U+00AD, a soft hyphen that cleaners
// delete, and several codes look like other Vietnamese letters (ô is ụ).
func DecodeTCVN3(s string, upper bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for _, r := range s {
		if c, ok := legacyByte(r); ok {
			if u := tcvn3[c]; u != 0 {
				r = u
			} else if r >= 0xF000 {
				r = rune(c)
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	if upper {
		out = strings.ToUpper(out)
	}
	return norm.NFC.String(out)
}

// VNI mark bytes: what each adds to the vowel before it.
type vniMark struct {
	hat  rune // U+0302 circumflex or U+0306 breve, 0 for none
	tone rune // combining tone mark, 0 for none
}

var vniMarks = map[rune]vniMark{
	'ù': {0, '\u0301'}, 'ø': {0, '\u0300'}, 'û': {0, '\u0309'}, 'õ': {0, '\u0303'}, 'ï': {0, '\u0323'},
	'Ù': {0, '\u0301'}, 'Ø': {0, '\u0300'}, 'Û': {0, '\u0309'}, 'Õ': {0, '\u0303'}, 'Ï': {0, '\u0323'},
	'â': {'\u0302', 0}, 'Â': {'\u0302', 0}, 'ê': {'\u0306', 0}, 'Ê': {'\u0306', 0},
	'á': {'\u0302', '\u0301'}, 'à': {'\u0302', '\u0300'}, 'å': {'\u0302', '\u0309'}, 'ã': {'\u0302', '\u0303'}, 'ä': {'\u0302', '\u0323'},
	'Á': {'\u0302', '\u0301'}, 'À': {'\u0302', '\u0300'}, 'Å': {'\u0302', '\u0309'}, 'Ã': {'\u0302', '\u0303'}, 'Ä': {'\u0302', '\u0323'},
	'é': {'\u0306', '\u0301'}, 'è': {'\u0306', '\u0300'}, 'ú': {'\u0306', '\u0309'}, 'ü': {'\u0306', '\u0303'}, 'ë': {'\u0306', '\u0323'},
	'É': {'\u0306', '\u0301'}, 'È': {'\u0306', '\u0300'}, 'Ú': {'\u0306', '\u0309'}, 'Ü': {'\u0306', '\u0303'}, 'Ë': {'\u0306', '\u0323'},
}

// vniSingle are VNI codes that are letters on their own.
var vniSingle = map[rune]rune{
	'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
	'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
	'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị', 'Î': 'Ỵ',
}

// DecodeVNI converts VNI-Windows text (as Latin-1 code points) to Unicode
// NFC. A vowel followed by a mark byte becomes one letter; a mark byte
// that cannot apply to what precedes it is kept as written.
func DecodeVNI(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if c, ok := legacyByte(r); ok && r >= 0xF000 {
			r = rune(c)
		}
		if m, ok := vniMarks[r]; ok && len(out) > 0 {
			if v, ok := vniApply(out[len(out)-1], m); ok {
				out[len(out)-1] = v
				continue
			}
		}
		if u, ok := vniSingle[r]; ok {
			r = u
		}
		out = append(out, r)
	}
	return norm.NFC.String(string(out))
}

// vniApply adds mark m to the vowel v, if v can carry it: a hat only on a
// bare a/e/o (breve only on a), a tone only on a vowel without one.
func vniApply(v rune, m vniMark) (rune, bool) {
	d := norm.NFD.String(string(v))
	base, size := utf8.DecodeRuneInString(d)
	rest := d[size:]
	lb := unicode.ToLower(base)
	if !strings.ContainsRune("aeiouy", lb) {
		return 0, false
	}
	hasTone := strings.ContainsAny(rest, "\u0300\u0301\u0303\u0309\u0323")
	hasHat := strings.ContainsAny(rest, "\u0302\u0306\u031b")
	if m.tone != 0 && hasTone {
		return 0, false
	}
	if m.hat != 0 {
		if hasHat || hasTone {
			return 0, false
		}
		if m.hat == '\u0302' && !strings.ContainsRune("aeo", lb) || m.hat == '\u0306' && lb != 'a' {
			return 0, false
		}
	}
	var b strings.Builder
	b.WriteRune(base)
	b.WriteString(rest)
	if m.hat != 0 {
		b.WriteRune(m.hat)
	}
	if m.tone != 0 {
		b.WriteRune(m.tone)
	}
	c := norm.NFC.String(b.String())
	r, n := utf8.DecodeRuneInString(c)
	if n != len(c) {
		return 0, false // no precomposed letter: not Vietnamese
	}
	return r, true
}

// Decode converts s from enc to Unicode NFC.
func (e Encoding) Decode(s string, upper bool) string {
	switch e {
	case TCVN3:
		return DecodeTCVN3(s, upper)
	case VNI:
		s = DecodeVNI(s)
		if upper {
			s = strings.ToUpper(s)
		}
		return s
	}
	if upper {
		s = strings.ToUpper(s)
	}
	return norm.NFC.String(s)
}

// hasLegacyCodes reports whether s holds Latin-1 letters or symbols that a
// legacy encoding would give another meaning; plain ASCII or text already
// full of Vietnamese Unicode letters needs no guessing.
func hasLegacyCodes(s string) bool {
	for _, r := range s {
		if r >= 0xA1 && r <= 0xFE && !vietLatin1(r) {
			return true
		}
	}
	return false
}

// vietLatin1 reports whether r is a Latin-1 letter that Vietnamese
// Unicode text uses as itself.
func vietLatin1(r rune) bool {
	return strings.ContainsRune("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ", r)
}

// DetectEncoding guesses the encoding of text that came without a font
// name, by which decoding yields the largest share of valid Vietnamese
// syllables. It answers Unicode unless a legacy decoding is clearly better.
func DetectEncoding(s string) Encoding {
	if !hasLegacyCodes(s) {
		return Unicode
	}
	raw, _ := syllableScore(norm.NFC.String(s))
	t, tn := syllableScore(DecodeTCVN3(s, false))
	v, vn := syllableScore(DecodeVNI(s))
	best, enc, n := raw, Unicode, 0
	if t > best+0.15 {
		best, enc, n = t, TCVN3, tn
	}
	if v > best+0.15 && v > t {
		best, enc, n = v, VNI, vn
	}
	// Two syllables at least: a lone "©" is not evidence of anything.
	if best < 0.5 || n < 2 {
		return Unicode
	}
	return enc
}

// syllableScore returns the share of the words of s, among those holding
// a letter, that are valid Vietnamese syllables, and their number.
func syllableScore(s string) (float64, int) {
	words, valid := 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !(r >= 0xA1 && r <= 0xFF)
	}) {
		words++
		if validSyllable(w) {
			valid++
		}
	}
	if words == 0 {
		return 0, 0
	}
	return float64(valid) / float64(words), valid
}

var (
	onsets = []string{"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	codas = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t", "i", "o", "u", "y", ""}
	// nuclei holds the vowel groups once tones are removed (hats kept).
	nuclei = map[string]bool{"a": true, "ă": true, "â": true, "e": true, "ê": true, "i": true,
		"o": true, "ô": true, "ơ": true, "u": true, "ư": true, "y": true, "ia": true, "iê": true,
		"ua": true, "uô": true, "ưa": true, "ươ": true, "oa": true, "oă": true, "oe": true,
		"uê": true, "uy": true, "uâ": true, "uơ": true, "yê": true, "uyê": true, "uya": true, "oo": true}
)

// validSyllable checks the shape onset + vowel group + coda, with at most
// one tone mark. It is a plausibility filter, not a dictionary.
func validSyllable(w string) bool {
	d := norm.NFD.String(strings.ToLower(w))
	tones := 0
	var b strings.Builder
	for _, r := range d {
		switch r {
		case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
			tones++
			continue
		}
		b.WriteRune(r)
	}
	if tones > 1 {
		return false
	}
	s := norm.NFC.String(b.String())
	for _, on := range onsets {
		if !strings.HasPrefix(s, on) {
			continue
		}
		rest := s[len(on):]
		for _, co := range codas {
			if !strings.HasSuffix(rest, co) || len(rest) < len(co) {
				continue
			}
			if nuclei[rest[:len(rest)-len(co)]] {
				return true
			}
		}
	}
	return false
}

// Package vntext holds the Vietnamese text helpers shared by the dossier
// reader and the rules: folding words to a matching key (tone placement,
// sỹ/sĩ, Đ look-alikes) and a bare form without diacritics.
//
// Output never comes from the folded forms: they are keys for matching.
package vntext

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Matching works on a folded form of the text and output always comes from
// the text as written. Folding maps every spelling a dossier uses for one
// word onto one string:
//
//   - NFC, then lower case;
//   - the tone mark moved to a canonical vowel of the word (the last one), so
//     the old and new placements "uỷ"/"ủy", "hoà"/"hòa", "thuỷ"/"thủy" and
//     "khoẻ"/"khỏe" fold alike — the canonical form is only a key, it need
//     not be the correct spelling;
//   - a lone final y after a consonant becomes i: "sỹ"/"sĩ", "kỹ"/"kĩ", "lý"/"lí";
//   - the Đ look-alikes Ð (U+00D0) and ð (U+00F0) become đ;
//   - whitespace and punctuation are not part of words (see tokenize).
//
// The bare form goes further and drops every diacritic (đ → d). OCR text is
// matched on it, because Tesseract drops tone marks on capitals and swaps
// hook and acute.

// vowel bases, index 1..12; 0 = not a Vietnamese vowel.
const vowelBases = "aăâeêioôơuưy"

// tone marks in the order of the tone index 1..5.
var toneMarks = [...]rune{0x0300, 0x0301, 0x0309, 0x0303, 0x0323}

type foldTables struct {
	// info[r] for r < len(info): base index << 3 | tone, for Vietnamese vowels.
	info [0x1F00]uint8
	// compose[base][tone] is the lower-case precomposed vowel.
	compose [13][6]rune
	base    [13]rune // lower-case base with its hat
	bare    [13]byte // ASCII letter without any mark
	iBase   uint8    // base index of i
}

var tables = sync.OnceValue(func() *foldTables {
	t := new(foldTables)
	bases := []rune(vowelBases)
	for i, b := range bases {
		bi := i + 1
		t.base[bi] = b
		if b == 'i' {
			t.iBase = uint8(bi)
		}
		t.bare[bi] = norm.NFD.String(string(b))[0]
		for tone := 0; tone <= 5; tone++ {
			s := string(b)
			if tone > 0 {
				s += string(toneMarks[tone-1])
			}
			low := []rune(norm.NFC.String(s))[0]
			up := []rune(norm.NFC.String(strings.ToUpper(string(b)) + s[len(string(b)):]))[0]
			t.compose[bi][tone] = low
			for _, r := range []rune{low, up} {
				if int(r) < len(t.info) {
					t.info[r] = uint8(bi<<3 | tone)
				}
			}
		}
	}
	return t
})

// IsWordRune reports whether r belongs to a word. Combining marks count so
// that text which escaped NFC still tokenizes.
func IsWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if int(r) < len(tables().info) && tables().info[r] != 0 {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r >= 0x300 && unicode.Is(unicode.Mn, r)
}

// FoldWord appends the folded form of one word to buf, then its bare
// form, and returns buf and the offset of the bare form.
func FoldWord(buf []byte, w string) ([]byte, int) {
	t := tables()
	type letter struct {
		r    rune
		base uint8
	}
	var arr [48]letter
	rs := arr[:0]
	tone := 0
	lastVowel, vowels := -1, 0
	for _, r := range w {
		var bi uint8
		switch {
		case int(r) < len(t.info) && t.info[r] != 0:
			in := t.info[r]
			bi = in >> 3
			if tn := int(in & 7); tn != 0 && tone == 0 {
				tone = tn
			}
			r = t.base[bi]
		case r == 'Đ' || r == 'đ' || r == 'Ð' || r == 'ð':
			r = 'đ'
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case unicode.Is(unicode.Mn, r):
			// A stray combining mark: a tone mark moves like any other.
			for k, m := range toneMarks {
				if r == m && tone == 0 {
					tone = k + 1
				}
			}
			continue
		default:
			r = unicode.ToLower(r)
		}
		if bi != 0 {
			lastVowel = len(rs)
			vowels++
		}
		rs = append(rs, letter{r, bi})
	}
	// A lone final y after a consonant is the i of the other spelling.
	if vowels == 1 && lastVowel == len(rs)-1 && lastVowel > 0 && rs[lastVowel].r == 'y' {
		rs[lastVowel] = letter{'i', t.iBase}
	}
	for k, x := range rs {
		switch {
		case x.base != 0:
			tn := 0
			if k == lastVowel {
				tn = tone
			}
			buf = utf8.AppendRune(buf, t.compose[x.base][tn])
		default:
			buf = utf8.AppendRune(buf, x.r)
		}
	}
	bs := len(buf)
	for _, x := range rs {
		switch {
		case x.base != 0:
			buf = append(buf, t.bare[x.base])
		case x.r == 'đ':
			buf = append(buf, 'd')
		case x.r < utf8.RuneSelf:
			buf = append(buf, byte(x.r))
		default:
			buf = append(buf, bareRune(x.r)...)
		}
	}
	return buf, bs
}

// bareRune strips marks from a letter outside the Vietnamese set (é in a
// foreign name), keeping it if it has no ASCII base.
func bareRune(r rune) string {
	d := norm.NFD.String(string(r))
	if d[0] < utf8.RuneSelf {
		return d[:1]
	}
	return string(r)
}

// Fold returns the matching form of s: its words folded (see above) and
// joined by single spaces; punctuation is dropped. It is for comparing two
// texts, never for output.
func Fold(s string) string { return joinWords(s, false) }

// Bare returns the words of s without any diacritic, lower case, joined by
// single spaces.
func Bare(s string) string { return joinWords(s, true) }

func joinWords(s string, bare bool) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var out strings.Builder
	var buf []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !IsWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !IsWordRune(r) {
				break
			}
			j += n
		}
		var bs int
		buf, bs = FoldWord(buf[:0], s[i:j])
		if out.Len() > 0 {
			out.WriteByte(' ')
		}
		if bare {
			out.Write(buf[bs:])
		} else {
			out.Write(buf[:bs])
		}
		i = j
	}
	return out.String()
}

// SameText reports whether a and b are the same words once folded: it
// compares units and positions written by different hands.
func SameText(a, b string) bool { return Fold(a) == Fold(b) }

// EditWithin returns the Levenshtein distance of a and b (bytes) if it is at
// most k, else -1. Banded, so it costs O(len·k).
func EditWithin(a, b string, k int) int {
	if d := len(a) - len(b); d > k || -d > k {
		return -1
	}
	if k == 0 {
		if a == b {
			return 0
		}
		return -1
	}
	const big = 1 << 20
	var rowBuf [2][64]int
	n := len(b)
	var prev, cur []int
	if n+1 <= len(rowBuf[0]) {
		prev, cur = rowBuf[0][:n+1], rowBuf[1][:n+1]
	} else {
		prev, cur = make([]int, n+1), make([]int, n+1)
	}
	for j := 0; j <= n; j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(n, i+k)
		for j := range cur {
			cur[j] = big
		}
		if i <= k {
			cur[0] = i
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			if v := prev[j] + 1; v < c {
				c = v
			}
			if v := cur[j-1] + 1; v < c {
				c = v
			}
			cur[j] = c
			if c < rowMin {
				rowMin = c
			}
		}
		if rowMin > k {
			return -1
		}
		prev, cur = cur, prev
	}
	if prev[n] > k {
		return -1
	}
	return prev[n]
}

package dossier

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/hoso-vn/hoso/internal/vntext"
)

// token is one word of a block: a maximal run of letters and digits.
type token struct {
	w     string // folded
	b     string // bare: no diacritics, ASCII for Vietnamese
	sep   string // the non-word characters between the previous token and this one, as written
	start int    // byte offsets of the word in the line's text
	end   int
	num   int // value when the word is all digits (≤ 9 of them), else -1
	nd    int // number of digits when num ≥ 0
}

// line is a block's text split into tokens, ready for matching.
type line struct {
	text string // NFC, as written
	toks []token
	tail string // non-word characters after the last token
}

// tokenize splits s (normalised to NFC first) into folded tokens.
func tokenize(s string) line {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	l := line{text: s}
	// The folded and bare forms of every word go into one buffer, word
	// after word, so a block costs a few allocations whatever its length.
	// Until the buffer is final, num and nd hold the offsets of a word's
	// folded and bare forms in it; the bare form ends where the next word's
	// folded form starts.
	buf := make([]byte, 0, 2*len(s)+8)
	l.toks = make([]token, 0, len(s)/5+1)
	prev := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !vntext.IsWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !vntext.IsWordRune(r) {
				break
			}
			j += n
		}
		fs := len(buf)
		var bs int
		buf, bs = vntext.FoldWord(buf, s[i:j])
		l.toks = append(l.toks, token{sep: s[prev:i], start: i, end: j, num: fs, nd: bs})
		prev = j
		i = j
	}
	l.tail = s[prev:]
	all := string(buf)
	for k := range l.toks {
		t := &l.toks[k]
		be := len(all)
		if k+1 < len(l.toks) {
			be = l.toks[k+1].num
		}
		t.w, t.b = all[t.num:t.nd], all[t.nd:be]
		t.num, t.nd = -1, 0
		if len(t.w) <= 9 && allDigits(t.w) {
			t.num, t.nd = atoi(t.w), len(t.w)
		}
	}
	return l
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

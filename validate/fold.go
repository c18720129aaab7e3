package validate

import (
	"strings"
	"unicode"
)

// foldWords lower-cases s, removes Vietnamese tone and vowel marks (đ → d)
// and squashes everything that is not a letter or digit into single
// spaces, so "Tốt nghiệp THCS" and "tot nghiep thcs" compare equal. It is
// for matching only; nothing folded is ever shown.
func foldWords(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.Is(unicode.Mn, r) { // NFD tone marks
			continue
		}
		if f, ok := viBase[r]; ok {
			r = f
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// viBase maps each precomposed lower-case Vietnamese letter to its base.
var viBase = func() map[rune]rune {
	groups := map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậ",
		'e': "èéẻẽẹêềếểễệ",
		'i': "ìíỉĩị",
		'o': "òóỏõọôồốổỗộơờớởỡợ",
		'u': "ùúủũụưừứửữự",
		'y': "ỳýỷỹỵ",
		'd': "đ",
	}
	m := map[rune]rune{}
	for base, rs := range groups {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}()

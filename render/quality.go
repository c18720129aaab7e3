package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso/internal/vntext"
	"golang.org/x/text/unicode/norm"
)

// The letter prints names, units, issuers and addressees as the dossier
// writes them. Before it does, each goes through a text check, because OCR
// and line wraps damage exactly these: "UBÑND", "Công ty Cố phần", "Hành
// chính - Tố chức", a unit cut before its last word. A value that fails is
// left out of the letter and the record is marked for review with the
// reason (see Review).

// minTextConfidence is the OCR confidence under which a name is not printed
// as a fact. It is the rule sets' min_confidence, measured on the scan
// corpus: every correctly read value had 0.854 or more (validate's
// rules/52-CV-BTCDU-2019.yaml records the figures).
const minTextConfidence = 0.85

// toned lists each Vietnamese vowel with its five tone marks, in the order
// none, huyền, sắc, hỏi, ngã, nặng.
var toned = [...]string{"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
	"oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"}

type toneOf struct {
	base rune
	tone int // 0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng
}

var vowelTone = func() map[rune]toneOf {
	m := map[rune]toneOf{}
	for _, s := range toned {
		rs := []rune(s)
		for i, r := range rs {
			m[r] = toneOf{rs[0], i}
		}
	}
	return m
}()

// onsets are the initial consonants of Vietnamese spelling, longest first.
var onsets = []string{"ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}

// rhymes are the toneless rhymes (vần) of Vietnamese spelling, including the
// medial o/u ("oa", "uy", "uyên"). The list is checked against Debian's
// hunspell-vi word list by TestSyllablesCoverHunspell: every syllable there
// must be accepted.
var rhymes = func() map[string]bool {
	list := `a ai ao au ay am an ang anh ac ach ap at
ă ăm ăn ăng ăc ăp ăt
â âm ân âng âc âp ât âu ây
e eo em en eng ec ep et
ê êu êm ên êng ênh êch êp êt
i ia iu im in inh ich ip it
iêm iên iêng iêc iêp iêt iêu
o oi om on ong oc op ot ooc oong oo
ô ôi ôm ôn ông ôc ôp ôt ôô
ơ ơi ơm ơn ơp ơt
u ua ui uôi um un ung uc up ut uôm uôn uông uôc uôt uơ
ư ưa ưi ưu ưm ưn ưng ưc ưt
ươ ươi ươu ươm ươn ương ươc ươp ươt
y yêm yên yêng yêt yêu
oa oai oay oam oan oang oanh oac oach oap oat oăm oăn oăng oăc oăt
oe oen oet oeo oem
uê uênh uêch uên uêt
uâ uân uâng uât uây
uy uya uyu uych uyên uyêt uynh uyt uyn uyp
ua uô oao ynh yt ych`
	m := map[string]bool{}
	for _, r := range strings.Fields(list) {
		m[r] = true
	}
	return m
}()

// stop reports whether a toneless rhyme ends in a stop consonant, which
// takes only the sắc or nặng tone.
func stop(rhyme string) bool {
	for _, c := range []string{"p", "t", "c", "ch"} {
		if strings.HasSuffix(rhyme, c) {
			return true
		}
	}
	return false
}

// syllable reports whether w (one word, any case) is a Vietnamese syllable
// by its spelling: an onset, a rhyme from the table, at most one tone mark,
// and only sắc or nặng on a rhyme closed by p, t, c or ch.
func syllable(w string) bool {
	w = strings.ToLower(norm.NFC.String(w))
	var b strings.Builder
	tone := 0
	for _, r := range w {
		if t, ok := vowelTone[r]; ok {
			if t.tone != 0 {
				if tone != 0 {
					return false // two tone marks
				}
				tone = t.tone
			}
			b.WriteRune(t.base)
			continue
		}
		if r == 'đ' || (r >= 'a' && r <= 'z') {
			b.WriteRune(r)
			continue
		}
		return false
	}
	s := b.String()
	try := func(rhyme string) bool {
		if !rhymes[rhyme] {
			return false
		}
		return !stop(rhyme) || tone == 2 || tone == 5
	}
	// "gi" and "qu" also leave a rhyme starting with their vowel ("gì" is g
	// + i; "giá" is gi + a), so try every onset that fits, not only the
	// longest.
	if try(s) {
		return true
	}
	for _, o := range onsets {
		if strings.HasPrefix(s, o) && len(s) > len(o) && try(s[len(o):]) {
			return true
		}
	}
	// "gi" alone, "gìn": the i of gi doubles as the rhyme's vowel.
	if strings.HasPrefix(s, "gi") && try(s[1:]) {
		return true
	}
	return false
}

// confusions are word pairs of administrative names as they must be
// written; OCR turns "ổ" into "ố" and "ể" into "ế" ("Cố phần", "Tố chức",
// "thế dục"), which are syllables, so only the pair gives them away. A pair
// in the text that folds to one of these but is spelt otherwise is
// garbled. Accent placement (uỷ/ủy, hoà/hòa) is not a difference.
var confusions = func() map[string]string {
	words := []string{
		"tổ chức", "cổ phần", "cổ truyền", "thể dục", "thể thao", "hành chính", "ủy ban", "nhân dân",
		"tài chính", "kế hoạch", "đầu tư", "nội vụ", "tư pháp", "y tế", "giáo dục", "đào tạo",
		"văn hoá", "du lịch", "xây dựng", "giao thông", "vận tải", "công thương", "nông nghiệp",
		"phát triển", "nông thôn", "tài nguyên", "môi trường", "thông tin", "truyền thông",
		"khoa học", "công nghệ", "lao động", "thương binh", "xã hội", "bảo hiểm", "kho bạc",
		"nhà nước", "thanh tra", "ngoại vụ", "dân tộc", "tôn giáo", "văn phòng", "đảng uỷ",
		"chi bộ", "bệnh viện", "trung tâm", "trường học", "trung học", "phổ thông", "cơ sở",
		"đại học", "cao đẳng", "công ty", "trách nhiệm", "hữu hạn", "một thành viên", "cục thuế",
		"chi cục", "hải quan", "kiểm lâm", "thuỷ lợi", "thuỷ sản", "quản lý", "dự án", "ngân hàng",
		"ngân sách", "cán bộ", "công chức", "viên chức", "chuyên viên", "phó giám", "giám đốc",
		"chủ tịch", "trưởng phòng", "phó trưởng", "kế toán", "tổng hợp", "quy hoạch", "kiến trúc",
		"đo đạc", "bản đồ", "địa chính", "thống kê", "hội đồng", "mặt trận", "tổ quốc", "công đoàn",
		"thanh niên", "phụ nữ", "cựu chiến binh", "huấn luyện", "thi đấu", "học viện", "chính trị",
		"bồi dưỡng", "khám bệnh", "chữa bệnh", "phòng khám", "điều dưỡng", "dược phẩm", "truyền hình",
		"phát thanh", "báo chí", "xuất bản", "lưu trữ", "tỉnh uỷ", "huyện uỷ", "thành uỷ",
	}
	m := map[string]string{}
	for _, w := range words {
		f := strings.Fields(w)
		for i := 0; i+1 < len(f); i++ {
			pair := f[i] + " " + f[i+1]
			m[vntext.Bare(pair)] = canonAccent(pair)
		}
	}
	return m
}()

// canonAccent lower-cases s and puts the tone of "oa", "oe", "uy" on the
// same letter whichever style the writer used (hoà/hòa, uỷ/ủy), so two
// spellings of one word compare equal.
func canonAccent(s string) string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(norm.NFC.String(s))) {
		rs := []rune(w)
		tone := 0
		for i, r := range rs {
			if t, ok := vowelTone[r]; ok && t.tone != 0 {
				tone = t.tone
				rs[i] = t.base
			}
		}
		if tone != 0 {
			// Put the mark on the last vowel of the word's vowel run.
			last := -1
			for i, r := range rs {
				if _, ok := vowelTone[r]; ok {
					last = i
				}
			}
			if last >= 0 {
				for _, s := range toned {
					v := []rune(s)
					if v[0] == rs[last] {
						rs[last] = v[tone]
					}
				}
			}
		}
		out = append(out, string(rs))
	}
	return strings.Join(out, " ")
}

// cutWords end a phrase that was cut before its last word: a unit never
// ends in "và", "của", "thuộc".
var cutWords = map[string]bool{"và": true, "của": true, "các": true, "về": true, "với": true, "tại": true,
	"thuộc": true, "trực": true, "hoặc": true, "cùng": true, "trong": true, "những": true, "cho": true}

// allowedPunct are the characters besides letters, digits and spaces that
// names, units and issuers use.
const allowedPunct = ",.-–/()'’&:;\"“”"

// isVietLetter reports whether r belongs to the Vietnamese alphabet (with
// its marks) or the Latin letters f, j, w, z of foreign names.
func isVietLetter(r rune) bool {
	r = unicode.ToLower(r)
	if r >= 'a' && r <= 'z' || r == 'đ' {
		return true
	}
	_, ok := vowelTone[r]
	return ok
}

// garbled says why s does not read as a Vietnamese name, unit or issuer, or
// "" when it does: a character outside Vietnamese orthography, a word that
// is no Vietnamese syllable, a pair of words that is a known name misread,
// a phrase cut before its last word.
func garbled(s string) string { return checkText(s, true) }

// garbledName is garbled for a person's name, which is not checked against
// the pairs of administrative words ("Tố Chức" may be a name).
func garbledName(s string) string { return checkText(s, false) }

func checkText(s string, pairs bool) string {
	s = norm.NFC.String(strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	for _, r := range s {
		if !isVietLetter(r) && !unicode.IsDigit(r) && !unicode.IsSpace(r) && !strings.ContainsRune(allowedPunct, r) {
			return "có ký tự không thuộc chữ Việt (" + string(r) + ")"
		}
	}
	if strings.Count(s, "(") != strings.Count(s, ")") {
		return "thiếu dấu ngoặc, có thể bị cắt dòng"
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return !isVietLetter(r) })
	for _, w := range words {
		if abbreviation(w) || syllable(w) || properName(w) {
			continue
		}
		return "có từ không phải âm tiết tiếng Việt (" + w + ")"
	}
	for i := 0; pairs && i+1 < len(words); i++ {
		pair := words[i] + " " + words[i+1]
		if want, ok := confusions[vntext.Bare(pair)]; ok && misread(canonAccent(pair), want) {
			return "có cụm từ nghi nhận dạng sai (" + pair + ")"
		}
	}
	trimmed := strings.TrimRight(s, " ")
	if last, _ := utf8.DecodeLastRuneInString(trimmed); strings.ContainsRune(",-–/(&:;", last) {
		return "bị cắt giữa chừng (kết thúc bằng \"" + string(last) + "\")"
	}
	if len(words) > 1 && cutWords[strings.ToLower(words[len(words)-1])] {
		return "bị cắt giữa chừng (kết thúc bằng \"" + words[len(words)-1] + "\")"
	}
	return ""
}

// misread reports whether got differs from want only where OCR confuses
// the hỏi mark with the sắc mark (ổ read as ố, ể as ế): "Văn Hoà" against
// "văn hoá" is another word, "Tố chức" against "tổ chức" a misreading.
func misread(got, want string) bool {
	g, w := []rune(got), []rune(want)
	if len(g) != len(w) || got == want {
		return false
	}
	for i := range g {
		if g[i] == w[i] {
			continue
		}
		tg, okg := vowelTone[g[i]]
		tw, okw := vowelTone[w[i]]
		if !okg || !okw || tg.base != tw.base || tg.tone != 2 || tw.tone != 3 {
			return false
		}
	}
	return true
}

// abbreviation reports whether w is an abbreviation in capitals ("UBND",
// "HĐND", "TNHH", "THPT"): two to eight capital letters without tone
// marks.
func abbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) || !isVietLetter(r) {
			return false
		}
		if t, ok := vowelTone[unicode.ToLower(r)]; ok && (t.tone != 0 || t.base != unicode.ToLower(r)) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 8
}

// properName reports whether w may be a proper name that is not a Kinh
// syllable: names and places of the Ê Đê, Jrai and other peoples ("Niê",
// "Ea Tu", "H’Linh", "Ksor") and foreign names ("Viettel"). It must be in
// title case (one capital, then small letters: OCR debris in capitals such
// as "VUỦ" is not), carry at most one tone mark and have a vowel, or be a
// single capital ("H" of "H’Linh").
func properName(w string) bool {
	rs := []rune(w)
	if !unicode.IsUpper(rs[0]) {
		return false
	}
	if len(rs) == 1 {
		return true
	}
	tones, vowel := 0, false
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	for _, r := range rs {
		if t, ok := vowelTone[unicode.ToLower(r)]; ok {
			vowel = true
			if t.tone != 0 {
				tones++
			}
		}
	}
	return vowel && tones <= 1
}

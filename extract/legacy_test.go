package extract

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The signature strings of the reference tables (vn-admin-and-admission.md §6.2).
func TestDecodeTCVN3Signatures(t *testing.T) {
	for in, want := range map[string]string{
		"Uû ban nh©n d©n":         "Uỷ ban nhân dân",
		"§¶ng Céng s¶n ViÖt Nam":  "Đảng Cộng sản Việt Nam",
		"hoµn thµnh tèt nhiÖm vô": "hoàn thành tốt nhiệm vụ",
		"xuÊt s¾c":                "xuất sắc",
		"ng\u00adêi":              "người",
		"¡¢£¤¥¦§ ¨©ª«¬\u00ad®":    "ĂÂÊÔƠƯĐ ăâêôơưđ",
		"\uf0a7\uf0b6ng":          "Đảng", // symbol-charset code points in the PUA
	} {
		if got := DecodeTCVN3(in, false); got != want {
			t.Errorf("DecodeTCVN3(%q) = %q, want %q", in, got, want)
		}
	}
	if got := DecodeTCVN3("céng hoµ", true); got != "CỘNG HOÀ" {
		t.Errorf("upper-case font: %q", got)
	}
}

func TestDecodeVNISignatures(t *testing.T) {
	for in, want := range map[string]string{
		"Xin chaøo caùc baïn":          "Xin chào các bạn",
		"Ñaûng":                        "Đảng",
		"Vieät Nam":                    "Việt Nam",
		"hoaøn thaønh toát nhieäm vuï": "hoàn thành tốt nhiệm vụ",
		"Ngöôøi":                       "Người",
		"COÄNG HOAØ XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM": "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"naêm 2018, xuaát saéc, Laõnh ñaïo":        "năm 2018, xuất sắc, Lãnh đạo",
		"ù at start, bù":                           "ù at start, bù", // a mark with no vowel before it stays
	} {
		if got := DecodeVNI(in); got != want {
			t.Errorf("DecodeVNI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFontEncoding(t *testing.T) {
	tests := []struct {
		font  string
		enc   Encoding
		upper bool
	}{
		{".VnTime", TCVN3, false}, {".VnTimeH", TCVN3, true}, {".VnArialH", TCVN3, true},
		{".VnCentury Schoolbook", TCVN3, false}, {"VNI-Times", VNI, false}, {"vni-helve", VNI, false},
		{"Times New Roman", Unicode, false}, {"", Unicode, false}, {"VN Times", Unicode, false},
	}
	for _, tc := range tests {
		enc, upper := FontEncoding(tc.font)
		if enc != tc.enc || upper != tc.upper {
			t.Errorf("FontEncoding(%q) = %v,%v want %v,%v", tc.font, enc, upper, tc.enc, tc.upper)
		}
	}
}

func TestDetectEncoding(t *testing.T) {
	tests := []struct {
		in   string
		want Encoding
	}{
		{"Uû ban nh©n d©n x· Hoµ B×nh", TCVN3},
		{"Hä vµ tªn: NguyÔn ThÞ H\u00ad¬ng, sinh n¨m 1990", TCVN3},
		{"Hoï vaø teân: Nguyeãn Thò Höông, sinh naêm 1990", VNI},
		{"Họ và tên: Nguyễn Thị Hương, sinh năm 1990", Unicode},
		{"Lê Văn Hoà, ông bà, Uỷ ban", Unicode},
		{"Plain ASCII text 2018", Unicode},
		{"© 2018 ®", Unicode},
	}
	for _, tc := range tests {
		if got := DetectEncoding(tc.in); got != tc.want {
			t.Errorf("DetectEncoding(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// encodeTCVN3 is the inverse table, for round trips; runes TCVN3 cannot
// encode are dropped.
func encodeTCVN3(s string) string {
	var inv = map[rune]rune{}
	for c, u := range tcvn3 {
		if u != 0 {
			inv[u] = rune(c)
		}
	}
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if c, ok := inv[r]; ok {
			b.WriteRune(c)
		} else if r < 0x80 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var vniToneByte = map[rune][2]rune{ // tone → {lower, upper} mark
	'\u0301': {'ù', 'Ù'}, '\u0300': {'ø', 'Ø'}, '\u0309': {'û', 'Û'}, '\u0303': {'õ', 'Õ'}, '\u0323': {'ï', 'Ï'},
}
var vniHatTone = map[[2]rune][2]rune{
	{'\u0302', 0}: {'â', 'Â'}, {'\u0306', 0}: {'ê', 'Ê'},
	{'\u0302', '\u0301'}: {'á', 'Á'}, {'\u0302', '\u0300'}: {'à', 'À'}, {'\u0302', '\u0309'}: {'å', 'Å'},
	{'\u0302', '\u0303'}: {'ã', 'Ã'}, {'\u0302', '\u0323'}: {'ä', 'Ä'},
	{'\u0306', '\u0301'}: {'é', 'É'}, {'\u0306', '\u0300'}: {'è', 'È'}, {'\u0306', '\u0309'}: {'ú', 'Ú'},
	{'\u0306', '\u0303'}: {'ü', 'Ü'}, {'\u0306', '\u0323'}: {'ë', 'Ë'},
}

// encodeVNI writes Vietnamese letters the VNI way; other non-ASCII runes
// are dropped.
func encodeVNI(s string) string {
	inv := map[rune]rune{}
	for c, u := range vniSingle {
		inv[u] = c
	}
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if c, ok := inv[r]; ok {
			b.WriteRune(c)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base := d[0]
		if !strings.ContainsRune("aeiouyAEIOUYđĐ", base) {
			continue
		}
		var hat, tone rune
		horn := false
		for _, m := range d[1:] {
			switch m {
			case '\u0302', '\u0306':
				hat = m
			case '\u031b':
				horn = true
			default:
				tone = m
			}
		}
		up := 0
		if unicode.IsUpper(base) {
			up = 1
		}
		if horn { // ơ, ư are single VNI codes; the tone follows them
			base = inv[[]rune(norm.NFC.String(string(base) + "\u031b"))[0]]
		}
		b.WriteRune(base)
		switch {
		case hat != 0:
			b.WriteRune(vniHatTone[[2]rune{hat, tone}][up])
		case tone != 0:
			b.WriteRune(vniToneByte[tone][up])
		}
	}
	return b.String()
}

// vietOnly keeps ASCII and the letters of the Vietnamese alphabet (a
// Latin base letter or đ with Vietnamese marks only) of s.
func vietOnly(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if r < 0x80 && r != 0 || vietLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func vietLetter(r rune) bool {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) < 2 && r != 'đ' && r != 'Đ' {
		return false
	}
	if !strings.ContainsRune("aeiouyAEIOUYđĐ", d[0]) {
		return false
	}
	for _, m := range d[1:] {
		if !strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b", m) {
			return false
		}
	}
	return validSyllable(string(r))
}

func TestRoundTrip(t *testing.T) {
	for _, s := range []string{
		"Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc",
		"người được khen thưởng, hoàn thành xuất sắc nhiệm vụ năm 2019, Chiến sĩ thi đua cơ sở",
		"Uỷ ban nhân dân tỉnh Thừa Thiên Huế, quyết định số 123/QĐ-UBND",
	} {
		if got := DecodeVNI(encodeVNI(s)); got != s {
			t.Errorf("VNI round trip: %q → %q → %q", s, encodeVNI(s), got)
		}
		low := strings.ToLower(s)
		if got := DecodeTCVN3(encodeTCVN3(low), false); got != low {
			t.Errorf("TCVN3 round trip: %q → %q", low, got)
		}
	}
}

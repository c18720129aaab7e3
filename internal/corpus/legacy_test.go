package corpus

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// The signatures are the ones the reference notes (§6.2) check both
// tables against.
func TestEncodeTCVN3(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"Uỷ ban nhân dân", "Uû ban nh©n d©n", true},
		{"Đảng Cộng sản Việt Nam", "§¶ng Céng s¶n ViÖt Nam", true},
		{"hoàn thành tốt nhiệm vụ", "hoµn thµnh tèt nhiÖm vô", true},
		{"xuất sắc", "xuÊt s¾c", true},
		{"người", "ng\u00adêi", true},
		{"Ông Ánh", "¤ng \u00c1nh", false}, // Á has no code in .VnTime
	} {
		got, ok := EncodeTCVN3(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("EncodeTCVN3(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestTCVN3SegmentsPutCapitalsInH(t *testing.T) {
	segs := tcvn3Segments("Ông Thị Ánh", false)
	want := []segment{{"¤ng ThÞ ", ".VnTime"}, {"¸", ".VnTimeH"}, {"nh", ".VnTime"}}
	if len(segs) != len(want) {
		t.Fatalf("segments %q, want %q", segs, want)
	}
	for i := range want {
		if segs[i] != want[i] {
			t.Errorf("segment %d = %q, want %q", i, segs[i], want[i])
		}
	}
	h := tcvn3Segments("LÝ LỊCH", true)
	if len(h) != 1 || h[0].font != ".VnTimeH" || h[0].text != "lý lÞch" {
		t.Errorf("heading = %q", h)
	}
}

func TestEncodeVNI(t *testing.T) {
	for in, want := range map[string]string{
		"Xin chào các bạn":        "Xin chaøo caùc baïn",
		"Đảng":                    "Ñaûng",
		"Việt Nam":                "Vieät Nam",
		"hoàn thành tốt nhiệm vụ": "hoaøn thaønh toát nhieäm vuï",
		"Người":                   "Ngöôøi",
		"ĐẢNG":                    "ÑAÛNG",
		"Lê Thị Thuỵ":             "Leâ Thò Thuî",
	} {
		if got := EncodeVNI(in); got != want {
			t.Errorf("EncodeVNI(%q) = %q, want %q", in, got, want)
		}
	}
}

// vietnameseLetters lists the 134 accented and plain letters of the
// alphabet, lower and upper case.
func vietnameseLetters() []string {
	var out []string
	for _, row := range tcvn3Rows {
		for _, c := range row.letters {
			out = append(out, string(c), strings.ToUpper(string(c)))
		}
	}
	return out
}

// A legacy encoding that maps two letters to the same bytes would make
// the corpus ambiguous; every letter must also leave the encoder changed
// into Latin-1 (no Vietnamese letter may survive as itself except the
// plain ASCII ones).
func TestLegacyEncodersAreInjective(t *testing.T) {
	letters := vietnameseLetters()
	for name, enc := range map[string]func(string) string{
		"VNI":   EncodeVNI,
		"TCVN3": func(s string) string { x, _ := EncodeTCVN3(strings.ToLower(s)); return x },
	} {
		seen := map[string]string{}
		for _, l := range letters {
			e := enc(l)
			if name == "TCVN3" {
				l = strings.ToLower(l)
			}
			if prev, dup := seen[e]; dup && prev != l {
				t.Errorf("%s: %q and %q both encode as %q", name, prev, l, e)
			}
			seen[e] = l
			for _, c := range e {
				if c > 0xff {
					t.Errorf("%s: %q encodes to %q, outside Latin-1", name, l, e)
				}
			}
		}
	}
	if got := EncodeVNI(norm.NFD.String("Hoà")); got != "Hoaø" {
		t.Errorf("decomposed input: %q", got)
	}
}

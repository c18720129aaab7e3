package render

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/hoso-vn/hoso/internal/testenv"
)

// hunspellVI is Debian's hunspell-vi word list (package hunspell-vi, from
// LibreOffice's dictionaries, GPL-2): one Vietnamese syllable a line, plus
// a few abbreviations and foreign words. It is read by the test only, to
// check the syllable grammar the letter uses; nothing of it is embedded.
const hunspellVI = "/usr/share/hunspell/vi_VN.dic"

// loanwords are the entries of hunspell-vi that are not Vietnamese
// syllables: foreign words, and stop-final spellings without a tone mark.
var loanwords = map[string]bool{"basoi": true, "email": true, "gram": true, "internet": true, "intranet": true,
	"palăng": true, "ping": true, "tivi": true, "tout": true, "v": true, "web": true,
	"gip": true, "têt": true, "xit": true}

// TestSyllablesCoverHunspell: every lower-case syllable of the hunspell-vi
// list is accepted by the spelling grammar, so a real word is never held
// back as garbled.
func TestSyllablesCoverHunspell(t *testing.T) {
	f, err := os.Open(hunspellVI)
	if err != nil {
		testenv.Missing(t, "hunspell-vi word list ("+hunspellVI+"; apt-get install hunspell-vi)")
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // the count
	n, bad := 0, []string{}
	for sc.Scan() {
		w, _, _ := strings.Cut(strings.TrimSpace(sc.Text()), "/")
		if w == "" || unicode.IsUpper([]rune(w)[0]) {
			continue // abbreviations and proper names
		}
		if loanwords[w] {
			continue
		}
		n++
		if !syllable(w) {
			bad = append(bad, w)
		}
	}
	t.Logf("%d of %d hunspell-vi syllables accepted", n-len(bad), n)
	if len(bad) > 0 {
		t.Errorf("%d syllables rejected: %v", len(bad), bad)
	}
	if n < 6000 {
		t.Errorf("only %d syllables read from %s", n, hunspellVI)
	}
}

func TestGarbled(t *testing.T) {
	for _, tt := range []struct {
		in, why string // why: "" for clean, else a substring of the reason
	}{
		{"Nguyễn Thị Hương", ""},
		{"Lê Văn Hoà", ""},
		{"H’Linh Niê", ""},
		{"Trường Tiểu học Ea Tu, thành phố Buôn Ma Thuột", ""},
		{"Đảng uỷ xã Ea Tu", ""},
		{"Công ty Viettel", ""},
		{"Sở Tài chính tỉnh Thái Bình", ""},
		{"Đảng uỷ Kho bạc Nhà nước Hà Tĩnh", ""},
		{"Đảng ủy Kho bạc Nhà nước Hà Tĩnh", ""},
		{"Chủ tịch UBND tỉnh", ""},
		{"Văn phòng HĐND và UBND huyện Yên Khánh", ""},
		{"Công ty TNHH Một thành viên Xổ số kiến thiết", ""},
		{"Công ty Cổ phần FPT", ""},
		{"Bệnh viện Y học cổ truyền tỉnh Thanh Hoá", ""},
		{"Phòng Hành chính - Tổ chức", ""},
		{"UBÑND tỉnh", "ký tự không thuộc chữ Việt"},
		{"Công ty Cố phần Xây dựng", "cố phần"},
		{"Phòng Hành chính - Tố chức", "tố chức"},
		{"Bệnh viện Y học cố truyền tỉnh Thanh Hoá", "cố truyền"},
		{"Trung tâm Huấn luyện và Thi đấu thế dục thế thao", "thế dục"},
		{"Sở Giáo dục và", "cắt giữa chừng"},
		{"Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh (", "ngoặc"},
		{"Sở Tài chinhh", "âm tiết"},
		{"Ng uyễn", "âm tiết"},
		{"8 VUỦ si", "âm tiết"},
	} {
		if got := garbledName("Trần Thị Tố Chức"); got != "" {
			t.Errorf("a name is not checked against administrative pairs: %q", got)
		}
		got := garbled(tt.in)
		if (tt.why == "") != (got == "") || !strings.Contains(strings.ToLower(got), strings.ToLower(tt.why)) {
			t.Errorf("garbled(%q) = %q, want %q", tt.in, got, tt.why)
		}
	}
}

package extract

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/testenv"
	"golang.org/x/text/unicode/norm"
)

// pdfPage is one page of a hand-made PDF: a content stream, and the
// content of an optional Form XObject /X1 it may draw.
type pdfPage struct {
	content string
	form    string
	jpeg    []byte // drawn as /Im1, jpegW×jpegH pixels
	jpegW   int
	jpegH   int
	deflate bool // compress the content stream
}

// pdfOf writes a minimal valid PDF with Helvetica (WinAnsiEncoding), so
// byte strings in the content come out as Latin-1 letters. rawPages, if
// set, replaces the page tree object verbatim (to make broken files).
func pdfOf(pages []pdfPage, rawPages string) []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	add("<< /Type /Catalog /Pages 2 0 R >>")
	add("") // page tree, filled below
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, p := range pages {
		res := fmt.Sprintf("/Font << /F1 %d 0 R >>", font)
		if p.form != "" {
			f := add(fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 %d 0 R >> >> /Length %d >>\nstream\n%s\nendstream",
				font, len(p.form), p.form))
			res += fmt.Sprintf(" /XObject << /X1 %d 0 R >>", f)
		}
		if p.jpeg != nil {
			im := add(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream",
				p.jpegW, p.jpegH, len(p.jpeg), p.jpeg))
			res += fmt.Sprintf(" /XObject << /Im1 %d 0 R >>", im)
		}
		content, filter := p.content, ""
		if p.deflate {
			var z bytes.Buffer
			zw := zlib.NewWriter(&z)
			zw.Write([]byte(content))
			zw.Close()
			content, filter = z.String(), " /Filter /FlateDecode"
		}
		c := add(fmt.Sprintf("<< /Length %d%s >>\nstream\n%s\nendstream", len(content), filter, content))
		pg := add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << %s >> /Contents %d 0 R >>", res, c))
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		if i == 1 && rawPages != "" {
			fmt.Fprintf(&b, "%d 0 obj\n%s\n", i+1, rawPages)
			continue
		}
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// textOp shows s (Latin-1 bytes) at y.
func textOp(y int, s string) string {
	var esc strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			esc.WriteByte('\\')
			esc.WriteByte(c)
		default:
			esc.WriteByte(c)
		}
	}
	return fmt.Sprintf("BT /F1 12 Tf 72 %d Td (%s) Tj ET\n", y, esc.String())
}

func pdfBytes(t *testing.T, data []byte, lim Limits) (*Text, error) {
	t.Helper()
	return PDF(context.Background(), bytes.NewReader(data), int64(len(data)), lim)
}

func TestPDFLibreOffice(t *testing.T) {
	data, err := os.ReadFile("testdata/dossier.pdf")
	if err != nil {
		t.Fatal(err)
	}
	txt, err := pdfBytes(t, data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if txt.Pages != 3 || txt.Format != hoso.FormatPDFText || len(txt.NeedOCR) != 0 {
		t.Errorf("pages %d format %s needOCR %v", txt.Pages, txt.Format, txt.NeedOCR)
	}
	lines := map[string]Block{}
	for _, b := range txt.Blocks {
		lines[b.Text] = b
		if !norm.NFC.IsNormalString(b.Text) {
			t.Errorf("not NFC: %q", b.Text)
		}
	}
	for _, want := range []string{
		"Họ và tên: Nguyễn Thị Hương",
		"Ngày sinh: ngày 12 tháng 5 năm 1990",
		"Đơn vị công tác: Trường Tiểu học An Bình, huyện Đông Sơn, tỉnh Thanh Hoá",
		// Table cells a column apart are separated by a tab, as in the
		// pdftotext fallback.
		"2018\tHoàn thành tốt nhiệm vụ Lao động tiên tiến",
		"Trần Văn Bình",
	} {
		if _, ok := lines[want]; !ok {
			t.Errorf("line %q not found", want)
		}
	}
	if b := lines["Họ và tên: Nguyễn Thị Hương"]; b.Page != 1 || b.ID == "" {
		t.Errorf("provenance of the name line: page %d id %q", b.Page, b.ID)
	}
	if b := lines["Trần Văn Bình"]; b.Page != 3 {
		t.Errorf("signature on page %d, want 3", b.Page)
	}
}

func TestPDFPages(t *testing.T) {
	testenv.LookPath(t, "pdftotext")
	tcvn := "\xa7\xb6ng C\xe9ng s\xb6n Vi\xd6t Nam, ho\xb5n th\xb5nh t\xe8t nhi\xd6m v\xf4"
	data := pdfOf([]pdfPage{
		{content: textOp(700, "Ho va ten: Nguyen Van An") + textOp(680, "Nam 2018: HTTNV")},
		{content: ""}, // a scan: no text at all
		{content: "q 1 0 0 1 0 0 cm /X1 Do Q\n", form: textOp(700, "Text in a form XObject")},
		{content: textOp(700, tcvn)},
		{content: textOp(700, "\x01\x02\x03\x04\x05\x06\x07\x08 \x0e\x0f\x10\x11\x12")},
	}, "")
	txt, err := pdfBytes(t, data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range txt.Blocks {
		got = append(got, fmt.Sprintf("%d/%s/%s", b.Page, b.ID, b.Text))
	}
	want := []string{
		"1/l1/Ho va ten: Nguyen Van An", "1/l2/Nam 2018: HTTNV",
		"3/l1/Text in a form XObject",
		"4/l1/Đảng Cộng sản Việt Nam, hoàn thành tốt nhiệm vụ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks\n got %q\nwant %q", got, want)
	}
	if fmt.Sprint(txt.NeedOCR) != "[2 5]" {
		t.Errorf("NeedOCR %v, want [2 5]", txt.NeedOCR)
	}
	if len(txt.Warnings) != 1 || txt.Warnings[0].Code != hoso.WarnLegacyFont {
		t.Errorf("warnings %+v, want one legacy_encoding", txt.Warnings)
	}
}

func TestPDFWordsOnOneLine(t *testing.T) {
	// One text object per word, as some generators write, and a TJ with
	// wide gaps and no space glyphs.
	c := "BT /F1 12 Tf 72 700 Td (Nguyen) Tj ET BT /F1 12 Tf 120 700 Td (Van) Tj ET BT /F1 12 Tf 150 700 Td (An) Tj ET " +
		"BT /F1 12 Tf 72 680 Td [(Hoan)-300(thanh)-20(tot)] TJ ET BT /F1 12 Tf 72 660 Td (Nguyen ) Tj ET BT /F1 12 Tf 110 660 Td (Thi) Tj ET " +
		"BT /F1 12 Tf 130 660 Td (.) Tj ET"
	txt, err := pdfBytes(t, pdfOf([]pdfPage{{content: c}}, ""), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(blockList(txt.Blocks), "; ")
	if want := "l1|Nguyen Van An; l2|Hoan thanhtot; l3|Nguyen Thi."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestPDFBadInput(t *testing.T) {
	good, err := os.ReadFile("testdata/dossier.pdf")
	if err != nil {
		t.Fatal(err)
	}
	// The page tree object lacks its endobj and is followed by junk: the
	// parser panics in NumPage.
	panicky := pdfOf([]pdfPage{{content: textOp(700, "x")}}, "<< /Type /Pages /Kids [4 0 R] /Count 1 >>\n(junk) 7 0 R ] >>")
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want *hoso.Error
	}{
		{"empty", nil, Limits{}, hoso.ErrEmpty},
		{"truncated", good[:len(good)/2], Limits{}, hoso.ErrUnreadable},
		{"no EOF", good[:len(good)-10], Limits{}, hoso.ErrUnreadable},
		{"parser panic", panicky, Limits{}, hoso.ErrUnreadable},
		{"too many pages", good, Limits{MaxPages: 2}, hoso.ErrTooLarge},
		{"over MaxBytes", good, Limits{MaxBytes: 1000}, hoso.ErrTooLarge},
		{"header only", []byte("%PDF-1.4\n"), Limits{}, hoso.ErrUnreadable},
		{"page tree containing itself", pdfOf([]pdfPage{{content: textOp(700, "x")}}, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj"),
			Limits{}, hoso.ErrUnreadable},
		{"content stream bomb", pdfOf([]pdfPage{{content: strings.Repeat("1 ", 4<<20) + textOp(700, "x"), deflate: true}}, ""),
			Limits{MaxUncompressed: 1 << 20}, hoso.ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := pdfBytes(t, tc.data, tc.lim)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v (%s), want %s", err, hoso.Code(err), tc.want.Code)
			}
			if he := new(hoso.Error); !errors.As(err, &he) || he.VI == "" || he.EN == "" {
				t.Errorf("error %v lacks a Vietnamese or English message", err)
			}
		})
	}
}

func TestPDFEncrypted(t *testing.T) {
	qpdf := testenv.LookPath(t, "qpdf")
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want hoso.ErrorCode // "" = readable
	}{
		{"user password AES-256", []string{"--encrypt", "mật-khẩu", "owner", "256", "--"}, hoso.EENCRYPTED},
		{"user password RC4-128", []string{"--allow-weak-crypto", "--encrypt", "secret", "owner", "128", "--use-aes=n", "--"}, hoso.EENCRYPTED},
		// Only an owner password (restrictions): anyone can open it, so we read it.
		{"owner password only", []string{"--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n", "--"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".pdf")
			args := append(tc.args, "testdata/dossier.pdf", out)
			if b, err := exec.Command(qpdf, args...).CombinedOutput(); err != nil {
				t.Fatalf("qpdf: %v\n%s", err, b)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			txt, err := pdfBytes(t, data, Limits{})
			if hoso.Code(err) != tc.want {
				t.Fatalf("err = %v (code %q), want %q", err, hoso.Code(err), tc.want)
			}
			if tc.want == "" && !strings.Contains(fmt.Sprint(blockList(txt.Blocks)), "Nguyễn Thị Hương") {
				t.Errorf("owner-only PDF not read: %q", blockList(txt.Blocks))
			}
		})
	}
}

func TestPSLexer(t *testing.T) {
	for in, open := range map[string]bool{
		"BT (a) Tj ET":              false,
		"BT <00410042> Tj ET":       false,
		"<< /A 1 >> BDC":            false,
		"BT <0041":                  true,
		"BT (unclosed <":            false, // a literal string, not hex
		"% comment <\nBT (x) Tj ET": false,
		"(a\\) <) <4":               true,
		"(nested (x) <) <>":         false,
	} {
		lx := &psLexer{}
		for i := 0; i < len(in); i++ {
			lx.step(in[i])
		}
		if got := lx.end() != nil; got != open {
			t.Errorf("%q: unterminated hex = %v, want %v", in, got, open)
		}
	}
	// The library's tokenizer would loop forever on this page; it must
	// end as a page to OCR instead.
	txt, err := pdfBytes(t, pdfOf([]pdfPage{{content: "BT /F1 12 Tf 72 700 Td <00410042"}}, ""), Limits{})
	if err != nil || fmt.Sprint(txt.NeedOCR) != "[1]" {
		t.Errorf("unterminated hex string: err %v, NeedOCR %v", err, txt)
	}
}

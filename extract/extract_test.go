package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/testenv"
)

func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	img.Set(1, 1, color.White)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fakePNG is only the signature and IHDR of a PNG claiming w×h pixels.
func fakePNG(w, h uint32) []byte {
	b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
	b = binary.BigEndian.AppendUint32(b, w)
	b = binary.BigEndian.AppendUint32(b, h)
	b = append(b, 8, 0, 0, 0, 0)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[12:]))
}

func oleOf(stream string) []byte {
	b := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 1024)...)
	for _, c := range utf16.Encode([]rune(stream)) {
		b = append(b, byte(c), byte(c>>8))
	}
	return append(b, make([]byte, 512)...)
}

func extractText(t *testing.T, x *Extractor, name string, data []byte) (*Text, error) {
	t.Helper()
	return x.Text(context.Background(), name, bytes.NewReader(data), int64(len(data)))
}

func TestDetect(t *testing.T) {
	tests := []struct {
		head []byte
		want Kind
	}{
		{nil, KindEmpty},
		{[]byte("%PDF-1.7\n"), KindPDF},
		{[]byte("PK\x03\x04rest"), KindZIP},
		{fakePNG(1, 1), KindPNG},
		{[]byte("\xff\xd8\xff\xe0"), KindJPEG},
		{[]byte("II*\x00\x08\x00\x00\x00"), KindTIFF},
		{[]byte("MM\x00*\x00\x00\x00\x08"), KindTIFF},
		{[]byte("RIFF\x00\x00\x00\x00WEBPVP8 "), KindWebP},
		{append([]byte("BM"), make([]byte, 30)...), KindBMP},
		{[]byte("GIF89a"), KindGIF},
		{oleOf("WordDocument"), KindOLE2},
		{[]byte(`{\rtf1\ansi`), KindRTF},
		{[]byte("Họ và tên: Nguyễn Văn A\n"), KindText},
		{[]byte("<!DOCTYPE html><html>"), KindHTML},
		{[]byte{0, 1, 2, 3, 0xff, 0xfe, 0x80}, KindUnknown},
	}
	for _, tc := range tests {
		if got := Detect(tc.head); got != tc.want {
			t.Errorf("Detect(%q) = %v, want %v", tc.head[:min(len(tc.head), 12)], got, tc.want)
		}
	}
}

func TestImageSize(t *testing.T) {
	var jb, gb bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 33, 17))
	if err := jpeg.Encode(&jb, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := gif.Encode(&gb, img, nil); err != nil {
		t.Fatal(err)
	}
	tiff := []byte("II*\x00\x08\x00\x00\x00\x02\x00" +
		"\x00\x01\x03\x00\x01\x00\x00\x00\x21\x00\x00\x00" + // ImageWidth SHORT 33
		"\x01\x01\x04\x00\x01\x00\x00\x00\x11\x00\x00\x00" + // ImageLength LONG 17
		"\x00\x00\x00\x00")
	webpL := []byte("RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f")
	webpL = binary.LittleEndian.AppendUint32(webpL, uint32(32)|uint32(16)<<14)
	webpL = append(webpL, make([]byte, 8)...)
	webpX := append([]byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00"), 32, 0, 0, 16, 0, 0)
	bmp := append([]byte("BM"), make([]byte, 12)...)
	bmp = binary.LittleEndian.AppendUint32(bmp, 40)
	bmp = binary.LittleEndian.AppendUint32(bmp, 33)
	bmp = binary.LittleEndian.AppendUint32(bmp, uint32(0x100000000-17)) // top-down
	bmp = append(bmp, make([]byte, 30)...)
	for name, data := range map[string][]byte{
		"png": pngOf(t, 33, 17), "jpeg": jb.Bytes(), "gif": gb.Bytes(), "tiff": tiff,
		"webp-lossless": webpL, "webp-extended": webpX, "bmp": bmp,
	} {
		w, h, _, err := ImageSize(bytes.NewReader(data), int64(len(data)))
		if err != nil || w != 33 || h != 17 {
			t.Errorf("%s: %d×%d, %v; want 33×17", name, w, h, err)
		}
	}
	if _, _, _, err := ImageSize(bytes.NewReader(tiff[:12]), 12); !errors.Is(err, hoso.ErrUnreadable) {
		t.Errorf("truncated TIFF: %v", err)
	}
}

func TestExtractorTypeByContent(t *testing.T) {
	docx := docxOf(t, para("Họ và tên: Nguyễn Văn An"))
	x := &Extractor{}
	tests := []struct {
		name    string
		data    []byte
		format  hoso.Format
		code    hoso.ErrorCode
		message string // part of the Vietnamese message
	}{
		{"anh.docx", pngOf(t, 40, 20), hoso.FormatImage, "", ""},
		{"ho-so.pdf", docx, hoso.FormatDOCX, "", ""},
		{"ho-so.docx", oleOf("WordDocument"), "", hoso.EUNSUPPORTED, "Word 97-2003 (.doc)"},
		{"bang.xls", oleOf("Workbook"), "", hoso.EUNSUPPORTED, ".xls"},
		{"x.docx", []byte(`{\rtf1\ansi Hello}`), "", hoso.EUNSUPPORTED, "RTF"},
		{"x.docx", []byte("Họ và tên: Nguyễn Văn An"), "", hoso.EUNSUPPORTED, "văn bản thuần"},
		{"x.pdf", []byte("<html><body>x</body></html>"), "", hoso.EUNSUPPORTED, "HTML"},
		{"x.xlsx", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>"}), "", hoso.EUNSUPPORTED, ".xlsx"},
		{"x.odt", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), "", hoso.EUNSUPPORTED, "OpenDocument"},
		{"x.bin", []byte{0, 1, 2, 3, 0xff, 0xfe, 0x80, 0x81}, "", hoso.EUNSUPPORTED, "Không nhận ra"},
		{"empty.docx", nil, "", hoso.EEMPTY, "rỗng"},
		{"huge.png", fakePNG(100_000, 100_000), "", hoso.ETOOLARGE, "Ảnh quá lớn"},
		{"bad.png", fakePNG(0, 10), "", hoso.EUNREADABLE, "hỏng"},
	}
	for _, tc := range tests {
		t.Run(tc.name+"/"+string(tc.code), func(t *testing.T) {
			txt, err := extractText(t, x, tc.name, tc.data)
			if tc.code != "" {
				var he *hoso.Error
				if !errors.As(err, &he) || he.Code != tc.code {
					t.Fatalf("err = %v, want code %s", err, tc.code)
				}
				if !strings.Contains(he.VI, tc.message) || he.EN == "" {
					t.Errorf("message %q / %q, want it to mention %q", he.VI, he.EN, tc.message)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if txt.Format != tc.format {
				t.Errorf("format %s, want %s", txt.Format, tc.format)
			}
		})
	}
}

func TestExtractorImageWithoutOCR(t *testing.T) {
	txt, err := extractText(t, &Extractor{}, "anh-chup.docx", pngOf(t, 40, 20))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(txt.NeedOCR) != "[1]" || len(txt.Blocks) != 0 || txt.Pages != 1 {
		t.Errorf("NeedOCR %v blocks %d pages %d", txt.NeedOCR, len(txt.Blocks), txt.Pages)
	}
	if len(txt.Warnings) != 1 || txt.Warnings[0].Code != hoso.WarnNeedsOCR || txt.Warnings[0].Evidence[0].File != "anh-chup.docx" {
		t.Errorf("warnings %+v", txt.Warnings)
	}
}

func TestExtractorBundle(t *testing.T) {
	pdfData, err := os.ReadFile("testdata/dossier.pdf")
	if err != nil {
		t.Fatal(err)
	}
	docx := docxOf(t, para("Bản nhận xét năm 2018: hoàn thành tốt nhiệm vụ"))
	inner := zipOf(t, map[string]string{"b.docx": string(docxOf(t, para("Trong tệp nén con")))})
	deeper := zipOf(t, map[string]string{"inner.zip": string(inner)})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range []struct{ name, data string }{
		{"ho-so/", ""},
		{"ho-so/1-nghi-quyet.docx", string(docx)},
		{"__MACOSX/ho-so/._1-nghi-quyet.docx", "junk"},
		{"ho-so/2-ly-lich.pdf", string(pdfData)},
		{"ho-so/3-anh.jpg", string(pngOf(t, 30, 30))},
		{"ho-so/4-hong.docx", string(docx[:len(docx)/2])},
		{"ho-so/5-con.zip", string(inner)},
		{"ho-so/7-anh-qua-lon.png", string(fakePNG(50_000, 50_000))},
		{"ho-so/6-sau.zip", string(deeper)},
	} {
		w, err := zw.Create(m.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(m.data))
	}
	zw.Close()
	txt, err := extractText(t, &Extractor{}, "ho-so.zip", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	wantParts := "[ho-so/1-nghi-quyet.docx ho-so/2-ly-lich.pdf ho-so/3-anh.jpg ho-so/5-con.zip/b.docx]"
	if txt.Format != hoso.FormatZIP || fmt.Sprint(txt.Parts) != wantParts {
		t.Errorf("format %s parts %v, want %s", txt.Format, txt.Parts, wantParts)
	}
	files := map[string]bool{}
	for _, b := range txt.Blocks {
		files[b.File] = true
	}
	for _, f := range []string{"ho-so/1-nghi-quyet.docx", "ho-so/2-ly-lich.pdf", "ho-so/5-con.zip/b.docx"} {
		if !files[f] {
			t.Errorf("no block from %s (files %v)", f, files)
		}
	}
	var skipped []string
	needOCR := false
	for _, w := range txt.Warnings {
		switch w.Code {
		case hoso.WarnPartSkipped:
			skipped = append(skipped, w.Evidence[0].File)
		case hoso.WarnNeedsOCR:
			needOCR = w.Evidence[0].File == "ho-so/3-anh.jpg"
		}
	}
	if fmt.Sprint(skipped) != "[ho-so/4-hong.docx ho-so/7-anh-qua-lon.png ho-so/6-sau.zip]" {
		t.Errorf("skipped %v", skipped)
	}
	if !needOCR || len(txt.NeedOCR) == 0 {
		t.Errorf("the image member should need OCR: %v %+v", txt.NeedOCR, txt.Warnings)
	}
	if txt.Pages != 4 {
		t.Errorf("pages %d, want 3 (PDF) + 1 (image)", txt.Pages)
	}
}

func TestExtractorBundleErrors(t *testing.T) {
	docx := docxOf(t, para("x"))
	onlyBroken := zipOf(t, map[string]string{"a.docx": string(docx[:len(docx)/2]), "b.doc": string(oleOf("WordDocument"))})
	onlyJunk := zipOf(t, map[string]string{"__MACOSX/._a": "x", "dir/.DS_Store": "x"})
	many := map[string]string{}
	for i := range 30 {
		many[fmt.Sprintf("%02d.docx", i)] = string(docx)
	}
	for _, tc := range []struct {
		name string
		data []byte
		lim  Limits
		want hoso.ErrorCode
	}{
		{"every member broken: the first member's error", onlyBroken, Limits{}, hoso.EUNREADABLE},
		{"nothing but packaging junk", onlyJunk, Limits{}, hoso.EEMPTY},
		{"too many members", zipOf(t, many), Limits{MaxEntries: 20}, hoso.ETOOLARGE},
		{"limit covers the whole bundle", zipOf(t, many), Limits{MaxUncompressed: 20 * int64(len(docx))}, hoso.ETOOLARGE},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := extractText(t, &Extractor{Limits: tc.lim}, "b.zip", tc.data)
			if hoso.Code(err) != tc.want {
				t.Fatalf("err = %v, want %s", err, tc.want)
			}
		})
	}
}

// bomb is a DOCX whose document.xml inflates to about n bytes of
// ordinary paragraphs, 64 KiB each, so only the inflate limit stops it.
func bomb(t testing.TB, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range docxParts("", nil) {
		if name == "word/document.xml" {
			continue
		}
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0"?><w:document ` + wNS + `><w:body>`))
	p := []byte(para(strings.Repeat("Nguyễn Văn A hoàn thành tốt nhiệm vụ. ", 64<<10/40)))
	for i := 0; i < n/len(p); i++ {
		w.Write(p)
	}
	w.Write([]byte(`</w:body></w:document>`))
	zw.Close()
	return buf.Bytes()
}

func TestZipBombBoundedMemory(t *testing.T) {
	data := bomb(t, 96<<20)
	for _, lim := range []Limits{{}, {MaxUncompressed: 8 << 20}, {MaxEntry: 4 << 20}} {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := extractText(t, &Extractor{Limits: lim}, "bomb.docx", data)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, hoso.ErrTooLarge) {
			t.Fatalf("limits %+v: err = %v, want ETOOLARGE", lim, err)
		}
		// The text read so far is kept, so memory grows with the cap (a
		// few copies of it), never with what the bomb would inflate to.
		cap := lim.Defaults().MaxUncompressed
		if lim.MaxEntry > 0 {
			cap = lim.MaxEntry
		}
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("cap %d MiB: allocated %d MiB in total", cap>>20, alloc>>20)
		if alloc > uint64(5*cap) {
			t.Errorf("limits %+v: allocated %d MiB for a %d MiB cap", lim, alloc>>20, cap>>20)
		}
	}
}

func TestDOCXBookkeepingBounds(t *testing.T) {
	for name, body := range map[string]string{
		"empty paragraphs": strings.Repeat("<w:p/>", maxBlocks+10) + para("x"),
		"short paragraphs": strings.Repeat(para("x"), maxBlocks+10),
		"deep nesting":     strings.Repeat("<w:sdt><w:sdtContent>", maxDepth) + strings.Repeat("</w:sdtContent></w:sdt>", maxDepth),
		"one giant text":   "<w:p><w:r><w:t>" + strings.Repeat("A", maxBlockText+10) + "</w:t></w:r></w:p>",
	} {
		data := docxOf(t, body)
		_, err := DOCX(bytes.NewReader(data), int64(len(data)), Limits{})
		if name == "empty paragraphs" {
			if err != nil {
				t.Errorf("%s: %v (empty paragraphs cost nothing)", name, err)
			}
			continue
		}
		if !errors.Is(err, hoso.ErrTooLarge) {
			t.Errorf("%s: err = %v, want ETOOLARGE", name, err)
		}
	}
}

func TestExtractorTimeout(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data, _ := os.ReadFile("testdata/dossier.pdf")
	_, err := (&Extractor{}).Text(ctx, "x.pdf", bytes.NewReader(data), int64(len(data)))
	if hoso.Code(err) != hoso.ETRANSIENT {
		t.Errorf("cancelled: %v", err)
	}
}

// TestExtractorOCRMerge reads a PDF whose second page is a scan with the
// real OCR: its lines come after page 1's, with a confidence, and the
// file is pdf-scan.
func TestExtractorOCRMerge(t *testing.T) {
	pdftoppm := testenv.LookPath(t, "pdftoppm")
	testenv.LookPath(t, "tesseract")
	ocr := NewOCR(OCROptions{})
	if err := ocr.Available(); err != nil {
		testenv.Missing(t, err.Error())
	}
	dir := t.TempDir()
	out, err := exec.Command(pdftoppm, "-f", "1", "-l", "1", "-r", "150", "-gray", "-jpeg", "testdata/dossier.pdf", filepath.Join(dir, "p")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "p*.jpg"))
	if len(matches) != 1 {
		t.Fatalf("rendered %v", matches)
	}
	jpg, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	// Re-encode as one-component grey, to match the image's /DeviceGray.
	img, err := jpeg.Decode(bytes.NewReader(jpg))
	if err != nil {
		t.Fatal(err)
	}
	grey := image.NewGray(img.Bounds())
	draw.Draw(grey, grey.Bounds(), img, img.Bounds().Min, draw.Src)
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, grey, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	jpg = jb.Bytes()
	cfg := grey.Bounds().Size()
	data := pdfOf([]pdfPage{
		{content: textOp(700, "Trang 1 co lop chu")},
		{content: "q 595 0 0 842 0 0 cm /Im1 Do Q", jpeg: jpg, jpegW: cfg.X, jpegH: cfg.Y},
	}, "")
	txt, err := extractText(t, &Extractor{OCR: ocr}, "scan.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if txt.Format != hoso.FormatPDFScan || len(txt.NeedOCR) != 0 {
		t.Errorf("format %s NeedOCR %v", txt.Format, txt.NeedOCR)
	}
	if len(txt.Blocks) < 5 || txt.Blocks[0].Page != 1 || txt.Blocks[0].Confidence != 0 {
		t.Fatalf("blocks %q", blockList(txt.Blocks))
	}
	var page2 strings.Builder
	for _, b := range txt.Blocks[1:] {
		if b.Page != 2 || b.Confidence <= 0 || b.File != "scan.pdf" {
			t.Errorf("OCR block %+v", b)
		}
		page2.WriteString(b.Text + "\n")
	}
	if !strings.Contains(page2.String(), "Họ và tên: Nguyễn Thị Hương") {
		t.Errorf("OCR text of page 2 lacks the name line:\n%s", page2.String())
	}
}

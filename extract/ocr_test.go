package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus/scan"
	"github.com/hoso-vn/hoso/internal/testenv"
)

func readerOfFile(t testing.TB, path string) (io.ReaderAt, int64, Limits) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b), int64(len(b)), Limits{}.Defaults()
}

// testOCR returns an OCR whose temp files go to a directory the test
// checks is left empty.
func testOCR(t testing.TB) (*OCR, string) {
	t.Helper()
	testenv.LookPath(t, "tesseract")
	testenv.LookPath(t, "pdftoppm")
	testenv.LookPath(t, "pdfinfo")
	tmp := t.TempDir()
	o := NewOCR(OCROptions{TempDir: tmp})
	if err := o.Available(); err != nil {
		testenv.Missing(t, err.Error())
	}
	t.Cleanup(func() {
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("temp files left behind: %v", left)
		}
	})
	return o, tmp
}

// linesPNG is a 200 dpi scan of five dossier lines, rotated 0.7°.
func linesPNG(t testing.TB) []byte {
	b, err := os.ReadFile("testdata/ocr/lines.png")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var linesWant = []string{
	"Nguyễn Thị Hoà", "12/05/19", // the last digit of 1990 is read as 0, 6 or 9 depending on JPEG noise
	"Năm 2018: Hoàn thành tốt nhiệm vụ",
	"Năm 2019: Hoàn thành xuất sắc nhiệm vụ",
	"Chiến sĩ thi đua cơ sở năm 2019",
}

func checkLines(t *testing.T, blocks []Block, page int) {
	t.Helper()
	all := strings.Join(texts(blocks), "\n")
	for _, w := range linesWant {
		if !strings.Contains(all, w) {
			t.Errorf("OCR text lacks %q; got:\n%s", w, all)
		}
	}
	for _, b := range blocks {
		if b.Page != page || !strings.HasPrefix(b.ID, "l") || b.Confidence <= 0 || b.Confidence > 1 {
			t.Errorf("block %+v: want page %d, id l<n>, confidence in (0,1]", b, page)
		}
	}
}

func toJPEG(t testing.TB, img image.Image, q int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestOCRImage(t *testing.T) {
	o, _ := testOCR(t)
	data := linesPNG(t)
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// Turned 90° counter-clockwise as stored by a phone held sideways,
	// with EXIF orientation 6 saying how to turn it back.
	b := src.Bounds()
	turned := image.NewGray(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := range b.Dy() {
		for x := range b.Dx() {
			r, _, _, _ := src.At(x, y).RGBA()
			turned.Pix[(b.Dx()-1-x)*turned.Stride+y] = uint8(r >> 8)
		}
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"png", data},
		{"jpeg", toJPEG(t, src, 85)},
		{"jpeg exif 6", scan.WithOrientation(toJPEG(t, turned, 85), 6)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			blocks, err := o.Image(t.Context(), bytes.NewReader(tt.data), int64(len(tt.data)), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			checkLines(t, blocks, 1)
		})
	}
}

func imagePDF(t testing.TB, pages ...[]byte) []byte {
	var ps []scan.Page
	for _, p := range pages {
		ps = append(ps, scan.Page{JPEG: p, DPI: 200})
	}
	var b bytes.Buffer
	if err := scan.WritePDF(&b, ps); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestOCRPDFPages(t *testing.T) {
	o, _ := testOCR(t)
	src, err := png.Decode(bytes.NewReader(linesPNG(t)))
	if err != nil {
		t.Fatal(err)
	}
	blank := toJPEG(t, image.NewGray(image.Rect(0, 0, 400, 300)), 80)
	// Page 1 blank, pages 2 and 3 the lines; only 1 and 3 are asked for.
	pdf := imagePDF(t, blank, toJPEG(t, src, 85), toJPEG(t, src, 85))
	blocks, err := o.PDFPages(t.Context(), bytes.NewReader(pdf), int64(len(pdf)), []int{3, 1, 3}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checkLines(t, blocks, 3)
	if blocks[0].ID != "l1" {
		t.Errorf("first line of page 3 is %q, want l1", blocks[0].ID)
	}

	_, err = o.PDFPages(t.Context(), bytes.NewReader(pdf), int64(len(pdf)), []int{4}, Limits{})
	if !errors.Is(err, hoso.ErrUnreadable) {
		t.Errorf("page past the end: err = %v, want unreadable", err)
	}
	_, err = o.PDFPages(t.Context(), bytes.NewReader(pdf), int64(len(pdf)), []int{1, 2, 3}, Limits{MaxPages: 2})
	if !errors.Is(err, hoso.ErrTooLarge) {
		t.Errorf("over the pages cap: err = %v, want too_large", err)
	}
	junk := []byte("%PDF-1.4\nnot really")
	_, err = o.PDFPages(t.Context(), bytes.NewReader(junk), int64(len(junk)), []int{1}, Limits{})
	if !errors.Is(err, hoso.ErrUnreadable) {
		t.Errorf("corrupt PDF: err = %v, want unreadable", err)
	}
}

// hugePagePDF is a one-page PDF whose page is 200×200 inches: 40 000 × 40 000
// pixels at 200 dpi if anyone rendered it.
func hugePagePDF() []byte {
	var b bytes.Buffer
	var offs []int
	b.WriteString("%PDF-1.4\n")
	for i, o := range []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>",
	} {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 4\n0000000000 65535 f \n")
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}

func TestOCRPixelBombs(t *testing.T) {
	o, _ := testOCR(t)
	pdf := hugePagePDF()
	start := time.Now()
	_, err := o.PDFPages(t.Context(), bytes.NewReader(pdf), int64(len(pdf)), []int{1}, Limits{})
	if !errors.Is(err, hoso.ErrTooLarge) {
		t.Errorf("huge PDF page: err = %v, want too_large", err)
	}
	bomb := ocrPNGHeader(50_000, 50_000)
	_, err = o.Image(t.Context(), bytes.NewReader(bomb), int64(len(bomb)), Limits{})
	if !errors.Is(err, hoso.ErrTooLarge) {
		t.Errorf("PNG bomb: err = %v, want too_large", err)
	}
	// Refused from the header: nothing was rendered or decoded.
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("refusing two bombs took %v", d)
	}
	data := linesPNG(t)
	_, err = o.Image(t.Context(), bytes.NewReader(data), int64(len(data)), Limits{MaxPixels: 100_000})
	if !errors.Is(err, hoso.ErrTooLarge) {
		t.Errorf("image over a lowered pixel cap: err = %v, want too_large", err)
	}
}

func TestOCRTimeout(t *testing.T) {
	o, _ := testOCR(t)
	data := linesPNG(t)
	_, err := o.Image(t.Context(), bytes.NewReader(data), int64(len(data)), Limits{PageTimeout: 50 * time.Millisecond})
	if !errors.Is(err, hoso.ErrTimeout) {
		t.Errorf("image: err = %v, want timeout", err)
	}
	src, _ := png.Decode(bytes.NewReader(data))
	pdf := imagePDF(t, toJPEG(t, src, 85), toJPEG(t, src, 85))
	_, err = o.PDFPages(t.Context(), bytes.NewReader(pdf), int64(len(pdf)), []int{1, 2}, Limits{PageTimeout: 50 * time.Millisecond})
	if !errors.Is(err, hoso.ErrTimeout) {
		t.Errorf("pdf: err = %v, want timeout", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := o.PDFPages(ctx, bytes.NewReader(pdf), int64(len(pdf)), []int{1}, Limits{}); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestOCRUnavailable(t *testing.T) {
	var off *OCR
	missing := NewOCR(OCROptions{TesseractPath: filepath.Join(t.TempDir(), "no-tesseract")})
	noLang := NewOCR(OCROptions{Lang: "xyz"})
	for name, o := range map[string]*OCR{"nil": off, "missing program": missing, "missing language": noLang} {
		t.Run(name, func(t *testing.T) {
			if name == "missing language" {
				testenv.LookPath(t, "tesseract")
			}
			err := o.Available()
			if !errors.Is(err, hoso.ErrUnsupported) || !strings.Contains(err.Error(), "OCR unavailable") {
				t.Fatalf("Available() = %v, want unsupported “OCR unavailable”", err)
			}
			data := linesPNG(t)
			if _, err2 := o.Image(t.Context(), bytes.NewReader(data), int64(len(data)), Limits{}); err2 == nil {
				t.Error("Image ran without OCR")
			}
			if _, err2 := o.PDFPages(t.Context(), bytes.NewReader(data), int64(len(data)), []int{1}, Limits{}); err2 == nil {
				t.Error("PDFPages ran without OCR")
			}
		})
	}
}

func TestOCRZeroValue(t *testing.T) {
	testOCR(t) // skips without the programs
	var o OCR
	data := linesPNG(t)
	blocks, err := o.Image(t.Context(), bytes.NewReader(data), int64(len(data)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checkLines(t, blocks, 1)
}

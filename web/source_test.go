package web

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/testenv"
)

// TestLocateOCR: on a phone photo of a paper, the line an OCR evidence
// quotes is boxed where it stands.
func TestLocateOCR(t *testing.T) {
	testenv.LookPath(t, "tesseract")
	img, err := os.ReadFile("../testdata/corpus/scan/01-bang-htxsnv.photo.jpg")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	name, ok := s.locateOCR(context.Background(), img, "Họ và tên: Nguyễn Thị Hương")
	if !ok || name.Left <= 0 || name.Left > 50 || name.Top <= 0 || name.Top > 60 || name.Width <= 0 || name.Height <= 0 || name.Height > 10 {
		t.Fatalf("name line: %+v %v", name, ok)
	}
	date, ok := s.locateOCR(context.Background(), img, "Thái Bình, ngày 03 tháng 9 năm 2019")
	if !ok || date.Top >= name.Top {
		t.Errorf("date line %+v should stand above the name line %+v", date, name)
	}
	if _, ok := s.locateOCR(context.Background(), img, "Quyết định khen thưởng số 999"); ok {
		t.Error("a text not on the page was found")
	}
	if len(s.ocr) != 1 {
		t.Errorf("the image was read %d times, want once", len(s.ocr))
	}
}

func TestContentDisposition(t *testing.T) {
	got := contentDisposition("attachment", "2-CV/BTCĐU Lê Thị Bích Ngọc chi bộ A.pdf")
	want := `attachment; filename="2-CV-BTCDU Le Thi Bich Ngoc chi bo A.pdf"; filename*=UTF-8''2-CV-BTC%C4%90U%20L%C3%AA%20Th%E1%BB%8B%20B%C3%ADch%20Ng%E1%BB%8Dc%20chi%20b%E1%BB%99%20A.pdf`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if strings.ContainsAny(asciiName(`a"b\c;d`), `"\;`) {
		t.Error("quotes or backslashes in the ASCII name")
	}
}

package extract

import (
	"context"
	"io"

	"github.com/hoso-vn/hoso"
)

// OCR reads page images with Tesseract. A nil *OCR means OCR is off.
// (Being built: see issue 6. Until then every call reports OCR unavailable.)
type OCR struct{}

// Available reports whether OCR can run on this machine.
func (o *OCR) Available() error {
	return hoso.Errorf(hoso.EUNSUPPORTED, "Không có OCR", "OCR unavailable")
}

// PDFPages OCRs the given 1-based pages of a PDF.
func (o *OCR) PDFPages(ctx context.Context, r io.ReaderAt, size int64, pages []int, lim Limits) ([]Block, error) {
	return nil, o.Available()
}

// Image OCRs one image file (PNG, JPEG, TIFF).
func (o *OCR) Image(ctx context.Context, r io.ReaderAt, size int64, lim Limits) ([]Block, error) {
	return nil, o.Available()
}

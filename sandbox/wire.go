package sandbox

import (
	"errors"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/extract"
)

// The protocol is gob over the child's stdin and stdout: one hello, then
// one request and one response per file, in turn.

// hello configures a child before it reads any file.
type hello struct {
	Limits  extract.Limits
	OCR     *ocrOptions // nil: OCR off
	Memory  int64       // bytes of address space allowed beyond the runtime's reservation
	CPU     int64       // CPU seconds per file
	TempDir string
}

// ocrOptions are the serialisable fields of extract.OCROptions.
type ocrOptions struct {
	Lang                                     string
	DPI, PSM, Workers                        int
	Params                                   map[string]string
	Reread                                   bool
	TesseractPath, PdftoppmPath, PdfinfoPath string
}

func toWireOCR(o *extract.OCROptions) *ocrOptions {
	if o == nil {
		return nil
	}
	return &ocrOptions{Lang: o.Lang, DPI: o.DPI, PSM: o.PSM, Workers: o.Workers, Params: o.Params, Reread: o.Reread,
		TesseractPath: o.TesseractPath, PdftoppmPath: o.PdftoppmPath, PdfinfoPath: o.PdfinfoPath}
}

func (o *ocrOptions) options(tmp string) extract.OCROptions {
	return extract.OCROptions{Lang: o.Lang, DPI: o.DPI, PSM: o.PSM, Workers: o.Workers, Params: o.Params, Reread: o.Reread,
		TesseractPath: o.TesseractPath, PdftoppmPath: o.PdftoppmPath, PdfinfoPath: o.PdfinfoPath, TempDir: tmp}
}

// request is followed on the wire by Size raw bytes, the file: streamed
// from the caller's reader, never held whole in the parent.
type request struct {
	Name  string
	Size  int64
	Probe bool // answer with what the child sees instead
}

type response struct {
	Text  *extract.Text
	Err   *wireError
	Probe *ProbeResult
}

// wireError carries a *hoso.Error across the boundary; Cause is the text
// of the wrapped error, if any.
type wireError struct {
	Code   hoso.ErrorCode
	VI, EN string
	Cause  string
}

func toWireError(err error) *wireError {
	if err == nil {
		return nil
	}
	var he *hoso.Error
	if !errors.As(err, &he) {
		return &wireError{Code: hoso.EINTERNAL, VI: "Lỗi nội bộ khi đọc tệp", EN: "internal error while reading the file", Cause: err.Error()}
	}
	w := &wireError{Code: he.Code, VI: he.VI, EN: he.EN}
	if he.Err != nil {
		w.Cause = he.Err.Error()
	}
	return w
}

func (w *wireError) err() error {
	e := &hoso.Error{Code: w.Code, VI: w.VI, EN: w.EN}
	if w.Cause != "" {
		e.Err = errors.New(w.Cause)
	}
	return e
}

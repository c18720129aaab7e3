// Package hostile makes the hostile corpus: files crafted to break the
// readers (allocation bombs, loops, truncations, lies in headers, format
// confusion), each with the outcome the process wall and the readers
// must give it. The files are small and deterministic; those under
// CommitLimit are written to testdata/hostile by `go test
// ./internal/corpus/hostile -run TestWrite -update`, the rest are made
// when needed.
//
// The outcomes are those of sandbox.Texter with the limits of Options
// (OCR on): an error code, or "" when the file is read as text (the
// attacks that were held up, e.g. XXE or a traversal name).
package hostile

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/extract"
)

// Case is one hostile file.
type Case struct {
	Name  string         // file name, with the extension a clerk would give
	Class string         // what it attacks
	Want  hoso.ErrorCode // expected code; "" means read as text
	// OCR says the outcome needs Tesseract (images): without it the file
	// is an unread page, not an error.
	OCR  bool
	Make func() []byte
}

// CommitLimit is the size up to which a case's file is committed.
const CommitLimit = 512 << 10

// Limits are the reading limits the outcomes assume: the defaults, with a
// 16 MiB upload limit so the oversize case stays small to make.
func Limits() extract.Limits {
	return extract.Limits{MaxBytes: 16 << 20}
}

// CPU is the per-file CPU limit the outcomes assume: short, so the loops
// end quickly in tests.
const CPU = 2 * time.Second

// Cases returns the whole corpus, in a fixed order.
func Cases() []Case {
	var cs []Case
	cs = append(cs, pdfCases()...)
	cs = append(cs, zipCases()...)
	cs = append(cs, imageCases()...)
	cs = append(cs, miscCases()...)
	return cs
}

func c(name, class string, want hoso.ErrorCode, make func() []byte) Case {
	return Case{Name: name, Class: class, Want: want, Make: make}
}

func fixed(b []byte) func() []byte { return func() []byte { return b } }

// cut returns the first frac of b.
func cut(b []byte, frac float64) []byte { return b[:int(float64(len(b))*frac)] }

// noise is n deterministic random bytes after prefix.
func noise(seed uint64, prefix string, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 10))
	b := []byte(prefix)
	for len(b) < n {
		b = append(b, byte(r.Uint32()))
	}
	return b
}

func miscCases() []Case {
	cs := []Case{
		c("rong.pdf", "empty", hoso.EEMPTY, fixed(nil)),
		c("mot-byte.docx", "tiny", hoso.EUNSUPPORTED, fixed([]byte{0x01})),
		c("van-ban.docx", "text named .docx", hoso.EUNSUPPORTED, fixed([]byte("Hồ sơ đề nghị kết nạp\nNguyễn Văn A\n"))),
		c("trang.pdf", "HTML named .pdf", hoso.EUNSUPPORTED, fixed([]byte("<!DOCTYPE html><html><body>Hồ sơ</body></html>"))),
		c("ho-so.rtf", "RTF", hoso.EUNSUPPORTED, fixed([]byte(`{\rtf1\ansi Ho so}`))),
		c("utf16.docx", "UTF-16 text", hoso.EUNSUPPORTED, fixed([]byte("\xff\xfeH\x00o\x00 \x00s\x00o\x00"))),
		c("elf.pdf", "executable", hoso.EUNSUPPORTED, fixed(noise(1, "\x7fELF\x02\x01\x01", 4096))),
		c("nen.gz.pdf", "gzip", hoso.EUNSUPPORTED, fixed(noise(2, "\x1f\x8b\x08\x00", 2048))),
		c("nen.7z.docx", "7-Zip", hoso.EUNSUPPORTED, fixed(noise(3, "7z\xbc\xaf\x27\x1c", 2048))),
		c("qua-lon.pdf", "oversize", hoso.ETOOLARGE, func() []byte {
			b := make([]byte, Limits().MaxBytes+1)
			copy(b, "%PDF-1.4\n")
			return b
		}),
	}
	for i := range 8 {
		cs = append(cs, c(fmt.Sprintf("ngau-nhien-%d.docx", i), "random bytes", hoso.EUNSUPPORTED,
			fixed(noise(100+uint64(i), "\x00\x01", 512<<i))))
	}
	return cs
}

// Package extract turns the bytes of one uploaded file into its ordered
// text blocks with provenance (Text), whatever the format: DOCX, text PDF,
// scanned PDF and images (OCR), ZIP bundles, legacy Vietnamese encodings.
// Understanding that text as a dossier is the job of package dossier.
//
// The type of a file is detected from its content, never from its name.
// Every reader is bounded by Limits; bad input yields a *hoso.Error with a
// Vietnamese and an English message, never a panic.
package extract

import (
	"context"
	"errors"
	"time"

	"github.com/hoso-vn/hoso"
)

// Block is one unit of text in reading order: a paragraph, a table cell, a
// PDF line or an OCR line. Text is NFC with legacy encodings decoded.
type Block struct {
	File string // the upload's name, or the member's name inside a ZIP
	Page int    // 1-based; 0 for formats without pages (DOCX)
	ID   string // "p12" paragraph, "t1r3c2" table cell, "h1p2" header, "l7" line
	Text string
	// Table position, for cells: table index (1-based, 0 = not a cell), row, column.
	Table, Row, Col int
	// Confidence is set for OCR text only (0–1); 0 means the text came from
	// the file itself and is exact.
	Confidence float64
}

// Evidence returns the block as evidence for a value read from it.
func (b Block) Evidence() hoso.Evidence {
	return hoso.Evidence{File: b.File, Page: b.Page, Block: b.ID, Text: b.Text, Confidence: b.Confidence}
}

// Text is the ordered text of one file.
type Text struct {
	Format hoso.Format
	Pages  int
	Parts  []string // ZIP members read, in order
	Blocks []Block
	// NeedOCR lists pages (1-based) with no usable text layer that were not
	// read by OCR; a record from such a text is at best incomplete. In a
	// ZIP bundle the numbers are each member's own pages; the needs_ocr
	// warning names the member.
	NeedOCR  []int
	Warnings []hoso.Warning
}

// Limits bound the resources one file may use. The zero value of each field
// means its default; a negative value means no limit.
type Limits struct {
	MaxBytes        int64         // size of the upload (default 64 MiB)
	MaxUncompressed int64         // total bytes inflated from a ZIP or DOCX (default 64 MiB)
	MaxEntry        int64         // bytes inflated from one ZIP member (default 64 MiB)
	MaxEntries      int           // members in a ZIP bundle (default 200)
	MaxPages        int           // pages of a PDF (default 100)
	MaxPixels       int64         // pixels of one image or rendered page (default 60 million)
	PageTimeout     time.Duration // OCR of one page (default 90 s)
	FileTimeout     time.Duration // whole file (default 10 min)
}

// Defaults returns l with every zero field set to its default.
func (l Limits) Defaults() Limits {
	def := func(v *int64, d int64) {
		if *v == 0 {
			*v = d
		}
	}
	def(&l.MaxBytes, 64<<20)
	def(&l.MaxUncompressed, 64<<20)
	def(&l.MaxEntry, 64<<20)
	def(&l.MaxPixels, 60_000_000)
	if l.MaxEntries == 0 {
		l.MaxEntries = 200
	}
	if l.MaxPages == 0 {
		l.MaxPages = 100
	}
	if l.PageTimeout == 0 {
		l.PageTimeout = 90 * time.Second
	}
	if l.FileTimeout == 0 {
		l.FileTimeout = 10 * time.Minute
	}
	return l
}

// checkSize refuses an empty upload or one over lim.MaxBytes before any
// reader sees it.
func checkSize(size int64, lim Limits) error {
	switch {
	case size == 0:
		return hoso.Errorf(hoso.EEMPTY, "Tệp rỗng (0 byte)", "the file is empty (0 bytes)")
	case size < 0:
		return hoso.Errorf(hoso.EUNREADABLE, "Không xác định được kích thước tệp", "the file size is unknown")
	case lim.MaxBytes >= 0 && size > lim.MaxBytes:
		return hoso.Errorf(hoso.ETOOLARGE, "Tệp quá lớn (%d MiB, tối đa %d MiB)",
			"the file is too large (%d MiB, at most %d MiB)", (size+(1<<20)-1)>>20, lim.MaxBytes>>20)
	}
	return nil
}

// ctxErr turns the end of a context into the pipeline's error codes: a
// deadline is this input's fault, a cancellation (shutdown) is worth a retry.
func ctxErr(err error) *hoso.Error {
	if errors.Is(err, context.DeadlineExceeded) {
		return hoso.Wrap(err, hoso.ETIMEOUT, "Đọc tệp quá thời gian cho phép", "reading the file took too long")
	}
	return hoso.Wrap(err, hoso.ETRANSIENT, "Việc đọc tệp bị dừng giữa chừng; sẽ thử lại", "reading was interrupted; it will be retried")
}

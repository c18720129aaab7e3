package dossier

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"slices"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/extract"
)

// Texter turns the bytes of an upload into its ordered text. An
// *extract.Extractor is one; the child-process wall that contains
// untrusted parsing is another.
type Texter interface {
	Text(ctx context.Context, name string, r io.ReaderAt, size int64) (*extract.Text, error)
}

// Reader reads uploads into records: bytes to text with its Texter, then
// text to record with Read. The zero value reads with an extract.Extractor
// of default limits and no OCR.
type Reader struct {
	Texter Texter
	Logger *slog.Logger
}

// Record reads the dossier in one file. It always returns a record: when
// err is not nil (always a *hoso.Error) the record is rejected and carries
// the error, so a caller can print or store it as it is.
func (rd *Reader) Record(ctx context.Context, name string, r io.ReaderAt, size int64) (*hoso.Record, error) {
	start := time.Now()
	tx := rd.Texter
	if tx == nil {
		tx = &extract.Extractor{}
	}
	log := rd.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	src := hoso.Source{Key: name}
	t, err := tx.Text(ctx, name, r, size)
	// An oversized file is refused before it is read; any other file is
	// hashed, so duplicates are recognised even when rejected.
	if hoso.Code(err) != hoso.ETOOLARGE && size >= 0 {
		h := sha256.New()
		if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err == nil {
			src.SHA256 = hex.EncodeToString(h.Sum(nil))
		}
	}
	reject := func(err error) (*hoso.Record, error) {
		var he *hoso.Error
		if !errors.As(err, &he) {
			err = hoso.Wrap(err, hoso.EINTERNAL, "Lỗi nội bộ khi đọc hồ sơ", "internal error while reading the dossier")
		}
		rec := hoso.NewRecord()
		rec.Source = src
		rec.Reject(err)
		log.Info("extract rejected", "sha256", short(src.SHA256), "size", size,
			"code", hoso.Code(err), "elapsed", time.Since(start))
		return rec, err
	}
	if err != nil {
		return reject(err)
	}
	src.Format, src.Pages, src.Parts = t.Format, t.Pages, t.Parts
	rec, err := Read(t)
	if err != nil {
		return reject(err)
	}
	rec.Source = src
	rec.Warnings = append(slices.Clone(t.Warnings), rec.Warnings...)
	log.Info("extracted", "sha256", short(src.SHA256), "format", t.Format, "pages", t.Pages,
		"parts", len(t.Parts), "blocks", len(t.Blocks), "documents", len(rec.Documents),
		"need_ocr", len(t.NeedOCR), "elapsed", time.Since(start))
	return rec, nil
}

func short(sum string) string { return sum[:min(len(sum), 12)] }

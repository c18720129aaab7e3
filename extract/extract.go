package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"unicode/utf16"

	"github.com/hoso-vn/hoso"
)

// Extractor reads uploaded files into records. The zero value reads with
// the default limits and no OCR.
type Extractor struct {
	Limits Limits
	OCR    *OCR // nil: pages without a text layer are reported, not read
	Logger *slog.Logger
}

// Text reads the ordered text of one file, whatever its format, detected
// from its content. Name is only used for provenance (Block.File).
func (x *Extractor) Text(ctx context.Context, name string, r io.ReaderAt, size int64) (t *Text, err error) {
	lim := x.Limits.Defaults()
	if err := checkSize(size, lim); err != nil {
		return nil, err
	}
	if lim.FileTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.FileTimeout)
		defer cancel()
	}
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, hoso.Wrap(fmt.Errorf("panic: %v", p), hoso.EINTERNAL,
				"Lỗi nội bộ khi đọc tệp", "internal error while reading the file")
		}
		if err != nil && ctx.Err() != nil && hoso.Code(err) != hoso.ETIMEOUT {
			err = ctxErr(ctx.Err())
		}
	}()
	head := make([]byte, min(size, SniffLen))
	if n, err := r.ReadAt(head, 0); n < len(head) {
		return nil, hoso.Wrap(err, hoso.EUNREADABLE, "Không đọc được tệp", "cannot read the file")
	}
	t, err = x.dispatch(ctx, name, detectFile(head, r, size), r, size, lim, newBudget(lim), 0)
	if err != nil {
		return nil, err
	}
	for i := range t.Blocks {
		if t.Blocks[i].File == "" {
			t.Blocks[i].File = name
		}
	}
	for i := range t.Warnings {
		for j := range t.Warnings[i].Evidence {
			if t.Warnings[i].Evidence[j].File == "" {
				t.Warnings[i].Evidence[j].File = name
			}
		}
	}
	return t, nil
}

func (x *Extractor) logger() *slog.Logger {
	if x.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return x.Logger
}

func short(sum string) string { return sum[:min(len(sum), 12)] }

// detectFile is Detect with the structure checked where the first bytes
// mislead: a "%PDF-" that is not at the very start loses to a ZIP
// central directory (a DOCX may quote "%PDF-" in its first kilobyte).
func detectFile(head []byte, r io.ReaderAt, size int64) Kind {
	k := Detect(head)
	if k == KindPDF && !bytes.HasPrefix(head, []byte("%PDF-")) {
		if _, err := zip.NewReader(r, size); err == nil {
			return KindZIP
		}
	}
	return k
}

// dispatch reads a file of kind k. depth is how deep in ZIPs it sits.
func (x *Extractor) dispatch(ctx context.Context, name string, k Kind, r io.ReaderAt, size int64, lim Limits, b *budget, depth int) (*Text, error) {
	switch {
	case k == KindEmpty:
		return nil, hoso.Errorf(hoso.EEMPTY, "Tệp rỗng (0 byte)", "the file is empty (0 bytes)")
	case k == KindPDF:
		return x.pdf(ctx, name, r, size, lim)
	case k == KindZIP:
		zr, err := openZip(r, size, lim)
		if err != nil {
			return nil, err
		}
		zk, odf := classifyZip(zr)
		switch {
		case zk == zipDOCX:
			return docxText(zr, b, name)
		case zk != zipBundle:
			return nil, errZipKind(zk, odf)
		case depth >= 2:
			return nil, hoso.Errorf(hoso.EUNSUPPORTED, "Tệp nén lồng nhau quá một cấp không được đọc",
				"ZIP archives nested more than one level deep are not read")
		}
		return x.bundle(ctx, zr, b, lim, depth, bundlePrefix(name, depth))
	case k.Image():
		return x.image(ctx, name, r, size, lim)
	}
	return nil, errUnsupported(k, r, size)
}

// bundlePrefix names members of a nested bundle after the bundle.
func bundlePrefix(name string, depth int) string {
	if depth == 0 {
		return ""
	}
	return name + "/"
}

func errUnsupported(k Kind, r io.ReaderAt, size int64) *hoso.Error {
	switch k {
	case KindOLE2:
		switch oleKind(r, size) {
		case "encrypted":
			return hoso.Errorf(hoso.EENCRYPTED, "Tệp Office được đặt mật khẩu (mã hoá); hãy gửi bản không có mật khẩu",
				"the Office document is password-protected (encrypted); send a copy without a password")
		case "xls":
			return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp Excel 97-2003 (.xls) chưa được hỗ trợ; hãy gửi hồ sơ dưới dạng .docx hoặc .pdf",
				"Excel 97-2003 workbooks (.xls) are not supported; send the dossier as .docx or .pdf")
		case "ppt":
			return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp PowerPoint 97-2003 (.ppt) chưa được hỗ trợ; hãy gửi hồ sơ dưới dạng .docx hoặc .pdf",
				"PowerPoint 97-2003 files (.ppt) are not supported; send the dossier as .docx or .pdf")
		}
		return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp Word 97-2003 (.doc) chưa được hỗ trợ; hãy lưu lại dưới dạng .docx",
			"Word 97-2003 documents (.doc) are not supported; save it as .docx")
	case KindRTF:
		return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp RTF chưa được hỗ trợ; hãy lưu lại dưới dạng .docx",
			"RTF documents are not supported; save it as .docx")
	case KindText:
		return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp văn bản thuần (.txt) chưa được hỗ trợ; hãy gửi hồ sơ dưới dạng .docx hoặc .pdf",
			"plain-text files are not supported; send the dossier as .docx or .pdf")
	case KindHTML:
		return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp HTML chưa được hỗ trợ; hãy gửi hồ sơ dưới dạng .docx hoặc .pdf",
			"HTML files are not supported; send the dossier as .docx or .pdf")
	}
	return hoso.Errorf(hoso.EUNSUPPORTED, "Không nhận ra định dạng tệp; hãy gửi hồ sơ dưới dạng .docx, .pdf, ảnh hoặc .zip",
		"unknown file format; send the dossier as .docx, .pdf, an image or a .zip")
}

// oleKind tells Word, Excel and PowerPoint compound files apart by the
// stream names in their directory (UTF-16), looked for near the start.
func oleKind(r io.ReaderAt, size int64) string {
	buf := make([]byte, min(size, 256<<10))
	n, _ := r.ReadAt(buf, 0)
	buf = buf[:n]
	has := func(s string) bool {
		u := utf16.Encode([]rune(s))
		b := make([]byte, 0, 2*len(u))
		for _, c := range u {
			b = append(b, byte(c), byte(c>>8))
		}
		return bytes.Contains(buf, b)
	}
	switch {
	case has("EncryptedPackage") || has("EncryptionInfo"):
		// A password-protected DOCX, XLSX or PPTX: OOXML encryption wraps
		// the whole package in a compound file with these two streams.
		return "encrypted"
	case has("WordDocument"):
		return "doc"
	case has("Workbook"), has("Book"):
		return "xls"
	case has("PowerPoint Document"):
		return "ppt"
	}
	return "doc"
}

// pdf reads a PDF and, when OCR is available, the pages without text.
func (x *Extractor) pdf(ctx context.Context, name string, r io.ReaderAt, size int64, lim Limits) (*Text, error) {
	// The PDF library has loops we cannot interrupt (two found by fuzzing
	// are guarded in PDF; others may remain). Waiting in a select at least
	// gives the worker back at the file's deadline.
	type result struct {
		t   *Text
		err error
	}
	done := make(chan result, 1)
	go func() {
		t, err := PDF(ctx, r, size, lim)
		done <- result{t, err}
	}()
	var t *Text
	select {
	case res := <-done:
		if res.err != nil {
			return nil, res.err
		}
		t = res.t
	case <-ctx.Done():
		x.logger().Warn("PDF reader did not stop at the deadline; abandoning it")
		return nil, ctxErr(ctx.Err())
	}
	for i := range t.Blocks {
		t.Blocks[i].File = name
	}
	if len(t.NeedOCR) == 0 {
		return t, nil
	}
	// Some page has no text layer: the file is (partly) a scan, whether or
	// not OCR is there to read it.
	t.Format = hoso.FormatPDFScan
	blocks, err := x.ocr(ctx, name, t, func() ([]Block, error) { return x.OCR.PDFPages(ctx, r, size, t.NeedOCR, lim) })
	if err != nil {
		return nil, err
	}
	if blocks != nil {
		t.Blocks = mergeByPage(t.Blocks, blocks)
		t.NeedOCR = nil
	}
	return t, nil
}

// image checks an image's size from its header and reads it with OCR.
func (x *Extractor) image(ctx context.Context, name string, r io.ReaderAt, size int64, lim Limits) (*Text, error) {
	w, h, k, err := ImageSize(r, size)
	if err != nil {
		return nil, err
	}
	if err := checkImagePixels(w, h, lim); err != nil {
		return nil, err
	}
	if err := checkImage(r, size, k, lim); err != nil {
		return nil, err
	}
	t := &Text{Format: hoso.FormatImage, Pages: 1, NeedOCR: []int{1}}
	blocks, err := x.ocr(ctx, name, t, func() ([]Block, error) { return x.OCR.Image(ctx, r, size, lim) })
	if err != nil {
		return nil, err
	}
	if blocks != nil && len(blocks) == 0 {
		// Read, and nothing there: a blank page or an ID photo is readable
		// but holds no dossier (design: "not an admission dossier").
		return nil, hoso.Errorf(hoso.ENOTDOSSIER,
			"Không phải hồ sơ đề nghị kết nạp đảng viên: không tìm thấy chữ nào trong ảnh",
			"not an admission dossier: no text was found in the image")
	}
	if blocks != nil {
		t.Blocks, t.NeedOCR = blocks, nil
		for _, b := range blocks { // a multi-page TIFF
			t.Pages = max(t.Pages, b.Page)
		}
	}
	return t, nil
}

// ocr runs read when OCR is on and available, and otherwise records why
// t.NeedOCR stays unread: the file then ends incomplete, not rejected.
// It returns nil blocks when nothing was read.
func (x *Extractor) ocr(ctx context.Context, name string, t *Text, read func() ([]Block, error)) ([]Block, error) {
	pages := fmt.Sprint(t.NeedOCR)
	ev := []hoso.Evidence{{File: name, Text: "pages " + pages}}
	if x.OCR == nil {
		t.Warnings = append(t.Warnings, hoso.Warning{Code: hoso.WarnNeedsOCR,
			Message:  fmt.Sprintf("Các trang %s không có lớp chữ (bản chụp/scan) và cần nhận dạng chữ (OCR), nhưng OCR đang tắt; chưa đọc được nội dung các trang này", pages),
			Evidence: ev})
		return nil, nil
	}
	if err := x.OCR.Available(); err != nil {
		t.Warnings = append(t.Warnings, hoso.Warning{Code: hoso.WarnOCRSkipped,
			Message:  fmt.Sprintf("Các trang %s cần nhận dạng chữ (OCR) nhưng OCR không dùng được trên máy này (%s); chưa đọc được nội dung các trang này", pages, hoso.Info(err).Message),
			Evidence: ev})
		return nil, nil
	}
	blocks, err := read()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctxErr(ctx.Err())
		}
		if c := hoso.Code(err); c == hoso.ETOOLARGE || c == hoso.ETRANSIENT || c == hoso.ETIMEOUT || c == hoso.EENCRYPTED {
			return nil, err
		}
		// OCR is there and works, so the page itself could not be
		// decoded: the file is rejected (in a bundle, this member), never
		// left as an unread page of an incomplete dossier.
		return nil, hoso.Wrap(err, hoso.EUNREADABLE, "Không giải mã được ảnh hoặc trang %s để nhận dạng chữ: %s",
			"the image or pages %s cannot be decoded for OCR: %s", pages, hoso.Info(err).Message)
	}
	for i := range blocks {
		if blocks[i].File == "" {
			blocks[i].File = name
		}
	}
	if blocks == nil {
		blocks = []Block{}
	}
	return blocks, nil
}

// mergeByPage merges two page-ordered block lists, keeping each list's
// order within a page.
func mergeByPage(a, b []Block) []Block {
	out := make([]Block, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].Page < a[0].Page {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/hoso-vn/hoso"
)

// budget counts the bytes inflated from one upload, across every ZIP and
// DOCX inside it, so a nested bundle cannot multiply the limit.
type budget struct {
	total    int64 // the limit, negative = unlimited
	left     int64
	perEntry int64
}

func newBudget(lim Limits) *budget {
	return &budget{total: lim.MaxUncompressed, left: lim.MaxUncompressed, perEntry: lim.MaxEntry}
}

// errBudget marks the end of the inflate budget, which stops a whole
// bundle; other limits (a member's pages or pixels) only skip the member.
var errBudget = errors.New("inflate budget exhausted")

func errInflate(limit int64) *hoso.Error {
	return hoso.Wrap(errBudget, hoso.ETOOLARGE,
		"Tệp nén giải nén ra quá lớn (vượt %d MiB); có thể là tệp nén độc hại (zip bomb)",
		"the archive inflates to more than %d MiB; it may be a decompression bomb", limit>>20)
}

// limitedReader counts bytes as they are inflated. It never trusts the
// sizes the ZIP headers claim: a bomb lies about them.
type limitedReader struct {
	r     io.Reader
	b     *budget
	entry int64 // bytes read from this entry
	max   int64 // per-entry cap, <0 unlimited
}

func (b *budget) open(f *zip.File) (io.ReadCloser, *limitedReader, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, nil, zipMemberErr(f.Name, err)
	}
	return rc, &limitedReader{r: rc, b: b, max: b.perEntry}, nil
}

func (l *limitedReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.entry += int64(n)
	if l.max >= 0 && l.entry > l.max {
		return n, errInflate(l.max)
	}
	if l.b.total >= 0 {
		l.b.left -= int64(n)
		if l.b.left < 0 {
			return n, errInflate(l.b.total)
		}
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return n, zipMemberErr("", err)
	}
	return n, err
}

// readAll reads one member entirely, within the budget.
func (b *budget) readAll(f *zip.File) ([]byte, error) {
	rc, lr, err := b.open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// The header's size only sizes the first allocation, capped so that a
	// lie costs nothing.
	hint := min(int64(f.UncompressedSize64&(1<<62-1)), 1<<20)
	buf := bytes.NewBuffer(make([]byte, 0, hint))
	if _, err := buf.ReadFrom(lr); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func zipMemberErr(name string, err error) error {
	var he *hoso.Error
	if errors.As(err, &he) {
		return err
	}
	if name != "" {
		return hoso.Wrap(err, hoso.EUNREADABLE, "Không đọc được thành phần %q trong tệp nén (tệp hỏng hoặc bị cắt cụt)",
			"cannot read member %q of the archive (corrupt or truncated)", name)
	}
	return hoso.Wrap(err, hoso.EUNREADABLE, "Tệp nén bị hỏng hoặc bị cắt cụt", "the archive is corrupt or truncated")
}

// openZip opens a ZIP archive (a DOCX or a bundle) and checks its entry
// count before anything is inflated.
func openZip(r io.ReaderAt, size int64, lim Limits) (*zip.Reader, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, hoso.Wrap(err, hoso.EUNREADABLE,
			"Tệp nén (ZIP/DOCX) bị hỏng hoặc bị cắt cụt, không mở được",
			"the ZIP/DOCX file is corrupt or truncated and cannot be opened")
	}
	// A fresh inflater per member instead of archive/zip's pooled ones:
	// the pool makes the code path depend on the garbage collector, which
	// made fuzzing coverage flaky and its minimiser spin.
	zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser { return flate.NewReader(r) })
	if lim.MaxEntries >= 0 && len(zr.File) > lim.MaxEntries {
		return nil, hoso.Errorf(hoso.ETOOLARGE, "Tệp nén có quá nhiều thành phần (%d, tối đa %d)",
			"the archive has too many members (%d, at most %d)", len(zr.File), lim.MaxEntries)
	}
	// Two members of one name make the archive mean two things: readers
	// differ on which one wins (word/document.xml read from the last one
	// was how a DOCX could show Word one text and hoso another).
	seen := make(map[string]bool, len(zr.File))
	for _, f := range zr.File {
		n := strings.ToLower(strings.TrimPrefix(f.Name, "./"))
		if seen[n] && !strings.HasSuffix(n, "/") {
			return nil, hoso.Errorf(hoso.EUNREADABLE, "Tệp nén có hai thành phần cùng tên %q; tệp bị hỏng hoặc bị sửa",
				"the archive has two members named %q; it is corrupt or tampered with", f.Name)
		}
		seen[n] = true
	}
	return zr, nil
}

// zipKind tells the ZIP-based formats apart by their members.
type zipKind int

const (
	zipBundle zipKind = iota
	zipDOCX
	zipXLSX
	zipPPTX
	zipODF
	zipOOXMLOther
)

func classifyZip(zr *zip.Reader) (zipKind, string) {
	var kind zipKind = zipBundle
	odf := ""
	for _, f := range zr.File {
		switch n := f.Name; {
		case n == "word/document.xml":
			return zipDOCX, ""
		case n == "xl/workbook.xml":
			kind = zipXLSX
		case n == "ppt/presentation.xml":
			kind = zipPPTX
		case n == "mimetype" && strings.HasPrefix(zipPeek(f), "application/vnd.oasis.opendocument"):
			kind, odf = zipODF, zipPeek(f)
		case n == "[Content_Types].xml" && kind == zipBundle:
			kind = zipOOXMLOther
		}
	}
	return kind, odf
}

// zipPeek reads the first bytes of a small member.
func zipPeek(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var b [80]byte
	n, _ := io.ReadFull(rc, b[:])
	return string(b[:n])
}

func errZipKind(k zipKind, odf string) *hoso.Error {
	switch k {
	case zipXLSX:
		return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp Excel (.xlsx) chưa được hỗ trợ; hãy gửi hồ sơ dưới dạng .docx hoặc .pdf",
			"Excel workbooks (.xlsx) are not supported; send the dossier as .docx or .pdf")
	case zipPPTX:
		return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp PowerPoint (.pptx) chưa được hỗ trợ; hãy gửi hồ sơ dưới dạng .docx hoặc .pdf",
			"PowerPoint files (.pptx) are not supported; send the dossier as .docx or .pdf")
	case zipODF:
		return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp OpenDocument (%s) chưa được hỗ trợ; hãy lưu lại dưới dạng .docx",
			"OpenDocument files (%s) are not supported; save it as .docx", strings.TrimPrefix(odf, "application/vnd.oasis.opendocument."))
	}
	return hoso.Errorf(hoso.EUNSUPPORTED, "Tệp Office này chưa được hỗ trợ; hãy gửi hồ sơ dưới dạng .docx hoặc .pdf",
		"this Office file is not supported; send the dossier as .docx or .pdf")
}

// skipMember reports members that are packaging noise, not documents.
func skipMember(f *zip.File) bool {
	n := f.Name
	base := path.Base(n)
	return f.FileInfo().IsDir() || strings.HasSuffix(n, "/") ||
		strings.HasPrefix(n, "__MACOSX/") || strings.Contains(n, "/__MACOSX/") ||
		strings.HasPrefix(base, "._") || base == ".DS_Store" || strings.EqualFold(base, "Thumbs.db") ||
		strings.EqualFold(base, "desktop.ini")
}

// bundle reads every member of a ZIP bundle into one Text. depth counts
// ZIPs inside ZIPs: only one level of nesting is read.
func (x *Extractor) bundle(ctx context.Context, zr *zip.Reader, b *budget, lim Limits, depth int, prefix string) (*Text, error) {
	t := &Text{Format: hoso.FormatZIP}
	var firstErr error
	read := 0
	for _, f := range zr.File {
		if skipMember(f) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, ctxErr(err)
		}
		name := prefix + f.Name
		mt, err := x.member(ctx, f, name, b, lim, depth)
		if err != nil {
			if errors.Is(err, errBudget) || hoso.Code(err) == hoso.ETIMEOUT || hoso.Code(err) == hoso.ETRANSIENT {
				// The whole upload's budget is spent or time is up: no partial record.
				return nil, err
			}
			if firstErr == nil {
				firstErr = err
			}
			info := hoso.Info(err)
			t.Warnings = append(t.Warnings, hoso.Warning{Code: hoso.WarnPartSkipped,
				Message:  fmt.Sprintf("Bỏ qua thành phần %q của tệp nén: %s", name, info.Message),
				Evidence: []hoso.Evidence{{File: name, Text: info.English}}})
			continue
		}
		read++
		t.append(mt)
		if mt.Format != hoso.FormatZIP {
			t.Parts = append(t.Parts, name)
		}
	}
	if read == 0 {
		if firstErr != nil {
			return nil, firstErr
		}
		return nil, hoso.Errorf(hoso.EEMPTY, "Tệp nén không chứa tài liệu nào", "the archive holds no document")
	}
	return t, nil
}

// member reads one bundle member, dispatching on its content.
func (x *Extractor) member(ctx context.Context, f *zip.File, name string, b *budget, lim Limits, depth int) (*Text, error) {
	data, err := b.readAll(f)
	if err != nil {
		return nil, err
	}
	k := Detect(data[:min(len(data), SniffLen)])
	return x.dispatch(ctx, name, k, bytes.NewReader(data), int64(len(data)), lim, b, depth+1)
}

// append adds the blocks, warnings and pages of a member to a bundle.
func (t *Text) append(m *Text) {
	t.Blocks = append(t.Blocks, m.Blocks...)
	t.Warnings = append(t.Warnings, m.Warnings...)
	t.Parts = append(t.Parts, m.Parts...)
	t.Pages += m.Pages
	t.NeedOCR = append(t.NeedOCR, m.NeedOCR...)
}

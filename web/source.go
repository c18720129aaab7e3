package web

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/internal/vntext"
	"golang.org/x/text/unicode/norm"
)

// box is a highlight on a page image, in percent of the page.
type box struct{ Left, Top, Width, Height float64 }

// maxSource bounds what the page reads of a source to show it.
const maxSource = 200 << 20

// sourceBytes returns the bytes of the file evidence names: the upload
// itself, or its member when the upload is a ZIP bundle.
func (s *Server) sourceBytes(ctx context.Context, st *ingest.State, file string) ([]byte, string, error) {
	rc, _, err := s.opt.Store.Get(ctx, st.Bucket, st.Key)
	if err != nil {
		return nil, "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxSource))
	if err != nil {
		return nil, "", err
	}
	if file == "" || file == st.Key || file == fileName(st.Key) || !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return b, fileName(st.Key), nil
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return b, fileName(st.Key), nil
	}
	for _, f := range zr.File {
		if f.Name != file {
			continue
		}
		if f.UncompressedSize64 > maxSource {
			return nil, "", hoso.Errorf(hoso.ETOOLARGE, "tệp quá lớn để hiển thị", "file too large to show")
		}
		r, err := f.Open()
		if err != nil {
			return nil, "", err
		}
		defer r.Close()
		m, err := io.ReadAll(io.LimitReader(r, maxSource))
		return m, f.Name, err
	}
	return b, fileName(st.Key), nil
}

func isPDF(b []byte) bool { return bytes.HasPrefix(b, []byte("%PDF")) }

func isImage(b []byte) (string, bool) {
	switch ct := http.DetectContentType(b); ct {
	case "image/png", "image/jpeg", "image/gif", "image/webp":
		return ct, true
	}
	return "", false
}

// isZIP recognises a DOCX (or any ZIP container) by its signature.
func isZIP(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }

// locateSource finds where the selected evidence stands: the page image of
// a PDF (or of a DOCX through its PDF) with the block highlighted, the
// image itself, or the paragraph's text.
func (s *Server) locateSource(ctx context.Context, st *ingest.State, e hoso.Evidence) *sourceView {
	if e.Doc == DocCorrection || e.Block == BlockCorrection {
		return &sourceView{Text: e.Text, Note: "Giá trị do người xem xét nhập, không đọc từ giấy tờ."}
	}
	b, _, err := s.sourceBytes(ctx, st, e.File)
	if err != nil {
		return &sourceView{Text: e.Text, Note: "Không mở được tệp gốc."}
	}
	page := max(e.Page, 1)
	img := fmt.Sprintf("/d/%s/page?file=%s&page=%d", st.ID, urlQuery(e.File), page)
	switch {
	case isPDF(b):
		sv := &sourceView{Image: img, Text: e.Text}
		if bx, ok := s.locate(ctx, b, page, e.Text); ok {
			sv.Box = &bx
		} else if png, err := s.pdftoppm(ctx, b, page, 200); err == nil && e.Confidence > 0 {
			// A scanned page: find the OCR line on the image.
			if bx, ok := s.locateOCR(ctx, png, e.Text); ok {
				sv.Box = &bx
			}
		}
		if sv.Box == nil {
			sv.Note = "Không xác định được vị trí dòng trên trang; đoạn văn bản đọc được ở trên."
		}
		return sv
	case func() bool { _, ok := isImage(b); return ok }():
		sv := &sourceView{Image: img, Text: e.Text}
		if bx, ok := s.locateOCR(ctx, b, e.Text); ok {
			sv.Box = &bx
		} else {
			sv.Note = "Ảnh chụp giấy tờ; không xác định được vị trí dòng, đoạn đọc được bằng OCR ở trên."
		}
		return sv
	case isZIP(b) && s.opt.PDF != nil:
		sv := &sourceView{Text: e.Text, Note: "Đoạn văn trong tệp Word (" + e.Block + ")."}
		if pdf, err := s.docxPDF(ctx, b); err == nil {
			for p := 1; p <= 10; p++ {
				if bx, ok := s.locate(ctx, pdf, p, e.Text); ok {
					sv.Image = fmt.Sprintf("/d/%s/page?file=%s&page=%d", st.ID, urlQuery(e.File), p)
					sv.Box = &bx
					break
				}
			}
		}
		return sv
	}
	return &sourceView{Text: e.Text, Note: "Đoạn văn trong tệp Word (" + e.Block + ")."}
}

func urlQuery(s string) string { return url.QueryEscape(s) }

// pageImage serves one page of a source as PNG (pdftoppm at 110 dpi), or
// the image itself.
func (s *Server) pageImage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := s.dossierState(r, access.Read)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, _, err := s.sourceBytes(ctx, st, r.URL.Query().Get("file"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	if ct, ok := isImage(b); ok {
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Cache-Control", "private, max-age=300")
		w.Write(b)
		return
	}
	if isZIP(b) && !isPDF(b) {
		if s.opt.PDF == nil {
			s.errorPage(w, r, http.StatusNotFound, "Không có trang ảnh cho tệp Word.")
			return
		}
		if b, err = s.docxPDF(ctx, b); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if !isPDF(b) {
		s.errorPage(w, r, http.StatusNotFound, "Tệp này không có trang để hiển thị.")
		return
	}
	png, err := s.pdftoppm(ctx, b, page)
	if err != nil {
		s.log.Warn("web: page image", "err", err)
		s.errorPage(w, r, http.StatusNotFound, "Không dựng được ảnh trang.")
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=300")
	w.Write(png)
}

func (s *Server) tool(name string) string {
	if name == "pdftoppm" && s.opt.Pdftoppm != "" {
		return s.opt.Pdftoppm
	}
	if name == "pdftotext" && s.opt.Pdftoppm != "" {
		return filepath.Join(filepath.Dir(s.opt.Pdftoppm), "pdftotext")
	}
	return name
}

// withPDF writes pdf to a temporary file for a poppler program.
func withPDF(pdf []byte, fn func(path string) error) error {
	f, err := os.CreateTemp("", "hoso-web-*.pdf")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(pdf); err != nil {
		f.Close()
		return err
	}
	f.Close()
	return fn(f.Name())
}

func (s *Server) pdftoppm(ctx context.Context, pdf []byte, page int, dpi ...int) ([]byte, error) {
	res := 110
	if len(dpi) > 0 {
		res = dpi[0]
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	err := withPDF(pdf, func(p string) error {
		cmd := exec.CommandContext(ctx, s.tool("pdftoppm"), "-f", strconv.Itoa(page), "-l", strconv.Itoa(page),
			"-r", strconv.Itoa(res), "-png", "-singlefile", p)
		cmd.Stdout = &out
		return cmd.Run()
	})
	if err != nil {
		return nil, fmt.Errorf("web: pdftoppm: %w", err)
	}
	return out.Bytes(), nil
}

// bboxDoc is pdftotext -bbox-layout's XHTML, as much as we read of it.
type bboxDoc struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Words  []struct {
			XMin float64 `xml:"xMin,attr"`
			YMin float64 `xml:"yMin,attr"`
			XMax float64 `xml:"xMax,attr"`
			YMax float64 `xml:"yMax,attr"`
			Text string  `xml:",chardata"`
		} `xml:"flow>block>line>word"`
	} `xml:"body>doc>page"`
}

// locate finds text on a page of pdf by its words (compared without
// accents) and returns the box around them.
func (s *Server) locate(ctx context.Context, pdf []byte, page int, text string) (box, bool) {
	want := strings.Fields(vntext.Bare(text))
	if len(want) == 0 {
		return box{}, false
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	var out bytes.Buffer
	err := withPDF(pdf, func(p string) error {
		cmd := exec.CommandContext(ctx, s.tool("pdftotext"), "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-bbox-layout", p, "-")
		cmd.Stdout = &out
		return cmd.Run()
	})
	if err != nil {
		return box{}, false
	}
	var doc bboxDoc
	dec := xml.NewDecoder(&out)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if dec.Decode(&doc) != nil || len(doc.Pages) == 0 {
		return box{}, false
	}
	pg := doc.Pages[0]
	ws := make([]wordBox, len(pg.Words))
	for i, wd := range pg.Words {
		ws[i] = wordBox{wd.Text, wd.XMin, wd.YMin, wd.XMax, wd.YMax}
	}
	return matchWords(ws, pg.Width, pg.Height, text)
}

// wordBox is a word on a page and its box, in the page's units.
type wordBox struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// matchWords finds the longest run of page words equal (without accents)
// to text's words from its start, at least three words (or all of a
// shorter text), and returns the box around them in percent of the page.
func matchWords(ws []wordBox, width, height float64, text string) (box, bool) {
	want := strings.Fields(vntext.Bare(text))
	if len(want) == 0 || width == 0 || height == 0 {
		return box{}, false
	}
	words := make([]string, len(ws))
	for i, w := range ws {
		words[i] = vntext.Bare(w.Text)
	}
	bestI, bestN := -1, 0
	for i := range words {
		n := 0
		for i+n < len(words) && n < len(want) && words[i+n] == want[n] {
			n++
		}
		if n > bestN {
			bestI, bestN = i, n
		}
	}
	if bestI < 0 || bestN < min(3, len(want)) {
		return box{}, false
	}
	x0, y0, x1, y1 := ws[bestI].XMin, ws[bestI].YMin, ws[bestI].XMax, ws[bestI].YMax
	for _, w := range ws[bestI : bestI+bestN] {
		x0, y0, x1, y1 = min(x0, w.XMin), min(y0, w.YMin), max(x1, w.XMax), max(y1, w.YMax)
	}
	pad := width / 300
	return box{Left: 100 * (x0 - pad) / width, Top: 100 * (y0 - pad) / height,
		Width: 100 * (x1 - x0 + 2*pad) / width, Height: 100 * (y1 - y0 + 2*pad) / height}, true
}

// locateOCR finds text on a page image (a scan, a photo) by Tesseract's
// word boxes, read once per image.
func (s *Server) locateOCR(ctx context.Context, img []byte, text string) (box, bool) {
	sum := sha256.Sum256(img)
	key := string(sum[:])
	s.mu.Lock()
	o, ok := s.ocr[key]
	s.mu.Unlock()
	if !ok {
		ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, s.tool("tesseract"), "stdin", "stdout", "-l", "vie", "tsv")
		cmd.Stdin, cmd.Stdout = bytes.NewReader(img), &out
		if err := cmd.Run(); err != nil {
			s.log.Warn("web: OCR for the highlight", "err", err)
			return box{}, false
		}
		o = parseTSV(out.String())
		s.mu.Lock()
		if s.ocr == nil || len(s.ocr) >= 32 {
			s.ocr = map[string]ocrPage{}
		}
		s.ocr[key] = o
		s.mu.Unlock()
	}
	return matchWords(o.words, o.width, o.height, text)
}

// ocrPage is Tesseract's reading of one image.
type ocrPage struct {
	width, height float64
	words         []wordBox
}

// parseTSV reads tesseract's tsv output: level 1 is the page, level 5 a
// word (left, top, width, height, conf, text).
func parseTSV(tsv string) ocrPage {
	var o ocrPage
	for _, line := range strings.Split(tsv, "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 12 {
			continue
		}
		num := func(i int) float64 { v, _ := strconv.ParseFloat(f[i], 64); return v }
		switch f[0] {
		case "1":
			o.width, o.height = num(8), num(9)
		case "5":
			if t := strings.TrimSpace(f[11]); t != "" {
				o.words = append(o.words, wordBox{t, num(6), num(7), num(6) + num(8), num(7) + num(9)})
			}
		}
	}
	return o
}

// contentDisposition names a download: the Vietnamese name in filename*
// (RFC 6266/5987) and an ASCII fallback without diacritics in filename.
func contentDisposition(disp, name string) string {
	name = strings.ReplaceAll(name, "/", "-")
	ascii := asciiName(name)
	return fmt.Sprintf(`%s; filename="%s"; filename*=UTF-8''%s`, disp, ascii, pathEscape(name))
}

func asciiName(s string) string {
	s = strings.NewReplacer("đ", "d", "Đ", "D").Replace(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" ._-()", r)):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// pathEscape percent-encodes everything but RFC 5987's attr-chars.
func pathEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// docxPDF converts a DOCX source to PDF for its page images, once per
// content: the dossier page and each of its page images ask for the same
// conversion.
func (s *Server) docxPDF(ctx context.Context, docx []byte) ([]byte, error) {
	sum := sha256.Sum256(docx)
	key := string(sum[:])
	s.mu.Lock()
	pdf, ok := s.pdfs[key]
	s.mu.Unlock()
	if ok {
		return pdf, nil
	}
	pdf, err := s.opt.PDF.PDF(ctx, docx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.pdfs == nil || len(s.pdfs) >= 32 {
		s.pdfs = map[string][]byte{} // a bound, not a policy: converting again is only slower
	}
	s.pdfs[key] = pdf
	s.mu.Unlock()
	return pdf, nil
}

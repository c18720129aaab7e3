package corpus

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/hoso-vn/hoso"
)

// Reject is a corpus file that must be rejected, with how it is made.
type Reject struct {
	Name   string
	Format hoso.Format // what the file really is; empty when none of hoso's
	Error  hoso.ErrorCode
	Tags   []string
	Note   string
	// External says the file is made with LibreOffice or qpdf, so its
	// bytes may differ between runs.
	External bool
	make     func(ctx context.Context, o *Office) ([]byte, error)
}

// Make returns the file's bytes.
func (r Reject) Make(ctx context.Context, o *Office) ([]byte, error) { return r.make(ctx, o) }

// Truth returns the ground truth of the rejected file.
func (r Reject) Truth() Truth {
	return Truth{File: r.Name, Format: r.Format, Tags: r.Tags, Appraisals: []Appraisal{}, Awards: []Award{},
		Verdict: hoso.VerdictRejected, Error: r.Error, Note: r.Note}
}

// BombSize is how many bytes the bomb's document.xml inflates to: above
// the 64 MiB decompression limit the extractor applies by default.
const BombSize = 80 << 20

// Rejects returns the broken, mislabelled and unrelated files. source is a
// sound dossier they are cut from.
func Rejects(source *Dossier) []Reject {
	return []Reject{
		{Name: "r01-docx-bi-cat-cut.docx", Format: hoso.FormatDOCX, Error: hoso.EUNREADABLE, Tags: []string{"broken", "truncated", "docx"},
			Note: "DOCX bị cắt mất 45% cuối (mất central directory): không đọc được.",
			make: func(context.Context, *Office) ([]byte, error) {
				b, err := source.DOCX()
				if err != nil {
					return nil, err
				}
				return b[:len(b)*55/100], nil
			}},
		{Name: "r02-zip-hong.zip", Format: hoso.FormatZIP, Error: hoso.EUNREADABLE, Tags: []string{"broken", "corrupt", "zip"},
			Note: "ZIP có dữ liệu nén và central directory bị ghi đè rác: không đọc được.",
			make: func(context.Context, *Office) ([]byte, error) { return corruptZIP(source) }},
		{Name: "r03-pdf-co-mat-khau.pdf", Format: hoso.FormatPDFText, Error: hoso.EENCRYPTED, Tags: []string{"broken", "encrypted", "pdf"}, External: true,
			Note: "PDF mã hoá AES-256 bằng mật khẩu người dùng (qpdf --encrypt): bị từ chối vì có mật khẩu.",
			make: func(ctx context.Context, o *Office) ([]byte, error) { return encryptedPDF(ctx, o, source) }},
		{Name: "r04-bom-giai-nen.docx", Format: hoso.FormatDOCX, Error: hoso.ETOOLARGE, Tags: []string{"broken", "bomb", "docx"},
			Note: "DOCX nhỏ trên đĩa nhưng word/document.xml giải nén ra 80 MiB (> 64 MiB): bom giải nén, quá giới hạn.",
			make: func(context.Context, *Office) ([]byte, error) { return Bomb(BombSize) }},
		{Name: "r05-tep-rong.docx", Error: hoso.EEMPTY, Tags: []string{"broken", "empty"},
			Note: "Tệp 0 byte.",
			make: func(context.Context, *Office) ([]byte, error) { return []byte{}, nil }},
		{Name: "r06-pdf-120-trang.pdf", Format: hoso.FormatPDFText, Error: hoso.ETOOLARGE, Tags: []string{"broken", "pages", "pdf"},
			Note: "PDF hợp lệ có 120 trang (> 100): quá giới hạn số trang.",
			make: func(context.Context, *Office) ([]byte, error) { return ManyPagesPDF(120), nil }},
		{Name: "r07-pdf-hong-xref.pdf", Format: hoso.FormatPDFText, Error: hoso.EUNREADABLE, Tags: []string{"broken", "malformed", "pdf"},
			Note: "PDF có bảng xref trỏ sai, gốc tài liệu thiếu và luồng nội dung nén hỏng: không đọc được.",
			make: func(context.Context, *Office) ([]byte, error) { return MalformedPDF(), nil }},
		{Name: "r08-word-97.doc", Error: hoso.EUNSUPPORTED, Tags: []string{"broken", "ole", "doc"}, External: true,
			Note: "Tệp Word 97–2003 (.doc, OLE) do LibreOffice xuất: định dạng không hỗ trợ.",
			make: func(ctx context.Context, o *Office) ([]byte, error) {
				b, err := source.DOCX()
				if err != nil {
					return nil, err
				}
				return o.Convert(ctx, b, "docx", "doc")
			}},
		{Name: "r09-anh-the-dat-ten-docx.docx", Format: hoso.FormatImage, Error: hoso.ENOTDOSSIER, Tags: []string{"mislabelled", "image", "png"},
			Note: "Ảnh thẻ PNG mang đuôi .docx: là ảnh, không có chữ, không phải hồ sơ.",
			make: func(context.Context, *Office) ([]byte, error) { return PhotoPNG(true) }},
		{Name: "r10-giay-moi-hop.docx", Format: hoso.FormatDOCX, Error: hoso.ENOTDOSSIER, Tags: []string{"unrelated", "docx"},
			Note: "Giấy mời họp đọc được nhưng không có quần chúng, không có xếp loại: không phải hồ sơ.",
			make: func(context.Context, *Office) ([]byte, error) { return Invitation().DOCX(WriteOptions{}) }},
	}
}

// corruptZIP builds a bundle of the source's papers and overwrites the
// middle of the compressed data and the start of the central directory.
func corruptZIP(src *Dossier) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i, k := range []DocKind{DocLyLich, DocAppraisal, DocResolution} {
		b, err := src.DOCX(k)
		if err != nil {
			return nil, err
		}
		if err := AddZipFile(zw, fmt.Sprintf("%02d.docx", i+1), b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	cd := bytes.LastIndex(b, []byte("PK\x01\x02"))
	first := bytes.Index(b, []byte("PK\x01\x02"))
	if cd < 0 || first < 0 {
		return nil, fmt.Errorf("corpus: no central directory")
	}
	junk := []byte("hỏng hỏng hỏng ")
	for i := 0; i < 600; i++ {
		b[len(b)/3+i] = junk[i%len(junk)]
	}
	copy(b[first:], "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
	return b, nil
}

func encryptedPDF(ctx context.Context, o *Office, src *Dossier) ([]byte, error) {
	pdf, err := src.pdf(ctx, o, DocAppraisal, DocResolution)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "hoso-corpus-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "qpdf", "--encrypt", "mk2019", "chibo2019", "256", "--", in, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("corpus: qpdf: %w: %s", err, b)
	}
	return os.ReadFile(out)
}

// Bomb returns a DOCX whose document.xml inflates to at least size bytes
// of well-formed WordprocessingML, while the file stays small.
func Bomb(size int) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	d := &Document{Body: []Block{P("x")}}
	w := &docWriter{}
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", w.contentTypes(d)},
		{"_rels/.rels", rootRels},
		{"word/_rels/document.xml.rels", w.documentRels(d)},
		{"word/styles.xml", w.styles()},
		{"word/numbering.xml", numberingXML},
		{"word/settings.xml", settingsXML},
	} {
		if err := AddZipFile(zw, p.name, []byte(p.body)); err != nil {
			return nil, err
		}
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, Modified: ZipTime()})
	if err != nil {
		return nil, err
	}
	// A real paragraph, then inter-element whitespace (valid XML, and the
	// best case for deflate: about 1000:1), then another paragraph.
	para := `<w:p><w:r><w:t>Năm 2018: Hoàn thành tốt nhiệm vụ.</w:t></w:r></w:p>`
	head := xmlHead + `<w:document ` + nsW + `><w:body>` + para
	tail := para + `<w:sectPr/></w:body></w:document>`
	if _, err := io.WriteString(f, head); err != nil {
		return nil, err
	}
	chunk := strings.Repeat(" ", 1<<20)
	for n := len(head); n < size; n += len(chunk) {
		if _, err := io.WriteString(f, chunk); err != nil {
			return nil, err
		}
	}
	if _, err := io.WriteString(f, tail); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ManyPagesPDF writes a valid PDF of n pages, each with one line of text.
func ManyPagesPDF(n int) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(body string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), body)
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	// 1 catalog, 2 pages, 3 font, then page i at 4+2i and its content at 5+2i.
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	var kids strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&kids, "%d 0 R ", 4+2*i)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), n))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i := 0; i < n; i++ {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		text := fmt.Sprintf("BT /F1 12 Tf 72 770 Td (Bao cao tong ket cong tac nam 2019 - trang %d/%d) Tj ET", i+1, n)
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(text), text))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

// MalformedPDF is a PDF whose xref points into the middle of objects,
// whose trailer names a root object that does not exist, and whose one
// content stream claims a length it does not have and holds bytes that are
// not deflate data.
func MalformedPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	b.WriteString("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n")
	b.WriteString("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n")
	b.WriteString("4 0 obj\n<< /Length 8000 /Filter /FlateDecode >>\nstream\n")
	for i := 0; i < 40; i++ {
		b.WriteString("x\x9c\xff\xfe\xfd BANG TONG HOP \x00\x01\x02 ")
	}
	b.WriteString("\nendobj\n5 0 obj\n<< /Type /ObjStm /N 3 /First 999 /Length 12 /Filter /FlateDecode >>\nstream\nnot deflate!\nendstream\nendobj\n")
	b.WriteString("xref\n0 6\n0000000000 65535 f \n0000000003 00000 n \n0000000999 00000 n \n0000004242 00000 n \n0000000077 00000 n \n0000012345 00000 n \n")
	b.WriteString("trailer\n<< /Size 6 /Root 9 0 R >>\nstartxref\n99999\n%%EOF\n")
	return b.Bytes()
}

// Invitation is a readable document that is not a dossier: a meeting
// invitation with no candidate and no rating.
func Invitation() *Document {
	return &Document{Body: []Block{
		stateHeads("UBND TỈNH THÁI BÌNH", "SỞ TÀI CHÍNH", "Thái Bình", dt(2019, 9, 3), "215/GM-STC"),
		P(""),
		heading("GIẤY MỜI"),
		centered("Họp triển khai công tác quyết toán ngân sách năm 2019", true, false),
		body("Sở Tài chính trân trọng kính mời đại diện lãnh đạo các phòng, ban, đơn vị trực thuộc tới dự cuộc họp triển khai công tác quyết toán ngân sách nhà nước năm 2019."),
		body("Thời gian: 08 giờ 00 phút, thứ Năm, ngày 12 tháng 9 năm 2019."),
		body("Địa điểm: Phòng họp tầng 3, trụ sở Sở Tài chính, số 5 đường Lê Lợi, thành phố Thái Bình."),
		body("Đề nghị các đơn vị chuẩn bị số liệu thu, chi ngân sách 8 tháng đầu năm và gửi về Phòng Quản lý ngân sách trước ngày 10 tháng 9 năm 2019 để tổng hợp."),
		body("Rất mong các đồng chí đến dự đúng giờ./."),
		Paragraph{Runs: []Run{{Text: "KT. GIÁM ĐỐC", Bold: true}}, Align: "right", Heading: true},
		Paragraph{Runs: []Run{{Text: "PHÓ GIÁM ĐỐC", Bold: true}}, Align: "right", Heading: true},
		P(""),
		Paragraph{Runs: []Run{{Text: "Trần Văn Nam", Bold: true}}, Align: "right"},
	}}
}

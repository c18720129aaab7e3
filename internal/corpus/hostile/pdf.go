package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso"
)

// pdfFile assembles a PDF from numbered objects (1-based, in order) with a
// classic xref table whose offsets are right, and a trailer holding /Size,
// /Root 1 0 R and extra.
func pdfFile(objs []string, extra string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extra, xref)
	return b.Bytes()
}

// stream is a stream object with its exact /Length.
func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// deflateSpaces is n spaces, deflated, without holding them in memory.
func deflateSpaces(n int64) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for ; n > 0; n -= int64(len(chunk)) {
		w.Write(chunk[:min(n, int64(len(chunk)))])
	}
	w.Close()
	return b.Bytes()
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// textPDF is a valid one-page PDF showing lines of text.
func textPDF(lines ...string) []byte {
	var c strings.Builder
	c.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&c, "(%s) Tj T*\n", l)
	}
	c.WriteString("ET")
	return pageWith(c.String())
}

// pageWith is a one-page PDF whose page content is content.
func pageWith(content string) []byte {
	return pdfFile([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		stream("", content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}, "")
}

// XrefStreamPDF is a PDF whose cross-reference is a stream with the given
// /Size and extra dictionary entries; prevSelf makes its /Prev point at
// itself.
func XrefStreamPDF(size int64, prevSelf bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	o1 := b.Len()
	b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	o2 := b.Len()
	b.WriteString("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
	x := b.Len()
	var rows bytes.Buffer
	rows.Write([]byte{0, 0, 0, 0})
	for _, o := range []int{o1, o2, x} {
		rows.Write([]byte{1, byte(o >> 8), byte(o), 0})
	}
	data := deflate(rows.Bytes())
	prev := ""
	if prevSelf {
		prev = fmt.Sprintf(" /Prev %d", x)
	}
	fmt.Fprintf(&b, "3 0 obj\n<< /Type /XRef /Size %d /W [1 2 1] /Root 1 0 R /Filter /FlateDecode%s /Length %d >>\nstream\n",
		size, prev, len(data))
	b.Write(data)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}

// PrevLoopPDF is a valid text PDF whose trailer's /Prev points back at its
// own xref table (n == 1) or whose n xref sections point at each other in
// a ring.
func PrevLoopPDF(n int) []byte {
	base := textPDF("Hello")
	x := bytes.LastIndex(base, []byte("\nxref\n")) + 1
	tr := bytes.LastIndex(base, []byte("trailer\n"))
	table := base[x:tr]
	var b bytes.Buffer
	b.Write(base[:x])
	offs := make([]int, n)
	for i := range n {
		offs[i] = b.Len()
		b.Write(table)
		b.WriteString("trailer\n<< /Size 6 /Root 1 0 R /Prev PPPPPPPPPP >>\n")
	}
	out := b.Bytes()
	// Fill in each /Prev with the offset of the next section in the ring.
	for i := range n {
		out = bytes.Replace(out, []byte("PPPPPPPPPP"), fmt.Appendf(nil, "%010d", offs[(i+1)%n]), 1)
	}
	out = append(out, fmt.Appendf(nil, "startxref\n%d\n%%%%EOF\n", offs[n-1])...)
	return out
}

// PDFSeeds are small PDFs for fuzzing: valid ones and the hostile shapes
// (allocation bomb, /Prev loops).
func PDFSeeds() [][]byte {
	return [][]byte{
		textPDF("Hello"),
		pageWith("q q q Q Q Q BT /F1 12 Tf (x) Tj ET"),
		XrefStreamPDF(10, false),
		XrefStreamPDF(999_999_999, false),
		XrefStreamPDF(10, true),
		PrevLoopPDF(1),
		PrevLoopPDF(2),
	}
}

// pageTree is a PDF whose catalog's /Pages is the given object text
// (objects 1 catalog, 2 pages as given, 3 page).
func pageTree(pages string) []byte {
	return pdfFile([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		pages,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
	}, "")
}

func pdfCases() []Case {
	valid := textPDF("Ban tu kiem diem", "Nam 2018: Hoan thanh tot nhiem vu")
	cs := []Case{
		c("pdf-hop-le.pdf", "control: a text PDF", "", fixed(valid)),
		c("pdf-rac-truoc.pdf", "junk before %PDF-", hoso.EUNREADABLE, fixed(append([]byte("junk junk\n"), valid...))),
		c("pdf-rong.pdf", "a header only", hoso.EUNREADABLE, fixed([]byte("%PDF-1.4\n"))),
		c("pdf-1000-trang.pdf", "1 000 pages", hoso.ETOOLARGE, func() []byte { return manyPages(1000) }),
		c("pdf-mat-khau.pdf", "encrypted PDF", hoso.EENCRYPTED, fixed(pdfFile([]string{
			"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>",
			"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) >>",
		}, "/Encrypt 3 0 R /ID [<01> <01>] "))),
		c("pdf-pages-la-catalog.pdf", "/Pages is the catalog", hoso.EUNREADABLE, fixed(pdfFile([]string{
			"<< /Type /Catalog /Pages 1 0 R >>"}, ""))),
		c("pdf-kids-tu-tro.pdf", "page tree whose Kids hold itself", hoso.EUNREADABLE, fixed(pageTree("<< /Type /Pages /Kids [2 0 R] /Count 1 >>"))),
		c("pdf-kids-vong.pdf", "page tree loop through a child", hoso.EUNREADABLE, fixed(pdfFile([]string{
			"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>"}, ""))),
		c("pdf-count-ty.pdf", "/Count 1 000 000 000", hoso.EUNREADABLE, fixed(pageTree("<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>"))),
		c("pdf-khong-trang.pdf", "no pages", hoso.EUNREADABLE, fixed(pageTree("<< /Type /Pages /Kids [] /Count 0 >>"))),
		c("pdf-kids-thieu.pdf", "Kids pointing at missing objects", hoso.EUNREADABLE, fixed(pageTree("<< /Type /Pages /Kids [9 0 R 10 0 R] /Count 2 >>"))),
		c("pdf-root-thieu.pdf", "trailer root missing", hoso.EUNREADABLE, fixed(pdfFile([]string{"<< /Type /Pages >>"}, "/Root 7 0 R "))),
		c("pdf-hong-cau-truc.pdf", "xref into the middle of objects", hoso.EUNREADABLE, fixed(corpusMalformed())),
		c("pdf-length-ty.pdf", "stream /Length 999 999 999", hoso.EUNREADABLE, func() []byte {
			return bytes.Replace(pageWith("BT /F1 12 Tf (Ly lich) Tj ET"), []byte("/Length 28 "), []byte("/Length 999999999 "), 1)
		}),
		c("pdf-prev-tu-tro.pdf", "trailer /Prev points to its own xref", hoso.ETIMEOUT, fixed(PrevLoopPDF(1))),
		c("pdf-prev-hai.pdf", "two xrefs pointing at each other", hoso.ETIMEOUT, fixed(PrevLoopPDF(2))),
		c("pdf-prev-ba.pdf", "three xrefs in a ring", hoso.ETIMEOUT, fixed(PrevLoopPDF(3))),
		c("pdf-prev-nam.pdf", "five xrefs in a ring", hoso.ETIMEOUT, fixed(PrevLoopPDF(5))),
		c("pdf-xrefstm-prev-tu-tro.pdf", "xref stream /Prev points to itself", hoso.ETIMEOUT, fixed(XrefStreamPDF(4, true))),
		c("pdf-q-200k.pdf", "200 000 q operators", "", fixed(pageWith(strings.Repeat("q\n", 200_000)))),
		c("pdf-q-400k-nen.pdf", "400 000 q operators, deflated", "", func() []byte {
			return pdfFile([]string{
				"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
				stream("/Filter /FlateDecode", string(deflate([]byte(strings.Repeat("q ", 400_000))))),
			}, "")
		}),
		c("pdf-400k-tj.pdf", "400 000 text operators", "", fixed(pageWith("BT /F1 12 Tf "+strings.Repeat("(x) Tj ", 400_000/8)+"ET"))),
		c("pdf-bom-noi-dung.pdf", "content stream inflating to 200 MB", hoso.ETOOLARGE, func() []byte {
			return pdfFile([]string{
				"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
				stream("/Filter /FlateDecode", string(deflateSpaces(200<<20))),
			}, "")
		}),
		c("pdf-mang-long-sau.pdf", "array nested 100 000 deep", hoso.EUNREADABLE, fixed(pageTree("<< /Type /Pages /Kids [3 0 R] /Count 1 /X "+
			strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+" >>"))),
		c("pdf-dict-long-sau.pdf", "dictionary nested 100 000 deep", hoso.EUNREADABLE, fixed(pageTree("<< /Type /Pages /Kids [3 0 R] /Count 1 /X "+
			strings.Repeat("<< /A ", 100_000)+strings.Repeat(">> ", 100_000)+" >>"))),
		c("pdf-objstm-n-ty.pdf", "object stream claiming 10^9 objects", hoso.EUNREADABLE, fixed(pdfFile([]string{
			"<< /Type /Catalog /Pages 3 0 R >>",
			stream("/Type /ObjStm /N 1000000000 /First 4", "3 0 << /Type /Pages /Kids [] /Count 0 >>"),
		}, ""))),
	}
	for _, size := range []int64{999_999_999, 1 << 31, 1 << 33, 4_000_000_000, 1_000_000_000_000, 1 << 40} {
		cs = append(cs, c(fmt.Sprintf("pdf-xref-size-%d.pdf", size), "xref stream /Size allocation bomb", hoso.ETOOLARGE,
			fixed(XrefStreamPDF(size, false))))
	}
	for _, size := range []int64{-1, 0, 3, 100_000} {
		cs = append(cs, c(fmt.Sprintf("pdf-xref-size-nho-%d.pdf", size), "xref stream with a wrong /Size", hoso.EUNREADABLE,
			fixed(XrefStreamPDF(size, false))))
	}
	for i, f := range []float64{0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95} {
		cs = append(cs, c(fmt.Sprintf("pdf-cat-%d.pdf", i), "truncated PDF", hoso.EUNREADABLE, func() []byte { return cut(valid, f) }))
	}
	for i := range 5 {
		cs = append(cs, c(fmt.Sprintf("pdf-ngau-nhien-%d.pdf", i), "PDF header then noise", hoso.EUNREADABLE,
			fixed(noise(400+uint64(i), "%PDF-1.7\n", 4096))))
	}
	return cs
}

func manyPages(n int) []byte {
	return corpusManyPages(n)
}

package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
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

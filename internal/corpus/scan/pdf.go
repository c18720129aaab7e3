// Package scan makes the scanned variants of the test corpus: it renders
// the pages of the corpus's text dossiers to images, degrades them the way
// office scanners and phone cameras do, and writes image-only PDFs and
// photos with the ground truth of the dossier they came from.
package scan

import (
	"bufio"
	"bytes"
	"fmt"
	"image/color"
	"image/jpeg"
	"io"
)

// Page is one page of an image-only PDF: a baseline JPEG and the
// resolution it was scanned at, which sets the page size.
type Page struct {
	JPEG []byte
	DPI  int
}

// WritePDF writes an image-only PDF, one JPEG per page passed through
// unchanged (DCTDecode), the way scanner software does. ImageMagick's PDF
// coder is disabled by Debian's security policy, so the corpus writes its
// own.
func WritePDF(w io.Writer, pages []Page) error {
	bw := bufio.NewWriter(w)
	var offs []int
	n := 0
	obj := func(body string, stream []byte) {
		offs = append(offs, n)
		s := fmt.Sprintf("%d 0 obj\n%s", len(offs), body)
		if stream != nil {
			s += "\nstream\n"
		}
		k, _ := bw.WriteString(s)
		n += k
		if stream != nil {
			k, _ = bw.Write(stream)
			n += k
			k, _ = bw.WriteString("\nendstream")
			n += k
		}
		k, _ = bw.WriteString("\nendobj\n")
		n += k
	}
	k, _ := bw.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n += k
	// Objects: 1 catalog, 2 pages, then per page: page, content, image.
	kids := ""
	for i := range pages {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", len(pages), kids), nil)
	for i, p := range pages {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.JPEG))
		if err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
		if p.DPI <= 0 {
			return fmt.Errorf("page %d: no DPI", i+1)
		}
		wpt := float64(cfg.Width) * 72 / float64(p.DPI)
		hpt := float64(cfg.Height) * 72 / float64(p.DPI)
		space := "/DeviceRGB"
		switch cfg.ColorModel {
		case color.GrayModel:
			space = "/DeviceGray"
		case color.CMYKModel:
			space = "/DeviceCMYK"
		}
		base := 3 + 3*i
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>",
			wpt, hpt, base+2, base+1), nil)
		content := fmt.Appendf(nil, "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", wpt, hpt)
		obj(fmt.Sprintf("<< /Length %d >>", len(content)), content)
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>",
			cfg.Width, cfg.Height, space, len(p.JPEG)), p.JPEG)
	}
	xref := n
	fmt.Fprintf(bw, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(bw, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(bw, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return bw.Flush()
}

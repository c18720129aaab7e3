package extract

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso"
)

// pageSize is a PDF page's size in points (1/72 inch), as pdfinfo reports
// it after the page's rotation.
type pageSize struct{ w, h float64 }

// pixels returns the size of the page rendered at dpi, as pdftoppm rounds it.
func (s pageSize) pixels(dpi int) (int, int) {
	px := func(pt float64) int {
		v := math.Ceil(pt * float64(dpi) / 72)
		if v > math.MaxInt32 {
			return math.MaxInt32
		}
		return int(v)
	}
	return px(s.w), px(s.h)
}

// pageSizes asks pdfinfo for the sizes of pages first..last, so a page
// whose rendering would pass the pixel limit is refused before pdftoppm
// allocates it.
func (o *OCR) pageSizes(ctx context.Context, pdfPath string, first, last int) (map[int]pageSize, error) {
	cmd := o.command(ctx, o.opt.PdfinfoPath, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), pdfPath)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := stderr.String()
		if strings.Contains(msg, "Incorrect password") {
			return nil, hoso.Errorf(hoso.EENCRYPTED, "Tệp PDF có mật khẩu", "the PDF is password-protected")
		}
		if ctx.Err() != nil {
			return nil, hoso.Wrap(ctx.Err(), hoso.ETIMEOUT, "Hết thời gian đọc tệp PDF", "ran out of time reading the PDF")
		}
		return nil, hoso.Wrap(fmt.Errorf("pdfinfo: %w: %s", err, firstLine(msg)), hoso.EUNREADABLE,
			"Tệp PDF bị hỏng, không đọc được", "corrupt PDF")
	}
	return parsePDFInfo(&stdout)
}

// parsePDFInfo reads the "Page N size: W x H pts" and "Page N rot: R"
// lines of pdfinfo's output.
func parsePDFInfo(out *bytes.Buffer) (map[int]pageSize, error) {
	sizes := map[int]pageSize{}
	rot := map[int]int{}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || f[0] != "Page" {
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		switch f[2] {
		case "size:":
			if len(f) < 6 || f[4] != "x" {
				continue
			}
			w, err1 := strconv.ParseFloat(f[3], 64)
			h, err2 := strconv.ParseFloat(f[5], 64)
			if err1 != nil || err2 != nil || !(w > 0) || !(h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
				return nil, hoso.Errorf(hoso.EUNREADABLE, "Trang %d của tệp PDF có kích thước không hợp lệ",
					"page %d of the PDF has an invalid size", n)
			}
			sizes[n] = pageSize{w, h}
		case "rot:":
			rot[n], _ = strconv.Atoi(f[3])
		}
	}
	for n, r := range rot {
		if s, ok := sizes[n]; ok && (r == 90 || r == 270) {
			sizes[n] = pageSize{s.h, s.w}
		}
	}
	return sizes, nil
}

package extract

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Words read with less confidence than rereadBelow get a second look, at
// most rereadMax per page.
const (
	rereadBelow = 50
	rereadMax   = 12
	rereadGap   = 24 // white pixels between two crops in the strip
)

// reread gives Tesseract a second look at the words it read badly on a
// page rendered to PGM. On a full page it segments a table cell such as a
// year centred beside a two-line rating as noise ("2017" read as "nhà" at
// 0 %), yet read alone as a line (--psm 7 style) the same pixels come out
// right at 97 %. The doubtful words are cut out, stacked into one strip
// with white between them and read in one more run (psm 6, one line per
// crop); a word is replaced only when the second reading is clearly
// surer. Errors leave the first reading as it was: this pass can only
// improve a page. It runs only with OCROptions.Reread: on the scan corpus
// it cost 0.2 s a page and changed no field, so it is off by default.
func (o *OCR) reread(ctx context.Context, pgm string, dpi int, words []tsvWord) {
	var idx []int
	for i, w := range words {
		if w.conf >= 0 && w.conf < rereadBelow && w.width > 0 && w.hgt > 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return
	}
	if len(idx) > rereadMax {
		idx = idx[:rereadMax]
	}
	img, err := readPGM(pgm)
	if err != nil {
		return
	}
	strip, spans := img.strip(words, idx)
	path := filepath.Join(filepath.Dir(pgm), "reread-"+filepath.Base(pgm))
	if err := writeGray(path, strip); err != nil {
		return
	}
	defer os.Remove(path)
	args := []string{path, "stdout", "-l", o.opt.Lang, "--psm", "6"}
	if dpi > 0 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	var stdout bytes.Buffer
	cmd := o.command(ctx, o.opt.TesseractPath, append(args, "tsv")...)
	cmd.Stdout = &stdout
	if err := cmd.Run(); err != nil {
		return
	}
	again, err := parseWords(&stdout)
	if err != nil {
		return
	}
	for k, i := range idx {
		var txt []string
		var sum, n float64
		for _, w := range again {
			cy := w.top + w.hgt/2
			if cy < spans[k][0] || cy >= spans[k][1] {
				continue
			}
			txt = append(txt, w.text)
			sum += w.conf
			n++
		}
		if n == 0 {
			continue
		}
		conf := sum / n
		if conf >= 60 && conf >= words[i].conf+20 {
			words[i].text = strings.Join(txt, " ")
			words[i].conf = conf
		}
	}
}

// grayImage is an 8-bit grey raster.
type grayImage struct {
	w, h int
	pix  []byte
}

// readPGM reads an 8-bit binary PGM (what pdftoppm -gray writes).
func readPGM(path string) (*grayImage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	w, h, maxval, err := pnmHeader(br)
	if err != nil {
		return nil, err
	}
	if maxval > 255 {
		return nil, fmt.Errorf("pgm: 16-bit samples")
	}
	img := &grayImage{w: w, h: h, pix: make([]byte, w*h)}
	if _, err := io.ReadFull(br, img.pix); err != nil {
		return nil, err
	}
	return img, nil
}

// strip stacks the boxes of words[idx], each padded with white, into one
// image, and returns it with the vertical span each crop occupies.
func (g *grayImage) strip(words []tsvWord, idx []int) (*grayImage, [][2]int) {
	type box struct{ x0, y0, x1, y1 int }
	var boxes []box
	width, height := 0, rereadGap
	for _, i := range idx {
		w := words[i]
		pad := max(w.hgt/3, 6)
		b := box{max(w.left-pad, 0), max(w.top-pad, 0), min(w.left+w.width+pad, g.w), min(w.top+w.hgt+pad, g.h)}
		boxes = append(boxes, b)
		width = max(width, b.x1-b.x0)
		height += b.y1 - b.y0 + rereadGap
	}
	width += 2 * rereadGap
	out := &grayImage{w: width, h: height, pix: bytes.Repeat([]byte{255}, width*height)}
	spans := make([][2]int, len(boxes))
	y := rereadGap
	for k, b := range boxes {
		spans[k] = [2]int{y - rereadGap/2, y + (b.y1 - b.y0) + rereadGap/2}
		for row := b.y0; row < b.y1; row++ {
			copy(out.pix[(y+row-b.y0)*width+rereadGap:], g.pix[row*g.w+b.x0:row*g.w+b.x1])
		}
		y += b.y1 - b.y0 + rereadGap
	}
	return out, spans
}

func writeGray(path string, g *grayImage) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	fmt.Fprintf(bw, "P5\n%d %d\n255\n", g.w, g.h)
	bw.Write(g.pix)
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

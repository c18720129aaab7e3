package extract

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"strconv"

	"github.com/hoso-vn/hoso"
)

// imageInfo is what the header of an image file says, read before any
// pixel is decoded so an image bomb is refused for the price of a few bytes.
type imageInfo struct {
	kind   string // "jpeg", "png", "gif", "tiff", "pnm"
	width  int    // of the largest page, for TIFF
	height int
	pages  int // 1 except for multi-page TIFF
	// orientation is the EXIF orientation of a JPEG (1–8, 0 when absent):
	// phone cameras store the sensor's pixels and say how to turn them.
	orientation int
}

// imageKind names the image format from its first bytes, or "".
func imageKind(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return "jpeg"
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return "gif"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "tiff"
	case len(head) > 2 && head[0] == 'P' && (head[1] == '5' || head[1] == '6') && isSpace(head[2]):
		return "pnm"
	}
	return ""
}

// probeImage reads the header of an image and checks it against the pixel
// and page limits. It never decodes pixel data.
func probeImage(r io.ReaderAt, size int64, lim Limits) (imageInfo, error) {
	head := make([]byte, 16)
	n, _ := r.ReadAt(head, 0)
	info := imageInfo{kind: imageKind(head[:n]), pages: 1}
	sr := io.NewSectionReader(r, 0, size)
	var err error
	switch info.kind {
	case "jpeg", "png", "gif":
		var cfg image.Config
		switch info.kind {
		case "jpeg":
			cfg, err = jpeg.DecodeConfig(sr)
			if err == nil {
				info.orientation = exifOrientation(io.NewSectionReader(r, 0, size))
			}
		case "png":
			cfg, err = png.DecodeConfig(sr)
		case "gif":
			cfg, err = gif.DecodeConfig(sr)
		}
		info.width, info.height = cfg.Width, cfg.Height
	case "tiff":
		err = tiffProbe(r, size, &info, lim)
	case "pnm":
		info.width, info.height, _, err = pnmHeader(bufio.NewReader(sr))
	default:
		return info, hoso.Errorf(hoso.EUNSUPPORTED, "Không đọc được loại ảnh này (chỉ nhận JPEG, PNG, TIFF)",
			"unsupported image type (JPEG, PNG and TIFF are read)")
	}
	if err != nil {
		if hoso.Code(err) != hoso.EINTERNAL {
			return info, err
		}
		return info, hoso.Wrap(err, hoso.EUNREADABLE, "Ảnh bị hỏng, không đọc được", "corrupt %s image", info.kind)
	}
	return info, checkPixels(info.width, info.height, lim)
}

// checkPixels refuses an image or rendered page over lim.MaxPixels.
func checkPixels(w, h int, lim Limits) error {
	if w <= 0 || h <= 0 {
		return hoso.Errorf(hoso.EUNREADABLE, "Ảnh có kích thước không hợp lệ (%d×%d)", "image has invalid size %d×%d", w, h)
	}
	if lim.MaxPixels > 0 && int64(w)*int64(h) > lim.MaxPixels {
		return hoso.Errorf(hoso.ETOOLARGE, "Ảnh quá lớn: %d×%d điểm ảnh (giới hạn %d triệu)",
			"image too large: %d×%d pixels (limit %d million)", w, h, lim.MaxPixels/1_000_000)
	}
	return nil
}

// exifOrientation returns the Orientation tag (0x0112) of a JPEG's EXIF
// block, or 0. Only the segments before the image data are read.
func exifOrientation(r io.Reader) int {
	br := bufio.NewReader(r)
	var soi [2]byte
	if _, err := io.ReadFull(br, soi[:]); err != nil || soi != [2]byte{0xff, 0xd8} {
		return 0
	}
	for range 32 { // a JPEG has a handful of segments before SOS
		var m [4]byte
		if _, err := io.ReadFull(br, m[:]); err != nil || m[0] != 0xff {
			return 0
		}
		marker := m[1]
		n := int(binary.BigEndian.Uint16(m[2:])) - 2
		if marker == 0xda || marker == 0xd9 || n < 0 { // start of scan: no EXIF found
			return 0
		}
		if marker != 0xe1 {
			if _, err := br.Discard(n); err != nil {
				return 0
			}
			continue
		}
		seg := make([]byte, n)
		if _, err := io.ReadFull(br, seg); err != nil {
			return 0
		}
		if !bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			continue
		}
		return tiffOrientation(seg[6:])
	}
	return 0
}

// tiffOrientation reads tag 0x0112 from the first IFD of a TIFF structure
// held in memory (the body of an EXIF segment).
func tiffOrientation(t []byte) int {
	bo, ok := tiffByteOrder(t)
	if !ok || len(t) < 8 {
		return 0
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return 0
	}
	cnt := int(bo.Uint16(t[off:]))
	for i := range cnt {
		e := off + 2 + 12*i
		if e+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			v := int(bo.Uint16(t[e+8:]))
			if v >= 1 && v <= 8 {
				return v
			}
			return 0
		}
	}
	return 0
}

func tiffByteOrder(h []byte) (binary.ByteOrder, bool) {
	switch {
	case bytes.HasPrefix(h, []byte("II*\x00")):
		return binary.LittleEndian, true
	case bytes.HasPrefix(h, []byte("MM\x00*")):
		return binary.BigEndian, true
	}
	return nil, false
}

// tiffProbe walks the IFD chain of a TIFF file, counting pages and keeping
// the largest page's size. A loop in the chain or more pages than allowed
// ends the walk with an error.
func tiffProbe(r io.ReaderAt, size int64, info *imageInfo, lim Limits) error {
	var h [8]byte
	if _, err := r.ReadAt(h[:], 0); err != nil {
		return err
	}
	bo, _ := tiffByteOrder(h[:])
	off := int64(bo.Uint32(h[4:]))
	seen := map[int64]bool{}
	info.pages = 0
	for off != 0 {
		if seen[off] || off < 8 || off+2 > size {
			return errors.New("tiff: bad IFD offset " + strconv.FormatInt(off, 10))
		}
		seen[off] = true
		info.pages++
		if lim.MaxPages > 0 && info.pages > lim.MaxPages {
			return hoso.Errorf(hoso.ETOOLARGE, "Tệp TIFF có quá nhiều trang (giới hạn %d)",
				"TIFF has too many pages (limit %d)", lim.MaxPages)
		}
		var c [2]byte
		if _, err := r.ReadAt(c[:], off); err != nil {
			return err
		}
		cnt := int64(bo.Uint16(c[:]))
		ifd := make([]byte, cnt*12+4)
		if _, err := r.ReadAt(ifd, off+2); err != nil {
			return fmt.Errorf("tiff: short IFD: %w", err)
		}
		var w, ht int
		for i := range cnt {
			e := ifd[i*12:]
			tag, typ := bo.Uint16(e), bo.Uint16(e[2:])
			var v int
			switch typ {
			case 3: // SHORT
				v = int(bo.Uint16(e[8:]))
			case 4: // LONG
				v = int(bo.Uint32(e[8:]))
			default:
				continue
			}
			switch tag {
			case 256:
				w = v
			case 257:
				ht = v
			}
		}
		if w <= 0 || ht <= 0 {
			return errors.New("tiff: page without width or height")
		}
		if int64(w)*int64(ht) > int64(info.width)*int64(info.height) {
			info.width, info.height = w, ht
		}
		off = int64(bo.Uint32(ifd[cnt*12:]))
	}
	if info.pages == 0 {
		return errors.New("tiff: no pages")
	}
	return nil
}

// pnmHeader reads the header of a binary PGM (P5) or PPM (P6) file and
// returns its width, height and maximum sample value.
func pnmHeader(br *bufio.Reader) (w, h, maxval int, err error) {
	var magic [2]byte
	if _, err = io.ReadFull(br, magic[:]); err != nil {
		return
	}
	if magic[0] != 'P' || (magic[1] != '5' && magic[1] != '6') {
		return 0, 0, 0, errors.New("pnm: not P5/P6")
	}
	var v [3]int
	for i := range v {
		if v[i], err = pnmInt(br); err != nil {
			return
		}
	}
	if v[2] < 1 || v[2] > 65535 {
		return 0, 0, 0, errors.New("pnm: bad maxval")
	}
	return v[0], v[1], v[2], nil
}

// pnmInt reads one decimal header field, skipping white space and
// comments, and consumes the single white-space byte after it.
func pnmInt(br *bufio.Reader) (int, error) {
	c, err := br.ReadByte()
	for ; err == nil; c, err = br.ReadByte() {
		if c == '#' {
			if _, err = br.ReadString('\n'); err != nil {
				return 0, err
			}
			continue
		}
		if !isSpace(c) {
			break
		}
	}
	if err != nil {
		return 0, err
	}
	n, digits := 0, 0
	for ; err == nil && c >= '0' && c <= '9'; c, err = br.ReadByte() {
		if n > 1<<24 {
			return 0, errors.New("pnm: number too large")
		}
		n = n*10 + int(c-'0')
		digits++
	}
	if digits == 0 || (err == nil && !isSpace(c)) {
		return 0, errors.New("pnm: bad header")
	}
	return n, nil
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// photoPage decodes a JPEG photo of a page, turns it upright when its EXIF
// orientation says it was taken turned, evens out its lighting (flatten),
// erases the vertical rules of its tables (eraseColumnRules) and writes it
// as an 8-bit PGM, the cheapest format Tesseract reads. Only called after
// probeImage has checked the pixel count.
func photoPage(r io.Reader, orientation int, path string) error {
	src, err := jpeg.Decode(r)
	if err != nil {
		return hoso.Wrap(err, hoso.EUNREADABLE, "Ảnh JPEG bị hỏng", "corrupt JPEG image")
	}
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	dw, dh := sw, sh
	if orientation >= 5 {
		dw, dh = sh, sw
	}
	page := &grayImage{w: dw, h: dh, pix: make([]byte, dw*dh)}
	for y := range sh {
		for x := range sw {
			dx, dy := orientedXY(orientation, x, y, sw, sh)
			page.pix[dy*dw+dx] = grayAt(src, b.Min.X+x, b.Min.Y+y)
		}
	}
	flatten(page)
	eraseColumnRules(page)
	return writeGray(path, page)
}

// orientedXY maps a stored pixel to its upright position for an EXIF
// orientation (1 upright, 3 turned 180°, 6 needs 90° clockwise, 8 needs
// 90° counter-clockwise, 2/4/5/7 the mirrored forms).
func orientedXY(o, x, y, w, h int) (int, int) {
	switch o {
	case 2:
		return w - 1 - x, y
	case 3:
		return w - 1 - x, h - 1 - y
	case 4:
		return x, h - 1 - y
	case 5:
		return y, x
	case 6:
		return h - 1 - y, x
	case 7:
		return h - 1 - y, w - 1 - x
	case 8:
		return y, w - 1 - x
	}
	return x, y
}

func grayAt(img image.Image, x, y int) uint8 {
	switch m := img.(type) {
	case *image.Gray:
		return m.Pix[m.PixOffset(x, y)]
	case *image.YCbCr:
		return m.Y[m.YOffset(x, y)]
	}
	r, g, b, _ := img.At(x, y).RGBA()
	return uint8((19595*r + 38470*g + 7471*b + 1<<15) >> 24)
}

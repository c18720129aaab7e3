package extract

import (
	"bytes"
	"encoding/binary"
	"image"
	_ "image/gif" // DecodeConfig for GIF headers
	"image/jpeg"
	"image/png"
	"io"

	"github.com/hoso-vn/hoso"
)

// ImageSize returns the pixel dimensions of an image from its header,
// without decoding the pixels, so an oversized image is refused before
// anything allocates for it.
func ImageSize(r io.ReaderAt, size int64) (w, h int, k Kind, err error) {
	head := make([]byte, min(size, 64))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return 0, 0, KindUnknown, errImage(err)
	}
	k = Detect(head)
	sr := io.NewSectionReader(r, 0, size)
	switch k {
	case KindPNG:
		w, h, err = configSize(png.DecodeConfig(sr))
	case KindJPEG:
		w, h, err = configSize(jpeg.DecodeConfig(sr))
	case KindGIF:
		var c image.Config
		c, _, err = image.DecodeConfig(sr)
		w, h = c.Width, c.Height
	case KindTIFF:
		w, h, err = tiffSize(r, size)
	case KindWebP:
		w, h, err = webpSize(head)
	case KindBMP:
		w, h, err = bmpSize(head)
	default:
		return 0, 0, k, hoso.Errorf(hoso.EUNSUPPORTED, "Không phải tệp ảnh được hỗ trợ", "not a supported image")
	}
	if err == nil && (w <= 0 || h <= 0) {
		err = errImage(nil)
	}
	if err != nil {
		return 0, 0, k, errImage(err)
	}
	return w, h, k, nil
}

func configSize(c image.Config, err error) (int, int, error) {
	return c.Width, c.Height, err
}

func errImage(err error) error {
	if he, ok := err.(*hoso.Error); ok {
		return he
	}
	return hoso.Wrap(err, hoso.EUNREADABLE, "Tệp ảnh bị hỏng, không đọc được kích thước",
		"the image is corrupt; its dimensions cannot be read")
}

// checkImagePixels refuses an image larger than lim.MaxPixels.
func checkImagePixels(w, h int, lim Limits) error {
	if lim.MaxPixels >= 0 && int64(w)*int64(h) > lim.MaxPixels {
		return hoso.Errorf(hoso.ETOOLARGE, "Ảnh quá lớn: %d×%d điểm ảnh (tối đa %d triệu điểm ảnh)",
			"the image is too large: %d×%d pixels (at most %d million)", w, h, lim.MaxPixels/1_000_000)
	}
	return nil
}

// tiffSize returns the size of the largest page of a TIFF, walking the
// IFD chain with the same bounded walker the OCR uses.
func tiffSize(r io.ReaderAt, size int64) (int, int, error) {
	var info imageInfo
	if err := tiffProbe(r, size, &info, Limits{}.Defaults()); err != nil {
		return 0, 0, err
	}
	return info.width, info.height, nil
}

// webpSize reads the canvas size of a lossy (VP8), lossless (VP8L) or
// extended (VP8X) WebP.
func webpSize(b []byte) (int, int, error) {
	if len(b) < 30 {
		return 0, 0, io.ErrUnexpectedEOF
	}
	switch string(b[12:16]) {
	case "VP8 ":
		if !bytes.Equal(b[23:26], []byte{0x9d, 0x01, 0x2a}) {
			return 0, 0, io.ErrUnexpectedEOF
		}
		return int(binary.LittleEndian.Uint16(b[26:]) & 0x3fff), int(binary.LittleEndian.Uint16(b[28:]) & 0x3fff), nil
	case "VP8L":
		if b[20] != 0x2f {
			return 0, 0, io.ErrUnexpectedEOF
		}
		v := binary.LittleEndian.Uint32(b[21:])
		return int(v&0x3fff) + 1, int(v>>14&0x3fff) + 1, nil
	case "VP8X":
		w := int(b[24]) | int(b[25])<<8 | int(b[26])<<16
		h := int(b[27]) | int(b[28])<<8 | int(b[29])<<16
		return w + 1, h + 1, nil
	}
	return 0, 0, io.ErrUnexpectedEOF
}

func bmpSize(b []byte) (int, int, error) {
	if len(b) < 26 {
		return 0, 0, io.ErrUnexpectedEOF
	}
	if binary.LittleEndian.Uint32(b[14:]) == 12 { // BITMAPCOREHEADER
		return int(binary.LittleEndian.Uint16(b[18:])), int(binary.LittleEndian.Uint16(b[20:])), nil
	}
	w := int(int32(binary.LittleEndian.Uint32(b[18:])))
	h := int(int32(binary.LittleEndian.Uint32(b[22:])))
	if h < 0 { // top-down bitmap
		h = -h
	}
	return w, h, nil
}

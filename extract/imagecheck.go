package extract

import (
	"bytes"
	"encoding/binary"
	"io"

	"github.com/hoso-vn/hoso"
)

// MaxJPEGScans bounds the scans of a progressive JPEG: cameras and
// scanners write about ten; thousands only make a decoder loop.
const MaxJPEGScans = 64

// checkImage walks an image's structure without decoding its pixels: a
// truncated or corrupt file, or one built to make a decoder work for ever
// (thousands of JPEG scans or GIF frames), is refused here whether or not
// OCR is on, instead of ending as an unread page.
func checkImage(r io.ReaderAt, size int64, k Kind, lim Limits) error {
	switch k {
	case KindPNG:
		return checkPNG(r, size)
	case KindJPEG, KindGIF, KindWebP:
		if size > 256<<20 {
			return nil // the size limit has the last word
		}
		data := make([]byte, size)
		if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
			return errImageCorrupt("image", err)
		}
		switch k {
		case KindJPEG:
			return checkJPEG(data)
		case KindGIF:
			return checkGIF(data, lim)
		case KindWebP:
			if len(data) < 12 || int64(binary.LittleEndian.Uint32(data[4:]))+8 > int64(len(data)) {
				return errImageCorrupt("WebP", io.ErrUnexpectedEOF)
			}
		}
	}
	return nil
}

func errImageCorrupt(what string, err error) error {
	return hoso.Wrap(err, hoso.EUNREADABLE, "Tệp ảnh %s bị hỏng hoặc bị cắt cụt, không đọc được",
		"the %s image is corrupt or truncated and cannot be read", what)
}

// checkPNG walks the chunks: each must fit in the file, and IDAT and IEND
// must be there.
func checkPNG(r io.ReaderAt, size int64) error {
	var hdr [8]byte
	off := int64(8)
	idat, iend := false, false
	for n := 0; off < size && !iend; n++ {
		if n > 1_000_000 {
			return errImageCorrupt("PNG", nil)
		}
		if _, err := r.ReadAt(hdr[:], off); err != nil {
			return errImageCorrupt("PNG", err)
		}
		l := int64(binary.BigEndian.Uint32(hdr[:4]))
		if l > 1<<31-1 || off+12+l > size {
			return errImageCorrupt("PNG", io.ErrUnexpectedEOF)
		}
		switch string(hdr[4:8]) {
		case "IDAT":
			idat = true
		case "IEND":
			iend = true
		}
		off += 12 + l
	}
	if !idat || !iend {
		return errImageCorrupt("PNG", io.ErrUnexpectedEOF)
	}
	return nil
}

// checkJPEG counts the scans (SOS markers: in entropy-coded data a 0xFF is
// always followed by 0x00 or a restart marker, so FF DA is a marker) and
// wants the end-of-image marker after the last one.
func checkJPEG(b []byte) error {
	scans := bytes.Count(b, []byte{0xff, 0xda})
	if scans == 0 {
		return errImageCorrupt("JPEG", io.ErrUnexpectedEOF)
	}
	if scans > MaxJPEGScans {
		return hoso.Errorf(hoso.ETOOLARGE, "Ảnh JPEG có quá nhiều lượt quét (%d, tối đa %d)",
			"the JPEG has too many scans (%d, at most %d)", scans, MaxJPEGScans)
	}
	if !bytes.Contains(b[bytes.LastIndex(b, []byte{0xff, 0xda}):], []byte{0xff, 0xd9}) {
		return errImageCorrupt("JPEG", io.ErrUnexpectedEOF)
	}
	return nil
}

// checkGIF walks the blocks, counting frames: more than lim.MaxPages is
// too many (only the first is read), a block running past the end is a
// truncated file.
func checkGIF(b []byte, lim Limits) error {
	bad := func() error { return errImageCorrupt("GIF", io.ErrUnexpectedEOF) }
	if len(b) < 13 {
		return bad()
	}
	off := 13
	if b[10]&0x80 != 0 {
		off += 3 << (int(b[10]&7) + 1)
	}
	// subBlocks skips data sub-blocks up to their terminator.
	subBlocks := func() bool {
		for off < len(b) {
			n := int(b[off])
			off++
			if n == 0 {
				return true
			}
			off += n
		}
		return false
	}
	frames := 0
	for {
		if off >= len(b) {
			return bad()
		}
		switch b[off] {
		case 0x3b: // trailer
			if frames == 0 {
				return bad()
			}
			return nil
		case 0x21: // extension: label, sub-blocks
			off += 2
			if !subBlocks() {
				return bad()
			}
		case 0x2c: // image: descriptor, local colour table, LZW size, sub-blocks
			if off+10 > len(b) {
				return bad()
			}
			flags := b[off+9]
			off += 10
			if flags&0x80 != 0 {
				off += 3 << (int(flags&7) + 1)
			}
			off++ // LZW minimum code size
			if !subBlocks() {
				return bad()
			}
			frames++
			if lim.MaxPages >= 0 && frames > lim.MaxPages {
				return hoso.Errorf(hoso.ETOOLARGE, "Ảnh GIF có quá nhiều khung hình (hơn %d)",
					"the GIF has too many frames (more than %d)", lim.MaxPages)
			}
		default:
			return bad()
		}
	}
}

package hostile

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"

	"github.com/hoso-vn/hoso"
)

func pngChunk(b *bytes.Buffer, typ string, data []byte, length uint32) {
	var h [4]byte
	binary.BigEndian.PutUint32(h[:], length)
	b.Write(h[:])
	b.WriteString(typ)
	b.Write(data)
	binary.BigEndian.PutUint32(h[:], crc32.ChecksumIEEE(append([]byte(typ), data...)))
	b.Write(h[:])
}

// pngHeader is a PNG signature and IHDR of w×h 8-bit grey, then body.
func pngWith(w, h uint32, body func(b *bytes.Buffer)) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0
	pngChunk(&b, "IHDR", ihdr, 13)
	if body != nil {
		body(&b)
	}
	return b.Bytes()
}

// whitePNG is a w×h white 8-bit grey PNG, written a row at a time so the
// generator holds only the compressed file.
func whitePNG(w, h uint32) []byte {
	return pngWith(w, h, func(b *bytes.Buffer) {
		var z bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		row := bytes.Repeat([]byte{0xff}, int(w)+1)
		row[0] = 0 // filter: none
		for range h {
			zw.Write(row)
		}
		zw.Close()
		pngChunk(b, "IDAT", z.Bytes(), uint32(z.Len()))
		pngChunk(b, "IEND", nil, 0)
	})
}

// grey is a w×h image of one grey level.
func grey(w, h int, v uint8) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = v
	}
	return img
}

func encPNG(img image.Image) []byte {
	var b bytes.Buffer
	(&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img)
	return b.Bytes()
}

func encJPEG(img image.Image) []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, img, &jpeg.Options{Quality: 80})
	return b.Bytes()
}

// manyFramesGIF is a GIF of n 1×1 frames.
func manyFramesGIF(n int) []byte {
	var b bytes.Buffer
	b.WriteString("GIF89a")
	b.Write([]byte{1, 0, 1, 0, 0x80, 0, 0}) // 1×1, global table of 2
	b.Write([]byte{0, 0, 0, 255, 255, 255})
	for range n {
		b.Write([]byte{0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0}) // descriptor
		b.Write([]byte{2, 2, 0x4c, 0x01, 0})             // LZW size 2, one sub-block, end
	}
	b.WriteByte(0x3b)
	return b.Bytes()
}

func encGIF(img image.Image) []byte {
	var b bytes.Buffer
	gif.Encode(&b, img, nil)
	return b.Bytes()
}

// tiffWith is a little-endian TIFF whose IFDs are given by their next
// pointers: a loop when one points back.
func tiffLoop(w, h uint32, selfLoop bool) []byte {
	var b bytes.Buffer
	b.WriteString("II*\x00")
	binary.Write(&b, binary.LittleEndian, uint32(8))
	entries := [][3]uint32{{256, 4, w}, {257, 4, h}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1}, {273, 4, 200}, {277, 3, 1}, {278, 4, h}, {279, 4, 1}}
	binary.Write(&b, binary.LittleEndian, uint16(len(entries)))
	for _, e := range entries {
		binary.Write(&b, binary.LittleEndian, uint16(e[0]))
		binary.Write(&b, binary.LittleEndian, uint16(e[1]))
		binary.Write(&b, binary.LittleEndian, uint32(1))
		binary.Write(&b, binary.LittleEndian, e[2])
	}
	next := uint32(0)
	if selfLoop {
		next = 8
	}
	binary.Write(&b, binary.LittleEndian, next)
	for b.Len() < 260 {
		b.WriteByte(0xff)
	}
	return b.Bytes()
}

func bmpOf(w, h int32) []byte {
	b := make([]byte, 54+64)
	copy(b, "BM")
	binary.LittleEndian.PutUint32(b[2:], uint32(len(b)))
	binary.LittleEndian.PutUint32(b[10:], 54)
	binary.LittleEndian.PutUint32(b[14:], 40)
	binary.LittleEndian.PutUint32(b[18:], uint32(w))
	binary.LittleEndian.PutUint32(b[22:], uint32(h))
	binary.LittleEndian.PutUint16(b[26:], 1)
	binary.LittleEndian.PutUint16(b[28:], 24)
	return b
}

func webpVP8X(w, h int) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00")
	w, h = w-1, h-1
	b = append(b, byte(w), byte(w>>8), byte(w>>16), byte(h), byte(h>>8), byte(h>>16))
	binary.LittleEndian.PutUint32(b[4:], uint32(len(b)-8))
	return b
}

func imageCases() []Case {
	img := func(name, class string, want hoso.ErrorCode, make func() []byte) Case {
		cs := c(name, class, want, make)
		cs.OCR = want == "" || want == hoso.ENOTDOSSIER
		return cs
	}
	white := encPNG(grey(400, 300, 255))
	cs := []Case{
		img("anh-trang.png", "blank image: no text", hoso.ENOTDOSSIER, fixed(white)),
		img("anh-den.png", "black image: no text", hoso.ENOTDOSSIER, fixed(encPNG(grey(400, 300, 0)))),
		img("anh-trang.jpg", "blank JPEG", hoso.ENOTDOSSIER, fixed(encJPEG(grey(400, 300, 255)))),
		img("anh-trang.gif", "blank GIF", hoso.ENOTDOSSIER, fixed(encGIF(grey(200, 100, 255)))),
		img("png-ten-docx.docx", "PNG named .docx", hoso.ENOTDOSSIER, fixed(encPNG(grey(300, 400, 255)))),
		img("png-59-megapixel.png", "59-megapixel white PNG", hoso.ENOTDOSSIER, func() []byte { return whitePNG(7700, 7700) }),
		img("png-1x60-trieu.png", "1×60 000 000 PNG", hoso.ETOOLARGE, fixed(pngWith(1, 60_000_001, nil))),
		img("png-100k-x-100k.png", "dimension bomb", hoso.ETOOLARGE, fixed(pngWith(100000, 100000, nil))),
		img("png-max.png", "dimension bomb 2^31-1", hoso.EUNREADABLE, fixed(pngWith(1<<31-1, 1<<31-1, nil))),
		img("png-0x0.png", "zero dimensions", hoso.EUNREADABLE, fixed(pngWith(0, 0, nil))),
		img("png-chunk-2gb.png", "PNG with a 2 GB chunk", hoso.EUNREADABLE, func() []byte {
			return pngWith(10, 10, func(b *bytes.Buffer) { pngChunk(b, "tEXt", []byte("x"), 0x7fffffff) })
		}),
		img("png-khong-idat.png", "PNG without image data", hoso.EUNREADABLE, func() []byte {
			return pngWith(10, 10, func(b *bytes.Buffer) { pngChunk(b, "IEND", nil, 0) })
		}),
		img("png-khong-iend.png", "PNG without its end", hoso.EUNREADABLE, func() []byte {
			w := encPNG(grey(10, 10, 255))
			return w[:len(w)-12]
		}),
		img("jpeg-5000-scan.jpg", "JPEG with 5 000 scans", hoso.ETOOLARGE, func() []byte {
			j := encJPEG(grey(16, 16, 255))
			sos := bytes.Index(j, []byte{0xff, 0xda})
			var b bytes.Buffer
			b.Write(j[:sos])
			for range 5000 {
				b.Write([]byte{0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0})
			}
			b.Write(j[sos:])
			return b.Bytes()
		}),
		img("jpeg-65500.jpg", "JPEG dimension bomb", hoso.ETOOLARGE, func() []byte {
			j := encJPEG(grey(16, 16, 255))
			i := bytes.Index(j, []byte{0xff, 0xc0})
			binary.BigEndian.PutUint16(j[i+5:], 65500)
			binary.BigEndian.PutUint16(j[i+7:], 65500)
			return j
		}),
		img("jpeg-khong-scan.jpg", "JPEG without a scan", hoso.EUNREADABLE, func() []byte {
			j := encJPEG(grey(16, 16, 255))
			return append(j[:bytes.Index(j, []byte{0xff, 0xda})], 0xff, 0xd9)
		}),
		img("gif-20000-khung.gif", "GIF with 20 000 frames", hoso.ETOOLARGE, fixed(manyFramesGIF(20000))),
		img("gif-cut.gif", "truncated GIF", hoso.EUNREADABLE, func() []byte { g := manyFramesGIF(3); return g[:len(g)-4] }),
		img("tiff-vong-lap.tif", "TIFF whose IFD points to itself", hoso.EUNREADABLE, fixed(tiffLoop(10, 10, true))),
		img("tiff-qua-lon.tif", "TIFF dimension bomb", hoso.ETOOLARGE, fixed(tiffLoop(100000, 100000, false))),
		img("bmp-qua-lon.bmp", "BMP dimension bomb", hoso.ETOOLARGE, fixed(bmpOf(100000, 100000))),
		img("bmp-am.bmp", "BMP of negative width", hoso.EUNREADABLE, fixed(bmpOf(-10, 10))),
		img("webp-qua-lon.webp", "WebP dimension bomb", hoso.ETOOLARGE, fixed(webpVP8X(16000, 16000))),
		img("webp-cut.webp", "truncated WebP", hoso.EUNREADABLE, func() []byte {
			w := webpVP8X(100, 100)
			binary.LittleEndian.PutUint32(w[4:], 1000)
			return w
		}),
	}
	for i, f := range []float64{0.2, 0.4, 0.6, 0.8, 0.95} {
		cs = append(cs, img(fmt.Sprintf("png-cat-%d.png", i), "truncated PNG", hoso.EUNREADABLE, func() []byte { return cut(white, f) }))
	}
	for i, f := range []float64{0.3, 0.6, 0.9} {
		cs = append(cs, img(fmt.Sprintf("jpeg-cat-%d.jpg", i), "truncated JPEG", hoso.EUNREADABLE, func() []byte {
			return cut(encJPEG(grey(64, 64, 255)), f)
		}))
	}
	for i, magic := range []string{"\x89PNG\r\n\x1a\n", "\xff\xd8\xff\xe0", "GIF89a", "II*\x00", "MM\x00*", "BM", "RIFF\x00\x01\x00\x00WEBPVP8 "} {
		want := hoso.EUNREADABLE
		if magic == "BM" {
			want = hoso.ETOOLARGE // the noise reads as a huge width and height
		}
		cs = append(cs, img(fmt.Sprintf("anh-ngau-nhien-%d.png", i), "image magic then noise", want,
			fixed(noise(300+uint64(i), magic, 1024))))
	}
	cs = append(cs, img("png-16bit-trang.png", "16-bit blank image", hoso.ENOTDOSSIER, func() []byte {
		return encPNG(image.NewGray16(image.Rect(0, 0, 300, 200)))
	}))
	_ = color.White
	return cs
}

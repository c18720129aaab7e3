package extract

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"slices"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus/scan"
)

// ocrPNGHeader returns the signature and IHDR chunk of a PNG claiming w×h
// pixels: enough for DecodeConfig, and what an image bomb looks like.
func ocrPNGHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0 // 8-bit grey
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// tiffFile builds a little-endian TIFF whose IFDs give the sizes; when
// loop is set the last IFD points back to the first.
func tiffFile(sizes [][2]uint32, loop bool) []byte {
	b := []byte("II*\x00\x08\x00\x00\x00")
	le := binary.LittleEndian
	for i, s := range sizes {
		ifd := le.AppendUint16(nil, 2)
		ifd = le.AppendUint16(ifd, 256)
		ifd = le.AppendUint16(ifd, 4)
		ifd = le.AppendUint32(ifd, 1)
		ifd = le.AppendUint32(ifd, s[0])
		ifd = le.AppendUint16(ifd, 257)
		ifd = le.AppendUint16(ifd, 4)
		ifd = le.AppendUint32(ifd, 1)
		ifd = le.AppendUint32(ifd, s[1])
		next := uint32(len(b) + len(ifd) + 4)
		if i == len(sizes)-1 {
			next = 0
			if loop {
				next = 8
			}
		}
		b = append(b, le.AppendUint32(ifd, next)...)
	}
	return b
}

func smallJPEG(t testing.TB, w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, w, h))
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestProbeImage(t *testing.T) {
	lim := Limits{}.Defaults()
	var pngSmall bytes.Buffer
	png.Encode(&pngSmall, image.NewGray(image.Rect(0, 0, 30, 20)))
	tests := []struct {
		name     string
		data     []byte
		wantCode hoso.ErrorCode
		kind     string
		w, h     int
		pages    int
		orient   int
	}{
		{name: "png", data: pngSmall.Bytes(), kind: "png", w: 30, h: 20, pages: 1},
		{name: "png bomb", data: ocrPNGHeader(100_000, 100_000), wantCode: hoso.ETOOLARGE},
		{name: "png just over", data: ocrPNGHeader(10_000, 6_001), wantCode: hoso.ETOOLARGE},
		{name: "png zero size", data: ocrPNGHeader(0, 10), wantCode: hoso.EUNREADABLE},
		{name: "jpeg", data: smallJPEG(t, 40, 10), kind: "jpeg", w: 40, h: 10, pages: 1},
		{name: "jpeg exif 6", data: scan.WithOrientation(smallJPEG(t, 40, 10), 6), kind: "jpeg", w: 40, h: 10, pages: 1, orient: 6},
		{name: "jpeg truncated", data: smallJPEG(t, 40, 10)[:20], wantCode: hoso.EUNREADABLE},
		{name: "tiff 2 pages", data: tiffFile([][2]uint32{{100, 50}, {200, 300}}, false), kind: "tiff", w: 200, h: 300, pages: 2},
		{name: "tiff bomb page", data: tiffFile([][2]uint32{{100, 50}, {90_000, 90_000}}, false), wantCode: hoso.ETOOLARGE},
		{name: "tiff IFD loop", data: tiffFile([][2]uint32{{100, 50}, {100, 50}}, true), wantCode: hoso.EUNREADABLE},
		{name: "tiff too many pages", data: tiffFile(slices.Repeat([][2]uint32{{10, 10}}, 101), false), wantCode: hoso.ETOOLARGE},
		{name: "pgm", data: []byte("P5\n# scanner\n640 480\n255\n\x00"), kind: "pnm", w: 640, h: 480, pages: 1},
		{name: "pgm bomb", data: []byte("P5 99999 99999 255\n"), wantCode: hoso.ETOOLARGE},
		{name: "pgm bad", data: []byte("P5 12x 10 255\n"), wantCode: hoso.EUNREADABLE},
		{name: "not an image", data: []byte("%PDF-1.4 hello"), wantCode: hoso.EUNSUPPORTED},
		{name: "empty", data: nil, wantCode: hoso.EUNSUPPORTED},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			info, err := probeImage(bytes.NewReader(data), int64(len(data)), lim)
			if tt.wantCode != "" {
				var he *hoso.Error
				if !errors.As(err, &he) || he.Code != tt.wantCode {
					t.Fatalf("err = %v, want code %s", err, tt.wantCode)
				}
				if he.VI == "" || he.EN == "" {
					t.Errorf("error lacks a Vietnamese or English message: %+v", he)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if info.kind != tt.kind || info.width != tt.w || info.height != tt.h || info.pages != tt.pages || info.orientation != tt.orient {
				t.Fatalf("got %+v", info)
			}
		})
	}
}

func TestOrientJPEG(t *testing.T) {
	// A 3×2 image with one white pixel at (0,0); orientation 6 means the
	// camera was turned, and upright the image is 2×3 with that pixel at
	// the top right.
	img := image.NewGray(image.Rect(0, 0, 3, 2))
	img.SetGray(0, 0, color.Gray{255})
	for _, tt := range []struct {
		o          int
		w, h, x, y int
	}{{1, 3, 2, 0, 0}, {3, 3, 2, 2, 1}, {6, 2, 3, 1, 0}, {8, 2, 3, 0, 2}, {2, 3, 2, 2, 0}} {
		if tt.o == 1 {
			continue
		}
		x, y := orientedXY(tt.o, 0, 0, 3, 2)
		if x != tt.x || y != tt.y {
			t.Errorf("orientation %d: (0,0) → (%d,%d), want (%d,%d)", tt.o, x, y, tt.x, tt.y)
		}
	}
	var b bytes.Buffer
	big := image.NewGray(image.Rect(0, 0, 64, 32))
	for y := range 8 {
		for x := range 8 {
			big.SetGray(x, y, color.Gray{255})
		}
	}
	jpeg.Encode(&b, big, &jpeg.Options{Quality: 100})
	path := t.TempDir() + "/o.pgm"
	if err := photoPage(bytes.NewReader(b.Bytes()), 6, path); err != nil {
		t.Fatal(err)
	}
	info, err := probeImage(readerOfFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	if info.width != 32 || info.height != 64 {
		t.Fatalf("upright size %dx%d, want 32x64", info.width, info.height)
	}
}

func TestExifOrientationGarbage(t *testing.T) {
	j := smallJPEG(t, 8, 8)
	for _, data := range [][]byte{
		nil,
		[]byte("\xff\xd8"),
		[]byte("\xff\xd8\xff\xe1\x00\x10Exif\x00\x00II*\x00\xff\xff\xff\xff"),
		scan.WithOrientation(j, 9),
		append([]byte("\xff\xd8\xff\xe1\x00\x02"), j[2:]...),
	} {
		if o := exifOrientation(bytes.NewReader(data)); o != 0 {
			t.Errorf("exifOrientation(%q…) = %d, want 0", data[:min(len(data), 12)], o)
		}
	}
}

package scan

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// PDF scans every page of a text PDF with variant v and returns an
// image-only PDF: what a clerk gets from the office scanner.
func PDF(ctx context.Context, pdf []byte, v Variant, seed int) ([]byte, error) {
	pages, err := Pages(ctx, pdf, v, seed)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := WritePDF(&b, pages); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Pages renders and degrades every page of a PDF.
func Pages(ctx context.Context, pdf []byte, v Variant, seed int) ([]Page, error) {
	dir, err := os.MkdirTemp("", "hoso-scan-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	files, err := Render(ctx, pdf, v.DPI, dir)
	if err != nil {
		return nil, err
	}
	var pages []Page
	for i, f := range files {
		j, err := Degrade(ctx, f, v, seed+i)
		if err != nil {
			return nil, err
		}
		pages = append(pages, Page{JPEG: j, DPI: v.DPI})
	}
	return pages, nil
}

// Mixed returns a PDF whose first page keeps the text layer of src and
// whose other pages are scans: a clerk who printed the cover page and
// scanned the signed papers.
func Mixed(ctx context.Context, src []byte, v Variant, seed int) ([]byte, error) {
	scanned, err := PDF(ctx, src, v, seed)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "hoso-scan-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	a, b, out := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(a, src, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(b, scanned, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "qpdf", "--empty", "--pages", a, "1", b, "2-z", "--", out)
	if o, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("scan: qpdf: %w: %s", err, o)
	}
	return os.ReadFile(out)
}

// Blank returns a scanned blank A4 page (the back of a sheet fed by
// mistake): noise, a little dust, no text.
func Blank(ctx context.Context, v Variant, seed int) ([]byte, error) {
	dir, err := os.MkdirTemp("", "hoso-scan-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	page := filepath.Join(dir, "blank.pgm")
	w, h := 827*v.DPI/100, 1169*v.DPI/100
	if o, err := exec.CommandContext(ctx, "convert", "-size", fmt.Sprintf("%dx%d", w, h), "xc:white",
		"-fill", "#b0b0b0", "-draw", fmt.Sprintf("circle %d,%d %d,%d", w/3, h/2, w/3+3, h/2+2),
		"-depth", "8", page).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("scan: convert: %w: %s", err, o)
	}
	j, err := Degrade(ctx, page, v, seed)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = WritePDF(&b, []Page{{JPEG: j, DPI: v.DPI}})
	return b.Bytes(), err
}

// TIFF writes the pages of a PDF as one multi-page bilevel TIFF (CCITT
// Group 4), as a fax server or an old document scanner stores them.
func TIFF(ctx context.Context, pdf []byte, v Variant, seed int) ([]byte, error) {
	pages, err := Pages(ctx, pdf, v, seed)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "hoso-scan-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	args := []string{}
	for i, p := range pages {
		f := filepath.Join(dir, strconv.Itoa(i)+".jpg")
		if err := os.WriteFile(f, p.JPEG, 0o644); err != nil {
			return nil, err
		}
		args = append(args, f)
	}
	out := filepath.Join(dir, "out.tif")
	args = append(args, "-colorspace", "Gray", "-threshold", "60%", "-type", "bilevel",
		"-units", "PixelsPerInch", "-density", strconv.Itoa(v.DPI), "-compress", "Group4", out)
	if o, err := exec.CommandContext(ctx, "convert", args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("scan: convert tiff: %w: %s", err, o)
	}
	return os.ReadFile(out)
}

// PNG converts a JPEG page to PNG (a screenshot or a scanning app's export).
func PNG(ctx context.Context, jpg []byte) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "convert", "jpg:-", "-colorspace", "Gray", "-depth", "8", "-colors", "32", "png:-")
	cmd.Stdin = bytes.NewReader(jpg)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("scan: convert png: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return out.Bytes(), nil
}

// Sideways returns the JPEG turned 90° counter-clockwise with EXIF
// orientation 6, the way a phone held sideways stores a photo: the pixels
// as the sensor saw them and a tag saying how to show them.
func Sideways(ctx context.Context, jpg []byte, quality int) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "convert", "jpg:-", "-rotate", "-90", "-strip", "-quality", strconv.Itoa(quality), "jpg:-")
	cmd.Stdin = bytes.NewReader(jpg)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("scan: convert rotate: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return WithOrientation(out.Bytes(), 6), nil
}

// WithOrientation inserts an EXIF segment holding only the Orientation tag
// after the SOI marker of a JPEG.
func WithOrientation(jpg []byte, orientation uint16) []byte {
	le := binary.LittleEndian
	t := []byte("II*\x00\x08\x00\x00\x00")
	t = le.AppendUint16(t, 1)
	t = le.AppendUint16(t, 0x0112)
	t = le.AppendUint16(t, 3)
	t = le.AppendUint32(t, 1)
	t = le.AppendUint16(t, orientation)
	t = le.AppendUint16(t, 0)
	t = le.AppendUint32(t, 0)
	seg := append([]byte("Exif\x00\x00"), t...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, 0xff, 0xe1)
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

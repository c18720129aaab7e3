package scan

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
)

// Variant is one way a paper reaches the office as an image.
type Variant struct {
	Name    string
	DPI     int     // resolution the paper is scanned at
	Rotate  float64 // degrees, clockwise; a scanner feeds paper a little askew
	Blur    float64 // Gaussian sigma in pixels
	Noise   float64 // ImageMagick -attenuate for Gaussian noise (0 = none)
	Quality int     // JPEG quality
	// Photo is a phone picture: the page is seen in perspective, lit
	// unevenly, in colour.
	Photo bool
	// Shade is the grey the light falls off to in the photo's far corner
	// ("#6a6a6a" when empty); darker is a photo taken in a dim office.
	Shade string
}

// Variants are the degradations of the scan corpus, from an office scanner
// at 300 dpi to a phone photo.
var Variants = map[string]Variant{
	"scan150":  {Name: "scan150", DPI: 150, Rotate: -1.3, Blur: 0.5, Noise: 0.3, Quality: 40},
	"scan200":  {Name: "scan200", DPI: 200, Rotate: 0.8, Blur: 0.6, Noise: 0.25, Quality: 40},
	"scan200b": {Name: "scan200b", DPI: 200, Rotate: -1.9, Blur: 0.7, Noise: 0.3, Quality: 38},
	"scan300":  {Name: "scan300", DPI: 300, Rotate: 2.0, Blur: 0.9, Noise: 0.15, Quality: 35},
	"badscan":  {Name: "badscan", DPI: 150, Rotate: 1.8, Blur: 0.9, Noise: 0.5, Quality: 35},
	"fax":      {Name: "fax", DPI: 200, Rotate: -0.5, Blur: 0.3, Noise: 0.2, Quality: 60},
	"photo":    {Name: "photo", DPI: 150, Rotate: 1.2, Blur: 0.7, Noise: 0.3, Quality: 70, Photo: true},
	"photo-dim": {Name: "photo-dim", DPI: 200, Rotate: -0.9, Blur: 0.8, Noise: 0.3, Quality: 70, Photo: true,
		Shade: "#3c3c3c"},
}

// Render rasterises every page of a PDF in grey at dpi into dir and
// returns the PGM files in page order.
func Render(ctx context.Context, pdf []byte, dpi int, dir string) ([]string, error) {
	in := filepath.Join(dir, "src.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		return nil, err
	}
	root := filepath.Join(dir, "page")
	if out, err := exec.CommandContext(ctx, "pdftoppm", "-gray", "-r", strconv.Itoa(dpi), in, root).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("scan: pdftoppm: %w: %s", err, out)
	}
	pages, err := filepath.Glob(root + "-*.pgm")
	if err != nil {
		return nil, err
	}
	slices.Sort(pages) // pdftoppm pads the numbers to the same width
	if len(pages) == 0 {
		return nil, fmt.Errorf("scan: pdftoppm rendered no page")
	}
	return pages, nil
}

// Degrade turns one clean page image into what the variant's device makes
// of it and returns it as a JPEG. seed makes the noise reproducible.
func Degrade(ctx context.Context, page string, v Variant, seed int) ([]byte, error) {
	out := page + "." + v.Name + ".jpg"
	args := []string{page, "-seed", strconv.Itoa(seed), "-background", "white"}
	// Rotate about the centre and keep the page size, as a scanner does.
	args = append(args, "-virtual-pixel", "white", "-distort", "SRT", strconv.FormatFloat(v.Rotate, 'f', 2, 64))
	if v.Photo {
		args = append(args, photoArgs(ctx, page, cmp.Or(v.Shade, "#6a6a6a"))...)
	}
	// Sensor noise first, then the optics' blur over it: blurred noise is
	// what a scanner makes, and it keeps the JPEGs small.
	if v.Noise > 0 {
		args = append(args, "-attenuate", strconv.FormatFloat(v.Noise, 'f', 2, 64), "+noise", "Gaussian")
	}
	if v.Blur > 0 {
		args = append(args, "-blur", "0x"+strconv.FormatFloat(v.Blur, 'f', 2, 64))
	}
	if !v.Photo {
		args = append(args, "-colorspace", "Gray")
	}
	args = append(args, "-strip", "-sampling-factor", "2x2", "-quality", strconv.Itoa(v.Quality), out)
	if b, err := exec.CommandContext(ctx, "convert", args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("scan: convert %s: %w: %s", v.Name, err, b)
	}
	defer os.Remove(out)
	return os.ReadFile(out)
}

// photoArgs makes a page look photographed: a warm paper tint, light
// falling off towards one corner, and the page seen from a little below
// and to the left (a perspective distortion).
func photoArgs(ctx context.Context, page, shade string) []string {
	w, h := 1240, 1754
	if b, err := exec.CommandContext(ctx, "identify", "-format", "%w %h", page).Output(); err == nil {
		fmt.Sscanf(string(b), "%d %d", &w, &h)
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 0, 64) }
	W, H := float64(w), float64(h)
	persp := fmt.Sprintf("0,0 %s,%s  %s,0 %s,%s  0,%s %s,%s  %s,%s %s,%s",
		f(W*0.04), f(H*0.03),
		f(W), f(W*0.97), f(H*0.01),
		f(H), f(W*0.01), f(H*0.98),
		f(W), f(H), f(W*0.95), f(H*0.96))
	return []string{
		"-colorspace", "sRGB", "-fill", "#f3ead8", "-tint", "100",
		"(", "-size", fmt.Sprintf("%dx%d", 2*w, 2*h), "radial-gradient:white-" + shade,
		"-crop", fmt.Sprintf("%dx%d+%d+%d", w, h, w/4, h/3), "+repage", ")",
		"-compose", "multiply", "-composite",
		"-virtual-pixel", "background", "-background", "#5a5048",
		"-distort", "Perspective", persp,
	}
}

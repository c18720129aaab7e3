package scan

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/testenv"
)

func grayJPEG(t *testing.T, w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for x := 10; x < w-10; x++ {
		img.SetGray(x, h/2, color.Gray{0})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pdfinfo(t *testing.T, pdf []byte) string {
	t.Helper()
	testenv.LookPath(t, "pdfinfo")
	f := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(f, pdf, 0o644)
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "9", f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v: %s", err, out)
	}
	return string(out)
}

func TestWritePDF(t *testing.T) {
	var b bytes.Buffer
	// An A4 page at 100 dpi and a half-size page at 200 dpi.
	if err := WritePDF(&b, []Page{{grayJPEG(t, 827, 1169), 100}, {grayJPEG(t, 827, 584), 200}}); err != nil {
		t.Fatal(err)
	}
	info := pdfinfo(t, b.Bytes())
	for _, want := range []string{"Pages:           2", "Page    1 size:  595.44 x 841.68 pts", "Page    2 size:  297.72 x 210.24 pts"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if err := WritePDF(&b, []Page{{[]byte("not a jpeg"), 100}}); err == nil {
		t.Error("WritePDF accepted a non-JPEG page")
	}
}

func TestDegradeAndPack(t *testing.T) {
	testenv.LookPath(t, "convert")
	testenv.LookPath(t, "pdftoppm")
	testenv.LookPath(t, "qpdf")
	var src bytes.Buffer
	WritePDF(&src, []Page{{grayJPEG(t, 400, 560), 50}, {grayJPEG(t, 400, 560), 50}})
	for _, name := range []string{"scan150", "photo"} {
		v := Variants[name]
		pdf, err := PDF(t.Context(), src.Bytes(), v, 1)
		if err != nil {
			t.Fatal(err)
		}
		if info := pdfinfo(t, pdf); !strings.Contains(info, "Pages:           2") {
			t.Errorf("%s: %s", name, info)
		}
	}
	mixed, err := Mixed(t.Context(), src.Bytes(), Variants["scan150"], 1)
	if err != nil {
		t.Fatal(err)
	}
	if info := pdfinfo(t, mixed); !strings.Contains(info, "Pages:           2") {
		t.Errorf("mixed: %s", info)
	}
	tif, err := TIFF(t.Context(), src.Bytes(), Variants["fax"], 1)
	if err != nil || !bytes.HasPrefix(tif, []byte("II*\x00")) && !bytes.HasPrefix(tif, []byte("MM\x00*")) {
		t.Fatalf("TIFF: %v %q", err, tif[:min(len(tif), 8)])
	}
	side, err := Sideways(t.Context(), grayJPEG(t, 60, 40), 80)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(side))
	if err != nil || cfg.Width != 40 || cfg.Height != 60 {
		t.Fatalf("sideways: %v %dx%d", err, cfg.Width, cfg.Height)
	}
	if !bytes.Contains(side[:40], []byte("Exif\x00\x00")) {
		t.Error("sideways photo has no EXIF segment")
	}
}

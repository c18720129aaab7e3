package render

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var pictures = flag.Bool("pictures", false, "rewrite docs/letter-*.png from the fixtures (needs LibreOffice and pdftoppm)")

// TestPictures redraws the README's letter pictures, page 1 at 80 dpi,
// from the fixture records (built the way the form-aware reader writes
// them and judged by the default rule set):
//
//	go test ./render -run TestPictures -pictures
func TestPictures(t *testing.T) {
	if !*pictures {
		t.Skip("run with -pictures to draw the fixtures' letters as PNG")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	conv, err := NewConverter(ctx, ConverterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer conv.Close()
	dir := t.TempDir()
	for _, f := range fixtures() {
		docx, err := DOCX(f.rec(), f.iss(), letterDate)
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := conv.PDF(ctx, docx)
		if err != nil {
			t.Fatal(err)
		}
		in := filepath.Join(dir, f.name+".pdf")
		if err := os.WriteFile(in, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		// docs/letter-*.png come from the forms corpus (docs/letters.sh);
		// this draws the fixtures next to them for a look.
		out := filepath.Join(dir, "letter-"+f.name)
		cmd := exec.CommandContext(ctx, "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", in, out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v: %s", err, strings.TrimSpace(string(b)))
		}
		t.Logf("wrote %s.png", out)
	}
}

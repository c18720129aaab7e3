package render

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/testenv"
)

// converter starts a warm converter for a test, or skips (fails under CI).
func converter(t testing.TB, opt ConverterOptions) *Converter {
	t.Helper()
	testenv.LookPath(t, "soffice")
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		testenv.Missing(t, "/usr/bin/python3 (python3-uno): "+err.Error())
	}
	opt.TempDir = t.TempDir()
	c, err := NewConverter(context.Background(), opt)
	if err != nil {
		t.Fatalf("NewConverter: %v", err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Error(err)
		}
	})
	return c
}

func layoutText(t *testing.T, pdf []byte) []string {
	t.Helper()
	testenv.LookPath(t, "pdftotext")
	p := filepath.Join(t.TempDir(), "l.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-f", "1", "-l", "1", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// find returns the index of the first line containing s, and the rune
// column where s starts.
func find(lines []string, s string) (int, int) {
	for i, l := range lines {
		if j := strings.Index(l, s); j >= 0 {
			return i, len([]rune(l[:j]))
		}
	}
	return -1, -1
}

// TestPDF drives one warm converter through every check, because starting
// LibreOffice is the slow part: the visual layout of each golden letter, page
// numbers, a timeout, and the restart after MaxConversions.
func TestPDF(t *testing.T) {
	c := converter(t, ConverterOptions{})
	t.Run("visual", func(t *testing.T) { visual(t, c) })
	t.Run("page numbers", func(t *testing.T) { pageNumbers(t, c) })
	t.Run("timeout", func(t *testing.T) { timeout(t, c) })
	t.Run("restart", func(t *testing.T) { restart(t, c) })
}

// visual converts each golden letter and checks where the parts of the
// letter land on page 1.
func visual(t *testing.T, c *Converter) {
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			docx, err := os.ReadFile(filepath.Join("testdata", "letter-"+f.name+".docx"))
			if err != nil {
				t.Fatal(err)
			}
			pdf, err := c.PDF(context.Background(), docx)
			if err != nil {
				t.Fatal(err)
			}
			lines := layoutText(t, pdf)
			iss := f.iss()
			title := "ĐẢNG CỘNG SẢN VIỆT NAM"
			if iss.Profile == ProfileState {
				title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
			}
			sup, supCol := find(lines, iss.Superior)
			tl, tlCol := find(lines, title)
			if sup != 0 || tl != 0 || supCol >= tlCol {
				t.Errorf("header: want %q left of %q on the first line, got lines %d/%d cols %d/%d:\n%s",
					iss.Superior, title, sup, tl, supCol, tlCol, strings.Join(lines[:3], "\n"))
			}
			no, noCol := find(lines, "Số")
			dt, dtCol := find(lines, iss.Place+", "+letterDate.Vietnamese())
			if no < 1 || no > 4 || dt != no || noCol >= dtCol {
				t.Errorf("number and date: want side by side in the header, got lines %d/%d cols %d/%d", no, dt, noCol, dtCol)
			}
			kg, _ := find(lines, "Kính gửi:")
			end, _ := find(lines, "./.")
			nn, nnCol := find(lines, "Nơi nhận:")
			au, auCol := find(lines, iss.authority())
			nm, nmCol := find(lines, iss.Signer.Name)
			width := 0
			for _, l := range lines {
				width = max(width, len([]rune(l)))
			}
			switch {
			case !(no < kg && kg < end && end < nn):
				t.Errorf("order: number %d, Kính gửi %d, body end %d, Nơi nhận %d", no, kg, end, nn)
			case au != nn || auCol <= nnCol || auCol < width/3:
				t.Errorf("signature authority at line %d col %d, want on the Nơi nhận line %d, right of col %d", au, auCol, nn, nnCol)
			case nm <= au+1 || nmCol < width/3:
				t.Errorf("signer name at line %d col %d: want below the title with room to sign, on the right", nm, nmCol)
			}
			if kind, _ := KindOf(f.rec()); kind == hoso.LetterEligible {
				if kg >= 0 && end > kg {
					body := strings.Join(strings.Fields(strings.Join(lines[kg+1:end+1], " ")), " ")
					if !strings.Contains(body, "năm 2017 hoàn thành xuất sắc nhiệm vụ") {
						t.Errorf("eligible letter body lacks the ratings: %s", body)
					}
				}
			}
			if t.Failed() {
				t.Logf("page 1:\n%s", strings.Join(lines, "\n"))
			}
		})
	}
}

// pageNumbers checks a two-page letter: no number on page 1, "2" centred
// at the top of page 2, and the signature block kept whole.
func pageNumbers(t *testing.T, c *Converter) {
	rec := incompleteRecord()
	for i := range 30 {
		rec.Rules[0].Missing = append(rec.Rules[0].Missing, fmt.Sprintf("bản sao quyết định khen thưởng số %d", i+1))
	}
	docx, err := DOCX(rec, DefaultIssuer(), letterDate)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := c.PDF(context.Background(), docx)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "long.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	page := func(n int) []string {
		out, err := exec.Command("pdftotext", "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), p, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %d: %v", n, err)
		}
		var lines []string
		for _, l := range strings.Split(string(out), "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
		return lines
	}
	one, two := page(1), page(2)
	if strings.TrimSpace(one[0]) == "1" {
		t.Error("page 1 carries a page number")
	}
	if len(two) == 0 || strings.TrimSpace(two[0]) != "2" {
		t.Errorf("page 2 starts %q, want its number", two[:min(2, len(two))])
	}
	if l, _ := find(two, "Nơi nhận:"); l < 0 {
		t.Error("signature block not on page 2")
	} else if n, _ := find(two, "Nguyễn Quang Hùng"); n < l {
		t.Error("signature block split across pages")
	}
}

// restart checks that the office is recycled after MaxConversions and the
// converter still converts.
func restart(t *testing.T, c *Converter) {
	c.opt.MaxConversions = 1
	defer func() { c.opt.MaxConversions = 200 }()
	docx, err := DOCX(eligibleRecord(), DefaultIssuer(), letterDate)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		pdf, err := c.PDF(context.Background(), docx)
		if err != nil {
			t.Fatalf("conversion %d: %v", i, err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("conversion %d: not a PDF", i)
		}
		if c.office != nil {
			t.Fatalf("conversion %d: office still running after MaxConversions", i)
		}
	}
}

// timeout gives a conversion no time at all: it must fail with ETIMEOUT
// rather than hang, and the next conversion must work again.
func timeout(t *testing.T, c *Converter) {
	docx, err := DOCX(eligibleRecord(), DefaultIssuer(), letterDate)
	if err != nil {
		t.Fatal(err)
	}
	c.opt.Timeout = time.Millisecond
	_, err = c.PDF(context.Background(), docx)
	c.opt.Timeout = 30 * time.Second
	if hoso.Code(err) != hoso.ETIMEOUT {
		t.Fatalf("want ETIMEOUT, got %v", err)
	}
	if _, err := c.PDF(context.Background(), docx); err != nil {
		t.Fatalf("after a timeout: %v", err)
	}
}

func TestConverterMissing(t *testing.T) {
	_, err := NewConverter(context.Background(), ConverterOptions{Soffice: "/nonexistent/soffice"})
	if hoso.Code(err) != hoso.EUNSUPPORTED {
		t.Fatalf("want EUNSUPPORTED, got %v", err)
	}
}

// BenchmarkPDF reports the warm converter's ms per letter beside a cold
// `soffice --convert-to` run in the same benchmark.
func BenchmarkPDF(b *testing.B) {
	testenv.LookPath(b, "soffice")
	docx, err := DOCX(eligibleRecord(), DefaultIssuer(), letterDate)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	src := filepath.Join(dir, "letter.docx")
	if err := os.WriteFile(src, docx, 0o600); err != nil {
		b.Fatal(err)
	}
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "profile")
	cold := func() time.Duration {
		t0 := time.Now()
		out, err := exec.Command("soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", dir, src).CombinedOutput()
		if err != nil {
			b.Fatalf("cold soffice: %v: %s", err, out)
		}
		return time.Since(t0)
	}
	cold() // the first run creates the profile; the baseline is a started-before profile
	const coldRuns = 2
	var coldTotal time.Duration
	for range coldRuns {
		coldTotal += cold()
	}
	c := converter(b, ConverterOptions{})
	if _, err := c.PDF(context.Background(), docx); err != nil { // first document warms the office
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := c.PDF(context.Background(), docx); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	warm := float64(b.Elapsed().Milliseconds()) / float64(b.N)
	coldMs := float64(coldTotal.Milliseconds()) / coldRuns
	b.ReportMetric(warm, "warm-ms/letter")
	b.ReportMetric(coldMs, "cold-ms/letter")
	b.ReportMetric(coldMs/warm, "cold/warm")
}

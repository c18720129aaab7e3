package extract

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/hoso-vn/hoso/internal/wordmade"
)

// BenchmarkDOCX reads the three-page dossier (go test -bench DOCX -cpu 1).
// Target: under 2 ms/op on one core.
func BenchmarkDOCX(b *testing.B) {
	data, err := os.ReadFile("testdata/dossier.docx")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := DOCX(bytes.NewReader(data), int64(len(data)), Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDF reads the text layer of the LibreOffice dossier (3 pages)
// and of the same pages ten times over (30 pages), and runs pdftotext on
// the same file in the same run: the x_pdftotext metric is our time over
// its time (target ≤ 2).
func BenchmarkPDF(b *testing.B) {
	pdftotext := testenv.LookPath(b, "pdftotext")
	dir := b.TempDir()
	three := "testdata/dossier.pdf"
	thirty := filepath.Join(dir, "dossier30.pdf")
	qpdf := testenv.LookPath(b, "qpdf")
	args := []string{"--empty", "--pages"}
	for range 10 {
		args = append(args, three)
	}
	if out, err := exec.Command(qpdf, append(args, "--", thirty)...).CombinedOutput(); err != nil {
		b.Fatalf("qpdf: %v\n%s", err, out)
	}
	for _, tc := range []struct{ name, path string }{{"3pages", three}, {"30pages", thirty}} {
		b.Run(tc.name, func(b *testing.B) {
			data, err := os.ReadFile(tc.path)
			if err != nil {
				b.Fatal(err)
			}
			// The baseline: the same file through pdftotext, process start
			// included, as a service would run it.
			const reps = 20
			start := time.Now()
			for range reps {
				if out, err := exec.Command(pdftotext, "-q", "-enc", "UTF-8", tc.path, "-").Output(); err != nil || len(out) == 0 {
					b.Fatalf("pdftotext: %v", err)
				}
			}
			base := time.Since(start) / reps
			b.ReportAllocs()
			b.ResetTimer()
			start = time.Now()
			n := 0
			for b.Loop() {
				txt, err := PDF(context.Background(), bytes.NewReader(data), int64(len(data)), Limits{})
				if err != nil || len(txt.NeedOCR) > 0 {
					b.Fatalf("PDF: %v, NeedOCR %v", err, txt.NeedOCR)
				}
				n++
			}
			ours := time.Since(start) / time.Duration(n)
			b.ReportMetric(float64(base.Nanoseconds()), "pdftotext-ns/op")
			b.ReportMetric(float64(ours)/float64(base), "x_pdftotext")
		})
	}
}

// BenchmarkDOCXProducers reads the same dossiers as three producers wrote
// them (wordmade: our writer, python-docx with Word's default template,
// LibreOffice's Word export) and has python-docx read the same files in
// the same run: x_python-docx is our time over its time. Target: under
// 2 ms a dossier on one core whoever wrote it.
func BenchmarkDOCXProducers(b *testing.B) {
	c := wordmade.Build(b, wordmade.Sources(b, 12))
	for _, prod := range wordmade.Producers {
		b.Run(prod, func(b *testing.B) {
			paths := c.Files[prod]
			var files [][]byte
			for _, p := range paths {
				data, err := os.ReadFile(p)
				if err != nil {
					b.Fatal(err)
				}
				files = append(files, data)
			}
			base, baseCPU := wordmade.PythonRead(b, paths, 5)
			b.Logf("%s: %s", prod, wordmade.Sizes(paths))
			b.ReportAllocs()
			b.ResetTimer()
			start, cpu := time.Now(), wordmade.CPUTime()
			i := 0
			for b.Loop() {
				data := files[i%len(files)]
				if _, err := DOCX(bytes.NewReader(data), int64(len(data)), Limits{}); err != nil {
					b.Fatal(err)
				}
				i++
			}
			ours := time.Since(start) / time.Duration(i)
			oursCPU := (wordmade.CPUTime() - cpu) / time.Duration(i)
			b.ReportMetric(float64(base.Nanoseconds()), "python-docx-ns/op")
			b.ReportMetric(float64(ours)/float64(base), "x_python-docx")
			// CPU time (GC included) holds on a loaded machine; wall does not.
			b.ReportMetric(float64(oursCPU.Microseconds())/1000, "cpu-ms/op")
			b.ReportMetric(float64(oursCPU)/float64(baseCPU), "x_python-docx-cpu")
		})
	}
}

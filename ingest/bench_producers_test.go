package ingest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/hoso-vn/hoso/internal/wordmade"
	"github.com/hoso-vn/hoso/render"
	"github.com/hoso-vn/hoso/sandbox"
	"github.com/hoso-vn/hoso/validate"
)

// BenchmarkPipelineProducers runs the whole processor (extract → dossier
// → validate → render, no PDF) over the same dossiers as three producers
// wrote them, on one core (-cpu 1). Baseline in the same run: python-docx
// only reading the same files. Target: under 3 ms a dossier.
func BenchmarkPipelineProducers(b *testing.B) {
	c := wordmade.Build(b, wordmade.Sources(b, 12))
	// As hoso serve builds it: rule set and issuer parsed once.
	p := &Pipeline{Rules: validate.Default(), Issuer: render.DefaultIssuer()}
	for _, prod := range wordmade.Producers {
		b.Run(prod, func(b *testing.B) {
			paths := c.Files[prod]
			var files [][]byte
			for _, path := range paths {
				data, err := os.ReadFile(path)
				if err != nil {
					b.Fatal(err)
				}
				files = append(files, data)
			}
			base, baseCPU := wordmade.PythonRead(b, paths, 5)
			b.ReportAllocs()
			b.ResetTimer()
			start, cpu := time.Now(), wordmade.CPUTime()
			i := 0
			for b.Loop() {
				data := files[i%len(files)]
				out, err := p.Process(context.Background(), Input{Key: "chi-bo/hoso.docx", R: bytes.NewReader(data),
					Size: int64(len(data)), Date: hoso.Date{Year: 2026, Month: 12, Day: 1}})
				if err != nil || out.Record == nil {
					b.Fatalf("%s: %v", paths[i%len(paths)], err)
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

// BenchmarkPDFRealistic reads LibreOffice-made PDFs (5 pages, tables,
// every second one in two columns) in process and through the sandbox's
// child process, the way the service reads them, and runs pdftotext once
// per file on the same files in the same run: x_pdftotext is our time
// over its time (target ≤ 2).
func BenchmarkPDFRealistic(b *testing.B) {
	pdftotext := testenv.LookPath(b, "pdftotext")
	c := wordmade.Build(b, wordmade.Sources(b, 12))
	paths := wordmade.PDFs(b, c)
	var files [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	baseline := func(b *testing.B) time.Duration {
		const reps = 3
		start := time.Now()
		for range reps {
			for _, p := range paths {
				if out, err := exec.Command(pdftotext, "-q", "-enc", "UTF-8", p, "-").Output(); err != nil || len(out) == 0 {
					b.Fatalf("pdftotext %s: %v", p, err)
				}
			}
		}
		return time.Since(start) / time.Duration(reps*len(paths))
	}
	sb := sandbox.New(sandbox.Options{Children: 1})
	b.Cleanup(func() { sb.Close() })
	texters := []struct {
		name string
		t    dossier.Texter
	}{
		{"inprocess", &extract.Extractor{}},
		{"sandbox", sb},
	}
	for _, tx := range texters {
		b.Run(tx.name, func(b *testing.B) {
			ctx := context.Background()
			// One file through first: the child starts outside the timing.
			if _, err := tx.t.Text(ctx, "a.pdf", bytes.NewReader(files[0]), int64(len(files[0]))); err != nil {
				b.Fatal(err)
			}
			base := baseline(b)
			b.ResetTimer()
			start := time.Now()
			i := 0
			for b.Loop() {
				data := files[i%len(files)]
				txt, err := tx.t.Text(ctx, "a.pdf", bytes.NewReader(data), int64(len(data)))
				if err != nil || len(txt.NeedOCR) > 0 || len(txt.Blocks) == 0 {
					b.Fatalf("%s: %v", paths[i%len(paths)], err)
				}
				i++
			}
			ours := time.Since(start) / time.Duration(i)
			b.ReportMetric(float64(base.Nanoseconds()), "pdftotext-ns/op")
			b.ReportMetric(float64(ours)/float64(base), "x_pdftotext")
		})
	}
}

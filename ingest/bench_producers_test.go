package ingest

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/wordmade"
)

// BenchmarkPipelineProducers runs the whole processor (extract → dossier
// → validate → render, no PDF) over the same dossiers as three producers
// wrote them, on one core (-cpu 1). Baseline in the same run: python-docx
// only reading the same files. Target: under 3 ms a dossier.
func BenchmarkPipelineProducers(b *testing.B) {
	c := wordmade.Build(b, wordmade.Sources(b, 12))
	p := &Pipeline{}
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
			base := wordmade.PythonRead(b, paths, 5)
			b.ReportAllocs()
			b.ResetTimer()
			start := time.Now()
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
			b.ReportMetric(float64(base.Nanoseconds()), "python-docx-ns/op")
			b.ReportMetric(float64(ours)/float64(base), "x_python-docx")
		})
	}
}

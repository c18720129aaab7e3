package ingest

import (
	"bytes"
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/render"
	"github.com/hoso-vn/hoso/sandbox"
	"github.com/hoso-vn/hoso/validate"
)

// BenchmarkSandboxOverhead measures what the process wall adds to the
// processing of one DOCX dossier (extract → validate → render): the same
// Pipeline with its Extractor in process and behind a sandbox.Texter with
// one reused child, interleaved in the same run. "overhead-%" is the
// difference of the medians over the in-process median; the target is
// under 10.
func BenchmarkSandboxOverhead(b *testing.B) {
	docx, err := os.ReadFile("../testdata/corpus/01-bang-htxsnv.docx")
	if err != nil {
		b.Skip("corpus missing:", err)
	}
	tx := sandbox.New(sandbox.Options{Children: 1})
	defer tx.Close()
	in := &Pipeline{Rules: validate.Default(), Issuer: render.DefaultIssuer()}
	walled := &Pipeline{Texter: tx, Rules: in.Rules, Issuer: in.Issuer}
	ctx := context.Background()
	run := func(p *Pipeline) time.Duration {
		start := time.Now()
		out, err := p.Process(ctx, Input{Key: "a.docx", R: bytes.NewReader(docx), Size: int64(len(docx)),
			Date: hoso.Date{Year: 2026, Month: 12, Day: 1}})
		if err != nil || out.Record.Verdict == hoso.VerdictRejected || len(out.Letters) == 0 {
			b.Fatalf("process: %v %+v", err, out)
		}
		return time.Since(start)
	}
	run(walled) // start the child
	// Medians of interleaved runs: on a shared machine a burst of other
	// work lands on a few runs, and would swamp a sum.
	var tIn, tWall []time.Duration
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			tIn = append(tIn, run(in))
			tWall = append(tWall, run(walled))
		} else {
			tWall = append(tWall, run(walled))
			tIn = append(tIn, run(in))
		}
	}
	mIn, mWall := median(tIn), median(tWall)
	b.ReportMetric(float64(mIn.Microseconds())/1000, "ms/in-process")
	b.ReportMetric(float64(mWall.Microseconds())/1000, "ms/sandbox")
	b.ReportMetric(100*(float64(mWall)-float64(mIn))/float64(mIn), "overhead-%")
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

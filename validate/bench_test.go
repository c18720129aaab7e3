package validate

import (
	"math/rand/v2"
	"testing"

	"github.com/hoso-vn/hoso"
)

// BenchmarkEvaluate measures one evaluation of a random record against the
// default rule set: the per-dossier cost in a worker.
func BenchmarkEvaluate(b *testing.B) {
	rs := Default()
	r := rand.New(rand.NewPCG(7, 8))
	recs := make([]*hoso.Record, 256)
	for i := range recs {
		recs[i] = randomRecord(r)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		rs.Evaluate(recs[i%len(recs)])
	}
}

// BenchmarkDefault measures reading the embedded default: a worker pays it
// once per rule-set load.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Default()
	}
}

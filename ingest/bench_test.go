package ingest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// BenchmarkServiceOverhead measures what the service adds per dossier —
// state writes with compare-and-set, the object reads, letter and
// record.json writes, the event — around a processor that does nothing
// but echo. The baseline, measured in the same run, is the bare work
// queue: publish, fetch, ack. "overhead-x" is the ratio of the two.
func BenchmarkServiceOverhead(b *testing.B) {
	const n = 100
	base := benchBaseline(b, n)
	h := newHarness(b, &echo{}, func(c *Config) { c.Workers = 4 })
	h.run()
	var total time.Duration
	round := 0
	for b.Loop() {
		b.StopTimer()
		var ups []Upload
		for i := range n {
			info := put(b, h.dir, "hoso-uploads", fmt.Sprintf("r%d/%d.docx", round, i), fmt.Sprint("dossier ", round, i))
			ups = append(ups, Upload{EventName: "s3:ObjectCreated:Put", Bucket: "hoso-uploads", Key: info.Key, Size: info.Size, ETag: info.ETag})
		}
		round++
		b.StartTimer()
		start := time.Now()
		for _, u := range ups {
			h.publish(u)
		}
		// Done when every dossier's event is out (the state follows at once).
		events, _ := h.js.Stream(context.Background(), h.cfg.EventStream)
		for {
			info, err := events.Info(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			if info.State.Msgs >= uint64(round*n) {
				break
			}
			time.Sleep(time.Millisecond)
		}
		total += time.Since(start)
	}
	per := total / time.Duration(round*n)
	b.ReportMetric(float64(per.Microseconds()), "µs/dossier")
	b.ReportMetric(float64(base.Microseconds()), "µs/baseline-msg")
	b.ReportMetric(float64(per)/float64(base), "overhead-x")
}

// benchBaseline returns the time per message of publish + fetch + ack on
// the same stream layout with the same parallelism.
func benchBaseline(b *testing.B, n int) time.Duration {
	_, js := startNATS(b)
	ctx := context.Background()
	cfg := testConfig().WithDefaults()
	cfg.Workers = 4
	for _, sc := range streamConfigs(cfg) {
		if _, err := js.CreateOrUpdateStream(ctx, sc); err != nil {
			b.Fatal(err)
		}
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, cfg.UploadStream, consumerConfig(cfg))
	if err != nil {
		b.Fatal(err)
	}
	msg := EncodeEvent(Upload{EventName: "s3:ObjectCreated:Put", Bucket: "hoso-uploads", Key: "x/a.docx", ETag: "e"}, "bench")
	start := time.Now()
	for range n {
		if _, err := js.Publish(ctx, cfg.UploadSubject, msg); err != nil {
			b.Fatal(err)
		}
	}
	done := make(chan struct{}, n)
	for range cfg.Workers {
		go func() {
			for {
				batch, err := cons.Fetch(1, jetstream.FetchMaxWait(time.Second))
				if err != nil {
					return
				}
				got := false
				for m := range batch.Messages() {
					got = true
					m.Ack()
					done <- struct{}{}
				}
				if !got {
					return
				}
			}
		}()
	}
	for range n {
		<-done
	}
	return time.Since(start) / time.Duration(n)
}

package ingest

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// metrics are the service's counters and histograms, written in the
// Prometheus text format by hand: a handful of series does not justify a
// client library and its global registry.
type metrics struct {
	mu        sync.Mutex
	messages  map[string]uint64 // by result
	verdicts  map[string]uint64
	failures  map[string]uint64 // by error code
	enqueues  map[string]uint64 // by principal
	dead      uint64
	durations map[string]*histogram // by stage
}

// latencyBuckets suit a pipeline whose stages take from milliseconds (a
// DOCX) to minutes (OCR of a long scan).
var latencyBuckets = []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{
		messages: map[string]uint64{}, verdicts: map[string]uint64{}, failures: map[string]uint64{},
		enqueues: map[string]uint64{}, durations: map[string]*histogram{},
	}
}

func (m *metrics) inc(c map[string]uint64, label string) {
	m.mu.Lock()
	c[label]++
	m.mu.Unlock()
}

func (m *metrics) message(result string)     { m.inc(m.messages, result) }
func (m *metrics) verdict(v string)          { m.inc(m.verdicts, v) }
func (m *metrics) failure(code string)       { m.inc(m.failures, code) }
func (m *metrics) enqueued(principal string) { m.inc(m.enqueues, principal) }

func (m *metrics) deadLetter() {
	m.mu.Lock()
	m.dead++
	m.mu.Unlock()
}

func (m *metrics) observe(stage string, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	h := m.durations[stage]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets))}
		m.durations[stage] = h
	}
	v := d.Seconds()
	if i, _ := slices.BinarySearch(latencyBuckets, v); i < len(latencyBuckets) {
		h.counts[i]++
	}
	h.sum += v
	h.n++
}

// queueDepth is sampled from the consumer when /metrics is scraped.
type queueDepth struct {
	pending, ackPending, redelivered, dead uint64
	ok                                     bool
}

// write prints every series in the Prometheus text format 0.0.4, labels
// sorted, so the output is stable.
func (m *metrics) write(w io.Writer, q queueDepth) {
	m.mu.Lock()
	defer m.mu.Unlock()
	counter := func(name, help, label string, c map[string]uint64) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n", name, help, name)
		for _, k := range slices.Sorted(maps.Keys(c)) {
			fmt.Fprintf(w, "%s{%s=\"%s\"} %d\n", name, label, escapeLabel(k), c[k])
		}
	}
	counter("hoso_messages_total", "Upload messages handled, by result.", "result", m.messages)
	counter("hoso_dossiers_completed_total", "Dossiers that got a letter, by verdict.", "verdict", m.verdicts)
	counter("hoso_failures_total", "Failed attempts, by error code (transient ones are retried).", "reason", m.failures)
	counter("hoso_enqueued_total", "Upload events published by this instance, by who published them.", "by", m.enqueues)
	fmt.Fprintf(w, "# HELP hoso_dead_letters_total Messages moved to the dead-letter stream.\n# TYPE hoso_dead_letters_total counter\nhoso_dead_letters_total %d\n", m.dead)

	const hname = "hoso_stage_duration_seconds"
	fmt.Fprintf(w, "# HELP %s Time spent per pipeline stage.\n# TYPE %s histogram\n", hname, hname)
	for _, stage := range slices.Sorted(maps.Keys(m.durations)) {
		h := m.durations[stage]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "%s_bucket{stage=\"%s\",le=\"%s\"} %d\n", hname, escapeLabel(stage), strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(w, "%s_bucket{stage=\"%s\",le=\"+Inf\"} %d\n", hname, escapeLabel(stage), h.n)
		fmt.Fprintf(w, "%s_sum{stage=\"%s\"} %s\n", hname, escapeLabel(stage), strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(w, "%s_count{stage=\"%s\"} %d\n", hname, escapeLabel(stage), h.n)
	}
	if q.ok {
		gauge := func(name, help string, v uint64) {
			fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %d\n", name, help, name, name, v)
		}
		gauge("hoso_queue_pending", "Upload messages waiting for a worker.", q.pending)
		gauge("hoso_queue_ack_pending", "Upload messages being worked on.", q.ackPending)
		gauge("hoso_queue_redelivered", "Upload messages delivered more than once and not yet done.", q.redelivered)
		gauge("hoso_dead_letters", "Messages in the dead-letter stream.", q.dead)
	}
}

func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

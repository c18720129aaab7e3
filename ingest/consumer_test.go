package ingest

import (
	"context"
	"testing"
)

// TestConsumerLimitIsTheClusters: instances starting one after another
// with their own Workers never lower the shared in-flight limit, and an
// explicit total (HOSO_MAX_IN_FLIGHT) is what the consumer gets.
func TestConsumerLimitIsTheClusters(t *testing.T) {
	_, js := startNATS(t)
	ctx := context.Background()
	base := testConfig().WithDefaults()
	for _, sc := range streamConfigs(base) {
		if _, err := js.CreateOrUpdateStream(ctx, sc); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name           string
		workers, total int
		want           int
	}{
		{"first instance", 4, 0, 4},
		{"a smaller instance starts last", 1, 0, 4},
		{"a bigger one", 6, 0, 6},
		{"the operator's total", 1, 9, 9},
		{"the total may shrink", 2, 3, 3},
	}
	for _, tc := range tests {
		cfg := base
		cfg.Workers, cfg.MaxAckPending = tc.workers, tc.total
		c, err := ensureConsumer(ctx, js, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.CachedInfo().Config.MaxAckPending; got != tc.want {
			t.Errorf("%s: MaxAckPending = %d, want %d", tc.name, got, tc.want)
		}
	}
}

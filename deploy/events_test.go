package deploy

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEventsFollowNATSCluster: MinIO's NATS target takes one address
// (nats1 in cluster.sh), and with synchronous events an event MinIO
// cannot send is lost. Its client (nats.go) learns the cluster's other
// servers from the first, so with nats1 killed the events of later
// uploads still reach JetStream through nats2 or nats3: each upload's
// dossier completes from MinIO's own event, not from the reconciler's
// pass. Three NATS servers, one MinIO, one hoso; runs with
// HOSO_CLUSTER_TEST=1 (it takes about a minute).
func TestEventsFollowNATSCluster(t *testing.T) {
	if os.Getenv("HOSO_CLUSTER_TEST") != "1" {
		t.Skip("runs with HOSO_CLUSTER_TEST=1 (./test.sh --cluster)")
	}
	s := startStack(t, stackSize{nats: 3, minio: 1, hoso: 1, workers: 2}, 24200)
	ctx := context.Background()
	files := corpus(t)
	up := func(name string, i int) upload {
		t.Helper()
		u, err := s.put(ctx, "chi-bo-cum/"+name+".docx", unique(t, files[i%len(files)], 700_000+i), 0)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	first := up("truoc", 0)
	s.waitDone(ctx, []upload{first}, time.Minute)

	if out, err := s.run("kill", "nats1"); err != nil {
		t.Fatalf("kill nats1: %v\n%s", err, out)
	}
	// Two things must pass before an upload's event can reach JetStream:
	// the upload stream (R3) has a leader again if nats1 led it, and
	// MinIO's client has reconnected (it waits 2 s). An upload before both
	// loses its event: the reconciler's case, not this test's. A fixed 4 s
	// wait lost events in 2 of 4 runs ("nats: no response from stream"
	// in MinIO's log) while the stream still elected its leader.
	deadline := time.Now().Add(time.Minute)
	for {
		str, err := s.js.Stream(ctx, s.cfg.UploadStream)
		if err == nil {
			if si, err := str.Info(ctx); err == nil && si.Cluster != nil && si.Cluster.Leader != "" && si.Cluster.Leader != "nats1" {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the upload stream has no leader a minute after nats1 was killed: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(3 * time.Second) // MinIO's client: its 2 s reconnect wait, and a margin
	var ups []upload
	for i := range 5 {
		ups = append(ups, up(fmt.Sprintf("sau-%d", i), i+1))
	}
	start := time.Now()
	o := s.waitDone(ctx, ups, 2*time.Minute)
	took := time.Since(start)
	log, _ := os.ReadFile(filepath.Join(s.dir, "log", "hoso1.log"))
	reconciled := map[string]bool{}
	for _, line := range strings.Split(string(log), "\n") {
		if _, rest, ok := strings.Cut(line, "reconciler queued a dossier"); ok {
			if _, id, ok := strings.Cut(rest, "dossier="); ok {
				reconciled[strings.Fields(id)[0]] = true
			}
		}
	}
	for _, u := range ups {
		if o.events[u.id] != 1 {
			t.Errorf("dossier %s: %d events, want 1", u.id, o.events[u.id])
		}
		if reconciled[u.id] {
			t.Errorf("dossier %s came through the reconciler: MinIO's event was lost with nats1", u.id)
		}
	}
	t.Logf("5 uploads with nats1 (MinIO's configured server) down: done in %v", took.Round(10*time.Millisecond))
	s.script("start", "nats1")
}

package deploy

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/testenv"
)

// TestCluster runs deploy/cluster.sh — three clustered NATS servers (R3
// streams and KV), MinIO distributed over four processes, three `hoso
// serve` — and uploads 300 dossiers at a steady rate while one NATS
// server (the workers' consumer leader), one MinIO process and one hoso
// instance are killed with SIGKILL and started again. Every upload must
// end with exactly one event and a final state; the report gives the
// drain time after the last upload, the longest stretch without a
// finished dossier and the rate before, during and after the kills.
//
// Lost, doubled, stuck and the in-flight count always fail it; the drain
// and stall targets only with HOSO_CLUSTER_STRICT=1 (see below).
//
// It takes about a minute, so it runs only with HOSO_CLUSTER_TEST=1
// (./test.sh --cluster) and under CI=true (CI runs ./test.sh; the other
// HOSO_CLUSTER_TEST tests stay out of CI). HOSO_CLUSTER_UPLOADS and
// HOSO_CLUSTER_RATE change the batch (300 at 10/s). The whole cluster runs
// inside a network namespace of the test's own (see inNetns).
func TestCluster(t *testing.T) {
	if os.Getenv("HOSO_CLUSTER_TEST") != "1" && !testenv.CI() {
		t.Skip("the cluster test runs with HOSO_CLUSTER_TEST=1 (./test.sh --cluster) and under CI=true")
	}
	if inNetns(t) {
		return
	}
	if testenv.CI() {
		t.Log("under CI: lost, doubled, stuck and the in-flight count fail it; the time targets only with HOSO_CLUSTER_STRICT=1")
	}
	n := envInt("HOSO_CLUSTER_UPLOADS", 300)
	rate := envInt("HOSO_CLUSTER_RATE", 10)
	const workers = 1
	s := startStack(t, stackSize{nats: 3, minio: 4, hoso: 3, workers: workers}, 24000)
	ctx := context.Background()
	files := corpus(t)

	// In flight across the cluster, sampled: it must reach the sum of all
	// instances' workers, whichever instance started last.
	var maxInFlight atomic.Int64
	sampleCtx, stopSampling := context.WithCancel(ctx)
	defer stopSampling()
	go func() {
		for sampleCtx.Err() == nil {
			if c, err := s.js.Consumer(sampleCtx, s.cfg.UploadStream, s.cfg.Consumer); err == nil {
				if info, err := c.Info(sampleCtx); err == nil {
					if v := int64(info.NumAckPending); v > maxInFlight.Load() {
						maxInFlight.Store(v)
					}
				}
			}
			time.Sleep(200 * time.Millisecond)
		}
	}()

	leader := "nats2"
	if c, err := s.js.Consumer(ctx, s.cfg.UploadStream, s.cfg.Consumer); err == nil {
		if info, err := c.Info(ctx); err == nil && info.Cluster != nil && info.Cluster.Leader != "" {
			leader = info.Cluster.Leader
		}
	}
	victims := []string{leader, "minio3", "hoso2"}
	killAt := n / 3
	var killed, restarted time.Time
	var restartWG sync.WaitGroup

	ups := make([]upload, n)
	tick := time.NewTicker(time.Second / time.Duration(rate))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i := range n {
		<-tick.C
		if i == killAt {
			for _, v := range victims {
				s.script("kill", v)
			}
			killed = time.Now()
			t.Logf("killed %s at upload %d", strings.Join(victims, ", "), i)
			restartWG.Go(func() {
				time.Sleep(8 * time.Second)
				for _, v := range victims {
					if out, err := s.run("start", v); err != nil {
						t.Errorf("cluster.sh start %s: %v\n%s", v, err, out)
					}
				}
				restarted = time.Now()
				t.Logf("restarted them %s after the kill", restarted.Sub(killed).Round(100*time.Millisecond))
			})
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			data := unique(t, files[i%len(files)], i)
			u, err := s.put(ctx, fmt.Sprintf("chi-bo-cluster-%d/ho-so-%04d.docx", i%5, i), data, i)
			if err != nil {
				t.Errorf("upload %d: %v", i, err)
			}
			ups[i] = u
		})
	}
	tick.Stop()
	wg.Wait()
	restartWG.Wait()
	var lastUpload time.Time
	for _, u := range ups {
		if u.done.After(lastUpload) {
			lastUpload = u.done
		}
	}
	o := s.waitDone(ctx, ups, 5*time.Minute)
	stopSampling()

	var lost, doubled, stuck []string
	var ends []time.Time
	for _, u := range ups {
		switch st, ok := o.states[u.id]; {
		case o.events[u.id] == 0 && !ok:
			lost = append(lost, u.id)
		case o.events[u.id] == 0 || !st.Final():
			stuck = append(stuck, u.id+" ("+string(st)+")")
		}
		if o.events[u.id] > 1 {
			doubled = append(doubled, u.id)
		}
		if e, ok := o.finished[u.id]; ok {
			ends = append(ends, e)
		}
	}
	sort.Slice(ends, func(i, j int) bool { return ends[i].Before(ends[j]) })
	first := ups[0].done
	var drain, gap time.Duration
	var gapAt time.Time
	if len(ends) > 0 {
		drain = ends[len(ends)-1].Sub(lastUpload)
		prev := first
		for _, e := range ends {
			if d := e.Sub(prev); d > gap {
				gap, gapAt = d, prev
			}
			prev = e
		}
	}
	count := func(from, to time.Time) float64 {
		c := 0
		for _, e := range ends {
			if !e.Before(from) && e.Before(to) {
				c++
			}
		}
		if d := to.Sub(from).Seconds(); d > 0 {
			return float64(c) / d
		}
		return 0
	}
	last := lastUpload
	if len(ends) > 0 {
		last = ends[len(ends)-1]
	}
	t.Logf("cluster: %d uploads at %d/s; lost %d, doubled %d, stuck %d; drain %s after the last upload; "+
		"longest stretch without a finished dossier %s (from %s after the first upload); "+
		"rate before/during/after the kills %.1f/%.1f/%.1f dossiers/s; in flight at most %d (workers in all %d)",
		n, rate, len(lost), len(doubled), len(stuck), drain.Round(100*time.Millisecond), gap.Round(100*time.Millisecond),
		gapAt.Sub(first).Round(time.Second), count(first, killed), count(killed, restarted), count(restarted, last.Add(time.Millisecond)),
		maxInFlight.Load(), 3*workers)
	if len(lost)+len(doubled)+len(stuck) > 0 {
		t.Errorf("lost %v\ndoubled %v\nstuck %v", lost, doubled, stuck)
	}
	// The time targets fail the test with HOSO_CLUSTER_STRICT=1; without
	// it they are reported. Known cause of a miss (about 1 run in 3 here):
	// a message delivered around a consumer leader change is nakked and
	// confirmed, yet nats-server redelivers it only after ~100 s.
	timing := t.Logf
	if os.Getenv("HOSO_CLUSTER_STRICT") == "1" {
		timing = t.Errorf
	}
	if drain > time.Minute {
		timing("TARGET MISSED: the batch drained %s after its last upload, want within 60 s", drain.Round(time.Second))
	}
	if gap > 10*time.Second {
		timing("TARGET MISSED: no dossier finished for %s, want at most 10 s", gap.Round(time.Second))
	}
	if maxInFlight.Load() < 3*workers {
		t.Errorf("at most %d dossiers in flight, want the sum of all workers (%d)", maxInFlight.Load(), 3*workers)
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// netnsHost is the address MinIO's nodes get inside the cluster test's
// network namespace: a test address on the namespace's own lo, reachable
// from nothing outside it.
const netnsHost = "10.77.0.1"

// inNetns runs the calling test again, alone, inside a network namespace
// of its own (unshare -n; unshare -r -n when not root), with lo up and
// netnsHost on it, and reports whether it did (the caller then returns:
// the run inside has done the work, and its failure is this test's).
//
// Why: distributed MinIO refuses drives on a host that resolves to
// loopback when it believes it runs in a container (/.dockerenv, as in
// CI: "127.0.0.1 resolves to localhost in a containerized deployment"),
// and a test may send traffic only to loopback or to test hosts in
// network namespaces it made itself, never to this machine's network
// addresses. In the namespace MinIO listens on netnsHost; NATS, hoso and
// the test itself stay on 127.0.0.1 (the namespace's own loopback), and
// nothing the cluster does can reach, or collide with, the machine's
// network or another test's ports.
//
// It returns false, and the test runs here, when it already runs in the
// namespace (HOSO_CLUSTER_NETNS), when HOSO_CLUSTER_MINIO_HOST names a
// host of the caller's choosing, or when no namespace can be made outside
// a container (plain loopback works there). In a container without a
// namespace the test cannot run: it skips, and fails under CI=true.
func inNetns(t *testing.T) bool {
	t.Helper()
	if os.Getenv("HOSO_CLUSTER_NETNS") != "" || os.Getenv("HOSO_CLUSTER_MINIO_HOST") != "" {
		return false
	}
	unshare := []string{"unshare", "--net"}
	if os.Geteuid() != 0 {
		// A user namespace gives an ordinary user the right to make a
		// network namespace and set its lo.
		unshare = []string{"unshare", "--map-root-user", "--net"}
	}
	setup := "ip link set lo up && ip addr add " + netnsHost + "/32 dev lo"
	probe := exec.Command(unshare[0], append(unshare[1:], "sh", "-c", setup)...)
	if out, err := probe.CombinedOutput(); err != nil {
		why := fmt.Sprintf("cannot make a network namespace for the cluster (%s: %v: %s); it needs unshare (util-linux) and ip (iproute2), and root or unprivileged user namespaces",
			strings.Join(probe.Args, " "), err, strings.TrimSpace(string(out)))
		if !inContainer() {
			t.Logf("%s: the cluster runs on this machine's loopback", why)
			return false
		}
		testenv.Missing(t, why)
	}

	// Binaries that would be built or fetched inside are made here: the
	// namespace has no network, not even to the Go module proxy.
	env := append(os.Environ(), "HOSO_CLUSTER_NETNS=1", "HOSO_CLUSTER_MINIO_HOST="+netnsHost, "MINIO_CI_CD=on")
	if os.Getenv("HOSO_NATS_BIN") == "" {
		out, err := exec.Command("./nats.sh").Output()
		if err != nil {
			t.Fatalf("deploy/nats.sh: %v", err)
		}
		env = append(env, "HOSO_NATS_BIN="+strings.TrimSpace(string(out)))
	}

	args := []string{"-test.run", "^" + t.Name() + "$", "-test.v", "-test.count=1"}
	if d, ok := t.Deadline(); ok {
		args = append(args, "-test.timeout="+time.Until(d).Round(time.Second).String())
	}
	cmd := exec.Command(unshare[0], append(unshare[1:], "sh", "-c", setup+` && exec "$@"`, "sh", os.Args[0])...)
	cmd.Args = append(cmd.Args, args...)
	cmd.Env = env
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	t.Logf("running %s in a network namespace of its own (MinIO on %s)", t.Name(), netnsHost)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		t.Log(sc.Text())
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("%s in its network namespace: %v (its output is above)", t.Name(), err)
	}
	return true
}

// inContainer is cluster.sh's in_container: what MinIO itself looks at.
func inContainer() bool {
	for _, f := range []string{"/.dockerenv", "/run/.containerenv"} {
		if _, err := os.Stat(f); err == nil {
			return true
		}
	}
	return os.Getenv("KUBERNETES_SERVICE_HOST") != ""
}

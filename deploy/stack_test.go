package deploy

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// stack is a running deploy/cluster.sh: any number of NATS, MinIO and
// hoso processes on this machine.
type stack struct {
	t       testing.TB
	dir     string
	env     []string
	s3      []*minio.Client
	s3addr  []string
	nc      *nats.Conn
	js      jetstream.JetStream
	cfg     ingest.Config
	started time.Time
}

type stackSize struct{ nats, minio, hoso, workers int }

// startStack runs cluster.sh up in a temporary folder and connects to it.
// Ports: HOSO_CLUSTER_PORT or port.
func startStack(t testing.TB, size stackSize, port int) *stack {
	t.Helper()
	for _, tool := range []string{"bash", "curl", "setsid"} {
		testenv.LookPath(t, tool)
	}
	testenv.MinIO(t)
	dir := t.TempDir()
	if p, err := strconv.Atoi(os.Getenv("HOSO_CLUSTER_PORT")); err == nil && p > 0 {
		port = p
	}
	s := &stack{t: t, dir: dir, cfg: ingest.Config{}.WithDefaults()}
	s.env = append(os.Environ(),
		"HOSO_CLUSTER_DIR="+dir,
		"HOSO_CLUSTER_PORT="+strconv.Itoa(port),
		"HOSO_CLUSTER_NATS="+strconv.Itoa(size.nats),
		"HOSO_CLUSTER_MINIO="+strconv.Itoa(size.minio),
		"HOSO_CLUSTER_HOSO="+strconv.Itoa(size.hoso),
		"HOSO_CLUSTER_WORKERS="+strconv.Itoa(size.workers),
	)
	hoso := filepath.Join(dir, "hoso")
	if out, err := exec.Command("go", "build", "-o", hoso, "../cmd/hoso").CombinedOutput(); err != nil {
		t.Fatalf("build hoso: %v\n%s", err, out)
	}
	s.env = append(s.env, "HOSO_BIN="+hoso)
	s.started = time.Now()
	t.Cleanup(func() {
		s.script("down")
		if t.Failed() {
			s.dumpLogs()
		}
		// HOSO_CLUSTER_LOGS keeps every process's log for a post-mortem.
		if keep := os.Getenv("HOSO_CLUSTER_LOGS"); keep != "" {
			if err := os.CopyFS(filepath.Join(keep, filepath.Base(filepath.Dir(dir))), os.DirFS(filepath.Join(dir, "log"))); err != nil {
				t.Log(err)
			}
		}
		if s.nc != nil {
			s.nc.Close()
		}
	})
	out := s.script("up")
	if !strings.Contains(out, "cluster.sh: ready") {
		t.Fatalf("cluster.sh up failed:\n%s", out)
	}
	t.Logf("stack up in %s (%d NATS, %d MinIO, %d hoso × %d workers)", time.Since(s.started).Round(time.Second),
		size.nats, size.minio, size.hoso, size.workers)
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, "HOSO_CLUSTER_S3="); ok {
			s.s3addr = strings.Split(v, ",")
		}
		if v, ok := strings.CutPrefix(line, "HOSO_CLUSTER_NATS_URL="); ok {
			nc, err := nats.Connect(v, nats.MaxReconnects(-1), nats.ReconnectWait(200*time.Millisecond))
			if err != nil {
				t.Fatal(err)
			}
			s.nc = nc
			s.js, _ = jetstream.New(nc)
		}
	}
	if len(s.s3addr) == 0 || s.nc == nil {
		t.Fatalf("cluster.sh up printed no HOSO_CLUSTER_S3 or HOSO_CLUSTER_NATS_URL:\n%s", out)
	}
	for _, a := range s.s3addr {
		c, err := minio.New(a, &minio.Options{Creds: credentials.NewStaticV4("hosocluster", "hosocluster-secret", "")})
		if err != nil {
			t.Fatal(err)
		}
		s.s3 = append(s.s3, c)
	}
	return s
}

func (s *stack) script(args ...string) string {
	s.t.Helper()
	out, err := s.run(args...)
	if err != nil {
		s.t.Logf("cluster.sh %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (s *stack) run(args ...string) (string, error) {
	cmd := exec.Command("./cluster.sh", args...)
	cmd.Env = s.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (s *stack) dumpLogs() {
	files, _ := filepath.Glob(filepath.Join(s.dir, "log", "*.log"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		s.t.Logf("--- %s (last 15 lines)\n%s", filepath.Base(f), strings.Join(lines[max(0, len(lines)-15):], "\n"))
	}
}

// pid of a process of the stack.
func (s *stack) pid(name string) int {
	data, err := os.ReadFile(filepath.Join(s.dir, "run", name+".pid"))
	if err != nil {
		return 0
	}
	p, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	return p
}

// peakRSS is the VmHWM of a process and of its children (sandbox parsers),
// in bytes.
func peakRSS(pid int) int64 {
	var total int64
	var walk func(int)
	walk = func(p int) {
		f, err := os.Open(fmt.Sprintf("/proc/%d/status", p))
		if err == nil {
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
					kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
					total += kb * 1024
				}
			}
			f.Close()
		}
		kids, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", p, p))
		for _, k := range strings.Fields(string(kids)) {
			if c, err := strconv.Atoi(k); err == nil {
				walk(c)
			}
		}
	}
	walk(pid)
	return total
}

// corpus returns the test corpus's DOCX dossiers.
func corpus(t testing.TB) [][]byte {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/corpus/*.docx")
	if len(paths) == 0 {
		testenv.Missing(t, "no DOCX in testdata/corpus")
	}
	sort.Strings(paths)
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// The corpus's broken files (truncated, not a ZIP) test failures;
		// here every upload is a dossier.
		if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
			continue
		}
		out = append(out, data)
	}
	return out
}

// unique returns data with n in its ZIP comment: the same dossier as other
// bytes, so the service does not take it for a repeat of an earlier upload.
func unique(t testing.TB, data []byte, n int) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.SetComment("hoso test upload " + strconv.Itoa(n)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// upload is one PUT and when it was acknowledged.
type upload struct {
	key, id string
	done    time.Time
	node    int
}

// put uploads data under key, trying the MinIO nodes from first on (a
// node may be down), and returns the upload.
func (s *stack) put(ctx context.Context, key string, data []byte, first int) (upload, error) {
	var last error
	for try := range 40 {
		node := (first + try) % len(s.s3)
		info, err := s.s3[node].PutObject(ctx, s.cfg.UploadBucket, key, bytes.NewReader(data), int64(len(data)),
			minio.PutObjectOptions{ContentType: ingest.TypeDOCX})
		if err == nil {
			return upload{key: key, id: ingest.DossierID(s.cfg.UploadBucket, key, info.ETag, info.VersionID), done: time.Now(), node: node}, nil
		}
		last = err
		if try >= len(s.s3)-1 {
			time.Sleep(250 * time.Millisecond)
		}
	}
	return upload{}, last
}

// outcome is what the event stream and the state bucket say about a run.
type outcome struct {
	events   map[string]int       // dossier id → events seen
	finished map[string]time.Time // dossier id → time of its first event
	states   map[string]ingest.Status
}

// collect reads every event and the state of each upload.
func (s *stack) collect(ctx context.Context, ups []upload) (*outcome, error) {
	o := &outcome{events: map[string]int{}, finished: map[string]time.Time{}, states: map[string]ingest.Status{}}
	stream, err := s.js.Stream(ctx, s.cfg.EventStream)
	if err != nil {
		return nil, err
	}
	info, err := stream.Info(ctx)
	if err != nil {
		return nil, err
	}
	// Direct reads by sequence: no consumer to create on a cluster that
	// may be electing leaders.
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := stream.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var ev ingest.Event
		if err := json.Unmarshal(m.Data, &ev); err != nil {
			return nil, err
		}
		o.events[ev.Subject]++
		if t, ok := o.finished[ev.Subject]; !ok || m.Time.Before(t) {
			o.finished[ev.Subject] = m.Time
		}
	}
	kv, err := s.js.KeyValue(ctx, s.cfg.StateBucket)
	if err != nil {
		return nil, err
	}
	for _, u := range ups {
		e, err := kv.Get(ctx, u.id)
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var st ingest.State
		if err := json.Unmarshal(e.Value(), &st); err != nil {
			return nil, err
		}
		o.states[u.id] = st.Status
	}
	return o, nil
}

// waitDone polls until every upload has an event or the deadline passes.
func (s *stack) waitDone(ctx context.Context, ups []upload, deadline time.Duration) *outcome {
	s.t.Helper()
	end := time.Now().Add(deadline)
	for {
		o, err := s.collect(ctx, ups)
		if err != nil {
			s.t.Logf("collect: %v", err)
		} else {
			done := 0
			for _, u := range ups {
				if o.events[u.id] > 0 {
					done++
				}
			}
			if done == len(ups) || time.Now().After(end) {
				return o
			}
		}
		if time.Now().After(end) {
			s.t.Fatalf("no outcome: %v", err)
		}
		time.Sleep(time.Second)
	}
}

// percentile of sorted durations.
func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := int(float64(len(d)-1) * p)
	return d[i]
}

// bareS3 times PUT then GET of the same objects straight to MinIO with the
// same parallelism: the baseline of the end-to-end figures.
func (s *stack) bareS3(ctx context.Context, files [][]byte, threads int) time.Duration {
	s.t.Helper()
	const bucket = "hoso-bench-bare"
	if err := s.s3[0].MakeBucket(ctx, bucket, minio.MakeBucketOptions{}); err != nil {
		if ok, _ := s.s3[0].BucketExists(ctx, bucket); !ok {
			s.t.Fatal(err)
		}
	}
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	for range threads {
		wg.Go(func() {
			for i := range next {
				key := fmt.Sprintf("bare/%d.docx", i)
				c := s.s3[i%len(s.s3)]
				if _, err := c.PutObject(ctx, bucket, key, bytes.NewReader(files[i]), int64(len(files[i])), minio.PutObjectOptions{}); err != nil {
					s.t.Error(err)
					continue
				}
				obj, err := c.GetObject(ctx, bucket, key, minio.GetObjectOptions{})
				if err != nil {
					s.t.Error(err)
					continue
				}
				io.Copy(io.Discard, obj)
				obj.Close()
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return time.Since(start)
}

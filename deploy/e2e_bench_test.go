package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/wordmade"
)

// TestE2EBench is the end-to-end benchmark (./bench.sh e2e): the real
// stack as deploy/dev.sh runs it (one NATS, one MinIO, one `hoso serve`
// with 2 workers, all on this machine), fed realistic dossiers — the
// corpus as python-docx and LibreOffice write it, every upload made
// unique so none is a repeat. It prints Markdown rows for the bench
// table:
//
//   - burst: N uploads through S3 with 8 threads, dossiers/s from the
//     first PUT to the last event, and the ratio of that time to bare
//     MinIO PUT+GET of the same objects with the same threads;
//   - steady: uploads at half the burst rate for 20 s, latency from the
//     PUT's answer to the dossier's event (p50/p95/p99);
//   - API: the same through POST /v1/dossiers;
//   - memory: peak RSS of hoso serve and its parsing children, last after
//     200 uploads through the API at once.
//
// Runs only with HOSO_E2E_BENCH=1; HOSO_E2E_N sets N (300),
// HOSO_E2E_WORKERS the workers of hoso serve (2, its default). With
// HOSO_E2E_PERF=FILE, `perf record` samples hoso, its parsing children,
// MinIO and NATS during the burst into FILE (perf report -i FILE
// --sort comm,dso,sym).
func TestE2EBench(t *testing.T) {
	if os.Getenv("HOSO_E2E_BENCH") != "1" {
		t.Skip("the end-to-end benchmark runs with HOSO_E2E_BENCH=1 (./bench.sh e2e)")
	}
	n := envInt("HOSO_E2E_N", 300)
	c := wordmade.Build(t, wordmade.Sources(t, 12))
	var files [][]byte
	for _, prod := range []string{wordmade.PythonDOCX, wordmade.LibreOffice} {
		for _, p := range c.Files[prod] {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, data)
		}
	}
	pwFile := filepath.Join(t.TempDir(), "admin-password")
	if err := os.WriteFile(pwFile, []byte(benchPassword), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOSO_ADMIN_PASSWORD_FILE", pwFile)
	s := startStack(t, stackSize{nats: 1, minio: 1, hoso: 1, workers: envInt("HOSO_E2E_WORKERS", 2)}, 25000)
	ctx := context.Background()
	var mean int64
	for _, f := range files {
		mean += int64(len(f))
	}
	mean /= int64(len(files))

	// Baseline: bare PUT+GET of the same bytes, same threads.
	var uniq [][]byte
	for i := range n {
		uniq = append(uniq, unique(t, files[i%len(files)], i))
	}
	bareCPU0 := s.cpu()
	bare := s.bareS3(ctx, uniq, 8)
	bareCPU := s.cpu().since(bareCPU0)

	// Burst through S3.
	ups := make([]upload, n)
	cpu0 := s.cpu()
	stopPerf := s.perf(os.Getenv("HOSO_E2E_PERF"))
	start := time.Now()
	var wg sync.WaitGroup
	next := make(chan int)
	for range 8 {
		wg.Go(func() {
			for i := range next {
				u, err := s.put(ctx, fmt.Sprintf("chi-bo-bench-%d/burst-%04d.docx", i%5, i), uniq[i], 0)
				if err != nil {
					t.Error(err)
				}
				ups[i] = u
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	o := s.waitDone(ctx, ups, 10*time.Minute)
	var last time.Time
	for _, u := range ups {
		if e := o.finished[u.id]; e.After(last) {
			last = e
		}
	}
	burst := last.Sub(start)
	rate := float64(n) / burst.Seconds()
	cpu := s.cpu().since(cpu0)
	stopPerf()

	// Steady at half the burst rate, 20 s.
	steadyRate := max(rate/2, 1)
	steadyN := int(steadyRate * 20)
	sups := make([]upload, steadyN)
	tick := time.NewTicker(time.Duration(float64(time.Second) / steadyRate))
	for i := range steadyN {
		<-tick.C
		wg.Go(func() {
			data := unique(t, files[i%len(files)], 100_000+i)
			u, err := s.put(ctx, fmt.Sprintf("chi-bo-bench-%d/steady-%04d.docx", i%5, i), data, 0)
			if err != nil {
				t.Error(err)
			}
			sups[i] = u
		})
	}
	tick.Stop()
	wg.Wait()
	o = s.waitDone(ctx, sups, 5*time.Minute)
	lat := latencies(sups, o)

	// Through the API, same steady rate, 10 s.
	api := fmt.Sprintf("http://127.0.0.1:%d", 25000+51)
	// A clerk (van_thu) of every unit uploads; the administrator may not.
	add := exec.Command(filepath.Join(s.dir, "hoso"), "users", "add", "--role", "van_thu", "--units", "all", "--password-stdin", "clerk")
	add.Env = append(os.Environ(), "HOSO_NATS_URL="+s.nc.ConnectedUrl())
	add.Stdin = strings.NewReader(benchPassword + "\n")
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("hoso users add: %v\n%s", err, out)
	}
	client := apiLogin(t, api, "clerk")
	apiN := max(int(steadyRate*10), 10)
	aups := make([]upload, apiN)
	tick = time.NewTicker(time.Duration(float64(time.Second) / steadyRate))
	for i := range apiN {
		<-tick.C
		wg.Go(func() {
			data := unique(t, files[i%len(files)], 200_000+i)
			id, err := apiUpload(client, api, fmt.Sprintf("chi-bo-bench-%d", i%5), fmt.Sprintf("api-%04d.docx", i), data)
			if err != nil {
				t.Error(err)
			}
			aups[i] = upload{id: id, done: time.Now()}
		})
	}
	tick.Stop()
	wg.Wait()
	aups = slices.DeleteFunc(aups, func(u upload) bool { return u.id == "" })
	o = s.waitDone(ctx, aups, 5*time.Minute)
	alat := latencies(aups, o)

	// 200 uploads through the API at once: memory per upload in flight.
	var cups []upload
	var mu sync.Mutex
	for i := range 200 {
		wg.Go(func() {
			data := unique(t, files[i%len(files)], 300_000+i)
			id, err := apiUpload(client, api, fmt.Sprintf("chi-bo-bench-%d", i%5), fmt.Sprintf("conc-%04d.docx", i), data)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			cups = append(cups, upload{id: id, done: time.Now()})
			mu.Unlock()
		})
	}
	wg.Wait()
	s.waitDone(ctx, cups, 5*time.Minute)

	rss := peakRSS(s.pid("hoso1"))
	fmt.Printf("\n| e2e.Burst, %d DOCX (python-docx, LibreOffice; %.0f KB) via S3, 8 threads | %.1f dossiers/s | %.2f× bare MinIO PUT+GET (%.2f s vs %.2f s) |\n",
		n, float64(mean)/1024, rate, burst.Seconds()/bare.Seconds(), burst.Seconds(), bare.Seconds())
	fmt.Printf("| e2e.BurstCPU, CPU time of each process during the burst, per dossier (%.1f s of CPU on %d cores in %.2f s) | %s | |\n",
		cpu.total().Seconds(), runtime.NumCPU(), burst.Seconds(), cpu.perDossier(n))
	fmt.Printf("| e2e.BareCPU, the same for bare MinIO PUT+GET, per object (%.1f s of CPU in %.2f s) | %s | |\n",
		bareCPU.total().Seconds(), bare.Seconds(), bareCPU.perDossier(n))
	fmt.Printf("| e2e.Steady via S3 at %.1f/s (half the burst), upload→event | p50 %s, p95 %s, p99 %s | %d uploads |\n",
		steadyRate, lat[0], lat[1], lat[2], steadyN)
	fmt.Printf("| e2e.Steady via POST /v1/dossiers at %.1f/s, answer→event | p50 %s, p95 %s, p99 %s | %d uploads |\n",
		steadyRate, alat[0], alat[1], alat[2], apiN)
	fmt.Printf("| e2e.RSS, hoso serve + parsing children, after all of the above and 200 API uploads at once | %.0f MB peak | target < 256 MB |\n", float64(rss)/(1<<20))
}

func latencies(ups []upload, o *outcome) [3]time.Duration {
	var d []time.Duration
	for _, u := range ups {
		if e, ok := o.finished[u.id]; ok {
			d = append(d, max(e.Sub(u.done), 0))
		}
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	r := func(x time.Duration) time.Duration { return x.Round(10 * time.Millisecond) }
	return [3]time.Duration{r(percentile(d, 0.50)), r(percentile(d, 0.95)), r(percentile(d, 0.99))}
}

const benchPassword = "bench-password-2026-hoso"

func apiLogin(t testing.TB, api, name string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: time.Minute}
	body, _ := json.Marshal(map[string]string{"name": name, "password": benchPassword})
	req, _ := http.NewRequest(http.MethodPost, api+"/v1/login", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", api)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("login: %s %s", resp.Status, b)
	}
	return c
}

func apiUpload(c *http.Client, api, origin, name string, data []byte) (string, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("origin", origin)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, api+"/v1/dossiers", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", api)
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		return "", fmt.Errorf("POST /v1/dossiers: %s %s", resp.Status, b)
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(b, &out); err != nil || out.ID == "" {
		return "", fmt.Errorf("POST /v1/dossiers answered %s", b)
	}
	return out.ID, nil
}

// cpuUse is the CPU time (user + system) each process of the stack has
// used, with its live children (the parsing children of hoso serve), and
// the benchmark's own process (the S3 client, without children).
type cpuUse map[string]time.Duration

func (s *stack) cpu() cpuUse {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	u := cpuUse{"client": time.Duration(ru.Utime.Nano() + ru.Stime.Nano())}
	for _, name := range []string{"nats1", "minio1", "hoso1"} {
		if p := s.pid(name); p > 0 {
			u[name] = cpuTime(p)
		}
	}
	return u
}

func (u cpuUse) since(before cpuUse) cpuUse {
	d := cpuUse{}
	for k, v := range u {
		d[k] = v - before[k]
	}
	return d
}

func (u cpuUse) total() time.Duration {
	var t time.Duration
	for _, v := range u {
		t += v
	}
	return t
}

func (u cpuUse) perDossier(n int) string {
	var parts []string
	for _, k := range []string{"hoso1", "minio1", "nats1", "client"} {
		if v, ok := u[k]; ok {
			parts = append(parts, fmt.Sprintf("%s %.1f ms", strings.TrimSuffix(k, "1"), float64(v.Microseconds())/1000/float64(n)))
		}
	}
	return strings.Join(parts, ", ")
}

// cpuTime is the user + system time of a process and its live
// descendants, from /proc (clock ticks of 10 ms). Descendants are found
// by parent pid: /proc/<pid>/task/<pid>/children lists only the children
// of the main thread, and Go starts processes from any thread.
func cpuTime(pid int) time.Duration {
	type proc struct{ ppid, ticks int64 }
	procs := map[int64]proc{}
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		p, err := strconv.ParseInt(d.Name(), 10, 64)
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		// Fields after the command name, which is in parentheses and may
		// hold spaces: ppid is field 4, utime 14, stime 15.
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b[i+1:]))
		if len(f) < 13 {
			continue
		}
		pp, _ := strconv.ParseInt(f[1], 10, 64)
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		procs[p] = proc{pp, ut + st}
	}
	in := map[int64]bool{int64(pid): true}
	for changed := true; changed; {
		changed = false
		for p, pr := range procs {
			if !in[p] && in[pr.ppid] {
				in[p], changed = true, true
			}
		}
	}
	var ticks int64
	for p := range in {
		ticks += procs[p].ticks
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}

// perf starts `perf record` on the stack's processes (hoso's children
// too) into file, and returns what stops it; with file "" it does nothing.
func (s *stack) perf(file string) (stop func()) {
	if file == "" {
		return func() {}
	}
	var pids []string
	for _, name := range []string{"hoso1", "minio1", "nats1"} {
		if p := s.pid(name); p > 0 {
			pids = append(pids, strconv.Itoa(p))
		}
	}
	cmd := exec.Command("perf", "record", "-F", "499", "-g", "--inherit", "-o", file, "-p", strings.Join(pids, ","))
	out := &bytes.Buffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		s.t.Logf("perf: %v", err)
		return func() {}
	}
	time.Sleep(300 * time.Millisecond) // perf attaches
	return func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		s.t.Logf("perf: %s", strings.TrimSpace(out.String()))
	}
}

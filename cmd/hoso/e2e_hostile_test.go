package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/internal/corpus/hostile"
)

// postFile uploads data through POST /v1/dossiers and returns the id.
func postFile(t *testing.T, a api, origin, name string, data []byte) string {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("origin", origin)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	resp, err := a.do("POST", "/v1/dossiers", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct{ ID string }
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST %s: %s %v", name, resp.Status, err)
	}
	return got.ID
}

// TestRunHostileUploads is issue 10's scenario against `hoso run`: the
// 725-byte PDF that made the PDF library allocate 32 GB and the PDF whose
// /Prev loops for ever, uploaded through the API. Before the process wall
// the first killed the service on every restart and the second held a
// worker for good. Now both end rejected with their reason, a DOCX
// uploaded after them is processed, and a restart on the same folder
// finds nothing to redo.
func TestRunHostileUploads(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	docx, err := os.ReadFile("../../testdata/corpus/01-bang-htxsnv.docx")
	if err != nil {
		t.Skip("corpus missing:", err)
	}
	data := t.TempDir()
	httpAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	natsPort := freePort(t)
	env := map[string]string{"HOSO_SETTLE": "300ms", "HOSO_SCAN": "1s", "HOSO_PARSE_CPU": "2s", "HOSO_WORKERS": "2"}
	args := []string{"run", "--data", data, "--http", httpAddr, "--nats-listen", "127.0.0.1:" + strconv.Itoa(natsPort)}
	bg := runMain(t, env, args...)
	a := api{base: "http://" + httpAddr}
	a.waitReady(t)
	_, js := (&natsServer{port: natsPort}).client(t)
	a.token = automationToken(t, js)

	oom := postFile(t, a, "chi-bo-tan-cong", "bom-bo-nho.pdf", hostile.XrefStreamPDF(999_999_999, false))
	loop := postFile(t, a, "chi-bo-tan-cong", "vong-lap.pdf", hostile.PrevLoopPDF(1))
	loop2 := postFile(t, a, "chi-bo-tan-cong", "vong-lap-2.pdf", hostile.PrevLoopPDF(2))
	start := time.Now()
	good := postFile(t, a, "chi-bo-hop-le", "ho-so.docx", docx)

	want := map[string]hoso.ErrorCode{oom: hoso.ETOOLARGE, loop: hoso.ETIMEOUT, loop2: hoso.ETIMEOUT}
	for id, code := range want {
		st := a.waitID(t, id, time.Minute)
		if st.Status != ingest.StatusFailed || st.Verdict != hoso.VerdictRejected || st.Error == nil || st.Error.Code != code {
			t.Errorf("%s: %s %s %+v, want failed/rejected %s", st.Key, st.Status, st.Verdict, st.Error, code)
		} else if st.Error.Message == "" || st.Error.English == "" {
			t.Errorf("%s: reason not bilingual: %+v", st.Key, st.Error)
		} else {
			t.Logf("%s: %s — %s", st.Key, st.Error.Code, st.Error.English)
		}
	}
	st := a.waitID(t, good, time.Minute)
	if st.Status != ingest.StatusRendered || st.Verdict == hoso.VerdictRejected {
		t.Fatalf("the DOCX uploaded after them: %s %s %+v", st.Status, st.Verdict, st.Error)
	}
	t.Logf("the DOCX uploaded after the attacks was done %v after its upload", time.Since(start).Round(time.Millisecond))
	drained(t, js, drainWithin)
	if resp, err := a.get("/healthz"); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz after the attacks: %v %v", resp, err)
	}
	evBefore := len(events(t, js))
	before := map[string]ingest.State{}
	for _, id := range []string{oom, loop, loop2, good} {
		before[id] = a.waitID(t, id, 10*time.Second)
	}

	// Restart on the same folder: nothing is redelivered, nothing crashes.
	bg.stop(t)
	bg2 := runMain(t, env, args...)
	a.waitReady(t)
	time.Sleep(3 * time.Second) // a few scans and fetches
	drained(t, js, drainWithin)
	for id, b := range before {
		after := a.waitID(t, id, 10*time.Second)
		if after.Status != b.Status || after.Deliveries != b.Deliveries || !after.Updated.Equal(b.Updated) {
			t.Errorf("%s changed after the restart: %+v → %+v", b.Key, b, after)
		}
	}
	if n := len(events(t, js)); n != evBefore {
		t.Errorf("the restart published %d events", n-evBefore)
	}
	if out := bg2.out.String(); strings.Contains(out, "dossier done") || strings.Contains(out, "dossier rejected") {
		t.Errorf("the restarted instance worked on a finished dossier:\n%s", out)
	}
}

// TestRunHostileCorpusAtOnce drops every committed file of the hostile
// corpus into `hoso run`'s upload folder at once, with valid dossiers among
// them: each ends with its expected code, the valid ones get their letters,
// and the service stays healthy.
func TestRunHostileCorpusAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	const dir = "../../testdata/hostile"
	manifest, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Skip("hostile corpus missing:", err)
	}
	docx, err := os.ReadFile("../../testdata/corpus/01-bang-htxsnv.docx")
	if err != nil {
		t.Skip("corpus missing:", err)
	}
	data := t.TempDir()
	httpAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	natsPort := freePort(t)
	env := map[string]string{"HOSO_SETTLE": "300ms", "HOSO_SCAN": "2s", "HOSO_PARSE_CPU": "2s", "HOSO_WORKERS": "2"}
	runMain(t, env, "run", "--data", data, "--http", httpAddr, "--nats-listen", "127.0.0.1:"+strconv.Itoa(natsPort))
	a := api{base: "http://" + httpAddr}
	a.waitReady(t)
	_, js := (&natsServer{port: natsPort}).client(t)
	a.token = automationToken(t, js)

	want := map[string]string{} // key → expected code or "read"
	i := 0
	for line := range strings.Lines(string(manifest)) {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if strings.HasPrefix(line, "#") || len(f) < 3 || f[2] != "true" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, f[0]))
		if err != nil {
			t.Fatal(err)
		}
		key := "chi-bo-tan-cong/" + f[0]
		want[key] = f[1]
		writeUpload(t, data, key, b)
		if i%25 == 0 { // valid dossiers keep arriving among the attacks
			key := fmt.Sprintf("chi-bo-hop-le/ho-so-%d.docx", i)
			want[key] = "letter"
			writeUpload(t, data, key, append(docx[:len(docx):len(docx)], make([]byte, i+1)...))
		}
		i++
	}
	start := time.Now()
	got := map[string]ingest.State{}
	waitFor(t, 5*time.Minute, "every upload final", func() error {
		all, err := a.list(nil)
		if err != nil {
			return err
		}
		for _, st := range all {
			if st.Status.Final() {
				got[st.Key] = st
			}
		}
		if len(got) < len(want) {
			return fmt.Errorf("%d of %d final", len(got), len(want))
		}
		return nil
	})
	t.Logf("%d uploads final in %v", len(got), time.Since(start).Round(time.Second))
	for key, w := range want {
		st := got[key]
		switch w {
		case "letter":
			if st.Status != ingest.StatusRendered || st.DOCX == "" {
				t.Errorf("%s: %s %s, want a letter", key, st.Status, st.Verdict)
			}
		case "read":
			// Read as text; what the text is worth is the dossier reader's.
		default:
			if st.Status != ingest.StatusFailed || st.Error == nil || string(st.Error.Code) != w {
				t.Errorf("%s: %s %+v, want failed %s", key, st.Status, st.Error, w)
			}
		}
	}
	if resp, err := a.get("/healthz"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("healthz after the corpus: %v %v", resp, err)
	}
}

// writeUpload drops a file into `hoso run`'s upload folder.
func writeUpload(t *testing.T, data, key string, b []byte) {
	t.Helper()
	p := filepath.Join(data, "uploads", filepath.FromSlash(key))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

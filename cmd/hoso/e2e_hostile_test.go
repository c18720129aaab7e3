package main

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"os"
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

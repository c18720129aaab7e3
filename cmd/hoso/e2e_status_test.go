package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/ingest"
)

// TestStatusAndReprocess runs `hoso run`, drops a file into its upload
// folder and asks `hoso status` about it by path and by id; `hoso
// reprocess ID` makes it go through the pipeline again; unknown ids are
// errors for reprocess and redrive.
func TestStatusAndReprocess(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	docx, err := os.ReadFile(corpusDOCX)
	if err != nil {
		t.Skip("corpus missing")
	}
	data := t.TempDir()
	httpAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	natsPort := freePort(t)
	env := map[string]string{"HOSO_SETTLE": "300ms", "HOSO_SCAN": "1s", "HOSO_WORKERS": "1", "HOSO_FOLDER_BUNDLES": "false"}
	runMain(t, env, "run", "--data", data, "--http", httpAddr, "--nats-listen", "127.0.0.1:"+strconv.Itoa(natsPort))
	a := api{base: "http://" + httpAddr}
	a.waitReady(t)
	_, js := (&natsServer{port: natsPort}).client(t)
	a.token = automationToken(t, js)
	const key = "chi-bo-trang-thai/ho-so-trang-thai.docx"
	writeUpload(t, data, key, docx)
	st := a.waitKey(t, key, time.Minute)
	if st.Status != ingest.StatusRendered {
		t.Fatalf("%s: %s", key, st.Status)
	}
	cli := map[string]string{"HOSO_NATS_URL": "nats://127.0.0.1:" + strconv.Itoa(natsPort)}

	path := filepath.Join(data, "uploads", filepath.FromSlash(key))
	for _, arg := range []string{path, key, st.ID} {
		out, err := runCapture(t, map[string]string{"HOSO_NATS_URL": cli["HOSO_NATS_URL"], "HOSO_DATA": data}, "", "status", arg)
		if err != nil || !strings.Contains(out, st.ID) || !strings.Contains(out, "rendered") || !strings.Contains(out, st.DOCX) ||
			!strings.Contains(out, "history") || !strings.Contains(out, "extracting") {
			t.Errorf("status %s: %v\n%s", arg, err, out)
		}
	}
	if _, err := runCapture(t, cli, "", "status", "chi-bo-khac/khong-co.docx"); err == nil || exitCode(err) != exitError {
		t.Errorf("status of an unknown file: %v", err)
	}

	out, err := runCapture(t, cli, "", "reprocess", st.ID)
	if err != nil || strings.TrimSpace(out) != st.ID {
		t.Fatalf("reprocess: %q %v", out, err)
	}
	waitFor(t, time.Minute, "reprocessed", func() error {
		var again ingest.State
		if _, err := a.getJSON("/v1/dossiers/"+st.ID, &again); err != nil {
			return err
		}
		if again.Status != ingest.StatusRendered || !again.Updated.After(st.Updated) {
			return errString("status " + string(again.Status))
		}
		return nil
	})
	if _, err := runCapture(t, cli, "", "reprocess", "aaaaaaaaaaaaaaaaaaaaaaaa"); err == nil || exitCode(err) != exitError {
		t.Errorf("reprocess of an unknown id: %v", err)
	}
	if _, err := runCapture(t, cli, "", "reprocess"); exitCode(err) != exitError {
		t.Errorf("reprocess without ids or --all: %v", err)
	}
	if _, err := runCapture(t, cli, "", "redrive", "aaaaaaaaaaaaaaaaaaaaaaaa"); err == nil {
		t.Error("redrive of an unknown id succeeded")
	}
}

type errString string

func (e errString) Error() string { return string(e) }

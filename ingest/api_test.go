package ingest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
)

func do(t *testing.T, h http.Handler, method, target string, body io.Reader, ctype string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rr := httptest.NewRecorder()
	h.ServeHTTP(rr, req)
	return rr
}

func multipartBody(t *testing.T, fields map[string]string, name, content string) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if name != "" {
		fw, _ := mw.CreateFormFile("file", name)
		io.WriteString(fw, content)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func decode[T any](t *testing.T, rr *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rr.Body.Bytes(), &v); err != nil {
		t.Fatalf("%d %s: %v", rr.Code, rr.Body, err)
	}
	return v
}

func TestAPI(t *testing.T) {
	p := &echo{}
	h := newHarness(t, p, func(c *Config) { c.MaxObjectSize = 1 << 10 })
	h.run()
	api := h.svc.Handler()

	// Upload through the API: stored under <origin>/<name>, queued, done.
	body, ctype := multipartBody(t, map[string]string{"origin": "chi-bo-van-phong"}, `C:\Users\clerk\hồ sơ số 1.docx`, "via api")
	rr := do(t, api, "POST", "/v1/dossiers", body, ctype)
	if rr.Code != http.StatusAccepted {
		t.Fatalf("POST: %d %s", rr.Code, rr.Body)
	}
	up := decode[struct{ ID, Key string }](t, rr)
	if up.Key != "chi-bo-van-phong/hồ sơ số 1.docx" || rr.Header().Get("Location") != "/v1/dossiers/"+up.ID {
		t.Fatalf("POST answer %+v, Location %q", up, rr.Header().Get("Location"))
	}
	h.wait(up.ID, final)
	bad := h.upload("chi-bo-2/x.pdf", "BROKEN")
	h.wait(bad.ID(), final)

	rr = do(t, api, "GET", "/v1/dossiers/"+up.ID, nil, "")
	d := decode[struct {
		Status  Status
		Verdict hoso.Verdict
		DOCX    string
		Record  string
	}](t, rr)
	if rr.Code != 200 || d.Status != StatusRendered || d.Verdict != hoso.VerdictEligible || d.DOCX == "" {
		t.Errorf("GET dossier: %d %s", rr.Code, rr.Body)
	}

	rr = do(t, api, "GET", "/v1/dossiers/"+up.ID+"/letter", nil, "")
	if rr.Code != 200 || rr.Body.String() != "LETTER:via api" || rr.Header().Get("Content-Type") != TypeDOCX ||
		!strings.Contains(rr.Header().Get("Content-Disposition"), "eligible-"+up.ID+".docx") {
		t.Errorf("GET letter: %d %v %q", rr.Code, rr.Header(), rr.Body)
	}
	req := httptest.NewRequest("GET", "/v1/dossiers/"+up.ID+"/letter", nil)
	req.Header.Set("If-None-Match", rr.Header().Get("ETag"))
	if rr2 := httptest.NewRecorder(); func() int { api.ServeHTTP(rr2, req); return rr2.Code }() != http.StatusNotModified {
		t.Errorf("conditional GET of an unchanged letter: %d, want 304", rr2.Code)
	}
	req = httptest.NewRequest("GET", "/v1/dossiers/"+up.ID+"/letter", nil)
	req.Header.Set("Range", "bytes=0-5")
	if rr2 := httptest.NewRecorder(); func() int { api.ServeHTTP(rr2, req); return rr2.Code }() != http.StatusPartialContent ||
		rr2.Body.String() != "LETTER" {
		t.Errorf("range GET: %d %q", rr2.Code, rr2.Body)
	}
	if rr := do(t, api, "GET", "/v1/dossiers/"+up.ID+"/letter?format=pdf", nil, ""); rr.Code != 404 {
		t.Errorf("PDF of a dossier without one: %d", rr.Code)
	}
	if rr := do(t, api, "GET", "/v1/dossiers/"+bad.ID()+"/letter", nil, ""); rr.Code != 404 {
		t.Errorf("letter of a rejected dossier: %d", rr.Code)
	}

	list := func(q string) []string {
		rr := do(t, api, "GET", "/v1/dossiers"+q, nil, "")
		if rr.Code != 200 {
			t.Fatalf("list %s: %d %s", q, rr.Code, rr.Body)
		}
		var ids []string
		for _, s := range decode[struct{ Dossiers []State }](t, rr).Dossiers {
			ids = append(ids, s.ID)
		}
		return ids
	}
	if got := list(""); len(got) != 2 {
		t.Errorf("list all: %q", got)
	}
	if got := list("?status=failed"); len(got) != 1 || got[0] != bad.ID() {
		t.Errorf("list failed: %q", got)
	}
	if got := list("?verdict=eligible&origin=chi-bo-van-phong"); len(got) != 1 || got[0] != up.ID {
		t.Errorf("list eligible of chi-bo-van-phong: %q", got)
	}
	if got := list("?limit=1"); len(got) != 1 || got[0] != bad.ID() {
		t.Errorf("list limit=1: %q, want the newest (%s)", got, bad.ID())
	}
	if got := list("?origin=nowhere"); len(got) != 0 {
		t.Errorf("list nowhere: %q", got)
	}

	// Errors: JSON, Vietnamese and English, status from the code.
	for _, tc := range []struct {
		method, target string
		body           func() (io.Reader, string)
		status         int
		code           string
	}{
		{"GET", "/v1/dossiers/nosuchid", nil, 400, "invalid"},
		{"GET", "/v1/nothing", nil, 404, "not_found"},
		{"GET", "/v1/dossiers/bad*id", nil, 400, "invalid"},
		{"GET", "/v1/dossiers/bad%20id/letter", nil, 400, "invalid"},
		// Issue 10: a 4 200-character id once reached NATS as a subject and
		// broke the connection for good.
		{"GET", "/v1/dossiers/" + strings.Repeat("a", 4200), nil, 400, "invalid"},
		{"GET", "/v1/dossiers/aaaaaaaaaaaaaaaaaaaaaaaa", nil, 404, "not_found"},
		{"GET", "/v1/dossiers?origin=" + strings.Repeat("o", 300), nil, 400, "invalid"},
		{"DELETE", "/v1/dossiers", nil, 405, "invalid"},
		{"PUT", "/v1/dossiers/aaaaaaaaaaaaaaaaaaaaaaaa", nil, 405, "invalid"},
		{"POST", "/v1/dossiers", func() (io.Reader, string) {
			return multipartBody(t, nil, strings.Repeat("a", 300)+".pdf", "x")
		}, 400, "invalid"},
		{"POST", "/v1/dossiers", func() (io.Reader, string) {
			return multipartBody(t, map[string]string{"origin": strings.Repeat("o", 300)}, "a.pdf", "x")
		}, 400, "invalid"},
		{"POST", "/v1/dossiers", func() (io.Reader, string) {
			b, ctype := multipartBody(t, nil, "a.pdf", strings.Repeat("x", 10000))
			all, _ := io.ReadAll(b)
			return bytes.NewReader(all[:len(all)/2]), ctype // truncated
		}, 400, "invalid"},
		{"GET", "/v1/dossiers?status=done", nil, 400, "invalid"},
		{"GET", "/v1/dossiers?verdict=ok", nil, 400, "invalid"},
		{"GET", "/v1/dossiers?limit=0", nil, 400, "invalid"},
		{"POST", "/v1/dossiers", func() (io.Reader, string) { return strings.NewReader("x"), "text/plain" }, 400, "invalid"},
		{"POST", "/v1/dossiers", func() (io.Reader, string) { return multipartBody(t, nil, "", "") }, 400, "invalid"},
		{"POST", "/v1/dossiers", func() (io.Reader, string) {
			return multipartBody(t, map[string]string{"origin": ".."}, "a.pdf", "x")
		}, 400, "invalid"},
		{"POST", "/v1/dossiers", func() (io.Reader, string) { return multipartBody(t, nil, "..", "x") }, 400, "invalid"},
		{"POST", "/v1/dossiers", func() (io.Reader, string) {
			return multipartBody(t, nil, strings.Repeat("ồ", 400)+".pdf", "x")
		}, 400, "invalid"},
		{"POST", "/v1/dossiers", func() (io.Reader, string) {
			return multipartBody(t, nil, "big.pdf", strings.Repeat("x", 3<<20))
		}, 413, "too_large"},
	} {
		var body io.Reader
		var ctype string
		if tc.body != nil {
			body, ctype = tc.body()
		}
		rr := do(t, api, tc.method, tc.target, body, ctype)
		e := decode[apiError](t, rr)
		if rr.Code != tc.status || e.Error == nil || string(e.Error.Code) != tc.code || e.Error.Message == "" || e.Error.English == "" {
			t.Errorf("%s %s: %d %s, want %d %s", tc.method, tc.target, rr.Code, rr.Body, tc.status, tc.code)
		}
	}

	if rr := do(t, api, "GET", "/healthz", nil, ""); rr.Code != 200 {
		t.Errorf("healthz %d", rr.Code)
	}
	rr = do(t, api, "GET", "/readyz", nil, "")
	if r := decode[struct{ Ready bool }](t, rr); rr.Code != 200 || !r.Ready {
		t.Errorf("readyz %d %s", rr.Code, rr.Body)
	}
}

func TestReadyzWithoutNATS(t *testing.T) {
	h := newHarness(t, &echo{}, nil)
	h.ns.Shutdown()
	h.ns.WaitForShutdown()
	rr := do(t, h.svc.Handler(), "GET", "/readyz", nil, "")
	r := decode[struct {
		Ready  bool
		Checks map[string]string
	}](t, rr)
	if rr.Code != http.StatusServiceUnavailable || r.Ready || r.Checks["nats"] == "ok" || r.Checks["store"] != "ok" {
		t.Errorf("readyz with NATS down: %d %s", rr.Code, rr.Body)
	}
}

func TestMetrics(t *testing.T) {
	p := &echo{}
	p.setFail(func(n int32, in Input) error {
		if n == 1 {
			return errTransient
		}
		return nil
	})
	h := newHarness(t, p, nil)
	h.run()
	h.wait(h.upload("a/1.docx", "one").ID(), final)
	h.wait(h.upload("a/2.docx", "BROKEN").ID(), final)
	rr := do(t, h.svc.Handler(), "GET", "/metrics", nil, "")
	if rr.Code != 200 || !strings.HasPrefix(rr.Header().Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("metrics %d %v", rr.Code, rr.Header())
	}
	text := rr.Body.String()
	for _, want := range []string{
		`hoso_messages_total{result="completed"} 1`,
		`hoso_messages_total{result="failed"} 1`,
		`hoso_messages_total{result="retry"} 1`,
		`hoso_dossiers_completed_total{verdict="eligible"} 1`,
		`hoso_failures_total{reason="transient"} 1`,
		`hoso_failures_total{reason="unreadable"} 1`,
		`hoso_stage_duration_seconds_bucket{stage="extract",le="0.01"} 2`,
		`hoso_stage_duration_seconds_bucket{stage="render",le="+Inf"} 1`,
		`hoso_stage_duration_seconds_count{stage="total"} 2`,
		"# TYPE hoso_stage_duration_seconds histogram",
		"hoso_queue_pending 0",
		"hoso_dead_letters 0",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("metrics lack %q", want)
		}
	}
	// Every sample line is "name{labels} value" or "name value".
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if strings.HasPrefix(line, "# ") {
			continue
		}
		if f := strings.Fields(line); len(f) != 2 || !strings.HasPrefix(f[0], "hoso_") {
			t.Errorf("bad sample line %q", line)
		}
	}
}

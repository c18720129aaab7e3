package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
)

// runCapture runs a short command with stdin and returns what it printed
// on standard output.
func runCapture(t *testing.T, env map[string]string, stdin string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out lockedBuffer
	m := &Main{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: newTestWriter(t),
		Getenv: func(k string) string { return env[k] }, Logger: testLogger(t),
	}
	err := m.Run(ctx, args)
	return out.String(), err
}

// login posts a name and password and returns the session as an api.
func login(t *testing.T, base, name, password string) (api, *http.Response) {
	t.Helper()
	resp, err := http.PostForm(base+"/v1/login", url.Values{"name": {name}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == access.CookieName {
			return api{base: base, token: c.Name + "=" + c.Value}, resp
		}
	}
	return api{base: base}, resp
}

// TestAccess runs `hoso serve` against real MinIO and NATS with accounts:
// anonymous requests are refused on every /v1/ route, a clerk of one unit
// cannot see another's dossier, a read-only token cannot upload, and the
// audit trail holds the upload, view and download of a dossier, by
// account and action, in a stream that refuses to be purged.
func TestAccess(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	fixtures := loadFixtures(t)
	n := startNATS(t)
	env := map[string]string{"HOSO_NATS_URL": n.url()}
	if err := runOnce(t, env, "setup", "--nats-only"); err != nil {
		t.Fatal(err)
	}
	mo := startMinIO(t, n.addr())
	httpAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	base := "http://" + httpAddr
	dir := t.TempDir()
	s3Secret := filepath.Join(dir, "s3")
	os.WriteFile(s3Secret, []byte(mo.pass), 0o600)
	const adminPassword = "mật-khẩu-quản-trị-e2e"
	adminFile := filepath.Join(dir, "admin")
	os.WriteFile(adminFile, []byte(adminPassword+"\n"), 0o600)
	env["HOSO_S3_ENDPOINT"] = "http://" + mo.endpoint
	env["HOSO_S3_ACCESS_KEY"] = mo.user
	env["HOSO_S3_SECRET_KEY_FILE"] = s3Secret
	env["HOSO_HTTP"] = httpAddr
	env["HOSO_WORKERS"] = "2"
	env["HOSO_ADMIN_PASSWORD_FILE"] = adminFile
	if err := runOnce(t, env, "setup"); err != nil {
		t.Fatal(err)
	}
	srv := runMain(t, env, "serve")
	anon := api{base: base}
	anon.waitReady(t)

	// Accounts, as an administrator's script would make them.
	const pwA, pwB = "mật khẩu văn thư A", "mật khẩu văn thư B"
	for _, c := range []struct{ name, unit, pw string }{{"van-thu-a", "chi-bo-a", pwA}, {"van-thu-b", "chi-bo-b", pwB}} {
		if _, err := runCapture(t, env, c.pw+"\n", "users", "add", "--role", "van_thu", "--units", c.unit, "--password-stdin", c.name); err != nil {
			t.Fatalf("users add %s: %v", c.name, err)
		}
	}
	if _, err := runCapture(t, env, "", "users", "add", "--role", "he_thong", "--units", "all", "robot"); err != nil {
		t.Fatal(err)
	}
	out, err := runCapture(t, env, "", "users", "token", "--scope", "read", "--label", "báo cáo", "robot")
	readToken := strings.TrimSpace(out)
	if err != nil || !strings.HasPrefix(readToken, "hoso_") {
		t.Fatalf("users token: %q %v", out, err)
	}
	list, _ := runCapture(t, env, "", "users", "list")
	if !strings.Contains(list, "admin") || !strings.Contains(list, "van-thu-a") || strings.Contains(list, "argon2") {
		t.Errorf("users list:\n%s", list)
	}

	clerkA, resp := login(t, base, "van-thu-a", pwA)
	if resp.StatusCode != http.StatusOK || clerkA.token == "" {
		t.Fatalf("login van-thu-a: %s", resp.Status)
	}
	clerkB, _ := login(t, base, "van-thu-b", pwB)
	admin, resp := login(t, base, "admin", adminPassword)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("admin login with HOSO_ADMIN_PASSWORD_FILE: %s", resp.Status)
	}
	robot := api{base: base, token: readToken}

	// Clerk A uploads into unit A (no origin given: their one unit).
	f := fixtures[0]
	upload := func(a api, origin string) (*http.Response, map[string]any) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		if origin != "" {
			mw.WriteField("origin", origin)
		}
		fw, _ := mw.CreateFormFile("file", "hồ sơ e2e"+filepath.Ext(f.key))
		fw.Write(f.data)
		mw.Close()
		resp, err := a.do("POST", "/v1/dossiers", mw.FormDataContentType(), &body)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var got map[string]any
		json.NewDecoder(resp.Body).Decode(&got)
		return resp, got
	}
	resp, got := upload(clerkA, "")
	if resp.StatusCode != http.StatusAccepted || got["key"] != "chi-bo-a/hồ sơ e2e"+filepath.Ext(f.key) {
		t.Fatalf("clerk A upload: %s %v", resp.Status, got)
	}
	id, _ := got["id"].(string)
	st := clerkA.waitID(t, id, finalWithin)
	if st.Origin != "chi-bo-a" || st.DOCX == "" {
		t.Fatalf("dossier %+v", st)
	}
	// The same name again: a new key, the first source untouched; the
	// same bytes: a duplicate linked to the first dossier, no second letter.
	resp, again := upload(clerkA, "chi-bo-a")
	if resp.StatusCode != http.StatusAccepted || again["key"] != "chi-bo-a/hồ sơ e2e (2)"+filepath.Ext(f.key) {
		t.Fatalf("second upload of one name: %s %v", resp.Status, again)
	}
	if dup := clerkA.waitID(t, again["id"].(string), finalWithin); dup.Status != ingest.StatusDuplicate || dup.DuplicateOf != id || dup.DOCX != "" {
		t.Errorf("same bytes under a new key: %+v", dup)
	}
	resp, err = clerkA.get("/v1/dossiers/" + id + "/letter")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("clerk A letter: %v %v", resp, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	status := func(a api, method, path string) int {
		t.Helper()
		var body io.Reader
		ctype := ""
		if method == "POST" {
			var b bytes.Buffer
			mw := multipart.NewWriter(&b)
			fw, _ := mw.CreateFormFile("file", "x.pdf")
			fw.Write([]byte("%PDF-1.4"))
			mw.Close()
			body, ctype = &b, mw.FormDataContentType()
		}
		resp, err := a.do(method, path, ctype, body)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, c := range []struct {
		who          string
		a            api
		method, path string
		want         int
	}{
		{"anonymous", anon, "GET", "/v1/dossiers", 401},
		{"anonymous", anon, "GET", "/v1/dossiers/" + id, 401},
		{"anonymous", anon, "GET", "/v1/dossiers/" + id + "/letter", 401},
		{"anonymous", anon, "POST", "/v1/dossiers", 401},
		{"anonymous", anon, "GET", "/v1/audit", 401},
		{"anonymous", anon, "GET", "/v1/me", 401},
		{"anonymous", anon, "POST", "/v1/password", 401},
		{"forged token", api{base: base, token: "hoso_aaaaaaaaaaaaaaaa_" + strings.Repeat("a", 52)}, "GET", "/v1/dossiers", 401},
		{"clerk B", clerkB, "GET", "/v1/dossiers/" + id, 404},
		{"clerk B", clerkB, "GET", "/v1/dossiers/" + id + "/letter", 404},
		{"clerk B", clerkB, "GET", "/v1/audit", 403},
		{"read token", robot, "GET", "/v1/dossiers/" + id, 200},
		{"read token", robot, "POST", "/v1/dossiers", 403},
		{"admin", admin, "GET", "/v1/dossiers/" + id, 403},
		{"open", anon, "GET", "/healthz", 200},
		{"open", anon, "GET", "/metrics", 200},
	} {
		if got := status(c.a, c.method, c.path); got != c.want {
			t.Errorf("%s %s %s: %d, want %d", c.who, c.method, c.path, got, c.want)
		}
	}
	bList, err := clerkB.list(nil)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(bList, func(s ingest.State) bool { return s.Origin != "chi-bo-b" }) {
		t.Errorf("clerk B lists other units' dossiers: %+v", bList)
	}

	// The trail of the dossier, as the admin reads it through the API.
	var trail struct{ Entries []access.Entry }
	if _, err := admin.getJSON("/v1/audit?dossier="+id, &trail); err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, e := range trail.Entries {
		steps = append(steps, e.Actor+" "+string(e.Action)+" "+e.Outcome)
	}
	for _, want := range [][]string{
		{"van-thu-a upload ok", "van-thu-a view ok", "van-thu-a download ok"},
		{"van-thu-b view denied", "van-thu-b download denied"},
		{"robot view ok"},
	} {
		i := 0
		for _, s := range steps {
			if i < len(want) && s == want[i] {
				i++
			}
		}
		if i < len(want) {
			t.Errorf("audit trail of %s lacks %q in order; it holds %q", id, want, steps)
		}
	}
	for _, e := range trail.Entries {
		if e.Addr == "" || e.Time.IsZero() || e.Unit != "chi-bo-a" {
			t.Errorf("entry without where, when or unit: %+v", e)
		}
	}
	cli, err := runCapture(t, env, "", "audit", "--dossier", id)
	if err != nil || !strings.Contains(cli, "download") || !strings.Contains(cli, "van-thu-a") {
		t.Errorf("hoso audit --dossier: %v\n%s", err, cli)
	}

	// Nobody rewrites history, not even with NATS credentials.
	_, js := n.client(t)
	ctx := context.Background()
	s, err := js.Stream(ctx, access.DefaultAuditStream)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Purge(ctx); err == nil {
		t.Error("the audit stream was purged")
	}
	if err := s.DeleteMsg(ctx, 1); err == nil {
		t.Error("an audit entry was deleted")
	}

	// Retention: purge removes the dossiers, their uploads and letters
	// from MinIO, and adds to the trail rather than shrinking it.
	before, _ := s.Info(ctx)
	out, err = runCapture(t, env, "", "purge", "--older-than", "1ns")
	if err != nil || !strings.Contains(out, "removed\t"+id) {
		t.Fatalf("hoso purge: %v\n%s", err, out)
	}
	if _, err := mo.client.StatObject(ctx, ingest.DefaultUploadBucket, st.Key, minio.StatObjectOptions{}); err == nil {
		t.Error("the purged upload is still in MinIO")
	}
	if _, err := mo.client.StatObject(ctx, ingest.DefaultLetterBucket, st.DOCX, minio.StatObjectOptions{}); err == nil {
		t.Error("the purged letter is still in MinIO")
	}
	if code := status(clerkA, "GET", "/v1/dossiers/"+id); code != http.StatusNotFound {
		t.Errorf("purged dossier: %d", code)
	}
	after, _ := s.Info(ctx)
	if after.State.Msgs <= before.State.Msgs || after.State.FirstSeq != 1 {
		t.Errorf("audit trail after purge: %+v, before %+v", after.State, before.State)
	}
	srv.stop(t)
	noPersonalData(t, fixtures, srv)
}

// TestRunFirstStart: the first `hoso run` creates the administrator and
// prints how to log in, once; a non-loopback --http without TLS or a
// trusted proxy is refused with a clear message.
func TestRunFirstStart(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	data := t.TempDir()
	httpAddr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	env := map[string]string{"HOSO_OCR": "off"}
	args := []string{"run", "--data", data, "--http", httpAddr}
	bg := runMain(t, env, args...)
	a := api{base: "http://" + httpAddr}
	a.waitReady(t)
	out := bg.out.String()
	var password string
	for _, line := range strings.Split(out, "\n") {
		if _, pw, ok := strings.Cut(line, "password:"); ok {
			password = strings.TrimSpace(pw)
		}
	}
	if password == "" || !strings.Contains(out, "/v1/login") {
		t.Fatalf("first start printed no login:\n%s", out)
	}
	if _, resp := login(t, a.base, "admin", password); resp.StatusCode != http.StatusOK {
		t.Errorf("login with the printed password: %s", resp.Status)
	}
	if resp, err := a.get("/v1/dossiers"); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous list: %v %v", resp, err)
	}
	bg.stop(t)
	bg = runMain(t, env, args...)
	a.waitReady(t)
	if strings.Contains(bg.out.String(), "password:") {
		t.Error("second start printed a password again")
	}
	bg.stop(t)

	for _, bad := range []string{"0.0.0.0:0", ":0", "192.0.2.7:0"} {
		err := runOnce(t, env, "run", "--data", t.TempDir(), "--http", bad)
		if err == nil || !strings.Contains(err.Error(), "--tls-cert") || !strings.Contains(err.Error(), "--trusted-proxies") {
			t.Errorf("--http %s: %v", bad, err)
		}
	}
	if err := runOnce(t, env, "run", "--data", t.TempDir(), "--http", "0.0.0.0:0", "--tls-cert", "x.pem"); err == nil || !strings.Contains(err.Error(), "go together") {
		t.Errorf("--tls-cert alone: %v", err)
	}
}

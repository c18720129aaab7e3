package ingest

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/access"
)

// TestAccessMatrix is the permission matrix of the API: every role (and
// token scope) × route × own unit / other unit, through a real Guard on
// the harness's NATS.
func TestAccessMatrix(t *testing.T) {
	h := newHarness(t, &echo{}, nil)
	h.run()
	own := h.upload("chi-bo-a/hồ sơ A.docx", "A")
	other := h.upload("chi-bo-b/hồ sơ B.docx", "B")
	h.wait(own.ID(), final)
	h.wait(other.ID(), final)

	ctx := context.Background()
	st, err := access.Open(ctx, h.js, access.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := access.NewGuard(st, access.GuardOptions{})
	if err != nil {
		t.Fatal(err)
	}
	api := h.svc.HandlerWith(g)

	// Credentials: a session cookie per person, tokens for automation.
	creds := map[string]string{"anonymous": ""}
	const pw = "mật khẩu thử nghiệm"
	for _, r := range []access.Role{access.Clerk, access.Reviewer, access.Signer, access.Admin} {
		name := strings.ReplaceAll(string(r), "_", "-")
		if _, err := st.AddAccount(ctx, access.NewAccount{Name: name, Roles: []access.Role{r}, Units: []string{"chi-bo-a"}, Password: pw}); err != nil {
			t.Fatal(err)
		}
		secret, _, err := st.Login(ctx, name, pw, "192.0.2.1")
		if err != nil {
			t.Fatal(err)
		}
		creds[string(r)] = "Cookie:" + access.CookieName + "=" + secret
	}
	st.AddAccount(ctx, access.NewAccount{Name: "robot", Roles: []access.Role{access.System}, Units: []string{"chi-bo-a"}})
	for _, sc := range []access.Scope{access.ScopeRead, access.ScopeUpload} {
		_, raw, err := st.CreateToken(ctx, access.NewToken{Account: "robot", Scopes: []access.Scope{sc}})
		if err != nil {
			t.Fatal(err)
		}
		creds["token:"+string(sc)] = "Authorization:Bearer " + raw
	}

	send := func(who, method, target string, body io.Reader, ctype string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, body)
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		if c := creds[who]; c != "" {
			k, v, _ := strings.Cut(c, ":")
			req.Header.Set(k, v)
		}
		rr := httptest.NewRecorder()
		api.ServeHTTP(rr, req)
		return rr
	}
	upload := func(unit string) func() (io.Reader, string) {
		return func() (io.Reader, string) {
			b, ct := multipartBody(t, map[string]string{"origin": unit}, "mới.docx", "NEW")
			return b, ct
		}
	}
	type route struct {
		name, method, target string
		body                 func() (io.Reader, string)
	}
	routes := []route{
		{"list", "GET", "/v1/dossiers", nil},
		{"view own", "GET", "/v1/dossiers/" + own.ID(), nil},
		{"view other", "GET", "/v1/dossiers/" + other.ID(), nil},
		{"letter own", "GET", "/v1/dossiers/" + own.ID() + "/letter", nil},
		{"letter other", "GET", "/v1/dossiers/" + other.ID() + "/letter", nil},
		{"upload own", "POST", "/v1/dossiers", upload("chi-bo-a")},
		{"upload other", "POST", "/v1/dossiers", upload("chi-bo-b")},
		{"audit", "GET", "/v1/audit", nil},
		{"me", "GET", "/v1/me", nil},
		{"accounts", "GET", "/v1/accounts", nil},
	}
	// want[who] lists the status of each route, in the order above.
	want := map[string][]int{
		"anonymous":             {401, 401, 401, 401, 401, 401, 401, 401, 401, 401},
		string(access.Clerk):    {200, 200, 404, 200, 404, 202, 403, 403, 200, 403},
		string(access.Reviewer): {200, 200, 404, 200, 404, 403, 403, 403, 200, 403},
		string(access.Signer):   {200, 200, 404, 200, 404, 403, 403, 403, 200, 403},
		string(access.Admin):    {403, 403, 403, 403, 403, 403, 403, 200, 200, 200},
		"token:read":            {200, 200, 404, 200, 404, 403, 403, 403, 200, 403},
		"token:upload":          {403, 403, 403, 403, 403, 202, 403, 403, 200, 403},
	}
	for who, statuses := range want {
		for i, rt := range routes {
			var body io.Reader
			var ct string
			if rt.body != nil {
				body, ct = rt.body()
			}
			rr := send(who, rt.method, rt.target, body, ct)
			if rr.Code != statuses[i] {
				t.Errorf("%s × %s: %d, want %d (%s)", who, rt.name, rr.Code, statuses[i], strings.TrimSpace(rr.Body.String()))
			}
			if rt.name == "list" && rr.Code == 200 {
				var l struct{ Dossiers []State }
				json.Unmarshal(rr.Body.Bytes(), &l)
				for _, d := range l.Dossiers {
					if d.Origin != "chi-bo-a" {
						t.Errorf("%s lists a dossier of %s", who, d.Origin)
					}
				}
			}
		}
	}

	// The same name again gets a new key, never replaces the stored source.
	b, ct := multipartBody(t, nil, "hồ sơ A.docx", "A2") // no origin: the clerk's one unit
	rr := send(string(access.Clerk), "POST", "/v1/dossiers", b, ct)
	var up struct{ ID, Key string }
	json.Unmarshal(rr.Body.Bytes(), &up)
	if rr.Code != 202 || up.Key != "chi-bo-a/hồ sơ A (2).docx" {
		t.Errorf("re-upload of an existing name: %d %+v", rr.Code, up)
	}
	if got := string(h.readUpload(t, "chi-bo-a/hồ sơ A.docx")); got != "A" {
		t.Errorf("the first source became %q", got)
	}

	// The trail: who viewed and downloaded the own dossier, and the
	// refusals, by action.
	entries, err := st.ReadAudit(ctx, access.AuditFilter{Dossier: own.ID()})
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, e := range entries {
		n[string(e.Action)+"/"+e.Outcome]++
	}
	if n["view/ok"] != 4 || n["download/ok"] != 4 {
		t.Errorf("audit of %s: %v, want 4 views and 4 downloads", own.ID(), n)
	}
	denied, _ := st.ReadAudit(ctx, access.AuditFilter{Dossier: other.ID()})
	for _, e := range denied {
		if e.Outcome != access.OutcomeDenied {
			t.Errorf("other unit's dossier: %+v", e)
		}
	}
}

// readUpload reads an upload back from the harness's folder store.
func (h *harness) readUpload(t *testing.T, key string) []byte {
	t.Helper()
	rc, _, err := h.dir.Get(context.Background(), h.cfg.UploadBucket, key)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return b
}

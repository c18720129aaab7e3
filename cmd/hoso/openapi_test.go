package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/schema"
)

// openAPI is the part of the published document the tests read.
type openAPI struct {
	Security []map[string][]string `json:"security"`
	Paths    map[string]map[string]struct {
		Parameters []struct {
			Name     string `json:"name"`
			In       string `json:"in"`
			Required bool   `json:"required"`
		} `json:"parameters"`
		Security  *[]map[string][]string     `json:"security"`
		Responses map[string]json.RawMessage `json:"responses"`
	} `json:"paths"`
	Components struct {
		Responses map[string]json.RawMessage `json:"responses"`
	} `json:"components"`
}

func loadOpenAPI(t *testing.T) *openAPI {
	t.Helper()
	var doc openAPI
	if err := json.Unmarshal(schema.OpenAPIJSON, &doc); err != nil {
		t.Fatalf("schema/openapi.json: %v", err)
	}
	return &doc
}

var pathParam = regexp.MustCompile(`\{([a-z_]+)\}`)

// TestOpenAPIRoutes walks the routes the server registers and holds the
// published document to them both ways: every route, method and path
// parameter is in the document, and the document has nothing the server
// does not serve. Every guarded operation documents 401 and 403.
func TestOpenAPIRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	served := map[string]bool{}
	for _, pattern := range ingest.Routes() {
		method, path, ok := strings.Cut(pattern, " ")
		if !ok {
			t.Errorf("route %q has no method: it answers every method", pattern)
			continue
		}
		served[strings.ToLower(method)+" "+path] = true
		op, ok := doc.Paths[path][strings.ToLower(method)]
		if !ok {
			t.Errorf("route %s is not in schema/openapi.json", pattern)
			continue
		}
		for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
			if !slices.ContainsFunc(op.Parameters, func(p struct {
				Name     string `json:"name"`
				In       string `json:"in"`
				Required bool   `json:"required"`
			}) bool {
				return p.Name == m[1] && p.In == "path" && p.Required
			}) {
				t.Errorf("%s: path parameter %s is not documented", pattern, m[1])
			}
		}
		if len(op.Responses) == 0 {
			t.Errorf("%s: no responses documented", pattern)
		}
		guarded := op.Security == nil || len(*op.Security) > 0
		if guarded && strings.HasPrefix(path, "/v1/") && path != "/v1/logout" {
			for _, code := range []string{"401", "403"} {
				if _, ok := op.Responses[code]; !ok {
					t.Errorf("%s: guarded, but %s is not documented", pattern, code)
				}
			}
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !served[method+" "+path] {
				t.Errorf("schema/openapi.json documents %s %s, which the server does not serve", strings.ToUpper(method), path)
			}
		}
	}
	if len(served) < 20 {
		t.Errorf("only %d routes found", len(served))
	}
}

// contractChecker validates real answers against the document.
type contractChecker struct {
	t       *testing.T
	doc     *openAPI
	comp    *jsonschema.Compiler
	mux     *http.ServeMux // patterns only, to find a request's operation
	seen    map[string]map[int]bool
	schemas map[string]*jsonschema.Schema
}

const openAPIID = "https://hoso.vn/schema/openapi.json"

func newContractChecker(t *testing.T) *contractChecker {
	c := &contractChecker{t: t, doc: loadOpenAPI(t), comp: jsonschema.NewCompiler(), mux: http.NewServeMux(),
		seen: map[string]map[int]bool{}, schemas: map[string]*jsonschema.Schema{}}
	c.comp.AssertFormat()
	for id, b := range map[string][]byte{openAPIID: schema.OpenAPIJSON, schema.RecordID: schema.RecordJSON, schema.EventID: schema.EventJSON} {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.comp.AddResource(id, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range ingest.Routes() {
		c.mux.HandleFunc(p, func(http.ResponseWriter, *http.Request) {})
	}
	return c
}

func pointerEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// check validates one answer: its status is documented for the
// operation, its media type too, and a JSON body matches the schema.
func (c *contractChecker) check(req *http.Request, resp *http.Response, body []byte) {
	t := c.t
	t.Helper()
	_, pattern := c.mux.Handler(req)
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		t.Errorf("%s %s: no route", req.Method, req.URL.Path)
		return
	}
	if c.seen[pattern] == nil {
		c.seen[pattern] = map[int]bool{}
	}
	c.seen[pattern][resp.StatusCode] = true
	op := c.doc.Paths[path][strings.ToLower(method)]
	code := strconv.Itoa(resp.StatusCode)
	raw, ok := op.Responses[code]
	if !ok {
		t.Errorf("%s %s: status %d is not documented for %s (body %.200s)", req.Method, req.URL, resp.StatusCode, pattern, body)
		return
	}
	loc := openAPIID + "#/paths/" + pointerEscape(path) + "/" + strings.ToLower(method) + "/responses/" + code
	var r struct {
		Ref     string                     `json:"$ref"`
		Content map[string]json.RawMessage `json:"content"`
	}
	json.Unmarshal(raw, &r)
	if r.Ref != "" {
		name := strings.TrimPrefix(r.Ref, "#/components/responses/")
		json.Unmarshal(c.doc.Components.Responses[name], &r)
		loc = openAPIID + "#/components/responses/" + name
	}
	if len(r.Content) == 0 {
		return
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if _, ok := r.Content[mt]; !ok {
		t.Errorf("%s %s: %d answered %q, documented %v", req.Method, req.URL, resp.StatusCode, mt, keys(r.Content))
		return
	}
	if mt != "application/json" && !strings.HasSuffix(mt, "+json") {
		return
	}
	loc += "/content/" + pointerEscape(mt) + "/schema"
	s, ok := c.schemas[loc]
	if !ok {
		var err error
		if s, err = c.comp.Compile(loc); err != nil {
			t.Fatalf("compiling %s: %v", loc, err)
		}
		c.schemas[loc] = s
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Errorf("%s %s: %d body is not JSON: %v", req.Method, req.URL, resp.StatusCode, err)
		return
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("%s %s: %d body does not match the document: %v\n%.400s", req.Method, req.URL, resp.StatusCode, err, body)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestOpenAPIResponses runs `hoso run` and checks real answers of every
// route, successes and errors, against the published document.
func TestOpenAPIResponses(t *testing.T) {
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
	env := map[string]string{"HOSO_SETTLE": "300ms", "HOSO_SCAN": "1s", "HOSO_WORKERS": "1"}
	runMain(t, env, "run", "--data", data, "--http", httpAddr, "--nats-listen", "127.0.0.1:"+strconv.Itoa(natsPort))
	base := "http://" + httpAddr
	anon := api{base: base}
	anon.waitReady(t)
	_, js := (&natsServer{port: natsPort}).client(t)
	robot := api{base: base, token: automationToken(t, js)}
	st, err := access.Open(context.Background(), js, access.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const adminPW = "mật khẩu quản trị hợp đồng"
	if _, err := st.AddAccount(context.Background(), access.NewAccount{Name: "qt-openapi", Roles: []access.Role{access.Admin}, Units: []string{access.AllUnits}, Password: adminPW}); err != nil {
		t.Fatal(err)
	}
	admin, resp := login(t, base, "qt-openapi", adminPW)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("admin login: %s", resp.Status)
	}

	c := newContractChecker(t)
	do := func(a api, method, path, ctype string, body []byte) []byte {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, bytes.NewReader(body))
		resp, err := a.do(method, path, ctype, bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		c.check(req, resp, b)
		return b
	}
	jsonBody := func(v any) []byte { b, _ := json.Marshal(v); return b }

	// Dossiers: upload, wait, read back, and the errors of each route.
	id := postFile(t, robot, "chi-bo-hop-dong", "ho-so.docx", docx)
	robot.waitID(t, id, time.Minute)
	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	mw.WriteField("origin", "chi-bo-hop-dong")
	fw, _ := mw.CreateFormFile("file", "ho-so-2.docx")
	fw.Write(docx[:len(docx)/2])
	mw.Close()
	do(robot, "POST", "/v1/dossiers", mw.FormDataContentType(), mp.Bytes())
	do(robot, "POST", "/v1/dossiers", "multipart/form-data; boundary=x", []byte("--x\r\nContent-Disposition: form-data; name=\"origin\"\r\n\r\na\r\n--x--\r\n"))
	do(robot, "POST", "/v1/dossiers", "text/plain", []byte("x"))
	do(anon, "POST", "/v1/dossiers", mw.FormDataContentType(), mp.Bytes())
	for _, p := range []string{"/v1/dossiers", "/v1/dossiers?limit=1&status=rendered", "/v1/dossiers?verdict=nope", "/v1/dossiers?limit=0",
		"/v1/dossiers/" + id, "/v1/dossiers/NOT-AN-ID", "/v1/dossiers/aaaaaaaaaaaaaaaaaaaaaaaa",
		"/v1/dossiers/" + id + "/letter", "/v1/dossiers/" + id + "/letter?format=pdf", "/v1/dossiers/aaaaaaaaaaaaaaaaaaaaaaaa/letter"} {
		do(robot, "GET", p, "", nil)
	}
	do(anon, "GET", "/v1/dossiers", "", nil)
	do(admin, "GET", "/v1/dossiers/"+id, "", nil) // an administrator holds no dossier role

	// Accounts, tokens, units, audit.
	do(anon, "POST", "/v1/login", "application/json", jsonBody(map[string]string{"name": "qt-openapi", "password": "sai"}))
	do(anon, "POST", "/v1/login", "application/json", []byte("{"))
	do(admin, "GET", "/v1/me", "", nil)
	do(anon, "GET", "/v1/me", "", nil)
	do(robot, "GET", "/v1/me", "", nil)
	do(admin, "GET", "/v1/accounts", "", nil)
	do(robot, "GET", "/v1/accounts", "", nil)
	do(admin, "POST", "/v1/accounts", "application/json", jsonBody(map[string]any{"name": "vt-openapi", "roles": []string{"van_thu"}, "units": []string{"chi-bo-hop-dong"}}))
	do(admin, "POST", "/v1/accounts", "application/json", jsonBody(map[string]any{"name": "vt-openapi", "roles": []string{"van_thu"}, "units": []string{"chi-bo-hop-dong"}}))
	do(admin, "POST", "/v1/accounts", "application/json", []byte("{"))
	do(admin, "POST", "/v1/accounts/vt-openapi/disable", "", nil)
	do(admin, "POST", "/v1/accounts/vt-openapi/enable", "", nil)
	do(admin, "POST", "/v1/accounts/khong-co/enable", "", nil)
	do(admin, "POST", "/v1/accounts/vt-openapi/reset", "", nil)
	tok := do(admin, "POST", "/v1/accounts/vt-openapi/tokens", "application/json", jsonBody(map[string]any{"scopes": []string{"read"}, "ttl": "24h", "label": "thử"}))
	do(admin, "POST", "/v1/accounts/vt-openapi/tokens", "application/json", jsonBody(map[string]any{"scopes": []string{"read"}, "ttl": "mãi"}))
	do(admin, "GET", "/v1/tokens", "", nil)
	var created struct{ ID string }
	json.Unmarshal(tok, &created)
	do(admin, "POST", "/v1/tokens/"+created.ID+"/revoke", "", nil)
	do(admin, "POST", "/v1/tokens/khongco/revoke", "", nil)
	do(admin, "GET", "/v1/units", "", nil)
	do(admin, "POST", "/v1/units", "application/json", jsonBody(map[string]string{"id": "chi-bo-hop-dong", "name": "Chi bộ Hợp đồng"}))
	do(admin, "GET", "/v1/audit?limit=5", "", nil)
	do(admin, "GET", "/v1/audit?since=hôm-qua", "", nil)
	do(robot, "GET", "/v1/audit", "", nil)
	do(admin, "POST", "/v1/password", "application/json", jsonBody(map[string]string{"old": "sai", "new": "mật khẩu mới đủ dài"}))
	do(admin, "POST", "/v1/password", "application/json", jsonBody(map[string]string{"old": adminPW, "new": "ngắn"}))
	do(robot, "POST", "/v1/password", "application/json", jsonBody(map[string]string{"old": "a", "new": "b"}))

	// Operations and the contracts themselves.
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/v1/openapi.json", "/v1/asyncapi.json", "/v1/schema/record.json", "/v1/schema/event.json", "/v1/schema/nope.json"} {
		do(anon, "GET", p, "", nil)
	}
	do(admin, "POST", "/v1/logout", "", nil)

	// The events of the two uploads against the published event schema.
	evs := events(t, js)
	if len(evs) == 0 {
		t.Error("no events")
	}
	for _, e := range evs {
		if err := schema.Validate(schema.EventID, e.Raw); err != nil {
			t.Errorf("event on %s does not match schema/event.schema.json: %v\n%s", e.Subject, err, e.Raw)
		}
		if e.MsgID != e.Event.ID || !strings.HasPrefix(e.Subject, ingest.DefaultEventPrefix+".") {
			t.Errorf("event %s on %s: Nats-Msg-Id %q", e.Event.ID, e.Subject, e.MsgID)
		}
	}

	var missed []string
	for _, p := range ingest.Routes() {
		if len(c.seen[p]) == 0 {
			missed = append(missed, p)
		}
	}
	if len(missed) > 0 {
		t.Errorf("routes never exercised: %v", missed)
	}
	t.Logf("checked %d routes against schema/openapi.json: %s", len(c.seen), fmt.Sprint(c.seen))
}

// TestContractsServed: the files in the repository are what the API
// serves, byte for byte, without a token.
func TestContractsServed(t *testing.T) {
	svc := &ingest.Service{}
	h := svc.Handler()
	for path, want := range map[string][]byte{"/v1/openapi.json": schema.OpenAPIJSON, "/v1/asyncapi.json": schema.AsyncAPIJSON,
		"/v1/schema/record.json": schema.RecordJSON, "/v1/schema/event.json": schema.EventJSON} {
		rr := httptest.NewRecorder()
		h.ServeHTTP(rr, httptest.NewRequest("GET", path, nil))
		if rr.Code != http.StatusOK || !bytes.Equal(rr.Body.Bytes(), want) {
			t.Errorf("GET %s: %d, %d bytes", path, rr.Code, rr.Body.Len())
		}
	}
}

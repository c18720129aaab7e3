package access

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func startNATS(t testing.TB) jetstream.JetStream {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT,
		JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server not ready")
	}
	t.Cleanup(func() { ns.Shutdown(); ns.WaitForShutdown() })
	nc, err := nats.Connect("", nats.InProcessServer(ns))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// clock is a settable time for session and throttle expiry.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func openStore(t testing.TB) (*Store, *clock, jetstream.JetStream) {
	t.Helper()
	js := startNATS(t)
	c := &clock{t: time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)}
	st, err := Open(context.Background(), js, Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	return st, c, js
}

// TestCan is the permission matrix at the level of the decision itself:
// every role × permission × own unit / other unit / no unit.
func TestCan(t *testing.T) {
	perms := []Permission{Read, Upload, Correct, Render, Approve, Events, Accounts, Rules, Audit}
	want := map[Role][]Permission{
		Clerk:    {Read, Upload},
		Reviewer: {Read, Correct, Render},
		Signer:   {Read, Approve},
		Admin:    {Accounts, Rules, Audit},
		System:   {Read, Upload, Events},
	}
	for _, r := range Roles() {
		p := &Principal{Account: "x", Roles: []Role{r}, Units: []string{"chi-bo-a"}}
		for _, perm := range perms {
			has := slices.Contains(want[r], perm)
			for _, c := range []struct {
				unit string
				want bool
			}{
				{"chi-bo-a", has},
				{"chi-bo-b", has && !perm.Unit()},
				{"", has && !perm.Unit()},
			} {
				if got := p.Can(perm, c.unit); got != c.want {
					t.Errorf("%s %s on unit %q: %v, want %v", r, perm, c.unit, got, c.want)
				}
			}
		}
	}
	all := &Principal{Roles: []Role{Clerk}, Units: []string{AllUnits}}
	if !all.Can(Upload, "") || !all.Can(Read, "bất-kỳ") {
		t.Error("an all-units clerk is refused")
	}
	if (*Principal)(nil).Can(Read, "chi-bo-a") {
		t.Error("nil principal allowed")
	}
	// A token narrows its account: scopes and units.
	tok := &Principal{Roles: []Role{Clerk}, Units: narrow([]string{"a", "b"}, []string{"b", "c"}), Token: "t", Scopes: []Scope{ScopeRead}}
	if tok.Can(Upload, "b") || !tok.Can(Read, "b") || tok.Can(Read, "a") || tok.Can(Read, "c") {
		t.Errorf("token principal %+v decides wrongly", tok)
	}
	if (&Principal{Roles: []Role{Clerk}, Token: "t", Scopes: []Scope{ScopeEvents}}).Can(Events, "") {
		t.Error("a clerk's token got events, which the clerk does not have")
	}
}

func TestPassword(t *testing.T) {
	h, err := hashPassword("mật khẩu đủ dài")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if !checkPassword(h, "mật khẩu đủ dài") {
		t.Fatal("right password refused")
	}
	t.Logf("argon2id m=%d KiB t=%d p=%d: %v per check", argonMemory, argonTime, argonThreads, time.Since(start))
	if checkPassword(h, "mật khẩu đủ dàj") || checkPassword(h, "") {
		t.Fatal("wrong password accepted")
	}
	if _, err := parseHash(dummyHash); err != nil {
		t.Fatalf("dummy hash: %v", err)
	}
	for _, bad := range []string{"", "$argon2id$v=19$m=999999999,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "$argon2id$v=19$m=19456,t=2,p=0$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"} {
		if _, err := parseHash(bad); err == nil {
			t.Errorf("parseHash(%q) accepted", bad)
		}
	}
}

func TestAccountsTokensSessions(t *testing.T) {
	st, clk, _ := openStore(t)
	ctx := context.Background()
	if ok, _ := st.HasAccounts(ctx); ok {
		t.Fatal("fresh store has accounts")
	}
	pw, err := st.AddAccount(ctx, NewAccount{Name: "lan", Roles: []Role{Clerk}, Units: []string{"chi-bo-a"}})
	if err != nil || len(pw) < MinPasswordLen {
		t.Fatalf("AddAccount: %q, %v", pw, err)
	}
	if _, err := st.AddAccount(ctx, NewAccount{Name: "lan", Roles: []Role{Clerk}}); !errors.Is(err, ErrExists) {
		t.Errorf("second add: %v", err)
	}
	if _, err := st.AddAccount(ctx, NewAccount{Name: "Lan Anh", Roles: []Role{Clerk}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad name: %v", err)
	}
	if ok, _ := st.HasAccounts(ctx); !ok {
		t.Fatal("HasAccounts false after add")
	}

	// Session: login, idle expiry, revocation by reset.
	secret, a, err := st.Login(ctx, "lan", pw, "10.0.0.1")
	if err != nil || !a.MustChange {
		t.Fatalf("login: %v %+v", err, a)
	}
	p, err := st.sessionPrincipal(ctx, secret)
	if err != nil || p.Account != "lan" || !p.Can(Upload, "chi-bo-a") {
		t.Fatalf("session principal %+v, %v", p, err)
	}
	clk.add(DefaultSessionIdle + time.Second)
	if _, err := st.sessionPrincipal(ctx, secret); !errors.Is(err, ErrNoSession) {
		t.Errorf("idle session still valid: %v", err)
	}
	secret, _, _ = st.Login(ctx, "lan", pw, "10.0.0.1")
	clk.add(time.Second)
	if _, err := st.ResetPassword(ctx, "lan", "mật khẩu mới rất dài"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.sessionPrincipal(ctx, secret); !errors.Is(err, ErrNoSession) {
		t.Errorf("session survived a password reset: %v", err)
	}
	secret, _, _ = st.Login(ctx, "lan", "mật khẩu mới rất dài", "10.0.0.1")
	if err := st.EndSession(ctx, secret); err != nil {
		t.Fatal(err)
	}
	if _, err := st.sessionPrincipal(ctx, secret); !errors.Is(err, ErrNoSession) {
		t.Errorf("session survived logout: %v", err)
	}

	// Tokens: shown once, narrowed, revocable, dead with their account.
	if _, err := st.AddAccount(ctx, NewAccount{Name: "robot", Roles: []Role{System}, Units: []string{AllUnits}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Login(ctx, "robot", "", "10.0.0.2"); !errors.Is(err, ErrBadLogin) {
		t.Errorf("system account logged in: %v", err)
	}
	tk, raw, err := st.CreateToken(ctx, NewToken{Account: "robot", Scopes: []Scope{ScopeRead}, Units: []string{"chi-bo-b"}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(tk.Digest, raw[len(raw)-10:]) {
		t.Error("token stored in clear")
	}
	p, err = st.tokenPrincipal(ctx, raw)
	if err != nil || !p.Can(Read, "chi-bo-b") || p.Can(Read, "chi-bo-a") || p.Can(Upload, "chi-bo-b") {
		t.Fatalf("token principal %+v %v", p, err)
	}
	if _, err := st.tokenPrincipal(ctx, raw[:len(raw)-1]+"a"); !errors.Is(err, ErrBadToken) && raw[len(raw)-1] != 'a' {
		t.Errorf("altered token: %v", err)
	}
	if _, _, err := st.CreateToken(ctx, NewToken{Account: "lan", Scopes: []Scope{ScopeEvents}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("clerk token with events scope: %v", err)
	}
	if _, _, err := st.CreateToken(ctx, NewToken{Account: "lan", Scopes: []Scope{ScopeRead}, Units: []string{"chi-bo-z"}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("clerk token for another unit: %v", err)
	}
	st.SetDisabled(ctx, "robot", true)
	if _, err := st.tokenPrincipal(ctx, raw); !errors.Is(err, ErrBadToken) {
		t.Errorf("token of a disabled account: %v", err)
	}
	st.SetDisabled(ctx, "robot", false)
	if _, err := st.RevokeToken(ctx, tk.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.tokenPrincipal(ctx, raw); !errors.Is(err, ErrBadToken) {
		t.Errorf("revoked token: %v", err)
	}
}

// TestThrottle checks the figures in the README: 5 failures per account,
// 20 per address, in a 15-minute window from the first failure.
func TestThrottle(t *testing.T) {
	st, clk, _ := openStore(t)
	ctx := context.Background()
	st.AddAccount(ctx, NewAccount{Name: "lan", Roles: []Role{Clerk}, Password: "mật khẩu đúng đây"})
	for i := range DefaultAccountFails {
		if _, _, err := st.Login(ctx, "lan", "sai", "10.0.0.1"); !errors.Is(err, ErrBadLogin) {
			t.Fatalf("failure %d: %v", i+1, err)
		}
	}
	var te *ThrottledError
	if _, _, err := st.Login(ctx, "lan", "mật khẩu đúng đây", "10.0.0.9"); !errors.As(err, &te) || te.RetryAfter > DefaultThrottleWindow {
		t.Fatalf("6th attempt, right password, other address: %v", err)
	}
	clk.add(DefaultThrottleWindow)
	if _, _, err := st.Login(ctx, "lan", "mật khẩu đúng đây", "10.0.0.9"); err != nil {
		t.Fatalf("after the window: %v", err)
	}
	// Per address: many names from one address.
	for i := range DefaultAddressFails {
		st.Login(ctx, "khong-co-"+string(rune('a'+i)), "sai", "10.0.0.66")
	}
	if _, _, err := st.Login(ctx, "lan", "mật khẩu đúng đây", "10.0.0.66"); !errors.As(err, &te) {
		t.Fatalf("address over its limit: %v", err)
	}
	if _, _, err := st.Login(ctx, "lan", "mật khẩu đúng đây", "10.0.0.67"); err != nil {
		t.Fatalf("other address: %v", err)
	}
}

func TestAuditAppendOnly(t *testing.T) {
	st, _, js := openStore(t)
	ctx := context.Background()
	for _, a := range []Action{ActUpload, ActView, ActDownload} {
		if err := st.Record(ctx, Entry{Action: a, Actor: "lan", Dossier: "d1"}); err != nil {
			t.Fatal(err)
		}
	}
	st.Record(ctx, Entry{Action: ActView, Actor: "hoa", Dossier: "d2"})
	got, err := st.ReadAudit(ctx, AuditFilter{Dossier: "d1"})
	if err != nil {
		t.Fatal(err)
	}
	var acts []Action
	for _, e := range got {
		acts = append(acts, e.Action)
	}
	if !slices.Equal(acts, []Action{ActUpload, ActView, ActDownload}) {
		t.Errorf("d1 trail %v", acts)
	}
	if got, _ := st.ReadAudit(ctx, AuditFilter{Actor: "hoa"}); len(got) != 1 {
		t.Errorf("hoa: %d entries", len(got))
	}
	if got, _ := st.ReadAudit(ctx, AuditFilter{Action: ActView, Limit: 1}); len(got) != 1 || got[0].Actor != "hoa" {
		t.Errorf("newest view: %+v", got)
	}
	s, err := js.Stream(ctx, DefaultAuditStream)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Purge(ctx); err == nil {
		t.Error("audit stream purged")
	}
	if err := s.DeleteMsg(ctx, 1); err == nil {
		t.Error("audit entry deleted")
	}
	// Reopening (another instance starting) must not loosen the stream.
	if _, err := Open(ctx, js, Options{}); err != nil {
		t.Fatal(err)
	}
	info, _ := s.Info(ctx)
	if !info.Config.DenyDelete || !info.Config.DenyPurge || info.State.Msgs != 4 {
		t.Errorf("stream after reopen: %+v %+v", info.Config, info.State)
	}
}

// TestGuard drives the HTTP side: CSRF, login, cookies, throttling, me,
// audit route, bad credentials.
func TestGuard(t *testing.T) {
	st, _, _ := openStore(t)
	ctx := context.Background()
	st.AddAccount(ctx, NewAccount{Name: "admin", Roles: []Role{Admin}, Password: "mật khẩu quản trị"})
	st.AddAccount(ctx, NewAccount{Name: "lan", Roles: []Role{Clerk}, Units: []string{"a"}, Password: "mật khẩu văn thư"})
	g, err := NewGuard(st, GuardOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	g.Routes(mux)
	mux.Handle("POST /v1/thing", g.Require(Upload, ActUpload, func(w http.ResponseWriter, r *http.Request) {
		if err := Check(r.Context(), Upload, "", r.URL.Query().Get("unit")); err != nil {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		Note(r.Context(), "d9", r.URL.Query().Get("unit"))
		w.WriteHeader(http.StatusAccepted)
	}))
	srv := httptest.NewServer(g.Protect(mux))
	defer srv.Close()

	do := func(method, path, ctype, body string, hdr map[string]string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	form := "application/x-www-form-urlencoded"
	login := func(name, pw string, hdr map[string]string) *http.Response {
		return do("POST", "/v1/login", form, url.Values{"name": {name}, "password": {pw}}.Encode(), hdr)
	}
	if r := login("lan", "sai rồi", nil); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong password: %d", r.StatusCode)
	}
	// A login form posted from another site is refused (CSRF).
	if r := login("lan", "mật khẩu văn thư", map[string]string{"Sec-Fetch-Site": "cross-site"}); r.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site login: %d", r.StatusCode)
	}
	r := login("lan", "mật khẩu văn thư", map[string]string{"Sec-Fetch-Site": "same-origin"})
	if r.StatusCode != http.StatusOK {
		t.Fatalf("login: %d", r.StatusCode)
	}
	var cookie *http.Cookie
	for _, c := range r.Cookies() {
		if c.Name == CookieName {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure {
		t.Fatalf("cookie %+v (Secure only over TLS)", cookie)
	}
	withCookie := map[string]string{"Cookie": CookieName + "=" + cookie.Value}
	if r := do("GET", "/v1/me", "", "", withCookie); r.StatusCode != http.StatusOK {
		t.Errorf("me: %d", r.StatusCode)
	}
	if r := do("POST", "/v1/thing?unit=a", "", "", withCookie); r.StatusCode != http.StatusAccepted {
		t.Errorf("upload own unit: %d", r.StatusCode)
	}
	if r := do("POST", "/v1/thing?unit=b", "", "", withCookie); r.StatusCode != http.StatusForbidden {
		t.Errorf("upload other unit: %d", r.StatusCode)
	}
	crossSite := map[string]string{"Cookie": withCookie["Cookie"], "Sec-Fetch-Site": "cross-site"}
	if r := do("POST", "/v1/thing?unit=a", "", "", crossSite); r.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST with the cookie: %d", r.StatusCode)
	}
	if r := do("GET", "/v1/audit", "", "", withCookie); r.StatusCode != http.StatusForbidden {
		t.Errorf("clerk reads audit: %d", r.StatusCode)
	}
	for _, bad := range []map[string]string{
		{"Authorization": "Bearer hoso_nope"}, {"Authorization": "Basic YTpi"}, {"Cookie": CookieName + "=forged"},
	} {
		if r := do("GET", "/v1/me", "", "", bad); r.StatusCode != http.StatusUnauthorized {
			t.Errorf("%v: %d", bad, r.StatusCode)
		}
	}
	if r := do("GET", "/v1/me", "", "", nil); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous me: %d", r.StatusCode)
	}
	if r := do("POST", "/v1/logout", "", "", withCookie); r.StatusCode != http.StatusNoContent {
		t.Errorf("logout: %d", r.StatusCode)
	}
	if r := do("GET", "/v1/me", "", "", withCookie); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("after logout: %d", r.StatusCode)
	}

	// Throttled logins answer 429 with Retry-After.
	for range DefaultAccountFails {
		login("admin", "sai", nil)
	}
	if r := login("admin", "mật khẩu quản trị", nil); r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" {
		t.Errorf("throttled login: %d %q", r.StatusCode, r.Header.Get("Retry-After"))
	}
	entries, _ := st.ReadAudit(ctx, AuditFilter{})
	count := map[string]int{}
	for _, e := range entries {
		count[string(e.Action)+"/"+e.Outcome]++
	}
	for k, n := range map[string]int{"login/ok": 1, "login_failed/failed": 1 + DefaultAccountFails, "login_failed/denied": 1,
		"upload/ok": 1, "upload/denied": 1, "audit_read/denied": 1, "logout/ok": 1} {
		if count[k] != n {
			t.Errorf("audit %s: %d, want %d (all: %v)", k, count[k], n, count)
		}
	}
}

// TestWebGuard: what a web layer uses — its own Guard with a Deny hook
// (redirect to the login page), LogIn from its own form, password change.
func TestWebGuard(t *testing.T) {
	st, _, _ := openStore(t)
	ctx := context.Background()
	st.AddAccount(ctx, NewAccount{Name: "hoa", Roles: []Role{Reviewer}, Units: []string{"a"}, Password: "mật khẩu ban đầu"})
	g, _ := NewGuard(st, GuardOptions{Deny: func(w http.ResponseWriter, r *http.Request, status int) {
		if status == http.StatusUnauthorized {
			http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
			return
		}
		http.Error(w, "Không có quyền", status)
	}})
	mux := http.NewServeMux()
	g.Routes(mux)
	mux.Handle("GET /ho-so", g.Require(Read, ActList, func(w http.ResponseWriter, r *http.Request) {}))
	mux.Handle("GET /quan-tri", g.Require(Accounts, ActAccountEdit, func(w http.ResponseWriter, r *http.Request) {}))
	mux.HandleFunc("POST /dang-nhap", func(w http.ResponseWriter, r *http.Request) {
		if _, err := g.LogIn(w, r, r.FormValue("ten"), r.FormValue("mat-khau")); err != nil {
			http.Error(w, "Sai", http.StatusUnauthorized)
			return
		}
		http.Redirect(w, r, "/ho-so", http.StatusSeeOther)
	})
	h := g.Protect(mux)
	serve := func(method, target, body, cookie string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		if body != "" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		rr := httptest.NewRecorder()
		h.ServeHTTP(rr, req)
		return rr
	}
	if rr := serve("GET", "/ho-so", "", ""); rr.Code != http.StatusSeeOther || rr.Header().Get("Location") != "/dang-nhap" {
		t.Errorf("anonymous page: %d %v", rr.Code, rr.Header())
	}
	rr := serve("POST", "/dang-nhap", "ten=hoa&mat-khau="+url.QueryEscape("mật khẩu ban đầu"), "")
	cookies := rr.Result().Cookies()
	if rr.Code != http.StatusSeeOther || len(cookies) != 1 {
		t.Fatalf("form login: %d %v", rr.Code, cookies)
	}
	c := CookieName + "=" + cookies[0].Value
	if rr := serve("GET", "/ho-so", "", c); rr.Code != http.StatusOK {
		t.Errorf("page after login: %d", rr.Code)
	}
	if rr := serve("GET", "/quan-tri", "", c); rr.Code != http.StatusForbidden {
		t.Errorf("admin page as reviewer: %d", rr.Code)
	}
	// Changing the password ends the old session and hands out a new one.
	rr = serve("POST", "/v1/password", "old="+url.QueryEscape("mật khẩu ban đầu")+"&new="+url.QueryEscape("mật khẩu mới đủ dài"), c)
	if rr.Code != http.StatusNoContent || len(rr.Result().Cookies()) != 1 {
		t.Fatalf("password change: %d %s", rr.Code, rr.Body)
	}
	if rr := serve("GET", "/ho-so", "", c); rr.Code != http.StatusSeeOther {
		t.Errorf("old session after a password change: %d", rr.Code)
	}
	if rr := serve("GET", "/ho-so", "", CookieName+"="+rr.Result().Cookies()[0].Value); rr.Code != http.StatusOK {
		t.Errorf("new session: %d", rr.Code)
	}
}

// TestStaleCookie: a browser holding an ended session can still log in.
func TestStaleCookie(t *testing.T) {
	st, _, _ := openStore(t)
	ctx := context.Background()
	st.AddAccount(ctx, NewAccount{Name: "lan", Roles: []Role{Clerk}, Units: []string{"a"}, Password: "mật khẩu văn thư"})
	g, _ := NewGuard(st, GuardOptions{})
	mux := http.NewServeMux()
	g.Routes(mux)
	h := g.Protect(mux)
	req := httptest.NewRequest("POST", "/v1/login", strings.NewReader(url.Values{"name": {"lan"}, "password": {"mật khẩu văn thư"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Cookie", CookieName+"=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	rr := httptest.NewRecorder()
	h.ServeHTTP(rr, req)
	if rr.Code != http.StatusOK {
		t.Errorf("login with a stale cookie: %d %s", rr.Code, rr.Body)
	}
}

func TestAddrClass(t *testing.T) {
	for in, want := range map[string]string{
		"192.0.2.1": "192.0.2.1", "2001:db8:1:2:3:4:5:6": "2001:db8:1:2::/64", "2001:db8:1:2::9": "2001:db8:1:2::/64",
		"::ffff:192.0.2.1": "::ffff:192.0.2.1", "không-phải-ip": "không-phải-ip",
	} {
		if got := addrClass(in); got != want {
			t.Errorf("addrClass(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAdminAPI: the administrator's routes, never a password hash out,
// each act in the trail with its target; a clerk is refused.
func TestAdminAPI(t *testing.T) {
	st, _, _ := openStore(t)
	ctx := context.Background()
	st.AddAccount(ctx, NewAccount{Name: "admin", Roles: []Role{Admin}, Password: "mật khẩu quản trị"})
	st.AddAccount(ctx, NewAccount{Name: "lan", Roles: []Role{Clerk}, Units: []string{"a"}, Password: "mật khẩu văn thư"})
	g, _ := NewGuard(st, GuardOptions{})
	mux := http.NewServeMux()
	g.Routes(mux)
	h := g.Protect(mux)
	session := func(name, pw string) string {
		secret, _, err := st.Login(ctx, name, pw, "192.0.2.1")
		if err != nil {
			t.Fatalf("login %s: %v", name, err)
		}
		return CookieName + "=" + secret
	}
	admin, clerk := session("admin", "mật khẩu quản trị"), session("lan", "mật khẩu văn thư")
	call := func(cookie, method, target, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Cookie", cookie)
		rr := httptest.NewRecorder()
		h.ServeHTTP(rr, req)
		return rr
	}
	rr := call(admin, "POST", "/v1/accounts", `{"name":"hoa","full_name":"Trần Thị Hoa","roles":["chuyen_vien"],"units":["a","b"]}`)
	var made struct{ Name, Password string }
	json.Unmarshal(rr.Body.Bytes(), &made)
	if rr.Code != http.StatusCreated || made.Password == "" {
		t.Fatalf("add account: %d %s", rr.Code, rr.Body)
	}
	if rr := call(admin, "POST", "/v1/accounts", `{"name":"hoa","roles":["chuyen_vien"]}`); rr.Code != http.StatusConflict {
		t.Errorf("second add: %d", rr.Code)
	}
	if rr := call(admin, "POST", "/v1/accounts", `{"name":"x","roles":["vua"]}`); rr.Code != http.StatusBadRequest {
		t.Errorf("unknown role: %d", rr.Code)
	}
	session("hoa", made.Password)
	rr = call(admin, "GET", "/v1/accounts", "")
	if rr.Code != http.StatusOK || strings.Contains(rr.Body.String(), "argon2") || !strings.Contains(rr.Body.String(), "Trần Thị Hoa") {
		t.Errorf("list accounts: %d %s", rr.Code, rr.Body)
	}
	if rr := call(admin, "POST", "/v1/accounts/hoa/disable", ""); rr.Code != http.StatusNoContent {
		t.Errorf("disable: %d", rr.Code)
	}
	if _, _, err := st.Login(ctx, "hoa", made.Password, "192.0.2.2"); !errors.Is(err, ErrBadLogin) {
		t.Errorf("disabled login: %v", err)
	}
	call(admin, "POST", "/v1/accounts/hoa/enable", "")
	rr = call(admin, "POST", "/v1/accounts/hoa/reset", "")
	json.Unmarshal(rr.Body.Bytes(), &made)
	session("hoa", made.Password)
	if rr := call(admin, "POST", "/v1/accounts/khong-co/reset", ""); rr.Code != http.StatusNotFound {
		t.Errorf("reset of nobody: %d", rr.Code)
	}

	st.AddAccount(ctx, NewAccount{Name: "robot", Roles: []Role{System}, Units: []string{AllUnits}})
	rr = call(admin, "POST", "/v1/accounts/robot/tokens", `{"scopes":["read"],"units":["a"],"ttl":"720h","label":"báo cáo"}`)
	var tok struct {
		ID    string
		Token string
	}
	json.Unmarshal(rr.Body.Bytes(), &tok)
	if rr.Code != http.StatusCreated || !strings.HasPrefix(tok.Token, "hoso_") {
		t.Fatalf("token: %d %s", rr.Code, rr.Body)
	}
	if p, err := st.tokenPrincipal(ctx, tok.Token); err != nil || !p.Can(Read, "a") || p.Can(Read, "b") {
		t.Errorf("token principal %+v %v", p, err)
	}
	if rr := call(admin, "GET", "/v1/tokens", ""); rr.Code != http.StatusOK || strings.Contains(rr.Body.String(), tok.Token) {
		t.Errorf("token list: %d, secret shown: %v", rr.Code, strings.Contains(rr.Body.String(), tok.Token))
	}
	if rr := call(admin, "POST", "/v1/tokens/"+tok.ID+"/revoke", ""); rr.Code != http.StatusNoContent {
		t.Errorf("revoke: %d", rr.Code)
	}
	if rr := call(admin, "POST", "/v1/units", `{"id":"chi-bo-a","name":"Chi bộ A"}`); rr.Code != http.StatusNoContent {
		t.Errorf("unit: %d %s", rr.Code, rr.Body)
	}
	if rr := call(admin, "GET", "/v1/units", ""); !strings.Contains(rr.Body.String(), "Chi bộ A") {
		t.Errorf("units: %s", rr.Body)
	}
	for _, p := range []string{"/v1/accounts", "/v1/tokens", "/v1/units"} {
		if rr := call(clerk, "GET", p, ""); rr.Code != http.StatusForbidden {
			t.Errorf("clerk GET %s: %d", p, rr.Code)
		}
	}
	if rr := call(clerk, "POST", "/v1/accounts/lan/reset", ""); rr.Code != http.StatusForbidden {
		t.Errorf("clerk resets a password: %d", rr.Code)
	}
	entries, _ := st.ReadAudit(ctx, AuditFilter{Actor: "admin"})
	targets := map[string]bool{}
	for _, e := range entries {
		targets[string(e.Action)+" "+e.Target+" "+e.Outcome] = true
	}
	for _, want := range []string{"account_add hoa ok", "account_add hoa failed", "account_edit hoa ok", "password_reset hoa ok",
		"token_create token:" + tok.ID + " ok", "token_revoke token:" + tok.ID + " ok", "unit_edit unit:chi-bo-a ok"} {
		if !targets[want] {
			t.Errorf("audit lacks %q; has %v", want, targets)
		}
	}
}

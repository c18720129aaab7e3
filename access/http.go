package access

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hoso-vn/hoso"
)

// CookieName is the session cookie.
const CookieName = "hoso_session"

// GuardOptions configure a Guard; the zero value trusts no proxy.
type GuardOptions struct {
	// TrustedProxies are the addresses of reverse proxies whose
	// X-Forwarded-For and X-Forwarded-Proto headers are believed. From
	// anyone else those headers are ignored.
	TrustedProxies []netip.Prefix
	// TrustedOrigins may send state-changing browser requests from
	// another origin (e.g. "https://hoso.example.vn" behind a proxy that
	// rewrites Host). See http.CrossOriginProtection.
	TrustedOrigins []string
	Logger         *slog.Logger
	// Deny, when set, answers refused requests (401, 403, and 403 for a
	// cross-origin post) instead of the JSON error: a web page redirects
	// to its login form or renders its own page. A web layer and the JSON
	// API each use their own Guard over one Store.
	Deny func(w http.ResponseWriter, r *http.Request, status int)
}

// Guard is the HTTP face of a Store: it authenticates requests (session
// cookie or bearer token), protects state-changing browser requests
// against CSRF, checks permissions, and writes the audit trail. A web
// layer wraps its mux with Protect and each route with Require, the way
// ingest's API does.
type Guard struct {
	st      *Store
	opt     GuardOptions
	csrf    *http.CrossOriginProtection
	hashing chan struct{} // bounds concurrent password hashing
}

// NewGuard returns the Guard of st.
func NewGuard(st *Store, opt GuardOptions) (*Guard, error) {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	g := &Guard{st: st, opt: opt, csrf: http.NewCrossOriginProtection(), hashing: make(chan struct{}, 2)}
	for _, o := range opt.TrustedOrigins {
		if err := g.csrf.AddTrustedOrigin(o); err != nil {
			return nil, fmt.Errorf("access: trusted origin: %w", err)
		}
	}
	g.csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g.deny(w, r, http.StatusForbidden, errCrossOrigin)
	}))
	return g, nil
}

// Store returns the Store the Guard reads.
func (g *Guard) Store() *Store { return g.st }

var (
	errUnauthenticated = &hoso.ErrorInfo{Code: "unauthenticated", Message: "Cần đăng nhập hoặc mã truy cập (API token).", English: "Log in or give an API token."}
	errForbidden       = &hoso.ErrorInfo{Code: "forbidden", Message: "Tài khoản không có quyền này.", English: "Your account may not do this."}
	errCrossOrigin     = &hoso.ErrorInfo{Code: "cross_origin", Message: "Yêu cầu từ trang khác bị từ chối.", English: "Cross-origin request refused."}
	errBadLogin        = &hoso.ErrorInfo{Code: "bad_login", Message: "Sai tên đăng nhập hoặc mật khẩu.", English: "Wrong account name or password."}
	errThrottled       = &hoso.ErrorInfo{Code: "throttled", Message: "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau.", English: "Too many failed logins, retry later."}
	errUnavailable     = &hoso.ErrorInfo{Code: hoso.ETRANSIENT, Message: "Hệ thống tạm thời không ghi được nhật ký, vui lòng thử lại sau.", English: "The audit trail is unavailable, retry later."}
	errBadRequest      = &hoso.ErrorInfo{Code: hoso.EINVALID, Message: "Yêu cầu không hợp lệ.", English: "Invalid request."}
)

// deny answers a refusal: through GuardOptions.Deny when set.
func (g *Guard) deny(w http.ResponseWriter, r *http.Request, status int, info *hoso.ErrorInfo) {
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="hoso"`)
	}
	if g.opt.Deny != nil {
		g.opt.Deny(w, r, status)
		return
	}
	writeError(w, status, info)
}

func writeError(w http.ResponseWriter, status int, info *hoso.ErrorInfo) {
	writeJSON(w, status, struct {
		Error *hoso.ErrorInfo `json:"error"`
	}{info})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

type ctxKey struct{}

// request is what the Guard knows of one request, kept in its context.
type request struct {
	g      *Guard
	p      *Principal
	addr   string
	action Action

	mu       sync.Mutex
	dossier  string
	unit     string
	target   string
	denied   bool
	recorded bool
}

func fromContext(ctx context.Context) *request {
	r, _ := ctx.Value(ctxKey{}).(*request)
	return r
}

// PrincipalOf returns who makes the request, nil when anonymous.
func PrincipalOf(ctx context.Context) *Principal {
	if r := fromContext(ctx); r != nil {
		return r.p
	}
	return nil
}

// Allowed reports whether the request's principal may act with perm on a
// dossier of unit. It records nothing: use it to filter lists.
func Allowed(ctx context.Context, perm Permission, unit string) bool {
	return PrincipalOf(ctx).Can(perm, unit)
}

// ErrForbidden is returned by Check for an act outside the principal's
// permissions or units. Handlers answer 404 where the dossier's existence
// itself must not leak, 403 otherwise.
var ErrForbidden = errors.New("access: forbidden")

// ErrAuditUnavailable is returned by Check when the act could not be
// written to the audit trail: the handler must not disclose anything.
var ErrAuditUnavailable = errors.New("access: audit trail unavailable")

// Check decides whether the request may act with perm on dossier (id, or
// "" before it exists) of unit, and ties both to the request's audit
// entry. A refusal is recorded as denied. For a disclosure (a route
// registered with ActView or ActDownload) an allowed act is recorded at
// once, before any personal data leaves: ErrAuditUnavailable then means
// "answer 503". Other acts are recorded when the handler returns.
func Check(ctx context.Context, perm Permission, dossier, unit string) error {
	r := fromContext(ctx)
	if r == nil {
		return ErrForbidden // no Guard in front: fail closed
	}
	r.mu.Lock()
	r.dossier, r.unit = dossier, unit
	ok := r.p.Can(perm, unit)
	r.denied = !ok
	disclose := ok && r.g != nil && (r.action == ActView || r.action == ActDownload)
	if disclose {
		r.recorded = true
	}
	r.mu.Unlock()
	if !ok {
		return ErrForbidden
	}
	if disclose {
		if err := r.g.st.Record(ctx, r.entry(http.StatusOK)); err != nil {
			r.g.opt.Logger.Error("access: audit trail refused a disclosure; refusing the request", "err", err)
			return ErrAuditUnavailable
		}
	}
	return nil
}

// Unguarded serves h as a principal with every role in every unit,
// recording nothing: for tests, and for embedding behind another gate.
// Never in front of users.
func Unguarded(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := &request{p: &Principal{Roles: Roles(), Units: []string{AllUnits}}}
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, req)))
	})
}

// Note ties a dossier to the request's audit entry once the handler knows
// it (an upload's new id).
func Note(ctx context.Context, dossier, unit string) {
	if r := fromContext(ctx); r != nil {
		r.mu.Lock()
		r.dossier, r.unit = dossier, unit
		r.mu.Unlock()
	}
}

func (r *request) entry(status int) Entry {
	e := Entry{Action: r.action, Addr: r.addr, Dossier: r.dossier, Unit: r.unit, Target: r.target, Status: status}
	if r.p != nil {
		e.Actor, e.Via = r.p.Account, r.p.via()
	}
	switch {
	case r.denied || status == http.StatusForbidden:
		e.Outcome = OutcomeDenied
	case status >= 400:
		e.Outcome = OutcomeFailed
	default:
		e.Outcome = OutcomeOK
	}
	return e
}

func (p *Principal) via() string {
	switch {
	case p.Token != "":
		return "token:" + p.Token
	case p.Session != "":
		return "session:" + p.Session
	}
	return ""
}

// Protect wraps the whole HTTP handler: CSRF protection for every
// state-changing browser request, and authentication of whatever
// credential the request carries (a bearer token wins over a cookie). A
// bearer token that does not authenticate is refused with 401 at once,
// rather than treated as anonymous; a session cookie that names no live
// session is cleared and the request goes on anonymous. Routes that need a
// principal say so with Require.
func (g *Guard) Protect(h http.Handler) http.Handler {
	return g.csrf.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := &request{g: g, addr: g.ClientAddr(r)}
		p, err := g.authenticate(r)
		switch {
		case errors.Is(err, ErrNoSession):
			// An expired or revoked session: the browser forgets the
			// cookie and the request goes on anonymous, so the login form
			// itself still works; protected routes answer 401.
			clearCookie(w, g.secure(r))
			p, err = nil, nil
		case errors.Is(err, ErrBadToken):
			g.deny(w, r, http.StatusUnauthorized, errUnauthenticated)
			return
		case err != nil:
			g.opt.Logger.Error("access: authenticate", "err", err)
			writeError(w, http.StatusServiceUnavailable, &hoso.ErrorInfo{Code: hoso.ETRANSIENT,
				Message: "Tạm thời không kiểm tra được đăng nhập, vui lòng thử lại sau.", English: "Cannot check credentials now, retry later."})
			return
		}
		req.p = p
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, req)))
	}))
}

// bearer returns the token of an Authorization: Bearer header.
func bearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(tok), true
}

func (g *Guard) authenticate(r *http.Request) (*Principal, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		tok, ok := bearer(h)
		if !ok {
			return nil, ErrBadToken
		}
		return g.st.tokenPrincipal(r.Context(), tok)
	}
	if c, err := r.Cookie(CookieName); err == nil && c.Value != "" {
		return g.st.sessionPrincipal(r.Context(), c.Value)
	}
	return nil, nil
}

// Require wraps a route: 401 without a principal, 403 when no role of the
// principal holds perm for any unit (perm "" asks only for a principal), and an audit entry of action when
// the handler returns (unless Check recorded it already). Unit checks are
// the handler's, through Check or Allowed, once it knows the dossier.
func (g *Guard) Require(perm Permission, action Action, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := fromContext(r.Context())
		if req == nil {
			// Registered without Protect around it: a wiring mistake that
			// must not turn into an open route.
			writeError(w, http.StatusInternalServerError, &hoso.ErrorInfo{Code: hoso.EINTERNAL, Message: "Lỗi cấu hình.", English: "Server misconfigured."})
			return
		}
		if req.p == nil {
			g.deny(w, r, http.StatusUnauthorized, errUnauthenticated)
			return
		}
		req.action = action
		if perm != "" && !req.p.Holds(perm) {
			req.denied = true
			g.record(r.Context(), req, http.StatusForbidden)
			g.deny(w, r, http.StatusForbidden, errForbidden)
			return
		}
		sw := &statusWriter{ResponseWriter: w}
		h(sw, r)
		req.mu.Lock()
		done := req.recorded
		req.mu.Unlock()
		if !done && action != "" {
			g.record(r.Context(), req, sw.status())
		}
	})
}

func (g *Guard) record(ctx context.Context, req *request, status int) {
	// The request's context may be cancelled by now (client gone); the
	// entry is still owed.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := g.st.Record(ctx, req.entry(status)); err != nil {
		g.opt.Logger.Error("access: audit trail", "action", req.action, "dossier", req.dossier, "err", err)
	}
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.code == 0 {
		s.code = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.code == 0 {
		s.code = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *statusWriter) status() int {
	if s.code == 0 {
		return http.StatusOK
	}
	return s.code
}

// Unwrap lets http.ResponseController reach the real writer.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// ClientAddr returns the client's IP address: the connection's peer, or,
// when the peer is a trusted proxy, the last X-Forwarded-For hop that is
// not one.
func (g *Guard) ClientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !g.trusted(peer) {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if !g.trusted(a) {
			return a.String()
		}
	}
	return host
}

func (g *Guard) trusted(a netip.Addr) bool {
	for _, p := range g.opt.TrustedProxies {
		if p.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}

// secure tells whether the browser reached us over HTTPS, directly or
// through a trusted proxy.
func (g *Guard) secure(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	a, err := netip.ParseAddr(host)
	return err == nil && g.trusted(a) && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

func clearCookie(w http.ResponseWriter, secure bool) {
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode})
}

// LoginRequest is the body of POST /v1/login, JSON or a form.
type LoginRequest struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

// maxLoginBody bounds what a login reads: a name and a password.
const maxLoginBody = 4 << 10

// ParseLogin reads a login request from its content type and body, as
// JSON ({"name","password"}) or a urlencoded form (name=…&password=…).
func ParseLogin(contentType string, body []byte) (LoginRequest, error) {
	var lr LoginRequest
	if len(body) > maxLoginBody {
		return lr, fmt.Errorf("%w: login request too large", ErrInvalid)
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return lr, fmt.Errorf("%w: content type: %v", ErrInvalid, err)
	}
	switch mt {
	case "application/json":
		if err := json.Unmarshal(body, &lr); err != nil {
			return lr, fmt.Errorf("%w: %v", ErrInvalid, err)
		}
	case "application/x-www-form-urlencoded":
		v, err := url.ParseQuery(string(body))
		if err != nil {
			return lr, fmt.Errorf("%w: %v", ErrInvalid, err)
		}
		lr.Name, lr.Password = v.Get("name"), v.Get("password")
	default:
		return lr, fmt.Errorf("%w: content type %q", ErrInvalid, mt)
	}
	lr.Name = strings.ToLower(strings.TrimSpace(lr.Name))
	if lr.Name == "" || lr.Password == "" || CheckName(lr.Name) != nil || len(lr.Password) > 1024 {
		return lr, fmt.Errorf("%w: name and password required", ErrInvalid)
	}
	return lr, nil
}

// Router is what routes are registered on: an *http.ServeMux, or a list
// that records their patterns for the API contract's test.
type Router interface {
	Handle(pattern string, h http.Handler)
	HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request))
}

// Routes registers the account routes on mux:
//
//	POST /v1/login    name + password → session cookie (throttled)
//	POST /v1/logout   ends the session
//	GET  /v1/me       who am I: account, roles, units
//	POST /v1/password old + new password; ends every session, starts a new one
//	GET  /v1/audit?dossier=&account=&action=&since=&until=&limit=  (Audit)
//	/v1/accounts…, /v1/tokens…, /v1/units  administration (Accounts; see adminRoutes)
func (g *Guard) Routes(mux Router) {
	mux.HandleFunc("POST /v1/login", g.login)
	mux.HandleFunc("POST /v1/logout", g.logout)
	mux.Handle("GET /v1/me", g.Require("", "", g.me))
	mux.Handle("POST /v1/password", g.Require("", ActPasswordEdit, g.password))
	mux.Handle("GET /v1/audit", g.Require(Audit, ActAuditRead, g.auditRoute))
	g.adminRoutes(mux)
}

func (g *Guard) login(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxLoginBody))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, errBadRequest)
		return
	}
	lr, err := ParseLogin(r.Header.Get("Content-Type"), body)
	if err != nil {
		writeError(w, http.StatusBadRequest, errBadRequest)
		return
	}
	a, err := g.LogIn(w, r, lr.Name, lr.Password)
	var te *ThrottledError
	switch {
	case errors.As(err, &te):
		w.Header().Set("Retry-After", strconv.Itoa(int(te.RetryAfter.Seconds()+0.999)))
		writeError(w, http.StatusTooManyRequests, errThrottled)
		return
	case errors.Is(err, ErrBadLogin):
		writeError(w, http.StatusUnauthorized, errBadLogin)
		return
	case err != nil:
		writeError(w, http.StatusServiceUnavailable, errUnavailable)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Account    string   `json:"account"`
		Roles      []Role   `json:"roles"`
		Units      []string `json:"units"`
		MustChange bool     `json:"must_change,omitempty"`
	}{a.Name, a.Roles, a.Units, a.MustChange})
}

// LogIn checks a name and password (throttled, see Store.Login), records
// the attempt in the audit trail and, on success, sets the session cookie
// on w. Errors: ErrBadLogin, *ThrottledError, or a store failure. A web
// layer's login form calls it after its own parsing.
func (g *Guard) LogIn(w http.ResponseWriter, r *http.Request, name, password string) (*Account, error) {
	addr := g.ClientAddr(r)
	select {
	case g.hashing <- struct{}{}:
		defer func() { <-g.hashing }()
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
	secret, a, err := g.st.Login(r.Context(), name, password, addr)
	e := Entry{Action: ActLogin, Actor: name, Addr: addr, Status: http.StatusOK}
	var te *ThrottledError
	switch {
	case errors.As(err, &te):
		e.Action, e.Outcome, e.Status = ActLoginFailed, OutcomeDenied, http.StatusTooManyRequests
	case errors.Is(err, ErrBadLogin):
		e.Action, e.Outcome, e.Status = ActLoginFailed, OutcomeFailed, http.StatusUnauthorized
	case err != nil:
		g.opt.Logger.Error("access: login", "err", err)
		return nil, err
	}
	g.recordEntry(r.Context(), e)
	if err != nil {
		return nil, err
	}
	g.setCookie(w, r, secret)
	return a, nil
}

func (g *Guard) recordEntry(ctx context.Context, e Entry) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := g.st.Record(ctx, e); err != nil {
		g.opt.Logger.Error("access: audit trail", "action", e.Action, "err", err)
	}
}

func (g *Guard) logout(w http.ResponseWriter, r *http.Request) {
	if err := g.LogOut(w, r); err != nil {
		writeError(w, http.StatusServiceUnavailable, errUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// LogOut ends the request's session, records it and clears the cookie.
func (g *Guard) LogOut(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(CookieName); err == nil {
		if err := g.st.EndSession(r.Context(), c.Value); err != nil {
			return err
		}
		if p := PrincipalOf(r.Context()); p != nil {
			g.recordEntry(r.Context(), Entry{Action: ActLogout, Actor: p.Account, Via: p.via(), Addr: g.ClientAddr(r)})
		}
	}
	clearCookie(w, g.secure(r))
	return nil
}

// password changes the caller's own password: {"old","new"} as JSON, or
// a form with old= and new=. Tokens cannot.
func (g *Guard) password(w http.ResponseWriter, r *http.Request) {
	p := PrincipalOf(r.Context())
	if p.Token != "" {
		writeError(w, http.StatusForbidden, errForbidden)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxLoginBody))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, errBadRequest)
		return
	}
	var req struct{ Old, New string }
	switch mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt {
	case "application/json":
		err = json.Unmarshal(body, &req)
	default:
		var v url.Values
		if v, err = url.ParseQuery(string(body)); err == nil {
			req.Old, req.New = v.Get("old"), v.Get("new")
		}
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, errBadRequest)
		return
	}
	switch err := g.st.ChangePassword(r.Context(), p.Account, req.Old, req.New); {
	case errors.Is(err, ErrBadLogin):
		writeError(w, http.StatusUnauthorized, errBadLogin)
	case errors.Is(err, ErrInvalid):
		writeError(w, http.StatusBadRequest, &hoso.ErrorInfo{Code: hoso.EINVALID,
			Message: fmt.Sprintf("Mật khẩu mới cần ít nhất %d ký tự.", MinPasswordLen), English: fmt.Sprintf("The new password needs at least %d characters.", MinPasswordLen)})
	case err != nil:
		g.opt.Logger.Error("access: change password", "err", err)
		writeError(w, http.StatusServiceUnavailable, errUnavailable)
	default:
		// Every session ended with the old password, this one too: hand
		// out a fresh one.
		secret, _, err := g.st.CreateSession(r.Context(), p.Account, g.ClientAddr(r))
		if err != nil {
			writeError(w, http.StatusServiceUnavailable, errUnavailable)
			return
		}
		g.setCookie(w, r, secret)
		w.WriteHeader(http.StatusNoContent)
	}
}

func (g *Guard) setCookie(w http.ResponseWriter, r *http.Request, secret string) {
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: secret, Path: "/",
		MaxAge: int(g.st.opt.SessionMaxAge.Seconds()), HttpOnly: true, Secure: g.secure(r), SameSite: http.SameSiteLaxMode})
}

func (g *Guard) me(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, PrincipalOf(r.Context()))
}

func (g *Guard) auditRoute(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := AuditFilter{Dossier: q.Get("dossier"), Actor: q.Get("account"), Action: Action(q.Get("action"))}
	var err error
	if f.Since, err = parseTime(q.Get("since")); err == nil {
		f.Until, err = parseTime(q.Get("until"))
	}
	if err == nil && q.Get("limit") != "" {
		f.Limit, err = strconv.Atoi(q.Get("limit"))
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, errBadRequest)
		return
	}
	entries, err := g.st.ReadAudit(r.Context(), f)
	if err != nil {
		g.opt.Logger.Error("access: read audit", "err", err)
		writeError(w, http.StatusServiceUnavailable, errUnavailable)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Entries []Entry `json:"entries"`
	}{entries})
}

// parseTime reads RFC 3339 or YYYY-MM-DD; "" is the zero time.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, s)
}

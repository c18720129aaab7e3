package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/render"
	"github.com/hoso-vn/hoso/validate"
	"github.com/nats-io/nats.go/jetstream"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Converter turns a DOCX into a PDF (render.Converter, process.PDFPool).
type Converter interface {
	PDF(ctx context.Context, docx []byte) ([]byte, error)
}

// Options configure the workspace.
type Options struct {
	// Service is the running pipeline: its states, configuration and
	// queue. Required.
	Service *ingest.Service
	// Store holds the uploads and the letters. Required.
	Store ingest.Store
	// JS holds the workspace's KV buckets (corrections, register).
	JS jetstream.JetStream
	// Access is the accounts store; the workspace makes its own Guard
	// over it, answering refusals with pages instead of JSON.
	Access *access.Store
	Guard  access.GuardOptions
	// Rules and Issuer are the defaults when no rule set or issuer profile
	// was uploaded in the administration page.
	Rules  *validate.RuleSet
	Issuer *render.Issuer
	// PDF makes the letters' PDFs and the DOCX sources' page images; nil
	// makes DOCX letters only.
	PDF Converter
	// Pdftoppm is the poppler program rendering page images; "" looks
	// for "pdftoppm" in PATH.
	Pdftoppm string
	Now      func() time.Time
	Logger   *slog.Logger
}

// Server is the workspace: the Vietnamese web pages clerks, reviewers,
// signers and administrators use.
type Server struct {
	opt    Options
	cfg    ingest.Config
	guard  *access.Guard
	st     stores
	states jetstream.KeyValue
	tmpl   map[string]*template.Template
	h      http.Handler
	log    *slog.Logger

	mu    sync.Mutex
	names map[string]summary // record key → what the inbox shows of it
	pdfs  map[string][]byte  // sha256 of a DOCX source → its PDF
	ocr   map[string]ocrPage // sha256 of a page image → Tesseract's words
}

// summary is what the inbox shows of a record; kept in memory only.
type summary struct {
	Name     string
	Warnings int
}

// New returns the workspace of opt.
func New(ctx context.Context, opt Options) (*Server, error) {
	if opt.Service == nil || opt.Store == nil || opt.JS == nil || opt.Access == nil {
		return nil, errors.New("web: Service, Store, JS and Access are required")
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Rules == nil {
		opt.Rules = validate.Default()
	}
	if opt.Issuer == nil {
		opt.Issuer = render.DefaultIssuer()
	}
	s := &Server{opt: opt, cfg: opt.Service.Config(), log: opt.Logger, names: map[string]summary{}}
	var err error
	if s.st, err = openStores(ctx, opt.JS, s.cfg.Replicas); err != nil {
		return nil, err
	}
	if s.states, err = opt.JS.KeyValue(ctx, s.cfg.StateBucket); err != nil {
		return nil, fmt.Errorf("web: open %s: %w", s.cfg.StateBucket, err)
	}
	gopt := opt.Guard
	gopt.Deny = s.deny
	if gopt.Logger == nil {
		gopt.Logger = opt.Logger
	}
	if s.guard, err = access.NewGuard(opt.Access, gopt); err != nil {
		return nil, err
	}
	if s.tmpl, err = parseTemplates(s.cfg.Location); err != nil {
		return nil, err
	}
	s.h = s.routes()
	return s, nil
}

// Handler serves the workspace alone.
func (s *Server) Handler() http.Handler { return s.h }

// With serves the workspace and, under /v1/, /healthz, /readyz and
// /metrics, api (the JSON API of ingest).
func (s *Server) With(api http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case strings.HasPrefix(p, "/v1/"), p == "/healthz", p == "/readyz", p == "/metrics":
			api.ServeHTTP(w, r)
		default:
			s.h.ServeHTTP(w, r)
		}
	})
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	g := s.guard
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(http.FileServerFS(static))))
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.loginPost)
	mux.Handle("POST /logout", g.Require("", "", s.logout))
	mux.Handle("GET /password", g.Require("", "", s.passwordPage))
	mux.Handle("POST /password", g.Require("", access.ActPasswordEdit, s.passwordPost))
	mux.Handle("GET /{$}", g.Require(access.Read, access.ActList, s.inbox))
	mux.Handle("GET /events", g.Require(access.Read, "", s.events))
	mux.Handle("GET /upload", g.Require(access.Upload, "", s.uploadPage))
	mux.Handle("POST /upload", g.Require(access.Upload, access.ActUpload, s.uploadPost))
	mux.Handle("GET /d/{id}", g.Require(access.Read, access.ActView, s.dossierPage))
	mux.Handle("GET /d/{id}/status", g.Require(access.Read, "", s.statusJSON))
	mux.Handle("GET /d/{id}/letter", g.Require(access.Read, access.ActDownload, s.letter))
	mux.Handle("GET /d/{id}/page", g.Require(access.Read, "", s.pageImage))
	mux.Handle("GET /d/{id}/letter.png", g.Require(access.Read, "", s.letterImage))
	mux.Handle("GET /d/{id}/notice", g.Require(access.Read, access.ActView, s.notice))
	// The correction writes its own audit entry, with field, old and new
	// value and reason, which the guard's entry cannot carry.
	mux.Handle("POST /d/{id}/correct", g.Require(access.Correct, "", s.correct))
	mux.Handle("POST /d/{id}/add", g.Require(access.Upload, access.ActUpload, s.addFiles))
	mux.Handle("POST /d/{id}/approve", g.Require(access.Approve, access.ActApprove, s.approve))
	mux.Handle("GET /register", g.Require(access.Read, access.ActList, s.registerPage))
	mux.Handle("GET /register.csv", g.Require(access.Read, access.ActList, s.registerCSV))
	mux.Handle("GET /collect", g.Require(access.Read, access.ActDownload, s.collect))
	mux.Handle("GET /admin", g.Require(access.Accounts, access.ActAccountList, s.adminPage))
	mux.Handle("POST /admin/accounts", g.Require(access.Accounts, access.ActAccountAdd, s.adminAccount))
	mux.Handle("POST /admin/units", g.Require(access.Accounts, access.ActUnitEdit, s.adminUnit))
	mux.Handle("POST /admin/issuer", g.Require(access.Rules, "", s.adminIssuer))
	mux.Handle("POST /admin/rules", g.Require(access.Rules, "", s.adminRules))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, "Không tìm thấy trang này.")
	})
	return g.Protect(securityHeaders(mux))
}

func cacheFor(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// securityHeaders keeps the pages out of frames of other sites and
// scripts to our own files.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "same-origin")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'; object-src 'self'")
		h.ServeHTTP(w, r)
	})
}

// deny answers a refusal of the guard: the login page for a 401 on a
// page, a Vietnamese error page otherwise.
func (s *Server) deny(w http.ResponseWriter, r *http.Request, status int) {
	if status == http.StatusUnauthorized && r.Method == http.MethodGet && r.Header.Get("Accept") != "text/event-stream" {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	msg := "Bạn không có quyền làm việc này."
	switch {
	case status == http.StatusUnauthorized:
		msg = "Cần đăng nhập trước."
	case status == http.StatusForbidden && r.Method == http.MethodPost && access.PrincipalOf(r.Context()) == nil:
		msg = "Yêu cầu bị từ chối: biểu mẫu không gửi từ trang của hệ thống (chống giả mạo yêu cầu)."
	}
	s.errorPage(w, r, status, msg)
}

// page is what every template gets.
type page struct {
	Title string
	Nav   string
	P     *access.Principal
	Flash string
	Error string
	Data  any
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	t, ok := s.tmpl[name]
	if !ok {
		http.Error(w, "template "+name, http.StatusInternalServerError)
		return
	}
	if p.P == nil {
		p.P = access.PrincipalOf(r.Context())
	}
	if p.Flash == "" {
		p.Flash = r.URL.Query().Get("ok")
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.Error("web: template", "name", name, "err", err)
		http.Error(w, "Lỗi hiển thị trang / page error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	io.Copy(w, &buf)
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	titles := map[int]string{400: "Yêu cầu không hợp lệ", 401: "Cần đăng nhập", 403: "Không có quyền",
		404: "Không tìm thấy", 409: "Xung đột", 503: "Tạm thời không phục vụ được"}
	t := titles[status]
	if t == "" {
		t = "Lỗi"
	}
	s.render(w, r, status, "error", page{Title: t, Error: msg, Data: status})
}

// fail answers err as a page: 404 for a missing dossier, 400 for a user's
// mistake, 503 for the rest.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, ingest.ErrNotFound), errors.Is(err, access.ErrForbidden):
		s.errorPage(w, r, http.StatusNotFound, "Không tìm thấy hồ sơ (hoặc hồ sơ không thuộc đơn vị của bạn).")
	case hoso.Code(err) == hoso.EINVALID:
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
	default:
		s.log.Error("web: request failed", "path", r.URL.Path, "err", err)
		s.errorPage(w, r, http.StatusServiceUnavailable, "Hệ thống tạm thời không xử lý được yêu cầu, vui lòng thử lại sau.")
	}
}

// issuer returns the issuer profile in force: the uploaded one, else the
// default.
func (s *Server) issuer(ctx context.Context) *render.Issuer {
	if b, err := s.st.config(ctx, "issuer"); err == nil && len(b) > 0 {
		if iss, err := render.ParseIssuer(b, "issuer.yaml"); err == nil {
			return iss
		}
	}
	c := *s.opt.Issuer
	return &c
}

// rules returns the rule set in force for corrections.
func (s *Server) rules(ctx context.Context) *validate.RuleSet {
	if b, err := s.st.config(ctx, "rules"); err == nil && len(b) > 0 {
		if rs, err := validate.Load(bytes.NewReader(b)); err == nil {
			return rs
		}
	}
	return s.opt.Rules
}

func (s *Server) now() time.Time { return s.opt.Now().In(s.cfg.Location) }

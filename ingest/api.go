package ingest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/process"
	"github.com/hoso-vn/hoso/schema"
	"github.com/nats-io/nats.go"
)

// Handler returns the HTTP API:
//
//	GET  /v1/dossiers?status=&verdict=&origin=&limit=  states, newest first (limit 1000)
//	GET  /v1/dossiers/{id}                       state, rule outcomes, letter keys, error
//	GET  /v1/dossiers/{id}/letter[?format=pdf]   the letter
//	POST /v1/dossiers                            multipart upload: "file" and "origin" (before it is cheaper: streamed)
//	GET  /healthz, /readyz, /metrics
//	GET  /v1/openapi.json, /v1/asyncapi.json, /v1/schema/{record,event}.json  the contracts
//
// Errors are JSON {"error":{"code","message","message_en"}} with the
// Vietnamese message first.
//
// Handler serves without access control (tests, or embedding behind
// another gate); hoso's commands serve HandlerWith.
func (s *Service) Handler() http.Handler { return s.handler(nil) }

func (s *Service) handler(g *access.Guard) http.Handler {
	mux := http.NewServeMux()
	s.routes(mux, g)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		// The catch-all matches every method, so the mux's own 405 never
		// fires: tell a wrong method from a wrong path here.
		if allow := allowed(mux, r); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeJSON(w, http.StatusMethodNotAllowed, apiError{&hoso.ErrorInfo{Code: hoso.EINVALID,
				Message: "Phương thức " + r.Method + " không dùng được ở đây; dùng " + strings.Join(allow, ", ") + ".",
				English: "method " + r.Method + " not allowed here; use " + strings.Join(allow, ", ") + "."}})
			return
		}
		s.httpError(w, r, errNoRoute)
	})
	if g != nil {
		return s.natsDown(g.Protect(mux))
	}
	return s.natsDown(mux)
}

// natsDown answers 503 at once, with Retry-After, on the /v1/ routes
// while the NATS connection is down: every one of them reads NATS (state,
// accounts, sessions, the audit trail), and a request used to wait for it
// until the client gave up. The contract documents need no NATS.
func (s *Service) natsDown(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.js != nil && strings.HasPrefix(r.URL.Path, "/v1/") && !contractPath(r.URL.Path) {
			if nc := s.js.Conn(); nc != nil && !nc.IsConnected() {
				w.Header().Set("Retry-After", "5")
				writeJSON(w, http.StatusServiceUnavailable, apiError{&hoso.ErrorInfo{Code: hoso.ETRANSIENT,
					Message: "Tạm thời không kết nối được máy chủ NATS; vui lòng thử lại sau ít phút.",
					English: "NATS is unreachable for now; retry in a few minutes."}})
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func contractPath(p string) bool {
	return p == "/v1/openapi.json" || p == "/v1/asyncapi.json" || strings.HasPrefix(p, "/v1/schema/")
}

// Routes lists the patterns the API serves behind a guard ("GET
// /v1/dossiers", …), the catch-all aside, in registration order: the test
// of the published OpenAPI document (schema/openapi.json) walks them.
func Routes() []string {
	var rl routeList
	(&Service{}).routes(&rl, &access.Guard{})
	return rl
}

type routeList []string

func (rl *routeList) Handle(pattern string, _ http.Handler) { *rl = append(*rl, pattern) }
func (rl *routeList) HandleFunc(pattern string, _ func(http.ResponseWriter, *http.Request)) {
	*rl = append(*rl, pattern)
}

// routes registers every route but the catch-all on mux.
func (s *Service) routes(mux access.Router, g *access.Guard) {
	mux.Handle("GET /v1/dossiers", s.route(g, access.Read, access.ActList, s.list))
	mux.Handle("GET /v1/dossiers/{id}", s.route(g, access.Read, access.ActView, s.get))
	mux.Handle("GET /v1/dossiers/{id}/letter", s.route(g, access.Read, access.ActDownload, s.letter))
	mux.Handle("POST /v1/dossiers", s.route(g, access.Upload, access.ActUpload, s.upload))
	if g != nil {
		g.Routes(mux)
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if why := s.Stalled(); why != "" {
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "stalled: "+why+"\n")
			return
		}
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", s.ready)
	mux.HandleFunc("GET /metrics", s.metrics)
	// The contracts, open like /healthz: they hold no personal data and a
	// client generator must reach them before it has a token.
	mux.HandleFunc("GET /v1/openapi.json", serveDoc(schema.OpenAPIJSON, "application/json"))
	mux.HandleFunc("GET /v1/asyncapi.json", serveDoc(schema.AsyncAPIJSON, "application/json"))
	mux.HandleFunc("GET /v1/schema/{name}", func(w http.ResponseWriter, r *http.Request) {
		switch r.PathValue("name") {
		case "record.json":
			serveDoc(schema.RecordJSON, "application/schema+json")(w, r)
		case "event.json":
			serveDoc(schema.EventJSON, "application/schema+json")(w, r)
		default:
			s.httpError(w, r, errNoRoute)
		}
	})
}

func serveDoc(b []byte, ctype string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "max-age=300")
		w.Write(b)
	}
}

var errNoRoute = fmt.Errorf("%w: no such route", ErrNotFound)

// allowed lists the methods for which mux has a route at r's path.
func allowed(mux *http.ServeMux, r *http.Request) []string {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "" && pattern != "/" {
			allow = append(allow, m)
		}
	}
	return allow
}

// MaxNameBytes bounds one segment of an object key (an origin, a file
// name): what file systems allow, so a folder store never fails on a
// name S3 would take.
const MaxNameBytes = 255

// ValidID reports whether id has the form of a dossier id (DossierID):
// 24 characters of the base32 alphabet a–z, 2–7. Only such ids reach NATS
// (as KV keys), so no request can put a long or odd token on the wire.
func ValidID(id string) bool { return process.ValidID(id) }

var errBadID = hoso.Errorf(hoso.EINVALID, "Mã hồ sơ không hợp lệ (24 ký tự a–z, 2–7)",
	"invalid dossier id (24 characters a–z, 2–7)")

// pathID returns the request's {id}, or writes a 400 and returns "".
func (s *Service) pathID(w http.ResponseWriter, r *http.Request) string {
	id := r.PathValue("id")
	if !ValidID(id) {
		s.httpError(w, r, errBadID)
		return ""
	}
	return id
}

// httpStatus maps an error to a status code: the one place where error
// codes meet HTTP.
func httpStatus(err error) int {
	if errors.Is(err, ErrNotFound) {
		return http.StatusNotFound
	}
	if errors.Is(err, access.ErrForbidden) {
		return http.StatusForbidden
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	switch hoso.Code(err) {
	case hoso.EINVALID:
		return http.StatusBadRequest
	case hoso.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case hoso.EUNSUPPORTED:
		return http.StatusUnsupportedMediaType
	case hoso.EUNREADABLE, hoso.EEMPTY, hoso.EENCRYPTED, hoso.ENOTDOSSIER:
		return http.StatusUnprocessableEntity
	case hoso.ETRANSIENT:
		return http.StatusServiceUnavailable
	case hoso.ETIMEOUT:
		return http.StatusRequestTimeout // only a client too slow to send gets here
	}
	return http.StatusInternalServerError
}

type apiError struct {
	Error *hoso.ErrorInfo `json:"error"`
}

func (s *Service) httpError(w http.ResponseWriter, r *http.Request, err error) {
	status := httpStatus(err)
	info := hoso.Info(err)
	switch {
	case status == http.StatusNotFound:
		info = &hoso.ErrorInfo{Code: "not_found", Message: "Không tìm thấy.", English: "Not found."}
	case status == http.StatusForbidden:
		info = &hoso.ErrorInfo{Code: "forbidden", Message: "Tài khoản không có quyền gửi hồ sơ vào đơn vị này.", English: "Your account may not upload into this unit."}
	case status == http.StatusRequestEntityTooLarge && hoso.Code(err) != hoso.ETOOLARGE:
		info = &hoso.ErrorInfo{Code: hoso.ETOOLARGE, Message: "Tệp quá lớn.", English: "File too large."}
	case status == http.StatusInternalServerError:
		// Internal details stay in the log.
		s.log.Error("ingest: api", "path", r.URL.Path, "err", err)
		info = &hoso.ErrorInfo{Code: hoso.EINTERNAL, Message: "Lỗi nội bộ, vui lòng thử lại sau.", English: "Internal error, please retry later."}
	}
	writeJSON(w, status, apiError{info})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func (s *Service) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := Filter{Status: Status(q.Get("status")), Verdict: hoso.Verdict(q.Get("verdict")), Origin: q.Get("origin")}
	if len(f.Origin) > MaxNameBytes {
		s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "đơn vị gửi quá dài (tối đa %d byte)", "origin too long (at most %d bytes)", MaxNameBytes))
		return
	}
	switch f.Status {
	case "", StatusReceived, StatusExtracting, StatusValidated, StatusRendered, StatusFailed, StatusDeadLetter,
		StatusDuplicate, StatusSuperseded, StatusWithdrawn:
	default:
		s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "trạng thái %q không hợp lệ", "unknown status %q", f.Status))
		return
	}
	switch f.Verdict {
	case "", hoso.VerdictEligible, hoso.VerdictIneligible, hoso.VerdictIncomplete, hoso.VerdictRejected:
	default:
		s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "kết luận %q không hợp lệ", "unknown verdict %q", f.Verdict))
		return
	}
	states, err := s.states.List(r.Context(), f)
	if err != nil {
		s.httpError(w, r, transient(err, "đọc trạng thái", "read states"))
		return
	}
	states = visible(r.Context(), states)
	limit := 1000
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 {
			s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "limit %q không hợp lệ", "invalid limit %q", l))
			return
		}
		limit = n
	}
	slices.SortFunc(states, func(a, b *State) int {
		return cmp.Or(b.Updated.Compare(a.Updated), strings.Compare(a.ID, b.ID))
	})
	total := len(states)
	if len(states) > limit {
		states = states[:limit]
	}
	if states == nil {
		states = []*State{}
	}
	writeJSON(w, http.StatusOK, struct {
		Dossiers []*State `json:"dossiers"`
		Total    int      `json:"total"` // matching dossiers, before the limit
	}{states, total})
}

// Dossier is the answer of GET /v1/dossiers/{id}: the state plus what
// record.json says about the rules.
type Dossier struct {
	*State
	Window   []int              `json:"window,omitempty"`
	RuleSet  string             `json:"rule_set,omitempty"`
	Rules    []hoso.RuleOutcome `json:"rules,omitempty"`
	Warnings []hoso.Warning     `json:"warnings,omitempty"`
}

func (s *Service) get(w http.ResponseWriter, r *http.Request) {
	id := s.pathID(w, r)
	if id == "" {
		return
	}
	st, err := s.states.Get(r.Context(), id)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	if err := checkDossier(r, access.Read, st); err != nil {
		s.httpError(w, r, err)
		return
	}
	d := Dossier{State: st}
	if st.Record != "" {
		rec, err := s.record(r.Context(), st.Record)
		if err != nil && !errors.Is(err, ErrNotFound) {
			s.httpError(w, r, err)
			return
		}
		if rec != nil {
			d.Window, d.RuleSet, d.Rules, d.Warnings = rec.Window, rec.RuleSet, rec.Rules, rec.Warnings
		}
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Service) record(ctx context.Context, key string) (*hoso.Record, error) {
	rc, _, err := s.store.Get(ctx, s.cfg.LetterBucket, key)
	if err != nil {
		return nil, transientUnlessMissing(err)
	}
	defer rc.Close()
	var rec hoso.Record
	if err := json.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(&rec); err != nil {
		return nil, fmt.Errorf("ingest: decode %s: %w", key, err)
	}
	return &rec, nil
}

func transientUnlessMissing(err error) error {
	if errors.Is(err, ErrNotFound) {
		return err
	}
	return transient(err, "đọc kho lưu trữ", "read the store")
}

func (s *Service) letter(w http.ResponseWriter, r *http.Request) {
	id := s.pathID(w, r)
	if id == "" {
		return
	}
	st, err := s.states.Get(r.Context(), id)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	if err := checkDossier(r, access.Read, st); err != nil {
		s.httpError(w, r, err)
		return
	}
	key, ext, ctype := st.DOCX, "docx", TypeDOCX
	if r.URL.Query().Get("format") == "pdf" {
		key, ext, ctype = st.PDF, "pdf", TypePDF
	}
	if key == "" {
		s.httpError(w, r, fmt.Errorf("%w: dossier %s has no %s letter", ErrNotFound, st.ID, ext))
		return
	}
	rc, info, err := s.store.Get(r.Context(), s.cfg.LetterBucket, key)
	if err != nil {
		s.httpError(w, r, transientUnlessMissing(err))
		return
	}
	defer rc.Close()
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment",
		map[string]string{"filename": fmt.Sprintf("%s-%s.%s", st.LetterKind, st.ID, ext)}))
	if info.ETag != "" {
		w.Header().Set("ETag", `"`+info.ETag+`"`)
	}
	if rs, ok := rc.(io.ReadSeeker); ok {
		// Ranges and If-None-Match for free: both stores hand out seekers.
		http.ServeContent(w, r, "", info.ModTime, rs)
		return
	}
	if info.Size >= 0 {
		w.Header().Set("Content-Length", fmt.Sprint(info.Size))
	}
	io.Copy(w, rc)
}

// upload stores a multipart file in the upload bucket and queues it. The
// key is "<origin>/<file name>" (just the name without origin).
func (s *Service) upload(w http.ResponseWriter, r *http.Request) {
	body := &bodyReader{r: http.MaxBytesReader(w, r.Body, s.cfg.MaxObjectSize+1<<20), rc: http.NewResponseController(w),
		start: time.Now(), idle: s.cfg.BodyIdle, minRate: s.cfg.BodyMinRate}
	r.Body = body
	mr, err := r.MultipartReader()
	if err != nil {
		s.httpError(w, r, hoso.Wrap(err, hoso.EINVALID, "cần gửi tệp dạng multipart/form-data", "expected a multipart/form-data upload"))
		return
	}
	// The body is streamed: a file whose origin came before it goes to
	// the store as it arrives. A file first is spooled to a temporary
	// file until the end of the form, so an origin after it still counts
	// (clients do not all keep form order).
	var (
		origin, name, ctype string
		sawOrigin           bool
		spool               *os.File
	)
	defer func() {
		if spool != nil {
			spool.Close()
			os.Remove(spool.Name())
		}
	}()
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.httpError(w, r, body.clientErr(err))
			return
		}
		switch part.FormName() {
		case "origin":
			b, err := io.ReadAll(io.LimitReader(part, MaxNameBytes+1))
			if err != nil {
				s.httpError(w, r, body.clientErr(err))
				return
			}
			origin, sawOrigin = strings.TrimSpace(string(b)), true
			if len(origin) > MaxNameBytes {
				s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "đơn vị gửi quá dài (tối đa %d byte)", "origin too long (at most %d bytes)", MaxNameBytes))
				return
			}
			if origin != "" && (strings.Contains(origin, "/") || checkKey(origin) != nil || hidden(origin) || !utf8.ValidString(origin)) {
				s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "đơn vị gửi %q không hợp lệ", "invalid origin %q", origin))
				return
			}
		case "file":
			if spool != nil {
				s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "mỗi lần chỉ gửi một tệp", "one file per upload"))
				return
			}
			name = cleanName(part.FileName())
			if name == "" {
				s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "thiếu tên tệp", "the file has no name"))
				return
			}
			if len(name) > MaxNameBytes || !utf8.ValidString(name) {
				s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "tên tệp quá dài hoặc không hợp lệ (%d byte, tối đa %d)",
					"file name too long or invalid (%d bytes, at most %d)", len(name), MaxNameBytes))
				return
			}
			ctype = part.Header.Get("Content-Type")
			if ctype == "" {
				ctype = "application/octet-stream"
			}
			if sawOrigin {
				s.keyUpload(w, r, origin, name, ctype, part, body)
				return
			}
			if spool, err = os.CreateTemp("", "hoso-upload-*"); err != nil {
				s.httpError(w, r, transient(err, "lưu tệp tạm", "spool the upload"))
				return
			}
			if _, err := io.Copy(spool, partReader{part, body}); err != nil {
				if body.err != nil {
					err = body.clientErr(err)
				} else {
					err = transient(err, "lưu tệp tạm", "spool the upload")
				}
				s.httpError(w, r, err)
				return
			}
		}
	}
	if spool == nil {
		s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "thiếu trường \"file\"", "missing form field \"file\""))
		return
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		s.httpError(w, r, transient(err, "đọc tệp tạm", "read the spooled upload"))
		return
	}
	s.keyUpload(w, r, origin, name, ctype, spool, body)
}

// keyUpload decides the key of an upload from its origin (or the
// caller's one unit) and file name, then stores it.
func (s *Service) keyUpload(w http.ResponseWriter, r *http.Request, origin, name, ctype string, part io.Reader, body *bodyReader) {
	origin, err := uploadOrigin(r, origin)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	key := name
	if origin != "" {
		key = origin + "/" + name
	}
	if len(key) > 1024 || checkKey(key) != nil {
		s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "tên tệp không hợp lệ hoặc quá dài", "file name invalid or too long"))
		return
	}
	s.storeUpload(w, r, key, ctype, part, body)
}

// storeUpload writes the body to the upload bucket and queues it. The
// content type is only informative: extract detects the type from content.
func (s *Service) storeUpload(w http.ResponseWriter, r *http.Request, key, ctype string, part io.Reader, body *bodyReader) {
	ctx := r.Context()
	key, err := s.freeKey(ctx, key)
	if err != nil {
		s.httpError(w, r, err)
		return
	}
	info, err := s.putUnknownSize(ctx, s.cfg.UploadBucket, key, partReader{part, body}, ctype)
	if err != nil {
		var mbe *http.MaxBytesError
		switch {
		case body.err != nil:
			// The client stopped sending, too slowly or too early: its
			// mistake, not the store's.
			s.httpError(w, r, body.clientErr(err))
		case errors.As(err, &mbe) || hoso.Code(err) == hoso.EINVALID:
			s.httpError(w, r, err)
		default:
			s.httpError(w, r, transient(err, "lưu tệp", "store the file"))
		}
		return
	}
	if body.err != nil {
		s.httpError(w, r, body.clientErr(body.err))
		return
	}
	u := Upload{EventName: "s3:ObjectCreated:Put", Bucket: s.cfg.UploadBucket, Key: key, Size: info.Size,
		ETag: info.ETag, VersionID: info.VersionID, Time: info.ModTime}
	// MinIO (or the folder watcher) announces the file as well; the
	// dossier id makes the two announcements one dossier.
	if err := s.Enqueue(ctx, u, "hoso-api"); err != nil {
		s.log.Warn("ingest: upload stored but not queued; the reconciler will", "dossier", u.ID(), "err", err)
	}
	id := u.ID()
	access.Note(ctx, id, u.Origin())
	w.Header().Set("Location", "/v1/dossiers/"+id)
	writeJSON(w, http.StatusAccepted, struct {
		ID     string `json:"id"`
		Bucket string `json:"bucket"`
		Key    string `json:"key"`
		Size   int64  `json:"size"`
		Status string `json:"status_url"`
	}{id, s.cfg.UploadBucket, key, info.Size, "/v1/dossiers/" + id})
}

// cleanName keeps the last element of a client's file name, without
// control characters; "" when nothing usable is left.
func cleanName(n string) string {
	n = strings.ReplaceAll(n, `\`, "/")
	n = path.Base(n)
	n = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, n)
	n = strings.TrimSpace(n)
	if n == "." || n == "/" || n == ".." || hidden(n) {
		return ""
	}
	return n
}

func (s *Service) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	checks := map[string]string{"nats": "ok", "store": "ok", "workers": "ok"}
	ok := true
	if why := s.Stalled(); why != "" {
		checks["workers"], ok = why, false
	}
	if nc := s.js.Conn(); nc == nil || nc.Status() != nats.CONNECTED {
		checks["nats"], ok = "disconnected", false
	} else if _, err := s.js.AccountInfo(ctx); err != nil {
		checks["nats"], ok = "jetstream: "+err.Error(), false
	}
	for _, err := range s.store.List(ctx, s.cfg.UploadBucket, "") {
		if err != nil {
			checks["store"], ok = err.Error(), false
		}
		break
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusServiceUnavailable
	}
	writeJSON(w, status, struct {
		Ready  bool              `json:"ready"`
		Checks map[string]string `json:"checks"`
	}{ok, checks})
}

func (s *Service) metrics(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	var q queueDepth
	if c, err := s.js.Consumer(ctx, s.cfg.UploadStream, s.cfg.Consumer); err == nil {
		if ci, err := c.Info(ctx); err == nil {
			q.ok = true
			q.pending, q.ackPending, q.redelivered = ci.NumPending, uint64(ci.NumAckPending), uint64(ci.NumRedelivered)
			if ds, err := s.js.Stream(ctx, s.cfg.DeadStream); err == nil {
				if di, err := ds.Info(ctx); err == nil {
					q.dead = di.State.Msgs
				}
			}
		}
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.m.write(w, q)
}

// bodyReader bounds how an upload's body is read: a read deadline that
// moves with each read (a client that stops sending is cut off after
// idle) and a minimum average rate after the first idle period (a body
// trickled a byte at a time is cut off too). It remembers the first read
// error, so a failed store write can be told from a broken upload.
type bodyReader struct {
	r       io.ReadCloser
	rc      *http.ResponseController
	start   time.Time
	idle    time.Duration
	minRate int64 // bytes per second
	n       int64
	err     error
}

var errSlowBody = errors.New("upload body arrives too slowly")

func (b *bodyReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.idle > 0 {
		b.rc.SetReadDeadline(time.Now().Add(b.idle))
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	if el := time.Since(b.start); err == nil && b.minRate > 0 && el > b.idle && b.n < int64(el.Seconds()*float64(b.minRate)) {
		err = errSlowBody
	}
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}

func (b *bodyReader) Close() error { return b.r.Close() }

// partReader reads a multipart part, keeping its first error in the body's:
// a body cut before the closing boundary fails here, not in the body.
type partReader struct {
	r io.Reader
	b *bodyReader
}

func (p partReader) Read(buf []byte) (int, error) {
	n, err := p.r.Read(buf)
	if err != nil && err != io.EOF && p.b.err == nil {
		p.b.err = err
	}
	return n, err
}

// clientErr explains a body that could not be read, as the client's fault.
func (b *bodyReader) clientErr(err error) error {
	if b.err != nil {
		err = b.err
	}
	var mbe *http.MaxBytesError
	var ne interface{ Timeout() bool }
	switch {
	case errors.As(err, &mbe):
		return err
	case errors.Is(err, errSlowBody) || errors.As(err, &ne) && ne.Timeout():
		return hoso.Wrap(err, hoso.ETIMEOUT, "Tệp gửi lên quá chậm; hãy gửi lại", "the upload arrived too slowly; send it again")
	}
	return hoso.Wrap(err, hoso.EINVALID, "Dữ liệu tải lên bị cắt cụt hoặc không hợp lệ; hãy gửi lại",
		"the upload is truncated or malformed; send it again")
}

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
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/hoso-vn/hoso"
	"github.com/nats-io/nats.go"
)

// Handler returns the HTTP API:
//
//	GET  /v1/dossiers?status=&verdict=&origin=&limit=  states, newest first (limit 1000)
//	GET  /v1/dossiers/{id}                       state, rule outcomes, letter keys, error
//	GET  /v1/dossiers/{id}/letter[?format=pdf]   the letter
//	POST /v1/dossiers                            multipart upload: "file", and "origin" before it
//	GET  /healthz, /readyz, /metrics
//
// Errors are JSON {"error":{"code","message","message_en"}} with the
// Vietnamese message first.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/dossiers", s.list)
	mux.HandleFunc("GET /v1/dossiers/{id}", s.get)
	mux.HandleFunc("GET /v1/dossiers/{id}/letter", s.letter)
	mux.HandleFunc("POST /v1/dossiers", s.upload)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", s.ready)
	mux.HandleFunc("GET /metrics", s.metrics)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.httpError(w, r, errNoRoute)
	})
	return mux
}

var errNoRoute = fmt.Errorf("%w: no such route", ErrNotFound)

// httpStatus maps an error to a status code: the one place where error
// codes meet HTTP.
func httpStatus(err error) int {
	if errors.Is(err, ErrNotFound) {
		return http.StatusNotFound
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
		return http.StatusGatewayTimeout
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
	switch f.Status {
	case "", StatusReceived, StatusExtracting, StatusValidated, StatusRendered, StatusFailed, StatusDeadLetter:
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
	st, err := s.states.Get(r.Context(), r.PathValue("id"))
	if err != nil {
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
	st, err := s.states.Get(r.Context(), r.PathValue("id"))
	if err != nil {
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
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxObjectSize+1<<20)
	mr, err := r.MultipartReader()
	if err != nil {
		s.httpError(w, r, hoso.Wrap(err, hoso.EINVALID, "cần gửi tệp dạng multipart/form-data", "expected a multipart/form-data upload"))
		return
	}
	var origin string
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.httpError(w, r, hoso.Wrap(err, hoso.EINVALID, "dữ liệu tải lên không hợp lệ", "malformed upload"))
			return
		}
		switch part.FormName() {
		case "origin":
			b, _ := io.ReadAll(io.LimitReader(part, 256))
			origin = strings.TrimSpace(string(b))
			if origin != "" && (strings.Contains(origin, "/") || checkKey(origin) != nil || hidden(origin)) {
				s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "đơn vị gửi %q không hợp lệ", "invalid origin %q", origin))
				return
			}
		case "file":
			name := cleanName(part.FileName())
			if name == "" {
				s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "thiếu tên tệp", "the file has no name"))
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
			ctype := part.Header.Get("Content-Type")
			if ctype == "" {
				ctype = "application/octet-stream"
			}
			s.storeUpload(w, r, key, ctype, part)
			return
		}
	}
	s.httpError(w, r, hoso.Errorf(hoso.EINVALID, "thiếu trường \"file\"", "missing form field \"file\""))
}

// storeUpload writes the body to the upload bucket and queues it. The
// content type is only informative: extract detects the type from content.
func (s *Service) storeUpload(w http.ResponseWriter, r *http.Request, key, ctype string, body io.Reader) {
	ctx := r.Context()
	info, err := s.store.Put(ctx, s.cfg.UploadBucket, key, body, -1, ctype)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) || hoso.Code(err) == hoso.EINVALID {
			s.httpError(w, r, err)
		} else {
			s.httpError(w, r, transient(err, "lưu tệp", "store the file"))
		}
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
	checks := map[string]string{"nats": "ok", "store": "ok"}
	ok := true
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

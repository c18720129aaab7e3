package web

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/internal/vntext"
	"github.com/nats-io/nats.go/jetstream"
)

// pageSize is the number of dossiers per inbox page.
const pageSize = 25

// row is one dossier in the inbox.
type row struct {
	ID, Unit, File, Name string
	Status               ingest.Status
	Verdict              hoso.Verdict
	Review               []string
	Warnings             int
	Created              time.Time
	Number               string
	Version              int
	Since                string // RFC 3339, while busy
}

type inboxData struct {
	Rows                     []row
	Units                    []string
	Q, Unit, Status, Verdict string
	Year                     string
	NeedsReview              bool
	Page, Pages, Total       int
	Prev, Next               string
	Statuses                 []ingest.Status
	Verdicts                 []hoso.Verdict
}

// visibleStates lists the states the request may read, newest first.
func (s *Server) visibleStates(ctx context.Context) ([]*ingest.State, error) {
	all, err := s.opt.Service.States().List(ctx, ingest.Filter{})
	if err != nil {
		return nil, err
	}
	all = slices.DeleteFunc(all, func(st *ingest.State) bool { return !access.Allowed(ctx, access.Read, st.Origin) })
	slices.SortFunc(all, func(a, b *ingest.State) int {
		return cmp.Or(b.Created.Compare(a.Created), strings.Compare(a.ID, b.ID))
	})
	return all, nil
}

// summaryOf reads what the inbox shows of a record (the candidate's name),
// once per record key.
func (s *Server) summaryOf(ctx context.Context, key string) summary {
	if key == "" {
		return summary{}
	}
	s.mu.Lock()
	sm, ok := s.names[key]
	s.mu.Unlock()
	if ok {
		return sm
	}
	rec, err := s.readRecord(ctx, key)
	if err != nil {
		return summary{}
	}
	sm = summary{Name: rec.Candidate.FullName, Warnings: len(rec.Warnings)}
	s.mu.Lock()
	if len(s.names) > 10000 {
		clear(s.names) // a bound, not a cache policy: records are re-read
	}
	s.names[key] = sm
	s.mu.Unlock()
	return sm
}

// rowOf joins a state with its workspace entry.
func (s *Server) rowOf(ctx context.Context, st *ingest.State) row {
	rw := row{ID: st.ID, Unit: st.Origin, File: fileName(st.Key), Status: st.Status, Verdict: st.Verdict,
		Review: st.Review, Created: st.Created, Version: 1, Since: viewOf(st).Since}
	key := st.Record
	if d, _, err := s.st.dossier(ctx, st.ID); err == nil {
		if n := len(d.Versions); n > 0 {
			v := d.Versions[n-1]
			rw.Verdict, rw.Review, rw.Version, key = v.Verdict, v.Review, v.N, v.Record
		}
		if d.Approval != nil {
			rw.Number = d.Approval.Text
		}
	}
	sm := s.summaryOf(ctx, key)
	rw.Name, rw.Warnings = sm.Name, sm.Warnings
	return rw
}

func fileName(key string) string {
	if i := strings.LastIndex(key, "/"); i >= 0 {
		return key[i+1:]
	}
	return key
}

func (s *Server) inbox(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	d := inboxData{Q: strings.TrimSpace(q.Get("q")), Unit: q.Get("unit"), Status: q.Get("status"),
		Verdict: q.Get("verdict"), Year: q.Get("year"), NeedsReview: q.Get("review") == "1",
		Statuses: []ingest.Status{ingest.StatusReceived, ingest.StatusExtracting, ingest.StatusRendered,
			ingest.StatusFailed, ingest.StatusDuplicate, ingest.StatusSuperseded, ingest.StatusWithdrawn, ingest.StatusDeadLetter},
		Verdicts: []hoso.Verdict{hoso.VerdictEligible, hoso.VerdictIneligible, hoso.VerdictIncomplete, hoso.VerdictRejected}}
	states, err := s.visibleStates(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	units := map[string]bool{}
	needle := vntext.Bare(d.Q)
	var rows []row
	for _, st := range states {
		units[st.Origin] = true
		if d.Unit != "" && st.Origin != d.Unit || d.Status != "" && string(st.Status) != d.Status {
			continue
		}
		if d.Year != "" && strconv.Itoa(st.Created.In(s.cfg.Location).Year()) != d.Year {
			continue
		}
		rw := s.rowOf(ctx, st)
		if d.Verdict != "" && string(rw.Verdict) != d.Verdict || d.NeedsReview && len(rw.Review) == 0 {
			continue
		}
		if needle != "" && !strings.Contains(vntext.Bare(rw.Name+" "+st.Key+" "+rw.Number), needle) {
			continue
		}
		rows = append(rows, rw)
	}
	for u := range units {
		d.Units = append(d.Units, u)
	}
	slices.Sort(d.Units)
	d.Total = len(rows)
	d.Pages = max(1, (len(rows)+pageSize-1)/pageSize)
	d.Page, _ = strconv.Atoi(q.Get("page"))
	d.Page = min(max(d.Page, 1), d.Pages)
	d.Rows = rows[min((d.Page-1)*pageSize, len(rows)):min(d.Page*pageSize, len(rows))]
	link := func(p int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("page", strconv.Itoa(p))
		return "/?" + v.Encode()
	}
	if d.Page > 1 {
		d.Prev = link(d.Page - 1)
	}
	if d.Page < d.Pages {
		d.Next = link(d.Page + 1)
	}
	s.render(w, r, http.StatusOK, "inbox", page{Title: "Hồ sơ", Nav: "inbox", Data: d})
}

// statusView is what the live updates and the upload page get of a state.
type statusView struct {
	ID          string   `json:"id"`
	Status      string   `json:"status"`
	StatusText  string   `json:"status_text"`
	Verdict     string   `json:"verdict,omitempty"`
	VerdictText string   `json:"verdict_text,omitempty"`
	Review      []string `json:"review,omitempty"`
	DuplicateOf string   `json:"duplicate_of,omitempty"`
	Busy        bool     `json:"busy"`
	Error       string   `json:"error,omitempty"`
	Unit        string   `json:"unit"`
	File        string   `json:"file"`
	// Since is when the dossier entered its status (RFC 3339), for the
	// elapsed time shown while a file is read.
	Since string `json:"since,omitempty"`
}

func viewOf(st *ingest.State) statusView {
	v := statusView{ID: st.ID, Status: string(st.Status), StatusText: statusText(st.Status), Verdict: string(st.Verdict),
		VerdictText: verdictText(st.Verdict), Review: st.Review, DuplicateOf: st.DuplicateOf, Busy: !st.Status.Final() && st.Status != ingest.StatusDeadLetter,
		Unit: st.Origin, File: fileName(st.Key)}
	if st.Error != nil {
		v.Error = st.Error.Message
	}
	if v.Busy {
		v.Since = st.Updated.UTC().Format(time.RFC3339)
	}
	return v
}

func (s *Server) statusJSON(w http.ResponseWriter, r *http.Request) {
	st, err := s.dossierState(r, access.Read)
	if err != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"error":"không tìm thấy / not found"}`))
		return
	}
	v := viewOf(st)
	if d, _, err := s.st.dossier(r.Context(), st.ID); err == nil && len(d.Versions) > 0 {
		last := d.Versions[len(d.Versions)-1]
		v.Verdict, v.VerdictText, v.Review = string(last.Verdict), verdictText(last.Verdict), last.Review
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(v)
}

// events streams state changes of the caller's dossiers as server-sent
// events, fed by a watch of the state KV bucket: one "state" event per
// change, a comment every 15 s to keep proxies from closing the stream.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rc := http.NewResponseController(w)
	watch, err := s.states.WatchAll(ctx, jetstream.UpdatesOnly(), jetstream.IgnoreDeletes())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer watch.Stop()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 3000\n\n")
	rc.Flush()
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		case e, ok := <-watch.Updates():
			if !ok {
				return
			}
			if e == nil {
				continue
			}
			var st ingest.State
			if json.Unmarshal(e.Value(), &st) != nil || !access.Allowed(ctx, access.Read, st.Origin) {
				continue
			}
			v := viewOf(&st)
			if d, _, err := s.st.dossier(ctx, st.ID); err == nil && len(d.Versions) > 0 {
				last := d.Versions[len(d.Versions)-1]
				v.Verdict, v.VerdictText, v.Review = string(last.Verdict), verdictText(last.Verdict), last.Review
			}
			b, _ := json.Marshal(v)
			fmt.Fprintf(w, "event: state\ndata: %s\n\n", b)
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// dossierState reads the {id} of the request and decides whether the
// caller may act on it with perm: ErrNotFound outside their units.
func (s *Server) dossierState(r *http.Request, perm access.Permission) (*ingest.State, error) {
	id := r.PathValue("id")
	if !ingest.ValidID(id) {
		return nil, fmt.Errorf("%w: bad id", ingest.ErrNotFound)
	}
	st, err := s.opt.Service.States().Get(r.Context(), id)
	if err != nil {
		return nil, err
	}
	switch err := access.Check(r.Context(), perm, st.ID, st.Origin); {
	case errors.Is(err, access.ErrForbidden):
		// The dossier's existence is not the caller's to learn, unless
		// they may read it and only lack this permission.
		if perm != access.Read && access.Allowed(r.Context(), access.Read, st.Origin) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: dossier %s", ingest.ErrNotFound, id)
	case err != nil:
		return nil, err
	}
	return st, nil
}

// dossierOf is dossierState with the workspace's record of the dossier:
// what every page of one dossier starts with.
func (s *Server) dossierOf(r *http.Request, perm access.Permission) (*ingest.State, *Dossier, error) {
	st, err := s.dossierState(r, perm)
	if err != nil {
		return nil, nil, err
	}
	d, _, err := s.st.dossier(r.Context(), st.ID)
	if err != nil {
		return nil, nil, err
	}
	return st, d, nil
}

func statusText(s ingest.Status) string {
	switch s {
	case ingest.StatusReceived:
		return "Đã nhận, chờ xử lý"
	case ingest.StatusExtracting:
		return "Đang đọc tệp (OCR)"
	case ingest.StatusValidated:
		return "Đang lập công văn"
	case ingest.StatusRendered:
		return "Đã xử lý xong"
	case ingest.StatusFailed:
		return "Không đọc được"
	case ingest.StatusDeadLetter:
		return "Tạm dừng do lỗi hệ thống"
	case ingest.StatusDuplicate:
		return "Trùng nội dung với hồ sơ đã có"
	case ingest.StatusSuperseded:
		return "Đã có bản mới thay thế"
	case ingest.StatusWithdrawn:
		return "Đã rút"
	}
	return string(s)
}

func verdictText(v hoso.Verdict) string {
	switch v {
	case hoso.VerdictEligible:
		return "Đủ điều kiện"
	case hoso.VerdictIneligible:
		return "Không đủ điều kiện"
	case hoso.VerdictIncomplete:
		return "Còn thiếu giấy tờ"
	case hoso.VerdictRejected:
		return "Không đọc được hồ sơ"
	}
	return ""
}

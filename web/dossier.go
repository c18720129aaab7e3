package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/process"
	"github.com/hoso-vn/hoso/render"
)

// readRecord reads a record.json from the letter bucket.
func (s *Server) readRecord(ctx context.Context, key string) (*hoso.Record, error) {
	rc, _, err := s.opt.Store.Get(ctx, s.cfg.LetterBucket, key)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var rec hoso.Record
	if err := json.NewDecoder(io.LimitReader(rc, 32<<20)).Decode(&rec); err != nil {
		return nil, fmt.Errorf("web: decode %s: %w", key, err)
	}
	return &rec, nil
}

// evView is one piece of evidence as the page shows it; Ref selects it.
type evView struct {
	hoso.Evidence
	Ref      int
	V        int // the version it belongs to
	Selected bool
	DocName  string
}

type fieldView struct {
	Label    string
	Value    string
	Field    string // correctable field name, "" when not correctable
	Evidence []evView
}

type ruleView struct {
	ID, Message, Citation string
	Outcome               hoso.Outcome
	Missing               []string
	Evidence              []evView
}

type versionView struct {
	Version
	Current bool
}

type dossierData struct {
	State    *ingest.State
	Status   statusView
	D        *Dossier
	Rec      *hoso.Record
	V        int // the version shown
	Latest   int
	Versions []versionView
	Fields   []fieldView
	Rules    []ruleView
	Warnings []struct {
		hoso.Warning
		Ev []evView
	}
	Docs       []hoso.Document
	Sel        *evView
	Source     *sourceView
	LetterPDF  string
	LetterDOCX string
	// LetterImage is page 1 of the letter as an image: a preview every
	// browser shows, phones included.
	LetterImage string
	Final       *Approval
	CanCorrect  bool
	CanApprove  bool
	CanAdd      bool
	Approvable  bool
	Years       []int
	Ratings     []hoso.Rating
	Awards      []hoso.AwardKind
	Kinds       []hoso.DocKind
	Signer      render.Signer
	Form        string
	Holder      string
}

// sourceView is the selected evidence's place in its source.
type sourceView struct {
	Image string // page image URL
	Box   *box   // highlight on it, in percent of the page
	Text  string // the block's text when there is no page image
	Note  string
}

// versionRecord returns the record key and letters of version v of the
// dossier (1 is the pipeline's).
func versionOf(st *ingest.State, d *Dossier, v int) (rec, docx, pdf string, ok bool) {
	if v <= 1 {
		return st.Record, st.DOCX, st.PDF, st.Record != ""
	}
	for _, x := range d.Versions {
		if x.N == v {
			return x.Record, x.DOCX, x.PDF, true
		}
	}
	return "", "", "", false
}

func latest(d *Dossier) int {
	if n := len(d.Versions); n > 0 {
		return d.Versions[n-1].N
	}
	return 1
}

func (s *Server) dossierPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, d, err := s.dossierOf(r, access.Read)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := dossierData{State: st, Status: viewOf(st), D: d, Latest: latest(d), Final: d.Approval,
		CanCorrect: access.Allowed(ctx, access.Correct, st.Origin),
		CanApprove: access.Allowed(ctx, access.Approve, st.Origin),
		CanAdd:     access.Allowed(ctx, access.Upload, st.Origin)}
	data.V, _ = strconv.Atoi(r.URL.Query().Get("v"))
	if data.V < 1 || data.V > data.Latest {
		data.V = data.Latest
	}
	data.Versions = append(data.Versions, versionView{Version: Version{N: 1, Verdict: st.Verdict, At: st.Updated, By: "hệ thống"}, Current: data.V == 1})
	for _, v := range d.Versions {
		data.Versions = append(data.Versions, versionView{Version: v, Current: v.N == data.V})
	}
	recKey, docx, pdf, ok := versionOf(st, d, data.V)
	if ok && recKey != "" {
		rec, err := s.readRecord(ctx, recKey)
		if err != nil && !errors.Is(err, ingest.ErrNotFound) {
			s.fail(w, r, err)
			return
		}
		data.Rec = rec
	}
	if docx != "" {
		data.LetterDOCX = fmt.Sprintf("/d/%s/letter?v=%d&format=docx", st.ID, data.V)
	}
	if pdf != "" {
		data.LetterPDF = fmt.Sprintf("/d/%s/letter?v=%d&format=pdf&inline=1", st.ID, data.V)
	}
	if pdf != "" || docx != "" && s.opt.PDF != nil {
		data.LetterImage = fmt.Sprintf("/d/%s/letter.png?v=%d&page=1", st.ID, data.V)
		if d.Approval != nil && d.Approval.Version == data.V {
			data.LetterImage = fmt.Sprintf("/d/%s/letter.png?final=1&page=1", st.ID)
		}
	}
	if data.Rec != nil {
		s.fillRecord(r, &data)
		_, letter := render.KindOf(data.Rec)
		data.Approvable = letter && st.Status == ingest.StatusRendered && d.Approval == nil && d.Next == "" && data.V == data.Latest
	}
	iss := s.issuer(ctx)
	data.Signer = iss.Signer
	data.Form, data.Holder, _ = strings.Cut(iss.Signer.Authority, " ")
	if data.Form != "T/M" && data.Form != "K/T" {
		data.Form, data.Holder = "K/T", iss.Signer.Authority
	}
	data.Ratings = []hoso.Rating{hoso.RatingHTXSNV, hoso.RatingHTTNV, hoso.RatingHTNV, hoso.RatingKHTNV}
	data.Awards = []hoso.AwardKind{hoso.AwardGiayKhen, hoso.AwardBangKhen, hoso.AwardCSTDCoSo, hoso.AwardCSTDCapTinh,
		hoso.AwardCSTDToanQuoc, hoso.AwardLaoDongTienTien}
	data.Kinds = hoso.DocKinds()
	y := s.now().Year()
	for i := y; i >= y-8; i-- {
		data.Years = append(data.Years, i)
	}
	title := "Hồ sơ"
	if data.Rec != nil && data.Rec.Candidate.FullName != "" {
		title = "Hồ sơ " + data.Rec.Candidate.FullName
	}
	s.render(w, r, http.StatusOK, "dossier", page{Title: title, Nav: "inbox", Data: &data})
}

// fillRecord turns the record into fields, rules and evidence views, and
// finds the selected evidence in its source.
func (s *Server) fillRecord(r *http.Request, data *dossierData) {
	rec := data.Rec
	sel, _ := strconv.Atoi(r.URL.Query().Get("ev"))
	n := 0
	ev := func(es ...hoso.Evidence) []evView {
		var out []evView
		for _, e := range es {
			if e.Text == "" && e.File == "" {
				continue
			}
			n++
			v := evView{Evidence: e, Ref: n, V: data.V, Selected: n == sel, DocName: docName(e.Doc)}
			if e.Block == BlockCorrection && e.Doc != DocCorrection {
				v.DocName = "Hiệu chỉnh, căn cứ " + lowerFirst(docName(e.Doc))
			}
			if v.Selected {
				c := v
				data.Sel = &c
			}
			out = append(out, v)
		}
		return out
	}
	c := rec.Candidate
	data.Fields = append(data.Fields,
		fieldView{Label: "Họ và tên", Value: c.FullName, Evidence: ev(evidence(c.Evidence, "full_name")...)})
	dob := viDate(c.DateOfBirth)
	if dob == "" && c.BirthYear > 0 {
		dob = "năm " + strconv.Itoa(c.BirthYear)
	}
	data.Fields = append(data.Fields,
		fieldView{Label: "Ngày sinh", Value: dob, Field: "date_of_birth", Evidence: ev(evidence(c.Evidence, "date_of_birth")...)},
		fieldView{Label: "Đơn vị công tác", Value: c.Unit, Evidence: ev(evidence(c.Evidence, "unit")...)},
		fieldView{Label: "Chức vụ", Value: c.Position, Evidence: ev(evidence(c.Evidence, "position")...)})
	rd := fieldView{Label: "Ngày chi bộ xét", Value: viDate(rec.ReviewDate), Field: "review_date"}
	if rec.ReviewDateEvidence != nil {
		rd.Evidence = ev(*rec.ReviewDateEvidence)
	}
	if rec.ReviewDateBasis == hoso.ReviewFromLatestDoc {
		rd.Value += " (suy từ giấy tờ mới nhất)"
	}
	data.Fields = append(data.Fields, rd)
	ad := fieldView{Label: "Nơi nhận (cấp uỷ)", Field: "addressee"}
	if rec.Addressee != nil {
		ad.Value, ad.Evidence = rec.Addressee.Name, ev(rec.Addressee.Evidence)
	}
	data.Fields = append(data.Fields, ad)
	for _, a := range rec.Appraisals {
		data.Fields = append(data.Fields, fieldView{Label: fmt.Sprintf("Xếp loại năm %d", a.Year),
			Value: a.Rating.Vietnamese(), Field: fmt.Sprintf("rating:%d", a.Year), Evidence: ev(a.Evidence)})
	}
	for _, u := range rec.Unrated {
		data.Fields = append(data.Fields, fieldView{Label: fmt.Sprintf("Năm %d", u.Year),
			Value: "không xếp loại: " + u.Reason, Field: fmt.Sprintf("rating:%d", u.Year), Evidence: ev(u.Evidence)})
	}
	for _, a := range rec.Awards {
		v := a.Kind.Vietnamese()
		if a.Title != "" {
			v = a.Title
		}
		if a.Decision != "" {
			v += " — " + a.Decision
		}
		data.Fields = append(data.Fields, fieldView{Label: fmt.Sprintf("Khen thưởng năm %d", a.Year), Value: v,
			Field: fmt.Sprintf("award:%d", a.Year), Evidence: ev(a.Evidence)})
	}
	if rec.Certificate != nil {
		data.Fields = append(data.Fields, fieldView{Label: "Giấy chứng nhận bồi dưỡng", Value: viDate(rec.Certificate.Issued) + " " + rec.Certificate.Number,
			Evidence: ev(rec.Certificate.Evidence)})
	}
	for _, ro := range rec.Rules {
		data.Rules = append(data.Rules, ruleView{ID: ro.ID, Message: ro.Message, Citation: ro.Citation, Outcome: ro.Outcome,
			Missing: ro.Missing, Evidence: ev(ro.Evidence...)})
	}
	for _, wn := range rec.Warnings {
		data.Warnings = append(data.Warnings, struct {
			hoso.Warning
			Ev []evView
		}{wn, ev(wn.Evidence...)})
	}
	data.Docs = rec.Documents
	if data.Sel != nil {
		data.Source = s.locateSource(r.Context(), data.State, data.Sel.Evidence)
	}
}

func evidence(m map[string]hoso.Evidence, k string) []hoso.Evidence {
	if e, ok := m[k]; ok {
		return []hoso.Evidence{e}
	}
	return nil
}

func docName(k hoso.DocKind) string {
	switch k {
	case "":
		return ""
	case DocCorrection:
		return "Hiệu chỉnh của người xem xét"
	}
	return k.Vietnamese()
}

// letter serves a version's draft letter or the approved one:
// ?v=N&format=pdf|docx[&inline=1]; ?final=1 for the numbered letter. The
// file name is human ("<số>-<ký hiệu> <candidate> <unit>.pdf") with an
// ASCII fallback.
func (s *Server) letter(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, d, err := s.dossierOf(r, access.Read)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	pdfWanted := q.Get("format") != "docx"
	var key, recKey, prefix string
	if q.Get("final") == "1" {
		if d.Approval == nil {
			s.errorPage(w, r, http.StatusNotFound, "Hồ sơ chưa được duyệt, chưa có công văn chính thức.")
			return
		}
		key, prefix = d.Approval.DOCX, d.Approval.Text
		if pdfWanted {
			key = d.Approval.PDF
		}
		recKey, _, _, _ = versionOf(st, d, d.Approval.Version)
	} else {
		v, _ := strconv.Atoi(q.Get("v"))
		if v < 1 {
			v = latest(d)
		}
		var docx, pdf string
		recKey, docx, pdf, _ = versionOf(st, d, v)
		key = docx
		if pdfWanted {
			key = pdf
		}
		prefix = "Dự thảo"
		if v > 1 {
			prefix = fmt.Sprintf("Dự thảo lần %d", v)
		}
	}
	if key == "" {
		s.errorPage(w, r, http.StatusNotFound, "Không có tệp công văn dạng này.")
		return
	}
	rc, info, err := s.opt.Store.Get(ctx, s.cfg.LetterBucket, key)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer rc.Close()
	name := prefix
	if recKey != "" {
		if sm := s.summaryOf(ctx, recKey); sm.Name != "" {
			name += " " + sm.Name
		}
	}
	if st.Origin != "" {
		name += " " + st.Origin
	}
	ext, ctype := ".docx", process.TypeDOCX
	if pdfWanted {
		ext, ctype = ".pdf", process.TypePDF
	}
	disp := "attachment"
	if q.Get("inline") == "1" {
		disp = "inline"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", contentDisposition(disp, name+ext))
	w.Header().Set("Cache-Control", "private, no-store")
	if info.Size >= 0 {
		w.Header().Set("Content-Length", strconv.FormatInt(info.Size, 10))
	}
	io.Copy(w, rc)
}

// notice is the short page a clerk sends back to the chi bộ for a file
// that could not be read as a dossier.
func (s *Server) notice(w http.ResponseWriter, r *http.Request) {
	st, err := s.dossierState(r, access.Read)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if st.Status != ingest.StatusFailed && st.Verdict != hoso.VerdictRejected {
		s.errorPage(w, r, http.StatusNotFound, "Hồ sơ này không bị trả lại.")
		return
	}
	s.render(w, r, http.StatusOK, "notice", page{Title: "Thông báo trả lại hồ sơ", Nav: "inbox", Data: struct {
		State *ingest.State
		File  string
		Date  string
		Iss   *render.Issuer
	}{st, fileName(st.Key), hoso.DateOf(s.now()).Vietnamese(), s.issuer(r.Context())}})
}

// putLetters stores a record and its letters under prefix and returns
// their keys.
func (s *Server) putLetters(ctx context.Context, prefix string, rec *hoso.Record, docx, pdf []byte) (recKey, docxKey, pdfKey string, err error) {
	if docx != nil {
		docxKey = prefix + "letter.docx"
		if _, err = s.opt.Store.Put(ctx, s.cfg.LetterBucket, docxKey, bytes.NewReader(docx), int64(len(docx)), process.TypeDOCX); err != nil {
			return
		}
	}
	if pdf != nil {
		pdfKey = prefix + "letter.pdf"
		if _, err = s.opt.Store.Put(ctx, s.cfg.LetterBucket, pdfKey, bytes.NewReader(pdf), int64(len(pdf)), process.TypePDF); err != nil {
			return
		}
	}
	rec.Letter = nil
	if docxKey != "" {
		kind, _ := render.KindOf(rec)
		rec.Letter = &hoso.Letter{Kind: kind, DOCX: docxKey, PDF: pdfKey}
	}
	b, _ := json.MarshalIndent(rec, "", "  ")
	recKey = prefix + "record.json"
	_, err = s.opt.Store.Put(ctx, s.cfg.LetterBucket, recKey, bytes.NewReader(b), int64(len(b)), "application/json")
	return
}

// letterFiles renders rec's letter: the DOCX, and the PDF when a converter
// is set (a failed conversion leaves the DOCX alone, as the pipeline does).
func (s *Server) letterFiles(ctx context.Context, rec *hoso.Record, iss *render.Issuer, date hoso.Date) (docx, pdf []byte, err error) {
	if _, ok := render.KindOf(rec); !ok {
		return nil, nil, nil
	}
	docx, err = render.DOCX(rec, iss, date)
	if err != nil {
		return nil, nil, err
	}
	if s.opt.PDF != nil {
		if p, err := s.opt.PDF.PDF(ctx, docx); err == nil {
			pdf = p
		} else {
			s.log.Warn("web: letter PDF failed; DOCX only", "err", err)
		}
	}
	return docx, pdf, nil
}

// dropReview removes the needs_review reasons the letter gave for rec, so
// rendering the corrected record states only those still true.
func dropReview(rec *hoso.Record, iss *render.Issuer) {
	old := render.Review(rec, iss)
	rec.Warnings = slices.DeleteFunc(rec.Warnings, func(w hoso.Warning) bool {
		return w.Code == hoso.WarnNeedsReview && slices.Contains(old, w.Message)
	})
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// letterImage serves page ?page= of a version's letter as PNG, the
// preview beside the record: from its PDF, or from its DOCX through the
// converter when there is no PDF.
func (s *Server) letterImage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, d, err := s.dossierOf(r, access.Read)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	v, _ := strconv.Atoi(q.Get("v"))
	if v < 1 {
		v = latest(d)
	}
	_, docx, pdf, _ := versionOf(st, d, v)
	if q.Get("final") == "1" && d.Approval != nil {
		docx, pdf = d.Approval.DOCX, d.Approval.PDF
	}
	var b []byte
	read := func(key string) []byte {
		rc, _, err := s.opt.Store.Get(ctx, s.cfg.LetterBucket, key)
		if err != nil {
			return nil
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 64<<20))
		return b
	}
	switch {
	case pdf != "":
		b = read(pdf)
	case docx != "" && s.opt.PDF != nil:
		if x := read(docx); x != nil {
			b, _ = s.opt.PDF.PDF(ctx, x)
		}
	}
	if !isPDF(b) {
		s.errorPage(w, r, http.StatusNotFound, "Không có bản xem trước của công văn.")
		return
	}
	page, _ := strconv.Atoi(q.Get("page"))
	png, err := s.pdftoppm(ctx, b, max(page, 1))
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound, "Không dựng được ảnh công văn.")
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=300")
	w.Write(png)
}

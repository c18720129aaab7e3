package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/process"
	"github.com/hoso-vn/hoso/render"
)

func back(w http.ResponseWriter, r *http.Request, id string, v int, msg string) {
	http.Redirect(w, r, fmt.Sprintf("/d/%s?v=%d&ok=%s", id, v, url.QueryEscape(msg)), http.StatusSeeOther)
}

// correct changes one field of the latest version with a reason,
// re-validates and re-renders at once as a new version. A correction
// after approval voids the number: the register keeps it as a gap.
func (s *Server) correct(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := s.dossierState(r, access.Correct)
	if err != nil {
		if errors.Is(err, access.ErrForbidden) {
			s.audit(r, access.Entry{Action: access.ActCorrect, Outcome: access.OutcomeDenied, Status: http.StatusForbidden,
				Dossier: r.PathValue("id")})
			s.errorPage(w, r, http.StatusForbidden, "Bạn không có quyền hiệu chỉnh hồ sơ này.")
			return
		}
		s.fail(w, r, err)
		return
	}
	if st.Status != ingest.StatusRendered || st.Record == "" {
		s.errorPage(w, r, http.StatusConflict, "Hồ sơ chưa xử lý xong hoặc không đọc được, chưa hiệu chỉnh được.")
		return
	}
	p := access.PrincipalOf(ctx)
	c := correctionOf(r)
	d, _, err := s.st.dossier(ctx, st.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	from := latest(d)
	recKey, _, _, _ := versionOf(st, d, from)
	rec, err := s.readRecord(ctx, recKey)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	iss, rules := s.issuer(ctx), s.rules(ctx)
	dropReview(rec, iss)
	at := s.now()
	old, nv, err := applyCorrection(rec, c, p.Account, at)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "Không hiệu chỉnh được: "+err.Error())
		return
	}
	rules.Apply(rec)
	docx, pdf, err := s.letterFiles(ctx, rec, iss, hoso.DateOf(at))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n := from + 1
	prefix := fmt.Sprintf("%sv%d/", process.LetterPrefix(st.Origin, st.ID), n)
	recKey, docxKey, pdfKey, err := s.putLetters(ctx, prefix, rec, docx, pdf)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ver := Version{N: n, Record: recKey, DOCX: docxKey, PDF: pdfKey, Verdict: rec.Verdict, Review: rec.Review(),
		By: p.Account, At: at.UTC(), Field: c.Field, Old: old, New: nv, Reason: strings.TrimSpace(c.Reason)}
	var voided *Approval
	_, err = s.st.update(ctx, st.ID, func(d *Dossier) error {
		if latest(d) != from {
			return errConflict
		}
		d.Origin = st.Origin
		d.Versions = append(d.Versions, ver)
		if d.Approval != nil {
			a := *d.Approval
			a.Voided, a.VoidedAt, a.VoidedBy = true, at.UTC(), p.Account
			a.VoidReason = "Hiệu chỉnh sau khi duyệt: " + fieldLabel(c.Field) + " — " + ver.Reason
			d.Voided = append(d.Voided, a)
			d.Approval, voided = nil, &a
		}
		return nil
	})
	if errors.Is(err, errConflict) {
		s.errorPage(w, r, http.StatusConflict, "Hồ sơ vừa được người khác hiệu chỉnh; hãy tải lại trang và làm lại.")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if voided != nil {
		if err := s.st.setEntry(ctx, *voided); err != nil {
			s.log.Error("web: void number in the register", "number", voided.Text, "err", err)
		}
	}
	s.audit(r, access.Entry{Action: access.ActCorrect, Outcome: access.OutcomeOK, Status: http.StatusSeeOther,
		Dossier: st.ID, Unit: st.Origin, Field: c.Field, Old: old, New: nv, Reason: ver.Reason})
	msg := fmt.Sprintf("Đã hiệu chỉnh %s; kết quả mới: %s (bản %d).", fieldLabel(c.Field), verdictText(rec.Verdict), n)
	if voided != nil {
		msg += " Số " + voided.Text + " đã bị huỷ; cần trình duyệt lại."
	}
	back(w, r, st.ID, n, msg)
}

// approve numbers, dates and signs the latest draft: the next number of
// the issuer's register for this year, today's date, the chosen signer and
// signing form, rendered final as DOCX and PDF. An approved letter is
// read-only.
func (s *Server) approve(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, d, err := s.dossierOf(r, access.Approve)
	if err != nil {
		if errors.Is(err, access.ErrForbidden) {
			s.errorPage(w, r, http.StatusForbidden, "Bạn không có quyền duyệt hồ sơ này.")
			return
		}
		s.fail(w, r, err)
		return
	}
	if d.Approval != nil {
		s.errorPage(w, r, http.StatusConflict, "Công văn đã được duyệt và cấp số "+d.Approval.Text+"; không sửa được nữa.")
		return
	}
	if d.Next != "" {
		s.errorPage(w, r, http.StatusConflict, "Hồ sơ đã có bản bổ sung; hãy duyệt bản mới nhất.")
		return
	}
	v := latest(d)
	if fv := r.FormValue("version"); fv != "" && fv != fmt.Sprint(v) {
		s.errorPage(w, r, http.StatusConflict, "Đã có bản hiệu chỉnh mới hơn; hãy xem lại trước khi duyệt.")
		return
	}
	recKey, _, _, _ := versionOf(st, d, v)
	if st.Status != ingest.StatusRendered || recKey == "" {
		s.errorPage(w, r, http.StatusConflict, "Hồ sơ chưa xử lý xong, chưa duyệt được.")
		return
	}
	rec, err := s.readRecord(ctx, recKey)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	kind, ok := render.KindOf(rec)
	if !ok {
		s.errorPage(w, r, http.StatusConflict, "Hồ sơ này không có công văn để duyệt.")
		return
	}
	form := r.FormValue("form")
	if form != "T/M" && form != "K/T" {
		s.errorPage(w, r, http.StatusBadRequest, "Cần chọn hình thức ký: T/M (thay mặt) hoặc K/T (ký thay).")
		return
	}
	holder := strings.TrimSpace(r.FormValue("holder"))
	title := strings.TrimSpace(r.FormValue("title"))
	name := strings.TrimSpace(r.FormValue("signer"))
	if holder == "" || title == "" || name == "" {
		s.errorPage(w, r, http.StatusBadRequest, "Cần ghi đủ người ký, chức vụ và thẩm quyền ký.")
		return
	}
	p := access.PrincipalOf(ctx)
	now := s.now()
	iss := s.issuer(ctx)
	iss.Signer = render.Signer{Authority: form + " " + strings.ToUpper(holder), Title: strings.ToUpper(title), Name: name}
	date := hoso.DateOf(now)
	a := Approval{Issuer: iss.Abbreviation, Year: now.Year(), Dossier: st.ID, Unit: st.Origin, Version: v, Date: date,
		Form: form, Signer: name, Title: title, Kind: string(kind), By: p.Account, At: now.UTC()}
	a, err = s.st.allocate(ctx, a, func(n int) string { return numberText(iss, n) })
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// From here the number is given: whatever fails, it stays in the
	// register (a gap) and is never given again.
	iss.Number = render.NumberPolicy{Mode: render.NumberRegister, Type: iss.Number.Type, Value: a.No}
	dropReview(rec, iss)
	docx, pdf, err := s.letterFiles(ctx, rec, iss, date)
	if err != nil {
		s.voidAfterFailure(ctx, a, p.Account)
		s.fail(w, r, err)
		return
	}
	prefix := fmt.Sprintf("%sso-%d-%d/", process.LetterPrefix(st.Origin, st.ID), a.Year, a.No)
	if _, a.DOCX, a.PDF, err = s.putLetters(ctx, prefix, rec, docx, pdf); err != nil {
		s.voidAfterFailure(ctx, a, p.Account)
		s.fail(w, r, err)
		return
	}
	_, err = s.st.update(ctx, st.ID, func(d *Dossier) error {
		if d.Approval != nil || latest(d) != v {
			return errConflict
		}
		d.Origin = st.Origin
		d.Approval = &a
		return nil
	})
	if err != nil {
		s.voidAfterFailure(ctx, a, p.Account)
		if errors.Is(err, errConflict) {
			s.errorPage(w, r, http.StatusConflict, "Hồ sơ vừa thay đổi trong lúc duyệt; số "+a.Text+" đã huỷ. Hãy tải lại trang.")
			return
		}
		s.fail(w, r, err)
		return
	}
	if err := s.st.setEntry(ctx, a); err != nil {
		s.log.Error("web: register letter keys", "number", a.Text, "err", err)
	}
	back(w, r, st.ID, v, "Đã duyệt và cấp số "+a.Text+", "+date.Vietnamese()+".")
}

func (s *Server) voidAfterFailure(ctx context.Context, a Approval, by string) {
	a.Voided, a.VoidedAt, a.VoidedBy = true, s.now().UTC(), by
	a.VoidReason = "Lỗi khi lập công văn chính thức; số không dùng"
	if err := s.st.setEntry(context.WithoutCancel(ctx), a); err != nil {
		s.log.Error("web: void number in the register", "number", a.Text, "err", err)
	}
}

// numberText is the number as the letter prints it: "1-CV/BTCĐU" in the
// Party format, "1/BTCĐU" in the State format of a công văn.
func numberText(iss *render.Issuer, n int) string {
	if iss.Profile != render.ProfileState {
		return fmt.Sprintf("%d-%s/%s", n, iss.Number.Type, iss.Abbreviation)
	}
	return fmt.Sprintf("%d/%s", n, iss.Abbreviation)
}

// correctionOf reads the correction form: kind (rating, award,
// date_of_birth, review_date, addressee) with its year and value, or a
// field named in full ("rating:2020").
func correctionOf(r *http.Request) Correction {
	c := Correction{Field: r.FormValue("field"), Value: r.FormValue("value"), Reason: r.FormValue("reason"),
		Basis: hoso.DocKind(r.FormValue("basis"))}
	switch k := r.FormValue("kind"); k {
	case "rating":
		c.Field, c.Value = "rating:"+r.FormValue("year"), r.FormValue("rating")
	case "award":
		c.Field, c.Value = "award:"+r.FormValue("year"), r.FormValue("award")
	case "date_of_birth", "review_date", "addressee":
		c.Field = k
	}
	return c
}

// audit writes e for the request's principal to the audit trail.
func (s *Server) audit(r *http.Request, e access.Entry) {
	if p := access.PrincipalOf(r.Context()); p != nil {
		e.Actor = p.Account
		if p.Token != "" {
			e.Via = "token:" + p.Token
		} else {
			e.Via = "web"
		}
	}
	e.Addr = s.guard.ClientAddr(r)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 5*time.Second)
	defer cancel()
	if err := s.opt.Access.Record(ctx, e); err != nil {
		s.log.Error("web: audit trail", "action", e.Action, "err", err)
	}
}

package web

import (
	"archive/zip"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/hoso-vn/hoso/access"
)

type registerData struct {
	Year    int
	Years   []int
	Entries []Approval
	Units   []string
	Last    map[string]int
}

// registerEntries lists the entries of year the caller may read, by issuer
// and number.
func (s *Server) registerEntries(r *http.Request, year int) ([]Approval, error) {
	regs, err := s.st.registers(r.Context(), year)
	if err != nil {
		return nil, err
	}
	var out []Approval
	for _, rg := range regs {
		for _, e := range rg.Entries {
			if access.Allowed(r.Context(), access.Read, e.Unit) {
				out = append(out, e)
			}
		}
	}
	slices.SortFunc(out, func(a, b Approval) int { return cmp.Or(cmp.Compare(a.Issuer, b.Issuer), cmp.Compare(a.No, b.No)) })
	return out, nil
}

func (s *Server) year(r *http.Request) int {
	y, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil || y < 2000 || y > 2200 {
		y = s.now().Year()
	}
	return y
}

// registerPage shows the outgoing register (sổ văn bản đi) of a year:
// every number given, the voided ones as gaps with why.
func (s *Server) registerPage(w http.ResponseWriter, r *http.Request) {
	y := s.year(r)
	es, err := s.registerEntries(r, y)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := registerData{Year: y, Entries: es}
	for i := s.now().Year(); i >= s.now().Year()-5; i-- {
		d.Years = append(d.Years, i)
	}
	units := map[string]bool{}
	for _, e := range es {
		units[e.Unit] = true
	}
	for u := range units {
		d.Units = append(d.Units, u)
	}
	slices.Sort(d.Units)
	s.render(w, r, http.StatusOK, "register", page{Title: fmt.Sprintf("Sổ văn bản đi năm %d", y), Nav: "register", Data: d})
}

// registerCSV exports the register of a year (UTF-8 with BOM, which Excel
// needs to read Vietnamese).
func (s *Server) registerCSV(w http.ResponseWriter, r *http.Request) {
	y := s.year(r)
	es, err := s.registerEntries(r, y)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", contentDisposition("attachment", fmt.Sprintf("Sổ văn bản đi %d.csv", y)))
	io.WriteString(w, "\ufeff")
	cw := csv.NewWriter(w)
	cw.Write([]string{"Số", "Ký hiệu", "Ngày", "Đơn vị", "Hồ sơ", "Bản", "Người ký", "Chức vụ", "Hình thức ký", "Người duyệt", "Trạng thái", "Lý do huỷ"})
	for _, e := range es {
		state := "Đã ban hành"
		if e.Voided {
			state = "Đã huỷ số"
		}
		cw.Write([]string{strconv.Itoa(e.No), e.Text, viDate(e.Date), e.Unit, e.Dossier, strconv.Itoa(e.Version), e.Signer,
			e.Title, e.Form, e.By, state, e.VoidReason})
	}
	cw.Flush()
}

// collect is a ZIP of a unit's approved letters (PDF, else DOCX) dated in
// [from, to], each under its human name.
func (s *Server) collect(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	unit := q.Get("unit")
	if err := access.Check(ctx, access.Read, "", unit); err != nil || unit == "" {
		s.errorPage(w, r, http.StatusForbidden, "Cần chọn một đơn vị của bạn.")
		return
	}
	from, err1 := parseDate(q.Get("from"))
	to, err2 := parseDate(q.Get("to"))
	if err1 != nil || err2 != nil || to.Before(from) {
		s.errorPage(w, r, http.StatusBadRequest, "Khoảng ngày không hợp lệ (dd/mm/yyyy).")
		return
	}
	var es []Approval
	for y := from.Year; y <= to.Year; y++ {
		regs, err := s.st.registers(ctx, y)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, rg := range regs {
			for _, e := range rg.Entries {
				if e.Unit == unit && !e.Voided && !e.Date.Before(from) && !e.Date.After(to) && (e.PDF != "" || e.DOCX != "") {
					es = append(es, e)
				}
			}
		}
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", contentDisposition("attachment",
		fmt.Sprintf("Công văn %s %s–%s.zip", unit, viDate(from), viDate(to))))
	zw := zip.NewWriter(w)
	for _, e := range es {
		key, ext := e.PDF, ".pdf"
		if key == "" {
			key, ext = e.DOCX, ".docx"
		}
		rc, _, err := s.opt.Store.Get(ctx, s.cfg.LetterBucket, key)
		if err != nil {
			s.log.Warn("web: collect", "number", e.Text, "err", err)
			continue
		}
		name := e.Text
		if st, err := s.opt.Service.States().Get(ctx, e.Dossier); err == nil {
			recKey := st.Record
			if d, _, err := s.st.dossier(ctx, e.Dossier); err == nil {
				recKey, _, _, _ = versionOf(st, d, e.Version)
			}
			if sm := s.summaryOf(ctx, recKey); sm.Name != "" {
				name += " " + sm.Name
			}
		}
		name += " " + unit + ext
		f, err := zw.CreateHeader(&zip.FileHeader{Name: safeZipName(name), Method: zip.Deflate, Modified: time.Now()})
		if err == nil {
			io.Copy(f, rc)
		}
		rc.Close()
	}
	zw.Close()
}

func safeZipName(s string) string {
	b := []rune(s)
	for i, r := range b {
		if r == '/' || r == '\\' {
			b[i] = '-'
		}
	}
	return string(b)
}

package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/render"
	"github.com/hoso-vn/hoso/validate"
	"go.yaml.in/yaml/v3"
)

type adminData struct {
	Accounts    []*access.Account
	Units       []access.Unit
	Roles       []access.Role
	Issuer      string
	IssuerError string
	Rules       string
	RulesErrors []string
	RulesID     string
	NewPassword string
	NewAccount  string
}

func (s *Server) adminData(r *http.Request) (adminData, error) {
	ctx := r.Context()
	var d adminData
	var err error
	if d.Accounts, err = s.opt.Access.Accounts(ctx); err != nil {
		return d, err
	}
	if d.Units, err = s.opt.Access.Units(ctx); err != nil {
		return d, err
	}
	d.Roles = access.Roles()
	if b, _ := s.st.config(ctx, "issuer"); len(b) > 0 {
		d.Issuer = string(b)
	} else if b, err := yaml.Marshal(s.opt.Issuer); err == nil {
		d.Issuer = string(b)
		if len(s.opt.Issuer.Addressees) == 0 {
			d.Issuer += addresseesExample
		}
	}
	if b, _ := s.st.config(ctx, "rules"); len(b) > 0 {
		d.Rules = string(b)
	} else {
		d.Rules = string(s.opt.Rules.Source())
	}
	d.RulesID = s.rules(ctx).ID
	return d, nil
}

func (s *Server) adminPage(w http.ResponseWriter, r *http.Request) {
	d, err := s.adminData(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin", page{Title: "Quản trị", Nav: "admin", Data: d})
}

func (s *Server) adminAgain(w http.ResponseWriter, r *http.Request, status int, msg string, edit func(*adminData)) {
	d, err := s.adminData(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if edit != nil {
		edit(&d)
	}
	s.render(w, r, status, "admin", page{Title: "Quản trị", Nav: "admin", Error: msg, Data: d})
}

// adminAccount adds an account, or disables / enables / resets one.
func (s *Server) adminAccount(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	name := strings.TrimSpace(r.FormValue("name"))
	var err error
	var pw string
	switch r.FormValue("op") {
	case "add":
		roles, e1 := access.ParseRoles(strings.Join(r.Form["role"], ","))
		units, e2 := access.ParseUnits(strings.TrimSpace(r.FormValue("units")))
		if err = errors.Join(e1, e2); err == nil {
			pw, err = s.opt.Access.AddAccount(ctx, access.NewAccount{Name: name, FullName: strings.TrimSpace(r.FormValue("full_name")),
				Roles: roles, Units: units})
		}
	case "disable", "enable":
		err = s.opt.Access.SetDisabled(ctx, name, r.FormValue("op") == "disable")
	case "reset":
		pw, err = s.opt.Access.ResetPassword(ctx, name, "")
	default:
		err = errors.New("thao tác không hợp lệ / invalid operation")
	}
	if err != nil {
		s.adminAgain(w, r, http.StatusBadRequest, "Không thực hiện được: "+err.Error(), nil)
		return
	}
	if pw != "" {
		// Shown once, on this answer only; never in a URL.
		s.adminAgain(w, r, http.StatusOK, "", func(d *adminData) { d.NewAccount, d.NewPassword = name, pw })
		return
	}
	http.Redirect(w, r, "/admin?ok="+url.QueryEscape("Đã cập nhật tài khoản "+name+"."), http.StatusSeeOther)
}

func (s *Server) adminUnit(w http.ResponseWriter, r *http.Request) {
	u := access.Unit{ID: strings.TrimSpace(r.FormValue("id")), Name: strings.TrimSpace(r.FormValue("unit_name"))}
	if err := s.opt.Access.PutUnit(r.Context(), u); err != nil {
		s.adminAgain(w, r, http.StatusBadRequest, "Không lưu được đơn vị: "+err.Error(), nil)
		return
	}
	http.Redirect(w, r, "/admin?ok="+url.QueryEscape("Đã lưu đơn vị "+u.ID+"."), http.StatusSeeOther)
}

// formFile returns an uploaded file's content, else the text field.
func formFile(r *http.Request, file, text string) []byte {
	if f, _, err := r.FormFile(file); err == nil {
		defer f.Close()
		b, _ := io.ReadAll(io.LimitReader(f, 1<<20))
		if len(b) > 0 {
			return b
		}
	}
	return []byte(r.FormValue(text))
}

// adminIssuer stores the issuer profile (header lines, place, signer,
// addressee table) after checking it as `hoso render` would.
func (s *Server) adminIssuer(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(1 << 20)
	b := formFile(r, "issuer_file", "issuer")
	iss, err := render.ParseIssuer(b, "issuer.yaml")
	if err == nil {
		err = iss.Validate()
	}
	if err != nil {
		s.adminAgain(w, r, http.StatusBadRequest, "Hồ sơ cơ quan ban hành có lỗi.", func(d *adminData) {
			d.Issuer, d.IssuerError = string(b), err.Error()
		})
		return
	}
	if err := s.st.setConfig(r.Context(), "issuer", b); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin?ok="+url.QueryEscape("Đã lưu hồ sơ cơ quan ban hành."), http.StatusSeeOther)
}

// adminRules checks an uploaded rule set as `hoso rules --check` does and
// stores it; its errors are shown one per line with their line numbers.
func (s *Server) adminRules(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(1 << 20)
	b := formFile(r, "rules_file", "rules")
	rs, err := validate.Load(bytes.NewReader(b))
	if err != nil {
		s.adminAgain(w, r, http.StatusBadRequest, "Bộ quy tắc có lỗi, chưa lưu.", func(d *adminData) {
			d.Rules = string(b)
			msg := err.Error()
			if info := hoso.Info(err); info != nil {
				msg = info.Message // the Vietnamese list, as `hoso rules --check` prints it
			}
			for _, l := range strings.Split(msg, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					d.RulesErrors = append(d.RulesErrors, l)
				}
			}
		})
		return
	}
	if err := s.st.setConfig(r.Context(), "rules", b); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin?ok="+url.QueryEscape(fmt.Sprintf("Đã lưu bộ quy tắc %s.", rs.ID)), http.StatusSeeOther)
}

// addresseesExample shows the origin → addressee table in a profile that
// has none yet.
const addresseesExample = `# Bảng nơi nhận theo đơn vị, khi hồ sơ không ghi cấp uỷ nhận hồ sơ:
# addressees:
#   - origin: Sở Tài chính
#     addressee: Đảng uỷ Sở Tài chính
`

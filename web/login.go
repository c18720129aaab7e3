package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/hoso-vn/hoso/access"
)

type loginData struct {
	Name string
	Next string
}

// safeNext keeps a redirect after login on this site.
func safeNext(n string) string {
	if !strings.HasPrefix(n, "/") || strings.HasPrefix(n, "//") || strings.HasPrefix(n, "/\\") {
		return "/"
	}
	return n
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if access.PrincipalOf(r.Context()) != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login", page{Title: "Đăng nhập", Data: loginData{Next: safeNext(r.URL.Query().Get("next"))}})
}

func (s *Server) loginPost(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	name := strings.TrimSpace(r.FormValue("name"))
	next := safeNext(r.FormValue("next"))
	a, err := s.guard.LogIn(w, r, name, r.FormValue("password"))
	var te *access.ThrottledError
	switch {
	case err == nil && a.MustChange:
		http.Redirect(w, r, "/password?first=1", http.StatusSeeOther)
		return
	case err == nil:
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	case errors.As(err, &te):
		s.render(w, r, http.StatusTooManyRequests, "login", page{Title: "Đăng nhập",
			Error: "Đăng nhập sai quá nhiều lần; vui lòng đợi một lát rồi thử lại.", Data: loginData{Name: name, Next: next}})
	case errors.Is(err, access.ErrBadLogin):
		s.render(w, r, http.StatusUnauthorized, "login", page{Title: "Đăng nhập",
			Error: "Tên đăng nhập hoặc mật khẩu không đúng.", Data: loginData{Name: name, Next: next}})
	default:
		s.render(w, r, http.StatusServiceUnavailable, "login", page{Title: "Đăng nhập",
			Error: "Tạm thời không đăng nhập được, vui lòng thử lại sau.", Data: loginData{Name: name, Next: next}})
	}
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if err := s.guard.LogOut(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

type passwordData struct{ First bool }

func (s *Server) passwordPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "password", page{Title: "Đổi mật khẩu", Data: passwordData{First: r.URL.Query().Get("first") == "1"}})
}

// passwordPost changes the caller's password (which ends all their
// sessions) and logs them in again with the new one.
func (s *Server) passwordPost(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
	p := access.PrincipalOf(r.Context())
	pw, again := r.FormValue("new"), r.FormValue("again")
	again2 := func(status int, msg string) {
		s.render(w, r, status, "password", page{Title: "Đổi mật khẩu", Error: msg})
	}
	if p == nil || p.Token != "" {
		again2(http.StatusForbidden, "Chỉ đổi được mật khẩu của tài khoản đăng nhập trên trình duyệt.")
		return
	}
	if pw != again {
		again2(http.StatusBadRequest, "Hai lần nhập mật khẩu mới không giống nhau.")
		return
	}
	switch err := s.opt.Access.ChangePassword(r.Context(), p.Account, r.FormValue("old"), pw); {
	case errors.Is(err, access.ErrBadLogin):
		again2(http.StatusBadRequest, "Mật khẩu hiện tại không đúng.")
		return
	case errors.Is(err, access.ErrInvalid):
		again2(http.StatusBadRequest, "Mật khẩu mới chưa đạt yêu cầu: "+strings.TrimPrefix(err.Error(), access.ErrInvalid.Error()+": "))
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	if _, err := s.guard.LogIn(w, r, p.Account, pw); err != nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/?ok="+url.QueryEscape("Đã đổi mật khẩu."), http.StatusSeeOther)
}

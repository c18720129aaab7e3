package web

import (
	"errors"
	"net/http"
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
	_, err := s.guard.LogIn(w, r, name, r.FormValue("password"))
	var te *access.ThrottledError
	switch {
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

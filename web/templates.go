package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
)

var pages = []string{"login", "inbox", "upload", "dossier", "register", "admin", "error", "notice", "password"}

func parseTemplates(loc *time.Location) (map[string]*template.Template, error) {
	if loc == nil {
		loc = time.UTC
	}
	funcs := template.FuncMap{
		"vdate": viDate,
		"vtime": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(loc).Format("02/01/2006 15:04")
		},
		"status":  func(s ingest.Status) string { return statusText(s) },
		"verdict": func(v hoso.Verdict) string { return verdictText(v) },
		"outcome": func(o hoso.Outcome) string {
			switch o {
			case hoso.OutcomePass:
				return "Đạt"
			case hoso.OutcomeFail:
				return "Không đạt"
			case hoso.OutcomeUnknown:
				return "Chưa rõ"
			}
			return string(o)
		},
		"can": func(p *access.Principal, perm string) bool {
			return p != nil && p.Holds(access.Permission(perm))
		},
		"field": fieldLabel,
		"join":  strings.Join,
		"pct":   func(f float64) string { return fmt.Sprintf("%.2f%%", f) },
		"pcent": func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
		"roles": func(rs []access.Role) string {
			var out []string
			for _, r := range rs {
				out = append(out, roleName(r))
			}
			return strings.Join(out, ", ")
		},
		"role": roleName,
		"units": func(us []string) string {
			return strings.ReplaceAll(strings.Join(us, ", "), access.AllUnits, "tất cả")
		},
		"code": func(r hoso.Rating) string { return r.String() },
	}
	out := map[string]*template.Template{}
	for _, p := range pages {
		t, err := template.New(p).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+p+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", p, err)
		}
		out[p] = t
	}
	return out, nil
}

func roleName(r access.Role) string {
	switch r {
	case access.Clerk:
		return "Văn thư"
	case access.Reviewer:
		return "Chuyên viên"
	case access.Signer:
		return "Lãnh đạo (ký duyệt)"
	case access.Admin:
		return "Quản trị"
	case access.System:
		return "Hệ thống (API)"
	}
	return string(r)
}

package ingest

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// TestUploadOriginAfterFile: form order is the client's business. An
// origin after the file (some HTTP libraries sort fields, curl -F keeps
// the command line's order) puts the file in that unit as one before it
// does; an oversized file first is still a 413, two files are a 400.
func TestUploadOriginAfterFile(t *testing.T) {
	h := newHarness(t, &echo{}, func(c *Config) { c.MaxObjectSize = 1 << 10 })
	h.run()
	api := h.svc.Handler()
	form := func(parts ...[2]string) (io.Reader, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		for _, p := range parts {
			if p[0] == "origin" {
				mw.WriteField("origin", p[1])
				continue
			}
			fw, _ := mw.CreateFormFile("file", p[0])
			io.WriteString(fw, p[1])
		}
		mw.Close()
		return &b, mw.FormDataContentType()
	}
	for _, tc := range []struct {
		name    string
		parts   [][2]string
		code    int
		wantKey string
	}{
		{"origin first", [][2]string{{"origin", "chi-bo-truoc"}, {"a.docx", "x"}}, http.StatusAccepted, "chi-bo-truoc/a.docx"},
		{"origin after", [][2]string{{"b.docx", "x"}, {"origin", "chi-bo-sau"}}, http.StatusAccepted, "chi-bo-sau/b.docx"},
		{"no origin", [][2]string{{"c.docx", "x"}}, http.StatusAccepted, "c.docx"},
		{"too large, origin after", [][2]string{{"d.docx", strings.Repeat("x", 3<<20)}, {"origin", "chi-bo-sau"}}, http.StatusRequestEntityTooLarge, ""},
		{"bad origin after", [][2]string{{"e.docx", "x"}, {"origin", ".."}}, http.StatusBadRequest, ""},
		{"two files", [][2]string{{"f.docx", "x"}, {"g.docx", "y"}}, http.StatusBadRequest, ""},
	} {
		body, ctype := form(tc.parts...)
		rr := do(t, api, "POST", "/v1/dossiers", body, ctype)
		if rr.Code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.name, rr.Code, rr.Body, tc.code)
			continue
		}
		if tc.wantKey != "" {
			if up := decode[struct{ Key string }](t, rr); up.Key != tc.wantKey {
				t.Errorf("%s: stored as %q, want %q", tc.name, up.Key, tc.wantKey)
			}
		}
	}
}

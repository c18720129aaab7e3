package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/process"
)

type uploadData struct {
	Units []string
}

// units lists the units the caller may upload into, for the form.
func (s *Server) uploadUnits(r *http.Request) []string {
	p := access.PrincipalOf(r.Context())
	if p == nil {
		return nil
	}
	if slices.Contains(p.Units, access.AllUnits) {
		var out []string
		if us, err := s.opt.Access.Units(r.Context()); err == nil {
			for _, u := range us {
				out = append(out, u.ID)
			}
		}
		return out
	}
	return p.Units
}

func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "upload", page{Title: "Nộp hồ sơ", Nav: "upload", Data: uploadData{Units: s.uploadUnits(r)}})
}

// uploaded is the answer to one stored upload.
type uploaded struct {
	ID    string   `json:"id"`
	Key   string   `json:"key"`
	Files []string `json:"files"`
	URL   string   `json:"url"`
}

// cleanName keeps the last element of a client's file name without control
// characters; "" when nothing usable is left.
func cleanName(n string) string {
	n = path.Base(strings.ReplaceAll(n, `\`, "/"))
	n = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, n))
	if n == "." || n == "/" || n == ".." || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") || len(n) > ingest.MaxNameBytes {
		return ""
	}
	return n
}

// uploadPost stores the posted files in the chosen unit: each file as its
// own dossier, or — mode "bundle" — all of them as one dossier, a ZIP
// named after the candidate folder, read exactly as an uploaded ZIP.
func (s *Server) uploadPost(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxObjectSize+1<<20)
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		s.uploadError(w, r, http.StatusBadRequest, "Tệp gửi lên không đọc được hoặc quá lớn.")
		return
	}
	defer r.MultipartForm.RemoveAll()
	unit := strings.TrimSpace(r.FormValue("unit"))
	if unit == "" || strings.ContainsAny(unit, "/\\") || ingest.CheckKey(unit) != nil || strings.HasPrefix(unit, ".") {
		s.uploadError(w, r, http.StatusBadRequest, "Cần chọn đơn vị gửi hồ sơ.")
		return
	}
	if err := access.Check(ctx, access.Upload, "", unit); err != nil {
		s.uploadError(w, r, http.StatusForbidden, "Bạn không được nộp hồ sơ vào đơn vị này.")
		return
	}
	files := r.MultipartForm.File["file"]
	if len(files) == 0 {
		s.uploadError(w, r, http.StatusBadRequest, "Chưa chọn tệp nào.")
		return
	}
	var out []uploaded
	if r.FormValue("mode") == "bundle" && len(files) > 1 {
		name := cleanName(r.FormValue("folder"))
		if name == "" {
			name = strings.TrimSuffix(cleanName(files[0].Filename), path.Ext(files[0].Filename))
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		var names []string
		for _, fh := range files {
			n := cleanName(fh.Filename)
			if n == "" || slices.Contains(names, n) {
				s.uploadError(w, r, http.StatusBadRequest, fmt.Sprintf("Tên tệp %q không hợp lệ hoặc bị trùng.", fh.Filename))
				return
			}
			names = append(names, n)
			f, err := fh.Open()
			if err != nil {
				s.uploadError(w, r, http.StatusBadRequest, "Không đọc được tệp "+n)
				return
			}
			zf, _ := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: s.now()})
			_, err = io.Copy(zf, f)
			f.Close()
			if err != nil {
				s.uploadError(w, r, http.StatusBadRequest, "Không đọc được tệp "+n)
				return
			}
		}
		zw.Close()
		if int64(buf.Len()) > s.cfg.MaxObjectSize {
			s.uploadError(w, r, http.StatusRequestEntityTooLarge, "Hồ sơ quá lớn.")
			return
		}
		u, err := s.store(r, unit+"/"+name+".zip", "application/zip", &buf, int64(buf.Len()))
		if err != nil {
			s.uploadFail(w, r, err)
			return
		}
		u.Files = names
		out = append(out, u)
	} else {
		for _, fh := range files {
			n := cleanName(fh.Filename)
			if n == "" {
				s.uploadError(w, r, http.StatusBadRequest, fmt.Sprintf("Tên tệp %q không hợp lệ.", fh.Filename))
				return
			}
			f, err := fh.Open()
			if err != nil {
				s.uploadError(w, r, http.StatusBadRequest, "Không đọc được tệp "+n)
				return
			}
			ct := fh.Header.Get("Content-Type")
			if ct == "" {
				ct = "application/octet-stream"
			}
			u, err := s.store(r, unit+"/"+n, ct, f, fh.Size)
			f.Close()
			if err != nil {
				s.uploadFail(w, r, err)
				return
			}
			u.Files = []string{n}
			out = append(out, u)
		}
	}
	if wantsJSON(r) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		json.NewEncoder(w).Encode(out)
		return
	}
	http.Redirect(w, r, "/?ok="+fmt.Sprintf("Đã nhận %d hồ sơ.", len(out)), http.StatusSeeOther)
}

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

func (s *Server) uploadError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if wantsJSON(r) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]string{"error": msg})
		return
	}
	s.render(w, r, status, "upload", page{Title: "Nộp hồ sơ", Nav: "upload", Error: msg, Data: uploadData{Units: s.uploadUnits(r)}})
}

func (s *Server) uploadFail(w http.ResponseWriter, r *http.Request, err error) {
	if hoso.Code(err) == hoso.EINVALID {
		s.uploadError(w, r, http.StatusBadRequest, err.Error())
		return
	}
	s.log.Error("web: upload", "err", err)
	s.uploadError(w, r, http.StatusServiceUnavailable, "Không lưu được tệp, vui lòng thử lại sau.")
}

// store writes one object under a free key (a stored source is never
// replaced: "tên (2).pdf" instead) and queues it.
func (s *Server) store(r *http.Request, key, ctype string, body io.Reader, size int64) (uploaded, error) {
	ctx := r.Context()
	if err := ingest.CheckKey(key); err != nil {
		return uploaded{}, err
	}
	dir, name := path.Split(key)
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	free := ""
	for i := 1; i <= 100 && free == ""; i++ {
		k := key
		if i > 1 {
			k = fmt.Sprintf("%s%s (%d)%s", dir, stem, i, ext)
		}
		_, err := s.opt.Store.Stat(ctx, s.cfg.UploadBucket, k)
		if errors.Is(err, ingest.ErrNotFound) {
			free = k
		} else if err != nil {
			return uploaded{}, err
		}
	}
	if free == "" {
		return uploaded{}, hoso.Errorf(hoso.EINVALID, "đã có quá nhiều tệp tên %q", "too many files named %q", name)
	}
	info, err := s.opt.Store.Put(ctx, s.cfg.UploadBucket, free, body, size, ctype)
	if err != nil {
		return uploaded{}, err
	}
	u := ingest.Upload{EventName: "s3:ObjectCreated:Put", Bucket: s.cfg.UploadBucket, Key: free, Size: info.Size,
		ETag: info.ETag, VersionID: info.VersionID, Time: info.ModTime}
	if err := s.opt.Service.Enqueue(ctx, u, "hoso-web"); err != nil {
		s.log.Warn("web: upload stored but not queued; the reconciler will", "dossier", u.ID(), "err", err)
	}
	id := process.DossierID(u.Bucket, u.Key, u.ETag, u.VersionID)
	access.Note(ctx, id, u.Origin())
	return uploaded{ID: id, Key: free, URL: "/d/" + id}, nil
}

// addFiles makes a new version of a dossier with more files (the phiếu
// the chi bộ sent later): its files and the new ones as one ZIP, processed
// as a new dossier; the old one points to it and can no longer be
// approved.
func (s *Server) addFiles(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxObjectSize+1<<20)
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "Tệp gửi lên không đọc được hoặc quá lớn.")
		return
	}
	defer r.MultipartForm.RemoveAll()
	st, d, err := s.dossierOf(r, access.Upload)
	if err != nil {
		if errors.Is(err, access.ErrForbidden) {
			s.errorPage(w, r, http.StatusForbidden, "Bạn không được bổ sung hồ sơ của đơn vị này.")
			return
		}
		s.fail(w, r, err)
		return
	}
	if d.Next != "" {
		s.errorPage(w, r, http.StatusConflict, "Hồ sơ này đã có bản bổ sung; hãy bổ sung vào bản mới nhất.")
		return
	}
	files := r.MultipartForm.File["file"]
	if len(files) == 0 {
		s.errorPage(w, r, http.StatusBadRequest, "Chưa chọn tệp nào.")
		return
	}
	orig, _, err := s.sourceBytes(ctx, st, "")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var names []string
	add := func(name string, rd io.Reader) error {
		for n := 2; slices.Contains(names, name); n++ {
			ext := path.Ext(name)
			name = fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(name, ext), n, ext)
		}
		names = append(names, name)
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: s.now()})
		if err == nil {
			_, err = io.Copy(f, rd)
		}
		return err
	}
	if zr, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig))); err == nil && !isOOXML(zr) {
		for _, f := range zr.File {
			if f.FileInfo().IsDir() {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				s.errorPage(w, r, http.StatusBadRequest, "Không đọc được tệp nén của hồ sơ.")
				return
			}
			err = add(f.Name, io.LimitReader(rc, s.cfg.MaxObjectSize))
			rc.Close()
			if err != nil {
				s.fail(w, r, err)
				return
			}
		}
	} else if err := add(fileName(st.Key), bytes.NewReader(orig)); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, fh := range files {
		n := cleanName(fh.Filename)
		f, err := fh.Open()
		if n == "" || err != nil {
			s.errorPage(w, r, http.StatusBadRequest, fmt.Sprintf("Tên tệp %q không hợp lệ.", fh.Filename))
			return
		}
		err = add(n, f)
		f.Close()
		if err != nil {
			s.fail(w, r, err)
			return
		}
	}
	zw.Close()
	if int64(buf.Len()) > s.cfg.MaxObjectSize {
		s.errorPage(w, r, http.StatusRequestEntityTooLarge, "Hồ sơ quá lớn.")
		return
	}
	stem := strings.TrimSuffix(fileName(st.Key), path.Ext(st.Key))
	u, err := s.store(r, st.Origin+"/"+stem+" (bổ sung).zip", "application/zip", &buf, int64(buf.Len()))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.st.update(ctx, st.ID, func(d *Dossier) error { d.Origin, d.Next = st.Origin, u.ID; return nil }); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.st.update(ctx, u.ID, func(d *Dossier) error { d.Origin, d.Prev = st.Origin, st.ID; return nil }); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/d/"+u.ID+"?ok="+url.QueryEscape(fmt.Sprintf("Đã bổ sung %d tệp; hồ sơ đang được xét lại.", len(files))), http.StatusSeeOther)
}

// isOOXML tells a Word document (itself a ZIP) from a ZIP of files.
func isOOXML(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if f.Name == "[Content_Types].xml" {
			return true
		}
	}
	return false
}

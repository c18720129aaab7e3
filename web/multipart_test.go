package web

import (
	"encoding/json"
	"io"
	"mime/multipart"
)

type mpWriter struct{ w *multipart.Writer }

func newMultipart(w io.Writer) *mpWriter { return &mpWriter{multipart.NewWriter(w)} }
func (m *mpWriter) field(k, v string)    { m.w.WriteField(k, v) }
func (m *mpWriter) file(k, name string, b []byte) {
	f, _ := m.w.CreateFormFile(k, name)
	f.Write(b)
}
func (m *mpWriter) close() error        { return m.w.Close() }
func (m *mpWriter) contentType() string { return m.w.FormDataContentType() }

func jsonDecode(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }

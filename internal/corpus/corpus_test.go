package corpus

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/testenv"
)

var dir = filepath.Join("..", "..", "testdata", "corpus")

func TestLoad(t *testing.T) {
	ts, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) < 50 {
		t.Fatalf("%d entries, want at least 50", len(ts))
	}
	var size int64
	seen := map[string]bool{}
	for _, tr := range ts {
		if seen[tr.File] {
			t.Errorf("%s listed twice", tr.File)
		}
		seen[tr.File] = true
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(tr.File)))
		if err != nil {
			t.Errorf("%s: %v", tr.File, err)
			continue
		}
		if !strings.Contains(tr.File, "/") { // scan/ has its own generator and budget
			size += fi.Size()
		}
		switch {
		case tr.Verdict == hoso.VerdictRejected && tr.Error == "":
			t.Errorf("%s: rejected without an error code", tr.File)
		case tr.Verdict != hoso.VerdictRejected && (tr.Candidate.FullName == "" || tr.ReviewDate.IsZero() || tr.Letter == ""):
			t.Errorf("%s: dossier without candidate, review date or letter", tr.File)
		}
		if tr.Note == "" || len(tr.Tags) == 0 {
			t.Errorf("%s: no note or tags", tr.File)
		}
	}
	if size > 6<<20 {
		t.Errorf("the generated corpus is %d bytes, keep it under 6 MiB", size)
	}
}

func TestLoadRecursive(t *testing.T) {
	root := t.TempDir()
	write := func(path string, ts []Truth) {
		b, _ := json.Marshal(ts)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "truth.json"), []Truth{{File: "b.docx", Verdict: hoso.VerdictEligible}})
	write(filepath.Join(root, "scan", "truth.json"), []Truth{{File: "a.pdf", Verdict: hoso.VerdictIncomplete}})
	ts, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 2 || ts[0].File != "b.docx" || ts[1].File != "scan/a.pdf" {
		t.Errorf("got %+v", ts)
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("empty directory: no error")
	}
	os.WriteFile(filepath.Join(root, "truth.json"), []byte("[{"), 0o644)
	if _, err := Load(root); err == nil {
		t.Error("bad JSON: no error")
	}
}

// The committed corpus is what the generator makes: the truth entries are
// equal, and every file that does not pass through LibreOffice is
// byte-identical.
func TestCorpusUpToDate(t *testing.T) {
	ts, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string]Truth{}
	for _, tr := range ts {
		byFile[tr.File] = tr
	}
	check := func(want Truth) {
		got, ok := byFile[want.File]
		if !ok {
			t.Errorf("%s: missing from truth.json (regenerate)", want.File)
			return
		}
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(want)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: truth.json is stale (regenerate):\n have %s\n want %s", want.File, a, b)
		}
		delete(byFile, want.File)
	}
	ds := Dossiers()
	for i := range ds {
		d := &ds[i]
		name := d.ID + dot(d.Ext, map[PackKind]string{PackDOCX: "docx", PackPDF: "pdf", PackZIP: "zip"}[d.Pack.Kind])
		format := map[PackKind]hoso.Format{PackDOCX: hoso.FormatDOCX, PackPDF: hoso.FormatPDFText, PackZIP: hoso.FormatZIP}[d.Pack.Kind]
		check(d.Truth(name, format))
		if d.Pack.Kind == PackPDF || slices.ContainsFunc(d.Pack.Parts, func(p Part) bool { return p.PDF }) {
			continue // LibreOffice output
		}
		b, err := d.Build(context.Background(), nil, d.Ext)
		if err != nil {
			t.Fatal(err)
		}
		if have, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(have, b.Data) {
			t.Errorf("%s: file differs from the generator's output (regenerate)", name)
		}
	}
	src := RejectSource()
	for _, r := range Rejects(&src) {
		check(r.Truth())
		if r.External {
			continue
		}
		b, err := r.Make(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if have, _ := os.ReadFile(filepath.Join(dir, r.Name)); !bytes.Equal(have, b) {
			t.Errorf("%s: file differs from the generator's output (regenerate)", r.Name)
		}
	}
	for f := range byFile {
		if !strings.Contains(f, "/") {
			t.Errorf("%s: in truth.json but not generated", f)
		}
	}
	var top []Truth
	for _, tr := range ts {
		if !strings.Contains(tr.File, "/") {
			top = append(top, tr)
		}
	}
	if have, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(have) != Readme(top) {
		t.Error("README.md is stale (regenerate)")
	}
}

// Every XML part of every DOCX the corpus writes is well-formed, the
// relationships point at parts that exist, and the accepted text holds
// the candidate's name while tracked deletions stay in w:delText.
func TestDOCXWellFormed(t *testing.T) {
	ds := Dossiers()
	for i := range ds {
		d := &ds[i]
		b, err := d.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		parts := unzip(t, b)
		for name, data := range parts {
			if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
				continue
			}
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Errorf("%s %s: %v", d.ID, name, err)
					break
				}
			}
		}
		for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
			if parts[need] == nil {
				t.Errorf("%s: no %s", d.ID, need)
			}
		}
		text, deleted := docText(t, parts["word/document.xml"])
		if d.Style.HeaderFooter {
			h, _ := docText(t, parts["word/header1.xml"])
			text += h
		}
		if d.Style.Encoding == Unicode && !strings.Contains(text, d.Person.Name) {
			t.Errorf("%s: name %q not in the text", d.ID, d.Person.Name)
		}
		if (d.Style.Tracked || d.Style.TrackedRow) != (deleted != "") {
			t.Errorf("%s: tracked %v but deleted text %q", d.ID, d.Style.Tracked, deleted)
		}
		if (d.Style.Tracked || d.Style.TrackedRow) && strings.Contains(text, "Không hoàn thành") {
			t.Errorf("%s: deleted rating leaks into the accepted text", d.ID)
		}
	}
}

func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		if !f.Modified.Equal(ZipTime()) {
			t.Errorf("%s: time %v, want the fixed ZipTime", f.Name, f.Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = data
	}
	return out
}

// docText returns the accepted text (w:t) and the deleted text (w:delText).
func docText(t *testing.T, data []byte) (text, deleted string) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var in string
	var tb, db strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch x := tok.(type) {
		case xml.StartElement:
			in = x.Name.Local
		case xml.EndElement:
			in = ""
		case xml.CharData:
			switch in {
			case "t":
				tb.Write(x)
			case "delText":
				db.Write(x)
			}
		}
	}
	return tb.String(), db.String()
}

func TestRejectFiles(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// The bomb is small on disk and inflates past the 64 MiB limit.
	bomb := read("r04-bom-giai-nen.docx")
	if len(bomb) > 200<<10 {
		t.Errorf("bomb is %d bytes on disk", len(bomb))
	}
	zr, err := zip.NewReader(bytes.NewReader(bomb), int64(len(bomb)))
	if err != nil {
		t.Fatal(err)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if doc == nil || doc.UncompressedSize64 <= 64<<20 {
		t.Fatalf("bomb document.xml: %+v", doc)
	}
	// It inflates past the limit and ends as a document should: only a
	// size limit stops a reader.
	rc, err := doc.Open()
	if err != nil {
		t.Fatal(err)
	}
	cr := &countReader{r: rc}
	if _, err := io.Copy(io.Discard, cr); err != nil {
		t.Fatal(err)
	}
	rc.Close()
	if !bytes.HasSuffix(cr.last, []byte("</w:body></w:document>")) {
		t.Errorf("bomb XML ends %q", cr.last)
	}
	if cr.n <= 64<<20 {
		t.Errorf("bomb inflates to %d bytes", cr.n)
	}

	if b := read("r01-docx-bi-cat-cut.docx"); !bytes.HasPrefix(b, []byte("PK")) {
		t.Error("truncated DOCX does not start like a ZIP")
	} else if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err == nil {
		t.Error("truncated DOCX opens")
	}
	if b := read("r02-zip-hong.zip"); zipReadable(b) {
		t.Error("corrupt ZIP reads cleanly")
	}
	if b := read("r03-pdf-co-mat-khau.pdf"); !bytes.Contains(b, []byte("/Encrypt")) {
		t.Error("encrypted PDF has no /Encrypt")
	}
	if b := read("r05-tep-rong.docx"); len(b) != 0 {
		t.Error("empty file is not empty")
	}
	if b := read("r06-pdf-120-trang.pdf"); bytes.Count(b, []byte("/Type /Page ")) != 120 {
		t.Error("long PDF does not have 120 pages")
	}
	if b := read("r08-word-97.doc"); !bytes.HasPrefix(b, []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}) {
		t.Error(".doc is not an OLE compound file")
	}
	if b := read("r09-anh-the-dat-ten-docx.docx"); !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Error("mislabelled photo is not a PNG")
	}
	parts := unzip(t, read("r10-giay-moi-hop.docx"))
	if text, _ := docText(t, parts["word/document.xml"]); !strings.Contains(text, "GIẤY MỜI") || strings.Contains(text, "xếp loại") {
		t.Errorf("invitation text: %q", text)
	}
}

func zipReadable(b []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return false
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return false
		}
	}
	return true
}

// LibreOffice opens the writer's DOCX without repair and lays the
// Vietnamese text out as written, including text in a text box, a header
// and a content control.
func TestLibreOfficeReadsDOCX(t *testing.T) {
	testenv.LookPath(t, "soffice")
	pdftotext := testenv.LookPath(t, "pdftotext")
	if testing.Short() {
		t.Skip("LibreOffice run skipped in -short mode")
	}
	ctx := context.Background()
	o := &Office{Profile: filepath.Join(t.TempDir(), "lo")}
	for id, extra := range map[string]string{
		"26-khung-van-ban":        "Năm 2021: hoàn thành xuất sắc nhiệm vụ", // in the text box
		"25-dau-trang-chan-trang": "Kiều Thị Hoà, sinh ngày 09/09/1992",     // in the header
	} {
		var d *Dossier
		for _, x := range Dossiers() {
			if x.ID == id {
				d = &x
			}
		}
		b, err := d.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := o.Convert(ctx, b, "docx", "pdf")
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(pdftotext, "-", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		for _, want := range []string{d.Person.Name, "BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ", "Hôm nay, " + longDate(d.Meeting), extra} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: %q not in the PDF text", id, want)
			}
		}
	}
}

// countReader counts bytes and keeps the last few read.
type countReader struct {
	r    io.Reader
	n    int64
	last []byte
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.last = append(c.last, p[:n]...)
	if len(c.last) > 64 {
		c.last = c.last[len(c.last)-64:]
	}
	return n, err
}

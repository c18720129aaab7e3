package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/testenv"
)

// fixture is one file the end-to-end tests upload.
type fixture struct {
	name    string // subtest name
	key     string // object key in the upload bucket
	data    []byte
	verdict hoso.Verdict // from the corpus truth
	person  string       // the candidate's name, which events must not carry
}

const corpusDir = "../../testdata/corpus"

// loadFixtures picks from the corpus a DOCX, a text PDF, a ZIP bundle and
// a broken file, plus a DOCX under a Vietnamese key with spaces. It avoids
// scans where it can: OCR is tested in extract, and here it would only
// make the suite slow.
func loadFixtures(t *testing.T) []fixture {
	t.Helper()
	truths, err := corpus.Load(corpusDir)
	if err != nil || len(truths) == 0 {
		if os.IsNotExist(err) || len(truths) == 0 {
			testenv.Missing(t, "testdata/corpus is missing: go run ./internal/corpus/gen -out testdata/corpus")
		}
		t.Fatal(err)
	}
	slow := func(tr corpus.Truth) bool {
		for _, tag := range tr.Tags {
			if strings.Contains(tag, "scan") || strings.Contains(tag, "ocr") || strings.Contains(tag, "photo") || strings.Contains(tag, "image") {
				return true
			}
		}
		return false
	}
	pick := func(what string, ok func(corpus.Truth) bool, skip ...string) corpus.Truth {
		t.Helper()
		var fallback *corpus.Truth
	next:
		for i, tr := range truths {
			for _, s := range skip {
				if tr.File == s {
					continue next
				}
			}
			if !ok(tr) {
				continue
			}
			if !slow(tr) {
				return tr
			}
			if fallback == nil {
				fallback = &truths[i]
			}
		}
		if fallback == nil {
			t.Fatalf("the corpus has no %s", what)
		}
		return *fallback
	}
	read := func(tr corpus.Truth) []byte {
		b, err := os.ReadFile(filepath.Join(corpusDir, filepath.FromSlash(tr.File)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	good := func(f hoso.Format) func(corpus.Truth) bool {
		return func(tr corpus.Truth) bool {
			return tr.Format == f && tr.Error == "" && tr.Verdict != hoso.VerdictRejected &&
				strings.HasSuffix(tr.File, "."+ext(f))
		}
	}
	docx := pick("DOCX dossier", good(hoso.FormatDOCX))
	pdf := pick("text PDF dossier", good(hoso.FormatPDFText))
	zip := pick("ZIP dossier", good(hoso.FormatZIP))
	broken := pick("broken file", func(tr corpus.Truth) bool { return tr.Error != "" && tr.Verdict == hoso.VerdictRejected })
	viet := pick("second DOCX dossier", good(hoso.FormatDOCX), docx.File)

	f := func(name, key string, tr corpus.Truth) fixture {
		return fixture{name: name, key: key, data: read(tr), verdict: tr.Verdict, person: tr.Candidate.FullName}
	}
	return []fixture{
		f("docx", "chi-bo-so-tai-chinh/"+filepath.Base(docx.File), docx),
		f("pdf", "chi-bo-truong-thpt/"+filepath.Base(pdf.File), pdf),
		f("zip", "chi-bo-benh-vien/2026/"+filepath.Base(zip.File), zip),
		f("broken", "chi-bo-so-tai-chinh/"+filepath.Base(broken.File), broken),
		f("vietnamese key", "chi-bo-van-phong/hồ sơ Nguyễn Văn A.docx", viet),
	}
}

func ext(f hoso.Format) string {
	switch f {
	case hoso.FormatPDFText, hoso.FormatPDFScan:
		return "pdf"
	}
	return string(f)
}

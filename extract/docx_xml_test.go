package extract

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
)

const wmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="` + nsMC + `"><w:body>`

const wmlTail = `</w:body></w:document>`

// sameAsXML reads x with scanWML and with encoding/xml (readXML). When the
// scanner takes x, encoding/xml must take it too and give the same blocks.
func sameAsXML(t *testing.T, x string) (fast bool) {
	t.Helper()
	slow := &docxReader{b: newBudget(Limits{})}
	errSlow := slow.readXML(strings.NewReader(x), "h1")
	quick := &docxReader{b: newBudget(Limits{})}
	if !scanWML(x, newPartState(quick, "h1")) {
		return false
	}
	if errSlow != nil {
		t.Fatalf("scanWML took what encoding/xml refuses (%v):\n%q", errSlow, x)
	}
	if !reflect.DeepEqual(slow.blocks, quick.blocks) || !reflect.DeepEqual(slow.legacy, quick.legacy) {
		t.Fatalf("scanWML and encoding/xml differ on\n%q\nscan: %+v\nxml:  %+v", x, quick.blocks, slow.blocks)
	}
	return true
}

func TestScanWML(t *testing.T) {
	run := func(body string) string { return `<w:p><w:r><w:t>` + body + `</w:t></w:r></w:p>` }
	tests := []struct {
		name string
		body string // inside w:body, or the whole part when it starts with "<?" or "!"
		fast bool   // whether the scanner takes it (if not, encoding/xml reads it)
	}{
		{"plain", run("Nguyễn Văn A"), true},
		{"entities", run(`a &lt;b&gt; &amp; &apos;c&apos; &quot;d&quot;`), true},
		{"character references", run(`&#272;&#x1EA1;&#xe1;i &#9;tab`), true},
		{"reference to a surrogate", run(`&#xD800;`), true},
		{"attribute references", `<w:p><w:pPr><w:pStyle w:val="a&amp;b&#x41;"/></w:pPr>` + run("x") + `</w:p>`, true},
		{"cdata", run(`<![CDATA[a <b> & c]]]>`), true},
		{"comment", `<!-- a - b -->` + run("x<!---->y"), true},
		{"processing instruction", `<?mso-application progid="Word.Document"?>` + run("x"), true},
		{"attributes without space", `<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime"w:hAnsi='.VnTime' /></w:rPr><w:t>Hµ Néi</w:t></w:r></w:p>`, true},
		{"spaces in tags", "<w:p >\n<w:r\t><w:t\n>x</w:t ></w:r></w:p\n>", true},
		{"tabs, breaks, symbols", `<w:p><w:r><w:t>a</w:t><w:tab/><w:br/><w:sym w:font=".VnTime" w:char="E0"/><w:noBreakHyphen/></w:r></w:p>`, true},
		{"tables", `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p>` +
			`<w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>`, true},
		{"deleted and field instruction", `<w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
			`<w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>hidden</w:t></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
			`<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`, true},
		{"markup compatibility", `<mc:AlternateContent><mc:Choice Requires="wps">` + run("choice") + `</mc:Choice><mc:Fallback>` + run("fallback") +
			`</mc:Fallback></mc:AlternateContent>`, true},
		{"prefix rebound", `<x:AlternateContent xmlns:x="` + nsMC + `"><x:Fallback>` + run("fallback") + `</x:Fallback></x:AlternateContent>` +
			`<w:Fallback xmlns:w="urn:other">` + run("kept") + `</w:Fallback>` + `<mc:del xmlns:mc="urn:other">` + run("hidden") + `</mc:del>`, true},
		{"default name space", `<del xmlns="` + nsMC + `">` + run("kept") + `</del><Fallback>` + run("shown") + `</Fallback>`, true},
		{"unbound prefix", `<q:Fallback>` + run("shown") + `</q:Fallback>`, true},
		{"text box", `<w:p><w:r><w:txbxContent><w:p><w:r><w:t>in box</w:t></w:r></w:p></w:txbxContent></w:r></w:p>`, true},
		{"byte order mark", "\ufeff" + run("x"), true},

		// Left to encoding/xml: outside the subset, or refused.
		{"carriage return", run("a\r\nb"), false},
		{"carriage return in attribute", `<w:p><w:pPr><w:pStyle w:val="a` + "\r" + `"/></w:pPr></w:p>`, false},
		{"doctype", `<!DOCTYPE x>` + run("x"), false},
		{"unknown entity", run("&nbsp;"), false},
		{"reference without semicolon", run("&amp"), false},
		{"NUL reference", run("&#0;"), false},
		{"upper-case X reference", run("&#X41;"), false},
		{"]]> in text", run("a]]>b"), false},
		{"control character", run("a\x01b"), false},
		{"invalid UTF-8", run("a\xffb"), false},
		{"non-ASCII name", `<w:pé/>`, false},
		{"two colons", `<a:b:c/>`, false},
		{"leading colon", `<:a/>`, false},
		{"mismatched end", `<w:p><w:r></w:p></w:r>`, false},
		{"end in another prefix", `<w:p></x:p>`, false},
		{"unquoted attribute", `<w:p w:x=1/>`, false},
		{"attribute without value", `<w:p w:x/>`, false},
		{"< in attribute", `<w:p w:x="<"/>`, false},
		{"bad comment", `<!-- a -- b -->`, false},
		{"unclosed comment", `<!-- a`, false},
		{"unclosed cdata", run("<![CDATA[a"), false},
		{"<![ not cdata", `<![CDATX[a]]>`, false},
		{"xml version 1.1", `<?xml version="1.1"?>` + wmlHead + wmlTail, false},
		{"other encoding", `<?xml version="1.0" encoding="windows-1258"?>` + wmlHead + wmlTail, false},
		{"encoding utf-8 any case", `<?xml version="1.0" encoding="Utf-8"?>` + wmlHead + run("x") + wmlTail, true},
		{"unclosed element", `<w:p>`, false},
		{"stray end", `</w:p>`, false},
		{"lone <", `a < b`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := tc.body
			if !strings.HasPrefix(x, "<?") {
				x = wmlHead + x + wmlTail
			}
			if got := sameAsXML(t, x); got != tc.fast {
				t.Errorf("scanWML took it: %v, want %v", got, tc.fast)
			}
		})
	}
}

// TestScanWMLCorpus checks that every part of the corpus DOCX files, as
// our writer, python-docx and LibreOffice wrote them, is read by the
// scanner, and read as encoding/xml reads it.
func TestScanWMLCorpus(t *testing.T) {
	var files []string
	for _, g := range []string{"testdata/*.docx", "../testdata/corpus/*.docx", "../testdata/forms/*.docx", "../testdata/heldout/*.docx"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("only %d DOCX files found", len(files))
	}
	parts := 0
	for _, path := range files {
		zr, err := zip.OpenReader(path)
		if err != nil {
			continue // the corpus's files that are not DOCX at all
		}
		for _, f := range zr.File {
			n := strings.ToLower(f.Name)
			if !strings.HasPrefix(n, "word/") || strings.Count(n, "/") != 1 || !strings.HasSuffix(n, ".xml") ||
				!(n == "word/document.xml" || strings.HasPrefix(n, "word/header") || strings.HasPrefix(n, "word/footer") ||
					n == "word/footnotes.xml" || n == "word/endnotes.xml") {
				continue
			}
			if f.UncompressedSize64 > maxFastPart {
				continue // the zip bomb: streamed, and refused
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
			if !sameAsXML(t, string(data)) {
				t.Errorf("%s: %s is left to encoding/xml", path, f.Name)
			}
			parts++
		}
		zr.Close()
	}
	t.Logf("%d parts of %d files", parts, len(files))
}

// FuzzScanWML: whatever the scanner takes, encoding/xml takes, with the
// same blocks.
func FuzzScanWML(f *testing.F) {
	for _, s := range []string{
		wmlHead + `<w:p><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>` + wmlTail,
		wmlHead + `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` + wmlTail,
		wmlHead + `<mc:AlternateContent><mc:Fallback><w:p><w:r><w:t>f</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>` + wmlTail,
		`<?xml version="1.0"?><!-- c --><a xmlns="` + nsMC + `"><del/><![CDATA[x]]></a>`,
	} {
		f.Add(s)
	}
	if data, err := os.ReadFile("testdata/dossier.docx"); err == nil {
		if zr, err := zip.NewReader(strings.NewReader(string(data)), int64(len(data))); err == nil {
			for _, zf := range zr.File {
				if zf.Name == "word/document.xml" {
					if rc, err := zf.Open(); err == nil {
						if b, err := io.ReadAll(rc); err == nil {
							f.Add(string(b))
						}
						rc.Close()
					}
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, x string) {
		sameAsXML(t, x)
	})
}

// TestDOCXFallbackBudget checks that a part the scanner leaves to
// encoding/xml costs the inflate budget once: a document with a carriage
// return in its text (which encoding/xml rewrites, so the scanner declines
// it) needs the same MaxUncompressed as the same document with spaces.
func TestDOCXFallbackBudget(t *testing.T) {
	body := func(gap string) string {
		return strings.Repeat(para("Nguyễn Văn A, sinh năm 1990"), 40) + `<w:p><w:r><w:t>a` + gap + `b</w:t></w:r></w:p>`
	}
	fast, slow := docxOf(t, body("  ")), docxOf(t, body("\r\n"))
	// The least budget that reads the file, found by bisection.
	least := func(data []byte) int64 {
		lo, hi := int64(1), int64(1<<20)
		for lo < hi {
			mid := (lo + hi) / 2
			if _, err := DOCX(bytes.NewReader(data), int64(len(data)), Limits{MaxUncompressed: mid}); err == nil {
				hi = mid
			} else if hoso.Code(err) != hoso.ETOOLARGE {
				t.Fatalf("limit %d: %v", mid, err)
			} else {
				lo = mid + 1
			}
		}
		return lo
	}
	if a, b := least(fast), least(slow); a != b {
		t.Errorf("budget needed: %d with spaces, %d with a carriage return (read twice?)", a, b)
	}
	txt, err := DOCX(bytes.NewReader(slow), int64(len(slow)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got := txt.Blocks[len(txt.Blocks)-1].Text; got != "a\nb" {
		t.Errorf("last block %q, want %q", got, "a\nb")
	}
}

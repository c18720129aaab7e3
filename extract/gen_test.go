package extract

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures under testdata/")

// TestGenerateFixtures rewrites testdata/dossier.docx and, with
// LibreOffice, testdata/dossier.pdf (go test -run GenerateFixtures -update).
func TestGenerateFixtures(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate")
	}
	docx := zipOf(t, docxParts(dossierBody(), nil))
	if err := os.WriteFile("testdata/dossier.docx", docx, 0o644); err != nil {
		t.Fatal(err)
	}
	soffice := testenv.LookPath(t, "soffice")
	dir := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", dir, "testdata/dossier.docx")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "dossier.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("testdata/dossier.pdf", pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGenerateFuzzSeeds rewrites the seed corpora under testdata/fuzz
// (go test -run GenerateFuzzSeeds -update).
func TestGenerateFuzzSeeds(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate")
	}
	pdfData, err := os.ReadFile("testdata/dossier.pdf")
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile("testdata/dossier.docx")
	if err != nil {
		t.Fatal(err)
	}
	constructs := docxOf(t, para("Nguy", "ễn Văn ")+tableXML([]string{"span2:Năm", "x"}, []string{"2018", "HTTNV", "<w:p/>" + tableXML([]string{"a"})})+
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`+
		`<w:del><w:r><w:delText>cũ</w:delText></w:r></w:del><w:ins><w:r><w:t>mới</w:t><w:tab/><w:br/></w:r></w:ins></w:p>`+
		fontPara(".VnTimeH", "§¶ng")+fontPara("VNI-Times", "Ñaûng")+para("Uû ban nh©n d©n"))
	small := pdfOf([]pdfPage{{content: textOp(700, "Ho va ten") + textOp(680, "\xa7\xb6ng")}, {content: ""},
		{content: "q /X1 Do Q", form: textOp(700, "form")}}, "")
	bundle := zipOf(t, map[string]string{"a/1.docx": string(constructs), "a/2.png": string(pngOf(t, 4, 4)),
		"__MACOSX/x": "x", "b.zip": string(zipOf(t, map[string]string{"c.docx": string(constructs)}))})
	seeds := map[string][]any{
		"FuzzDOCX/dossier":    {docx},
		"FuzzDOCX/constructs": {constructs},
		"FuzzDOCX/truncated":  {constructs[:len(constructs)*2/3]},
		"FuzzPDF/libreoffice": {pdfData},
		"FuzzPDF/small":       {small},
		"FuzzPDF/truncated":   {small[:len(small)-40]},
		"FuzzZIP/bundle":      {bundle},
		"FuzzZIP/docx":        {constructs},
		"FuzzZIP/png":         {pngOf(t, 4, 4)},
		"FuzzZIP/ole":         {oleOf("WordDocument")},
		"FuzzTCVN3/sig1":      {"Uû ban nh©n d©n", false},
		"FuzzTCVN3/sig2":      {"§¶ng Céng s¶n ViÖt Nam", false},
		"FuzzTCVN3/sig3":      {"hoµn thµnh tèt nhiÖm vô", false},
		"FuzzTCVN3/upper":     {"xuÊt s¾c ng\u00adêi", true},
		"FuzzTCVN3/unicode":   {"Nguyễn Thị Hương, Hoà", false},
		"FuzzVNI/sig1":        {"Xin chaøo caùc baïn"},
		"FuzzVNI/sig2":        {"Ñaûng Vieät Nam"},
		"FuzzVNI/sig3":        {"hoaøn thaønh toát nhieäm vuï"},
		"FuzzVNI/sig4":        {"Ngöôøi COÄNG HOAØ"},
		"FuzzVNI/unicode":     {"Nguyễn Thị Hương, Hoà"},
	}
	for name, vals := range seeds {
		var b strings.Builder
		b.WriteString("go test fuzz v1\n")
		for _, v := range vals {
			switch v := v.(type) {
			case []byte:
				fmt.Fprintf(&b, "[]byte(%q)\n", v)
			case string:
				fmt.Fprintf(&b, "string(%q)\n", v)
			case bool:
				fmt.Fprintf(&b, "bool(%v)\n", v)
			}
		}
		path := filepath.Join("testdata/fuzz", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

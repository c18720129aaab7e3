package extract

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
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

// Package wordmade builds bench corpora of dossiers as other programs write
// DOCX: python-docx (Word's default template, with its 350 KB styles.xml
// and stylesWithEffects.xml) and LibreOffice's "MS Word 2007 XML" export,
// beside the corpus's own writer. Our corpus files are 7 KB with a 1 KB
// styles part; a clerk's file is not, and a benchmark on ours alone hid a
// 35× slowdown. It also times python-docx reading the same files, the
// baseline the DOCX benchmarks report their ratio to.
package wordmade

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/testenv"
)

//go:embed pydocx_write.py
var writeScript string

//go:embed pydocx_read.py
var readScript string

// Producers, in the order benchmarks report them.
const (
	Own         = "own"         // the corpus generator's writer
	PythonDOCX  = "python-docx" // Debian's python3-docx, default template
	LibreOffice = "libreoffice" // soffice --convert-to "docx:MS Word 2007 XML" of the python-docx file
)

// Producers lists the producers Build makes.
var Producers = []string{Own, PythonDOCX, LibreOffice}

// Python is Debian's interpreter, which has python3-docx (the pyenv one
// first on PATH does not).
const Python = "/usr/bin/python3"

// Corpus is a set of the same dossiers as each producer wrote them.
type Corpus struct {
	Dir   string
	Files map[string][]string // producer → paths, same order for each
}

// Sources returns the first n DOCX dossiers of the test corpus
// (testdata/corpus under the module root, found from the working
// directory).
func Sources(tb testing.TB, n int) []string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("wordmade: go.mod not found above the working directory")
		}
		dir = parent
	}
	all, err := filepath.Glob(filepath.Join(dir, "testdata", "corpus", "*.docx"))
	if err != nil || len(all) == 0 {
		testenv.Missing(tb, "no DOCX in testdata/corpus: run go generate ./internal/corpus")
	}
	sort.Strings(all)
	return all[:min(n, len(all))]
}

// Build writes each source through python-docx and LibreOffice into a
// temporary directory. It needs python3-docx and soffice (skipped, or
// failed under CI, without them).
func Build(tb testing.TB, sources []string) *Corpus {
	tb.Helper()
	if _, err := os.Stat(Python); err != nil {
		testenv.Missing(tb, "wordmade: "+Python+" not found")
	}
	soffice := testenv.LookPath(tb, "soffice")
	dir := tb.TempDir()
	c := &Corpus{Dir: dir, Files: map[string][]string{Own: sources}}
	script := filepath.Join(dir, "pydocx_write.py")
	if err := os.WriteFile(script, []byte(writeScript), 0o644); err != nil {
		tb.Fatal(err)
	}
	pd, lo := filepath.Join(dir, PythonDOCX), filepath.Join(dir, LibreOffice)
	for _, d := range []string{pd, lo} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, Python, append([]string{script, pd}, sources...)...).CombinedOutput(); err != nil {
		if strings.Contains(string(out), "No module named 'docx'") {
			testenv.Missing(tb, "wordmade: python3-docx is not installed")
		}
		tb.Fatalf("wordmade: python-docx writer: %v\n%s", err, out)
	}
	var pdFiles []string
	for _, s := range sources {
		pdFiles = append(pdFiles, filepath.Join(pd, filepath.Base(s)))
	}
	c.Files[PythonDOCX] = pdFiles
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile"),
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", lo}
	if out, err := exec.CommandContext(ctx, soffice, append(args, pdFiles...)...).CombinedOutput(); err != nil {
		tb.Fatalf("wordmade: soffice: %v\n%s", err, out)
	}
	for _, s := range sources {
		p := filepath.Join(lo, filepath.Base(s))
		if _, err := os.Stat(p); err != nil {
			tb.Fatalf("wordmade: soffice wrote no %s", filepath.Base(p))
		}
		c.Files[LibreOffice] = append(c.Files[LibreOffice], p)
	}
	return c
}

// PythonRead returns python-docx's mean wall and CPU time to open one of
// paths and read every paragraph and cell, over reps passes, in one
// interpreter. CPU time is the figure to compare on a loaded machine.
func PythonRead(tb testing.TB, paths []string, reps int) (wall, cpu time.Duration) {
	tb.Helper()
	script := filepath.Join(tb.TempDir(), "pydocx_read.py")
	if err := os.WriteFile(script, []byte(readScript), 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command(Python, append([]string{script, strconv.Itoa(reps)}, paths...)...).Output()
	if err != nil {
		tb.Fatalf("wordmade: python-docx reader: %v", err)
	}
	f := strings.Fields(string(out))
	if len(f) != 2 {
		tb.Fatalf("wordmade: python-docx reader printed %q", out)
	}
	w, err1 := strconv.ParseInt(f[0], 10, 64)
	c, err2 := strconv.ParseInt(f[1], 10, 64)
	if err1 != nil || err2 != nil {
		tb.Fatalf("wordmade: python-docx reader printed %q", out)
	}
	return time.Duration(w), time.Duration(c)
}

// CPUTime is this process's user+system CPU time so far: with
// GOMAXPROCS=1 (go test -cpu 1) the CPU a benchmark loop used is the
// difference, whatever else the machine runs.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Sizes describes a producer's files for a benchmark's log: mean file
// size and styles part.
func Sizes(paths []string) string {
	var total int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			total += fi.Size()
		}
	}
	if len(paths) == 0 {
		return "no files"
	}
	return fmt.Sprintf("%d files, %.1f KB each", len(paths), float64(total)/float64(len(paths))/1024)
}

// PDFs converts the LibreOffice DOCX files to PDF with LibreOffice, as a
// clerk's "export as PDF" would: multi-page, tables, every second one in
// two columns.
func PDFs(tb testing.TB, c *Corpus) []string {
	tb.Helper()
	soffice := testenv.LookPath(tb, "soffice")
	out := filepath.Join(c.Dir, "pdf")
	if err := os.MkdirAll(out, 0o755); err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(c.Dir, "lo-profile"),
		"--convert-to", "pdf", "--outdir", out}
	if b, err := exec.CommandContext(ctx, soffice, append(args, c.Files[LibreOffice]...)...).CombinedOutput(); err != nil {
		tb.Fatalf("wordmade: soffice: %v\n%s", err, b)
	}
	var paths []string
	for _, s := range c.Files[LibreOffice] {
		p := filepath.Join(out, strings.TrimSuffix(filepath.Base(s), ".docx")+".pdf")
		if _, err := os.Stat(p); err != nil {
			tb.Fatalf("wordmade: soffice wrote no %s", filepath.Base(p))
		}
		paths = append(paths, p)
	}
	return paths
}

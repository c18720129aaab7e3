package forms

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/testenv"
)

const corpusDir = "../../../testdata/forms"

// TestCasesJudgedAsDesigned guards the case table: each case's computed
// verdict is the one it was written for.
func TestCasesJudgedAsDesigned(t *testing.T) {
	ids := map[string]bool{}
	for _, c := range Cases() {
		if err := c.Check(); err != nil {
			t.Error(err)
		}
		if ids[c.ID] {
			t.Errorf("%s: duplicate id", c.ID)
		}
		ids[c.ID] = true
		j := c.Judge()
		if j.Verdict != c.want {
			t.Errorf("%s: verdict %s (ratings %s, distinction %s, age %s, window %v), designed %s",
				c.ID, j.Verdict, j.Ratings, j.Distinction, j.Age, j.Window, c.want)
		}
	}
}

// TestCommittedTruth checks that testdata/forms/truth.json is what the
// cases give today, so a change to a case without regenerating fails.
func TestCommittedTruth(t *testing.T) {
	got, err := loadTop()
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string]corpus.Truth{}
	for _, tr := range got {
		byFile[tr.File] = tr
	}
	cs := Cases()
	if len(got) != len(cs) {
		t.Errorf("truth.json has %d entries, Cases %d", len(got), len(cs))
	}
	for _, c := range cs {
		name, format := c.File()
		want, _ := json.Marshal(c.Truth(name, format))
		have, _ := json.Marshal(byFile[name])
		if !bytes.Equal(want, have) {
			t.Errorf("%s: truth.json differs from the case; regenerate with go run ./internal/corpus/forms/gen\n have %s\n want %s", name, have, want)
		}
	}
}

// TestCorpusShape checks the promises of the corpus: size, balance, and
// the coverage of producers and formats.
func TestCorpusShape(t *testing.T) {
	ts, err := loadTop()
	if err != nil {
		t.Fatal(err)
	}
	count := func(pred func(corpus.Truth) bool) int {
		n := 0
		for _, tr := range ts {
			if pred(tr) {
				n++
			}
		}
		return n
	}
	verdict := func(v hoso.Verdict) func(corpus.Truth) bool {
		return func(tr corpus.Truth) bool { return tr.Verdict == v }
	}
	tag := func(s string) func(corpus.Truth) bool { return func(tr corpus.Truth) bool { return tr.HasTag(s) } }
	format := func(f hoso.Format) func(corpus.Truth) bool {
		return func(tr corpus.Truth) bool { return tr.Format == f }
	}
	scanned := func(tr corpus.Truth) bool {
		return slices.ContainsFunc(tr.Tags, func(s string) bool { return strings.HasPrefix(s, "scan:") })
	}
	for _, x := range []struct {
		what string
		n    int
		min  int
	}{
		{"dossiers", len(ts), 60},
		{"eligible", count(verdict(hoso.VerdictEligible)), 18},
		{"ineligible", count(verdict(hoso.VerdictIneligible)), 18},
		{"incomplete", count(verdict(hoso.VerdictIncomplete)), 12},
		{"near misses", count(tag("near-miss")), 10},
		{"own writer", count(tag("producer:own")), 15},
		{"python-docx", count(tag("producer:python-docx")), 15},
		{"LibreOffice", count(tag("producer:libreoffice")), 15},
		{"text PDFs", count(format(hoso.FormatPDFText)), 10},
		{"two-column", count(tag("two-column")), 4},
		{"ZIPs", count(format(hoso.FormatZIP)), 3},
		{"scans", count(scanned), 8},
		{"no resolution", count(func(tr corpus.Truth) bool { return tr.ReviewDateBasis == hoso.ReviewFromLatestDoc }), 2},
	} {
		if x.n < x.min {
			t.Errorf("%s: %d, want at least %d", x.what, x.n, x.min)
		}
	}
	total := int64(0)
	for _, tr := range ts {
		fi, err := os.Stat(filepath.Join(corpusDir, tr.File))
		if err != nil {
			t.Error(err)
			continue
		}
		total += fi.Size()
		if scanned(tr) && fi.Size() >= 400<<10 {
			t.Errorf("%s: scan of %d KB, want < 400 KB", tr.File, fi.Size()>>10)
		}
		if len(tr.Documents) == 0 {
			t.Errorf("%s: no document kinds", tr.File)
		}
		for _, k := range tr.Documents {
			if !k.Valid() {
				t.Errorf("%s: document kind %q", tr.File, k)
			}
		}
	}
	// The truth rules allow at most two dossiers with two dates of birth.
	if n := count(tag("dob-conflict")); n > 2 {
		t.Errorf("%d dossiers with two dates of birth, want at most 2", n)
	}
	if total >= 12<<20 {
		t.Errorf("corpus is %d MB, want < 12 MB", total>>20)
	}
}

// TestOwnDOCXReproducible regenerates the files of the project's own
// writer, which need no outside program, and compares bytes.
func TestOwnDOCXReproducible(t *testing.T) {
	for _, c := range Cases() {
		if c.Producer != Own || c.Out != OutDOCX {
			continue
		}
		want, err := os.ReadFile(filepath.Join(corpusDir, c.ID+".docx"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Render(nil).ownDOCX(c.WordLike)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: regenerated DOCX differs from testdata/forms", c.ID)
		}
	}
}

var cancuDate = regexp.MustCompile(`ngày (\d{1,2})/(\d{1,2})/(\d{4})`)

// TestNearMissesTurnOnTheDate shows what the near misses are for: judged
// at a wrong date (a Căn cứ line, the cover letter, the resolution's own
// date line), at least one of them would be eligible, while the truth is
// not.
func TestNearMissesTurnOnTheDate(t *testing.T) {
	for _, c := range Cases() {
		if !slices.Contains(c.Tags, "near-miss") {
			continue
		}
		var wrong []hoso.Date
		if slices.Contains(c.Tags, "cancu") {
			for _, l := range c.Res.CanCu {
				for _, m := range cancuDate.FindAllStringSubmatch(l, -1) {
					d, _ := strconv.Atoi(m[1])
					mo, _ := strconv.Atoi(m[2])
					y, _ := strconv.Atoi(m[3])
					wrong = append(wrong, dt(y, mo, d))
				}
			}
		}
		for _, p := range c.Papers() {
			if (p.Kind == KCover && slices.Contains(c.Tags, "cover")) || (p.Kind == KResolution && slices.Contains(c.Tags, "date-line")) {
				wrong = append(wrong, p.Date)
			}
		}
		if len(wrong) == 0 {
			continue
		}
		if c.Judge().Verdict == hoso.VerdictEligible {
			t.Errorf("%s: a near miss should not be eligible", c.ID)
		}
		flips := false
		for _, d := range wrong {
			if c.judgeAt(d, hoso.ReviewFromResolution).Verdict == hoso.VerdictEligible {
				flips = true
			}
		}
		if !flips {
			t.Errorf("%s: no wrong date among %v makes it eligible; not a near miss", c.ID, wrong)
		}
	}
}

// TestPapersSayWhatTheTruthClaims reads the rendered words of each paper
// and checks the facts the truth is computed from are written there.
func TestPapersSayWhatTheTruthClaims(t *testing.T) {
	for _, c := range Cases() {
		for _, p := range c.Papers() {
			text := c.Render([]Paper{p}).text()
			flat := strings.ReplaceAll(text, "\n", " ")
			check := func(what, s string) {
				if !strings.Contains(strings.ToLower(flat), strings.ToLower(s)) {
					t.Errorf("%s: %s paper lacks %s %q", c.ID, p.Kind.DocKind(), what, s)
				}
			}
			switch p.Kind {
			case KResolution:
				when := long(c.Meeting)
				if c.Res.Numeric {
					when = "ngày " + short(c.Meeting)
				}
				check("meeting date", when)
				check("request", "Đề nghị "+c.Unit.DangUy+" xem xét, kết nạp")
			case KPhieu:
				y := c.year(p.Year)
				check("year", fmt.Sprintf("Năm %d", y.Year))
				part := flat[strings.Index(flat, "IV. KẾT QUẢ"):]
				if y.Auth != hoso.RatingUnknown && !strings.Contains(part, ratingWords(y.Auth, y.Year, c.Unit.VienChuc)) {
					t.Errorf("%s: phiếu %d authority part lacks its rating", c.ID, y.Year)
				}
			case KDecision:
				a := c.Awards[p.Award]
				check("decision number", a.Number)
				check("achievement year", fmt.Sprintf("năm %d", a.Year))
			case KDon:
				if c.has(KDon) && c.Meeting.IsZero() == false {
					check("addressee", c.Unit.DangUy)
				}
			}
			if c.statesDOB(p.Kind) {
				if dob := c.dobPhrase(p.Kind); dob != "" {
					check("date of birth", dob)
				}
			}
		}
	}
}

// TestTextPDFsReadable checks that LibreOffice printed the words: the
// text layer of each text PDF holds the candidate's name and, when there
// is a resolution, its request sentence.
func TestTextPDFsReadable(t *testing.T) {
	testenv.LookPath(t, "pdftotext")
	ts, err := loadTop()
	if err != nil {
		t.Fatal(err)
	}
	space := regexp.MustCompile(`\s+`)
	for _, tr := range ts {
		if tr.Format != hoso.FormatPDFText {
			continue
		}
		out, err := exec.Command("pdftotext", filepath.Join(corpusDir, tr.File), "-").Output()
		if err != nil {
			t.Fatalf("%s: pdftotext: %v", tr.File, err)
		}
		text := space.ReplaceAllString(string(out), " ")
		if !strings.Contains(text, tr.Candidate.FullName) {
			t.Errorf("%s: text layer lacks the name %q", tr.File, tr.Candidate.FullName)
		}
		if tr.ReviewDateBasis == hoso.ReviewFromResolution && !strings.Contains(text, "xem xét, kết nạp") {
			t.Errorf("%s: text layer lacks the resolution's request", tr.File)
		}
	}
}

// TestRegenerate writes the whole corpus again with LibreOffice,
// python-docx, pdftoppm and ImageMagick and compares it byte for byte
// with testdata/forms. It takes about a minute and a half on two cores.
func TestRegenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerating the forms corpus takes minutes")
	}
	for _, p := range []string{"soffice", "pdftoppm", "convert"} {
		testenv.LookPath(t, p)
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import docx").Run(); err != nil {
		testenv.Missing(t, "Debian's python3-docx: "+err.Error())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	dir := t.TempDir()
	if _, err := Write(ctx, dir, Tools{Script: "pydocx.py", Profile: filepath.Join(t.TempDir(), "lo")}); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(corpusDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	twins, err := filepath.Glob(filepath.Join(corpusDir, "pdf", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(files, twins...) {
		rel, err := filepath.Rel(corpusDir, f)
		if err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(f); err != nil || fi.IsDir() {
			continue
		}
		want, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Errorf("%s not regenerated: %v", rel, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: regenerated file differs", rel)
		}
	}
}

// loadTop reads the corpus's own truth.json, without the PDF twins in pdf/.
func loadTop() ([]corpus.Truth, error) {
	ts, err := corpus.Load(corpusDir)
	return slices.DeleteFunc(ts, func(t corpus.Truth) bool { return strings.HasPrefix(t.File, "pdf/") }), err
}

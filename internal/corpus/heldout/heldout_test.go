package heldout

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/testenv"
)

// Every case judges to the verdict its author meant.
func TestCasesJudgeAsMeant(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range table() {
		c := w.Case
		if seen[c.ID] {
			t.Errorf("%s: duplicate ID", c.ID)
		}
		seen[c.ID] = true
		if err := c.Check(); err != nil {
			t.Error(err)
			continue
		}
		j := c.Judge()
		letter := w.Letter
		if letter == "" {
			letter = hoso.LetterKind(w.Want)
		}
		if j.Verdict != w.Want || j.Letter != letter {
			t.Errorf("%s: judged %s/%s (ratings %s, distinction %s, age %s, window %v), meant %s/%s",
				c.ID, j.Verdict, j.Letter, j.Ratings, j.Distinc, j.Age, j.Window, w.Want, letter)
		}
	}
}

const dir = "../../../testdata/heldout"

// truth.json and README.md are what the case table says; this needs no
// outside program, so it always runs.
func TestTruthUpToDate(t *testing.T) {
	ts, err := corpus.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]corpus.Truth{}
	for _, tr := range ts {
		have[tr.File] = tr
	}
	var want []corpus.Truth
	for _, c := range Cases() {
		name, format := c.FileName()
		want = append(want, c.Truth(name, format))
	}
	sort.Slice(want, func(i, j int) bool { return want[i].File < want[j].File })
	for _, w := range want {
		h, ok := have[w.File]
		if !ok {
			t.Errorf("%s: missing from truth.json (regenerate)", w.File)
			continue
		}
		a, _ := json.Marshal(h)
		b, _ := json.Marshal(w)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: truth.json is stale (regenerate):\n have %s\n want %s", w.File, a, b)
		}
		delete(have, w.File)
	}
	for f := range have {
		t.Errorf("%s: in truth.json but not a case", f)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(b) != Readme(want) {
		t.Error("README.md is stale (regenerate)")
	}
}

// The corpus mix the held-out set promises: a third of each verdict,
// every producer, scans, ZIPs, and a folder small enough to commit.
func TestMix(t *testing.T) {
	verdicts := map[hoso.Verdict]int{}
	outs := map[Output]int{}
	producers := map[Producer]int{}
	for _, c := range Cases() {
		verdicts[c.Judge().Verdict]++
		outs[c.Out]++
		producers[c.Producer]++
	}
	n := len(Cases())
	if n < 32 {
		t.Errorf("%d cases, want at least 32", n)
	}
	for _, v := range []hoso.Verdict{hoso.VerdictEligible, hoso.VerdictIneligible, hoso.VerdictIncomplete} {
		if verdicts[v] < n/4 {
			t.Errorf("%d %s cases of %d: too few", verdicts[v], v, n)
		}
	}
	if s := outs[OutScanPDF] + outs[OutJPEG] + outs[OutPNG]; s < 6 {
		t.Errorf("%d scans, want 6", s)
	}
	if outs[OutZIP] < 2 || outs[OutPDF] < 6 || outs[OutDOCX] < 14 {
		t.Errorf("outputs %v", outs)
	}
	for _, p := range []Producer{ProdOwn, ProdPythonDocx, ProdLibreOffice} {
		if producers[p] == 0 {
			t.Errorf("no case made by %s", p)
		}
	}
}

// Every text a paper prints is NFC, as the ground rules require.
func TestTextIsNFC(t *testing.T) {
	for _, c := range Cases() {
		for i, p := range c.Papers {
			for _, s := range texts(c.Document(p)) {
				if !norm.NFC.IsNormalString(s) {
					t.Errorf("%s paper %d: not NFC: %q", c.ID, i, s)
				}
			}
		}
	}
}

func texts(d *corpus.Document) []string {
	var out []string
	var para func(p corpus.Paragraph)
	para = func(p corpus.Paragraph) {
		for _, r := range p.Runs {
			out = append(out, r.Text)
		}
	}
	for _, b := range d.Body {
		switch x := b.(type) {
		case corpus.Paragraph:
			para(x)
		case corpus.Table:
			for _, row := range x.Rows {
				for _, c := range row {
					for _, p := range c.Paras {
						para(p)
					}
				}
			}
		}
	}
	return out
}

func TestJudgeEdges(t *testing.T) {
	base := func() Case {
		return Case{ID: "x", Person: Person{Name: "A", Born: D(1990, 6, 15), Unit: "U"}, Papers: []Paper{
			NQ{Party: Party{Addressee: "Đảng uỷ X"}, Meeting: D(2024, 3, 1), Members: 3, Present: 3},
			NhanXet{Date: D(2024, 2, 1), Boss: "GIÁM ĐỐC", Years: []YR{{Year: 2021, Rating: tt}, {Year: 2022, Rating: xs}, {Year: 2023, Rating: tt}}},
		}}
	}
	tests := []struct {
		name   string
		edit   func(c *Case)
		want   hoso.Verdict
		letter hoso.LetterKind
	}{
		{"plain", func(c *Case) {}, hoso.VerdictEligible, hoso.LetterEligible},
		{"employed on 1 January of the first window year", func(c *Case) {
			n := c.Papers[1].(NhanXet)
			n.Employed = D(2021, 1, 1)
			c.Papers[1] = n
		}, hoso.VerdictEligible, hoso.LetterEligible},
		{"employed on 2 January", func(c *Case) {
			n := c.Papers[1].(NhanXet)
			n.Employed = D(2021, 1, 2)
			c.Papers[1] = n
		}, hoso.VerdictIneligible, hoso.LetterIneligible},
		{"exactly 60 years", func(c *Case) { c.Person.Born = D(1964, 3, 1) }, hoso.VerdictEligible, hoso.LetterEligible},
		{"60 years and a day short of a month", func(c *Case) { c.Person.Born = D(1964, 2, 2) }, hoso.VerdictEligible, hoso.LetterEligible},
		{"60 years and a month", func(c *Case) { c.Person.Born = D(1964, 2, 1) }, hoso.VerdictIneligible, hoso.LetterEscalate},
		{"over 60 and a year missing", func(c *Case) {
			c.Person.Born = D(1960, 1, 1)
			n := c.Papers[1].(NhanXet)
			n.Years = n.Years[1:]
			c.Papers[1] = n
		}, hoso.VerdictIneligible, hoso.LetterIneligible},
		{"self-only row", func(c *Case) {
			n := c.Papers[1].(NhanXet)
			n.Years = append([]YR(nil), n.Years...)
			n.Years[0].SelfOnly = true
			c.Papers[1] = n
		}, hoso.VerdictIncomplete, hoso.LetterIncomplete},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := base()
			tc.edit(&c)
			j := c.Judge()
			if j.Verdict != tc.want || j.Letter != tc.letter {
				t.Errorf("got %s/%s (ratings %s, distinction %s, age %s), want %s/%s", j.Verdict, j.Letter, j.Ratings, j.Distinc, j.Age, tc.want, tc.letter)
			}
		})
	}
}

// The committed files are what the generator makes. DOCX files (and DOCX
// members of ZIPs) must be byte-identical; LibreOffice PDFs and the scans
// made from them are compared by text and page count.
func TestFilesUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerating the held-out corpus takes about a minute")
	}
	testenv.LookPath(t, "soffice")
	for _, p := range []string{"pdftoppm", "pdftotext", "pdfinfo", "convert"} {
		testenv.LookPath(t, p)
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import docx").Run(); err != nil {
		testenv.Missing(t, "/usr/bin/python3 with python-docx (Debian python3-docx): "+err.Error())
	}
	out := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	if err := Write(ctx, Env{Profile: filepath.Join(out, ".lo")}, out, "", slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	for _, c := range Cases() {
		name, _ := c.FileName()
		have, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v (regenerate)", name, err)
			continue
		}
		want, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := sameFile(name, have, want); err != nil {
			t.Errorf("%s: differs from the generator's output (regenerate): %v", name, err)
		}
	}
}

func sameFile(name string, have, want []byte) error {
	switch filepath.Ext(name) {
	case ".pdf":
		return samePDF(have, want)
	case ".zip":
		return sameZIP(have, want)
	case ".jpg", ".png":
		a, _, err1 := image.DecodeConfig(bytes.NewReader(have))
		b, _, err2 := image.DecodeConfig(bytes.NewReader(want))
		if err1 != nil || err2 != nil || a.Width != b.Width || a.Height != b.Height {
			return fmt.Errorf("image %dx%d vs %dx%d (%v, %v)", a.Width, a.Height, b.Width, b.Height, err1, err2)
		}
		return nil
	}
	if !bytes.Equal(have, want) {
		return fmt.Errorf("bytes differ")
	}
	return nil
}

func sameZIP(have, want []byte) error {
	a, err := zip.NewReader(bytes.NewReader(have), int64(len(have)))
	if err != nil {
		return err
	}
	b, err := zip.NewReader(bytes.NewReader(want), int64(len(want)))
	if err != nil {
		return err
	}
	if len(a.File) != len(b.File) {
		return fmt.Errorf("%d members, want %d", len(a.File), len(b.File))
	}
	for i := range a.File {
		if a.File[i].Name != b.File[i].Name {
			return fmt.Errorf("member %d is %q, want %q", i, a.File[i].Name, b.File[i].Name)
		}
		x, err := readMember(a.File[i])
		if err != nil {
			return err
		}
		y, err := readMember(b.File[i])
		if err != nil {
			return err
		}
		if err := sameFile(a.File[i].Name, x, y); err != nil {
			return fmt.Errorf("%s: %w", a.File[i].Name, err)
		}
	}
	return nil
}

func readMember(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// samePDF compares the text layer and the page count.
func samePDF(have, want []byte) error {
	for _, tool := range [][]string{{"pdftotext", "-layout"}, {"pdfinfo"}} {
		a, err := runOn(tool, have)
		if err != nil {
			return err
		}
		b, err := runOn(tool, want)
		if err != nil {
			return err
		}
		if tool[0] == "pdfinfo" {
			a, b = pages(a), pages(b)
		}
		if a != b {
			return fmt.Errorf("%s output differs", tool[0])
		}
	}
	return nil
}

func pages(info string) string {
	for _, l := range strings.Split(info, "\n") {
		if strings.HasPrefix(l, "Pages:") {
			return l
		}
	}
	return ""
}

func runOn(tool []string, data []byte) (string, error) {
	f, err := os.CreateTemp("", "heldout-*.pdf")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		return "", err
	}
	f.Close()
	args := append(append([]string{}, tool[1:]...), f.Name())
	if tool[0] == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(tool[0], args...).Output()
	return string(out), err
}

// What the truth says is printed: a paper's facts must appear in its own
// text (after joining line breaks and collapsing spaces), so a layout
// switch can never drop a line the truth relies on.
func TestFactsArePrinted(t *testing.T) {
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, c := range Cases() {
		for i, p := range c.Papers {
			text := flat(strings.Join(texts(c.Document(p)), " "))
			f := p.Facts(&c)
			must := func(what, s string) {
				if s != "" && !strings.Contains(text, flat(s)) {
					t.Errorf("%s paper %d (%s): %s %q not printed", c.ID, i, p.Kind(), what, s)
				}
			}
			q, isQD := p.(QD)
			named := !isQD || (q.Includes && q.Collective == "")
			if named && !strings.Contains(text, c.Person.Name) && !strings.Contains(text, upper(c.Person.Name)) {
				t.Errorf("%s paper %d: candidate's name not printed", c.ID, i)
			}
			if f.Unit {
				must("unit", c.Person.Unit)
			}
			if f.Position {
				must("position", c.Person.Position)
			}
			must("addressee", f.Addressee)
			for _, d := range []hoso.Date{f.Meeting, f.Employed, f.Born} {
				if !d.IsZero() {
					must("year", fmt.Sprint(d.Year))
				}
			}
			if f.BirthYear != 0 {
				must("birth year", fmt.Sprint(f.BirthYear))
			}
			for _, a := range f.Ratings {
				must("rating year", fmt.Sprint(a.Year))
			}
			for _, y := range f.Unrated {
				must("unrated year", fmt.Sprint(y))
			}
			for _, a := range f.Awards {
				must("award year", fmt.Sprint(a.Year))
				if n := strings.TrimPrefix(a.Decision, "Quyết định số "); n != "" {
					must("decision number", n[:strings.Index(n, " ")])
				}
			}
		}
	}
}

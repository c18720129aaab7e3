package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
)

// TestProcessCorpus runs `hoso process --json --out DIR` over every corpus
// file, as a user would, and checks the verdict against the ground truth
// and that every dossier that is not rejected got its letter of the right
// kind. DOCX, text PDF and ZIP cases must agree 100 %; scans are held to
// their own bar in extract's OCR corpus test and only must never be judged
// eligible wrongly here.
func TestProcessCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "corpus")
	truths, err := corpus.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(truths) < 40 {
		t.Fatalf("corpus has %d cases, want ≥ 40", len(truths))
	}
	var files []string
	for _, tr := range truths {
		files = append(files, filepath.Join(dir, tr.File))
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	m := &Main{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	args := append([]string{"--json", "--out", out, "--date", "2019-10-01", "-ocr=off"}, files...)
	err = m.Run(context.Background(), append([]string{"process"}, args...))
	if err != nil && !strings.Contains(err.Error(), "rejected") {
		t.Fatalf("hoso process: %v\n%s", err, stderr.String())
	}

	dec := json.NewDecoder(&stdout)
	byFile := map[string]*hoso.Record{}
	for dec.More() {
		var rec hoso.Record
		if err := dec.Decode(&rec); err != nil {
			t.Fatalf("decoding output: %v", err)
		}
		byFile[rec.Source.Key] = &rec
	}

	agree, total := 0, 0
	for i, tr := range truths {
		rec := byFile[files[i]]
		if rec == nil {
			t.Errorf("%s: no record printed", tr.File)
			continue
		}
		if rec.Schema != hoso.Schema {
			t.Errorf("%s: schema %q", tr.File, rec.Schema)
		}
		scan := rec.Source.Format == hoso.FormatPDFScan || rec.Source.Format == hoso.FormatImage || tr.HasTag("scan")
		if scan {
			// OCR is off here: a scan may only be incomplete or rejected,
			// never eligible on evidence nobody read.
			if rec.Verdict == hoso.VerdictEligible && tr.Verdict != hoso.VerdictEligible {
				t.Errorf("%s: scan judged eligible, truth %s", tr.File, tr.Verdict)
			}
			continue
		}
		total++
		if rec.Verdict == tr.Verdict {
			agree++
		} else {
			t.Errorf("%s: verdict %s, truth %s (%s)", tr.File, rec.Verdict, tr.Verdict, tr.Note)
		}
		if tr.Verdict == hoso.VerdictRejected {
			if tr.Error != "" && (rec.Error == nil || rec.Error.Code != tr.Error) {
				t.Errorf("%s: error %+v, truth code %s", tr.File, rec.Error, tr.Error)
			}
			if rec.Error == nil || rec.Error.Message == "" || rec.Error.English == "" {
				t.Errorf("%s: rejected without a Vietnamese and English reason: %+v", tr.File, rec.Error)
			}
			if rec.Letter != nil {
				t.Errorf("%s: rejected file got a letter", tr.File)
			}
			continue
		}
		if rec.Letter == nil || rec.Letter.DOCX == "" {
			t.Errorf("%s: no letter written", tr.File)
			continue
		}
		if tr.Letter != "" && rec.Letter.Kind != tr.Letter {
			t.Errorf("%s: letter kind %s, truth %s", tr.File, rec.Letter.Kind, tr.Letter)
		}
		checkLetter(t, tr.File, rec)
		if _, err := os.Stat(filepath.Join(out, rec.DossierID+".json")); err != nil {
			t.Errorf("%s: record JSON not written: %v", tr.File, err)
		}
	}
	t.Logf("verdict agreement on DOCX, text PDF and ZIP: %d/%d", agree, total)
	if total < 40 {
		t.Errorf("only %d non-scan cases checked", total)
	}
}

// checkLetter opens the written DOCX and checks that it names the
// candidate exactly as the record has it.
func checkLetter(t *testing.T, file string, rec *hoso.Record) {
	t.Helper()
	zr, err := zip.OpenReader(rec.Letter.DOCX)
	if err != nil {
		t.Errorf("%s: letter is not a DOCX: %v", file, err)
		return
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Errorf("%s: %v", file, err)
			return
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		var name bytes.Buffer
		xml.EscapeText(&name, []byte(rec.Candidate.FullName))
		if name.Len() > 0 && !bytes.Contains(b, name.Bytes()) {
			t.Errorf("%s: letter does not name the candidate %q as written", file, rec.Candidate.FullName)
		}
		return
	}
	t.Errorf("%s: letter has no word/document.xml", file)
}

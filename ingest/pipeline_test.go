package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/hoso-vn/hoso/render"
)

// corpusCases picks corpus files (internal/corpus) covering every format
// and outcome: by property, not by name, so the corpus may grow.
func corpusCases(t *testing.T) []corpus.Truth {
	t.Helper()
	all, err := corpus.Load("../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	var picked []corpus.Truth
	seen := map[string]bool{}
	for _, c := range all {
		var k string
		switch {
		case c.Format == hoso.FormatImage || c.Format == hoso.FormatPDFScan:
			// OCR costs a minute per scan here and its accuracy is extract's
			// to test; this test is about the service around the stages.
			continue
		case c.Verdict == hoso.VerdictRejected && c.Error != hoso.ETOOLARGE: // large ones cost time, not coverage here
			k = "rejected/" + string(c.Error)
		case c.Verdict != hoso.VerdictRejected:
			k = string(c.Format) + "/" + string(c.Letter)
		default:
			continue
		}
		if !seen[k] {
			seen[k] = true
			picked = append(picked, c)
		}
	}
	if len(picked) < 8 {
		t.Fatalf("corpus gave only %d distinct cases", len(picked))
	}
	return picked
}

// TestPipelineCorpus runs real corpus dossiers through the whole service —
// Dir store, NATS, extract, validate, render — under keys with Vietnamese
// letters and spaces, and checks each outcome against the corpus truth.
func TestPipelineCorpus(t *testing.T) {
	cases := corpusCases(t)
	t.Logf("%d corpus cases", len(cases))
	h := newHarness(t, &Pipeline{}, func(c *Config) { c.AckWait = 60 * time.Second })
	h.run()
	var files []string
	tr := map[string]corpus.Truth{}
	for _, c := range cases {
		files = append(files, c.File)
		tr[c.File] = c
	}
	ups := map[string]Upload{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("../testdata/corpus", f))
		if err != nil {
			t.Fatal(err)
		}
		ups[f] = h.upload("chi bộ văn phòng/hồ sơ "+filepath.Base(f), string(b))
	}
	for _, f := range files {
		want := tr[f]
		u := ups[f]
		st := h.wait(u.ID(), final)
		var rec hoso.Record
		if err := json.Unmarshal(h.read(st.Record), &rec); err != nil {
			t.Fatalf("%s: record.json: %v", f, err)
		}
		if st.Verdict != want.Verdict || rec.Verdict != want.Verdict {
			t.Errorf("%s: verdict state %q record %q, want %q", f, st.Verdict, rec.Verdict, want.Verdict)
		}
		if rec.DossierID != u.ID() || rec.Source.Key != u.Key || rec.Source.Bucket != "hoso-uploads" {
			t.Errorf("%s: record source %+v id %s", f, rec.Source, rec.DossierID)
		}
		if want.Verdict == hoso.VerdictRejected {
			if len(rec.Source.SHA256) != 64 {
				t.Errorf("%s: rejected record.json lost extract's source hash: %+v", f, rec.Source)
			}
			if st.Status != StatusFailed || st.Error == nil || st.Error.Code != want.Error || st.DOCX != "" {
				t.Errorf("%s: state %+v error %+v, want failed %s", f, st, st.Error, want.Error)
			}
			continue
		}
		prefix := "letters/chi bộ văn phòng/" + u.ID() + "/"
		if st.Status != StatusRendered || st.LetterKind != want.Letter || st.DOCX != prefix+string(want.Letter)+".docx" ||
			rec.Letter == nil || rec.Letter.DOCX != st.DOCX || len(rec.Rules) == 0 {
			t.Errorf("%s: state %+v, record letter %+v, want %s", f, st, rec.Letter, want.Letter)
			continue
		}
		// The stored letter is exactly what render makes for this record
		// and the upload's date: redelivery would write the same bytes.
		letter := h.read(st.DOCX)
		info, _ := h.dir.Stat(context.Background(), "hoso-uploads", u.Key)
		rec.Letter = nil
		again, err := render.DOCX(&rec, render.DefaultIssuer(), hoso.DateOf(info.ModTime.In(h.cfg.Location)))
		if err != nil || !bytes.Equal(again, letter) {
			t.Errorf("%s: stored letter differs from render.DOCX of record.json (%v)", f, err)
		}
		if _, err := zip.NewReader(bytes.NewReader(letter), int64(len(letter))); err != nil {
			t.Errorf("%s: letter is not a DOCX: %v", f, err)
		}
	}
	evs := h.events()
	if len(evs) != len(files) {
		t.Errorf("%d events, want %d", len(evs), len(files))
	}
	for _, e := range evs {
		// Personal data stays in record.json.
		raw, _ := json.Marshal(e)
		for _, c := range cases {
			if n := c.Candidate.FullName; n != "" && strings.Contains(string(raw), n) {
				t.Errorf("event %s carries a candidate's name", e.ID)
			}
		}
	}
}

// TestPipelinePDF converts one letter with LibreOffice.
func TestPipelinePDF(t *testing.T) {
	testenv.LookPath(t, "soffice")
	pool := &PDFPool{Size: 1}
	defer pool.Close()
	h := newHarness(t, &Pipeline{PDF: pool}, func(c *Config) { c.AckWait = 60 * time.Second; c.Workers = 1 })
	h.run()
	b := eligibleDOCX(t)
	u := h.upload("chi-bo/01.docx", string(b))
	st := h.wait(u.ID(), final)
	if st.Status != StatusRendered || st.PDF == "" {
		t.Fatalf("state %+v error %+v", st, st.Error)
	}
	if pdf := h.read(st.PDF); !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("%s is not a PDF", st.PDF)
	}
	rr := do(t, h.svc.Handler(), "GET", "/v1/dossiers/"+u.ID()+"/letter?format=pdf", nil, "")
	if rr.Code != 200 || rr.Header().Get("Content-Type") != TypePDF {
		t.Errorf("GET pdf letter: %d", rr.Code)
	}
	io.Copy(io.Discard, rr.Body)
}

// brokenPDF is a converter that is down, the way a wedged LibreOffice is.
type brokenPDF struct{}

func (brokenPDF) PDF(context.Context, []byte) ([]byte, error) {
	return nil, hoso.Errorf(hoso.ETIMEOUT, "LibreOffice quá thời gian", "LibreOffice timed out")
}

func TestPipelinePDFDownRetriesThenDeliversDOCX(t *testing.T) {
	h := newHarness(t, &Pipeline{PDF: brokenPDF{}}, func(c *Config) { c.AckWait = 30 * time.Second })
	h.run()
	b := eligibleDOCX(t)
	u := h.upload("chi-bo/01.docx", string(b))
	st := h.wait(u.ID(), final)
	if st.Status != StatusRendered || st.PDF != "" || st.DOCX == "" || st.Deliveries != uint64(h.cfg.MaxDeliver) {
		t.Fatalf("state %+v", st)
	}
	var rec hoso.Record
	json.Unmarshal(h.read(st.Record), &rec)
	if rec.Letter == nil || !strings.Contains(rec.Letter.PDFSkipped, "PDF") {
		t.Errorf("record letter %+v: want pdf_skipped", rec.Letter)
	}
}

// TestPipelinePDFNotInstalled: without LibreOffice the DOCX is delivered on
// the first delivery, with the reason the PDF was skipped; nothing retries
// a program that is not there.
func TestPipelinePDFNotInstalled(t *testing.T) {
	pool := &PDFPool{Size: 1, Options: render.ConverterOptions{Soffice: filepath.Join(t.TempDir(), "no-soffice")}}
	defer pool.Close()
	h := newHarness(t, &Pipeline{PDF: pool}, func(c *Config) { c.AckWait = 30 * time.Second })
	h.run()
	u := h.upload("chi-bo/01.docx", string(eligibleDOCX(t)))
	st := h.wait(u.ID(), final)
	if st.Status != StatusRendered || st.PDF != "" || st.DOCX == "" || st.Deliveries != 1 {
		t.Fatalf("state %+v", st)
	}
	var rec hoso.Record
	json.Unmarshal(h.read(st.Record), &rec)
	if rec.Letter == nil || !strings.Contains(rec.Letter.PDFSkipped, "PDF skipped") {
		t.Errorf("record letter %+v: want pdf_skipped", rec.Letter)
	}
}

// eligibleDOCX returns a corpus DOCX dossier that gets a letter.
func eligibleDOCX(t *testing.T) []byte {
	t.Helper()
	all, err := corpus.Load("../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		if c.Format == hoso.FormatDOCX && c.Verdict == hoso.VerdictEligible {
			b, err := os.ReadFile(filepath.Join("../testdata/corpus", c.File))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatal("no eligible DOCX in the corpus")
	return nil
}

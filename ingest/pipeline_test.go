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
	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/hoso-vn/hoso/render"
)

// truth is the expected outcome of a corpus file (testdata/corpus/truth.json).
type truth struct {
	File    string          `json:"file"`
	Verdict hoso.Verdict    `json:"verdict"`
	Letter  hoso.LetterKind `json:"letter"`
	Error   hoso.ErrorCode  `json:"error"`
}

func loadTruth(t *testing.T) map[string]truth {
	t.Helper()
	b, err := os.ReadFile("../testdata/corpus/truth.json")
	if err != nil {
		t.Fatal(err)
	}
	var list []truth
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	m := map[string]truth{}
	for _, e := range list {
		m[e.File] = e
	}
	return m
}

// TestPipelineCorpus runs real corpus dossiers through the whole service —
// Dir store, NATS, extract, validate, render — under keys with Vietnamese
// letters and spaces, and checks each outcome against the corpus truth.
func TestPipelineCorpus(t *testing.T) {
	tr := loadTruth(t)
	h := newHarness(t, &Pipeline{}, func(c *Config) { c.AckWait = 30 * time.Second })
	h.run()
	files := []string{"01-bang-htxsnv.docx", "05-htnv-han-che-nang-luc.docx", "08-thieu-nam-giua.docx",
		"11-tren-60-tuoi.docx", "31-pdf-bang.pdf", "34-zip-ba-phan.zip",
		"r01-docx-bi-cat-cut.docx", "r03-pdf-co-mat-khau.pdf", "r08-word-97.doc", "r10-giay-moi-hop.docx"}
	ups := map[string]Upload{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("../testdata/corpus", f))
		if err != nil {
			t.Fatal(err)
		}
		ups[f] = h.upload("chi bộ văn phòng/hồ sơ "+f, string(b))
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
		// 01's candidate: personal data stays in record.json.
		if raw, _ := json.Marshal(e); strings.Contains(string(raw), "Nguyễn Thị Hương") {
			t.Errorf("event %s carries a candidate's name", e.ID)
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
	b, _ := os.ReadFile("../testdata/corpus/01-bang-htxsnv.docx")
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
	b, _ := os.ReadFile("../testdata/corpus/01-bang-htxsnv.docx")
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

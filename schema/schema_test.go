package schema_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/schema"
	"github.com/hoso-vn/hoso/validate"
)

// TestCorpusRecords reads every corpus file the way 'hoso process' does
// (without OCR), validates it with the default rule set and checks the
// JSON against the published record schema: rejected files included.
func TestCorpusRecords(t *testing.T) {
	s, err := schema.Compile(schema.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, dir := range []string{"corpus", "forms", "heldout"} {
		es, err := os.ReadDir(filepath.Join("..", "testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			switch strings.ToLower(filepath.Ext(e.Name())) {
			case ".json", ".md", ".tsv", ".txt":
				continue
			}
			if !e.IsDir() {
				files = append(files, filepath.Join("..", "testdata", dir, e.Name()))
			}
		}
	}
	if len(files) < 60 {
		t.Fatalf("only %d corpus files found", len(files))
	}
	rd := &dossier.Reader{}
	rs := validate.Default()
	verdicts := map[hoso.Verdict]int{}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			fi, _ := f.Stat()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			rec, err := rd.Record(ctx, filepath.Base(name), f, fi.Size())
			if err == nil {
				rs.Apply(rec)
			}
			b, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			v, err := unmarshal(b)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(v); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			verdicts[rec.Verdict]++
		})
	}
	t.Logf("%d records valid against %s; verdicts %v", len(files), schema.RecordID, verdicts)
}

// TestRecordSchemaRejects makes sure the schema is not vacuous.
func TestRecordSchemaRejects(t *testing.T) {
	for _, tc := range []struct{ name, doc string }{
		{"no schema", `{"dossier_id":"","source":{"key":"a","sha256":""},"candidate":{"full_name":""},"appraisals":[],"awards":[]}`},
		{"bad rating", `{"schema":"hoso.record/v1","dossier_id":"","source":{"key":"a","sha256":""},"candidate":{"full_name":""},"appraisals":[{"year":2018,"rating":"A","evidence":{"file":"f","text":"t"}}],"awards":[]}`},
		{"bad verdict", `{"schema":"hoso.record/v1","dossier_id":"","source":{"key":"a","sha256":""},"candidate":{"full_name":""},"appraisals":[],"awards":[],"verdict":"ok"}`},
		{"bad date", `{"schema":"hoso.record/v1","dossier_id":"","source":{"key":"a","sha256":""},"candidate":{"full_name":"","date_of_birth":"12/05/1990"},"appraisals":[],"awards":[]}`},
	} {
		if err := schema.Validate(schema.RecordID, []byte(tc.doc)); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
	ok := `{"schema":"hoso.record/v1","dossier_id":"","source":{"key":"a","sha256":""},"candidate":{"full_name":""},"appraisals":[],"awards":[]}`
	if err := schema.Validate(schema.RecordID, []byte(ok)); err != nil {
		t.Errorf("minimal record refused: %v", err)
	}
}

// TestEventSchema checks the Go event type against the event schema, for
// both types and with and without a letter.
func TestEventSchema(t *testing.T) {
	for _, e := range []ingest.Event{
		{SpecVersion: "1.0", ID: "obubhkfw7s2uygcpcneuwoww", Source: "hoso/host", Type: ingest.TypeCompleted,
			Subject: "obubhkfw7s2uygcpcneuwoww", Time: time.Now().UTC(), DataContentType: "application/json",
			DataRef: "letters/chi-bo/obubhkfw7s2uygcpcneuwoww/eligible.docx",
			Data: ingest.Summary{DossierID: "obubhkfw7s2uygcpcneuwoww", Status: ingest.StatusRendered, Verdict: hoso.VerdictEligible,
				Origin: "chi-bo", Bucket: "hoso-uploads", Key: "chi-bo/a.docx", LetterKind: hoso.LetterEligible,
				DOCX: "letters/chi-bo/obubhkfw7s2uygcpcneuwoww/eligible.docx", Record: "letters/chi-bo/obubhkfw7s2uygcpcneuwoww/record.json"}},
		{SpecVersion: "1.0", ID: "obubhkfw7s2uygcpcneuwoww", Source: "hoso/host", Type: ingest.TypeFailed,
			Time: time.Now().UTC(), DataContentType: "application/json",
			Data: ingest.Summary{DossierID: "obubhkfw7s2uygcpcneuwoww", Status: ingest.StatusFailed, Verdict: hoso.VerdictRejected,
				Origin: "chi-bo", Bucket: "hoso-uploads", Key: "chi-bo/a.doc",
				Error: &hoso.ErrorInfo{Code: hoso.EUNSUPPORTED, Message: "…", English: "…"}}},
	} {
		b, _ := json.Marshal(e)
		if err := schema.Validate(schema.EventID, b); err != nil {
			t.Errorf("%s: %v", e.Type, err)
		}
	}
	if err := schema.Validate(schema.EventID, []byte(`{"specversion":"1.0","id":"x","source":"s","type":"other","time":"2020-01-01T00:00:00Z","datacontenttype":"application/json","data":{}}`)); err == nil {
		t.Error("a malformed event was accepted")
	}
}

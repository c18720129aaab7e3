package dossier

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"testing"

	"github.com/hoso-vn/hoso"
)

func TestReaderRecord(t *testing.T) {
	data, err := os.ReadFile("../extract/testdata/dossier.docx")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	rec, err := (&Reader{}).Record(context.Background(), "uploads/ho-so.docx", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Source.Key != "uploads/ho-so.docx" || rec.Source.SHA256 != hex.EncodeToString(sum[:]) ||
		rec.Source.Format != hoso.FormatDOCX || rec.Schema != hoso.Schema || rec.Verdict == hoso.VerdictRejected {
		t.Errorf("record %+v", rec)
	}

	rec, err = (&Reader{}).Record(context.Background(), "trong.pdf", bytes.NewReader(nil), 0)
	var he *hoso.Error
	if !errors.As(err, &he) || he.Code != hoso.EEMPTY {
		t.Fatalf("empty file: err %v", err)
	}
	if rec == nil || rec.Verdict != hoso.VerdictRejected || rec.Error == nil || rec.Error.Code != hoso.EEMPTY ||
		rec.Source.Key != "trong.pdf" || rec.Source.SHA256 == "" {
		t.Errorf("rejected record %+v", rec)
	}
}

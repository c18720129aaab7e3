package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// at returns the fixture under another key with bytes of its own but the
// same document: hoso links the same bytes under a second name to the
// first dossier as a duplicate, so a test that means a second, fully
// processed dossier uploads a variant. ZIP and DOCX get a ZIP comment, a
// PDF a comment line and a second %%EOF (readers look for the last one),
// anything else a trailing line.
func (f fixture) at(t *testing.T, key string) fixture {
	t.Helper()
	sum := sha256.Sum256([]byte(key))
	tag := "hoso-e2e " + hex.EncodeToString(sum[:8])
	f.key = key
	switch {
	case bytes.HasPrefix(f.data, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(f.data), int64(len(f.data)))
		if err != nil {
			t.Fatalf("variant of %s: %v", key, err)
		}
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for _, e := range zr.File {
			if err := zw.Copy(e); err != nil {
				t.Fatalf("variant of %s: %v", key, err)
			}
		}
		zw.SetComment(tag)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		f.data = b.Bytes()
	case bytes.HasPrefix(f.data, []byte("%PDF-")):
		f.data = append(bytes.Clone(f.data), []byte("\n%"+tag+"\n%%EOF\n")...)
	default:
		f.data = append(bytes.Clone(f.data), []byte("\n"+tag+"\n")...)
	}
	return f
}

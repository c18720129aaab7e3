package render

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestGolden(t *testing.T) {
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			got, err := DOCX(f.rec(), f.iss(), letterDate)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "letter-"+f.name+".docx")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				// The input record too, for the CLI and for readers of the golden letter.
				js, err := json.MarshalIndent(f.rec(), "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join("testdata", "record-"+f.name+".json"), append(js, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./render -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; diff of parts: %s", path, diffParts(t, want, got))
			}
		})
	}
}

// diffParts names the zip parts whose content differs.
func diffParts(t *testing.T, a, b []byte) string {
	pa, pb := parts(t, a), parts(t, b)
	var out string
	for name, x := range pa {
		if !bytes.Equal(x, pb[name]) {
			out += name + " "
		}
	}
	for name := range pb {
		if _, ok := pa[name]; !ok {
			out += name + "(new) "
		}
	}
	if out == "" {
		out = "none: zip framing only"
	}
	return out
}

func parts(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	m := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
		m[f.Name] = buf.Bytes()
	}
	return m
}

// TestPackShared checks that the parts deflated once per process zip to
// the bytes deflating every part for each letter gives, in the profiles'
// body size and in one no profile has.
func TestPackShared(t *testing.T) {
	doc := &wml{}
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="` + nsW + `"/>`)
	for _, size := range []int{styleOf(ProfileParty).body, styleOf(ProfileState).body, 31} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, p := range letterParts(size) {
			data := doc.Bytes()
			if p.data != nil {
				data = p.data()
			}
			if err := deflatePart(zw, p.name, data); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		got, err := pack(doc, style{body: size})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, buf.Bytes()) {
			t.Errorf("body %d: pack differs from deflating every part; diff of parts: %s", size, diffParts(t, buf.Bytes(), got))
		}
	}
}

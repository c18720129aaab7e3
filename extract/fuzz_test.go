package extract

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
	"golang.org/x/text/unicode/norm"
)

// Seed corpora live in testdata/fuzz/FuzzXxx (written by
// TestGenerateFixtures -update).

// fuzzLimits keep each input cheap, so the fuzzer explores instead of
// inflating.
var fuzzLimits = Limits{MaxBytes: 1 << 20, MaxUncompressed: 4 << 20, MaxEntry: 2 << 20, MaxEntries: 50, MaxPages: 20,
	MaxPixels: 4_000_000, FileTimeout: 10 * time.Second}

// checkResult asserts what every reader promises: a coded, bilingual
// error, or blocks that are NFC, valid UTF-8 and identified.
func checkResult(t *testing.T, txt *Text, err error) {
	t.Helper()
	if err != nil {
		var he *hoso.Error
		if !errors.As(err, &he) {
			t.Fatalf("error is not a *hoso.Error: %T %v", err, err)
		}
		if he.VI == "" || he.EN == "" || he.Code == "" || he.Code == hoso.EINTERNAL {
			t.Fatalf("bad error %#v", he)
		}
		return
	}
	for _, b := range txt.Blocks {
		if b.ID == "" || b.Text == "" || !utf8.ValidString(b.Text) || !norm.NFC.IsNormalString(b.Text) {
			t.Fatalf("bad block %+v", b)
		}
	}
}

func FuzzDOCX(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		txt, err := DOCX(bytes.NewReader(data), int64(len(data)), fuzzLimits)
		checkResult(t, txt, err)
	})
}

func FuzzPDF(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		// In process only: the pdftotext fallback is tested on its own.
		txt, err := readPDF(ctx, bytes.NewReader(data), int64(len(data)), fuzzLimits, false)
		checkResult(t, txt, err)
	})
}

// FuzzZIP drives the whole dispatcher, so bundles, nested archives and
// every member kind are reached.
func FuzzZIP(f *testing.F) {
	x := &Extractor{Limits: fuzzLimits}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4 && bytes.Contains(data, []byte("%PDF-")) {
			// PDF members would fork pdftotext; FuzzPDF covers them.
			return
		}
		txt, err := x.Text(context.Background(), "f.zip", bytes.NewReader(data), int64(len(data)))
		checkResult(t, txt, err)
	})
}

// tcvnEncodable keeps the runes encodeTCVN3 can write.
func tcvnEncodable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x80 {
			return r
		}
		for _, u := range tcvn3 {
			if u == r {
				return r
			}
		}
		return -1
	}, s)
}

func FuzzTCVN3(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, upper bool) {
		out := DecodeTCVN3(s, upper)
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
			t.Fatalf("DecodeTCVN3(%q) = %q: not valid NFC", s, out)
		}
		if isASCII(s) && !upper && out != norm.NFC.String(s) {
			t.Fatalf("ASCII changed: %q → %q", s, out)
		}
		u := tcvnEncodable(strings.ToLower(vietOnly(s)))
		if got := DecodeTCVN3(encodeTCVN3(u), false); got != u {
			t.Fatalf("round trip %q → %q → %q", u, encodeTCVN3(u), got)
		}
	})
}

func FuzzVNI(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		out := DecodeVNI(s)
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
			t.Fatalf("DecodeVNI(%q) = %q: not valid NFC", s, out)
		}
		if isASCII(s) && out != s {
			t.Fatalf("ASCII changed: %q → %q", s, out)
		}
		u := vietOnly(s)
		if got := DecodeVNI(encodeVNI(u)); got != u {
			t.Fatalf("round trip %q → %q → %q", u, encodeVNI(u), got)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

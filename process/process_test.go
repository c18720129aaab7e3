package process

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
)

func TestIdentity(t *testing.T) {
	a := DossierID("hoso-uploads", "chi bộ A/hồ sơ.pdf", `"ABC"`, "")
	if !ValidID(a) || a != DossierID("hoso-uploads", "chi bộ A/hồ sơ.pdf", "abc", "v9") {
		t.Errorf("id %q: not valid or not stable across ETag quoting and case", a)
	}
	if DossierID("hoso-uploads", "chi bộ A/hồ sơ.pdf", "abd", "") == a || DossierID("x", "chi bộ A/hồ sơ.pdf", "abc", "") == a {
		t.Error("another version or bucket has the same id")
	}
	if DossierID("b", "k", "", "v1") == DossierID("b", "k", "", "v2") {
		t.Error("version ids are ignored without an ETag")
	}
	for _, bad := range []string{"", "short", strings.Repeat("A", 24), strings.Repeat("a", 23) + "1", strings.Repeat("a", 25)} {
		if ValidID(bad) {
			t.Errorf("ValidID(%q)", bad)
		}
	}
	if p := LetterPrefix("chi bộ A", a); p != "letters/chi bộ A/"+a+"/" {
		t.Errorf("prefix %q", p)
	}
	if p := LetterPrefix("", a); p != "letters/"+a+"/" {
		t.Errorf("prefix without origin %q", p)
	}
}

// TestPipelineAlone runs the steps on a corpus file without any service:
// what `hoso process` and the workspace rely on.
func TestPipelineAlone(t *testing.T) {
	b, err := os.ReadFile("../testdata/corpus/08-thieu-nam-giua.docx")
	if err != nil {
		t.Fatal(err)
	}
	var stages []string
	out, err := (&Pipeline{}).Process(context.Background(), Input{Key: "chi-bo-a/08.docx", R: bytes.NewReader(b),
		Size: int64(len(b)), Date: hoso.Date{Year: 2026, Month: 12, Day: 2},
		Stage: func(s string, _ time.Duration) { stages = append(stages, s) }})
	if err != nil {
		t.Fatal(err)
	}
	if out.Record.Verdict != hoso.VerdictIncomplete || len(out.Letters) != 1 || out.Letters[0].Ext != "docx" ||
		out.Letters[0].Kind != hoso.LetterIncomplete {
		t.Errorf("verdict %s, letters %d", out.Record.Verdict, len(out.Letters))
	}
	if strings.Join(stages, ",") != "extract,validate,render" {
		t.Errorf("stages %v", stages)
	}
	l := LetterOf(out.Letters, func(d Document) string { return "k." + d.Ext })
	if l == nil || l.DOCX != "k.docx" || l.PDF != "" || l.Kind != hoso.LetterIncomplete {
		t.Errorf("LetterOf: %+v", l)
	}
}

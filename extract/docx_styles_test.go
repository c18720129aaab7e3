package extract

import (
	"bytes"
	"strings"
	"testing"
)

func TestLegacyFontMarker(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Calibri"/>`, false},
		{`xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="vi-VN"`, false},
		{`w:ascii=".VnTime"`, true},
		{`w:hAnsi=".vnarialH"`, true},
		{`w:ascii="VNI-Times"`, true},
		{`w:ascii="vni-helve"`, true},
		{`w:ascii="&#46;VnTime"`, true},
		{`.v`, false},
		{`ni-`, false},
	}
	for _, tc := range tests {
		if got := legacyFontMarker([]byte(tc.in)); got != tc.want {
			t.Errorf("legacyFontMarker(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestDOCXLegacyStyleFarIn puts the only legacy font of a large styles
// part across the scan's buffer boundary and after 300 KB of latent
// styles, as Word's template would: the pre-scan must still see it.
func TestDOCXLegacyStyleFarIn(t *testing.T) {
	for _, pad := range []int{32<<10 - 60, 32<<10 - 58, 300 << 10} {
		filler := strings.Repeat(" ", pad)
		styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wNS + `>` + filler +
			`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="VNI-Helve" w:hAnsi="VNI-Helve"/></w:rPr></w:rPrDefault></w:docDefaults>` +
			`</w:styles>`
		data := zipOf(t, docxParts(para("Ngöôøi"), map[string]string{"word/styles.xml": styles}))
		txt, err := DOCX(bytes.NewReader(data), int64(len(data)), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(blockList(txt.Blocks), "; "); !strings.Contains(got, "Người") {
			t.Errorf("pad %d: got %q, want VNI decoded through the styles part", pad, got)
		}
	}
}

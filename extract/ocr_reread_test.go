package extract

import (
	"path/filepath"
	"testing"
)

func TestRereadStrip(t *testing.T) {
	// A 100×60 page, black where the two words are.
	g := &grayImage{w: 100, h: 60, pix: make([]byte, 100*60)}
	for i := range g.pix {
		g.pix[i] = 255
	}
	words := []tsvWord{
		{left: 10, top: 5, width: 20, hgt: 9, conf: 40, text: "nhà"},
		{left: 40, top: 40, width: 30, hgt: 12, conf: 95, text: "đúng"},
		{left: 95, top: 50, width: 10, hgt: 12, conf: 10, text: "x"}, // runs off the page
	}
	for _, w := range words[:2] {
		for y := w.top; y < w.top+w.hgt; y++ {
			for x := w.left; x < w.left+w.width; x++ {
				g.pix[y*g.w+x] = 0
			}
		}
	}
	s, spans := g.strip(words, []int{0, 2})
	if len(spans) != 2 {
		t.Fatalf("%d spans", len(spans))
	}
	// Crop 1: the word padded by 6 px, clipped at the top edge (5-6 < 0).
	if got, want := spans[0], [2]int{rereadGap / 2, rereadGap + 20 + rereadGap/2}; got != want {
		t.Errorf("span 0 = %v, want %v", got, want)
	}
	if spans[1][0] != spans[0][1] {
		t.Errorf("spans not contiguous: %v", spans)
	}
	dark := 0
	for _, p := range s.pix {
		if p == 0 {
			dark++
		}
	}
	if dark != 20*9 {
		t.Errorf("strip has %d black pixels, want the first word's %d", dark, 20*9)
	}
	path := filepath.Join(t.TempDir(), "s.pgm")
	if err := writeGray(path, s); err != nil {
		t.Fatal(err)
	}
	back, err := readPGM(path)
	if err != nil || back.w != s.w || back.h != s.h || string(back.pix) != string(s.pix) {
		t.Fatalf("PGM round trip: %v", err)
	}
}

func TestRereadFixesATableYear(t *testing.T) {
	o, _ := testOCR(t)
	// A year written alone, the way a table cell centres it between the
	// two lines of its neighbour: Tesseract's full-page read of the corpus
	// page gave "nhà" at 0 % here; read alone it is "2017".
	page := filepath.Join(t.TempDir(), "p.pgm")
	g := &grayImage{w: 400, h: 200, pix: make([]byte, 400*200)}
	src, err := readPGM("testdata/ocr/year.pgm")
	if err != nil {
		t.Fatal(err)
	}
	for i := range g.pix {
		g.pix[i] = 255
	}
	for y := range src.h {
		copy(g.pix[(50+y)*g.w+100:], src.pix[y*src.w:(y+1)*src.w])
	}
	if err := writeGray(page, g); err != nil {
		t.Fatal(err)
	}
	words := []tsvWord{{page: 1, left: 100, top: 50, width: src.w, hgt: src.h, conf: 0, text: "nhà"}}
	o.reread(t.Context(), page, 200, words)
	if words[0].text != "2017" || words[0].conf < 60 {
		t.Fatalf("after a second look: %q at %.0f %%, want 2017", words[0].text, words[0].conf)
	}
}

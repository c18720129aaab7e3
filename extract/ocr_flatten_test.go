package extract

import "testing"

// A page lit from the left: paper from 120 (shade) to 235 (light), with
// ink strokes of 40 below the paper everywhere. After flatten the paper is
// white and every stroke still darker than any paper.
func TestFlattenEvensOutLighting(t *testing.T) {
	const w, h = 1600, 480
	g := &grayImage{w: w, h: h, pix: make([]byte, w*h)}
	paper := func(x int) int { return 120 + 115*x/(w-1) }
	ink := func(x, y int) bool { return y%32 < 3 && x%16 < 10 } // thin "lines of text"
	for y := range h {
		for x := range w {
			v := paper(x)
			if ink(x, y) {
				v -= 70
			}
			g.pix[y*w+x] = byte(v)
		}
	}
	flatten(g)
	var paperMin, inkMax byte = 255, 0
	for y := range h {
		for x := range w {
			v := g.pix[y*w+x]
			if ink(x, y) {
				inkMax = max(inkMax, v)
			} else {
				paperMin = min(paperMin, v)
			}
		}
	}
	if paperMin < 245 {
		t.Errorf("darkest paper after flatten %d, want ≥ 245 (the shade is gone)", paperMin)
	}
	if inkMax > 200 || inkMax >= paperMin {
		t.Errorf("lightest ink %d, paper %d: ink must stay well below paper", inkMax, paperMin)
	}
	// Before, the shaded paper (120) was darker than the lit ink (165): no
	// single threshold could separate them.
	if paper(0) >= paper(w-1)-70 {
		t.Fatal("the test page must be unevenly lit")
	}
}

func TestFlattenSmallImageUntouched(t *testing.T) {
	g := &grayImage{w: 10, h: 10, pix: make([]byte, 100)}
	for i := range g.pix {
		g.pix[i] = 100
	}
	flatten(g)
	if g.pix[0] != 100 {
		t.Errorf("a tiny image was changed: %d", g.pix[0])
	}
}

// A flattened page with a three-row table: its vertical rules go, its
// horizontal rules and the letters stay, including vertical strokes that
// stand one above the other on close lines.
func TestEraseColumnRules(t *testing.T) {
	const w, h = 1200, 900
	g := &grayImage{w: w, h: h, pix: make([]byte, w*h)}
	for i := range g.pix {
		g.pix[i] = 250
	}
	set := func(x0, y0, x1, y1 int, v byte) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.pix[y*w+x] = v
			}
		}
	}
	// Table: rows 400–460–520–580, columns at x = 100, 250, 1000; a grey
	// 2-pixel rule as a phone photographs it, leaning one pixel per 90.
	for _, y := range []int{400, 460, 520, 580} {
		set(100, y, 1002, y+2, 170)
	}
	for _, x := range []int{100, 250, 1000} {
		for y := 400; y < 582; y++ {
			dx := (y - 400) / 90
			set(x+dx, y, x+dx+2, y+1, 170)
		}
	}
	// Text: strokes 4 px wide, 22 px tall, lines 26 px apart, stacked in
	// one column (a monospaced "l" on five lines).
	for line := range 5 {
		y := 100 + line*26
		set(300, y, 304, y+22, 30)
	}
	n := eraseColumnRules(g)
	if n == 0 {
		t.Fatal("no rule erased")
	}
	for _, x := range []int{100, 250, 1000} {
		for y := 405; y < 575; y += 7 {
			if (y-400)%60 < 4 {
				continue // where a horizontal rule crosses
			}
			dx := (y - 400) / 90
			if v := g.pix[y*w+x+dx]; v < 230 {
				t.Fatalf("vertical rule at x=%d y=%d left (%d)", x, y, v)
			}
		}
	}
	if v := g.pix[460*w+600]; v != 170 {
		t.Errorf("horizontal rule changed: %d", v)
	}
	for line := range 5 {
		if v := g.pix[(100+line*26+10)*w+302]; v != 30 {
			t.Errorf("letter on line %d erased (%d)", line, v)
		}
	}
}

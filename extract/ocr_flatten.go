package extract

// A phone photo of a paper is lit unevenly: bright near the window, grey in
// the corner the hand shaded. Tesseract binarises a page with one global
// threshold (Otsu): on a dim photo of the forms corpus (s10) it lost most
// of the page. Dividing each pixel by the brightness of the paper around it
// ("flat-field" correction, what document scanner apps do) gives it an
// evenly white page. On that page it still took a table's narrow "STT" and
// "Năm" columns for a picture and dropped every year, until the table's
// vertical rules were erased (eraseColumnRules). Scanned PDF pages and PNG
// exports are evenly lit and go to Tesseract as they are.

// flatten evens out the lighting of a page in place.
func flatten(g *grayImage) {
	if g.w < 64 || g.h < 64 {
		return
	}
	p := paperOf(g)
	rows := len(p.level) / p.cols
	col := make([]int, p.cols) // the paper level of each tile column on row y
	for y := range g.h {
		// Levels are known at tile centres and interpolated between them,
		// so a gradient leaves no steps at tile edges.
		ty, fy := centre(y, p.tile, rows)
		for tx := range p.cols {
			a, b := p.level[ty*p.cols+tx], p.level[min(ty+1, rows-1)*p.cols+tx]
			col[tx] = max(a+(b-a)*fy/p.tile, 64)
		}
		row := g.pix[y*g.w : (y+1)*g.w]
		for x := range row {
			tx, fx := centre(x, p.tile, p.cols)
			a, b := col[tx], col[min(tx+1, p.cols-1)]
			level := max(a+(b-a)*fx/p.tile, 64)
			row[x] = uint8(min(int(row[x])*255/level, 255))
		}
	}
}

// centre returns the tile whose centre is the nearest at or before v
// (the first, or the last but one, at the page's edges) and how far from
// that centre v lies: negative before the first centre and more than a
// tile past the last but one, so the edges are extrapolated.
func centre(v, tile, n int) (int, int) {
	if n < 2 {
		return 0, 0
	}
	c := v - tile/2
	t := 0
	if c > 0 {
		t = min(c/tile, n-2)
	}
	return t, c - t*tile
}

// paperLevel is the brightness of the paper per tile of the page.
type paperLevel struct {
	tile, cols int
	level      []int
}

// paperOf estimates the paper's brightness per 64-pixel tile as the tile's
// 90th percentile: text and rules cover less than a tenth of a tile, and
// a tile of solid ink (a photo, a seal) is floored so it is not blown up
// to white.
func paperOf(g *grayImage) paperLevel {
	const tile = 64
	cols, rows := (g.w+tile-1)/tile, (g.h+tile-1)/tile
	p := paperLevel{tile: tile, cols: cols, level: make([]int, cols*rows)}
	var hist [256]int
	for ty := range rows {
		for tx := range cols {
			hist = [256]int{}
			n := 0
			for y := ty * tile; y < min((ty+1)*tile, g.h); y++ {
				row := g.pix[y*g.w : (y+1)*g.w]
				for x := tx * tile; x < min((tx+1)*tile, g.w); x++ {
					hist[row[x]]++
					n++
				}
			}
			want, acc, v := n/10, 0, 255
			for ; v > 0; v-- {
				acc += hist[v]
				if acc >= want {
					break
				}
			}
			p.level[ty*cols+tx] = max(v, 96)
		}
	}
	return p
}

// eraseColumnRules whitens the vertical rules of a table on an evened-out
// photo (after flatten, the paper is near 255). Tesseract takes a narrow
// column between two rules ("STT", "Năm") for a picture and drops its
// text; without the rules it reads each row across, "2021 Hoàn thành tốt
// nhiệm vụ". Horizontal rules stay: they keep the rows apart. A rule is a
// dark vertical run longer than about 0.3 inch with paper a few pixels to
// its left or right; text strokes are never that long, and a dark area
// (a photo, the desk around the page) has no paper beside it. It returns
// the number of pixels whitened.
func eraseColumnRules(g *grayImage) int {
	w, h := g.w, g.h
	if w < 200 || h < 200 {
		return 0
	}
	const (
		// On a flattened page the paper is 240–255; a thin rule, blurred
		// by the phone, is a grey line of 150–200, lighter than text.
		ink   = 215
		paper = 235
		reach = 6 // a rule is at most this thick
		slack = 2 // a photographed rule leans: a column either side
	)
	// The page is about 8.3 inches wide whatever the resolution.
	minLen := max(w*3/83, 40)
	// line holds, column after column, the dark pixels with paper beside
	// them: a vertical rule, or the edge of a stroke.
	line := make([]bool, w*h)
	for y := range h {
		row := g.pix[y*w : (y+1)*w]
		for x := reach; x < w-reach; x++ {
			if row[x] < ink && (row[x-reach] >= paper || row[x+reach] >= paper) {
				line[x*h+y] = true
			}
		}
	}
	erase := make([]bool, w*h)
	band := make([]byte, h)
	for x := range w {
		clear(band)
		for d := max(0, x-slack); d <= min(w-1, x+slack); d++ {
			for y, v := range line[d*h : (d+1)*h] {
				if v {
					band[y] = cellRule
				} else if band[y] == 0 && g.pix[y*w+d] < ink {
					band[y] = cellInk
				}
			}
		}
		for _, r := range rules(band, minLen) {
			for d := max(0, x-slack); d <= min(w-1, x+slack); d++ {
				col := line[d*h : (d+1)*h]
				for y := r[0]; y <= r[1]; y++ {
					if col[y] {
						erase[y*w+d] = true
					}
				}
			}
		}
	}
	n := 0
	for i, e := range erase {
		if !e {
			continue
		}
		g.pix[i] = 255
		n++
		// The rule's blurred edges, a pixel either side.
		for _, j := range [...]int{i - 1, i + 1} {
			if j >= 0 && j < len(g.pix) && g.pix[j] < 230 {
				g.pix[j] = 255
			}
		}
	}
	return n
}

// Cells of a column band, for rules.
const (
	cellPaper = iota
	cellRule  // a dark pixel with paper beside it
	cellInk   // a dark pixel without: where a horizontal rule crosses
)

// rules returns the stretches of a column band that are a vertical rule:
// at least min long, through up to 2 paper cells (the rule's own breaks)
// and up to 10 ink cells (a horizontal rule crossing it). Letters stacked
// line above line are not joined: paper lies between them.
func rules(band []byte, min int) [][2]int {
	const paperGap, inkGap = 2, 10
	var out [][2]int
	start, last, papers, inks := -1, -1, 0, 0
	end := func() {
		if start >= 0 && last-start+1 >= min {
			out = append(out, [2]int{start, last})
		}
		start = -1
	}
	for y, c := range band {
		switch c {
		case cellRule:
			if start < 0 {
				start = y
			}
			last, papers, inks = y, 0, 0
		case cellInk:
			if inks++; inks > inkGap {
				end()
			}
		default:
			if papers++; papers > paperGap {
				end()
			}
		}
	}
	end()
	return out
}

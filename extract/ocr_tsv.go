package extract

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tsvWord is one word row (level 5) of Tesseract's TSV output.
type tsvWord struct {
	page, block, par, line int
	left, top, width, hgt  int
	conf                   float64
	text                   string
}

// parseTSV reads Tesseract's TSV output and assembles one Block per
// visual line of each page. Page numbers in the TSV count from 1 within the
// file Tesseract read; firstPage is the document page that file's page 1
// stands for. Line IDs ("l1", "l2", …) count from 1 on each page.
func parseTSV(r io.Reader, file string, firstPage int) ([]Block, error) {
	words, err := parseWords(r)
	if err != nil {
		return nil, err
	}
	return assemble(words, file, firstPage), nil
}

// assemble turns the words of one or more pages into Blocks.
func assemble(words []tsvWord, file string, firstPage int) []Block {
	var blocks []Block
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j].page == words[i].page {
			j++
		}
		for k, b := range assemblePage(words[i:j]) {
			b.File = file
			b.Page = words[i].page + firstPage - 1
			b.ID = "l" + strconv.Itoa(k+1)
			blocks = append(blocks, b)
		}
		i = j
	}
	return blocks
}

// parseWords reads the non-empty word rows (level 5) of Tesseract's TSV
// output, in its order.
func parseWords(r io.Reader) ([]tsvWord, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var words []tsvWord
	header := true
	for sc.Scan() {
		row := sc.Text()
		if header {
			header = false
			if strings.HasPrefix(row, "level\t") {
				continue
			}
		}
		if row == "" {
			continue
		}
		f := strings.SplitN(row, "\t", 12)
		if len(f) < 11 {
			return nil, fmt.Errorf("tesseract tsv: %d fields in %q", len(f), row)
		}
		if f[0] != "5" { // page, block, paragraph and line rows carry no text
			continue
		}
		var n [10]int
		for i := 1; i <= 9; i++ {
			v, err := strconv.Atoi(f[i])
			if err != nil {
				return nil, fmt.Errorf("tesseract tsv: field %d of %q: %w", i, row, err)
			}
			n[i] = v
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		if err != nil {
			return nil, fmt.Errorf("tesseract tsv: confidence of %q: %w", row, err)
		}
		w := tsvWord{page: n[1], block: n[2], par: n[3], line: n[4],
			left: n[6], top: n[7], width: n[8], hgt: n[9], conf: conf}
		if len(f) == 12 {
			w.text = strings.TrimSpace(f[11])
		}
		if w.text == "" {
			continue
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tesseract tsv: %w", err)
	}
	return words, nil
}

// segment is one of Tesseract's text lines: words on one baseline within
// one of its blocks.
type segment struct {
	words                    []tsvWord
	left, right, top, bottom float64 // in page coordinates corrected for skew
}

// assemblePage rebuilds the visual lines of a page from Tesseract's lines.
// Tesseract splits a table row into one block per column, and puts a
// year that sits between the two lines of a two-line cell on a line of
// its own; a field reader then finds a year and a rating with no link
// between them. So lines that share a height on the page (after
// correcting for the page's skew) are put back together, left to right,
// separated by a tab, the way pdftotext -layout prints a table row; rows
// go top to bottom.
func assemblePage(words []tsvWord) []Block {
	var segs []*segment
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j].block == words[i].block && words[j].par == words[i].par && words[j].line == words[i].line {
			j++
		}
		if ws := dropJunk(words[i:j]); len(ws) > 0 {
			segs = append(segs, &segment{words: ws})
		}
		i = j
	}
	slope := pageSkew(segs)
	for _, s := range segs {
		s.left, s.top = math.Inf(1), math.Inf(1)
		s.right, s.bottom = math.Inf(-1), math.Inf(-1)
		for _, w := range s.words {
			cx := float64(w.left) + float64(w.width)/2
			dy := slope * cx
			s.left = min(s.left, float64(w.left))
			s.right = max(s.right, float64(w.left+w.width))
			s.top = min(s.top, float64(w.top)-dy)
			s.bottom = max(s.bottom, float64(w.top+w.hgt)-dy)
		}
	}
	// A page set in two columns is read column by column, band by band
	// between the lines that span both (a title, a full-width header).
	if gutter, ok := findGutter(segs); ok {
		var out []Block
		var left, right []*segment
		flushBand := func() {
			out = append(out, rowsOf(left)...)
			out = append(out, rowsOf(right)...)
			left, right = nil, nil
		}
		sorted := slices.Clone(segs)
		slices.SortStableFunc(sorted, func(a, b *segment) int { return cmpFloat(a.top, b.top) })
		for _, s := range sorted {
			switch {
			case s.right <= gutter:
				left = append(left, s)
			case s.left >= gutter:
				right = append(right, s)
			default:
				flushBand()
				out = append(out, rowsOf([]*segment{s})...)
			}
		}
		flushBand()
		return out
	}
	return rowsOf(segs)
}

// findGutter looks for the white band between two columns of text: a
// vertical line in the middle third of the page that no line crosses,
// with lines on both sides over most of the page's height. A form's
// header, issuer on the left and national motto on the right, is too
// short to make one.
func findGutter(segs []*segment) (float64, bool) {
	if len(segs) < 12 {
		return 0, false
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	top, bottom := math.Inf(1), math.Inf(-1)
	for _, s := range segs {
		minX, maxX = min(minX, s.left), max(maxX, s.right)
		top, bottom = min(top, s.top), max(bottom, s.bottom)
	}
	width, height := maxX-minX, bottom-top
	if width <= 0 || height <= 0 {
		return 0, false
	}
	best, bestCross := 0.0, len(segs)
	for f := 0.35; f <= 0.65; f += 0.01 {
		x := minX + f*width
		cross := 0
		var lTop, lBot, rTop, rBot = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		nl, nr := 0, 0
		for _, s := range segs {
			switch {
			case s.right <= x:
				nl++
				lTop, lBot = min(lTop, s.top), max(lBot, s.bottom)
			case s.left >= x:
				nr++
				rTop, rBot = min(rTop, s.top), max(rBot, s.bottom)
			default:
				cross++
			}
		}
		if nl < len(segs)/4 || nr < len(segs)/4 || lBot-lTop < 0.5*height || rBot-rTop < 0.5*height {
			continue
		}
		if cross < bestCross {
			best, bestCross = x, cross
		}
	}
	if bestCross > len(segs)/10 {
		return 0, false
	}
	return best, true
}

// rowsOf puts the segments that share a height back into rows, left to
// right with a tab between them, rows top to bottom.
func rowsOf(segs []*segment) []Block {
	sorted := slices.Clone(segs)
	slices.SortStableFunc(sorted, func(a, b *segment) int { return cmpFloat(a.top, b.top) })
	type row struct {
		seed *segment
		segs []*segment
	}
	var rows []*row
	for _, s := range sorted {
		var best *row
		bestOv := 0.0
		// Only the last few rows can share a height with s.
		for k := len(rows) - 1; k >= 0 && k >= len(rows)-4; k-- {
			r := rows[k]
			ov := min(s.bottom, r.seed.bottom) - max(s.top, r.seed.top)
			h := min(s.bottom-s.top, r.seed.bottom-r.seed.top)
			if h <= 0 || ov < 0.15*h || ov <= bestOv {
				continue
			}
			if slices.ContainsFunc(r.segs, func(o *segment) bool { return s.left < o.right && o.left < s.right }) {
				continue // side by side only: text above or below is another row
			}
			best, bestOv = r, ov
		}
		if best == nil {
			rows = append(rows, &row{seed: s, segs: []*segment{s}})
			continue
		}
		best.segs = append(best.segs, s)
	}
	out := make([]Block, 0, len(rows))
	for _, r := range rows {
		slices.SortFunc(r.segs, func(a, b *segment) int { return cmpFloat(a.left, b.left) })
		var ws []tsvWord
		var sb strings.Builder
		for k, s := range r.segs {
			if k > 0 {
				sb.WriteByte('\t')
			}
			for i := range s.words {
				if i > 0 {
					sb.WriteString(wordGap(&s.words[i-1], &s.words[i]))
				}
				sb.WriteString(s.words[i].text)
			}
			ws = append(ws, s.words...)
		}
		out = append(out, Block{Text: norm.NFC.String(sb.String()), Confidence: lineConfidence(ws)})
	}
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// pageSkew estimates the page's skew as the median slope of Tesseract's
// lines (the change of a word's vertical centre per pixel across), from
// lines of three words or more. A scanner feeds paper up to a few degrees
// askew, which moves the right end of a row by a line height or more.
func pageSkew(segs []*segment) float64 {
	var slopes []float64
	for _, s := range segs {
		if len(s.words) < 3 {
			continue
		}
		a, b := s.words[0], s.words[len(s.words)-1]
		dx := float64(b.left+b.width/2) - float64(a.left+a.width/2)
		if dx < 100 {
			continue
		}
		// Bottoms, not centres: letters with and without descenders and
		// marks share a baseline, not a centre.
		slopes = append(slopes, (float64(b.top+b.hgt)-float64(a.top+a.hgt))/dx)
	}
	if len(slopes) == 0 {
		return 0
	}
	slices.Sort(slopes)
	m := slopes[len(slopes)/2]
	if math.Abs(m) > 0.1 { // more than ~6°: not a feed skew; leave it to Tesseract
		return 0
	}
	return m
}

// dropJunk removes what table rules and specks become: words made only of
// rule-like symbols, and low-confidence one- or two-character words at the
// ends of a line. Real words read that badly are rare; specks are not.
func dropJunk(ws []tsvWord) []tsvWord {
	out := make([]tsvWord, 0, len(ws))
	for _, w := range ws {
		if strings.Trim(w.text, "|_[]{}—=~¬") == "" {
			continue
		}
		if !hasAlnum(w.text) && w.conf < 30 {
			continue
		}
		out = append(out, w)
	}
	for len(out) > 0 && speck(out[0]) {
		out = out[1:]
	}
	for len(out) > 0 && speck(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	return out
}

func speck(w tsvWord) bool {
	return w.conf >= 0 && w.conf < 45 && utf8.RuneCountInString(w.text) <= 2 && !isDigits(w.text)
}

func hasAlnum(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

func isDigits(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
}

// lineConfidence is the mean word confidence weighted by length, scaled
// to 0–1 and never 0 (0 means exact text in a Block): a one-letter speck
// read at 40 % must not make a line of long words read at 97 % look
// doubtful.
func lineConfidence(ws []tsvWord) float64 {
	var sum, n float64
	for _, w := range ws {
		if w.conf < 0 {
			continue
		}
		k := float64(utf8.RuneCountInString(w.text))
		sum += w.conf * k
		n += k
	}
	if n == 0 {
		return 0.01
	}
	return max(min(sum/n/100, 1), 0.01)
}

// wordGap returns the separator between two words of a line. Tesseract puts
// columns that share a baseline (the two header columns of a Party
// document, the cells of a table row) on one line; a gap wider than three
// line heights is a column break, written as a tab so the field reader can
// tell "2018<TAB>Hoàn thành tốt nhiệm vụ" apart from running text.
func wordGap(a, b *tsvWord) string {
	h := max(a.hgt, b.hgt, 1)
	if b.left-(a.left+a.width) > 3*h {
		return "\t"
	}
	return " "
}

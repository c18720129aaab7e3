package extract

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// tsvWord is one word row (level 5) of Tesseract's TSV output.
type tsvWord struct {
	page, block, par, line int
	left, top, width, hgt  int
	conf                   float64
	text                   string
}

// parseTSV reads Tesseract's TSV output and assembles one Block per text
// line, in Tesseract's reading order (block, paragraph, line as they come).
// Page numbers in the TSV count from 1 within the file Tesseract read;
// firstPage is the document page that file's page 1 stands for. Line IDs
// ("l1", "l2", …) count from 1 on each page.
func parseTSV(r io.Reader, file string, firstPage int) ([]Block, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var (
		blocks []Block
		cur    []tsvWord
		lineNo = map[int]int{}
	)
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if b, ok := assembleLine(cur); ok {
			page := cur[0].page + firstPage - 1
			lineNo[page]++
			b.File = file
			b.Page = page
			b.ID = "l" + strconv.Itoa(lineNo[page])
			blocks = append(blocks, b)
		}
		cur = cur[:0]
	}
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
			w.text = f[11]
		}
		if len(cur) > 0 {
			p := cur[0]
			if p.page != w.page || p.block != w.block || p.par != w.par || p.line != w.line {
				flush()
			}
		}
		cur = append(cur, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tesseract tsv: %w", err)
	}
	flush()
	return blocks, nil
}

// assembleLine joins the words of one line. Confidence is the mean word
// confidence scaled to 0–1, never 0 (0 means exact text in a Block).
func assembleLine(words []tsvWord) (Block, bool) {
	var (
		sb   strings.Builder
		sum  float64
		n    int
		prev *tsvWord
	)
	for i := range words {
		w := &words[i]
		t := strings.TrimSpace(w.text)
		if t == "" {
			continue
		}
		if prev != nil {
			sb.WriteString(wordGap(prev, w))
		}
		sb.WriteString(t)
		if w.conf >= 0 {
			sum += w.conf
			n++
		}
		prev = w
	}
	if sb.Len() == 0 {
		return Block{}, false
	}
	conf := 0.01
	if n > 0 {
		conf = max(min(sum/float64(n)/100, 1), 0.01)
	}
	return Block{Text: norm.NFC.String(sb.String()), Confidence: conf}, true
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

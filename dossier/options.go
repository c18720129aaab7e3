package dossier

import (
	"strings"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
)

// Forms print every rating as an option: the phiếu đánh giá's hint
// "(Hoàn thành xuất sắc nhiệm vụ; hoàn thành tốt nhiệm vụ; …)", a ☐/☒ list,
// a legend under a table ("HTXSNV – Hoàn thành xuất sắc nhiệm vụ; HTTNV –
// …"). Only a ticked option is an answer; the rest rate nothing.

// tick is what a box written before an option says.
type tick int8

const (
	tickNone tick = iota
	tickYes
	tickNo
)

// Box characters as committees type them.
const (
	tickedBoxes    = "☒☑✓✔✗✘⊠▣■☓"
	uncheckedBoxes = "☐□◻○❏❑"
)

// optionMask marks the tokens of ratings in l that are unticked options or
// members of an option list or legend: the reader skips them. nil means
// nothing to skip.
func (r *reader) optionMask(u *unit) []bool {
	l := &u.l
	type match struct {
		i, n int
		rt   hoso.Rating
		mark tick
	}
	toks := l.toks
	var ms []match
	for i := 0; i < len(toks); i++ {
		if u.inSelfCell(i) {
			continue
		}
		if p, n := r.x.at(toks, i, catRatingCode); p != nil {
			ms = append(ms, match{i: i, n: n, rt: hoso.Rating(p.val)})
			i += n - 1
			continue
		}
		if p, n := r.x.at(toks, i, catRating); p != nil {
			if m := nvAfter(r.x, toks, i+n, 3); m > 0 {
				ms = append(ms, match{i: i, n: m - i, rt: hoso.Rating(p.val)})
				i = m - 1
			}
		}
	}
	if len(ms) == 0 {
		return nil
	}
	// A parenthesised list is a hint apart from the answer before it:
	// "Hoàn thành tốt nhiệm vụ (Hoàn thành xuất sắc nhiệm vụ; …)".
	depth := make([]int, len(toks))
	d := 0
	for t := range toks {
		d += strings.Count(toks[t].sep, "(") - strings.Count(toks[t].sep, ")")
		depth[t] = d
	}
	anyMark := false
	for k := range ms {
		ms[k].mark = markBefore(l, ms[k].i)
		if ms[k].mark == tickNone && u.ocr {
			ms[k].mark = ocrBoxBefore(l, ms[k].i)
		}
		if k == 0 && ms[k].mark == tickNone && ms[k].i == 0 {
			ms[k].mark = u.leadTick // the box ended the line above
		}
		if ms[k].i < u.hintUntil {
			ms[k].mark = tickNo // the rest of a hint the line above opened
		}
		anyMark = anyMark || ms[k].mark != tickNone
	}
	hintFrom := -1
	if r.lineMode(u) && r.opensHint(u) {
		hintFrom = openBracket(l)
	}
	if !anyMark && len(ms) < 2 && u.hintUntil == 0 && hintFrom < 0 {
		return nil
	}
	mask := make([]bool, len(toks))
	// A hint the line end cuts: every word from its bracket on is an
	// option, even a rating the next line completes.
	for t := max(hintFrom, 0); hintFrom >= 0 && t < len(toks); t++ {
		mask[t] = true
	}
	drop := func(m match) {
		for t := m.i; t < m.i+m.n && t < len(mask); t++ {
			mask[t] = true
		}
	}
	// Group ratings that follow each other with nothing but punctuation, a
	// box or "và/hoặc" between them: an option list or a legend.
	start := 0
	for k := 1; k <= len(ms); k++ {
		if k < len(ms) && depth[ms[k-1].i] == depth[ms[k].i] && adjacent(l, ms[k-1].i+ms[k-1].n, ms[k].i) {
			continue
		}
		g := ms[start:k]
		start = k
		distinct := map[hoso.Rating]bool{}
		ticked := false
		marked := false
		no, none := 0, -1
		for k, m := range g {
			distinct[m.rt] = true
			ticked = ticked || m.mark == tickYes
			marked = marked || m.mark != tickNone
			switch m.mark {
			case tickNo:
				no++
			case tickNone:
				none = k
			}
		}
		// Every option but one shows an empty box: the one whose box the
		// scan lost is the answer.
		if !ticked && none >= 0 && no >= 2 && no == len(g)-1 {
			g[none].mark, ticked = tickYes, true
		}
		for _, m := range g {
			switch {
			case m.mark == tickNo:
				drop(m)
			case ticked && m.mark != tickYes:
				drop(m)
			case !marked && len(distinct) >= 2:
				drop(m)
			}
		}
	}
	return mask
}

// adjacent reports whether tokens from..to-1 hold no word but a tick "x",
// a legend's code or "và/hoặc": the ratings at either end are one list.
func adjacent(l *line, from, to int) bool {
	words := 0
	for t := from; t < to; t++ {
		w := l.toks[t].w
		if isYear(l.toks[t]) {
			return false
		}
		if w == "x" || w == "và" || w == "hoặc" {
			continue
		}
		words++
	}
	return words == 0
}

// markBefore reads the box written just before token i: in the separator
// ("☒ Hoàn thành", "[ ] Hoàn thành"), or a bracketed or leading "x" token
// ("[x] Hoàn thành", "(X) Hoàn thành").
func markBefore(l *line, i int) tick {
	sep := l.toks[i].sep
	if i > 0 && l.toks[i-1].w == "x" {
		before := l.toks[i-1].sep
		tb := strings.TrimRight(before, " \t")
		if i-1 == 0 || strings.HasSuffix(tb, "[") || strings.HasSuffix(tb, "(") || strings.ContainsAny(before, "\t") ||
			strings.HasSuffix(tb, ";") || strings.HasSuffix(tb, ":") {
			if s := strings.TrimSpace(sep); s == "" || s == "]" || s == ")" {
				return tickYes
			}
		}
	}
	// The box nearest the option decides.
	for j := len(sep); j > 0; {
		k := strings.LastIndexAny(sep[:j], tickedBoxes+uncheckedBoxes+"[(")
		if k < 0 {
			break
		}
		rest := sep[k:]
		switch {
		case strings.ContainsAny(rest[:1], "[("):
			if inner := strings.TrimSpace(strings.TrimLeft(rest[1:], " ")); strings.HasPrefix(inner, "]") || strings.HasPrefix(inner, ")") {
				return tickNo
			}
			j = k
			continue
		case strings.IndexAny(rest, tickedBoxes) == 0:
			return tickYes
		default:
			return tickNo
		}
	}
	return tickNone
}

// optionTables finds tables that list the ratings one per row with a
// column to mark the chosen one ("Mức xếp loại | Đánh dấu (X)"): at least
// three rows hold a rating as a whole cell and no year, and some row
// holds a mark. The rows without a mark are options, not answers.
func (r *reader) optionTables() {
	type key struct {
		file  string
		table int
	}
	rows := map[key][]int{}
	for ui := range r.units {
		u := &r.units[ui]
		if u.table == 0 || !r.ratingRow(u) {
			continue
		}
		k := key{u.file, u.table}
		rows[k] = append(rows[k], ui)
	}
	for _, uis := range rows {
		// A list of the ratings with nothing marked is a form left blank:
		// none of them is an answer.
		if len(uis) < 3 {
			continue
		}
		for _, ui := range uis {
			if !r.rowTicked(&r.units[ui]) {
				r.units[ui].unticked = true
			}
		}
	}
}

// optionLines does for PDF and OCR lines what optionTables does for table
// rows: three lines or more in a row, each a rating alone, perhaps with a
// mark after it ("Hoàn thành tốt nhiệm vụ	X"), are a list of options.
func (r *reader) optionLines() {
	for i := 0; i < len(r.units); {
		j := i
		for j < len(r.units) && r.lineMode(&r.units[j]) && r.units[j].file == r.units[i].file {
			if _, ok := r.optionLine(&r.units[j]); !ok {
				break
			}
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				if m, _ := r.optionLine(&r.units[k]); m != tickYes {
					r.units[k].unticked = true
				}
			}
		}
		i = max(j, i+1)
	}
}

// optionLine reads a line that is a rating alone: tickYes when a mark
// follows it, tickNone when none does; ok is false when the line is
// something else.
func (r *reader) optionLine(u *unit) (m tick, ok bool) {
	toks := u.l.toks
	if len(toks) == 0 {
		return tickNone, false
	}
	p, n := r.x.at(toks, 0, catRatingCode)
	if p == nil {
		return tickNone, false
	}
	switch {
	case n == len(toks):
		if strings.ContainsAny(u.l.tail, tickedBoxes) || markBefore(&u.l, 0) == tickYes {
			return tickYes, true
		}
		return tickNone, true
	case n+1 == len(toks) && toks[n].w == "x" && (wideGap(toks[n].sep) || strings.TrimSpace(toks[n].sep) != ""):
		return tickYes, true
	}
	return tickNone, false
}

// ratingRow reports whether a table row has a cell that is a rating and
// nothing else, and no year.
func (r *reader) ratingRow(u *unit) bool {
	found := false
	for k := range u.cellAt {
		l := tokenize(u.cellText(k))
		if len(l.toks) == 0 {
			continue
		}
		for _, t := range l.toks {
			if isYear(t) {
				return false
			}
		}
		if p, n := r.x.at(l.toks, 0, catRatingCode); p != nil && n == len(l.toks) {
			found = true
		}
	}
	return found
}

// rowTicked reports whether a cell of the row is a mark alone: "X", "x",
// "✓", "☒", "(x)", "[x]".
func (r *reader) rowTicked(u *unit) bool {
	for k := range u.cellAt {
		c := strings.Trim(u.cellText(k), " ()[]")
		switch {
		case c == "x" || c == "X":
			return true
		case c != "" && strings.Trim(c, tickedBoxes) == "":
			return true
		}
	}
	return false
}

// lineMarks notes what a unit inherits from the line above it on a PDF or
// OCR page (a box that ended it, a hint it left open) and marks the notes
// under a table that spell out its abbreviations: a unit that opens with
// "Ghi chú", "Chú thích", "Chú giải", "Viết tắt" or "Ký hiệu", and the lines
// such a note runs onto until its full stop.
func (r *reader) lineMarks() {
	on := false
	hintOpen := false // the line above ended inside a bracketed list of ratings
	for ui := range r.units {
		u := &r.units[ui]
		if ui > 0 && r.lineMode(u) && r.lineMode(&r.units[ui-1]) {
			u.leadTick = trailingBox(r.units[ui-1].l.tail)
			if hintOpen {
				u.hintUntil = closingBracket(&u.l)
			}
		}
		hintOpen = r.lineMode(u) && r.opensHint(u)
		toks := u.l.toks
		lines := r.lineMode(u)
		switch {
		case len(toks) > 0 && r.legendStart(toks):
			u.legend = true
			on = lines && !strings.HasSuffix(strings.TrimSpace(u.l.tail), ".")
		case on && lines:
			u.legend = true
			on = !strings.HasSuffix(strings.TrimSpace(u.l.tail), ".")
		default:
			on = false
		}
	}
}

func (r *reader) legendStart(toks []token) bool {
	for _, w := range r.x.w.legend {
		if hasSeqAt(toks, 0, w) {
			return true
		}
	}
	return false
}

// trailingBox reads a box that ends a line ("… nhiệm vụ ☒"): on a PDF page
// the box stands before the option that opens the next line.
func trailingBox(tail string) tick {
	t := strings.TrimSpace(tail)
	if t == "" {
		return tickNone
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch {
	case strings.ContainsRune(tickedBoxes, r):
		return tickYes
	case strings.ContainsRune(uncheckedBoxes, r):
		return tickNo
	}
	return tickNone
}

// opensHint reports whether a line ends inside an open bracket that holds
// a rating: the form's hint "(Hoàn thành xuất sắc nhiệm vụ; …" cut by the
// line end.
func (r *reader) opensHint(u *unit) bool {
	open := openBracket(&u.l)
	if open < 0 {
		return false
	}
	for i := open; i < len(u.l.toks); i++ {
		if p, _ := r.x.at(u.l.toks, i, catRatingCode, catRating); p != nil {
			return true
		}
	}
	return false
}

// closingBracket returns the index of the first token after the first
// ")" of a line, or the number of tokens when none closes on it.
func closingBracket(l *line) int {
	for i, t := range l.toks {
		if strings.Contains(t.sep, ")") {
			return i
		}
	}
	return len(l.toks)
}

// openBracket returns the index of the token after the last "(" of a line
// that no ")" closes, or -1.
func openBracket(l *line) int {
	at, depth := -1, 0
	for i, t := range l.toks {
		for _, c := range t.sep {
			switch c {
			case '(':
				depth++
				if depth == 1 {
					at = i
				}
			case ')':
				depth = max(0, depth-1)
			}
		}
	}
	if depth+strings.Count(l.tail, "(")-strings.Count(l.tail, ")") <= 0 {
		return -1
	}
	return at
}

// ocrBoxBefore reads how Tesseract spells a check box just before token i:
// an empty box comes out as "L]", "E]", "[]", "LÏ]", a ticked one as "X]",
// "XI", "[x]".
func ocrBoxBefore(l *line, i int) tick {
	if i == 0 {
		return tickNone
	}
	prev := l.toks[i-1]
	around := prev.sep + l.toks[i].sep
	if !strings.ContainsAny(around, "[]|") && prev.w != "xi" {
		return tickNone
	}
	switch prev.w {
	case "x", "xi", "xl", "xj":
		return tickYes
	case "l", "li", "lï", "lj", "e", "o", "u", "ll", "i":
		return tickNo
	}
	return tickNone
}

// selfColumns finds tables that set the candidate's own rating beside the
// authority's ("Nội dung | Cá nhân tự đánh giá | Cấp có thẩm quyền đánh
// giá") and marks, in the rows below, the cells of the self column.
func (r *reader) selfColumns() {
	type key struct {
		file  string
		table int
	}
	self := map[key][]bool{}
	for ui := range r.units {
		u := &r.units[ui]
		if u.table == 0 || len(u.cellAt) < 2 {
			continue
		}
		k := key{u.file, u.table}
		if cols, ok := r.selfHeader(u); ok {
			self[k] = cols
			continue
		}
		if cols := self[k]; cols != nil && len(cols) == len(u.cellAt) {
			u.selfCells = cols
		}
	}
}

// selfHeader reports whether a row heads a self-assessment column and
// which cells are the candidate's own.
func (r *reader) selfHeader(u *unit) ([]bool, bool) {
	cols := make([]bool, len(u.cellAt))
	found, other := false, false
	for k := range u.cellAt {
		c := tokenize(u.cellText(k)).toks
		switch {
		case hasSeq(c, r.x.w.tuDanhGia) || hasSeq(c, r.x.w.tuXepLoai) || hasSeq(c, r.x.w.tuNhanXet):
			cols[k], found = true, true
		case hasSeq(c, r.x.w.thamQuyen) || hasSeq(c, r.x.w.thuTruong):
			other = true
		}
	}
	return cols, found && other
}

// inSelfCell reports whether token i of u stands in a self column's cell.
func (u *unit) inSelfCell(i int) bool {
	return u.selfCells != nil && i < len(u.l.toks) && u.selfCells[u.cellOf(u.l.toks[i].start)]
}

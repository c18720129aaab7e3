package dossier

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso"
)

type ratedMention struct {
	date    hoso.Date // the paper's latest date line
	year    int
	rating  hoso.Rating
	ocr     bool
	ev      hoso.Evidence
	subject string // folded name of the person the paper spoke of, "" if none yet
}

type awardMention struct {
	year     int
	kind     hoso.AwardKind
	title    string
	issuer   string
	decision string
	ocr      bool
	ev       hoso.Evidence
	subject  string
	doc      int
}

type itemKind uint8

const (
	itYear itemKind = iota + 1
	itRating
	itAward
	itDecision
)

// item is one thing found in a clause, in reading order.
type item struct {
	kind   itemKind
	i, n   int // tokens
	years  []int
	rating hoso.Rating
	award  hoso.AwardKind
	text   string    // decision as written
	date   hoso.Date // decision date
	self   bool      // a rating the candidate gives themself ("Tự xếp loại: …")
}

// scanAppraisals reads the years, ratings, awards and decisions of every
// unit and ties each rating and award to its years.
func (r *reader) scanAppraisals() {
	n := len(r.units)
	all := make([][][]item, n)
	for ui := range r.units {
		u := &r.units[ui]
		lines := r.lineMode(u)
		var next *unit
		if lines && ui+1 < n && r.units[ui+1].doc == u.doc {
			next = &r.units[ui+1]
		}
		all[ui] = r.clauses(u, next, lines)
	}
	rowYears := r.tableRows(all)
	r.guessedRows = rowYears

	var pending []int // years of a heading line ("Năm 2017:") for the lines under it
	// row holds the years of the last table row read as a text line (PDF,
	// OCR): a row's cells wrap onto the lines below it ("2021 Hoàn thành
	// tốt nhiệm vụ" / "Giấy khen của Giám đốc Sở" / "(Quyết định số …)"),
	// and a vertically centred year stands alone on its line. rowRated
	// says the row already has its rating: a further rating line is the
	// next row, whose year OCR lost, not a continuation.
	var row []int
	rowRated := false
	curDoc := -1
	tableYears := map[[2]any][]int{}
	for ui := range r.units {
		u := &r.units[ui]
		if u.doc != curDoc {
			pending, row, rowRated, curDoc = nil, nil, false, u.doc
		}
		lines := r.lineMode(u)
		clauses := all[ui]
		if ys, colon, ok := headingYears(u, clauses); ok && (colon || lines) {
			if colon {
				pending = ys
			} else {
				row, rowRated = ys, false
			}
			continue
		}
		rowLine := lines && startsWithRating(clauses) && !hasYearItem(clauses)
		heading := pending
		if heading == nil && lines {
			switch {
			case rowLine && rowYears[ui] != nil:
				heading = rowYears[ui]
			case rowLine && rowRated:
				heading = nil
			default:
				heading = row
			}
		}
		// A year cell merged down over several rows is written in the first
		// of them only: a row whose first cell is empty continues the year
		// of the row above it in the same table.
		if u.table > 0 {
			key := [2]any{u.file, u.table}
			if ys := clauseYears(clauses); ys != nil {
				tableYears[key] = ys
			} else if heading == nil && len(u.cellAt) > 1 && u.cellText(0) == "" {
				heading = tableYears[key]
			}
		}
		if heading == nil && (!rowLine || !rowRated) {
			// A yearly appraisal form names its year in the title
			// ("PHIẾU ĐÁNH GIÁ … NĂM 2022") and nowhere else.
			heading = r.docs[u.doc].titleYears
		}
		// OCR puts the first line of a vertically centred award cell above
		// its row's line, which then carries the rest of the cell after a
		// gap: such a yearless award takes that row's year.
		var ahead []int
		aheadFirst := false
		if lines && ui+1 < n && r.units[ui+1].doc == u.doc {
			nu := &r.units[ui+1]
			ahead = leadingYears(&nu.l)
			if ahead == nil {
				ahead = rowYears[ui+1]
			}
			aheadFirst = ahead != nil && !hasYearItem(clauses) && !startsWithRating(clauses) &&
				strings.ContainsAny(nu.l.text, "\t") && (leadingYears(&nu.l) != nil || startsWithRating(all[ui+1]))
		}
		hasYears, hasItems, hasRating := false, false, false
		var last []int // years of the latest clause that had any, in this unit
		for _, c := range clauses {
			if c == nil {
				continue
			}
			var cys []int
			for _, it := range c {
				switch it.kind {
				case itYear:
					cys = append(cys, it.years...)
				case itRating:
					hasRating, hasItems = true, true
				default:
					hasItems = true
				}
			}
			if len(cys) > 0 {
				hasYears = true
			}
			carry := last
			if carry == nil {
				carry = heading
			}
			if aheadFirst {
				carry = ahead
			}
			r.assign(u, c, carry, heading, ahead)
			if len(cys) > 0 {
				last = cys
			}
		}
		if hasYears {
			pending = nil
		}
		if lines {
			switch {
			case hasYears:
				row, rowRated = last, hasRating
			case rowLine && heading != nil:
				row, rowRated = heading, true
			case !hasItems && strings.Contains(u.l.tail, "."):
				row, rowRated = nil, false // a finished sentence: the table is over
			}
		}
	}
}

// tableRows finds, among the lines of each paper, the rows of an appraisal
// table whose year OCR could not read ('"020 Hoàn thành …'), and gives such
// a row the year between its neighbours' when they are one year apart on
// either side (2019, ?, 2021).
func (r *reader) tableRows(all [][][]item) map[int][]int {
	var out map[int][]int
	type rowAt struct {
		ui    int
		years []int
	}
	var rows []rowAt
	flush := func() {
		for k := 1; k+1 < len(rows); k++ {
			p, q := rows[k-1].years, rows[k+1].years
			if rows[k].years == nil && len(p) == 1 && len(q) == 1 && q[0] == p[0]+2 {
				if out == nil {
					out = map[int][]int{}
				}
				out[rows[k].ui] = []int{p[0] + 1}
			}
		}
		rows = rows[:0]
	}
	curDoc := -1
	for ui := range r.units {
		u := &r.units[ui]
		if u.doc != curDoc {
			flush()
			curDoc = u.doc
		}
		if !r.lineMode(u) {
			continue
		}
		if ys := leadingYears(&u.l); ys != nil && (startsWithRatingAfterYear(all[ui])) {
			rows = append(rows, rowAt{ui, ys})
		} else if startsWithRating(all[ui]) && !hasYearItem(all[ui]) {
			rows = append(rows, rowAt{ui, nil})
		}
	}
	flush()
	return out
}

// startsWithRating reports whether a line opens with a rating (after at
// most one stray token): a table row whose year is missing.
func startsWithRating(cs [][]item) bool {
	return len(cs) > 0 && len(cs[0]) > 0 && cs[0][0].kind == itRating && cs[0][0].i <= 1
}

// startsWithRatingAfterYear reports whether a line is "YEAR RATING …".
func startsWithRatingAfterYear(cs [][]item) bool {
	return len(cs) > 0 && len(cs[0]) > 1 && cs[0][0].kind == itYear && cs[0][1].kind == itRating
}

func hasYearItem(cs [][]item) bool {
	for _, c := range cs {
		for _, it := range c {
			if it.kind == itYear {
				return true
			}
		}
	}
	return false
}

// lineMode reports whether a unit is a line of a page (PDF text layer, OCR)
// rather than a paragraph or a table cell: lines wrap, paragraphs do not.
func (r *reader) lineMode(u *unit) bool {
	return u.table == 0 && r.t.Blocks[u.blocks[0]].Page > 0
}

// headingYears reports whether a unit is only a year heading ("Năm 2017:",
// "- Năm 2016, 2017:") whose ratings follow on the next lines.
func headingYears(u *unit, clauses [][]item) (ys []int, colon, ok bool) {
	if len(u.l.toks) == 0 || len(u.l.toks) > 8 {
		return nil, false, false
	}
	colon = strings.Contains(u.l.tail, ":")
	for _, c := range clauses {
		for _, it := range c {
			if it.kind != itYear {
				return nil, false, false
			}
			ys = append(ys, it.years...)
		}
	}
	for _, t := range u.l.toks {
		if t.num < 0 && t.w != "năm" && t.w != "và" {
			return nil, false, false
		}
	}
	return ys, colon, len(ys) > 0
}

// clauses splits a unit into clauses of items. A clause holding
// requirement wording ("trở lên", "căn cứ") is dropped: it quotes a rule,
// not a fact about the candidate.
//
// next is the following line when u is a line of a page: a rating's
// "nhiệm vụ" may wrap onto it.
func (r *reader) clauses(u *unit, next *unit, lines bool) [][]item {
	if u.legend {
		return nil
	}
	if next != nil && next.legend {
		next = nil
	}
	x := r.x
	l := &u.l
	toks := l.toks
	limit := len(toks)
	if next != nil && len(next.l.toks) > 0 {
		// A phrase may wrap onto the next line ("… tặng Giấy" / "khen theo …"):
		// match on this line's words followed by the next line's first
		// ones, which stand at the end of this line's text.
		ext := line{text: l.text, tail: l.tail, toks: make([]token, 0, len(toks)+4)}
		ext.toks = append(ext.toks, toks...)
		for _, t := range next.l.toks[:min(6, len(next.l.toks))] {
			t.start, t.end = len(l.text), len(l.text)
			ext.toks = append(ext.toks, t)
		}
		ext.toks[limit].sep = "\n"
		if !clauseBreak(l.tail) {
			ext.toks[limit].sep = " "
		}
		l, toks = &ext, ext.toks
	}
	var out [][]item
	var cur []item
	cue := false
	self := false
	skip := r.optionMask(u)
	skipped := func(i int) bool { return u.unticked || i < len(skip) && skip[i] || u.inSelfCell(i) }
	closeClause := func() {
		if !cue && len(cur) > 0 {
			out = append(out, cur)
		}
		cur, cue, self = nil, false, false
	}
	for i := 0; i < limit; i++ {
		t := toks[i]
		if i > 0 && clauseBreak(t.sep) {
			closeClause()
		}
		if p, n := x.at(toks, i, catCue); p != nil {
			cue = true
			i += n - 1
			continue
		}
		if n, text, dt := decisionAt(x, &u.l, i); n > 0 {
			cur = append(cur, item{kind: itDecision, i: i, n: n, text: text, date: dt})
			i += n - 1
			continue
		}
		if next != nil && limit-i <= 3 && (t.w == x.w.qd[0] || t.w == x.w.quyetDinh[0]) {
			// "… theo Quyết định số" / "1330/QĐ-SNN ngày 30/12/2022."
			joined := tokenize(l.text[t.start:] + " " + next.l.text)
			if n, text, dt := decisionAt(x, &joined, 0); n > limit-i {
				cur = append(cur, item{kind: itDecision, i: i, n: limit - i, text: text, date: dt})
				break
			}
		}
		if _, n := dateAt(toks, i); n > 0 {
			i += n - 1
			continue
		}
		if ys, n := yearsAt(l, i); n > 0 {
			cur = append(cur, item{kind: itYear, i: i, n: n, years: ys})
			i += n - 1
			// A table row read as a line: "3 Năm 2019 Xuất sắc" — the
			// rating column's bare word ends the row or meets the award.
			// Not when the words go on onto the next line as a whole
			// rating ("2016 hoàn thành" / "tốt nhiệm vụ").
			if p, n := x.at(toks, i+1, catRating, catRatingCode); lines && i+1 < limit && (p == nil || i+1+n <= limit) {
				if rt, m := relaxedAt(x, toks[:limit], i+1); m > 0 {
					cur = append(cur, item{kind: itRating, i: i + 1, n: m, rating: rt})
					i += m
				}
			}
			continue
		}
		if hasSeqAt(toks, i, x.w.tuDanhGia) || hasSeqAt(toks, i, x.w.tuXepLoai) {
			self = true
		}
		if p, n := x.at(toks, i, catRatingCode); p != nil && skipped(i) {
			i += n - 1
			continue
		}
		if p, n := x.at(toks, i, catRatingCode); p != nil {
			cur = append(cur, item{kind: itRating, i: i, n: min(i+n, limit) - i, rating: hoso.Rating(p.val), self: self})
			i += n - 1
			continue
		}
		if p, _ := x.at(toks, i, catRating); p != nil && skipped(i) {
			for i+1 < limit && skipped(i+1) {
				i++
			}
			continue
		}
		if p, n := x.at(toks, i, catRating); p != nil {
			// "hoàn thành tốt chức trách, nhiệm vụ" is a rating; "hoàn thành
			// các nhiệm vụ được giao" describes work, not a grade.
			filler := 3
			if hoso.Rating(p.val) == hoso.RatingHTNV {
				filler = 0
			}
			if m := nvAfter(x, toks, i+n, filler); m > 0 {
				cur = append(cur, item{kind: itRating, i: i, n: min(m, limit) - i, rating: hoso.Rating(p.val), self: self})
				i = m - 1
				continue
			}
		}
		if p, n := x.at(toks, i, catAward); p != nil {
			if !collective(x, toks, i) {
				cur = append(cur, item{kind: itAward, i: i, n: min(i+n, limit) - i, award: awardKinds[p.val]})
			}
			i += n - 1
			continue
		}
	}
	closeClause()
	return out
}

// nvAfter finds "nhiệm vụ" completing a rating core within a few words
// ("hoàn thành tốt chức trách, nhiệm vụ") and returns the token after it.
func nvAfter(x *lexicon, toks []token, i, filler int) int {
	for j := i; j < len(toks) && j <= i+filler; j++ {
		if j > i && clauseBreak(toks[j].sep) {
			return 0
		}
		if p, n := x.at(toks, j, catNV); p != nil {
			return j + n
		}
		if p, _ := x.at(toks, j, catRating, catRatingCode, catAward); p != nil {
			return 0
		}
	}
	return 0
}

// collective reports whether an award at i is a unit's ("Tập thể lao động
// tiên tiến"), not a person's.
func collective(x *lexicon, toks []token, i int) bool {
	s := x.w.tapThe
	return i >= 2 && toks[i-2].w == s[0] && toks[i-1].w == s[1]
}

// yearsAt reads a year or a run of years at i: "2017", "2016 - 2018",
// "2016 đến năm 2018". Years that are part of a document number
// ("56/2015/NĐ-CP") or a month ("12/2017" is a year, of a month) are
// told apart by their neighbours.
func yearsAt(l *line, i int) ([]int, int) {
	toks := l.toks
	t := toks[i]
	if !isYear(t) {
		return nil, 0
	}
	if i > 0 && tight(t.sep) && toks[i-1].num > 12 {
		return nil, 0 // "56/2015"
	}
	if i+1 < len(toks) && tight(toks[i+1].sep) && toks[i+1].num < 0 {
		return nil, 0 // "2015/NĐ-CP"
	}
	// A range.
	j := i + 1
	dash := j < len(toks) && (strings.TrimSpace(toks[j].sep) == "-" || strings.TrimSpace(toks[j].sep) == "–")
	if !dash && j < len(toks) && toks[j].w == "đến" {
		j++
		if j < len(toks) && toks[j].w == "năm" {
			j++
		}
		dash = true
	}
	if dash && j < len(toks) && isYear(toks[j]) && toks[j].num > t.num && toks[j].num-t.num <= 10 {
		ys := make([]int, 0, toks[j].num-t.num+1)
		for y := t.num; y <= toks[j].num; y++ {
			ys = append(ys, y)
		}
		return ys, j - i + 1
	}
	return []int{t.num}, 1
}

// decisionAt reads "Quyết định số 123/QĐ-UBND ngày 15/12/2017" or
// "QĐ số 123/QĐ-UBND, ngày …" at i: the tokens used, the text as written
// and the date.
func decisionAt(x *lexicon, l *line, i int) (int, string, hoso.Date) {
	toks := l.toks
	j := i
	qd := x.w.quyetDinh
	switch {
	case toks[j].w == x.w.qd[0]:
		j++
	case j+1 < len(toks) && toks[j].w == qd[0] && toks[j+1].w == qd[1]:
		j += 2
	default:
		return 0, "", hoso.Date{}
	}
	if j < len(toks) && toks[j].w == "số" {
		j++
	}
	if j >= len(toks) || toks[j].num < 0 {
		return 0, "", hoso.Date{}
	}
	j = numberEnd(l, j) + 1
	end := toks[j-1].end
	var dt hoso.Date
	if n := j; n < len(toks) {
		if d, m := dateAt(toks, n); m > 0 && (toks[n].w == wNgay || strings.Contains(toks[n].sep, ",")) {
			dt = d
			j = n + m
			end = toks[j-1].end
		}
	}
	return j - i, l.text[toks[i].start:end], dt
}

// assign ties the ratings and awards of one clause to their years. carry
// holds the years of the unit's previous clause (or of a heading line),
// heading only those of a heading line: a rating without a year of its own
// takes the heading's years, an award takes either.
func (r *reader) assign(u *unit, c []item, carry, heading, ahead []int) {
	yearsBetween := func(from, to int) []int {
		var ys []int
		for k := from; k < to; k++ {
			if c[k].kind == itYear {
				ys = append(ys, c[k].years...)
			}
		}
		return ys
	}
	anchor := func(k int) bool { return c[k].kind == itRating || c[k].kind == itAward }
	prevAnchor := func(k int) int {
		for j := k - 1; j >= 0; j-- {
			if anchor(j) {
				return j
			}
		}
		return -1
	}
	nextAnchor := func(k int) int {
		for j := k + 1; j < len(c); j++ {
			if anchor(j) {
				return j
			}
		}
		return len(c)
	}
	ratingYears := make([][]int, len(c))
	d := &r.docs[u.doc]
	self := d.selfFrom >= 0 && u.doc == r.units[d.selfFrom].doc && r.unitIndex(u) > d.selfFrom &&
		(d.selfTo < 0 || r.unitIndex(u) < d.selfTo)
	for k := range c {
		if c[k].kind != itRating {
			continue
		}
		if self || c[k].self {
			continue
		}
		ys := yearsBetween(prevAnchor(k)+1, k)
		if len(ys) == 0 {
			ys = yearsBetween(k+1, nextAnchor(k))
		}
		if len(ys) == 0 {
			ys = heading
		}
		ratingYears[k] = ys
		ev := r.evidence(u, u.l.toks[c[k].i].start)
		for _, y := range ys {
			r.rated = append(r.rated, ratedMention{year: y, rating: c[k].rating, ocr: u.ocr, ev: ev, subject: r.subjectOf(u),
				date: d.lastDate})
		}
	}
	for k := range c {
		if c[k].kind != itAward {
			continue
		}
		pa := prevAnchor(k)
		ys := yearsBetween(pa+1, k)
		if len(ys) == 0 {
			for j := k - 1; j >= 0; j-- {
				if c[j].kind == itRating {
					ys = ratingYears[j]
					break
				}
			}
		}
		na := nextAnchor(k)
		if len(ys) == 0 {
			ys = yearsBetween(k+1, na)
		}
		if len(ys) == 0 {
			ys = carry
		}
		if len(ys) == 0 {
			ys = ahead
		}
		var dec *item
		for j := k + 1; j < na; j++ {
			if c[j].kind == itDecision {
				dec = &c[j]
				break
			}
		}
		if dec == nil {
			for j := k - 1; j > pa; j-- {
				if c[j].kind == itDecision {
					dec = &c[j]
					break
				}
			}
		}
		// "Giấy khen (thành tích năm 2022)" in a row dated 01/2023: the
		// award belongs to the year of the achievement.
		end := len(u.l.toks)
		for j := k + 1; j < len(c); j++ {
			if c[j].kind == itAward {
				end = c[j].i
				break
			}
		}
		if y := r.achievementYear(&u.l, c[k].i, end); y != 0 {
			ys = []int{y}
		} else if y := r.sentenceAchievement(u); y != 0 && end == len(u.l.toks) {
			ys = []int{y}
		}
		// A decision's subject line ("Về việc tặng Giấy khen") announces
		// what Điều 1 gives; it is not an award of its own.
		if d0 := &r.docs[u.doc]; d0.kind == docDecision && hasSeqAt(u.l.toks, 0, r.x.w.veViec) {
			continue
		}
		a := awardMention{kind: c[k].award, ocr: u.ocr, ev: r.evidence(u, u.l.toks[c[k].i].start)}
		it := c[k]
		a.title = u.l.text[u.l.toks[it.i].start:u.l.toks[it.i+it.n-1].end]
		d0 := &r.docs[u.doc]
		if len(ys) == 0 && d0.achieved != 0 {
			ys = []int{d0.achieved}
		}
		if dec != nil {
			a.decision = dec.text
			if len(ys) == 0 && !dec.date.IsZero() {
				ys = []int{dec.date.Year}
			}
		}
		a.issuer = r.issuer(u, it.i, it.n)
		d := &r.docs[u.doc]
		if d.kind == docDecision {
			if a.issuer == "" && d.authority >= 0 {
				a.issuer = r.recase(&r.units[d.authority].l)
			}
			if a.decision == "" && d.number != "" && !d.date.IsZero() {
				a.decision = fmt.Sprintf("Quyết định số %s ngày %02d/%02d/%d", d.number, d.date.Day, int(d.date.Month), d.date.Year)
			}
			if len(ys) == 0 && !d.date.IsZero() {
				ys = []int{d.date.Year}
			}
		}
		a.subject, a.doc = r.subjectOf(u), u.doc
		for _, y := range ys {
			b := a
			b.year = y
			r.awards = append(r.awards, b)
		}
	}
}

// issuer finds who gave an award at tokens [i, i+n): "… của Giám đốc Sở
// Tài chính", "được Chủ tịch UBND tỉnh tặng …", or the issuer column of
// an award table.
func (r *reader) issuer(u *unit, i, n int) string {
	x := r.x
	toks := u.l.toks
	if u.roles != nil {
		for k, role := range u.roles {
			if role == colIssuer && k < len(u.cellAt) {
				if s := u.cellText(k); s != "" {
					return s
				}
			}
		}
	}
	// "được X tặng <award>"
	for j := i - 1; j >= 0 && j >= i-14; j-- {
		if clauseBreak(toks[j+1].sep) {
			break
		}
		if toks[j].w == x.w.duoc[0] && j+1 < i {
			end := -1
			for k := j + 1; k < i; k++ {
				for _, v := range x.w.gives {
					if hasSeqAt(toks, k, v) && end < 0 {
						end = k
					}
				}
			}
			if end > j+1 && capitalised(u.l.text[toks[j+1].start:toks[j+1].end]) {
				return u.l.text[toks[j+1].start:toks[end-1].end]
			}
			break
		}
	}
	// "<award> … của X"
	for j := i + n; j < len(toks) && j < i+n+20; j++ {
		if clauseBreak(toks[j].sep) || strings.Contains(toks[j].sep, "|") {
			break
		}
		if toks[j].w == x.w.cua[0] && j+1 < len(toks) && capitalised(u.l.text[toks[j+1].start:toks[j+1].end]) {
			k := j + 1
			for k+1 < len(toks) {
				s := toks[k+1].sep
				if clauseBreak(s) || strings.ContainsAny(s, ",()|;") {
					break
				}
				if w := toks[k+1].w; w == x.w.theo[0] || w == x.w.tai[0] || w == "năm" || w == "về" || w == x.w.cho[0] ||
					hasSeqAt(toks, k+1, x.w.quyetDinh) || w == x.w.qd[0] {
					break
				}
				k++
			}
			return u.l.text[toks[j+1].start:toks[k].end]
		}
		if p, _ := x.at(toks, j, catAward, catRating, catRatingCode); p != nil {
			break
		}
	}
	return ""
}

func hasSeqAt(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].w != w {
			return false
		}
	}
	return true
}

// unitIndex returns u's index in r.units (-1 for a unit made on the side).
func (r *reader) unitIndex(u *unit) int {
	if u.idx >= 0 && u.idx < len(r.units) && &r.units[u.idx] == u {
		return u.idx
	}
	return -1
}

// subjectOf returns the person a unit speaks of, as scanPeople left it.
func (r *reader) subjectOf(u *unit) string {
	if i := r.unitIndex(u); i >= 0 && i < len(r.subject) {
		return r.subject[i]
	}
	return ""
}

// recase writes a line typed in capitals ("GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ MÔI
// TRƯỜNG") with the casing the same words have elsewhere in the dossier
// ("Sở Tài nguyên và Môi trường"), other words in lower case, and a capital
// initial.
func (r *reader) recase(l *line) string {
	toks := l.toks
	out := make([]string, len(toks))
	for i := 0; i < len(toks); {
		bestN, bestText := 0, ""
		for ui := range r.units {
			ul := &r.units[ui].l
			if allCaps(ul.text) {
				continue
			}
			for j := range ul.toks {
				n := 0
				for i+n < len(toks) && j+n < len(ul.toks) && ul.toks[j+n].w == toks[i+n].w {
					n++
				}
				if n > bestN && !allCaps(ul.text[ul.toks[j].start:ul.toks[j+n-1].end]) {
					bestN = n
					bestText = ul.text[ul.toks[j].start:ul.toks[j+n-1].end]
				}
			}
		}
		if bestN >= 2 {
			out[i] = bestText
			i += bestN
			continue
		}
		out[i] = strings.ToLower(l.text[toks[i].start:toks[i].end])
		i++
	}
	var b strings.Builder
	for i, s := range out {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if i == 0 {
			s = titleCase(s[:len(firstWord(s))]) + s[len(firstWord(s)):]
		}
		b.WriteString(s)
	}
	return b.String()
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// relaxedAt reads a table's bare rating word ("Tốt", "Xuất sắc") at i when
// it ends the line or an award follows it.
func relaxedAt(x *lexicon, toks []token, i int) (hoso.Rating, int) {
	for m := min(3, len(toks)-i); m >= 1; m-- {
		rt, ok := x.relaxed[joinWords(toks[i:i+m])]
		if !ok {
			continue
		}
		if i+m == len(toks) {
			return rt, m
		}
		if p, _ := x.at(toks, i+m, catAward); p != nil {
			return rt, m
		}
	}
	return hoso.RatingUnknown, 0
}

// leadingYears returns the years a line starts with, after a row number:
// "2016 Hoàn thành …", "2 Năm 2018 Tốt".
func leadingYears(l *line) []int {
	for i, t := range l.toks {
		if i > 2 {
			break
		}
		if ys, n := yearsAt(l, i); n > 0 {
			return ys
		}
		if !(t.num >= 0 && t.nd <= 2) && t.w != "năm" {
			break
		}
	}
	return nil
}

// clauseYears returns the years the clauses of a unit name, nil if none.
func clauseYears(clauses [][]item) []int {
	var ys []int
	for _, c := range clauses {
		for _, it := range c {
			if it.kind == itYear {
				ys = append(ys, it.years...)
			}
		}
	}
	return ys
}

// achievementYear finds "thành tích … năm 2022" among tokens from..to-1
// and returns the year, 0 if none.
func (r *reader) achievementYear(l *line, from, to int) int {
	toks := l.toks
	to = min(to, len(toks))
	for i := from; i < to; i++ {
		if !hasSeqAt(toks, i, r.x.w.thanhTich) {
			continue
		}
		for j := i + 2; j+1 < len(toks) && j < i+14; j++ {
			if toks[j].w == "năm" && isYear(toks[j+1]) && toks[j-1].num < 0 {
				return toks[j+1].num
			}
		}
	}
	return 0
}

// sentenceAchievement reads the achievement year of a sentence that a PDF
// or OCR page cut into lines ("Điều 1. Tặng Giấy khen cho ông …" / "… đã
// có thành tích xuất sắc trong thực hiện nhiệm" / "vụ năm 2022."): the lines
// after u, up to the one that ends the sentence, four at most.
func (r *reader) sentenceAchievement(u *unit) int {
	ui := r.unitIndex(u)
	if ui < 0 || !r.lineMode(u) || strings.HasSuffix(strings.TrimSpace(u.l.tail), ".") {
		return 0
	}
	text := u.l.text
	for k := ui + 1; k < len(r.units) && k <= ui+4; k++ {
		n := &r.units[k]
		if n.doc != u.doc || !r.lineMode(n) {
			break
		}
		text += " " + n.l.text
		if strings.HasSuffix(strings.TrimSpace(n.l.tail), ".") {
			break
		}
	}
	l := tokenize(text)
	return r.achievementYear(&l, 0, len(l.toks))
}

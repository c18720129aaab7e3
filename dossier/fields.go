package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/extract"
)

// WarnDOBYearOnly is the warning code for a date of birth written as a year
// alone ("sinh năm 1990"). hoso.Date holds only full dates, so the record's
// date of birth stays empty: the age rule then asks for the exact date
// rather than guessing a day that could flip the 18/60-year test.
const WarnDOBYearOnly = "dob_year_only"

// Record reads the candidate, the review date, the yearly appraisals, the
// awards and the course certificate from t. Source is left for the caller.
//
// A text with neither a candidate nor an appraisal is not a dossier
// (hoso.ENOTDOSSIER), unless some pages still await OCR: then the partial
// record is returned and the verdict will be incomplete.
//
// Names are returned as written (NFC). A name found only in capitals, as
// the lý lịch prescribes, is matched with the mixed-case spelling of the
// other papers; if none exists it is given in title case, syllable by
// syllable ("NGUYỄN THỊ HƯƠNG" → "Nguyễn Thị Hương").
func Read(t *extract.Text) (*hoso.Record, error) {
	if t == nil {
		t = &extract.Text{}
	}
	r := newReader(t)
	r.scan()
	rec := r.record()
	// Nothing of a dossier: no candidate and no rating, or only papers of
	// no dossier form (a meeting invitation names a person too) and no
	// rating.
	onlyOther := true
	for _, d := range rec.Documents {
		onlyOther = onlyOther && d.Kind == hoso.DocOther
	}
	if (rec.Candidate.FullName == "" || onlyOther) && len(rec.Appraisals) == 0 && len(t.NeedOCR) == 0 {
		return rec, hoso.Errorf(hoso.ENOTDOSSIER,
			"Không phải hồ sơ đề nghị kết nạp đảng viên: không tìm thấy người được đề nghị kết nạp và kết quả đánh giá, xếp loại",
			"not an admission dossier: no candidate and no appraisal found")
	}
	return rec, nil
}

// unit is what the reader scans as one line: a paragraph, a PDF or OCR
// line, or a whole table row with its cells joined by " | " (so a year in
// one cell and a rating in the next belong together).
type unit struct {
	idx    int // position in reader.units
	l      line
	blocks []int // indices into Text.Blocks, one per cell
	cellAt []int // byte offset in l.text where each block's text starts
	file   string
	table  int // 0 outside tables
	row    int
	ocr    bool
	doc    int
	// cols gives each cell's role when the row lies under a recognised
	// appraisal-table header.
	roles []colRole
	// unticked marks a row of an option table ("Hoàn thành tốt nhiệm vụ |
	// X") that carries no mark: its rating is an option, not an answer.
	unticked bool
	// legend marks a "Ghi chú: HTXSNV – Hoàn thành xuất sắc nhiệm vụ; …"
	// note, over as many lines as it runs: it names ratings and titles,
	// it gives none.
	legend bool
	// leadTick is a box that ended the line above, on a PDF or OCR page.
	leadTick tick
	// hintUntil is the token after the ")" that closes a hint the line
	// above opened; ratings before it are options.
	hintUntil int
	// selfCells marks the cells of a row under a "Cá nhân tự đánh giá"
	// column: the candidate's own rating, not the authority's.
	selfCells []bool
}

type colRole uint8

const (
	colNone colRole = iota
	colYear
	colRating
	colAward
	colIssuer
	colDecision
)

// blockOf returns the block a byte offset of the unit's text comes from.
func (u *unit) blockOf(off int) int {
	k := 0
	for k+1 < len(u.cellAt) && u.cellAt[k+1] <= off {
		k++
	}
	return u.blocks[k]
}

// cellOf returns the index of the cell holding a byte offset.
func (u *unit) cellOf(off int) int {
	k := 0
	for k+1 < len(u.cellAt) && u.cellAt[k+1] <= off {
		k++
	}
	return k
}

// cellText returns the text of cell k as written.
func (u *unit) cellText(k int) string {
	end := len(u.l.text)
	if k+1 < len(u.cellAt) {
		end = u.cellAt[k+1] - len(cellSep)
	}
	return strings.TrimSpace(u.l.text[u.cellAt[k]:end])
}

const cellSep = " | "

type reader struct {
	t     *extract.Text
	x     *lexicon
	units []unit
	docs  []doc

	names []nameMention
	// subject is, for each unit, the folded name of the person the paper
	// speaks of at the unit's end ("" before any name, otherPerson for a
	// relative).
	subject []string
	facts   []fact
	rated   []ratedMention
	awards  []awardMention
	reviewY int // year of the review date, for OCR plausibility
	// guessedRows are table rows read by OCR whose year was illegible and
	// was taken from their neighbours (unit → year).
	guessedRows map[int][]int
}

func newReader(t *extract.Text) *reader {
	r := &reader{t: t, x: lex()}
	r.buildUnits()
	r.optionTables()
	r.selfColumns()
	r.optionLines()
	r.lineMarks()
	r.segment()
	return r
}

// buildUnits groups table cells into rows and tokenizes every unit.
func (r *reader) buildUnits() {
	bs := r.t.Blocks
	r.units = make([]unit, 0, len(bs))
	// Table headers seen so far, per file and table, give the roles of the
	// columns of the rows below them.
	type tkey struct {
		file  string
		table int
	}
	headers := map[tkey][]colRole{}
	for i := 0; i < len(bs); {
		b := bs[i]
		j := i + 1
		if b.Table > 0 {
			for j < len(bs) && bs[j].Table == b.Table && bs[j].Row == b.Row && bs[j].File == b.File {
				j++
			}
		}
		u := unit{idx: len(r.units), file: b.File, table: b.Table, row: b.Row, ocr: b.Confidence > 0}
		if j-i == 1 {
			u.l = tokenize(b.Text)
			u.blocks, u.cellAt = []int{i}, []int{0}
		} else {
			cells := make([]line, 0, j-i)
			for k := i; k < j; k++ {
				cells = append(cells, tokenize(bs[k].Text))
			}
			key := tkey{b.File, b.Table}
			if roles := headerRoles(r.x, cells); roles != nil {
				headers[key] = roles
			} else {
				u.roles = headers[key]
			}
			u.l = r.joinRow(&u, cells, i)
		}
		if u.ocr {
			repairOCR(&u.l)
		}
		r.units = append(r.units, u)
		i = j
	}
}

// joinRow joins the cells of a table row into one line, their tokens
// shifted into the joined text. In a row with a year, a cell holding only
// "Tốt" or "Xuất sắc" is a rating: it is written as its code so the prose
// reader sees the rating.
func (r *reader) joinRow(u *unit, cells []line, first int) line {
	year := rowHasYear(cells)
	n, size := 0, 0
	for _, c := range cells {
		n += len(c.toks)
		size += len(c.text) + len(cellSep)
	}
	var sb strings.Builder
	sb.Grow(size)
	toks := make([]token, 0, n)
	var subst []hoso.Rating
	for k, c := range cells {
		if k > 0 {
			sb.WriteString(cellSep)
		}
		u.blocks = append(u.blocks, first+k)
		u.cellAt = append(u.cellAt, sb.Len())
		rt, ok := hoso.RatingUnknown, false
		if year {
			rt, ok = r.x.relaxed[joinWords(c.toks)]
		}
		if ok {
			subst = append(subst, rt)
			sb.WriteString(rt.String())
			continue
		}
		subst = append(subst, hoso.RatingUnknown)
		sb.WriteString(c.text)
	}
	text := sb.String()
	prevEnd := 0
	for k, c := range cells {
		off := u.cellAt[k]
		if rt := subst[k]; rt != hoso.RatingUnknown {
			code := strings.ToLower(rt.String())
			toks = append(toks, token{w: code, b: code, sep: text[prevEnd:off], start: off, end: off + len(code), num: -1})
			prevEnd = off + len(code)
			continue
		}
		for _, t := range c.toks {
			t.start += off
			t.end += off
			t.sep = text[prevEnd:t.start]
			toks = append(toks, t)
			prevEnd = t.end
		}
	}
	return line{text: text, toks: toks, tail: text[prevEnd:]}
}

func joinWords(toks []token) string {
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].w
	}
	var sb strings.Builder
	for k, t := range toks {
		if k > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.w)
	}
	return sb.String()
}

func rowHasYear(cells []line) bool {
	for _, c := range cells {
		for _, t := range c.toks {
			if isYear(t) {
				return true
			}
		}
	}
	return false
}

// headerRoles recognises the header row of an appraisal or award table
// ("Năm | Xếp loại | Khen thưởng") and returns each column's role.
func headerRoles(x *lexicon, cells []line) []colRole {
	roles := make([]colRole, len(cells))
	year, other := false, false
	for k, c := range cells {
		for i := range c.toks {
			p, n := x.at(c.toks, i, catHeader)
			if p == nil {
				continue
			}
			role := colRole(p.val)
			// "Năm" heads the year column only as the whole cell; "năm" in a
			// longer heading is a word of it.
			if role == colYear && (i != 0 || n != len(c.toks)) {
				continue
			}
			if roles[k] == colNone {
				roles[k] = role
			}
			if role == colYear {
				year = true
			} else {
				other = true
			}
			break
		}
	}
	if !year || !other {
		return nil
	}
	return roles
}

// capitalised reports whether a word as written starts with a capital.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// allCaps reports whether every letter of s is upper case.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// titleCase writes each syllable with a capital initial ("NGUYỄN THỊ HƯƠNG"
// → "Nguyễn Thị Hương"); tone marks are kept as they are.
func titleCase(s string) string {
	var sb strings.Builder
	start := true
	for _, r := range s {
		if unicode.IsLetter(r) {
			if start {
				sb.WriteRune(unicode.ToUpper(r))
			} else {
				sb.WriteRune(unicode.ToLower(r))
			}
			start = false
			continue
		}
		start = !unicode.Is(unicode.Mn, r)
		sb.WriteRune(r)
	}
	return sb.String()
}

// clauseBreak reports whether a separator ends a clause: a semicolon, a
// line break or a full stop followed by a space.
func clauseBreak(sep string) bool {
	if strings.ContainsAny(sep, ";\n\r") {
		return true
	}
	if i := strings.IndexByte(sep, '.'); i >= 0 {
		return i+1 < len(sep) && (sep[i+1] == ' ' || sep[i+1] == '\t')
	}
	return false
}

// labelPos reports whether token i can open a label: the first word of the
// text, after punctuation, or after a list number ("1. Họ và tên").
func labelPos(l *line, i int) bool {
	if i == 0 {
		return true
	}
	sep := l.toks[i].sep
	if strings.ContainsAny(sep, ",;:.|()\n\t-–+*•") || wideGap(sep) {
		return true
	}
	return l.toks[i-1].num >= 0 && i == 1
}

// hasSeq reports whether the folded words appear consecutively in toks.
func hasSeq(toks []token, words []string) bool {
	for i := 0; i+len(words) <= len(toks); i++ {
		ok := true
		for k, w := range words {
			if toks[i+k].w != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// wideGap reports whether a separator is a layout gap (a tab, or two spaces
// or more): a PDF line or an OCR line that merged two columns.
func wideGap(sep string) bool {
	return strings.Contains(sep, "\t") || strings.Contains(sep, "  ")
}

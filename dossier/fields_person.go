package dossier

import (
	"strings"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/vntext"
)

// otherPerson stands for a person other than the candidate (a parent, an
// introducer, the chair of a meeting): facts read while they are the
// subject are not the candidate's.
const otherPerson = "\x00other"

type nameMention struct {
	text  string // as written
	key   string // folded
	caps  bool
	score int
	ev    hoso.Evidence
}

type fact struct {
	field  int
	person string // folded name of the subject, "" if none was named yet, otherPerson
	doc    docKind
	text   string
	date   hoso.Date
	year   int
	strong bool // a full label ("đơn vị công tác"), not a bare one ("đơn vị")
	ev     hoso.Evidence
}

// scanPeople reads names and the facts about the person each paper speaks of.
func (r *reader) scanPeople() {
	x := r.x
	r.subject = make([]string, len(r.units))
	for di := range r.docs {
		d := &r.docs[di]
		cur := ""
		for ui := d.first; ui <= d.last; ui++ {
			u := &r.units[ui]
			l := &u.l
			toks := l.toks
			for i := 0; i < len(toks); i++ {
				if labelPos(l, i) {
					if p, n := x.at(toks, i, catRelative); p != nil && relativeLabel(l, i, n) {
						cur = otherPerson
						i += n - 1
						continue
					}
				}
				p, n := x.at(toks, i, catLabel)
				if p == nil {
					continue
				}
				j := i + n
				switch p.val {
				case fName, fNameSelf, fNameRef:
					if p.val == fName && !labelPos(l, i) {
						continue
					}
					if p.val == fName && j < len(toks) {
						if q, m := x.at(toks, j, catRelative); q != nil && relativeLabel(l, j, m) {
							cur = otherPerson
							i = j + m - 1
							continue
						}
					}
					text, end, ok := parseName(l, j, p.val == fName)
					if !ok {
						continue
					}
					key := vntext.Fold(text)
					r.names = append(r.names, nameMention{text: text, key: key, caps: allCaps(text),
						score: nameScore(p, d.kind), ev: r.evidence(u, toks[j].start)})
					cur = key
					i = end - 1
				case fDOB:
					if nm := listedName(l, i); nm != "" {
						cur = vntext.Fold(nm)
					}
					if j < len(toks) && toks[j].w == wNgay && p.words[len(p.words)-1] == wNgay {
						j++ // "sinh ngày ngày 12 …" does not happen, but "Ngày sinh: ngày 12 …" does
					}
					if dt, m := r.dateOn(ui, d.last, j); m > 0 {
						r.facts = append(r.facts, fact{field: fDOB, person: cur, doc: d.kind, date: dt, ev: r.evidence(u, toks[j].start)})
						i = j + m - 1
					} else if j == len(toks) && ui < d.last && r.lineMode(u) && r.lineMode(&r.units[ui+1]) {
						// "sinh ngày" ends the line, the date opens the next.
						next := &r.units[ui+1]
						if dt, m := dateAt(next.l.toks, 0); m > 0 {
							r.facts = append(r.facts, fact{field: fDOB, person: cur, doc: d.kind, date: dt, ev: r.evidence(next, next.l.toks[0].start)})
						}
					} else if j < len(toks) && isYear(toks[j]) {
						r.facts = append(r.facts, fact{field: fBornYear, person: cur, doc: d.kind, year: toks[j].num, ev: r.evidence(u, toks[j].start)})
						i = j
					}
				case fBornYear:
					if nm := listedName(l, i); nm != "" {
						cur = vntext.Fold(nm)
					}
					if j < len(toks) && isYear(toks[j]) {
						r.facts = append(r.facts, fact{field: fBornYear, person: cur, doc: d.kind, year: toks[j].num, ev: r.evidence(u, toks[j].start)})
						i = j
					}
				case fUnit, fPosition, fEducation:
					if !labelPos(l, i) || j >= len(toks) {
						continue
					}
					// A bare "Đơn vị" or "Chức vụ" is a label only when a colon or
					// a cell boundary follows it.
					if !strings.ContainsAny(toks[j].sep, ":|") && (n == 1 || (i > 0 && !strings.ContainsAny(toks[i].sep, ":|\n"))) {
						continue
					}
					text, end := r.valueAfter(l, j, false)
					if text == "" {
						continue
					}
					if end == len(toks) {
						text += r.wrappedOn(d, ui)
					}
					r.facts = append(r.facts, fact{field: p.val, person: cur, doc: d.kind, text: text,
						strong: n >= 3 || p.val != fUnit, ev: r.evidence(u, toks[j].start)})
					i = end - 1
				case fJobUnit:
					// The occupation comes first, the unit after the first comma.
					text, end := r.valueAfter(l, j, false)
					if end == len(toks) {
						text += r.wrappedOn(d, ui)
					}
					if k := strings.Index(text, ","); k >= 0 {
						// "Chức vụ, đơn vị công tác: Viên chức, Văn phòng …":
						// the position before the comma, the unit after it.
						if job := strings.TrimSpace(text[:k]); job != "" && p.words[0] == "chức" {
							r.facts = append(r.facts, fact{field: fPosition, person: cur, doc: d.kind, text: job,
								strong: true, ev: r.evidence(u, toks[j].start)})
						}
						text = strings.TrimSpace(text[k+1:])
					} else {
						text = ""
					}
					if text == "" {
						continue
					}
					r.facts = append(r.facts, fact{field: fUnit, person: cur, doc: d.kind, text: text, ev: r.evidence(u, toks[j].start)})
					i = end - 1
				case fUnitProse:
					text, end := r.valueAfter(l, j, true)
					if text == "" || !capitalised(text) {
						continue
					}
					r.facts = append(r.facts, fact{field: fUnit, person: cur, doc: d.kind, text: text, ev: r.evidence(u, toks[j].start)})
					i = end - 1
				}
			}
			// "Quần chúng Đinh Thu Hằng, sinh" / "ngày 22 tháng 12 năm 1990":
			// a label the line end cut from its date.
			if n := len(toks); n > 0 && toks[n-1].w == "sinh" && ui < d.last && r.lineMode(u) {
				next := &r.units[ui+1]
				if dt, m := dateAt(next.l.toks, 0); m > 0 && next.l.toks[0].w == wNgay {
					r.facts = append(r.facts, fact{field: fDOB, person: cur, doc: d.kind, date: dt, ev: r.evidence(next, next.l.toks[0].start)})
				}
			}
			r.subject[ui] = cur
		}
	}
}

// listedName returns the name a line opens with when the birth label at i
// follows it after a comma: "2. Đỗ Thị Ngân, sinh ngày 20/04/1963". A
// resolution that proposes several people lists them so, without a name
// label; each one's facts are that person's, not the candidate's.
func listedName(l *line, i int) string {
	toks := l.toks
	if i < 2 || !strings.Contains(toks[i].sep, ",") {
		return ""
	}
	from := 0
	if toks[0].num >= 0 && toks[0].nd <= 2 && len(toks) > 1 && strings.ContainsAny(toks[1].sep, ".)") {
		from = 1 // the item's number
	}
	if n := i - from; n < 2 || n > 6 {
		return ""
	}
	for k := from; k < i; k++ {
		t := toks[k]
		if t.num >= 0 || !capitalised(l.text[t.start:t.end]) || k > from && strings.TrimSpace(t.sep) != "" {
			return ""
		}
	}
	return l.text[toks[from].start:toks[i-1].end]
}

// wrappedOn follows a value that ends line ui over the next lines it
// wraps onto, three at most.
func (r *reader) wrappedOn(d *doc, ui int) string {
	var out string
	for k := ui; k < d.last && k < ui+3; k++ {
		more := r.wrapped(&r.units[k], &r.units[k+1])
		if more == "" {
			break
		}
		out += more
		if strings.ContainsAny(r.units[k+1].l.tail, ".;,:") {
			break
		}
	}
	return out
}

// relativeLabel reports whether the relative's word at i (n words) labels
// a family member's line: followed by a colon, a name or a cell boundary.
func relativeLabel(l *line, i, n int) bool {
	s := sepAfter(l, i+n)
	if strings.ContainsAny(s, ":|") {
		return true
	}
	if i+n < len(l.toks) && strings.TrimSpace(s) == "" {
		w := l.text[l.toks[i+n].start:l.toks[i+n].end]
		return capitalised(w) && l.toks[i+n].num < 0
	}
	return false
}

func nameScore(p *phrase, k docKind) int {
	switch p.val {
	case fName:
		switch k {
		case docLyLich, docDon:
			return 4
		case docIntro:
			return 0
		case docResolution, docDecision:
			return 2
		}
		return 3
	case fNameSelf:
		switch k {
		case docDon:
			return 4
		case docLyLich, docAppraisal:
			return 3
		case docIntro, docResolution, docDecision:
			return 0
		}
		return 2
	}
	if p.words[0] == "quần" {
		return 4
	}
	if k == docCert || k == docDecision {
		return 2
	}
	return 1
}

// parseName reads a person's name starting at token i: two to seven
// capitalised words with nothing but spaces between them. afterColon
// allows a colon or a cell boundary before the first word.
func parseName(l *line, i int, afterColon bool) (string, int, bool) {
	x := lex()
	toks := l.toks
	if i >= len(toks) {
		return "", i, false
	}
	switch s := strings.Join(strings.Fields(toks[i].sep), ""); s {
	case "", ":":
	case "|", ":|":
		if !afterColon {
			return "", i, false
		}
	default:
		return "", i, false
	}
	j, words := i, 0
	for j < len(toks) && words < 7 {
		t := toks[j]
		if t.num >= 0 || hasDigit(t.w) {
			break
		}
		// Ê-đê and Gia-rai names join syllables with an apostrophe: "H'Linh Niê".
		glued := j > i && (t.sep == "'" || t.sep == "’" || t.sep == "ʼ")
		if j > i && !glued && strings.TrimSpace(t.sep) != "" {
			break
		}
		w := l.text[t.start:t.end]
		if !capitalised(w) {
			break
		}
		if j > i && !glued {
			// A merged line goes on with the next label ("… Nam, nữ",
			// "… Sinh ngày") or the other column, after a wide gap or in
			// another case: "NGUYỄN VĂN AN Nam".
			if wideGap(t.sep) {
				break
			}
			if p, n := x.at(toks, j, catLabel); p != nil && n >= 2 && p.val != fNameRef {
				break
			}
			if utf8.RuneCountInString(w) > 1 && allCaps(w) != allCaps(l.text[toks[i].start:toks[i].end]) && utf8.RuneCountInString(l.text[toks[i].start:toks[i].end]) > 1 {
				break
			}
		}
		if !glued {
			words++
		}
		j++
	}
	if words < 2 {
		return "", i, false
	}
	return l.text[toks[i].start:toks[j-1].end], j, true
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// valueAfter reads a labelled value as written from token i to the end of
// the clause, the cell, or the next label. prose also stops at a comma.
func (r *reader) valueAfter(l *line, i int, prose bool) (string, int) {
	toks := l.toks
	j := i
	for ; j < len(toks); j++ {
		if j > i {
			s := toks[j].sep
			if (clauseBreak(s) && !softBreak(l, j)) || strings.Contains(s, "|") || (prose && strings.Contains(s, ",")) {
				break
			}
			if labelPos(l, j) {
				if p, _ := r.x.at(toks, j, catLabel); p != nil && p.val != fNameRef && p.val != fNumber {
					break
				}
			}
		}
	}
	if j == i {
		return "", i
	}
	v := strings.Trim(l.text[toks[i].start:toks[j-1].end], " \t.,;:-–")
	return v, j
}

// pickCandidate decides who the dossier is about: the name the papers give
// most weight, spelt in mixed case if any paper writes it so.
func (r *reader) pickCandidate() (key, name string, ev hoso.Evidence) {
	type group struct {
		score int
		first int
	}
	groups := map[string]*group{}
	for i, m := range r.names {
		if m.score == 0 {
			continue
		}
		g := groups[m.key]
		if g == nil {
			g = &group{first: i}
			groups[m.key] = g
		}
		g.score += m.score
	}
	best := ""
	for k, g := range groups {
		b := groups[best]
		if best == "" || g.score > b.score || (g.score == b.score && g.first < b.first) {
			best = k
		}
	}
	if best == "" {
		return "", "", hoso.Evidence{}
	}
	var caps *nameMention
	for i := range r.names {
		m := &r.names[i]
		if m.key != best || m.score == 0 {
			continue
		}
		if !m.caps {
			return best, m.text, m.ev
		}
		if caps == nil {
			caps = m
		}
	}
	return best, titleCase(caps.text), caps.ev
}

// wrapped returns the end of a labelled value that a PDF or OCR line
// wrapped onto the next line ("… tỉnh Ninh" / "Bình"), with a leading
// space, or "" when the next line is something else: longer than a few
// words, a label, a list item, a sentence of its own.
func (r *reader) wrapped(u, next *unit) string {
	if !r.lineMode(u) || !r.lineMode(next) || u.file != next.file {
		return ""
	}
	toks := next.l.toks
	if len(toks) == 0 || strings.TrimSpace(toks[0].sep) != "" || toks[0].num >= 0 || strings.ContainsAny(u.l.tail, ".;,:") ||
		strings.Contains(next.l.text, "\t") { // a table row, not the rest of a value
		return ""
	}
	// A name cut after a word that cannot end it ("… Phòng Tài nguyên và" /
	// "Môi trường huyện Bảo Yên") goes on whatever the case of the next line.
	labelled, _ := r.x.at(toks, 0, catLabel, catTitle, catMarker)
	if ut := u.l.toks; len(ut) > 0 && openEnded(ut[len(ut)-1].w) && labelled == nil {
		return " " + firstClause(&next.l)
	}
	if labelled != nil {
		return ""
	}
	// A line that goes on in lower case continues the value whatever its
	// length ("… thể dục thể" / "thao thành phố Cần Thơ"), up to the end of
	// its clause; a short line in capitals may be the end of a proper name
	// ("… tỉnh Ninh" / "Bình").
	if !capitalised(next.l.text[toks[0].start:toks[0].end]) {
		return " " + firstClause(&next.l)
	}
	if len(toks) > 3 || strings.ContainsAny(next.l.text, ":;") {
		return ""
	}
	return " " + strings.Trim(next.l.text, " \t.,;")
}

// firstClause returns a line's text up to its first clause break or
// label colon, without the punctuation around it.
func firstClause(l *line) string {
	toks := l.toks
	end := len(toks)
	for k := 1; k < len(toks); k++ {
		if clauseBreak(toks[k].sep) || strings.ContainsAny(toks[k].sep, ":|") {
			end = k
			break
		}
	}
	return strings.Trim(l.text[toks[0].start:toks[end-1].end], " \t.,;")
}

// openEnded reports whether a folded word cannot end the name of a body or
// a place: a conjunction, a preposition or an administrative level that
// needs its name after it.
func openEnded(w string) bool {
	switch w {
	case "và", "của", "tại", "cho", "với", "về", "tỉnh", "huyện", "xã", "phường", "quận", "thị", "trấn",
		"thành", "trường", "trung", "sở", "phòng", "ban", "chi", "cục", "khu", "vực", "cơ", "quan":
		return true
	}
	return false
}

// softBreak reports whether the separator before token j is a line break
// typed inside a value (a <w:br/> in the middle of a unit's name): only a
// break, and the words go on in lower case or after a word that cannot end
// a name.
func softBreak(l *line, j int) bool {
	sep := l.toks[j].sep
	if strings.Trim(sep, " \t\r\n") != "" || !strings.ContainsAny(sep, "\n\r") || j == 0 {
		return false
	}
	w := l.text[l.toks[j].start:l.toks[j].end]
	return !capitalised(w) || openEnded(l.toks[j-1].w)
}

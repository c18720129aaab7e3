package dossier

import (
	"strings"

	"github.com/hoso-vn/hoso"
)

// doc is one paper of the dossier: from a header ("ĐẢNG CỘNG SẢN VIỆT
// NAM", "CỘNG HOÀ XÃ HỘI…") or a title to the next one.
type doc struct {
	first, last int // units
	kind        docKind
	titled      bool
	titleUnit   int
	// date is the paper's own place-and-date line, the first one in it.
	date   hoso.Date
	dateEv hoso.Evidence
	// firstDate is any first full date, for a resolution without a
	// place-and-date line ("Hôm nay, ngày …").
	firstDate   hoso.Date
	firstDateEv hoso.Evidence
	meeting     hoso.Date // the date of the sentence saying the chi bộ met
	meetingEv   hoso.Evidence
	number      string // "Số …" of the paper
	chiBo       bool   // the issuer or the body names a chi bộ
	dangUyHead  bool   // the issuer line before the title names a đảng uỷ
	chiBoHead   bool   // the header before the title names a chi bộ (the issuer)
	ketNap      bool   // "đề nghị kết nạp"
	doanVien    bool   // "giới thiệu đoàn viên (ưu tú)"
	boiDuong    bool   // "bồi dưỡng"
	form        int    // "Mẫu 6-KNĐ" → 6
	// titleYears is the year a yearly form's title names ("PHIẾU ĐÁNH
	// GIÁ … NĂM 2022"), for ratings in it that name none.
	titleYears []int
	// authority is the all-capitals line naming who decides, under a
	// decision's title ("GIÁM ĐỐC SỞ TÀI CHÍNH"): unit index, -1 if none.
	authority int
	// selfFrom marks the unit opening a self-assessment section ("I. KẾT
	// QUẢ TỰ ĐÁNH GIÁ") and selfTo the next heading, which closes it: a
	// candidate's own rating there is not the appraisal.
	selfFrom, selfTo int

	// achieved is the year of the achievement a decision rewards ("thành
	// tích … năm 2022", "khen thưởng năm 2022"): an award belongs to it,
	// not to the decision's own date.
	achieved int
	// lastDate is the latest place-and-date line: on a phiếu, the
	// authority's signature, which dates the rating.
	lastDate   hoso.Date
	lastDateEv hoso.Evidence
	// inCanCu is set while the lines read are a "Căn cứ" sentence.
	inCanCu bool
	// lastUnit is the paper's last unit while it is being read.
	lastUnit int
	congDoan bool // "công đoàn" before the title: a 4A-KNĐ resolution
	doanHead bool // the Youth Union issues the paper: a 4-KNĐ resolution
	khen     bool // an award is given ("tặng", "khen thưởng"): a decision on awards
	// hk is the official form, set by classify once the paper is read.
	hk hoso.DocKind
}

// segment splits the units into papers.
func (r *reader) segment() {
	x := r.x
	cur := doc{first: 0, titleUnit: -1, authority: -1, selfFrom: -1, selfTo: -1}
	markerSeen := false
	codeOnly := false // the paper so far is its "Mẫu …-KNĐ" line
	flush := func(end int) {
		if end < cur.first {
			return
		}
		cur.last = end
		r.docs = append(r.docs, cur)
	}
	start := func(at int) {
		flush(at - 1)
		cur = doc{first: at, titleUnit: -1, authority: -1, selfFrom: -1, selfTo: -1}
		markerSeen, codeOnly = false, false
	}
	prevFile := ""
	for ui := range r.units {
		u := &r.units[ui]
		toks := u.l.toks
		if ui > 0 && u.file != prevFile {
			start(ui)
		}
		prevFile = u.file
		title, tn := (*phrase)(nil), 0
		if len(toks) > 0 && len(toks) <= 14 {
			if p, n := x.at(toks, 0, catTitle); p != nil && titleLike(&u.l, n) {
				title, tn = p, n
			}
			// A title in capitals that a narrow column wrapped: "LÝ LỊCH CỦA
			// NGƯỜI XIN VÀO" / "ĐẢNG".
			if p, n := r.wrappedTitle(ui); p != nil && (title == nil || n > tn) {
				title, tn = p, n
			}
		}
		// "Mẫu 2-KNĐ" stands above a paper's header: a new paper starts
		// there once the current one has its title. Some offices print it
		// under the title instead ("NGHỊ QUYẾT / Đề nghị kết nạp đảng viên /
		// (Mẫu 6-KNĐ)"): there it is the code of the paper just titled.
		if n, ok := formCodeAt(toks, 0, x); ok && title == nil && ui > cur.first && !r.codeUnderTitle(&cur, ui, n) {
			start(ui)
			codeOnly = true
			continue
		}
		if title == nil && r.isMarker(u) && codeOnly {
			// The header under the form code belongs to the same paper.
			codeOnly, markerSeen = false, true
			continue
		}
		if title == nil && r.isMarker(u) {
			if cur.titled || markerSeen {
				// The header table's first rows hold the issuer on the left;
				// the paper starts there.
				at := ui
				for at > cur.first && u.table > 0 && r.units[at-1].table == u.table && r.units[at-1].file == u.file {
					at--
				}
				// On a PDF or OCR page the left header column comes first,
				// as lines of its own: "ĐẢNG UỶ …", "CHI BỘ …", "*", "Số …".
				for at > cur.first && at > cur.titleUnit && ui-at < 6 && r.headerLine(&r.units[at-1], u) {
					at--
				}
				start(at)
			}
			markerSeen = true
		}
		// A công văn has no title: its "V/v …" subject line stands for one.
		if title == nil && !cur.titled && len(toks) >= 3 && toks[0].w == "v" && toks[1].w == "v" &&
			strings.TrimSpace(toks[1].sep) == "/" {
			cur.kind, cur.titled, cur.titleUnit = docOther, true, ui
		}
		if title != nil {
			k := docKind(title.val)
			restated := k == cur.kind && strings.Contains(sepAfter(&u.l, tn), ":")
			if cur.titled && !restated {
				// On a PDF or OCR page the issuer's lines stand above the
				// title without a national header: they belong to it.
				at := ui
				for at > cur.first && at > cur.titleUnit+1 && ui-at < 6 && r.headerLine(&r.units[at-1], u) {
					at--
				}
				start(at)
			}
			if !cur.titled {
				cur.kind, cur.titled, cur.titleUnit = k, true, ui
			}
		}
	}
	flush(len(r.units) - 1)
	for di := range r.docs {
		d := &r.docs[di]
		d.lastUnit = d.last
		for ui := d.first; ui <= d.last; ui++ {
			r.units[ui].doc = di
			r.noteDocFacts(d, ui)
		}
	}
	r.classify()
}

// codeUnderTitle reports whether the form code n on unit ui is printed
// under the current paper's title: at most two short lines (a subtitle, a
// rule) stand between them, and the code's form is one the title can head.
func (r *reader) codeUnderTitle(cur *doc, ui, n int) bool {
	if !cur.titled || cur.titleUnit < 0 || ui-cur.titleUnit > 3 {
		return false
	}
	for k := cur.titleUnit + 1; k < ui; k++ {
		if len(r.units[k].l.toks) > 12 || r.units[k].file != r.units[ui].file {
			return false
		}
	}
	switch cur.kind {
	case docDon:
		return n == 1
	case docLyLich:
		return n == 2
	case docIntro:
		return n == 3
	case docResolution:
		return n == 4 || n == 6
	case docOther:
		return n == 5
	}
	return false
}

// headerLine reports whether a line before a header marker belongs to the
// header: on the marker's page, in capitals, a "*" or a "Số …" line.
func (r *reader) headerLine(u, marker *unit) bool {
	if u.table > 0 || u.file != marker.file || r.t.Blocks[u.blocks[0]].Page != r.t.Blocks[marker.blocks[0]].Page ||
		r.t.Blocks[u.blocks[0]].Page == 0 {
		return false
	}
	toks := u.l.toks
	switch {
	case len(toks) == 0:
		return strings.TrimSpace(u.l.text) != ""
	case allCaps(u.l.text):
		return true
	}
	return toks[0].w == "số" && len(toks) > 1 && toks[1].num >= 0
}

// isMarker reports whether a unit is a paper's header: "ĐẢNG CỘNG SẢN VIỆT
// NAM" or "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in capitals.
func (r *reader) isMarker(u *unit) bool {
	toks := u.l.toks
	for i := range toks {
		if p, n := r.x.at(toks, i, catMarker); p != nil {
			return allCaps(u.l.text[toks[i].start:toks[i+n-1].end])
		}
	}
	return false
}

// sepAfter returns the separator after the first n tokens.
func sepAfter(l *line, n int) string {
	if n < len(l.toks) {
		return l.toks[n].sep
	}
	return l.tail
}

// titleLike reports whether a unit starting with a title phrase of n words
// is a title: in capitals, or the phrase alone, or followed by a short
// subject line.
func titleLike(l *line, n int) bool {
	// A list item ("- Đơn xin vào Đảng;", "2. Lý lịch …,") names a paper,
	// in a cover letter's list of enclosures; it does not start one.
	if lead := strings.TrimSpace(l.toks[0].sep); lead != "" && strings.ContainsAny(lead, "-–+•*·") {
		return false
	}
	if strings.ContainsAny(strings.TrimSpace(l.tail), ";,") || l.toks[0].num >= 0 {
		return false
	}
	head := l.text[l.toks[0].start:l.toks[n-1].end]
	if allCaps(head) {
		return true
	}
	return n == len(l.toks)
}

// noteDocFacts records what a unit says about the paper it belongs to.
func (r *reader) noteDocFacts(d *doc, ui int) {
	x := r.x
	u := &r.units[ui]
	toks := u.l.toks
	beforeTitle := !d.titled || ui <= d.titleUnit
	// A "Căn cứ …" sentence runs over the lines a PDF or OCR page cut it
	// into, up to its ";" or "."; dates on those lines are cited, never
	// the meeting's.
	switch {
	case len(toks) > 0 && hasSeqAt(toks, 0, x.w.canCu):
		d.inCanCu = r.lineMode(u) && !strings.ContainsAny(strings.TrimSpace(u.l.tail), ";.")
		defer func() { d.inCanCu = r.lineMode(u) && !strings.ContainsAny(strings.TrimSpace(u.l.tail), ";.") }()
	case d.inCanCu && r.lineMode(u) && !r.leavesCanCu(ui):
		defer func() { d.inCanCu = !strings.ContainsAny(strings.TrimSpace(u.l.tail), ";.") }()
	default:
		d.inCanCu = false
	}
	if hasSeq(toks, x.w.chiBo) {
		d.chiBo = d.chiBo || beforeTitle || hasSeq(toks, x.w.ketNap)
		d.chiBoHead = d.chiBoHead || beforeTitle
	}
	if beforeTitle && hasSeq(toks, x.w.dangUy) && !hasSeq(toks, x.w.chiBo) {
		d.dangUyHead = true
	}
	if d.kind == docDecision && d.authority < 0 && ui > d.titleUnit+1 && len(toks) >= 2 && len(toks) <= 16 &&
		allCaps(u.l.text) && !hasSeq(toks, x.w.quyetDinh) {
		d.authority = ui
	}
	if sectionHeading(&u.l) && !r.headingGoesOn(ui-1) {
		// The phiếu's parts: I–II are the candidate's own assessment, III
		// the direct manager's opinion, IV the competent authority's
		// result, which alone counts. A heading a column wrapped is read
		// with its second line ("III. Ý KIẾN CỦA NGƯỜI QUẢN LÝ" / "TRỰC TIẾP").
		h := toks
		if r.headingGoesOn(ui) {
			h = tokenize(u.l.text + " " + r.units[ui+1].l.text).toks
		}
		switch {
		case hasSeq(h, x.w.tuDanhGia) || hasSeq(h, x.w.tuXepLoai) || hasSeq(h, x.w.tuNhanXet) ||
			hasSeq(h, x.w.quanLyTrucTiep):
			if d.selfFrom < 0 || d.selfTo >= 0 {
				d.selfFrom, d.selfTo = ui, -1
			}
		case d.selfFrom >= 0 && d.selfTo < 0:
			d.selfTo = ui
		}
	}
	if hasSeq(toks, x.w.deNghiKetNap) {
		d.ketNap = true
	}
	if beforeTitle && hasSeq(toks, x.w.congDoan) {
		d.congDoan = true
	}
	// The issuer above the title is the Youth Union ("ĐOÀN TNCS HỒ CHÍ
	// MINH", "BCH CHI ĐOÀN …"): a 4-KNĐ, whatever its body says.
	if beforeTitle && (hasSeq(toks, x.w.doanTN) || hasSeq(toks, x.w.chiDoan) || hasSeq(toks, x.w.doanThanhNien)) {
		d.doanHead = true
	}
	if hasSeq(toks, x.w.khenThuong) || hasSeq(toks, x.w.gives[0]) {
		d.khen = true
	}
	if d.kind == docDecision && d.achieved == 0 && len(toks) > 0 && !hasSeqAt(toks, 0, x.w.canCu) {
		for i := range toks {
			if !hasSeqAt(toks, i, x.w.thanhTich) && !hasSeqAt(toks, i, x.w.khenThuong) {
				continue
			}
			for j := i + 1; j < len(toks) && j < i+12; j++ {
				// "… năm 2022", not the year of a date ("tháng 11 năm 2003").
				if toks[j].w == "năm" && j+1 < len(toks) && isYear(toks[j+1]) && toks[j-1].num < 0 {
					d.achieved = toks[j+1].num
					break
				}
				if clauseBreak(toks[j].sep) {
					break
				}
			}
			if d.achieved != 0 {
				break
			}
		}
	}
	if hasSeq(toks, x.w.doanVien) {
		d.doanVien = true
	}
	if hasSeq(toks, x.w.boiDuong) {
		d.boiDuong = true
	}
	// The year under the title, which a narrow column may push two lines
	// down ("PHIẾU ĐÁNH GIÁ, XẾP LOẠI" / "CHẤT LƯỢNG VIÊN CHỨC" / "Năm 2020").
	if d.titled && d.kind == docAppraisal && (ui == d.titleUnit || ui > d.titleUnit && ui <= d.titleUnit+2 && len(toks) <= 14 && d.titleYears == nil) {
		var ys []int
		for i := range toks {
			if y, n := yearsAt(&u.l, i); n == 1 {
				ys = append(ys, y...)
			}
		}
		if len(ys) == 1 {
			d.titleYears = ys
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if n, ok := formCodeAt(toks, i, x); ok && d.form == 0 {
			d.form = n
		}
		if d.number == "" && i+1 < len(toks) && labelPos(&u.l, i) {
			if p, n := x.at(toks, i, catLabel); p != nil && p.val == fNumber && toks[i+n].num >= 0 {
				d.number = numberText(&u.l, i+n)
				// A công văn has no title, only "CV" in its number: a
				// dispatch quoted with the dossier, not one of its papers.
				if !d.titled && strings.Contains(strings.ReplaceAll(d.number, " ", ""), "-CV/") {
					d.kind, d.titled, d.titleUnit = docOther, true, ui
				}
			}
		}
		if dt, n := r.dateOn(ui, d.last, i); n > 0 {
			ev := r.evidence(u, t.start)
			if d.firstDate.IsZero() {
				d.firstDate, d.firstDateEv = dt, ev
			}
			// A line opening with "ngày …" is a place-date line whose place
			// the line above holds, unless a citation wrapped onto it
			// ("- Căn cứ Hướng dẫn số 12-HD/BTCTW" / "ngày 18/01/2022 của …").
			issued := placeDateAt(&u.l, i) && !r.birthLabelBefore(&u.l, i) && (i > 0 || !d.inCanCu)
			if d.date.IsZero() && issued {
				d.date, d.dateEv = dt, ev
			}
			if issued && dt.After(d.lastDate) {
				d.lastDate, d.lastDateEv = dt, ev
			}
			// "Hôm nay, ngày 15 tháng 9 năm 2019, Chi bộ … họp": the meeting
			// itself, which a resolution may date apart from its header.
			// Never a date a "Căn cứ" line or a citation gives.
			if d.meeting.IsZero() && d.titled && ui > d.titleUnit && !d.inCanCu && !r.citedDate(&u.l, i) &&
				(r.meetingLine(u) || r.meetingFollows(d, ui)) {
				d.meeting, d.meetingEv = dt, ev
			}
			i += n - 1
		}
	}
}

// leavesCanCu reports whether unit ui, read while a "Căn cứ …" sentence
// was open, starts the resolution's own text instead. The last citation
// usually ends with a comma ("… vào Đảng,") and the main clause follows on
// a line of its own: "Ngày 27 tháng 12 năm 2023, Chi bộ … đã họp",
// "Hôm nay, …", "Chi bộ … tổ chức họp …", "I. THỜI GIAN …". A citation
// cut by the line end goes on in lower case or after no comma ("… Cộng
// sản Việt" / "Nam;").
func (r *reader) leavesCanCu(ui int) bool {
	if ui == 0 {
		return false
	}
	u := &r.units[ui]
	if sectionHeading(&u.l) {
		return true
	}
	if !strings.HasSuffix(strings.TrimSpace(r.units[ui-1].l.tail), ",") || len(u.l.toks) == 0 {
		return false
	}
	w := u.l.text[u.l.toks[0].start:u.l.toks[0].end]
	return capitalised(w) && !hasSeqAt(u.l.toks, 0, r.x.w.canCu)
}

// birthLabelBefore reports whether the date at i is a date of birth.
func (r *reader) birthLabelBefore(l *line, i int) bool {
	for j := max(0, i-5); j < i; j++ {
		if p, n := r.x.at(l.toks, j, catLabel); p != nil && (p.val == fDOB || p.val == fBornYear) && j+n >= i-1 {
			return true
		}
	}
	return false
}

// numberText reads a document number as written from token i: the words
// joined by "/", "-" or "." ("123/QĐ-UBND", "52 - CV/BTCĐU").
func numberText(l *line, i int) string {
	return l.text[l.toks[i].start:l.toks[numberEnd(l, i)].end]
}

// numberEnd returns the index of the last token of the number at i.
func numberEnd(l *line, i int) int {
	j := i
	for j+1 < len(l.toks) {
		raw := l.toks[j+1].sep
		s := strings.TrimSpace(raw)
		switch {
		case raw == "/" || raw == "-" || raw == "–" || raw == ".":
		case (s == "/" || s == "-" || s == "–") && l.toks[j+1].num < 0:
			// A spaced separator before the symbol: "52 - CV/BTCĐU".
		default:
			return j
		}
		j++
	}
	return j
}

func (r *reader) evidence(u *unit, off int) hoso.Evidence {
	ev := r.t.Blocks[u.blockOf(off)].Evidence()
	if u.doc < len(r.docs) {
		ev.Doc = r.docs[u.doc].hk
	}
	return ev
}

// meetingLine reports whether a unit is the sentence that dates a meeting
// ("Hôm nay, ngày …", "Vào lúc 14 giờ ngày …, Chi bộ … họp", "Thời gian: …"),
// not a "Căn cứ …" line.
func (r *reader) meetingLine(u *unit) bool {
	toks := u.l.toks
	if len(toks) == 0 || hasSeqAt(toks, 0, r.x.w.canCu) {
		return false
	}
	for _, cue := range r.x.w.meeting {
		if hasSeq(toks, cue) {
			return true
		}
	}
	return false
}

// citedDate reports whether the date at token i belongs to a cited paper:
// "Quy định số 24-QĐ/TW ngày 30/7/2021", "Hướng dẫn 12-HD/BTCTW ngày …".
func (r *reader) citedDate(l *line, i int) bool {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		t := l.toks[j]
		if t.w == "số" && j+1 < len(l.toks) && l.toks[j+1].num >= 0 {
			return true
		}
		if strings.ContainsAny(l.toks[j+1].sep, "/-") && t.num >= 0 && j+1 < i {
			return true // "24-QĐ/TW ngày": a document number just before
		}
		for _, w := range r.x.w.paperKinds {
			if hasSeqAt(l.toks, j, w) {
				return true
			}
		}
		if strings.ContainsAny(t.sep, ".;:") {
			break
		}
	}
	return false
}

// formCodeAt reports whether a form code starts at token i: "Mẫu 6-KNĐ",
// "Mẫu số 2-KNĐ", "Mẫu 4A-KNĐ".
func formCodeAt(toks []token, i int, x *lexicon) (int, bool) {
	if i >= len(toks) || toks[i].w != x.w.mau[0] {
		return 0, false
	}
	j := i + 1
	if j < len(toks) && toks[j].w == "số" {
		j++
	}
	if j+1 >= len(toks) || toks[j].num <= 0 || toks[j].num >= 20 {
		return 0, false
	}
	k := toks[j+1].w
	if strings.HasPrefix(k, "kn") || (k == "a" && j+2 < len(toks) && strings.HasPrefix(toks[j+2].w, "kn")) {
		return toks[j].num, true
	}
	return 0, false
}

// sectionHeading reports whether a line heads a part of a paper: in
// capitals (a parenthesised note aside), or numbered with a Roman numeral
// ("II. Tự nhận xét, xếp loại chất lượng").
func sectionHeading(l *line) bool {
	toks := l.toks
	if len(toks) == 0 || len(toks) > 24 {
		return false
	}
	if roman(toks[0].w) && len(toks) > 1 && strings.ContainsAny(toks[1].sep, ".)") && strings.TrimSpace(toks[0].sep) == "" {
		return true
	}
	head := l.text
	if i := strings.Index(head, "("); i > 0 {
		head = head[:i]
	}
	return len(toks) <= 16 && allCaps(head)
}

func roman(w string) bool {
	switch w {
	case "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x":
		return true
	}
	return false
}

// wrappedTitle matches a title phrase across unit ui and the next line
// when both are short lines in capitals on one page; it returns the phrase
// and how many of its words stand on unit ui's line plus the next one.
func (r *reader) wrappedTitle(ui int) (*phrase, int) {
	if ui+1 >= len(r.units) {
		return nil, 0
	}
	u, next := &r.units[ui], &r.units[ui+1]
	if !r.lineMode(u) || !r.lineMode(next) || u.file != next.file || len(next.l.toks) == 0 || len(next.l.toks) > 6 ||
		!allCaps(u.l.text) || !allCaps(next.l.text) {
		return nil, 0
	}
	joined := tokenize(u.l.text + " " + next.l.text)
	if p, n := r.x.at(joined.toks, 0, catTitle); p != nil && n > len(u.l.toks) {
		return p, len(u.l.toks)
	}
	return nil, 0
}

// headingGoesOn reports whether the heading line ui goes on onto the next
// line: both are lines of one page in capitals, the next one short and not
// a heading of its own (no Roman numeral).
func (r *reader) headingGoesOn(ui int) bool {
	if ui < 0 || ui+1 >= len(r.units) {
		return false
	}
	u, next := &r.units[ui], &r.units[ui+1]
	if !r.lineMode(u) || !r.lineMode(next) || u.file != next.file || !sectionHeading(&u.l) {
		return false
	}
	nt := next.l.toks
	if len(nt) == 0 || len(nt) > 8 || roman(nt[0].w) || nt[0].num >= 0 {
		return false
	}
	head := next.l.text
	if i := strings.Index(head, "("); i > 0 {
		head = head[:i]
	}
	return allCaps(head) && !strings.ContainsAny(strings.TrimSpace(u.l.tail), ".:;")
}

// meetingFollows reports whether, on a PDF or OCR page, the sentence that
// starts on line ui names the meeting on one of the next two lines ("Ngày
// 09 tháng 5 năm 2024, Chi bộ" / "Trung tâm … đã" / "họp để xét, …").
func (r *reader) meetingFollows(d *doc, ui int) bool {
	u := &r.units[ui]
	if !r.lineMode(u) || strings.Contains(u.l.tail, ".") {
		return false
	}
	for k := ui + 1; k <= d.lastUnit && k <= ui+2; k++ {
		n := &r.units[k]
		if !r.lineMode(n) || hasSeqAt(n.l.toks, 0, r.x.w.canCu) {
			return false
		}
		if r.meetingLine(n) {
			return true
		}
		if strings.Contains(n.l.tail, ".") {
			return false
		}
	}
	return false
}

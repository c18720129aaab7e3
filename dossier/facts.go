package dossier

import (
	"strings"
	"time"

	"github.com/hoso-vn/hoso"
)

// The facts below are read from the paper that owns them (docs/forms.md
// §13): the addressee from the resolution's request or the đơn's "Kính
// gửi", the start of work and the unrated years from the unit's papers.

// addressee finds the Party body the dossier goes to: the 6-KNĐ's "Đề nghị
// Đảng uỷ … xem xét, kết nạp", else the đảng uỷ line of the đơn's "Kính
// gửi". The chi uỷ line and "Nơi nhận" are not it.
func (r *reader) addressee(rec *hoso.Record) {
	pick := func(kind hoso.DocKind, find func(u *unit) (int, int, bool)) bool {
		for _, d := range r.docs {
			if d.hk != kind {
				continue
			}
			for ui := d.first; ui <= d.last; ui++ {
				u := &r.units[ui]
				// On a PDF or OCR page the body's name runs onto the next
				// line: read the two lines as one.
				look := u
				if r.lineMode(u) && ui < d.last && r.lineMode(&r.units[ui+1]) {
					joined := *u
					text := u.l.text + " " + r.units[ui+1].l.text
					if ui+1 < d.last && r.lineMode(&r.units[ui+2]) && !strings.Contains(r.units[ui+1].l.tail, ".") {
						text += " " + r.units[ui+2].l.text
					}
					joined.l = tokenize(text)
					look = &joined
				}
				if i, j, ok := find(look); ok && look.l.toks[i].start < len(u.l.text) {
					name := strings.TrimSpace(strings.Trim(look.l.text[look.l.toks[i].start:look.l.toks[j].end], " ,;.:"))
					rec.Addressee = &hoso.Addressee{Name: name, Evidence: r.evidence(u, u.l.toks[min(i, len(u.l.toks)-1)].start)}
					return true
				}
			}
		}
		return false
	}
	if pick(hoso.DocNQChiBo, r.requestTo) {
		return
	}
	pick(hoso.DocDon, r.kinhGuiDangUy)
}

// requestTo finds "đề nghị Đảng uỷ X xem xét …" and returns the tokens of
// "Đảng uỷ X".
func (r *reader) requestTo(u *unit) (int, int, bool) {
	toks := u.l.toks
	for i := 0; i+2 < len(toks); i++ {
		if !hasSeqAt(toks, i, r.x.w.deNghi) || !hasSeqAt(toks, i+len(r.x.w.deNghi), r.x.w.dangUy) {
			continue
		}
		s := i + len(r.x.w.deNghi)
		for j := s + len(r.x.w.dangUy); j < len(toks); j++ {
			if hasSeqAt(toks, j, r.x.w.xemXet) || hasSeqAt(toks, j, r.x.w.ketNap) ||
				toks[j].w == "xét" || toks[j].w == "quyết" {
				if j-1 >= s+len(r.x.w.dangUy) {
					return s, j - 1, true
				}
				break
			}
			if strings.ContainsAny(toks[j].sep, ";.(") {
				break
			}
		}
	}
	return 0, 0, false
}

// kinhGuiDangUy finds the đảng uỷ of a "Kính gửi" block: the line that
// starts with "Đảng uỷ", or the part of a one-line "Kính gửi: Chi uỷ …,
// Đảng uỷ …" after its comma.
func (r *reader) kinhGuiDangUy(u *unit) (int, int, bool) {
	toks := u.l.toks
	for i := 0; i < len(toks); i++ {
		if !hasSeqAt(toks, i, r.x.w.dangUy) {
			continue
		}
		if i > 0 && !hasSeqAt(toks, 0, r.x.w.kinhGui) && !strings.ContainsAny(toks[i].sep, "-–,;:") {
			continue
		}
		if i == 0 || hasSeqAt(toks, 0, r.x.w.kinhGui) || strings.ContainsAny(toks[i].sep, "-–") {
			j := i + len(r.x.w.dangUy)
			for j < len(toks) && !strings.ContainsAny(toks[j].sep, ",;.(:") {
				if p, _ := r.x.at(toks, j, catLabel); p != nil && p.val != fNameRef && p.val != fNumber {
					break // the đơn's next line: "Tôi là: …"
				}
				j++
			}
			if j-1 >= i+len(r.x.w.dangUy) {
				return i, j - 1, true
			}
		}
	}
	return 0, 0, false
}

// employment reads "tuyển dụng (từ) (tháng) 03/2019", "công tác tại đơn vị
// từ ngày 01/3/2019", "về công tác tại … từ tháng 3 năm 2019" from the
// unit's papers and the lý lịch. The earliest such date wins: a later
// line is usually a move inside the unit.
func (r *reader) employment(rec *hoso.Record) {
	for ui := range r.units {
		u := &r.units[ui]
		k := r.docs[u.doc].hk
		if k != hoso.DocNhanXet && k != hoso.DocPhieu && k != hoso.DocLyLich && k != hoso.DocNQChiBo {
			continue
		}
		toks := u.l.toks
		for i := range toks {
			cue := 0
			for _, w := range r.x.w.hired {
				if hasSeqAt(toks, i, w) {
					cue = len(w)
					break
				}
			}
			if cue == 0 {
				continue
			}
			// the date follows within a few words, after "từ"
			for j := i + cue; j < len(toks) && j <= i+cue+12; j++ {
				if toks[j].w != "từ" {
					continue
				}
				if dt, ok := monthDateAt(toks, j+1); ok {
					if rec.Employment == nil || dt.Before(rec.Employment.Since) {
						rec.Employment = &hoso.Employment{Since: dt, Evidence: r.evidence(u, toks[i].start)}
					}
				}
				break
			}
		}
	}
}

// currentJob reads the lý lịch's list of work ("Những công tác và chức vụ
// đã qua"): the row "01/2015 – nay | Chuyên viên, Sở …" gives the start of
// the present work. It is used when no paper says when the candidate was
// recruited.
func (r *reader) currentJob(rec *hoso.Record) {
	if rec.Employment != nil {
		return
	}
	for ui := range r.units {
		u := &r.units[ui]
		if r.docs[u.doc].hk != hoso.DocLyLich {
			continue
		}
		toks := u.l.toks
		for i := range toks {
			untilNow := toks[i].w == "nay" && (strings.ContainsAny(toks[i].sep, "-–") || i > 0 && toks[i-1].w == "đến")
			if !untilNow {
				continue
			}
			// The start is the month just before: "01/2015 – nay",
			// "tháng 01/2015 đến nay", "từ 01/2015 đến nay".
			for j := i - 1; j >= 0 && j >= i-5; j-- {
				if dt, ok := monthDateAt(toks, j); ok && dt.Year > 1900 {
					if j > 0 && toks[j-1].w == "tháng" {
						j--
					}
					rec.Employment = &hoso.Employment{Since: dt, Evidence: r.evidence(u, toks[j].start)}
					return
				}
			}
		}
	}
}

// monthDateAt reads a date or a month at i: "ngày 01/3/2019", "01/3/2019",
// "tháng 03/2019", "03/2019", "tháng 3 năm 2019". A month alone is day 1.
func monthDateAt(toks []token, i int) (hoso.Date, bool) {
	if i >= len(toks) {
		return hoso.Date{}, false
	}
	if dt, n := dateAt(toks, i); n > 0 {
		return dt, true
	}
	if toks[i].w == "tháng" {
		i++
	}
	if i+1 >= len(toks) || toks[i].num < 1 || toks[i].num > 12 {
		return hoso.Date{}, false
	}
	y := i + 1
	if toks[y].w == "năm" && y+1 < len(toks) {
		y++
	} else if s := strings.TrimSpace(toks[y].sep); s != "/" && s != "-" && s != "." {
		return hoso.Date{}, false
	}
	if !isYear(toks[y]) {
		return hoso.Date{}, false
	}
	dt, err := hoso.NewDate(toks[y].num, time.Month(toks[i].num), 1)
	return dt, err == nil
}

// unrated reads "không (thực hiện) đánh giá, xếp loại năm 2021 do nghỉ
// thai sản" and "Năm 2021: không đánh giá, xếp loại (nghỉ chế độ thai sản …)".
func (r *reader) unrated(rec *hoso.Record) {
	for ui := range r.units {
		u := &r.units[ui]
		k := r.docs[u.doc].hk
		if k != hoso.DocNhanXet && k != hoso.DocPhieu && k != hoso.DocNQChiBo && k != hoso.DocLyLich {
			continue
		}
		toks := u.l.toks
		for i := range toks {
			if toks[i].w != "không" {
				continue
			}
			j := i + 1
			if j < len(toks) && hasSeqAt(toks, j, r.x.w.thucHien) {
				j += len(r.x.w.thucHien)
			}
			if !hasSeqAt(toks, j, r.x.w.danhGia) && !hasSeqAt(toks, j, r.x.w.xepLoai) {
				continue
			}
			// The year: after the phrase, or before it ("Năm 2021: không …").
			var years []int
			end := j
			for end < len(toks) && end < j+8 && !isYear(toks[end]) {
				end++
			}
			if end < len(toks) && end < j+8 {
				ys, n := yearsAt(&u.l, end)
				years, end = ys, end+n
			} else {
				for b := i - 1; b >= 0 && b >= i-4; b-- {
					if isYear(toks[b]) {
						years = []int{toks[b].num}
						break
					}
				}
				end = j
			}
			// A year centred in its table row stands alone on the line
			// above ("2   2021" / "Không đánh giá, xếp loại (nghỉ …").
			if len(years) == 0 && i == 0 && ui > 0 && r.lineMode(u) {
				if ys := leadingYears(&r.units[ui-1].l); len(ys) == 1 && len(r.units[ui-1].l.toks) <= 2 {
					years = ys
				}
			}
			if len(years) == 0 {
				continue
			}
			reason := ""
			for c := end; c < len(toks); c++ {
				if toks[c].w == "do" || toks[c].w == "vì" || strings.Contains(toks[c].sep, "(") {
					s := c
					if toks[c].w == "do" || toks[c].w == "vì" {
						s = c + 1
					}
					if s < len(toks) {
						reason = u.l.text[toks[s].start:]
						// A reason in brackets that a PDF line cut goes on
						// to its closing bracket, three lines at most.
						for k := ui + 1; r.lineMode(u) && !strings.Contains(reason, ")") && k < len(r.units) && k <= ui+3; k++ {
							reason += " " + r.units[k].l.text
						}
						reason = strings.Trim(reason, " .;)")
						if p := strings.IndexAny(reason, ";)"); p > 0 {
							reason = strings.TrimSpace(reason[:p])
						}
					}
					break
				}
			}
			for _, y := range years {
				dup := false
				for _, x := range rec.Unrated {
					dup = dup || x.Year == y
				}
				if !dup {
					rec.Unrated = append(rec.Unrated, hoso.Unrated{Year: y, Reason: reason, Evidence: r.evidence(u, toks[i].start)})
				}
			}
		}
	}
}

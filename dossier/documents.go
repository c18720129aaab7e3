package dossier

import (
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/vntext"
)

// classify gives every paper its official form, once segment has noted
// what each paper says, and stamps the form on the evidence noted so far.
func (r *reader) classify() {
	for di := range r.docs {
		d := &r.docs[di]
		d.hk = r.kindOf(d)
		for _, ev := range []*hoso.Evidence{&d.dateEv, &d.firstDateEv, &d.meetingEv, &d.lastDateEv} {
			ev.Doc = d.hk
		}
	}
}

// kindOf tells which form a paper follows, from its form code ("Mẫu
// 6-KNĐ") when it carries one, else from its title and wording.
func (r *reader) kindOf(d *doc) hoso.DocKind {
	switch d.form {
	case 1:
		return hoso.DocDon
	case 2:
		return hoso.DocLyLich
	case 3:
		return hoso.DocGioiThieu
	case 4:
		return hoso.DocNQDoanThe
	case 5:
		return hoso.DocTongHop
	case 6:
		return hoso.DocNQChiBo
	case 0:
	default:
		return hoso.DocOther // 7-KNĐ and later: after the chi bộ's decision
	}
	title := ""
	if d.titleUnit >= 0 {
		title = vntext.Bare(r.units[d.titleUnit].l.text)
	}
	switch d.kind {
	case docDon:
		return hoso.DocDon
	case docLyLich:
		return hoso.DocLyLich
	case docIntro:
		return hoso.DocGioiThieu
	case docCert:
		if d.boiDuong {
			return hoso.DocChungNhan
		}
	case docResolution, docUnknown:
		switch {
		case d.kind == docResolution && (d.doanHead || d.congDoan && !d.chiBoHead):
			return hoso.DocNQDoanThe
		case r.isAdmissionResolution(*d):
			return hoso.DocNQChiBo
		case d.kind == docResolution && (d.doanVien || d.congDoan):
			return hoso.DocNQDoanThe
		}
	case docAppraisal:
		if strings.HasPrefix(title, "phieu") {
			return hoso.DocPhieu
		}
		return hoso.DocNhanXet
	case docDecision:
		if d.khen {
			return hoso.DocQDKhen
		}
	case docOther:
		if strings.HasPrefix(title, "tong hop y kien") {
			return hoso.DocTongHop
		}
	}
	return hoso.DocOther
}

// documents lists the papers for the record.
func (r *reader) documents() []hoso.Document {
	out := make([]hoso.Document, 0, len(r.docs))
	for _, d := range r.docs {
		if d.first > d.last {
			continue
		}
		first := r.t.Blocks[r.units[d.first].blocks[0]]
		lu := &r.units[d.last]
		last := r.t.Blocks[lu.blocks[len(lu.blocks)-1]]
		doc := hoso.Document{Kind: d.hk, File: first.File, FirstPage: first.Page, LastPage: last.Page,
			FirstBlock: first.ID, LastBlock: last.ID, Date: d.date}
		if d.form > 0 {
			doc.Form = formCode(d.form)
		}
		if d.titleUnit >= 0 {
			doc.Title = strings.TrimSpace(r.units[d.titleUnit].l.text)
		}
		out = append(out, doc)
	}
	return out
}

func formCode(n int) string { return strconv.Itoa(n) + "-KNĐ" }

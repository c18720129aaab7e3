package dossier

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/vntext"
)

// The vocabulary of a dossier lives in one table of phrases, each written
// as a clerk would write it and folded once. Matching a phrase compares
// folded words one by one and ignores the punctuation between them, so
// "cấp bộ, ngành, tỉnh" and "cấp bộ ngành tỉnh" are one phrase.

type cat uint8

const (
	catRating     cat = iota + 1 // val: rating core (needs "nhiệm vụ" after, unless whole)
	catRatingCode                // val: rating; a complete abbreviation (HTTNV)
	catNV                        // "nhiệm vụ", "NV": completes a rating core
	catAward                     // val: index in awardKinds
	catTitle                     // val: docKind; a document's title
	catMarker                    // a document header: a new paper starts
	catLabel                     // val: field
	catRelative                  // a family member: the facts that follow are not the candidate's
	catCue                       // requirement wording: "trở lên", "căn cứ"
	catHeader                    // val: colRole; a column heading of an appraisal table
)

// fields a label introduces.
const (
	fName     = iota + 1
	fNameSelf // "Tôi là", "Tôi tên là": the writer, whoever the paper's author is
	fNameRef  // "quần chúng", "đồng chí", "ông", "bà": a name follows without a colon
	fDOB
	fBornYear
	fUnit
	fUnitProse // "công tác tại"
	fJobUnit   // "Nghề nghiệp, đơn vị công tác: Chuyên viên, Sở …"
	fPosition
	fEducation
	fNumber // "Số", "Số:"
)

type docKind uint8

const (
	docUnknown docKind = iota
	docDon
	docLyLich
	docResolution // nghị quyết; which one is decided by its wording
	docIntro      // giấy giới thiệu người vào Đảng
	docCert
	docAppraisal
	docDecision
	docOther
)

var awardKinds = [...]hoso.AwardKind{hoso.AwardGiayKhen, hoso.AwardBangKhen, hoso.AwardCSTDCoSo,
	hoso.AwardCSTDCapTinh, hoso.AwardCSTDToanQuoc, hoso.AwardLaoDongTienTien, hoso.AwardOther}

type phrase struct {
	words []string // folded
	bare  string   // bare words joined by spaces, for OCR
	cat   cat
	val   int
	fuzzy bool // long enough to be matched approximately in OCR text
}

type lexicon struct {
	phrases []phrase
	// byFirst indexes phrases by their first folded word, longest first.
	byFirst map[string][]int
	fuzzy   []int // phrases OCR text may match approximately, longest first
	// relaxed maps a whole table cell's folded text to a rating: in a
	// rating column "Tốt" and "Xuất sắc" are ratings, in prose they are not.
	relaxed map[string]hoso.Rating
	w       words
	// snap maps the bare form of a vocabulary word to its folded form,
	// for OCR text.
	snap map[string]string
	// bareSeqs indexes every phrase and word sequence of two or more words
	// by its first bare word, longest first: OCR words that spell one
	// without diacritics ("Chỉ bộ") are read as it.
	bareSeqs map[string][]bareSeq
}

type bareSeq struct{ bare, folded []string }

// words are folded word sequences the reader looks for.
type words struct {
	boiDuong             []string
	chiBo                []string
	cho                  []string
	cua                  []string
	doanVien             []string
	ketNap               []string
	mau                  []string
	quyetDinh            []string
	qd                   []string
	theo                 []string
	tai                  []string
	tapThe               []string
	duoc                 []string
	dangUy               []string
	deNghiKetNap         []string
	tuDanhGia, tuXepLoai []string
	hop                  []string
	congDoan, khenThuong []string
	canCu                []string
	hoan                 string // "hoàn", folded
	doanTN, chiDoan      []string
	doanThanhNien        []string
	thamQuyen, thuTruong []string
	veViec               []string
	legend               [][]string // openings of a note that spells out abbreviations
	tuNhanXet            []string
	quanLyTrucTiep       []string
	thanhTich            []string
	deNghi, xemXet       []string
	kinhGui              []string
	thucHien             []string
	danhGia, xepLoai     []string
	hired                [][]string // cues of the start of work at the unit
	meeting              [][]string // cues of the sentence dating a meeting
	paperKinds           [][]string // kinds of paper a citation names
	gives                [][]string // "tặng", "khen tặng": what follows an issuer after "được"
}

func ph(c cat, val int, texts ...string) []phrase {
	out := make([]phrase, 0, len(texts))
	for _, s := range texts {
		l := tokenize(s)
		p := phrase{cat: c, val: val}
		var bare []string
		for _, t := range l.toks {
			p.words = append(p.words, t.w)
			bare = append(bare, t.b)
		}
		p.bare = strings.Join(bare, " ")
		// Short phrases and abbreviations only match exactly: one wrong
		// letter in "HTNV" is another rating.
		p.fuzzy = len(p.bare) >= 9 && len(p.words) >= 2
		out = append(out, p)
	}
	return out
}

var lex = sync.OnceValue(func() *lexicon {
	R := func(r hoso.Rating) int { return int(r) }
	var ps []phrase
	add := func(p []phrase) { ps = append(ps, p...) }

	add(ph(catRating, R(hoso.RatingHTXSNV), "hoàn thành xuất sắc", "ht xuất sắc", "htxs", "hoàn thành xs"))
	add(ph(catRating, R(hoso.RatingHTTNV), "hoàn thành tốt", "ht tốt", "htt"))
	add(ph(catRating, R(hoso.RatingHTNV), "hoàn thành", "ht"))
	add(ph(catRating, R(hoso.RatingKHTNV), "không hoàn thành", "không ht", "kht"))
	add(ph(catRatingCode, R(hoso.RatingHTXSNV), "htxsnv", "hoàn thành xuất sắc nhiệm vụ", "ht xuất sắc nv", "htxs nv"))
	add(ph(catRatingCode, R(hoso.RatingHTTNV), "httnv", "hoàn thành tốt nhiệm vụ", "htt nv", "ht tốt nv"))
	add(ph(catRatingCode, R(hoso.RatingHTNV), "htnv", "hoàn thành nhiệm vụ", "ht nv",
		"hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực", "htnv nhưng còn hạn chế về năng lực"))
	add(ph(catRatingCode, R(hoso.RatingKHTNV), "khtnv", "không hoàn thành nhiệm vụ", "kht nv", "không ht nv"))
	add(ph(catNV, 0, "nhiệm vụ", "nv"))

	A := func(k hoso.AwardKind) int {
		for i, x := range awardKinds {
			if x == k {
				return i
			}
		}
		panic("award kind")
	}
	add(ph(catAward, A(hoso.AwardGiayKhen), "giấy khen"))
	add(ph(catAward, A(hoso.AwardBangKhen), "bằng khen"))
	add(ph(catAward, A(hoso.AwardCSTDCoSo), "chiến sĩ thi đua cơ sở", "chiến sĩ thi đua cấp cơ sở",
		"cstđcs", "cstđ cơ sở", "cstđ cấp cơ sở", "cstđ cs", "cstdcs", "cstd cơ sở", "cstd cấp cơ sở"))
	add(ph(catAward, A(hoso.AwardCSTDCapTinh), "chiến sĩ thi đua cấp tỉnh", "chiến sĩ thi đua cấp bộ",
		"chiến sĩ thi đua cấp ngành", "chiến sĩ thi đua tỉnh", "chiến sĩ thi đua bộ", "chiến sĩ thi đua bộ ban ngành tỉnh",
		"chiến sĩ thi đua cấp bộ ngành tỉnh", "chiến sĩ thi đua cấp bộ ngành tỉnh đoàn thể trung ương",
		"cstđ cấp tỉnh", "cstđ tỉnh", "cstđ cấp bộ", "cstd cấp tỉnh"))
	add(ph(catAward, A(hoso.AwardCSTDToanQuoc), "chiến sĩ thi đua toàn quốc", "cstđ toàn quốc", "cstđtq"))
	add(ph(catAward, A(hoso.AwardLaoDongTienTien), "lao động tiên tiến", "lđtt", "chiến sĩ tiên tiến"))
	add(ph(catAward, A(hoso.AwardOther), "huân chương", "huy chương", "kỷ niệm chương", "chiến sĩ thi đua"))

	add(ph(catTitle, int(docDon), "đơn xin vào đảng", "đơn xin vào đảng cộng sản việt nam"))
	add(ph(catTitle, int(docLyLich), "lý lịch của người xin vào đảng", "lý lịch người xin vào đảng"))
	add(ph(catTitle, int(docResolution), "nghị quyết"))
	add(ph(catTitle, int(docIntro), "giấy giới thiệu người vào đảng", "giấy giới thiệu"))
	add(ph(catTitle, int(docCert), "giấy chứng nhận"))
	add(ph(catTitle, int(docAppraisal), "bản tổng hợp", "bản nhận xét", "phiếu đánh giá", "bản kiểm điểm",
		"bản tự kiểm điểm", "phiếu nhận xét", "nhận xét đánh giá", "bảng tổng hợp", "tổng hợp kết quả đánh giá",
		"kết quả đánh giá xếp loại", "giấy xác nhận", "bản xác nhận", "phiếu xác nhận", "xác nhận kết quả", "xác nhận", "nhận xét của",
		"bản nhận xét đánh giá", "bảng tổng hợp kết quả", "kết quả xếp loại", "phiếu đánh giá và phân loại"))
	add(ph(catTitle, int(docDecision), "quyết định"))
	add(ph(catTitle, int(docOther), "tổng hợp ý kiến", "báo cáo", "biên bản", "công văn", "tờ trình", "thông báo", "kế hoạch"))
	add(ph(catMarker, 0, "đảng cộng sản việt nam", "cộng hòa xã hội chủ nghĩa việt nam"))

	add(ph(catLabel, fName, "họ và tên đang dùng", "họ và tên", "họ tên", "họ và tên khai sinh", "họ tên khai sinh"))
	add(ph(catLabel, fNameSelf, "tôi là", "tôi tên là", "tên tôi là"))
	add(ph(catLabel, fNameRef, "quần chúng", "đồng chí", "ông", "bà", "ông bà", "anh", "chị", "quần chúng ưu tú"))
	add(ph(catLabel, fDOB, "sinh ngày", "ngày sinh", "ngày tháng năm sinh", "ngày, tháng, năm sinh"))
	add(ph(catLabel, fBornYear, "sinh năm", "năm sinh"))
	add(ph(catLabel, fUnit, "đơn vị công tác", "nơi công tác", "cơ quan công tác", "đơn vị", "cơ quan",
		"nơi làm việc", "đơn vị công tác hiện nay"))
	add(ph(catLabel, fJobUnit, "nghề nghiệp đơn vị công tác", "nghề nghiệp nơi công tác", "nghề nghiệp và đơn vị công tác",
		"chức vụ đơn vị công tác", "chức vụ và đơn vị công tác", "chức danh đơn vị công tác", "chức vụ nơi công tác"))
	add(ph(catLabel, fUnitProse, "công tác tại", "làm việc tại"))
	add(ph(catLabel, fPosition, "chức vụ", "chức danh", "chức vụ hiện nay", "chức vụ chức danh",
		"chức vụ đảng chính quyền đoàn thể", "chức vụ hiện tại"))
	add(ph(catLabel, fEducation, "trình độ học vấn", "giáo dục phổ thông", "trình độ giáo dục phổ thông",
		"trình độ văn hóa", "học vấn"))
	add(ph(catLabel, fNumber, "số"))
	add(ph(catRelative, 0, "cha", "mẹ", "bố", "vợ", "chồng", "con", "cha đẻ", "mẹ đẻ", "bố đẻ",
		"anh ruột", "chị ruột", "em ruột", "người giới thiệu", "bí thư", "phó bí thư", "chủ tọa", "thư ký"))
	add(ph(catCue, 0, "trở lên", "căn cứ", "tiêu chuẩn", "yêu cầu", "ít nhất", "điều kiện"))

	add(ph(catHeader, int(colYear), "năm", "năm học", "thời gian", "tháng năm", "năm đánh giá", "năm xếp loại", "năm công tác"))
	add(ph(catHeader, int(colRating), "xếp loại", "đánh giá", "kết quả", "mức độ hoàn thành", "phân loại"))
	add(ph(catHeader, int(colIssuer), "cấp quyết định", "cơ quan quyết định", "cấp khen thưởng", "người ký",
		"cơ quan khen thưởng", "cấp ra quyết định", "cơ quan ban hành", "cấp khen"))
	add(ph(catHeader, int(colDecision), "số quyết định", "quyết định số", "số ngày quyết định", "số và ngày quyết định"))
	add(ph(catHeader, int(colAward), "khen thưởng", "danh hiệu", "hình thức khen thưởng", "danh hiệu thi đua"))

	x := &lexicon{phrases: ps, byFirst: map[string][]int{}}
	f := func(s string) []string { return strings.Fields(vntext.Fold(s)) }
	x.w = words{
		boiDuong:       f("bồi dưỡng"),
		chiBo:          f("chi bộ"),
		cho:            f("cho"),
		cua:            f("của"),
		doanVien:       f("giới thiệu đoàn viên"),
		ketNap:         f("kết nạp"),
		mau:            f("mẫu"),
		quyetDinh:      f("quyết định"),
		qd:             f("qđ"),
		theo:           f("theo"),
		tai:            f("tại"),
		tapThe:         f("tập thể"),
		duoc:           f("được"),
		dangUy:         f("đảng uỷ"),
		deNghiKetNap:   f("đề nghị kết nạp"),
		tuDanhGia:      f("tự đánh giá"),
		tuXepLoai:      f("tự xếp loại"),
		congDoan:       f("công đoàn"),
		canCu:          f("căn cứ"),
		hoan:           f("hoàn")[0],
		doanTN:         f("đoàn tncs"),
		chiDoan:        f("chi đoàn"),
		doanThanhNien:  f("đoàn thanh niên"),
		thamQuyen:      f("thẩm quyền"),
		thuTruong:      f("thủ trưởng"),
		veViec:         f("về việc"),
		legend:         [][]string{f("ghi chú"), f("chú thích"), f("chú giải"), f("viết tắt"), f("ký hiệu"), f("chữ viết tắt")},
		tuNhanXet:      f("tự nhận xét"),
		quanLyTrucTiep: f("quản lý trực tiếp"),
		thanhTich:      f("thành tích"),
		deNghi:         f("đề nghị"),
		xemXet:         f("xem xét"),
		kinhGui:        f("kính gửi"),
		thucHien:       f("thực hiện"),
		danhGia:        f("đánh giá"),
		xepLoai:        f("xếp loại"),
		hired: [][]string{f("tuyển dụng"), f("được tuyển dụng"), f("công tác tại đơn vị"), f("về công tác tại"),
			f("vào làm việc tại"), f("làm việc tại đơn vị"), f("hợp đồng lao động"), f("tiếp nhận")},
		meeting: [][]string{f("họp"), f("hôm nay"), f("vào lúc"), f("vào hồi"), f("thời gian"),
			f("tiến hành"), f("hội nghị"), f("phiên họp"), f("sinh hoạt")},
		paperKinds: [][]string{f("quy định"), f("hướng dẫn"), f("nghị quyết"), f("quyết định"), f("điều lệ"),
			f("công văn"), f("kế hoạch"), f("thông tri"), f("chỉ thị"), f("nghị định"), f("thông tư"), f("luật")},
		khenThuong: f("khen thưởng"),
		gives:      [][]string{f("tặng"), f("khen tặng"), f("trao tặng"), f("công nhận")},
	}
	for i, p := range ps {
		x.byFirst[p.words[0]] = append(x.byFirst[p.words[0]], i)
		if p.fuzzy && p.cat != catRelative && p.cat != catCue {
			x.fuzzy = append(x.fuzzy, i)
		}
	}
	longest := func(ix []int) {
		sort.SliceStable(ix, func(a, b int) bool { return len(ps[ix[a]].bare) > len(ps[ix[b]].bare) })
	}
	for _, ix := range x.byFirst {
		longest(ix)
	}
	longest(x.fuzzy)

	// OCR loses and swaps diacritics ("Chỉ bộ" for "Chi bộ"): OCR words
	// whose bare forms spell a known word or phrase are read as it.
	// Single words are snapped only where no other common word shares the
	// bare form (not "năm"/"nam", "số"/"sở"); sequences of words below are
	// snapped in context.
	x.snap = map[string]string{}
	for _, w := range []string{"ngày", "tháng", "đến"} {
		x.snap[vntext.Bare(w)] = vntext.Fold(w)
	}

	x.bareSeqs = map[string][]bareSeq{}
	addSeq := func(folded []string) {
		if len(folded) < 2 {
			return
		}
		bare := make([]string, len(folded))
		for k, w := range folded {
			bare[k] = vntext.Bare(w)
		}
		x.bareSeqs[bare[0]] = append(x.bareSeqs[bare[0]], bareSeq{bare, folded})
	}
	for _, p := range ps {
		addSeq(p.words)
	}
	for _, w := range [][]string{x.w.boiDuong, x.w.chiBo, x.w.doanVien, x.w.ketNap, x.w.quyetDinh, x.w.tapThe,
		x.w.dangUy, x.w.deNghiKetNap, x.w.tuDanhGia, x.w.tuXepLoai} {
		addSeq(w)
	}
	for _, v := range x.bareSeqs {
		sort.SliceStable(v, func(a, b int) bool { return len(v[a].bare) > len(v[b].bare) })
	}

	x.relaxed = map[string]hoso.Rating{}
	for s, r := range map[string]hoso.Rating{
		"xuất sắc": hoso.RatingHTXSNV, "hoàn thành xuất sắc": hoso.RatingHTXSNV, "htxs": hoso.RatingHTXSNV,
		"tốt": hoso.RatingHTTNV, "hoàn thành tốt": hoso.RatingHTTNV, "htt": hoso.RatingHTTNV,
		"hoàn thành": hoso.RatingHTNV, "ht": hoso.RatingHTNV,
		"không hoàn thành": hoso.RatingKHTNV, "kht": hoso.RatingKHTNV,
	} {
		x.relaxed[vntext.Fold(s)] = r
	}
	return x
})

// at returns the longest phrase of one of cats starting at token i, and
// the number of tokens it spans.
func (x *lexicon) at(toks []token, i int, cats ...cat) (*phrase, int) {
	if i >= len(toks) {
		return nil, 0
	}
next:
	for _, pi := range x.byFirst[toks[i].w] {
		p := &x.phrases[pi]
		if len(cats) > 0 && !hasCat(cats, p.cat) {
			continue
		}
		if i+len(p.words) > len(toks) {
			continue
		}
		for k, w := range p.words {
			if toks[i+k].w != w {
				continue next
			}
		}
		return p, len(p.words)
	}
	return nil, 0
}

func hasCat(cs []cat, c cat) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// repairOCR rewrites the tokens of an OCR line that approximately spell a
// phrase of the lexicon into the phrase's own words, so the rest of the
// reader treats OCR text like typed text. The match is on bare words and
// allows an edit distance of about 15 % of the phrase; the rewritten tokens
// keep their place in the text as written, so evidence shows what OCR read.
func repairOCR(l *line) {
	unglue(l)
	x := lex()
	toks := l.toks
	for k := range toks {
		if w, ok := x.snap[toks[k].b]; ok {
			toks[k].w = w
		}
	}
	for i := 0; i < len(toks); i++ {
	seqs:
		for _, sq := range x.bareSeqs[toks[i].b] {
			if i+len(sq.bare) > len(toks) {
				continue
			}
			for k, b := range sq.bare {
				if toks[i+k].b != b {
					continue seqs
				}
			}
			for k, w := range sq.folded {
				toks[i+k].w = w
			}
			i += len(sq.bare) - 1
			break
		}
	}
	// A rating whose first word OCR garbled ("im thành tốt nhiệm vụ",
	// "Hoản" read as "Hoa"): "thành tốt nhiệm vụ" and "thành xuất sắc nhiệm
	// vụ" follow no other word in these papers. "… thành nhiệm vụ" stays
	// unread: it may have lost a "không".
	for i := 0; i+4 < len(toks); i++ {
		t := &toks[i]
		if t.num >= 0 || t.b == "hoan" || t.b == "khong" || len(t.b) > 5 || toks[i+1].b != "thanh" {
			continue
		}
		rest := toks[i+2:]
		if sameBare(rest, "tot", "nhiem", "vu") || sameBare(rest, "xuat", "sac", "nhiem", "vu") {
			t.w, t.b = x.w.hoan, "hoan"
		}
	}
	var buf []byte
	for i := 0; i < len(toks); i++ {
		bestP, bestK, bestD := -1, 0, 0
		for _, pi := range x.fuzzy {
			p := &x.phrases[pi]
			// Short phrases tolerate lost or swapped diacritics only (the bare
			// form ignores them): one changed letter in "sinh ngày" makes
			// "Bình ngày".
			maxD := len(p.bare) * 15 / 100
			if len(p.bare) < 12 {
				maxD = 0
			}
			n := len(p.words)
			for k := max(1, n-2); k <= n+1 && i+k <= len(toks); k++ {
				buf = buf[:0]
				for j := i; j < i+k; j++ {
					if j > i {
						buf = append(buf, ' ')
					}
					buf = append(buf, toks[j].b...)
				}
				if len(buf) == 0 || buf[0] != p.bare[0] {
					break
				}
				d := vntext.EditWithin(string(buf), p.bare, maxD)
				if d < 0 {
					continue
				}
				// The longest phrase wins; among equals, the closest.
				if bestP < 0 || len(p.bare) > len(x.phrases[bestP].bare) ||
					(len(p.bare) == len(x.phrases[bestP].bare) && d < bestD) {
					bestP, bestK, bestD = pi, k, d
				}
			}
		}
		if bestP < 0 {
			continue
		}
		p := &x.phrases[bestP]
		if bestD == 0 && sameWords(toks[i:i+bestK], p.words) {
			i += bestK - 1
			continue
		}
		// Replace toks[i:i+bestK] with the phrase's words spanning the same text.
		start, end, sep := toks[i].start, toks[i+bestK-1].end, toks[i].sep
		repl := make([]token, len(p.words))
		bw := strings.Split(p.bare, " ")
		for k, w := range p.words {
			repl[k] = token{w: w, b: bw[k], sep: " ", start: start, end: end, num: -1}
		}
		repl[0].sep = sep
		toks = append(toks[:i], append(repl, toks[i+bestK:]...)...)
		i += len(repl) - 1
	}
	// OCR reads 0 as O and 1 as l in years: fix four-character mostly-digit words.
	for k := range toks {
		t := &toks[k]
		if t.num >= 0 || len(t.b) != 4 {
			continue
		}
		digits := 0
		fixed := []byte(t.b)
		for j, c := range fixed {
			switch c {
			case 'o':
				fixed[j] = '0'
			case 'l', 'i':
				fixed[j] = '1'
			default:
				if c >= '0' && c <= '9' {
					digits++
				}
			}
		}
		if digits >= 3 && allDigits(string(fixed)) {
			t.w, t.b = string(fixed), string(fixed)
			t.num, t.nd = atoi(t.w), 4
		}
	}
	l.toks = toks
}

func sameWords(toks []token, words []string) bool {
	if len(toks) != len(words) {
		return false
	}
	for i, w := range words {
		if toks[i].w != w {
			return false
		}
	}
	return true
}

// glued are rating phrases a phone photo's OCR runs together into one
// word ("Hoànthànhtốtnhệmu,"), by their bare prefix.
var glued = []struct {
	bare  string
	words []string // folded
}{
	{"khonghoanthanh", []string{"không", "hoàn", "thành"}},
	{"hoanthanhxuatsac", []string{"hoàn", "thành", "xuất", "sắc"}},
	{"hoanthanhtot", []string{"hoàn", "thành", "tốt"}},
	{"hoanthanh", []string{"hoàn", "thành"}},
}

// sameBare reports whether toks start with the bare words ws.
func sameBare(toks []token, ws ...string) bool {
	if len(toks) < len(ws) {
		return false
	}
	for k, w := range ws {
		if toks[k].b != w {
			return false
		}
	}
	return true
}

// unglue splits a token that is a rating phrase run together into the
// phrase's words, and adds "nhiệm vụ" when what follows starts like it
// ("nhệmu", "nhiemvu", "nv"). The new tokens span the glued word's text,
// so evidence still points at it.
func unglue(l *line) {
	var out []token
	for k, t := range l.toks {
		words := ungluedWords(t.b)
		if words == nil {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append([]token{}, l.toks[:k]...)
		}
		for n, w := range words {
			nt := token{w: w, b: vntext.Bare(w), start: t.start, end: t.end, num: -1, sep: " "}
			if n == 0 {
				nt.sep = t.sep
			}
			out = append(out, nt)
		}
	}
	if out != nil {
		l.toks = out
	}
}

// ungluedWords returns the folded words of a glued rating phrase, nil when
// bare is no such phrase.
func ungluedWords(bare string) []string {
	if len(bare) < 9 {
		return nil
	}
	for _, g := range glued {
		rest, ok := strings.CutPrefix(bare, g.bare)
		if !ok || rest == "" && len(g.words) == 2 {
			continue
		}
		if strings.HasPrefix(rest, "nh") || strings.HasPrefix(rest, "nv") {
			return append(slices.Clone(g.words), "nhiệm", "vụ")
		}
		return g.words
	}
	return nil
}

package forms

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso"
)

// Render writes papers (all of the case's when nil) as one document with
// a page break between papers.
func (c *Case) Render(papers []Paper) *doc {
	if papers == nil {
		papers = c.Papers()
	}
	d := &doc{TwoCol: c.TwoCol}
	for i, p := range papers {
		if i > 0 {
			d.Blocks = append(d.Blocks, pageBreak{})
		}
		d.Blocks = append(d.Blocks, c.paper(p)...)
	}
	if d.TwoCol {
		// A column is a little under half the text width: tables shrink to
		// it, as a clerk who switches to two columns makes them.
		for i, b := range d.Blocks {
			if t, ok := b.(table); ok {
				d.Blocks[i] = fitTable(t, 4400)
			}
		}
	}
	return d
}

// fitTable scales a table's column widths to total width.
func fitTable(t table, width int) table {
	sum := 0
	for _, w := range t.Widths {
		sum += w
	}
	ws := make([]int, len(t.Widths))
	for i, w := range t.Widths {
		ws[i] = w * width / sum
	}
	t.Widths = ws
	return t
}

func (c *Case) paper(p Paper) []block {
	switch p.Kind {
	case KCover:
		return c.cover(p)
	case KChungNhan:
		return c.chungNhan(p)
	case KDon:
		return c.don(p)
	case KLyLich:
		return c.lyLich(p)
	case KGioiThieu:
		return c.gioiThieu(p)
	case KNQDoan:
		return c.nqDoanThe(p, false)
	case KNQCongDoan:
		return c.nqDoanThe(p, true)
	case KTongHop:
		return c.tongHop(p)
	case KResolution:
		return c.resolution(p)
	case KPhieu:
		return c.phieu(p)
	case KNhanXet:
		return c.nhanXet(p)
	case KDecision:
		return c.decision(p)
	}
	return nil
}

// Small builders.

func title(s string) para {
	return para{Runs: []run{{Text: s, Bold: true}}, Align: "center", Size: 28}
}

func centerB(s string) para { return para{Runs: []run{{Text: s, Bold: true}}, Align: "center"} }
func centerI(s string) para { return para{Runs: []run{{Text: s, Italic: true}}, Align: "center"} }
func body(s string) para    { return para{Runs: []run{{Text: s}}, Align: "both", Indent: 567} }
func rightI(s string) para  { return para{Runs: []run{{Text: s, Italic: true}}, Align: "right"} }

// field is "Label: value" with the value as its own run.
func field(label, value string) para {
	return para{Runs: []run{{Text: label + ": "}, {Text: value}}}
}

func boldLead(lead, rest string) para {
	return para{Runs: []run{{Text: lead, Bold: true}, {Text: rest}}, Align: "both"}
}

func cellOf(ps ...para) cell { return cell{Paras: ps} }

func textCell(s string, align string, bold bool) cell {
	return cell{Paras: []para{{Runs: []run{{Text: s, Bold: bold}}, Align: align}}}
}

// partyHeader is the two-block heading of a Party paper.
func partyHeader(line1, line2, number, dateLine string) table {
	left := []para{centerB(line1), centerB(line2), {Runs: []run{{Text: "*"}}, Align: "center"}}
	if number != "" {
		left = append(left, para{Runs: []run{{Text: number}}, Align: "center"})
	}
	right := []para{{Runs: []run{{Text: "ĐẢNG CỘNG SẢN VIỆT NAM", Bold: true, Underline: true}}, Align: "center"}}
	if dateLine != "" {
		right = append(right, centerI(dateLine))
	}
	return table{Widths: []int{4200, 5000}, Borderless: true, Rows: [][]cell{{{Paras: left}, {Paras: right}}}}
}

// stateHeader is the heading of a State paper (NĐ 30/2020).
func stateHeader(parent, agency, number, dateLine string) table {
	var left []para
	if parent != "" {
		left = append(left, para{Runs: []run{{Text: parent}}, Align: "center"})
	}
	left = append(left, centerB(agency), para{Runs: []run{{Text: "-------"}}, Align: "center"})
	if number != "" {
		left = append(left, para{Runs: []run{{Text: number}}, Align: "center"})
	}
	right := []para{centerB("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
		{Runs: []run{{Text: "Độc lập - Tự do - Hạnh phúc", Bold: true, Underline: true}}, Align: "center"}}
	if dateLine != "" {
		right = append(right, centerI(dateLine))
	}
	return table{Widths: []int{3900, 5300}, Borderless: true, Rows: [][]cell{{{Paras: left}, {Paras: right}}}}
}

// signature is a signing block on the right, with an optional left
// column (Nơi nhận).
func signature(left []para, lines ...string) table {
	var right []para
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "("):
			right = append(right, centerI(l))
		case i == len(lines)-1:
			right = append(right, para{}, centerB(l))
		default:
			right = append(right, centerB(l))
		}
	}
	if left == nil {
		left = []para{{}}
	}
	// The right column takes a whole "Place, ngày … tháng … năm …" line.
	return table{Widths: []int{3600, 5600}, Borderless: true, Rows: [][]cell{{{Paras: left}, {Paras: right}}}}
}

func noiNhan(lines ...string) []para {
	ps := []para{{Runs: []run{{Text: "Nơi nhận:", Bold: true, Italic: true}}}}
	for _, l := range lines {
		ps = append(ps, para{Runs: []run{{Text: l}}, Size: 22})
	}
	return ps
}

// unitText is the unit name, broken by hand where the case marks it when
// wrap is set, else on one line.
func (c *Case) unitText(wrap bool) string {
	if wrap {
		return c.Unit.Name
	}
	return unitOneLine(c.Unit.Name)
}

// The papers.

func (c *Case) resolution(p Paper) []block {
	r := c.Res
	u := c.Unit
	var bs []block
	if r.FormCode {
		bs = append(bs, rightI("Mẫu 6-KNĐ"))
	}
	bs = append(bs, partyHeader(u.DangBo, strings.ToUpper(u.ChiBo), fmt.Sprintf("Số %02d-NQ/CB", 3+len(c.ID)%9), dateLine(u.Place, p.Date)),
		title("NGHỊ QUYẾT"), centerB("đề nghị kết nạp đảng viên"))
	if r.CodeUnder {
		bs = append(bs, centerI("(Mẫu 6-KNĐ)"))
	}
	bs = append(bs, para{Runs: []run{{Text: "-----"}}, Align: "center"})
	for i, l := range r.CanCu {
		if r.CommaLast && i == len(r.CanCu)-1 {
			l = strings.TrimSuffix(l, ";") + ","
		}
		bs = append(bs, body(l))
	}
	when := long(c.Meeting)
	if r.Numeric {
		when = "ngày " + short(c.Meeting)
	}
	name := c.Person.Name
	switch r.Meet {
	case "homnay":
		bs = append(bs, body(fmt.Sprintf("Hôm nay, %s, tại phòng họp cơ quan, %s tiến hành họp xét, đề nghị kết nạp quần chúng %s vào Đảng.", when, u.ChiBo, name)))
	case "hoi":
		bs = append(bs, body(fmt.Sprintf("Vào hồi 14 giờ 00 phút, %s, %s đã họp để xét, đề nghị kết nạp quần chúng %s vào Đảng.", when, u.ChiBo, name)))
	case "chibo":
		m := c.Meeting
		bs = append(bs, body(fmt.Sprintf("%s tổ chức họp lúc 14h00' ngày %d-%d-%d tại hội trường cơ quan để xét, đề nghị kết nạp quần chúng %s vào Đảng.", u.ChiBo, m.Day, int(m.Month), m.Year, name)))
	default:
		bs = append(bs, body(fmt.Sprintf("%s, %s đã họp để xét, đề nghị kết nạp quần chúng %s vào Đảng.", upperFirst(when), u.ChiBo, name)))
	}
	bs = append(bs,
		body(fmt.Sprintf("Tổng số đảng viên của chi bộ: %d đồng chí, trong đó chính thức %d, dự bị 01; có mặt %d, vắng mặt 0. Chủ trì: đồng chí %s, Bí thư chi bộ; thư ký: đồng chí %s.", u.Members+1, u.Members, u.Members+1, u.Secretary, c.clerk())))
	dob := c.dobPhrase(KResolution)
	if r.NoDOB {
		dob = ""
	}
	switch {
	case r.Listed:
		bs = append(bs, body("Chi bộ đã xem xét hồ sơ của các quần chúng sau:"))
		line := "1. " + name
		if dob != "" {
			line += ", " + dob
		}
		bs = append(bs, body(line+"; chức vụ: "+c.Position+"; đơn vị công tác: "+c.unitText(false)+"."))
		for i, o := range r.Others {
			bs = append(bs, body(fmt.Sprintf("%d. %s, sinh ngày %s; đơn vị công tác: %s.", i+2, o.Name, slash(o.Born), o.Unit)))
		}
	case r.Compact:
		line := "Quần chúng: " + strings.ToUpper(name)
		if dob != "" {
			line += "; " + dob
		}
		line += "; quê quán: " + c.Person.HomeTown + "; đơn vị công tác: " + c.unitText(false) + "."
		bs = append(bs, boldLead("", line))
	default:
		line := "Quần chúng " + name
		if dob != "" {
			line += ", " + dob
		}
		bs = append(bs, body(line+"; quê quán: "+c.Person.HomeTown+";"),
			body("Chức vụ, đơn vị công tác: "+c.Position+", "+c.unitText(false)+"."))
	}
	bs = append(bs,
		body("Sau khi xem xét hồ sơ và ý kiến nhận xét của tổ chức đoàn thể, chi bộ thấy:"),
		body("1. Ưu điểm: Lập trường tư tưởng vững vàng; có ý thức tổ chức kỷ luật; đoàn kết, được quần chúng tín nhiệm."))
	if r.Summary {
		var parts []string
		for _, x := range c.singleRatings() {
			parts = append(parts, fmt.Sprintf("năm %d %s", x.Year, lowerFirst(ratingWords(x.Rating, x.Year, u.VienChuc))))
		}
		if len(parts) > 0 {
			bs = append(bs, body("Kết quả đánh giá, xếp loại chất lượng: "+strings.Join(parts, "; ")+"."))
		}
	}
	bs = append(bs,
		body("2. Khuyết điểm: Đôi lúc còn ngại va chạm trong đấu tranh phê bình. 3. Về lịch sử chính trị và chính trị hiện nay: Rõ ràng."),
		body(fmt.Sprintf("Đối chiếu với tiêu chuẩn, điều kiện kết nạp đảng viên, chi bộ biểu quyết: có %d/%d đồng chí đảng viên chính thức (đạt 100%%) đồng ý đề nghị kết nạp quần chúng %s vào Đảng.", u.Members, u.Members, name)))
	names := name
	for _, o := range r.Others {
		if r.Listed {
			names += " và " + o.Name
			continue
		}
		line := fmt.Sprintf("Cũng tại cuộc họp, chi bộ xét đề nghị kết nạp quần chúng %s, sinh %s, %s: có %d/%d đồng chí đảng viên chính thức đồng ý.", o.Name, long(o.Born), o.Unit, u.Members, u.Members)
		bs = append(bs, body(line))
		names += " và " + o.Name
	}
	kind := "quần chúng"
	if len(r.Others) > 0 {
		kind = "các quần chúng"
	}
	bs = append(bs, body(fmt.Sprintf("Đề nghị %s xem xét, kết nạp %s %s vào Đảng.", u.DangUy, kind, names)),
		signature(noiNhan("- "+u.DangUy+",", "- Lưu chi bộ."), "T/M CHI BỘ", "BÍ THƯ", u.Secretary))
	return bs
}

// singleRatings are the years with exactly one authoritative rating, the
// ones a resolution can restate without taking sides.
func (c *Case) singleRatings() []rated {
	count := map[int]int{}
	all := c.authRatings()
	for _, r := range all {
		count[r.Year]++
	}
	var out []rated
	for _, r := range all {
		if count[r.Year] == 1 {
			out = append(out, r)
		}
	}
	return out
}

func (c *Case) clerk() string {
	return clerks[len(c.ID)%len(clerks)]
}

var clerks = []string{"Trần Thị Mai", "Lê Văn Sơn", "Phạm Thu Hà", "Đỗ Minh Châu", "Vũ Thị Hạnh"}

func (c *Case) phieu(p Paper) []block {
	u := c.Unit
	y := c.year(p.Year)
	old := law56(y.Year)
	who := "CÔNG CHỨC"
	if u.VienChuc {
		who = "VIÊN CHỨC"
	}
	var bs []block
	bs = append(bs, stateHeader(u.Parent, u.Agency, "", ""))
	if old {
		bs = append(bs, title("PHIẾU ĐÁNH GIÁ VÀ PHÂN LOẠI "+who))
	} else {
		bs = append(bs, title("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG "+who))
	}
	bs = append(bs, centerB(fmt.Sprintf("Năm %d", y.Year)),
		field("Họ và tên", who2(y, c.Person.Name)),
		field("Chức vụ, chức danh", c.Position),
		field("Đơn vị công tác", c.unitText(c.Phieu.Wrap)))
	if old {
		bs = append(bs, boldLead("I. TỰ ĐÁNH GIÁ KẾT QUẢ CÔNG TÁC, TU DƯỠNG, RÈN LUYỆN CỦA "+who, ""))
	} else {
		bs = append(bs, boldLead("I. KẾT QUẢ TỰ ĐÁNH GIÁ", ""))
	}
	bs = append(bs,
		body("1. Chính trị tư tưởng: Chấp hành tốt chủ trương của Đảng, pháp luật của Nhà nước."),
		body("2. Đạo đức, lối sống: Giản dị, lành mạnh. 3. Tác phong, lề lối làm việc: Khoa học. 4. Ý thức tổ chức kỷ luật: Nghiêm túc."),
		body("5. Kết quả thực hiện chức trách, nhiệm vụ được giao: Đúng tiến độ, bảo đảm chất lượng."))
	self := y.Self
	if self == hoso.RatingUnknown {
		self = y.Auth
	}
	if old {
		bs = append(bs, boldLead("II. TỰ ĐÁNH GIÁ, PHÂN LOẠI CỦA "+who, ""),
			body("1. Ưu, khuyết điểm: Nhiệt tình, trách nhiệm; đôi khi còn chậm."))
		bs = append(bs, c.answer("2. Phân loại đánh giá", self, y.Year, 0)...)
	} else {
		bs = append(bs, boldLead("II. TỰ NHẬN XÉT, XẾP LOẠI CHẤT LƯỢNG", ""),
			body("1. Tự nhận xét ưu, khuyết điểm: Nhiệt tình, trách nhiệm; đôi khi còn chậm."))
		bs = append(bs, c.answer("2. Tự xếp loại chất lượng", self, y.Year, 0)...)
	}
	bs = append(bs, signature(nil, fmt.Sprintf("%s, %s", u.Place, longPlain(dt(y.Year, 12, 10))), "NGƯỜI TỰ ĐÁNH GIÁ", "(Ký, ghi rõ họ tên)", who2(y, c.Person.Name)))
	bs = append(bs, boldLead("III. Ý KIẾN CỦA NGƯỜI QUẢN LÝ TRỰC TIẾP", ""),
		body("Có tinh thần trách nhiệm, chủ động trong công việc."))
	if old {
		bs = append(bs, boldLead(fmt.Sprintf("IV. KẾT QUẢ ĐÁNH GIÁ, PHÂN LOẠI %s CỦA CẤP CÓ THẨM QUYỀN", who), ""),
			body("1. Nhận xét ưu, nhược điểm: Thống nhất với ý kiến của người quản lý trực tiếp."))
		bs = append(bs, c.answer("2. Kết quả đánh giá, phân loại", y.Auth, y.Year, 1)...)
	} else {
		bs = append(bs, boldLead(fmt.Sprintf("IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG %s", who), " (Phần dành cho cấp có thẩm quyền đánh giá)"),
			body("1. Nhận xét ưu, khuyết điểm: Thống nhất với ý kiến của người quản lý trực tiếp."))
		bs = append(bs, c.answer("2. Kết quả đánh giá, xếp loại chất lượng", y.Auth, y.Year, 1)...)
	}
	bs = append(bs, signature(nil, fmt.Sprintf("%s, %s", u.Place, long(p.Date)), u.HeadTitle, "(Ký, ghi rõ họ tên, đóng dấu)", u.Head))
	return bs
}

// who2 is the name a phiếu is made out to.
func who2(y Year, candidate string) string {
	if y.Colleague != "" {
		return y.Colleague
	}
	return candidate
}

// answer writes a rating after its label in the phiếu's style: typed
// (with or without the form's hint left in) or as an option list with the
// chosen option ticked. A zero rating leaves the answer blank.
func (c *Case) answer(label string, r hoso.Rating, year, part int) []block {
	vc := c.Unit.VienChuc
	sep := "; "
	if year%2 == 1 {
		sep = "/"
	}
	tick := c.Phieu.Tick
	if tick == "" {
		value := ratingWords(r, year, vc)
		if r == hoso.RatingUnknown {
			value = "……………………………………"
		}
		bs := []block{para{Runs: []run{{Text: label + ": "}, {Text: value, Bold: r != hoso.RatingUnknown}}, Align: "both", Indent: 567}}
		if c.Phieu.Hint || r == hoso.RatingUnknown {
			bs = append(bs, para{Runs: []run{{Text: hint(year, vc, sep), Italic: true}}, Indent: 567})
		}
		return bs
	}
	opts := options(year, vc)
	chosen := ratingWords(r, year, vc) // "" when nothing is ticked
	if tick == "X" {
		t := table{Widths: []int{6500, 2000}, Rows: [][]cell{{textCell("Mức xếp loại", "center", true), textCell("Đánh dấu (X)", "center", true)}}}
		for _, o := range opts {
			m := ""
			if o == chosen {
				m = "X"
			}
			t.Rows = append(t.Rows, []cell{textCell(o, "", false), textCell(m, "center", true)})
		}
		return []block{para{Runs: []run{{Text: label + ":"}}, Indent: 567}, t}
	}
	box := func(on bool) string {
		switch tick {
		case "[x]":
			if on {
				return "[x]"
			}
			return "[ ]"
		case "(x)":
			if on {
				return "(x)"
			}
			return "( )"
		}
		if on {
			return tick
		}
		return "☐"
	}
	if tick == "☒" || tick == "☑" {
		// On one line, the way the form prints its hint.
		var rs []run
		rs = append(rs, run{Text: label + ": "})
		for i, o := range opts {
			if i > 0 {
				rs = append(rs, run{Text: "   "})
			}
			rs = append(rs, run{Text: box(o == chosen) + " " + o})
		}
		return []block{para{Runs: rs, Align: "both", Indent: 567}}
	}
	bs := []block{para{Runs: []run{{Text: label + ":"}}, Indent: 567}}
	for _, o := range opts {
		bs = append(bs, para{Runs: []run{{Text: box(o == chosen) + " " + o}}, Indent: 1134})
	}
	return bs
}

func (c *Case) nhanXet(p Paper) []block {
	u := c.Unit
	s := c.NX
	var bs []block
	bs = append(bs, stateHeader(u.Parent, u.Agency, fmt.Sprintf("Số: %d/XN-%s", 40+len(c.ID), abbrevOf(u.Agency)), dateLine(u.Place, p.Date)), para{})
	if s.Table {
		bs = append(bs, title("GIẤY XÁC NHẬN"), centerB("Kết quả đánh giá, xếp loại chất lượng và khen thưởng"))
	} else {
		bs = append(bs, title("BẢN NHẬN XÉT, ĐÁNH GIÁ"), centerB("quần chúng ưu tú đề nghị kết nạp vào Đảng"))
	}
	bs = append(bs, body(fmt.Sprintf("%s %s xác nhận:", upperFirst(strings.ToLower(u.HeadTitle)), unitOneLine(u.Name))),
		field("Họ và tên", c.Person.Name),
		field("Chức vụ", c.Position),
		field("Đơn vị công tác", c.unitText(false)))
	if c.SinceInNX && !c.Since.IsZero() {
		bs = append(bs, body(fmt.Sprintf("Được tuyển dụng và công tác tại đơn vị từ tháng %s.", monthYear(c.Since))))
	}
	var years []Year
	for _, y := range c.Years {
		if y.InNX {
			years = append(years, y)
		}
	}
	rating := func(y Year) hoso.Rating {
		if y.NXAuth != hoso.RatingUnknown {
			return y.NXAuth
		}
		return y.Auth
	}
	awardsOf := func(year int) []string {
		var out []string
		for _, a := range c.Awards {
			if a.Mine() && a.InNX && a.Year == year {
				out = append(out, awardWords(a))
			}
		}
		return out
	}
	placed := map[int]bool{}
	if s.Table {
		if s.Merged {
			t := table{Widths: []int{1500, 2300, 5400}}
			t.Rows = append(t.Rows, []cell{{Paras: []para{centerB(fmt.Sprintf("KẾT QUẢ CÁC NĂM %d – %d", years[0].Year, years[len(years)-1].Year))}, Span: 3}},
				[]cell{textCell("Năm", "center", true), textCell("Nội dung", "center", true), textCell("Kết quả", "center", true)})
			for _, y := range years {
				res := ratingStyled(rating(y), y.Year, u.VienChuc, s.Abbr)
				if y.Unrated != "" {
					res = "Không đánh giá, xếp loại (" + y.Unrated + ")"
				}
				aw := strings.Join(awardsOf(y.Year), "; ")
				if aw == "" {
					aw = "Không"
				}
				placed[y.Year] = true
				t.Rows = append(t.Rows,
					[]cell{{Paras: []para{{Runs: []run{{Text: fmt.Sprint(y.Year)}}, Align: "center"}}, VMerge: 1}, textCell("Xếp loại", "", false), textCell(res, "", false)},
					[]cell{{VMerge: 2}, textCell("Khen thưởng", "", false), textCell(aw, "", false)})
			}
			bs = append(bs, t)
		} else {
			t := table{Widths: []int{800, 1300, 3600, 3500}, Rows: [][]cell{{textCell("STT", "center", true), textCell("Năm", "center", true),
				textCell("Kết quả đánh giá, xếp loại", "center", true), textCell("Khen thưởng", "center", true)}}}
			for i, y := range years {
				res := ratingStyled(rating(y), y.Year, u.VienChuc, s.Abbr)
				if y.Unrated != "" {
					res = "Không đánh giá, xếp loại (" + y.Unrated + ")"
				}
				placed[y.Year] = true
				t.Rows = append(t.Rows, []cell{textCell(fmt.Sprint(i+1), "center", false), textCell(fmt.Sprint(y.Year), "center", false),
					textCell(res, "", false), textCell(strings.Join(awardsOf(y.Year), "; "), "", false)})
			}
			bs = append(bs, t)
		}
		if s.Legend {
			bs = append(bs, para{Runs: []run{{Text: "Ghi chú: ", Bold: true, Italic: true},
				{Text: "HTXSNV: Hoàn thành xuất sắc nhiệm vụ; HTTNV: Hoàn thành tốt nhiệm vụ; HTNV: Hoàn thành nhiệm vụ; KHTNV: Không hoàn thành nhiệm vụ; LĐTT: Lao động tiên tiến; CSTĐCS: Chiến sĩ thi đua cơ sở.", Italic: true}}, Size: 22})
		}
	} else {
		// Prose: consecutive years with the same rating share one phrase.
		var parts []string
		for i := 0; i < len(years); {
			y := years[i]
			if y.Unrated != "" {
				parts = append(parts, fmt.Sprintf("năm %d không thực hiện đánh giá, xếp loại do %s", y.Year, y.Unrated))
				i++
				continue
			}
			j := i
			var ys []string
			for j < len(years) && years[j].Unrated == "" && rating(years[j]) == rating(y) {
				ys = append(ys, fmt.Sprintf("năm %d", years[j].Year))
				j++
			}
			parts = append(parts, strings.Join(ys, ", ")+" "+lowerFirst(ratingWords(rating(y), y.Year, u.VienChuc)))
			i = j
		}
		sentence := "Kết quả đánh giá, xếp loại chất lượng các năm: " + strings.Join(parts, "; ") + "."
		if s.WrapRating {
			// Typed with a hard line break inside the last rating phrase.
			sentence = strings.Replace(sentence, " hoàn thành xuất sắc", " hoàn\nthành xuất sắc", 1)
		}
		bs = append(bs, body(sentence))
	}
	var rest []string
	for _, a := range c.Awards {
		if a.Mine() && a.InNX && (!s.Table || !placed[a.Year]) {
			rest = append(rest, awardWords(a))
		}
	}
	if len(rest) > 0 {
		bs = append(bs, body("Khen thưởng: "+strings.Join(rest, "; ")+"."))
	}
	bs = append(bs, body("Đơn vị xác nhận để chi bộ xem xét, đề nghị kết nạp đồng chí vào Đảng."),
		signature(nil, u.HeadTitle, u.Head))
	return bs
}

// abbrevOf makes the symbol after a number from an agency's name: "SỞ TÀI
// CHÍNH" → "STC".
func abbrevOf(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if len(r) > 0 && r[0] != '-' {
			b.WriteRune(r[0])
		}
	}
	out := b.String()
	if len([]rune(out)) > 5 {
		out = string([]rune(out)[:5])
	}
	return out
}

func (c *Case) decision(p Paper) []block {
	a := c.Awards[p.Award]
	u := c.Unit
	var bs []block
	bs = append(bs, stateHeader(a.Parent, a.Agency, "Số: "+a.Number, dateLine(u.Place, a.Date)), para{}, title("QUYẾT ĐỊNH"))
	switch a.Kind {
	case hoso.AwardCSTDCoSo:
		bs = append(bs, centerB(fmt.Sprintf("Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm %d", a.Year)))
	case hoso.AwardLaoDongTienTien:
		bs = append(bs, centerB(fmt.Sprintf("Về việc công nhận danh hiệu Lao động tiên tiến năm %d", a.Year)))
	case hoso.AwardBangKhen:
		bs = append(bs, centerB("Về việc tặng Bằng khen"))
	default:
		bs = append(bs, centerB("Về việc tặng Giấy khen"))
	}
	bs = append(bs, para{Runs: []run{{Text: "-----"}}, Align: "center"}, centerB(strings.ToUpper(a.Issuer)))
	if a.Date.Year >= 2024 {
		bs = append(bs, body("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
			body("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"))
	} else {
		bs = append(bs, body("Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;"),
			body("Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"))
	}
	bs = append(bs, body("Xét đề nghị của Thường trực Hội đồng Thi đua - Khen thưởng,"), centerB("QUYẾT ĐỊNH:"))
	var who string
	switch {
	case a.Collective != "":
		who = "tập thể " + a.Collective
	case len(a.Others) > 0:
		who = fmt.Sprintf("%02d cá nhân (có danh sách kèm theo)", len(a.Others)+1)
	default:
		who = fmt.Sprintf("%s %s, %s, %s", c.pronoun(), c.Person.Name, c.Position, unitOneLine(u.Name))
	}
	var d1 string
	switch a.Kind {
	case hoso.AwardCSTDCoSo:
		d1 = fmt.Sprintf("Công nhận danh hiệu \"Chiến sĩ thi đua cơ sở\" năm %d cho %s.", a.Year, who)
	case hoso.AwardLaoDongTienTien:
		d1 = fmt.Sprintf("Công nhận danh hiệu \"Lao động tiên tiến\" năm %d cho %s.", a.Year, who)
	case hoso.AwardBangKhen:
		d1 = fmt.Sprintf("Tặng Bằng khen cho %s đã có thành tích xuất sắc trong công tác năm %d.", who, a.Year)
	default:
		d1 = fmt.Sprintf("Tặng Giấy khen cho %s đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm %d.", who, a.Year)
	}
	bs = append(bs, boldLead("Điều 1. ", d1),
		boldLead("Điều 2. ", "Kèm theo khen thưởng là tiền thưởng theo quy định của pháp luật về thi đua, khen thưởng."),
		boldLead("Điều 3. ", "Chánh Văn phòng, Trưởng các phòng, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
		signature(noiNhan("- Như Điều 3;", "- Lưu: VT, TĐKT."), signTitle(a.Issuer), "(Ký, ghi rõ họ tên, đóng dấu)", headOf(a, u)))
	if len(a.Others) > 0 && a.Collective == "" {
		bs = append(bs, para{}, centerB("DANH SÁCH"), centerB("cá nhân được khen thưởng"),
			centerI(fmt.Sprintf("(Kèm theo Quyết định số %s ngày %s của %s)", a.Number, slash(a.Date), a.Issuer)))
		t := table{Widths: []int{800, 3400, 5000}, Rows: [][]cell{{textCell("STT", "center", true), textCell("Họ và tên", "center", true), textCell("Chức vụ, đơn vị công tác", "center", true)}}}
		names := append([]string(nil), a.Others...)
		at := len(c.ID) % (len(names) + 1)
		names = append(names[:at], append([]string{c.Person.Name}, names[at:]...)...)
		for i, n := range names {
			where := "Chuyên viên, " + unitOneLine(u.Name)
			if n == c.Person.Name {
				where = c.Position + ", " + unitOneLine(u.Name)
			}
			t.Rows = append(t.Rows, []cell{textCell(fmt.Sprint(i+1), "center", false), textCell(n, "", false), textCell(where, "", false)})
		}
		bs = append(bs, t)
	}
	return bs
}

// signTitle is the signer's title over the signature: "Giám đốc Sở Tài
// chính" → "GIÁM ĐỐC".
func signTitle(issuer string) string {
	for _, t := range []string{"Chi cục trưởng", "Chủ tịch", "Giám đốc", "Hiệu trưởng", "Trưởng phòng", "Bộ trưởng", "Tổng Giám đốc"} {
		if strings.HasPrefix(issuer, t) {
			return strings.ToUpper(t)
		}
	}
	return strings.ToUpper(issuer)
}

// headOf is the signer of a decision: the unit's head when the unit
// decides, else a name of the issuing body.
func headOf(a Award, u Unit) string {
	if a.Agency == u.Agency {
		return u.Head
	}
	return "Hoàng Minh Tuấn"
}

func (c *Case) lyLich(p Paper) []block {
	pe := c.Person
	u := c.Unit
	sex := "Nữ"
	if pe.Male {
		sex = "Nam"
	}
	bs := []block{rightI("Mẫu 2-KNĐ"), title("LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG"), centerI("(Trích các mục khai)"),
		field("01) Họ và tên đang dùng", strings.ToUpper(pe.Name)),
		field("02) Nam, nữ", sex),
		field("03) Họ và tên khai sinh", strings.ToUpper(pe.Name)),
		field("04) Các bí danh", "Không"),
		txt("05) Sinh " + long(pe.Born)),
		field("06) Nơi sinh", pe.HomeTown),
		field("07) Quê quán", pe.HomeTown),
		field("08) Nơi thường trú", pe.HomeTown),
		para{Runs: []run{{Text: "09) Dân tộc: " + pe.Ethnic + "\t\t10) Tôn giáo: Không"}}},
		field("11) Nghề nghiệp hiện nay", map[bool]string{true: "Viên chức", false: "Công chức"}[u.VienChuc]),
		field("12) Trình độ", "Giáo dục phổ thông: "+pe.Education+"; Giáo dục nghề nghiệp: Không; Đại học: Cử nhân; Lý luận chính trị: Sơ cấp; Ngoại ngữ: Tiếng Anh B1; Tin học: Cơ bản."),
		boldLead("19) Những công tác và chức vụ đã qua", ""),
	}
	t := table{Widths: []int{2600, 6600}, Rows: [][]cell{{textCell("Từ tháng, năm đến tháng, năm", "center", true),
		textCell("Làm công việc gì, ở đâu; giữ chức vụ gì về Đảng, chính quyền, đoàn thể", "center", true)}}}
	study := dt(c.Since.Year-4, 9, 1)
	t.Rows = append(t.Rows,
		[]cell{textCell(fmt.Sprintf("%s – %s", monthYear(study), monthYear(dt(c.Since.Year-1, 6, 1))), "", false), textCell("Sinh viên trường đại học; đoàn viên", "", false)},
		[]cell{textCell(fmt.Sprintf("%s – nay", monthYear(c.Since)), "", false), textCell(c.Position+", "+unitOneLine(u.Name), "", false)})
	bs = append(bs, t, boldLead("23) Khen thưởng", ""))
	var rows [][]cell
	for _, a := range c.Awards {
		if a.Mine() && a.InLyLich {
			rows = append(rows, []cell{textCell(monthYear(a.Date), "center", false), textCell(awardWords(a), "", false), textCell(a.Issuer, "", false)})
		}
	}
	if len(rows) == 0 {
		bs = append(bs, txt("Không."))
	} else {
		kt := table{Widths: []int{1600, 4800, 2800}, Rows: [][]cell{{textCell("Tháng, năm", "center", true), textCell("Nội dung và hình thức khen thưởng", "center", true), textCell("Cấp quyết định", "center", true)}}}
		kt.Rows = append(kt.Rows, rows...)
		bs = append(bs, kt)
	}
	fy := pe.Born.Year - 27
	bs = append(bs, field("24) Kỷ luật", "Không"), boldLead("25) Hoàn cảnh gia đình", ""),
		txt(fmt.Sprintf("- Bố đẻ: %s, sinh năm %d; nghề nghiệp: Nông dân; trú tại %s.", fathers[len(c.ID)%len(fathers)], fy, pe.HomeTown)),
		txt(fmt.Sprintf("- Mẹ đẻ: %s, sinh năm %d; nghề nghiệp: Nông dân; trú tại %s.", mothers[len(c.ID)%len(mothers)], fy+3, pe.HomeTown)),
		signature(nil, fmt.Sprintf("%s, %s", u.Place, long(p.Date)), "NGƯỜI KHAI", "(Ký, ghi rõ họ tên)", pe.Name))
	return bs
}

var fathers = []string{"Nguyễn Văn Thịnh", "Trần Văn Lực", "Lê Quang Vinh", "Phạm Đức Hạnh"}
var mothers = []string{"Đỗ Thị Lành", "Ngô Thị Hoa", "Bùi Thị Nụ", "Hà Thị Xuân"}

func (c *Case) don(p Paper) []block {
	pe := c.Person
	u := c.Unit
	bs := []block{rightI("Mẫu 1-KNĐ"), centerB("ĐẢNG CỘNG SẢN VIỆT NAM"), rightI(dateLine(u.Place, p.Date)), para{}, title("ĐƠN XIN VÀO ĐẢNG"),
		para{Runs: []run{{Text: "Kính gửi: ", Bold: true}, {Text: "- Chi uỷ " + u.ChiBo}}, Indent: 1134},
		para{Runs: []run{{Text: "\t  - " + u.DangUy}}, Indent: 1134},
		field("Tôi là", pe.Name)}
	if dob := c.dobPhrase(KDon); dob != "" {
		bs = append(bs, txt(upperFirst(dob)))
	}
	bs = append(bs,
		field("Quê quán", pe.HomeTown),
		txt("Dân tộc: "+pe.Ethnic+"; Tôn giáo: Không"),
		field("Trình độ giáo dục phổ thông", pe.Education),
		field("Nghề nghiệp, đơn vị công tác", c.Position+", "+unitOneLine(u.Name)),
		field("Nơi cư trú", pe.HomeTown),
		body("Qua quá trình học tập, nghiên cứu Điều lệ Đảng Cộng sản Việt Nam và được sự giáo dục của chi bộ, tôi nhận thức được Đảng là đội tiên phong của giai cấp công nhân, đồng thời là đội tiên phong của nhân dân lao động và của dân tộc Việt Nam."),
		body("Tôi tự nguyện viết đơn này xin vào Đảng Cộng sản Việt Nam. Nếu được đứng trong hàng ngũ của Đảng, tôi xin hứa chấp hành nghiêm chỉnh Cương lĩnh chính trị, Điều lệ Đảng, phấn đấu hoàn thành tốt nhiệm vụ đảng viên."),
		signature(nil, "NGƯỜI LÀM ĐƠN", "(Ký, ghi rõ họ tên)", pe.Name))
	return bs
}

// Introducer is an official member who introduces the candidate.
type Introducer struct {
	Name, Position string
	Born, Joined   hoso.Date
}

func (c *Case) introducer(i int) Introducer {
	k := (len(c.ID) + 3*i) % len(introducers)
	in := introducers[k]
	return in
}

var introducers = []Introducer{
	{"Nguyễn Văn Thắng", "Trưởng phòng", dt(1974, 3, 12), dt(2001, 5, 19)},
	{"Trần Thị Thu Hương", "Phó Trưởng phòng", dt(1980, 11, 2), dt(2006, 2, 3)},
	{"Lê Minh Đức", "Chuyên viên chính", dt(1978, 7, 25), dt(2003, 9, 2)},
	{"Phạm Thị Ngọc Lan", "Phó Giám đốc", dt(1972, 1, 8), dt(1998, 12, 22)},
	{"Hoàng Văn Tiến", "Kế toán trưởng", dt(1983, 6, 30), dt(2010, 7, 27)},
	{"Đặng Thị Hải Yến", "Chánh Văn phòng", dt(1976, 9, 14), dt(2002, 3, 26)},
	{"Vũ Quốc Khánh", "Trưởng khoa", dt(1970, 4, 5), dt(1996, 8, 19)},
}

func (c *Case) gioiThieu(p Paper) []block {
	in := c.introducer(p.Intro)
	u := c.Unit
	with := c.Since
	if with.Year < c.anchor().Year-4 {
		with = dt(c.anchor().Year-4, 1, 1)
	}
	bs := []block{rightI("Mẫu 3-KNĐ"), centerB("ĐẢNG CỘNG SẢN VIỆT NAM"), para{}, title("GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG"),
		para{Runs: []run{{Text: "Kính gửi: ", Bold: true}, {Text: u.ChiBo}}, Align: "center"},
		txt(fmt.Sprintf("Tôi là: %s, sinh %s", in.Name, long(in.Born))),
		txt(fmt.Sprintf("Vào Đảng %s, chính thức %s", long(in.Joined), long(add(in.Joined, 365)))),
		txt("Chức vụ trong Đảng: Đảng viên; chức vụ chính quyền: " + in.Position),
		txt("Đang sinh hoạt tại " + u.ChiBo + "."),
	}
	who := "quần chúng " + c.Person.Name
	if dob := c.dobPhrase(KGioiThieu); dob != "" {
		who += ", " + dob
	}
	bs = append(bs,
		body(fmt.Sprintf("Được chi bộ phân công giúp đỡ %s vào Đảng. Tôi đã cùng công tác với quần chúng từ tháng %s đến nay.", who, monthYear(with))),
		body("Những ưu điểm, khuyết điểm chính của người vào Đảng: Có phẩm chất chính trị vững vàng, đạo đức, lối sống trong sáng; năng lực công tác tốt; quan hệ quần chúng tốt. Khuyết điểm: đôi khi còn thiếu quyết đoán."),
		body("Tôi giới thiệu quần chúng vào Đảng Cộng sản Việt Nam và xin chịu trách nhiệm trước chi bộ về sự giới thiệu của mình."),
		signature(nil, fmt.Sprintf("%s, %s", u.Place, long(p.Date)), "NGƯỜI GIỚI THIỆU", "(Ký, ghi rõ họ tên)", in.Name))
	return bs
}

func (c *Case) nqDoanThe(p Paper, congDoan bool) []block {
	u := c.Unit
	short := unitOneLine(u.Name)
	org, bch, num, whom, signer, code := "ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN "+strings.ToUpper(short), "Số: 12-NQ/ĐTN", "đoàn viên", "BÍ THƯ", "Mẫu 4-KNĐ"
	if congDoan {
		org, bch, num, whom, signer, code = "CÔNG ĐOÀN "+strings.ToUpper(strings.TrimPrefix(u.Parent, "UBND ")), "CĐCS "+strings.ToUpper(short), "Số: 05/NQ-CĐCS", "đoàn viên công đoàn", "CHỦ TỊCH", "Mẫu 4A-KNĐ"
	}
	left := []para{centerB(org), centerB(bch), {Runs: []run{{Text: "***"}}, Align: "center"}, {Runs: []run{{Text: num}}, Align: "center"}}
	right := []para{{}, centerI(dateLine(u.Place, p.Date))}
	body1 := "Ban Chấp hành Đoàn " + short
	if congDoan {
		body1 = "Ban Chấp hành Công đoàn cơ sở " + short
	}
	who := whom + " " + c.Person.Name
	if dob := c.dobPhrase(KNQDoan); dob != "" {
		who += ", " + dob
	}
	return []block{rightI(code), table{Widths: []int{4600, 4600}, Borderless: true, Rows: [][]cell{{{Paras: left}, {Paras: right}}}},
		para{}, title("NGHỊ QUYẾT"), centerB("giới thiệu " + whom + " ưu tú vào Đảng"),
		body("Căn cứ Điều 4 Điều lệ Đảng Cộng sản Việt Nam;"),
		body("Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 18/01/2022 của Ban Tổ chức Trung ương về một số vấn đề cụ thể nghiệp vụ công tác đảng viên;"),
		body(fmt.Sprintf("%s, %s đã họp xét, giới thiệu %s vào Đảng.", upperFirst(long(p.Date)), body1, who)),
		body("Tổng số uỷ viên Ban Chấp hành: 07 đồng chí; có mặt: 07 đồng chí."),
		body("Ưu điểm: Tích cực tham gia các phong trào, hoạt động của tổ chức; hoàn thành tốt nhiệm vụ chuyên môn. Khuyết điểm: Kinh nghiệm công tác còn ít."),
		body(fmt.Sprintf("Kết quả biểu quyết: 07/07 uỷ viên Ban Chấp hành (100%%) đồng ý giới thiệu %s %s vào Đảng.", whom, c.Person.Name)),
		body(fmt.Sprintf("Ban Chấp hành giới thiệu và đề nghị %s xem xét, kết nạp %s %s vào Đảng Cộng sản Việt Nam.", u.ChiBo, whom, c.Person.Name)),
		signature(nil, "T/M BAN CHẤP HÀNH", signer, "Nguyễn Thanh Tùng"),
	}
}

func (c *Case) tongHop(p Paper) []block {
	u := c.Unit
	who := "quần chúng " + c.Person.Name
	if dob := c.dobPhrase(KTongHop); dob != "" {
		who += ", " + dob
	}
	return []block{rightI("Mẫu 5-KNĐ"), partyHeader(u.DangBo, strings.ToUpper(u.ChiBo), "", dateLine(u.Place, p.Date)), para{},
		title("TỔNG HỢP Ý KIẾN NHẬN XÉT"),
		centerB("của đoàn thể chính trị - xã hội nơi sinh hoạt và chi uỷ nơi cư trú đối với người xin vào Đảng"),
		body(fmt.Sprintf("Thực hiện quy trình kết nạp đảng viên, chi uỷ %s đã tổng hợp ý kiến nhận xét đối với %s, %s, %s như sau:", strings.TrimPrefix(u.ChiBo, "Chi bộ "), who, c.Position, unitOneLine(u.Name))),
		body("1. Ý kiến nhận xét của Công đoàn cơ sở: tổng số đoàn viên 32; số được hỏi ý kiến 30; số đồng ý 30. Ưu điểm: gương mẫu, nhiệt tình; khuyết điểm: chưa mạnh dạn phát biểu."),
		body("2. Ý kiến nhận xét của chi uỷ chi bộ nơi cư trú: chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương."),
		body("Chi uỷ tổng hợp, báo cáo chi bộ xem xét."),
		signature(nil, "T/M CHI UỶ", "BÍ THƯ", u.Secretary),
	}
}

func (c *Case) chungNhan(p Paper) []block {
	u := c.Unit
	bs := []block{partyHeader("ĐẢNG BỘ "+strings.ToUpper(strings.TrimPrefix(u.Parent, "UBND ")), "TRUNG TÂM CHÍNH TRỊ", fmt.Sprintf("Số: %d-CN/TTCT", 200+len(c.ID)), ""), para{},
		title("GIẤY CHỨNG NHẬN"), centerB("HỌC LỚP BỒI DƯỠNG NHẬN THỨC VỀ ĐẢNG"), para{},
		field("Chứng nhận đồng chí", c.Person.Name)}
	if dob := c.dobPhrase(KChungNhan); dob != "" {
		bs = append(bs, txt(upperFirst(dob)))
	}
	start := add(p.Date, -12)
	bs = append(bs, field("Đơn vị công tác", unitOneLine(u.Name)),
		txt(fmt.Sprintf("Đã hoàn thành chương trình bồi dưỡng nhận thức về Đảng, từ %s đến %s.", long(start), long(add(start, 5)))),
		field("Xếp loại", "Khá"),
		signature(nil, fmt.Sprintf("%s, %s", u.Place, long(p.Date)), "GIÁM ĐỐC", "Lưu Văn Quang"))
	return bs
}

func (c *Case) cover(p Paper) []block {
	u := c.Unit
	var list []string
	for _, q := range c.Papers() {
		if q.Kind != KCover {
			list = append(list, "- "+q.Kind.DocKind().Vietnamese()+";")
		}
	}
	bs := []block{partyHeader(u.DangBo, strings.ToUpper(u.ChiBo), fmt.Sprintf("Số %02d-CV/CB", 10+len(c.ID)%7), dateLine(u.Place, p.Date)),
		para{Runs: []run{{Text: "V/v đề nghị xem xét kết nạp đảng viên", Italic: true}}, Size: 24}, para{},
		para{Runs: []run{{Text: "Kính gửi: ", Bold: true}, {Text: "Ban Tổ chức " + u.DangUy}}, Align: "center"},
		body(fmt.Sprintf("Thực hiện kế hoạch phát triển đảng viên, %s kính gửi hồ sơ đề nghị kết nạp quần chúng %s, %s, %s vào Đảng. Hồ sơ gồm:", u.ChiBo, c.Person.Name, c.Position, unitOneLine(u.Name))),
	}
	for _, l := range list {
		bs = append(bs, para{Runs: []run{{Text: l}}, Indent: 567})
	}
	bs = append(bs, body("Kính đề nghị Ban Tổ chức thẩm định, báo cáo Ban Thường vụ xem xét, quyết định."),
		signature(noiNhan("- Như trên;", "- Lưu chi bộ."), "T/M CHI BỘ", "BÍ THƯ", u.Secretary))
	return bs
}

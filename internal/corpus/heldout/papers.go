package heldout

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
)

// Party is the Party side of a dossier: the chi bộ and its đảng uỷ.
type Party struct {
	DangBo string // "ĐẢNG BỘ SỞ Y TẾ" as printed in the heading
	ChiBo  string // "Chi bộ Khoa Dược" in running text
	// Addressee is the đảng uỷ the chi bộ writes to, exactly as written
	// ("Đảng uỷ Sở Y tế tỉnh Quảng Trị").
	Addressee string
	Place     string
}

// Other is a second person named in the same resolution.
type Other struct {
	Name string
	Born hoso.Date
	Unit string
}

// NQ is the chi bộ's resolution proposing admission (Mẫu 6-KNĐ).
type NQ struct {
	Party
	Meeting  hoso.Date
	DateLine hoso.Date // zero: the meeting date
	Style    int       // how the meeting is said (0–5)
	DateFmt  int
	Number   string
	Birth    Birth
	Others   []Other
	// Caps prints the candidate's name in capitals.
	Caps                      bool
	Members, Present, Reserve int
	// Compact leaves out the long boilerplate so the resolution fits one
	// page, as short chi bộ resolutions do.
	Compact bool
}

func (NQ) Kind() hoso.DocKind { return hoso.DocNQChiBo }

func (n NQ) Facts(c *Case) Facts {
	_, born, year := c.birthText(n.Birth, hoso.Date{}, dsSlash)
	dl := n.DateLine
	if dl.IsZero() {
		dl = n.Meeting
	}
	return Facts{Meeting: n.Meeting, Dated: dl, Born: born, BirthYear: year, Addressee: n.Addressee,
		Unit: true, Position: true}
}

func (n NQ) Blocks(c *Case) []corpus.Block {
	dl := n.DateLine
	if dl.IsZero() {
		dl = n.Meeting
	}
	name := c.Person.Name
	if n.Caps {
		name = upper(name)
	}
	var b []corpus.Block
	b = append(b, twoCol(
		[]corpus.Paragraph{center(n.DangBo), centerB(upper(n.ChiBo)), center("*"), center("Số " + n.Number)},
		[]corpus.Paragraph{corpus.Paragraph{Runs: []corpus.Run{{Text: "ĐẢNG CỘNG SẢN VIỆT NAM", Bold: true, Italic: false}}, Align: "center"},
			center("——————"), centerI(n.Place + ", " + dstr(dl, dsLong0))}))
	b = append(b, blank(), title("NGHỊ QUYẾT"))
	switch n.Style % 3 {
	case 0:
		b = append(b, centerB("đề nghị kết nạp đảng viên"))
	case 1:
		b = append(b, centerB("V/v xét, đề nghị kết nạp quần chúng ưu tú vào Đảng"))
	default:
		b = append(b, centerB("Đề nghị kết nạp đảng viên"), centerI("(Mẫu 6-KNĐ)"))
	}
	b = append(b, center("-----"),
		indent("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"),
		indent("- Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"))
	if !n.Compact {
		b = append(b, indent("- Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 18/01/2022 của Ban Tổ chức Trung ương về một số vấn đề cụ thể về nghiệp vụ công tác đảng viên;"),
			indent("- Căn cứ Công văn số 52-CV/BTCĐU ngày 30/9/2019 của Ban Tổ chức Đảng uỷ về công tác kết nạp quần chúng ưu tú vào Đảng,"))
	}
	cb := n.ChiBo
	m := n.Meeting
	switch n.Style {
	case 0:
		b = append(b, indent(fmt.Sprintf("Hôm nay, %s, %s đã họp để xét đề nghị kết nạp quần chúng ưu tú vào Đảng.", dstr(m, n.DateFmt), cb)))
	case 1:
		b = append(b, indent(fmt.Sprintf("Vào lúc 14 giờ 00 ngày %s, tại phòng họp tầng 2, %s tiến hành họp xét đề nghị kết nạp đảng viên.", dstr(m, dsSlash), cb)))
	case 2:
		b = append(b, bold("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"),
			para(fmt.Sprintf("1. Thời gian: 08 giờ 30 phút, ngày %s.", dstr(m, dsSlash0))),
			para("2. Địa điểm: Phòng họp giao ban, "+c.Person.Unit+"."),
			para("3. Thành phần: đảng viên trong chi bộ; chủ trì: đồng chí Bí thư chi bộ."),
			bold("II. NỘI DUNG"))
	case 3:
		b = append(b, indent(fmt.Sprintf("Ngày %s, %s đã họp để xét đề nghị kết nạp quần chúng %s vào Đảng.",
			strings.TrimPrefix(dstr(m, n.DateFmt), "ngày "), cb, name)))
	case 4:
		b = append(b, indent(fmt.Sprintf("%s tổ chức họp vào hồi 15h00' ngày %s tại hội trường cơ quan để xét, đề nghị kết nạp quần chúng ưu tú vào Đảng.", cb, dstr(m, dsDash))))
	default:
		b = append(b, indent(fmt.Sprintf("Hôm nay, vào lúc 9 giờ 00, %s, tại phòng họp của đơn vị, %s họp xét đề nghị kết nạp đảng viên.", dstr(m, n.DateFmt), cb)))
	}
	b = append(b, indent(fmt.Sprintf("Tổng số đảng viên của chi bộ: %02d đồng chí, trong đó chính thức: %02d, dự bị: %02d.", n.Members+n.Reserve, n.Members, n.Reserve)),
		indent(fmt.Sprintf("Số đảng viên chính thức có mặt: %02d đồng chí; vắng mặt: %02d đồng chí (có lý do).", n.Present, n.Members-n.Present)))
	who := "quần chúng"
	if len(n.Others) > 0 {
		who = fmt.Sprintf("%02d quần chúng", 1+len(n.Others))
	}
	if !n.Compact {
		b = append(b, indent("Chi bộ đã xem xét đơn xin vào Đảng, lý lịch của người xin vào Đảng, giấy giới thiệu của đảng viên chính thức, "+
			"tổng hợp ý kiến nhận xét của các đoàn thể và chi uỷ nơi cư trú đối với "+who+":"))
	}
	bt, _, _ := c.birthText(n.Birth, hoso.Date{}, dsSlash)
	line := name
	if bt != "" {
		line += ", " + bt
	}
	line += "; chức vụ: " + c.Person.Position + "; đơn vị công tác: " + c.unitText() + "."
	switch {
	case len(n.Others) == 0 && n.Style%2 == 1:
		b = append(b, label("Họ và tên quần chúng: ", line))
	case len(n.Others) == 0:
		b = append(b, label("Quần chúng: ", line))
	default:
		b = append(b, para("1. "+line))
		for i, o := range n.Others {
			b = append(b, para(fmt.Sprintf("%d. %s, sinh ngày %s; đơn vị công tác: %s.", i+2, o.Name, dstr(o.Born, dsSlash0), o.Unit)))
		}
	}
	if n.Compact {
		b = append(b, indent("Ưu điểm: lập trường tư tưởng vững vàng, đạo đức tốt. Khuyết điểm: còn ngại va chạm."))
	} else {
		b = append(b, bold("Những ưu điểm, khuyết điểm chính:"),
			indent("- Ưu điểm: Có lập trường tư tưởng vững vàng, chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; "+
				"có đạo đức, lối sống lành mạnh; luôn hoàn thành tốt nhiệm vụ được giao; đoàn kết, được quần chúng tín nhiệm."),
			indent("- Khuyết điểm: Đôi lúc còn ngại va chạm trong đấu tranh phê bình."))
	}
	b = append(b, indent(fmt.Sprintf("Kết quả biểu quyết: %d/%d đồng chí đảng viên chính thức tán thành việc kết nạp quần chúng %s vào Đảng (đạt %d%% so với tổng số đảng viên chính thức).",
		n.Present, n.Members, name, n.Present*100/n.Members)))
	if len(n.Others) > 0 {
		b = append(b, indent(fmt.Sprintf("Chi bộ đề nghị %s xem xét, kết nạp %s nêu trên vào Đảng Cộng sản Việt Nam.", n.Addressee, who)))
	} else {
		b = append(b, indent(fmt.Sprintf("Chi bộ đề nghị %s xem xét, kết nạp quần chúng %s vào Đảng Cộng sản Việt Nam.", n.Addressee, name)))
	}
	b = append(b, signWith([]string{"Nơi nhận:", "- " + n.Addressee + ",", "- Lưu chi bộ."}, "T/M CHI BỘ", "BÍ THƯ", "Lê Văn Thạnh"))
	return b
}

// Phieu is the yearly phiếu đánh giá, xếp loại chất lượng (NĐ 90/2020;
// NĐ 56/2015 wording with Old). Self is the candidate's own rating, Auth
// the competent authority's (zero: that part left blank).
type Phieu struct {
	Year       int
	Self, Auth hoso.Rating
	Style      int // 0: ☐/☒ lists; 1: written; 2: table with both columns; 3: levels table with an "x"
	CongChuc   bool
	Hint       bool // the template's option hint left in
	Org1, Org2 string
	Place      string
	SelfDate   hoso.Date
	Date       hoso.Date // the authority's date line
	Old        bool
}

func (Phieu) Kind() hoso.DocKind { return hoso.DocPhieu }

func (p Phieu) Facts(c *Case) Facts {
	f := Facts{Dated: p.SelfDate, Unit: true, Position: true}
	if p.Auth != hoso.RatingUnknown {
		f.Dated = p.Date
		f.Ratings = []corpus.Appraisal{{Year: p.Year, Rating: p.Auth}}
	}
	return f
}

func (p Phieu) Blocks(c *Case) []corpus.Block {
	who, form := "VIÊN CHỨC", "Mẫu số 03"
	if p.CongChuc {
		who, form = "CÔNG CHỨC", "Mẫu số 02"
	}
	verb := "xếp loại"
	if p.Old {
		verb = "phân loại"
	}
	rs := rsFull
	if p.Old {
		rs = rsOld
	}
	var b []corpus.Block
	b = append(b, corpus.Paragraph{Runs: []corpus.Run{{Text: form, Italic: true}}, Align: "right", Size: 22})
	b = append(b, twoCol([]corpus.Paragraph{center(p.Org1), centerB(p.Org2), center("———")},
		[]corpus.Paragraph{centerB("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"), centerB("Độc lập – Tự do – Hạnh phúc"), center("———")}))
	if p.Old {
		b = append(b, blank(), title("PHIẾU ĐÁNH GIÁ VÀ PHÂN LOẠI "+who))
	} else {
		b = append(b, blank(), title("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG "+who))
	}
	b = append(b, centerB(fmt.Sprintf("Năm %d", p.Year)),
		label("Họ và tên: ", c.Person.Name),
		label("Chức vụ, chức danh: ", c.Person.Position),
		label("Đơn vị công tác: ", c.unitText()),
		bold("I. KẾT QUẢ TỰ ĐÁNH GIÁ"),
		para("1. Chính trị tư tưởng: Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước."),
		para("2. Đạo đức, lối sống: Trung thực, giản dị, không có biểu hiện suy thoái."),
		para("3. Tác phong, lề lối làm việc: Khoa học, đúng giờ, tận tuỵ với công việc."),
		para("4. Ý thức tổ chức kỷ luật: Chấp hành sự phân công của tổ chức; thực hiện đúng nội quy, quy chế của cơ quan."),
		para("5. Kết quả thực hiện chức trách, nhiệm vụ được giao: Hoàn thành các công việc theo kế hoạch năm, bảo đảm tiến độ và chất lượng."),
		bold("II. TỰ NHẬN XÉT, "+strings.ToUpper(verb)+" CHẤT LƯỢNG"),
		para("1. Tự nhận xét ưu, khuyết điểm: Có tinh thần trách nhiệm; cần tiếp tục nâng cao kỹ năng ngoại ngữ, tin học."))
	levels := []hoso.Rating{hoso.RatingHTXSNV, hoso.RatingHTTNV, hoso.RatingHTNV, hoso.RatingKHTNV}
	options := func(pick hoso.Rating) []corpus.Block {
		var out []corpus.Block
		for _, l := range levels {
			box := "☐"
			if l == pick {
				box = "☒"
			}
			out = append(out, indent(box+" "+ratingText(l, rs)))
		}
		return out
	}
	// Style 3: the levels as table rows with an "x" in the ticked one.
	grid := func(pick hoso.Rating) corpus.Block {
		rows := [][]corpus.Cell{{cellB("Mức xếp loại"), cellB("Đánh dấu (x)")}}
		for _, l := range levels {
			m := ""
			if l == pick {
				m = "x"
			}
			rows = append(rows, []corpus.Cell{cellL(ratingText(l, rs)), cell(m)})
		}
		return corpus.Table{Widths: []int{6000, 2500}, Rows: rows}
	}
	hint := func() corpus.Block {
		return corpus.Paragraph{Runs: []corpus.Run{{Text: "(Hoàn thành xuất sắc nhiệm vụ; hoàn thành tốt nhiệm vụ; hoàn thành nhiệm vụ; không hoàn thành nhiệm vụ)", Italic: true}}, Size: 22}
	}
	switch p.Style {
	case 0:
		b = append(b, para("2. Tự "+verb+" chất lượng:"))
		b = append(b, options(p.Self)...)
	case 1:
		b = append(b, para("2. Tự "+verb+" chất lượng: "+ratingText(p.Self, rs)+"."))
		if p.Hint {
			b = append(b, hint())
		}
	case 3:
		b = append(b, para("2. Tự "+verb+" chất lượng:"), grid(p.Self))
	}
	if p.Style != 2 {
		b = append(b, sign("NGƯỜI TỰ NHẬN XÉT", "(Ký, ghi rõ họ tên)", c.Person.Name))
	}
	if !p.CongChuc {
		b = append(b, bold("III. Ý KIẾN CỦA TẬP THỂ ĐƠN VỊ VÀ LÃNH ĐẠO TRỰC TIẾP QUẢN LÝ VIÊN CHỨC"),
			para("Tập thể đơn vị thống nhất với phần tự nhận xét của viên chức."))
	}
	section := "IV"
	if p.CongChuc {
		section = "III"
	}
	b = append(b, bold(fmt.Sprintf("%s. KẾT QUẢ ĐÁNH GIÁ, %s CHẤT LƯỢNG %s (Phần dành cho cấp có thẩm quyền đánh giá)", section, strings.ToUpper(verb), who)),
		para("1. Nhận xét ưu, khuyết điểm: ………………………………………………"))
	switch {
	case p.Style == 2:
		rows := [][]corpus.Cell{{cellB("Nội dung"), cellB("Cá nhân tự " + verb), cellB("Cấp có thẩm quyền " + verb)}}
		a := "…………"
		if p.Auth != hoso.RatingUnknown {
			a = ratingText(p.Auth, rs)
		}
		rows = append(rows, []corpus.Cell{cell(fmt.Sprintf("Kết quả %s chất lượng năm %d", verb, p.Year)), cell(ratingText(p.Self, rs)), cell(a)})
		b = append(b, corpus.Table{Widths: []int{3000, 3000, 3100}, Rows: rows})
	case p.Auth == hoso.RatingUnknown:
		b = append(b, para("2. Kết quả đánh giá, "+verb+" chất lượng: ……………………………………"))
		if p.Hint {
			b = append(b, hint())
		}
	case p.Style == 0:
		b = append(b, para("2. Kết quả đánh giá, "+verb+" chất lượng:"))
		b = append(b, options(p.Auth)...)
	case p.Style == 3:
		b = append(b, para("2. Kết quả đánh giá, "+verb+" chất lượng:"), grid(p.Auth))
	default:
		b = append(b, para("2. Kết quả đánh giá, "+verb+" chất lượng: "+ratingText(p.Auth, rs)+"."))
		if p.Hint {
			b = append(b, hint())
		}
	}
	if p.Auth != hoso.RatingUnknown {
		b = append(b, corpus.Paragraph{Runs: []corpus.Run{{Text: p.Place + ", " + dstr(p.Date, dsLong0), Italic: true}}, Align: "right"},
			sign("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)", "Phạm Quốc Hưng"))
	} else {
		b = append(b, corpus.Paragraph{Runs: []corpus.Run{{Text: p.Place + ", " + dstr(p.SelfDate, dsLong0), Italic: true}}, Align: "right"})
	}
	return b
}

func cell(t string) corpus.Cell  { return corpus.Cell{Paras: []corpus.Paragraph{center(t)}} }
func cellB(t string) corpus.Cell { return corpus.Cell{Paras: []corpus.Paragraph{centerB(t)}} }
func cellL(t string) corpus.Cell { return corpus.Cell{Paras: []corpus.Paragraph{para(t)}} }

// YR is one year of a unit's summary: a rating, or a reason it was not rated.
type YR struct {
	Year     int
	Rating   hoso.Rating
	Unrated  string // the reason the unit gives for not rating the year
	SelfOnly bool   // the row quotes the candidate's self-rating, not the unit's
}

// Aw is an award as the dossier refers to it.
type Aw struct {
	Year   int // achievement year
	Kind   hoso.AwardKind
	Issuer string // "Giám đốc Sở Y tế"
	Number string
	Date   hoso.Date
	Org1   string // issuing body in the decision's heading ("UBND TỈNH QUẢNG TRỊ")
	Org2   string // "SỞ Y TẾ"; empty for the UBND itself
	Place  string
}

func (a Aw) truth() corpus.Award {
	return corpus.Award{Year: a.Year, Kind: a.Kind, Issuer: a.Issuer, Decision: decision(a.Number, a.Date)}
}

// mention is how a unit's summary cites the award.
func (a Aw) mention() string {
	ref := ""
	if a.Number != "" {
		ref = fmt.Sprintf(" (Quyết định số %s ngày %s)", a.Number, dstr(a.Date, dsSlash0))
	}
	switch a.Kind {
	case hoso.AwardLaoDongTienTien:
		return fmt.Sprintf("Đạt danh hiệu Lao động tiên tiến năm %d%s", a.Year, ref)
	case hoso.AwardCSTDCoSo:
		return fmt.Sprintf("Danh hiệu Chiến sỹ thi đua cơ sở năm %d%s", a.Year, ref)
	case hoso.AwardBangKhen:
		return fmt.Sprintf("Bằng khen của %s vì đã có thành tích xuất sắc năm %d%s", a.Issuer, a.Year, ref)
	}
	return fmt.Sprintf("Giấy khen của %s về thành tích xuất sắc trong thực hiện nhiệm vụ năm %d%s", a.Issuer, a.Year, ref)
}

// NhanXet is the unit's bản nhận xét / xác nhận / tổng hợp kết quả xếp loại.
type NhanXet struct {
	Title      int // 0 bản nhận xét, 1 giấy xác nhận, 2 bảng tổng hợp
	Org1, Org2 string
	Place      string
	Date       hoso.Date
	Years      []YR
	Layout     int // 0 table, 1 one sentence, 2 numbered lines, 3 table of abbreviations, 4 years in one merged cell
	RStyle     int
	Legend     bool
	Employed   hoso.Date
	EmpStyle   int
	Awards     []Aw
	Split      bool // the last rating is broken across a line
	Birth      Birth
	Signer     string
	Boss       string // the signer's title ("GIÁM ĐỐC")
	// OrgName is the unit in running text ("Bệnh viện Đa khoa tỉnh").
	OrgName string
}

func (NhanXet) Kind() hoso.DocKind { return hoso.DocNhanXet }

func (n NhanXet) Facts(c *Case) Facts {
	_, born, year := c.birthText(n.Birth, hoso.Date{}, dsSlash0)
	f := Facts{Dated: n.Date, Employed: n.Employed, Born: born, BirthYear: year, Unit: true, Position: true}
	for _, y := range n.Years {
		switch {
		case y.Unrated != "":
			f.Unrated = append(f.Unrated, y.Year)
		case !y.SelfOnly:
			f.Ratings = append(f.Ratings, corpus.Appraisal{Year: y.Year, Rating: y.Rating})
		}
	}
	for _, a := range n.Awards {
		f.Awards = append(f.Awards, a.truth())
	}
	return f
}

func (n NhanXet) Blocks(c *Case) []corpus.Block {
	var b []corpus.Block
	b = append(b, twoCol([]corpus.Paragraph{center(n.Org1), centerB(n.Org2), center("———")},
		[]corpus.Paragraph{centerB("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), centerB("Độc lập - Tự do - Hạnh phúc"), center("———"),
			centerI(n.Place + ", " + dstr(n.Date, dsLong))}))
	b = append(b, blank())
	switch n.Title {
	case 0:
		b = append(b, title("BẢN NHẬN XÉT"), centerB("Quá trình công tác của quần chúng đề nghị kết nạp vào Đảng"))
	case 1:
		b = append(b, title("GIẤY XÁC NHẬN"), centerB("Kết quả đánh giá, xếp loại chất lượng và khen thưởng"))
	default:
		b = append(b, title("BẢNG TỔNG HỢP"), centerB(fmt.Sprintf("kết quả đánh giá, xếp loại chất lượng %d năm gần nhất", len(n.Years))))
	}
	bt, _, _ := c.birthText(n.Birth, hoso.Date{}, dsSlash0)
	boss := n.Boss[:1] + strings.ToLower(n.Boss[1:])
	switch n.Title {
	case 0:
		b = append(b, blank(), indent(fmt.Sprintf("%s %s nhận xét quá trình công tác của quần chúng có tên sau:", boss, n.OrgName)))
		who := c.Person.Name
		if bt != "" {
			who += ";  " + bt
		}
		b = append(b, label("Họ và tên: ", who))
	case 1:
		b = append(b, blank(), indent(fmt.Sprintf("%s %s xác nhận:", boss, n.OrgName)))
		who := honor(c.Person.Male) + ": " + c.Person.Name
		if bt != "" {
			who += ",  " + bt
		}
		b = append(b, label("", who))
	default:
		who := honor(c.Person.Male) + " " + c.Person.Name
		if bt != "" {
			who += " (" + bt + ")"
		}
		b = append(b, blank(), indent(fmt.Sprintf("Căn cứ hồ sơ cán bộ và kết quả đánh giá, xếp loại chất lượng hằng năm, %s tổng hợp kết quả của %s như sau:", n.OrgName, who)))
	}
	b = append(b, label("Chức vụ: ", c.Person.Position), label("Đơn vị công tác: ", c.unitText()))
	if !n.Employed.IsZero() {
		e := n.Employed
		switch n.EmpStyle {
		case 0:
			b = append(b, indent(fmt.Sprintf("Được tuyển dụng vào làm việc tại đơn vị từ tháng %02d/%d.", int(e.Month), e.Year)))
		case 1:
			b = append(b, indent(fmt.Sprintf("Công tác tại đơn vị từ ngày %s đến nay.", dstr(e, dsSlash0))))
		default:
			b = append(b, indent(fmt.Sprintf("Thời gian bắt đầu công tác tại cơ quan: tháng %d năm %d (hợp đồng làm việc xác định thời hạn, sau đó được tuyển dụng viên chức).", int(e.Month), e.Year)))
		}
	}
	b = append(b, indent("Trong quá trình công tác, đồng chí luôn chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước, nội quy của cơ quan; "+
		"có tinh thần trách nhiệm, đoàn kết với đồng nghiệp."),
		indent("Kết quả đánh giá, xếp loại chất lượng hằng năm như sau:"))
	rt := func(y YR) string {
		if y.Unrated != "" {
			return "Không thực hiện đánh giá, xếp loại (" + y.Unrated + ")"
		}
		s := ratingText(y.Rating, n.RStyle)
		if y.SelfOnly {
			s = "Cá nhân tự xếp loại: " + s + " (đơn vị chưa họp xét)"
		}
		return s
	}
	switch n.Layout {
	case 0, 3:
		rows := [][]corpus.Cell{{cellB("Năm"), cellB("Kết quả đánh giá, xếp loại"), cellB("Ghi chú")}}
		for _, y := range n.Years {
			s := rt(y)
			if n.Layout == 3 && y.Unrated == "" && !y.SelfOnly {
				s = ratingText(y.Rating, rsSpaced)
			}
			rows = append(rows, []corpus.Cell{cell(fmt.Sprint(y.Year)), cell(s), cell("")})
		}
		b = append(b, corpus.Table{Widths: []int{1500, 5200, 2400}, Rows: rows})
	case 1:
		var parts []string
		for i, y := range n.Years {
			s := fmt.Sprintf("năm %d %s", y.Year, strings.ToLower(rt(y)[:1])+rt(y)[1:])
			if n.Split && i == len(n.Years)-1 {
				// "năm 2023 hoàn / thành xuất sắc nhiệm vụ": a line break inside the rating.
				if k := strings.Index(s, " thành "); k > 0 {
					s = s[:k] + "\n" + s[k+1:]
				}
			}
			parts = append(parts, s)
		}
		b = append(b, indent("Kết quả: "+strings.Join(parts, "; ")+"."))
	case 2:
		for i, y := range n.Years {
			b = append(b, para(fmt.Sprintf("%d. Năm %d: %s.", i+1, y.Year, rt(y))))
		}
	case 4:
		// The years in one merged cell on the left, the ratings one per line.
		var ys, rs []corpus.Paragraph
		for _, y := range n.Years {
			ys = append(ys, center(fmt.Sprintf("Năm %d", y.Year)))
			rs = append(rs, para(rt(y)))
		}
		b = append(b, corpus.Table{Widths: []int{2200, 6900}, Rows: [][]corpus.Cell{
			{cellB("Thời gian"), cellB("Xếp loại chất lượng")},
			{{Paras: ys}, {Paras: rs}},
		}})
	}
	if n.Legend {
		b = append(b, corpus.Paragraph{Runs: []corpus.Run{{Text: legend, Italic: true}}, Size: 22})
	}
	if len(n.Awards) > 0 {
		b = append(b, indent("Khen thưởng:"))
		for _, a := range n.Awards {
			b = append(b, indent("- "+a.mention()+"."))
		}
	}
	b = append(b, indent("Đơn vị xác nhận các nội dung trên là đúng sự thật."),
		sign(n.Boss, "(Ký tên, đóng dấu)", n.Signer))
	return b
}

// QD is an award decision.
type QD struct {
	A Aw
	// Others are other people in the same decision, "Name, position, unit".
	Others []string
	// Includes puts the candidate among the recipients.
	Includes bool
	// Collective gives the award to a collective (the candidate's unit).
	Collective string
}

func (QD) Kind() hoso.DocKind { return hoso.DocQDKhen }

func (q QD) Facts(c *Case) Facts {
	f := Facts{Dated: q.A.Date}
	if q.Includes && q.Collective == "" {
		f.Awards = []corpus.Award{q.A.truth()}
	}
	return f
}

func (q QD) Blocks(c *Case) []corpus.Block {
	a := q.A
	left := []corpus.Paragraph{center(a.Org1)}
	if a.Org2 != "" {
		left = append(left, centerB(a.Org2))
	}
	left = append(left, center("———"), center("Số: "+a.Number))
	b := []corpus.Block{twoCol(left, []corpus.Paragraph{centerB("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"), centerB("Độc lập - Tự do - Hạnh phúc"),
		center("———"), centerI(a.Place + ", " + dstr(a.Date, dsLong0))}), blank(), title("QUYẾT ĐỊNH")}
	what := ""
	switch a.Kind {
	case hoso.AwardLaoDongTienTien:
		what = fmt.Sprintf("Về việc công nhận danh hiệu “Lao động tiên tiến” năm %d", a.Year)
	case hoso.AwardCSTDCoSo:
		what = fmt.Sprintf("Về việc công nhận danh hiệu “Chiến sĩ thi đua cơ sở” năm %d", a.Year)
	case hoso.AwardBangKhen:
		what = "Về việc tặng Bằng khen"
	default:
		what = "Về việc tặng Giấy khen"
	}
	b = append(b, centerB(what), center("———"), centerB(strings.ToUpper(a.Issuer)), blank())
	if a.Date.Year >= 2024 {
		b = append(b, indent("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
			indent("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"))
	} else {
		b = append(b, indent("Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;"),
			indent("Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;"))
	}
	b = append(b, indent("Xét đề nghị của Hội đồng Thi đua – Khen thưởng,"), centerB("QUYẾT ĐỊNH:"))
	var list []string
	if q.Includes && q.Collective == "" {
		list = append(list, fmt.Sprintf("%s %s, %s, %s;", honor(c.Person.Male), c.Person.Name, c.Person.Position, c.Person.Unit))
	}
	list = append(list, q.Others...)
	kind := map[hoso.AwardKind]string{hoso.AwardBangKhen: "Bằng khen", hoso.AwardGiayKhen: "Giấy khen"}[a.Kind]
	switch {
	case q.Collective != "":
		b = append(b, indent(fmt.Sprintf("Điều 1. Tặng %s cho tập thể %s đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm %d.", kind, q.Collective, a.Year)))
	case a.Kind == hoso.AwardLaoDongTienTien || a.Kind == hoso.AwardCSTDCoSo:
		t := "Lao động tiên tiến"
		if a.Kind == hoso.AwardCSTDCoSo {
			t = "Chiến sĩ thi đua cơ sở"
		}
		b = append(b, indent(fmt.Sprintf("Điều 1. Công nhận danh hiệu “%s” năm %d cho %02d cá nhân có tên sau:", t, a.Year, len(list))))
	default:
		b = append(b, indent(fmt.Sprintf("Điều 1. Tặng %s cho %02d cá nhân đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm %d, gồm:", kind, len(list), a.Year)))
	}
	for i, l := range list {
		b = append(b, indent(fmt.Sprintf("%d. %s", i+1, l)))
	}
	b = append(b, indent("Điều 2. Mức tiền thưởng kèm theo thực hiện theo quy định hiện hành."),
		indent("Điều 3. Chánh Văn phòng, Trưởng các phòng, đơn vị có liên quan và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
		signWith([]string{"Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, TĐKT."}, strings.ToUpper(strings.SplitN(a.Issuer, " ", 3)[0]+" "+strings.SplitN(a.Issuer, " ", 3)[1]), "Trần Đình Khôi"))
	return b
}

// LyLich is an excerpt of the lý lịch of the person applying (Mẫu 2-KNĐ).
type LyLich struct {
	Date   hoso.Date
	Birth  Birth
	BornAs hoso.Date // a date of birth different from the other papers'
	// Jobs are the work history lines; Employed is the start at the rating
	// unit when one of them states it.
	Jobs     []string
	Employed hoso.Date
	Awards   []Aw
}

func (LyLich) Kind() hoso.DocKind { return hoso.DocLyLich }

func (l LyLich) Facts(c *Case) Facts {
	_, born, year := c.birthText(l.Birth, l.BornAs, dsLong)
	f := Facts{Dated: l.Date, Born: born, BirthYear: year, Employed: l.Employed, Unit: true, Education: true, Position: true}
	for _, a := range l.Awards {
		f.Awards = append(f.Awards, a.truth())
	}
	return f
}

func (l LyLich) Blocks(c *Case) []corpus.Block {
	bt, born, year := c.birthText(l.Birth, l.BornAs, dsLong)
	b := []corpus.Block{corpus.Paragraph{Runs: []corpus.Run{{Text: "Mẫu 2-KNĐ", Italic: true}}, Align: "right", Size: 22},
		centerB("ĐẢNG CỘNG SẢN VIỆT NAM"), blank(), title("LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG"), centerI("(trích)"), blank(),
		label("1) Họ và tên đang dùng: ", upper(c.Person.Name)+"\tNam, nữ: "+map[bool]string{true: "Nam", false: "Nữ"}[c.Person.Male])}
	switch {
	case !born.IsZero():
		b = append(b, label("2) Sinh ngày: ", fmt.Sprintf("%02d tháng %02d năm %d", born.Day, int(born.Month), born.Year)))
	case year != 0:
		b = append(b, label("2) Năm sinh: ", fmt.Sprint(year)))
	default:
		_ = bt
	}
	b = append(b, label("3) Quê quán: ", c.Person.Hometown),
		label("4) Nơi ở hiện nay: ", c.Person.Address),
		label("5) Nghề nghiệp hiện nay: ", c.Person.Position+", "+c.unitText()),
		label("6) Trình độ hiện nay: ", "Giáo dục phổ thông: "+c.Person.Education+"; Chuyên môn: Đại học."),
		bold("NHỮNG CÔNG TÁC VÀ CHỨC VỤ ĐÃ QUA"))
	rows := [][]corpus.Cell{{cellB("Từ tháng, năm đến tháng, năm"), cellB("Làm công tác gì, ở đâu, giữ chức vụ gì?")}}
	for _, j := range l.Jobs {
		k := strings.Index(j, "|")
		rows = append(rows, []corpus.Cell{cell(j[:k]), cellL(j[k+1:])})
	}
	b = append(b, corpus.Table{Widths: []int{3000, 6100}, Rows: rows})
	if len(l.Awards) > 0 {
		b = append(b, bold("KHEN THƯỞNG"))
	}
	for _, a := range l.Awards {
		b = append(b, para("- "+a.mention()+"."))
	}
	b = append(b, corpus.Paragraph{Runs: []corpus.Run{{Text: c.Person.Hometown[strings.LastIndex(c.Person.Hometown, ",")+2:] + ", " + dstr(l.Date, dsLong0), Italic: true}}, Align: "right"},
		sign("NGƯỜI KHAI LÝ LỊCH", "(Ký, ghi rõ họ tên)", c.Person.Name))
	return b
}

// Don is the application (Mẫu 1-KNĐ).
type Don struct {
	To    []string // the "Kính gửi" lines
	Dang  string   // the đảng uỷ line among To, the addressee
	Date  hoso.Date
	Place string
	Birth Birth
}

func (Don) Kind() hoso.DocKind { return hoso.DocDon }

func (d Don) Facts(c *Case) Facts {
	_, born, year := c.birthText(d.Birth, hoso.Date{}, dsLong0)
	return Facts{Dated: d.Date, Born: born, BirthYear: year, Addressee: d.Dang, Unit: true, Education: true, Position: true}
}

func (d Don) Blocks(c *Case) []corpus.Block {
	bt, _, _ := c.birthText(d.Birth, hoso.Date{}, dsLong0)
	b := []corpus.Block{corpus.Paragraph{Runs: []corpus.Run{{Text: "Mẫu 1-KNĐ", Italic: true}}, Align: "right", Size: 22},
		centerB("ĐẢNG CỘNG SẢN VIỆT NAM"), center("———"), blank(), title("ĐƠN XIN VÀO ĐẢNG"), blank()}
	for i, t := range d.To {
		if i == 0 {
			b = append(b, label("Kính gửi: ", t))
			continue
		}
		b = append(b, indent("\t   "+t))
	}
	line := "Tôi là: " + c.Person.Name
	if bt != "" {
		line += ", " + bt
	}
	b = append(b, para(line+"."),
		para("Quê quán: "+c.Person.Hometown+"."),
		para("Trình độ: giáo dục phổ thông "+c.Person.Education+"; chuyên môn: đại học."),
		para("Nghề nghiệp, chức vụ, nơi công tác: "+c.Person.Position+", "+c.unitText()+"."),
		indent("Qua nghiên cứu Điều lệ Đảng Cộng sản Việt Nam, được sự giáo dục, bồi dưỡng của tổ chức đảng, tôi nhận thức được "+
			"Đảng Cộng sản Việt Nam là đội tiên phong của giai cấp công nhân, đồng thời là đội tiên phong của nhân dân lao động và của dân tộc Việt Nam."),
		indent("Tôi tự nguyện làm đơn này, xin được đứng vào hàng ngũ của Đảng Cộng sản Việt Nam. Nếu được kết nạp vào Đảng, tôi xin hứa "+
			"tuyệt đối trung thành với mục đích, lý tưởng của Đảng, chấp hành nghiêm chỉnh Cương lĩnh chính trị, Điều lệ Đảng, "+
			"nghị quyết, chỉ thị của Đảng, pháp luật của Nhà nước; hoàn thành tốt nhiệm vụ được giao; sống trung thực, khiêm tốn, giản dị; "+
			"giữ gìn sự đoàn kết thống nhất trong Đảng; gắn bó mật thiết với nhân dân, phục tùng tuyệt đối sự phân công của Đảng."),
		corpus.Paragraph{Runs: []corpus.Run{{Text: d.Place + ", " + dstr(d.Date, dsLong), Italic: true}}, Align: "right"},
		sign("NGƯỜI LÀM ĐƠN", "(Ký, ghi rõ họ tên)", c.Person.Name))
	return b
}

// GioiThieu is an introducer's giấy giới thiệu (Mẫu 3-KNĐ): the
// introducer's own date of birth and Party dates are not the candidate's.
type GioiThieu struct {
	Name           string
	Born           hoso.Date
	Joined, Member hoso.Date
	ChiBo          string
	Date           hoso.Date
	Place          string
	Since          int // year they began working with the candidate
}

func (GioiThieu) Kind() hoso.DocKind { return hoso.DocGioiThieu }

func (g GioiThieu) Facts(c *Case) Facts { return Facts{Dated: g.Date, Unit: true} }

func (g GioiThieu) Blocks(c *Case) []corpus.Block {
	return []corpus.Block{corpus.Paragraph{Runs: []corpus.Run{{Text: "Mẫu 3-KNĐ", Italic: true}}, Align: "right", Size: 22},
		centerB("ĐẢNG CỘNG SẢN VIỆT NAM"), center("———"), blank(), title("GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG"), blank(),
		label("Kính gửi: ", g.ChiBo),
		para(fmt.Sprintf("Tôi là: %s, sinh ngày %s.", g.Name, dstr(g.Born, dsSlash0))),
		para(fmt.Sprintf("Vào Đảng ngày %s, chính thức ngày %s.", dstr(g.Joined, dsSlash0), dstr(g.Member, dsSlash0))),
		para("Chức vụ trong Đảng: Đảng viên; chức vụ chính quyền: Phó trưởng phòng."),
		para("Đang sinh hoạt tại " + g.ChiBo + "."),
		para(fmt.Sprintf("Được chi bộ phân công giúp đỡ quần chúng %s phấn đấu vào Đảng; tôi cùng công tác với quần chúng từ năm %d, "+
			"tại %s.", c.Person.Name, g.Since, c.unitText())),
		indent("Tôi báo cáo với chi bộ những đặc điểm chính của quần chúng như sau: có lý lịch rõ ràng; lập trường tư tưởng vững vàng; " +
			"đạo đức, lối sống giản dị, trung thực; có năng lực công tác, được đồng nghiệp tín nhiệm."),
		indent("Tôi giới thiệu quần chúng " + c.Person.Name + " với chi bộ, đề nghị chi bộ xem xét kết nạp vào Đảng. Tôi xin chịu trách nhiệm trước Đảng về sự giới thiệu của mình."),
		corpus.Paragraph{Runs: []corpus.Run{{Text: g.Place + ", " + dstr(g.Date, dsLong), Italic: true}}, Align: "right"},
		sign("NGƯỜI GIỚI THIỆU", "(Ký, ghi rõ họ tên)", g.Name)}
}

// Cover is the cover letter sending the dossier up (a tờ trình or công
// văn): its date is not the dossier's.
type Cover struct {
	Party
	Date   hoso.Date
	Number string
}

func (Cover) Kind() hoso.DocKind { return hoso.DocOther }

func (v Cover) Facts(c *Case) Facts { return Facts{Dated: v.Date, Cover: true} }

func (v Cover) Blocks(c *Case) []corpus.Block {
	return []corpus.Block{twoCol(
		[]corpus.Paragraph{center(v.DangBo), centerB(upper(v.ChiBo)), center("*"), center("Số " + v.Number), centerI("V/v gửi hồ sơ đề nghị kết nạp đảng viên")},
		[]corpus.Paragraph{centerB("ĐẢNG CỘNG SẢN VIỆT NAM"), center("——————"), centerI(v.Place + ", " + dstr(v.Date, dsLong0))}),
		blank(), label("Kính gửi: ", "Ban Tổ chức "+v.Addressee),
		indent(fmt.Sprintf("%s gửi kèm theo công văn này hồ sơ đề nghị kết nạp đảng viên của quần chúng %s, đề nghị Ban Tổ chức thẩm định, "+
			"báo cáo Ban Thường vụ xem xét.", v.ChiBo, c.Person.Name)),
		indent("Hồ sơ gồm: nghị quyết của chi bộ; đơn xin vào Đảng; lý lịch; các phiếu đánh giá, xếp loại chất lượng; quyết định khen thưởng (nếu có)."),
		signWith([]string{"Nơi nhận:", "- Như trên;", "- Lưu chi bộ."}, "T/M CHI BỘ", "BÍ THƯ", "Lê Văn Thạnh")}
}

// ChungNhan is the certificate of the Party awareness course.
type ChungNhan struct {
	Date     hoso.Date
	From, To hoso.Date
	Centre   string
}

func (ChungNhan) Kind() hoso.DocKind { return hoso.DocChungNhan }

func (g ChungNhan) Facts(c *Case) Facts { return Facts{Dated: g.Date} }

func (g ChungNhan) Blocks(c *Case) []corpus.Block {
	return []corpus.Block{centerB(upper(g.Centre)), blank(), title("GIẤY CHỨNG NHẬN"), centerB("HỌC LỚP BỒI DƯỠNG NHẬN THỨC VỀ ĐẢNG"), blank(),
		para("Chứng nhận: " + c.Person.Name),
		para(fmt.Sprintf("Đã hoàn thành chương trình lớp bồi dưỡng nhận thức về Đảng, từ ngày %s đến ngày %s.", dstr(g.From, dsSlash0), dstr(g.To, dsSlash0))),
		para("Xếp loại: Khá."),
		corpus.Paragraph{Runs: []corpus.Run{{Text: dstr(g.Date, dsLong0), Italic: true}}, Align: "right"},
		sign("GIÁM ĐỐC", "Hoàng Minh Tâm")}
}

// NQDoanThe is the trade union's or youth union's resolution introducing
// the candidate (Mẫu 4-KNĐ): it has a meeting date of its own, which is
// not the chi bộ's.
type NQDoanThe struct {
	Union   string // "Ban Chấp hành Công đoàn cơ sở Trường Tiểu học Ea Tu"
	Head    []string
	Meeting hoso.Date
	Place   string
	ChiBo   string
	Youth   bool // Đoàn TNCS Hồ Chí Minh rather than Công đoàn
}

func (NQDoanThe) Kind() hoso.DocKind { return hoso.DocNQDoanThe }

func (n NQDoanThe) Facts(c *Case) Facts { return Facts{Dated: n.Meeting, Unit: true} }

func (n NQDoanThe) Blocks(c *Case) []corpus.Block {
	motto := []corpus.Paragraph{centerB("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"), centerB("Độc lập - Tự do - Hạnh phúc")}
	what, member := "Giới thiệu đoàn viên công đoàn ưu tú vào Đảng", "đoàn viên công đoàn"
	if n.Youth {
		motto = []corpus.Paragraph{centerB("ĐOÀN TNCS HỒ CHÍ MINH")}
		what, member = "Giới thiệu đoàn viên ưu tú vào Đảng", "đoàn viên"
	}
	var left []corpus.Paragraph
	for _, h := range n.Head {
		left = append(left, centerB(h))
	}
	motto = append(motto, center("———"), centerI(n.Place+", "+dstr(n.Meeting, dsLong0)))
	return []corpus.Block{corpus.Paragraph{Runs: []corpus.Run{{Text: "Mẫu 4-KNĐ", Italic: true}}, Align: "right", Size: 22},
		twoCol(left, motto), blank(), title("NGHỊ QUYẾT"), centerB(what), blank(),
		indent(fmt.Sprintf("Hôm nay, %s, %s đã họp xét giới thiệu %s %s vào Đảng.", dstr(n.Meeting, dsLong), n.Union, member, c.Person.Name)),
		indent("Đồng chí " + c.Person.Name + ", " + c.Person.Position + ", " + c.unitText() + "; có lập trường tư tưởng vững vàng, gương mẫu trong công tác và sinh hoạt."),
		indent(fmt.Sprintf("Hội nghị nhất trí giới thiệu %s %s để %s xem xét, kết nạp vào Đảng Cộng sản Việt Nam.", member, c.Person.Name, n.ChiBo)),
		sign("T/M BAN CHẤP HÀNH", "CHỦ TỊCH", "Lò Văn Sướng")}
}

package corpus

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso"
)

// Document returns the papers of kinds as one document, each paper on a
// new page. With no kinds it returns every paper of the dossier.
func (d *Dossier) Document(kinds ...DocKind) *Document {
	if len(kinds) == 0 {
		kinds = d.Docs
	}
	doc := &Document{}
	for i, k := range kinds {
		if i > 0 {
			doc.Body = append(doc.Body, PageBreak{})
		}
		switch k {
		case DocLyLich:
			doc.Body = append(doc.Body, d.lyLich()...)
		case DocDon:
			doc.Body = append(doc.Body, d.don()...)
		case DocCertificate:
			doc.Body = append(doc.Body, d.certificate()...)
		case DocAppraisal:
			doc.Body = append(doc.Body, d.appraisal()...)
		case DocReviews:
			for j, r := range d.Reviews {
				if j > 0 {
					doc.Body = append(doc.Body, PageBreak{})
				}
				doc.Body = append(doc.Body, d.review(r)...)
			}
		case DocDecisions:
			first := true
			for _, a := range d.Awards {
				if !a.Decision && !a.DecisionOnly {
					continue
				}
				if !first {
					doc.Body = append(doc.Body, PageBreak{})
				}
				first = false
				doc.Body = append(doc.Body, d.decision(a)...)
			}
		case DocResolution:
			doc.Body = append(doc.Body, d.resolution()...)
		}
	}
	if d.Style.HeaderFooter {
		h := "Hồ sơ quần chúng " + d.Person.Name
		if !d.Person.Born.IsZero() {
			h += ", sinh ngày " + slashDate(d.Person.Born)
		}
		doc.Header = []Paragraph{{Runs: []Run{{Text: h, Italic: true}}, Align: "right", Size: 22}}
		doc.Footer = []Paragraph{{Runs: []Run{{Text: "Hồ sơ đề nghị kết nạp đảng viên – " + d.ChiBo}}, Align: "center", Size: 20}}
	}
	return doc
}

// showDOB says whether papers print the date of birth in their body.
func (d *Dossier) showDOB() bool {
	return !d.Style.NoDOB && !d.Style.HeaderFooter && !d.Person.Born.IsZero()
}

func heading(text string) Paragraph {
	return Paragraph{Runs: []Run{{Text: text}}, Align: "center", Heading: true, Bold: true, Size: 28}
}

func centered(text string, bold, italic bool) Paragraph {
	return Paragraph{Runs: []Run{{Text: text, Bold: bold, Italic: italic}}, Align: "center"}
}

func body(text string) Paragraph {
	return Paragraph{Runs: []Run{{Text: text}}, Align: "both", Indent: 567}
}

func field(label, value string) Paragraph {
	return Paragraph{Runs: []Run{{Text: label}, {Text: value, Bold: true}}}
}

// heads is the two-column borderless block at the top of a paper.
func heads(left, right []Paragraph) Table {
	for _, ps := range [][]Paragraph{left, right} {
		for i := range ps {
			if ps[i].Size == 0 {
				ps[i].Size = 24
			}
		}
	}
	return Table{Widths: []int{4000, 5400}, Borderless: true, Rows: [][]Cell{{{Paras: left}, {Paras: right}}}}
}

// capsHead is a heading line that is written in capitals; TCVN3 puts it
// in the H font.
func capsHead(text string, bold bool) Paragraph {
	return Paragraph{Runs: []Run{{Text: text, Bold: bold}}, Align: "center", Heading: true}
}

func stateHeads(parent, agency, place string, date hoso.Date, number string) Table {
	var left []Paragraph
	if parent != "" {
		left = append(left, capsHead(parent, false))
	}
	left = append(left, capsHead(agency, true))
	if number != "" {
		left = append(left, centered("Số: "+number, false, false))
	}
	right := []Paragraph{
		capsHead("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", true),
		centered("Độc lập - Tự do - Hạnh phúc", true, false),
	}
	if !date.IsZero() {
		right = append(right, centered(place+", "+date.Vietnamese(), false, true))
	}
	return heads(left, right)
}

func signature(title []string, name string) []Block {
	var ps []Paragraph
	for _, t := range title {
		ps = append(ps, capsHead(t, true))
	}
	ps = append(ps, centered("(Ký, ghi rõ họ tên, đóng dấu)", false, true), P(""), P(""), centered(name, true, false))
	return []Block{Table{Widths: []int{4300, 4800}, Borderless: true, Rows: [][]Cell{{{}, {Paras: ps}}}}}
}

func (d *Dossier) pronoun() string {
	if d.Person.Male {
		return "ông"
	}
	return "bà"
}

func (d *Dossier) lyLich() []Block {
	p := d.Person
	sex := "Nữ"
	if p.Male {
		sex = "Nam"
	}
	bl := []Block{
		heads([]Paragraph{capsHead("ĐẢNG CỘNG SẢN VIỆT NAM", true)}, []Paragraph{{Runs: []Run{{Text: "Mẫu 2-KNĐ"}}, Align: "right"}}),
		heading("LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG"),
		centered("(Trích các mục 01–17)", false, true),
		field("01) Họ và tên đang dùng: ", strings.ToUpper(p.Name)),
		field("02) Nam, nữ: ", sex),
		field("03) Họ và tên khai sinh: ", p.Name),
		field("04) Các bí danh: ", "Không"),
	}
	if d.showDOB() {
		bl = append(bl, field("05) Sinh ngày ", d.dobWords()))
	} else {
		bl = append(bl, field("05) Sinh ngày ", "…… tháng …… năm ……"))
	}
	bl = append(bl,
		field("06) Nơi sinh: ", p.BirthSite),
		field("07) Quê quán: ", p.HomeTown),
		field("08) Nơi thường trú: ", p.Residence),
		field("09) Dân tộc: ", p.Ethnic),
		field("10) Tôn giáo: ", p.Religion),
		field("11) Nghề nghiệp hiện nay: ", d.Position),
		field("12) Đơn vị công tác: ", d.Unit),
		field("13) Chức vụ: ", d.Position),
		P("14) Trình độ hiện nay:"),
		field("- Giáo dục phổ thông: ", p.Education),
		field("- Lý luận chính trị: ", "Sơ cấp"),
		field("- Ngoại ngữ: ", "Tiếng Anh trình độ B1"),
		field("15) Ngày vào Đoàn TNCS Hồ Chí Minh: ", fmt.Sprintf("26/3/%d", yearOr(p.Born, 1990)+15)),
		P("16) Khen thưởng: xem Bản tổng hợp kết quả đánh giá, xếp loại kèm theo."),
		P("17) Kỷ luật: Không."),
		P(""),
		Paragraph{Runs: []Run{{Text: d.Place + ", " + longDate(d.LyLichDate), Italic: true}}, Align: "right"},
		Paragraph{Runs: []Run{{Text: "NGƯỜI KHAI", Bold: true}}, Align: "right", Heading: true},
		Paragraph{Runs: []Run{{Text: "(Ký, ghi rõ họ và tên)", Italic: true}}, Align: "right"},
		P(""),
		Paragraph{Runs: []Run{{Text: p.Name, Bold: true}}, Align: "right"},
	)
	return bl
}

// dobWords is the date of birth as "12 tháng 5 năm 1990"; with
// Style.NumericDates days and months take a leading zero, as on an ID card.
func (d *Dossier) dobWords() string {
	b := d.Person.Born
	if d.Style.NumericDates {
		return fmt.Sprintf("%02d tháng %02d năm %d", b.Day, int(b.Month), b.Year)
	}
	return fmt.Sprintf("%d tháng %d năm %d", b.Day, int(b.Month), b.Year)
}

func yearOr(d hoso.Date, y int) int {
	if d.IsZero() {
		return y
	}
	return d.Year
}

func (d *Dossier) don() []Block {
	p := d.Person
	bl := []Block{
		heads([]Paragraph{capsHead("ĐẢNG CỘNG SẢN VIỆT NAM", true)}, []Paragraph{{Runs: []Run{{Text: "Mẫu 1-KNĐ"}}, Align: "right"}}),
		heading("ĐƠN XIN VÀO ĐẢNG"),
		centered("Kính gửi: Chi uỷ "+d.ChiBo+",", false, false),
		centered(d.DangUy+".", false, false),
		field("Tôi là: ", p.Name),
	}
	if d.showDOB() {
		bl = append(bl, P("Sinh ngày "+d.dobWords()))
	}
	bl = append(bl,
		P("Nơi sinh: "+p.BirthSite),
		P("Quê quán: "+p.HomeTown),
		P("Dân tộc: "+p.Ethnic+"; tôn giáo: "+p.Religion),
		P("Trình độ học vấn: "+p.Education),
		P("Nghề nghiệp, đơn vị công tác: "+d.Position+", "+d.Unit),
		body("Sau khi được học tập, nghiên cứu Điều lệ Đảng, Cương lĩnh chính trị của Đảng, tôi nhận thức rõ Đảng Cộng sản Việt Nam là đội tiên phong của giai cấp công nhân, đồng thời là đội tiên phong của nhân dân lao động và của dân tộc Việt Nam."),
		body("Tôi tự nguyện làm đơn này, xin được đứng trong hàng ngũ của Đảng. Nếu được đứng vào hàng ngũ của Đảng, tôi xin hứa chấp hành nghiêm chỉnh Cương lĩnh chính trị, Điều lệ Đảng, nghị quyết, chỉ thị của Đảng, chính sách, pháp luật của Nhà nước; suốt đời phấn đấu cho mục đích, lý tưởng của Đảng."),
		Paragraph{Runs: []Run{{Text: d.Place + ", " + longDate(d.Applied), Italic: true}}, Align: "right"},
		Paragraph{Runs: []Run{{Text: "NGƯỜI LÀM ĐƠN", Bold: true}}, Align: "right", Heading: true},
		Paragraph{Runs: []Run{{Text: "(Ký, ghi rõ họ và tên)", Italic: true}}, Align: "right"},
		P(""),
		Paragraph{Runs: []Run{{Text: p.Name, Bold: true}}, Align: "right"},
	)
	return bl
}

func (d *Dossier) certificate() []Block {
	p := d.Person
	start := d.CertDate.Time().AddDate(0, 0, -10)
	end := d.CertDate.Time().AddDate(0, 0, -6)
	bl := []Block{
		heads([]Paragraph{capsHead(strings.ToUpper(d.DangUy), true), centered("*", false, false),
			centered(fmt.Sprintf("Số %d-GCN/ĐU", 100+len(p.Name)*3), false, false)},
			[]Paragraph{capsHead("ĐẢNG CỘNG SẢN VIỆT NAM", true), centered(d.Place+", "+d.CertDate.Vietnamese(), false, true)}),
		heading("GIẤY CHỨNG NHẬN"),
		capsHead("HỌC LỚP BỒI DƯỠNG NHẬN THỨC VỀ ĐẢNG", true),
		field("Chứng nhận quần chúng: ", p.Name),
	}
	if d.showDOB() {
		bl = append(bl, P("Sinh ngày: "+slashDate(p.Born)))
	}
	bl = append(bl,
		P("Đơn vị công tác: "+d.Unit),
		body(fmt.Sprintf("Đã hoàn thành chương trình lớp bồi dưỡng nhận thức về Đảng, tổ chức từ ngày %s đến ngày %s.",
			slashDate(hoso.DateOf(start)), slashDate(hoso.DateOf(end)))),
		P("Kết quả học tập: Khá"),
	)
	return append(bl, signature([]string{"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"}, "Đỗ Quang Vinh")...)
}

// label is the rating as written in the appraisal.
func (d *Dossier) label(r Rated) string {
	s := r.Label
	if s == "" {
		switch {
		case d.Style.Abbrev:
			s = r.Rating.String()
		case r.Rating == hoso.RatingHTNV && r.Year >= 2015 && r.Year <= 2019 && !d.VienChuc:
			s = "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"
		default:
			s = upperFirst(r.Rating.Vietnamese())
		}
	}
	if d.Style.AllCaps {
		s = strings.ToUpper(s)
	}
	return s
}

// awardText is an award as the Khen thưởng column writes it.
func awardText(a Commendation) string {
	s := a.Title
	if dec := a.DecisionText(); dec != "" {
		s += " (" + dec + ")"
	}
	return s
}

// awardSentence is an award as a prose appraisal writes it.
func awardSentence(a Commendation) string {
	var s string
	switch a.Kind {
	case hoso.AwardGiayKhen, hoso.AwardBangKhen:
		if a.Issuer != "" {
			s = "được " + a.Issuer + " tặng " + a.Title
		} else {
			s = "được tặng " + a.Title
		}
	default:
		s = "đạt danh hiệu " + a.Title
		if a.Issuer != "" && a.Number == "" {
			s += " do " + a.Issuer + " công nhận"
		}
	}
	if dec := a.DecisionText(); dec != "" {
		s += " theo " + dec
		if a.Kind != hoso.AwardGiayKhen && a.Kind != hoso.AwardBangKhen && a.Issuer != "" {
			s += " của " + a.Issuer
		}
	}
	return s
}

// yearAwards returns the awards the appraisal summary writes for year.
func (d *Dossier) yearAwards(year int) []Commendation {
	var out []Commendation
	for _, a := range d.Awards {
		if a.Year == year && !a.DecisionOnly {
			out = append(out, a)
		}
	}
	return out
}

func (d *Dossier) ratingRuns(r Rated, prose bool) []Run {
	l := d.label(r)
	if prose && !d.Style.AllCaps && !d.Style.Abbrev && r.Label == "" {
		l = lowerFirst(l)
	}
	var runs []Run
	if r.Deleted != "" && d.Style.Tracked {
		del := r.Deleted
		if prose {
			del = lowerFirst(del)
		}
		runs = append(runs, Run{Text: del, Del: true}, Run{Text: l, Ins: true})
	} else {
		runs = append(runs, Run{Text: l})
	}
	if d.Style.SDT {
		for i := range runs {
			runs[i].SDT = fmt.Sprintf("xep_loai_%d", r.Year)
		}
	}
	if d.Style.Wrappers {
		for i := range runs {
			runs[i].Wrap = []string{"field", "hyperlink"}[r.Year%2]
		}
	}
	return runs
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToLower(string(r[:1])) + string(r[1:])
}

func (d *Dossier) appraisal() []Block {
	p := d.Person
	group := "CÁN BỘ, CÔNG CHỨC"
	if d.VienChuc {
		group = "VIÊN CHỨC"
	}
	bl := []Block{
		stateHeads(d.Parent, d.Agency, d.Place, d.AppraisalDate, ""),
		P(""),
		heading("BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI " + group),
		centered("(Kèm theo hồ sơ đề nghị kết nạp đảng viên)", false, true),
		field("Họ và tên: ", p.Name),
	}
	if d.showDOB() {
		bl = append(bl, P("Ngày, tháng, năm sinh: "+slashDate(p.Born)))
	}
	bl = append(bl,
		field("Chức vụ: ", d.Position),
		field("Đơn vị công tác: ", d.Unit),
		body(fmt.Sprintf("Căn cứ hồ sơ cán bộ và kết quả đánh giá, xếp loại hằng năm, %s tổng hợp kết quả đánh giá, xếp loại và khen thưởng của %s %s như sau:",
			d.Unit, d.pronoun(), p.Name)),
	)
	rows := d.Appraisals
	var boxed *Rated
	if d.Style.TextBox && len(rows) > 0 {
		boxed = &rows[len(rows)-1]
		rows = rows[:len(rows)-1]
	}
	if d.Style.Prose {
		for _, r := range rows {
			bl = append(bl, d.proseRow(r))
		}
	} else {
		bl = append(bl, d.appraisalTable(rows))
	}
	if boxed != nil {
		bl = append(bl, P("Kết quả năm gần nhất:"), TextBox{Paras: []Paragraph{d.proseRow(*boxed)}, Alt: d.Style.AltTextBox})
	}
	bl = append(bl, body("Bản tổng hợp này được lập để bổ sung hồ sơ đề nghị kết nạp đảng viên theo yêu cầu của cấp uỷ."))
	return append(bl, signature(strings.Split(d.HeadTitle, "|"), d.HeadName)...)
}

func cell(text string, align string, bold bool) Cell {
	return Cell{Paras: []Paragraph{{Runs: []Run{{Text: text}}, Align: align, Bold: bold}}}
}

// appraisalTable is the Năm | Xếp loại chất lượng | Khen thưởng table;
// Style.Merged adds an STT column and a title row spanning the table and
// writes "Năm 2018" in the year cells; Style.TrackedRow writes a rating
// with Deleted text as a deleted row followed by an inserted one.
func (d *Dossier) appraisalTable(rows []Rated) Table {
	t := Table{Widths: []int{1300, 3900, 3900}, Tracked: map[int]string{}}
	lead := func(i int) []Cell { return nil }
	year := func(y int) string { return fmt.Sprint(y) }
	if d.Style.Merged {
		t.Widths = []int{700, 1500, 3400, 3500}
		t.Rows = append(t.Rows, []Cell{{Paras: []Paragraph{{Runs: []Run{{Text: "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI VÀ KHEN THƯỞNG"}}, Align: "center", Bold: true, Heading: true}}, Span: 4}})
		lead = func(i int) []Cell { return []Cell{cell(fmt.Sprint(i), "center", false)} }
		year = func(y int) string { return fmt.Sprintf("Năm %d", y) }
		t.Rows = append(t.Rows, append([]Cell{cell("STT", "center", true)},
			cell("Năm", "center", true), cell("Xếp loại chất lượng", "center", true), cell("Khen thưởng", "center", true)))
	} else {
		t.Rows = append(t.Rows, []Cell{cell("Năm", "center", true), cell("Xếp loại chất lượng", "center", true), cell("Khen thưởng", "center", true)})
	}
	n := 0
	for _, r := range rows {
		var aw []Paragraph
		for _, a := range d.yearAwards(r.Year) {
			aw = append(aw, P(awardText(a)))
		}
		if r.Remark != "" {
			aw = append(aw, P(r.Remark))
		}
		if d.Style.TrackedRow && r.Deleted != "" {
			n++
			t.Tracked[len(t.Rows)] = "del"
			t.Rows = append(t.Rows, append(lead(n),
				Cell{Paras: []Paragraph{{Runs: []Run{{Text: year(r.Year), Del: true}}, Align: "center"}}},
				Cell{Paras: []Paragraph{{Runs: []Run{{Text: r.Deleted, Del: true}}}}}, Cell{}))
			t.Tracked[len(t.Rows)] = "ins"
			t.Rows = append(t.Rows, append(lead(n),
				Cell{Paras: []Paragraph{{Runs: []Run{{Text: year(r.Year), Ins: true}}, Align: "center"}}},
				Cell{Paras: []Paragraph{{Runs: []Run{{Text: d.label(r), Ins: true}}}}}, Cell{Paras: aw}))
			continue
		}
		n++
		t.Rows = append(t.Rows, append(lead(n),
			cell(year(r.Year), "center", false),
			Cell{Paras: []Paragraph{{Runs: d.ratingRuns(r, false)}}},
			Cell{Paras: aw}))
	}
	return t
}

// proseRow is one year of a prose appraisal.
func (d *Dossier) proseRow(r Rated) Paragraph {
	runs := []Run{{Text: fmt.Sprintf("Năm %d: ", r.Year)}}
	if d.Style.Tabs {
		runs = []Run{{Text: fmt.Sprintf("Năm %d:\t", r.Year)}}
	}
	runs = append(runs, d.ratingRuns(r, true)...)
	var tail []string
	for _, a := range d.yearAwards(r.Year) {
		tail = append(tail, awardSentence(a))
	}
	if r.Remark != "" {
		tail = append(tail, r.Remark)
	}
	switch {
	case len(tail) > 0 && d.Style.Tabs:
		runs = append(runs, Run{Text: ".\nKhen thưởng:\t" + strings.Join(tail, "; ") + "."})
	case len(tail) > 0:
		runs = append(runs, Run{Text: ", " + strings.Join(tail, "; ") + "."})
	default:
		runs = append(runs, Run{Text: "."})
	}
	p := Paragraph{Runs: runs, Align: "both"}
	if d.Style.Tabs {
		p.Align = "" // justified text would stretch the line before each w:br
	}
	if d.Style.Numbered {
		p.Numbered = true
	} else {
		p.Indent = 567
	}
	return p
}

func (d *Dossier) review(r Review) []Block {
	group := "CÔNG CHỨC"
	if d.VienChuc {
		group = "VIÊN CHỨC"
	}
	bl := []Block{
		stateHeads(d.Parent, d.Agency, d.Place, r.Date, ""),
		heading(fmt.Sprintf("PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG %s NĂM %d", group, r.Year)),
		field("Họ và tên: ", d.Person.Name),
		field("Chức vụ: ", d.Position),
		field("Đơn vị công tác: ", d.Unit),
		P("I. KẾT QUẢ TỰ ĐÁNH GIÁ"),
		body("Chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; giữ gìn đạo đức, lối sống; hoàn thành các nhiệm vụ được giao trong năm."),
		P("II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CỦA CẤP CÓ THẨM QUYỀN"),
		Paragraph{Runs: append([]Run{{Text: "Xếp loại chất lượng: "}}, d.ratingRuns(r.Rated, false)...)},
	}
	return append(bl, signature([]string{"THỦ TRƯỞNG ĐƠN VỊ"}, d.HeadName)...)
}

// issuerHead returns the heading and signer title of an award's issuer.
func (d *Dossier) issuerHead(a Commendation) (parent, agency, title string) {
	switch {
	case strings.HasPrefix(a.Issuer, "Chủ tịch UBND tỉnh"):
		return "", "UỶ BAN NHÂN DÂN TỈNH " + strings.ToUpper(d.Place), "CHỦ TỊCH"
	case strings.HasPrefix(a.Issuer, "Chủ tịch UBND huyện"):
		return "UỶ BAN NHÂN DÂN", "HUYỆN " + strings.ToUpper(strings.TrimPrefix(a.Issuer, "Chủ tịch UBND huyện ")), "CHỦ TỊCH"
	case strings.HasPrefix(a.Issuer, "Giám đốc"):
		return d.Parent, d.Agency, "GIÁM ĐỐC"
	case strings.HasPrefix(a.Issuer, "Hiệu trưởng"):
		return d.Parent, d.Agency, "HIỆU TRƯỞNG"
	}
	return d.Parent, d.Agency, "THỦ TRƯỞNG ĐƠN VỊ"
}

func (d *Dossier) decision(a Commendation) []Block {
	parent, agency, title := d.issuerHead(a)
	what := "Về việc tặng " + a.Title
	grant := "Tặng " + a.Title
	if a.Kind != hoso.AwardGiayKhen && a.Kind != hoso.AwardBangKhen {
		what = "Về việc công nhận danh hiệu " + a.Title
		grant = "Công nhận danh hiệu " + a.Title
	}
	bl := []Block{
		stateHeads(parent, agency, d.Place, a.Date, a.Number),
		P(""),
		heading("QUYẾT ĐỊNH"),
		centered(what+" năm "+fmt.Sprint(a.Year), true, false),
		capsHead(title+" "+strings.TrimSpace(strings.TrimPrefix(parent+" ", d.Parent+" ")+agency), true),
		body("Căn cứ Luật Thi đua, Khen thưởng và các văn bản hướng dẫn thi hành;"),
		body("Xét đề nghị của Hội đồng Thi đua - Khen thưởng,"),
		capsHead("QUYẾT ĐỊNH:", true),
		body(fmt.Sprintf("Điều 1. %s cho %s %s, %s, %s, đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm %d.",
			grant, d.pronoun(), d.Person.Name, d.Position, d.Unit, a.Year)),
		body("Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng phòng Tổ chức cán bộ và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."),
	}
	return append(bl, signature([]string{title}, "Phạm Văn Thắng")...)
}

func (d *Dossier) resolution() []Block {
	m := d.Meeting
	present := d.Members - 1
	agree := present
	pct := fmt.Sprintf("%.1f", float64(agree)*100/float64(d.Members))
	pct = strings.Replace(pct, ".", ",", 1)
	meet := []Run{{Text: "Hôm nay, "}, {Text: longDate(m)}, {Text: ", " + d.ChiBo + " họp để xét đề nghị kết nạp quần chúng " + d.Person.Name + " vào Đảng Cộng sản Việt Nam."}}
	if d.Style.NumericDates {
		meet[0].Text = "Hôm nay, vào lúc 14 giờ 00 phút "
		meet[1].Text = fmt.Sprintf("ngày %02d/%d/%d", m.Day, int(m.Month), m.Year)
		meet[2].Text = ", tại phòng họp cơ quan, " + d.ChiBo + " tiến hành họp xét đề nghị kết nạp quần chúng " + d.Person.Name + " vào Đảng Cộng sản Việt Nam."
	}
	if d.Style.SDT {
		meet[1].SDT = "ngay_hop"
	}
	if d.Style.Wrappers {
		meet[1].Wrap = "smarttag"
	}
	bl := []Block{
		heads([]Paragraph{capsHead(strings.ToUpper(d.DangUy), false), capsHead(strings.ToUpper(d.ChiBo), true), centered("*", false, false),
			centered(fmt.Sprintf("Số %02d-NQ/CB", int(m.Month)+1), false, false)},
			[]Paragraph{capsHead("ĐẢNG CỘNG SẢN VIỆT NAM", true), centered(d.Place+", "+m.Vietnamese(), false, true)}),
		P(""),
		heading("NGHỊ QUYẾT"),
		capsHead("ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN", true),
		Paragraph{Runs: meet, Align: "both", Indent: 567},
		body(fmt.Sprintf("Tổng số đảng viên của chi bộ: %d đồng chí, trong đó chính thức: %d đồng chí. Có mặt: %d đồng chí; vắng mặt: 1 đồng chí (có lý do).",
			d.Members, d.Members, present)),
		body("Chủ trì hội nghị: đồng chí " + d.Secretary + ", Bí thư chi bộ."),
		body("Sau khi nghiên cứu lý lịch, đơn xin vào Đảng, bản tổng hợp kết quả đánh giá, xếp loại và ý kiến nhận xét của các đoàn thể chính trị - xã hội nơi công tác, chi uỷ nơi cư trú, chi bộ đã thảo luận, biểu quyết và kết luận như sau:"),
		body("1. Những ưu điểm, khuyết điểm chính của quần chúng " + d.Person.Name + ":"),
		body("- Về phẩm chất chính trị, đạo đức, lối sống: có lập trường tư tưởng vững vàng, chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; lối sống giản dị, trung thực."),
		body("- Về năng lực công tác và quan hệ quần chúng: nhiệt tình, có trách nhiệm, được đồng nghiệp tín nhiệm."),
		body("- Khuyết điểm: đôi lúc còn ngại va chạm trong đấu tranh phê bình."),
		body(fmt.Sprintf("2. Số đảng viên chính thức tán thành việc kết nạp: %d/%d đồng chí (đạt %s%%); không tán thành: 0 đồng chí.", agree, d.Members, pct)),
		body("Chi bộ đề nghị " + d.DangUy + " xem xét, kết nạp quần chúng " + d.Person.Name + " vào Đảng Cộng sản Việt Nam."),
	}
	return append(bl, signature([]string{"T/M CHI BỘ", "BÍ THƯ"}, d.Secretary)...)
}

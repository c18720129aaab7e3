package forms

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso"
)

// Ratings in case tables.
const (
	XS = hoso.RatingHTXSNV
	T  = hoso.RatingHTTNV
	H  = hoso.RatingHTNV
	K  = hoso.RatingKHTNV
)

// "Căn cứ" lines of resolutions, each with its own older date.
const (
	ccDieuLe = "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"
	ccQD24   = "Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
	ccHD12   = "Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 18/01/2022 của Ban Tổ chức Trung ương về một số vấn đề cụ thể nghiệp vụ công tác đảng viên;"
	ccHD01   = "Căn cứ Hướng dẫn số 01-HD/TW ngày 28/9/2021 của Ban Bí thư về một số vấn đề cụ thể thi hành Điều lệ Đảng;"
	ccQD29   = "Căn cứ Quy định số 29-QĐ/TW ngày 25/7/2016 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
	ccHD09   = "Căn cứ Hướng dẫn số 09-HD/BTCTW ngày 05/6/2017 của Ban Tổ chức Trung ương về nghiệp vụ công tác đảng viên;"
)

// canCu are the usual "Căn cứ" lines for a meeting in that year.
func canCu(meeting hoso.Date) []string {
	if meeting.Year >= 2022 {
		return []string{ccDieuLe, ccQD24, ccHD12}
	}
	return []string{ccDieuLe, ccQD29, ccHD09}
}

// plan is a chi bộ's own plan of the meeting year, dated in January.
func plan(u Unit, year int) string {
	return fmt.Sprintf("Căn cứ Kế hoạch số 02-KH/CB ngày 10/01/%d của %s về công tác phát triển đảng viên năm %d;", year, u.ChiBo, year)
}

var units = []Unit{
	{Name: "Sở Tài chính tỉnh Thái Bình", Parent: "UBND TỈNH THÁI BÌNH", Agency: "SỞ TÀI CHÍNH", Place: "Thái Bình",
		HeadTitle: "GIÁM ĐỐC", Head: "Phạm Văn Xuyên", Pos: "Chuyên viên", Signer: "Giám đốc Sở Tài chính",
		DangBo: "ĐẢNG BỘ SỞ TÀI CHÍNH", ChiBo: "Chi bộ Phòng Quản lý ngân sách", DangUy: "Đảng uỷ Sở Tài chính tỉnh Thái Bình",
		Secretary: "Nguyễn Thị Thanh Bình", Members: 9},
	{Name: "Trung tâm Huấn luyện và Thi đấu thể dục thể\nthao thành phố Cần Thơ", Parent: "SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH", Agency: "TRUNG TÂM HUẤN LUYỆN VÀ THI ĐẤU TDTT", Place: "Cần Thơ",
		HeadTitle: "GIÁM ĐỐC", Head: "Trần Quốc Việt", Pos: "Huấn luyện viên", Signer: "Giám đốc Trung tâm Huấn luyện và Thi đấu thể dục thể thao", VienChuc: true,
		DangBo: "ĐẢNG BỘ SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH", ChiBo: "Chi bộ Trung tâm Huấn luyện và Thi đấu", DangUy: "Đảng uỷ Sở Văn hoá, Thể thao và Du lịch thành phố Cần Thơ",
		Secretary: "Lâm Văn Phước", Members: 14},
	{Name: "Văn phòng Đăng ký đất\nđai tỉnh Thừa Thiên Huế", Parent: "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", Agency: "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", Place: "Huế",
		HeadTitle: "GIÁM ĐỐC", Head: "Hồ Đắc Thành", Pos: "Viên chức", Signer: "Giám đốc Văn phòng Đăng ký đất đai", VienChuc: true,
		DangBo: "ĐẢNG BỘ SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", ChiBo: "Chi bộ Văn phòng Đăng ký đất đai", DangUy: "Đảng uỷ Sở Tài nguyên và Môi trường tỉnh Thừa Thiên Huế",
		Secretary: "Tôn Nữ Minh Thư", Members: 11},
	{Name: "Kho bạc Nhà nước Hà Tĩnh", Parent: "KHO BẠC NHÀ NƯỚC", Agency: "KHO BẠC NHÀ NƯỚC HÀ TĨNH", Place: "Hà Tĩnh",
		HeadTitle: "GIÁM ĐỐC", Head: "Đậu Xuân Hùng", Pos: "Kiểm soát viên", Signer: "Giám đốc Kho bạc Nhà nước Hà Tĩnh",
		DangBo: "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", ChiBo: "Chi bộ Phòng Kế toán nhà nước", DangUy: "Đảng uỷ Kho bạc Nhà nước Hà Tĩnh",
		Secretary: "Trần Thị Hoài", Members: 8},
	{Name: "Bệnh viện Đa khoa tỉnh Lạng Sơn", Parent: "SỞ Y TẾ TỈNH LẠNG SƠN", Agency: "BỆNH VIỆN ĐA KHOA TỈNH", Place: "Lạng Sơn",
		HeadTitle: "GIÁM ĐỐC", Head: "Hoàng Văn Chung", Pos: "Điều dưỡng hạng IV", Signer: "Giám đốc Bệnh viện Đa khoa tỉnh Lạng Sơn", VienChuc: true,
		DangBo: "ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH", ChiBo: "Chi bộ Khoa Nội tổng hợp", DangUy: "Đảng uỷ Bệnh viện Đa khoa tỉnh Lạng Sơn",
		Secretary: "Nông Thị Hằng", Members: 12},
	{Name: "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng\nvà công nghiệp tỉnh Quảng Ngãi", Parent: "UBND TỈNH QUẢNG NGÃI", Agency: "BAN QLDA ĐTXD CÁC CÔNG TRÌNH DD&CN", Place: "Quảng Ngãi",
		HeadTitle: "GIÁM ĐỐC", Head: "Võ Văn Minh", Pos: "Kỹ sư xây dựng", Signer: "Giám đốc Ban Quản lý dự án", VienChuc: true,
		DangBo: "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", ChiBo: "Chi bộ Ban Quản lý dự án", DangUy: "Đảng uỷ Khối các cơ quan tỉnh Quảng Ngãi",
		Secretary: "Phan Thị Lệ", Members: 10},
	{Name: "Chi cục Thuế khu vực Lục Nam - Lục Ngạn", Parent: "CỤC THUẾ TỈNH BẮC GIANG", Agency: "CHI CỤC THUẾ KHU VỰC LỤC NAM - LỤC NGẠN", Place: "Lục Nam",
		HeadTitle: "CHI CỤC TRƯỞNG", Head: "Giáp Văn Hải", Pos: "Kiểm tra viên thuế", Signer: "Chi cục trưởng Chi cục Thuế khu vực Lục Nam - Lục Ngạn",
		DangBo: "ĐẢNG BỘ CỤC THUẾ TỈNH BẮC GIANG", ChiBo: "Chi bộ Chi cục Thuế khu vực Lục Nam - Lục Ngạn", DangUy: "Đảng uỷ Cục Thuế tỉnh Bắc Giang",
		Secretary: "Thân Đức Long", Members: 13},
	{Name: "Trường Trung học phổ thông Bảo Lạc, tỉnh Cao Bằng", Parent: "SỞ GIÁO DỤC VÀ ĐÀO TẠO CAO BẰNG", Agency: "TRƯỜNG THPT BẢO LẠC", Place: "Bảo Lạc",
		HeadTitle: "HIỆU TRƯỞNG", Head: "Bế Văn Tuân", Pos: "Giáo viên", Signer: "Hiệu trưởng Trường Trung học phổ thông Bảo Lạc", VienChuc: true,
		DangBo: "ĐẢNG BỘ HUYỆN BẢO LẠC", ChiBo: "Chi bộ Trường THPT Bảo Lạc", DangUy: "Đảng uỷ thị trấn Bảo Lạc",
		Secretary: "Đàm Thị Huệ", Members: 15},
	{Name: "Phòng Tài nguyên và Môi trường huyện Bảo Yên", Parent: "UBND HUYỆN BẢO YÊN", Agency: "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", Place: "Bảo Yên",
		HeadTitle: "TRƯỞNG PHÒNG", Head: "Lù Văn Sáng", Pos: "Chuyên viên", Signer: "Trưởng phòng Tài nguyên và Môi trường huyện Bảo Yên",
		DangBo: "ĐẢNG BỘ CƠ QUAN CHÍNH QUYỀN HUYỆN", ChiBo: "Chi bộ Phòng Tài nguyên và Môi trường", DangUy: "Đảng uỷ Cơ quan Chính quyền huyện Bảo Yên",
		Secretary: "Hoàng Thị Dung", Members: 7},
	{Name: "Trung tâm Y tế huyện Trùng Khánh", Parent: "SỞ Y TẾ TỈNH CAO BẰNG", Agency: "TRUNG TÂM Y TẾ HUYỆN TRÙNG KHÁNH", Place: "Trùng Khánh",
		HeadTitle: "GIÁM ĐỐC", Head: "Lương Văn Cường", Pos: "Bác sĩ", Signer: "Giám đốc Trung tâm Y tế huyện Trùng Khánh", VienChuc: true,
		DangBo: "ĐẢNG BỘ HUYỆN TRÙNG KHÁNH", ChiBo: "Chi bộ Khoa Khám bệnh", DangUy: "Đảng uỷ Trung tâm Y tế huyện Trùng Khánh",
		Secretary: "Nông Văn Thư", Members: 9},
}

var (
	surnames  = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Hà", "Nông", "Triệu", "Vi", "Lục", "Mai"}
	maleMid   = []string{"Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh"}
	femMid    = []string{"Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Thị Kim", "Phương"}
	maleGiven = []string{"Hùng", "Lộc", "Tuấn", "Dũng", "Khánh", "Toàn", "Quý", "Thắng", "Hoà", "Tú", "Nghĩa", "Phúc"}
	femGiven  = []string{"Lan", "Hương", "Hoa", "Thuỷ", "Ngân", "Yến", "Trang", "Huyền", "Nhung", "Oanh", "Loan", "Hằng"}
	towns     = []string{"xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình", "phường An Khánh, quận Ninh Kiều, thành phố Cần Thơ",
		"xã Hương Toàn, thị xã Hương Trà, tỉnh Thừa Thiên Huế", "xã Thạch Hạ, thành phố Hà Tĩnh, tỉnh Hà Tĩnh",
		"xã Hoàng Đồng, thành phố Lạng Sơn, tỉnh Lạng Sơn", "xã Tịnh Ấn Tây, huyện Sơn Tịnh, tỉnh Quảng Ngãi",
		"xã Phương Sơn, huyện Lục Nam, tỉnh Bắc Giang", "xã Bảo Toàn, huyện Bảo Lạc, tỉnh Cao Bằng"}
	ethnics = []string{"Kinh", "Kinh", "Tày", "Kinh", "Nùng", "Kinh", "Kinh", "Tày"}
)

// person makes the n-th candidate: a name from the pools, born about 30
// years before the meeting.
func person(n int, meeting hoso.Date) Person {
	male := n%2 == 0
	var name string
	if male {
		name = surnames[n%len(surnames)] + " " + maleMid[n%len(maleMid)] + " " + maleGiven[(n/2)%len(maleGiven)]
	} else {
		name = surnames[(n*3)%len(surnames)] + " " + femMid[n%len(femMid)] + " " + femGiven[(n/2)%len(femGiven)]
	}
	year := meeting.Year - 26 - n%9
	return Person{Name: name, Male: male, Born: dt(year, 1+n%12, 1+(n*7)%28), HomeTown: towns[n%len(towns)],
		Ethnic: ethnics[n%len(ethnics)], Education: "12/12"}
}

// yrs makes rated years from first on, each with a phiếu.
func yrs(first int, rs ...hoso.Rating) []Year {
	var out []Year
	for i, r := range rs {
		out = append(out, Year{Year: first + i, Auth: r, InPhieu: true})
	}
	return out
}

// inNX moves the years to the nhận xét (no phiếu).
func inNX(ys []Year) []Year {
	for i := range ys {
		ys[i].InPhieu, ys[i].InNX = false, true
	}
	return ys
}

// base is an eligible dossier: a resolution with the usual "Căn cứ"
// lines, three phiếu of the window years (the last rated HTXSNV), the
// lý lịch and the đơn.
func base(n int, id string, meeting hoso.Date) Case {
	u := units[n%len(units)]
	c := Case{
		ID: id, Producer: Own, Out: OutDOCX,
		Person: person(n, meeting), Unit: u, Position: u.Pos,
		Since:   dt(meeting.Year-8, 1+(n*5)%12, 1),
		Meeting: meeting,
		Years:   yrs(meeting.Year-3, T, T, XS),
		Res:     Resolution{CanCu: canCu(meeting), Meet: "form"},
		LyLich:  true, Don: true,
	}
	return c
}

// award is the unit head's award to the candidate for a year, decided in
// January of the next.
func (c *Case) award(kind hoso.AwardKind, year int) Award {
	title := map[hoso.AwardKind]string{hoso.AwardGiayKhen: "Giấy khen", hoso.AwardCSTDCoSo: "Chiến sĩ thi đua cơ sở",
		hoso.AwardLaoDongTienTien: "Lao động tiên tiến", hoso.AwardBangKhen: "Bằng khen"}[kind]
	a := Award{Year: year, Kind: kind, Title: title, Issuer: c.Unit.Signer, Parent: c.Unit.Parent, Agency: c.Unit.Agency,
		Number: fmt.Sprintf("%d/QĐ-%s", 10+len(c.ID)*3+year%7, abbrevOf(c.Unit.Agency)), Date: dt(year+1, 1, 10+year%9), Decision: true}
	if kind == hoso.AwardBangKhen {
		prov := provinceOf(c.Unit)
		a.Issuer = "Chủ tịch UBND " + prov
		a.Parent, a.Agency = "", "UỶ BAN NHÂN DÂN "+strings.ToUpper(prov)
		a.Number = fmt.Sprintf("%d/QĐ-UBND", 150+year%50)
		a.Date = dt(year+1, 3, 15)
	}
	return a
}

func provinceOf(u Unit) string {
	switch u.Place {
	case "Thái Bình":
		return "tỉnh Thái Bình"
	case "Cần Thơ":
		return "thành phố Cần Thơ"
	case "Huế":
		return "tỉnh Thừa Thiên Huế"
	case "Hà Tĩnh":
		return "tỉnh Hà Tĩnh"
	case "Lạng Sơn":
		return "tỉnh Lạng Sơn"
	case "Quảng Ngãi":
		return "tỉnh Quảng Ngãi"
	case "Lục Nam":
		return "tỉnh Bắc Giang"
	}
	return "tỉnh Cao Bằng"
}

var otherNames = []string{"Lưu Thị Thanh Tâm", "Nguyễn Đức Anh", "Trịnh Văn Bảo", "Hà Thị Mỹ Linh", "Cao Văn Đạt", "Phùng Thị Hiền"}

// Cases are the dossiers of the official-forms corpus.
func Cases() []Case {
	var cs []Case
	addCase := func(c Case, want hoso.Verdict) {
		c.want = want
		cs = append(cs, c)
	}

	// --- The project's own DOCX writer ---------------------------------
	c := base(0, "f01-eligible-baseline", dt(2023, 9, 12))
	c.Note = "Baseline: 6-KNĐ with Căn cứ lines, three phiếu (2022 HTXSNV), lý lịch, đơn, a Giấy khen decided the next January."
	a := c.award(hoso.AwardGiayKhen, 2022)
	a.InLyLich = true
	c.Awards = []Award{a}
	addCase(c, hoso.VerdictEligible)

	c = base(1, "f02-cancu-date-near-miss", dt(2024, 3, 15))
	c.Note = "Near miss: a Căn cứ line dated 18/01/2022 precedes the meeting (15/3/2024); the real window 2021–2023 has no distinction, the Căn cứ window 2019–2021 would (2019 HTXSNV)."
	c.Res.CanCu = []string{ccDieuLe, ccQD24, ccHD12, plan(c.Unit, 2024)}
	c.Years = append(inNX(yrs(2019, XS, T)), yrs(2021, T, T, T)...)
	c.NX = NXStyle{On: true, Table: true, Abbr: "caps", Days: 20}
	c.Tags = []string{"near-miss", "cancu"}
	addCase(c, hoso.VerdictIneligible)

	c = base(2, "f03-self-rating-near-miss", dt(2023, 10, 20))
	c.Note = "Near miss: the 2022 phiếu's self-rating is HTXSNV, the authority's part says HTTNV; no award, so no distinction."
	c.Years = yrs(2020, T, T, T)
	c.Years[2].Self = XS
	c.Phieu.Tick = "☒"
	c.Tags = []string{"near-miss", "self-rating", "tick:☒"}
	addCase(c, hoso.VerdictIneligible)

	c = base(3, "f04-cover-letter", dt(2023, 11, 20))
	c.Note = "A cover letter dated ten days after the meeting comes first in the upload; the resolution restates the ratings."
	c.Cover = 10
	c.Res.Summary, c.Res.FormCode = true, true
	c.TongHop = true
	addCase(c, hoso.VerdictEligible)

	c = base(4, "f05-cover-next-year-near-miss", dt(2023, 12, 28))
	c.Note = "Near miss: the cover letter is dated 08/01/2024; the meeting (28/12/2023) gives window 2020–2022 where 2020 is HTNV (the 2023 phiếu is signed in January, after the meeting); the cover's window 2021–2023 would pass."
	c.Years = yrs(2020, H, T, XS, T)
	c.Years[3].Late = true // the 2023 phiếu is signed after the meeting
	c.Cover = 11
	c.Tags = []string{"near-miss", "cover"}
	c.WordLike = true
	addCase(c, hoso.VerdictIneligible)

	c = base(5, "f06-award-decision-year-near-miss", dt(2024, 4, 10))
	c.Note = "Near miss: a Giấy khen for achievements of 2020 decided on 15/01/2021; the window is 2021–2023, all HTTNV."
	c.Years = yrs(2021, T, T, T)
	a = c.award(hoso.AwardGiayKhen, 2020)
	a.Date = dt(2021, 1, 15)
	c.Awards = []Award{a}
	c.Tags = []string{"near-miss", "award-year"}
	addCase(c, hoso.VerdictIneligible)

	c = base(6, "f07-collective-award", dt(2023, 8, 25))
	c.Note = "A Giấy khen 2022 to the candidate's department (a collective), not to the candidate; all years HTTNV."
	c.Years = yrs(2020, T, T, T)
	a = c.award(hoso.AwardGiayKhen, 2022)
	a.Collective = "Phòng Kiểm soát chi ngân sách nhà nước"
	c.Awards = []Award{a}
	c.Tags = []string{"near-miss", "collective"}
	addCase(c, hoso.VerdictIneligible)

	c = base(7, "f08-over-60-other-candidates", dt(2023, 6, 16))
	c.Note = "Candidate born 1962 (61 at the meeting): escalate; two younger candidates considered in the same resolution."
	c.Person.Born = dt(1962, 2, 3)
	c.Res.Others = []Other{{otherNames[0], dt(1994, 5, 21), "giáo viên Trường THPT Bảo Lạc"}, {otherNames[1], dt(1996, 11, 2), "nhân viên Trường THPT Bảo Lạc"}}
	c.Tags = []string{"over-60", "other-candidates"}
	addCase(c, hoso.VerdictIneligible)

	c = base(8, "f09-under-18", dt(2023, 11, 20))
	c.Note = "Candidate born 15/01/2006, 17 at the meeting; introducers with their own dates."
	c.Person.Born = dt(2006, 1, 15)
	c.LyLich = false
	c.GioiThieu = true
	c.Tags = []string{"under-18", "introducers"}
	addCase(c, hoso.VerdictIneligible)

	c = base(9, "f10-two-dob", dt(2023, 7, 7))
	c.Note = "The đơn writes a date of birth different from the lý lịch and the resolution."
	c.Person.AltBorn = add(c.Person.Born, 365)
	c.Tags = []string{"dob-conflict"}
	addCase(c, hoso.VerdictIncomplete)

	c = base(10, "f11-birth-year-only", dt(2023, 5, 18))
	c.Note = "Only \"sinh năm 1995\" is written; every date of 1995 gives an age between 18 and 60."
	c.Person.Born, c.Person.BirthYear = hoso.Date{}, 1995
	c.LyLich = false
	c.Tags = []string{"birth-year"}
	addCase(c, hoso.VerdictEligible)

	c = base(11, "f12-birth-year-ambiguous", dt(2023, 6, 15))
	c.Note = "Only \"sinh năm 2005\": born in January the candidate is 18, born in December 17 — age unknown."
	c.Person.Born, c.Person.BirthYear = hoso.Date{}, 2005
	c.LyLich = false
	c.Since = dt(2019, 9, 1)
	c.Tags = []string{"birth-year"}
	addCase(c, hoso.VerdictIncomplete)

	c = base(12, "f13-recruited-in-window", dt(2023, 10, 5))
	c.Note = "Recruited 03/2021 (lý lịch item 19 and the nhận xét): window 2020–2022 cannot hold three rated years."
	c.Since = dt(2021, 3, 1)
	c.SinceInNX = true
	c.Years = yrs(2021, T, XS)
	c.Years[0].InNX, c.Years[1].InNX = true, true
	c.NX = NXStyle{On: true, Days: 14}
	c.Res.Meet = "homnay"
	c.Tags = []string{"recruited"}
	c.WordLike = true
	addCase(c, hoso.VerdictIneligible)

	c = base(13, "f14-maternity-unrated", dt(2023, 9, 28))
	c.Note = "The unit did not rate 2021 (maternity leave); 2020 HTXSNV, 2022 HTTNV."
	c.Person.Male = false
	c.Person.Name = "Trần Thị Thu Trang"
	c.Years = inNX(yrs(2020, XS, T, T))
	c.Years[1].Unrated = "nghỉ chế độ thai sản từ tháng 3/2021 đến tháng 9/2021"
	c.NX = NXStyle{On: true, Table: true, Days: 10}
	c.Tags = []string{"unrated"}
	addCase(c, hoso.VerdictIneligible)

	c = base(14, "f15-nd56-wording", dt(2020, 9, 10))
	c.Note = "NĐ 56/2015 phiếu for 2017–2019; 2018 \"Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực\" (HTNV)."
	c.setUnit(units[0])
	c.Position = "Chuyên viên"
	c.Years = yrs(2017, T, H, XS)
	c.Tags = []string{"nd56"}
	addCase(c, hoso.VerdictIneligible)

	c = base(15, "f16-nd56-eligible", dt(2019, 11, 5))
	c.Note = "NĐ 56/2015 phiếu (viên chức wording) for 2016–2018, the 2017 one with a Chiến sĩ thi đua cơ sở."
	c.setUnit(units[4])
	c.Position = "Điều dưỡng hạng IV"
	c.Years = yrs(2016, T, T, T)
	c.Awards = []Award{c.award(hoso.AwardCSTDCoSo, 2017)}
	c.Tags = []string{"nd56", "cstd"}
	addCase(c, hoso.VerdictEligible)

	c = base(16, "f17-missing-year", dt(2023, 12, 5))
	c.Note = "Only the 2021 and 2022 phiếu; 2020 missing. A Giấy khen 2022 gives the distinction."
	c.Years = yrs(2021, T, T)
	c.Awards = []Award{c.award(hoso.AwardGiayKhen, 2022)}
	c.Tags = []string{"missing-year"}
	addCase(c, hoso.VerdictIncomplete)

	c = base(17, "f18-rating-conflict", dt(2023, 4, 20))
	c.Note = "2021: the phiếu's authority part says HTTNV, the unit's nhận xét says HTNV — a genuine conflict."
	c.Years = yrs(2020, T, T, T)
	c.Years[1].InNX, c.Years[1].NXAuth = true, H
	c.Years[2].InNX = true
	c.NX = NXStyle{On: true, Table: true, Abbr: "abbr", Legend: true, Days: 8}
	c.Awards = []Award{c.award(hoso.AwardGiayKhen, 2021)}
	c.Tags = []string{"conflict", "legend"}
	c.WordLike = true
	addCase(c, hoso.VerdictIncomplete)

	c = base(18, "f19-no-resolution", dt(2023, 6, 20))
	c.Years = inNX(yrs(2020, T, XS, T))
	c.Meeting = hoso.Date{}
	c.NX = NXStyle{On: true, Table: true, Days: -5}
	c.Cover = 12
	c.Note = "No 6-KNĐ: the newest own paper (the nhận xét, 25/6/2023) is the review date; the later cover letter is not."
	c.Tags = []string{"no-resolution"}
	addCase(c, hoso.VerdictEligible)

	c = base(19, "f20-authority-blank", dt(2023, 9, 6))
	c.Note = "The 2021 phiếu has only the self-rating; the authority's part is left blank — 2021 is not rated."
	c.Years = yrs(2020, T, hoso.RatingUnknown, T)
	c.Years[1].Self = T
	c.Awards = []Award{c.award(hoso.AwardGiayKhen, 2022)}
	c.Phieu.Hint = true
	c.Tags = []string{"authority-blank", "hint"}
	addCase(c, hoso.VerdictIncomplete)

	c = base(20, "f21-legend-lao-dong-tien-tien", dt(2023, 8, 9))
	c.Note = "Near miss: nhận xét table of abbreviations with a legend listing HTXSNV; all HTTNV; only Lao động tiên tiến (does not count)."
	c.Years = inNX(yrs(2020, T, T, T))
	c.NX = NXStyle{On: true, Table: true, Abbr: "abbr", Legend: true, Days: 12}
	a = c.award(hoso.AwardLaoDongTienTien, 2022)
	a.Decision, a.InNX = false, true
	c.Awards = []Award{a}
	c.Tags = []string{"near-miss", "legend", "ldtt"}
	addCase(c, hoso.VerdictIneligible)

	c = base(21, "f22-hint-left-in-near-miss", dt(2023, 7, 21))
	c.Note = "Near miss: every phiếu keeps the form's option hint after a typed HTTNV; no distinction."
	c.Years = yrs(2020, T, T, T)
	c.Phieu.Hint = true
	c.Tags = []string{"near-miss", "hint"}
	c.WordLike = true
	addCase(c, hoso.VerdictIneligible)

	c = base(22, "f23-resolution-date-line-next-year", dt(2023, 12, 29))
	c.Note = "Near miss: meeting 29/12/2023, the resolution's own date line 02/01/2024; only 2023 is HTXSNV (signed in January 2024, after the meeting: outside the window 2020–2022)."
	c.Years = yrs(2020, T, T, T, XS)
	c.Years[3].Late = true // the 2023 phiếu is signed after the meeting
	c.Res.DateLine = 4
	c.Tags = []string{"near-miss", "date-line"}
	addCase(c, hoso.VerdictIneligible)

	c = base(23, "f24-compact-resolution", dt(2023, 10, 26))
	c.Note = "Compact resolution: \"Quần chúng: NAME; sinh ngày …; quê quán …; đơn vị công tác …\" on one line."
	c.Res.Compact = true
	c.Res.Meet = "hoi"
	c.Person.Born = dt(1988, 10, 26)
	c.LyLich = false
	c.Tags = []string{"compact"}
	addCase(c, hoso.VerdictEligible)

	c = base(74, "f25-conflict-excellent", dt(2024, 6, 27))
	c.Note = "2022: the phiếu's authority part says HTXSNV, the unit's nhận xét HTTNV (conflict); a Giấy khen 2023 gives the distinction."
	c.Years = yrs(2021, T, XS, T)
	c.Years[1].InNX, c.Years[1].NXAuth = true, T
	c.NX = NXStyle{On: true, Table: true, Abbr: "abbr", Days: 10}
	c.Awards = []Award{c.award(hoso.AwardGiayKhen, 2023)}
	c.Awards[0].Date = dt(2024, 1, 12)
	c.Tags = []string{"conflict"}
	addCase(c, hoso.VerdictIncomplete)

	c = base(77, "f26-no-dob-own", dt(2023, 7, 13))
	c.Note = "No date of birth anywhere (resolution without it, no lý lịch or đơn); ratings and award pass."
	c.Person.Born = hoso.Date{}
	c.LyLich, c.Don, c.GioiThieu = false, false, true
	c.Res.NoDOB = true
	c.Tags = []string{"no-dob", "introducers"}
	addCase(c, hoso.VerdictIncomplete)

	// --- python-docx ----------------------------------------------------
	c = base(24, "p01-merged-year-cells", dt(2023, 9, 19))
	c.Producer = PyDocx
	c.Note = "The nhận xét's table merges each year's cell over a rating row and an award row (w:vMerge), under a title row spanning all columns."
	c.Years = inNX(yrs(2020, T, T, T))
	c.NX = NXStyle{On: true, Table: true, Merged: true, Days: 9}
	a = c.award(hoso.AwardGiayKhen, 2021)
	a.InNX = true
	c.Awards = []Award{a}
	c.Tags = []string{"merged"}
	addCase(c, hoso.VerdictEligible)

	c = base(25, "p02-spaced-abbreviations", dt(2024, 5, 14))
	c.Producer = PyDocx
	c.Note = "Ratings as spaced abbreviations \"HTT NV\", \"HTXS NV\" in the nhận xét table."
	c.Years = inNX(yrs(2021, T, XS, T))
	c.NX = NXStyle{On: true, Table: true, Abbr: "space", Days: 15}
	c.Tags = []string{"abbr-spaced"}
	addCase(c, hoso.VerdictEligible)

	c = base(26, "p03-spaced-lowercase", dt(2024, 6, 4))
	c.Producer = PyDocx
	c.Note = "Spaced lower-case abbreviations \"htt nv\", \"ht nv\": 2022 HTNV."
	c.Years = inNX(yrs(2021, T, H, XS))
	c.NX = NXStyle{On: true, Table: true, Abbr: "spacelower", Legend: true, Days: 15}
	c.Tags = []string{"abbr-spaced", "legend"}
	addCase(c, hoso.VerdictIneligible)

	c = base(27, "p04-tick-checkbox", dt(2023, 11, 14))
	c.Producer = PyDocx
	c.Note = "Phiếu with ☑ option lists; 2022 self HTXSNV, authority HTXSNV too."
	c.Years[2].Self = XS
	c.Phieu.Tick = "☑"
	c.Tags = []string{"tick:☑"}
	addCase(c, hoso.VerdictEligible)

	c = base(28, "p05-tick-brackets-self-higher", dt(2023, 8, 30))
	c.Producer = PyDocx
	c.Note = "Phiếu with [x] lists; the candidate ticks HTXSNV in 2021 and 2022, the authority HTTNV; a CSTĐCS 2021 gives the distinction."
	c.Years = yrs(2020, T, T, T)
	c.Years[1].Self, c.Years[2].Self = XS, XS
	c.Phieu.Tick = "[x]"
	c.Awards = []Award{c.award(hoso.AwardCSTDCoSo, 2021)}
	c.Tags = []string{"tick:[x]", "self-rating"}
	addCase(c, hoso.VerdictEligible)

	c = base(29, "p06-tick-parens-near-miss", dt(2024, 1, 18))
	c.Producer = PyDocx
	c.Note = "Near miss: (x) lists; self-rating HTXSNV for 2023, authority HTTNV; no award."
	c.Years = yrs(2021, T, T, T)
	c.Years[2].Self = XS
	c.Years[2].Late = true
	c.Phieu.Tick = "(x)"
	c.Tags = []string{"near-miss", "tick:(x)", "self-rating"}
	addCase(c, hoso.VerdictIneligible)

	c = base(30, "p07-tick-x-column", dt(2023, 10, 11))
	c.Producer = PyDocx
	c.Note = "Phiếu with a two-column option table and an X in the chosen row; 2021 authority KHTNV."
	c.Years = yrs(2020, T, K, XS)
	c.Years[1].Self = T
	c.Phieu.Tick = "X"
	c.Tags = []string{"tick:X"}
	addCase(c, hoso.VerdictIneligible)

	c = base(31, "p08-tick-check", dt(2023, 9, 26))
	c.Producer = PyDocx
	c.Note = "Phiếu with ✓ marking the chosen option among ☐."
	c.Phieu.Tick = "✓"
	c.Tags = []string{"tick:✓"}
	addCase(c, hoso.VerdictEligible)

	c = base(32, "p09-wrapped-rating", dt(2020, 8, 6))
	c.Producer = PyDocx
	c.Note = "The only HTXSNV year is written \"năm 2017 hoàn\" / \"thành xuất sắc nhiệm vụ\" across a hard line break in the nhận xét."
	c.Years = append(inNX(yrs(2015, T, T)), Year{Year: 2017, Auth: XS, InNX: true}, Year{Year: 2018, Auth: T, InNX: true}, Year{Year: 2019, Auth: T, InNX: true})
	c.NX = NXStyle{On: true, WrapRating: true, Days: 12}
	c.Tags = []string{"wrap-rating", "nd56"}
	addCase(c, hoso.VerdictEligible)

	c = base(33, "p10-wrapped-unit", dt(2023, 10, 2))
	c.Producer = PyDocx
	c.Note = "Long unit name broken by hand in the phiếu (\"… thể dục thể\" / \"thao thành phố Cần Thơ\")."
	c.setUnit(units[1])
	c.Phieu.Wrap = true
	c.Tags = []string{"wrap-unit"}
	addCase(c, hoso.VerdictEligible)

	c = base(34, "p11-rare-capitals", dt(2023, 5, 25))
	c.Producer = PyDocx
	c.Note = "Name with a rare capital: Bế Thị Ỷ."
	c.Person.Name, c.Person.Male = "Bế Thị Ỷ", false
	c.setUnit(units[7])
	c.Position = "Giáo viên"
	addCase(c, hoso.VerdictEligible)

	c = base(35, "p12-rare-capital-o", dt(2024, 4, 23))
	c.Producer = PyDocx
	c.Note = "Name Lò Văn Ở; the Đoàn resolution (4-KNĐ) with its own earlier meeting date."
	c.Person.Name, c.Person.Male = "Lò Văn Ở", true
	c.Person.Born = dt(1997, 8, 19)
	c.setUnit(units[8])
	c.NQDoan, c.GioiThieu = true, true
	c.Tags = []string{"doan", "introducers"}
	addCase(c, hoso.VerdictEligible)

	c = base(36, "p13-cong-doan-introduction", dt(2023, 12, 12))
	c.Producer = PyDocx
	c.Note = "Introduced by the Công đoàn (4A-KNĐ) and one member; 5-KNĐ summary; Bằng khen 2021."
	c.NQCongDoan, c.GioiThieu, c.TongHop = true, true, true
	c.Years = yrs(2020, T, T, T)
	c.Awards = []Award{c.award(hoso.AwardBangKhen, 2021)}
	c.Awards[0].InLyLich = true
	c.Res.Summary = true
	c.Tags = []string{"cong-doan", "bang-khen"}
	addCase(c, hoso.VerdictEligible)

	c = base(37, "p14-other-candidate-award-list", dt(2023, 7, 27))
	c.Producer = PyDocx
	c.Note = "Giấy khen 2022 to five people (list attached, candidate one row); another candidate in the same resolution."
	c.Years = yrs(2020, T, T, T)
	a = c.award(hoso.AwardGiayKhen, 2022)
	a.Others = otherNames[2:6]
	c.Awards = []Award{a}
	c.Res.Others = []Other{{otherNames[0], dt(2000, 3, 9), "chuyên viên Phòng Kế toán nhà nước"}}
	c.Tags = []string{"award-list", "other-candidates"}
	addCase(c, hoso.VerdictEligible)

	c = base(38, "p15-numeric-meeting-date", dt(2023, 9, 5))
	c.Producer = PyDocx
	c.Note = "\"Hôm nay, ngày 05/9/2023\" after four Căn cứ lines including HD 01-HD/TW ngày 28/9/2021."
	c.Res.Meet, c.Res.Numeric = "homnay", true
	c.Res.CanCu = []string{ccDieuLe, ccQD24, ccHD01, ccHD12}
	c.Res.FormCode = true
	addCase(c, hoso.VerdictEligible)

	c = base(39, "p16-no-dob-anywhere", dt(2023, 6, 8))
	c.Producer = PyDocx
	c.Note = "No paper gives the date of birth (no lý lịch, resolution without it): age unknown."
	c.Person.Born = hoso.Date{}
	c.LyLich, c.Don = false, false
	c.Res.NoDOB = true
	c.Tags = []string{"no-dob"}
	addCase(c, hoso.VerdictIncomplete)

	c = base(40, "p17-phieu-first-four-years", dt(2024, 2, 27))
	c.Producer = PyDocx
	c.Note = "Phiếu for four years (2020 outside the window) placed before the resolution; 2020 HTXSNV does not count."
	c.Years = yrs(2020, XS, T, T, T)
	c.Years[3].Late = true
	c.PhieuFirst = true
	c.Tags = []string{"near-miss", "extra-year"}
	addCase(c, hoso.VerdictIneligible)

	c = base(75, "p18-nothing-ticked", dt(2023, 11, 28))
	c.Producer = PyDocx
	c.Note = "The 2021 phiếu's authority list has no option ticked (the self part has one): 2021 not rated; CSTĐCS 2022."
	c.Years = yrs(2020, T, hoso.RatingUnknown, T)
	c.Years[1].Self = T
	c.Phieu.Tick = "☒"
	c.Awards = []Award{c.award(hoso.AwardCSTDCoSo, 2022)}
	c.Tags = []string{"authority-blank", "tick:☒"}
	addCase(c, hoso.VerdictIncomplete)

	c = base(78, "p19-meeting-before-rating", dt(2024, 1, 9))
	c.Producer = PyDocx
	c.Note = "Meeting on 09/01/2024, before the 2023 rating exists: 2023 missing; Giấy khen 2022."
	c.Years = yrs(2021, T, T)
	c.Awards = []Award{c.award(hoso.AwardGiayKhen, 2022)}
	c.Tags = []string{"missing-year"}
	addCase(c, hoso.VerdictIncomplete)

	// --- LibreOffice round trips of both writers -------------------------
	lo := func(c Case, src Producer) Case {
		c.Producer, c.Source = LibreOffice, src
		return c
	}
	c = lo(base(41, "l01-resaved-baseline", dt(2023, 10, 17)), Own)
	c.Note = "Baseline re-saved by LibreOffice (own writer's DOCX)."
	c.ChungNhan = true
	addCase(c, hoso.VerdictEligible)

	c = lo(base(42, "l02-resaved-cancu-2017", dt(2019, 10, 24)), PyDocx)
	c.Note = "A 2019 meeting after Căn cứ lines dated 2016 and 2017; window 2016–2018 has 2016 HTNV (NĐ 56 công chức wording)."
	c.setUnit(units[3])
	c.Position = "Kiểm soát viên"
	c.Years = yrs(2016, H, XS, T)
	c.Tags = []string{"nd56", "cancu"}
	addCase(c, hoso.VerdictIneligible)

	c = lo(base(43, "l03-resaved-nx-prose", dt(2024, 3, 29)), Own)
	c.Note = "Nhận xét in prose with grouped years (\"năm 2021, năm 2022 hoàn thành tốt nhiệm vụ; năm 2023 …\"); \"Hôm nay, ngày …\"."
	c.Res.Meet = "homnay"
	c.Years = inNX(yrs(2021, T, T, XS))
	c.NX = NXStyle{On: true, Days: 11}
	addCase(c, hoso.VerdictEligible)

	c = lo(base(44, "l04-resaved-merged", dt(2023, 11, 3)), PyDocx)
	c.Note = "Merged year cells (python-docx) re-saved by LibreOffice; 2022 HTNV."
	c.Years = inNX(yrs(2020, XS, T, H))
	c.NX = NXStyle{On: true, Table: true, Merged: true, Abbr: "lower", Days: 7}
	c.Tags = []string{"merged"}
	addCase(c, hoso.VerdictIneligible)

	c = lo(base(45, "l05-resaved-ticks", dt(2024, 1, 25)), Own)
	c.Note = "☒ lists re-saved by LibreOffice; 2021 self HTTNV, authority HTXSNV."
	c.Years = yrs(2021, XS, T, T)
	c.Years[0].Self = T
	c.Years[2].Late = true
	c.Phieu.Tick = "☒"
	c.Tags = []string{"tick:☒"}
	addCase(c, hoso.VerdictEligible)

	c = lo(base(46, "l06-resaved-recruited", dt(2024, 8, 22)), PyDocx)
	c.Note = "Recruited 07/2021 per the nhận xét (no lý lịch): 2021 not a full year."
	c.LyLich = false
	c.Since = dt(2021, 7, 1)
	c.SinceInNX = true
	c.Years = yrs(2021, T, T, XS)
	c.Years[0].InPhieu, c.Years[0].InNX = false, true
	c.NX = NXStyle{On: true, Days: 30}
	c.Tags = []string{"recruited"}
	addCase(c, hoso.VerdictIneligible)

	c = lo(base(47, "l07-resaved-rare-capital", dt(2023, 10, 31)), Own)
	c.Note = "Name Đinh Thị Ấn; the đơn's Kính gửi names the đảng uỷ; no 2020 phiếu."
	c.Person.Name, c.Person.Male = "Đinh Thị Ấn", false
	c.Years = yrs(2021, XS, T)
	addCase(c, hoso.VerdictIncomplete)

	c = lo(base(48, "l08-resaved-conflict-dob", dt(2023, 4, 4)), PyDocx)
	c.Note = "Date of birth 1990 in the lý lịch and resolution, 1991 in the đơn."
	c.Person.Born = dt(1990, 4, 12)
	c.Person.AltBorn = dt(1991, 4, 12)
	c.Tags = []string{"dob-conflict"}
	addCase(c, hoso.VerdictIncomplete)

	c = lo(base(49, "l09-resaved-ung", dt(2024, 5, 30)), Own)
	c.Note = "Name Ưng Văn Hoà; the meeting sentence \"Vào hồi 14 giờ 00 phút, ngày …\"; 2022 HTNV."
	c.Person.Name, c.Person.Male = "Ưng Văn Hoà", true
	c.Res.Meet = "hoi"
	c.Years = yrs(2021, T, H, XS)
	addCase(c, hoso.VerdictIneligible)

	c = lo(base(50, "l10-resaved-missing-two", dt(2023, 3, 14)), PyDocx)
	c.Note = "Only the 2022 phiếu: 2020 and 2021 missing; HTXSNV 2022."
	c.Years = yrs(2022, XS)
	c.Tags = []string{"missing-year"}
	addCase(c, hoso.VerdictIncomplete)

	c = lo(base(76, "l11-colleague-phieu", dt(2023, 9, 7)), Own)
	c.Note = "The 2021 phiếu in the dossier is a colleague's (another name, HTXSNV): the candidate's 2021 is missing; Giấy khen 2022."
	c.Years = yrs(2020, T, XS, T)
	c.Years[1].Colleague = "Lê Thị Bích Ngọc"
	c.Awards = []Award{c.award(hoso.AwardGiayKhen, 2022)}
	c.Tags = []string{"colleague"}
	addCase(c, hoso.VerdictIncomplete)

	c = lo(base(79, "l12-self-only-typed", dt(2024, 4, 4)), PyDocx)
	c.Note = "The 2022 phiếu has a typed self-rating and an empty authority line with the hint: 2022 not rated."
	c.Years = yrs(2021, T, hoso.RatingUnknown, XS)
	c.Years[1].Self = XS
	c.Tags = []string{"authority-blank", "hint"}
	addCase(c, hoso.VerdictIncomplete)

	// --- Text PDFs (LibreOffice) ------------------------------------------
	pdf := func(c Case, src Producer, two bool) Case {
		c.Producer, c.Source, c.Out = LibreOffice, src, OutPDF
		if two {
			c.Out, c.TwoCol = OutPDF2Col, true
		}
		return c
	}
	c = pdf(base(51, "d01-pdf-baseline", dt(2023, 9, 14)), Own, false)
	c.Note = "Text PDF of the baseline with a 5-KNĐ, the certificate, and a resolution that restates the ratings."
	c.TongHop, c.ChungNhan = true, true
	c.Res.Summary, c.Res.FormCode = true, true
	addCase(c, hoso.VerdictEligible)

	c = pdf(base(52, "d02-pdf-long-unit", dt(2023, 10, 19)), PyDocx, false)
	c.Note = "Text PDF: the long unit name wraps on its own in the resolution and nhận xét."
	c.setUnit(units[5])
	c.Years = inNX(yrs(2020, T, T, XS))
	c.NX = NXStyle{On: true, Table: true, Days: 6}
	c.Tags = []string{"wrap-unit"}
	addCase(c, hoso.VerdictEligible)

	c = pdf(base(53, "d03-pdf-cancu-near-miss", dt(2022, 11, 10)), Own, false)
	c.Note = "Near miss in a PDF: Căn cứ dates 30/7/2021 and 18/01/2022; window 2019–2021 has no distinction (the HTXSNV is 2018)."
	c.Years = append(inNX(yrs(2018, XS)), yrs(2019, T, T, T)...)
	c.NX = NXStyle{On: true, Table: true, Days: 9}
	c.Tags = []string{"near-miss", "cancu"}
	addCase(c, hoso.VerdictIneligible)

	c = pdf(base(54, "d04-pdf-self-rating", dt(2023, 12, 1)), PyDocx, false)
	c.Note = "Text PDF: phiếu with ☒ lists; self HTXSNV 2020, authority HTTNV; Giấy khen 2021."
	c.Years[0].Self = XS
	c.Years[2].Auth = T
	c.Phieu.Tick = "☒"
	c.Awards = []Award{c.award(hoso.AwardGiayKhen, 2021)}
	c.Tags = []string{"tick:☒", "self-rating"}
	addCase(c, hoso.VerdictEligible)

	c = pdf(base(55, "d05-pdf-maternity", dt(2024, 7, 11)), Own, false)
	c.Note = "Text PDF: prose nhận xét says 2022 was not rated (maternity leave)."
	c.Person.Male = false
	c.Person.Name = "Vi Thị Hồng Nhung"
	c.Years = inNX(yrs(2021, XS, T, T))
	c.Years[1].Unrated = "nghỉ thai sản"
	c.NX = NXStyle{On: true, Days: 13}
	c.Tags = []string{"unrated"}
	addCase(c, hoso.VerdictIneligible)

	c = pdf(base(56, "d06-pdf-over-60", dt(2024, 9, 17)), PyDocx, false)
	c.Note = "Text PDF: born 1963 (61): escalate; introducers' own birth dates in 3-KNĐ."
	c.Person.Born = dt(1963, 5, 8)
	c.GioiThieu = true
	c.Tags = []string{"over-60", "introducers"}
	addCase(c, hoso.VerdictIneligible)

	c = pdf(base(57, "d07-pdf-two-column", dt(2023, 8, 17)), Own, true)
	c.Note = "Two-column section layout printed to PDF."
	c.Tags = []string{"two-column"}
	c.WordLike = true
	addCase(c, hoso.VerdictEligible)

	c = pdf(base(58, "d08-pdf-two-column-nx", dt(2024, 4, 16)), PyDocx, true)
	c.Note = "Two-column PDF with a nhận xét table (spaced abbreviations) and a legend; 2023 HTXS NV."
	c.Years = inNX(yrs(2021, T, T, XS))
	c.NX = NXStyle{On: true, Table: true, Abbr: "space", Legend: true, Days: 10}
	c.Tags = []string{"two-column", "abbr-spaced", "legend"}
	addCase(c, hoso.VerdictEligible)

	c = pdf(base(59, "d09-pdf-two-column-missing", dt(2023, 6, 29)), Own, true)
	c.Note = "Two-column PDF: 2021 phiếu absent; CSTĐCS 2022."
	c.Years = []Year{{Year: 2020, Auth: T, InPhieu: true}, {Year: 2022, Auth: T, InPhieu: true}}
	c.Awards = []Award{c.award(hoso.AwardCSTDCoSo, 2022)}
	c.Tags = []string{"two-column", "missing-year"}
	addCase(c, hoso.VerdictIncomplete)

	c = pdf(base(60, "d10-pdf-two-column-birth-year", dt(2024, 10, 3)), PyDocx, true)
	c.Note = "Two-column PDF, birth year only (1990)."
	c.Person.Born, c.Person.BirthYear = hoso.Date{}, 1990
	c.LyLich = false
	c.Tags = []string{"two-column", "birth-year"}
	addCase(c, hoso.VerdictEligible)

	c = pdf(base(61, "d11-pdf-no-resolution-ineligible", dt(2024, 6, 20)), Own, false)
	c.Years = inNX(yrs(2021, T, T, T))
	c.Meeting = hoso.Date{}
	c.NX = NXStyle{On: true, Table: true, Abbr: "abbr", Legend: true, Days: -3}
	c.Note = "No 6-KNĐ, PDF: review date from the newest paper; all HTTNV, no award."
	c.Tags = []string{"no-resolution", "legend"}
	addCase(c, hoso.VerdictIneligible)

	c = pdf(base(80, "d12-pdf-birth-year-ambiguous", dt(2024, 3, 21)), Own, false)
	c.Note = "Text PDF, only \"sinh năm 2006\": 18 if born in January, 17 if born in December."
	c.Person.Born, c.Person.BirthYear = hoso.Date{}, 2006
	c.LyLich = false
	c.Since = dt(2020, 8, 1)
	c.Tags = []string{"birth-year"}
	addCase(c, hoso.VerdictIncomplete)

	// --- ZIPs of one paper per file --------------------------------------
	zipc := func(c Case, src Producer) Case {
		c.Producer, c.Out = src, OutZIP
		if src == LibreOffice {
			c.Source = Own
		}
		return c
	}
	c = zipc(base(62, "z01-zip-papers", dt(2023, 10, 24)), Own)
	c.Note = "ZIP, one paper per file (DOCX and PDF alternately), cover letter first."
	c.Cover = 6
	c.GioiThieu = true
	c.Awards = []Award{c.award(hoso.AwardGiayKhen, 2022)}
	c.WordLike = true
	addCase(c, hoso.VerdictEligible)

	c = zipc(base(63, "z02-zip-near-miss-award", dt(2024, 2, 20)), PyDocx)
	c.Note = "ZIP: Giấy khen for 2020 decided 01/2021 (outside window 2021–2023); all HTTNV."
	c.Years = yrs(2021, T, T, T)
	c.Years[2].Late = true
	a = c.award(hoso.AwardGiayKhen, 2020)
	c.Awards = []Award{a}
	c.Tags = []string{"near-miss", "award-year"}
	addCase(c, hoso.VerdictIneligible)

	c = zipc(base(64, "z03-zip-no-resolution", dt(2023, 6, 20)), LibreOffice)
	c.Years = yrs(2020, T, T, XS)
	c.Meeting = hoso.Date{}
	c.NX = NXStyle{On: true, Table: true, Days: -4}
	c.Years[0].InNX = true
	c.Years[1].InPhieu = false
	c.Awards = nil
	c.Note = "ZIP without a 6-KNĐ (review date from the nhận xét); no 2021 rating: incomplete."
	c.Tags = []string{"no-resolution", "missing-year"}
	addCase(c, hoso.VerdictIncomplete)

	// --- Scans ----------------------------------------------------------
	scanc := func(c Case, src Producer, out Out, variant string) Case {
		c.Producer, c.Source, c.Out, c.Scan = LibreOffice, src, out, variant
		// Short dossiers: the resolution and the unit's table.
		c.LyLich, c.Don = false, false
		return c
	}
	c = scanc(base(65, "s01-scan-baseline", dt(2023, 9, 21)), Own, OutScanPDF, "scan200")
	c.Years = inNX(yrs(2020, T, T, XS))
	c.NX = NXStyle{On: true, Table: true, Days: 7}
	c.Note = "Scanned (200 dpi) resolution and nhận xét table."
	addCase(c, hoso.VerdictEligible)

	c = scanc(base(66, "s02-scan-cancu-near-miss", dt(2023, 2, 16)), PyDocx, OutScanPDF, "scan200b")
	c.Years = inNX(yrs(2019, XS, T, T, T))
	c.NX = NXStyle{On: true, Table: true, Abbr: "abbr", Legend: true, Days: 7}
	c.Res.CanCu = []string{ccDieuLe, ccQD24, ccHD12}
	c.Note = "Scanned near miss: Căn cứ dated 2021/2022 before a 2023 meeting; HTXSNV only in 2019 (outside 2020–2022)."
	c.Tags = []string{"near-miss", "cancu", "legend"}
	addCase(c, hoso.VerdictIneligible)

	c = scanc(base(67, "s03-scan-compact", dt(2023, 10, 26)), Own, OutScanPDF, "scan200b")
	c.Person.Name, c.Person.Male, c.Person.Born = "Nguyễn Hữu Lộc", true, dt(1988, 10, 26)
	c.Years = inNX(yrs(2020, T, XS, T))
	c.NX = NXStyle{On: true, Table: true, Days: 5}
	c.Res.Compact, c.Res.Summary = true, true
	c.Note = "Scanned compact resolution: name, date of birth and unit on one line; ratings restated."
	c.Tags = []string{"compact"}
	addCase(c, hoso.VerdictEligible)

	c = scanc(base(68, "s04-scan-merged", dt(2024, 3, 7)), PyDocx, OutScanPDF, "scan200")
	c.Years = inNX(yrs(2021, T, T, T))
	c.NX = NXStyle{On: true, Table: true, Merged: true, Days: 6}
	a = c.award(hoso.AwardGiayKhen, 2022)
	a.Decision, a.InNX = false, true
	c.Awards = []Award{a}
	c.Note = "Scanned merged-cell table; the Giấy khen 2022 is only in the table's award row."
	c.Tags = []string{"merged"}
	addCase(c, hoso.VerdictEligible)

	c = scanc(base(69, "s05-scan-self-rating", dt(2023, 11, 9)), Own, OutScanPDF, "scan200")
	c.Years = yrs(2020, T, T, T)
	c.Years[2].Self = XS
	c.Years[0].InPhieu, c.Years[1].InPhieu = false, false
	c.Years[0].InNX, c.Years[1].InNX = true, true
	c.NX = NXStyle{On: true, Table: true, Days: 8}
	c.Phieu.Tick = "☒"
	c.Note = "Scanned: one phiếu whose self-rating (HTXSNV) differs from the authority (HTTNV); no distinction."
	c.Tags = []string{"near-miss", "self-rating", "tick:☒"}
	addCase(c, hoso.VerdictIneligible)

	c = scanc(base(70, "s06-scan-missing-year", dt(2023, 8, 3)), PyDocx, OutScanPDF, "scan200")
	c.Don = true
	c.Years = inNX(yrs(2020, T, T, T))
	c.Years = append(c.Years[:1], c.Years[2])
	c.NX = NXStyle{On: true, Table: true, Abbr: "caps", Days: 4}
	a = c.award(hoso.AwardGiayKhen, 2022)
	a.Decision, a.InNX = false, true
	c.Awards = []Award{a}
	c.Note = "Scanned đơn, resolution and nhận xét; the table skips 2021 (Giấy khen 2022 in its award column)."
	c.Tags = []string{"missing-year"}
	addCase(c, hoso.VerdictIncomplete)

	c = scanc(base(71, "s07-scan-two-column", dt(2024, 5, 9)), Own, OutScanPDF, "scan200b")
	c.Out = OutScanPDF
	c.Years = inNX(yrs(2021, T, XS, T))
	c.NX = NXStyle{On: true, Table: true, Abbr: "space", Days: 9}
	c.Note = "Scanned two-column layout (the two-column PDF scanned)."
	c.Tags = []string{"two-column", "abbr-spaced"}
	c.TwoCol = true
	addCase(c, hoso.VerdictEligible)

	c = scanc(base(72, "s08-photos-zip", dt(2023, 10, 26)), Own, OutPhotoZIP, "photo")
	c.Person.Name, c.Person.Male, c.Person.Born = "Hà Văn Thượng", true, dt(1989, 3, 2)
	c.Years = inNX(yrs(2020, T, T, T))
	c.NX = NXStyle{On: true, Table: true, Days: 5}
	c.Res.Compact = true
	c.Note = "Phone photos of the compact resolution and the nhận xét (JPEG, PNG) in a ZIP; all HTTNV, no award."
	c.Tags = []string{"compact"}
	addCase(c, hoso.VerdictIneligible)

	c = scanc(base(73, "s09-photos-recruited", dt(2023, 12, 14)), PyDocx, OutPhotoZIP, "photo")
	c.Since = dt(2020, 4, 1)
	c.SinceInNX = true
	c.Years = inNX(yrs(2020, T, T, XS))
	c.NX = NXStyle{On: true, Table: true, Days: 6}
	c.Note = "Photos: the nhận xét says recruited 04/2020, inside the window 2020–2022."
	c.Tags = []string{"recruited"}
	addCase(c, hoso.VerdictIneligible)

	c = scanc(base(74, "s10-photos-table", dt(2024, 3, 19)), LibreOffice, OutPhotoZIP, "photo-dim")
	c.AllPhotos = true
	c.Years = inNX(yrs(2021, T, T, XS))
	c.NX = NXStyle{On: true, Table: true, Days: 8}
	c.Note = "Phone photos in a dim office (JPEG, light falling off to dark grey in a corner) of the resolution and of the nhận xét whose table holds the years."
	c.Tags = []string{"photo-table"}
	addCase(c, hoso.VerdictEligible)

	c = base(81, "f27-code-under-listed", dt(2024, 4, 23))
	c.Producer = PyDocx
	c.Res.CodeUnder, c.Res.Listed = true, true
	c.Res.Others = []Other{{otherNames[1], dt(1963, 4, 20), "Phòng Hành chính – Tổng hợp"}}
	c.Years = yrs(2021, T, XS, T)
	c.Note = "The 6-KNĐ prints its form code under the title and lists two people by number; the second, born 1963, is not the candidate."
	c.Tags = []string{"code-under-title", "listed", "others"}
	addCase(c, hoso.VerdictEligible)

	c = pdf(base(82, "d13-pdf-two-column-comma", dt(2024, 5, 7)), PyDocx, true)
	c.Res.CommaLast, c.Res.Meet = true, "chibo"
	c.Years = inNX(yrs(2021, T, T, XS))
	c.NX = NXStyle{On: true, Table: true, Days: 12}
	c.Note = "Two-column PDF: the last Căn cứ ends with a comma and the chi bộ's sentence \"tổ chức họp lúc 14h00' ngày 7-5-2024\" follows; the columns cut the date lines."
	c.Tags = []string{"two-column", "comma-cancu", "dashed-date"}
	addCase(c, hoso.VerdictEligible)

	return cs
}

// setUnit moves the case to another unit, with that unit's usual position.
func (c *Case) setUnit(u Unit) {
	c.Unit, c.Position = u, u.Pos
}

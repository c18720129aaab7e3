package heldout

import (
	"github.com/hoso-vn/hoso"
)

// Short names for the ratings in the case table.
const (
	xs = hoso.RatingHTXSNV
	tt = hoso.RatingHTTNV
	ht = hoso.RatingHTNV
)

// ph is a phiếu signed by the unit's head on 22 December of its year.
func ph(year int, self, auth hoso.Rating, style int, org1, org2, place string) Phieu {
	return Phieu{Year: year, Self: self, Auth: auth, Style: style, Org1: org1, Org2: org2, Place: place,
		SelfDate: D(year, 12, 8), Date: D(year, 12, 22), Old: year < 2020}
}

// Cases returns the held-out dossiers. Want is checked against Judge by
// the tests, so a slip in a case shows up as a failing test, not a wrong
// truth.
func Cases() []Case { return casesWithWant() }

// wanted pairs a case with the verdict its author meant.
type wanted struct {
	Case
	Want   hoso.Verdict
	Letter hoso.LetterKind
}

func casesWithWant() []Case {
	var out []Case
	for _, w := range table() {
		out = append(out, w.Case)
	}
	return out
}

func table() []wanted {
	// Parties and units used by several cases.
	qtri := Party{DangBo: "ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH", ChiBo: "Chi bộ Khoa Dược", Addressee: "Đảng uỷ Bệnh viện Đa khoa tỉnh Quảng Trị", Place: "Đông Hà"}
	hatinh := Party{DangBo: "ĐẢNG BỘ SỞ Y TẾ", ChiBo: "Chi bộ Trung tâm Kiểm soát bệnh tật", Addressee: "Đảng ủy Sở Y tế tỉnh Hà Tĩnh", Place: "Hà Tĩnh"}
	caobang := Party{DangBo: "ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO", ChiBo: "Chi bộ Trường PT Dân tộc nội trú tỉnh", Addressee: "Đảng uỷ Sở Giáo dục và Đào tạo tỉnh Cao Bằng", Place: "Cao Bằng"}
	// Awards cited both in a unit's summary and by their decision.
	giaykhen2022sy := Aw{Year: 2022, Kind: hoso.AwardGiayKhen, Issuer: "Giám đốc Sở Nông nghiệp và Phát triển nông thôn", Number: "62/QĐ-SNN", Date: D(2023, 1, 18),
		Org1: "UBND TỈNH HÀ TĨNH", Org2: "SỞ NÔNG NGHIỆP VÀ PTNT", Place: "Hà Tĩnh"}
	bangkhen2022phuc := Aw{Year: 2022, Kind: hoso.AwardBangKhen, Issuer: "Chủ tịch UBND tỉnh", Number: "412/QĐ-UBND", Date: D(2023, 2, 14),
		Org1: "UỶ BAN NHÂN DÂN", Org2: "TỈNH NGHỆ AN", Place: "Nghệ An"}
	hue := Party{DangBo: "ĐẢNG BỘ SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", ChiBo: "Chi bộ Văn phòng Đăng ký đất đai", Addressee: "Đảng uỷ Sở Tài nguyên và Môi trường", Place: "Huế"}

	return append([]wanted{
		{Want: hoso.VerdictEligible, Case: Case{ID: "01-ho-thi-ngoc-hoa", Out: OutDOCX, Producer: ProdOwn,
			Tags: []string{"can-cu-dates", "checkbox", "viên-chức"},
			Note: "Three phiếu with ☐/☒ lists; HTXSNV 2023 by the authority.",
			Person: Person{Name: "Hồ Thị Ngọc Hoà", Born: D(1992, 5, 14), Unit: "Khoa Dược, Bệnh viện Đa khoa tỉnh Quảng Trị",
				Position: "Dược sĩ hạng III", Education: "12/12", Hometown: "Triệu Phong, Quảng Trị", Address: "phường 5, thành phố Đông Hà"},
			Papers: []Paper{
				NQ{Party: qtri, Meeting: D(2024, 3, 12), Style: 0, DateFmt: dsLong, Number: "07-NQ/CB", Members: 14, Present: 13, Reserve: 1},
				Don{To: []string{"Chi bộ Khoa Dược,", "Đảng uỷ Bệnh viện Đa khoa tỉnh Quảng Trị"}, Dang: "Đảng uỷ Bệnh viện Đa khoa tỉnh Quảng Trị", Date: D(2023, 10, 2), Place: "Đông Hà"},
				ph(2021, tt, tt, 0, "SỞ Y TẾ QUẢNG TRỊ", "BỆNH VIỆN ĐA KHOA TỈNH", "Đông Hà"),
				ph(2022, tt, tt, 0, "SỞ Y TẾ QUẢNG TRỊ", "BỆNH VIỆN ĐA KHOA TỈNH", "Đông Hà"),
				ph(2023, xs, xs, 0, "SỞ Y TẾ QUẢNG TRỊ", "BỆNH VIỆN ĐA KHOA TỈNH", "Đông Hà"),
			}}},
		{Want: hoso.VerdictIneligible, Case: Case{ID: "02-be-thi-y", Out: OutDOCX, Producer: ProdPythonDocx,
			Tags: []string{"htxsnv-before-window", "legend", "rare-letter"},
			Note: "HTXSNV only in 2020, the year before the window 2021–2023; no award; legend under the table.",
			Person: Person{Name: "Bế Thị Ỷ", Born: D(1990, 10, 3), Unit: "Trường Phổ thông Dân tộc nội trú tỉnh Cao Bằng",
				Position: "Giáo viên", Education: "12/12", Hometown: "Hà Quảng, Cao Bằng"},
			Papers: []Paper{
				NQ{Party: caobang, Meeting: D(2024, 1, 15), Style: 1, Number: "02-NQ/CB", Members: 9, Present: 9},
				NhanXet{Title: 0, Org1: "SỞ GD&ĐT CAO BẰNG", Org2: "TRƯỜNG PT DTNT TỈNH", OrgName: "Trường Phổ thông Dân tộc nội trú tỉnh Cao Bằng", Boss: "HIỆU TRƯỞNG",
					Place: "Cao Bằng", Date: D(2024, 1, 5), Layout: 0, RStyle: rsAbbr, Legend: true, Signer: "Nông Văn Tuấn",
					Years: []YR{{Year: 2020, Rating: xs}, {Year: 2021, Rating: tt}, {Year: 2022, Rating: tt}, {Year: 2023, Rating: tt}}},
			}}},
		{Want: hoso.VerdictIneligible, Case: Case{ID: "03-nguyen-huu-loc", Out: OutDOCX, Producer: ProdLibreOffice,
			Tags: []string{"self-rating-higher", "option-hint", "unit-wrap"},
			Note: "Self-rated HTXSNV for 2022, the authority rated HTTNV; the form's option hint is left in; no award.",
			Person: Person{Name: "Nguyễn Hữu Lộc", Male: true, Born: D(1988, 10, 26), Unit: "Văn phòng Đăng ký đất đai tỉnh Thừa Thiên Huế", UnitBreak: 5,
				Position: "Viên chức", Education: "12/12", Hometown: "Phú Vang, Thừa Thiên Huế"},
			Papers: []Paper{
				NQ{Party: hue, Meeting: D(2023, 11, 20), Style: 3, DateFmt: dsLong, Number: "15-NQ/CB", Members: 11, Present: 10, Reserve: 2},
				Phieu{Year: 2020, Self: tt, Auth: tt, Style: 1, Hint: true, Org1: "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", Org2: "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", Place: "Huế", SelfDate: D(2020, 12, 10), Date: D(2020, 12, 28)},
				Phieu{Year: 2021, Self: tt, Auth: tt, Style: 1, Hint: true, Org1: "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", Org2: "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", Place: "Huế", SelfDate: D(2021, 12, 9), Date: D(2021, 12, 27)},
				Phieu{Year: 2022, Self: xs, Auth: tt, Style: 1, Hint: true, Org1: "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", Org2: "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", Place: "Huế", SelfDate: D(2022, 12, 12), Date: D(2022, 12, 26)},
			}}},
		{Want: hoso.VerdictIncomplete, Case: Case{ID: "04-phan-thi-thuy-duong", Sloppy: true, Out: OutDOCX, Producer: ProdOwn,
			Tags: []string{"sloppy-typing", "missing-year", "award-decided-next-year"},
			Note: "Only 2022 and 2023 are rated; 2021 is missing. Giấy khen for 2023 decided in January 2024.",
			Person: Person{Name: "Phan Thị Thuỳ Dương", Born: D(1995, 7, 30), Unit: "Trung tâm Kiểm soát bệnh tật tỉnh Hà Tĩnh",
				Position: "Kỹ thuật viên xét nghiệm", Education: "12/12", Hometown: "Đức Thọ, Hà Tĩnh"},
			Papers: []Paper{
				NQ{Party: hatinh, Meeting: D(2024, 6, 28), Style: 4, Number: "11-NQ/CB", Members: 8, Present: 8},
				NhanXet{Title: 0, Org1: "SỞ Y TẾ HÀ TĨNH", Org2: "TRUNG TÂM KIỂM SOÁT BỆNH TẬT", OrgName: "Trung tâm Kiểm soát bệnh tật tỉnh Hà Tĩnh", Boss: "GIÁM ĐỐC",
					Place: "Hà Tĩnh", Date: D(2024, 6, 10), Layout: 2, Signer: "Trần Văn Sơn",
					Years: []YR{{Year: 2022, Rating: tt}, {Year: 2023, Rating: tt}}},
				QD{A: Aw{Year: 2023, Kind: hoso.AwardGiayKhen, Issuer: "Giám đốc Sở Y tế", Number: "35/QĐ-SYT", Date: D(2024, 1, 10), Org1: "UBND TỈNH HÀ TĨNH", Org2: "SỞ Y TẾ", Place: "Hà Tĩnh"},
					Includes: true, Others: []string{"Ông Nguyễn Văn Tài, Trưởng khoa, Bệnh viện Đa khoa huyện Kỳ Anh;", "Bà Lê Thị Huyền, Điều dưỡng, Trung tâm Y tế huyện Can Lộc."}},
			}}},
		{Want: hoso.VerdictEligible, Case: Case{ID: "05-dang-van-sy", Out: OutPDF, Producer: ProdLibreOffice,
			Tags: []string{"union-resolution-first", "thoi-gian-line", "legend", "abbreviations", "award-decided-next-year"},
			Note: "Meeting given as “Thời gian: 08 giờ 30 phút, ngày 05/09/2023”; Giấy khen for achievements of 2022 decided on 18/01/2023.",
			Person: Person{Name: "Đặng Văn Sỹ", Male: true, Born: D(1985, 2, 11), Unit: "Ban Quản lý rừng phòng hộ huyện Kỳ Anh",
				Position: "Kỹ sư lâm nghiệp", Education: "12/12", Hometown: "Kỳ Anh, Hà Tĩnh"},
			Papers: []Paper{
				NQDoanThe{Union: "Ban Chấp hành Công đoàn cơ sở Ban Quản lý rừng phòng hộ Kỳ Anh", Head: []string{"CÔNG ĐOÀN NGÀNH NN&PTNT", "CĐCS BAN QLRPH KỲ ANH"},
					Meeting: D(2023, 7, 28), Place: "Kỳ Anh", ChiBo: "Chi bộ Ban Quản lý rừng phòng hộ Kỳ Anh"},
				NQ{Party: Party{DangBo: "ĐẢNG BỘ SỞ NÔNG NGHIỆP VÀ PTNT", ChiBo: "Chi bộ Ban Quản lý rừng phòng hộ Kỳ Anh", Addressee: "Đảng uỷ Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Tĩnh", Place: "Kỳ Anh"},
					Meeting: D(2023, 9, 5), Style: 2, Number: "04-NQ/CB", Members: 7, Present: 7},
				NhanXet{Title: 1, Org1: "SỞ NN&PTNT HÀ TĨNH", Org2: "BAN QLRPH HUYỆN KỲ ANH", OrgName: "Ban Quản lý rừng phòng hộ huyện Kỳ Anh", Boss: "TRƯỞNG BAN",
					Place: "Kỳ Anh", Date: D(2023, 8, 21), Layout: 0, RStyle: rsAbbr, Legend: true, Signer: "Hồ Sỹ Nguyên",
					Years:  []YR{{Year: 2020, Rating: tt}, {Year: 2021, Rating: tt}, {Year: 2022, Rating: tt}},
					Awards: []Aw{giaykhen2022sy}},
				QD{A: giaykhen2022sy, Includes: true, Others: []string{"Ông Trần Đình Lực, Trạm trưởng Trạm bảo vệ rừng Kỳ Thượng;"}},
			}}},
		{Want: hoso.VerdictIneligible, Case: Case{ID: "06-lo-thi-my", Out: OutPDF, Producer: ProdLibreOffice, Columns: 2,
			Tags: []string{"two-column", "collective-award", "ldtt-only", "table-phieu", "source:python-docx"},
			Note: "Giấy khen 2022 to the school as a collective; the candidate herself has only Lao động tiên tiến 2023.",
			Person: Person{Name: "Lò Thị Mỷ", Born: D(1993, 12, 1), Unit: "Trường Mầm non Hoa Ban, huyện Tuần Giáo",
				Position: "Giáo viên mầm non", Education: "12/12", Hometown: "Tuần Giáo, Điện Biên"},
			Papers: []Paper{
				NQ{Party: Party{DangBo: "ĐẢNG BỘ HUYỆN TUẦN GIÁO", ChiBo: "Chi bộ Trường Mầm non Hoa Ban", Addressee: "Đảng ủy xã Quài Tở", Place: "Tuần Giáo"},
					Meeting: D(2024, 10, 7), Style: 5, DateFmt: dsLong0, Number: "09-NQ/CB", Members: 6, Present: 6},
				ph(2021, tt, tt, 2, "UBND HUYỆN TUẦN GIÁO", "TRƯỜNG MẦM NON HOA BAN", "Quài Tở"),
				ph(2022, tt, tt, 2, "UBND HUYỆN TUẦN GIÁO", "TRƯỜNG MẦM NON HOA BAN", "Quài Tở"),
				ph(2023, tt, tt, 2, "UBND HUYỆN TUẦN GIÁO", "TRƯỜNG MẦM NON HOA BAN", "Quài Tở"),
				QD{A: Aw{Year: 2022, Kind: hoso.AwardGiayKhen, Issuer: "Chủ tịch UBND huyện Tuần Giáo", Number: "1820/QĐ-UBND", Date: D(2022, 12, 30), Org1: "UỶ BAN NHÂN DÂN", Org2: "HUYỆN TUẦN GIÁO", Place: "Tuần Giáo"},
					Collective: "Trường Mầm non Hoa Ban"},
				QD{A: Aw{Year: 2023, Kind: hoso.AwardLaoDongTienTien, Issuer: "Chủ tịch UBND huyện Tuần Giáo", Number: "2011/QĐ-UBND", Date: D(2023, 12, 27), Org1: "UỶ BAN NHÂN DÂN", Org2: "HUYỆN TUẦN GIÁO", Place: "Tuần Giáo"},
					Includes: true, Others: []string{"Bà Quàng Thị Dung, Giáo viên, Trường Mầm non Hoa Ban;", "Bà Lường Thị Ơn, Giáo viên, Trường Mầm non Quài Cang."}},
			}}},
		{Want: hoso.VerdictEligible, Case: Case{ID: "07-trinh-quoc-khanh", Out: OutDOCX, Producer: ProdPythonDocx,
			Tags: []string{"other-candidate", "introducer-dob", "prose-ratings"},
			Note: "The resolution also proposes Đỗ Thị Ngân, born 1963; the introducer was born in 1970. Neither is the candidate.",
			Person: Person{Name: "Trịnh Quốc Khánh", Male: true, Born: D(1991, 9, 2), Unit: "Phòng Tài chính – Kế hoạch huyện Thạch Hà",
				Position: "Chuyên viên", Education: "12/12", Hometown: "Thạch Hà, Hà Tĩnh"},
			Papers: []Paper{
				NQ{Party: Party{DangBo: "ĐẢNG BỘ CƠ QUAN CHÍNH QUYỀN HUYỆN", ChiBo: "Chi bộ Phòng Tài chính – Kế hoạch", Addressee: "Đảng uỷ Cơ quan Chính quyền huyện Thạch Hà", Place: "Thạch Hà"},
					Meeting: D(2024, 4, 18), Style: 0, DateFmt: dsLong, Number: "03-NQ/CB", Members: 10, Present: 9,
					Others: []Other{{Name: "Đỗ Thị Ngân", Born: D(1963, 4, 20), Unit: "Phòng Tài chính – Kế hoạch huyện Thạch Hà"}}},
				GioiThieu{Name: "Nguyễn Thị Quế", Born: D(1970, 3, 15), Joined: D(1998, 5, 19), Member: D(1999, 5, 19), ChiBo: "Chi bộ Phòng Tài chính – Kế hoạch", Date: D(2024, 3, 1), Place: "Thạch Hà", Since: 2016},
				NhanXet{Title: 0, Org1: "UBND HUYỆN THẠCH HÀ", Org2: "PHÒNG TÀI CHÍNH – KẾ HOẠCH", OrgName: "Phòng Tài chính – Kế hoạch huyện Thạch Hà", Boss: "TRƯỞNG PHÒNG",
					Place: "Thạch Hà", Date: D(2024, 3, 20), Layout: 1, RStyle: rsLower, Signer: "Lê Quang Hải",
					Years: []YR{{Year: 2021, Rating: tt}, {Year: 2022, Rating: xs}, {Year: 2023, Rating: tt}}},
			}}},
		{Want: hoso.VerdictIneligible, Case: Case{ID: "08-vo-thi-kim-thoa", Out: OutDOCX, Producer: ProdLibreOffice,
			Tags: []string{"recruited-in-window"},
			Note: "Recruited in March 2022: the window 2021–2023 cannot have three rated years.",
			Person: Person{Name: "Võ Thị Kim Thoa", Born: D(1996, 3, 8), Unit: "Trung tâm Dịch vụ nông nghiệp huyện Đức Thọ",
				Position: "Viên chức", Education: "12/12", Hometown: "Đức Thọ, Hà Tĩnh"},
			Papers: []Paper{
				NQ{Party: Party{DangBo: "ĐẢNG BỘ HUYỆN ĐỨC THỌ", ChiBo: "Chi bộ Trung tâm Dịch vụ nông nghiệp", Addressee: "Đảng uỷ Khối Cơ quan huyện Đức Thọ", Place: "Đức Thọ"},
					Meeting: D(2024, 5, 21), Style: 1, Number: "05-NQ/CB", Members: 9, Present: 8},
				NhanXet{Title: 0, Org1: "UBND HUYỆN ĐỨC THỌ", Org2: "TRUNG TÂM DỊCH VỤ NÔNG NGHIỆP", OrgName: "Trung tâm Dịch vụ nông nghiệp huyện Đức Thọ", Boss: "GIÁM ĐỐC",
					Place: "Đức Thọ", Date: D(2024, 5, 6), Layout: 0, Employed: D(2022, 3, 1), EmpStyle: 0, Signer: "Nguyễn Đình Hoè",
					Years: []YR{{Year: 2022, Rating: tt}, {Year: 2023, Rating: xs}}},
			}}},
		{Want: hoso.VerdictIneligible, Case: Case{ID: "09-mai-thi-huong-giang", Sloppy: true, Out: OutDOCX, Producer: ProdOwn,
			Tags: []string{"sloppy-typing", "maternity-unrated"},
			Note: "The unit did not rate 2021 (maternity leave).",
			Person: Person{Name: "Mai Thị Hương Giang", Born: D(1990, 11, 19), Unit: "Kho bạc Nhà nước huyện Hương Khê",
				Position: "Kế toán viên", Education: "12/12", Hometown: "Hương Khê, Hà Tĩnh"},
			Papers: []Paper{
				NQ{Party: Party{DangBo: "ĐẢNG BỘ KHO BẠC NHÀ NƯỚC HÀ TĨNH", ChiBo: "Chi bộ Kho bạc Nhà nước Hương Khê", Addressee: "Đảng uỷ Kho bạc Nhà nước Hà Tĩnh", Place: "Hương Khê"},
					Meeting: D(2023, 12, 14), Style: 3, DateFmt: dsLong0, Number: "08-NQ/CB", Members: 8, Present: 8},
				NhanXet{Title: 2, Org1: "KHO BẠC NHÀ NƯỚC HÀ TĨNH", Org2: "KBNN HƯƠNG KHÊ", OrgName: "Kho bạc Nhà nước huyện Hương Khê", Boss: "GIÁM ĐỐC",
					Place: "Hương Khê", Date: D(2023, 12, 4), Layout: 0, Signer: "Phan Văn Lâm",
					Years: []YR{{Year: 2020, Rating: tt}, {Year: 2021, Unrated: "nghỉ thai sản từ tháng 02/2021 đến tháng 8/2021"}, {Year: 2022, Rating: xs}}},
			}}},
		{Want: hoso.VerdictIncomplete, Case: Case{ID: "10-le-hoang-phuc", Out: OutPDF, Producer: ProdLibreOffice,
			Tags: []string{"birth-year-only", "age-straddles-60"},
			Note: "Only “sinh năm 1964”: 60 years and 5 months if born on 1 January, 59 and 5 months if on 31 December.",
			Person: Person{Name: "Lê Hoàng Phúc", Male: true, BirthYear: 1964, Unit: "Hội Chữ thập đỏ tỉnh Nghệ An",
				Position: "Phó Chánh Văn phòng", Education: "10/10", Hometown: "Nghi Lộc, Nghệ An"},
			Papers: []Paper{
				NQ{Party: Party{DangBo: "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", ChiBo: "Chi bộ Hội Chữ thập đỏ tỉnh", Addressee: "Đảng uỷ Khối các cơ quan tỉnh Nghệ An", Place: "Vinh"},
					Meeting: D(2024, 6, 20), Style: 0, DateFmt: dsSpaced, Number: "06-NQ/CB", Members: 12, Present: 12, Birth: BirthYear},
				Don{To: []string{"Chi bộ Hội Chữ thập đỏ tỉnh,", "Đảng uỷ Khối các cơ quan tỉnh Nghệ An"}, Dang: "Đảng uỷ Khối các cơ quan tỉnh Nghệ An", Date: D(2024, 1, 8), Place: "Vinh", Birth: BirthYear},
				NhanXet{Title: 0, Org1: "HỘI CHỮ THẬP ĐỎ VIỆT NAM", Org2: "TỈNH NGHỆ AN", OrgName: "Hội Chữ thập đỏ tỉnh Nghệ An", Boss: "CHỦ TỊCH",
					Place: "Vinh", Date: D(2024, 6, 3), Layout: 2, Birth: BirthNone, Signer: "Thái Thị Liên",
					Years: []YR{{Year: 2021, Rating: tt}, {Year: 2022, Rating: tt}, {Year: 2023, Rating: tt}}, Awards: []Aw{bangkhen2022phuc}},
				QD{A: bangkhen2022phuc, Includes: true},
			}}},
		{Want: hoso.VerdictEligible, Case: Case{ID: "11-ha-thi-phuong", Out: OutDOCX, Producer: ProdPythonDocx,
			Tags: []string{"birth-year-only", "written-phieu", "ly-lich"},
			Note: "Only the year of birth (1990) is written: every day of it gives an age between 18 and 60.",
			Person: Person{Name: "Hà Thị Phượng", BirthYear: 1990, Unit: "Trạm Y tế xã Sơn Kim 1, huyện Hương Sơn",
				Position: "Y sĩ", Education: "12/12", Hometown: "Hương Sơn, Hà Tĩnh", Address: "xã Sơn Kim 1, huyện Hương Sơn"},
			Papers: []Paper{
				NQ{Party: Party{DangBo: "ĐẢNG BỘ XÃ SƠN KIM 1", ChiBo: "Chi bộ Trạm Y tế", Addressee: "Đảng uỷ xã Sơn Kim 1", Place: "Sơn Kim 1"},
					Meeting: D(2024, 7, 9), Style: 4, Number: "02-NQ/CB", Members: 5, Present: 5, Birth: BirthYear},
				LyLich{Date: D(2024, 2, 2), Birth: BirthYear, Jobs: []string{"09/2012 – 12/2015|Y sĩ hợp đồng, Trạm Y tế xã Sơn Kim 2", "01/2016 – nay|Y sĩ, Trạm Y tế xã Sơn Kim 1"}, Employed: D(2016, 1, 1)},
				Phieu{Year: 2021, Self: tt, Auth: tt, Style: 1, Org1: "TRUNG TÂM Y TẾ HƯƠNG SƠN", Org2: "TRẠM Y TẾ XÃ SƠN KIM 1", Place: "Hương Sơn", SelfDate: D(2021, 12, 6), Date: D(2021, 12, 15)},
				Phieu{Year: 2022, Self: tt, Auth: tt, Style: 1, Org1: "TRUNG TÂM Y TẾ HƯƠNG SƠN", Org2: "TRẠM Y TẾ XÃ SƠN KIM 1", Place: "Hương Sơn", SelfDate: D(2022, 12, 6), Date: D(2022, 12, 16)},
				Phieu{Year: 2023, Self: xs, Auth: xs, Style: 1, Org1: "TRUNG TÂM Y TẾ HƯƠNG SƠN", Org2: "TRẠM Y TẾ XÃ SƠN KIM 1", Place: "Hương Sơn", SelfDate: D(2023, 12, 5), Date: D(2023, 12, 14)},
			}}},
		{Want: hoso.VerdictIneligible, Letter: hoso.LetterEscalate, Case: Case{ID: "12-nguyen-van-hoa", Sloppy: true, Out: OutDOCX, Producer: ProdLibreOffice,
			Tags: []string{"sloppy-typing", "over-60", "escalate"},
			Note: "Born 10/02/1963: 61 years and 1 month at the meeting; everything else passes, so the letter goes up.",
			Person: Person{Name: "Nguyễn Văn Hòa", Male: true, Born: D(1963, 2, 10), Unit: "Công ty TNHH MTV Thuỷ lợi Nam Hà Tĩnh",
				Position: "Trưởng trạm quản lý thuỷ nông", Education: "10/10", Hometown: "Cẩm Xuyên, Hà Tĩnh"},
			Papers: []Paper{
				NQ{Party: Party{DangBo: "ĐẢNG BỘ KHỐI DOANH NGHIỆP TỈNH", ChiBo: "Chi bộ Công ty Thuỷ lợi Nam", Addressee: "Đảng ủy Khối Doanh nghiệp tỉnh Hà Tĩnh", Place: "Cẩm Xuyên"},
					Meeting: D(2024, 3, 26), Style: 0, DateFmt: dsLong0, Number: "01-NQ/CB", Members: 15, Present: 14},
				NhanXet{Title: 0, Org1: "CÔNG TY TNHH MTV", Org2: "THUỶ LỢI NAM HÀ TĨNH", OrgName: "Công ty TNHH MTV Thuỷ lợi Nam Hà Tĩnh", Boss: "GIÁM ĐỐC",
					Place: "Cẩm Xuyên", Date: D(2024, 3, 11), Layout: 0, RStyle: rsFull, Signer: "Võ Tá Hùng",
					Years: []YR{{Year: 2021, Rating: tt}, {Year: 2022, Rating: xs}, {Year: 2023, Rating: tt}}},
			}}},
		{Want: hoso.VerdictIncomplete, Case: Case{ID: "13-ta-quang-thien", Out: OutDOCX, Producer: ProdOwn,
			Tags: []string{"x-in-table", "introducer-dob", "no-candidate-dob", "cstd", "công-chức"},
			Note: "No paper gives the candidate's date of birth; the only one written is the introducer's (05/01/1962).",
			Person: Person{Name: "Tạ Quang Thiện", Male: true, Unit: "Phòng Văn hoá và Thông tin huyện Can Lộc",
				Position: "Chuyên viên", Education: "12/12", Hometown: "Can Lộc, Hà Tĩnh"},
			Papers: []Paper{
				NQ{Party: Party{DangBo: "ĐẢNG BỘ CƠ QUAN CHÍNH QUYỀN", ChiBo: "Chi bộ Văn hoá – Thông tin", Addressee: "Đảng uỷ Cơ quan Chính quyền huyện Can Lộc", Place: "Can Lộc"},
					Meeting: D(2024, 9, 12), Style: 5, DateFmt: dsLong, Number: "12-NQ/CB", Members: 7, Present: 6, Birth: BirthNone},
				Don{To: []string{"Chi bộ Văn hoá – Thông tin,", "Đảng uỷ Cơ quan Chính quyền huyện Can Lộc"}, Dang: "Đảng uỷ Cơ quan Chính quyền huyện Can Lộc", Date: D(2024, 4, 2), Place: "Can Lộc", Birth: BirthNone},
				GioiThieu{Name: "Phạm Thị Thu", Born: D(1962, 1, 5), Joined: D(1990, 2, 3), Member: D(1991, 2, 3), ChiBo: "Chi bộ Văn hoá – Thông tin", Date: D(2024, 8, 1), Place: "Can Lộc", Since: 2019},
				Phieu{Year: 2021, Self: tt, Auth: tt, Style: 3, CongChuc: true, Org1: "UBND HUYỆN CAN LỘC", Org2: "PHÒNG VĂN HOÁ VÀ THÔNG TIN", Place: "Can Lộc", SelfDate: D(2021, 12, 13), Date: D(2021, 12, 24)},
				Phieu{Year: 2022, Self: tt, Auth: tt, Style: 3, CongChuc: true, Org1: "UBND HUYỆN CAN LỘC", Org2: "PHÒNG VĂN HOÁ VÀ THÔNG TIN", Place: "Can Lộc", SelfDate: D(2022, 12, 12), Date: D(2022, 12, 23)},
				Phieu{Year: 2023, Self: tt, Auth: tt, Style: 3, CongChuc: true, Org1: "UBND HUYỆN CAN LỘC", Org2: "PHÒNG VĂN HOÁ VÀ THÔNG TIN", Place: "Can Lộc", SelfDate: D(2023, 12, 11), Date: D(2023, 12, 22)},
				QD{A: Aw{Year: 2023, Kind: hoso.AwardCSTDCoSo, Issuer: "Chủ tịch UBND huyện Can Lộc", Number: "3307/QĐ-UBND", Date: D(2023, 12, 28), Org1: "UỶ BAN NHÂN DÂN", Org2: "HUYỆN CAN LỘC", Place: "Can Lộc"},
					Includes: true, Others: []string{"Ông Hồ Đức Mạnh, Chuyên viên, Phòng Nội vụ;"}},
			}}},
		{Want: hoso.VerdictIncomplete, Case: Case{ID: "14-dinh-thi-lua", Out: OutPDF, Producer: ProdLibreOffice,
			Tags: []string{"dob-conflict", "ly-lich"},
			Note: "Lý lịch: 09/04/1992; đơn and resolution: 04/09/1992 — two different dates of birth.",
			Person: Person{Name: "Đinh Thị Lụa", Born: D(1992, 9, 4), Unit: "Chi cục Thống kê khu vực Yên Thành – Diễn Châu",
				Position: "Thống kê viên", Education: "12/12", Hometown: "Yên Thành, Nghệ An", Address: "thị trấn Hoa Thành, huyện Yên Thành"},
			Papers: []Paper{
				NQ{Party: Party{DangBo: "ĐẢNG BỘ CỤC THỐNG KÊ", ChiBo: "Chi bộ Chi cục Thống kê Yên Thành – Diễn Châu", Addressee: "Đảng uỷ Cục Thống kê tỉnh Nghệ An", Place: "Yên Thành"},
					Meeting: D(2024, 2, 27), Style: 1, Number: "01-NQ/CB", Members: 6, Present: 6},
				Don{To: []string{"Chi bộ Chi cục Thống kê Yên Thành – Diễn Châu;", "Đảng uỷ Cục Thống kê tỉnh Nghệ An."}, Dang: "Đảng uỷ Cục Thống kê tỉnh Nghệ An", Date: D(2023, 11, 6), Place: "Yên Thành"},
				LyLich{Date: D(2023, 11, 6), BornAs: D(1992, 4, 9), Jobs: []string{"10/2015 – nay|Thống kê viên, Chi cục Thống kê khu vực Yên Thành – Diễn Châu"}, Employed: D(2015, 10, 1)},
				NhanXet{Title: 1, Org1: "CỤC THỐNG KÊ NGHỆ AN", Org2: "CHI CỤC TK YÊN THÀNH – DIỄN CHÂU", OrgName: "Chi cục Thống kê khu vực Yên Thành – Diễn Châu", Boss: "CHI CỤC TRƯỞNG",
					Place: "Yên Thành", Date: D(2024, 2, 5), Layout: 0, Signer: "Bùi Văn Toản",
					Years: []YR{{Year: 2021, Rating: tt}, {Year: 2022, Rating: tt}, {Year: 2023, Rating: xs}}},
			}}},
	}, moreCases()...)
}

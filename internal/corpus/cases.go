package corpus

import (
	"sort"

	"github.com/hoso-vn/hoso"
)

const (
	xs  = hoso.RatingHTXSNV
	tot = hoso.RatingHTTNV
	ht  = hoso.RatingHTNV
	kht = hoso.RatingKHTNV
)

func r(y int, rt hoso.Rating) Rated                { return Rated{Year: y, Rating: rt} }
func rl(y int, rt hoso.Rating, label string) Rated { return Rated{Year: y, Rating: rt, Label: label} }

func aw(y int, k hoso.AwardKind, title, issuer, number string, date hoso.Date) Commendation {
	return Commendation{Year: y, Kind: k, Title: title, Issuer: issuer, Number: number, Date: date}
}

// org is where a candidate works and which chi bộ considers them.
type org struct {
	unit, position, parent, agency, place string
	head, headName                        string // "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC"
	chibo, danguy, secretary              string
	vienChuc                              bool
}

func (o org) apply(d *Dossier) {
	d.Unit, d.Position, d.Parent, d.Agency, d.Place = o.unit, o.position, o.parent, o.agency, o.place
	d.HeadTitle, d.HeadName = o.head, o.headName
	d.ChiBo, d.DangUy, d.Secretary, d.VienChuc = o.chibo, o.danguy, o.secretary, o.vienChuc
}

func person(name string, male bool, born hoso.Date, birth, home string) Person {
	return Person{Name: name, Male: male, Born: born, BirthSite: birth, HomeTown: home, Residence: birth,
		Ethnic: "Kinh", Religion: "Không", Education: "12/12"}
}

func monthsBefore(t hoso.Date, months, days int) hoso.Date {
	return hoso.DateOf(t.Time().AddDate(0, -months, -days))
}

// fill supplies what a case leaves out: the usual papers, their dates
// relative to the meeting, the chi bộ size, and the tags its style implies.
func fill(d Dossier, o org) Dossier {
	o.apply(&d)
	if d.Docs == nil {
		d.Docs = []DocKind{DocLyLich, DocDon, DocCertificate, DocAppraisal}
		if len(d.Reviews) > 0 {
			d.Docs = append(d.Docs, DocReviews)
		}
		for _, a := range d.Awards {
			if a.Decision || a.DecisionOnly {
				d.Docs = append(d.Docs, DocDecisions)
				break
			}
		}
		d.Docs = append(d.Docs, DocResolution)
	}
	if !d.Meeting.IsZero() {
		if d.Applied.IsZero() {
			d.Applied = monthsBefore(d.Meeting, 4, 3)
		}
		if d.LyLichDate.IsZero() {
			d.LyLichDate = monthsBefore(d.Meeting, 3, 10)
		}
		if d.CertDate.IsZero() {
			d.CertDate = monthsBefore(d.Meeting, 7, 0)
		}
		if d.AppraisalDate.IsZero() {
			d.AppraisalDate = monthsBefore(d.Meeting, 0, 12)
		}
	}
	if d.Members == 0 {
		d.Members = 9 + len(d.ID)%7
	}
	tags := map[string]bool{}
	for _, t := range d.Tags {
		tags[t] = true
	}
	switch d.Pack.Kind {
	case PackDOCX:
		tags["docx"] = true
	case PackPDF:
		tags["pdf"] = true
	case PackZIP:
		tags["zip"] = true
	}
	s := d.Style
	if d.has(DocAppraisal) {
		if s.Prose {
			tags["prose"] = true
		} else {
			tags["table"] = true
		}
	}
	for tag, on := range map[string]bool{"allcaps": s.AllCaps, "abbrev": s.Abbrev, "split_runs": s.SplitRuns,
		"header_footer": s.HeaderFooter, "textbox": s.TextBox, "sdt": s.SDT, "tracked": s.Tracked,
		"numbered": s.Numbered, "tabs": s.Tabs, "no_dob": s.NoDOB,
		"tcvn3": s.Encoding == TCVN3, "vni": s.Encoding == VNI || s.Encoding == VNINoFont,
		"nofont": s.Encoding == VNINoFont, "nfd": s.Encoding == NFD,
		"alt_textbox": s.AltTextBox, "merged": s.Merged, "tracked_row": s.TrackedRow, "numeric_dates": s.NumericDates,
		"nbsp": s.NBSP, "wrappers": s.Wrappers, "macos": d.Pack.MacOS} {
		if on {
			tags[tag] = true
		}
	}
	d.Tags = d.Tags[:0:0]
	for t := range tags {
		d.Tags = append(d.Tags, t)
	}
	sort.Strings(d.Tags)
	return d
}

// duKhoi names the Party committee of a province's agencies.
func duKhoi(province string) string { return "Đảng uỷ Khối các cơ quan tỉnh " + province }

// Dossiers returns the corpus's dossier cases, each different.
func Dossiers() []Dossier {
	var out []Dossier
	add := func(d Dossier, o org) { out = append(out, fill(d, o)) }

	add(Dossier{ID: "01-bang-htxsnv", Note: "Bảng xếp loại ba năm, một năm HTXSNV: đủ điều kiện.",
		Person:     person("Nguyễn Thị Hương", false, dt(1990, 5, 12), "xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình", "xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình"),
		Meeting:    dt(2019, 9, 15),
		Appraisals: []Rated{r(2016, tot), r(2017, xs), r(2018, tot)},
		Awards: []Commendation{aw(2016, hoso.AwardLaoDongTienTien, "Lao động tiên tiến", "Giám đốc Sở Tài chính", "", hoso.Date{}),
			aw(2018, hoso.AwardLaoDongTienTien, "Lao động tiên tiến", "Giám đốc Sở Tài chính", "", hoso.Date{})},
	}, org{"Sở Tài chính tỉnh Thái Bình", "Chuyên viên", "UBND TỈNH THÁI BÌNH", "SỞ TÀI CHÍNH", "Thái Bình",
		"KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC", "Trần Văn Nam", "Chi bộ Sở Tài chính", duKhoi("Thái Bình"), "Lê Minh Tuấn", false})

	add(Dossier{ID: "02-van-xuoi-giay-khen", Note: "Xếp loại viết thành câu, ba năm HTTNV, có Giấy khen của Giám đốc Sở: đủ điều kiện.",
		Person:     person("Trần Văn Đức", true, dt(1988, 11, 3), "xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An", "xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An"),
		Meeting:    dt(2020, 11, 20),
		Appraisals: []Rated{r(2017, tot), r(2018, tot), r(2019, tot)},
		Awards:     []Commendation{aw(2018, hoso.AwardGiayKhen, "Giấy khen", "Giám đốc Sở Giáo dục và Đào tạo", "1520/QĐ-SGDĐT", dt(2018, 8, 28))},
		Style:      Style{Prose: true},
	}, org{"Trường THPT Phan Bội Châu", "Giáo viên", "SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN", "TRƯỜNG THPT PHAN BỘI CHÂU", "Nghệ An",
		"HIỆU TRƯỞNG", "Nguyễn Đình Lâm", "Chi bộ Trường THPT Phan Bội Châu", "Đảng uỷ Khối các cơ quan tỉnh Nghệ An", "Hồ Sỹ Dũng", true})

	add(Dossier{ID: "03-bang-khen-ubnd-tinh", Note: "Bằng khen của Chủ tịch UBND tỉnh năm 2019, kèm quyết định khen thưởng: đủ điều kiện.",
		Person:     person("Lê Văn Hoà", true, dt(1985, 7, 21), "xã Thạch Trung, thành phố Hà Tĩnh", "xã Thạch Trung, thành phố Hà Tĩnh"),
		Meeting:    dt(2021, 6, 10),
		Appraisals: []Rated{r(2018, tot), r(2019, tot), r(2020, tot)},
		Awards: []Commendation{func() Commendation {
			a := aw(2019, hoso.AwardBangKhen, "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "3456/QĐ-UBND", dt(2019, 12, 27))
			a.Decision = true
			return a
		}()},
	}, org{"Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh", "Chuyên viên", "UBND TỈNH HÀ TĨNH", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Hà Tĩnh",
		"GIÁM ĐỐC", "Võ Hồng Hải", "Chi bộ Sở Kế hoạch và Đầu tư", duKhoi("Hà Tĩnh"), "Phan Văn Hùng", false})

	add(Dossier{ID: "04-chien-sy-thi-dua-co-so", Note: "Danh hiệu \"Chiến sỹ thi đua cơ sở\" (viết sỹ) năm 2020, viên chức y tế: đủ điều kiện.",
		Person:     person("Trần Thị Thuỷ", false, dt(1991, 3, 2), "phường Nghĩa Chánh, thành phố Quảng Ngãi", "xã Tịnh Khê, huyện Sơn Tịnh, tỉnh Quảng Ngãi"),
		Meeting:    dt(2022, 4, 18),
		Appraisals: []Rated{r(2019, tot), r(2020, tot), r(2021, tot)},
		Awards:     []Commendation{aw(2020, hoso.AwardCSTDCoSo, "Chiến sỹ thi đua cơ sở", "Giám đốc Sở Y tế", "845/QĐ-SYT", dt(2020, 12, 30))},
	}, org{"Bệnh viện Đa khoa tỉnh Quảng Ngãi", "Điều dưỡng viên", "SỞ Y TẾ QUẢNG NGÃI", "BỆNH VIỆN ĐA KHOA TỈNH", "Quảng Ngãi",
		"GIÁM ĐỐC", "Đặng Ngọc Dũng", "Chi bộ Khoa Nội tổng hợp", "Đảng uỷ Bệnh viện Đa khoa tỉnh Quảng Ngãi", "Nguyễn Thị Diệu", true})

	add(Dossier{ID: "05-htnv-han-che-nang-luc", Note: "Năm 2017 \"Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực\" trong cửa sổ: không đủ điều kiện.",
		Person:     person("Phạm Minh Tuấn", true, dt(1987, 8, 14), "phường Điện Biên, thành phố Thanh Hoá", "xã Hoằng Lộc, huyện Hoằng Hoá, tỉnh Thanh Hoá"),
		Meeting:    dt(2019, 10, 25),
		Appraisals: []Rated{r(2016, tot), r(2017, ht), r(2018, xs)},
	}, org{"Sở Tư pháp tỉnh Thanh Hoá", "Chuyên viên", "UBND TỈNH THANH HOÁ", "SỞ TƯ PHÁP", "Thanh Hoá",
		"KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC", "Lê Thị Thu", "Chi bộ Sở Tư pháp", duKhoi("Thanh Hoá"), "Trịnh Văn Chiến", false})

	add(Dossier{ID: "06-chi-lao-dong-tien-tien", Note: "Ba năm HTTNV, chỉ có danh hiệu Lao động tiên tiến: không đủ điều kiện (LĐTT không tính).",
		Person:     person("Hoàng Thị Lan Anh", false, dt(1993, 1, 9), "phường Suối Hoa, thành phố Bắc Ninh", "xã Phù Chẩn, thị xã Từ Sơn, tỉnh Bắc Ninh"),
		Meeting:    dt(2023, 7, 12),
		Appraisals: []Rated{r(2020, tot), r(2021, tot), r(2022, tot)},
		Awards: []Commendation{
			aw(2020, hoso.AwardLaoDongTienTien, "Lao động tiên tiến", "Giám đốc Bảo hiểm xã hội tỉnh", "112/QĐ-BHXH", dt(2021, 1, 15)),
			aw(2021, hoso.AwardLaoDongTienTien, "Lao động tiên tiến", "Giám đốc Bảo hiểm xã hội tỉnh", "98/QĐ-BHXH", dt(2022, 1, 12)),
			aw(2022, hoso.AwardLaoDongTienTien, "Lao động tiên tiến", "Giám đốc Bảo hiểm xã hội tỉnh", "105/QĐ-BHXH", dt(2023, 1, 16))},
	}, org{"Bảo hiểm xã hội tỉnh Bắc Ninh", "Kế toán viên", "BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH BẮC NINH", "Bắc Ninh",
		"GIÁM ĐỐC", "Nguyễn Văn Tiến", "Chi bộ Phòng Kế hoạch - Tài chính", "Đảng uỷ Bảo hiểm xã hội tỉnh Bắc Ninh", "Ngô Thị Hạnh", false})

	add(Dossier{ID: "07-khtnv-viet-tat", Note: "Bảng viết tắt, năm 2022 KHTNV: không đủ điều kiện dù có năm HTXSNV.",
		Person:     person("Vũ Đức Thắng", true, dt(1989, 6, 30), "phường Quyết Thắng, thành phố Kon Tum", "xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định"),
		Meeting:    dt(2024, 5, 5),
		Appraisals: []Rated{r(2021, xs), r(2022, kht), r(2023, tot)},
		Style:      Style{Abbrev: true},
	}, org{"Sở Xây dựng tỉnh Kon Tum", "Chuyên viên", "UBND TỈNH KON TUM", "SỞ XÂY DỰNG", "Kon Tum",
		"GIÁM ĐỐC", "A Hoàng", "Chi bộ Sở Xây dựng", duKhoi("Kon Tum"), "Y Thoan", false})

	add(Dossier{ID: "08-thieu-nam-giua", Note: "Thiếu xếp loại năm 2020 (năm giữa của cửa sổ): chưa đủ hồ sơ.",
		Person:     person("Đặng Thị Thu Hà", false, dt(1992, 2, 17), "phường Gia Cẩm, thành phố Việt Trì", "xã Thanh Đình, thành phố Việt Trì, tỉnh Phú Thọ"),
		Meeting:    dt(2022, 8, 8),
		Appraisals: []Rated{r(2019, xs), r(2021, tot)},
	}, org{"Văn phòng UBND tỉnh Phú Thọ", "Chuyên viên", "UBND TỈNH PHÚ THỌ", "VĂN PHÒNG", "Phú Thọ",
		"CHÁNH VĂN PHÒNG", "Bùi Đình Thi", "Chi bộ Văn phòng UBND tỉnh", duKhoi("Phú Thọ"), "Hà Kế San", false})

	add(Dossier{ID: "09-xung-dot-xep-loai", Note: "Năm 2022 bản tổng hợp ghi HTTNV nhưng phiếu đánh giá ghi HTNV: mâu thuẫn, chưa đủ hồ sơ.",
		Person:     person("Bùi Quang Huy", true, dt(1990, 12, 25), "phường 1, thành phố Vĩnh Long", "xã Long Phước, huyện Long Hồ, tỉnh Vĩnh Long"),
		Meeting:    dt(2023, 3, 14),
		Appraisals: []Rated{r(2020, tot), r(2021, tot), r(2022, tot)},
		Reviews:    []Review{{Rated: r(2022, ht), Date: dt(2022, 12, 20)}},
		Awards:     []Commendation{aw(2021, hoso.AwardGiayKhen, "Giấy khen của Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "2210/QĐ-SNN", dt(2021, 12, 24))},
		Tags:       []string{"conflict"},
	}, org{"Sở Nông nghiệp và Phát triển nông thôn tỉnh Vĩnh Long", "Chuyên viên", "UBND TỈNH VĨNH LONG", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Vĩnh Long",
		"GIÁM ĐỐC", "Lê Quang Đưa", "Chi bộ Sở Nông nghiệp và Phát triển nông thôn", duKhoi("Vĩnh Long"), "Nguyễn Văn Liêm", false})

	add(Dossier{ID: "10-khong-ngay-sinh", Note: "Không giấy tờ nào ghi ngày sinh (không có lý lịch): chưa đủ hồ sơ.",
		Person:     person("Đỗ Thị Ngọc Ánh", false, hoso.Date{}, "phường Đông Thành, thành phố Ninh Bình", "xã Ninh Phúc, thành phố Ninh Bình, tỉnh Ninh Bình"),
		Meeting:    dt(2021, 9, 22),
		Appraisals: []Rated{r(2018, tot), r(2019, xs), r(2020, tot)},
		Docs:       []DocKind{DocDon, DocAppraisal, DocResolution},
		Style:      Style{NoDOB: true},
	}, org{"Sở Lao động - Thương binh và Xã hội tỉnh Ninh Bình", "Chuyên viên", "UBND TỈNH NINH BÌNH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Ninh Bình",
		"GIÁM ĐỐC", "Đinh Văn Điến", "Chi bộ Sở Lao động - Thương binh và Xã hội", duKhoi("Ninh Bình"), "Phạm Thị Hoa", false})

	add(Dossier{ID: "11-tren-60-tuoi", Note: "Quần chúng 61 tuổi 8 tháng tại ngày họp chi bộ: không đủ điều kiện ở cấp này, trình cấp uỷ có thẩm quyền.",
		Person:     person("Ngô Văn Khoa", true, dt(1958, 2, 5), "xã Quảng Thành, thành phố Thanh Hoá", "xã Quảng Thành, thành phố Thanh Hoá, tỉnh Thanh Hoá"),
		Meeting:    dt(2019, 10, 16),
		Appraisals: []Rated{r(2016, xs), r(2017, xs), r(2018, tot)},
		Tags:       []string{"over60"},
	}, org{"Bệnh viện Y học cổ truyền tỉnh Thanh Hoá", "Bác sĩ chuyên khoa II", "SỞ Y TẾ THANH HOÁ", "BỆNH VIỆN Y HỌC CỔ TRUYỀN", "Thanh Hoá",
		"GIÁM ĐỐC", "Lê Văn Sơn", "Chi bộ Khoa Khám bệnh", "Đảng uỷ Bệnh viện Y học cổ truyền tỉnh Thanh Hoá", "Hoàng Thị Nga", true})

	add(Dossier{ID: "12-duoi-18-tuoi", Note: "Học sinh 17 tuổi 10 tháng tại ngày họp chi bộ, không có xếp loại công chức: không đủ điều kiện.",
		Person:  person("Dương Thị Mai", false, dt(2002, 1, 20), "phường Ba Đình, thành phố Thanh Hoá", "xã Đông Hoà, huyện Đông Sơn, tỉnh Thanh Hoá"),
		Meeting: dt(2019, 11, 28),
		Docs:    []DocKind{DocLyLich, DocDon, DocCertificate, DocResolution},
		Tags:    []string{"under18"},
	}, org{"Trường THPT chuyên Lam Sơn", "Học sinh lớp 12A1", "SỞ GIÁO DỤC VÀ ĐÀO TẠO THANH HOÁ", "TRƯỜNG THPT CHUYÊN LAM SƠN", "Thanh Hoá",
		"HIỆU TRƯỞNG", "Đỗ Ngọc Hà", "Chi bộ Trường THPT chuyên Lam Sơn", "Đảng uỷ Khối các cơ quan tỉnh Thanh Hoá", "Lê Xuân Trường", true})

	add(Dossier{ID: "13-du-18-tuoi", Note: "Vận động viên đủ 18 tuổi 0 tháng đúng ngày họp chi bộ: đủ điều kiện.",
		Person:     person("Lý Văn Phúc", true, dt(2001, 9, 15), "xã Ninh Hải, huyện Hoa Lư, tỉnh Ninh Bình", "xã Ninh Hải, huyện Hoa Lư, tỉnh Ninh Bình"),
		Meeting:    dt(2019, 9, 15),
		Appraisals: []Rated{r(2016, tot), r(2017, tot), r(2018, xs)},
		Awards:     []Commendation{aw(2018, hoso.AwardGiayKhen, "Giấy khen của Giám đốc Sở Văn hoá và Thể thao", "Giám đốc Sở Văn hoá và Thể thao", "655/QĐ-SVHTT", dt(2018, 11, 2))},
		Tags:       []string{"exact18"},
	}, org{"Trung tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh Ninh Bình", "Vận động viên", "SỞ VĂN HOÁ VÀ THỂ THAO NINH BÌNH", "TRUNG TÂM HUẤN LUYỆN VÀ THI ĐẤU TDTT", "Ninh Bình",
		"GIÁM ĐỐC", "Trương Văn Lực", "Chi bộ Trung tâm Huấn luyện và Thi đấu thể dục thể thao", duKhoi("Ninh Bình"), "Vũ Thị Loan", true})

	add(Dossier{ID: "14-cua-so-den-nam-xet", Note: "Họp chi bộ 20/12/2021, đã có xếp loại năm 2021 (lập 10/12/2021): cửa sổ 2019–2021, năm 2018 HTNV nằm ngoài: đủ điều kiện.",
		Person:        person("Hồ Thị Thanh Tâm", false, dt(1986, 11, 11), "phường Tân Lợi, thành phố Buôn Ma Thuột", "xã Diễn Kim, huyện Diễn Châu, tỉnh Nghệ An"),
		Meeting:       dt(2021, 12, 20),
		AppraisalDate: dt(2021, 12, 10),
		Appraisals:    []Rated{r(2018, ht), r(2019, tot), r(2020, tot), r(2021, xs)},
		Tags:          []string{"window_review_year", "distractor"},
	}, org{"Sở Giáo dục và Đào tạo tỉnh Đắk Lắk", "Phó Trưởng phòng Giáo dục Trung học", "UBND TỈNH ĐẮK LẮK", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Đắk Lắk",
		"GIÁM ĐỐC", "Phạm Đăng Khoa", "Chi bộ Sở Giáo dục và Đào tạo", duKhoi("Đắk Lắk"), "Y Wai Byă", false})

	add(Dossier{ID: "15-khong-nghi-quyet", Note: "Không có nghị quyết chi bộ: ngày xét lấy theo văn bản có ngày muộn nhất (bản tổng hợp 05/6/2020).",
		Person:        person("Phan Thị Hồng Nhung", false, dt(1994, 4, 4), "phường Trần Hưng Đạo, thành phố Nam Định", "xã Nam Hồng, huyện Nam Trực, tỉnh Nam Định"),
		Applied:       dt(2020, 3, 2),
		LyLichDate:    dt(2020, 4, 15),
		AppraisalDate: dt(2020, 6, 5),
		Appraisals:    []Rated{r(2017, tot), r(2018, tot), r(2019, xs)},
		Docs:          []DocKind{DocLyLich, DocDon, DocAppraisal},
		Tags:          []string{"no_resolution"},
	}, org{"Cục Thống kê tỉnh Nam Định", "Thống kê viên", "TỔNG CỤC THỐNG KÊ", "CỤC THỐNG KÊ TỈNH NAM ĐỊNH", "Nam Định",
		"CỤC TRƯỞNG", "Trần Quang Khải", "Chi bộ Cục Thống kê", duKhoi("Nam Định"), "Đoàn Văn Hưng", false})

	add(Dossier{ID: "16-in-hoa", Note: "Ô xếp loại viết IN HOA, năm 2018 \"HOÀN THÀNH NHIỆM VỤ NHƯNG CÒN HẠN CHẾ VỀ NĂNG LỰC\": không đủ điều kiện dù năm 2017 HTXSNV.",
		Person:     person("Võ Văn Toàn", true, dt(1984, 9, 19), "phường Lý Thường Kiệt, thành phố Quy Nhơn", "xã Phước Hưng, huyện Tuy Phước, tỉnh Bình Định"),
		Meeting:    dt(2019, 11, 30),
		Appraisals: []Rated{r(2016, tot), r(2017, xs), r(2018, ht)},
		Style:      Style{AllCaps: true},
	}, org{"Sở Giao thông vận tải tỉnh Bình Định", "Chuyên viên", "UBND TỈNH BÌNH ĐỊNH", "SỞ GIAO THÔNG VẬN TẢI", "Bình Định",
		"KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC", "Huỳnh Văn Tư", "Chi bộ Sở Giao thông vận tải", duKhoi("Bình Định"), "Lê Thị Mỹ Dung", false})

	add(Dossier{ID: "17-viet-tat-cstdcs", Note: "Viết tắt HTTNV, \"HT xuất sắc NV\", LĐTT, CSTĐCS: đủ điều kiện.",
		Person:     person("Trịnh Thị Thu Trang", false, dt(1995, 7, 8), "phường Ngô Mây, thành phố Quy Nhơn", "xã Cát Tiến, huyện Phù Cát, tỉnh Bình Định"),
		Meeting:    dt(2023, 5, 26),
		Appraisals: []Rated{r(2020, tot), rl(2021, xs, "HT xuất sắc NV"), r(2022, tot)},
		Awards: []Commendation{aw(2020, hoso.AwardLaoDongTienTien, "LĐTT", "", "", hoso.Date{}),
			aw(2021, hoso.AwardCSTDCoSo, "CSTĐCS", "Chủ tịch UBND thành phố Quy Nhơn", "4120/QĐ-UBND", dt(2021, 8, 20))},
		Style: Style{Abbrev: true},
	}, org{"Trường Tiểu học Nguyễn Du, thành phố Quy Nhơn", "Giáo viên", "PHÒNG GD&ĐT THÀNH PHỐ QUY NHƠN", "TRƯỜNG TIỂU HỌC NGUYỄN DU", "Quy Nhơn",
		"HIỆU TRƯỞNG", "Nguyễn Thị Bích", "Chi bộ Trường Tiểu học Nguyễn Du", "Đảng uỷ phường Ngô Mây", "Trần Thị Kim", true})

	add(Dossier{ID: "18-nam-ngoai-cua-so", Note: "Bảng có năm 2014 KHTNV và 2015 HTNV ngoài cửa sổ 2016–2018: đủ điều kiện nhờ Giấy khen 2017.",
		Person:     person("Đinh Công Hiếu", true, dt(1983, 3, 27), "phường Cốc Lếu, thành phố Lào Cai", "xã Gia Trung, huyện Gia Viễn, tỉnh Ninh Bình"),
		Meeting:    dt(2019, 8, 12),
		Appraisals: []Rated{r(2014, kht), r(2015, ht), r(2016, tot), r(2017, tot), r(2018, tot)},
		Awards:     []Commendation{aw(2017, hoso.AwardGiayKhen, "Giấy khen của Giám đốc Sở Thông tin và Truyền thông", "Giám đốc Sở Thông tin và Truyền thông", "310/QĐ-STTTT", dt(2017, 12, 22))},
		Tags:       []string{"distractor"},
	}, org{"Sở Thông tin và Truyền thông tỉnh Lào Cai", "Chuyên viên", "UBND TỈNH LÀO CAI", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Lào Cai",
		"GIÁM ĐỐC", "Vương Trinh Quốc", "Chi bộ Sở Thông tin và Truyền thông", duKhoi("Lào Cai"), "Lù Thị Chinh", false})

	add(Dossier{ID: "19-nam-khong-theo-thu-tu", Note: "Các năm ghi không theo thứ tự (2019, 2017, 2018, 2016): đủ điều kiện.",
		Person:     person("Lương Thị Huệ", false, dt(1989, 10, 13), "phường Vĩnh Ninh, thành phố Huế", "xã Hương Chữ, thị xã Hương Trà, tỉnh Thừa Thiên Huế"),
		Meeting:    dt(2020, 9, 9),
		Appraisals: []Rated{r(2019, xs), r(2017, tot), r(2018, tot), r(2016, ht)},
		Tags:       []string{"unordered", "distractor"},
	}, org{"Sở Văn hoá, Thể thao và Du lịch tỉnh Thừa Thiên Huế", "Chuyên viên", "UBND TỈNH THỪA THIÊN HUẾ", "SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH", "Thừa Thiên Huế",
		"GIÁM ĐỐC", "Phan Thanh Hải", "Chi bộ Sở Văn hoá, Thể thao và Du lịch", duKhoi("Thừa Thiên Huế"), "Tôn Nữ Thị Hà", false})

	add(Dossier{ID: "20-tcvn3", Note: "Toàn bộ văn bản gõ bằng TCVN3 (.VnTime, tiêu đề .VnTimeH): đủ điều kiện nhờ Bằng khen 2018.",
		Person:     person("Ông Thị Ánh Tuyết", false, dt(1988, 6, 6), "phường Hiến Nam, thành phố Hưng Yên", "xã Phương Chiểu, thành phố Hưng Yên, tỉnh Hưng Yên"),
		Meeting:    dt(2019, 9, 17),
		Appraisals: []Rated{r(2016, tot), r(2017, tot), r(2018, tot)},
		Awards:     []Commendation{aw(2018, hoso.AwardBangKhen, "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "2890/QĐ-UBND", dt(2018, 12, 28))},
		Style:      Style{Encoding: TCVN3},
		Tags:       []string{"legacy"},
	}, org{"Sở Tài nguyên và Môi trường tỉnh Hưng Yên", "Chuyên viên", "UBND TỈNH HƯNG YÊN", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Hưng Yên",
		"GIÁM ĐỐC", "Đào Quang Ứng", "Chi bộ Sở Tài nguyên và Môi trường", duKhoi("Hưng Yên"), "Nguyễn Đức Ưng", false})

	add(Dossier{ID: "21-vni", Note: "Văn bản gõ bằng VNI (VNI-Times); viên chức năm 2017 \"Hoàn thành nhiệm vụ\": không đủ điều kiện.",
		Person:     person("Mai Xuân Trường", true, dt(1986, 2, 22), "xã Quang Bình, huyện Kiến Xương, tỉnh Thái Bình", "xã Quang Bình, huyện Kiến Xương, tỉnh Thái Bình"),
		Meeting:    dt(2019, 12, 3),
		Appraisals: []Rated{r(2016, tot), r(2017, ht), r(2018, xs)},
		Style:      Style{Encoding: VNI},
		Tags:       []string{"legacy"},
	}, org{"Trung tâm Y tế huyện Kiến Xương", "Bác sĩ", "SỞ Y TẾ THÁI BÌNH", "TRUNG TÂM Y TẾ HUYỆN KIẾN XƯƠNG", "Kiến Xương",
		"GIÁM ĐỐC", "Phạm Văn Ước", "Chi bộ Trung tâm Y tế huyện", "Đảng bộ huyện Kiến Xương", "Vũ Thị Ơn", true})

	add(Dossier{ID: "22-vni-khong-ten-font", Note: "Mã VNI nhưng các run không ghi tên font: phải nhận diện bằng thống kê; CSTĐ cấp cơ sở 2018: đủ điều kiện.",
		Person:     person("Tạ Thị Kim Oanh", false, dt(1991, 5, 15), "xã Khánh Nhạc, huyện Yên Khánh, tỉnh Ninh Bình", "xã Khánh Nhạc, huyện Yên Khánh, tỉnh Ninh Bình"),
		Meeting:    dt(2019, 10, 20),
		Appraisals: []Rated{r(2016, tot), r(2017, tot), r(2018, tot)},
		Awards:     []Commendation{aw(2018, hoso.AwardCSTDCoSo, "Chiến sĩ thi đua cấp cơ sở", "Chủ tịch UBND huyện Yên Khánh", "2045/QĐ-UBND", dt(2018, 9, 5))},
		Style:      Style{Encoding: VNINoFont, Prose: true},
		Tags:       []string{"legacy"},
	}, org{"Phòng Giáo dục và Đào tạo huyện Yên Khánh", "Chuyên viên", "UBND HUYỆN YÊN KHÁNH", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Yên Khánh",
		"TRƯỞNG PHÒNG", "Đinh Thị Quế", "Chi bộ Phòng Giáo dục và Đào tạo", "Đảng bộ Khối cơ quan huyện Yên Khánh", "Phạm Văn Ước", false})

	add(Dossier{ID: "23-unicode-to-hop", Note: "Văn bản Unicode tổ hợp (NFD); có năm 2017 ngoài cửa sổ nhưng thiếu năm 2019: chưa đủ hồ sơ.",
		Person:     person("Cao Văn Lợi", true, dt(1987, 12, 1), "phường Hồng Hải, thành phố Hạ Long", "xã Yên Đức, thị xã Đông Triều, tỉnh Quảng Ninh"),
		Meeting:    dt(2021, 11, 11),
		Appraisals: []Rated{r(2017, tot), r(2018, tot), r(2020, xs)},
		Style:      Style{Encoding: NFD},
	}, org{"Sở Khoa học và Công nghệ tỉnh Quảng Ninh", "Chuyên viên", "UBND TỈNH QUẢNG NINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Quảng Ninh",
		"GIÁM ĐỐC", "Vũ Xuân Diện", "Chi bộ Sở Khoa học và Công nghệ", duKhoi("Quảng Ninh"), "Nguyễn Thị Thuý", false})

	add(Dossier{ID: "24-run-cat-giua-tu", Note: "Chữ bị cắt thành nhiều run giữa từ; chỉ có LĐTT trong cửa sổ, Giấy khen năm 2016 ngoài cửa sổ: không đủ điều kiện.",
		Person:     person("Nông Thị Thuý", false, dt(1990, 8, 28), "phường Hợp Giang, thành phố Cao Bằng", "xã Hưng Đạo, thành phố Cao Bằng, tỉnh Cao Bằng"),
		Meeting:    dt(2022, 6, 14),
		Appraisals: []Rated{r(2016, tot), r(2019, tot), r(2020, tot), r(2021, tot)},
		Awards: []Commendation{aw(2016, hoso.AwardGiayKhen, "Giấy khen của Giám đốc Sở Nội vụ", "Giám đốc Sở Nội vụ", "88/QĐ-SNV", dt(2016, 12, 26)),
			aw(2021, hoso.AwardLaoDongTienTien, "Lao động tiên tiến", "Giám đốc Sở Nội vụ", "71/QĐ-SNV", dt(2021, 12, 29))},
		Style: Style{SplitRuns: true},
		Tags:  []string{"distractor"},
	}, org{"Sở Nội vụ tỉnh Cao Bằng", "Chuyên viên", "UBND TỈNH CAO BẰNG", "SỞ NỘI VỤ", "Cao Bằng",
		"GIÁM ĐỐC", "Hoàng Văn Thạch", "Chi bộ Sở Nội vụ", duKhoi("Cao Bằng"), "Lục Văn Thành", false})

	// Person.Ethnic for the Tày candidate.
	out[len(out)-1].Person.Ethnic = "Tày"

	add(Dossier{ID: "25-dau-trang-chan-trang", Note: "Họ tên và ngày sinh chỉ có ở đầu trang (header); chân trang có tên chi bộ: đủ điều kiện.",
		Person:     person("Kiều Thị Hoà", false, dt(1992, 9, 9), "phường Lương Khánh Thiện, thành phố Phủ Lý", "xã Liêm Tuyền, thành phố Phủ Lý, tỉnh Hà Nam"),
		Meeting:    dt(2020, 7, 7),
		Appraisals: []Rated{r(2017, tot), r(2018, tot), r(2019, xs)},
		Docs:       []DocKind{DocDon, DocAppraisal, DocResolution},
		Style:      Style{HeaderFooter: true},
	}, org{"Sở Công Thương tỉnh Hà Nam", "Chuyên viên", "UBND TỈNH HÀ NAM", "SỞ CÔNG THƯƠNG", "Hà Nam",
		"GIÁM ĐỐC", "Trần Xuân Dưỡng", "Chi bộ Sở Công Thương", duKhoi("Hà Nam"), "Đinh Thị Lan", false})

	add(Dossier{ID: "26-khung-van-ban", Note: "Xếp loại năm 2021 (HTXSNV) nằm trong khung văn bản (text box): đủ điều kiện chỉ khi đọc được khung.",
		Person:     person("Lưu Đức Hoá", true, dt(1985, 4, 18), "phường Võ Cường, thành phố Bắc Ninh", "xã Đông Phong, huyện Yên Phong, tỉnh Bắc Ninh"),
		Meeting:    dt(2022, 3, 21),
		Appraisals: []Rated{r(2019, tot), r(2020, tot), r(2021, xs)},
		Style:      Style{TextBox: true},
	}, org{"Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh", "Chuyên viên", "UBND TỈNH BẮC NINH", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "Bắc Ninh",
		"TRƯỞNG BAN", "Nguyễn Đại Thắng", "Chi bộ Ban Quản lý các khu công nghiệp", duKhoi("Bắc Ninh"), "Nguyễn Thị Hường", false})

	add(Dossier{ID: "27-content-control", Note: "Ô xếp loại và ngày họp nằm trong content control (w:sdt); có CSTĐCS 2022 nhưng năm 2021 \"Hoàn thành nhiệm vụ\": không đủ điều kiện.",
		Person:     person("Quách Thị Khuê", false, dt(1993, 1, 30), "phường Phương Lâm, thành phố Hoà Bình", "xã Hợp Thành, huyện Kỳ Sơn, tỉnh Hoà Bình"),
		Meeting:    dt(2023, 10, 19),
		Appraisals: []Rated{r(2020, tot), r(2021, ht), r(2022, tot)},
		Awards:     []Commendation{aw(2022, hoso.AwardCSTDCoSo, "Chiến sĩ thi đua cơ sở", "Giám đốc Sở Tài chính", "1502/QĐ-STC", dt(2022, 12, 27))},
		Style:      Style{SDT: true},
	}, org{"Sở Tài chính tỉnh Hoà Bình", "Kế toán viên", "UBND TỈNH HOÀ BÌNH", "SỞ TÀI CHÍNH", "Hoà Bình",
		"GIÁM ĐỐC", "Bùi Văn Nuôi", "Chi bộ Sở Tài chính", duKhoi("Hoà Bình"), "Quách Văn Ngọc", false})
	out[len(out)-1].Person.Ethnic = "Mường"

	tracked := Dossier{ID: "28-theo-doi-thay-doi", Note: "Sửa có theo dõi: \"Không hoàn thành nhiệm vụ\" năm 2017 đã bị xoá (w:del), thay bằng HTTNV (w:ins): đủ điều kiện.",
		Person:     person("Nguyễn Hữu Thuỵ", true, dt(1988, 12, 12), "phường Hưng Bình, thành phố Vinh", "xã Hưng Lộc, thành phố Vinh, tỉnh Nghệ An"),
		Meeting:    dt(2019, 9, 6),
		Appraisals: []Rated{r(2016, tot), {Year: 2017, Rating: tot, Deleted: "Không hoàn thành nhiệm vụ"}, r(2018, xs)},
		Style:      Style{Tracked: true},
	}
	add(tracked, org{"Thanh tra tỉnh Nghệ An", "Thanh tra viên", "UBND TỈNH NGHỆ AN", "THANH TRA TỈNH", "Nghệ An",
		"CHÁNH THANH TRA", "Hoàng Phú Hiền", "Chi bộ Thanh tra tỉnh", duKhoi("Nghệ An"), "Nguyễn Văn Độ", false})

	add(Dossier{ID: "29-danh-sach-so", Note: "Xếp loại viết thành danh sách đánh số tự động (w:numPr): đủ điều kiện.",
		Person:     person("Phạm Thị Hồng Vân", false, dt(1990, 3, 23), "phường Bạch Đằng, thành phố Hạ Long", "xã Thuỷ An, thị xã Đông Triều, tỉnh Quảng Ninh"),
		Meeting:    dt(2020, 12, 15),
		Appraisals: []Rated{r(2017, xs), r(2018, tot), r(2019, tot)},
		Style:      Style{Prose: true, Numbered: true},
	}, org{"Sở Ngoại vụ tỉnh Quảng Ninh", "Chuyên viên", "UBND TỈNH QUẢNG NINH", "SỞ NGOẠI VỤ", "Quảng Ninh",
		"GIÁM ĐỐC", "Đỗ Thị Thu Hằng", "Chi bộ Sở Ngoại vụ", duKhoi("Quảng Ninh"), "Nguyễn Mạnh Hà", false})

	add(Dossier{ID: "30-tab-xuong-dong", Note: "Văn xuôi dàn bằng w:tab và w:br; năm 2021 HTNV: không đủ điều kiện.",
		Person:     person("Hà Văn Sơn", true, dt(1986, 5, 7), "phường Phan Thiết, thành phố Tuyên Quang", "xã Kim Bình, huyện Chiêm Hoá, tỉnh Tuyên Quang"),
		Meeting:    dt(2023, 2, 28),
		Appraisals: []Rated{r(2020, tot), r(2021, ht), r(2022, xs)},
		Awards:     []Commendation{aw(2022, hoso.AwardGiayKhen, "Giấy khen của Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "1330/QĐ-SNN", dt(2022, 12, 30))},
		Style:      Style{Prose: true, Tabs: true},
	}, org{"Sở Nông nghiệp và Phát triển nông thôn tỉnh Tuyên Quang", "Phó Trưởng phòng Kế hoạch - Tài chính", "UBND TỈNH TUYÊN QUANG", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Tuyên Quang",
		"GIÁM ĐỐC", "Nguyễn Văn Bắc", "Chi bộ Sở Nông nghiệp và Phát triển nông thôn", duKhoi("Tuyên Quang"), "Ma Thị Hường", false})
	out[len(out)-1].Person.Ethnic = "Tày"

	add(Dossier{ID: "31-pdf-bang", Note: "PDF có lớp chữ (LibreOffice) từ hồ sơ dạng bảng: đủ điều kiện.",
		Person:     person("Trần Quốc Bảo", true, dt(1991, 6, 16), "phường 5, thành phố Cà Mau", "xã Tân Thành, thành phố Cà Mau, tỉnh Cà Mau"),
		Meeting:    dt(2021, 8, 24),
		Appraisals: []Rated{r(2018, tot), r(2019, xs), r(2020, tot)},
		Pack:       Pack{Kind: PackPDF},
	}, org{"Sở Y tế tỉnh Cà Mau", "Chuyên viên", "UBND TỈNH CÀ MAU", "SỞ Y TẾ", "Cà Mau",
		"GIÁM ĐỐC", "Lâm Văn Bi", "Chi bộ Sở Y tế", duKhoi("Cà Mau"), "Trương Thị Nhớ", false})

	add(Dossier{ID: "32-pdf-van-xuoi", Note: "PDF có lớp chữ, xếp loại viết thành câu, Giấy khen của Chủ tịch UBND thành phố: đủ điều kiện.",
		Person:     person("Nguyễn Thị Kim Liên", false, dt(1994, 10, 5), "phường Liên Bảo, thành phố Vĩnh Yên", "xã Thanh Trù, thành phố Vĩnh Yên, tỉnh Vĩnh Phúc"),
		Meeting:    dt(2022, 5, 19),
		Appraisals: []Rated{r(2019, tot), r(2020, tot), r(2021, tot)},
		Awards:     []Commendation{aw(2020, hoso.AwardGiayKhen, "Giấy khen", "Chủ tịch UBND thành phố Vĩnh Yên", "2718/QĐ-UBND", dt(2020, 7, 30))},
		Style:      Style{Prose: true},
		Pack:       Pack{Kind: PackPDF},
	}, org{"Trường THCS Lê Quý Đôn, thành phố Vĩnh Yên", "Giáo viên", "PHÒNG GD&ĐT THÀNH PHỐ VĨNH YÊN", "TRƯỜNG THCS LÊ QUÝ ĐÔN", "Vĩnh Yên",
		"HIỆU TRƯỞNG", "Dương Thị Thanh", "Chi bộ Trường THCS Lê Quý Đôn", "Đảng uỷ phường Liên Bảo", "Nguyễn Văn Thụ", true})

	add(Dossier{ID: "33-pdf-thieu-nam-cuoi", Note: "PDF: thiếu xếp loại năm 2020 (năm cuối của cửa sổ); người sinh ngày 29/02: chưa đủ hồ sơ.",
		Person:     person("Lê Thị Bích Ngọc", false, dt(1992, 2, 29), "phường 2, thành phố Đà Lạt", "xã Tà Nung, thành phố Đà Lạt, tỉnh Lâm Đồng"),
		Meeting:    dt(2021, 2, 26),
		Appraisals: []Rated{r(2018, xs), r(2019, tot)},
		Pack:       Pack{Kind: PackPDF},
	}, org{"Sở Kế hoạch và Đầu tư tỉnh Lâm Đồng", "Chuyên viên", "UBND TỈNH LÂM ĐỒNG", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Lâm Đồng",
		"GIÁM ĐỐC", "Đoàn Văn Việt", "Chi bộ Sở Kế hoạch và Đầu tư", duKhoi("Lâm Đồng"), "K'Điệp", false})

	add(Dossier{ID: "34-zip-ba-phan", Note: "ZIP ba phần: lý lịch và đơn (DOCX), bản tổng hợp xếp loại (PDF), nghị quyết chi bộ (DOCX): đủ điều kiện.",
		Person: Person{Name: "H'Linh Niê", Born: dt(1993, 8, 19), BirthSite: "xã Ea Tu, thành phố Buôn Ma Thuột", HomeTown: "xã Ea Tu, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk",
			Residence: "buôn Ko Tam, xã Ea Tu, thành phố Buôn Ma Thuột", Ethnic: "Ê Đê", Religion: "Tin Lành", Education: "12/12"},
		Meeting:    dt(2023, 4, 12),
		Appraisals: []Rated{r(2020, tot), r(2021, xs), r(2022, tot)},
		Pack: Pack{Kind: PackZIP, Parts: []Part{
			{Name: "01-ly-lich-va-don.docx", Docs: []DocKind{DocLyLich, DocDon}},
			{Name: "02-tong-hop-danh-gia.pdf", Docs: []DocKind{DocAppraisal}, PDF: true},
			{Name: "03-nghi-quyet-chi-bo.docx", Docs: []DocKind{DocResolution}}}},
		Docs: []DocKind{DocLyLich, DocDon, DocAppraisal, DocResolution},
	}, org{"Bệnh viện Đa khoa vùng Tây Nguyên", "Điều dưỡng viên", "BỘ Y TẾ", "BỆNH VIỆN ĐA KHOA VÙNG TÂY NGUYÊN", "Đắk Lắk",
		"GIÁM ĐỐC", "Nguyễn Duy Cường", "Chi bộ Khoa Hồi sức tích cực", "Đảng uỷ Bệnh viện Đa khoa vùng Tây Nguyên", "Lê Thị Hồng Vân", true})

	add(Dossier{ID: "35-zip-co-anh", Note: "ZIP có tên tệp tiếng Việt, ảnh thẻ JPEG, bản tổng hợp và quyết định Bằng khen dạng PDF: đủ điều kiện.",
		Person: Person{Name: "Thạch Thị Ngọc Hân", Born: dt(1990, 3, 3), BirthSite: "phường 5, thành phố Sóc Trăng", HomeTown: "xã Đại Tâm, huyện Mỹ Xuyên, tỉnh Sóc Trăng",
			Residence: "phường 5, thành phố Sóc Trăng", Ethnic: "Khmer", Religion: "Phật giáo", Education: "12/12"},
		Meeting:    dt(2019, 9, 27),
		Appraisals: []Rated{r(2016, tot), r(2017, tot), r(2018, tot)},
		Awards: []Commendation{func() Commendation {
			a := aw(2017, hoso.AwardBangKhen, "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "3301/QĐ-UBND", dt(2017, 12, 29))
			a.Decision = true
			return a
		}()},
		Pack: Pack{Kind: PackZIP, Parts: []Part{
			{Name: "Lý lịch người xin vào Đảng.docx", Docs: []DocKind{DocLyLich, DocDon, DocCertificate}},
			{Name: "Ảnh thẻ 3x4.jpg", Photo: true},
			{Name: "Bản tổng hợp xếp loại.pdf", Docs: []DocKind{DocAppraisal, DocDecisions}, PDF: true},
			{Name: "Nghị quyết chi bộ.docx", Docs: []DocKind{DocResolution}}}},
		Docs: []DocKind{DocLyLich, DocDon, DocCertificate, DocAppraisal, DocDecisions, DocResolution},
		Tags: []string{"photo"},
	}, org{"Trường Cao đẳng Cộng đồng Sóc Trăng", "Giảng viên", "UBND TỈNH SÓC TRĂNG", "TRƯỜNG CAO ĐẲNG CỘNG ĐỒNG", "Sóc Trăng",
		"HIỆU TRƯỞNG", "Lâm Văn Tuấn", "Chi bộ Khoa Kinh tế", "Đảng uỷ Trường Cao đẳng Cộng đồng Sóc Trăng", "Trần Văn Lâm", true})

	add(Dossier{ID: "36-cstd-cap-tinh", Note: "Danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2023 (quyết định tháng 01/2024): đủ điều kiện.",
		Person:     person("Vũ Thị Hải Yến", false, dt(1985, 2, 14), "phường Phú Cường, thành phố Thủ Dầu Một", "xã Thái Thụy, huyện Thái Thuỵ, tỉnh Thái Bình"),
		Meeting:    dt(2024, 10, 10),
		Appraisals: []Rated{r(2021, tot), r(2022, tot), r(2023, tot)},
		Awards: []Commendation{aw(2022, hoso.AwardLaoDongTienTien, "Lao động tiên tiến", "Giám đốc Sở Y tế", "1876/QĐ-SYT", dt(2022, 12, 28)),
			aw(2023, hoso.AwardCSTDCapTinh, "Chiến sĩ thi đua cấp tỉnh", "Chủ tịch UBND tỉnh", "120/QĐ-UBND", dt(2024, 1, 15))},
	}, org{"Sở Y tế tỉnh Bình Dương", "Phó Trưởng phòng Nghiệp vụ Y", "UBND TỈNH BÌNH DƯƠNG", "SỞ Y TẾ", "Bình Dương",
		"GIÁM ĐỐC", "Nguyễn Hồng Chương", "Chi bộ Sở Y tế", duKhoi("Bình Dương"), "Trần Thị Mỹ Hạnh", false})

	add(Dossier{ID: "37-bang-khen-ngoai-cua-so", Note: "Bằng khen năm 2015 nằm ngoài cửa sổ 2017–2019, trong cửa sổ chỉ HTTNV: không đủ điều kiện.",
		Person:     person("Nguyễn Văn Hùng", true, dt(1982, 11, 22), "phường An Mỹ, thành phố Tam Kỳ", "xã Tam Thăng, thành phố Tam Kỳ, tỉnh Quảng Nam"),
		Meeting:    dt(2020, 6, 17),
		Appraisals: []Rated{r(2015, tot), r(2016, tot), r(2017, tot), r(2018, tot), r(2019, tot)},
		Awards:     []Commendation{aw(2015, hoso.AwardBangKhen, "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "4412/QĐ-UBND", dt(2015, 12, 30))},
		Tags:       []string{"distractor"},
	}, org{"Sở Tài chính tỉnh Quảng Nam", "Kế toán viên", "UBND TỈNH QUẢNG NAM", "SỞ TÀI CHÍNH", "Quảng Nam",
		"GIÁM ĐỐC", "Lê Văn Thanh", "Chi bộ Sở Tài chính", duKhoi("Quảng Nam"), "Phan Thị Xuân", false})

	add(Dossier{ID: "38-chi-co-quyet-dinh", Note: "Giấy khen năm 2019 chỉ có trong quyết định khen thưởng kèm theo, không có trong bảng: đủ điều kiện.",
		Person:     person("Đào Thị Thanh Xuân", false, dt(1991, 4, 30), "phường 7, thành phố Tuy Hoà", "xã Hoà Kiến, thành phố Tuy Hoà, tỉnh Phú Yên"),
		Meeting:    dt(2021, 11, 2),
		Appraisals: []Rated{r(2018, tot), r(2019, tot), r(2020, tot)},
		Awards: []Commendation{func() Commendation {
			a := aw(2019, hoso.AwardGiayKhen, "Giấy khen", "Giám đốc Sở Tài nguyên và Môi trường", "615/QĐ-STNMT", dt(2019, 12, 23))
			a.DecisionOnly = true
			return a
		}()},
		Tags: []string{"decision"},
	}, org{"Sở Tài nguyên và Môi trường tỉnh Phú Yên", "Chuyên viên", "UBND TỈNH PHÚ YÊN", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Phú Yên",
		"GIÁM ĐỐC", "Lê Minh Tuấn", "Chi bộ Sở Tài nguyên và Môi trường", duKhoi("Phú Yên"), "Hồ Văn Năm", false})

	add(Dossier{ID: "39-htxs-nv-nguoi-lao-dong", Note: "Người lao động doanh nghiệp nhà nước, viết tắt \"HTXS NV\" năm 2016, xét tháng 01/2018: đủ điều kiện.",
		Person:        person("Lâm Văn Tài", true, dt(1987, 7, 7), "phường An Hoà, quận Ninh Kiều, thành phố Cần Thơ", "xã Thạnh Phú, huyện Cờ Đỏ, thành phố Cần Thơ"),
		Meeting:       dt(2018, 1, 19),
		AppraisalDate: dt(2018, 1, 8),
		Appraisals:    []Rated{r(2015, tot), rl(2016, xs, "HTXS NV"), r(2017, tot)},
		Style:         Style{Abbrev: true},
	}, org{"Công ty TNHH MTV Xổ số kiến thiết Cần Thơ", "Kế toán viên", "UBND THÀNH PHỐ CẦN THƠ", "CÔNG TY TNHH MTV XỔ SỐ KIẾN THIẾT CẦN THƠ", "Cần Thơ",
		"GIÁM ĐỐC", "Trần Thanh Phong", "Chi bộ Công ty Xổ số kiến thiết", "Đảng uỷ Khối Doanh nghiệp thành phố Cần Thơ", "Nguyễn Thị Út", false})

	add(Dossier{ID: "40-nam-2026", Note: "Xét năm 2026, cửa sổ 2023–2025, ba năm HTTNV, chỉ có LĐTT năm 2025: không đủ điều kiện.",
		Person:     person("Hoàng Minh Khôi", true, dt(1996, 10, 1), "phường Phước Hải, thành phố Nha Trang", "xã Vĩnh Phương, thành phố Nha Trang, tỉnh Khánh Hoà"),
		Meeting:    dt(2026, 5, 14),
		Appraisals: []Rated{r(2023, tot), r(2024, tot), r(2025, tot)},
		Awards:     []Commendation{aw(2025, hoso.AwardLaoDongTienTien, "Lao động tiên tiến", "Giám đốc Sở Nội vụ", "25/QĐ-SNV", dt(2026, 1, 9))},
	}, org{"Sở Nội vụ tỉnh Khánh Hoà", "Chuyên viên", "UBND TỈNH KHÁNH HOÀ", "SỞ NỘI VỤ", "Khánh Hoà",
		"GIÁM ĐỐC", "Lê Thị Diễm Phương", "Chi bộ Sở Nội vụ", duKhoi("Khánh Hoà"), "Nguyễn Hữu Tài", false})

	add(Dossier{ID: "41-thieu-mot-ngay-18-tuoi", Note: "Còn thiếu một ngày mới đủ 18 tuổi tại ngày họp chi bộ: không đủ điều kiện.",
		Person:     person("Đoàn Thị Ngân", false, dt(2002, 10, 26), "phường Hải Tân, thành phố Hải Dương", "xã Gia Xuyên, huyện Gia Lộc, tỉnh Hải Dương"),
		Meeting:    dt(2020, 10, 25),
		Appraisals: []Rated{r(2017, tot), r(2018, xs), r(2019, tot)},
		Tags:       []string{"under18"},
	}, org{"Nhà hát Chèo tỉnh Hải Dương", "Diễn viên", "SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH HẢI DƯƠNG", "NHÀ HÁT CHÈO", "Hải Dương",
		"GIÁM ĐỐC", "Nguyễn Thị Minh Huyền", "Chi bộ Nhà hát Chèo", duKhoi("Hải Dương"), "Bùi Văn Chính", true})

	add(Dossier{ID: "42-du-60-tuoi", Note: "Bác sĩ đủ 60 tuổi 0 tháng đúng ngày họp chi bộ: đủ điều kiện (chưa quá 60).",
		Person:     person("Trương Công Định", true, dt(1961, 10, 20), "xã Nghĩa Hà, thành phố Quảng Ngãi", "xã Nghĩa Hà, thành phố Quảng Ngãi, tỉnh Quảng Ngãi"),
		Meeting:    dt(2021, 10, 20),
		Appraisals: []Rated{r(2018, xs), r(2019, tot), r(2020, tot)},
		Tags:       []string{"exact60"},
	}, org{"Trung tâm Kiểm soát bệnh tật tỉnh Quảng Ngãi", "Bác sĩ", "SỞ Y TẾ QUẢNG NGÃI", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "Quảng Ngãi",
		"GIÁM ĐỐC", "Nguyễn Văn Kiên", "Chi bộ Khoa Phòng chống bệnh truyền nhiễm", "Đảng uỷ Sở Y tế tỉnh Quảng Ngãi", "Lê Thị Kim Chi", true})

	add(Dossier{ID: "43-phieu-khop-bang", Note: "Phiếu đánh giá năm 2019 ghi cùng mức với bản tổng hợp: không phải mâu thuẫn, đủ điều kiện.",
		Person:     person("Lò Văn Pằn", true, dt(1989, 1, 8), "phường Chiềng Lề, thành phố Sơn La", "xã Chiềng Ngần, thành phố Sơn La, tỉnh Sơn La"),
		Meeting:    dt(2020, 8, 26),
		Appraisals: []Rated{r(2017, tot), r(2018, tot), r(2019, xs)},
		Reviews:    []Review{{Rated: r(2019, xs), Date: dt(2019, 12, 18)}},
	}, org{"Ban Dân tộc tỉnh Sơn La", "Chuyên viên", "UBND TỈNH SƠN LA", "BAN DÂN TỘC", "Sơn La",
		"TRƯỞNG BAN", "Lò Minh Hùng", "Chi bộ Ban Dân tộc", duKhoi("Sơn La"), "Cầm Thị Mai", false})
	out[len(out)-1].Person.Ethnic = "Thái"

	add(Dossier{ID: "44-docx-dat-ten-pdf", Note: "Tệp DOCX mang đuôi .pdf: phải nhận dạng theo nội dung; đủ điều kiện nhờ Bằng khen 2020.",
		Person:     person("Trịnh Văn Quyết", true, dt(1984, 12, 30), "phường Ninh Xá, thành phố Bắc Ninh", "xã Tân Hồng, thị xã Từ Sơn, tỉnh Bắc Ninh"),
		Meeting:    dt(2021, 7, 29),
		Appraisals: []Rated{r(2018, tot), r(2019, tot), r(2020, tot)},
		Awards:     []Commendation{aw(2020, hoso.AwardBangKhen, "Bằng khen của Bộ trưởng Bộ Tài chính", "Bộ trưởng Bộ Tài chính", "2134/QĐ-BTC", dt(2020, 12, 18))},
		Tags:       []string{"mislabelled"},
		Ext:        "pdf",
	}, org{"Cục Thuế tỉnh Bắc Ninh", "Kiểm tra viên thuế", "TỔNG CỤC THUẾ", "CỤC THUẾ TỈNH BẮC NINH", "Bắc Ninh",
		"CỤC TRƯỞNG", "Nguyễn Văn Thực", "Chi bộ Phòng Kiểm tra thuế số 1", "Đảng uỷ Cục Thuế tỉnh Bắc Ninh", "Dương Thị Hiền", false})

	add(Dossier{ID: "45-tcvn3-van-xuoi-chua-du", Note: "TCVN3, văn xuôi, thiếu xếp loại năm 2019 (năm cuối của cửa sổ): chưa đủ hồ sơ.",
		Person:     person("Đặng Ánh Dương", false, dt(1990, 7, 25), "phường Tân Thịnh, thành phố Thái Nguyên", "xã Phúc Xuân, thành phố Thái Nguyên, tỉnh Thái Nguyên"),
		Meeting:    dt(2020, 10, 15),
		Appraisals: []Rated{r(2017, xs), r(2018, tot)},
		Awards:     []Commendation{aw(2018, hoso.AwardLaoDongTienTien, "Lao động tiên tiến", "Giám đốc Sở Giáo dục và Đào tạo", "", hoso.Date{})},
		Style:      Style{Encoding: TCVN3, Prose: true},
		Tags:       []string{"legacy"},
	}, org{"Sở Giáo dục và Đào tạo tỉnh Thái Nguyên", "Chuyên viên", "UBND TỈNH THÁI NGUYÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Thái Nguyên",
		"GIÁM ĐỐC", "Phạm Việt Đức", "Chi bộ Sở Giáo dục và Đào tạo", duKhoi("Thái Nguyên"), "Nông Thị Ấm", false})

	add(Dossier{ID: "46-khung-word-2010", Note: "Khung văn bản kiểu Word 2010 (mc:AlternateContent: DrawingML và VML dự phòng cùng nội dung): đọc một lần, Giấy khen 2020 chỉ có trong khung: đủ điều kiện.",
		Person:     person("Triệu Thị Hoài Thương", false, dt(1992, 11, 27), "phường Đông Kinh, thành phố Lạng Sơn", "xã Hoàng Đồng, thành phố Lạng Sơn, tỉnh Lạng Sơn"),
		Meeting:    dt(2021, 5, 27),
		Appraisals: []Rated{r(2018, tot), r(2019, tot), r(2020, tot)},
		Awards:     []Commendation{aw(2020, hoso.AwardGiayKhen, "Giấy khen", "Giám đốc Sở Tư pháp", "97/QĐ-STP", dt(2020, 12, 25))},
		Style:      Style{TextBox: true, AltTextBox: true},
	}, org{"Sở Tư pháp tỉnh Lạng Sơn", "Chuyên viên", "UBND TỈNH LẠNG SƠN", "SỞ TƯ PHÁP", "Lạng Sơn",
		"GIÁM ĐỐC", "Hoàng Văn Chiến", "Chi bộ Sở Tư pháp", duKhoi("Lạng Sơn"), "Nông Văn Tuấn", false})
	out[len(out)-1].Person.Ethnic = "Nùng"

	add(Dossier{ID: "47-bang-gop-o-chu-tat", Note: "Bảng có cột STT, dòng tiêu đề gộp ô (gridSpan), ô năm ghi \"Năm 2019\", xếp loại ghi gọn \"Tốt\"/\"Hoàn thành\"/\"Xuất sắc\"; năm 2018 chỉ \"Hoàn thành\": không đủ điều kiện.",
		Person:     person("Châu Ngọc Thạch", true, dt(1988, 4, 2), "phường Mỹ Bình, thành phố Long Xuyên", "xã Mỹ Khánh, thành phố Long Xuyên, tỉnh An Giang"),
		Meeting:    dt(2020, 10, 29),
		Appraisals: []Rated{rl(2017, tot, "Tốt"), rl(2018, ht, "Hoàn thành"), rl(2019, xs, "Xuất sắc")},
		Style:      Style{Merged: true},
	}, org{"Sở Giáo dục và Đào tạo tỉnh An Giang", "Chuyên viên", "UBND TỈNH AN GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "An Giang",
		"KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC", "Trần Thị Mỹ Linh", "Chi bộ Sở Giáo dục và Đào tạo", duKhoi("An Giang"), "Châu Văn Bảy", false})

	add(Dossier{ID: "48-ngay-so-va-nbsp", Note: "Ngày họp viết số (\"ngày 05/9/2019\"), ngày sinh có số 0 đứng đầu, khoảng trắng không ngắt (U+00A0) trước các con số: đủ điều kiện.",
		Person:     person("Từ Thị Mỹ Duyên", false, dt(1990, 2, 8), "phường Hoà Thuận Đông, quận Hải Châu, thành phố Đà Nẵng", "xã Điện Quang, huyện Điện Bàn, tỉnh Quảng Nam"),
		Meeting:    dt(2019, 9, 5),
		Appraisals: []Rated{r(2016, xs), r(2017, tot), r(2018, tot)},
		Style:      Style{NumericDates: true, NBSP: true},
	}, org{"Sở Du lịch thành phố Đà Nẵng", "Chuyên viên", "UBND THÀNH PHỐ ĐÀ NẴNG", "SỞ DU LỊCH", "Đà Nẵng",
		"GIÁM ĐỐC", "Trương Thị Hồng Hạnh", "Chi bộ Sở Du lịch", "Đảng uỷ Khối các cơ quan thành phố Đà Nẵng", "Lê Văn Trung", false})

	add(Dossier{ID: "49-truong-va-lien-ket", Note: "Ô xếp loại nằm trong trường (w:fldSimple) và liên kết (w:hyperlink), ngày họp trong w:smartTag; năm 2019 KHTNV: không đủ điều kiện.",
		Person:     person("Hứa Văn Lộc", true, dt(1985, 8, 8), "phường Sông Bằng, thành phố Cao Bằng", "xã Đề Thám, huyện Hoà An, tỉnh Cao Bằng"),
		Meeting:    dt(2020, 6, 30),
		Appraisals: []Rated{r(2017, xs), r(2018, tot), r(2019, kht)},
		Style:      Style{Wrappers: true},
	}, org{"Sở Giao thông vận tải tỉnh Cao Bằng", "Kỹ sư", "UBND TỈNH CAO BẰNG", "SỞ GIAO THÔNG VẬN TẢI", "Cao Bằng",
		"GIÁM ĐỐC", "Bế Xuân Thành", "Chi bộ Sở Giao thông vận tải", duKhoi("Cao Bằng"), "Đàm Văn Hùng", false})
	out[len(out)-1].Person.Ethnic = "Nùng"

	add(Dossier{ID: "50-xoa-dong-bang", Note: "Sửa có theo dõi cả dòng bảng: dòng \"2018 | Không hoàn thành nhiệm vụ\" bị xoá, dòng \"2018 | Hoàn thành xuất sắc nhiệm vụ\" được chèn: đủ điều kiện.",
		Person:     person("Khổng Minh Nhật", true, dt(1991, 1, 19), "phường Hội Hợp, thành phố Vĩnh Yên", "xã Tam Hồng, huyện Yên Lạc, tỉnh Vĩnh Phúc"),
		Meeting:    dt(2019, 8, 22),
		Appraisals: []Rated{r(2016, tot), r(2017, tot), {Year: 2018, Rating: xs, Deleted: "Không hoàn thành nhiệm vụ"}},
		Style:      Style{TrackedRow: true},
	}, org{"Sở Kế hoạch và Đầu tư tỉnh Vĩnh Phúc", "Chuyên viên", "UBND TỈNH VĨNH PHÚC", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Vĩnh Phúc",
		"GIÁM ĐỐC", "Nguyễn Văn Khước", "Chi bộ Sở Kế hoạch và Đầu tư", duKhoi("Vĩnh Phúc"), "Lưu Thị Hằng", false})

	add(Dossier{ID: "51-zip-macos-tren-60", Note: "ZIP nén trên macOS (thư mục, tên tệp NFD, tệp rác __MACOSX/._*.docx); nữ 60 tuổi 3 tháng: không đủ điều kiện ở cấp này, trình cấp uỷ có thẩm quyền.",
		Person:     person("Nguyễn Thị Ngọc Diệp", false, dt(1962, 3, 10), "phường Xuân Khánh, quận Ninh Kiều, thành phố Cần Thơ", "xã Mỹ Khánh, huyện Phong Điền, thành phố Cần Thơ"),
		Meeting:    dt(2022, 6, 15),
		Appraisals: []Rated{r(2019, xs), r(2020, xs), r(2021, tot)},
		Pack: Pack{Kind: PackZIP, MacOS: true, Parts: []Part{
			{Name: "Lý lịch.docx", Docs: []DocKind{DocLyLich, DocDon}},
			{Name: "Tổng hợp xếp loại.docx", Docs: []DocKind{DocAppraisal}},
			{Name: "Nghị quyết chi bộ.docx", Docs: []DocKind{DocResolution}}}},
		Docs: []DocKind{DocLyLich, DocDon, DocAppraisal, DocResolution},
		Tags: []string{"over60"},
	}, org{"Trường Đại học Y Dược Cần Thơ", "Giảng viên cao cấp", "BỘ Y TẾ", "TRƯỜNG ĐẠI HỌC Y DƯỢC CẦN THƠ", "Cần Thơ",
		"HIỆU TRƯỞNG", "Nguyễn Minh Phương", "Chi bộ Khoa Dược", "Đảng uỷ Trường Đại học Y Dược Cần Thơ", "Trần Văn Đệ", true})

	return out
}

// RejectSource is the dossier the broken files are cut from; it is not a
// corpus case of its own.
func RejectSource() Dossier {
	return fill(Dossier{ID: "nguon-tep-hong", Note: "Nguồn của các tệp hỏng.",
		Person:     person("Nguyễn Văn An", true, dt(1989, 4, 10), "phường Đề Thám, thành phố Thái Bình", "xã Đông Mỹ, thành phố Thái Bình, tỉnh Thái Bình"),
		Meeting:    dt(2019, 9, 20),
		Appraisals: []Rated{r(2016, tot), r(2017, tot), r(2018, xs)},
	}, org{"Sở Tài chính tỉnh Thái Bình", "Chuyên viên", "UBND TỈNH THÁI BÌNH", "SỞ TÀI CHÍNH", "Thái Bình",
		"KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC", "Trần Văn Nam", "Chi bộ Sở Tài chính", duKhoi("Thái Bình"), "Lê Minh Tuấn", false})
}

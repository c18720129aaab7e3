package dossier

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hoso-vn/hoso"
)

// resolution is a 6-KNĐ as the form prints it, with Căn cứ lines whose
// dates come before the meeting.
var resolution = []string{
	"| ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH | ĐẢNG CỘNG SẢN VIỆT NAM |",
	"| CHI BỘ SỞ TÀI CHÍNH | Thái Bình, ngày 14 tháng 9 năm 2023 |",
	"NGHỊ QUYẾT",
	"đề nghị kết nạp đảng viên",
	"Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;",
	"Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 18/01/2022 của Ban Tổ chức Trung ương;",
	"Ngày 12 tháng 9 năm 2023, Chi bộ Sở Tài chính đã họp để xét, đề nghị kết nạp quần chúng Bế Thị Ỷ vào Đảng.",
	"Quần chúng Bế Thị Ỷ, sinh ngày 02 tháng 3 năm 1990, đơn vị công tác: Phòng Ngân sách, Sở Tài chính tỉnh Thái Bình.",
	"Đề nghị Đảng uỷ Khối các cơ quan tỉnh Thái Bình xem xét, kết nạp quần chúng Bế Thị Ỷ vào Đảng.",
}

func phieu(year int, self, authority string) []string {
	return []string{
		"| SỞ TÀI CHÍNH TỈNH THÁI BÌNH | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
		"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC",
		fmt.Sprintf("Năm %d", year),
		"Họ và tên: Bế Thị Ỷ",
		"I. KẾT QUẢ TỰ ĐÁNH GIÁ",
		"1. Chính trị tư tưởng: chấp hành tốt.",
		"II. TỰ NHẬN XÉT, XẾP LOẠI CHẤT LƯỢNG",
		"2. Tự xếp loại chất lượng: " + self,
		"IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC (Phần dành cho cấp có thẩm quyền đánh giá)",
		"Kết quả đánh giá, xếp loại chất lượng: " + authority,
	}
}

func ratingsOf(rec *hoso.Record) []string {
	var out []string
	for _, a := range rec.Appraisals {
		out = append(out, fmt.Sprintf("%d:%s", a.Year, a.Rating))
	}
	return out
}

func TestFormReviewDateNotFromCanCu(t *testing.T) {
	rec, err := Read(blocks(resolution...))
	if err != nil {
		t.Fatal(err)
	}
	want := hoso.Date{Year: 2023, Month: 9, Day: 12}
	if rec.ReviewDate != want || rec.ReviewDateBasis != hoso.ReviewFromResolution {
		t.Errorf("review %v (%s), want %v from the meeting sentence; evidence %+v", rec.ReviewDate, rec.ReviewDateBasis, want, rec.ReviewDateEvidence)
	}
	if rec.ReviewDateEvidence == nil || rec.ReviewDateEvidence.Doc != hoso.DocNQChiBo {
		t.Errorf("evidence %+v, want from the resolution", rec.ReviewDateEvidence)
	}
	if rec.Addressee == nil || rec.Addressee.Name != "Đảng uỷ Khối các cơ quan tỉnh Thái Bình" {
		t.Errorf("addressee %+v", rec.Addressee)
	}
	if rec.Candidate.FullName != "Bế Thị Ỷ" {
		t.Errorf("name %q", rec.Candidate.FullName)
	}
	if len(rec.Documents) != 1 || rec.Documents[0].Kind != hoso.DocNQChiBo {
		t.Errorf("documents %+v", rec.Documents)
	}
}

func TestFormOptionsAndSelfRating(t *testing.T) {
	hint := "(Hoàn thành xuất sắc nhiệm vụ; hoàn thành tốt nhiệm vụ; hoàn thành nhiệm vụ; không hoàn thành nhiệm vụ)"
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"authority differs from self", phieu(2022, "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"), []string{"2022:HTTNV"}},
		{"hint left in", phieu(2022, "Hoàn thành tốt nhiệm vụ "+hint, "Hoàn thành tốt nhiệm vụ "+hint), []string{"2022:HTTNV"}},
		{"ticked boxes", phieu(2021, "☐ Hoàn thành xuất sắc nhiệm vụ ☒ Hoàn thành tốt nhiệm vụ ☐ Hoàn thành nhiệm vụ ☐ Không hoàn thành nhiệm vụ",
			"☐ Hoàn thành xuất sắc nhiệm vụ ☐ Hoàn thành tốt nhiệm vụ ☒ Hoàn thành nhiệm vụ ☐ Không hoàn thành nhiệm vụ"), []string{"2021:HTNV"}},
		{"bracket x", phieu(2021, "[ ] HTXSNV [x] HTTNV [ ] HTNV [ ] KHTNV", "[x] HTXSNV [ ] HTTNV [ ] HTNV [ ] KHTNV"), []string{"2021:HTXSNV"}},
		{"one option per line", append(phieu(2020, "", ""), "☐ Hoàn thành xuất sắc nhiệm vụ", "☑ Hoàn thành tốt nhiệm vụ", "☐ Hoàn thành nhiệm vụ", "☐ Không hoàn thành nhiệm vụ"), []string{"2020:HTTNV"}},
		{"legend under a table", []string{
			"BẢN TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI",
			"Họ và tên: Bế Thị Ỷ",
			"| Năm | Kết quả xếp loại |",
			"| 2020 | HTTNV |",
			"| 2021 | HTXSNV |",
			"Ghi chú: HTXSNV – Hoàn thành xuất sắc nhiệm vụ; HTTNV – Hoàn thành tốt nhiệm vụ; HTNV – Hoàn thành nhiệm vụ; KHTNV – Không hoàn thành nhiệm vụ.",
		}, []string{"2020:HTTNV", "2021:HTXSNV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, _ := Read(blocks(tt.lines...))
			if got := ratingsOf(rec); !slices.Equal(got, tt.want) {
				t.Errorf("ratings %v, want %v", got, tt.want)
			}
			for _, a := range rec.Appraisals {
				if a.Evidence.Doc != hoso.DocPhieu && a.Evidence.Doc != hoso.DocNhanXet {
					t.Errorf("evidence from %q", a.Evidence.Doc)
				}
			}
		})
	}
}

func TestFormFactsOfTheUnit(t *testing.T) {
	lines := []string{
		"BẢN NHẬN XÉT, ĐÁNH GIÁ",
		"Họ và tên: Lò Văn Ấn, sinh năm 1995",
		"Đồng chí được tuyển dụng từ tháng 03/2021, công tác tại Phòng Hành chính.",
		"Năm 2021: không đánh giá, xếp loại (nghỉ chế độ thai sản từ 02/2021 đến 08/2021).",
		"Năm 2022: Hoàn thành tốt nhiệm vụ.",
	}
	rec, _ := Read(blocks(lines...))
	if rec.Employment == nil || rec.Employment.Since != (hoso.Date{Year: 2021, Month: 3, Day: 1}) {
		t.Errorf("employment %+v", rec.Employment)
	}
	if len(rec.Unrated) != 1 || rec.Unrated[0].Year != 2021 || rec.Unrated[0].Reason == "" {
		t.Errorf("unrated %+v", rec.Unrated)
	}
	if rec.Candidate.BirthYear != 1995 || !rec.Candidate.DateOfBirth.IsZero() {
		t.Errorf("birth %v / %d", rec.Candidate.DateOfBirth, rec.Candidate.BirthYear)
	}
	if got := ratingsOf(rec); !slices.Equal(got, []string{"2022:HTTNV"}) {
		t.Errorf("ratings %v", got)
	}
}

func TestFormWrappedValues(t *testing.T) {
	rec, _ := Read(pdfLines(
		"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC",
		"Họ và tên: Trần Thị Mỹ",
		"Đơn vị công tác: Trung tâm Huấn luyện và Thi đấu thể dục thể",
		"thao thành phố Cần Thơ",
		"Chức vụ: Huấn luyện viên",
		"Năm 2017 hoàn",
		"thành xuất sắc nhiệm vụ; năm 2018 hoàn thành tốt nhiệm vụ.",
	))
	if want := "Trung tâm Huấn luyện và Thi đấu thể dục thể thao thành phố Cần Thơ"; rec.Candidate.Unit != want {
		t.Errorf("unit %q, want %q", rec.Candidate.Unit, want)
	}
	if got := ratingsOf(rec); !slices.Equal(got, []string{"2017:HTXSNV", "2018:HTTNV"}) {
		t.Errorf("ratings %v", got)
	}
}

func TestFormCompactResolutionLine(t *testing.T) {
	lines := append([]string{}, resolution[:6]...)
	lines = append(lines,
		"Hôm nay, ngày 12 tháng 9 năm 2023, Chi bộ Văn phòng đã họp để xét, đề nghị kết nạp quần chúng Nguyễn Hữu Lộc vào Đảng.",
		"Quần chúng: NGUYỄN HỮU LỘC; sinh ngày 26 tháng 10 năm 1988; đơn vị công tác: Văn phòng Đăng ký đất đai tỉnh Thừa Thiên Huế.",
		"Năm 2020 HTT NV; năm 2021 HTXS NV; năm 2022 htt nv.",
	)
	rec, _ := Read(blocks(lines...))
	c := rec.Candidate
	if c.FullName != "Nguyễn Hữu Lộc" || c.DateOfBirth != (hoso.Date{Year: 1988, Month: 10, Day: 26}) ||
		c.Unit != "Văn phòng Đăng ký đất đai tỉnh Thừa Thiên Huế" {
		t.Errorf("candidate %q %v %q", c.FullName, c.DateOfBirth, c.Unit)
	}
	if got := ratingsOf(rec); !slices.Equal(got, []string{"2020:HTTNV", "2021:HTXSNV", "2022:HTTNV"}) {
		t.Errorf("ratings %v", got)
	}
}

func TestFormMergedYearCells(t *testing.T) {
	rec, _ := Read(blocks(
		"BẢN NHẬN XÉT, ĐÁNH GIÁ",
		"Họ và tên: Bế Thị Ỷ",
		"| Năm | Xếp loại | Khen thưởng |",
		"| 2021 | Hoàn thành tốt nhiệm vụ | Giấy khen của Giám đốc Sở |",
		"|  |  | Chiến sĩ thi đua cơ sở |",
		"| 2022 | Hoàn thành xuất sắc nhiệm vụ |  |",
	))
	if got := ratingsOf(rec); !slices.Equal(got, []string{"2021:HTTNV", "2022:HTXSNV"}) {
		t.Errorf("ratings %v", got)
	}
	var aw []string
	for _, a := range rec.Awards {
		aw = append(aw, fmt.Sprintf("%d:%s", a.Year, a.Kind))
	}
	if !slices.Equal(aw, []string{"2021:giay_khen", "2021:cstd_co_so"}) {
		t.Errorf("awards %v", aw)
	}
}

func awardsOf(rec *hoso.Record) []string {
	var out []string
	for _, a := range rec.Awards {
		out = append(out, fmt.Sprintf("%d:%s", a.Year, a.Kind))
	}
	return out
}

func TestFormAwardDecision(t *testing.T) {
	decision := []string{
		"| UBND TỈNH THÁI BÌNH | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
		"| SỞ TÀI CHÍNH | Độc lập - Tự do - Hạnh phúc |",
		"| Số: 45/QĐ-STC | Thái Bình, ngày 10 tháng 01 năm 2023 |",
		"QUYẾT ĐỊNH",
		"Về việc khen thưởng thành tích năm 2022",
		"GIÁM ĐỐC SỞ TÀI CHÍNH",
		"Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022;",
		"Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;",
		"QUYẾT ĐỊNH:",
		"Điều 1. Tặng Giấy khen cho 02 tập thể và 03 cá nhân có tên trong danh sách kèm theo đã có thành tích xuất sắc trong thực hiện nhiệm vụ.",
		"DANH SÁCH",
		"(Kèm theo Quyết định số 45/QĐ-STC ngày 10/01/2023)",
		"| STT | Họ và tên | Chức vụ, đơn vị |",
		"| I | Tập thể |  |",
		"| 1 | Phòng Quản lý ngân sách |  |",
		"| II | Cá nhân |  |",
		"| 1 | Ông Trần Văn Khác | Chuyên viên |",
		"| 2 | Bà Bế Thị Ỷ | Chuyên viên Phòng Ngân sách |",
	}
	lines := append(append([]string{}, resolution...), decision...)
	rec, _ := Read(blocks(lines...))
	if got := awardsOf(rec); !slices.Equal(got, []string{"2022:giay_khen"}) {
		t.Errorf("awards %v, want the 2022 achievement", got)
	}
	if len(rec.Awards) == 1 && rec.Awards[0].Evidence.Doc != hoso.DocQDKhen {
		t.Errorf("award evidence from %q", rec.Awards[0].Evidence.Doc)
	}
	// The same decision without the candidate in its list is someone else's.
	other := append(append([]string{}, resolution...), decision[:len(decision)-1]...)
	rec, _ = Read(blocks(other...))
	if got := awardsOf(rec); len(got) != 0 {
		t.Errorf("awards %v of a decision that does not name the candidate", got)
	}
	kinds := []hoso.DocKind{}
	for _, d := range rec.Documents {
		kinds = append(kinds, d.Kind)
	}
	if !slices.Equal(kinds, []hoso.DocKind{hoso.DocNQChiBo, hoso.DocQDKhen}) {
		t.Errorf("documents %v", kinds)
	}
}

func TestFormInvitationIsNotADossier(t *testing.T) {
	_, err := Read(blocks(
		"| ĐẢNG UỶ KHỐI CÁC CƠ QUAN TỈNH | ĐẢNG CỘNG SẢN VIỆT NAM |",
		"| CHI BỘ SỞ TÀI CHÍNH | Thái Bình, ngày 02 tháng 12 năm 2024 |",
		"GIẤY MỜI",
		"Chi bộ trân trọng kính mời đồng chí Nguyễn Văn An, sinh ngày 12/5/1990, dự họp chi bộ vào lúc 8 giờ ngày 05/12/2024.",
	))
	if hoso.Code(err) != hoso.ENOTDOSSIER {
		t.Errorf("err %v, want not_dossier", err)
	}
}

func TestFormScanBoxesAndGluedWords(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"empty boxes read as L] and E], the ticked one lost", []string{
			"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC", "Năm 2022", "Họ và tên: Bùi Phương Loan",
			"IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC",
			"2. Kết quả đánh giá, xếp loại chất lượng: L] Hoàn thành xuất sắc nhiệm vụ",
			"Hoàn thành tốt nhiệm vụ L] Hoàn thành nhiệm vụ E] Không hoàn thành nhiệm vụ",
		}, []string{"2022:HTTNV"}},
		{"a photo's OCR runs a rating together", []string{
			"BẢN NHẬN XÉT, ĐÁNH GIÁ", "Họ và tên: Hà Văn Thượng",
			"1\t2020 Hoànthànhtốtnhệmu,", "2\t2021 Hoànthànhxuấtsắcnhiệmvụ",
		}, []string{"2020:HTTNV", "2021:HTXSNV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, _ := Read(ocr(pdfLines(tt.lines...), 0.93))
			if got := ratingsOf(rec); !slices.Equal(got, tt.want) {
				t.Errorf("ratings %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFormSelfAndAuthorityColumns(t *testing.T) {
	rec, _ := Read(blocks(
		"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC",
		"Năm 2022",
		"Họ và tên: Bế Thị Ỷ",
		"| Nội dung | Cá nhân tự đánh giá | Cấp có thẩm quyền đánh giá |",
		"| Kết quả thực hiện nhiệm vụ | Tốt | Tốt |",
		"| Xếp loại chất lượng | Hoàn thành xuất sắc nhiệm vụ | Hoàn thành tốt nhiệm vụ |",
	))
	if got := ratingsOf(rec); !slices.Equal(got, []string{"2022:HTTNV"}) {
		t.Errorf("ratings %v, want the authority's 2022:HTTNV", got)
	}
}

func TestFormYouthUnionResolutionBeforeTheChiBo(t *testing.T) {
	doan := []string{
		"| ĐOÀN TNCS HỒ CHÍ MINH | ĐOÀN TNCS HỒ CHÍ MINH |",
		"| BCH CHI ĐOÀN SỞ TÀI CHÍNH | Thái Bình, ngày 02 tháng 8 năm 2023 |",
		"NGHỊ QUYẾT",
		"Về việc giới thiệu đồng chí Bế Thị Ỷ, đoàn viên ưu tú, để chi bộ xem xét kết nạp vào Đảng",
		"Hôm nay, ngày 02 tháng 8 năm 2023, Ban Chấp hành Chi đoàn đã họp và thống nhất giới thiệu đồng chí Bế Thị Ỷ.",
	}
	rec, _ := Read(blocks(append(doan, resolution...)...))
	if want := (hoso.Date{Year: 2023, Month: 9, Day: 12}); rec.ReviewDate != want {
		t.Errorf("review %v, want the chi bộ's meeting %v", rec.ReviewDate, want)
	}
	var kinds []hoso.DocKind
	for _, d := range rec.Documents {
		kinds = append(kinds, d.Kind)
	}
	if !slices.Equal(kinds, []hoso.DocKind{hoso.DocNQDoanThe, hoso.DocNQChiBo}) {
		t.Errorf("documents %v", kinds)
	}
}

func TestFormOCRNameInCapitalsLosesATone(t *testing.T) {
	rec, _ := Read(ocr(pdfLines("NGHỊ QUYẾT",
		"đề nghị kết nạp đảng viên",
		"Ngày 12 tháng 9 năm 2023, Chi bộ Trường đã họp để xét, đề nghị kết nạp quần chúng Nguyễn Hữu Lộc vào Đảng.",
		"Quần chúng: NGUYÊN HỮU LỘC; sinh ngày 26 tháng 10 năm 1988; đơn vị công tác: Trường Tiểu học An Bình.",
		"Kết quả đánh giá, xếp loại chất lượng: năm 2020 hoàn thành tốt nhiệm vụ.",
	), 0.93))
	if want := (hoso.Date{Year: 1988, Month: 10, Day: 26}); rec.Candidate.DateOfBirth != want {
		t.Errorf("date of birth %v, want %v: the capitals are the same person", rec.Candidate.DateOfBirth, want)
	}
	if got := ratingsOf(rec); !slices.Equal(got, []string{"2020:HTTNV"}) {
		t.Errorf("ratings %v", got)
	}
}

// A PDF line end cuts the resolution's sentences anywhere, and the last
// "Căn cứ" usually ends with a comma before the meeting sentence opens.
func TestFormMeetingAfterTheLastCitation(t *testing.T) {
	head := []string{
		"ĐẢNG BỘ XÃ TÂN PHÚ",
		"CHI BỘ TRƯỜNG TIỂU HỌC",
		"*",
		"Số 07-NQ/CB",
		"ĐẢNG CỘNG SẢN VIỆT NAM",
		"Tân Phú, ngày 21 tháng 11",
		"năm 2023",
		"NGHỊ QUYẾT",
		"Đề nghị kết nạp đảng viên",
		"- Căn cứ Điều lệ Đảng Cộng sản Việt",
		"Nam;",
		"- Căn cứ Hướng dẫn số 12-HD/BTCTW",
		"ngày 18/01/2022 của Ban Tổ chức Trung",
		"ương về nghiệp vụ công tác đảng viên,",
	}
	tail := []string{
		"Quần chúng: Lâm Thị Xuân, sinh ngày",
		"03/8/1994; đơn vị công tác: Trường Tiểu học",
		"xã Tân Phú.",
		"Chi bộ đề nghị Đảng uỷ xã Tân Phú xem xét, kết nạp quần chúng Lâm Thị Xuân vào Đảng.",
	}
	tests := []struct {
		name    string
		meeting []string
		want    hoso.Date
		basis   hoso.ReviewDateBasis
	}{
		{"date first after the comma", []string{"Ngày 20 tháng 11 năm 2023, Chi bộ Trường Tiểu học đã họp xét", "đề nghị kết nạp quần chúng Lâm Thị Xuân."},
			hoso.Date{Year: 2023, Month: 11, Day: 20}, hoso.ReviewFromResolution},
		{"chi bộ first, dashed date", []string{"Chi bộ Trường Tiểu học tổ chức", "họp lúc 14h00' ngày 20-11-2023 tại phòng", "hội đồng để xét kết nạp quần chúng."},
			hoso.Date{Year: 2023, Month: 11, Day: 20}, hoso.ReviewFromResolution},
		{"numbered time section", []string{"I. THỜI GIAN, ĐỊA ĐIỂM", "1. Thời gian: 14 giờ 00, ngày 20/11/2023.", "2. Địa điểm: phòng hội đồng nhà trường."},
			hoso.Date{Year: 2023, Month: 11, Day: 20}, hoso.ReviewFromResolution},
		{"meeting date cut by the line end", []string{"Hôm nay, lúc 14 giờ 00, ngày 20 tháng", "11 năm 2023, tại phòng hội đồng, Chi bộ", "Trường Tiểu học họp xét kết nạp."},
			hoso.Date{Year: 2023, Month: 11, Day: 20}, hoso.ReviewFromResolution},
		// No meeting sentence at all: the resolution's own date line, cut
		// in two, never the Hướng dẫn's date that opens a line.
		{"no meeting sentence", []string{"Chi bộ đã xem xét hồ sơ của quần chúng."},
			hoso.Date{Year: 2023, Month: 11, Day: 21}, hoso.ReviewFromResolution},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append(append(slices.Clone(head), tt.meeting...), tail...)
			rec, err := Read(pdfLines(lines...))
			if err != nil {
				t.Fatal(err)
			}
			if rec.ReviewDate != tt.want || rec.ReviewDateBasis != tt.basis {
				t.Errorf("review %v (%s), want %v; evidence %+v", rec.ReviewDate, rec.ReviewDateBasis, tt.want, rec.ReviewDateEvidence)
			}
			if dob := (hoso.Date{Year: 1994, Month: 8, Day: 3}); rec.Candidate.DateOfBirth != dob {
				t.Errorf("date of birth %v, want %v (label and date on two lines)", rec.Candidate.DateOfBirth, dob)
			}
		})
	}
}

// Some offices print the form code under the title, not above the header:
// it names the paper just titled, it does not start another.
func TestFormCodeUnderTheTitle(t *testing.T) {
	lines := append([]string{
		"| ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH | ĐẢNG CỘNG SẢN VIỆT NAM |",
		"| CHI BỘ SỞ TÀI CHÍNH | Thái Bình, ngày 14 tháng 9 năm 2023 |",
		"NGHỊ QUYẾT",
		"đề nghị kết nạp đảng viên",
		"(Mẫu 6-KNĐ)",
	}, resolution[4:]...)
	lines = append(lines, phieu(2022, "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ")...)
	rec, err := Read(blocks(lines...))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []hoso.DocKind
	for _, d := range rec.Documents {
		kinds = append(kinds, d.Kind)
	}
	if want := []hoso.DocKind{hoso.DocNQChiBo, hoso.DocPhieu}; !slices.Equal(kinds, want) {
		t.Errorf("documents %v, want %v", kinds, want)
	}
	if want := (hoso.Date{Year: 2023, Month: 9, Day: 12}); rec.ReviewDate != want {
		t.Errorf("review %v, want %v", rec.ReviewDate, want)
	}
}

// A resolution may propose several people, numbered, without a name label:
// the second one's date of birth is not the candidate's.
func TestFormResolutionListsSeveralPeople(t *testing.T) {
	lines := slices.Clone(resolution[:6])
	lines = append(lines,
		"Chi bộ đã xem xét hồ sơ của các quần chúng sau:",
		"1. Bế Thị Ỷ, sinh ngày 02/3/1990; đơn vị công tác: Phòng Ngân sách, Sở Tài chính tỉnh Thái Bình.",
		"2. Hoàng Văn Lực, sinh ngày 15/10/1962; đơn vị công tác: Phòng Hành chính, Sở Tài chính tỉnh Thái Bình.",
		"Đề nghị Đảng uỷ Khối các cơ quan tỉnh Thái Bình xem xét, kết nạp quần chúng Bế Thị Ỷ vào Đảng.",
	)
	lines = append(lines, "ĐƠN XIN VÀO ĐẢNG", "Tên tôi là: Bế Thị Ỷ", "Sinh ngày 02 tháng 3 năm 1990")
	rec, err := Read(blocks(lines...))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Candidate.FullName != "Bế Thị Ỷ" || rec.Candidate.DateOfBirth != (hoso.Date{Year: 1990, Month: 3, Day: 2}) {
		t.Errorf("candidate %q born %v", rec.Candidate.FullName, rec.Candidate.DateOfBirth)
	}
	for _, w := range rec.Warnings {
		if w.Code == hoso.WarnConflict {
			t.Errorf("conflict %+v: the second person's birth date was taken as the candidate's", w)
		}
	}
}

package dossier

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/internal/vntext"
	"golang.org/x/text/unicode/norm"
)

// blocks builds a Text from lines: a line starting with "|" is a table row
// whose cells are split on "|"; consecutive rows form one table; every
// other line is a paragraph.
func blocks(lines ...string) *extract.Text {
	t := &extract.Text{Format: hoso.FormatDOCX}
	table, row, para := 0, 0, 0
	inTable := false
	for _, s := range lines {
		if strings.HasPrefix(s, "|") {
			if !inTable {
				table++
				row = 0
				inTable = true
			}
			row++
			cells := strings.Split(strings.Trim(s, "|"), "|")
			for c, cell := range cells {
				t.Blocks = append(t.Blocks, extract.Block{File: "hs.docx", ID: fmt.Sprintf("t%dr%dc%d", table, row, c+1),
					Text: strings.TrimSpace(cell), Table: table, Row: row, Col: c + 1})
			}
			continue
		}
		inTable = false
		para++
		t.Blocks = append(t.Blocks, extract.Block{File: "hs.docx", ID: fmt.Sprintf("p%d", para), Text: s})
	}
	return t
}

// ocr marks every block as OCR text of the given confidence.
func ocr(t *extract.Text, conf float64) *extract.Text {
	t.Format = hoso.FormatPDFScan
	for i := range t.Blocks {
		t.Blocks[i].Confidence = conf
		t.Blocks[i].Page = 1
	}
	return t
}

func ratings(rec *hoso.Record) string {
	var s []string
	for _, a := range rec.Appraisals {
		s = append(s, fmt.Sprintf("%d:%s", a.Year, a.Rating))
	}
	return strings.Join(s, " ")
}

func awards(rec *hoso.Record) string {
	var s []string
	for _, a := range rec.Awards {
		s = append(s, fmt.Sprintf("%d:%s", a.Year, a.Kind))
	}
	return strings.Join(s, " ")
}

func warnCodes(rec *hoso.Record) string {
	var s []string
	for _, w := range rec.Warnings {
		s = append(s, w.Code)
	}
	return strings.Join(s, " ")
}

func TestRatingPhrasing(t *testing.T) {
	tests := []struct {
		name string
		text []string
		want string
	}{
		{"prose full", []string{"Năm 2017 hoàn thành xuất sắc nhiệm vụ."}, "2017:HTXSNV"},
		{"tốt is not plain", []string{"Năm 2016: Hoàn thành tốt nhiệm vụ"}, "2016:HTTNV"},
		{"plain is not tốt", []string{"Năm 2016: Hoàn thành nhiệm vụ"}, "2016:HTNV"},
		{"không is not hoàn thành", []string{"Năm 2018: Không hoàn thành nhiệm vụ"}, "2018:KHTNV"},
		{"2015-2019 label", []string{"Năm 2017: Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"}, "2017:HTNV"},
		{"two years one rating", []string{"Năm 2016, 2017: Hoàn thành tốt nhiệm vụ"}, "2016:HTTNV 2017:HTTNV"},
		{"rating then years", []string{"Hoàn thành tốt nhiệm vụ các năm 2016, 2017."}, "2016:HTTNV 2017:HTTNV"},
		{"sentence list", []string{"Năm 2016 hoàn thành tốt nhiệm vụ, năm 2017 hoàn thành xuất sắc nhiệm vụ, năm 2018 hoàn thành nhiệm vụ."},
			"2016:HTTNV 2017:HTXSNV 2018:HTNV"},
		{"semicolons", []string{"Năm 2016: HTTNV; năm 2017: HTXSNV; năm 2018: KHTNV"}, "2016:HTTNV 2017:HTXSNV 2018:KHTNV"},
		{"abbrev spaced", []string{"Năm 2016: HTT NV; năm 2017: HT xuất sắc NV; năm 2018: HTXS NV"}, "2016:HTTNV 2017:HTXSNV 2018:HTXSNV"},
		{"all caps", []string{"NĂM 2017: HOÀN THÀNH TỐT NHIỆM VỤ"}, "2017:HTTNV"},
		{"chức trách nhiệm vụ", []string{"Năm 2018 hoàn thành tốt chức trách, nhiệm vụ được giao"}, "2018:HTTNV"},
		{"NFD", []string{norm.NFD.String("Năm 2017: Hoàn thành xuất sắc nhiệm vụ")}, "2017:HTXSNV"},
		{"range", []string{"Từ năm 2016 đến năm 2018 đều hoàn thành tốt nhiệm vụ"}, "2016:HTTNV 2017:HTTNV 2018:HTTNV"},
		{"not a rating: course", []string{"Năm 2018 đã hoàn thành chương trình lớp bồi dưỡng"}, ""},
		{"requirement quoted", []string{"Căn cứ Công văn số 52-CV/BTCĐU, trong 3 năm liên tiếp phải hoàn thành tốt nhiệm vụ trở lên (năm 2019)"}, ""},
		{"decree year is no year", []string{"Theo Nghị định 56/2015/NĐ-CP, năm 2017 xếp loại hoàn thành tốt nhiệm vụ"}, "2017:HTTNV"},
		{"heading line", []string{"Năm 2017:", "- Xếp loại: Hoàn thành xuất sắc nhiệm vụ"}, "2017:HTXSNV"},
		{"distractor years kept", []string{"Năm 2009: Hoàn thành tốt nhiệm vụ", "Năm 2025: Hoàn thành tốt nhiệm vụ"}, "2009:HTTNV 2025:HTTNV"},
		{"table", []string{"| Năm | Xếp loại | Khen thưởng |", "| 2016 | Hoàn thành tốt nhiệm vụ | |", "| 2017 | Xuất sắc | Giấy khen |", "| 2018 | Tốt | |"},
			"2016:HTTNV 2017:HTXSNV 2018:HTTNV"},
		{"table caps abbrev", []string{"| NĂM | KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI |", "| 2016 | HTTNV |", "| 2017 | HOÀN THÀNH XUẤT SẮC NHIỆM VỤ |"},
			"2016:HTTNV 2017:HTXSNV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, _ := Read(blocks(tt.text...))
			if got := ratings(rec); got != tt.want {
				t.Errorf("ratings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAwards(t *testing.T) {
	tests := []struct {
		name                    string
		text                    []string
		want                    string
		title, issuer, decision string
	}{
		{"prose giấy khen", []string{"Năm 2017 hoàn thành xuất sắc nhiệm vụ, được Giám đốc Sở Tài chính tặng Giấy khen (Quyết định số 123/QĐ-STC ngày 15/12/2017)."},
			"2017:giay_khen", "Giấy khen", "Giám đốc Sở Tài chính", "Quyết định số 123/QĐ-STC ngày 15/12/2017"},
		{"của issuer", []string{"Năm 2018: Bằng khen của Chủ tịch UBND tỉnh theo Quyết định số 45/QĐ-UBND ngày 10/01/2019"},
			"2018:bang_khen", "Bằng khen", "Chủ tịch UBND tỉnh", "Quyết định số 45/QĐ-UBND ngày 10/01/2019"},
		{"sỹ cấp cơ sở", []string{"Năm 2017 đạt danh hiệu Chiến sỹ thi đua cấp cơ sở"}, "2017:cstd_co_so", "Chiến sỹ thi đua cấp cơ sở", "", ""},
		{"CSTĐCS", []string{"Năm 2016: HTXSNV, CSTĐCS"}, "2016:cstd_co_so", "CSTĐCS", "", ""},
		{"CSTĐ cơ sở", []string{"Năm 2016: CSTĐ cơ sở"}, "2016:cstd_co_so", "", "", ""},
		{"LĐTT", []string{"Năm 2015: LĐTT"}, "2015:lao_dong_tien_tien", "", "", ""},
		{"cấp tỉnh", []string{"Năm 2018 được công nhận Chiến sĩ thi đua cấp bộ, ngành, tỉnh"}, "2018:cstd_cap_tinh", "", "", ""},
		{"toàn quốc", []string{"Năm 2019: Chiến sĩ thi đua toàn quốc"}, "2019:cstd_toan_quoc", "", "", ""},
		{"collective", []string{"Năm 2018 đơn vị đạt Tập thể lao động tiên tiến"}, "", "", "", ""},
		{"requirement", []string{"phải có ít nhất 01 năm được cấp có thẩm quyền khen thưởng hoặc đạt danh hiệu chiến sỹ thi đua cấp cơ sở trở lên"}, "", "", "", ""},
		{"decision year", []string{"Giấy khen của Giám đốc Sở Tư pháp (Quyết định số 77/QĐ-STP ngày 20/12/2016)"}, "2016:giay_khen", "", "Giám đốc Sở Tư pháp", ""},
		{"table with issuer column", []string{"| Tháng, năm | Hình thức khen thưởng | Cấp quyết định |", "| 12/2017 | Giấy khen | Giám đốc Sở Tài chính |"},
			"2017:giay_khen", "", "Giám đốc Sở Tài chính", ""},
		{"duplicate mention", []string{"Năm 2017: Giấy khen.", "Năm 2017 được tặng Giấy khen của Giám đốc Sở."}, "2017:giay_khen", "", "Giám đốc Sở", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, _ := Read(blocks(tt.text...))
			if got := awards(rec); got != tt.want {
				t.Fatalf("awards = %q, want %q", got, tt.want)
			}
			if len(rec.Awards) == 0 {
				return
			}
			a := rec.Awards[0]
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if tt.issuer != "" && a.Issuer != tt.issuer {
				t.Errorf("issuer = %q, want %q", a.Issuer, tt.issuer)
			}
			if tt.decision != "" && a.Decision != tt.decision {
				t.Errorf("decision = %q, want %q", a.Decision, tt.decision)
			}
		})
	}
}

func TestCandidate(t *testing.T) {
	tests := []struct {
		name                 string
		text                 []string
		fullName, dob        string
		unit, position, warn string
	}{
		{"lý lịch caps, đơn mixed", []string{
			"LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG",
			"Họ và tên đang dùng: NGUYỄN THỊ HƯƠNG",
			"Sinh ngày 12 tháng 5 năm 1990",
			"ĐẢNG CỘNG SẢN VIỆT NAM",
			"ĐƠN XIN VÀO ĐẢNG",
			"Tôi là: Nguyễn Thị Hương",
			"Đơn vị công tác: Sở Tài chính tỉnh Thái Bình",
			"Chức vụ: Chuyên viên",
		}, "Nguyễn Thị Hương", "1990-05-12", "Sở Tài chính tỉnh Thái Bình", "Chuyên viên", ""},
		{"caps only", []string{"Họ và tên đang dùng: LÊ VĂN HOÀ", "Sinh ngày: 03/02/1988"}, "Lê Văn Hoà", "1988-02-03", "", "", ""},
		{"old accent kept", []string{"Họ và tên: Lê Văn Hoà", "Ngày sinh: 12-05-1990"}, "Lê Văn Hoà", "1990-05-12", "", "", ""},
		{"spaced date", []string{"Họ và tên: Trần Văn Thuỷ", "Sinh ngày: 12 / 05 / 1990"}, "Trần Văn Thuỷ", "1990-05-12", "", "", ""},
		{"dotted date", []string{"Họ và tên: Trần Văn Thuỷ, sinh ngày 12.05.1990"}, "Trần Văn Thuỷ", "1990-05-12", "", "", ""},
		{"year only", []string{"Họ và tên: Trần Văn Thuỷ", "Sinh năm 1990"}, "Trần Văn Thuỷ", "", "", "", WarnDOBYearOnly},
		{"parent not candidate", []string{"Họ và tên đang dùng: PHẠM VĂN AN", "Sinh ngày 01/01/1991", "Họ và tên cha: Phạm Văn Bình, sinh năm 1960, sinh ngày 02/02/1960"},
			"Phạm Văn An", "1991-01-01", "", "", ""},
		{"two birth dates", []string{"Họ và tên: Đỗ Thị Mai", "Sinh ngày 12/5/1990", "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐƠN XIN VÀO ĐẢNG", "Tôi là Đỗ Thị Mai, sinh ngày 21/5/1990"},
			"Đỗ Thị Mai", "1990-05-12", "", "", hoso.WarnConflict},
		{"table labels", []string{"| Họ và tên | Vũ Minh Đức |", "| Ngày sinh | 05/11/1992 |", "| Đơn vị công tác | Phòng Kế hoạch - Tài chính |", "| Chức vụ | Phó Trưởng phòng |"},
			"Vũ Minh Đức", "1992-11-05", "Phòng Kế hoạch - Tài chính", "Phó Trưởng phòng", ""},
		{"merged PDF line", []string{"Họ và tên đang dùng: NGUYỄN VĂN AN Nam, nữ: Nam", "Sinh ngày 01/02/1990    Nơi sinh: Hà Nội",
			"Đơn vị công tác: Sở Y tế tỉnh Cà Mau    Chức vụ: Chuyên viên"}, "Nguyễn Văn An", "1990-02-01", "Sở Y tế tỉnh Cà Mau", "Chuyên viên", ""},
		{"label after name", []string{"Họ và tên: Trần Tuấn Anh Sinh ngày: 05/06/1994"}, "Trần Tuấn Anh", "1994-06-05", "", "", ""},
		{"Ð look-alike", []string{"Họ và tên: Ðặng Văn Nam"}, "Ðặng Văn Nam", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, _ := Read(blocks(tt.text...))
			c := rec.Candidate
			if c.FullName != tt.fullName || c.DateOfBirth.String() != tt.dob || c.Unit != tt.unit || c.Position != tt.position {
				t.Errorf("got %q %q %q %q, want %q %q %q %q", c.FullName, c.DateOfBirth, c.Unit, c.Position, tt.fullName, tt.dob, tt.unit, tt.position)
			}
			if got := warnCodes(rec); !strings.Contains(got, tt.warn) || (tt.warn == "" && got != "") {
				t.Errorf("warnings %q, want %q", got, tt.warn)
			}
		})
	}
}

func TestConflictKeptBoth(t *testing.T) {
	rec, err := Read(blocks(
		"Họ và tên: Nguyễn Văn An",
		"Năm 2017: Hoàn thành tốt nhiệm vụ",
		"ĐẢNG CỘNG SẢN VIỆT NAM",
		"NGHỊ QUYẾT",
		"Năm 2017 quần chúng Nguyễn Văn An hoàn thành xuất sắc nhiệm vụ; năm 2017: HTTNV",
	))
	if err != nil {
		t.Fatal(err)
	}
	if got := ratings(rec); got != "2017:HTTNV 2017:HTXSNV" {
		t.Fatalf("ratings = %q", got)
	}
	var w *hoso.Warning
	for i := range rec.Warnings {
		if rec.Warnings[i].Code == hoso.WarnConflict {
			w = &rec.Warnings[i]
		}
	}
	if w == nil || len(w.Evidence) != 2 || w.Evidence[0].Block != "p2" || w.Evidence[1].Block != "p5" {
		t.Fatalf("conflict warning = %+v", w)
	}
}

func TestReviewDate(t *testing.T) {
	resolution := []string{
		"| ĐẢNG BỘ SỞ TÀI CHÍNH | ĐẢNG CỘNG SẢN VIỆT NAM |",
		"| CHI BỘ PHÒNG NGÂN SÁCH | Thái Bình, ngày 15 tháng 9 năm 2019 |",
		"NGHỊ QUYẾT",
		"Đề nghị kết nạp đảng viên",
		"Chi bộ đề nghị kết nạp quần chúng Nguyễn Văn An vào Đảng.",
	}
	don := []string{
		"ĐẢNG CỘNG SẢN VIỆT NAM",
		"Thái Bình, ngày 02 tháng 10 năm 2019",
		"ĐƠN XIN VÀO ĐẢNG",
		"Tôi là Nguyễn Văn An",
	}
	dangUy := []string{
		"| ĐẢNG BỘ KHỐI | ĐẢNG CỘNG SẢN VIỆT NAM |",
		"| ĐẢNG UỶ SỞ TÀI CHÍNH | Thái Bình, ngày 20 tháng 10 năm 2019 |",
		"NGHỊ QUYẾT",
		"Đề nghị kết nạp đảng viên",
	}
	t.Run("resolution", func(t *testing.T) {
		rec, _ := Read(blocks(append(append([]string{}, don...), append(resolution, dangUy...)...)...))
		if rec.ReviewDate.String() != "2019-09-15" || rec.ReviewDateBasis != hoso.ReviewFromResolution {
			t.Fatalf("review %s %s", rec.ReviewDate, rec.ReviewDateBasis)
		}
		if rec.ReviewDateEvidence == nil || rec.ReviewDateEvidence.Block != "t1r2c2" {
			t.Fatalf("evidence %+v", rec.ReviewDateEvidence)
		}
	})
	t.Run("meeting date over header date", func(t *testing.T) {
		rec, _ := Read(blocks(
			"| CHI BỘ PHÒNG NGÂN SÁCH | ĐẢNG CỘNG SẢN VIỆT NAM |",
			"| Số 05-NQ/CB | Thái Bình, ngày 16 tháng 9 năm 2019 |",
			"NGHỊ QUYẾT",
			"Đề nghị kết nạp đảng viên",
			"Hôm nay, ngày 15 tháng 9 năm 2019, Chi bộ Phòng Ngân sách họp để xét đề nghị kết nạp quần chúng Nguyễn Văn An.",
		))
		if rec.ReviewDate.String() != "2019-09-15" || rec.ReviewDateBasis != hoso.ReviewFromResolution || rec.ReviewDateEvidence.Block != "p3" {
			t.Fatalf("review %s %s %+v", rec.ReviewDate, rec.ReviewDateBasis, rec.ReviewDateEvidence)
		}
	})
	t.Run("dispatch is not a paper", func(t *testing.T) {
		cv := []string{
			"| ĐẢNG UỶ CÁC CƠ QUAN TỈNH | ĐẢNG CỘNG SẢN VIỆT NAM |",
			"| BAN TỔ CHỨC | Thái Bình, ngày 01 tháng 11 năm 2019 |",
			"| Số 52 - CV/BTCĐU | |",
			"Về công tác kết nạp quần chúng ưu tú vào Đảng",
		}
		rec, _ := Read(blocks(append(append([]string{}, don...), cv...)...))
		if rec.ReviewDate.String() != "2019-10-02" || rec.ReviewDateBasis != hoso.ReviewFromLatestDoc {
			t.Fatalf("review %s %s", rec.ReviewDate, rec.ReviewDateBasis)
		}
	})
	t.Run("latest document", func(t *testing.T) {
		rec, _ := Read(blocks(append(append([]string{}, don...), dangUy...)...))
		if rec.ReviewDate.String() != "2019-10-20" || rec.ReviewDateBasis != hoso.ReviewFromLatestDoc {
			t.Fatalf("review %s %s", rec.ReviewDate, rec.ReviewDateBasis)
		}
		if !strings.Contains(warnCodes(rec), hoso.WarnReviewGuess) {
			t.Fatalf("no %s warning: %s", hoso.WarnReviewGuess, warnCodes(rec))
		}
	})
}

func TestCertificate(t *testing.T) {
	rec, _ := Read(blocks(
		"| HUYỆN UỶ VŨ THƯ | ĐẢNG CỘNG SẢN VIỆT NAM |",
		"| TRUNG TÂM CHÍNH TRỊ | |",
		"| Số: 125-GCN/TTCT | Vũ Thư, ngày 20 tháng 6 năm 2018 |",
		"GIẤY CHỨNG NHẬN",
		"Đã hoàn thành chương trình bồi dưỡng nhận thức về Đảng",
		"Chứng nhận: Ông Nguyễn Văn An",
	))
	if rec.Certificate == nil || rec.Certificate.Number != "125-GCN/TTCT" || rec.Certificate.Issued.String() != "2018-06-20" {
		t.Fatalf("certificate %+v", rec.Certificate)
	}
	if rec.Candidate.FullName != "Nguyễn Văn An" || len(rec.Appraisals) != 0 {
		t.Fatalf("candidate %q appraisals %v", rec.Candidate.FullName, rec.Appraisals)
	}
}

func TestNotDossier(t *testing.T) {
	_, err := Read(blocks("Ảnh 4x6", "Ngày 12/5/2019"))
	if !errors.Is(err, hoso.ErrNotDossier) {
		t.Fatalf("err = %v, want not_dossier", err)
	}
	for _, tx := range []*extract.Text{nil, {}} {
		if _, err := Read(tx); !errors.Is(err, hoso.ErrNotDossier) {
			t.Errorf("empty text: err = %v, want not_dossier", err)
		}
	}
	tx := blocks("Ảnh 4x6")
	tx.NeedOCR = []int{1}
	if rec, err := Read(tx); err != nil || rec == nil {
		t.Fatalf("pages awaiting OCR: err = %v", err)
	}
}

func TestOCRNoise(t *testing.T) {
	tests := []struct {
		name string
		text []string
		want string
	}{
		{"dropped tones on caps", []string{"NĂM 2017: HOAN THANH TÔT NHIÊM VU"}, "2017:HTTNV"},
		{"hook acute swap", []string{"Năm 2016: hoàn thánh xuất sắc nhiệm vu"}, "2016:HTXSNV"},
		{"tốt stays tốt", []string{"Năm 2018: Hoàn thành tốt nhiêm vụ"}, "2018:HTTNV"},
		{"plain stays plain", []string{"Năm 2018: Hoàn thảnh nhiệm vụ"}, "2018:HTNV"},
		{"không stays không", []string{"Năm 2018: Khòng hoàn thành nhiệm vụ"}, "2018:KHTNV"},
		{"not a year", []string{"Năm 20168: Hoàn thành tốt nhiệm vụ"}, ""},
		{"O for 0", []string{"Năm 2O17: Hoàn thành tốt nhiệm vụ"}, "2017:HTTNV"},
		{"stray marks in a table line", []string{"2019 _ Hoàn thành xuất sắc nhiệm vụ\tg", "2018 ~ Hoàn thành tốt nhiệm vụ"}, "2018:HTTNV 2019:HTXSNV"},
		{"first word garbled", []string{"2 2022 im thành tốt nhiệm vụ", "3 2023 Hoà thành xuất sắc nhiệm vụ"}, "2022:HTTNV 2023:HTXSNV"},
		{"garbled before plain stays unread", []string{"2022 im thành nhiệm vụ"}, ""},
		{"không before a garble stays không", []string{"2022 Khòng hoàn thành nhiệm vụ"}, "2022:KHTNV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, _ := Read(ocr(blocks(tt.text...), 0.81))
			if got := ratings(rec); got != tt.want {
				t.Fatalf("ratings = %q, want %q", got, tt.want)
			}
			for _, a := range rec.Appraisals {
				if a.Evidence.Confidence != 0.81 || a.Evidence.Page != 1 {
					t.Errorf("evidence %+v lacks the OCR confidence", a.Evidence)
				}
			}
		})
	}
	t.Run("year after review", func(t *testing.T) {
		rec, _ := Read(ocr(blocks("ĐẢNG CỘNG SẢN VIỆT NAM", "Thái Bình, ngày 15 tháng 9 năm 2019", "Năm 2017: HTTNV", "Năm 2091: HTTNV"), 0.9))
		if got := ratings(rec); got != "2017:HTTNV" {
			t.Fatalf("ratings = %q", got)
		}
	})
}

func TestFold(t *testing.T) {
	same := [][2]string{
		{"Đảng uỷ", "ĐẢNG ỦY"}, {"hoà", "hòa"}, {"Thuỷ", "thủy"}, {"khoẻ", "khỏe"}, {"Hoá", "hóa"},
		{"chiến sỹ", "chiến sĩ"}, {"Ðảng", "Đảng"}, {"ðảng", "đảng"}, {norm.NFD.String("Người"), "người"},
		{"lý  lịch", "lí lịch"}, {"a\tb", "a b"},
	}
	for _, p := range same {
		if vntext.Fold(p[0]) != vntext.Fold(p[1]) {
			t.Errorf("vntext.Fold(%q) = %q, vntext.Fold(%q) = %q", p[0], vntext.Fold(p[0]), p[1], vntext.Fold(p[1]))
		}
	}
	differ := [][2]string{{"hoàn thành tốt", "hoàn thành"}, {"quý", "quỳ"}, {"tốt", "tót"}, {"y tế", "i tế"}}
	for _, p := range differ {
		if vntext.Fold(p[0]) == vntext.Fold(p[1]) {
			t.Errorf("vntext.Fold(%q) == vntext.Fold(%q)", p[0], p[1])
		}
	}
	if got := vntext.Bare("KHỐI Đảng Uỷ"); got != "khoi dang uy" {
		t.Errorf("Bare = %q", got)
	}
	for _, c := range []struct {
		a, b string
		k    int
		want int
	}{{"khoi", "khoi", 0, 0}, {"hoan thanh tot nhiem vu", "hoan thanh nhiem vu", 3, -1}, {"tot", "tot", 1, 0}, {"abcdef", "abxdef", 1, 1}, {"abc", "abcde", 1, -1}} {
		if got := vntext.EditWithin(c.a, c.b, c.k); got != c.want {
			t.Errorf("vntext.EditWithin(%q, %q, %d) = %d, want %d", c.a, c.b, c.k, got, c.want)
		}
	}
}

func TestNameWithApostrophe(t *testing.T) {
	rec, _ := Read(blocks("Tôi là: H'Linh Niê", "Chủ trì hội nghị: đồng chí Lê Thị Hồng Vân, Bí thư chi bộ."))
	if rec.Candidate.FullName != "H'Linh Niê" {
		t.Fatalf("name %q", rec.Candidate.FullName)
	}
}

// BenchmarkRecord measures Read alone on a whole corpus dossier
// (lý lịch, đơn, certificate, appraisal table, resolution: about three
// pages); the field reader's share of the 2 ms DOCX budget.
func BenchmarkRecord(b *testing.B) {
	for _, name := range []string{"01-bang-htxsnv.docx", "02-van-xuoi-giay-khen.docx", "31-pdf-bang.pdf"} {
		data, err := os.ReadFile(filepath.Join(corpusDir(), name))
		if err != nil {
			b.Skip("no corpus: ", err)
		}
		tx, err := (&extract.Extractor{}).Text(context.Background(), name, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(tx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(tx.Blocks)), "blocks")
		})
	}
}

func TestSelfAssessmentIgnored(t *testing.T) {
	rec, _ := Read(blocks(
		"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC NĂM 2022",
		"Họ và tên: Bùi Quang Huy",
		"I. KẾT QUẢ TỰ ĐÁNH GIÁ",
		"Tự nhận thấy bản thân hoàn thành xuất sắc nhiệm vụ.",
		"II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CỦA CẤP CÓ THẨM QUYỀN",
		"Xếp loại chất lượng: Hoàn thành tốt nhiệm vụ",
		"Tự xếp loại: Hoàn thành xuất sắc nhiệm vụ năm 2021",
	))
	if got := ratings(rec); got != "2022:HTTNV" {
		t.Fatalf("ratings = %q, want the authority's 2022 rating only", got)
	}
}

func TestDecisionIssuer(t *testing.T) {
	rec, _ := Read(blocks(
		"| UBND TỈNH PHÚ YÊN | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
		"| SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG | Phú Yên, ngày 23 tháng 12 năm 2019 |",
		"| Số: 615/QĐ-STNMT | |",
		"QUYẾT ĐỊNH",
		"Về việc tặng Giấy khen năm 2019",
		"GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
		"Căn cứ Luật Thi đua, Khen thưởng;",
		"QUYẾT ĐỊNH:",
		"Điều 1. Tặng Giấy khen cho bà Đào Thị Thanh Xuân, Chuyên viên, Sở Tài nguyên và Môi trường tỉnh Phú Yên, đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2019.",
	))
	if len(rec.Awards) != 1 {
		t.Fatalf("awards %+v", rec.Awards)
	}
	a := rec.Awards[0]
	if a.Year != 2019 || a.Kind != hoso.AwardGiayKhen || a.Issuer != "Giám đốc Sở Tài nguyên và Môi trường" ||
		a.Decision != "Quyết định số 615/QĐ-STNMT ngày 23/12/2019" {
		t.Fatalf("award %+v", a)
	}
	if rec.Candidate.FullName != "Đào Thị Thanh Xuân" {
		t.Fatalf("candidate %q", rec.Candidate.FullName)
	}
}

func TestOCRSnapsVocabulary(t *testing.T) {
	tx := ocr(blocks(
		"ĐẢNG UỶ KHỐI CÁC CƠ QUAN",
		"CHỈ BỘ SỞ Y TẾ",
		"ĐẢNG CỘNG SẢN VIỆT NAM",
		"Cà Mau, ngày 24 tháng 8 năm 2021",
		"NGHỊ QUYẾT",
		"Chỉ bộ đề nghị kết nạp quần chúng Trần Quốc Bảo vào Đảng.",
		"Năm 2019: Hoàn thành xuát sắc nhiệm vụ",
	), 0.9)
	rec, _ := Read(tx)
	if rec.ReviewDate.String() != "2021-08-24" || rec.ReviewDateBasis != hoso.ReviewFromResolution {
		t.Errorf("review %s %s", rec.ReviewDate, rec.ReviewDateBasis)
	}
	if got := ratings(rec); got != "2019:HTXSNV" {
		t.Errorf("ratings %q", got)
	}
}

// TestDispatchAlone reads the text of Công văn 52-CV/BTCĐU itself: its
// requirements quote ratings and titles but state no one's appraisal.
func TestDispatchAlone(t *testing.T) {
	rec, err := Read(blocks(strings.Split(dispatch52, "\n")...))
	if !errors.Is(err, hoso.ErrNotDossier) {
		t.Errorf("err = %v, want not_dossier", err)
	}
	if len(rec.Appraisals) != 0 || len(rec.Awards) != 0 || rec.Candidate.FullName != "" {
		t.Errorf("read from a dispatch: %q, appraisals %v, awards %v", rec.Candidate.FullName, rec.Appraisals, rec.Awards)
	}
}

// dispatch52 is the text of Công văn 52-CV/BTCĐU (2019).
const dispatch52 = `Số 52 - CV/BTCĐU
Về công tác kết nạp
quần chúng ưu tú vào Đảng

Kính gửi: Các chi bộ, đảng bộ cơ sở.

Thực hiện sự chỉ đạo của Thường trực Đảng uỷ Các cơ quan tỉnh tại phiên họp Ban Thường vụ Đảng uỷ ngày 23/9/2019, sau khi nghe Ban Tổ chức Đảng uỷ báo cáo về việc đề nghị xem xét kết nạp quần chúng vào Đảng của các tổ chức cơ sở đảng, Ban Thường vụ Đảng uỷ đã có ý kiến chỉ đạo một số vấn đề, nội dung về công tác kết nạp đảng viên từ nay đến hết năm 2019 và những năm tiếp theo trong Đảng bộ Các cơ quan tỉnh.

Trong thời gian qua, các chi bộ, đảng bộ trong Đảng bộ Các cơ quan tỉnh đã thực hiện tương đối tốt công tác kết nạp quần chúng ưu tú vào Đảng; tuy nhiên, trong quá trình tổng hợp, thẩm định còn có một số hồ sơ của quần chúng đề nghị kết nạp vào Đảng của một số tổ chức cơ sở đảng còn thiếu chặt chẽ, chưa đảm bảo đầy đủ tiêu chuẩn, điều kiện theo quy định; nhiều trường hợp mới chỉ quan tâm đến điều kiện thời gian phấn đấu, mà chưa chú ý xem xét thẩm định, đánh giá kỹ việc tu dưỡng, rèn luyện, ý thức tổ chức kỷ luật, thành tích đạt được trong lao động, công tác, học tập... Để kịp thời khắc phục tình trạng trên, Ban Thường vụ Đảng uỷ yêu cầu các chi bộ, đảng bộ cơ sở nghiêm túc thực hiện một số nội dung:

(1) Thực hiện tốt việc quán triệt các văn bản của Ban Thường vụ Đảng uỷ về công tác kết nạp đảng viên, như: Công văn số 43 - CV/BTCĐU ngày 03/4/2019 của Ban Tổ chức Đảng uỷ về nâng cao chất lượng quần chúng kết nạp vào Đảng năm 2019 và những năm tiếp theo; Công văn số 457 - CV/ĐU ngày 03/4/2019 của Ban Thường vụ Đảng uỷ về thực hiện công tác bảo vệ chính trị nội bộ (trong đó có nội dung về kết nạp đảng viên) và nhất là Kế hoạch số 71-KH/ĐU ngày 29/5/2019 của Ban Thường vụ Đảng uỷ về thực hiện Chỉ thị số 28-CT/TW ngày 21/01/2019 của Ban Bí thư Trung ương Đảng về nâng cao chất lượng kết nạp đảng viên; rà soát, sàng lọc, đưa những đảng viên không còn đủ tư cách ra khỏi Đảng.

(2) Chỉ xem xét đề nghị kết nạp vào Đảng những quần chúng thực sự ưu tú, có đủ tiêu chuẩn, điều kiện; thật sự tiêu biểu về phẩm chất đạo đức, năng lực công tác, ý thức trách nhiệm; có thành tích, uy tín trong cơ quan, đơn vị, cộng đồng dân cư, được cấp uỷ nơi công tác và nơi cư trú, các tổ chức đoàn thể mà mình là thành viên đánh giá cao về kết quả thực hiện chức trách, nhiệm vụ được giao, về ý thức trách nhiệm đối với nhân dân...

Đồng thời, phải đáp ứng yêu cầu: Quân chúng là cán bộ, công chức, viên chức, người lao động trong các cơ quan, đơn vị trong 3 năm liên tiếp tính đến thời điểm cấp ủy, tổ chức cơ sở đảng xem xét, đề nghị kết nạp vào Đảng phải được cơ quan, đơn vị, các tổ chức đoàn thể chính trị - xã hội đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên (trong đó ít nhất có 01 năm hoàn thành xuất sắc nhiệm vụ, được cấp có thẩm quyền khen thưởng hoặc đạt danh hiệu chiến sỹ thi đua cấp cơ sở trở lên).

Ban Tổ chức Đảng ủy Các cơ quan tỉnh thông tin để các đồng chí biết và triển khai thực hiện đảm bảo đúng nguyên tắc, chất lượng, hiệu quả, đúng quy định./.

Nơi nhận:

- Như Kinh gửi,
- Thường trực Đảng ủy (báo cáo),
- Lưu.

K/T TRƯỞNG BAN

PHÓ TRƯỞNG BAN



Nguyễn Quang Hùng`

// FuzzRecord feeds arbitrary lines (table rows when they start with "|"),
// as typed text and as OCR text, to the field reader: it must not panic,
// and every year it reports must be a plausible year.
func FuzzRecord(f *testing.F) {
	f.Add("Năm 2016, 2017: Hoàn thành tốt nhiệm vụ\nHọ và tên: NGUYỄN THỊ HƯƠNG\nSinh ngày 12/5/1990", false)
	f.Add("| Năm | Xếp loại | Khen thưởng |\n| 2017 | Xuất sắc | Giấy khen (QĐ số 12/QĐ-UBND ngày 15/12/2017) |", false)
	f.Add("ĐẢNG CỘNG SẢN VIỆT NAM\nNGHỊ QUYẾT\nChỉ bộ đề nghị kết nạp quần chúng H'Linh Niê\nNăm 2O17: HOAN THANH TÔT NHIÊM VU", true)
	f.Add("Quyết định số\nngày 31 tháng\n2016 - 2018 đến năm\nSố: -/\nMẫu 6-KNĐ", true)
	f.Fuzz(func(t *testing.T, s string, ocrText bool) {
		tx := blocks(strings.Split(s, "\n")...)
		if ocrText {
			ocr(tx, 0.5)
		}
		rec, _ := Read(tx)
		if rec == nil {
			t.Fatal("nil record")
		}
		for _, a := range rec.Appraisals {
			if a.Year < minYear || a.Year > maxYear || a.Rating == hoso.RatingUnknown {
				t.Fatalf("appraisal %+v", a)
			}
		}
		for _, a := range rec.Awards {
			if a.Year < minYear || a.Year > maxYear || !a.Kind.Valid() {
				t.Fatalf("award %+v", a)
			}
		}
	})
}

// pdfLines builds the text layer of a one-page PDF: one block per line.
func pdfLines(lines ...string) *extract.Text {
	t := &extract.Text{Format: hoso.FormatPDFText, Pages: 1}
	for i, s := range lines {
		t.Blocks = append(t.Blocks, extract.Block{File: "hs.pdf", Page: 1, ID: fmt.Sprintf("l%d", i+1), Text: s})
	}
	return t
}

func TestWrappedPDFTable(t *testing.T) {
	tests := []struct {
		name            string
		lines           []string
		ratings, awards string
	}{
		{"year alone on its line", []string{"Năm Xếp loại chất lượng Khen thưởng", "2016 Hoàn thành tốt nhiệm vụ", "2017",
			"Hoàn thành nhiệm vụ nhưng còn", "hạn chế về năng lực", "2018 Hoàn thành xuất sắc nhiệm vụ"},
			"2016:HTTNV 2017:HTNV 2018:HTXSNV", ""},
		{"rating wraps", []string{"2016 HOÀN THÀNH TỐT NHIỆM VỤ", "2017", "HOÀN THÀNH XUẤT SẮC", "NHIỆM VỤ", "2018 HOÀN THÀNH TỐT NHIỆM VỤ"},
			"2016:HTTNV 2017:HTXSNV 2018:HTTNV", ""},
		{"award cell wraps", []string{"2020 Hoàn thành tốt nhiệm vụ", "2021 Hoàn thành tốt nhiệm vụ", "Giấy khen của Giám đốc Sở Nông",
			"nghiệp và Phát triển nông thôn", "(Quyết định số 2210/QĐ-SNN", "ngày 24/12/2021)", "2022 Hoàn thành tốt nhiệm vụ"},
			"2020:HTTNV 2021:HTTNV 2022:HTTNV", "2021:giay_khen"},
		{"decision wraps", []string{"Năm 2022: hoàn thành xuất sắc nhiệm vụ.", "Khen thưởng: được Giám đốc Sở Nông nghiệp tặng",
			"Giấy khen theo Quyết định số", "1330/QĐ-SNN ngày 30/12/2022."},
			"2022:HTXSNV", "2022:giay_khen"},
		{"bare ratings in a numbered table", []string{"ST", "T", "Năm Xếp loại chất lượng Khen thưởng", "1 Năm 2017 Tốt", "2 Năm 2018 Tốt LĐTT",
			"3 Năm 2019 Xuất sắc", "Năm 2020 chưa tốt lắm"}, "2017:HTTNV 2018:HTTNV 2019:HTXSNV", "2018:lao_dong_tien_tien"},
		{"award phrase wraps", []string{"Năm 2020: hoàn thành tốt nhiệm vụ, được Giám đốc Sở Tư pháp tặng Giấy",
			"khen theo Quyết định số 97/QĐ-STP ngày 25/12/2020."}, "2020:HTTNV", "2020:giay_khen"},
		{"award cell's first line above its row", []string{"Năm\tXếp loại chất lượng\tKhen thưởng", "Giấy khen của Giám đốc Sở Nội",
			"2016 Hoàn thành tốt nhiệm vụ\tvụ (Quyết định số 88/QĐ-SNV", "ngày 26/12/2016)", "2017 Hoàn thành tốt nhiệm vụ"},
			"2016:HTTNV 2017:HTTNV", "2016:giay_khen"},
		{"illegible year between its neighbours", []string{"Năm\tXếp loại chất lượng\tKhen thưởng", "2019 Hoàn thành tốt nhiệm vụ",
			"Chiến sỹ thi đua cơ sở (Quyết định", "\"020 Hoàn thành tốt nhiệm vụ\tsố 845/QĐ-SYT ngày 30/12/2020)", "2021 Hoàn thành tốt nhiệm vụ"},
			"2019:HTTNV 2020:HTTNV 2021:HTTNV", "2020:cstd_co_so"},
		{"lost year is not the row above", []string{"2016 Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ nhưng còn", "nhà hạn chế về năng lực",
			"2018 Hoàn thành xuất sắc nhiệm vụ"}, "2016:HTTNV 2017:HTNV 2018:HTXSNV", ""},
		{"lost year at the end stays lost", []string{"2016 Hoàn thành tốt nhiệm vụ", "2017 Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"},
			"2016:HTTNV 2017:HTTNV", ""},
		{"a sentence ends the table", []string{"2021 Hoàn thành tốt nhiệm vụ", "Bản tổng hợp này được lập để bổ sung hồ sơ.",
			"Chiến sĩ thi đua cơ sở"}, "2021:HTTNV", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, _ := Read(pdfLines(tt.lines...))
			if got := ratings(rec); got != tt.ratings {
				t.Errorf("ratings = %q, want %q", got, tt.ratings)
			}
			if got := awards(rec); got != tt.awards {
				t.Errorf("awards = %q, want %q", got, tt.awards)
			}
		})
	}
	rec, _ := Read(pdfLines("Đơn vị công tác: Trung tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh Ninh", "Bình", "Chức vụ: Huấn luyện viên"))
	if rec.Candidate.Unit != "Trung tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh Ninh Bình" || rec.Candidate.Position != "Huấn luyện viên" {
		t.Errorf("wrapped unit %q, position %q", rec.Candidate.Unit, rec.Candidate.Position)
	}
	rec, _ = Read(pdfLines("Năm 2022: hoàn thành xuất sắc nhiệm vụ.", "Giấy khen theo Quyết định số", "1330/QĐ-SNN ngày 30/12/2022."))
	if len(rec.Awards) != 1 || rec.Awards[0].Decision != "Quyết định số 1330/QĐ-SNN ngày 30/12/2022" {
		t.Errorf("decision across lines: %+v", rec.Awards)
	}
}

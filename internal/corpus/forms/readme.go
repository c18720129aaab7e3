package forms

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hoso-vn/hoso/internal/corpus"
)

// Readme lists the generated cases with their producer, format and
// verdict, and the counts a reviewer checks first.
func Readme(ts []corpus.Truth) string {
	var b strings.Builder
	b.WriteString("# Official-forms corpus\n\n")
	b.WriteString("Admission dossiers written as bundles of the official papers (Mẫu 1–6-KNĐ, phiếu đánh giá of NĐ 90/2020 and\n" +
		"NĐ 56/2015, the unit's nhận xét, quyết định khen thưởng, giấy chứng nhận, cover letters), by three producers.\n" +
		"The forms are described in docs/forms.md. Generated — do not edit; regenerate with\n\n" +
		"    go run ./internal/corpus/forms/gen -out testdata/forms\n\n" +
		"The truth (truth.json) is computed from each case's specification by forms.Judge, which follows the corpus\n" +
		"truth rules: review date from the 6-KNĐ meeting sentence (never a Căn cứ line or another paper's date line),\n" +
		"window = the three years before it, the authority's ratings only, awards by achievement year.\n\n")
	count := func(pred func(corpus.Truth) bool) int {
		n := 0
		for _, t := range ts {
			if pred(t) {
				n++
			}
		}
		return n
	}
	fmt.Fprintf(&b, "%d dossiers: %d eligible, %d ineligible, %d incomplete; %d near misses.\n\n", len(ts),
		count(func(t corpus.Truth) bool { return t.Verdict == "eligible" }),
		count(func(t corpus.Truth) bool { return t.Verdict == "ineligible" }),
		count(func(t corpus.Truth) bool { return t.Verdict == "incomplete" }),
		count(func(t corpus.Truth) bool { return t.HasTag("near-miss") }))
	for _, p := range []string{"own", "python-docx", "libreoffice"} {
		fmt.Fprintf(&b, "- producer %s: %d\n", p, count(func(t corpus.Truth) bool { return t.HasTag("producer:" + p) }))
	}
	for _, f := range []string{"docx", "pdf-text", "pdf-scan", "zip"} {
		fmt.Fprintf(&b, "- format %s: %d\n", f, count(func(t corpus.Truth) bool { return string(t.Format) == f }))
	}
	fmt.Fprintf(&b, "- two-column: %d; scans and photos: %d\n\n", count(func(t corpus.Truth) bool { return t.HasTag("two-column") }),
		count(func(t corpus.Truth) bool {
			return slices.ContainsFunc(t.Tags, func(s string) bool { return strings.HasPrefix(s, "scan:") })
		}))
	b.WriteString("| file | producer | verdict | review date | papers | what it tests |\n|---|---|---|---|---|---|\n")
	for _, t := range ts {
		prod := ""
		for _, tag := range t.Tags {
			if strings.HasPrefix(tag, "producer:") {
				prod = strings.TrimPrefix(tag, "producer:")
			}
		}
		var kinds []string
		for _, k := range t.Documents {
			kinds = append(kinds, paperCode(string(k)))
		}
		verdict := string(t.Verdict)
		if string(t.Letter) != verdict {
			verdict += " (" + string(t.Letter) + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s (%s) | %s | %s |\n", t.File, prod, verdict, t.ReviewDate, t.ReviewDateBasis,
			strings.Join(kinds, ", "), strings.ReplaceAll(t.Note, "|", "/"))
	}
	b.WriteString("\nPaper codes: 1 đơn (1-KNĐ), 2 lý lịch (2-KNĐ), 3 giấy giới thiệu (3-KNĐ), 4 Đoàn/Công đoàn (4-KNĐ/4A-KNĐ),\n" +
		"5 tổng hợp (5-KNĐ), 6 nghị quyết chi bộ (6-KNĐ), P phiếu, NX nhận xét đơn vị, QĐ quyết định khen thưởng,\n" +
		"CN giấy chứng nhận, O other (cover letter).\n")
	return b.String()
}

func paperCode(k string) string {
	switch k {
	case "don_xin_vao_dang":
		return "1"
	case "ly_lich":
		return "2"
	case "giay_gioi_thieu":
		return "3"
	case "nghi_quyet_doan_the":
		return "4"
	case "tong_hop_nhan_xet":
		return "5"
	case "nghi_quyet_chi_bo":
		return "6"
	case "phieu_danh_gia":
		return "P"
	case "nhan_xet_don_vi":
		return "NX"
	case "quyet_dinh_khen_thuong":
		return "QĐ"
	case "chung_nhan_boi_duong":
		return "CN"
	}
	return "O"
}

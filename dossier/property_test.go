package dossier_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/validate"
)

// unrelated are papers that reach a dossier by mistake or by habit and say
// nothing about the candidate: a meeting invitation, a colleague's phiếu,
// a decision rewarding someone else and a collective, a guide with a
// legend of ratings. Each carries dates, names and ratings that must not
// become the candidate's.
var unrelated = map[string][]string{
	"invitation": {
		"ĐẢNG CỘNG SẢN VIỆT NAM",
		"GIẤY MỜI",
		"Chi bộ trân trọng kính mời đồng chí Lê Văn Khách dự họp vào lúc 8 giờ 00 ngày 20 tháng 12 năm 2031 tại hội trường.",
		"Nội dung: đánh giá, xếp loại chất lượng đảng viên năm 2031.",
	},
	"colleague's phiếu": {
		"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC",
		"Năm 2019",
		"Họ và tên: Trần Văn Khác",
		"Ngày, tháng, năm sinh: 01/01/1950",
		"Kết quả đánh giá, xếp loại chất lượng: Không hoàn thành nhiệm vụ",
	},
	"someone else's award": {
		"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"QUYẾT ĐỊNH",
		"Về việc tặng Giấy khen",
		"Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022;",
		"Điều 1. Tặng Giấy khen cho ông Phạm Văn Khác và tập thể Phòng Tổng hợp đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2019.",
	},
	"legend": {
		"HƯỚNG DẪN GHI PHIẾU",
		"Ghi chú: HTXSNV – Hoàn thành xuất sắc nhiệm vụ; HTTNV – Hoàn thành tốt nhiệm vụ; HTNV – Hoàn thành nhiệm vụ; KHTNV – Không hoàn thành nhiệm vụ.",
	},
}

// TestUnrelatedPaperKeepsVerdict is a property test over the DOCX corpus:
// adding an unrelated paper, before or after the dossier, never changes
// the verdict.
func TestUnrelatedPaperKeepsVerdict(t *testing.T) {
	dir := "../testdata/corpus"
	truths, err := corpus.Load(dir)
	if err != nil {
		t.Skip("no corpus: ", err)
	}
	x := &extract.Extractor{}
	rules := validate.Default()
	n := 0
	for _, tr := range truths {
		if tr.Error != "" || tr.Format != hoso.FormatDOCX {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tr.File)))
		if err != nil {
			t.Fatal(err)
		}
		text, err := x.Text(t.Context(), tr.File, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		base := verdictOf(rules, text)
		for name, paper := range unrelated {
			for _, before := range []bool{false, true} {
				n++
				if got := verdictOf(rules, withPaper(text, paper, before)); got != base {
					t.Errorf("%s with %s (before: %v): verdict %s, alone %s", tr.File, name, before, got, base)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no dossier tried")
	}
	t.Logf("%d combinations", n)
}

func verdictOf(rules *validate.RuleSet, t *extract.Text) hoso.Verdict {
	rec, _ := dossier.Read(t)
	rules.Apply(rec)
	return rec.Verdict
}

// withPaper returns a copy of t with paper's lines added as a separate
// file of a bundle, before or after the dossier's own text.
func withPaper(t *extract.Text, paper []string, before bool) *extract.Text {
	out := *t
	var extra []extract.Block
	for i, s := range paper {
		extra = append(extra, extract.Block{File: "khac.docx", ID: fmt.Sprintf("p%d", i+1), Text: s})
	}
	if before {
		out.Blocks = append(extra, t.Blocks...)
	} else {
		out.Blocks = append(append([]extract.Block{}, t.Blocks...), extra...)
	}
	return &out
}

package extract

import "testing"

func TestCleanLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Năm 2018: Hoàn thành tốt nhiệm vụ", "Năm 2018: Hoàn thành tốt nhiệm vụ"},
		{"ÐẢNG BỘ", "ĐẢNG BỘ"},
		{"V⁄v đề nghị kết nạp", "V/v đề nghị kết nạp"},
		{"Họ và tên:..........Nguyễn Văn An", "Họ và tên: Nguyễn Văn An"},
		{"đúng quy định./.", "đúng quy định./."},
		{"Năm 2O18", "Năm 2018"},
		{"ngày l5/12/2O17,", "ngày 15/12/2017,"},
		{"(2Ol9)", "(2019)"},
		{"năm 20188", "năm 2018"},  // only 2018 is a plausible year after one deletion
		{"năm 20198", "năm 20198"}, // 2018 or 2019: ambiguous
		{"năm 20168", "năm 20168"}, // 2016, 2018 and 2068: ambiguous, left for the reader
		{"số 12345", "số 12345"},   // not a year at all
		{"Lớp 12/12", "Lớp 12/12"}, // not a year
		{"Hoa\u0300", "Hoà"},       // NFC
		{"  |  2018 | HTTNV |", "2018 HTTNV"},
		{"Old oil IO", "Old oil IO"}, // words with look-alike letters stay words
		{"......", ""},
	}
	for _, tt := range tests {
		if got := cleanLine(tt.in); got != tt.want {
			t.Errorf("cleanLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanOCRDropsEmpty(t *testing.T) {
	in := []Block{{ID: "l1", Text: "....."}, {ID: "l2", Text: "Năm 2019", Confidence: 0.9}}
	out := cleanOCR(in)
	if len(out) != 1 || out[0].ID != "l2" || out[0].Confidence != 0.9 {
		t.Fatalf("got %+v", out)
	}
}

func TestRepairYear(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"20188", "2018", true},
		{"20198", "", false},
		{"20168", "20168", false},
		{"19900", "1990", true},
		{"2018", "2018", false}, // not five digits: nothing to repair
		{"99999", "", false},
	} {
		got, ok := repairYear(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("repairYear(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

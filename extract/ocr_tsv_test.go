package extract

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestParseTSVFixture(t *testing.T) {
	// lines.tsv is Tesseract 5.3.0's output (-l vie --psm 3 --dpi 200) for
	// testdata/ocr/lines.png: two header columns on one baseline, a name
	// and date, two appraisal lines and an award.
	f, err := os.Open("testdata/ocr/lines.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	blocks, err := parseTSV(f, "x.png", 3)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"ĐẢNG BỘ KHỐI CƠ QUAN\tĐẢNG CỘNG SẢN VIỆT NAM",
		"Họ và tên: Nguyễn Thị Hoà\tSinh ngày 12/05/1990",
		"Năm 2018: Hoàn thành tốt nhiệm vụ",
		"Năm 2019: Hoàn thành xuất sắc nhiệm vụ",
		"Chiến sĩ thi đua cơ sở năm 2019",
	}
	if len(blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d: %q", len(blocks), len(want), texts(blocks))
	}
	for i, b := range blocks {
		if b.Text != want[i] {
			t.Errorf("block %d = %q, want %q", i, b.Text, want[i])
		}
		if wantID := "l" + string(rune('1'+i)); b.ID != wantID {
			t.Errorf("block %d ID = %q, want %q", i, b.ID, wantID)
		}
		if b.Page != 3 || b.File != "x.png" {
			t.Errorf("block %d at %s page %d, want x.png page 3", i, b.File, b.Page)
		}
		if b.Confidence <= 0.5 || b.Confidence > 1 {
			t.Errorf("block %d confidence %v, want (0.5, 1]", i, b.Confidence)
		}
	}
}

func texts(bs []Block) []string {
	var s []string
	for _, b := range bs {
		s = append(s, b.Text)
	}
	return s
}

func TestParseTSV(t *testing.T) {
	const head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
	row := func(s string) string { return strings.ReplaceAll(s, " ", "\t") + "\n" }
	tests := []struct {
		name     string
		tsv      string
		want     []string // "page/id/text"
		wantConf []float64
		wantErr  bool
	}{
		{
			name: "lines in order, pages numbered on, ids restart per page",
			tsv: head +
				row("1 1 0 0 0 0 0 0 100 100 -1 ") +
				row("5 1 1 1 1 1 10 10 20 10 90 Năm") +
				row("5 1 1 1 1 2 35 10 20 10 70 2018") +
				row("5 1 1 1 2 1 10 30 20 10 80 Hoàn") +
				row("5 2 1 1 1 1 10 10 20 10 50 Trang") +
				row("5 2 1 1 1 2 35 10 20 10 -1 hai"),
			want:     []string{"5/l1/Năm 2018", "5/l2/Hoàn", "6/l1/Trang hai"},
			wantConf: []float64{0.8, 0.8, 0.5},
		},
		{
			name: "blank words and empty lines are dropped",
			tsv: head +
				row("5 1 1 1 1 1 10 10 20 10 95 ") +
				row("5 1 1 1 2 1 10 30 20 10 95  ") +
				row("5 1 1 1 3 1 10 50 20 10 60 chữ"),
			want:     []string{"5/l1/chữ"},
			wantConf: []float64{0.6},
		},
		{
			name: "decomposed marks are composed (NFC)",
			tsv:  head + row("5 1 1 1 1 1 10 10 20 10 0 Hoa\u0300"),
			want: []string{"5/l1/Hoà"}, wantConf: []float64{0.01},
		},
		{name: "empty output", tsv: head},
		{name: "short row", tsv: head + "5\t1\t1\n", wantErr: true},
		{name: "bad number", tsv: head + row("5 1 x 1 1 1 10 10 20 10 90 a"), wantErr: true},
		{name: "bad confidence", tsv: head + row("5 1 1 1 1 1 10 10 20 10 nan? a"), wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bs, err := parseTSV(strings.NewReader(tt.tsv), "f", 5)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			var got []string
			for _, b := range bs {
				got = append(got, strings.Join([]string{strconv.Itoa(b.Page), b.ID, b.Text}, "/"))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i, c := range tt.wantConf {
				if d := bs[i].Confidence - c; d > 1e-9 || d < -1e-9 {
					t.Errorf("confidence %d = %v, want %v", i, bs[i].Confidence, c)
				}
			}
		})
	}
}

func TestWordGap(t *testing.T) {
	a := tsvWord{left: 0, width: 50, hgt: 20}
	for _, tt := range []struct {
		left int
		want string
	}{{60, " "}, {110, " "}, {111, "\t"}, {400, "\t"}} {
		b := tsvWord{left: tt.left, width: 10, hgt: 18}
		if got := wordGap(&a, &b); got != tt.want {
			t.Errorf("gap to %d = %q, want %q", tt.left, got, tt.want)
		}
	}
}

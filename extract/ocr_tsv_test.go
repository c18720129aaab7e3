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
			wantConf: []float64{(3*90 + 4*70) / 7.0 / 100, 0.8, 0.5}, // weighted by letters
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
		{
			name: "table columns in separate blocks are one row, a year between two lines joins the upper",
			tsv: head +
				// Tesseract's block 1: the year column; block 2: the rating
				// column, two lines; block 3: the award column.
				row("5 1 1 1 1 1 100 118 60 27 96 2017") +
				row("5 1 1 1 2 1 100 200 60 27 96 2018") +
				row("5 1 2 1 1 1 300 100 80 27 95 Hoàn") +
				row("5 1 2 1 1 2 390 100 80 27 95 thành") +
				row("5 1 2 1 2 1 300 140 80 27 95 hạn") +
				row("5 1 2 1 2 2 390 140 80 27 95 chế") +
				row("5 1 2 1 3 1 300 200 80 27 95 Xuất") +
				row("5 1 3 1 1 1 900 200 80 27 90 LĐTT"),
			want:     []string{"5/l1/2017\tHoàn thành", "5/l2/hạn chế", "5/l3/2018\tXuất\tLĐTT"},
			wantConf: []float64{(4*96 + 9*95) / 13.0 / 100, 0.95, (4*96 + 4*95 + 4*90) / 12.0 / 100},
		},
		{
			name: "a skewed page keeps its rows",
			tsv: head +
				// 4 % slope: the right column sits 36 px lower than the left
				// one, nearer the next row than its own until the skew is
				// taken out.
				row("5 1 1 1 1 1 100 100 80 27 95 một") +
				row("5 1 1 1 1 2 200 104 80 27 95 hai") +
				row("5 1 1 1 1 3 300 108 80 27 95 ba") +
				row("5 1 1 1 2 1 100 140 80 27 95 bốn") +
				row("5 1 1 1 2 2 200 144 80 27 95 năm") +
				row("5 1 1 1 2 3 300 148 80 27 95 sáu") +
				row("5 1 2 1 1 1 1000 136 80 27 95 phải") +
				row("5 1 2 1 2 1 1000 176 80 27 95 dưới"),
			want: []string{"5/l1/một hai ba\tphải", "5/l2/bốn năm sáu\tdưới"},
		},
		{
			name: "table rules and specks are dropped",
			tsv: head +
				row("5 1 1 1 1 1 10 10 40 20 30 Ñ") +
				row("5 1 1 1 1 2 60 10 40 20 91 2021") +
				row("5 1 1 1 1 3 110 10 10 20 86 _") +
				row("5 1 1 1 1 4 130 10 10 20 95 |") +
				row("5 1 1 1 1 5 150 10 60 20 97 Hoàn") +
				row("5 1 1 1 1 6 220 10 20 20 36 ã") +
				row("5 1 1 1 1 7 260 10 20 20 0 ]") +
				row("5 1 1 1 2 1 10 60 20 20 20 ở") +
				row("5 1 1 1 2 2 40 60 20 20 90 đó"),
			want:     []string{"5/l1/2021 Hoàn", "5/l2/đó"},
			wantConf: []float64{(4*91 + 4*97) / 8.0 / 100, 0.9},
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

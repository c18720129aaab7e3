package corpus

import (
	"slices"
	"testing"

	"github.com/hoso-vn/hoso"
)

// base is a dossier that passes every rule: 2016–2018 rated, 2017
// HTXSNV, meeting 15/9/2019, born 12/5/1990.
func base() Dossier {
	return fill(Dossier{ID: "t", Person: person("Nguyễn Thị Hương", false, dt(1990, 5, 12), "x", "y"),
		Meeting: dt(2019, 9, 15), Appraisals: []Rated{r(2016, tot), r(2017, xs), r(2018, tot)}}, org{})
}

func TestJudge(t *testing.T) {
	for _, tc := range []struct {
		name    string
		edit    func(d *Dossier)
		verdict hoso.Verdict
		letter  hoso.LetterKind
		window  []int
	}{
		{"all pass", func(*Dossier) {}, hoso.VerdictEligible, hoso.LetterEligible, []int{2016, 2018}},
		{"HTNV in window", func(d *Dossier) { d.Appraisals[0].Rating = ht }, hoso.VerdictIneligible, hoso.LetterIneligible, []int{2016, 2018}},
		{"KHTNV before window", func(d *Dossier) { d.Appraisals = append(d.Appraisals, r(2015, kht)) }, hoso.VerdictEligible, hoso.LetterEligible, []int{2016, 2018}},
		{"no distinction", func(d *Dossier) { d.Appraisals[1].Rating = tot }, hoso.VerdictIneligible, hoso.LetterIneligible, []int{2016, 2018}},
		{"LĐTT does not count", func(d *Dossier) {
			d.Appraisals[1].Rating = tot
			d.Awards = []Commendation{aw(2017, hoso.AwardLaoDongTienTien, "LĐTT", "", "", hoso.Date{})}
		}, hoso.VerdictIneligible, hoso.LetterIneligible, []int{2016, 2018}},
		{"Giấy khen counts", func(d *Dossier) {
			d.Appraisals[1].Rating = tot
			d.Awards = []Commendation{aw(2018, hoso.AwardGiayKhen, "Giấy khen", "", "", hoso.Date{})}
		}, hoso.VerdictEligible, hoso.LetterEligible, []int{2016, 2018}},
		{"award outside window", func(d *Dossier) {
			d.Appraisals[1].Rating = tot
			d.Awards = []Commendation{aw(2015, hoso.AwardBangKhen, "Bằng khen", "", "", hoso.Date{})}
		}, hoso.VerdictIneligible, hoso.LetterIneligible, []int{2016, 2018}},
		{"award only in a decision not in the dossier", func(d *Dossier) {
			d.Appraisals[1].Rating = tot
			a := aw(2017, hoso.AwardBangKhen, "Bằng khen", "", "1/QĐ", dt(2017, 12, 1))
			a.DecisionOnly = true
			d.Awards = []Commendation{a}
		}, hoso.VerdictIneligible, hoso.LetterIneligible, []int{2016, 2018}},
		{"missing year", func(d *Dossier) { d.Appraisals = d.Appraisals[1:] }, hoso.VerdictIncomplete, hoso.LetterIncomplete, []int{2016, 2018}},
		{"missing year and a fail", func(d *Dossier) { d.Appraisals = []Rated{r(2017, kht), r(2018, xs)} }, hoso.VerdictIneligible, hoso.LetterIneligible, []int{2016, 2018}},
		{"conflict", func(d *Dossier) {
			d.Reviews = []Review{{Rated: r(2016, ht), Date: dt(2016, 12, 20)}}
			d.Docs = append(d.Docs, DocReviews)
		}, hoso.VerdictIncomplete, hoso.LetterIncomplete, []int{2016, 2018}},
		{"same rating twice is no conflict", func(d *Dossier) {
			d.Reviews = []Review{{Rated: r(2016, tot), Date: dt(2016, 12, 20)}}
			d.Docs = append(d.Docs, DocReviews)
		}, hoso.VerdictEligible, hoso.LetterEligible, []int{2016, 2018}},
		{"no date of birth", func(d *Dossier) { d.Style.NoDOB = true }, hoso.VerdictIncomplete, hoso.LetterIncomplete, []int{2016, 2018}},
		{"18 years 0 months", func(d *Dossier) { d.Person.Born = dt(2001, 9, 15) }, hoso.VerdictEligible, hoso.LetterEligible, []int{2016, 2018}},
		{"one day short of 18", func(d *Dossier) { d.Person.Born = dt(2001, 9, 16) }, hoso.VerdictIneligible, hoso.LetterIneligible, []int{2016, 2018}},
		{"60 years 0 months", func(d *Dossier) { d.Person.Born = dt(1959, 9, 15) }, hoso.VerdictEligible, hoso.LetterEligible, []int{2016, 2018}},
		{"60 years 1 month", func(d *Dossier) { d.Person.Born = dt(1959, 8, 15) }, hoso.VerdictIneligible, hoso.LetterEscalate, []int{2016, 2018}},
		{"over 60 with a missing year", func(d *Dossier) { d.Person.Born = dt(1950, 1, 1); d.Appraisals = d.Appraisals[1:] },
			hoso.VerdictIneligible, hoso.LetterEscalate, []int{2016, 2018}},
		{"rating of the review year dated before the meeting", func(d *Dossier) {
			d.Appraisals = append(d.Appraisals, r(2019, tot))
			d.Appraisals[0].Rating = kht // 2016 leaves the window
			d.AppraisalDate = dt(2019, 9, 1)
		}, hoso.VerdictEligible, hoso.LetterEligible, []int{2017, 2019}},
		{"rating of the review year dated after the meeting", func(d *Dossier) {
			d.Appraisals = append(d.Appraisals, r(2019, tot))
			d.AppraisalDate = dt(2019, 12, 1)
			d.Docs = []DocKind{DocAppraisal, DocResolution}
		}, hoso.VerdictEligible, hoso.LetterEligible, []int{2016, 2018}},
		{"no resolution: latest paper", func(d *Dossier) {
			d.Docs = []DocKind{DocLyLich, DocDon, DocAppraisal}
			d.AppraisalDate = dt(2020, 2, 3) // review in 2020: 2017–2019, 2019 missing
		}, hoso.VerdictIncomplete, hoso.LetterIncomplete, []int{2017, 2019}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := base()
			tc.edit(&d)
			j := d.Judge()
			if j.Verdict != tc.verdict || j.Letter != tc.letter {
				t.Errorf("verdict %s letter %s, want %s %s (rules: ratings %s, distinction %s, age %s)",
					j.Verdict, j.Letter, tc.verdict, tc.letter, j.Ratings, j.Distinction, j.Age)
			}
			if j.Window[0] != tc.window[0] || j.Window[2] != tc.window[1] {
				t.Errorf("window %v, want %d–%d", j.Window, tc.window[0], tc.window[1])
			}
		})
	}
}

func TestReviewDateBasis(t *testing.T) {
	d := base()
	if got, basis := d.ReviewDate(); got != dt(2019, 9, 15) || basis != hoso.ReviewFromResolution {
		t.Errorf("with resolution: %v %s", got, basis)
	}
	d.Docs = slices.DeleteFunc(d.Docs, func(k DocKind) bool { return k == DocResolution })
	got, basis := d.ReviewDate()
	if basis != hoso.ReviewFromLatestDoc || got != d.AppraisalDate {
		t.Errorf("without resolution: %v %s, want %v latest_document", got, basis, d.AppraisalDate)
	}
}

// The case table must hold what the brief asks for: every variant and
// every verdict path, with every case different.
func TestDossiersCoverage(t *testing.T) {
	ds := Dossiers()
	if len(ds) < 40 {
		t.Errorf("%d dossiers, want at least 40", len(ds))
	}
	tags := map[string]int{}
	verdicts := map[hoso.Verdict]int{}
	letters := map[hoso.LetterKind]int{}
	ids, names := map[string]bool{}, map[string]bool{}
	for i := range ds {
		d := &ds[i]
		if err := d.Check(); err != nil {
			t.Error(err)
		}
		if ids[d.ID] || names[d.Person.Name] {
			t.Errorf("%s: id or candidate used twice", d.ID)
		}
		ids[d.ID], names[d.Person.Name] = true, true
		for _, tg := range d.Tags {
			tags[tg]++
		}
		j := d.Judge()
		verdicts[j.Verdict]++
		letters[j.Letter]++
		if d.Note == "" {
			t.Errorf("%s: no note", d.ID)
		}
	}
	for _, tg := range []string{"docx", "pdf", "zip", "table", "prose", "allcaps", "abbrev", "tcvn3", "vni", "nofont", "nfd",
		"split_runs", "header_footer", "textbox", "sdt", "tracked", "numbered", "tabs", "distractor", "unordered",
		"conflict", "no_dob", "over60", "under18", "exact18", "window_review_year", "no_resolution", "photo", "mislabelled",
		"alt_textbox", "merged", "tracked_row", "numeric_dates", "nbsp", "wrappers", "macos"} {
		if tags[tg] == 0 {
			t.Errorf("no dossier tagged %q", tg)
		}
	}
	for _, v := range []hoso.Verdict{hoso.VerdictEligible, hoso.VerdictIneligible, hoso.VerdictIncomplete} {
		if verdicts[v] < 3 {
			t.Errorf("only %d %s dossiers", verdicts[v], v)
		}
	}
	if letters[hoso.LetterEscalate] == 0 {
		t.Error("no escalate letter")
	}
}

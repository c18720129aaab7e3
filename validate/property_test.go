package validate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/hoso-vn/hoso"
)

// randomRecord draws a record around the window: ratings for some of the
// years review-5 … review (some missing, some twice, some from OCR with
// low or high confidence), awards of every kind, and a birth date near the
// age bounds often enough to matter.
func randomRecord(r *rand.Rand) *hoso.Record {
	rec := hoso.NewRecord()
	review := hoso.Date{Year: 2016 + r.IntN(10), Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
	if r.IntN(20) > 0 {
		rec.ReviewDate = review
		rec.ReviewDateBasis = hoso.ReviewFromResolution
		rec.ReviewDateEvidence = &hoso.Evidence{File: "f", Text: "Hôm nay", Confidence: conf(r)}
	}
	if r.IntN(20) > 0 {
		var months int
		switch r.IntN(4) {
		case 0:
			months = 214 + r.IntN(5) // around 18
		case 1:
			months = 718 + r.IntN(5) // around 60
		default:
			months = 216 + r.IntN(504)
		}
		dob := review.Time().AddDate(0, -months, -r.IntN(3))
		rec.Candidate.DateOfBirth = hoso.DateOf(dob)
		rec.Candidate.Evidence = map[string]hoso.Evidence{"date_of_birth": {File: "f", Text: "Sinh ngày", Confidence: conf(r)}}
	}
	for y := review.Year - 5; y <= review.Year; y++ {
		n := r.IntN(6)
		if n > 2 {
			n = 1 // usually one rating per year
		}
		if y == review.Year && r.IntN(2) == 0 {
			n = 0
		}
		for range n {
			rating := hoso.Rating(1 + r.IntN(4))
			if r.IntN(3) > 0 {
				rating = hoso.Rating(3 + r.IntN(2)) // mostly good, so eligible records are common
			}
			text := ""
			if y == review.Year && r.IntN(3) == 0 {
				text = "ngày " + hoso.DateOf(review.Time().AddDate(0, 0, r.IntN(30)-15)).String()[8:10] +
					fmt.Sprintf("/%02d/%d", review.Month, review.Year)
			}
			rec.Appraisals = append(rec.Appraisals, hoso.Appraisal{Year: y, Rating: rating, Evidence: hoso.Evidence{File: "f", Text: text, Confidence: conf(r)}})
		}
	}
	for range r.IntN(3) {
		rec.Awards = append(rec.Awards, randomAward(r, review.Year))
	}
	r.Shuffle(len(rec.Appraisals), func(i, j int) { rec.Appraisals[i], rec.Appraisals[j] = rec.Appraisals[j], rec.Appraisals[i] })
	return rec
}

func randomAward(r *rand.Rand, reviewYear int) hoso.Award {
	return hoso.Award{Year: reviewYear - 4 + r.IntN(5), Kind: hoso.AwardKinds[r.IntN(len(hoso.AwardKinds))],
		Evidence: hoso.Evidence{File: "f", Text: "khen thưởng", Confidence: conf(r)}}
}

// conf is mostly 0 (not OCR), sometimes a confident or a doubtful reading.
func conf(r *rand.Rand) float64 {
	switch r.IntN(8) {
	case 0:
		return 0.4 + r.Float64()*0.4
	case 1:
		return 0.86 + r.Float64()*0.14
	}
	return 0
}

func clone(rec *hoso.Record) *hoso.Record {
	c := *rec
	c.Appraisals = slices.Clone(rec.Appraisals)
	c.Awards = slices.Clone(rec.Awards)
	return &c
}

func verdict(rs *RuleSet, rec *hoso.Record) (hoso.Verdict, []int) {
	res := rs.Evaluate(rec)
	return res.Verdict, res.Window
}

const propertyRuns = 10000

// Raising any rating or adding an award never turns eligible into
// ineligible.
func TestPropertyMoreMeritNeverHurts(t *testing.T) {
	rs := Default()
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[hoso.Verdict]int{}
	for i := range propertyRuns {
		rec := randomRecord(r)
		before, _ := verdict(rs, rec)
		seen[before]++
		if before != hoso.VerdictEligible {
			continue
		}
		better := clone(rec)
		change := ""
		if len(better.Appraisals) > 0 && r.IntN(2) == 0 {
			j := r.IntN(len(better.Appraisals))
			old := better.Appraisals[j].Rating
			if old < hoso.RatingHTXSNV {
				better.Appraisals[j].Rating = old + 1 + hoso.Rating(r.IntN(int(hoso.RatingHTXSNV-old)))
			}
			change = fmt.Sprintf("raise %d %s→%s", better.Appraisals[j].Year, old, better.Appraisals[j].Rating)
		} else {
			a := randomAward(r, rec.ReviewDate.Year)
			better.Awards = append(better.Awards, a)
			change = fmt.Sprintf("add award %d %s", a.Year, a.Kind)
		}
		if after, _ := verdict(rs, better); after == hoso.VerdictIneligible {
			t.Fatalf("run %d: %s turned eligible into ineligible\n%+v", i, change, better)
		}
	}
	t.Logf("verdicts drawn: %v", seen)
	if seen[hoso.VerdictEligible] < propertyRuns/20 || seen[hoso.VerdictIneligible] < propertyRuns/20 || seen[hoso.VerdictIncomplete] < propertyRuns/20 {
		t.Errorf("generator too narrow: %v", seen)
	}
}

// Removing evidence never turns ineligible into eligible. The one removal
// exempt is the review year's own rating when it moved the window: the
// rule then looks at other years, which is the rule, not a lost fact.
func TestPropertyLessEvidenceNeverHelps(t *testing.T) {
	rs := Default()
	r := rand.New(rand.NewPCG(3, 4))
	checked := 0
	for i := range propertyRuns {
		rec := randomRecord(r)
		before, window := verdict(rs, rec)
		if before != hoso.VerdictIneligible {
			continue
		}
		less := clone(rec)
		var change string
		switch k := r.IntN(5); {
		case k == 0 && len(less.Appraisals) > 0:
			j := r.IntN(len(less.Appraisals))
			change = fmt.Sprintf("drop appraisal %d", less.Appraisals[j].Year)
			less.Appraisals = slices.Delete(less.Appraisals, j, j+1)
		case k == 1 && len(less.Awards) > 0:
			j := r.IntN(len(less.Awards))
			change = "drop award"
			less.Awards = slices.Delete(less.Awards, j, j+1)
		case k == 2:
			change = "drop birth date"
			less.Candidate.DateOfBirth = hoso.Date{}
		case k == 3:
			change = "drop review date"
			less.ReviewDate = hoso.Date{}
		default:
			// Drop every rating of one window year.
			if len(window) == 0 {
				continue
			}
			y := window[r.IntN(len(window))]
			change = fmt.Sprintf("drop year %d", y)
			less.Appraisals = slices.DeleteFunc(less.Appraisals, func(a hoso.Appraisal) bool { return a.Year == y })
		}
		after, w2 := verdict(rs, less)
		if w2 != nil && !slices.Equal(window, w2) {
			continue // the window moved: see the comment above
		}
		checked++
		if after == hoso.VerdictEligible {
			t.Fatalf("run %d: %s turned ineligible into eligible\nbefore %+v\nafter %+v", i, change, rec, less)
		}
	}
	if checked < propertyRuns/20 {
		t.Errorf("only %d removals checked", checked)
	}
}

// Every verdict is explained: each rule has a message and citation, every
// unknown names what would settle it, and the verdict follows the outcomes.
func TestPropertyEveryVerdictExplained(t *testing.T) {
	rs := Default()
	r := rand.New(rand.NewPCG(5, 6))
	for i := range propertyRuns / 4 {
		rec := randomRecord(r)
		res := rs.Evaluate(rec)
		if len(res.Rules) != 3 {
			t.Fatalf("run %d: %d rules", i, len(res.Rules))
		}
		if res.Verdict != verdictOf(res.Rules) {
			t.Fatalf("run %d: verdict %s", i, res.Verdict)
		}
		for _, o := range res.Rules {
			if o.Message == "" || o.Citation == "" || (o.Outcome == hoso.OutcomeUnknown) != (len(o.Missing) > 0) {
				t.Fatalf("run %d: rule %+v", i, o)
			}
			if len(o.Message) > 0 && (o.Message[len(o.Message)-1] != '.' || slices.Contains([]rune(o.Message), '{')) {
				t.Fatalf("run %d: message not a finished sentence: %q", i, o.Message)
			}
		}
	}
}

// One RuleSet serves many workers at once (run with -race).
func TestConcurrentEvaluate(t *testing.T) {
	rs := Default()
	r := rand.New(rand.NewPCG(9, 10))
	recs := make([]*hoso.Record, 64)
	want := make([]hoso.Verdict, len(recs))
	for i := range recs {
		recs[i] = randomRecord(r)
		want[i] = rs.Evaluate(recs[i]).Verdict
	}
	done := make(chan error, 4)
	for range 4 {
		go func() {
			for i, rec := range recs {
				c := clone(rec)
				rs.Apply(c)
				if c.Verdict != want[i] {
					done <- fmt.Errorf("record %d: %s, want %s", i, c.Verdict, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

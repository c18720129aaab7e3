package render

import (
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/validate"
)

// backed lists the values a piece of evidence stands for in rec, written
// the ways a letter writes them.
func backed(rec *hoso.Record, e hoso.Evidence) []string {
	out := []string{e.Text}
	if r := rec.ReviewDateEvidence; r != nil && *r == e {
		out = append(out, rec.ReviewDate.Vietnamese(), strconv.Itoa(rec.ReviewDate.Year))
		for _, y := range rec.Window {
			out = append(out, strconv.Itoa(y))
		}
	}
	c := rec.Candidate
	for key, x := range c.Evidence {
		if x != e {
			continue
		}
		switch key {
		case "full_name":
			out = append(out, c.FullName)
		case "unit":
			out = append(out, c.Unit)
		case "position":
			out = append(out, c.Position)
		case "date_of_birth":
			out = append(out, c.DateOfBirth.Vietnamese(), strconv.Itoa(c.DateOfBirth.Year))
		case "birth_year":
			out = append(out, strconv.Itoa(c.BirthYear))
		}
	}
	for _, a := range rec.Appraisals {
		if a.Evidence == e {
			out = append(out, strconv.Itoa(a.Year), a.Rating.Vietnamese())
		}
	}
	for _, a := range rec.Awards {
		if a.Evidence == e {
			out = append(out, strconv.Itoa(a.Year), a.Kind.Vietnamese(), a.Title, a.Issuer, a.Decision, decisionText(a.Decision))
		}
	}
	if a := rec.Addressee; a != nil && a.Evidence == e {
		out = append(out, a.Name)
	}
	if m := rec.Employment; m != nil && m.Evidence == e {
		out = append(out, strconv.Itoa(m.Since.Year))
	}
	for _, u := range rec.Unrated {
		if u.Evidence == e {
			out = append(out, strconv.Itoa(u.Year), u.Reason)
		}
	}
	return out
}

var (
	yearRe     = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
	dateRe     = regexp.MustCompile(`\b\d{1,2}/\d{1,2}/\d{4}\b|ngày \d{1,2} tháng \d{1,2} năm \d{4}`)
	decisionRe = regexp.MustCompile(`\b\d+/[\p{Lu}][\p{Lu}\p{Ll}0-9-]*`)
)

// factsIn returns the years, dates and decision numbers a sentence states,
// and the candidate's name, unit and position when it names them.
func factsIn(rec *hoso.Record, text string) []string {
	var out []string
	out = append(out, dateRe.FindAllString(text, -1)...)
	out = append(out, decisionRe.FindAllString(text, -1)...)
	// Years not inside a date or a decision number.
	rest := decisionRe.ReplaceAllString(dateRe.ReplaceAllString(text, " "), " ")
	out = append(out, yearRe.FindAllString(rest, -1)...)
	c := rec.Candidate
	for _, v := range []string{c.FullName, c.Unit, c.Position} {
		if v != "" && strings.Contains(text, v) {
			out = append(out, v)
		}
	}
	for _, a := range rec.Awards {
		if a.Issuer != "" && strings.Contains(text, a.Issuer) {
			out = append(out, a.Issuer)
		}
	}
	return out
}

func corpusDirs(t *testing.T) []string {
	dirs := corpus.Dirs(filepath.Join("..", "testdata"))
	if len(dirs) == 0 {
		t.Skip("no corpus ground truth")
	}
	return dirs
}

// TestLetterContent renders the letter of every corpus dossier (every
// directory under testdata with a truth.json, the held-out ones included)
// and checks that each year, date, decision number and name in a
// sentence is in the record with evidence the sentence cites, that no
// garbled name is printed, and that the addressee is the dossier's (or
// the letter is blank there and marked for review).
func TestLetterContent(t *testing.T) {
	iss := DefaultIssuer()
	rs := validate.Default()
	letters, sentences := 0, 0
	for _, dir := range corpusDirs(t) {
		truths, err := corpus.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range truths {
			if tr.Verdict == hoso.VerdictRejected || tr.Verdict == "" {
				continue
			}
			t.Run(filepath.Base(dir)+"/"+tr.File, func(t *testing.T) {
				rec := tr.Record()
				rs.Apply(rec)
				kind, ok := KindOf(rec)
				if !ok {
					t.Fatalf("no letter for verdict %s", rec.Verdict)
				}
				if tr.Letter != "" && kind != tr.Letter {
					t.Errorf("letter %s, truth %s", kind, tr.Letter)
				}
				l := compose(rec, iss, kind)
				letters++
				for _, p := range l.paras {
					for _, s := range p {
						if s.Source == "issuer" || s.Source == "rule_set" {
							continue
						}
						sentences++
						var ok []string
						for _, e := range s.Evidence {
							ok = append(ok, backed(rec, e)...)
						}
						for _, f := range factsIn(rec, s.Text) {
							if !slices.ContainsFunc(ok, func(b string) bool { return b != "" && strings.Contains(b, f) }) {
								t.Errorf("%q states %q without evidence for it (%d evidences)", s.Text, f, len(s.Evidence))
							}
						}
					}
				}
				// One spelling per term in our own wording: "Chiến sĩ" (Luật Thi
				// đua, khen thưởng 2022), "uỷ" (HD 36's style); a quoted
				// dossier value keeps its own.
				for _, p := range l.paras {
					for _, s := range p {
						if s.Source == "record" {
							continue
						}
						for _, bad := range []string{"Chiến sỹ", "chiến sỹ", "ủy", "Ủy"} {
							if strings.Contains(s.Text, bad) {
								t.Errorf("%q spells %q", s.Text, bad)
							}
						}
					}
				}
				text := strings.Join(l.body, "\n")
				for _, v := range []string{rec.Candidate.FullName, rec.Candidate.Unit} {
					if v != "" && garbled(v) != "" && strings.Contains(text, v) {
						t.Errorf("garbled %q printed", v)
					}
				}
				switch {
				case tr.Addressee != "":
					if !slices.Equal(l.recipients, []string{tr.Addressee}) {
						t.Errorf("Kính gửi %q, dossier says %q", l.recipients, tr.Addressee)
					}
				default:
					if !slices.Equal(l.recipients, []string{blank}) || len(l.review) == 0 {
						t.Errorf("no addressee in the dossier: Kính gửi %q, review %q", l.recipients, l.review)
					}
				}
				if strings.Contains(text, "Cấp uỷ cơ sở") {
					t.Error("a made-up Cấp uỷ cơ sở")
				}
			})
		}
	}
	t.Logf("%d letters, %d sentences with dossier facts checked", letters, sentences)
}

package validate_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/validate"
)

// corpusDirs returns every directory under ../testdata that holds a
// truth.json: the first corpus, its scans, the new forms' corpus and the
// held-out one, whichever exist.
func corpusDirs(t *testing.T) []string {
	dirs := corpus.Dirs(filepath.Join("..", "testdata"))
	if len(dirs) == 0 {
		t.Skip("no corpus ground truth yet (go run ./internal/corpus/gen -out testdata/corpus)")
	}
	return dirs
}

// TestCorpusVerdicts: on every dossier of the corpus that is not rejected,
// the default rule set reaches the verdict of the ground truth, which the
// corpus generator computes from the rule text on its own.
func TestCorpusVerdicts(t *testing.T) {
	rs := validate.Default()
	n, agree := 0, 0
	for _, dir := range corpusDirs(t) {
		truths, err := corpus.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range truths {
			if tr.Verdict == hoso.VerdictRejected || tr.Verdict == "" {
				continue
			}
			n++
			t.Run(filepath.Base(dir)+"/"+tr.File, func(t *testing.T) {
				rec := tr.Record()
				rs.Apply(rec)
				ok := true
				if rec.Verdict != tr.Verdict {
					ok = false
					t.Errorf("verdict %s, truth %s (%s)", rec.Verdict, tr.Verdict, tr.Note)
				}
				if len(tr.Window) > 0 && !slices.Equal(rec.Window, tr.Window) {
					ok = false
					t.Errorf("window %v, truth %v", rec.Window, tr.Window)
				}
				escalate := slices.ContainsFunc(rec.Rules, func(o hoso.RuleOutcome) bool { return o.Escalate })
				if escalate != (tr.Letter == hoso.LetterEscalate) {
					ok = false
					t.Errorf("escalate %v, truth letter %s", escalate, tr.Letter)
				}
				if ok {
					agree++
				} else {
					for _, o := range rec.Rules {
						t.Logf("%s %s: %s %v", o.ID, o.Outcome, o.Message, o.Missing)
					}
				}
			})
		}
	}
	t.Logf("verdict agreement: %d/%d dossiers", agree, n)
	if n == 0 {
		t.Error("the corpus has no dossier with a verdict")
	}
}

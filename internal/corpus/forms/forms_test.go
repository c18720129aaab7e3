package forms

import (
	"testing"
)

// TestCasesJudgedAsDesigned guards the case table: each case's computed
// verdict is the one it was written for.
func TestCasesJudgedAsDesigned(t *testing.T) {
	for _, c := range Cases() {
		j := c.Judge()
		if j.Verdict != c.want {
			t.Errorf("%s: verdict %s (ratings %s, distinction %s, age %s, window %v), designed %s", c.ID, j.Verdict, j.Ratings, j.Distinction, j.Age, j.Window, c.want)
		}
	}
}

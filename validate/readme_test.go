package validate

import (
	"os"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
)

// readmeYAML returns the first yaml block after heading in README.md.
func readmeYAML(t *testing.T, heading string) string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), heading)
	if !ok {
		t.Fatalf("README has no %q", heading)
	}
	_, rest, ok = strings.Cut(rest, "```yaml\n")
	if !ok {
		t.Fatal("no yaml block")
	}
	block, _, _ := strings.Cut(rest, "```")
	return block
}

// The README's custom rule set loads and does what the README says.
func TestReadmeExample(t *testing.T) {
	rs, err := Load(strings.NewReader(readmeYAML(t, "## Example")))
	if err != nil {
		t.Fatal(err)
	}
	c := recCase{review: "2025-06-10", dob: "1995-03-02", apps: good(2023, 2024),
		awards: []hoso.Award{award(2024, hoso.AwardLaoDongTienTien, 0)}}
	rec := c.record(t)
	rec.Certificate = &hoso.Certificate{Issued: day(t, "2022-11-20"), Evidence: hoso.Evidence{File: "cn.pdf", Text: "ngày 20/11/2022"}}
	rs.Apply(rec)
	checkRecord(t, rec, want{verdict: hoso.VerdictEligible, window: []int{2023, 2024},
		message: map[string]string{RuleDistinction: "năm 2024 đạt danh hiệu Lao động tiên tiến"}})
	if len(rec.Rules) != 4 || len(rec.Warnings) != 0 {
		t.Errorf("rules %d, warnings %+v", len(rec.Rules), rec.Warnings)
	}

	c.dob = "2007-07-01"
	rec = c.record(t)
	rs.Apply(rec)
	checkRecord(t, rec, want{verdict: hoso.VerdictIneligible,
		message: map[string]string{RuleAge: "Đến ngày 10 tháng 6 năm 2025, quần chúng mới 17 tuổi 11 tháng, chưa đủ 18 tuổi theo quy định."}})
}

// The README documents every message key of every rule.
func TestReadmeListsMessageKeys(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, id := range ruleOrder {
		for _, k := range MessageKeys(id) {
			if !strings.Contains(doc, "`"+k+"`") {
				t.Errorf("README does not document message key %s.%s", id, k)
			}
		}
		if !strings.Contains(doc, "`"+id+"`") {
			t.Errorf("README does not name rule %s", id)
		}
	}
	for _, p := range windowPolicies {
		if !strings.Contains(doc, "`"+string(p)+"`") {
			t.Errorf("README does not document window policy %s", p)
		}
	}
	for _, rs := range Embedded() {
		if !strings.Contains(doc, "`"+rs.ID+"`") {
			t.Errorf("README does not list embedded rule set %s", rs.ID)
		}
	}
}

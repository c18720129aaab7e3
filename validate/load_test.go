package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Each bad rule set yields one EINVALID error listing every problem with
// its path, in Vietnamese and English; the golden file holds both.
func TestLoadBadGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.*")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rs, err := Load(bytes.NewReader(b))
			if rs != nil || err == nil {
				t.Fatalf("Load accepted a bad rule set")
			}
			var e *hoso.Error
			if !errors.As(err, &e) || e.Code != hoso.EINVALID || !errors.Is(err, hoso.ErrInvalid) {
				t.Fatalf("error %v is not an EINVALID *hoso.Error", err)
			}
			got := e.VI + "\n---\n" + e.EN + "\n"
			golden := f + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./validate -run TestLoadBadGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("error differs from %s:\n got: %s\nwant: %s", golden, got, want)
			}
		})
	}
	if n < 5 {
		t.Errorf("only %d bad rule sets under testdata/bad", n)
	}
}

func TestLoadFile(t *testing.T) {
	_, err := LoadFile(filepath.Join(t.TempDir(), "none.yaml"))
	if hoso.Code(err) != hoso.EINVALID {
		t.Errorf("missing file: %v", err)
	}
	_, err = LoadFile("testdata/bad/unknown-keys.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "testdata/bad/unknown-keys.yaml: invalid rule set (3 problems)") {
		t.Errorf("error does not name the file: %v", err)
	}
	for _, in := range []string{"", "   \n", strings.Repeat("#", maxRuleSetSize+1), `{"id": "x"} {}`} {
		if _, err := Load(strings.NewReader(in)); hoso.Code(err) != hoso.EINVALID {
			t.Errorf("Load(%.20q…) = %v", in, err)
		}
	}
}

// Every embedded rule set passes the loader's checks, which cover the
// schema's, and survives a JSON round trip unchanged.
func TestEmbeddedValid(t *testing.T) {
	sets, err := embeddedSets()
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) < 2 {
		t.Fatalf("%d embedded sets", len(sets))
	}
	for _, rs := range sets {
		t.Run(rs.ID, func(t *testing.T) {
			b, err := json.MarshalIndent(rs, "", "\t") // tabs: JSON that is not YAML
			if err != nil {
				t.Fatal(err)
			}
			back, err := Load(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("JSON form does not load: %v\n%s", err, b)
			}
			back.source, rs.source = nil, nil
			if !reflect.DeepEqual(back, rs) {
				t.Errorf("JSON round trip changed the rule set:\n%+v\n%+v", back, rs)
			}
			if got, err := Lookup(rs.ID); err != nil || got.ID != rs.ID || len(got.Source()) == 0 {
				t.Errorf("Lookup(%q) = %v, %v", rs.ID, got, err)
			}
		})
	}
	if d := Default(); d.ID != DefaultID || d.Window.Years != 3 || d.Age.MinMonths != 216 || d.Age.MaxMonths != 720 ||
		d.Ratings.Min != hoso.RatingHTTNV || d.Distinction.MinRating != hoso.RatingHTXSNV ||
		slices.Contains(d.Distinction.AwardKinds, hoso.AwardLaoDongTienTien) || d.Enabled(RuleCertificate) || d.Enabled(RuleEducation) {
		t.Errorf("Default() = %+v", d)
	}
	if _, err := Lookup("52-CV/BTCĐU-2020"); hoso.Code(err) != hoso.EINVALID || !strings.Contains(err.Error(), DefaultID) {
		t.Errorf("Lookup of an unknown id: %v", err)
	}
}

// Embedded returns fresh values: changing one does not change the next.
func TestEmbeddedFresh(t *testing.T) {
	a := Default()
	a.Rules[RuleAge] = Rule{}
	a.Distinction.AwardKinds[0] = hoso.AwardOther
	if b := Default(); !b.Enabled(RuleAge) || b.Distinction.AwardKinds[0] == hoso.AwardOther {
		t.Error("Default shares state between calls")
	}
}

// The JSON Schema describes the same document the loader reads: the same
// keys at every level, and the same vocabularies.
func TestSchemaMatchesRuleSet(t *testing.T) {
	b, err := os.ReadFile("ruleset.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	defs := schema["$defs"].(map[string]any)
	var walk func(s map[string]any, typ reflect.Type, path string)
	walk = func(s map[string]any, typ reflect.Type, path string) {
		if ref, ok := s["$ref"].(string); ok {
			s = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
		props, _ := s["properties"].(map[string]any)
		var want, got []string
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if !f.IsExported() {
				continue
			}
			want = append(want, name)
			sub, ok := props[name].(map[string]any)
			if !ok {
				continue
			}
			ft := f.Type
			if ft.Kind() == reflect.Map && ft.Elem().Kind() == reflect.Struct {
				walk(sub["additionalProperties"].(map[string]any), ft.Elem(), path+name+".*.")
			} else if ft.Kind() == reflect.Struct && ft != reflect.TypeFor[hoso.Date]() {
				walk(sub, ft, path+name+".")
			}
		}
		for k := range props {
			got = append(got, k)
		}
		sort.Strings(want)
		sort.Strings(got)
		if !slices.Equal(want, got) {
			t.Errorf("%s: schema keys %v, Go keys %v", orRoot(path), got, want)
		}
		if s["additionalProperties"] != false {
			t.Errorf("%s: schema allows unknown keys", orRoot(path))
		}
	}
	walk(schema, reflect.TypeFor[RuleSet](), "")

	enum := func(path ...string) []string {
		var v any = schema
		for _, p := range path {
			v = v.(map[string]any)[p]
		}
		var out []string
		for _, e := range v.([]any) {
			out = append(out, e.(string))
		}
		return out
	}
	var kinds, policies []string
	for _, k := range hoso.AwardKinds {
		kinds = append(kinds, string(k))
	}
	for _, p := range windowPolicies {
		policies = append(policies, string(p))
	}
	for _, c := range []struct {
		got, want []string
	}{
		{enum("$defs", "award_kind", "enum"), kinds},
		{enum("$defs", "rating", "enum"), []string{"HTXSNV", "HTTNV", "HTNV", "KHTNV"}},
		{enum("properties", "window", "properties", "policy", "enum"), policies},
		{enum("properties", "rules", "propertyNames", "enum"), ruleOrder[:]},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("schema enum %v, Go %v", c.got, c.want)
		}
	}
}

// Every built-in template uses only the placeholders it declares, and
// every declared message key is reachable from MessageKeys.
func TestTemplatesWellFormed(t *testing.T) {
	for id, msgs := range ruleMessages {
		keys := MessageKeys(id)
		for k, tm := range msgs {
			if bad := checkTemplate(tm, tm.text); len(bad) > 0 {
				t.Errorf("%s.%s uses %v", id, k, bad)
			}
			if !slices.Contains(keys, k) {
				t.Errorf("%s.%s missing from MessageKeys", id, k)
			}
		}
	}
	for k, tm := range commonMessages {
		if bad := checkTemplate(tm, tm.text); len(bad) > 0 {
			t.Errorf("common %s uses %v", k, bad)
		}
	}
}

// FuzzLoad: any input gives a valid rule set or an EINVALID error, never a
// panic, and what loads evaluates a record without panicking.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/bad/*.*")
	files = append(files, "rules/52-CV-BTCDU-2019.yaml", "rules/dieu-le-dang.yaml")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && !strings.HasSuffix(name, ".golden") {
			f.Add(b)
		}
	}
	rec := recCase{review: "2019-09-15", dob: "1990-05-12", apps: good(2016, 2018)}.record(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := Load(bytes.NewReader(b))
		if err != nil {
			if hoso.Code(err) != hoso.EINVALID {
				t.Fatalf("error code %s: %v", hoso.Code(err), err)
			}
			return
		}
		res := rs.Evaluate(rec)
		if res.Verdict == "" {
			t.Fatal("no verdict")
		}
	})
}

func TestZeroRuleSetIsNotEligible(t *testing.T) {
	rec := recCase{review: "2019-09-15", dob: "1990-05-12", apps: good(2016, 2018)}.record(t)
	(&RuleSet{}).Apply(rec)
	if rec.Verdict != hoso.VerdictIncomplete {
		t.Errorf("zero rule set gave %s", rec.Verdict)
	}
}

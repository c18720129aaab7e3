package validate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// schemaChecker applies the subset of JSON Schema 2020-12 that
// ruleset.schema.json uses. It refuses keywords it does not know, so the
// schema cannot grow a rule this test silently skips.
type schemaChecker struct {
	root map[string]any
	errs []string
}

var schemaKeywords = []string{"$schema", "$id", "$defs", "title", "description", "type", "properties",
	"additionalProperties", "required", "pattern", "minLength", "$ref", "enum", "minimum", "maximum",
	"items", "minItems", "maxItems", "uniqueItems", "propertyNames"}

func (c *schemaChecker) fail(path, format string, args ...any) {
	c.errs = append(c.errs, orRoot(path)+": "+fmt.Sprintf(format, args...))
}

func (c *schemaChecker) check(s map[string]any, v any, path string) {
	for k := range s {
		if !slices.Contains(schemaKeywords, k) {
			c.fail(path, "schema keyword %q not supported by this test", k)
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		def := c.root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")]
		c.check(def.(map[string]any), v, path)
	}
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return fmt.Sprint(e) == fmt.Sprint(v) }) {
		c.fail(path, "%v not in %v", v, enum)
	}
	if t, ok := s["type"].(string); ok {
		good := false
		switch t {
		case "object":
			_, good = v.(map[string]any)
		case "array":
			_, good = v.([]any)
		case "string":
			_, good = v.(string)
		case "boolean":
			_, good = v.(bool)
		case "number":
			_, good = v.(float64)
		case "integer":
			f, isNum := v.(float64)
			good = isNum && f == float64(int64(f))
		}
		if !good {
			c.fail(path, "want %s, got %T %v", t, v, v)
			return
		}
	}
	if f, ok := v.(float64); ok {
		if m, ok := s["minimum"].(float64); ok && f < m {
			c.fail(path, "%v < minimum %v", f, m)
		}
		if m, ok := s["maximum"].(float64); ok && f > m {
			c.fail(path, "%v > maximum %v", f, m)
		}
	}
	if str, ok := v.(string); ok {
		if m, ok := s["minLength"].(float64); ok && utf8.RuneCountInString(str) < int(m) {
			c.fail(path, "shorter than %v", m)
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			c.fail(path, "%q does not match %s", str, p)
		}
	}
	if arr, ok := v.([]any); ok {
		if m, ok := s["minItems"].(float64); ok && len(arr) < int(m) {
			c.fail(path, "fewer than %v items", m)
		}
		if m, ok := s["maxItems"].(float64); ok && len(arr) > int(m) {
			c.fail(path, "more than %v items", m)
		}
		if s["uniqueItems"] == true {
			seen := map[string]bool{}
			for _, e := range arr {
				if seen[fmt.Sprint(e)] {
					c.fail(path, "duplicate item %v", e)
				}
				seen[fmt.Sprint(e)] = true
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range arr {
				c.check(items, e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := obj[r]; !ok {
				c.fail(path, "missing required %q", r)
			}
		}
		for k, e := range obj {
			kp := join(path, k)
			if pn, ok := s["propertyNames"].(map[string]any); ok {
				c.check(pn, k, kp+" (name)")
			}
			if ps, ok := props[k].(map[string]any); ok {
				c.check(ps, e, kp)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					c.fail(kp, "unknown key")
				}
			case map[string]any:
				c.check(ap, e, kp)
			}
		}
	}
}

func asList(v any) []string {
	var out []string
	for _, e := range asAny(v) {
		out = append(out, e.(string))
	}
	return out
}

func asAny(v any) []any { a, _ := v.([]any); return a }

// plain turns a YAML node into the values JSON would give: scalars by
// their resolved tag, so an unquoted date stays a string.
func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return plain(n.Content[0])
	case yaml.AliasNode:
		return plain(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		a := []any{}
		for _, c := range n.Content {
			a = append(a, plain(c))
		}
		return a
	}
	switch n.Tag {
	case "!!int", "!!float":
		f, _ := strconv.ParseFloat(n.Value, 64)
		return f
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

func loadSchema(t *testing.T) *schemaChecker {
	t.Helper()
	b, err := os.ReadFile("ruleset.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	c := &schemaChecker{}
	if err := json.Unmarshal(b, &c.root); err != nil {
		t.Fatal(err)
	}
	return c
}

func schemaErrors(t *testing.T, doc []byte) []string {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(doc, &n); err != nil {
		t.Fatal(err)
	}
	c := loadSchema(t)
	c.check(c.root, plain(&n), "")
	return c.errs
}

// Every embedded rule set, its JSON form and the README's example are
// valid under ruleset.schema.json itself, not only under the loader.
func TestEmbeddedMatchSchema(t *testing.T) {
	sets, err := embeddedSets()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{"README example": []byte(readmeYAML(t, "## Example"))}
	for _, rs := range sets {
		docs[rs.ID] = rs.Source()
		js, err := json.Marshal(rs)
		if err != nil {
			t.Fatal(err)
		}
		docs[rs.ID+" as JSON"] = js
	}
	for name, doc := range docs {
		if errs := schemaErrors(t, doc); len(errs) > 0 {
			t.Errorf("%s breaks the schema:\n%s", name, strings.Join(errs, "\n"))
		}
	}
}

// The schema rejects the bad rule sets too, where the fault is one a
// schema can see (inverted bounds and placeholders are the loader's alone).
func TestSchemaRejectsBad(t *testing.T) {
	for _, name := range []string{"unknown-keys.yaml", "bad-values.yaml", "not-a-mapping.yaml", "rule-without-enabled.yaml"} {
		doc, err := os.ReadFile(filepath.Join("testdata", "bad", name))
		if err != nil {
			t.Fatal(err)
		}
		if errs := schemaErrors(t, doc); len(errs) == 0 {
			t.Errorf("schema accepts %s", name)
		}
	}
}

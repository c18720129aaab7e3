package main

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/schema"
)

// The doc tests hold README.md and deploy/README.md to the code: the
// command table to the command list, the configuration table to the
// variables the flags read, and the upload limit to its default.

var (
	envName = regexp.MustCompile(`HOSO_[A-Z0-9_]+`)
	// a flag's [HOSO_…], or a line of the secrets list
	flagVar = regexp.MustCompile(`\[(HOSO_[A-Z0-9_]+)\]|(?m)^  (HOSO_[A-Z0-9_]+)$`)
)

// helpOf returns what 'hoso <args> -h' prints.
func helpOf(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, "", append(args, "-h")...)
	if code != 0 {
		t.Fatalf("hoso %v -h: exit %d\n%s", args, code, errOut)
	}
	return out + errOut
}

// codeVars lists every HOSO_* variable the commands read, from their help:
// the [HOSO_…] of each flag and the secrets section.
func codeVars(t *testing.T) map[string]bool {
	vars := map[string]bool{}
	for name := range commands() {
		args := []string{name}
		if name == "users" {
			args = []string{"users", "list"}
		}
		for _, m := range flagVar.FindAllStringSubmatch(helpOf(t, args...), -1) {
			vars[m[1]+m[2]] = true
		}
	}
	// Read outside any flag: the first administrator's password.
	vars["HOSO_ADMIN_PASSWORD"], vars["HOSO_ADMIN_PASSWORD_FILE"] = true, true
	return vars
}

// section returns the lines of md from the heading that starts with
// heading to the next heading of the same or a higher level.
func section(t *testing.T, md, heading string) string {
	t.Helper()
	i := strings.Index(md, "\n"+heading)
	if i < 0 {
		t.Fatalf("no section %q", heading)
	}
	rest := md[i+1:]
	level := strings.Index(heading, " ")
	for j := 1; j < len(rest); j++ {
		if rest[j-1] == '\n' && strings.HasPrefix(rest[j:], "#") {
			k := strings.Index(rest[j:], " ")
			if k > 0 && k <= level {
				return rest[:j]
			}
		}
	}
	return rest
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDeployConfigurationTable: every variable a flag reads is in the
// configuration table of deploy/README.md, and the table names no
// variable the program does not read.
func TestDeployConfigurationTable(t *testing.T) {
	doc := section(t, readDoc(t, "../../deploy/README.md"), "### Configuration")
	inTable := map[string]bool{}
	for _, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "| `HOSO_") {
			continue
		}
		first := strings.SplitN(line[1:], "|", 2)[0]
		for _, v := range envName.FindAllString(first, -1) {
			inTable[v] = true
			if strings.Contains(first, v+"` (`…_FILE`)") {
				inTable[v+"_FILE"] = true
			}
		}
	}
	code := codeVars(t)
	var missing, unknown []string
	for v := range code {
		if !inTable[v] && !strings.HasSuffix(v, "_FILE") || (strings.HasSuffix(v, "_FILE") && !inTable[v] && !inTable[strings.TrimSuffix(v, "_FILE")]) {
			missing = append(missing, v)
		}
	}
	for v := range inTable {
		if !code[v] && !code[strings.TrimSuffix(v, "_FILE")] {
			unknown = append(unknown, v)
		}
	}
	sort.Strings(missing)
	sort.Strings(unknown)
	if len(missing) > 0 {
		t.Errorf("deploy/README.md's configuration table lacks %v", missing)
	}
	if len(unknown) > 0 {
		t.Errorf("deploy/README.md's configuration table names variables no flag reads: %v", unknown)
	}
}

// TestREADMECommandTable: the table in README's "Commands" lists exactly
// the commands of 'hoso help', and the exit statuses are the ones exitCode
// gives.
func TestREADMECommandTable(t *testing.T) {
	doc := section(t, readDoc(t, "../../README.md"), "## Commands")
	row := regexp.MustCompile("(?m)^\\| `hoso ([a-z-]+)")
	inTable := map[string]bool{}
	for _, m := range row.FindAllStringSubmatch(doc, -1) {
		inTable[m[1]] = true
	}
	for name := range commands() {
		if !inTable[name] {
			t.Errorf("README's command table lacks hoso %s", name)
		}
	}
	for name := range inTable {
		if _, ok := commands()[name]; !ok {
			t.Errorf("README's command table lists hoso %s, which 'hoso help' does not", name)
		}
	}
	for _, want := range []string{"`0`", "`1`", "`2`"} {
		if !strings.Contains(doc, want) {
			t.Errorf("README's Commands section does not document exit status %s", want)
		}
	}
}

// TestUploadLimitStated: the upload limit is the same number in the help
// of every command that has it and wherever the READMEs state it.
func TestUploadLimitStated(t *testing.T) {
	def := regexp.MustCompile(`--max-size-mb int[^\n]*\n[^\n]*\(default (\d+)\)`)
	var limit string
	for _, cmd := range []string{"run", "serve", "process", "extract"} {
		m := def.FindStringSubmatch(helpOf(t, cmd))
		if m == nil {
			t.Fatalf("hoso %s -h shows no --max-size-mb default", cmd)
		}
		if limit == "" {
			limit = m[1]
		} else if m[1] != limit {
			t.Errorf("hoso %s: upload limit %s MiB, hoso run: %s MiB", cmd, m[1], limit)
		}
	}
	readme, deploy := readDoc(t, "../../README.md"), readDoc(t, "../../deploy/README.md")
	for _, c := range []struct{ doc, name, pattern string }{
		{readme, "README reliability table", `\| upload size \| (\d+) MiB`},
		{readme, "README limits", `(\d+) MiB upload`},
		{deploy, "deploy/README configuration table", `upload size limit \((\d+)\)`},
	} {
		m := regexp.MustCompile(c.pattern).FindStringSubmatch(c.doc)
		if m == nil {
			t.Errorf("%s: no upload limit found (%s)", c.name, c.pattern)
		} else if m[1] != limit {
			t.Errorf("%s states %s MiB; the default is %s MiB", c.name, m[1], limit)
		}
	}
}

// TestREADMERecordExample: the record shown in README's Contracts section
// is valid against the published schema.
func TestREADMERecordExample(t *testing.T) {
	doc := section(t, readDoc(t, "../../README.md"), "## Contracts")
	i := strings.Index(doc, "```json\n")
	j := strings.Index(doc[i+8:], "```")
	if i < 0 || j < 0 {
		t.Fatal("no JSON example in README's Contracts")
	}
	if err := schema.Validate(schema.RecordID, []byte(doc[i+8:i+8+j])); err != nil {
		t.Errorf("README's record example: %v", err)
	}
}

// flagDefaults maps each variable of the service commands to its flag's
// default as their help prints it, durations shortened as people write
// them (5m0s → 5m).
func flagDefaults(t *testing.T) map[string]string {
	line := regexp.MustCompile(`(?m)^  --[a-z0-9-]+(?: [a-z]+)?  \[(HOSO_[A-Z0-9_]+)\]\n      .*\(default ([^)]*)\)$`)
	out := map[string]string{}
	for _, cmd := range []string{"run", "serve"} {
		for _, m := range line.FindAllStringSubmatch(helpOf(t, cmd), -1) {
			d := m[2]
			if strings.HasSuffix(d, "m0s") {
				d = strings.TrimSuffix(d, "0s")
			}
			out[m[1]] = d
		}
	}
	return out
}

// TestDeployConfigurationDefaults: each variable's default, where its
// flag has one, is stated in its row of deploy/README's table.
func TestDeployConfigurationDefaults(t *testing.T) {
	doc := section(t, readDoc(t, "../../deploy/README.md"), "### Configuration")
	defs := flagDefaults(t)
	if len(defs) < 10 {
		t.Fatalf("only %d defaults read from the help", len(defs))
	}
	for _, row := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(row, "| `HOSO_") {
			continue
		}
		first := strings.SplitN(row[1:], "|", 2)[0]
		for _, v := range envName.FindAllString(first, -1) {
			d, ok := defs[v]
			if !ok {
				continue
			}
			if !strings.Contains(row, "("+d) && !strings.Contains(row, "`"+d+"`") {
				t.Errorf("deploy/README.md: the row of %s does not state its default %s", v, d)
			}
		}
	}
}

// TestServeFlagsHaveVariables: README says every flag of 'hoso serve' has
// a HOSO_* variable; run's too, but --nats-only (a mode, not a setting).
func TestServeFlagsHaveVariables(t *testing.T) {
	for _, cmd := range []string{"serve", "run"} {
		for _, line := range strings.Split(helpOf(t, cmd), "\n") {
			if strings.HasPrefix(line, "  --") && !strings.Contains(line, "[HOSO_") && line != "  --nats-only" {
				t.Errorf("hoso %s: %s has no variable", cmd, strings.TrimSpace(line))
			}
		}
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso"
)

// cli runs one command in process and returns its exit status, standard
// output and standard error, as a shell would see them.
func cli(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }, Logger: slog.New(slog.DiscardHandler)}
	err := m.Run(context.Background(), args)
	if err != nil {
		errOut.WriteString(err.Error() + "\n")
	}
	return exitCode(err), out.String(), errOut.String()
}

const corpusDOCX = "../../testdata/corpus/01-bang-htxsnv.docx"

func TestExitStatuses(t *testing.T) {
	if _, err := os.Stat(corpusDOCX); err != nil {
		t.Skip("corpus missing")
	}
	tmp := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		// stderr (or stdout) must contain it
		want string
	}{
		{"bare hoso prints usage", nil, 2, "usage: hoso <command>"},
		{"help", []string{"help"}, 0, "commands:"},
		{"unknown command", []string{"nope"}, 2, `unknown command "nope"`},
		{"version -h is help", []string{"version", "-h"}, 0, "usage: hoso version"},
		{"process -h", []string{"process", "-h"}, 0, "usage: hoso process"},
		{"process without files", []string{"process"}, 2, "no file given"},
		{"process a missing file", []string{"process", "--sandbox=false", "/nonexistent.docx"}, 2, "no such file"},
		{"process a folder", []string{"process", "--sandbox=false", tmp}, 2, "is a directory"},
		{"process a rejected file", []string{"process", "--sandbox=false", "--ocr=off", "../../testdata/corpus/r08-word-97.doc"}, 1, "rejected"},
		{"process a good file", []string{"process", "--sandbox=false", "--ocr=off", corpusDOCX}, 0, "eligible"},
		{"extract a missing file", []string{"extract", "--sandbox=false", "/nonexistent.docx"}, 2, "no such file"},
		{"validate a dossier file", []string{"validate", corpusDOCX}, 2, "hoso process"},
		{"render without a record", []string{"render"}, 2, "exactly one"},
		{"bad flag", []string{"validate", "--nope"}, 2, "flag provided but not defined"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := cli(t, "", tc.args...)
			if code != tc.code || !strings.Contains(out+errOut, tc.want) {
				t.Errorf("hoso %v: exit %d, want %d; want %q in\n%s%s", tc.args, code, tc.code, tc.want, out, errOut)
			}
		})
	}
}

// TestStdinAndValidate: '-' reads standard input for extract, validate
// and render; validate prints the verdict and every rule, and exits 1 on
// a record that is not eligible; render refuses an unvalidated record by
// saying so.
func TestStdinAndValidate(t *testing.T) {
	docx, err := os.ReadFile(corpusDOCX)
	if err != nil {
		t.Skip("corpus missing")
	}
	code, extracted, errOut := cli(t, string(docx), "extract", "--sandbox=false", "--ocr=off", "-")
	if code != 0 {
		t.Fatalf("extract -: %d %s", code, errOut)
	}
	var rec hoso.Record
	if err := json.Unmarshal([]byte(extracted), &rec); err != nil || rec.Candidate.FullName == "" || rec.Source.Key != "stdin" {
		t.Fatalf("extract - printed %.300s (%v)", extracted, err)
	}

	code, out, errOut := cli(t, extracted, "render", "--out", t.TempDir(), "-")
	if code != 2 || !strings.Contains(errOut, "not validated") || !strings.Contains(errOut, "hoso validate --json - | hoso render -") {
		t.Errorf("render of an unvalidated record: %d %s", code, errOut)
	}

	code, out, errOut = cli(t, extracted, "validate", "-")
	if code != 0 || !strings.HasPrefix(out, "stdin\teligible\t52-CV/BTCĐU-2019") || !strings.Contains(out, "pass") {
		t.Errorf("validate -: %d\n%s%s", code, out, errOut)
	}
	for _, r := range []string{"ratings", "distinction", "age"} {
		if !regexp.MustCompile(`(?m)^  pass\s+` + r + `\s`).MatchString(out) {
			t.Errorf("validate - does not print rule %s:\n%s", r, out)
		}
	}
	code, validated, _ := cli(t, extracted, "validate", "--json", "-")
	if code != 0 || !strings.Contains(validated, `"verdict": "eligible"`) {
		t.Fatalf("validate --json -: %d %.300s", code, validated)
	}
	dir := t.TempDir()
	code, out, errOut = cli(t, validated, "render", "--date", "2026-01-02", "--out", dir, "-")
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), ".docx") {
		t.Errorf("render -: %d %s %s", code, out, errOut)
	}

	// Not eligible: the review date pushed far past the window.
	code, out, _ = cli(t, extracted, "validate", "--review-date", "2040-01-01", "-")
	if code != 1 || strings.Contains(out, "\teligible\t") {
		t.Errorf("validate of a record not eligible: exit %d\n%s", code, out)
	}
}

// TestFlagStyle: every command's help shows its flags as --flag, never
// Go's default -flag, and 'hoso help' lists every command.
func TestFlagStyle(t *testing.T) {
	single := regexp.MustCompile(`(?m)^\s+-[a-z]`)
	_, _, help := cli(t, "", "help")
	for name := range commands() {
		if !strings.Contains(help, "  "+name+" ") {
			t.Errorf("hoso help does not list %s", name)
		}
		args := []string{name, "-h"}
		if name == "users" {
			args = []string{name, "add", "-h"}
		}
		code, out, errOut := cli(t, "", args...)
		if code != 0 {
			t.Errorf("hoso %s -h: exit %d\n%s", name, code, errOut)
		}
		if single.MatchString(out + errOut) {
			t.Errorf("hoso %s -h shows a single-dash flag:\n%s", name, errOut)
		}
	}
}

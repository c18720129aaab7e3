package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/validate"
)

// cmdValidate evaluates record JSON files against a rule set and prints,
// for each, its verdict and every rule's outcome; --json prints the whole
// record instead (window, rule outcomes, verdict added):
//
//	hoso validate [--json] [--rules FILE|ID] [--review-date YYYY-MM-DD] RECORD.json|- ...
//
// The exit status is 1 when any record is not eligible, so a script can
// write 'hoso validate r.json && …'.
func cmdValidate(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("validate")
	asJSON := fs.Bool("json", false, "print each validated record (hoso.record/v1) as JSON instead of the verdict and rules")
	rulesFlag := fs.String("rules", "", "rule set: an embedded ID (see 'hoso rules') or a YAML/JSON file; default "+validate.DefaultID+" [HOSO_RULES]")
	reviewFlag := fs.String("review-date", "", "review date YYYY-MM-DD, overriding the one read from the dossier")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, `usage: hoso validate [flags] RECORD.json|- ...

Evaluates record JSON files (hoso.record/v1, as written by 'hoso extract'
or 'hoso process --json'; - reads one from standard input) against a rule
set and prints each one's verdict and every rule's outcome. A dossier file
(DOCX, PDF, ZIP, image) is not a record: use 'hoso process'. Exit status 1
when any record is not eligible, 2 when a file cannot be read.

flags:`)
		printFlags(fs, nil)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageErrorf("hoso validate: want at least one RECORD.json (or - for standard input)")
	}
	if *rulesFlag == "" {
		*rulesFlag = m.Getenv("HOSO_RULES")
	}
	rs, err := ruleSetFrom(*rulesFlag)
	if err != nil {
		return err
	}
	var review hoso.Date
	if *reviewFlag != "" {
		if err := review.UnmarshalText([]byte(*reviewFlag)); err != nil || !review.Valid() {
			return hoso.Errorf(hoso.EINVALID, "Ngày xét %q không hợp lệ (cần YYYY-MM-DD)", "invalid --review-date %q (want YYYY-MM-DD)", *reviewFlag)
		}
	}
	notEligible := 0
	for _, name := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := m.readRecord(name)
		if err != nil {
			return err
		}
		if !review.IsZero() {
			rec.ReviewDate = review
			rec.ReviewDateBasis = hoso.ReviewFromOverride
			rec.ReviewDateEvidence = nil
		}
		rs.Apply(rec)
		m.Logger.Debug("validated", "dossier", rec.DossierID, "verdict", rec.Verdict, "rule_set", rs.ID)
		if rec.Verdict != hoso.VerdictEligible {
			notEligible++
		}
		if !*asJSON {
			if err := printVerdict(m.Stdout, inputName(name), rec); err != nil {
				return err
			}
			continue
		}
		b, err := json.MarshalIndent(rec, "", "  ")
		if err != nil {
			return hoso.Wrap(err, hoso.EINTERNAL, "Không ghi được bản ghi %s", "encoding the record of %s", name)
		}
		if _, err := fmt.Fprintf(m.Stdout, "%s\n", b); err != nil {
			return err
		}
	}
	if notEligible > 0 {
		return rejectedf("hoso validate: %d of %d records not eligible", notEligible, fs.NArg())
	}
	return nil
}

// printVerdict prints what a clerk asks of validation: the verdict, the
// rule set and window, then one line per rule with its outcome and
// message, and what is missing for an unknown one.
func printVerdict(w io.Writer, name string, rec *hoso.Record) error {
	window := ""
	if len(rec.Window) > 0 {
		window = fmt.Sprintf(" %d–%d", rec.Window[0], rec.Window[len(rec.Window)-1])
	}
	fmt.Fprintf(w, "%s\t%s\t%s%s\n", name, rec.Verdict, rec.RuleSet, window)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range rec.Rules {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", r.Outcome, r.ID, r.Message)
		for _, miss := range r.Missing {
			fmt.Fprintf(tw, "  \t\tthiếu / missing: %s\n", miss)
		}
	}
	return tw.Flush()
}

// ruleSetFrom resolves --rules: empty is the embedded default, an embedded
// ID is looked up, anything else is read as a file.
func ruleSetFrom(spec string) (*validate.RuleSet, error) {
	if spec == "" {
		return validate.Default(), nil
	}
	if rs, err := validate.Lookup(spec); err == nil {
		return rs, nil
	}
	if _, err := os.Stat(spec); err != nil {
		return nil, hoso.Errorf(hoso.EINVALID,
			"Không có bộ quy tắc %q: không phải mã bộ quy tắc có sẵn (xem 'hoso rules') cũng không phải tệp",
			"no rule set %q: neither an embedded ID (see 'hoso rules') nor a file", spec)
	}
	return validate.LoadFile(spec)
}

// readRecord reads a record JSON (hoso.record/v1) from a file, or from
// standard input for "-".
//
// Seam for the integrator: a dossier file (DOCX, PDF, ZIP, image) is not a
// record; this is where it would go through extract instead. Until then it
// is refused with a pointer to 'hoso process'.
func (m *Main) readRecord(name string) (*hoso.Record, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(io.LimitReader(m.Stdin, maxRecordBytes+1))
		if err == nil && len(b) > maxRecordBytes {
			err = fmt.Errorf("more than %d MiB", maxRecordBytes>>20)
		}
		name = "(stdin)"
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, hoso.Wrap(err, hoso.EINVALID, "Không đọc được tệp %s", "reading %s", name)
	}
	if t := bytes.TrimSpace(b); len(t) == 0 || t[0] != '{' {
		return nil, notRecord(name)
	}
	rec := hoso.NewRecord()
	if err := json.Unmarshal(b, rec); err != nil {
		return nil, hoso.Wrap(err, hoso.EINVALID, "Tệp %s không phải bản ghi hồ sơ JSON hợp lệ", "%s is not a valid record JSON", name)
	}
	if rec.Schema == "" && rec.Source.Key == "" && rec.Candidate.FullName == "" && len(rec.Appraisals) == 0 {
		return nil, notRecord(name)
	}
	if rec.Schema != "" && rec.Schema != hoso.Schema {
		return nil, hoso.Errorf(hoso.EINVALID, "Tệp %s theo lược đồ %q, chương trình chỉ đọc %q",
			"%s has schema %q; this program reads %q", name, rec.Schema, hoso.Schema)
	}
	rec.Schema = hoso.Schema
	if rec.Appraisals == nil {
		rec.Appraisals = []hoso.Appraisal{}
	}
	if rec.Awards == nil {
		rec.Awards = []hoso.Award{}
	}
	return rec, nil
}

// maxRecordBytes bounds a record read from standard input; record.json
// files of the corpus are a few KiB.
const maxRecordBytes = 64 << 20

func notRecord(name string) error {
	return hoso.Errorf(hoso.EINVALID,
		"Tệp %s không phải bản ghi hồ sơ JSON (%s); để xét một tệp hồ sơ (DOCX, PDF, ZIP, ảnh) hãy dùng 'hoso process'",
		"%s is not a record JSON (%s); to check a dossier file (DOCX, PDF, ZIP, image) use 'hoso process'", name, hoso.Schema)
}

// cmdRules lists the embedded rule sets, prints one, or checks a file:
//
//	hoso rules [--show ID] [--check FILE]
func cmdRules(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("rules")
	show := fs.String("show", "", "print the embedded rule set with this ID as YAML")
	check := fs.String("check", "", "check a rule set file (YAML/JSON) and report every problem")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: hoso rules [--show ID] [--check FILE]")
		printFlags(fs, nil)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return hoso.Errorf(hoso.EINVALID, "Đối số thừa: %v", "unexpected arguments: %v", fs.Args())
	}
	switch {
	case *show != "":
		rs, err := validate.Lookup(*show)
		if err != nil {
			return err
		}
		_, err = m.Stdout.Write(rs.Source())
		return err
	case *check != "":
		rs, err := validate.LoadFile(*check)
		if err != nil {
			// main prints the English text; the clerk gets the Vietnamese too.
			if info := hoso.Info(err); info != nil {
				fmt.Fprintln(m.Stderr, info.Message)
			}
			return err
		}
		_, err = fmt.Fprintf(m.Stdout, "%s: hợp lệ / valid (%s)\n", *check, rs.ID)
		return err
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tHIỆU LỰC / IN FORCE\tTÊN / TITLE\tCĂN CỨ / CITATION")
	for _, rs := range validate.Embedded() {
		period := rs.Effective.From.String() + " –"
		if !rs.Effective.To.IsZero() {
			period += " " + rs.Effective.To.String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", rs.ID, period, rs.Title, rs.Citation)
	}
	return tw.Flush()
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/validate"
)

// cmdValidate evaluates record JSON files against a rule set and prints
// each record, with its window, rule outcomes and verdict, as indented JSON:
//
//	hoso validate [--rules FILE|ID] [--review-date YYYY-MM-DD] RECORD.json...
func cmdValidate(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("validate")
	rulesFlag := fs.String("rules", "", "rule set: an embedded ID (see 'hoso rules') or a YAML/JSON file; default "+validate.DefaultID)
	reviewFlag := fs.String("review-date", "", "review date YYYY-MM-DD, overriding the one read from the dossier")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: hoso validate [--rules FILE|ID] [--review-date YYYY-MM-DD] RECORD.json...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return hoso.Errorf(hoso.EINVALID, "Cần ít nhất một tệp bản ghi JSON", "hoso validate: want at least one RECORD.json")
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
	for _, name := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := readRecord(name)
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
		b, err := json.MarshalIndent(rec, "", "  ")
		if err != nil {
			return hoso.Wrap(err, hoso.EINTERNAL, "Không ghi được bản ghi %s", "encoding the record of %s", name)
		}
		if _, err := fmt.Fprintf(m.Stdout, "%s\n", b); err != nil {
			return err
		}
	}
	return nil
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

// readRecord reads a record JSON (hoso.record/v1).
//
// Seam for the integrator: a dossier file (DOCX, PDF, ZIP, image) is not a
// record; this is where it would go through extract instead. Until then it
// is refused with a pointer to 'hoso process'.
func readRecord(name string) (*hoso.Record, error) {
	b, err := os.ReadFile(name)
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
		fs.PrintDefaults()
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

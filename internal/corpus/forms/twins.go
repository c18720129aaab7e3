package forms

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
)

// Twins are the DOCX dossiers of the corpus printed to PDF by LibreOffice,
// with the same truth: the same papers as a committee's office exports
// them, a second producer for every layout (tick columns, hints cut by a
// line end, years centred in their rows, boxes drawn after their words).
// They live in pdf/ with a truth.json of their own.
func Twins(ctx context.Context, t Tools, built []Built) ([]Built, error) {
	var us []*unit
	var docx []Built
	for _, b := range built {
		if strings.HasSuffix(b.Name, ".docx") {
			docx = append(docx, b)
			us = append(us, &unit{docx: b.Data})
		}
	}
	if t.Profile == "" {
		t.Profile = "/tmp/hoso-forms-lo"
	}
	if t.Soffice == "" {
		t.Soffice = "soffice"
	}
	for i := range us {
		us[i].c = &Case{ID: docx[i].Name}
	}
	if err := t.office(ctx, us, "pdf", "pdf"); err != nil {
		return nil, err
	}
	out := make([]Built, 0, len(docx))
	for i, b := range docx {
		tr := b.Truth
		tr.File = strings.TrimSuffix(b.Name, ".docx") + ".pdf"
		tr.Format = hoso.FormatPDFText
		tr.Tags = slices.DeleteFunc(slices.Clone(tr.Tags), func(s string) bool { return s == "docx" })
		tr.Tags = append(tr.Tags, "pdf-twin")
		out = append(out, Built{Name: tr.File, Data: us[i].out, Truth: tr})
	}
	return out, nil
}

// writeTwins writes the twins of built into dir/pdf with their truth.
func writeTwins(ctx context.Context, dir string, t Tools, built []Built) error {
	twins, err := Twins(ctx, t, built)
	if err != nil {
		return err
	}
	sub := filepath.Join(dir, "pdf")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return fmt.Errorf("forms: %w", err)
	}
	var truths []corpus.Truth
	for _, b := range twins {
		if err := os.WriteFile(filepath.Join(sub, b.Name), b.Data, 0o644); err != nil {
			return fmt.Errorf("forms: %w", err)
		}
		truths = append(truths, b.Truth)
	}
	sort.Slice(truths, func(i, j int) bool { return truths[i].File < truths[j].File })
	js, err := json.MarshalIndent(truths, "", "  ")
	if err != nil {
		return fmt.Errorf("forms: %w", err)
	}
	return os.WriteFile(filepath.Join(sub, "truth.json"), append(js, '\n'), 0o644)
}

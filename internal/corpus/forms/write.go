package forms

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/hoso-vn/hoso/internal/corpus"
)

// Write generates every case into dir with truth.json and README.md and
// returns the number of dossiers.
func Write(ctx context.Context, dir string, t Tools) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("forms: %w", err)
	}
	built, err := Generate(ctx, t, Cases())
	if err != nil {
		return 0, err
	}
	var truths []corpus.Truth
	for _, b := range built {
		if err := os.WriteFile(filepath.Join(dir, b.Name), b.Data, 0o644); err != nil {
			return 0, fmt.Errorf("forms: %w", err)
		}
		truths = append(truths, b.Truth)
	}
	sort.Slice(truths, func(i, j int) bool { return truths[i].File < truths[j].File })
	js, err := json.MarshalIndent(truths, "", "  ")
	if err != nil {
		return 0, fmt.Errorf("forms: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "truth.json"), append(js, '\n'), 0o644); err != nil {
		return 0, fmt.Errorf("forms: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte(Readme(truths)), 0o644); err != nil {
		return 0, fmt.Errorf("forms: %w", err)
	}
	if err := writeTwins(ctx, dir, t, built); err != nil {
		return 0, err
	}
	return len(truths), nil
}

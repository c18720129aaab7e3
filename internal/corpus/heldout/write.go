package heldout

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"

	"github.com/hoso-vn/hoso/internal/corpus"
)

// Write builds every case into dir with truth.json and README.md. With
// only set, it builds that case alone but still writes the full truth.
func Write(ctx context.Context, env Env, dir, only string, log *slog.Logger) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("heldout: %w", err)
	}
	var truths []corpus.Truth
	cs := Cases()
	for i := range cs {
		c := &cs[i]
		name, format := c.FileName()
		if only == "" || only == c.ID {
			b, err := c.Build(ctx, env)
			if err != nil {
				return fmt.Errorf("heldout: %s: %w", c.ID, err)
			}
			if err := os.WriteFile(filepath.Join(dir, b.Name), b.Data, 0o644); err != nil {
				return fmt.Errorf("heldout: %w", err)
			}
			log.Info("case", "file", b.Name, "bytes", len(b.Data))
		}
		truths = append(truths, c.Truth(name, format))
	}
	sort.Slice(truths, func(i, j int) bool { return truths[i].File < truths[j].File })
	js, err := json.MarshalIndent(truths, "", "  ")
	if err != nil {
		return fmt.Errorf("heldout: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "truth.json"), append(js, '\n'), 0o644); err != nil {
		return fmt.Errorf("heldout: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, "README.md"), []byte(Readme(truths)), 0o644)
}

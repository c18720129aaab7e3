package main

import (
	"context"
	"errors"
)

// Placeholder until the owning change lands.
func cmdExtract(ctx context.Context, m *Main, args []string) error {
	return errors.New("hoso extract: not built yet")
}

package main

import (
	"context"
	"errors"
)

// Placeholder until the owning change lands.
func cmdRun(ctx context.Context, m *Main, args []string) error {
	return errors.New("hoso run: not built yet")
}

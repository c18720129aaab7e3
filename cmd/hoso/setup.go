package main

import (
	"context"
	"errors"
)

// Placeholder until the owning change lands.
func cmdSetup(ctx context.Context, m *Main, args []string) error {
	return errors.New("hoso setup: not built yet")
}

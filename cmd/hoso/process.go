package main

import (
	"context"
	"errors"
)

// Placeholder until the owning change lands.
func cmdProcess(ctx context.Context, m *Main, args []string) error {
	return errors.New("hoso process: not built yet")
}

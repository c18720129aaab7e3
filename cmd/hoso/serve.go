package main

import (
	"context"
	"errors"
)

// Placeholder until the owning change lands.
func cmdServe(ctx context.Context, m *Main, args []string) error {
	return errors.New("hoso serve: not built yet")
}

package main

import (
	"context"
	"errors"
)

// Placeholder until the owning change lands.
func cmdRedrive(ctx context.Context, m *Main, args []string) error {
	return errors.New("hoso redrive: not built yet")
}

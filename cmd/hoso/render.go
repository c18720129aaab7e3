package main

import (
	"context"
	"errors"
)

// Placeholder until the owning change lands.
func cmdRender(ctx context.Context, m *Main, args []string) error {
	return errors.New("hoso render: not built yet")
}

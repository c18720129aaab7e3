package main

import (
	"context"
	"errors"
)

// Placeholder until the owning change lands.
func cmdValidate(ctx context.Context, m *Main, args []string) error {
	return errors.New("hoso validate: not built yet")
}

func cmdRules(ctx context.Context, m *Main, args []string) error {
	return errors.New("hoso rules: not built yet")
}

package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

// version is set at link time (-ldflags "-X main.version=…"); otherwise the
// module version or VCS revision recorded by the Go toolchain is shown.
var version = ""

func cmdVersion(ctx context.Context, m *Main, args []string) error {
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok && v == "" {
		v = bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				v += " " + s.Value
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	fmt.Fprintln(m.Stdout, "hoso", v)
	return nil
}

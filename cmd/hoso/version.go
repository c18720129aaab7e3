package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); it
// wins over the module version the Go toolchain recorded.
var version = ""

// buildVersion describes the binary from what the toolchain recorded in
// it: module version, VCS revision and time, and whether the work tree
// had uncommitted changes. A 'go build' in a git checkout records the
// revision; 'go install module@version' records the version.
func buildVersion() string {
	v, rev, at, modified := version, "", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	out := "hoso " + v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		out += " commit " + rev
		if modified {
			out += "+modified"
		}
	}
	if at != "" {
		out += " built from " + at
	}
	return out + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}

func cmdVersion(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("version")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: hoso version\n\nPrints the module version, the VCS commit and its time (\"+modified\" when\nthe work tree had uncommitted changes), the Go version and the platform.")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return usageErrorf("hoso version: unexpected arguments %q", fs.Args())
	}
	_, err := fmt.Fprintln(m.Stdout, buildVersion())
	return err
}

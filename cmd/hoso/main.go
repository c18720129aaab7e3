// Command hoso reads Party-admission dossiers, checks them against the
// admission criteria and writes the reply letter. See the README.
//
// The command is thin: each subcommand parses its flags and calls the
// extract, validate, render and ingest packages. Main holds what a run
// needs from the outside world so end-to-end tests drive the very program
// users run.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/hoso-vn/hoso/sandbox"
)

// Main is one invocation of the program.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Logger *slog.Logger
}

// NewMain returns a Main wired to the process's standard streams.
func NewMain() *Main {
	return &Main{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}
}

type command struct {
	summary string
	run     func(ctx context.Context, m *Main, args []string) error
}

// commands is the fixed table of subcommands; each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"run":      {"run the whole pipeline on this machine: embedded NATS, folder buckets (default)", cmdRun},
		"serve":    {"run workers and the HTTP API against MinIO and NATS", cmdServe},
		"setup":    {"create streams, KV, buckets and the bucket notification (idempotent)", cmdSetup},
		"redrive":  {"re-queue dossiers from the dead-letter stream", cmdRedrive},
		"process":  {"extract, validate and render local files, no servers", cmdProcess},
		"extract":  {"print the extracted record of each file as JSON", cmdExtract},
		"validate": {"evaluate a record or dossier against a rule set", cmdValidate},
		"rules":    {"list the embedded rule sets", cmdRules},
		"render":   {"render the letter for a record JSON", cmdRender},
		"version":  {"print the version", cmdVersion},
		"users":    {"manage accounts and API tokens (add, list, disable, reset, token …)", cmdUsers},
		"audit":    {"print the audit trail: who did what to which dossier", cmdAudit},
		"purge":    {"remove dossiers past the retention period (the audit trail stays)", cmdPurge},
	}
}

// Run executes the subcommand named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	cmds := commands()
	if len(args) == 0 {
		args = []string{"run"}
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		m.usage(cmds)
		return nil
	}
	c, ok := cmds[name]
	if !ok {
		m.usage(cmds)
		return fmt.Errorf("hoso: unknown command %q", name)
	}
	return c.run(ctx, m, args[1:])
}

func (m *Main) usage(cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(m.Stderr, "usage: hoso <command> [flags] [files]\n\ncommands:")
	for _, n := range names {
		fmt.Fprintf(m.Stderr, "  %-9s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(m.Stderr, "\nRun 'hoso <command> -h' for a command's flags.")
}

// flags returns a FlagSet that writes its usage to m.Stderr and reports
// errors instead of exiting.
func (m *Main) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("hoso "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	return fs
}

func main() {
	// A parsing child (package sandbox) serves and exits here, before any
	// flag or signal handling of the parent's.
	sandbox.Main()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

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
		"run":       {"run the whole pipeline on this machine: embedded NATS, folder buckets", cmdRun},
		"serve":     {"run workers and the HTTP API against MinIO and NATS", cmdServe},
		"setup":     {"create streams, KV, buckets and the bucket notification (idempotent)", cmdSetup},
		"redrive":   {"re-queue dossiers from the dead-letter stream", cmdRedrive},
		"status":    {"what happened to a file or dossier: state, verdict, error, letters, history", cmdStatus},
		"reprocess": {"re-queue finished dossiers (after a rule-set change): IDs, or --all [--since]", cmdReprocess},
		"process":   {"extract, validate and render local files, no servers", cmdProcess},
		"extract":   {"print the extracted record of each file as JSON", cmdExtract},
		"validate":  {"the verdict and every rule of record JSON files (not dossier files: see process)", cmdValidate},
		"rules":     {"list the embedded rule sets", cmdRules},
		"render":    {"render the letter of a validated record JSON", cmdRender},
		"version":   {"print the version, commit and commit time", cmdVersion},
		"users":     {"manage accounts and API tokens (add, list, disable, reset, token …)", cmdUsers},
		"audit":     {"print the audit trail: who did what to which dossier", cmdAudit},
		"purge":     {"remove dossiers past the retention period (the audit trail stays)", cmdPurge},
	}
}

// Run executes the subcommand named by args[0]. Bare 'hoso' prints the
// usage: people type it to see what the program does, and it must not
// start a server or create a data folder in the current directory.
func (m *Main) Run(ctx context.Context, args []string) error {
	cmds := commands()
	if len(args) == 0 {
		m.usage(cmds)
		return usageErrorf("hoso: which command? ('hoso run' starts the whole pipeline on this machine)")
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		m.usage(cmds)
		return nil
	}
	c, ok := cmds[name]
	if !ok {
		m.usage(cmds)
		return usageErrorf("hoso: unknown command %q", name)
	}
	return c.run(ctx, m, args[1:])
}

// Exit statuses, the same for every command:
//
//	0  done (also after -h)
//	1  a file was judged and refused: rejected, or not eligible where the
//	   command says so (process, extract, validate)
//	2  nothing was judged: a usage error, a missing file, a server or
//	   store that cannot be reached, a bad configuration
//
// A script can tell "the dossier is bad" from "the command did not run".
const (
	exitOK       = 0
	exitRejected = 1
	exitError    = 2
)

// rejectedError reports files that were read and refused: exit status 1.
type rejectedError struct{ msg string }

func (e *rejectedError) Error() string { return e.msg }

func rejectedf(format string, a ...any) error { return &rejectedError{fmt.Sprintf(format, a...)} }

// usageError is a command line that cannot be run as given.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// exitCode maps a command's error to the process's exit status.
func exitCode(err error) int {
	var re *rejectedError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &re):
		return exitRejected
	}
	return exitError
}

func (m *Main) usage(cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(m.Stderr, "usage: hoso <command> [flags] [files]\n\ncommands:")
	for _, n := range names {
		fmt.Fprintf(m.Stderr, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(m.Stderr, "\nRun 'hoso <command> -h' for a command's flags; - reads standard input where a file is expected.\n"+
		"Exit status: 0 done, 1 a file rejected or a record not eligible, 2 usage or environment error.")
}

// flags returns a FlagSet that writes its usage to m.Stderr, in the one
// flag style of every command (see printFlags), and reports errors
// instead of exiting.
func (m *Main) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("hoso "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "usage: hoso %s [flags]\n\nflags:\n", name)
		printFlags(fs, nil)
	}
	return fs
}

func main() {
	// A parsing child (package sandbox) serves and exits here, before any
	// flag or signal handling of the parent's.
	sandbox.Main()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	err := m.Run(ctx, os.Args[1:])
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(exitCode(err))
}

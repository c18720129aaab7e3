package sandbox

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/extract"
)

// ChildCommand is the argument that makes the executable a child.
const ChildCommand = "parse-child"

// Exit codes of a child, besides the Go runtime's 2 for a fatal error.
const (
	exitOK       = 0
	exitProtocol = 4 // the parent spoke nonsense
	exitCPU      = 5 // SIGXCPU: the file's CPU time ran out
)

// Main serves as a child and exits when the process was started as one
// (os.Args[1] == ChildCommand); otherwise it returns at once. Call it
// first thing in main and in TestMain of tests that start children.
func Main() {
	if len(os.Args) < 2 || os.Args[1] != ChildCommand {
		return
	}
	out, err := protocolOut()
	if err != nil {
		fmt.Fprintln(os.Stderr, "sandbox child:", err)
		os.Exit(exitProtocol)
	}
	os.Exit(Serve(os.Stdin, out, os.Stderr))
}

// Serve is the child's loop: one hello, then requests until in ends. It
// returns the exit code.
func Serve(in io.Reader, out io.Writer, stderr io.Writer) int {
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	br := bufio.NewReaderSize(in, 64<<10)
	dec := gob.NewDecoder(br) // br is an io.ByteReader: gob reads no further than its message
	bw := bufio.NewWriter(out)
	enc := gob.NewEncoder(bw)
	var h hello
	if err := dec.Decode(&h); err != nil {
		fmt.Fprintln(stderr, "sandbox child: no hello:", err)
		return exitProtocol
	}
	if err := limitMemory(h.Memory); err != nil {
		fmt.Fprintln(stderr, "sandbox child:", err)
		return exitProtocol
	}
	// The CPU limit is a soft RLIMIT_CPU: the kernel sends SIGXCPU when it
	// is reached, and the child ends with a code the parent knows.
	xcpu := make(chan os.Signal, 1)
	signal.Notify(xcpu, syscall.SIGXCPU)
	go func() {
		<-xcpu
		os.Exit(exitCPU)
	}()
	x := &extract.Extractor{Limits: h.Limits, Logger: log}
	if h.OCR != nil {
		x.OCR = extract.NewOCR(h.OCR.options(h.TempDir))
	}
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return exitOK
			}
			fmt.Fprintln(stderr, "sandbox child: bad request:", err)
			return exitProtocol
		}
		if req.Probe {
			if enc.Encode(response{Probe: probe()}) != nil || bw.Flush() != nil {
				return exitProtocol
			}
			continue
		}
		if err := limitCPU(h.CPU); err != nil {
			fmt.Fprintln(stderr, "sandbox child:", err)
			return exitProtocol
		}
		if limit := h.Limits.Defaults().MaxBytes; req.Size < 0 || limit >= 0 && req.Size > limit {
			fmt.Fprintln(stderr, "sandbox child: bad size", req.Size)
			return exitProtocol
		}
		data := make([]byte, req.Size)
		if _, err := io.ReadFull(br, data); err != nil {
			fmt.Fprintln(stderr, "sandbox child: short file:", err)
			return exitProtocol
		}
		t, err := x.Text(context.Background(), req.Name, bytes.NewReader(data), req.Size)
		big := len(data) > 8<<20
		data = nil
		if err := enc.Encode(response{Text: t, Err: toWireError(err)}); err != nil {
			return exitProtocol
		}
		if err := bw.Flush(); err != nil {
			return exitProtocol
		}
		if hoso.Code(err) == hoso.ETIMEOUT || hoso.Code(err) == hoso.EINTERNAL {
			// A reader abandoned at its deadline may still be running, and
			// a recovered panic may have left state behind: end here rather
			// than carry either into the next file.
			return exitOK
		}
		if big {
			debug.FreeOSMemory()
		}
	}
}

// limitMemory caps the address space at what the runtime has reserved so
// far plus extra bytes. The Go runtime reserves about 1 GB of address
// space it never touches at start, so an absolute RLIMIT_AS set before
// start kills it; set from inside, after start, the limit bounds exactly
// what parsing adds. The GC is also told, so it works harder before the
// wall.
func limitMemory(extra int64) error {
	if extra <= 0 {
		return nil
	}
	vm, err := vmSize()
	if err != nil {
		return err
	}
	lim := uint64(vm + extra)
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim}); err != nil {
		return fmt.Errorf("setrlimit RLIMIT_AS: %w", err)
	}
	debug.SetMemoryLimit(extra * 3 / 4)
	// With the memory limit as the bound, the collector may run less
	// often than the default: a DOCX costs a child fewer GC cycles.
	debug.SetGCPercent(400)
	return nil
}

// vmSize is the process's current address space in bytes.
func vmSize() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmSize:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("VmSize %q: %w", v, err)
			}
			return kb << 10, nil
		}
	}
	return 0, errors.New("no VmSize in /proc/self/status")
}

// limitCPU sets the soft CPU limit to the time used so far plus secs, so
// each file gets the same allowance in a reused child.
func limitCPU(secs int64) error {
	if secs <= 0 {
		return nil
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return fmt.Errorf("getrusage: %w", err)
	}
	usec := (ru.Utime.Sec+ru.Stime.Sec)*1_000_000 + int64(ru.Utime.Usec+ru.Stime.Usec)
	used := (usec + 999_999) / 1_000_000 // whole seconds, rounded up
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_CPU, &rl); err != nil {
		return fmt.Errorf("getrlimit RLIMIT_CPU: %w", err)
	}
	rl.Cur = min(uint64(used+secs), rl.Max)
	if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &rl); err != nil {
		return fmt.Errorf("setrlimit RLIMIT_CPU: %w", err)
	}
	return nil
}

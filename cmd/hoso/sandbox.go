package main

import (
	"context"
	"flag"
	"log/slog"
	"time"

	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/sandbox"
)

// wallFlags are the settings of the process wall around parsing, shared by
// every command that reads uploads.
type wallFlags struct {
	on       bool
	memoryMB int
	cpu      time.Duration
}

func (w *wallFlags) define(fs *flag.FlagSet, bind func(fl, env string)) {
	fs.BoolVar(&w.on, "sandbox", true, "parse files in child processes with memory, CPU and time limits and no network (false: in this process, for debugging only)")
	fs.IntVar(&w.memoryMB, "parse-memory-mb", 1024, "memory (address space) one parsing child may use, in MiB")
	fs.DurationVar(&w.cpu, "parse-cpu", time.Minute, "CPU time one file may take in its parsing child (OCR programs not counted)")
	if bind != nil {
		bind("sandbox", "HOSO_SANDBOX")
		bind("parse-memory-mb", "HOSO_PARSE_MEMORY_MB")
		bind("parse-cpu", "HOSO_PARSE_CPU")
	}
}

// texter puts x behind the process wall when it is on. children bounds the
// children running at once (0: one per core). close stops them.
func (w *wallFlags) texter(ctx context.Context, x *extract.Extractor, children int, log *slog.Logger) (dossier.Texter, func() error) {
	if !w.on {
		log.Warn("hoso: --sandbox=false: untrusted files are parsed inside this process")
		return x, func() error { return nil }
	}
	opt := sandbox.Options{Limits: x.Limits, Memory: int64(w.memoryMB) << 20, CPU: w.cpu, Children: children, Logger: log}
	if x.OCR != nil && x.OCR.Available() == nil {
		opt.OCR = &extract.OCROptions{}
	}
	tx := sandbox.New(opt)
	if p, err := tx.Probe(ctx); err != nil {
		log.Warn("hoso: parsing children do not start", "err", err)
	} else {
		log.Debug("hoso: parsing children", "network_isolated", p.Isolated, "address_space_mb", p.MemoryLimit>>20,
			"cpu_per_file", w.cpu)
	}
	return tx, tx.Close
}

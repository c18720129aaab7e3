package process

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/dossier"
	"github.com/hoso-vn/hoso/extract"
	"github.com/hoso-vn/hoso/render"
	"github.com/hoso-vn/hoso/validate"
)

// Pipeline is the Processor of the product: extract → validate → render,
// composed from the packages that own each step.
type Pipeline struct {
	Extractor *extract.Extractor // nil: default limits, no OCR
	// Texter, when set, turns bytes into text instead of Extractor (the
	// child-process wall around it).
	Texter dossier.Texter
	Rules  *validate.RuleSet // nil: validate.Default()
	Issuer *render.Issuer    // nil: render.DefaultIssuer()
	// PDF converts letters to PDF; nil makes DOCX only. A PDFPool gives
	// each worker its own LibreOffice.
	PDF interface {
		PDF(ctx context.Context, docx []byte) ([]byte, error)
	}
}

// Process implements Processor.
func (p *Pipeline) Process(ctx context.Context, in Input) (*Output, error) {
	stage := in.Stage
	if stage == nil {
		stage = func(string, time.Duration) {}
	}
	x := p.Extractor
	if x == nil {
		x = &extract.Extractor{}
	}
	rules := p.Rules
	if rules == nil {
		rules = validate.Default()
	}
	iss := p.Issuer
	if iss == nil {
		iss = render.DefaultIssuer()
	}

	start := time.Now()
	rd := dossier.Reader{Texter: p.Texter, Logger: x.Logger}
	if rd.Texter == nil {
		rd.Texter = x
	}
	rec, err := rd.Record(ctx, in.Key, in.R, in.Size)
	stage("extract", time.Since(start))
	if err != nil {
		if hoso.Transient(err) || ctx.Err() != nil || rec == nil {
			return nil, err
		}
		if rec.Verdict != hoso.VerdictRejected {
			rec.Reject(err)
		}
		return &Output{Record: rec}, nil
	}

	start = time.Now()
	rules.Apply(rec)
	stage("validate", time.Since(start))
	kind, ok := render.KindOf(rec)
	if !ok {
		return &Output{Record: rec}, nil
	}

	start = time.Now()
	docx, err := render.DOCX(rec, iss, in.Date)
	stage("render", time.Since(start))
	if err != nil {
		return nil, err
	}
	doc := Document{Kind: kind, Ext: "docx", ContentType: TypeDOCX, Data: docx}
	if p.PDF == nil {
		return &Output{Record: rec, Letters: []Document{doc}}, nil
	}
	start = time.Now()
	pdf, err := p.PDF.PDF(ctx, docx)
	stage("pdf", time.Since(start))
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		// The DOCX is the letter; the PDF is a convenience. Without
		// LibreOffice, deliver the DOCX alone at once; retry a stuck
		// converter, but on the last delivery deliver the DOCX alone
		// rather than no letter at all.
		if hoso.Code(err) == hoso.EUNSUPPORTED {
			doc.Skipped = "PDF skipped: " + err.Error()
			return &Output{Record: rec, Letters: []Document{doc}}, nil
		}
		if in.LastTry {
			doc.Skipped = "PDF conversion failed: " + err.Error()
			return &Output{Record: rec, Letters: []Document{doc}}, nil
		}
		return nil, hoso.Wrap(err, hoso.ETRANSIENT, "chuyển công văn sang PDF không thành công, sẽ thử lại",
			"converting the letter to PDF failed, will retry")
	}
	return &Output{Record: rec, Letters: []Document{doc, {Kind: kind, Ext: "pdf", ContentType: TypePDF, Data: pdf}}}, nil
}

// PDFPool shares up to Size LibreOffice converters among workers: a
// render.Converter does one conversion at a time, so a pool as large as
// Config.Workers keeps every worker busy. Converters start on first use.
type PDFPool struct {
	Options render.ConverterOptions
	Size    int // converters at most; 1 when zero

	mu    sync.Mutex
	idle  []*render.Converter
	all   []*render.Converter
	slots chan struct{}
}

// PDF implements the converter of Pipeline.PDF.
func (p *PDFPool) PDF(ctx context.Context, docx []byte) ([]byte, error) {
	p.mu.Lock()
	if p.slots == nil {
		p.slots = make(chan struct{}, max(p.Size, 1))
	}
	slots := p.slots
	p.mu.Unlock()
	select {
	case slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-slots }()

	p.mu.Lock()
	var c *render.Converter
	if n := len(p.idle); n > 0 {
		c, p.idle = p.idle[n-1], p.idle[:n-1]
	}
	p.mu.Unlock()
	if c == nil {
		var err error
		c, err = render.NewConverter(ctx, p.Options)
		if err != nil {
			if hoso.Code(err) == hoso.EUNSUPPORTED {
				return nil, err // not installed: no retry can help
			}
			return nil, hoso.Wrap(err, hoso.ETRANSIENT, "không khởi động được LibreOffice", "cannot start LibreOffice")
		}
		p.mu.Lock()
		p.all = append(p.all, c)
		p.mu.Unlock()
	}
	defer func() {
		p.mu.Lock()
		p.idle = append(p.idle, c)
		p.mu.Unlock()
	}()
	return c.PDF(ctx, docx)
}

// Close stops every converter.
func (p *PDFPool) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []error
	for _, c := range p.all {
		if err := c.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	p.all, p.idle = nil, nil
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("process: close converters: %w", err)
	}
	return nil
}

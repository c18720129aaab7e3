package process

import (
	"context"
	"io"
	"time"

	"github.com/hoso-vn/hoso"
)

// Processor turns one uploaded file into a record and its letters. The
// service owns everything around it — state, storage, events, retries — so
// a Processor only reads bytes and returns results.
//
// An error means no record could be made: hoso.Transient(err) is retried
// later, any other code fails the dossier for good (verdict rejected).
type Processor interface {
	Process(ctx context.Context, in Input) (*Output, error)
}

// Input is one file to process.
type Input struct {
	DossierID string
	Bucket    string
	Key       string // the object key, also the file name shown in evidence
	ETag      string
	R         io.ReaderAt
	Size      int64
	// Date is the letter's date: the upload's modification time in
	// Config.Location, so a redelivery renders the same letter.
	Date hoso.Date
	// LastTry is set on the last delivery before the dead letters: a
	// processor may then give up on an optional step (the PDF) rather than
	// the whole dossier.
	LastTry bool
	// Stage is called when a stage ends ("extract", "validate", "render",
	// "pdf"), with its duration, for state and metrics. Never nil when the
	// service calls.
	Stage func(stage string, took time.Duration)
}

// Output is the result of processing one file.
type Output struct {
	// Record is the validated record; the service fills Record.Letter with
	// the letter keys and writes it as record.json.
	Record *hoso.Record
	// Letters are the rendered documents, DOCX first. Empty when the
	// record gets no letter.
	Letters []Document
}

// Document is one rendered letter file.
type Document struct {
	Kind        hoso.LetterKind
	Ext         string // "docx" or "pdf"
	ContentType string
	Data        []byte
	// Skipped, when set on the DOCX, is why no PDF was made although one
	// was asked for (converter unavailable on the last delivery).
	Skipped string
}

// Content types of letters.
const (
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypePDF  = "application/pdf"
)

// ProcessFunc adapts a function to Processor.
type ProcessFunc func(ctx context.Context, in Input) (*Output, error)

func (f ProcessFunc) Process(ctx context.Context, in Input) (*Output, error) { return f(ctx, in) }

// LetterOf describes rendered documents as a record's letter, each stored
// under the name keyOf gives it. It returns nil when there are none.
func LetterOf(docs []Document, keyOf func(Document) string) *hoso.Letter {
	var l *hoso.Letter
	for _, d := range docs {
		if l == nil {
			l = &hoso.Letter{Kind: d.Kind}
		}
		switch d.Ext {
		case "docx":
			l.DOCX = keyOf(d)
			l.PDFSkipped = d.Skipped
		case "pdf":
			l.PDF = keyOf(d)
		}
	}
	return l
}

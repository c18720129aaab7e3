package ingest

import (
	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/process"
)

// The processing steps live in package process, which the service, `hoso
// process` and the workspace share; these names keep ingest's API as it was.
type (
	Processor   = process.Processor
	Input       = process.Input
	Output      = process.Output
	Document    = process.Document
	ProcessFunc = process.ProcessFunc
	Pipeline    = process.Pipeline
	PDFPool     = process.PDFPool
)

// Content types of letters.
const (
	TypeDOCX = process.TypeDOCX
	TypePDF  = process.TypePDF
)

// LetterOf is process.LetterOf.
func LetterOf(docs []Document, keyOf func(Document) string) *hoso.Letter {
	return process.LetterOf(docs, keyOf)
}

package forms

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/hoso-vn/hoso/internal/corpus"
)

// doc is a document in a model small enough for two writers: the
// project's own DOCX writer (corpus.Document) and python-docx, which gets
// it as JSON. Papers are rendered once into this model, so the same paper
// written by two producers says the same words.
type doc struct {
	Blocks []block
	// TwoCol lays the whole section out in two newspaper columns
	// (w:cols w:num="2"), as some committees print to save paper.
	TwoCol bool
}

// block is a para, a table or a pageBreak.
type block interface{ isBlock() }

type para struct {
	Runs   []run
	Align  string // "", "center", "right", "both"
	Size   int    // half-points; 0 = default 13 pt
	Indent int    // first-line indent, twips
}

type run struct {
	Text                    string // '\n' is a line break, '\t' a tab
	Bold, Italic, Underline bool
}

type table struct {
	Widths     []int // twips
	Rows       [][]cell
	Borderless bool
}

type cell struct {
	Paras []para
	Span  int // columns spanned
	// VMerge is 1 on the first cell of a vertically merged group and 2 on
	// the cells it swallows (whose Paras are empty).
	VMerge int
}

type pageBreak struct{}

func (para) isBlock()      {}
func (table) isBlock()     {}
func (pageBreak) isBlock() {}

// txt is a one-run paragraph.
func txt(s string) para { return para{Runs: []run{{Text: s}}} }

// own converts d to the corpus writer's model. A vertically merged cell
// becomes its first cell and empty cells below it: the same text, without
// the w:vMerge element the writer does not have.
func (d *doc) own() *corpus.Document {
	out := &corpus.Document{}
	for _, b := range d.Blocks {
		switch x := b.(type) {
		case para:
			out.Body = append(out.Body, ownPara(x))
		case table:
			t := corpus.Table{Widths: x.Widths, Borderless: x.Borderless}
			for _, r := range x.Rows {
				var row []corpus.Cell
				for _, c := range r {
					oc := corpus.Cell{Span: c.Span}
					for _, p := range c.Paras {
						oc.Paras = append(oc.Paras, ownPara(p))
					}
					row = append(row, oc)
				}
				t.Rows = append(t.Rows, row)
			}
			out.Body = append(out.Body, t)
		case pageBreak:
			out.Body = append(out.Body, corpus.PageBreak{})
		}
	}
	return out
}

func ownPara(p para) corpus.Paragraph {
	op := corpus.Paragraph{Align: p.Align, Size: p.Size, Indent: p.Indent}
	for _, r := range p.Runs {
		// The corpus writer has no underline; the headings that carry one
		// keep their words.
		op.Runs = append(op.Runs, corpus.Run{Text: r.Text, Bold: r.Bold, Italic: r.Italic})
	}
	return op
}

// ownDOCX writes d with the corpus writer, adding the two-column section
// property the writer does not know. wordLike cuts runs mid-word with
// proofing marks and puts non-breaking spaces after "ngày", "năm"…, as
// Word leaves a document that has been edited.
func (d *doc) ownDOCX(wordLike bool) ([]byte, error) {
	b, err := d.own().DOCX(corpus.WriteOptions{Author: "Văn phòng", SplitRuns: wordLike, NBSP: wordLike})
	if err != nil {
		return nil, err
	}
	if !d.TwoCol {
		return b, nil
	}
	return rezip(b, func(name string, data []byte) []byte {
		if name != "word/document.xml" {
			return data
		}
		return bytes.Replace(data, []byte(`</w:sectPr>`), []byte(`<w:cols w:num="2" w:space="567"/></w:sectPr>`), 1)
	})
}

// pyJSON is the paragraph/table list pydocx.py builds a document from.
func (d *doc) pyJSON() map[string]any {
	var blocks []any
	for _, b := range d.Blocks {
		switch x := b.(type) {
		case para:
			blocks = append(blocks, pyPara(x))
		case table:
			var rows []any
			for _, r := range x.Rows {
				var cells []any
				for _, c := range r {
					var ps []any
					for _, p := range c.Paras {
						ps = append(ps, pyPara(p))
					}
					cells = append(cells, map[string]any{"paras": ps, "span": max(c.Span, 1), "vmerge": c.VMerge})
				}
				rows = append(rows, cells)
			}
			blocks = append(blocks, map[string]any{"t": "tbl", "widths": x.Widths, "rows": rows, "borderless": x.Borderless})
		case pageBreak:
			blocks = append(blocks, map[string]any{"t": "br"})
		}
	}
	cols := 1
	if d.TwoCol {
		cols = 2
	}
	return map[string]any{"blocks": blocks, "cols": cols}
}

func pyPara(p para) map[string]any {
	var runs []any
	for _, r := range p.Runs {
		runs = append(runs, map[string]any{"text": r.Text, "b": r.Bold, "i": r.Italic, "u": r.Underline})
	}
	return map[string]any{"t": "p", "runs": runs, "align": p.Align, "size": p.Size, "indent": p.Indent}
}

// text is the document's words in reading order, one paragraph a line;
// the tests use it to check that a paper says what the truth claims.
func (d *doc) text() string {
	var b strings.Builder
	var ps func(p para)
	ps = func(p para) {
		for _, r := range p.Runs {
			b.WriteString(r.Text)
		}
		b.WriteByte('\n')
	}
	for _, bl := range d.Blocks {
		switch x := bl.(type) {
		case para:
			ps(x)
		case table:
			for _, r := range x.Rows {
				for _, c := range r {
					for _, p := range c.Paras {
						ps(p)
					}
				}
			}
		}
	}
	return b.String()
}

// rezip rewrites a ZIP (a DOCX) member by member through edit, stamping
// every member with corpus.ZipTime so that files written by python-docx
// or LibreOffice, which stamp the current time, are reproducible.
func rezip(data []byte, edit func(name string, data []byte) []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("forms: rezip: %w", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("forms: rezip %s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("forms: rezip %s: %w", f.Name, err)
		}
		if edit != nil {
			b = edit(f.Name, b)
		}
		if err := corpus.AddZipFile(zw, f.Name, b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("forms: rezip: %w", err)
	}
	return buf.Bytes(), nil
}

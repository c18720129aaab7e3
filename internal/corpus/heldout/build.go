package heldout

import (
	"archive/zip"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/corpus/scan"
)

//go:embed pydocx.py
var pydocxScript []byte

// Env names the outside programs the producers need. The zero value uses
// soffice from PATH, Debian's /usr/bin/python3 and a LibreOffice profile
// of its own (so it never collides with the other corpus generator's).
type Env struct {
	Soffice string
	Profile string
	Python  string
}

func (e Env) soffice() string { return or(e.Soffice, "soffice") }
func (e Env) profile() string { return or(e.Profile, "/tmp/hoso-heldout-lo") }
func (e Env) python() string  { return or(e.Python, "/usr/bin/python3") }

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Built is a generated corpus file.
type Built struct {
	Name   string
	Data   []byte
	Format hoso.Format
}

// Build writes the case as its file.
func (c *Case) Build(ctx context.Context, e Env) (Built, error) {
	if err := c.Check(); err != nil {
		return Built{}, err
	}
	all := c.Document(c.Papers...)
	switch c.Out {
	case OutDOCX:
		b, err := c.docx(ctx, e, all)
		return Built{c.ID + ".docx", b, hoso.FormatDOCX}, err
	case OutPDF:
		b, err := c.pdf(ctx, e, all)
		return Built{c.ID + ".pdf", b, hoso.FormatPDFText}, err
	case OutScanPDF, OutJPEG, OutPNG:
		src, err := c.pdf(ctx, e, all)
		if err != nil {
			return Built{}, err
		}
		v, ok := variant(c.Scan)
		if !ok {
			return Built{}, fmt.Errorf("heldout: %s: no scan variant %q", c.ID, c.Scan)
		}
		seed := seedOf(c.ID)
		if c.Out == OutScanPDF {
			b, err := scan.PDF(ctx, src, v, seed)
			return Built{c.ID + ".pdf", b, hoso.FormatPDFScan}, err
		}
		pages, err := scan.Pages(ctx, src, v, seed)
		if err != nil {
			return Built{}, err
		}
		if c.Out == OutJPEG {
			return Built{c.ID + ".jpg", pages[0].JPEG, hoso.FormatImage}, nil
		}
		b, err := scan.PNG(ctx, pages[0].JPEG)
		return Built{c.ID + ".png", b, hoso.FormatImage}, err
	case OutZIP:
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i, p := range c.Papers {
			doc := c.Document(p)
			var data []byte
			var err error
			if strings.HasSuffix(c.Members[i], ".pdf") {
				data, err = c.pdf(ctx, e, doc)
			} else {
				data, err = c.docx(ctx, e, doc)
			}
			if err != nil {
				return Built{}, err
			}
			if err := corpus.AddZipFile(zw, c.Members[i], data); err != nil {
				return Built{}, err
			}
		}
		if err := zw.Close(); err != nil {
			return Built{}, fmt.Errorf("heldout: %s: %w", c.ID, err)
		}
		return Built{c.ID + ".zip", buf.Bytes(), hoso.FormatZIP}, nil
	}
	return Built{}, fmt.Errorf("heldout: %s: unknown output %d", c.ID, c.Out)
}

// variant returns a scan variant of internal/corpus/scan or one of ours,
// which keep pages small enough for a 400 KB dossier: a clean 300 dpi
// office scan, a fax-like 200 dpi scan and a 200 dpi phone photo.
func variant(name string) (scan.Variant, bool) {
	switch name {
	case "scan300l":
		return scan.Variant{Name: name, DPI: 300, Rotate: 0.6, Blur: 0.8, Noise: 0.03, Quality: 26}, true
	case "fax200":
		return scan.Variant{Name: name, DPI: 200, Rotate: -0.5, Blur: 0.4, Noise: 0.15, Quality: 40}, true
	case "photo200":
		return scan.Variant{Name: name, DPI: 200, Rotate: 1.1, Blur: 0.6, Noise: 0.25, Quality: 55, Photo: true}, true
	}
	v, ok := scan.Variants[name]
	return v, ok
}

func seedOf(id string) int {
	s := 17
	for _, r := range id {
		s = s*31 + int(r)
	}
	return s & 0xffff
}

// Document joins papers, each starting on a new page.
func (c *Case) Document(papers ...Paper) *corpus.Document {
	d := &corpus.Document{}
	for i, p := range papers {
		if i > 0 {
			d.Body = append(d.Body, corpus.PageBreak{})
		}
		bs := p.Blocks(c)
		if c.Sloppy {
			bs = sloppy(bs)
		}
		d.Body = append(d.Body, bs...)
	}
	return d
}

// sloppy types the papers the way a hurried clerk does: a tab after a
// bold label's colon, two spaces after a full stop. Values are untouched.
func sloppy(bs []corpus.Block) []corpus.Block {
	out := make([]corpus.Block, 0, len(bs))
	var para func(p corpus.Paragraph) corpus.Paragraph
	para = func(p corpus.Paragraph) corpus.Paragraph {
		runs := append([]corpus.Run(nil), p.Runs...)
		for i, r := range runs {
			switch {
			case r.Bold && strings.HasSuffix(r.Text, ": ") && i+1 < len(runs):
				runs[i].Text = strings.TrimSuffix(r.Text, " ") + "\t"
			case !r.Bold && !r.Italic:
				runs[i].Text = strings.ReplaceAll(r.Text, ". ", ".  ")
			}
		}
		p.Runs = runs
		return p
	}
	for _, b := range bs {
		switch x := b.(type) {
		case corpus.Paragraph:
			out = append(out, para(x))
		case corpus.Table:
			rows := make([][]corpus.Cell, len(x.Rows))
			for i, row := range x.Rows {
				rows[i] = make([]corpus.Cell, len(row))
				for j, c := range row {
					ps := make([]corpus.Paragraph, len(c.Paras))
					for k, p := range c.Paras {
						ps[k] = para(p)
					}
					rows[i][j] = corpus.Cell{Paras: ps, Span: c.Span}
				}
			}
			x.Rows = rows
			out = append(out, x)
		default:
			out = append(out, b)
		}
	}
	return out
}

// docx writes the document with the case's producer.
func (c *Case) docx(ctx context.Context, e Env, d *corpus.Document) ([]byte, error) {
	switch c.Producer {
	case ProdPythonDocx:
		return pythonDocx(ctx, e, d, c.Columns)
	case ProdLibreOffice:
		b, err := d.DOCX(corpus.WriteOptions{})
		if err != nil {
			return nil, err
		}
		out, err := convert(ctx, e, b, "docx", "docx:MS Word 2007 XML")
		if err != nil {
			return nil, err
		}
		return normalize(out)
	}
	return d.DOCX(corpus.WriteOptions{})
}

// pdf converts the document to a text PDF with LibreOffice. Two-column
// layouts come from python-docx, which can set section columns.
func (c *Case) pdf(ctx context.Context, e Env, d *corpus.Document) ([]byte, error) {
	var b []byte
	var err error
	if c.Columns > 1 || c.Producer == ProdPythonDocx {
		b, err = pythonDocx(ctx, e, d, c.Columns)
	} else {
		b, err = d.DOCX(corpus.WriteOptions{})
	}
	if err != nil {
		return nil, err
	}
	return convert(ctx, e, b, "docx", "pdf")
}

// convert runs LibreOffice headless with an output filter ("pdf",
// "docx:MS Word 2007 XML") and returns the file it wrote.
func convert(ctx context.Context, e Env, data []byte, ext, filter string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "hoso-heldout-")
	if err != nil {
		return nil, fmt.Errorf("heldout: convert: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in."+ext)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		return nil, fmt.Errorf("heldout: convert: %w", err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, e.soffice(), "--headless", "-env:UserInstallation=file://"+e.profile(),
		"--convert-to", filter, "--outdir", out, in)
	if o, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("heldout: soffice %s: %w: %s", filter, err, o)
	}
	to, _, _ := strings.Cut(filter, ":")
	b, err := os.ReadFile(filepath.Join(out, "in."+to))
	if err != nil {
		return nil, fmt.Errorf("heldout: soffice made no %s: %w", to, err)
	}
	return b, nil
}

// The JSON model pydocx.py reads.
type pyRun struct {
	Text   string `json:"text"`
	Bold   bool   `json:"b,omitempty"`
	Italic bool   `json:"i,omitempty"`
}

type pyPara struct {
	T      string  `json:"t"`
	Runs   []pyRun `json:"runs,omitempty"`
	Align  string  `json:"align,omitempty"`
	Size   int     `json:"size,omitempty"`
	Indent int     `json:"indent,omitempty"`
}

type pyCell struct {
	Paras []pyPara `json:"paras"`
}

type pyBlock struct {
	pyPara
	Widths     []int      `json:"widths,omitempty"`
	Borderless bool       `json:"borderless,omitempty"`
	Rows       [][]pyCell `json:"rows,omitempty"`
}

func toPy(p corpus.Paragraph) pyPara {
	q := pyPara{T: "p", Align: p.Align, Size: p.Size, Indent: p.Indent}
	for _, r := range p.Runs {
		q.Runs = append(q.Runs, pyRun{r.Text, r.Bold || p.Bold, r.Italic})
	}
	return q
}

func pythonDocx(ctx context.Context, e Env, d *corpus.Document, columns int) ([]byte, error) {
	spec := struct {
		Columns int       `json:"columns"`
		Font    string    `json:"font"`
		Size    int       `json:"size"`
		Blocks  []pyBlock `json:"blocks"`
	}{Columns: max(columns, 1), Font: "Times New Roman", Size: 13}
	if columns > 1 {
		spec.Size = 11
	}
	for _, b := range d.Body {
		switch x := b.(type) {
		case corpus.Paragraph:
			spec.Blocks = append(spec.Blocks, pyBlock{pyPara: toPy(x)})
		case corpus.PageBreak:
			spec.Blocks = append(spec.Blocks, pyBlock{pyPara: pyPara{T: "break"}})
		case corpus.Table:
			t := pyBlock{pyPara: pyPara{T: "table"}, Widths: fit(x.Widths, columns), Borderless: x.Borderless}
			for _, row := range x.Rows {
				var r []pyCell
				for _, c := range row {
					var ps []pyPara
					for _, p := range c.Paras {
						ps = append(ps, toPy(p))
					}
					r = append(r, pyCell{ps})
				}
				t.Rows = append(t.Rows, r)
			}
			spec.Blocks = append(spec.Blocks, t)
		default:
			return nil, fmt.Errorf("heldout: python-docx: unsupported block %T", b)
		}
	}
	js, err := json.Marshal(spec)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "hoso-heldout-py-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	script, out := filepath.Join(dir, "pydocx.py"), filepath.Join(dir, "out.docx")
	if err := os.WriteFile(script, pydocxScript, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, e.python(), script, out)
	cmd.Stdin = bytes.NewReader(js)
	if o, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("heldout: python-docx: %w: %s", err, o)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	return normalize(b)
}

// fit narrows table columns to a page column when the page has two:
// python-docx keeps the widths it is given, and LibreOffice clips what
// runs past the column.
func fit(widths []int, columns int) []int {
	if columns < 2 {
		return widths
	}
	avail := (11906 - 1701 - 1134 - 425) / columns
	sum := 0
	for _, w := range widths {
		sum += w
	}
	if sum <= avail {
		return widths
	}
	out := make([]int, len(widths))
	for i, w := range widths {
		out[i] = w * avail / sum
	}
	return out
}

var (
	reW3CDTF = regexp.MustCompile(`(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)`)
	reApp    = regexp.MustCompile(`<TotalTime>[^<]*</TotalTime>`)
	reRsid   = regexp.MustCompile(`<w:rsids>.*?</w:rsids>`)
)

// normalize rewrites a DOCX made by another program so that it is
// byte-for-byte reproducible: fixed ZIP times, fixed document dates, no
// editing-session ids.
func normalize(docx []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, fmt.Errorf("heldout: normalize: %w", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("heldout: normalize %s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("heldout: normalize %s: %w", f.Name, err)
		}
		switch f.Name {
		case "docProps/core.xml":
			b = reW3CDTF.ReplaceAll(b, []byte("${1}2020-01-01T08:00:00Z${2}"))
		case "docProps/app.xml":
			b = reApp.ReplaceAll(b, []byte("<TotalTime>0</TotalTime>"))
		case "word/settings.xml":
			b = reRsid.ReplaceAll(b, nil)
		}
		if err := corpus.AddZipFile(zw, f.Name, b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FileName is the name and format of the file the case becomes.
func (c *Case) FileName() (string, hoso.Format) {
	switch c.Out {
	case OutDOCX:
		return c.ID + ".docx", hoso.FormatDOCX
	case OutPDF:
		return c.ID + ".pdf", hoso.FormatPDFText
	case OutScanPDF:
		return c.ID + ".pdf", hoso.FormatPDFScan
	case OutJPEG:
		return c.ID + ".jpg", hoso.FormatImage
	case OutPNG:
		return c.ID + ".png", hoso.FormatImage
	}
	return c.ID + ".zip", hoso.FormatZIP
}

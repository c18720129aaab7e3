package corpus

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/hoso-vn/hoso"
)

// Office converts documents with LibreOffice in headless mode.
type Office struct {
	// Bin is the soffice program; empty means "soffice" from PATH.
	Bin string
	// Profile is the LibreOffice user installation directory, kept apart
	// from any desktop profile; empty means /tmp/hoso-corpus-lo.
	Profile string
}

// Convert turns data (a file with extension ext, e.g. "docx") into the
// format to ("pdf", "doc") and returns the result. A nil Office uses the
// defaults.
func (o *Office) Convert(ctx context.Context, data []byte, ext, to string) ([]byte, error) {
	if o == nil {
		o = &Office{}
	}
	bin, profile := o.Bin, o.Profile
	if bin == "" {
		bin = "soffice"
	}
	if profile == "" {
		profile = "/tmp/hoso-corpus-lo"
	}
	dir, err := os.MkdirTemp("", "hoso-corpus-")
	if err != nil {
		return nil, fmt.Errorf("corpus: convert: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in."+ext)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		return nil, fmt.Errorf("corpus: convert: %w", err)
	}
	filter := to
	if to == "doc" {
		filter = `doc:MS Word 97`
	}
	cmd := exec.CommandContext(ctx, bin, "--headless", "-env:UserInstallation=file://"+profile,
		"--convert-to", filter, "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("corpus: soffice %s→%s: %w: %s", ext, to, err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "in."+to))
	if err != nil {
		return nil, fmt.Errorf("corpus: soffice made no %s: %w", to, err)
	}
	return b, nil
}

// writeOptions are the DOCX options the dossier's style implies.
func (d *Dossier) writeOptions() WriteOptions {
	return WriteOptions{Encoding: d.Style.Encoding, SplitRuns: d.Style.SplitRuns, NBSP: d.Style.NBSP, Author: "Nguyễn Văn Bình"}
}

// DOCX returns the papers of kinds (all when none) as one DOCX.
func (d *Dossier) DOCX(kinds ...DocKind) ([]byte, error) {
	return d.Document(kinds...).DOCX(d.writeOptions())
}

// Built is a generated corpus file.
type Built struct {
	Name   string // file name, relative to the corpus directory
	Data   []byte
	Format hoso.Format
}

// Build writes the dossier as the file its Pack asks for, with the
// extension ext (empty: the natural one).
func (d *Dossier) Build(ctx context.Context, o *Office, ext string) (Built, error) {
	if err := d.Check(); err != nil {
		return Built{}, err
	}
	switch d.Pack.Kind {
	case PackDOCX:
		b, err := d.DOCX()
		return Built{Name: d.ID + dot(ext, "docx"), Data: b, Format: hoso.FormatDOCX}, err
	case PackPDF:
		b, err := d.pdf(ctx, o)
		return Built{Name: d.ID + dot(ext, "pdf"), Data: b, Format: hoso.FormatPDFText}, err
	case PackZIP:
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		folder := ""
		if d.Pack.MacOS {
			folder = norm.NFD.String("Hồ sơ kết nạp") + "/"
			if _, err := zw.CreateHeader(&zip.FileHeader{Name: folder, Modified: ZipTime()}); err != nil {
				return Built{}, err
			}
		}
		for _, p := range d.Pack.Parts {
			var data []byte
			var err error
			switch {
			case p.Photo:
				data, err = PhotoJPEG(d.Person.Male)
			case p.PDF:
				data, err = d.pdf(ctx, o, p.Docs...)
			default:
				data, err = d.DOCX(p.Docs...)
			}
			if err != nil {
				return Built{}, err
			}
			name := p.Name
			if d.Pack.MacOS {
				name = folder + norm.NFD.String(name)
			}
			if err := AddZipFile(zw, name, data); err != nil {
				return Built{}, err
			}
			if d.Pack.MacOS {
				if err := AddZipFile(zw, "__MACOSX/"+folder+"._"+norm.NFD.String(p.Name), appleDouble()); err != nil {
					return Built{}, err
				}
			}
		}
		if err := zw.Close(); err != nil {
			return Built{}, fmt.Errorf("corpus: %s: %w", d.ID, err)
		}
		return Built{Name: d.ID + dot(ext, "zip"), Data: buf.Bytes(), Format: hoso.FormatZIP}, nil
	}
	return Built{}, fmt.Errorf("corpus: %s: unknown pack %d", d.ID, d.Pack.Kind)
}

// appleDouble is the resource-fork file macOS puts in __MACOSX: not a
// document, though its name ends in .docx.
func appleDouble() []byte {
	b := []byte{0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00}
	b = append(b, "Mac OS X        "...)
	b = append(b, 0x00, 0x02, // two entries
		0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x32, 0x00, 0x00, 0x0e, 0xb0, // Finder info
		0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x0e, 0xe2, 0x00, 0x00, 0x01, 0x1e) // resource fork
	b = append(b, make([]byte, 0x32-len(b))...)
	b = append(b, "ATTR"...)
	return append(b, make([]byte, 64)...)
}

func dot(ext, def string) string {
	if ext == "" {
		ext = def
	}
	return "." + ext
}

func (d *Dossier) pdf(ctx context.Context, o *Office, kinds ...DocKind) ([]byte, error) {
	if d.Style.Tracked || d.Style.TrackedRow {
		// LibreOffice would print the deletions too.
		return nil, fmt.Errorf("corpus: %s: tracked changes in a PDF source", d.ID)
	}
	b, err := d.DOCX(kinds...)
	if err != nil {
		return nil, err
	}
	return o.Convert(ctx, b, "docx", "pdf")
}

// Check reports mistakes in the specification: dates that do not exist,
// papers without the dates they print.
func (d *Dossier) Check() error {
	bad := func(what string, t hoso.Date) error {
		return fmt.Errorf("corpus: %s: %s %v is not a date", d.ID, what, t)
	}
	if !d.Person.Born.IsZero() && !d.Person.Born.Valid() {
		return bad("birth", d.Person.Born)
	}
	for i, t := range d.documentDates() {
		if !t.Valid() {
			return bad(fmt.Sprintf("paper %d", i), t)
		}
	}
	for _, a := range d.Awards {
		if a.Number != "" && !a.Date.Valid() {
			return bad("award decision", a.Date)
		}
	}
	if !d.Style.Prose && (d.Style.Numbered || d.Style.Tabs) {
		return fmt.Errorf("corpus: %s: numbered/tab layout needs prose", d.ID)
	}
	if d.Style.Prose && (d.Style.Merged || d.Style.TrackedRow) {
		return fmt.Errorf("corpus: %s: table layout options on a prose appraisal", d.ID)
	}
	if d.Style.NBSP && d.Style.Encoding != Unicode {
		return fmt.Errorf("corpus: %s: non-breaking spaces only in Unicode text", d.ID)
	}
	if strings.TrimSpace(d.Person.Name) == "" {
		return fmt.Errorf("corpus: %s: no name", d.ID)
	}
	return nil
}

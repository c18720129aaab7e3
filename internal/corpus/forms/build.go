package forms

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
	"github.com/hoso-vn/hoso/internal/corpus/scan"
)

// Tools are the outside programs the generator runs.
type Tools struct {
	Soffice string // LibreOffice; "soffice" when empty
	Python  string // Debian's python3 with python3-docx; "/usr/bin/python3" when empty
	Script  string // pydocx.py; required for python-docx cases
	// Profile is LibreOffice's user installation, kept apart from any
	// desktop profile; /tmp/hoso-forms-lo when empty.
	Profile string
}

// Built is one generated corpus file and its truth.
type Built struct {
	Name  string
	Data  []byte
	Truth corpus.Truth
}

// unit is one DOCX the generator writes: a whole dossier, or one paper of
// a ZIP dossier.
type unit struct {
	c      *Case
	papers []Paper
	pdf    bool // printed to PDF
	name   string

	docx, out []byte
}

// Generate writes every case. The stages run in batches so that
// python-docx and LibreOffice start once for all files, not once a file.
func Generate(ctx context.Context, t Tools, cases []Case) ([]Built, error) {
	if t.Soffice == "" {
		t.Soffice = "soffice"
	}
	if t.Python == "" {
		t.Python = "/usr/bin/python3"
	}
	if t.Profile == "" {
		t.Profile = "/tmp/hoso-forms-lo"
	}
	var units [][]*unit // per case
	for i := range cases {
		if err := cases[i].Check(); err != nil {
			return nil, err
		}
		units = append(units, splitCase(&cases[i]))
	}

	// 1. The source DOCX of each unit, by its writer.
	var py []*unit
	for _, us := range units {
		for _, u := range us {
			switch u.c.writer() {
			case PyDocx:
				py = append(py, u)
			default:
				b, err := u.c.renderUnit(u).ownDOCX(u.c.WordLike)
				if err != nil {
					return nil, fmt.Errorf("forms: %s: %w", u.c.ID, err)
				}
				u.docx = b
			}
		}
	}
	if err := t.pythonDocx(ctx, py); err != nil {
		return nil, err
	}

	// 2. LibreOffice: DOCX saved again, and PDFs.
	var resave, print []*unit
	for _, us := range units {
		for _, u := range us {
			switch {
			case u.pdf:
				print = append(print, u)
			case u.c.Producer == LibreOffice:
				resave = append(resave, u)
			default:
				u.out = u.docx
			}
		}
	}
	if err := t.office(ctx, resave, "docx:MS Word 2007 XML", "docx"); err != nil {
		return nil, err
	}
	if err := t.office(ctx, print, "pdf", "pdf"); err != nil {
		return nil, err
	}

	// 3. Package: scans, ZIPs, single files.
	var out []Built
	for i, us := range units {
		c := &cases[i]
		b, err := c.pack(ctx, us, 7000+100*i)
		if err != nil {
			return nil, fmt.Errorf("forms: %s: %w", c.ID, err)
		}
		out = append(out, b)
	}
	return out, nil
}

// writer is the program that writes the case's first DOCX.
func (c *Case) writer() Producer {
	if c.Producer == LibreOffice {
		return c.Source
	}
	return c.Producer
}

// splitCase decides the DOCX files a case needs.
func splitCase(c *Case) []*unit {
	ps := c.Papers()
	switch c.Out {
	case OutZIP:
		var us []*unit
		for i, p := range ps {
			u := &unit{c: c, papers: []Paper{p}, pdf: i%2 == 1}
			u.name = memberName(c, i, p, u.pdf)
			us = append(us, u)
		}
		return us
	case OutDOCX:
		return []*unit{{c: c, papers: ps}}
	}
	return []*unit{{c: c, papers: ps, pdf: true}}
}

func (c *Case) renderUnit(u *unit) *doc { return c.Render(u.papers) }

var memberNames = map[Kind]string{
	KCover: "To_trinh", KChungNhan: "Giay_chung_nhan_boi_duong", KDon: "Don_xin_vao_Dang", KLyLich: "Ly_lich",
	KGioiThieu: "Giay_gioi_thieu", KNQDoan: "Nghi_quyet_Doan", KNQCongDoan: "Nghi_quyet_Cong_doan", KTongHop: "Tong_hop_y_kien",
	KResolution: "Nghi_quyet_chi_bo", KPhieu: "Phieu_danh_gia", KNhanXet: "Nhan_xet_don_vi", KDecision: "QD_khen_thuong",
}

func memberName(c *Case, i int, p Paper, pdf bool) string {
	n := memberNames[p.Kind]
	switch p.Kind {
	case KPhieu:
		n += "_" + strconv.Itoa(p.Year)
	case KDecision:
		n += "_" + strconv.Itoa(c.Awards[p.Award].Year)
	case KGioiThieu:
		n += "_" + strconv.Itoa(p.Intro+1)
	}
	ext := ".docx"
	if pdf {
		ext = ".pdf"
	}
	return fmt.Sprintf("%02d_%s%s", i+1, n, ext)
}

// pythonDocx writes the units' DOCX with pydocx.py in one run.
func (t Tools) pythonDocx(ctx context.Context, us []*unit) error {
	if len(us) == 0 {
		return nil
	}
	if t.Script == "" {
		return fmt.Errorf("forms: python-docx cases need Tools.Script (pydocx.py)")
	}
	dir, err := os.MkdirTemp("", "hoso-forms-py-")
	if err != nil {
		return fmt.Errorf("forms: %w", err)
	}
	defer os.RemoveAll(dir)
	var jobs []map[string]any
	for i, u := range us {
		jobs = append(jobs, map[string]any{"out": filepath.Join(dir, fmt.Sprintf("%03d.docx", i)), "doc": u.c.renderUnit(u).pyJSON()})
	}
	js, err := json.Marshal(jobs)
	if err != nil {
		return fmt.Errorf("forms: %w", err)
	}
	spec := filepath.Join(dir, "jobs.json")
	if err := os.WriteFile(spec, js, 0o644); err != nil {
		return fmt.Errorf("forms: %w", err)
	}
	if out, err := exec.CommandContext(ctx, t.Python, t.Script, spec).CombinedOutput(); err != nil {
		return fmt.Errorf("forms: python-docx: %w: %s", err, out)
	}
	for i, u := range us {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%03d.docx", i)))
		if err != nil {
			return fmt.Errorf("forms: python-docx wrote no file for %s: %w", u.c.ID, err)
		}
		if u.docx, err = rezip(b, nil); err != nil {
			return err
		}
	}
	return nil
}

// office converts the units' DOCX with one LibreOffice run and stores the
// result, made reproducible, in unit.out.
func (t Tools) office(ctx context.Context, us []*unit, filter, ext string) error {
	if len(us) == 0 {
		return nil
	}
	dir, err := os.MkdirTemp("", "hoso-forms-lo-")
	if err != nil {
		return fmt.Errorf("forms: %w", err)
	}
	defer os.RemoveAll(dir)
	in, outDir := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.MkdirAll(in, 0o755); err != nil {
		return err
	}
	args := []string{"--headless", "-env:UserInstallation=file://" + t.Profile, "--convert-to", filter, "--outdir", outDir}
	for i, u := range us {
		f := filepath.Join(in, fmt.Sprintf("%03d.docx", i))
		if err := os.WriteFile(f, u.docx, 0o644); err != nil {
			return err
		}
		args = append(args, f)
	}
	if out, err := exec.CommandContext(ctx, t.Soffice, args...).CombinedOutput(); err != nil {
		return fmt.Errorf("forms: soffice → %s: %w: %s", ext, err, out)
	}
	for i, u := range us {
		b, err := os.ReadFile(filepath.Join(outDir, fmt.Sprintf("%03d.%s", i, ext)))
		if err != nil {
			return fmt.Errorf("forms: soffice made no %s for %s: %w", ext, u.c.ID, err)
		}
		if ext == "pdf" {
			u.out = stablePDF(b)
		} else if u.out, err = rezip(b, nil); err != nil {
			return err
		}
	}
	return nil
}

var (
	pdfDate = regexp.MustCompile(`/(CreationDate|ModDate)\(D:[0-9]{14}[^)]*\)`)
	pdfSum  = regexp.MustCompile(`/DocChecksum /[0-9A-Fa-f]+`)
	pdfID   = regexp.MustCompile(`/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]`)
)

// stablePDF overwrites LibreOffice's creation date, checksum and document id with
// fixed text of the same length, so the cross-reference offsets stay
// right and a regenerated PDF is byte-identical.
func stablePDF(b []byte) []byte {
	same := func(m []byte, fill byte) []byte {
		out := append([]byte(nil), m...)
		for i := range out {
			c := out[i]
			if c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f' {
				out[i] = fill
			}
		}
		return out
	}
	b = pdfDate.ReplaceAllFunc(b, func(m []byte) []byte {
		// Keep the key names; zero the digits of the timestamp only.
		i := bytes.Index(m, []byte("(D:"))
		return append(append([]byte(nil), m[:i]...), same(m[i:], '0')...)
	})
	b = pdfSum.ReplaceAllFunc(b, func(m []byte) []byte {
		return append([]byte("/DocChecksum /"), same(m[len("/DocChecksum /"):], '0')...)
	})
	return pdfID.ReplaceAllFunc(b, func(m []byte) []byte {
		i := bytes.IndexByte(m, '<')
		return append(append([]byte(nil), m[:i]...), same(m[i:], '0')...)
	})
}

// File is the name the case is written to and the format a reader must
// detect in it.
func (c *Case) File() (string, hoso.Format) {
	switch c.Out {
	case OutDOCX:
		return c.ID + ".docx", hoso.FormatDOCX
	case OutPDF, OutPDF2Col:
		return c.ID + ".pdf", hoso.FormatPDFText
	case OutScanPDF:
		return c.ID + ".pdf", hoso.FormatPDFScan
	}
	return c.ID + ".zip", hoso.FormatZIP
}

// pack turns the case's converted units into its file.
func (c *Case) pack(ctx context.Context, us []*unit, seed int) (Built, error) {
	var name string
	var data []byte
	var format hoso.Format
	switch c.Out {
	case OutDOCX:
		name, data, format = c.ID+".docx", us[0].out, hoso.FormatDOCX
	case OutPDF, OutPDF2Col:
		name, data, format = c.ID+".pdf", us[0].out, hoso.FormatPDFText
	case OutZIP:
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, u := range us {
			if err := corpus.AddZipFile(zw, u.name, u.out); err != nil {
				return Built{}, err
			}
		}
		if err := zw.Close(); err != nil {
			return Built{}, err
		}
		name, data, format = c.ID+".zip", buf.Bytes(), hoso.FormatZIP
	case OutScanPDF:
		v, ok := scan.Variants[c.Scan]
		if !ok {
			return Built{}, fmt.Errorf("unknown scan variant %q", c.Scan)
		}
		// A scanner's JPEG setting that keeps two or three pages under 400 KB.
		v.Quality = min(v.Quality, 32)
		b, err := scan.PDF(ctx, us[0].out, v, seed)
		if err != nil {
			return Built{}, err
		}
		name, data, format = c.ID+".pdf", b, hoso.FormatPDFScan
	case OutPhotoZIP:
		v, ok := scan.Variants[c.Scan]
		if !ok {
			return Built{}, fmt.Errorf("unknown scan variant %q", c.Scan)
		}
		// A phone's JPEG at a quality that keeps three pages under 400 KB.
		v.Quality = min(v.Quality, 45)
		pages, err := scan.Pages(ctx, us[0].out, v, seed)
		if err != nil {
			return Built{}, err
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i, p := range pages {
			member, img := fmt.Sprintf("IMG_%04d.jpg", 2301+i), p.JPEG
			if i == len(pages)-1 && len(pages) > 1 && !c.AllPhotos {
				// The last page came from a scanning app that exports PNG.
				if img, err = smallPNG(ctx, p.JPEG); err != nil {
					return Built{}, err
				}
				member = fmt.Sprintf("Scan_%02d.png", i+1)
			}
			if err := corpus.AddZipFile(zw, member, img); err != nil {
				return Built{}, err
			}
		}
		if err := zw.Close(); err != nil {
			return Built{}, err
		}
		name, data, format = c.ID+".zip", buf.Bytes(), hoso.FormatZIP
	default:
		return Built{}, fmt.Errorf("unknown output %d", c.Out)
	}
	if n, f := c.File(); n != name || f != format {
		return Built{}, fmt.Errorf("file %s (%s) differs from File() %s (%s)", name, format, n, f)
	}
	return Built{Name: name, Data: data, Truth: c.Truth(name, format)}, nil
}

// smallPNG converts a photographed page to a grey PNG at 70 % of its size,
// the way a scanning app exports a page to share: ImageMagick, like
// scan.PNG, but smaller so the corpus stays small.
func smallPNG(ctx context.Context, jpg []byte) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "convert", "jpg:-", "-resize", "70%", "-colorspace", "Gray", "-depth", "8", "-colors", "16",
		// No creation-time chunks: the same page gives the same bytes.
		"-define", "png:exclude-chunks=date,time", "png:-")
	cmd.Stdin = bytes.NewReader(jpg)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("forms: convert png: %w: %s", err, stderr.String())
	}
	return out.Bytes(), nil
}

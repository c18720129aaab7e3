package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/render"
)

// cmdRender writes the reply letter of one record JSON:
//
//	hoso render [--issuer FILE] [--date YYYY-MM-DD] [--pdf] [--out DIR] RECORD.json|-
func cmdRender(ctx context.Context, m *Main, args []string) error {
	fs := m.flags("render")
	issuerPath := fs.String("issuer", "", "issuer profile (YAML or JSON); default: the embedded Ban Tổ chức Đảng uỷ Các cơ quan tỉnh")
	dateFlag := fs.String("date", "", "letter date YYYY-MM-DD; default today, \"blank\" leaves it for the văn thư")
	withPDF := fs.Bool("pdf", false, "also write the PDF through LibreOffice (also when the profile says pdf: true)")
	out := fs.String("out", "", "output directory; default: the record's directory")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "usage: hoso render [--issuer FILE] [--date YYYY-MM-DD] [--pdf] [--out DIR] RECORD.json|-\n\nWrites the letter of a validated record (hoso validate --json, hoso process --json);\n- reads the record from standard input and writes into --out or the current folder.\n\nflags:")
		printFlags(fs, nil)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageErrorf("hoso render: want exactly one RECORD.json (or - for standard input)")
	}
	recPath := fs.Arg(0)

	iss := render.DefaultIssuer()
	if *issuerPath != "" {
		var err error
		if iss, err = render.LoadIssuer(*issuerPath); err != nil {
			return err
		}
	}
	date := hoso.DateOf(time.Now())
	switch *dateFlag {
	case "":
	case "blank":
		date = hoso.Date{}
	default:
		if err := date.UnmarshalText([]byte(*dateFlag)); err != nil || !date.Valid() {
			return hoso.Errorf(hoso.EINVALID, "Ngày %q không hợp lệ (YYYY-MM-DD)", "invalid --date %q (want YYYY-MM-DD)", *dateFlag)
		}
	}

	recp, err := m.readRecord(recPath)
	if err != nil {
		return err
	}
	rec := *recp
	if rec.Verdict == "" {
		return hoso.Errorf(hoso.EINVALID,
			"Bản ghi %s chưa được xét (không có kết luận): chạy 'hoso validate --json' trước, hoặc dùng 'hoso process' cho tệp hồ sơ",
			"the record from %s has no verdict: it was not validated; run 'hoso validate --json %s | hoso render -' instead, or 'hoso process' on the dossier file",
			inputName(recPath), recPath)
	}
	if recPath == "-" {
		recPath = filepath.Join(".", "record.json") // letters go to the current folder
	}
	kind, ok := render.KindOf(&rec)
	if !ok {
		return hoso.Errorf(hoso.EINVALID, "Hồ sơ có kết luận %q: không lập công văn (tệp không đọc được thì không có công văn trả lời)",
			"no letter for verdict %q (a file that could not be read gets no reply letter)", string(rec.Verdict))
	}
	docx, err := render.DOCX(&rec, iss, date)
	if err != nil {
		return err
	}

	dir := *out
	if dir == "" {
		dir = filepath.Dir(recPath)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return hoso.Wrap(err, hoso.EINVALID, "Không tạo được thư mục %s", "creating %s", dir)
	}
	base := filepath.Join(dir, letterName(&rec, recPath))
	if err := os.WriteFile(base+".docx", docx, 0o644); err != nil {
		return hoso.Wrap(err, hoso.EINVALID, "Không ghi được %s", "writing %s", base+".docx")
	}
	fmt.Fprintln(m.Stdout, base+".docx")
	m.Logger.Info("letter written", "kind", kind, "dossier", rec.DossierID)
	if !*withPDF && !iss.PDF {
		return nil
	}

	conv, err := render.NewConverter(ctx, render.ConverterOptions{Logger: m.Logger})
	if err != nil {
		if hoso.Code(err) == hoso.EUNSUPPORTED {
			m.Logger.Warn("PDF skipped", "dossier", rec.DossierID, "reason", err.Error())
			return nil
		}
		return err
	}
	pdf, err := conv.PDF(ctx, docx)
	cerr := conv.Close()
	if err != nil {
		return err
	}
	if err := os.WriteFile(base+".pdf", pdf, 0o644); err != nil {
		return hoso.Wrap(err, hoso.EINVALID, "Không ghi được %s", "writing %s", base+".pdf")
	}
	fmt.Fprintln(m.Stdout, base+".pdf")
	if cerr != nil {
		m.Logger.Warn("closing the converter", "err", cerr)
	}
	return nil
}

// letterName is the file name of a record's letter without extension: the
// dossier id, so a redelivered dossier overwrites its letter, or the record
// file's name when the record has no id.
func letterName(rec *hoso.Record, recPath string) string {
	name := rec.DossierID
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(recPath), filepath.Ext(recPath))
		name = strings.TrimSuffix(name, ".record")
	}
	clean := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, name)
	if strings.Trim(clean, "._") == "" {
		return "letter"
	}
	return clean
}

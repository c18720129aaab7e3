package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hoso-vn/hoso"
)

// OCROptions configure an OCR. The zero value of each field means its
// default.
type OCROptions struct {
	// Lang is Tesseract's language: "vie" (default). "vie+eng" doubled the
	// error rate on Vietnamese dossiers, so it is not the default.
	Lang string
	// DPI is the resolution PDF pages are rendered at (default 200: as
	// accurate as 300 on the scan corpus, and faster).
	DPI int
	// PSM is Tesseract's page segmentation mode (default 3, automatic).
	PSM int
	// Params are Tesseract parameters passed as "-c name=value"
	// (thresholding_method, …). tessedit_do_invert defaults to "0": trying
	// every doubtful line again as white-on-black halved the speed on the
	// scan corpus and changed no field read.
	Params map[string]string
	// Reread gives badly read words a second look (see reread). Off by
	// default: on the scan corpus it cost 0.2 s a page and changed no field.
	Reread bool
	// Workers is how many pages are read at once across every call on this
	// OCR (default GOMAXPROCS): Tesseract runs single-threaded, one page per
	// core, which beats its own OpenMP threads.
	Workers int
	// Paths of the programs; empty means look them up in PATH.
	TesseractPath, PdftoppmPath, PdfinfoPath string
	// TempDir holds rendered pages while they are read (default os.TempDir).
	TempDir string
	// Logger receives one debug line per page (timings, no text).
	Logger *slog.Logger
}

// OCR reads page images with Tesseract's command-line program. A nil *OCR
// means OCR is off; the zero OCR{} uses the default options. An OCR is safe
// for concurrent use and must not be copied after first use.
type OCR struct {
	opt OCROptions

	setupOnce sync.Once
	sem       chan struct{} // one slot per worker, shared by every call

	availOnce sync.Once
	availErr  error
}

// NewOCR returns an OCR with the given options.
func NewOCR(opt OCROptions) *OCR { return &OCR{opt: opt} }

func (o *OCR) setup() {
	o.setupOnce.Do(func() {
		if o.opt.Lang == "" {
			o.opt.Lang = "vie"
		}
		if o.opt.DPI <= 0 {
			o.opt.DPI = 200
		}
		if o.opt.PSM <= 0 {
			o.opt.PSM = 3
		}
		if o.opt.Workers <= 0 {
			o.opt.Workers = runtime.GOMAXPROCS(0)
		}
		params := maps.Clone(o.opt.Params)
		if params == nil {
			params = map[string]string{}
		}
		if _, ok := params["tessedit_do_invert"]; !ok {
			params["tessedit_do_invert"] = "0"
		}
		o.opt.Params = params
		if o.opt.Logger == nil {
			o.opt.Logger = slog.New(slog.DiscardHandler)
		}
		for _, p := range []struct {
			path *string
			name string
		}{{&o.opt.TesseractPath, "tesseract"}, {&o.opt.PdftoppmPath, "pdftoppm"}, {&o.opt.PdfinfoPath, "pdfinfo"}} {
			if *p.path == "" {
				if lp, err := exec.LookPath(p.name); err == nil {
					*p.path = lp
				}
			}
		}
		o.sem = make(chan struct{}, o.opt.Workers)
	})
}

func errOCRUnavailable(why string) *hoso.Error {
	return hoso.Errorf(hoso.EUNSUPPORTED, "Không có OCR (OCR unavailable: %s)", "OCR unavailable: %s", why)
}

// Available reports whether OCR can run on this machine: Tesseract with the
// language installed, and poppler's pdftoppm and pdfinfo for PDF pages. The
// answer is computed once.
func (o *OCR) Available() error {
	if o == nil {
		return errOCRUnavailable("OCR is off")
	}
	o.setup()
	o.availOnce.Do(func() { o.availErr = o.checkTools() })
	return o.availErr
}

func (o *OCR) checkTools() error {
	for _, p := range []struct{ path, name string }{
		{o.opt.TesseractPath, "tesseract"}, {o.opt.PdftoppmPath, "pdftoppm"}, {o.opt.PdfinfoPath, "pdfinfo"},
	} {
		if p.path == "" {
			return errOCRUnavailable(p.name + " not installed")
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := o.command(ctx, o.opt.TesseractPath, "--list-langs").CombinedOutput()
	if err != nil {
		return errOCRUnavailable("tesseract --list-langs: " + err.Error())
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	for _, l := range strings.Split(o.opt.Lang, "+") {
		if !have[l] {
			return errOCRUnavailable("Tesseract language " + l + " not installed")
		}
	}
	return nil
}

// command returns a Cmd that runs single-threaded: OpenMP threads cost
// more in spinning than they gain, and pages already run one per core.
func (o *OCR) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.WaitDelay = 2 * time.Second
	return cmd
}

// PDFPages OCRs the given 1-based pages of a PDF, one page per worker, and
// returns one Block per text line, pages in order. Pages are rendered in
// grey at the configured DPI after their size is checked against
// lim.MaxPixels. If a page fails or passes lim.PageTimeout, the error says
// which, and no blocks are returned.
func (o *OCR) PDFPages(ctx context.Context, r io.ReaderAt, size int64, pages []int, lim Limits) ([]Block, error) {
	if err := o.Available(); err != nil {
		return nil, err
	}
	lim = lim.Defaults()
	pages = slices.Clone(pages)
	slices.Sort(pages)
	pages = slices.Compact(pages)
	if len(pages) == 0 {
		return nil, nil
	}
	if pages[0] < 1 {
		return nil, hoso.Errorf(hoso.EINVALID, "Số trang không hợp lệ: %d", "invalid page number %d", pages[0])
	}
	if lim.MaxPages > 0 && len(pages) > lim.MaxPages {
		return nil, hoso.Errorf(hoso.ETOOLARGE, "Quá nhiều trang cần OCR: %d (giới hạn %d)",
			"too many pages to OCR: %d (limit %d)", len(pages), lim.MaxPages)
	}
	dir, err := os.MkdirTemp(o.opt.TempDir, "hoso-ocr-")
	if err != nil {
		return nil, hoso.Wrap(err, hoso.ETRANSIENT, "Không tạo được thư mục tạm", "cannot create a temp dir")
	}
	defer os.RemoveAll(dir)
	pdfPath := filepath.Join(dir, "in.pdf")
	if err := copyToFile(pdfPath, r, size, lim.MaxBytes); err != nil {
		return nil, err
	}
	sizes, err := o.pageSizes(ctx, pdfPath, pages[0], pages[len(pages)-1])
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		sz, ok := sizes[p]
		if !ok {
			return nil, hoso.Errorf(hoso.EUNREADABLE, "Tệp PDF không có trang %d", "the PDF has no page %d", p)
		}
		w, h := sz.pixels(o.opt.DPI)
		if err := checkPixels(w, h, lim); err != nil {
			return nil, err
		}
	}
	return o.run(withLimits(ctx, lim), pages, func(ctx context.Context, page int) ([]Block, error) {
		return o.pdfPage(ctx, dir, pdfPath, page)
	})
}

// run reads pages on the shared workers, cancels the rest at the first
// error, and returns the blocks in page order.
func (o *OCR) run(ctx context.Context, pages []int, read func(context.Context, int) ([]Block, error)) ([]Block, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	out := make([][]Block, len(pages))
	var wg sync.WaitGroup
	for i, p := range pages {
		wg.Go(func() {
			select {
			case o.sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-o.sem }()
			if ctx.Err() != nil {
				return
			}
			b, err := read(ctx, p)
			if err != nil {
				cancel(err)
				return
			}
			out[i] = b
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		var he *hoso.Error
		if errors.As(err, &he) {
			return nil, err
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, hoso.Wrap(err, hoso.ETIMEOUT, "Hết thời gian OCR", "OCR ran out of time")
		}
		return nil, err
	}
	return slices.Concat(out...), nil
}

// pdfPage renders one page to PGM and reads it.
func (o *OCR) pdfPage(ctx context.Context, dir, pdfPath string, page int) ([]Block, error) {
	lim := limitsFrom(ctx)
	ctx, cancel := context.WithTimeout(ctx, lim.PageTimeout)
	defer cancel()
	start := time.Now()
	root := filepath.Join(dir, "p"+strconv.Itoa(page))
	n := strconv.Itoa(page)
	cmd := o.command(ctx, o.opt.PdftoppmPath, "-gray", "-r", strconv.Itoa(o.opt.DPI), "-f", n, "-l", n, "-singlefile", pdfPath, root)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, pageTimeout(page, lim.PageTimeout)
		}
		return nil, hoso.Wrap(fmt.Errorf("%w: %s", err, firstLine(stderr.String())), hoso.EUNREADABLE,
			"Không dựng được ảnh trang %d của tệp PDF", "cannot render page %d of the PDF", page)
	}
	img := root + ".pgm"
	defer os.Remove(img)
	raster := time.Since(start)
	blocks, err := o.tesseract(ctx, img, page, o.opt.DPI)
	if err != nil {
		if ctx.Err() != nil && hoso.Code(err) != hoso.ETIMEOUT {
			return nil, pageTimeout(page, lim.PageTimeout)
		}
		return nil, err
	}
	o.opt.Logger.Debug("ocr page", "page", page, "raster", raster, "total", time.Since(start), "lines", len(blocks))
	return blocks, nil
}

func pageTimeout(page int, d time.Duration) error {
	return hoso.Errorf(hoso.ETIMEOUT, "OCR trang %d quá thời gian cho phép (%s)",
		"OCR of page %d ran past its time limit (%s)", page, d)
}

// tesseract reads one image file. dpi 0 lets Tesseract take the resolution
// from the file or estimate it. Page numbers of a multi-page TIFF count on
// from firstPage.
func (o *OCR) tesseract(ctx context.Context, img string, firstPage, dpi int) ([]Block, error) {
	args := []string{img, "stdout", "-l", o.opt.Lang, "--psm", strconv.Itoa(o.opt.PSM)}
	if dpi > 0 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	for _, k := range slices.Sorted(maps.Keys(o.opt.Params)) {
		args = append(args, "-c", k+"="+o.opt.Params[k])
	}
	args = append(args, "tsv")
	cmd := o.command(ctx, o.opt.TesseractPath, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, pageTimeout(firstPage, limitsFrom(ctx).PageTimeout)
		}
		return nil, hoso.Wrap(fmt.Errorf("%w: %s", err, firstLine(stderr.String())), hoso.EUNREADABLE,
			"OCR không đọc được ảnh trang %d", "OCR could not read the image of page %d", firstPage)
	}
	words, err := parseWords(&stdout)
	if err != nil {
		return nil, hoso.Wrap(err, hoso.EINTERNAL, "Kết quả OCR không đọc được", "unexpected OCR output")
	}
	if o.opt.Reread && strings.HasSuffix(img, ".pgm") {
		o.reread(ctx, img, dpi, words)
	}
	return cleanOCR(assemble(words, "", firstPage)), nil
}

// Image OCRs one image file (JPEG, PNG, TIFF; also GIF and binary PGM/PPM).
// The header is checked against lim.MaxPixels (and lim.MaxPages for a
// multi-page TIFF) before any pixel is decoded. Files go to Tesseract as
// they are, except a JPEG whose EXIF orientation says it was taken turned,
// which is turned upright first.
func (o *OCR) Image(ctx context.Context, r io.ReaderAt, size int64, lim Limits) ([]Block, error) {
	if err := o.Available(); err != nil {
		return nil, err
	}
	lim = lim.Defaults()
	if lim.MaxBytes > 0 && size > lim.MaxBytes {
		return nil, errTooBig(size, lim.MaxBytes)
	}
	info, err := probeImage(r, size, lim)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(o.opt.TempDir, "hoso-ocr-")
	if err != nil {
		return nil, hoso.Wrap(err, hoso.ETRANSIENT, "Không tạo được thư mục tạm", "cannot create a temp dir")
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "in."+info.kind)
	// A camera's photo of a page is decoded, turned upright, its lighting
	// evened out and its table's column rules erased before Tesseract sees
	// it. A JPEG Go cannot decode (truncated, an arithmetic-coded or CMYK
	// one) goes to Tesseract as it is, whose libjpeg reads what it can, as
	// do other formats; a PNG is a scanning app's or a scanner's export,
	// already evened out (flattening its few grey levels again lost the
	// years of a table in the forms corpus).
	prepared := false
	if info.kind == "jpeg" {
		pgm := filepath.Join(dir, "in.pgm")
		if err := photoPage(io.NewSectionReader(r, 0, size), info.orientation, pgm); err == nil {
			path, prepared = pgm, true
		}
	}
	if !prepared {
		if err := copyToFile(path, r, size, lim.MaxBytes); err != nil {
			return nil, err
		}
	}
	// A multi-page TIFF is one Tesseract run, so its time limit grows with
	// its pages.
	lim.PageTimeout *= time.Duration(info.pages)
	return o.run(withLimits(ctx, lim), []int{1}, func(ctx context.Context, _ int) ([]Block, error) {
		ctx, cancel := context.WithTimeout(ctx, lim.PageTimeout)
		defer cancel()
		return o.tesseract(ctx, path, 1, 0)
	})
}

// Limits travel with the context from PDFPages/Image to the page workers.
type limitsKey struct{}

func withLimits(ctx context.Context, lim Limits) context.Context {
	return context.WithValue(ctx, limitsKey{}, lim)
}

func limitsFrom(ctx context.Context) Limits {
	if l, ok := ctx.Value(limitsKey{}).(Limits); ok {
		return l
	}
	return Limits{}.Defaults()
}

func errTooBig(size, limit int64) error {
	return hoso.Errorf(hoso.ETOOLARGE, "Tệp quá lớn: %d byte (giới hạn %d)", "file too large: %d bytes (limit %d)", size, limit)
}

// copyToFile writes the first size bytes of r to a new file at path.
func copyToFile(path string, r io.ReaderAt, size, limit int64) error {
	if limit > 0 && size > limit {
		return errTooBig(size, limit)
	}
	f, err := os.Create(path)
	if err != nil {
		return hoso.Wrap(err, hoso.ETRANSIENT, "Không ghi được tệp tạm", "cannot write a temp file")
	}
	if _, err := io.Copy(f, io.NewSectionReader(r, 0, size)); err != nil {
		f.Close()
		return hoso.Wrap(err, hoso.EUNREADABLE, "Không đọc được tệp", "cannot read the file")
	}
	if err := f.Close(); err != nil {
		return hoso.Wrap(err, hoso.ETRANSIENT, "Không ghi được tệp tạm", "cannot write a temp file")
	}
	return nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

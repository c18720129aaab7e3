package render

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hoso-vn/hoso"
)

// ConverterOptions configure a Converter. The zero value is usable.
type ConverterOptions struct {
	Soffice string // LibreOffice binary; "" looks up soffice in PATH
	// Python must be the interpreter that has the UNO module (python3-uno):
	// Debian's /usr/bin/python3, not a pyenv or venv one.
	Python  string
	TempDir string // parent of the converter's private directory; "" is os.TempDir
	// Timeout bounds one conversion (default 30 s); StartTimeout bounds
	// LibreOffice's start (default 60 s).
	Timeout      time.Duration
	StartTimeout time.Duration
	// MaxConversions restarts LibreOffice after this many letters (default
	// 200), so a slow leak in a long-running office cannot grow unbounded.
	MaxConversions int
	Logger         *slog.Logger
}

// Converter turns DOCX into PDF through one warm LibreOffice. Each Converter
// has its own profile directory, because two offices sharing a profile fail
// at random; keep one per worker. A Converter serialises its conversions.
type Converter struct {
	opt ConverterOptions
	dir string // private: profile, script, files in flight

	mu      sync.Mutex
	office  *exec.Cmd
	bridge  *exec.Cmd
	in      io.WriteCloser
	replies chan string
	done    int // conversions since start
	seq     int
	closed  bool
}

// NewConverter starts LibreOffice and waits until it accepts work. When
// LibreOffice or its Python bridge is missing it returns an EUNSUPPORTED
// error: the caller writes the DOCX alone and reports the PDF as skipped.
func NewConverter(ctx context.Context, opt ConverterOptions) (*Converter, error) {
	if opt.Soffice == "" {
		opt.Soffice = "soffice"
	}
	if opt.Python == "" {
		opt.Python = "/usr/bin/python3"
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	if opt.StartTimeout <= 0 {
		opt.StartTimeout = 60 * time.Second
	}
	if opt.MaxConversions <= 0 {
		opt.MaxConversions = 200
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	for _, p := range []*string{&opt.Soffice, &opt.Python} {
		path, err := exec.LookPath(*p)
		if err != nil {
			return nil, hoso.Wrap(err, hoso.EUNSUPPORTED,
				"Không có LibreOffice (%s): bỏ qua tệp PDF", "LibreOffice is not available (%s): PDF skipped", *p)
		}
		*p = path
	}
	dir, err := os.MkdirTemp(opt.TempDir, "hoso-office-")
	if err != nil {
		return nil, hoso.Wrap(err, hoso.ETRANSIENT, "Không tạo được thư mục tạm cho LibreOffice", "creating the converter directory")
	}
	if err := os.WriteFile(filepath.Join(dir, "bridge.py"), []byte(bridgePy), 0o600); err != nil {
		os.RemoveAll(dir)
		return nil, hoso.Wrap(err, hoso.ETRANSIENT, "Không tạo được thư mục tạm cho LibreOffice", "writing the UNO bridge")
	}
	c := &Converter{opt: opt, dir: dir}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.start(ctx); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return c, nil
}

// start launches soffice listening on a private pipe and the UNO bridge that
// drives it; it returns when the bridge has connected.
func (c *Converter) start(ctx context.Context) error {
	pipe := "hoso_" + strings.TrimPrefix(filepath.Base(c.dir), "hoso-office-")
	profile := "file://" + filepath.ToSlash(filepath.Join(c.dir, "profile"))
	office := exec.Command(c.opt.Soffice, "--headless", "--invisible", "--nologo", "--norestore",
		"--nodefault", "--nolockcheck", "--nofirststartwizard",
		"-env:UserInstallation="+profile,
		"--accept=pipe,name="+pipe+";urp;StarOffice.ComponentContext")
	office.Dir = c.dir
	ownGroup(office)
	if err := office.Start(); err != nil {
		return hoso.Wrap(err, hoso.EUNSUPPORTED, "Không khởi động được LibreOffice: bỏ qua tệp PDF", "starting LibreOffice: PDF skipped")
	}
	bridge := exec.Command(c.opt.Python, filepath.Join(c.dir, "bridge.py"), pipe,
		strconv.FormatFloat(c.opt.StartTimeout.Seconds(), 'f', 1, 64))
	bridge.Dir = c.dir
	bridge.Stderr = io.Discard
	in, err := bridge.StdinPipe()
	if err != nil {
		killGroup(office)
		return hoso.Wrap(err, hoso.ETRANSIENT, "Không khởi động được LibreOffice", "bridge stdin")
	}
	out, err := bridge.StdoutPipe()
	if err != nil {
		killGroup(office)
		return hoso.Wrap(err, hoso.ETRANSIENT, "Không khởi động được LibreOffice", "bridge stdout")
	}
	if err := bridge.Start(); err != nil {
		killGroup(office)
		return hoso.Wrap(err, hoso.EUNSUPPORTED, "Không chạy được %s với UNO: bỏ qua tệp PDF", "running %s for UNO: PDF skipped", c.opt.Python)
	}
	replies := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			replies <- sc.Text()
		}
		close(replies)
	}()
	c.office, c.bridge, c.in, c.replies, c.done = office, bridge, in, replies, 0

	t0 := time.Now()
	reply, err := c.await(ctx, c.opt.StartTimeout+5*time.Second)
	if err == nil && reply != "ready" {
		err = fmt.Errorf("%s", reply)
		if strings.Contains(reply, "No module named") {
			c.stop(false)
			return hoso.Wrap(err, hoso.EUNSUPPORTED, "%s không có mô-đun UNO (python3-uno): bỏ qua tệp PDF",
				"%s lacks the UNO module (python3-uno): PDF skipped", c.opt.Python)
		}
	}
	if err != nil {
		c.stop(false)
		return hoso.Wrap(err, hoso.ETRANSIENT, "LibreOffice không sẵn sàng", "LibreOffice did not become ready")
	}
	c.opt.Logger.Debug("office started", "ms", time.Since(t0).Milliseconds())
	return nil
}

// await returns the bridge's next reply line.
func (c *Converter) await(ctx context.Context, d time.Duration) (string, error) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case r, ok := <-c.replies:
		if !ok {
			return "", errors.New("the UNO bridge exited")
		}
		return r, nil
	case <-t.C:
		return "", hoso.Errorf(hoso.ETIMEOUT, "LibreOffice không trả lời sau %s", "LibreOffice did not answer within %s", d)
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// stop ends the bridge and the office; the next PDF starts them again.
// Unless graceful, the office is killed first: it may be wedged inside the
// very call the bridge is waiting on.
func (c *Converter) stop(graceful bool) {
	if c.office == nil {
		return
	}
	if !graceful {
		killGroup(c.office)
	}
	c.in.Close() // the bridge asks the office to terminate at end of input
	exited := make(chan struct{})
	go func() {
		c.bridge.Wait()
		close(exited)
	}()
	select {
	case <-exited:
	case <-time.After(3 * time.Second):
		killGroup(c.bridge)
		<-exited
	}
	killGroup(c.office)
	c.office.Wait()
	for range c.replies {
		// drain, so the reader goroutine ends
	}
	c.office, c.bridge, c.in, c.replies = nil, nil, nil, nil
}

// PDF converts one DOCX. A conversion that runs past the timeout kills the
// office (ETIMEOUT) and the next call starts a fresh one; so does any
// failure, since a wedged office fails everything after.
func (c *Converter) PDF(ctx context.Context, docx []byte) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, hoso.Errorf(hoso.EINVALID, "Bộ chuyển PDF đã đóng", "converter is closed")
	}
	if c.office == nil {
		if err := c.start(ctx); err != nil {
			return nil, err
		}
	}
	c.seq++
	src := filepath.Join(c.dir, strconv.Itoa(c.seq)+".docx")
	dst := filepath.Join(c.dir, strconv.Itoa(c.seq)+".pdf")
	defer os.Remove(src)
	defer os.Remove(dst)
	if err := os.WriteFile(src, docx, 0o600); err != nil {
		return nil, hoso.Wrap(err, hoso.ETRANSIENT, "Không ghi được tệp tạm", "writing %s", src)
	}
	t0 := time.Now()
	if _, err := io.WriteString(c.in, src+"\t"+dst+"\n"); err != nil {
		c.stop(false)
		return nil, hoso.Wrap(err, hoso.ETRANSIENT, "LibreOffice đã dừng", "the UNO bridge is gone")
	}
	reply, err := c.await(ctx, c.opt.Timeout)
	if err == nil && reply != "ok" {
		err = errors.New(reply)
	}
	if err != nil {
		c.stop(false)
		code := hoso.ETRANSIENT
		if hoso.Code(err) == hoso.ETIMEOUT || errors.Is(err, context.DeadlineExceeded) {
			code = hoso.ETIMEOUT
		}
		return nil, hoso.Wrap(err, code, "Không chuyển được công văn sang PDF", "converting the letter to PDF")
	}
	pdf, err := os.ReadFile(dst)
	if err != nil || len(pdf) == 0 {
		c.stop(false)
		return nil, hoso.Wrap(err, hoso.ETRANSIENT, "LibreOffice không tạo ra tệp PDF", "LibreOffice wrote no PDF")
	}
	c.done++
	c.opt.Logger.Debug("pdf converted", "ms", time.Since(t0).Milliseconds(), "bytes", len(pdf))
	if c.done >= c.opt.MaxConversions {
		c.stop(true)
	}
	return pdf, nil
}

// Close stops LibreOffice and removes the converter's directory.
func (c *Converter) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	c.stop(true)
	if err := os.RemoveAll(c.dir); err != nil {
		return hoso.Wrap(err, hoso.ETRANSIENT, "Không xoá được thư mục tạm", "removing %s", c.dir)
	}
	return nil
}

// bridgePy drives the office over UNO: it reads "src<TAB>dst" lines and
// answers "ok" or "error: …" per line. Python starts once per office, not
// per letter, which is what makes a warm conversion ~60 ms.
const bridgePy = `import sys, time
try:
    import uno
    from com.sun.star.beans import PropertyValue
except Exception as e:
    print("error: No module named uno: %s" % e, flush=True)
    sys.exit(1)

def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p

def main():
    pipe, deadline = sys.argv[1], time.time() + float(sys.argv[2])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception as e:
            if time.time() > deadline:
                print("error: connect: %s" % e, flush=True)
                return 1
            time.sleep(0.05)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    print("ready", flush=True)
    for line in sys.stdin:
        src, dst = line.rstrip("\n").split("\t")
        try:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                (prop("Hidden", True), prop("ReadOnly", True)))
            if doc is None:
                raise RuntimeError("cannot load the document")
            try:
                doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "writer_pdf_Export"),))
            finally:
                doc.close(True)
            print("ok", flush=True)
        except Exception as e:
            print("error: %s" % str(e).replace("\n", " "), flush=True)
    try:
        desktop.terminate()
    except Exception:
        pass
    return 0

sys.exit(main())
`

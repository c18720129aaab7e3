package sandbox

import (
	"bufio"
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/extract"
)

// ErrCrashed is wrapped (in a transient *hoso.Error) when a child was
// killed by something other than its limits, such as the kernel's OOM
// killer: it may be the machine, not the file, so the caller decides
// whether to retry; the service counts these per dossier.
var ErrCrashed = errors.New("sandbox: the parsing child was killed")

// Options configure a Texter. The zero value of each field means its
// default.
type Options struct {
	// Path is the executable started as the child (default
	// os.Executable()); Args follow it (default ChildCommand).
	Path string
	Args []string
	// Limits and OCR configure the child's extract.Extractor (OCR nil: off).
	Limits extract.Limits
	OCR    *extract.OCROptions
	// Memory is the address space one child may add to the Go runtime's
	// own reservation (default 1 GiB).
	Memory int64
	// CPU is the CPU time the child may spend on one file, not counting
	// Tesseract's own processes (default 60 s).
	CPU time.Duration
	// Wall is the wall time of one file (default Limits.FileTimeout plus
	// 30 s: the child's own deadline answers first); negative: none.
	Wall time.Duration
	// Children is how many children may run at once (default GOMAXPROCS);
	// callers beyond it wait.
	Children int
	// FilesPerChild retires a child after this many files (default 200).
	FilesPerChild int
	// TempDir is where the children's private folders are made (default
	// os.TempDir()).
	TempDir string
	// Network leaves the children on the host's network; for debugging.
	Network bool
	Logger  *slog.Logger
}

func (o Options) withDefaults() (Options, error) {
	if o.Path == "" {
		p, err := os.Executable()
		if err != nil {
			return o, fmt.Errorf("sandbox: own executable: %w", err)
		}
		o.Path = p
	}
	if o.Args == nil {
		o.Args = []string{ChildCommand}
	}
	o.Limits = o.Limits.Defaults()
	if o.Memory == 0 {
		o.Memory = 1 << 30
	}
	if o.CPU == 0 {
		o.CPU = time.Minute
	}
	if o.Wall == 0 {
		o.Wall = -1 // a file without a time limit has no wall either
		if o.Limits.FileTimeout > 0 {
			o.Wall = o.Limits.FileTimeout + 30*time.Second
		}
	}
	if o.Children <= 0 {
		o.Children = runtime.GOMAXPROCS(0)
	}
	if o.FilesPerChild <= 0 {
		o.FilesPerChild = 200
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o, nil
}

// Texter reads files into text in child processes. It is a
// dossier.Texter, safe for concurrent use; Close stops its children.
type Texter struct {
	opt   Options
	err   error // from the options
	slots chan struct{}

	mu     sync.Mutex
	idle   []*child
	all    map[*child]bool
	closed bool
	netns  netMode
	warned bool
	sweep  sync.Once
}

// New returns a Texter with the given options. Children start on first use.
func New(opt Options) *Texter {
	opt, err := opt.withDefaults()
	return &Texter{opt: opt, err: err, slots: make(chan struct{}, max(opt.Children, 1)), all: map[*child]bool{}}
}

// Options returns the options in effect, defaults filled in.
func (t *Texter) Options() Options { return t.opt }

// Text implements dossier.Texter: the file is read by a child.
func (t *Texter) Text(ctx context.Context, name string, r io.ReaderAt, size int64) (*extract.Text, error) {
	if t.err != nil {
		return nil, hoso.Wrap(t.err, hoso.ETRANSIENT, "Không khởi động được tiến trình đọc tệp", "cannot start the parsing process")
	}
	lim := t.opt.Limits
	if size <= 0 || (lim.MaxBytes >= 0 && size > lim.MaxBytes) {
		// Refused on its size alone, before any byte is read: no parser
		// runs, so no child is needed.
		return (&extract.Extractor{Limits: lim}).Text(ctx, name, r, size)
	}
	head := make([]byte, min(size, extract.SniffLen))
	if n, err := r.ReadAt(head, 0); n < len(head) {
		if err == nil || errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, hoso.Wrap(err, hoso.EUNREADABLE, "Không đọc được tệp", "cannot read the file")
	}
	select {
	case t.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctxErr(ctx.Err(), "")
	}
	defer func() { <-t.slots }()

	c, err := t.get(ctx)
	if err != nil {
		return nil, err
	}
	res, err := c.do(ctx, request{Name: name, Size: size}, io.NewSectionReader(r, 0, size), t.opt.Wall)
	var se *sendError
	if errors.As(err, &se) && c.files > 1 {
		// An idle child that died while it waited (it never read this
		// file) is not the file's doing: once more with a new child.
		c.end()
		t.forget(c)
		if c, err = t.get(ctx); err != nil {
			return nil, err
		}
		res, err = c.do(ctx, request{Name: name, Size: size}, io.NewSectionReader(r, 0, size), t.opt.Wall)
	}
	if err == nil {
		if res.Err != nil && (res.Err.Code == hoso.ETIMEOUT || res.Err.Code == hoso.EINTERNAL) {
			// The child ends itself after these (see Serve): let it go.
			t.retire(c)
		} else {
			t.put(c)
		}
		if res.Err != nil {
			return nil, res.Err.err()
		}
		return res.Text, nil
	}
	// The child is gone (or killed here): say why, from what is known.
	why := c.end()
	t.forget(c)
	t.mu.Lock()
	closed := t.closed
	t.mu.Unlock()
	if closed {
		// Killed by Close, not by its file.
		return nil, hoso.Errorf(hoso.ETRANSIENT, "Tiến trình đọc tệp đang dừng", "the parsing processes are stopping")
	}
	var re *readError
	if errors.As(err, &re) {
		// Our side could not read the upload: not the file's fault.
		return nil, hoso.Wrap(re.err, hoso.ETRANSIENT, "Không đọc được tệp tải lên; sẽ thử lại", "cannot read the upload; will retry")
	}
	return nil, t.judge(err, why, extract.Detect(head))
}

// get returns an idle child or starts one.
func (t *Texter) get(ctx context.Context) (*child, error) {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return nil, hoso.Errorf(hoso.ETRANSIENT, "Tiến trình đọc tệp đang dừng", "the parsing processes are stopping")
	}
	if n := len(t.idle); n > 0 {
		c := t.idle[n-1]
		t.idle = t.idle[:n-1]
		t.mu.Unlock()
		return c, nil
	}
	mode := t.netns
	t.mu.Unlock()
	c, mode, err := t.start(mode)
	if err != nil {
		return nil, hoso.Wrap(err, hoso.ETRANSIENT, "Không khởi động được tiến trình đọc tệp", "cannot start the parsing process")
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.netns != mode {
		t.netns = mode
		if mode == netHost && !t.opt.Network && !t.warned {
			t.warned = true
			t.opt.Logger.Warn("sandbox: no network namespace allowed here; parsing children keep the host's network")
		}
	}
	t.all[c] = true
	if t.closed {
		go c.end()
		return nil, hoso.Errorf(hoso.ETRANSIENT, "Tiến trình đọc tệp đang dừng", "the parsing processes are stopping")
	}
	return c, nil
}

func (t *Texter) put(c *child) {
	t.mu.Lock()
	if !t.closed && c.files < t.opt.FilesPerChild {
		t.idle = append(t.idle, c)
		t.mu.Unlock()
		return
	}
	delete(t.all, c)
	t.mu.Unlock()
	c.close()
}

// retire ends a child that answered but must not take another file.
func (t *Texter) retire(c *child) {
	t.forget(c)
	c.close()
}

func (t *Texter) forget(c *child) {
	t.mu.Lock()
	delete(t.all, c)
	t.mu.Unlock()
}

// Close stops every child: idle ones at once, busy ones are killed.
func (t *Texter) Close() error {
	t.mu.Lock()
	t.closed = true
	idle, all := t.idle, t.all
	t.idle, t.all = nil, map[*child]bool{}
	t.mu.Unlock()
	busy := map[*child]bool{}
	for c := range all {
		busy[c] = true
	}
	for _, c := range idle {
		delete(busy, c)
		c.close()
	}
	for c := range busy {
		c.kill()
	}
	return nil
}

// Children returns how many children are alive, idle or busy.
func (t *Texter) Children() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.all)
}

// death is what is known about how a child ended.
type death struct {
	killedByUs bool // the wall deadline or the caller's context
	state      *os.ProcessState
	stderr     string // its last lines
	cpu        time.Duration
}

// judge turns a child's end into the file's error.
func (t *Texter) judge(err error, d death, k extract.Kind) error {
	vi, en := kindLabel(k)
	var ce *ctxError
	if errors.As(err, &ce) {
		return ctxErr(ce.err, en)
	}
	code := -1
	var sig syscall.Signal
	if d.state != nil {
		if ws, ok := d.state.Sys().(syscall.WaitStatus); ok {
			if ws.Signaled() {
				sig = ws.Signal()
			} else {
				code = ws.ExitStatus()
			}
		}
	}
	mib := t.opt.Memory >> 20
	switch {
	case d.killedByUs:
		return fileErr(err, hoso.ETIMEOUT, fmt.Sprintf("Đọc %s quá thời gian cho phép (%s)", vi, t.opt.Wall),
			fmt.Sprintf("reading the %s took longer than allowed (%s)", en, t.opt.Wall))
	case code == exitCPU || sig == syscall.SIGXCPU || (sig == syscall.SIGKILL && t.opt.CPU > 0 && d.cpu >= t.opt.CPU):
		return fileErr(err, hoso.ETIMEOUT,
			fmt.Sprintf("Đọc %s tốn quá nhiều thời gian xử lý (quá %s CPU); tệp có thể bị lặp vô hạn hoặc được tạo để gây hại", vi, t.opt.CPU),
			fmt.Sprintf("reading the %s used more CPU time than allowed (%s); the file probably loops or was crafted", en, t.opt.CPU))
	case strings.Contains(d.stderr, "out of memory") || strings.Contains(d.stderr, "cannot allocate memory") ||
		strings.Contains(d.stderr, "errno=12"): // ENOMEM creating a thread
		return fileErr(err, hoso.ETOOLARGE,
			fmt.Sprintf("Đọc %s cần nhiều bộ nhớ hơn mức cho phép (%d MiB); tệp có thể bị hỏng hoặc được tạo để gây hại", vi, mib),
			fmt.Sprintf("the %s needs more memory than allowed (%d MiB) to be read; it may be corrupt or crafted", en, mib))
	case code >= 0 && code != exitProtocol && (strings.Contains(d.stderr, "fatal error:") || strings.Contains(d.stderr, "panic:")):
		return fileErr(err, hoso.EUNREADABLE,
			fmt.Sprintf("Trình đọc %s gặp lỗi nghiêm trọng với tệp này; tệp bị hỏng hoặc được tạo để gây hại", vi),
			fmt.Sprintf("the %s reader crashed on this file; it is corrupt or crafted", en))
	}
	what := fmt.Sprintf("exit %d", code)
	if sig != 0 {
		what = "signal " + sig.String()
	}
	// What the child wrote is not logged: a parser's message may quote the
	// file, and logs carry no personal data.
	t.opt.Logger.Warn("sandbox: parsing child died", "how", what, "cpu", d.cpu.Round(time.Millisecond))
	return hoso.Wrap(fmt.Errorf("%w (%s)", ErrCrashed, what), hoso.ETRANSIENT,
		"Tiến trình đọc tệp bị dừng đột ngột; sẽ thử lại", "the parsing process was killed; it will be retried")
}

// fileErr is a *hoso.Error with texts already formatted. The child's
// broken pipe says nothing the texts do not, so it is not kept as the
// cause; a context's end is.
func fileErr(err error, code hoso.ErrorCode, vi, en string) error {
	e := &hoso.Error{Code: code, VI: vi, EN: en}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		e.Err = err
	}
	return e
}

// ctxError marks the end of the caller's context, as opposed to the wall.
type ctxError struct{ err error }

func (e *ctxError) Error() string { return e.err.Error() }
func (e *ctxError) Unwrap() error { return e.err }

// ctxErr maps the end of the caller's context to the pipeline's codes, as
// extract does: a deadline is the file's, a cancellation is a shutdown.
func ctxErr(err error, what string) error {
	if what == "" {
		what = "file"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fileErr(err, hoso.ETIMEOUT, "Đọc tệp quá thời gian cho phép", "reading the "+what+" took too long")
	}
	return hoso.Wrap(err, hoso.ETRANSIENT, "Việc đọc tệp bị dừng giữa chừng; sẽ thử lại", "reading was interrupted; it will be retried")
}

// sendError is a failure to send a request: the child was gone before
// it read the file.
type sendError struct{ err error }

func (e *sendError) Error() string { return "sandbox: send to the child: " + e.err.Error() }
func (e *sendError) Unwrap() error { return e.err }

// readError is a failure to read the caller's file while sending it.
type readError struct{ err error }

func (e *readError) Error() string { return "sandbox: read the file: " + e.err.Error() }

// readerOnly reads from r, marking its errors as the caller's.
type readerOnly struct{ r io.Reader }

func (o readerOnly) Read(p []byte) (int, error) {
	n, err := o.r.Read(p)
	if err != nil && err != io.EOF {
		err = &readError{err}
	}
	return n, err
}

// kindLabel names a kind of file in messages.
func kindLabel(k extract.Kind) (vi, en string) {
	switch {
	case k == extract.KindPDF:
		return "tệp PDF", "PDF"
	case k == extract.KindZIP:
		return "tệp DOCX/ZIP", "DOCX/ZIP file"
	case k.Image():
		return "tệp ảnh", "image"
	}
	return "tệp", "file"
}

// child is one running child process.
type child struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	bw     *bufio.Writer
	enc    *gob.Encoder
	dec    *gob.Decoder
	tmp    string
	files  int
	tail   *tail
	done   chan struct{} // closed when stderr is drained
	logger *slog.Logger

	mu     sync.Mutex
	killed bool
	ended  bool
	death  death
}

// start starts a child, trying the network isolation mode first and the
// weaker ones after it when the kernel refuses.
func (t *Texter) start(mode netMode) (*child, netMode, error) {
	if t.opt.Network {
		mode = netHost
	}
	for {
		c, err := t.startMode(mode)
		if err == nil {
			return c, mode, nil
		}
		if mode == netHost || !(errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EUSERS)) {
			return nil, mode, err
		}
		mode++
	}
}

func (t *Texter) startMode(mode netMode) (*child, error) {
	t.sweep.Do(func() { sweepTemp(t.opt.TempDir, t.opt.Logger) })
	tmp, err := os.MkdirTemp(t.opt.TempDir, fmt.Sprintf("hoso-sandbox-%d-", os.Getpid()))
	if err != nil {
		return nil, fmt.Errorf("sandbox: temp dir: %w", err)
	}
	cmd := exec.Command(t.opt.Path, t.opt.Args...)
	cmd.Dir = tmp
	cmd.Env = childEnv(tmp)
	cmd.SysProcAttr = sysProcAttr(mode)
	in, err := cmd.StdinPipe()
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	errp, err := cmd.StderrPipe()
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("sandbox: start %s: %w", t.opt.Path, err)
	}
	c := &child{cmd: cmd, in: in, bw: bufio.NewWriterSize(in, 64<<10), dec: gob.NewDecoder(bufio.NewReaderSize(out, 64<<10)),
		tmp: tmp, tail: &tail{max: 8 << 10}, done: make(chan struct{}), logger: t.opt.Logger}
	c.enc = gob.NewEncoder(c.bw)
	go c.drain(errp)
	h := hello{Limits: t.opt.Limits, OCR: toWireOCR(t.opt.OCR), Memory: t.opt.Memory,
		CPU: int64((t.opt.CPU + time.Second - 1) / time.Second), TempDir: tmp}
	if h.OCR != nil && h.OCR.Workers == 0 {
		// Every child has its own OCR: share the cores among them.
		h.OCR.Workers = max(1, runtime.GOMAXPROCS(0)/t.opt.Children)
	}
	if err := c.enc.Encode(h); err == nil {
		err = c.bw.Flush()
	}
	if err != nil {
		c.kill()
		return nil, fmt.Errorf("sandbox: hello: %w", err)
	}
	return c, nil
}

// sweepTemp removes the private folders of children whose parent is gone
// (killed, or crashed before it could clean up): their names carry the
// parent's pid.
func sweepTemp(dir string, log *slog.Logger) {
	if dir == "" {
		dir = os.TempDir()
	}
	names, _ := filepath.Glob(filepath.Join(dir, "hoso-sandbox-*-*"))
	for _, n := range names {
		f := strings.SplitN(strings.TrimPrefix(filepath.Base(n), "hoso-sandbox-"), "-", 2)
		pid, err := strconv.Atoi(f[0])
		if err != nil || pid <= 0 || pid == os.Getpid() {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			if os.RemoveAll(n) == nil {
				log.Debug("sandbox: removed the folder of a child whose parent is gone", "dir", n)
			}
		}
	}
}

// childEnv is the child's whole environment: no credentials of the
// parent's reach the parser.
func childEnv(tmp string) []string {
	env := []string{"TMPDIR=" + tmp, "HOME=" + tmp, "OMP_THREAD_LIMIT=1"}
	for _, k := range []string{"PATH", "LANG", "LC_ALL", "TESSDATA_PREFIX", "GOMAXPROCS", "GODEBUG"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// do sends one request and waits for the answer, the wall deadline or the
// caller's context, whichever comes first.
func (c *child) do(ctx context.Context, req request, file io.Reader, wall time.Duration) (*response, error) {
	c.files++
	type result struct {
		res *response
		err error
	}
	ch := make(chan result, 1)
	go func() {
		err := c.enc.Encode(req)
		if err == nil && file != nil {
			var n int64
			n, err = io.Copy(c.bw, readerOnly{file})
			if err == nil && n != req.Size {
				err = &readError{io.ErrUnexpectedEOF}
			}
		}
		if err == nil {
			err = c.bw.Flush()
		}
		var re *readError
		if err != nil && !errors.As(err, &re) {
			err = &sendError{err}
		}
		var res response
		if err == nil {
			err = c.dec.Decode(&res)
		}
		ch <- result{&res, err}
	}()
	var expired <-chan time.Time
	if wall > 0 {
		timer := time.NewTimer(wall)
		defer timer.Stop()
		expired = timer.C
	}
	select {
	case r := <-ch:
		return r.res, r.err
	case <-expired:
		c.kill()
		<-ch
		return nil, fmt.Errorf("sandbox: no answer within %s", wall)
	case <-ctx.Done():
		c.kill()
		<-ch
		return nil, &ctxError{ctx.Err()}
	}
}

// drain keeps the end of the child's stderr and passes its log lines on.
func (c *child) drain(r io.Reader) {
	defer close(c.done)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), 64<<10)
	for sc.Scan() {
		line := sc.Bytes()
		var rec map[string]any
		if len(line) > 0 && line[0] == '{' && json.Unmarshal(line, &rec) == nil {
			relay(c.logger, rec)
			continue
		}
		c.tail.write(line)
	}
	io.Copy(io.Discard, r)
}

// relay logs a child's JSON log record through the parent's logger.
func relay(log *slog.Logger, rec map[string]any) {
	var lv slog.Level
	if s, ok := rec["level"].(string); ok {
		lv.UnmarshalText([]byte(s))
	}
	msg, _ := rec["msg"].(string)
	delete(rec, "time")
	delete(rec, "level")
	delete(rec, "msg")
	args := make([]any, 0, 2*len(rec)+2)
	args = append(args, "child", true)
	for k, v := range rec {
		args = append(args, k, v)
	}
	log.Log(context.Background(), lv, msg, args...)
}

// kill ends the child's whole process group at once.
func (c *child) kill() {
	c.mu.Lock()
	c.killed = true
	c.mu.Unlock()
	if c.cmd.Process != nil {
		syscall.Kill(-c.cmd.Process.Pid, syscall.SIGKILL)
		c.cmd.Process.Kill()
	}
	c.end()
}

// close asks an idle child to exit (end of its input) and waits.
func (c *child) close() {
	c.in.Close()
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			c.kill()
		}
	}()
	c.end()
	close(done)
}

// end waits for the child to exit, removes its folder and says how it
// ended; it is safe to call more than once.
func (c *child) end() death {
	c.mu.Lock()
	if c.ended {
		d := c.death
		c.mu.Unlock()
		return d
	}
	c.mu.Unlock()
	c.in.Close()
	// A child that has answered and left its group running (a Tesseract it
	// started) must not outlive it.
	<-c.done
	c.cmd.Wait()
	syscall.Kill(-c.cmd.Process.Pid, syscall.SIGKILL)
	os.RemoveAll(c.tmp)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.ended {
		c.ended = true
		c.death = death{killedByUs: c.killed, state: c.cmd.ProcessState, stderr: c.tail.String()}
		if ps := c.cmd.ProcessState; ps != nil {
			c.death.cpu = ps.UserTime() + ps.SystemTime()
		}
	}
	return c.death
}

// tail keeps the last max bytes written to it, line by line.
type tail struct {
	max  int
	head []byte // the first lines: a Go fatal error names its cause there
	b    []byte
	mu   sync.Mutex
}

func (t *tail) write(line []byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.head) < 2048 {
		t.head = append(append(t.head, line[:min(len(line), 2048)]...), '\n')
	}
	t.b = append(append(t.b, line...), '\n')
	if over := len(t.b) - t.max; over > 0 {
		t.b = append(t.b[:0], t.b[over:]...)
	}
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.head) + "…\n" + string(t.b)
}

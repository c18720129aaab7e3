package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
	"github.com/ledongthuc/pdf"
)

// PDF reads the text layer of a PDF, one block per line, pages in order
// and lines in content order (for office exports, the reading order).
// A page whose text layer is empty or garbled is re-read with pdftotext
// when it is installed; a page that stays unusable is listed in NeedOCR.
// The parser panics on some malformed files: that ends as EUNREADABLE.
func PDF(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (*Text, error) {
	return readPDF(ctx, r, size, lim, true)
}

// readPDF is PDF with the pdftotext fallback optional, so fuzzing runs in
// process.
func readPDF(ctx context.Context, r io.ReaderAt, size int64, lim Limits, fallback bool) (t *Text, err error) {
	lim = lim.Defaults()
	if err := checkSize(size, lim); err != nil {
		return nil, err
	}
	defer func() {
		if x := recover(); x != nil {
			t, err = nil, errPDFCorrupt(fmt.Errorf("pdf parser panic: %v", x))
		}
	}()
	pr, err := pdf.NewReader(r, size)
	if err != nil {
		if isEncryptErr(err) {
			return nil, hoso.Wrap(err, hoso.EENCRYPTED, "Tệp PDF được đặt mật khẩu; hãy gửi bản không có mật khẩu",
				"the PDF is password-protected; send a copy without a password")
		}
		return nil, errPDFCorrupt(err)
	}
	leaves, err := pdfPages(pr, lim.MaxPages)
	if err != nil {
		var he *hoso.Error
		if errors.As(err, &he) {
			return nil, err
		}
		return nil, errPDFCorrupt(err)
	}
	n := len(leaves)
	if n == 0 {
		return nil, hoso.Errorf(hoso.EUNREADABLE, "Tệp PDF không có trang nào đọc được", "the PDF has no readable page")
	}
	t = &Text{Format: hoso.FormatPDFText, Pages: n}
	pages := make([][]string, n+1)
	var retry []int
	legacy := map[Encoding]bool{}
	inflate := lim.MaxUncompressed
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, ctxErr(err)
		}
		lines, err := pageLines(pdf.Page{V: leaves[i-1]}, i, &inflate)
		if errors.Is(err, errBudget) {
			return nil, errInflate(lim.MaxUncompressed)
		}
		if err == nil {
			lines, err = usableLines(lines, legacy)
		}
		if err != nil {
			retry = append(retry, i)
			continue
		}
		pages[i] = lines
	}
	if len(retry) > 0 && !fallback {
		t.NeedOCR = retry
		retry = nil
	}
	if len(retry) > 0 {
		fb := &popplerText{r: r, size: size, lim: lim}
		defer fb.close()
		for _, i := range retry {
			lines, err := fb.page(ctx, i)
			if err == nil {
				lines, err = usableLines(lines, legacy)
			}
			switch {
			case err == nil:
				pages[i] = lines
			case ctx.Err() != nil:
				return nil, ctxErr(ctx.Err())
			default:
				t.NeedOCR = append(t.NeedOCR, i)
			}
		}
	}
	for i := 1; i <= n; i++ {
		for j, l := range pages[i] {
			t.Blocks = append(t.Blocks, Block{Page: i, ID: "l" + strconv.Itoa(j+1), Text: l})
		}
	}
	for _, enc := range []Encoding{TCVN3, VNI} {
		if legacy[enc] {
			t.Warnings = append(t.Warnings, legacyWarning(enc, ""))
		}
	}
	return t, nil
}

func errPDFCorrupt(err error) *hoso.Error {
	return hoso.Wrap(err, hoso.EUNREADABLE, "Tệp PDF bị hỏng hoặc bị cắt cụt, không đọc được",
		"the PDF is corrupt or truncated and cannot be read")
}

func isEncryptErr(err error) bool {
	if errors.Is(err, pdf.ErrInvalidPassword) {
		return true
	}
	m := strings.ToLower(err.Error())
	return strings.Contains(m, "encrypt") || strings.Contains(m, "password")
}

// pdfPages lists the page objects in order by walking the page tree
// itself: the library's Page(i) loops forever on a tree that contains
// itself, and its NumPage trusts a /Count that may lie. Depth and visits
// are bounded; more than max pages (max >= 0) is ETOOLARGE.
func pdfPages(pr *pdf.Reader, max int) (pages []pdf.Value, err error) {
	defer func() {
		if x := recover(); x != nil {
			pages, err = nil, fmt.Errorf("pdf parser panic: %v", x)
		}
	}()
	const maxDepth = 32
	visits := 0
	budget := 4*max + 1024
	if max < 0 {
		budget = 1 << 22
	}
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		if visits++; visits > budget {
			return errors.New("page tree too large")
		}
		if depth > maxDepth {
			return errors.New("page tree too deep or cyclic")
		}
		if v.Kind() != pdf.Dict {
			return nil
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || v.Key("Type").Name() != "Pages" && kids.Kind() != pdf.Array {
			pages = append(pages, v)
			if max >= 0 && len(pages) > max {
				return hoso.Errorf(hoso.ETOOLARGE, "Tệp PDF có quá nhiều trang (trên %d)",
					"the PDF has too many pages (more than %d)", max)
			}
			return nil
		}
		for k := 0; k < kids.Len(); k++ {
			if err := walk(kids.Index(k), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(pr.Trailer().Key("Root").Key("Pages"), 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// pageResources finds a page's resources, inherited along /Parent, in a
// bounded number of steps (a /Parent cycle would loop forever).
func pageResources(p pdf.Page) pdf.Value {
	v := p.V
	for i := 0; i < 32 && !v.IsNull(); i++ {
		if r := v.Key("Resources"); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

var errNoText = errors.New("no usable text layer")

// usableLines decodes legacy-encoded lines and rejects a page whose text
// is empty or garbage (control characters, U+FFFD, Latin-1 junk from a
// broken ToUnicode map).
func usableLines(lines []string, legacy map[Encoding]bool) ([]string, error) {
	all := strings.Join(lines, "\n")
	if enc := DetectEncoding(all); enc != Unicode {
		legacy[enc] = true
		for i, l := range lines {
			lines[i] = enc.Decode(l, false)
		}
		all = strings.Join(lines, "\n")
	}
	if garbage(all) {
		return nil, errNoText
	}
	out := lines[:0]
	for _, l := range lines {
		if l = cleanText(l); l != "" {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return nil, errNoText
	}
	return out, nil
}

// garbage reports whether more than 5 % of the visible characters could
// not be real text.
func garbage(s string) bool {
	n, bad := 0, 0
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			continue
		}
		n++
		switch {
		case r < 0x20, r >= 0x7f && r < 0xa0, r == '\ufffd', r >= 0xe000 && r <= 0xf8ff:
			bad++
		case r >= 0xa1 && r <= 0xff && unicode.IsLetter(r) && !vietLatin1(r):
			bad++
		}
	}
	return bad >= 3 && bad*20 > n
}

// pageLines rebuilds the lines of page i from its content stream: text
// shown at the same baseline joins one line, in content order. Fonts
// switching mid-line give separate text objects; their pieces are joined
// with a space only where two letters would otherwise touch.
func pageLines(p pdf.Page, i int, inflate *int64) (lines []string, err error) {
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(error); ok {
				lines, err = nil, fmt.Errorf("pdf parser panic on page %d: %w", i, e)
				return
			}
			lines, err = nil, fmt.Errorf("pdf parser panic on page %d: %v", i, x)
		}
	}()
	if p.V.IsNull() {
		return nil, fmt.Errorf("page %d missing", i)
	}
	contents := p.V.Key("Contents")
	if contents.Kind() == pdf.Null {
		return nil, nil
	}
	if err := measureContents(contents, inflate); err != nil {
		return nil, err
	}
	type mat [6]float64
	ident := mat{1, 0, 0, 1, 0, 0}
	mul := func(a, b mat) mat {
		return mat{a[0]*b[0] + a[1]*b[2], a[0]*b[1] + a[1]*b[3],
			a[2]*b[0] + a[3]*b[2], a[2]*b[1] + a[3]*b[3],
			a[4]*b[0] + a[5]*b[2] + b[4], a[4]*b[1] + a[5]*b[3] + b[5]}
	}
	var (
		ctm, tm, tlm = ident, ident, ident
		ctmStack     []mat
		fontSize     = 12.0
		leading      float64
		charSpace    float64 // Tc
		wordSpace    float64 // Tw
		hScale       = 1.0   // Tz / 100
		enc          pdf.TextEncoding
		wid          *glyphWidths
		fonts        = map[string]fontInfo{}
		res          pdf.Value
		cur          []piece // the current line's text runs, with their x
		curY         = math.NaN()
		tol          float64
		started      bool
	)
	flush := func() {
		if len(cur) > 0 {
			lines = append(lines, joinPieces(cur))
			cur = cur[:0]
		}
	}
	decode := func(raw string) string {
		if enc == nil {
			return raw
		}
		return enc.Decode(raw)
	}
	// advance moves the text matrix past a shown string, by the glyph
	// widths of the font (PDF 32000 9.4.4), so the next run starts where
	// this one ends and the gap between runs tells a space from a kern.
	advance := func(raw string) float64 {
		if wid == nil {
			return 0
		}
		var w float64
		for _, c := range wid.codes(raw) {
			w += (wid.width(c)/1000*fontSize + charSpace) * hScale
			if c == ' ' && !wid.twoByte {
				w += wordSpace * hScale
			}
		}
		return w
	}
	show := func(raw string) {
		text := decode(raw)
		adv := advance(raw)
		trm := mul(tm, ctm)
		tm = mul(mat{1, 0, 0, 1, adv, 0}, tm)
		if text == "" {
			return
		}
		y := trm[5]
		scale := math.Hypot(trm[0], trm[1])
		h := math.Abs(fontSize * math.Hypot(trm[2], trm[3]))
		if !started || math.Abs(y-curY) > math.Max(tol, 1) {
			flush()
			curY, tol, started = y, 0.4*h, true
		}
		p := piece{x: trm[4], s: text, size: h}
		if wid != nil {
			p.end = trm[4] + adv*scale
		}
		cur = append(cur, p)
	}
	kern := func(n float64) { // a TJ number, in thousandths of a text space unit
		tm = mul(mat{1, 0, 0, 1, -n / 1000 * fontSize * hScale, 0}, tm)
	}

	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for k := n - 1; k >= 0; k-- {
			args[k] = stk.Pop()
		}
		num := func(k int) float64 {
			if k < len(args) {
				return args[k].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(ctmStack) < 1024 {
				ctmStack = append(ctmStack, ctm)
			}
		case "Q":
			if len(ctmStack) > 0 {
				ctm = ctmStack[len(ctmStack)-1]
				ctmStack = ctmStack[:len(ctmStack)-1]
			}
		case "cm":
			if n == 6 {
				ctm = mul(mat{num(0), num(1), num(2), num(3), num(4), num(5)}, ctm)
			}
		case "BT":
			tm, tlm = ident, ident
		case "Tf":
			if n != 2 {
				return
			}
			name := args[0].Name()
			fontSize = num(1)
			f, ok := fonts[name]
			if !ok {
				if res.IsNull() {
					res = pageResources(p)
				}
				fv := res.Key("Font").Key(name)
				e, err := fontEncoding(fv, inflate)
				if err != nil {
					panic(err)
				}
				f = fontInfo{enc: e, wid: fontWidths(fv)}
				fonts[name] = f
			}
			enc, wid = f.enc, f.wid
		case "Tc":
			charSpace = num(0)
		case "Tw":
			wordSpace = num(0)
		case "Tz":
			hScale = num(0) / 100
		case "TL":
			leading = num(0)
		case "Td", "TD":
			if op == "TD" {
				leading = -num(1)
			}
			tlm = mul(mat{1, 0, 0, 1, num(0), num(1)}, tlm)
			tm = tlm
		case "Tm":
			if n == 6 {
				tlm = mat{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = mul(mat{1, 0, 0, 1, 0, -leading}, tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				tlm = mul(mat{1, 0, 0, 1, 0, -leading}, tlm)
				tm = tlm
			}
			if n > 0 {
				show(args[n-1].RawString())
			}
		case "TJ":
			if n == 0 {
				return
			}
			v := args[0]
			if wid == nil {
				// Without glyph widths the runs cannot be placed: show the
				// array as one run, a large negative adjustment being a word
				// gap in files that draw no space glyphs.
				var b strings.Builder
				for k := 0; k < v.Len(); k++ {
					x := v.Index(k)
					switch x.Kind() {
					case pdf.String:
						b.WriteString(x.RawString())
					case pdf.Integer, pdf.Real:
						if x.Float64() < -250 && b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
							b.WriteByte(' ')
						}
					}
				}
				show(b.String())
				return
			}
			for k := 0; k < v.Len(); k++ {
				x := v.Index(k)
				switch x.Kind() {
				case pdf.String:
					show(x.RawString())
				case pdf.Integer, pdf.Real:
					kern(x.Float64())
				}
			}
		}
	})
	flush()
	return lines, nil
}

// measureContents inflates a page's content streams once, counting and
// scanning, before the interpreter reads them: a compressed stream can
// hold gigabytes, and the interpreter keeps every operand until an
// operator.
func measureContents(v pdf.Value, left *int64) error {
	var streams []pdf.Value
	if v.Kind() == pdf.Array {
		for k := 0; k < v.Len(); k++ {
			streams = append(streams, v.Index(k))
		}
	} else {
		streams = append(streams, v)
	}
	// The array's streams form one content stream: a string may span them.
	lx := &psLexer{}
	for _, st := range streams {
		if err := lx.scan(st, left); err != nil {
			return err
		}
	}
	return lx.end()
}

var errUnterminated = errors.New("content stream ends inside a hex string")

// psLexer follows strings and comments of a PostScript-like stream just
// enough to see where it ends. The library's tokenizer loops forever on a
// stream that ends inside a <hex string>, so such streams never reach it.
type psLexer struct {
	state   byte // 0 code, '(' literal, '<' hex or dict opener, 'x' hex, '%' comment
	depth   int  // literal string nesting
	escaped bool
}

func (lx *psLexer) scan(st pdf.Value, left *int64) error {
	rc := st.Reader()
	defer rc.Close()
	r := io.Reader(rc)
	if *left >= 0 {
		r = io.LimitReader(rc, *left+1)
	}
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		for _, c := range buf[:n] {
			lx.step(c)
		}
		if *left >= 0 {
			if *left -= int64(n); *left < 0 {
				return errBudget
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (lx *psLexer) step(c byte) {
	switch lx.state {
	case 0:
		switch c {
		case '(':
			lx.state, lx.depth = '(', 1
		case '<':
			lx.state = '<'
		case '%':
			lx.state = '%'
		}
	case '<': // after one '<': "<<" opens a dictionary, anything else a hex string
		if c == '<' {
			lx.state = 0
		} else if c == '>' {
			lx.state = 0
		} else {
			lx.state = 'x'
		}
	case 'x':
		if c == '>' {
			lx.state = 0
		}
	case '%':
		if c == '\r' || c == '\n' {
			lx.state = 0
		}
	case '(':
		switch {
		case lx.escaped:
			lx.escaped = false
		case c == '\\':
			lx.escaped = true
		case c == '(':
			lx.depth++
		case c == ')':
			if lx.depth--; lx.depth == 0 {
				lx.state = 0
			}
		}
	}
}

func (lx *psLexer) end() error {
	if lx.state == '<' || lx.state == 'x' {
		return errUnterminated
	}
	return nil
}

// rawEncoding stands in for a font whose ToUnicode map cannot be read
// safely: its text then fails the garbage check and goes to pdftotext.
type rawEncoding struct{}

func (rawEncoding) Decode(raw string) string { return raw }

// fontEncoding returns the font's decoder, after checking its ToUnicode
// map the way measureContents checks page content.
func fontEncoding(font pdf.Value, left *int64) (pdf.TextEncoding, error) {
	if tu := font.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		lx := &psLexer{}
		if err := lx.scan(tu, left); err != nil {
			return nil, err
		}
		if lx.end() != nil {
			return rawEncoding{}, nil
		}
	}
	f := pdf.Font{V: font}
	return f.Encoder(), nil
}

func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// popplerText re-reads pages with pdftotext, which decodes the fonts that
// the Go parser gets wrong (wide ToUnicode ranges, Form XObjects).
type popplerText struct {
	r    io.ReaderAt
	size int64
	lim  Limits
	path string
	err  error
}

const maxPageText = 4 << 20

func (p *popplerText) page(ctx context.Context, n int) ([]string, error) {
	if p.path == "" && p.err == nil {
		p.path, p.err = p.spill()
	}
	if p.err != nil {
		return nil, p.err
	}
	timeout := min(p.lim.PageTimeout, 60*time.Second)
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	pg := strconv.Itoa(n)
	cmd := exec.CommandContext(ctx, "pdftotext", "-q", "-layout", "-enc", "UTF-8", "-f", pg, "-l", pg, p.path, "-")
	out := &cappedBuffer{max: maxPageText}
	cmd.Stdout = out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("pdftotext page %d: %w", n, err)
	}
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(out.String(), "\f", "\n"), "\n") {
		if l = layoutSpaces(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// layoutSpaces turns pdftotext's column padding (3+ spaces) into a tab
// and squashes the rest.
func layoutSpaces(l string) string {
	var b strings.Builder
	for _, f := range strings.Split(strings.TrimSpace(l), "   ") {
		if f = strings.Join(strings.Fields(f), " "); f == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(f)
	}
	return b.String()
}

func (p *popplerText) spill() (string, error) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return "", err
	}
	f, err := os.CreateTemp("", "hoso-*.pdf")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(f, io.NewSectionReader(p.r, 0, p.size))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

func (p *popplerText) close() {
	if p.path != "" {
		os.Remove(p.path)
	}
}

// cappedBuffer keeps at most max bytes and fails the writer beyond.
type cappedBuffer struct {
	bytes.Buffer
	max int
}

func (c *cappedBuffer) Write(b []byte) (int, error) {
	if c.Len()+len(b) > c.max {
		return 0, errors.New("output too large")
	}
	return c.Buffer.Write(b)
}

// piece is a run of text shown on a line: where it starts and, when the
// font's widths are known, where it ends, in user space; size is the
// font's height there.
type piece struct {
	x, end, size float64
	s            string
}

// joinPieces writes a line's runs left to right. Producers draw a line in
// any order: LibreOffice draws the ☐/☒ of a form in a symbol font after
// the words they stand before. Two runs that meet word to word get a
// space.
func joinPieces(ps []piece) string {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].x < ps[j].x })
	ps = placeBoxes(ps)
	var b strings.Builder
	for i, p := range ps {
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(p.s)
			prev := ps[i-1]
			switch {
			case last == ' ' || last == '\t' || first == ' ' || first == '\t':
			case prev.end > 0:
				// Placed runs: the gap decides. A column's width apart is a
				// tab, as pdftotext's layout would show it; a word's space
				// a space; less is a kern inside a word.
				gap := p.x - prev.end
				switch {
				case gap > 2.5*p.size:
					b.WriteByte('\t')
				case gap > 0.18*p.size:
					b.WriteByte(' ')
				}
			case isWordChar(last) && isWordChar(first):
				b.WriteByte(' ')
			}
		}
		b.WriteString(p.s)
	}
	return b.String()
}

// fontInfo is what the line reader needs of a font.
type fontInfo struct {
	enc pdf.TextEncoding
	wid *glyphWidths // nil: widths unknown
}

// glyphWidths are a font's advance widths in thousandths of the text size.
type glyphWidths struct {
	twoByte bool // Type0 with 2-byte codes (Identity-H and the like)
	first   int
	simple  []float64       // simple fonts: Widths from FirstChar
	cid     map[int]float64 // Type0: the descendant's W array
	def     float64         // MissingWidth or DW
}

// maxWidths bounds how many widths a font may declare: a hostile W array
// must not make the reader allocate without limit.
const maxWidths = 1 << 16

// fontWidths reads a font's widths, or nil when it has none usable.
func fontWidths(font pdf.Value) *glyphWidths {
	if font.Kind() != pdf.Dict {
		return nil
	}
	if font.Key("Subtype").Name() == "Type0" {
		d := font.Key("DescendantFonts").Index(0)
		if d.Kind() != pdf.Dict {
			return nil
		}
		g := &glyphWidths{twoByte: true, def: 1000, cid: map[int]float64{}}
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			g.def = dw.Float64()
		}
		w := d.Key("W")
		for i := 0; i < w.Len() && len(g.cid) < maxWidths; {
			c := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for k := 0; k < next.Len() && len(g.cid) < maxWidths; k++ {
					g.cid[c+k] = next.Index(k).Float64()
				}
				i += 2
				continue
			}
			last := int(next.Int64())
			wv := w.Index(i + 2).Float64()
			for k := c; k <= last && k-c < maxWidths && len(g.cid) < maxWidths; k++ {
				g.cid[k] = wv
			}
			i += 3
		}
		return g
	}
	ws := font.Key("Widths")
	if ws.Kind() != pdf.Array || ws.Len() == 0 {
		return nil
	}
	g := &glyphWidths{first: int(font.Key("FirstChar").Int64()), def: 500}
	if mw := font.Key("FontDescriptor").Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
		g.def = mw.Float64()
	}
	for k := 0; k < ws.Len() && k < 256; k++ {
		g.simple = append(g.simple, ws.Index(k).Float64())
	}
	return g
}

// codes splits a shown string into character codes.
func (g *glyphWidths) codes(raw string) []int {
	out := make([]int, 0, len(raw))
	if g.twoByte {
		for i := 0; i+1 < len(raw); i += 2 {
			out = append(out, int(raw[i])<<8|int(raw[i+1]))
		}
		return out
	}
	for i := 0; i < len(raw); i++ {
		out = append(out, int(raw[i]))
	}
	return out
}

func (g *glyphWidths) width(c int) float64 {
	if g.twoByte {
		if w, ok := g.cid[c]; ok {
			return w
		}
		return g.def
	}
	if k := c - g.first; k >= 0 && k < len(g.simple) {
		return g.simple[k]
	}
	return g.def
}

// boxes are the check-box glyphs forms print before options.
const boxes = "☐☑☒□■▣⊠✓✔✗✘"

// placeBoxes puts check boxes drawn as a run of their own, after the words
// of their line, back into the gaps the words leave for them: the run
// "☐ ☒" after "lượng:  Hoàn thành xuất sắc nhiệm vụ   " fills the two gaps
// in order. A box run that finds no gap stays where it is.
func placeBoxes(ps []piece) []piece {
	for i := 1; i < len(ps); i++ {
		bx := strings.Fields(ps[i].s)
		if len(bx) == 0 || strings.Trim(ps[i].s, boxes+" ") != "" {
			continue
		}
		text := ps[i-1].s
		var gaps []int // byte offsets where a gap of two spaces or more starts
		for k := 0; k < len(text); {
			if text[k] == ' ' && k+1 < len(text) && text[k+1] == ' ' {
				gaps = append(gaps, k)
				for k < len(text) && text[k] == ' ' {
					k++
				}
				continue
			}
			k++
		}
		if len(gaps) != len(bx) {
			continue
		}
		var b strings.Builder
		prev := 0
		for g, at := range gaps {
			b.WriteString(strings.TrimRight(text[prev:at], " "))
			b.WriteString(" " + bx[g] + " ")
			prev = at
			for prev < len(text) && text[prev] == ' ' {
				prev++
			}
		}
		b.WriteString(text[prev:])
		ps[i-1].s = b.String()
		ps = append(ps[:i], ps[i+1:]...)
		i--
	}
	return ps
}

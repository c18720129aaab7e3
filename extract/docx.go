package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/hoso-vn/hoso"
	"golang.org/x/text/unicode/norm"
)

const nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

// DOCX reads the text of a Word document (.docx): headers, body
// paragraphs and table cells in reading order, footnotes, then footers.
// Legacy TCVN3/VNI text is converted to Unicode and every block is NFC.
// Blocks carry no file name; the caller sets Block.File.
func DOCX(r io.ReaderAt, size int64, lim Limits) (t *Text, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, hoso.Wrap(fmt.Errorf("panic: %v", p), hoso.EINTERNAL,
				"Lỗi nội bộ khi đọc tệp Word", "internal error while reading the Word document")
		}
	}()
	lim = lim.Defaults()
	if err := checkSize(size, lim); err != nil {
		return nil, err
	}
	zr, err := openZip(r, size, lim)
	if err != nil {
		return nil, err
	}
	switch k, odf := classifyZip(zr); k {
	case zipDOCX:
	case zipBundle:
		return nil, hoso.Errorf(hoso.EUNREADABLE, "Tệp là tệp nén ZIP, không phải tệp Word (.docx)",
			"the file is a ZIP archive, not a Word document (.docx)")
	default:
		return nil, errZipKind(k, odf)
	}
	return docxText(zr, newBudget(lim), "")
}

// docxText reads an opened DOCX package within budget b.
func docxText(zr *zip.Reader, b *budget, file string) (*Text, error) {
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[strings.ToLower(f.Name)] = f
	}
	d := &docxReader{file: file, b: b}
	if f := files["word/styles.xml"]; f != nil {
		st, err := readStyles(f, b)
		if err != nil && hoso.Code(err) == hoso.ETOOLARGE {
			return nil, err
		}
		d.styles = st // a broken styles part costs only font detection
	}

	type part struct {
		name, prefix string
		order        int
	}
	var heads, foots []part
	for _, f := range zr.File {
		n := strings.ToLower(f.Name)
		for _, kind := range []struct{ p, id string }{{"word/header", "h"}, {"word/footer", "f"}} {
			if rest, ok := strings.CutPrefix(n, kind.p); ok && strings.HasSuffix(rest, ".xml") && !strings.Contains(rest, "/") {
				num, err := strconv.Atoi(strings.TrimSuffix(rest, ".xml"))
				if err != nil {
					num = 1000 + len(heads) + len(foots)
				}
				p := part{f.Name, kind.id + strconv.Itoa(num), num}
				if kind.id == "h" {
					heads = append(heads, p)
				} else {
					foots = append(foots, p)
				}
			}
		}
	}
	byOrder := func(ps []part) { sort.SliceStable(ps, func(i, j int) bool { return ps[i].order < ps[j].order }) }
	byOrder(heads)
	byOrder(foots)
	parts := append(heads, part{name: "word/document.xml"})
	parts = append(parts, part{name: "word/footnotes.xml", prefix: "fn"}, part{name: "word/endnotes.xml", prefix: "en"})
	parts = append(parts, foots...)

	t := &Text{Format: hoso.FormatDOCX}
	for _, p := range parts {
		f := files[strings.ToLower(p.name)]
		if f == nil {
			continue
		}
		err := d.part(f, p.prefix)
		if err == nil {
			continue
		}
		if p.prefix == "" || hoso.Code(err) == hoso.ETOOLARGE {
			return nil, err
		}
		t.Warnings = append(t.Warnings, hoso.Warning{Code: hoso.WarnPartSkipped,
			Message: fmt.Sprintf("Bỏ qua phần %s của tệp Word vì bị hỏng", p.name)})
	}
	d.finish(t)
	return t, nil
}

// maxBlockText bounds one run of text. No dossier has a megabyte-long
// paragraph; a file that does is an attack on memory.
const maxBlockText = 1 << 20

// maxBlocks and maxDepth bound the reader's own bookkeeping, which the
// inflate limit alone does not: a part of empty "<w:p/>" costs little to
// inflate but much to track.
const (
	maxBlocks = 200_000
	maxDepth  = 256
)

// tagGapReader fails when maxBlockText bytes pass without a '<'. The XML
// decoder buffers a whole text node or attribute before returning it, so
// this is what bounds its memory on a part made of one giant text node.
type tagGapReader struct {
	r   io.Reader
	gap int
}

func (t *tagGapReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	for _, c := range p[:n] {
		if c == '<' {
			t.gap = 0
		} else if t.gap++; t.gap > maxBlockText {
			return 0, errBlockTooLong()
		}
	}
	return n, err
}

func errBlockTooLong() *hoso.Error {
	return hoso.Errorf(hoso.ETOOLARGE, "Tệp Word có một đoạn văn dài bất thường (trên 1 MiB chữ)",
		"the Word document has an abnormally long paragraph (over 1 MiB of text)")
}

func errDOCXCorrupt(err error) error {
	var he *hoso.Error
	if errors.As(err, &he) {
		return err
	}
	return hoso.Wrap(err, hoso.EUNREADABLE, "Tệp Word (.docx) bị hỏng, không đọc được nội dung",
		"the Word document (.docx) is corrupt; its content cannot be read")
}

// docxStyles holds the font each style sets, to find legacy fonts that
// runs inherit instead of naming.
type docxStyles struct {
	def      string            // docDefaults font
	defPara  string            // the default paragraph style's id
	fonts    map[string]string // style id → its own font
	basedOn  map[string]string
	resolved map[string]string
}

func readStyles(f *zip.File, b *budget) (*docxStyles, error) {
	st := &docxStyles{fonts: map[string]string{}, basedOn: map[string]string{}, resolved: map[string]string{}}
	// Styles only matter when one of them names a legacy font: any other
	// font decodes as Unicode, exactly as no font does. Word's and
	// python-docx's styles.xml is 350 KB of mostly latent styles, so a
	// byte scan for the legacy font prefixes replaces walking every token
	// (14 ms a dossier) in all but the rare legacy document.
	legacy, err := stylesNameLegacyFont(f, b)
	if err != nil || !legacy {
		return st, err
	}
	rc, lr, err := b.open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(&tagGapReader{r: lr})
	var stack []string
	cur, curType, isDefault := "", "", false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			return st, errDOCXCorrupt(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, e.Name.Local)
			switch e.Name.Local {
			case "style":
				cur, curType, isDefault = attr(e, "styleId"), attr(e, "type"), attr(e, "default") == "1" || attr(e, "default") == "true"
				if isDefault && curType == "paragraph" {
					st.defPara = cur
				}
			case "basedOn":
				if cur != "" {
					st.basedOn[cur] = attr(e, "val")
				}
			case "rFonts":
				if parent != "rPr" {
					break
				}
				font := runFont(e)
				if inStack(stack, "docDefaults") {
					st.def = font
				} else if cur != "" && inStack(stack, "style") && !inStack(stack, "tblStylePr") {
					st.fonts[cur] = font
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if e.Name.Local == "style" {
				cur = ""
			}
		}
	}
}

// stylesNameLegacyFont reports whether the styles part may name a legacy
// font: it holds ".vn" or "vni-" in any case, or a character reference
// that could spell one. It reads the part once, within the budget, with a
// fixed buffer.
func stylesNameLegacyFont(f *zip.File, b *budget) (bool, error) {
	rc, lr, err := b.open(f)
	if err != nil {
		return false, err
	}
	defer rc.Close()
	const keep = 3 // bytes carried over so a marker split by a read is seen
	buf := make([]byte, 32<<10)
	n := 0
	for {
		m, err := lr.Read(buf[n:])
		n += m
		if legacyFontMarker(buf[:n]) {
			return true, nil
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, errDOCXCorrupt(err)
		}
		if n > keep {
			n = copy(buf, buf[n-keep:n])
		}
	}
}

// legacyFontMarker finds ".vn", "vni-" (any case) or "&#" in p. It looks
// for the rare bytes '.', '-' and '&' with IndexByte, which is what keeps
// the scan near memory speed.
func legacyFontMarker(p []byte) bool {
	for i := 0; ; {
		k := bytes.IndexByte(p[i:], '.')
		if k < 0 {
			break
		}
		i += k + 1
		if i+1 < len(p) && p[i]|0x20 == 'v' && p[i+1]|0x20 == 'n' {
			return true
		}
	}
	for i := 0; ; {
		k := bytes.IndexByte(p[i:], '-')
		if k < 0 {
			break
		}
		i += k + 1
		if j := i - 4; j >= 0 && p[j]|0x20 == 'v' && p[j+1]|0x20 == 'n' && p[j+2]|0x20 == 'i' {
			return true
		}
	}
	return bytes.Contains(p, []byte("&#"))
}

// font returns the font style id sets, following basedOn.
func (st *docxStyles) font(id string) string {
	if st == nil || id == "" {
		return ""
	}
	if f, ok := st.resolved[id]; ok {
		return f
	}
	f := ""
	for i, s := 0, id; i < 16 && s != ""; i, s = i+1, st.basedOn[s] {
		if v := st.fonts[s]; v != "" {
			f = v
			break
		}
	}
	st.resolved[id] = f
	return f
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func inStack(stack []string, name string) bool {
	for _, s := range stack {
		if s == name {
			return true
		}
	}
	return false
}

// runFont picks the font that draws non-ASCII characters (hAnsi), where a
// legacy font matters, then the others.
func runFont(e xml.StartElement) string {
	var ascii, hansi, cs string
	for _, a := range e.Attr {
		switch a.Name.Local {
		case "ascii":
			ascii = a.Value
		case "hAnsi":
			hansi = a.Value
		case "cs":
			cs = a.Value
		}
	}
	for _, f := range []string{hansi, ascii, cs} {
		if enc, _ := FontEncoding(f); enc != Unicode {
			return f
		}
	}
	if hansi != "" {
		return hansi
	}
	if ascii != "" {
		return ascii
	}
	return cs
}

// docxReader turns WordprocessingML parts into blocks.
type docxReader struct {
	file   string
	b      *budget
	styles *docxStyles
	blocks []docxBlock
	legacy map[Encoding]bool
}

// docxBlock is a block whose text is not final yet: text with no font
// telling its encoding waits for the whole document's statistics.
type docxBlock struct {
	Block
	undecided bool // raw Latin-1 text that may be TCVN3 or VNI
	legacy    bool // some run was converted from a legacy font
}

type docxPara struct {
	buf       strings.Builder
	slot      int // index in blocks, or -1 inside a table cell
	cell      *docxCell
	style     string
	undecided bool
	legacy    bool
}

type docxRun struct {
	raw   strings.Builder
	font  string
	style string
}

type docxCell struct {
	slot        int
	col, span   int
	buf         strings.Builder
	undecided   bool
	legacy      bool
	paragraphs  int
	table, rowN int
}

type docxTable struct {
	index, row, col int
}

// part reads one XML part into d's blocks. Counters restart per part; IDs
// carry prefix. The part is read whole and walked by scanWML when it is
// small enough and stays within the subset of XML that scanner knows;
// otherwise, or on any error, it is streamed through encoding/xml, which
// also words every error.
func (d *docxReader) part(f *zip.File, prefix string) error {
	if d.partFast(f, prefix) {
		return nil
	}
	return d.partXML(f, prefix)
}

// maxFastPart bounds the parts read whole: beyond it (hundreds of pages of
// text), a part is streamed.
const maxFastPart = 4 << 20

// partFast reads the part whole and walks it with scanWML. It reports
// false, having undone all it did (blocks, legacy marks, inflate budget),
// when partXML must read the part instead: a read error, a part over
// maxFastPart, XML outside the scanner's subset, or an error of the
// document itself, all of which partXML reports in its own words.
func (d *docxReader) partFast(f *zip.File, prefix string) bool {
	// archive/zip inflates no more than the header's size, so that size
	// decides.
	if f.UncompressedSize64 > maxFastPart {
		return false // a long document, or a bomb: streamed from the start
	}
	rc, lr, err := d.b.open(f)
	if err != nil {
		return false
	}
	defer rc.Close()
	refund := func() {
		if d.b.total >= 0 {
			d.b.left += lr.entry
		}
	}
	// The first allocation is capped as in budget.readAll; one byte more
	// than the size lets EOF arrive without growing the buffer.
	hint := min(int64(f.UncompressedSize64), 1<<20) + 1
	buf := make([]byte, 0, hint)
	for {
		if len(buf) == cap(buf) {
			if len(buf) > maxFastPart {
				refund()
				return false
			}
			// Grow as append would, but never past maxFastPart+1 bytes.
			grown := make([]byte, len(buf), min(2*cap(buf), maxFastPart+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			refund()
			return false
		}
	}
	if len(buf) > maxFastPart {
		refund()
		return false
	}
	blocks, legacy := len(d.blocks), maps.Clone(d.legacy)
	if scanWML(string(buf), newPartState(d, prefix)) {
		return true
	}
	d.blocks, d.legacy = d.blocks[:blocks], legacy
	refund()
	return false
}

// partXML streams one part through encoding/xml.
func (d *docxReader) partXML(f *zip.File, prefix string) error {
	rc, lr, err := d.b.open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	return d.readXML(lr, prefix)
}

// readXML reads one part's XML from r with encoding/xml.
func (d *docxReader) readXML(r io.Reader, prefix string) error {
	dec := xml.NewDecoder(&tagGapReader{r: r})
	st := newPartState(d, prefix)
	for {
		if st.tooLong {
			return errBlockTooLong()
		}
		tok, err := dec.Token()
		if err == io.EOF {
			if len(st.stack) != 0 {
				return errDOCXCorrupt(io.ErrUnexpectedEOF)
			}
			return nil
		}
		if err != nil {
			return errDOCXCorrupt(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if err := st.start(e); err != nil {
				return err
			}
		case xml.EndElement:
			st.end(e.Name.Local)
		case xml.CharData:
			st.text(string(e))
		}
	}
}

// partState is what reading one part keeps between XML tokens.
type partState struct {
	d          *docxReader
	prefix     string
	stack      []string
	skip       int // depth inside a subtree whose text is not shown
	paras      []*docxPara
	runs       []*docxRun
	containers []*docxCell // nil entries are text boxes
	tables     []*docxTable
	fields     []bool // per open complex field: true while in its instruction
	inText     bool
	pCount     int
	tCount     int
	tooLong    bool // a run passed maxBlockText: the part is refused
}

func newPartState(d *docxReader, prefix string) *partState {
	return &partState{d: d, prefix: prefix}
}

func (st *partState) add(s string) {
	// Text between a field's begin and separate is its instruction.
	if len(st.runs) == 0 || len(st.fields) > 0 && st.fields[len(st.fields)-1] {
		return
	}
	r := st.runs[len(st.runs)-1]
	if r.raw.Len()+len(s) > maxBlockText {
		st.tooLong = true
		return
	}
	r.raw.WriteString(s)
}

// text takes character data; a text node may come in several pieces.
func (st *partState) text(s string) {
	if st.inText && st.skip == 0 && len(st.runs) > 0 {
		if st.runs[len(st.runs)-1].raw.Len()+len(s) > maxBlockText {
			st.tooLong = true
			return
		}
		st.add(s)
	}
}

// readsAttrs reports whether start reads the attributes of an element:
// the scanner hands start the attributes of these elements only.
func (st *partState) readsAttrs(local string) bool {
	switch local {
	case "pStyle", "rStyle", "rFonts", "sym", "fldChar", "gridBefore", "gridSpan":
		return true
	}
	return false
}

// start takes a start tag. Of e's name space only whether it is
// markup-compatibility's matters, and only for the elements that test it.
func (st *partState) start(e xml.StartElement) error {
	d := st.d
	parent := ""
	if len(st.stack) > 0 {
		parent = st.stack[len(st.stack)-1]
	}
	st.stack = append(st.stack, e.Name.Local)
	if len(st.stack) > maxDepth {
		return hoso.Errorf(hoso.ETOOLARGE, "Tệp Word lồng cấu trúc quá sâu (trên %d cấp)",
			"the Word document nests elements too deeply (over %d levels)", maxDepth)
	}
	if len(d.blocks) > maxBlocks {
		return hoso.Errorf(hoso.ETOOLARGE, "Tệp Word có quá nhiều đoạn văn (trên %d)",
			"the Word document has too many paragraphs (over %d)", maxBlocks)
	}
	if st.skip > 0 {
		st.skip++
		return nil
	}
	switch e.Name.Local {
	case "del", "moveFrom", "instrText", "delText", "delInstrText", "tabs", "commentReference":
		if e.Name.Space == nsMC {
			break
		}
		st.skip = 1
	case "Fallback":
		if e.Name.Space == nsMC {
			st.skip = 1
		}
	case "p":
		p := &docxPara{slot: -1}
		if n := len(st.containers); n > 0 && st.containers[n-1] != nil {
			p.cell = st.containers[n-1]
		} else {
			st.pCount++
			p.slot = len(d.blocks)
			d.blocks = append(d.blocks, docxBlock{Block: Block{File: d.file, ID: st.prefix + "p" + strconv.Itoa(st.pCount)}})
		}
		st.paras = append(st.paras, p)
	case "pStyle":
		if len(st.paras) > 0 && parent == "pPr" {
			st.paras[len(st.paras)-1].style = attr(e, "val")
		}
	case "r":
		st.runs = append(st.runs, &docxRun{})
	case "rStyle":
		if len(st.runs) > 0 && parent == "rPr" {
			st.runs[len(st.runs)-1].style = attr(e, "val")
		}
	case "rFonts":
		if len(st.runs) > 0 && parent == "rPr" && len(st.stack) >= 3 && st.stack[len(st.stack)-3] == "r" {
			st.runs[len(st.runs)-1].font = runFont(e)
		}
	case "t":
		st.inText = parent == "r"
	case "tab", "ptab":
		if parent == "r" {
			st.add("\t")
		}
	case "br", "cr":
		if parent == "r" {
			st.add("\n")
		}
	case "noBreakHyphen":
		st.add("-")
	case "sym":
		// A symbol-font character; only a legacy font makes it text.
		if c, err := strconv.ParseUint(attr(e, "char"), 16, 16); err == nil && len(st.runs) > 0 {
			if enc, _ := FontEncoding(attr(e, "font")); enc != Unicode {
				st.add(string(rune(c)))
			}
		}
	case "fldChar":
		switch attr(e, "fldCharType") {
		case "begin":
			st.fields = append(st.fields, true)
		case "separate":
			if len(st.fields) > 0 {
				st.fields[len(st.fields)-1] = false
			}
		case "end":
			if len(st.fields) > 0 {
				st.fields = st.fields[:len(st.fields)-1]
			}
		}
	case "tbl":
		st.tCount++
		st.tables = append(st.tables, &docxTable{index: st.tCount})
	case "tr":
		if len(st.tables) > 0 {
			t := st.tables[len(st.tables)-1]
			t.row++
			t.col = 1
		}
	case "gridBefore":
		if len(st.tables) > 0 && parent == "trPr" {
			if n, err := strconv.Atoi(attr(e, "val")); err == nil && n > 0 && n < 1000 {
				st.tables[len(st.tables)-1].col += n
			}
		}
	case "tc":
		c := &docxCell{span: 1, slot: len(d.blocks)}
		if len(st.tables) > 0 {
			t := st.tables[len(st.tables)-1]
			c.table, c.rowN, c.col = t.index, t.row, t.col
		}
		d.blocks = append(d.blocks, docxBlock{Block: Block{File: d.file,
			ID:    st.prefix + "t" + strconv.Itoa(c.table) + "r" + strconv.Itoa(c.rowN) + "c" + strconv.Itoa(c.col),
			Table: c.table, Row: c.rowN, Col: c.col}})
		st.containers = append(st.containers, c)
	case "gridSpan":
		if n := len(st.containers); n > 0 && st.containers[n-1] != nil && parent == "tcPr" {
			if v, err := strconv.Atoi(attr(e, "val")); err == nil && v > 1 && v < 1000 {
				st.containers[n-1].span = v
			}
		}
	case "txbxContent":
		st.containers = append(st.containers, nil)
	}
	return nil
}

// end takes an end tag (local name).
func (st *partState) end(local string) {
	d := st.d
	if len(st.stack) > 0 {
		st.stack = st.stack[:len(st.stack)-1]
	}
	if st.skip > 0 {
		st.skip--
		return
	}
	switch local {
	case "t":
		st.inText = false
	case "r":
		if len(st.runs) == 0 {
			break
		}
		r := st.runs[len(st.runs)-1]
		st.runs = st.runs[:len(st.runs)-1]
		if len(st.paras) > 0 {
			d.flushRun(r, st.paras[len(st.paras)-1])
		}
	case "p":
		if len(st.paras) == 0 {
			break
		}
		p := st.paras[len(st.paras)-1]
		st.paras = st.paras[:len(st.paras)-1]
		if p.cell != nil {
			c := p.cell
			if c.paragraphs > 0 {
				c.buf.WriteByte('\n')
			}
			c.paragraphs++
			c.buf.WriteString(p.buf.String())
			c.undecided = c.undecided || p.undecided
			c.legacy = c.legacy || p.legacy
		} else if p.buf.Len() == 0 && p.slot == len(d.blocks)-1 {
			d.blocks = d.blocks[:p.slot] // empty: keep memory proportional to text
		} else {
			blk := &d.blocks[p.slot]
			blk.Text, blk.undecided, blk.legacy = p.buf.String(), p.undecided && !p.legacy, p.legacy
		}
	case "tc":
		n := len(st.containers)
		if n == 0 || st.containers[n-1] == nil {
			break
		}
		c := st.containers[n-1]
		st.containers = st.containers[:n-1]
		if c.buf.Len() == 0 && c.slot == len(d.blocks)-1 {
			d.blocks = d.blocks[:c.slot]
		} else {
			blk := &d.blocks[c.slot]
			blk.Text, blk.undecided, blk.legacy = c.buf.String(), c.undecided && !c.legacy, c.legacy
		}
		if len(st.tables) > 0 {
			st.tables[len(st.tables)-1].col += c.span
		}
	case "txbxContent":
		if n := len(st.containers); n > 0 && st.containers[n-1] == nil {
			st.containers = st.containers[:n-1]
		}
	case "tbl":
		if len(st.tables) > 0 {
			st.tables = st.tables[:len(st.tables)-1]
		}
	}
}

// flushRun decodes a finished run by its font and adds it to p.
func (d *docxReader) flushRun(r *docxRun, p *docxPara) {
	s := r.raw.String()
	if s == "" || p.buf.Len() > maxBlockText {
		return
	}
	font := r.font
	if font == "" {
		font = d.styles.font(r.style)
	}
	if font == "" {
		font = d.styles.font(p.style)
	}
	if font == "" && d.styles != nil {
		if font = d.styles.font(d.styles.defPara); font == "" {
			font = d.styles.def
		}
	}
	enc, upper := FontEncoding(font)
	if enc != Unicode {
		p.buf.WriteString(enc.Decode(s, upper))
		p.legacy = true
		if d.legacy == nil {
			d.legacy = map[Encoding]bool{}
		}
		d.legacy[enc] = true
		return
	}
	if hasLegacyCodes(s) {
		p.undecided = true
	}
	p.buf.WriteString(s)
}

// finish decides the encoding of font-less text from the whole document,
// normalises every block and drops the empty ones.
func (d *docxReader) finish(t *Text) {
	var undecided strings.Builder
	for _, b := range d.blocks {
		if b.undecided {
			undecided.WriteString(b.Text)
			undecided.WriteByte('\n')
		}
	}
	guess := Unicode
	if undecided.Len() > 0 {
		guess = DetectEncoding(undecided.String())
	}
	t.Blocks = make([]Block, 0, len(d.blocks))
	for _, b := range d.blocks {
		if b.undecided && guess != Unicode {
			b.Text = guess.Decode(b.Text, false)
		}
		b.Text = cleanText(b.Text)
		if b.Text == "" {
			continue
		}
		t.Blocks = append(t.Blocks, b.Block)
	}
	if guess != Unicode {
		if d.legacy == nil {
			d.legacy = map[Encoding]bool{}
		}
		d.legacy[guess] = true
	}
	for _, enc := range []Encoding{TCVN3, VNI} {
		if d.legacy[enc] {
			t.Warnings = append(t.Warnings, legacyWarning(enc, d.file))
		}
	}
}

func legacyWarning(enc Encoding, file string) hoso.Warning {
	name := "TCVN3 (ABC, phông .Vn…)"
	if enc == VNI {
		name = "VNI (phông VNI-…)"
	}
	return hoso.Warning{Code: hoso.WarnLegacyFont,
		Message:  "Văn bản dùng bảng mã cũ " + name + " đã được chuyển sang Unicode; hãy đối chiếu với bản giấy",
		Evidence: []hoso.Evidence{{File: file, Text: enc.String()}}}
}

// cleanText normalises a block: NFC, no control characters except tab and
// newline, no soft hyphens or zero-width characters, trimmed. It must only
// run after legacy decoding.
func cleanText(s string) string {
	s = norm.NFC.String(s)
	clean := true
	for _, r := range s {
		if dropRune(r) {
			clean = false
			break
		}
	}
	if !clean {
		s = strings.Map(func(r rune) rune {
			if r == '\u00a0' {
				return ' '
			}
			if dropRune(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimFunc(s, unicode.IsSpace)
}

func dropRune(r rune) bool {
	switch r {
	case '\t', '\n':
		return false
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00a0', '\ufffd':
		return true
	}
	return unicode.IsControl(r)
}

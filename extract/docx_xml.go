package extract

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanWML walks one WordprocessingML part held whole in s and hands its
// start tags, end tags and text to st, as partXML does from encoding/xml's
// tokens, at a fraction of the cost: no allocation per token, names and
// text are substrings of s.
//
// It knows a subset of XML: ASCII names, the five predefined entities and
// character references, comments, CDATA, processing instructions, no DOCTYPE
// and no carriage returns in text or attribute values. Within that subset
// it refuses what encoding/xml refuses (a strict decoder, as partXML runs
// it), and it returns false at anything else, at any error of the
// document and at any error st reports: partXML then reads the part from
// its start and says what is wrong. So when scanWML returns true, st has
// seen the tokens encoding/xml would have given it (text nodes may come in
// pieces, which st joins).
func scanWML(s string, st *partState) bool {
	// tagGapReader's bound: no stretch of maxBlockText bytes without '<'.
	if len(s) > maxBlockText {
		last := -1
		for i := 0; ; {
			k := strings.IndexByte(s[i:], '<')
			if k < 0 {
				break
			}
			if i+k-last-1 > maxBlockText {
				return false
			}
			last = i + k
			i += k + 1
		}
		if len(s)-last-1 > maxBlockText {
			return false
		}
	}
	sc := wmlScanner{s: s, st: st}
	return sc.run()
}

// nsBinding is one xmlns declaration, in force below the element at depth.
type nsBinding struct {
	prefix, uri string
	depth       int
}

type wmlScanner struct {
	s     string
	st    *partState
	open  []string // qualified names of the open elements
	ns    []nsBinding
	attrs []xml.Attr // the current start tag's, reused
	buf   []byte     // scratch for decoding references
}

func (sc *wmlScanner) run() bool {
	s := sc.s
	for i := 0; i < len(s); {
		if s[i] != '<' {
			end := strings.IndexByte(s[i:], '<')
			if end < 0 {
				end = len(s)
			} else {
				end += i
			}
			if !sc.text(s[i:end]) {
				return false
			}
			i = end
			continue
		}
		if i+1 >= len(s) {
			return false
		}
		var ok bool
		switch s[i+1] {
		case '/':
			i, ok = sc.endTag(i + 2)
		case '?':
			i, ok = sc.procInst(i + 2)
		case '!':
			i, ok = sc.bang(i + 2)
		default:
			i, ok = sc.startTag(i + 1)
		}
		if !ok || sc.st.tooLong {
			return false
		}
	}
	return len(sc.open) == 0
}

// nameByte marks the bytes of the ASCII names the scanner reads: 1 for
// letters and '_', which may start one, 2 for digits, '.', '-' and ':'.
var nameByte = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	t['_'] = 1
	for _, c := range "0123456789.-:" {
		t[c] = 2
	}
	return t
}()

// name reads an ASCII XML name at i: a letter or '_', then letters,
// digits, '_', '.', '-' and ':'. It splits it at its colon as
// encoding/xml does; ok is false when no such name starts at i, when a
// non-ASCII byte continues it, or when it is not a plain or prefixed name
// (more than one colon, an empty side): names this scanner leaves to
// encoding/xml. j is where the name ends.
func (sc *wmlScanner) name(i int) (raw, prefix, local string, j int, ok bool) {
	s := sc.s
	if i >= len(s) || nameByte[s[i]] != 1 {
		return "", "", "", i, false
	}
	colon := -1
	for j = i + 1; j < len(s) && nameByte[s[j]] != 0; j++ {
		if s[j] == ':' {
			if colon >= 0 {
				return "", "", "", j, false
			}
			colon = j
		}
	}
	if j < len(s) && s[j] >= utf8.RuneSelf {
		return "", "", "", j, false
	}
	raw = s[i:j]
	if colon < 0 {
		return raw, "", raw, j, true
	}
	if colon == j-1 {
		return "", "", "", j, false
	}
	return raw, s[i:colon], s[colon+1 : j], j, true
}

func (sc *wmlScanner) space(i int) int {
	for i < len(sc.s) {
		switch sc.s[i] {
		case ' ', '\r', '\n', '\t':
			i++
		default:
			return i
		}
	}
	return i
}

func (sc *wmlScanner) startTag(i int) (int, bool) {
	s := sc.s
	raw, prefix, local, i, ok := sc.name(i)
	if !ok {
		return i, false
	}
	sc.attrs = sc.attrs[:0]
	keep := sc.st.readsAttrs(local)
	empty := false
	depth := len(sc.open) + 1
	for {
		i = sc.space(i)
		if i >= len(s) {
			return i, false
		}
		if s[i] == '/' {
			if i+1 >= len(s) || s[i+1] != '>' {
				return i, false
			}
			empty = true
			i += 2
			break
		}
		if s[i] == '>' {
			i++
			break
		}
		var ap, al string
		if _, ap, al, i, ok = sc.name(i); !ok {
			return i, false
		}
		i = sc.space(i)
		if i >= len(s) || s[i] != '=' {
			return i, false
		}
		i = sc.space(i + 1)
		if i >= len(s) || s[i] != '"' && s[i] != '\'' {
			return i, false
		}
		var v string
		if v, i, ok = sc.attrValue(i+1, s[i]); !ok {
			return i, false
		}
		switch {
		case ap == "xmlns":
			sc.ns = append(sc.ns, nsBinding{al, v, depth})
		case ap == "" && al == "xmlns":
			sc.ns = append(sc.ns, nsBinding{"", v, depth})
		}
		if keep {
			sc.attrs = append(sc.attrs, xml.Attr{Name: xml.Name{Local: al}, Value: v})
		}
	}
	sc.open = append(sc.open, raw)
	e := xml.StartElement{Name: xml.Name{Local: local}, Attr: sc.attrs}
	switch local {
	case "del", "moveFrom", "instrText", "delText", "delInstrText", "tabs", "commentReference", "Fallback":
		e.Name.Space = sc.nsOf(prefix)
	}
	if err := sc.st.start(e); err != nil {
		return i, false
	}
	if empty {
		sc.close(local)
	}
	return i, true
}

// nsOf is the name space of an element with prefix, as encoding/xml's
// translation gives it (for local names other than "xmlns").
func (sc *wmlScanner) nsOf(prefix string) string {
	switch prefix {
	case "xmlns":
		return prefix
	case "xml":
		return "http://www.w3.org/XML/1998/namespace"
	}
	for k := len(sc.ns) - 1; k >= 0; k-- {
		if sc.ns[k].prefix == prefix {
			return sc.ns[k].uri
		}
	}
	return prefix
}

// close ends the innermost element: its bindings end with it.
func (sc *wmlScanner) close(local string) {
	depth := len(sc.open)
	for len(sc.ns) > 0 && sc.ns[len(sc.ns)-1].depth >= depth {
		sc.ns = sc.ns[:len(sc.ns)-1]
	}
	sc.open = sc.open[:depth-1]
	sc.st.end(local)
}

func (sc *wmlScanner) endTag(i int) (int, bool) {
	raw, _, local, i, ok := sc.name(i)
	if !ok {
		return i, false
	}
	i = sc.space(i)
	if i >= len(sc.s) || sc.s[i] != '>' || len(sc.open) == 0 || sc.open[len(sc.open)-1] != raw {
		return i, false
	}
	sc.close(local)
	return i + 1, true
}

// procInst skips a processing instruction, checking an XML declaration as
// encoding/xml does: version 1.0, encoding UTF-8.
func (sc *wmlScanner) procInst(i int) (int, bool) {
	target, _, _, i, ok := sc.name(i)
	if !ok {
		return i, false
	}
	i = sc.space(i)
	k := strings.Index(sc.s[i:], "?>")
	if k < 0 {
		return i, false
	}
	if target == "xml" {
		content := sc.s[i : i+k]
		if v := procInstParam("version", content); v != "" && v != "1.0" {
			return i, false
		}
		if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
			return i, false
		}
	}
	return i + k + 2, true
}

// procInstParam is encoding/xml's reading of one pseudo-attribute of an
// XML declaration, which is looser than the grammar.
func procInstParam(param, s string) string {
	param += "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// bang reads a comment or a CDATA section; a DOCTYPE or other directive is
// left to encoding/xml.
func (sc *wmlScanner) bang(i int) (int, bool) {
	s := sc.s[i:]
	switch {
	case strings.HasPrefix(s, "--"):
		// The first "--" must close the comment.
		k := strings.Index(s[2:], "--")
		if k < 0 || 2+k+2 >= len(s) || s[2+k+2] != '>' {
			return i, false
		}
		return i + 2 + k + 3, true
	case strings.HasPrefix(s, "[CDATA["):
		k := strings.Index(s[7:], "]]>")
		if k < 0 {
			return i, false
		}
		data := s[7 : 7+k]
		if !validChars(data) {
			return i, false
		}
		sc.st.text(data)
		return i + 7 + k + 3, true
	}
	return i, false
}

// validChars reports whether s is UTF-8 of XML characters with no
// carriage return (which encoding/xml would rewrite).
func validChars(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !xmlChar(r) {
			return false
		}
		i += size
	}
	return true
}

// xmlChar is the XML Char production, as encoding/xml checks it.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// text hands a text node to st, references decoded, in pieces between
// references.
func (sc *wmlScanner) text(s string) bool {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '&':
			if last < i {
				sc.st.text(s[last:i])
			}
			r, n, ok := reference(s[i:])
			if !ok {
				return false
			}
			sc.st.text(r)
			i += n
			last = i
		case c == '>':
			if i >= 2 && s[i-1] == ']' && s[i-2] == ']' {
				return false // "]]>" outside CDATA
			}
			i++
		case c < 0x20:
			if c != '\t' && c != '\n' {
				return false
			}
			i++
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || !xmlChar(r) {
				return false
			}
			i += size
		}
	}
	if last < len(s) {
		sc.st.text(s[last:])
	}
	return true
}

// attrValue reads a quoted value from i to its closing quote q, references
// decoded. Without references it is a substring of s.
func (sc *wmlScanner) attrValue(i int, q byte) (string, int, bool) {
	s := sc.s
	start := i
	sc.buf = sc.buf[:0]
	decoded := false
	for i < len(s) {
		c := s[i]
		switch {
		case c == q:
			if !decoded {
				return s[start:i], i + 1, true
			}
			sc.buf = append(sc.buf, s[start:i]...)
			return string(sc.buf), i + 1, true
		case c == '&':
			sc.buf = append(sc.buf, s[start:i]...)
			r, n, ok := reference(s[i:])
			if !ok {
				return "", i, false
			}
			sc.buf = append(sc.buf, r...)
			decoded = true
			i += n
			start = i
		case c == '<':
			return "", i, false
		case c < 0x20:
			if c != '\t' && c != '\n' {
				return "", i, false
			}
			i++
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || !xmlChar(r) {
				return "", i, false
			}
			i += size
		}
	}
	return "", i, false
}

// reference decodes the entity or character reference at the start of s
// ("&amp;", "&#233;", "&#xE9;"): its text and length. Other entities, and
// references encoding/xml refuses, are not ok.
func reference(s string) (string, int, bool) {
	if len(s) < 3 {
		return "", 0, false
	}
	if s[1] != '#' {
		for _, e := range [...]struct{ name, text string }{
			{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&apos;", "'"}, {"&quot;", `"`},
		} {
			if strings.HasPrefix(s, e.name) {
				return e.text, len(e.name), true
			}
		}
		return "", 0, false
	}
	i, base := 2, 10
	if s[i] == 'x' {
		i, base = 3, 16
	}
	start := i
	for i < len(s) && ('0' <= s[i] && s[i] <= '9' || base == 16 && ('a' <= s[i] && s[i] <= 'f' || 'A' <= s[i] && s[i] <= 'F')) {
		i++
	}
	if i >= len(s) || s[i] != ';' {
		return "", 0, false
	}
	n, err := strconv.ParseUint(s[start:i], base, 64)
	if err != nil || n > unicode.MaxRune {
		return "", 0, false
	}
	text := string(rune(n)) // a surrogate becomes U+FFFD, as in encoding/xml
	if r, _ := utf8.DecodeRuneInString(text); !xmlChar(r) {
		return "", 0, false
	}
	return text, i + 1, true
}

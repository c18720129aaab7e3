package extract

import (
	"bytes"
	"unicode/utf8"
)

// Kind is what the first bytes of a file say it is.
type Kind int

const (
	KindUnknown Kind = iota
	KindEmpty
	KindPDF
	KindZIP // DOCX, a bundle, or another ZIP-based format: see the members
	KindPNG
	KindJPEG
	KindTIFF
	KindWebP
	KindBMP
	KindGIF
	KindOLE2 // Word 97-2003 .doc, .xls, .ppt
	KindRTF
	KindText
	KindHTML
)

var kindNames = [...]string{"unknown", "empty", "pdf", "zip", "png", "jpeg", "tiff", "webp", "bmp",
	"gif", "ole2", "rtf", "text", "html"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// Image reports whether k is a raster image.
func (k Kind) Image() bool {
	return k == KindPNG || k == KindJPEG || k == KindTIFF || k == KindWebP || k == KindBMP || k == KindGIF
}

// SniffLen is how many leading bytes Detect looks at.
const SniffLen = 1024

// Detect returns the kind of a file from its first bytes (up to SniffLen;
// fewer is fine). The name of a file is never consulted.
func Detect(head []byte) Kind {
	if len(head) == 0 {
		return KindEmpty
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return KindPDF
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		// Before the PDF marker anywhere in the first KB: a DOCX may
		// quote "%PDF-" in its first member.
		return KindZIP
	case hasPDFHeader(head):
		return KindPDF
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return KindPNG
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return KindJPEG
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return KindTIFF
	case len(head) >= 12 && bytes.HasPrefix(head, []byte("RIFF")) && string(head[8:12]) == "WEBP":
		return KindWebP
	case bytes.HasPrefix(head, []byte("BM")) && len(head) >= 26:
		return KindBMP
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return KindGIF
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return KindOLE2
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return KindRTF
	}
	t := bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n")
	if len(t) > 0 && t[0] == '<' {
		l := bytes.ToLower(t[:min(len(t), 64)])
		if bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html")) {
			return KindHTML
		}
	}
	if looksText(head) {
		return KindText
	}
	return KindUnknown
}

// hasPDFHeader accepts "%PDF-" within the first 1024 bytes, as readers do:
// some producers put junk before it.
func hasPDFHeader(head []byte) bool {
	return bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-"))
}

// looksText reports whether head is UTF-8 or UTF-16 text without binary
// control bytes.
func looksText(head []byte) bool {
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return true
	}
	// A cut in the middle of a multi-byte rune at the end is not binary.
	for i := 0; i < 3 && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	if !utf8.Valid(head) {
		return false
	}
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}

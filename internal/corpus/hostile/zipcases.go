package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
)

type member struct {
	name  string
	body  string
	store bool // no compression
}

// zipOf writes members in order (duplicates allowed: archive/zip does
// not check).
func zipOf(ms ...member) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, m := range ms {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate, Modified: corpus.ZipTime()}
		if m.store {
			h.Method = zip.Store
		}
		f, err := zw.CreateHeader(h)
		if err != nil {
			panic(err)
		}
		io.WriteString(f, m.body)
	}
	zw.Close()
	return buf.Bytes()
}

const docNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func contentTypes(extra string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + extra + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
}

// docXML is a document.xml of one paragraph per line, with prolog before
// the root element.
func docXML(prolog string, lines ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + prolog + `<w:document ` + docNS + `><w:body>`)
	for _, l := range lines {
		b.WriteString(`<w:p><w:r><w:t>` + l + `</w:t></w:r></w:p>`)
	}
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// miniDOCX is a minimal readable DOCX.
func miniDOCX(lines ...string) []byte {
	return zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
		member{name: "word/document.xml", body: docXML("", lines...)})
}

// dossierDOCX is a small readable dossier-like DOCX, made here rather than
// taken from the test corpus so the committed files do not change when the
// corpus does.
func dossierDOCX() []byte {
	return zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
		member{name: "_rels/.rels", body: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`},
		member{name: "word/document.xml", body: docXML("",
			"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "CHI BỘ SỞ TÀI CHÍNH", "NGHỊ QUYẾT",
			"Đề nghị kết nạp quần chúng Nguyễn Văn An vào Đảng",
			"Năm 2016: Hoàn thành xuất sắc nhiệm vụ", "Năm 2017: Hoàn thành tốt nhiệm vụ",
			"Năm 2018: Hoàn thành xuất sắc nhiệm vụ")})
}

// ole2 is a compound-file header followed by directory entries with the
// given stream names (UTF-16), which is what the sniffer looks at.
func ole2(names ...string) []byte {
	b := make([]byte, 512)
	copy(b, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	binary.LittleEndian.PutUint16(b[0x18:], 0x3e)
	binary.LittleEndian.PutUint16(b[0x1a:], 3)
	binary.LittleEndian.PutUint16(b[0x1c:], 0xfffe)
	binary.LittleEndian.PutUint16(b[0x1e:], 9)
	for _, n := range append([]string{"Root Entry"}, names...) {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(n))
		for i, r := range u {
			binary.LittleEndian.PutUint16(e[2*i:], r)
		}
		binary.LittleEndian.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66] = 2
		b = append(b, e...)
	}
	for len(b)%512 != 0 {
		b = append(b, 0)
	}
	return append(b, make([]byte, 4096)...)
}

func zipCases() []Case {
	xxe := `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`
	laughs := `<!DOCTYPE lolz [<!ENTITY lol "lol">` +
		`<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">` +
		`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">` +
		`<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`
	cs := []Case{
		c("ho-so-hop-le.docx", "control: a readable dossier", "", dossierDOCX),
		c("pdf-trong-kb-dau.docx", "format confusion: %PDF- in the first KB of a DOCX", "", func() []byte {
			return zipOf(member{name: "[Content_Types].xml", body: contentTypes("<!-- %PDF-1.7 -->"), store: true},
				member{name: "word/document.xml", body: docXML("", "Bản tự kiểm điểm", "Năm 2018: Hoàn thành tốt nhiệm vụ")})
		}),
		c("hai-document-xml.docx", "duplicate member names", hoso.EUNREADABLE, func() []byte {
			return zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
				member{name: "word/document.xml", body: docXML("", "Văn bản Word hiển thị")},
				member{name: "word/document.xml", body: docXML("", "Văn bản khác")})
		}),
		c("trung-ten-hoa-thuong.docx", "duplicate member names differing in case", hoso.EUNREADABLE, func() []byte {
			return zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
				member{name: "word/document.xml", body: docXML("", "một")},
				member{name: "Word/Document.xml", body: docXML("", "hai")})
		}),
		c("bo-trung-ten.zip", "bundle with duplicate member names", hoso.EUNREADABLE, func() []byte {
			d := string(miniDOCX("một"))
			return zipOf(member{name: "a.docx", body: d, store: true}, member{name: "a.docx", body: string(miniDOCX("hai")), store: true})
		}),
		// Go's XML decoder expands no entity: a DOCTYPE's entities are
		// unknown, and the part is unreadable, not a file read from disk.
		c("xxe.docx", "XML external entity", hoso.EUNREADABLE, fixed(zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
			member{name: "word/document.xml", body: docXML(xxe, "Bản khai &xxe; lý lịch")}))),
		c("xxe-tham-so.docx", "XML parameter entity (no fetch)", "", fixed(zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
			member{name: "word/document.xml", body: docXML(`<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x">%p;]>`, "Lý lịch")}))),
		c("billion-laughs.docx", "entity expansion", hoso.EUNREADABLE, fixed(zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
			member{name: "word/document.xml", body: docXML(laughs, "&lol9;", "Lý lịch")}))),
		c("xlsx.docx", "workbook named .docx", hoso.EUNSUPPORTED, fixed(zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
			member{name: "xl/workbook.xml", body: "<workbook/>"}))),
		c("pptx.docx", "presentation named .docx", hoso.EUNSUPPORTED, fixed(zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
			member{name: "ppt/presentation.xml", body: "<p/>"}))),
		c("odt.docx", "OpenDocument named .docx", hoso.EUNSUPPORTED, fixed(zipOf(
			member{name: "mimetype", body: "application/vnd.oasis.opendocument.text", store: true}, member{name: "content.xml", body: "<x/>"}))),
		c("ooxml-khac.docx", "OOXML without a document part", hoso.EUNSUPPORTED, fixed(zipOf(member{name: "[Content_Types].xml", body: contentTypes("")}))),
		c("mat-khau.docx", "encrypted OOXML (OLE EncryptionInfo + EncryptedPackage)", hoso.EENCRYPTED, fixed(ole2("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"))),
		c("mat-khau-agile.docx", "encrypted OOXML, EncryptedPackage first", hoso.EENCRYPTED, fixed(ole2("EncryptedPackage", "EncryptionInfo"))),
		c("word97.doc", "Word 97-2003", hoso.EUNSUPPORTED, fixed(ole2("WordDocument", "1Table"))),
		c("excel97.docx", "Excel 97-2003 named .docx", hoso.EUNSUPPORTED, fixed(ole2("Workbook"))),
		c("ppt97.docx", "PowerPoint 97-2003 named .docx", hoso.EUNSUPPORTED, fixed(ole2("PowerPoint Document"))),
		c("zip-rong.zip", "empty archive", hoso.EEMPTY, fixed(zipOf())),
		c("chi-thu-muc.zip", "archive of folders only", hoso.EEMPTY, fixed(zipOf(member{name: "a/"}, member{name: "a/b/"}))),
		c("qua-nhieu-thanh-phan.zip", "10 000 members", hoso.ETOOLARGE, func() []byte {
			ms := make([]member, 10000)
			for i := range ms {
				ms[i] = member{name: fmt.Sprintf("%05d.txt", i), body: "x"}
			}
			return zipOf(ms...)
		}),
		c("long-3-cap.zip", "ZIP nested three deep", hoso.EUNSUPPORTED, func() []byte {
			z := miniDOCX("Lý lịch")
			for range 3 {
				z = zipOf(member{name: "in.zip", body: string(z), store: true})
			}
			return z
		}),
		c("long-1-cap.zip", "ZIP inside a ZIP, one level (read)", "", func() []byte {
			return zipOf(member{name: "in.zip", body: string(zipOf(member{name: "ly-lich.docx", body: string(miniDOCX("Lý lịch")), store: true})), store: true})
		}),
		c("duong-dan-thoat.zip", "traversal names in a bundle", "", fixed(zipOf(
			member{name: "../../../../etc/cron.d/x.docx", body: string(miniDOCX("Lý lịch")), store: true},
			member{name: "/abs/y.docx", body: string(miniDOCX("Bản kiểm điểm")), store: true}))),
		c("ten-dieu-khien.zip", "control characters in member names", "", fixed(zipOf(
			member{name: "a\x00b\r\n.docx", body: string(miniDOCX("Lý lịch")), store: true}))),
		c("rac-pdf-truoc-docx.docx", "a stray %PDF- before a DOCX's ZIP", "", func() []byte {
			return append([]byte("\x00\x00%PDF-1.4\n"), dossierDOCX()...)
		}),
		c("bo-co-phan-hong.zip", "bundle: a dossier and a truncated image (the part is skipped, named)", "", func() []byte {
			png := encPNG(grey(50, 50, 255))
			return zipOf(member{name: "ho-so.docx", body: string(dossierDOCX()), store: true},
				member{name: "anh-hong.png", body: string(png[:len(png)/2]), store: true})
		}),
		c("chi-rac.zip", "bundle of unreadable members", hoso.EUNSUPPORTED, fixed(zipOf(member{name: "a.bin", body: "\x00\x01\x02"}, member{name: "b.exe", body: "MZ\x90\x00"}))),
		c("docx-thieu-document.docx", "DOCX without document.xml", hoso.EUNSUPPORTED, fixed(zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
			member{name: "word/styles.xml", body: "<w:styles/>"}))),
		c("document-xml-hong.docx", "malformed document.xml", hoso.EUNREADABLE, fixed(zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
			member{name: "word/document.xml", body: `<w:document ` + docNS + `><w:body><w:p><w:r><w:t>x</w:r>`}))),
		c("xml-long-sau.docx", "XML nested 200 000 deep", hoso.ETOOLARGE, func() []byte {
			return zipOf(member{name: "[Content_Types].xml", body: contentTypes("")},
				member{name: "word/document.xml", body: `<w:document ` + docNS + `><w:body><w:p><w:r><w:t>Lý lịch</w:t></w:r></w:p>` +
					strings.Repeat("<w:sdt>", 200000) + strings.Repeat("</w:sdt>", 200000) + `</w:body></w:document>`})
		}),
		c("zip-ma-hoa.zip", "ZIP with an encrypted member", hoso.EUNREADABLE, func() []byte {
			b := zipOf(member{name: "a.docx", body: string(miniDOCX("x")), store: true})
			// Set the encryption flag in the local and central headers.
			for _, sig := range []string{"PK\x03\x04", "PK\x01\x02"} {
				i := bytes.Index(b, []byte(sig))
				off := 6
				if sig == "PK\x01\x02" {
					off = 8
				}
				b[i+off] |= 1
			}
			return b
		}),
	}
	for _, mb := range []int{65, 100, 256} {
		cs = append(cs, c(fmt.Sprintf("bom-%dmb.docx", mb), "decompression bomb", hoso.ETOOLARGE, func() []byte {
			b, err := corpus.Bomb(mb << 20)
			if err != nil {
				panic(err)
			}
			return b
		}))
	}
	cs = append(cs, c("bom-trong-bo.zip", "bomb inside a bundle", hoso.ETOOLARGE, func() []byte {
		b, _ := corpus.Bomb(100 << 20)
		return zipOf(member{name: "ho-so.docx", body: string(b), store: true})
	}))
	cs = append(cs, c("bom-nhieu-thanh-phan.zip", "many members, each under the limit, together over", hoso.ETOOLARGE, func() []byte {
		// Written a chunk at a time: the generator stays small too.
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, flate.BestCompression)
		})
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for i := range 5 {
			f, _ := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("p%d.txt", i), Method: zip.Deflate, Modified: corpus.ZipTime()})
			for range 20 {
				f.Write(chunk)
			}
		}
		zw.Close()
		return buf.Bytes()
	}))
	for i, f := range []float64{0.1, 0.3, 0.5, 0.7, 0.9, 0.99} {
		cs = append(cs, c(fmt.Sprintf("docx-cat-%d.docx", i), "truncated DOCX", hoso.EUNREADABLE, func() []byte { return cut(dossierDOCX(), f) }))
	}
	for i := range 4 {
		cs = append(cs, c(fmt.Sprintf("pk-ngau-nhien-%d.docx", i), "ZIP magic then noise", hoso.EUNREADABLE, fixed(noise(200+uint64(i), "PK\x03\x04", 2048))))
	}
	return cs
}

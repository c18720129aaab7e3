// Package dossier reads the text of an upload (extract.Text) as a
// Party-admission dossier: it splits the text into the papers of the
// bundle, tells each paper's official form (Đơn xin vào Đảng 1-KNĐ, Lý
// lịch 2-KNĐ, the chi bộ resolution 6-KNĐ, the phiếu đánh giá, an award
// decision …), and reads each field from the paper that owns it: the
// review date from the resolution's meeting sentence, the rating that
// counts from the authority's part of the phiếu, awards from decisions and
// the lý lịch's khen thưởng rows. Conflicts between papers are kept with
// the evidence of each side.
//
// Read does the reading on a text; Reader.Record goes from the bytes of an
// upload to a record, through any Texter (extract.Extractor in process, or
// the child-process wall around it).
package dossier

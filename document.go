package hoso

// DocKind is the official form a paper of the dossier follows. A dossier
// is a bundle of such papers; each field of the record is read from the
// paper that owns it (the review date from the chi bộ resolution, the
// rating that counts from the authority's part of the phiếu đánh giá).
type DocKind string

// Document kinds. The forms KNĐ are those of Hướng dẫn 12-HD/BTCTW (2022),
// unchanged in their numbering from HD 09-HD/BTCTW (2017).
const (
	DocDon       DocKind = "don_xin_vao_dang"       // Đơn xin vào Đảng (1-KNĐ)
	DocLyLich    DocKind = "ly_lich"                // Lý lịch của người xin vào Đảng (2-KNĐ)
	DocGioiThieu DocKind = "giay_gioi_thieu"        // Giấy giới thiệu người vào Đảng (3-KNĐ)
	DocNQDoanThe DocKind = "nghi_quyet_doan_the"    // Nghị quyết giới thiệu của Đoàn / Công đoàn (4-KNĐ, 4A-KNĐ)
	DocTongHop   DocKind = "tong_hop_nhan_xet"      // Tổng hợp ý kiến nhận xét (5-KNĐ)
	DocNQChiBo   DocKind = "nghi_quyet_chi_bo"      // Nghị quyết đề nghị kết nạp của chi bộ (6-KNĐ)
	DocPhieu     DocKind = "phieu_danh_gia"         // Phiếu đánh giá, xếp loại chất lượng (NĐ 90/2020, NĐ 56/2015)
	DocNhanXet   DocKind = "nhan_xet_don_vi"        // the unit's bản nhận xét / xác nhận / tổng hợp kết quả xếp loại
	DocQDKhen    DocKind = "quyet_dinh_khen_thuong" // Quyết định khen thưởng
	DocChungNhan DocKind = "chung_nhan_boi_duong"   // Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng
	DocOther     DocKind = "other"                  // anything else: a cover letter, a report, an unrelated paper
)

// DocKinds lists every kind, in the order of the dossier's table of contents.
func DocKinds() []DocKind {
	return []DocKind{DocChungNhan, DocDon, DocLyLich, DocGioiThieu, DocNQDoanThe, DocTongHop,
		DocNQChiBo, DocPhieu, DocNhanXet, DocQDKhen, DocOther}
}

// Valid reports whether k is one of DocKinds.
func (k DocKind) Valid() bool {
	for _, x := range DocKinds() {
		if x == k {
			return true
		}
	}
	return false
}

// Vietnamese returns the usual name of the paper.
func (k DocKind) Vietnamese() string {
	switch k {
	case DocDon:
		return "Đơn xin vào Đảng"
	case DocLyLich:
		return "Lý lịch của người xin vào Đảng"
	case DocGioiThieu:
		return "Giấy giới thiệu người vào Đảng"
	case DocNQDoanThe:
		return "Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng"
	case DocTongHop:
		return "Tổng hợp ý kiến nhận xét"
	case DocNQChiBo:
		return "Nghị quyết đề nghị kết nạp đảng viên của chi bộ"
	case DocPhieu:
		return "Phiếu đánh giá, xếp loại chất lượng"
	case DocNhanXet:
		return "Bản nhận xét, xác nhận của đơn vị"
	case DocQDKhen:
		return "Quyết định khen thưởng"
	case DocChungNhan:
		return "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng"
	}
	return "Tài liệu khác"
}

// Document is one paper found in a dossier: where it starts and ends in
// the upload and which form it follows.
type Document struct {
	Kind DocKind `json:"kind"`
	// Form is the form code when the paper carries one ("6-KNĐ").
	Form  string `json:"form,omitempty"`
	Title string `json:"title,omitempty"` // the heading as written
	File  string `json:"file"`            // the upload, or its member in a ZIP
	// FirstPage and LastPage are 1-based; 0 for formats without pages.
	FirstPage int `json:"first_page,omitempty"`
	LastPage  int `json:"last_page,omitempty"`
	// FirstBlock and LastBlock are the Evidence.Block names of its first
	// and last text blocks.
	FirstBlock string `json:"first_block,omitempty"`
	LastBlock  string `json:"last_block,omitempty"`
	Date       Date   `json:"date,omitzero"` // the paper's own date line, if any
}

// Addressee is the Party body the chi bộ submits the dossier to, as the
// dossier names it ("Đảng uỷ Kho bạc Nhà nước Hà Tĩnh"): from the chi bộ
// resolution's request sentence or the đơn's "Kính gửi".
type Addressee struct {
	Name     string   `json:"name"`
	Evidence Evidence `json:"evidence"`
}

// Employment holds what the dossier says about the candidate's service at
// the unit that rates them, so that validation can tell "not yet three
// rated years" from "papers missing".
type Employment struct {
	// Since is the month the candidate was recruited or started work at
	// the unit ("tuyển dụng từ 03/2019"): Year and Month, Day 1 when the
	// paper gives no day.
	Since    Date     `json:"since,omitzero"`
	Evidence Evidence `json:"evidence"`
}

// Unrated is a year the unit says it did not rate the candidate, with the
// reason written ("nghỉ thai sản").
type Unrated struct {
	Year     int      `json:"year"`
	Reason   string   `json:"reason,omitempty"`
	Evidence Evidence `json:"evidence"`
}

package hoso

import "fmt"

// Rating is the annual quality rating of a cadre, civil servant, public
// employee or worker. The order is meaningful: a higher value is better, so
// "hoàn thành tốt nhiệm vụ trở lên" is r >= RatingHTTNV. The zero value is
// "not known".
type Rating int

const (
	RatingUnknown Rating = iota
	RatingKHTNV          // Không hoàn thành nhiệm vụ
	RatingHTNV           // Hoàn thành nhiệm vụ (2015–2019: "… nhưng còn hạn chế về năng lực")
	RatingHTTNV          // Hoàn thành tốt nhiệm vụ
	RatingHTXSNV         // Hoàn thành xuất sắc nhiệm vụ
)

var ratingCodes = [...]string{"", "KHTNV", "HTNV", "HTTNV", "HTXSNV"}

var ratingNames = [...]string{
	"",
	"không hoàn thành nhiệm vụ",
	"hoàn thành nhiệm vụ",
	"hoàn thành tốt nhiệm vụ",
	"hoàn thành xuất sắc nhiệm vụ",
}

// String returns the abbreviation used in appraisal tables ("HTTNV").
func (r Rating) String() string {
	if r < 0 || int(r) >= len(ratingCodes) {
		return fmt.Sprintf("Rating(%d)", int(r))
	}
	return ratingCodes[r]
}

// Vietnamese returns the full name in lower case, as a letter quotes it.
func (r Rating) Vietnamese() string {
	if r < 0 || int(r) >= len(ratingNames) {
		return ""
	}
	return ratingNames[r]
}

func (r Rating) MarshalText() ([]byte, error) {
	if r <= RatingUnknown || int(r) >= len(ratingCodes) {
		return nil, fmt.Errorf("hoso: rating %d has no code", int(r))
	}
	return []byte(ratingCodes[r]), nil
}

func (r *Rating) UnmarshalText(b []byte) error {
	p, err := ParseRating(string(b))
	if err != nil {
		return err
	}
	*r = p
	return nil
}

// ParseRating reads one of the codes HTXSNV, HTTNV, HTNV, KHTNV.
func ParseRating(s string) (Rating, error) {
	for i, c := range ratingCodes {
		if i > 0 && c == s {
			return Rating(i), nil
		}
	}
	return RatingUnknown, fmt.Errorf("hoso: unknown rating %q (want HTXSNV, HTTNV, HTNV or KHTNV)", s)
}

// AwardKind classifies commendations and emulation titles. Which kinds
// count as a distinction is decided by the rule set, not here.
type AwardKind string

const (
	AwardGiayKhen        AwardKind = "giay_khen"          // Giấy khen
	AwardBangKhen        AwardKind = "bang_khen"          // Bằng khen (bộ, tỉnh, Thủ tướng)
	AwardCSTDCoSo        AwardKind = "cstd_co_so"         // Chiến sĩ thi đua cơ sở
	AwardCSTDCapTinh     AwardKind = "cstd_cap_tinh"      // Chiến sĩ thi đua cấp bộ, ngành, tỉnh
	AwardCSTDToanQuoc    AwardKind = "cstd_toan_quoc"     // Chiến sĩ thi đua toàn quốc
	AwardLaoDongTienTien AwardKind = "lao_dong_tien_tien" // Lao động tiên tiến
	AwardOther           AwardKind = "other"
)

// AwardKinds lists every kind, for validating rule sets and input.
var AwardKinds = []AwardKind{AwardGiayKhen, AwardBangKhen, AwardCSTDCoSo, AwardCSTDCapTinh,
	AwardCSTDToanQuoc, AwardLaoDongTienTien, AwardOther}

// Vietnamese returns the usual written name of the kind.
func (k AwardKind) Vietnamese() string {
	switch k {
	case AwardGiayKhen:
		return "Giấy khen"
	case AwardBangKhen:
		return "Bằng khen"
	case AwardCSTDCoSo:
		return "Chiến sĩ thi đua cơ sở"
	case AwardCSTDCapTinh:
		return "Chiến sĩ thi đua cấp bộ, ngành, tỉnh"
	case AwardCSTDToanQuoc:
		return "Chiến sĩ thi đua toàn quốc"
	case AwardLaoDongTienTien:
		return "Lao động tiên tiến"
	}
	return "khen thưởng khác"
}

// Valid reports whether k is one of AwardKinds.
func (k AwardKind) Valid() bool {
	for _, x := range AwardKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Format is what a file really is, detected from its content.
type Format string

const (
	FormatDOCX    Format = "docx"
	FormatPDFText Format = "pdf-text"
	FormatPDFScan Format = "pdf-scan"
	FormatImage   Format = "image"
	FormatZIP     Format = "zip"
)

// Verdict is the decision on a dossier.
type Verdict string

const (
	VerdictEligible   Verdict = "eligible"   // every rule passed
	VerdictIneligible Verdict = "ineligible" // some rule failed
	VerdictIncomplete Verdict = "incomplete" // none failed, some unknown: ask for documents
	VerdictRejected   Verdict = "rejected"   // the file is not a readable dossier
)

// Outcome is one rule's result.
type Outcome string

const (
	OutcomePass    Outcome = "pass"
	OutcomeFail    Outcome = "fail"
	OutcomeUnknown Outcome = "unknown" // evidence missing or conflicting
)

// LetterKind selects the reply letter's wording.
type LetterKind string

const (
	LetterEligible   LetterKind = "eligible"   // forwarded to the Standing Committee
	LetterIneligible LetterKind = "ineligible" // returned to the chi bộ
	LetterIncomplete LetterKind = "incomplete" // request to supplement
	LetterEscalate   LetterKind = "escalate"   // past 60: for the competent higher committee
)

// ReviewDateBasis says where a record's review date came from.
type ReviewDateBasis string

const (
	ReviewFromResolution ReviewDateBasis = "resolution"      // Nghị quyết chi bộ (6-KNĐ)
	ReviewFromLatestDoc  ReviewDateBasis = "latest_document" // the newest dated document
	ReviewFromOverride   ReviewDateBasis = "override"        // given by the operator
)

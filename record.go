// Package hoso holds the domain of the hoso pipeline: a Party-admission
// dossier (hồ sơ đề nghị kết nạp đảng viên) read into a Record, the
// candidate's annual appraisals and awards, and the verdict reached on them.
//
// The package does no I/O. Reading files lives in extract, the admission
// rules in validate, the reply letter in render, and the service in ingest.
package hoso

// Schema names the version of the Record JSON contract. Consumers key on it;
// a breaking change gets a new name, additive fields do not.
const Schema = "hoso.record/v1"

// Record is everything the pipeline knows about one dossier: where it came
// from, what was read from it, and what was decided. It is the document
// written as record.json and printed by `hoso process --json`.
type Record struct {
	Schema    string    `json:"schema"`
	DossierID string    `json:"dossier_id"`
	Source    Source    `json:"source"`
	Candidate Candidate `json:"candidate"`

	// ReviewDate is the date the chi bộ considered the candidate (the 6-KNĐ
	// resolution) or, failing that, the latest dated document in the dossier.
	// ReviewDateBasis says which, because only the first is authoritative.
	ReviewDate         Date            `json:"review_date,omitzero"`
	ReviewDateBasis    ReviewDateBasis `json:"review_date_basis,omitempty"`
	ReviewDateEvidence *Evidence       `json:"review_date_evidence,omitempty"`

	// Documents lists the papers found in the upload, in order, each
	// classified by its official form.
	Documents []Document `json:"documents,omitempty"`
	// Addressee is the Party body the dossier is submitted to, when the
	// dossier names it.
	Addressee  *Addressee  `json:"addressee,omitempty"`
	Employment *Employment `json:"employment,omitempty"`
	Unrated    []Unrated   `json:"unrated,omitempty"`

	Appraisals  []Appraisal  `json:"appraisals"`
	Awards      []Award      `json:"awards"`
	Certificate *Certificate `json:"certificate,omitempty"`

	// Window is the run of consecutive years the rules looked at, oldest
	// first, as decided by validate; empty before validation.
	Window  []int         `json:"window,omitempty"`
	Verdict Verdict       `json:"verdict,omitempty"`
	RuleSet string        `json:"rule_set,omitempty"`
	Rules   []RuleOutcome `json:"rules,omitempty"`

	Letter   *Letter   `json:"letter,omitempty"`
	Warnings []Warning `json:"warnings,omitempty"`
	// Error is set when Verdict is VerdictRejected: the file could not be
	// read as a dossier at all.
	Error *ErrorInfo `json:"error,omitempty"`
}

// NewRecord returns an empty record carrying the schema name, with non-nil
// slices so the JSON always has arrays, never null.
func NewRecord() *Record {
	return &Record{Schema: Schema, Appraisals: []Appraisal{}, Awards: []Award{}}
}

// Source identifies the uploaded object a record was read from.
type Source struct {
	Bucket string `json:"bucket,omitempty"`
	Key    string `json:"key"`
	ETag   string `json:"etag,omitempty"`
	SHA256 string `json:"sha256"`
	Format Format `json:"format,omitempty"`
	Pages  int    `json:"pages,omitempty"`
	// Parts lists the members of a ZIP bundle that were read, in order.
	Parts []string `json:"parts,omitempty"`
}

// Candidate is the person proposed for admission (quần chúng ưu tú).
// Names are kept exactly as written after NFC: "Hoà" stays "Hoà".
type Candidate struct {
	FullName    string `json:"full_name"`
	DateOfBirth Date   `json:"date_of_birth,omitzero"`
	// BirthYear is set when the dossier gives only the year of birth
	// ("sinh năm 1995"); DateOfBirth is then empty.
	BirthYear int    `json:"birth_year,omitempty"`
	Unit      string `json:"unit,omitempty"`     // đơn vị công tác
	Position  string `json:"position,omitempty"` // chức vụ
	// Education is the general-education level as written ("12/12",
	// "Tốt nghiệp THPT"); only the optional education rule reads it.
	Education string `json:"education,omitempty"`
	// Evidence maps a field's JSON name to where it was read.
	Evidence map[string]Evidence `json:"evidence,omitempty"`
}

// Appraisal is one year's rating (đánh giá, xếp loại chất lượng).
type Appraisal struct {
	Year   int    `json:"year"`
	Rating Rating `json:"rating"`
	// Date is the date line of the paper that gives the rating (the
	// authority's signature on a phiếu, the unit's nhận xét), when it has
	// one: a rating of the review year counts only if given before it.
	Date     Date     `json:"date,omitzero"`
	Evidence Evidence `json:"evidence"`
}

// Award is a commendation or emulation title received in a year.
type Award struct {
	Year     int       `json:"year"`
	Kind     AwardKind `json:"kind"`
	Title    string    `json:"title,omitempty"`    // as written
	Issuer   string    `json:"issuer,omitempty"`   // "Chủ tịch UBND tỉnh"
	Decision string    `json:"decision,omitempty"` // "Quyết định số 123/QĐ-UBND ngày 15/12/2017"
	Evidence Evidence  `json:"evidence"`
}

// Certificate is the giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.
type Certificate struct {
	Issued   Date     `json:"issued,omitzero"`
	Number   string   `json:"number,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// Evidence points at the text a value was read from, so a clerk can check
// it against the paper. Page is 1-based and 0 for formats without pages.
// Block names the paragraph, table cell or OCR line within the file:
// "p12", "t1r3c2", "l7". Confidence is set only for OCR-derived text (0–1).
type Evidence struct {
	File       string  `json:"file"`
	Page       int     `json:"page,omitempty"`
	Block      string  `json:"block,omitempty"`
	Text       string  `json:"text"`
	Confidence float64 `json:"confidence,omitempty"`
	// Doc is the kind of paper the text belongs to, so a reader can check
	// that a value came from the paper that owns it.
	Doc DocKind `json:"doc,omitempty"`
}

// RuleOutcome is the result of one admission rule on one record.
type RuleOutcome struct {
	ID       string     `json:"id"`
	Outcome  Outcome    `json:"outcome"`
	Message  string     `json:"message"` // Vietnamese, for the letter and the clerk
	Citation string     `json:"citation,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
	// Missing names, in Vietnamese, each document that would settle an
	// unknown outcome ("bản nhận xét, đánh giá, xếp loại năm 2018"); the
	// incomplete letter asks for exactly these.
	Missing []string `json:"missing,omitempty"`
	// Escalate is set when the rule cannot be decided at this level and
	// needs the competent higher committee (age past 60).
	Escalate bool `json:"escalate,omitempty"`
}

// Warning is something a clerk should look at that did not stop the
// pipeline: a conflict between two documents, a page that needs OCR.
type Warning struct {
	Code     string     `json:"code"`
	Message  string     `json:"message"` // Vietnamese
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Warning codes.
const (
	WarnConflict     = "conflict"    // two values for one fact
	WarnNeedsOCR     = "needs_ocr"   // a page has no usable text layer
	WarnOCRSkipped   = "ocr_skipped" // OCR unavailable or failed
	WarnLowConf      = "low_confidence"
	WarnLegacyFont   = "legacy_encoding" // TCVN3/VNI text was converted
	WarnPartSkipped  = "part_skipped"    // a ZIP member could not be read
	WarnReviewGuess  = "review_date_inferred"
	WarnOutsideRange = "implausible_value"
)

// Letter is the reply letter rendered for a record.
type Letter struct {
	Kind LetterKind `json:"kind"`
	DOCX string     `json:"docx,omitempty"` // object key or file path
	PDF  string     `json:"pdf,omitempty"`
	// PDFSkipped says why no PDF was made when one was asked for.
	PDFSkipped string `json:"pdf_skipped,omitempty"`
}

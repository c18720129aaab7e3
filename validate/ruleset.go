// Package validate decides whether a dossier's record meets the admission
// criteria, and says why, rule by rule, in Vietnamese.
//
// The criteria are data: a RuleSet is a small YAML or JSON document (the
// window of years, the rating order and threshold, the award kinds that
// count as a distinction, the age bounds, citations and message templates)
// so an office with a different local dispatch writes a file, not Go. What
// stays code is how evidence is weighed: a missing year is unknown, two
// different ratings for one year are unknown, OCR text below the rule set's
// confidence threshold never decides an outcome.
//
// Evaluation does no I/O and reads no clock: the review date comes from the
// record.
package validate

import (
	"embed"
	"fmt"
	"path"
	"sort"

	"github.com/hoso-vn/hoso"
)

// DefaultID is the rule set Default returns: Công văn số 52-CV/BTCĐU (2019)
// of the Ban Tổ chức Đảng uỷ Các cơ quan tỉnh, plus the Charter's age rule.
const DefaultID = "52-CV/BTCĐU-2019"

// Rule identifiers, the keys of RuleSet.Rules and the IDs of rule outcomes.
const (
	RuleRatings     = "ratings"     // every window year rated at or above Ratings.Min
	RuleDistinction = "distinction" // at least one window year with a distinction
	RuleAge         = "age"         // age in months at the review date
	RuleCertificate = "certificate" // giấy chứng nhận bồi dưỡng nhận thức về Đảng still valid
	RuleEducation   = "education"   // tốt nghiệp trung học cơ sở trở lên
)

// ruleOrder is the order outcomes appear in a record.
var ruleOrder = [...]string{RuleRatings, RuleDistinction, RuleAge, RuleCertificate, RuleEducation}

// WindowPolicy says which consecutive years a rule set looks at.
type WindowPolicy string

const (
	// WindowBeforeReview: the Years calendar years before the review year.
	WindowBeforeReview WindowPolicy = "before_review"
	// WindowIncludeReviewYearIfRatedBefore: as WindowBeforeReview, but when
	// the dossier holds a rating for the review year itself made before the
	// review date, the window ends in the review year. See ratedBefore for
	// how the record shows that.
	WindowIncludeReviewYearIfRatedBefore WindowPolicy = "include_review_year_if_rated_before"
	// WindowEndInReviewYear: the window always ends in the review year (an
	// office that appraises before the chi bộ meets).
	WindowEndInReviewYear WindowPolicy = "end_in_review_year"
)

var windowPolicies = []WindowPolicy{WindowBeforeReview, WindowIncludeReviewYearIfRatedBefore, WindowEndInReviewYear}

// AboveMax says what an age above Age.MaxMonths means.
type AboveMax string

const (
	// AboveMaxEscalate: the rule fails at this level with Escalate set; only
	// the cấp uỷ trực thuộc Trung ương may decide (Quy định thi hành Điều lệ).
	AboveMaxEscalate AboveMax = "escalate"
	// AboveMaxFail: a plain failure.
	AboveMaxFail AboveMax = "fail"
)

// RuleSet is one versioned set of admission criteria. Its JSON Schema is
// ruleset.schema.json; Load checks everything the schema says and more.
type RuleSet struct {
	ID       string `yaml:"id" json:"id"`
	Title    string `yaml:"title" json:"title"`
	Citation string `yaml:"citation" json:"citation"`
	// Effective is when the instrument applies. A review date outside it
	// does not change the verdict but adds a warning to the record.
	Effective Effective `yaml:"effective" json:"effective"`
	Window    Window    `yaml:"window" json:"window"`
	Ratings   Ratings   `yaml:"ratings" json:"ratings"`
	// Distinction is what counts as "có thành tích" in a window year.
	Distinction Distinction     `yaml:"distinction" json:"distinction"`
	Age         Age             `yaml:"age" json:"age"`
	Certificate CertificateRule `yaml:"certificate,omitempty" json:"certificate,omitempty"`
	Education   EducationRule   `yaml:"education,omitempty" json:"education,omitempty"`
	// MinConfidence is the lowest OCR confidence (0–1) at which a value may
	// decide an outcome. Text that is not from OCR has no confidence and is
	// always trusted. 0 trusts everything.
	MinConfidence float64 `yaml:"min_confidence" json:"min_confidence"`
	// Sources names, for each kind of fact, the papers that may prove it:
	// a value whose evidence names another paper (Evidence.Doc) never
	// decides an outcome. Evidence without Doc (an extractor that does not
	// classify papers) is taken as it is. Keys are SourceAppraisal,
	// SourceAward and SourceBirth; a key left out accepts every paper.
	Sources map[string][]hoso.DocKind `yaml:"sources,omitempty" json:"sources,omitempty"`
	// Rules enables rules and gives each its citation; a rule absent from
	// the map is not evaluated.
	Rules map[string]Rule `yaml:"rules" json:"rules"`

	source []byte // the document it was loaded from, for `hoso rules --show`
}

// Fact kinds of RuleSet.Sources.
const (
	SourceAppraisal = "appraisal" // a year's rating
	SourceAward     = "award"     // a commendation or emulation title
	SourceBirth     = "birth"     // the date or year of birth
)

var sourceKeys = []string{SourceAppraisal, SourceAward, SourceBirth}

// Effective is the period an instrument is in force; a zero To is open.
type Effective struct {
	From hoso.Date `yaml:"from" json:"from"`
	To   hoso.Date `yaml:"to,omitempty" json:"to,omitzero"`
}

// Window is the run of consecutive calendar years the ratings rules read.
type Window struct {
	Years  int          `yaml:"years" json:"years"`
	Policy WindowPolicy `yaml:"policy" json:"policy"`
}

// Ratings orders the four rating codes and sets the threshold every window
// year must reach.
type Ratings struct {
	// Order lists the codes from best to worst.
	Order []hoso.Rating `yaml:"order" json:"order"`
	// Min is the lowest acceptable rating ("hoàn thành tốt nhiệm vụ trở lên").
	Min hoso.Rating `yaml:"min,omitempty" json:"min,omitempty"`
	// Labels overrides the Vietnamese names used in messages, by code.
	Labels map[string]string `yaml:"labels,omitempty" json:"labels,omitempty"`
}

// Distinction says which facts in a window year count as a distinction.
type Distinction struct {
	// MinRating: a year rated at or above it counts ("hoàn thành xuất sắc
	// nhiệm vụ"). Zero means ratings never count, only awards.
	MinRating hoso.Rating `yaml:"min_rating,omitempty" json:"min_rating,omitempty"`
	// AwardKinds are the award kinds that count. Lao động tiên tiến is not
	// one of them under 52-CV/BTCĐU.
	AwardKinds []hoso.AwardKind `yaml:"award_kinds" json:"award_kinds"`
	// AwardLabels overrides the Vietnamese names of award kinds in messages.
	AwardLabels map[string]string `yaml:"award_labels,omitempty" json:"award_labels,omitempty"`
	// OtherTitles are phrases (matched without accents, on word
	// boundaries) that make an award of kind "other" count: the forms the
	// law ranks above a Giấy khen ("huân chương", "huy chương", "bằng
	// khen"). An "other" award whose title matches none does not count.
	OtherTitles []string `yaml:"other_titles,omitempty" json:"other_titles,omitempty"`
}

// Age bounds, in whole months at the review date ("tính theo tháng").
type Age struct {
	MinMonths int      `yaml:"min_months" json:"min_months"`
	MaxMonths int      `yaml:"max_months" json:"max_months"`
	AboveMax  AboveMax `yaml:"above_max,omitempty" json:"above_max,omitempty"`
}

// CertificateRule: the course certificate is valid for ValidMonths whole
// months from its issue date.
type CertificateRule struct {
	ValidMonths int `yaml:"valid_months,omitempty" json:"valid_months,omitempty"`
}

// EducationRule reads Candidate.Education as written. A grade "g/n" passes
// when g ≥ MinGrade[n] ("9/12", "7/10" for the old ten-year system); text
// passes when its folded form contains one of Accept and none of Below.
type EducationRule struct {
	MinGrade map[string]int `yaml:"min_grade,omitempty" json:"min_grade,omitempty"`
	Accept   []string       `yaml:"accept,omitempty" json:"accept,omitempty"`
	Below    []string       `yaml:"below,omitempty" json:"below,omitempty"`
}

// Rule switches one rule on and says what it cites. Messages overrides the
// built-in Vietnamese templates by key (see the README for keys and their
// {placeholders}).
type Rule struct {
	Enabled  bool   `yaml:"enabled" json:"enabled"`
	Citation string `yaml:"citation,omitempty" json:"citation,omitempty"`
	// Citations replace Citation for review dates in their period: the
	// instrument a rule rests on changes over time (Quy định thi hành
	// Điều lệ Đảng 29-QĐ/TW → 24-QĐ/TW → 232-QĐ/TW → 294-QĐ/TW).
	Citations []DatedCitation   `yaml:"citations,omitempty" json:"citations,omitempty"`
	Messages  map[string]string `yaml:"messages,omitempty" json:"messages,omitempty"`
}

// DatedCitation is a rule's citation for review dates From … To (To
// optional, inclusive).
type DatedCitation struct {
	From     hoso.Date `yaml:"from" json:"from"`
	To       hoso.Date `yaml:"to,omitempty" json:"to,omitzero"`
	Citation string    `yaml:"citation" json:"citation"`
}

// citation is rule id's citation at review date d (zero: the undated one).
func (rs *RuleSet) citation(id string, d hoso.Date) string {
	r := rs.Rules[id]
	if !d.IsZero() {
		for _, c := range r.Citations {
			if !d.Before(c.From) && (c.To.IsZero() || !d.After(c.To)) {
				return c.Citation
			}
		}
	}
	return r.Citation
}

// Source returns the document the rule set was loaded from.
func (rs *RuleSet) Source() []byte { return append([]byte(nil), rs.source...) }

// Enabled reports whether rule id is switched on.
func (rs *RuleSet) Enabled(id string) bool { return rs.Rules[id].Enabled }

//go:embed rules/*.yaml
var embedded embed.FS

// Embedded returns the rule sets shipped with the program, sorted by ID.
// Each call parses them afresh, so callers may modify what they get.
func Embedded() []*RuleSet {
	sets, err := embeddedSets()
	if err != nil {
		// The embedded files are checked by TestEmbeddedValid; reaching this
		// is a build of broken sources, like a bad regexp.MustCompile.
		panic(err)
	}
	return sets
}

func embeddedSets() ([]*RuleSet, error) {
	names, err := embedded.ReadDir("rules")
	if err != nil {
		return nil, err
	}
	var sets []*RuleSet
	for _, n := range names {
		b, err := embedded.ReadFile(path.Join("rules", n.Name()))
		if err != nil {
			return nil, err
		}
		rs, err := parse(b)
		if err != nil {
			return nil, fmt.Errorf("validate: embedded rules/%s: %w", n.Name(), err)
		}
		sets = append(sets, rs)
	}
	sort.Slice(sets, func(i, j int) bool { return sets[i].ID < sets[j].ID })
	return sets, nil
}

// Default returns the embedded 52-CV/BTCĐU-2019 rule set.
func Default() *RuleSet {
	rs, err := Lookup(DefaultID)
	if err != nil {
		panic(err) // see Embedded
	}
	return rs
}

// Lookup returns the embedded rule set with the given ID.
func Lookup(id string) (*RuleSet, error) {
	sets, err := embeddedSets()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, rs := range sets {
		if rs.ID == id {
			return rs, nil
		}
		ids = append(ids, rs.ID)
	}
	sort.Strings(ids)
	return nil, hoso.Errorf(hoso.EINVALID,
		"Không có bộ quy tắc %q (các bộ có sẵn: %v)",
		"no rule set %q (embedded: %v)", id, ids)
}

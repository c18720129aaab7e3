package validate

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/vntext"
)

// WarnNotInForce marks a record whose review date lies outside the rule
// set's effective period: the verdict stands, but someone should confirm
// that this rule set is the one to apply.
const WarnNotInForce = hoso.WarnRuleSetNotInForce

// Result is what a rule set decides about a record.
type Result struct {
	Window   []int
	Rules    []hoso.RuleOutcome
	Verdict  hoso.Verdict
	Warnings []hoso.Warning
}

// Apply evaluates rec and writes the outcome into it: RuleSet, Window,
// Rules, Verdict, and a WarnNotInForce warning when it applies. A record
// already rejected (or carrying an error) is left as it is. Apply may be
// called again, with another rule set or review date: it replaces what a
// previous call wrote. A RuleSet is only read, so workers may share one.
func (rs *RuleSet) Apply(rec *hoso.Record) {
	if rec == nil || rec.Verdict == hoso.VerdictRejected || rec.Error != nil {
		return
	}
	res := rs.Evaluate(rec)
	rec.RuleSet = rs.ID
	rec.Window = res.Window
	rec.Rules = res.Rules
	rec.Verdict = res.Verdict
	rec.Warnings = slices.DeleteFunc(rec.Warnings, func(w hoso.Warning) bool {
		return w.Code == WarnNotInForce || w.Code == hoso.WarnAwardNoDecision
	})
	rec.Warnings = append(rec.Warnings, res.Warnings...)
}

// Evaluate decides on rec without modifying it.
func (rs *RuleSet) Evaluate(rec *hoso.Record) Result {
	e := &eval{rs: rs, rec: rec}
	e.setReview()
	var res Result
	if !e.review.IsZero() {
		// The window belongs to the rules that read ratings; a rule set
		// without them (the Charter basics) looks at no years.
		if rs.Enabled(RuleRatings) || rs.Enabled(RuleDistinction) {
			e.window = rs.windowYears(rec, e.review)
			res.Window = slices.Clone(e.window)
		}
		res.Warnings = rs.inForce(e.review)
	}
	for _, id := range ruleOrder {
		r, ok := rs.Rules[id]
		if !ok || !r.Enabled {
			continue
		}
		var o hoso.RuleOutcome
		switch id {
		case RuleRatings:
			o = e.ratings()
		case RuleDistinction:
			o = e.distinction()
		case RuleAge:
			o = e.age()
		case RuleCertificate:
			o = e.certificate()
		case RuleEducation:
			o = e.education()
		}
		o.ID = id
		o.Citation = rs.citation(id, e.review)
		res.Rules = append(res.Rules, o)
	}
	// Past 60 goes to the competent higher committee only when everything
	// else is in order; otherwise the dossier goes back with every reason,
	// the age among them, and nothing is escalated.
	if i := slices.IndexFunc(res.Rules, func(o hoso.RuleOutcome) bool { return o.Escalate }); i >= 0 {
		for j, o := range res.Rules {
			if j != i && o.Outcome != hoso.OutcomePass {
				e.noEscalate = true
				o := e.age()
				o.ID, o.Citation = RuleAge, res.Rules[i].Citation
				res.Rules[i] = o
				break
			}
		}
	}
	res.Warnings = append(res.Warnings, e.awardWarnings(res.Rules)...)
	res.Verdict = verdictOf(res.Rules)
	if len(res.Rules) == 0 {
		// A RuleSet not made by Load (the zero value) checks nothing; that
		// must never read as "eligible".
		res.Verdict = hoso.VerdictIncomplete
	}
	return res
}

func verdictOf(rules []hoso.RuleOutcome) hoso.Verdict {
	v := hoso.VerdictEligible
	for _, o := range rules {
		switch o.Outcome {
		case hoso.OutcomeFail:
			return hoso.VerdictIneligible
		case hoso.OutcomeUnknown:
			v = hoso.VerdictIncomplete
		}
	}
	return v
}

func (rs *RuleSet) inForce(review hoso.Date) []hoso.Warning {
	from, to := rs.Effective.From, rs.Effective.To
	if !review.Before(from) && (to.IsZero() || !review.After(to)) {
		return nil
	}
	period := "từ " + from.Vietnamese()
	if !to.IsZero() {
		period += " đến " + to.Vietnamese()
	}
	where := "ngoài thời gian áp dụng"
	switch {
	case review.Before(from):
		where = "trước thời điểm áp dụng"
	case !to.IsZero() && review.After(to):
		where = "sau khi hết thời gian áp dụng"
	}
	// The letter quotes this sentence: it says which criteria were applied
	// and why someone must confirm them.
	return []hoso.Warning{{
		Code: WarnNotInForce,
		Message: fmt.Sprintf("Ngày chi bộ xét đề nghị kết nạp (%s) %s tiêu chuẩn tại %s (%s); hồ sơ được thẩm định theo tiêu chuẩn này, đề nghị cấp uỷ xem xét, xác định tiêu chuẩn áp dụng.",
			review.Vietnamese(), where, rs.Citation, period),
	}}
}

// eval is one evaluation: the record, the trusted review date and window.
type eval struct {
	rs     *RuleSet
	rec    *hoso.Record
	review hoso.Date // zero when unknown or not trusted
	// reviewIssue is "" when review is usable, else the message key that
	// explains why not.
	reviewIssue string
	window      []int
	// noEscalate words an age past the maximum as a plain failure: another
	// rule did not pass, so the dossier is returned, not escalated.
	noEscalate bool
}

// sourceOK reports whether ev comes from a paper that may prove a fact of
// kind fact. Evidence that names no paper is accepted as it is.
func (e *eval) sourceOK(fact string, ev hoso.Evidence) bool {
	if ev.Doc == "" {
		return true
	}
	kinds, ok := e.rs.Sources[fact]
	return !ok || slices.Contains(kinds, ev.Doc)
}

// docName names the paper ev came from, in lower case, for a message.
func docName(ev hoso.Evidence) string {
	n := ev.Doc.Vietnamese()
	r, size := utf8.DecodeRuneInString(n)
	return string(unicode.ToLower(r)) + n[size:]
}

// numberWord spells small counts the way a letter writes them.
func numberWord(n int) string {
	words := []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}

func (e *eval) setReview() {
	r := e.rec
	switch {
	case r.ReviewDate.IsZero() || !r.ReviewDate.Valid():
		e.reviewIssue = "no_review_date"
	case r.ReviewDateBasis != hoso.ReviewFromOverride && r.ReviewDateEvidence != nil && e.low(*r.ReviewDateEvidence):
		e.reviewIssue = "review_date_low_confidence"
	default:
		e.review = r.ReviewDate
	}
}

// low reports whether ev is OCR text too uncertain to decide an outcome.
func (e *eval) low(ev hoso.Evidence) bool {
	return ev.Confidence > 0 && ev.Confidence < e.rs.MinConfidence
}

// noReview is the outcome of a rule that needs the review date when there
// is none to trust.
func (e *eval) noReview(rule string) hoso.RuleOutcome {
	o := hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown}
	if e.reviewIssue == "review_date_low_confidence" {
		o.Message = e.rs.sentence(rule, e.reviewIssue, "date", e.rec.ReviewDate.Vietnamese())
		o.Evidence = []hoso.Evidence{*e.rec.ReviewDateEvidence}
		o.Missing = []string{e.rs.msg(rule, "doc_resolution_legible")}
		return o
	}
	o.Message = e.rs.sentence(rule, "no_review_date", "n", strconv.Itoa(e.rs.Window.Years))
	o.Missing = []string{e.rs.msg(rule, "doc_resolution")}
	if e.hasDoc(hoso.DocNQChiBo) {
		// The resolution is in the dossier but its date could not be
		// read: ask for a legible copy, not for a paper already sent.
		o.Missing = []string{e.rs.msg(rule, "doc_resolution_legible")}
	}
	return o
}

// hasDoc reports whether the dossier holds a paper of one of kinds.
func (e *eval) hasDoc(kinds ...hoso.DocKind) bool {
	return slices.ContainsFunc(e.rec.Documents, func(d hoso.Document) bool { return slices.Contains(kinds, d.Kind) })
}

// windowYears applies the window policy.
//
// Under include_review_year_if_rated_before the record shows that a rating
// for the review year was made before the review date like this: the
// dossier is the set of papers the chi bộ had when it met, so a rating for
// the review year found in it is taken as made before the meeting, unless
// the text it was read from is itself dated on or after the review date
// (a document cannot be older than the latest date written in it: an
// appraisal line or award decision "ngày 20/12/2019" for a meeting on
// 15/12/2019 was written after the meeting). Such a rating does not move
// the window, and, like every year outside the window, does not count.
func (rs *RuleSet) windowYears(rec *hoso.Record, review hoso.Date) []int {
	end := review.Year - 1
	switch rs.Window.Policy {
	case WindowEndInReviewYear:
		end = review.Year
	case WindowIncludeReviewYearIfRatedBefore:
		for _, a := range rec.Appraisals {
			// The paper's own date decides when the reader found one; a
			// rating in the dossier without any date was made before it
			// was assembled for the meeting.
			given := ratedBefore(a.Evidence.Text, review)
			if !a.Date.IsZero() {
				given = a.Date.Before(review)
			}
			if a.Year == review.Year && a.Rating != hoso.RatingUnknown && given {
				end = review.Year
				break
			}
		}
	}
	years := make([]int, 0, rs.Window.Years)
	for y := end - rs.Window.Years + 1; y <= end; y++ {
		years = append(years, y)
	}
	return years
}

var (
	dateVI    = regexp.MustCompile(`(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	dateSlash = regexp.MustCompile(`\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b`)
)

// ratedBefore reports whether text, the evidence of a rating, carries no
// date on or after review.
func ratedBefore(text string, review hoso.Date) bool {
	for _, re := range []*regexp.Regexp{dateVI, dateSlash} {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			d, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			y, _ := strconv.Atoi(m[3])
			if dt, err := hoso.NewDate(y, time.Month(mo), d); err == nil && !dt.Before(review) {
				return false
			}
		}
	}
	return true
}

// rank places r in the rule set's order: higher is better, 0 is unknown.
func (rs *RuleSet) rank(r hoso.Rating) int {
	if i := slices.Index(rs.Ratings.Order, r); i >= 0 {
		return len(rs.Ratings.Order) - i
	}
	return 0
}

func (rs *RuleSet) ratingLabel(r hoso.Rating) string {
	if l := rs.Ratings.Labels[r.String()]; l != "" {
		return l
	}
	return r.Vietnamese()
}

// atLeast names a threshold: "hoàn thành tốt nhiệm vụ trở lên", or the bare
// label for the best rating.
func (rs *RuleSet) atLeast(r hoso.Rating) string {
	if rs.rank(r) == len(rs.Ratings.Order) {
		return rs.ratingLabel(r)
	}
	return rs.ratingLabel(r) + " trở lên"
}

// yearRatings is what the record says about one window year.
type yearRatings struct {
	year     int
	apps     []hoso.Appraisal // read from papers that may prove a rating
	distinct []hoso.Rating    // in order of appearance
	trusted  bool             // some evidence of the (single) rating is not low-confidence
	// elsewhere holds ratings read only from papers that do not prove
	// one (a giấy giới thiệu, the candidate's own đơn).
	elsewhere []hoso.Appraisal
	// notRated says why the year cannot have a rating: the candidate came
	// to the unit after it began, or the unit says it did not rate it.
	notRated *notRated
}

// notRated is a window year the dossier shows cannot be rated.
type notRated struct {
	since    hoso.Date // recruitment or start of work, when that is why
	reason   string    // the unit's stated reason, when it did not rate
	evidence hoso.Evidence
}

func (y yearRatings) conflict() bool { return len(y.distinct) > 1 }
func (y yearRatings) missing() bool  { return len(y.distinct) == 0 }

func (y yearRatings) evidence() []hoso.Evidence {
	ev := make([]hoso.Evidence, len(y.apps))
	for i, a := range y.apps {
		ev[i] = a.Evidence
	}
	return ev
}

// notRatedIn says whether the dossier shows year y cannot have a full
// year's rating: the candidate was recruited or started work at the unit
// after y began, or the unit states it did not rate y. A reading below the
// confidence threshold is not enough.
func (e *eval) notRatedIn(y int) *notRated {
	if emp := e.rec.Employment; emp != nil && !emp.Since.IsZero() && !e.low(emp.Evidence) {
		if emp.Since.After(hoso.Date{Year: y, Month: time.January, Day: 1}) {
			return &notRated{since: emp.Since, evidence: emp.Evidence}
		}
	}
	for _, u := range e.rec.Unrated {
		if u.Year == y && !e.low(u.Evidence) {
			return &notRated{reason: strings.TrimSpace(u.Reason), evidence: u.Evidence}
		}
	}
	return nil
}

func (e *eval) years() []yearRatings {
	out := make([]yearRatings, 0, len(e.window))
	for _, y := range e.window {
		yr := yearRatings{year: y, notRated: e.notRatedIn(y)}
		for _, a := range e.rec.Appraisals {
			if a.Year != y || a.Rating == hoso.RatingUnknown {
				continue
			}
			if !e.sourceOK(SourceAppraisal, a.Evidence) {
				yr.elsewhere = append(yr.elsewhere, a)
				continue
			}
			yr.apps = append(yr.apps, a)
			if !slices.Contains(yr.distinct, a.Rating) {
				yr.distinct = append(yr.distinct, a.Rating)
			}
			if !e.low(a.Evidence) {
				yr.trusted = true
			}
		}
		out = append(out, yr)
	}
	return out
}

func (e *eval) ratingList(rs []hoso.Rating) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = e.rs.ratingLabel(r)
	}
	return joinVI(s, "và")
}

func (e *eval) windowText() string {
	s := make([]string, len(e.window))
	for i, y := range e.window {
		s[i] = strconv.Itoa(y)
	}
	return joinVI(s, "và")
}

// monthText says when someone started: "tháng 3 năm 2019", or with the day
// when the paper gives one.
func monthText(d hoso.Date) string {
	if d.Day <= 1 {
		return fmt.Sprintf("tháng %d năm %d", int(d.Month), d.Year)
	}
	return d.Vietnamese()
}

// ratings: every window year rated at or above Ratings.Min.
func (e *eval) ratings() hoso.RuleOutcome {
	const rule = RuleRatings
	if e.review.IsZero() {
		return e.noReview(rule)
	}
	rs := e.rs
	required := rs.atLeast(rs.Ratings.Min)
	n := numberWord(rs.Window.Years)
	var fail, unknown, details []string
	var failEv, unknownEv, passEv []hoso.Evidence
	var missing []string
	employed := false
	for _, y := range e.years() {
		year := strconv.Itoa(y.year)
		switch {
		case y.notRated != nil && !y.notRated.since.IsZero():
			// One sentence for the recruitment date, however many years
			// it leaves unrated.
			if !employed {
				employed = true
				fail = append(fail, rs.sentence(rule, "not_employed", "since", monthText(y.notRated.since),
					"n", n, "years", e.windowText()))
				failEv = append(failEv, y.notRated.evidence)
			}
		case y.notRated != nil:
			reason := y.notRated.reason
			if reason != "" && !strings.HasPrefix(vntext.Bare(reason), "do ") && !strings.HasPrefix(vntext.Bare(reason), "vi ") {
				reason = "do " + reason
			}
			if reason != "" {
				reason = " " + strings.TrimRight(reason, ".;, ")
			}
			fail = append(fail, rs.sentence(rule, "unrated", "year", year, "reason", reason, "n", n))
			failEv = append(failEv, y.notRated.evidence)
		case y.missing() && len(y.elsewhere) > 0:
			a := y.elsewhere[0]
			unknown = append(unknown, rs.sentence(rule, "wrong_source", "year", year,
				"rating", rs.ratingLabel(a.Rating), "doc", docName(a.Evidence)))
			missing = append(missing, rs.msg(rule, "doc_appraisal", "year", year))
			for _, a := range y.elsewhere {
				unknownEv = append(unknownEv, a.Evidence)
			}
		case y.missing():
			unknown = append(unknown, rs.sentence(rule, "missing", "year", year))
			missing = append(missing, rs.msg(rule, "doc_appraisal", "year", year))
		case y.conflict():
			unknown = append(unknown, rs.sentence(rule, "conflict", "year", year, "ratings", e.ratingList(y.distinct)))
			missing = append(missing, rs.msg(rule, "doc_appraisal_confirm", "year", year))
			unknownEv = append(unknownEv, y.evidence()...)
		case !y.trusted:
			unknown = append(unknown, rs.sentence(rule, "low_confidence", "year", year, "rating", rs.ratingLabel(y.distinct[0])))
			missing = append(missing, rs.msg(rule, "doc_appraisal_legible", "year", year))
			unknownEv = append(unknownEv, y.evidence()...)
		case rs.rank(y.distinct[0]) < rs.rank(rs.Ratings.Min):
			key := "below"
			if rs.rank(y.distinct[0]) == 1 {
				key = "lowest"
			}
			fail = append(fail, rs.sentence(rule, key, "year", year, "rating", rs.ratingLabel(y.distinct[0]), "required", required))
			failEv = append(failEv, y.evidence()...)
		default:
			details = append(details, "năm "+year+": "+rs.ratingLabel(y.distinct[0]))
			passEv = append(passEv, y.evidence()...)
		}
	}
	switch {
	case len(fail) > 0:
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Message: strings.Join(fail, " "), Evidence: failEv}
	case len(unknown) > 0:
		return hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Message: strings.Join(unknown, " "), Evidence: unknownEv, Missing: missing}
	}
	return hoso.RuleOutcome{
		Outcome:  hoso.OutcomePass,
		Message:  rs.sentence(rule, "pass", "years", e.windowText(), "required", required, "details", strings.Join(details, "; ")),
		Evidence: passEv,
	}
}

func (rs *RuleSet) awardLabel(a hoso.Award) string {
	if l := rs.Distinction.AwardLabels[string(a.Kind)]; l != "" {
		return l
	}
	if a.Kind == hoso.AwardOther || !a.Kind.Valid() {
		if a.Title != "" {
			return a.Title
		}
	}
	return a.Kind.Vietnamese()
}

// counts reports whether award a is a distinction under the rule set: its
// kind is listed, or it is of kind "other" and its title names a form the
// rule set ranks above a Giấy khen (distinction.other_titles).
func (rs *RuleSet) counts(a hoso.Award) bool {
	if slices.Contains(rs.Distinction.AwardKinds, a.Kind) {
		return true
	}
	if a.Kind != hoso.AwardOther {
		return false
	}
	title := " " + vntext.Bare(a.Title) + " "
	for _, t := range rs.Distinction.OtherTitles {
		if strings.Contains(title, " "+vntext.Bare(t)+" ") {
			return true
		}
	}
	return false
}

func isTitle(k hoso.AwardKind) bool {
	switch k {
	case hoso.AwardCSTDCoSo, hoso.AwardCSTDCapTinh, hoso.AwardCSTDToanQuoc, hoso.AwardLaoDongTienTien:
		return true
	}
	return false
}

// awardFact phrases an award in the one form every letter uses:
// "năm 2018 được tặng Giấy khen của Giám đốc Sở Tài chính (Quyết định số
// 12/QĐ-STC ngày 10/12/2018)". What the dossier does not give is left out.
func (rs *RuleSet) awardFact(a hoso.Award) string {
	detail := AwardDetail(a)
	year := strconv.Itoa(a.Year)
	switch {
	case a.Kind == hoso.AwardGiayKhen || a.Kind == hoso.AwardBangKhen:
		return rs.msg(RuleDistinction, "fact_commendation", "year", year, "award", rs.awardLabel(a), "detail", detail)
	case isTitle(a.Kind):
		return rs.msg(RuleDistinction, "fact_title", "year", year, "award", rs.awardLabel(a), "detail", detail)
	}
	return rs.msg(RuleDistinction, "fact_other", "year", year, "award", rs.awardLabel(a), "detail", detail)
}

// AwardDetail is what follows an award's name: " của <cấp quyết định>
// (Quyết định số … ngày …)", each part only when the record has it. The
// letter uses the same form.
func AwardDetail(a hoso.Award) string {
	issuer := strings.Join(strings.Fields(a.Issuer), " ")
	if f := vntext.Bare(issuer); strings.HasPrefix(f, "cua ") {
		issuer = strings.TrimSpace(issuer[len("của"):])
	}
	detail := ""
	if issuer != "" {
		detail = " của " + issuer
	}
	if d := DecisionText(a.Decision); d != "" {
		detail += " (" + d + ")"
	}
	return detail
}

// DecisionText writes a decision reference one way: "Quyết định số
// 123/QĐ-UBND ngày 15/12/2017", whether the record says "QĐ số 123/QĐ-UBND",
// "số 123/QĐ-UBND" or just "123/QĐ-UBND".
func DecisionText(d string) string {
	d = strings.Join(strings.Fields(d), " ")
	if d == "" {
		return ""
	}
	f := vntext.Bare(d)
	for _, p := range []string{"quyet dinh so ", "qd so ", "quyet dinh ", "qd ", "so "} {
		if strings.HasPrefix(f, p) {
			// Cut as many words as the prefix has.
			words := strings.Fields(d)
			d = strings.Join(words[len(strings.Fields(p)):], " ")
			break
		}
	}
	return "Quyết định số " + strings.TrimRight(d, ".;, ")
}

// requiredDistinction phrases what counts, from the rule set's data:
// "được xếp loại hoàn thành xuất sắc nhiệm vụ, được tặng Giấy khen hoặc
// Bằng khen, hoặc đạt danh hiệu Chiến sĩ thi đua cơ sở trở lên".
func (rs *RuleSet) requiredDistinction() string {
	var parts, commend, titles []string
	if rs.Distinction.MinRating != hoso.RatingUnknown {
		parts = append(parts, "được xếp loại "+rs.atLeast(rs.Distinction.MinRating))
	}
	kinds := rs.Distinction.AwardKinds
	label := func(k hoso.AwardKind) string { return rs.awardLabel(hoso.Award{Kind: k}) }
	for _, k := range kinds {
		if k == hoso.AwardGiayKhen || k == hoso.AwardBangKhen {
			commend = append(commend, label(k))
		}
	}
	cstd := []hoso.AwardKind{hoso.AwardCSTDCoSo, hoso.AwardCSTDCapTinh, hoso.AwardCSTDToanQuoc}
	if !slices.Contains(kinds, hoso.AwardLaoDongTienTien) && slices.Contains(kinds, cstd[0]) &&
		slices.Contains(kinds, cstd[1]) && slices.Contains(kinds, cstd[2]) {
		titles = append(titles, label(cstd[0])+" trở lên")
	} else {
		for _, k := range kinds {
			if isTitle(k) {
				titles = append(titles, label(k))
			}
		}
	}
	if !slices.Contains(kinds, hoso.AwardOther) {
		// The higher forms named by title: "Huân chương", "Huy chương".
		for _, t := range rs.Distinction.OtherTitles {
			if !slices.ContainsFunc(commend, func(c string) bool { return vntext.Bare(c) == vntext.Bare(t) }) {
				commend = append(commend, capitalize(t))
			}
		}
	}
	if len(commend) > 0 {
		parts = append(parts, "được cấp có thẩm quyền tặng "+joinVI(commend, "hoặc"))
	}
	if len(titles) > 0 {
		parts = append(parts, "đạt danh hiệu "+joinVI(titles, "hoặc"))
	}
	if slices.Contains(kinds, hoso.AwardOther) {
		parts = append(parts, "được khen thưởng hình thức khác")
	}
	if len(parts) > 1 {
		return strings.Join(parts[:len(parts)-1], ", ") + ", hoặc " + parts[len(parts)-1]
	}
	return strings.Join(parts, "")
}

// distinction: at least one window year with a qualifying rating or award.
func (e *eval) distinction() hoso.RuleOutcome {
	const rule = RuleDistinction
	if e.review.IsZero() {
		return e.noReview(rule)
	}
	rs := e.rs
	minR := rs.Distinction.MinRating
	qualifies := func(r hoso.Rating) bool {
		return minR != hoso.RatingUnknown && rs.rank(r) >= rs.rank(minR)
	}
	var facts []fact
	var shaky, unsourced, unknownMsg, missing, missingYears []string
	var notCounted []named
	var factEv, shakyEv []hoso.Evidence
	for _, y := range e.years() {
		year := strconv.Itoa(y.year)
		switch {
		case y.notRated != nil && y.missing():
			// A year that cannot be rated is no distinction, and asking for
			// its rating would ask for a paper that cannot exist.
		case y.missing():
			if minR != hoso.RatingUnknown {
				missingYears = append(missingYears, year)
				missing = append(missing, rs.msg(rule, "doc_appraisal", "year", year))
			}
		case y.conflict():
			if slices.ContainsFunc(y.distinct, qualifies) {
				unknownMsg = append(unknownMsg, rs.sentence(rule, "conflict", "year", year, "ratings", e.ratingList(y.distinct)))
				missing = append(missing, rs.msg(rule, "doc_appraisal_confirm", "year", year))
				shakyEv = append(shakyEv, y.evidence()...)
			}
		case !y.trusted:
			// An uncertain reading decides either way: a misread HTXSNV
			// could be the distinction, a misread HTTNV could hide one.
			if minR != hoso.RatingUnknown {
				shaky = append(shaky, rs.msg(rule, "fact_rating", "year", year, "rating", rs.ratingLabel(y.distinct[0])))
				missing = append(missing, rs.msg(rule, "doc_appraisal_legible", "year", year))
				shakyEv = append(shakyEv, y.evidence()...)
			}
		case qualifies(y.distinct[0]):
			facts = addFact(facts, rs.msg(rule, "fact_rating", "year", year, "rating", rs.ratingLabel(y.distinct[0])), year+"rating")
			factEv = append(factEv, y.evidence()...)
		}
		for _, a := range e.rec.Awards {
			if a.Year != y.year {
				continue
			}
			counted := rs.counts(a)
			switch {
			case counted && !e.sourceOK(SourceAward, a.Evidence):
				// Only the decision, the lý lịch or the unit's appraisal may
				// prove an award; a mention elsewhere asks for the decision.
				unsourced = addOnce(unsourced, rs.awardFact(a)+" ("+docName(a.Evidence)+")")
				missing = addOnce(missing, rs.msg(rule, "doc_award", "year", year))
				shakyEv = append(shakyEv, a.Evidence)
			case e.low(a.Evidence):
				// A doubtful reading decides either way: the kind itself
				// may be misread (LĐTT for CSTĐCS).
				shaky = addOnce(shaky, rs.awardFact(a))
				missing = addOnce(missing, rs.msg(rule, "doc_award_legible", "year", year))
				shakyEv = append(shakyEv, a.Evidence)
			case !counted:
				name := rs.awardLabel(a)
				if isTitle(a.Kind) {
					name = "danh hiệu " + name
				}
				notCounted = addYear(notCounted, name, year)
			default:
				facts = addFact(facts, rs.awardFact(a), fmt.Sprint(a.Year, a.Kind))
				factEv = append(factEv, a.Evidence)
			}
		}
	}
	switch {
	case len(facts) > 0:
		return hoso.RuleOutcome{Outcome: hoso.OutcomePass, Evidence: factEv,
			Message: rs.sentence(rule, "pass", "years", e.windowText(), "facts", factText(facts))}
	case len(shaky) > 0 || len(unsourced) > 0 || len(unknownMsg) > 0 || len(missingYears) > 0:
		if len(shaky) > 0 {
			unknownMsg = append(unknownMsg, rs.sentence(rule, "low_confidence", "facts", joinVI(shaky, "và")))
		}
		if len(unsourced) > 0 {
			unknownMsg = append(unknownMsg, rs.sentence(rule, "unsourced", "facts", joinVI(unsourced, "và")))
		}
		if len(missingYears) > 0 {
			unknownMsg = append(unknownMsg, rs.sentence(rule, "missing", "years", joinVI(missingYears, "và")))
		}
		return hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Message: strings.Join(unknownMsg, " "),
			Evidence: shakyEv, Missing: missing}
	}
	msg := rs.sentence(rule, "fail", "years", e.windowText(), "required", rs.requiredDistinction())
	var ev []hoso.Evidence
	if len(notCounted) > 0 {
		msg += " " + rs.sentence(rule, "not_counted", "awards", namedText(notCounted))
		for _, a := range e.rec.Awards {
			if slices.Contains(e.window, a.Year) {
				ev = append(ev, a.Evidence)
			}
		}
	}
	return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Message: msg, Evidence: ev}
}

// awardWarnings flags each award a passing distinction rests on that the
// dossier gives without its decision, so a clerk can ask for it.
func (e *eval) awardWarnings(rules []hoso.RuleOutcome) []hoso.Warning {
	var out []hoso.Warning
	for _, o := range rules {
		if o.ID != RuleDistinction || o.Outcome != hoso.OutcomePass {
			continue
		}
		for _, a := range e.rec.Awards {
			if strings.TrimSpace(a.Decision) != "" || !slices.Contains(o.Evidence, a.Evidence) {
				continue
			}
			out = append(out, hoso.Warning{Code: hoso.WarnAwardNoDecision, Evidence: []hoso.Evidence{a.Evidence},
				Message: capitalize(e.rs.awardLabel(a)) + " năm " + strconv.Itoa(a.Year) +
					" không kèm số, ngày của quyết định khen thưởng trong hồ sơ; công văn chỉ nêu những gì hồ sơ ghi."})
		}
	}
	return out
}

// fact is one distinction as phrased in a message; key (year and kind)
// keeps one award mentioned once when the summary table and the decision
// both name it.
type fact struct{ text, key string }

// addFact adds f under key, keeping the more detailed wording of the two.
func addFact(facts []fact, text, key string) []fact {
	for i, f := range facts {
		if f.key == key {
			if len(text) > len(f.text) {
				facts[i].text = text
			}
			return facts
		}
	}
	return append(facts, fact{text, key})
}

func factText(facts []fact) string {
	s := make([]string, len(facts))
	for i, f := range facts {
		s[i] = f.text
	}
	return strings.Join(s, "; ")
}

// named is an award name with the years it was received, so three years
// of Lao động tiên tiến read "danh hiệu Lao động tiên tiến các năm 2020,
// 2021 và 2022".
type named struct {
	name  string
	years []string
}

func addYear(list []named, name, year string) []named {
	for i := range list {
		if list[i].name == name {
			list[i].years = addOnce(list[i].years, year)
			return list
		}
	}
	return append(list, named{name, []string{year}})
}

func namedText(list []named) string {
	s := make([]string, len(list))
	for i, n := range list {
		if len(n.years) == 1 {
			s[i] = n.name + " năm " + n.years[0]
		} else {
			s[i] = n.name + " các năm " + joinVI(n.years, "và")
		}
	}
	return joinVI(s, "và")
}

func addOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// ageText says "29 tuổi 4 tháng", or "18 tuổi" on the month.
func ageText(months int) string {
	if months%12 == 0 {
		return fmt.Sprintf("%d tuổi", months/12)
	}
	return fmt.Sprintf("%d tuổi %d tháng", months/12, months%12)
}

// conflicting returns the evidences of a conflict warning that cites ev
// (the reader found two values for the fact ev proves), or nil.
func (e *eval) conflicting(ev hoso.Evidence) []hoso.Evidence {
	for _, w := range e.rec.Warnings {
		if w.Code == hoso.WarnConflict && slices.Contains(w.Evidence, ev) {
			return w.Evidence
		}
	}
	return nil
}

// birthEvidence is where the date or year of birth was read.
func (e *eval) birthEvidence() (hoso.Evidence, bool) {
	ev := e.rec.Candidate.Evidence
	if x, ok := ev["date_of_birth"]; ok {
		return x, true
	}
	x, ok := ev["birth_year"]
	return x, ok
}

// age: full MinMonths to full MaxMonths at the review date, in whole months.
// With only a year of birth, the rule passes when both 1 January and 31
// December of that year pass, fails when both fail, and is unknown between.
func (e *eval) age() hoso.RuleOutcome {
	const rule = RuleAge
	rs := e.rs
	dob := e.rec.Candidate.DateOfBirth
	year := e.rec.Candidate.BirthYear
	dobEv, hasDobEv := e.birthEvidence()
	hasDate := !dob.IsZero() && dob.Valid()
	hasYear := !hasDate && year > 0
	birth := dob.Vietnamese()
	if hasYear {
		birth = "năm " + strconv.Itoa(year)
	}
	// Without a trusted birth date or review date the rule is unknown;
	// when both are missing, say both.
	var o hoso.RuleOutcome
	switch {
	case !hasDate && !hasYear:
		doc := "doc_birth"
		if e.hasDoc(hoso.DocLyLich, hoso.DocDon) {
			// The lý lịch or the đơn is there and carries the date of
			// birth; it could not be read.
			doc = "doc_birth_legible"
		}
		o = hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Message: rs.sentence(rule, "no_birth_date"),
			Missing: []string{rs.msg(rule, doc)}}
	case hasDobEv && e.conflicting(dobEv) != nil:
		// The reader found another date of birth in another paper.
		o = hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Evidence: e.conflicting(dobEv),
			Message: rs.sentence(rule, "birth_conflict"),
			Missing: []string{rs.msg(rule, "doc_birth_confirm")}}
	case hasDobEv && !e.sourceOK(SourceBirth, dobEv):
		o = hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Evidence: []hoso.Evidence{dobEv},
			Message: rs.sentence(rule, "birth_wrong_source", "birth", birth, "doc", docName(dobEv)),
			Missing: []string{rs.msg(rule, "doc_birth")}}
	case hasDobEv && e.low(dobEv):
		o = hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Evidence: []hoso.Evidence{dobEv},
			Message: rs.sentence(rule, "birth_low_confidence", "birth", birth),
			Missing: []string{rs.msg(rule, "doc_birth_legible")}}
	case e.review.IsZero():
		o = e.noReview(rule)
		if hasDobEv {
			o.Evidence = append(o.Evidence, dobEv)
		}
		return o
	}
	if o.Outcome != "" {
		if e.review.IsZero() {
			r := e.noReview(rule)
			o.Message = r.Message + " " + o.Message
			o.Missing = append(r.Missing, o.Missing...)
			o.Evidence = append(r.Evidence, o.Evidence...)
		}
		return o
	}
	var ev []hoso.Evidence
	if hasDobEv {
		ev = append(ev, dobEv)
	}
	if e.rec.ReviewDateEvidence != nil {
		ev = append(ev, *e.rec.ReviewDateEvidence)
	}
	date := e.review.Vietnamese()
	minA, maxA := ageText(rs.Age.MinMonths), ageText(rs.Age.MaxMonths)
	if hasYear {
		return e.ageByYear(year, date, minA, maxA, ev)
	}
	if !dob.Before(e.review) {
		return hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Evidence: ev,
			Message: rs.sentence(rule, "birth_after_review", "birth", dob.Vietnamese(), "date", date),
			Missing: []string{rs.msg(rule, "doc_birth")}}
	}
	months := dob.MonthsUntil(e.review)
	switch {
	case months < rs.Age.MinMonths:
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Evidence: ev,
			Message: rs.sentence(rule, "under", "date", date, "age", ageText(months), "min", minA)}
	case months > rs.Age.MaxMonths && (rs.Age.AboveMax == AboveMaxFail || e.noEscalate):
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Evidence: ev,
			Message: rs.sentence(rule, "over", "date", date, "age", ageText(months), "max", maxA)}
	case months > rs.Age.MaxMonths:
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Evidence: ev, Escalate: true,
			Message: rs.sentence(rule, "over_escalate", "date", date, "age", ageText(months), "max", maxA)}
	}
	return hoso.RuleOutcome{Outcome: hoso.OutcomePass, Evidence: ev,
		Message: rs.sentence(rule, "pass", "date", date, "age", ageText(months), "min", minA, "max", maxA)}
}

// ageByYear decides the age rule from a year of birth alone: the oldest
// the candidate can be (born 1 January) and the youngest (31 December).
func (e *eval) ageByYear(year int, date, minA, maxA string, ev []hoso.Evidence) hoso.RuleOutcome {
	const rule = RuleAge
	rs := e.rs
	y := strconv.Itoa(year)
	first := hoso.Date{Year: year, Month: time.January, Day: 1}
	last := hoso.Date{Year: year, Month: time.December, Day: 31}
	if !last.Before(e.review) {
		return hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Evidence: ev,
			Message: rs.sentence(rule, "birth_after_review", "birth", "năm "+y, "date", date),
			Missing: []string{rs.msg(rule, "doc_birth")}}
	}
	oldest, youngest := first.MonthsUntil(e.review), last.MonthsUntil(e.review)
	switch {
	case oldest < rs.Age.MinMonths:
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Evidence: ev,
			Message: rs.sentence(rule, "under_year", "year", y, "date", date, "min", minA)}
	case youngest > rs.Age.MaxMonths && (rs.Age.AboveMax == AboveMaxFail || e.noEscalate):
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Evidence: ev,
			Message: rs.sentence(rule, "over_year", "year", y, "date", date, "max", maxA)}
	case youngest > rs.Age.MaxMonths:
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Evidence: ev, Escalate: true,
			Message: rs.sentence(rule, "over_escalate_year", "year", y, "date", date, "max", maxA)}
	case youngest >= rs.Age.MinMonths && oldest <= rs.Age.MaxMonths:
		return hoso.RuleOutcome{Outcome: hoso.OutcomePass, Evidence: ev,
			Message: rs.sentence(rule, "pass_year", "year", y, "date", date, "min", minA, "max", maxA)}
	}
	return hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Evidence: ev,
		Message: rs.sentence(rule, "birth_year_only", "year", y, "date", date),
		Missing: []string{rs.msg(rule, "doc_birth_full")}}
}

// certificate: the course certificate is less than ValidMonths old at the
// review date.
func (e *eval) certificate() hoso.RuleOutcome {
	const rule = RuleCertificate
	rs := e.rs
	c := e.rec.Certificate
	if c == nil || c.Issued.IsZero() || !c.Issued.Valid() {
		o := hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Message: rs.sentence(rule, "missing"),
			Missing: []string{rs.msg(rule, "doc_certificate")}}
		if c != nil {
			o.Evidence = []hoso.Evidence{c.Evidence}
		}
		return o
	}
	ev := []hoso.Evidence{c.Evidence}
	issued := c.Issued.Vietnamese()
	switch {
	case e.low(c.Evidence):
		return hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Evidence: ev,
			Message: rs.sentence(rule, "low_confidence", "issued", issued),
			Missing: []string{rs.msg(rule, "doc_certificate_legible")}}
	case e.review.IsZero():
		o := e.noReview(rule)
		o.Evidence = append(o.Evidence, ev...)
		return o
	case c.Issued.After(e.review):
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Evidence: ev,
			Message: rs.sentence(rule, "after_review", "issued", issued, "date", e.review.Vietnamese())}
	}
	valid := strconv.Itoa(rs.Certificate.ValidMonths)
	if c.Issued.MonthsUntil(e.review) >= rs.Certificate.ValidMonths {
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Evidence: ev,
			Message: rs.sentence(rule, "expired", "issued", issued, "valid", valid, "date", e.review.Vietnamese())}
	}
	return hoso.RuleOutcome{Outcome: hoso.OutcomePass, Evidence: ev,
		Message: rs.sentence(rule, "pass", "issued", issued, "valid", valid, "date", e.review.Vietnamese())}
}

var gradeRe = regexp.MustCompile(`(\d{1,2})\s*/\s*(\d{1,2})`)

// education: the general-education level as written reaches the rule's
// threshold. It needs no review date.
func (e *eval) education() hoso.RuleOutcome {
	const rule = RuleEducation
	rs := e.rs
	text := strings.TrimSpace(e.rec.Candidate.Education)
	ev, hasEv := e.rec.Candidate.Evidence["education"]
	var evs []hoso.Evidence
	if hasEv {
		evs = []hoso.Evidence{ev}
	}
	if text == "" {
		return hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Message: rs.sentence(rule, "missing"),
			Missing: []string{rs.msg(rule, "doc_education")}}
	}
	if hasEv && e.low(ev) {
		return hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Evidence: evs,
			Message: rs.sentence(rule, "low_confidence", "education", text),
			Missing: []string{rs.msg(rule, "doc_education")}}
	}
	pass := func() hoso.RuleOutcome {
		return hoso.RuleOutcome{Outcome: hoso.OutcomePass, Evidence: evs, Message: rs.sentence(rule, "pass", "education", text)}
	}
	fail := func() hoso.RuleOutcome {
		return hoso.RuleOutcome{Outcome: hoso.OutcomeFail, Evidence: evs, Message: rs.sentence(rule, "fail", "education", text)}
	}
	if m := gradeRe.FindStringSubmatch(text); m != nil {
		g, _ := strconv.Atoi(m[1])
		if min, ok := rs.Education.MinGrade[m[2]]; ok {
			n, _ := strconv.Atoi(m[2])
			if g >= 1 && g <= n {
				if g >= min {
					return pass()
				}
				return fail()
			}
		}
	}
	folded := " " + vntext.Bare(text) + " "
	for _, b := range rs.Education.Below {
		if strings.Contains(folded, " "+vntext.Bare(b)+" ") {
			return fail()
		}
	}
	for _, a := range rs.Education.Accept {
		if strings.Contains(folded, " "+vntext.Bare(a)+" ") {
			return pass()
		}
	}
	return hoso.RuleOutcome{Outcome: hoso.OutcomeUnknown, Evidence: evs,
		Message: rs.sentence(rule, "unclear", "education", text),
		Missing: []string{rs.msg(rule, "doc_education")}}
}

package hoso

// Warning codes written by validation and by the letter's checks. A
// needs_review warning means the letter must not be signed as it is: a
// person has to look at the dossier first (the addressee is unknown, a
// name reads as garbled, no rule set was in force at the review date).
// They live in Warnings so record.json and the API carry them without a
// new field; Record.Review lists them.
const (
	WarnNeedsReview       = "needs_review"
	WarnRuleSetNotInForce = "rule_set_not_in_force"
	// WarnAwardNoDecision marks a counted award the dossier gives without
	// its decision (number, date, issuer): the letter states only what
	// the dossier has.
	WarnAwardNoDecision = "award_without_decision"
)

// Review returns the reasons, in Vietnamese, the record needs a person's
// review before its letter is signed (needs_review and
// rule_set_not_in_force warnings); nil when it needs none.
func (r *Record) Review() []string {
	if r == nil {
		return nil
	}
	var out []string
	for _, w := range r.Warnings {
		if w.Code == WarnNeedsReview || w.Code == WarnRuleSetNotInForce {
			out = append(out, w.Message)
		}
	}
	return out
}

// MarkReview adds a needs_review warning with the reason msg, once.
func (r *Record) MarkReview(msg string, ev ...Evidence) {
	for _, w := range r.Warnings {
		if w.Code == WarnNeedsReview && w.Message == msg {
			return
		}
	}
	r.Warnings = append(r.Warnings, Warning{Code: WarnNeedsReview, Message: msg, Evidence: ev})
}

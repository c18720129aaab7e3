package web

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hoso-vn/hoso"
)

// DocCorrection is the evidence kind of a value a reviewer set by hand:
// Evidence.Doc says the value came from a person, not from a paper.
const DocCorrection hoso.DocKind = "correction"

// WarnCorrection marks a corrected field in Record.Warnings: its evidence
// holds the original reading first (when there was one) and the
// correction second, so the record keeps both.
const WarnCorrection = "correction"

// Correction is a reviewer's change of one field.
type Correction struct {
	// Field is "rating:<year>", "date_of_birth", "review_date",
	// "addressee" or "award:<year>".
	Field  string
	Value  string
	Reason string
	// Basis is the paper the reviewer read the value from (a phiếu
	// supplied later, the lý lịch): the corrected value's evidence names
	// it, so the rules that accept a fact only from its own paper count
	// it. Empty takes the usual paper of the field.
	Basis hoso.DocKind
}

// BlockCorrection is the Evidence.Block of a value a reviewer set.
const BlockCorrection = "correction"

// basisOf is the paper a field is usually read from.
func basisOf(field string) hoso.DocKind {
	switch {
	case strings.HasPrefix(field, "rating:"):
		return hoso.DocPhieu
	case strings.HasPrefix(field, "award:"):
		return hoso.DocQDKhen
	case field == "date_of_birth":
		return hoso.DocLyLich
	}
	return hoso.DocNQChiBo
}

// fieldLabel names a field in Vietnamese.
func fieldLabel(f string) string {
	switch {
	case strings.HasPrefix(f, "rating:"):
		return "Xếp loại năm " + strings.TrimPrefix(f, "rating:")
	case strings.HasPrefix(f, "award:"):
		return "Khen thưởng năm " + strings.TrimPrefix(f, "award:")
	case f == "date_of_birth":
		return "Ngày sinh"
	case f == "review_date":
		return "Ngày chi bộ xét (họp)"
	case f == "addressee":
		return "Nơi nhận (cấp uỷ có thẩm quyền)"
	}
	return f
}

// parseDate reads dd/mm/yyyy (what a Vietnamese clerk types) or yyyy-mm-dd.
func parseDate(s string) (hoso.Date, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"02/01/2006", "2/1/2006", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return hoso.DateOf(t), nil
		}
	}
	return hoso.Date{}, fmt.Errorf("ngày %q không hợp lệ, cần dạng dd/mm/yyyy / invalid date, want dd/mm/yyyy", s)
}

func viDate(d hoso.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// applyCorrection changes rec as c says and returns the old and new values
// as text. The record keeps the original reading: a correction warning
// carries the original evidence and the correction's.
func applyCorrection(rec *hoso.Record, c Correction, by string, at time.Time) (old, new string, err error) {
	c.Value = strings.TrimSpace(c.Value)
	c.Reason = strings.TrimSpace(c.Reason)
	if c.Reason == "" {
		return "", "", fmt.Errorf("cần ghi lý do hiệu chỉnh / a reason is required")
	}
	if c.Value == "" {
		return "", "", fmt.Errorf("cần nhập giá trị mới / a new value is required")
	}
	if c.Basis == "" || !c.Basis.Valid() {
		c.Basis = basisOf(c.Field)
	}
	var orig *hoso.Evidence
	mk := func(newText string) hoso.Evidence {
		return hoso.Evidence{File: "hiệu chỉnh của " + by, Block: BlockCorrection, Doc: c.Basis,
			Text: fmt.Sprintf("%s: «%s» → «%s». Lý do: %s (%s, %s)", fieldLabel(c.Field), old, newText, c.Reason, by,
				at.Format("02/01/2006 15:04"))}
	}
	var ev hoso.Evidence
	switch f := c.Field; {
	case strings.HasPrefix(f, "rating:"):
		year, err := strconv.Atoi(strings.TrimPrefix(f, "rating:"))
		if err != nil || year < 1950 || year > 2100 {
			return "", "", fmt.Errorf("năm không hợp lệ / invalid year")
		}
		r, err := hoso.ParseRating(c.Value)
		if err != nil || r == hoso.RatingUnknown {
			return "", "", fmt.Errorf("xếp loại %q không hợp lệ / invalid rating", c.Value)
		}
		new = r.Vietnamese()
		i := slices.IndexFunc(rec.Appraisals, func(a hoso.Appraisal) bool { return a.Year == year })
		if i >= 0 {
			old = rec.Appraisals[i].Rating.Vietnamese()
			e := rec.Appraisals[i].Evidence
			orig = &e
			ev = mk(new)
			rec.Appraisals[i].Rating, rec.Appraisals[i].Evidence = r, ev
		} else {
			ev = mk(new)
			rec.Appraisals = append(rec.Appraisals, hoso.Appraisal{Year: year, Rating: r, Evidence: ev})
			slices.SortFunc(rec.Appraisals, func(a, b hoso.Appraisal) int { return a.Year - b.Year })
		}
		// A year the dossier said was not rated is rated now.
		rec.Unrated = slices.DeleteFunc(rec.Unrated, func(u hoso.Unrated) bool { return u.Year == year })
	case strings.HasPrefix(f, "award:"):
		year, err := strconv.Atoi(strings.TrimPrefix(f, "award:"))
		if err != nil || year < 1950 || year > 2100 {
			return "", "", fmt.Errorf("năm không hợp lệ / invalid year")
		}
		k := hoso.AwardKind(c.Value)
		if !k.Valid() {
			return "", "", fmt.Errorf("loại khen thưởng %q không hợp lệ / invalid award kind", c.Value)
		}
		for _, a := range rec.Awards {
			if a.Year == year {
				old = a.Kind.Vietnamese()
				e := a.Evidence
				orig = &e
			}
		}
		new = k.Vietnamese()
		ev = mk(new)
		rec.Awards = slices.DeleteFunc(rec.Awards, func(a hoso.Award) bool { return a.Year == year })
		rec.Awards = append(rec.Awards, hoso.Award{Year: year, Kind: k, Evidence: ev})
	case f == "date_of_birth":
		d, err := parseDate(c.Value)
		if err != nil {
			return "", "", err
		}
		old = viDate(rec.Candidate.DateOfBirth)
		if old == "" && rec.Candidate.BirthYear > 0 {
			old = strconv.Itoa(rec.Candidate.BirthYear)
		}
		if e, ok := rec.Candidate.Evidence["date_of_birth"]; ok {
			orig = &e
		}
		new = viDate(d)
		ev = mk(new)
		rec.Candidate.DateOfBirth, rec.Candidate.BirthYear = d, 0
		if rec.Candidate.Evidence == nil {
			rec.Candidate.Evidence = map[string]hoso.Evidence{}
		}
		rec.Candidate.Evidence["date_of_birth"] = ev
	case f == "review_date":
		d, err := parseDate(c.Value)
		if err != nil {
			return "", "", err
		}
		old = viDate(rec.ReviewDate)
		orig = rec.ReviewDateEvidence
		new = viDate(d)
		ev = mk(new)
		rec.ReviewDate, rec.ReviewDateBasis, rec.ReviewDateEvidence = d, hoso.ReviewFromOverride, &ev
	case f == "addressee":
		if rec.Addressee != nil {
			old = rec.Addressee.Name
			e := rec.Addressee.Evidence
			orig = &e
		}
		new = c.Value
		ev = mk(new)
		rec.Addressee = &hoso.Addressee{Name: c.Value, Evidence: ev}
	default:
		return "", "", fmt.Errorf("trường %q không sửa được ở đây / field cannot be corrected", c.Field)
	}
	w := hoso.Warning{Code: WarnCorrection, Message: "Đã hiệu chỉnh " + fieldLabel(c.Field) + ": " + c.Reason}
	if orig != nil {
		w.Evidence = append(w.Evidence, *orig)
	}
	ev.Doc = DocCorrection // the warning's copy says who set it, not which paper
	w.Evidence = append(w.Evidence, ev)
	rec.Warnings = append(rec.Warnings, w)
	return old, new, nil
}

package extract

import "github.com/hoso-vn/hoso"

// Record reads the candidate's fields, appraisals and awards from t.
// (Placeholder until the field reader lands.)
func (t *Text) Record() (*hoso.Record, error) {
	return hoso.NewRecord(), nil
}

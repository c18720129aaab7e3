package hoso

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestMonthsUntil(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return Date{y, m, day} }
	tests := []struct {
		from, to Date
		want     int
	}{
		{d(1990, 5, 12), d(2008, 5, 11), 215},
		{d(1990, 5, 12), d(2008, 5, 12), 216},
		{d(1990, 5, 12), d(2050, 5, 12), 720},
		{d(1990, 5, 12), d(2050, 6, 12), 721},
		{d(2000, 1, 31), d(2000, 2, 29), 1}, // the 31st completes on the last day of a shorter month
		{d(2000, 1, 31), d(2000, 2, 28), 0},
		{d(2000, 3, 1), d(2000, 2, 28), -1},
	}
	for _, tc := range tests {
		if got := tc.from.MonthsUntil(tc.to); got != tc.want {
			t.Errorf("%s → %s: %d months, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestDateText(t *testing.T) {
	tests := []struct {
		d       Date
		iso, vi string
	}{
		{Date{2019, 4, 3}, "2019-04-03", "ngày 03 tháng 4 năm 2019"},
		{Date{2018, 2, 20}, "2018-02-20", "ngày 20 tháng 02 năm 2018"},
		{Date{2019, 12, 15}, "2019-12-15", "ngày 15 tháng 12 năm 2019"},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.iso {
			t.Errorf("String() = %q, want %q", got, tc.iso)
		}
		if got := tc.d.Vietnamese(); got != tc.vi {
			t.Errorf("Vietnamese() = %q, want %q", got, tc.vi)
		}
		var back Date
		if err := back.UnmarshalText([]byte(tc.iso)); err != nil || back != tc.d {
			t.Errorf("UnmarshalText(%q) = %v, %v", tc.iso, back, err)
		}
	}
	if _, err := NewDate(2019, 2, 29); err == nil {
		t.Error("NewDate accepted 29/02/2019")
	}
	b, _ := json.Marshal(struct {
		D Date `json:"d,omitzero"`
	}{})
	if string(b) != "{}" {
		t.Errorf("zero date marshals as %s, want it omitted", b)
	}
}

func TestRatingOrderAndText(t *testing.T) {
	if !(RatingHTXSNV > RatingHTTNV && RatingHTTNV > RatingHTNV && RatingHTNV > RatingKHTNV && RatingKHTNV > RatingUnknown) {
		t.Fatal("ratings are not ordered best last")
	}
	for _, r := range []Rating{RatingKHTNV, RatingHTNV, RatingHTTNV, RatingHTXSNV} {
		b, err := r.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Rating
		if err := back.UnmarshalText(b); err != nil || back != r {
			t.Errorf("%s does not round-trip: %v %v", r, back, err)
		}
	}
	if _, err := RatingUnknown.MarshalText(); err == nil {
		t.Error("the unknown rating marshalled")
	}
}

func TestErrorIs(t *testing.T) {
	err := Wrap(errors.New("boom"), ETOOLARGE, "Tệp quá lớn", "file too large")
	if !errors.Is(err, ErrTooLarge) || errors.Is(err, ErrEmpty) {
		t.Error("errors.Is does not match by code")
	}
	if Code(err) != ETOOLARGE || Transient(err) {
		t.Error("Code/Transient wrong")
	}
	if info := Info(err); info.Message != "Tệp quá lớn" || info.English == "" {
		t.Errorf("Info = %+v", info)
	}
}

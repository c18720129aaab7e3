package hoso

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a calendar date with no time of day or zone, as written on a
// document. The zero value means "not known" and marshals as nothing.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date, or an error if it does not exist (31/02).
func NewDate(year int, month time.Month, day int) (Date, error) {
	d := Date{year, month, day}
	if !d.Valid() {
		return Date{}, fmt.Errorf("hoso: no such date %04d-%02d-%02d", year, int(month), day)
	}
	return d, nil
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real day of the Gregorian calendar in the
// years a dossier can speak of.
func (d Date) Valid() bool {
	if d.Year < 1900 || d.Year > 2200 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Time returns midnight UTC of d, for arithmetic.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }
func (d Date) After(e Date) bool  { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(d.Month, e.Month)
	}
	return cmp.Compare(d.Day, e.Day)
}

// MonthsUntil returns the number of whole months from d to e ("tính theo
// tháng"): 12 May 1990 to 11 May 2008 is 215, to 12 May 2008 is 216.
func (d Date) MonthsUntil(e Date) int {
	m := (e.Year-d.Year)*12 + int(e.Month) - int(d.Month)
	// A month is complete on the same day number; when the start day does not
	// exist in the end month (31 → 30 April), the month completes on its last day.
	day := d.Day
	if last := daysIn(e.Year, e.Month); day > last {
		day = last
	}
	if e.Day < day {
		m--
	}
	return m
}

// String formats as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Vietnamese formats as an administrative date: "ngày 03 tháng 4 năm 2019".
// Days 1–9 and the months January and February take a leading zero, as
// HD 36-HD/VPTW and NĐ 30/2020 prescribe.
func (d Date) Vietnamese() string {
	month := fmt.Sprint(int(d.Month))
	if d.Month <= 2 {
		month = fmt.Sprintf("%02d", int(d.Month))
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", d.Day, month, d.Year)
}

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return fmt.Errorf("hoso: date %q: want YYYY-MM-DD", b)
	}
	*d = DateOf(t)
	return nil
}

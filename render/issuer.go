package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/vntext"
)

// Profile selects the administrative format of a letter.
type Profile string

const (
	// ProfileParty is the Party format of Hướng dẫn 36-HD/VPTW.
	ProfileParty Profile = "party"
	// ProfileState is the State format of Nghị định 30/2020/NĐ-CP.
	ProfileState Profile = "state"
)

// Number modes.
const (
	// NumberBlank leaves the number for the văn thư to write in when the
	// letter is registered, the usual practice: "Số      -CV/BTCĐU".
	NumberBlank = "blank"
	// NumberRegister prints Number.Value, assigned by a register.
	NumberRegister = "register"
)

// Issuer is the committee or board that sends the letters, read from an
// issuer profile (YAML or JSON). Capitalised fields are printed as written:
// the header wants capitals, the body wants sentence case, and Vietnamese
// case mapping cannot restore "Đảng uỷ Các cơ quan tỉnh" from capitals.
type Issuer struct {
	Profile Profile `yaml:"profile" json:"profile"`
	// Superior is the direct superior body in capitals ("ĐẢNG UỶ CÁC CƠ
	// QUAN TỈNH"); empty for a body printed alone.
	Superior     string `yaml:"superior" json:"superior"`
	Name         string `yaml:"name" json:"name"`                 // "BAN TỔ CHỨC"
	Abbreviation string `yaml:"abbreviation" json:"abbreviation"` // "BTCĐU"
	// FullName names the issuer in the body the first time, ShortName after.
	FullName          string `yaml:"full_name" json:"full_name"`
	ShortName         string `yaml:"short_name" json:"short_name"`
	StandingCommittee string `yaml:"standing_committee" json:"standing_committee"`
	Place             string `yaml:"place" json:"place"`
	// Basis is the instrument cited when no rule outcome carries a citation.
	Basis  string `yaml:"basis" json:"basis"`
	Signer Signer `yaml:"signer" json:"signer"`
	// Recipients are the Kính gửi lines. "{addressee}" is the Party body
	// the chi bộ submits the dossier to: as the dossier names it, else as
	// Addressees gives it for the candidate's unit; "{unit}" is the unit.
	Recipients []string `yaml:"recipients" json:"recipients"`
	// Addressees maps origins to addressees for dossiers that do not name
	// the body they are submitted to: the first whose origin the
	// candidate's unit contains (compared without accents, on word
	// boundaries) gives the addressee.
	Addressees []Origin     `yaml:"addressees,omitempty" json:"addressees,omitempty"`
	Copies     []string     `yaml:"copies" json:"copies"`
	Margins    Margins      `yaml:"margins_mm" json:"margins_mm"`
	Number     NumberPolicy `yaml:"number" json:"number"`
	// PDF asks the pipeline to write each letter's PDF as well; the CLI's
	// --pdf asks for it regardless.
	PDF bool `yaml:"pdf" json:"pdf"`
}

// Origin is one row of an issuer's table of origins → addressees: a unit
// ("Sở Tài chính") and the Party body its chi bộ submits to ("Đảng uỷ Sở
// Tài chính").
type Origin struct {
	Origin    string `yaml:"origin" json:"origin"`
	Addressee string `yaml:"addressee" json:"addressee"`
}

// addresseeFor looks the unit up in the table of origins.
func (iss *Issuer) addresseeFor(unit string) (string, bool) {
	u := " " + vntext.Bare(unit) + " "
	if strings.TrimSpace(u) == "" {
		return "", false
	}
	for _, o := range iss.Addressees {
		if f := vntext.Bare(o.Origin); f != "" && strings.Contains(u, " "+f+" ") {
			return strings.TrimSpace(o.Addressee), true
		}
	}
	return "", false
}

// Signer is the signature block.
type Signer struct {
	Authority string `yaml:"authority" json:"authority"` // "K/T TRƯỞNG BAN"; empty when the head signs
	Title     string `yaml:"title" json:"title"`         // "PHÓ TRƯỞNG BAN"
	Name      string `yaml:"name" json:"name"`
}

// Margins are page margins in millimetres.
type Margins struct {
	Top    float64 `yaml:"top" json:"top"`
	Bottom float64 `yaml:"bottom" json:"bottom"`
	Left   float64 `yaml:"left" json:"left"`
	Right  float64 `yaml:"right" json:"right"`
}

// NumberPolicy says how the letter's number is printed.
type NumberPolicy struct {
	Mode string `yaml:"mode" json:"mode"` // NumberBlank or NumberRegister
	// Type is the document type abbreviation of the Party form ("CV");
	// the State form prints none for a công văn.
	Type string `yaml:"type" json:"type"`
	// Value is the number a register assigned to this letter. A register
	// sets it on a copy of the Issuer per letter; profiles leave it 0.
	Value int `yaml:"value" json:"value"`
}

// DefaultIssuer returns the profile of the seed's issuer, Ban Tổ chức Đảng
// uỷ Các cơ quan tỉnh, the same as issuers/btcdu.yaml (a test keeps the two
// equal and valid). Each call returns a new value the caller may change.
func DefaultIssuer() *Issuer {
	return &Issuer{
		Profile:           ProfileParty,
		Superior:          "ĐẢNG UỶ CÁC CƠ QUAN TỈNH",
		Name:              "BAN TỔ CHỨC",
		Abbreviation:      "BTCĐU",
		FullName:          "Ban Tổ chức Đảng uỷ Các cơ quan tỉnh",
		ShortName:         "Ban Tổ chức Đảng uỷ",
		StandingCommittee: "Ban Thường vụ Đảng uỷ",
		Place:             "Hà Nội",
		Basis:             "Công văn số 52-CV/BTCĐU của Ban Tổ chức Đảng uỷ về công tác kết nạp quần chúng ưu tú vào Đảng",
		Signer:            Signer{Authority: "K/T TRƯỞNG BAN", Title: "PHÓ TRƯỞNG BAN", Name: "Nguyễn Quang Hùng"},
		Recipients:        []string{"{addressee}"},
		Copies:            []string{"Như Kính gửi,", "Thường trực Đảng uỷ (báo cáo),", "Lưu."},
		Margins:           Margins{Top: 20, Bottom: 20, Left: 30, Right: 15},
		Number:            NumberPolicy{Mode: NumberBlank, Type: "CV"},
	}
}

// LoadIssuer reads and validates an issuer profile file (YAML or JSON).
func LoadIssuer(path string) (*Issuer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, hoso.Wrap(err, hoso.EINVALID,
			"Không đọc được tệp hồ sơ đơn vị ban hành %s", "cannot read issuer profile %s", path)
	}
	return ParseIssuer(b, path)
}

// ParseIssuer decodes and validates a profile; unknown fields are errors, so
// a misspelt key is not silently ignored. name is used in messages.
func ParseIssuer(b []byte, name string) (*Issuer, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var iss Issuer
	if err := dec.Decode(&iss); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, hoso.Errorf(hoso.EINVALID,
				"Tệp hồ sơ đơn vị ban hành %s trống", "issuer profile %s is empty", name)
		}
		return nil, hoso.Wrap(err, hoso.EINVALID,
			"Tệp hồ sơ đơn vị ban hành %s không đúng định dạng YAML/JSON", "issuer profile %s is not valid YAML/JSON", name)
	}
	iss.setDefaults()
	if err := iss.Validate(); err != nil {
		return nil, hoso.Wrap(err, hoso.EINVALID,
			"Hồ sơ đơn vị ban hành %s không hợp lệ", "issuer profile %s is invalid", name)
	}
	return &iss, nil
}

func (iss *Issuer) setDefaults() {
	if iss.Profile == "" {
		iss.Profile = ProfileParty
	}
	if iss.Margins == (Margins{}) {
		iss.Margins = Margins{Top: 20, Bottom: 20, Left: 30, Right: 15}
	}
	if iss.Number.Mode == "" {
		iss.Number.Mode = NumberBlank
	}
	if iss.Number.Type == "" && iss.Profile == ProfileParty {
		iss.Number.Type = "CV"
	}
	if iss.ShortName == "" {
		iss.ShortName = iss.FullName
	}
}

// Validate reports the first problem of a profile as a *hoso.Error.
func (iss *Issuer) Validate() error {
	bad := func(vi, en string, args ...any) error { return hoso.Errorf(hoso.EINVALID, vi, en, args...) }
	switch iss.Profile {
	case ProfileParty, ProfileState:
	default:
		return bad("profile phải là party hoặc state, không phải %q", "profile must be party or state, not %q", iss.Profile)
	}
	required := []struct{ key, val string }{
		{"name", iss.Name}, {"abbreviation", iss.Abbreviation}, {"full_name", iss.FullName},
		{"standing_committee", iss.StandingCommittee}, {"place", iss.Place},
		{"signer.title", iss.Signer.Title}, {"signer.name", iss.Signer.Name},
	}
	for _, f := range required {
		if strings.TrimSpace(f.val) == "" {
			return bad("thiếu trường %s", "missing field %s", f.key)
		}
	}
	for _, f := range []struct{ key, val string }{{"superior", iss.Superior}, {"name", iss.Name},
		{"signer.authority", iss.Signer.Authority}, {"signer.title", iss.Signer.Title}} {
		if f.val != strings.ToUpper(f.val) {
			return bad("trường %s phải viết in hoa: %q", "field %s must be in capitals: %q", f.key, f.val)
		}
	}
	// NĐ 30 writes a công văn's symbol as the issuer's abbreviation, a
	// hyphen, the drafting unit's ("05/SNV-TCCB"); the Party form has one
	// abbreviation after the slash.
	switch {
	case strings.ContainsAny(iss.Abbreviation, " /"),
		iss.Profile == ProfileParty && strings.Contains(iss.Abbreviation, "-"),
		strings.Count(iss.Abbreviation, "-") > 1,
		strings.HasPrefix(iss.Abbreviation, "-") || strings.HasSuffix(iss.Abbreviation, "-"):
		return bad("ký hiệu %q không hợp lệ: không được chứa dấu cách hoặc \"/\"; chỉ mẫu Nhà nước được có một \"-\" giữa ký hiệu cơ quan và đơn vị soạn thảo (SNV-TCCB)",
			"abbreviation %q is invalid: no spaces or \"/\"; only the state profile may have one \"-\" between the issuer's and the drafting unit's (SNV-TCCB)", iss.Abbreviation)
	}
	if len(iss.Recipients) == 0 {
		return bad("thiếu nơi nhận (recipients, Kính gửi)", "missing recipients (Kính gửi)")
	}
	if len(iss.Copies) == 0 {
		return bad("thiếu danh sách Nơi nhận (copies)", "missing copies (Nơi nhận)")
	}
	for i, o := range iss.Addressees {
		if strings.TrimSpace(o.Origin) == "" || strings.TrimSpace(o.Addressee) == "" {
			return bad("addressees[%d]: cần cả origin và addressee", "addressees[%d]: needs both origin and addressee", i)
		}
	}
	for _, list := range [][]string{iss.Recipients, iss.Copies} {
		for _, s := range list {
			if strings.TrimSpace(s) == "" {
				return bad("nơi nhận không được để trống", "a recipient or copy line is empty")
			}
		}
	}
	m := iss.Margins
	for _, f := range []struct {
		key       string
		v, lo, hi float64
	}{{"margins_mm.top", m.Top, 10, 40}, {"margins_mm.bottom", m.Bottom, 10, 40},
		{"margins_mm.left", m.Left, 15, 45}, {"margins_mm.right", m.Right, 10, 30}} {
		if f.v < f.lo || f.v > f.hi {
			return bad("lề %s = %g mm nằm ngoài khoảng %g–%g mm", "margin %s = %g mm is outside %g–%g mm", f.key, f.v, f.lo, f.hi)
		}
	}
	switch iss.Number.Mode {
	case NumberBlank:
	case NumberRegister:
		if iss.Number.Value < 0 {
			return bad("số văn bản không được âm: %d", "number must not be negative: %d", iss.Number.Value)
		}
	default:
		return bad("number.mode phải là blank hoặc register, không phải %q", "number.mode must be blank or register, not %q", iss.Number.Mode)
	}
	if iss.Profile == ProfileParty && iss.Number.Type == "" {
		return bad("thiếu number.type (ví dụ CV)", "missing number.type (e.g. CV)")
	}
	return nil
}

// number returns the "Số …" line of the header.
func (iss *Issuer) number() (string, error) {
	n := strings.Repeat("\u00a0", 8) // room for the văn thư's handwriting
	if iss.Number.Mode == NumberRegister {
		if iss.Number.Value <= 0 {
			return "", hoso.Errorf(hoso.EINVALID,
				"Chưa có số văn bản từ sổ đăng ký (number.value)", "no number assigned by the register (number.value)")
		}
		n = fmt.Sprintf("%02d", iss.Number.Value)
	}
	if iss.Profile == ProfileState {
		// NĐ 30: "Số: 15/BTC" — colon, slash, no type abbreviation for a công văn.
		return "Số: " + n + "/" + iss.Abbreviation, nil
	}
	// HD 36: "Số 52-CV/BTCĐU" — no colon, hyphen before the type.
	return "Số " + n + "-" + iss.Number.Type + "/" + iss.Abbreviation, nil
}

// authority returns the signing authority in the profile's punctuation:
// the Party writes K/T, T/M, T/L; the State KT., TM., TL.
func (iss *Issuer) authority() string {
	a := iss.Signer.Authority
	if iss.Profile != ProfileState {
		return a
	}
	for _, p := range [][2]string{{"K/T ", "KT. "}, {"T/M ", "TM. "}, {"T/L ", "TL. "}, {"KT ", "KT. "}, {"TM ", "TM. "}, {"TL ", "TL. "}} {
		if strings.HasPrefix(a, p[0]) {
			return p[1] + strings.TrimPrefix(a, p[0])
		}
	}
	return a
}

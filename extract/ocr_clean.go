package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanOCR repairs the errors Tesseract's Vietnamese model makes that no
// reader of the text could want: look-alike characters, dot leaders read as
// letters, and years with a letter or one extra digit in them. Repairs are
// made only when there is exactly one plausible reading; anything else is
// left for the field reader's tolerant matching, which sees the confidence.
// Lines left empty are dropped.
func cleanOCR(blocks []Block) []Block {
	out := blocks[:0]
	for _, b := range blocks {
		b.Text = cleanLine(b.Text)
		if b.Text != "" {
			out = append(out, b)
		}
	}
	return out
}

var ocrLookalikes = strings.NewReplacer(
	"\u00d0", "Đ", // Ð (Eth) for Đ
	"\u00f0", "đ", // ð for đ
	"\u2044", "/", // "V⁄v": fraction slash
	"\u2215", "/", // division slash
	"\u2014", "–", // em dash where documents use the en dash
	"\u201c", "\"", "\u201d", "\"", "\u201e", "\"",
	"\u2018", "'", "\u2019", "'",
	"\u00a0", " ",
	"|", " ", // table rules read as a bar
)

func cleanLine(s string) string {
	s = ocrLookalikes.Replace(s)
	s = dropLeaders(s)
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' })
	for i, f := range fields {
		fields[i] = repairNumber(f)
	}
	s = strings.Join(fields, " ")
	s = strings.TrimFunc(s, unicode.IsSpace)
	return norm.NFC.String(s)
}

// dropLeaders turns a run of four or more dots, underscores or ellipses (a
// form's dot leader) into a space.
func dropLeaders(s string) string {
	var sb strings.Builder
	run := 0
	start := 0
	flush := func(end int) {
		if run >= 4 {
			sb.WriteByte(' ')
		} else {
			sb.WriteString(s[start:end])
		}
		run = 0
	}
	for i, r := range s {
		if r == '.' || r == '_' || r == '…' || r == '·' {
			if run == 0 {
				start = i
			}
			run++
			if r == '…' {
				run += 2
			}
			continue
		}
		if run > 0 {
			flush(i)
		}
		sb.WriteRune(r)
	}
	if run > 0 {
		flush(len(s))
	}
	return sb.String()
}

// repairNumber fixes one whitespace-separated token that should be a year
// or a date: letters that look like digits inside a number ("2O18",
// "l5/12/2017") and one inserted digit in a year ("20168" → "2018" only if
// no other deletion also gives a plausible year). Tokens with any other
// letter are left alone: they are words.
func repairNumber(tok string) string {
	// Keep leading and trailing punctuation ("(2018)", "2018,") aside.
	lead := strings.IndexFunc(tok, func(r rune) bool { return !unicode.IsPunct(r) || r == '/' })
	if lead < 0 {
		return tok
	}
	trail := strings.LastIndexFunc(tok, func(r rune) bool { return !unicode.IsPunct(r) || r == '/' })
	_, w := utf8.DecodeRuneInString(tok[trail:])
	pre, core, post := tok[:lead], tok[lead:trail+w], tok[trail+w:]
	digits := 0
	for _, r := range core {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == 'O' || r == 'o' || r == 'l' || r == 'I' || r == '/' || r == '-' || r == '.':
		default:
			return tok
		}
	}
	if digits < 2 {
		return tok
	}
	fixed := strings.NewReplacer("O", "0", "o", "0", "l", "1", "I", "1").Replace(core)
	// A lone token is a year candidate; in a date, only the last part is.
	nums := strings.FieldsFunc(fixed, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(nums) == 0 {
		return tok
	}
	last := nums[len(nums)-1]
	if y, ok := repairYear(last); ok {
		fixed = fixed[:len(fixed)-len(last)] + y
	}
	return pre + fixed + post
}

// Years a dossier can mention: births from 1940, appraisals up to the near
// future. The narrower the range, the more inserted digits are repairable:
// "20188" can only be 2018, but "20168" is 2016 or 2018 and stays as read.
const ocrMinYear, ocrMaxYear = 1940, 2039

// repairYear returns a five-digit token with one digit dropped when exactly
// one plausible year results.
func repairYear(s string) (string, bool) {
	if len(s) != 5 {
		return s, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return s, false
		}
	}
	found := ""
	for i := range len(s) {
		c := s[:i] + s[i+1:]
		y, _ := strconv.Atoi(c)
		if y < ocrMinYear || y > ocrMaxYear {
			continue
		}
		if found != "" && found != c {
			return s, false
		}
		found = c
	}
	return found, found != ""
}

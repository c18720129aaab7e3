// Package heldout is the held-out test corpus of hoso: dossiers written by
// a second generator, with wording, layout and producers chosen apart from
// the corpus the extractor is tuned on (internal/corpus), so that scores
// on it say whether the extractor generalises.
//
// The corpus lives in testdata/heldout and is regenerated with
//
//	go run ./internal/corpus/heldout/gen -out testdata/heldout
//
// Each case (cases.go) states the facts of a dossier and the papers that
// carry them; the papers print those facts in the ways real offices do,
// and Judge derives the ground truth from the same facts by the rule of
// Công văn 52-CV/BTCĐU and the age rule. corpus.Load reads its truth.json.
package heldout

import (
	"fmt"
	"time"

	"github.com/hoso-vn/hoso"
	"github.com/hoso-vn/hoso/internal/corpus"
)

// Output is the kind of file a case becomes.
type Output int

const (
	OutDOCX    Output = iota
	OutPDF            // text PDF made by LibreOffice
	OutZIP            // one paper per member
	OutScanPDF        // image-only PDF
	OutJPEG           // phone photo of a one-page paper
	OutPNG            // scanning app's PNG export of a one-page paper
)

// Producer is the program that wrote the document before any scanning.
type Producer string

const (
	ProdOwn         Producer = "own"         // corpus.Document.DOCX
	ProdPythonDocx  Producer = "python-docx" // pydocx.py with Debian's python3-docx
	ProdLibreOffice Producer = "libreoffice" // our DOCX re-saved by LibreOffice ("MS Word 2007 XML")
)

// Person is the candidate as the dossier describes them.
type Person struct {
	Name string // mixed case, as written outside the lý lịch
	Male bool
	// Born is the date of birth; zero when the papers give only BirthYear
	// or nothing.
	Born      hoso.Date
	BirthYear int
	Unit      string // đơn vị công tác, in full
	// UnitBreak is the number of words after which papers break the unit
	// name with a manual line break (0: no break).
	UnitBreak int
	Position  string
	Education string
	Hometown  string
	Address   string
}

// Case is one dossier of the held-out corpus.
type Case struct {
	ID       string // file name without extension
	Out      Output
	Producer Producer
	Columns  int    // 2: two-column page layout (python-docx sections)
	Scan     string // scan variant for scanned outputs
	Sloppy   bool   // stray tabs and double spaces (see sloppy)
	Tags     []string
	Note     string
	Person   Person
	Papers   []Paper
	// Members names each ZIP member (one per paper, same order); a name
	// ending in .pdf is converted by LibreOffice.
	Members []string
}

// Facts is what one paper states about the candidate: the only input of
// Judge, so the truth can never drift from what is printed.
type Facts struct {
	Meeting   hoso.Date // the chi bộ's meeting date (6-KNĐ)
	Dated     hoso.Date // the paper's own date line
	Ratings   []corpus.Appraisal
	Awards    []corpus.Award
	Employed  hoso.Date
	Unrated   []int
	Born      hoso.Date
	BirthYear int
	Addressee string
	Unit      bool // prints the candidate's unit
	Position  bool
	Education bool
	Cover     bool // a cover letter: its date does not count
}

// Paper is one document of a dossier.
type Paper interface {
	Kind() hoso.DocKind
	// Blocks writes the paper for the case's candidate.
	Blocks(c *Case) []corpus.Block
	Facts(c *Case) Facts
}

// D builds a date; the case table uses it with literal values.
func D(y, m, d int) hoso.Date { return hoso.Date{Year: y, Month: time.Month(m), Day: d} }

// Check reports impossible dates and papers without facts the judge needs.
func (c *Case) Check() error {
	if c.Person.Name == "" {
		return fmt.Errorf("heldout: %s: no name", c.ID)
	}
	if !c.Person.Born.IsZero() && !c.Person.Born.Valid() {
		return fmt.Errorf("heldout: %s: birth %v is not a date", c.ID, c.Person.Born)
	}
	for i, p := range c.Papers {
		f := p.Facts(c)
		for _, d := range []hoso.Date{f.Meeting, f.Dated, f.Employed, f.Born} {
			if !d.IsZero() && !d.Valid() {
				return fmt.Errorf("heldout: %s: paper %d: %v is not a date", c.ID, i, d)
			}
		}
	}
	if c.Out == OutZIP && len(c.Members) != len(c.Papers) {
		return fmt.Errorf("heldout: %s: %d members for %d papers", c.ID, len(c.Members), len(c.Papers))
	}
	return nil
}

package hostile

import "github.com/hoso-vn/hoso/internal/corpus"

func corpusMalformed() []byte      { return corpus.MalformedPDF() }
func corpusManyPages(n int) []byte { return corpus.ManyPagesPDF(n) }

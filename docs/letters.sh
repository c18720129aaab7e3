#!/usr/bin/env bash
# Redraws docs/letter-*.png from dossiers of the official-forms corpus, the
# way a user gets them: `hoso process --pdf` on the file, then page 1 of the
# PDF through pdftoppm. Needs LibreOffice and poppler-utils.
#
#   docs/letters.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
go build -o "$out/hoso" ./cmd/hoso

draw() { # name file [issuer]
	local name=$1 file=$2 issuer=${3:-}
	mkdir -p "$out/$name"
	"$out/hoso" process --pdf --date 2024-09-20 ${issuer:+--issuer "$issuer"} --out "$out/$name" "testdata/forms/$file" >/dev/null || true
	local pdf
	pdf="$(ls "$out/$name"/*.pdf | head -1)"
	pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "docs/letter-$name"
	echo "docs/letter-$name.png  ← testdata/forms/$file"
}

draw eligible f01-eligible-baseline.docx
draw ineligible f13-recruited-in-window.docx
draw incomplete f17-missing-year.docx
draw escalate f08-over-60-other-candidates.docx
draw state f01-eligible-baseline.docx docs/issuer-state.yaml

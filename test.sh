#!/usr/bin/env bash
# Installs what the tests need, then runs every test: gofmt, go vet and
# `go test ./...` with real MinIO (built from source by deploy/minio.sh),
# real Tesseract with Vietnamese, LibreOffice and poppler from Debian, and
# the in-process NATS server.
#
#   ./test.sh                 # everything
#   ./test.sh --cluster       # and the cluster tests (deploy/cluster.sh; TestCluster always under CI=true)
#   ./test.sh -run Corpus     # extra arguments go to `go test`
#
# Under CI=true a test whose outside program is missing fails instead of
# skipping, so a broken install step cannot hide behind a green run.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use. Installed only when one is missing, so a
# second run costs nothing.
packages=(
	poppler-utils            # pdftotext, pdftoppm, pdfinfo: PDF fallback, OCR rasterising, letter checks
	tesseract-ocr            # OCR of scanned dossiers
	tesseract-ocr-vie        # its Vietnamese model
	libreoffice-writer-nogui # DOCX → PDF for letters and the visual letter test
	python3-uno              # the warm LibreOffice converter's UNO bridge
	fonts-liberation2        # metric-compatible Times New Roman substitute
	fonts-croscore
	qpdf                     # encrypted and multi-page PDF fixtures made in tests
	imagemagick              # scan degradation tests of the corpus generator
	hunspell-vi              # Vietnamese word list: the letter text check's syllable rules are tested against it
	python3-docx             # the forms and held-out corpus generators' second DOCX producer
	chromium                 # the workspace's browser tests (web, chromedp), headless
	iproute2                 # ip: the cluster test's own network namespace (with unshare from util-linux)
)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	if command -v apt-get >/dev/null && { [ -z "$sudo" ] || command -v sudo >/dev/null; }; then
		echo "test.sh: installing ${missing[*]}" >&2
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	else
		echo "test.sh: cannot install ${missing[*]}; tests that need them will skip (or fail under CI=true)" >&2
	fi
fi

HOSO_MINIO_BIN="$(deploy/minio.sh)"
export HOSO_MINIO_BIN

# The cluster tests (deploy/cluster.sh: 3 NATS, MinIO over 4 processes, 3
# hoso serve, processes killed mid-batch; about a minute and a half in all)
# run with --cluster. Under CI=true TestCluster runs without it (about a
# minute), in a network namespace of its own (unshare, ip): that is how it
# runs in CI's container, where MinIO refuses loopback drives.
if [ "${1:-}" = --cluster ]; then
	shift
	export HOSO_CLUSTER_TEST=1
fi

echo "test.sh: gofmt and go vet" >&2
unformatted="$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*'))"
if [ -n "$unformatted" ]; then
	echo "gofmt would change:" >&2
	echo "$unformatted" >&2
	exit 1
fi
go vet ./...

echo "test.sh: go test" >&2
go test -count=1 -timeout 30m "$@" ./...

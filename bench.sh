#!/usr/bin/env bash
# Runs the benchmarks and prints them as one Markdown table. Every target
# is measured against a baseline in the same run (pdftotext, bare
# tesseract, cold soffice, the bare work queue), so the ratios mean
# something on a loaded machine too; absolute times do not.
#
#   ./bench.sh            # everything (OCR and LibreOffice take a few minutes)
#   ./bench.sh quick      # without OCR and LibreOffice
#   ./bench.sh e2e        # the real stack (NATS, MinIO, hoso serve) end to end
#
# The DOCX and PDF rows marked "Producers"/"Realistic" read the corpus as
# python-docx and LibreOffice write it (internal/wordmade), against
# python-docx and pdftotext in the same run.
set -euo pipefail
cd "$(dirname "$0")"
echo "bench.sh: $(uptime)" >&2 # the load: a loaded machine skews absolute times

raw="$(mktemp)"
trap 'rm -f "$raw"' EXIT

run() { go test -run '^$' "$@" | tee -a "$raw" >&2; }

if [ "${1:-}" = e2e ]; then
	HOSO_MINIO_BIN="${HOSO_MINIO_BIN:-$(deploy/minio.sh)}"
	export HOSO_MINIO_BIN
	uptime >&2
	HOSO_E2E_BENCH=1 go test -count=1 -run 'TestE2EBench' -v -timeout 30m ./deploy | tee "$raw" >&2
	echo
	echo "| benchmark | result | other metrics |"
	echo "|---|---|---|"
	grep '^| e2e\.' "$raw"
	exit 0
fi

# Reading, validating and rendering one dossier: on one core, as the
# targets are stated.
run -cpu 1 -bench 'BenchmarkDOCX|BenchmarkRecord|BenchmarkRead|BenchmarkEvaluate' -benchmem ./extract ./dossier ./validate ./render
run -bench 'BenchmarkPDF$' -benchtime 20x ./extract
run -bench 'BenchmarkServiceOverhead' -benchtime 50x ./ingest
run -cpu 1 -bench 'BenchmarkPipelineProducers' ./ingest
run -bench 'BenchmarkPDFRealistic' -benchtime 24x ./ingest
# The process wall around parsing (package sandbox) against in-process
# reading, DOCX dossiers through the whole pipeline: target < 10 %.
run -bench 'BenchmarkSandboxOverhead' -benchtime 300x ./ingest
if [ "${1:-}" != quick ]; then
	run -bench 'BenchmarkPDF$' -benchtime 10x ./render
	run -bench 'BenchmarkOCRPage|BenchmarkOCRWorkers|BenchmarkOCRMemory' -benchtime 3x -timeout 30m ./extract
fi

echo
echo "| benchmark | time/op | other metrics |"
echo "|---|---|---|"
awk '
/^pkg: / { pkg = $2; sub(/.*\//, "", pkg) }
/^Benchmark/ {
	name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name)
	t = ""; other = ""
	for (i = 3; i < NF; i += 2) {
		v = $i; u = $(i+1)
		if (u == "ns/op") {
			if (v >= 1e9) t = sprintf("%.2f s", v/1e9)
			else if (v >= 1e6) t = sprintf("%.1f ms", v/1e6)
			else if (v >= 1e3) t = sprintf("%.1f µs", v/1e3)
			else t = sprintf("%d ns", v)
		} else {
			other = other (other == "" ? "" : ", ") v " " u
		}
	}
	printf "| %s.%s | %s | %s |\n", pkg, name, t, other
}' "$raw"

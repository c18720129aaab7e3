#!/usr/bin/env bash
# Installs the pinned MinIO server into a cache folder and prints its path.
#
# MinIO ships no binaries any more and is not in Debian; upstream documents
# `go install`. We pin one commit so every developer and CI run the same server.
# MinIO is AGPL: we run the binary, we never link it (only minio-go, Apache-2.0).
#
#   deploy/minio.sh            # build if missing, print the binary's path
#   HOSO_CACHE=/some/dir deploy/minio.sh
set -euo pipefail

version="${MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}"
cache="${HOSO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hoso}"
dir="$cache/minio/$version"
bin="$dir/minio"

if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
	echo "$bin"
	exit 0
fi

command -v go >/dev/null || { echo "minio.sh: Go is needed to build MinIO" >&2; exit 1; }
mkdir -p "$dir"
# Two test runs starting together build once: the second waits for the
# first and then finds the binary.
if command -v flock >/dev/null; then
	exec 9>"$dir/.lock"
	flock 9
	if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
		echo "$bin"
		exit 0
	fi
fi
echo "minio.sh: building github.com/minio/minio@$version (about 5 minutes on 2 cores)" >&2
# A private GOBIN keeps the pinned build apart from anything else in $GOPATH/bin;
# GOFLAGS is cleared so a project-level -mod setting cannot break the install.
tmp="$dir/.build.$$"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
GOBIN="$tmp" GOFLAGS= CGO_ENABLED=0 go install "github.com/minio/minio@$version" >&2
mv "$tmp/minio" "$bin"
echo "$bin"

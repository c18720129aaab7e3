#!/usr/bin/env bash
# Builds the nats-server binary from the module go.mod already pins (the
# server hoso embeds in `hoso run` and the tests) into a cache folder and
# prints its path, as deploy/minio.sh does for MinIO. Debian's nats-server
# is too old for what hoso uses (2.9; we need 2.12+).
#
#   deploy/nats.sh            # build if missing, print the binary's path
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(go list -m -f '{{.Version}}' github.com/nats-io/nats-server/v2)"
cache="${HOSO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hoso}"
dir="$cache/nats-server/$version"
bin="$dir/nats-server"

if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
	echo "$bin"
	exit 0
fi
mkdir -p "$dir"
if command -v flock >/dev/null; then
	exec 9>"$dir/.lock"
	flock 9
	if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
		echo "$bin"
		exit 0
	fi
fi
echo "nats.sh: building github.com/nats-io/nats-server/v2@$version" >&2
# Built inside this module, so go.mod and go.sum fix the server and every
# dependency: the very code the embedded mode runs.
CGO_ENABLED=0 go build -o "$bin.tmp.$$" github.com/nats-io/nats-server/v2
mv "$bin.tmp.$$" "$bin"
echo "$bin"

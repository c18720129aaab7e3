#!/usr/bin/env bash
# Starts the real pipeline on loopback for development: a NATS server with
# JetStream, MinIO with its NATS notification target, and `hoso serve`.
#
#   deploy/dev.sh                  # data under ./hoso-dev, ports below
#   HOSO_DEV_DIR=/tmp/x deploy/dev.sh
#
# There is no nats-server binary to install: `hoso run --nats-only` runs the
# very server the embedded mode uses, listening on TCP, and creates the
# streams before MinIO starts (with JetStream on MinIO refuses to publish
# into a subject no stream captures). Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="$(mkdir -p "${HOSO_DEV_DIR:-./hoso-dev}" && cd "${HOSO_DEV_DIR:-./hoso-dev}" && pwd)"
nats_addr="${HOSO_DEV_NATS:-127.0.0.1:4222}"
s3_addr="${HOSO_DEV_S3:-127.0.0.1:9000}"
console_addr="${HOSO_DEV_CONSOLE:-127.0.0.1:9001}"
http_addr="${HOSO_DEV_HTTP:-127.0.0.1:8080}"
user="${MINIO_ROOT_USER:-hosodev}"
pass="${MINIO_ROOT_PASSWORD:-hosodev-secret}"

minio="$(deploy/minio.sh)"
mkdir -p "$dir/bin"
go build -o "$dir/bin/hoso" ./cmd/hoso
hoso="$dir/bin/hoso"

pids=()
cleanup() {
	# Reverse order: workers first so they can nak in-flight work while NATS is up.
	for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
		kill -TERM "${pids[i]}" 2>/dev/null || true
		wait "${pids[i]}" 2>/dev/null || true
	done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # url-or-host:port, what
	local target=$1 what=$2
	for _ in $(seq 1 100); do
		case $target in
		http*) curl -fsS -o /dev/null "$target" 2>/dev/null && return 0 ;;
		*) (exec 3<>"/dev/tcp/${target%:*}/${target##*:}") 2>/dev/null && return 0 ;;
		esac
		sleep 0.2
	done
	echo "dev.sh: $what did not come up at $target" >&2
	exit 1
}

"$hoso" run --nats-only --nats-listen "$nats_addr" --data "$dir" &
pids+=($!)
wait_for "$nats_addr" "NATS"

# Synchronous events, no queue_dir: the event is in JetStream when the
# PUT answers (deploy/README.md, "MinIO's event path").
mkdir -p "$dir/minio/data"
env MINIO_ROOT_USER="$user" MINIO_ROOT_PASSWORD="$pass" \
	MINIO_NOTIFY_NATS_ENABLE_PRIMARY=on \
	MINIO_NOTIFY_NATS_ADDRESS_PRIMARY="$nats_addr" \
	MINIO_NOTIFY_NATS_SUBJECT_PRIMARY=hoso.uploads \
	MINIO_NOTIFY_NATS_JETSTREAM_PRIMARY=on \
	MINIO_API_SYNC_EVENTS=on MINIO_SYNC_BOOT=on \
	"$minio" server "$dir/minio/data" --address "$s3_addr" --console-address "$console_addr" --quiet &
pids+=($!)
wait_for "http://$s3_addr/minio/health/live" "MinIO"

# `hoso serve` creates the administrator only from a password file: the
# development one is made once and kept with the data.
if [ ! -s "$dir/admin-password" ]; then
	(umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/admin-password")
fi
env HOSO_S3_ENDPOINT="$s3_addr" HOSO_S3_ACCESS_KEY="$user" HOSO_S3_SECRET_KEY="$pass" \
	HOSO_NATS_URL="nats://$nats_addr" HOSO_HTTP="$http_addr" HOSO_ADMIN_PASSWORD_FILE="$dir/admin-password" \
	"$hoso" serve &
pids+=($!)
wait_for "http://$http_addr/healthz" "hoso serve"

cat >&2 <<MSG
dev.sh: ready
  upload:   mc alias set dev http://$s3_addr $user $pass && mc cp FILE dev/hoso-uploads/chi-bo-x/
  letters:  mc ls --recursive dev/hoso-letters
  web:      http://$http_addr/  (admin / the password in $dir/admin-password)
  API:      hoso users add --nats-url nats://$nats_addr --role he_thong --units all robot, then
            hoso users token --nats-url nats://$nats_addr --scope read,upload robot, and send it as
            curl -H "Authorization: Bearer hoso_…" http://$http_addr/v1/dossiers
  console:  http://$console_addr  ($user / $pass)
Ctrl-C stops everything; data stays in $dir.
MSG
wait -n "${pids[@]}"

#!/usr/bin/env bash
# A real cluster on one machine, on loopback: three NATS servers clustered
# with JetStream (streams and KV with 3 replicas), MinIO distributed over
# four server processes with one drive each (one erasure set), and three
# `hoso serve`. The cluster test drives it: `go test ./deploy -run
# TestCluster` with HOSO_CLUSTER_TEST=1 (./test.sh --cluster) or CI=true
# (CI runs ./test.sh, so every CI run has it). The test runs it inside a
# network namespace of its own (unshare; lo up, 10.77.0.1 on it, that as
# HOSO_CLUSTER_MINIO_HOST), where it also works in a container. By hand:
#
#   deploy/cluster.sh up              # start everything, print how to reach it
#   deploy/cluster.sh kill nats2      # SIGKILL one process (nats1-3, minio1-4, hoso1-3)
#   deploy/cluster.sh start nats2     # start it again on the same ports and data
#   deploy/cluster.sh down            # stop everything (SIGTERM)
#
# Sizes and places: HOSO_CLUSTER_DIR (./hoso-cluster), HOSO_CLUSTER_PORT
# (24000: NATS clients on +1..+3, routes +11.., monitoring +21..; MinIO
# +31..+34, consoles +41..; hoso APIs +51..), HOSO_CLUSTER_NATS (3),
# HOSO_CLUSTER_MINIO (4), HOSO_CLUSTER_HOSO (3), HOSO_CLUSTER_WORKERS (1 per
# instance). Binaries: HOSO_BIN (built from ./cmd/hoso), HOSO_NATS_BIN
# (deploy/nats.sh), HOSO_MINIO_BIN (deploy/minio.sh).
#
# What MinIO's NATS target cannot do in a cluster, and how this script
# lives with it: the target takes one address (a comma list is refused,
# "too many colons in address"), and distributed MinIO refuses to start
# unless every node has the same MINIO_* environment. So every node
# connects to nats1 first; its NATS client learns the other servers from
# the cluster and reconnects to them when nats1 goes. Production puts a
# load balancer or DNS name in front of the NATS servers instead.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="$(mkdir -p "${HOSO_CLUSTER_DIR:-./hoso-cluster}" && cd "${HOSO_CLUSTER_DIR:-./hoso-cluster}" && pwd)"
base="${HOSO_CLUSTER_PORT:-24000}"
n_nats="${HOSO_CLUSTER_NATS:-3}"
n_minio="${HOSO_CLUSTER_MINIO:-4}"
n_hoso="${HOSO_CLUSTER_HOSO:-3}"
workers="${HOSO_CLUSTER_WORKERS:-1}"
user="${MINIO_ROOT_USER:-hosocluster}"
pass="${MINIO_ROOT_PASSWORD:-hosocluster-secret}"
replicas=$((n_nats >= 3 ? 3 : 1))
# MinIO refuses drives on a host that resolves to loopback when it believes
# it runs in a container (/.dockerenv, KUBERNETES_SERVICE_HOST). A test of
# ours sends traffic to loopback only (or to test hosts in network
# namespaces it made itself), never to this machine's network addresses:
# in a container the cluster needs HOSO_CLUSTER_MINIO_HOST set to such a
# test host, and refuses to start without it. NATS and hoso stay on
# 127.0.0.1 (the namespace's own loopback). What the test does, by hand:
#
#   unshare --net bash    # --map-root-user too when not root
#   ip link set lo up && ip addr add 10.77.0.1/32 dev lo
#   HOSO_CLUSTER_MINIO_HOST=10.77.0.1 deploy/cluster.sh up
#
# Binaries are built inside, where there is no network: have deploy/nats.sh
# and deploy/minio.sh build theirs first, or set HOSO_NATS_BIN and
# HOSO_MINIO_BIN. MINIO_CI_CD=on (below) lets MinIO take drives on the
# root file system, which it refuses to root otherwise.
mhost="${HOSO_CLUSTER_MINIO_HOST:-127.0.0.1}"
in_container() { [ -e /.dockerenv ] || [ -e /run/.containerenv ] || [ -n "${KUBERNETES_SERVICE_HOST:-}" ]; }
if [ -z "${HOSO_CLUSTER_MINIO_HOST:-}" ] && [ "$n_minio" -gt 1 ] && in_container && [[ ${1:-} = up || ${1:-} = start ]]; then
	echo "cluster.sh: in a container MinIO refuses loopback drives; set HOSO_CLUSTER_MINIO_HOST to a test host's address in a network namespace of your own (see the comment above this message; the cluster test does it itself)" >&2
	exit 3
fi
run="$dir/run"
logs="$dir/log"
mkdir -p "$run" "$logs"

nats_urls() {
	local urls=() i
	for ((i = 1; i <= n_nats; i++)); do urls+=("nats://127.0.0.1:$((base + i))"); done
	(IFS=,; echo "${urls[*]}")
}

binaries() {
	hoso="${HOSO_BIN:-}"
	if [ -z "$hoso" ]; then
		hoso="$dir/bin/hoso"
		if [ ! -x "$hoso" ] || [ "${1:-}" = build ]; then
			mkdir -p "$dir/bin"
			go build -o "$hoso" ./cmd/hoso
		fi
	fi
	nats="${HOSO_NATS_BIN:-$(deploy/nats.sh)}"
	minio="${HOSO_MINIO_BIN:-$(deploy/minio.sh)}"
}

# spawn NAME CMD… starts CMD in its own session, so that kill -9 of its pid
# hits that process alone, and records the pid.
spawn() {
	local name=$1
	shift
	setsid "$@" >>"$logs/$name.log" 2>&1 </dev/null &
	echo $! >"$run/$name.pid"
}

alive() { [ -f "$run/$1.pid" ] && kill -0 "$(cat "$run/$1.pid")" 2>/dev/null; }

wait_for() { # url-or-host:port what seconds
	local target=$1 what=$2 secs=${3:-60} i
	for ((i = 0; i < secs * 5; i++)); do
		case $target in
		http*) curl -fsS -o /dev/null "$target" 2>/dev/null && return 0 ;;
		*) (exec 3<>"/dev/tcp/${target%:*}/${target##*:}") 2>/dev/null && return 0 ;;
		esac
		sleep 0.2
	done
	echo "cluster.sh: $what did not come up at $target" >&2
	return 1
}

start_nats() {
	local i=$1 routes=() j
	for ((j = 1; j <= n_nats; j++)); do routes+=("nats://127.0.0.1:$((base + 10 + j))"); done
	mkdir -p "$dir/nats$i"
	local args=(--name "nats$i" -a 127.0.0.1 -p $((base + i)) -m $((base + 20 + i)) --js --sd "$dir/nats$i")
	if [ "$n_nats" -gt 1 ]; then
		args+=(--cluster_name hoso --cluster "nats://127.0.0.1:$((base + 10 + i))" --routes "$(IFS=,; echo "${routes[*]}")")
	fi
	spawn "nats$i" "$nats" "${args[@]}"
}

# MinIO's environment: identical on every node, or distributed MinIO
# refuses to start. HOSO_CLUSTER_EVENTS picks how MinIO sends events:
#   sync (default)   MINIO_API_SYNC_EVENTS=on and no queue_dir, as
#                    ingest.MinIOEnv and the deploy files: the PUT answers
#                    once JetStream has the event (no wait); an event MinIO
#                    could not send is left to hoso's reconciler;
#   queue            through queue_dir: survives NATS being down, but MinIO
#                    lists that folder every 3 s (a fixed interval in its
#                    store), so an event waits 0–3 s before it is sent.
minio_env() {
	echo MINIO_ROOT_USER="$user" MINIO_ROOT_PASSWORD="$pass" MINIO_CI_CD=on \
		MINIO_NOTIFY_NATS_ENABLE_PRIMARY=on \
		MINIO_NOTIFY_NATS_ADDRESS_PRIMARY="127.0.0.1:$((base + 1))" \
		MINIO_NOTIFY_NATS_SUBJECT_PRIMARY=hoso.uploads \
		MINIO_NOTIFY_NATS_JETSTREAM_PRIMARY=on \
		MINIO_SYNC_BOOT=on # no uploads before the notification rules are loaded
	if [ "${HOSO_CLUSTER_EVENTS:-sync}" = queue ]; then
		echo MINIO_NOTIFY_NATS_QUEUE_DIR_PRIMARY="$dir/minio-events"
	else
		echo MINIO_API_SYNC_EVENTS=on
	fi
}

start_minio() {
	local i=$1 drives=() j
	for ((j = 1; j <= n_minio; j++)); do
		mkdir -p "$dir/minio$j"
		if [ "$n_minio" -gt 1 ]; then
			drives+=("http://$mhost:$((base + 30 + j))$dir/minio$j")
		else
			drives+=("$dir/minio$j")
		fi
	done
	mkdir -p "$dir/minio-events"
	# shellcheck disable=SC2046
	spawn "minio$i" env $(minio_env) "$minio" server "${drives[@]}" \
		--address "$mhost:$((base + 30 + i))" --console-address "$mhost:$((base + 40 + i))" --quiet
}

start_hoso() {
	local i=$1 m=$((($1 - 1) % n_minio + 1))
	mkdir -p "$dir/hoso$i"
	spawn "hoso$i" env HOSO_S3_ENDPOINT="$mhost:$((base + 30 + m))" HOSO_S3_ACCESS_KEY="$user" HOSO_S3_SECRET_KEY="$pass" \
		HOSO_NATS_URL="$(nats_urls)" HOSO_HTTP="127.0.0.1:$((base + 50 + i))" HOSO_STREAM_REPLICAS="$replicas" \
		HOSO_WORKERS="$workers" HOSO_MAX_IN_FLIGHT="$((workers * n_hoso))" HOSO_OCR=off HOSO_RECONCILE_EVERY=30s \
		HOSO_SPOOL_DIR="$dir/hoso$i" HOSO_SOURCE="/hoso/cluster-$i" \
		"$hoso" serve
}

wait_hoso() { # NAME I: 0 once its API answers, 1 if it exits first
	local n
	for ((n = 0; n < 600; n++)); do
		curl -fsS -o /dev/null "http://127.0.0.1:$((base + 50 + $2))/healthz" 2>/dev/null && return 0
		alive "$1" || return 1
		sleep 0.2
	done
	echo "cluster.sh: $1 did not come up" >&2
	return 1
}

start() { # NAME
	local name=$1 i=${1//[!0-9]/}
	alive "$name" && return 0
	case $name in
	nats*) start_nats "$i"; wait_for "127.0.0.1:$((base + i))" "$name" ;;
	minio*) start_minio "$i" ;; # a lone node waits for the others: no wait here
	hoso*)
		# hoso serve exits when NATS or MinIO cannot serve its setup (as
		# during an election); compose and Kubernetes restart it, so does
		# this script.
		local try
		for try in 1 2 3 4 5 6; do
			start_hoso "$i"
			wait_hoso "$name" "$i" && return 0
			echo "cluster.sh: $name exited while starting (try $try); starting it again" >&2
			sleep 2
		done
		return 1
		;;
	*) echo "cluster.sh: no process $name" >&2; return 2 ;;
	esac
}

up() {
	binaries build
	local i
	for ((i = 1; i <= n_nats; i++)); do start "nats$i"; done
	# The streams must exist before MinIO starts (with JetStream on, MinIO
	# refuses to publish into a subject no stream captures). Right after
	# the servers start, JetStream has no meta leader yet: wait for every
	# server's full health check, then retry setup until it goes through.
	for ((i = 1; i <= n_nats; i++)); do wait_for "http://127.0.0.1:$((base + 20 + i))/healthz" "nats$i JetStream" 60; done
	for try in $(seq 1 30); do
		if env HOSO_NATS_URL="$(nats_urls)" "$hoso" setup --nats-only --replicas "$replicas" >>"$logs/setup.log" 2>&1; then
			break
		fi
		[ "$try" -lt 30 ] || { echo "cluster.sh: hoso setup --nats-only kept failing, see $logs/setup.log" >&2; return 1; }
		sleep 2
	done
	for ((i = 1; i <= n_minio; i++)); do start "minio$i"; done
	for ((i = 1; i <= n_minio; i++)); do wait_for "http://$mhost:$((base + 30 + i))/minio/health/live" "minio$i" 120; done
	wait_for "http://$mhost:$((base + 31))/minio/health/cluster" "the MinIO cluster" 120
	for ((i = 1; i <= n_hoso; i++)); do start "hoso$i"; done
	local s3=()
	for ((i = 1; i <= n_minio; i++)); do s3+=("$mhost:$((base + 30 + i))"); done
	echo "HOSO_CLUSTER_S3=$(IFS=,; echo "${s3[*]}")"
	echo "HOSO_CLUSTER_NATS_URL=$(nats_urls)"
	cat <<MSG
cluster.sh: ready in $dir
  S3:       http://$mhost:$((base + 31)) … :$((base + 30 + n_minio))  ($user / $pass), bucket hoso-uploads
  NATS:     $(nats_urls)
  API:      http://127.0.0.1:$((base + 51))/v1/dossiers … :$((base + 50 + n_hoso))
  logs:     $logs
MSG
}

signal() { # SIG NAME
	alive "$2" || return 0
	kill "-$1" "$(cat "$run/$2.pid")"
}

down() {
	local f name
	for f in "$run"/hoso*.pid "$run"/minio*.pid "$run"/nats*.pid; do
		[ -f "$f" ] || continue
		name=$(basename "$f" .pid)
		signal TERM "$name" || true
	done
	for f in "$run"/*.pid; do
		[ -f "$f" ] || continue
		for _ in $(seq 1 50); do kill -0 "$(cat "$f")" 2>/dev/null || break; sleep 0.2; done
		kill -KILL "$(cat "$f")" 2>/dev/null || true
		rm -f "$f"
	done
}

case "${1:-}" in
up) up ;;
start) binaries; start "$2" ;;
kill) signal KILL "$2" ;;
stop) signal TERM "$2" ;;
pid) cat "$run/$2.pid" ;;
down) down ;;
*) sed -n '2,21p' "$0" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# How long the country page takes to render against the JSON gap report of the same country,
# side by side in one run, on the `gaptrack dev generate --scale 1` data set.
#
#   benches/pages.sh                  # 10 s per case at 8 connections
#   DURATION=30 CONNECTIONS=16 COUNTRY=NGA benches/pages.sh
#
# Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-18081}
COUNTRY=${COUNTRY:-SLE}

if ! command -v wrk >/dev/null; then
    echo "--- installing wrk"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

work=$(mktemp -d /tmp/gaptrack-bench-pages.XXXXXX)
chmod 755 "$work"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && { kill -INT "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT

cargo build --release --quiet
bin=target/release/gaptrack
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "--- generating the scale 1 data set"
GAPTRACK_DATA_DIR="$work/data" RUST_LOG=warn "$bin" dev generate --scale 1
GAPTRACK_DATA_DIR="$work/data" BIND_ADDRESS="127.0.0.1:$PORT" RUST_LOG=warn \
    RATE_LIMIT_PER_KEY=1000000 "$bin" serve >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break
    sleep 0.2
done
key=$(grep -o 'gt_[A-Za-z0-9_-]*' "$work/stdout")
base="http://127.0.0.1:$PORT"
curl -sf -o /dev/null -c "$work/cookies" --data-urlencode "key=$key" -d return_to=/ "$base/signin"
session=$(awk '$6 == "gaptrack_session" { print $7 }' "$work/cookies")

page_bytes=$(curl -sf -b "gaptrack_session=$session" "$base/countries/$COUNTRY" | wc -c)
json_bytes=$(curl -sf -H "Authorization: Bearer $key" "$base/api/v1/countries/$COUNTRY/gaps" | wc -c)
recommendations=$(curl -sf -H "Authorization: Bearer $key" "$base/api/v1/countries/$COUNTRY/gaps" \
    | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["recommendations"]))')

run() {
    local name=$1; shift
    wrk -t 1 -c "$CONNECTIONS" -d "${DURATION}s" --latency "$@" >"$work/$name.txt"
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ { print $2 }' "$work/$name.txt")
    p50=$(awk '$1 == "50%" { print $2 }' "$work/$name.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$work/$name.txt")
    if grep -q "Non-2xx" "$work/$name.txt"; then echo "$name: errors"; cat "$work/$name.txt"; exit 1; fi
    echo "$name $rps $p50 $p99"
}
echo "--- $COUNTRY ($recommendations recommendations): ${DURATION} s per case at $CONNECTIONS connections"
json=$(run json-gap-report -H "Authorization: Bearer $key" "$base/api/v1/countries/$COUNTRY/gaps")
page=$(run country-page -H "Cookie: gaptrack_session=$session" "$base/countries/$COUNTRY")
printf '%-16s %10s %9s %9s %9s\n' case "req/s" p50 p99 bytes
echo "$json" | awk -v b="$json_bytes" '{ printf "%-16s %10s %9s %9s %9s\n", $1, $2, $3, $4, b }'
echo "$page" | awk -v b="$page_bytes" '{ printf "%-16s %10s %9s %9s %9s\n", $1, $2, $3, $4, b }'
awk -v j="$(echo "$json" | awk '{print $2}')" -v p="$(echo "$page" | awk '{print $2}')" \
    'BEGIN { printf "country page ÷ JSON gap report, throughput: %.2f\n", p / j }'

#!/usr/bin/env bash
# How long the documents take for the largest country at scale 1 (every country, every year
# since 2001), one request at a time, as a grant writer downloads them.
#
#   benches/documents.sh            # 30 requests of each; about 2 minutes on 2 cores
#   REQUESTS=100 benches/documents.sh
#
# Builds in release mode, generates a fresh scale-1 database (`gaptrack dev generate`), starts
# the server on it, picks the country whose latest report has the most links, and times (curl's
# total time, on loopback) its gap report as JSON (the reference: the report every document
# renders), as CSV, as a workbook and as the printable summary; its call-for-information pack as
# JSON and as a Word document; coverage as JSON and as a workbook; and the IATI activity file of
# the organisation with the most interventions. It prints p50 and p95 in ms, the size, and the
# p50 against the JSON the document is made from.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-30}
PORT=${PORT:-18081}
work=$(mktemp -d /tmp/gaptrack-bench-documents.XXXXXX)
chmod 755 "$work"
server_pid=""
trap '[ -n "$server_pid" ] && kill -INT "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
cargo build --release --quiet
bin=target/release/gaptrack
data="$work/scale-1"
echo "--- generating scale 1"
GAPTRACK_DATA_DIR="$data" RUST_LOG=warn "$bin" dev generate --scale 1
GAPTRACK_DATA_DIR="$data" BIND_ADDRESS="127.0.0.1:$PORT" RUST_LOG=warn RATE_LIMIT_PER_KEY=1000000 \
    "$bin" serve >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break
    sleep 0.2
done
key=$(grep -o 'gt_[A-Za-z0-9_-]*' "$work/stdout")
psql=(psql -X -q -At -h "$data/pgdata" -U postgres -d gaptrack)
read -r country links < <("${psql[@]}" -F ' ' -c "
    SELECT r.country_code, count(*) FROM links l JOIN recommendations r ON r.id = l.recommendation_id
    WHERE r.year = (SELECT max(year) FROM recommendations)
    GROUP BY r.country_code ORDER BY count(*) DESC, r.country_code LIMIT 1")
read -r organisation interventions < <("${psql[@]}" -F ' ' -c "
    SELECT organisation_id, count(*) FROM interventions GROUP BY organisation_id
    ORDER BY count(*) DESC, organisation_id LIMIT 1")
"${psql[@]}" -c "UPDATE organisations SET iati_identifier = 'XM-BENCH-1' WHERE id = '$organisation'"
echo "largest country: $country ($links links in its latest report); organisation $organisation ($interventions interventions)"

base="http://127.0.0.1:$PORT/api/v1"
time_requests() { # name path -> "p50 p95 bytes"
    local path=$1
    for _ in $(seq 1 "$REQUESTS"); do
        curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $key" "$base$path"
    done >"$work/times"
    if awk '$1 != 200 { bad = 1 } END { exit !bad }' "$work/times"; then
        echo "GET $path answered $(awk '$1 != 200 { print $1; exit }' "$work/times")" >&2
        exit 1
    fi
    awk '{ print $2 * 1000 }' "$work/times" | sort -n | awk -v bytes="$(stat -c %s "$work/body")" '
        { v[NR] = $1 } END { printf "%.1f %.1f %d\n", v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.5)], bytes }'
}

printf '%-34s %9s %9s %10s %9s\n' document "p50 ms" "p95 ms" bytes "÷ JSON"
row() { # name path reference_p50
    read -r p50 p95 bytes < <(time_requests "$2")
    ratio="-"
    [ -n "${3:-}" ] && ratio=$(awk -v a="$p50" -v b="$3" 'BEGIN { printf "%.2f", a / b }')
    printf '%-34s %9s %9s %10s %9s\n' "$1" "$p50" "$p95" "$bytes" "$ratio"
    last_p50=$p50
}
row "gap report, JSON" "/countries/$country/gaps"
gaps=$last_p50
row "gap report, CSV" "/countries/$country/gaps?format=csv" "$gaps"
row "gap report, workbook (.xlsx)" "/countries/$country/gaps?format=xlsx" "$gaps"
row "gap report, printable summary" "/countries/$country/gaps?format=html" "$gaps"
row "call for information, JSON" "/countries/$country/call-for-information"
pack=$last_p50
row "call for information, Word (.docx)" "/countries/$country/call-for-information?format=docx" "$pack"
row "coverage, JSON" "/coverage"
coverage=$last_p50
row "coverage, workbook (.xlsx)" "/coverage?format=xlsx" "$coverage"
row "IATI activity file" "/organisations/$organisation/iati-activities"
echo "$REQUESTS requests of each, one at a time; server RSS at the end: $(awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' "/proc/$server_pid/status")"

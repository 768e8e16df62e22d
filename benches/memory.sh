#!/usr/bin/env bash
# How much memory the server needs for the big jobs: its peak RSS (the kernel's VmHWM, reset
# before each case) while it imports 50,000 recommendations, writes the IATI activity file of the
# organisation with the most interventions at scale 1, and writes five call-for-information packs
# (Word) of the country with the most links at once (and, for comparison, one alone). Target:
# under 64 MB each.
#
#   benches/memory.sh            # about 5 minutes on 2 cores, most of it building and generating
#
# Builds in release mode, generates a fresh scale-1 database (`gaptrack dev generate`), and for
# each case starts the server afresh on it (its PostgreSQL is another process, not counted), so
# that no case inherits another's memory; it prints the RSS before the case, the peak during it,
# and what the answer weighed.
set -euo pipefail
cd "$(dirname "$0")/.."

RECOMMENDATIONS=50000
PORT=${PORT:-18082}
work=$(mktemp -d /tmp/gaptrack-bench-memory.XXXXXX)
chmod 755 "$work"
server_pid=""
stop_server() {
    if [ -n "$server_pid" ]; then kill -INT "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
cargo build --release --quiet
bin=target/release/gaptrack
data="$work/scale-1"
echo "--- generating scale 1"
GAPTRACK_DATA_DIR="$data" RUST_LOG=warn "$bin" dev generate --scale 1 >/dev/null
start_server() {
    GAPTRACK_DATA_DIR="$data" BIND_ADDRESS="127.0.0.1:$PORT" RUST_LOG=warn RATE_LIMIT_PER_KEY=1000000 \
        IMPORT_TIMEOUT_MS=600000 "$bin" serve >>"$work/stdout" 2>>"$work/stderr" &
    server_pid=$!
    for _ in $(seq 1 300); do
        curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && return
        sleep 0.2
    done
    echo "the server did not start: $(tail -5 "$work/stderr")" >&2
    exit 1
}
start_server
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
next_year=$(( $("${psql[@]}" -c "SELECT max(year) FROM reports") + 1 ))
echo "largest country: $country ($links links in its latest report); organisation $organisation ($interventions interventions)"

python3 - "$work" "$RECOMMENDATIONS" <<'PY'
import csv, sys, random
work, total = sys.argv[1], int(sys.argv[2])
random.seed(7)
codes = [line.split("'")[1] for line in open("migrations/2026-11-28-100000_countries/up.sql") if line.startswith("    ('")]
pillars = ["prosecution", "protection", "prevention", "partnership"]
per_country = -(-total // len(codes))
with open(f"{work}/recommendations.csv", "w", newline="") as f:
    out = csv.writer(f)
    out.writerow(["country", "position", "pillar", "text", "prioritized"])
    written = 0
    for code in codes:
        for position in range(1, per_country + 1):
            if written == total:
                break
            pillar = random.choice(pillars)
            out.writerow([code, position, pillar, f"Increase efforts to {pillar} trafficking cases in {code}, measure {position}, with adequate resources and training for officials.", "yes"])
            written += 1
PY

base="http://127.0.0.1:$PORT/api/v1"
auth=(-H "Authorization: Bearer $key")
status_kb() { awk -v field="$1:" '$1 == field { print $2 }' "/proc/$server_pid/status"; }
printf '\n%-52s %10s %10s %12s\n' case "RSS MB" "peak MB" "answer"
measure() { # name, then the command that runs the case and prints the answer's size
    local name=$1 before answer
    shift
    stop_server
    start_server
    before=$(status_kb VmRSS)
    echo 5 >"/proc/$server_pid/clear_refs" # resets VmHWM, the peak
    answer=$("$@")
    printf '%-52s %10.1f %10.1f %12s\n' "$name" "$(echo "$before / 1024" | bc -l)" \
        "$(echo "$(status_kb VmHWM) / 1024" | bc -l)" "$answer"
}
import() {
    curl -sf -o /dev/null -X POST "$base/reports" "${auth[@]}" -H 'Content-Type: application/json' \
        -d "{\"year\": $next_year, \"title\": \"$next_year report\"}"
    curl -sf -o "$work/response" -X POST "$base/reports/$next_year/import" "${auth[@]}" \
        -H 'Content-Type: text/csv' --data-binary "@$work/recommendations.csv"
    grep -q "\"created\":$RECOMMENDATIONS" "$work/response" || { echo "import failed: $(head -c 300 "$work/response")" >&2; exit 1; }
    echo "$(( $(stat -c %s "$work/recommendations.csv") / 1024 / 1024 )) MB in"
}
iati() {
    curl -sf -o "$work/iati.xml" "$base/organisations/$organisation/iati-activities" "${auth[@]}"
    echo "$(( $(stat -c %s "$work/iati.xml") / 1024 / 1024 )) MB out"
}
pack() {
    curl -sf -o "$work/pack.docx" "$base/countries/$country/call-for-information?format=docx" "${auth[@]}"
    echo "$(( $(stat -c %s "$work/pack.docx") / 1024 )) KB out"
}
packs() {
    for i in 1 2 3 4 5; do
        curl -sf -o "$work/pack-$i.docx" "$base/countries/$country/call-for-information?format=docx" "${auth[@]}" &
    done
    wait
    echo "5 × $(( $(stat -c %s "$work/pack-1.docx") / 1024 )) KB out"
}
measure "one call-for-information pack (Word) of $country" pack
measure "five call-for-information packs (Word) of $country at once" packs
measure "IATI file of the organisation with $interventions interventions" iati
# Last: the import makes a new latest report, which the packs would be of.
measure "import of $RECOMMENDATIONS recommendations (CSV, one request)" import

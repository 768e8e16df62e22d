#!/usr/bin/env bash
# Import benchmark: how long gaptrack takes to import 50,000 recommendations and 5,000 tier rows
# through its API, next to how long `psql \copy` takes to load the same rows into the same tables.
#
#   benches/import.sh            # builds in release mode, runs on a disposable local PostgreSQL
#
# \copy is the floor: it only loads. The API also parses and checks every row (countries, tiers,
# pillars, duplicates), upserts so that re-imports change nothing, and writes an audit row.
set -euo pipefail
cd "$(dirname "$0")/.."

# 250 countries (the ISO list and Kosovo) x 20 report years = 5,000 tier rows.
RECOMMENDATIONS=50000
TIER_YEARS=20
work=$(mktemp -d /tmp/gaptrack-bench-import.XXXXXX)
chmod 755 "$work"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill -INT "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; PostgreSQL $(pg_config --version 2>/dev/null || echo '?')"
cargo build --release --quiet
bin=target/release/gaptrack

echo "--- generating $RECOMMENDATIONS recommendations and 5,000 tier rows"
python3 - "$work" "$RECOMMENDATIONS" "$TIER_YEARS" <<'PY'
import csv, sys, uuid, random
work, total, years = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(7)
codes = [line.split("'")[1] for line in open("migrations/2026-11-28-100000_countries/up.sql") if line.startswith("    ('")]
tiers = ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"]
pillars = ["prosecution", "protection", "prevention", "partnership"]
with open(f"{work}/tiers.csv", "w", newline="") as f, open(f"{work}/tiers.copy.csv", "w", newline="") as g:
    api, copy = csv.writer(f), csv.writer(g)
    api.writerow(["country", "year", "tier"])
    for year in range(2001, 2001 + years):
        for code in codes:
            tier = random.randrange(4)
            api.writerow([code, year, tiers[tier]])
            copy.writerow([code, year, ["tier_1", "tier_2", "tier_2_watch_list", "tier_3"][tier]])
per_country = -(-total // len(codes))
with open(f"{work}/recommendations.csv", "w", newline="") as f, open(f"{work}/recommendations.copy.csv", "w", newline="") as g:
    api, copy = csv.writer(f), csv.writer(g)
    api.writerow(["country", "position", "pillar", "text", "prioritized"])
    written = 0
    for code in codes:
        for position in range(1, per_country + 1):
            if written == total:
                break
            pillar = random.choice(pillars)
            text = f"Increase efforts to {pillar} trafficking cases in {code}, measure {position}, with adequate resources and training for officials."
            api.writerow([code, position, pillar, text, "yes"])
            copy.writerow([uuid.uuid4(), code, 2024, position, text, pillar, "true"])
            written += 1
PY

echo "--- starting gaptrack on a disposable local PostgreSQL"
GAPTRACK_DATA_DIR="$work/data" BIND_ADDRESS=127.0.0.1:0 RUST_LOG=warn,gaptrack::cli=info \
    "$bin" serve >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
for _ in $(seq 1 600); do grep -q "listening on" "$work/stderr" 2>/dev/null && break; sleep 0.1; done
address=$(grep -o 'listening on http://[0-9.:]*' "$work/stderr" | cut -d' ' -f3)
key=$(grep -o 'gt_[A-Za-z0-9_-]*' "$work/stdout")
socket="$work/data/pgdata"
curl -sf -o /dev/null -X POST "$address/api/v1/reports" -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' -d '{"year": 2024, "title": "2024 report"}'

post() { # path file -> seconds
    curl -sf -o "$work/response" -w '%{time_total}' -X POST "$address$1" \
        -H "Authorization: Bearer $key" -H 'Content-Type: text/csv' --data-binary "@$2"
}
api_tiers=$(post /api/v1/tiers/import "$work/tiers.csv")
grep -q '"created":5000' "$work/response" || { echo "tier import failed: $(cat "$work/response")"; exit 1; }
dry_recommendations=$(post "/api/v1/reports/2024/import?dry_run=true" "$work/recommendations.csv")
grep -q '"created":50000' "$work/response" || { echo "dry run failed: $(head -c 500 "$work/response")"; exit 1; }
api_recommendations=$(post /api/v1/reports/2024/import "$work/recommendations.csv")
grep -q '"created":50000' "$work/response" || { echo "recommendation import failed: $(head -c 500 "$work/response")"; exit 1; }
again_recommendations=$(post /api/v1/reports/2024/import "$work/recommendations.csv")
grep -q '"unchanged":50000' "$work/response" || { echo "re-import changed rows: $(cat "$work/response")"; exit 1; }

echo "--- the same rows with psql \\copy, into a fresh copy of the schema"
psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$socket" -U postgres)
"${psql[@]}" -d postgres -c "CREATE DATABASE copy_floor"
DATABASE_URL="host=$socket user=postgres dbname=copy_floor" "$bin" keys list >/dev/null 2>&1
"${psql[@]}" -d copy_floor -c "INSERT INTO reports (year, title) SELECT y, y::text FROM generate_series(2001, 2024) y"
copy_seconds() { # table columns file
    local start end
    start=$(date +%s.%N)
    "${psql[@]}" -d copy_floor -c "\\copy $1 ($2) FROM '$3' WITH (FORMAT csv)"
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}
copy_tiers=$(copy_seconds tier_placements "country_code, year, tier" "$work/tiers.copy.csv")
copy_recommendations=$(copy_seconds recommendations "id, country_code, year, position, text, pillar, prioritized" "$work/recommendations.copy.csv")

printf '\n%-34s %10s %12s %10s\n' "case" "seconds" "rows/s" "÷ \\copy"
row() { printf '%-34s %10.3f %12.0f %10s\n' "$1" "$2" "$(echo "$3 / $2" | bc -l)" "$4"; }
row "tiers: API import (5,000 rows)" "$api_tiers" 5000 "$(printf '%.1f×' "$(echo "$api_tiers / $copy_tiers" | bc -l)")"
row "tiers: psql \\copy" "$copy_tiers" 5000 "1.0×"
row "recommendations: API dry run (50k)" "$dry_recommendations" 50000 "$(printf '%.1f×' "$(echo "$dry_recommendations / $copy_recommendations" | bc -l)")"
row "recommendations: API import (50k)" "$api_recommendations" 50000 "$(printf '%.1f×' "$(echo "$api_recommendations / $copy_recommendations" | bc -l)")"
row "recommendations: psql \\copy" "$copy_recommendations" 50000 "1.0×"
row "recommendations: re-import, no-op" "$again_recommendations" 50000 "-"
echo
echo "API times are whole HTTP requests (upload, parse, check, upsert, audit) measured by curl,"
echo "within the default IMPORT_TIMEOUT_MS (60 s), which imports get instead of REQUEST_TIMEOUT_MS;"
echo "\\copy times are the psql command, connection included. Server and client share the machine."

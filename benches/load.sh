#!/usr/bin/env bash
# Load benchmark at the scale of the real report (every country, every year since 2001).
#
#   benches/load.sh              # scale 1 and scale 10; about 10 minutes on 2 cores
#   SCALES=1 benches/load.sh     # scale 1 only
#
# Builds in release mode, generates a fresh database per scale (`gaptrack dev generate`), starts
# the server on it, and for 20 s at 32 connections measures with wrk:
#   1. GET /countries/{code}/gaps, random countries, latest year (and with one client);
#   2. the same with organisation= set;
#   3. GET /coverage, latest year, all countries (and with one client);
#   4. the country page and the overview page, which show 1 and 3, signed in as a browser is
#      (an admin; and the country page as an editor too, offered its organisation's work to
#      link), each in turn with its JSON, ROUNDS times (3): the figure is the median ratio; then
#      each with one client beside its JSON with one client (the wait one person sees);
#   5. PUT /interventions/{id}/recommendations/{rid}, over many interventions.
# For 1 and 3 it also runs, through pgbench (same clients, random countries), the reference: the
# statements that compute the same answer live from the links, with the SQL functions that define
# the gap rule, as gaptrack did before its read model. The ratio is API ÷ that reference.
# At the end: the server's peak RSS per scale, and the p50 of scale 10 against scale 1.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALES=${SCALES:-"1 10"}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18080}

if ! command -v wrk >/dev/null; then
    echo "--- installing wrk"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
pg_bindir=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgbench="$pg_bindir/pgbench"

work=$(mktemp -d /tmp/gaptrack-bench-load.XXXXXX)
chmod 755 "$work"
server_pid=""
stop_server() {
    if [ -n "$server_pid" ]; then
        kill -INT "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
trap 'stop_server; rm -rf "$work"' EXIT

cores=$(nproc)
if [ "$cores" -ge 2 ] && command -v taskset >/dev/null; then
    server_cpus="0-$((cores - 2))"
    load_cpus="$((cores - 1))"
    pin_server=(taskset -c "$server_cpus")
    pin_load=(taskset -c "$load_cpus")
    pinning="server and PostgreSQL on CPU $server_cpus, load generator on CPU $load_cpus"
else
    pin_server=()
    pin_load=()
    pinning="no pinning (taskset unavailable or one core)"
fi
echo "machine: $cores cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$pgbench" --version)"
echo "the server, PostgreSQL and the load generator share these cores: $pinning"

cargo build --release --quiet
bin=target/release/gaptrack

# wrk's summary -> "requests/s p50_ms p99_ms errors"
wrk_figures() {
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
        /Requests\/sec/ { rps = $2 }
        /Non-2xx or 3xx responses/ { errors += $NF }
        /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%.1f %.2f %.2f %d\n", rps, p50, p99, errors }'
}

run_wrk() { # name script [env...]; CLIENTS=n run_wrk ... for another number of connections
    local name=$1 script=$2
    shift 2
    env "$@" "${pin_load[@]}" wrk -t 1 -c "${CLIENTS:-$CONNECTIONS}" -d "${DURATION}s" --latency --timeout 10s \
        -s "benches/load/$script" "http://127.0.0.1:$PORT" >"$work/$name.wrk"
    wrk_figures <"$work/$name.wrk"
}

run_pgbench() { # name sql -> transactions/s
    # With the server's session settings (JIT off: see db::establish_for_requests).
    PGOPTIONS="-c jit=off" "${pin_load[@]}" "$pgbench" -n -M prepared -c "$CONNECTIONS" -j 1 -T "$DURATION" \
        -h "$socket" -U postgres -D key_id="$key_id" -D countries="$country_count" \
        -f "benches/load/$2" gaptrack >"$work/$1.pgbench" 2>&1
    awk '/^tps = / { printf "%.1f\n", $3 }' "$work/$1.pgbench"
}

results="$work/results"
: >"$results"
for scale in $SCALES; do
    data="$work/scale-$scale"
    echo "--- scale $scale: generating"
    GAPTRACK_DATA_DIR="$data" RUST_LOG=warn "$bin" dev generate --scale "$scale"
    socket="$data/pgdata"
    # One key sends all the load: the per-key limit would measure itself, not the server.
    GAPTRACK_DATA_DIR="$data" BIND_ADDRESS="127.0.0.1:$PORT" RUST_LOG=warn \
        RATE_LIMIT_PER_KEY=1000000 \
        "${pin_server[@]}" "$bin" serve >"$work/stdout" 2>"$work/stderr" &
    server_pid=$!
    for _ in $(seq 1 300); do
        curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break
        sleep 0.2
    done
    key=$(grep -o 'gt_[A-Za-z0-9_-]*' "$work/stdout")
    key_id=$(echo "$key" | cut -d_ -f2 | sed -E 's/(.{8})(.{4})(.{4})(.{4})(.{12})/\1-\2-\3-\4-\5/')
    psql=(psql -X -q -At -h "$socket" -U postgres -d gaptrack)
    "${psql[@]}" -c "SELECT code FROM countries WHERE region IS NOT NULL ORDER BY code" >"$work/codes"
    "${psql[@]}" -c "SELECT id FROM organisations ORDER BY id" >"$work/organisations"
    "${psql[@]}" -c "SELECT i.intervention_id || ' ' || r.id FROM intervention_countries i
                     JOIN recommendations r ON r.country_code = i.country_code AND r.year = 2025
                     ORDER BY md5(i.intervention_id::text || r.id::text) LIMIT 100000" >"$work/pairs"
    "${psql[@]}" -c "CREATE TABLE IF NOT EXISTS bench_countries AS
                     SELECT row_number() OVER (ORDER BY code) AS n, code FROM countries WHERE region IS NOT NULL;
                     CREATE UNIQUE INDEX IF NOT EXISTS bench_countries_n ON bench_countries (n)"
    country_count=$(wc -l <"$work/codes")
    common=(GAPTRACK_KEY="$key" GAPTRACK_CODES="$work/codes")

    echo "--- scale $scale: 1. gaps"
    read -r rps p50 p99 errors < <(run_wrk "gaps-$scale" gaps.lua "${common[@]}")
    ceiling=$(run_pgbench "gaps-$scale" gaps.sql)
    echo "$scale gaps $rps $p50 $p99 $errors $ceiling" >>"$results"
    read -r rps p50 p99 errors < <(CLIENTS=1 run_wrk "gaps-one-$scale" gaps.lua "${common[@]}")
    echo "$scale gaps-1-client $rps $p50 $p99 $errors -" >>"$results"
    echo "--- scale $scale: 3. coverage"
    read -r rps p50 p99 errors < <(run_wrk "coverage-$scale" coverage.lua "${common[@]}")
    ceiling=$(run_pgbench "coverage-$scale" coverage.sql)
    echo "$scale coverage $rps $p50 $p99 $errors $ceiling" >>"$results"
    read -r rps p50 p99 errors < <(CLIENTS=1 run_wrk "coverage-one-$scale" coverage.lua "${common[@]}")
    echo "$scale coverage-1-client $rps $p50 $p99 $errors -" >>"$results"
    if [ "$scale" = "$(echo "$SCALES" | awk '{print $1}')" ]; then
        echo "--- scale $scale: 2. gaps for one organisation"
        read -r rps p50 p99 errors < <(run_wrk "gaps-org-$scale" gaps.lua "${common[@]}" GAPTRACK_ORGANISATIONS="$work/organisations")
        echo "$scale gaps-organisation $rps $p50 $p99 $errors -" >>"$results"
        echo "--- scale $scale: 4. pages"
        base="http://127.0.0.1:$PORT"
        sign_in() { # key -> the session cookie's value, signed in as a browser is
            rm -f "$work/jar"
            curl -sf -c "$work/jar" -b "$work/jar" "$base/signin" >"$work/signin.html"
            token=$(grep -o 'name="signin_token" value="[^"]*"' "$work/signin.html" | head -1 | sed 's/.*value="//; s/"$//')
            curl -sf -o /dev/null -c "$work/jar" -b "$work/jar" -H "Origin: $base" \
                --data-urlencode "key=$1" -d return_to=/ -d "signin_token=$token" "$base/signin/key"
            awk '$6 == "gaptrack_session" { print $7 }' "$work/jar"
        }
        admin_session=$(sign_in "$key")
        # The country page's daily reader: an editor of the organisation with the most work,
        # offered its interventions in the country under each recommendation.
        busiest=$("${psql[@]}" -c "SELECT organisation_id FROM interventions
                                   GROUP BY organisation_id ORDER BY count(*) DESC LIMIT 1")
        editor_key=$(curl -sf -H "Authorization: Bearer $key" -H "Content-Type: application/json" \
            -d "{\"name\": \"benchmark editor\", \"role\": \"editor\", \"organisation_id\": \"$busiest\"}" \
            "$base/api/v1/keys" | grep -o 'gt_[A-Za-z0-9_-]*')
        editor_session=$(sign_in "$editor_key")
        # Each page and its JSON in turn, ROUNDS times: the host's speed drifts by a third over
        # minutes, so a page is compared with its JSON measured just before it, and the median
        # of those ratios is the figure.
        for pair in "country-page gaps.lua $admin_session" "country-page-editor gaps.lua $editor_session" \
            "overview-page coverage.lua $admin_session"; do
            set -- $pair
            session=$3
            for round in $(seq 1 "$ROUNDS"); do
                read -r json_rps _ < <(run_wrk "$1-json-$round" "$2" "${common[@]}")
                read -r rps p50 p99 errors < <(run_wrk "$1-$round" "$2" "${common[@]}" GAPTRACK_SESSION="$session")
                echo "$rps $p50 $p99 $errors $json_rps" >>"$work/$1-rounds"
            done
            ratios=$(awk '{ printf "%.2f\n", $1 / $5 }' "$work/$1-rounds" | sort -n | tr '\n' ' ')
            median=$(echo "$ratios" | tr ' ' '\n' | grep . | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
            read -r rps p50 p99 errors _ < <(sort -n "$work/$1-rounds" | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2)')
            echo "$scale $1 $rps $p50 $p99 $errors -" >>"$results"
            echo "$1 ÷ its JSON measured just before, throughput, each round: $ratios(median $median)" >>"$work/page-ratios"
            # What one person waits for: the page's latency with one client, beside its JSON's.
            read -r json_rps json_p50 _ < <(CLIENTS=1 run_wrk "$1-json-one" "$2" "${common[@]}")
            read -r rps p50 p99 errors < <(CLIENTS=1 run_wrk "$1-one" "$2" "${common[@]}" GAPTRACK_SESSION="$session")
            echo "$scale $1-1-client $rps $p50 $p99 $errors -" >>"$results"
            awk -v c="$1" -v a="$p50" -v b="$json_p50" 'BEGIN { printf "%s with one client: p50 %.2f ms against its JSON'"'"'s %.2f ms (%.2fx), measured just before\n", c, a, b, a / b }' >>"$work/page-ratios"
        done
        echo "--- scale $scale: 5. link writes"
        read -r rps p50 p99 errors < <(run_wrk "links-$scale" links.lua "${common[@]}" GAPTRACK_PAIRS="$work/pairs")
        echo "$scale link-writes $rps $p50 $p99 $errors -" >>"$results"
    fi
    peak_rss=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status")
    echo "$scale peak-rss $peak_rss" >>"$work/rss"
    stop_server
done

echo
echo "Each case: ${DURATION} s at $CONNECTIONS connections; $pinning."
printf '%-6s %-24s %10s %9s %9s %7s %12s %8s\n' scale case "req/s" "p50 ms" "p99 ms" errors "pgbench tx/s" "API÷pg"
while read -r scale name rps p50 p99 errors ceiling; do
    ratio="-"
    [ "$ceiling" != "-" ] && ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')
    printf '%-6s %-24s %10s %9s %9s %7s %12s %8s\n' "$scale" "$name" "$rps" "$p50" "$p99" "$errors" "$ceiling" "$ratio"
done <"$results"
while read -r scale _ rss; do echo "scale $scale: server peak RSS ${rss} MB"; done <"$work/rss"
figure() { awk -v s="$1" -v c="$2" -v f="$3" '$1 == s && $2 == c { print $f }' "$results"; }
for case in gaps gaps-1-client coverage coverage-1-client; do
    p50_1=$(figure 1 "$case" 4)
    p50_10=$(figure 10 "$case" 4)
    if [ -n "$p50_1" ] && [ -n "$p50_10" ]; then
        awk -v c="$case" -v a="$p50_10" -v b="$p50_1" 'BEGIN { printf "%s p50 at scale 10 ÷ scale 1: %.2f\n", c, a / b }'
    fi
done
if [ -f "$work/page-ratios" ]; then cat "$work/page-ratios"; fi

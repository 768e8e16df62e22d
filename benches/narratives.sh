#!/usr/bin/env bash
# A new edition from its published text: how long a paste of 188 country narratives (each as long
# as a real one, copied from the PDF: lines broken and hyphenated, page numbers and running
# headers between them) takes to check and to review, next to the same rows sent as a CSV file.
#
#   benches/narratives.sh        # builds in release mode, runs on a disposable local PostgreSQL
#
# "import" writes the paste as last year's report; "check" is the API's dry run of it as this
# year's (read, then every row checked against the database); "review" is the import page's answer
# to the same paste (the check, each recommendation's proposed line, then the review form of every
# country and recommendation, as the browser receives it).
set -euo pipefail
cd "$(dirname "$0")/.."

COUNTRIES=188
work=$(mktemp -d /tmp/gaptrack-bench-narratives.XXXXXX)
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

echo "--- writing $COUNTRIES narratives as a PDF copy, and the same rows as CSV"
python3 - "$work" "$COUNTRIES" <<'PY'
import csv, random, sys, textwrap
work, count = sys.argv[1], int(sys.argv[2])
random.seed(11)
names = [line.split("'")[5] for line in open("migrations/2026-11-28-100000_countries/up.sql") if line.startswith("    ('") and "''" not in line]
names = [n for n in names if "," not in n and "Congo" not in n and "(" not in n][:count]
words = ("government efforts victims officials training shelters services prosecution investigations "
         "convictions labor recruitment agencies border police judges prosecutors ministry funding "
         "coordination identification referral procedures children adults migrants districts").split()
def prose(n):
    return " ".join(random.choice(words) for _ in range(n)).capitalize() + "."
verbs = ["Increase efforts to investigate and prosecute", "Expand shelter and services for",
         "Train labor inspectors to identify", "Adopt and fund a national action plan against",
         "Raise awareness of fraudulent recruitment among", "Collect data on the identification of"]
def pdf(text, width=88):
    lines = textwrap.wrap(text, width, break_long_words=False)
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if random.random() < 0.02:
            out.append(str(random.randint(40, 600)))
            out.append("2026 TRAFFICKING IN PERSONS REPORT")
    return "\n".join(out)
tiers = ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"]
with open(f"{work}/paste.txt", "w") as paste, open(f"{work}/rows.csv", "w", newline="") as rows_file:
    rows = csv.writer(rows_file)
    rows.writerow(["country", "position", "pillar", "text", "prioritized", "source_url"])
    for name in names:
        tier = random.choice(tiers)
        paste.write(f"{name.upper()}: {tier}\n")
        paste.write(pdf(prose(250)) + "\n")
        paste.write("PRIORITIZED RECOMMENDATIONS:\n")
        for position in range(1, random.randint(8, 15) + 1):
            item = f"{random.choice(verbs)} {prose(random.randint(12, 40)).lower()}"
            paste.write("\u2022 " + pdf(item) + "\n")
            rows.writerow([name, position, "prosecution", item, "yes", "https://www.state.gov/reports/"])
        for section in ["PROSECUTION", "PROTECTION", "PREVENTION", "TRAFFICKING PROFILE"]:
            paste.write(f"{section}\n{pdf(prose(900))}\n")
PY
echo "paste: $(wc -c <"$work/paste.txt") bytes, $(wc -l <"$work/paste.txt") lines; rows: $(($(wc -l <"$work/rows.csv") - 1))"

echo "--- starting gaptrack on a disposable local PostgreSQL"
GAPTRACK_DATA_DIR="$work/data" BIND_ADDRESS=127.0.0.1:0 RUST_LOG=warn,gaptrack::cli=info \
    "$bin" serve >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
for _ in $(seq 1 600); do grep -q "listening on" "$work/stderr" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'listening on http://[0-9.:]*' "$work/stderr" | cut -d' ' -f3)
key=$(grep -o 'gt_[A-Za-z0-9_-]*' "$work/stdout")
for year in 2026 2027; do
    curl -sf -o /dev/null -X POST "$base/api/v1/reports" -H "Authorization: Bearer $key" \
        -H 'Content-Type: application/json' -d "{\"year\": $year, \"title\": \"$year report\"}"
done

post() { # query content-type file [year] -> seconds
    curl -s -o "$work/response" -w '%{time_total}' -X POST "$base/api/v1/reports/${4:-2027}/import$1" \
        -H "Authorization: Bearer $key" -H "Content-Type: $2" --data-binary "@$3"
}
# Last year's report is the same text, so that the review proposes a line for every
# recommendation (the most work the review does).
import=$(post "?source_url=https%3A%2F%2Fwww.state.gov%2Freports%2F" text/plain "$work/paste.txt" 2026)
grep -q '"dry_run":false' "$work/response" || { echo "import failed: $(head -c 600 "$work/response")"; exit 1; }
recommendations=$(grep -o '"recommendations":{"received":[0-9]*' "$work/response" | grep -o '[0-9]*$')
check=$(post "?dry_run=true" text/plain "$work/paste.txt")
grep -q "\"countries\":\[\"" "$work/response" || { echo "check failed: $(head -c 600 "$work/response")"; exit 1; }
csv_check=$(post "?dry_run=true" text/csv "$work/rows.csv")

curl -sf -c "$work/jar" -b "$work/jar" "$base/signin" >"$work/signin.html"
token=$(grep -o 'name="signin_token" value="[^"]*"' "$work/signin.html" | head -1 | sed 's/.*value="//; s/"$//')
curl -sf -o /dev/null -c "$work/jar" -b "$work/jar" -H "Origin: $base" \
    --data-urlencode "key=$key" -d return_to=/ -d "signin_token=$token" "$base/signin/key"
curl -sf -b "$work/jar" "$base/admin/import" >"$work/import.html"
csrf=$(grep -o 'name="csrf" value="[^"]*"' "$work/import.html" | head -1 | sed 's/.*value="//; s/"$//')
review=$(curl -sf -o "$work/review.html" -w '%{time_total}' -b "$work/jar" -H "Origin: $base" \
    -F "csrf=$csrf" -F kind=report -F year=2027 -F "narratives=<$work/paste.txt" \
    -F source_url=https://www.state.gov/reports/ "$base/admin/import")
items=$(grep -o 'class="review-item"' "$work/review.html" | wc -l)
[ "$items" -gt 1000 ] || { echo "review failed: $items items"; exit 1; }

printf '\n%-44s %10s %10s\n' "case ($COUNTRIES countries, $recommendations recommendations)" "seconds" "÷ CSV"
row() { printf '%-44s %10.3f %10s\n' "$1" "$2" "$3"; }
row "check the paste (API dry run)" "$check" "$(printf '%.1f×' "$(echo "$check / $csv_check" | bc -l)")"
row "check the same rows as CSV (API dry run)" "$csv_check" "1.0×"
row "review page, lines proposed ($((\
    $(wc -c <"$work/review.html") / 1024)) KiB)" "$review" "-"
row "import the paste" "$import" "-"
echo
echo "Whole HTTP requests measured by curl; server and client share the machine."

#!/usr/bin/env python3
"""Writes the tier history gaptrack loads on a first start (data/tier-history/tiers.csv) and what
each report year's placements are and where they come from (data/tier-history/years.csv), from
the public data in ../shared/data:

- tip-tiers-2000-2015.csv: Kelley and Heiss's replication data (MIT licence, LICENSE.txt here),
  1999-2015, every ranked country;
- tip-tiers-2016-2025-partial.csv: placements for later years collected from public pages, each
  row with its source: 2020 and 2023 nearly complete, only the Tier 2 Watch List and Tier 3 for
  2022, 2024 and 2025, a handful of rows for 2016-2019.

Each later row keeps its source's address (and what a contradicting source says) as the placement's
note. A Special
Case (`NA` in the research coding, named in `tier_label`) is kept as one.

    python3 scripts/tier_history.py ../shared/data
"""
import csv
import sys
from collections import Counter
from pathlib import Path

source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
out = Path(__file__).resolve().parent.parent / "data" / "tier-history"
CODES = {"1": "Tier 1", "2": "Tier 2", "3": "Tier 2 Watch List", "4": "Tier 3"}

rows = []
for row in csv.DictReader(open(source / "tip-tiers-2000-2015.csv", encoding="utf-8")):
    if row["tier"] in CODES:
        rows.append((row["iso"], int(row["year"]), CODES[row["tier"]], ""))
later = list(csv.DictReader(open(source / "tip-tiers-2016-2025-partial.csv", encoding="utf-8")))
for row in later:
    tier = CODES.get(row["tier"]) or row["tier_label"]
    if not tier:
        continue
    # The page the placement comes from; where another page disagrees, what that one says, after
    # a slash (the pages link the first address).
    note = row["source"]
    if row["contradicted_by"]:
        note += f" / {row['contradicted_by']}"
    rows.append((row["iso"], int(row["year"]), tier, note))
rows.sort(key=lambda r: (r[1], r[0]))

with open(out / "tiers.csv", "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["country", "year", "tier", "note"])
    writer.writerows(rows)

counts = Counter(year for _, year, _, _ in rows)
complete_later = {2020, 2023}
with open(out / "years.csv", "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f, lineterminator="\n")
    # kind: `research` (Kelley and Heiss's coding of each report) or `pages` (public pages citing
    # the report, each placement naming its source); complete: whether every ranked country is in.
    writer.writerow(["year", "complete", "kind"])
    for year in sorted(counts):
        if year <= 2015:
            writer.writerow([year, "true", "research"])
        else:
            writer.writerow([year, "true" if year in complete_later else "false", "pages"])
print(f"{len(rows)} placements over {len(counts)} report years")

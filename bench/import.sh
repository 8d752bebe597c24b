#!/usr/bin/env bash
# `plan import` of a 1,000,000-row CSV into a new ledger, against
# `sqlite3 .import` of the same file into a plain table, in the same run:
# median of 3 runs each, and the peak memory of `plan import`.
#
#   bench/import.sh            # ROWS=1000000 RUNS=3 by default
#   ROWS=200000 bench/import.sh
#
# The file is valid for the shipped plan.toml on PLAN_TODAY=2026-11-26: all
# recorded indicators, periods of every plan year in each indicator's
# cadence (and whole years), Vietnamese numbers ("1.234,5", quoted because
# of the comma), dates in 2026 up to today. Re-submissions of a period
# carry new values, so every row is added.
source "$(dirname "$0")/lib.sh"
need_tools
build
export PLAN_TODAY=2026-11-26 NO_COLOR=1
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
csv="$OUT/import-$ROWS.csv"
db="$OUT/import-plan.db"
plain="$OUT/import-sqlite3.db"

if [ ! -s "$csv" ]; then
    python3 - "$ROWS" "$csv" <<'EOF'
import datetime, itertools, sys

rows, out = int(sys.argv[1]), sys.argv[2]
# (indicator, cadence) of the shipped plan's recorded indicators.
INDICATORS = [
    ("so_dn", "half"), ("dn_dmst", "year"), ("viec_lam", "month"), ("nsld", "year"),
    ("thu_ktn", "quarter"), ("thu_ns", "quarter"), ("tt_dich_vu", "year"), ("ocop", "year"),
    ("tt_grdp", "year"), ("chi_khcn", "quarter"), ("chi_nsdp", "quarter"),
]
def periods(cadence, y):
    return {"year": [str(y)], "half": [f"{y}-H1", f"{y}-H2"],
            "quarter": [f"{y}-Q{q}" for q in range(1, 5)],
            "month": [f"{y}-{m:02d}" for m in range(1, 13)]}[cadence]
pairs = [(i, p) for y in range(2026, 2031) for i, c in INDICATORS
         for p in periods(c, y) + ([str(y)] if c != "year" else [])]
start, days = datetime.date(2026, 1, 1), 330           # up to 2026-11-26
people = ["Nguyễn Thị Hoa", "Trần Văn Nam", "Lê Thị Thu Hà"]
with open(out, "w", newline="", encoding="utf-8") as f:
    f.write("indicator,period,value,date,by,source,note\n")
    for n, (ind, p) in zip(range(rows), itertools.cycle(pairs)):
        whole = 100 + (n * 7919) % 99_000
        v = f"{whole // 1000}.{whole % 1000:03d},{n % 10}" if whole >= 1000 else f"{whole},{n % 10}"
        d = start + datetime.timedelta(days=n % days)
        f.write(f'{ind},{p},"{v}",{d},{people[n % 3]},Báo cáo {n % 500 + 1}/BC-UBND,\n')
EOF
fi
size=$(du -m "$csv" | cut -f1)
echo "input: $ROWS rows, ${size} MiB ($csv)" >&2

hyperfine --style none --runs "$RUNS" --export-json "$OUT/import.json" \
    --prepare "rm -f $db $db-wal $db-shm $plain" \
    -n "plan import" "$PLAN_BIN --plan $ROOT/plan.toml --ledger $db import $csv" \
    -n "sqlite3 .import" "sqlite3 $plain '.import --csv $csv t'" >/dev/null

rm -f "$db" "$db-wal" "$db-shm" "$plain"
rss_plan=$(peak_rss_mib "$PLAN_BIN" --plan "$ROOT/plan.toml" --ledger "$db" import "$csv")
entries=$(sqlite3 "$db" "SELECT count(*) FROM entry")
rm -f "$plain"
rss_sqlite=$(peak_rss_mib sqlite3 "$plain" ".import --csv $csv t")

python3 - "$OUT/import.json" "$rss_plan" "$rss_sqlite" "$entries" "$ROWS" <<'EOF'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rss = {"plan import": sys.argv[2], "sqlite3 .import": sys.argv[3]}
base = res["sqlite3 .import"]["median"]
print(f"{'tool':<18} {'median s':>9} {'ratio':>6} {'peak RSS MiB':>13}   runs (s)")
for name in ["sqlite3 .import", "plan import"]:
    r = res[name]
    times = " ".join(f"{t:.2f}" for t in r["times"])
    print(f"{name:<18} {r['median']:>9.2f} {r['median'] / base:>6.2f} {rss[name]:>13}   {times}")
print(f"ledger entries after plan import: {sys.argv[4]} of {sys.argv[5]} rows")
EOF
rm -f "$db" "$db-wal" "$db-shm" "$plain"
med() { python3 -c "import json,sys; r={x['command']:x for x in json.load(open(sys.argv[1]))['results']}; print('%.3f' % r[sys.argv[2]]['median'])" "$OUT/import.json" "$1"; }
summary "plan import vs sqlite3 .import, $ROWS rows (median)" "$(med 'plan import')" "$(med 'sqlite3 .import')" s "ratio <= 1"
summary "plan import peak RSS vs sqlite3 .import" "$rss_plan" "$rss_sqlite" MiB "< 64 MiB"

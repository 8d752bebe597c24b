#!/usr/bin/env bash
# `plan import` of a 1,000,000-row CSV into a new ledger, against
# `sqlite3 .import` of the same file into a plain table, in the same run:
# a wide file (indicator, period, value, date, by, source, note) and a
# narrow one (indicator, period, value, date); median of 3 runs each, and
# the peak memory of `plan import`.
#
#   bench/import.sh            # ROWS=1000000 RUNS=3 by default
#   ROWS=200000 bench/import.sh
#
# A file may give each period of an indicator one value only (SPEC §4.1),
# and the shipped plan has a few hundred periods in all: the files are
# valid for a generated plan (bench/out/import-plan.toml) of monthly
# indicators over 2026-2045 (260 periods each: months and whole years,
# 1,000,000 / 260 indicators), on PLAN_TODAY=2046-01-31. Vietnamese
# numbers ("1.234,5", quoted because of the comma, read with
# `--delimiter ,`), each value within tenfold of the indicator's previous
# one of the same kind of period, dates on or after each period's start.
# Every row is added.
source "$(dirname "$0")/lib.sh"
need_tools
build
export PLAN_TODAY=2046-01-31 NO_COLOR=1
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
csv="$OUT/import-$ROWS.csv"
narrow="$OUT/import-narrow-$ROWS.csv"
bench_plan="$OUT/import-plan-$ROWS.toml"
db="$OUT/import-plan.db"
plain="$OUT/import-sqlite3.db"

if [ ! -s "$csv" ] || [ ! -s "$narrow" ] || [ ! -s "$bench_plan" ]; then
    python3 - "$ROWS" "$csv" "$narrow" "$bench_plan" <<'EOF2'
import datetime, sys

rows, wide_out, narrow_out, plan_out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
START, END = 2026, 2045
per_indicator = (END - START + 1) * 13
indicators = -(-rows // per_indicator)
with open(plan_out, "w", encoding="utf-8") as f:
    f.write(f'[plan]\nid = "BENCH"\ntitle = "Import benchmark"\nstart = {START}\nend = {END}\n')
    f.write('numbers = "vi"\n\n[agencies]\nubnd = "UBND"\n\n[[group]]\nid = "g"\nname = "G"\nlead = "ubnd"\n')
    for k in range(indicators):
        f.write(f'\n[[group.indicator]]\nid = "i{k}"\nname = "Chỉ tiêu {k}"\nunit = "triệu đồng"\n'
                'measure = "flow"\nevery = "month"\n')
people = ["Nguyễn Thị Hoa", "Trần Văn Nam", "Lê Thị Thu Hà"]
with open(wide_out, "w", newline="", encoding="utf-8") as w, \
        open(narrow_out, "w", newline="", encoding="utf-8") as nw:
    w.write("indicator,period,value,date,by,source,note\n")
    nw.write("indicator,period,value,date\n")
    for n in range(rows):
        ind, slot = divmod(n, per_indicator)
        year, within = divmod(slot, 13)
        year += START
        if within == 12:
            period, start = str(year), datetime.date(year, 1, 1)
        else:
            period, start = f"{year}-{within + 1:02d}", datetime.date(year, within + 1, 1)
        whole = 1000 + (n * 7919) % 9000          # 1.000..9.999: never tenfold apart
        v = f"{whole // 1000}.{whole % 1000:03d},{n % 10}"
        d = start + datetime.timedelta(days=n % 28)
        w.write(f'i{ind},{period},"{v}",{d},{people[n % 3]},Báo cáo {n % 500 + 1}/BC-UBND,\n')
        nw.write(f'i{ind},{period},"{v}",{d}\n')
EOF2
fi
size=$(du -m "$csv" | cut -f1)
echo "input: $ROWS rows, ${size} MiB ($csv)" >&2

import_cmd="$PLAN_BIN --plan $bench_plan --ledger $db import --delimiter ,"
hyperfine --style none --runs "$RUNS" --export-json "$OUT/import.json" \
    --prepare "rm -f $db $db-wal $db-shm $plain" \
    -n "plan import" "$import_cmd $csv" \
    -n "sqlite3 .import" "sqlite3 $plain '.import --csv $csv t'" \
    -n "plan import (narrow)" "$import_cmd $narrow" \
    -n "sqlite3 .import (narrow)" "sqlite3 $plain '.import --csv $narrow t'" >/dev/null

rm -f "$db" "$db-wal" "$db-shm" "$plain"
rss_narrow=$(peak_rss_mib $import_cmd "$narrow")
rm -f "$db" "$db-wal" "$db-shm"
rss_plan=$(peak_rss_mib $import_cmd "$csv")
entries=$(sqlite3 "$db" "SELECT count(*) FROM entry")
rm -f "$plain"
rss_sqlite=$(peak_rss_mib sqlite3 "$plain" ".import --csv $csv t")
rm -f "$plain"
rss_sqlite_narrow=$(peak_rss_mib sqlite3 "$plain" ".import --csv $narrow t")

python3 - "$OUT/import.json" "$rss_plan" "$rss_sqlite" "$rss_narrow" "$rss_sqlite_narrow" "$entries" "$ROWS" <<'EOF'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rss = {"plan import": sys.argv[2], "sqlite3 .import": sys.argv[3],
       "plan import (narrow)": sys.argv[4], "sqlite3 .import (narrow)": sys.argv[5]}
print(f"{'tool':<26} {'median s':>9} {'ratio':>6} {'peak RSS MiB':>13}   runs (s)")
for suffix in ["", " (narrow)"]:
    base = res["sqlite3 .import" + suffix]["median"]
    for name in ["sqlite3 .import" + suffix, "plan import" + suffix]:
        r = res[name]
        times = " ".join(f"{t:.2f}" for t in r["times"])
        print(f"{name:<26} {r['median']:>9.2f} {r['median'] / base:>6.2f} {rss[name]:>13}   {times}")
print(f"ledger entries after plan import: {sys.argv[6]} of {sys.argv[7]} rows")
EOF
rm -f "$db" "$db-wal" "$db-shm" "$plain"
med() { python3 -c "import json,sys; r={x['command']:x for x in json.load(open(sys.argv[1]))['results']}; print('%.3f' % r[sys.argv[2]]['median'])" "$OUT/import.json" "$1"; }
summary "plan import vs sqlite3 .import, $ROWS rows (median)" "$(med 'plan import')" "$(med 'sqlite3 .import')" s "ratio <= 1"
summary "plan import vs sqlite3 .import, narrow file, $ROWS rows (median)" "$(med 'plan import (narrow)')" "$(med 'sqlite3 .import (narrow)')" s "ratio <= 1"
summary "plan import peak RSS vs sqlite3 .import" "$rss_plan" "$rss_sqlite" MiB "< 64 MiB"
summary "plan import peak RSS vs sqlite3 .import, narrow file" "$rss_narrow" "$rss_sqlite_narrow" MiB "< 64 MiB"

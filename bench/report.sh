#!/usr/bin/env bash
# `plan report --year 2026` on ledgers of 100,000 and 1,000,000 entries that
# hold the same 10,000 entries for 2026, against sqlite3 reading those rows
# through the same index, in the same run.
source "$(dirname "$0")/lib.sh"
need_tools
build
export PLAN_TODAY=2031-06-30 NO_COLOR=1
YEAR_ROWS=${YEAR_ROWS:-10000}
for n in 100000 1000000; do
    db="$OUT/report-$n.db"
    if [ ! -s "$db" ]; then
        rm -f "$db" "$db-wal" "$db-shm"
        python3 "$ROOT/bench/gen_figures.py" "$n" "$OUT/report-$n.csv" --year-rows "$YEAR_ROWS" --year 2026
        "$PLAN_BIN" --plan "$ROOT/plan.toml" --ledger "$db" import "$OUT/report-$n.csv" >/dev/null 2>&1
        rm -f "$OUT/report-$n.csv"
    fi
done
q="SELECT count(*), sum(value) FROM entry WHERE indicator IN ('so_dn','dn_dmst','viec_lam','nsld','thu_ktn','thu_ns','tt_dich_vu','ocop','tt_grdp','chi_khcn','chi_nsdp') AND year = 2026"
printf '%-44s %12s %8s\n' "report --year 2026 (same 2026 entries)" "median ms" "ratio"
for n in 100000 1000000; do
    db="$OUT/report-$n.db"
    base=$(median_ms "sqlite-$n" 20 "sqlite3 $db \"$q\"")
    plan=$(median_ms "report-$n" 20 "$PLAN_BIN --plan $ROOT/plan.toml --ledger $db report --year 2026 --format json")
    printf '%-44s %12s %8s\n' "sqlite3 indexed read, $n entries" "$base" "1.00"
    printf '%-44s %12s %8s\n' "plan report, $n entries" "$plan" "$(ratio "$plan" "$base")"
    eval "plan_$n=$plan"
    summary "plan report --year, $n-entry ledger vs sqlite3 indexed read" "$plan" "$base" ms "< 100 ms"
done
printf '%-44s %12s %8s\n' "1,000,000 vs 100,000 entries (plan)" "" "$(ratio "$plan_1000000" "$plan_100000")"
summary "plan report --year: 1,000,000 vs 100,000 entries" "$plan_1000000" "$plan_100000" ms "ratio <= 2"

# The review of a span (tổng kết, SPEC §5 "Review of a span of years") reads
# every year of every indicator; `report --year 2030` reads 2030 and, for
# the average, compound and cumulative indicators and the same period last
# year, the years before it. Same ledger, same run.
db="$OUT/report-1000000.db"
y2030=$(median_ms "report-year-2030" 10 "$PLAN_BIN --plan $ROOT/plan.toml --ledger $db report --year 2030 --format json")
span=$(median_ms "report-years-2026-2030" 10 "$PLAN_BIN --plan $ROOT/plan.toml --ledger $db report --years 2026-2030 --format json")
printf '%-44s %12s %8s\n' "report --year 2030, 1000000 entries" "$y2030" "1.00"
printf '%-44s %12s %8s\n' "report --years 2026-2030, 1000000 entries" "$span" "$(ratio "$span" "$y2030")"
summary "plan report --years 2026-2030 vs --year 2030, 1,000,000 entries" "$span" "$y2030" ms "< 100 ms, ratio <= 3"

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
        # Re-submissions of the same periods: an import file may give a
        # period one value only, so the ledger is written directly.
        (cd "$ROOT" && cargo run --release --quiet --example bench_ledger -- \
            "$ROOT/plan.toml" "$db" "$n" "$YEAR_ROWS" 2026)
    fi
done
# The same entries read by the same index (schema 7: ids are `item` codes,
# the periods of 2026 the codes 202600..202699).
q="SELECT count(*), sum(value) FROM entry WHERE indicator IN (SELECT code FROM item WHERE id IN ('so_dn','dn_dmst','viec_lam','nsld','thu_ktn','thu_ns','tt_dich_vu','ocop','tt_grdp','chi_khcn','chi_nsdp')) AND period >= 202600 AND period < 202700"
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
RUNS=${RUNS:-10}
y2030=$(median_ms "report-year-2030" "$RUNS" "$PLAN_BIN --plan $ROOT/plan.toml --ledger $db report --year 2030 --format json")
span=$(median_ms "report-years-2026-2030" "$RUNS" "$PLAN_BIN --plan $ROOT/plan.toml --ledger $db report --years 2026-2030 --format json")
printf '%-44s %12s %8s\n' "report --year 2030, 1000000 entries" "$y2030" "1.00"
printf '%-44s %12s %8s\n' "report --years 2026-2030, 1000000 entries" "$span" "$(ratio "$span" "$y2030")"
summary "plan report --years 2026-2030 vs --year 2030, 1,000,000 entries" "$span" "$y2030" ms "< 100 ms, ratio <= 3"

# A review of part of a year (sơ kết, SPEC §5 "Review of a part of the
# year", issue #21) reads what the year report reads, and the pace needs
# the start values of levels: it stays within 1.5x of the year report.
h1=$(median_ms "report-period-2030-H1" "$RUNS" "$PLAN_BIN --plan $ROOT/plan.toml --ledger $db report --period 2030-H1 --format json")
printf '%-44s %12s %8s\n' "report --period 2030-H1, 1000000 entries" "$h1" "$(ratio "$h1" "$y2030")"
summary "plan report --period 2030-H1 vs --year 2030, 1,000,000 entries" "$h1" "$y2030" ms "ratio <= 1.5"

# A province's plan (issue #25): 400 monthly indicators over 2026-2045 in one
# group, and a ledger of the same size as report-1000000.db (1,000,000
# entries, 10,000 of them in 2026, written the same way), `report --year
# 2026` against the shipped plan's on its ledger, in the same run: a report
# reads the ledger in one read transaction, a fixed number of statements
# whatever the number of indicators and periods.
big_plan="$OUT/report-plan-400.toml"
big_db="$OUT/report-400-1000000.db"
if [ ! -s "$big_plan" ]; then
    python3 - "$big_plan" <<'EOF2'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('[plan]\nid = "BENCH-400"\ntitle = "Report benchmark"\nstart = 2026\nend = 2045\nnumbers = "vi"\n\n')
    f.write('[agencies]\nubnd = "UBND"\n\n[[group]]\nid = "g"\nname = "G"\nlead = "ubnd"\n')
    for k in range(400):
        f.write(f'\n[[group.indicator]]\nid = "i{k}"\nname = "Chỉ tiêu {k}"\nunit = "triệu đồng"\n'
                'measure = "flow"\nevery = "month"\n')
EOF2
fi
if [ ! -s "$big_db" ]; then
    rm -f "$big_db" "$big_db-wal" "$big_db-shm"
    (cd "$ROOT" && cargo run --release --quiet --example bench_ledger -- \
        "$big_plan" "$big_db" 1000000 "$YEAR_ROWS" 2026)
fi
ship=$(median_ms "report-ship-2026" "$RUNS" "$PLAN_BIN --plan $ROOT/plan.toml --ledger $db report --year 2026 --format json")
wide=$(PLAN_TODAY=2046-06-30 median_ms "report-400-2026" "$RUNS" "$PLAN_BIN --plan $big_plan --ledger $big_db report --year 2026 --format json")
printf '%-44s %12s %8s\n' "shipped plan (13), 1000000 entries" "$ship" "1.00"
printf '%-44s %12s %8s\n' "400 monthly indicators, 1000000 entries" "$wide" "$(ratio "$wide" "$ship")"
summary "plan report --year, 400 indicators vs the shipped plan, 1,000,000 entries each" "$wide" "$ship" ms "< 50 ms, ratio <= 3"

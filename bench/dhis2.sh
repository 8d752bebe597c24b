#!/usr/bin/env bash
# `plan export` at province and national scale (SPEC §4.3):
#
# 1. 3,321 simulated commune ledgers (Vietnam's communes), 20 quarterly
#    indicators × 20 quarters (2026-2030) each, exported to dhis2-json one
#    after another: total time and the median per ledger. One ledger is
#    made by `plan import` and copied per commune, each with its own plan
#    file naming its own organisation unit (XA_00001 …).
# 2. One 1,000,000-entry ledger (bench/gen_big_dhis2.py: monthly indicators
#    over 2026-2045, every month and year of each reported once, so that
#    every entry is a figure that counts) exported to dhis2-json, 1,000,000
#    data values, against `sqlite3 -json` dumping the same rows (indicator,
#    period, value, date, by, note), in the same run: medians of RUNS runs;
#    peak RSS of the dhis2-json and of the adx export (ADX sorts by period
#    through temporary files).
#
#   bench/dhis2.sh                 # COMMUNES=3321 ROWS=1000000 RUNS=5
#   COMMUNES=200 ROWS=100000 bench/dhis2.sh
source "$(dirname "$0")/lib.sh"
need_tools
build
export NO_COLOR=1
COMMUNES=${COMMUNES:-3321}
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-5}
work="$OUT/dhis2"
mkdir -p "$work"

# --- 1. communes -----------------------------------------------------------
communes="$work/communes"
if [ ! -s "$communes/ledger.db" ] || [ "$(ls "$communes" | grep -c '^xa_')" != "$COMMUNES" ]; then
    rm -rf "$communes"
    mkdir -p "$communes"
    python3 - "$communes" <<'EOF'
import sys
out = sys.argv[1]
head = '''[plan]
id = "KH-XA"
title = "Kế hoạch xã (mô phỏng)"
start = 2026
end = 2030

[export.dhis2]
org_unit = "XA_{n:05d}"
data_set = "KH_XA_QUY"

[[group]]
id = "g"
name = "Chỉ tiêu quý"
'''
body = "".join(f'''
[[group.indicator]]
id = "ct_{i:02d}"
name = "Chỉ tiêu {i}"
unit = "người"
measure = "flow"
every = "quarter"
dhis2 = "CT_{i:02d}"
''' for i in range(1, 21))
open(f"{out}/template.toml", "w").write(head + body)
with open(f"{out}/figures.csv", "w") as f:
    f.write("indicator,period,value,date,by,note\n")
    for i in range(1, 21):
        for y in range(2026, 2031):
            for q in range(1, 5):
                end_month = q * 3
                date = f"{y}-{end_month + 1:02d}-05" if q < 4 else f"{y + 1}-01-05"
                f.write(f"ct_{i:02d},{y}-Q{q},{100 + (i * 37 + y * 11 + q * 7) % 900},{date},Văn phòng UBND,\n")
EOF
    sed 's/{n:05d}/00000/' "$communes/template.toml" > "$communes/plan.toml"
    PLAN_TODAY=2031-06-30 "$PLAN_BIN" --plan "$communes/plan.toml" --ledger "$communes/ledger.db" \
        import --delimiter , "$communes/figures.csv" >/dev/null
    python3 - "$communes" "$COMMUNES" <<'EOF'
import os, shutil, sys
out, n = sys.argv[1], int(sys.argv[2])
template = open(f"{out}/template.toml").read()
for k in range(1, n + 1):
    d = f"{out}/xa_{k:05d}"
    os.makedirs(d, exist_ok=True)
    open(f"{d}/plan.toml", "w").write(template.replace("{n:05d}", f"{k:05d}"))
    shutil.copyfile(f"{out}/ledger.db", f"{d}/ledger.db")
EOF
fi
entries=$(sqlite3 "$communes/ledger.db" "SELECT count(*) FROM entry")
python3 - "$PLAN_BIN" "$communes" "$COMMUNES" "$work/communes.json" <<'EOF'
import json, os, statistics, subprocess, sys, time
plan_bin, out, n, report = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
env = dict(os.environ, PLAN_TODAY="2031-06-30")
times, values = [], 0
t0 = time.perf_counter()
for k in range(1, n + 1):
    d = f"{out}/xa_{k:05d}"
    s = time.perf_counter()
    subprocess.run([plan_bin, "--plan", f"{d}/plan.toml", "export", "--format", "dhis2-json",
                    "--output", f"{d}/export.json"], env=env, check=True, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - s)
total = time.perf_counter() - t0
for k in (1, n):
    doc = json.load(open(f"{out}/xa_{k:05d}/export.json"))
    assert doc["orgUnit"] == f"XA_{k:05d}" and len(doc["dataValues"]) == 400, doc["orgUnit"]
    values += len(doc["dataValues"])
med = statistics.median(times)
json.dump({"total_s": total, "median_ms": med * 1000, "max_ms": max(times) * 1000}, open(report, "w"))
print(f"{n} commune ledgers exported one after another: total {total:.1f} s, "
      f"median {med * 1000:.1f} ms per ledger, max {max(times) * 1000:.1f} ms "
      f"(400 data values each; first and last checked)")
EOF
echo "(each commune ledger: $entries entries)"


# --- 2. one 1,000,000-entry ledger ------------------------------------------
export PLAN_TODAY=2046-06-30
big="$work/big.db"
plan="$work/plan-big.toml"
python3 "$ROOT/bench/gen_big_dhis2.py" "$ROWS" "$plan" "$work/big.csv"
if [ ! -s "$big" ] || [ "$(sqlite3 "$big" 'SELECT count(*) FROM entry')" != "$ROWS" ]; then
    rm -f "$big" "$big-wal" "$big-shm"
    "$PLAN_BIN" --plan "$plan" --ledger "$big" import "$work/big.csv" >/dev/null
fi
rm -f "$work/big.csv"
# The same fields of every figure, as stored (schema 7: the id through its
# `item` code, the period and date as their codes, `by` from the batch when
# the row has none): the stricter baseline, with no text rebuilt.
q="SELECT i.id, e.period, e.value, e.reported_on, coalesce(e.by, b.by), e.note FROM entry e JOIN item i ON i.code = e.indicator LEFT JOIN batch b ON b.id = e.batch ORDER BY e.indicator, e.year, e.id"
hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$work/big.json" \
    -n "plan export --format dhis2-json" "$PLAN_BIN --plan $plan --ledger $big export --format dhis2-json --output $work/big-export.json" \
    -n "sqlite3 -json" "sqlite3 -json $big \"$q\" > $work/big-sqlite.json" >/dev/null
values=$(python3 -c "import json; print(len(json.load(open('$work/big-export.json'))['dataValues']))")
dumped=$(python3 -c "import json; print(len(json.load(open('$work/big-sqlite.json'))))")
rss=$(peak_rss_mib "$PLAN_BIN" --plan "$plan" --ledger "$big" export --format dhis2-json)
# ADX groups by period: past 4,096 values it sorts through temporary files.
rss_adx=$(peak_rss_mib "$PLAN_BIN" --plan "$plan" --ledger "$big" export --format adx)
rss_sqlite=$(peak_rss_mib sqlite3 -json "$big" "$q")
python3 - "$work/big.json" "$dumped" "$values" "$rss" "$rss_adx" <<'EOF'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
base = res["sqlite3 -json"]["median"]
print(f"1 ledger: sqlite3 dumped {sys.argv[2]} rows; plan exported {sys.argv[3]} data values; "
      f"plan peak RSS {sys.argv[4]} MiB (dhis2-json), {sys.argv[5]} MiB (adx)")
print(f"{'tool':<32} {'median s':>9} {'ratio':>6}   runs (s)")
for name in ["sqlite3 -json", "plan export --format dhis2-json"]:
    r = res[name]
    print(f"{name:<32} {r['median']:>9.2f} {r['median'] / base:>6.2f}   " + " ".join(f"{t:.2f}" for t in r["times"]))
EOF
med() { python3 -c "import json,sys; r={x['command']:x for x in json.load(open(sys.argv[1]))['results']}; print('%.3f' % r[sys.argv[2]]['median'])" "$work/big.json" "$1"; }
summary "plan export dhis2-json vs sqlite3 -json, $ROWS entries (median)" "$(med 'plan export --format dhis2-json')" "$(med 'sqlite3 -json')" s "ratio <= 1.5"
summary "plan export dhis2-json peak RSS vs sqlite3 -json, $ROWS entries" "$rss" "$rss_sqlite" MiB "< 64 MiB"
summary "plan export adx peak RSS vs sqlite3 -json, $ROWS entries" "$rss_adx" "$rss_sqlite" MiB "< 64 MiB"

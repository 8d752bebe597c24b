#!/usr/bin/env bash
# `plan import` of a 100,000-row .xlsx into a new ledger, against reading
# the same workbook into Python with openpyxl in read-only mode (every
# row's values into a list), in the same run: median of RUNS runs each.
# Target: plan import faster (ratio < 1). Installs openpyxl if missing.
#
#   bench/import-xlsx.sh            # ROWS=100000 RUNS=3 by default
#   ROWS=20000 bench/import-xlsx.sh
#
# The workbook (made with openpyxl's write-only mode) holds typed cells as a
# department's sheet does: a title row, the header with STT, ids and
# periods as text, values as numbers, dates as date cells. Each row is a
# different (indicator, period) of a generated plan of monthly indicators
# (a file may not give one period two values), so every row is added.
source "$(dirname "$0")/lib.sh"
need_tools
python3 -c 'import openpyxl' 2>/dev/null || pip install -q openpyxl >&2
build
export PLAN_TODAY=2031-01-31 NO_COLOR=1
ROWS=${ROWS:-100000}
RUNS=${RUNS:-3}
xlsx="$OUT/import-$ROWS.xlsx"
plan="$OUT/import-xlsx-plan.toml"
db="$OUT/import-xlsx.db"

python3 - "$ROWS" "$plan" "$xlsx" <<'EOF'
import datetime, os, sys
rows, plan_path, xlsx = int(sys.argv[1]), sys.argv[2], sys.argv[3]
# Monthly indicators over five years: 60 periods each.
n_ind = (rows + 59) // 60
with open(plan_path, "w", encoding="utf-8") as f:
    f.write('[plan]\nid = "BENCH-XLSX"\ntitle = "Bench"\nstart = 2026\nend = 2030\n'
            'lang = "vi"\nnumbers = "vi"\n\n[agencies]\npkt = "Phòng Kinh tế"\n\n'
            '[[group]]\nid = "g"\nname = "G"\ncontent = "Work"\nlead = "pkt"\n'
            'responsibility = "Phòng Kinh tế"\nschedule = { start = 2026, end = 2030 }\n'
            'deliverables = ["Báo cáo"]\noversight = { by = "pkt", every = "quarter" }\n')
    for i in range(n_ind):
        f.write(f'\n[[group.indicator]]\nid = "ct_{i:05d}"\nname = "Chỉ tiêu {i}"\n'
                f'unit = "triệu đồng"\nmeasure = "flow"\nevery = "month"\n')
if os.path.exists(xlsx):
    sys.exit(0)
import openpyxl
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Số liệu")
ws.append(["BÁO CÁO SỐ LIỆU"])
ws.append([])
ws.append(["STT", "chi_tieu", "ky", "gia_tri", "ngay", "nguoi_nhap", "nguon"])
people = ["Nguyễn Thị Hoa", "Trần Văn Nam", "Lê Thị Thu Hà"]
for n in range(rows):
    ind, k = divmod(n, 60)
    y, m = 2026 + k // 12, k % 12 + 1
    end = (datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1))
    # Within a factor of ten of each other (the tenfold guard).
    value = 1000 + (n * 7919) % 5000 + (n % 10) / 10
    ws.append([n + 1, f"ct_{ind:05d}", f"{y}-{m:02d}", value, end + datetime.timedelta(days=3),
               people[n % 3], f"Báo cáo {n % 500 + 1}/BC-UBND"])
wb.save(xlsx)
EOF
size=$(du -k "$xlsx" | cut -f1)
echo "input: $ROWS rows, ${size} KiB ($xlsx)" >&2

reader="$OUT/openpyxl-read.py"
cat >"$reader" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = [r for r in wb.worksheets[0].iter_rows(values_only=True)]
print(len(rows))
EOF

hyperfine --style none --runs "$RUNS" --export-json "$OUT/import-xlsx.json" \
    --prepare "rm -f $db $db-wal $db-shm" \
    -n "plan import" "$PLAN_BIN --plan $plan --ledger $db import $xlsx" \
    -n "openpyxl read-only" "python3 $reader $xlsx" >/dev/null

rm -f "$db" "$db-wal" "$db-shm"
"$PLAN_BIN" --plan "$plan" --ledger "$db" import "$xlsx" >/dev/null
entries=$(sqlite3 "$db" "SELECT count(*) FROM entry")
rm -f "$db" "$db-wal" "$db-shm"

python3 - "$OUT/import-xlsx.json" "$entries" "$ROWS" <<'EOF'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
base = res["openpyxl read-only"]["median"]
print(f"{'tool':<20} {'median s':>9} {'ratio':>6}   runs (s)")
for name in ["openpyxl read-only", "plan import"]:
    r = res[name]
    times = " ".join(f"{t:.2f}" for t in r["times"])
    print(f"{name:<20} {r['median']:>9.2f} {r['median'] / base:>6.2f}   {times}")
print(f"ledger entries after plan import: {sys.argv[2]} of {sys.argv[3]} rows")
EOF
med() { python3 -c "import json,sys; r={x['command']:x for x in json.load(open(sys.argv[1]))['results']}; print('%.3f' % r[sys.argv[2]]['median'])" "$OUT/import-xlsx.json" "$1"; }
summary "plan import .xlsx vs openpyxl read-only, $ROWS rows (median)" "$(med 'plan import')" "$(med 'openpyxl read-only')" s "ratio < 1"

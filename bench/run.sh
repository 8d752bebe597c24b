#!/usr/bin/env bash
# Every benchmark of the project, each beside its baseline measured in the
# same run (the sqlite3 CLI), as ratios. Installs sqlite3, hyperfine and
# GNU time if missing; builds what it needs. Takes a few minutes.
#
#   bench/run.sh
source "$(dirname "$0")/lib.sh"
need_tools
build
rm -f "$OUT/summary.tsv"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
uptime
# RUNS (hyperfine runs of each timed command; `RUNS=5 bench/run.sh`) is
# left to each script's default when unset; record.sh takes RECORD_RUNS
# (200 by default: a few ms each, noisy).
for b in record import import-xlsx report docx dhis2; do
    echo; echo "== $b"
    if [ "$b" = record ]; then RUNS=${RECORD_RUNS:-200} bash "$ROOT/bench/$b.sh"; else bash "$ROOT/bench/$b.sh"; fi
done
uptime
echo
echo "== summary (ratio = plan / baseline; medians)"
python3 - "$OUT/summary.tsv" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
head = ("figure", "plan", "baseline", "ratio", "unit", "target")
w = [max(len(r[i]) for r in rows + [head]) for i in range(6)]
for r in [head] + rows:
    print("  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r)))
PY

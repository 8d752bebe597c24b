#!/usr/bin/env bash
# `plan report --format docx` (the báo cáo, issue #15) for the shipped plan
# over the illustrative figures, against `--format json` of the same review
# (the same computation, no document) in the same run. Target: under 200 ms.
source "$(dirname "$0")/lib.sh"
need_tools
build
export PLAN_TODAY=2026-11-26 NO_COLOR=1
db="$OUT/docx.db"
rm -f "$db" "$db-wal" "$db-shm"
"$PLAN_BIN" --plan "$ROOT/plan.toml" --ledger "$db" import "$ROOT/seeds/illustrative-figures.csv" >/dev/null
args="--plan $ROOT/plan.toml --ledger $db report --period 2026-H1 --as-of 2026-07-31"
base=$(median_ms docx-json 30 "$PLAN_BIN $args --format json")
docx=$(median_ms docx 30 "$PLAN_BIN $args --format docx --output $OUT/bao-cao.docx")
printf '%-44s %12s %8s\n' "review 2026-H1" "median ms" "ratio"
printf '%-44s %12s %8s\n' "plan report --format json" "$base" "1.00"
printf '%-44s %12s %8s\n' "plan report --format docx" "$docx" "$(ratio "$docx" "$base")"
summary "plan report --format docx (6-month review) vs --format json" "$docx" "$base" ms "< 200 ms"

#!/usr/bin/env bash
# `plan record` end to end (start, read plan.toml, open and check the ledger,
# validate, hash, append in an IMMEDIATE transaction) against the sqlite3
# CLI inserting one comparable row into a plain table of the SAME ledger
# file, with the same durability (WAL, synchronous=NORMAL, busy timeout).
# Target: plan within 2x of sqlite3.
#
#   bench/record.sh            # RUNS=200 by default
#   RUNS=500 bench/record.sh
source "$(dirname "$0")/lib.sh"
need_tools
build
RUNS=${RUNS:-200}
export PLAN_TODAY=2027-06-30 NO_COLOR=1

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$ROOT/plan.toml" "$dir/plan.toml"
db="$dir/ledger.db"
# The ledger exists (schema migrated) before timing starts, as in daily use.
"$PLAN_BIN" --plan "$dir/plan.toml" --ledger "$db" record so_dn 100 --period 2026-H1 --date 2027-01-10 >/dev/null
# A plain table with the entry's columns, in the same file.
sqlite3 "$db" "CREATE TABLE bench_row (id INTEGER PRIMARY KEY, kind TEXT, indicator TEXT, task TEXT, period TEXT,
    year INTEGER, value_text TEXT, value REAL, reported_on TEXT, recorded_at TEXT, by TEXT, source TEXT, note TEXT,
    target_entry INTEGER, batch INTEGER, plan_id TEXT, hash BLOB)"

insert="PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL;
INSERT INTO bench_row (kind, indicator, task, period, year, value_text, value, reported_on, recorded_at, by,
    source, note, target_entry, batch, plan_id, hash)
VALUES ('figure', 'so_dn', NULL, '2026-H1', 2026, '104', 104, '2027-01-10', strftime('%Y-%m-%dT%H:%M:%fZ'),
    'bench', NULL, NULL, NULL, NULL, '66-KH/ĐU', X'$(printf 'f%.0s' {1..64})')"
printf '%s\n' "$insert" > "$dir/insert.sql"

# hyperfine -N: no shell in between, so the figures are the programs' own.
median_n() {
    local name=$1; shift
    hyperfine -N --style none --warmup 5 --runs "$RUNS" --export-json "$OUT/$name.json" "$@" >/dev/null 2>&1
    python3 -c "import json,sys; print('%.2f' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$OUT/$name.json"
}
base=$(median_n record-sqlite3 "sqlite3 $db '.read $dir/insert.sql'")
plan=$(median_n record-plan "$PLAN_BIN --plan $dir/plan.toml --ledger $db record so_dn 104 --period 2026-H1 --date 2027-01-10")
# The same on a busy ledger: 1,000,000 entries, the shipped plan's
# periods re-submitted thousands of times (bench/report.sh's ledger, written
# here if missing). `record` reads back only as far as the figure its new
# one is compared with, whatever the ledger holds.
big="$OUT/report-1000000.db"
if [ ! -s "$big" ]; then
    rm -f "$big" "$big-wal" "$big-shm"
    (cd "$ROOT" && cargo run --release --quiet --example bench_ledger -- "$ROOT/plan.toml" "$big" 1000000 10000 2026)
fi
cp "$big" "$dir/big.db"
sqlite3 "$dir/big.db" "CREATE TABLE bench_row (id INTEGER PRIMARY KEY, kind TEXT, indicator TEXT, task TEXT, period TEXT,
    year INTEGER, value_text TEXT, value REAL, reported_on TEXT, recorded_at TEXT, by TEXT, source TEXT, note TEXT,
    target_entry INTEGER, batch INTEGER, plan_id TEXT, hash BLOB)"
big_base=$(median_n record-big-sqlite3 "sqlite3 $dir/big.db '.read $dir/insert.sql'")
big_plan=$(median_n record-big-plan "$PLAN_BIN --plan $dir/plan.toml --ledger $dir/big.db record so_dn 104 --period 2026-H1 --date 2027-01-10 --yes")
entries=$(sqlite3 "$db" "SELECT count(*) FROM entry")
rows=$(sqlite3 "$db" "SELECT count(*) FROM bench_row")

printf '%-52s %10s %7s\n' "one row into the ledger file ($RUNS runs each)" "median ms" "ratio"
printf '%-52s %10s %7s\n' "sqlite3 CLI: INSERT into a plain table" "$base" "1.00"
printf '%-52s %10s %7s\n' "plan record (end to end)" "$plan" "$(ratio "$plan" "$base")"
summary "plan record vs sqlite3 INSERT (median)" "$plan" "$base" ms "ratio <= 2"
printf '%-52s %10s %7s\n' "sqlite3 CLI: INSERT, 1,000,000-entry ledger" "$big_base" "1.00"
printf '%-52s %10s %7s\n' "plan record, 1,000,000-entry ledger" "$big_plan" "$(ratio "$big_plan" "$big_base")"
summary "plan record vs sqlite3 INSERT, 1,000,000-entry ledger (median)" "$big_plan" "$big_base" ms "ratio <= 2"
echo "(ledger now holds $entries entries and $rows sqlite3 rows; plan verify:)"
"$PLAN_BIN" --plan "$dir/plan.toml" --ledger "$db" verify

# Shared by the bench scripts: tools, build, timing. Source it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# PLAN_BIN=… NO_BUILD=1 measures another build (e.g. the one before a change).
# The release binary wherever the user's cargo settings put it
# (CARGO_TARGET_DIR, build.target-dir).
target_dir() {
    (cd "$ROOT" && cargo metadata --format-version 1 --no-deps 2>/dev/null) |
        python3 -c "import json,sys; print(json.load(sys.stdin)['target_directory'])" 2>/dev/null ||
        echo "$ROOT/target"
}
PLAN_BIN="${PLAN_BIN:-$(target_dir)/release/plan}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
mkdir -p "$OUT"

# Installs what the benchmarks need (Debian packages) if missing.
need_tools() {
    local missing=()
    command -v sqlite3 >/dev/null || missing+=(sqlite3)
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    [ -x /usr/bin/time ] || missing+=(time)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing ${missing[*]}…" >&2
        if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
        else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq "${missing[@]}" >/dev/null; fi
    fi
}

build() {
    [ -n "${NO_BUILD:-}" ] || (cd "$ROOT" && cargo build --release --quiet)
}

# median_ms NAME RUNS CMD… : runs CMD with hyperfine, prints the median in ms.
median_ms() {
    local name=$1 runs=$2; shift 2
    hyperfine --style none --warmup 2 --runs "$runs" --export-json "$OUT/$name.json" "$@" >/dev/null 2>&1
    python3 -c "import json,sys; print('%.2f' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$OUT/$name.json"
}

# ratio A B: A / B with two decimals.
ratio() {
    python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"
}

# peak_rss_mib CMD…: peak resident memory of CMD in MiB.
peak_rss_mib() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {printf "%.1f\n", $2/1024}'
}

# summary FIGURE PLAN BASELINE UNIT TARGET: one row of bench/run.sh's table.
summary() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4" "$5" >> "$OUT/summary.tsv"
}

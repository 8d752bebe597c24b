#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ (issue #7).
#
#   scripts/fuzz.sh TARGET|all [SECONDS]     (default: 60 s per target)
#
# Targets: plan_loader, number, period, import_row, dates. `all` runs them one
# after another (never in parallel). Each corpus (fuzz/corpus/TARGET) is
# seeded first from the repo's plan.toml, tests/fixtures/*.toml (and the
# small plan in fuzz/seeds/plan_loader/) and the rows of seeds/*.csv.
# libFuzzer's output goes to fuzz/logs/TARGET.log; a crash leaves its input
# in fuzz/artifacts/TARGET/ (keep it as a regression test in
# tests/fuzz_regressions.rs). cargo-fuzz needs nightly features; this
# machine has only stable, so RUSTC_BOOTSTRAP=1 unlocks them.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
all=(plan_loader number period import_row dates)

usage() {
    echo "usage: scripts/fuzz.sh TARGET|all [SECONDS]   (targets: ${all[*]})" >&2
    exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
seconds=${2:-60}
[[ $seconds =~ ^[0-9]+$ ]] || usage
case $1 in
    all) targets=("${all[@]}") ;;
    plan_loader | number | period | import_row | dates) targets=("$1") ;;
    *) usage ;;
esac
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2; exit 2; }

# seed DIR TEXT: one corpus file named by its content's hash (idempotent).
seed() {
    mkdir -p "$1"
    local name
    name=$(printf '%s' "$2" | sha1sum | cut -c1-40)
    printf '%s' "$2" >"$1/$name"
}

# The data rows of every seeds/*.csv (BOM and CR stripped), header first.
csv_rows() {
    local f
    for f in seeds/*.csv; do
        [[ -e $f ]] || continue
        sed -e '1s/^\xEF\xBB\xBF//' -e 's/\r$//' "$f"
    done
}

# Column N (1-based) of the CSV rows, split on `;`, `,` or tab as the header says.
csv_column() {
    local f
    for f in seeds/*.csv; do
        [[ -e $f ]] || continue
        sed -e '1s/^\xEF\xBB\xBF//' -e 's/\r$//' "$f" | awk -v n="$1" '
            NR == 1 { fs = ","; best = gsub(/,/, ",");
                      c = gsub(/;/, ";"); if (c > best) { fs = ";"; best = c }
                      c = gsub(/\t/, "\t"); if (c > best) { fs = "\t" }
                      FS = fs; next }
            { split($0, f, FS); if (f[n] != "") print f[n] }'
    done
}

seed_corpus() {
    local dir=fuzz/corpus/$1 line f
    mkdir -p "$dir"
    case $1 in
        plan_loader)
            for f in plan.toml tests/fixtures/*.toml fuzz/seeds/plan_loader/*.toml; do
                [[ -e $f ]] && cp "$f" "$dir/$(sha1sum <"$f" | cut -c1-40)"
            done
            ;;
        number)
            for line in 0 -12 +7 9,5 9.5 2.000 1.234.567 1.234,5 1,234.5 "  42  " 0,001; do seed "$dir" "$line"; done
            while IFS= read -r line; do seed "$dir" "$line"; done < <(csv_column 3)
            ;;
        dates)
            for line in 2026-04-08 08/04/2026 8/4/2026 08.04.2026 08/04/26 "2026-04-08 00:00:00" 04/15/2026 46120 0026-04-08; do seed "$dir" "$line"; done
            while IFS= read -r line; do seed "$dir" "$line"; done < <(csv_column 4)
            ;;
        period)
            for line in Q3/2027 "Quý 3/2027" "quý III/2027" H1/2027 T7/2027 "Tháng 7/2027" 07/2027 Q3/27 2027-07-01 2026 2027-H1 2027-h2 2027-Q3 2027-q4 2027-07 2027-12 " 2030 "; do seed "$dir" "$line"; done
            while IFS= read -r line; do seed "$dir" "$line"; done < <(csv_column 2)
            ;;
        import_row)
            while IFS= read -r line; do seed "$dir" "$line"; done < <(csv_rows)
            ;;
    esac
}

failed=()
mkdir -p fuzz/logs
for t in "${targets[@]}"; do
    seed_corpus "$t"
    extra=()
    [[ -e fuzz/dicts/$t.dict ]] && extra+=("-dict=fuzz/dicts/$t.dict")
    # Whole plans are slow to mutate (plan.toml is 35 KB): mutate at most
    # 8 KB of each, where the small seed plans fit whole.
    [[ $t == plan_loader ]] && extra+=("-max_len=8192")
    echo "== $t: ${seconds}s, corpus fuzz/corpus/$t ($(ls "fuzz/corpus/$t" | wc -l) inputs), log fuzz/logs/$t.log" >&2
    set +e
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" -- -max_total_time="$seconds" -print_final_stats=1 "${extra[@]}" 2>&1 |
        tee "fuzz/logs/$t.log" |
        grep -E '^#[0-9]+ +(INITED|DONE)|^Done [0-9]+ runs|stat::number_of_executed_units|panicked at|SUMMARY|Test unit written' >&2
    rc=${PIPESTATUS[0]}
    set -e
    if [[ $rc -ne 0 ]] || grep -q 'Test unit written' "fuzz/logs/$t.log"; then
        failed+=("$t")
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "no crashes in: ${targets[*]}" >&2

#!/usr/bin/env bash
# Opens plan's exported workbooks in LibreOffice (headless) and checks that
# numbers and dates came through as numbers and dates (issue #14).
#
# Builds plan, imports the illustrative figures into a fresh ledger of the
# shipped plan, exports `report --format xlsx` and `log --format xlsx`, has
# LibreOffice convert every sheet to CSV with raw values (not "as shown",
# en-US), and compares them with `--format json` of the same commands:
#   - a number cell reads back as the same number, plain (`2459.9`): a
#     number stored as text would keep its display form (`2.459,9`);
#   - a date cell of a vi workbook reads back in LibreOffice's own en-US
#     date form (`7/10/2026`), not in the workbook's display format
#     (`10/07/2026`), which only a date value can be re-formatted into (en
#     workbooks show ISO dates, which LibreOffice keeps as shown);
#   - a percentage reads back as a percent of the same value.
# Installs libreoffice-calc-nogui if missing (scripts/install-libreoffice.sh).
#
#   scripts/check-xlsx.sh            # exit 0 when every check passes
#   PLAN=target/release/plan scripts/check-xlsx.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/install-libreoffice.sh"
if [ -z "${PLAN:-}" ]; then
    cargo build --quiet --manifest-path "$ROOT/Cargo.toml"
    # Wherever the user's cargo settings put it (CARGO_TARGET_DIR…).
    target=$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" |
        python3 -c "import json,sys; print(json.load(sys.stdin)['target_directory'])")
    PLAN="$target/debug/plan"
fi
TMP="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
cp "$ROOT/plan.toml" "$TMP/plan.toml"
export PLAN_TODAY=2026-11-26 PLAN_FILE="$TMP/plan.toml" PLAN_LEDGER="$TMP/ledger.db"
"$PLAN" import "$ROOT/seeds/illustrative-figures.csv" >/dev/null
for lang in vi en; do
    "$PLAN" --lang $lang report --format xlsx --output "$TMP/report-$lang.xlsx"
    "$PLAN" --lang $lang log --format xlsx --output "$TMP/log-$lang.xlsx"
done
"$PLAN" report --format json >"$TMP/report.json"
"$PLAN" log --format json >"$TMP/log.json"

# Every sheet to CSV: `,` `"` UTF-8, en-US, raw values, all sheets (-1).
FILTER='csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1'
for f in "$TMP"/*.xlsx; do
    soffice --headless -env:UserInstallation="file://$TMP/profile" \
        --convert-to "$FILTER" --outdir "$TMP/csv" "$f" >/dev/null 2>&1
done

python3 - "$TMP" <<'PY'
import csv, glob, json, os, sys, datetime
tmp = sys.argv[1]
failures, checked = [], {"numbers": 0, "dates": 0, "percents": 0}

def rows(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.reader(f))

def table(rows, first_header):
    """The rows under the header row that starts with `first_header`."""
    for i, r in enumerate(rows):
        if r and r[0] == first_header:
            return r, rows[i + 1:]
    raise SystemExit(f"no header row starting with {first_header!r}")

def number(text, want, where):
    try:
        ok = abs(float(text) - want) <= 1e-9 * max(1, abs(want))
    except ValueError:
        ok = False
    if not ok:
        failures.append(f"{where}: {text!r} is not the number {want}")
    checked["numbers"] += 1

def date(text, want, where, lang):
    # LibreOffice's en-US form of a date value: M/D/YYYY. The vi workbooks
    # show dd/mm/yyyy, which only a date value comes out of as M/D/YYYY;
    # the en ones show ISO dates, which LibreOffice keeps as they are (the
    # same writer: the vi run is what proves them date cells).
    try:
        ok = datetime.datetime.strptime(text, "%m/%d/%Y").date() == datetime.date.fromisoformat(want)
    except ValueError:
        ok = lang == "en" and text == want
    if not ok:
        failures.append(f"{where}: {text!r} is not the date {want} as a date value")
    checked["dates"] += 1

def percent(text, want, where):
    try:
        ok = text.endswith("%") and abs(float(text[:-1]) - want) < 0.05 + 1e-9
    except ValueError:
        ok = False
    if not ok:
        failures.append(f"{where}: {text!r} is not the percentage {want:.1f}%")
    checked["percents"] += 1

log = json.load(open(f"{tmp}/log.json"))
report = json.load(open(f"{tmp}/report.json"))
LABELS = (
    ("vi", "Mã số", "Nhóm", "Mã", "Chỉ tiêu", "Kỳ", "STT"),
    ("en", "Entry", "Group", "Id", "Indicator", "Period", "No."),
)
for lang, entry_h, period_h, head_id, head_ind, head_period, stt_h in LABELS:
    # The log: id, value and reported date of every entry.
    (sheet,) = glob.glob(f"{tmp}/csv/log-{lang}*.csv")
    head, body = table(rows(sheet), entry_h)
    by_id = {r[0]: r for r in body}
    for e in log:
        r = by_id.get(str(e["id"]))
        if r is None:
            failures.append(f"log-{lang}: entry {e['id']} missing")
            continue
        where = f"log-{lang}.xlsx entry {e['id']}"
        number(r[0], e["id"], where + " id")
        if e["value"] is not None:
            number(r[4], e["value"], where + " value")
        date(r[6], e["date"], where + " date", lang)
    # The periods sheet: value, reported and due date of each period.
    (sheet,) = [
        p for p in glob.glob(f"{tmp}/csv/report-{lang}-*.csv")
        if any(r[:4] == [period_h, head_id, head_ind, head_period] for r in rows(p))
    ]
    head, body = table(rows(sheet), period_h)
    periods = [(i, p) for g in report["groups"] for i in g["indicators"] for p in i["periods"]]
    if len(periods) != len(body):
        failures.append(f"report-{lang}: {len(body)} period rows, expected {len(periods)}")
    for (ind, p), r in zip(periods, body):
        where = f"report-{lang}.xlsx periods {ind['id']} {p['period']}"
        if r[1] != ind["id"]:
            failures.append(f"{where}: row holds {r[1]}")
            continue
        if p["value"] is not None:
            number(r[4], p["value"], where + " value")
        if p["reported_on"]:
            date(r[6], p["reported_on"], where + " reported on", lang)
        date(r[7], p["due"], where + " due", lang)
    # Each group's sheet: value and attainment of each indicator.
    for g in report["groups"]:
        # Sheets are named in words (section and short name): the group's
        # is the one listing its indicators' ids.
        ids = [i["id"] for i in g["indicators"]]
        if not ids:
            continue
        (sheet,) = [
            p for p in glob.glob(f"{tmp}/csv/report-{lang}-*.csv")
            if any(r and r[0] == stt_h for r in rows(p))
            and [r[1] for r in table(rows(p), stt_h)[1]] == ids
        ]
        head, body = table(rows(sheet), stt_h)
        for n, (ind, r) in enumerate(zip(g["indicators"], body), 1):
            where = f"report-{lang}.xlsx {g['id']} {ind['id']}"
            number(r[0], n, where + " STT")
            if ind["value"] is not None:
                number(r[4], ind["value"], where + " value")
            if ind["attainment"] is not None:
                percent(r[6], ind["attainment"], where + " attainment")

for f in failures[:30]:
    print("FAIL", f)
total = sum(checked.values())
print(f"check-xlsx: {checked['numbers']} numbers, {checked['dates']} dates, {checked['percents']} percentages checked; {len(failures)} failed")
print(f"{total - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures or total == 0 else 0)
PY

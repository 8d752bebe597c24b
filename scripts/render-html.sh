#!/usr/bin/env bash
# Renders the HTML report of the shipped plan with the illustrative sample
# figures, and turns it into docs/report.png and docs/report.pdf (issue #6).
#
#   scripts/render-html.sh
#
# Builds the release binary, imports seeds/illustrative-figures.csv into a
# temporary ledger (PLAN_TODAY=2026-11-26), writes
# `plan report --year 2026 --as-of 2026-11-26 --format html`, and prints it
# with headless Chromium (installed from Debian with apt-get when missing).
# Set HTML_OUT=path to keep the HTML file too. Nothing is fetched by the
# page itself: it is one self-contained file.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

year=2026
as_of=2026-11-26
export PLAN_TODAY=$as_of

cargo build --release --quiet
# Wherever the user's cargo settings put it (CARGO_TARGET_DIR…).
plan=$(cargo metadata --format-version 1 --no-deps |
    python3 -c "import json,sys; print(json.load(sys.stdin)['target_directory'])")/release/plan

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ledger=$tmp/ledger.db
html=$tmp/report.html

"$plan" --plan plan.toml --ledger "$ledger" import seeds/illustrative-figures.csv
"$plan" --plan plan.toml --ledger "$ledger" report --year "$year" --as-of "$as_of" --format html >"$html"
echo "wrote $(wc -c <"$html") bytes of HTML"
if [[ -n ${HTML_OUT:-} ]]; then
    cp "$html" "$HTML_OUT"
    echo "kept the HTML as $HTML_OUT"
fi

chrome=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chrome ]]; then
    echo "chromium is missing: installing Debian's package" >&2
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y chromium
    else
        sudo apt-get install -y chromium
    fi
    chrome=$(command -v chromium)
fi

# Headless, offline, with a throwaway profile.
flags=(
    --headless --no-sandbox --disable-gpu --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --hide-scrollbars
)

mkdir -p docs
profile=$(mktemp -d)
"$chrome" "${flags[@]}" --user-data-dir="$profile" \
    --screenshot="$root/docs/report.png" --window-size=1200,2400 "file://$html" 2>"$tmp/chromium-png.log" ||
    { cat "$tmp/chromium-png.log" >&2; exit 1; }
rm -rf "$profile"

profile=$(mktemp -d)
"$chrome" "${flags[@]}" --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf="$root/docs/report.pdf" "file://$html" 2>"$tmp/chromium-pdf.log" ||
    { cat "$tmp/chromium-pdf.log" >&2; exit 1; }
rm -rf "$profile"

# Keep the screenshot small (< 1 MB) when pngquant is at hand.
if command -v pngquant >/dev/null; then
    pngquant --force --skip-if-larger --quality=70-95 --output docs/report.png docs/report.png || true
fi

ls -l docs/report.png docs/report.pdf

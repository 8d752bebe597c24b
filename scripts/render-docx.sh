#!/usr/bin/env bash
# Renders the báo cáo (`plan report --format docx`) of the shipped plan over
# the ILLUSTRATIVE sample figures, converts it to PDF with LibreOffice
# headless and its pages to PNG with pdftoppm (issues #15, #23):
#
#   scripts/render-docx.sh                      # the 6-month review of 2026
#   REVIEW="--year 2026" scripts/render-docx.sh
#
# Writes docs/bao-cao.docx and docs/bao-cao.pdf (the review, with the
# example notes seeds/ghi-chu-so-ket.md), docs/bao-cao-trang-1.png (its
# first page) and docs/bao-cao-phu-luc.png (the first appendix page of the
# tổng kết, SPAN, default --years 2026-2030). Installs Debian's libreoffice-writer-nogui and poppler-utils
# when soffice or pdftoppm is missing (waiting for apt's lock if another
# install runs).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

review=${REVIEW:---period 2026-H1}
as_of=${AS_OF:-2026-07-31}
# The sample figures run to 26/11/2026; the review looks only at those
# reported by as_of.
export PLAN_TODAY=2026-11-26

need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if ((${#need[@]})); then
    echo "installing ${need[*]} (Debian packages)" >&2
    sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
        "${need[@]}" fonts-liberation >/dev/null
fi

# `cargo run` finds the binary wherever the user's cargo settings put it.
plan() { cargo run --release --quiet --bin plan -- --plan plan.toml --ledger "$ledger" "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ledger=$tmp/ledger.db

plan import seeds/illustrative-figures.csv >/dev/null
# shellcheck disable=SC2086 # REVIEW is a list of arguments
plan report $review --as-of "$as_of" --format docx --notes seeds/ghi-chu-so-ket.md --output docs/bao-cao.docx
# shellcheck disable=SC2086 # SPAN is a list of arguments
plan report ${SPAN:---years 2026-2030} --format docx --output "$tmp/tong-ket.docx"
echo "wrote docs/bao-cao.docx ($(wc -c <docs/bao-cao.docx) bytes)"

# A private LibreOffice profile: no first-start dialogs, no clash with a
# running instance.
soffice -env:UserInstallation=file://"$tmp"/lo --headless --convert-to pdf --outdir "$tmp" docs/bao-cao.docx "$tmp/tong-ket.docx" >/dev/null
cp "$tmp/bao-cao.pdf" docs/bao-cao.pdf
rm -f docs/bao-cao-*.png
# Page 1 of the review and the tổng kết's first appendix page, for the README.
pages=$(pdfinfo "$tmp/tong-ket.pdf" | awk '/^Pages:/ {print $2}')
appendix=1
for ((n = 1; n <= pages; n++)); do
    if pdftotext -f "$n" -l "$n" "$tmp/tong-ket.pdf" - | grep -q "PHỤ LỤC"; then appendix=$n; break; fi
done
pdftoppm -r 70 -png -f 1 -l 1 -singlefile docs/bao-cao.pdf docs/bao-cao-trang-1
pdftoppm -r 70 -png -f "$appendix" -l "$appendix" -singlefile "$tmp/tong-ket.pdf" docs/bao-cao-phu-luc
echo "wrote docs/bao-cao-trang-1.png and docs/bao-cao-phu-luc.png (page $appendix of the tổng kết)"

#!/usr/bin/env bash
# Remakes tests/fixtures/so-lieu.ods and .xls: the sheet of the workbook unit tests
# (src/import/workbook/tests.rs), built with openpyxl and saved as .ods by
# LibreOffice (installed by scripts/install-libreoffice.sh if missing).
#
#   scripts/make-ods-fixture.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/install-libreoffice.sh"
python3 -c 'import openpyxl' 2>/dev/null || pip install -q openpyxl
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 - "$TMP/so-lieu.xlsx" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "So lieu"
ws["A1"] = "BÁO CÁO SỐ LIỆU QUÝ 3/2027"
ws.append([])
ws.append(["STT", "chi_tieu", "ky", "gia_tri", "ngay", "nguoi_nhap"])
ws.append([1, "doanh_nghiep", "2027-Q3", 104, datetime.date(2027, 10, 8), "Phòng Kinh tế"])
ws["E4"].number_format = "DD/MM/YYYY"
ws.append([2, "ty_le", "2027", 0.102])
ws["D5"].number_format = "0.0%"
ws.append([3, "thu_ns", "2027", "1.234,5"])
ws["D6"].data_type = "s"
ws.append([4, "thu_ktn", "2027", "=D4*2"])
wb.save(sys.argv[1])
PY
soffice --headless -env:UserInstallation="file://$TMP/profile" \
    --convert-to ods --outdir "$TMP" "$TMP/so-lieu.xlsx" >/dev/null
soffice --headless -env:UserInstallation="file://$TMP/profile" \
    --convert-to xls --outdir "$TMP" "$TMP/so-lieu.xlsx" >/dev/null
cp "$TMP/so-lieu.ods" "$TMP/so-lieu.xls" "$ROOT/tests/fixtures/"
echo "wrote tests/fixtures/so-lieu.ods and so-lieu.xls"

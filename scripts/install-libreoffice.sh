#!/usr/bin/env bash
# Installs LibreOffice Calc without a GUI (Debian's libreoffice-calc-nogui)
# when `soffice` is missing. Used by scripts/check-xlsx.sh and to remake the
# .ods test fixture (scripts/make-ods-fixture.sh). Needs root (apt-get).
#
#   scripts/install-libreoffice.sh
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
    exit 0
fi
echo "installing libreoffice-calc-nogui (a few minutes)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >&2
command -v soffice >/dev/null

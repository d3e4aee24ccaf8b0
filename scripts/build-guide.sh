#!/usr/bin/env bash
# Builds the user guide, resources/guide/user-guide-en.pdf and user-guide-ko.pdf, from guide/<lang>/*.md with the
# screenshots of the screen tour (`main.py screenshots`) taken from a fresh demo database in each language.
#
#   bash scripts/build-guide.sh             # fails, naming them, if any screenshot is missing
#   bash scripts/build-guide.sh --draft     # missing screenshots are marked "[screenshot: NAME]" instead
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
PY=.venv/bin/python
draft=()
if [[ "${1:-}" == "--draft" ]]; then draft=(--draft); fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TRIALDESK_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen

if $PY main.py screenshots --help >/dev/null 2>&1; then
    $PY main.py demo --db "$work/demo.sqlite3" >/dev/null
    for lang in en ko; do
        $PY main.py screenshots --db "$work/demo.sqlite3" --out "$work/tour-$lang" --size 1366x768 --lang "$lang"
        $PY -m guide.build --lang "$lang" --tour "$work/tour-$lang" "${draft[@]}"
    done
else
    echo "build-guide: this TrialDesk has no screen tour (main.py screenshots)." >&2
    $PY -m guide.build --lang all "${draft[@]}"
fi

#!/usr/bin/env bash
# Builds the one-folder executable dist/TrialDesk/ from pyinstaller.spec and prints its size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/pyinstaller --noconfirm --clean pyinstaller.spec
du -sh dist/TrialDesk

#!/usr/bin/env bash
# Sets up (see setup.sh) and starts TrialDesk on the default database in the user's data folder.
# Extra arguments go to main.py, e.g. `--demo` or `--db FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"

#!/usr/bin/env bash
# Brings the Korean catalogue up to date with the sources: pyside6-lupdate (vanished messages dropped) into
# resources/i18n/trialdesk_ko.ts, pyside6-lrelease into trialdesk_ko.qm, then prints the counts
# (messages, translated, unfinished, vanished). Unfinished messages need a translator (Qt Linguist:
# .venv/bin/pyside6-linguist resources/i18n/trialdesk_ko.ts), then run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "${PYTHON:-.venv/bin/python}" scripts/translations.py update

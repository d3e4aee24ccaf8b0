"""Keeps the Korean catalogue current: pyside6-lupdate over the sources into resources/i18n/trialdesk_ko.ts,
pyside6-lrelease into trialdesk_ko.qm, and the counts (messages, translated, unfinished, vanished).

    python scripts/translations.py update      # lupdate (dropping vanished messages) + lrelease + counts
    python scripts/translations.py counts      # the counts of the .ts as it is

What lupdate reads: every .py under ui/, reports/ and commands/, main.py, and resources/i18n/data_labels.py,
which this script writes from the label tables in DATA_LABEL_TABLES (texts the code translates through a
variable, e.g. `tr(ROLE_LABELS[role])`, which lupdate cannot see). Module helpers `_tr("...")` are read as `tr`.
A new message whose source text is already translated in another context, or was translated in a message that
has just vanished (a text moved from a `tr("...")` call into a label table), gets that translation (the run-time
lookup is by source text too: translation.Catalog); the others stay unfinished for a translator.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = Path("resources") / "i18n"
TS_FILE = I18N / "trialdesk_ko.ts"
QM_FILE = I18N / "trialdesk_ko.qm"
DATA_LABELS_FILE = I18N / "data_labels.py"
SOURCE_DIRS = ("ui", "reports", "commands", "models")
SOURCE_FILES = ("main.py",)
DATA_LABELS_CONTEXT = "data labels"
# Tables whose texts are translated through a variable: every string value (or string in a tuple) is extracted;
# "[i]" takes item i of each entry only (SECTIONS holds (key, title) pairs).
DATA_LABEL_TABLES = (
    "models.security:ROLE_LABELS",
    "endpoints.record_checks:_REQUIRED_MESSAGE",
    "ui.entry.notices:ROLE_WORDS",
    "ui.entry.field_notes:QUERY_WORDS",
    "models.signatures:MEANINGS",
    "models.concurrency:NOUNS",
    "ui.logs.medications:AGENT_LABELS",
    "ui.logs.medications:INDICATION_LABELS",
    "ui.logs.outcomes:EVENT_LABELS",
    "ui.logs.outcomes:ORGAN_LABELS",
    "ui.logs.outcomes:HOSPITAL_LABELS",
    "ui.logs.outcomes:RRT_LABELS",
    "ui.logs.adverse_events:GRADE_LABELS",
    "ui.logs.adverse_events:RELATEDNESS_LABELS",
    "ui.logs.adverse_events:ACTION_LABELS",
    "ui.logs.adverse_events:OUTCOME_LABELS",
    "ui.logs.steroids:ROUTE_LABELS",
    "ui.schedule.tab:COLUMNS",
    "ui.subjects.list_page:COLUMNS",
    "ui.trust.audit_viewer:_TITLES",
    "ui.shell.main_window:SECTIONS[1]",
    "ui.schedule.infusion:VITALS[1]",
    "ui.entry.sections.widgets:ROW_KEYS_HELP",
    "reports.labels:VISIT_NAMES",
    "reports.labels:LABS[0]",
    "reports.labels:SUBGROUP_NAMES",
    "reports.labels:SUBJECT_STATUS",
    "reports.labels:ENDPOINT_NAMES",
    "reports.labels:COMPONENT_NAMES",
    "reports.labels:STATUS_TEXT",
    "reports.labels:SLEDAI_NAMES",
    "reports.labels:CAST_NAMES",
    "reports.labels:SFI_ORGAN_NAMES",
    "reports.labels:LLDAS_SHORT",
    "reports.labels:LLDAS_QUESTION_TEXT",
    "reports.labels:BILAG_NAMES",
    "reports.form_labels:FORM_NAMES",
    "reports.form_labels:VISIT_FIELDS",
    "reports.form_labels:SFI_QUESTIONS",
    "reports.form_labels:LAB_PARTS",
    "reports.form_labels:INFUSION_VITALS",
    "reports.form_labels:INFUSION_TIMES",
    "reports.form_labels:FORM_FIELDS",
    "reports.form_labels:LOG_FIELDS",
    "reports.form_labels:LOG_HEADERS",
    "reports.subject_sections:LADDER_WORDS",
    "reports.subject_sections:ADMINISTRATION_HEADERS",
    "reports.subject_sections:SCHEDULE_DATES",
    "reports.subject_sections:INFUSION_2_ANCHORS",
    "reports.subject_pdf:SECTIONS[1]",
    "reports.blank_crf:LAB_SECTIONS[0]",
    "reports.casebook_sections:GROUPS[1]",
    "reports.casebook_sections:AUDIT_HEADERS",
    "reports.casebook_sections:DITTO",
    "reports.casebook_sections:LOCK_SCOPES",
    "reports.marks:QUERY_STATUS",
    "reports.blank_crf:NOT_REQUIRED",
    "reports.blank_crf:TICK_WORDS",
    "reports.blank_crf:OPTIONAL",
    "reports.schedule_sheet:SHEET_STATUS",
    "reports.schedule_sheet:COMPLETION",
)


@dataclass(frozen=True)
class Counts:
    """Message counts of a .ts file (vanished/obsolete messages are not in `total`)."""

    total: int
    translated: int
    unfinished: int
    vanished: int

    def __str__(self) -> str:
        return (f"{self.total} messages: {self.translated} translated, {self.unfinished} unfinished, "
                f"{self.vanished} vanished")


def tool(name: str) -> str:
    """The path of a PySide6 tool (pyside6-lupdate, pyside6-lrelease) next to this Python, else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def table_texts(spec: str) -> list[str]:
    """The strings of one label table "module:attribute" (dict values, tuple/list items, nested), or of item i
    of each entry with "module:attribute[i]"."""
    module_name, attribute = spec.split(":")
    attribute, _, item = attribute.partition("[")
    table = getattr(importlib.import_module(module_name), attribute, ())
    if item:
        entries = table.values() if isinstance(table, dict) else table
        table = [entry[int(item.rstrip("]"))] for entry in entries]
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    walk(table)
    return texts


def data_labels_source() -> str:
    """The text of resources/i18n/data_labels.py (imports the tables from the sources of this checkout)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    lines = [
        '"""Texts the code translates through a variable, listed for pyside6-lupdate; written by',
        'scripts/translations.py from its DATA_LABEL_TABLES (never imported)."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
    ]
    seen: set[str] = set()
    for spec in DATA_LABEL_TABLES:
        lines.append(f"# {spec}")
        for text in table_texts(spec):
            if text.strip() and text not in seen:
                seen.add(text)
                line = f"QT_TRANSLATE_NOOP({DATA_LABELS_CONTEXT!r}, {text!r})"
                lines.append(line + "  # noqa: E501" if len(line) > 120 else line)
    return "\n".join(lines) + "\n"


def source_files(root: Path) -> list[str]:
    """The files lupdate reads, relative to `root`."""
    files = [str(path.relative_to(root)) for folder in SOURCE_DIRS for path in sorted((root / folder).rglob("*.py"))]
    return files + [name for name in SOURCE_FILES if (root / name).is_file()] + [str(DATA_LABELS_FILE)]


def run_lupdate(root: Path, drop_vanished: bool) -> str:
    """Run pyside6-lupdate in `root` (after writing data_labels.py there); return its output."""
    (root / DATA_LABELS_FILE).write_text(data_labels_source(), encoding="utf-8")
    command = [tool("pyside6-lupdate"), "-locations", "relative", "-tr-function-alias", "tr+=_tr",
               "-target-language", "ko_KR", *source_files(root), "-ts", str(TS_FILE)]
    if drop_vanished:
        command.insert(1, "-no-obsolete")
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def run_lrelease(root: Path, qm: Path | None = None) -> str:
    done = subprocess.run([tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(qm or QM_FILE)], cwd=root,
                          capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def _messages(tree: ET.ElementTree) -> list[ET.Element]:
    return list(tree.getroot().iter("message"))


def _is_vanished(translation: ET.Element | None) -> bool:
    return translation is not None and translation.get("type") in ("vanished", "obsolete")


def _text_of(translation: ET.Element) -> str:
    forms = translation.findall("numerusform")
    return forms[0].text or "" if forms else translation.text or ""


def counts(ts: Path) -> Counts:
    """Count the messages of a .ts file."""
    total = translated = unfinished = vanished = 0
    for message in _messages(ET.parse(ts)):
        translation = message.find("translation")
        if _is_vanished(translation):
            vanished += 1
            continue
        total += 1
        if translation is None or translation.get("type") == "unfinished" or not _text_of(translation):
            unfinished += 1
        else:
            translated += 1
    return Counts(total, translated, unfinished, vanished)


def fill_from_same_source(ts: Path) -> int:
    """Give unfinished messages the translation of the same source text in another context (a current message's
    first, else a vanished one's); return how many."""
    tree = ET.parse(ts)
    known: dict[tuple[str, str], ET.Element] = {}
    for donors in ((None,), ("vanished", "obsolete")):
        for message in _messages(tree):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in donors and _text_of(translation):
                known.setdefault(_key(message), translation)
    filled = 0
    for message in _messages(tree):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished" or _key(message) not in known:
            continue
        source = known[_key(message)]
        forms = source.findall("numerusform")
        if bool(forms) != bool(translation.findall("numerusform")):
            continue
        if forms:
            for target, form in zip(translation.findall("numerusform"), forms, strict=False):
                target.text = form.text
        else:
            translation.text = source.text
        del translation.attrib["type"]
        filled += 1
    if filled:
        write_ts(tree, ts)
    return filled


def _key(message: ET.Element) -> tuple[str, str]:
    return (message.findtext("source") or "", message.findtext("comment") or "")


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    """Write a .ts the way lupdate does (declaration, doctype), so that the next lupdate run changes little."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update(root: Path = ROOT) -> Counts:
    """lupdate (vanished messages kept as donors), fill from the same source text, lupdate again dropping the
    vanished messages, lrelease; return the counts."""
    run_lupdate(root, drop_vanished=False)
    fill_from_same_source(root / TS_FILE)
    run_lupdate(root, drop_vanished=True)
    run_lrelease(root)
    return counts(root / TS_FILE)


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        print(update())
        return 0
    if argv[:1] == ["counts"]:
        print(counts(ROOT / TS_FILE))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Importing a laboratory export: read the rows, preview each row's fate, apply the accepted rows.

The API a dialog (or the command line) calls, without Qt:

    mapping = load_mapping(Path("lab.toml"))                   # exchange.lab_mapping
    rows = read_lab_file(Path("export.xlsx"), mapping)         # LabFileError: unreadable file or missing column
    preview = preview_labs(db, rows, mapping)                  # one RowFate per row, in file order
    preview.counts()                                           # {fate: number of rows}
    choices = {row.line: OVERWRITE for row in preview.rows if row.fate == CONFLICT and ...}
    written = apply_labs(db, preview, choices, user=actor, reason="lab import 2026-11-30")

Fates (`FATES`, in the order they are decided): unknown subject (neither a screening number nor a subject ID),
unreadable (a date or a value that is not one), unknown test, unknown unit (not mapped, or not a unit of that
test), implausible (the forms' hard edit check), no visit (no performed visit on that date or around it in its
window: an unscheduled visit can be created), duplicate (an earlier row of the file has the same subject, visit
and test), same as entered, conflict (a different value was entered), new value.

A row's visit: the subject's performed visit on the collection date, else the performed scheduled visit whose window
(endpoints.schedule, from the actual infusion dates) holds the date, the nearest first. A value outside the forms'
soft limits keeps its fate and carries the warning (`unusual`); applying it records the confirmation, as the visit
form does, and each visit's entry status is brought up to date. Applying writes the new values, plus the conflicts
the caller chose to overwrite (OVERWRITE) and the no-visit rows it chose to put into a new unscheduled visit
(NEW_VISIT), in one audited transaction (models.exchange_store). A conflict is never overwritten without its own
choice. Applying needs a reason, recorded with every change.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from endpoints import edit_checks, units
from endpoints.schedule import effective_i2_day, visit_date_window
from exchange.lab_mapping import COLUMN_ROLES, LabMapping
from models import exchange_store as store
from models.database import Database
from models.errors import ReasonRequired
from models.security import Actor

UNKNOWN_SUBJECT = "unknown_subject"
UNREADABLE = "unreadable"
UNKNOWN_TEST = "unknown_test"
UNKNOWN_UNIT = "unknown_unit"
IMPLAUSIBLE = "implausible"
NO_VISIT = "no_visit"
DUPLICATE = "duplicate"
SAME = "same"
CONFLICT = "conflict"
NEW = "new"
FATES: dict[str, str] = {
    NEW: "new value", SAME: "same as entered", CONFLICT: "conflicts with the entered value",
    NO_VISIT: "no visit on that date", UNKNOWN_TEST: "unknown test", UNKNOWN_UNIT: "unknown unit",
    IMPLAUSIBLE: "implausible", DUPLICATE: "duplicate row", UNREADABLE: "unreadable",
    UNKNOWN_SUBJECT: "unknown subject",
}
# What the caller may choose for a row (`apply_labs` choices): overwrite a conflict, put a no-visit row into a
# new unscheduled visit, or leave a new value out.
OVERWRITE = "overwrite"
NEW_VISIT = "new_unscheduled_visit"
SKIP = "skip"


class LabFileError(ValueError):
    """The laboratory file cannot be read or lacks a mapped column; the message says which."""


@dataclass(frozen=True)
class LabRow:
    """One row of the export as text: `line` is its row number in the file (the header is row 1)."""

    line: int
    subject: str
    collected: str
    test: str
    value: str
    unit: str


@dataclass(frozen=True)
class RowFate:
    """What importing one row would do, and why (`message`, one plain sentence)."""

    row: LabRow
    fate: str
    message: str
    subject_id: str | None = None
    collected: date | None = None
    key: str | None = None
    value_text: str | None = None  # the value as a decimal text (comma read as point)
    unit_code: str | None = None
    canonical: float | None = None
    visit_id: int | None = None
    visit_code: str | None = None
    entered: str | None = None  # the value already entered, as typed ("12.1 g/dL"), for same and conflict
    unusual: str | None = None  # the soft edit check's message (outside the usual range; confirmed on applying)

    @property
    def line(self) -> int:
        return self.row.line


@dataclass(frozen=True)
class LabPreview:
    rows: tuple[RowFate, ...]

    def counts(self) -> dict[str, int]:
        """Number of rows per fate (every fate present, zero when none)."""
        out = dict.fromkeys(FATES, 0)
        for row in self.rows:
            out[row.fate] += 1
        return out


# ---------------------------------------------------------------------------------------------------------------
# Reading the file


def read_lab_file(path: Path, mapping: LabMapping) -> list[LabRow]:
    """The rows of a CSV or XLSX export, as texts, by the mapping's column names."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = _xlsx_rows(path, mapping)
    elif suffix in (".csv", ".txt"):
        table = _csv_rows(path, mapping)
    else:
        raise LabFileError(f"{path}: only .csv and .xlsx laboratory exports can be read.")
    if not table:
        raise LabFileError(f"{path} is empty.")
    header = [_cell(h) for h in table[0]]
    positions = {}
    for role in COLUMN_ROLES:
        name = mapping.columns[role]
        if name not in header:
            raise LabFileError(f"{path} has no column {name!r} (the mapping's {role} column); its columns are "
                               f"{', '.join(repr(h) for h in header if h)}.")
        positions[role] = header.index(name)
    out = []
    for line, cells in enumerate(table[1:], 2):
        texts = {role: _cell(cells[i]) if i < len(cells) else "" for role, i in positions.items()}
        if any(texts.values()):
            out.append(LabRow(line, **texts))
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(path: Path, mapping: LabMapping) -> list[list[Any]]:
    try:
        with path.open(encoding=mapping.encoding, newline="") as fh:
            return list(csv.reader(fh))
    except UnicodeDecodeError:
        raise LabFileError(f"{path} is not text in {mapping.encoding} (set [laboratory] encoding in the "
                           "mapping, e.g. \"cp949\" for a Korean Excel CSV).") from None
    except (OSError, csv.Error) as exc:
        raise LabFileError(f"{path} cannot be read ({exc}).") from None


def _xlsx_rows(path: Path, mapping: LabMapping) -> list[list[Any]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError) as exc:
        raise LabFileError(f"{path} cannot be read as an Excel workbook ({exc}).") from None
    try:
        if mapping.sheet is not None and mapping.sheet not in book.sheetnames:
            raise LabFileError(f"{path} has no sheet {mapping.sheet!r} (it has {', '.join(book.sheetnames)}).")
        sheet = book[mapping.sheet] if mapping.sheet is not None else book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


# ---------------------------------------------------------------------------------------------------------------
# Preview


@dataclass
class _Visit:
    visit_id: int
    code: str
    date: date
    labs: dict[str, dict[str, Any]]
    window: tuple[date, date] | None = None


@dataclass
class _Subject:
    subject_id: str
    visits: list[_Visit] = field(default_factory=list)


def _parse_date(text: str, formats: Sequence[str]) -> date | None:
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _number_text(text: str) -> str:
    """The result as typed, with a decimal comma read as a point ("3,9" -> "3.9")."""
    return text.replace(",", ".").replace(" ", "")


def _decimal(text: str) -> Decimal | None:
    try:
        number = Decimal(_number_text(text))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _subjects(db: Database, keys: set[str]) -> dict[str, _Subject]:
    """The file's subjects by ID and by screening number, with their performed visits and windows."""
    params = db.config.params
    out: dict[str, _Subject] = {}
    for chunk in store.iter_subject_rows(db, store.subjects_by_key(db, keys), chunk_size=500):
        for rows in chunk:
            subject = _Subject(rows.subject["subject_id"])
            given = {i["number"]: i["date"] for i in rows.logs["infusions"] if i["date"] is not None}
            day0 = given.get(1)
            i2_day = effective_i2_day((given[2] - day0).days if day0 and 2 in given else None, params)
            for visit in rows.visits:
                row = visit.row
                if row["missed"] or row["date"] is None:
                    continue
                window = None
                if day0 is not None and row["code"] != "UNS":
                    w = visit_date_window(row["code"], day0, i2_day, params)
                    window = (w.earliest, w.latest)
                labs = {lab["key"]: lab for lab in visit.logs.get("lab_values", [])}
                subject.visits.append(_Visit(row["id"], row["code"], row["date"], labs, window))
            out[subject.subject_id] = subject
            if rows.subject["screening_number"]:
                out[rows.subject["screening_number"]] = subject
    return out


def _visit_for(subject: _Subject, when: date) -> _Visit | None:
    on_day = [v for v in subject.visits if v.date == when]
    if on_day:
        return on_day[0]
    around = [v for v in subject.visits if v.window is not None and v.window[0] <= when <= v.window[1]]
    return min(around, key=lambda v: abs((v.date - when).days)) if around else None


def preview_labs(db: Database, rows: Iterable[LabRow], mapping: LabMapping) -> LabPreview:
    """Each row's fate against the database, in file order (nothing is written)."""
    rows = list(rows)
    subjects = _subjects(db, {row.subject for row in rows if row.subject})
    seen: set[tuple[str, int | date, str]] = set()
    return LabPreview(tuple(_fate(row, subjects, mapping, seen) for row in rows))


def _fate(row: LabRow, subjects: Mapping[str, _Subject], mapping: LabMapping,
          seen: set[tuple[str, int | date, str]]) -> RowFate:
    subject = subjects.get(row.subject)
    if subject is None:
        return RowFate(row, UNKNOWN_SUBJECT, f"{row.subject!r} is neither a screening number nor a subject ID.")
    collected = _parse_date(row.collected, mapping.date_formats)
    if collected is None:
        return RowFate(row, UNREADABLE, f"The collection date {row.collected!r} is not a date "
                                        f"({' or '.join(mapping.date_formats)}).", subject.subject_id)
    number = _decimal(row.value)
    if number is None:
        return RowFate(row, UNREADABLE, f"The result {row.value!r} is not a number.", subject.subject_id, collected)
    base = {"subject_id": subject.subject_id, "collected": collected}
    key = mapping.tests.get(row.test)
    if key is None:
        return RowFate(row, UNKNOWN_TEST, f"The test {row.test!r} is not in the mapping file.", **base)
    value_text = _number_text(row.value)
    base |= {"key": key, "value_text": value_text}
    code = mapping.units.get(row.unit)
    if code is None or code not in {u.code for u in units.units_for(key)}:
        what = "is not in the mapping file" if code is None else f"({code}) is not a unit of {key}"
        return RowFate(row, UNKNOWN_UNIT, f"The unit {row.unit!r} {what}.", **base)
    canonical = units.to_canonical(key, number, code)
    base |= {"unit_code": code, "canonical": canonical}
    check = edit_checks.check_value(key, canonical)
    if check is not None and check.level == edit_checks.HARD:
        return RowFate(row, IMPLAUSIBLE, check.message, **base)
    if check is not None:
        base["unusual"] = check.message
    visit = _visit_for(subject, collected)
    if visit is None:
        duplicate_key = (subject.subject_id, collected, key)
        if duplicate_key in seen:
            return RowFate(row, DUPLICATE, "An earlier row has the same subject, date and test.", **base)
        seen.add(duplicate_key)
        return RowFate(row, NO_VISIT, f"{subject.subject_id} has no visit on {collected.isoformat()} or around it; "
                                      "an unscheduled visit on that date can be created.", **base)
    base |= {"visit_id": visit.visit_id, "visit_code": visit.code}
    if (subject.subject_id, visit.visit_id, key) in seen:
        return RowFate(row, DUPLICATE, f"An earlier row has the same subject, visit ({visit.code}) and test.", **base)
    seen.add((subject.subject_id, visit.visit_id, key))
    entered = visit.labs.get(key)
    if entered is None or entered["canonical_value"] is None:
        return RowFate(row, NEW, f"New value for {visit.code} ({visit.date.isoformat()}).", **base)
    as_typed = f"{entered['original_value']} {entered['original_unit'] or ''}".strip()
    if entered["canonical_value"] == canonical:
        return RowFate(row, SAME, f"{visit.code} already has {as_typed}.", entered=as_typed, **base)
    return RowFate(row, CONFLICT, f"{visit.code} has {as_typed}; the file says {value_text} {code}.",
                   entered=as_typed, **base)


# ---------------------------------------------------------------------------------------------------------------
# Applying


def accepted(preview: LabPreview, choices: Mapping[int, str]) -> list[RowFate]:
    """The rows that applying would write: new values not skipped, conflicts chosen OVERWRITE, no-visit rows
    chosen NEW_VISIT."""
    out = []
    for row in preview.rows:
        choice = choices.get(row.line)
        if (row.fate == NEW and choice != SKIP) or (row.fate == CONFLICT and choice == OVERWRITE) or (
                row.fate == NO_VISIT and choice == NEW_VISIT):
            out.append(row)
    return out


def apply_labs(db: Database, preview: LabPreview, choices: Mapping[int, str], *, user: Actor | str,
               reason: str | None) -> int:
    """Write the accepted rows in one audited transaction with `reason` (it also covers the entry status of the
    visits the values complete and any conflict overwritten); returns how many values were written.

    ReasonRequired, before anything is written, when the reason is empty.
    """
    rows = accepted(preview, choices)
    reason = reason.strip() if reason and reason.strip() else None
    if reason is None:
        raise ReasonRequired("Importing lab results needs a reason (e.g. the laboratory report it comes from).")
    if not rows:
        return 0
    writes = [store.LabWrite(row.subject_id, row.visit_id, row.collected, row.key, row.value_text, row.unit_code,
                             row.canonical, row.unusual) for row in rows]
    return store.write_lab_values(db, writes, user=user, reason=reason)

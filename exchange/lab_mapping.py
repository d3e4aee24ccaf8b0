"""A laboratory's mapping file (TOML): which columns hold what, test names or codes -> lab keys, unit texts -> units.

    mapping = load_mapping(Path("hanyang.toml"))        # MappingError with a plain message when it is wrong

    [laboratory]
    name = "Hanyang University Hospital, laboratory medicine"
    encoding = "cp949"                  # of a CSV export (default utf-8-sig); XLSX needs none
    sheet = "Results"                   # of an XLSX export (default: the first sheet)
    date_formats = ["%Y-%m-%d", "%Y%m%d", "%Y.%m.%d"]   # how the collection date is written (default: these)

    [columns]                           # the export's header texts
    subject = "등록번호"                 # screening number or subject ID
    collected = "채취일"
    test = "검사명"
    value = "결과"
    unit = "단위"

    [tests]                             # test name or code as in the export -> lab key (endpoints.vocab)
    "혈색소" = "hemoglobin_g_dl"
    [units]                             # unit text as in the export -> unit code (endpoints.units)
    "x10^3/uL" = "10^3/uL"

Test and unit texts are matched after trimming spaces; Hangul is welcome. Only numeric lab keys can be mapped.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from endpoints import units, vocab

COLUMN_ROLES = ("subject", "collected", "test", "value", "unit")
DEFAULT_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%Y.%m.%d", "%Y/%m/%d")
UNIT_CODES = frozenset(u.code for key in vocab.NUMERIC_LAB_KEYS for u in units.units_for(key))


class MappingError(ValueError):
    """The mapping file is unreadable or inconsistent; the message names the key."""


@dataclass(frozen=True)
class LabMapping:
    name: str
    columns: dict[str, str]
    tests: dict[str, str]
    units: dict[str, str]
    encoding: str = "utf-8-sig"
    sheet: str | None = None
    date_formats: tuple[str, ...] = DEFAULT_DATE_FORMATS
    source: str = field(default="", compare=False)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MappingError(f"{where} must be a non-empty text.")
    return value.strip()


def _table(data: dict[str, Any], name: str, source: str) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise MappingError(f"{source}: [{name}] must be a table.")
    return table


def parse_mapping(text: str, source: str = "mapping") -> LabMapping:
    """The mapping of a TOML text (MappingError when wrong)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"{source} is not valid TOML ({exc}).") from None
    unknown = sorted(set(data) - {"laboratory", "columns", "tests", "units"})
    if unknown:
        raise MappingError(f"{source}: unknown table [{unknown[0]}] (expected laboratory, columns, tests, units).")
    lab = _table(data, "laboratory", source)
    columns = _table(data, "columns", source)
    missing = [role for role in COLUMN_ROLES if role not in columns]
    if missing:
        raise MappingError(f"{source}: [columns] needs {', '.join(missing)} (the export's header text of each).")
    extra = sorted(set(columns) - set(COLUMN_ROLES))
    if extra:
        raise MappingError(f"{source}: [columns] {extra[0]} is unknown (expected {', '.join(COLUMN_ROLES)}).")
    tests = {_text(name, f"{source}: a test name"): _text(key, f"{source}: [tests] {name!r}")
             for name, key in _table(data, "tests", source).items()}
    for name, key in tests.items():
        if key not in vocab.NUMERIC_LAB_KEYS:
            raise MappingError(f"{source}: [tests] {name!r} = {key!r} is not a numeric lab key "
                               f"({', '.join(vocab.NUMERIC_LAB_KEYS)}).")
    unit_map = {_text(name, f"{source}: a unit text"): _text(code, f"{source}: [units] {name!r}")
                for name, code in _table(data, "units", source).items()}
    for name, code in unit_map.items():
        if code not in UNIT_CODES:
            raise MappingError(f"{source}: [units] {name!r} = {code!r} is not a unit code "
                               f"({', '.join(sorted(UNIT_CODES))}).")
    formats = lab.get("date_formats", list(DEFAULT_DATE_FORMATS))
    if not isinstance(formats, list) or not formats or not all(isinstance(f, str) for f in formats):
        raise MappingError(f"{source}: [laboratory] date_formats must be a list of texts like \"%Y-%m-%d\".")
    return LabMapping(
        name=str(lab.get("name", source)), columns={role: _text(columns[role], f"{source}: [columns] {role}")
                                                    for role in COLUMN_ROLES},
        tests=tests, units=unit_map, encoding=str(lab.get("encoding", "utf-8-sig")),
        sheet=lab.get("sheet"), date_formats=tuple(formats), source=source,
    )


def load_mapping(path: Path) -> LabMapping:
    """The mapping file at `path` (MappingError when unreadable or wrong)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"{path} cannot be read as UTF-8 text ({exc}).") from None
    return parse_mapping(text, str(path))

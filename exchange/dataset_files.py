"""The analysis tables (exchange.datasets) as files in a folder: CSV, XLSX, SAS XPT version 5, Dataset-JSON 1.1.

    paths = write_datasets(tables, Path("out"), "csv")      # one file per table (xlsx: one workbook)

CSV is UTF-8 with a byte-order mark so that Excel shows Hangul; XLSX goes through pandas and openpyxl, one sheet
per table; XPT version 5 through pyreadstat, with the 8-character SAS names and labels cut to 40 characters
(dates as SAS dates with the DATE format, booleans as 1/0, texts cut to XPT's 200 bytes); Dataset-JSON 1.1 has
one file per table, with the ODM item OIDs of exchange.catalogue. Each file is written under a temporary name
and moved into place when complete.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from exchange import catalogue as cat
from exchange.atomic import written_in_place
from exchange.datasets import Dataset
from exchange.values import to_text

FORMATS = ("csv", "xlsx", "xpt", "dataset-json")
XLSX_NAME = "trialdesk-datasets.xlsx"
XPT_LABEL = 40
XPT_TEXT_BYTES = 200
JSON_TYPES = {"text": "string", "integer": "integer", "float": "double", "date": "date", "boolean": "boolean"}


def write_datasets(tables: Sequence[Dataset], folder: Path, fmt: str, *, source: dict[str, str] | None = None,
                   now: datetime | None = None) -> list[Path]:
    """Write the tables in `fmt` (one of FORMATS) into `folder` (created if missing); returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [_write_xlsx(tables, folder / XLSX_NAME)]
    writer = {"csv": _write_csv, "xpt": _write_xpt}.get(fmt)
    now = now or datetime.now(UTC)
    out = []
    for table in tables:
        if writer is not None:
            out.append(writer(table, folder / f"{table.name.lower()}.{fmt}"))
        else:
            out.append(_write_json(table, folder / f"{table.name.lower()}.json", source or {}, now))
    return out


def _write_csv(table: Dataset, path: Path) -> Path:
    types = [c.data_type for c in table.columns]
    with written_in_place(path) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([c.name for c in table.columns])
        for row in table.rows:
            writer.writerow([to_text(value, kind) for value, kind in zip(row, types, strict=True)])
    return path


def _frame(table: Dataset, names: Sequence[str]) -> Any:
    import pandas as pd

    frame = pd.DataFrame(table.rows, columns=list(names), dtype=object)
    for column, name in zip(table.columns, names, strict=True):
        if column.data_type in ("float", "integer"):
            frame[name] = pd.to_numeric(frame[name], errors="raise").astype("float64")
    return frame


def _write_xlsx(tables: Sequence[Dataset], path: Path) -> Path:
    import pandas as pd

    with written_in_place(path) as temporary, pd.ExcelWriter(temporary, engine="openpyxl") as excel:
        for table in tables:
            frame = _frame(table, [c.name for c in table.columns])
            frame.to_excel(excel, sheet_name=table.name, index=False)
    return path


def _xpt_text(value: Any) -> str:
    text = "" if value is None else str(value)
    data = text.encode("utf-8")
    return text if len(data) <= XPT_TEXT_BYTES else data[:XPT_TEXT_BYTES].decode("utf-8", "ignore")


def _write_xpt(table: Dataset, path: Path) -> Path:
    import pyreadstat

    names = [c.sas_name for c in table.columns]
    frame = _frame(table, names)
    for column, name in zip(table.columns, names, strict=True):
        if column.data_type == "boolean":
            frame[name] = frame[name].map({True: 1.0, False: 0.0}).astype("float64")
        elif column.data_type == "text":
            frame[name] = frame[name].map(_xpt_text).astype(object)
    with written_in_place(path) as temporary:
        pyreadstat.write_xport(frame, temporary, file_label=table.label[:XPT_LABEL],
                               column_labels=[c.label[:XPT_LABEL] for c in table.columns], table_name=table.name,
                               file_format_version=5)
    return path


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _write_json(table: Dataset, path: Path, source: dict[str, str], now: datetime) -> Path:
    keys = [c for c in table.columns if c.key]
    columns = []
    for column in table.columns:
        entry: dict[str, Any] = {"itemOID": column.item_oid, "name": column.name, "label": column.label,
                                 "dataType": JSON_TYPES[column.data_type]}
        if column.length:
            entry["length"] = column.length
        if column.key:
            entry["keySequence"] = keys.index(column) + 1
        columns.append(entry)
    document = {
        "datasetJSONCreationDateTime": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "datasetJSONVersion": "1.1.0",
        "fileOID": f"TRIALDESK.{table.name}.{now:%Y%m%dT%H%M%S}",
        "originator": source.get("site", ""),
        "sourceSystem": {"name": "TrialDesk", "version": source.get("version", "")},
        "studyOID": cat.STUDY_OID,
        "metaDataVersionOID": cat.MDV_OID,
        "itemGroupOID": table.oid,
        "records": len(table.rows),
        "name": table.name,
        "label": table.label,
        "columns": columns,
        "rows": [[_json_value(value) for value in row] for row in table.rows],
    }
    with written_in_place(path) as temporary:
        temporary.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path

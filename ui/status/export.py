"""XLSX export of the visit grid and of the operational view (pandas over openpyxl): the grid as one row per
subject with a status column per visit and log (plus one row per cell with its dates, queries and reason), the
operational view as its figures and the lists behind them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from endpoints.visit_ladder import COLUMNS, SubjectStatus
from ui.status.ops_items import Item


def grid_frames(statuses: Iterable[SubjectStatus]) -> dict[str, pd.DataFrame]:
    """"grid": subject, subgroup, subject status, then the ladder status of each column; "cells": one row per
    cell (subject, column, status, date, due, open and answered queries, reason)."""
    wide, long = [], []
    for s in statuses:
        wide.append({"subject": s.subject_id, "subgroup": s.subgroup, "subject_status": s.status,
                     **{c.column: c.status for c in s.cells}})
        long.extend({"subject": s.subject_id, "column": c.column, "status": c.status,
                     "date": c.date.isoformat() if c.date else None, "due": c.due.isoformat() if c.due else None,
                     "open_queries": c.open_queries, "answered_queries": c.answered_queries, "reason": c.reason}
                    for c in s.cells)
    return {"grid": pd.DataFrame(wide, columns=["subject", "subgroup", "subject_status", *COLUMNS]),
            "cells": pd.DataFrame(long, columns=["subject", "column", "status", "date", "due", "open_queries",
                                                 "answered_queries", "reason"])}


def operations_frames(items: Iterable[Item]) -> dict[str, pd.DataFrame]:
    """"figures": group, figure, value; "lists": the rows behind each figure."""
    items = list(items)
    figures = pd.DataFrame([(i.group, i.name, i.value) for i in items], columns=["group", "figure", "value"])
    lists = pd.DataFrame([(i.group, i.name, *row) for i in items for row in i.rows],
                         columns=["group", "figure", "subject", "visit", "detail"])
    return {"figures": figures, "lists": lists}


def write_xlsx(path: Path, frames: dict[str, pd.DataFrame]) -> Path:
    """One workbook, a sheet per frame."""
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in frames.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
    return path

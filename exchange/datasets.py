"""The statisticians' tables: one per form, the derived per-visit scores, the endpoint results, a data dictionary.

    tables = build_datasets(db, as_of)          # list[Dataset], the dictionary last

Every form table (one per item group of exchange.catalogue) starts with the subject, its subgroup and, for visit
forms, the visit code, the visit date and the study day (Day 0 = first infusion); log tables number their rows
(SEQ). Items are in canonical units; the lab table has the canonical values and the "not attributable to SLE"
marks (the value and unit as typed travel in ODM). SCORES has the SLEDAI-2K total, the eGFR (CKD-EPI 2021)
and the daily prednisone-equivalent dose of each visit, ENDPOINT each subject's endpoint results, all from the
one evaluator (endpoints.evaluate). DICT describes every column of every table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from endpoints import sledai
from endpoints.egfr import egfr_on
from endpoints.evaluate import evaluate_context
from endpoints.results import ENDPOINT_IDS
from endpoints.timeline import EvaluationContext, build_context
from exchange import catalogue as cat
from exchange.atomic import ExportCancelled, Progress, no_progress
from models import exchange_store as store
from models.database import Database
from models.dossier_store import load_dossiers
from reports import labels

CHUNK = 200


@dataclass(frozen=True)
class Column:
    """One column: names (long and SAS), label, data type (text, integer, float, date, boolean), unit, code list."""

    name: str
    sas_name: str
    label: str
    data_type: str
    item_oid: str
    unit: str | None = None
    codelist: tuple[str, ...] = ()
    length: int | None = None
    key: bool = False


@dataclass
class Dataset:
    """One table: short name (≤ 8 characters), label, item group OID, columns and rows (lists of stored values)."""

    name: str
    label: str
    oid: str
    columns: tuple[Column, ...]
    rows: list[list[Any]] = field(default_factory=list)


def _key(name: str, label: str, data_type: str, codelist: tuple[str, ...] = ()) -> Column:
    return Column(name.lower(), name, label, data_type, f"IT.KEY.{name}", codelist=codelist, key=True)


SUBJECT_KEYS = (_key("SUBJID", "Subject ID", "text"),
                _key("SUBGRP", "Subgroup (LN or LC)", "text", codelist=("LN", "LC")))
VISIT_KEYS = (_key("VISIT", "Visit code", "text"), _key("VISITDT", "Visit date", "date"),
              _key("STUDYDAY", "Study day (Day 0 = first infusion)", "integer"))
SEQ_KEY = (_key("SEQ", "Row number within the subject", "integer"),)
# Items that the key columns already hold.
_IN_KEYS = {(cat.VISIT_TABLE, "date"), (cat.SUBJECT_TABLE, "subgroup")}
# Lab parts that belong in the analysis table (the value and unit as typed do not).
LAB_PARTS = ("value", "notattr")


def _item_column(item: cat.ItemSpec, codelists: dict[str, tuple[str, ...]]) -> Column:
    return Column(item.name, item.sas_name, item.label, item.data_type, item.oid, item.unit,
                  codelists.get(item.codelist or "", ()), item.length)


def _form_datasets() -> list[tuple[cat.GroupSpec, Dataset]]:
    c = cat.catalogue()
    codelists = {codelist.oid: codelist.values for codelist in c.codelists}
    out = []
    for group in c.groups:
        items = [i for i in group.items if i.lab_part in (None, *LAB_PARTS)
                 and (group.table, i.column) not in _IN_KEYS]
        keys = SUBJECT_KEYS
        if group.table in store.VISIT_FORMS or group.table in store.VISIT_LOGS or group.table == cat.VISIT_TABLE:
            keys += VISIT_KEYS
        if group.repeating:
            keys += SEQ_KEY
        out.append((group, Dataset(group.dataset, group.label, group.oid,
                                   keys + tuple(_item_column(i, codelists) for i in items))))
    return out


SCORES = Dataset("SCORES", "Derived scores per visit", "IG.SCORES", SUBJECT_KEYS + VISIT_KEYS + (
    Column("sledai_2k", "SLEDAI", "SLEDAI-2K total (complete forms only)", "integer", "IT.SCORES.SLEDAI"),
    Column("egfr", "EGFR", "eGFR CKD-EPI 2021 (mL/min/1.73 m²)", "float", "IT.SCORES.EGFR", "mL/min/1.73m2"),
    Column("pred_eq_mg_day", "PREDEQ", "Daily prednisone-equivalent dose on the visit date (mg)", "float",
           "IT.SCORES.PREDEQ", "mg"),
))
ENDPOINTS = Dataset("ENDPOINT", "Endpoint results", "IG.ENDPOINT", SUBJECT_KEYS + (
    Column("endpoint", "ENDPOINT", "Endpoint ID", "text", "IT.ENDPOINT.ID", codelist=ENDPOINT_IDS, key=True),
    Column("endpoint_name", "ENDPTNAM", "Endpoint", "text", "IT.ENDPOINT.NAME"),
    Column("status", "STATUS", "Status", "text", "IT.ENDPOINT.STATUS"),
    Column("day", "DAY", "Study day of the event or censoring (time-to-event endpoints)", "integer",
           "IT.ENDPOINT.DAY"),
    Column("reason", "REASON", "Reason", "text", "IT.ENDPOINT.REASON"),
    Column("as_of", "ASOF", "Evaluated as of", "date", "IT.ENDPOINT.ASOF"),
))
DICTIONARY_COLUMNS = (
    Column("dataset", "DATASET", "Dataset", "text", "IT.DICT.DATASET", key=True),
    Column("name", "NAME", "Column name", "text", "IT.DICT.NAME", key=True),
    Column("sas_name", "SASNAME", "SAS name (XPT)", "text", "IT.DICT.SASNAME"),
    Column("label", "LABEL", "Label", "text", "IT.DICT.LABEL"),
    Column("type", "TYPE", "Data type", "text", "IT.DICT.TYPE"),
    Column("unit", "UNIT", "Unit", "text", "IT.DICT.UNIT"),
    Column("codelist", "CODELIST", "Allowed values (|-separated)", "text", "IT.DICT.CODELIST"),
    Column("item_oid", "ITEMOID", "ODM item OID", "text", "IT.DICT.ITEMOID"),
)


def build_datasets(db: Database, as_of: date, subject_ids: Sequence[str] | None = None,
                   progress: Progress = no_progress) -> list[Dataset]:
    """Every table for the given subjects (all when None); ExportCancelled when `progress` returns False."""
    ids = list(subject_ids) if subject_ids is not None else store.subject_ids(db)
    forms = _form_datasets()
    scores = Dataset(SCORES.name, SCORES.label, SCORES.oid, SCORES.columns)
    endpoints = Dataset(ENDPOINTS.name, ENDPOINTS.label, ENDPOINTS.oid, ENDPOINTS.columns)
    done = 0
    for chunk in store.iter_subject_rows(db, ids, CHUNK):
        dossiers = {d.subject.id: d for d in load_dossiers(db, as_of, [r.subject["subject_id"] for r in chunk])}
        for rows in chunk:
            ctx = build_context(dossiers[rows.subject["subject_id"]], db.config.params, as_of)
            _add_forms(forms, rows, ctx)
            _add_scores(scores, rows, ctx)
            _add_endpoints(endpoints, rows, ctx)
            done += 1
        if not progress(done, len(ids)):
            raise ExportCancelled("Export cancelled; no file was written.")
    tables = [dataset for _, dataset in forms] + [scores, endpoints]
    return tables + [dictionary(tables)]


def _visit_keys(row: dict[str, Any], ctx: EvaluationContext) -> list[Any]:
    when, day0 = row["date"], ctx.timeline.day0
    return [row["code"], when, (when - day0).days if when is not None and day0 is not None else None]


def _add_forms(forms: list[tuple[cat.GroupSpec, Dataset]], rows: store.SubjectRows, ctx: EvaluationContext) -> None:
    subject = [rows.subject["subject_id"], rows.subject["subgroup"]]
    for group, dataset in forms:
        items = [c for c in dataset.columns if not c.item_oid.startswith("IT.KEY.")]
        if group.table == cat.SUBJECT_TABLE:
            dataset.rows.append(subject + [rows.subject[c.name] for c in items])
        elif group.table in rows.logs:
            for n, record in enumerate(rows.logs[group.table], 1):
                dataset.rows.append(subject + [n] + [record[c.name] for c in items])
        else:
            for visit in rows.visits:
                keys = subject + _visit_keys(visit.row, ctx)
                for n, record in enumerate(_visit_records(group, visit), 1):
                    dataset.rows.append(keys + ([n] if group.repeating else []) + _values(group, record, items))


def _visit_records(group: cat.GroupSpec, visit: store.VisitRows) -> list[dict[str, Any]]:
    if group.table == cat.VISIT_TABLE:
        return [visit.row]
    if group.table == cat.LAB_TABLE:
        return [{row["key"]: row for row in visit.logs[cat.LAB_TABLE]}] if visit.logs.get(cat.LAB_TABLE) else []
    if group.table in visit.forms:
        return [visit.forms[group.table]]
    return visit.logs.get(group.table, [])


_LAB_ITEMS = {item.oid: item for item in cat.catalogue().group(cat.LAB_GROUP).items}


def _values(group: cat.GroupSpec, record: dict[str, Any], items: Sequence[Column]) -> list[Any]:
    if group.table != cat.LAB_TABLE:
        return [record[c.name] for c in items]
    out = []
    for column in items:
        item = _LAB_ITEMS[column.item_oid]
        row = record.get(item.lab_key)
        value = None if row is None else row[item.column]
        if item.lab_key == "urine_casts" and item.lab_part == "value" and value == "":
            value = cat.NO_CASTS
        out.append(value)
    return out


def _add_scores(scores: Dataset, rows: store.SubjectRows, ctx: EvaluationContext) -> None:
    subject = ctx.dossier.subject
    for visit, row in zip(ctx.dossier.visits, rows.visits, strict=True):
        if visit.missed or visit.date is None:
            continue
        keys = [subject.id, subject.subgroup, *_visit_keys(row.row, ctx)]
        creatinine = visit.labs.creatinine_mg_dl
        egfr = egfr_on(creatinine, subject.sex, subject.birth_date, visit.date) if creatinine else None
        dose = None
        if ctx.timeline.day0 is not None:
            mg = ctx.steroids.dose_mg(ctx.timeline.study_day(visit.date))
            dose = float(mg) if mg is not None else None
        scores.rows.append(keys + [sledai.score(visit.sledai), round(egfr, 1) if egfr is not None else None, dose])


def _add_endpoints(endpoints: Dataset, rows: store.SubjectRows, ctx: EvaluationContext) -> None:
    subject = ctx.dossier.subject
    for endpoint_id, result in evaluate_context(ctx).items():
        endpoints.rows.append([subject.id, subject.subgroup, endpoint_id, labels.ENDPOINT_NAMES[endpoint_id],
                               result.status, result.day, result.reason, ctx.timeline.as_of])


def dictionary(tables: Sequence[Dataset]) -> Dataset:
    """The data dictionary of the given tables."""
    out = Dataset("DICT", "Data dictionary", "IG.DICT", DICTIONARY_COLUMNS)
    for table in tables:
        for c in table.columns:
            out.rows.append([table.name, c.name, c.sas_name, c.label, c.data_type, c.unit, "|".join(c.codelist) or None,
                             c.item_oid])
    return out

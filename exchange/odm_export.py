"""CDISC ODM 1.3.2 export: study metadata, users and signature definitions, and the subjects' clinical data.

    summary = export_odm(db, Path("study.xml"), subject_ids=None, metadata_only=False)

The file is written incrementally (lxml.etree.xmlfile): the metadata first, then one SubjectData element per
subject, read from the database a chunk of subjects at a time, so memory does not grow with the study. Every
element is built with lxml's element API; text is never concatenated into XML.

Layout: one study event `SE.SUBJECT` holds the subject-level forms (registry with its status history,
infusions, the logs), one study event per visit code (`SE.UNS` repeating) the visit form. Audit records (user,
site location, UTC time, reason, audit row): the creation of a table row stamps its ItemGroupData, a later change
of a value stamps that ItemData (in ODM an item without its own AuditRecord has its group's); each lab
value is one row of its own, so every lab ItemData carries its own AuditRecord. Valid signatures sit on the
visit's StudyEventData (visit signatures) or on the SubjectData (casebook signatures); each monitor's query is
an Annotation on the item it concerns (on the SubjectData when that item holds no value), its status a Flag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from exchange import catalogue as cat
from exchange.atomic import ExportCancelled, Progress, no_progress, written_in_place
from exchange.values import decimal_text, to_text
from models import exchange_store as store
from models.database import Database

ODM_NS = "http://www.cdisc.org/ns/odm/v1.3"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LOCATION_OID = "LOC.SITE"
SOURCE_SYSTEM = "TrialDesk"
CHUNK = 100
TAG = {name: f"{{{ODM_NS}}}{name}" for name in (
    "StudyEventData", "FormData", "ItemGroupData", "ItemData", "MeasurementUnitRef", "AuditRecord", "UserRef",
    "LocationRef", "DateTimeStamp", "ReasonForChange", "SourceID")}
LOCATION_REF = {"LocationOID": LOCATION_OID}
SubElement = etree.SubElement


def q(tag: str) -> str:
    """The qualified ODM name of a tag."""
    return f"{{{ODM_NS}}}{tag}"


def el(tag: str, attrib: dict[str, str | None] | None = None, *children: etree._Element) -> etree._Element:
    """An ODM element with the given attributes (None values left out) and children."""
    node = etree.Element(q(tag), {k: v for k, v in (attrib or {}).items() if v is not None}, nsmap={None: ODM_NS})
    node.extend(children)
    return node


def sub(parent: etree._Element, tag: str, attrib: dict[str, str | None] | None = None) -> etree._Element:
    return etree.SubElement(parent, q(tag), {k: v for k, v in (attrib or {}).items() if v is not None})


def translated(tag: str, text: str) -> etree._Element:
    node = el(tag)
    sub(node, "TranslatedText", {XML_LANG: "en"}).text = text
    return node


def user_oid(name: str) -> str:
    return "USR." + name


def signature_def_oid(meanings: Sequence[str], meaning: str) -> str:
    return f"SD.{meanings.index(meaning) + 1}"


@dataclass(frozen=True)
class OdmSummary:
    path: Path
    subjects: int
    item_data: int


# ---------------------------------------------------------------------------------------------------------------
# Metadata


def study_element(db: Database) -> etree._Element:
    """Study: GlobalVariables, BasicDefinitions (units) and the MetaDataVersion of the catalogue."""
    c = cat.catalogue()
    info = db.config.study
    study = el("Study", {"OID": cat.STUDY_OID})
    gv = sub(study, "GlobalVariables")
    sub(gv, "StudyName").text = info.get("protocol", "CS20AT04")
    sub(gv, "StudyDescription").text = info.get("title", "")
    sub(gv, "ProtocolName").text = info.get("protocol", "CS20AT04")
    basic = sub(study, "BasicDefinitions")
    for code, label in c.units:
        unit = sub(basic, "MeasurementUnit", {"OID": cat.unit_oid(code), "Name": code})
        unit.append(translated("Symbol", label))
    study.append(metadata_version(info.get("version", "1")))
    return study


def metadata_version(config_version: str) -> etree._Element:
    c = cat.catalogue()
    mdv = el("MetaDataVersion", {"OID": cat.MDV_OID, "Name": f"TrialDesk study configuration {config_version}"})
    protocol = sub(mdv, "Protocol")
    for n, event in enumerate(c.events, 1):
        sub(protocol, "StudyEventRef", {"StudyEventOID": event.oid, "OrderNumber": str(n),
                                        "Mandatory": "Yes" if event.oid == cat.SUBJECT_EVENT else "No"})
    for event in c.events:
        node = sub(mdv, "StudyEventDef", {"OID": event.oid, "Name": event.name,
                                          "Repeating": _yes(event.repeating), "Type": event.event_type})
        for n, form in enumerate(event.forms, 1):
            sub(node, "FormRef", {"FormOID": form.oid, "OrderNumber": str(n), "Mandatory": "No"})
    for form in c.forms:
        node = sub(mdv, "FormDef", {"OID": form.oid, "Name": form.name, "Repeating": "No"})
        for n, group in enumerate(form.groups, 1):
            sub(node, "ItemGroupRef", {"ItemGroupOID": group.oid, "OrderNumber": str(n), "Mandatory": "No"})
    for group in c.groups:
        node = sub(mdv, "ItemGroupDef", {"OID": group.oid, "Name": group.name, "Repeating": _yes(group.repeating),
                                         "SASDatasetName": group.dataset})
        node.append(translated("Description", group.label))
        for n, item in enumerate(group.items, 1):
            sub(node, "ItemRef", {"ItemOID": item.oid, "OrderNumber": str(n), "Mandatory": "No"})
    for item in c.items:
        mdv.append(item_def(item))
    for codelist in c.codelists:
        node = sub(mdv, "CodeList", {"OID": codelist.oid, "Name": codelist.name, "DataType": codelist.data_type})
        for value in codelist.values:
            entry = sub(node, "CodeListItem", {"CodedValue": value})
            entry.append(translated("Decode", value.replace("_", " ")))
    return mdv


def item_def(item: cat.ItemSpec) -> etree._Element:
    node = el("ItemDef", {"OID": item.oid, "Name": item.name, "DataType": item.data_type,
                          "Length": str(item.length) if item.length else None, "SASFieldName": item.sas_name})
    node.append(translated("Description", item.label))
    node.append(translated("Question", item.label))
    if item.unit:
        sub(node, "MeasurementUnitRef", {"MeasurementUnitOID": cat.unit_oid(item.unit)})
    for check in item.ranges:
        rc = sub(node, "RangeCheck", {"Comparator": check.comparator, "SoftHard": check.soft_hard})
        sub(rc, "CheckValue").text = decimal_text(check.value)
        if item.unit:
            sub(rc, "MeasurementUnitRef", {"MeasurementUnitOID": cat.unit_oid(item.unit)})
        rc.append(translated("ErrorMessage", check.message))
    if item.codelist:
        sub(node, "CodeListRef", {"CodeListOID": item.codelist})
    return node


def admin_element(db: Database, users: Sequence[str], meanings: Sequence[str]) -> etree._Element:
    """AdminData: every user named in the trail, the site, one SignatureDef per signature meaning."""
    full_names = store.account_names(db)
    admin = el("AdminData", {"StudyOID": cat.STUDY_OID})
    for name in users:
        user = sub(admin, "User", {"OID": user_oid(name)})
        sub(user, "LoginName").text = name
        sub(user, "FullName").text = full_names.get(name, name)
    location = sub(admin, "Location", {"OID": LOCATION_OID, "Name": db.config.study.get("site", "Site"),
                                       "LocationType": "Site"})
    sub(location, "MetaDataVersionRef", {"StudyOID": cat.STUDY_OID, "MetaDataVersionOID": cat.MDV_OID,
                                         "EffectiveDate": store.first_stored_utc(db)[:10]})
    for meaning in meanings:
        sig = sub(admin, "SignatureDef", {"OID": signature_def_oid(meanings, meaning), "Methodology": "Electronic"})
        sub(sig, "Meaning").text = meaning
        sub(sig, "LegalReason").text = ("Electronic signature by password re-entry, equivalent to the handwritten "
                                        "signature (21 CFR Part 11).")
    return admin


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


# ---------------------------------------------------------------------------------------------------------------
# Clinical data


class SubjectWriter:
    """Builds the SubjectData element of one subject from its rows and trail (every element made in place with
    SubElement: the hot path of a large export)."""

    def __init__(self, meanings: Sequence[str]) -> None:
        self.catalogue = cat.catalogue()
        self.meanings = meanings
        self.item_count = 0

    def subject_data(self, rows: store.SubjectRows, trail: store.SubjectTrail) -> etree._Element:
        self.trail = trail
        self.queries = {(query["table_name"], query["record_id"], query["field"]): (query, messages)
                        for query, messages in trail.queries}
        self.placed: set[tuple[str, int, str]] = set()
        self.audit_records: dict[int, etree._Element] = {}
        subject = el("SubjectData", {"SubjectKey": rows.subject["subject_id"]})
        casebook = [sig for sig in trail.signatures if sig["visit_id"] is None]
        if casebook:
            self._signature(subject, casebook[-1])
        self._subject_event(subject, rows)
        unscheduled = 0
        for visit in rows.visits:
            unscheduled += visit.row["code"] == "UNS"
            signatures = [sig for sig in trail.signatures if sig["visit_id"] == visit.row["id"]]
            self._visit_event(subject, visit, signatures, unscheduled)
        unplaced = [thread for key, thread in self.queries.items() if key not in self.placed]
        position = 1 if casebook else 0  # annotations follow the signature and precede the study events
        for n, (query, messages) in enumerate(unplaced, 1):
            node = self._annotation(subject, n, query, messages, located=False)
            subject.insert(position + n - 1, node)
        return subject

    def _subject_event(self, parent: etree._Element, rows: store.SubjectRows) -> None:
        event = SubElement(parent, TAG["StudyEventData"], {"StudyEventOID": cat.SUBJECT_EVENT})
        for form in self.catalogue.subject_event().forms:
            records = [(group, [rows.subject] if group.table == cat.SUBJECT_TABLE else rows.logs.get(group.table, []))
                       for group in form.groups]
            if not any(found for _, found in records):
                continue
            form_node = SubElement(event, TAG["FormData"], {"FormOID": form.oid})
            for group, found in records:
                for n, record in enumerate(found, 1):
                    self._group_data(form_node, group, record, n if group.repeating else None)

    def _visit_event(self, parent: etree._Element, visit: store.VisitRows, signatures: list[dict[str, Any]],
                     unscheduled: int) -> None:
        code = visit.row["code"]
        attrib = {"StudyEventOID": self.catalogue.event_for_visit(code).oid}
        if code == "UNS":
            attrib["StudyEventRepeatKey"] = str(unscheduled)
        event = SubElement(parent, TAG["StudyEventData"], attrib)
        if signatures:
            self._signature(event, signatures[-1])
        form = SubElement(event, TAG["FormData"], {"FormOID": cat.VISIT_FORM})
        for group in self.catalogue.event_for_visit(code).forms[0].groups:
            if group.table == cat.VISIT_TABLE:
                self._group_data(form, group, visit.row, None)
            elif group.table == cat.LAB_TABLE:
                if visit.logs.get(cat.LAB_TABLE):
                    self._lab_group(form, group, visit)
            elif not group.repeating:
                if group.table in visit.forms:
                    self._group_data(form, group, visit.forms[group.table], None)
            else:
                for n, record in enumerate(visit.logs.get(group.table, []), 1):
                    self._group_data(form, group, record, n)

    def _group_data(self, parent: etree._Element, group: cat.GroupSpec, record: dict[str, Any],
                    repeat: int | None) -> None:
        """A table row: the row's creation stamps the group, a later change of a value stamps that item."""
        attrib = {"ItemGroupOID": group.oid}
        if repeat is not None:
            attrib["ItemGroupRepeatKey"] = str(repeat)
        node = SubElement(parent, TAG["ItemGroupData"], attrib)
        record_id = record["id"]
        stamps = self.trail.stamps
        created = stamps.get((group.table, record_id, None))
        if created is not None:
            self._audit_record(node, created)
        for item in group.items:
            value = record[item.column]
            if value is None:
                continue
            item_node = self._item_data(node, item, to_text(value, item.data_type),
                                        stamps.get((group.table, record_id, item.column)))
            if self.queries:
                keys = [(group.table, record_id, item.column)]
                if group.table in ("sledai_forms", "bilag_forms"):
                    keys.append((cat.VISIT_TABLE, record["visit_id"], item.column))
                self._annotate(item_node, keys)

    def _lab_group(self, parent: etree._Element, group: cat.GroupSpec, visit: store.VisitRows) -> None:
        """The visit's lab rows: each item carries the latest stamp of its lab row's value."""
        node = SubElement(parent, TAG["ItemGroupData"], {"ItemGroupOID": group.oid})
        labs = {row["key"]: row for row in visit.logs[cat.LAB_TABLE]}
        for item in group.items:
            row = labs.get(item.lab_key)
            if row is None:
                continue
            value = row[item.column]
            if value is None or (item.lab_part == "notattr" and not value):
                continue
            if item.lab_part == "value" and item.lab_key == "urine_casts" and value == "":
                value = cat.NO_CASTS
            item_node = self._item_data(node, item, to_text(value, item.data_type),
                                        self.trail.stamp(cat.LAB_TABLE, row["id"], item.column))
            if self.queries:
                keys = [(cat.LAB_TABLE, row["id"], item.column)]
                if item.lab_part == "value":
                    keys.append((cat.VISIT_TABLE, visit.row["id"], item.lab_key))
                self._annotate(item_node, keys)

    def _item_data(self, parent: etree._Element, item: cat.ItemSpec, text: str | None,
                   stamp: store.AuditStamp | None) -> etree._Element:
        self.item_count += 1
        node = SubElement(parent, TAG["ItemData"], {"ItemOID": item.oid, "Value": text})
        if stamp is not None:
            self._audit_record(node, stamp)
        if item.unit:
            SubElement(node, TAG["MeasurementUnitRef"], {"MeasurementUnitOID": cat.unit_oid(item.unit)})
        return node

    def _audit_record(self, parent: etree._Element, stamp: store.AuditStamp) -> None:
        """The AuditRecord of one audit row; a second item it stamps gets a copy (cheaper than building it)."""
        built = self.audit_records.get(stamp.audit_id)
        if built is not None:
            parent.append(built.__copy__())
            return
        audit = self.audit_records[stamp.audit_id] = SubElement(parent, TAG["AuditRecord"])
        SubElement(audit, TAG["UserRef"], {"UserOID": user_oid(stamp.user)})
        SubElement(audit, TAG["LocationRef"], LOCATION_REF)
        SubElement(audit, TAG["DateTimeStamp"]).text = stamp.at_utc
        if stamp.reason:
            SubElement(audit, TAG["ReasonForChange"]).text = stamp.reason
        SubElement(audit, TAG["SourceID"]).text = f"audit_log {stamp.audit_id}"

    def _annotate(self, node: etree._Element, keys: list[tuple[str, int, str]]) -> None:
        """Each query on one of `keys` (not yet placed) as an Annotation of this ItemData."""
        seq = 0
        for key in keys:
            if key in self.queries and key not in self.placed:
                self.placed.add(key)
                seq += 1
                self._annotation(node, seq, *self.queries[key], located=True)

    def _signature(self, parent: etree._Element, row: dict[str, Any]) -> None:
        node = sub(parent, "Signature")
        sub(node, "UserRef", {"UserOID": user_oid(row["signer_username"])})
        sub(node, "LocationRef", LOCATION_REF)
        sub(node, "SignatureRef", {"SignatureOID": signature_def_oid(self.meanings, row["meaning"])})
        sub(node, "DateTimeStamp").text = row["signed_at_utc"]

    def _annotation(self, parent: etree._Element, seq: int, query: dict[str, Any], messages: list[dict[str, Any]],
                    located: bool) -> etree._Element:
        node = sub(parent, "Annotation", {"SeqNum": str(seq)})
        where = "" if located else f" ({query['table_name']} record {query['record_id']}, {query['field']})"
        thread = " | ".join(f"{m['at_utc']} {m['author']} ({m['status']}): {m['text']}" for m in messages)
        sub(node, "Comment").text = f"Query on {query['label']}{where} raised by {query['raised_by']}: {thread}"
        flag = sub(node, "Flag")
        sub(flag, "FlagValue", {"CodeListOID": cat.QUERY_STATUS_CODELIST}).text = query["status"]
        sub(flag, "FlagType", {"CodeListOID": cat.FLAG_TYPE_CODELIST}).text = "query"
        return node


# ---------------------------------------------------------------------------------------------------------------
# The file


def file_oid(now: datetime) -> str:
    return "TRIALDESK." + re.sub(r"[^0-9]", "", now.strftime("%Y%m%d%H%M%S%f"))


def export_odm(db: Database, target: Path, *, subject_ids: Sequence[str] | None = None, metadata_only: bool = False,
               progress: Progress = no_progress, now: datetime | None = None) -> OdmSummary:
    """Write the ODM file (metadata only, or with the given subjects' data; all when None) to `target`.

    Written under a temporary name and moved into place when complete; ExportCancelled (nothing at `target`)
    when `progress` returns False.
    """
    now = now or datetime.now(UTC)
    ids = [] if metadata_only else list(subject_ids) if subject_ids is not None else store.subject_ids(db)
    users = store.audit_users(db)
    meanings = store.signature_meanings(db)
    writer = SubjectWriter(meanings)
    granularity = "Metadata" if metadata_only else "SingleSubject" if len(ids) == 1 else "All"
    attributes = {
        "FileType": "Snapshot", "Granularity": granularity, "FileOID": file_oid(now),
        "CreationDateTime": now.isoformat(timespec="seconds").replace("+00:00", "Z"), "ODMVersion": "1.3.2",
        "Originator": db.config.study.get("site", ""), "SourceSystem": SOURCE_SYSTEM,
        "Description": db.config.study.get("title", ""),
    }
    done = 0
    with written_in_place(target) as temporary, etree.xmlfile(str(temporary), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(q("ODM"), attributes, nsmap={None: ODM_NS}):
            xf.write(study_element(db), pretty_print=True)
            if not metadata_only:
                xf.write(admin_element(db, users, meanings), pretty_print=True)
                with xf.element(q("ClinicalData"), {"StudyOID": cat.STUDY_OID, "MetaDataVersionOID": cat.MDV_OID}):
                    for chunk in store.iter_subject_rows(db, ids, CHUNK):
                        trails = store.load_trail(db, [rows.subject["subject_id"] for rows in chunk])
                        for rows in chunk:
                            xf.write(writer.subject_data(rows, trails[rows.subject["subject_id"]]), pretty_print=True)
                            done += 1
                        xf.flush()
                        if not progress(done, len(ids)):
                            raise ExportCancelled("Export cancelled; no file was written.")
    return OdmSummary(Path(target), done, writer.item_count)

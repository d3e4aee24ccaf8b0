"""CDISC ODM 1.3.2 import: the clinical data of a TrialDesk ODM export back into a study database.

    subjects = read_odm(Path("study.xml"))                     # OdmRefused with a plain message on bad input
    import_odm(db, subjects, user=actor, reason=None, replace=False)

Every item group and item must be one of the catalogue's (exchange.catalogue), every value must fit its data
type and code list; the first problem refuses the whole file, naming the subject and the item. The file is read
with a parser that refuses DTDs and entities (exchange.safe_xml). Writing is one audited transaction
(models.exchange_store.import_subject_rows): all subjects or none. Audit records, signatures and annotations
(queries) of the file are not written back: the receiving database's own audit trail records the import, and a
signature belongs to the database it was given in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from exchange import catalogue as cat
from exchange.odm_export import ODM_NS
from exchange.safe_xml import UnsafeOrBadXml, iter_elements, local_name
from exchange.values import BadValue, from_text
from models import exchange_store as store
from models.database import Database
from models.errors import ImportRefused
from models.security import Actor


class OdmRefused(ValueError):
    """The ODM file cannot be imported; nothing was written. The message names the place of the problem."""


def read_odm(path: Path) -> list[store.SubjectRows]:
    """Every SubjectData of the file as rows, in file order (OdmRefused on anything unexpected)."""
    reader = _Reader()
    root_seen = False
    try:
        for event, element in iter_elements(path):
            if event == "start":
                if not root_seen:
                    root_seen = True
                    if element.tag != f"{{{ODM_NS}}}ODM":
                        raise OdmRefused(f"{path} is not a CDISC ODM 1.3 file (its root element is "
                                         f"{local_name(element)!r}).")
                continue
            if element.tag == f"{{{ODM_NS}}}SubjectData":
                reader.subject(element)
                element.clear()
    except UnsafeOrBadXml as exc:
        raise OdmRefused(str(exc)) from None
    except OSError as exc:
        raise OdmRefused(f"{path} cannot be read ({exc.strerror or exc}).") from None
    return reader.subjects


def import_odm(db: Database, subjects: Sequence[store.SubjectRows], *, user: Actor | str, reason: str | None,
               replace: bool) -> list[str]:
    """Write the subjects in one audited transaction; ImportRefused (nothing written) if one exists and not
    `replace`, or if the rows cannot be stored."""
    if not subjects:
        raise ImportRefused("The file holds no subject data; nothing was imported.")
    return store.import_subject_rows(db, subjects, user=user, reason=reason, replace=replace)


class _Reader:
    def __init__(self) -> None:
        self.catalogue = cat.catalogue()
        self.codelists = {c.oid: frozenset(c.values) for c in self.catalogue.codelists}
        self.subjects: list[store.SubjectRows] = []
        self.events = {e.oid: e for e in self.catalogue.events}

    def subject(self, element: Element) -> None:
        key = element.get("SubjectKey") or ""
        if not key.strip():
            raise OdmRefused("A SubjectData has no SubjectKey.")
        self.where = f"subject {key}"
        rows = store.SubjectRows(subject={"subject_id": key}, logs={}, visits=[])
        for event in _children(element, "StudyEventData"):
            spec = self.events.get(event.get("StudyEventOID", ""))
            if spec is None:
                raise OdmRefused(f"{self.where}: unknown study event {event.get('StudyEventOID')!r}.")
            if spec.visit_code is None:
                self._subject_event(rows, spec, event)
            else:
                rows.visits.append(self._visit_event(spec, event))
        self.subjects.append(rows)

    def _groups(self, event: Element, spec: cat.EventSpec) -> list[tuple[cat.GroupSpec, Element]]:
        forms = {form.oid: form for form in spec.forms}
        out = []
        for form in _children(event, "FormData"):
            form_spec = forms.get(form.get("FormOID", ""))
            if form_spec is None:
                raise OdmRefused(f"{self.where}: form {form.get('FormOID')!r} is not one of {spec.oid}.")
            groups = {group.oid: group for group in form_spec.groups}
            for group in _children(form, "ItemGroupData"):
                group_spec = groups.get(group.get("ItemGroupOID", ""))
                if group_spec is None:
                    raise OdmRefused(f"{self.where}: item group {group.get('ItemGroupOID')!r} is not one of "
                                     f"{form_spec.oid}.")
                out.append((group_spec, group))
        return out

    def _subject_event(self, rows: store.SubjectRows, spec: cat.EventSpec, event: Element) -> None:
        for group_spec, group in self._groups(event, spec):
            values = self._values(group_spec, group)
            if group_spec.table == cat.SUBJECT_TABLE:
                rows.subject.update(values)
            else:
                rows.logs.setdefault(group_spec.table, []).append(values)

    def _visit_event(self, spec: cat.EventSpec, event: Element) -> store.VisitRows:
        visit = store.VisitRows(row={"code": spec.visit_code}, logs={}, forms={})
        for group_spec, group in self._groups(event, spec):
            if group_spec.table == cat.VISIT_TABLE:
                visit.row.update(self._values(group_spec, group))
            elif group_spec.table == cat.LAB_TABLE:
                visit.logs[cat.LAB_TABLE] = self._lab_rows(group_spec, group)
            elif group_spec.repeating:
                visit.logs.setdefault(group_spec.table, []).append(self._values(group_spec, group))
            else:
                visit.forms[group_spec.table] = self._values(group_spec, group)
        return visit

    def _items(self, group_spec: cat.GroupSpec, group: Element) -> list[tuple[cat.ItemSpec, Any]]:
        items = {item.oid: item for item in group_spec.items}
        out = []
        for element in _children(group, "ItemData"):
            oid = element.get("ItemOID", "")
            item = items.get(oid)
            if item is None:
                raise OdmRefused(f"{self.where}: item {oid!r} is not one of item group {group_spec.oid}.")
            text = element.get("Value")
            if text is None:
                raise OdmRefused(f"{self.where}: item {oid} has no Value.")
            out.append((item, self._value(item, text)))
        return out

    def _value(self, item: cat.ItemSpec, text: str) -> Any:
        if item.codelist and text not in self.codelists[item.codelist]:
            raise OdmRefused(f"{self.where}: {text!r} is not a value of {item.oid} (code list {item.codelist}).")
        try:
            return from_text(text, item.data_type)
        except BadValue as exc:
            raise OdmRefused(f"{self.where}: item {item.oid}: {exc}.") from None

    def _values(self, group_spec: cat.GroupSpec, group: Element) -> dict[str, Any]:
        return {item.column: value for item, value in self._items(group_spec, group)}

    def _lab_rows(self, group_spec: cat.GroupSpec, group: Element) -> list[dict[str, Any]]:
        rows: dict[str, dict[str, Any]] = {}
        for item, value in self._items(group_spec, group):
            row = rows.setdefault(item.lab_key, {"key": item.lab_key, "not_attributable": False})
            if item.lab_part == "value" and item.lab_key == "urine_casts" and value == cat.NO_CASTS:
                value = ""
            row[item.column] = value
        return [rows[key] for key in sorted(rows, key=_LAB_ORDER.index)]


_LAB_ORDER = [item.lab_key for item in cat.catalogue().group(cat.LAB_GROUP).items if item.lab_part == "value"]


def _children(element: Element, name: str) -> list[Element]:
    return element.findall(f"{{{ODM_NS}}}{name}")

"""ODM 1.3.2 export: valid against the XSD shipped inside odmlib (checked with xmlschema) over the whole demo
database; metadata from the forms' definitions (code lists, units, hard range checks); audit records,
signatures and queries carried; written under a temporary name."""

from __future__ import annotations

from pathlib import Path

import odmlib
import pytest
import xmlschema
from lxml import etree
from sqlalchemy import select

from exchange import catalogue as cat
from exchange.atomic import ExportCancelled
from exchange.odm_export import ODM_NS, export_odm
from main import main
from models.schema import AuditEntry, QueryRow, SignatureRow

NS = {"odm": ODM_NS}
ODM_XSD = Path(odmlib.__file__).parent / "schemas" / "odm" / "1.3.2" / "ODM1-3-2.xsd"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(ODM_XSD))


@pytest.fixture
def exported(demo, tmp_path: Path) -> etree._ElementTree:
    path = tmp_path / "study.xml"
    export_odm(demo, path)
    return etree.parse(str(path))


def test_the_whole_demo_database_exports_valid_odm(demo_path, tmp_path, schema):
    out = tmp_path / "study.xml"
    assert main(["export", "--db", str(demo_path), "--format", "odm", "--out", str(out)]) == 0
    errors = list(schema.iter_errors(str(out)))
    assert errors == []
    tree = etree.parse(str(out))
    assert len(tree.findall(".//odm:SubjectData", NS)) == 10


def test_the_validator_does_report_an_invalid_file(demo, tmp_path, schema):
    path = tmp_path / "study.xml"
    export_odm(demo, path, subject_ids=["LN-01"])
    tree = etree.parse(str(path))
    item = tree.find(".//odm:ItemData", NS)
    del item.attrib["ItemOID"]
    tree.write(str(path))
    assert not schema.is_valid(str(path))


def test_metadata_only_and_subject_selection(demo, tmp_path, schema):
    meta = tmp_path / "meta.xml"
    export_odm(demo, meta, metadata_only=True)
    assert schema.is_valid(str(meta))
    tree = etree.parse(str(meta))
    assert tree.find(".//odm:ClinicalData", NS) is None and tree.getroot().get("Granularity") == "Metadata"
    two = tmp_path / "two.xml"
    export_odm(demo, two, subject_ids=["LN-02", "LC-01"])
    keys = [s.get("SubjectKey") for s in etree.parse(str(two)).findall(".//odm:SubjectData", NS)]
    assert keys == ["LN-02", "LC-01"]


def test_item_defs_carry_types_units_code_lists_and_the_hard_edit_checks(exported):
    mdv = exported.find(".//odm:MetaDataVersion", NS)
    hgb = mdv.find("odm:ItemDef[@OID='IT.LB.HGB']", NS)
    assert hgb.get("DataType") == "float"
    assert hgb.find("odm:MeasurementUnitRef", NS).get("MeasurementUnitOID") == cat.unit_oid("g/dL")
    hard = {(r.get("Comparator"), r.find("odm:CheckValue", NS).text)
            for r in hgb.findall("odm:RangeCheck[@SoftHard='Hard']", NS)}
    assert hard == {("GE", "1"), ("LE", "25")}  # endpoints.edit_checks.LIMITS["hemoglobin_g_dl"]
    sex = mdv.find("odm:ItemDef[@OID='IT.SUBJECT.SEX']", NS)
    assert sex.get("Length") == "1" and sex.find("odm:CodeListRef", NS).get("CodeListOID") == "CL.SEX"
    grades = mdv.find("odm:CodeList[@OID='CL.BILAGGRADE']", NS)
    assert [i.get("CodedValue") for i in grades.findall("odm:CodeListItem", NS)] == ["A", "B", "C", "D", "E"]
    refs = {r.get("CodeListOID") for r in mdv.findall(".//odm:ItemDef/odm:CodeListRef", NS)}
    assert refs <= {c.get("OID") for c in mdv.findall("odm:CodeList", NS)}
    events = [e.get("OID") for e in mdv.findall("odm:StudyEventDef", NS)]
    assert events[0] == "SE.SUBJECT" and "SE.W24" in events and "SE.UNS" in events
    assert mdv.find("odm:StudyEventDef[@OID='SE.UNS']", NS).get("Repeating") == "Yes"


def test_a_changed_value_carries_its_audit_record(demo, exported):
    with demo.read() as session:
        change = session.scalars(select(AuditEntry).where(
            AuditEntry.table_name == "visits", AuditEntry.action == "update", AuditEntry.field == "weight_kg",
            AuditEntry.reason.is_not(None)).order_by(AuditEntry.id.desc())).first()
    assert change is not None
    source = exported.xpath("//odm:ItemData[@ItemOID='IT.VISIT.WEIGHT_KG']/odm:AuditRecord"
                            f"[odm:SourceID='audit_log {change.id}']", namespaces=NS)
    assert len(source) == 1
    record = source[0]
    assert record.find("odm:UserRef", NS).get("UserOID") == f"USR.{change.user}"
    assert record.find("odm:DateTimeStamp", NS).text == change.at_utc
    assert record.find("odm:ReasonForChange", NS).text == change.reason
    assert record.getparent().get("Value") == change.new_value.removesuffix(".0")
    users = {u.get("OID") for u in exported.findall(".//odm:AdminData/odm:User", NS)}
    assert f"USR.{change.user}" in users


def test_signatures_and_queries(demo, exported):
    with demo.read() as session:
        valid = session.scalars(select(SignatureRow).where(SignatureRow.invalidated_at_utc.is_(None))).all()
        queries = session.scalars(select(QueryRow)).all()
    signatures = exported.findall(".//odm:ClinicalData//odm:Signature", NS)
    assert len(signatures) == len(valid) > 0
    defs = {d.get("OID"): d.find("odm:Meaning", NS).text for d in exported.findall(".//odm:SignatureDef", NS)}
    assert {defs[s.find("odm:SignatureRef", NS).get("SignatureOID")] for s in signatures} == {v.meaning for v in valid}
    annotations = exported.findall(".//odm:ClinicalData//odm:Annotation", NS)
    assert len(annotations) == len(queries) > 0
    flags = sorted(a.find("odm:Flag/odm:FlagValue", NS).text for a in annotations)
    assert flags == sorted(q.status for q in queries)
    on_hgb = exported.xpath("//odm:ItemData[@ItemOID='IT.LB.HGB']/odm:Annotation", namespaces=NS)
    assert any("Haemoglobin" in a.find("odm:Comment", NS).text for a in on_hgb)


def test_a_cancelled_export_leaves_no_file(demo, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        export_odm(demo, out / "study.xml", progress=lambda done, total: False)
    assert list(out.iterdir()) == []


def test_an_unknown_subject_is_refused(demo_path, tmp_path, capsys):
    out = tmp_path / "x.xml"
    assert main(["export", "--db", str(demo_path), "--format", "odm", "--out", str(out), "--subject", "XX-99"]) == 2
    assert "no subject XX-99" in capsys.readouterr().err and not out.exists()

"""ODM import: the whole demo database round-trips (every subject's export-dossier equal), existing subjects are
refused unless --replace, nothing is written on refusal, and the parser refuses DTDs and entities."""

from __future__ import annotations

import io
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from lxml import etree

from exchange.odm_export import ODM_NS, export_odm
from exchange.odm_import import OdmRefused, read_odm
from main import main
from models.database import open_database
from models.demo_security import DEMO_ACCOUNTS
from models.exchange_store import subject_ids

NS = {"odm": ODM_NS}
AS_OF = "2026-11-25"


def _audit_rows(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def _dossier(db: Path, subject_id: str, out: Path) -> str:
    assert main(["export-dossier", "--db", str(db), "--subject", subject_id, "--as-of", AS_OF,
                 "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8")


@pytest.fixture
def odm_file(demo, tmp_path: Path) -> Path:
    path = tmp_path / "study.xml"
    export_odm(demo, path)
    return path


def test_every_subject_of_the_demo_database_round_trips(demo_path, odm_file, tmp_path):
    target = tmp_path / "copy.sqlite3"
    assert main(["import", "--db", str(target), "--format", "odm", str(odm_file)]) == 0
    db = open_database(demo_path, create=False)
    ids = subject_ids(db)
    db.close()
    assert len(ids) == 10
    for subject_id in ids:
        assert _dossier(target, subject_id, tmp_path / "b.json") == _dossier(demo_path, subject_id, tmp_path / "a.json")
    assert main(["verify", "--db", str(target)]) == 0


def test_an_existing_subject_is_refused_unless_replaced(odm_file, tmp_path, capsys):
    target = tmp_path / "copy.sqlite3"
    assert main(["import", "--db", str(target), "--format", "odm", str(odm_file)]) == 0
    before = _audit_rows(target)
    assert main(["import", "--db", str(target), "--format", "odm", str(odm_file)]) == 2
    assert "already exist" in capsys.readouterr().err
    assert _audit_rows(target) == before
    assert main(["import", "--db", str(target), "--format", "odm", str(odm_file), "--replace"]) == 2
    assert "--reason" in capsys.readouterr().err
    assert main(["import", "--db", str(target), "--format", "odm", str(odm_file), "--replace",
                 "--reason", "re-sent by the site after corrections"]) == 0
    with closing(sqlite3.connect(target)) as conn:
        reasons = {r[0] for r in conn.execute("SELECT DISTINCT reason FROM audit_log WHERE id > ?", (before,))}
    assert reasons == {"re-sent by the site after corrections"}


def test_one_bad_subject_refuses_the_whole_file(odm_file, tmp_path, capsys):
    tree = etree.parse(str(odm_file))
    last = tree.findall(".//odm:SubjectData", NS)[-1]
    item = last.find(".//odm:ItemData[@ItemOID='IT.SUBJECT.SEX']", NS)
    item.set("Value", "X")
    bad = tmp_path / "bad.xml"
    tree.write(str(bad), xml_declaration=True, encoding="utf-8")
    target = tmp_path / "copy.sqlite3"
    assert main(["import", "--db", str(target), "--format", "odm", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"subject {last.get('SubjectKey')}" in err and "'X' is not a value of IT.SUBJECT.SEX" in err
    assert not target.exists()


def test_an_unknown_item_is_named(odm_file, tmp_path):
    tree = etree.parse(str(odm_file))
    tree.find(".//odm:ItemData", NS).set("ItemOID", "IT.NOPE")
    bad = tmp_path / "bad.xml"
    tree.write(str(bad))
    with pytest.raises(OdmRefused, match="IT.NOPE"):
        read_odm(bad)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3"><ClinicalData StudyOID="S" MetaDataVersionOID="M">
<SubjectData SubjectKey="&lol9;"/></ClinicalData></ODM>
"""


def test_a_billion_laughs_file_is_refused(tmp_path, capsys):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    target = tmp_path / "copy.sqlite3"
    assert main(["import", "--db", str(target), "--format", "odm", str(bomb)]) == 2
    assert "DTD" in capsys.readouterr().err and not target.exists()


def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("LN-SECRET", encoding="utf-8")
    xxe = tmp_path / "xxe.xml"
    xxe.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE ODM [<!ENTITY leak SYSTEM "file://{secret}">]>
<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3"><ClinicalData StudyOID="S" MetaDataVersionOID="M">
<SubjectData SubjectKey="&leak;"/></ClinicalData></ODM>
""", encoding="utf-8")
    with pytest.raises(OdmRefused, match="DTD") as refused:
        read_odm(xxe)
    assert "LN-SECRET" not in str(refused.value)


def test_on_a_database_with_accounts_the_import_signs_in(odm_file, demo_path, tmp_path, monkeypatch, capsys):
    # the demo database has accounts; the file keeps one LN subject (the demo locks a visit of LC-01)
    tree = etree.parse(str(odm_file))
    clinical = tree.find(".//odm:ClinicalData", NS)
    subjects = clinical.findall("odm:SubjectData", NS)
    key = next(s.get("SubjectKey") for s in subjects if s.get("SubjectKey").startswith("LN-"))
    for subject in subjects:
        if subject.get("SubjectKey") != key:
            clinical.remove(subject)
    one = tmp_path / "one.xml"
    tree.write(str(one))
    args = ["import", "--db", str(demo_path), "--format", "odm", str(one), "--replace", "--reason", "resent"]
    assert main(args) == 2
    assert "--user" in capsys.readouterr().err
    login, _, _, password = DEMO_ACCOUNTS[1]
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    assert main([*args, "--user", login, "--password-stdin"]) == 0
    with closing(sqlite3.connect(demo_path)) as conn:
        users = {r[0] for r in conn.execute(
            "SELECT DISTINCT user FROM audit_log WHERE reason = 'resent' AND subject_id = ?", (key,))}
    assert users == {login}

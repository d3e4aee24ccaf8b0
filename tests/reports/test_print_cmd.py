from __future__ import annotations

from pathlib import Path

import pytest

from main import main
from models.database import backup_copy
from tests.reports.pdfcheck import outline, page_texts, printed_heads


def test_print_subject_binder_and_blank_crf(demo_db_path: Path, tmp_path: Path, capsys) -> None:
    subject = tmp_path / "LN-01.pdf"
    assert main(["print", "--db", str(demo_db_path), "--subject", "LN-01", "--out", str(subject),
                 "--as-of", "2026-11-25"]) == 0
    assert "Subject LN-01" in page_texts(subject)[0]
    binder = tmp_path / "all.pdf"
    assert main(["print", "--db", str(demo_db_path), "--all", "--out", str(binder), "--as-of", "2026-11-25"]) == 0
    assert len([1 for level, _, _ in outline(binder) if level == 0]) == 1 + 10
    crf = tmp_path / "crf.pdf"
    assert main(["print", "--db", str(demo_db_path), "--blank-crf", "--out", str(crf)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LN-01.pdf", "all.pdf", "crf.pdf"]


def test_bad_input_gets_one_line_and_status_2(demo_db_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.pdf"
    assert main(["print", "--db", str(demo_db_path), "--subject", "ZZ-99", "--out", str(out)]) == 2
    assert "No subject ZZ-99" in capsys.readouterr().err
    assert main(["print", "--db", str(tmp_path / "none.db"), "--all", "--out", str(out)]) == 2
    assert main(["print", "--db", str(demo_db_path), "--all", "--out", str(tmp_path / "no" / "x.pdf")]) == 2
    assert main(["print", "--db", str(demo_db_path), "--subject", "LN-01", "--out", str(out),
                 "--as-of", "25/11/2026"]) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("what", [["--subject", "LN-01"], ["--all"]])
def test_the_print_anchor_records_the_head_the_footer_shows(what: list[str], demo_db_path: Path, tmp_path: Path,
                                                            monkeypatch, capsys) -> None:
    """A save while the PDF is being laid out: the footer and the print anchor both show the head read before."""
    import reports.binder
    import reports.source
    from models.anchor import anchor_log_path, read_anchors, read_head
    from models.subjects import list_subjects, save_subject
    from models.users import authenticate
    from tests.models.conftest import subject_input

    study = tmp_path / "study.sqlite3"
    backup_copy(demo_db_path, study)
    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(tmp_path / "userdata"))
    load = reports.source.load_subject_print

    def load_then_save(db, subject_id, as_of):
        if not any(s.subject_id == "LN-98" for s in list_subjects(db)):
            db.sign_in(authenticate(db, "coordinator", "demo-coord-2026"))
            save_subject(db, subject_input(subject_id="LN-98", screening_number="S-998"), user="coordinator")
        return load(db, subject_id, as_of)

    monkeypatch.setattr(reports.source, "load_subject_print", load_then_save)
    monkeypatch.setattr(reports.binder, "load_subject_print", load_then_save)
    before = read_head(study)
    out = tmp_path / "out.pdf"
    assert main(["print", "--db", str(study), *what, "--out", str(out), "--as-of", "2026-11-25"]) == 0
    assert read_head(study).rows > before.rows  # the save went through while printing
    heads = set(printed_heads(out))
    assert heads == {(before.rows, before.last_hash[:12])}
    anchor = read_anchors(anchor_log_path())[-1]
    assert anchor.event == "print" and anchor.head == before

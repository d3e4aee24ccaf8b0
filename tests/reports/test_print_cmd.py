from __future__ import annotations

from pathlib import Path

from main import main
from tests.reports.pdfcheck import outline, page_texts


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

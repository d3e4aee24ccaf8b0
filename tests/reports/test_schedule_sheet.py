"""The visit schedule sheet (reportlab, one A4 page) read back with pypdf, and the ICS export parsed back."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar
from pypdf import PdfReader

from models.schedule_store import load_schedule
from reports.schedule_ics import export_ics
from reports.schedule_sheet import build_schedule_sheet
from tests.reports.conftest import AS_OF, PRINTED
from tests.reports.pdfcheck import page_texts

ROOT = Path(__file__).resolve().parents[2]


def test_sheet_is_one_a4_page_with_every_date_and_window(demo_db, tmp_path) -> None:
    out = build_schedule_sheet(tmp_path / "LN-03.pdf", demo_db, "LN-03", today=AS_OF, printed_on=PRINTED, lang="en")
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = page_texts(out)[0]
    schedule = load_schedule(demo_db, "LN-03", AS_OF)
    assert "Visit schedule — LN-03" in text and "Page 1 of 1" in text
    for v in schedule.visits:
        assert v.target.isoformat() in text
        assert f"{v.window.earliest.isoformat()} – {v.window.latest.isoformat()}" in text
    assert "after window" in text  # LN-03 has an out-of-window visit
    assert "× 10⁸ cells" in text


def test_sheet_of_a_subject_with_a_planned_infusion_says_dates_will_move(demo_db, tmp_path) -> None:
    out = build_schedule_sheet(tmp_path / "LN-05.pdf", demo_db, "LN-05", today=AS_OF, printed_on=PRINTED, lang="en")
    text = page_texts(out)[0]
    assert "PLANNED infusion 1" in text and "planned" in text


def test_ics_holds_one_event_per_open_visit(demo_db, tmp_path) -> None:
    path, count = export_ics(demo_db, tmp_path / "LN-04.ics", AS_OF, "LN-04")
    cal = Calendar.from_ical(path.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    schedule = load_schedule(demo_db, "LN-04", AS_OF)
    open_visits = {v.code: v for v in schedule.visits if v.status in ("upcoming", "due", "overdue")}
    assert count == len(events) == len(open_visits) > 0
    for event in events:
        code = str(event["uid"]).removeprefix("LN-04-").removesuffix("@trialdesk")
        start = event.decoded("dtstart")
        assert start == open_visits[code].target
        assert event.decoded("dtend") == start + timedelta(days=1)
        assert open_visits[code].window.earliest.isoformat() in str(event["description"])
    assert any("overdue" in str(e["description"]) for e in events)  # LN-04 has an overdue visit


def test_export_ics_command_for_all_subjects_and_bad_input(demo_db_path, tmp_path) -> None:
    out = tmp_path / "all.ics"
    done = subprocess.run([sys.executable, "main.py", "export-ics", "--db", str(demo_db_path), "--out", str(out),
                           "--today", AS_OF.isoformat()], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert {str(e["uid"]).split("-W")[0].split("-D")[0].split("-Y")[0][:5] for e in events} >= {"LN-04", "LC-05"}
    assert all(isinstance(e.decoded("dtstart"), date) for e in events)
    bad = subprocess.run([sys.executable, "main.py", "export-ics", "--db", str(demo_db_path), "--subject", "LN-99",
                          "--out", str(tmp_path / "x.ics")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "LN-99" in bad.stderr and not (tmp_path / "x.ics").exists()


def test_print_command_writes_the_schedule_sheet_in_korean_unless_asked(demo_db_path, tmp_path) -> None:
    def sheet(*lang: str) -> str:
        out = tmp_path / f"LN-04-schedule{''.join(lang)}.pdf"
        done = subprocess.run([sys.executable, "main.py", "print", "--db", str(demo_db_path), "--schedule", "LN-04",
                               "--out", str(out), "--as-of", AS_OF.isoformat(), *lang], cwd=ROOT,
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        text = page_texts(out)
        assert len(text) == 1
        return text[0]

    korean = sheet()
    assert "방문 일정표 — LN-04" in korean and "기한 경과" in korean and "1쪽 중 1쪽" in korean
    english = sheet("--lang", "en")
    assert "Visit schedule — LN-04" in english and "OVERDUE" in english and "방문" not in english

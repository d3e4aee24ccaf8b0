"""The visit form reads as one page (issue 13, item 14): the values start at one x in every section, whatever the
section's longest label, in English and in Korean; and the calendar opens with the heading every section has."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QPoint
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from tests.ui.conftest import close_without_questions
from tests.ui.test_visit_editor import subject  # noqa: F401 - the fixture
from ui.entry.sections.base import MARKER_COLUMN
from ui.entry.visit_editor import VisitEditor, open_visit_editor
from ui.shell.i18n import install_translators
from ui.shell.main_window import MainWindow
from ui.widgets.heading import TITLE_SCALE

TODAY = date(2026, 6, 1)


@pytest.fixture(params=["en", "ko"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")
    QLocale.setDefault(before)


@pytest.fixture
def main(qtbot, db, drafts) -> Iterator[MainWindow]:
    window = MainWindow(db, drafts=drafts, user="tester", today=lambda: TODAY)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for editor in window.findChildren(VisitEditor):
        editor.initial_raw = editor.raw()
    close_without_questions(window)


def value_widgets(editor: VisitEditor) -> dict[str, list[QWidget]]:
    """The first input of every row of each section (SLEDAI-2K's and BILAG's first column), by section title."""
    half = (len(editor.sledai.boxes) + 1) // 2
    return {
        "header": [editor.header.date, editor.header.code_label],
        "vitals": [row.editor for row in editor.vitals.rows.values()],
        "haematology": [row.editor for row in editor.hematology.rows.values()],
        "chemistry": [row.editor for row in editor.chemistry.rows.values()] + [editor.chemistry.egfr],
        "urine": [row.editor for row in editor.urine.rows.values()] + [editor.urine.none_seen],
        "immunology": [row.editor for row in editor.immunology.rows.values()],
        "sledai": list(editor.sledai.boxes.values())[:half],
        "pga": [editor.pga.value],
        "bilag": list(editor.bilag.grades.values())[:5],
        "flare": list(editor.flare.answers.values()),
        "lldas": list(editor.lldas.answers.values()),
    }


def test_values_start_at_one_x_in_every_section(qtbot, language: str, main: MainWindow, subject: str) -> None:  # noqa: F811
    editor = open_visit_editor(main, subject, code="W4", when=date(2026, 3, 2))
    qtbot.waitExposed(editor)
    form = editor.scroll.widget()
    lefts = {name: {w.mapTo(form, QPoint(0, 0)).x() for w in widgets}
             for name, widgets in value_widgets(editor).items()}
    assert all(len(xs) == 1 for xs in lefts.values()), lefts
    assert len({x for xs in lefts.values() for x in xs}) == 1, (language, sorted(lefts.items()))
    labels = [label for section in editor.sections for label in section.labels_in_column if label.isVisible()]
    assert len({label.mapTo(form, QPoint(0, 0)).x() for label in labels}) == 1
    for label in labels:  # every label whole, with room for the required mark
        assert label.width() >= label.sizeHint().width(), label.text()
    assert editor.lldas.labels["lldas.maintenance_is_standard_tolerated"].isVisible()


def test_the_calendar_has_the_sections_heading(qtbot, main: MainWindow) -> None:
    main.show_section("calendar")
    calendar = main.section("calendar")
    heading = calendar.findChild(QWidget, "sectionHeading")
    assert heading is not None and heading.isVisible()
    title = heading.findChild(QLabel, "sectionTitle")
    reference = main.section("subjects").findChild(QLabel, "sectionTitle")
    assert title.text() == "Calendar" and title.font().bold()
    assert title.font().pointSizeF() == pytest.approx(reference.font().pointSizeF())
    assert title.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF() * TITLE_SCALE)
    assert heading.mapTo(calendar, QPoint(0, 0)).y() < calendar.grid.mapTo(calendar, QPoint(0, 0)).y()


def row_columns(editor: VisitEditor) -> dict[str, dict[str, int]]:
    """x of each numeric row's "Not done" box and "Not attributable to SLE" box, by section and row."""
    form = editor.scroll.widget()
    out: dict[str, dict[str, int]] = {"not_done": {}, "not_attributable": {}}
    for section in editor.sections:
        for name, row in section.rows.items():
            out["not_done"][name] = row.not_done.box.mapTo(form, QPoint(0, 0)).x()
            if row.not_attributable is not None:
                out["not_attributable"][name] = row.not_attributable.mapTo(form, QPoint(0, 0)).x()
    out["not_done"]["urine_casts"] = editor.urine.casts_nd.box.mapTo(form, QPoint(0, 0)).x()
    out["not_attributable"]["urine_casts"] = editor.urine.casts_na.mapTo(form, QPoint(0, 0)).x()
    return out


def test_not_done_and_not_attributable_start_at_one_x_in_every_section(
        qtbot, language: str, main: MainWindow, subject: str) -> None:  # noqa: F811
    """Vital signs and every lab section (urine casts too): one x for "Not done", one for "Not attributable to
    SLE", which stay put when a value typed in another unit shows its conversion, a "not done" opens its reason,
    or a field gets a query marker."""
    editor = open_visit_editor(main, subject, code="W4", when=date(2026, 3, 2))
    qtbot.waitExposed(editor)
    before = row_columns(editor)
    assert len(before["not_done"]) >= 20 and len(before["not_attributable"]) >= 15
    sections = {section.title() for section in editor.sections if section.rows}
    assert len(sections) >= 5, sections
    assert len(set(before["not_done"].values())) == 1, (language, before["not_done"])
    assert len(set(before["not_attributable"].values())) == 1, (language, before["not_attributable"])
    haemoglobin = editor.hematology.rows["hemoglobin_g_dl"]
    haemoglobin.unit.setCurrentIndex(haemoglobin.unit.findData("g/L"))
    haemoglobin.editor.setText("109.7")
    creatinine = editor.chemistry.rows["creatinine_mg_dl"]
    creatinine.not_done.box.setChecked(True)
    creatinine.not_done.reason.setText("sample haemolysed, the laboratory could not measure it again in time")
    marker = QLabel("⚑ 2 queries open")
    editor.immunology.grid.addWidget(marker, 0, MARKER_COLUMN)
    qtbot.waitUntil(lambda: haemoglobin.conversion.text().startswith("= 10.97") and marker.isVisible())
    QApplication.processEvents()
    assert row_columns(editor) == before
    assert creatinine.not_done.reason.isVisible()
    assert creatinine.not_done.reason.mapTo(editor.scroll.widget(), QPoint(0, 0)).x() == before["not_done"][
        "creatinine_mg_dl"]  # the reason opens under its box
    assert haemoglobin.conversion.width() >= haemoglobin.conversion.sizeHint().width()  # the conversion whole

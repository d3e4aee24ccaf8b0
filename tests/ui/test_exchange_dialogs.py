"""pytest-qt: File → Export (CSV of the demo database read back, chosen subjects in ODM, Cancel leaves no file and
the window keeps running) and File → Import labs (the example Hangul export previewed with every fate, one conflict
overwritten and one skipped through the dialog, the database checked; monitors see the action disabled)."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QMenu
from sqlalchemy import select

import exchange.dataset_files
import exchange.odm_export
from endpoints.dossier import Dossier, Infusion, Labs, Subject, Visit
from exchange.lab_import import (
    CONFLICT,
    DUPLICATE,
    IMPLAUSIBLE,
    NEW,
    NO_VISIT,
    SAME,
    UNKNOWN_SUBJECT,
    UNKNOWN_TEST,
    UNKNOWN_UNIT,
    UNREADABLE,
)
from models.database import Database, open_database
from models.dossier_store import REGISTRY_EXTENSION, import_dossier
from models.schema import AuditEntry, LabValue
from models.schema import Visit as VisitRow
from models.security import Role
from models.subjects import list_subjects
from models.users import authenticate, create_first_administrator, create_user
from tests.ui.conftest import DEMO_AS_OF, close_without_questions
from ui.drafts import DraftStore
from ui.exchange.export_dialog import ExportDialog
from ui.exchange.feature import ExchangeActions
from ui.exchange.lab_dialog import ImportLabsDialog
from ui.exchange.lab_table import COLUMNS, fate_words
from ui.shell.main_window import MainWindow

LABS = Path(__file__).resolve().parents[1] / "data" / "labs"
MAPPING = LABS / "hanyang-lab.toml"


def exchange_of(window: MainWindow) -> ExchangeActions:
    actions = window.findChild(ExchangeActions)
    assert actions is not None
    return actions


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------------------------------------------------------
# Export


@pytest.fixture
def export_window(demo_window: MainWindow) -> Iterator[MainWindow]:
    yield demo_window
    dialog = exchange_of(demo_window).export_dialog
    if dialog is not None:
        dialog.cancel()
        assert dialog.wait()
    close_without_questions(demo_window)


def open_export(qtbot, window: MainWindow, fmt: str, target: Path) -> ExportDialog:
    menu = window.menuBar().findChild(QMenu, "fileMenu")
    next(a for a in menu.actions() if a.objectName() == "exportAction").trigger()
    dialog = exchange_of(window).export_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    dialog.target_edit.clear()
    qtbot.keyClicks(dialog.target_edit, str(target))
    return dialog


def test_export_csv_of_the_demo_database_and_read_it_back(qtbot, export_window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "export" / "tables"
    dialog = open_export(qtbot, export_window, "csv", out)
    assert dialog.all_subjects.isChecked() and not dialog.subject_list.isEnabled()
    with qtbot.waitSignal(dialog.finished_export, timeout=120000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert dialog.cancel_button.isEnabled() and not dialog.export_button.isEnabled()
    result = blocker.args[0]
    assert result is not None and result.subjects == 10
    names = leftovers(out)
    assert names == sorted(p.name for p in result.paths) and "dict.csv" in names and "scores.csv" in names
    assert leftovers(out.parent) == ["tables"]  # no hidden staging folder left beside it
    with (out / "endpoint.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["subjid"] for r in rows} == {s.subject_id for s in list_subjects(export_window.db)}
    assert (out / "endpoint.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    assert "Exported 10 subject(s)" in dialog.progress_label.text()
    assert dialog.open_button.isEnabled()
    opened = []
    exchange_of(export_window).open_url = lambda url: opened.append(url.toLocalFile()) or True
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(out)]


def test_export_odm_of_the_subjects_ticked(qtbot, export_window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "two.xml"
    dialog = open_export(qtbot, export_window, "odm", target)
    qtbot.mouseClick(dialog.chosen_subjects, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert dialog.subject_list.isEnabled()
    for row in range(dialog.subject_list.count()):
        item = dialog.subject_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in ("LC-02", "LN-03"):
            item.setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.finished_export, timeout=120000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] is not None and blocker.args[0].subjects == 2
    tree = etree.parse(str(target))
    keys = tree.xpath("//odm:SubjectData/@SubjectKey", namespaces={"odm": "http://www.cdisc.org/ns/odm/v1.3"})
    assert sorted(keys) == ["LC-02", "LN-03"]
    assert "two.xml" in leftovers(tmp_path) and not [n for n in leftovers(tmp_path) if "partial" in n]


def test_nothing_ticked_is_said_and_nothing_runs(qtbot, export_window: MainWindow, tmp_path: Path) -> None:
    dialog = open_export(qtbot, export_window, "csv", tmp_path / "none")
    qtbot.mouseClick(dialog.chosen_subjects, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.busy and "Tick at least one subject" in dialog.error_label.text()
    assert not (tmp_path / "none").exists()


class Gate:
    """Holds the export's worker at a chosen point: `reached` once it is there, it goes on after `release`."""

    def __init__(self) -> None:
        self.reached, self.release = threading.Event(), threading.Event()

    def wrap(self, function):
        def held(*args, **kwargs):
            result = function(*args, **kwargs)
            self.reached.set()
            assert self.release.wait(60)
            return result

        return held


@pytest.mark.parametrize("fmt", ["csv", "odm"])
def test_cancel_midway_leaves_no_file_and_the_window_keeps_running(qtbot, export_window: MainWindow, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    gate = Gate()
    if fmt == "csv":  # held after the first table file is written into the staging folder
        monkeypatch.setattr(exchange.dataset_files, "write_datasets", gate.wrap(exchange.dataset_files.write_datasets))
    else:  # held after the first subject is written into the temporary file
        monkeypatch.setattr(exchange.odm_export.SubjectWriter, "subject_data",
                            gate.wrap(exchange.odm_export.SubjectWriter.subject_data))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / ("study.xml" if fmt == "odm" else "tables")
    dialog = open_export(qtbot, export_window, fmt, target)
    ticks: list[int] = []
    timer = QTimer(export_window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.reached.is_set, timeout=60000)
    assert leftovers(out_dir)  # something is being written (under a temporary name)
    qtbot.wait(50)
    with qtbot.waitSignal(dialog.finished_export, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        gate.release.set()
    timer.stop()
    assert blocker.args == [None]
    assert leftovers(out_dir) == []  # neither the export nor its temporary file or folder
    assert len(ticks) > 2  # the event loop kept running while the worker was held
    assert "cancelled" in dialog.progress_label.text() and dialog.export_button.isEnabled()
    assert "cancelled" in export_window.statusBar().currentMessage()


# ---------------------------------------------------------------------------------------------------------------
# Import labs


def lab_subject() -> Dossier:
    """S-101 / LN-11 with hemoglobin and creatinine at screening (rows 2 and 3 of the example) and an albumin that
    the example's row 4 contradicts: two conflicts."""
    return Dossier(
        as_of=DEMO_AS_OF,
        subject=Subject(id="LN-11", subgroup="LN", sex="F", birth_date=date(1988, 3, 9), status="enrolled",
                        consent_date=date(2026, 1, 2)),
        infusions=(Infusion(1, date(2026, 1, 20), date(2026, 1, 20), 54.0, 1.08e8, "full"),),
        visits=(
            Visit("SCR", date(2026, 1, 5), labs=Labs(hemoglobin_g_dl=10.9, creatinine_mg_dl=0.97, albumin_g_dl=4.1)),
            Visit("D0", date(2026, 1, 20)),
            Visit("W4", date(2026, 2, 17), labs=Labs(hemoglobin_g_dl=11.2)),
        ),
        extensions={REGISTRY_EXTENSION: {"screening_number": "S-101"}},
    )


@pytest.fixture
def lab_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "labs.sqlite3", clock=lambda: datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    import_dossier(db, lab_subject(), user="setup")
    yield db
    db.close()


@pytest.fixture
def lab_window(qtbot, lab_db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(lab_db, drafts=DraftStore(tmp_path / "drafts"), user="coordinator", today=lambda: DEMO_AS_OF)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    close_without_questions(main)


def labs_in(db: Database) -> dict[tuple[str, str], LabValue]:
    with db.read() as session:
        rows = session.execute(select(VisitRow.code, VisitRow.date, LabValue).join(LabValue.visit)).all()
    return {(f"{code} {when}", lab.key): lab for code, when, lab in rows}


def open_labs(qtbot, window: MainWindow, lab_file: Path) -> ImportLabsDialog:
    menu = window.menuBar().findChild(QMenu, "fileMenu")
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.objectName() == "importLabsAction")
    assert action.isEnabled()
    action.trigger()
    dialog = exchange_of(window).labs_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.lab_edit, str(lab_file))
    dialog.mapping_edit.clear()
    qtbot.keyClicks(dialog.mapping_edit, str(MAPPING))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    return dialog


def cell(dialog: ImportLabsDialog, line: int, column: str, role=Qt.ItemDataRole.DisplayRole):
    model = dialog.model
    return model.index(model.row_of_line(line), COLUMNS.index(column)).data(role)


def shown_index(dialog: ImportLabsDialog, line: int, column: str = "row"):
    """The table's index (sorted, maybe filtered) of a file row's cell."""
    model = dialog.model
    return dialog.view_model.mapFromSource(model.index(model.row_of_line(line), COLUMNS.index(column)))


def click_cell(qtbot, dialog: ImportLabsDialog, line: int, column: str = "row") -> None:
    index = shown_index(dialog, line, column)
    dialog.table.scrollTo(index)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=dialog.table.visualRect(index).center())


def select_line(qtbot, dialog: ImportLabsDialog, line: int) -> None:
    click_cell(qtbot, dialog, line)
    rows = dialog.table.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [shown_index(dialog, line).row()]


EXPECTED = {2: SAME, 3: CONFLICT, 4: CONFLICT, 5: NEW, 6: NO_VISIT, 7: UNKNOWN_TEST, 8: UNKNOWN_UNIT, 9: IMPLAUSIBLE,
            10: UNKNOWN_SUBJECT, 11: UNREADABLE, 12: DUPLICATE}


@pytest.mark.parametrize("name", ["hanyang-labs.csv", "hanyang-labs.xlsx"])
def test_import_labs_one_conflict_overwritten_one_skipped(qtbot, lab_window: MainWindow, lab_db: Database,
                                                          name: str) -> None:
    dialog = open_labs(qtbot, lab_window, LABS / name)
    words = fate_words()
    assert {line: cell(dialog, line, "fate") for line in EXPECTED} == {
        line: words[fate] for line, fate in EXPECTED.items()}
    assert all(cell(dialog, line, "fate", Qt.ItemDataRole.DecorationRole) is not None for line in EXPECTED)
    assert cell(dialog, 3, "test") == "크레아티닌" and cell(dialog, 3, "entered") == "0.97 mg/dL"
    assert "11 rows" in dialog.counts_label.text() and "conflict 2" in dialog.counts_label.text()
    # The conflicts and the row without a visit wait for a choice: nothing can be applied yet.
    assert dialog.model.undecided() == [3, 4, 6]
    assert cell(dialog, 3, "choice") == "Choose…" and cell(dialog, 5, "choice") == "Import"
    qtbot.keyClicks(dialog.reason_edit, "Hanyang lab report 2026-11-30")
    assert not dialog.apply_button.isEnabled() and "3 row(s) wait for your choice" in dialog.waiting_label.text()
    assert dialog.apply() == 0 and labs_in(lab_db)[("SCR 2026-01-05", "creatinine_mg_dl")].canonical_value == 0.97

    select_line(qtbot, dialog, 3)  # overwrite the creatinine, with the button for the selected rows
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert cell(dialog, 3, "choice") == "Overwrite"
    click_cell(qtbot, dialog, 4, "choice")  # skip the albumin, in its own drop-down
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.findChild(QComboBox, "choiceEditor")
    assert editor is not None and [editor.itemText(i) for i in range(editor.count())] == [
        "Choose…", "Overwrite", "Skip (keep entered)"]
    editor.setCurrentIndex(2)
    editor.activated.emit(2)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert cell(dialog, 4, "choice") == "Skip (keep entered)"
    select_line(qtbot, dialog, 6)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.model.undecided() == [] and dialog.apply_button.isEnabled()
    assert dialog.apply_button.text() == "Apply: write 2 value(s)"

    with qtbot.waitSignal(lab_window.events.visit_saved, timeout=10000) as saved:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["LN-11"]
    labs = labs_in(lab_db)
    creatinine = labs[("SCR 2026-01-05", "creatinine_mg_dl")]
    assert (creatinine.original_value, creatinine.original_unit, creatinine.canonical_value) == ("88.4", "umol/L", 1.0)
    assert labs[("SCR 2026-01-05", "albumin_g_dl")].canonical_value == 4.1  # skipped: the entered value stays
    assert labs[("W4 2026-02-17", "platelets_10e9_l")].canonical_value == 180.0  # the new value
    assert not [key for key in labs if key[0].startswith("UNS")]  # the no-visit row was skipped
    with lab_db.read() as session:
        reasons = set(session.scalars(select(AuditEntry.reason).where(AuditEntry.user == "coordinator")))
    assert reasons == {"Hanyang lab report 2026-11-30"}
    assert "Wrote 2 lab value(s) for 1 subject(s)" in dialog.result_label.text()
    assert cell(dialog, 3, "fate") == words[SAME] and cell(dialog, 5, "fate") == words[SAME]  # read again
    assert cell(dialog, 4, "fate") == words[CONFLICT]


def test_only_the_rows_that_need_a_choice_then_skip_them_all(qtbot, lab_window: MainWindow) -> None:
    dialog = open_labs(qtbot, lab_window, LABS / "hanyang-labs.csv")
    assert dialog.view_model.rowCount() == 11
    qtbot.mouseClick(dialog.only_choices, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    shown = [dialog.view_model.index(r, 0).data() for r in range(dialog.view_model.rowCount())]
    assert shown == ["3", "4", "6"]
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.model.undecided() == [] and dialog.model.api_choices() == {3: "skip", 4: "skip", 6: "skip"}
    qtbot.mouseClick(dialog.only_choices, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    dialog.table.sortByColumn(COLUMNS.index("fate"), Qt.SortOrder.AscendingOrder)  # new values first
    assert dialog.view_model.index(0, 0).data() == "5" and dialog.view_model.rowCount() == 11


def test_a_changed_database_is_previewed_again_before_writing(qtbot, lab_window: MainWindow,
                                                              lab_db: Database) -> None:
    from exchange.lab_import import apply_labs, preview_labs, read_lab_file
    from exchange.lab_mapping import load_mapping

    dialog = open_labs(qtbot, lab_window, LABS / "hanyang-labs.csv")
    dialog.model.set_choice([dialog.model.row_of_line(n) for n in (3, 4, 6)], "skip")
    qtbot.keyClicks(dialog.reason_edit, "report")
    mapping = load_mapping(MAPPING)  # someone else enters the platelets meanwhile
    other = preview_labs(lab_db, read_lab_file(LABS / "hanyang-labs.csv", mapping), mapping)
    assert apply_labs(lab_db, other, {3: "skip", 4: "skip"}, user="someone", reason="typed by hand") == 1
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "changed since the preview" in dialog.result_label.text()
    assert cell(dialog, 5, "fate") == fate_words()[SAME]
    assert dialog.model.choices[3] == "skip"  # choices kept where the fate did not change


def test_bad_files_are_said_in_plain_words(qtbot, lab_window: MainWindow, tmp_path: Path) -> None:
    dialog = open_labs(qtbot, lab_window, tmp_path / "missing.csv")
    assert dialog.file_error.isVisible() and "cannot be read" in dialog.file_error.text()
    assert "Traceback" not in dialog.file_error.text() and dialog.preview is None
    assert not dialog.apply_button.isEnabled()


def test_monitors_and_administrators_cannot_import(qtbot, lab_window: MainWindow, lab_db: Database) -> None:
    menu = lab_window.menuBar().findChild(QMenu, "fileMenu")
    action = next(a for a in menu.actions() if a.objectName() == "importLabsAction")
    password = "long-enough-password"
    admin = create_first_administrator(lab_db, "administrator1", "Admin", password)
    for role in (Role.MONITOR, Role.INVESTIGATOR):
        create_user(lab_db, admin, f"{role.value}1", role.value, role, password)
    actors = {role: authenticate(lab_db, f"{role.value}1", password)
              for role in (Role.MONITOR, Role.ADMINISTRATOR, Role.INVESTIGATOR)}
    for role, allowed in ((Role.MONITOR, False), (Role.ADMINISTRATOR, False), (Role.INVESTIGATOR, True)):
        lab_db.sign_in(actors[role])
        menu.aboutToShow.emit()
        assert action.isEnabled() is allowed
        assert ("monitors and administrators cannot import" in action.toolTip()) is not allowed
    lab_db.sign_in(actors[Role.MONITOR])
    assert exchange_of(lab_window).open_import_labs() is None


def test_the_dialogs_fit_the_site_laptop(qtbot, lab_window: MainWindow) -> None:
    """1366×768 less a 40-pixel taskbar and the window frame."""
    for dialog in (open_labs(qtbot, lab_window, LABS / "hanyang-labs.csv"), exchange_of(lab_window).open_export()):
        assert dialog.width() <= 1366 - 16 and dialog.height() <= 768 - 40 - 40

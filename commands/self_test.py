"""Self-test: checks resources, storage and the main window on a temporary database, printing each check.

Run as `python main.py --self-test` or `TrialDesk --self-test` (the built binary); exit code 0 when every
check passed. The main window is opened on Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import sys
import tempfile
import traceback
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from models.database import Database


class CheckFailed(Exception):
    """A self-test check found something wrong."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def _say(text: str) -> None:
    if sys.stdout is not None:  # a windowed Windows build has no console
        print(text, flush=True)


class SelfTest:
    """The checks, in order; each returns a one-line description of what it saw."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.app: QApplication | None = None
        self.db: Database | None = None

    def checks(self):
        return [
            ("bundled resources", self.check_resources),
            ("Qt and the Korean font", self.check_qt),
            ("Korean translations: TrialDesk's and Qt's own", self.check_translations),
            ("create and migrate a database", self.check_database),
            ("write and read a subject through the audited path", self.check_subject),
            ("edit without a reason refused, with a reason saved and audited", self.check_reason),
            ("numeric and plotting libraries work", self.check_libraries),
            ("Kaplan-Meier through scipy", self.check_kaplan_meier),
            ("XLSX export and a Hangul PDF", self.check_exports),
            ("Qt text services: Korean collation, case mapping, time-zone names", self.check_text_services),
            ("main window opens and closes", self.check_window),
        ]

    def check_resources(self) -> str:
        from apppaths import resource_path
        from models.paths import migrations_dir

        needed = [resource_path("study.toml"), resource_path("fonts", "NanumGothic.ttf"),
                  resource_path("fonts", "NanumGothicBold.ttf"), resource_path("fonts", "OFL-NanumGothic.txt")]
        missing = [str(p) for p in needed if not p.is_file()]
        _require(not missing, f"missing: {', '.join(missing)}")
        versions = sorted((migrations_dir() / "versions").glob("*.py"))
        _require((migrations_dir() / "env.py").is_file() and bool(versions), f"no migrations in {migrations_dir()}")
        return f"study.toml, 2 fonts + licence, {len(versions)} migration(s) in {migrations_dir()}"

    def check_qt(self) -> str:
        from PySide6.QtGui import QFontDatabase, QFontMetrics

        from ui.app import create_application

        self.app = create_application()
        family = self.app.font().family()
        _require("NanumGothic" in QFontDatabase.families(), "the bundled NanumGothic font is not registered")
        covers_hangul = QFontMetrics(self.app.font()).inFontUcs4(ord("한"))
        _require(covers_hangul, f"the application font {family} has no Hangul glyphs")
        return f"platform {self.app.platformName()}, application font {family} covers Hangul"

    def check_translations(self) -> str:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QDialogButtonBox

        from ui.shell.i18n import install_translators

        assert self.app is not None
        try:
            installed = install_translators(self.app, "ko")
            menu = QCoreApplication.translate("MainWindow", "&File")
            box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text()
        finally:
            install_translators(self.app, "en")
        _require(menu == "파일(&F)", f"TrialDesk's Korean catalogue not applied (&File -> {menu})")
        _require(cancel == "취소", f"Qt's own Korean (qtbase_ko.qm) not applied (Cancel -> {cancel})")
        return f"{len(installed)} translators: &File -> {menu}, Cancel -> {cancel}"

    def check_database(self) -> str:
        from models.database import open_database

        path = self.folder / "selftest.sqlite3"
        self.db = open_database(path)
        with closing(sqlite3.connect(path)) as conn:
            journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        _require(journal == "wal", f"journal mode is {journal}, expected wal")
        _require(integrity == "ok", f"integrity check says {integrity}")
        return f"schema revision {revision}, WAL, integrity ok, configuration {self.db.config.label!r}"

    def check_subject(self) -> str:
        from models.subjects import SubjectInput, get_subject, save_subject

        assert self.db is not None
        data = SubjectInput(
            subject_id="LN-01", screening_number="S-001", subgroup="LN", sex="F", birth_date=dt.date(1990, 4, 12),
            consent_date=dt.date.today(), initials="김민지", weight_kg=58.5, notes="자가 검사 (self-test)",
        )
        save_subject(self.db, data, user="self-test")
        record = get_subject(self.db, "LN-01")
        _require(record.initials == "김민지" and record.weight_kg == 58.5, f"read back {record}")
        inserts = self._audit_rows("insert")
        _require(inserts > 0, "no audit row was written for the new subject")
        return f"LN-01 saved and read back, {inserts} insert audit row(s)"

    def check_reason(self) -> str:
        from models.errors import ReasonRequired
        from models.subjects import get_subject, save_subject

        assert self.db is not None
        changed = replace(get_subject(self.db, "LN-01").to_input(), weight_kg=59.0)
        try:
            save_subject(self.db, changed, user="self-test")
        except ReasonRequired:
            pass
        else:
            raise CheckFailed("a change to saved data was accepted without a reason")
        _require(self._audit_rows("update") == 0, "the refused change left audit rows")
        save_subject(self.db, changed, user="self-test", reason="self-test correction")
        _require(get_subject(self.db, "LN-01").weight_kg == 59.0, "the change was not saved")
        rows = self._weight_updates()
        _require(rows == [("58.5", "59.0", "self-test correction")], f"weight audit rows {rows}")
        return "refused without a reason; saved with one: audit row weight_kg 58.5 -> 59.0 with the reason"

    def check_libraries(self) -> str:
        """The compiled parts of scipy, pandas and matplotlib load and compute (the build strips and trims them)."""
        import hashlib
        import io

        import pandas
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from scipy.stats import binomtest

        from reports.fonts import setup_matplotlib

        ci = binomtest(3, 10).proportion_ci(confidence_level=0.95, method="exact")
        _require(abs(ci.low - 0.0667) < 1e-3 and abs(ci.high - 0.6525) < 1e-3, f"Clopper-Pearson 3/10 gave {ci}")
        setup_matplotlib()
        figure = Figure(figsize=(2, 1), dpi=50)
        figure.add_subplot().set_title("혈소판 (platelets)")
        FigureCanvasAgg(figure)
        png = io.BytesIO()
        figure.savefig(png, format="png")
        _require(png.getvalue().startswith(b"\x89PNG"), "matplotlib did not write a PNG")
        csv = pandas.DataFrame({"subject": ["LN-01"], "proportion": [0.3]}).to_csv(index=False)
        _require(csv.splitlines() == ["subject,proportion", "LN-01,0.3"], f"pandas wrote {csv!r}")
        digest = hashlib.sha256(b"abc").hexdigest()
        _require(digest.startswith("ba7816bf8f01cfea"), f"sha256('abc') gave {digest}")
        return f"scipy exact CI 3/10 = {ci.low:.4f}-{ci.high:.4f}, matplotlib PNG with Hangul title, pandas CSV, sha256"

    def check_kaplan_meier(self) -> str:
        """The study summary's Kaplan-Meier (scipy.stats.ecdf over CensoredData) on a hand-computed example,
        drawn as the dashboard draws it (Qt canvas) and exported as PNG."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from endpoints.results import CENSORED, EVENT, TIME_TO_EVENT_ENDPOINTS, EndpointResult
        from endpoints.summary import kaplan_meier
        from reports.study_tables import write_figures
        from ui.results.dashboard_figures import km_figure

        endpoint = TIME_TO_EVENT_ENDPOINTS[0]
        rows = [(EVENT, 20), (CENSORED, 40), (EVENT, 60), (EVENT, 100), (CENSORED, 200)]
        km = kaplan_meier(endpoint, "all", [EndpointResult(status, "self-test", day=day) for status, day in rows])
        expected = {28: 0.8, 84: 0.8 * 2 / 3, 168: 0.8 * 2 / 3 / 2}
        got = {day: km.at_days[day] for day in expected}
        _require(all(got[d] is not None and abs(got[d] - v) < 1e-9 for d, v in expected.items()), f"S(t) {got}")
        _require(km.median_day == 100.0 and (km.events, km.censored) == (3, 2), f"median {km.median_day}, {km}")
        figure = km_figure({endpoint: {"all": km}}, "자가 검사 (self-test)")
        canvas = FigureCanvasQTAgg(figure)
        canvas.draw()
        (png,) = write_figures(self.folder / "figures", {"km": figure}, dpi=50)
        _require(png.read_bytes().startswith(b"\x89PNG"), "the KM figure was not written as PNG")
        canvas.deleteLater()
        return f"S(28, 84, 168) = 0.800, 0.533, 0.267, median day 100; KM figure drawn on a Qt canvas and as {png.name}"

    def check_exports(self) -> str:
        """A dashboard-style XLSX (pandas + openpyxl) read back, and a reportlab PDF with Hangul in Nanum Gothic."""
        import openpyxl
        import pandas
        from reportlab.pdfgen.canvas import Canvas

        from reports.fonts import draw_text, register_fonts
        from reports.study_tables import write_tables

        book = self.folder / "selftest.xlsx"
        write_tables(book, {"subjects": pandas.DataFrame({"subject_id": ["LN-01"], "initials": ["김민지"],
                                                          "ci_low": [0.0667]})})
        sheet = openpyxl.load_workbook(book)["subjects"]
        cells = [[c.value for c in row] for row in sheet.iter_rows()]
        _require(cells == [["subject_id", "initials", "ci_low"], ["LN-01", "김민지", 0.0667]], f"XLSX holds {cells}")
        register_fonts()
        pdf = self.folder / "selftest.pdf"
        canvas = Canvas(str(pdf))
        draw_text(canvas, 72, 720, "혈소판 150 ×10⁹/L (자가 검사)", 11)
        canvas.save()
        data = pdf.read_bytes()
        _require(data.startswith(b"%PDF") and b"NanumGothic" in data and b"/FontFile2" in data,
                 "the PDF does not embed Nanum Gothic")
        return f"XLSX read back with Hangul, PDF {len(data)} bytes with Nanum Gothic embedded"

    def check_text_services(self) -> str:
        """Qt's ICU-backed services (the build keeps only root/English/Korean ICU data): collation, used by
        QFileDialog's sorting too, locale case mapping and time-zone names."""
        from PySide6.QtCore import QCollator, QLocale, QTimeZone

        korean = QCollator(QLocale("ko_KR"))
        words = sorted(["다리", "apple", "가방", "Banana", "나무"], key=korean.sortKey)
        # Korean tailoring puts Hangul before Latin (ICU's root order would not): the ko data is in the build.
        _require(words == ["가방", "나무", "다리", "apple", "Banana"], f"Korean collation gave {words}")
        upper = QLocale("ko_KR").toUpper("straße")
        _require(upper == "STRASSE", f"locale upper case gave {upper!r}")
        long, short = QTimeZone.NameType.LongName, QTimeZone.NameType.ShortName
        seoul = QTimeZone(b"Asia/Seoul")
        names = [seoul.displayName(QTimeZone.TimeType.StandardTime, kind, QLocale(loc))
                 for kind, loc in ((long, "ko_KR"), (long, "en_US"), (short, "en_US"))]
        _require(names == ["대한민국 표준시", "Korean Standard Time", "KST"], f"time-zone names {names}")
        return f"{' < '.join(words)}; {upper}; {', '.join(names)}"

    def check_window(self) -> str:
        from ui.drafts import DraftStore
        from ui.shell.main_window import MainWindow

        assert self.app is not None and self.db is not None
        window = MainWindow(self.db, drafts=DraftStore(self.folder / "drafts"), user="self-test")
        window.show()
        self.app.processEvents()
        shown = window.isVisible()
        rows = window.subjects.list_page.visible_subject_ids()
        window.open_subject("LN-01")
        self.app.processEvents()
        page = window.subjects.subject_page
        title = page.title.text() if page is not None else ""
        window.close()
        self.app.processEvents()
        _require(shown, "the main window did not show")
        _require(rows == ["LN-01"], f"the subject list shows {rows}")
        _require(title.startswith("LN-01"), f"the subject page shows {title!r}")
        _require(not window.isVisible(), "the main window did not close")
        return f"window shown, list shows {rows}, subject page opened, window closed"

    def _audit_rows(self, action: str) -> int:
        from sqlalchemy import func, select

        from models.schema import AuditEntry

        assert self.db is not None
        with self.db.read() as session:
            return int(session.scalar(select(func.count()).where(AuditEntry.action == action)) or 0)

    def _weight_updates(self) -> list[tuple[str | None, str | None, str | None]]:
        from sqlalchemy import select

        from models.schema import AuditEntry

        assert self.db is not None
        query = select(AuditEntry.old_value, AuditEntry.new_value, AuditEntry.reason).where(
            AuditEntry.action == "update", AuditEntry.field == "weight_kg", AuditEntry.subject_id == "LN-01"
        )
        with self.db.read() as session:
            return [tuple(row) for row in session.execute(query)]


def run_self_test() -> int:
    """Run every check in order and stop at the first failure; returns the process exit code (0 = passed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="trialdesk-selftest-") as folder:
        test = SelfTest(Path(folder))
        try:
            for title, check in test.checks():
                try:
                    detail = check()
                except Exception as exc:  # noqa: BLE001 (any failure is reported, then the test stops)
                    _report_failure(title, exc)
                    return 1
                _say(f"ok    {title}: {detail}")
        finally:
            if test.db is not None:
                test.db.close()
    _say("Self-test passed.")
    return 0


def _report_failure(title: str, exc: Exception) -> None:
    _say(f"FAIL  {title}: {exc}")
    try:
        from ui.errors import LOGGER_NAME, setup_logging

        log_path = setup_logging()
        logging.getLogger(LOGGER_NAME).error("Self-test failed at %s\n%s", title, traceback.format_exc())
        _say(f"Details written to {log_path}")
    except Exception as log_exc:  # noqa: BLE001 (the failure above is what matters)
        _say(f"(could not write the error log: {log_exc})")
    _say("Self-test FAILED.")

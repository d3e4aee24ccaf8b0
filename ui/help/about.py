"""Help → About: TrialDesk's version and build date, the study configuration in force, the database file and its
schema revision, the Python and Qt versions (models.about), and every bundled font and library with its version and
licence; the licence text of the one selected shows below. Everything scrolls inside a window that fits 1366×768."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.about import AboutFacts, about_facts, licence_text
from models.database import Database
from ui.widgets.windows import fit_to_screen

DIALOG_SIZE = QSize(860, 640)


class AboutDialog(QDialog):
    """The About window over the open database."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About TrialDesk"))
        fit_to_screen(self, "aboutDialog", DIALOG_SIZE)
        self.facts: AboutFacts = about_facts(db, qt_version=qVersion())
        facts = self.facts
        built = facts.build_date or self.tr("source run (not a built app)")
        self.values = {
            "version": facts.version, "built": built,
            "study": self.tr("{0} (from {1})").format(facts.study, facts.config_source),
            "database": str(facts.database), "schema": facts.schema_revision or self.tr("none"),
            "python": facts.python, "qt": facts.qt or self.tr("unknown"),
        }
        labels = {
            "version": self.tr("Version"), "built": self.tr("Built"), "study": self.tr("Study configuration"),
            "database": self.tr("Database file"), "schema": self.tr("Schema revision"),
            "python": self.tr("Python"), "qt": self.tr("Qt"),
        }
        title = QLabel(self.tr("<b>TrialDesk</b>: case report forms and endpoints of one clinical-trial site"), self)
        title.setObjectName("aboutTitle")
        form = QFormLayout()
        self.value_labels: dict[str, QLabel] = {}
        for key, text in self.values.items():
            label = QLabel(text, self)
            label.setObjectName(f"about_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.value_labels[key] = label
            form.addRow(labels[key] + ":", label)

        self.components = QTableWidget(len(facts.components), 3, self)
        self.components.setObjectName("componentsTable")
        self.components.setHorizontalHeaderLabels([self.tr("Bundled font or library"), self.tr("Version"),
                                                   self.tr("Licence")])
        self.components.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.components.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.components.verticalHeader().hide()
        for row, (component, version) in enumerate(facts.components):
            for column, text in enumerate((component.name, version or "—", component.licence)):
                self.components.setItem(row, column, QTableWidgetItem(text))
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.licence = QPlainTextEdit(self)
        self.licence.setObjectName("licenceText")
        self.licence.setReadOnly(True)
        self.licence.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.components)
        splitter.addWidget(self.licence)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        copy_button = QPushButton(self.tr("Copy the facts"), self)
        copy_button.setObjectName("copyFacts")
        copy_button.setToolTip(self.tr("Copy version, study configuration, database and versions, e.g. for a "
                                       "support request"))
        copy_button.clicked.connect(self.copy_facts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.addButton(copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Fonts and libraries inside TrialDesk (select one to read its licence):"),
                                self))
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.components.currentCellChanged.connect(lambda row, *_: self.show_licence(row))
        if facts.components:
            self.components.selectRow(0)

    def show_licence(self, row: int) -> None:
        """Show the licence text of the component in table row `row`."""
        if not 0 <= row < len(self.facts.components):
            return
        component, _version = self.facts.components[row]
        text = licence_text(component)
        self.licence.setPlainText(text if text else self.tr("{0}: {1}. The licence text is not bundled with this "
                                                            "build.").format(component.name, component.licence))

    def copy_facts(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.facts.lines()))

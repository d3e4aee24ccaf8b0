"""The Subjects section: the subject list, and the page of the subject opened from it."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.subjects.list_page import SubjectListPage
from ui.subjects.page import SubjectPage

# Draft keys of the registration form: a new subject, and the edit of a saved one (the subject's record id follows).
REGISTER_DRAFT_KEY = "register-subject"
EDIT_DRAFT_PREFIX = "edit-subject/"


class SubjectsSection(QStackedWidget):
    """The subject list, and the page of the subject opened from it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_page = SubjectListPage(self)
        self.addWidget(self.list_page)
        self.subject_page: SubjectPage | None = None

    def show_subject(self, page: SubjectPage) -> None:
        if self.subject_page is not None:
            self.removeWidget(self.subject_page)
            self.subject_page.deleteLater()
        self.subject_page = page
        self.addWidget(page)
        self.setCurrentWidget(page)

    def show_list(self) -> None:
        self.setCurrentWidget(self.list_page)

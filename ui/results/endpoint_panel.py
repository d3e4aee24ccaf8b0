"""The subject's endpoint statuses as the engine computes them: one row per endpoint of the subject's population
with an icon, a status word in its colour (never colour alone) and the one-line reason.

API: `set_results(results, preview)`; `preview=True` marks the statuses as computed from values not saved yet.
Issue 6 extends this panel (drill-down); keep `rows` keyed by endpoint id.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from endpoints import results as r
from endpoints.results import EndpointResult, SubjectResults
from ui.entry.sections.widgets import set_colours

ENGLISH_DATA = "englishData"  # a widget showing English data (the evaluator's reasons), not translated text


def _tr(text: str) -> str:
    return QCoreApplication.translate("EndpointPanel", text)


# status -> (icon, colour); the icon and the word carry the meaning, the colour only helps.
STATUS_LOOK: dict[str, tuple[str, str]] = {
    r.MET: ("✔", "#1b7d2f"),
    r.NOT_MET: ("✖", "#b00020"),
    r.PENDING: ("◔", "#8a5a00"),  # ⏳ is a placeholder box in NanumGothic
    r.NOT_EVALUABLE: ("?", "#6a1b9a"),
    r.NOT_APPLICABLE: ("–", "#777777"),
    r.EVENT: ("●", "#b00020"),
    r.CENSORED: ("○", "#1565c0"),
    r.COMPUTED: ("≡", "#333333"),
}


def status_word(status: str) -> str:
    words = {
        r.MET: _tr("Met"), r.NOT_MET: _tr("Not met"), r.PENDING: _tr("Pending"),
        r.NOT_EVALUABLE: _tr("Not evaluable"), r.NOT_APPLICABLE: _tr("Not applicable"), r.EVENT: _tr("Event"),
        r.CENSORED: _tr("Censored"), r.COMPUTED: _tr("Computed"),
    }
    return words.get(status, status.replace("_", " "))


def endpoint_name(endpoint_id: str) -> str:
    names = {
        "primary_steroid_taper": _tr("Primary: pred-eq ≤ 7.5 mg/day W4–W12"),
        "steroid_le7_5_by_w12_maintained_w24": _tr("≤ 7.5 mg/day by W12, kept to W24"),
        "lc_hematologic_improvement": _tr("Haematologic improvement W24"),
        "ln_renal_response": _tr("Renal response W24"),
        "lldas_w24": _tr("LLDAS W24"),
        "sledai_reduction_ge4_w24": _tr("SLEDAI-2K reduction ≥ 4 W24"),
        "sri4_w24": _tr("SRI-4 W24"),
        "sri5_w24": _tr("SRI-5 W24"),
        "sri6_w24": _tr("SRI-6 W24"),
        "time_to_severe_sfi_flare": _tr("Time to severe flare"),
        "time_to_hematologic_flare": _tr("Time to haematologic flare"),
        "ln_time_to_renal_flare": _tr("Time to renal flare"),
        "ln_time_to_complete_remission": _tr("Time to complete remission"),
        "ln_treatment_failure_components": _tr("Treatment failure (components)"),
        "lc_hematology_change": _tr("Haematology change table"),
    }
    return names.get(endpoint_id, endpoint_id)


def _first_sentence(text: str, limit: int = 160) -> str:
    """The one-line reason: the text up to its first sentence end, shortened to `limit` characters."""
    cut = text.find(". ")
    line = text if cut < 0 else text[: cut + 1]
    return line if len(line) <= limit else line[: limit - 1] + "…"


class EndpointRow:
    """The widgets of one endpoint: icon, name, status word, reason."""

    def __init__(self, endpoint_id: str, grid: QGridLayout, row: int) -> None:
        self.endpoint_id = endpoint_id
        self.icon = QLabel()
        self.icon.setFixedWidth(18)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel()
        self.status.setObjectName(f"status_{endpoint_id}")
        self.name = QLabel(endpoint_name(endpoint_id))
        self.name.setObjectName(f"endpoint_{endpoint_id}")
        self.name.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setObjectName(f"reason_{endpoint_id}")
        set_colours(self.reason, "#444444")
        self.reason.setWordWrap(True)
        self.reason.setProperty(ENGLISH_DATA, True)  # the evaluator's reason: English in every language
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        grid.addWidget(self.icon, row, 0)
        grid.addWidget(self.name, row, 1)
        grid.addWidget(self.status, row + 1, 1)
        grid.addWidget(self.reason, row + 2, 1)

    def show(self, result: EndpointResult) -> None:
        icon, colour = STATUS_LOOK.get(result.status, ("·", "#333333"))
        shows_day = result.day is not None and result.status in (r.EVENT, r.CENSORED)
        day = _tr(" (day {0})").format(result.day) if shows_day else ""
        self.icon.setText(icon)
        set_colours(self.icon, colour, bold=True)
        self.status.setText(status_word(result.status) + day)
        set_colours(self.status, colour, bold=True)
        self.icon.setToolTip(status_word(result.status))
        self.reason.setText(_first_sentence(result.reason))
        self.reason.setToolTip(result.reason)


class EndpointPanel(QWidget):
    """Endpoint statuses of one subject; a banner says when they are a preview of unsaved values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endpointPanel")
        self.title = QLabel(self.tr("Endpoints"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.banner = QLabel(self)
        self.banner.setObjectName("previewBanner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMargin(3)
        self.banner.setFrameShape(QFrame.Shape.Box)
        self.as_of = QLabel(self)
        set_colours(self.as_of, "#555555")
        body = QWidget(self)
        self.grid = QGridLayout(body)
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(2)
        self.rows: dict[str, EndpointRow] = {}
        for index, endpoint_id in enumerate(r.ENDPOINT_IDS):
            self.rows[endpoint_id] = EndpointRow(endpoint_id, self.grid, index * 3)
        self.grid.setRowStretch(len(r.ENDPOINT_IDS) * 3, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.as_of)
        layout.addWidget(scroll, 1)
        self.results: SubjectResults | None = None
        self.preview = False
        self.banner.hide()

    def set_results(self, results: SubjectResults, preview: bool) -> None:
        """Show the statuses; endpoints outside the subject's population are hidden."""
        self.results, self.preview = results, preview
        for endpoint_id, row in self.rows.items():
            result = results.endpoints.get(endpoint_id)
            visible = result is not None and result.status != r.NOT_APPLICABLE
            for widget in (row.icon, row.name, row.status, row.reason):
                widget.setVisible(visible)
            if result is not None:
                row.show(result)
        if preview:
            self.banner.setText(self.tr("PREVIEW — not saved: includes the values on screen"))
            set_colours(self.banner, "#5c4400", "#fff3cd")
        else:
            self.banner.setText(self.tr("Saved data"))
            set_colours(self.banner, "#1b5e20", "#e8f5e9")
        self.banner.show()
        self.as_of.setText(self.tr("{0} · as of {1}").format(results.subject_id, results.as_of.isoformat()))

    def set_message(self, text: str) -> None:
        """Instead of statuses (e.g. when the engine could not run), a plain message."""
        self.banner.setText(text)
        set_colours(self.banner, "#b00020", "#fdecea")
        self.banner.show()

"""SLEDAI-2K: the 24 descriptors (definitions as tooltips), the live total (endpoints.sledai), and the
lab-derived descriptors proposed from this visit's labs (endpoints.lab_descriptors) for the user to confirm."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPushButton, QWidget

from endpoints import sledai, vocab
from endpoints.lab_descriptors import LAB_DESCRIPTORS
from ui.entry.sections.base import FormSection
from ui.entry.sections.texts import sledai_definition, sledai_name
from ui.entry.sections.widgets import NotDone, RowKeys, set_colours

PROPOSAL_COLOUR = {True: "#b00020", False: "#1b7d2f"}


class SledaiSection(FormSection):
    """Ticked = present (in the last 10 days, attributable to SLE). Until "all assessed" is ticked the unticked
    descriptors are unanswered and the score is missing, as endpoints.md §3.1 requires."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("SLEDAI-2K"), parent)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        self.boxes: dict[str, QCheckBox] = {}
        self.hints: dict[str, QLabel] = {}
        half = (len(vocab.SLEDAI_KEYS) + 1) // 2
        for index, key in enumerate(vocab.SLEDAI_KEYS):
            column, row = divmod(index, half)
            box = QCheckBox(f"{sledai_name(key)} ({vocab.SLEDAI_WEIGHTS[key]})")
            box.setObjectName(f"sledai_{key}")
            box.setToolTip(sledai_definition(key))
            box.toggled.connect(self._recount)
            hint = QLabel()
            hint.setObjectName(f"proposal_{key}")
            grid.addWidget(box, row, column * 3)
            grid.addWidget(hint, row, column * 3 + 1)
            self.boxes[key], self.hints[key] = box, hint
            self.add_anchor(f"sledai.{key}", self.tr("SLEDAI-2K: {0}").format(sledai_name(key)), None, (box,), row,
                            grid, column * 3 + 2)
        self.assessed = QCheckBox(self.tr("All 24 descriptors assessed (unticked = absent)"))
        self.assessed.setObjectName("sledaiAssessed")
        self.assessed.toggled.connect(self._recount)
        self.total = QLabel()
        self.total.setObjectName("sledaiTotal")
        font = self.total.font()
        font.setBold(True)
        self.total.setFont(font)
        self.apply_button = QPushButton(self.tr("Tick as the labs suggest"))
        self.apply_button.setObjectName("applyProposals")
        self.apply_button.setToolTip(self.tr("Sets the lab-derived descriptors from this visit's labs; "
                                             "check each one before saving"))
        self.apply_button.clicked.connect(self.apply_proposals)
        self.not_done = NotDone()
        self.not_done.changed.connect(self.changed)
        self.add_widget_row(None, body)
        footer = QWidget()
        footer_grid = QGridLayout(footer)
        footer_grid.setContentsMargins(0, 0, 0, 0)
        footer_grid.addWidget(self.assessed, 0, 0)
        footer_grid.addWidget(self.apply_button, 0, 1)
        footer_grid.addWidget(self.total, 0, 2)
        footer_grid.addWidget(self.not_done, 0, 3)
        footer_grid.setColumnStretch(2, 1)
        self.add_widget_row(None, footer, "sledai")
        self.proposals: dict[str, bool | None] = {}
        self.keys = RowKeys([*self.boxes.values(), self.assessed, self.apply_button, self.not_done.box], self,
                            not_done=self.not_done)
        self._recount()

    def _recount(self) -> None:
        answers = self.answers()
        total = sledai.score(answers)
        if total is None:
            self.total.setText(self.tr("Total so far: {0} (not all assessed)").format(sledai.partial_sum(answers)))
        else:
            self.total.setText(self.tr("SLEDAI-2K total: {0}").format(total))
        self._show_hints()
        self.changed.emit()

    def answers(self) -> dict[str, bool]:
        ticked = {k: True for k, box in self.boxes.items() if box.isChecked()}
        if self.assessed.isChecked():
            return {k: ticked.get(k, False) for k in vocab.SLEDAI_KEYS}
        return ticked

    def set_proposals(self, proposals: dict[str, bool | None]) -> None:
        """Show beside each lab-derived descriptor what the labs suggest (None: the labs cannot tell)."""
        self.proposals = proposals
        self._show_hints()

    def _show_hints(self) -> None:
        for key in LAB_DESCRIPTORS:
            hint = self.hints[key]
            proposed = self.proposals.get(key)
            if proposed is None:
                hint.clear()
                continue
            differs = proposed != self.boxes[key].isChecked()
            word = self.tr("labs: yes") if proposed else self.tr("labs: no")
            hint.setText(("⚠ " if differs else "✓ ") + word)
            set_colours(hint, PROPOSAL_COLOUR[differs])
            hint.setToolTip(self.tr("Proposed from this visit's labs; the ticked box is what is saved"))

    def apply_proposals(self) -> None:
        for key in LAB_DESCRIPTORS:
            proposed = self.proposals.get(key)
            if proposed is not None:
                self.boxes[key].setChecked(proposed)

    def focus_widgets(self) -> list[QWidget]:
        return [*self.boxes.values(), self.assessed, self.apply_button, self.not_done.reason]

    def raw(self) -> dict[str, str]:
        out = {f"sledai.{k}": "1" if box.isChecked() else "" for k, box in self.boxes.items()}
        out["sledai.assessed"] = "1" if self.assessed.isChecked() else ""
        out["sledai.nd"] = self.not_done.raw()
        return out

    def set_raw(self, raw: dict[str, str]) -> None:
        for key, box in self.boxes.items():
            box.setChecked(raw.get(f"sledai.{key}") == "1")
        self.assessed.setChecked(raw.get("sledai.assessed") == "1")
        self.not_done.set_raw(raw.get("sledai.nd", ""))
        self._recount()

    def set_required(self, required: set[str]) -> None:
        self.setTitle(self.tr("SLEDAI-2K *") if "sledai" in required else self.tr("SLEDAI-2K"))

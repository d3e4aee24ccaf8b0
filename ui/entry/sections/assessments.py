"""Physician's Global Assessment (slider 0–3 with one decimal), BILAG-2004 grades, SFI questions with the
urine sediment judgement, and the LLDAS questions the data cannot answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from endpoints import vocab
from ui.entry.sections.base import FormSection
from ui.entry.sections.texts import bilag_grade, bilag_name, field_name, lldas_question, sfi_question
from ui.entry.sections.widgets import NotDone, RowKeys, YesNo, field_label
from ui.widgets.inputs import DecimalLineEdit, parse_decimal_text


class PgaSection(FormSection):
    """PGA 0.0–3.0: type it (1.2 or 1,2) or move the slider (arrow keys step 0.1); stored as tenths."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Physician's Global Assessment (PGA)"), parent)
        self.value = DecimalLineEdit()
        self.value.setObjectName("field_pga")
        self.value.setMaximumWidth(70)
        self.value.setPlaceholderText("0.0–3.0")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("pgaSlider")
        self.slider.setRange(0, 30)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(5)
        self.slider.setTickInterval(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        anchors = QHBoxLayout()
        for index, word in enumerate((self.tr("0 none"), self.tr("1 mild"), self.tr("2 moderate"),
                                      self.tr("3 severe"))):
            label = QLabel(word)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft if index == 0 else
                               Qt.AlignmentFlag.AlignRight if index == 3 else Qt.AlignmentFlag.AlignCenter)
            anchors.addWidget(label, 1)
        scale = QWidget()
        scale_layout = QVBoxLayout(scale)
        scale_layout.setContentsMargins(0, 0, 0, 0)
        scale_layout.setSpacing(0)
        scale_layout.addWidget(self.slider)
        scale_layout.addLayout(anchors)
        self.not_done = NotDone()
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.value)
        layout.addWidget(scale, 1)
        layout.addWidget(self.not_done)
        self.pga_label = field_label(field_name("pga"), False)
        self.add_anchor("pga", field_name("pga"), self.pga_label, (self.value, self.slider, self.not_done.box),
                        self.add_widget_row(self.pga_label, row, "pga"))
        self.slider.valueChanged.connect(self._slider_moved)
        self.value.textChanged.connect(self._typed)
        self.not_done.changed.connect(self.changed)
        self.keys = RowKeys([self.value, self.slider, self.not_done.box], self, not_done=self.not_done,
                            off_tab=(self.slider,))
        self._syncing = False

    def _slider_moved(self, tenths: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.value.setText(f"{tenths / 10:.1f}")
        self._syncing = False

    def _typed(self, text: str) -> None:
        if not self._syncing:
            try:
                value = parse_decimal_text(text)
            except ValueError:
                value = None
            if value is not None and 0 <= value <= 3:
                self._syncing = True
                self.slider.setValue(int(round(value * 10)))
                self._syncing = False
        self.changed.emit()

    def focus_widgets(self) -> list[QWidget]:
        return [self.value, self.not_done.reason]

    def raw(self) -> dict[str, str]:
        return {"pga": self.value.text(), "pga.nd": self.not_done.raw()}

    def set_raw(self, raw: dict[str, str]) -> None:
        self.value.setText(raw.get("pga", ""))
        self.not_done.set_raw(raw.get("pga.nd", ""))

    def set_required(self, required: set[str]) -> None:
        self.pga_label.setText(f"{field_name('pga')} *" if "pga" in required else field_name("pga"))


class BilagSection(FormSection):
    """One grade A–E per BILAG-2004 domain (type the letter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("BILAG-2004"), parent)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        self.grades: dict[str, QComboBox] = {}
        for index, domain in enumerate(vocab.BILAG_DOMAINS):
            combo = QComboBox()
            combo.setObjectName(f"bilag_{domain}")
            combo.addItem("—", "")
            for grade in vocab.BILAG_GRADES:
                combo.addItem(bilag_grade(grade), grade)
            combo.currentIndexChanged.connect(self.changed)
            column, row = divmod(index, 5)
            label = QLabel(bilag_name(domain))
            if column == 0:
                self.labels_in_column.append(label)
            grid.addWidget(label, row, column * 3)
            grid.addWidget(combo, row, column * 3 + 1)
            self.grades[domain] = combo
            self.add_anchor(f"bilag.{domain}", self.tr("BILAG-2004: {0}").format(bilag_name(domain)), label, (combo,),
                            row, grid, column * 3 + 2)
        self.not_done = NotDone()
        self.not_done.changed.connect(self.changed)
        grid.addWidget(self.not_done, 4, 3, 1, 3)
        grid.setColumnStretch(5, 1)  # the label column keeps the form's width
        self.add_widget_row(None, body, "bilag", whole_width=True)
        self.label_grids.append(grid)
        self.keys = RowKeys([*self.grades.values(), self.not_done.box], self, not_done=self.not_done)

    def focus_widgets(self) -> list[QWidget]:
        return [*self.grades.values(), self.not_done.reason]

    def raw(self) -> dict[str, str]:
        out = {f"bilag.{d}": combo.currentData() for d, combo in self.grades.items()}
        out["bilag.nd"] = self.not_done.raw()
        return out

    def set_raw(self, raw: dict[str, str]) -> None:
        for domain, combo in self.grades.items():
            combo.setCurrentIndex(max(combo.findData(raw.get(f"bilag.{domain}", "")), 0))
        self.not_done.set_raw(raw.get("bilag.nd", ""))

    def set_required(self, required: set[str]) -> None:
        self.setTitle(self.tr("BILAG-2004 *") if "bilag" in required else self.tr("BILAG-2004"))


class YesNoSection(FormSection):
    """Questions answered yes / no ("—" = not answered), each keyed by its raw key: the answer in the value column,
    the question after it (as SLEDAI-2K's boxes), so long questions need not widen the label column."""

    def __init__(self, title: str, questions: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.answers: dict[str, YesNo] = {}
        self.labels: dict[str, QLabel] = {}
        for key, text in questions:
            self.add_question(key, text)

    def add_question(self, key: str, text: str) -> YesNo:
        """One question's row: its yes / no answer, then the question."""
        combo = YesNo()
        combo.setObjectName(f"answer_{key}")
        combo.setMaximumWidth(90)
        combo.currentIndexChanged.connect(self.changed)
        label = QLabel(text)
        label.setWordWrap(True)
        r = self._next_row
        self.grid.addWidget(combo, r, 1)
        self.grid.addWidget(label, r, 2, 1, 4)
        self._next_row += 1
        self.add_anchor(key, text, label, (combo,), r)
        self.answers[key], self.labels[key] = combo, label
        return combo

    def focus_widgets(self) -> list[QWidget]:
        return list(self.answers.values())

    def raw(self) -> dict[str, str]:
        return {key: combo.raw() for key, combo in self.answers.items()}

    def set_raw(self, raw: dict[str, str]) -> None:
        for key, combo in self.answers.items():
            combo.set_raw(raw.get(key, ""))


class FlareSection(YesNoSection):
    """SFI organ questions (new or worse CNS, vasculitis, nephritis, myositis; worse thrombocytopenia;
    haemolytic anaemia active, which LLDAS reads too) and whether the urine sediment is inactive."""

    def __init__(self, parent: QWidget | None = None) -> None:
        questions = [(f"sfi.{o}", sfi_question(o)) for o in vocab.SFI_ORGANS]
        questions += [("sfi.worse_thrombocytopenia", sfi_question("worse_thrombocytopenia")),
                      ("lldas.hemolytic_anemia_active", sfi_question("hemolytic_anemia_active"))]
        super().__init__("", questions, parent)
        self.setTitle(self.tr("Flare assessment (SFI) and urine sediment"))
        self.add_question("sediment_inactive", field_name("sediment_inactive"))


class LldasSection(YesNoSection):
    """LLDAS questions the data cannot answer; maintenance therapy is required at full visits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        questions = [(f"lldas.{q}", lldas_question(q))
                     for q in ("gi_activity_active", "new_non_sledai_activity", "maintenance_is_standard_tolerated")]
        super().__init__("", questions, parent)
        self.setTitle(self.tr("LLDAS questions"))
        self.not_done = NotDone()
        self.not_done.changed.connect(self.changed)
        self.add_widget_row(None, self.not_done, "lldas")
        self.keys = RowKeys([*self.answers.values(), self.not_done.box], self, not_done=self.not_done)

    def focus_widgets(self) -> list[QWidget]:
        return super().focus_widgets() + [self.not_done.reason]

    def raw(self) -> dict[str, str]:
        return {**super().raw(), "lldas.nd": self.not_done.raw()}

    def set_raw(self, raw: dict[str, str]) -> None:
        super().set_raw(raw)
        self.not_done.set_raw(raw.get("lldas.nd", ""))

    def set_required(self, required: set[str]) -> None:
        key = "lldas.maintenance_is_standard_tolerated"
        text = lldas_question("maintenance_is_standard_tolerated")
        self.labels[key].setText(f"{text} *" if "lldas" in required else text)

"""Laboratory sections: haematology, chemistry (with eGFR computed as creatinine is typed), urine (with casts),
immunology. Each value has its unit chooser, the conversion shown, "not done" and "not attributable to SLE"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from endpoints import units, vocab
from endpoints.egfr import age_completed_years, egfr_on
from endpoints.formatting import format_number
from ui.entry.sections.base import FieldRow, FormSection
from ui.entry.sections.entry_raw import CAST_NONE
from ui.entry.sections.texts import cast_name, field_name
from ui.entry.sections.widgets import NotDone, RowKeys, field_label

HEMATOLOGY = ("hemoglobin_g_dl", "wbc_10e9_l", "anc_10e9_l", "lymphocytes_10e9_l", "platelets_10e9_l")
IMMUNOLOGY = ("c3_mg_dl", "c4_mg_dl", "anti_dsdna_iu_ml")
CASTS_PER_LINE = 3


class LabSection(FormSection):
    """A group of lab values."""

    def __init__(self, title: str, keys: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        for key in keys:
            self.add_lab(key)

    def add_lab(self, key: str) -> FieldRow:
        return FieldRow(self, key, field_name(key), lab=True, attributable=True)


class ChemistrySection(LabSection):
    """Creatinine with the CKD-EPI 2021 eGFR beside it (endpoints.egfr), and albumin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Chemistry"), (), parent)
        self.creatinine = self.add_lab("creatinine_mg_dl")
        self.egfr = QLabel()
        self.egfr.setObjectName("egfrValue")
        self.add_widget_row(QLabel(field_name("egfr")), self.egfr)
        self.add_lab("albumin_g_dl")
        self.sex: str | None = None
        self.birth: dt.date | None = None
        self.sample_date: Callable[[], dt.date | None] = lambda: None
        self.creatinine.editor.textChanged.connect(self.update_egfr)
        self.creatinine.unit.currentIndexChanged.connect(self.update_egfr)  # type: ignore[union-attr]

    def set_subject(self, sex: str, birth: dt.date, sample_date: Callable[[], dt.date | None]) -> None:
        self.sex, self.birth, self.sample_date = sex, birth, sample_date
        self.update_egfr()

    def update_egfr(self) -> None:
        """Recompute the eGFR from the creatinine as typed, the subject's sex and age on the visit date."""
        try:
            value = self.creatinine.decimal()
        except ValueError:
            value = None
        when = self.sample_date()
        if value is None or value <= 0 or self.sex is None or self.birth is None:
            self.egfr.setText(self.tr("— (needs creatinine)"))
            return
        if when is None:
            self.egfr.setText(self.tr("— (needs the visit date)"))
            return
        scr = units.to_canonical("creatinine_mg_dl", value, self.creatinine.unit_code() or "mg/dL")
        age = age_completed_years(self.birth, when)
        self.egfr.setText(self.tr("{0} mL/min/1.73 m²  (CKD-EPI 2021; {1}, {2} y)").format(
            format_number(egfr_on(scr, self.sex, self.birth, when), 1), self.sex, age))


class UrineSection(LabSection):
    """UPCR, 24-h protein, urine RBC and WBC per HPF, casts (several may be seen, or none: boxes on two lines in
    the value columns, "not done" and "not attributable" in theirs)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Urine"), ("upcr_g_g", "proteinuria_g_24h", "urine_rbc_hpf", "urine_wbc_hpf"),
                         parent)
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.none_seen = QCheckBox(self.tr("None seen"))
        self.none_seen.setObjectName("cast_none")
        self.casts: dict[str, QCheckBox] = {}
        for kind in vocab.URINE_CAST_TYPES:
            check = QCheckBox(cast_name(kind))
            check.setObjectName(f"cast_{kind}")
            self.casts[kind] = check
            check.toggled.connect(self._cast_toggled)
        for i, check in enumerate((self.none_seen, *self.casts.values())):
            grid.addWidget(check, i // CASTS_PER_LINE, i % CASTS_PER_LINE)
        self.casts_na = QCheckBox(self.tr("Not attributable to SLE"))
        self.casts_nd = NotDone()
        self.casts_label = field_label(field_name("urine_casts"), False)
        self.add_anchor("urine_casts", field_name("urine_casts"), self.casts_label,
                        (self.none_seen, *self.casts.values(), self.casts_nd.box, self.casts_na),
                        self.add_choice_row(self.casts_label, box, self.casts_nd, self.casts_na, "urine_casts"))
        self.casts_keys = RowKeys([self.none_seen, *self.casts.values(), self.casts_nd.box, self.casts_na], self,
                                  not_done=self.casts_nd, not_attributable=self.casts_na)
        self.none_seen.toggled.connect(self._none_toggled)
        self.casts_na.toggled.connect(self.changed)
        self.casts_nd.changed.connect(self.changed)

    def _none_toggled(self, on: bool) -> None:
        if on:
            for check in self.casts.values():
                check.setChecked(False)
        self.changed.emit()

    def _cast_toggled(self, on: bool) -> None:
        if on:
            self.none_seen.setChecked(False)
        self.changed.emit()

    def focus_widgets(self) -> list[QWidget]:
        return super().focus_widgets() + [self.none_seen, *self.casts.values(), self.casts_nd.reason,
                                          self.messages["urine_casts"].confirm]

    def raw(self) -> dict[str, str]:
        out = super().raw()
        kinds = [k for k, check in self.casts.items() if check.isChecked()]
        out["urine_casts"] = ",".join(kinds) if kinds else (CAST_NONE if self.none_seen.isChecked() else "")
        out["urine_casts.na"] = "1" if self.casts_na.isChecked() else ""
        out["urine_casts.nd"] = self.casts_nd.raw()
        return out

    def set_raw(self, raw: dict[str, str]) -> None:
        super().set_raw(raw)
        text = raw.get("urine_casts", "")
        self.none_seen.setChecked(text == CAST_NONE)
        for kind, check in self.casts.items():
            check.setChecked(kind in text.split(","))
        self.casts_na.setChecked(raw.get("urine_casts.na") == "1")
        self.casts_nd.set_raw(raw.get("urine_casts.nd", ""))

    def set_required(self, required: set[str]) -> None:
        super().set_required(required)
        text = field_name("urine_casts")
        self.casts_label.setText(f"{text} *" if "urine_casts" in required else text)

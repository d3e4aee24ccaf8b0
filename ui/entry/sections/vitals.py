"""Vital signs and weight."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.entry.sections.base import FieldRow, FormSection
from ui.entry.sections.texts import field_name


class VitalsSection(FormSection):
    """Weight, blood pressure, pulse, temperature."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Vital signs and weight"), parent)
        for name, unit in (("weight_kg", "kg"), ("systolic_bp_mmhg", "mmHg"), ("diastolic_bp_mmhg", "mmHg"),
                           ("pulse_bpm", "/min"), ("temperature_c", "°C")):
            FieldRow(self, name, field_name(name), unit)

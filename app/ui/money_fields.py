"""Amounts of money typed in pounds and kept in whole pence."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox

from app.i18n import _


def pounds_box(pence: int, highest_pence: int) -> QDoubleSpinBox:
    """A box for pounds and pence, from £0.00 to ``highest_pence``; a value typed out of
    range is brought to the nearest one allowed rather than lost."""
    box = QDoubleSpinBox()
    box.setRange(0, highest_pence / 100)
    box.setDecimals(2)
    box.setPrefix(_("£"))
    box.setValue(pence / 100)
    box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return box


def pence_in(box: QDoubleSpinBox) -> int:
    return round(box.value() * 100)

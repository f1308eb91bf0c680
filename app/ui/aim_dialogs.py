"""Adding an aim or changing one: what the group wants and how it will know."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import _
from app.services import aims
from app.services.aims import AimRow
from app.ui.data import DataSource
from app.ui.decision_form import FormDialog, text_box
from app.ui.tasks import TaskRunner


class AimDialog(FormDialog):
    """A new aim for the group (``aim`` None) or a change to one it has."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        group_id: int,
        aim: AimRow | None = None,
    ) -> None:
        title = _("Add an aim") if aim is None else _("Change the aim")
        super().__init__(parent, title, runner, source)
        self.group_id = group_id
        self.aim = aim
        # A box that wraps, so a long aim can be read whole at any text size.
        self.title_field = text_box(2)
        self.title_field.setPlainText(aim.title if aim else "")
        self.add_field(
            _("&What the group wants to achieve"), self.title_field, _("Aim"), about=["aim"]
        )
        self.measure = text_box(4)
        self.measure.setPlainText(aim.how_we_will_know if aim else "")
        self.add_field(
            _("&How the group will know it is met"),
            self.measure,
            _("How the group will know"),
            about=["will know"],
        )
        self.finish_layout()

    @classmethod
    def example(cls, window: Any) -> AimDialog:  # type: ignore[override]
        group = window.current_group()
        panel = next((p for p in window.panels if hasattr(p, "reviews_model")), None)
        rows = panel.model.rows() if panel is not None else []
        return cls(
            window,
            window.runner,
            window.source,
            group.id if group else 0,
            rows[0] if rows else None,
        )

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            aims.save_aim,
            title=self.title_field.toPlainText(),
            how_we_will_know=self.measure.toPlainText(),
            aim_id=self.aim.id if self.aim else None,
        ), (self.group_id,)

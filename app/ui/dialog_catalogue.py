"""Every dialog Roundtable defines, found by looking, so that a new one is never missed.

The accessibility walker and the screenshot tool both visit this list; each class builds
a representative instance of itself with its ``example(window)`` classmethod.
"""

from __future__ import annotations

import importlib
import pkgutil

from PySide6.QtWidgets import QDialog

import app.ui
from app.ui.titled_dialog import Dialog


def every_dialog_class() -> list[type[QDialog]]:
    """Each QDialog subclass defined under app/ui, in order of module and name: all but
    ``titled_dialog.Dialog``, the base they share, which no one sees by itself."""
    for module in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        importlib.import_module(module.name)
    found: list[type[QDialog]] = []
    waiting = list(QDialog.__subclasses__())
    while waiting:
        kind = waiting.pop()
        waiting += kind.__subclasses__()
        if kind.__module__.startswith("app.ui") and kind not in found and kind is not Dialog:
            found.append(kind)
    return sorted(found, key=lambda kind: f"{kind.__module__}.{kind.__qualname__}")

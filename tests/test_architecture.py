"""The layers stay in their rooms: no Qt below the screens, no ORM in them."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"


def imported_modules(folder: Path) -> list[tuple[Path, str]]:
    found = []
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(path, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((path, node.module))
    return found


@pytest.mark.parametrize("layer", ["models", "services", "storage"])
def test_no_qt_below_the_screens(layer: str) -> None:
    offenders = [
        f"{path.relative_to(APP)} imports {module}"
        for path, module in imported_modules(APP / layer)
        if module.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert offenders == []


def test_screens_never_touch_the_orm_or_the_models() -> None:
    offenders = [
        f"{path.relative_to(APP)} imports {module}"
        for path, module in imported_modules(APP / "ui")
        if module.startswith("sqlalchemy")
        or (module.startswith("app.models") and module != "app.models.enums")
    ]
    assert offenders == []


def test_models_know_nothing_of_services_storage_or_screens() -> None:
    offenders = [
        f"{path.relative_to(APP)} imports {module}"
        for path, module in imported_modules(APP / "models")
        if module.startswith(("app.services", "app.storage", "app.ui"))
    ]
    assert offenders == []


def test_the_walker_sees_real_imports() -> None:
    # Guards the guard: if the walker found nothing, the tests above would pass vacuously.
    modules = {module for _path, module in imported_modules(APP / "services")}
    assert "sqlalchemy" in modules
    assert "app.storage" in modules


def test_every_drop_down_list_is_measured_afresh() -> None:
    # Qt's own keeps its least size from the first time it is measured, whatever the text
    # size does after (see app.ui.wrapping.ChoiceBox); only ChoiceBox itself may make one.
    offenders = []
    for path in (APP / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QComboBox":
                offenders.append(f"{path.relative_to(APP)}:{node.lineno}")
    assert offenders == []


def test_every_form_is_laid_out_in_rows() -> None:
    # Qt's QFormLayout lays its rows out with heights kept from another width, whatever
    # width it has: at 300% it drew "For a member:" over the pack dialog's list of sessions
    # (see app.ui.widgets.Rows). Every form is Rows, which measures each row afresh.
    offenders = []
    for path in (APP / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            named = getattr(node, "id", None) or getattr(node, "attr", None)
            if named == "QFormLayout":
                offenders.append(f"{path.relative_to(APP)}:{node.lineno}")
            if isinstance(node, ast.ImportFrom) and any(
                alias.name == "QFormLayout" for alias in node.names
            ):
                offenders.append(f"{path.relative_to(APP)}:{node.lineno}")
    assert offenders == []

"""Words in other languages: a compiled catalogue changes every message, from the command line
to the packs' language tag, and the code keeps every message where a catalogue can reach it."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli, i18n
from app.i18n import _, language_tag, ngettext, use_language
from app.services import example_data, groups, meetings
from app.services.packs import session_pack
from app.storage import open_database
from tests.catalogues import (
    PEOPLE,
    PEOPLE_WELSH,
    TITLE_MISSING,
    WELSH,
    write_catalogue,
)

APP = Path(__file__).resolve().parents[1] / "app"


@pytest.fixture
def welsh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A Welsh catalogue where Roundtable looks for catalogues; English again afterwards."""
    locale = tmp_path / "locale"
    write_catalogue(locale, "cy")
    monkeypatch.setattr(i18n, "_LOCALE_DIR", locale)
    yield
    use_language("en")


def test_a_catalogue_changes_every_lookup(welsh: None) -> None:
    assert _(TITLE_MISSING) == TITLE_MISSING
    use_language("cy")
    assert _(TITLE_MISSING) == WELSH[TITLE_MISSING]
    assert ngettext(*PEOPLE, 1) == PEOPLE_WELSH[0]
    assert ngettext(*PEOPLE, 3) == PEOPLE_WELSH[1]
    assert _("A message no catalogue holds.") == "A message no catalogue holds."
    assert language_tag() == "cy"


def test_the_language_the_computer_asks_for_is_used(welsh, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANGUAGE", "cy:en")
    use_language()
    assert _(TITLE_MISSING) == WELSH[TITLE_MISSING]
    monkeypatch.setenv("LANGUAGE", "fr")  # no French catalogue: English, as written
    use_language()
    assert _(TITLE_MISSING) == TITLE_MISSING
    assert language_tag() == "en-GB"


def test_the_command_line_answers_in_the_computers_language(
    welsh, monkeypatch, tmp_path, capsys
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANGUAGE", "cy")
    folder = str(tmp_path / "data")
    out = str(tmp_path / "pack.pdf")
    arguments = ["export", "pack", "--data-dir", folder, "--session", "nonsense"]
    arguments += ["--kind", "before", "--out", out]
    assert cli.main(arguments) == 2  # not a session at all: called wrongly
    said = capsys.readouterr().err
    assert "Nid yw “nonsense” yn sesiwn" in said, said


def test_a_pack_is_tagged_with_the_language_of_its_words(welsh, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "data")
    example_data.load_example_data(db)
    group_id = groups.list_groups(db)[0].id
    meeting_id = meetings.list_meetings(db, group_id)[0].id
    assert session_pack(db, meeting_id, "before").language == "en-GB"
    use_language("cy")
    assert session_pack(db, meeting_id, "before").language == "cy"


# -- every message where a catalogue can reach it ------------------------------------------

TRANSLATORS = {"_", "ngettext"}
# Qt calls whose words a person reads or hears: never bare text.
SHOWN = {
    "setText", "setToolTip", "setAccessibleName", "setAccessibleDescription", "setWindowTitle",
    "setPlaceholderText", "setTitle", "setStatusTip", "setWhatsThis", "addTab", "setTabText",
    "setSpecialValueText", "addMenu", "addAction", "announce", "show_quietly", "QLabel",
    "QPushButton", "QAction", "QRadioButton", "QGroupBox", "Heading", "WrappingCheckBox",
}  # fmt: skip
WORDS = re.compile(r"[^\W\d_]{2}")


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(APP.rglob("*.py")):
        yield str(path.relative_to(APP.parent)), ast.parse(path.read_text(encoding="utf-8"))


def _called(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _built(node: ast.expr) -> bool:
    """Whether ``node`` makes its text as the program runs (an f-string, "a" + b, a format)."""
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join", "replace")
    )


def _literal_words(node: ast.expr) -> bool:
    """Whether ``node`` is text written into the code with words in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_literal_words(part) for part in node.values)
    return False


def test_every_message_is_one_whole_literal_the_catalogue_tools_can_find() -> None:
    """``_(f"…")`` or ``_("a" + b)`` would be looked up after it was filled in, and never found."""
    wrong = []
    for where, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) in TRANSLATORS:
                messages = node.args[:1] if _called(node) == "_" else node.args[:2]
                if any(_built(message) for message in messages):
                    wrong.append(f"{where}:{node.lineno}")
    assert wrong == []


def test_no_message_is_looked_up_while_a_module_loads() -> None:
    """It would stay in English: the language is chosen once the program has started."""
    early: list[str] = []

    def visit(node: ast.AST, where: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            return  # runs when called, not when loaded
        if isinstance(node, ast.Call) and _called(node) in TRANSLATORS:
            early.append(f"{where}:{node.lineno}")
        for child in ast.iter_child_nodes(node):
            visit(child, where)

    for where, tree in _sources():
        visit(tree, where)
    assert early == []


def test_the_screens_never_show_words_that_skip_the_catalogue() -> None:
    bare = []
    for where, tree in _sources():
        if not where.startswith("app/ui/"):
            continue
        for node in ast.walk(tree):
            shown = isinstance(node, ast.Call) and _called(node) in SHOWN
            if shown and any(_literal_words(argument) for argument in node.args[:1]):
                bare.append(f"{where}:{node.lineno} {_called(node)}")
    assert bare == []

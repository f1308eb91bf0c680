"""A command that only reads saved data, pointed at a folder with none (a mistyped
--data-dir), says so in one plain sentence, exits 1 and leaves no trace there."""

from pathlib import Path

import pytest

from app import cli
from app.storage import location
from tests.test_cli import roundtable

ONLY_READ = [
    ["check"],
    ["backup", "--out", "{out}/copy.sqlite3"],
    ["member", "list"],
    ["member", "export", "--person", "1", "--out", "{out}/person.txt"],
    ["member", "erase", "--person", "1", "--yes"],
    ["export", "pack", "--session", "next", "--kind", "before", "--out", "{out}/pack.pdf"],
    ["export", "decisions", "--group", "1", "--out", "{out}/log.pdf"],
    ["export", "member-packs", "--session", "1", "--out", "{out}/packs"],
    ["export", "payments", "--group", "1", "--out", "{out}/payments.csv"],
    ["export", "attendance", "--group", "1", "--out", "{out}/attendance.csv"],
    ["export", "audio", "--session", "last", "--kind", "after", "--out", "{out}/audio"],
    ["export", "audio-decisions", "--group", "1", "--out", "{out}/audio"],
    ["--live", "next"],
]


def filled(arguments: list[str], out: Path) -> list[str]:
    return [argument.format(out=out) for argument in arguments]


@pytest.mark.parametrize("command", ONLY_READ, ids=" ".join)
def test_a_command_that_only_reads_refuses_a_folder_with_no_data(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    mistyped = tmp_path / "Rountable"
    assert cli.main([*filled(command, tmp_path), "--data-dir", str(mistyped)]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == (
        f"There is no Roundtable data in {mistyped}. If the data is in another folder, "
        "give that folder with --data-dir FOLDER.\n"
    )
    assert not mistyped.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_a_folder_that_exists_but_holds_no_data_is_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (tmp_path / "notes.txt").write_text("someone's own file")
    assert cli.main(["member", "list", "--data-dir", str(tmp_path)]) == 1
    assert "There is no Roundtable data in" in capsys.readouterr().err
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_commands_that_make_data_still_make_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "place"
    assert cli.main(["demo", "--data-dir", str(folder)]) == 0
    assert location.holds_data(folder)


# -- the same, as a person would run them: separate processes --------------------------------


def test_as_a_program_missing_data_exits_1_and_makes_nothing(tmp_path: Path) -> None:
    mistyped = tmp_path / "Rountable"
    log = ["export", "decisions", "--group", "1", "--out", str(tmp_path / "log.pdf")]
    for command in (["member", "list"], ["check"], log):
        result = roundtable(*command, data_dir=mistyped)
        assert result.returncode == 1, command
        assert result.stderr.startswith(f"There is no Roundtable data in {mistyped}.")
        assert len(result.stderr.splitlines()) == 1
    assert not mistyped.exists()
    assert sorted(tmp_path.iterdir()) == []

"""One rule for every command: 0 done, 1 could not (one plain sentence on the error stream),
2 called wrongly. And a command that only reads saved data, pointed at a folder with none
(a mistyped --data-dir), says so and leaves no trace there."""

from pathlib import Path

import pytest

from app import cli
from app.storage import location
from tests.test_cli import roundtable

WHICH_MEMBER_COMMAND = "Please say which member command: list, export or erase."
ONLY_READ = [
    ["check"],
    ["backup", "--out", "{out}/copy.sqlite3"],
    ["member", "list"],
    ["member", "export", "--person", "1", "--out", "{out}/person.txt"],
    ["member", "erase", "--person", "1", "--yes"],
    ["session", "list"],
    ["session", "list", "--group", "1"],
    ["export", "pack", "--session", "next", "--kind", "before", "--out", "{out}/pack.pdf"],
    ["export", "decisions", "--group", "1", "--out", "{out}/log.pdf"],
    ["export", "member-packs", "--session", "1", "--out", "{out}/packs"],
    ["export", "payments", "--group", "1", "--out", "{out}/payments.csv"],
    ["export", "attendance", "--group", "1", "--out", "{out}/attendance.csv"],
    ["export", "audio", "--session", "last", "--kind", "after", "--out", "{out}/audio"],
    ["export", "audio-decisions", "--group", "1", "--out", "{out}/audio"],
    ["--live", "next"],
]

CALLED_WRONGLY = [
    (["frobnicate"], "invalid choice"),
    (["member"], WHICH_MEMBER_COMMAND),
    (["session"], "Please say which session command: list."),
    (
        ["export"],
        "Please say which export command: pack, decisions, member-packs, payments, "
        "attendance, audio or audio-decisions.",
    ),
    (["--live", "abc"], "“abc” is not a session: give its number, “next” or “last”."),
    (
        ["export", "pack", "--session", "abc", "--kind", "before", "--out", "{out}/p.pdf"],
        "“abc” is not a session",
    ),
    (["export", "audio", "--session", "1.5", "--members", "--out", "{out}/a"], "not a session"),
    (["member", "export", "--person", "abc", "--out", "{out}/p.txt"], "“abc” is not a whole"),
    (["member", "erase", "--person", "1"], "To go ahead, add --yes."),
    (
        ["export", "pack", "--session", "1", "--kind", "before", "--size", "big", "--out", "x"],
        "“big” is not a whole number.",
    ),
    (
        ["export", "pack", "--session", "1", "--kind", "before", "--size", "40", "--out", "x"],
        "The standard style needs a text size from 12 to 15 points.",
    ),
    (
        ["export", "audio", "--session", "1", "--kind", "after", "--speed", "5", "--out", "a"],
        "The speed must be from",
    ),
    (["export", "audio", "--session", "1", "--out", "{out}/a"], "Say which pack: --kind"),
    (["session", "list", "--group"], "expected one argument"),
    (["backup"], "the following arguments are required: --out"),
    (["restore"], "the following arguments are required: FILE"),
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


@pytest.mark.parametrize(("command", "words"), CALLED_WRONGLY)
def test_calling_a_command_wrongly_exits_2_with_a_plain_sentence(
    command: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = tmp_path / "data"
    assert cli.main([*filled(command, tmp_path), "--data-dir", str(folder)]) == 2
    said = capsys.readouterr()
    assert words in said.err
    assert said.out == ""
    assert not folder.exists(), "being called wrongly makes nothing"


def test_a_group_command_alone_shows_its_usage_and_what_it_takes(capsys) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["member"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("usage: roundtable member")
    assert err[-1] == WHICH_MEMBER_COMMAND


def test_misuse_is_found_before_the_data_is_looked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Called wrongly and on a mistyped folder: the mistake in the command is told first."""
    arguments = ["member", "erase", "--person", "3", "--data-dir", str(tmp_path / "typo")]
    assert cli.main(arguments) == 2
    assert "add --yes" in capsys.readouterr().err


def test_commands_that_make_data_still_make_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "place"
    assert cli.main(["demo", "--data-dir", str(folder)]) == 0
    assert location.holds_data(folder)


# -- the same, as a person would run them: separate processes --------------------------------


def test_as_a_program_misuse_and_missing_data_exit_2_and_1(tmp_path: Path) -> None:
    mistyped = tmp_path / "Rountable"
    alone = roundtable("member", data_dir=mistyped)
    assert alone.returncode == 2
    assert (
        alone.stderr.splitlines()[-1] == "Please say which member command: list, export or erase."
    )
    session = roundtable(
        "export", "pack", "--session", "abc", "--kind", "before", "--out", str(tmp_path / "p.pdf"),
        data_dir=mistyped,
    )  # fmt: skip
    assert session.returncode == 2
    assert "“abc” is not a session: give its number, “next” or “last”." in session.stderr
    log = ["export", "decisions", "--group", "1", "--out", str(tmp_path / "log.pdf")]
    for command in (["session", "list"], ["check"], log):
        result = roundtable(*command, data_dir=mistyped)
        assert result.returncode == 1, command
        assert result.stderr.startswith(f"There is no Roundtable data in {mistyped}.")
        assert len(result.stderr.splitlines()) == 1
    assert not mistyped.exists()
    assert sorted(tmp_path.iterdir()) == []

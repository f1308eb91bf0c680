"""A member can have everything held about them, and can be erased from everywhere."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import NotFound
from app.services import decision_log, groups, people, privacy, privacy_report
from app.services.example_data import load_example_data

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def example(db):
    load_example_data(db)
    return db


def person_called(db, full_name: str) -> int:
    return next(number for number, name in privacy.list_people(db) if name == full_name)


def details_of(db, person_id: int) -> people.MemberDetails:
    for group in groups.list_groups(db):
        try:
            return people.get_member(db, group.id, person_id)
        except NotFound:
            continue
    raise AssertionError("not a member of any group")


def every_text_value(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        values = []
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                values += [value for value in row if isinstance(value, str)]
        return values
    finally:
        connection.close()


def counts(db, person_id: int) -> dict[str, int]:
    with db.transaction() as session:
        return {
            table: session.execute(
                text(f"SELECT count(*) FROM {table} WHERE {column} = :person"),
                {"person": person_id},
            ).scalar_one()
            for table, column in [
                ("attendance", "person_id"),
                ("payments", "person_id"),
                ("decisions", "raised_by_id"),
                ("actions", "owner_id"),
                ("contributions", "person_id"),
            ]
        }


def test_subject_access_holds_every_kind_of_record(example) -> None:
    dai = person_called(example, "Dafydd ap Ieuan")
    report = privacy.subject_access(example, dai)
    sections = {key: records for _title, key, records in report.sections}
    details = dict((key, value) for key, _label, value in sections["details"][0])
    assert details["email"] == "dai.apieuan@example.org"
    assert details["phone"] == "07700 900442"
    assert "Hearing loop" in details["access_needs"]
    assert "hearing aids" in details["access_needs_note"]
    assert len(sections["memberships"]) == 2
    wanted = counts(example, dai)
    assert len(sections["attendance"]) == wanted["attendance"] > 0
    assert len(sections["decisions"]) == wanted["decisions"] > 0
    assert len(sections["actions"]) == wanted["actions"] > 0
    assert len(sections["payments"]) == wanted["payments"] > 0
    assert len(sections["comments"]) > 0
    with example.sqlite_connection() as connection:
        made = connection.execute(
            "SELECT count(*) FROM decision_changes WHERE changed_by IN (?, ?)",
            ("Dafydd ap Ieuan", "Dai"),
        ).fetchone()[0]
        led = connection.execute(
            "SELECT count(*) FROM agenda_items WHERE lead_id = ?", (dai,)
        ).fetchone()[0]
    assert len(sections["changes"]) == made
    assert len(sections["agenda_items"]) == led

    text = privacy_report.as_text(report)
    assert "Everything Roundtable holds about Dafydd ap Ieuan" in text
    assert "Email: dai.apieuan@example.org" in text
    for title, _key, _records in report.sections:
        assert title in text
    decoded = json.loads(privacy_report.as_json(report))
    assert decoded["person_id"] == dai
    assert decoded["details"][0]["full_name"] == "Dafydd ap Ieuan"
    assert len(decoded["payments"]) == wanted["payments"]


def test_subject_access_files_are_readable_by_their_owner_alone(example, tmp_path) -> None:
    report = privacy.subject_access(example, person_called(example, "Marjorie Ellison"))
    text, data = privacy_report.write(report, tmp_path / "out" / "marjorie.txt")
    assert text.read_text(encoding="utf-8").startswith("Everything Roundtable holds")
    assert json.loads(data.read_text(encoding="utf-8"))["details"][0]["full_name"]
    if os.name == "posix":
        assert stat.S_IMODE(text.stat().st_mode) == 0o600
        assert stat.S_IMODE(data.stat().st_mode) == 0o600


def test_erasure_removes_every_personal_detail_from_the_file_itself(example) -> None:
    dai = person_called(example, "Dafydd ap Ieuan")
    before = details_of(example, dai)
    secrets = [
        before.full_name,
        before.email,
        before.phone,
        before.postal_address,
        before.access_needs_note,
        "Wears two hearing aids",
    ]
    kept = counts(example, dai)
    # As on systems whose SQLite does not zero deleted text (Debian's does, Windows' not).
    with example.sqlite_connection() as connection:
        connection.execute("PRAGMA secure_delete=OFF")

    erased = privacy.erase_person(example, dai)
    assert erased.memberships_removed == 2
    assert erased.access_needs_removed == 1
    assert erased.names_replaced > 0

    # Counts the group's record depends on are kept, anonymously.
    assert counts(example, dai) == kept
    path = example.path
    example.close()
    for value in every_text_value(path):
        lowered = value.lower()
        for secret in secrets:
            assert secret.lower() not in lowered
        # The preferred name, as a word of its own (not inside "daily").
        assert not re.search(r"(?<!\w)dai(?!\w)", lowered), value
    # Nothing is left in free pages or the write-ahead log either.
    raw = path.read_bytes()
    log = path.with_name(path.name + "-wal")
    if log.exists():
        raw += log.read_bytes()
    for secret in secrets:
        assert secret.encode("utf-8") not in raw, secret


@pytest.mark.both_stores
def test_after_erasure_no_search_finds_them_and_their_decisions_say_a_member(example) -> None:
    dai = person_called(example, "Dafydd ap Ieuan")
    raised = counts(example, dai)["decisions"]
    privacy.erase_person(example, dai)
    for group in groups.list_groups(example):
        for typed in ("Dafydd", "ap Ieuan", "Dai", "dai.apieuan"):
            found = people.search_members(example, group.id, typed, include_left=True)
            assert found == [], typed
        for typed in ("Dafydd", "ap Ieuan", "Dai"):
            wanted = decision_log.DecisionFilter(text=typed)
            assert decision_log.count_decisions(example, group.id, wanted) == 0, typed
        members = people.list_members(example, group.id, include_left=True)
        assert dai not in [m.person_id for m in members]
    shown = [
        row
        for group in groups.list_groups(example)
        for row in decision_log.list_decisions(example, group.id)
        if row.raised_by == "A member"
    ]
    assert len(shown) == raised


@pytest.mark.both_stores
def test_erasing_someone_who_is_not_there_says_so(example) -> None:
    with pytest.raises(NotFound, match="no member with the number 9999"):
        privacy.erase_person(example, 9999)


def roundtable(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "app", *arguments, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_the_command_line_exports_and_erases(data_dir: Path, tmp_path: Path) -> None:
    assert roundtable("demo", data_dir=data_dir).returncode == 0
    listed = roundtable("member", "list", data_dir=data_dir)
    assert listed.returncode == 0
    number = next(
        line.split("\t")[0] for line in listed.stdout.splitlines() if "Rosa Menezes" in line
    )
    out = tmp_path / "rosa.txt"
    exported = roundtable(
        "member", "export", "--person", number, "--out", str(out), data_dir=data_dir
    )
    assert exported.returncode == 0, exported.stderr
    assert "Full name: Rosa Menezes" in out.read_text(encoding="utf-8")
    assert json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["person_id"] == int(
        number
    )

    unconfirmed = roundtable("member", "erase", "--person", number, data_dir=data_dir)
    assert unconfirmed.returncode == 2
    assert "add --yes" in unconfirmed.stderr
    assert "Rosa Menezes" in roundtable("member", "list", data_dir=data_dir).stdout

    erased = roundtable("member", "erase", "--person", number, "--yes", data_dir=data_dir)
    assert erased.returncode == 0, erased.stderr
    assert "Erased Rosa Menezes's personal details" in erased.stdout
    assert "Rosa Menezes" not in roundtable("member", "list", data_dir=data_dir).stdout

    missing = roundtable("member", "erase", "--person", "9999", "--yes", data_dir=data_dir)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "There is no member with the number 9999."

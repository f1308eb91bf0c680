"""Opening the data file: damage is found and never made worse; a second copy is kept out."""

import hashlib
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest
from mounts import read_only_view
from sqlalchemy import func, select

from app.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    DataFolderUnusable,
    NoDataHere,
    StorageError,
)
from app.models import Group, Meeting, Note
from app.services import maintenance
from app.storage import integrity, location, open_database
from app.storage.database import write_refused
from app.storage.restore import restore


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(db, notes: int = 3000) -> None:
    with db.transaction() as session:
        group = Group(name="Tea and Talk panel")
        meeting = Meeting(title="Session", starts_at=datetime(2026, 5, 1, 10), group=group)
        meeting.notes = [Note(text=f"Note number {n} " + "words " * 20) for n in range(notes)]
        session.add(group)


@pytest.fixture
def closed_file(db) -> Path:
    fill(db)
    db.close()
    assert not integrity.shut_down_uncleanly(db.path)
    return db.path


def test_a_file_that_is_not_a_database_is_refused_untouched(data_dir) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / location.DATABASE_NAME
    path.write_bytes(b"These are someone's holiday photos, not a database. " * 200)
    before = sha256(path)
    with pytest.raises(DatabaseDamaged, match="not a Roundtable data file"):
        open_database(data_dir)
    assert sha256(path) == before


def test_a_file_with_damaged_pages_is_refused_untouched(closed_file: Path) -> None:
    data = bytearray(closed_file.read_bytes())
    page = 4096
    for offset in range(page * 3, page * 3 + 2000, 7):
        data[offset] = 0xA5
    closed_file.write_bytes(bytes(data))
    before = sha256(closed_file)
    with pytest.raises(DatabaseDamaged, match="looks damaged"):
        open_database(closed_file.parent)
    assert sha256(closed_file) == before
    assert not integrity.wal_path(closed_file).exists()


def test_a_truncated_file_is_refused_untouched(closed_file: Path) -> None:
    data = closed_file.read_bytes()
    closed_file.write_bytes(data[: len(data) // 2])
    before = sha256(closed_file)
    with pytest.raises(DatabaseDamaged):
        open_database(closed_file.parent)
    assert sha256(closed_file) == before


def test_a_second_copy_is_told_the_data_is_in_use(db) -> None:
    with pytest.raises(DatabaseInUse, match="in use by another copy"):
        open_database(db.folder)
    # The first copy carries on as if nothing happened.
    fill(db, notes=1)
    assert db.problems(full=False) == []


def test_opening_checking_restoring_and_saving_name_the_same_cause(db, tmp_path: Path) -> None:
    copy = db.backup_to(tmp_path / "copy.sqlite3")
    refusals = []
    for attempt in (
        lambda: open_database(db.folder),
        lambda: maintenance.check(db.folder),
        lambda: restore(db.folder, copy),
    ):
        with pytest.raises(DatabaseInUse) as refused:
            attempt()
        refusals.append(str(refused.value))
    assert len(set(refusals)) == 1, refusals
    cause = "in use by another copy of Roundtable (or another program)"
    assert cause in refusals[0]
    assert "nothing has been changed" in refusals[0]
    saving = write_refused(sqlite3.OperationalError("database is locked"))
    assert isinstance(saving, DatabaseInUse)
    assert str(saving).startswith("Roundtable could not save this, because its data is " + cause)


def test_existing_only_refuses_a_folder_without_data_and_makes_nothing(tmp_path: Path) -> None:
    mistyped = tmp_path / "Rountable"
    with pytest.raises(NoDataHere, match=r"There is no Roundtable data in .*Rountable\."):
        open_database(mistyped, existing_only=True)
    assert not mistyped.exists()
    # An empty file (a first start cut short) holds nothing either, and is left as it was.
    mistyped.mkdir()
    (mistyped / location.DATABASE_NAME).touch()
    with pytest.raises(NoDataHere):
        open_database(mistyped, existing_only=True)
    assert [(p.name, p.stat().st_size) for p in mistyped.iterdir()] == [(location.DATABASE_NAME, 0)]


def test_existing_only_opens_data_that_is_there(db) -> None:
    fill(db, notes=1)
    db.close()
    again = open_database(db.folder, existing_only=True)
    try:
        with again.transaction() as session:
            assert session.scalar(select(func.count()).select_from(Note)) == 1
    finally:
        again.close()


def test_a_database_from_another_program_is_refused(data_dir) -> None:
    import sqlite3

    data_dir.mkdir(parents=True)
    path = data_dir / location.DATABASE_NAME
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StorageError, match="not one Roundtable made"):
        open_database(data_dir)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_data_is_readable_by_its_owner_alone(db) -> None:
    assert stat.S_IMODE(db.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.path.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions or mounts")
def test_a_read_only_folder_gets_a_plain_message(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    # As root, permissions stop nothing: the folder is seen through a read-only mount.
    with (
        read_only_view(folder, tmp_path / "read-only") as seen,
        pytest.raises(DataFolderUnusable, match=r"read-only|cannot"),
    ):
        open_database(seen)


def test_a_folder_that_cannot_be_made_gets_a_plain_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderUnusable, match="cannot use the data folder"):
        open_database(blocker / "inside")


LINUX_MOUNTS = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:40 / /home/pat/shared rw,relatime shared:2 - nfs4 server:/export rw
41 22 0:41 / /mnt/office\\040files rw shared:3 - cifs //nas/files rw
"""
MAC_MOUNTS = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//pat@nas/team on /Volumes/team (smbfs, nodev, nosuid, mounted by pat)
"""


@pytest.mark.parametrize(
    ("folder", "table", "expected"),
    [
        ("/home/pat/.local/share/Roundtable", LINUX_MOUNTS, None),
        ("/home/pat/shared/Roundtable", LINUX_MOUNTS, "network drive"),
        ("/mnt/office files/Roundtable", LINUX_MOUNTS, "network drive"),
        ("/Users/pat/Library/Roundtable", MAC_MOUNTS, None),
        ("/Volumes/team/Roundtable", MAC_MOUNTS, "network drive"),
        ("/home/pat/Dropbox/Roundtable", LINUX_MOUNTS, "Dropbox"),
        ("/Users/pat/Library/Mobile Documents/com~apple~CloudDocs/R", MAC_MOUNTS, "Mobile"),
        ("/home/pat/OneDrive - Council/Roundtable", LINUX_MOUNTS, "OneDrive"),
    ],
)
def test_network_and_cloud_folders_are_warned_about(folder, table, expected) -> None:
    warning = location.risky_location_warning(Path(folder), mount_table=table)
    if expected is None:
        assert warning is None
    else:
        assert warning is not None and expected in warning


def test_the_data_folder_comes_from_the_flag_then_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(location.DATA_DIR_VARIABLE, str(tmp_path / "from-env"))
    assert location.resolve_data_dir(str(tmp_path / "flag")) == (tmp_path / "flag").resolve()
    assert location.resolve_data_dir(None) == (tmp_path / "from-env").resolve()
    monkeypatch.delenv(location.DATA_DIR_VARIABLE)
    assert location.resolve_data_dir(None) == location.default_data_dir()


def test_a_window_can_defer_the_quick_check_but_still_finds_damage(closed_file: Path) -> None:
    data = bytearray(closed_file.read_bytes())
    for offset in range(4096 * 40, 4096 * 40 + 3000, 5):
        data[offset] = 0x5A
    closed_file.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        open_database(closed_file.parent)
    db = open_database(closed_file.parent, quick_check_later=True)
    try:
        assert db.problems(full=False) != []
    finally:
        db.close()


def test_lower_case_folding_covers_every_script(db) -> None:
    from sqlalchemy import func, select

    with db.transaction() as session:
        folded = session.scalar(select(func.lower("ŻÓŁW ÖZGÜR ΣΟΦΊΑ Ärzte")))
    assert folded == "żółw özgür σοφία ärzte"

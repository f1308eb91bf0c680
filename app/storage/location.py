"""Where Roundtable keeps its data, and whether that place is safe for a database."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import platformdirs

from app.errors import DataFolderUnusable, NoDataHere
from app.i18n import _

DATABASE_NAME = "roundtable.sqlite3"
BACKUP_FOLDER_NAME = "backups"
DATA_DIR_VARIABLE = "ROUNDTABLE_DATA_DIR"
DATABASE_URL_VARIABLE = "ROUNDTABLE_DATABASE_URL"

# Folders that desktop sync clients watch. Syncing a live SQLite file copies it half-written.
_CLOUD_FOLDER_NAMES = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "my drive",
    "icloud drive",
    "icloud",
    "mobile documents",
    "box",
    "box sync",
    "pcloud drive",
    "mega",
    "nextcloud",
    "owncloud",
    "sync.com",
)
_NETWORK_FILE_SYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "afpfs",
    "webdav",
    "davfs",
    "fuse.davfs2",
    "fuse.sshfs",
    "sshfs",
    "fuse.rclone",
    "9p",
    "afs",
    "ceph",
    "glusterfs",
    "fuse.glusterfs",
    "lustre",
    "gpfs",
    "ncpfs",
}


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("Roundtable", appauthor=False, roaming=False))


def resolve_data_dir(given: str | os.PathLike[str] | None) -> Path:
    """The folder given on the command line, else ``ROUNDTABLE_DATA_DIR``, else the user's."""
    if given:
        return Path(given).expanduser().resolve()
    from_environment = os.environ.get(DATA_DIR_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser().resolve()
    return default_data_dir()


def resolve_database_url(given: str | None) -> str | None:
    """The address of a shared database server, if one is given (``--database-url``, else
    the environment); None means the data file in the data folder."""
    chosen = given if given is not None else os.environ.get(DATABASE_URL_VARIABLE, "")
    return chosen.strip() or None


def holds_data(folder: Path) -> bool:
    """Whether ``folder`` holds a data file with anything in it. Looking creates nothing."""
    try:
        return (folder / DATABASE_NAME).stat().st_size > 0
    except OSError:
        return False


def require_data(folder: Path) -> None:
    """Refuse in words, creating nothing, when ``folder`` holds no data file: for whatever
    only reads saved data, where a new empty file would hide a mistyped folder."""
    if not holds_data(folder):
        raise NoDataHere(_("There is no Roundtable data in {folder}.").format(folder=folder))


def prepare_data_dir(folder: Path) -> Path:
    """Create the folder (readable by this user alone) and check that it can be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        (folder / BACKUP_FOLDER_NAME).mkdir(exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(folder, 0o700)
            os.chmod(folder / BACKUP_FOLDER_NAME, 0o700)
    except OSError as error:
        if folder.is_dir() and error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise _read_only(folder) from error
        raise DataFolderUnusable(
            _("Roundtable cannot use the data folder {folder}: {reason}.").format(
                folder=folder, reason=error.strerror or error
            )
        ) from error
    if not os.access(folder, os.W_OK):
        raise _read_only(folder)
    return folder


def _read_only(folder: Path) -> DataFolderUnusable:
    return DataFolderUnusable(
        _("Roundtable cannot save in the data folder {folder}: it is read-only.").format(
            folder=folder
        )
    )


def risky_location_warning(folder: Path, mount_table: str | None = None) -> str | None:
    """A plain warning when ``folder`` is on a network or cloud-synced drive, else None."""
    cloud = _cloud_folder(folder)
    if cloud:
        return _(
            "Your data folder {folder} is inside {cloud}, which copies files while they are "
            "being written. Roundtable works best with its data on this computer's own disk."
        ).format(folder=folder, cloud=cloud)
    if _on_network_drive(folder, mount_table):
        return _(
            "Your data folder {folder} is on a network drive. Roundtable's data file can be "
            "damaged there. Please keep it on this computer's own disk."
        ).format(folder=folder)
    return None


def _cloud_folder(folder: Path) -> str | None:
    for part in folder.parts:
        lowered = part.lower()
        for name in _CLOUD_FOLDER_NAMES:
            if lowered == name or lowered.startswith(name + " ") or lowered.startswith(name + "-"):
                return part
    return None


def _on_network_drive(folder: Path, mount_table: str | None) -> bool:
    if sys.platform == "win32" and mount_table is None:
        return _windows_remote_drive(folder)
    fstype = file_system_type(folder, mount_table)
    return fstype is not None and fstype.lower() in _NETWORK_FILE_SYSTEMS


def file_system_type(folder: Path, mount_table: str | None = None) -> str | None:
    """The type of the file system holding ``folder`` (Linux and macOS), or None if unknown."""
    if mount_table is None:
        mount_table = _read_mount_table()
    if not mount_table:
        return None
    best_point, best_type = "", None
    target = str(folder)
    for mount_point, fstype in _parse_mounts(mount_table):
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best_point):
            best_point, best_type = mount_point, fstype
    return best_type


def _parse_mounts(table: str) -> list[tuple[str, str]]:
    mounts = []
    for line in table.splitlines():
        if " - " in line:  # Linux /proc/self/mountinfo
            before, after = line.split(" - ", 1)
            fields = before.split()
            if len(fields) >= 5 and after.split():
                point = fields[4].replace("\\040", " ")
                mounts.append((point, after.split()[0]))
        elif " on " in line and "(" in line:  # macOS and BSD `mount`
            rest = line.split(" on ", 1)[1]
            point, _paren, options = rest.rpartition(" (")
            mounts.append((point, options.split(",")[0].strip(" )")))
    return mounts


def _read_mount_table() -> str:
    try:
        return Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        pass
    if sys.platform == "darwin":
        try:
            return subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=2, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return ""
    return ""


def _windows_remote_drive(folder: Path) -> bool:
    text = str(folder)
    if text.startswith("\\\\"):
        return True
    import ctypes

    drive_remote = 4
    root = os.path.splitdrive(text)[0] + "\\"
    return bool(ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote)  # type: ignore[attr-defined]

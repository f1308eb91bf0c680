"""Build Roundtable as a folder that runs without Python, then check that the folder works.

    python build_installer.py                 # builds dist/roundtable and checks it
    python build_installer.py --dist OUT      # builds OUT/roundtable instead
    python build_installer.py --skip-check    # builds only

The folder holds the program (roundtable, or roundtable.exe on Windows) and an _internal
folder beside it with Python, Qt, resources/ and the database migrations. Copy the whole
folder; the program does not work on its own.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NAME = "roundtable"
MIGRATIONS = ROOT / "app" / "storage" / "migrations"
RESOURCES = ROOT / "resources"

# Alembic imports env.py and versions/*.py by path at run time, so PyInstaller never sees
# what they import; these are those imports, plus SQLAlchemy's SQLite dialect, which
# SQLAlchemy itself looks up by name from the database URL.
HIDDEN_IMPORTS = [
    "alembic.op",
    "alembic.context",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    # pyttsx3 picks its driver by name at run time; app.speech uses the espeak-ng binding
    # on Linux and pyttsx3's own engine (SAPI5, NSSS) on Windows and macOS.
    "pyttsx3.drivers",
    "pyttsx3.drivers._espeak",
    *(["pyttsx3.drivers.sapi5", "comtypes.client"] if sys.platform == "win32" else []),
    *(["pyttsx3.drivers.nsss"] if sys.platform == "darwin" else []),
    # ReportLab loads its compiled helpers (the rl-accel package) with exec(), unseen.
    "_rl_accel",
]
# PyInstaller already leaves out the Qt modules app/ does not import, so today these change
# nothing; they keep a stray import from pulling the large QML and Quick parts into the folder.
EXCLUDED_QT = ["Qml", "Quick", "QuickWidgets", "Designer", "Help", "Test", "UiTools", "Sql"]
EXCLUDES = ["tkinter", *(f"PySide6.Qt{name}" for name in EXCLUDED_QT)]


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the Roundtable application folder.")
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="where to put it (dist/)")
    parser.add_argument("--skip-check", action="store_true", help="build only, do not run it")
    arguments = parser.parse_args()
    if importlib.util.find_spec("PyInstaller") is None:
        print('PyInstaller is not installed here. Install it with: pip install -e ".[dev]"')
        return 1
    dist = Path(arguments.dist).resolve()
    version = read_version()
    print(f"Building Roundtable {version} into {dist / NAME} (a minute or so).")
    # Said up front so that nobody chases them: they are about other databases and Windows.
    print("PyInstaller's warnings about pysqlite2, MySQLdb, ole32, shell32 and GTK are expected.")
    started = time.monotonic()
    if not build(dist):
        print("The build failed; PyInstaller's messages above say why.")
        return 1
    bundle = dist / NAME
    print(f"Built {bundle} in {time.monotonic() - started:.0f} s ({folder_mb(bundle):.0f} MB).")
    if arguments.skip_check:
        print("Skipped the checks, as asked.")
        return 0
    return check(bundle, version)


def read_version() -> str:
    # Read as text, so it is this source tree's version whatever copy of app Python would import.
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("Could not find __version__ in app/__init__.py.")
    return found.group(1)


def build(dist: Path) -> bool:
    # PyInstaller's work files and spec go into a temporary folder, so that two builds at
    # once (a test and a person) never share them and nothing is left in the repository.
    with tempfile.TemporaryDirectory(prefix="roundtable-build-") as work:
        # A launcher outside app/: given app/__main__.py, PyInstaller would put app/ itself
        # on the import path and app's modules could load twice under two names.
        launcher = Path(work) / "roundtable_launcher.py"
        launcher.write_text(
            "import sys\nfrom app.cli import main\nsys.exit(main())\n", encoding="utf-8"
        )
        # fmt: off
        command = [
            sys.executable, "-m", "PyInstaller", str(launcher),
            "--name", NAME,
            "--onedir",
            "--noconfirm",
            "--log-level", "WARN",
            "--distpath", str(dist),
            "--workpath", str(Path(work) / "build"),
            "--specpath", work,
            "--paths", str(ROOT),
            # Every module of app, including the ones that are only imported inside functions.
            "--collect-submodules", "app",
            # The data: frozen modules' __file__ points into _internal/, so
            # app/services/example_data.py finds _internal/resources, and Alembic finds its
            # scripts at _internal/app/storage/migrations, exactly as in the source tree.
            "--add-data", f"{RESOURCES}{os.pathsep}resources",
            "--add-data", f"{MIGRATIONS}{os.pathsep}app/storage/migrations",
        ]
        # fmt: on
        for module in HIDDEN_IMPORTS:
            command += ["--hidden-import", module]
        for module in EXCLUDES:
            command += ["--exclude-module", module]
        if sys.platform in ("win32", "darwin"):
            # No console window behind the app there; on Linux the flag does nothing.
            command.append("--windowed")
        finished = subprocess.run(command, cwd=ROOT, check=False)
    # PyInstaller copies __pycache__ folders along with the data; they are not needed.
    for cache in list((dist / NAME).rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)
    return finished.returncode == 0


def check(bundle: Path, version: str) -> int:
    program = bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    data = Path(tempfile.mkdtemp(prefix="roundtable-check-"))
    checks = [
        ("says its version", ["--version"], f"Roundtable {version}"),
        ("opens and draws its main window", ["--smoke", "--data-dir", str(data)], None),
        ("loads the example data", ["demo", "--data-dir", str(data)], None),
        ("finds that data file healthy", ["check", "--data-dir", str(data)], None),
    ]
    failed = 0
    for number, (what, arguments, expected) in enumerate(checks, start=1):
        print(f"Check {number}/{len(checks)}: the built program {what} ... ", end="", flush=True)
        problem = run(program, arguments, expected)
        print("ok" if problem is None else f"FAILED\n{problem}")
        failed += problem is not None
    if failed:
        # The program writes its faults to a log in the data folder: show the end of it here,
        # where CI's output will have it, and keep the folder for a closer look.
        log = data / "logs" / "roundtable.log"
        if log.exists():
            print(f"The end of {log}:")
            print("\n".join(log.read_text(encoding="utf-8").splitlines()[-25:]))
        print(f"{failed} of {len(checks)} checks failed: do not hand out {bundle}.")
        return 1
    shutil.rmtree(data, ignore_errors=True)
    print(f"All {len(checks)} checks passed. {bundle} is ready: copy the whole folder and")
    print(f"start {program.name} inside it.")
    return 0


def run(program: Path, arguments: list[str], expected: str | None) -> str | None:
    """None when the program did what it should, else what went wrong, in words."""
    # Offscreen: the checks must work on a machine with no screen, such as CI.
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("ROUNDTABLE_DATA_DIR", None)  # only the folder given may be touched
    try:
        result = subprocess.run(
            [str(program), *arguments],
            capture_output=True,
            text=True,
            env=environment,
            timeout=180,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"    could not run {program.name} {' '.join(arguments)}: {error}"
    said = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        return f"    {program.name} {' '.join(arguments)} exited {result.returncode}:\n{said}"
    if expected and expected not in result.stdout:
        if sys.platform == "win32" and not result.stdout:
            print("(said nothing: no console for a windowed program on Windows) ", end="")
            return None
        return f"    expected {expected!r}, it printed {said!r}"
    return None


def folder_mb(folder: Path) -> float:
    # Symbolic links (PyInstaller makes some for Qt's libraries) take no room of their own.
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    return sum(f.stat().st_size for f in files) / 1_000_000


if __name__ == "__main__":
    sys.exit(main())

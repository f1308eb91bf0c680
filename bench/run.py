"""Roundtable's benchmark. Prints its figures as JSON.

    python bench/run.py [--repeat N] [--keep FOLDER]

Builds the large data set (bench/large_data.py) through the example-data loader, then
times the full ``check`` on it and the cold start of ``python -m app --smoke`` on it, beside
the same start on an empty folder and a bare PySide6 window that does the same (the floor),
and the Decisions area on it (bench/views.py: first rows, scrolling, typing a search).
PDF packs (bench/pdf.py): a 10-page pack, and a 20,000-decision log, tagged and untagged.
Packs from saved data (bench/packs.py): a 20,000-decision log read and written, a real pack.
Audio (bench/audio.py): audio seconds made per second, speech start and stop.
Typing notes in live session mode with autosave on (bench/live_typing.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import clock  # noqa: E402
from app.services import example_data  # noqa: E402
from app.storage import open_database  # noqa: E402
from bench import audio as audio_packs  # noqa: E402
from bench import large_data, live_typing, views  # noqa: E402
from bench import packs as pack_content  # noqa: E402
from bench import pdf as pdf_packs  # noqa: E402

# Start-up is timed as an installed copy starts: with its modules already compiled (pip and
# the installer both compile them), so a machine that forbids writing bytecode is not
# timing the compiler on every run.
ENVIRONMENT = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHONPATH": str(ROOT),
}


def compile_modules() -> None:
    for folder in ("app", "bench"):
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / folder)],
            env=ENVIRONMENT,
            check=True,
            capture_output=True,
        )


def timed_command(command: list[str], repeat: int) -> float:
    """Median wall-clock seconds of ``command``; fails loudly if it does not succeed."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=ENVIRONMENT, cwd=ROOT)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return statistics.median(times)


def first_drawn(command: list[str], repeat: int) -> float:
    """Median seconds from the program's own start until its window was first drawn, as
    the program itself reports it ("Drew the window 0.26 s after starting…")."""
    times = []
    for _ in range(repeat):
        result = subprocess.run(
            command, capture_output=True, text=True, env=ENVIRONMENT, cwd=ROOT, check=True
        )
        found = re.search(r"Drew the window ([0-9.]+) s", result.stdout)
        if found is None:
            raise SystemExit(f"{' '.join(command)} did not say when it drew:\n{result.stdout}")
        times.append(float(found.group(1)))
    return statistics.median(times)


def build_large(folder: Path) -> dict[str, float]:
    data = large_data.build()
    db = open_database(folder)
    try:
        started = time.perf_counter()
        summary = example_data.load_data_set(db, data, clock.today())
        seconds = time.perf_counter() - started
    finally:
        db.close()
    return {
        "build_seconds": round(seconds, 2),
        "database_megabytes": round((folder / "roundtable.sqlite3").stat().st_size / 2**20, 1),
        "people": summary.people,
        "sessions": summary.sessions,
        "decisions": summary.decisions,
        "actions": summary.actions,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per start-up figure")
    parser.add_argument("--keep", type=Path, help="build the large data set here and keep it")
    arguments = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="roundtable-bench-"))
    large = arguments.keep or work / "large"
    empty = work / "empty"
    try:
        if not (large / "roundtable.sqlite3").exists():
            figures = build_large(large)
        else:
            figures = {"build_seconds": None}
        app = [sys.executable, "-m", "app"]
        compile_modules()
        figures["check_seconds"] = round(
            timed_command([*app, "check", "--data-dir", str(large)], repeat=1), 2
        )
        timed_command([*app, "--smoke", "--data-dir", str(empty)], repeat=1)  # create it
        bare_window = str(ROOT / "bench" / "bare_window.py")
        bare = timed_command([sys.executable, bare_window], arguments.repeat)
        # The same window after importing the database toolkit every start must load:
        # the floor for an app whose first screen shows stored data.
        bare_with_orm = timed_command(
            [
                sys.executable,
                "-c",
                f"import sqlalchemy.orm, runpy; runpy.run_path({bare_window!r}, "
                "run_name='__main__')",
            ],
            arguments.repeat,
        )
        smoke_empty = timed_command([*app, "--smoke", "--data-dir", str(empty)], arguments.repeat)
        smoke_large = timed_command([*app, "--smoke", "--data-dir", str(large)], arguments.repeat)
        bare_drawn = first_drawn([sys.executable, bare_window], arguments.repeat)
        smoke_drawn = first_drawn([*app, "--smoke", "--data-dir", str(large)], arguments.repeat)
        figures |= {
            "bare_window_drawn_seconds": round(bare_drawn, 3),
            "smoke_large_drawn_seconds": round(smoke_drawn, 3),
            "smoke_large_drawn_to_bare_drawn_ratio": round(smoke_drawn / bare_drawn, 2),
            "bare_window_seconds": round(bare, 3),
            "bare_window_with_sqlalchemy_seconds": round(bare_with_orm, 3),
            "smoke_empty_seconds": round(smoke_empty, 3),
            "smoke_large_seconds": round(smoke_large, 3),
            "smoke_large_to_bare_ratio": round(smoke_large / bare, 2),
            "smoke_large_to_empty_ratio": round(smoke_large / smoke_empty, 2),
            "target_ratio": 3.0,
            "views": views.measure(large),
            "pdf_packs": pdf_packs.measure(repeat=arguments.repeat),
            "pack_content": pack_content.measure(repeat=arguments.repeat),
            "audio": audio_packs.measure(repeat=arguments.repeat),
            "live_typing": live_typing.measure(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}",
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
